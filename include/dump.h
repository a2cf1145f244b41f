/*
 * dump: the document written to a FILE * for people and machines: the
 * laid-out text (--dump), the outline (--toc), the statistics as TSV
 * (--stats) and the whole structure as JSON (--json).
 */
#ifndef DUBAO_DUMP_H
#define DUBAO_DUMP_H

#include <stdio.h>

#include "doc.h"

/* The laid-out pages at width cells; flags are LAYOUT_* flags. */
void	 dump_text(const struct doc *, int width, unsigned flags, FILE *);
/* One line per story ("1\theadline") and section ("1.2\theading"); with
   several pages a line naming each page before its stories. */
void	 dump_toc(const struct doc *, unsigned flags, FILE *);
/* Statistics as TSV with a header line. */
void	 dump_stats(const struct doc *, FILE *);
/* The whole structure as one JSON document. */
void	 dump_json(const struct doc *, FILE *);
/* A story's title for lists: its headline's joined text, else the first
   sentence of its lead (after the dateline), whole, else "(untitled)".
   The source's bytes; malloc'ed. */
char	*dump_story_title(const struct page *, const struct story *);
/* The same as the text shows it (，not ,; LAYOUT_RAW_PUNCT in flags keeps
   the source's marks): the outline's and --toc's. */
char	*dump_story_title_shown(const struct page *, const struct story *,
	    unsigned flags);

#endif
