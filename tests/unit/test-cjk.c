/* Unit tests of cjk.c: widths against wcwidth, clreq tables, mark map. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include <cmocka.h>

#include "cjk.h"

/* cjk_width is wcwidth with -1 as 1, for every code point (this also
   checks that the fast paths agree with wcwidth). */
static void
test_width_all(void **state)
{
	uint32_t c;
	int w, bad = 0;

	for (c = 0; c <= 0x10FFFF; c++) {
		w = wcwidth((wchar_t)c);
		if (w < 0)
			w = 1;
		if (cjk_width(c) != w) {
			if (bad++ < 10)
				fprintf(stderr, "U+%04X: cjk_width %d, wcwidth %d\n",
				    (unsigned)c, cjk_width(c), w);
		}
		if (cjk_is_wide(c) != (w == 2))
			bad++;
		if (((cjk_class(c) & CJK_WIDE) != 0) != (w == 2))
			bad++;
		if (((cjk_class(c) & CJK_ZERO) != 0) != (w == 0))
			bad++;
	}
	assert_int_equal(bad, 0);
}

/* The fast-path ranges are all 2 cells and ASCII 1. */
static void
test_width_fast(void **state)
{
	assert_int_equal(cjk_width(0x4E2D), 2);		/* 中 */
	assert_int_equal(cjk_width(0x9FFF), 2);
	assert_int_equal(cjk_width(0x3000), 2);
	assert_int_equal(cjk_width(0x302A), 0);		/* combining tone mark */
	assert_int_equal(cjk_width(0xFF0C), 2);		/* ， */
	assert_int_equal(cjk_width(0xFF61), 1);		/* ｡ half-width */
	assert_int_equal(cjk_width('A'), 1);
	assert_int_equal(cjk_width(0x201C), 1);		/* “ ambiguous */
	assert_int_equal(cjk_width(0x2026), 1);		/* … */
	assert_int_equal(cjk_width(0x25A0), 1);		/* ■ */
	assert_int_equal(cjk_width(0x0301), 0);
	assert_int_equal(cjk_width(0x1F600), 2);
	assert_int_equal(cjk_width(0x0007), 1);		/* -1 counted as 1 */
	assert_int_equal(cjk_width(0x1FAE8), 1);	/* unknown to glibc 2.36 */
}

/* clreq 1.2: every listed not-starter, and some that are not. */
static void
test_no_start(void **state)
{
	static const uint32_t yes[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
		0x203C, 0x2047, 0x2048, 0x2049,
		',', '.', ':', ';', '!', '?',
		0x201D, 0x2019, 0x300D, 0x300F,
		0xFF09, ')', ']', 0xFF5D, 0x3011, 0x3015, 0x3017, 0x300B, 0x3009,
		0x2013, 0x2014, 0xFF5E, '~', 0x301C,
		0x00B7, 0x30FB, 0x2027,
	};
	static const uint32_t no[] = {
		0x4E2D, 'a', '1', 0x201C, 0x2018, 0x300C, 0xFF08, '(', 0x300A,
		0x3010, 0x2026, ' ', 0x3000, '/', 0x2E3A,
	};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!cjk_no_start(yes[i]))
			fprintf(stderr, "U+%04X should be a not-starter\n",
			    (unsigned)yes[i]);
		assert_true(cjk_no_start(yes[i]));
		assert_true(cjk_class(yes[i]) & CJK_NOSTART);
		assert_false(cjk_no_end(yes[i]));
	}
	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		assert_false(cjk_no_start(no[i]));
		assert_false(cjk_class(no[i]) & CJK_NOSTART);
	}
}

/* clreq 1.3: every listed not-ender. */
static void
test_no_end(void **state)
{
	static const uint32_t yes[] = {
		0x201C, 0x2018, 0x300C, 0x300E,
		0xFF08, '(', '[', 0xFF5B, 0x3010, 0x3014, 0x3016, 0x300A, 0x3008,
	};
	static const uint32_t no[] = {
		0x4E2D, 'a', '1', 0x201D, 0x2019, 0x300D, 0xFF09, ')', 0x300B,
		0x3002, 0xFF0C, '/', 0xFF0F, 0x2014,
	};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		assert_true(cjk_no_end(yes[i]));
		assert_true(cjk_class(yes[i]) & CJK_NOEND);
		assert_false(cjk_no_start(yes[i]));
	}
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_false(cjk_no_end(no[i]));
}

/* Digits and Latin letters of any width. */
static void
test_digit_latin(void **state)
{
	assert_true(cjk_is_digit('0'));
	assert_true(cjk_is_digit(0xFF10));		/* ０ */
	assert_true(cjk_is_digit(0x0663));		/* Arabic-Indic 3 */
	assert_false(cjk_is_digit(0x4E00));		/* 一 */
	assert_false(cjk_is_digit('a'));
	assert_true(cjk_is_latin('Z'));
	assert_true(cjk_is_latin(0xFF23));		/* Ｃ */
	assert_true(cjk_is_latin(0xFF4B));		/* ｋ */
	assert_true(cjk_is_latin(0x00E9));		/* é */
	assert_false(cjk_is_latin(0x4E2D));
	assert_false(cjk_is_latin('1'));
	assert_false(cjk_is_latin(0x03B1));		/* α */
	assert_true(cjk_class(0xFF15) & CJK_DIGIT);
	assert_true(cjk_class(0xFF2F) & CJK_LATIN);
}

/* The full-width mark map and its inverse. */
static void
test_fullwidth_punct(void **state)
{
	static const uint32_t map[][2] = {
		{ ',', 0xFF0C }, { ';', 0xFF1B }, { ':', 0xFF1A },
		{ '!', 0xFF01 }, { '?', 0xFF1F }, { '(', 0xFF08 },
		{ ')', 0xFF09 },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		assert_int_equal(cjk_fullwidth_punct(map[i][0]), map[i][1]);
		assert_int_equal(cjk_ascii_punct(map[i][1]), map[i][0]);
		assert_int_equal(cjk_width(map[i][1]), 2);
	}
	assert_int_equal(cjk_fullwidth_punct('.'), 0);
	assert_int_equal(cjk_fullwidth_punct('a'), 0);
	assert_int_equal(cjk_fullwidth_punct(0x4E2D), 0);
	assert_int_equal(cjk_ascii_punct(0x3002), 0);
}

/* Other class bits. */
static void
test_class(void **state)
{
	assert_true(cjk_class(' ') & CJK_SPACE);
	assert_true(cjk_class(0x3000) & CJK_SPACE);
	assert_true(cjk_class(0x201C) & CJK_OQUOTE);
	assert_true(cjk_class(0x201D) & CJK_CQUOTE);
	assert_true(cjk_class(0x2026) & CJK_CPUNCT);
	assert_true(cjk_class(0x4E2D) & CJK_SIMPLE);
	assert_true(cjk_class('a') & CJK_SIMPLE);
	assert_false(cjk_class(0x0301) & CJK_SIMPLE);	/* Extend */
	assert_false(cjk_class(0x200D) & CJK_SIMPLE);	/* ZWJ */
	assert_false(cjk_class(0x1F1E8) & CJK_SIMPLE);	/* RI */
	assert_false(cjk_class(0x302A) & CJK_SIMPLE);
	assert_false(cjk_class(0x302A) & CJK_WIDE);
	/* connectors of ranges, interpuncts, separators of numbers */
	assert_true(cjk_class(0x2014) & CJK_CONNECT);	/* — */
	assert_true(cjk_class(0xFF5E) & CJK_CONNECT);	/* ～ */
	assert_true(cjk_class('-') & CJK_CONNECT);
	assert_false(cjk_class(0x2026) & CJK_CONNECT);	/* … */
	assert_true(cjk_class(0xB7) & CJK_INTERP);	/* · */
	assert_true(cjk_class(0x30FB) & CJK_INTERP);	/* ・ */
	assert_true(cjk_class('.') & CJK_NUMSEP);
	assert_true(cjk_class(':') & CJK_NUMSEP);
	assert_false(cjk_class(0xFF0C) & CJK_NUMSEP);	/* ， is a comma */
}

/* What a number stays with: Han of every block and kana, not kana
   punctuation or CJK marks; the class bit agrees everywhere. */
static void
test_ideo_kana(void **state)
{
	uint32_t c;
	int bad = 0;

	assert_true(cjk_is_ideo_kana(0x682A));		/* 株 */
	assert_true(cjk_is_ideo_kana(0x6B73));		/* 歳 */
	assert_true(cjk_is_ideo_kana(0x6B72));		/* 歲 */
	assert_true(cjk_is_ideo_kana(0x3042));		/* あ */
	assert_true(cjk_is_ideo_kana(0x30AB));		/* カ */
	assert_true(cjk_is_ideo_kana(0x30FC));		/* ー */
	assert_true(cjk_is_ideo_kana(0x3400));		/* Ext. A */
	assert_true(cjk_is_ideo_kana(0x20000));		/* Ext. B */
	assert_true(cjk_is_ideo_kana(0xF900));		/* compatibility */
	assert_false(cjk_is_ideo_kana(0x30FB));		/* ・ */
	assert_false(cjk_is_ideo_kana(0x3002));		/* 。 */
	assert_false(cjk_is_ideo_kana(0xFF08));		/* （ */
	assert_false(cjk_is_ideo_kana('a'));
	assert_false(cjk_is_ideo_kana(0xAC00));		/* Hangul */
	for (c = 0; c <= 0x3FFFF; c++)
		if (((cjk_class(c) & CJK_IDEO) != 0) != cjk_is_ideo_kana(c))
			bad++;
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_all),
		cmocka_unit_test(test_width_fast),
		cmocka_unit_test(test_no_start),
		cmocka_unit_test(test_no_end),
		cmocka_unit_test(test_digit_latin),
		cmocka_unit_test(test_fullwidth_punct),
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_ideo_kana),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test-cjk: no C.UTF-8 locale\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
