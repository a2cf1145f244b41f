/*
 * doc-feed: a page that arrives on a pipe (see doc-feed.h).
 *
 * Reads are poll() then read() of what is there, so that a reader
 * waiting for a slow writer can still look at the clock; the buffer
 * grows by doubling.  Once the input ends (or fails), nothing more is
 * read and the bytes stay for doc_feed_finish, which hands them to the
 * text module as the head of the input (text_load_rest): a failure
 * is then reported by the read of the rest, like any other.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "doc-feed.h"
#include "xmalloc.h"

#define DOC_FEED_CHUNK	(64 * 1024)

/* A feed of fd. */
void
doc_feed_init(struct doc_feed *f, int fd)
{
	memset(f, 0, sizeof *f);
	f->fd = fd;
}

/* Milliseconds of the monotonic clock. */
long long
doc_feed_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for the input and read what is there. */
size_t
doc_feed_read(struct doc_feed *f, int wait_ms, size_t max)
{
	struct pollfd	 pfd = { .fd = f->fd, .events = POLLIN };
	size_t		 room;
	ssize_t		 r;
	int		 pr;

	if (f->end || (max > 0 && f->len >= max))
		return 0;
	do
		pr = poll(&pfd, 1, wait_ms);
	while (pr < 0 && errno == EINTR && wait_ms < 0);
	if (pr <= 0)
		return 0;		/* nothing came in time */
	if (f->cap - f->len < DOC_FEED_CHUNK) {
		f->cap = f->cap == 0 ? 2 * DOC_FEED_CHUNK : 2 * f->cap;
		f->buf = xrealloc(f->buf, f->cap);
	}
	room = f->cap - f->len;
	if (max > 0 && room > max - f->len)
		room = max - f->len;
	r = read(f->fd, f->buf + f->len, room);
	if (r < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (r <= 0) {
		/* The end, or an error that the full read will meet and
		   report again. */
		f->end = true;
		f->error = r < 0 ? errno : 0;
		return 0;
	}
	f->t_last = doc_feed_ms();
	if (f->len == 0)
		f->t_first = f->t_last;
	f->len += (size_t)r;
	return (size_t)r;
}

/* Load the first n bytes as file "-". */
int
doc_feed_doc(const struct doc_feed *f, struct doc *d, size_t n)
{
	if (n > f->len)
		n = f->len;
	doc_add_bytes(d, "-", f->buf != NULL ? f->buf : "", n);
	return d->nerrors > 0 || d->nfiles == 0 ? -1 : 0;
}

/* Everything, the rest read to the end. */
int
doc_feed_finish(struct doc_feed *f, struct text *t, int lazy,
    const char **cause)
{
	char	*head = f->buf;
	size_t	 n = f->len;

	f->buf = NULL;
	f->len = f->cap = 0;
	if (head != NULL && n == 0) {
		free(head);
		head = NULL;
	}
	return text_load_rest(t, f->fd, head, n, lazy, cause);
}

/* Free the bytes. */
void
doc_feed_free(struct doc_feed *f)
{
	free(f->buf);
	f->buf = NULL;
	f->len = f->cap = 0;
}
