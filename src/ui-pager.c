/*
 * ui-pager: the text itself.  Draws the header (the page banner), the
 * view's rows in the text column with their styles and highlights, and
 * the status line; turns text commands into view movements.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_PAGER_MAXOV	32		/* overlays per line */

/* The banner of page p as one line ("" when it has none).  Malloc'ed. */
static char *
ui_pager_banner(struct ui *ui, size_t p)
{
	const struct page	*pg = &ui->doc->pages[p].page;
	char			*out = xstrdup(""), *s, *t;
	size_t			 i, len;

	for (i = 0; i < pg->banner.nblocks; i++) {
		s = page_block_join(pg, &pg->banner.blocks[i], &len, NULL);
		t = xasprintf("%s%s%s", out, *out != '\0' ? "  " : "", s);
		free(s);
		free(out);
		out = t;
	}
	return out;
}

/* The last component of a path (takes and returns a malloc'ed string). */
static char *
ui_pager_basename(char *path)
{
	char	*slash = strrchr(path, '/'), *r;

	if (slash == NULL || slash[1] == '\0')
		return path;
	r = xstrdup(slash + 1);
	free(path);
	return r;
}

/* Drop the cached texts. */
void
ui_pager_forget(struct ui *ui)
{
	struct ui_pager_cache *c = &ui->pager;

	free(c->header);
	free(c->name);
	free(c->title);
	free(c->secname);
	memset(c, 0, sizeof *c);
}

/* Make the cached header and file name of page p. */
static void
ui_pager_cache_page(struct ui *ui, size_t p)
{
	struct ui_pager_cache *c = &ui->pager;

	if (c->page_ok && c->page == p)
		return;
	free(c->header);
	free(c->name);
	c->header = ui_pager_banner(ui, p);
	if (*c->header == '\0') {
		free(c->header);
		c->header = doc_page_name(ui->doc, p);
	}
	c->name = ui_pager_basename(doc_page_name(ui->doc, p));
	c->page = p;
	c->page_ok = true;
}

/* Make the cached title of global story gs (story st of dp) and the
   heading of its section sec. */
static void
ui_pager_cache_story(struct ui *ui, size_t gs, const struct doc_page *dp,
    size_t st, int sec)
{
	struct ui_pager_cache	*c = &ui->pager;
	const struct story	*s = &dp->page.stories[st];

	if (c->story_ok && c->story == gs && c->section == sec)
		return;
	if (!c->story_ok || c->story != gs) {
		free(c->title);
		c->title = ui_unit_title(ui, view_unit_of_story(&ui->view,
		    gs));
	}
	free(c->secname);
	c->secname = NULL;
	if (sec >= 0 && (size_t)sec < s->nsections)
		c->secname = layout_block_text(&dp->page,
		    &s->blocks[s->sections[sec].heading], ui->opts->flags);
	c->story = gs;
	c->section = sec;
	c->story_ok = true;
}

/* The header row: the current page's banner, else its name. */
static void
ui_pager_header(struct ui *ui)
{
	size_t		 u, b, o;
	const char	*s;
	int		 attr = ui_draw_attr(UI_STYLE_HEADER), w;

	ui_draw_fill(0, 0, ui->cols, attr);
	if (ui->view.nunits == 0)
		return;
	view_current(&ui->view, &u, &b, &o);
	ui_pager_cache_page(ui, ui->view.units[u].page);
	s = ui->pager.header;
	w = ui_draw_width(s, strlen(s));
	if (w > ui->text_w)
		ui_draw_str_cut(0, ui->text_x, ui->cols - ui->text_x, s,
		    strlen(s), attr);
	else
		ui_draw_str(0, ui->text_x + (ui->text_w - w) / 2, w, s,
		    strlen(s), attr);
}

/* The overlays of the highlights on a row. */
static size_t
ui_pager_overlays(struct ui *ui, const struct view_row *r,
    struct ui_overlay *ov)
{
	struct view		*v = &ui->view;
	const struct view_unit	*vu = &v->units[r->unit];
	size_t			 i, n = 0;
	int			 c0, c1;

	if (r->dl->block == LAYOUT_NOBLOCK || vu->prep == NULL)
		return 0;
	/* The highlights of the row's block, sorted by start. */
	for (i = view_hl_first(v, r->unit, r->dl->block); i < v->nhl &&
	    n < UI_PAGER_MAXOV; i++) {
		const struct view_hl *h = &v->hl[i];

		if (h->unit != r->unit || h->block != r->dl->block ||
		    h->start >= r->dl->jend)
			break;
		if (h->end <= r->dl->jstart)
			continue;
		if (layout_cols(vu->prep, r->lay, (size_t)r->line, h->start,
		    h->end, &c0, &c1) != 0)
			continue;
		ov[n].c0 = c0;
		ov[n].c1 = c1;
		if (h->kind == VIEW_HL_STAT)
			ov[n].attr = ui_draw_attr(UI_STYLE_MARK);
		else if ((long)i == v->hl_cur)
			ov[n].attr = ui_draw_attr(UI_STYLE_CURRENT);
		else
			ov[n].attr = ui_draw_attr(UI_STYLE_SEARCH);
		n++;
	}
	return n;
}

/* The text rows. */
static void
ui_pager_text(struct ui *ui)
{
	struct ui_overlay	 ov[UI_PAGER_MAXOV];
	struct view_row		 r;
	int			 i, y, decor = ui_draw_attr(STYLE_DECOR);

	for (i = 0; i < ui->text_h; i++) {
		y = ui->text_y + i;
		/* The margins left and right of the column. */
		ui_draw_fill(y, ui->side_w, ui->text_x - ui->side_w, 0);
		ui_draw_fill(y, ui->text_x + ui->text_w,
		    ui->cols - ui->text_x - ui->text_w, 0);
		view_row(&ui->view, i, &r);
		switch (r.kind) {
		case VIEW_ROW_LINE:
			ui_draw_dline(y, ui->text_x, ui->text_w, r.lay, r.dl,
			    ov, ui_pager_overlays(ui, &r, ov));
			break;
		case VIEW_ROW_RULE:
			ui_draw_repeat(y, ui->text_x, ui->view.width,
			    r.rule == VIEW_RULE_PAGE ? "═" : "─", decor);
			ui_draw_fill(y, ui->text_x + ui->view.width,
			    ui->text_w - ui->view.width, 0);
			break;
		case VIEW_ROW_END:
			ui_draw_fill(y, ui->text_x, ui->text_w, 0);
			if (i > 0)
				ui_draw_str(y, ui->text_x, 1, "~", 1,
				    ui_draw_attr(UI_STYLE_DIM));
			break;
		default:
			ui_draw_fill(y, ui->text_x, ui->text_w, 0);
			break;
		}
	}
}

/* The bytes of s that fit in w cells; *cut: s is cut, and the bytes
   leave one cell for a "…". */
static size_t
ui_pager_cut(const char *s, int w, bool *cut)
{
	size_t	 n = strlen(s), i = 0;
	int	 used = 0, cw;

	*cut = false;
	if (ui_draw_width(s, n) <= w)
		return n;
	if (w < 1)
		return 0;
	*cut = true;
	while (i < n) {
		size_t k = i + 1;

		while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		cw = ui_draw_width(s + i, k - i);
		if (used + cw > w - 1)
			break;
		used += cw;
		i = k;
	}
	return i;
}

/* The status line: place on the left, percentage and help hint on the
   right; a message replaces the place. */
static void
ui_pager_status(struct ui *ui)
{
	struct view	*v = &ui->view;
	int		 y = ui->lines - 1, attr = ui_draw_attr(UI_STYLE_STATUS);
	int		 rw, room, fixed, nw, tw;
	char		 right[80], pos[48], tag[16], *left;
	const char	*name, *title, *secname;
	size_t		 gs, st, done, total, keep;
	bool		 cut;
	const struct doc_page *dp;

	ui_draw_fill(y, 0, ui->cols, attr);
	/* the script shown, when not the original: 繁, 简 */
	snprintf(tag, sizeof tag, "%s%s", script_tag(ui->doc->script),
	    *script_tag(ui->doc->script) != '\0' ? " " : "");
	if (ui_load_progress(ui, &done, &total)) {
		/* The percentage would be of the first pages only. */
		char	 m[48] = "";

		if (ui->search.shown && ui->search.have_cur)
			snprintf(m, sizeof m, " match %zu/%zu+ ",
			    ui->search.i, ui->search.n);
		if (total > 1)
			snprintf(right, sizeof right, "%s loading %zu/%zu  "
			    "h:help ", m, done, total);
		else
			snprintf(right, sizeof right, "%s loading…  h:help ",
			    m);
	} else if (ui->search.shown && ui->search.have_cur)
		snprintf(right, sizeof right, " match %zu/%zu  %s%3d%%  h:help ",
		    ui->search.i, ui->search.n, tag, view_percent(v));
	else
		snprintf(right, sizeof right, " %s%3d%%  h:help ", tag,
		    view_percent(v));
	rw = ui_draw_width(right, strlen(right));
	if (rw > ui->cols - 1)
		rw = 0;
	if (rw > 0)
		ui_draw_str(y, ui->cols - 1 - rw, rw, right, strlen(right),
		    attr);
	if (ui->msg[0] != '\0') {
		ui_draw_str(y, 0, ui->cols - 1 - rw, ui->msg, strlen(ui->msg),
		    ui->msg_error ? ui_draw_attr(UI_STYLE_ERROR) : attr);
		return;
	}
	if (ui->doc->nstories == 0) {
		ui_draw_str(y, 0, ui->cols - 1 - rw, " (no stories)", 13, attr);
		return;
	}
	gs = view_current_story(v);
	dp = doc_story(ui->doc, gs, &st);
	if (dp == NULL)
		return;
	ui_pager_cache_page(ui, (size_t)(dp - ui->doc->pages));
	ui_pager_cache_story(ui, gs, dp, st, view_current_section(v));
	name = ui->pager.name;
	title = ui->pager.title;
	secname = ui->pager.secname;
	/* Shorten the headline first, then leave out the name. */
	room = ui->cols - 1 - rw;
	/* N+: more stories are on their way. */
	snprintf(pos, sizeof pos, "%zu/%zu%s ", gs + 1, ui->doc->nstories,
	    ui->loading ? "+" : "");
	fixed = 1 + ui_draw_width(pos, strlen(pos)) + (secname != NULL ?
	    3 + ui_draw_width(secname, strlen(secname)) : 0);
	nw = ui_draw_width(name, strlen(name)) + 2;
	if (fixed + nw + 8 > room)
		name = "", nw = 0;
	tw = room - fixed - nw;
	keep = ui_pager_cut(title, tw < 0 ? 0 : tw, &cut);
	left = xasprintf(" %s%s%s%.*s%s%s%s", name, nw > 0 ? "  " : "", pos,
	    (int)keep, title, cut ? "…" : "", secname != NULL ? " § " : "",
	    secname != NULL ? secname : "");
	ui_draw_str(y, 0, ui->cols - 1 - rw, left, strlen(left), attr);
	free(left);
}

/* Draw the header, the text and the status line. */
void
ui_pager_draw(struct ui *ui)
{
	ui_search_sync(ui);
	ui_pager_header(ui);
	ui_pager_text(ui);
	ui_pager_status(ui);
}

/* A jump beyond what is loaded so far: made again on the full
   document when it comes, unless the reader has moved by then. */
static void
ui_pager_go_later(struct ui *ui, int what, size_t story)
{
	ui->go_pending = what;
	ui->go_story = story;
	ui->go_pos = ui->view.pos;
	ui_message(ui, false, "(still loading: going there when loaded)");
}

/* After a move by sections: a message when it did not move. */
static void
ui_pager_jump(struct ui *ui, long moved, const char *what)
{
	if (moved == 0)
		ui_message(ui, false, "(no %s)", what);
}

/* Rows n pages (keeping one line), half pages or lines scroll. */
static long
ui_pager_rows(const struct view *v, enum ui_cmd c, long n)
{
	switch (c) {
	case UI_CMD_PAGE_DOWN:
	case UI_CMD_PAGE_UP:
		return n * (v->height > 1 ? v->height - 1 : 1);
	case UI_CMD_HALF_DOWN:
	case UI_CMD_HALF_UP:
		return n * (v->height / 2 > 0 ? v->height / 2 : 1);
	default:
		return n;
	}
}

/* Run one text command count times. */
void
ui_pager_cmd(struct ui *ui, enum ui_cmd c, long count)
{
	struct view	*v = &ui->view;
	long		 n = count > 0 ? count : 1;

	switch (c) {
	case UI_CMD_PAGE_DOWN:
	case UI_CMD_HALF_DOWN:
	case UI_CMD_LINE_DOWN:
		if (view_at_end(v)) {
			ui_message(ui, false, "(end of document)");
			break;
		}
		view_scroll(v, ui_pager_rows(v, c, n));
		break;
	case UI_CMD_PAGE_UP:
	case UI_CMD_HALF_UP:
	case UI_CMD_LINE_UP:
		if (view_scroll(v, -ui_pager_rows(v, c, n)) == 0)
			ui_message(ui, false, "(top of document)");
		break;
	case UI_CMD_TOP:
		if (count > 0) {	/* 5g: story 5, as less's line N */
			view_restore(v, (size_t)count - 1, LAYOUT_NOBLOCK, 0);
			if (ui->loading &&
			    (size_t)count > ui->doc->nstories)
				ui_pager_go_later(ui, UI_GO_STORY,
				    (size_t)count - 1);
		} else
			view_top(v);
		break;
	case UI_CMD_BOTTOM:
		view_bottom(v);
		if (ui->loading)
			ui_pager_go_later(ui, UI_GO_END, 0);
		break;
	case UI_CMD_STORY_NEXT:
		if (view_story(v, n) == 0)
			ui_message(ui, false, "(last story)");
		break;
	case UI_CMD_STORY_PREV:
		if (view_story(v, -n) == 0)
			ui_message(ui, false, "(first story)");
		break;
	case UI_CMD_SECTION_NEXT:
		ui_pager_jump(ui, view_section(v, n), "further section");
		break;
	case UI_CMD_SECTION_PREV:
		ui_pager_jump(ui, view_section(v, -n), "earlier section");
		break;
	case UI_CMD_WIDER:
	case UI_CMD_NARROWER:
		if (ui->measure == 0)
			ui->measure = ui->text_w;
		ui->measure += (c == UI_CMD_WIDER ? 2 : -2) * (int)n;
		if (ui->measure < 20)
			ui->measure = 20;
		if (ui->measure > LAYOUT_MAX_WIDTH)
			ui->measure = LAYOUT_MAX_WIDTH;
		ui_geometry(ui);
		ui_message(ui, false, "measure %d (text %d cells)",
		    ui->measure, ui->text_w);
		break;
	case UI_CMD_SEARCH_NEXT:
	case UI_CMD_SEARCH_PREV:
		ui_search_repeat(ui, c == UI_CMD_SEARCH_NEXT ? 1 : -1, count);
		break;
	default:
		break;
	}
}

/* Handle a key for the text. */
bool
ui_pager_key(struct ui *ui, wint_t ch, bool fkey, long count)
{
	enum ui_cmd c = ui_keys_lookup(UI_CTX_TEXT, ch, fkey);

	switch (c) {
	case UI_CMD_NONE:
		return false;
	case UI_CMD_SEARCH_FWD:
	case UI_CMD_SEARCH_BACK:
		ui_search_prompt(ui, c == UI_CMD_SEARCH_BACK);
		return true;
	case UI_CMD_SEARCH_LIST:
		if (ui->search.re == NULL)
			ui_message(ui, false, "no search yet (/ to search)");
		else
			ui_open(ui, &ui_results_mode);
		return true;
	case UI_CMD_TOC:
		ui_open(ui, &ui_toc_mode);
		return true;
	case UI_CMD_STATS:
		ui_open(ui, &ui_stats_mode);
		return true;
	case UI_CMD_HELP:
		ui_open(ui, &ui_help_mode);
		return true;
	case UI_CMD_SCRIPT:
		ui_script_next(ui);
		return true;
	case UI_CMD_CLOSE:
		view_hl_clear(&ui->view, VIEW_HL_STAT);
		ui_search_hide(ui);
		return true;
	default:
		ui_pager_cmd(ui, c, count);
		return true;
	}
}
