/*
 * ui-help: the help screen, generated from the key table (ui-keys.c):
 * per context, each command with every key bound to it (each name once),
 * then a few paragraphs on searching.
 *
 * The help is a list of entries (a heading, a command with its keys, a
 * paragraph) laid out in rows for the width it is drawn at: a
 * description wraps at spaces under its own column, and when the column
 * of keys leaves too little room, the keys get a row of their own.  The
 * rows are made again when the width changes.  There is no selection:
 * the keys scroll, and the counter shows the rows on screen.  "/"
 * filters, keeping the entries whose keys or words contain the pattern
 * (with their headings).
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_HELP_KEYS_MAX	22	/* cells of the keys column at most */
#define UI_HELP_MIN_TEXT	16	/* else the keys get a row of their own */

enum ui_help_kind {
	UI_HELP_BLANK,
	UI_HELP_HEADING,
	UI_HELP_KEY,			/* keys, then what they do */
	UI_HELP_PARA			/* a paragraph */
};

struct ui_help_entry {
	enum ui_help_kind kind;
	char		*keys;		/* UI_HELP_KEY */
	char		*text;
};

struct ui_help_row {
	size_t		 entry;
	bool		 keys;		/* this row shows the entry's keys */
	int		 indent;	/* cells before the text */
	size_t		 off, len;	/* the entry's text shown */
};

struct ui_help {
	struct ui_list	 list;		/* first: see ui_list_panel_wheel */
	struct ui_help_entry *e;
	size_t		 ne;
	struct ui_help_row *rows;
	size_t		 nrows, caprows;
	int		 width;		/* the rows are made for it */
	int		 keysw;		/* cells of the widest keys */
};
_Static_assert(offsetof(struct ui_help, list) == 0, "list first");

/* Append an entry (keys and text taken). */
static void
ui_help_add(struct ui_help *h, enum ui_help_kind kind, char *keys, char *text)
{
	struct ui_help_entry *e;
	int		 w;

	h->e = xreallocarray(h->e, h->ne + 1, sizeof *h->e);
	e = &h->e[h->ne++];
	e->kind = kind;
	e->keys = keys;
	e->text = text != NULL ? text : xstrdup("");
	if (keys != NULL && (w = ui_draw_width(keys, strlen(keys))) > h->keysw)
		h->keysw = w < UI_HELP_KEYS_MAX ? w : UI_HELP_KEYS_MAX;
}

/* Append a row. */
static void
ui_help_row(struct ui_help *h, size_t entry, bool keys, int indent,
    size_t off, size_t len)
{
	struct ui_help_row *r;

	if (h->nrows == h->caprows) {
		h->caprows = h->caprows ? 2 * h->caprows : 64;
		h->rows = xreallocarray(h->rows, h->caprows, sizeof *h->rows);
	}
	r = &h->rows[h->nrows++];
	r->entry = entry;
	r->keys = keys;
	r->indent = indent;
	r->off = off;
	r->len = len;
}

/* The bytes of s[0..n) that fill at most w cells, broken after a space
   when one is there (else between characters); at least one character. */
static size_t
ui_help_wrap(const char *s, size_t n, int w)
{
	size_t	 i = 0, k, brk = 0;
	int	 used = 0, cw;

	while (i < n) {
		k = i + 1;
		while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		cw = ui_draw_width(s + i, k - i);
		if (used + cw > w && i > 0)
			return brk > 0 ? brk : i;
		used += cw;
		if (s[i] == ' ')
			brk = k;
		i = k;
	}
	return n;
}

/* Lay the entries out in rows for width w. */
static void
ui_help_layout(struct ui_help *h, int w)
{
	size_t	 i, off, n, len;
	int	 col, tw;
	bool	 keys;

	h->nrows = 0;
	h->width = w;
	/* " keys  text": the text column after the widest keys, unless
	   that leaves too little room: then keys on a row of their own and
	   the text under them. */
	col = 1 + h->keysw + 2;
	if (w - col < UI_HELP_MIN_TEXT)
		col = 0;
	for (i = 0; i < h->ne; i++) {
		const struct ui_help_entry *e = &h->e[i];
		int	 indent;

		len = strlen(e->text);
		switch (e->kind) {
		case UI_HELP_BLANK:
			ui_help_row(h, i, false, 0, 0, len);
			continue;
		case UI_HELP_HEADING:
		case UI_HELP_PARA:
			indent = 1;
			keys = false;
			break;
		default:
			keys = true;
			indent = col;
			if (col == 0 || ui_draw_width(e->keys,
			    strlen(e->keys)) > h->keysw) {
				ui_help_row(h, i, true, 0, 0, 0);
				keys = false;
				indent = col != 0 ? col : 5;
			}
			break;
		}
		tw = w - indent > 1 ? w - indent : 1;
		for (off = 0; off < len || off == 0; off += n) {
			n = ui_help_wrap(e->text + off, len - off, tw);
			ui_help_row(h, i, keys, indent, off, n);
			keys = false;
			while (off + n < len && e->text[off + n] == ' ')
				n++;
			if (n == 0)
				break;
		}
	}
	h->list.n = h->nrows;
}

/* Draw row i. */
static void
ui_help_draw_item(struct ui *ui, void *arg, size_t i, int y, int x, int w,
    bool sel)
{
	struct ui_help			*h = arg;
	const struct ui_help_row	*r = &h->rows[i];
	const struct ui_help_entry	*e = &h->e[r->entry];
	int				 c = 0;

	if (e->kind == UI_HELP_HEADING) {
		ui_draw_str(y, x + 1, w - 1, e->text + r->off, r->len,
		    ui_draw_attr(UI_STYLE_GROUP));
		return;
	}
	if (r->keys)
		c = 1 + ui_draw_text(y, x + 1, w - 1, e->keys,
		    ui_draw_attr(STYLE_HEADING));
	if (r->indent > c)
		c = r->indent;
	if (c < w)
		ui_draw_str(y, x + c, w - c, e->text + r->off, r->len, 0);
}

/* Rows are items of the list: a heading or blank is not selectable, and
   the filter looks at the whole entry of the others. */
static bool
ui_help_selectable(void *arg, size_t i)
{
	struct ui_help *h = arg;
	enum ui_help_kind k = h->e[h->rows[i].entry].kind;

	return k == UI_HELP_KEY || k == UI_HELP_PARA;
}

/* What the filter looks at. */
static char *
ui_help_text(void *arg, size_t i)
{
	struct ui_help			*h = arg;
	const struct ui_help_entry	*e = &h->e[h->rows[i].entry];

	if (e->kind != UI_HELP_KEY && e->kind != UI_HELP_PARA)
		return NULL;
	return xasprintf("%s %s", e->keys != NULL ? e->keys : "", e->text);
}

/* Is word one of the blank-separated words of s? */
static bool
ui_help_has_word(const char *s, const char *word)
{
	size_t	 n = strlen(word);

	while (*s != '\0') {
		if (strncmp(s, word, n) == 0 && (s[n] == ' ' || s[n] == '\0'))
			return true;
		s += strcspn(s, " ");
		s += *s == ' ';
	}
	return false;
}

/* The keys of command cmd in context ctx, each name once (Enter and
   KEY_ENTER are both "Enter"), or NULL. */
static char *
ui_help_keys(int ctx, int cmd)
{
	char		*keys = NULL, *t;
	const char	*name;
	size_t		 i;

	for (i = 0; i < ui_nkeys; i++) {
		if (ui_keys[i].ctx != ctx || ui_keys[i].cmd != cmd)
			continue;
		name = ui_keys_name(&ui_keys[i]);
		if (keys != NULL && ui_help_has_word(keys, name))
			continue;
		t = keys != NULL ? xasprintf("%s %s", keys, name) :
		    xstrdup(name);
		free(keys);
		keys = t;
	}
	return keys;
}

static const char *const ui_help_intro[] = {
	"A number before a key repeats it: 5j, 3].  Before g it is a story "
	"(5g), before p a per cent (50p).",
	NULL
};

static const char *const ui_help_search[] = {
	"Case and width are folded (A = a, \xef\xbc\x99 = 9) unless ^E "
	"(exact); ^R: a PCRE regular expression.  The prompt shows the "
	"modes: \"/ [exact regex] \".  Matches highlight as you type; i/N at "
	"the right.",
	"Enter keeps the search; the status line shows \"match i/N\"; "
	"\"search wrapped to top\" (or bottom) when n or N went round.",
	"Up/Down recall earlier patterns (kept in "
	"$XDG_STATE_HOME/dubao/search-history, 100 entries).",
	NULL
};

/* Build the entries from the key table. */
static void *
ui_help_init(struct ui *ui)
{
	struct ui_help	*h = xcalloc(1, sizeof *h);
	char		*keys;
	int		 ctx, cmd;
	size_t		 i;

	ui_help_add(h, UI_HELP_HEADING, NULL, xstrdup("dubao " DUBAO_VERSION
	    " -- a reader for Chinese newspaper pages"));
	for (i = 0; ui_help_intro[i] != NULL; i++)
		ui_help_add(h, UI_HELP_PARA, NULL, xstrdup(ui_help_intro[i]));
	ui_help_add(h, UI_HELP_PARA, NULL, xstrdup(ui->opts->mouse ?
	    "The mouse wheel scrolls; a click chooses in the outline and "
	    "statistics; Shift+drag selects text (or start with --no-mouse)." :
	    "The mouse is the terminal's (--no-mouse): dragging selects "
	    "text."));
	for (ctx = 0; ctx < UI_CTX__COUNT; ctx++) {
		ui_help_add(h, UI_HELP_BLANK, NULL, NULL);
		ui_help_add(h, UI_HELP_HEADING, NULL,
		    xstrdup(ui_keys_ctx_name(ctx)));
		for (cmd = UI_CMD_PREFIX + 1; cmd < UI_CMD__COUNT; cmd++)
			if ((keys = ui_help_keys(ctx, cmd)) != NULL)
				ui_help_add(h, UI_HELP_KEY, keys,
				    xstrdup(ui_keys_describe(cmd)));
	}
	ui_help_add(h, UI_HELP_BLANK, NULL, NULL);
	ui_help_add(h, UI_HELP_HEADING, NULL, xstrdup("Searching"));
	for (i = 0; ui_help_search[i] != NULL; i++)
		ui_help_add(h, UI_HELP_PARA, NULL, xstrdup(ui_help_search[i]));
	h->list.arg = h;
	h->list.noselect = true;
	h->list.draw_item = ui_help_draw_item;
	h->list.selectable = ui_help_selectable;
	h->list.text = ui_help_text;
	return h;
}

/* Free the help. */
static void
ui_help_free(struct ui *ui, void *arg)
{
	struct ui_help	*h = arg;
	size_t		 i;

	ui_list_reset(&h->list);
	for (i = 0; i < h->ne; i++) {
		free(h->e[i].keys);
		free(h->e[i].text);
	}
	free(h->e);
	free(h->rows);
	free(h);
}

/* Draw the help as a list, laid out again for a new width (the filter
   and the entry at the top are kept). */
static void
ui_help_draw(struct ui *ui, void *arg, int y, int x, int hgt, int w)
{
	struct ui_help	*h = arg;
	char		*filter = NULL;
	size_t		 top, i;

	if (w != h->width) {
		top = h->nrows > 0 && h->list.top < h->list.n ?
		    h->rows[h->list.vis != NULL ? h->list.vis[h->list.top] :
		    h->list.top].entry : 0;
		if (h->list.filter != NULL)
			filter = xstrdup(h->list.filter->buf);
		ui_list_reset(&h->list);
		ui_help_layout(h, w);
		for (i = 0; i < h->nrows && h->rows[i].entry < top; i++)
			;
		h->list.top = i;
		if (filter != NULL)
			ui_list_set_filter(&h->list, filter);
		free(filter);
	}
	ui_list_draw(ui, &h->list, " Help (/: filter, Esc, h or q: close)",
	    y, x, hgt, w);
}

/* Scroll by rows: the help has no selection to move; "/" filters. */
static bool
ui_help_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_help	*h = arg;
	enum ui_cmd	 c = ui_keys_lookup(UI_CTX_LIST, ch, fkey);
	int		 rows = h->list.h > 1 ? h->list.h - 1 : 1;

	if (ui_list_key(ui, &h->list, ch, fkey))
		return true;
	if (count < 1)
		count = 1;
	switch (c) {
	case UI_CMD_HELP:
	case UI_CMD_CLOSE:
		ui_open(ui, NULL);
		return true;
	case UI_CMD_LINE_DOWN:
		ui_list_wheel(&h->list, (int)count);
		return true;
	case UI_CMD_LINE_UP:
		ui_list_wheel(&h->list, -(int)count);
		return true;
	case UI_CMD_PAGE_DOWN:
		ui_list_wheel(&h->list, rows * (int)count);
		return true;
	case UI_CMD_PAGE_UP:
		ui_list_wheel(&h->list, -rows * (int)count);
		return true;
	case UI_CMD_HALF_DOWN:
		ui_list_wheel(&h->list, rows / 2 * (int)count);
		return true;
	case UI_CMD_HALF_UP:
		ui_list_wheel(&h->list, -rows / 2 * (int)count);
		return true;
	case UI_CMD_TOP:
		ui_list_wheel(&h->list, -(int)h->nrows);
		return true;
	case UI_CMD_BOTTOM:
		ui_list_wheel(&h->list, (int)h->nrows);
		return true;
	default:
		return true;	/* the help swallows other keys */
	}
}

const struct ui_mode ui_help_mode = {
	.name = "help",
	.sidebar = false,
	.init = ui_help_init,
	.free = ui_help_free,
	.draw = ui_help_draw,
	.key = ui_help_key,
	.wheel = ui_list_panel_wheel,
};
