/*
 * fidelity: how well dubao recovers the structure of real articles whose
 * structure is known.
 *
 *	fidelity [-buv] [-w N] [DIR]
 *
 * DIR (default ../shared/corpus/rmrb-2019) holds folders of days, each
 * holding one article per file named YYYYMMDD-PP-NN.txt (PP the page, NN
 * the article's place on it).  In every file line 1 is the kicker (引题)
 * or empty, line 2 the headline, line 3 the subtitle (副题) or empty: the
 * ground truth.  See ../shared/corpus/README.md.
 *
 * Articles: each file is read as dubao reads a file, and scored on its
 * first story: headline exact, kicker exact and subtitle exact (both
 * counted over the articles whose headline was found; an absent kicker
 * must come out absent), exactly one story.
 *
 * Pages: the articles of one page put one after another, as a reader who
 * copies a page's stories from an e-paper gets them, twice: joined as
 * they are (each file ends with a line end) and with a blank line
 * between articles.  Scored: headlines found as the headline of a story
 * (each expected headline matched once), and the stories beyond the
 * number of articles.
 *
 * The worst misses (articles whose headline was not found) are listed
 * with dubao's --explain of their first lines (-w N of them; -v lists
 * every miss without the explanation).  -u reads every article without
 * the indent of its paragraphs (the U+3000 at line starts removed), as
 * collections that dropped it give them: a harder test of the same
 * format.  -b reads every article as a copy from a web page gives it:
 * a blank line between all its lines, no indent, no empty line where
 * the kicker or the subtitle is missing (the ground truth is read
 * before).  A benchmark of the structure
 * reader, not a test: it prints figures and always exits 0 unless it
 * cannot read the corpus.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <locale.h>

#include "doc.h"
#include "explain.h"
#include "page.h"
#include "slurp.h"
#include "xmalloc.h"

/* One article: its file and its ground truth. */
struct fid_article {
	char	*path;
	char	*kicker, *headline, *subtitle;	/* trimmed, "" when none */
	char	*bytes;
	size_t	 n;
};

/* What the scoring counts. */
struct fid_score {
	size_t	 articles, headline, kicker, subtitle, one;
	size_t	 pages, want, found, extra;
	size_t	 bpages, bwant, bfound, bextra;	/* with blank lines */
};

/* A miss, kept for the listing. */
struct fid_miss {
	const struct fid_article *a;
	char	*got;		/* the headline found, or NULL */
	size_t	 nstories;
	int	 what;		/* 'h', 'k', 's', '1' */
};

static struct fid_miss	*fid_misses;
static size_t		 fid_nmisses;

/* Length of the white space (ASCII, U+3000, NBSP) at s, or 0. */
static size_t
fid_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t' || *u == '\r')
		return 1;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	return 0;
}

/* A copy of [s, e) without leading and trailing white space. */
static char *
fid_trim(const char *s, const char *e)
{
	size_t	 k;
	char	*r;

	while (s < e && (k = fid_space(s)) > 0)
		s += k;
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		else if (e - s >= 3 && (unsigned char)e[-3] == 0xe3 &&
		    (unsigned char)e[-2] == 0x80 && (unsigned char)e[-1] == 0x80)
			e -= 3;
		else if (e - s >= 2 && (unsigned char)e[-2] == 0xc2 &&
		    (unsigned char)e[-1] == 0xa0)
			e -= 2;
		else
			break;
	}
	r = xmalloc((size_t)(e - s) + 1);
	memcpy(r, s, (size_t)(e - s));
	r[e - s] = '\0';
	return r;
}

/* Remove the ideographic spaces that start the lines of b (n bytes);
   the new length. */
static size_t
fid_unindent(char *b, size_t n)
{
	size_t	 i = 0, o = 0;
	int	 bol = 1;

	while (i < n) {
		if (bol && i + 3 <= n && (unsigned char)b[i] == 0xe3 &&
		    (unsigned char)b[i + 1] == 0x80 &&
		    (unsigned char)b[i + 2] == 0x80) {
			i += 3;
			continue;
		}
		bol = b[i] == '\n';
		b[o++] = b[i++];
	}
	b[o] = '\0';
	return o;
}

/* Rewrite the n bytes of b (an article of the collection) as a web
   page's copy gives it: each non-empty line trimmed of its indent and
   its line end, a blank line after it (LF); a new buffer, its length in
   *len. */
static char *
fid_blank_separated(const char *b, size_t n, size_t *len)
{
	const char *s = b, *e = b + n, *nl, *t;
	char	*r = xmalloc(2 * n + 2);
	size_t	 o = 0;

	while (s < e) {
		nl = memchr(s, '\n', (size_t)(e - s));
		t = nl != NULL ? nl : e;
		if (t > s && t[-1] == '\r')
			t--;
		while (t - s >= 3 && (unsigned char)s[0] == 0xe3 &&
		    (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
			s += 3;
		while (t > s && (*s == ' ' || *s == '\t'))
			s++;
		if (t > s) {
			memcpy(r + o, s, (size_t)(t - s));
			o += (size_t)(t - s);
			r[o++] = '\n';
			r[o++] = '\n';
		}
		s = nl != NULL ? nl + 1 : e;
	}
	r[o] = '\0';
	*len = o;
	return r;
}

/* Line i (0-based) of the article's bytes, trimmed. */
static char *
fid_line(const char *b, size_t n, int i)
{
	const char *s = b, *e = b + n, *nl;

	while (i-- > 0) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			return xstrdup("");
		s = nl + 1;
	}
	nl = memchr(s, '\n', (size_t)(e - s));
	return fid_trim(s, nl != NULL ? nl : e);
}

/* The joined text of the blocks of kind k of story st, trimmed. */
static char *
fid_kind(const struct page *pg, const struct story *st, enum block_kind k)
{
	char	*all = xstrdup(""), *t, *r;
	size_t	 i, len;

	for (i = 0; i < st->nblocks; i++) {
		if (st->blocks[i].kind != k)
			continue;
		t = page_block_join(pg, &st->blocks[i], &len, NULL);
		r = xasprintf("%s%s", all, t);
		free(all);
		free(t);
		all = r;
		if (k == BLOCK_HEADLINE)
			break;
	}
	r = fid_trim(all, all + strlen(all));
	free(all);
	return r;
}

/* Note a miss of article a. */
static void
fid_miss(const struct fid_article *a, const char *got, size_t nst, int what)
{
	struct fid_miss *m;

	fid_misses = xreallocarray(fid_misses, fid_nmisses + 1,
	    sizeof *fid_misses);
	m = &fid_misses[fid_nmisses++];
	m->a = a;
	m->got = got != NULL ? xstrdup(got) : NULL;
	m->nstories = nst;
	m->what = what;
}

/* Score one article read on its own. */
static void
fid_article(struct fid_score *sc, const struct fid_article *a)
{
	struct doc	 d;
	const struct page *pg;
	char		*h, *k, *s;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, a->path, a->bytes, a->n);
	sc->articles++;
	if (d.nstories == 1)
		sc->one++;
	if (d.npages == 0 || d.pages[0].page.nstories == 0) {
		fid_miss(a, NULL, d.nstories, 'h');
		doc_free(&d);
		return;
	}
	pg = &d.pages[0].page;
	h = fid_kind(pg, &pg->stories[0], BLOCK_HEADLINE);
	if (strcmp(h, a->headline) == 0) {
		sc->headline++;
		k = fid_kind(pg, &pg->stories[0], BLOCK_KICKER);
		s = fid_kind(pg, &pg->stories[0], BLOCK_SUBTITLE);
		if (strcmp(k, a->kicker) == 0)
			sc->kicker++;
		else
			fid_miss(a, k, d.nstories, 'k');
		if (strcmp(s, a->subtitle) == 0)
			sc->subtitle++;
		else
			fid_miss(a, s, d.nstories, 's');
		free(k);
		free(s);
		if (d.nstories != 1)
			fid_miss(a, h, d.nstories, '1');
	} else
		fid_miss(a, h, d.nstories, 'h');
	free(h);
	doc_free(&d);
}

/* Score the articles v[0..n) of one page put one after another, with
   sep between articles. */
static void
fid_page(size_t *pages, size_t *want, size_t *found, size_t *extra,
    struct fid_article **v, size_t n, const char *sep)
{
	struct doc	 d;
	char		*buf = NULL, *h;
	size_t		 len = 0, i, p, s, j, nh = 0;
	unsigned char	*used;

	for (i = 0; i < n; i++) {
		buf = xrealloc(buf, len + v[i]->n + strlen(sep) + 1);
		if (i > 0) {
			memcpy(buf + len, sep, strlen(sep));
			len += strlen(sep);
		}
		memcpy(buf + len, v[i]->bytes, v[i]->n);
		len += v[i]->n;
	}
	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "page", buf != NULL ? buf : "", len);
	used = xcalloc(n, 1);
	for (p = 0; p < d.npages; p++) {
		const struct page *pg = &d.pages[p].page;

		for (s = 0; s < pg->nstories; s++) {
			h = fid_kind(pg, &pg->stories[s], BLOCK_HEADLINE);
			for (j = 0; j < n; j++)
				if (!used[j] && strcmp(h, v[j]->headline) == 0) {
					used[j] = 1;
					nh++;
					break;
				}
			free(h);
		}
	}
	(*pages)++;
	*want += n;
	*found += nh;
	if (d.nstories > n)
		*extra += d.nstories - n;
	free(used);
	free(buf);
	doc_free(&d);
}

/* Sort file names bytewise. */
static int
fid_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted entries of a directory that pass keep (malloc'ed). */
static char **
fid_list(const char *dir, size_t *n, int files)
{
	DIR		*dp;
	struct dirent	*de;
	char		**v = NULL;
	size_t		 len;

	*n = 0;
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		len = strlen(de->d_name);
		if (files != (len > 4 && strcmp(de->d_name + len - 4,
		    ".txt") == 0))
			continue;
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	if (*n > 0)
		qsort(v, *n, sizeof *v, fid_cmp);
	return v;
}

/* The page of an article file: the PP of YYYYMMDD-PP-NN.txt. */
static int
fid_pageno(const char *path)
{
	const char *b = strrchr(path, '/'), *dash;

	b = b != NULL ? b + 1 : path;
	if ((dash = strchr(b, '-')) == NULL)
		return -1;
	return atoi(dash + 1);
}

/* Print a percentage line. */
static void
fid_row(const char *what, size_t k, size_t n, const char *of)
{
	printf("  %-34s %6.1f %%  (%zu of %zu%s)\n", what,
	    n ? 100.0 * (double)k / (double)n : 0.0, k, n, of);
}

/* Print the --explain of the first lines of an article. */
static void
fid_explain(const struct fid_article *a, size_t maxlines)
{
	struct doc	 d;
	char		*out = NULL;
	size_t		 olen = 0, i, lines = 0;
	FILE		*f;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, a->path, a->bytes, a->n);
	if ((f = open_memstream(&out, &olen)) == NULL) {
		doc_free(&d);
		return;
	}
	explain_doc(&d, f);
	fclose(f);
	for (i = 0; i < olen && lines < maxlines; i++) {
		if (i == 0 || out[i - 1] == '\n')
			fputs("      ", stdout);
		putchar(out[i]);
		if (out[i] == '\n')
			lines++;
	}
	free(out);
	doc_free(&d);
}

int
main(int argc, char *argv[])
{
	const char	*top = "../shared/corpus/rmrb-2019";
	struct fid_score sc;
	struct fid_article *arts = NULL, **pv = NULL;
	char		**days, **files;
	size_t		 ndays, nfiles, narts = 0, i, j, k, shown;
	int		 c, verbose = 0, worst = 12, unindent = 0, blanks = 0;

	setlocale(LC_ALL, "C.UTF-8");
	while ((c = getopt(argc, argv, "buvw:")) != -1) {
		switch (c) {
		case 'b':
			blanks = 1;
			break;
		case 'u':
			unindent = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'w':
			worst = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: fidelity [-buv] [-w N] "
			    "[DIR]\n");
			return 2;
		}
	}
	if (optind < argc)
		top = argv[optind];
	if ((days = fid_list(top, &ndays, 0)) == NULL) {
		fprintf(stderr, "fidelity: %s: %s\n", top, errno ? strerror(errno) :
		    "no folders of days");
		return 2;
	}
	memset(&sc, 0, sizeof sc);
	for (i = 0; i < ndays; i++) {
		files = fid_list(days[i], &nfiles, 1);
		for (j = 0; j < nfiles; j++) {
			struct fid_article *a;

			arts = xreallocarray(arts, narts + 1, sizeof *arts);
			a = &arts[narts];
			a->path = files[j];
			if ((a->bytes = slurp(a->path, &a->n)) == NULL) {
				fprintf(stderr, "fidelity: %s: %s\n", a->path,
				    strerror(errno));
				free(a->path);
				continue;
			}
			if (unindent)
				a->n = fid_unindent(a->bytes, a->n);
			a->kicker = fid_line(a->bytes, a->n, 0);
			a->headline = fid_line(a->bytes, a->n, 1);
			a->subtitle = fid_line(a->bytes, a->n, 2);
			if (blanks) {
				char *t = fid_blank_separated(a->bytes, a->n,
				    &a->n);

				free(a->bytes);
				a->bytes = t;
			}
			narts++;
		}
		free(files);
		free(days[i]);
	}
	free(days);
	if (narts == 0) {
		fprintf(stderr, "fidelity: %s: no articles\n", top);
		return 2;
	}
	for (i = 0; i < narts; i++)
		fid_article(&sc, &arts[i]);
	pv = xreallocarray(NULL, narts, sizeof *pv);
	for (i = 0; i < narts; i = j) {
		const char *ds = strrchr(arts[i].path, '/');
		size_t dl = (size_t)(ds - arts[i].path);

		for (j = i; j < narts && strncmp(arts[j].path, arts[i].path,
		    dl + 1) == 0 && fid_pageno(arts[j].path) ==
		    fid_pageno(arts[i].path); j++)
			pv[j - i] = &arts[j];
		fid_page(&sc.pages, &sc.want, &sc.found, &sc.extra, pv, j - i,
		    "");
		fid_page(&sc.bpages, &sc.bwant, &sc.bfound, &sc.bextra, pv,
		    j - i, "\r\n");
	}
	printf("fidelity of the structure on %s%s\n\n", top, unindent ?
	    ", paragraphs not indented (-u)" : blanks ? ", as a web page's "
	    "copy: a blank line between all lines, no indent (-b)" : "");
	printf("articles, one per file: %zu\n", sc.articles);
	fid_row("headline exact", sc.headline, sc.articles, "");
	fid_row("kicker exact", sc.kicker, sc.headline, ", headline found");
	fid_row("subtitle exact", sc.subtitle, sc.headline,
	    ", headline found");
	fid_row("exactly one story", sc.one, sc.articles, "");
	printf("\npages, articles one after another: %zu\n", sc.pages);
	fid_row("headlines found as stories", sc.found, sc.want, "");
	printf("  %-34s %8zu  (%.2f per page)\n", "extra stories", sc.extra,
	    (double)sc.extra / (double)sc.pages);
	printf("\npages, a blank line between articles: %zu\n", sc.bpages);
	fid_row("headlines found as stories", sc.bfound, sc.bwant, "");
	printf("  %-34s %8zu  (%.2f per page)\n", "extra stories", sc.bextra,
	    (double)sc.bextra / (double)sc.bpages);
	printf("\nmisses: %zu (h: headline, k: kicker, s: subtitle, "
	    "1: not one story)\n", fid_nmisses);
	for (k = 0, shown = 0; k < fid_nmisses; k++) {
		const struct fid_miss *m = &fid_misses[k];
		const char *want = m->what == 'k' ? m->a->kicker :
		    m->what == 's' ? m->a->subtitle : m->a->headline;

		if (!verbose && shown >= (size_t)worst)
			break;
		printf("%c %s (%zu stories)\n    want: %s\n    got:  %s\n",
		    m->what, m->a->path, m->nstories, want,
		    m->got != NULL ? m->got : "(no story)");
		if (!verbose)
			fid_explain(m->a, 8);
		shown++;
	}
	for (k = 0; k < fid_nmisses; k++)
		free(fid_misses[k].got);
	free(fid_misses);
	for (i = 0; i < narts; i++) {
		free(arts[i].path);
		free(arts[i].bytes);
		free(arts[i].kicker);
		free(arts[i].headline);
		free(arts[i].subtitle);
	}
	free(arts);
	free(pv);
	return 0;
}
