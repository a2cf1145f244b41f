/*
 * fuzz-layout: doc_add_bytes, then every story (and the banner) of every
 * page prepared and laid out at a width taken from the first two input
 * bytes (10..500; the third byte's low bit asks for LAYOUT_RAW_PUNCT).
 * Every display line: cells <= width, the cells its text really takes
 * (wcwidth per code point, -1 as 1, plus the indent) <= width, no byte
 * below 0x20, no DEL, no C1, valid UTF-8; spans cover the text in
 * order; the lines of each block partition its joined text.
 */
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "fuzz-common.h"
#include "layout.h"
#include "test-u8.h"

/* Check a layout of story st (nblocks blocks) for width w. */
static void
fuzz_check_layout(const struct layout *L, const struct page *pg,
    const struct story *st, int w)
{
	size_t	 i, k, b, pos, jlen;
	char	*j;

	FUZZ_CHECK(L->width == w, "width %d asked %d", L->width, w);
	FUZZ_CHECK(L->nblocks == st->nblocks, "nblocks %zu of %zu",
	    L->nblocks, st->nblocks);
	for (i = 0; i < L->nlines; i++) {
		const struct dline *d = &L->lines[i];

		FUZZ_CHECK(d->cells <= w, "line %zu: %u cells > width %d", i,
		    d->cells, w);
		FUZZ_CHECK(d->indent <= d->cells, "line %zu: indent %u > "
		    "cells %u", i, d->indent, d->cells);
		FUZZ_CHECK(d->len == 0 || d->text != NULL, "line %zu text", i);
		fuzz_check_clean("dline", d->text, d->len, 0);
		FUZZ_CHECK(d->indent + test_u8_cells(d->text, d->len) <= w,
		    "line %zu: text takes %d cells + indent %u > width %d "
		    "(cells says %u)", i, test_u8_cells(d->text, d->len),
		    d->indent, w, d->cells);
		FUZZ_CHECK(d->kind <= DLINE_BLANK, "line %zu kind %u", i, d->kind);
		FUZZ_CHECK(d->style < STYLE__COUNT, "line %zu style", i);
		FUZZ_CHECK(d->kind != DLINE_BLANK || d->len == 0,
		    "blank line %zu has text", i);
		FUZZ_CHECK(i == 0 || i + 1 == L->nlines ||
		    d->kind != DLINE_BLANK ||
		    L->lines[i - 1].kind != DLINE_BLANK,
		    "two blank lines at %zu", i);
		if (i == 0 || i + 1 == L->nlines)
			FUZZ_CHECK(d->kind != DLINE_BLANK,
			    "blank line at start or end (%zu of %zu)", i,
			    L->nlines);
		/* Spans cover the text exactly, in order. */
		FUZZ_CHECK(d->span + d->nspans <= L->nspans,
		    "line %zu spans %zu+%zu of %zu", i, d->span, d->nspans,
		    L->nspans);
		pos = 0;
		for (k = 0; k < d->nspans; k++) {
			const struct dspan *sp = &L->spans[d->span + k];

			FUZZ_CHECK(sp->start == pos && sp->end >= sp->start &&
			    sp->end <= d->len, "line %zu span %zu [%u,%u) at "
			    "%zu, len %u", i, k, sp->start, sp->end, pos,
			    d->len);
			FUZZ_CHECK(fuzz_boundary(d->text, d->len, sp->end),
			    "line %zu span %zu splits a character", i, k);
			FUZZ_CHECK(sp->style < STYLE__COUNT, "span style");
			pos = sp->end;
		}
		FUZZ_CHECK(d->nspans == 0 ? d->len == 0 : pos == d->len,
		    "line %zu: spans cover %zu of %u bytes", i, pos, d->len);
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
