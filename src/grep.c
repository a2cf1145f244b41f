/*
 * grep: print every match of a pattern in a document, one line each, in
 * the manner of grep -o with a little context.  All the work is done by
 * the search module; this only formats.  The text printed is the
 * sanitised joined text; the only escapes written are our own colours.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "grep.h"
#include "script.h"
#include "search.h"
#include "xmalloc.h"

/* Print one match; name is the page's (doc_page_name: printable). */
static void
grep_print(const struct doc *d, struct search_index *idx,
    const struct search_hit *h, const char *name, int color, FILE *out)
{
	const struct story	*st;
	size_t			 story = 0, line, ms, me;
	int			 section = -1;
	char			*ctx;

	if (h->story != SEARCH_BANNER) {
		story = d->pages[h->page].first_story + h->story + 1;
		st = &d->pages[h->page].page.stories[h->story];
		if (h->block < st->nblocks)
			section = st->blocks[h->block].section;
	}
	line = search_hit_line(idx, h);
	ctx = search_context(idx, h, GREP_CONTEXT, &ms, &me);
	fprintf(out, "%s:%zu", name, story);
	if (section >= 0)
		fprintf(out, ".%d", section + 1);
	fprintf(out, ":%zu: ", line);
	if (color && me > ms) {
		fwrite(ctx, 1, ms, out);
		fputs("\033[1;31m", out);
		fwrite(ctx + ms, 1, me - ms, out);
		fputs("\033[m", out);
		fputs(ctx + me, out);
	} else
		fputs(ctx, out);
	putc('\n', out);
	free(ctx);
}

/* Search a document and print its matches. */
int
grep_run(const struct doc *d, const char *pattern, unsigned flags,
    int color, FILE *out, FILE *err)
{
	struct search		*s;
	struct search_index	*idx;
	struct search_hit	*hits;
	char			*cause = NULL, *name = NULL;
	const char		*e;
	size_t			 n, i, page = (size_t)-1;

	if ((s = search_compile(pattern, flags, &cause)) == NULL) {
		if (err != NULL)
			fprintf(err, "dubao: %s\n", cause != NULL ? cause :
			    "invalid pattern");
		free(cause);
		return 2;
	}
	idx = search_index_doc(d);
	n = search_doc(idx, s, &hits);
	/* a missing dictionary: folded all the same, without the scripts */
	if (!(flags & SEARCH_EXACT) && err != NULL &&
	    (e = script_error()) != NULL)
		fprintf(err, "dubao: %s; search does not fold Simplified "
		    "and Traditional\n", e);
	for (i = 0; i < n; i++) {
		if (hits[i].page != page) {
			free(name);
			page = hits[i].page;
			name = doc_page_name(d, page);
		}
		grep_print(d, idx, &hits[i], name, color, out);
	}
	free(name);
	free(hits);
	search_index_free(idx);
	search_free(s);
	if (fflush(out) != 0 || ferror(out))
		return 2;
	return n > 0 ? 0 : 1;
}
