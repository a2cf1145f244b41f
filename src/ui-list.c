/*
 * ui-list: the list widget the outline, the statistics panel and the help
 * screen share: a title row, then the items, one per row, with a
 * selection that the list keeps in view.  The owner draws each item.
 */
#include <curses.h>
#include <string.h>

#include "ui-int.h"

/* Is item i selectable? */
static bool
ui_list_ok(const struct ui_list *l, size_t i)
{
	return i < l->n && (l->selectable == NULL || l->selectable(l->arg, i));
}

/* Rows for items. */
static int
ui_list_rows(const struct ui_list *l)
{
	return l->h > 1 ? l->h - 1 : 1;
}

/* Keep the selection in view. */
static void
ui_list_show(struct ui_list *l)
{
	size_t	 rows = (size_t)ui_list_rows(l);

	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->n > rows && l->top > l->n - rows)
		l->top = l->n - rows;
	if (l->n <= rows)
		l->top = 0;
}

/* Select item i (or the nearest selectable one after, else before). */
void
ui_list_select(struct ui_list *l, size_t i)
{
	size_t	 j;

	if (l->n == 0)
		return;
	if (i >= l->n)
		i = l->n - 1;
	for (j = i; j < l->n && !ui_list_ok(l, j); j++)
		;
	if (j >= l->n)
		for (j = i; j > 0 && !ui_list_ok(l, j); j--)
			;
	l->sel = j;
	ui_list_show(l);
}

/* Move the selection by n selectable items. */
static void
ui_list_move(struct ui_list *l, long n)
{
	size_t	 i = l->sel;

	while (n > 0 && i + 1 < l->n) {
		i++;
		if (ui_list_ok(l, i)) {
			l->sel = i;
			n--;
		}
	}
	while (n < 0 && i > 0) {
		i--;
		if (ui_list_ok(l, i)) {
			l->sel = i;
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
		ui_list_select(l, 0);
		return true;
	case UI_CMD_BOTTOM:
		if (l->n > 0) {
			l->sel = l->n - 1;
			ui_list_move(l, 0);
			if (!ui_list_ok(l, l->sel))
				ui_list_move(l, -1);
		}
		return true;
	default:
		return false;
	}
}

/* Draw the list in a box of h rows and w cells. */
void
ui_list_draw(struct ui *ui, struct ui_list *l, const char *title, int y,
    int x, int h, int w)
{
	int	 r, rows, tw;
	size_t	 i;
	char	 pos[32];

	l->y = y;
	l->x = x;
	l->h = h;
	l->w = w;
	ui_list_show(l);
	rows = ui_list_rows(l);
	/* Title row: the title, and "sel/n" at the right. */
	ui_draw_fill(y, x, w, ui_draw_attr(UI_STYLE_TITLE));
	snprintf(pos, sizeof pos, " %zu/%zu", l->n > 0 ? l->sel + 1 : 0, l->n);
	tw = ui_draw_width(pos, strlen(pos));
	if (tw >= w)
		tw = 0;
	ui_draw_str(y, x, w - tw, title, strlen(title),
	    ui_draw_attr(UI_STYLE_TITLE));
	if (tw > 0)
		ui_draw_str(y, x + w - tw, tw, pos, strlen(pos),
		    ui_draw_attr(UI_STYLE_DIM));
	for (r = 0; r < rows && r + 1 < h; r++) {
		i = l->top + (size_t)r;
		ui_draw_fill(y + 1 + r, x, w, 0);
		if (i < l->n)
			l->draw_item(ui, l->arg, i, y + 1 + r, x, w,
			    i == l->sel);
	}
}

/* The item at screen row y. */
size_t
ui_list_at(const struct ui_list *l, int y, int x)
{
	size_t	 i;

	if (y <= l->y || y >= l->y + l->h || x < l->x || x >= l->x + l->w)
		return (size_t)-1;
	i = l->top + (size_t)(y - l->y - 1);
	return i < l->n ? i : (size_t)-1;
}

/* Scroll by n rows without moving past the ends. */
void
ui_list_wheel(struct ui_list *l, int n)
{
	size_t	 rows = (size_t)ui_list_rows(l);

	if (n < 0)
		l->top = (size_t)-n > l->top ? 0 : l->top - (size_t)-n;
	else if (l->n > rows)
		l->top = l->top + (size_t)n > l->n - rows ? l->n - rows :
		    l->top + (size_t)n;
	/* Keep the selection on screen. */
	if (l->sel < l->top)
		ui_list_select(l, l->top);
	else if (l->sel >= l->top + rows)
		ui_list_select(l, l->top + rows - 1);
}
