/*
 * parse-int.h: what parse.c, parse-line.c and parse-join.c share.  Not
 * part of the public interface (see include/parse.h).
 */
#ifndef DUBAO_PARSE_INT_H
#define DUBAO_PARSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

/* Code points counted per line at most: longer lines are just "long". */
#define PARSE_LONG	4096

/* Flags of one source line (struct parse_line.flags). */
#define LF_BLANK	0x0001	/* nothing but white space */
#define LF_ENDP		0x0002	/* ends with sentence-final punctuation */
#define LF_INDENT	0x0004	/* starts with U+3000 or two spaces */
#define LF_BYLINE	0x0008	/* role word(s) and names */
#define LF_NAMES	0x0010	/* names only (a byline continued) */
#define LF_PHOTO	0x0020	/* byline whose roles are all photo credits */
#define LF_NUMBER	0x0040	/* a number on its own (page or list) */
#define LF_SUBTITLE	0x0080	/* starts with —— */
#define LF_NOTE		0x0100	/* 编者按, 链接 ... */
#define LF_MDHEAD	0x0200	/* "## heading" in an unmarked page */
#define LF_CAPSTART	0x0400	/* starts like a caption (图为, ▲) */
#define LF_CAPEND	0x0800	/* ends like a caption (摄）, 供图) */
#define LF_DATELINE	0x1000	/* starts with 本报讯, 新华社…电 */

/* One source line. */
struct parse_line {
	size_t		 start;		/* first byte after leading space */
	size_t		 end;		/* past the last non-space byte */
	size_t		 skip;		/* marker bytes to skip after start */
	size_t		 nchars;	/* code points in [start, end), at
					   most PARSE_LONG */
	uint32_t	 last;		/* last code point, 0 when blank */
	unsigned	 flags;		/* LF_* */
};

/* One item of a byline line: a role word or a name. */
struct parse_bl_item {
	struct range	 r;		/* source bytes */
	int		 role;		/* 1 for a role word, 0 for a name */
};

#define PARSE_BL_MAX	24

/* A byline line taken apart. */
struct parse_bl {
	struct parse_bl_item	 item[PARSE_BL_MAX];
	size_t			 n;
	int			 photo;	/* every role is a photo credit */
};

/* Scratch memory of one parse: blocks and pieces while they grow.  Freed
   (all at once) when parse_page ends; what it held is then copied into
   the page's pool. */
struct parse_arena {
	char			*p;		/* current chunk */
	size_t			 used, cap;	/* bytes of the chunk */
	void			*heap;		/* malloc'ed chunks, chained
						   through their first word */
};

/* Parser state shared by the driver and the heuristics. */
struct parse_ctx {
	struct page		*pg;
	const char		*buf;
	struct parse_line	*lines;
	size_t			 nlines;
	struct parse_arena	 arena;
};

/* parse-line.c */
size_t	 parse_line_split(const char *, struct range, struct parse_line **,
	    size_t);
void	 parse_line_classify(const char *, struct parse_line *);
int	 parse_line_byline(const char *, size_t, size_t, struct parse_bl *);
size_t	 parse_line_dateline(const char *, size_t, size_t, struct range *);
int	 parse_line_is_endp(uint32_t);
size_t	 parse_line_trim_start(const char *, size_t, size_t);
size_t	 parse_line_trim_end(const char *, size_t, size_t);

/* parse.c: scratch memory and page building helpers */
void	*parse_arena_alloc(struct parse_arena *, size_t);
void	*parse_arena_grow(struct parse_arena *, void *, size_t, size_t);
size_t	 parse_story_new(struct parse_ctx *);
size_t	 parse_block_new(struct parse_ctx *, struct story *, enum block_kind);
void	 parse_block_piece(struct parse_ctx *, struct block *, size_t, size_t);
void	 parse_block_line(struct parse_ctx *, struct story *, size_t,
	    const struct parse_line *);
void	 parse_bylines(struct parse_ctx *, struct story *, size_t, size_t,
	    size_t);
void	 parse_dateline(struct parse_ctx *, struct story *, size_t);

/* parse-join.c */
void	 parse_join_page(struct parse_ctx *);

#endif
