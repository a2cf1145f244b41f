/*
 * page: the structure recovered from one printed page.
 *
 * page -> stories -> blocks.  A block is a headline, a byline, a section
 * heading, a paragraph, a caption... made of one or more pieces: byte
 * ranges of the source text, in reading order.  A paragraph that the
 * printed columns cut apart has several pieces (its continuation may lie
 * much further down the source).  Nothing is copied: all text stays in
 * the struct text the page points into.
 *
 * The "joined text" of a block is its pieces concatenated (see
 * page_block_join): that is what statistics, search and layout read, and
 * offsets into it ("joined offsets") are how they point into a block.
 */
#ifndef DUBAO_PAGE_H
#define DUBAO_PAGE_H

#include <stddef.h>

#include "text.h"

enum block_kind {
	BLOCK_HEADLINE,		/* the story's title (主题) */
	BLOCK_KICKER,		/* line above the headline (引题) */
	BLOCK_SUBTITLE,		/* line below the headline (副题) */
	BLOCK_BYLINE,		/* 本报记者 王春苗 陈毅人 */
	BLOCK_NOTE,		/* 编者按, 链接, notes set apart from the body */
	BLOCK_LEAD,		/* the first paragraph of the body */
	BLOCK_HEADING,		/* a section heading (小标题) */
	BLOCK_PARAGRAPH,
	BLOCK_CAPTION,		/* photo caption */
	BLOCK_BANNER,		/* a line of the page's column banner */
	BLOCK__COUNT
};

struct block {
	enum block_kind	 kind;
	int		 section;	/* section index in its story, -1 before
					   the first section heading */
	struct range	*pieces;	/* source bytes, in reading order */
	size_t		 npieces;
};

/* One author credit: role (本报记者, 通讯员 ...) and names. */
struct byline {
	struct range	 role;		/* source bytes of the role word */
	struct range	*names;		/* one range per name; a name padded
					   with spaces (倪  弋) is one range */
	size_t		 nnames;
	size_t		 block;		/* index of the block it came from: a
					   BLOCK_BYLINE, a credit's
					   BLOCK_CAPTION (张三摄, a closing
					   本报记者  叶传增文), or the dateline's
					   block (本报讯（记者 张三）) */
};

struct section {
	size_t		 heading;	/* block index of its BLOCK_HEADING */
	size_t		 end;		/* block index past its last block */
};

struct story {
	struct block	*blocks;
	size_t		 nblocks;
	struct byline	*bylines;
	size_t		 nbylines;
	struct section	*sections;
	size_t		 nsections;
	struct range	 dateline;	/* 本报讯 or 本报讯（记者 …）: joined
					   offsets into block dateline_block;
					   empty (start == end) when none */
	size_t		 dateline_block;
};

/* What only some pages have.  A page has one (page.extra) when it has
   web debris or a contents list; most pages have neither and no struct
   page_extra.  (Whether a page was read as Markdown is not kept: nothing
   reads it after parsing; parse_explain says it.) */
struct page_extra {
	struct story	 dropped;	/* web debris taken out of the text
					   (cookie notices, share and print
					   lines, 责任编辑 …): one
					   BLOCK_BANNER block per line, never
					   shown; --json lists it as
					   boilerplate; no blocks when none */
	size_t		 contents_first; /* banner blocks [contents_first,
					   contents_first + ncontents) are a
					   contents list (numbered titles at
					   the front of a day's file); none
					   when ncontents is 0 */
	size_t		 ncontents;
};

struct page {
	const struct text *text;	/* the text the ranges point into */
	struct range	 span;		/* the page's bytes in text */
	size_t		 number;	/* 1-based page number within its file */
	struct story	*stories;
	size_t		 nstories;
	struct story	 banner;	/* column banner: BLOCK_BANNER blocks,
					   page metadata, not body text (the
					   title, the motto, one block per
					   co-organiser line, page numbers) */
	struct page_extra *extra;	/* what few pages have (web debris, a
					   contents list), or NULL when the
					   page has neither (most pages: it
					   keeps struct page small) */
	void		*pool;		/* when not NULL, one allocation that
					   holds the stories array, the blocks,
					   bylines and sections of every story,
					   of the banner and of extra->dropped,
					   the struct page_extra, and all
					   pieces and names (what parse_page
					   builds); when NULL, each of these
					   arrays, and extra, is allocated on
					   its own */
};

/* Release what a page owns (not its text). */
void	 page_free(struct page *);
/* The block's joined text: its pieces concatenated; where two pieces
   meet between Latin letters or digits a single space is put between
   them, between any two pieces of a byline (names continue on the next
   line), and after a first piece that is a list number of one to three
   digits.  Returns a malloc'ed NUL-terminated string and its length in
   *len; when map is not NULL, *map receives a malloc'ed array of *len + 1
   source offsets (map[i] = source byte of joined byte i; map[*len] = end
   of the last piece; an inserted space maps to the start of the next
   piece). */
char	*page_block_join(const struct page *, const struct block *,
	    size_t *len, size_t **map);
/* The joined text of a block without copying when it can: a block of at
   most one non-empty piece is that piece's bytes in the source (not
   NUL-terminated); otherwise the pieces are joined as by page_block_join
   into *scratch (of *cap bytes, grown as needed, NUL-terminated; the
   caller frees it).  Its length goes to *len. */
const char *page_block_text(const struct page *, const struct block *,
	    size_t *len, char **scratch, size_t *cap);
/* The headline block of a story, or NULL if it has none. */
const struct block *page_story_headline(const struct story *);
/* Name of a block kind as used in --json ("paragraph", "heading"...). */
const char *page_kind_name(enum block_kind);

#endif
