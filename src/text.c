/*
 * text: read one input file, decode it to UTF-8 and sanitise it.
 *
 * The result (struct text) is one NUL-terminated buffer of valid UTF-8
 * that contains no byte able to act on a terminal, an index of line
 * starts and the pages split at form feeds.  Everything later refers to
 * byte ranges into this buffer.
 *
 * Encoding, decided from the bytes alone:
 *   - BOM FF FE or FE FF: UTF-16LE or UTF-16BE.  Unpaired surrogates and an
 *     odd trailing byte become U+FFFD (counted in ninvalid).
 *   - BOM EF BB BF: UTF-8 (the BOM is removed), encoding "UTF-8 BOM".
 *   - Valid UTF-8 (u8_check): UTF-8.
 *   - Otherwise, unless the bytes are mostly valid UTF-8 (at most one
 *     invalid sequence per four valid multibyte ones), GB18030 if the
 *     bytes convert without error (this covers GBK and GB2312).
 *   - Otherwise UTF-8 with every invalid sequence (truncated, overlong,
 *     surrogate, above U+10FFFF, stray continuation byte) replaced by one
 *     U+FFFD per sequence as u8_mbtouc delimits it (counted in ninvalid).
 *
 * Binary input is refused ("binary file"): bytes starting with a known
 * magic number (PNG, ELF, gzip, zip, PDF, JPEG, GIF, bzip2, xz, zstd, 7z),
 * or a first 64 KiB sample that holds a NUL byte and at least 4 and at
 * least 5% C0 control bytes other than TAB, LF, CR and FF.  UTF-16 with a
 * BOM is never binary.  A text with a few NULs is loaded (NUL shows as ␀).
 *
 * Sanitising, in one pass over the decoded text:
 *   - CR LF and a lone CR become LF.
 *   - FF (\f) separates pages and is removed from the buffer: pages are
 *     the ranges between the removed form feeds.  A last page that is
 *     empty or holds only LFs is not a page (a trailing \f makes none;
 *     those LFs end the page before).
 *     A form feed does not start a new line number.
 *   - TAB is expanded with spaces to the next multiple of 8 cells, counted
 *     per line with wcwidth (-1 counts 1) from the last LF or FF.
 *   - Escape sequences are removed whole, each counted once in ncontrol:
 *     CSI (ESC [ or U+009B, parameter bytes 0x20-0x3F, final 0x40-0x7E),
 *     the strings OSC, DCS, SOS, PM and APC (ESC ] P X ^ _ or U+009D
 *     U+0090 U+0098 U+009E U+009F, up to BEL, ESC \ or U+009C), and other
 *     escapes (ESC, intermediates 0x20-0x2F, one final 0x30-0x7E).  A
 *     sequence broken by any other byte ends before that byte; a string
 *     never ends later than the end of its line.  A lone ESC is removed.
 *   - Other C0 controls become Control Pictures U+2400+c (␀ ... ␟), DEL
 *     becomes ␡ U+2421, other C1 controls U+0080-U+009F become U+FFFD;
 *     each counts in ncontrol.
 *   - Bidi controls U+200E U+200F U+061C U+202A-U+202E U+2066-U+2069 are
 *     removed and count in ncontrol.
 *   - U+00AD, U+FE0E, U+FE0F and U+1F3FB-U+1F3FF are removed (not counted).
 *   - Every other code point for which wcwidth() returns -1 (unassigned,
 *     newer than the C library, U+2028/U+2029, noncharacters) becomes
 *     〓 U+3013 in the CJK blocks (U+2E80-U+2FFF, U+3000-U+9FFF,
 *     U+F900-U+FAFF, U+FE30-U+FE4F, U+FF00-U+FFEF, U+1F200-U+1F2FF) and
 *     planes 2-3, U+FFFD elsewhere; each counts in nunknown.  This step
 *     needs a UTF-8 LC_CTYPE; without one it is skipped.
 *   - U+200B, U+200D (ZWJ) and the other variation selectors are kept.
 *
 * Lines: a line starts at offset 0 and after every LF that is not the
 * last byte of the buffer ("a\n" is one line, "" is one empty line).
 *
 * Speed and memory: a file is read into one block of its size (huge
 * pages when large); valid UTF-8 is checked once (text_utf8_valid, as
 * u8_check but faster on Chinese); the sanitising pass then skips
 * printable ASCII and the common CJK ranges by their bytes, decodes and
 * asks wcwidth only about other code points, and compacts its output in
 * place over the input it has read (the block becomes the buffer); only
 * a change that would make the output overtake the input (a tab, a
 * control picture) switches to a second buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <uniconv.h>
#include <unistr.h>

#include "text.h"
#include "xmalloc.h"

/* Bytes asked of read() at a time (tests may build with a tiny value). */
#ifndef TEXT_CHUNK
#define TEXT_CHUNK	65536
#endif
/* Largest buffer allocated up front for a regular file (its size + 1);
   beyond, the buffer grows as the bytes come. */
#define TEXT_PREALLOC	((size_t)256 << 20)
/* Bytes looked at to decide whether the input is binary. */
#define TEXT_SAMPLE	65536
/* UTF-16 code units decoded per step. */
#define TEXT_U16CHUNK	4096

/* UTF-8 of the replacement characters. */
#define TEXT_FFFD	"\xef\xbf\xbd"		/* U+FFFD REPLACEMENT CHARACTER */
#define TEXT_FFFD_LEN	(sizeof TEXT_FFFD - 1)
#define TEXT_GETA	"\xe3\x80\x93"		/* U+3013 GETA MARK */

/* A growing array of byte offsets. */
struct text_offs {
	size_t	*v;		/* offsets, ascending */
	size_t	 n;		/* entries used */
	size_t	 cap;		/* entries allocated */
};

/* State of the sanitising pass: input, lazily built output, indexes. */
struct text_out {
	const uint8_t		*s;	/* input (valid UTF-8 if valid is set) */
	size_t			 n;	/* bytes in s */
	int			 valid;	/* s passed u8_check */
	int			 widths; /* wcwidth knows CJK (UTF-8 locale) */
	size_t			 run;	/* start in s of bytes not yet copied */
	char			*p;	/* output, NULL until the first change */
	int			 inplace; /* p is the block s lies in, shift
					   bytes before s: the output is
					   compacted over the input it has
					   read (never past it) */
	size_t			 shift;	/* s - p when inplace */
	size_t			 len;	/* bytes in p */
	size_t			 cap;	/* bytes allocated for p */
	size_t			 colpos; /* output offset col refers to */
	size_t			 col;	/* cells from line start to colpos */
	struct text_offs	 pages;	/* output offsets where pages start */
	struct text		*t;	/* counters go here */
};

/* Known magic numbers of binary formats. */
static const struct {
	const char	*magic;		/* leading bytes */
	size_t		 len;		/* bytes in magic */
} text_magic[] = {
	{ "\x89PNG\r\n\x1a\n", 8 },
	{ "\x7f" "ELF", 4 },
	{ "\x1f\x8b", 2 },
	{ "PK\x03\x04", 4 },
	{ "PK\x05\x06", 4 },
	{ "%PDF-", 5 },
	{ "\xff\xd8\xff", 3 },
	{ "GIF87a", 6 },
	{ "GIF89a", 6 },
	{ "BZh91AY&SY", 10 },
	{ "\xfd" "7zXZ\0", 6 },
	{ "\x28\xb5\x2f\xfd", 4 },
	{ "7z\xbc\xaf\x27\x1c", 6 },
};

/* Return a static description of errno value err. */
static const char *
text_strerror(int err)
{
	switch (err) {
	case ENOENT:
		return "No such file or directory";
	case EACCES:
		return "Permission denied";
	case EISDIR:
		return "Is a directory";
	default:
		return strerror(err);
	}
}

/* Append offset off to an offset array. */
static void
text_offs_push(struct text_offs *a, size_t off)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
	}
	a->v[a->n++] = off;
}

/*
 * Tell whether s[0..n) is valid UTF-8, exactly as u8_check (no overlong
 * forms, surrogates or code points above U+10FFFF): ASCII eight bytes at
 * a time, the three-byte characters of Chinese in a tight loop.
 */
static int
text_utf8_valid(const uint8_t *s, size_t n)
{
	size_t	 i = 0;
	uint64_t w;
	uint8_t	 c, d;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			if (i + 8 <= n) {
				memcpy(&w, s + i, 8);
				if ((w & 0x8080808080808080ull) == 0) {
					i += 8;
					continue;
				}
			}
			i++;
			continue;
		}
		if (c >= 0xe1 && c <= 0xef && c != 0xed) {
			/* a run of them: both continuation bytes at once */
			do {
				if (n - i < 3 || ((s[i + 1] ^ 0x80) |
				    (s[i + 2] ^ 0x80)) & 0xc0)
					return 0;
				i += 3;
				c = i < n ? s[i] : 0;
			} while ((uint8_t)(c - 0xe1) <= 0xef - 0xe1 && c != 0xed);
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			if (n - i < 2 || (s[i + 1] & 0xc0) != 0x80)
				return 0;
			i += 2;
			continue;
		}
		if (c == 0xe0 || c == 0xed) {
			if (n - i < 3 || (s[i + 2] & 0xc0) != 0x80)
				return 0;
			d = s[i + 1];
			if (c == 0xe0 ? d < 0xa0 || d > 0xbf : d < 0x80 || d > 0x9f)
				return 0;
			i += 3;
			continue;
		}
		if (c >= 0xf0 && c <= 0xf4) {
			if (n - i < 4 || (s[i + 2] & 0xc0) != 0x80 ||
			    (s[i + 3] & 0xc0) != 0x80)
				return 0;
			d = s[i + 1];
			if (c == 0xf0 ? d < 0x90 || d > 0xbf :
			    c == 0xf4 ? d < 0x80 || d > 0x8f :
			    (d & 0xc0) != 0x80)
				return 0;
			i += 4;
			continue;
		}
		return 0;
	}
	return 1;
}

/* Tell whether bytes s[0..n) look like a binary file rather than text
   (UTF-16 with a byte order mark never does). */
static int
text_is_binary(const uint8_t *s, size_t n)
{
	size_t	 i, sample, nul = 0, ctl = 0;

	if (n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
	    (s[0] == 0xfe && s[1] == 0xff)))
		return 0;

	for (i = 0; i < sizeof text_magic / sizeof text_magic[0]; i++) {
		if (n >= text_magic[i].len &&
		    memcmp(s, text_magic[i].magic, text_magic[i].len) == 0)
			return 1;
	}
	sample = n < TEXT_SAMPLE ? n : TEXT_SAMPLE;
	for (i = 0; i < sample; i++) {
		if (s[i] >= 0x20)
			continue;
		if (s[i] == 0)
			nul++;
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\f')
			ctl++;
	}
	return nul > 0 && ctl >= 4 && ctl * 20 >= sample;
}

/* Tell whether invalid UTF-8 s[0..n) is still mostly UTF-8. */
static int
text_mostly_utf8(const uint8_t *s, size_t n)
{
	size_t	 i = 0, good = 0, bad = 0;
	ucs4_t	 uc;
	int	 k;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = u8_mbtouc(&uc, s + i, n - i);
		if (uc == 0xfffd && (k != 3 || memcmp(s + i, TEXT_FFFD, TEXT_FFFD_LEN) != 0))
			bad++;
		else
			good++;
		i += k;
	}
	return bad * 4 <= good;
}

/* Decode UTF-16 s[0..n) (no BOM) into out, which holds n / 2 * 3 + 3. */
static size_t
text_utf16(const uint8_t *s, size_t n, int le, uint8_t *out,
    size_t *ninvalid)
{
	uint16_t	 u[TEXT_U16CHUNK];
	size_t		 i = 0, m = 0, k, len = 0;
	ucs4_t		 uc;

	while (i + 1 < n || m > 0) {
		while (m < TEXT_U16CHUNK && i + 1 < n) {
			u[m++] = le ? (uint16_t)(s[i] | s[i + 1] << 8) :
			    (uint16_t)(s[i] << 8 | s[i + 1]);
			i += 2;
		}
		k = 0;
		while (k < m) {
			/* Keep a high surrogate for the next step's low one. */
			if (k == m - 1 && u[k] >= 0xd800 && u[k] < 0xdc00 &&
			    i + 1 < n)
				break;
			k += u16_mbtouc(&uc, u + k, m - k);
			if (uc == 0xfffd && u[k - 1] != 0xfffd)
				(*ninvalid)++;
			len += u8_uctomb(out + len, uc, 4);
		}
		memmove(u, u + k, (m - k) * sizeof u[0]);
		m -= k;
	}
	if (i < n) {
		memcpy(out + len, TEXT_FFFD, TEXT_FFFD_LEN);
		len += 3;
		(*ninvalid)++;
	}
	return len;
}

/* Make room for extra more output bytes, allocating output on first use. */
static void
text_out_reserve(struct text_out *o, size_t extra)
{
	size_t	 want = o->len + extra + 1;

	if (o->p == NULL) {
		o->cap = o->n + o->n / 16 + 64;
		if (o->cap < want)
			o->cap = want;
		o->p = xmalloc(o->cap);
		return;
	}
	if (want <= o->cap)
		return;
	while (o->cap < want)
		o->cap *= 2;
	o->p = xrealloc(o->p, o->cap);
}

/* Output offset that input offset i (not yet copied) will land at. */
static inline size_t
text_out_pos(const struct text_out *o, size_t i)
{
	return o->len + (i - o->run);
}

/* Copy the unchanged input up to i into the output. */
static void
text_out_flush(struct text_out *o, size_t i)
{
	if (o->inplace) {
		/* behind the input: move it down, if it moved at all */
		if (i > o->run && o->len != o->shift + o->run)
			memmove(o->p + o->len, o->s + o->run, i - o->run);
	} else {
		text_out_reserve(o, i - o->run);
		if (i > o->run)
			memcpy(o->p + o->len, o->s + o->run, i - o->run);
	}
	o->len += i - o->run;
	o->run = i;
}

/* Replace input bytes [i, j) by the k bytes r (k may be 0: drop them). */
static void
text_out_replace(struct text_out *o, size_t i, size_t j, const char *r,
    size_t k)
{
	char	*p;

	text_out_flush(o, i);
	if (o->inplace && o->len + k > o->shift + j) {
		/* the output would overtake the input: copy from now on (the
		   input past j is intact; the block is freed at the end) */
		p = xmalloc(o->n + o->n / 16 + 64 + k);
		memcpy(p, o->p, o->len);
		o->p = p;
		o->cap = o->n + o->n / 16 + 64 + k;
		o->inplace = 0;
	}
	if (k > 0) {
		if (!o->inplace)
			text_out_reserve(o, k);
		memcpy(o->p + o->len, r, k);
		o->len += k;
	}
	o->run = j;
}

/* Tell whether code point uc is in a CJK block or in planes 2-3. */
static int
text_is_cjk(ucs4_t uc)
{
	return (uc >= 0x2e80 && uc <= 0x9fff) ||
	    (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0xfe30 && uc <= 0xfe4f) ||
	    (uc >= 0xff00 && uc <= 0xffef) ||
	    (uc >= 0x1f200 && uc <= 0x1f2ff) ||
	    (uc >= 0x20000 && uc <= 0x3ffff);
}

/* Tell whether code point uc is a bidi control. */
int
text_is_bidi(uint32_t uc)
{
	return uc == 0x200e || uc == 0x200f || uc == 0x061c ||
	    (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

/*
 * Length of the valid UTF-8 character at p if it needs no attention (it is
 * printable and wcwidth knows it), judged from its bytes; else 0.
 */
static inline int
text_plain(const uint8_t *p)
{
	uint8_t	 c = p[0], d = p[1];

	if (c >= 0xe4 && c <= 0xe9)			/* U+4000-U+9FFF */
		return 3;
	switch (c) {
	case 0xe3:
		if (d == 0x80 || d >= 0x90)		/* U+3000-303F, 3400- */
			return 3;
		if (d == 0x81)				/* U+3041-U+307F */
			return p[2] != 0x80 ? 3 : 0;
		if (d == 0x82)				/* U+3080-U+30BF */
			return p[2] != 0x97 && p[2] != 0x98 ? 3 : 0;
		if (d == 0x83)				/* U+30C0-U+30FF */
			return 3;
		return 0;
	case 0xef:
		if (d == 0xbc)				/* U+FF01-U+FF3F */
			return p[2] != 0x80 ? 3 : 0;
		if (d == 0xbd)				/* U+FF40-U+FF60 */
			return p[2] <= 0xa0 ? 3 : 0;
		return 0;
	case 0xe2:
		if (d == 0x80)				/* U+2010-27, 2030-3F */
			return (p[2] >= 0x90 && p[2] <= 0xa7) ||
			    p[2] >= 0xb0 ? 3 : 0;
		if (d == 0x81)				/* U+2040-U+205E */
			return p[2] <= 0x9e ? 3 : 0;
		return 0;
	case 0xc2:					/* U+00A0-U+00BF */
		return d >= 0xa0 && d != 0xad ? 2 : 0;
	case 0xcd:					/* U+0340-U+036F */
		return d <= 0xaf ? 2 : 0;
	default:
		if (c >= 0xc3 && c <= 0xcc)		/* U+00C0-U+033F */
			return 2;
		return 0;
	}
}

/* End of a CSI whose parameters start at input offset j. */
static size_t
text_csi_end(const struct text_out *o, size_t j)
{
	uint8_t	 c;

	for (; j < o->n; j++) {
		c = o->s[j];
		if (c >= 0x40 && c <= 0x7e)
			return j + 1;
		if (c < 0x20 || c > 0x3f)
			return j;
	}
	return j;
}

/* End of a control string (OSC, DCS...) whose body starts at offset j. */
static size_t
text_string_end(const struct text_out *o, size_t j)
{
	uint8_t	 c;

	for (; j < o->n; j++) {
		c = o->s[j];
		if (c == 0x07)
			return j + 1;
		if (c == 0x1b)
			return j + 1 < o->n && o->s[j + 1] == '\\' ? j + 2 : j;
		if (c == 0xc2 && j + 1 < o->n && o->s[j + 1] == 0x9c)
			return j + 2;
		if (c == '\n' || c == '\r' || c == '\f')
			return j;
	}
	return j;
}

/* End of the escape sequence that starts with ESC at input offset i. */
static size_t
text_esc_end(const struct text_out *o, size_t i)
{
	size_t	 j = i + 1;
	uint8_t	 c;

	if (j >= o->n)
		return j;
	c = o->s[j];
	switch (c) {
	case '[':
		return text_csi_end(o, j + 1);
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		return text_string_end(o, j + 1);
	}
	while (j < o->n && o->s[j] >= 0x20 && o->s[j] <= 0x2f)
		j++;
	if (j < o->n && o->s[j] >= 0x30 && o->s[j] <= 0x7e)
		j++;
	return j;
}

/* Cells taken by output bytes [from, to), which hold no LF. */
static size_t
text_out_cells(const struct text_out *o, size_t from, size_t to)
{
	const uint8_t	*p = (const uint8_t *)o->p;
	size_t		 i = from, cells = 0;
	ucs4_t		 uc;
	int		 w;

	while (i < to) {
		if (p[i] < 0x80) {
			cells++;
			i++;
			continue;
		}
		if (p[i] >= 0xe4 && p[i] <= 0xe9) {
			cells += 2;
			i += 3;
			continue;
		}
		i += u8_mbtouc_unsafe(&uc, p + i, to - i);
		w = wcwidth((wchar_t)uc);
		cells += w < 0 ? 1 : (size_t)w;
	}
	return cells;
}

/* Expand the tab at input offset i to spaces up to the next tab stop. */
static void
text_out_tab(struct text_out *o, size_t i)
{
	static const char	 spaces[] = "        ";
	size_t			 k;

	text_out_flush(o, i);
	o->col += text_out_cells(o, o->colpos, o->len);
	k = 8 - o->col % 8;
	text_out_replace(o, i, i + 1, spaces, k);
	o->col += k;
	o->colpos = o->len;
}

/* Handle the C0 control or DEL c at input offset i; return the next. */
static size_t
text_out_c0(struct text_out *o, uint8_t c, size_t i)
{
	char	 pic[3];
	size_t	 j;

	switch (c) {
	case '\n':
		o->colpos = text_out_pos(o, i + 1);
		o->col = 0;
		return i + 1;
	case '\r':
		if (i + 1 < o->n && o->s[i + 1] == '\n')
			text_out_replace(o, i, i + 1, NULL, 0);
		else {
			text_out_replace(o, i, i + 1, "\n", strlen("\n"));
			o->colpos = o->len;
			o->col = 0;
		}
		return i + 1;
	case '\t':
		text_out_tab(o, i);
		return i + 1;
	case '\f':
		text_out_replace(o, i, i + 1, NULL, 0);
		text_offs_push(&o->pages, o->len);
		o->colpos = o->len;
		o->col = 0;
		return i + 1;
	case 0x1b:
		j = text_esc_end(o, i);
		text_out_replace(o, i, j, NULL, 0);
		o->t->ncontrol++;
		return j;
	}
	/* U+2400 + c, or U+2421 for DEL: E2 90 80+c. */
	pic[0] = (char)0xe2;
	pic[1] = (char)0x90;
	pic[2] = (char)(0x80 + (c == 0x7f ? 0x21 : c));
	text_out_replace(o, i, i + 1, pic, sizeof pic);
	o->t->ncontrol++;
	return i + 1;
}

/* Handle code point uc of k bytes at input offset i; return the next. */
static size_t
text_out_uc(struct text_out *o, ucs4_t uc, int k, size_t i)
{
	size_t	 j;

	if (uc < 0xa0) {
		switch (uc) {
		case 0x9b:
			j = text_csi_end(o, i + k);
			break;
		case 0x90:
		case 0x98:
		case 0x9d:
		case 0x9e:
		case 0x9f:
			j = text_string_end(o, i + k);
			break;
		default:
			text_out_replace(o, i, i + k, TEXT_FFFD, TEXT_FFFD_LEN);
			o->t->ncontrol++;
			return i + k;
		}
		text_out_replace(o, i, j, NULL, 0);
		o->t->ncontrol++;
		return j;
	}
	if (text_is_bidi(uc)) {
		text_out_replace(o, i, i + k, NULL, 0);
		o->t->ncontrol++;
		return i + k;
	}
	if (uc == 0xad || uc == 0xfe0e || uc == 0xfe0f ||
	    (uc >= 0x1f3fb && uc <= 0x1f3ff)) {
		text_out_replace(o, i, i + k, NULL, 0);
		return i + k;
	}
	if (o->widths && wcwidth((wchar_t)uc) < 0) {
		const char *r = text_is_cjk(uc) ? TEXT_GETA : TEXT_FFFD;

		text_out_replace(o, i, i + k, r, strlen(r));
		o->t->nunknown++;
	}
	return i + k;
}

/* Run the sanitising pass over all of o->s. */
static void
text_out_run(struct text_out *o)
{
	const uint8_t	*s = o->s;
	size_t		 i = 0, n = o->n;
	ucs4_t		 uc;
	uint8_t		 c;
	int		 k;

	while (i < n) {
		/* Hot loop: Hanzi U+4000-U+9FFF and printable ASCII. */
		if (o->valid) {
			while (i < n) {
				c = s[i];
				if ((uint8_t)(c - 0xe4) <= 0xe9 - 0xe4)
					i += 3;
				else if ((uint8_t)(c - 0x20) < 0x7f - 0x20)
					i++;
				else
					break;
			}
			if (i >= n)
				break;
		}
		c = s[i];
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c < 0x80) {
			i = text_out_c0(o, c, i);
			continue;
		}
		if (o->valid) {
			if ((k = text_plain(s + i)) != 0) {
				i += k;
				continue;
			}
			k = u8_mbtouc_unsafe(&uc, s + i, n - i);
		} else {
			k = u8_mbtouc(&uc, s + i, n - i);
			if (uc == 0xfffd &&
			    (k != 3 || memcmp(s + i, TEXT_FFFD, TEXT_FFFD_LEN) != 0)) {
				text_out_replace(o, i, i + k, TEXT_FFFD, TEXT_FFFD_LEN);
				o->t->ninvalid++;
				i += k;
				continue;
			}
		}
		i = text_out_uc(o, uc, k, i);
	}
}

/* Count the lines of t: 0, then after every LF but one that ends the
   buffer.  When v is not NULL, store where each starts in v. */
static size_t
text_scan_lines(const struct text *t, size_t *v)
{
	const char	*p = t->buf, *e = t->buf + t->len, *nl;
	size_t		 n = 1;

	if (v != NULL)
		v[0] = 0;
	while (p < e && (nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		p = nl + 1;
		if (p == e)
			break;
		if (v != NULL)
			v[n] = (size_t)(p - t->buf);
		n++;
	}
	return n;
}

/* Fill t->nlines, t->lines (unless lazy) and t->pages. */
static void
text_index(struct text *t, struct text_out *o, int lazy)
{
	struct text_offs	*pg = &o->pages;
	size_t			 i, start, end;

	t->nlines = text_scan_lines(t, NULL);
	if (!lazy) {
		t->lines = xreallocarray(NULL, t->nlines, sizeof *t->lines);
		text_scan_lines(t, t->lines);
	}

	/* A last page that is empty or only LFs is not a page. */
	if (pg->n > 1) {
		start = pg->v[pg->n - 1];
		for (i = start; i < t->len && t->buf[i] == '\n'; i++)
			continue;
		if (i == t->len)
			pg->n--;
	}
	t->npages = pg->n;
	t->pages = xreallocarray(NULL, pg->n, sizeof *t->pages);
	for (i = 0; i < pg->n; i++) {
		end = i + 1 < pg->n ? pg->v[i + 1] : t->len;
		t->pages[i].start = pg->v[i];
		t->pages[i].end = end;
	}
	free(pg->v);
	pg->v = NULL;
}

/*
 * Sanitise UTF-8 s[0..n) into t.  If base is not NULL, s lies inside the
 * heap block base of cap bytes, which is taken over (used or freed).
 */
static void
text_sanitise(struct text *t, uint8_t *base, size_t cap, const uint8_t *s,
    size_t n, int valid, int lazy)
{
	struct text_out	 o;

	memset(&o, 0, sizeof o);
	o.s = s;
	o.n = n;
	o.valid = valid;
	o.widths = wcwidth(0x4e00) == 2;
	o.t = t;
	text_offs_push(&o.pages, 0);

	if (base != NULL) {
		/* compact in place: the input block becomes the buffer */
		o.p = (char *)base;
		o.cap = cap;
		o.inplace = 1;
		o.shift = (size_t)(s - base);
	}
	text_out_run(&o);
	text_out_flush(&o, n);
	if (o.inplace) {
		if (o.cap < o.len + 1) {
			o.p = xrealloc(o.p, o.len + 1);
			o.cap = o.len + 1;
		}
	} else
		free(base);
	o.p[o.len] = '\0';
	if (o.cap - o.len > o.len / 8 + 4096)
		o.p = xrealloc(o.p, o.len + 1);
	t->buf = o.p;
	t->len = o.len;
	text_index(t, &o, lazy);
}

/*
 * Decode raw bytes into t.  If owned, raw is a heap block of cap bytes
 * that is taken over whatever the result.
 */
static int
text_decode(struct text *t, uint8_t *raw, size_t n, size_t cap, int owned,
    int lazy, const char **cause)
{
	uint8_t		*out = NULL, *res;
	const uint8_t	*s = raw;
	size_t		 len, ocap;
	int		 rv = -1;

	memset(t, 0, sizeof *t);
	t->encoding = "UTF-8";
	if (n >= 2 && ((raw[0] == 0xff && raw[1] == 0xfe) ||
	    (raw[0] == 0xfe && raw[1] == 0xff))) {
		t->encoding = raw[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		ocap = (n - 2) / 2 * 3 + 4;
		out = xmalloc(ocap);
		len = text_utf16(raw + 2, n - 2, raw[0] == 0xff, out,
		    &t->ninvalid);
		text_sanitise(t, out, ocap, out, len, 1, lazy);
		out = NULL;
		rv = 0;
		goto out;
	}
	if (text_is_binary(raw, n)) {
		*cause = "binary file";
		goto out;
	}
	if (n >= 3 && raw[0] == 0xef && raw[1] == 0xbb && raw[2] == 0xbf) {
		t->encoding = "UTF-8 BOM";
		s += 3;
		n -= 3;
	}
	if (text_utf8_valid(s, n)) {
		text_sanitise(t, owned ? raw : NULL, cap, s, n, 1, lazy);
		owned = 0;
		rv = 0;
		goto out;
	}
	if (s == raw && !text_mostly_utf8(s, n)) {
		ocap = len = n + n / 2 + 4;
		out = xmalloc(ocap);
		res = u8_conv_from_encoding("GB18030", iconveh_error,
		    (const char *)s, n, NULL, out, &len);
		if (res != NULL) {
			if (res != out) {
				free(out);
				ocap = len;
			}
			out = NULL;
			t->encoding = "GB18030";
			text_sanitise(t, res, ocap, res, len,
			    u8_check(res, len) == NULL, lazy);
			rv = 0;
			goto out;
		}
		free(out);
		out = NULL;
	}
	text_sanitise(t, owned ? raw : NULL, cap, s, n, 0, lazy);
	owned = 0;
	rv = 0;
out:
	free(out);
	if (owned)
		free(raw);
	return rv;
}

/* Decode n bytes (any supported encoding) into t. */
int
text_from_bytes(struct text *t, const char *bytes, size_t n,
    const char **cause)
{
	return text_decode(t, (uint8_t *)(uintptr_t)bytes, n, 0, 0, 0, cause);
}

/* Ask for huge pages under a large buffer: fewer, cheaper page faults
   while read() fills it. */
static void
text_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t a = ((uintptr_t)p + 0x1fffff) & ~(uintptr_t)0x1fffff;
	uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)0x1fffff;

	if (n >= 0x800000 && e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

/* Read and decode everything from file descriptor fd after the nhead
   bytes head (malloc'd, taken over; may be NULL) already read from it. */
static int
text_read_fd(struct text *t, int fd, char *head, size_t nhead, int lazy,
    const char **cause)
{
	struct stat	 st;
	uint8_t		*buf = NULL, probe[256];
	size_t		 len = 0, cap = TEXT_CHUNK + 1, room;
	ssize_t		 r;
	int		 sampled = 0;

	memset(t, 0, sizeof *t);
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			*cause = text_strerror(EISDIR);
			free(head);
			return -1;
		}
		/* A regular file's size, to read it into one buffer; a
		   bigger one (or a sparse 200 GB of zeros) grows as its
		   bytes come, and binary ends it early. */
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			cap = (uintmax_t)st.st_size < TEXT_PREALLOC ?
			    (size_t)st.st_size + 1 : TEXT_PREALLOC;
	}
	if (head != NULL) {
		/* Room for a chunk after the head; more grows by doubling
		   (a pipe's whole input may be the head already). */
		len = nhead;
		if (cap < len + TEXT_CHUNK + 1)
			cap = len + TEXT_CHUNK + 1;
		buf = xrealloc(head, cap);
	} else if ((buf = malloc(cap)) == NULL) {
		cap = TEXT_CHUNK + 1;	/* memory is short: grow as needed */
		buf = xmalloc(cap);
	}
	text_huge(buf, cap);
	for (;;) {
		room = cap - len - 1;
		if (room == 0) {
			/* Full: look for more before doubling the buffer. */
			r = read(fd, probe, sizeof probe);
			if (r > 0) {
				while (cap < len + (size_t)r + 1)
					cap *= 2;
				buf = xrealloc(buf, cap);
				memcpy(buf + len, probe, (size_t)r);
				len += (size_t)r;
			}
		} else {
			if (room > TEXT_CHUNK)
				room = TEXT_CHUNK;
			r = read(fd, buf + len, room);
			if (r > 0)
				len += (size_t)r;
		}
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = text_strerror(errno);
			free(buf);
			return -1;
		}
		/* Binary is decided on the first sample: say so as soon as
		   it is in, not after reading an endless /dev/zero. */
		if (!sampled && len >= TEXT_SAMPLE) {
			sampled = 1;
			if (text_is_binary(buf, TEXT_SAMPLE)) {
				*cause = "binary file";
				free(buf);
				return -1;
			}
		}
	}
	return text_decode(t, buf, len, cap, 1, lazy, cause);
}

/* Read and decode everything from file descriptor fd. */
int
text_load_fd(struct text *t, int fd, const char **cause)
{
	return text_read_fd(t, fd, NULL, 0, 0, cause);
}

/* The same after bytes already read from fd. */
int
text_load_rest(struct text *t, int fd, char *head, size_t nhead, int lazy,
    const char **cause)
{
	return text_read_fd(t, fd, head, nhead, lazy, cause);
}

/* Read and decode the file at path ("-" is standard input). */
static int
text_open(struct text *t, const char *path, int lazy, const char **cause)
{
	int	 fd, rv;

	memset(t, 0, sizeof *t);
	if (strcmp(path, "-") == 0)
		return text_read_fd(t, STDIN_FILENO, NULL, 0, lazy, cause);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = text_strerror(errno);
		return -1;
	}
	rv = text_read_fd(t, fd, NULL, 0, lazy, cause);
	close(fd);
	return rv;
}

/* Read and decode the file at path ("-" is standard input). */
int
text_load(struct text *t, const char *path, const char **cause)
{
	return text_open(t, path, 0, cause);
}

/* As text_load, the line index left to the first text_lines. */
int
text_load_lazy(struct text *t, const char *path, const char **cause)
{
	return text_open(t, path, 1, cause);
}

/* Free what t holds and clear it. */
void
text_free(struct text *t)
{
	free(t->buf);
	free(t->lines);
	free(t->pages);
	memset(t, 0, sizeof *t);
}

/* Guards the building of a line index by text_lines. */
static pthread_mutex_t	 text_lines_lock = PTHREAD_MUTEX_INITIALIZER;

/* The line index of t, built on first use when t was loaded lazily. */
const size_t *
text_lines(const struct text *t)
{
	size_t	*v = __atomic_load_n(&t->lines, __ATOMIC_ACQUIRE);

	if (v != NULL || t->nlines == 0)
		return v;
	pthread_mutex_lock(&text_lines_lock);
	if ((v = t->lines) == NULL) {
		v = xreallocarray(NULL, t->nlines, sizeof *v);
		text_scan_lines(t, v);
		/* the text is not really constant: only its index is
		   filled in, once */
		__atomic_store_n(&((struct text *)(uintptr_t)t)->lines, v,
		    __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&text_lines_lock);
	return v;
}

/* The 1-based source line holding byte offset off. */
size_t
text_line_of(const struct text *t, size_t off)
{
	const size_t	*lines;
	size_t		 lo = 0, hi = t->nlines, mid;

	if (hi <= 1)
		return 1;
	lines = text_lines(t);

	/* Find the last line start <= off. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}
