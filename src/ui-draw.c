/*
 * ui-draw: the only code that writes text cells.
 *
 * Every character is put with a wide-character call at an explicit
 * (y, x) after its width (wcwidth, as ncurses counts it) was checked
 * against the room left, so nothing relies on auto-wrap, a wide
 * character is never cut, and no control byte reaches the terminal.  The
 * bottom-right cell of the screen is never written.
 *
 * Styles: colour pairs when colour is on (the terminal's own background,
 * 8 or 256 colours), otherwise bold, underline, reverse and dim alone.
 */
#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "ui-int.h"

static int	 ui_draw_attrs[UI_NSTYLES];

/* Colours per style: fg for 8-colour and 256-colour terminals, -1 for the
   terminal's own, and attributes with and without colour. */
struct ui_draw_spec {
	short	 fg8, fg256;
	int	 cattr;			/* attributes with colour */
	int	 mattr;			/* attributes without colour */
};

static const struct ui_draw_spec ui_draw_specs[UI_NSTYLES] = {
	[STYLE_TEXT] =		{ -1, -1, 0, 0 },
	[STYLE_HEADLINE] =	{ COLOR_CYAN, 39, A_BOLD, A_BOLD },
	[STYLE_KICKER] =	{ COLOR_CYAN, 74, 0, A_BOLD },
	[STYLE_SUBTITLE] =	{ COLOR_CYAN, 74, 0, A_BOLD },
	[STYLE_BYLINE] =	{ COLOR_GREEN, 107, 0, A_UNDERLINE },
	[STYLE_DATELINE] =	{ COLOR_GREEN, 107, A_BOLD, A_BOLD },
	[STYLE_NOTE] =		{ -1, -1, A_ITALIC, A_ITALIC },
	[STYLE_LEAD] =		{ -1, -1, 0, 0 },
	[STYLE_HEADING] =	{ COLOR_YELLOW, 178, A_BOLD, A_BOLD | A_UNDERLINE },
	[STYLE_CAPTION] =	{ COLOR_BLUE, 110, A_ITALIC, A_DIM },
	[STYLE_BANNER] =	{ COLOR_MAGENTA, 175, A_BOLD, A_BOLD },
	[STYLE_DECOR] =		{ -1, 244, 0, 0 },
	[STYLE_STAT] =		{ COLOR_RED, 167, 0, A_UNDERLINE },
	[UI_STYLE_HEADER] =	{ COLOR_MAGENTA, 175, A_BOLD, A_BOLD },
	[UI_STYLE_STATUS] =	{ -1, -1, A_REVERSE, A_REVERSE },
	[UI_STYLE_ERROR] =	{ COLOR_RED, 196, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[UI_STYLE_TITLE] =	{ -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[UI_STYLE_BORDER] =	{ -1, 244, 0, 0 },
	[UI_STYLE_SELECT] =	{ -1, -1, A_REVERSE, A_REVERSE },
	[UI_STYLE_MARK] =	{ -1, -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[UI_STYLE_SEARCH] =	{ -1, -1, A_REVERSE, A_REVERSE },
	[UI_STYLE_CURRENT] =	{ -1, -1, A_REVERSE | A_BOLD | A_UNDERLINE, A_REVERSE | A_BOLD | A_UNDERLINE },
	[UI_STYLE_GROUP] =	{ COLOR_YELLOW, 178, A_BOLD, A_BOLD },
	[UI_STYLE_DIM] =	{ -1, 244, 0, A_DIM },
	/* Statistic kinds (STAT_COUNT ... STAT_RANGE). */
	[UI_STYLE__COUNT + STAT_COUNT] =	{ COLOR_RED, 167, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_MEASURE] =	{ COLOR_GREEN, 114, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_PERCENT] =	{ COLOR_MAGENTA, 176, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_MONEY] =	{ COLOR_YELLOW, 178, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_DATE] =		{ COLOR_BLUE, 68, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_TIME] =		{ COLOR_BLUE, 68, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_YEAR] =		{ COLOR_BLUE, 68, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_DURATION] =	{ COLOR_CYAN, 73, 0, A_UNDERLINE },
	[UI_STYLE__COUNT + STAT_RANGE] =	{ COLOR_MAGENTA, 176, 0, A_UNDERLINE },
};

/* Set up the attributes of every style (after initscr; start_color was
   called when color is true). */
void
ui_draw_init(bool color)
{
	int	 i, fg;

	for (i = 0; i < UI_NSTYLES; i++) {
		const struct ui_draw_spec *s = &ui_draw_specs[i];

		if (!color) {
			ui_draw_attrs[i] = s->mattr;
			continue;
		}
		fg = COLORS >= 256 ? s->fg256 : s->fg8;
		ui_draw_attrs[i] = s->cattr;
		if (fg >= 0 && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), (short)fg, -1);
			ui_draw_attrs[i] |= (int)COLOR_PAIR(i + 1);
		}
	}
}

/* The attribute of a style. */
int
ui_draw_attr(int style)
{
	if (style < 0 || style >= UI_NSTYLES)
		return 0;
	return ui_draw_attrs[style];
}

/* The room in a row from x for w cells, never the bottom-right cell. */
static int
ui_draw_room(int y, int x, int w)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	if (y == LINES - 1 && x + w >= COLS)
		w = COLS - 1 - x;
	return w < 0 ? 0 : w;
}

/* Decode one character; returns its bytes (at least 1) and its width.
   Controls and undecodable bytes become U+FFFD. */
static size_t
ui_draw_decode(const char *s, size_t len, wchar_t *wc, int *width)
{
	mbstate_t	 mbs;
	size_t		 n;

	memset(&mbs, 0, sizeof mbs);
	n = mbrtowc(wc, s, len, &mbs);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xfffd;
		n = 1;
		while (n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
	}
	*width = wcwidth(*wc);
	if (*width < 0 || *wc < 0x20 || (*wc >= 0x7f && *wc < 0xa0)) {
		*wc = 0xfffd;
		*width = 1;
	}
	return n;
}

/* Put one spacing character (with up to 4 combining ones) at (y, x). */
static void
ui_draw_cell(int y, int x, const wchar_t *wcs, int attr)
{
	cchar_t	 cc;

	if (setcchar(&cc, wcs, (attr_t)(attr & ~A_COLOR),
	    (short)PAIR_NUMBER(attr), NULL) == OK)
		mvadd_wch(y, x, &cc);
}

/* Decode one cell: a spacing character and the combining marks after it
   (up to CCHARW_MAX - 1) into wcs[], NUL-terminated.  Returns the bytes
   taken; *width 0 means a stray combining mark, to be skipped. */
static size_t
ui_draw_glyph(const char *s, size_t len, wchar_t *wcs, int *width)
{
	size_t	 i, mn;
	int	 k = 1, mw;

	i = ui_draw_decode(s, len, &wcs[0], width);
	while (*width != 0 && i < len && k < CCHARW_MAX) {
		mn = ui_draw_decode(s + i, len - i, &wcs[k], &mw);
		if (mw != 0)
			break;
		k++;
		i += mn;
	}
	wcs[k] = L'\0';
	return i;
}

/* Draw UTF-8 text in at most w cells. */
int
ui_draw_str(int y, int x, int w, const char *s, size_t len, int attr)
{
	wchar_t	 wcs[CCHARW_MAX + 1];
	size_t	 i = 0, n;
	int	 used = 0, cw;

	w = ui_draw_room(y, x, w);
	while (i < len) {
		n = ui_draw_glyph(s + i, len - i, wcs, &cw);
		i += n;
		if (cw == 0)		/* stray combining mark: skip */
			continue;
		if (used + cw > w)
			break;
		ui_draw_cell(y, x + used, wcs, attr);
		used += cw;
	}
	return used;
}

/* ui_draw_str of a NUL-terminated string. */
int
ui_draw_text(int y, int x, int w, const char *s, int attr)
{
	return ui_draw_str(y, x, w, s, strlen(s), attr);
}

/* As ui_draw_str, but a string that does not fit ends in "…". */
int
ui_draw_str_cut(int y, int x, int w, const char *s, size_t len, int attr)
{
	int	 used;

	w = ui_draw_room(y, x, w);
	if (ui_draw_width(s, len) <= w)
		return ui_draw_str(y, x, w, s, len, attr);
	if (w < 1)
		return 0;
	used = ui_draw_str(y, x, w - 1, s, len, attr);
	return used + ui_draw_text(y, x + used, 1, "…", attr);
}

/* The start of the character before byte i of s. */
static size_t
ui_draw_prev(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xc0) == 0x80)
		;
	return i;
}

/* Keyword in context, centred. */
int
ui_draw_kwic(int y, int x, int w, const char *s, size_t len, size_t ms,
    size_t me, int attr, int mattr)
{
	int	 kw, lw, rw, room, c = 0, ell = ui_draw_width("…", 3);
	size_t	 a = 0, p;

	w = ui_draw_room(y, x, w);
	if (me > len)
		me = len;
	if (ms > me)
		ms = me;
	kw = ui_draw_width(s + ms, me - ms);
	lw = ui_draw_width(s, ms);
	rw = ui_draw_width(s + me, len - me);
	if (lw + kw + rw <= w) {
		c = ui_draw_str(y, x, lw, s, ms, attr);
		c += ui_draw_str(y, x + c, kw, s + ms, me - ms, mattr);
		return c + ui_draw_str(y, x + c, rw, s + me, len - me, attr);
	}
	/* The left side gets half of what the keyword leaves, more when
	   the right side is short; what is cut ends in "…". */
	room = (w - kw) / 2;
	if (rw < w - kw - room)
		room = w - kw - rw;
	if (room < 0)
		room = 0;
	if (lw > room) {
		/* Drop characters from the left until "…" and the rest
		   fit. */
		a = ms;
		lw = 0;
		while (a > 0) {
			p = ui_draw_prev(s, a);
			if (lw + ui_draw_width(s + p, a - p) + ell > room)
				break;
			lw += ui_draw_width(s + p, a - p);
			a = p;
		}
		if (room >= ell)
			c += ui_draw_text(y, x, ell, "…", attr);
	}
	c += ui_draw_str(y, x + c, w - c, s + a, ms - a, attr);
	c += ui_draw_str(y, x + c, w - c, s + ms, me - ms, mattr);
	if (c < w)
		c += ui_draw_str_cut(y, x + c, w - c, s + me, len - me, attr);
	return c;
}

/* Cells a UTF-8 string takes. */
int
ui_draw_width(const char *s, size_t len)
{
	size_t	 i = 0;
	int	 used = 0, cw;
	wchar_t	 wc;

	while (i < len) {
		i += ui_draw_decode(s + i, len - i, &wc, &cw);
		used += cw;
	}
	return used;
}

/* Blank w cells. */
void
ui_draw_fill(int y, int x, int w, int attr)
{
	static const wchar_t sp[] = L" ";
	int	 i;

	w = ui_draw_room(y, x, w);
	for (i = 0; i < w; i++)
		ui_draw_cell(y, x + i, sp, attr);
}

/* Repeat a glyph over w cells. */
void
ui_draw_repeat(int y, int x, int w, const char *glyph, int attr)
{
	wchar_t	 wcs[2];
	int	 cw, i;

	ui_draw_decode(glyph, strlen(glyph), &wcs[0], &cw);
	wcs[1] = L'\0';
	w = ui_draw_room(y, x, w);
	if (cw < 1)
		cw = 1;
	for (i = 0; i + cw <= w; i += cw)
		ui_draw_cell(y, x + i, wcs, attr);
	ui_draw_fill(y, x + i, w - i, attr);
}

/* The attribute of byte off of a display line: its innermost span. */
static int
ui_draw_span_attr(const struct layout *lay, const struct dline *dl,
    unsigned off)
{
	int	 attr = ui_draw_attr(dl->style);
	size_t	 i;

	for (i = dl->span; i < dl->span + dl->nspans && i < lay->nspans; i++) {
		const struct dspan *sp = &lay->spans[i];

		if (off < sp->start || off >= sp->end)
			continue;
		if (sp->style == STYLE_STAT)
			attr = ui_draw_attr(UI_STYLE_KIND(sp->sub));
		else
			attr = ui_draw_attr(sp->style);
	}
	return attr;
}

/* Overlay attributes of cell c. */
static int
ui_draw_overlay(const struct ui_overlay *ov, size_t nov, int c, int attr)
{
	size_t	 i;

	for (i = 0; i < nov; i++)
		if (c >= ov[i].c0 && c < ov[i].c1) {
			attr |= ov[i].attr & ~A_COLOR;
			if (ov[i].attr & A_COLOR)
				attr = (attr & ~A_COLOR) | (ov[i].attr & A_COLOR);
		}
	return attr;
}

/* Draw a display line. */
void
ui_draw_dline(int y, int x, int w, const struct layout *lay,
    const struct dline *dl, const struct ui_overlay *ov, size_t nov)
{
	wchar_t	 wcs[CCHARW_MAX + 1];
	int	 used = 0, cw, base = ui_draw_attr(dl->style), attr;
	size_t	 i = 0, n;
	int	 room = ui_draw_room(y, x, w);

	if (dl->kind == DLINE_BLANK) {
		ui_draw_fill(y, x, room, 0);
		return;
	}
	for (; used < dl->indent && used < room; used++)
		ui_draw_fill(y, x + used, 1,
		    ui_draw_overlay(ov, nov, used, base) & ~A_UNDERLINE);
	while (i < dl->len) {
		n = ui_draw_glyph(dl->text + i, dl->len - i, wcs, &cw);
		if (cw == 0) {		/* stray combining mark: skip */
			i += n;
			continue;
		}
		if (used + cw > room)
			break;
		attr = ui_draw_span_attr(lay, dl, (unsigned)i);
		attr = ui_draw_overlay(ov, nov, used, attr);
		ui_draw_cell(y, x + used, wcs, attr);
		used += cw;
		i += n;
	}
	ui_draw_fill(y, x + used, room - used, 0);
}

/* A bar of value/max over w cells, in eighths of a cell. */
void
ui_draw_bar(int y, int x, int w, double value, double max, int attr)
{
	static const char *const eighths[8] = {
		"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"
	};
	long	 e, full;
	int	 i;
	double	 r;

	w = ui_draw_room(y, x, w);
	if (max <= 0 || value <= 0 || w <= 0) {
		ui_draw_fill(y, x, w, 0);
		return;
	}
	r = value / max;
	if (!(r >= 0 && r <= 1))	/* beyond max, or inf / inf */
		r = 1;
	e = (long)(r * w * 8 + 0.5);
	if (e < 1)
		e = 1;			/* something non-zero shows */
	full = e / 8;
	for (i = 0; i < full && i < w; i++)
		ui_draw_text(y, x + i, 1, "█", attr);
	if (i < w && e % 8 != 0) {
		ui_draw_text(y, x + i, 1, eighths[e % 8], attr);
		i++;
	}
	ui_draw_fill(y, x + i, w - i, 0);
}
