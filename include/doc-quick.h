/*
 * doc-quick: open a document in two steps, so that the reader can show
 * its first screen at once.
 *
 * doc_quick_open loads only what the first screen needs: the first file
 * of the first path (of a directory: its first *.txt page in name
 * order), and of a file larger than the budget only a prefix cut at its
 * last form feed (whole pages), else at its last blank line (a partial
 * page, provisional).  doc_quick_load then loads everything, as doc_open
 * does, one file at a time, telling its progress and stopping when asked
 * (it is meant to run in a worker thread while the reader shows the
 * quick document).  The quick document's pages are the first pages of
 * the full one (the last quick page may be cut short), so stories keep
 * their numbers.
 */
#ifndef DUBAO_DOC_QUICK_H
#define DUBAO_DOC_QUICK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

#include "doc.h"

#define DOC_QUICK_BUDGET	(128 * 1024)	/* bytes read for the first screen */
#define DOC_QUICK_WAIT_MS	100	/* on a pipe: or what came by then */

/* doc_quick_open results. */
#define DOC_QUICK_NONE		(-1)	/* nothing loaded: use doc_open */
#define DOC_QUICK_PARTIAL	0	/* the first pages; doc_quick_load the rest */
#define DOC_QUICK_COMPLETE	1	/* everything: the same as doc_open */

/* Progress of doc_quick_load, read by other threads. */
struct doc_quick_progress {
	atomic_size_t	 files;		/* files opened or failed so far */
	atomic_size_t	 total;		/* files known so far (grows as
					   directories are listed) */
	atomic_size_t	 stories;	/* stories loaded so far */
	atomic_bool	 stop;		/* set by another thread: stop after
					   the current file */
};

/* Load into quick (empty but for its script, which is kept) what the
   first screen of the paths needs, reading at most about budget bytes of
   the first file.  Of standard
   input ("-") the first budget bytes are read, or what came within
   DOC_QUICK_WAIT_MS of the first bytes (a slow writer), and given back
   for the full load (text_stdin_unread); an input that ends first is
   left to it whole (DOC_QUICK_NONE).  Special files are not opened
   (DOC_QUICK_NONE).  Messages go
   to err only when the result is DOC_QUICK_COMPLETE (else the full load
   reports them).  Returns DOC_QUICK_NONE, DOC_QUICK_PARTIAL or
   DOC_QUICK_COMPLETE. */
int	 doc_quick_open(struct doc *quick, char *const *paths, size_t npaths,
	    size_t budget, FILE *err);
/* Load every path into d, as doc_open does, updating *pr (may be NULL)
   after each file and returning early when pr->stop is set.  Returns the
   number of files opened. */
size_t	 doc_quick_load(struct doc *d, char *const *paths, size_t npaths,
	    FILE *err, struct doc_quick_progress *pr);
/* Where to cut a prefix of n bytes of a file so that it holds whole
   pages (after the last form feed), else whole paragraphs (after the last
   blank line), else whole lines, else whole characters; understands
   UTF-16 with a byte order mark.  Returns the length to keep (> 0 when
   n > 0). */
size_t	 doc_quick_cut(const char *buf, size_t n);

#endif
