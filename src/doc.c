/*
 * doc: everything the reader opened.  Each path is a file (decoded by the
 * text module into one buffer), a directory (its *.txt files in name
 * order) or "-" for standard input.  Every file is split into pages at
 * form feeds; each page is parsed into stories and its statistics found.
 * Problems are reported as "dubao: PATH: reason", one line each, and the
 * other paths still open.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "parse.h"
#include "safe.h"
#include "xmalloc.h"

/* Parse the pages of file fi and append them.  A form feed that falls
   inside a paragraph or a story (parse_soft_break: a typeset PDF's page
   is not a page of the paper) does not start a new page. */
static void
doc_add_pages(struct doc *d, size_t fi)
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
void
doc_add_text(struct doc *d, const char *path, struct text *t)
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
	doc_add_pages(d, d->nfiles - 1);
}

/* Load one file; returns 1 if it was opened, 0 after reporting why not. */
size_t
doc_open_file(struct doc *d, const char *path, FILE *err)
{
	struct text	 t;
	const char	*cause = NULL;

	memset(&t, 0, sizeof t);
	/* the line index is built when first asked for (JSON, grep...) */
	if (text_load_lazy(&t, path, &cause) != 0) {
		doc_say(err, path, "%s", cause != NULL ? cause : "cannot read");
		d->nerrors++;
		return 0;
	}
	doc_warn(path, &t, err);
	doc_add_text(d, path, &t);
	return 1;
}

/* Sort strings bytewise. */
static int
doc_namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does a directory entry name a page: *.txt, not hidden? */
int
doc_is_page_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Is path a directory (never "-")? */
int
doc_is_dir(const char *path)
{
	struct stat sb;

	return strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode);
}

/* The path of entry name in directory dir. */
char *
doc_join_path(const char *dir, const char *name)
{
	size_t plen = strlen(dir);

	if (plen > 0 && dir[plen - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* The pages of a directory, sorted; see doc.h. */
char **
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
void
doc_free_paths(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* Report why a directory gave no pages; errno as doc_dir_pages left it. */
void
doc_dir_failed(struct doc *d, const char *path, FILE *err)
{
	if (errno != 0)
		doc_say(err, path, "%s", strerror(errno));
	else
		doc_say(err, path, "no pages (*.txt) in directory");
	d->nerrors++;
}

/* Load the *.txt files of a directory in name order. */
static size_t
doc_open_dir(struct doc *d, const char *path, FILE *err)
{
	char	**pages;
	size_t	 n, i, opened = 0;

	if ((pages = doc_dir_pages(path, &n)) == NULL) {
		doc_dir_failed(d, path, err);
		return 0;
	}
	for (i = 0; i < n; i++)
		opened += doc_open_file(d, pages[i], err);
	doc_free_paths(pages, n);
	return opened;
}

/* Open files, directories and "-" and append their pages. */
size_t
doc_open(struct doc *d, char *const *paths, size_t npaths, FILE *err)
{
	size_t i, opened = 0;

	for (i = 0; i < npaths; i++) {
		if (doc_is_dir(paths[i]))
			opened += doc_open_dir(d, paths[i], err);
		else
			opened += doc_open_file(d, paths[i], err);
	}
	return opened;
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
