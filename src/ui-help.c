/*
 * ui-help: the help screen, generated from the key table (ui-keys.c):
 * per context, each command with every key bound to it.
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

struct ui_help {
	struct ui_list	 list;		/* first: see ui_list_panel_wheel */
	char		**lines;
	bool		*heading;
	size_t		 n;
};
_Static_assert(offsetof(struct ui_help, list) == 0, "list first");

/* Append a line (taken), a heading or not. */
static void
ui_help_add(struct ui_help *h, char *line, bool heading)
{
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof *h->lines);
	h->heading = xreallocarray(h->heading, h->n + 1, sizeof *h->heading);
	h->lines[h->n] = line;
	h->heading[h->n++] = heading;
}

/* Draw line i, a heading in its style. */
static void
ui_help_draw_item(struct ui *ui, void *arg, size_t i, int y, int x, int w,
    bool sel)
{
	struct ui_help *h = arg;

	ui_draw_str_cut(y, x + 1, w - 1, h->lines[i], strlen(h->lines[i]),
	    h->heading[i] ? ui_draw_attr(UI_STYLE_GROUP) : 0);
}

/* Build the help lines from the key table. */
static void *
ui_help_init(struct ui *ui)
{
	struct ui_help	*h = xcalloc(1, sizeof *h);
	char		 keys[96];
	int		 ctx, cmd;
	size_t		 i;

	ui_help_add(h, xstrdup("dubao " DUBAO_VERSION
	    " -- a reader for Chinese newspaper pages"), true);
	ui_help_add(h, xstrdup("A number before a key repeats it: 5j, 3]."),
	    false);
	if (ui->opts->mouse) {
		ui_help_add(h, xstrdup("The mouse wheel scrolls; a click "
		    "chooses in the outline and statistics;"), false);
		ui_help_add(h, xstrdup("Shift+drag selects text (or start "
		    "with --no-mouse)."), false);
	} else
		ui_help_add(h, xstrdup("The mouse is the terminal's "
		    "(--no-mouse): dragging selects text."), false);
	for (ctx = 0; ctx < UI_CTX__COUNT; ctx++) {
		ui_help_add(h, xstrdup(""), false);
		ui_help_add(h, xstrdup(ui_keys_ctx_name(ctx)), true);
		for (cmd = 1; cmd < UI_CMD__COUNT; cmd++) {
			keys[0] = '\0';
			for (i = 0; i < ui_nkeys; i++) {
				if (ui_keys[i].ctx != ctx ||
				    ui_keys[i].cmd != cmd)
					continue;
				if (keys[0] != '\0')
					strncat(keys, " ", sizeof keys -
					    strlen(keys) - 1);
				strncat(keys, ui_keys_name(&ui_keys[i]),
				    sizeof keys - strlen(keys) - 1);
			}
			if (keys[0] != '\0')
				ui_help_add(h, xasprintf("  %-22s %s", keys,
				    ui_keys_describe(cmd)), false);
		}
	}
	ui_help_add(h, xstrdup(""), false);
	ui_help_add(h, xstrdup("Searching"), true);
	static const char *const search_help[] = {
		"  Case and width are folded (A = a, \xef\xbc\x99 = 9) unless ^E (exact);",
		"  ^R: a PCRE regular expression.  The prompt shows the modes:",
		"  \"/ [exact regex] \".  Matches highlight as you type; i/N at the right.",
		"  Enter keeps the search; the status line shows \"match i/N\";",
		"  \"search wrapped to top\" (or bottom) when n or N went round.",
		"  Up/Down recall earlier patterns (kept in",
		"  $XDG_STATE_HOME/dubao/search-history, 100 entries).",
	};
	for (i = 0; i < sizeof search_help / sizeof search_help[0]; i++)
		ui_help_add(h, xstrdup(search_help[i]), false);
	h->list.n = h->n;
	h->list.arg = h;
	h->list.draw_item = ui_help_draw_item;
	return h;
}

/* Free the help lines. */
static void
ui_help_free(struct ui *ui, void *arg)
{
	struct ui_help	*h = arg;
	size_t		 i;

	for (i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->heading);
	free(h);
}

/* Draw the help as a list. */
static void
ui_help_draw(struct ui *ui, void *arg, int y, int x, int hgt, int w)
{
	struct ui_help *h = arg;

	ui_list_draw(ui, &h->list, " Help (Esc, h or q: close)", y, x, hgt, w);
}

/* Scroll by rows: the help has no selection to move. */
static bool
ui_help_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_help	*h = arg;
	enum ui_cmd	 c = ui_keys_lookup(UI_CTX_LIST, ch, fkey);
	int		 rows = h->list.h > 1 ? h->list.h - 1 : 1;

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
	case UI_CMD_TOP:
		ui_list_wheel(&h->list, -(int)h->n);
		return true;
	case UI_CMD_BOTTOM:
		ui_list_wheel(&h->list, (int)h->n);
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
