/*
 * ui-toc: the outline panel.  Every page, its stories, their section
 * headings and captions, indented by level; the place being read is
 * marked with "*" and selected when the panel opens; Enter or a click
 * jumps there (the item's line at the top of the text).  As an overlay
 * the panel closes on the jump; as a sidebar it stays.
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "ui-int.h"
#include "xmalloc.h"

struct ui_toc_item {
	int		 level;		/* 0 page, 1 story, 2 section/caption */
	size_t		 unit;
	size_t		 block;		/* LAYOUT_NOBLOCK: the unit's start */
	char		*text;
	bool		 caption;
};

struct ui_toc {
	struct ui_list	 list;		/* first: see ui_list_panel_click */
	struct ui_toc_item *items;
	size_t		 n;
	size_t		 current;	/* item of the place being read */
};
_Static_assert(offsetof(struct ui_toc, list) == 0, "list first");

/* Append an item. */
static void
ui_toc_add(struct ui_toc *t, int level, size_t unit, size_t block,
    char *text, bool caption)
{
	struct ui_toc_item *it;

	if ((t->n & (t->n - 1)) == 0)	/* 0, 1, 2, 4...: double */
		t->items = xreallocarray(t->items, t->n ? 2 * t->n : 1,
		    sizeof *t->items);
	it = &t->items[t->n++];
	it->level = level;
	it->unit = unit;
	it->block = block;
	it->text = text;
	it->caption = caption;
}

/* Draw one item: selection mark, current mark, indent, text. */
static void
ui_toc_draw_item(struct ui *ui, void *arg, size_t i, int y, int x, int w,
    bool sel)
{
	struct ui_toc		*t = arg;
	const struct ui_toc_item *it = &t->items[i];
	int			 attr, base = sel ? ui_draw_attr(UI_STYLE_SELECT) : 0;
	int			 c = 0;

	ui_draw_fill(y, x, w, base);
	c += ui_draw_text(y, x, w, sel ? ">" : " ", base);
	c += ui_draw_text(y, x + c, w - c, i == t->current ? "*" : " ",
	    base);
	c += 1 + 2 * it->level;
	if (c >= w)
		return;
	if (it->level == 0)
		attr = ui_draw_attr(UI_STYLE_GROUP);
	else if (it->level == 1)
		attr = ui_draw_attr(STYLE_HEADLINE);
	else if (it->caption)
		attr = ui_draw_attr(STYLE_CAPTION);
	else
		attr = ui_draw_attr(STYLE_HEADING);
	ui_draw_str_cut(y, x + c, w - c, it->text, strlen(it->text),
	    attr | base);
}

/* The item of the place being read: the last one at or above it. */
static size_t
ui_toc_current(struct ui *ui, const struct ui_toc *t)
{
	size_t	 u, b, o, i, best = 0;

	view_current(&ui->view, &u, &b, &o);
	for (i = 0; i < t->n; i++) {
		const struct ui_toc_item *it = &t->items[i];

		if (it->unit > u)
			break;
		if (it->unit == u && it->block != LAYOUT_NOBLOCK &&
		    (b == LAYOUT_NOBLOCK || it->block > b))
			break;
		best = i;
	}
	return best;
}

/* What the filter looks at: the entry's text. */
static char *
ui_toc_text(void *arg, size_t i)
{
	struct ui_toc *t = arg;

	return xstrdup(t->items[i].text);
}

/* Jump to item i. */
static void
ui_toc_go(struct ui *ui, void *arg, size_t i)
{
	struct ui_toc		 *t = arg;
	const struct ui_toc_item *it = &t->items[i];

	ui_place_jump(ui);
	view_goto(&ui->view, it->unit, it->block, 0, 0);
	ui_place_jumped(ui);
	if (!ui->panel_side)
		ui_open(ui, NULL);
}

/* Build the outline of every page and select the place being read. */
static void *
ui_toc_init(struct ui *ui)
{
	struct ui_toc	*t = xcalloc(1, sizeof *t);
	struct view	*v = &ui->view;
	size_t		 u, b, lastpage = (size_t)-1;
	char		*title;

	for (u = 0; u < v->nunits; u++) {
		const struct view_unit	*vu = &v->units[u];
		const struct page	*pg = &ui->doc->pages[vu->page].page;
		const struct story	*st;

		if (vu->page != lastpage) {
			ui_toc_add(t, 0, u, LAYOUT_NOBLOCK,
			    doc_page_name(ui->doc, vu->page), false);
			lastpage = vu->page;
		}
		if (vu->story == VIEW_BANNER)
			continue;
		st = &pg->stories[vu->story];
		title = ui_unit_title(ui, u);
		ui_toc_add(t, 1, u, LAYOUT_NOBLOCK,
		    xasprintf("%zu %s", vu->gstory + 1, title), false);
		free(title);
		for (b = 0; b < st->nblocks; b++) {
			const struct block *bl = &st->blocks[b];

			if (bl->kind != BLOCK_HEADING &&
			    bl->kind != BLOCK_CAPTION)
				continue;
			ui_toc_add(t, 2, u, b, layout_block_text(pg, bl,
			    ui->opts->flags), bl->kind == BLOCK_CAPTION);
		}
	}
	t->list.n = t->n;
	t->list.arg = t;
	t->list.draw_item = ui_toc_draw_item;
	t->list.text = ui_toc_text;
	t->list.go = ui_toc_go;
	t->current = ui_toc_current(ui, t);
	t->list.h = ui->text_h > 2 ? ui->text_h : 2;
	ui_list_select(&t->list, t->current);
	return t;
}

/* Free the items. */
static void
ui_toc_free(struct ui *ui, void *arg)
{
	struct ui_toc	*t = arg;
	size_t		 i;

	ui_list_reset(&t->list);
	for (i = 0; i < t->n; i++)
		free(t->items[i].text);
	free(t->items);
	free(t);
}

/* Draw the list, marking the place being read. */
static void
ui_toc_draw(struct ui *ui, void *arg, int y, int x, int h, int w)
{
	struct ui_toc	*t = arg;

	t->current = ui_toc_current(ui, t);
	ui_list_draw(ui, &t->list, " Outline (Enter: go, /: filter, Esc: "
	    "close)", y, x, h, w);
}

/* The list's keys; t closes the panel. */
static bool
ui_toc_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_toc *t = arg;

	return ui_list_panel_key(ui, &t->list, ch, fkey, count, UI_CMD_TOC);
}

/* Keep the filter and the entry selected, by its place. */
static void
ui_toc_keep(struct ui *ui, void *arg, struct ui_keep *k)
{
	struct ui_toc	*t = arg;
	size_t		 i = ui_list_selected(&t->list);

	ui_list_keep(&t->list, k);
	if (i == (size_t)-1)
		return;
	k->at.set = true;
	k->at.page = ui->view.units[t->items[i].unit].page;
	k->at.pstory = ui->view.units[t->items[i].unit].story;
	k->at.block = t->items[i].block;
}

/* The same entry on the new document. */
static void
ui_toc_restore(struct ui *ui, void *arg, const struct ui_keep *k)
{
	struct ui_toc	*t = arg;
	size_t		 i, found = (size_t)-1;

	for (i = 0; k->at.set && i < t->n; i++) {
		const struct view_unit *vu = &ui->view.units[t->items[i].unit];

		if (vu->page == k->at.page && vu->story == k->at.pstory &&
		    t->items[i].block == k->at.block) {
			found = i;
			break;
		}
	}
	ui_list_restore(&t->list, k, found);
}

const struct ui_mode ui_toc_mode = {
	.name = "outline",
	.sidebar = true,
	.ondoc = true,
	.keep = ui_toc_keep,
	.restore = ui_toc_restore,
	.init = ui_toc_init,
	.free = ui_toc_free,
	.draw = ui_toc_draw,
	.key = ui_toc_key,
	.click = ui_list_panel_click,
	.wheel = ui_list_panel_wheel,
};
