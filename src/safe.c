/*
 * safe: printable copies of names that did not come through the text
 * module (file names, option values).  The text itself is sanitised by
 * text.c; anything else that reaches stdout or stderr goes through here.
 */
#include <string.h>
#include <unistr.h>

#include "safe.h"
#include "text.h"
#include "xmalloc.h"

/* Is c a character that may act on a terminal or reorder text? */
static int
safe_is_control(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || text_is_bidi(c) ||
	    c == 0x2028 || c == 0x2029;
}

/* Copy s with every unsafe or undecodable character made '?'. */
char *
safe_name(const char *s)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 n = strlen(s), o = 0;
	char		*r = xmalloc(n + 1);
	ucs4_t		 c;
	int		 l;

	while (n > 0) {
		l = u8_mbtouc(&c, p, n);
		if (c == 0xFFFD && !(l == 3 && p[0] == 0xEF && p[1] == 0xBF &&
		    p[2] == 0xBD))
			r[o++] = '?';		/* invalid sequence */
		else if (safe_is_control(c))
			r[o++] = '?';
		else {
			memcpy(r + o, p, (size_t)l);
			o += (size_t)l;
		}
		p += l;
		n -= (size_t)l;
	}
	r[o] = '\0';
	return r;
}
