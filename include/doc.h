/*
 * doc: the pages a reader opened: files and directories loaded, split into
 * pages at form feeds, parsed, and their statistics found.  Stories are
 * numbered across all pages, in order (story 1 is the first story of the
 * first page).
 */
#ifndef DUBAO_DOC_H
#define DUBAO_DOC_H

#include <stdio.h>

#include "page.h"
#include "script.h"
#include "stats.h"
#include "text.h"

struct doc_file {
	char		*path;		/* as given, or the directory entry */
	struct text	 text;		/* loaded by doc_open with
					   text_load_lazy: text.lines is NULL
					   until text_lines builds it; in
					   doc.script when conv is not NULL */
	struct script_conv *conv;	/* the conversion, which holds the
					   source text, or NULL: text is the
					   source */
};

struct doc_page {
	struct page	 page;
	size_t		 file;		/* index in doc.files */
	size_t		 first_story;	/* global index of its first story */
	struct stat_list stats;		/* statistics of the page, hit.story is
					   the story index within the page */
};

struct doc {
	struct doc_file	*files;
	size_t		 nfiles;
	struct doc_page	*pages;
	size_t		 npages;
	size_t		 cap_pages;	/* allocated entries of pages */
	size_t		 nstories;	/* across all pages */
	int		 nerrors;	/* paths that could not be opened */
	enum script	 script;	/* set before opening: every text is
					   converted to it (script_convert) */
};

/* Open each path (a file, a directory of *.txt pages, or "-" for stdin)
   and append its pages.  Problems are reported on err as one line
   "dubao: PATH: reason" each (warnings too, e.g. replaced bytes).
   Returns the number of files opened. */
size_t	 doc_open(struct doc *d, char *const *paths, size_t npaths, FILE *err);
/* Load one file (not a directory: that is reported as an error) and
   append its pages.  Returns 1, or 0 after reporting why not. */
size_t	 doc_open_file(struct doc *d, const char *path, FILE *err);
/* The *.txt pages of directory path (hidden files excepted), sorted
   bytewise, as malloc'ed paths "path/name"; free with doc_free_paths.
   NULL with *n = 0 when there are none (errno 0) or the directory cannot
   be read (errno set). */
char	**doc_dir_pages(const char *path, size_t *n);
void	 doc_free_paths(char **paths, size_t n);
/* Report, as doc_open does, why doc_dir_pages gave nothing; counts an
   error. */
void	 doc_dir_failed(struct doc *d, const char *path, FILE *err);
/* Does a directory entry name a page (*.txt, not hidden)? */
int	 doc_is_page_name(const char *name);
/* Is path a directory (never "-")? */
int	 doc_is_dir(const char *path);
/* The path of entry name in directory dir. */
char	*doc_join_path(const char *dir, const char *name);
/* Open decoded bytes as a file named name (for tests and fuzzers). */
void	 doc_add_bytes(struct doc *d, const char *name, const char *bytes,
	    size_t n);
/* Take over a decoded text as a new file named path: converted to
   d->script, split into pages, parsed, its statistics found. */
void	 doc_add_text(struct doc *d, const char *path, struct text *t);
void	 doc_free(struct doc *d);
/* The page holding global story index gs; *st receives the story index
   within that page.  NULL when gs is out of range. */
struct doc_page *doc_story(const struct doc *d, size_t gs, size_t *st);
/* A name for page i: the file's path made printable (safe_name), with
   "#N" for page N of a file that has several.  Returns a malloc'ed
   string. */
char	*doc_page_name(const struct doc *d, size_t i);

#endif
