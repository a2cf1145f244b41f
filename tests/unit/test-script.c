/* Unit tests of script: the Simplified/Traditional fold (pairs both ways,
   variants, characters without a mapping), the detection of a
   Traditional text, the conversion of a text with its map back to the
   source, and a missing OpenCC dictionary (in a child process, since the
   fold map is built once per process). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "script.h"
#include "text.h"
#include "xmalloc.h"

/* The code point of a one-character UTF-8 string. */
static uint32_t
cp(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80)
		return u[0];
	if (u[0] < 0xE0)
		return (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	if (u[0] < 0xF0)
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
		    (u[2] & 0x3F);
	return (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
	    (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
}

/* ---- names ------------------------------------------------------------ */

static void
test_names(void **state)
{
	enum script	 s;
	int		 i;

	for (i = 0; i < SCRIPT__COUNT; i++) {
		assert_int_equal(script_parse(script_name((enum script)i), &s),
		    0);
		assert_int_equal(s, i);
	}
	assert_int_equal(script_parse("tw", &s), 0);
	assert_int_equal(s, SCRIPT_TAIWAN);
	assert_int_equal(script_parse("hk", &s), 0);
	assert_int_equal(s, SCRIPT_HONGKONG);
	assert_int_equal(script_parse("Traditional", &s), -1);
	assert_int_equal(script_parse("", &s), -1);
	assert_int_equal(script_parse("zh_TW", &s), -1);
	assert_string_equal(script_tag(SCRIPT_ORIGINAL), "");
	assert_string_equal(script_tag(SCRIPT_TRADITIONAL), "繁");
	/* the reader's key cycles through all and back */
	s = SCRIPT_ORIGINAL;
	for (i = 0; i < SCRIPT__COUNT; i++)
		s = script_next(s);
	assert_int_equal(s, SCRIPT_ORIGINAL);
}

/* ---- the fold --------------------------------------------------------- */

static void
test_fold_pairs(void **state)
{
	/* Traditional and Simplified, both ways: one representative. */
	static const char *const pairs[][2] = {
		{ "監", "监" }, { "獄", "狱" }, { "發", "发" }, { "髮", "发" },
		{ "臺", "台" }, { "灣", "湾" }, { "萬", "万" }, { "億", "亿" },
		{ "兩", "两" }, { "個", "个" }, { "歲", "岁" }, { "條", "条" },
		{ "項", "项" }, { "筆", "笔" }, { "場", "场" }, { "屆", "届" },
		{ "間", "间" }, { "噸", "吨" }, { "後", "后" }, { "裡", "里" },
		{ "裏", "里" }, { "乾", "干" }, { "幹", "干" },
	};
	size_t	 i;

	assert_true(script_fold_ok());
	assert_null(script_error());
	for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		uint32_t t = cp(pairs[i][0]), s = cp(pairs[i][1]);

		assert_int_equal(script_fold(t), s);
		assert_int_equal(script_fold(s), s);
		assert_int_equal(script_fold(script_fold(t)), script_fold(t));
	}
}

static void
test_fold_variants(void **state)
{
	/* Variant forms OpenCC knows fold with their standard forms: Taiwan's
	   為 and OpenCC's 爲 with 为; 峯 and 峰; Hong Kong's 衞 with 衛 and 卫;
	   著 with 着. */
	static const char *const groups[][3] = {
		{ "為", "爲", "为" }, { "峯", "峰", "峰" }, { "衞", "衛", "卫" },
		{ "著", "着", "着" }, { "眾", "衆", "众" }, { "綫", "線", "线" },
	};
	size_t	 i;

	for (i = 0; i < sizeof groups / sizeof *groups; i++) {
		uint32_t f = script_fold(cp(groups[i][0]));

		assert_int_equal(script_fold(cp(groups[i][1])), f);
		assert_int_equal(script_fold(cp(groups[i][2])), f);
		assert_int_equal(script_fold(f), f);
	}
	/* a character of Extension B with a Simplified form in Extension A */
	assert_int_equal(script_fold(cp("𠗣")), cp("㓆"));
}

static void
test_fold_none(void **state)
{
	/* Characters without a mapping, and what is not Chinese at all,
	   are their own fold. */
	static const char *const same[] = {
		"的", "中", "国", "人", "年", "一", "〇", "a", "Z", "1", "，",
		"。", "「", "ア", "한", "é",
	};
	size_t	 i;

	for (i = 0; i < sizeof same / sizeof *same; i++)
		assert_int_equal(script_fold(cp(same[i])), cp(same[i]));
	assert_int_equal(script_fold(0), 0);
	assert_int_equal(script_fold(0x10FFFF), 0x10FFFF);
	assert_int_equal(script_fold(0x4DC0), 0x4DC0);	/* ䷀, not Han */
	/* the table agrees with script_fold */
	assert_int_equal(script_fold_table()[cp("監") - SCRIPT_FOLD_LO],
	    cp("监"));
	assert_int_equal(script_fold_table()[cp("的") - SCRIPT_FOLD_LO],
	    cp("的"));
}

static void
test_traditional(void **state)
{
	/* Two lines of 人民日报 (articles/, the seed page) and of 中央社,
	   2026-01-22, "三航廈北登機廊廳啟用". */
	static const char simp[] =
	    "近年来，浙江监狱一直没有停下推进监地协作的脚步。";
	static const char trad[] =
	    "國發會今天舉行委員會議，會中提報114年公共建設計畫執行情形。";

	assert_false(script_is_traditional(simp, strlen(simp)));
	assert_true(script_is_traditional(trad, strlen(trad)));
	assert_false(script_is_traditional("", 0));
	assert_false(script_is_traditional("abc 123", 7));
}

/* ---- converting ------------------------------------------------------- */

/* Convert bytes to script s; returns the converted text in *t. */
static struct script_conv *
convert(struct text *t, const char *bytes, enum script s)
{
	struct script_conv	*cv;
	const char		*cause;
	char			*err = NULL;

	assert_int_equal(text_from_bytes(t, bytes, strlen(bytes), &cause), 0);
	assert_int_equal(script_check(s, &err), 0);
	assert_null(err);
	assert_int_equal(script_convert(t, s, &cv, NULL), 0);
	return cv;
}

/* Check that every character of the converted text maps to a character
   boundary of the source and back, in order. */
static void
check_map(const struct text *t, const struct script_conv *cv)
{
	size_t	 i, s, prev = 0;

	for (i = 0; i <= t->len; i++) {
		if (i < t->len && ((unsigned char)t->buf[i] & 0xC0) == 0x80)
			continue;
		s = script_conv_source(cv, i);
		assert_true(s >= prev);
		assert_true(s <= cv->source.len);
		assert_true(s == cv->source.len ||
		    ((unsigned char)cv->source.buf[s] & 0xC0) != 0x80);
		assert_true(script_conv_target(cv, s) <= i);
		prev = s;
	}
	assert_int_equal(script_conv_source(cv, t->len), cv->source.len);
	assert_int_equal(script_conv_target(cv, cv->source.len), t->len);
}

static void
test_convert_s2t(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* Phrases, not characters: 头发 is 頭髮, 发展 is 發展. */
	cv = convert(&t, "头发干净，监狱发展了2年。\n"
	    "ABC 第3版\n", SCRIPT_TRADITIONAL);
	assert_non_null(cv);
	assert_string_equal(t.buf, "頭髮乾淨，監獄發展了2年。\nABC 第3版\n");
	assert_string_equal(cv->config, "s2t.json");
	assert_string_equal(cv->source.buf, "头发干净，监狱发展了2年。\n"
	    "ABC 第3版\n");
	assert_int_equal(t.nlines, cv->source.nlines);
	assert_int_equal(text_line_of(&t, strlen("頭髮乾淨，監獄發展了2年。\n")),
	    2);
	check_map(&t, cv);
	/* all characters kept their length: one identity segment */
	assert_int_equal(cv->nsegs, 1);
	assert_int_equal(script_conv_source(cv, strlen("頭髮乾淨，")),
	    strlen("头发干净，"));
	script_conv_free(cv);
	text_free(&t);
}

static void
test_convert_wrapped(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* A phrase cut by a hard-wrapped line is still converted as a
	   phrase (頭髮, not 頭發), and the line break stays where it was. */
	cv = convert(&t, "他的头\n发白了。\n", SCRIPT_TRADITIONAL);
	assert_non_null(cv);
	assert_string_equal(t.buf, "他的頭\n髮白了。\n");
	check_map(&t, cv);
	script_conv_free(cv);
	text_free(&t);
}

static void
test_convert_t2s(void **state)
{
	struct text		 t;
	struct script_conv	*cv;
	size_t			 o;

	/* 𠗣 (4 bytes) becomes 㓆 (3 bytes): the bytes after it still map
	   to their source. */
	cv = convert(&t, "監獄發展，𠗣頭髮。\n", SCRIPT_SIMPLIFIED);
	assert_non_null(cv);
	assert_string_equal(t.buf, "监狱发展，㓆头发。\n");
	assert_string_equal(cv->config, "t2s.json");
	check_map(&t, cv);
	o = strlen("监狱发展，㓆");
	assert_int_equal(script_conv_source(cv, o), strlen("監獄發展，𠗣"));
	assert_int_equal(script_conv_source(cv, o - 3),
	    strlen("監獄發展，"));
	assert_int_equal(script_conv_target(cv, strlen("監獄發展，𠗣頭")),
	    strlen("监狱发展，㓆头"));
	script_conv_free(cv);
	text_free(&t);
}

static void
test_convert_same(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* A text already in the script, and the original, are left alone. */
	cv = convert(&t, "浙江监狱一直没有停下推进监地协作的脚步。",
	    SCRIPT_SIMPLIFIED);
	assert_null(cv);
	assert_string_equal(t.buf, "浙江监狱一直没有停下推进监地协作的脚步。");
	text_free(&t);
	cv = convert(&t, "監獄發展", SCRIPT_TRADITIONAL);
	assert_null(cv);
	text_free(&t);
	cv = convert(&t, "监狱发展", SCRIPT_ORIGINAL);
	assert_null(cv);
	text_free(&t);
	cv = convert(&t, "", SCRIPT_TAIWAN);
	assert_null(cv);
	text_free(&t);
}

static void
test_convert_regions(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* Taiwan and Hong Kong standard forms (s2tw, s2hk): 里面 is 裡面 in
	   Taiwan, 裏面 in Hong Kong; 台湾 is 臺灣 and 台灣. */
	cv = convert(&t, "里面，台湾", SCRIPT_TAIWAN);
	assert_non_null(cv);
	assert_string_equal(t.buf, "裡面，臺灣");
	script_conv_free(cv);
	text_free(&t);
	cv = convert(&t, "里面，台湾", SCRIPT_HONGKONG);
	assert_non_null(cv);
	assert_string_equal(t.buf, "裏面，台灣");
	script_conv_free(cv);
	text_free(&t);
	/* Traditional text to Taiwan's forms: OpenCC's 爲 becomes 為. */
	cv = convert(&t, "監獄爲發展", SCRIPT_TAIWAN);
	assert_non_null(cv);
	assert_string_equal(t.buf, "監獄為發展");
	assert_string_equal(cv->config, "t2tw.json");
	script_conv_free(cv);
	text_free(&t);
}

static void
test_convert_pages(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* Page breaks (form feeds) stay, and a unit never crosses one. */
	cv = convert(&t, "头发\f发展\n\f软件", SCRIPT_TRADITIONAL);
	assert_non_null(cv);
	assert_int_equal(t.npages, 3);
	assert_int_equal(t.npages, cv->source.npages);
	assert_string_equal(t.buf, "頭髮發展\n軟件");
	assert_int_equal(t.pages[1].start, strlen("頭髮"));
	assert_int_equal(t.pages[2].start, strlen("頭髮發展\n"));
	assert_int_equal(t.pages[2].end, t.len);
	check_map(&t, cv);
	script_conv_free(cv);
	text_free(&t);
}

static void
test_convert_mixed(void **state)
{
	struct text		 t;
	struct script_conv	*cv;

	/* Each page from its own script: a Traditional page and a
	   Simplified one, to Traditional and to Simplified. */
	cv = convert(&t, "監獄發展，頭髮。\f监狱发展，头发。", SCRIPT_TRADITIONAL);
	assert_non_null(cv);
	assert_string_equal(t.buf, "監獄發展，頭髮。監獄發展，頭髮。");
	assert_null(cv->configs[0]);
	assert_string_equal(cv->configs[1], "s2t.json");
	assert_string_equal(cv->config, "s2t.json");
	check_map(&t, cv);
	script_conv_free(cv);
	text_free(&t);
	cv = convert(&t, "監獄發展，頭髮。\f监狱发展，头发。", SCRIPT_SIMPLIFIED);
	assert_non_null(cv);
	assert_string_equal(t.buf, "监狱发展，头发。监狱发展，头发。");
	assert_string_equal(cv->configs[0], "t2s.json");
	assert_null(cv->configs[1]);
	assert_int_equal(t.pages[1].start, strlen("监狱发展，头发。"));
	script_conv_free(cv);
	text_free(&t);
}

static void
test_text_copy(void **state)
{
	struct text	 t, c;
	const char	*cause;

	assert_int_equal(text_from_bytes(&t, "a\nb\fc", 5, &cause), 0);
	script_text_copy(&c, &t);
	text_free(&t);
	assert_string_equal(c.buf, "a\nbc");
	assert_int_equal(c.npages, 2);
	assert_int_equal(text_line_of(&c, 2), 2);
	text_free(&c);
}

/* ---- missing dictionaries --------------------------------------------- */

/* In a child: with DUBAO_OPENCC_DIR an empty directory, no fold, one
   message naming the file and the package, and no conversion. */
static int
child_missing(const char *dir)
{
	struct text		 t;
	struct script_conv	*cv = NULL;
	const char		*e, *cause;
	char			*err = NULL;

	setenv("DUBAO_OPENCC_DIR", dir, 1);
	if (script_fold_ok())
		return 1;
	if (script_fold(cp("監")) != cp("監"))
		return 2;
	e = script_error();
	if (e == NULL || strstr(e, "t2s.json") == NULL ||
	    strstr(e, "libopencc-data") == NULL || strchr(e, '\n') != NULL)
		return 3;
	if (text_from_bytes(&t, "头发", 6, &cause) != 0)
		return 4;
	if (script_convert(&t, SCRIPT_TRADITIONAL, &cv, NULL) != -1 ||
	    cv != NULL || strcmp(t.buf, "头发") != 0)
		return 5;
	if (script_check(SCRIPT_TRADITIONAL, &err) != -1 || err == NULL ||
	    strstr(err, "s2t.json") == NULL ||
	    strstr(err, "libopencc-data") == NULL)
		return 6;
	free(err);
	if (script_check(SCRIPT_ORIGINAL, &err) != 0 || err != NULL)
		return 7;
	text_free(&t);
	return 0;
}

static void
test_missing(void **state)
{
	char	 dir[] = "/tmp/dubao-test-script-XXXXXX";
	pid_t	 pid;
	int	 st;

	assert_non_null(mkdtemp(dir));
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(child_missing(dir));
	assert_int_equal(waitpid(pid, &st, 0), pid);
	rmdir(dir);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing),	/* first: before any fold */
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_fold_pairs),
		cmocka_unit_test(test_fold_variants),
		cmocka_unit_test(test_fold_none),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_convert_s2t),
		cmocka_unit_test(test_convert_wrapped),
		cmocka_unit_test(test_convert_t2s),
		cmocka_unit_test(test_convert_same),
		cmocka_unit_test(test_convert_regions),
		cmocka_unit_test(test_convert_pages),
		cmocka_unit_test(test_convert_mixed),
		cmocka_unit_test(test_text_copy),
	};

	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("DUBAO_OPENCC_DIR");
	return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
