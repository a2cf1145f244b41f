/*
 * The regress tree of the structure reader, in the manner of mandoc's:
 * every excerpt under tests/regress/ (a few real lines, *.txt or *.md,
 * its source named in tests/regress/README.md) is read as dubao reads a
 * file, and its outline (--toc) and explanation (--explain) are compared
 * byte for byte with NAME.toc and NAME.explain beside it.  GENERATE=1
 * writes them instead (read the diff before committing).
 *
 * Two more checks keep the rules and their evidence together: every
 * rule's name (parse_rule_names) must appear in some expected
 * explanation, so no rule is without a real excerpt, and in
 * man/dubao-structure.7, so none is undocumented.
 *
 *	run [TOP]	TOP: the source tree (default: $TOP, else .)
 */
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "dump.h"
#include "explain.h"
#include "parse.h"
#include "slurp.h"
#include "xmalloc.h"

/* Rules no real excerpt in reach shows yet, each with the reason, and
   where it is tested instead: printed as SKIP, not failed (mandoc keeps
   its SKIP_ lists the same way).  An entry goes when an excerpt comes. */
static const struct {
	const char	*rule;
	const char	*why;
} regress_skip[] = {
	{ "md-rule", "no --- between stories in the copies found (the "
	  "archive copies rule off their source lines inside a story: "
	  "md-rule-in-story); test_markup_rules" },
	{ "unit-story-break", "as md-rule" },
	{ "read-story-break", "as md-rule" },
	{ "cut-md-block", "no list items or images in the copies found; "
	  "test_marked" },
	{ "join-md-paragraph", "the copies found put every paragraph on one "
	  "line; test_marked" },
	{ "head-kicker-region", "a printed page's 引题 over its headline in "
	  "another region: no pdftotext of such a page in reach; "
	  "tests/data/pages/multi-story.txt (made by hand)" },
	{ "head-subtitle", "a printed page's —— 副题 under its headline and "
	  "over a byline: as head-kicker-region" },
	{ "head-subtitle-above", "as head-subtitle" },
	{ "head-note-above", "an 编者按 over a printed story: "
	  "tests/data/pages/editor-note.txt (made by hand)" },
	{ "read-short-before-head", "seen in whole days of typeset articles "
	  "(a credit, 制图：郭 祥, right over the next headline), whose "
	  "headlines only their contents list names: no excerpt short enough "
	  "to quote carries the list" },
	{ NULL, NULL }
};

static int	 regress_generate;
static char	*regress_seen;		/* every expected explanation */
static size_t	 regress_nseen;

/* Compare got with the file want (or write it); 1 when they agree. */
static int
regress_check(const char *want, const char *got, size_t glen)
{
	FILE	*f;
	char	*w;
	size_t	 wlen, i, ls, line = 1;

	if (regress_generate) {
		if ((f = fopen(want, "wb")) == NULL ||
		    fwrite(got, 1, glen, f) != glen || fclose(f) != 0) {
			printf("FAIL %s: %s\n", want, strerror(errno));
			return 0;
		}
		printf("generated %s\n", want);
		return 1;
	}
	if ((w = slurp(want, &wlen)) == NULL) {
		printf("FAIL %s: missing (GENERATE=1 writes it)\n", want);
		return 0;
	}
	if (wlen == glen && memcmp(w, got, glen) == 0) {
		free(w);
		return 1;
	}
	for (i = 0, ls = 0; i < wlen && i < glen && w[i] == got[i]; i++)
		if (w[i] == '\n') {
			line++;
			ls = i + 1;
		}
	printf("FAIL %s differs at line %zu:\n  want: %.*s\n  got:  %.*s\n",
	    want, line, (int)strcspn(w + ls, "\n"), w + ls,
	    (int)strcspn(got + ls, "\n"), got + ls);
	free(w);
	return 0;
}

/* Read one excerpt and check its outline and explanation. */
static int
regress_one(const char *path)
{
	struct doc	 d;
	char		*toc = NULL, *ex = NULL, *base, *want;
	size_t		 tlen = 0, elen = 0, n;
	FILE		*f;
	int		 ok = 1;
	char *const	 paths[1] = { (char *)path };

	memset(&d, 0, sizeof d);
	doc_open(&d, paths, 1, NULL);
	if ((f = open_memstream(&toc, &tlen)) == NULL)
		return 0;
	dump_toc(&d, 0, f);
	fclose(f);
	if ((f = open_memstream(&ex, &elen)) == NULL)
		return 0;
	explain_doc(&d, f);
	fclose(f);
	doc_free(&d);
	n = strrchr(path, '.') - path;
	base = xmalloc(n + 1);
	memcpy(base, path, n);
	base[n] = '\0';
	want = xasprintf("%s.toc", base);
	ok &= regress_check(want, toc, tlen);
	free(want);
	want = xasprintf("%s.explain", base);
	ok &= regress_check(want, ex, elen);
	free(want);
	regress_seen = xrealloc(regress_seen, regress_nseen + elen + 1);
	memcpy(regress_seen + regress_nseen, ex, elen);
	regress_nseen += elen;
	regress_seen[regress_nseen] = '\0';
	if (ok)
		printf("ok %s\n", path);
	free(base);
	free(toc);
	free(ex);
	return ok;
}

/* Sort names bytewise. */
static int
regress_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The excerpts under dir (*.txt, *.md), recursively, in name order. */
static void
regress_walk(const char *dir, char ***v, size_t *n)
{
	DIR		*dp;
	struct dirent	*de;
	char		*p;
	size_t		 len;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "README.md") == 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		len = strlen(de->d_name);
		if (de->d_type == DT_DIR) {
			regress_walk(p, v, n);
			free(p);
		} else if ((len > 4 && strcmp(de->d_name + len - 4, ".txt") ==
		    0) || (len > 3 && strcmp(de->d_name + len - 3, ".md") ==
		    0)) {
			*v = xreallocarray(*v, *n + 1, sizeof **v);
			(*v)[(*n)++] = p;
		} else
			free(p);
	}
	closedir(dp);
}

/* True when name appears in text as a whole rule name (=name or
   [name], or a word of the manual). */
static int
regress_mentions(const char *text, const char *name)
{
	const char *p = text;
	size_t	 n = strlen(name);

	while ((p = strstr(p, name)) != NULL) {
		char	 a = p == text ? ' ' : p[-1], b = p[n];

		if ((a == '=' || a == '[' || a == ' ' || a == '\n') &&
		    (b == ' ' || b == ']' || b == '\n' || b == '(' ||
		    b == '\0' || b == ','))
			return 1;
		p += n;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	const char	*top = argc > 1 ? argv[1] : getenv("TOP");
	const char *const *rule;
	char		**v = NULL, *man;
	const char	*path;
	size_t		 n = 0, i, mlen, fails = 0, missing = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (top == NULL)
		top = ".";
	regress_generate = getenv("GENERATE") != NULL &&
	    strcmp(getenv("GENERATE"), "1") == 0;
	if (chdir(top) != 0) {
		fprintf(stderr, "regress: %s: %s\n", top, strerror(errno));
		return 2;
	}
	regress_walk("tests/regress", &v, &n);
	if (n == 0) {
		fprintf(stderr, "regress: no excerpts in tests/regress\n");
		return 2;
	}
	qsort(v, n, sizeof *v, regress_cmp);
	for (i = 0; i < n; i++) {
		if (!regress_one(v[i]))
			fails++;
		free(v[i]);
	}
	free(v);
	path = "man/dubao-structure.7";
	if ((man = slurp(path, &mlen)) == NULL) {
		printf("FAIL %s: missing\n", path);
		fails++;
		man = xstrdup("");
	}
	for (rule = parse_rule_names(); *rule != NULL; rule++) {
		for (i = 0; regress_skip[i].rule != NULL &&
		    strcmp(regress_skip[i].rule, *rule) != 0; i++)
			;
		if (regress_skip[i].rule != NULL) {
			printf("SKIP rule %s: %s\n", *rule, regress_skip[i].why);
			if (regress_mentions(regress_seen != NULL ?
			    regress_seen : "", *rule)) {
				printf("FAIL rule %s: an excerpt shows it now: "
				    "take it off the skip list\n", *rule);
				missing++;
			}
		} else if (!regress_mentions(regress_seen != NULL ?
		    regress_seen : "", *rule)) {
			printf("FAIL rule %s: no excerpt under tests/regress/ "
			    "shows it\n", *rule);
			missing++;
		}
		if (!regress_mentions(man, *rule)) {
			printf("FAIL rule %s: not in %s\n", *rule, path);
			missing++;
		}
	}
	free(man);
	free(regress_seen);
	printf("%zu excerpts, %zu failed; %zu rule checks failed\n", n, fails,
	    missing);
	return fails == 0 && missing == 0 ? 0 : 1;
}
