/*
 * layout: a story laid out for a width in cells.  The rules, and the
 * parts of clreq they follow, are in man/dubao-layout.7.
 *
 * layout_prepare() turns each block of a story into a "display text"
 * (struct lblock) once, in the phases of layout_prepare_block (styles;
 * the code points shown; the display bytes and the offset map; break
 * flags; cluster merging; units; style runs):
 *
 *   joined text (page_block_join)
 *     -> leading and trailing spaces stripped, U+200B and controls
 *        dropped (a newline becomes a forced break, U+200B a break
 *        opportunity), ASCII marks between Chinese characters made
 *        full-width (unless LAYOUT_RAW_PUNCT), a decoration prefixed
 *     -> d[0..dlen): UTF-8 bytes, with segs[] to map display bytes to
 *        joined bytes and back (one segment per stretch copied as it
 *        is, per widened mark, per dropped run)
 *     -> brk[]: per display byte, LB_* flags: grapheme cluster start,
 *        break allowed before it (u8_possible_linebreaks tailored to
 *        clreq: the rules are in dubao-layout(7)), weak break (inside a
 *        unit kept whole when it fits: statistic, URL, a page-jump
 *        note such as （下转第二版）), inside a run (digits, Latin
 *        word, ——, ……, a number and the Han or kana after it), the
 *        seam of a run, against clreq, space, forced break
 *     -> cw[]: cells of the cluster starting at that byte (wcwidth of
 *        its code points, -1 as 1)
 *     -> runs[]: style runs covering d (decoration, dateline, stats)
 *
 * None of that depends on the width.  layout_fit() then walks the
 * clusters of each block once, greedily: remember the last allowed break,
 * and when a cluster does not fit end the line there.  With no allowed
 * break on the line, end it at the least bad other place (layout_scan):
 * where clreq allows a break that UAX #14 does not, then the seam of a
 * run or unit (after a range's dash, a number's separator, an
 * interpunct), then between a number and its unit, then inside a
 * statistic that does not fit with what clings to it (DLINE_UNIT), then
 * inside a run where clreq allows it; only with none of those against
 * clreq, or before the cluster (DLINE_EMERGENCY but the UNIT case).  So
 * no line starts with a closing mark or ends with an opening one unless
 * no break on it could avoid that.  Text from one allowed break to the
 * next that is wider than any line is cut at such a place on the line it
 * starts on, filling it.  A first line that would break worse after its
 * indent loses the indent instead.  A line restarts at most one line
 * back, so fitting is linear.
 *
 * Speed (tests/bench corpus, prepare + fit at 80, one core): about
 * 65 instructions per byte (callgrind, 646M for the first 10 MB; 808M
 * at d7eda47).  Most of the text is Han after Han: a break is
 * allowed there, no tailoring applies, and u8_possible_linebreaks is
 * called only on the stretches in between (layout_linebreaks); those
 * are mostly a mark between Han, and a kept scratch remembers the
 * library's answer for each short one (layout_lb_cached), which leaves
 * it a few per cent of them.  Decoding, the break flags and the fit take
 * runs of Han in tight loops; the class of other code points comes from
 * a small cache (layout_class).  The work arrays belong to the caller
 * (layout_prepare_with: the dump keeps one for all its stories, with its
 * caches) or to one layout_prepare call; the blocks of a story share
 * them, sized once for the largest, and one allocation for what they
 * keep.  No global state: threads may prepare stories at the same time,
 * each with its own scratch.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "cjk.h"
#include "layout.h"
#include "xmalloc.h"

/* brk[] flags, per display byte. */
#define LB_CLUSTER	0x01	/* a grapheme cluster starts here */
#define LB_OK		0x02	/* a line may break before this byte */
#define LB_WEAK		0x04	/* ... only if the unit around is too wide */
#define LB_FORCE	0x08	/* the line must break before this byte */
#define LB_SPACE	0x10	/* the cluster is a space: trimmed at line ends */
#define LB_RUN		0x20	/* inside a run kept whole */
#define LB_SEAM		0x40	/* in a run, where it is best cut when it
				   must be (after a range's dash, after an
				   interpunct) */
#define LB_BAD		0x80	/* a break here goes against clreq: before a
				   not-starter, after a not-ender, inside
				   —— or …… (or the decoration) */

#define LAYOUT_MAX_CLUSTER	6	/* cells; wider clusters are cut */

/* A unit kept on one line when it fits: bytes [start, end) of d. */
struct lunit {
	uint32_t	 start, end;
	uint32_t	 cells;
};

/* A style run: bytes [start, end) of d. */
struct lrun {
	uint32_t	 start, end;
	unsigned char	 style;		/* enum style */
	unsigned char	 sub;		/* enum stat_kind for STYLE_STAT */
};

/* From display byte d and joined byte j on, bytes correspond one to one
   up to the next segment (clamped there), or all map to this point. */
struct lseg {
	uint32_t	 d, j;
	uint32_t	 point;		/* collapsed to (d, j) */
};

/* One block, prepared. */
struct lblock {
	unsigned char	 style;		/* base style */
	unsigned char	 first, rest;	/* indent of first and other lines, cells */
	unsigned char	 center;	/* centre the lines */
	void		*mem;		/* a chunk holding the arrays below and
					   those of the next blocks, or NULL */
	char		*d;		/* display text, UTF-8 */
	uint32_t	 dlen;		/* bytes of d */
	size_t		 jlen;		/* bytes of the joined text */
	struct lseg	*segs;		/* display <-> joined offsets */
	size_t		 nsegs;
	unsigned char	*brk;		/* dlen LB_* flags */
	unsigned char	*cw;		/* dlen: cells of the cluster starting here */
	struct lunit	*units;		/* sorted, disjoint */
	size_t		 nunits;
	struct lrun	*runs;		/* cover d, sorted */
	size_t		 nruns;
	size_t		 cells;		/* total cells */
};

struct layout_prep {
	struct lblock	*b;		/* one per block of the story */
	size_t		 nb;
	size_t		 cells;		/* total cells, to size a layout */
	size_t		 lbbytes;	/* bytes whose breaks were asked (of
					   u8_possible_linebreaks or the cache,
					   layout_lb_cached) */
};

/* How each block kind is shown. */
static const struct {
	unsigned char	 style;
	unsigned char	 first, rest;	/* indents, cells */
	unsigned char	 center;
	const char	*decor;		/* prefix (box drawing, geometric shape) */
} layout_kinds[BLOCK__COUNT] = {
	[BLOCK_HEADLINE] =	{ STYLE_HEADLINE, 0, 0, 1, NULL },
	[BLOCK_KICKER] =	{ STYLE_KICKER, 0, 0, 1, NULL },
	[BLOCK_SUBTITLE] =	{ STYLE_SUBTITLE, 0, 0, 1, NULL },
	[BLOCK_BYLINE] =	{ STYLE_BYLINE, 0, 0, 0, NULL },
	[BLOCK_NOTE] =		{ STYLE_NOTE, 4, 0, 0, NULL },
	[BLOCK_LEAD] =		{ STYLE_LEAD, 4, 0, 0, NULL },
	[BLOCK_HEADING] =	{ STYLE_HEADING, 0, 2, 0, "\xe2\x96\xa0 " },	/* ■ */
	[BLOCK_PARAGRAPH] =	{ STYLE_TEXT, 4, 0, 0, NULL },
	[BLOCK_CAPTION] =	{ STYLE_CAPTION, 0, 2, 0, "\xe2\x96\xb2 " },	/* ▲ */
	[BLOCK_BANNER] =	{ STYLE_BANNER, 0, 0, 0, NULL },
};

/* Work arrays of one layout_prepare call, grown to its largest block
   and shared by its blocks.  cls[] holds cjk_class bits (below 0x10000)
   and these: */
#define LX_CHANGED	0x100000 /* shown as cp[k] (widened mark, tab) */
#define LX_DROP		0x80000	/* not shown (U+200B, newline, control) */
#define LX_PFORCE	0x40000	/* a forced break before it (newline) */
#define LX_POK		0x20000	/* a break allowed before it (U+200B) */
#define LX_HAN		0x10000	/* U+4E00-9FFF */
#define LX_HANCLS	(LX_HAN | CJK_WIDE | CJK_SIMPLE | CJK_IDEO) /* its class */
#define LCC_SLOTS	256	/* a power of two */
struct lscratch {
	void		*mem;		/* holds the arrays of code points */
	size_t		 cap;		/* code points */
	uint32_t	*cp;		/* joined code points */
	uint32_t	*off;		/* their joined offsets (cap + 1) */
	uint32_t	*cls;		/* their class and LX_* bits (cap + 1) */
	uint32_t	*sp;		/* indices of the code points that
					   layout_widen looks at, ascending */
	size_t		 nsp;
	uint32_t	*stack;		/* open brackets */
	size_t		 bcap;		/* bytes */
	char		*lb;		/* u8_possible_linebreaks / grapheme */
	struct lbcache	*lbc;		/* answers of u8_possible_linebreaks
					   (layout_lb_cached), or NULL */
	uint32_t	*hd;		/* display offsets of the statistics'
					   starts and ends, for phases 6 and 7 */
	size_t		 hdcap;		/* entries */
	void		*bk;		/* the statistics by block
					   (layout_bucket_hits) */
	size_t		 bkcap;		/* bytes */
	struct {
		uint32_t c1;		/* code point + 1 (0: empty) */
		uint32_t k;		/* its cjk_class */
	}		 ccache[LCC_SLOTS];	/* layout_class */
};

/* The answers of u8_possible_linebreaks for short stretches, by their
   bytes with every Han written as U+4E00: a story's stretches are mostly
   a mark between Han (文，中), the same few dozen patterns over and over,
   and libunistring spends some 60 instructions a byte on each.  Han
   U+4E00-9FFF are all alike to it (line break class ID, East Asian
   width W, not pictographic: the unit test checks every one in the
   library installed), so a stretch gives what its key gives.  Direct
   mapped by a hash of the key; a slot holds the last stretch that fell
   in it. */
#define LBC_BITS	10
#define LBC_SLOTS	(1u << LBC_BITS)
#define LBC_KEY		32		/* bytes of a key */
#define LBC_MAX		(LBC_KEY - 1)	/* bytes of the longest stretch kept */
struct lbslot {
	unsigned char	 key[LBC_KEY];	/* the stretch, its Han as U+4E00,
					   zeros, its length last (0: empty) */
	char		 brk[LBC_KEY];	/* u8_possible_linebreaks of it */
};
struct lbcache {
	struct lbslot	 slot[LBC_SLOTS];
};

/* Room for n code points and bytes bytes.  What the arrays held is not
   kept: each block fills them anew (the code points first, lb after). */
static void
lscratch_grow(struct lscratch *s, size_t n, size_t bytes)
{
	if (n > s->cap) {
		free(s->mem);
		s->cap = n + n / 2;
		s->mem = xreallocarray(NULL, s->cap + 1, 5 * sizeof(uint32_t));
		s->sp = s->mem;
		s->stack = s->sp + s->cap;
		s->cp = s->stack + s->cap;
		s->off = s->cp + s->cap;
		s->cls = s->off + s->cap + 1;
	}
	if (bytes > s->bcap) {
		free(s->lb);
		s->bcap = bytes + bytes / 2;
		/* and room for layout_lb_cached's whole answers */
		s->lb = xmalloc(s->bcap + LBC_MAX);
	}
}

static void
lscratch_free(struct lscratch *s)
{
	free(s->mem);
	free(s->lb);
	free(s->hd);
	free(s->bk);
	memset(s, 0, sizeof *s);
}

/* What a caller keeps (layout.h). */
struct layout_scratch {
	struct lscratch	 s;
	struct lbcache	*lbc;		/* kept for all its stories */
};
#define LAYOUT_SCRATCH_KEEP	65536	/* code points kept between calls */

struct layout_scratch *
layout_scratch_new(void)
{
	return xcalloc(1, sizeof(struct layout_scratch));
}

void
layout_scratch_free(struct layout_scratch *ls)
{
	if (ls == NULL)
		return;
	free(ls->lbc);
	lscratch_free(&ls->s);
	free(ls);
}

/* Cells of a code point of class k. */
static inline unsigned
layout_cells(unsigned k)
{
	if (k & CJK_WIDE)
		return 2;
	if (k & CJK_ZERO)
		return 0;
	return 1;
}

/* Is c a control character (dropped from the display)? */
static inline int
layout_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 ||
	    c == 0x2029;
}

/* cjk_class(c) from a small direct-mapped cache in the scratch: the few
   marks and letters between Han come back again and again, and a look-up
   here is a few instructions against a call.  The widths are those of
   the locale at the first look-up in the scratch, as cjk_class's own
   tables keep those of its first call: dubao sets its locale once. */
static inline unsigned
layout_class(struct lscratch *s, uint32_t c)
{
	unsigned i = c & (LCC_SLOTS - 1);

	if (s->ccache[i].c1 != c + 1) {
		s->ccache[i].c1 = c + 1;
		s->ccache[i].k = cjk_class(c);
	}
	return s->ccache[i].k;
}

/* Decode the joined text into s->cp/off/cls, noting in s->sp the code
   points layout_widen must look at; returns the count. */
static size_t
layout_decode(struct lscratch *s, const char *j, size_t jlen)
{
	const uint8_t	*p = (const uint8_t *)j, *e = p + jlen;
	uint32_t	*cp = s->cp, *off = s->off, *cls = s->cls;
	size_t		 n = 0;
	ucs4_t		 c;
	int		 l;

	s->nsp = 0;
	while (p < e) {
		/* Han, U+4E00-9FFF: E4 B8-BF .., E5-E9 .. .. (both trailing
		   bytes 10xxxxxx); a run of them in one loop, which decodes
		   first and then tests the code point (E4 80-B7 .. is below
		   U+4E00). */
		while (p + 2 < e) {
			uint32_t b0 = (uint32_t)p[0] - 0xE4,
			    b1 = (uint32_t)p[1] ^ 0x80, b2 = (uint32_t)p[2] ^ 0x80;

			if (b0 > 5 || ((b1 | b2) & 0xC0) != 0)
				break;
			c = ((b0 + 4) << 12) | (b1 << 6) | b2;
			if (c < 0x4E00)
				break;
			off[n] = (uint32_t)(p - (const uint8_t *)j);
			cp[n] = c;
			cls[n++] = LX_HANCLS;
			p += 3;
		}
		if (p >= e)
			break;
		off[n] = (uint32_t)(p - (const uint8_t *)j);
		if (*p < 0x80) {
			c = *p++;
			if (c < 0x40 && (c < 0x20 || c == ',' || c == ';' ||
			    c == ':' || c == '!' || c == '?' || c == '(' ||
			    c == ')'))
				s->sp[s->nsp++] = (uint32_t)n;
			else if (c == 0x7F)
				s->sp[s->nsp++] = (uint32_t)n;
		} else if ((*p & 0xF0) == 0xE0 && e - p >= 3 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
		    (*p != 0xE0 || p[1] >= 0xA0) && (*p != 0xED || p[1] < 0xA0)) {
			c = ((ucs4_t)(*p & 0x0F) << 12) |
			    ((ucs4_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			p += 3;
			if (c == 0x200B || c == 0x2028 || c == 0x2029)
				s->sp[s->nsp++] = (uint32_t)n;
		} else {
			l = u8_mbtouc(&c, p, (size_t)(e - p));
			p += l;
			if (c >= 0x80 && c < 0xA0)
				s->sp[s->nsp++] = (uint32_t)n;
		}
		cp[n] = c;
		cls[n] = layout_class(s, c);
		n++;
	}
	off[n] = (uint32_t)jlen;
	cls[n] = 0;
	return n;
}

/* Should code point c be dropped at the edges of a block? */
static inline int
layout_is_blank(uint32_t c, unsigned k)
{
	return (k & CJK_SPACE) || c == 0x200B || layout_is_control(c);
}

/* The entries of s->sp that lie in [lo, hi): sp[*a, *b) (sp ascends). */
static void
layout_sp_range(const struct lscratch *s, size_t lo, size_t hi, size_t *a,
    size_t *b)
{
	size_t	 i = 0;

	while (i < s->nsp && s->sp[i] < lo)
		i++;
	*a = i;
	while (i < s->nsp && s->sp[i] < hi)
		i++;
	*b = i;
}

/* Show code point k as c (a widened mark), keeping its break bits. */
static void
layout_show_as(struct lscratch *s, size_t k, uint32_t c)
{
	s->cp[k] = c;
	s->cls[k] = cjk_class(c) | LX_CHANGED |
	    (s->cls[k] & (LX_PFORCE | LX_POK));
}

/* Change what the code points of s->sp in [lo, hi) show as: drop
   controls and U+200B (leaving a break for the next one), tabs as
   spaces, and ASCII marks between Chinese characters full-width. */
static void
layout_widen(struct lscratch *s, size_t lo, size_t hi, unsigned flags)
{
	size_t	 a, b, i, k, o, nst = 0;
	uint32_t c, f;
	unsigned L, R, pend;

	layout_sp_range(s, lo, hi, &a, &b);
	for (i = a; i < b; i++) {
		k = s->sp[i];
		c = s->cp[k];
		pend = s->cls[k] & (LX_PFORCE | LX_POK);
		if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
			s->cls[k] |= LX_DROP;
			s->cls[k + 1] |= LX_PFORCE | pend;
		} else if (c == 0x200B) {
			s->cls[k] |= LX_DROP;
			s->cls[k + 1] |= LX_POK | pend;
		} else if (c == '\t') {
			s->cp[k] = ' ';
			s->cls[k] |= LX_CHANGED;
		} else if (layout_is_control(c)) {
			s->cls[k] |= LX_DROP;
			s->cls[k + 1] |= pend;
		}
	}
	if (flags & LAYOUT_RAW_PUNCT)
		return;
	/* Brackets: a matched ( ) around content that starts and ends
	   with a wide character, or with a wide character just outside:
	   计划(2022—2024)》 is set （2022—2024）. */
	for (i = a; i < b; i++) {
		k = s->sp[i];
		c = s->cp[k];
		if (c == '(') {
			s->stack[nst++] = (uint32_t)k;
		} else if (c == ')' && nst > 0) {
			o = s->stack[--nst];
			if (k > o + 1 && (((s->cls[o + 1] & CJK_WIDE) &&
			    (s->cls[k - 1] & CJK_WIDE)) ||
			    (o > lo && (s->cls[o - 1] & CJK_WIDE)) ||
			    (k + 1 < hi && (s->cls[k + 1] & CJK_WIDE)))) {
				layout_show_as(s, o, 0xFF08);
				layout_show_as(s, k, 0xFF09);
			}
		}
	}
	/* , ; : ! ? next to a wide character (or after a Chinese mark):
	   机制,2021年 is set 机制，2021年.  Never between two narrow
	   characters, so 1,000 8:30 A,B stay as they are. */
	for (i = a; i < b; i++) {
		k = s->sp[i];
		c = s->cp[k];
		if (c >= 0x80 || c == '(' || c == ')' ||
		    (f = cjk_fullwidth_punct(c)) == 0)
			continue;
		L = k > lo ? s->cls[k - 1] : 0;
		R = k + 1 < hi ? s->cls[k + 1] : 0;
		if ((L & (CJK_WIDE | CJK_CPUNCT)) || (R & CJK_WIDE))
			layout_show_as(s, k, f);
	}
}

/* Bytes of a UTF-8 character, by the high nibble of its lead byte. */
static const unsigned char layout_lead_len[16] = { 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 2, 2, 3, 4 };

/* Bytes of c in UTF-8. */
static inline unsigned
layout_u8len(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Encode c as UTF-8 at p; returns the length. */
static inline unsigned
layout_put(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xC0 | (c >> 6));
		p[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xE0 | (c >> 12));
		p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		p[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | (c >> 18));
	p[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	p[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	p[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Length in code points of an ASCII URL starting at k, or 0. */
static size_t
layout_url(const struct lscratch *s, size_t k, size_t lo, size_t hi)
{
	static const char *const pre[] = { "http://", "https://", "ftp://",
	    "www." };
	size_t	 i, j, e;

	if (k > lo && s->cp[k - 1] < 0x80 && (s->cls[k - 1] &
	    (CJK_LATIN | CJK_DIGIT)))
		return 0;
	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		for (j = 0; pre[i][j] != '\0'; j++)
			if (k + j >= hi || s->cp[k + j] != (unsigned char)pre[i][j])
				break;
		if (pre[i][j] == '\0')
			break;
	}
	if (i == sizeof pre / sizeof pre[0])
		return 0;
	for (e = k; e < hi && s->cp[e] > 0x20 && s->cp[e] < 0x7F &&
	    !(s->cls[e] & (LX_DROP | LX_CHANGED)); e++)
		;
	while (e > k && strchr(".,;:!?)]'\"", (int)s->cp[e - 1]) != NULL)
		e--;
	return e - k;
}

/* Display bytes of the n code points from k (widened marks count as
   shown, dropped ones not at all). */
static size_t
layout_dbytes(const struct lscratch *s, size_t k, size_t n)
{
	size_t	 b = 0, j;

	for (j = k; j < k + n; j++)
		if (s->cls[j] & LX_DROP)
			continue;
		else if (s->cls[j] & LX_CHANGED)
			b += layout_u8len(s->cp[j]);
		else
			b += s->off[j + 1] - s->off[j];
	return b;
}

/* Length in code points of a page-jump note starting at the "（" at k
   ((下转第二版), (上接第1版), (转第3版), (接A2版)), or 0: a note of at
   most 16 characters naming a 版, kept whole like a statistic. */
static size_t
layout_jump(const struct lscratch *s, size_t k, size_t hi)
{
	static const uint32_t first[] = { 0x4E0B, 0x4E0A, 0x8F6C, 0x63A5 };
	size_t	 i, e;
	int	 ban = 0;

	if (k + 3 >= hi)
		return 0;
	for (i = 0; i < sizeof first / sizeof first[0]; i++)
		if (s->cp[k + 1] == first[i])
			break;
	if (i == sizeof first / sizeof first[0])
		return 0;
	/* 下转 上接 need their second character; 转 接 stand alone. */
	if ((i == 0 && s->cp[k + 2] != 0x8F6C) ||
	    (i == 1 && s->cp[k + 2] != 0x63A5))
		return 0;
	for (e = k + 1; e < hi && e <= k + 16; e++) {
		if (s->cp[e] == 0x7248)		/* 版 */
			ban = 1;
		else if (s->cp[e] == 0xFF09 || s->cp[e] == ')')
			return ban ? e + 1 - k : 0;
		else if (s->cp[e] == 0xFF08 || s->cp[e] == '(' ||
		    s->cp[e] == 0x3002)
			return 0;
	}
	return 0;
}

/* Add a unit [a, b) of display bytes. */
static void
layout_add_unit(struct lblock *b, size_t *cap, uint32_t a, uint32_t e)
{
	if (e <= a)
		return;
	if (b->nunits == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		b->units = xreallocarray(b->units, *cap, sizeof *b->units);
	}
	b->units[b->nunits].start = a;
	b->units[b->nunits].end = e;
	b->units[b->nunits].cells = 0;
	b->nunits++;
}

static int
layout_unit_cmp(const void *a, const void *b)
{
	const struct lunit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Is display byte q of b the Han or kana after a number (the seam of
   layout_rule_number)?  Han and kana start with a byte of at least
   0xE3; most numbers end in an ASCII digit. */
static int
layout_number_at(const struct lblock *b, uint32_t q)
{
	const uint8_t	*d = (const uint8_t *)b->d;
	ucs4_t		 c, pc;

	if (q == 0 || d[q] < 0xE3)
		return 0;
	if (d[q - 1] < 0x80) {
		if (d[q - 1] < '0' || d[q - 1] > '9')
			return 0;
	} else if (u8_prev(&pc, d + q, d) == NULL ||
	    !(cjk_class(pc) & CJK_DIGIT))
		return 0;
	u8_mbtouc(&c, d + q, b->dlen - q);
	return (cjk_class(c) & CJK_IDEO) != 0;
}

/* Sort and merge the units, measure them and weaken the breaks inside;
   the seam of a number and its unit inside a statistic is no seam. */
static void
layout_units(struct lblock *b)
{
	size_t	 i, n = 0;
	uint32_t q;

	if (b->nunits == 0)
		return;
	/* Mostly found in order already (one URL or note, or statistics
	   alone): qsort only when not. */
	for (i = 1; i < b->nunits; i++)
		if (layout_unit_cmp(&b->units[i - 1], &b->units[i]) > 0)
			break;
	if (i < b->nunits)
		qsort(b->units, b->nunits, sizeof *b->units, layout_unit_cmp);
	for (i = 0; i < b->nunits; i++) {
		if (n > 0 && b->units[i].start < b->units[n - 1].end) {
			if (b->units[i].end > b->units[n - 1].end)
				b->units[n - 1].end = b->units[i].end;
		} else
			b->units[n++] = b->units[i];
	}
	b->nunits = n;
	for (i = 0; i < n; i++) {
		struct lunit *u = &b->units[i];

		u->cells = 0;
		for (q = u->start; q < u->end; q++) {
			if (!(b->brk[q] & LB_CLUSTER))
				continue;
			u->cells += b->cw[q];
			if (q == u->start)
				continue;
			b->brk[q] |= LB_RUN;
			if (b->brk[q] & LB_OK)
				b->brk[q] = (unsigned char)((b->brk[q] & ~LB_OK) |
				    LB_WEAK);
			if ((b->brk[q] & LB_SEAM) && layout_number_at(b, q))
				b->brk[q] &= ~LB_SEAM;	/* 11678|人次 */
		}
	}
}

/* Append a style run, merging with the previous one. */
static void
layout_add_run(struct lblock *b, size_t *cap, uint32_t a, uint32_t e,
    unsigned style, unsigned sub)
{
	struct lrun *r;

	if (e <= a)
		return;
	if (b->nruns > 0) {
		r = &b->runs[b->nruns - 1];
		if (r->style == style && r->sub == sub && r->end == a) {
			r->end = e;
			return;
		}
	}
	if (b->nruns == *cap)
		abort();	/* layout_prepare_block allocates enough */
	r = &b->runs[b->nruns++];
	r->start = a;
	r->end = e;
	r->style = (unsigned char)style;
	r->sub = (unsigned char)sub;
}

/* Runs for [a, e) outside statistics: base style, dateline in [da, de). */
static void
layout_gap_runs(struct lblock *b, size_t *cap, uint32_t a, uint32_t e,
    uint32_t da, uint32_t de)
{
	uint32_t x, y;

	if (e <= a)
		return;
	x = da > a ? (da < e ? da : e) : a;
	y = de > a ? (de < e ? de : e) : a;
	if (y <= x) {
		layout_add_run(b, cap, a, e, b->style, 0);
		return;
	}
	layout_add_run(b, cap, a, x, b->style, 0);
	layout_add_run(b, cap, x, y, STYLE_DATELINE, 0);
	layout_add_run(b, cap, y, e, b->style, 0);
}

static int
layout_hit_cmp(const void *a, const void *b)
{
	const struct stat_hit *const *x = a, *const *y = b;

	if ((*x)->start != (*y)->start)
		return (*x)->start < (*y)->start ? -1 : 1;
	return (*x)->end < (*y)->end ? -1 : (*x)->end > (*y)->end;
}

/* The display offset of joined offset j (clamped). */
static uint32_t
layout_j2d(const struct lblock *b, size_t j)
{
	size_t	 lo = 0, hi = b->nsegs, mid;
	uint32_t d;

	if (b->nsegs == 0)
		return 0;
	if (j >= b->jlen)
		return b->dlen;
	while (hi - lo > 1) {	/* the last segment with .j <= j */
		mid = lo + (hi - lo) / 2;
		if (b->segs[mid].j <= j)
			lo = mid;
		else
			hi = mid;
	}
	if (b->segs[lo].point || j < b->segs[lo].j)
		return b->segs[lo].d;
	d = b->segs[lo].d + (uint32_t)(j - b->segs[lo].j);
	if (lo + 1 < b->nsegs && d > b->segs[lo + 1].d)
		d = b->segs[lo + 1].d;
	return d;
}

/* The joined offset of display offset o (a character start). */
static size_t
layout_d2j(const struct lblock *b, uint32_t o)
{
	size_t	 lo = 0, hi = b->nsegs, mid, j;

	if (o >= b->dlen || b->nsegs == 0)
		return b->jlen;
	while (hi - lo > 1) {	/* the last segment with .d <= o */
		mid = lo + (hi - lo) / 2;
		if (b->segs[mid].d <= o)
			lo = mid;
		else
			hi = mid;
	}
	if (b->segs[lo].point || o < b->segs[lo].d)
		return b->segs[lo].j;
	j = b->segs[lo].j + (o - b->segs[lo].d);
	if (lo + 1 < b->nsegs && j > b->segs[lo + 1].j)
		j = b->segs[lo + 1].j;
	return j;
}

/* Append a segment. */
static void
layout_seg(struct lblock *b, size_t *n, uint32_t d, uint32_t j, int point)
{
	b->segs[*n].d = d;
	b->segs[*n].j = j;
	b->segs[*n].point = (uint32_t)point;
	(*n)++;
}

/* Is the UTF-8 character at p Han (U+4E00-9FFF)? */
static inline int
layout_is_han8(const unsigned char *p)
{
	return (p[0] >= 0xE5 && p[0] <= 0xE9) || (p[0] == 0xE4 && p[1] >= 0xB8);
}

/* u8_possible_linebreaks(u, n, "UTF-8", lb), from the cache c when it
   holds the stretch (see struct lbcache), else computed and kept there.
   A Han in the key is a whole well-formed three-byte sequence (a lead
   byte of those is no continuation byte, so no malformed sequence
   before it can take it in): what libunistring decodes there is a Han
   whatever the bytes around.  Keys and answers are moved whole (fixed
   sizes, no calls), so this may write lb[n, LBC_MAX) too: lscratch_grow
   leaves room, and nothing has been computed there yet. */
static void
layout_lb_cached(struct lbcache *c, const unsigned char *u, uint32_t n,
    char *lb)
{
	struct lbslot	*sl;
	unsigned char	 key[LBC_KEY];
	uint64_t	 w[4];
	uint32_t	 z, l;

	if (c == NULL || n > LBC_MAX) {
		u8_possible_linebreaks(u, n, "UTF-8", lb);
		return;
	}
	memset(key, 0, sizeof key);
	memcpy(key, u, n);
	key[LBC_MAX] = (unsigned char)n;
	for (z = 0; z < n; z += l) {
		l = layout_lead_len[u[z] >> 4];
		if (l == 3 && z + 2 < n && layout_is_han8(u + z) &&
		    (((u[z + 1] ^ 0x80) | (u[z + 2] ^ 0x80)) & 0xC0) == 0)
			memcpy(key + z, "\xe4\xb8\x80", 3);	/* U+4E00 */
	}
	memcpy(w, key, sizeof w);
	w[0] = (w[0] * 0x9E3779B97F4A7C15u) ^ (w[1] * 0xC2B2AE3D27D4EB4Fu) ^
	    (w[2] * 0x165667B19E3779F9u) ^ (w[3] * 0x27D4EB2F165667C5u);
	sl = &c->slot[(w[0] >> (64 - LBC_BITS)) & ~1u];
	if (memcmp(sl->key, key, LBC_KEY) == 0) {
		memcpy(lb, sl->brk, LBC_MAX);
		return;
	}
	if (memcmp(sl[1].key, key, LBC_KEY) == 0) {
		memcpy(lb, sl[1].brk, LBC_MAX);
		return;
	}
	u8_possible_linebreaks(u, n, "UTF-8", lb);
	sl[1] = sl[0];		/* the older of the pair goes */
	memcpy(sl->key, key, LBC_KEY);
	memcpy(sl->brk, lb, n);	/* what follows: zeros, or older answers */
}

/* u8_possible_linebreaks of d[0, dlen) into lb, for the stretch from cut
   (0 or a Han character after a Han character) to the next Han after Han
   past o; returns where that stretch ends.  UAX #14 allows a break
   between two Han (ID ÷ ID), and what the algorithm decides after a Han
   does not depend on what came before it: libunistring keeps the
   classes of the last character and of the last one not a space, and
   both are ID there.  So the stretches give what one call on the whole
   text would, and runs of Han need no call. */
static uint32_t
layout_linebreaks(struct lbcache *c, const char *d, uint32_t dlen,
    uint32_t cut, uint32_t o, char *lb)
{
	const unsigned char *u = (const unsigned char *)d;
	uint32_t e = o;
	int	 han = 0, h;

	while (e < dlen) {
		h = u[e] >= 0xE4 && u[e] <= 0xE9 && e + 2 < dlen &&
		    layout_is_han8(u + e);
		if (h && han && e > o)
			break;
		han = h;
		e += layout_lead_len[u[e] >> 4];
	}
	if (e > dlen)
		e = dlen;
	layout_lb_cached(c, u + cut, e - cut, lb + cut);
	if (cut > 0)
		lb[cut] = UC_BREAK_POSSIBLE;
	return e;
}

/* Memory for the arrays of the blocks of a story: chunks, each sized for
   the blocks still to come (want bytes), usually one per story. */
struct larena {
	char		*p;
	size_t		 left;
	size_t		 want;
};

static void *
larena_alloc(struct larena *a, struct lblock *b, size_t size)
{
	void	*r;

	size = (size + 7) & ~(size_t)7;
	if (size > a->left) {
		a->left = size + a->want;
		a->p = b->mem = xmalloc(a->left);
	}
	r = a->p;
	a->p += size;
	a->left -= size;
	return r;
}

/* One block to prepare, as layout_prepare hands it to the phases below. */
struct lsrc {
	const char		 *j;		/* joined text */
	size_t			  jlen;
	enum block_kind		  kind;
	const struct range	 *dateline;	/* joined offsets, or NULL */
	const struct stat_hit	**hits;		/* of this block, by offset */
	size_t			  nhits;
	unsigned		  flags;	/* LAYOUT_* */
};

/* One block's preparation: what its phases share. */
struct lwork {
	struct lblock		*b;		/* being built */
	struct lscratch		*s;		/* the caller's work arrays */
	struct larena		*a;		/* the story's memory */
	const struct lsrc	*src;
	const char		*decor;		/* prefix, or NULL */
	uint32_t		 decorlen;	/* its bytes */
	size_t			 lo, hi;	/* code points shown: [lo, hi) */
	size_t			 ucap;		/* units allocated */
	size_t			 rcap;		/* runs allocated */
	int			 complex;	/* a code point not CJK_SIMPLE */
	size_t			 lbbytes;	/* breaks asked (libunistring
						   or layout_lb_cached) */
};

/* Phase 1, styles: how a block of its kind is shown. */
static void
layout_block_style(struct lwork *w)
{
	struct lblock	*b = w->b;
	unsigned	 kind = (unsigned)w->src->kind;

	w->decor = NULL;
	if (kind < BLOCK__COUNT) {
		b->style = layout_kinds[kind].style;
		b->first = layout_kinds[kind].first;
		b->rest = layout_kinds[kind].rest;
		b->center = layout_kinds[kind].center;
		w->decor = layout_kinds[kind].decor;
	} else
		b->style = STYLE_TEXT;
	w->decorlen = w->decor != NULL ? (uint32_t)strlen(w->decor) : 0;
}

/* Phase 2, the code points shown: the joined text decoded into the
   scratch, its blank edges stripped, controls dropped and marks widened
   (layout_widen).  Returns 0 when nothing is shown. */
static int
layout_code_points(struct lwork *w)
{
	struct lscratch	*s = w->s;
	size_t		 n, lo, hi;

	w->b->jlen = w->src->jlen;
	lscratch_grow(s, w->src->jlen + 1, 0);
	n = layout_decode(s, w->src->j, w->src->jlen);
	for (lo = 0; lo < n && layout_is_blank(s->cp[lo], s->cls[lo]); lo++)
		;
	for (hi = n; hi > lo && layout_is_blank(s->cp[hi - 1],
	    s->cls[hi - 1]); hi--)
		;
	w->lo = lo;
	w->hi = hi;
	if (lo == hi)
		return 0;
	if (s->nsp > 0)
		layout_widen(s, lo, hi, w->src->flags);
	return 1;
}

/* Phase 3, the display bytes and the offset map: d[] holds the
   decoration and the code points shown (widened marks re-encoded,
   dropped ones left out); the segments map display bytes to joined ones
   where they correspond one to one, or collapse to a point (decoration,
   stripped or dropped characters, changed marks).  One arena allocation
   holds the segments, the runs (4 per statistic, 4 more at most: see
   layout_style_runs), the bytes, their flags and their cells. */
static void
layout_display(struct lwork *w)
{
	struct lblock	*b = w->b;
	struct lscratch	*s = w->s;
	const char	*j = w->src->j;
	size_t		 i, k, nseg, lo = w->lo, hi = w->hi, a, z;
	uint32_t	 dlen, o, src, decorlen = w->decorlen;

	layout_sp_range(s, lo, hi, &a, &z);
	dlen = decorlen + s->off[hi] - s->off[lo];
	for (i = a; i < z; i++) {
		k = s->sp[i];
		if (s->cls[k] & LX_DROP)
			dlen -= s->off[k + 1] - s->off[k];
		else if (s->cls[k] & LX_CHANGED)
			dlen += layout_u8len(s->cp[k]) -
			    (s->off[k + 1] - s->off[k]);
	}
	b->dlen = dlen;
	nseg = 2 * s->nsp + 4;
	w->rcap = 4 * w->src->nhits + 4;
	b->segs = larena_alloc(w->a, b, nseg * sizeof *b->segs +
	    w->rcap * sizeof *b->runs + (size_t)(dlen + 1) * 3);
	b->runs = (struct lrun *)(b->segs + nseg);
	b->d = (char *)(b->runs + w->rcap);
	b->brk = (unsigned char *)b->d + dlen + 1;
	b->cw = b->brk + dlen + 1;

	nseg = 0;
	if (decorlen > 0) {
		memcpy(b->d, w->decor, decorlen);
		layout_seg(b, &nseg, 0, 0, 1);
	}
	if (s->off[lo] > 0)
		layout_seg(b, &nseg, decorlen, 0, 1);
	o = decorlen;
	src = s->off[lo];
	layout_seg(b, &nseg, o, src, 0);
	for (i = a; i < z; i++) {
		if (!(s->cls[k = s->sp[i]] & (LX_DROP | LX_CHANGED)))
			continue;
		memcpy(b->d + o, j + src, s->off[k] - src);
		o += s->off[k] - src;
		if (s->cls[k] & LX_CHANGED) {
			layout_seg(b, &nseg, o, s->off[k], 1);
			o += layout_put(b->d + o, s->cp[k]);
		}
		src = s->off[k + 1];
		layout_seg(b, &nseg, o, src, 0);
	}
	memcpy(b->d + o, j + src, s->off[hi] - src);
	layout_seg(b, &nseg, dlen, s->off[hi], 1);
	b->d[dlen] = '\0';
	b->nsegs = nseg;
}

/*
 * The clreq rules, as named predicates (dubao-layout(7), "Where a line
 * may break";
 * clreq "Prohibition Rules for Line Start and Line End" and "... for
 * Unbreakable Marks").  pc is the code point before c, kb and kb2 the
 * classes (cjk_class and LX_* bits) of the one before c and the one
 * before that, kc the class of c.
 */

/* Inside a pair of marks that make one: —— …… ⋯⋯ ⸺⸺ (clreq's
   unbreakable marks). */
static inline int
layout_rule_pair(uint32_t pc, uint32_t c)
{
	return pc == c && (c == 0x2014 || c == 0x2026 || c == 0x22EF ||
	    c == 0x2E3A);
}

/* A run kept whole: a pair of marks, two digits or two Latin letters (of
   any width), unless a U+200B stood between. */
static inline int
layout_rule_run(uint32_t pc, uint32_t c, unsigned kb, unsigned kc)
{
	return (layout_rule_pair(pc, c) ||
	    (kb & kc & (CJK_DIGIT | CJK_LATIN))) && !(kc & LX_POK);
}

/* A number stays with the Han or kana right after it, whatever the unit
   (5000株, 第41條, 1.4万亿斤, 54カ所), unless a U+200B stood between. */
static inline int
layout_rule_number(unsigned kb, unsigned kc)
{
	return (kb & CJK_DIGIT) && (kc & CJK_IDEO) && !(kc & LX_POK);
}

/* Kept whole too: a range, digit connector digit (2022—2024, 5～10), and
   an interpunct between wide characters (比尔·盖茨). */
static inline int
layout_rule_joined(unsigned kb2, unsigned kb, unsigned kc)
{
	return ((kc & CJK_DIGIT) && (kb & CJK_CONNECT) && (kb2 & CJK_DIGIT)) ||
	    ((kb & CJK_WIDE) && (kc & CJK_INTERP)) ||
	    ((kb & CJK_INTERP) && (kc & CJK_WIDE) && (kb2 & CJK_WIDE));
}

/* Where a run or a unit is best cut when it is wider than a line: after
   the dash of a range (2022—|2024), after an interpunct (比尔·|盖茨),
   after the separator of a number or date (2019.|10.|18, 1,|000). */
static inline int
layout_rule_seam(unsigned kb2, unsigned kb, unsigned kc)
{
	return ((kc & CJK_DIGIT) && (kb2 & CJK_DIGIT) &&
	    (kb & (CJK_CONNECT | CJK_NUMSEP))) ||
	    ((kb & CJK_INTERP) && (kc & CJK_WIDE) && (kb2 & CJK_WIDE));
}

/* c may not start a line (cjk_no_start); but a two-em dash, — followed
   by — (the next code point shown from k + 1 on), may. */
static inline int
layout_rule_no_start(const struct lscratch *s, size_t k, size_t hi,
    uint32_t c, unsigned kc)
{
	size_t	 i;

	if (!(kc & CJK_NOSTART))
		return 0;
	if (c != 0x2014)
		return 1;
	for (i = k + 1; i < hi; i++)
		if (!(s->cls[i] & LX_DROP))
			return s->cp[i] != 0x2014;
	return 1;
}

/* The code point before may not end a line (cjk_no_end), nor the last
   one before spaces (the line would end with it once they are trimmed):
   kb is the class of the one before, kns of the last one not a space. */
static inline int
layout_rule_no_end(unsigned kb, unsigned kns)
{
	return (kb & CJK_NOEND) || ((kb & CJK_SPACE) && (kns & CJK_NOEND));
}

/* Would the next line start with a not-starter if it broke before the
   space at k (the next line starts after the spaces)? */
static int
layout_rule_space_no_start(const struct lscratch *s, size_t k, size_t hi)
{
	size_t	 i;

	for (i = k + 1; i < hi; i++)
		if (!(s->cls[i] & (LX_DROP | CJK_SPACE)))
			return layout_rule_no_start(s, i, hi, s->cp[i],
			    s->cls[i]);
	return 0;
}

/* Where UAX #14 forbids it, a break is allowed before “ ‘ after a wide
   character, and after ” ’ before one (what Unicode 16's LB19a and ICU's
   Chinese tailoring do). */
static inline int
layout_rule_quote(unsigned kb, unsigned kc)
{
	return ((kc & CJK_OQUOTE) && (kb & CJK_WIDE)) ||
	    ((kb & CJK_CQUOTE) && (kc & CJK_WIDE));
}

/* Where the walk of phase 4 is: the code points shown before. */
struct lwalk {
	uint32_t	 o;		/* display offset of the next one */
	uint32_t	 pc;		/* the code point before */
	unsigned	 kb, kb2;	/* its class, the one before's */
	unsigned	 kns;		/* the class of the last not a space */
	uint32_t	 cut;		/* where a Han after Han starts the
					   next linebreaks stretch */
	uint32_t	 lbdone;	/* linebreaks known up to here */
	int		 havep;		/* one came before (a break may) */
};

/* The LB_OK, LB_RUN, LB_SEAM, LB_BAD and LB_FORCE flags of the break
   before code point k (c, class kc) at display offset wk->o: UAX #14's
   answer, tailored. */
static inline unsigned
layout_tailor(struct lwork *w, struct lwalk *wk, size_t k, uint32_t c,
    unsigned kc)
{
	struct lscratch	*s = w->s;
	struct lblock	*b = w->b;
	unsigned	 f = 0, p;
	int		 rule = 0, bad;

	if (wk->o >= wk->lbdone) {
		wk->lbdone = layout_linebreaks(s->lbc, b->d, b->dlen, wk->cut,
		    wk->o, s->lb);
		w->lbbytes += wk->lbdone - wk->cut;
	}
	p = (unsigned char)s->lb[wk->o];
	if (p == UC_BREAK_POSSIBLE || p == UC_BREAK_MANDATORY ||
	    (kc & LX_POK))
		f |= LB_OK;
	if (layout_rule_run(wk->pc, c, wk->kb, kc) ||
	    layout_rule_joined(wk->kb2, wk->kb, kc) ||
	    layout_rule_number(wk->kb, kc)) {
		f |= LB_RUN;
		rule = 1;
	}
	bad = layout_rule_no_start(s, k, w->hi, c, kc) ||
	    layout_rule_no_end(wk->kb, wk->kns) ||
	    ((kc & CJK_SPACE) && layout_rule_space_no_start(s, k, w->hi));
	if (bad)
		rule = 1;
	if (rule)
		f &= ~LB_OK;
	else if (p == UC_BREAK_PROHIBITED && layout_rule_quote(wk->kb, kc))
		f |= LB_OK;
	if (bad || layout_rule_pair(wk->pc, c))
		f |= LB_BAD;
	else if (layout_rule_seam(wk->kb2, wk->kb, kc) ||
	    layout_rule_number(wk->kb, kc))
		f |= LB_SEAM;
	if (kc & LX_PFORCE)
		f |= LB_FORCE;
	return f;
}

/* Units kept whole that start at code point k (c), display offset o: a
   URL, a page-jump note. */
static void
layout_units_at(struct lwork *w, size_t k, uint32_t c, uint32_t o)
{
	size_t	 ul;

	if ((c == 'h' || c == 'w' || c == 'f') &&
	    (ul = layout_url(w->s, k, w->lo, w->hi)) > 0)
		layout_add_unit(w->b, &w->ucap, o, o + layout_dbytes(w->s, k,
		    ul));
	if (c == 0xFF08 && (ul = layout_jump(w->s, k, w->hi)) > 0)
		layout_add_unit(w->b, &w->ucap, o, o + layout_dbytes(w->s, k,
		    ul));
}

/* The decoration: one cluster per code point, kept with the text. */
static uint32_t
layout_decor_flags(struct lwork *w)
{
	struct lblock	*b = w->b;
	uint32_t	 o, len;
	unsigned	 kc;
	ucs4_t		 dc;

	for (o = 0; o < w->decorlen; o += len) {
		len = (uint32_t)u8_mbtouc(&dc, (const uint8_t *)b->d + o,
		    w->decorlen - o);
		kc = cjk_class(dc);
		b->brk[o] = (unsigned char)(LB_CLUSTER |
		    (o > 0 ? LB_RUN | LB_BAD : 0) |
		    (kc & CJK_SPACE ? LB_SPACE : 0));
		b->cw[o] = (unsigned char)layout_cells(kc);
		b->cells += b->cw[o];
	}
	return o;
}

/* A run of Han after Han from code point k: a break before each (UAX #14
   ID ÷ ID), and no tailoring applies.  Returns the code point after. */
static size_t
layout_han_run(struct lwork *w, struct lwalk *wk, size_t k)
{
	struct lblock	*b = w->b;
	const uint32_t	*cls = w->s->cls;
	/* in locals: a byte stored through brk or cw could be any of
	   these to the compiler, which would load them again each time */
	unsigned char	*brk = b->brk, *cw = b->cw;
	size_t		 k0 = k, hi = w->hi;
	uint32_t	 o = wk->o;

	do {
		brk[o] = LB_CLUSTER | LB_OK;
		cw[o] = 2;
		o += 3;
	} while (++k < hi && cls[k] == LX_HANCLS);
	b->cells += 2 * (k - k0);
	wk->o = o;
	wk->cut = o - 3;
	wk->kb2 = k - k0 > 1 ? LX_HANCLS : wk->kb;
	wk->kb = wk->kns = LX_HANCLS;
	wk->pc = w->s->cp[k - 1];
	return k;
}

/* Phase 4, break flags: per display byte, a cluster start, its cells,
   and whether a line may break before it (layout_tailor), must (a
   newline), or may only if the unit around is too wide (a URL or a
   page-jump note found here; statistics in phase 6). */
static void
layout_break_flags(struct lwork *w)
{
	struct lblock	*b = w->b;
	struct lscratch	*s = w->s;
	struct lwalk	 wk;
	size_t		 k, hi = w->hi;
	uint32_t	 c, len, o;
	unsigned	 kc, f, cells;
	/* in locals: a byte stored through brk or cw could be any of
	   these to the compiler (see layout_han_run) */
	unsigned char	*brk, *cw;
	const uint32_t	*cls = s->cls, *cp = s->cp, *off = s->off;

	lscratch_grow(s, 0, b->dlen + 1);
	brk = b->brk;
	cw = b->cw;
	memset(brk, 0, b->dlen);
	memset(&wk, 0, sizeof wk);
	wk.o = layout_decor_flags(w);
	for (k = w->lo; k < hi; ) {
		kc = cls[k];
		if (kc == LX_HANCLS && (wk.kb & LX_HAN)) {
			k = layout_han_run(w, &wk, k);
			continue;
		}
		if (kc & LX_DROP) {
			k++;
			continue;
		}
		c = cp[k];
		o = wk.o;
		if ((kc & LX_HAN) && (wk.kb & LX_HAN))
			wk.cut = o;	/* after a dropped U+200B or newline */
		cells = layout_cells(kc);
		f = LB_CLUSTER;
		if (!(kc & CJK_SIMPLE))
			w->complex = 1;
		if (kc & CJK_SPACE)
			f |= LB_SPACE;
		cw[o] = (unsigned char)cells;
		b->cells += cells;
		len = kc & LX_CHANGED ? layout_u8len(c) : off[k + 1] - off[k];
		layout_units_at(w, k, c, o);
		if (wk.havep)
			f |= layout_tailor(w, &wk, k, c, kc);
		else if (w->decorlen > 0)
			f |= LB_RUN | LB_BAD;
		brk[o] = (unsigned char)f;
		wk.havep = 1;
		wk.pc = c;
		wk.kb2 = wk.kb;
		wk.kb = kc;
		if (!(kc & CJK_SPACE))
			wk.kns = kc;
		wk.o = o + len;
		k++;
	}
}

/* Phase 5, cluster merging: clusters of several code points (combining
   marks, emoji sequences) get one width and one flag, at most
   LAYOUT_MAX_CLUSTER cells wide.  Only when a code point was not
   CJK_SIMPLE. */
static void
layout_merge_clusters(struct lwork *w)
{
	struct lblock	*b = w->b;
	char		*gb = w->s->lb;
	uint32_t	 o, cur = 0;

	if (!w->complex)
		return;
	u8_grapheme_breaks((const uint8_t *)b->d, b->dlen, gb);
	for (o = 0; o < b->dlen; o++) {
		if (!(b->brk[o] & LB_CLUSTER))
			continue;
		if (o == 0 || gb[o] || (b->brk[o] & LB_FORCE) ||
		    b->cw[cur] + b->cw[o] > LAYOUT_MAX_CLUSTER) {
			cur = o;
			continue;
		}
		b->cw[cur] = (unsigned char)(b->cw[cur] + b->cw[o]);
		b->brk[cur] &= ~LB_SPACE;
		b->brk[o] = 0;
	}
}

/* Phase 6, units: the statistics join the URLs and notes of phase 4;
   then they are merged, measured and the breaks inside them weakened
   (layout_units). */
static void
layout_stat_units(struct lwork *w)
{
	struct lscratch	*s = w->s;
	size_t		 i, n = w->src->nhits;
	uint32_t	*hd;

	if (2 * n > s->hdcap) {
		free(s->hd);
		s->hdcap = 4 * n;
		s->hd = xreallocarray(NULL, s->hdcap, sizeof *s->hd);
	}
	hd = s->hd;
	for (i = 0; i < n; i++) {
		hd[2 * i] = layout_j2d(w->b, w->src->hits[i]->start);
		hd[2 * i + 1] = layout_j2d(w->b, w->src->hits[i]->end);
		layout_add_unit(w->b, &w->ucap, hd[2 * i], hd[2 * i + 1]);
	}
	layout_units(w->b);
}

/* Phase 7, style runs: decoration, then statistics over the dateline
   over the base style. */
static void
layout_style_runs(struct lwork *w)
{
	struct lblock		*b = w->b;
	const struct range	*dl = w->src->dateline;
	uint32_t		 da = 0, de = 0, q, ha, he;
	size_t			 i;

	if (dl != NULL && dl->end > dl->start) {
		da = layout_j2d(b, dl->start);
		de = layout_j2d(b, dl->end);
	}
	layout_add_run(b, &w->rcap, 0, w->decorlen, STYLE_DECOR, 0);
	q = w->decorlen;
	for (i = 0; i < w->src->nhits; i++) {
		ha = w->s->hd[2 * i];	/* by layout_stat_units */
		he = w->s->hd[2 * i + 1];
		if (ha < q)
			ha = q;
		if (he <= ha)
			continue;
		layout_gap_runs(b, &w->rcap, q, ha, da, de);
		layout_add_run(b, &w->rcap, ha, he, STYLE_STAT,
		    (unsigned)w->src->hits[i]->kind);
		q = he;
	}
	layout_gap_runs(b, &w->rcap, q, b->dlen, da, de);
}

/* Build the display text of a block and everything fit needs, phase by
   phase; s is scratch the caller owns, a the story's memory.  Returns
   the bytes handed to u8_possible_linebreaks. */
static size_t
layout_prepare_block(struct lblock *b, struct lscratch *s, struct larena *a,
    const struct lsrc *src)
{
	struct lwork	 w;

	memset(&w, 0, sizeof w);
	w.b = b;
	w.s = s;
	w.a = a;
	w.src = src;
	layout_block_style(&w);
	if (!layout_code_points(&w))
		return 0;
	layout_display(&w);
	layout_break_flags(&w);
	layout_merge_clusters(&w);
	layout_stat_units(&w);
	layout_style_runs(&w);
	return w.lbbytes;
}

/* The hits of a story bucketed by block, each bucket sorted by offset:
   block bi's are (*bh)[bstart[bi] .. bstart[bi + 1]).  Hits of no block
   or empty are left out.  Both arrays are in the scratch (s->bk, grown
   as needed: no allocation per story), zeroed first. */
static void
layout_bucket_hits(struct lscratch *s, const struct stat_hit *hits,
    size_t nhits, size_t nb, const struct stat_hit ***bhp, size_t **bstartp)
{
	const struct stat_hit	**bh;
	size_t			 *bstart, *fill, i, bi, nh, need;

	need = (2 * nb + 1) * sizeof *bstart + (nhits + 1) * sizeof *bh;
	if (need > s->bkcap) {
		free(s->bk);
		s->bkcap = need + need / 2;
		s->bk = xmalloc(s->bkcap);
	}
	memset(s->bk, 0, need);
	bstart = s->bk;		/* and fill */
	fill = bstart + nb + 1;
	bh = (const struct stat_hit **)(bstart + 2 * nb + 1);
	for (i = 0; i < nhits; i++)
		if (hits[i].block < nb && hits[i].end > hits[i].start)
			bstart[hits[i].block + 1]++;
	for (bi = 0; bi < nb; bi++)
		bstart[bi + 1] += bstart[bi];
	for (i = 0; i < nhits; i++)
		if (hits[i].block < nb && hits[i].end > hits[i].start)
			bh[bstart[hits[i].block] + fill[hits[i].block]++] =
			    &hits[i];
	for (bi = 0; bi < nb; bi++) {
		nh = bstart[bi + 1] - bstart[bi];
		for (i = 1; i < nh; i++)
			if (layout_hit_cmp(&bh[bstart[bi] + i - 1],
			    &bh[bstart[bi] + i]) > 0)
				break;
		if (i < nh)
			qsort(bh + bstart[bi], nh, sizeof *bh, layout_hit_cmp);
	}
	*bhp = bh;
	*bstartp = bstart;
}

/* What the blocks of a story will take, about: 4 bytes per source byte
   (text, flags, cells, a widened mark now and then), segments and runs;
   *most: the source bytes of its largest block. */
static size_t
layout_story_bytes(const struct story *st, size_t nhits, size_t *most)
{
	const struct range *r;
	size_t	 bi, pi, want = 0, n;

	*most = 0;
	for (bi = 0; bi < st->nblocks; bi++) {
		n = 0;
		for (pi = 0; pi < st->blocks[bi].npieces; pi++) {
			r = &st->blocks[bi].pieces[pi];
			if (r->end > r->start)
				n += r->end - r->start;
		}
		want += 4 * n;
		if (n > *most)
			*most = n;
	}
	return want + 160 * st->nblocks + 48 * nhits;
}

/* Prepare a story for layout_fit, with work arrays of its own. */
struct layout_prep *
layout_prepare(const struct page *pg, const struct story *st,
    const struct stat_hit *hits, size_t nhits, unsigned flags)
{
	return layout_prepare_with(NULL, pg, st, hits, nhits, flags);
}

/* Prepare a story for layout_fit.  The work arrays are the caller's
   (ls), or this call's, shared by its blocks. */
struct layout_prep *
layout_prepare_with(struct layout_scratch *ls, const struct page *pg,
    const struct story *st, const struct stat_hit *hits, size_t nhits,
    unsigned flags)
{
	struct layout_prep	 *lp;
	struct layout_scratch	  own;
	struct lscratch		 *s;
	struct larena		  a = { NULL, 0, 0 };
	struct lsrc		  src;
	const struct stat_hit	**bh;
	const struct block	 *bl;
	size_t			 *bstart, bi, most;
	char			 *jfree;

	/* the blocks in the same allocation */
	bi = st != NULL ? st->nblocks : 0;
	lp = xcalloc(1, sizeof *lp + bi * sizeof *lp->b);
	if (bi == 0)
		return lp;
	if (ls == NULL) {
		memset(&own, 0, sizeof own);
		ls = &own;
	} else if (ls->lbc == NULL)
		ls->lbc = xcalloc(1, sizeof *ls->lbc);
	s = &ls->s;
	s->lbc = ls->lbc;	/* none for a call's own */
	lp->nb = st->nblocks;
	lp->b = (struct lblock *)(lp + 1);
	a.want = layout_story_bytes(st, nhits, &most);
	lscratch_grow(s, most + 1, most + 16);	/* once, mostly */
	layout_bucket_hits(s, hits, nhits, lp->nb, &bh, &bstart);
	for (bi = 0; bi < lp->nb; bi++) {
		bl = &st->blocks[bi];
		memset(&src, 0, sizeof src);
		if (bl->npieces == 1 &&
		    bl->pieces[0].end >= bl->pieces[0].start) {
			/* The joined text of one piece is the piece. */
			src.j = pg->text->buf + bl->pieces[0].start;
			src.jlen = bl->pieces[0].end - bl->pieces[0].start;
			jfree = NULL;
		} else
			src.j = jfree = page_block_join(pg, bl, &src.jlen,
			    NULL);
		src.kind = bl->kind;
		src.dateline = bi == st->dateline_block ? &st->dateline : NULL;
		src.hits = bh + bstart[bi];
		src.nhits = bstart[bi + 1] - bstart[bi];
		src.flags = flags;
		a.want -= a.want < 4 * src.jlen + 160 ? a.want :
		    4 * src.jlen + 160;
		lp->lbbytes += layout_prepare_block(&lp->b[bi], s, &a, &src);
		lp->cells += lp->b[bi].cells;
		free(jfree);
	}
	if (ls == &own || s->cap > LAYOUT_SCRATCH_KEEP)
		lscratch_free(s);
	return lp;
}

/* Bytes handed to u8_possible_linebreaks while preparing. */
size_t
layout_prep_lbbytes(const struct layout_prep *lp)
{
	return lp->lbbytes;
}

/* Free a prepared story. */
void
layout_prep_free(struct layout_prep *lp)
{
	size_t	 i;

	if (lp == NULL)
		return;
	for (i = 0; i < lp->nb; i++) {
		struct lblock *b = &lp->b[i];

		free(b->mem);
		free(b->units);
	}
	free(lp);	/* and its blocks */
}

/* Cells of the unit holding display byte q, or 0. */
static uint32_t
layout_unit_cells(const struct lblock *b, uint32_t q)
{
	size_t	 lo = 0, hi = b->nunits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (b->units[mid].end <= q)
			lo = mid + 1;
		else if (b->units[mid].start > q)
			hi = mid;
		else
			return b->units[mid].cells;
	}
	return 0;
}

/* A growing layout. */
struct lbuild {
	struct layout	*lay;
	size_t		 lcap, scap;
};

static struct dline *
layout_new_line(struct lbuild *lb)
{
	struct layout	*lay = lb->lay;
	struct dline	*l;

	if (lay->nlines == lb->lcap) {
		lb->lcap = lb->lcap * 2 + 16;
		lay->lines = xreallocarray(lay->lines, lb->lcap,
		    sizeof *lay->lines);
	}
	l = &lay->lines[lay->nlines++];
	memset(l, 0, sizeof *l);
	l->text = "";
	l->block = LAYOUT_NOBLOCK;
	l->span = lay->nspans;
	return l;
}

static void
layout_new_span(struct lbuild *lb, unsigned a, unsigned e, unsigned style,
    unsigned sub)
{
	struct layout	*lay = lb->lay;
	struct dspan	*sp;

	if (lay->nspans == lb->scap) {
		lb->scap = lb->scap * 2 + 16;
		lay->spans = xreallocarray(lay->spans, lb->scap,
		    sizeof *lay->spans);
	}
	sp = &lay->spans[lay->nspans++];
	sp->start = a;
	sp->end = e;
	sp->style = (unsigned char)style;
	sp->sub = (unsigned char)sub;
}

/* Where one line starting at ls ends when avail cells are free. */
struct lscan {
	uint32_t	 end;		/* display byte after the line */
	unsigned	 cells;		/* cells of [ls, end) */
	int		 flags;		/* DLINE_EMERGENCY, DLINE_HARD */
	int		 rank;		/* 0: an ordinary break; else 1 + its
					   LC_* kind, 1 + LC__COUNT when none */
	uint32_t	 scanned;	/* bytes looked at */
};

/* Where a line may end when no ordinary break fits, best first. */
enum {
	LC_OUTSIDE,		/* outside runs and units, where clreq allows
				   it but UAX #14 does not (”|1月) */
	LC_SEAM,		/* the seam of a run (after a range's dash) */
	LC_NUMBER,		/* between a number and its unit (2020|年) */
	LC_WEAK,		/* inside a unit, with what clings to it too
				   wide (DLINE_UNIT) */
	LC_INSIDE,		/* inside a run, where clreq allows it */
	LC_SOFT,		/* outside runs, against clreq */
	LC__COUNT
};

/* The kind of a break that is not an ordinary one, by its flags. */
static inline int
layout_cand(unsigned f)
{
	if (f & LB_BAD)
		return f & LB_RUN ? LC__COUNT : LC_SOFT;
	if (f & LB_SEAM)
		return LC_SEAM;
	return f & LB_RUN ? LC_INSIDE : LC_OUTSIDE;
}

/* Is the text from an ordinary break at ok to the next one wider than a
   whole line (restavail)?  have: its cells before p, p not such a break.
   Looks at restavail cells at most. */
static int
layout_overwide(const struct lblock *b, uint32_t p, unsigned have,
    unsigned restavail)
{
	const unsigned char *d = (const unsigned char *)b->d;

	for (; p < b->dlen; p += layout_lead_len[d[p] >> 4]) {
		if (!(b->brk[p] & LB_CLUSTER))
			continue;
		if (have > 0 && (b->brk[p] & (LB_OK | LB_FORCE)))
			return 0;
		if ((have += b->cw[p]) > restavail)
			return 1;
	}
	return 0;
}

/* The other places a line may end at, latest of each kind (LC_*), and
   the last ordinary one. */
struct lcand {
	uint32_t	 ok;
	unsigned	 okcol;
	uint32_t	 at[LC__COUNT];
	unsigned	 col[LC__COUNT];
};

/* Note display byte p (flags f, col cells into the line) as a place the
   line may end at. */
static inline void
layout_note(struct lcand *c, const struct lblock *b, uint32_t p, unsigned f,
    unsigned col, unsigned restavail)
{
	int	 i;

	if ((f & LB_OK) || ((f & LB_WEAK) &&
	    layout_unit_cells(b, p) > restavail)) {
		c->ok = p;
		c->okcol = col;
		return;
	}
	if ((i = layout_cand(f)) == LC_SEAM && layout_number_at(b, p))
		i = LC_NUMBER;
	if (i < LC__COUNT) {
		c->at[i] = p;
		c->col[i] = col;
	}
	if (f & LB_WEAK) {
		c->at[LC_WEAK] = p;
		c->col[LC_WEAK] = col;
	}
}

/* The end of a line from ls whose cluster at p (col cells in) does not
   fit: the last ordinary place, unless the text from it is wider than
   any line and better places come after it; else the best other one. */
static struct lscan
layout_overflow(const struct lblock *b, const struct lcand *c, uint32_t ls,
    uint32_t p, unsigned col, unsigned restavail)
{
	static const int cflags[LC__COUNT] = { DLINE_EMERGENCY,
	    DLINE_EMERGENCY, DLINE_EMERGENCY, DLINE_UNIT, DLINE_EMERGENCY,
	    DLINE_EMERGENCY };
	struct lscan	 r = { c->ok, c->okcol, 0, 0, p - ls };
	int		 i;

	if (c->ok > ls && !((c->at[LC_OUTSIDE] > c->ok ||
	    c->at[LC_SEAM] > c->ok || c->at[LC_NUMBER] > c->ok) &&
	    layout_overwide(b, p, col - c->okcol, restavail)))
		return r;
	for (i = 0; i < LC__COUNT; i++)
		if (c->at[i] > ls && c->at[i] > c->ok)
			break;
	r.rank = 1 + i;
	r.flags = DLINE_EMERGENCY;
	if (i < LC__COUNT) {
		r.end = c->at[i];
		r.cells = c->col[i];
		r.flags = cflags[i];
	} else {
		r.end = p;
		r.cells = col;
	}
	return r;
}

/* Find the end of the line starting at ls (dubao-layout(7), "Fitting the
   lines"): the last allowed break before the first cluster that does not
   fit; else the least bad other place (layout_overflow, LC_* in order:
   where only clreq allows a break, the seam of a run, between a number
   and its unit, inside a unit with what clings to it too wide
   (DLINE_UNIT), inside a run, against clreq, before the cluster).
   restavail decides whether a break inside a unit is an ordinary one:
   when the unit alone does not fit in a whole line. */
static struct lscan
layout_scan(const struct lblock *b, uint32_t ls, unsigned avail,
    unsigned restavail)
{
	const unsigned char *brk = b->brk, *cw = b->cw;
	const unsigned char *d = (const unsigned char *)b->d;
	struct lscan	 r = { b->dlen, 0, 0, 0, 0 };
	struct lcand	 c;
	uint32_t	 n = b->dlen, p = ls, q;
	unsigned	 col = 0, f, qcol;

	memset(&c, 0, sizeof c);
	while (p < n) {
		f = brk[p];
		if (f == (LB_CLUSTER | LB_OK) && p > ls) {
			/* The common case (Han after Han), what the general
			   code below does for it, over a run. */
			do {
				if (col + cw[p] > avail) {
					r.end = p;
					r.cells = col;
					r.scanned = p - ls;
					return r;
				}
				q = p;
				qcol = col;
				col += cw[p];
				p += layout_lead_len[d[p] >> 4];
			} while (p < n && brk[p] == (LB_CLUSTER | LB_OK));
			c.ok = q;
			c.okcol = qcol;
		} else {
			if (p > ls && (f & LB_FORCE)) {
				r.end = p;
				r.cells = col;
				r.flags = DLINE_HARD;
				r.scanned = p - ls;
				return r;
			}
			if (p > ls)
				layout_note(&c, b, p, f, col, restavail);
			if (col + cw[p] > avail && !(f & LB_SPACE) && p > ls)
				return layout_overflow(b, &c, ls, p, col,
				    restavail);
			col += cw[p];
			p += layout_lead_len[d[p] >> 4];
		}
		/* To the next cluster. */
		while (p < n && !(brk[p] & LB_CLUSTER))
			p += layout_lead_len[d[p] >> 4];
	}
	r.cells = col;
	r.scanned = p - ls;
	return r;
}

/* Fit one block into lines of W cells. */
static void
layout_fit_block(struct lbuild *lb, const struct lblock *b, size_t bi, int W)
{
	const unsigned char *brk = b->brk, *cw = b->cw;
	struct dline	*l;
	struct lscan	 sc, sc2;
	uint32_t	 n = b->dlen, ls = 0, end, te, next;
	unsigned	 endcol, restavail, indent;
	size_t		 r = 0, q;
	int		 first = 1, lflags;

	restavail = (unsigned)W - (b->center ? 0 : b->rest);
	while (ls < n) {
		indent = b->center ? 0 : first ? b->first : b->rest;
		sc = layout_scan(b, ls, (unsigned)W - indent, restavail);
		lb->lay->scanned += sc.scanned;
		if (sc.rank > 0 && indent > b->rest) {
			/* What does not fit after the first-line indent
			   but would on a line of its own, or would break
			   better there: drop the indent rather than break
			   it. */
			sc2 = layout_scan(b, ls, restavail, restavail);
			lb->lay->scanned += sc2.scanned;
			if (sc2.rank < sc.rank) {
				sc = sc2;
				indent = b->rest;
			}
		}
		end = sc.end;
		endcol = sc.cells;
		lflags = sc.flags;
		/* Trim trailing spaces. */
		te = end;
		while (te > ls) {
			q = te - 1;
			while (q > ls && !(brk[q] & LB_CLUSTER))
				q--;
			if (!(brk[q] & LB_SPACE))
				break;
			endcol -= cw[q];
			te = (uint32_t)q;
		}
		/* The next line starts after any spaces. */
		next = end;
		while (next < n && (brk[next] & LB_SPACE))
			for (next++; next < n && !(brk[next] & LB_CLUSTER);
			    next++)
				;
		l = layout_new_line(lb);
		l->text = b->d + ls;
		l->len = te - ls;
		l->indent = (unsigned short)(b->center ?
		    ((unsigned)W - endcol) / 2 : indent);
		l->cells = (unsigned short)(l->indent + endcol);
		l->kind = DLINE_TEXT;
		l->style = b->style;
		l->flags = (unsigned char)lflags;
		l->block = bi;
		l->jstart = first ? 0 : layout_d2j(b, ls);
		l->jend = next >= n ? b->jlen : layout_d2j(b, next);
		while (r < b->nruns && b->runs[r].end <= ls)
			r++;
		for (q = r; q < b->nruns && b->runs[q].start < te; q++)
			layout_new_span(lb,
			    (b->runs[q].start > ls ? b->runs[q].start : ls) - ls,
			    (b->runs[q].end < te ? b->runs[q].end : te) - ls,
			    b->runs[q].style, b->runs[q].sub);
		l->nspans = lb->lay->nspans - l->span;
		ls = next;
		first = 0;
	}
}

/* Lay out a prepared story for a width. */
struct layout *
layout_fit(const struct layout_prep *lp, int width)
{
	struct lbuild	 lb;
	struct dline	*l;
	size_t		 bi, est;
	int		 W = width;

	if (W < LAYOUT_MIN_WIDTH)
		W = LAYOUT_MIN_WIDTH;
	if (W > LAYOUT_MAX_WIDTH)
		W = LAYOUT_MAX_WIDTH;
	memset(&lb, 0, sizeof lb);
	/* the layout and its blines in one allocation */
	lb.lay = xcalloc(1, sizeof *lb.lay + (lp->nb + 1) *
	    sizeof *lb.lay->blines);
	lb.lay->width = W;
	lb.lay->nblocks = lp->nb;
	lb.lay->blines = (struct layout_blines *)(lb.lay + 1);
	est = lp->cells / (size_t)W + lp->nb * 3 + 16;
	lb.lcap = est;
	lb.lay->lines = xreallocarray(NULL, lb.lcap, sizeof *lb.lay->lines);
	lb.scap = est * 2;
	lb.lay->spans = xreallocarray(NULL, lb.scap, sizeof *lb.lay->spans);
	for (bi = 0; bi < lp->nb; bi++) {
		lb.lay->blines[bi].first = lb.lay->nlines;
		if (lp->b[bi].dlen == 0)
			continue;
		if (lb.lay->nlines > 0) {
			l = layout_new_line(&lb);
			l->kind = DLINE_BLANK;
			lb.lay->blines[bi].first = lb.lay->nlines;
		}
		layout_fit_block(&lb, &lp->b[bi], bi, W);
		lb.lay->blines[bi].n = lb.lay->nlines -
		    lb.lay->blines[bi].first;
	}
	return lb.lay;
}

/* Free a layout. */
void
layout_free(struct layout *lay)
{
	if (lay == NULL)
		return;
	free(lay->lines);
	free(lay->spans);
	free(lay);	/* and its blines */
}

/* The first line showing joined offset off of block, or -1. */
size_t
layout_find(const struct layout *lay, size_t block, size_t off)
{
	const struct layout_blines *bl;
	size_t	 lo, hi, mid;

	if (block >= lay->nblocks)
		return (size_t)-1;
	bl = &lay->blines[block];
	if (bl->n == 0 || off > lay->lines[bl->first + bl->n - 1].jend)
		return (size_t)-1;
	lo = bl->first;
	hi = bl->first + bl->n;
	while (hi - lo > 1) {	/* last line with jstart <= off */
		mid = lo + (hi - lo) / 2;
		if (lay->lines[mid].jstart <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The cells joined offsets [start, end) take on line i. */
int
layout_cols(const struct layout_prep *lp, const struct layout *lay,
    size_t i, size_t start, size_t end, int *c0, int *c1)
{
	const struct dline	*l;
	const struct lblock	*b;
	uint32_t		 ls, le, a, z, q;
	int			 col, pcol, x0 = -1, x1 = -1;

	if (i >= lay->nlines || start >= end)
		return -1;
	l = &lay->lines[i];
	if (l->kind != DLINE_TEXT || l->block >= lp->nb)
		return -1;
	b = &lp->b[l->block];
	ls = (uint32_t)(l->text - b->d);
	le = ls + l->len;
	a = layout_j2d(b, start);
	z = layout_j2d(b, end);
	if (z < b->dlen && layout_d2j(b, z) < end)
		z++;	/* end inside a character: round up (see below) */
	if (a < ls)
		a = ls;
	if (z > le)
		z = le;
	if (a >= z)
		return -1;
	col = pcol = l->indent;
	for (q = ls; q < le; q++) {
		if (!(b->brk[q] & LB_CLUSTER))
			continue;
		if (x0 < 0 && q >= a)
			x0 = q == a ? col : pcol;
		if (q >= z) {
			x1 = col;
			break;
		}
		pcol = col;
		col += b->cw[q];
	}
	if (x0 < 0)
		x0 = pcol;
	if (x1 < 0)
		x1 = col;
	*c0 = x0;
	*c1 = x1;
	return 0;
}

/* The display text of one block on a single line: its joined text with
   the marks widened as the layout shows them (unless LAYOUT_RAW_PUNCT),
   without decorations or indent.  For titles in lists and status lines. */
char *
layout_block_text(const struct page *pg, const struct block *b,
    unsigned flags)
{
	struct story		 one;
	struct block		 copy = *b;
	struct layout_prep	*prep;
	struct layout		*lay;
	char			*s;

	memset(&one, 0, sizeof one);
	copy.kind = BLOCK_PARAGRAPH;	/* no decoration */
	one.blocks = &copy;
	one.nblocks = 1;
	one.dateline_block = LAYOUT_NOBLOCK;
	prep = layout_prepare(pg, &one, NULL, 0, flags);
	lay = layout_fit(prep, LAYOUT_MAX_WIDTH);
	s = layout_text(lay);
	layout_free(lay);
	layout_prep_free(prep);
	return s;
}

/* The text of all lines of a layout, one after the other; see layout.h. */
char *
layout_text(const struct layout *lay)
{
	char	*s;
	size_t	 i, n = 0;

	for (i = 0; i < lay->nlines; i++)
		n += lay->lines[i].len;
	s = xmalloc(n + 1);
	n = 0;
	for (i = 0; i < lay->nlines; i++) {
		memcpy(s + n, lay->lines[i].text, lay->lines[i].len);
		n += lay->lines[i].len;
	}
	s[n] = '\0';
	return s;
}
