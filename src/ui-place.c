/*
 * ui-place: the reading position between runs.  The store is the state
 * file "positions" (state.h): the key is the absolute path of the first
 * file, the value "STORY BLOCK OFFSET" (global story, block or "-",
 * joined offset).
 *
 * At start the reader goes to the story asked for (-s) or the saved
 * position.  While the full document loads, a place beyond the quick one
 * waits for it: the loader calls ui_place_restore again after each swap,
 * unless the reader has moved since the start; a reader that quits
 * before then leaves the saved place as it was.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

struct ui_place {
	struct state	 st;		/* the positions store */
	bool		 open;
	char		*key;		/* state key of the document, or NULL */
	char		*err;		/* why the last save failed */
	bool		 tried;		/* ui_place_restore ran once */
	bool		 pending;	/* the place lay beyond the document */
	struct view_pos	 start;		/* view.pos after the restore: the
					   reader has moved when it differs */
};

/* The state key of the document: the absolute path of its first file. */
static char *
ui_place_key(const struct doc *d)
{
	char	 buf[PATH_MAX];

	if (d->nfiles == 0 || strcmp(d->files[0].path, "-") == 0)
		return NULL;
	if (realpath(d->files[0].path, buf) == NULL)
		return NULL;
	return xstrdup(buf);
}

/* Open the store. */
void
ui_place_open(struct ui *ui, char **warn)
{
	struct ui_place	*p = xcalloc(1, sizeof *p);

	ui->place = p;
	*warn = NULL;
	if (ui->opts->remember && (p->key = ui_place_key(ui->doc)) != NULL) {
		state_open(&p->st, NULL, "positions", warn);
		p->open = true;
	}
}

/* Go to the place; see ui-int.h. */
void
ui_place_restore(struct ui *ui, bool final)
{
	struct ui_place	*p = ui->place;
	const char	*v;
	size_t		 gs, b, o;
	char		 bs[32];
	bool		 ok = true;

	if (p->tried) {
		/* Again after a swap: only while the place was missing and
		   the reader stayed where it started. */
		if (!p->pending || memcmp(&ui->view.pos, &p->start,
		    sizeof p->start) != 0) {
			p->pending = false;
			return;
		}
	}
	p->tried = true;
	if (ui->opts->story >= 0) {
		ok = view_restore(&ui->view, (size_t)ui->opts->story,
		    LAYOUT_NOBLOCK, 0);
		if (!ok && final)
			ui_message(ui, true, "no story %ld (%zu stor%s)",
			    ui->opts->story + 1, ui->doc->nstories,
			    ui->doc->nstories == 1 ? "y" : "ies");
	} else if (p->open && (v = state_get(&p->st, p->key)) != NULL &&
	    sscanf(v, "%zu %31s %zu", &gs, bs, &o) == 3) {
		b = strcmp(bs, "-") == 0 ? LAYOUT_NOBLOCK :
		    strtoul(bs, NULL, 10);
		ok = view_restore(&ui->view, gs, b, o);
	}
	p->pending = !ok && !final;
	p->start = ui->view.pos;
}

/* Remember the position. */
void
ui_place_save(struct ui *ui)
{
	struct ui_place	*p = ui->place;
	size_t		 gs, b, o;
	char		*v, bs[32];

	if (p == NULL || !p->open)
		return;
	/* Quit before the full document came: the saved place stays. */
	if (p->pending && memcmp(&ui->view.pos, &p->start,
	    sizeof p->start) == 0)
		return;
	if (view_where(&ui->view, &gs, &b, &o)) {
		if (b == LAYOUT_NOBLOCK)
			strcpy(bs, "-");
		else
			snprintf(bs, sizeof bs, "%zu", b);
		v = xasprintf("%zu %s %zu", gs, bs, o);
		state_set(&p->st, p->key, v);
		free(v);
	} else
		state_set(&p->st, p->key, NULL);
	free(p->err);
	p->err = NULL;
	state_save(&p->st, &p->err);
}

/* Close the store. */
void
ui_place_close(struct ui *ui)
{
	struct ui_place	*p = ui->place;

	if (p == NULL)
		return;
	if (p->err != NULL)
		fprintf(stderr, "dubao: cannot save the reading position: %s\n",
		    p->err);
	free(p->err);
	free(p->key);
	if (p->open)
		state_close(&p->st);
	free(p);
	ui->place = NULL;
}
