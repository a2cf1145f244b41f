/*
 * ui-results: the list of matches ("&"): every match of the search in
 * reading order, one row each: the story number, the section heading (or
 * the page name for a banner) and a line of context with the match
 * marked: its sentence as the text shows it (marks widened alike:
 * view_span_text), the match centred and the rest cut with "…".  Enter or a click goes to the match and makes
 * it current, so that n and N continue from there; "/" filters the rows.
 * The context and section strings are made when a row is first drawn.
 */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_RESULTS_AROUND	40	/* context characters each side, at
					   most (to the sentence's end) */
#define UI_RESULTS_SECTION	16	/* section column, cells at most */

struct ui_results_item {
	char		*where;		/* "12 §heading", NULL until drawn */
	char		*ctx;		/* context, NULL until drawn */
	size_t		 mstart, mend;	/* the match in ctx */
};

struct ui_results {
	struct ui_list	 list;		/* first: see ui_list_panel_click */
	struct search_hit *hits;
	struct ui_results_item *items;
	size_t		 n;
	int		 numw;		/* cells of the widest story number */
	char		*title;
};
_Static_assert(offsetof(struct ui_results, list) == 0, "list first");

/* Does the character before byte i of s end a sentence? */
static bool
ui_results_stop(const char *s, size_t i)
{
	static const char *const ends[] = { "。", "！", "？", "；", "!",
	    "?", ";" };
	size_t	 k, n;

	for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		n = strlen(ends[k]);
		if (i >= n && memcmp(s + i - n, ends[k], n) == 0)
			return true;
	}
	return false;
}

/* The sentence around [*ms, *me) of the block text s (taken), at most
   UI_RESULTS_AROUND characters each side; *ms, *me are moved into it. */
static char *
ui_results_window(char *s, size_t *ms, size_t *me)
{
	size_t	 a = *ms, b = *me, len = strlen(s), n;
	char	*r;

	for (n = 0; a > 0 && n < UI_RESULTS_AROUND && !ui_results_stop(s, a);
	    n++)
		while (a > 0 && ((unsigned char)s[--a] & 0xc0) == 0x80)
			;
	for (n = 0; b < len && n < UI_RESULTS_AROUND && (b == *me ||
	    !ui_results_stop(s, b)); n++)
		while (++b < len && ((unsigned char)s[b] & 0xc0) == 0x80)
			;
	r = xstrndup(s + a, b - a);
	*ms -= a;
	*me -= a;
	free(s);
	return r;
}

/* The story and section of hit i, and its context. */
static void
ui_results_make(struct ui *ui, struct ui_results *r, size_t i)
{
	struct ui_results_item	*it = &r->items[i];
	const struct search_hit	*h = &r->hits[i];
	const struct doc_page	*dp = &ui->doc->pages[h->page];
	const struct block	*b;
	char			*sec = NULL;

	if (it->ctx != NULL)
		return;
	b = h->story == SEARCH_BANNER ? &dp->page.banner.blocks[h->block] :
	    &dp->page.stories[h->story].blocks[h->block];
	it->ctx = ui_results_window(view_span_text(&dp->page, b, 0,
	    (size_t)-1, h->start, h->end, ui->opts->flags, &it->mstart,
	    &it->mend), &it->mstart, &it->mend);
	if (h->story == SEARCH_BANNER) {
		sec = doc_page_name(ui->doc, h->page);
		it->where = xasprintf("%*s %s", r->numw, "-", sec);
	} else {
		const struct story *st = &dp->page.stories[h->story];
		int s = h->block < st->nblocks ? st->blocks[h->block].section :
		    -1;

		if (s >= 0 && (size_t)s < st->nsections)
			sec = layout_block_text(&dp->page,
			    &st->blocks[st->sections[s].heading],
			    ui->opts->flags);
		it->where = xasprintf("%*zu %s%s", r->numw,
		    dp->first_story + h->story + 1, sec != NULL ? "§" : "",
		    sec != NULL ? sec : "");
	}
	free(sec);
}

/* Draw one match: where, then the context with the match marked. */
static void
ui_results_draw_item(struct ui *ui, void *arg, size_t i, int y, int x, int w,
    bool sel)
{
	struct ui_results	*r = arg;
	struct ui_results_item	*it = &r->items[i];
	int			 base = sel ? ui_draw_attr(UI_STYLE_SELECT) : 0;
	int			 c = 0, ww;

	ui_results_make(ui, r, i);
	ui_draw_fill(y, x, w, base);
	c += ui_draw_text(y, x, w, sel ? ">" : " ", base) + 1;
	if (c >= w)
		return;
	ww = r->numw + 1 + UI_RESULTS_SECTION;
	if (ww > (w - c) / 3)
		ww = (w - c) / 3;
	ui_draw_str_cut(y, x + c, ww, it->where, strlen(it->where),
	    ui_draw_attr(UI_STYLE_DIM) | base);
	c += ww + 1;
	if (c >= w)
		return;
	/* The match centred in its context. */
	ui_draw_kwic(y, x + c, w - c, it->ctx, strlen(it->ctx), it->mstart,
	    it->mend, base, ui_draw_attr(UI_STYLE_SEARCH));
}

/* What the filter looks at: the row's text. */
static char *
ui_results_text(void *arg, size_t i)
{
	struct ui_results *r = arg;

	if (r->items[i].ctx == NULL)
		return NULL;
	return xasprintf("%s %s", r->items[i].where, r->items[i].ctx);
}

/* Go to match i. */
static void
ui_results_go(struct ui *ui, void *arg, size_t i)
{
	struct ui_results	*r = arg;
	struct search_hit	 h = r->hits[i];

	if (!ui->panel_side)
		ui_open(ui, NULL);	/* frees r */
	ui_place_jump(ui);
	ui_search_goto(ui, &h, i + 1);
	ui_place_jumped(ui);
}

/* Find every match and select the current one. */
static void *
ui_results_init(struct ui *ui)
{
	struct ui_results	*r = xcalloc(1, sizeof *r);
	struct ui_search	*s = &ui->search;
	size_t			 i, first = 0, ns = ui->doc->nstories;

	r->n = search_doc(ui_search_index(ui), s->re, &r->hits);
	r->items = xcalloc(r->n + 1, sizeof *r->items);
	for (r->numw = 1; ns >= 10; ns /= 10)
		r->numw++;
	/* While loading, those found so far (the panel is made again with
	   the rest). */
	r->title = xasprintf(" %zu%s match%s for %s (Enter: go, /: filter, "
	    "Esc: close)", r->n, ui_load_busy(ui) ? "+" : "",
	    r->n == 1 && !ui_load_busy(ui) ? "" : "es",
	    search_pattern(s->re));
	/* Start at the current match, else at the first after the place
	   being read. */
	if (s->have_cur) {
		for (i = 0; i < r->n; i++)
			if (memcmp(&r->hits[i], &s->cur, sizeof s->cur) == 0) {
				first = i;
				break;
			}
	}
	r->list.n = r->n;
	r->list.arg = r;
	r->list.draw_item = ui_results_draw_item;
	r->list.text = ui_results_text;
	r->list.go = ui_results_go;
	r->list.h = ui->text_h > 2 ? ui->text_h : 2;
	ui_list_select(&r->list, first);
	return r;
}

/* Free the matches and their rows. */
static void
ui_results_free(struct ui *ui, void *arg)
{
	struct ui_results	*r = arg;
	size_t			 i;

	ui_list_reset(&r->list);
	for (i = 0; i < r->n; i++) {
		free(r->items[i].where);
		free(r->items[i].ctx);
	}
	free(r->items);
	free(r->hits);
	free(r->title);
	free(r);
}

/* Draw the list of matches. */
static void
ui_results_draw(struct ui *ui, void *arg, int y, int x, int h, int w)
{
	struct ui_results *r = arg;

	ui_list_draw(ui, &r->list, r->title, y, x, h, w);
	if (r->n == 0 && h > 1)
		ui_draw_text(y + 1, x + 2, w - 2, "(no matches)",
		    ui_draw_attr(UI_STYLE_DIM));
}

/* Make the texts of every row (before a filter looks at them). */
static void
ui_results_make_all(struct ui *ui, struct ui_results *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		ui_results_make(ui, r, i);
}

/* The list's keys; & closes the panel. */
static bool
ui_results_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_results *r = arg;

	if (!r->list.typing &&
	    ui_keys_lookup(UI_CTX_LIST, ch, fkey) == UI_CMD_FILTER)
		ui_results_make_all(ui, r);
	return ui_list_panel_key(ui, &r->list, ch, fkey, count,
	    UI_CMD_SEARCH_LIST);
}

/* Keep the filter and the match selected. */
static void
ui_results_keep(struct ui *ui, void *arg, struct ui_keep *k)
{
	struct ui_results	*r = arg;
	size_t			 i = ui_list_selected(&r->list);

	ui_list_keep(&r->list, k);
	if (i == (size_t)-1)
		return;
	k->at.set = true;
	k->at.page = r->hits[i].page;
	k->at.pstory = r->hits[i].story;
	k->at.block = r->hits[i].block;
	k->at.off = r->hits[i].start;
}

/* The same match on the new document (which may have more). */
static void
ui_results_restore(struct ui *ui, void *arg, const struct ui_keep *k)
{
	struct ui_results	*r = arg;
	size_t			 i, found = (size_t)-1;

	/* The match at the place: it starts there in a fuller document, and
	   covers it in another script (a phrase converted as a whole may
	   move its start). */
	for (i = 0; k->at.set && i < r->n; i++)
		if (r->hits[i].page == k->at.page && r->hits[i].story ==
		    k->at.pstory && r->hits[i].block == k->at.block &&
		    r->hits[i].start <= k->at.off &&
		    (k->at.off < r->hits[i].end ||
		    r->hits[i].start == k->at.off)) {
			found = i;
			break;
		}
	if (k->filter != NULL)
		ui_results_make_all(ui, r);
	ui_list_restore(&r->list, k, found);
}

const struct ui_mode ui_results_mode = {
	.name = "matches",
	.sidebar = true,
	.ondoc = true,
	.keep = ui_results_keep,
	.restore = ui_results_restore,
	.init = ui_results_init,
	.free = ui_results_free,
	.draw = ui_results_draw,
	.key = ui_results_key,
	.click = ui_list_panel_click,
	.wheel = ui_list_panel_wheel,
};
