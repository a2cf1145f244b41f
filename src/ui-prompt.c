/*
 * ui-prompt: a line of input in the status row ("/pattern").  The text is
 * a lineedit (see lineedit.h): typed characters (any script: an input
 * method sends whole characters) are inserted at the cursor; the keys of
 * UI_CTX_PROMPT in the key table edit (Left/Right, Home/End, Backspace,
 * Delete, ^U erases all, ^W a word) and Up/Down recall the history.  The owner's callbacks
 * label the line, see every change (an incremental search), take the keys
 * that are not editing keys (mode toggles) and put a note at the right;
 * Enter hands the text over, Esc (or Backspace on an empty line, as in
 * less) cancels.
 */
#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui-int.h"
#include "xmalloc.h"

struct ui_prompt {
	const struct ui_prompt_ops *ops;
	void		*arg;
	struct lineedit	 le;
};

/* Parameters for the next init (a mode's init takes none). */
static struct {
	const struct ui_prompt_ops *ops;
	void		*arg;
	const char *const *hist;
	size_t		 nhist;
} ui_prompt_next;

/* Read a line in the status row. */
void
ui_prompt_open(struct ui *ui, const struct ui_prompt_ops *ops, void *arg,
    const char *const *hist, size_t nhist)
{
	ui_prompt_next.ops = ops;
	ui_prompt_next.arg = arg;
	ui_prompt_next.hist = hist;
	ui_prompt_next.nhist = nhist;
	ui_open(ui, &ui_prompt_mode);
}

/* Start a prompt with the operations ui_prompt_open left. */
static void *
ui_prompt_init(struct ui *ui)
{
	struct ui_prompt *p = xcalloc(1, sizeof *p);

	p->ops = ui_prompt_next.ops;
	p->arg = ui_prompt_next.arg;
	lineedit_init(&p->le);
	lineedit_history(&p->le, ui_prompt_next.hist, ui_prompt_next.nhist);
	return p;
}

/* Free the prompt. */
static void
ui_prompt_free(struct ui *ui, void *arg)
{
	struct ui_prompt *p = arg;

	lineedit_free(&p->le);
	free(p);
}

/* Edit le with a key (the UI_CTX_PROMPT commands of the key table). */
int
ui_prompt_edit(struct lineedit *le, wint_t ch, bool fkey)
{
	char		 mb[MB_LEN_MAX];
	mbstate_t	 mbs;
	size_t		 n;

	switch (ui_keys_lookup(UI_CTX_PROMPT, ch, fkey)) {
	case UI_CMD_EDIT_BACKSPACE:
		return lineedit_backspace(le) ? 2 : 1;
	case UI_CMD_EDIT_DELETE:
		return lineedit_delete(le) ? 2 : 1;
	case UI_CMD_EDIT_LEFT:
		lineedit_left(le);
		return 1;
	case UI_CMD_EDIT_RIGHT:
		lineedit_right(le);
		return 1;
	case UI_CMD_EDIT_HOME:
		lineedit_home(le);
		return 1;
	case UI_CMD_EDIT_END:
		lineedit_end(le);
		return 1;
	case UI_CMD_EDIT_KILL:
		lineedit_clear(le);
		return 2;
	case UI_CMD_EDIT_KILL_WORD:
		return lineedit_kill_word(le) ? 2 : 1;
	case UI_CMD_NONE:
		break;
	default:
		return 0;
	}
	if (fkey || ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		return 0;
	memset(&mbs, 0, sizeof mbs);
	n = wcrtomb(mb, (wchar_t)ch, &mbs);
	if (n == (size_t)-1)
		return 1;
	return lineedit_insert(le, mb, n) ? 2 : 1;
}

/* Draw a label and an edited line; returns the cursor column. */
int
ui_prompt_draw_line(int y, int x, int w, const char *label,
    const struct lineedit *le, int attr, int room)
{
	int	 lw = ui_draw_width(label, strlen(label));
	int	 cw = ui_draw_width(le->buf, le->cur);
	int	 avail = w - room, skip = 0;
	size_t	 off = 0;

	if (avail < lw + 2)
		avail = w;
	/* Scroll the text left when the cursor would leave the room. */
	while (lw + cw - skip >= avail - 1 && off < le->cur) {
		size_t k = off + 1;

		while (k < le->len && ((unsigned char)le->buf[k] & 0xc0) == 0x80)
			k++;
		skip += ui_draw_width(le->buf + off, k - off);
		off = k;
	}
	ui_draw_fill(y, x, w, attr);
	ui_draw_str(y, x, avail, label, strlen(label), attr);
	if (lw < avail)
		ui_draw_str(y, x + lw, avail - lw, le->buf + off, le->len - off,
		    attr);
	cw = x + lw + cw - skip;
	return cw < x + w - 1 ? cw : x + w - 1;
}

/* Draw the prompt line and put the cursor in it. */
static void
ui_prompt_draw(struct ui *ui, void *arg, int y, int x, int h, int w)
{
	struct ui_prompt	*p = arg;
	const char		*note = NULL;
	char			 label[64] = "";
	bool			 err = false;
	int			 nw = 0, cx, lw;

	if (p->ops->label != NULL)
		p->ops->label(ui, p->arg, label, sizeof label);
	if (p->ops->note != NULL)
		note = p->ops->note(ui, p->arg, &err);
	lw = ui_draw_width(label, strlen(label)) + ui_draw_width(p->le.buf,
	    p->le.len);
	if (note != NULL && *note != '\0') {
		nw = ui_draw_width(note, strlen(note)) + 2;
		/* The text first: the note gets what is left. */
		if (nw > w - lw - 2)
			nw = w - lw - 2 > 12 ? w - lw - 2 : 0;
	}
	cx = ui_prompt_draw_line(y, x, w, label, &p->le, 0, nw);
	if (nw > 0)
		ui_draw_str(y, x + w - nw + 1, nw - 1, note, strlen(note),
		    ui_draw_attr(err ? UI_STYLE_ERROR : UI_STYLE_DIM));
	move(y, cx);
}

/* Close the prompt and hand over the text (NULL: cancelled). */
static void
ui_prompt_finish(struct ui *ui, struct ui_prompt *p, bool ok)
{
	const struct ui_prompt_ops *ops = p->ops;
	void	*arg = p->arg;
	char	*s = ok ? xstrdup(p->le.buf) : NULL;

	ui_open(ui, NULL);	/* frees p */
	if (ops->done != NULL)
		ops->done(ui, arg, s);
	free(s);
}

/* Edit, recall, accept or cancel. */
static bool
ui_prompt_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_prompt	*p = arg;
	enum ui_cmd		 c = ui_keys_lookup(UI_CTX_PROMPT, ch, fkey);
	int			 r;

	switch (c) {
	case UI_CMD_EDIT_BACKSPACE:
		if (p->le.len > 0)	/* like less: on nothing it leaves */
			break;
		/* FALLTHROUGH */
	case UI_CMD_EDIT_CANCEL:
		ui_prompt_finish(ui, p, false);
		return true;
	case UI_CMD_EDIT_ACCEPT:
		ui_prompt_finish(ui, p, true);
		return true;
	case UI_CMD_EDIT_HIST_PREV:
	case UI_CMD_EDIT_HIST_NEXT:
		if (lineedit_recall(&p->le, c == UI_CMD_EDIT_HIST_PREV ? -1 :
		    1)) {
			if (p->ops->recall != NULL &&
			    p->le.hpos < p->le.nhist)
				p->ops->recall(ui, p->arg, p->le.hpos);
			if (p->ops->change != NULL)
				p->ops->change(ui, p->arg, p->le.buf);
		}
		return true;
	default:
		break;
	}
	if (p->ops->key != NULL && p->ops->key(ui, p->arg, c, &p->le))
		return true;
	r = ui_prompt_edit(&p->le, ch, fkey);
	if (r == 2 && p->ops->change != NULL)
		p->ops->change(ui, p->arg, p->le.buf);
	return true;
}

const struct ui_mode ui_prompt_mode = {
	.name = "prompt",
	.line = true,
	.init = ui_prompt_init,
	.free = ui_prompt_free,
	.draw = ui_prompt_draw,
	.key = ui_prompt_key,
};
