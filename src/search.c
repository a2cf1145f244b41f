/*
 * search: literal, folded and regular-expression search over the joined
 * text of a document.
 *
 * The index.  Every block of every page (banner first, then the stories)
 * is one unit; its joined text is copied into one contiguous buffer, raw,
 * each unit followed by a NUL (so each is a C string, and no literal key
 * can match across two).  A literal
 * search is then a single memchr-driven scan over raw; a hit is mapped to
 * its unit by binary search over the unit starts, and a hit that would
 * run across a separator is dropped.  Per unit the index also keeps the
 * joined-to-source map of page_block_join compressed into runs (a run is
 * a joined offset where the map is not the previous entry plus one).
 *
 * The folded text, fold, is built on first use: the same units, each
 * character (or a character with the combining marks that follow it)
 * replaced by its NFKC case folding and then, for Chinese characters, by
 * its Simplified representative (script_fold: 監 -> 监, 峰 -> 峯, from
 * OpenCC's dictionaries), so that Simplified, Traditional and variant
 * forms find each other.  A list of segments maps folded
 * bytes back to raw bytes.  In an identity segment every character has the
 * same length in both (ASCII, Han, 監 -> 监, Ä -> ä): raw = seg.r + (f - seg.f).
 * Any other character or combining sequence is a segment of its own whose
 * folded bytes all map to its whole raw bytes.  So a folded hit always
 * maps to whole characters of the joined text.
 *
 * Regular expressions (PCRE2) run unit by unit, so that ^ and $ anchor at
 * block boundaries and nothing matches across blocks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "doc.h"
#include "page.h"
#include "script.h"
#include "search.h"
#include "text.h"
#include "xmalloc.h"

struct search {
	char		*pattern;	/* as given */
	unsigned	 flags;		/* SEARCH_* */
	char		*key;		/* literal: the bytes searched for,
					   folded unless SEARCH_EXACT */
	size_t		 klen;		/* bytes of key; 0 matches nothing */
	pcre2_code	*re;		/* SEARCH_REGEX */
	pcre2_match_data *md;
};

/* A run of the joined-to-source map: joined j + k is source src + k. */
struct search_run {
	size_t		 j;
	size_t		 src;
};

/* A segment of the folded-to-raw map, starting at folded byte f. */
struct search_seg {
	size_t		 f;
	size_t		 r;		/* raw byte, | SEARCH_SEG_IDENT */
#define SEARCH_SEG_IDENT ((size_t)1 << (sizeof(size_t) * 8 - 1))
};

/* A searchable unit: one block's joined text. */
struct search_unit {
	size_t		 page;
	size_t		 story;		/* or SEARCH_BANNER */
	size_t		 block;
	size_t		 r, rlen;	/* its bytes in raw */
	size_t		 f, flen;	/* its bytes in fold */
	size_t		 run, nruns;	/* its map runs in runs */
};

struct search_index {
	const struct page **pages;
	size_t		 npages;
	struct search_unit *units;
	size_t		 nunits;
	struct search_run *runs;
	size_t		 nruns;
	char		*raw;		/* joined texts, NUL after each */
	size_t		 rawlen;
	size_t		 rawfreq[256];	/* sampled byte frequencies of raw */
	char		*fold;		/* folded texts, NULL until built */
	size_t		 foldlen;
	size_t		 foldfreq[256];
	struct search_seg *segs;	/* folded -> raw */
	size_t		 nsegs;
};

/* Output of the folding of a string. */
struct search_fold {
	char		*out;
	size_t		 len, cap;
	int		 map;		/* keep the map to raw in segs */
	struct search_seg *segs;
	size_t		 nsegs, segcap;
	int		 ident;		/* the last segment is an identity */
	int		 regex;		/* escape ASCII marks made by folding */
	struct search_fcache *cache;
};

/* A direct-mapped cache of single code point foldings. */
#define SEARCH_FCACHE_SIZE 4096
struct search_fcache {
	uint32_t	 c;		/* 0: empty */
	unsigned char	 len;
	char		 out[11];
};

/* Called for each hit of a scan; returns nonzero to stop the scan. */
typedef int (*search_cb)(void *, const struct search_hit *);

/* ---- folding ---------------------------------------------------------- */

/* Decode one UTF-8 character of s[0..n); an invalid byte decodes as
   itself with length 1 and c = 0xFFFD. */
static size_t
search_u8dec(const unsigned char *s, size_t n, uint32_t *c)
{
	size_t	 len, i;
	uint32_t v;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		v = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		v = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		v = s[0] & 0x07;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
		goto bad;
	*c = v;
	return len;
bad:
	*c = 0xFFFD;
	return 1;
}

/* Han ideographs: unchanged by NFKC and case folding. */
static int
search_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Does c belong to the combining sequence before it (so that NFKC may
   compose the two)? */
static int
search_fold_extends(uint32_t c)
{
	if (c < 0x300 || search_is_han(c))
		return 0;
	if (c >= 0x1160 && c <= 0x11FF)	/* Hangul medial and final jamo */
		return 1;
	if (c == 0xFF9E || c == 0xFF9F)	/* half-width (semi-)voiced marks */
		return 1;
	return uc_combining_class(c) != 0;
}

/* Note that n > 0 folded bytes from fo->len on stand for raw bytes from
   r on (identity bytes, or a group of their own). */
static void
search_fold_seg(struct search_fold *fo, size_t r, int ident)
{
	if (!ident || !fo->ident) {
		if (fo->nsegs == fo->segcap) {
			fo->segcap = fo->segcap ? fo->segcap * 2 : 64;
			fo->segs = xreallocarray(fo->segs, fo->segcap,
			    sizeof *fo->segs);
		}
		fo->segs[fo->nsegs].f = fo->len;
		fo->segs[fo->nsegs].r = r | (ident ? SEARCH_SEG_IDENT : 0);
		fo->nsegs++;
		fo->ident = ident;
	}
}

/* Make room for n more folded bytes (and a NUL). */
static void
search_fold_reserve(struct search_fold *fo, size_t n)
{
	if (fo->len + n + 1 > fo->cap) {
		while (fo->len + n + 1 > fo->cap)
			fo->cap = fo->cap ? fo->cap * 2 : 256;
		fo->out = xrealloc(fo->out, fo->cap);
	}
}

/* Append n folded bytes s standing for raw bytes from r on. */
static void
search_fold_put(struct search_fold *fo, const char *s, size_t n, size_t r,
    int ident)
{
	if (fo->map) {
		if (n == 0) {
			fo->ident = 0;	/* the next group starts a segment */
			return;
		}
		search_fold_seg(fo, r, ident);
	}
	search_fold_reserve(fo, n);
	memcpy(fo->out + fo->len, s, n);
	fo->len += n;
}

/* Append a folding made from non-ASCII source; in a regular expression,
   ASCII marks it produced (（ -> "(") are escaped to stay literal. */
static void
search_fold_put_folded(struct search_fold *fo, const char *s, size_t n,
    size_t r, int ident)
{
	char	 esc[2];
	size_t	 i;

	if (!fo->regex) {
		search_fold_put(fo, s, n, r, ident);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80 && !(c >= '0' && c <= '9') &&
		    !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		    c != ' ') {
			esc[0] = '\\';
			esc[1] = (char)c;
			search_fold_put(fo, esc, 2, r, 0);
		} else
			search_fold_put(fo, s + i, 1, r, 0);
	}
}

/* Apply the script fold to the Chinese characters of o[0..*olen), a
   folding made by libunistring into buf (of size cap) or malloc'ed; the
   result is o or a new buffer (o freed unless it is buf). */
static uint8_t *
search_fold_script(uint8_t *o, size_t *olen, uint8_t *buf, size_t cap)
{
	uint8_t		*r;
	size_t		 i, k, n = *olen, m = 0;
	uint32_t	 c, f;
	int		 changed = 0;

	for (i = 0; i < n; i += k) {
		k = search_u8dec(o + i, n - i, &c);
		if (c >= 0x3007 && script_fold(c) != c)
			changed = 1;
	}
	if (!changed)
		return o;
	r = xmalloc(n * 2 + 4);
	for (i = 0; i < n; i += k) {
		k = search_u8dec(o + i, n - i, &c);
		f = c >= 0x3007 && k > 1 ? script_fold(c) : c;
		if (f == c) {
			memcpy(r + m, o + i, k);
			m += k;
		} else
			m += u8_uctomb(r + m, f, 4);
	}
	if (o != buf)
		free(o);
	(void)cap;
	*olen = m;
	return r;
}

/* Fold a group of characters with libunistring. */
static void
search_fold_group(struct search_fold *fo, const char *s, size_t n, size_t r,
    uint32_t c, int single)
{
	struct search_fcache	*e = NULL;
	uint8_t			 buf[64], *o;
	size_t			 olen = sizeof buf;
	uint32_t		 c0;
	int			 ident;

	if (single && fo->cache != NULL) {
		e = &fo->cache[c % SEARCH_FCACHE_SIZE];
		if (e->c == c) {
			ident = e->len == n && search_u8dec((unsigned char *)e->out,
			    e->len, &c0) == e->len;
			search_fold_put_folded(fo, e->out, e->len, r, ident);
			return;
		}
	}
	o = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKC, buf, &olen);
	if (o == NULL) {		/* cannot happen on valid UTF-8 */
		search_fold_put(fo, s, n, r, 0);
		return;
	}
	o = search_fold_script(o, &olen, buf, sizeof buf);
	ident = olen == n && search_u8dec(o, olen, &c0) == olen;
	search_fold_put_folded(fo, (const char *)o, olen, r, ident);
	if (e != NULL && olen <= sizeof e->out) {
		e->c = c;
		e->len = (unsigned char)olen;
		memcpy(e->out, o, olen);
	}
	if (o != buf)
		free(o);
}

/* Fold the run from i on of ASCII and Han characters that no combining
   mark follows, and whose folds have their length (ASCII letters to lower
   case unless in a regular expression, Han characters by the script
   fold), into fo as identity bytes from raw byte r + i on.  Returns where
   the run ends. */
static size_t
search_fold_plain(struct search_fold *fo, const unsigned char *u, size_t n,
    size_t i, size_t r)
{
	const uint32_t	*tab = NULL;
	size_t		 start = i, last = i;
	unsigned char	*o;
	uint32_t	 c, f;

	search_fold_reserve(fo, n - i);
	o = (unsigned char *)fo->out + fo->len - start;
	while (i < n) {
		if (u[i] < 0x80) {
			o[i] = (unsigned char)(u[i] >= 'A' && u[i] <= 'Z' &&
			    !fo->regex ? u[i] + ('a' - 'A') : u[i]);
			last = i++;
			continue;
		}
		if (u[i] >= 0xE3 && u[i] <= 0xE9 && i + 2 < n &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			c = (uint32_t)(u[i] & 0x0F) << 12 |
			    (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			if (search_is_han(c)) {
				if (tab == NULL)
					tab = script_fold_table();
				f = tab[c - SCRIPT_FOLD_LO];
				if (f == c) {
					o[i] = u[i];
					o[i + 1] = u[i + 1];
					o[i + 2] = u[i + 2];
				} else if (f >= 0x800 && f < 0x10000 &&
				    !(f >= 0xD800 && f <= 0xDFFF)) {
					o[i] = (unsigned char)(0xE0 | f >> 12);
					o[i + 1] = (unsigned char)(0x80 |
					    (f >> 6 & 0x3F));
					o[i + 2] = (unsigned char)(0x80 |
					    (f & 0x3F));
				} else
					break;	/* not three bytes: a group */
				last = i;
				i += 3;
				continue;
			}
		}
		break;
	}
	if (i < n && i > start) {
		search_u8dec(u + i, n - i, &c);
		if (search_fold_extends(c))
			i = last;	/* the mark goes with the last one */
	}
	if (i > start) {
		if (fo->map)
			search_fold_seg(fo, r + start, 1);
		fo->len += i - start;
	}
	return i;
}

/* Fold s[0..n), whose first raw byte is r, into fo. */
static void
search_fold_run(struct search_fold *fo, const char *s, size_t n, size_t r)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, j, l;
	uint32_t		 c, c2;

	while (i < n) {
		j = search_fold_plain(fo, u, n, i, r);
		if (j > i) {
			i = j;
			continue;
		}
		l = search_u8dec(u + i, n - i, &c);
		j = i + l;
		while (j < n && u[j] >= 0x80) {
			size_t l2 = search_u8dec(u + j, n - j, &c2);

			if (!search_fold_extends(c2))
				break;
			j += l2;
		}
		if (j == i + l && (c < 0x80 || (c == 0xFFFD && l == 1)))
			search_fold_put(fo, s + i, l, r + i, 1);
		else
			search_fold_group(fo, s + i, j - i, r + i, c, j == i + l);
		i = j;
	}
}

/* Fold a string the way the index folds text. */
char *
search_fold(const char *s, size_t n, size_t *len)
{
	struct search_fold fo;

	memset(&fo, 0, sizeof fo);
	search_fold_run(&fo, s, n, 0);
	search_fold_put(&fo, "", 0, 0, 1);
	if (fo.out == NULL)
		fo.out = xmalloc(1);
	fo.out[fo.len] = '\0';
	if (len != NULL)
		*len = fo.len;
	return fo.out;
}

/* ---- the index -------------------------------------------------------- */

/* Sample the byte frequencies of a buffer (every 4096 bytes, 256 bytes). */
static void
search_sample(const char *s, size_t n, size_t *freq)
{
	size_t	 i, k, e;

	memset(freq, 0, 256 * sizeof *freq);
	for (i = 0; i < n; i += 4096) {
		e = i + 256 < n ? i + 256 : n;
		for (k = i; k < e; k++)
			freq[(unsigned char)s[k]]++;
	}
}

/* Add the blocks of one story (or the banner) of page p as units. */
static void
search_index_story(struct search_index *idx, size_t p, size_t st,
    const struct story *story, size_t *unitcap, size_t *runcap,
    size_t *rawcap)
{
	const struct page	*pg = idx->pages[p];
	struct search_unit	*u;
	char			*j;
	size_t			*map, len, b, k;

	for (b = 0; b < story->nblocks; b++) {
		j = page_block_join(pg, &story->blocks[b], &len, &map);
		if (idx->nunits == *unitcap) {
			*unitcap = *unitcap ? *unitcap * 2 : 64;
			idx->units = xreallocarray(idx->units, *unitcap,
			    sizeof *idx->units);
		}
		u = &idx->units[idx->nunits++];
		memset(u, 0, sizeof *u);
		u->page = p;
		u->story = st;
		u->block = b;
		u->r = idx->rawlen;
		u->rlen = len;
		u->run = idx->nruns;
		for (k = 0; k < len; k++) {
			if (k > 0 && map[k] == map[k - 1] + 1)
				continue;
			if (idx->nruns == *runcap) {
				*runcap = *runcap ? *runcap * 2 : 256;
				idx->runs = xreallocarray(idx->runs, *runcap,
				    sizeof *idx->runs);
			}
			idx->runs[idx->nruns].j = k;
			idx->runs[idx->nruns].src = map[k];
			idx->nruns++;
		}
		u->nruns = idx->nruns - u->run;
		if (idx->rawlen + len + 2 > *rawcap) {
			while (idx->rawlen + len + 2 > *rawcap)
				*rawcap = *rawcap ? *rawcap * 2 : 4096;
			idx->raw = xrealloc(idx->raw, *rawcap);
		}
		memcpy(idx->raw + idx->rawlen, j, len);
		idx->rawlen += len;
		idx->raw[idx->rawlen++] = '\0';
		free(j);
		free(map);
	}
}

/* Build the raw index of pages. */
static struct search_index *
search_index_new(const struct page **pages, size_t npages)
{
	struct search_index	*idx = xcalloc(1, sizeof *idx);
	size_t			 unitcap = 0, runcap = 0, rawcap = 0, p, st;

	idx->pages = pages;
	idx->npages = npages;
	for (p = 0; p < npages; p++) {
		search_index_story(idx, p, SEARCH_BANNER, &pages[p]->banner,
		    &unitcap, &runcap, &rawcap);
		for (st = 0; st < pages[p]->nstories; st++)
			search_index_story(idx, p, st, &pages[p]->stories[st],
			    &unitcap, &runcap, &rawcap);
	}
	if (idx->raw == NULL)
		idx->raw = xmalloc(1);
	idx->raw[idx->rawlen] = '\0';
	search_sample(idx->raw, idx->rawlen, idx->rawfreq);
	return idx;
}

/* Index every page of a doc. */
struct search_index *
search_index_doc(const struct doc *d)
{
	const struct page	**pages;
	size_t			  i;

	pages = xreallocarray(NULL, d->npages, sizeof *pages);
	for (i = 0; i < d->npages; i++)
		pages[i] = &d->pages[i].page;
	return search_index_new(pages, d->npages);
}

/* Index one page. */
struct search_index *
search_index_page(const struct page *pg)
{
	const struct page **pages = xmalloc(sizeof *pages);

	pages[0] = pg;
	return search_index_new(pages, 1);
}

/* Free an index. */
void
search_index_free(struct search_index *idx)
{
	if (idx == NULL)
		return;
	free(idx->pages);
	free(idx->units);
	free(idx->runs);
	free(idx->raw);
	free(idx->fold);
	free(idx->segs);
	free(idx);
}

/* Build the folded text and its map to raw. */
void
search_index_fold(struct search_index *idx)
{
	struct search_fold	 fo;
	struct search_unit	*u;
	size_t			 i;

	if (idx->fold != NULL)
		return;
	memset(&fo, 0, sizeof fo);
	fo.map = 1;
	fo.cache = xcalloc(SEARCH_FCACHE_SIZE, sizeof *fo.cache);
	fo.cap = idx->rawlen + 1;
	fo.out = xmalloc(fo.cap);
	for (i = 0; i < idx->nunits; i++) {
		u = &idx->units[i];
		u->f = fo.len;
		search_fold_run(&fo, idx->raw + u->r, u->rlen, u->r);
		u->flen = fo.len - u->f;
		search_fold_put(&fo, "", 1, u->r + u->rlen, 1);
	}
	search_fold_put(&fo, "", 0, idx->rawlen, 1);
	fo.out[fo.len] = '\0';
	free(fo.cache);
	idx->fold = fo.out;
	idx->foldlen = fo.len;
	idx->segs = fo.segs;
	idx->nsegs = fo.nsegs;
	search_sample(idx->fold, idx->foldlen, idx->foldfreq);
}

/* Bytes of joined text indexed. */
size_t
search_index_size(const struct search_index *idx)
{
	return idx->rawlen;
}

/* Compare unit keys: page, then banner before stories, then block. */
static int
search_keycmp(size_t p1, size_t s1, size_t b1, size_t p2, size_t s2,
    size_t b2)
{
	if (p1 != p2)
		return p1 < p2 ? -1 : 1;
	if (s1 + 1 != s2 + 1)		/* SEARCH_BANNER + 1 == 0 */
		return s1 + 1 < s2 + 1 ? -1 : 1;
	if (b1 != b2)
		return b1 < b2 ? -1 : 1;
	return 0;
}

/* The first unit whose key is not below (page, story, block). */
static size_t
search_unit_lower(const struct search_index *idx, size_t page, size_t story,
    size_t block)
{
	size_t	 lo = 0, hi = idx->nunits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (search_keycmp(idx->units[mid].page, idx->units[mid].story,
		    idx->units[mid].block, page, story, block) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The unit of a block, or NULL. */
static const struct search_unit *
search_unit_of(const struct search_index *idx, size_t page, size_t story,
    size_t block)
{
	size_t u = search_unit_lower(idx, page, story, block);

	if (u < idx->nunits && search_keycmp(idx->units[u].page,
	    idx->units[u].story, idx->units[u].block, page, story, block) == 0)
		return &idx->units[u];
	return NULL;
}

/* A block's joined text. */
const char *
search_joined(const struct search_index *idx, size_t page, size_t story,
    size_t block, size_t *len)
{
	const struct search_unit *u = search_unit_of(idx, page, story, block);

	if (u == NULL)
		return NULL;
	if (len != NULL)
		*len = u->rlen;
	return idx->raw + u->r;
}

/* ---- compiling -------------------------------------------------------- */

/* Compile a regular expression; NULL with *cause on error. */
static pcre2_code *
search_compile_re(const char *pattern, size_t len, const char *orig,
    uint32_t opts, char **cause)
{
	pcre2_code	*re;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 eoff;
	int		 ecode;
	size_t		 i, chars = 0;

	re = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &ecode, &eoff, NULL);
	if (re != NULL) {
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
		return re;
	}
	if (cause != NULL) {
		if (pcre2_get_error_message(ecode, msg, sizeof msg) < 0)
			strcpy((char *)msg, "error");
		for (i = 0; i < eoff && orig[i] != '\0'; i++)
			if (((unsigned char)orig[i] & 0xC0) != 0x80)
				chars++;
		*cause = xasprintf("invalid regular expression: %s at "
		    "character %zu", (char *)msg, chars);
	}
	return NULL;
}

/* Compile a pattern. */
struct search *
search_compile(const char *pattern, unsigned flags, char **cause)
{
	struct search	*s = xcalloc(1, sizeof *s);
	struct search_fold fo;
	uint32_t	 opts = PCRE2_UTF | PCRE2_UCP;
	pcre2_code	*folded;

	if (cause != NULL)
		*cause = NULL;
	if (u8_check((const uint8_t *)pattern, strlen(pattern)) != NULL) {
		/* A match could split a character of the text. */
		if (cause != NULL)
			*cause = xstrdup("invalid pattern: not valid UTF-8");
		free(s);
		return NULL;
	}
	s->pattern = xstrdup(pattern);
	s->flags = flags;
	if (!(flags & SEARCH_REGEX)) {
		if (flags & SEARCH_EXACT) {
			s->key = xstrdup(pattern);
			s->klen = strlen(pattern);
		} else
			s->key = search_fold(pattern, strlen(pattern), &s->klen);
		return s;
	}
	if (*pattern == '\0')
		return s;		/* matches nothing */
	if (!(flags & SEARCH_EXACT))
		opts |= PCRE2_CASELESS;
	/* Check the pattern as written, so errors point into it. */
	s->re = search_compile_re(pattern, PCRE2_ZERO_TERMINATED, pattern,
	    opts, cause);
	if (s->re == NULL) {
		search_free(s);
		return NULL;
	}
	if (!(flags & SEARCH_EXACT)) {
		memset(&fo, 0, sizeof fo);
		fo.regex = 1;
		search_fold_run(&fo, pattern, strlen(pattern), 0);
		folded = search_compile_re(fo.out != NULL ? fo.out : "",
		    fo.len, pattern, opts, NULL);
		free(fo.out);
		if (folded != NULL) {
			pcre2_code_free(s->re);
			s->re = folded;
		}
	}
	s->md = pcre2_match_data_create_from_pattern(s->re, NULL);
	return s;
}

/* Free a compiled pattern. */
void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pattern);
	free(s->key);
	if (s->md != NULL)
		pcre2_match_data_free(s->md);
	if (s->re != NULL)
		pcre2_code_free(s->re);
	free(s);
}

/* The pattern as given. */
const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

/* The flags given. */
unsigned
search_flags(const struct search *s)
{
	return s->flags;
}

/* ---- scanning --------------------------------------------------------- */

/* The byte of key least frequent in the text, to scan for with memchr;
   SEARCH_RARE_NONE when even that one is common (over 1 in 16). */
#define SEARCH_RARE_NONE ((size_t)-1)
static size_t
search_rare(const char *key, size_t klen, const size_t *freq)
{
	size_t	 i, best = klen - 1, total = 0;

	for (i = klen; i-- > 0; )
		if (freq[(unsigned char)key[i]] < freq[(unsigned char)key[best]])
			best = i;
	for (i = 0; i < 256; i++)
		total += freq[i];
	if (klen > 1 && freq[(unsigned char)key[best]] > total / 16)
		return SEARCH_RARE_NONE;
	return best;
}

/* Find key in h[0..n): a memchr scan for its rarest byte, or memmem
   (linear) when every byte of it is common. */
static const char *
search_find(const char *h, size_t n, const char *key, size_t klen,
    size_t rare)
{
	const char	*p, *end;
	unsigned char	 c;

	if (n < klen)
		return NULL;
	if (rare == SEARCH_RARE_NONE)
		return memmem(h, n, key, klen);
	c = (unsigned char)key[rare];
	if (klen == 1)
		return memchr(h, c, n);
	p = h + rare;
	end = h + n - (klen - 1 - rare);
	while (p < end && (p = memchr(p, c, (size_t)(end - p))) != NULL) {
		if (memcmp(p - rare, key, klen) == 0)
			return p - rare;
		p++;
	}
	return NULL;
}

/* The last segment starting at or before folded byte f. */
static const struct search_seg *
search_seg_at(const struct search_index *idx, size_t f)
{
	size_t	 lo = 0, hi = idx->nsegs, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (idx->segs[mid].f <= f)
			lo = mid;
		else
			hi = mid;
	}
	return &idx->segs[lo];
}

/* Map folded [fs, fe) to whole characters of raw [*rs, *re). */
static void
search_fold_to_raw(const struct search_index *idx, size_t fs, size_t fe,
    size_t *rs, size_t *re)
{
	const struct search_seg	*g;

	g = search_seg_at(idx, fs);
	if (g->r & SEARCH_SEG_IDENT)
		*rs = (g->r & ~SEARCH_SEG_IDENT) + (fs - g->f);
	else
		*rs = g->r;
	g = search_seg_at(idx, fe - 1);
	if (g->r & SEARCH_SEG_IDENT)
		*re = (g->r & ~SEARCH_SEG_IDENT) + (fe - g->f);
	else if (g + 1 < idx->segs + idx->nsegs)
		*re = g[1].r & ~SEARCH_SEG_IDENT;
	else
		*re = idx->rawlen;
}

/* Start of unit u in the buffer searched. */
#define UNIT_START(idx, u, fold) ((fold) ? (idx)->units[u].f : (idx)->units[u].r)
#define UNIT_LEN(idx, u, fold) ((fold) ? (idx)->units[u].flen : (idx)->units[u].rlen)

/* Report buffer bytes [s, e) of unit u as a hit, unless it overlaps the
   last one reported, whose raw end is *last (two folded matches inside
   one character's folding, "ss" of ß, map to the same character). */
static int
search_report(const struct search_index *idx, size_t u, int fold, size_t s,
    size_t e, size_t *last, search_cb cb, void *arg)
{
	const struct search_unit *un = &idx->units[u];
	struct search_hit	 h;
	size_t			 rs, re;

	if (fold)
		search_fold_to_raw(idx, s, e, &rs, &re);
	else {
		rs = s;
		re = e;
	}
	if (rs < *last)
		return 0;
	*last = re;
	h.page = un->page;
	h.story = un->story;
	h.block = un->block;
	h.start = rs - un->r;
	h.end = re - un->r;
	return cb(arg, &h);
}

/* Scan units [u0, u1) for a literal. */
static int
search_scan_literal(struct search_index *idx, const struct search *s,
    size_t u0, size_t u1, search_cb cb, void *arg)
{
	int		 fold = !(s->flags & SEARCH_EXACT);
	const char	*buf = fold ? idx->fold : idx->raw, *p;
	size_t		 rare, pos, end, off, u = u0, lo, hi, mid, step;
	size_t		 last = 0;

	rare = search_rare(s->key, s->klen, fold ? idx->foldfreq :
	    idx->rawfreq);
	pos = UNIT_START(idx, u0, fold);
	end = UNIT_START(idx, u1 - 1, fold) + UNIT_LEN(idx, u1 - 1, fold);
	while (pos < end) {
		p = search_find(buf + pos, end - pos, s->key, s->klen, rare);
		if (p == NULL)
			break;
		off = (size_t)(p - buf);
		/* The last unit in [u, u1) starting at or before off: hits
		   are close together or far apart, so gallop from u. */
		lo = u;
		for (step = 1; lo + step < u1 &&
		    UNIT_START(idx, lo + step, fold) <= off; step *= 2)
			lo += step;
		hi = lo + step < u1 ? lo + step : u1;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if (UNIT_START(idx, mid, fold) <= off)
				lo = mid;
			else
				hi = mid;
		}
		u = lo;
		if (off + s->klen > UNIT_START(idx, u, fold) +
		    UNIT_LEN(idx, u, fold)) {
			/* Across a separator: resume at the next unit. */
			if (u + 1 >= u1)
				break;
			pos = UNIT_START(idx, u + 1, fold);
			continue;
		}
		if (search_report(idx, u, fold, off, off + s->klen, &last, cb,
		    arg))
			return 1;
		pos = off + s->klen;
	}
	return 0;
}

/* Scan units [u0, u1) with a regular expression. */
static int
search_scan_re(struct search_index *idx, const struct search *s, size_t u0,
    size_t u1, search_cb cb, void *arg)
{
	int		 fold = !(s->flags & SEARCH_EXACT), rc;
	const char	*buf = fold ? idx->fold : idx->raw, *subj;
	PCRE2_SIZE	*ov;
	size_t		 u, len, pos, ms, me, next, last = 0;
	uint32_t	 c;

	for (u = u0; u < u1; u++) {
		subj = buf + UNIT_START(idx, u, fold);
		len = UNIT_LEN(idx, u, fold);
		pos = 0;
		while (pos <= len) {
			rc = pcre2_match(s->re, (PCRE2_SPTR)subj, len, pos,
			    PCRE2_NO_UTF_CHECK, s->md, NULL);
			if (rc < 0)
				break;
			ov = pcre2_get_ovector_pointer(s->md);
			ms = ov[0];
			me = ov[1];
			if (me > ms && me <= len) {
				if (search_report(idx, u, fold,
				    UNIT_START(idx, u, fold) + ms,
				    UNIT_START(idx, u, fold) + me, &last, cb,
				    arg))
					return 1;
				next = me;
			} else
				next = ms > pos ? ms : pos;
			if (next <= pos || me <= ms) {
				/* An empty match: step over a character. */
				if (next >= len)
					break;
				next += search_u8dec((const unsigned char *)subj +
				    next, len - next, &c);
			}
			pos = next;
		}
	}
	return 0;
}

/* Report the matches in units [u0, u1) in order to cb. */
static int
search_scan(struct search_index *idx, const struct search *s, size_t u0,
    size_t u1, search_cb cb, void *arg)
{
	if (u1 > idx->nunits)
		u1 = idx->nunits;
	if (u0 >= u1)
		return 0;
	if (!(s->flags & SEARCH_EXACT))
		search_index_fold(idx);
	if (s->flags & SEARCH_REGEX) {
		if (s->re == NULL)
			return 0;
		return search_scan_re(idx, s, u0, u1, cb, arg);
	}
	if (s->klen == 0)
		return 0;
	return search_scan_literal(idx, s, u0, u1, cb, arg);
}

/* ---- queries ---------------------------------------------------------- */

struct search_list {
	struct search_hit *hits;
	size_t		 n, cap;
};

/* Keep every hit. */
static int
search_cb_list(void *arg, const struct search_hit *h)
{
	struct search_list *l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->hits = xreallocarray(l->hits, l->cap, sizeof *l->hits);
	}
	l->hits[l->n++] = *h;
	return 0;
}

/* Count every hit. */
static int
search_cb_count(void *arg, const struct search_hit *h)
{
	(*(size_t *)arg)++;
	return 0;
}

/* All matches in reading order. */
size_t
search_doc(struct search_index *idx, const struct search *s,
    struct search_hit **hits)
{
	struct search_list l = { NULL, 0, 0 };

	search_scan(idx, s, 0, idx->nunits, search_cb_list, &l);
	*hits = l.hits;
	return l.n;
}

/* The matches in one story. */
size_t
search_story(struct search_index *idx, const struct search *s, size_t page,
    size_t story, struct search_hit **hits)
{
	struct search_list l = { NULL, 0, 0 };
	size_t	u0, u1;

	u0 = search_unit_lower(idx, page, story, 0);
	u1 = u0;
	while (u1 < idx->nunits && idx->units[u1].page == page &&
	    idx->units[u1].story == story)
		u1++;
	search_scan(idx, s, u0, u1, search_cb_list, &l);
	*hits = l.hits;
	return l.n;
}

/* Count the matches. */
size_t
search_count(struct search_index *idx, const struct search *s)
{
	size_t n = 0;

	search_scan(idx, s, 0, idx->nunits, search_cb_count, &n);
	return n;
}

/* Compare a hit's start with a position. */
static int
search_poscmp(const struct search_hit *h, const struct search_pos *p)
{
	int c = search_keycmp(h->page, h->story, h->block, p->page, p->story,
	    p->block);

	if (c != 0)
		return c;
	if (h->start != p->off)
		return h->start < p->off ? -1 : 1;
	return 0;
}

/* Count the hits starting before a position. */
struct search_before {
	const struct search_pos *pos;
	size_t		 n;
};

static int
search_cb_before(void *arg, const struct search_hit *h)
{
	struct search_before *b = arg;

	if (search_poscmp(h, b->pos) >= 0)
		return 1;
	b->n++;
	return 0;
}

/* The number of matches starting before pos. */
size_t
search_count_before(struct search_index *idx, const struct search *s,
    const struct search_pos *pos)
{
	struct search_before b = { pos, 0 };
	size_t	 u = search_unit_lower(idx, pos->page, pos->story, pos->block);

	search_scan(idx, s, 0, u + 1, search_cb_before, &b);
	return b.n;
}

struct search_seek {
	const struct search_pos *pos;	/* NULL: any hit */
	struct search_hit hit;
	int		 found;
};

/* Stop at the first hit at or after pos. */
static int
search_cb_first(void *arg, const struct search_hit *h)
{
	struct search_seek *k = arg;

	if (k->pos != NULL && search_poscmp(h, k->pos) < 0)
		return 0;
	k->hit = *h;
	k->found = 1;
	return 1;
}

/* Keep the last hit before pos. */
static int
search_cb_last(void *arg, const struct search_hit *h)
{
	struct search_seek *k = arg;

	if (k->pos != NULL && search_poscmp(h, k->pos) >= 0)
		return 1;
	k->hit = *h;
	k->found = 1;
	return 0;
}

/* The last hit in units [0, hi) before pos (any if pos is NULL),
   scanning backward in growing chunks of units. */
static int
search_last(struct search_index *idx, const struct search *s, size_t hi,
    const struct search_pos *pos, struct search_hit *hit)
{
	struct search_seek	 k;
	size_t			 lo, chunk = 16;

	while (hi > 0) {
		lo = hi > chunk ? hi - chunk : 0;
		k.pos = pos;
		k.found = 0;
		search_scan(idx, s, lo, hi, search_cb_last, &k);
		if (k.found) {
			*hit = k.hit;
			return 1;
		}
		hi = lo;
		if (chunk < ((size_t)1 << 20))
			chunk *= 2;
	}
	return 0;
}

/* The next (or previous) match from a position, wrapping around. */
int
search_next(struct search_index *idx, const struct search *s,
    const struct search_pos *pos, int backward, struct search_hit *hit)
{
	struct search_seek	 k;
	size_t			 u;

	u = search_unit_lower(idx, pos->page, pos->story, pos->block);
	if (!backward) {
		k.pos = pos;
		k.found = 0;
		search_scan(idx, s, u, idx->nunits, search_cb_first, &k);
		if (k.found) {
			*hit = k.hit;
			return SEARCH_FOUND;
		}
		k.pos = NULL;
		search_scan(idx, s, 0, u + 1, search_cb_first, &k);
		if (k.found) {
			*hit = k.hit;
			return SEARCH_WRAPPED;
		}
		return SEARCH_NONE;
	}
	if (search_last(idx, s, u + 1 < idx->nunits ? u + 1 : idx->nunits,
	    pos, hit))
		return SEARCH_FOUND;
	if (search_last(idx, s, idx->nunits, NULL, hit))
		return SEARCH_WRAPPED;
	return SEARCH_NONE;
}

/* ---- hits ------------------------------------------------------------- */

/* The source byte of joined byte j of unit u. */
static size_t
search_src(const struct search_index *idx, const struct search_unit *u,
    size_t j)
{
	size_t	 lo = u->run, hi = u->run + u->nruns, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (idx->runs[mid].j <= j)
			lo = mid;
		else
			hi = mid;
	}
	return idx->runs[lo].src + (j - idx->runs[lo].j);
}

/* The source bytes of a hit. */
int
search_hit_source(const struct search_index *idx,
    const struct search_hit *h, struct range *src)
{
	const struct search_unit *u;
	const struct page	*pg;
	size_t			 last;

	u = search_unit_of(idx, h->page, h->story, h->block);
	if (u == NULL || u->nruns == 0 || h->end <= h->start ||
	    h->end > u->rlen)
		return -1;
	pg = idx->pages[h->page];
	src->start = search_src(idx, u, h->start);
	last = search_src(idx, u, h->end - 1);
	/* A space inserted between pieces stands for no source byte. */
	if (pg->text->buf[last] == idx->raw[u->r + h->end - 1])
		last++;
	src->end = last > src->start ? last : src->start;
	return 0;
}

/* The source line of a hit. */
size_t
search_hit_line(const struct search_index *idx, const struct search_hit *h)
{
	struct range	 src;

	if (search_hit_source(idx, h, &src) != 0)
		return 0;
	return text_line_of(idx->pages[h->page]->text, src.start);
}

/* A string literal and its length in bytes. */
struct search_lit {
	const char	*s;
	size_t		 len;
};
#define SEARCH_LIT(s)	{ (s), sizeof(s) - 1 }

/* The length of the literal of lits[0..n) that s[0..len) starts with,
   or 0. */
static size_t
search_lit_at(const char *s, size_t len, const struct search_lit *lits,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (len >= lits[i].len && memcmp(s, lits[i].s, lits[i].len) == 0)
			return lits[i].len;
	return 0;
}

/* Does the character at s end a sentence? */
static int
search_is_stop(const char *s, size_t n)
{
	static const struct search_lit stops[] = { SEARCH_LIT("。"),
	    SEARCH_LIT("！"), SEARCH_LIT("？"), SEARCH_LIT("；"),
	    SEARCH_LIT("…") };

	if (n > 0 && (*s == '!' || *s == '?' || *s == ';'))
		return 1;
	return search_lit_at(s, n, stops, sizeof stops / sizeof *stops) > 0;
}

/* The length of the closing mark (quote, bracket) at s, or 0. */
static size_t
search_close_len(const char *s, size_t n)
{
	static const struct search_lit marks[] = { SEARCH_LIT("”"),
	    SEARCH_LIT("’"), SEARCH_LIT("」"), SEARCH_LIT("』"),
	    SEARCH_LIT("）"), SEARCH_LIT("】"), SEARCH_LIT("》"),
	    SEARCH_LIT("〉") };

	if (n > 0 && (*s == ')' || *s == '"' || *s == '\''))
		return 1;
	return search_lit_at(s, n, marks, sizeof marks / sizeof *marks);
}

/* Start of the character before byte i of s. */
static size_t
search_prev_char(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
		;
	return i;
}

/* Append s[0..n) to a buffer, control characters made spaces. */
static size_t
search_put_clean(char *out, const char *s, size_t n)
{
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F)
			out[o++] = ' ';
		else if (c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F) {
			out[o++] = ' ';		/* a C1 control */
			i++;
		} else
			out[o++] = (char)c;
	}
	return o;
}

/* A line of context around a hit. */
char *
search_context(const struct search_index *idx, const struct search_hit *h,
    size_t around, size_t *mstart, size_t *mend)
{
	static const char ell[] = "…";
	const struct search_unit *u;
	const char	*j;
	char		*out;
	size_t		 n, cs, ce, k, o = 0, start, end;
	uint32_t	 c;
	int		 cutl = 0, cutr = 0;

	u = search_unit_of(idx, h->page, h->story, h->block);
	if (u == NULL) {
		*mstart = *mend = 0;
		return xstrdup("");
	}
	j = idx->raw + u->r;
	n = u->rlen;
	start = h->start < n ? h->start : n;
	end = h->end < n ? h->end : n;
	if (end < start)
		end = start;
	/* Back to the start of the sentence or around characters. */
	cs = start;
	for (k = 0; cs > 0; k++) {
		size_t p = search_prev_char(j, cs);

		if (search_is_stop(j + p, n - p))
			break;
		if (k == around) {
			cutl = 1;
			break;
		}
		cs = p;
	}
	/* A sentence starts after the closing marks of the one before. */
	for (;;) {
		if (cs < start && j[cs] == ' ')
			cs++;
		else if (!cutl && cs < start && (k = search_close_len(j + cs,
		    start - cs)) > 0)
			cs += k;
		else
			break;
	}
	/* On to the end of the sentence, its mark included. */
	ce = end;
	for (k = 0; ce < n; k++) {
		if (k == around) {
			cutr = 1;
			break;
		}
		if (search_is_stop(j + ce, n - ce)) {
			ce += search_u8dec((const unsigned char *)j + ce,
			    n - ce, &c);
			while ((k = search_close_len(j + ce, n - ce)) > 0)
				ce += k;
			break;
		}
		ce += search_u8dec((const unsigned char *)j + ce, n - ce, &c);
	}
	while (ce > end && j[ce - 1] == ' ')
		ce--;
	out = xmalloc((ce - cs) + 2 * sizeof ell + 1);
	if (cutl) {
		memcpy(out, ell, sizeof ell - 1);
		o += sizeof ell - 1;
	}
	o += search_put_clean(out + o, j + cs, start - cs);
	*mstart = o;
	o += search_put_clean(out + o, j + start, end - start);
	*mend = o;
	o += search_put_clean(out + o, j + end, ce - end);
	if (cutr) {
		memcpy(out + o, ell, sizeof ell - 1);
		o += sizeof ell - 1;
	}
	out[o] = '\0';
	return out;
}
