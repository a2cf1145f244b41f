/*
 * doc: the pages a reader opened: files and directories loaded, split into
 * pages at form feeds, parsed, and their statistics found.  Stories are
 * numbered across all pages, in order (story 1 is the first story of the
 * first page).
 */
#ifndef DUBAO_DOC_H
#define DUBAO_DOC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

#include "page.h"
#include "script.h"
#include "stats.h"
#include "text.h"

struct doc_feed;

struct doc_file {
	char		*path;		/* as given, or the directory entry */
	struct text	 text;		/* loaded by doc_load with
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

/* What a load tells another thread, and takes from it; every field is
   optional (a zeroed struct, or none, loads quietly). */
struct doc_load_ctl {
	atomic_size_t	 files;		/* files opened or failed so far */
	atomic_size_t	 total;		/* files known so far (grows as
					   directories are listed) */
	atomic_size_t	 permille;	/* of the file being loaded: its pages
					   parsed, in thousandths */
	atomic_size_t	 stories;	/* stories loaded so far */
	atomic_bool	 stop;		/* set by another thread: stop after
					   the current file */
	struct doc_feed	*in;		/* standard input as far as it was
					   read already (doc_quick_open), or
					   NULL: "-" is read from its start */
};

/* Load each path (a file, a directory of *.txt pages in name order, or
   "-" for stdin), one file at a time, and append its pages.  Problems
   are reported on err as one line "dubao: PATH: reason" each (warnings
   too, e.g. replaced bytes).  ctl (may be NULL) is updated after each
   file and page; the load returns early when ctl->stop is set.  Returns
   the number of files opened. */
size_t	 doc_load(struct doc *d, char *const *paths, size_t npaths,
	    FILE *err, struct doc_load_ctl *ctl);
/* doc_load without a control. */
size_t	 doc_open(struct doc *d, char *const *paths, size_t npaths, FILE *err);
/* The first *.txt page of directory dir in name order, as a path
   "dir/name" (malloc'ed), and in *n how many there are; NULL when there
   is none or the directory cannot be read. */
char	*doc_first_page(const char *dir, size_t *n);
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
/* The index of the first page of file f (of the first page after it
   when it has none; npages at the end). */
size_t	 doc_file_first_page(const struct doc *d, size_t f);
/* The global index of the first story of file f (of the first story
   after it when it has none). */
size_t	 doc_file_first_story(const struct doc *d, size_t f);
/* The file whose path is path, or (size_t)-1. */
size_t	 doc_file_of_path(const struct doc *d, const char *path);
/* A name for page i: the file's path made printable (safe_name), with
   "#N" for page N of a file that has several.  Returns a malloc'ed
   string. */
char	*doc_page_name(const struct doc *d, size_t i);

#endif
