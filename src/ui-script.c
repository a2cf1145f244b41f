/*
 * ui-script: reading in another script (the c key, --script).
 *
 * c cycles original → simplified → traditional → taiwan → hongkong.  A
 * worker thread makes the document in the new script (doc_script_copy:
 * every file converted from its source, parsed, its statistics found)
 * while the reader stays live and says "converting…"; between keys the
 * loop (ui.c: ui_swap) has ui_script_swap put it in place and rebuilds
 * around it what pointed into the old document, as after a load: the
 * open panel, the marked statistic, the search's index, current match and
 * count.  Here the view is kept on the same place (the source byte at the
 * top of the screen is found in the new document), and so are the places
 * the loop keeps (a panel's entry, the marked statistic, the current
 * match): each is taken back to the source byte it shows and found again
 * in the converted text, whose stories, blocks and offsets may differ.
 *
 * The worker only reads the shown document, which does not change while
 * it runs: no switch while the full document is still loading (the
 * loader is still to replace it), no swap of a loaded one until the
 * converted one is in place, and the reader waits for the worker
 * (telling it to stop) before it frees anything.
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
	struct doc_load_ctl pr;
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
	if (ui_load_busy(ui) || ui_load_running(ui)) {
		/* The worker converts the document shown, which the loader
		   is still to replace. */
		ui_message(ui, false, "(c converts the whole text: not while "
		    "loading)");
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

/* Is the converted document there, and may it be put in place? */
bool
ui_script_ready(const struct ui *ui)
{
	const struct ui_script *j = ui->script;

	return j != NULL && atomic_load(&j->done) &&
	    !((ui->panel != NULL && ui->panel->line) || ui->typing ||
	    ui->search.typing);		/* not while a line is typed */
}

/* Before the swap: the source of a place in the old document.  A banner
   is no story of the source map: it keeps its page and block. */
static void
ui_script_from(const struct doc *d, struct ui_at *at)
{
	at->src_ok = at->set && at->pstory != VIEW_BANNER &&
	    at->page < d->npages &&
	    doc_script_where(d, d->pages[at->page].first_story + at->pstory,
	    at->block, at->off, &at->file, &at->src);
}

/* After it: the place in the new document.  A place naming no block (a
   story's title) names none in the new one either. */
static void
ui_script_to(const struct doc *d, struct ui_at *at)
{
	const struct doc_page	*dp;
	size_t			 gs, b, off, st;

	if (!at->set || at->pstory == VIEW_BANNER) {
		at->set = at->set && at->page < d->npages;
		return;
	}
	if (!at->src_ok || !doc_script_find(d, at->file, at->src, &gs, &b,
	    &off) || (dp = doc_story(d, gs, &st)) == NULL) {
		at->set = false;
		return;
	}
	at->page = (size_t)(dp - d->pages);
	at->pstory = st;
	if (at->block != LAYOUT_NOBLOCK) {
		at->block = b;
		at->off = off;
	}
}

/* Put the converted document in place. */
void
ui_script_swap(struct ui *ui, struct ui_at *const *at, size_t n)
{
	struct ui_script	*j = ui->script;
	struct doc		 old;
	size_t			 gs, b, off, file = 0, src = 0, i;
	bool			 top;

	if (j == NULL || !atomic_load(&j->done))
		return;
	if (j->started)
		pthread_join(j->thread, NULL);
	/* Where the top of the screen and the places come from. */
	top = view_where(&ui->view, &gs, &b, &off) &&
	    doc_script_where(ui->doc, gs, b, off, &file, &src);
	for (i = 0; i < n; i++)
		ui_script_from(ui->doc, at[i]);
	old = *ui->doc;
	*ui->doc = j->doc;
	free(j);
	ui->script = NULL;
	view_rebase(&ui->view, ui->doc);
	if (top && doc_script_find(ui->doc, file, src, &gs, &b, &off))
		view_restore(&ui->view, gs, b, off);
	for (i = 0; i < n; i++)
		ui_script_to(ui->doc, at[i]);
	doc_free(&old);
	ui_message(ui, false, "script: %s", script_name(ui->doc->script));
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
