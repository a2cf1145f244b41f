/*
 * Layout properties over every page of articles/, tests/data/ and
 * tests/prop/pages/ (units and closing marks, numbers before Han and
 * kana, in Simplified, Traditional and Japanese: see its README), or the
 * paths given as arguments, every story and the banner, at every width
 * 10..120, with full-width marks and with LAYOUT_RAW_PUNCT:
 *
 *   - no line wider than the width; cells = indent + wcwidth of the text;
 *     no control character in a line; spans cover each line's text;
 *   - no line starts with a clreq not-starter or ends with a not-ender
 *     (a two-em dash may start one), unless the break was a source line
 *     break or the line before has no cluster boundary where clreq
 *     allows a break (then no break could keep the rules): a unit wider
 *     than the line, （2022—2024）》， at width 16, is cut where the rules
 *     allow, not before its closing marks;
 *   - no digit run, Latin word or statistic (STYLE_STAT span) split across
 *     two lines when it fits in a line, nor a number from the Han or kana
 *     after it (5000株, 54カ所) unless the layout says the line could not
 *     hold them (DLINE_UNIT, DLINE_EMERGENCY);
 *   - every non-space character of each block's joined text shown exactly
 *     once, in order (decorations aside; full-width marks compared as
 *     their ASCII source, exactly with LAYOUT_RAW_PUNCT);
 *   - blocks separated by exactly one blank line, none at start or end;
 *     the lines of a block partition its joined text and layout_find
 *     agrees.
 *
 * Exits 1 with a message at the first failure; prints pages x widths.
 */
#include <dirent.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unistr.h>

#include "cjk.h"
#include "doc.h"
#include "layout.h"
#include "test-layout-check.h"
#include "test-u8.h"
#include "xmalloc.h"

#define WMIN	10
#define WMAX	120

static const char *cur_page;
static const char *cur_what;
static int cur_width;
static unsigned cur_flags;

static void
die(const struct layout *lay, size_t i, const char *fmt, const char *arg)
{
	size_t	 k;

	fprintf(stderr, "prop-layout: %s, %s, width %d%s: ", cur_page,
	    cur_what, cur_width, cur_flags & LAYOUT_RAW_PUNCT ?
	    ", raw punct" : "");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	if (lay != NULL)
		for (k = i > 2 ? i - 2 : 0; k < lay->nlines && k <= i + 2; k++)
			fprintf(stderr, "  %s%3zu |%*s%.*s|\n", k == i ? ">" : " ",
			    k, (int)lay->lines[k].indent, "",
			    (int)lay->lines[k].len, lay->lines[k].text);
	exit(1);
}

/* Collect *.txt files under path (recursively), or path itself. */
static void
collect(const char *path, char ***v, size_t *n)
{
	struct stat	 st;
	struct dirent	**ents;
	int		 i, ne;
	size_t		 l;

	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup(path);
		return;
	}
	ne = scandir(path, &ents, NULL, alphasort);
	for (i = 0; i < ne; i++) {
		char *sub;

		if (ents[i]->d_name[0] == '.') {
			free(ents[i]);
			continue;
		}
		sub = xasprintf("%s/%s", path, ents[i]->d_name);
		l = strlen(sub);
		if (stat(sub, &st) == 0 && (S_ISDIR(st.st_mode) ||
		    (l > 4 && strcmp(sub + l - 4, ".txt") == 0)))
			collect(sub, v, n);
		free(sub);
		free(ents[i]);
	}
	if (ne >= 0)
		free(ents);
}

/* Append the non-space characters of s to out (ASCII for full-width
   marks unless exact). */
static void
squeeze(const char *s, size_t n, int exact, uint32_t **out, size_t *len,
    size_t *cap)
{
	const uint8_t	*p = (const uint8_t *)s, *e = p + n;
	ucs4_t		 c;
	uint32_t	 a;

	while (p < e) {
		p += u8_mbtouc(&c, p, (size_t)(e - p));
		if ((cjk_class(c) & CJK_SPACE) || c == 0x200B || c < 0x20 ||
		    (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029)
			continue;
		if (!exact && (a = cjk_ascii_punct(c)) != 0)
			c = a;
		if (*len == *cap) {
			*cap = *cap * 2 + 64;
			*out = xreallocarray(*out, *cap, sizeof **out);
		}
		(*out)[(*len)++] = c;
	}
}

/* The continuation indent a block of the line's style gets. */
static int
rest_indent(const struct dline *l)
{
	return l->style == STYLE_HEADING || l->style == STYLE_CAPTION ? 2 : 0;
}

/* Cells of the marks that cling to what ends at p (not-starters from p
   on) or to what starts at p (not-enders before p), in s[0, n). */
static int
cling_after(const char *s, size_t n, size_t p)
{
	const uint8_t	*u = (const uint8_t *)s;
	ucs4_t		 c;
	int		 w = 0;

	while (p < n) {
		p += (size_t)u8_mbtouc(&c, u + p, n - p);
		if (!cjk_no_start(c))
			break;
		w += cjk_width(cjk_fullwidth_punct(c) ? cjk_fullwidth_punct(c) : c);
	}
	return w;
}

static int
cling_before(const char *s, size_t p)
{
	const uint8_t	*u = (const uint8_t *)s, *q = u + p;
	ucs4_t		 c;
	int		 w = 0;

	while ((q = u8_prev(&c, q, u)) != NULL && cjk_no_end(c))
		w += cjk_width(cjk_fullwidth_punct(c) ? cjk_fullwidth_punct(c) : c);
	return w;
}

/* Length in cells of the run of characters with class bit k around the
   line boundary between lines i and i+1 (0 if there is none); *cling:
   the cells of the marks that cling to it on either side. */
static int
run_cells(const struct layout *lay, size_t i, unsigned k, int *cling)
{
	const struct dline *a = &lay->lines[i], *b = &lay->lines[i + 1];
	const uint8_t	*s, *p;
	ucs4_t		 c;
	int		 w = 0;

	*cling = 0;
	if (!(cjk_class(test_u8_last(a->text, a->len)) & k) ||
	    !(cjk_class(test_u8_first(b->text, b->len)) & k))
		return 0;
	s = (const uint8_t *)a->text;
	p = s + a->len;
	while (p > s) {
		const uint8_t *q = u8_prev(&c, p, s);

		if (!(cjk_class(c) & k))
			break;
		w += cjk_width(c);
		p = q;
	}
	*cling = cling_before(a->text, (size_t)(p - s));
	s = (const uint8_t *)b->text;
	p = s;
	while (p < s + b->len) {
		int l = u8_mbtouc(&c, p, (size_t)(s + b->len - p));

		if (!(cjk_class(c) & k))
			break;
		w += cjk_width(c);
		p += l;
	}
	*cling += cling_after(b->text, b->len, (size_t)(p - s));
	return w;
}

/* Check one layout of one story. */
static void
check(const struct page *pg, const struct story *st,
    const struct stat_hit *hits, size_t nhits, const struct layout_prep *lp,
    const struct layout *lay, int W)
{
	size_t	 i, k, bi, cap = 0, n1, n2, cap2 = 0;
	uint32_t *a = NULL, *b = NULL;
	int	 exact = (cur_flags & LAYOUT_RAW_PUNCT) != 0, c0, c1, rw, cl;
	const char *why;

	if (lay->width != W)
		die(lay, 0, "width %s", "not kept");
	if ((why = test_lc_lines(lay, W, &i)) != NULL)
		die(lay, i, "%s", why);
	for (i = 0; i < lay->nlines; i++) {
		const struct dline *l = &lay->lines[i];

		if (l->kind == DLINE_BLANK)
			continue;
		if ((why = test_lc_edge(lay, i, pg, st)) != NULL)
			die(lay, i + 1, "%s", why);
		if (layout_find(lay, l->block, l->jstart) != i)
			die(lay, i, "%s", "layout_find disagrees");
		if (i + 1 < lay->nlines && lay->lines[i + 1].kind == DLINE_TEXT) {
			const struct dline *m = &lay->lines[i + 1];
			int avail = W - rest_indent(m);

			if (m->jstart != l->jend)
				die(lay, i, "%s", "lines do not partition");
			/* (unless the marks that cling to it would have
			   to start or end a line; a space between the
			   lines, trimmed, is no split) */
			rw = run_cells(lay, i, CJK_DIGIT, &cl);
			if (rw > 0 && rw + cl <= avail && m->text == l->text + l->len)
				die(lay, i, "%s", "digit run split");
			rw = run_cells(lay, i, CJK_LATIN, &cl);
			if (rw > 0 && rw + cl <= avail && m->text == l->text + l->len)
				die(lay, i, "%s", "Latin word split");
		}
	}

	/* Statistics not split when they fit. */
	for (k = 0; k < nhits; k++) {
		const struct stat_hit *h = &hits[k];
		size_t	 l0, l1, jl;
		char	*j;
		int	 w;

		if (h->block >= st->nblocks || h->end <= h->start)
			continue;
		l0 = layout_find(lay, h->block, h->start);
		l1 = layout_find(lay, h->block, h->end - 1);
		if (l0 == (size_t)-1 || l1 == (size_t)-1)
			die(lay, 0, "%s", "statistic not found");
		if (l0 == l1)
			continue;
		/* its cells as shown */
		w = 0;
		for (i = l0; i <= l1; i++)
			if (layout_cols(lp, lay, i, h->start, h->end, &c0,
			    &c1) == 0)
				w += c1 - c0;
		j = page_block_join(pg, &st->blocks[h->block], &jl, NULL);
		for (i = l0; i < l1; i++)
			if (lay->lines[i].flags & DLINE_EMERGENCY)
				break;
		if (i < l1) {
			free(j);
			continue;	/* an over-long run was cut */
		}
		for (i = l0; i < l1; i++)
			if (lay->lines[i].flags & DLINE_UNIT)
				break;
		if (i < l1) {
			/* allowed if what clings to it makes it too wide */
			int ext = w + cling_after(j, jl, h->end) +
			    cling_before(j, h->start);
			if (ext > W - rest_indent(&lay->lines[l1])) {
				free(j);
				continue;
			}
		}
		if (w <= W - rest_indent(&lay->lines[l1])) {
			fprintf(stderr, "statistic %.*s (%d cells)\n",
			    (int)(h->end - h->start), j + h->start, w);
			die(lay, l0, "%s", "statistic split");
		}
		free(j);
	}

	/* Nothing lost, nothing added, in order. */
	for (bi = 0; bi < st->nblocks; bi++) {
		size_t	 jl;
		char	*j = page_block_join(pg, &st->blocks[bi], &jl, NULL);

		n1 = n2 = 0;
		squeeze(j, jl, exact, &a, &n1, &cap);
		free(j);
		if (bi < lay->nblocks)
			for (i = lay->blines[bi].first; i <
			    lay->blines[bi].first + lay->blines[bi].n; i++) {
				const struct dline *l = &lay->lines[i];

				for (k = 0; k < l->nspans; k++) {
					const struct dspan *s =
					    &lay->spans[l->span + k];

					if (s->style == STYLE_DECOR)
						continue;
					squeeze(l->text + s->start,
					    s->end - s->start, exact, &b, &n2,
					    &cap2);
				}
				if (l->block != bi)
					die(lay, i, "%s", "wrong block");
			}
		if (n1 != n2 || (n1 > 0 && memcmp(a, b, n1 * sizeof *a) != 0)) {
			for (k = 0; k < n1 && k < n2 && a[k] == b[k]; k++)
				;
			fprintf(stderr, "block %zu: source %zu, shown %zu "
			    "characters; first difference at %zu: U+%04X "
			    "vs U+%04X\n", bi, n1, n2, k,
			    k < n1 ? (unsigned)a[k] : 0,
			    k < n2 ? (unsigned)b[k] : 0);
			die(lay, bi < lay->nblocks ? lay->blines[bi].first : 0,
			    "%s", "text lost or added");
		}
	}
	free(a);
	free(b);
}

/* Check every story of every page of d at every width; returns the
   number of pages. */
static size_t
check_doc(const struct doc *dp0, size_t *nlayouts)
{
	size_t	 p, s, h0, h1;
	unsigned fl;
	int	 W;

	for (p = 0; p < dp0->npages; p++) {
		const struct doc_page *dp = &dp0->pages[p];
		char *name = doc_page_name(dp0, p);

		cur_page = name;
		for (fl = 0; fl <= LAYOUT_RAW_PUNCT; fl += LAYOUT_RAW_PUNCT) {
			cur_flags = fl;
			for (s = 0; s <= dp->page.nstories; s++) {
				const struct story *st;
				const struct stat_hit *hits = NULL;
				struct layout_prep *lp;
				char what[64];

				if (s == dp->page.nstories) {
					st = &dp->page.banner;
					snprintf(what, sizeof what, "banner");
					h0 = h1 = 0;
				} else {
					st = &dp->page.stories[s];
					snprintf(what, sizeof what, "story %zu",
					    s + 1);
					for (h0 = 0; h0 < dp->stats.n &&
					    dp->stats.hits[h0].story != s; h0++)
						;
					for (h1 = h0; h1 < dp->stats.n &&
					    dp->stats.hits[h1].story == s; h1++)
						;
					hits = dp->stats.hits + h0;
				}
				cur_what = what;
				lp = layout_prepare(&dp->page, st, hits,
				    h1 - h0, fl);
				for (W = WMIN; W <= WMAX; W++) {
					struct layout *lay = layout_fit(lp, W);

					cur_width = W;
					check(&dp->page, st, hits, h1 - h0, lp,
					    lay, W);
					layout_free(lay);
					(*nlayouts)++;
				}
				layout_prep_free(lp);
			}
		}
		free(name);
	}
	return dp0->npages;
}

int
main(int argc, char *argv[])
{
	static char d0[] = "articles", d1[] = "tests/data",
	    d2[] = "tests/prop/pages";
	char	*defaults[] = { d0, d1, d2 };
	char	**paths = NULL, **roots = argc > 1 ? argv + 1 : defaults;
	size_t	 npaths = 0, nroots = argc > 1 ? (size_t)argc - 1 : 3;
	size_t	 i, fi, npages = 0, nlayouts = 0;
	struct doc d;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "prop-layout: no C.UTF-8 locale\n");
		return 1;
	}
	for (i = 0; i < nroots; i++)
		collect(roots[i], &paths, &npaths);
	if (npaths == 0) {
		fprintf(stderr, "prop-layout: no pages found\n");
		return 1;
	}
	/* One doc per file: the pages of a doc point into its files. */
	for (fi = 0; fi < npaths; fi++) {
		memset(&d, 0, sizeof d);
		doc_open(&d, &paths[fi], 1, stderr);
		npages += check_doc(&d, &nlayouts);
		doc_free(&d);
	}
	printf("prop-layout: %zu pages x %d widths = %zu page-widths "
	    "(%zu story layouts, full-width and raw marks) checked\n",
	    npages, WMAX - WMIN + 1, npages * (WMAX - WMIN + 1), nlayouts);
	for (i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
	return 0;
}
