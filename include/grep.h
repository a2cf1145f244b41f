/*
 * grep: the command-line search.  One line per match, in reading order:
 *
 *	FILE:STORY[.SECTION]:LINE: context
 *
 * FILE is the page name (doc_page_name), STORY the 1-based story number
 * across the document (0 for the page's column banner), SECTION the
 * 1-based section within the story when the block is in one, LINE the
 * 1-based source line where the match starts, and context one line of
 * the match's sentence (search_context, about 30 characters each side).
 */
#ifndef DUBAO_GREP_H
#define DUBAO_GREP_H

#include <stdio.h>

#include "search.h"

struct doc;

/* Characters of context printed on each side of a match. */
#define GREP_CONTEXT	30

/* Search d for pattern (SEARCH_* flags) and print the matches on out;
   with color, each match is wrapped in ESC[1;31m ... ESC[m.  An invalid
   pattern is reported on err as "dubao: invalid regular expression: ...".
   Returns 0 when something matched, 1 when nothing did, 2 on error. */
int	 grep_run(const struct doc *d, const char *pattern, unsigned flags,
	    int color, FILE *out, FILE *err);

#endif
