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
#include "lineedit.h"
#include "search.h"
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

/* A place in the document shown, kept across a swap of the document
   (ui.c: ui_swap): a panel's entry, the marked statistic, the current
   match.  A fuller document shares it; a document in another script has
   it found again through the source byte it shows (ui-script.c). */
struct ui_at {
	bool		 set;		/* false: no place */
	size_t		 page;		/* index in doc.pages */
	size_t		 pstory;	/* story in the page (or VIEW_BANNER) */
	size_t		 block;		/* block (or LAYOUT_NOBLOCK) */
	size_t		 off;		/* joined offset in the block */
	/* ui_script_swap: where it comes from */
	bool		 src_ok;
	size_t		 file, src;	/* file (index) and source byte */
};

/* What a panel keeps when the document is swapped (ui.c: ui_swap) for
   a fuller one or one in another script: it is made again on the new
   document with the same filter, scope and entry (found by its place in
   the text). */
struct ui_keep {
	char		*filter;	/* the list's filter, or NULL */
	long		 row;		/* the selection's row on screen */
	bool		 all;		/* statistics: all pages */
	size_t		 story;		/* statistics: the story shown */
	struct ui_at	 at;		/* the entry selected (at.set) */
};

/* A mode: a panel drawn over or beside the text.  key returns true when
   it used the key; unused keys go to the text. */
struct ui_mode {
	const char	*name;
	bool		 sidebar;	/* may be drawn as a sidebar */
	bool		 line;		/* lives in the status line */
	bool		 ondoc;		/* its data points into the document
					   (made again on a swap) */
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
	/* Before and after a swap of the document (NULL: the panel opens
	   as new on the new one). */
	void		 (*keep)(struct ui *, void *, struct ui_keep *);
	void		 (*restore)(struct ui *, void *,
			    const struct ui_keep *);
};

#define UI_SEARCH_HISTORY	100	/* patterns kept between runs */

/* The search (ui-search.c): the pattern n and N repeat, its matches and
   the one that is current, and the prompt being typed. */
struct ui_search {
	char		*pattern;	/* last pattern, or NULL */
	unsigned	 flags;		/* its SEARCH_* flags */
	bool		 backward;	/* last direction was ? */
	struct search	*re;		/* what highlights and n/N use */
	struct search_index *index;	/* built on first use */
	bool		 shown;		/* highlights on (Esc clears them) */
	bool		 have_cur;
	struct search_hit cur;		/* the current match */
	size_t		 n;		/* matches of re in the document */
	size_t		 i;		/* 1-based rank of cur */
	bool		 hl_ok;		/* view.hl holds the matches of units */
	size_t		 hl_first, hl_last; /* [hl_first, hl_last] */
	/* A search that found nothing (or only by wrapping) in what is
	   loaded so far goes on on each fuller document. */
	bool		 waiting;
	struct search_pos wfrom;	/* from where */
	bool		 wback;		/* backward */
	/* The prompt being typed. */
	bool		 typing;
	unsigned	 pflags;	/* the modes of the prompt */
	bool		 pback;		/* ? */
	struct view_pos	 origin;	/* the view when the prompt opened */
	struct search_pos from;		/* where its search starts */
	struct search	*old;		/* re before the prompt */
	bool		 pwrapped;	/* its match is past an end */
	char		 note[256];	/* "3/30", "not found", an error */
	bool		 note_error;
	/* History: $XDG_STATE_HOME/dubao/search-history. */
	struct state	 hist;
	bool		 hist_loaded;
	bool		 hist_failed;	/* a save failed: said once, not again */
	char		**hent;		/* patterns, oldest first */
	unsigned	*hflags;
	size_t		 nhent;
};

/* The texts of the header and the status line (ui-pager.c), made when
   the page, story or section being read changes rather than on every
   draw; ui_pager_forget drops them when the document changes. */
struct ui_pager_cache {
	bool		 page_ok;
	size_t		 page;		/* page of header and name */
	char		*header;	/* its banner, else its name */
	char		*name;		/* its file name */
	char		*fullname;	/* its name (doc_page_name) */
	bool		 story_ok;
	size_t		 story;		/* global story of title and secname */
	int		 section;	/* section of secname, -1: none */
	char		*title;		/* the story's title */
	char		*secname;	/* the section's heading, or NULL */
};

struct ui_load;				/* ui-load.c */
struct ui_place;			/* ui-place.c */

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
	wint_t		 prefix;	/* first key of a two-key command, or 0 */
	long		 prefix_count;	/* the count typed before it */
	wint_t		 keyarg;	/* the second key of the command run
					   (the letter of a mark) */
	bool		 quit;
	bool		 color;		/* colours in use */
	bool		 typing;	/* a panel takes keys as text (a list
					   filter): no counts, no q */
	int		 cur_y, cur_x;	/* where the cursor goes then */
	struct ui_search search;
	struct ui_pager_cache pager;
	struct ui_load	*load;		/* the loading of the document */
	struct ui_place	*place;		/* reading positions */
	/* Another script (ui-script.c): the conversion under way. */
	struct ui_script *script;
	bool		 fold_told;	/* script_error shown once */
	long long	 t0;		/* CLOCK_MONOTONIC ns at start */
};

/* ui-base.c: the services every part of the reader uses. */
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
/* Nanoseconds of CLOCK_MONOTONIC. */
long long ui_now_ns(void);
/* DUBAO_TIMING=FILE: append "what MS" (milliseconds since start). */
void	 ui_timing(struct ui *, const char *what);

/* ui-place.c: the reading position, restored and saved per file. */
/* Open the positions store for the paths of the input (opts->remember);
   a warning for the status line in *warn (malloc'ed) when it is
   unreadable. */
void	 ui_place_open(struct ui *, const struct ui_input *, char **warn);
/* Go to the asked story (opts->story) or the saved position.  final: the
   document is complete (a place beyond it is said in the status line),
   else a place beyond it waits for a fuller one. */
void	 ui_place_restore(struct ui *, bool final);
/* Does a place wait, the reader not having moved since the start?  Asked
   before a swap, told to ui_place_retry after it. */
bool	 ui_place_waiting(const struct ui *);
void	 ui_place_retry(struct ui *, bool waiting, bool final);
/* Note the place being read, in its file (after each key). */
void	 ui_place_note(struct ui *);
/* A jump (g, G, p, a search, a mark, a panel's entry) is about to move
   the view: ui_place_jump notes where from, ui_place_jumped makes it the
   place '' goes back to if the view moved. */
void	 ui_place_jump(struct ui *);
void	 ui_place_jumped(struct ui *);
/* m<letter>, '<letter>, '': set a mark (kept with the positions), go to
   one, go back. */
void	 ui_place_mark(struct ui *, wint_t letter);
void	 ui_place_goto_mark(struct ui *, wint_t letter);
void	 ui_place_back(struct ui *);
/* :n, :p: the first page of the next (dir 1) or previous file; false
   when there is none (yet). */
bool	 ui_place_file(struct ui *, int dir);
/* The place being read in the source: its file (index in the doc), the
   1-based line, the byte in the file's text and the text's size; false
   when nothing is shown. */
bool	 ui_place_source(struct ui *, size_t *file, size_t *line,
	    size_t *byte, size_t *size);
/* Save the places read, per file; a failure is kept for
   ui_place_close. */
void	 ui_place_save(struct ui *);
/* Close the store; say on stderr why a save failed. */
void	 ui_place_close(struct ui *);

/* ui-load.c: the document shown is a quick one (its first pages) while a
   worker thread loads the full one, which is then put in its place. */
/* Set up the loading of the input (in->npaths 0: ui->doc is complete);
   in->msgs are shown now and printed on stderr at exit.  Goes to the
   asked or saved position, or notes it for later. */
void	 ui_load_init(struct ui *, const struct ui_input *in);
/* Start the worker (once the first screen is out). */
void	 ui_load_start(struct ui *);
/* Is the document shown still incomplete? */
bool	 ui_load_busy(const struct ui *);
/* How much of it is loaded, in per cent (0-99), or -1 when not known (a
   pipe). */
int	 ui_load_percent(const struct ui *);
/* Is a worker running (the loop then looks for its result often)? */
bool	 ui_load_running(const struct ui *);
/* Progress: files done and known so far; false when nothing loads. */
bool	 ui_load_progress(const struct ui *, size_t *done, size_t *total);
/* A jump beyond what is loaded (G, 300g): made again on the full
   document unless the reader moves meanwhile. */
enum ui_go { UI_GO_NONE, UI_GO_END, UI_GO_STORY, UI_GO_PERCENT };
void	 ui_load_go_later(struct ui *, enum ui_go, size_t story);
/* F: follow the files as they grow (the document is loaded again when
   one changes, and the view kept at its end), until ui_load_follow(ui,
   false). */
void	 ui_load_follow(struct ui *, bool on);
bool	 ui_load_following(const struct ui *);
/* Note how the files are now (ui_load_watch); load them again when they
   changed since (ui_load_check: between keys while following, after v). */
void	 ui_load_watch(struct ui *);
void	 ui_load_check(struct ui *);
/* Is the full document there to be put in place (and no line is being
   typed, whose state refers to the document)? */
bool	 ui_load_ready(const struct ui *);
/* Put it in place of the quick one: the view keeps its place, a place
   asked for beyond the quick document is gone to now.  The caller drops
   and rebuilds what pointed into the old document (ui.c: ui_swap). */
void	 ui_load_swap(struct ui *);
/* At exit: the full document given to the caller if it is ready (else
   the worker is left to end with the process), the messages printed on
   stderr. */
void	 ui_load_end(struct ui *);

/* ui-script.c: c, the next script: the document converted by a worker
   thread, then put in place between keys. */
void	 ui_script_next(struct ui *);
/* Is the converted document there to be put in place (and no line is
   being typed, whose state refers to the document)? */
bool	 ui_script_ready(const struct ui *);
/* Put it in place of the one shown: the view keeps the line at its top,
   and the places at[0..n) of the old document (those set) become the
   same places in the new one, or are unset when it has none.  The
   caller drops and rebuilds what pointed into the old document (ui.c:
   ui_swap). */
void	 ui_script_swap(struct ui *, struct ui_at *const *at, size_t n);
/* At exit: stop the conversion and wait for it. */
void	 ui_script_end(struct ui *);

/* ui-draw.c: the only code that writes text cells. */
void	 ui_draw_init(bool color);
/* The attribute (curses attr_t | COLOR_PAIR) of a style. */
int	 ui_draw_attr(int style);
/* Draw UTF-8 s[0..len) at (y, x) in at most w cells with the attribute;
   returns the cells drawn.  A character that would not fit whole is not
   drawn; controls become U+FFFD. */
int	 ui_draw_str(int y, int x, int w, const char *s, size_t len, int attr);
/* ui_draw_str of a NUL-terminated string. */
int	 ui_draw_text(int y, int x, int w, const char *s, int attr);
/* The same, ending in "…" when s does not fit in w cells. */
int	 ui_draw_str_cut(int y, int x, int w, const char *s, size_t len,
	    int attr);
/* Keyword in context: s[0..len) in w cells with its bytes [ms, me) in
   mattr and centred (as far as the text on either side allows), the text
   cut on either side with "…".  Returns the cells drawn. */
int	 ui_draw_kwic(int y, int x, int w, const char *s, size_t len,
	    size_t ms, size_t me, int attr, int mattr);
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

/* ui-list.c: a scrolling list with a selection, for panels.  Item
   indexes are the owner's; a filter (typed after "/" when the owner gives
   a text callback) hides the items whose folded text lacks the folded
   pattern. */
struct ui_list {
	size_t		 n;		/* items */
	size_t		 sel;		/* selected item */
	size_t		 top;		/* first row shown (a position among
					   the items kept by the filter) */
	int		 y, x, h, w;	/* where it was last drawn */
	/* Draw item i in w cells at (y, x); sel: it is selected. */
	void		 (*draw_item)(struct ui *, void *, size_t i, int y,
			    int x, int w, bool sel);
	/* May item i be selected? (NULL: all) */
	bool		 (*selectable)(void *, size_t i);
	/* The text the filter looks at (malloc'ed); NULL callback: no
	   filter.  An unselectable item returning NULL (a group heading)
	   stays when an item after it, before the next heading, stays. */
	char		*(*text)(void *, size_t i);
	/* Enter or a click on item i (a selectable one). */
	void		 (*go)(struct ui *, void *, size_t i);
	void		*arg;
	bool		 noselect;	/* no selection: the keys scroll and the
					   counter shows the rows on screen */
	/* The filter. */
	struct lineedit	*filter;	/* NULL: none */
	bool		 typing;	/* the filter is being typed */
	size_t		*vis;		/* items kept (NULL: all) */
	size_t		 nvis;
	char		**folded;	/* folded texts, made on first use */
};
void	 ui_list_draw(struct ui *, struct ui_list *, const char *title,
	    int y, int x, int h, int w);
/* Handle a list command; returns true when the selection or scroll
   changed (UI_CMD_SELECT is left to the caller). */
bool	 ui_list_cmd(struct ui_list *, enum ui_cmd, long count);
/* The filter's keys: "/" starts it, then the line editor's keys, Enter
   keeps it, Esc clears it.  True when the key was used. */
bool	 ui_list_key(struct ui *, struct ui_list *, wint_t ch, bool fkey);
/* The selected item, or (size_t)-1 when nothing is shown. */
size_t	 ui_list_selected(const struct ui_list *);
/* Forget the filter and the folded texts (when the items change). */
void	 ui_list_reset(struct ui_list *);
/* Filter by text (kept, not being typed), as if typed after "/". */
void	 ui_list_set_filter(struct ui_list *, const char *text);
/* Keep the filter and the selection's row on screen; restore them with
   item (or (size_t)-1: none) selected. */
void	 ui_list_keep(const struct ui_list *, struct ui_keep *);
void	 ui_list_restore(struct ui_list *, const struct ui_keep *,
	    size_t item);
/* The item at screen row y, or (size_t)-1. */
size_t	 ui_list_at(const struct ui_list *, int y, int x);
void	 ui_list_wheel(struct ui_list *, int n);
/* Select item i and bring it into view. */
void	 ui_list_select(struct ui_list *, size_t i);
/* A panel's keys on its list: the filter's, Enter (go to the selected
   item), Esc or the key that opened the panel from the text (toggle:
   close it), then the movements.  True when the key was used. */
bool	 ui_list_panel_key(struct ui *, struct ui_list *, wint_t ch,
	    bool fkey, long count, enum ui_cmd toggle);
/* Mode callbacks for a panel whose data begins with its struct ui_list:
   a click goes to the item under it, the wheel scrolls. */
void	 ui_list_panel_click(struct ui *, void *, int y, int x);
void	 ui_list_panel_wheel(struct ui *, void *, int n);

/* ui-stats.c: the statistic marked from the panel, kept across a swap
   of the document as a place (at->set false: none), and marked again on
   the statistic at that place in the new one. */
void	 ui_stats_mark_keep(const struct ui *, struct ui_at *);
void	 ui_stats_mark_restore(struct ui *, const struct ui_at *);

/* The modes. */
extern const struct ui_mode ui_toc_mode;
extern const struct ui_mode ui_stats_mode;
extern const struct ui_mode ui_help_mode;
extern const struct ui_mode ui_prompt_mode;
extern const struct ui_mode ui_results_mode;

/* ui-edit.c: v, the file at the line being read in $VISUAL or $EDITOR
   (vi), the terminal given to it meanwhile. */
void	 ui_edit_source(struct ui *);

/* ui-pager.c: the text. */
void	 ui_pager_draw(struct ui *);
/* Drop the cached header and status texts (the document changed, or at
   exit). */
void	 ui_pager_forget(struct ui *);
/* Handle a key for the text; false when unbound. */
bool	 ui_pager_key(struct ui *, wint_t ch, bool fkey, long count);
/* Run one text command count times. */
void	 ui_pager_cmd(struct ui *, enum ui_cmd, long count);

/* ui-prompt.c: read a line in the status row. */
struct ui_prompt_ops {
	/* The label before the text ("/", "/ [regex]"). */
	void		 (*label)(struct ui *, void *, char *buf, size_t size);
	/* The text changed (an incremental search). */
	void		 (*change)(struct ui *, void *, const char *text);
	/* A command the prompt does not handle itself (^E, ^R); true
	   when used. */
	bool		 (*key)(struct ui *, void *, enum ui_cmd,
			    struct lineedit *);
	/* History entry i was recalled. */
	void		 (*recall)(struct ui *, void *, size_t i);
	/* A note at the right ("3/30", an error), or NULL. */
	const char	*(*note)(struct ui *, void *, bool *error);
	/* Enter (the text) or Esc (NULL); the prompt is closed by then. */
	void		 (*done)(struct ui *, void *, const char *text);
};
void	 ui_prompt_open(struct ui *, const struct ui_prompt_ops *, void *arg,
	    const char *const *hist, size_t nhist);
/* Edit le with a key: 0 not an editing key, 1 the cursor moved, 2 the
   text changed. */
int	 ui_prompt_edit(struct lineedit *, wint_t ch, bool fkey);
/* Draw label and le in w cells at (y, x) and return the cursor column;
   room cells are left free at the right. */
int	 ui_prompt_draw_line(int y, int x, int w, const char *label,
	    const struct lineedit *, int attr, int room);

/* ui-search.c */
/* Open the / (or ?) prompt. */
void	 ui_search_prompt(struct ui *, bool backward);
/* +/pattern: search for pattern from the top, as if typed there (it
   waits for the rest of a document still loading). */
void	 ui_search_start(struct ui *, const char *pattern);
/* n (dir 1) or N (dir -1), count times. */
void	 ui_search_repeat(struct ui *, int dir, long count);
/* Put the matches of the units on screen into view.hl (before drawing). */
void	 ui_search_sync(struct ui *);
/* Esc in the text: no more highlights. */
void	 ui_search_hide(struct ui *);
/* Go to match h and make it current (from the results list). */
void	 ui_search_goto(struct ui *, const struct search_hit *h, size_t rank);
/* The view unit of a hit. */
size_t	 ui_search_unit(struct ui *, const struct search_hit *h);
/* Build the index if needed. */
struct search_index *ui_search_index(struct ui *);
/* Free everything (at exit). */
void	 ui_search_free(struct ui *);
/* The document is about to change: drop the index and the highlights. */
void	 ui_search_drop_index(struct ui *);
/* The document is about to change: the current match's place (at->set
   false when there is none). */
void	 ui_search_keep(const struct ui *, struct ui_at *);
/* The document changed: the current match is the match at the place
   kept (or none), the matches are counted again, and a search that
   waits for more text goes on. */
void	 ui_search_recount(struct ui *, const struct ui_at *cur);
/* Is a search waiting for more text? */
bool	 ui_search_waiting(const struct ui *);
/* Esc: stop waiting. */
void	 ui_search_stop(struct ui *);

#endif
