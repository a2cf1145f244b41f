/*
 * Unit tests of the line lexer's scans that read sixteen bytes at a time
 * (src/parse-line.c): the character count, the pause search and the
 * count with the bytes pl_boiler looks for, at every length and place
 * around the blocks' edges; and the split of a page into lines.  Each
 * line is a buffer of exactly its bytes (make check-sanitize: no byte
 * past it read).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../src/parse-int.h"

/* A copy of the n bytes at s in a buffer of exactly n bytes. */
static char *
exact(const char *s, size_t n)
{
	char	*b = malloc(n > 0 ? n : 1);

	assert_non_null(b);
	memcpy(b, s, n);
	return b;
}

/* Code points of s[0..n): bytes that are not 10xxxxxx. */
static size_t
count_bytes(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

/* parse_line_count at every length to 300, and long runs of
   continuation bytes only (its byte counters added up in time). */
static void
test_count(void **state)
{
	static const char *fill[] = { "a", "\x80", "中", "a中\xc2\xa9" };
	char	 src[20000], *b;
	size_t	 n, f, i, k;

	(void)state;
	for (f = 0; f < 4; f++) {
		k = strlen(fill[f]);
		for (i = 0; i < sizeof src; i++)
			src[i] = fill[f][i % k];
		for (n = 0; n <= 300; n++) {
			b = exact(src, n);
			assert_int_equal(parse_line_count(b, n),
			    count_bytes(b, n));
			free(b);
		}
		for (n = 1000; n <= sizeof src; n += 4750) {
			b = exact(src, n);
			assert_int_equal(parse_line_count(b, n),
			    count_bytes(b, n));
			free(b);
		}
	}
}

/* Whether the line b[0..n) holds a pause (parse_line_pause). */
static int
pause_in(const char *b, size_t n)
{
	struct parse_line l;

	memset(&l, 0, sizeof l);
	l.start = 0;
	l.end = n;
	return parse_line_pause(b, &l);
}

/* parse_line_pause with a pause (， 、 ； , ;) or a look-alike (（ 。 ：)
   at every place of lines of every length to 80; a pause cut by the
   line's end is none. */
static void
test_pause(void **state)
{
	static const char *yes[] = { "，", "、", "；", ",", ";" };
	static const char *no[] = { "（", "。", "：", "中" };
	char	 src[100], *b;
	size_t	 n, j, w, k;

	(void)state;
	for (n = 1; n <= 80; n++) {
		memset(src, 'a', sizeof src);
		b = exact(src, n);
		assert_false(pause_in(b, n));
		free(b);
		for (w = 0; w < 5; w++) {
			k = strlen(yes[w]);
			for (j = 0; j + k <= n; j++) {
				memset(src, 'a', sizeof src);
				memcpy(src + j, yes[w], k);
				b = exact(src, n);
				assert_true(pause_in(b, n));
				free(b);
			}
			if (k == 3 && n >= 2) {
				/* its first two bytes end the line */
				memset(src, 'a', sizeof src);
				memcpy(src + n - 2, yes[w], 2);
				b = exact(src, n);
				assert_false(pause_in(b, n));
				free(b);
			}
		}
		for (w = 0; w < 4; w++)
			for (j = 0; j + 3 <= n; j++) {
				memset(src, 'a', sizeof src);
				memcpy(src + j, no[w], 3);
				b = exact(src, n);
				assert_false(pause_in(b, n));
				free(b);
			}
	}
}

/* Lex the line s[0..n) alone. */
static void
lex(const char *s, size_t n, struct parse_line *l)
{
	char	*b = exact(s, n);

	memset(l, 0, sizeof *l);
	l->start = 0;
	l->end = n;
	parse_line_lex(b, l, NULL);
	free(b);
}

/* The count and the bytes pl_boiler looks for, one pass in
   parse_line_lex: a line's characters at every length to 240 bytes,
   and a row of links (two |), a copyright's ©, a row of navigation
   (five words and spaces) with those bytes at every place of a
   block. */
static void
test_lex_seen(void **state)
{
	struct parse_line l;
	char	 src[300];
	size_t	 n, m;

	(void)state;
	for (n = 1; n <= 240; n++) {
		memset(src, 'x', sizeof src);
		lex(src, n, &l);
		assert_int_equal(l.nchars, n);
		assert_false(l.flags & LF_BOILER);
	}
	for (n = 3; n <= 240; n += 3) {
		for (m = 0; m < n; m += 3)
			memcpy(src + m, "中", 3);
		lex(src, n, &l);
		assert_int_equal(l.nchars, n / 3);
	}
	for (m = 1; m <= 40; m++) {
		/* xx…x|x|x, the bars at place m and m + 2 */
		memset(src, 'x', sizeof src);
		src[m] = src[m + 2] = '|';
		lex(src, m + 4, &l);
		assert_true(l.flags & LF_BOILER);
		/* xx…x©x */
		memset(src, 'x', sizeof src);
		memcpy(src + m, "©", 2);
		lex(src, m + 3, &l);
		assert_true(l.flags & LF_BOILER);
		/* 首页 新闻 评论 图片 视频…: a first word of m % 5 + 2
		   characters moves the spaces */
		n = 0;
		for (size_t w = 0; w < 5; w++) {
			size_t	 c, k = w == 0 ? m % 5 + 2 : 2;

			for (c = 0; c < k; c++, n += 3)
				memcpy(src + n, w % 2 ? "闻" : "页", 3);
			if (w < 4)
				src[n++] = ' ';
		}
		lex(src, n, &l);
		assert_true(l.flags & LF_BOILER);
		/* the last word's last character a full stop: no row */
		memcpy(src + n - 3, "。", 3);
		lex(src, n, &l);
		assert_false(l.flags & LF_BOILER);
	}
}

/* The lines of [s, e) of buf, as parse_line_split should give them, one
   byte at a time: each line's trimmed range, LF_INDENT and LF_MDMARK. */
static size_t
split_bytes(const char *buf, size_t s, size_t e, struct parse_line *v)
{
	size_t	 n = 0, p = s, q;

	for (;;) {
		for (q = p; q < e && buf[q] != '\n'; q++)
			;
		memset(&v[n], 0, sizeof v[n]);
		v[n].start = parse_line_trim_start(buf, p, q);
		v[n].end = parse_line_trim_end(buf, v[n].start, q);
		if (v[n].start > p + 1 || (v[n].start > p &&
		    (unsigned char)buf[p] == 0xe3))
			v[n].flags = LF_INDENT;
		if (v[n].start < q && buf[v[n].start] != '\0' &&
		    strchr("#>!*", buf[v[n].start]) != NULL)
			v[n].flags |= LF_MDMARK;
		n++;
		if (q == e)
			return n;
		p = q + 1;
	}
}

/* parse_line_split against split_bytes on random spans made of
   newlines, white space (ASCII, U+3000, NBSP), Han, ASCII letters and
   Markdown marks, with a caller's array of one to four lines (grown on
   the way), the span's ends anywhere in the buffer. */
static void
test_split(void **state)
{
	static const char *piece[] = { "\n", "\n", "\n", " ", "\t", "\r",
	    "\xe3\x80\x80", "\xc2\xa0", "中", "文", "a", "\xc2\xa9", "\xe3\x80\x81",
	    "#", ">", "!", "*", "\"", "+", "\x7f" };
	char	 src[200], *b;
	struct parse_line stack[4], *v, want[200];
	struct range span;
	size_t	 r, n, k, m, i, cap;

	(void)state;
	srand(7);
	for (r = 0; r < 20000; r++) {
		for (n = 0, m = (size_t)rand() % 40; m > 0; m--) {
			k = (size_t)rand() % (sizeof piece / sizeof *piece);
			memcpy(src + n, piece[k], strlen(piece[k]));
			n += strlen(piece[k]);
		}
		b = exact(src, n);
		span.start = n > 0 ? (size_t)rand() % (n + 1) : 0;
		span.end = span.start + (size_t)rand() % (n - span.start + 1);
		/* a span that cuts a character in two is no page's: to the
		   next character's start */
		while (span.start < n &&
		    ((unsigned char)b[span.start] & 0xc0) == 0x80)
			span.start++;
		if (span.end < span.start)
			span.end = span.start;
		while (span.end < n &&
		    ((unsigned char)b[span.end] & 0xc0) == 0x80)
			span.end++;
		cap = 1 + (size_t)rand() % 4;
		v = stack;
		m = parse_line_split(b, span, &v, cap);
		k = split_bytes(b, span.start, span.end, want);
		assert_int_equal(m, k);
		for (i = 0; i < m; i++) {
			assert_int_equal(v[i].start, want[i].start);
			assert_int_equal(v[i].end, want[i].end);
			assert_int_equal(v[i].flags, want[i].flags);
			assert_int_equal(v[i].nchars, 0);
			assert_int_equal(v[i].memo, 0);
			assert_int_equal(v[i].tail.end, 0);
		}
		if (v != stack)
			free(v);
		free(b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_pause),
		cmocka_unit_test(test_lex_seen),
		cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
