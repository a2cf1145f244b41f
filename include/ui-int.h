/*
 * ui-int: what the terminal modules (src/ui*.c) share: the reader's
 * state, the mode callback table, the drawing calls of ui-draw.c and the
 * list widget of ui-list.c.  No curses types: attributes and keys are
 * plain ints here, so that only src/ui*.c include <curses.h>.
 *
 * Screen: row 0 is the header (the page banner), the last row the status
 * line; the rows between show the text, centred in its column.  A panel
 * (outline, statistics, help, prompt) is a mode on top of the text: a
 * sidebar on the left when the terminal is wide enough, else an overlay.
 */
#ifndef DUBAO_UI_INT_H
#define DUBAO_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "doc.h"
#include "layout.h"
#include "state.h"
#include "ui-keys.h"
#include "ui.h"
#include "view.h"

#define UI_MIN_COLS	20		/* smaller: a notice instead */
#define UI_MIN_LINES	6
#define UI_SIDEBAR_COLS	110		/* room for a sidebar from here */

/* Styles beyond the layout's (enum style): the reader's own chrome. */
enum ui_style {
	UI_STYLE_HEADER = STYLE__COUNT,	/* banner line */
	UI_STYLE_STATUS,		/* status line */
	UI_STYLE_ERROR,			/* an error message in the status line */
	UI_STYLE_TITLE,			/* a panel's title */
	UI_STYLE_BORDER,		/* panel frame */
	UI_STYLE_SELECT,		/* the selected list row */
	UI_STYLE_MARK,			/* a statistic marked from the panel */
	UI_STYLE_SEARCH,		/* a search hit */
	UI_STYLE_CURRENT,		/* the current search hit */
	UI_STYLE_GROUP,			/* a group heading in a list */
	UI_STYLE_DIM,			/* context, hints */
	UI_STYLE__COUNT
};
/* Statistic kinds (bars, spans) get styles from here on. */
#define UI_STYLE_KIND(k)	(UI_STYLE__COUNT + (int)(k))
#define UI_NSTYLES		(UI_STYLE__COUNT + STAT__COUNT)

struct ui;

/* A mode: a panel drawn over or beside the text.  key returns true when
   it used the key; unused keys go to the text. */
struct ui_mode {
	const char	*name;
	bool		 sidebar;	/* may be drawn as a sidebar */
	bool		 line;		/* lives in the status line */
	void		*(*init)(struct ui *);
	void		 (*free)(struct ui *, void *);
	void		 (*draw)(struct ui *, void *, int y, int x, int h,
			    int w);
	bool		 (*key)(struct ui *, void *, wint_t ch, bool fkey,
			    long count);
	/* A click at (y, x) inside the panel's area. */
	void		 (*click)(struct ui *, void *, int y, int x);
	/* Wheel: n rows (negative: up). */
	void		 (*wheel)(struct ui *, void *, int n);
};

/* The search hook: what the prompt hands over and what n/N use. */
struct ui_search {
	char		*pattern;	/* last pattern, or NULL */
	bool		 backward;	/* last direction was ? */
};

struct ui {
	struct doc	*doc;
	const struct ui_opts *opts;
	struct view	 view;
	int		 measure;	/* cells, 0: full width */
	int		 lines, cols;	/* screen size */
	bool		 small;		/* below UI_MIN_COLS x UI_MIN_LINES */
	int		 text_x, text_w; /* text column on screen */
	int		 text_y, text_h;
	const struct ui_mode *panel;	/* open panel or NULL */
	void		*panel_data;
	bool		 panel_side;	/* drawn as a sidebar */
	int		 side_w;	/* sidebar columns (0: none) */
	char		 msg[256];	/* status message, "" for none */
	bool		 msg_error;
	long		 count;		/* numeric prefix being typed, 0: none */
	bool		 quit;
	bool		 color;		/* colours in use */
	struct ui_search search;
};

/* ui.c */
void	 ui_message(struct ui *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Open a panel (closing another); NULL closes. */
void	 ui_open(struct ui *, const struct ui_mode *);
/* Recompute the screen geometry and the view's width after a change of
   size, measure or panel. */
void	 ui_geometry(struct ui *);
/* The title of a unit: its story's headline, the page name for a banner.
   Malloc'ed. */
char	*ui_unit_title(struct ui *, size_t unit);

/* ui-draw.c: the only code that writes text cells. */
void	 ui_draw_init(bool color);
/* The attribute (curses attr_t | COLOR_PAIR) of a style. */
int	 ui_draw_attr(int style);
/* Draw UTF-8 s[0..len) at (y, x) in at most w cells with the attribute;
   returns the cells drawn.  A character that would not fit whole is not
   drawn; controls become U+FFFD. */
int	 ui_draw_str(int y, int x, int w, const char *s, size_t len, int attr);
/* Blank w cells at (y, x) with the attribute. */
void	 ui_draw_fill(int y, int x, int w, int attr);
/* Repeat a one-character UTF-8 glyph over w cells. */
void	 ui_draw_repeat(int y, int x, int w, const char *glyph, int attr);
/* An overlay on a display line: cells [c0, c1) get extra attributes. */
struct ui_overlay {
	int		 c0, c1;
	int		 attr;
};
/* Draw display line dl of lay at (y, x), w cells (the rest blanked),
   with its style spans and the overlays. */
void	 ui_draw_dline(int y, int x, int w, const struct layout *lay,
	    const struct dline *dl, const struct ui_overlay *ov, size_t nov);
/* Cells a UTF-8 string takes (as ui_draw_str would draw it). */
int	 ui_draw_width(const char *s, size_t len);
/* A horizontal bar of value/max over w cells in eighths (▏…█). */
void	 ui_draw_bar(int y, int x, int w, double value, double max, int attr);

/* ui-list.c: a scrolling list with a selection, for panels. */
struct ui_list {
	size_t		 n;		/* items */
	size_t		 sel;		/* selected item */
	size_t		 top;		/* first item shown */
	int		 y, x, h, w;	/* where it was last drawn */
	/* Draw item i in w cells at (y, x); sel: it is selected. */
	void		 (*draw_item)(struct ui *, void *, size_t i, int y,
			    int x, int w, bool sel);
	/* May item i be selected? (NULL: all) */
	bool		 (*selectable)(void *, size_t i);
	void		*arg;
};
void	 ui_list_draw(struct ui *, struct ui_list *, const char *title,
	    int y, int x, int h, int w);
/* Handle a list command; returns true when the selection or scroll
   changed (UI_CMD_SELECT is left to the caller). */
bool	 ui_list_cmd(struct ui_list *, enum ui_cmd, long count);
/* The item at screen row y, or (size_t)-1. */
size_t	 ui_list_at(const struct ui_list *, int y, int x);
void	 ui_list_wheel(struct ui_list *, int n);
/* Select item i and bring it into view. */
void	 ui_list_select(struct ui_list *, size_t i);

/* The modes. */
extern const struct ui_mode ui_toc_mode;
extern const struct ui_mode ui_stats_mode;
extern const struct ui_mode ui_help_mode;
extern const struct ui_mode ui_prompt_mode;

/* ui-pager.c: the text. */
void	 ui_pager_draw(struct ui *);
/* Handle a key for the text; false when unbound. */
bool	 ui_pager_key(struct ui *, wint_t ch, bool fkey, long count);
/* Run one text command count times. */
void	 ui_pager_cmd(struct ui *, enum ui_cmd, long count);
/* The search hook: the prompt's result (backward for ?). */
void	 ui_pager_search(struct ui *, const char *pattern, bool backward);

/* ui-prompt.c: read a line in the status row; done(ui, text or NULL when
   cancelled, arg). */
void	 ui_prompt_open(struct ui *, const char *prefix,
	    void (*done)(struct ui *, const char *, void *), void *arg);

#endif
