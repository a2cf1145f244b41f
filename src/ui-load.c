/*
 * ui-load: the full document, loaded by a worker thread while the
 * reader already shows the quick one (doc-quick.h).
 *
 * The worker owns its struct doc and a memory stream for its messages
 * and touches nothing else; it publishes its progress in atomics
 * (doc_quick_progress) and sets done at the end.  The event loop waits
 * for keys with a short timeout while a load is under way and calls
 * ui_load_poll between keys: once done, the worker is joined and the full
 * document takes the quick one's place.  Everything that pointed into
 * the quick document is rebuilt then: the view (view_rebase keeps the
 * story, block and offset on top), the open panel (closed and opened
 * again), the search index and highlights.  The swap waits while a line
 * is being typed (a prompt, a list filter), whose state refers to the
 * document.
 *
 * Signals are blocked in the worker, so that SIGWINCH, SIGTSTP and the
 * quit signals reach the thread that runs curses.  A reader that quits
 * before the load ends does not wait for it: the worker is detached and
 * ends with the process.
 */
#include <curses.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc-quick.h"
#include "ui-int.h"
#include "xmalloc.h"

struct ui_load {
	pthread_t	 thread;
	bool		 started;	/* thread runs (else it ran inline) */
	char *const	*paths;
	size_t		 npaths;
	struct doc	 doc;		/* the worker's */
	FILE		*err;		/* its messages (memory stream) */
	char		*errbuf;
	size_t		 errlen;
	struct doc_quick_progress pr;
	atomic_bool	 done;
};

/* The worker. */
static void *
ui_load_main(void *arg)
{
	struct ui_load *l = arg;

	doc_quick_load(&l->doc, l->paths, l->npaths, l->err, &l->pr);
	if (l->err != NULL)
		fflush(l->err);
	atomic_store(&l->done, true);
	return NULL;
}

/* Start loading paths. */
void
ui_load_start(struct ui *ui, char *const *paths, size_t npaths)
{
	struct ui_load	*l = xcalloc(1, sizeof *l);
	sigset_t	 all, old;

	l->paths = paths;
	l->npaths = npaths;
	l->doc.script = ui->doc->script;	/* --script */
	l->err = open_memstream(&l->errbuf, &l->errlen);
	atomic_init(&l->pr.files, 0);
	atomic_init(&l->pr.total, 0);
	atomic_init(&l->pr.stories, 0);
	atomic_init(&l->pr.stop, false);
	atomic_init(&l->done, false);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	l->started = pthread_create(&l->thread, NULL, ui_load_main, l) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!l->started)
		ui_load_main(l);	/* no thread: load now */
	ui->load = l;
}

/* Progress of the load. */
bool
ui_load_progress(struct ui *ui, size_t *done, size_t *total)
{
	if (ui->load == NULL) {
		*done = *total = 0;
		return ui->loading;	/* about to start */
	}
	*done = atomic_load(&ui->load->pr.files);
	*total = atomic_load(&ui->load->pr.total);
	return true;
}

/* Join the finished worker and take its messages. */
static void
ui_load_join(struct ui *ui, struct ui_load *l)
{
	if (l->started)
		pthread_join(l->thread, NULL);
	if (l->err != NULL) {
		fclose(l->err);
		if (l->errlen > 0)
			ui->load_errors = l->errbuf;
		else
			free(l->errbuf);
	}
	l->err = NULL;
}

/* Put the full document in place of the quick one. */
static void
ui_load_swap(struct ui *ui, struct ui_load *l)
{
	const struct ui_mode	*m = ui->panel;
	struct doc		 old;
	bool			 moved, went;
	int			 go;
	char			*nl;

	moved = memcmp(&ui->view.pos, &ui->start_pos, sizeof ui->view.pos)
	    != 0;
	go = ui->go_pending;
	went = memcmp(&ui->view.pos, &ui->go_pos, sizeof ui->view.pos) != 0;
	ui->go_pending = UI_GO_NONE;
	if (m != NULL) {
		m->free(ui, ui->panel_data);
		ui->panel = NULL;
		ui->panel_data = NULL;
	}
	ui_search_drop_index(ui);
	ui_pager_forget(ui);
	old = *ui->doc;
	*ui->doc = l->doc;
	memset(&l->doc, 0, sizeof l->doc);
	view_rebase(&ui->view, ui->doc);
	doc_free(&old);
	if (ui->restore_pending) {
		ui->restore_pending = false;
		if (!moved)
			ui_restore(ui);
	}
	if (go != UI_GO_NONE && !went) {
		ui->msg[0] = '\0';	/* "still loading": done now */
		if (go == UI_GO_END)
			view_bottom(&ui->view);
		else
			view_restore(&ui->view, ui->go_story,
			    LAYOUT_NOBLOCK, 0);
	}
	if (m != NULL)
		ui_open(ui, m);
	ui_search_recount(ui);
	if (ui->load_errors != NULL) {
		nl = strchr(ui->load_errors, '\n');
		ui_message(ui, true, "%.*s%s", nl != NULL ?
		    (int)(nl - ui->load_errors) : (int)strlen(ui->load_errors),
		    ui->load_errors, nl != NULL && nl[1] != '\0' ?
		    " (more at exit)" : "");
	}
}

/* Between keys: take the full document when it is there. */
bool
ui_load_poll(struct ui *ui)
{
	struct ui_load *l = ui->load;

	if (l == NULL || !atomic_load(&l->done))
		return false;
	if ((ui->panel != NULL && ui->panel->line) || ui->typing ||
	    ui->search.typing)
		return false;
	ui_load_join(ui, l);
	ui_load_swap(ui, l);
	free(l);
	ui->load = NULL;
	ui->loading = false;
	ui_timing(ui, "full");
	return true;
}

/* At exit. */
void
ui_load_end(struct ui *ui)
{
	struct ui_load *l = ui->load;

	if (l == NULL)
		return;
	ui->load = NULL;
	if (!atomic_load(&l->done)) {
		/* Not worth waiting for: it ends with the process. */
		atomic_store(&l->pr.stop, true);
		pthread_detach(l->thread);
		return;
	}
	ui_load_join(ui, l);
	/* The caller gets the full document (and its errors). */
	doc_free(ui->doc);
	*ui->doc = l->doc;
	free(l);
}
