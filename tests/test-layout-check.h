/*
 * test-layout-check: the invariants of a layout that the unit tests
 * (tests/unit/test-layout.c), the property test (tests/prop) and the
 * fuzzer (tests/fuzz/fuzz-layout.c) all check, written once.  Each check
 * returns NULL when it holds, else what is wrong (and *at, the line).
 *
 * test_lc_lines: blank lines (none at the start or end, never two, none
 * inside a block, every block separated), every text line no wider than
 * the width, its cells the indent plus what its text takes, not empty,
 * no control byte, spans covering it in order.
 *
 * test_lc_edge: the line after line i (same block) does not start with a
 * not-starter (a two-em dash may), line i does not end with a not-ender,
 * and no number is split from the Han or kana after it, unless the break
 * was a source line break or, for the marks, line i has no cluster
 * boundary where clreq allows a break (dubao-layout(7)); for the number,
 * unless the layout flags the line as cut (DLINE_UNIT, DLINE_EMERGENCY),
 * a space stood between (trimmed at the line end) or a U+200B ZERO
 * WIDTH SPACE (a break the source asks for; looked up in the block's
 * joined text when the page and story are given).
 */
#ifndef DUBAO_TEST_LAYOUT_CHECK_H
#define DUBAO_TEST_LAYOUT_CHECK_H

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unistr.h>

#include "cjk.h"
#include "layout.h"
#include "test-u8.h"

/* May a line break between code points a and b (c after b, 0 if none),
   as clreq has it? */
static inline int
test_lc_legal(uint32_t a, uint32_t b, uint32_t c)
{
	if (cjk_no_end(a) || (cjk_no_start(b) && !(b == 0x2014 && c == 0x2014)))
		return 0;
	return !(a == b && (a == 0x2014 || a == 0x2026 || a == 0x22EF ||
	    a == 0x2E3A));
}

/* Has line i a cluster boundary inside where clreq allows a break
   (decorations aside)?  A break there ends the line with the last code
   point before it that is not a space and starts the next with the
   first after it that is not one (maybe on the lines after i). */
static inline int
test_lc_has_legal_break(const struct layout *lay, size_t i)
{
	const struct dline *l = &lay->lines[i];
	const uint8_t	*s = (const uint8_t *)l->text;
	uint32_t	*cp, a, b, c;
	size_t		*at, n = 0, nl, j, x, k, from = 0, m;
	char		*gb;
	int		 found = 0;

	if (l->nspans > 0 && lay->spans[l->span].style == STYLE_DECOR)
		from = lay->spans[l->span].end + 1;	/* and the first after */
	/* the line's code points, then 4 of the lines after (and a space
	   where a line's spaces were trimmed) */
	cp = malloc((l->len + 5) * sizeof *cp);
	at = malloc((l->len + 5) * sizeof *at);
	gb = malloc(l->len + 1);
	if (cp == NULL || at == NULL || gb == NULL)
		abort();
	for (k = 0; k < l->len; n++) {
		at[n] = k;
		k += (size_t)u8_mbtouc(&cp[n], s + k, l->len - k);
	}
	nl = n;
	for (m = i + 1; m < lay->nlines && lay->lines[m].block == l->block &&
	    lay->lines[m].kind == DLINE_TEXT && n < nl + 4; m++) {
		/* spaces trimmed at the end of the line before */
		if (lay->lines[m].text != lay->lines[m - 1].text +
		    lay->lines[m - 1].len)
			cp[n++] = ' ';
		for (k = 0; k < lay->lines[m].len && n < nl + 4; n++)
			k += (size_t)u8_mbtouc(&cp[n], (const uint8_t *)
			    lay->lines[m].text + k, lay->lines[m].len - k);
	}
	u8_grapheme_breaks(s, l->len, gb);
	for (j = 1; j < nl && !found; j++) {
		if (!gb[at[j]] || at[j] < from)
			continue;
		for (a = 0, x = j; x-- > 0; )
			if (!(cjk_class(cp[x]) & CJK_SPACE)) {
				a = cp[x];
				break;
			}
		for (x = j; x < n && (cjk_class(cp[x]) & CJK_SPACE); x++)
			;
		b = x < n ? cp[x] : 0;
		c = x + 1 < n ? cp[x + 1] : 0;
		found = a != 0 && b != 0 && test_lc_legal(a, b, c);
	}
	free(gb);
	free(cp);
	free(at);
	return found;
}

/* The general invariants of every line; NULL if they hold. */
static inline const char *
test_lc_lines(const struct layout *lay, int W, size_t *at)
{
	size_t	 i, k, sp;

	*at = 0;
	if (lay->nlines > 0 && (lay->lines[0].kind == DLINE_BLANK ||
	    lay->lines[lay->nlines - 1].kind == DLINE_BLANK))
		return "blank line at the start or the end";
	for (i = 0; i < lay->nlines; i++) {
		const struct dline *l = &lay->lines[i];

		*at = i;
		if (l->cells > W)
			return "line wider than the width";
		if (l->kind == DLINE_BLANK) {
			if (l->len != 0)
				return "blank line with text";
			if (i + 1 < lay->nlines &&
			    lay->lines[i + 1].kind == DLINE_BLANK)
				return "two blank lines";
			if (i > 0 && i + 1 < lay->nlines &&
			    lay->lines[i - 1].block == lay->lines[i + 1].block)
				return "blank line inside a block";
			continue;
		}
		if (l->kind != DLINE_TEXT)
			return "line of no known kind";
		if (i > 0 && lay->lines[i - 1].kind == DLINE_TEXT &&
		    lay->lines[i - 1].block != l->block)
			return "blocks not separated";
		if (l->len == 0)
			return "empty text line";
		if (l->indent > l->cells ||
		    l->cells != l->indent + test_u8_cells(l->text, l->len))
			return "cells miscounted";
		for (k = 0; k < l->len; k++)
			if ((unsigned char)l->text[k] < 0x20 ||
			    l->text[k] == 0x7F)
				return "control character";
		for (sp = 0, k = 0; k < l->nspans; k++) {
			const struct dspan *s = &lay->spans[l->span + k];

			if (s->start != sp || s->end <= s->start ||
			    s->style >= STYLE__COUNT)
				return "spans do not cover the line";
			sp = s->end;
		}
		if (sp != l->len)
			return "spans do not cover the line";
	}
	return NULL;
}

/* Does a U+200B end the joined text of block b of st before offset off? */
static inline int
test_lc_zwsp(const struct page *pg, const struct story *st, size_t b,
    size_t off)
{
	size_t	 jlen;
	char	*j;
	int	 yes;

	if (pg == NULL || st == NULL || b >= st->nblocks || off < 3)
		return 0;
	j = page_block_join(pg, &st->blocks[b], &jlen, NULL);
	yes = off <= jlen && memcmp(j + off - 3, "\xe2\x80\x8b", 3) == 0;
	free(j);
	return yes;
}

/* The clreq rules at the end of line i and the start of the next (pg
   and st, the story laid out, may be NULL). */
static inline const char *
test_lc_edge(const struct layout *lay, size_t i, const struct page *pg,
    const struct story *st)
{
	const struct dline *l = &lay->lines[i], *m;

	if (i + 1 >= lay->nlines || l->kind != DLINE_TEXT ||
	    lay->lines[i + 1].block != l->block || (l->flags & DLINE_HARD))
		return NULL;
	m = &lay->lines[i + 1];
	if (cjk_no_end(test_u8_last(l->text, l->len)) &&
	    test_lc_has_legal_break(lay, i))
		return "line ends with a not-ender";
	if (cjk_no_start(test_u8_first(m->text, m->len)) &&
	    !(m->len >= strlen("——") &&
	    memcmp(m->text, "——", strlen("——")) == 0) &&
	    test_lc_has_legal_break(lay, i))
		return "line starts with a not-starter";
	if (!(l->flags & (DLINE_UNIT | DLINE_EMERGENCY)) &&
	    m->text == l->text + l->len &&
	    (cjk_class(test_u8_last(l->text, l->len)) & CJK_DIGIT) &&
	    cjk_is_ideo_kana(test_u8_first(m->text, m->len)) &&
	    !test_lc_zwsp(pg, st, m->block, m->jstart))
		return "a number split from the Han or kana after it";
	return NULL;
}

#endif
