/*
 * doc: everything the reader opened.  Each path is a file (decoded by the
 * text module into one buffer), a directory (its *.txt files in name
 * order) or "-" for standard input.  Every file is split into pages at
 * form feeds; each page is parsed into stories and its statistics found.
 * Problems are reported as "dubao: PATH: reason", one line each, and the
 * other paths still open.
 *
 * doc_load goes one file at a time (a directory is listed, then its pages
 * loaded one by one), so that another thread can follow its progress and
 * stop it between files (doc_load_ctl): the reader loads a big document
 * that way behind its first screen (doc-quick.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "doc-feed.h"
#include "parse.h"
#include "safe.h"
#include "xmalloc.h"

/* Parse the pages of file fi and append them, telling ctl how far.  A
   form feed that falls inside a paragraph or a story (parse_soft_break:
   a typeset PDF's page is not a page of the paper) does not start a new
   page. */
static void
doc_add_pages(struct doc *d, size_t fi, struct doc_load_ctl *ctl)
{
	const struct text	*t = &d->files[fi].text;
	struct doc_page		*dp;
	struct range		 span;
	size_t			 i, j, n = 0;

	if (d->npages + t->npages > d->cap_pages) {
		d->cap_pages = 2 * (d->npages + t->npages);
		d->pages = xreallocarray(d->pages, d->cap_pages,
		    sizeof *d->pages);
	}
	for (i = 0; i < t->npages; i = j) {
		span = t->pages[i];
		for (j = i + 1; j < t->npages && parse_soft_break(t,
		    t->pages[j - 1], t->pages[j], NULL); j++)
			span.end = t->pages[j].end;
		dp = &d->pages[d->npages++];
		memset(dp, 0, sizeof *dp);
		dp->file = fi;
		parse_page(&dp->page, t, span);
		dp->page.number = ++n;
		dp->first_story = d->nstories;
		d->nstories += dp->page.nstories;
		stats_page(&dp->page, &dp->stats);
		if (ctl != NULL)
			atomic_store(&ctl->permille, j * 1000 / t->npages);
	}
}

/* Print "dubao: PATH: message" on err, the path made printable. */
static void __attribute__((format(printf, 3, 4)))
doc_say(FILE *err, const char *path, const char *fmt, ...)
{
	va_list	 ap;
	char	*shown;

	if (err == NULL)
		return;
	shown = safe_name(strcmp(path, "-") == 0 ? "(stdin)" : path);
	fprintf(err, "dubao: %s: ", shown);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputc('\n', err);
	free(shown);
}

/* Report what decoding repaired in a file. */
static void
doc_warn(const char *path, const struct text *t, FILE *err)
{
	if (t->ninvalid > 0)
		doc_say(err, path, "%zu invalid byte sequence%s replaced by "
		    "U+FFFD", t->ninvalid, t->ninvalid == 1 ? "" : "s");
	if (t->ncontrol > 0)
		doc_say(err, path, "%zu control character%s removed or shown "
		    "as symbols", t->ncontrol, t->ncontrol == 1 ? "" : "s");
}

/* Take ownership of a decoded text as a new file named path. */
static void
doc_add_text_ctl(struct doc *d, const char *path, struct text *t,
    struct doc_load_ctl *ctl)
{
	struct doc_file	*f, *old = d->files;
	size_t		 i;

	/* Grow by doubling; pages point into the files' texts, so re-point
	   them when the array moves. */
	if ((d->nfiles & (d->nfiles - 1)) == 0) {
		d->files = xreallocarray(d->files, d->nfiles ? 2 * d->nfiles : 1,
		    sizeof *d->files);
		if (d->files != old)
			for (i = 0; i < d->npages; i++)
				d->pages[i].page.text =
				    &d->files[d->pages[i].file].text;
	}
	f = &d->files[d->nfiles++];
	f->path = xstrdup(path);
	f->conv = NULL;
	/* (a missing dictionary leaves the text as it is: main and the
	   reader say so with script_check) */
	if (d->script != SCRIPT_ORIGINAL)
		script_convert(t, d->script, &f->conv, NULL);
	f->text = *t;
	doc_add_pages(d, d->nfiles - 1, ctl);
}

/* Take over a decoded text as a new file named path. */
void
doc_add_text(struct doc *d, const char *path, struct text *t)
{
	doc_add_text_ctl(d, path, t, NULL);
}

/* Load one file; returns 1 if it was opened, 0 after reporting why not.
   Standard input starts with what ctl->in read of it already. */
static size_t
doc_load_file(struct doc *d, const char *path, FILE *err,
    struct doc_load_ctl *ctl)
{
	struct text	 t;
	const char	*cause = NULL;
	int		 r;

	memset(&t, 0, sizeof t);
	if (ctl != NULL)
		atomic_store(&ctl->permille, 0);
	/* the line index is built when first asked for (JSON, grep...) */
	if (strcmp(path, "-") == 0 && ctl != NULL && ctl->in != NULL) {
		r = doc_feed_finish(ctl->in, &t, 1, &cause);
		ctl->in = NULL;		/* standard input is read once */
	} else
		r = text_load_lazy(&t, path, &cause);
	if (r != 0) {
		doc_say(err, path, "%s", cause != NULL ? cause : "cannot read");
		d->nerrors++;
		return 0;
	}
	doc_warn(path, &t, err);
	doc_add_text_ctl(d, path, &t, ctl);
	return 1;
}

/* Sort strings bytewise. */
static int
doc_namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does a directory entry name a page: *.txt, not hidden? */
static bool
doc_is_page_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Is path a directory (never "-")? */
static bool
doc_is_dir(const char *path)
{
	struct stat sb;

	return strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode);
}

/* The path of entry name in directory dir. */
static char *
doc_join_path(const char *dir, const char *name)
{
	size_t plen = strlen(dir);

	if (plen > 0 && dir[plen - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* The *.txt pages of a directory, sorted bytewise, as paths "dir/name"
   (free with doc_free_paths).  NULL with *n = 0 when there are none
   (errno 0) or the directory cannot be read (errno set). */
static char **
doc_dir_pages(const char *path, size_t *n)
{
	DIR		*dir;
	struct dirent	*de;
	char		**names = NULL, *full;
	size_t		 cap = 0, i;

	*n = 0;
	if ((dir = opendir(path)) == NULL)
		return NULL;
	while ((de = readdir(dir)) != NULL) {
		if (!doc_is_page_name(de->d_name))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (*n == 0) {
		free(names);
		errno = 0;
		return NULL;
	}
	qsort(names, *n, sizeof *names, doc_namecmp);
	for (i = 0; i < *n; i++) {
		full = doc_join_path(path, names[i]);
		free(names[i]);
		names[i] = full;
	}
	return names;
}

/* Free what doc_dir_pages returned. */
static void
doc_free_paths(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* The first page of a directory, without sorting them all. */
char *
doc_first_page(const char *path, size_t *n)
{
	DIR		*dir;
	struct dirent	*de;
	char		*best = NULL, *full;

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
	if (best == NULL)
		return NULL;
	full = doc_join_path(path, best);
	free(best);
	return full;
}

/* Note one more file done. */
static void
doc_load_step(const struct doc *d, struct doc_load_ctl *ctl)
{
	if (ctl == NULL)
		return;
	atomic_fetch_add(&ctl->files, 1);
	atomic_store(&ctl->stories, d->nstories);
}

/* Has another thread asked to stop? */
static bool
doc_load_stopped(struct doc_load_ctl *ctl)
{
	return ctl != NULL && atomic_load(&ctl->stop);
}

/* Load the *.txt files of a directory in name order. */
static size_t
doc_load_dir(struct doc *d, const char *path, FILE *err,
    struct doc_load_ctl *ctl)
{
	char	**pages;
	size_t	 n, i, opened = 0;

	if ((pages = doc_dir_pages(path, &n)) == NULL) {
		if (errno != 0)
			doc_say(err, path, "%s", strerror(errno));
		else
			doc_say(err, path, "no pages (*.txt) in directory");
		d->nerrors++;
		doc_load_step(d, ctl);
		return 0;
	}
	if (ctl != NULL)
		atomic_fetch_add(&ctl->total, n - 1);
	for (i = 0; i < n && !doc_load_stopped(ctl); i++) {
		opened += doc_load_file(d, pages[i], err, ctl);
		doc_load_step(d, ctl);
	}
	doc_free_paths(pages, n);
	return opened;
}

/* Load every path, one file at a time. */
size_t
doc_load(struct doc *d, char *const *paths, size_t npaths, FILE *err,
    struct doc_load_ctl *ctl)
{
	size_t	 i, opened = 0;

	if (ctl != NULL)
		atomic_fetch_add(&ctl->total, npaths);
	for (i = 0; i < npaths && !doc_load_stopped(ctl); i++) {
		if (doc_is_dir(paths[i]))
			opened += doc_load_dir(d, paths[i], err, ctl);
		else {
			opened += doc_load_file(d, paths[i], err, ctl);
			doc_load_step(d, ctl);
		}
	}
	return opened;
}

/* doc_load without a control. */
size_t
doc_open(struct doc *d, char *const *paths, size_t npaths, FILE *err)
{
	return doc_load(d, paths, npaths, err, NULL);
}

/* Decode bytes and append them as a file named name. */
void
doc_add_bytes(struct doc *d, const char *name, const char *bytes, size_t n)
{
	struct text	 t;
	const char	*cause;

	memset(&t, 0, sizeof t);
	if (text_from_bytes(&t, bytes, n, &cause) != 0) {
		d->nerrors++;
		return;
	}
	doc_add_text(d, name, &t);
}

/* Release everything the doc holds. */
void
doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->npages; i++) {
		page_free(&d->pages[i].page);
		stats_list_free(&d->pages[i].stats);
	}
	for (i = 0; i < d->nfiles; i++) {
		text_free(&d->files[i].text);
		script_conv_free(d->files[i].conv);
		free(d->files[i].path);
	}
	free(d->pages);
	free(d->files);
	memset(d, 0, sizeof *d);
}

/* Find the page holding global story gs. */
struct doc_page *
doc_story(const struct doc *d, size_t gs, size_t *st)
{
	size_t lo = 0, hi = d->npages, mid;

	if (gs >= d->nstories)
		return NULL;
	/* Last page whose first_story <= gs and that has stories. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (d->pages[mid].first_story <= gs)
			lo = mid;
		else
			hi = mid;
	}
	while (lo < d->npages && gs >= d->pages[lo].first_story +
	    d->pages[lo].page.nstories)
		lo++;
	if (lo >= d->npages)
		return NULL;
	if (st != NULL)
		*st = gs - d->pages[lo].first_story;
	return &d->pages[lo];
}

/* The first page of file f, or of the first file after it; npages when
   none (pages are in file order). */
size_t
doc_file_first_page(const struct doc *d, size_t f)
{
	size_t	 lo = 0, hi = d->npages, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->pages[mid].file < f)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first story of file f: of its first page. */
size_t
doc_file_first_story(const struct doc *d, size_t f)
{
	size_t	 p = doc_file_first_page(d, f);

	return p < d->npages ? d->pages[p].first_story : d->nstories;
}

/* The file loaded from path. */
size_t
doc_file_of_path(const struct doc *d, const char *path)
{
	size_t	 i;

	for (i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i].path, path) == 0)
			return i;
	return (size_t)-1;
}

/* Name page i for people: its file, and "#N" in a file of several pages. */
char *
doc_page_name(const struct doc *d, size_t i)
{
	const struct doc_page	*dp = &d->pages[i];
	const struct doc_file	*f = &d->files[dp->file];
	char			*path, *name;

	path = safe_name(strcmp(f->path, "-") == 0 ? "(stdin)" : f->path);
	if (!(i > 0 && d->pages[i - 1].file == dp->file) &&
	    !(i + 1 < d->npages && d->pages[i + 1].file == dp->file))
		return path;	/* the file's only page */
	name = xasprintf("%s#%zu", path, dp->page.number);
	free(path);
	return name;
}
