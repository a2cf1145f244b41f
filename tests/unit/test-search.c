/* Unit tests of search: folding, literal, exact and regex modes, the
   offset maps, next/prev, and the seed article. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "page.h"
#include "search.h"
#include "text.h"
#include "test-seed.h"
#include "xmalloc.h"

/* ---- a page built by hand --------------------------------------------- */

/* Lines of the hand-built page; a block is a list of line numbers. */
static const char hand_text[] =
	"报头 第3版\n"				/* 0: banner */
	"监地协作 ＡＢＣ\n"			/* 1: story 0 headline */
	"就诊罪犯11678人次，会诊９４９次,aaaa\n"	/* 2: story 0 paragraph */
	"借助社会力量建成法律援助\n"		/* 3: paragraph, piece 1 */
	"小标题\n"				/* 4: story 0 heading */
	"工作站24家。监狱监狱Äb A\xcc\x88" "c\n"	/* 5: paragraph, piece 2 */
	"戴雍峰（中国）COVID\n"			/* 6: story 1 headline */
	"19例 x\n";				/* 7: piece 2 of story 1 headline */

struct hand_block {
	int		 story;		/* -1: banner */
	enum block_kind	 kind;
	int		 section;
	int		 lines[3];	/* -1 terminated */
};

static const struct hand_block hand_blocks[] = {
	{ -1, BLOCK_BANNER, -1, { 0, -1 } },
	{ 0, BLOCK_HEADLINE, -1, { 1, -1 } },
	{ 0, BLOCK_PARAGRAPH, -1, { 2, -1 } },
	{ 0, BLOCK_PARAGRAPH, -1, { 3, 5, -1 } },
	{ 0, BLOCK_HEADING, 0, { 4, -1 } },
	{ 1, BLOCK_HEADLINE, -1, { 6, 7, -1 } },
};

struct hand {
	struct text	 text;
	struct page	 page;
	struct search_index *idx;
};

/* The byte range of line i of t, without its newline. */
static struct range
line_range(const struct text *t, int i)
{
	struct range r;

	r.start = t->lines[i];
	r.end = (size_t)i + 1 < t->nlines ? t->lines[i + 1] - 1 : t->len;
	if (r.end > r.start && t->buf[r.end - 1] == '\n')
		r.end--;
	return r;
}

/* Append a block to a story. */
static void
story_add(struct story *st, const struct text *t, const struct hand_block *hb)
{
	struct block	*b;
	size_t		 k;

	st->blocks = xreallocarray(st->blocks, st->nblocks + 1,
	    sizeof *st->blocks);
	b = &st->blocks[st->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = hb->kind;
	b->section = hb->section;
	for (k = 0; hb->lines[k] >= 0; k++) {
		b->pieces = xreallocarray(b->pieces, k + 1, sizeof *b->pieces);
		b->pieces[k] = line_range(t, hb->lines[k]);
		b->npieces = k + 1;
	}
}

static int
hand_setup(void **state)
{
	struct hand	*h = xcalloc(1, sizeof *h);
	const char	*cause;
	size_t		 i;

	assert_int_equal(text_from_bytes(&h->text, hand_text,
	    sizeof hand_text - 1, &cause), 0);
	h->page.text = &h->text;
	h->page.span.end = h->text.len;
	h->page.number = 1;
	h->page.nstories = 2;
	h->page.stories = xcalloc(2, sizeof *h->page.stories);
	for (i = 0; i < sizeof hand_blocks / sizeof *hand_blocks; i++) {
		const struct hand_block *hb = &hand_blocks[i];

		story_add(hb->story < 0 ? &h->page.banner :
		    &h->page.stories[hb->story], &h->text, hb);
	}
	h->idx = search_index_page(&h->page);
	*state = h;
	return 0;
}

static int
hand_teardown(void **state)
{
	struct hand *h = *state;

	search_index_free(h->idx);
	page_free(&h->page);
	text_free(&h->text);
	free(h);
	return 0;
}

/* All hits of pattern with flags; fails on a compile error. */
static size_t
find(struct search_index *idx, const char *pattern, unsigned flags,
    struct search_hit **hits)
{
	struct search	*s;
	char		*cause = NULL;
	size_t		 n;

	s = search_compile(pattern, flags, &cause);
	if (s == NULL)
		fail_msg("%s: %s", pattern, cause);
	n = search_doc(idx, s, hits);
	assert_int_equal(search_count(idx, s), n);
	search_free(s);
	return n;
}

/* The joined text of a hit, as a new string. */
static char *
hit_text(const struct search_index *idx, const struct search_hit *h)
{
	size_t		 len;
	const char	*j = search_joined(idx, h->page, h->story, h->block,
			    &len);

	assert_non_null(j);
	assert_true(h->start < h->end && h->end <= len);
	return xstrndup(j + h->start, h->end - h->start);
}

/* Check hit i's text and place. */
static void
check_hit(const struct search_index *idx, const struct search_hit *h,
    size_t story, size_t block, const char *text)
{
	char *t = hit_text(idx, h);

	assert_int_equal(h->story, story);
	assert_int_equal(h->block, block);
	assert_string_equal(t, text);
	free(t);
}

/* ---- folding ---------------------------------------------------------- */

static void
test_fold_string(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "９４９", "949" },
		{ "ＡＢＣ", "abc" },
		{ "，", "," },
		{ "Ä", "ä" },
		{ "A\xcc\x88", "ä" },		/* A + combining diaeresis */
		{ "ß", "ss" },
		{ "监狱", "监狱" },
		{ "ＣＯＶＩＤ－１９", "covid-19" },
		{ "ｶﾞ", "ガ" },
		{ "", "" },
	};
	size_t	 i, len;
	char	*f;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		f = search_fold(cases[i].in, strlen(cases[i].in), &len);
		assert_string_equal(f, cases[i].out);
		assert_int_equal(len, strlen(cases[i].out));
		free(f);
	}
}

static void
test_fold_width(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	/* ９４９ in the text is found by 949 and by ９４９. */
	assert_int_equal(find(h->idx, "949", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, "９４９");
	free(hits);
	assert_int_equal(find(h->idx, "９４９", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, "９４９");
	free(hits);
	/* ＡＢＣ by abc and ABC. */
	assert_int_equal(find(h->idx, "abc", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 0, "ＡＢＣ");
	free(hits);
	assert_int_equal(find(h->idx, "ABC", 0, &hits), 1);
	free(hits);
	/* "," finds both "，" and ","; "，" too. */
	assert_int_equal(find(h->idx, ",", 0, &hits), 2);
	check_hit(h->idx, &hits[0], 0, 1, "，");
	check_hit(h->idx, &hits[1], 0, 1, ",");
	free(hits);
	assert_int_equal(find(h->idx, "，", 0, &hits), 2);
	free(hits);
	/* Latin case: covid finds COVID. */
	assert_int_equal(find(h->idx, "covid", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 1, 0, "COVID");
	free(hits);
}

static void
test_fold_case(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	/* Ä precomposed and decomposed, by ä and by Ä. */
	assert_int_equal(find(h->idx, "ä", 0, &hits), 2);
	check_hit(h->idx, &hits[0], 0, 2, "Ä");
	check_hit(h->idx, &hits[1], 0, 2, "A\xcc\x88");
	free(hits);
	assert_int_equal(find(h->idx, "Äc", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 2, "A\xcc\x88" "c");
	free(hits);
	/* a + combining diaeresis finds both forms too. */
	assert_int_equal(find(h->idx, "a\xcc\x88", 0, &hits), 2);
	free(hits);
}

/* ---- literal matching ------------------------------------------------- */

static void
test_overlap_adjacent(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	/* aaaa: "aa" twice, non-overlapping and adjacent; "aaa" once. */
	assert_int_equal(find(h->idx, "aa", 0, &hits), 2);
	check_hit(h->idx, &hits[0], 0, 1, "aa");
	check_hit(h->idx, &hits[1], 0, 1, "aa");
	assert_int_equal(hits[0].end, hits[1].start);
	free(hits);
	assert_int_equal(find(h->idx, "aaa", 0, &hits), 1);
	free(hits);
	/* 监狱监狱: two adjacent Han matches. */
	assert_int_equal(find(h->idx, "监狱", 0, &hits), 2);
	assert_int_equal(hits[0].end, hits[1].start);
	assert_int_equal(hits[1].end - hits[0].start, strlen("监狱监狱"));
	free(hits);
	assert_int_equal(find(h->idx, "监狱", SEARCH_EXACT, &hits), 2);
	assert_int_equal(hits[0].end, hits[1].start);
	free(hits);
}

static void
test_join(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;
	struct range		 src;
	size_t			 len;
	const char		*j;

	/* 援助 ends line 3 and 工作站 starts line 5: one block. */
	j = search_joined(h->idx, 0, 0, 2, &len);
	assert_non_null(j);
	assert_string_equal(j, "借助社会力量建成法律援助工作站24家。"
	    "监狱监狱Äb A\xcc\x88" "c");
	assert_int_equal(find(h->idx, "援助工作站", 0, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 2, "援助工作站");
	assert_int_equal(hits[0].start, strlen("借助社会力量建成法律"));
	assert_int_equal(search_hit_source(h->idx, &hits[0], &src), 0);
	assert_int_equal(src.start, h->text.lines[3] +
	    strlen("借助社会力量建成法律"));
	assert_int_equal(src.end, h->text.lines[5] + strlen("工作站"));
	assert_int_equal(search_hit_line(h->idx, &hits[0]), 4);
	free(hits);
	assert_int_equal(find(h->idx, "援助工作站", SEARCH_EXACT, &hits), 1);
	free(hits);
	/* The heading between the pieces is a block of its own. */
	assert_int_equal(find(h->idx, "援助小标题", 0, &hits), 0);
	/* A space is put between Latin or digits of two pieces. */
	assert_int_equal(find(h->idx, "COVID 19", SEARCH_EXACT, &hits), 1);
	check_hit(h->idx, &hits[0], 1, 0, "COVID 19");
	assert_int_equal(search_hit_source(h->idx, &hits[0], &src), 0);
	assert_int_equal(src.start, h->text.lines[6] + strlen("戴雍峰（中国）"));
	assert_int_equal(src.end, h->text.lines[7] + 2);
	free(hits);
	/* A hit ending on the inserted space ends where its piece does. */
	assert_int_equal(find(h->idx, "COVID ", SEARCH_EXACT, &hits), 1);
	assert_int_equal(search_hit_source(h->idx, &hits[0], &src), 0);
	assert_int_equal(src.end, h->text.lines[7]);
	free(hits);
}

static void
test_no_cross_block(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	/* ＡＢＣ ends block 0, 就诊 starts block 1. */
	assert_int_equal(find(h->idx, "abc就诊", 0, &hits), 0);
	assert_int_equal(find(h->idx, "abc\n就诊", 0, &hits), 0);
	assert_int_equal(find(h->idx, "ＡＢＣ\n就诊", SEARCH_EXACT, &hits), 0);
	assert_int_equal(find(h->idx, "c\n", 0, &hits), 0);
	assert_int_equal(find(h->idx, "\n", SEARCH_EXACT, &hits), 0);
	assert_int_equal(find(h->idx, "\n", 0, &hits), 0);
	assert_int_equal(find(h->idx, "abc.就", SEARCH_REGEX, &hits), 0);
	assert_int_equal(find(h->idx, "abc\\s*就", SEARCH_REGEX, &hits), 0);
}

static void
test_banner(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	assert_int_equal(find(h->idx, "第3版", 0, &hits), 1);
	check_hit(h->idx, &hits[0], SEARCH_BANNER, 0, "第3版");
	free(hits);
	/* The banner comes first in reading order. */
	assert_int_equal(find(h->idx, "3|9", SEARCH_REGEX, &hits), 4);
	assert_int_equal(hits[0].story, SEARCH_BANNER);
	assert_int_equal(hits[1].story, 0);
	assert_int_equal(hits[3].story, 1);
	free(hits);
}

static void
test_empty_pattern(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits = NULL, hit;
	struct search_pos	 pos = { 0, 0, 0, 0 };
	struct search		*s;
	char			*cause;
	unsigned		 modes[] = { 0, SEARCH_EXACT, SEARCH_REGEX,
				    SEARCH_REGEX | SEARCH_EXACT };
	size_t			 i;

	for (i = 0; i < sizeof modes / sizeof *modes; i++) {
		s = search_compile("", modes[i], &cause);
		assert_non_null(s);
		assert_int_equal(search_doc(h->idx, s, &hits), 0);
		assert_null(hits);
		assert_int_equal(search_count(h->idx, s), 0);
		assert_int_equal(search_next(h->idx, s, &pos, 0, &hit),
		    SEARCH_NONE);
		assert_int_equal(search_next(h->idx, s, &pos, 1, &hit),
		    SEARCH_NONE);
		search_free(s);
	}
	/* Patterns that match only the empty string match nothing. */
	assert_int_equal(find(h->idx, "x*", SEARCH_REGEX, &hits), 1);
	free(hits);
	assert_int_equal(find(h->idx, "q*", SEARCH_REGEX, &hits), 0);
	assert_int_equal(find(h->idx, "^", SEARCH_REGEX, &hits), 0);
}

/* ---- modes ------------------------------------------------------------ */

static void
test_regex_invalid(void **state)
{
	static const char *bad[] = { "监狱(", "[a-", "a{2,1}", "*", "\\",
	    "(?<n" };
	struct search	*s;
	char		*cause = NULL;
	size_t		 i;

	s = search_compile("监狱(", SEARCH_REGEX, &cause);
	assert_null(s);
	assert_non_null(cause);
	assert_string_equal(cause, "invalid regular expression: missing "
	    "closing parenthesis at character 3");
	free(cause);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		cause = NULL;
		s = search_compile(bad[i], SEARCH_REGEX, &cause);
		assert_null(s);
		assert_non_null(cause);
		assert_null(strchr(cause, '\n'));
		assert_memory_equal(cause, "invalid regular expression: ", 28);
		free(cause);
		cause = NULL;
		s = search_compile(bad[i], SEARCH_REGEX | SEARCH_EXACT, &cause);
		assert_null(s);
		free(cause);
	}
	/* The same text is a fine literal. */
	s = search_compile("监狱(", 0, &cause);
	assert_non_null(s);
	search_free(s);
	/* A pattern that is not UTF-8 could match inside a character: it is
	   refused in every mode. */
	for (i = 0; i < 4; i++) {
		static const unsigned modes[] = { 0, SEARCH_EXACT, SEARCH_REGEX,
		    SEARCH_REGEX | SEARCH_EXACT };

		cause = NULL;
		s = search_compile("\xad", modes[i], &cause);
		assert_null(s);
		assert_non_null(cause);
		assert_string_equal(cause, "invalid pattern: not valid UTF-8");
		free(cause);
		cause = NULL;
		s = search_compile("\xe4\xb8", modes[i], &cause);
		assert_null(s);
		free(cause);
	}
}

static void
test_regex_basic(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	assert_int_equal(find(h->idx, "\\d+人次", SEARCH_REGEX, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, "11678人次");
	free(hits);
	/* Folded: ９４９ is digits, found as \d+ and as 949. */
	assert_int_equal(find(h->idx, "会诊\\d+次", SEARCH_REGEX, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, "会诊９４９次");
	free(hits);
	assert_int_equal(find(h->idx, "\\d{2}家", SEARCH_REGEX, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 2, "24家");
	free(hits);
	/* Caseless by default, not with exact. */
	assert_int_equal(find(h->idx, "covid", SEARCH_REGEX, &hits), 1);
	free(hits);
	assert_int_equal(find(h->idx, "covid", SEARCH_REGEX | SEARCH_EXACT,
	    &hits), 0);
	assert_int_equal(find(h->idx, "[Ａ-Ｃ]{2}ｃ", SEARCH_REGEX, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 0, "ＡＢＣ");
	free(hits);
	/* Full-width marks in the pattern stay literal after folding. */
	assert_int_equal(find(h->idx, "（中国）", SEARCH_REGEX, &hits), 1);
	check_hit(h->idx, &hits[0], 1, 0, "（中国）");
	free(hits);
	/* Anchors are block boundaries. */
	assert_int_equal(find(h->idx, "^\\p{Han}+", SEARCH_REGEX, &hits), 6);
	check_hit(h->idx, &hits[0], SEARCH_BANNER, 0, "报头");
	check_hit(h->idx, &hits[1], 0, 0, "监地协作");
	check_hit(h->idx, &hits[2], 0, 1, "就诊罪犯");
	check_hit(h->idx, &hits[3], 0, 2, "借助社会力量建成法律援助工作站");
	check_hit(h->idx, &hits[4], 0, 3, "小标题");
	check_hit(h->idx, &hits[5], 1, 0, "戴雍峰");
	free(hits);
	assert_int_equal(find(h->idx, "\\d$", SEARCH_REGEX, &hits), 0);
	assert_int_equal(find(h->idx, "x$", SEARCH_REGEX, &hits), 1);
	free(hits);
	/* Adjacent regex matches, non-overlapping. */
	assert_int_equal(find(h->idx, "监.", SEARCH_REGEX, &hits), 3);
	check_hit(h->idx, &hits[1], 0, 2, "监狱");
	assert_int_equal(hits[1].end, hits[2].start);
	free(hits);
	assert_int_equal(find(h->idx, "a{2}", SEARCH_REGEX, &hits), 2);
	assert_int_equal(hits[0].end, hits[1].start);
	free(hits);
	/* Exact regex over the raw text: ９ is a digit with UCP. */
	assert_int_equal(find(h->idx, "\\d+次", SEARCH_REGEX | SEARCH_EXACT,
	    &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, "９４９次");
	free(hits);
}

static void
test_exact(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;

	assert_int_equal(find(h->idx, "abc", SEARCH_EXACT, &hits), 0);
	assert_int_equal(find(h->idx, "949", SEARCH_EXACT, &hits), 0);
	assert_int_equal(find(h->idx, "ＡＢＣ", SEARCH_EXACT, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 0, "ＡＢＣ");
	free(hits);
	assert_int_equal(find(h->idx, ",", SEARCH_EXACT, &hits), 1);
	check_hit(h->idx, &hits[0], 0, 1, ",");
	free(hits);
	assert_int_equal(find(h->idx, "Ä", SEARCH_EXACT, &hits), 1);
	free(hits);
	assert_int_equal(find(h->idx, "COVID", SEARCH_EXACT, &hits), 1);
	free(hits);
	assert_int_equal(find(h->idx, "covid", SEARCH_EXACT, &hits), 0);
}

/* ---- navigation ------------------------------------------------------- */

static void
test_next_prev(void **state)
{
	struct hand		*h = *state;
	struct search		*s = search_compile("监狱", 0, NULL);
	struct search_hit	 hit, first;
	struct search_pos	 pos = { 0, SEARCH_BANNER, 0, 0 };

	/* From the top: the first of the two. */
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit), SEARCH_FOUND);
	check_hit(h->idx, &hit, 0, 2, "监狱");
	first = hit;
	/* n: from start + 1. */
	pos.story = hit.story;
	pos.block = hit.block;
	pos.off = hit.start + 1;
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit), SEARCH_FOUND);
	assert_int_equal(hit.start, first.end);
	/* n again wraps to the first. */
	pos.off = hit.start + 1;
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit),
	    SEARCH_WRAPPED);
	assert_int_equal(hit.start, first.start);
	/* N from the first wraps to the last. */
	pos.off = first.start;
	assert_int_equal(search_next(h->idx, s, &pos, 1, &hit),
	    SEARCH_WRAPPED);
	assert_int_equal(hit.start, first.end);
	/* N from the second gives the first. */
	pos.off = first.end;
	assert_int_equal(search_next(h->idx, s, &pos, 1, &hit), SEARCH_FOUND);
	assert_int_equal(hit.start, first.start);
	/* Forward from story 1 wraps; backward from there finds the last. */
	pos.story = 1;
	pos.block = 0;
	pos.off = 0;
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit),
	    SEARCH_WRAPPED);
	assert_int_equal(hit.start, first.start);
	assert_int_equal(search_next(h->idx, s, &pos, 1, &hit), SEARCH_FOUND);
	assert_int_equal(hit.start, first.end);
	/* A position past the end of the page. */
	pos.page = 7;
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit),
	    SEARCH_WRAPPED);
	assert_int_equal(search_next(h->idx, s, &pos, 1, &hit), SEARCH_FOUND);
	assert_int_equal(hit.start, first.end);
	search_free(s);

	/* No match at all. */
	s = search_compile("不存在", 0, NULL);
	assert_int_equal(search_next(h->idx, s, &pos, 0, &hit), SEARCH_NONE);
	assert_int_equal(search_next(h->idx, s, &pos, 1, &hit), SEARCH_NONE);
	search_free(s);
}

static void
test_story(void **state)
{
	struct hand		*h = *state;
	struct search		*s = search_compile("\\p{Han}{3}",
				    SEARCH_REGEX, NULL);
	struct search_hit	*hits;
	size_t			 n, i;

	n = search_story(h->idx, s, 0, 1, &hits);
	assert_int_equal(n, 1);
	for (i = 0; i < n; i++)
		assert_int_equal(hits[i].story, 1);
	check_hit(h->idx, &hits[0], 1, 0, "戴雍峰");
	free(hits);
	n = search_story(h->idx, s, 0, SEARCH_BANNER, &hits);
	assert_int_equal(n, 0);
	n = search_story(h->idx, s, 0, 5, &hits);
	assert_int_equal(n, 0);
	search_free(s);
}

static void
test_context(void **state)
{
	struct hand		*h = *state;
	struct search_hit	*hits;
	size_t			 ms, me;
	char			*c;

	assert_int_equal(find(h->idx, "24", 0, &hits), 1);
	c = search_context(h->idx, &hits[0], 30, &ms, &me);
	/* The sentence ends at 。 */
	assert_string_equal(c, "借助社会力量建成法律援助工作站24家。");
	assert_memory_equal(c + ms, "24", 2);
	assert_int_equal(me - ms, 2);
	free(c);
	c = search_context(h->idx, &hits[0], 3, &ms, &me);
	assert_string_equal(c, "…工作站24家。");
	free(c);
	free(hits);
	assert_int_equal(find(h->idx, "监狱", 0, &hits), 2);
	c = search_context(h->idx, &hits[1], 2, &ms, &me);
	assert_string_equal(c, "监狱监狱Äb…");
	assert_memory_equal(c + ms, "监狱", me - ms);
	free(c);
	free(hits);
}

/* ---- the seed article ------------------------------------------------- */

struct seed {
	struct doc	 doc;
	struct search_index *idx;
};

static int
seed_setup(void **state)
{
	struct seed	*sd = xcalloc(1, sizeof *sd);
	char		*paths[] = { (char *)TEST_SEED };

	assert_int_equal(doc_open(&sd->doc, paths, 1, stderr), 1);
	sd->idx = search_index_doc(&sd->doc);
	*state = sd;
	return 0;
}

static int
seed_teardown(void **state)
{
	struct seed *sd = *state;

	search_index_free(sd->idx);
	doc_free(&sd->doc);
	free(sd);
	return 0;
}

/* Is a before b in reading order? */
static int
hit_before(const struct search_hit *a, const struct search_hit *b)
{
	if (a->page != b->page)
		return a->page < b->page;
	if (a->story + 1 != b->story + 1)
		return a->story + 1 < b->story + 1;
	if (a->block != b->block)
		return a->block < b->block;
	return a->end <= b->start;
}

static void
test_seed_prison(void **state)
{
	struct seed		*sd = *state;
	struct search_hit	*hits, hit;
	struct search_pos	 pos = { 0, SEARCH_BANNER, 0, 0 };
	struct search		*s;
	struct range		 src;
	size_t			 n, i;
	char			*t;

	/* grep -o 监狱 on the seed article, counted with wc -l: 30. */
	n = find(sd->idx, "监狱", 0, &hits);
	assert_int_equal(n, 30);
	for (i = 0; i < n; i++) {
		t = hit_text(sd->idx, &hits[i]);
		assert_string_equal(t, "监狱");
		free(t);
		assert_int_equal(search_hit_source(sd->idx, &hits[i], &src), 0);
		assert_memory_equal(sd->doc.files[0].text.buf + src.start,
		    "监狱", 6);
		assert_int_equal(src.end - src.start, 6);
		if (i > 0)
			assert_true(hit_before(&hits[i - 1], &hits[i]));
	}
	free(hits);
	assert_int_equal(find(sd->idx, "监狱", SEARCH_EXACT, &hits), 30);
	free(hits);
	assert_int_equal(find(sd->idx, "监狱", SEARCH_REGEX, &hits), 30);
	free(hits);
	/* n visits all 30 in order, then wraps. */
	s = search_compile("监狱", 0, NULL);
	n = search_doc(sd->idx, s, &hits);
	for (i = 0; i < n; i++) {
		assert_int_equal(search_next(sd->idx, s, &pos, 0, &hit),
		    SEARCH_FOUND);
		assert_memory_equal(&hit, &hits[i], sizeof hit);
		pos.page = hit.page;
		pos.story = hit.story;
		pos.block = hit.block;
		pos.off = hit.start + 1;
	}
	assert_int_equal(search_next(sd->idx, s, &pos, 0, &hit),
	    SEARCH_WRAPPED);
	assert_memory_equal(&hit, &hits[0], sizeof hit);
	/* N walks them back. */
	for (i = n; i-- > 0; ) {
		pos.page = hits[i].page;
		pos.story = hits[i].story;
		pos.block = hits[i].block;
		pos.off = hits[i].start;
		assert_int_equal(search_next(sd->idx, s, &pos, 1, &hit),
		    i > 0 ? SEARCH_FOUND : SEARCH_WRAPPED);
		assert_memory_equal(&hit, &hits[i > 0 ? i - 1 : n - 1],
		    sizeof hit);
	}
	free(hits);
	search_free(s);
}

/* search_count_before gives each hit its rank: match i/N. */
static void
test_seed_rank(void **state)
{
	struct seed		*sd = *state;
	struct search_hit	*hits;
	struct search_pos	 pos;
	struct search		*s = search_compile("监狱", 0, NULL);
	size_t			 n, i;

	n = search_doc(sd->idx, s, &hits);
	assert_int_equal(n, 30);
	for (i = 0; i < n; i++) {
		pos.page = hits[i].page;
		pos.story = hits[i].story;
		pos.block = hits[i].block;
		pos.off = hits[i].start;
		assert_int_equal(search_count_before(sd->idx, s, &pos), i);
		pos.off = hits[i].start + 1;
		assert_int_equal(search_count_before(sd->idx, s, &pos), i + 1);
	}
	pos.page = 0;
	pos.story = SEARCH_BANNER;
	pos.block = 0;
	pos.off = 0;
	assert_int_equal(search_count_before(sd->idx, s, &pos), 0);
	pos.page = 1000;
	assert_int_equal(search_count_before(sd->idx, s, &pos), 30);
	free(hits);
	search_free(s);
}

static void
test_seed_words(void **state)
{
	struct seed		*sd = *state;
	struct search_hit	*hits;
	size_t			 n, i, line;
	char			*t;

	assert_int_equal(find(sd->idx, "949", 0, &hits), 1);
	assert_int_equal(search_hit_line(sd->idx, &hits[0]), 29);
	free(hits);
	assert_int_equal(find(sd->idx, "９４９", 0, &hits), 1);
	free(hits);
	/* 戴雍峰: only in the second story. */
	n = find(sd->idx, "戴雍峰", 0, &hits);
	assert_true(n >= 5);
	for (i = 0; i < n; i++) {
		assert_int_equal(sd->doc.pages[hits[i].page].first_story +
		    hits[i].story + 1, 2);
		line = search_hit_line(sd->idx, &hits[i]);
		assert_true(line >= 53 && line <= 63);
	}
	free(hits);
	/* Cut by a column break: 法律援助 | … | 工作站24家。 */
	assert_int_equal(find(sd->idx, "援助工作站", 0, &hits), 1);
	t = hit_text(sd->idx, &hits[0]);
	assert_string_equal(t, "援助工作站");
	free(t);
	assert_int_equal(search_hit_line(sd->idx, &hits[0]), 43);
	free(hits);
	assert_int_equal(find(sd->idx, "援助工作站", SEARCH_EXACT, &hits), 1);
	free(hits);
}

static void
test_seed_scripts(void **state)
{
	struct seed		*sd = *state;
	struct search_hit	*hits;

	/* Latin (in the source: 500G, 阿里巴巴(中国)) */
	assert_int_equal(find(sd->idx, "500g", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "500G", SEARCH_EXACT, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "500g", SEARCH_EXACT, &hits), 0);
	/* Digits, full-width or not. */
	assert_int_equal(find(sd->idx, "11678", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "１１６７８人次", 0, &hits), 1);
	free(hits);
	/* Punctuation: the source has ASCII "(中国)" and "," */
	assert_int_equal(find(sd->idx, "（中国）", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "(中国)", SEARCH_EXACT, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "“共享法庭”", 0, &hits), 2);
	free(hits);
	assert_int_equal(find(sd->idx, "日前，省司法厅", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "—", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(sd->idx, "2022—2024", SEARCH_EXACT, &hits), 1);
	free(hits);
	/* Han with a regex. */
	assert_true(find(sd->idx, "\\d+人次", SEARCH_REGEX, &hits) >= 5);
	free(hits);
}

/* Keys made only of common bytes go through memmem: same answers. */
static void
test_common_bytes(void **state)
{
	struct doc		 d;
	struct search_index	*idx;
	struct search_hit	*hits;
	char			 text[4096];

	memset(&d, 0, sizeof d);
	memset(text, 'a', sizeof text - 2);
	memcpy(text + 100, "ab", 2);
	text[sizeof text - 2] = '\n';
	text[sizeof text - 1] = '\0';
	doc_add_bytes(&d, "a.txt", text, strlen(text));
	idx = search_index_doc(&d);
	/* 101 a's, a b, 3992 a's: non-overlapping runs of four. */
	assert_int_equal(find(idx, "aaaa", SEARCH_EXACT, &hits),
	    101 / 4 + 3992 / 4);
	free(hits);
	assert_int_equal(find(idx, "AAAA", 0, &hits), 101 / 4 + 3992 / 4);
	assert_int_equal(hits[1].start, hits[0].end);
	free(hits);
	assert_int_equal(find(idx, "aab", 0, &hits), 1);
	assert_int_equal(hits[0].start, 99);
	free(hits);
	search_index_free(idx);
	doc_free(&d);
}

/* Matches inside one character's folding are one hit on it. */
static void
test_fold_expansion(void **state)
{
	static const char text[] = "Straße… Maße\n";
	struct doc		 d;
	struct search_index	*idx;
	struct search_hit	*hits;
	char			*t;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "s.txt", text, strlen(text));
	idx = search_index_doc(&d);
	assert_int_equal(find(idx, "s", 0, &hits), 3);	/* S ß ß */
	t = hit_text(idx, &hits[1]);
	assert_string_equal(t, "ß");
	free(t);
	free(hits);
	assert_int_equal(find(idx, "ss", 0, &hits), 2);
	t = hit_text(idx, &hits[0]);
	assert_string_equal(t, "ß");
	free(t);
	free(hits);
	assert_int_equal(find(idx, ".", 0, &hits), 1);
	t = hit_text(idx, &hits[0]);
	assert_string_equal(t, "…");
	free(t);
	free(hits);
	assert_int_equal(find(idx, "s", SEARCH_REGEX, &hits), 3);
	free(hits);
	assert_int_equal(find(idx, "\\.", SEARCH_REGEX, &hits), 1);
	free(hits);
	assert_int_equal(find(idx, "...", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(idx, "s", SEARCH_EXACT, &hits), 0);
	search_index_free(idx);
	doc_free(&d);
}

/* ---- Simplified and Traditional ---------------------------------------- */

/* Two lines of 自由時報, 2025-09-05, "全國矯正機關超收1000多人" (Traditional,
   Taiwan), one of the seed page (Simplified), and a line mixing both with
   a variant (峯) and a character of Extension B (𠗣, whose Simplified form
   㓆 is three bytes). */
static const char scripts_text[] =
	"全國矯正機關目前超收1000多人，最終還是希望透過監獄內部教化。\n"
	"\n"
	"近年来，浙江监狱一直没有停下推进监地协作的脚步。\n"
	"\n"
	"监獄与山峯，𠗣監獄ABC。\n";

static void
test_scripts(void **state)
{
	static const char *const pats[] = { "监狱", "監獄", "监獄", "監狱" };
	struct doc		 d;
	struct search_index	*idx;
	struct search_hit	*hits;
	struct range		 src;
	char			*t;
	size_t			 i, k, len;
	const char		*j;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "s.txt", scripts_text, strlen(scripts_text));
	idx = search_index_doc(&d);
	/* Every spelling finds all four, each in its own spelling. */
	for (i = 0; i < sizeof pats / sizeof *pats; i++) {
		static const char *const want[] = { "監獄", "监狱", "监獄",
		    "監獄" };

		assert_int_equal(find(idx, pats[i], 0, &hits), 4);
		for (k = 0; k < 4; k++) {
			t = hit_text(idx, &hits[k]);
			assert_string_equal(t, want[k]);
			free(t);
		}
		free(hits);
		/* and so does a regular expression */
		assert_int_equal(find(idx, pats[i], SEARCH_REGEX, &hits), 4);
		free(hits);
	}
	/* Exact matching does not fold. */
	assert_int_equal(find(idx, "监狱", SEARCH_EXACT, &hits), 1);
	free(hits);
	assert_int_equal(find(idx, "監獄", SEARCH_EXACT, &hits), 2);
	free(hits);
	/* The hit's offsets are the original's: after the four-byte 𠗣. */
	assert_int_equal(find(idx, "监狱abc", 0, &hits), 1);
	j = search_joined(idx, hits[0].page, hits[0].story, hits[0].block,
	    &len);
	assert_int_equal(hits[0].start, strstr(j, "監獄ABC") - j);
	assert_int_equal(hits[0].end - hits[0].start, strlen("監獄ABC"));
	assert_int_equal(search_hit_source(idx, &hits[0], &src), 0);
	assert_int_equal(src.start, strstr(d.files[0].text.buf, "監獄ABC") -
	    d.files[0].text.buf);
	free(hits);
	/* 𠗣 by its Simplified form, and itself, as one character. */
	assert_int_equal(find(idx, "㓆", 0, &hits), 1);
	t = hit_text(idx, &hits[0]);
	assert_string_equal(t, "𠗣");
	free(t);
	free(hits);
	assert_int_equal(find(idx, "𠗣监", 0, &hits), 1);
	free(hits);
	/* Variants: 峰 finds 峯; a character without a mapping only itself. */
	assert_int_equal(find(idx, "山峰", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(idx, "的", 0, &hits), 1);
	free(hits);
	/* 協作 and 协作, 機關 in the Taiwan line */
	assert_int_equal(find(idx, "监地協作", 0, &hits), 1);
	free(hits);
	assert_int_equal(find(idx, "矫正机关", 0, &hits), 1);
	free(hits);
	/* the fold of a pattern */
	t = search_fold("監獄ＡＢＣ", strlen("監獄ＡＢＣ"), &len);
	assert_string_equal(t, "监狱abc");
	free(t);
	search_index_free(idx);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest hand[] = {
		cmocka_unit_test(test_fold_string),
		cmocka_unit_test(test_fold_width),
		cmocka_unit_test(test_fold_case),
		cmocka_unit_test(test_overlap_adjacent),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_no_cross_block),
		cmocka_unit_test(test_banner),
		cmocka_unit_test(test_empty_pattern),
		cmocka_unit_test(test_regex_invalid),
		cmocka_unit_test(test_regex_basic),
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_next_prev),
		cmocka_unit_test(test_story),
		cmocka_unit_test(test_context),
	};
	const struct CMUnitTest seed[] = {
		cmocka_unit_test(test_seed_prison),
		cmocka_unit_test(test_seed_rank),
		cmocka_unit_test(test_seed_words),
		cmocka_unit_test(test_seed_scripts),
		cmocka_unit_test(test_common_bytes),
		cmocka_unit_test(test_fold_expansion),
		cmocka_unit_test(test_scripts),
	};
	int fails;

	setlocale(LC_ALL, "C.UTF-8");
	fails = cmocka_run_group_tests_name("search (hand page)", hand,
	    hand_setup, hand_teardown);
	fails += cmocka_run_group_tests_name("search (seed)", seed,
	    seed_setup, seed_teardown);
	return fails != 0;
}
