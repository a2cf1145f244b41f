/*
 * ui-place: the reading position between runs, per file.
 *
 * The store is the state file "positions" (state.h).  Every file read in
 * a session gets its own entry, in its own terms: the key is the file's
 * absolute path, the value "STORY BLOCK OFFSET" (the story counted from
 * the file's first, the block or "-", the joined offset); reading two
 * files at once no longer writes a number of the session under the
 * first.  A directory given on the command line also gets an entry, the
 * page file last read in it: "STORY BLOCK OFFSET NAME".  The files read
 * are noted as the reader moves (ui_place_note), the last hundred of
 * them kept.
 *
 * At start the reader goes to the story asked for (-s), else to the place
 * saved for the first path: a file's own, or a directory's last page
 * (without one, its first page's own).  While the full document loads, a
 * place beyond the quick one waits for it: the loader calls
 * ui_place_restore again after each swap, unless the reader has moved
 * since the start; a reader that quits before then saves nothing.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_PLACE_SEEN	100		/* files read, kept for the save */

/* A file read in this session and the place last read in it. */
struct ui_place_seen {
	char		*path;		/* as loaded (doc_file.path) */
	bool		 start;		/* at its start (a banner on top) */
	size_t		 story;		/* counted from the file's first */
	size_t		 block, off;
};

struct ui_place {
	struct state	 st;		/* the positions store */
	bool		 open;
	char *const	*paths;		/* the paths given */
	size_t		 npaths;
	char		*err;		/* why the last save failed */
	struct ui_place_seen *seen;	/* oldest first */
	size_t		 nseen;
	bool		 pending;	/* the place lay beyond the document */
	struct view_pos	 start;		/* view.pos after the restore: the
					   reader has moved when it differs */
};

/* The absolute path of path (malloc'ed), or NULL. */
static char *
ui_place_abs(const char *path)
{
	char	 buf[PATH_MAX];

	if (strcmp(path, "-") == 0 || realpath(path, buf) == NULL)
		return NULL;
	return xstrdup(buf);
}

/* Is path a directory? */
static bool
ui_place_isdir(const char *path)
{
	struct stat sb;

	return strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode);
}

/* The name of file (a path as loaded) in directory dir, or NULL. */
static const char *
ui_place_in_dir(const char *dir, const char *file)
{
	size_t	 n = strlen(dir);

	if (strncmp(file, dir, n) != 0)
		return NULL;
	file += n;
	if (n == 0 || dir[n - 1] != '/') {
		if (*file != '/')
			return NULL;
		file++;
	}
	return *file != '\0' && strchr(file, '/') == NULL ? file : NULL;
}

/* Open the store. */
void
ui_place_open(struct ui *ui, const struct ui_input *in, char **warn)
{
	struct ui_place	*p = xcalloc(1, sizeof *p);
	size_t		 i;

	ui->place = p;
	*warn = NULL;
	p->paths = in->paths;
	p->npaths = in->npaths;
	if (!ui->opts->remember)
		return;
	for (i = 0; i < in->npaths; i++)
		if (strcmp(in->paths[i], "-") != 0)
			break;
	if (i == in->npaths)
		return;			/* standard input only */
	state_open(&p->st, NULL, "positions", warn);
	p->open = true;
}

/* The saved place of the first path as a global story, block and offset;
   false when there is none or its file is not (yet) in the document. */
static bool
ui_place_saved(struct ui *ui, size_t *gs, size_t *b, size_t *o,
    bool *missing)
{
	struct ui_place	*p = ui->place;
	const char	*v;
	char		*key, *path, bs[32];
	size_t		 f, s;
	int		 n = 0;

	*missing = false;
	if (p->npaths == 0 || (key = ui_place_abs(p->paths[0])) == NULL)
		return false;
	v = state_get(&p->st, key);
	free(key);
	if (ui_place_isdir(p->paths[0])) {
		/* The page last read in it; without one, its first page's
		   own place. */
		if (v != NULL && sscanf(v, "%zu %31s %zu %n", &s, bs, o,
		    &n) == 3 && n > 0 && v[n] != '\0') {
			path = xasprintf("%s%s%s", p->paths[0],
			    p->paths[0][strlen(p->paths[0]) - 1] == '/' ?
			    "" : "/", v + n);
			f = doc_file_of_path(ui->doc, path);
			free(path);
		} else if (ui->doc->nfiles > 0 &&
		    (key = ui_place_abs(ui->doc->files[0].path)) != NULL) {
			v = state_get(&p->st, key);
			free(key);
			f = 0;
			if (v == NULL || sscanf(v, "%zu %31s %zu", &s, bs,
			    o) != 3)
				return false;
		} else
			return false;
	} else {
		if (v == NULL || sscanf(v, "%zu %31s %zu", &s, bs, o) != 3)
			return false;
		f = doc_file_of_path(ui->doc, p->paths[0]);
	}
	if (f == (size_t)-1) {
		*missing = true;	/* not loaded yet, or gone */
		return false;
	}
	*gs = doc_file_first_story(ui->doc, f) + s;
	*b = strcmp(bs, "-") == 0 ? LAYOUT_NOBLOCK : strtoul(bs, NULL, 10);
	return true;
}

/* Is a place still to be gone to, the reader not having moved since
   the start? */
bool
ui_place_waiting(const struct ui *ui)
{
	const struct ui_place *p = ui->place;

	return p != NULL && p->pending && memcmp(&ui->view.pos, &p->start,
	    sizeof p->start) == 0;
}

/* Go to the place again after a swap, if it still waits. */
void
ui_place_retry(struct ui *ui, bool waiting, bool final)
{
	struct ui_place	*p = ui->place;

	if (p == NULL || !p->pending)
		return;
	p->pending = false;
	if (waiting)
		ui_place_restore(ui, final);
}

/* Go to the place; see ui-int.h. */
void
ui_place_restore(struct ui *ui, bool final)
{
	struct ui_place	*p = ui->place;
	size_t		 gs, b, o;
	bool		 ok = true, missing = false;

	if (ui->opts->story >= 0) {
		ok = view_restore(&ui->view, (size_t)ui->opts->story,
		    LAYOUT_NOBLOCK, 0);
		if (!ok && final)
			ui_message(ui, true, "no story %ld (%zu stor%s)",
			    ui->opts->story + 1, ui->doc->nstories,
			    ui->doc->nstories == 1 ? "y" : "ies");
	} else if (p->open) {
		if (ui_place_saved(ui, &gs, &b, &o, &missing))
			ok = view_restore(&ui->view, gs, b, o);
		else
			ok = !missing;
	}
	p->pending = !ok && !final;
	p->start = ui->view.pos;
}

/* Note the place being read in its file. */
void
ui_place_note(struct ui *ui)
{
	struct ui_place		*p = ui->place;
	struct ui_place_seen	 now, *e;
	const struct doc	*d = ui->doc;
	size_t			 gs, i, f;

	if (p == NULL || !p->open || ui->view.nunits == 0 ||
	    ui_place_waiting(ui))
		return;
	f = d->pages[ui->view.units[ui->view.pos.unit].page].file;
	if (strcmp(d->files[f].path, "-") == 0)
		return;
	memset(&now, 0, sizeof now);
	if (view_where(&ui->view, &gs, &now.block, &now.off))
		now.story = gs - doc_file_first_story(d, f);
	else
		now.start = true;
	/* The newest entry is most often the file: just update it. */
	for (i = p->nseen; i > 0; i--)
		if (strcmp(p->seen[i - 1].path, d->files[f].path) == 0)
			break;
	if (i > 0) {
		now.path = p->seen[i - 1].path;
		memmove(&p->seen[i - 1], &p->seen[i], (p->nseen - i) *
		    sizeof *p->seen);
		p->nseen--;
	} else {
		now.path = xstrdup(d->files[f].path);
		if (p->nseen == UI_PLACE_SEEN) {
			free(p->seen[0].path);
			memmove(&p->seen[0], &p->seen[1], (p->nseen - 1) *
			    sizeof *p->seen);
			p->nseen--;
		}
		if (p->seen == NULL)
			p->seen = xcalloc(UI_PLACE_SEEN, sizeof *p->seen);
	}
	e = &p->seen[p->nseen++];
	*e = now;
}

/* The value saved for a place. */
static char *
ui_place_value(const struct ui_place_seen *e, const char *name)
{
	char	 bs[32];

	if (e->start)			/* a banner on top: the first story */
		return xasprintf("0 - 0%s%s", name != NULL ? " " : "",
		    name != NULL ? name : "");
	if (e->block == LAYOUT_NOBLOCK)
		strcpy(bs, "-");
	else
		snprintf(bs, sizeof bs, "%zu", e->block);
	return xasprintf("%zu %s %zu%s%s", e->story, bs, e->off,
	    name != NULL ? " " : "", name != NULL ? name : "");
}

/* Remember the places: every file read, and each directory given its
   last page read. */
void
ui_place_save(struct ui *ui)
{
	struct ui_place		*p = ui->place;
	const struct ui_place_seen *e;
	const char		*name;
	char			*key, *v;
	size_t			 i, k;

	if (p == NULL || !p->open)
		return;
	/* Quit before the full document came: the saved place stays. */
	if (ui_place_waiting(ui))
		return;
	ui_place_note(ui);
	for (i = 0; i < p->nseen; i++) {
		e = &p->seen[i];
		if ((key = ui_place_abs(e->path)) == NULL)
			continue;
		v = e->start ? NULL : ui_place_value(e, NULL);
		state_set(&p->st, key, v);
		free(v);
		free(key);
	}
	for (k = 0; k < p->npaths; k++) {
		if (!ui_place_isdir(p->paths[k]))
			continue;
		for (i = p->nseen; i > 0; i--)
			if ((name = ui_place_in_dir(p->paths[k],
			    p->seen[i - 1].path)) != NULL)
				break;
		if (i == 0 || (key = ui_place_abs(p->paths[k])) == NULL)
			continue;
		v = ui_place_value(&p->seen[i - 1], name);
		state_set(&p->st, key, v);
		free(v);
		free(key);
	}
	free(p->err);
	p->err = NULL;
	state_save(&p->st, &p->err);
}

/* Close the store. */
void
ui_place_close(struct ui *ui)
{
	struct ui_place	*p = ui->place;
	size_t		 i;

	if (p == NULL)
		return;
	if (p->err != NULL)
		fprintf(stderr, "dubao: cannot save the reading position: %s\n",
		    p->err);
	free(p->err);
	for (i = 0; i < p->nseen; i++)
		free(p->seen[i].path);
	free(p->seen);
	if (p->open)
		state_close(&p->st);
	free(p);
	ui->place = NULL;
}
