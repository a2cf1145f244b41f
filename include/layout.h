/*
 * layout: a story laid out for a width in cells.
 *
 * Two steps.  layout_prepare() builds, once per story, the display text of
 * each block (joined text, ASCII marks between Han made full-width unless
 * LAYOUT_RAW_PUNCT, decorations), the clreq-tailored break opportunities,
 * cell widths and grapheme boundaries; nothing there depends on the width.
 * layout_fit() then breaks lines greedily for a width: cheap, and all that
 * a resize redoes.  The result is a list of display lines with style
 * spans, shared by the plain-text dump and the terminal UI; a display line
 * never holds a control character and is never wider than the width.
 *
 * Display lines point into the prepared text: free the layout before the
 * layout_prep it came from.  Decorations added by the layout are only
 * box-drawing (U+2500-257F) and geometric-shape (U+25A0-25FF) characters
 * followed by a space, styled STYLE_DECOR: a section heading starts with
 * "■ ", a caption with "▲ " (their continuation lines are indented by 2
 * cells); headline, kicker and subtitle lines are centred; the lead,
 * paragraphs and notes have a first-line indent of 4 cells.
 */
#ifndef DUBAO_LAYOUT_H
#define DUBAO_LAYOUT_H

#include <stddef.h>

#include "page.h"
#include "stats.h"

#define LAYOUT_MIN_WIDTH	10
#define LAYOUT_MAX_WIDTH	500

#define LAYOUT_RAW_PUNCT	0x1	/* show ASCII marks as in the source */

enum style {
	STYLE_TEXT,		/* paragraph text */
	STYLE_HEADLINE,
	STYLE_KICKER,
	STYLE_SUBTITLE,
	STYLE_BYLINE,
	STYLE_DATELINE,		/* 本报讯 ... inside the first paragraph */
	STYLE_NOTE,
	STYLE_LEAD,
	STYLE_HEADING,
	STYLE_CAPTION,
	STYLE_BANNER,
	STYLE_DECOR,		/* marks added by the layout (■ ▲) */
	STYLE_STAT,		/* a statistic; dspan.sub is its enum stat_kind */
	STYLE__COUNT
};

enum dline_kind {
	DLINE_TEXT,		/* text of a block */
	DLINE_BLANK		/* empty separator line */
};

/* A styled run of a display line: bytes [start, end) of dline.text.  The
   spans of a line cover its text exactly, in order, without overlap. */
struct dspan {
	unsigned	 start, end;
	unsigned char	 style;		/* enum style */
	unsigned char	 sub;		/* STYLE_STAT: enum stat_kind */
};

struct dline {
	const char	*text;		/* UTF-8, not NUL-terminated; no indent */
	unsigned	 len;		/* bytes of text */
	unsigned short	 indent;	/* blank cells before text */
	unsigned short	 cells;		/* indent + cells of text (<= width) */
	unsigned char	 kind;		/* enum dline_kind */
	unsigned char	 style;		/* base style of the line */
	unsigned char	 flags;		/* how the line ends: */
#define DLINE_EMERGENCY	0x1		/* inside a run wider than the line (or
					   where only clreq allows a break) */
#define DLINE_HARD	0x2		/* at a line break of the source */
#define DLINE_UNIT	0x4		/* inside a statistic or URL that fits
					   but not with the marks that cling
					   to it (2021年10月，at width 10) */
	size_t		 block;		/* block index in the story, or
					   LAYOUT_NOBLOCK */
	size_t		 jstart, jend;	/* joined offsets of the block shown on
					   this line (jstart == jend if none);
					   the lines of a block partition
					   [0, joined length) */
	size_t		 span, nspans;	/* its spans in layout.spans */
};
#define LAYOUT_NOBLOCK	((size_t)-1)

/* Where the lines of one block are. */
struct layout_blines {
	size_t		 first;		/* index of its first line */
	size_t		 n;		/* number of lines (0: empty block) */
};

struct layout {
	int		 width;		/* cells, after clamping */
	struct dline	*lines;
	size_t		 nlines;
	struct dspan	*spans;
	size_t		 nspans;
	struct layout_blines *blines;	/* per block of the story */
	size_t		 nblocks;
	size_t		 scanned;	/* display bytes the fit looked at: at
					   most twice the text (a line restarts
					   at most one line back), for tests */
};

struct layout_prep;			/* opaque, width-independent */
/* Work arrays for layout_prepare_with, which a caller that prepares many
   stories in a row (the dump, the benchmark) keeps from one call to the
   next instead of each call allocating its own; grown to the largest
   block so far (freed again after a block of more than 65,536
   characters).  One user at a time. */
struct layout_scratch;

/* Prepare story st of pg.  hits are the statistics of that story (hit.story
   is ignored; hit.block indexes st->blocks); they become STYLE_STAT spans.
   Pass pg->banner as st to lay out the banner. */
struct layout_prep *layout_prepare(const struct page *pg,
	    const struct story *st, const struct stat_hit *hits, size_t nhits,
	    unsigned flags);
/* The same with the caller's work arrays (NULL: the call's own). */
struct layout_prep *layout_prepare_with(struct layout_scratch *,
	    const struct page *pg, const struct story *st,
	    const struct stat_hit *hits, size_t nhits, unsigned flags);
struct layout_scratch *layout_scratch_new(void);
void	 layout_scratch_free(struct layout_scratch *);
void	 layout_prep_free(struct layout_prep *);
/* Bytes of display text whose line breaks were asked while preparing
   (of libunistring, or of a kept scratch's cache of its answers; about
   the display length: each stretch once), for tests of complexity. */
size_t	 layout_prep_lbbytes(const struct layout_prep *);
/* Lay out for width cells (clamped to LAYOUT_MIN_WIDTH..LAYOUT_MAX_WIDTH).
   Blocks are separated by exactly one DLINE_BLANK; no blank line at the
   start or the end. */
struct layout *layout_fit(const struct layout_prep *, int width);
void	 layout_free(struct layout *);
/* The first line showing joined offset off of block, or (size_t)-1. */
size_t	 layout_find(const struct layout *, size_t block, size_t off);
/* The cells [*c0, *c1) that joined offsets [start, end) of the line's
   block occupy on line i (columns include the indent).  Returns -1 when
   the range is not on that line. */
int	 layout_cols(const struct layout_prep *, const struct layout *,
	    size_t i, size_t start, size_t end, int *c0, int *c1);

/* The display text of block b of pg on one line (marks widened unless
   flags has LAYOUT_RAW_PUNCT; no decoration, no indent), malloc'ed: for
   titles in lists and status lines. */
char	*layout_block_text(const struct page *pg, const struct block *b,
	    unsigned flags);
/* The text of every line of lay joined (no indents, no separators),
   malloc'ed. */
char	*layout_text(const struct layout *lay);

#endif
