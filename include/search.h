/*
 * search: find a pattern in the text of a document, in reading order.
 *
 * The searchable units are the joined texts of the blocks (page_block_join):
 * for each page, first the banner blocks, then each story's blocks.  So a
 * word that a column break cut into two pieces of one block is found, and
 * a match never spans two blocks.  A search index holds, once per document,
 * all joined texts in one contiguous buffer (each unit followed by a NUL)
 * and, built on first use, the same text folded for searching (NFKC and
 * Unicode case folding, applied per character or per combining sequence)
 * with a map from folded bytes back to whole characters of the joined text.
 * Displayed text is never folded: hits are joined offsets of the original.
 *
 * Matches are leftmost and non-overlapping (like grep -o); empty matches
 * are never reported, and the empty pattern matches nothing.
 */
#ifndef DUBAO_SEARCH_H
#define DUBAO_SEARCH_H

#include <stddef.h>

#include "text.h"

struct doc;
struct page;

/* search_compile() flags; the default is a literal, folded search. */
#define SEARCH_EXACT	0x1	/* byte-exact: no case or width folding */
#define SEARCH_REGEX	0x2	/* PCRE2 (UTF, UCP); caseless on the folded
				   text unless SEARCH_EXACT */

/* hit.story of a banner block (the page's column banner). */
#define SEARCH_BANNER	((size_t)-1)

/* search_next() results. */
#define SEARCH_NONE	0	/* no match anywhere */
#define SEARCH_FOUND	1
#define SEARCH_WRAPPED	2	/* found after wrapping past an end */

/* A match: whole characters [start, end) of a block's joined text. */
struct search_hit {
	size_t		 page;		/* index of the page in the index */
	size_t		 story;		/* story index in the page, or
					   SEARCH_BANNER */
	size_t		 block;		/* block index in the story */
	size_t		 start, end;	/* joined offsets (bytes) */
};

/* A place to search from: joined offset off of a block. */
struct search_pos {
	size_t		 page;
	size_t		 story;		/* or SEARCH_BANNER */
	size_t		 block;
	size_t		 off;		/* joined offset (bytes) */
};

struct search;				/* a compiled pattern */
struct search_index;			/* the searchable text of a document */

/* Compile pattern with SEARCH_* flags.  Returns NULL on a pattern that
   is not valid UTF-8 or an invalid regular expression, with *cause set to a malloc'ed one-line message
   ("invalid regular expression: missing closing parenthesis at
   character 3", characters counted from 0). */
struct search	*search_compile(const char *pattern, unsigned flags,
		    char **cause);
void		 search_free(struct search *);
/* The pattern and flags it was compiled from. */
const char	*search_pattern(const struct search *);
unsigned	 search_flags(const struct search *);

/* Index every page of d (pages and stories in the doc's order).  The doc
   must outlive the index and not change. */
struct search_index *search_index_doc(const struct doc *d);
/* Index a single page (as page 0), e.g. one built by hand in a test. */
struct search_index *search_index_page(const struct page *pg);
void		 search_index_free(struct search_index *);
/* Build the folded text now (otherwise the first folded search does);
   the one-time cost that benchmarks report apart from searching. */
void		 search_index_fold(struct search_index *);
/* Bytes of joined text indexed (separators included). */
size_t		 search_index_size(const struct search_index *);
/* The joined text of a block (NUL-terminated, not a copy; valid as long
   as the index) and its length, or NULL when the block is not indexed. */
const char	*search_joined(const struct search_index *, size_t page,
		    size_t story, size_t block, size_t *len);

/* All matches in reading order: returns their number and a malloc'ed
   array in *hits (NULL when there are none). */
size_t		 search_doc(struct search_index *, const struct search *,
		    struct search_hit **hits);
/* The matches in one story (story may be SEARCH_BANNER), for
   highlighting what is on screen. */
size_t		 search_story(struct search_index *, const struct search *,
		    size_t page, size_t story, struct search_hit **hits);
/* Count the matches without keeping them. */
size_t		 search_count(struct search_index *, const struct search *);
/* The number of matches starting before pos (the 0-based rank of the
   hit at pos: "match i/N" counts it with i = rank + 1). */
size_t		 search_count_before(struct search_index *,
		    const struct search *, const struct search_pos *pos);
/* The next match in reading order starting at or after pos (backward:
   the last one starting before pos), wrapping around the document.
   Returns SEARCH_NONE, SEARCH_FOUND or SEARCH_WRAPPED and fills *hit.
   For n from a current hit h pass h.start + 1, for N pass h.start. */
int		 search_next(struct search_index *, const struct search *,
		    const struct search_pos *pos, int backward,
		    struct search_hit *hit);

/* The source bytes of a hit: from the source of its first character to
   the end of the source of its last one (a hit across a column break
   covers whatever lies between its pieces).  Returns 0, or -1 when the
   hit's block is not indexed. */
int		 search_hit_source(const struct search_index *,
		    const struct search_hit *, struct range *src);
/* The 1-based source line of the start of a hit (0 if not indexed). */
size_t		 search_hit_line(const struct search_index *,
		    const struct search_hit *);
/* A single line of context for a hit: its sentence in the joined text,
   cut to at most around characters on each side of the match ("…" marks
   a cut), control characters made spaces.  Returns a malloc'ed string;
   *mstart, *mend receive the match's byte offsets in it. */
char		*search_context(const struct search_index *,
		    const struct search_hit *, size_t around, size_t *mstart,
		    size_t *mend);

/* Fold a UTF-8 string the way the index folds text (NFKC + case folding,
   per character or combining sequence).  Returns a malloc'ed
   NUL-terminated string and its length in *len. */
char		*search_fold(const char *s, size_t n, size_t *len);

#endif
