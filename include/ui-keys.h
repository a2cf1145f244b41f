/*
 * ui-keys: the one key table of the reader.  Keys map to commands per
 * context (the text, or a list panel); the help screen is generated from
 * the same table.  Included only by src/ui*.c; no curses types here.
 */
#ifndef DUBAO_UI_KEYS_H
#define DUBAO_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum ui_cmd {
	UI_CMD_NONE,
	UI_CMD_PAGE_DOWN,
	UI_CMD_PAGE_UP,
	UI_CMD_HALF_DOWN,
	UI_CMD_HALF_UP,
	UI_CMD_LINE_DOWN,
	UI_CMD_LINE_UP,
	UI_CMD_TOP,
	UI_CMD_BOTTOM,
	UI_CMD_STORY_NEXT,
	UI_CMD_STORY_PREV,
	UI_CMD_SECTION_NEXT,
	UI_CMD_SECTION_PREV,
	UI_CMD_WIDER,
	UI_CMD_NARROWER,
	UI_CMD_TOC,
	UI_CMD_STATS,
	UI_CMD_ALL_PAGES,		/* statistics panel: this story / all */
	UI_CMD_SELECT,			/* a list: jump to the chosen item */
	UI_CMD_SEARCH_FWD,
	UI_CMD_SEARCH_BACK,
	UI_CMD_SEARCH_NEXT,
	UI_CMD_SEARCH_PREV,
	UI_CMD_SEARCH_LIST,		/* & : every match in a list */
	UI_CMD_FILTER,			/* / in a list: filter it */
	UI_CMD_SCRIPT,			/* c: the next script */
	UI_CMD_HELP,
	UI_CMD_CLOSE,			/* Esc: close the panel */
	UI_CMD_REDRAW,
	UI_CMD_QUIT,
	/* The prompt and a list's filter line. */
	UI_CMD_EDIT_LEFT,
	UI_CMD_EDIT_RIGHT,
	UI_CMD_EDIT_HOME,
	UI_CMD_EDIT_END,
	UI_CMD_EDIT_BACKSPACE,
	UI_CMD_EDIT_DELETE,
	UI_CMD_EDIT_KILL,		/* erase the line */
	UI_CMD_EDIT_KILL_WORD,
	UI_CMD_EDIT_HIST_PREV,
	UI_CMD_EDIT_HIST_NEXT,
	UI_CMD_EDIT_EXACT,		/* toggle exact matching */
	UI_CMD_EDIT_REGEX,		/* toggle regular expressions */
	UI_CMD_EDIT_ACCEPT,
	UI_CMD_EDIT_CANCEL,
	UI_CMD__COUNT
};

enum ui_ctx {
	UI_CTX_ANY,			/* everywhere unless a context overrides */
	UI_CTX_TEXT,			/* reading the text */
	UI_CTX_LIST,			/* outline, statistics, help */
	UI_CTX_PROMPT,			/* the search prompt, a list filter */
	UI_CTX__COUNT
};

struct ui_key {
	int		 key;		/* character, or curses KEY_* code */
	bool		 fkey;		/* key is a KEY_* code */
	unsigned char	 ctx;		/* enum ui_ctx */
	unsigned char	 cmd;		/* enum ui_cmd */
};

extern const struct ui_key ui_keys[];
extern const size_t ui_nkeys;

/* The command of a key in a context (UI_CMD_NONE if unbound); keys of
   UI_CTX_ANY do not apply in UI_CTX_PROMPT. */
enum ui_cmd	 ui_keys_lookup(int ctx, wint_t ch, bool fkey);
/* One line describing a command, for the help screen. */
const char	*ui_keys_describe(enum ui_cmd);
/* Name of a key ("Space", "^F", "PgDn", "j"); static storage. */
const char	*ui_keys_name(const struct ui_key *);
/* Name of a context, as a help heading. */
const char	*ui_keys_ctx_name(enum ui_ctx);

#endif
