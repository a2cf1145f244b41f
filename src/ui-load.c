/*
 * ui-load: the full document, loaded by a worker thread while the
 * reader already shows the quick one (doc-quick.h), and everything the
 * swap from one to the other needs: whether the document is complete,
 * the messages of the load, a jump asked for beyond what is loaded.
 *
 * The worker owns its documents, a memory stream for its messages and
 * standard input as far as the quick step read it, and touches nothing
 * else; it publishes its progress in atomics (doc_load_ctl) and hands
 * over documents through a slot under a mutex: the full one at the end,
 * and, for a page that arrives on a pipe, fuller ones on the way, as
 * pages come (ended by a form feed, or by a pause of the writer).  Those
 * are made again from all the bytes so far, so they come no more often
 * than four times the time one takes to make: the worker spends at most
 * a fifth of its time on them.  A document not yet taken is replaced by
 * the next.
 *
 * The event loop waits for keys with a short timeout while a load is
 * under way and, between keys, once ui_load_ready says so, has
 * ui_load_swap put the document of the slot in place of the one shown
 * (ui.c: ui_swap drops and rebuilds around it what pointed into the old
 * one: the search index, the status texts, the open panel, the marked
 * statistic).  Here the
 * view is rebased (view_rebase keeps the story, block and offset on
 * top), and a place asked for beyond the old document is gone to.  The
 * swap waits while a line is being typed (a prompt, a list filter),
 * whose state refers to the document.
 *
 * F follows the files: every half second (ui.c) they are looked at
 * (their sizes and times, the pages of a directory), and when they
 * changed the whole document is loaded again in the background and put
 * in place like the full one, the view at its end.  v asks the same once
 * after the editor.  Standard input needs none of it: its pages come as
 * they arrive.
 *
 * Signals are blocked in the worker, so that SIGWINCH, SIGTSTP and the
 * quit signals reach the thread that runs curses.  A reader that quits
 * before the load ends does not wait for it: the worker is detached and
 * ends with the process.
 */
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc-feed.h"
#include "doc-quick.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_LOAD_PAUSE_MS	DOC_QUICK_WAIT_MS	/* the writer paused */
#define UI_LOAD_COST		4	/* between documents on the way: this
					   many times the time one takes */

/* The worker and what it owns. */
struct ui_load_job {
	pthread_t	 thread;
	bool		 started;	/* thread runs (else it ran inline) */
	char *const	*paths;
	size_t		 npaths;
	bool		 stream;	/* standard input alone: its pages are
					   shown as they come */
	bool		 reload;	/* the files again (F, v): no progress
					   shown */
	enum script	 script;	/* the script of the documents made */
	FILE		*err;		/* its messages (memory stream) */
	char		*errbuf;
	size_t		 errlen;
	struct doc_load_ctl ctl;
	struct doc_feed	 in;		/* standard input so far: the worker's */
	pthread_mutex_t	 lock;
	struct doc	*next;		/* a document for the reader (lock) */
	bool		 next_final;	/* it is the full one (lock) */
	atomic_bool	 ready;		/* next is there */
	atomic_bool	 done;		/* the worker has ended */
};

struct ui_load {
	bool		 loading;	/* the document shown is not complete */
	char *const	*paths;		/* to load in full */
	size_t		 npaths;
	struct doc_feed	*in;		/* standard input so far, or NULL */
	struct ui_load_job *job;	/* the load under way, or NULL */
	char		*msgs;		/* what loading said, for stderr at
					   exit */
	/* A jump asked for beyond what is loaded (G, 300g while loading):
	   done again on each fuller document unless the reader moved. */
	enum ui_go	 go;
	size_t		 go_story;
	struct view_pos	 go_pos;	/* view.pos after the last try */
	bool		 following;	/* F */
	unsigned long long seen;	/* how the files were (ui_load_watch) */
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

/* Hand a document to the reader (replacing one it has not taken). */
static void
ui_load_publish(struct ui_load_job *j, struct doc *d, bool final)
{
	struct doc	*old;

	pthread_mutex_lock(&j->lock);
	old = j->next;
	j->next = d;
	j->next_final = final;
	atomic_store(&j->ready, true);
	pthread_mutex_unlock(&j->lock);
	if (old != NULL) {
		doc_free(old);
		free(old);
	}
}

/* The whole of standard input, as doc_load reads it (after the bytes
   the feed holds). */
static struct doc *
ui_load_all(struct ui_load_job *j)
{
	struct doc	*d = xcalloc(1, sizeof *d);

	d->script = j->script;		/* --script, c */
	doc_load(d, j->paths, j->npaths, j->err, &j->ctl);
	return d;
}

/* Standard input alone: read it as it comes, and hand over a fuller
   document when whole pages came (a form feed ended them, or the writer
   paused), no more often than UI_LOAD_COST times the time one takes. */
static void
ui_load_stream(struct ui_load_job *j)
{
	struct doc_feed	*f = &j->in;
	struct doc	*d;
	size_t		 shown = f->len, whole;
	long long	 now, last = doc_feed_ms(), cost = 0;
	const char	*ff;

	while (!atomic_load(&j->ctl.stop)) {
		doc_feed_read(f, UI_LOAD_PAUSE_MS, 0);
		if (f->end)
			break;
		now = doc_feed_ms();
		if (f->len == shown || now - last < UI_LOAD_COST * cost)
			continue;
		if (now - f->t_last >= UI_LOAD_PAUSE_MS)
			whole = doc_quick_cut(f->buf, f->len);	/* paused */
		else if ((ff = memrchr(f->buf, '\f', f->len)) != NULL)
			whole = (size_t)(ff - f->buf) + 1;
		else
			continue;
		if (whole <= shown)
			continue;
		d = xcalloc(1, sizeof *d);
		d->script = j->script;
		if (doc_feed_doc(f, d, whole) != 0) {
			doc_free(d);	/* not text: the full load says so */
			free(d);
			shown = whole;
			continue;
		}
		shown = whole;
		ui_load_publish(j, d, false);
		last = doc_feed_ms();
		cost = last - now;
	}
	ui_load_publish(j, ui_load_all(j), true);
}

/* The worker. */
static void *
ui_load_main(void *arg)
{
	struct ui_load_job *j = arg;

	if (j->stream)
		ui_load_stream(j);
	else
		ui_load_publish(j, ui_load_all(j), true);
	if (j->err != NULL)
		fflush(j->err);
	atomic_store(&j->done, true);
	return NULL;
}

/* Start a worker on the paths (reload: again, as F and v ask). */
static void
ui_load_run(struct ui *ui, bool reload)
{
	struct ui_load	*l = ui->load;
	struct ui_load_job *j;
	sigset_t	 all, old;

	j = xcalloc(1, sizeof *j);
	j->reload = reload;
	j->script = ui->doc->script;
	j->paths = l->paths;
	j->npaths = l->npaths;
	j->err = open_memstream(&j->errbuf, &j->errlen);
	pthread_mutex_init(&j->lock, NULL);
	atomic_init(&j->ctl.files, 0);
	atomic_init(&j->ctl.total, 0);
	atomic_init(&j->ctl.permille, 0);
	atomic_init(&j->ctl.stories, 0);
	atomic_init(&j->ctl.stop, false);
	atomic_init(&j->ready, false);
	atomic_init(&j->done, false);
	if (l->in != NULL) {
		/* The worker's from now on (the caller's feed is left
		   empty): it may outlive the reader. */
		j->in = *l->in;
		doc_feed_init(l->in, l->in->fd);
		j->ctl.in = &j->in;
		l->in = NULL;
		j->stream = j->npaths == 1 && strcmp(j->paths[0], "-") == 0;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	j->started = pthread_create(&j->thread, NULL, ui_load_main, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!j->started)
		ui_load_main(j);	/* no thread: load now */
	l->job = j;
}

/* Start the worker. */
void
ui_load_start(struct ui *ui)
{
	struct ui_load	*l = ui->load;

	if (!l->loading || l->job != NULL)
		return;
	ui_load_run(ui, false);
}

/* A number that changes when the files change: their sizes and times,
   the pages of each directory given. */
static unsigned long long
ui_load_stamp(const struct ui *ui)
{
	const struct ui_load	*l = ui->load;
	struct stat		 sb;
	unsigned long long	 h = 1469598103934665603ULL;
	size_t			 i, n;
	char			*first;

	for (i = 0; i < ui->doc->nfiles; i++) {
		if (strcmp(ui->doc->files[i].path, "-") == 0 ||
		    stat(ui->doc->files[i].path, &sb) != 0)
			continue;
		h = (h ^ (unsigned long long)sb.st_size) * 1099511628211ULL;
		h = (h ^ (unsigned long long)sb.st_mtim.tv_sec) *
		    1099511628211ULL;
		h = (h ^ (unsigned long long)sb.st_mtim.tv_nsec) *
		    1099511628211ULL;
	}
	for (i = 0; i < l->npaths; i++) {
		if ((first = doc_first_page(l->paths[i], &n)) == NULL)
			continue;
		free(first);
		h = (h ^ n) * 1099511628211ULL;
	}
	return h;
}

/* Note how the files are. */
void
ui_load_watch(struct ui *ui)
{
	ui->load->seen = ui_load_stamp(ui);
}

/* Load the files again if they changed. */
void
ui_load_check(struct ui *ui)
{
	struct ui_load		*l = ui->load;
	unsigned long long	 now;

	if (l->job != NULL || l->npaths == 0 ||
	    (l->npaths == 1 && strcmp(l->paths[0], "-") == 0))
		return;		/* a load runs, or a pipe: it comes anyway */
	if ((now = ui_load_stamp(ui)) == l->seen)
		return;
	l->seen = now;
	ui_load_run(ui, true);
}

/* F. */
void
ui_load_follow(struct ui *ui, bool on)
{
	struct ui_load	*l = ui->load;

	if (on == l->following)
		return;
	l->following = on;
	if (!on) {
		ui_message(ui, false, "stopped following");
		return;
	}
	ui_load_watch(ui);
	view_bottom(&ui->view);
}

/* Following? */
bool
ui_load_following(const struct ui *ui)
{
	return ui->load != NULL && ui->load->following;
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

	if (l == NULL || l->job == NULL || l->job->reload) {
		*done = *total = 0;
		return ui_load_busy(ui);	/* about to start */
	}
	*done = atomic_load(&l->job->ctl.files);
	*total = atomic_load(&l->job->ctl.total);
	return true;
}

/* How much is loaded, in per cent. */
int
ui_load_percent(const struct ui *ui)
{
	const struct ui_load *l = ui->load;
	size_t		 files, total, pm;
	int		 pct;

	if (l == NULL || !l->loading)
		return 100;
	if (l->job == NULL || l->job->stream)
		return l->job == NULL ? 0 : -1;
	files = atomic_load(&l->job->ctl.files);
	total = atomic_load(&l->job->ctl.total);
	pm = atomic_load(&l->job->ctl.permille);
	if (total == 0)
		return 0;
	pct = (int)((files * 1000 + (files < total ? pm : 0)) / (total * 10));
	return pct > 99 ? 99 : pct;
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
	doc_feed_free(&j->in);
	pthread_mutex_destroy(&j->lock);
}

/* Is a fuller document there to be put in place? */
bool
ui_load_ready(const struct ui *ui)
{
	const struct ui_load *l = ui->load;

	if (l == NULL || l->job == NULL || !atomic_load(&l->job->ready))
		return false;
	return !((ui->panel != NULL && ui->panel->line) || ui->typing ||
	    ui->search.typing);
}

/* Take the document of the slot; *final: it is the full one. */
static struct doc *
ui_load_take(struct ui_load_job *j, bool *final)
{
	struct doc	*d;

	pthread_mutex_lock(&j->lock);
	d = j->next;
	*final = j->next_final;
	j->next = NULL;
	atomic_store(&j->ready, false);
	pthread_mutex_unlock(&j->lock);
	return d;
}

/* Go on with a jump asked for beyond what was loaded, unless the reader
   moved since (waiting false); final: nothing more will come. */
static void
ui_load_go(struct ui *ui, bool waiting, bool final)
{
	struct ui_load	*l = ui->load;
	bool		 there = false;

	if (l->go == UI_GO_NONE)
		return;
	if (!waiting) {
		l->go = UI_GO_NONE;	/* the reader moved meanwhile */
		return;
	}
	if (l->go == UI_GO_END)
		view_bottom(&ui->view);
	else if (l->go == UI_GO_PERCENT)
		view_goto_percent(&ui->view, (long)l->go_story);
	else
		there = view_restore(&ui->view, l->go_story, LAYOUT_NOBLOCK,
		    0);
	l->go_pos = ui->view.pos;
	if (final || there) {
		l->go = UI_GO_NONE;
		ui->msg[0] = '\0';	/* "still loading": done now */
	}
}

/* Put the document of the slot in place of the one shown. */
void
ui_load_swap(struct ui *ui)
{
	struct ui_load		*l = ui->load;
	struct ui_load_job	*j = l->job;
	struct doc		 old, *d;
	bool			 final, place, go;

	if ((d = ui_load_take(j, &final)) == NULL)
		return;
	/* Whether the reader moved is asked before the view is rebased. */
	place = ui_place_waiting(ui);
	go = l->go != UI_GO_NONE && memcmp(&ui->view.pos, &l->go_pos,
	    sizeof ui->view.pos) == 0;
	if (final) {
		ui_load_join(l, j);
		free(j);
		l->job = NULL;
		l->loading = false;
	}
	old = *ui->doc;
	*ui->doc = *d;
	free(d);
	view_rebase(&ui->view, ui->doc);
	doc_free(&old);
	ui_place_retry(ui, place, final);
	ui_load_go(ui, go, final);
	if (l->following)
		view_bottom(&ui->view);
	if (final) {
		ui_load_say(ui, l->msgs);
		ui_timing(ui, "full");
	}
}

/* At exit. */
void
ui_load_end(struct ui *ui)
{
	struct ui_load		*l = ui->load;
	struct ui_load_job	*j;
	struct doc		*d;
	bool			 final = false;

	if (l == NULL)
		return;
	ui->load = NULL;
	if ((j = l->job) != NULL) {
		if (!atomic_load(&j->done)) {
			/* Not worth waiting for: it ends with the process. */
			atomic_store(&j->ctl.stop, true);
			pthread_detach(j->thread);
		} else {
			d = ui_load_take(j, &final);
			ui_load_join(l, j);
			free(j);
			if (d != NULL && final) {
				/* The caller gets the full document (and its
				   errors). */
				doc_free(ui->doc);
				*ui->doc = *d;
			} else if (d != NULL)
				doc_free(d);
			free(d);
		}
	}
	if (l->msgs != NULL)
		fputs(l->msgs, stderr);
	free(l->msgs);
	free(l);
}
