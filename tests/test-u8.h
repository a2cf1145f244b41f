/*
 * test-u8: UTF-8 helpers shared by the layout tests (tests/unit,
 * tests/prop and tests/fuzz): the cells of a string (what the terminal
 * gives it: wcwidth per code point, -1 as 1) and its first and last code
 * point.
 */
#ifndef DUBAO_TEST_U8_H
#define DUBAO_TEST_U8_H

#include <stddef.h>
#include <stdint.h>

#include <unistr.h>

#include "cjk.h"

/* Cells of the UTF-8 string s[0, n), by cjk_width. */
static inline int
test_u8_cells(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *e = p + n;
	ucs4_t		 c;
	int		 w = 0;

	while (p < e) {
		p += u8_mbtouc(&c, p, (size_t)(e - p));
		w += cjk_width(c);
	}
	return w;
}

/* First code point of s[0, n), or 0 when empty. */
static inline uint32_t
test_u8_first(const char *s, size_t n)
{
	ucs4_t	 c = 0;

	if (n > 0)
		u8_mbtouc(&c, (const uint8_t *)s, n);
	return c;
}

/* Last code point of s[0, n), or 0 when empty. */
static inline uint32_t
test_u8_last(const char *s, size_t n)
{
	ucs4_t	 c = 0;

	if (n > 0)
		u8_prev(&c, (const uint8_t *)s + n, (const uint8_t *)s);
	return c;
}

#endif
