/*
 * corpus: what the benchmark programs share: a clock and the generated
 * corpus of pages.
 */
#ifndef DUBAO_CORPUS_H
#define DUBAO_CORPUS_H

#include <stddef.h>

/* Seconds on a monotonic clock. */
double	 corpus_now(void);
/* Write a corpus of at least want bytes to path: the pages of articles/
   and tests/data/pages/ (run from the top of the source tree), over and
   over, their digits rotated by one more on every round so that no two
   pages are equal, with a form feed after each page.  The pages are
   written one by one and never held twice in memory.  Exits with a
   message naming prog when there are no pages.  Returns the bytes
   written. */
size_t	 corpus_write(const char *path, size_t want, const char *prog);

/* Write a corpus of want bytes to a new temporary file made from
   template tmpl (mkstemp); exits on failure. */
void	 corpus_temp(char *tmpl, size_t want, const char *prog);

/* Write the real pages of a folder of articles to path: dir holds one
   folder per day, each holding one article per file named
   YYYYMMDD-PP-NN.txt (as ../shared/corpus/rmrb-2019, see its README);
   the articles of one page (PP) are written one after another, as they
   are, with a form feed after each page.  Exits with a message naming
   prog when there are none.  Returns the bytes written; *npages the
   pages. */
size_t	 corpus_write_real(const char *path, const char *dir,
	    const char *prog, size_t *npages);

#endif
