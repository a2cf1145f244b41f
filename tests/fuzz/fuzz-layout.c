/*
 * fuzz-layout: doc_add_bytes, then every story (and the banner) of every
 * page prepared and laid out at a width taken from the first two input
 * bytes (10..500; the third byte's low bit asks for LAYOUT_RAW_PUNCT).
 * Every display line: the invariants of tests/test-layout-check.h (cells
 * <= width and what its text takes, spans covering the text, blank
 * lines, the clreq rules at line edges: no closing mark at a line start,
 * no opening mark at a line end, unless no break could avoid it), no
 * C1, valid UTF-8; the lines of each block partition its joined text.
 */
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "fuzz-common.h"
#include "layout.h"
#include "test-layout-check.h"
#include "test-u8.h"

/* Check a layout of story st (nblocks blocks) for width w. */
static void
fuzz_check_layout(const struct layout *L, const struct page *pg,
    const struct story *st, int w)
{
	const char *why;
	size_t	 i, k, b, pos, jlen;
	char	*j;

	FUZZ_CHECK(L->width == w, "width %d asked %d", L->width, w);
	FUZZ_CHECK(L->nblocks == st->nblocks, "nblocks %zu of %zu",
	    L->nblocks, st->nblocks);
	why = test_lc_lines(L, w, &i);
	FUZZ_CHECK(why == NULL, "line %zu: %s", i, why);
	for (i = 0; i < L->nlines; i++) {
		const struct dline *d = &L->lines[i];

		why = test_lc_edge(L, i, pg, st);
		FUZZ_CHECK(why == NULL, "lines %zu, %zu (width %d): %s", i,
		    i + 1, w, why);
		FUZZ_CHECK(d->len == 0 || d->text != NULL, "line %zu text", i);
		fuzz_check_clean("dline", d->text, d->len, 0);
		FUZZ_CHECK(d->style < STYLE__COUNT, "line %zu style", i);
		FUZZ_CHECK(d->span + d->nspans <= L->nspans,
		    "line %zu spans %zu+%zu of %zu", i, d->span, d->nspans,
		    L->nspans);
		for (k = 0; k < d->nspans; k++)
			FUZZ_CHECK(fuzz_boundary(d->text, d->len,
			    L->spans[d->span + k].end),
			    "line %zu span %zu splits a character", i, k);
		FUZZ_CHECK(d->block == LAYOUT_NOBLOCK || d->block < st->nblocks,
		    "line %zu block %zu", i, d->block);
		FUZZ_CHECK(d->jstart <= d->jend, "line %zu joined [%zu,%zu)",
		    i, d->jstart, d->jend);
	}
	/* The lines of a block partition [0, joined length). */
	for (b = 0; b < st->nblocks; b++) {
		const struct layout_blines *bl = &L->blines[b];

		FUZZ_CHECK(bl->first + bl->n <= L->nlines,
		    "block %zu lines %zu+%zu of %zu", b, bl->first, bl->n,
		    L->nlines);
		j = page_block_join(pg, &st->blocks[b], &jlen, NULL);
		pos = 0;
		for (k = bl->first; k < bl->first + bl->n; k++) {
			const struct dline *d = &L->lines[k];

			if (d->block != b)
				continue;
			FUZZ_CHECK(d->jstart == pos, "block %zu line %zu starts "
			    "at joined %zu, expected %zu", b, k, d->jstart, pos);
			pos = d->jend;
		}
		FUZZ_CHECK(bl->n == 0 || pos == jlen,
		    "block %zu: lines cover joined [0,%zu) of %zu", b, pos,
		    jlen);
		free(j);
	}
}

/* Lay out one story with its statistics at width w. */
static void
fuzz_story(const struct doc_page *dp, const struct story *st, size_t si,
    int w, unsigned flags)
{
	struct layout_prep *lp;
	struct layout	*L;
	struct stat_hit	*hits;
	size_t		 i, n = 0;

	hits = malloc((dp->stats.n + 1) * sizeof *hits);
	for (i = 0; i < dp->stats.n; i++)
		if (si != (size_t)-1 && dp->stats.hits[i].story == si)
			hits[n++] = dp->stats.hits[i];
	lp = layout_prepare(&dp->page, st, hits, n, flags);
	FUZZ_CHECK(lp != NULL, "layout_prepare returned NULL");
	L = layout_fit(lp, w);
	fuzz_check_layout(L, &dp->page, st, w);
	layout_free(L);
	L = layout_fit(lp, LAYOUT_MIN_WIDTH);
	fuzz_check_layout(L, &dp->page, st, LAYOUT_MIN_WIDTH);
	layout_free(L);
	layout_prep_free(lp);
	free(hits);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc	 d;
	size_t		 i, s;
	unsigned	 flags;
	int		 w;

	if (size < 3)
		return 0;
	w = LAYOUT_MIN_WIDTH + (int)((data[0] | (unsigned)data[1] << 8) %
	    (LAYOUT_MAX_WIDTH - LAYOUT_MIN_WIDTH + 1));
	flags = (data[2] & 1) ? LAYOUT_RAW_PUNCT : 0;
	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "fuzz", (const char *)data + 3, size - 3);
	for (i = 0; i < d.npages; i++) {
		const struct doc_page *dp = &d.pages[i];

		for (s = 0; s < dp->page.nstories; s++)
			fuzz_story(dp, &dp->page.stories[s], s, w, flags);
		fuzz_story(dp, &dp->page.banner, (size_t)-1, w, flags);
	}
	doc_free(&d);
	return 0;
}
