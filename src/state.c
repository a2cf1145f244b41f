/*
 * state: key -> value stores kept between runs (see state.h for the file
 * format and the merge-on-save rule).
 *
 * In memory a store is an array of entries, oldest first; setting a key
 * moves it to the end, so the oldest entries are the ones dropped when
 * the store grows beyond its maximum.  Deletions are kept as entries with
 * a NULL value until the save, so that the merge can apply them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safe.h"
#include "state.h"
#include "xmalloc.h"

#define STATE_MAGIC	"dubao-state 1"
/* A store file larger than this is not ours (1000 entries of a few KB
   at most): it is ignored like a corrupt one rather than read. */
#define STATE_MAX_BYTES	(16u << 20)

/* The state directory. */
char *
state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");

	/* The XDG spec: a relative path is invalid and must be ignored. */
	if (x != NULL && x[0] == '/')
		return xasprintf("%s/dubao", x);
	if (h != NULL && h[0] != '\0')
		return xasprintf("%s/.local/state/dubao", h);
	return NULL;
}

/* mkdir -p, mode 0700 for what it creates. */
static int
state_mkdirs(const char *dir)
{
	char	*p = xstrdup(dir), *s;
	int	 rc = 0;

	for (s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

/* Escape a key or value for the file. */
static void
state_put(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\\\", fp);
		else if (*s == '\t')
			fputs("\\t", fp);
		else if (*s == '\n')
			fputs("\\n", fp);
		else
			fputc(*s, fp);
	}
}

/* Unescape s[0..n) in place into a new string; NULL on a bad escape or
   a raw tab. */
static char *
state_unescape(const char *s, size_t n)
{
	char	*o = xmalloc(n + 1), *q = o;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\0')
			goto bad;
		if (s[i] != '\\') {
			*q++ = s[i];
			continue;
		}
		if (++i >= n)
			goto bad;
		switch (s[i]) {
		case '\\':
			*q++ = '\\';
			break;
		case 't':
			*q++ = '\t';
			break;
		case 'n':
			*q++ = '\n';
			break;
		default:
			goto bad;
		}
	}
	*q = '\0';
	return o;
bad:
	free(o);
	return NULL;
}

/* Index of key, or -1. */
static long
state_find(const struct state *st, const char *key)
{
	size_t	 i;

	for (i = st->n; i-- > 0;)
		if (strcmp(st->e[i].key, key) == 0)
			return (long)i;
	return -1;
}

/* Put an entry (taking key and value) at the end, replacing the key. */
static void
state_append(struct state *st, char *key, char *value, bool dirty)
{
	long	 i = state_find(st, key);

	if (i >= 0) {
		free(st->e[i].key);
		free(st->e[i].value);
		memmove(&st->e[i], &st->e[i + 1],
		    (st->n - (size_t)i - 1) * sizeof *st->e);
		st->n--;
	}
	st->e = xreallocarray(st->e, st->n + 1, sizeof *st->e);
	st->e[st->n].key = key;
	st->e[st->n].value = value;
	st->e[st->n].dirty = dirty;
	st->n++;
}

/* Free all entries. */
static void
state_clear(struct state *st)
{
	size_t	 i;

	for (i = 0; i < st->n; i++) {
		free(st->e[i].key);
		free(st->e[i].value);
	}
	free(st->e);
	st->e = NULL;
	st->n = 0;
}

/* Push an entry at the end without looking for its key. */
static void
state_push(struct state *st, char *key, char *value, size_t *cap)
{
	if (st->n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		st->e = xreallocarray(st->e, *cap, sizeof *st->e);
	}
	st->e[st->n].key = key;
	st->e[st->n].value = value;
	st->e[st->n].dirty = false;
	st->n++;
}

struct state_ref {
	const char	*key;
	size_t		 i;
};

static int
state_ref_cmp(const void *a, const void *b)
{
	const struct state_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Keep only the last entry of each key, in order: O(n log n), so that
   a hostile file of a million lines does not take an hour (state_find
   on each line would be quadratic). */
static void
state_dedupe(struct state *st)
{
	struct state_ref *r;
	bool		*drop;
	size_t		 i, o;

	if (st->n < 2)
		return;
	r = xreallocarray(NULL, st->n, sizeof *r);
	drop = xcalloc(st->n, sizeof *drop);
	for (i = 0; i < st->n; i++) {
		r[i].key = st->e[i].key;
		r[i].i = i;
	}
	qsort(r, st->n, sizeof *r, state_ref_cmp);
	for (i = 0; i + 1 < st->n; i++)
		if (strcmp(r[i].key, r[i + 1].key) == 0)
			drop[r[i].i] = true;
	for (i = o = 0; i < st->n; i++) {
		if (drop[i]) {
			free(st->e[i].key);
			free(st->e[i].value);
		} else
			st->e[o++] = st->e[i];
	}
	st->n = o;
	free(drop);
	free(r);
}

/* Parse the bytes of a store file into the empty st (not dirty).
   Returns -1 when they are not a store file. */
static int
state_parse(struct state *st, const char *buf, size_t len)
{
	const char	*p = buf, *end = buf + len, *nl, *tab;
	size_t		 ml = strlen(STATE_MAGIC), cap = st->n;
	char		*k, *v;

	if (len < ml + 1 || memcmp(buf, STATE_MAGIC "\n", ml + 1) != 0)
		return -1;
	for (p = buf + ml + 1; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return -1;	/* truncated: no final newline */
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab == NULL || tab == p)
			return -1;
		k = state_unescape(p, (size_t)(tab - p));
		v = state_unescape(tab + 1, (size_t)(nl - tab - 1));
		if (k == NULL || v == NULL) {
			free(k);
			free(v);
			return -1;
		}
		state_push(st, k, v, &cap);
	}
	state_dedupe(st);
	return 0;
}

/* Read the whole file fd. */
static char *
state_slurp(int fd, size_t *len)
{
	size_t	 n = 0, cap = 4096;
	char	*b = xmalloc(cap);
	ssize_t	 r;

	for (;;) {
		if (n == cap)
			b = xrealloc(b, cap *= 2);
		r = read(fd, b + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(b);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return b;
}

/* Read the file into st.  0: read (or missing); -1: unreadable, with
   *why; -2: corrupt (*why NULL) or too large (*why set). */
static int
state_read(struct state *st, const char **why)
{
	int		 fd, rc;
	size_t		 len;
	char		*buf;
	struct stat	 sb;

	*why = NULL;
	/* O_NONBLOCK: a FIFO put in the file's place must not hang us. */
	fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*why = fstat(fd, &sb) != 0 ? strerror(errno) :
		    S_ISDIR(sb.st_mode) ? strerror(EISDIR) :
		    "not a regular file";
		close(fd);
		return -1;
	}
	if ((unsigned long long)sb.st_size > STATE_MAX_BYTES) {
		*why = "too large";
		close(fd);
		return -2;
	}
	buf = state_slurp(fd, &len);
	if (buf == NULL)
		*why = strerror(errno);
	close(fd);
	if (buf == NULL)
		return -1;
	rc = state_parse(st, buf, len) == 0 ? 0 : -2;
	free(buf);
	if (rc != 0)
		state_clear(st);
	return rc;
}

/* Open and read a store. */
int
state_open(struct state *st, const char *dir, const char *name,
    char **warning)
{
	char		*d = dir != NULL ? xstrdup(dir) : state_dir(), *sp;
	const char	*why = NULL;
	int		 rc;

	memset(st, 0, sizeof *st);
	st->max = STATE_MAX_ENTRIES;
	*warning = NULL;
	if (d == NULL) {
		*warning = xstrdup("no state directory (HOME is not set)");
		return -1;
	}
	st->path = xasprintf("%s/%s", d, name);
	free(d);
	rc = state_read(st, &why);
	if (rc != 0) {
		sp = safe_name(st->path);
		if (rc == -1)
			*warning = xasprintf("%s: %s", sp, why);
		else
			*warning = xasprintf("not a dubao state file%s%s, "
			    "ignored: %s", why != NULL ? ": " : "",
			    why != NULL ? why : "", sp);
		free(sp);
	}
	return rc == 0 ? 0 : -1;
}

void
state_close(struct state *st)
{
	state_clear(st);
	free(st->path);
	st->path = NULL;
}

/* The value of key, or NULL. */
const char *
state_get(const struct state *st, const char *key)
{
	long	 i = state_find(st, key);

	return i < 0 ? NULL : st->e[i].value;
}

/* Set or delete a key. */
void
state_set(struct state *st, const char *key, const char *value)
{
	state_append(st, xstrdup(key), value != NULL ? xstrdup(value) : NULL,
	    true);
}

/* Write the entries of st (the newest max ones) to fp. */
static void
state_write(const struct state *st, FILE *fp)
{
	size_t	 i, live = 0, skip;

	for (i = 0; i < st->n; i++)
		if (st->e[i].value != NULL)
			live++;
	skip = live > st->max ? live - st->max : 0;
	fputs(STATE_MAGIC "\n", fp);
	for (i = 0; i < st->n; i++) {
		if (st->e[i].value == NULL)
			continue;
		if (skip > 0) {
			skip--;
			continue;
		}
		state_put(fp, st->e[i].key);
		fputc('\t', fp);
		state_put(fp, st->e[i].value);
		fputc('\n', fp);
	}
}

/* "PATH: reason", the path made printable. */
static char *
state_cause(const char *path, const char *why)
{
	char	*sp = safe_name(path), *c;

	c = xasprintf("%s: %s", sp, why);
	free(sp);
	return c;
}

/* Write the changes, merged with the file. */
int
state_save(struct state *st, char **cause)
{
	struct state	 disk;
	const char	*why = NULL;
	char		*dir, *slash, *lock = NULL, *tmp = NULL;
	int		 lfd = -1, tfd = -1, rc = -1, lr = -1;
	size_t		 i;
	FILE		*fp = NULL;

	*cause = NULL;
	if (st->path == NULL) {
		*cause = xstrdup("no state file");
		return -1;
	}
	dir = xstrdup(st->path);
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	if (state_mkdirs(dir) != 0) {
		*cause = state_cause(dir, strerror(errno));
		free(dir);
		return -1;
	}
	lock = xasprintf("%s.lock", st->path);
	lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0600);
	if (lfd >= 0) {
		/* A signal (SIGWINCH, no SA_RESTART) while another reader
		   holds the lock is no reason to give up. */
		while ((lr = flock(lfd, LOCK_EX)) != 0 && errno == EINTR)
			continue;
	}
	if (lfd < 0 || lr != 0) {
		*cause = state_cause(lock, strerror(errno));
		goto out;
	}

	/* Merge: what is on disk now, with our changes on top. */
	memset(&disk, 0, sizeof disk);
	disk.path = st->path;
	disk.max = st->max;
	if (state_read(&disk, &why) == -1) {
		*cause = state_cause(st->path, why);
		goto out;
	}
	for (i = 0; i < st->n; i++)
		if (st->e[i].dirty)
			state_append(&disk, xstrdup(st->e[i].key),
			    st->e[i].value != NULL ?
			    xstrdup(st->e[i].value) : NULL, false);

	tmp = xasprintf("%s.XXXXXX", st->path);
	tfd = mkstemp(tmp);
	if (tfd < 0 || (fp = fdopen(tfd, "w")) == NULL) {
		*cause = state_cause(tmp, strerror(errno));
		if (tfd >= 0)
			close(tfd);
		free(tmp);
		tmp = NULL;
		state_clear(&disk);
		goto out;
	}
	state_write(&disk, fp);
	if (fflush(fp) != 0 || ferror(fp) || fsync(tfd) != 0) {
		*cause = state_cause(tmp, strerror(errno));
		fclose(fp);
		unlink(tmp);
		state_clear(&disk);
		goto out;
	}
	if (fclose(fp) != 0) {
		*cause = state_cause(tmp, strerror(errno));
		unlink(tmp);
		state_clear(&disk);
		goto out;
	}
	if (rename(tmp, st->path) != 0) {
		*cause = state_cause(st->path, strerror(errno));
		unlink(tmp);
		state_clear(&disk);
		goto out;
	}
	/* Make the rename itself durable. */
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	/* Memory now mirrors the file; nothing is left to write. */
	state_clear(st);
	st->e = disk.e;
	st->n = disk.n;
	rc = 0;
out:
	if (lfd >= 0)
		close(lfd);	/* releases the lock */
	free(lock);
	free(tmp);
	free(dir);
	return rc;
}
