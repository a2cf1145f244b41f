/*
 * fuzz-parse: text_from_bytes, then the pages as doc.c makes them (form
 * feeds inside a story kept in one page, parse_soft_break) and
 * parse_page on each; every block, byline, section and dateline is
 * walked: pieces inside the page span and on character boundaries,
 * indexes in bounds, joined text valid; the dropped lines and the
 * contents list too; parse_explain reads the page the same way and
 * names only rules the manual knows (it aborts otherwise).
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "page.h"
#include "parse.h"
#include "text.h"


/* Is r inside span and on character boundaries of t? */
static void
fuzz_range(const struct text *t, struct range span, struct range r,
    const char *what, size_t st, size_t i)
{
	FUZZ_CHECK(r.start <= r.end && r.start >= span.start &&
	    r.end <= span.end, "story %zu %s %zu: [%zu,%zu) outside page "
	    "[%zu,%zu)", st, what, i, r.start, r.end, span.start, span.end);
	FUZZ_CHECK(fuzz_boundary(t->buf, t->len, r.start) &&
	    fuzz_boundary(t->buf, t->len, r.end),
	    "story %zu %s %zu: [%zu,%zu) splits a character", st, what, i,
	    r.start, r.end);
}

/* Check one story (st == (size_t)-1 for the banner). */
static void
fuzz_story(const struct page *pg, const struct story *s, size_t st)
{
	const struct text *t = pg->text;
	size_t	 b, p, n, len, *map, dlen = 0;
	char	*j;

	FUZZ_CHECK(s->nblocks == 0 || s->blocks != NULL, "no block array");
	for (b = 0; b < s->nblocks; b++) {
		const struct block *bl = &s->blocks[b];

		FUZZ_CHECK((unsigned)bl->kind < BLOCK__COUNT,
		    "story %zu block %zu kind %d", st, b, (int)bl->kind);
		FUZZ_CHECK(page_kind_name(bl->kind) != NULL, "kind name");
		FUZZ_CHECK(bl->section >= -1 &&
		    (bl->section == -1 || (size_t)bl->section < s->nsections),
		    "story %zu block %zu section %d of %zu", st, b,
		    bl->section, s->nsections);
		if (st == (size_t)-1)
			FUZZ_CHECK(bl->kind == BLOCK_BANNER,
			    "banner block %zu is %s", b,
			    page_kind_name(bl->kind));
		for (p = 0; p < bl->npieces; p++)
			fuzz_range(t, pg->span, bl->pieces[p], "piece", st, p);

		map = NULL;
		j = page_block_join(pg, bl, &len, &map);
		FUZZ_CHECK(j != NULL && map != NULL, "join returned NULL");
		FUZZ_CHECK(j[len] == '\0', "joined text not terminated");
		FUZZ_CHECK(u8_check((const uint8_t *)j, len) == NULL,
		    "story %zu block %zu: joined text invalid UTF-8", st, b);
		for (n = 0; n <= len; n++)
			FUZZ_CHECK(map[n] >= pg->span.start &&
			    map[n] <= pg->span.end,
			    "story %zu block %zu: map[%zu] = %zu outside page",
			    st, b, n, map[n]);
		if (bl->npieces > 0)
			FUZZ_CHECK(map[len] == bl->pieces[bl->npieces - 1].end,
			    "map[len] %zu != end of last piece %zu", map[len],
			    bl->pieces[bl->npieces - 1].end);
		if (b == s->dateline_block)
			dlen = len;
		free(j);
		free(map);
	}
	for (n = 0; n < s->nsections; n++) {
		const struct section *sec = &s->sections[n];

		FUZZ_CHECK(sec->heading < sec->end && sec->end <= s->nblocks,
		    "story %zu section %zu: heading %zu end %zu of %zu", st,
		    n, sec->heading, sec->end, s->nblocks);
		FUZZ_CHECK(s->blocks[sec->heading].kind == BLOCK_HEADING,
		    "story %zu section %zu heading is %s", st, n,
		    page_kind_name(s->blocks[sec->heading].kind));
		if (n > 0)
			FUZZ_CHECK(s->sections[n - 1].end <= sec->heading,
			    "story %zu sections %zu and %zu overlap", st,
			    n - 1, n);
	}
	for (n = 0; n < s->nbylines; n++) {
		const struct byline *by = &s->bylines[n];

		/* A byline comes from a BLOCK_BYLINE, from a credit
		   (BLOCK_CAPTION: 本报记者  叶传增文 closing the story,
		   张三摄), or from the parenthesis of a dateline
		   (本报讯（记者 张三）) in the dateline's block. */
		FUZZ_CHECK(by->block < s->nblocks &&
		    (s->blocks[by->block].kind == BLOCK_BYLINE ||
		    s->blocks[by->block].kind == BLOCK_CAPTION ||
		    (s->dateline.start != s->dateline.end &&
		    by->block == s->dateline_block)),
		    "story %zu byline %zu block %zu (%s)", st, n, by->block,
		    by->block < s->nblocks ?
		    page_kind_name(s->blocks[by->block].kind) : "-");
		fuzz_range(t, pg->span, by->role, "byline role", st, n);
		for (p = 0; p < by->nnames; p++)
			fuzz_range(t, pg->span, by->names[p], "byline name",
			    st, p);
	}
	if (s->dateline.start != s->dateline.end) {
		FUZZ_CHECK(s->dateline_block < s->nblocks,
		    "story %zu dateline block %zu of %zu", st,
		    s->dateline_block, s->nblocks);
		FUZZ_CHECK(s->dateline.start < s->dateline.end &&
		    s->dateline.end <= dlen, "story %zu dateline [%zu,%zu) "
		    "joined length %zu", st, s->dateline.start,
		    s->dateline.end, dlen);
	}
	if (st != (size_t)-1)
		(void)page_story_headline(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text	 t;
	struct page	 pg, pe;
	struct parse_explain ex;
	struct range	 span;
	const char	*cause = NULL, *rule;
	size_t		 i, j, s, k;

	memset(&t, 0, sizeof t);
	if (text_from_bytes(&t, (const char *)data, size, &cause) != 0)
		return 0;
	for (i = 0; i < t.npages; i = j) {
		span = t.pages[i];
		for (j = i + 1; j < t.npages; j++) {
			rule = NULL;
			if (!parse_soft_break(&t, t.pages[j - 1], t.pages[j],
			    &rule)) {
				FUZZ_CHECK(rule != NULL && parse_rule_known(rule),
				    "form feed rule %s", rule ? rule : "-");
				break;
			}
			FUZZ_CHECK(rule != NULL && parse_rule_known(rule),
			    "form feed rule %s", rule ? rule : "-");
			FUZZ_CHECK(t.pages[j].start == span.end,
			    "pages not contiguous");
			span.end = t.pages[j].end;
		}
		memset(&pg, 0, sizeof pg);
		parse_page(&pg, &t, span);
		FUZZ_CHECK(pg.text == &t, "page text");
		FUZZ_CHECK(pg.span.start == span.start &&
		    pg.span.end == span.end, "page span changed");
		FUZZ_CHECK(pg.nstories == 0 || pg.stories != NULL, "stories");
		for (s = 0; s < pg.nstories; s++)
			fuzz_story(&pg, &pg.stories[s], s);
		fuzz_story(&pg, &pg.banner, (size_t)-1);
		if (pg.extra != NULL) {
			/* only a page that needs one has one, in its pool */
			FUZZ_CHECK(pg.extra->dropped.nblocks > 0 ||
			    pg.extra->ncontents > 0,
			    "a page_extra with nothing in it");
			FUZZ_CHECK((void *)pg.extra == pg.pool,
			    "the page_extra outside the page's pool");
			fuzz_story(&pg, &pg.extra->dropped, (size_t)-1);
			FUZZ_CHECK(pg.extra->contents_first +
			    pg.extra->ncontents <= pg.banner.nblocks,
			    "contents [%zu,+%zu) of %zu banner blocks",
			    pg.extra->contents_first, pg.extra->ncontents,
			    pg.banner.nblocks);
		}
		memset(&pe, 0, sizeof pe);
		parse_explain(&pe, &t, span, &ex);
		FUZZ_CHECK(pe.nstories == pg.nstories &&
		    pe.banner.nblocks == pg.banner.nblocks &&
		    (pe.extra == NULL) == (pg.extra == NULL) &&
		    (pg.extra == NULL || (pe.extra->dropped.nblocks ==
		    pg.extra->dropped.nblocks && pe.extra->contents_first ==
		    pg.extra->contents_first && pe.extra->ncontents ==
		    pg.extra->ncontents)),
		    "explain read the page otherwise: %zu/%zu stories",
		    pe.nstories, pg.nstories);
		for (k = 0; k < ex.nlines; k++)
			FUZZ_CHECK(ex.lines[k].start <= ex.lines[k].end &&
			    ex.lines[k].end <= span.end &&
			    ex.lines[k].rule[PS_CLASS] != NULL,
			    "explain line %zu", k);
		parse_explain_free(&ex);
		page_free(&pe);
		page_free(&pg);
	}
	text_free(&t);
	return 0;
}
