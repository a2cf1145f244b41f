/*
 * doc-quick: the first screen first, then the rest (see doc-quick.h).
 *
 * The quick step costs what the first screen needs and no more: a stat
 * of each path it looks at, the names of a directory (listed and sorted,
 * not opened), and one read of at most the budget from the first file.
 * A prefix is cut where the bytes cannot be in the middle of a character
 * or of a CR LF: just after a form feed or a line feed (in UTF-8 and in
 * GB18030 these bytes never occur inside a multibyte character; in
 * UTF-16 the cut is on a code unit).  Names are made as doc_open makes
 * them, so the quick document's file has the full one's path (the
 * reading position is saved under it).
 *
 * The full step walks the paths as doc_open does, but calls doc_open on
 * one file at a time, so that another thread can follow its progress and
 * stop it between files.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doc-quick.h"
#include "text.h"
#include "xmalloc.h"

/* The first *.txt name of a directory in name order (without sorting
   them all), and how many there are; NULL when none. */
static char *
doc_quick_first_name(const char *path, size_t *n)
{
	DIR		*dir;
	struct dirent	*de;
	char		*best = NULL;

	*n = 0;
	if ((dir = opendir(path)) == NULL)
		return NULL;
	while ((de = readdir(dir)) != NULL) {
		if (!doc_is_page_name(de->d_name))
			continue;
		(*n)++;
		if (best == NULL || strcmp(de->d_name, best) < 0) {
			free(best);
			best = xstrdup(de->d_name);
		}
	}
	closedir(dir);
	return best;
}

/* Code unit i (of size us) of buf, as a number. */
static unsigned
doc_quick_unit(const unsigned char *b, size_t i, size_t us, int le)
{
	if (us == 1)
		return b[i];
	return le ? (unsigned)b[i] | (unsigned)b[i + 1] << 8 :
	    (unsigned)b[i] << 8 | (unsigned)b[i + 1];
}

/* Where to cut a prefix; see doc-quick.h. */
size_t
doc_quick_cut(const char *buf, size_t n)
{
	const unsigned char	*b = (const unsigned char *)buf, *ff;
	size_t			 us = 1, start = 0, i, end, lf = 0, blank = 0;
	size_t			 next = 0;	/* just after the unit last seen
						   that is not blank */
	int			 le = 0;
	unsigned		 c, prev = 0;

	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
	    (b[0] == 0xFE && b[1] == 0xFF))) {
		us = 2;
		le = b[0] == 0xFF;
		start = 2;
	}
	end = start + (n - start) / us * us;
	if (us == 1 && (ff = memrchr(b, '\f', n)) != NULL)
		return (size_t)(ff - b) + 1;
	/* Walking back: the last form feed wins; the last blank line (LF,
	   blanks or CR, LF) and the last LF are noted on the way. */
	for (i = end; i > start;) {
		i -= us;
		c = doc_quick_unit(b, i, us, le);
		if (c == '\f')
			return i + us;
		if (c == '\n') {
			if (lf == 0)
				lf = i + us;
			if (blank == 0 && prev == '\n')
				blank = next;
		}
		if (c != '\r' && c != ' ' && c != '\t') {
			prev = c;
			next = i + us;
		}
	}
	if (blank != 0)
		return blank;
	if (lf != 0)
		return lf;
	if (us == 2) {
		/* Not between the halves of a surrogate pair. */
		if (end - start >= 2) {
			c = doc_quick_unit(b, end - 2, us, le);
			if (c >= 0xD800 && c < 0xDC00)
				end -= 2;
		}
		return end > start ? end : n;
	}
	/* Whole characters: a UTF-8 sequence cut short at the end is left
	   out (other encodings break lines long before). */
	for (i = end; i > 0 && end - i < 3 && (b[i - 1] & 0xC0) == 0x80; i--)
		;
	if (i > 0 && b[i - 1] >= 0xC0) {
		size_t len = b[i - 1] >= 0xF0 ? 4 : b[i - 1] >= 0xE0 ? 3 : 2;

		if (i - 1 + len > end)
			end = i - 1;
	}
	return end > 0 ? end : n;
}

/* Read up to n bytes of path from its start; returns the bytes read, or
   (size_t)-1. */
static size_t
doc_quick_read(const char *path, char *buf, size_t n)
{
	size_t	 got = 0;
	ssize_t	 r;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (size_t)-1;
	while (got < n) {
		r = read(fd, buf + got, n - got);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return (size_t)-1;
		}
		got += (size_t)r;
	}
	close(fd);
	return got;
}

/* Milliseconds since some fixed point. */
static long long
doc_quick_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Standard input cannot be read twice: read a prefix of it (the budget,
   or what came within DOC_QUICK_WAIT_MS once something came: a slow
   writer), give all of it back for the full load (text_stdin_unread),
   and open its whole pages (doc_quick_cut) as the quick document.  When
   the input ends first, the full load is as quick: nothing here. */
static int
doc_quick_stdin(struct doc *quick, size_t budget)
{
	struct pollfd	 pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	char		*buf;
	size_t		 n = 0, cut;
	ssize_t		 r;
	long long	 t0 = 0, left = -1;
	bool		 end = false;

	buf = xmalloc(budget);
	while (n < budget) {
		/* Nothing yet: wait for it; else at most the rest of the
		   DOC_QUICK_WAIT_MS counted from the first bytes. */
		if (n > 0 && (left = DOC_QUICK_WAIT_MS -
		    (doc_quick_ms() - t0)) <= 0)
			break;
		if (poll(&pfd, 1, (int)left) == 0)
			break;		/* slow: show what came */
		r = read(STDIN_FILENO, buf + n, budget - n);
		if (r == 0) {
			end = true;
			break;
		}
		if (r < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			end = true;	/* the full load reads again and says */
			break;
		}
		if (n == 0)
			t0 = doc_quick_ms();	/* the wait starts now */
		n += (size_t)r;
	}
	if (end || n == 0) {
		text_stdin_unread(buf, n);
		return DOC_QUICK_NONE;
	}
	cut = doc_quick_cut(buf, n);
	doc_add_bytes(quick, "-", buf, cut);
	text_stdin_unread(buf, n);
	if (quick->nerrors > 0 || quick->nfiles == 0) {
		doc_free(quick);
		return DOC_QUICK_NONE;
	}
	return DOC_QUICK_PARTIAL;
}

/* Load the first pages of one regular file of size bytes. */
static int
doc_quick_prefix(struct doc *quick, const char *path, size_t size,
    size_t budget)
{
	char	*buf;
	size_t	 n, cut;

	buf = xmalloc(budget);
	n = doc_quick_read(path, buf, budget);
	if (n == (size_t)-1 || n == 0 || n >= size) {
		/* Changed under us, or unreadable: the full load says. */
		free(buf);
		return DOC_QUICK_NONE;
	}
	cut = doc_quick_cut(buf, n);
	doc_add_bytes(quick, path, buf, cut);
	free(buf);
	if (quick->nerrors > 0 || quick->nfiles == 0) {
		doc_free(quick);
		return DOC_QUICK_NONE;
	}
	return DOC_QUICK_PARTIAL;
}

/* Load what the first screen needs; see doc-quick.h. */
int
doc_quick_open(struct doc *quick, char *const *paths, size_t npaths,
    size_t budget, FILE *err)
{
	struct stat	 sb;
	char		*name, *first;
	size_t		 nnames = 0;
	int		 all, rv;
	enum script	 script;

	script = quick->script;		/* the one setting a caller makes */
	memset(quick, 0, sizeof *quick);
	quick->script = script;
	if (npaths > 0 && strcmp(paths[0], "-") == 0)
		return doc_quick_stdin(quick, budget);
	if (npaths == 0 || stat(paths[0], &sb) != 0)
		return DOC_QUICK_NONE;
	all = npaths == 1;
	if (S_ISDIR(sb.st_mode)) {
		if ((name = doc_quick_first_name(paths[0], &nnames)) == NULL)
			return DOC_QUICK_NONE;
		all = all && nnames == 1;
		first = doc_join_path(paths[0], name);
		free(name);
		if (stat(first, &sb) != 0) {
			free(first);
			return DOC_QUICK_NONE;
		}
	} else
		first = xstrdup(paths[0]);
	if (!S_ISREG(sb.st_mode)) {
		/* A pipe cannot be read twice; a directory named *.txt is
		   for the full load to report. */
		free(first);
		return DOC_QUICK_NONE;
	}
	if ((size_t)sb.st_size > budget)
		rv = doc_quick_prefix(quick, first, (size_t)sb.st_size, budget);
	else if (all) {
		/* Small enough: this is the whole document. */
		rv = DOC_QUICK_COMPLETE;
		if (doc_open(quick, paths, npaths, err) == 0) {
			doc_free(quick);
			rv = DOC_QUICK_NONE;
		}
	} else {
		rv = DOC_QUICK_PARTIAL;
		if (doc_open(quick, &first, 1, NULL) == 0 ||
		    quick->nerrors > 0) {
			doc_free(quick);
			rv = DOC_QUICK_NONE;
		}
	}
	free(first);
	return rv;
}

/* Note one more file done. */
static void
doc_quick_step(const struct doc *d, struct doc_quick_progress *pr)
{
	if (pr == NULL)
		return;
	atomic_fetch_add(&pr->files, 1);
	atomic_store(&pr->stories, d->nstories);
}

/* Has another thread asked to stop? */
static bool
doc_quick_stopped(struct doc_quick_progress *pr)
{
	return pr != NULL && atomic_load(&pr->stop);
}

/* Load every path, one file at a time; see doc-quick.h. */
size_t
doc_quick_load(struct doc *d, char *const *paths, size_t npaths, FILE *err,
    struct doc_quick_progress *pr)
{
	char		**pages;
	size_t		 i, j, n, opened = 0;

	if (pr != NULL)
		atomic_fetch_add(&pr->total, npaths);
	for (i = 0; i < npaths && !doc_quick_stopped(pr); i++) {
		if (!doc_is_dir(paths[i])) {
			opened += doc_open_file(d, paths[i], err);
			doc_quick_step(d, pr);
			continue;
		}
		if ((pages = doc_dir_pages(paths[i], &n)) == NULL) {
			doc_dir_failed(d, paths[i], err);
			doc_quick_step(d, pr);
			continue;
		}
		if (pr != NULL)
			atomic_fetch_add(&pr->total, n - 1);
		for (j = 0; j < n && !doc_quick_stopped(pr); j++) {
			opened += doc_open_file(d, pages[j], err);
			doc_quick_step(d, pr);
		}
		doc_free_paths(pages, n);
	}
	return opened;
}
