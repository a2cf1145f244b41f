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
	free(c->fullname);
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
	free(c->fullname);
	c->fullname = doc_page_name(ui->doc, p);
	c->header = ui_pager_banner(ui, p);
	if (*c->header == '\0') {
		free(c->header);
		c->header = xstrdup(c->fullname);
	}
	c->name = ui_pager_basename(xstrdup(c->fullname));
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

/* Are the banner rows of page p on screen? */
static bool
ui_pager_banner_shown(struct ui *ui, size_t p)
{
	size_t	 u, u0, u1;

	view_units_shown(&ui->view, &u0, &u1);
	for (u = u0; u <= u1 && u < ui->view.nunits; u++)
		if (ui->view.units[u].page == p &&
		    ui->view.units[u].story == VIEW_BANNER)
			return true;
	return false;
}

/* The header row: the current page's banner, else its name; the name
   too while the banner's own rows are on screen (shown once). */
static void
ui_pager_header(struct ui *ui)
{
	size_t		 u, b, o, p, n;
	const char	*s;
	int		 attr = ui_draw_attr(UI_STYLE_HEADER), w, room;

	ui_draw_fill(0, 0, ui->cols, attr);
	if (ui->view.nunits == 0)
		return;
	view_current(&ui->view, &u, &b, &o);
	p = ui->view.units[u].page;
	ui_pager_cache_page(ui, p);
	s = ui_pager_banner_shown(ui, p) ? ui->pager.fullname :
	    ui->pager.header;
	w = ui_draw_width(s, strlen(s));
	if (w > ui->text_w && s == ui->pager.fullname) {
		/* A name too long keeps its end, the file's own name. */
		room = ui->cols - ui->text_x;
		while (*s != '\0' && w > room - 1) {
			n = 1;
			while (((unsigned char)s[n] & 0xc0) == 0x80)
				n++;
			w -= ui_draw_width(s, n);
			s += n;
		}
		n = (size_t)ui_draw_text(0, ui->text_x, room, "…", attr);
		ui_draw_text(0, ui->text_x + (int)n, room - (int)n, s, attr);
	} else if (w > ui->text_w)
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
				ui_draw_text(y, ui->text_x, 1, "~",
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

/* The fields of the status line, by how useful they are: what is left
   out first when the line is short comes last. */
struct ui_status {
	char		 match[48];	/* "match 3/30" (never left out) */
	char		 where[48];	/* "42%", "loading 3/10", "loading…" */
	char		 pos[48];	/* "1/34+": the story */
	const char	*section;	/* the section's heading, or NULL */
	const char	*title;		/* the story's headline */
	const char	*name;		/* the file's name */
};

#define UI_STATUS_MIN_TITLE	8	/* cells of a cut headline at least */
#define UI_STATUS_MIN_SECTION	6	/* of a cut section heading */

/* Cells of a string. */
static int
ui_pager_w(const char *s)
{
	return s != NULL ? ui_draw_width(s, strlen(s)) : 0;
}

/* s in at most w cells: whole, or cut with "…" (malloc'ed); NULL when
   not even min cells are left for it. */
static char *
ui_pager_fit(const char *s, int w, int min)
{
	bool	 cut;
	size_t	 keep;

	if (ui_pager_w(s) <= w)
		return xstrdup(s);
	if (w < min)
		return NULL;
	keep = ui_pager_cut(s, w, &cut);
	return xasprintf("%.*s…", (int)keep, s);
}

/* What the status line shows, from everything down to the match count
   alone: the file name goes first, then the headline (cut before it
   goes), the section (likewise), the percentage, the story, the help
   hint. */
#define UI_ST_NAME	0x01
#define UI_ST_TITLE	0x02		/* whole */
#define UI_ST_TITLE_CUT	0x04		/* whole or cut */
#define UI_ST_SEC	0x08
#define UI_ST_SEC_CUT	0x10
#define UI_ST_POS	0x20
#define UI_ST_WHERE	0x40
#define UI_ST_HELP	0x80
static const unsigned ui_status_steps[] = {
	UI_ST_NAME | UI_ST_TITLE | UI_ST_SEC | UI_ST_POS | UI_ST_WHERE |
	    UI_ST_HELP,
	UI_ST_TITLE_CUT | UI_ST_SEC | UI_ST_POS | UI_ST_WHERE | UI_ST_HELP,
	UI_ST_SEC | UI_ST_POS | UI_ST_WHERE | UI_ST_HELP,
	UI_ST_SEC_CUT | UI_ST_POS | UI_ST_WHERE | UI_ST_HELP,
	UI_ST_POS | UI_ST_WHERE | UI_ST_HELP,
	UI_ST_POS | UI_ST_HELP,
	UI_ST_HELP,
	0,
};
#define UI_STATUS_NSTEPS (sizeof ui_status_steps / sizeof ui_status_steps[0])

/* Append field s to buf (malloc'ed), after sep when buf has something. */
static char *
ui_pager_join(char *buf, const char *sep, const char *s)
{
	char	*r;

	if (s == NULL || *s == '\0')
		return buf;
	r = xasprintf("%s%s%s", buf, *buf != '\0' ? sep : "", s);
	free(buf);
	return r;
}

/* Compose the status line in w cells, leaving out fields as
   ui_status_steps says until it fits; a message takes the place of the
   name, story, headline and section.  *left and *right are malloc'ed;
   the caller cuts what still does not fit. */
static void
ui_pager_compose(const struct ui_status *f, const char *msg, int w,
    char **left, char **right)
{
	char		*l, *r, *t, *sec;
	size_t		 i;
	unsigned	 m;
	int		 room, fw;

	for (i = 0; i < UI_STATUS_NSTEPS; i++) {
		m = ui_status_steps[i];
		r = ui_pager_join(xstrdup(""), "  ", f->match);
		if (m & UI_ST_WHERE)
			r = ui_pager_join(r, "  ", f->where);
		if (m & UI_ST_HELP)
			r = ui_pager_join(r, "  ", "h:help");
		*right = xasprintf(" %s ", r);
		free(r);
		room = w - ui_pager_w(*right);
		if (msg != NULL) {
			/* A message keeps the right side while it gets half
			   the line (then it is cut with "…"). */
			*left = xasprintf(" %s", msg);
			if (ui_pager_w(*left) <= room || room >= w / 2 ||
			    i + 1 == UI_STATUS_NSTEPS)
				return;
			free(*left);
			free(*right);
			continue;
		}
		/* The position, then the section, then what room is left
		   for the headline. */
		l = xstrdup("");
		if (m & UI_ST_NAME)
			l = ui_pager_join(l, "  ", f->name);
		if (m & UI_ST_POS)
			l = ui_pager_join(l, "  ", f->pos);
		fw = 1 + ui_pager_w(l) + (*l != '\0' ? 1 : 0);
		sec = NULL;
		if (f->section != NULL && (m & UI_ST_SEC))
			sec = xstrdup(f->section);
		else if (f->section != NULL && (m & UI_ST_SEC_CUT))
			sec = ui_pager_fit(f->section, room - fw - 2,
			    UI_STATUS_MIN_SECTION);
		if (sec != NULL)
			fw += 3 + ui_pager_w(sec);
		t = NULL;
		if (f->title != NULL && (m & UI_ST_TITLE))
			t = xstrdup(f->title);
		else if (f->title != NULL && (m & UI_ST_TITLE_CUT))
			t = ui_pager_fit(f->title, room - fw,
			    UI_STATUS_MIN_TITLE);
		l = ui_pager_join(l, " ", t);
		free(t);
		if (sec != NULL) {
			t = xasprintf("§ %s", sec);
			l = ui_pager_join(l, " ", t);
			free(t);
			free(sec);
		}
		*left = xasprintf(" %s", l);
		free(l);
		if (ui_pager_w(*left) <= room || i + 1 == UI_STATUS_NSTEPS)
			return;
		free(*left);
		free(*right);
	}
}

/* The status line: place on the left, percentage and help hint on the
   right; a message replaces the place. */
static void
ui_pager_status(struct ui *ui)
{
	struct view	*v = &ui->view;
	struct ui_status f;
	int		 y = ui->lines - 1, attr = ui_draw_attr(UI_STYLE_STATUS);
	int		 w = ui->cols - 1, rw;
	char		*left, *right, wait[64];
	const char	*msg = NULL;
	int		 pct;
	size_t		 gs = 0, st, done, total;
	bool		 busy = ui_load_progress(ui, &done, &total);
	const struct doc_page *dp = NULL;

	memset(&f, 0, sizeof f);
	ui_draw_fill(y, 0, ui->cols, attr);
	if (ui->search.shown && ui->search.have_cur)
		snprintf(f.match, sizeof f.match, "match %zu/%zu%s",
		    ui->search.i, ui->search.n, busy ? "+" : "");
	/* While loading, the percentage would be of the first pages. */
	if (busy && total > 1)
		snprintf(f.where, sizeof f.where, "loading %zu/%zu", done,
		    total);
	else if (busy)
		snprintf(f.where, sizeof f.where, "loading…");
	else if (ui_load_following(ui))
		snprintf(f.where, sizeof f.where, "following (Esc: stop)");
	else	/* the script shown, when not the original: 繁, 简 */
		snprintf(f.where, sizeof f.where, "%s%s%3d%%",
		    script_tag(ui->doc->script),
		    *script_tag(ui->doc->script) != '\0' ? " " : "",
		    view_percent(v));
	if (ui_search_waiting(ui)) {
		/* Until the search lands: how far the text is. */
		if ((pct = ui_load_percent(ui)) >= 0)
			snprintf(wait, sizeof wait, "searching… %d %% "
			    "(Esc: stop)", pct);
		else
			snprintf(wait, sizeof wait, "searching… (Esc: stop)");
		msg = wait;
	} else if (ui->msg[0] != '\0')
		msg = ui->msg;
	else if (ui->doc->nstories == 0)
		msg = "(no stories)";
	else {
		gs = view_current_story(v);
		dp = doc_story(ui->doc, gs, &st);
	}
	if (dp != NULL) {
		ui_pager_cache_page(ui, (size_t)(dp - ui->doc->pages));
		ui_pager_cache_story(ui, gs, dp, st, view_current_section(v));
		f.name = ui->pager.name;
		f.title = ui->pager.title;
		f.section = ui->pager.secname;
		/* N+: more stories are on their way. */
		snprintf(f.pos, sizeof f.pos, "%zu/%zu%s", gs + 1,
		    ui->doc->nstories, ui_load_busy(ui) ? "+" : "");
	}
	ui_pager_compose(&f, msg, w, &left, &right);
	rw = ui_pager_w(right);
	if (rw > w)
		rw = 0;
	if (rw > 0)
		ui_draw_text(y, w - rw, rw, right, attr);
	ui_draw_str_cut(y, 0, w - rw, left, strlen(left),
	    ui->msg[0] != '\0' && ui->msg_error ?
	    ui_draw_attr(UI_STYLE_ERROR) : attr);
	free(left);
	free(right);
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

/* = and ^G: where the reader is, in the file and the document. */
static void
ui_pager_info(struct ui *ui)
{
	struct view	*v = &ui->view;
	size_t		 f, line, byte, size, st, gs;
	const struct doc_page *dp;
	char		*name, sec[160] = "";

	if (!ui_place_source(ui, &f, &line, &byte, &size)) {
		ui_message(ui, false, "(no text)");
		return;
	}
	gs = view_current_story(v);
	dp = doc_story(ui->doc, gs, &st);
	name = xstrdup(ui->doc->files[f].path);
	if (dp != NULL) {
		ui_pager_cache_page(ui, (size_t)(dp - ui->doc->pages));
		ui_pager_cache_story(ui, gs, dp, st, view_current_section(v));
		if (ui->pager.secname != NULL)
			snprintf(sec, sizeof sec, "  § %s", ui->pager.secname);
	}
	/* The numbers first: a name cut short is the least loss. */
	ui_message(ui, false, "page %zu/%zu  story %zu/%zu%s  line %zu  byte "
	    "%zu of %zu  %d%%%s  %s", v->nunits > 0 ?
	    v->units[v->pos.unit].page + 1 : 0, ui->doc->npages,
	    ui->doc->nstories > 0 ? gs + 1 : 0, ui->doc->nstories,
	    ui_load_busy(ui) ? "+" : "", line, byte, size, view_percent(v),
	    sec, strcmp(name, "-") == 0 ? "(stdin)" : name);
	free(name);
}

/* Is c a jump, whose start '' goes back to? */
static bool
ui_pager_is_jump(enum ui_cmd c)
{
	return c == UI_CMD_TOP || c == UI_CMD_BOTTOM || c == UI_CMD_PERCENT ||
	    c == UI_CMD_SEARCH_NEXT || c == UI_CMD_SEARCH_PREV;
}

/* One text command, count times. */
static void
ui_pager_cmd1(struct ui *ui, enum ui_cmd c, long count)
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
			if (view_restore(v, (size_t)count - 1, LAYOUT_NOBLOCK,
			    0))
				break;
			/* Beyond what is loaded: the view stays. */
			if (ui_load_busy(ui))
				ui_load_go_later(ui, UI_GO_STORY,
				    (size_t)count - 1);
			else
				ui_message(ui, true, "no story %ld (%zu "
				    "stor%s)", count, ui->doc->nstories,
				    ui->doc->nstories == 1 ? "y" : "ies");
		} else
			view_top(v);
		break;
	case UI_CMD_BOTTOM:
		view_bottom(v);
		if (ui_load_busy(ui))
			ui_load_go_later(ui, UI_GO_END, 0);
		break;
	case UI_CMD_PERCENT:		/* 50p, as less */
		view_goto_percent(v, count);
		if (ui_load_busy(ui) && count > 0)
			ui_load_go_later(ui, UI_GO_PERCENT, (size_t)count);
		break;
	case UI_CMD_FILE_NEXT:
		if (!ui_place_file(ui, 1))
			ui_message(ui, false, ui_load_busy(ui) ?
			    "(no next file yet: still loading)" :
			    "(no next file)");
		break;
	case UI_CMD_FILE_PREV:
		if (!ui_place_file(ui, -1))
			ui_message(ui, false, "(no previous file)");
		break;
	case UI_CMD_MARK_SET:
		ui_place_mark(ui, ui->keyarg);
		break;
	case UI_CMD_MARK_GO:
		ui_place_goto_mark(ui, ui->keyarg);
		break;
	case UI_CMD_MARK_BACK:
		ui_place_back(ui);
		break;
	case UI_CMD_INFO:
		ui_pager_info(ui);
		break;
	case UI_CMD_EDIT_SOURCE:
		ui_edit_source(ui);
		break;
	case UI_CMD_FOLLOW:
		ui_load_follow(ui, true);
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
		/* From the measure in effect: narrower from the width
		   shown, wider from the measure set (a terminal narrower
		   than it shows less). */
		if (c == UI_CMD_NARROWER || ui->measure == 0 ||
		    ui->measure < ui->text_w)
			ui->measure = ui->text_w;
		ui->measure += (c == UI_CMD_WIDER ? 2 : -2) * (int)(n < 1000 ?
		    n : 1000);
		if (ui->measure < LAYOUT_MIN_WIDTH)
			ui->measure = LAYOUT_MIN_WIDTH;
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

/* Run one text command count times; a jump notes where it came from
   (for ''). */
void
ui_pager_cmd(struct ui *ui, enum ui_cmd c, long count)
{
	if (ui_pager_is_jump(c))
		ui_place_jump(ui);
	ui_pager_cmd1(ui, c, count);
	if (ui_pager_is_jump(c))
		ui_place_jumped(ui);
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
		if (ui_search_waiting(ui)) {
			ui_search_stop(ui);
			return true;
		}
		if (ui_load_following(ui)) {
			ui_load_follow(ui, false);
			return true;
		}
		view_hl_clear(&ui->view, VIEW_HL_STAT);
		ui_search_hide(ui);
		return true;
	default:
		ui_pager_cmd(ui, c, count);
		return true;
	}
}
