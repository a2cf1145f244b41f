/*
 * ui-script: reading in another script (the c key, --script).
 *
 * c cycles original → simplified → traditional → taiwan → hongkong.  A
 * worker thread makes the document in the new script (doc_script_copy:
 * every file converted from its source, parsed, its statistics found)
 * while the reader stays live and says "converting…"; between keys
 * ui_script_poll puts it in place.  Everything that pointed into the old
 * document is rebuilt, as after a load: the view (on the same place:
 * the source byte at the top of the screen is found in the new
 * document), the open panel, the search index, its count and current
 * match (found again through its source byte), the highlights.
 *
 * The worker only reads the shown document, which does not change while
 * it runs: no switch while the full document is still loading, and the
 * reader waits for the worker (telling it to stop) before it frees
 * anything.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "doc-script.h"
#include "ui-int.h"
#include "xmalloc.h"

struct ui_script {
	pthread_t	 thread;
	bool		 started;	/* thread runs (else it ran inline) */
	const struct doc *src;
	enum script	 to;
	struct doc	 doc;		/* the worker's */
	struct doc_quick_progress pr;
	atomic_bool	 done;
};

/* The worker. */
static void *
ui_script_main(void *arg)
{
	struct ui_script *j = arg;

	doc_script_copy(&j->doc, j->src, j->to, &j->pr);
	atomic_store(&j->done, true);
	return NULL;
}

/* c: the next script. */
void
ui_script_next(struct ui *ui)
{
	struct ui_script *j;
	enum script	 to;
	sigset_t	 all, old;
	char		*err;

	if (ui->script != NULL) {
		ui_message(ui, false, "(converting to %s…)",
		    script_name(ui->script->to));
		return;
	}
	if (ui->load != NULL || ui->loading) {
		ui_message(ui, false, "(still loading: c once it is loaded)");
		return;
	}
	to = script_next(ui->doc->script);
	if (script_check(to, &err) != 0) {
		ui_message(ui, true, "%s", err);
		free(err);
		return;
	}
	j = xcalloc(1, sizeof *j);
	j->src = ui->doc;
	j->to = to;
	atomic_init(&j->pr.files, 0);
	atomic_init(&j->pr.total, 0);
	atomic_init(&j->pr.stories, 0);
	atomic_init(&j->pr.stop, false);
	atomic_init(&j->done, false);
	ui->script = j;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	j->started = pthread_create(&j->thread, NULL, ui_script_main, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!j->started)
		ui_script_main(j);	/* no thread: convert now */
	ui_message(ui, false, "converting to %s…", script_name(to));
}

/* The search's current match, found again in the new document. */
static void
ui_script_search(struct ui *ui, bool had, size_t file, size_t src)
{
	struct ui_search *s = &ui->search;
	struct search_pos p;
	struct search_hit h;
	struct doc_page	*dp;
	size_t		 gs, st;

	if (s->re == NULL)
		return;
	if (had && doc_script_find(ui->doc, file, src, &gs, &p.block,
	    &p.off) && (dp = doc_story(ui->doc, gs, &st)) != NULL) {
		p.page = (size_t)(dp - ui->doc->pages);
		p.story = st;
		if (search_next(ui_search_index(ui), s->re, &p, 0, &h) !=
		    SEARCH_NONE)
			s->cur = h;
		else
			s->have_cur = false;
	} else
		s->have_cur = false;
	ui_search_recount(ui);
}

/* Put the converted document in place. */
static void
ui_script_swap(struct ui *ui, struct ui_script *j)
{
	const struct ui_mode	*m = ui->panel;
	struct ui_search	*s = &ui->search;
	struct doc		 old;
	size_t			 gs, b, off, file = 0, src = 0, cfile = 0;
	size_t			 csrc = 0, cgs;
	bool			 at, cur = false;

	/* Where the top of the screen and the current match come from. */
	at = view_where(&ui->view, &gs, &b, &off) &&
	    doc_script_where(ui->doc, gs, b, off, &file, &src);
	if (s->re != NULL && s->have_cur && s->cur.story != SEARCH_BANNER)
		cur = doc_script_where(ui->doc,
		    ui->doc->pages[s->cur.page].first_story + s->cur.story,
		    s->cur.block, s->cur.start, &cfile, &csrc);
	if (m != NULL) {
		m->free(ui, ui->panel_data);
		ui->panel = NULL;
		ui->panel_data = NULL;
	}
	ui_search_drop_index(ui);
	ui_pager_forget(ui);
	old = *ui->doc;
	*ui->doc = j->doc;
	memset(&j->doc, 0, sizeof j->doc);
	view_rebase(&ui->view, ui->doc);
	if (at && doc_script_find(ui->doc, file, src, &cgs, &b, &off))
		view_restore(&ui->view, cgs, b, off);
	ui_script_search(ui, cur, cfile, csrc);
	doc_free(&old);
	if (m != NULL)
		ui_open(ui, m);
	ui_message(ui, false, "script: %s", script_name(ui->doc->script));
}

/* Between keys: the converted document, when it is there. */
bool
ui_script_poll(struct ui *ui)
{
	struct ui_script *j = ui->script;

	if (j == NULL || !atomic_load(&j->done))
		return false;
	if ((ui->panel != NULL && ui->panel->line) || ui->typing ||
	    ui->search.typing)
		return false;		/* not while a line is typed */
	if (j->started)
		pthread_join(j->thread, NULL);
	ui_script_swap(ui, j);
	free(j);
	ui->script = NULL;
	return true;
}

/* After a folded search: the missing dictionaries, said once. */
void
ui_script_fold_note(struct ui *ui)
{
	const char *e;

	if (ui->fold_told || (ui->search.re != NULL &&
	    (search_flags(ui->search.re) & SEARCH_EXACT)) ||
	    (e = script_error()) == NULL)
		return;
	ui->fold_told = true;
	ui_message(ui, true, "%s", e);
}

/* At exit: stop the worker and wait for it (it reads the document). */
void
ui_script_end(struct ui *ui)
{
	struct ui_script *j = ui->script;

	if (j == NULL)
		return;
	atomic_store(&j->pr.stop, true);
	if (j->started)
		pthread_join(j->thread, NULL);
	doc_free(&j->doc);
	free(j);
	ui->script = NULL;
}
