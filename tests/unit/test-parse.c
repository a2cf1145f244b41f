/*
 * Unit tests of parse: the seed page read exactly, each test page under
 * tests/data/pages, the markup, bylines and datelines, and the promise
 * that every non-space character of any page lands in exactly one block
 * and that no input crashes or loops.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "parse.h"
#include "text.h"
#include "test-seed.h"

/* A path under the source tree ($TOP when set, else the cwd). */
static char *
path_of(const char *rel)
{
	static char	 buf[4096];
	const char	*top = getenv("TOP");

	snprintf(buf, sizeof buf, "%s/%s", top != NULL ? top : ".", rel);
	return buf;
}

/* Load a file into t; fail the test if it cannot be read. */
static void
load(struct text *t, const char *rel)
{
	const char	*cause = NULL;

	memset(t, 0, sizeof *t);
	if (text_load(t, path_of(rel), &cause) != 0)
		fail_msg("%s: %s", rel, cause);
}

/* Decode n bytes into t (fails the test on binary input). */
static int
from_bytes(struct text *t, const char *s, size_t n)
{
	const char	*cause = NULL;

	memset(t, 0, sizeof *t);
	return text_from_bytes(t, s, n, &cause);
}

/* Parse page i of t into pg. */
static void
parse_nth(struct page *pg, const struct text *t, size_t i)
{
	memset(pg, 0, sizeof *pg);
	parse_page(pg, t, t->pages[i]);
}

/* The joined text of block b (static buffer, for assertions). */
static const char *
joined(const struct page *pg, const struct block *b)
{
	static char	 buf[1 << 16];
	char		*s;
	size_t		 len;

	s = page_block_join(pg, b, &len, NULL);
	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

/* The source bytes of range r (static buffer). */
static const char *
src(const struct page *pg, struct range r)
{
	static char	 buf[4][256];
	static int	 k;
	size_t		 n = r.end - r.start;

	k = (k + 1) % 4;
	if (n >= sizeof buf[k])
		n = sizeof buf[k] - 1;
	memcpy(buf[k], pg->text->buf + r.start, n);
	buf[k][n] = '\0';
	return buf[k];
}

/* The first block of story st of kind k whose text contains needle. */
static const struct block *
find_block(const struct page *pg, const struct story *st, int k,
    const char *needle)
{
	size_t	 i;

	for (i = 0; i < st->nblocks; i++)
		if ((k < 0 || (int)st->blocks[i].kind == k) &&
		    strstr(joined(pg, &st->blocks[i]), needle) != NULL)
			return &st->blocks[i];
	return NULL;
}

/* Length of white space (ASCII, U+3000, NBSP) at s. */
static size_t
space_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' ||
	    s[0] == '\r' || s[0] == '\f' || s[0] == '\v'))
		return 1;
	if (n >= 3 && s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	return 0;
}

/* Count into cnt[] the source bytes covered by the blocks of st. */
static void
cover_story(const struct page *pg, const struct story *st,
    unsigned char *cnt)
{
	size_t	 b, p, k;

	for (b = 0; b < st->nblocks; b++) {
		const struct block *bl = &st->blocks[b];

		assert_true(bl->npieces > 0);
		assert_true(bl->kind < BLOCK__COUNT);
		for (p = 0; p < bl->npieces; p++) {
			assert_true(bl->pieces[p].start < bl->pieces[p].end);
			assert_true(bl->pieces[p].start >= pg->span.start);
			assert_true(bl->pieces[p].end <= pg->span.end);
			for (k = bl->pieces[p].start; k < bl->pieces[p].end;
			    k++)
				if (cnt[k] < 255)
					cnt[k]++;
		}
		if (bl->section >= 0)
			assert_true((size_t)bl->section < st->nsections);
	}
	for (b = 0; b < st->nsections; b++) {
		assert_true(st->sections[b].heading < st->nblocks);
		assert_int_equal(st->blocks[st->sections[b].heading].kind,
		    BLOCK_HEADING);
	}
	for (b = 0; b < st->nbylines; b++)
		assert_true(st->bylines[b].block < st->nblocks);
	if (st->dateline.end > st->dateline.start) {
		size_t	 len;
		char	*s;

		assert_true(st->dateline_block < st->nblocks);
		s = page_block_join(pg, &st->blocks[st->dateline_block], &len,
		    NULL);
		assert_true(st->dateline.end <= len);
		free(s);
	}
}

/* Was page pg read as Markdown?  (The page does not keep it:
   parse_explain says it.) */
static int
is_markdown(const struct page *pg)
{
	struct page		 pe;
	struct parse_explain	 ex;
	int			 md;

	memset(&pe, 0, sizeof pe);
	parse_explain(&pe, pg->text, pg->span, &ex);
	md = ex.markdown;
	parse_explain_free(&ex);
	page_free(&pe);
	return md;
}

/* Check that every non-space character of page pg is in exactly one block
   (of a story, of the banner, or of the dropped web debris).  In a
   Markdown page the markers (ASCII: # > * ! [ ] ( ) and a link's
   address) are in no block, and a YAML front matter is not text: there
   every non-ASCII character must be in one block, none in two. */
static void
check_cover(const struct page *pg)
{
	const struct text *t = pg->text;
	const unsigned char *b = (const unsigned char *)t->buf;
	unsigned char	*cnt;
	size_t		 i, k, s, e, line, lno = 0;
	int		 front = 0, md = is_markdown(pg);

	cnt = calloc(t->len + 1, 1);
	assert_non_null(cnt);
	for (i = 0; i < pg->nstories; i++) {
		assert_true(pg->stories[i].nblocks > 0);
		cover_story(pg, &pg->stories[i], cnt);
	}
	for (i = 0; i < pg->banner.nblocks; i++)
		assert_int_equal(pg->banner.blocks[i].kind, BLOCK_BANNER);
	cover_story(pg, &pg->banner, cnt);
	if (pg->extra != NULL)
		cover_story(pg, &pg->extra->dropped, cnt);
	line = pg->span.start;
	while (line < pg->span.end) {
		const char *nl = memchr(t->buf + line, '\n',
		    pg->span.end - line);

		e = nl != NULL ? (size_t)(nl - t->buf) : pg->span.end;
		s = line;
		if (md && e - s == 3 && memcmp(b + s, "---", 3) == 0 &&
		    (lno == 0 || front == 1))
			front++;	/* a front matter's --- lines */
		else if (md && front == 1)
			s = e;		/* inside the front matter */
		while (s < e && (k = space_len(b + s, e - s)) > 0)
			s += k;
		for (i = s; i < e; ) {
			if ((k = space_len(b + i, e - i)) > 0) {
				i += k;
				continue;
			}
			if (cnt[i] > 1 || (cnt[i] == 0 && !(md &&
			    b[i] < 0x80) && !(md && front == 1)))
				fail_msg("byte %zu (line %zu) covered %d times: "
				    "%.12s", i, text_line_of(t, i), cnt[i],
				    t->buf + i);
			i++;
		}
		line = e + 1;
		lno++;
	}
	free(cnt);
}

/* Parse every page of t and check coverage. */
static void
check_text(const struct text *t)
{
	struct page	 pg;
	size_t		 i;

	for (i = 0; i < t->npages; i++) {
		parse_nth(&pg, t, i);
		check_cover(&pg);
		page_free(&pg);
	}
}

/* Parse and check the coverage of every .txt file in a directory. */
static size_t
check_dir(const char *rel)
{
	DIR		*d;
	struct dirent	*de;
	struct text	 t;
	char		 name[4096];
	size_t		 n = 0, len;

	d = opendir(path_of(rel));
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		snprintf(name, sizeof name, "%s/%s", rel, de->d_name);
		load(&t, name);
		check_text(&t);
		text_free(&t);
		n++;
	}
	closedir(d);
	return n;
}

/* Every non-space character of every page is in exactly one block. */
static void
test_cover_all(void **state)
{
	assert_true(check_dir("articles") >= 1);
	assert_true(check_dir("tests/data/pages") >= 5);
}

/* The seed page, exactly as the issue describes it. */
static void
test_seed(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s1, *s2;
	const struct block *b;
	const struct byline *by;
	size_t		 i, len;
	char		*j;

	load(&t, TEST_SEED);
	parse_nth(&pg, &t, 0);
	assert_false(is_markdown(&pg));
	assert_int_equal(pg.nstories, 2);
	s1 = &pg.stories[0];
	s2 = &pg.stories[1];

	/* story 1: headline, bylines, sections, caption */
	assert_string_equal(joined(&pg, page_story_headline(s1)),
	    "推进监地协作 守护平安浙江");
	assert_int_equal(s1->nbylines, 2);
	by = &s1->bylines[0];
	assert_string_equal(src(&pg, by->role), "本报记者");
	assert_int_equal(by->nnames, 2);
	assert_string_equal(src(&pg, by->names[0]), "王春苗");
	assert_string_equal(src(&pg, by->names[1]), "陈毅人");
	assert_int_equal(s1->blocks[by->block].kind, BLOCK_BYLINE);
	by = &s1->bylines[1];
	assert_string_equal(src(&pg, by->role), "通讯员");
	assert_int_equal(by->nnames, 2);
	assert_string_equal(src(&pg, by->names[0]), "路满仙");
	assert_string_equal(src(&pg, by->names[1]), "李英英");
	assert_int_equal(s1->nsections, 3);
	assert_string_equal(joined(&pg, &s1->blocks[s1->sections[0].heading]),
	    "开启平安共建新路径");
	assert_string_equal(joined(&pg, &s1->blocks[s1->sections[1].heading]),
	    "为改造质量提质增效");
	assert_string_equal(joined(&pg, &s1->blocks[s1->sections[2].heading]),
	    "监地协作助共富");
	assert_non_null(find_block(&pg, s1, BLOCK_CAPTION,
	    "邀请非遗传承人进监授课"));
	assert_null(find_block(&pg, s2, -1, "邀请非遗传承人进监授课"));
	b = find_block(&pg, s1, BLOCK_LEAD, "");
	assert_non_null(b);
	assert_true(strncmp(joined(&pg, b), "日前,省司法厅", 10) == 0);
	assert_int_equal(s1->dateline.start, s1->dateline.end);

	/* story 2 */
	assert_string_equal(joined(&pg, page_story_headline(s2)),
	    "听到呼救声,他飞身跃下近2米高的水坝");
	assert_int_equal(s2->nbylines, 1);
	assert_string_equal(src(&pg, s2->bylines[0].role), "通讯员");
	assert_int_equal(s2->bylines[0].nnames, 1);
	assert_string_equal(src(&pg, s2->bylines[0].names[0]), "陈宣辰");
	assert_int_equal(s2->nsections, 0);
	assert_int_equal(s2->blocks[s2->dateline_block].kind, BLOCK_LEAD);
	j = page_block_join(&pg, &s2->blocks[s2->dateline_block], &len, NULL);
	assert_int_equal(s2->dateline.start, 0);
	assert_int_equal(s2->dateline.end, strlen("本报讯"));
	assert_memory_equal(j, "本报讯", strlen("本报讯"));
	free(j);

	/* the three cut paragraphs */
	b = find_block(&pg, s1, BLOCK_PARAGRAPH, "25家监狱单位在社会合作医院开通了");
	assert_non_null(b);
	assert_int_equal(b->npieces, 2);
	b = find_block(&pg, s2, BLOCK_PARAGRAPH, "近2米高的水坝。他一手");
	assert_non_null(b);
	assert_int_equal(b->npieces, 2);
	b = find_block(&pg, s1, BLOCK_PARAGRAPH, "法律援助工作站24家。");
	assert_non_null(b);
	assert_int_equal(b->npieces, 2);
	assert_int_equal(text_line_of(&t, b->pieces[0].start), 43);
	assert_int_equal(text_line_of(&t, b->pieces[1].start), 67);

	/* story 1 ends with the section 监地协作助共富 and its paragraphs */
	i = s1->sections[2].heading;
	assert_int_equal(s1->sections[2].end, s1->nblocks);
	assert_int_equal(s1->nblocks - i - 1, 6);
	for (i++; i < s1->nblocks; i++) {
		assert_int_equal(s1->blocks[i].kind, BLOCK_PARAGRAPH);
		assert_int_equal(s1->blocks[i].section, 2);
	}
	j = page_block_join(&pg, &s1->blocks[s1->nblocks - 1], &len, NULL);
	assert_true(len > strlen("不断绘就平安浙江新风景。"));
	assert_string_equal(j + len - strlen("不断绘就平安浙江新风景。"),
	    "不断绘就平安浙江新风景。");
	free(j);
	/* story 2 has no paragraph of story 1 */
	assert_null(find_block(&pg, s2, -1, "监地协作助共富"));
	assert_null(find_block(&pg, s2, -1, "工作站24家"));

	/* banner: title, motto, organisers; in no story */
	assert_int_equal(pg.banner.nblocks, 5);
	assert_string_equal(joined(&pg, &pg.banner.blocks[0]), "新岸");
	assert_string_equal(joined(&pg, &pg.banner.blocks[1]),
	    "人文沟通法治诠释精义内外真情通达墙内外");
	assert_string_equal(joined(&pg, &pg.banner.blocks[2]),
	    "浙江省监狱管理局");
	assert_string_equal(joined(&pg, &pg.banner.blocks[3]), "浙江法制报社");
	assert_string_equal(joined(&pg, &pg.banner.blocks[4]), "联办");
	assert_null(find_block(&pg, s1, -1, "浙江法制报社"));
	assert_null(find_block(&pg, s2, -1, "浙江法制报社"));
	assert_null(find_block(&pg, s1, -1, "人文"));

	check_cover(&pg);
	page_free(&pg);
	text_free(&t);
}

/* Count blocks of kind k in st. */
static size_t
count_kind(const struct story *st, enum block_kind k)
{
	size_t	 i, n = 0;

	for (i = 0; i < st->nblocks; i++)
		n += st->blocks[i].kind == k;
	return n;
}

/* Kicker, subtitle, padded names, dateline with bylines, page numbers. */
static void
test_multi_story(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;

	load(&t, "tests/data/pages/multi-story.txt");
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 2);
	s = &pg.stories[0];
	assert_int_equal(s->blocks[0].kind, BLOCK_KICKER);
	assert_string_equal(joined(&pg, &s->blocks[0]), "聚焦全国两会");
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "政府工作报告提出今年发展主要预期目标");
	assert_int_equal(s->blocks[2].kind, BLOCK_SUBTITLE);
	assert_true(s->nbylines >= 2);
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "张  明");
	assert_string_equal(src(&pg, s->bylines[0].names[1]), "李晓燕");
	assert_string_equal(src(&pg, s->bylines[1].role), "实习生");
	assert_string_equal(src(&pg, s->bylines[1].names[0]), "王  芳");
	assert_int_equal(s->dateline.start, 0);
	assert_int_equal(s->dateline.end,
	    strlen("本报北京3月5日讯（记者 赵一鸣）"));
	assert_non_null(find_block(&pg, s, BLOCK_CAPTION, "图为开幕会现场"));
	s = &pg.stories[1];
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "部长通道传递发展信心");
	assert_int_equal(s->dateline.end, strlen("新华社北京3月5日电"));
	assert_int_equal(count_kind(s, BLOCK_LEAD), 1);
	/* page numbers are banner metadata */
	assert_int_equal(pg.banner.nblocks, 2);
	assert_string_equal(joined(&pg, &pg.banner.blocks[0]), "2");
	assert_string_equal(joined(&pg, &pg.banner.blocks[1]), "3");
	page_free(&pg);
	text_free(&t);
}

/* Editor's note, "## " headings, list numbers attached to their block. */
static void
test_editor_note(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;
	const struct block *b;

	load(&t, "tests/data/pages/editor-note.txt");
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 1);
	s = &pg.stories[0];
	assert_int_equal(s->blocks[0].kind, BLOCK_NOTE);
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "让新农人扎根田野");
	assert_int_equal(s->nbylines, 2);
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "倪  弋");
	assert_string_equal(src(&pg, s->bylines[1].role), "实习生");
	assert_string_equal(src(&pg, s->bylines[1].names[0]), "陈  晨");
	assert_true(s->nsections >= 2);
	assert_string_equal(joined(&pg, &s->blocks[s->sections[0].heading]),
	    "搭平台 引人才");
	b = find_block(&pg, s, BLOCK_PARAGRAPH, "县里设立人才工作站");
	assert_non_null(b);
	assert_int_equal(b->npieces, 2);
	assert_string_equal(src(&pg, b->pieces[0]), "1");
	assert_int_equal(pg.banner.nblocks, 0);
	/* 记者手记 is not a byline */
	assert_null(find_block(&pg, s, BLOCK_BYLINE, "记者手记"));
	page_free(&pg);
	text_free(&t);
}

/* Hard-wrapped paragraphs without blank lines, indented by U+3000. */
static void
test_wrapped(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;
	const struct block *b;

	load(&t, "tests/data/pages/wrapped.txt");
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 1);
	s = &pg.stories[0];
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "春风化雨润民心");
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "钱  江");
	b = &s->blocks[s->dateline_block];
	assert_int_equal(b->kind, BLOCK_LEAD);
	assert_int_equal(b->npieces, 3);
	assert_int_equal(s->dateline.end,
	    strlen("本报讯（记者 钱江 通讯员 孙立）"));
	assert_non_null(find_block(&pg, s, BLOCK_PARAGRAPH,
	    "日子越过越红火。”村民潘春林说。"));
	assert_int_equal(s->nsections, 1);
	assert_string_equal(joined(&pg, &s->blocks[s->sections[0].heading]),
	    "绿色发展");
	assert_int_equal(count_kind(s, BLOCK_PARAGRAPH), 3);
	page_free(&pg);
	text_free(&t);
}

/* A paragraph interrupted by a caption and another story, then resumed. */
static void
test_columns(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;
	const struct block *b;

	load(&t, "tests/data/pages/columns.txt");
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 2);
	s = &pg.stories[0];
	b = find_block(&pg, s, BLOCK_PARAGRAPH, "问题办结率达到98.6%，群众满意度");
	assert_non_null(b);
	assert_int_equal(b->npieces, 2);
	assert_non_null(find_block(&pg, s, BLOCK_CAPTION, "网格员入户走访"));
	assert_int_equal(s->nsections, 1);
	assert_string_equal(joined(&pg, &s->blocks[s->sections[0].heading]),
	    "网格连万家");
	assert_non_null(find_block(&pg, s, BLOCK_PARAGRAPH, "徐大伯"));
	s = &pg.stories[1];
	assert_null(find_block(&pg, s, -1, "徐大伯"));
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "小小积分卡撬动文明新风尚");
	page_free(&pg);
	text_free(&t);
}

/* Pages split at form feeds; Latin words and digits keep a space. */
static void
test_formfeed(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct block *b;

	load(&t, "tests/data/pages/formfeed.txt");
	assert_int_equal(t.npages, 2);
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 1);
	b = find_block(&pg, &pg.stories[0], BLOCK_LEAD, "");
	assert_non_null(b);
	assert_non_null(strstr(joined(&pg, b), "完工。COVID 19疫情期间"));
	assert_non_null(strstr(joined(&pg, b), "复工，GDP增长明显。"));
	page_free(&pg);
	parse_nth(&pg, &t, 1);
	assert_int_equal(pg.nstories, 1);
	assert_string_equal(joined(&pg, page_story_headline(&pg.stories[0])),
	    "汇聚创新发展新动能");
	assert_int_equal(pg.stories[0].nbylines, 1);
	assert_string_equal(src(&pg, pg.stories[0].bylines[0].names[0]),
	    "李  想");
	page_free(&pg);
	text_free(&t);
}

/* A Markdown page (tests/data/pages/marked.txt): ### kicker, # headline,
   ## subtitle, ## heading later, > note, an image's alt text as caption,
   **bold** inline, \# escaped; bylines and datelines by the heuristics. */
static void
test_marked(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;
	const struct block *b;

	load(&t, "tests/data/pages/marked.txt");
	parse_nth(&pg, &t, 0);
	check_cover(&pg);
	assert_true(is_markdown(&pg));
	assert_int_equal(pg.nstories, 2);
	s = &pg.stories[0];
	assert_int_equal(s->blocks[0].kind, BLOCK_KICKER);
	assert_string_equal(joined(&pg, &s->blocks[0]),
	    "坚持人民至上 守护万家灯火");
	assert_int_equal(s->blocks[1].kind, BLOCK_HEADLINE);
	assert_string_equal(joined(&pg, &s->blocks[1]),
	    "城市更新让老街区焕发新活力");
	assert_int_equal(s->blocks[2].kind, BLOCK_SUBTITLE);
	assert_string_equal(joined(&pg, &s->blocks[2]),
	    "——来自上海市黄浦区的调查");
	assert_int_equal(s->blocks[3].kind, BLOCK_BYLINE);
	assert_int_equal(s->blocks[4].kind, BLOCK_BYLINE);
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "王  珂");
	assert_string_equal(src(&pg, s->bylines[1].names[0]), "孙  宁");
	assert_string_equal(src(&pg, s->bylines[1].names[1]), "刘思远");
	assert_int_equal(s->blocks[5].kind, BLOCK_LEAD);
	assert_int_equal(s->blocks[5].npieces, 2);
	assert_int_equal(s->dateline_block, 5);
	assert_int_equal(s->nsections, 1);
	assert_string_equal(joined(&pg, &s->blocks[s->sections[0].heading]),
	    "保留烟火气");
	assert_non_null(find_block(&pg, s, BLOCK_NOTE, "链接："));
	/* the lines of one Markdown paragraph are one block, and the
	   emphasis markers are not text */
	b = find_block(&pg, s, BLOCK_PARAGRAPH, "居民张阿姨说。据介绍");
	assert_non_null(b);
	assert_non_null(strstr(joined(&pg, b), "居民1200余户。"));
	assert_null(strstr(joined(&pg, b), "*"));
	b = find_block(&pg, s, BLOCK_CAPTION, "图为改造后的弄堂");
	assert_non_null(b);
	assert_null(strstr(joined(&pg, b), "lane.jpg"));
	assert_null(strstr(joined(&pg, b), "!["));
	b = &s->blocks[s->nblocks - 1];
	assert_int_equal(b->kind, BLOCK_PARAGRAPH);
	assert_string_equal(joined(&pg, b), "# 号楼的居民最先搬回。");
	s = &pg.stories[1];
	assert_int_equal(s->nblocks, 2);
	assert_int_equal(s->blocks[0].kind, BLOCK_HEADLINE);
	assert_int_equal(s->blocks[1].kind, BLOCK_LEAD);
	/* the page label is page metadata */
	assert_int_equal(pg.banner.nblocks, 1);
	assert_string_equal(joined(&pg, &pg.banner.blocks[0]), "第三版：要闻");
	page_free(&pg);
	text_free(&t);
}

/* Parse the string s as one text and check its first page; pg kept. */
static void
parse_str(struct text *t, struct page *pg, const char *s)
{
	assert_int_equal(from_bytes(t, s, strlen(s)), 0);
	parse_nth(pg, t, 0);
	check_cover(pg);
}

/* Bylines: several roles, glued names, trailing 摄, non-bylines. */
static void
test_bylines(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;

	parse_str(&t, &pg, "标题一\n\n本报记者王春苗 本报通讯员 欧阳明、李四 "
	    "特约记者 倪  弋\n\n正文第一段。\n");
	assert_int_equal(pg.nstories, 1);
	s = &pg.stories[0];
	assert_int_equal(s->nbylines, 3);
	assert_string_equal(src(&pg, s->bylines[0].role), "本报记者");
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "王春苗");
	assert_string_equal(src(&pg, s->bylines[1].role), "本报通讯员");
	assert_int_equal(s->bylines[1].nnames, 2);
	assert_string_equal(src(&pg, s->bylines[1].names[1]), "李四");
	assert_string_equal(src(&pg, s->bylines[2].names[0]), "倪  弋");
	page_free(&pg);
	text_free(&t);

	/* a photo credit alone is a caption, not a new story */
	parse_str(&t, &pg, "标题二\n\n本报记者 张三\n\n正文第一段。\n\n"
	    "张  三 摄\n\n正文第二段。\n");
	assert_int_equal(pg.nstories, 1);
	assert_non_null(find_block(&pg, &pg.stories[0], BLOCK_CAPTION,
	    "摄"));
	page_free(&pg);
	text_free(&t);

	/* names alone right under a head, over the text: its byline when
	   each starts with a surname; not a subtitle like 王勇出席, not a
	   word like 核心阅读, not over a heading */
	parse_str(&t, &pg, "让公共数据供得出、流得动、用得好（人民时评）\n\n"
	    "张子晗\n\n正文第一段，有逗号。\n");
	assert_int_equal(pg.nstories, 1);
	s = &pg.stories[0];
	assert_non_null(find_block(&pg, s, BLOCK_HEADLINE, "让公共数据供得出、"
	    "流得动、用得好（人民时评）"));
	assert_int_equal(s->nbylines, 1);
	assert_string_equal(src(&pg, s->bylines[0].names[0]), "张子晗");
	page_free(&pg);
	text_free(&t);
	parse_str(&t, &pg, "标题四\n\n王勇出席\n\n正文第一段。\n\n"
	    "核心阅读\n\n正文第二段。\n");
	assert_int_equal(pg.stories[0].nbylines, 0);
	page_free(&pg);
	text_free(&t);
	parse_str(&t, &pg, "标题五\n\n本报记者 李四\n\n正文第一段。\n\n"
	    "本报记者  叶传增文\n");
	assert_int_equal(pg.nstories, 1);	/* a closing credit */
	assert_int_equal(pg.stories[0].nbylines, 2);
	page_free(&pg);
	text_free(&t);

	/* 记者手记, 摄像头 are no bylines */
	parse_str(&t, &pg, "标题三\n\n记者 李四\n\n正文第一段。\n\n记者手记\n\n"
	    "正文第二段。\n\n摄像头\n\n正文第三段。\n");
	assert_int_equal(pg.nstories, 1);
	assert_int_equal(pg.stories[0].nbylines, 1);
	assert_int_equal(count_kind(&pg.stories[0], BLOCK_BYLINE), 1);
	page_free(&pg);
	text_free(&t);
}

/* Markdown is a hint per line, not a mode: a page with one marked
   headline and unmarked stories after it gives them all; ## right after
   the headline is its subtitle, later a section; a front matter, a
   thematic break, raw HTML are no text; dubao's old private markers are
   plain text. */
static void
test_markup_rules(void **state)
{
	struct text	 t;
	struct page	 pg;
	const struct story *s;

	/* after 20250102-19 of leeperfect/PeopleDailyMaterial (People's
	   Daily 2025-01-02 p. 19), shortened */
	parse_str(&t, &pg, "---\ntitle: \"法治阳光温暖群众心田\"\n"
	    "section: \"第19版\"\n---\n\n# 法治阳光温暖群众心田（法治头条）\n\n"
	    "## ——来自基层一线的法治故事\n\n> 《人民日报》（2025年01月02日第 19 版）\n\n"
	    "法治，治之端也。社会发展离不开法治护航。\n\n——编  者\n\n涉企检查规范了\n\n"
	    "本报记者  亓玉昆\n\n岁末年初，在江苏省泰州市兴化市竹泓工业园区，公司员工正在忙碌。\n\n"
	    "“水葫芦”不见了\n\n本报记者  倪  弋\n\n“‘水葫芦’不见了，水变清了，鱼变多了！”\n\n"
	    "## 小节\n\n正文。\n");
	assert_true(is_markdown(&pg));
	assert_int_equal(pg.nstories, 3);
	s = &pg.stories[0];
	assert_string_equal(joined(&pg, page_story_headline(s)),
	    "法治阳光温暖群众心田（法治头条）");
	assert_int_equal(s->blocks[1].kind, BLOCK_SUBTITLE);
	assert_string_equal(joined(&pg, page_story_headline(&pg.stories[1])),
	    "涉企检查规范了");
	assert_string_equal(joined(&pg, page_story_headline(&pg.stories[2])),
	    "“水葫芦”不见了");
	assert_string_equal(src(&pg, pg.stories[2].bylines[0].names[0]),
	    "倪  弋");
	assert_int_equal(pg.stories[2].nsections, 1);
	/* the source line is page metadata */
	assert_int_equal(pg.banner.nblocks, 1);
	page_free(&pg);
	text_free(&t);

	/* old markers are text; a thematic break over a head ends a story
	   (markup between aside); HTML is markup */
	parse_str(&t, &pg, "# 主题\n\n^ 不是引题\n\n@ 不是署名\n\n---\n\n"
	    "<div class=\"x\">\n</div>\n\n后一篇\n\n后一篇的正文。\n");
	assert_true(is_markdown(&pg));
	assert_int_equal(pg.nstories, 2);
	s = &pg.stories[0];
	assert_non_null(find_block(&pg, s, -1, "^ 不是引题"));
	assert_non_null(find_block(&pg, s, -1, "@ 不是署名"));
	assert_string_equal(joined(&pg, page_story_headline(&pg.stories[1])),
	    "后一篇");
	page_free(&pg);
	text_free(&t);

	/* a thematic break over a paragraph only rules it off: one story
	   (md-rule-in-story) */
	parse_str(&t, &pg, "# 主题\n\n作者：某某\n\n---\n\n"
	    "<div class=\"x\">\n</div>\n\n正文的第一段，说了一件事。\n");
	assert_true(is_markdown(&pg));
	assert_int_equal(pg.nstories, 1);
	assert_non_null(find_block(&pg, &pg.stories[0], -1,
	    "正文的第一段，说了一件事。"));
	page_free(&pg);
	text_free(&t);
}

/* A web page's menus, one item a line, are its frame (web-frame); the
   same short lines inside a story are text. */
static void
test_menus(void **state)
{
	static const char names[] = "　　张三丰\n　　李四光\n　　王五洲\n"
	    "　　赵六合\n　　钱七星\n　　孙八达\n　　周九龄\n　　吴十安\n";
	struct text	 t;
	struct page	 pg;
	char		 buf[1024];

	(void)state;
	/* a menu over the story (as 自由時報 pages saved as text) */
	snprintf(buf, sizeof buf, "即時\n熱門\n政治\n財富自由\n軍武\n社會\n"
	    "生活\nTAIPEI TIMES\n健康\n國際\n地方\n蒐奇\n緬甸強震引爆災情\n"
	    "〔記者方韋傑／台北報導〕緬甸週五（28日）中午發生劇烈強震，引發嚴重"
	    "災情，地震波還引發鄰近的泰國曼谷當地高樓倒塌。\n");
	assert_int_equal(from_bytes(&t, buf, strlen(buf)), 0);
	parse_nth(&pg, &t, 0);
	assert_int_equal(pg.nstories, 1);
	assert_string_equal(joined(&pg, page_story_headline(&pg.stories[0])),
	    "緬甸強震引爆災情");
	assert_null(find_block(&pg, &pg.stories[0], -1, "財富自由"));
	assert_non_null(pg.extra);
	assert_non_null(find_block(&pg, &pg.extra->dropped, -1, "財富自由"));
	assert_non_null(find_block(&pg, &pg.extra->dropped, -1,
	    "TAIPEI TIMES"));
	page_free(&pg);
	text_free(&t);

	/* names one a line between two paragraphs are the story's */
	snprintf(buf, sizeof buf, "获奖名单公布\n\n　　本届评选共有八人获奖，"
	    "名单如下，按姓氏笔画排列。\n%s　　颁奖仪式将于下月在北京举行，届时"
	    "将邀请获奖者的家属出席。\n", names);
	assert_int_equal(from_bytes(&t, buf, strlen(buf)), 0);
	parse_nth(&pg, &t, 0);
	assert_non_null(find_block(&pg, &pg.stories[0], -1, "王五洲"));
	assert_true(pg.extra == NULL ||
	    find_block(&pg, &pg.extra->dropped, -1, "王五洲") == NULL);
	page_free(&pg);
	text_free(&t);
}

/* Datelines: 本报讯 with and without brackets, agencies, non-datelines. */
static void
test_datelines(void **state)
{
	static const struct {
		const char	*in;
		const char	*dl;
	} cases[] = {
		{ "本报讯（记者 张三） 正文。", "本报讯（记者 张三）" },
		{ "本报讯(通讯员 李四)正文。", "本报讯(通讯员 李四)" },
		{ "本报讯 正文。", "本报讯" },
		{ "新华社北京3月5日电 正文。", "新华社北京3月5日电" },
		{ "本报杭州3月5日讯 正文。", "本报杭州3月5日讯" },
		{ "中新社上海1月1日电（记者 王五） 正文。",
		    "中新社上海1月1日电（记者 王五）" },
		{ "本报记者从有关部门获悉，正文。", "" },
		{ "新华社电 正文。", "" },
	};
	struct text	 t;
	struct page	 pg;
	char		 buf[512];
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct story *s;

		snprintf(buf, sizeof buf, "标题\n\n%s\n", cases[i].in);
		parse_str(&t, &pg, buf);
		assert_int_equal(pg.nstories, 1);
		s = &pg.stories[0];
		assert_int_equal(s->dateline.start, 0);
		if (s->dateline.end != strlen(cases[i].dl))
			fail_msg("%s: dateline %zu bytes, want %zu", cases[i].in,
			    s->dateline.end, strlen(cases[i].dl));
		page_free(&pg);
		text_free(&t);
	}
}

/* Parse s (n bytes) if it decodes, checking coverage of every page. */
static void
survive(const char *s, size_t n)
{
	struct text	 t;

	if (from_bytes(&t, s, n) != 0)
		return;
	check_text(&t);
	text_free(&t);
}

/* Repeat the string unit to n bytes; malloc'ed. */
static char *
repeat(const char *unit, size_t n)
{
	char	*s = malloc(n + 1);
	size_t	 k = strlen(unit), i;

	assert_non_null(s);
	for (i = 0; i + k <= n; i += k)
		memcpy(s + i, unit, k);
	s[i] = '\0';
	return s;
}

/* Pathological inputs: no crash, no loop, full coverage. */
static void
test_survive(void **state)
{
	static const char *const units[] = {
		"\n", "新\n", "1\n\n\n", "# ", "本报记者 张三\n", "。，！？\n",
		"——\n\n", "@ 记者\n", "^ 引\n\n", "编者按\n", "\\\n", "# 标题\n",
		"本报讯\n\n\n", "短行\n\n", "长长的一行没有标点的正文内容继续写下去直到"
		"超过四十个字符为止还要再多写一些字才行啊\n\n", "▲\n", "　\n",
		"% 报\n", "##  \n", "倪  弋\n", "\xc2\xa0\n", "1. \n",
	};
	char		*s;
	size_t		 i, n;

	survive("", 0);
	survive("\n", 1);
	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		s = repeat(units[i], 300000);
		survive(s, strlen(s));
		free(s);
	}
	/* 100,000 blank lines */
	s = repeat("\n", 100000);
	survive(s, strlen(s));
	free(s);
	/* a 1 MB line, with and without final punctuation */
	s = repeat("汉", 1 << 20);
	survive(s, strlen(s));
	s[strlen(s) - 3] = '\0';
	strcat(s, "。");
	survive(s, strlen(s));
	free(s);
	/* only punctuation */
	s = repeat("，。、；：？！…—“”（）《》\n", 200000);
	survive(s, strlen(s));
	free(s);
	/* a 2,000-character headline, marked and unmarked */
	s = malloc(20000);
	assert_non_null(s);
	for (n = 0; n < 2; n++) {
		strcpy(s, n ? "# " : "");
		for (i = 0; i < 2000; i++)
			strcat(s, "题");
		strcat(s, "\n\n本报记者 张三\n\n正文。\n");
		survive(s, strlen(s));
	}
	free(s);
	/* random bytes and random token soup */
	srand(12345);
	s = malloc(1 << 16);
	assert_non_null(s);
	for (n = 0; n < 200; n++) {
		size_t	 len = (size_t)rand() % (1 << 15);

		for (i = 0; i < len; i++)
			s[i] = (char)(rand() & 0xff);
		survive(s, len);
		for (i = 0; i + 40 < (1 << 16) - 1 && i < len; ) {
			const char *u = units[(size_t)rand() %
			    (sizeof units / sizeof units[0])];

			memcpy(s + i, u, strlen(u));
			i += strlen(u);
		}
		survive(s, i);
	}
	free(s);
}

/* A large page (many copies of the seed) parses, and in one pass. */
static void
test_large(void **state)
{
	struct text	 t, big;
	struct page	 pg;
	char		*s;
	size_t		 i, n = 400;

	load(&t, TEST_SEED);
	s = malloc(t.len * n + n);
	assert_non_null(s);
	for (i = 0; i < n; i++) {
		memcpy(s + i * (t.len + 1), t.buf, t.len);
		s[i * (t.len + 1) + t.len] = '\n';
	}
	assert_int_equal(from_bytes(&big, s, n * (t.len + 1)), 0);
	parse_nth(&pg, &big, 0);
	assert_int_equal(pg.nstories, 2 * n);
	check_cover(&pg);
	page_free(&pg);
	text_free(&big);
	text_free(&t);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_cover_all),
		cmocka_unit_test(test_multi_story),
		cmocka_unit_test(test_editor_note),
		cmocka_unit_test(test_wrapped),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_formfeed),
		cmocka_unit_test(test_marked),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_markup_rules),
		cmocka_unit_test(test_menus),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_survive),
		cmocka_unit_test(test_large),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
