/*
 * parse-line: splitting a page into lines, and the lexers that find one
 * line's features (LF_*): a byline, a dateline, a column tag, a caption
 * mark, web debris, a page label ...  Features are facts about one line;
 * what the line *is* is decided later, by the rule tables of
 * parse-rules.c, from its features and its neighbours.
 *
 * Everything here looks at a bounded number of bytes per line, except
 * the newline search (memchr) and the character count of lines shorter
 * than PT_LONG bytes, so a page is lexed in linear time.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unistr.h>

#include "parse-int.h"
#include "xmalloc.h"

static int	 pl_sentence(const char *, size_t, size_t);

/*
 * The first characters of the lines that the lexers below gated by
 * PW_MARK read (parse_words_first_lists has PW_MARK for them): a number
 * or a page label's 第 版 (pl_number), a subtitle's —— -- ─, a dateline
 * or wire end or closed line's bracket 【 〔 （ (, a date (pl_boiler), a
 * table's | or -, a contents entry's digit (pl_tocitem), a page label's
 * 第 专 專 《 (pl_meta).  Ranges, lo and hi.
 */
const uint32_t parse_line_marks_first[] = {
	' ', ' ', '(', ')', '-', '.', '0', '9', 'A', 'Z', '|', '|',
	0x2014, 0x2014, 0x2500, 0x2500,			/* — ─ */
	0x3001, 0x3001, 0x300a, 0x300a,			/* 、 《 */
	0x3010, 0x3010, 0x3014, 0x3014,			/* 【 〔 */
	0x4e13, 0x4e13, 0x5c08, 0x5c08,			/* 专 專 */
	0x7248, 0x7248, 0x7b2c, 0x7b2c,			/* 版 第 */
	0xff08, 0xff09, 0xff0e, 0xff0e, 0xff10, 0xff19,	/* （ ） ． ０-９ */
	0, 0
};

/* The last characters of the lines that the lexers gated by PW_MARK
   read: a bracket that closes a tag or a closed line ） ) 】, a page
   label's 版, a copyright line's 有 載 载 (pl_boiler). */
const uint32_t parse_line_marks_last[] = {
	')', ')', 0x3011, 0x3011, 0x6709, 0x6709,	/* 】 有 */
	0x7248, 0x7248, 0x8f09, 0x8f09, 0x8f7d, 0x8f7d,	/* 版 載 载 */
	0xff09, 0xff09,					/* ） */
	0, 0
};

/* The first place of the k bytes w (k > 1) in s[0..n), or NULL: memchr
   for the first byte, which for short lines costs less than memmem's
   set-up. */
static inline const char *
pl_find(const char *s, size_t n, const char *w, size_t k)
{
	const char *p = s, *e = s + n;

	while (e - p >= (ptrdiff_t)k &&
	    (p = memchr(p, w[0], (size_t)(e - p) - k + 1)) != NULL) {
		if (memcmp(p + 1, w + 1, k - 1) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Length of the white space (ASCII, U+3000, NBSP) at s[0..n), or 0. */
static inline size_t
pl_space(const char *s, size_t n)
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

	while (start < end && (k = pl_space(buf + start, end - start)) > 0)
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

/* A function the compiler keeps out of line (GCC, Clang): a rare path,
   so that the common one it leaves can be inlined where it is called
   (PL_COLD); one whose frame is large, so that its caller's stays small
   (PL_NOINLINE). */
#if defined(__GNUC__)
#define PL_COLD		__attribute__((noinline, cold))
#define PL_NOINLINE	__attribute__((noinline))
#else
#define PL_COLD
#define PL_NOINLINE
#endif

/* pl_decode's rare case: a four-byte character, or a line cut short. */
PL_COLD static uint32_t
pl_decode_any(const unsigned char *s, size_t n, size_t *len)
{
	ucs4_t	 uc;
	int	 k;

	k = u8_mbtouc_unsafe(&uc, s, n);
	*len = k > 0 ? (size_t)k : 1;
	return uc;
}

/* Decode the code point at s (n > 0 bytes of valid UTF-8), length in *len. */
static inline uint32_t
pl_decode(const unsigned char *s, size_t n, size_t *len)
{
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
	return pl_decode_any(s, n, len);
}

/* The code point at s (n bytes left) and its length in *len. */
static uint32_t
pl_get(const char *s, size_t n, size_t *len)
{
	if (n == 0) {
		*len = 0;
		return 0;
	}
	return pl_decode((const unsigned char *)s, n, len);
}

/* The code point at byte s of [s, e), or 0. */
uint32_t
parse_line_first(const char *buf, size_t s, size_t e)
{
	size_t	 len;

	return pl_get(buf + s, e > s ? e - s : 0, &len);
}

/* Start of the code point ending at byte end (start <= end). */
static size_t
pl_back(const char *buf, size_t start, size_t end)
{
	size_t	 p = end;

	while (p > start && end - p < 4 &&
	    ((unsigned char)buf[p - 1] & 0xc0) == 0x80)
		p--;
	if (p > start)
		p--;
	return p;
}

/* The code point ending at byte end (start <= end), or 0: pl_last's
   general case, out of line so that pl_last is inlined. */
PL_COLD static uint32_t
pl_last_any(const char *buf, size_t start, size_t end)
{
	size_t	 p, len;

	if (end <= start)
		return 0;
	p = pl_back(buf, start, end);
	return pl_decode((const unsigned char *)buf + p, end - p, &len);
}

/* The code point ending at byte end (start <= end), or 0.  An ASCII
   byte, or a three-byte character (a lead byte, two continuation bytes:
   where pl_back stops), is decoded here as pl_last_any would, without a
   call. */
static inline uint32_t
pl_last(const char *buf, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (end > start && u[end - 1] < 0x80)
		return u[end - 1];
	if (end >= start + 3 && (u[end - 3] & 0xf0) == 0xe0 &&
	    (u[end - 2] & 0xc0) == 0x80 && (u[end - 1] & 0xc0) == 0x80)
		return ((uint32_t)(u[end - 3] & 0x0f) << 12) |
		    ((uint32_t)(u[end - 2] & 0x3f) << 6) | (u[end - 1] & 0x3f);
	return pl_last_any(buf, start, end);
}

/* True when c ends a sentence (so a paragraph ending in it is closed). */
static inline int
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
static inline int
parse_line_is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
}

/* True for a digit, ASCII or full-width. */
static int
pl_is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

/* True for a Chinese numeral (一 … 十, 百, 〇, 零). */
static int
pl_is_cnum(uint32_t c)
{
	switch (c) {
	case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94:
	case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
	case 0x767e: case 0x3007: case 0x96f6:
		return 1;
	}
	return 0;
}

/* True when the n bytes at s start with the NUL-terminated p. */
static int
pl_prefix(const char *s, size_t n, const char *p)
{
	size_t	 k;

	if (n == 0 || s[0] != p[0])
		return 0;
	k = strlen(p);
	return k <= n && memcmp(s, p, k) == 0;
}

/* Per byte: PL_SPLIT_TRIM for a first byte of a line that may start
   white space (pl_space: ASCII space or control, the first byte of
   U+3000 or of NBSP), PL_SPLIT_MD for the first byte of a Markdown mark
   that parse_md_looks looks for (# > ! *: LF_MDMARK).  One load and one
   test for most lines, whose first bytes are neither.  (A line's end is
   trimmed by parse_trim_end.) */
#define PL_SPLIT_TRIM	1
#define PL_SPLIT_MD	2
#define PL_T16(a)	a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a
static const unsigned char pl_split_byte[256] = {
	PL_T16(PL_SPLIT_TRIM), PL_T16(PL_SPLIT_TRIM),
	PL_SPLIT_TRIM, PL_SPLIT_MD, 0, PL_SPLIT_MD, 0, 0, 0, 0,	/* ' ' ! # */
	0, 0, PL_SPLIT_MD, 0, 0, 0, 0, 0,			/* * */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, PL_SPLIT_MD, 0, /* > */
	PL_T16(0), PL_T16(0), PL_T16(0), PL_T16(0),
	PL_T16(0), PL_T16(0), PL_T16(0), PL_T16(0),
	0, 0, PL_SPLIT_TRIM, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* c2 */
	PL_T16(0),
	0, 0, 0, PL_SPLIT_TRIM, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* e3 */
	PL_T16(0),
};
#undef PL_T16

/* Split span into lines (at \n) with their trimmed ranges, LF_INDENT and
   LF_MDMARK; the count.
   *out is a caller's array of cap lines (cap > 0); when more lines come,
   they go to a malloc'ed array that replaces it in *out. */
size_t
parse_line_split(const char *buf, struct range span, struct parse_line **out,
    size_t cap)
{
	struct parse_line	*v = *out, *l;
	const char		*p = buf + span.start, *end = buf + span.end;
	const char		*nl, *e;
	size_t			 n = 0, s;
	unsigned		 t;

	for (;; p = nl + 1) {
		if (n == cap) {
			cap *= 2;
			if (v == *out) {
				v = xreallocarray(NULL, cap, sizeof *v);
				memcpy(v, *out, n * sizeof *v);
			} else
				v = xreallocarray(v, cap, sizeof *v);
		}
		/* every field zero but the range, set in one go */
		l = &v[n++];
		*l = (struct parse_line){ .start = (size_t)(p - buf),
		    .end = (size_t)(p - buf) };
		if (p >= end)
			break;	/* the span ends with an empty line */
		/* an empty line (one in two of a page): no call, nothing to
		   trim */
		if (*p == '\n') {
			nl = p;
			continue;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		e = nl != NULL ? nl : end;
		/* no call when the first byte starts no white space
		   (pl_split_byte), nor when the last ends none
		   (parse_trim_end); only a line trimmed at its start can be
		   indented */
		if ((t = pl_split_byte[(unsigned char)*p]) != 0) {
			s = (size_t)(p - buf);
			if (t & PL_SPLIT_TRIM) {
				l->start = parse_line_trim_start(buf, s,
				    (size_t)(e - buf));
				if (l->start > s + 1 || (l->start > s &&
				    (unsigned char)*p == 0xe3))
					l->flags = LF_INDENT;
				t = l->start < (size_t)(e - buf) ?
				    pl_split_byte[(unsigned char)
				    buf[l->start]] : 0;
			}
			if (t & PL_SPLIT_MD)
				l->flags |= LF_MDMARK;
		}
		l->end = parse_trim_end(buf, l->start, (size_t)(e - buf));
		if (nl == NULL)
			break;
	}
	*out = v;
	return n;
}

/* True when [s, e) holds only a page or list number ("3", "第3版", "1."). */
static int
pl_number(const char *buf, size_t s, size_t e)
{
	size_t	 digits = 0, other = 0, len;
	uint32_t c;

	if (e - s > PT_NUMBER)
		return 0;
	while (s < e) {
		c = pl_get(buf + s, e - s, &len);
		s += len;
		if (pl_is_digit(c))
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

/* Continuation bytes (10xxxxxx) among the eight bytes w, those of the
   top (last) k of them only. */
static inline size_t
pl_cont8(uint64_t w, unsigned k)
{
	const uint64_t hi = 0x8080808080808080ull;

	/* bit 7 set and bit 6 clear; the 0/1 bytes added up with one
	   multiplication */
	w = (w & ~(w << 1) & hi) >> 7;
	if (k < 8)
		w &= ~(uint64_t)0 << (8 * (8 - k));
	return (size_t)((w * 0x0101010101010101ull) >> 56);
}

#ifdef __SSE2__
/* Sixteen zero bytes, then sixteen 0xff: from offset k, a mask of the
   last k bytes of sixteen. */
static const unsigned char pl_tailmask[32] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255,
};
#endif

/* Code points in the n UTF-8 bytes at s: bytes that are not 10xxxxxx.
   The bytes that do not fill a block of sixteen (or eight) are counted
   by loading the last block of the line again, its bytes counted
   already masked off: no byte loop. */
size_t
parse_line_count(const char *s, size_t n)
{
	size_t	 i = 0, cont = 0;
	uint64_t w;

#ifdef __SSE2__
	/* sixteen bytes at a time, four blocks a step: a continuation byte
	   is below -64 as a signed byte; the compare's -1s are subtracted
	   into byte counters, added up (psadbw) before any can pass 255
	   (4 * 62 + 3 + 1 at most) */
	if (n >= 16) {
		const __m128i c0 = _mm_set1_epi8(-64), z = _mm_setzero_si128();
		const __m128i *v;
		__m128i	 acc;
		size_t	 k;

		while (i < n) {
			acc = z;
			for (k = 0; k < 62 && i + 64 <= n; k++, i += 64) {
				v = (const __m128i *)(const void *)(s + i);
				acc = _mm_sub_epi8(_mm_sub_epi8(acc,
				    _mm_cmplt_epi8(_mm_loadu_si128(v), c0)),
				    _mm_cmplt_epi8(_mm_loadu_si128(v + 1),
				    c0));
				acc = _mm_sub_epi8(_mm_sub_epi8(acc,
				    _mm_cmplt_epi8(_mm_loadu_si128(v + 2), c0)),
				    _mm_cmplt_epi8(_mm_loadu_si128(v + 3),
				    c0));
			}
			/* fewer than 64 bytes left: their whole blocks */
			for (; k < 62 && i + 16 <= n; i += 16)
				acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(
				    _mm_loadu_si128((const __m128i *)
				    (const void *)(s + i)), c0));
			if (k < 62 && i < n) {
				/* the last n - i bytes, in the last block */
				acc = _mm_sub_epi8(acc, _mm_and_si128(
				    _mm_cmplt_epi8(_mm_loadu_si128(
				    (const __m128i *)(const void *)
				    (s + n - 16)), c0), _mm_loadu_si128(
				    (const __m128i *)(const void *)
				    (pl_tailmask + (n - i)))));
				i = n;
			}
			acc = _mm_sad_epu8(acc, z);
			cont += (size_t)_mm_cvtsi128_si32(acc) +
			    (size_t)_mm_extract_epi16(acc, 4);
		}
		return n - cont;
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		cont += pl_cont8(w, 8);
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (i < n && n >= 8) {
		/* the last n - i bytes, in the last eight (little-endian:
		   the last bytes are the top ones) */
		memcpy(&w, s + n - 8, 8);
		cont += pl_cont8(w, (unsigned)(n - i));
		i = n;
	}
#endif
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

/* Length of a posted role (本报驻埃及记者, 本报赴柬埔寨特派记者) at
   s[0..n), or 0: 本报 and 驻 or 赴, up to eight characters, 记者. */
static size_t
pl_posted_role(const char *s, size_t n)
{
	size_t	 p, len, cnt;
	uint32_t c;

	/* most tokens are names, and role words other than 本报…: one
	   compare of three bytes for them; then 报 or 報, and 驻 赴 or 駐
	   (本报驻 本报赴 本報駐 本報赴) */
	if (n < 9 || memcmp(s, "本", 3) != 0 ||
	    !((memcmp(s + 3, "报", 3) == 0 && (memcmp(s + 6, "驻", 3) == 0 ||
	    memcmp(s + 6, "赴", 3) == 0)) || (memcmp(s + 3, "報", 3) == 0 &&
	    (memcmp(s + 6, "駐", 3) == 0 || memcmp(s + 6, "赴", 3) == 0))))
		return 0;
	for (p = 9, cnt = 0; p < n && cnt < 10; cnt++) {
		if (pl_prefix(s + p, n - p, "记者") ||
		    pl_prefix(s + p, n - p, "記者"))
			return cnt >= 1 ? p + 6 : 0;
		c = pl_get(s + p, n - p, &len);
		if (!parse_line_is_han(c))
			return 0;
		p += len;
	}
	return 0;
}

/* Length of the role word at s[0..n) (longest match), its flags in
   *flags. */
static size_t
pl_role(const char *s, size_t n, unsigned *flags)
{
	size_t	 len, cl;
	uint32_t c;
	int	 i;

	if (n < 3)
		return 0;
	if ((len = pl_posted_role(s, n)) > 0) {
		*flags = 0;
		return len;
	}
	/* most tokens are names: their first character's lists
	   (parse_words_first_lists) tell that no role starts with it */
	c = pl_decode((const unsigned char *)s, n, &cl);
	if (!(parse_words_first_lists(c) & PW_BIT(PW_ROLES)) ||
	    (i = parse_words_prefix_c(PW_ROLES, s, n, c, cl, &len)) < 0)
		return 0;
	*flags = parse_words_get(PW_ROLES, i)->flags;
	return len;
}

/*
 * False when the trimmed line s[0..n), first character c, last character
 * last, lists of its first character fl (parse_words_first_lists), cannot
 * be a byline (parse_line_byline would return PB_NONE), from its ends
 * alone.
 * A byline starts with a role word, or with a name, a Han character, and
 * then is either short (names only: at most PT_NAMES_BYTES bytes) or
 * ends with a photo role (摄 摄影 ...记者) and perhaps a colon and
 * separators.  A line that starts with a separator is left to
 * parse_line_byline.
 */
static int
pl_may_byline(const char *s, size_t n, uint32_t c, uint32_t last,
    unsigned fl)
{
	if (s[0] == ',' || s[0] == ';' || (unsigned char)s[0] == 0xe3 ||
	    (unsigned char)s[0] == 0xef)
		return 1;
	/* fl, the lists of the first character (parse_words_first_lists):
	   without PW_ROLES no role starts with it, and no lookup */
	if ((fl & PW_BIT(PW_ROLES)) && parse_words_starts(PW_ROLES, c))
		return 1;
	if (!parse_line_is_han(c))
		return 0;
	switch (last) {
	case 0x6444: case 0x5f71: case 0x8005: case 0x651d: /* 摄 影 者 攝 */
	case ':': case 0xff1a: case 0x3001: case ',': case ';':
	case 0xff0c: case 0xff1b:			/* ： 、 ， ； */
		return 1;
	}
	/* names only: worth reading only under a byline (parse_line_names) */
	return n <= PT_NAMES_BYTES ? 2 : 0;
}

/* Names only, on line i lexed as a possible continuation of a byline
   (LF_MAYNAMES): read them now (and keep the reading, parse_memo_byline);
   true when they are names. */
int
parse_line_names(struct parse_ctx *ctx, size_t i)
{
	struct parse_line *l = &ctx->lines[i];

	if (!(l->flags & LF_MAYNAMES))
		return (l->flags & LF_NAMES) != 0;
	l->flags &= ~LF_MAYNAMES;
	if (parse_memo_byline(ctx, i)->blkind == PB_NAMES)
		l->flags |= LF_NAMES;
	return (l->flags & LF_NAMES) != 0;
}

/* True when line li is names alone (one to four, as parse_line_byline
   reads them) and every name is a surname (PW_SURNAMES) and one or two
   characters more: 张子晗, 刘  鑫, 张天培  王欣悦, 欧阳晓光 (not 王勇出席,
   a subtitle). */
int
parse_line_surnamed(const struct parse_ctx *ctx, size_t li)
{
	const char		*buf = ctx->buf;
	const struct parse_line	*l = &ctx->lines[li];
	const struct parse_memo	*m = parse_memo_of(ctx, li);
	const struct parse_bl_item *item;
	struct parse_bl		 bl;
	size_t			 i, p, e, len, k, n, nitem;
	uint32_t		 c;

	if (!(l->flags & (LF_MAYNAMES | LF_NAMES)))
		return 0;
	if (m != NULL && m->blread) {
		/* read already: by the lexer, or as names under a byline */
		if (m->blkind != PB_NAMES)
			return 0;
		item = m->item;
		nitem = m->n;
	} else {
		if (parse_line_byline(buf, l->start, l->end, &bl) != PB_NAMES)
			return 0;
		item = bl.item;
		nitem = bl.n;
	}
	for (i = 0; i < nitem; i++) {
		p = item[i].r.start;
		e = item[i].r.end;
		if (parse_words_prefix(PW_SURNAMES, buf + p, e - p, &len) < 0)
			return 0;
		for (n = 0, k = p + len; k < e; k += len) {
			c = pl_get(buf + k, e - k, &len);
			n += parse_line_is_han(c);
		}
		if (n < 1 || n > 2)
			return 0;
	}
	return 1;
}

/* True for a dot between the parts of a name: · ・ ‧ • ．. */
static inline int
pl_is_dot(uint32_t c)
{
	return c == 0xb7 || c == 0x30fb || c == 0x2027 || c == 0x2022 ||
	    c == 0xff0e;
}

/* Code points of a name at [s, e) if it is one (Han, with ·), else 0. */
static size_t
pl_name(const char *buf, size_t s, size_t e)
{
	size_t	 n = 0, len;
	uint32_t c;

	while (s < e) {
		/* lead bytes e5 to e9, three bytes: U+5000 to U+9FFF, Han
		   whatever the other two (as pl_decode reads them) */
		if ((unsigned char)buf[s] - 0xe5u <= 0xe9u - 0xe5u &&
		    e - s >= 3) {
			s += 3;
			n++;
		} else {
			c = pl_get(buf + s, e - s, &len);
			s += len;
			if (parse_line_is_han(c))
				n++;
			else if (n > 0 && pl_is_dot(c))
				n++;
			else
				return 0;
		}
		if (n > PT_NAME)
			return 0;
	}
	return n;
}

/* Length of a name separator (、 , ， ; ；) at s, or 0. */
static inline size_t
pl_sep(const char *s, size_t n)
{
	if (n == 0 || ((unsigned char)s[0] != ',' && s[0] != ';' &&
	    (unsigned char)s[0] != 0xe3 && (unsigned char)s[0] != 0xef))
		return 0;
	if (s[0] == ',' || s[0] == ';')
		return 1;
	if (pl_prefix(s, n, "、") || pl_prefix(s, n, "，") ||
	    pl_prefix(s, n, "；"))
		return 3;
	return 0;
}

/* Per byte, the length of the character it leads (1 for ASCII and, not
   looked at, a continuation byte; 2, 3, 4), and PL_STOP for a byte that
   may start white space or a name separator (see pl_space and
   pl_sep). */
#define PL_STOP		0x80u
#define PL_L16(a)	a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a
static const unsigned char pl_tok[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, PL_STOP | 1, PL_STOP | 1, PL_STOP | 1,
	PL_STOP | 1, PL_STOP | 1, 1, 1,				/* \t \n \v \f \r */
	PL_L16(1),
	PL_STOP | 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, PL_STOP | 1, 1, 1, 1,
								/* ' ' , */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, PL_STOP | 1, 1, 1, 1, 1,	/* ; */
	PL_L16(1), PL_L16(1), PL_L16(1), PL_L16(1),
	PL_L16(1), PL_L16(1), PL_L16(1), PL_L16(1),
	2, 2, PL_STOP | 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* c2 */
	PL_L16(2),
	3, 3, 3, PL_STOP | 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, PL_STOP | 3,
								/* e3 ef */
	PL_L16(4),
};
#undef PL_L16

/* The end of a byline's names when the line ends with a slash, a place
   and 報導 or the paper (聯合報: 記者劉懿萱、屈彥辰、廖士鋒/台北聯合報,
   特派記者賴錦宏/北京報導聯合報; 記者林河名／台北報導): the slash.  Else
   end.  At most PT_PLACE characters after the slash. */
static size_t
pl_byline_place(const char *buf, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t	 i, cut = end, k;
	uint32_t c;

	/* the line's end first: most bylines end with a name */
	c = pl_last(buf, start, end);
	if (c != 0x5831 && c != 0x62a5 && c != 0x5c0e && c != 0x5bfc &&
	    c != 0x9053)
		return end;
	for (i = start; i < end; i++)
		if (u[i] == '/' || (u[i] == 0xef && i + 2 < end &&
		    u[i + 1] == 0xbc && u[i + 2] == 0x8f))	/* ／ */
			cut = i;
	if (cut == end || cut == start)
		return end;
	k = cut + (buf[cut] == '/' ? 1 : 3);
	if (parse_line_count(buf + k, end - k) > PT_PLACE)
		return end;
	c = pl_last(buf, k, end);
	/* 報 报: 報導 报道 or the paper's name; 導 导 道 */
	return c == 0x5831 || c == 0x62a5 || c == 0x5c0e || c == 0x5bfc ||
	    (c == 0x9053 && end - k >= 6 && (pl_prefix(buf + end - 6, 6,
	    "報道") || pl_prefix(buf + end - 6, 6, "报道"))) ? cut : end;
}

/* Where a byline's role starts when the line opens with a paper's name
   in 《》 (《中国新闻周刊》记者/毛翊君): after it.  Else start. */
static size_t
pl_byline_paper(const char *buf, size_t start, size_t end)
{
	size_t	 i;

	if (!pl_prefix(buf + start, end - start, "《"))
		return start;
	for (i = start + 3; i < end && i - start <= 3 * PT_PLACE; i++)
		if (pl_prefix(buf + i, end - i, "》"))
			return i + 3 < end ? i + 3 : start;
	return start;
}

/* Add an item to a byline under construction; 0 when full. */
static int
pl_bl_add(struct parse_bl *bl, size_t s, size_t e, int role)
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
 * joined again.  PB_ROLE for a line starting with a role, PB_CREDIT for
 * names followed by a photo role (张三 摄), PB_NAMES for names only,
 * PB_NONE for no byline.
 */
enum parse_bl_kind
parse_line_byline(const char *buf, size_t start, size_t end,
    struct parse_bl *bl)
{
	size_t	 p = start, ts, te, k, i, j, w[PARSE_BL_MAX], nm, len;
	unsigned rf;
	uint32_t c;
	int	 sep = 0, nroles = 0, photo = 1, nmok;
	int	 sepb[PARSE_BL_MAX];
	size_t	 lone = PARSE_BL_MAX;

	bl->n = 0;
	bl->photo = 0;
	if (end - start > 200)
		return PB_NONE;
	end = pl_byline_place(buf, start, end);
	p = start = pl_byline_paper(buf, start, end);
	while (p < end) {
		/* only a byte pl_tok marks PL_STOP starts white space or a
		   separator */
		if (pl_tok[(unsigned char)buf[p]] & PL_STOP) {
			if ((k = pl_space(buf + p, end - p)) > 0) {
				p += k;
				continue;
			}
			if ((k = pl_sep(buf + p, end - p)) > 0) {
				p += k;
				sep = 1;
				continue;
			}
		}
		ts = p;
		/* to the next space or separator, a character at a time: only
		   bytes pl_tok marks PL_STOP can start one, and no
		   continuation byte can (buf is valid UTF-8).  On the way,
		   the token's characters as pl_name counts them: nm, and
		   nmok until one is neither Han nor a dot after one (a lead
		   byte e5 to e9, three bytes, is Han, as in pl_name) */
		nm = 0;
		nmok = 1;
		while (p < end) {
			unsigned char u = (unsigned char)buf[p];
			unsigned t;

			/* Han led by e5 to e9 (most of a name) first: no such
			   byte is a stop */
			if (u - 0xe5u <= 0xe9u - 0xe5u && end - p >= 3) {
				nm++;
				p += 3;
				continue;
			}
			t = pl_tok[u];
			if ((t & PL_STOP) && (pl_space(buf + p, end - p) ||
			    pl_sep(buf + p, end - p)))
				break;
			if (nmok) {
				c = pl_get(buf + p, end - p, &len);
				if (parse_line_is_han(c) || (nm > 0 &&
				    pl_is_dot(c)))
					nm++;
				else
					nmok = 0;
			}
			p += t & ~PL_STOP;
		}
		te = p = p < end ? p : end;	/* a character cut short */
		if ((k = pl_role(buf + ts, te - ts, &rf)) > 0) {
			if (!pl_bl_add(bl, ts, ts + k, 1))
				return PB_NONE;
			sepb[bl->n - 1] = 1;
			w[bl->n - 1] = 0;
			nroles++;
			if (!(rf & PWF_PHOTO))
				photo = 0;
			ts += k;
			if (ts < te && (buf[ts] == ':' || buf[ts] == '/'))
				ts++;	/* 记者/毛翊君 */
			else if (pl_prefix(buf + ts, te - ts, "：") ||
			    pl_prefix(buf + ts, te - ts, "／"))
				ts += 3;
			if (ts == te)
				continue;
			/* a name glued to its role: 记者王春苗 */
			k = pl_name(buf, ts, te);
			if (k < 2 || k > 4 || (rf & (PWF_NOGLUE | PWF_ALONE)) ||
			    parse_words_prefix(PW_NOT_NAMES, buf + ts, te - ts,
			    NULL) >= 0)
				return PB_NONE;
		} else if ((k = nmok && nm <= PT_NAME ? nm : 0) == 0)
			return PB_NONE;	/* not a name (pl_name) */
		if (!pl_bl_add(bl, ts, te, 0))
			return PB_NONE;
		w[bl->n - 1] = k;	/* pl_name(buf, ts, te) */
		if (k == 1 && lone == PARSE_BL_MAX)
			lone = bl->n - 1;
		sepb[bl->n - 1] = sep;
		sep = 0;
	}
	if (bl->n == 0)
		return PB_NONE;
	/* join padded single characters pairwise: 倪  弋; the items before
	   the first name of one character (lone; most bylines have none)
	   stay as they are */
	for (i = j = lone < bl->n ? lone : bl->n; i < bl->n; i++) {
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
		if (bl->n > 4 || end - start > PT_NAMES_BYTES)
			return PB_NONE;
		for (i = 0; i < bl->n; i++)
			if (bl->item[i].r.end - bl->item[i].r.start < 4)
				return PB_NONE;	/* one lone character */
		/* 尹以祜摄: names that credit a photograph */
		k = bl->item[bl->n - 1].r.end;
		if (k - bl->item[bl->n - 1].r.start >= 9 &&
		    (memcmp(buf + k - 3, "摄", 3) == 0 ||
		    memcmp(buf + k - 3, "攝", 3) == 0)) {
			bl->photo = 1;
			return PB_CREDIT;
		}
		return PB_NAMES;
	}
	/* 新华社记者 方喆摄: the last name carries the photo credit */
	k = bl->item[bl->n - 1].r.end;
	if (!bl->item[bl->n - 1].role && k - bl->item[bl->n - 1].r.start >= 6 &&
	    (memcmp(buf + k - 3, "摄", 3) == 0 ||
	    memcmp(buf + k - 3, "攝", 3) == 0))
		photo = 1;
	bl->photo = photo;
	if (bl->item[0].role)
		return PB_ROLE;
	/* names then role: only "张三 摄" and the like */
	if (bl->item[bl->n - 1].role && nroles == 1 && photo)
		return PB_CREDIT;
	return PB_NONE;
}

/* True for 电 讯 電 訊: what ends a dateline. */
static int
pl_is_dianxun(uint32_t c)
{
	return c == 0x7535 || c == 0x8baf || c == 0x96fb || c == 0x8a0a;
}

/* Length of a bracketed dateline at s[0..n): 【本报讯】, 【明報專訊】,
   【星島日報報道】, （中央社記者郭建伸台北10日電）; 0 when none. */
static size_t
pl_bracket_dateline(const char *s, size_t n)
{
	size_t	 p, len, cnt, open;
	uint32_t c, close;
	int	 cna = 0;

	if (pl_prefix(s, n, "【")) {
		close = 0x3011;		/* 】 */
		open = 3;
	} else if (pl_prefix(s, n, "〔")) {
		/* 〔記者方韋傑／台北報導〕 (自由時報): the reporter, a slash,
		   the place, 報導 */
		close = 0x3015;		/* 〕 */
		open = 3;
		cna = 1;
	} else if (pl_prefix(s, n, "（") || s[0] == '(') {
		close = s[0] == '(' ? ')' : 0xff09;
		open = s[0] == '(' ? 1 : 3;
		/* (中央社記者…電), (中央社…電) and the like only */
		if (!pl_prefix(s + open, n - open, "中央社") &&
		    !pl_prefix(s + open, n - open, "中新社") &&
		    !pl_prefix(s + open, n - open, "新華社") &&
		    !pl_prefix(s + open, n - open, "新华社"))
			return 0;
		cna = 1;
	} else
		return 0;
	for (p = open, cnt = 0; p < n && cnt < (cna ? 48 : 14); cnt++) {
		c = pl_get(s + p, n - p, &len);
		if (c == close) {
			uint32_t prev = pl_last(s, open, p);

			if (cnt < 2)
				return 0;
			/* 讯 訊 电 電 報道 报道; 〔…報導〕 */
			if (close == 0x3015)
				return p >= open + 6 && (pl_prefix(s + p - 6,
				    6, "報導") || pl_prefix(s + p - 6, 6,
				    "报导") || pl_prefix(s + p - 6, 6, "报道") ||
				    pl_prefix(s + p - 6, 6, "報道")) &&
				    (pl_find(s + open, p - open, "／", 3) !=
				    NULL || memchr(s + open, '/', p - open) !=
				    NULL) ? p + len : 0;
			if (pl_is_dianxun(prev) || (prev == 0x9053 &&
			    p >= open + 6 && (pl_prefix(s + p - 6, 6, "報道") ||
			    pl_prefix(s + p - 6, 6, "报道"))))
				return p + len;
			return 0;
		}
		if (c == 0x3002 || c == 0xff0c)
			return 0;	/* 。 ， : a sentence */
		p += len;
	}
	return 0;
}

/*
 * Length in bytes of a dateline opening [start, end): 本报讯, 本报讯（记者
 * 张三）, 新华社北京3月5日电, 本报杭州3月5日讯 (记者 张三), 【本報訊】,
 * （中央社記者…台北10日電） ...; 0 when none.  When paren is not NULL it
 * receives the inside of the bracket that follows, or an empty range.
 * first: the line's first character, of cl bytes, as its caller decoded
 * it (the agencies looked up with it, not decoding it again).
 */
static size_t
pl_dateline(const char *buf, size_t start, size_t end, struct range *paren,
    uint32_t first, size_t cl)
{
	const char	*s = buf + start;
	size_t		 n = end - start, p = 0, len, q, cnt, alen;
	uint32_t	 c = 0;
	unsigned	 b;
	int		 han, pok, dx, read;

	if (paren != NULL)
		paren->start = paren->end = start;
	if (n == 0)
		return 0;
	if (pl_prefix(s, n, "本报讯") || pl_prefix(s, n, "本報訊"))
		p = strlen("本报讯");
	else if (((unsigned char)s[0] == 0xe3 || (unsigned char)s[0] == 0xef ||
	    s[0] == '(') && (p = pl_bracket_dateline(s, n)) > 0) {
		/* (its openers: 【 〔 e3…, （ ef…, and () */
		int inside = s[0] != (char)0xe3 || pl_prefix(s, n, "〔");

		if (inside && paren != NULL) {
			/* （中央社記者…電）, 〔記者…／…報導〕: the names are
			   in it */
			paren->start = start + (s[0] == '(' ? 1 : 3);
			paren->end = start + p - (s[p - 1] == ')' ? 1 : 3);
		}
		if (inside)
			return p;
	} else if (parse_words_prefix_c(PW_AGENCIES, s, n, first, cl,
	    &alen) >= 0) {
		p = alen;
		/* pok: the character before is Han (日 is) or a digit; dx:
		   this one is 电 讯 電 訊; read: one was read through.  A
		   character led by e5 to e9 (U+5000 to U+9FFF) is Han
		   without a range test, and none of the four (led by e7 to
		   e9) when led by e5 or e6, not decoded */
		for (cnt = 0, pok = 0, dx = 0, read = 0; p < n && cnt < 24;
		    cnt++) {
			b = (unsigned char)s[p];
			if (b - 0xe5u <= 0xe9u - 0xe5u && n - p >= 3) {
				dx = b >= 0xe7 && pl_is_dianxun(pl_decode(
				    (const unsigned char *)s + p, n - p, &len));
				p += 3;
				if (pok && dx)
					break;	/* 电 讯 */
				pok = 1;
			} else if (b < 0x80) {
				/* ASCII: a digit or a space, none of the
				   four */
				p++;
				dx = 0;
				if (!(b >= '0' && b <= '9') && b != ' ')
					return 0;
				pok = b >= '0' && b <= '9';
			} else {
				c = pl_get(s + p, n - p, &len);
				p += len;
				dx = pl_is_dianxun(c);
				if (pok && dx)
					break;
				han = parse_line_is_han(c);
				if (!han && !(c >= '0' && c <= '9') &&
				    c != ' ')
					return 0;
				pok = han || (c >= '0' && c <= '9');
			}
			read = 1;
		}
		if (cnt == 24 || p > n || !(read && dx))
			return 0;
		/* 本报讯 is handled above; the agency must be followed by a
		   place or a date, not be the whole thing */
		if (p == alen + 3)
			return 0;
	} else
		return 0;
	q = p;
	while (q < n && (len = pl_space(s + q, n - q)) > 0)
		q += len;
	if (q < n && (s[q] == '(' || pl_prefix(s + q, n - q, "（"))) {
		size_t	 open = q + (s[q] == '(' ? 1 : 3);

		for (q = open, cnt = 0; q < n && cnt < 60; cnt++) {
			if (s[q] == ')' || pl_prefix(s + q, n - q, "）")) {
				if (paren != NULL) {
					paren->start = start + open;
					paren->end = start + q;
				}
				return q + (s[q] == ')' ? 1 : 3);
			}
			c = pl_get(s + q, n - q, &len);
			if (c == 0x3002)
				break;
			q += len;
		}
	}
	return p;
}

/*
 * Length in bytes of a dateline opening [start, end), as pl_dateline
 * reads it; the lexer calls pl_dateline with the first character it
 * decoded already.
 */
size_t
parse_line_dateline(const char *buf, size_t start, size_t end,
    struct range *paren)
{
	size_t	 cl;
	uint32_t first;

	parse_words_init();
	first = pl_get(buf + start, end > start ? end - start : 0, &cl);
	return pl_dateline(buf, start, end, paren, first, cl);
}

/* True for an opening bracket that a column tag starts with. */
static int
pl_is_open(uint32_t c)
{
	return c == 0xff08 || c == '(';
}

/* True for a closing bracket that a column tag ends with. */
static int
pl_is_close(uint32_t c)
{
	return c == 0xff09 || c == ')';
}

/* Code points of a column tag ending [s, e) (人民论坛）, brackets
   included: a bracket that closes the line, opened after some text,
   holding at most PT_TAG characters and no sentence; 0 when none. */
static size_t
pl_tag(const char *buf, size_t s, size_t e)
{
	size_t	 p = e, q, cnt = 0, len;
	int	 depth = 0;
	uint32_t c;

	while (p > s) {
		q = pl_back(buf, s, p);
		/* a character led by e4 to e9 (U+4000 to U+9FFF, or cut
		   short) is none of the brackets nor 。！？: not decoded */
		c = (unsigned char)buf[q] - 0xe4u <= 0xe9u - 0xe4u ? 0 :
		    pl_decode((const unsigned char *)buf + q, p - q, &len);
		p = q;
		cnt++;
		if (pl_is_close(c))
			depth++;
		else if (pl_is_open(c)) {
			if (--depth == 0)
				break;
		} else if (c == 0x3002 || c == 0xff01 || c == 0xff1f)
			return 0;	/* 。！？ */
		if (cnt > PT_TAG + 2)
			return 0;
	}
	if (depth != 0 || cnt < 3)
		return 0;
	/* some text before the tag, not itself a bracket */
	if (parse_line_count(buf + s, p - s) < 2)
		return 0;
	return cnt;
}

/* The byte where the column tag of tag characters ending [s, e)
   starts. */
static size_t
pl_tag_start(const char *buf, size_t s, size_t e, size_t tag)
{
	while (tag-- > 0 && e > s)
		e = pl_back(buf, s, e);
	return e;
}

/* True when the bracket s[0..n) credits a photograph: (攝影/記者﹕鍾一虹),
   (摄影 张三), （新华社记者 方喆摄）. */
static int
pl_credit_tag(const char *s, size_t n)
{
	size_t	 k;

	if (n < 6)
		return 0;
	k = (unsigned char)s[0] < 0x80 ? 1 : 3;	/* ( or （ */
	return pl_prefix(s + k, n - k, "攝影") || pl_prefix(s + k, n - k,
	    "摄影") || (n >= k + 3 && (memcmp(s + n - k - 3, "摄", 3) == 0 ||
	    memcmp(s + n - k - 3, "攝", 3) == 0));
}

/* Length of a date or time at s[0..n) (2019-02-04, 26/07/2009,
   2019年2月4日, 08:30:15, and a weekday), 0 when none: at least four
   digits, only digits, separators and the date words. */
static size_t
pl_datetime(const char *s, size_t n)
{
	size_t	 p = 0, len, digits = 0, last = 0;
	uint32_t c;

	while (p < n) {
		c = pl_get(s + p, n - p, &len);
		if (pl_is_digit(c))
			digits++;
		else if (c == '-' || c == '/' || c == ':' || c == '.' ||
		    c == ' ' || c == 0x5e74 || c == 0x6708 || c == 0x65e5 ||
		    c == 0x65f6 || c == 0x5206 || c == 0x79d2 || c == 0xff1a ||
		    c == 0x3000 || c == 0xa0 || c == 0x6642)
			;	/* 年 月 日 时 分 秒 ： 時 */
		else if (c == 0x661f && pl_prefix(s + p, n - p, "星期")) {
			/* 星期一 … 星期日 */
			len = 6;
			if (p + len < n) {
				size_t	 k2;

				(void)pl_get(s + p + len, n - p - len, &k2);
				len += k2;
			}
		} else
			break;
		p += len;
		last = p;
	}
	return digits >= 4 ? last : 0;
}

/* True when s[0..n) is a row of a site's navigation: five or more words
   of at most six characters, separated by white space, and nothing
   else (今日新聞 社論 評論 專題報導 自由廣場 報社簡介 回首頁). */
static int
pl_navrow(const char *s, size_t n)
{
	size_t	 p = 0, k, len, words = 0, chars;
	uint32_t c;
	int	 letter;

	while (p < n) {
		while (p < n && (k = pl_space(s + p, n - p)) > 0)
			p += k;
		if (p == n)
			break;
		/* a word: Han or Latin letters up to white space (which is
		   neither), at most six; a lead byte e5 to e9, three bytes,
		   is Han undecoded (as in pl_name) */
		for (chars = 0; p < n; p += len) {
			if ((unsigned char)s[p] - 0xe5u <= 0xe9u - 0xe5u &&
			    n - p >= 3) {
				len = 3;
				letter = 1;
			} else {
				c = pl_get(s + p, n - p, &len);
				letter = parse_line_is_han(c) ||
				    (c >= 'A' && c <= 'Z') ||
				    (c >= 'a' && c <= 'z');
			}
			if (letter) {
				if (++chars > 6)
					return 0;
				continue;
			}
			if (pl_space(s + p, n - p) > 0)
				break;
			return 0;
		}
		if (chars < 2)
			return 0;
		words++;
	}
	/* a byline is no menu: 本报记者 倪  弋 实习生 陈  晨 */
	return words >= 5 && parse_words_prefix(PW_ROLES, s, n, NULL) < 0;
}

/* Fewest characters of a navigation row (pl_navrow): five words of two,
   and white space between them.  Most short lines with a space are
   bylines (本报记者 王春苗), fewer: no word read. */
#define PL_NAVROW_MIN	(5 * 2 + 4)

/* Bytes pl_boiler looks for in a short line (pl_count_seen). */
#define PL_SEEN_SPACE	0x01u	/* ' ': a navigation row's words */
#define PL_SEEN_BAR	0x02u	/* '|': a row of a table or of links */
#define PL_SEEN_C2	0x04u	/* 0xc2, the first byte of ©, and of the
				   rest of U+0080 to U+00BF: rare */
/* Longest line, characters, in which pl_boiler looks for those bytes;
   parse_line_lex asks pl_count_seen for them with the count in a line
   of at most PL_SEEN_BYTES (three a character: no longer line of the
   Basic Multilingual Plane is that short), and again in a longer line
   that the count finds that short (four-byte characters). */
#define PL_SEEN_CHARS	60
#define PL_SEEN_BYTES	(PL_SEEN_CHARS * 3)

/* pl_count_seen's bytes, a byte at a time: for a line longer than
   PL_SEEN_BYTES that counts PL_SEEN_CHARS characters or fewer (four-byte
   ones), rare and out of line, so that pl_count_seen is inlined where
   parse_line_lex counts. */
PL_COLD static unsigned
pl_seen_long(const char *s, size_t n)
{
	unsigned m = 0, k;
	size_t	 i;

	for (i = 0; i < n; i++) {
		k = (unsigned char)s[i];
		m |= k == ' ' ? PL_SEEN_SPACE : k == '|' ? PL_SEEN_BAR :
		    k == 0xc2 ? PL_SEEN_C2 : 0;
	}
	return m;
}

#ifdef __SSE2__
/* The n bytes at s (0 < n < 16) in one block, in order, the rest zero:
   two loads that overlap, the bytes of the second that the first has
   shifted off (or three bytes); no byte past s + n read. */
static inline __m128i
pl_load_short(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t lo, hi = 0;
	uint32_t a, b;

	if (n >= 8) {
		memcpy(&lo, s, 8);
		memcpy(&hi, s + n - 8, 8);
		hi = n > 8 ? hi >> (8 * (16 - n)) : 0;
	} else if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		lo = (uint64_t)a | (uint64_t)b >> (8 * (8 - n)) << 32;
	} else
		lo = (uint64_t)u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
		    (uint64_t)u[n - 1] << (8 * (n - 1));
	return _mm_set_epi64x((long long)hi, (long long)lo);
}
#endif

/* Code points in the n bytes at s (0 < n <= PL_SEEN_BYTES, valid UTF-8),
   as parse_line_count, and in *seen which of ' ', '|' and 0xc2 they
   hold (PL_SEEN_*, for pl_boiler): both in one pass, sixteen bytes at a
   time, a line shorter than that in one block (pl_load_short). */
static size_t
pl_count_seen(const char *s, size_t n, unsigned *seen)
{
#ifdef __SSE2__
	const __m128i c0 = _mm_set1_epi8(-64), sp = _mm_set1_epi8(' '),
	    bar = _mm_set1_epi8('|'), c2 = _mm_set1_epi8((char)0xc2),
	    z = _mm_setzero_si128();
	__m128i	 x, y, cont, a, b, c;
	size_t	 i;

	if (n < 16) {
		/* the zeros added are neither continuation bytes nor any
		   of the three */
		x = pl_load_short(s, n);
		cont = _mm_sub_epi8(z, _mm_cmplt_epi8(x, c0));
		a = _mm_cmpeq_epi8(x, sp);
		b = _mm_cmpeq_epi8(x, bar);
		c = _mm_cmpeq_epi8(x, c2);
	} else {
		/* continuation bytes counted per byte lane (at most
		   PL_SEEN_BYTES / 16 of them, no overflow), two blocks a
		   step, then one, the last bytes in the last block of the
		   line, those counted already masked off (seen twice is
		   seen all the same) */
		cont = a = b = c = z;
		for (i = 0; i + 32 <= n; i += 32) {
			x = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			y = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i + 16));
			cont = _mm_sub_epi8(_mm_sub_epi8(cont,
			    _mm_cmplt_epi8(x, c0)), _mm_cmplt_epi8(y, c0));
			a = _mm_or_si128(a, _mm_or_si128(_mm_cmpeq_epi8(x, sp),
			    _mm_cmpeq_epi8(y, sp)));
			b = _mm_or_si128(b, _mm_or_si128(_mm_cmpeq_epi8(x, bar),
			    _mm_cmpeq_epi8(y, bar)));
			c = _mm_or_si128(c, _mm_or_si128(_mm_cmpeq_epi8(x, c2),
			    _mm_cmpeq_epi8(y, c2)));
		}
		if (i + 16 <= n) {
			x = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			cont = _mm_sub_epi8(cont, _mm_cmplt_epi8(x, c0));
			a = _mm_or_si128(a, _mm_cmpeq_epi8(x, sp));
			b = _mm_or_si128(b, _mm_cmpeq_epi8(x, bar));
			c = _mm_or_si128(c, _mm_cmpeq_epi8(x, c2));
			i += 16;
		}
		if (i < n) {
			x = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + n - 16));
			cont = _mm_sub_epi8(cont, _mm_and_si128(
			    _mm_cmplt_epi8(x, c0), _mm_loadu_si128(
			    (const __m128i *)(const void *)
			    (pl_tailmask + (n - i)))));
			a = _mm_or_si128(a, _mm_cmpeq_epi8(x, sp));
			b = _mm_or_si128(b, _mm_cmpeq_epi8(x, bar));
			c = _mm_or_si128(c, _mm_cmpeq_epi8(x, c2));
		}
	}
	*seen = (_mm_movemask_epi8(a) != 0 ? PL_SEEN_SPACE : 0) |
	    (_mm_movemask_epi8(b) != 0 ? PL_SEEN_BAR : 0) |
	    (_mm_movemask_epi8(c) != 0 ? PL_SEEN_C2 : 0);
	cont = _mm_sad_epu8(cont, z);
	return n - (size_t)_mm_cvtsi128_si32(cont) -
	    (size_t)_mm_extract_epi16(cont, 4);
#else
	*seen = pl_seen_long(s, n);
	return parse_line_count(s, n);
#endif
}

/* True when [s, e), of nchars characters, is web debris: it opens with
   a word of the boilerplate list, is a lone date (with perhaps its
   source), or is a row of table rules (| |, ---).  first: its first
   character, of cl bytes; fl, ll: the lists and PW_MARK of its first
   and last characters; seen: the bytes of the line pl_count_seen saw,
   when it has at most PL_SEEN_CHARS characters. */
static int
pl_boiler(const char *buf, size_t s, size_t e, size_t nchars, uint32_t first,
    size_t cl, unsigned fl, unsigned ll, unsigned seen)
{
	const char	*p = buf + s, *q;
	size_t		 n = e - s, k, i;

	if (nchars > PT_BOILER)
		return 0;
	if ((fl & PW_BIT(PW_BOILER)) &&
	    parse_words_prefix_c(PW_BOILER, p, n, first, cl, NULL) >= 0)
		return 1;
	if ((fl & PW_MARK) && p[0] >= '0' && p[0] <= '9' &&
	    (k = pl_datetime(p, n)) > 0) {
		k = parse_line_trim_start(buf, s + k, e) - s;
		if (k == n)
			return 1;	/* 26/07/2009 */
		/* 2019-02-04 08:30 来源：人民网 */
		if (pl_prefix(p + k, n - k, "来源") ||
		    pl_prefix(p + k, n - k, "來源") ||
		    pl_prefix(p + k, n - k, "作者") ||
		    pl_prefix(p + k, n - k, "编辑") ||
		    pl_prefix(p + k, n - k, "編輯") ||
		    pl_prefix(p + k, n - k, "字号") ||
		    pl_prefix(p + k, n - k, "字號") ||
		    pl_prefix(p + k, n - k, "发布") ||
		    pl_prefix(p + k, n - k, "發佈") ||
		    pl_prefix(p + k, n - k, "|"))
			return 1;
	}
	if (nchars > PL_SEEN_CHARS)
		return 0;
	if (((seen & PL_SEEN_C2) && pl_find(p, n, "©", 2) != NULL) ||
	    ((seen & PL_SEEN_SPACE) && nchars >= PL_NAVROW_MIN &&
	    pl_navrow(p, n)))
		return 1;	/* © 2025 …, 首页 新闻 评论 图片 视频 */
	if ((ll & PW_MARK) && nchars <= PT_SHORT && n >= 12 &&
	    (memcmp(p + n - 3, "有", 3) == 0 ||
	    memcmp(p + n - 3, "載", 3) == 0 || memcmp(p + n - 3, "载", 3) ==
	    0) && (q = memmem(p, n, "所有", 6)) != NULL &&
	    q - p >= 6 && (memcmp(q - 6, "版權", 6) == 0 ||
	    memcmp(q - 6, "版权", 6) == 0))
		return 1;	/* 自由時報版權所有不得轉載: …所有 or …轉載 */
	k = 0;
	if (seen & PL_SEEN_BAR)
		for (i = 0; i < n && (q = memchr(p + i, '|', n - i)) != NULL;
		    i = (size_t)(q - p) + 1)
			k++;
	if (k >= 2 && pl_find(p, n, "。", 3) == NULL)
		return 1;	/* 2026-03-10 發行 | 訂閱/退訂 | 看歷史報份 */
	if ((fl & PW_MARK) && (p[0] == '|' || (n >= 3 && p[0] == '-' &&
	    p[1] == '-'))) {
		/* a row of a table: only rules and empty cells */
		for (i = 0; i < n; i++)
			if (p[i] != '|' && p[i] != '-' && p[i] != ':' &&
			    p[i] != ' ' && p[i] != '+' && p[i] != '=')
				return 0;
		return 1;
	}
	return 0;
}

/* Where "第N版" (and perhaps a name after a colon) ends in s[0..n), the
   first such; 0 when there is none. */
static size_t
pl_find_page(const char *s, size_t n)
{
	const char *p;
	size_t	 q, len, k;
	uint32_t c;

	for (p = s; (p = pl_find(p, (size_t)(s + n - p), "第", 3)) != NULL;
	    p += 3) {
		q = (size_t)(p - s) + 3;
		for (k = 0; q < n; k++) {
			c = pl_get(s + q, n - q, &len);
			if (!pl_is_digit(c) && !pl_is_cnum(c) && c != ' ' &&
			    !(k == 0 && c >= 'A' && c <= 'Z'))
				break;
			q += len;
		}
		if (k > 0 && pl_prefix(s + q, n - q, "版"))
			return q + 3;
	}
	return 0;
}

/* True when s[0..n) holds a date somewhere (four digits, 年 or -). */
static int
pl_datetime_in(const char *s, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return pl_datetime(s + k, n - k) > 0;
	return 0;
}

/* True when [s, e), of nchars characters, is a page label, a running
   head or foot: 第A09版:速览, 《人民日报》（2025年01月02日第 19 版）, 人民日报
   2019年2月4日 星期一, 第 3 页. */
static int
pl_meta(const char *buf, size_t s, size_t e, size_t nchars, uint32_t last)
{
	const char	*p = buf + s;
	size_t		 n = e - s, q, len, k;
	uint32_t	 c;

	if (nchars > PT_META)
		return 0;
	if (pl_prefix(p, n, "第") && nchars <= 24) {
		/* 第A09版 and a name */
		q = 3;
		if (q < n && p[q] >= 'A' && p[q] <= 'Z')
			q++;
		for (k = 0; q < n; k++) {
			c = pl_get(p + q, n - q, &len);
			if (!pl_is_digit(c) && !pl_is_cnum(c) && c != ' ')
				break;
			q += len;
		}
		/* 第3版, and the foot of a typeset page: 第 3 页 */
		return k > 0 && (pl_prefix(p + q, n - q, "版") ||
		    (pl_prefix(p + q, n - q, "页") && q + 3 == n) ||
		    (pl_prefix(p + q, n - q, "頁") && q + 3 == n));
	}
	if ((pl_prefix(p, n, "专栏") || pl_prefix(p, n, "專欄")) &&
	    nchars <= 16 && (pl_prefix(p + 6, n - 6, "：") ||
	    pl_prefix(p + 6, n - 6, ":")))
		return 1;	/* 专栏: the column of an article database */
	if (pl_prefix(p, n, "《")) {
		/* 《人民日报》 and a date and a page */
		for (q = 3, k = 0; q < n && k < 12; k++) {
			c = pl_get(p + q, n - q, &len);
			q += len;
			if (c == 0x300b)
				break;
		}
		if (k == 12 || q >= n)
			return 0;
		for (k = 0; q < n; q += len) {
			c = pl_get(p + q, n - q, &len);
			if (pl_is_digit(c))
				k++;
			else if (c == 0x7248 && k > 0)	/* 版 */
				return 1;
		}
		return 0;
	}
	/* a page's date and number: 1951年9月15日人民日报 第1版 */
	if (nchars <= 30 && last == 0x7248 && (q = pl_find_page(p, n)) > 0 &&
	    q == n && pl_datetime_in(p, n))
		return 1;
	/* a running head: a paper's name, a date and a weekday at the
	   end (人民日报 2019年2月4日 星期一) */
	if (nchars <= 40 && n >= 9 && (memcmp(p + n - 9, "星期", 6) == 0 ||
	    memcmp(p + n - 9, "禮拜", 6) == 0)) {
		for (k = 0; k < n && !(p[k] >= '0' && p[k] <= '9'); k++)
			;
		return k < n && pl_datetime(p + k, n - k) > 0;
	}
	return 0;
}

/* False when the n bytes s, first character first and last last, can
   be no page label nor running head, from their ends alone: pl_meta
   holds only for a line opening with 第 专栏 專欄 《, or ending with 版
   or a weekday (星期一, 禮拜日).  Most lines are neither: no call. */
static inline int
pl_may_meta(const char *s, size_t n, uint32_t first, uint32_t last)
{
	return first == 0x7b2c || first == 0x4e13 || first == 0x5c08 ||
	    first == 0x300a || last == 0x7248 || (n >= 9 &&
	    (memcmp(s + n - 9, "星期", 6) == 0 ||
	    memcmp(s + n - 9, "禮拜", 6) == 0));
}

/* Length of a wire story's end at [s, e): （編輯：蘇龍麒）1140710,
   (编辑：张三) — the editor's credit in brackets and perhaps a date code
   of up to eight digits; 0 when there is none. */
size_t
parse_line_wireend(const char *buf, size_t s, size_t e)
{
	const char	*p = buf + s;
	size_t		 n = e - s, q, len = 0, cnt, d;
	uint32_t	 c;

	if (pl_prefix(p, n, "（"))
		q = 3;
	else if (n > 0 && p[0] == '(')
		q = 1;
	else
		return 0;
	if (!(pl_prefix(p + q, n - q, "編輯") || pl_prefix(p + q, n - q,
	    "编辑") || pl_prefix(p + q, n - q, "責任編輯") ||
	    pl_prefix(p + q, n - q, "责任编辑")))
		return 0;
	for (cnt = 0; q < n && cnt < 40; cnt++, q += len) {
		c = pl_get(p + q, n - q, &len);
		if (pl_is_close(c))
			break;
	}
	if (q >= n || cnt == 40)
		return 0;
	q += len;
	for (d = 0; q < n && d < 8 && p[q] >= '0' && p[q] <= '9'; d++)
		q++;
	return q;
}

/* True when [s, e) is a whole wire story's end line. */
static int
pl_wireend(const char *buf, size_t s, size_t e)
{
	return parse_line_wireend(buf, s, e) == e - s;
}

/* True when [s, e) is an entry of a numbered list of titles: "1. 确保
   基本实现…", "12、…": one to three digits, a dot or 、, and a short
   text that does not end a sentence. */
static int
pl_tocitem(const char *buf, size_t s, size_t e, size_t nchars, unsigned f)
{
	const char	*p = buf + s;
	size_t		 n = e - s, q = 0;

	(void)f;
	if (nchars > PT_TOC_ITEM || n == 0 || p[0] < '0' || p[0] > '9')
		return 0;
	/* a title may ask or exclaim, it does not end with a full stop */
	if (pl_find(buf + s, e - s, "。", 3) != NULL)
		return 0;
	while (q < n && q < 3 && p[q] >= '0' && p[q] <= '9')
		q++;
	if (q == n)
		return 0;
	if (p[q] == '.')
		q++;
	else if (pl_prefix(p + q, n - q, "、") || pl_prefix(p + q, n - q,
	    "．"))
		q += 3;
	else
		return 0;
	q = parse_line_trim_start(buf, s + q, e) - s;
	return q < n && parse_line_count(p + q, n - q) >= 2;
}

/* True when byte k of [s, e) starts a pause: a comma, 、 or ；. */
static inline int
pl_pause_at(const unsigned char *b, size_t k, size_t e)
{
	return b[k] == ',' || b[k] == ';' || (k + 2 < e && ((b[k] == 0xef &&
	    b[k + 1] == 0xbc && (b[k + 2] == 0x8c || b[k + 2] == 0x9b)) ||
	    (b[k] == 0xe3 && b[k + 1] == 0x80 && b[k + 2] == 0x81)));
}

/* True when [s, e) holds a pause: a comma, 、 or ； (a sentence, not a
   title).  Sixteen bytes at a time: only a byte , ; or the first of ，
   ； (ef) or 、 (e3) is looked at, the last bytes of the line one at a
   time. */
static int
pl_pause(const char *buf, size_t s, size_t e)
{
	const unsigned char *b = (const unsigned char *)buf;
	size_t	 k = s;

#ifdef __SSE2__
	const __m128i cm = _mm_set1_epi8(','), sc = _mm_set1_epi8(';'),
	    ef = _mm_set1_epi8((char)0xef), e3 = _mm_set1_epi8((char)0xe3);
	__m128i	 x;
	unsigned m;

	for (; k + 16 <= e; k += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(b + k));
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(x, cm), _mm_cmpeq_epi8(x, sc)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, ef),
		    _mm_cmpeq_epi8(x, e3))));
		for (; m != 0; m &= m - 1)
			if (pl_pause_at(b, k + (size_t)__builtin_ctz(m), e))
				return 1;
	}
#endif
	for (; k < e; k++)
		if (pl_pause_at(b, k, e))
			return 1;
	return 0;
}

/* True when [s, e) holds a sentence end: 。！？ (or ! ?). */
static int
pl_sentence(const char *buf, size_t s, size_t e)
{
	const unsigned char *b = (const unsigned char *)buf;
	size_t	 k;

	for (k = s; k < e; k++) {
		if (b[k] == '!' || b[k] == '?')
			return 1;
		if (k + 2 < e && ((b[k] == 0xe3 && b[k + 1] == 0x80 &&
		    b[k + 2] == 0x82) || (b[k] == 0xef && b[k + 1] == 0xbc &&
		    (b[k + 2] == 0x81 || b[k + 2] == 0x9f))))
			return 1;	/* 。 ！ ？ */
	}
	return 0;
}

/* Cut a page label glued to the end of line l (本报记者  杨文明《人民日报》
   （2025年01月02日第 04 版）) into l->tail; true when there was one. */
static int
pl_glued_meta(const char *buf, struct parse_line *l)
{
	size_t	 k, e = l->end, nc;
	uint32_t c;

	/* ） 版: the bytes of their last two (EF BC 89, E7 89 88) */
	if (e - l->start < 6 || !(((unsigned char)buf[e - 1] == 0x89 &&
	    (unsigned char)buf[e - 2] == 0xbc) || ((unsigned char)buf[e - 1] ==
	    0x88 && (unsigned char)buf[e - 2] == 0x89)))
		return 0;
	c = pl_last(buf, l->start, e);
	if (c != 0xff09 && c != 0x7248)
		return 0;
	for (k = e - 3; k > l->start; k--)
		if (memcmp(buf + k, "《", 3) == 0)
			break;
	if (k <= l->start || e - k > PT_META * 3)
		return 0;
	nc = parse_line_count(buf + k, e - k);
	if (!pl_meta(buf, k, e, nc, c))
		return 0;
	l->tail.start = k;
	l->tail.end = e;
	l->end = parse_line_trim_end(buf, l->start, k);
	return l->end > l->start;
}

/* True when [s, e) signs off an editor's note: ——编者, ——编  者,
   ——編者, ——本刊编辑部. */
static int
pl_signoff(const char *buf, size_t s, size_t e)
{
	char	 w[32];
	size_t	 k, n = 0, len;

	for (k = s + 6; k < e && n + 4 < sizeof w; k += len) {
		if ((len = pl_space(buf + k, e - k)) > 0)
			continue;
		len = ((unsigned char)buf[k] < 0xc0) ? 1 :
		    ((unsigned char)buf[k] < 0xe0) ? 2 :
		    ((unsigned char)buf[k] < 0xf0) ? 3 : 4;
		if (len > e - k)
			return 0;
		memcpy(w + n, buf + k, len);
		n += len;
	}
	if (k < e)
		return 0;
	w[n] = '\0';
	return strcmp(w, "编者") == 0 || strcmp(w, "編者") == 0 ||
	    strcmp(w, "编辑") == 0 || strcmp(w, "編輯") == 0 ||
	    strcmp(w, "本报编辑部") == 0 || strcmp(w, "本報編輯部") == 0;
}

/* Read line l as a byline into x->bl, and say so in x; into a byline of
   its own when x is NULL.  *photo: whether it credits a photograph.  Out
   of line: the byline (some 600 bytes) is on its stack, not on that of
   parse_line_lex, which seldom reads one. */
PL_NOINLINE static enum parse_bl_kind
pl_byline_read(const char *buf, const struct parse_line *l,
    struct parse_lexed *x, int *photo)
{
	struct parse_bl	 own, *bl = x != NULL ? &x->bl : &own;
	enum parse_bl_kind k = parse_line_byline(buf, l->start, l->end, bl);

	if (x != NULL) {
		x->blread = 1;
		x->blkind = k;
	}
	*photo = bl->photo;
	return k;
}

/* Set the features, character count and last character of one line.
   A line longer than PT_LEX_SHORT characters is a paragraph: only what
   can open or close one is looked for (a dateline, a note or caption
   opener, a caption's ending, a —— line); the rest of the lexers are for
   short lines (heads, bylines, credits, labels, debris).  When x is not
   NULL it receives the dateline and the byline read on the way. */
void
parse_line_lex(const char *buf, struct parse_line *l, struct parse_lexed *x)
{
	const char	*s = buf + l->start;
	size_t		 n = l->end - l->start, i, dl;
	uint32_t	 first, c;
	unsigned	 fl, ll, seen = 0;
	int		 may = 0, photo;
	struct range	 paren;
	enum parse_bl_kind k;

	if (x != NULL) {
		x->dateline = 0;
		x->blread = 0;
	}
	if (n == 0) {
		l->flags |= LF_BLANK;
		return;
	}
	if (n > 6 && n < PT_META * 4 && pl_glued_meta(buf, l)) {
		s = buf + l->start;
		n = l->end - l->start;
	}
	/* a line of more than PT_LEX_SHORT * 4 bytes has more than
	   PT_LEX_SHORT characters whatever they are: a paragraph, whose
	   length is needed only roughly (a third of its bytes) */
	if (n <= PL_SEEN_BYTES)
		l->nchars = pl_count_seen(s, n, &seen);
	else {
		l->nchars = n <= PT_LEX_SHORT * 4 ? parse_line_count(s, n) :
		    n / 3 < PT_LONG ? n / 3 : PT_LONG;
		if (l->nchars <= PL_SEEN_CHARS)
			seen = pl_seen_long(s, n);
	}
	l->last = pl_last(buf, l->start, l->end);
	if (parse_line_is_endp(l->last))
		l->flags |= LF_ENDP;
	if (l->last == 0xff1a || l->last == ':')
		l->flags |= LF_COLON;
	first = pl_get(s, n, &i);
	fl = parse_words_first_lists(first);
	ll = parse_words_last_lists(l->last);
	/* the lexers of the lines that open (close) with a character of
	   parse_line_marks_first (_last) read no other line */
	if ((fl & PW_MARK) && (pl_prefix(s, n, "——") ||
	    pl_prefix(s, n, "--") || pl_prefix(s, n, "─")))
		l->flags |= LF_SUBTITLE;
	if ((fl & PW_BIT(PW_NOTES)) &&
	    parse_words_prefix_c(PW_NOTES, s, n, first, i, NULL) >= 0)
		l->flags |= LF_NOTE;
	if ((fl & PW_BIT(PW_CAP_STARTS)) &&
	    parse_words_prefix_c(PW_CAP_STARTS, s, n, first, i, NULL) >= 0)
		l->flags |= LF_CAPSTART;
	/* no dateline opens otherwise (parse_line_dateline): 【 〔 （ ( */
	if (((fl & PW_BIT(PW_AGENCIES)) || ((fl & PW_MARK) &&
	    (first == 0x3010 || first == 0x3014 || first == 0xff08 ||
	    first == '('))) &&
	    (dl = pl_dateline(buf, l->start, l->end, &paren, first, i)) > 0) {
		l->flags |= LF_DATELINE;
		if (x != NULL) {
			x->dateline = dl;
			x->paren = paren;
		}
	}
	if ((ll & PW_BIT(PW_CAP_ENDS)) &&
	    parse_words_suffix(PW_CAP_ENDS, s, n, NULL) >= 0)
		l->flags |= LF_CAPEND;
	if (l->nchars > PT_LEX_SHORT)
		return;
	if ((l->flags & LF_ENDP) && l->nchars <= PT_SHORT &&
	    (l->last == 0x201d || l->last == 0x300d || l->last == 0x300f) &&
	    !pl_sentence(buf, l->start, l->end))
		l->flags &= ~LF_ENDP;	/* a title in quotes: “我想成为这样的人” */
	if ((fl & PW_MARK) && pl_number(buf, l->start, l->end)) {
		l->flags |= LF_NUMBER;
		return;
	}
	if (l->nchars <= PT_BOILER && pl_boiler(buf, l->start, l->end,
	    l->nchars, first, i, fl, ll, seen))
		l->flags |= LF_BOILER;
	/* pl_may_meta: a mark first or last, or a weekday (星期 禮拜 end
	   with 期 拜, e6 9c 9f and e6 8b 9c) */
	if (l->nchars <= PT_META && (((fl | ll) & PW_MARK) || (n >= 9 &&
	    ((unsigned char)s[n - 4] == 0x9f ||
	    (unsigned char)s[n - 4] == 0x9c))) &&
	    (first == 0x7b2c || first == 0x300a ||
	    l->nchars <= 40) && pl_may_meta(s, n, first, l->last) &&
	    pl_meta(buf, l->start, l->end, l->nchars, l->last))
		l->flags |= LF_META;
	/* a wire end opens with a bracket (parse_line_wireend) */
	if ((fl & PW_MARK) && l->nchars <= 60 && (first == 0xff08 ||
	    first == '(') && pl_wireend(buf, l->start, l->end))
		l->flags |= LF_WIREEND;
	if ((fl & PW_MARK) && pl_tocitem(buf, l->start, l->end, l->nchars,
	    l->flags))
		l->flags |= LF_TOCITEM;
	if ((l->flags & LF_SUBTITLE) && l->nchars <= 12 &&
	    pl_prefix(s, n, "——") && pl_signoff(buf, l->start, l->end))
		l->flags |= LF_SIGNOFF;
	if (l->nchars <= PT_BYLINE && !(l->flags & LF_ENDP) &&
	    ((fl & PW_BIT(PW_ROLES)) || parse_line_is_han(first) ||
	    s[0] == ',' || s[0] == ';' || (unsigned char)s[0] == 0xe3 ||
	    (unsigned char)s[0] == 0xef) && (may = pl_may_byline(s, n,
	    first, l->last, fl)) == 2)
		l->flags |= LF_MAYNAMES;
	else if (l->nchars <= PT_BYLINE && !(l->flags & LF_ENDP) &&
	    may == 1 && (k = pl_byline_read(buf, l, x, &photo)) != PB_NONE) {
		l->flags |= k == PB_NAMES ? LF_NAMES : LF_BYLINE;
		if (photo)
			l->flags |= LF_PHOTO;
		if (k != PB_NAMES)
			return;
		/* names only may still be a credit (…供图) or a title */
	}
	if ((ll & PW_MARK) && pl_is_close(l->last) &&
	    l->nchars <= PT_SHORT + PT_TAG + 2 &&
	    (l->tag = pl_tag(buf, l->start, l->end)) > 0) {
		/* a headline's tag （人民论坛） does not end a sentence; a
		   credit's agency does not make a tag (张  松摄（影像中国）) */
		l->flags |= LF_TAG;
		l->flags &= ~LF_ENDP;
		i = pl_tag_start(buf, l->start, l->end, l->tag);
		c = pl_last(buf, l->start, i);
		if (c == 0x6444 || c == 0x651d || (c == 0x56fe &&
		    i >= l->start + 6 && memcmp(buf + i - 6, "供图", 6) == 0) ||
		    pl_credit_tag(buf + i, l->end - i)) {
			l->flags &= ~LF_TAG;
			l->flags |= LF_CAPEND;
			l->tag = 0;
		} else if (c == 0x3002) {
			/* a sentence and a bracket after it: no title */
			l->flags &= ~LF_TAG;
			l->flags |= LF_ENDP;
			l->tag = 0;
		}
	}
	if ((fl & ll & PW_MARK) && ((first == 0x3010 && l->last == 0x3011) ||
	    (pl_is_open(first) && pl_is_close(l->last) && l->tag == 0)))
		l->flags |= LF_CLOSED;		/* 【…】 （…） */
}

/* True when line l ends like a kicker: ——, or a verb of a report's
   opening (强调); looked at only where a head's lines are sorted. */
int
parse_line_kicker_end(const char *buf, const struct parse_line *l)
{
	return parse_words_suffix(PW_KICKER_ENDS, buf + l->start,
	    l->end - l->start, NULL) >= 0;
}

/* True when line l holds a pause: a comma, 、 or ； (a sentence, not a
   title). */
int
parse_line_pause(const char *buf, const struct parse_line *l)
{
	return pl_pause(buf, l->start, l->end);
}
