/*
 * ui-stats: the statistics panel.  The statistics of the current story
 * (or, after `a`, of all pages), grouped by kind and unit, each with its
 * context and a bar scaled within its group, so that 11678人次 and 949次
 * compare at a glance.  Enter or a click marks the statistic in the text
 * and brings it into view.
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_STATS_BAR	12		/* bar cells at most */

struct ui_stats_item {
	const struct stat_hit *hit;	/* NULL: a group heading */
	size_t		 page;
	size_t		 unit;
	size_t		 order;		/* reading order, to sort stably */
	char		*text;		/* the hit, or the group heading */
	char		*ctx;		/* its clause */
	double		 high;		/* its value, the high end of a range */
	double		 max;		/* largest value of its group */
};

struct ui_stats {
	struct ui_list	 list;		/* first: see ui_list_panel_click */
	struct ui_stats_item *items;
	size_t		 n;
	bool		 all;		/* all pages, not the current story */
	size_t		 story;		/* global story shown when !all */
	char		*title;		/* names the scope */
};
_Static_assert(offsetof(struct ui_stats, list) == 0, "list first");

/* Kinds whose values are not magnitudes get no bar. */
static bool
ui_stats_has_bar(enum stat_kind k)
{
	return k != STAT_DATE && k != STAT_TIME && k != STAT_YEAR;
}

/* Sort by kind, unit, then reading order. */
static int
ui_stats_cmp(const void *a, const void *b)
{
	const struct ui_stats_item *x = a, *y = b;
	int	 c;

	if (x->hit->kind != y->hit->kind)
		return x->hit->kind < y->hit->kind ? -1 : 1;
	/* 個 and 个 together: by the unit's Simplified form */
	if ((c = strcmp(stats_hit_unit_norm(x->hit),
	    stats_hit_unit_norm(y->hit))) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Text [start, end) of a hit's block. */
static char *
ui_stats_text(const struct page *pg, const struct stat_hit *h, size_t start,
    size_t end)
{
	size_t	 len;
	char	*s = page_block_join(pg, &pg->stories[h->story].blocks[h->block],
	    &len, NULL), *r;

	if (end > len)
		end = len;
	if (start > end)
		start = end;
	r = xstrndup(s + start, end - start);
	free(s);
	return r;
}

/* Free the items. */
static void
ui_stats_clear(struct ui_stats *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		free(s->items[i].text);
		free(s->items[i].ctx);
	}
	free(s->items);
	s->items = NULL;
	s->n = 0;
}

/* Build the items for the scope. */
static void
ui_stats_build(struct ui *ui, struct ui_stats *s)
{
	struct ui_stats_item	*hits = NULL, *it;
	size_t			 nh = 0, p, i, j, k, st;
	const struct doc_page	*cur = doc_story(ui->doc, s->story, &st);

	ui_list_reset(&s->list);
	ui_stats_clear(s);
	for (p = 0; p < ui->doc->npages; p++) {
		const struct doc_page *dp = &ui->doc->pages[p];

		if (!s->all && dp != cur)
			continue;
		for (i = 0; i < dp->stats.n; i++) {
			const struct stat_hit *h = &dp->stats.hits[i];

			if (!s->all && h->story != st)
				continue;
			hits = xreallocarray(hits, nh + 1, sizeof *hits);
			it = &hits[nh];
			memset(it, 0, sizeof *it);
			it->hit = h;
			it->high = stats_hit_value2(&dp->stats, h);
			it->page = p;
			it->unit = view_unit_of(&ui->view, p, h->story);
			it->order = nh++;
			it->text = ui_stats_text(&dp->page, h, h->start, h->end);
			it->ctx = ui_stats_text(&dp->page, h, h->ctx_start,
			    h->ctx_end);
		}
	}
	if (nh > 0)
		qsort(hits, nh, sizeof *hits, ui_stats_cmp);
	/* Group headings in front of each run of one kind and unit. */
	s->items = xcalloc(2 * nh + 1, sizeof *s->items);
	for (i = 0; i < nh; i = j) {
		double	 max = 0;

		for (j = i; j < nh && hits[j].hit->kind == hits[i].hit->kind &&
		    strcmp(stats_hit_unit_norm(hits[j].hit),
		    stats_hit_unit_norm(hits[i].hit)) == 0; j++)
			if (hits[j].high > max)
				max = hits[j].high;
		it = &s->items[s->n++];
		it->text = xasprintf("%s%s%s (%zu)",
		    stats_kind_name(hits[i].hit->kind),
		    stats_hit_unit(hits[i].hit)[0] != '\0' ? " · " : "",
		    stats_hit_unit(hits[i].hit), j - i);
		for (k = i; k < j; k++) {
			hits[k].max = max;
			s->items[s->n++] = hits[k];
		}
	}
	free(hits);
	free(s->title);
	if (s->all)
		s->title = xstrdup(" Statistics: all pages (a: this story, "
		    "/: filter)");
	else
		s->title = xasprintf(" Statistics: story %zu (a: all pages, "
		    "/: filter)", s->story + 1);
	s->list.n = s->n;
	s->list.sel = 0;
	s->list.top = 0;
	ui_list_select(&s->list, 0);
}

/* Only statistics can be chosen, not group headings. */
static bool
ui_stats_selectable(void *arg, size_t i)
{
	struct ui_stats *s = arg;

	return s->items[i].hit != NULL;
}

/* Draw one row: a heading, or mark, bar, value and context. */
static void
ui_stats_draw_item(struct ui *ui, void *arg, size_t i, int y, int x, int w,
    bool sel)
{
	struct ui_stats			*s = arg;
	const struct ui_stats_item	*it = &s->items[i];
	int				 base = sel ? ui_draw_attr(UI_STYLE_SELECT) : 0;
	int				 c = 0, bw, kattr;

	ui_draw_fill(y, x, w, base);
	if (it->hit == NULL) {
		ui_draw_str_cut(y, x + 1, w - 1, it->text, strlen(it->text),
		    ui_draw_attr(UI_STYLE_GROUP));
		return;
	}
	kattr = ui_draw_attr(UI_STYLE_KIND(it->hit->kind));
	c += ui_draw_str(y, x, w, sel ? ">" : " ", 1, base);
	c++;
	bw = w / 4 < UI_STATS_BAR ? w / 4 : UI_STATS_BAR;
	if (bw > 1 && c + bw < w) {
		if (ui_stats_has_bar(it->hit->kind))
			ui_draw_bar(y, x + c, bw, it->high, it->max,
			    kattr);
		c += bw + 1;
	}
	c += ui_draw_str(y, x + c, w - c, it->text, strlen(it->text),
	    kattr | base);
	c += 2;
	if (c < w)
		ui_draw_str_cut(y, x + c, w - c, it->ctx, strlen(it->ctx),
		    ui_draw_attr(UI_STYLE_DIM) | base);
}

/* What the filter looks at: the statistic and its context (NULL for a
   heading: it stays with its entries). */
static char *
ui_stats_filter_text(void *arg, size_t i)
{
	struct ui_stats *s = arg;

	if (s->items[i].hit == NULL)
		return NULL;
	return xasprintf("%s %s", s->items[i].text, s->items[i].ctx);
}

/* Mark statistic i in the text and show it. */
static void
ui_stats_go(struct ui *ui, void *arg, size_t i)
{
	struct ui_stats			*s = arg;
	const struct ui_stats_item	*it = &s->items[i];

	if (it->hit == NULL || it->unit == (size_t)-1)
		return;
	view_hl_clear(&ui->view, VIEW_HL_STAT);
	view_hl_add(&ui->view, it->unit, it->hit->block, it->hit->start,
	    it->hit->end, VIEW_HL_STAT);
	view_goto(&ui->view, it->unit, it->hit->block, it->hit->start,
	    ui->view.height / 3);
	if (!ui->panel_side)
		ui_open(ui, NULL);
}

/* Open on the current story's statistics. */
static void *
ui_stats_init(struct ui *ui)
{
	struct ui_stats *s = xcalloc(1, sizeof *s);

	s->story = view_current_story(&ui->view);
	s->list.arg = s;
	s->list.draw_item = ui_stats_draw_item;
	s->list.selectable = ui_stats_selectable;
	s->list.text = ui_stats_filter_text;
	s->list.go = ui_stats_go;
	s->list.h = ui->text_h > 2 ? ui->text_h : 2;
	ui_stats_build(ui, s);
	return s;
}

/* Free the items. */
static void
ui_stats_free(struct ui *ui, void *arg)
{
	struct ui_stats *s = arg;

	ui_list_reset(&s->list);
	ui_stats_clear(s);
	free(s->title);
	free(s);
}

/* Draw the list under a title naming the scope. */
static void
ui_stats_draw(struct ui *ui, void *arg, int y, int x, int h, int w)
{
	struct ui_stats	*s = arg;

	ui_list_draw(ui, &s->list, s->title, y, x, h, w);
	if (s->n == 0 && h > 1)
		ui_draw_str(y + 1, x + 2, w - 2, "(no statistics)", 15,
		    ui_draw_attr(UI_STYLE_DIM));
}

/* The list's keys; a switches between this story and all pages, s
   closes the panel. */
static bool
ui_stats_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_stats	*s = arg;

	if (!s->list.typing &&
	    ui_keys_lookup(UI_CTX_LIST, ch, fkey) == UI_CMD_ALL_PAGES) {
		s->all = !s->all;
		ui_stats_build(ui, s);
		return true;
	}
	return ui_list_panel_key(ui, &s->list, ch, fkey, count,
	    UI_CMD_STATS);
}

const struct ui_mode ui_stats_mode = {
	.name = "statistics",
	.sidebar = true,
	.init = ui_stats_init,
	.free = ui_stats_free,
	.draw = ui_stats_draw,
	.key = ui_stats_key,
	.click = ui_list_panel_click,
	.wheel = ui_list_panel_wheel,
};
