/*
 * cjk: character properties for Chinese layout: cell widths (the C
 * library's wcwidth, as ncurses uses it) and the clreq line-start and
 * line-end prohibitions.  Needs a UTF-8 LC_CTYPE.
 */
#ifndef DUBAO_CJK_H
#define DUBAO_CJK_H

#include <stdbool.h>
#include <stdint.h>

/* Cells a code point takes on screen: wcwidth(), with -1 counted as 1. */
int	 cjk_width(uint32_t c);
/* True when c is wide (2 cells) Han, kana, CJK punctuation or full-width. */
bool	 cjk_is_wide(uint32_t c);
/* clreq (basic level): c may not start a line. */
bool	 cjk_no_start(uint32_t c);
/* clreq (basic level): c may not end a line. */
bool	 cjk_no_end(uint32_t c);
/* A digit (general category Nd, any width). */
bool	 cjk_is_digit(uint32_t c);
/* A Latin letter (script Latin, any width). */
bool	 cjk_is_latin(uint32_t c);
/* The full-width form of an ASCII mark (, ; : ! ? ( )) or 0. */
uint32_t cjk_fullwidth_punct(uint32_t c);

#endif
