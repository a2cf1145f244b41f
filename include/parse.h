/*
 * parse: structure recovery, raw extracted page text -> struct page.
 * Heuristic but deterministic; explicit markup (see parse.c and the man
 * page) wins over heuristics.
 */
#ifndef DUBAO_PARSE_H
#define DUBAO_PARSE_H

#include "page.h"

/* Parse the bytes span of t into pg (which the caller zeroes). */
void	 parse_page(struct page *pg, const struct text *t, struct range span);

#endif
