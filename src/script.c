/*
 * script: Simplified and Traditional Chinese with OpenCC (see script.h).
 *
 * OpenCC's C API converts strings with a configuration (t2s.json ...);
 * it does not list its dictionaries.  So the fold map is made by
 * converting every CJK code point, one per line, with the character
 * configurations and reading the answers back: t2s gives the Simplified
 * form, tw2t and hk2t the standard form of a Taiwan or Hong Kong variant.
 * One step of the fold takes the first of these that changes a character;
 * the fold follows the steps to a character none changes (a cycle, which
 * the dictionaries should not have, ends at its smallest code point).  So
 * 爲, 為 and 为 fold to 为, and the fold of a fold is itself.
 *
 * Converting a text: the Chinese characters come in units, runs of CJK
 * characters that a line break inside a paragraph does not end (a phrase
 * cut by a hard-wrapped line is still converted as a phrase), a page
 * break does.  Units go to OpenCC in batches, one unit a line, so that
 * its phrase segmentation sees each unit whole and nothing else.  A unit
 * whose conversion has as many characters as itself (nearly all) is mapped
 * character by character, its line breaks put back where they were; any
 * other is converted line by line and mapped as a whole.  Everything
 * else is copied.  The map back to the source is a list of segments, as
 * in search.c: a run of characters of unchanged byte length is one
 * identity segment.
 */
#include <opencc.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "script.h"
#include "xmalloc.h"

/* ---- names ------------------------------------------------------------ */

static const struct {
	const char	*name;
	const char	*alias;
	const char	*tag;
} script_names[SCRIPT__COUNT] = {
	[SCRIPT_ORIGINAL] = { "original", "o", "" },
	[SCRIPT_SIMPLIFIED] = { "simplified", "s", "简" },
	[SCRIPT_TRADITIONAL] = { "traditional", "t", "繁" },
	[SCRIPT_TAIWAN] = { "taiwan", "tw", "繁台" },
	[SCRIPT_HONGKONG] = { "hongkong", "hk", "繁港" },
};

/* The script of a name. */
int
script_parse(const char *name, enum script *s)
{
	int	 i;

	for (i = 0; i < SCRIPT__COUNT; i++)
		if (strcmp(name, script_names[i].name) == 0 ||
		    strcmp(name, script_names[i].alias) == 0) {
			*s = (enum script)i;
			return 0;
		}
	return -1;
}

/* The name of a script. */
const char *
script_name(enum script s)
{
	return (unsigned)s < SCRIPT__COUNT ? script_names[s].name : "?";
}

/* The status line's tag of a script. */
const char *
script_tag(enum script s)
{
	return (unsigned)s < SCRIPT__COUNT ? script_names[s].tag : "";
}

/* The next script in the reader's cycle. */
enum script
script_next(enum script s)
{
	return (enum script)(((unsigned)s + 1) % SCRIPT__COUNT);
}

/* ---- OpenCC ----------------------------------------------------------- */

enum script_cfg {
	CFG_T2S, CFG_TW2T, CFG_HK2T, CFG_S2T, CFG_S2TW, CFG_S2HK, CFG_T2TW,
	CFG_T2HK, CFG__COUNT
};

static const char *const script_cfg_files[CFG__COUNT] = {
	"t2s.json", "tw2t.json", "hk2t.json", "s2t.json", "s2tw.json",
	"s2hk.json", "t2tw.json", "t2hk.json"
};

#define SCRIPT_PACKAGE	"Debian package libopencc-data"

/* Threads that convert parts of one batch at once, each with a handle
   of its own (at most; no more than the processors online). */
#define SCRIPT_THREADS	8

static struct {
	opencc_t	 h;
	int		 state;		/* 0 not tried, 1 open, -1 failed */
	char		*why;		/* the failure, as one line */
	pthread_mutex_t	 use;		/* one conversion at a time */
	/* more handles, for the threads of script_cc_par: [k - 1] is
	   thread k's */
	opencc_t	 more[SCRIPT_THREADS - 1];
	int		 mstate[SCRIPT_THREADS - 1];
	pthread_mutex_t	 muse[SCRIPT_THREADS - 1];
} script_cc[CFG__COUNT];
static pthread_mutex_t	 script_cc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t	 script_cc_once = PTHREAD_ONCE_INIT;

static void
script_cc_init(void)
{
	int	 i;

	int	 k;

	for (i = 0; i < CFG__COUNT; i++) {
		pthread_mutex_init(&script_cc[i].use, NULL);
		for (k = 0; k < SCRIPT_THREADS - 1; k++)
			pthread_mutex_init(&script_cc[i].muse[k], NULL);
	}
}

/* The path of a configuration: in $DUBAO_OPENCC_DIR when it is set, else
   the bare name, which OpenCC looks for in its own data directory. */
static char *
script_cfg_path(enum script_cfg c)
{
	const char *dir = getenv("DUBAO_OPENCC_DIR");

	if (dir != NULL && *dir != '\0')
		return xasprintf("%s/%s", dir, script_cfg_files[c]);
	return xstrdup(script_cfg_files[c]);
}

/* The handle of configuration c, opened on first use; NULL when it
   cannot be (script_cc[c].why says why). */
static opencc_t
script_cc_get(enum script_cfg c)
{
	char		*path, *why, *p;
	const char	*e;
	size_t		 n;
	opencc_t	 h;

	pthread_once(&script_cc_once, script_cc_init);
	pthread_mutex_lock(&script_cc_lock);
	if (script_cc[c].state == 0) {
		path = script_cfg_path(c);
		h = opencc_open(path);
		if (h == (opencc_t)-1) {
			/* "t2s.json not found or not accessible." */
			e = opencc_error();
			why = xstrdup(e != NULL && *e != '\0' ? e :
			    "cannot be loaded");
			n = strlen(why);
			while (n > 0 && (why[n - 1] == '.' || why[n - 1] == '\n'))
				why[--n] = '\0';
			/* short, for a status line: "OpenCC dictionary
			   t2s.json not found (Debian package ...)" */
			if ((p = strstr(why, " not found")) != NULL)
				*p = '\0';
			script_cc[c].why = p != NULL && strstr(why,
			    script_cfg_files[c]) != NULL ?
			    xasprintf("OpenCC dictionary %s not found (%s)",
			    why, SCRIPT_PACKAGE) : xasprintf("OpenCC "
			    "dictionary %s: %s (%s)", path, why,
			    SCRIPT_PACKAGE);
			free(why);
			script_cc[c].state = -1;
		} else {
			script_cc[c].h = h;
			script_cc[c].state = 1;
		}
		free(path);
	}
	h = script_cc[c].state == 1 ? script_cc[c].h : NULL;
	pthread_mutex_unlock(&script_cc_lock);
	return h;
}

/* Convert n bytes with configuration c: a malloc'ed string, or NULL. */
static char *
script_cc_run(enum script_cfg c, const char *s, size_t n)
{
	opencc_t h = script_cc_get(c);
	char	*r, *out;

	if (h == NULL)
		return NULL;
	pthread_mutex_lock(&script_cc[c].use);
	r = opencc_convert_utf8(h, s, n);
	pthread_mutex_unlock(&script_cc[c].use);
	if (r == NULL)
		return NULL;
	out = xstrdup(r);
	opencc_convert_utf8_free(r);
	return out;
}

/* One part of a batch for a thread of script_cc_par. */
struct script_part {
	enum script_cfg	 c;
	int		 k;		/* thread: 0 the caller's */
	const char	*s;
	size_t		 n;
	char		*out;		/* malloc'ed, or NULL */
};

/* Convert a part with handle k (k > 0: one of the more handles, opened
   on first use). */
static void *
script_part_run(void *arg)
{
	struct script_part *pt = arg;
	opencc_t	 h = NULL;
	char		*path, *r;
	int		 m = pt->k - 1;

	if (pt->k == 0) {
		pt->out = script_cc_run(pt->c, pt->s, pt->n);
		return NULL;
	}
	pthread_mutex_lock(&script_cc_lock);
	if (script_cc[pt->c].mstate[m] == 0) {
		path = script_cfg_path(pt->c);
		h = opencc_open(path);
		free(path);
		script_cc[pt->c].more[m] = h;
		script_cc[pt->c].mstate[m] = h == (opencc_t)-1 ? -1 : 1;
	}
	h = script_cc[pt->c].mstate[m] == 1 ? script_cc[pt->c].more[m] : NULL;
	pthread_mutex_unlock(&script_cc_lock);
	if (h == NULL)
		return NULL;
	pthread_mutex_lock(&script_cc[pt->c].muse[m]);
	r = opencc_convert_utf8(h, pt->s, pt->n);
	pthread_mutex_unlock(&script_cc[pt->c].muse[m]);
	if (r != NULL) {
		pt->out = xstrdup(r);
		opencc_convert_utf8_free(r);
	}
	return NULL;
}

/* Convert n bytes of lines with configuration c as script_cc_run does,
   cut at line ends into parts that threads convert at once (OpenCC's
   pace is a few MB/s).  NULL when a part could not be converted. */
static char *
script_cc_par(enum script_cfg c, const char *s, size_t n)
{
	struct script_part	 pt[SCRIPT_THREADS];
	pthread_t		 th[SCRIPT_THREADS];
	bool			 run[SCRIPT_THREADS];
	sigset_t		 all, old;
	long			 cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t			 k, np, a, b, len = 0;
	const char		*nl;
	char			*out = NULL;
	int			 ok = 1;

	np = cpus > 1 ? (size_t)cpus : 1;
	if (np > SCRIPT_THREADS)
		np = SCRIPT_THREADS;
	if (np > n / (64 * 1024) + 1)
		np = n / (64 * 1024) + 1;	/* not for a little text */
	if (np <= 1)
		return script_cc_run(c, s, n);
	memset(pt, 0, sizeof pt);
	for (k = 0, a = 0; k < np; k++, a = b) {
		b = k + 1 == np ? n : n / np * (k + 1);
		if (b < a)
			b = a;
		if (b < n && (nl = memchr(s + b, '\n', n - b)) != NULL)
			b = (size_t)(nl - s) + 1;
		else
			b = n;
		pt[k].c = c;
		pt[k].k = (int)k;
		pt[k].s = s + a;
		pt[k].n = b - a;
	}
	/* the threads take no signal: they belong to the caller's thread */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (k = 1; k < np; k++)
		run[k] = pt[k].n > 0 &&
		    pthread_create(&th[k], NULL, script_part_run, &pt[k]) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	script_part_run(&pt[0]);
	for (k = 1; k < np; k++) {
		if (run[k])
			pthread_join(th[k], NULL);
		else if (pt[k].n > 0)
			script_part_run(&pt[k]);	/* no thread */
	}
	for (k = 0; k < np; k++) {
		if (pt[k].n > 0 && pt[k].out == NULL)
			ok = 0;
		len += pt[k].out != NULL ? strlen(pt[k].out) : 0;
	}
	if (ok) {
		out = xmalloc(len + 1);
		for (len = 0, k = 0; k < np; k++)
			if (pt[k].out != NULL) {
				memcpy(out + len, pt[k].out, strlen(pt[k].out));
				len += strlen(pt[k].out);
			}
		out[len] = '\0';
	}
	for (k = 0; k < np; k++)
		free(pt[k].out);
	return out;
}

/* ---- UTF-8 ------------------------------------------------------------ */

/* Decode the character at s (valid UTF-8, n > 0 bytes left). */
static size_t
script_dec(const unsigned char *s, size_t n, uint32_t *c)
{
	if (s[0] < 0x80 || n < 2) {
		*c = s[0];
		return 1;
	}
	if (s[0] < 0xE0) {
		*c = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] < 0xF0 && n >= 3) {
		*c = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	if (n >= 4) {
		*c = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	*c = s[0];
	return 1;
}

/* Encode c at o; returns its length. */
static size_t
script_enc(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Is c a character OpenCC's dictionaries may hold: a CJK ideograph? */
static int
script_is_cjk(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
	    c == 0x3007;
}

/* ---- the fold map ----------------------------------------------------- */

/* The code points run through OpenCC, and the part of them (the first
   three ranges: Basic Multilingual Plane) that the variant tables need;
   their keys are all there. */
static const uint32_t script_ranges[][2] = {
	{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xF900, 0xFAFF },
	{ 0x20000, 0x3134F },
};
#define SCRIPT_NRANGES	4
#define SCRIPT_NBMP	3
#define SCRIPT_TOP	0x31350		/* past the last code point */

#define FOLD_LO		SCRIPT_FOLD_LO
#define FOLD_HI		SCRIPT_FOLD_HI

struct script_pair {
	uint32_t	 c, f;
};

static uint32_t		*script_ftab;	/* [FOLD_HI - FOLD_LO]: the fold */
static uint8_t		*script_tbits;	/* the same, t2s changes it */
static struct script_pair *script_fpairs; /* other code points, by c */
static size_t		 script_nfpairs;
static int		 script_fold_good;
static char		*script_fold_why;
static pthread_once_t	 script_fold_once = PTHREAD_ONCE_INIT;

/* Run the code points of the first nr ranges through configuration c,
   one a line, and note in step[] each that becomes another single code
   point (unless step[] has one already).  Returns -1 when c could not
   be loaded. */
static int
script_fold_run(enum script_cfg c, int nr, uint32_t *step, uint8_t *tbits)
{
	char		*in, *out, *p;
	size_t		 n = 0, cap = 0, k, l;
	uint32_t	 cp, d;
	int		 r;

	for (r = 0; r < nr; r++)
		cap += (script_ranges[r][1] - script_ranges[r][0] + 1) * 5;
	in = xmalloc(cap + 1);
	for (r = 0; r < nr; r++)
		for (cp = script_ranges[r][0]; cp <= script_ranges[r][1]; cp++) {
			n += script_enc(in + n, cp);
			in[n++] = '\n';
		}
	in[n] = '\0';
	out = script_cc_run(c, in, n);
	free(in);
	if (out == NULL)
		return -1;
	p = out;
	for (r = 0; r < nr && p != NULL; r++)
		for (cp = script_ranges[r][0]; cp <= script_ranges[r][1]; cp++) {
			char *nl = strchr(p, '\n');

			if (nl == NULL) {
				p = NULL;	/* lines lost: take no more */
				break;
			}
			l = (size_t)(nl - p);
			k = l > 0 ? script_dec((unsigned char *)p, l, &d) : 0;
			if (k == l && l > 0 && d != cp && step[cp] == 0 &&
			    d < SCRIPT_TOP) {
				step[cp] = d;
				if (tbits != NULL)
					tbits[cp >> 3] |= (uint8_t)(1 << (cp & 7));
			}
			p = nl + 1;
		}
	free(out);
	return 0;
}

/* The end of the steps from c. */
static uint32_t
script_fold_follow(const uint32_t *step, uint32_t c)
{
	uint32_t	 path[16], x = c, m;
	int		 n = 0, i, j;

	while (step[x] != 0 && n < 16) {
		path[n++] = x;
		x = step[x];
		for (i = 0; i < n; i++)
			if (path[i] == x) {
				/* a cycle: its smallest member */
				for (m = x, j = i; j < n; j++)
					if (path[j] < m)
						m = path[j];
				return m;
			}
	}
	return x;
}

/* Build the fold map. */
static void
script_fold_build(void)
{
	static const enum script_cfg cfgs[] = { CFG_T2S, CFG_TW2T, CFG_HK2T };
	uint32_t	*step = xcalloc(SCRIPT_TOP, sizeof *step);
	uint8_t		*tbits = xcalloc(SCRIPT_TOP / 8 + 1, 1);
	uint32_t	 c, f;
	size_t		 i, cap = 0;
	int		 good = 1;

	for (i = 0; i < sizeof cfgs / sizeof cfgs[0]; i++)
		if (script_fold_run(cfgs[i], i == 0 ? SCRIPT_NRANGES :
		    SCRIPT_NBMP, step, i == 0 ? tbits : NULL) != 0) {
			good = 0;
			if (script_fold_why == NULL)
				script_fold_why = xstrdup(
				    script_cc[cfgs[i]].why != NULL ?
				    script_cc[cfgs[i]].why : "OpenCC failed");
		}
	script_ftab = xmalloc((FOLD_HI - FOLD_LO) * sizeof *script_ftab);
	script_tbits = xcalloc((FOLD_HI - FOLD_LO) / 8 + 1, 1);
	for (c = FOLD_LO; c < FOLD_HI; c++) {
		script_ftab[c - FOLD_LO] = script_fold_follow(step, c);
		if (tbits[c >> 3] & (1 << (c & 7)))
			script_tbits[(c - FOLD_LO) >> 3] |=
			    (uint8_t)(1 << ((c - FOLD_LO) & 7));
	}
	for (c = 0; c < SCRIPT_TOP; c++) {
		if ((c >= FOLD_LO && c < FOLD_HI) || step[c] == 0)
			continue;
		if ((f = script_fold_follow(step, c)) == c)
			continue;
		if (script_nfpairs == cap) {
			cap = cap ? cap * 2 : 256;
			script_fpairs = xreallocarray(script_fpairs, cap,
			    sizeof *script_fpairs);
		}
		script_fpairs[script_nfpairs].c = c;
		script_fpairs[script_nfpairs].f = f |
		    ((tbits[c >> 3] >> (c & 7) & 1u) << 31);
		script_nfpairs++;
	}
	free(step);
	free(tbits);
	script_fold_good = good;
}

/* Build the fold map now. */
void
script_fold_init(void)
{
	pthread_once(&script_fold_once, script_fold_build);
}

/* The fold table of the BMP ideographs. */
const uint32_t *
script_fold_table(void)
{
	script_fold_init();
	return script_ftab;
}

/* Whether the fold map is complete. */
int
script_fold_ok(void)
{
	script_fold_init();
	return script_fold_good;
}

/* The pair of code point c outside the table, or NULL. */
static const struct script_pair *
script_fold_pair(uint32_t c)
{
	size_t	 lo = 0, hi = script_nfpairs, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (script_fpairs[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < script_nfpairs && script_fpairs[lo].c == c ?
	    &script_fpairs[lo] : NULL;
}

/* The fold of c. */
uint32_t
script_fold(uint32_t c)
{
	const struct script_pair *p;

	script_fold_init();
	if (c >= FOLD_LO && c < FOLD_HI)
		return script_ftab[c - FOLD_LO];
	if (c < 0x3007 || (c > 0x3007 && c < FOLD_LO))
		return c;
	p = script_fold_pair(c);
	return p != NULL ? p->f & 0x7FFFFFFF : c;
}

/* Does OpenCC's t2s change c? */
static int
script_is_trad(uint32_t c)
{
	const struct script_pair *p;

	if (c >= FOLD_LO && c < FOLD_HI)
		return script_tbits[(c - FOLD_LO) >> 3] >> ((c - FOLD_LO) & 7) & 1;
	if (c < 0xF900)
		return 0;
	p = script_fold_pair(c);
	return p != NULL && (p->f >> 31);
}

/* The first problem with the dictionaries. */
const char *
script_error(void)
{
	const char *e;

	pthread_mutex_lock(&script_cc_lock);
	e = script_fold_why;
	pthread_mutex_unlock(&script_cc_lock);
	return e;
}

/* Whether a text is mostly Traditional. */
int
script_is_traditional(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 i = 0, han = 0, trad = 0;
	uint32_t	 c;

	script_fold_init();
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		i += script_dec(u + i, n - i, &c);
		if (script_is_cjk(c)) {
			han++;
			trad += (size_t)script_is_trad(c);
		}
	}
	return trad * 20 > han;
}

/* ---- converted output ------------------------------------------------- */

struct script_out {
	char		*buf;
	size_t		 len, cap;
	struct script_seg *segs;
	size_t		 nsegs, scap;
};

/* Append n bytes that come from source byte src: identity bytes (the
   same characters' bytes, one for one, from src on) or not. */
static void
script_put(struct script_out *o, const char *s, size_t n, size_t src,
    int ident)
{
	struct script_seg *last = o->nsegs > 0 ? &o->segs[o->nsegs - 1] : NULL;

	if (n == 0)
		return;
	if (!ident || last == NULL || !(last->s & SCRIPT_SEG_IDENT) ||
	    (last->s & ~SCRIPT_SEG_IDENT) + (o->len - last->c) != src) {
		if (o->nsegs == o->scap) {
			o->scap = o->scap ? o->scap * 2 : 64;
			o->segs = xreallocarray(o->segs, o->scap,
			    sizeof *o->segs);
		}
		o->segs[o->nsegs].c = o->len;
		o->segs[o->nsegs].s = src | (ident ? SCRIPT_SEG_IDENT : 0);
		o->nsegs++;
	}
	if (o->len + n + 1 > o->cap) {
		while (o->len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 4096;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* Characters in s[0..n) other than LF. */
static size_t
script_nchars(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != '\n';
	return k;
}

/* Can the terminal show c as a wide character?  (A conversion must not
   bring in what text.c would have replaced.) */
static int
script_showable(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 1;
	return c != '\n' && wcwidth((wchar_t)c) > 0;
}

/* Whether every character of s[0..n) but LFs is showable. */
static int
script_all_showable(const char *s, size_t n)
{
	const unsigned char *v = (const unsigned char *)s;
	size_t		 j, l;
	uint32_t	 d;

	for (j = 0; j < n; j += l) {
		l = script_dec(v + j, n - j, &d);
		if (d != '\n' && !script_showable(d))
			return 0;
	}
	return 1;
}

/* Emit the conversion out[0..on) of source src[s0..s1) character by
   character, when the two have as many characters other than LF (the
   LFs of the source are copied, those of out skipped).  Returns 0, or
   -1 when the numbers do not agree or a character could not be shown
   (then nothing was emitted). */
static int
script_emit_chars(struct script_out *o, const char *src, size_t s0,
    size_t s1, const char *out, size_t on)
{
	const unsigned char *u = (const unsigned char *)src;
	const unsigned char *v = (const unsigned char *)out;
	size_t		 i, j, k, l;
	uint32_t	 c, d;

	if (script_nchars(src + s0, s1 - s0) != script_nchars(out, on) ||
	    !script_all_showable(out, on))
		return -1;
	for (i = s0, j = 0; i < s1; i += k) {
		if (u[i] == '\n') {
			script_put(o, "\n", 1, i, 1);
			k = 1;
			continue;
		}
		while (j < on && v[j] == '\n')
			j++;
		k = script_dec(u + i, s1 - i, &c);
		l = script_dec(v + j, on - j, &d);
		script_put(o, out + j, l, i, k == l);
		j += l;
	}
	return 0;
}

/* Emit source src[a..b) (no LF) converted to s[0..n) as one segment; the
   source itself when the conversion is empty or cannot be shown. */
static void
script_emit_whole(struct script_out *o, const char *src, size_t a, size_t b,
    const char *s, size_t n)
{
	if (n > 0 && memchr(s, '\n', n) == NULL && script_all_showable(s, n))
		script_put(o, s, n, a, 0);
	else
		script_put(o, src + a, b - a, a, 1);
}

/* Emit the conversion of one unit, source src[s0..s1) (CJK characters
   and LFs between them), converted as a whole to out[0..on). */
static void
script_emit_unit(struct script_out *o, enum script_cfg cfg, const char *src,
    size_t s0, size_t s1, const char *out, size_t on)
{
	const char	*nl;
	char		*line;
	size_t		 a, b;

	if (script_emit_chars(o, src, s0, s1, out, on) == 0)
		return;
	if (memchr(src + s0, '\n', s1 - s0) == NULL) {
		script_emit_whole(o, src, s0, s1, out, on);
		return;
	}
	/* The conversion changed the number of characters of a unit that
	   spans lines: convert it line by line, so that its LFs stay. */
	for (a = s0; a < s1; a = b + 1) {
		nl = memchr(src + a, '\n', s1 - a);
		b = nl != NULL ? (size_t)(nl - src) : s1;
		if (b > a) {
			line = script_cc_run(cfg, src + a, b - a);
			if (line == NULL)
				script_put(o, src + a, b - a, a, 1);
			else if (script_emit_chars(o, src, a, b, line,
			    strlen(line)) != 0)
				script_emit_whole(o, src, a, b, line,
				    strlen(line));
			free(line);
		}
		if (b < s1)
			script_put(o, "\n", 1, b, 1);
	}
}

/* ---- converting a text ------------------------------------------------ */

/* Units waiting for one call of OpenCC. */
struct script_batch {
	char		*in;		/* the units without their LFs, one a
					   line */
	size_t		 len, cap;
	struct range	*units;		/* their source bytes */
	size_t		 n, ucap;
};

#define SCRIPT_BATCH	(1024 * 1024)	/* bytes of units per OpenCC call */

/* Convert the batch and emit it, with the source bytes between its units
   (and up to source byte upto) copied; *done is the source byte up to
   which all is emitted. */
static void
script_flush(struct script_out *o, struct script_batch *b, enum script_cfg cfg,
    const char *src, size_t *done, size_t upto)
{
	char		*conv = NULL, *p, *nl;
	size_t		 i, lines = 0;

	if (b->n > 0) {
		b->in[b->len] = '\0';
		conv = script_cc_par(cfg, b->in, b->len);
		if (conv != NULL)
			for (p = conv; (p = strchr(p, '\n')) != NULL; p++)
				lines++;
		if (conv != NULL && lines != b->n) {
			free(conv);	/* lines lost: unit by unit */
			conv = NULL;
		}
	}
	p = conv;
	for (i = 0; i < b->n; i++) {
		const struct range *r = &b->units[i];

		if (r->start > *done)
			script_put(o, src + *done, r->start - *done, *done, 1);
		if (p != NULL) {
			nl = strchr(p, '\n');
			script_emit_unit(o, cfg, src, r->start, r->end, p,
			    (size_t)(nl - p));
			p = nl + 1;
		} else {
			char *one = script_cc_run(cfg, src + r->start,
			    r->end - r->start);

			/* with its LFs: OpenCC keeps them */
			script_emit_unit(o, cfg, src, r->start, r->end,
			    one != NULL ? one : src + r->start, one != NULL ?
			    strlen(one) : r->end - r->start);
			free(one);
		}
		*done = r->end;
	}
	free(conv);
	b->len = 0;
	b->n = 0;
	if (upto > *done) {
		script_put(o, src + *done, upto - *done, *done, 1);
		*done = upto;
	}
}

/* Queue source bytes [s0, s1) as a unit. */
static void
script_queue(struct script_batch *b, const char *src, size_t s0, size_t s1)
{
	size_t	 i;

	if (b->len + (s1 - s0) + 2 > b->cap) {
		while (b->len + (s1 - s0) + 2 > b->cap)
			b->cap = b->cap ? b->cap * 2 : SCRIPT_BATCH + 4096;
		b->in = xrealloc(b->in, b->cap);
	}
	for (i = s0; i < s1; i++)
		if (src[i] != '\n')
			b->in[b->len++] = src[i];
	b->in[b->len++] = '\n';
	if (b->n == b->ucap) {
		b->ucap = b->ucap ? b->ucap * 2 : 1024;
		b->units = xreallocarray(b->units, b->ucap, sizeof *b->units);
	}
	b->units[b->n].start = s0;
	b->units[b->n].end = s1;
	b->n++;
}

/* The configuration that takes a text (Traditional or not) to s, or -1
   when it is there already. */
static int
script_cfg_for(enum script s, int trad)
{
	switch (s) {
	case SCRIPT_SIMPLIFIED:
		return trad ? CFG_T2S : -1;
	case SCRIPT_TRADITIONAL:
		return trad ? -1 : CFG_S2T;
	case SCRIPT_TAIWAN:
		return trad ? CFG_T2TW : CFG_S2TW;
	case SCRIPT_HONGKONG:
		return trad ? CFG_T2HK : CFG_S2HK;
	default:
		return -1;
	}
}

/* Load what converting to s needs. */
int
script_check(enum script s, char **err)
{
	int	 trad, cfg;

	*err = NULL;
	for (trad = 0; trad < 2; trad++) {
		if ((cfg = script_cfg_for(s, trad)) < 0 ||
		    script_cc_get(cfg) != NULL)
			continue;
		pthread_mutex_lock(&script_cc_lock);
		*err = xstrdup(script_cc[cfg].why);
		pthread_mutex_unlock(&script_cc_lock);
		return -1;
	}
	return 0;
}

/* Queue the units of source bytes [ps, pe) (a page) with configuration
   cfg, flushing full batches; false when *stop was set. */
static int
script_page_units(struct script_out *o, struct script_batch *b, int cfg,
    const struct text *t, size_t ps, size_t pe, size_t *done,
    const atomic_bool *stop)
{
	const unsigned char *u = (const unsigned char *)t->buf;
	size_t		 i, k, start;
	uint32_t	 c;

	for (i = ps; i < pe; ) {
		if (u[i] < 0xE3) {
			i++;
			continue;
		}
		k = script_dec(u + i, pe - i, &c);
		if (!script_is_cjk(c)) {
			i += k;
			continue;
		}
		/* A unit: CJK characters, and single LFs between them. */
		start = i;
		for (;;) {
			i += k;
			if (i >= pe)
				break;
			if (u[i] == '\n' && i + 1 < pe && u[i + 1] >= 0xE3) {
				k = script_dec(u + i + 1, pe - i - 1, &c);
				if (!script_is_cjk(c))
					break;
				i++;		/* over the LF */
				continue;
			}
			if (u[i] < 0xE3)
				break;
			k = script_dec(u + i, pe - i, &c);
			if (!script_is_cjk(c))
				break;
		}
		script_queue(b, t->buf, start, i);
		if (b->len >= SCRIPT_BATCH) {
			if (stop != NULL && atomic_load(stop))
				return 0;
			script_flush(o, b, cfg, t->buf, done, *done);
		}
	}
	return 1;
}

/* Convert a text, page by page: each page from its own script. */
int
script_convert(struct text *t, enum script s, struct script_conv **convp,
    const atomic_bool *stop)
{
	struct script_out	 o;
	struct script_batch	 b;
	struct script_conv	*cv;
	struct text		 dst;
	const char		**configs;
	size_t			 i, p, ps, pe, done = 0, n = t->len;
	int			 cfg, bcfg = -1, failed = 0;

	*convp = NULL;
	if (s == SCRIPT_ORIGINAL || n == 0)
		return 0;
	memset(&o, 0, sizeof o);
	memset(&b, 0, sizeof b);
	configs = xcalloc(t->npages ? t->npages : 1, sizeof *configs);
	for (p = 0; p < t->npages; p++) {
		ps = t->pages[p].start;
		pe = t->pages[p].end;
		cfg = script_cfg_for(s, script_is_traditional(t->buf + ps,
		    pe - ps));
		if (cfg < 0)
			continue;
		if (script_cc_get(cfg) == NULL) {
			failed = 1;
			continue;
		}
		if (o.buf == NULL) {
			o.cap = n + n / 16 + 16;
			o.buf = xmalloc(o.cap);
		}
		if (cfg != bcfg && b.n > 0)
			script_flush(&o, &b, bcfg, t->buf, &done, done);
		bcfg = cfg;
		configs[p] = script_cfg_files[cfg];
		if (!script_page_units(&o, &b, cfg, t, ps, pe, &done, stop))
			break;
	}
	if (bcfg < 0 || (stop != NULL && atomic_load(stop))) {
		/* nothing to convert, or stopped */
		free(b.in);
		free(b.units);
		free(o.buf);
		free(o.segs);
		free(configs);
		return bcfg < 0 && !failed && (stop == NULL ||
		    !atomic_load(stop)) ? 0 : -1;
	}
	script_flush(&o, &b, bcfg, t->buf, &done, n);
	free(b.in);
	free(b.units);

	cv = xcalloc(1, sizeof *cv);
	cv->script = s;
	cv->configs = configs;
	for (p = 0; p < t->npages && cv->config == NULL; p++)
		cv->config = configs[p];
	cv->segs = o.segs;
	cv->nsegs = o.nsegs;
	cv->clen = o.len;
	memset(&dst, 0, sizeof dst);
	o.buf[o.len] = '\0';
	dst.buf = o.buf;
	dst.len = o.len;
	dst.lines = NULL;		/* built when first asked for */
	dst.nlines = t->nlines;
	dst.encoding = t->encoding;
	dst.ninvalid = t->ninvalid;
	dst.ncontrol = t->ncontrol;
	dst.nunknown = t->nunknown;
	dst.npages = t->npages;
	dst.pages = xreallocarray(NULL, t->npages ? t->npages : 1,
	    sizeof *dst.pages);
	cv->source = *t;
	for (i = 0; i < t->npages; i++) {
		dst.pages[i].start = script_conv_target(cv, t->pages[i].start);
		dst.pages[i].end = script_conv_target(cv, t->pages[i].end);
	}
	*t = dst;
	*convp = cv;
	return 0;
}

/* Free a conversion and the source it holds. */
void
script_conv_free(struct script_conv *cv)
{
	if (cv == NULL)
		return;
	text_free(&cv->source);
	free(cv->segs);
	free(cv->configs);
	free(cv);
}

/* The source byte of converted byte off. */
size_t
script_conv_source(const struct script_conv *cv, size_t off)
{
	size_t	 lo = 0, hi = cv->nsegs, mid;

	if (off >= cv->clen || cv->nsegs == 0)
		return off >= cv->clen ? cv->source.len : off;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (cv->segs[mid].c <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (cv->segs[lo].s & SCRIPT_SEG_IDENT)
		return (cv->segs[lo].s & ~SCRIPT_SEG_IDENT) +
		    (off - cv->segs[lo].c);
	return cv->segs[lo].s;
}

/* The converted byte of source byte off. */
size_t
script_conv_target(const struct script_conv *cv, size_t off)
{
	size_t	 lo = 0, hi = cv->nsegs, mid;

	if (off >= cv->source.len || cv->nsegs == 0)
		return off >= cv->source.len ? cv->clen : off;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if ((cv->segs[mid].s & ~SCRIPT_SEG_IDENT) <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (cv->segs[lo].s & SCRIPT_SEG_IDENT)
		return cv->segs[lo].c + (off - (cv->segs[lo].s &
		    ~SCRIPT_SEG_IDENT));
	return cv->segs[lo].c;
}

/* A deep copy of a text. */
void
script_text_copy(struct text *dst, const struct text *src)
{
	*dst = *src;
	dst->buf = xmalloc(src->len + 1);
	memcpy(dst->buf, src->buf, src->len);
	dst->buf[src->len] = '\0';
	dst->lines = NULL;
	dst->pages = xreallocarray(NULL, src->npages ? src->npages : 1,
	    sizeof *dst->pages);
	memcpy(dst->pages, src->pages, src->npages * sizeof *dst->pages);
}
