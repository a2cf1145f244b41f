/*
 * fuzz-search: a random pattern searched in a random page, in all four
 * modes (folded literal, exact literal, regex, exact regex).  Input:
 * byte 0 = mode (low 2 bits), byte 1 = pattern length, then the pattern,
 * then the page.  Hits must be in reading order, non-empty, inside
 * their block's joined text, on character boundaries; search_count
 * agrees with search_doc; context and fold give clean UTF-8.
 *
 * A pattern that is not valid UTF-8 must be refused by search_compile
 * in every mode (with a one-line cause): it once matched inside
 * characters (B1, tests/fuzz/regress/search-invalid-pattern).
 */
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "fuzz-common.h"
#include "search.h"


/* Is hit a before hit b in reading order (banner first)? */
static int
fuzz_before(const struct search_hit *a, const struct search_hit *b)
{
	size_t as = a->story + 1, bs = b->story + 1;	/* banner -> 0 */

	if (a->page != b->page)
		return a->page < b->page;
	if (as != bs)
		return as < bs;
	if (a->block != b->block)
		return a->block < b->block;
	return a->end <= b->start;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned modes[4] = { 0, SEARCH_EXACT, SEARCH_REGEX,
	    SEARCH_REGEX | SEARCH_EXACT };
	struct doc		 d;
	struct search		*re;
	struct search_index	*ix;
	struct search_hit	*hits = NULL, h;
	struct search_pos	 pos;
	struct range		 src;
	char			*pat, *cause = NULL, *ctx, *f;
	const char		*j;
	size_t			 plen, n, i, jlen, ms, me, flen;
	unsigned		 flags;
	int			 r;

	if (size < 2)
		return 0;
	flags = modes[data[0] & 3];
	plen = data[1];
	if (plen > size - 2)
		plen = size - 2;
	pat = malloc(plen + 1);
	memcpy(pat, data + 2, plen);
	pat[plen] = '\0';
	/* Folding a pattern (valid or not) gives valid UTF-8. */
	f = search_fold(pat, strlen(pat), &flen);
	FUZZ_CHECK(f != NULL && f[flen] == '\0', "fold");
	FUZZ_CHECK(u8_check((const uint8_t *)f, flen) == NULL ||
	    u8_check((const uint8_t *)pat, strlen(pat)) != NULL,
	    "fold of valid UTF-8 is invalid");
	free(f);

	re = search_compile(pat, flags, &cause);
	if (re == NULL) {
		FUZZ_CHECK(cause != NULL && strchr(cause, '\n') == NULL,
		    "compile failed without a one-line cause");
		FUZZ_CHECK((flags & SEARCH_REGEX) ||
		    u8_check((const uint8_t *)pat, strlen(pat)) != NULL,
		    "literal failed to compile: %s", cause);
		free(cause);
		free(pat);
		return 0;
	}
	FUZZ_CHECK(u8_check((const uint8_t *)pat, strlen(pat)) == NULL,
	    "a pattern that is not UTF-8 was compiled");
	FUZZ_CHECK(search_flags(re) == flags, "flags");
	FUZZ_CHECK(strcmp(search_pattern(re), pat) == 0, "pattern");

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "fuzz", (const char *)data + 2 + plen,
	    size - 2 - plen);
	ix = search_index_doc(&d);
	n = search_doc(ix, re, &hits);
	FUZZ_CHECK(search_count(ix, re) == n, "count %zu != %zu hits",
	    search_count(ix, re), n);
	for (i = 0; i < n; i++) {
		const struct search_hit *x = &hits[i];

		FUZZ_CHECK(x->page < d.npages, "hit %zu page %zu", i, x->page);
		j = search_joined(ix, x->page, x->story, x->block, &jlen);
		FUZZ_CHECK(j != NULL, "hit %zu block not indexed", i);
		FUZZ_CHECK(x->start < x->end && x->end <= jlen,
		    "hit %zu [%zu,%zu) of %zu", i, x->start, x->end, jlen);
		FUZZ_CHECK(fuzz_boundary(j, jlen, x->start) &&
		    fuzz_boundary(j, jlen, x->end),
		    "hit %zu [%zu,%zu) splits a character", i, x->start,
		    x->end);
		if (i > 0)
			FUZZ_CHECK(fuzz_before(&hits[i - 1], x),
			    "hits %zu and %zu out of order or overlapping",
			    i - 1, i);
		FUZZ_CHECK(search_hit_source(ix, x, &src) == 0 &&
		    src.start <= src.end, "hit %zu source", i);
		FUZZ_CHECK(search_hit_line(ix, x) >= 1, "hit %zu line", i);
		if (i < 8) {
			ctx = search_context(ix, x, 30, &ms, &me);
			FUZZ_CHECK(ctx != NULL, "context");
			FUZZ_CHECK(ms <= me && me <= strlen(ctx),
			    "context match [%zu,%zu) of %zu", ms, me,
			    strlen(ctx));
			fuzz_check_clean("context", ctx, strlen(ctx), 0);
			free(ctx);
		}
	}
	if (n > 0) {
		memset(&pos, 0, sizeof pos);
		pos.page = hits[0].page;
		pos.story = hits[0].story;
		pos.block = hits[0].block;
		pos.off = hits[0].start;
		r = search_next(ix, re, &pos, 0, &h);
		FUZZ_CHECK(r == SEARCH_FOUND && h.start == hits[0].start &&
		    h.block == hits[0].block, "next from first hit: %d", r);
		r = search_next(ix, re, &pos, 1, &h);
		FUZZ_CHECK(r != SEARCH_NONE, "prev found nothing");
		pos.off = hits[n - 1].start + 1;
		pos.page = hits[n - 1].page;
		pos.story = hits[n - 1].story;
		pos.block = hits[n - 1].block;
		r = search_next(ix, re, &pos, 0, &h);
		FUZZ_CHECK(r != SEARCH_NONE, "next after last found nothing");
	} else {
		memset(&pos, 0, sizeof pos);
		FUZZ_CHECK(search_next(ix, re, &pos, 0, &h) == SEARCH_NONE,
		    "next found a hit search_doc missed");
	}
	free(hits);
	search_index_free(ix);
	search_free(re);
	doc_free(&d);
	free(pat);
	return 0;
}
