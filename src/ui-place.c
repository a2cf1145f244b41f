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
 * Marks (m<letter>) are places the same way, a file and a story, block
 * and offset in it, so a new width or a fuller document keeps them; they
 * are saved with the positions, under "marks PATH" for each file ("a 3 5
 * 120;b 0 - 0").  '' goes back to where the last jump came from.
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
#define UI_PLACE_MARKS	52		/* a-z, A-Z */

/* A place in a file: its story, block and offset (or its start). */
struct ui_spot {
	bool		 set;
	size_t		 file;		/* index in the document */
	bool		 start;		/* the start of the file */
	size_t		 story;		/* counted from the file's first */
	size_t		 block, off;
};

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
	struct ui_spot	 marks[UI_PLACE_MARKS]; /* set in this session */
	struct ui_spot	 back;		/* where '' goes */
	struct ui_spot	 from;		/* where a jump starts (ui_place_jump) */
	struct view_pos	 from_pos;
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

/* The place being read as a spot. */
static void
ui_place_here(struct ui *ui, struct ui_spot *s)
{
	const struct doc	*d = ui->doc;
	size_t			 gs;

	memset(s, 0, sizeof *s);
	if (ui->view.nunits == 0)
		return;
	s->set = true;
	s->file = d->pages[ui->view.units[ui->view.pos.unit].page].file;
	if (view_where(&ui->view, &gs, &s->block, &s->off))
		s->story = gs - doc_file_first_story(d, s->file);
	else
		s->start = true;
}

/* The first unit of the first page of file f, or (size_t)-1. */
static size_t
ui_place_file_unit(struct ui *ui, size_t f)
{
	const struct doc	*d = ui->doc;
	size_t			 lo = doc_file_first_page(d, f);

	if (lo >= d->npages || d->pages[lo].file != f)
		return (size_t)-1;
	if (d->pages[lo].page.banner.nblocks > 0)
		return view_unit_of(&ui->view, lo, VIEW_BANNER);
	return view_unit_of(&ui->view, lo, 0);
}

/* Go to a spot; false when it is not in the document (yet). */
static bool
ui_place_go(struct ui *ui, const struct ui_spot *s)
{
	size_t	 u;

	if (!s->set || s->file >= ui->doc->nfiles)
		return false;
	if (s->start) {
		if ((u = ui_place_file_unit(ui, s->file)) == (size_t)-1)
			return false;
		view_goto(&ui->view, u, LAYOUT_NOBLOCK, 0, 0);
		return true;
	}
	return view_restore(&ui->view, doc_file_first_story(ui->doc,
	    s->file) + s->story, s->block, s->off);
}

/* A jump starts. */
void
ui_place_jump(struct ui *ui)
{
	struct ui_place	*p = ui->place;

	ui_place_here(ui, &p->from);
	p->from_pos = ui->view.pos;
}

/* A jump ended: where it came from is where '' goes, if it moved. */
void
ui_place_jumped(struct ui *ui)
{
	struct ui_place	*p = ui->place;

	if (p->from.set && memcmp(&p->from_pos, &ui->view.pos,
	    sizeof p->from_pos) != 0)
		p->back = p->from;
	p->from.set = false;
}

/* The index of a mark's letter, or -1. */
static int
ui_place_letter(wint_t c)
{
	if (c >= 'a' && c <= 'z')
		return (int)(c - 'a');
	if (c >= 'A' && c <= 'Z')
		return 26 + (int)(c - 'A');
	return -1;
}

/* m<letter>. */
void
ui_place_mark(struct ui *ui, wint_t letter)
{
	struct ui_place	*p = ui->place;
	int		 i = ui_place_letter(letter);

	if (i < 0)
		return;
	ui_place_here(ui, &p->marks[i]);
	ui_message(ui, false, "mark %lc set", letter);
}

/* The key under which the marks of file f are saved (malloc'ed), or
   NULL. */
static char *
ui_place_marks_key(struct ui *ui, size_t f)
{
	char	*abs, *key;

	if (f >= ui->doc->nfiles ||
	    (abs = ui_place_abs(ui->doc->files[f].path)) == NULL)
		return NULL;
	key = xasprintf("marks %s", abs);
	free(abs);
	return key;
}

/* Find mark letter in a saved value ("a 3 5 120;b 0 - 0"). */
static bool
ui_place_parse_mark(const char *v, wint_t letter, struct ui_spot *s)
{
	char	 bs[32], c;

	for (; v != NULL && *v != '\0'; v = strchr(v, ';'), v += v != NULL) {
		if (sscanf(v, "%c %zu %31s %zu", &c, &s->story, bs,
		    &s->off) != 4 || (wint_t)(unsigned char)c != letter)
			continue;
		s->set = true;
		s->start = false;
		s->block = strcmp(bs, "-") == 0 ? LAYOUT_NOBLOCK :
		    strtoul(bs, NULL, 10);
		return true;
	}
	return false;
}

/* 'letter. */
void
ui_place_goto_mark(struct ui *ui, wint_t letter)
{
	struct ui_place	*p = ui->place;
	struct ui_spot	 s;
	int		 i = ui_place_letter(letter);
	size_t		 f;
	char		*key;

	if (i < 0)
		return;
	s = p->marks[i];
	/* Not set in this session: one saved with a file read now. */
	for (f = 0; !s.set && p->open && f < ui->doc->nfiles; f++) {
		if ((key = ui_place_marks_key(ui, f)) == NULL)
			continue;
		memset(&s, 0, sizeof s);
		if (ui_place_parse_mark(state_get(&p->st, key), letter, &s))
			s.file = f;
		free(key);
	}
	if (!s.set) {
		ui_message(ui, false, "no mark %lc (m%lc sets it)", letter,
		    letter);
		return;
	}
	ui_place_jump(ui);
	if (!ui_place_go(ui, &s))
		ui_message(ui, false, "mark %lc is beyond what is loaded",
		    letter);
	ui_place_jumped(ui);
}

/* ''. */
void
ui_place_back(struct ui *ui)
{
	struct ui_place	*p = ui->place;
	struct ui_spot	 s = p->back;

	if (!s.set) {
		ui_message(ui, false, "no jump to go back from");
		return;
	}
	ui_place_jump(ui);
	ui_place_go(ui, &s);
	ui_place_jumped(ui);
}

/* :n and :p. */
bool
ui_place_file(struct ui *ui, int dir)
{
	size_t	 f, u;

	if (ui->view.nunits == 0)
		return false;
	f = ui->doc->pages[ui->view.units[ui->view.pos.unit].page].file;
	if ((dir < 0 && f == 0) || (dir > 0 && f + 1 >= ui->doc->nfiles))
		return false;
	if ((u = ui_place_file_unit(ui, dir > 0 ? f + 1 : f - 1)) ==
	    (size_t)-1) {
		ui_message(ui, false, "(that file has no page)");
		return true;
	}
	ui_place_jump(ui);
	view_goto(&ui->view, u, LAYOUT_NOBLOCK, 0, 0);
	ui_place_jumped(ui);
	return true;
}

/* The place being read in the source. */
bool
ui_place_source(struct ui *ui, size_t *file, size_t *line, size_t *byte,
    size_t *size)
{
	const struct view_unit	*vu;
	const struct page	*pg;
	const struct story	*st;
	const struct text	*t;
	size_t			 u, b, o, len, *map = NULL;
	char			*j;

	if (ui->view.nunits == 0)
		return false;
	view_current(&ui->view, &u, &b, &o);
	vu = &ui->view.units[u];
	pg = &ui->doc->pages[vu->page].page;
	st = vu->story == VIEW_BANNER ? &pg->banner : &pg->stories[vu->story];
	*file = ui->doc->pages[vu->page].file;
	t = &ui->doc->files[*file].text;
	*size = t->len;
	if (b == LAYOUT_NOBLOCK || b >= st->nblocks) {
		b = 0;
		o = 0;
	}
	if (st->nblocks == 0) {
		*byte = pg->text == t && t->npages > 0 ?
		    t->pages[pg->number > 0 ? pg->number - 1 : 0].start : 0;
	} else {
		j = page_block_join(pg, &st->blocks[b], &len, &map);
		*byte = map[o <= len ? o : len];
		free(j);
		free(map);
	}
	*line = text_line_of(t, *byte);
	return true;
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

/* Save the marks set in this session with the ones saved before, per
   file. */
static void
ui_place_save_marks(struct ui *ui)
{
	struct ui_place		*p = ui->place;
	const struct ui_spot	*m;
	struct ui_spot		 old;
	char			*key, *v, *t, bs[32];
	size_t			 f;
	int			 i, k;
	bool			 any;

	for (i = 0; i < UI_PLACE_MARKS; i++) {
		if (!p->marks[i].set)
			continue;
		f = p->marks[i].file;
		/* Each file once: at its first mark. */
		for (k = 0; k < i; k++)
			if (p->marks[k].set && p->marks[k].file == f)
				break;
		if (k < i || (key = ui_place_marks_key(ui, f)) == NULL)
			continue;
		v = xstrdup("");
		any = false;
		for (k = 0; k < UI_PLACE_MARKS; k++) {
			wint_t	 c = k < 26 ? (wint_t)('a' + k) :
			    (wint_t)('A' + k - 26);

			m = &p->marks[k];
			if (m->set && m->file != f)
				m = NULL;	/* set elsewhere: not here */
			else if (!m->set) {
				memset(&old, 0, sizeof old);
				m = ui_place_parse_mark(state_get(&p->st, key),
				    c, &old) ? &old : NULL;
			}
			if (m == NULL)
				continue;
			if (m->start || m->block == LAYOUT_NOBLOCK)
				strcpy(bs, "-");
			else
				snprintf(bs, sizeof bs, "%zu", m->block);
			t = xasprintf("%s%s%c %zu %s %zu", v, any ? ";" : "",
			    (char)c, m->start ? 0 : m->story, bs,
			    m->start ? 0 : m->off);
			free(v);
			v = t;
			any = true;
		}
		state_set(&p->st, key, v);
		free(v);
		free(key);
	}
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
	ui_place_save_marks(ui);
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
