/*
 * text: one input file decoded to sanitised UTF-8 with a line index.
 *
 * Every later stage (parse, stats, layout, search) works on byte ranges
 * into text.buf.  The buffer is valid UTF-8 and contains no byte that
 * could act on a terminal: see text.c for the exact sanitising policy.
 * Requires an LC_CTYPE with UTF-8 (main sets it; tests use C.UTF-8):
 * code points that wcwidth does not know are replaced at load time.
 */
#ifndef DUBAO_TEXT_H
#define DUBAO_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* A half-open byte range [start, end) into a text buffer. */
struct range {
	size_t	start;
	size_t	end;
};

struct text {
	char		*buf;		/* decoded, sanitised UTF-8, NUL-terminated */
	size_t		 len;		/* bytes in buf, without the NUL */
	size_t		*lines;		/* byte offset where each line starts:
					   0, then after every LF except one
					   that ends buf ("a\n" is 1 line);
					   NULL after text_load_lazy until
					   text_lines (or text_line_of)
					   builds it: read it through
					   text_lines */
	size_t		 nlines;	/* entries in lines (at least 1) */
	const char	*encoding;	/* static: "UTF-8", "UTF-8 BOM", "UTF-16LE",
					   "UTF-16BE", "GB18030" */
	size_t		 ninvalid;	/* undecodable sequences made U+FFFD */
	size_t		 ncontrol;	/* control characters replaced or dropped */
	size_t		 nunknown;	/* code points wcwidth() rejects, replaced */
	struct range	*pages;		/* pages, split at form feeds (the \f
					   bytes are removed from buf) */
	size_t		 npages;	/* at least 1 (an empty text is one empty page) */
};

/* Decode n bytes (any supported encoding) into t.  Returns 0, or -1 with
   *cause set (static string) when the bytes are not text (binary). */
int	 text_from_bytes(struct text *t, const char *bytes, size_t n,
	    const char **cause);
/* Read and decode a file ("-" is stdin).  Returns 0, or -1 with *cause
   set to a static reason ("No such file or directory", "binary file"...). */
int	 text_load(struct text *t, const char *path, const char **cause);
/* As text_load, but the line index (lines) is not built: the first
   text_lines or text_line_of builds it (thread-safe).  Saves 8 bytes per
   line for texts whose line numbers nobody asks for. */
int	 text_load_lazy(struct text *t, const char *path, const char **cause);
/* Read and decode everything from a file descriptor. */
int	 text_load_fd(struct text *t, int fd, const char **cause);
/* The same after the nhead bytes head (malloc'd, taken over; NULL: none)
   were read from fd already (doc_feed); lazy as text_load_lazy. */
int	 text_load_rest(struct text *t, int fd, char *head, size_t nhead,
	    int lazy, const char **cause);
void	 text_free(struct text *t);
/* The line index of t (t->nlines entries; see lines), built on the first
   call after text_load_lazy. */
const size_t *text_lines(const struct text *t);
/* The 1-based source line holding byte offset off. */
size_t	 text_line_of(const struct text *t, size_t off);
/* True for a bidi formatting character (LRM, RLM, ALM, LRE..RLO,
   LRI..PDI), which text_load drops and safe_name replaces. */
int	 text_is_bidi(uint32_t uc);

#endif
