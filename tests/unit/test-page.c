/*
 * Unit tests of page: joining pieces (with the Latin/digit space and the
 * offset map), kind names, headline lookup, freeing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "page.h"

/* A text over the static string s (only buf and len are used). */
static struct text
mktext(const char *s)
{
	struct text	 t;

	memset(&t, 0, sizeof t);
	t.buf = (char *)(uintptr_t)s;
	t.len = strlen(s);
	return t;
}

/* Join pieces given as (start, end) pairs of src; check text and map. */
static void
check_join(const char *src, const size_t *se, size_t n, const char *want,
    const size_t *wantmap)
{
	struct text	 t = mktext(src);
	struct page	 pg;
	struct block	 b;
	struct range	 r[8];
	size_t		 i, len, *map = NULL;
	char		*s;

	memset(&pg, 0, sizeof pg);
	pg.text = &t;
	memset(&b, 0, sizeof b);
	for (i = 0; i < n; i++) {
		r[i].start = se[2 * i];
		r[i].end = se[2 * i + 1];
	}
	b.pieces = r;
	b.npieces = n;
	s = page_block_join(&pg, &b, &len, &map);
	assert_string_equal(s, want);
	assert_int_equal(len, strlen(want));
	if (wantmap != NULL)
		for (i = 0; i <= len; i++)
			assert_int_equal(map[i], wantmap[i]);
	for (i = 0; i < len; i++)
		if (s[i] != ' ' || src[map[i]] == ' ')
			assert_int_equal(s[i], src[map[i]]);
	free(s);
	free(map);
	/* without a map */
	s = page_block_join(&pg, &b, &len, NULL);
	assert_string_equal(s, want);
	free(s);
}

/* Chinese pieces join without a space. */
static void
test_join_cjk(void **state)
{
	/* "在社会\n合作" */
	static const char src[] = "在社会\n合作";
	static const size_t se[] = { 0, 9, 10, 16 };

	check_join(src, se, 2, "在社会合作", NULL);
}

/* Latin letters and digits meeting across pieces get one space. */
static void
test_join_latin(void **state)
{
	static const char src[] = "COVID\n19 ok\nabc\n.x\n7";
	static const size_t se[] = { 0, 5, 6, 11, 12, 15, 16, 18, 19, 20 };
	static const size_t map[] = { 0, 1, 2, 3, 4, 6, 6, 7, 8, 9, 10, 12,
	    12, 13, 14, 16, 17, 19, 19, 20 };

	check_join(src, se, 5, "COVID 19 ok abc.x 7", map);
}

/* Digit then Chinese, Chinese then Latin: no space. */
static void
test_join_mixed(void **state)
{
	static const char src[] = "站24\n家GDP\n增长";
	static const size_t se[] = { 0, 5, 6, 12, 13, 19 };
	static const char src2[] = "1\n县里设站";
	static const size_t se2[] = { 0, 1, 2, 14 };

	check_join(src, se, 3, "站24家GDP增长", NULL);
	/* A list number alone as the first piece is set apart. */
	check_join(src2, se2, 2, "1 县里设站", NULL);
}

/* No pieces, and empty pieces, join to the empty string. */
static void
test_join_empty(void **state)
{
	static const char src[] = "abc";
	static const size_t se[] = { 1, 1, 2, 2 };
	struct text	 t = mktext(src);
	struct page	 pg;
	struct block	 b;
	size_t		 len = 99, *map = NULL;
	char		*s;

	memset(&pg, 0, sizeof pg);
	pg.text = &t;
	memset(&b, 0, sizeof b);
	s = page_block_join(&pg, &b, &len, &map);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	free(map);
	check_join(src, se, 2, "", NULL);
}

/* Kind names as used in --json. */
static void
test_kind_names(void **state)
{
	static const char *const want[BLOCK__COUNT] = {
		"headline", "kicker", "subtitle", "byline", "note", "lead",
		"heading", "paragraph", "caption", "banner"
	};
	int	 k;

	for (k = 0; k < BLOCK__COUNT; k++)
		assert_string_equal(page_kind_name((enum block_kind)k), want[k]);
	assert_string_equal(page_kind_name(BLOCK__COUNT), "unknown");
}

/* page_story_headline finds the headline after a kicker, or NULL. */
static void
test_headline(void **state)
{
	struct story	 st;
	struct block	 b[3];

	memset(&st, 0, sizeof st);
	memset(b, 0, sizeof b);
	b[0].kind = BLOCK_KICKER;
	b[1].kind = BLOCK_HEADLINE;
	b[2].kind = BLOCK_LEAD;
	st.blocks = b;
	st.nblocks = 3;
	assert_ptr_equal(page_story_headline(&st), &b[1]);
	b[1].kind = BLOCK_SUBTITLE;
	assert_null(page_story_headline(&st));
	st.nblocks = 0;
	assert_null(page_story_headline(&st));
}

/* page_free releases everything and leaves an empty page. */
static void
test_release(void **state)
{
	struct page	 pg;
	struct story	*st;

	memset(&pg, 0, sizeof pg);
	page_free(&pg);
	page_free(NULL);
	pg.nstories = 1;
	pg.stories = calloc(1, sizeof *pg.stories);
	st = &pg.stories[0];
	st->nblocks = 1;
	st->blocks = calloc(1, sizeof *st->blocks);
	st->blocks[0].npieces = 1;
	st->blocks[0].pieces = calloc(1, sizeof *st->blocks[0].pieces);
	st->nbylines = 1;
	st->bylines = calloc(1, sizeof *st->bylines);
	st->bylines[0].nnames = 1;
	st->bylines[0].names = calloc(1, sizeof *st->bylines[0].names);
	st->nsections = 1;
	st->sections = calloc(1, sizeof *st->sections);
	pg.banner.nblocks = 1;
	pg.banner.blocks = calloc(1, sizeof *pg.banner.blocks);
	page_free(&pg);
	assert_int_equal(pg.nstories, 0);
	assert_null(pg.stories);
	assert_int_equal(pg.banner.nblocks, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_cjk),
		cmocka_unit_test(test_join_latin),
		cmocka_unit_test(test_join_mixed),
		cmocka_unit_test(test_join_empty),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_headline),
		cmocka_unit_test(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
