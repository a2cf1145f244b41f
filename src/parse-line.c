/*
 * parse-line: splitting a page into lines and classifying one line at a
 * time (byline, dateline, number, caption marker ...).  Everything here
 * looks at a bounded number of bytes per line, except the newline search
 * (memchr) and the character count of lines shorter than PARSE_LONG
 * bytes, so a page is classified in linear time.
 */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "parse-int.h"
#include "xmalloc.h"

/* A word and its length in bytes. */
struct parse_word {
	const char	*s;
	size_t		 n;
};
#define W(s)	{ s, sizeof(s) - 1 }

/* Byline role words, longest first (a role is matched by longest prefix). */
static const struct parse_word parse_line_roles[] = {
	W("本报特约通讯员"), W("本报特约记者"), W("本报见习记者"), W("本报实习记者"),
	W("本报摄影记者"), W("人民日报记者"), W("特约通讯员"), W("本报通讯员"),
	W("本报实习生"), W("新华社记者"), W("中新社记者"), W("特约记者"), W("见习记者"),
	W("实习记者"), W("摄影记者"), W("本报记者"), W("通讯员"), W("实习生"), W("文/图"),
	W("图/文"), W("记者"), W("摄影"), W("摄"), { NULL, 0 }
};

/* Role words that credit photographs only (本报摄影记者 摄影记者 摄影 摄),
   by their index in parse_line_roles. */
static const unsigned char parse_line_photo[] = {
	[4] = 1, [14] = 1, [21] = 1, [22] = 1, [23] = 0
};

/* Words after 记者 that make a heading, not a name (记者手记). */
static const struct parse_word parse_line_not_names[] = {
	W("手记"), W("观察"), W("调查"), W("探访"), W("札记"), W("随笔"), W("述评"), W("来信"),
	W("节"), W("站"), W("证"), W("会"), { NULL, 0 }
};

/* Openers of an editor's note or a link box. */
static const struct parse_word parse_line_notes[] = {
	W("编者按"), W("【编者按】"), W("编者的话"), W("编后"), W("编辑按"), W("【链接】"),
	W("相关链接"), W("背景链接"), W("链接："), W("链接:"), { NULL, 0 }
};

/* Openers of a photo caption. */
static const struct parse_word parse_line_cap_starts[] = {
	W("图为"), W("▲"), W("△"), W("图："), W("图:"), W("上图"), W("下图"), W("左图"), W("右图"),
	W("图片："), { NULL, 0 }
};

/* Endings of a photo caption. */
static const struct parse_word parse_line_cap_ends[] = {
	W("摄）"), W("摄)"), W(" 摄"), W("供图"), W("供图）"), W("供图)"), W("新华社发"),
	W("资料图片）"), W("资料图片)"), W("视觉中国）"), W("（摄）"), { NULL, 0 }
};

/* Agencies and papers that open a dateline ending in 电 or 讯. */
static const struct parse_word parse_line_agencies[] = {
	W("本报"), W("新华社"), W("据新华社"), W("中新社"), W("中新网"), W("人民网"), W("央视网"),
	W("新华网"), W("光明网"), W("央广网"), W("据本报"), { NULL, 0 }
};

/* Length of the white space (ASCII, U+3000, NBSP) at s[0..n), or 0. */
static inline size_t
parse_line_space(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0 || (u[0] > ' ' && u[0] < 0xc2))
		return 0;
	if (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\f' ||
	    u[0] == '\v')
		return 1;
	if (n >= 3 && u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	return 0;
}

/* First byte at or after start that is not white space. */
size_t
parse_line_trim_start(const char *buf, size_t start, size_t end)
{
	size_t	 k;

	while (start < end && (k = parse_line_space(buf + start,
	    end - start)) > 0)
		start += k;
	return start;
}

/* Past the last byte before end that is not white space. */
size_t
parse_line_trim_end(const char *buf, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)buf;

	while (end > start) {
		unsigned char c = u[end - 1];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v')
			end--;
		else if (end - start >= 3 && u[end - 3] == 0xe3 &&
		    u[end - 2] == 0x80 && c == 0x80)
			end -= 3;
		else if (end - start >= 2 && u[end - 2] == 0xc2 && c == 0xa0)
			end -= 2;
		else
			break;
	}
	return end;
}

/* Decode the code point at s (n > 0 bytes of valid UTF-8), length in *len. */
static inline uint32_t
parse_line_decode(const unsigned char *s, size_t n, size_t *len)
{
	ucs4_t	 uc;
	int	 k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xe0 && s[0] < 0xf0 && n >= 3) {
		*len = 3;
		return ((uint32_t)(s[0] & 0x0f) << 12) |
		    ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
	}
	if (s[0] >= 0xc0 && s[0] < 0xe0 && n >= 2) {
		*len = 2;
		return ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
	}
	k = u8_mbtouc_unsafe(&uc, s, n);
	*len = k > 0 ? (size_t)k : 1;
	return uc;
}

/* The code point ending at byte end (start <= end), or 0. */
static uint32_t
parse_line_last(const char *buf, size_t start, size_t end)
{
	size_t	 p = end, len;

	if (end <= start)
		return 0;
	while (p > start && end - p < 4 &&
	    ((unsigned char)buf[p - 1] & 0xc0) == 0x80)
		p--;
	if (p > start)
		p--;
	return parse_line_decode((const unsigned char *)buf + p, end - p,
	    &len);
}

/* The code point at s (n bytes left) and its length in *len. */
static uint32_t
parse_line_get(const char *s, size_t n, size_t *len)
{
	if (n == 0) {
		*len = 0;
		return 0;
	}
	return parse_line_decode((const unsigned char *)s, n, len);
}

/* True when c ends a sentence (so a paragraph ending in it is closed). */
int
parse_line_is_endp(uint32_t c)
{
	switch (c) {
	case 0x3002: case 0xff01: case 0xff1f: case '!': case '?':
	case 0x2026: case 0x300d: case 0x201d: case 0x300f: case 0xff09:
	case ')': case 0xff0e: case '.': case 0xff1b: case ';': case 0xff1a:
	case ':': case '"': case 0x2019: case 0xff02:
		return 1;
	}
	return 0;
}

/* True for a Han ideograph. */
static int
parse_line_is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
}

/* True when the n bytes at s start with the NUL-terminated p. */
static int
parse_line_prefix(const char *s, size_t n, const char *p)
{
	size_t	 k;

	if (n == 0 || s[0] != p[0])
		return 0;
	k = strlen(p);
	return k <= n && memcmp(s, p, k) == 0;
}

/* True when the n bytes at s end with w. */
static int
parse_line_suffix(const char *s, size_t n, const struct parse_word *w)
{
	return w->n <= n && s[n - 1] == w->s[w->n - 1] &&
	    memcmp(s + n - w->n, w->s, w->n) == 0;
}

/* Index of the first word of list that s[0..n) starts with, or -1. */
static int
parse_line_match(const char *s, size_t n, const struct parse_word *list)
{
	int	 i;

	if (n == 0)
		return -1;
	for (i = 0; list[i].s != NULL; i++)
		if (list[i].s[0] == s[0] && list[i].n <= n &&
		    list[i].s[1] == s[1] && (list[i].n < 3 ||
		    list[i].s[2] == s[2]) &&
		    memcmp(s, list[i].s, list[i].n) == 0)
			return i;
	return -1;
}

/* Split span into lines (at \n) with their trimmed ranges; the count.
   *out is a caller's array of cap lines (cap > 0); when more lines come,
   they go to a malloc'ed array that replaces it in *out. */
size_t
parse_line_split(const char *buf, struct range span, struct parse_line **out,
    size_t cap)
{
	struct parse_line	*v = *out;
	size_t			 n = 0, p = span.start;

	for (;;) {
		const char	*nl;
		size_t		 e;

		nl = p < span.end ? memchr(buf + p, '\n', span.end - p) : NULL;
		e = nl != NULL ? (size_t)(nl - buf) : span.end;
		if (n == cap) {
			cap *= 2;
			if (v == *out) {
				v = xreallocarray(NULL, cap, sizeof *v);
				memcpy(v, *out, n * sizeof *v);
			} else
				v = xreallocarray(v, cap, sizeof *v);
		}
		memset(&v[n], 0, sizeof v[n]);
		v[n].start = parse_line_trim_start(buf, p, e);
		v[n].end = parse_line_trim_end(buf, v[n].start, e);
		if (v[n].start > p + 1 || (v[n].start > p &&
		    (unsigned char)buf[p] == 0xe3))
			v[n].flags |= LF_INDENT;
		n++;
		if (nl == NULL)
			break;
		p = e + 1;
	}
	*out = v;
	return n;
}

/* True when [s, e) holds only a page or list number ("3", "第3版", "1."). */
static int
parse_line_number(const char *buf, size_t s, size_t e)
{
	size_t	 digits = 0, other = 0, len;
	uint32_t c;

	if (e - s > 24)
		return 0;
	while (s < e) {
		c = parse_line_get(buf + s, e - s, &len);
		s += len;
		if ((c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19))
			digits++;
		else if (c == ' ' || c == '-' || c == 0x2014 || c == '.' ||
		    c == 0x3001 || c == '(' || c == ')' || c == 0xff08 ||
		    c == 0xff09 || c == 0x7b2c || c == 0x7248 || c == 0xff0e)
			other++;	/* 第 版 */
		else if (c >= 'A' && c <= 'Z' && digits == 0 && other == 0)
			other++;
		else
			return 0;
	}
	return digits >= 1 && digits <= 4 && other <= 4;
}

/* Code points in the n UTF-8 bytes at s: bytes that are not 10xxxxxx. */
static size_t
parse_line_count(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ull;
	size_t	 i = 0, cont = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* continuation: bit 7 set and bit 6 clear; then add the
		   0/1 bytes up with one multiplication */
		w = (w & ~(w << 1) & hi) >> 7;
		cont += (size_t)((w * 0x0101010101010101ull) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

/* The first characters of the role words, each with the indices in
   parse_line_roles of the roles starting with it, longest first, -1
   terminated: only these can match (same order as the whole list, so
   the same longest match). */
static const struct {
	uint32_t	 c;		/* first character */
	signed char	 roles[9];	/* indices, -1 terminated */
} parse_line_role_heads[] = {
	{ 0x672c, { 0, 1, 2, 3, 4, 7, 8, 15, -1 } },	/* 本 */
	{ 0x4eba, { 5, -1 } },				/* 人 */
	{ 0x7279, { 6, 11, -1 } },			/* 特 */
	{ 0x65b0, { 9, -1 } },				/* 新 */
	{ 0x4e2d, { 10, -1 } },				/* 中 */
	{ 0x89c1, { 12, -1 } },				/* 见 */
	{ 0x5b9e, { 13, 17, -1 } },			/* 实 */
	{ 0x6444, { 14, 21, 22, -1 } },			/* 摄 */
	{ 0x901a, { 16, -1 } },				/* 通 */
	{ 0x6587, { 18, -1 } },				/* 文 */
	{ 0x56fe, { 19, -1 } },				/* 图 */
	{ 0x8bb0, { 20, -1 } },				/* 记 */
};

/* The indices of the role words whose first character is c (see
   parse_line_role_heads), or NULL when no role word starts with c. */
static inline const signed char *
parse_line_role_first(uint32_t c)
{
	size_t	 i;

	for (i = 0; i < sizeof parse_line_role_heads /
	    sizeof parse_line_role_heads[0]; i++)
		if (parse_line_role_heads[i].c == c)
			return parse_line_role_heads[i].roles;
	return NULL;
}

/*
 * False when the trimmed line s[0..n), last character last, cannot be a
 * byline (parse_line_byline would return 0), from its ends alone.  A
 * byline starts with a role word (1), or with a name, a Han character,
 * and then is either short (names only, 2: at most 48 bytes) or ends
 * with a photo role (摄 摄影 ...记者, 3) and perhaps a colon and
 * separators.  A line that starts with a separator is left to
 * parse_line_byline.
 */
static int
parse_line_may_byline(const char *s, size_t n, uint32_t last)
{
	uint32_t c;
	size_t	 len;

	if (s[0] == ',' || s[0] == ';' || (unsigned char)s[0] == 0xe3 ||
	    (unsigned char)s[0] == 0xef)
		return 1;
	c = parse_line_decode((const unsigned char *)s, n, &len);
	if (parse_line_role_first(c) != NULL)
		return 1;
	if (!parse_line_is_han(c))
		return 0;
	if (n <= 16 * 3)
		return 1;
	switch (last) {
	case 0x6444: case 0x5f71: case 0x8005:		/* 摄 影 者 */
	case ':': case 0xff1a: case 0x3001: case ',': case ';':
	case 0xff0c: case 0xff1b:			/* ： 、 ， ； */
		return 1;
	}
	return 0;
}

/* Set the flags, character count and last character of one line. */
void
parse_line_classify(const char *buf, struct parse_line *l)
{
	const char	*s = buf + l->start;
	size_t		 n = l->end - l->start, i;
	struct parse_bl	 bl;
	int		 k;

	if (n == 0) {
		l->flags |= LF_BLANK;
		return;
	}
	if (n < PARSE_LONG) {
		l->nchars = parse_line_count(s, n);
	} else
		l->nchars = PARSE_LONG;
	l->last = parse_line_last(buf, l->start, l->end);
	if (parse_line_is_endp(l->last))
		l->flags |= LF_ENDP;
	if (n >= 3 && s[0] == '#' && s[1] == '#') {
		for (i = 2; i < n && i < 6 && s[i] == '#'; i++)
			;
		if (i < n && s[i] == ' ') {
			l->flags |= LF_MDHEAD;
			l->skip = parse_line_trim_start(buf, l->start + i,
			    l->end) - l->start;
			return;
		}
	}
	if (parse_line_number(buf, l->start, l->end)) {
		l->flags |= LF_NUMBER;
		return;
	}
	if (l->nchars <= 50 && !(l->flags & LF_ENDP) &&
	    parse_line_may_byline(s, n, l->last) &&
	    (k = parse_line_byline(buf, l->start, l->end,
	    &bl)) != 0) {
		l->flags |= k == 2 ? LF_NAMES : LF_BYLINE;
		if (bl.photo)
			l->flags |= LF_PHOTO;
		return;
	}
	if (parse_line_prefix(s, n, "——") || parse_line_prefix(s, n, "--") ||
	    parse_line_prefix(s, n, "─"))
		l->flags |= LF_SUBTITLE;
	/* the word lists are only tried on lines whose first (or last)
	   character opens (or ends) one of their words */
	switch (parse_line_get(s, n, &i)) {
	case 0x7f16: case 0x3010: case 0x76f8: case 0x80cc: case 0x94fe:
		if (parse_line_match(s, n, parse_line_notes) >= 0)
			l->flags |= LF_NOTE;	/* 编 【 相 背 链 */
		break;
	case 0x56fe: case 0x25b2: case 0x25b3: case 0x4e0a: case 0x4e0b:
	case 0x5de6: case 0x53f3:
		if (parse_line_match(s, n, parse_line_cap_starts) >= 0)
			l->flags |= LF_CAPSTART;	/* 图 ▲ △ 上 下 左 右 */
		break;
	case 0x672c: case 0x65b0: case 0x636e: case 0x4e2d: case 0x4eba:
	case 0x592e: case 0x5149:
		if (parse_line_dateline(buf, l->start, l->end, NULL) > 0)
			l->flags |= LF_DATELINE;	/* 本 新 据 中 人 央 光 */
		break;
	}
	switch (l->last) {
	case 0xff09: case ')': case 0x6444: case 0x56fe: case 0x53d1:
		for (i = 0; parse_line_cap_ends[i].s != NULL; i++)
			if (parse_line_suffix(s, n, &parse_line_cap_ends[i]))
				l->flags |= LF_CAPEND;	/* ） ) 摄 图 发 */
		break;
	}
}

/* Length of the role word at s[0..n) (longest match), its index in *idx. */
static size_t
parse_line_role(const char *s, size_t n, int *idx)
{
	const signed char *v;
	size_t	 len, k;
	int	 i;

	if (n < 3 || (v = parse_line_role_first(parse_line_decode(
	    (const unsigned char *)s, n, &len))) == NULL)
		return 0;
	/* the first character (three bytes) is the role's */
	for (; (i = *v) >= 0; v++) {
		k = parse_line_roles[i].n;
		if (k <= n && memcmp(s + 3, parse_line_roles[i].s + 3,
		    k - 3) == 0) {
			*idx = i;
			return k;
		}
	}
	return 0;
}

/* Code points of a name at [s, e) if it is one (Han, with ·), else 0. */
static size_t
parse_line_name(const char *buf, size_t s, size_t e)
{
	size_t	 n = 0, len;
	uint32_t c;

	while (s < e) {
		c = parse_line_get(buf + s, e - s, &len);
		s += len;
		if (parse_line_is_han(c))
			n++;
		else if (n > 0 && (c == 0xb7 || c == 0x30fb || c == 0x2027 ||
		    c == 0x2022 || c == 0xff0e))
			n++;
		else
			return 0;
		if (n > 10)
			return 0;
	}
	return n;
}

/* Length of a name separator (、 , ， ; ；) at s, or 0. */
static inline size_t
parse_line_sep(const char *s, size_t n)
{
	if (n == 0 || ((unsigned char)s[0] != ',' && s[0] != ';' &&
	    (unsigned char)s[0] != 0xe3 && (unsigned char)s[0] != 0xef))
		return 0;
	if (n >= 1 && (s[0] == ',' || s[0] == ';'))
		return 1;
	if (parse_line_prefix(s, n, "、") || parse_line_prefix(s, n, "，") ||
	    parse_line_prefix(s, n, "；"))
		return 3;
	return 0;
}

/* Bytes that may start white space or a name separator (see
   parse_line_space and parse_line_sep). */
static const unsigned char parse_line_stop[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, ['\n'] = 1,
	[','] = 1, [';'] = 1, [0xc2] = 1, [0xe3] = 1, [0xef] = 1,
};

/* True when a name may follow role idx without a space (记者王春苗). */
static int
parse_line_gluable(int idx)
{
	const char *r = parse_line_roles[idx].s;

	return strcmp(r, "摄") != 0 && strcmp(r, "摄影") != 0 &&
	    strchr(r, '/') == NULL;
}

/* Add an item to a byline under construction; 0 when full. */
static int
parse_line_bl_add(struct parse_bl *bl, size_t s, size_t e, int role)
{
	if (bl->n == PARSE_BL_MAX)
		return 0;
	bl->item[bl->n].r.start = s;
	bl->item[bl->n].r.end = e;
	bl->item[bl->n].role = role;
	bl->n++;
	return 1;
}

/*
 * Take a byline line apart: role words and names, split at white space
 * and 、, single Han characters padded to a 2-character name (倪  弋)
 * joined again.  Returns 1 for a line starting with a role, 3 for names
 * followed by a role (张三 摄), 2 for names only, 0 for no byline.
 */
int
parse_line_byline(const char *buf, size_t start, size_t end,
    struct parse_bl *bl)
{
	size_t	 p = start, ts, te, k, i, j, w[PARSE_BL_MAX];
	int	 idx, sep = 0, nroles = 0, photo = 1;
	int	 sepb[PARSE_BL_MAX];

	bl->n = 0;
	bl->photo = 0;
	if (end - start > 200)
		return 0;
	while (p < end) {
		if ((k = parse_line_space(buf + p, end - p)) > 0) {
			p += k;
			continue;
		}
		if ((k = parse_line_sep(buf + p, end - p)) > 0) {
			p += k;
			sep = 1;
			continue;
		}
		ts = p;
		/* to the next space or separator, a character at a time: only
		   bytes parse_line_stop marks can start one, and no
		   continuation byte can (buf is valid UTF-8) */
		while (p < end) {
			unsigned char c = (unsigned char)buf[p];

			if (parse_line_stop[c] && (parse_line_space(buf + p,
			    end - p) || parse_line_sep(buf + p, end - p)))
				break;
			k = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
			p = k < end - p ? p + k : end;
		}
		te = p;
		if ((k = parse_line_role(buf + ts, te - ts, &idx)) > 0) {
			if (!parse_line_bl_add(bl, ts, ts + k, 1))
				return 0;
			sepb[bl->n - 1] = 1;
			w[bl->n - 1] = 0;
			nroles++;
			if (!parse_line_photo[idx])
				photo = 0;
			ts += k;
			if (ts < te && (buf[ts] == ':'))
				ts++;
			else if (parse_line_prefix(buf + ts, te - ts, "："))
				ts += 3;
			if (ts == te)
				continue;
			/* a name glued to its role: 记者王春苗 */
			k = parse_line_name(buf, ts, te);
			if (k < 2 || k > 4 || !parse_line_gluable(idx) ||
			    parse_line_match(buf + ts, te - ts,
			    parse_line_not_names) >= 0)
				return 0;
		} else if ((k = parse_line_name(buf, ts, te)) == 0)
			return 0;
		if (!parse_line_bl_add(bl, ts, te, 0))
			return 0;
		w[bl->n - 1] = k;	/* parse_line_name(buf, ts, te) */
		sepb[bl->n - 1] = sep;
		sep = 0;
	}
	if (bl->n == 0)
		return 0;
	/* join padded single characters pairwise: 倪  弋 */
	for (i = 0, j = 0; i < bl->n; i++) {
		if (!bl->item[i].role && w[i] == 1 && i + 1 < bl->n &&
		    !bl->item[i + 1].role && w[i + 1] == 1 && !sepb[i + 1]) {
			bl->item[j] = bl->item[i];
			bl->item[j].r.end = bl->item[i + 1].r.end;
			j++;
			i++;
			continue;
		}
		bl->item[j++] = bl->item[i];
	}
	bl->n = j;
	if (nroles == 0) {
		/* names only: a continuation line of at most 4 names */
		if (bl->n > 4 || end - start > 16 * 3)
			return 0;
		for (i = 0; i < bl->n; i++)
			if (bl->item[i].r.end - bl->item[i].r.start < 4)
				return 0;	/* one lone character */
		return 2;
	}
	bl->photo = photo;
	if (bl->item[0].role)
		return 1;
	/* names then role: only "张三 摄" and the like */
	if (bl->item[bl->n - 1].role && nroles == 1 && photo)
		return 3;
	return 0;
}

/*
 * Length in bytes of a dateline opening [start, end): 本报讯, 本报讯（记者
 * 张三）, 新华社北京3月5日电, 本报杭州3月5日讯 (记者 张三) ...; 0 when
 * none.  When paren is not NULL it receives the inside of the bracket
 * that follows, or an empty range.
 */
size_t
parse_line_dateline(const char *buf, size_t start, size_t end,
    struct range *paren)
{
	const char	*s = buf + start;
	size_t		 n = end - start, p = 0, len, q, cnt;
	uint32_t	 c = 0, prev = 0;
	int		 i;

	if (paren != NULL)
		paren->start = paren->end = start;
	if (parse_line_prefix(s, n, "本报讯"))
		p = strlen("本报讯");
	else if ((i = parse_line_match(s, n, parse_line_agencies)) >= 0) {
		p = parse_line_agencies[i].n;
		for (cnt = 0; p < n && cnt < 24; cnt++) {
			c = parse_line_get(s + p, n - p, &len);
			p += len;
			if ((c == 0x7535 || c == 0x8baf) && (prev == 0x65e5 ||
			    (prev >= '0' && prev <= '9') ||
			    parse_line_is_han(prev)))
				break;	/* 电 讯 */
			if (!parse_line_is_han(c) && !(c >= '0' && c <= '9') &&
			    c != ' ')
				return 0;
			prev = c;
		}
		if (cnt == 24 || p > n || !(prev != 0 && (c == 0x7535 ||
		    c == 0x8baf)))
			return 0;
		/* 本报讯 is handled above; the agency must be followed by a
		   place or a date, not be the whole thing */
		if (p == parse_line_agencies[i].n + 3)
			return 0;
	} else
		return 0;
	q = p;
	while (q < n && (len = parse_line_space(s + q, n - q)) > 0)
		q += len;
	if (q < n && (s[q] == '(' || parse_line_prefix(s + q, n - q, "（"))) {
		size_t	 open = q + (s[q] == '(' ? 1 : 3);

		for (q = open, cnt = 0; q < n && cnt < 60; cnt++) {
			if (s[q] == ')' || parse_line_prefix(s + q, n - q,
			    "）")) {
				if (paren != NULL) {
					paren->start = start + open;
					paren->end = start + q;
				}
				return q + (s[q] == ')' ? 1 : 3);
			}
			c = parse_line_get(s + q, n - q, &len);
			if (c == 0x3002)
				break;
			q += len;
		}
	}
	return p;
}
