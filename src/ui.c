/*
 * ui: curses setup and teardown, the event loop, geometry and panels.
 *
 * Terminal handling: the screen is opened with newterm on the standard
 * output and on standard input, or on /dev/tty when the page came
 * through a pipe (as less does).  SIGINT, SIGTERM and SIGHUP only set a
 * flag (the handlers are installed before newterm, so ncurses keeps its
 * hands off them); the loop sees it when get_wch returns, saves the
 * position and calls endwin, so every way out restores the terminal.
 * SIGTSTP (^Z, or kill) also only sets a flag: the loop then calls
 * endwin, stops itself, and on resume redraws; a signal that came while
 * it was stopped (SIGTERM, then SIGCONT) ends it there, without touching
 * the terminal again, so it never redraws from the background and its
 * shell finds the terminal as it left it.  ncurses handles SIGWINCH
 * (KEY_RESIZE).  An atexit handler ends curses should a
 * fatal error exit from deeper down.
 *
 * Speed: a key changes the view and redraws the rows; only a new size,
 * measure or sidebar changes the text width, and then the view fits only
 * the stories it shows (see view.c).  A big document starts as its first
 * pages (doc-quick.h); once the first screen is out, a worker thread
 * loads the rest and the loop, waiting for keys 50 ms at a time, puts it
 * in place between keys (ui-load.c).
 */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dump.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_WHEEL_ROWS	3
#define UI_SIDE_MAX	44		/* sidebar columns at most */

static volatile sig_atomic_t	 ui_signal;
static volatile sig_atomic_t	 ui_stop_asked;	/* SIGTSTP came */
static bool			 ui_curses_on;

/* Fill o with the defaults. */
void
ui_opts_default(struct ui_opts *o)
{
	memset(o, 0, sizeof *o);
	o->measure = 80;
	o->story = -1;
	o->remember = 1;
	o->mouse = 1;
	o->color = UI_COLOR_AUTO;
	o->flags = 0;
}

/* Note a signal for the event loop. */
static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Note a request to stop (^Z) for the event loop. */
static void
ui_on_tstp(int sig)
{
	(void)sig;
	ui_stop_asked = 1;
}

/* Stop as ^Z asks: the terminal back to the shell first, then the
   default action of SIGTSTP; on resume the caller redraws, unless a
   quitting signal came meanwhile. */
static void
ui_stop(void)
{
	struct sigaction	 dfl, mine;

	ui_stop_asked = 0;
	endwin();
	fflush(stdout);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &mine);
	raise(SIGTSTP);			/* stopped here until SIGCONT */
	sigaction(SIGTSTP, &mine, NULL);
}

/* Whatever happens, leave the terminal as it was. */
static void
ui_atexit(void)
{
	if (ui_curses_on && !isendwin())
		endwin();
}

/* Set a message for the status line (until the next key). */
void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/* The title of a unit. */
char *
ui_unit_title(struct ui *ui, size_t unit)
{
	const struct view_unit	*vu;
	const struct page	*pg;
	const struct block	*hb;

	if (unit >= ui->view.nunits)
		return xstrdup("");
	vu = &ui->view.units[unit];
	if (vu->story == VIEW_BANNER)
		return doc_page_name(ui->doc, vu->page);
	pg = &ui->doc->pages[vu->page].page;
	/* the headline as the text shows it (，not ,) */
	if ((hb = page_story_headline(&pg->stories[vu->story])) != NULL)
		return layout_block_text(pg, hb, ui->opts->flags);
	return dump_story_title(pg, &pg->stories[vu->story]);
}

/* Recompute the geometry and the text width. */
void
ui_geometry(struct ui *ui)
{
	int	 avail, w;

	ui->lines = LINES;
	ui->cols = COLS;
	ui->small = ui->cols < UI_MIN_COLS || ui->lines < UI_MIN_LINES;
	ui->panel_side = ui->panel != NULL && ui->panel->sidebar &&
	    ui->cols >= UI_SIDEBAR_COLS;
	ui->side_w = 0;
	if (ui->panel_side) {
		ui->side_w = ui->cols / 3;
		if (ui->side_w > UI_SIDE_MAX)
			ui->side_w = UI_SIDE_MAX;
	}
	avail = ui->cols - ui->side_w;
	w = ui->measure == 0 || ui->measure > avail ? avail : ui->measure;
	w &= ~1;		/* even: all-Hanzi lines end flush */
	if (w < LAYOUT_MIN_WIDTH)
		w = avail < LAYOUT_MIN_WIDTH ? avail : LAYOUT_MIN_WIDTH;
	if (w < 1)
		w = 1;
	ui->text_w = w;
	ui->text_x = ui->side_w + (avail - w) / 2;
	ui->text_y = 1;
	ui->text_h = ui->lines - 2 > 1 ? ui->lines - 2 : 1;
	if (!ui->small)
		view_resize(&ui->view, w, ui->text_h);
}

/* Open a panel (closing the one open); NULL closes. */
void
ui_open(struct ui *ui, const struct ui_mode *m)
{
	const struct ui_mode	*old = ui->panel;
	bool			 side = ui->panel_side;

	if (ui->panel != NULL) {
		ui->panel->free(ui, ui->panel_data);
		ui->panel = NULL;
		ui->panel_data = NULL;
	}
	ui->panel = m;
	ui->typing = false;
	/* The width only changes when a sidebar comes or goes. */
	ui_geometry(ui);
	if (m != NULL)
		ui->panel_data = m->init(ui);
	if (old != NULL || side != ui->panel_side)
		erase();
}

/* Draw everything. */
static void
ui_draw(struct ui *ui)
{
	static const char notice[] = "Terminal too small";
	const struct ui_mode *m = ui->panel;
	int	 r;

	if (ui->small) {
		erase();
		ui_draw_str(0, 0, ui->cols, notice, sizeof notice - 1,
		    A_BOLD);
		if (ui->lines > 1)
			ui_draw_str(1, 0, ui->cols, "(20x6 at least)", 15, 0);
		curs_set(0);
		refresh();
		return;
	}
	if (m == NULL || m->line || ui->panel_side)
		ui_pager_draw(ui);
	else {
		/* An overlay: header and status as usual, the panel over
		   the text rows. */
		ui_pager_draw(ui);
		m->draw(ui, ui->panel_data, ui->text_y, 0, ui->text_h,
		    ui->cols);
	}
	if (m != NULL && ui->panel_side) {
		m->draw(ui, ui->panel_data, ui->text_y, 0, ui->text_h,
		    ui->side_w - 1);
		for (r = 0; r < ui->text_h; r++)
			ui_draw_str(ui->text_y + r, ui->side_w - 1, 1, "│",
			    strlen("│"), ui_draw_attr(UI_STYLE_BORDER));
	}
	if (m != NULL && m->line) {
		curs_set(1);
		m->draw(ui, ui->panel_data, ui->lines - 1, 0, 1, ui->cols - 1);
	} else if (m != NULL && ui->typing) {
		curs_set(1);
		move(ui->cur_y, ui->cur_x);
	} else
		curs_set(0);
	refresh();
}

/* Is (y, x) inside the open panel? */
static bool
ui_in_panel(const struct ui *ui, int y, int x)
{
	if (ui->panel == NULL || ui->panel->line)
		return false;
	if (y < ui->text_y || y >= ui->text_y + ui->text_h)
		return false;
	return !ui->panel_side || x < ui->side_w;
}

/* A mouse event: the wheel scrolls what is under the pointer, a click
   chooses in a panel. */
static void
ui_mouse(struct ui *ui)
{
	MEVENT	 ev;
	int	 n = 0;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		n = -UI_WHEEL_ROWS;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		n = UI_WHEEL_ROWS;
#endif
	if (n != 0) {
		if (ui_in_panel(ui, ev.y, ev.x) && ui->panel->wheel != NULL)
			ui->panel->wheel(ui, ui->panel_data, n);
		else if (!ui_in_panel(ui, ev.y, ev.x))
			view_scroll(&ui->view, n);
		return;
	}
	if ((ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) &&
	    ui_in_panel(ui, ev.y, ev.x) && ui->panel->click != NULL)
		ui->panel->click(ui, ui->panel_data, ev.y, ev.x);
}

/* One key. */
static void
ui_key(struct ui *ui, wint_t ch, bool fkey)
{
	enum ui_cmd	 c;
	long		 count;

	if (ui->panel != NULL && (ui->panel->line || ui->typing)) {
		ui->msg[0] = '\0';
		ui->panel->key(ui, ui->panel_data, ch, fkey, 0);
		return;
	}
	ui->msg[0] = '\0';
	if (!fkey && ch >= '0' && ch <= '9' && (ch != '0' || ui->count > 0)) {
		if (ui->count < 100000)
			ui->count = ui->count * 10 + (long)(ch - '0');
		ui_message(ui, false, ":%ld", ui->count);
		return;
	}
	count = ui->count;
	ui->count = 0;
	c = ui_keys_lookup(UI_CTX_ANY, ch, fkey);
	if (c == UI_CMD_QUIT && (ui->panel == NULL ||
	    ui->panel != &ui_help_mode)) {
		ui->quit = true;
		return;
	}
	if (c == UI_CMD_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	if (ui->small)
		return;
	if (ui->panel != NULL &&
	    ui->panel->key(ui, ui->panel_data, ch, fkey, count))
		return;
	if (!ui_pager_key(ui, ch, fkey, count) && !fkey && ch >= 0x20)
		ui_message(ui, false, "unknown key (h: help)");
}

/* The state key of the document: the absolute path of its first file. */
static char *
ui_state_key(const struct doc *d)
{
	char	 buf[PATH_MAX];

	if (d->nfiles == 0 || strcmp(d->files[0].path, "-") == 0)
		return NULL;
	if (realpath(d->files[0].path, buf) == NULL)
		return NULL;
	return xstrdup(buf);
}

/* Restore the saved position (or go to the asked story); while the full
   document loads, a position beyond the quick one waits for it. */
void
ui_restore(struct ui *ui)
{
	const char	*v;
	size_t		 gs, b, o;
	char		 bs[32];

	if (ui->opts->story >= 0) {
		if (view_restore(&ui->view, (size_t)ui->opts->story,
		    LAYOUT_NOBLOCK, 0))
			return;
		if (ui->loading)
			ui->restore_pending = true;
		else
			ui_message(ui, true, "no story %ld (%zu stories)",
			    ui->opts->story + 1, ui->doc->nstories);
		return;
	}
	if (ui->state_key == NULL ||
	    (v = state_get(ui->state, ui->state_key)) == NULL)
		return;
	if (sscanf(v, "%zu %31s %zu", &gs, bs, &o) != 3)
		return;
	b = strcmp(bs, "-") == 0 ? LAYOUT_NOBLOCK : strtoul(bs, NULL, 10);
	if (!view_restore(&ui->view, gs, b, o) && ui->loading)
		ui->restore_pending = true;
}

/* Remember the position. */
static void
ui_remember(struct ui *ui, struct state *st, const char *key, char **err)
{
	size_t	 gs, b, o;
	char	*v, bs[32];

	if (key == NULL)
		return;
	/* Quit before the full document came: the saved place stays. */
	if (ui->restore_pending && memcmp(&ui->view.pos, &ui->start_pos,
	    sizeof ui->view.pos) == 0)
		return;
	if (view_where(&ui->view, &gs, &b, &o)) {
		if (b == LAYOUT_NOBLOCK)
			strcpy(bs, "-");
		else
			snprintf(bs, sizeof bs, "%zu", b);
		v = xasprintf("%zu %s %zu", gs, bs, o);
		state_set(st, key, v);
		free(v);
	} else
		state_set(st, key, NULL);
	state_save(st, err);
}

/* Nanoseconds of the monotonic clock. */
long long
ui_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* DUBAO_TIMING=FILE: append "what MS", the milliseconds since start. */
void
ui_timing(struct ui *ui, const char *what)
{
	const char	*path = getenv("DUBAO_TIMING");
	FILE		*fp;

	if (path == NULL || *path == '\0' || (fp = fopen(path, "a")) == NULL)
		return;
	fprintf(fp, "%s %.1f\n", what, (double)(ui_now_ns() - ui->t0) / 1e6);
	fclose(fp);
}

/* Has the terminal on fd hung up or gone bad? */
static bool
ui_input_gone(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Run the reader until the user quits. */
int
ui_run(struct doc *d, const struct ui_opts *o)
{
	return ui_run_paths(d, NULL, 0, o);
}

/* Run the reader over a quick document while the paths load. */
int
ui_run_paths(struct doc *d, char *const *paths, size_t npaths,
    const struct ui_opts *o)
{
	struct ui		 ui;
	struct sigaction	 sa, old_int, old_term, old_hup, old_tstp;
	struct state		 st;
	SCREEN			*scr;
	FILE			*in = stdin, *tty = NULL;
	char			*key = NULL, *warn = NULL, *err = NULL;
	const char		*nc;
	wint_t			 ch;
	int			 r, sig, fast_errs = 0;
	bool			 color = false, first = true;
	long long		 t_wait;

	memset(&ui, 0, sizeof ui);
	memset(&st, 0, sizeof st);
	ui.t0 = o->start_ns != 0 ? o->start_ns : ui_now_ns();
	ui.doc = d;
	ui.opts = o;
	ui.state = &st;
	ui.measure = o->measure;
	view_init(&ui.view, d, o->flags);

	if (!isatty(STDIN_FILENO)) {
		if ((tty = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "dubao: /dev/tty: %s\n",
			    strerror(errno));
			view_free(&ui.view);
			return -1;
		}
		in = tty;
	}
	if (o->remember && (key = ui_state_key(d)) != NULL)
		state_open(&st, NULL, "positions", &warn);
	ui.state_key = key;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;		/* no SA_RESTART: get_wch returns */
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	sa.sa_handler = ui_on_tstp;
	sigaction(SIGTSTP, &sa, &old_tstp);

	scr = newterm(NULL, stdout, in);
	if (scr == NULL) {
		/* Unknown to terminfo: main prints the text instead. */
		r = UI_NO_TERMINAL;
		goto out;
	}
	set_term(scr);
	ui_curses_on = true;
	atexit(ui_atexit);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, 1000);		/* see a signal within a second */
	/* The mouse: off with --no-mouse, leaving it (selection) to the
	   terminal. */
	if (o->mouse)
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		    | BUTTON5_PRESSED
#endif
		    , NULL);
	mouseinterval(0);
	nc = getenv("NO_COLOR");
	if (o->color == UI_COLOR_ALWAYS || (o->color == UI_COLOR_AUTO &&
	    (nc == NULL || *nc == '\0'))) {
		if (has_colors() && start_color() == OK &&
		    use_default_colors() == OK)
			color = true;
	}
	ui.color = color;
	ui_draw_init(color);

	/* The worker starts once the first screen is out (it would compete
	   for the processor); until then, positions beyond the quick
	   document wait for it. */
	ui.loading = npaths > 0;
	ui_geometry(&ui);
	ui_restore(&ui);
	ui.start_pos = ui.view.pos;
	if (warn != NULL)
		ui_message(&ui, true, "%s", warn);

	while (!ui.quit && ui_signal == 0) {
		if (ui_stop_asked) {
			ui_stop();
			/* quit if a signal came, else paint it all again:
			   the shell wrote on the screen meanwhile */
			clearok(curscr, TRUE);
			continue;
		}
		ui_load_poll(&ui);
		ui_script_poll(&ui);
		ui_draw(&ui);
		if (first) {
			ui_timing(&ui, "first");
			first = false;
			if (npaths > 0)
				ui_load_start(&ui, paths, npaths);
		}
		/* While loading, look for the full document between keys
		   (a key is still read the moment it comes). */
		wtimeout(stdscr, ui.load != NULL || ui.script != NULL ? 50 :
		    1000);
		t_wait = ui_now_ns();
		r = get_wch(&ch);
		if (r == ERR) {
			/* A timeout or a signal, or the terminal is gone
			   (hung up with SIGHUP blocked: get_wch fails at
			   once, forever): then quit as on SIGHUP instead of
			   spinning.  Errors that come back at once, many in
			   a row, are no timeouts either (an input that fails
			   without saying POLLHUP). */
			if (ui_input_gone(fileno(in)))
				ui.quit = true;
			else if (ui_now_ns() - t_wait < 2000000) {
				if (++fast_errs > 500)
					ui.quit = true;
			} else
				fast_errs = 0;
			continue;
		}
		fast_errs = 0;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_geometry(&ui);
			erase();
			/* Paint every cell: what the terminal kept of the old
			   size (tmux cuts rows and columns when it shrinks a
			   pane) may not be what curses believes it shows. */
			clearok(curscr, TRUE);
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			if (!ui.small)
				ui_mouse(&ui);
			continue;
		}
		ui_key(&ui, ch, r == KEY_CODE_YES);
	}
	r = 0;
	if (o->remember)
		ui_remember(&ui, &st, key, &err);
	if (ui.panel != NULL)
		ui.panel->free(&ui, ui.panel_data);
	/* A terminal without an alternate screen keeps the text: leave
	   the shell a clean last row.  Not after a stop: the terminal is
	   the shell's already, and may not even be ours (background). */
	if (!isendwin()) {
		move(LINES - 1, 0);
		clrtoeol();
		refresh();
		endwin();
	}
	ui_curses_on = false;
	delscreen(scr);
out:
	sig = ui_signal;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	if (err != NULL)
		fprintf(stderr, "dubao: cannot save the reading position: %s\n",
		    err);
	free(err);
	free(warn);
	ui_script_end(&ui);
	ui_search_free(&ui);
	ui_pager_forget(&ui);
	view_free(&ui.view);
	ui_load_end(&ui);
	if (ui.load_errors != NULL)
		fputs(ui.load_errors, stderr);
	free(ui.load_errors);
	free(key);
	state_close(&st);
	if (tty != NULL)
		fclose(tty);
	/* Die of the signal as the parent expects, the terminal restored;
	   ^C is a way to quit. */
	if (sig == SIGTERM || sig == SIGHUP)
		raise(sig);
	return r;
}
