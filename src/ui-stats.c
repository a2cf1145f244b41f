/*
 * ui-stats: the statistics panel.  The statistics of the current story
 * (or, after `a`, of all pages), grouped by kind and unit, each with its
 * context and a bar scaled within its group, so that 11678人次 and 949次
 * compare at a glance.  Enter or a click marks the statistic in the text
 * and brings it into view.
 *
 * The context is the statistic's clause as the text shows it (its marks
 * widened alike: view_span_text), centred on the statistic (keyword in
 * context) and cut with "…" on either side, so that of three counts in
 * one clause each row shows its own.  The texts of a row are made when
 * it is first drawn (or filtered): "all pages" of a big document has
 * hundreds of thousands.
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_STATS_BAR	12		/* bar cells at most */
#define UI_STATS_COLUMN	60		/* narrower: no column of values */

struct ui_stats_item {
	const struct stat_hit *hit;	/* NULL: a group heading */
	size_t		 page;
	size_t		 unit;
	size_t		 order;		/* reading order, to sort stably */
	char		*text;		/* the hit, or the group heading */
	char		*ctx;		/* its clause, NULL until drawn */
	size_t		 cms, cme;	/* the hit in ctx */
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

/* Make the texts of item i: the statistic and its clause, as the text
   shows them. */
static void
ui_stats_make(struct ui *ui, struct ui_stats *s, size_t i)
{
	struct ui_stats_item	*it = &s->items[i];
	const struct stat_hit	*h = it->hit;
	const struct page	*pg;

	if (h == NULL || it->ctx != NULL)
		return;
	pg = &ui->doc->pages[it->page].page;
	it->ctx = view_span_text(pg, &pg->stories[h->story].blocks[h->block],
	    h->ctx_start, h->ctx_end, h->start, h->end, ui->opts->flags,
	    &it->cms, &it->cme);
	it->text = xstrndup(it->ctx + it->cms, it->cme - it->cms);
}

/* Make the texts of every item (before a filter looks at them). */
static void
ui_stats_make_all(struct ui *ui, struct ui_stats *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		ui_stats_make(ui, s, i);
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
			if ((nh & (nh - 1)) == 0)	/* 0, 1, 2, 4...: double */
				hits = xreallocarray(hits, nh ? 2 * nh : 1,
				    sizeof *hits);
			it = &hits[nh];
			memset(it, 0, sizeof *it);
			it->hit = h;
			it->high = stats_hit_value2(&dp->stats, h);
			it->page = p;
			it->unit = view_unit_of(&ui->view, p, h->story);
			it->order = nh++;
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
	c += ui_draw_text(y, x, w, sel ? ">" : " ", base);
	c++;
	bw = w / 4 < UI_STATS_BAR ? w / 4 : UI_STATS_BAR;
	if (bw > 1 && c + bw < w) {
		if (ui_stats_has_bar(it->hit->kind))
			ui_draw_bar(y, x + c, bw, it->high, it->max,
			    kattr);
		c += bw + 1;
	}
	ui_stats_make(ui, s, i);
	/* The statistic in its column, then in its context; a narrow panel
	   shows it in its context only. */
	if (w >= UI_STATS_COLUMN) {
		c += ui_draw_str(y, x + c, w - c, it->text, strlen(it->text),
		    kattr | base);
		c += 2;
	}
	if (c < w)
		ui_draw_kwic(y, x + c, w - c, it->ctx, strlen(it->ctx),
		    it->cms, it->cme, ui_draw_attr(UI_STYLE_DIM) | base,
		    kattr | base);
}

/* What the filter looks at: the statistic and its context (NULL for a
   heading: it stays with its entries). */
static char *
ui_stats_filter_text(void *arg, size_t i)
{
	struct ui_stats *s = arg;

	if (s->items[i].hit == NULL)
		return NULL;
	if (s->items[i].ctx == NULL)	/* ui_stats_make_all makes it */
		return xstrdup("");
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
	ui_place_jump(ui);
	view_goto(&ui->view, it->unit, it->hit->block, it->hit->start,
	    ui->view.height / 3);
	ui_place_jumped(ui);
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
		ui_draw_text(y + 1, x + 2, w - 2, "(no statistics)",
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
	if (!s->list.typing &&
	    ui_keys_lookup(UI_CTX_LIST, ch, fkey) == UI_CMD_FILTER)
		ui_stats_make_all(ui, s);
	return ui_list_panel_key(ui, &s->list, ch, fkey, count,
	    UI_CMD_STATS);
}

/* Is the statistic h at the place (in its story)?  It starts there in
   a fuller document; in another script the place is the source of its
   first character found in the converted text, which the statistic found
   there covers (a phrase converted as a whole may move its start). */
static bool
ui_stats_at(const struct stat_hit *h, const struct ui_at *at)
{
	return h->story == at->pstory && h->block == at->block &&
	    h->start <= at->off && (at->off < h->end || h->start == at->off);
}

/* Before a swap: the marked statistic's place.  It is kept by its place
   in the text, not by its story, kind, value and rank among its like:
   that place is what the swap of a script can follow (through the
   source byte it shows, which both documents share), while the parse of
   the other script may count stories or statistics differently (a
   duration in one script may be read as a year and a date in the
   other). */
void
ui_stats_mark_keep(const struct ui *ui, struct ui_at *at)
{
	const struct view	*v = &ui->view;
	size_t			 i;

	memset(at, 0, sizeof *at);
	for (i = 0; i < v->nhl; i++)
		if (v->hl[i].kind == VIEW_HL_STAT &&
		    v->units[v->hl[i].unit].story != VIEW_BANNER) {
			at->set = true;
			at->page = v->units[v->hl[i].unit].page;
			at->pstory = v->units[v->hl[i].unit].story;
			at->block = v->hl[i].block;
			at->off = v->hl[i].start;
			return;		/* one is marked (ui_stats_go) */
		}
}

/* After a swap: mark the statistic at the place kept, if there is one. */
void
ui_stats_mark_restore(struct ui *ui, const struct ui_at *at)
{
	const struct doc_page	*dp;
	size_t			 i, u;

	if (!at->set || at->page >= ui->doc->npages)
		return;
	dp = &ui->doc->pages[at->page];
	for (i = 0; i < dp->stats.n; i++)
		if (ui_stats_at(&dp->stats.hits[i], at))
			break;
	if (i == dp->stats.n ||
	    (u = view_unit_of(&ui->view, at->page, at->pstory)) == (size_t)-1)
		return;
	view_hl_add(&ui->view, u, dp->stats.hits[i].block,
	    dp->stats.hits[i].start, dp->stats.hits[i].end, VIEW_HL_STAT);
}

/* Keep the scope, the filter and the statistic selected. */
static void
ui_stats_keep(struct ui *ui, void *arg, struct ui_keep *k)
{
	struct ui_stats	*s = arg;
	size_t		 i = ui_list_selected(&s->list);

	ui_list_keep(&s->list, k);
	k->all = s->all;
	k->story = s->story;
	if (i == (size_t)-1 || s->items[i].hit == NULL)
		return;
	k->at.set = true;
	k->at.page = s->items[i].page;
	k->at.pstory = s->items[i].hit->story;
	k->at.block = s->items[i].hit->block;
	k->at.off = s->items[i].hit->start;
}

/* The same scope and statistic on the new document. */
static void
ui_stats_restore(struct ui *ui, void *arg, const struct ui_keep *k)
{
	struct ui_stats	*s = arg;
	size_t		 i, found = (size_t)-1;

	if (s->all != k->all || s->story != k->story) {
		s->all = k->all;
		s->story = k->story;
		ui_stats_build(ui, s);
	}
	for (i = 0; k->at.set && i < s->n; i++) {
		const struct ui_stats_item *it = &s->items[i];

		if (it->hit != NULL && it->page == k->at.page &&
		    ui_stats_at(it->hit, &k->at)) {
			found = i;
			break;
		}
	}
	if (k->filter != NULL)
		ui_stats_make_all(ui, s);
	ui_list_restore(&s->list, k, found);
}

const struct ui_mode ui_stats_mode = {
	.name = "statistics",
	.sidebar = true,
	.ondoc = true,
	.keep = ui_stats_keep,
	.restore = ui_stats_restore,
	.init = ui_stats_init,
	.free = ui_stats_free,
	.draw = ui_stats_draw,
	.key = ui_stats_key,
	.click = ui_list_panel_click,
	.wheel = ui_list_panel_wheel,
};
