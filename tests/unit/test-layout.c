/* Unit tests of layout.c on hand-made pages at small widths. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unilbrk.h>
#include <unistr.h>

#include "cjk.h"
#include "layout.h"
#include "test-layout-check.h"
#include "test-u8.h"
#include "xmalloc.h"

/* A one-story page built from (kind, text) pairs, one piece per block. */
struct tpage {
	struct text	 text;
	struct page	 page;
	struct story	 story;
};

static struct tpage *
tpage_new(size_t n, const enum block_kind *kinds, const char *const *texts)
{
	struct tpage	*tp = xcalloc(1, sizeof *tp);
	size_t		 i, len = 0, o = 0;

	for (i = 0; i < n; i++)
		len += strlen(texts[i]) + 1;
	tp->text.buf = xmalloc(len + 1);
	tp->story.blocks = xcalloc(n, sizeof *tp->story.blocks);
	tp->story.nblocks = n;
	for (i = 0; i < n; i++) {
		size_t l = strlen(texts[i]);
		struct block *b = &tp->story.blocks[i];

		memcpy(tp->text.buf + o, texts[i], l);
		b->kind = kinds[i];
		b->pieces = xmalloc(sizeof *b->pieces);
		b->pieces[0].start = o;
		b->pieces[0].end = o + l;
		b->npieces = 1;
		b->section = -1;
		o += l;
		tp->text.buf[o++] = '\n';
	}
	tp->text.buf[o] = '\0';
	tp->text.len = o;
	tp->story.dateline_block = (size_t)-1;
	tp->page.text = &tp->text;
	tp->page.span.end = o;
	return tp;
}

static struct tpage *
tpage_one(enum block_kind kind, const char *text)
{
	return tpage_new(1, &kind, &text);
}

static void
tpage_free(struct tpage *tp)
{
	size_t	 i;

	for (i = 0; i < tp->story.nblocks; i++)
		free(tp->story.blocks[i].pieces);
	free(tp->story.blocks);
	free(tp->text.buf);
	free(tp);
}

/* Line i's text as a NUL-terminated string (static buffer). */
static const char *
ltext(const struct layout *lay, size_t i)
{
	static char	 buf[4096];
	size_t		 n = lay->lines[i].len;

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, lay->lines[i].text, n);
	buf[n] = '\0';
	return buf;
}

/* First and last code point of line i. */
static uint32_t
lfirst(const struct layout *lay, size_t i)
{
	return test_u8_first(lay->lines[i].text, lay->lines[i].len);
}

static uint32_t
llast(const struct layout *lay, size_t i)
{
	return test_u8_last(lay->lines[i].text, lay->lines[i].len);
}

/* Check the invariants of a layout (test-layout-check.h: widths, spans,
   blank lines, the clreq rules at line edges); and that each of the
   keep[] strings, when it occurs in the text, is on one line. */
static void
check_layout(const struct layout *lay, int W, const char *const *keep,
    size_t nkeep)
{
	const char *why;
	size_t	 i, k;

	assert_true(lay->nlines > 0);
	if ((why = test_lc_lines(lay, W, &i)) != NULL)
		fail_msg("W=%d line %zu (%s): %s", W, i, ltext(lay, i), why);
	for (i = 0; i < lay->nlines; i++) {
		const struct dline *l = &lay->lines[i];

		if ((why = test_lc_edge(lay, i, NULL, NULL)) != NULL)
			fail_msg("W=%d lines %zu-%zu (%s|%s): %s", W, i, i + 1,
			    ltext(lay, i), lay->lines[i + 1].text, why);
		if (l->kind == DLINE_BLANK)
			continue;
		for (k = 0; k < nkeep; k++) {
			/* a keep string must not end this line partially */
			size_t	 kl = strlen(keep[k]), j;

			if (test_u8_cells(keep[k], kl) > W || (l->flags & DLINE_UNIT))
				continue;	/* emergency breaks allowed */

			for (j = 1; j < kl && j <= l->len; j++) {
				if (i + 1 < lay->nlines &&
				    lay->lines[i + 1].kind == DLINE_TEXT &&
				    memcmp(l->text + l->len - j, keep[k], j) == 0 &&
				    lay->lines[i + 1].len >= kl - j &&
				    memcmp(lay->lines[i + 1].text, keep[k] + j,
				    kl - j) == 0) {
					fprintf(stderr, "W=%d split %s: %s|%s\n",
					    W, keep[k], ltext(lay, i),
					    lay->lines[i + 1].text);
					fail();
				}
			}
		}
	}
}

/* Lay out one block of kind at width W. */
static struct layout *
lay1(struct tpage *tp, struct layout_prep **lpp, int W, unsigned flags)
{
	*lpp = layout_prepare(&tp->page, &tp->story, NULL, 0, flags);
	return layout_fit(*lpp, W);
}

/* A stress paragraph of the marks dubao-layout(7) keeps whole (from the
   project's research notes on clreq): nothing split at any width. */
static void
test_stress(void **state)
{
	/* 2022—2024年 is 11 cells: at 10 it is cut after the dash, and the
	   year stays with 年 */
	static const char *keep[] = { "尔·盖", "5～10", "２０２４０１５",
	    "ＣＯＶＩＤ", "——", "……", "2024年", "2022—2024" };
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH,
	    "据比尔·盖茨基金会估计，约5～10亿人受到影响。文件２０２４０１５号"
	    "要求对ＣＯＶＩＤ－１９和COVID-19病毒——以及其他……开展研究，"
	    "“数据”和/或“样本”须于2022—2024年间提交。");
	struct layout_prep *lp;
	struct layout *lay;
	char *s;
	int W;

	for (W = 10; W <= 80; W++) {
		lay = lay1(tp, &lp, W, 0);
		check_layout(lay, W, keep, W > 10 ? 8 : 7);
		s = layout_text(lay);
		assert_non_null(strstr(s, "ＣＯＶＩＤ"));
		free(s);
		layout_free(lay);
		layout_prep_free(lp);
	}
	tpage_free(tp);
}

/* At W=16, the pieces the doc names stay together and no line starts
   with · or ～. */
static void
test_stress_w16(void **state)
{
	struct tpage *tp = tpage_one(BLOCK_BYLINE,
	    "据比尔·盖茨称约5～10亿人，文号２０２４０１５和ＣＯＶＩＤ病毒");
	struct layout_prep *lp;
	struct layout *lay = lay1(tp, &lp, 16, 0);
	size_t i;
	char *s;

	for (i = 0; i < lay->nlines; i++) {
		assert_int_not_equal(lfirst(lay, i), 0xB7);
		assert_int_not_equal(lfirst(lay, i), 0xFF5E);
	}
	s = layout_text(lay);
	assert_string_equal(s,
	    "据比尔·盖茨称约5～10亿人，文号２０２４０１５和ＣＯＶＩＤ病毒");
	free(s);
	check_layout(lay, 16, (const char *[]){ "尔·", "5～10",
	    "２０２４０１５", "ＣＯＶＩＤ" }, 4);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* No line starts with ，。、」） or ends with （「“, all-Han text with
   marks at every width. */
static void
test_prohibitions(void **state)
{
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH,
	    "甲乙丙，丁戊己。庚辛、壬癸「子丑」寅卯（辰巳）午未“申酉”戌亥，"
	    "甲乙丙丁戊己庚辛壬癸。甲乙「丙丁」。甲（乙）丙“丁”。"
	    "一二三四五六七八九十，一二三四五六七八九十。");
	struct layout_prep *lp;
	struct layout *lay;
	int W;

	for (W = 10; W <= 60; W++) {
		lay = lay1(tp, &lp, W, 0);
		check_layout(lay, W, NULL, 0);
		layout_free(lay);
		layout_prep_free(lp);
	}
	tpage_free(tp);
}

/* A wide character never straddles the edge at odd widths. */
static void
test_odd_width(void **state)
{
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH,
	    "浙江监狱一直没有停下推进监地协作的脚步主动融入地方党委政府的各项工作");
	struct layout_prep *lp;
	struct layout *lay;
	size_t i;
	int W;

	for (W = 11; W <= 41; W += 2) {
		lay = lay1(tp, &lp, W, 0);
		check_layout(lay, W, NULL, 0);
		for (i = 0; i + 1 < lay->nlines; i++)
			assert_int_equal(lay->lines[i].cells, W - 1);
		layout_free(lay);
		layout_prep_free(lp);
	}
	tpage_free(tp);
}

/* Statistics (STYLE_STAT spans) are not split when they fit; spans carry
   the stat kind. */
static void
test_stats_whole(void **state)
{
	static const char *text =
	    "属地医卫部门进监会诊949次,就诊罪犯11678人次;在逃30余年的罪犯。";
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH, text);
	struct stat_hit hits[3];
	static const char *keep[] = { "949次", "11678人次", "30余年" };
	struct layout_prep *lp;
	struct layout *lay;
	size_t i, k, nstat, ncut;
	int W;

	memset(hits, 0, sizeof hits);
	for (i = 0; i < 3; i++) {
		hits[i].block = 0;
		hits[i].start = (size_t)(strstr(text, keep[i]) - text);
		hits[i].end = hits[i].start + strlen(keep[i]);
		hits[i].kind = i == 2 ? STAT_DURATION : STAT_COUNT;
	}
	for (W = 10; W <= 70; W++) {
		lp = layout_prepare(&tp->page, &tp->story, hits, 3, 0);
		lay = layout_fit(lp, W);
		check_layout(lay, W, keep, 3);
		/* 11678人次； is 11 cells: at 10 the statistic is cut
		   (DLINE_UNIT) rather than the ； put at a line start */
		ncut = 0;
		for (i = 0; i < lay->nlines; i++)
			if (lay->lines[i].flags & DLINE_UNIT) {
				assert_true(W < 11);
				ncut++;
			}
		nstat = 0;
		for (i = 0; i < lay->nlines; i++)
			for (k = 0; k < lay->lines[i].nspans; k++) {
				const struct dspan *sp =
				    &lay->spans[lay->lines[i].span + k];

				if (sp->style != STYLE_STAT)
					continue;
				nstat++;
				if (nstat == 3 + ncut)
					assert_int_equal(sp->sub, STAT_DURATION);
				else if (nstat < 3)
					assert_int_equal(sp->sub, STAT_COUNT);
			}
		assert_int_equal(nstat, 3 + ncut);
		layout_free(lay);
		layout_prep_free(lp);
	}
	tpage_free(tp);
}

/* Page-jump notes are kept whole at every width they fit in; notes that
   name no 版, or run on too long, are ordinary text. */
static void
test_jump_notes(void **state)
{
	static const char *text =
	    "这句话如今已经刻在了余村村口的石碑上。（下转第二版）"
	    "（上接第1版）村民们说，（转A3版）日子越过越好（接第十二版）。"
	    "村口的石碑上(下转第3版)也写着。";
	/* (ASCII parentheses next to Chinese are shown full-width.) */
	static const char *keep[] = { "（下转第二版）", "（上接第1版）",
	    "（转A3版）", "（接第十二版）", "（下转第3版）" };
	static const char *plain =
	    "他下转身走了。（下转身去看）（上接着说话的人很多很多很多很多很多）";
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH, text);
	struct tpage *tq = tpage_one(BLOCK_PARAGRAPH, plain);
	struct layout_prep *lp;
	struct layout *lay;
	size_t i;
	int W, split = 0;

	for (W = 10; W <= 60; W++) {
		lay = lay1(tp, &lp, W, 0);
		check_layout(lay, W, keep, 5);
		layout_free(lay);
		layout_prep_free(lp);
		/* Not notes: they break as text does somewhere. */
		lay = lay1(tq, &lp, W, 0);
		for (i = 0; i + 1 < lay->nlines; i++)
			if (test_u8_last(lay->lines[i].text,
			    lay->lines[i].len) == 0x4E0B)	/* 下 */
				split++;
		layout_free(lay);
		layout_prep_free(lp);
	}
	assert_true(split > 0);
	tpage_free(tp);
	tpage_free(tq);
}

/* Text with a unit wider than the line and closing marks after it: at
   every width, no line starts with a closing mark or ends with an
   opening one; the unit is cut after its dash (issue 9, item 9). */
static void
test_closing_marks(void **state)
{
	/* articles/000_2ebc2c4d283361d3.txt (a Zhejiang prison newspaper);
	   人民日报 2019-02-14, page 14, 货运散改集 唤回好空气 */
	static const char *const texts[] = {
	    "作三年行动计划（2022—2024）》，要求全省监所与属地党委政府",
	    "结构调整三年行动计划（2018—2020年）》，要求推进大宗货物运输",
	};
	struct tpage *tp;
	struct layout_prep *lp;
	struct layout *lay;
	size_t t, i;
	int W, cut;

	for (t = 0; t < 2; t++) {
		tp = tpage_one(BLOCK_PARAGRAPH, texts[t]);
		for (W = 10; W <= 40; W++) {
			lay = lay1(tp, &lp, W, 0);
			cut = 0;
			for (i = 0; i < lay->nlines; i++) {
				if (i > 0 && cjk_no_start(lfirst(lay, i)))
					fprintf(stderr, "W=%d line %zu: %s\n",
					    W, i, ltext(lay, i));
				assert_false(i > 0 && cjk_no_start(lfirst(lay, i)));
				assert_false(i + 1 < lay->nlines &&
				    cjk_no_end(llast(lay, i)));
				if (i + 1 < lay->nlines &&
				    llast(lay, i) == 0x2014)	/* — */
					cut = 1;
			}
			/* the unit with its marks is 17 or 19 cells: cut
			   after the dash when a line cannot hold it */
			if (W < 17 + 2 * (int)t)
				assert_true(cut);
			layout_free(lay);
			layout_prep_free(lp);
		}
		tpage_free(tp);
	}
	/* at 16 (the case: was ... / （2022—2024）》 / ，要求全省监所与)
	   the line before takes the cut unit's start */
	tp = tpage_one(BLOCK_PARAGRAPH, texts[0]);
	lay = lay1(tp, &lp, 16, 0);
	assert_string_equal(ltext(lay, 0), "作三年行动计");
	assert_string_equal(ltext(lay, 1), "划（2022—");
	assert_string_equal(ltext(lay, 2), "2024）》，要求全");
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* A number stays with the Han or kana after it, whatever the unit, on
   real text of several papers (issue 9, item 10); the pair is cut only
   when a line cannot hold it with what clings to it. */
static void
test_number_unit(void **state)
{
	static const struct {
		const char	*text, *keep;
	} cases[] = {
		/* 人民日报 2019-02-27, page 11, 别了，“无树村” */
		{ "拉萨引进20株云杉、10株北京杨，从索县引进30株高山柳，"
		  "在市区试种", "30株" },
		{ "2018年共计试种植树19898株。同时，高山柳在", "19898株" },
		/* CTWANT (ctwant.com), 2025: 五股街頭淪賽車場 */
		{ "新北市五股區街頭2025年10月發生集體飆車案，以26歲楊姓男子為首"
		  "的4人以通訊軟體相約", "26歲" },
		/* CTWANT: 蔡易餘車掃拜票 */
		{ "並透過觀光與文化加值，帶動18鄉鎮均衡發展，讓嘉義持續前進",
		  "18鄉" },
		/* atex.ne.jp 事件簿, 2020-07: 県警捜査3課 */
		{ "男性A被告は2019年11月から20年2月、県東部の住宅など54カ所に"
		  "侵入し", "54カ" },
		/* makunouchibento.com: 町田市の事件 */
		{ "買い物帰りで、上半身に10か所以上の刺し傷などがあった。",
		  "10か" },
	};
	struct tpage *tp;
	struct layout_prep *lp;
	struct layout *lay;
	size_t t, i;
	int W;

	for (t = 0; t < sizeof cases / sizeof cases[0]; t++) {
		tp = tpage_one(BLOCK_PARAGRAPH, cases[t].text);
		for (W = 10; W <= 60; W++) {
			lay = lay1(tp, &lp, W, 0);
			check_layout(lay, W, &cases[t].keep, 1);
			/* no line ends with a digit before Han or kana */
			for (i = 0; i + 1 < lay->nlines; i++)
				if ((cjk_class(llast(lay, i)) & CJK_DIGIT) &&
				    cjk_is_wide(lfirst(lay, i + 1)))
					fail_msg("W=%d: %s|%s", W, ltext(lay, i),
					    lay->lines[i + 1].text);
			layout_free(lay);
			layout_prep_free(lp);
		}
		tpage_free(tp);
	}
	/* wider than the line: cut between the number and its unit */
	tp = tpage_one(BLOCK_BYLINE, "共计123456789株");
	lay = lay1(tp, &lp, 10, 0);
	assert_string_equal(ltext(lay, 0), "共计");
	assert_string_equal(ltext(lay, 1), "123456789");
	assert_string_equal(ltext(lay, 2), "株");
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* A 1 MB run without break opportunities: emergency breaks, full lines;
   and linear work, counted (not timed): the fit looks at each byte at
   most twice (a line restarts at most one line back), and libunistring's
   line breaking sees each byte once, also in text that alternates Han
   and Latin (one call per stretch between runs of Han). */
static void
test_emergency(void **state)
{
	size_t n = 1 << 20, i, total = 0;
	char *big = xmalloc(n + 1);
	struct tpage *tp;
	struct layout_prep *lp;
	struct layout *lay;

	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\0';
	tp = tpage_one(BLOCK_BYLINE, big);
	lp = layout_prepare(&tp->page, &tp->story, NULL, 0, 0);
	lay = layout_fit(lp, 80);
	assert_int_equal(lay->nlines, (n + 79) / 80);
	for (i = 0; i < lay->nlines; i++) {
		total += lay->lines[i].len;
		if (i + 1 < lay->nlines) {
			assert_int_equal(lay->lines[i].cells, 80);
			assert_true(lay->lines[i].flags & DLINE_EMERGENCY);
		}
	}
	assert_int_equal(total, n);
	assert_true(lay->scanned >= n && lay->scanned <= 2 * n);
	assert_int_equal(layout_prep_lbbytes(lp), n);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);

	/* 中文ab, 131,072 times: one call per stretch 文ab中 (all but the
	   first 中: a text of n bytes hands over n - 3). */
	for (i = 0; i + 8 <= n; i += 8)
		memcpy(big + i, "中文ab", 8);
	big[i] = '\0';
	tp = tpage_one(BLOCK_PARAGRAPH, big);
	lp = layout_prepare(&tp->page, &tp->story, NULL, 0, 0);
	assert_int_equal(layout_prep_lbbytes(lp), i - 3);
	for (total = 10; total <= 120; total += 37) {
		lay = layout_fit(lp, (int)total);
		assert_true(lay->scanned >= i && lay->scanned <= 2 * i);
		layout_free(lay);
	}
	layout_prep_free(lp);
	tpage_free(tp);

	/* Full-width digits: 2 cells each; at W=11 lines of 10 cells. */
	{
		static const char d[] = "０１２３４５６７８９";
		char *s = xmalloc(sizeof d * 1000);

		s[0] = '\0';
		for (i = 0; i < 1000; i++)
			memcpy(s + i * (sizeof d - 1), d, sizeof d);
		tp = tpage_one(BLOCK_BYLINE, s);
		lay = lay1(tp, &lp, 11, 0);
		check_layout(lay, 11, NULL, 0);
		assert_int_equal(lay->nlines, 2000);
		assert_int_equal(lay->lines[0].cells, 10);
		layout_free(lay);
		layout_prep_free(lp);
		tpage_free(tp);
		free(s);
	}
	free(big);
}

/* The display text of a one-block story at width 200. */
static char *
shown(enum block_kind kind, const char *text, unsigned flags)
{
	struct tpage *tp = tpage_one(kind, text);
	struct layout_prep *lp;
	struct layout *lay = lay1(tp, &lp, 200, flags);
	char *s = layout_text(lay);

	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
	return s;
}

#define SHOWN(in, out, flags) do {					\
	char *s_ = shown(BLOCK_BYLINE, (in), (flags));			\
	assert_string_equal(s_, (out));					\
	free(s_);							\
} while (0)

/* ASCII marks between Chinese made full-width; not in numbers, Latin. */
static void
test_widen(void **state)
{
	SHOWN("日前,省司法厅召开", "日前，省司法厅召开", 0);
	SHOWN("日前,省司法厅召开", "日前,省司法厅召开", LAYOUT_RAW_PUNCT);
	SHOWN("会诊949次,就诊", "会诊949次，就诊", 0);
	SHOWN("人次;此外", "人次；此外", 0);
	SHOWN("获得感?浙江", "获得感？浙江", 0);
	SHOWN("呼救声:“救人!快救人!”闻声", "呼救声：“救人！快救人！”闻声", 0);
	SHOWN("恩人!”日前", "恩人！”日前", 0);
	SHOWN("走深走实!", "走深走实！", 0);
	SHOWN("监(所)地协作", "监（所）地协作", 0);
	SHOWN("阿里巴巴(中国)教育", "阿里巴巴（中国）教育", 0);
	SHOWN("阿里巴巴(中国)教育", "阿里巴巴(中国)教育", LAYOUT_RAW_PUNCT);
	SHOWN("计划(2022—2024)》", "计划（2022—2024）》", 0);
	SHOWN("计划(2022—2024)》", "计划(2022—2024)》", LAYOUT_RAW_PUNCT);
	SHOWN("协作机制,2021年省", "协作机制，2021年省", 0);
	SHOWN("共计3,其中", "共计3，其中", 0);
	SHOWN("组织(WHO)发布", "组织（WHO）发布", 0);
	SHOWN("f(x) = 1", "f(x) = 1", 0);
	SHOWN("上午8:30开会", "上午8:30开会", 0);
	SHOWN("共1,000人", "共1,000人", 0);
	SHOWN("用A4,B5", "用A4,B5", 0);
	SHOWN("Hello, world", "Hello, world", 0);
	SHOWN("中(a)中", "中（a）中", 0);
	SHOWN("中,a", "中，a", 0);
	SHOWN("a,b", "a,b", 0);
}

/* A block's text on one line, as titles show it: marks widened unless
   raw, no decoration, no indent, nothing lost however long. */
static void
test_block_text(void **state)
{
	struct tpage	*tp;
	char		*s, *big;
	size_t		 i;

	(void)state;
	tp = tpage_one(BLOCK_HEADLINE, "听到呼救声,他飞身跃下近2米高的水坝");
	s = layout_block_text(&tp->page, &tp->story.blocks[0], 0);
	assert_string_equal(s, "听到呼救声，他飞身跃下近2米高的水坝");
	free(s);
	s = layout_block_text(&tp->page, &tp->story.blocks[0], LAYOUT_RAW_PUNCT);
	assert_string_equal(s, "听到呼救声,他飞身跃下近2米高的水坝");
	free(s);
	tpage_free(tp);
	tp = tpage_one(BLOCK_HEADING, "开启平安共建新路径");
	s = layout_block_text(&tp->page, &tp->story.blocks[0], 0);
	assert_string_equal(s, "开启平安共建新路径");	/* no ■ */
	free(s);
	tpage_free(tp);
	/* wider than LAYOUT_MAX_WIDTH: all of it, on one line */
	big = xmalloc(3 * 400 + 1);
	for (i = 0; i < 400; i++)
		memcpy(big + 3 * i, "中", 3);
	big[3 * 400] = '\0';
	tp = tpage_one(BLOCK_HEADLINE, big);
	s = layout_block_text(&tp->page, &tp->story.blocks[0], 0);
	assert_string_equal(s, big);
	free(s);
	tpage_free(tp);
	free(big);
}

/* Spaces: leading source spaces stripped, U+200B dropped and a break. */
static void
test_spaces(void **state)
{
	struct tpage *tp;
	struct layout_prep *lp;
	struct layout *lay;
	char *s;

	s = shown(BLOCK_PARAGRAPH, "\xe3\x80\x80\xe3\x80\x80  正文开始。  ", 0);
	assert_string_equal(s, "正文开始。");
	free(s);
	s = shown(BLOCK_BYLINE, "ＡＢＣ\xe2\x80\x8bＤＥＦ", 0);
	assert_string_equal(s, "ＡＢＣＤＥＦ");
	free(s);
	/* The full-width word breaks only at the U+200B. */
	tp = tpage_one(BLOCK_BYLINE, "ＡＢＣ\xe2\x80\x8bＤＥＦＧ");
	lay = lay1(tp, &lp, 10, 0);
	assert_int_equal(lay->nlines, 2);
	assert_string_equal(ltext(lay, 0), "ＡＢＣ");
	assert_string_equal(ltext(lay, 1), "ＤＥＦＧ");
	assert_int_equal(lay->lines[0].flags, 0);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
	/* A newline in a block is a hard break. */
	tp = tpage_one(BLOCK_BYLINE, "本报记者 王春苗\n陈毅人");
	lay = lay1(tp, &lp, 40, 0);
	assert_int_equal(lay->nlines, 2);
	assert_string_equal(ltext(lay, 0), "本报记者 王春苗");
	assert_string_equal(ltext(lay, 1), "陈毅人");
	assert_true(lay->lines[0].flags & DLINE_HARD);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* Paragraphs: first-line indent of 4 cells; headline centred; heading
   and caption marked; one blank line between blocks. */
static void
test_blocks(void **state)
{
	static const enum block_kind kinds[] = { BLOCK_HEADLINE,
	    BLOCK_BYLINE, BLOCK_PARAGRAPH, BLOCK_PARAGRAPH, BLOCK_HEADING,
	    BLOCK_PARAGRAPH, BLOCK_CAPTION };
	static const char *texts[] = { "推进监地协作", "本报记者 王春苗",
	    "  日前省司法厅召开监地协作推进会。", "   ",
	    "开启平安共建新路径的探索", "安全是底线。", "戴雍峰在水坝边救人现场" };
	struct tpage *tp = tpage_new(7, kinds, texts);
	struct layout_prep *lp;
	struct layout *lay;

	lp = layout_prepare(&tp->page, &tp->story, NULL, 0, 0);
	lay = layout_fit(lp, 20);
	check_layout(lay, 20, NULL, 0);
	/* headline: 12 cells centred in 20 */
	assert_string_equal(ltext(lay, 0), "推进监地协作");
	assert_int_equal(lay->lines[0].indent, 4);
	assert_int_equal(lay->lines[0].style, STYLE_HEADLINE);
	assert_int_equal(lay->lines[1].kind, DLINE_BLANK);
	assert_string_equal(ltext(lay, 2), "本报记者 王春苗");
	assert_int_equal(lay->lines[2].indent, 0);
	assert_int_equal(lay->lines[2].style, STYLE_BYLINE);
	assert_int_equal(lay->lines[3].kind, DLINE_BLANK);
	/* paragraph: indent 4, source spaces stripped */
	assert_int_equal(lay->lines[4].indent, 4);
	assert_string_equal(ltext(lay, 4), "日前省司法厅召开");
	assert_int_equal(lay->lines[4].cells, 20);
	assert_int_equal(lay->lines[5].indent, 0);
	assert_string_equal(ltext(lay, 5), "监地协作推进会。");
	/* the empty paragraph has no lines and adds no blank */
	assert_int_equal(lay->blines[3].n, 0);
	assert_int_equal(lay->lines[6].kind, DLINE_BLANK);
	/* heading: ■ + space, continuation indented 2 */
	assert_string_equal(ltext(lay, 7), "■ 开启平安共建新路径");
	assert_int_equal(lay->lines[7].style, STYLE_HEADING);
	assert_int_equal(lay->spans[lay->lines[7].span].style, STYLE_DECOR);
	assert_int_equal(lay->spans[lay->lines[7].span].end, 4);
	assert_int_equal(lay->spans[lay->lines[7].span + 1].style,
	    STYLE_HEADING);
	assert_string_equal(ltext(lay, 8), "的探索");
	assert_int_equal(lay->lines[8].indent, 2);
	assert_int_equal(lay->lines[9].kind, DLINE_BLANK);
	assert_string_equal(ltext(lay, 10), "安全是底线。");
	assert_int_equal(lay->lines[11].kind, DLINE_BLANK);
	assert_string_equal(ltext(lay, 12), "▲ 戴雍峰在水坝边救人");
	assert_int_equal(lay->lines[12].style, STYLE_CAPTION);
	assert_string_equal(ltext(lay, 13), "现场");
	assert_int_equal(lay->lines[13].indent, 2);
	assert_int_equal(lay->nlines, 14);
	layout_free(lay);

	/* headline at an odd width: floor of the half */
	lay = layout_fit(lp, 21);
	assert_int_equal(lay->lines[0].indent, 4);
	assert_int_equal(lay->lines[0].cells, 16);
	layout_free(lay);
	/* clamped widths */
	lay = layout_fit(lp, 3);
	assert_int_equal(lay->width, LAYOUT_MIN_WIDTH);
	check_layout(lay, LAYOUT_MIN_WIDTH, NULL, 0);
	layout_free(lay);
	lay = layout_fit(lp, 100000);
	assert_int_equal(lay->width, LAYOUT_MAX_WIDTH);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* The dateline gets STYLE_DATELINE. */
static void
test_dateline(void **state)
{
	static const char *text = "本报讯 “你是孩子的救命恩人!”日前,当孩子家长登门致谢时";
	struct tpage *tp = tpage_one(BLOCK_LEAD, text);
	struct layout_prep *lp;
	struct layout *lay;
	const struct dline *l;

	tp->story.dateline.start = 0;
	tp->story.dateline.end = strlen("本报讯");
	tp->story.dateline_block = 0;
	lp = layout_prepare(&tp->page, &tp->story, NULL, 0, 0);
	lay = layout_fit(lp, 80);
	l = &lay->lines[0];
	assert_int_equal(l->style, STYLE_LEAD);
	assert_int_equal(l->indent, 4);
	assert_int_equal(lay->spans[l->span].style, STYLE_DATELINE);
	assert_int_equal(lay->spans[l->span].start, 0);
	assert_int_equal(lay->spans[l->span].end, strlen("本报讯"));
	assert_int_equal(lay->spans[l->span + 1].style, STYLE_LEAD);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* A break before “ after Han, and after ” before Han (quote relaxation);
   never before ” or after “. */
static void
test_quotes(void **state)
{
	struct tpage *tp = tpage_one(BLOCK_BYLINE, "中中中中中“中中中中”中中");
	struct layout_prep *lp;
	struct layout *lay = lay1(tp, &lp, 10, 0);

	assert_string_equal(ltext(lay, 0), "中中中中中");
	assert_string_equal(ltext(lay, 1), "“中中中中”");
	assert_string_equal(ltext(lay, 2), "中中");
	assert_int_equal(lay->nlines, 3);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* layout_find and layout_cols, also for a range that wraps. */
static void
test_find_cols(void **state)
{
	static const char *text = "一二三四五六七八九十甲乙丙丁";
	struct tpage *tp = tpage_one(BLOCK_PARAGRAPH, text);
	struct layout_prep *lp;
	struct layout *lay = lay1(tp, &lp, 12, 0);
	int c0, c1;
	size_t off4 = 3 * 4, off7 = 3 * 7;

	/* line 0: indent 4 + 一二三四 (8 cells); line 1: 五..十 */
	assert_string_equal(ltext(lay, 0), "一二三四");
	assert_string_equal(ltext(lay, 1), "五六七八九十");
	assert_string_equal(ltext(lay, 2), "甲乙丙丁");
	assert_int_equal(layout_find(lay, 0, 0), 0);
	assert_int_equal(layout_find(lay, 0, 3), 0);
	assert_int_equal(layout_find(lay, 0, off4), 1);
	assert_int_equal(layout_find(lay, 0, off7), 1);
	assert_int_equal(layout_find(lay, 0, strlen(text)), 2);
	assert_int_equal(layout_find(lay, 0, strlen(text) + 1), (size_t)-1);
	assert_int_equal(layout_find(lay, 1, 0), (size_t)-1);
	/* 二 on line 0: cells 6..8 */
	assert_int_equal(layout_cols(lp, lay, 0, 3, 6, &c0, &c1), 0);
	assert_int_equal(c0, 6);
	assert_int_equal(c1, 8);
	/* 三四五六 wraps: 三四 on line 0 (8..12), 五六 on line 1 (0..4) */
	assert_int_equal(layout_cols(lp, lay, 0, 6, 18, &c0, &c1), 0);
	assert_int_equal(c0, 8);
	assert_int_equal(c1, 12);
	assert_int_equal(layout_cols(lp, lay, 1, 6, 18, &c0, &c1), 0);
	assert_int_equal(c0, 0);
	assert_int_equal(c1, 4);
	assert_int_equal(layout_cols(lp, lay, 2, 6, 18, &c0, &c1), -1);
	/* an offset inside a character rounds out */
	assert_int_equal(layout_cols(lp, lay, 1, off7 + 1, off7 + 2, &c0, &c1),
	    0);
	assert_int_equal(c0, 6);
	assert_int_equal(c1, 8);
	assert_int_equal(layout_cols(lp, lay, 1, off7, off7 + 3, &c0, &c1), 0);
	assert_int_equal(c0, 6);
	assert_int_equal(c1, 8);
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* Widened marks keep their joined offsets. */
static void
test_find_widened(void **state)
{
	static const char *text = "日前,省司法厅";
	struct tpage *tp = tpage_one(BLOCK_BYLINE, text);
	struct layout_prep *lp;
	struct layout *lay = lay1(tp, &lp, 40, 0);
	int c0, c1;

	assert_string_equal(ltext(lay, 0), "日前，省司法厅");
	/* 省 is joined bytes 7..10, cells 6..8 */
	assert_int_equal(layout_cols(lp, lay, 0, 7, 10, &c0, &c1), 0);
	assert_int_equal(c0, 6);
	assert_int_equal(c1, 8);
	/* the comma: joined byte 6, cells 4..6 */
	assert_int_equal(layout_cols(lp, lay, 0, 6, 7, &c0, &c1), 0);
	assert_int_equal(c0, 4);
	assert_int_equal(c1, 6);
	assert_int_equal(lay->lines[0].jstart, 0);
	assert_int_equal(lay->lines[0].jend, strlen(text));
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* Combining marks and emoji sequences stay whole. */
static void
test_clusters(void **state)
{
	/* e + U+0301 repeated: 1 cell per cluster, Latin word */
	char buf[400];
	size_t i, n = 0;
	struct tpage *tp;
	struct layout_prep *lp;
	struct layout *lay;

	for (i = 0; i < 30; i++) {
		memcpy(buf + n, "e\xcc\x81", 3);
		n += 3;
	}
	buf[n] = '\0';
	tp = tpage_one(BLOCK_BYLINE, buf);
	lay = lay1(tp, &lp, 10, 0);
	assert_int_equal(lay->nlines, 3);
	for (i = 0; i < lay->nlines; i++) {
		assert_int_equal(lay->lines[i].cells, 10);
		assert_int_equal(lay->lines[i].len, 30);
	}
	layout_free(lay);
	layout_prep_free(lp);
	tpage_free(tp);
}

/* What layout_linebreaks relies on to call u8_possible_linebreaks only
   between runs of Han: every Han behaves as 一 next to anything, a break
   between two Han is always allowed, and after a Han the library forgets
   what came before, so calling it on the stretches from one Han after
   Han to the next gives what one call on the whole text does. */
static void
test_linebreaks_han(void **state)
{
	static const uint32_t probe[] = { 'a', '1', ' ', '-', '/', ',', '.',
	    '!', '(', ')', '"', '\'', '$', '%', '\t', 0xA0, 0xAD, 0xB7,
	    0x0301, 0x05D0, 0x0E01, 0x1100, 0x1161, 0x11A8, 0x200B, 0x200D,
	    0x2014, 0x2019, 0x201C, 0x201D, 0x2026, 0x2060, 0x25A0, 0x2E3A,
	    0x3000, 0x3001, 0x3005, 0x300A, 0x300B, 0x302A, 0x3041, 0x30FB,
	    0xAC00, 0xAC01, 0xFF08, 0xFF09, 0xFF0C, 0xFF01, 0xFF5E, 0xFFFD,
	    0x1F1E6, 0x1F3FB, 0x1F44D, 0x20000 };
	const size_t	 np = sizeof probe / sizeof probe[0];
	uint8_t		 s[4 * 64], t[4 * 64];
	char		 p[4 * 64], q[4 * 64];
	uint32_t	 c, u[64];
	size_t		 i, k, n, m, a, cut, han, bad = 0;
	unsigned	 seed = 7;
	int		 l, ok;

	for (c = 0x4E00; c <= 0x9FFF; c++) {
		for (i = 0; i < np; i++) {
			for (k = 0; k < 2; k++) {
				n = (size_t)u8_uctomb(s, k ? probe[i] : c, 4);
				n += (size_t)u8_uctomb(s + n, k ? c : probe[i], 4);
				m = (size_t)u8_uctomb(t, k ? probe[i] : 0x4E00, 4);
				m += (size_t)u8_uctomb(t + m, k ? 0x4E00 : probe[i],
				    4);
				u8_possible_linebreaks(s, n, "UTF-8", p);
				u8_possible_linebreaks(t, m, "UTF-8", q);
				if (n != m || memcmp(p, q, n) != 0)
					bad++;
			}
		}
		n = (size_t)u8_uctomb(s, 0x4E00, 4);
		n += (size_t)u8_uctomb(s + n, c, 4);
		n += (size_t)u8_uctomb(s + n, 0x4E00, 4);
		u8_possible_linebreaks(s, n, "UTF-8", p);
		if (p[3] != UC_BREAK_POSSIBLE || p[6] != UC_BREAK_POSSIBLE)
			bad++;
	}
	assert_int_equal(bad, 0);

	/* Random text: the whole against the stretches. */
	for (a = 0; a < 20000; a++) {
		seed = seed * 1103515245 + 12345;
		m = 1 + (seed >> 16) % 48;
		for (i = 0; i < m; i++) {
			seed = seed * 1103515245 + 12345;
			k = (seed >> 16) % (np + 12);
			u[i] = k < np ? probe[k] : 0x4E00 + (k - np) * 97;
		}
		for (i = n = 0; i < m; i++)
			n += (size_t)u8_uctomb(s + n, u[i], 4);
		u8_possible_linebreaks(s, n, "UTF-8", p);
		memset(q, 0, sizeof q);
		for (i = cut = 0, han = 0; i <= n; i += (size_t)l) {
			l = 1;
			ok = i < n && u8_mbtouc(&c, s + i, n - i) > 0 &&
			    c >= 0x4E00 && c <= 0x9FFF;
			if (i == n || (ok && han)) {
				u8_possible_linebreaks(s + cut, i - cut, "UTF-8",
				    q + cut);
				if (cut > 0)
					q[cut] = UC_BREAK_POSSIBLE;
				cut = i;
			}
			if (i < n)
				l = u8_mbtouc(&c, s + i, n - i);
			han = ok;
		}
		if (memcmp(p, q, n) != 0)
			bad++;
	}
	assert_int_equal(bad, 0);
}

/* Units found while preparing (a URL, a page-jump note) and statistics
   come in two lists, so they are in text order (layout_units skips the
   sort) or not (a statistic before a URL): each is kept on one line at
   every width that holds it, either way. */
static void
test_units_order(void **state)
{
	static const char *const texts[] = {
	    "自2019年10月18日至2021年10月31日，详见（下转第二版）及网站"
	    "https://www.example.org/a/b。",
	    "详见（下转第二版）及网站https://www.example.org/a/b，自"
	    "2019年10月18日至2021年10月31日。",
	};
	static const char *const keep[] = { "2019年10月18日至2021年10月31日",
	    "（下转第二版）", "https://www.example.org/a/b" };
	struct tpage	*tp;
	struct stat_hit	 hit;
	struct layout_prep *lp;
	struct layout	*lay;
	size_t		 t;
	int		 W;

	for (t = 0; t < 2; t++) {
		tp = tpage_one(BLOCK_PARAGRAPH, texts[t]);
		memset(&hit, 0, sizeof hit);
		hit.start = (size_t)(strstr(texts[t], keep[0]) - texts[t]);
		hit.end = hit.start + strlen(keep[0]);
		hit.kind = STAT_DATE;
		lp = layout_prepare(&tp->page, &tp->story, &hit, 1, 0);
		for (W = 34; W <= 70; W++) {	/* the statistic and ，fit */
			lay = layout_fit(lp, W);
			check_layout(lay, W, keep, 3);
			layout_free(lay);
		}
		layout_prep_free(lp);
		tpage_free(tp);
	}
}

/* The class of a code point comes from a cache of 256 slots by its low
   byte (layout_class): code points that share a slot, one after the
   other, each get their own width (a 1, š 1, ち 2, ｡ 1, ａ 2), with a
   kept scratch and a call's own. */
static void
test_class_cache(void **state)
{
	static const uint32_t cps[] = { 0x61, 0x161, 0x3061, 0xFF61, 0xFF41,
	    0x41, 0x3041, 0x141 };
	const size_t	 np = sizeof cps / sizeof cps[0];
	struct layout_scratch *ls = layout_scratch_new();
	struct layout_prep *lp;
	struct layout	*lay;
	struct tpage	*tp;
	uint8_t		 s[1024];
	size_t		 i, n = 0, cells = 0;
	int		 r;

	for (i = 0; i < 200; i++) {
		n += (size_t)u8_uctomb(s + n, cps[(i * 5) % np], 4);
		cells += (size_t)cjk_width(cps[(i * 5) % np]);
	}
	s[n] = '\0';
	tp = tpage_one(BLOCK_BYLINE, (const char *)s);
	for (r = 0; r < 3; r++) {
		lp = r < 2 ? layout_prepare_with(ls, &tp->page, &tp->story,
		    NULL, 0, 0) : layout_prepare(&tp->page, &tp->story, NULL,
		    0, 0);
		lay = layout_fit(lp, LAYOUT_MAX_WIDTH);
		assert_int_equal(lay->nlines, 1);
		assert_int_equal(lay->lines[0].cells, cells);
		layout_free(lay);
		layout_prep_free(lp);
	}
	layout_scratch_free(ls);
	tpage_free(tp);
}

/* Are two layouts of the same text the same, field by field (their
   lines point into different preparations)? */
static int
same_layout(const struct layout *x, const struct layout *y)
{
	size_t	 i;

	if (x->nlines != y->nlines || x->nspans != y->nspans ||
	    x->scanned != y->scanned)
		return 0;
	for (i = 0; i < x->nlines; i++) {
		const struct dline *a = &x->lines[i], *b = &y->lines[i];

		if (a->len != b->len || memcmp(a->text, b->text, a->len) != 0 ||
		    a->indent != b->indent || a->cells != b->cells ||
		    a->kind != b->kind || a->style != b->style ||
		    a->flags != b->flags || a->block != b->block ||
		    a->jstart != b->jstart || a->jend != b->jend ||
		    a->span != b->span || a->nspans != b->nspans)
			return 0;
	}
	for (i = 0; i < x->nspans; i++)
		if (x->spans[i].start != y->spans[i].start ||
		    x->spans[i].end != y->spans[i].end ||
		    x->spans[i].style != y->spans[i].style ||
		    x->spans[i].sub != y->spans[i].sub)
			return 0;
	return 1;
}

/* A kept scratch remembers libunistring's answers for short stretches
   by their bytes with each Han as 一 (layout_lb_cached); a call's own
   scratch asks libunistring every time.  Both lay out alike: stretches
   of one pattern with other Han (the cache answers), random ones, and
   ones of 29 to 33 bytes (the longest kept is 31). */
static void
test_lb_cache(void **state)
{
	static const uint32_t probe[] = { 'a', '1', ' ', '-', '/', ',', '.',
	    '!', '(', ')', '"', '$', '%', 0xA0, 0xB7, 0x0301, 0x200B,
	    0x2014, 0x2019, 0x201C, 0x201D, 0x2026, 0x3000, 0x3001, 0x3002,
	    0x300A, 0x300B, 0x3041, 0x30FB, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A,
	    0x1F44D, 0x20000 };
	const size_t	 np = sizeof probe / sizeof probe[0];
	struct layout_scratch *ls = layout_scratch_new();
	struct layout_prep *p1, *p2;
	struct layout	*l1, *l2;
	struct tpage	*tp;
	uint8_t		 s[4096];
	size_t		 a, i, k, n, m, bad = 0, nl = 0;
	unsigned	 seed = 11;
	int		 w;

	for (a = 0; a < 3000; a++) {
		n = 0;
		seed = seed * 1103515245 + 12345;
		m = a % 3 == 2 ? 1 + (seed >> 16) % 40 : 2 + (seed >> 16) % 8;
		for (i = 0; i < m && n + 64 < sizeof s; i++) {
			/* Han Han, then marks (one pattern per text for
			   two texts in three, random for the third) */
			seed = seed * 1103515245 + 12345;
			n += (size_t)u8_uctomb(s + n, 0x4E00 + (seed >> 8) %
			    0x5200, 4);
			seed = seed * 1103515245 + 12345;
			n += (size_t)u8_uctomb(s + n, 0x4E00 + (seed >> 8) %
			    0x5200, 4);
			k = a % 3 == 2 ? 1 + (seed >> 4) % 9 : 1 + a % 4;
			if (a % 50 == 1)	/* stretches of 29 to 33 bytes:
						   Han, letters, Han */
				k = 23 + a / 50 % 5;
			while (k-- > 0) {
				seed = seed * 1103515245 + 12345;
				if (a % 50 == 1)
					s[n++] = (uint8_t)('a' + (seed >> 16) % 26);
				else
					n += (size_t)u8_uctomb(s + n, probe[a % 3 ==
					    2 ? (seed >> 16) % np : (a / 3 + k) %
					    np], 4);
			}
		}
		s[n] = '\0';
		tp = tpage_one(BLOCK_PARAGRAPH, (const char *)s);
		p1 = layout_prepare_with(ls, &tp->page, &tp->story, NULL, 0,
		    a & 8 ? LAYOUT_RAW_PUNCT : 0);
		p2 = layout_prepare(&tp->page, &tp->story, NULL, 0,
		    a & 8 ? LAYOUT_RAW_PUNCT : 0);
		/* the same stretches asked, answered by the cache or not
		   (the count is of stretches, not of library calls) */
		if (layout_prep_lbbytes(p1) != layout_prep_lbbytes(p2))
			bad++;
		for (w = 10; w <= 46; w += 9) {
			l1 = layout_fit(p1, w);
			l2 = layout_fit(p2, w);
			if (!same_layout(l1, l2))
				bad++;
			nl += l1->nlines;
			layout_free(l1);
			layout_free(l2);
		}
		layout_prep_free(p1);
		layout_prep_free(p2);
		tpage_free(tp);
	}
	layout_scratch_free(ls);
	assert_int_equal(bad, 0);
	assert_true(nl > 3000 * 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stress),
		cmocka_unit_test(test_stress_w16),
		cmocka_unit_test(test_prohibitions),
		cmocka_unit_test(test_odd_width),
		cmocka_unit_test(test_stats_whole),
		cmocka_unit_test(test_jump_notes),
		cmocka_unit_test(test_closing_marks),
		cmocka_unit_test(test_number_unit),
		cmocka_unit_test(test_emergency),
		cmocka_unit_test(test_widen),
		cmocka_unit_test(test_block_text),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_find_cols),
		cmocka_unit_test(test_find_widened),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_linebreaks_han),
		cmocka_unit_test(test_lb_cache),
		cmocka_unit_test(test_units_order),
		cmocka_unit_test(test_class_cache),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test-layout: no C.UTF-8 locale\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
