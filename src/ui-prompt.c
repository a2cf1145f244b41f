/*
 * ui-prompt: a line of input in the status row ("/pattern").  Typed
 * characters (any script: an input method sends whole characters) are
 * inserted at the cursor; Backspace, ^U (erase all), Left/Right, ^A/^E
 * edit; Enter hands the text to the owner's callback, Esc cancels.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_PROMPT_MAX	256		/* characters */

struct ui_prompt {
	char		 prefix[8];
	wchar_t		 buf[UI_PROMPT_MAX + 1];
	size_t		 len, cur;	/* characters */
	void		 (*done)(struct ui *, const char *, void *);
	void		*arg;
};

/* Parameters for the next init (a mode's init takes none). */
static struct ui_prompt ui_prompt_next;

/* Read a line in the status row. */
void
ui_prompt_open(struct ui *ui, const char *prefix,
    void (*done)(struct ui *, const char *, void *), void *arg)
{
	memset(&ui_prompt_next, 0, sizeof ui_prompt_next);
	strncpy(ui_prompt_next.prefix, prefix,
	    sizeof ui_prompt_next.prefix - 1);
	ui_prompt_next.done = done;
	ui_prompt_next.arg = arg;
	ui_open(ui, &ui_prompt_mode);
}

static void *
ui_prompt_init(struct ui *ui)
{
	struct ui_prompt *p = xmalloc(sizeof *p);

	*p = ui_prompt_next;
	return p;
}

static void
ui_prompt_free(struct ui *ui, void *arg)
{
	free(arg);
}

/* The text as UTF-8 (malloc'ed). */
static char *
ui_prompt_text(const struct ui_prompt *p, size_t upto)
{
	char		*s = xmalloc(upto * MB_CUR_MAX + 1), *o = s;
	mbstate_t	 mbs;
	size_t		 i, n;

	memset(&mbs, 0, sizeof mbs);
	for (i = 0; i < upto; i++) {
		n = wcrtomb(o, p->buf[i], &mbs);
		if (n != (size_t)-1)
			o += n;
	}
	*o = '\0';
	return s;
}

static void
ui_prompt_draw(struct ui *ui, void *arg, int y, int x, int h, int w)
{
	struct ui_prompt	*p = arg;
	char			*all = ui_prompt_text(p, p->len);
	char			*before = ui_prompt_text(p, p->cur);
	int			 pw = ui_draw_width(p->prefix, strlen(p->prefix));
	int			 cw = ui_draw_width(before, strlen(before));
	int			 skip = 0;
	size_t			 off = 0;

	/* Scroll the text left when the cursor would leave the row. */
	while (pw + cw - skip >= w - 1 && off < strlen(all)) {
		wchar_t	 wc;
		int	 n = mbtowc(&wc, all + off, strlen(all) - off);

		if (n <= 0)
			break;
		skip += wcwidth(wc) > 0 ? wcwidth(wc) : 1;
		off += (size_t)n;
	}
	ui_draw_fill(y, x, w, 0);
	ui_draw_str(y, x, w, p->prefix, strlen(p->prefix), 0);
	ui_draw_str(y, x + pw, w - pw, all + off, strlen(all + off), 0);
	move(y, x + pw + cw - skip < x + w - 1 ? x + pw + cw - skip :
	    x + w - 1);
	free(all);
	free(before);
}

static bool
ui_prompt_key(struct ui *ui, void *arg, wint_t ch, bool fkey, long count)
{
	struct ui_prompt	*p = arg;
	void			 (*done)(struct ui *, const char *, void *);
	void			*darg;
	char			*s;

	if (fkey) {
		switch (ch) {
		case KEY_BACKSPACE:
			goto backspace;
		case KEY_LEFT:
			if (p->cur > 0)
				p->cur--;
			return true;
		case KEY_RIGHT:
			if (p->cur < p->len)
				p->cur++;
			return true;
		case KEY_HOME:
			p->cur = 0;
			return true;
		case KEY_END:
			p->cur = p->len;
			return true;
		case KEY_ENTER:
			goto enter;
		default:
			return true;
		}
	}
	switch (ch) {
	case 0x1b:
	case 0x07:		/* ^G */
		done = p->done;
		darg = p->arg;
		ui_open(ui, NULL);
		if (done != NULL)
			done(ui, NULL, darg);
		return true;
	case '\r':
	case '\n':
	enter:
		s = ui_prompt_text(p, p->len);
		done = p->done;
		darg = p->arg;
		ui_open(ui, NULL);	/* frees p */
		if (done != NULL)
			done(ui, s, darg);
		free(s);
		return true;
	case 0x7f:
	case 0x08:
	backspace:
		if (p->cur == 0) {
			if (p->len == 0)	/* like less: leave */
				return ui_prompt_key(ui, arg, 0x1b, false, 0);
			return true;
		}
		memmove(&p->buf[p->cur - 1], &p->buf[p->cur],
		    (p->len - p->cur) * sizeof p->buf[0]);
		p->cur--;
		p->len--;
		return true;
	case 0x15:		/* ^U */
		p->len = p->cur = 0;
		return true;
	case 0x01:		/* ^A */
		p->cur = 0;
		return true;
	case 0x05:		/* ^E */
		p->cur = p->len;
		return true;
	}
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || wcwidth((wchar_t)ch) < 0)
		return true;	/* no controls in the text */
	if (p->len >= UI_PROMPT_MAX)
		return true;
	memmove(&p->buf[p->cur + 1], &p->buf[p->cur],
	    (p->len - p->cur) * sizeof p->buf[0]);
	p->buf[p->cur++] = (wchar_t)ch;
	p->len++;
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
