/*
 * cjk: character properties for Chinese layout: cell widths (the C
 * library's wcwidth, as ncurses uses it) and the clreq line-start and
 * line-end prohibitions.  Needs a UTF-8 LC_CTYPE.
 */
#ifndef DUBAO_CJK_H
#define DUBAO_CJK_H

#include <stdbool.h>
#include <stdint.h>

/* Cells a code point takes on screen: wcwidth(), with -1 counted as 1.
   U+4E00-9FFF, U+3000-3029, U+302E-303E and U+FF01-FF60 (2) and printable
   ASCII (1) are answered without calling wcwidth. */
int	 cjk_width(uint32_t c);
/* True when c is wide (2 cells) Han, kana, CJK punctuation or full-width. */
bool	 cjk_is_wide(uint32_t c);
/* clreq (basic level): c may not start a line.  The single em dash is
   listed; that a two-em dash (two U+2014) may start a line is left to
   the caller, which sees the next character. */
bool	 cjk_no_start(uint32_t c);
/* clreq (basic level): c may not end a line. */
bool	 cjk_no_end(uint32_t c);
/* A digit (general category Nd, any width). */
bool	 cjk_is_digit(uint32_t c);
/* A Latin letter (script Latin, any width). */
bool	 cjk_is_latin(uint32_t c);
/* The full-width form of an ASCII mark (, ; : ! ? ( )) or 0. */
uint32_t cjk_fullwidth_punct(uint32_t c);
/* The ASCII mark whose full-width form c is (the inverse of
   cjk_fullwidth_punct), or 0. */
uint32_t cjk_ascii_punct(uint32_t c);

/* Han (any block) or kana: what a number before it stays with (5000株,
   54カ所). */
bool	 cjk_is_ideo_kana(uint32_t c);

/* All the above that layout needs, in one look-up: a set of CJK_* bits. */
unsigned cjk_class(uint32_t c);
#define CJK_WIDE	0x001	/* cjk_width() == 2 */
#define CJK_NOSTART	0x002	/* cjk_no_start() */
#define CJK_NOEND	0x004	/* cjk_no_end() */
#define CJK_DIGIT	0x008	/* cjk_is_digit() */
#define CJK_LATIN	0x010	/* cjk_is_latin() */
#define CJK_SPACE	0x020	/* U+0020, U+00A0, U+3000, tab */
#define CJK_OQUOTE	0x040	/* “ ‘: may follow a wide character */
#define CJK_CQUOTE	0x080	/* ” ’: a wide character may follow */
#define CJK_CPUNCT	0x100	/* “ ” ‘ ’ … ⋯ — ·: narrow, but Chinese */
#define CJK_SIMPLE	0x200	/* grapheme break property Other: a cluster
				   of its own next to another SIMPLE one */
#define CJK_ZERO	0x400	/* cjk_width() == 0 */
#define CJK_CONNECT	0x800	/* a connector of a range: ～ ~ 〜 — – - － */
#define CJK_INTERP	0x1000	/* an interpunct: · ・ ‧ */
#define CJK_NUMSEP	0x2000	/* a separator inside a number: . , : / */
#define CJK_IDEO	0x4000	/* Han or kana a number stays with
				   (cjk_is_ideo_kana) */

#endif
