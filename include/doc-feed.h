/*
 * doc-feed: a page that arrives on a pipe, read as it comes.
 *
 * A feed keeps every byte read so far from its descriptor (standard
 * input), so that the reader can show the pages that are complete while
 * the rest is still being written (pdftotext paper.pdf - | dubao): a page
 * is complete when a form feed ends it, or when the writer pauses after
 * it.  The bytes are read once: the full load takes them over
 * (doc_feed_finish) and reads on from where the feed stopped.
 */
#ifndef DUBAO_DOC_FEED_H
#define DUBAO_DOC_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "doc.h"

struct doc_feed {
	int		 fd;
	char		*buf;		/* the bytes read so far */
	size_t		 len, cap;
	bool		 end;		/* the input ended (or failed: error) */
	int		 error;		/* errno of a failed read, or 0 */
	long long	 t_first;	/* ms (CLOCK_MONOTONIC) of the first
					   bytes, 0: none yet */
	long long	 t_last;	/* ms of the last bytes */
};

/* A feed of descriptor fd, nothing read yet. */
void	 doc_feed_init(struct doc_feed *, int fd);
/* Wait at most wait_ms (-1: until something happens) for the input and
   read what is there, up to max bytes in all (0: no bound).  Returns the
   bytes read; 0 after a timeout, at the end (f->end) or at the bound. */
size_t	 doc_feed_read(struct doc_feed *, int wait_ms, size_t max);
/* Milliseconds of CLOCK_MONOTONIC (the clock of t_first, t_last). */
long long doc_feed_ms(void);
/* Load the first n bytes into d as file "-" (a quick document: no
   messages).  Returns 0, or -1 when they are not text. */
int	 doc_feed_doc(const struct doc_feed *, struct doc *d, size_t n);
/* Everything: the bytes read, then the rest of the input to its end,
   decoded into t (lazy: see text_load_lazy).  The feed is empty after.
   Returns 0, or -1 with *cause set. */
int	 doc_feed_finish(struct doc_feed *, struct text *t, int lazy,
	    const char **cause);
void	 doc_feed_free(struct doc_feed *);

#endif
