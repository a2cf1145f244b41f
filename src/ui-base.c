/*
 * ui-base: the services every part of the reader calls: the status-line
 * message, opening and closing a panel, the screen geometry, the title
 * of a unit, the clock.  The panels, the pager, the search and the loader
 * depend on this file, not on the event loop (ui.c), which calls them.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dump.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_SIDE_MAX	44		/* sidebar columns at most */

/* Set a message for the status line (until the next key). */
void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/* The title of a unit. */
char *
ui_unit_title(struct ui *ui, size_t unit)
{
	const struct view_unit	*vu;
	const struct page	*pg;
	const struct story	*st;

	if (unit >= ui->view.nunits)
		return xstrdup("");
	vu = &ui->view.units[unit];
	if (vu->story == VIEW_BANNER)
		return doc_page_name(ui->doc, vu->page);
	pg = &ui->doc->pages[vu->page].page;
	st = &pg->stories[vu->story];
	return dump_story_title_shown(pg, st, ui->opts->flags);
}

/* Recompute the geometry and the text width. */
void
ui_geometry(struct ui *ui)
{
	int	 avail, w;

	ui->lines = LINES;
	ui->cols = COLS;
	ui->small = ui->cols < UI_MIN_COLS || ui->lines < UI_MIN_LINES;
	ui->panel_side = ui->panel != NULL && ui->panel->sidebar &&
	    ui->cols >= UI_SIDEBAR_COLS;
	ui->side_w = 0;
	if (ui->panel_side) {
		ui->side_w = ui->cols / 3;
		if (ui->side_w > UI_SIDE_MAX)
			ui->side_w = UI_SIDE_MAX;
	}
	avail = ui->cols - ui->side_w;
	w = ui->measure == 0 || ui->measure > avail ? avail : ui->measure;
	w &= ~1;		/* even: all-Hanzi lines end flush */
	if (w < LAYOUT_MIN_WIDTH)
		w = avail < LAYOUT_MIN_WIDTH ? avail : LAYOUT_MIN_WIDTH;
	if (w < 1)
		w = 1;
	ui->text_w = w;
	ui->text_x = ui->side_w + (avail - w) / 2;
	ui->text_y = 1;
	ui->text_h = ui->lines - 2 > 1 ? ui->lines - 2 : 1;
	if (!ui->small)
		view_resize(&ui->view, w, ui->text_h);
}

/* Open a panel (closing the one open); NULL closes. */
void
ui_open(struct ui *ui, const struct ui_mode *m)
{
	const struct ui_mode	*old = ui->panel;
	bool			 side = ui->panel_side;

	if (ui->panel != NULL) {
		ui->panel->free(ui, ui->panel_data);
		ui->panel = NULL;
		ui->panel_data = NULL;
	}
	ui->panel = m;
	ui->typing = false;
	/* The width only changes when a sidebar comes or goes. */
	ui_geometry(ui);
	if (m != NULL)
		ui->panel_data = m->init(ui);
	if (old != NULL || side != ui->panel_side)
		erase();
}

/* Nanoseconds of the monotonic clock. */
long long
ui_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* DUBAO_TIMING=FILE: append "what MS", the milliseconds since start. */
void
ui_timing(struct ui *ui, const char *what)
{
	const char	*path = getenv("DUBAO_TIMING");
	FILE		*fp;

	if (path == NULL || *path == '\0' || (fp = fopen(path, "a")) == NULL)
		return;
	fprintf(fp, "%s %.1f\n", what, (double)(ui_now_ns() - ui->t0) / 1e6);
	fclose(fp);
}
