/*
 * ui: the interactive reader.  The only entry point into the terminal
 * layer; main calls it when stdout is a terminal and no output mode was
 * asked for, after a UTF-8 LC_CTYPE is set and the document is loaded.
 */
#ifndef DUBAO_UI_H
#define DUBAO_UI_H

#include <stdbool.h>

struct doc;
struct doc_feed;

enum ui_color {
	UI_COLOR_AUTO,		/* colour when the terminal has it and NO_COLOR
				   is unset or empty */
	UI_COLOR_NEVER,
	UI_COLOR_ALWAYS
};

struct ui_opts {
	int		 measure;	/* text width cap in cells; 0: full width */
	long		 story;		/* global 0-based story to open at, or -1 */
	int		 remember;	/* restore and save the reading position */
	int		 mouse;		/* take mouse events (wheel, clicks) */
	enum ui_color	 color;
	unsigned	 flags;		/* LAYOUT_* flags (LAYOUT_RAW_PUNCT) */
	long long	 start_ns;	/* CLOCK_MONOTONIC at program start
					   (for DUBAO_TIMING); 0: unknown */
	bool		 start_end;	/* +G: open at the end */
	const char	*start_search;	/* +/pattern: open at its first
					   match, or NULL */
};

/* Fill o with the defaults: measure 80, story -1, remember, mouse, auto
   colour. */
void	 ui_opts_default(struct ui_opts *o);
/* Does the colour option ask for colour?  "auto" does unless NO_COLOR is
   set and not empty (whether the output can show colour is the
   caller's to check). */
bool	 ui_color_wanted(enum ui_color);
/* ui_run() result: the terminal type is unknown to terminfo and nothing
   was drawn (the caller falls back to printing the text). */
#define UI_NO_TERMINAL	1

/* What the reader shows. */
struct ui_input {
	struct doc	*doc;		/* the document shown first */
	char *const	*paths;		/* what doc was loaded from (the
					   positions are saved per file) */
	size_t		 npaths;
	bool		 partial;	/* doc is only their first pages
					   (doc_quick_open): the rest loads
					   in the background */
	struct doc_feed	*in;		/* standard input as far as the quick
					   step read it (doc_quick_open), or
					   NULL */
	const char	*msgs;		/* what loading said so far, or NULL:
					   shown in the status line at start
					   and printed on stderr at exit */
};

/* Run the reader until the user quits.  Returns 0, UI_NO_TERMINAL, or -1
   after an error (reported on stderr once the terminal is restored).
   When the full document is ready it replaces the contents of in->doc,
   so that the caller frees (and may look at) the full one; its messages
   are printed on stderr after the terminal is restored.
   DUBAO_TIMING=FILE appends to FILE the milliseconds from o->start_ns to
   the first screen ("first") and to the full document ("full"). */
int	 ui_run(const struct ui_input *in, const struct ui_opts *o);

#endif
