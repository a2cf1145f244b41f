/*
 * ui-load: the full document, loaded by a worker thread while the
 * reader already shows the quick one (doc-quick.h), and everything the
 * swap from one to the other needs: whether the document is complete,
 * the messages of the load, a jump asked for beyond the quick document.
 *
 * The worker owns its struct doc and a memory stream for its messages
 * and touches nothing else (standard input as far as the quick step read
 * it is handed over to it); it publishes its progress in atomics
 * (doc_load_ctl) and sets done at the end.  The event loop waits
 * for keys with a short timeout while a load is under way and, between
 * keys, once ui_load_ready says so, has ui_load_swap put the full
 * document in place of the quick one (ui.c: ui_swap drops and rebuilds
 * around it what pointed into the quick document: the search index, the
 * status texts, the open panel).  Here the view is rebased (view_rebase
 * keeps the story, block and offset on top), and a place asked for
 * beyond the quick document is gone to.  The swap waits while a line is
 * being typed (a prompt, a list filter), whose state refers to the
 * document.
 *
 * Signals are blocked in the worker, so that SIGWINCH, SIGTSTP and the
 * quit signals reach the thread that runs curses.  A reader that quits
 * before the load ends does not wait for it: the worker is detached and
 * ends with the process.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc-feed.h"
#include "ui-int.h"
#include "xmalloc.h"

/* The worker and what it owns. */
struct ui_load_job {
	pthread_t	 thread;
	bool		 started;	/* thread runs (else it ran inline) */
	char *const	*paths;
	size_t		 npaths;
	struct doc	 doc;		/* the worker's */
	FILE		*err;		/* its messages (memory stream) */
	char		*errbuf;
	size_t		 errlen;
	struct doc_load_ctl ctl;
	struct doc_feed	 in;		/* standard input so far: the worker's */
	atomic_bool	 done;
};

struct ui_load {
	bool		 loading;	/* the document shown is not complete */
	char *const	*paths;		/* to load in full */
	size_t		 npaths;
	struct doc_feed	*in;		/* standard input so far, or NULL */
	struct ui_load_job *job;	/* the load under way, or NULL */
	char		*msgs;		/* what loading said, for stderr at
					   exit */
	/* A jump asked for beyond the quick document (G, 300g while
	   loading): done again on the full one unless the reader moved. */
	enum ui_go	 go;
	size_t		 go_story;
	struct view_pos	 go_pos;	/* view.pos after the first try */
};

/* The first line of the messages in the status line, as an error. */
static void
ui_load_say(struct ui *ui, const char *msgs)
{
	const char	*nl;

	if (msgs == NULL || *msgs == '\0')
		return;
	nl = strchr(msgs, '\n');
	ui_message(ui, true, "%.*s%s", nl != NULL ? (int)(nl - msgs) :
	    (int)strlen(msgs), msgs, nl != NULL && nl[1] != '\0' ?
	    " (more at exit)" : "");
}

/* Set up the loading; see ui-int.h. */
void
ui_load_init(struct ui *ui, const struct ui_input *in)
{
	struct ui_load	*l = xcalloc(1, sizeof *l);

	ui->load = l;
	l->paths = in->paths;
	l->npaths = in->npaths;
	l->in = in->in;
	/* Until the worker starts (after the first screen), positions
	   beyond the quick document wait for it. */
	l->loading = in->partial;
	if (in->msgs != NULL && *in->msgs != '\0') {
		l->msgs = xstrdup(in->msgs);
		ui_load_say(ui, l->msgs);
	}
	ui_place_restore(ui, !l->loading);
}

/* The worker. */
static void *
ui_load_main(void *arg)
{
	struct ui_load_job *j = arg;

	doc_load(&j->doc, j->paths, j->npaths, j->err, &j->ctl);
	if (j->err != NULL)
		fflush(j->err);
	atomic_store(&j->done, true);
	return NULL;
}

/* Start the worker. */
void
ui_load_start(struct ui *ui)
{
	struct ui_load	*l = ui->load;
	struct ui_load_job *j;
	sigset_t	 all, old;

	if (!l->loading || l->job != NULL)
		return;
	j = xcalloc(1, sizeof *j);
	j->paths = l->paths;
	j->npaths = l->npaths;
	j->err = open_memstream(&j->errbuf, &j->errlen);
	atomic_init(&j->ctl.files, 0);
	atomic_init(&j->ctl.total, 0);
	atomic_init(&j->ctl.permille, 0);
	atomic_init(&j->ctl.stories, 0);
	atomic_init(&j->ctl.stop, false);
	if (l->in != NULL) {
		/* The worker's from now on (the caller's feed is left
		   empty): it may outlive the reader. */
		j->in = *l->in;
		doc_feed_init(l->in, l->in->fd);
		j->ctl.in = &j->in;
		l->in = NULL;
	}
	atomic_init(&j->done, false);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	j->started = pthread_create(&j->thread, NULL, ui_load_main, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!j->started)
		ui_load_main(j);	/* no thread: load now */
	l->job = j;
}

/* Is the document incomplete? */
bool
ui_load_busy(const struct ui *ui)
{
	return ui->load != NULL && ui->load->loading;
}

/* Is a worker running? */
bool
ui_load_running(const struct ui *ui)
{
	return ui->load != NULL && ui->load->job != NULL;
}

/* Progress of the load. */
bool
ui_load_progress(const struct ui *ui, size_t *done, size_t *total)
{
	const struct ui_load *l = ui->load;

	if (l == NULL || l->job == NULL) {
		*done = *total = 0;
		return ui_load_busy(ui);	/* about to start */
	}
	*done = atomic_load(&l->job->ctl.files);
	*total = atomic_load(&l->job->ctl.total);
	return true;
}

/* A jump beyond what is loaded so far. */
void
ui_load_go_later(struct ui *ui, enum ui_go what, size_t story)
{
	struct ui_load *l = ui->load;

	l->go = what;
	l->go_story = story;
	l->go_pos = ui->view.pos;
	ui_message(ui, false, "(still loading: going there when loaded)");
}

/* Join the finished worker and take its messages. */
static void
ui_load_join(struct ui_load *l, struct ui_load_job *j)
{
	if (j->started)
		pthread_join(j->thread, NULL);
	if (j->err != NULL) {
		fclose(j->err);
		j->err = NULL;
		/* The full load said everything again: its messages are
		   the ones that count. */
		free(l->msgs);
		l->msgs = NULL;
		if (j->errlen > 0)
			l->msgs = j->errbuf;
		else
			free(j->errbuf);
	}
}

/* Is the full document there to be put in place? */
bool
ui_load_ready(const struct ui *ui)
{
	const struct ui_load *l = ui->load;

	if (l == NULL || l->job == NULL || !atomic_load(&l->job->done))
		return false;
	return !((ui->panel != NULL && ui->panel->line) || ui->typing ||
	    ui->search.typing);
}

/* Put the full document in place of the quick one. */
void
ui_load_swap(struct ui *ui)
{
	struct ui_load		*l = ui->load;
	struct ui_load_job	*j = l->job;
	struct doc		 old;
	enum ui_go		 go = l->go;
	bool			 went;

	went = memcmp(&ui->view.pos, &l->go_pos, sizeof ui->view.pos) != 0;
	l->go = UI_GO_NONE;
	ui_load_join(l, j);
	old = *ui->doc;
	*ui->doc = j->doc;
	memset(&j->doc, 0, sizeof j->doc);
	free(j);
	l->job = NULL;
	l->loading = false;
	view_rebase(&ui->view, ui->doc);
	doc_free(&old);
	ui_place_restore(ui, true);
	if (go != UI_GO_NONE && !went) {
		ui->msg[0] = '\0';	/* "still loading": done now */
		if (go == UI_GO_END)
			view_bottom(&ui->view);
		else
			view_restore(&ui->view, l->go_story, LAYOUT_NOBLOCK,
			    0);
	}
	ui_load_say(ui, l->msgs);
	ui_timing(ui, "full");
}

/* At exit. */
void
ui_load_end(struct ui *ui)
{
	struct ui_load		*l = ui->load;
	struct ui_load_job	*j;

	if (l == NULL)
		return;
	ui->load = NULL;
	if ((j = l->job) != NULL) {
		if (!atomic_load(&j->done)) {
			/* Not worth waiting for: it ends with the process. */
			atomic_store(&j->ctl.stop, true);
			pthread_detach(j->thread);
		} else {
			ui_load_join(l, j);
			/* The caller gets the full document (and its
			   errors). */
			doc_free(ui->doc);
			*ui->doc = j->doc;
			free(j);
		}
	}
	if (l->msgs != NULL)
		fputs(l->msgs, stderr);
	free(l->msgs);
	free(l);
}
