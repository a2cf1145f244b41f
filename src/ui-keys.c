/*
 * ui-keys: the key table (less and vi habits plus the ordinary keys) and
 * its lookup.  A key bound in a specific context wins over the same key
 * in UI_CTX_ANY; the help screen lists this table as it is.
 */
#include <curses.h>
#include <stdio.h>

#include "ui-keys.h"

#define CTRL(c)		((c) & 0x1f)
#define K(k, ctx, cmd)	{ (k), false, (ctx), (cmd) }
#define F(k, ctx, cmd)	{ (k), true, (ctx), (cmd) }

const struct ui_key ui_keys[] = {
	K(' ', UI_CTX_ANY, UI_CMD_PAGE_DOWN),
	F(KEY_NPAGE, UI_CTX_ANY, UI_CMD_PAGE_DOWN),
	K('f', UI_CTX_ANY, UI_CMD_PAGE_DOWN),
	K(CTRL('F'), UI_CTX_ANY, UI_CMD_PAGE_DOWN),
	K('b', UI_CTX_ANY, UI_CMD_PAGE_UP),
	F(KEY_PPAGE, UI_CTX_ANY, UI_CMD_PAGE_UP),
	K(CTRL('B'), UI_CTX_ANY, UI_CMD_PAGE_UP),
	K('d', UI_CTX_ANY, UI_CMD_HALF_DOWN),
	K(CTRL('D'), UI_CTX_ANY, UI_CMD_HALF_DOWN),
	K('u', UI_CTX_ANY, UI_CMD_HALF_UP),
	K(CTRL('U'), UI_CTX_ANY, UI_CMD_HALF_UP),
	K('j', UI_CTX_ANY, UI_CMD_LINE_DOWN),
	F(KEY_DOWN, UI_CTX_ANY, UI_CMD_LINE_DOWN),
	K(CTRL('N'), UI_CTX_ANY, UI_CMD_LINE_DOWN),
	K('\r', UI_CTX_TEXT, UI_CMD_LINE_DOWN),
	K('\n', UI_CTX_TEXT, UI_CMD_LINE_DOWN),
	F(KEY_ENTER, UI_CTX_TEXT, UI_CMD_LINE_DOWN),
	K('k', UI_CTX_ANY, UI_CMD_LINE_UP),
	F(KEY_UP, UI_CTX_ANY, UI_CMD_LINE_UP),
	K(CTRL('P'), UI_CTX_ANY, UI_CMD_LINE_UP),
	K('y', UI_CTX_TEXT, UI_CMD_LINE_UP),
	K('g', UI_CTX_ANY, UI_CMD_TOP),
	F(KEY_HOME, UI_CTX_ANY, UI_CMD_TOP),
	K('<', UI_CTX_ANY, UI_CMD_TOP),
	K('G', UI_CTX_ANY, UI_CMD_BOTTOM),
	F(KEY_END, UI_CTX_ANY, UI_CMD_BOTTOM),
	K('>', UI_CTX_ANY, UI_CMD_BOTTOM),
	K(']', UI_CTX_ANY, UI_CMD_STORY_NEXT),
	K('[', UI_CTX_ANY, UI_CMD_STORY_PREV),
	K('}', UI_CTX_ANY, UI_CMD_SECTION_NEXT),
	K('{', UI_CTX_ANY, UI_CMD_SECTION_PREV),
	K('+', UI_CTX_TEXT, UI_CMD_WIDER),
	K('=', UI_CTX_TEXT, UI_CMD_WIDER),
	K('-', UI_CTX_TEXT, UI_CMD_NARROWER),
	K('\r', UI_CTX_LIST, UI_CMD_SELECT),
	K('\n', UI_CTX_LIST, UI_CMD_SELECT),
	F(KEY_ENTER, UI_CTX_LIST, UI_CMD_SELECT),
	K('a', UI_CTX_LIST, UI_CMD_ALL_PAGES),
	K('t', UI_CTX_ANY, UI_CMD_TOC),
	K('s', UI_CTX_ANY, UI_CMD_STATS),
	K('/', UI_CTX_TEXT, UI_CMD_SEARCH_FWD),
	K('?', UI_CTX_TEXT, UI_CMD_SEARCH_BACK),
	K('n', UI_CTX_TEXT, UI_CMD_SEARCH_NEXT),
	K('N', UI_CTX_TEXT, UI_CMD_SEARCH_PREV),
	K('&', UI_CTX_TEXT, UI_CMD_SEARCH_LIST),
	K('/', UI_CTX_LIST, UI_CMD_FILTER),
	K('c', UI_CTX_TEXT, UI_CMD_SCRIPT),
	K('h', UI_CTX_ANY, UI_CMD_HELP),
	F(KEY_F(1), UI_CTX_ANY, UI_CMD_HELP),
	K(0x1b, UI_CTX_ANY, UI_CMD_CLOSE),
	K(CTRL('L'), UI_CTX_ANY, UI_CMD_REDRAW),
	K('q', UI_CTX_ANY, UI_CMD_QUIT),
	K('Q', UI_CTX_ANY, UI_CMD_QUIT),
	F(KEY_LEFT, UI_CTX_PROMPT, UI_CMD_EDIT_LEFT),
	K(CTRL('B'), UI_CTX_PROMPT, UI_CMD_EDIT_LEFT),
	F(KEY_RIGHT, UI_CTX_PROMPT, UI_CMD_EDIT_RIGHT),
	K(CTRL('F'), UI_CTX_PROMPT, UI_CMD_EDIT_RIGHT),
	F(KEY_HOME, UI_CTX_PROMPT, UI_CMD_EDIT_HOME),
	K(CTRL('A'), UI_CTX_PROMPT, UI_CMD_EDIT_HOME),
	F(KEY_END, UI_CTX_PROMPT, UI_CMD_EDIT_END),
	F(KEY_BACKSPACE, UI_CTX_PROMPT, UI_CMD_EDIT_BACKSPACE),
	K(0x7f, UI_CTX_PROMPT, UI_CMD_EDIT_BACKSPACE),
	K(CTRL('H'), UI_CTX_PROMPT, UI_CMD_EDIT_BACKSPACE),
	F(KEY_DC, UI_CTX_PROMPT, UI_CMD_EDIT_DELETE),
	K(CTRL('D'), UI_CTX_PROMPT, UI_CMD_EDIT_DELETE),
	K(CTRL('U'), UI_CTX_PROMPT, UI_CMD_EDIT_KILL),
	K(CTRL('W'), UI_CTX_PROMPT, UI_CMD_EDIT_KILL_WORD),
	F(KEY_UP, UI_CTX_PROMPT, UI_CMD_EDIT_HIST_PREV),
	F(KEY_DOWN, UI_CTX_PROMPT, UI_CMD_EDIT_HIST_NEXT),
	K(CTRL('E'), UI_CTX_PROMPT, UI_CMD_EDIT_EXACT),
	K(CTRL('R'), UI_CTX_PROMPT, UI_CMD_EDIT_REGEX),
	K('\r', UI_CTX_PROMPT, UI_CMD_EDIT_ACCEPT),
	K('\n', UI_CTX_PROMPT, UI_CMD_EDIT_ACCEPT),
	F(KEY_ENTER, UI_CTX_PROMPT, UI_CMD_EDIT_ACCEPT),
	K(0x1b, UI_CTX_PROMPT, UI_CMD_EDIT_CANCEL),
	K(CTRL('G'), UI_CTX_PROMPT, UI_CMD_EDIT_CANCEL),
};
const size_t ui_nkeys = sizeof ui_keys / sizeof ui_keys[0];

static const char *const ui_keys_help[UI_CMD__COUNT] = {
	[UI_CMD_PAGE_DOWN] = "next page",
	[UI_CMD_PAGE_UP] = "previous page",
	[UI_CMD_HALF_DOWN] = "half a page down",
	[UI_CMD_HALF_UP] = "half a page up",
	[UI_CMD_LINE_DOWN] = "one line down",
	[UI_CMD_LINE_UP] = "one line up",
	[UI_CMD_TOP] = "to the top (5g: story 5)",
	[UI_CMD_BOTTOM] = "to the end",
	[UI_CMD_STORY_NEXT] = "next story (across pages)",
	[UI_CMD_STORY_PREV] = "start of this story, then the previous",
	[UI_CMD_SECTION_NEXT] = "next section heading",
	[UI_CMD_SECTION_PREV] = "previous section heading",
	[UI_CMD_WIDER] = "wider text (measure +2)",
	[UI_CMD_NARROWER] = "narrower text (measure -2)",
	[UI_CMD_TOC] = "outline: pages, stories, sections, captions",
	[UI_CMD_STATS] = "statistics of this story",
	[UI_CMD_ALL_PAGES] = "statistics: this story / all pages",
	[UI_CMD_SELECT] = "go to the chosen item",
	[UI_CMD_SEARCH_FWD] = "search forward (incremental; see below)",
	[UI_CMD_SEARCH_BACK] = "search backward",
	[UI_CMD_SEARCH_NEXT] = "next match (same direction)",
	[UI_CMD_SEARCH_PREV] = "previous match",
	[UI_CMD_SEARCH_LIST] = "list every match (Enter: go there)",
	[UI_CMD_FILTER] = "filter the entries (Esc: clear)",
	[UI_CMD_SCRIPT] = "script: original, simplified, traditional, "
	    "taiwan, hongkong (OpenCC)",
	[UI_CMD_HELP] = "this help",
	[UI_CMD_CLOSE] = "close the panel; clear the highlights",
	[UI_CMD_REDRAW] = "redraw the screen",
	[UI_CMD_QUIT] = "quit",
	[UI_CMD_EDIT_LEFT] = "cursor one character left",
	[UI_CMD_EDIT_RIGHT] = "cursor one character right",
	[UI_CMD_EDIT_HOME] = "cursor to the start",
	[UI_CMD_EDIT_END] = "cursor to the end",
	[UI_CMD_EDIT_BACKSPACE] = "erase the character before (empty: cancel)",
	[UI_CMD_EDIT_DELETE] = "erase the character under the cursor",
	[UI_CMD_EDIT_KILL] = "erase the line",
	[UI_CMD_EDIT_KILL_WORD] = "erase the word before the cursor",
	[UI_CMD_EDIT_HIST_PREV] = "earlier pattern from the history (filter: up)",
	[UI_CMD_EDIT_HIST_NEXT] = "later pattern from the history (filter: down)",
	[UI_CMD_EDIT_EXACT] = "toggle exact matching (no case/width folding)",
	[UI_CMD_EDIT_REGEX] = "toggle regular expression (PCRE)",
	[UI_CMD_EDIT_ACCEPT] = "search (keep the filter)",
	[UI_CMD_EDIT_CANCEL] = "cancel: back to where you were",
};

/* The command of a key in a context. */
enum ui_cmd
ui_keys_lookup(int ctx, wint_t ch, bool fkey)
{
	enum ui_cmd	 any = UI_CMD_NONE;
	size_t		 i;

	for (i = 0; i < ui_nkeys; i++) {
		const struct ui_key *k = &ui_keys[i];

		if (k->fkey != fkey || (wint_t)k->key != ch)
			continue;
		if (k->ctx == ctx)
			return (enum ui_cmd)k->cmd;
		if (k->ctx == UI_CTX_ANY && ctx != UI_CTX_PROMPT &&
		    any == UI_CMD_NONE)
			any = (enum ui_cmd)k->cmd;
	}
	return any;
}

/* One line describing a command. */
const char *
ui_keys_describe(enum ui_cmd c)
{
	if ((int)c < 0 || c >= UI_CMD__COUNT || ui_keys_help[c] == NULL)
		return "";
	return ui_keys_help[c];
}

/* Name of a key. */
const char *
ui_keys_name(const struct ui_key *k)
{
	static char	 buf[16];

	if (k->fkey) {
		switch (k->key) {
		case KEY_NPAGE:	return "PgDn";
		case KEY_PPAGE:	return "PgUp";
		case KEY_DOWN:	return "Down";
		case KEY_UP:	return "Up";
		case KEY_HOME:	return "Home";
		case KEY_END:	return "End";
		case KEY_ENTER:	return "Enter";
		case KEY_F(1):	return "F1";
		case KEY_LEFT:	return "Left";
		case KEY_RIGHT:	return "Right";
		case KEY_BACKSPACE: return "Backspace";
		case KEY_DC:	return "Delete";
		default:	return "?";
		}
	}
	switch (k->key) {
	case ' ':	return "Space";
	case '\r':	return "Enter";
	case '\n':	return "^J";
	case 0x1b:	return "Esc";
	case 0x7f:	return "DEL";
	}
	if (k->key < 0x20)
		snprintf(buf, sizeof buf, "^%c", k->key + '@');
	else
		snprintf(buf, sizeof buf, "%c", k->key);
	return buf;
}

/* Name of a context. */
const char *
ui_keys_ctx_name(enum ui_ctx c)
{
	switch (c) {
	case UI_CTX_TEXT:
		return "Reading the text";
	case UI_CTX_LIST:
		return "In the outline, statistics, matches and help";
	case UI_CTX_PROMPT:
		return "At the search prompt (/ ?) and a filter line";
	default:
		return "Everywhere";
	}
}
