/*
 * lineedit: a one-line input field (see lineedit.h).  Cluster boundaries
 * come from libunistring's u8_grapheme_next/prev (UAX #29), so the
 * cursor steps as a reader sees characters.
 */
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

#include "lineedit.h"
#include "xmalloc.h"

void
lineedit_init(struct lineedit *le)
{
	memset(le, 0, sizeof *le);
	le->buf = xcalloc(1, LINEEDIT_MAX + 1);
}

void
lineedit_free(struct lineedit *le)
{
	free(le->buf);
	free(le->draft);
	memset(le, 0, sizeof *le);
}

/* Replace the text, cursor at the end. */
void
lineedit_set(struct lineedit *le, const char *s)
{
	le->len = le->cur = 0;
	le->buf[0] = '\0';
	lineedit_insert(le, s, strlen(s));
}

/* Insert s[0..n) at the cursor, dropping bad bytes and controls. */
bool
lineedit_insert(struct lineedit *le, const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n;
	ucs4_t		 c;
	int		 k;
	bool		 any = false;

	while (p < end) {
		k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == 0xfffd && ((size_t)k != strlen("\xef\xbf\xbd") ||
		    memcmp(p, "\xef\xbf\xbd", (size_t)k)))
			goto skip;
		if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			goto skip;
		if (le->len + (size_t)k > LINEEDIT_MAX)
			break;
		memmove(le->buf + le->cur + k, le->buf + le->cur,
		    le->len - le->cur + 1);
		memcpy(le->buf + le->cur, p, (size_t)k);
		le->len += (size_t)k;
		le->cur += (size_t)k;
		any = true;
	skip:
		p += k;
	}
	return any;
}

/* Byte offset of the cluster boundary before / after the cursor. */
static size_t
lineedit_prev(const struct lineedit *le, size_t at)
{
	const uint8_t *b = (const uint8_t *)le->buf, *q;

	if (at == 0)
		return 0;
	q = u8_grapheme_prev(b + at, b);
	return q == NULL ? 0 : (size_t)(q - b);
}

static size_t
lineedit_next(const struct lineedit *le, size_t at)
{
	const uint8_t *b = (const uint8_t *)le->buf, *q;

	if (at >= le->len)
		return le->len;
	q = u8_grapheme_next(b + at, b + le->len);
	return q == NULL ? le->len : (size_t)(q - b);
}

/* Remove bytes [a, b). */
static void
lineedit_cut(struct lineedit *le, size_t a, size_t b)
{
	memmove(le->buf + a, le->buf + b, le->len - b + 1);
	le->len -= b - a;
	if (le->cur >= b)
		le->cur -= b - a;
	else if (le->cur > a)
		le->cur = a;
}

bool
lineedit_backspace(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	lineedit_cut(le, lineedit_prev(le, le->cur), le->cur);
	return true;
}

bool
lineedit_delete(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	lineedit_cut(le, le->cur, lineedit_next(le, le->cur));
	return true;
}

/* The kind of the character at byte i for ^W: 0 blank, 1 Han, 2 other
   letters and digits, 3 anything else. */
static int
lineedit_kind(const struct lineedit *le, size_t i)
{
	ucs4_t	 c;

	u8_mbtouc(&c, (const uint8_t *)le->buf + i, le->len - i);
	if (c == ' ' || c == 0x3000 || uc_is_space(c))
		return 0;
	if (uc_is_property_ideographic(c))
		return 1;
	if (uc_is_alnum(c) || c == '_' || uc_is_general_category(c,
	    UC_CATEGORY_M))
		return 2;
	return 3;
}

bool
lineedit_kill_word(struct lineedit *le)
{
	size_t	 a = le->cur, p;
	int	 k;

	if (a == 0)
		return false;
	while (a > 0 && lineedit_kind(le, (p = lineedit_prev(le, a))) == 0)
		a = p;
	if (a > 0) {
		k = lineedit_kind(le, lineedit_prev(le, a));
		while (a > 0 && lineedit_kind(le,
		    (p = lineedit_prev(le, a))) == k)
			a = p;
	}
	lineedit_cut(le, a, le->cur);
	return true;
}

void
lineedit_clear(struct lineedit *le)
{
	le->len = le->cur = 0;
	le->buf[0] = '\0';
}

bool
lineedit_left(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	le->cur = lineedit_prev(le, le->cur);
	return true;
}

bool
lineedit_right(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	le->cur = lineedit_next(le, le->cur);
	return true;
}

void
lineedit_home(struct lineedit *le)
{
	le->cur = 0;
}

void
lineedit_end(struct lineedit *le)
{
	le->cur = le->len;
}

/* Use hist as the history. */
void
lineedit_history(struct lineedit *le, const char *const *hist, size_t n)
{
	le->hist = hist;
	le->nhist = n;
	le->hpos = n;
	free(le->draft);
	le->draft = NULL;
}

/* Browse the history. */
bool
lineedit_recall(struct lineedit *le, int dir)
{
	if (dir < 0) {
		if (le->hpos == 0 || le->nhist == 0)
			return false;
		if (le->hpos == le->nhist) {
			free(le->draft);
			le->draft = xstrdup(le->buf);
		}
		le->hpos--;
		lineedit_set(le, le->hist[le->hpos]);
		return true;
	}
	if (le->hpos >= le->nhist)
		return false;
	le->hpos++;
	if (le->hpos == le->nhist)
		lineedit_set(le, le->draft != NULL ? le->draft : "");
	else
		lineedit_set(le, le->hist[le->hpos]);
	return true;
}
