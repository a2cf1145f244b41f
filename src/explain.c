/*
 * explain: dubao --explain.  Each page is read again with the reasons
 * kept (parse_explain), and every source line is printed as
 *
 *	PATH:LINE: WHAT: CLASS [RULE] STAGE-RULES… | TEXT
 *
 * WHAT is what the line became (a block kind and its story, banner,
 * dropped, markup, blank), CLASS the class its line rule gave it, then
 * the rule of each later stage that said something about it (see
 * parse.h: cut, unit, role, read, join) and the start of its text.  A
 * page starts with a line naming its profile and the rule that chose it;
 * a form feed with the rule that kept two pages apart or made them one.
 * The rules are described in dubao-structure(7).
 */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "parse.h"
#include "safe.h"
#include "xmalloc.h"

/* What a line became. */
struct explain_line {
	int		 kind;		/* block kind, or -1 none */
	long		 story;		/* story number (1-based, in the doc),
					   0 banner, -1 dropped, -2 none */
	size_t		 block;		/* block index in its story */
};

/* The line of ex holding byte off: the last whose start is at most
   off. */
static size_t
explain_line_of(const struct parse_explain *ex, size_t off)
{
	size_t	 lo = 0, hi = ex->nlines, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (ex->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Note what the lines of story st (numbered sn) became. */
static void
explain_story(const struct story *st, long sn, const struct parse_explain *ex,
    struct explain_line *v)
{
	size_t	 b, p, li;

	if (ex->nlines == 0)
		return;
	for (b = 0; b < st->nblocks; b++)
		for (p = 0; p < st->blocks[b].npieces; p++) {
			li = explain_line_of(ex, st->blocks[b].pieces[p].start);
			if (v[li].story != -2)
				continue;
			v[li].kind = (int)st->blocks[b].kind;
			v[li].story = sn;
			v[li].block = b;
		}
}

/* Print up to max characters of the text of line [s, e), made safe. */
static void
explain_text(const char *buf, size_t s, size_t e, size_t max, FILE *fp)
{
	size_t	 k = s, n = 0;
	char	*shown, *cut;

	while (k < e && n < max) {
		k++;
		while (k < e && ((unsigned char)buf[k] & 0xc0) == 0x80)
			k++;
		n++;
	}
	cut = xmalloc(k - s + 1);
	memcpy(cut, buf + s, k - s);
	cut[k - s] = '\0';
	shown = safe_name(cut);
	fprintf(fp, "%s%s", shown, k < e ? "…" : "");
	free(shown);
	free(cut);
}

/* Explain page i of d. */
static void
explain_page(const struct doc *d, size_t i, FILE *fp)
{
	const struct doc_page	*dp = &d->pages[i];
	const struct text	*t = dp->page.text;
	struct parse_explain	 ex;
	struct page		 pg;
	struct explain_line	*v;
	char			*name;
	size_t			 k, si;
	int			 st;

	memset(&pg, 0, sizeof pg);
	parse_explain(&pg, t, dp->page.span, &ex);
	name = safe_name(strcmp(d->files[dp->file].path, "-") == 0 ?
	    "(stdin)" : d->files[dp->file].path);
	fprintf(fp, "%s:%zu: page %zu: profile %s [%s]%s, %zu stor%s\n",
	    name, text_line_of(t, dp->page.span.start), dp->page.number,
	    ex.profile, ex.profile_rule, ex.markdown ? ", Markdown" : "",
	    pg.nstories, pg.nstories == 1 ? "y" : "ies");
	v = xreallocarray(NULL, ex.nlines ? ex.nlines : 1, sizeof *v);
	for (k = 0; k < ex.nlines; k++) {
		v[k].kind = -1;
		v[k].story = -2;
		v[k].block = 0;
	}
	for (si = 0; si < pg.nstories; si++)
		explain_story(&pg.stories[si], (long)(dp->first_story + si + 1),
		    &ex, v);
	explain_story(&pg.banner, 0, &ex, v);
	if (pg.extra != NULL)
		explain_story(&pg.extra->dropped, -1, &ex, v);
	for (k = 0; k < ex.nlines; k++) {
		const struct parse_why *w = &ex.lines[k];

		if (k + 1 == ex.nlines && w->start == w->end && k > 0 &&
		    w->start >= dp->page.span.end)
			break;	/* after the line end that closes the page */
		fprintf(fp, "%s:%zu: ", name, text_line_of(t, w->start));
		if (v[k].story == -1)
			fputs("dropped", fp);
		else if (v[k].story == 0)
			fputs(pg.extra != NULL && pg.extra->ncontents > 0 &&
			    v[k].block >= pg.extra->contents_first &&
			    v[k].block < pg.extra->contents_first +
			    pg.extra->ncontents ? "contents" : "banner", fp);
		else if (v[k].story > 0)
			fprintf(fp, "%s, story %ld", page_kind_name(
			    (enum block_kind)v[k].kind), v[k].story);
		else if (w->start == w->end) {
			fputs("blank\n", fp);
			continue;
		} else
			fputs("not shown", fp);
		fputc(':', fp);
		for (st = 0; st < PS__COUNT; st++) {
			if (w->rule[st] == NULL)
				continue;
			if (st == PS_JOIN && w->joined != (size_t)-1)
				fprintf(fp, " %s=%s(line %zu)", parse_stage_name(
				    (enum parse_stage)st), w->rule[st],
				    text_line_of(t, ex.lines[w->joined].start));
			else
				fprintf(fp, " %s=%s", parse_stage_name(
				    (enum parse_stage)st), w->rule[st]);
		}
		fputs(" | ", fp);
		explain_text(t->buf, w->start, w->end, 24, fp);
		fputc('\n', fp);
	}
	free(v);
	free(name);
	parse_explain_free(&ex);
	page_free(&pg);
}

/* Explain the form feeds of file fi: which kept two pages apart, which
   made them one page of the paper. */
static void
explain_breaks(const struct doc *d, size_t fi, FILE *fp)
{
	const struct text *t = &d->files[fi].text;
	const char	*rule;
	char		*name;
	size_t		 p;
	int		 soft;

	if (t->npages < 2)
		return;
	name = safe_name(strcmp(d->files[fi].path, "-") == 0 ? "(stdin)" :
	    d->files[fi].path);
	for (p = 1; p < t->npages; p++) {
		soft = parse_soft_break(t, t->pages[p - 1], t->pages[p], &rule);
		if (!parse_rule_known(rule))
			abort();	/* every rule is in the manual */
		fprintf(fp, "%s:%zu: form feed: %s [%s]\n", name,
		    text_line_of(t, t->pages[p].start), soft ?
		    "inside a page of the paper" : "a new page", rule);
	}
	free(name);
}

/* Explain every page of d on fp. */
void
explain_doc(const struct doc *d, FILE *fp)
{
	size_t	 i;

	for (i = 0; i < d->nfiles; i++)
		explain_breaks(d, i, fp);
	for (i = 0; i < d->npages; i++)
		explain_page(d, i, fp);
}
