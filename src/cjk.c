/*
 * cjk: character properties for laying out Chinese text.
 *
 * Widths are the C library's wcwidth() in the process locale (what
 * ncursesw advances by), with -1 counted as 1: an unknown code point is
 * painted as one blank cell.  Han, CJK punctuation and full-width forms
 * are answered from their ranges without a call (the unit test checks
 * that the ranges agree with wcwidth for every code point they cover).
 *
 * The prohibition sets are clreq's "basic" level (W3C Requirements for
 * Chinese Text Layout, "Prohibition Rules for Line Start and Line End"),
 * plus the half-width forms found in width-folded text; dubao-layout(7)
 * lists them and says how the layout uses them and the class bits.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <wchar.h>

#include <unictype.h>
#include <unigbrk.h>

#include "cjk.h"

/* clreq 1.2: may not start a line (sorted for bsearch). */
static const uint32_t cjk_nostart_tab[] = {
	0x0021,	/* ! */
	0x0029,	/* ) */
	0x002C,	/* , */
	0x002E,	/* . */
	0x003A,	/* : */
	0x003B,	/* ; */
	0x003F,	/* ? */
	0x005D,	/* ] */
	0x007D,	/* } */
	0x007E,	/* ~ connector */
	0x00B7,	/* · interpunct */
	0x2013,	/* – en dash (connector) */
	0x2014,	/* — single em dash (connector) */
	0x2019,	/* ’ */
	0x201D,	/* ” */
	0x2027,	/* ‧ hyphenation point (interpunct substitute) */
	0x203C,	/* ‼ */
	0x2047,	/* ⁇ */
	0x2048,	/* ⁈ */
	0x2049,	/* ⁉ */
	0x3001,	/* 、 */
	0x3002,	/* 。 */
	0x3009,	/* 〉 */
	0x300B,	/* 》 */
	0x300D,	/* 」 */
	0x300F,	/* 』 */
	0x3011,	/* 】 */
	0x3015,	/* 〕 */
	0x3017,	/* 〗 */
	0x3019,	/* 〙 */
	0x301B,	/* 〛 */
	0x301C,	/* 〜 wave dash (connector) */
	0x30FB,	/* ・ katakana middle dot (interpunct substitute) */
	0xFE50,	/* ﹐ small comma */
	0xFE51,	/* ﹑ */
	0xFE52,	/* ﹒ */
	0xFE54,	/* ﹔ */
	0xFE55,	/* ﹕ */
	0xFE56,	/* ﹖ */
	0xFE57,	/* ﹗ */
	0xFE5A,	/* ﹚ */
	0xFE5C,	/* ﹜ */
	0xFE5E,	/* ﹞ */
	0xFF01,	/* ！ */
	0xFF09,	/* ） */
	0xFF0C,	/* ， */
	0xFF0E,	/* ． */
	0xFF1A,	/* ： */
	0xFF1B,	/* ； */
	0xFF1F,	/* ？ */
	0xFF3D,	/* ］ */
	0xFF5D,	/* ｝ */
	0xFF5E,	/* ～ connector */
	0xFF60,	/* ｠ */
	0xFF61,	/* ｡ */
	0xFF63,	/* ｣ */
	0xFF64,	/* ､ */
};

/* clreq 1.3: may not end a line (sorted). */
static const uint32_t cjk_noend_tab[] = {
	0x0028,	/* ( */
	0x005B,	/* [ */
	0x007B,	/* { */
	0x2018,	/* ‘ */
	0x201C,	/* “ */
	0x3008,	/* 〈 */
	0x300A,	/* 《 */
	0x300C,	/* 「 */
	0x300E,	/* 『 */
	0x3010,	/* 【 */
	0x3014,	/* 〔 */
	0x3016,	/* 〖 */
	0x3018,	/* 〘 */
	0x301A,	/* 〚 */
	0xFE59,	/* ﹙ */
	0xFE5B,	/* ﹛ */
	0xFE5D,	/* ﹝ */
	0xFF08,	/* （ */
	0xFF3B,	/* ［ */
	0xFF5B,	/* ｛ */
	0xFF5F,	/* ｟ */
	0xFF62,	/* ｢ */
};

/* ASCII marks shown full-width between Chinese characters. */
static const struct {
	uint32_t	 ascii, full;
} cjk_punct_map[] = {
	{ '!', 0xFF01 }, { '(', 0xFF08 }, { ')', 0xFF09 }, { ',', 0xFF0C },
	{ ':', 0xFF1A }, { ';', 0xFF1B }, { '?', 0xFF1F },
};

static int
cjk_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static bool
cjk_in(const uint32_t *tab, size_t n, uint32_t c)
{
	return bsearch(&c, tab, n, sizeof *tab, cjk_cmp) != NULL;
}

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* True for the code points whose width is known without wcwidth. */
static int
cjk_fast_width(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF60) ||
	    (c >= 0x3000 && c <= 0x3029) || (c >= 0x302E && c <= 0x303E))
		return 2;
	return 0;
}

/* Cells of c on screen. */
int
cjk_width(uint32_t c)
{
	int w = cjk_fast_width(c);

	if (w != 0)
		return w;
	w = wcwidth((wchar_t)c);
	return w < 0 ? 1 : w;
}

/* Is c a 2-cell character? */
bool
cjk_is_wide(uint32_t c)
{
	return cjk_width(c) == 2;
}

/* May c not start a line? */
bool
cjk_no_start(uint32_t c)
{
	return cjk_in(cjk_nostart_tab, NELEM(cjk_nostart_tab), c);
}

/* May c not end a line? */
bool
cjk_no_end(uint32_t c)
{
	return cjk_in(cjk_noend_tab, NELEM(cjk_noend_tab), c);
}

/* Is c a decimal digit of any script and width? */
bool
cjk_is_digit(uint32_t c)
{
	if (c < 0x80)
		return c >= '0' && c <= '9';
	if (c >= 0x4E00 && c <= 0x9FFF)
		return false;
	return uc_is_general_category(c, UC_CATEGORY_Nd);
}

static const uc_script_t *cjk_latin;
static pthread_once_t cjk_latin_once = PTHREAD_ONCE_INIT;

static void
cjk_latin_init(void)
{
	cjk_latin = uc_script_byname("Latin");
}

/* Is c a letter of the Latin script (ASCII, accented, full-width)? */
bool
cjk_is_latin(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c >= 0x4E00 && c <= 0x9FFF)
		return false;
	pthread_once(&cjk_latin_once, cjk_latin_init);
	return uc_is_script(c, cjk_latin);
}

/* The full-width form of an ASCII mark, or 0. */
uint32_t
cjk_fullwidth_punct(uint32_t c)
{
	size_t i;

	for (i = 0; i < NELEM(cjk_punct_map); i++)
		if (cjk_punct_map[i].ascii == c)
			return cjk_punct_map[i].full;
	return 0;
}

/* The ASCII mark whose full-width form is c, or 0. */
uint32_t
cjk_ascii_punct(uint32_t c)
{
	size_t i;

	for (i = 0; i < NELEM(cjk_punct_map); i++)
		if (cjk_punct_map[i].full == c)
			return cjk_punct_map[i].ascii;
	return 0;
}

/* Is c Han (the unified blocks, the compatibility block) or kana? */
bool
cjk_is_ideo_kana(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)
		return true;
	if (c < 0x3041)
		return false;
	return c <= 0x3096 || (c >= 0x309D && c <= 0x309F) ||
	    (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFF);
}

/* The CJK_* class bits of c, computed from the functions above. */
static unsigned
cjk_class_slow(uint32_t c)
{
	unsigned k = 0;
	int gbp;

	switch (cjk_width(c)) {
	case 0:
		k |= CJK_ZERO;
		break;
	case 2:
		k |= CJK_WIDE;
		break;
	}
	if (cjk_no_start(c))
		k |= CJK_NOSTART;
	if (cjk_no_end(c))
		k |= CJK_NOEND;
	if (cjk_is_digit(c))
		k |= CJK_DIGIT;
	if (cjk_is_latin(c))
		k |= CJK_LATIN;
	if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000)
		k |= CJK_SPACE;
	if (c == 0x201C || c == 0x2018)
		k |= CJK_OQUOTE | CJK_CPUNCT;
	if (c == 0x201D || c == 0x2019)
		k |= CJK_CQUOTE | CJK_CPUNCT;
	if (c == 0x2026 || c == 0x22EF || c == 0x2014 || c == 0x00B7)
		k |= CJK_CPUNCT;
	if (c == 0xFF5E || c == '~' || c == 0x301C || c == 0x2014 ||
	    c == 0x2013 || c == '-' || c == 0xFF0D)
		k |= CJK_CONNECT;
	if (c == 0x00B7 || c == 0x30FB || c == 0x2027)
		k |= CJK_INTERP;
	if (c == '.' || c == ',' || c == ':' || c == '/')
		k |= CJK_NUMSEP;
	if (cjk_is_ideo_kana(c))
		k |= CJK_IDEO;
	gbp = uc_graphemeclusterbreak_property(c);
	if (gbp == GBP_OTHER || (gbp == GBP_CONTROL && c != '\r'))
		k |= CJK_SIMPLE;
	return k;
}

static unsigned short cjk_ascii[128], cjk_latin1[128], cjk_gpunct[0x70],
    cjk_boxgeo[0x100], cjk_cjkp[64], cjk_fullw[0x70];
static pthread_once_t cjk_once = PTHREAD_ONCE_INIT;
/* Set (release) once the tables are filled: cjk_class reads it (acquire,
   a plain load on common machines) instead of calling pthread_once on
   each of its half a million calls per 10 MB of text. */
static atomic_int cjk_ready;

/* Fill the class tables of ASCII, Latin-1, general punctuation, box
   drawing and geometric shapes, CJK punctuation and full-width forms
   (where Chinese text spends its time outside Han), with the widths of
   the UTF-8 locale set by then. */
static void
cjk_init(void)
{
	uint32_t i;

	for (i = 0; i < 128; i++)
		cjk_ascii[i] = (unsigned short)cjk_class_slow(i);
	for (i = 0; i < 128; i++)
		cjk_latin1[i] = (unsigned short)cjk_class_slow(0x80 + i);
	for (i = 0; i < 0x70; i++)
		cjk_gpunct[i] = (unsigned short)cjk_class_slow(0x2000 + i);
	for (i = 0; i < 0x100; i++)
		cjk_boxgeo[i] = (unsigned short)cjk_class_slow(0x2500 + i);
	for (i = 0; i < 64; i++)
		cjk_cjkp[i] = (unsigned short)cjk_class_slow(0x3000 + i);
	for (i = 0; i < 0x70; i++)
		cjk_fullw[i] = (unsigned short)cjk_class_slow(0xFF00 + i);
	atomic_store_explicit(&cjk_ready, 1, memory_order_release);
}

/* The CJK_* class bits of c.  Han is answered at once, the ranges of
   cjk_init from tables built on the first call. */
unsigned
cjk_class(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)
		return CJK_WIDE | CJK_SIMPLE | CJK_IDEO;
	if (!atomic_load_explicit(&cjk_ready, memory_order_acquire))
		pthread_once(&cjk_once, cjk_init);
	if (c < 128)
		return cjk_ascii[c];
	if (c < 0x100)
		return cjk_latin1[c - 0x80];
	if (c >= 0x2000 && c < 0x2070)
		return cjk_gpunct[c - 0x2000];
	if (c >= 0x2500 && c < 0x2600)
		return cjk_boxgeo[c - 0x2500];
	if (c >= 0x3000 && c < 0x3040)
		return cjk_cjkp[c - 0x3000];
	if (c >= 0xFF00 && c < 0xFF70)
		return cjk_fullw[c - 0xFF00];
	return cjk_class_slow(c);
}
