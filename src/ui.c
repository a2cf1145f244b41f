/*
 * ui: curses setup and teardown and the event loop: ui_run_paths is
 * ui_start (the terminal, the signals, the first place), ui_loop (keys,
 * resizes, the mouse, the swaps of the document: to the full one, to
 * one in another script) and ui_end (the
 * position saved, the terminal given back).  The services the rest of
 * the reader calls are in ui-base.c.
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

#include "ui-int.h"
#include "xmalloc.h"

#define UI_WHEEL_ROWS	3

#define UI_FOLLOW_NS	500000000LL	/* F looks at the files this often */

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

/* Draw everything. */
static void
ui_draw(struct ui *ui)
{
	const struct ui_mode *m = ui->panel;
	char	 least[32];
	int	 r;

	if (ui->small) {
		erase();
		ui_draw_text(0, 0, ui->cols, "Terminal too small", A_BOLD);
		snprintf(least, sizeof least, "(%dx%d at least)", UI_MIN_COLS,
		    UI_MIN_LINES);
		if (ui->lines > 1)
			ui_draw_text(1, 0, ui->cols, least, 0);
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
			ui_draw_text(ui->text_y + r, ui->side_w - 1, 1, "│",
			    ui_draw_attr(UI_STYLE_BORDER));
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

/* The second key of a two-key command (ZZ, :n, ma). */
static void
ui_key2(struct ui *ui, int ctx, wint_t ch, bool fkey)
{
	enum ui_cmd	 c = ui_keys_lookup2(ctx, ui->prefix, ch, fkey);

	ui->prefix = 0;
	ui->keyarg = ch;
	if (c == UI_CMD_QUIT)
		ui->quit = true;
	else if (c == UI_CMD_NONE)
		ui_message(ui, false, "unknown key (h: help)");
	else if (!ui->small && ui->panel == NULL)
		ui_pager_cmd(ui, c, ui->prefix_count);
}

/* One key. */
static void
ui_key(struct ui *ui, wint_t ch, bool fkey)
{
	enum ui_cmd	 c;
	long		 count;
	int		 ctx = ui->panel != NULL ? UI_CTX_LIST : UI_CTX_TEXT;

	ui->msg[0] = '\0';
	if (ui->panel != NULL && (ui->panel->line || ui->typing)) {
		ui->panel->key(ui, ui->panel_data, ch, fkey, 0);
		return;
	}
	if (ui->prefix != 0) {
		ui_key2(ui, ctx, ch, fkey);
		return;
	}
	if (!fkey && ch >= '0' && ch <= '9' && (ch != '0' || ui->count > 0)) {
		if (ui->count < 100000)
			ui->count = ui->count * 10 + (long)(ch - '0');
		ui_message(ui, false, ":%ld", ui->count);
		return;
	}
	count = ui->count;
	ui->count = 0;
	c = ui_keys_lookup(ctx, ch, fkey);
	if (c == UI_CMD_PREFIX) {
		/* The second key says what (ZZ); the count waits with it. */
		ui->prefix = ch;
		ui->prefix_count = count;
		ui_message(ui, false, "%lc", (wint_t)ch);
		return;
	}
	if (c == UI_CMD_QUIT) {
		ui->quit = true;
		return;
	}
	if (c == UI_CMD_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	if (c == UI_CMD_SUSPEND) {
		ui_stop_asked = 1;
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

/* Has the terminal on fd hung up or gone bad? */
static bool
ui_input_gone(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* A session of the reader: the reader's state and what ui_start took
   from the terminal and the process, for ui_end to give back. */
struct ui_session {
	struct ui		 ui;
	SCREEN			*scr;		/* NULL: no terminal */
	FILE			*in;		/* where keys come from */
	FILE			*tty;		/* /dev/tty opened for them */
	struct sigaction	 old_int, old_term, old_hup, old_tstp;
	bool			 signals;	/* the old ones are saved */
};

/* Does the colour option ask for colour (NO_COLOR, set and not empty,
   turns "auto" off)? */
bool
ui_color_wanted(enum ui_color c)
{
	const char *nc = getenv("NO_COLOR");

	return c == UI_COLOR_ALWAYS || (c == UI_COLOR_AUTO &&
	    (nc == NULL || *nc == '\0'));
}

/* Take the terminal: curses on it, its modes, the mouse and colour. */
static int
ui_start_curses(struct ui_session *s)
{
	const struct ui_opts	*o = s->ui.opts;

	s->scr = newterm(NULL, stdout, s->in);
	if (s->scr == NULL)
		return UI_NO_TERMINAL;	/* main prints the text instead */
	set_term(s->scr);
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
	s->ui.color = ui_color_wanted(o->color) && has_colors() &&
	    start_color() == OK && use_default_colors() == OK;
	ui_draw_init(s->ui.color);
	return 0;
}

/* Start a session: the reader's state, the keyboard, the signals, the
   terminal, the first place.  Returns 0, UI_NO_TERMINAL or -1 (and then
   ui_end gives back what was taken). */
static int
ui_start(struct ui_session *s, const struct ui_input *in,
    const struct ui_opts *o)
{
	struct ui		*ui = &s->ui;
	struct sigaction	 sa;
	char			*warn = NULL;
	int			 r;

	memset(s, 0, sizeof *s);
	ui->t0 = o->start_ns != 0 ? o->start_ns : ui_now_ns();
	ui->doc = in->doc;
	ui->opts = o;
	ui->measure = o->measure;
	view_init(&ui->view, ui->doc, o->flags);
	s->in = stdin;
	if (!isatty(STDIN_FILENO)) {
		if ((s->tty = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "dubao: /dev/tty: %s\n",
			    strerror(errno));
			return -1;
		}
		s->in = s->tty;
	}
	ui_place_open(ui, in, &warn);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;		/* no SA_RESTART: get_wch returns */
	sigaction(SIGINT, &sa, &s->old_int);
	sigaction(SIGTERM, &sa, &s->old_term);
	sigaction(SIGHUP, &sa, &s->old_hup);
	sa.sa_handler = ui_on_tstp;
	sigaction(SIGTSTP, &sa, &s->old_tstp);
	s->signals = true;

	if ((r = ui_start_curses(s)) != 0) {
		free(warn);
		return r;
	}
	ui_geometry(ui);
	ui_load_init(ui, in);
	if (warn != NULL)
		ui_message(ui, true, "%s", warn);
	free(warn);
	/* +G, +/pattern: what less does with them. */
	if (o->start_end)
		ui_pager_cmd(ui, UI_CMD_BOTTOM, 0);
	if (o->start_search != NULL)
		ui_search_start(ui, o->start_search);
	return 0;
}

/* A new document in place of the one shown: the full one after the
   quick one (ui-load.c), or the text in another script (script: the
   converted one, ui-script.c).  What pointed into the old document is
   dropped and made again on the new one: the open panel with its filter,
   scope and entry, the marked statistic, the search's index, current
   match and count, the status texts.  The entry, the statistic and the
   match are kept as places in the text; a fuller document shares them,
   the script swap finds them again in the converted text. */
static void
ui_swap(struct ui *ui, bool script)
{
	const struct ui_mode	*m = ui->panel;
	struct ui_keep		 k;
	struct ui_at		 mark, cur;
	struct ui_at *const	 at[] = { &k.at, &mark, &cur };

	memset(&k, 0, sizeof k);
	if (m != NULL && !m->ondoc)
		m = NULL;
	if (m != NULL) {
		if (m->keep != NULL)
			m->keep(ui, ui->panel_data, &k);
		m->free(ui, ui->panel_data);
		ui->panel = NULL;
		ui->panel_data = NULL;
	}
	ui_stats_mark_keep(ui, &mark);
	ui_search_keep(ui, &cur);
	ui_search_drop_index(ui);
	ui_pager_forget(ui);
	if (script)
		ui_script_swap(ui, at, sizeof at / sizeof at[0]);
	else
		ui_load_swap(ui);
	if (m != NULL) {
		ui_open(ui, m);
		if (m->restore != NULL)
			m->restore(ui, ui->panel_data, &k);
	}
	free(k.filter);
	ui_stats_mark_restore(ui, &mark);
	ui_search_recount(ui, &cur);
}

/* Wait for a key (or a timeout, a signal).  Returns what get_wch
   returned; sets ui->quit when the terminal is gone (hung up with SIGHUP
   blocked: get_wch fails at once, forever) instead of spinning. */
static int
ui_get_key(struct ui_session *s, wint_t *ch, int *fast_errs)
{
	long long	 t_wait;
	int		 r;

	/* While loading, look for the full document between keys (a key
	   is still read the moment it comes); while following, at the
	   files. */
	wtimeout(stdscr, ui_load_running(&s->ui) || s->ui.script != NULL ?
	    50 : ui_load_following(&s->ui) ? 250 : 1000);
	t_wait = ui_now_ns();
	r = get_wch(ch);
	if (r != ERR) {
		*fast_errs = 0;
		return r;
	}
	/* A timeout or a signal, or the terminal is gone.  Errors that
	   come back at once, many in a row, are no timeouts either (an
	   input that fails without saying POLLHUP). */
	if (ui_input_gone(fileno(s->in)))
		s->ui.quit = true;
	else if (ui_now_ns() - t_wait < 2000000) {
		if (++*fast_errs > 500)
			s->ui.quit = true;
	} else
		*fast_errs = 0;
	return r;
}

/* The event loop, until the reader quits or a signal ends it. */
static void
ui_loop(struct ui_session *s)
{
	struct ui	*ui = &s->ui;
	wint_t		 ch;
	int		 r, fast_errs = 0;
	bool		 first = true;
	long long	 checked = 0;

	while (!ui->quit && (ui_signal == 0 || (ui_signal == SIGINT &&
	    ui_load_following(ui)))) {
		if (ui_signal == SIGINT) {
			/* ^C stops following, as in less. */
			ui_signal = 0;
			ui_load_follow(ui, false);
		}
		if (ui_load_following(ui) &&
		    ui_now_ns() - checked >= UI_FOLLOW_NS) {
			ui_load_check(ui);
			checked = ui_now_ns();
		}
		if (ui_stop_asked) {
			ui_stop();
			/* quit if a signal came, else paint it all again:
			   the shell wrote on the screen meanwhile */
			clearok(curscr, TRUE);
			continue;
		}
		/* A loaded document waits while the worker of c converts
		   the one shown (it reads it). */
		if (ui->script == NULL && ui_load_ready(ui))
			ui_swap(ui, false);
		if (ui_script_ready(ui))
			ui_swap(ui, true);
		ui_place_note(ui);
		ui_draw(ui);
		if (first) {
			ui_timing(ui, "first");
			first = false;
			/* The worker starts once the first screen is out (it
			   would compete for the processor). */
			ui_load_start(ui);
		}
		if ((r = ui_get_key(s, &ch, &fast_errs)) == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_geometry(ui);
			erase();
			/* Paint every cell: what the terminal kept of the old
			   size (tmux cuts rows and columns when it shrinks a
			   pane) may not be what curses believes it shows. */
			clearok(curscr, TRUE);
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			if (!ui->small)
				ui_mouse(ui);
			continue;
		}
		ui_key(ui, ch, r == KEY_CODE_YES);
	}
}

/* End a session: the position saved, the terminal and the signals given
   back, the messages printed; dies of a quitting signal as the parent
   expects. */
static int
ui_end(struct ui_session *s, int r)
{
	struct ui	*ui = &s->ui;
	int		 sig;

	if (s->scr != NULL) {
		ui_place_save(ui);
		if (ui->panel != NULL)
			ui->panel->free(ui, ui->panel_data);
		/* A terminal without an alternate screen keeps the text:
		   leave the shell a clean last row.  Not after a stop: the
		   terminal is the shell's already, and may not even be ours
		   (background). */
		if (!isendwin()) {
			move(LINES - 1, 0);
			clrtoeol();
			refresh();
			endwin();
		}
		ui_curses_on = false;
		delscreen(s->scr);
	}
	sig = ui_signal;
	if (s->signals) {
		sigaction(SIGINT, &s->old_int, NULL);
		sigaction(SIGTERM, &s->old_term, NULL);
		sigaction(SIGHUP, &s->old_hup, NULL);
		sigaction(SIGTSTP, &s->old_tstp, NULL);
	}
	ui_place_close(ui);
	ui_script_end(ui);
	ui_search_free(ui);
	ui_pager_forget(ui);
	view_free(&ui->view);
	ui_load_end(ui);
	if (s->tty != NULL)
		fclose(s->tty);
	/* Die of the signal as the parent expects, the terminal restored;
	   ^C is a way to quit. */
	if (sig == SIGTERM || sig == SIGHUP)
		raise(sig);
	return r;
}

/* Run the reader until the user quits. */
int
ui_run(const struct ui_input *in, const struct ui_opts *o)
{
	struct ui_session	 s;
	int			 r;

	if ((r = ui_start(&s, in, o)) == 0)
		ui_loop(&s);
	return ui_end(&s, r);
}
