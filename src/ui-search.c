/*
 * ui-search: searching the text from the reader.
 *
 * "/" (forward) and "?" (backward) open a prompt in the status row.  The
 * search is incremental: on every change the pattern is compiled with the
 * prompt's modes (^E exact, ^R regular expression; shown in the label as
 * "/ [exact regex]"), the matches are counted over the whole document
 * (search_count, fast) and the view goes to the first match after the
 * place where the prompt opened (search_next: a scan that stops at the
 * first hit), with "i/N", "not found" or the regex error at the right of
 * the prompt.  Enter keeps the search (n and N repeat it, the status line
 * shows "match i/N"); Esc goes back to where the reader was and clears
 * the highlights.
 *
 * Highlights: only the matches of the units on screen are in view.hl
 * (search_story per unit, refreshed when other units come into view), so
 * a pattern with a million matches costs nothing to draw; the current
 * match is the one view.hl_cur points at.
 *
 * While the document is still loading (ui-load.c), a search never says
 * "not found" about text not yet there: when what is loaded has no
 * match after the place (or only one found by wrapping round, which a
 * match in the rest would precede), the search waits, the status line
 * says "searching… 40 %", and it goes on on each fuller document until
 * it lands on the match or, the document complete, says it is not
 * found.  Keys stay live meanwhile; Esc stops it.  n and N wait alike.
 *
 * The index of the document (search_index_doc) is built the first time a
 * search needs it.  The history (Up/Down in the prompt) is the state
 * store "search-history": the key is the pattern, the value its modes
 * ("", "e", "r", "er"), newest last, UI_SEARCH_HISTORY entries; it is
 * saved after every search, merged with what other readers saved.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

/* The index, built on first use. */
struct search_index *
ui_search_index(struct ui *ui)
{
	if (ui->search.index == NULL)
		ui->search.index = search_index_doc(ui->doc);
	return ui->search.index;
}

/* The view unit of a hit. */
size_t
ui_search_unit(struct ui *ui, const struct search_hit *h)
{
	return view_unit_of(&ui->view, h->page, h->story == SEARCH_BANNER ?
	    VIEW_BANNER : h->story);
}

/* Modes as a history value and back. */
static const char *
ui_search_modes(unsigned flags)
{
	static const char *const m[] = { "", "e", "r", "er" };

	return m[flags & (SEARCH_EXACT | SEARCH_REGEX)];
}

/* The SEARCH_* flags of a history entry's modes ("", "e", "r", "er"). */
static unsigned
ui_search_parse_modes(const char *s)
{
	unsigned f = 0;

	if (s != NULL && strchr(s, 'e') != NULL)
		f |= SEARCH_EXACT;
	if (s != NULL && strchr(s, 'r') != NULL)
		f |= SEARCH_REGEX;
	return f;
}

/* Make the list of history entries from the store. */
static void
ui_search_hist_list(struct ui_search *s)
{
	size_t	 i;

	free(s->hent);
	free(s->hflags);
	s->hent = xcalloc(s->hist.n + 1, sizeof *s->hent);
	s->hflags = xcalloc(s->hist.n + 1, sizeof *s->hflags);
	s->nhent = 0;
	for (i = 0; i < s->hist.n; i++) {
		if (s->hist.e[i].value == NULL || s->hist.e[i].key[0] == '\0')
			continue;
		s->hent[s->nhent] = s->hist.e[i].key;
		s->hflags[s->nhent++] =
		    ui_search_parse_modes(s->hist.e[i].value);
	}
}

/* Read the history (once). */
static void
ui_search_hist_load(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	char		 *warn = NULL;

	if (s->hist_loaded)
		return;
	s->hist_loaded = true;
	if (state_open(&s->hist, NULL, "search-history", &warn) != 0 &&
	    warn != NULL)
		ui_message(ui, true, "search history: %s", warn);
	free(warn);
	s->hist.max = UI_SEARCH_HISTORY;
	ui_search_hist_list(s);
}

/* Remember a pattern: it becomes the newest entry, saved at once.  A
   failed save (a full disk) is said once; later ones keep the entries in
   memory and say nothing, so the match count is not hidden each time. */
static void
ui_search_hist_add(struct ui *ui, const char *pattern, unsigned flags)
{
	struct ui_search *s = &ui->search;
	char		 *err = NULL;

	ui_search_hist_load(ui);
	if (s->hist.path == NULL)
		return;
	state_set(&s->hist, pattern, ui_search_modes(flags));
	if (state_save(&s->hist, &err) != 0) {
		if (!s->hist_failed)
			ui_message(ui, true,
			    "cannot save the search history: %s",
			    err != NULL ? err : "?");
		s->hist_failed = true;
		free(err);
	}
	ui_search_hist_list(s);
}

/* Forget the highlights of the units. */
static void
ui_search_hl_reset(struct ui *ui)
{
	view_hl_clear(&ui->view, VIEW_HL_SEARCH);
	ui->search.hl_ok = false;
}

/* Put the matches of the units on screen into view.hl. */
void
ui_search_sync(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	struct view	 *v = &ui->view;
	struct search_hit *hits;
	size_t		  u0, u1, u, n, i;

	if (!s->shown || s->re == NULL || v->nunits == 0) {
		if (s->hl_ok || v->nhl > 0)
			ui_search_hl_reset(ui);
		return;
	}
	view_units_shown(v, &u0, &u1);
	if (!s->hl_ok || u0 < s->hl_first || u1 > s->hl_last) {
		ui_search_hl_reset(ui);
		for (u = u0; u <= u1 && u < v->nunits; u++) {
			n = search_story(ui_search_index(ui), s->re,
			    v->units[u].page, v->units[u].story == VIEW_BANNER ?
			    SEARCH_BANNER : v->units[u].story, &hits);
			for (i = 0; i < n; i++)
				view_hl_add(v, u, hits[i].block, hits[i].start,
				    hits[i].end, VIEW_HL_SEARCH);
			free(hits);
		}
		s->hl_ok = true;
		s->hl_first = u0;
		s->hl_last = u1;
	}
	if (s->have_cur)
		view_hl_current(v, VIEW_HL_SEARCH, ui_search_unit(ui, &s->cur),
		    s->cur.block, s->cur.start);
	else
		v->hl_cur = -1;
}

/* The place being read as a search position (the first text line on
   screen). */
static void
ui_search_here(struct ui *ui, struct search_pos *p)
{
	size_t	 u, b, o;

	view_current(&ui->view, &u, &b, &o);
	memset(p, 0, sizeof *p);
	if (ui->view.nunits == 0)
		return;
	p->page = ui->view.units[u].page;
	p->story = ui->view.units[u].story == VIEW_BANNER ? SEARCH_BANNER :
	    ui->view.units[u].story;
	p->block = b == LAYOUT_NOBLOCK ? 0 : b;
	p->off = b == LAYOUT_NOBLOCK ? 0 : o;
}

/* Bring hit h into view (unless it is on screen) and make it current. */
static void
ui_search_show(struct ui *ui, const struct search_hit *h)
{
	struct ui_search *s = &ui->search;
	struct search_pos p;
	size_t		  u = ui_search_unit(ui, h);

	s->cur = *h;
	s->have_cur = true;
	s->shown = true;
	p.page = h->page;
	p.story = h->story;
	p.block = h->block;
	p.off = h->start;
	s->i = search_count_before(ui_search_index(ui), s->re, &p) + 1;
	if (u != (size_t)-1 && !view_visible(&ui->view, u, h->block, h->start))
		view_goto(&ui->view, u, h->block, h->start,
		    ui->view.height / 3);
}

/* Go to match h (rank: its 1-based number, 0: unknown). */
void
ui_search_goto(struct ui *ui, const struct search_hit *h, size_t rank)
{
	ui_search_show(ui, h);
	if (rank > 0)
		ui->search.i = rank;
}

/* Wait for more text, then search on from p. */
static void
ui_search_wait(struct ui *ui, const struct search_pos *p, bool back)
{
	struct ui_search *s = &ui->search;

	s->waiting = true;
	s->wfrom = *p;
	s->wback = back;
}

/* Is a search waiting? */
bool
ui_search_waiting(const struct ui *ui)
{
	return ui->search.waiting;
}

/* Esc: stop waiting. */
void
ui_search_stop(struct ui *ui)
{
	if (!ui->search.waiting)
		return;
	ui->search.waiting = false;
	ui_message(ui, false, "search stopped");
}

/* A fuller document: search on from where the waiting search started. */
static void
ui_search_resume(struct ui *ui)
{
	struct ui_search *s = &ui->search;
	struct search_hit h;
	bool		  final = !ui_load_busy(ui);
	int		  r;

	if (!s->waiting || s->re == NULL)
		return;
	r = search_next(ui_search_index(ui), s->re, &s->wfrom, s->wback, &h);
	if (r == SEARCH_FOUND || (r == SEARCH_WRAPPED && final)) {
		s->waiting = false;
		ui_search_show(ui, &h);
		if (r == SEARCH_WRAPPED)
			ui_message(ui, false, s->wback ?
			    "search wrapped to bottom" :
			    "search wrapped to top");
	} else if (final) {
		s->waiting = false;
		s->have_cur = false;
		ui_message(ui, true, "Pattern not found: %s", s->pattern);
	}
}

/* n or N. */
void
ui_search_repeat(struct ui *ui, int dir, long count)
{
	struct ui_search *s = &ui->search;
	struct search_pos p;
	struct search_hit h;
	bool		  back = (dir < 0) != s->backward, wrapped = false;
	long		  k;
	int		  r = SEARCH_NONE;

	if (s->re == NULL) {
		ui_message(ui, false, "no search yet (/ to search)");
		return;
	}
	s->waiting = false;
	for (k = 0; k < (count > 0 ? count : 1); k++) {
		if (s->have_cur && (k > 0 || view_visible(&ui->view,
		    ui_search_unit(ui, &s->cur), s->cur.block,
		    s->cur.start))) {
			p.page = s->cur.page;
			p.story = s->cur.story;
			p.block = s->cur.block;
			p.off = back ? s->cur.start : s->cur.start + 1;
		} else
			ui_search_here(ui, &p);
		r = search_next(ui_search_index(ui), s->re, &p, back, &h);
		if (r != SEARCH_FOUND && ui_load_busy(ui)) {
			/* The next match may be in what is still to come. */
			ui_search_wait(ui, &p, back);
			if (k > 0)
				ui_search_show(ui, &s->cur);
			return;
		}
		if (r == SEARCH_NONE)
			break;
		if (r == SEARCH_WRAPPED)
			wrapped = true;
		s->cur = h;
		s->have_cur = true;
	}
	if (r == SEARCH_NONE) {
		ui_message(ui, true, "Pattern not found: %s", s->pattern);
		return;
	}
	ui_search_show(ui, &s->cur);
	if (wrapped)
		ui_message(ui, false, back ? "search wrapped to bottom" :
		    "search wrapped to top");
}

/* Esc in the text. */
void
ui_search_hide(struct ui *ui)
{
	ui->search.shown = false;
	ui_search_hl_reset(ui);
}

/* ---- the prompt ------------------------------------------------------- */

/* Label: "/" or "?", and the modes. */
static void
ui_search_label(struct ui *ui, void *arg, char *buf, size_t size)
{
	struct ui_search *s = &ui->search;
	unsigned	  f = s->pflags;

	snprintf(buf, size, "%s%s%s%s%s", s->pback ? "?" : "/",
	    f != 0 ? " [" : "", f & SEARCH_EXACT ? "exact" : "",
	    f == (SEARCH_EXACT | SEARCH_REGEX) ? " regex" :
	    f & SEARCH_REGEX ? "regex" : "", f != 0 ? "] " : "");
}

/* The note at the right of the prompt. */
static const char *
ui_search_note(struct ui *ui, void *arg, bool *error)
{
	*error = ui->search.note_error;
	return ui->search.note;
}

/* Drop the pattern being typed: back to the place and search before. */
static void
ui_search_drop_live(struct ui *ui)
{
	struct ui_search *s = &ui->search;

	if (s->re != s->old)
		search_free(s->re);
	s->re = NULL;
	s->have_cur = false;
	ui_search_hl_reset(ui);
	view_set_pos(&ui->view, &s->origin);
}

/* After a folded search: the missing dictionaries of the script fold
   (script_error), said once. */
static void
ui_search_fold_note(struct ui *ui)
{
	const char *e;

	if (ui->fold_told || (ui->search.re != NULL &&
	    (search_flags(ui->search.re) & SEARCH_EXACT)) ||
	    (e = script_error()) == NULL)
		return;
	ui->fold_told = true;
	ui_message(ui, true, "%s", e);
}

/* The text changed: search again from the origin. */
static void
ui_search_change(struct ui *ui, void *arg, const char *text)
{
	struct ui_search *s = &ui->search;
	struct search_hit h;
	char		 *cause = NULL;
	int		  r;

	ui_search_drop_live(ui);
	s->pwrapped = false;
	s->note[0] = '\0';
	s->note_error = false;
	if (*text == '\0')
		return;
	s->re = search_compile(text, s->pflags, &cause);
	if (s->re == NULL) {
		snprintf(s->note, sizeof s->note, "%s", cause != NULL ? cause :
		    "invalid pattern");
		s->note_error = true;
		free(cause);
		return;
	}
	s->n = search_count(ui_search_index(ui), s->re);
	ui_search_fold_note(ui);
	if (s->n == 0) {
		/* Not about text still to come. */
		snprintf(s->note, sizeof s->note, "%s", ui_load_busy(ui) ?
		    "none yet (loading)" : "not found");
		s->note_error = !ui_load_busy(ui);
		return;
	}
	r = search_next(ui_search_index(ui), s->re, &s->from, s->pback, &h);
	if (r == SEARCH_NONE)
		return;
	ui_search_show(ui, &h);
	s->pwrapped = r == SEARCH_WRAPPED;
	snprintf(s->note, sizeof s->note, "%zu/%zu%s", s->i, s->n,
	    s->pwrapped ? " (wrapped)" : "");
}

/* ^E and ^R toggle the modes. */
static bool
ui_search_key(struct ui *ui, void *arg, enum ui_cmd c, struct lineedit *le)
{
	if (c != UI_CMD_EDIT_EXACT && c != UI_CMD_EDIT_REGEX)
		return false;
	ui->search.pflags ^= c == UI_CMD_EDIT_EXACT ? SEARCH_EXACT :
	    SEARCH_REGEX;
	ui_search_change(ui, arg, le->buf);
	return true;
}

/* A recalled pattern comes with its modes. */
static void
ui_search_recall(struct ui *ui, void *arg, size_t i)
{
	if (i < ui->search.nhent)
		ui->search.pflags = ui->search.hflags[i];
}

/* Enter or Esc. */
static void
ui_search_done(struct ui *ui, void *arg, const char *text)
{
	struct ui_search *s = &ui->search;
	char		 *cause = NULL;

	s->typing = false;
	if (text == NULL || *text == '\0') {
		/* Cancelled: where we were, the old search for n, no
		   highlights. */
		ui_search_drop_live(ui);
		s->re = s->old;
		s->old = NULL;
		s->shown = false;
		return;
	}
	ui_search_hist_add(ui, text, s->pflags);
	if (s->re == NULL) {
		/* Invalid: say why, keep the old search. */
		search_free(search_compile(text, s->pflags, &cause));
		ui_message(ui, true, "%s", cause != NULL ? cause :
		    "invalid pattern");
		free(cause);
		s->re = s->old;
		s->old = NULL;
		s->shown = false;
		return;
	}
	search_free(s->old);
	s->old = NULL;
	free(s->pattern);
	s->pattern = xstrdup(text);
	s->flags = s->pflags;
	s->backward = s->pback;
	s->shown = true;
	if (ui_load_busy(ui) && (s->n == 0 || !s->have_cur || s->pwrapped)) {
		/* Nothing in what is loaded, or only round an end: the rest
		   decides. */
		view_set_pos(&ui->view, &s->origin);
		s->have_cur = false;
		ui_search_wait(ui, &s->from, s->pback);
		return;
	}
	if (s->n == 0 || !s->have_cur) {
		s->have_cur = false;
		ui_message(ui, true, "Pattern not found: %s", text);
		return;
	}
	ui_place_jumped(ui);
	/* Say if the search went round an end. */
	if (s->pwrapped)
		ui_message(ui, false, s->pback ? "search wrapped to bottom" :
		    "search wrapped to top");
}

static const struct ui_prompt_ops ui_search_ops = {
	.label = ui_search_label,
	.change = ui_search_change,
	.key = ui_search_key,
	.recall = ui_search_recall,
	.note = ui_search_note,
	.done = ui_search_done,
};

/* Open the / or ? prompt. */
void
ui_search_prompt(struct ui *ui, bool backward)
{
	struct ui_search *s = &ui->search;

	ui_search_hist_load(ui);
	if (s->typing)
		return;
	s->waiting = false;
	s->typing = true;
	ui_place_jump(ui);		/* '' goes back here */
	s->pback = backward;
	s->pflags = s->pattern != NULL ? s->flags : 0;
	s->origin = ui->view.pos;
	ui_search_here(ui, &s->from);
	s->old = s->re;
	s->note[0] = '\0';
	s->note_error = false;
	ui_prompt_open(ui, &ui_search_ops, NULL,
	    (const char *const *)s->hent, s->nhent);
}

/* +/pattern. */
void
ui_search_start(struct ui *ui, const char *pattern)
{
	struct ui_search *s = &ui->search;
	struct search_pos p;
	struct search_hit h;
	char		 *cause = NULL;
	int		  r;

	if (*pattern == '\0')
		return;
	if ((s->re = search_compile(pattern, 0, &cause)) == NULL) {
		ui_message(ui, true, "+/%s: %s", pattern, cause != NULL ?
		    cause : "invalid pattern");
		free(cause);
		return;
	}
	free(s->pattern);
	s->pattern = xstrdup(pattern);
	s->flags = 0;
	s->backward = false;
	s->shown = true;
	ui_search_hist_add(ui, pattern, 0);
	view_top(&ui->view);
	ui_search_here(ui, &p);
	s->n = search_count(ui_search_index(ui), s->re);
	r = search_next(ui_search_index(ui), s->re, &p, false, &h);
	if (r == SEARCH_FOUND)
		ui_search_show(ui, &h);
	else if (ui_load_busy(ui))
		ui_search_wait(ui, &p, false);
	else
		ui_message(ui, true, "Pattern not found: %s", pattern);
}

/* Free everything. */
void
ui_search_free(struct ui *ui)
{
	struct ui_search *s = &ui->search;

	if (s->old != s->re)
		search_free(s->old);
	search_free(s->re);
	search_index_free(s->index);
	free(s->pattern);
	free(s->hent);
	free(s->hflags);
	if (s->hist_loaded)
		state_close(&s->hist);
	memset(s, 0, sizeof *s);
}

/* The document is about to change: the index and highlights go. */
void
ui_search_drop_index(struct ui *ui)
{
	struct ui_search *s = &ui->search;

	ui_search_hl_reset(ui);
	search_index_free(s->index);
	s->index = NULL;
}

/* The document is about to change: where the current match is. */
void
ui_search_keep(const struct ui *ui, struct ui_at *at)
{
	const struct ui_search *s = &ui->search;

	memset(at, 0, sizeof *at);
	if (s->re == NULL || !s->have_cur)
		return;
	at->set = true;
	at->page = s->cur.page;
	at->pstory = s->cur.story;
	at->block = s->cur.block;
	at->off = s->cur.start;
}

/* The match at a place: the one starting there (a fuller document shares
   the place) or covering it (another script: the place of the source of
   its first character, which a phrase converted as a whole may have moved
   into the match), else the first after it in its block. */
static bool
ui_search_at(struct ui *ui, const struct ui_at *at, struct search_hit *h)
{
	struct search_index	*ix = ui_search_index(ui);
	const struct search	*re = ui->search.re;
	struct search_pos	 p = { at->page, at->pstory, at->block,
				    at->off + 1 };

	if (search_next(ix, re, &p, 1, h) != SEARCH_NONE &&
	    h->page == at->page && h->story == at->pstory &&
	    h->block == at->block && h->start <= at->off && at->off < h->end)
		return true;
	p.off = at->off;
	return search_next(ix, re, &p, 0, h) != SEARCH_NONE &&
	    h->page == at->page && h->story == at->pstory &&
	    h->block == at->block;
}

/* The document changed: the current match found again at its place,
   the matches counted again. */
void
ui_search_recount(struct ui *ui, const struct ui_at *cur)
{
	struct ui_search *s = &ui->search;
	struct search_pos p;

	if (s->re == NULL)
		return;
	s->n = search_count(ui_search_index(ui), s->re);
	s->have_cur = cur->set && ui_search_at(ui, cur, &s->cur);
	if (s->have_cur) {
		p.page = s->cur.page;
		p.story = s->cur.story;
		p.block = s->cur.block;
		p.off = s->cur.start;
		s->i = search_count_before(ui_search_index(ui), s->re, &p) + 1;
	}
	ui_search_resume(ui);
}
