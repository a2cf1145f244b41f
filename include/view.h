/*
 * view: the reader's viewport over a whole document, without a terminal.
 *
 * The document is read as one continuous column of rows, exactly the
 * lines of the text dump at the same width: per page its banner, then its
 * stories, with a separator of three rows (blank, rule, blank) before
 * every story but the first of a page and a double rule between pages.
 * Each banner or story is a "unit"; rows are addressed as (unit, line)
 * with line in [-sep, nlines): negative lines are the separator rows
 * before the unit.
 *
 * The reading position is kept as an anchor that survives re-layout:
 * (unit, block, joined offset) of the top text line plus a row delta.
 * A story is prepared (layout_prepare) the first time it comes near the
 * screen, and fitted (layout_fit) once per width; a new width frees the
 * fits, never the preparations.
 *
 * Highlights (statistics marked from the panel, search hits) are joined
 * byte ranges of blocks; the UI draws them and view_hl_next jumps to them.
 */
#ifndef DUBAO_VIEW_H
#define DUBAO_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "layout.h"

#define VIEW_BANNER	((size_t)-1)	/* unit.story of a page banner */
#define VIEW_SEP_ROWS	3		/* blank, rule, blank */

enum view_rule {
	VIEW_RULE_NONE,
	VIEW_RULE_STORY,		/* ─ between stories of a page */
	VIEW_RULE_PAGE			/* ═ between pages */
};

struct view_unit {
	size_t		 page;		/* index in doc.pages */
	size_t		 story;		/* story index in the page, or VIEW_BANNER */
	size_t		 gstory;	/* global story index, or VIEW_BANNER */
	int		 sep;		/* separator rows before it: 0 or VIEW_SEP_ROWS */
	int		 rule;		/* enum view_rule of the separator */
	size_t		 weight;	/* source bytes, for the percentage */
	struct layout_prep *prep;	/* NULL until first needed */
	struct layout	*lay[2];	/* fits: [0] current width, [1] previous */
};

/* A reading position that survives a new width. */
struct view_pos {
	size_t		 unit;
	size_t		 block;		/* LAYOUT_NOBLOCK: line is relative to
					   the unit's first line */
	size_t		 off;		/* joined offset in the block */
	long		 delta;		/* rows from the anchor line */
};

enum view_row_kind {
	VIEW_ROW_LINE,			/* a display line of a unit: row.dl */
	VIEW_ROW_BLANK,			/* separator blank */
	VIEW_ROW_RULE,			/* separator rule (row.rule says which) */
	VIEW_ROW_END			/* past the end of the document */
};

/* What one screen row shows. */
struct view_row {
	enum view_row_kind kind;
	size_t		 unit;
	long		 line;		/* line in the unit (<0: separator) */
	int		 rule;		/* enum view_rule for VIEW_ROW_RULE */
	const struct dline *dl;		/* VIEW_ROW_LINE only */
	const struct layout *lay;	/* VIEW_ROW_LINE only */
};

enum view_hl_kind {
	VIEW_HL_STAT,			/* a statistic chosen in the panel */
	VIEW_HL_SEARCH,			/* a search hit */
	VIEW_HL__COUNT
};

struct view_hl {
	size_t		 unit;
	size_t		 block;
	size_t		 start, end;	/* joined offsets in the block */
	int		 kind;		/* enum view_hl_kind */
};

struct view {
	const struct doc *doc;
	unsigned	 flags;		/* LAYOUT_* flags for layout_prepare */
	int		 width;		/* cells of text */
	int		 height;	/* rows of text on screen */
	struct view_unit *units;
	size_t		 nunits;
	size_t		 total_weight;
	size_t		 top_unit;	/* the top row, resolved from pos */
	long		 top_line;
	struct view_pos	 pos;		/* anchor of the top row */
	struct view_hl	*hl;		/* sorted by unit, block, start */
	size_t		 nhl;
	size_t		 hl_cap;	/* slots allocated in hl */
	long		 hl_cur;	/* index of the highlight last jumped
					   to (view_hl_next), or -1 */
	size_t		 nprepared;	/* statistics: layout_prepare calls */
	size_t		 nfitted;	/* statistics: layout_fit calls */
};

/* Set up a view of d with nothing laid out yet. */
void	 view_init(struct view *, const struct doc *d, unsigned flags);
void	 view_free(struct view *);
/* Move the view onto d, a fuller load of the same files whose pages
   begin as the old document's did (see doc-quick.h): the same story,
   block and offset stay on top.  Layouts and highlights are dropped (the
   old document may be freed afterwards). */
void	 view_rebase(struct view *, const struct doc *d);
/* Set the text width (cells) and height (rows); keeps the position. */
void	 view_resize(struct view *, int width, int height);
/* The unit's layout at the current width (made on demand). */
const struct layout *view_layout(struct view *, size_t unit);
/* The unit showing global story gs, or (size_t)-1. */
size_t	 view_unit_of_story(const struct view *, size_t gs);
/* The unit of story st of page p (st may be VIEW_BANNER), or (size_t)-1. */
size_t	 view_unit_of(const struct view *, size_t p, size_t st);

/* What screen row r (0 = top) shows. */
void	 view_row(struct view *, int r, struct view_row *);
/* Scroll by n rows (negative: up).  Returns the rows actually moved. */
long	 view_scroll(struct view *, long n);
void	 view_top(struct view *);
void	 view_bottom(struct view *);
/* True when the last row of the document is on screen. */
bool	 view_at_end(struct view *);
/* Put joined offset off of block (LAYOUT_NOBLOCK: the unit's first line)
   of unit u on screen row row (clamped so that the screen stays full). */
void	 view_goto(struct view *, size_t u, size_t block, size_t off, int row);
/* Move by n stories: to the n-th story start (its first line) below the
   top row, or for n < 0 above it, the top of the document counting as
   the start before the first story (so that "]" and "[" undo each
   other).  Returns the stories moved (0: none further). */
long	 view_story(struct view *, long n);
/* Same for section headings, across stories. */
long	 view_section(struct view *, long n);

/* The place being read: the first text line on screen.  *unit and *block
   (LAYOUT_NOBLOCK when the screen shows no text line) and *off. */
void	 view_current(struct view *, size_t *unit, size_t *block,
	    size_t *off);
/* The global story being read (the first one whose text is on screen;
   0 when none). */
size_t	 view_current_story(struct view *);
/* Section index (in its story) of the place being read, or -1. */
int	 view_current_section(struct view *);
/* Percentage of the document above the bottom of the screen. */
int	 view_percent(struct view *);
/* Put the line at pct per cent of the document (by source bytes, as
   view_percent counts) at the top; 100 and more: the last screen. */
void	 view_goto_percent(struct view *, long pct);
/* The reading position as global story, block and joined offset (for
   saving); false when the top is in a banner. */
bool	 view_where(struct view *, size_t *gs, size_t *block, size_t *off);
/* Go back to a saved position; false when it does not fit the document. */
bool	 view_restore(struct view *, size_t gs, size_t block, size_t off);

/* Go back to a position saved from view.pos (e.g. when a search is
   cancelled). */
void	 view_set_pos(struct view *, const struct view_pos *);
/* True when the line showing joined offset off of block (LAYOUT_NOBLOCK:
   the unit's first line) of unit u is on screen. */
bool	 view_visible(struct view *, size_t u, size_t block, size_t off);
/* The first and last unit with rows on screen. */
void	 view_units_shown(struct view *, size_t *first, size_t *last);

/* The text of joined bytes [start, end) of block b of pg as the reader
   shows it: marks widened as in the text (，（） next to Chinese) unless
   flags has LAYOUT_RAW_PUNCT, controls dropped (see layout_block_text),
   malloc'ed, with [*ms, *me) set to where the joined bytes [mstart, mend)
   inside it lie (ms, me may be NULL).  For the contexts of lists (the
   statistics, the matches) and the outline, so that they show what the
   text shows. */
char	*view_span_text(const struct page *pg, const struct block *b,
	    size_t start, size_t end, size_t mstart, size_t mend,
	    unsigned flags, size_t *ms, size_t *me);

/* Highlights. */
void	 view_hl_add(struct view *, size_t unit, size_t block, size_t start,
	    size_t end, int kind);
void	 view_hl_clear(struct view *, int kind);
/* The index of the first highlight of (unit, block) or after it (nhl
   when none is): a binary search, for drawing a line. */
size_t	 view_hl_first(const struct view *, size_t unit, size_t block);
/* Make the highlight of a kind starting at (unit, block, start) the
   current one (view.hl_cur); returns its index, or -1 (none current). */
long	 view_hl_current(struct view *, int kind, size_t unit, size_t block,
	    size_t start);
/* Jump to the next (dir > 0) or previous highlight of a kind: after the
   current one (view.hl_cur) while it is on screen, else after row
   height/3, where the highlight is then put.  Returns its index, or -1
   when there is none. */
long	 view_hl_next(struct view *, int kind, int dir);

#endif
