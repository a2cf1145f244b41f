/*
 * ui-list: the list widget the outline, the statistics panel, the list of
 * matches and the help screen share: a title row, then the items, one per
 * row, with a selection that the list keeps in view.  The owner draws
 * each item.
 *
 * Filter: when the owner gives a text callback, "/" opens a filter line
 * in the title row; the items whose text (folded like a search: NFKC and
 * case folding) contains the folded filter stay, the others are hidden.
 * vis[] lists the items kept; the selection stays an owner's item index
 * while top and the movements count positions in vis[].  Enter keeps the
 * filter, Esc clears it (a second Esc closes the panel).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

/* Items shown (kept by the filter). */
static size_t
ui_list_npos(const struct ui_list *l)
{
	return l->vis != NULL ? l->nvis : l->n;
}

/* The item at position p. */
static size_t
ui_list_item(const struct ui_list *l, size_t p)
{
	return l->vis != NULL ? l->vis[p] : p;
}

/* The position of item i, or of the first kept item after it. */
static size_t
ui_list_pos(const struct ui_list *l, size_t i)
{
	size_t	 lo = 0, hi, mid;

	if (l->vis == NULL)
		return i;
	hi = l->nvis;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->vis[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is the item at position p selectable? */
static bool
ui_list_ok(const struct ui_list *l, size_t p)
{
	return p < ui_list_npos(l) && (l->selectable == NULL ||
	    l->selectable(l->arg, ui_list_item(l, p)));
}

/* Rows for items. */
static int
ui_list_rows(const struct ui_list *l)
{
	return l->h > 1 ? l->h - 1 : 1;
}

/* The selected item, or (size_t)-1. */
size_t
ui_list_selected(const struct ui_list *l)
{
	size_t	 p = ui_list_pos(l, l->sel);

	if (p >= ui_list_npos(l) || ui_list_item(l, p) != l->sel ||
	    !ui_list_ok(l, p))
		return (size_t)-1;
	return l->sel;
}

/* Keep the selection in view. */
static void
ui_list_show(struct ui_list *l)
{
	size_t	 rows = (size_t)ui_list_rows(l), n = ui_list_npos(l);
	size_t	 sp = ui_list_pos(l, l->sel);

	if (l->noselect)
		;		/* top is where the keys scrolled to */
	else if (sp < l->top)
		l->top = sp;
	else if (sp >= l->top + rows)
		l->top = sp - rows + 1;
	if (n > rows && l->top > n - rows)
		l->top = n - rows;
	if (n <= rows)
		l->top = 0;
}

/* Select the item at position p (or the nearest selectable one after,
   else before). */
static void
ui_list_select_pos(struct ui_list *l, size_t p)
{
	size_t	 j, n = ui_list_npos(l);

	if (n == 0)
		return;
	if (p >= n)
		p = n - 1;
	for (j = p; j < n && !ui_list_ok(l, j); j++)
		;
	if (j >= n)
		for (j = p; j > 0 && !ui_list_ok(l, j); j--)
			;
	l->sel = ui_list_item(l, j);
	ui_list_show(l);
}

/* Select item i. */
void
ui_list_select(struct ui_list *l, size_t i)
{
	ui_list_select_pos(l, ui_list_pos(l, i));
}

/* Move the selection by n selectable items. */
static void
ui_list_move(struct ui_list *l, long n)
{
	size_t	 p = ui_list_pos(l, l->sel), np = ui_list_npos(l);

	if (np == 0)
		return;
	if (p >= np || ui_list_item(l, p) != l->sel) {
		ui_list_select_pos(l, p);
		p = ui_list_pos(l, l->sel);
	}
	while (n > 0 && p + 1 < np) {
		p++;
		if (ui_list_ok(l, p)) {
			l->sel = ui_list_item(l, p);
			n--;
		}
	}
	while (n < 0 && p > 0) {
		p--;
		if (ui_list_ok(l, p)) {
			l->sel = ui_list_item(l, p);
			n++;
		}
	}
	ui_list_show(l);
}

/* Handle a list command. */
bool
ui_list_cmd(struct ui_list *l, enum ui_cmd c, long count)
{
	long	 page = ui_list_rows(l);
	size_t	 np = ui_list_npos(l);

	if (count < 1)
		count = 1;
	switch (c) {
	case UI_CMD_LINE_DOWN:
		ui_list_move(l, count);
		return true;
	case UI_CMD_LINE_UP:
		ui_list_move(l, -count);
		return true;
	case UI_CMD_PAGE_DOWN:
		ui_list_move(l, count * page);
		return true;
	case UI_CMD_PAGE_UP:
		ui_list_move(l, -count * page);
		return true;
	case UI_CMD_HALF_DOWN:
		ui_list_move(l, count * (page / 2 > 0 ? page / 2 : 1));
		return true;
	case UI_CMD_HALF_UP:
		ui_list_move(l, -count * (page / 2 > 0 ? page / 2 : 1));
		return true;
	case UI_CMD_TOP:
		ui_list_select_pos(l, 0);
		return true;
	case UI_CMD_BOTTOM:
		if (np > 0) {
			l->sel = ui_list_item(l, np - 1);
			ui_list_move(l, 0);
			if (!ui_list_ok(l, np - 1))
				ui_list_move(l, -1);
		}
		return true;
	default:
		return false;
	}
}

/* Apply the filter: keep the items whose folded text has the folded
   pattern; a heading (unselectable, no text) stays before a kept item. */
static void
ui_list_refilter(struct ui_list *l)
{
	char	*pat, *t;
	size_t	 plen, i, tl, heading = (size_t)-1;

	free(l->vis);
	l->vis = NULL;
	l->nvis = 0;
	if (l->filter == NULL || l->filter->len == 0) {
		ui_list_select(l, l->sel);
		return;
	}
	if (l->folded == NULL)
		l->folded = xcalloc(l->n + 1, sizeof *l->folded);
	pat = search_fold(l->filter->buf, l->filter->len, &plen);
	l->vis = xcalloc(l->n + 1, sizeof *l->vis);
	for (i = 0; i < l->n; i++) {
		if (l->folded[i] == NULL) {
			t = l->text(l->arg, i);
			l->folded[i] = t == NULL ? xstrdup("") :
			    search_fold(t, strlen(t), &tl);
			free(t);
		}
		if (l->selectable != NULL && !l->selectable(l->arg, i) &&
		    l->folded[i][0] == '\0') {
			heading = i;
			continue;
		}
		if (strstr(l->folded[i], pat) == NULL)
			continue;
		if (heading != (size_t)-1) {
			l->vis[l->nvis++] = heading;
			heading = (size_t)-1;
		}
		l->vis[l->nvis++] = i;
	}
	free(pat);
	l->top = 0;
	ui_list_select_pos(l, ui_list_pos(l, l->sel));
}

/* Forget the filter. */
void
ui_list_reset(struct ui_list *l)
{
	size_t	 i;

	if (l->filter != NULL) {
		lineedit_free(l->filter);
		free(l->filter);
		l->filter = NULL;
	}
	l->typing = false;
	free(l->vis);
	l->vis = NULL;
	l->nvis = 0;
	if (l->folded != NULL)
		for (i = 0; i < l->n; i++)
			free(l->folded[i]);
	free(l->folded);
	l->folded = NULL;
}

/* Filter by text. */
void
ui_list_set_filter(struct ui_list *l, const char *text)
{
	if (l->text == NULL || text == NULL || *text == '\0')
		return;
	if (l->filter == NULL) {
		l->filter = xmalloc(sizeof *l->filter);
		lineedit_init(l->filter);
	}
	lineedit_clear(l->filter);
	lineedit_insert(l->filter, text, strlen(text));
	l->typing = false;
	ui_list_refilter(l);
}

/* Keep the filter and the selection's row. */
void
ui_list_keep(const struct ui_list *l, struct ui_keep *k)
{
	k->filter = l->filter != NULL && l->filter->len > 0 ?
	    xstrdup(l->filter->buf) : NULL;
	k->row = (long)ui_list_pos(l, l->sel) - (long)l->top;
}

/* Restore them, item selected. */
void
ui_list_restore(struct ui_list *l, const struct ui_keep *k, size_t item)
{
	size_t	 sp;

	if (k->filter != NULL)
		ui_list_set_filter(l, k->filter);
	if (item == (size_t)-1 || item >= l->n)
		return;
	ui_list_select(l, item);
	sp = ui_list_pos(l, l->sel);
	l->top = k->row > 0 && (size_t)k->row <= sp ? sp - (size_t)k->row :
	    sp;
	ui_list_show(l);
}

/* The filter's keys. */
bool
ui_list_key(struct ui *ui, struct ui_list *l, wint_t ch, bool fkey)
{
	enum ui_cmd	 c;
	size_t		 keep = l->sel;

	if (l->text == NULL)
		return false;
	if (!l->typing) {
		c = ui_keys_lookup(UI_CTX_LIST, ch, fkey);
		if (c == UI_CMD_FILTER) {
			if (l->filter == NULL) {
				l->filter = xmalloc(sizeof *l->filter);
				lineedit_init(l->filter);
			}
			lineedit_end(l->filter);
			l->typing = ui->typing = true;
			return true;
		}
		if (c == UI_CMD_CLOSE && l->filter != NULL) {
			ui_list_reset(l);
			ui_list_select(l, keep);
			return true;
		}
		return false;
	}
	c = ui_keys_lookup(UI_CTX_PROMPT, ch, fkey);
	switch (c) {
	case UI_CMD_EDIT_BACKSPACE:
		if (l->filter->len > 0)
			break;
		/* FALLTHROUGH */
	case UI_CMD_EDIT_CANCEL:
		ui_list_reset(l);
		ui_list_select(l, keep);
		ui->typing = false;
		return true;
	case UI_CMD_EDIT_ACCEPT:
		l->typing = ui->typing = false;
		if (l->filter->len == 0) {
			ui_list_reset(l);
			ui_list_select(l, keep);
		}
		return true;
	case UI_CMD_EDIT_HIST_PREV:
		ui_list_move(l, -1);
		return true;
	case UI_CMD_EDIT_HIST_NEXT:
		ui_list_move(l, 1);
		return true;
	default:
		break;
	}
	if (ui_prompt_edit(l->filter, ch, fkey) == 2)
		ui_list_refilter(l);
	return true;
}

/* Draw the list in a box of h rows and w cells. */
void
ui_list_draw(struct ui *ui, struct ui_list *l, const char *title, int y,
    int x, int h, int w)
{
	int	 r, rows, tw, cx, tattr = ui_draw_attr(UI_STYLE_TITLE);
	size_t	 p, np = ui_list_npos(l), sp;
	char	 pos[48];

	l->y = y;
	l->x = x;
	l->h = h;
	l->w = w;
	ui_list_show(l);
	rows = ui_list_rows(l);
	/* Title row: the title (or the filter), and "sel/n" at the right. */
	ui_draw_fill(y, x, w, tattr);
	sp = ui_list_pos(l, l->sel);
	if (l->noselect)
		snprintf(pos, sizeof pos, " %zu-%zu/%zu", np > 0 ? l->top + 1 :
		    0, l->top + (size_t)rows < np ? l->top + (size_t)rows : np,
		    np);
	else if (l->vis != NULL)
		snprintf(pos, sizeof pos, " %zu/%zu of %zu",
		    np > 0 && sp < np ? sp + 1 : 0, np, l->n);
	else
		snprintf(pos, sizeof pos, " %zu/%zu",
		    l->n > 0 ? l->sel + 1 : 0, l->n);
	tw = ui_draw_width(pos, strlen(pos));
	if (tw >= w)
		tw = 0;
	if (l->filter != NULL) {
		cx = ui_prompt_draw_line(y, x, w, l->typing ? " filter /" :
		    " filter (Esc: clear) /", l->filter, tattr, tw);
		if (l->typing) {
			ui->cur_y = y;
			ui->cur_x = cx;
		}
	} else
		ui_draw_str_cut(y, x, w - tw, title, strlen(title), tattr);
	if (tw > 0)
		ui_draw_str(y, x + w - tw, tw, pos, strlen(pos),
		    ui_draw_attr(UI_STYLE_DIM));
	for (r = 0; r < rows && r + 1 < h; r++) {
		p = l->top + (size_t)r;
		ui_draw_fill(y + 1 + r, x, w, 0);
		if (p < np)
			l->draw_item(ui, l->arg, ui_list_item(l, p), y + 1 + r,
			    x, w, ui_list_item(l, p) == l->sel);
	}
	if (l->vis != NULL && np == 0 && h > 1)
		ui_draw_text(y + 1, x + 2, w - 2, "(no entry matches)",
		    ui_draw_attr(UI_STYLE_DIM));
}

/* The item at screen row y. */
size_t
ui_list_at(const struct ui_list *l, int y, int x)
{
	size_t	 p;

	if (y <= l->y || y >= l->y + l->h || x < l->x || x >= l->x + l->w)
		return (size_t)-1;
	p = l->top + (size_t)(y - l->y - 1);
	return p < ui_list_npos(l) ? ui_list_item(l, p) : (size_t)-1;
}

/* Scroll by n rows without moving past the ends. */
void
ui_list_wheel(struct ui_list *l, int n)
{
	size_t	 rows = (size_t)ui_list_rows(l), np = ui_list_npos(l), sp;

	if (n < 0)
		l->top = (size_t)-n > l->top ? 0 : l->top - (size_t)-n;
	else if (np > rows)
		l->top = l->top + (size_t)n > np - rows ? np - rows :
		    l->top + (size_t)n;
	/* Keep the selection on screen. */
	sp = ui_list_pos(l, l->sel);
	if (l->noselect)
		return;
	if (sp < l->top)
		ui_list_select_pos(l, l->top);
	else if (sp >= l->top + rows)
		ui_list_select_pos(l, l->top + rows - 1);
}

/* A panel's keys on its list; see ui-int.h. */
bool
ui_list_panel_key(struct ui *ui, struct ui_list *l, wint_t ch, bool fkey,
    long count, enum ui_cmd toggle)
{
	enum ui_cmd	 c = ui_keys_lookup(UI_CTX_LIST, ch, fkey);
	size_t		 i;

	if (ui_list_key(ui, l, ch, fkey))
		return true;
	if (c == UI_CMD_SELECT) {
		if ((i = ui_list_selected(l)) != (size_t)-1)
			l->go(ui, l->arg, i);
		return true;
	}
	if (c == UI_CMD_CLOSE || (toggle != UI_CMD_NONE && (c == toggle ||
	    (c == UI_CMD_NONE &&
	    ui_keys_lookup(UI_CTX_TEXT, ch, fkey) == toggle)))) {
		ui_open(ui, NULL);
		return true;
	}
	return ui_list_cmd(l, c, count);
}

/* A click on a panel's list: select the item under it and go there. */
void
ui_list_panel_click(struct ui *ui, void *arg, int y, int x)
{
	struct ui_list	*l = arg;
	size_t		 i = ui_list_at(l, y, x);

	if (i == (size_t)-1 || (l->selectable != NULL &&
	    !l->selectable(l->arg, i)))
		return;
	ui_list_select(l, i);
	l->go(ui, l->arg, i);
}

/* The wheel on a panel's list. */
void
ui_list_panel_wheel(struct ui *ui, void *arg, int n)
{
	ui_list_wheel(arg, n);
}
