/*
 * parse-rules: the rule tables of the structure reader.
 *
 * Four tables, each an ordered list of named rules; the first rule that
 * holds decides, and its name is what `dubao --explain` prints:
 *
 *   parse_rules_profile  the page's profile: does it indent its
 *                        paragraphs, hard-wrap them, or neither?
 *   parse_rules_line     the class of each line (byline, dateline, web
 *                        debris, head material, text ...)
 *   parse_rules_cut      between two lines of a run of non-blank lines:
 *                        does the lower one start a new unit (block) or
 *                        continue the one above (a hard-wrapped line)?
 *   parse_rules_unit     the type of each unit
 *
 * The thresholds are in parse-int.h (PT_*), the word lists in
 * parse-words.c.  Every rule is described in dubao-structure(7) and has
 * a real excerpt in tests/regress/.  To see why a line was read as it
 * was: dubao --explain FILE.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "parse-int.h"
#include "xmalloc.h"

/* ---- the page's profile ------------------------------------------- */

/* Most paragraph-like lines are indented, and each is a paragraph. */
static int
pp_indented(const struct parse_counts *c)
{
	return c->para >= 1 && c->indented * 100 >= PT_INDENT_PCT * c->para;
}

/* Some paragraph-like lines are indented (a paragraph's first), most not
   (its others), and blank lines do not separate them. */
static int
pp_wrapped(const struct parse_counts *c)
{
	return c->para >= 6 && c->indented >= 2 &&
	    c->indented * 100 <= PT_WRAP_PCT * c->para &&
	    c->blank_after * 100 < 30 * c->inner;
}

/* Paragraph-like lines are whole paragraphs (long, ending a sentence),
   neither indented nor separated by blank lines. */
static int
pp_lines(const struct parse_counts *c)
{
	return c->para >= 2 && c->indented * 5 < c->para &&
	    c->endp * 100 >= PT_LINES_PCT * c->para &&
	    c->longer * 100 >= PT_LINES_PCT * c->para &&
	    c->blank_after * 100 < 30 * c->inner;
}

/* ... and so are they where a blank line follows every line, the head's
   too (a copy of a web page: 让公共数据供得出、流得动、用得好（人民时评）,
   a blank line, 张子晗, a blank line, the text); not in Markdown, whose
   blank lines part blocks, nor where the lines are a printed column's
   (pdftotext may put a blank line after each: short lines). */
static int
pp_spaced(const struct parse_counts *c)
{
	return !c->markdown && c->para >= 2 && c->indented * 5 < c->para &&
	    c->endp * 100 >= PT_SPACED_ENDP_PCT * c->para &&
	    c->spaced * 100 >= PT_SPACED_LONG_PCT * c->para &&
	    c->blank_after * 100 >= PT_SPACED_PCT * c->inner &&
	    c->joined * 100 <= PT_SPACED_JOINED * c->nonblank;
}

static int
pp_any(const struct parse_counts *c)
{
	(void)c;
	return 1;
}

const struct parse_profile_rule parse_rules_profile[] = {
	{ "profile-indented", pp_indented, PP_INDENTED, 0 },
	{ "profile-lines", pp_lines, PP_LINES, 0 },
	{ "profile-spaced", pp_spaced, PP_LINES, 1 },
	{ "profile-wrapped", pp_wrapped, PP_WRAPPED, 0 },
	{ "profile-blanks", pp_any, PP_BLANKS, 0 },
	{ NULL, NULL, PP_BLANKS, 0 }
};

static const char *const parse_profile_names[] = {
	[PP_BLANKS] = "blank-separated", [PP_INDENTED] = "indented",
	[PP_WRAPPED] = "wrapped", [PP_LINES] = "one-line paragraphs",
};

/* The name of a profile. */
const char *
parse_profile_name(enum parse_profile p)
{
	return parse_profile_names[p];
}

/* Choose the page's profile from its lines (features already set). */
/* True when s[0..n) holds no punctuation: no ASCII , . ; : ! ? ( ) " '
   and none of U+2000–U+203F (— … “ ”), U+3001–U+303F (、。《》「」【】),
   U+FF01–U+FF0F and U+FF1A–U+FF20 (，（）：；？！).  > and + may stand in a
   menu (a path's 財經 / > / 證券產業, 進階查詢 +). */
static int
pr_bare(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80) {
			switch (s[i]) {
			case ',': case '.': case ';': case ':': case '!':
			case '?': case '(': case ')': case '"': case '\'':
				return 0;
			}
		} else if (i + 2 < n && ((s[i] == 0xe2 && s[i + 1] == 0x80) ||
		    (s[i] == 0xe3 && s[i + 1] == 0x80 && s[i + 2] != 0x80) ||
		    (s[i] == 0xef && s[i + 1] == 0xbc && (s[i + 2] <= 0x8f ||
		    (s[i + 2] >= 0x9a && s[i + 2] <= 0xa0)))))
			return 0;
	}
	return 1;
}

/* The width of a short line in Han characters, two Latin letters
   counting as one (Breakingnews, TAIPEI TIMES: 6): half its columns.  A
   line of h three-byte and a one-byte characters has nchars = a + h and
   a + 3h bytes. */
static size_t
pr_han_width(const struct parse_line *l)
{
	size_t	 n = l->end - l->start, h = (n - l->nchars) / 2;

	return (l->nchars + h + 1) / 2;
}

/* A few longer items between two menus are menu too (TAIPEI TIMES,
   自由電子報粉絲團, 自由電子報 Line): up to PT_MENU_GAP lines, none
   blank, of PT_MENU_BRIDGE characters or fewer (pr_han_width), without
   punctuation. */
static void
pr_menu_bridge(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines;
	size_t	 i, j, k;

	for (i = 1; i < ctx->nlines; i++) {
		if (!(L[i - 1].flags & LF_MENU) || (L[i].flags & LF_MENU))
			continue;
		for (j = i; j < ctx->nlines && j - i <= PT_MENU_GAP &&
		    !(L[j].flags & (LF_MENU | LF_BLANK)) &&
		    pr_han_width(&L[j]) <= PT_MENU_BRIDGE &&
		    L[j].md == PM_NONE &&
		    pr_bare(ctx->buf + L[j].start, L[j].end - L[j].start); j++)
			;
		if (j < ctx->nlines && j - i <= PT_MENU_GAP &&
		    (L[j].flags & LF_MENU))
			for (k = i; k < j; k++)
				L[k].flags |= LF_MENU;
	}
}

/* True when s[0..n) holds one of the bytes - | _ (the separators of
   pr_page_title): sixteen bytes a step, in one pass, where three calls
   of memrchr cost more on a line that has none (most first lines). */
static int
pr_has_sep(const char *s, size_t n)
{
#ifdef __SSE2__
	const __m128i a = _mm_set1_epi8('-'), b = _mm_set1_epi8('|'),
	    c = _mm_set1_epi8('_');
	__m128i	 x;
	size_t	 i;

	if (n >= 16) {
		/* the last sixteen bytes too, read again in part */
		for (i = 0;; i += 16) {
			if (i + 16 > n)
				i = n - 16;
			x = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, b)),
			    _mm_cmpeq_epi8(x, c))) != 0)
				return 1;
			if (i + 16 == n)
				return 0;
		}
	}
	for (i = 0; i < n; i++)
		if (s[i] == '-' || s[i] == '|' || s[i] == '_')
			return 1;
	return 0;
#else
	return memchr(s, '-', n) != NULL || memchr(s, '|', n) != NULL ||
	    memchr(s, '_', n) != NULL;
#endif
}

/* A web page's title, as the browser shows it, over its menus: the
   headline and the site's name (緬甸強震引爆災情 電子五哥東南亞廠區均安 -
   自由財經), when the headline stands again further down, alone on its
   line.  The first line of the page, cut at its last " - ", " | " or
   "_". */
static void
pr_page_title(struct parse_ctx *ctx)
{
	static const char seps[] = "-|_";	/* " - ", " | ", "_" */
	struct parse_line *L = ctx->lines, *t;
	const char	*b = ctx->buf, *p;
	size_t		 i, k, n;

	for (i = 0; i < ctx->nlines && (L[i].flags & LF_BLANK); i++)
		;
	if (i == ctx->nlines || L[i].nchars > PT_META)
		return;
	t = &L[i];
	if (!pr_has_sep(b + t->start, t->end - t->start))
		return;
	for (k = 0; seps[k] != '\0'; k++) {
		/* the last one (memrchr: one call, not a loop a byte) */
		p = memrchr(b + t->start, seps[k], t->end - t->start);
		if (p == NULL || (seps[k] != '_' && (p - b < (ptrdiff_t)t->start
		    + 2 || p[-1] != ' ' || p + 1 >= b + t->end ||
		    p[1] != ' ')))
			continue;
		if (seps[k] != '_')
			p--;		/* the space before it */
		if (p == b + t->start)
			continue;
		n = (size_t)(p - b) - t->start;
		for (i++; i < ctx->nlines; i++)
			if (L[i].end - L[i].start == n &&
			    memcmp(b + L[i].start, b + t->start, n) == 0) {
				t->flags |= LF_MENU;
				return;
			}
		return;
	}
}

/* True when an item of the menu lines [i, j) stands again alone on a
   line of the page outside them (聯合電子報: the menu's 今日頭條 over
   the first story). */
static int
pr_menu_again(const struct parse_ctx *ctx, size_t i, size_t j)
{
	const struct parse_line *L = ctx->lines;
	size_t	 a, k, n;

	/* the first few items are enough to ask: a page of a million
	   short lines must not cost a million squared comparisons */
	if (j - i > PT_MENU_ASK)
		j = i + PT_MENU_ASK;
	for (a = i; a < j; a++) {
		n = L[a].end - L[a].start;
		for (k = 0; k < ctx->nlines; k++)
			if ((k < i || k >= j) && L[k].end - L[k].start == n &&
			    memcmp(ctx->buf + L[k].start, ctx->buf +
			    L[a].start, n) == 0)
				return 1;
	}
	return 0;
}

/* A line of its own that says an item of the page's menu again is the
   label of the section over a story (聯合電子報: 今日頭條 over 夏王會 促
   兩岸交流正常化): page metadata (LF_META, rule page-label). */
static void
pr_menu_labels(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines;
	size_t	 i, k, n, menu[PT_MENU_ASK], nmenu = 0;

	/* the first PT_MENU_ASK items of the menus (bounded work) */
	for (k = 0; k < ctx->nlines && nmenu < PT_MENU_ASK; k++)
		if (L[k].flags & LF_MENU)
			menu[nmenu++] = k;
	for (i = 0; i < ctx->nlines; i++) {
		if ((L[i].flags & (LF_MENU | LF_BLANK)) ||
		    pr_han_width(&L[i]) > PT_MENU_ITEM)
			continue;
		n = L[i].end - L[i].start;
		for (k = 0; k < nmenu; k++)
			if (L[menu[k]].end - L[menu[k]].start == n &&
			    memcmp(ctx->buf + L[menu[k]].start, ctx->buf +
			    L[i].start, n) == 0) {
				L[i].flags |= LF_META;
				break;
			}
	}
}

/* True when line l may be an item of a menu by its size alone. */
static int
pr_menu_fits(const struct parse_line *l)
{
	return !(l->flags & LF_BLANK) && l->nchars <= PT_LEX_SHORT &&
	    l->md == PM_NONE && pr_han_width(l) <= PT_MENU_ITEM;
}

/* The page's first paragraph line and the line past its last (a line
   longer than a head, or a sentence; debris aside): *first = nlines when
   there is none. */
static void
pr_paragraphs(const struct parse_ctx *ctx, size_t *first, size_t *last)
{
	const struct parse_line *L = ctx->lines;
	size_t	 i;

	*first = ctx->nlines;
	*last = 0;
	for (i = 0; i < ctx->nlines; i++)
		if (!(L[i].flags & (LF_BLANK | LF_BOILER)) &&
		    (L[i].nchars > PT_SHORT || (L[i].flags & LF_ENDP))) {
			if (*first == ctx->nlines)
				*first = i;
			*last = i + 1;
		}
}

/* Menus of a web page saved as text, one item a line: PT_MENU_RUN lines
   or more in a row, none blank, each of PT_MENU_ITEM characters or fewer
   (pr_han_width) and without punctuation, PT_MENU_WIDE of them of three
   characters or more, before the page's first paragraph or after its
   last (a paragraph: a line longer than a head, or a sentence), or
   anywhere when one of its items stands again on a line of its own
   (pr_menu_again).  Their lines get LF_MENU (rule web-frame: dropped,
   kept as boilerplate), and so do a few longer items between two menus,
   the page's title line (pr_menu_bridge, pr_page_title) and the short
   lines between the last paragraph and a menu under it.  Asked after
   the profile (parse_rules_profile_of), which counts the lines right
   over another.  From a 自由時報 page (即時 / 熱門 / 政治 / 財富自由 /
   軍武 … 40 items, then the story, then 注目新聞 / 財經即時 / 財經政策 …)
   and 聯合報 pages (今日頭條 / 專題 / 話題 / 焦點新聞 …); no run of eight
   such lines stands in the 3,898 articles of rmrb-2019 (a folk song's
   lines have seven characters, a contents list's eight). */
void
parse_rules_menus(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines;
	size_t	 i, j, s, a, b, k, wide, first = 0, last = 0;
	int	 any = 0, para = 0;

	/* a menu is PT_MENU_RUN lines in a row: most pages have no such
	   run of lines at all (parse_lex_all counted the lines right
	   over another: ctx->counts.joined) */
	for (i = ctx->counts.joined + 1 < PT_MENU_RUN ? ctx->nlines : 0;
	    i + PT_MENU_RUN <= ctx->nlines; i = j + 1) {
		/* a run of lines short enough, by their size alone, from
		   line i on (line i - 1 is none of it) has line i +
		   PT_MENU_RUN - 1 when it is long enough: that line is
		   asked first, and the others only when it may be */
		j = i + PT_MENU_RUN - 1;
		if (!pr_menu_fits(&L[j]))
			continue;
		for (s = j; s > i && pr_menu_fits(&L[s - 1]); s--)
			;
		for (j++; j < ctx->nlines && pr_menu_fits(&L[j]); j++)
			;
		if (j - s < PT_MENU_RUN)
			continue;
		/* a menu has PT_MENU_WIDE items of three characters or
		   more: a run with fewer holds none (a column banner's
		   lines, of one or two characters), and its punctuation
		   is not read */
		for (b = s, wide = 0; b < j && wide < PT_MENU_WIDE; b++)
			if (pr_han_width(&L[b]) >= 3)
				wide++;
		if (wide < PT_MENU_WIDE)
			continue;
		/* within it, the runs of items without punctuation */
		for (a = s; a < j; a = b + 1) {
			for (b = a, wide = 0; b < j && pr_bare(ctx->buf +
			    L[b].start, L[b].end - L[b].start); b++)
				if (pr_han_width(&L[b]) >= 3)
					wide++;
			if (b - a < PT_MENU_RUN || wide < PT_MENU_WIDE)
				continue;
			if (!para) {
				pr_paragraphs(ctx, &first, &last);
				para = 1;
			}
			if (b > first && a < last && !pr_menu_again(ctx, a, b))
				continue;
			for (k = a; k < b; k++)
				L[k].flags |= LF_MENU;
			any = 1;
		}
	}
	pr_page_title(ctx);
	if (!any)
		return;
	pr_menu_bridge(ctx);
	/* between the last paragraph and a menu under it: links, ads and
	   calls to subscribe (一手掌握經濟脈動 / 點我下載APP / 相關新聞 / …),
	   all but what may end a story (a byline, a credit, a note) */
	for (j = last; j < ctx->nlines && !(L[j].flags & LF_MENU); j++)
		;
	if (last > 0 && j < ctx->nlines)
		for (k = last; k < j; k++)
			if (L[k].nchars <= PT_SHORT && !(L[k].flags &
			    (LF_BLANK | LF_BYLINE | LF_NAMES | LF_CAPSTART |
			    LF_CAPEND | LF_DATELINE | LF_WIREEND | LF_NOTE |
			    LF_SIGNOFF)))
				L[k].flags |= LF_MENU;
	pr_menu_labels(ctx);
}

void
parse_rules_profile_of(struct parse_ctx *ctx)
{
	struct parse_counts	 c;
	const struct parse_line	*L = ctx->lines, *l;
	size_t			 i, k, maxw = ctx->maxw, last = ctx->lastline;
	int			 r;

	/* counted as the lines were lexed (parse_lex_all), but the lines
	   that may be as short as a title: paragraph-like when they fill
	   four fifths of the longest line (hard-wrapped text) */
	c = ctx->counts;
	c.markdown = ctx->markdown;
	for (k = 0; k < ctx->nunsure; k++) {
		i = ctx->unsure[k];
		if (L[i].nchars * 5 < maxw * 4) {
			if (!(L[i].flags & LF_INDENT))
				c.flush++;
		} else
			parse_count_para(&c, &L[i], i + 1 < ctx->nlines &&
			    (L[i + 1].flags & LF_BLANK));
	}
	/* what follows the page's last line says nothing (an article of
	   two paragraphs, each on its line, is no blank-separated page):
	   it was counted as any other, and is taken back */
	l = &L[last];
	if (ctx->nlines > 0 &&
	    !(l->flags & (LF_BLANK | LF_BOILER | LF_META | LF_NUMBER)) &&
	    !(l->nchars < PT_PARA_MIN || (!(l->flags & LF_ENDP) &&
	    l->nchars - l->tag <= PT_SHORT && l->nchars * 5 < maxw * 4))) {
		c.inner--;
		if (last + 1 < ctx->nlines && (L[last + 1].flags & LF_BLANK))
			c.blank_after--;
	}
	for (r = 0; !parse_rules_profile[r].test(&c); r++)
		;
	ctx->profile = parse_rules_profile[r].profile;
	ctx->profile_rule = r;
	ctx->spaced = parse_rules_profile[r].spaced;
}

/* ---- the class of a line ------------------------------------------ */

/* The next (dir 1) or previous (dir -1) non-blank line from i, or -1. */
static long
pr_neighbour(const struct parse_ctx *ctx, size_t i, int dir)
{
	long	 j = (long)i + dir;

	while (j >= 0 && (size_t)j < ctx->nlines &&
	    (ctx->lines[j].flags & LF_BLANK))
		j += dir;
	return j >= 0 && (size_t)j < ctx->nlines ? j : -1;
}

/* A thematic break (---) between stories: what follows it opens a story,
   a head (a Markdown heading or bold line, or a line short enough for a
   head and no sentence).  A break over a paragraph only rules off the
   matter above it in the same story: a copy's source and author lines
   (原文链接：财新网 … / > 作者：萧辉 / --- / 【财新网】（记者萧辉…）李闰苟家的
   年夜饭…), and so does a break over a quote or a picture (原文出自「中国
   新闻周刊」… / --- / > “我们发声至今才十几个小时): md-rule-in-story. */
static int
pc_md_rule(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *n;
	long	 j;

	if (ctx->lines[i].md != PM_RULE)
		return 0;
	j = (long)i;
	do
		if ((j = pr_neighbour(ctx, (size_t)j, 1)) < 0)
			return 1;
	while (ctx->lines[j].md == PM_HTML);	/* markup between */
	n = &ctx->lines[j];
	return (n->md >= PM_H1 && n->md <= PM_H6) || n->md == PM_STRONG ||
	    (n->md == PM_TEXT && n->nchars <= PT_SHORT &&
	    !(n->flags & LF_ENDP));
}

/* Names only, right under a byline: the byline goes on (本报记者
   王春苗 / 陈毅人).  Elsewhere two to ten Han characters are a title as
   much as a name. */
static int
pc_names(const struct parse_ctx *ctx, size_t i)
{
	return (ctx->lines[i].flags & LF_NAMES) && i > 0 &&
	    (ctx->lines[i - 1].flags & (LF_BYLINE | LF_NAMES)) &&
	    (ctx->lines[i - 1].cls == PC_BYLINE ||
	    ctx->lines[i - 1].cls == PC_NAMES);
}

/* Names alone right under a head and over the text are its byline, when
   every name starts with a surname: a commentary's author (让公共数据供
   得出、流得动、用得好（人民时评） / 张子晗 / 数据是…).  The head above
   is a line already read as head material, the text below a line that
   is no head (long, or a sentence, or a dateline). */
static int
pc_byline_head(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *L = ctx->lines;
	size_t	 p = i, n = i + 1;

	while (p > 0 && (L[p - 1].flags & LF_BLANK))
		p--;
	if (p == 0)
		return 0;
	switch (L[p - 1].cls) {
	case PC_HEADLINE: case PC_SUBTITLE_MK: case PC_SUBTITLE:
	case PC_FLUSH: case PC_SHORT:
		break;
	case PC_NOTE:
		/* a Markdown quote between: > 系列：金台潮声… */
		if (L[p - 1].md == PM_QUOTE)
			break;
		return 0;
	default:
		return 0;
	}
	while (n < ctx->nlines && (L[n].flags & LF_BLANK))
		n++;
	if (n == ctx->nlines || !(L[n].nchars > PT_SHORT ||
	    (L[n].flags & (LF_ENDP | LF_DATELINE)) ||
	    parse_line_pause(ctx->buf, &L[n])))
		return 0;	/* no text under it (a standfirst is) */
	return parse_line_surnamed(ctx, i);
}

/* The hints of a Markdown heading below #. */
#define PR_MD_SUB	(PR_MD(PM_H2) | PR_MD(PM_H3) | PR_MD(PM_H4) | \
			 PR_MD(PM_H5) | PR_MD(PM_H6))

/* ### (or any level below #) right above a # headline: the kicker. */
static int
pc_md_kicker(const struct parse_ctx *ctx, size_t i)
{
	long	 j;

	if (ctx->lines[i].md < PM_H2 || ctx->lines[i].md > PM_H6)
		return 0;
	j = pr_neighbour(ctx, i, 1);
	return j >= 0 && ctx->lines[j].md == PM_H1;
}

/* ## (or any level below #) right below a # headline: the subtitle. */
static int
pc_md_subtitle(const struct parse_ctx *ctx, size_t i)
{
	long	 j;

	if (ctx->lines[i].md < PM_H2 || ctx->lines[i].md > PM_H6)
		return 0;
	j = pr_neighbour(ctx, i, -1);
	return j >= 0 && ctx->lines[j].md == PM_H1;
}

/* Any other Markdown heading: a section heading; but not a sentence
   longer than a heading, which a copy underlined with --- to rule it
   off (CommonMark reads that as a heading): a note over the story
   (稿件被毙后，南方周末记者王瑞锋 1 月 19 日刊载在个人公众号…两日后被删除。
   / ---).  That reads on as text. */
static int
pc_md_heading(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i];

	return l->md >= PM_H2 && l->md <= PM_H6 &&
	    !(l->nchars > PT_SHORT && (l->flags & LF_ENDP));
}

/* A paragraph wholly in bold, short enough for a heading. */
static int
pc_md_bold(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i];

	return l->md == PM_STRONG && l->nchars - l->tag <= PT_SHORT;
}

/* The page's first line ending with a colon, over a head line (short,
   no punctuation at its end), is a kicker that names the speaker or the
   source (张军： / 严格公正司法  做实定分止争; 两单位联合发布消费提示： /
   正规渠道选购果蔬并关注检测指标: People's Daily 2025-01-14 p.6 and
   2025-05-21 p.4), not a sentence; a colon elsewhere opens what follows
   (这正是： over verses ending with ，). */
static int
pr_colon_kicker(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i], *n;
	long	 j;

	if (!(l->flags & LF_COLON) || l->nchars > PT_SHORT ||
	    pr_neighbour(ctx, i, -1) >= 0 || (j = pr_neighbour(ctx, i, 1)) < 0)
		return 0;
	n = &ctx->lines[j];
	return n->nchars - n->tag <= PT_SHORT && !(n->flags & LF_ENDP) &&
	    n->last != 0xff0c && n->last != 0x3001 && n->last != ',';
}

/* A line that is not indented, in a page that indents its paragraphs:
   a kicker, headline or subtitle (any length: subtitles can be whole
   sentences). */
static int
pc_flush(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i];

	if (ctx->profile == PP_LINES)
		return (!(l->flags & (LF_ENDP | LF_INDENT)) &&
		    l->nchars - l->tag <= PT_SHORT) || ((l->flags & LF_COLON) &&
		    pr_colon_kicker(ctx, i));
	return ctx->profile == PP_INDENTED && !(l->flags & LF_INDENT) &&
	    l->nchars <= PT_SUBTITLE_ANY;
}

/* A letter's salutation on a line of its own (亲爱的祖国：): text,
   however it is indented. */
static int
pc_salutation(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i];
	const char *s = ctx->buf + l->start;
	size_t	 n = l->end - l->start;

	/* it ends with a colon (LF_COLON, which the rule needs) */
	if (l->nchars > 24 || pr_colon_kicker(ctx, i))
		return 0;
	/* 亲爱的…： or a line ending with ： right over an indented
	   paragraph (澳门街坊总会颐骏中心长者：) */
	return (n >= 9 && (memcmp(s, "亲爱的", 9) == 0 ||
	    memcmp(s, "尊敬的", 9) == 0 || memcmp(s, "敬爱的", 9) == 0 ||
	    memcmp(s, "親愛的", 9) == 0)) || (!(l->flags & LF_INDENT) &&
	    i + 1 < ctx->nlines && (ctx->lines[i + 1].flags & LF_INDENT) &&
	    ctx->lines[i + 1].nchars > PT_SHORT);
}

/* Short, and no final punctuation: a headline, heading or caption. */
static int
pc_short(const struct parse_ctx *ctx, size_t i)
{
	const struct parse_line *l = &ctx->lines[i];

	return (l->nchars - l->tag <= PT_SHORT && !(l->flags & LF_ENDP)) ||
	    ((l->flags & LF_COLON) && pr_colon_kicker(ctx, i));
}

const struct parse_line_rule parse_rules_line[] = {
	{ "blank", PR_NEEDED, PC_BLANK, LF_BLANK, 0, 0, 0 },
	{ "md-front-matter", PR_NEEDED, PC_MARKUP, 0, PR_MD(PM_FRONT), 0, 0 },
	{ "md-front-title", PR_NEEDED, PC_HEADLINE, 0, PR_MD(PM_TITLE), 0, 0 },
	{ "md-markup", PR_NEEDED, PC_MARKUP, 0, PR_MD(PM_HTML), 0, 0 },
	{ "md-rule", pc_md_rule, PC_BREAK, 0, PR_MD(PM_RULE), 0, 0 },
	{ "md-rule-in-story", PR_NEEDED, PC_MARKUP, 0, PR_MD(PM_RULE), 0, 0 },
	{ "page-label", PR_NEEDED, PC_META, LF_META, 0, 0, 0 },
	{ "boilerplate", PR_NEEDED, PC_DROP, LF_BOILER, 0, 0, 0 },
	{ "web-frame", PR_NEEDED, PC_DROP, LF_MENU, 0, 0, 0 },
	{ "md-headline", PR_NEEDED, PC_HEADLINE, 0, PR_MD(PM_H1), 0, 0 },
	{ "contents-headline", PR_NEEDED, PC_HEADLINE, LF_TOCHEAD, 0, 0, 0 },
	{ "md-kicker", pc_md_kicker, PC_KICKER, 0, PR_MD_SUB, 0, 0 },
	{ "md-subtitle", pc_md_subtitle, PC_SUBTITLE_MK, 0, PR_MD_SUB, 0, 0 },
	{ "md-heading", pc_md_heading, PC_HEADING, 0, PR_MD_SUB, 0, 0 },
	{ "wire-end", PR_NEEDED, PC_WIREEND, LF_WIREEND, 0, 0, 0 },
	{ "number", PR_NEEDED, PC_NUMBER, LF_NUMBER, 0, 0, 0 },
	{ "contents", PR_NEEDED, PC_TOC, LF_CONTENTS, 0, 0, 0 },
	{ "byline", PR_NEEDED, PC_BYLINE, LF_BYLINE, 0, 0, 0 },
	{ "byline-names", pc_names, PC_NAMES, LF_NAMES, 0, 0, 0 },
	{ "byline-under-head", pc_byline_head, PC_BYLINE, LF_MAYNAMES, 0, 0,
	    0 },
	{ "note-signoff", PR_NEEDED, PC_SIGNOFF, LF_SIGNOFF, 0, 0, 0 },
	{ "subtitle-dash", PR_NEEDED, PC_SUBTITLE, LF_SUBTITLE, 0, 0, 0 },
	{ "note-opener", PR_NEEDED, PC_NOTE, LF_NOTE, 0, 0, 0 },
	{ "md-quote", PR_NEEDED, PC_NOTE, 0, PR_MD(PM_QUOTE), 0, 0 },
	{ "md-image", PR_NEEDED, PC_CAPTION, 0, PR_MD(PM_IMAGE), 0, 0 },
	{ "caption-mark", PR_NEEDED, PC_CAPTION, LF_CAPSTART | LF_CAPEND, 0,
	    0, 0 },
	{ "dateline", PR_NEEDED, PC_DATELINE, LF_DATELINE, 0, 0, 0 },
	{ "md-bold", pc_md_bold, PC_HEADING, 0, PR_MD(PM_STRONG), 0, 0 },
	{ "salutation", pc_salutation, PC_TEXT, LF_COLON, 0, 0, 0 },
	{ "flush-head", pc_flush, PC_FLUSH, 0, 0,
	    PK_INDENTED | PK_LINES, 0 },
	{ "short", pc_short, PC_SHORT, 0, 0, 0, PRG_OPEN },
	{ "text", PR_NEEDED, PC_TEXT, 0, 0, 0, 0 },
	{ NULL, NULL, PC_TEXT, 0, 0, 0, 0 }
};

/* A blank line's class and rule are 0, as parse_line_split leaves them
   (parse_rules_classify). */
_Static_assert(PC_BLANK == 0, "a zeroed line's class is blank");

/* The rules of parse_rules_line, a bit each, fit in the masks of
   struct pr_index. */
_Static_assert(sizeof parse_rules_line / sizeof *parse_rules_line <= 33,
    "parse_rules_line has at most 32 rules");

static const char *const parse_class_names[PC__COUNT] = {
	[PC_BLANK] = "blank", [PC_DROP] = "boilerplate",
	[PC_MARKUP] = "markup", [PC_META] = "page-metadata",
	[PC_BREAK] = "story-break", [PC_TOC] = "contents",
	[PC_HEADLINE] = "headline", [PC_KICKER] = "kicker",
	[PC_SUBTITLE_MK] = "subtitle", [PC_HEADING] = "heading",
	[PC_WIREEND] = "wire-end", [PC_NUMBER] = "number",
	[PC_BYLINE] = "byline", [PC_NAMES] = "names",
	[PC_SUBTITLE] = "subtitle", [PC_NOTE] = "note",
	[PC_SIGNOFF] = "note-end",
	[PC_CAPTION] = "caption", [PC_DATELINE] = "dateline",
	[PC_FLUSH] = "head", [PC_SHORT] = "short", [PC_TEXT] = "text",
};

/* The name of a class. */
const char *
parse_class_name(enum parse_class c)
{
	return parse_class_names[c];
}

/*
 * Which rules of parse_rules_line can hold for a line, as a mask (bit r
 * for rule r): a rule that needs a feature (an LF_* bit) or a Markdown
 * hint the line lacks cannot, and is not asked.  The masks per feature
 * and per hint are built from the table once; a line's rules are then
 * those that need nothing, and those of its features and of its hint.
 */
struct pr_index {
	uint32_t	 base[32];	/* per hint, the rules that need
					   nothing and those needing it: a
					   line's candidates but those of its
					   features */
	uint32_t	 flag[32];	/* per LF_* bit, rules needing it */
	unsigned	 needs;		/* every LF_* some rule needs */
	uint32_t	 page[8];	/* per PK_* bit, rules for such pages */
	uint32_t	 anypage;	/* rules for any page */
	uint32_t	 gated_open;	/* rules gated by PRG_OPEN */
};

static struct pr_index	 pr_index;
static void	 pr_init(void);

static void
pr_index_build(void)
{
	struct pr_index *x = &pr_index;
	uint32_t	 nofeat = 0, md[32] = { 0 };	/* rules that need
					   nothing; per hint (PM_*), rules
					   needing it */
	unsigned	 b;
	int		 r;

	/* parse_rules_classify decides a blank line without the table */
	if (parse_rules_line[0].need != LF_BLANK || parse_rules_line[0].test !=
	    PR_NEEDED || parse_rules_line[0].cls != PC_BLANK)
		abort();
	for (r = 0; parse_rules_line[r].name != NULL; r++) {
		if (parse_rules_line[r].need == 0 &&
		    parse_rules_line[r].md == 0)
			nofeat |= 1u << r;
		for (b = 0; b < 32; b++) {
			if (parse_rules_line[r].need & (1u << b))
				x->flag[b] |= 1u << r;
			if (parse_rules_line[r].md & (1u << b))
				md[b] |= 1u << r;
		}
		x->needs |= parse_rules_line[r].need;
		if (parse_rules_line[r].page == 0)
			x->anypage |= 1u << r;
		for (b = 0; b < 8; b++)
			if (parse_rules_line[r].page & (1u << b))
				x->page[b] |= 1u << r;
		if (parse_rules_line[r].gate & PRG_OPEN)
			x->gated_open |= 1u << r;
	}
	for (b = 0; b < 32; b++)
		x->base[b] = nofeat | md[b];
	/* the last rule ("text") holds for every line that reaches it */
	if (parse_rules_line[r - 1].test != PR_NEEDED ||
	    parse_rules_line[r - 1].need != 0 ||
	    parse_rules_line[r - 1].md != 0 ||
	    parse_rules_line[r - 1].page != 0 ||
	    parse_rules_line[r - 1].gate != 0)
		abort();
}

/* The index of the lowest bit set in m (m != 0). */
static inline int
pr_lowest(uint32_t m)
{
#if defined(__GNUC__)
	return __builtin_ctz(m);
#else
	int	 r = 0;

	while (!(m & 1)) {
		m >>= 1;
		r++;
	}
	return r;
#endif
}

/* The rules that can hold for line l (see struct pr_index). */
static uint32_t
pr_candidates(const struct parse_line *l)
{
	uint32_t m = pr_index.base[l->md];
	unsigned f;

	for (f = l->flags & pr_index.needs; f != 0; f &= f - 1)
		m |= pr_index.flag[pr_lowest(f)];
	return m;
}

/* The rules of a mask m (per LF_* or PK_* bit) that a set of bits f
   lets hold. */
static inline uint32_t
pk_of(const uint32_t *m, unsigned f)
{
	uint32_t r = 0;

	for (; f != 0; f &= f - 1)
		r |= m[pr_lowest(f)];
	return r;
}

/* What the page is, as the rules ask (PK_*). */
static unsigned
pr_kind(const struct parse_ctx *ctx)
{
	unsigned f = 0;

	if (ctx->markdown)
		f |= PK_MARKDOWN;
	if (ctx->profile == PP_INDENTED)
		f |= PK_INDENTED;
	if (ctx->profile == PP_LINES)
		f |= PK_LINES;
	if (ctx->profile == PP_WRAPPED)
		f |= PK_WRAPPED;
	if (ctx->tochead != NULL)
		f |= PK_CONTENTS;
	return f;
}

/* Classify every line: the first rule of parse_rules_line that holds. */
void
parse_rules_classify(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines;
	size_t	 i;
	uint32_t m, page;

	parse_contents(ctx);
	pr_init();
	/* the rules for this kind of page (after parse_contents, which
	   finds a contents list) */
	page = pr_index.anypage | pk_of(pr_index.page, pr_kind(ctx));
	for (i = 0; i < ctx->nlines; i++) {
		struct parse_line *l = &L[i];
		const struct parse_line_rule *k;
		int	 r;

		/* a blank line (nearly half the lines of a page): its first
		   candidate, the first rule ("blank"), needs nothing more,
		   and its class and rule are that already (0: the lines
		   come zeroed from parse_line_split) */
		if (l->flags & LF_BLANK)
			continue;
		/* names are read only under a byline */
		if ((l->flags & LF_MAYNAMES) && i > 0 &&
		    (L[i - 1].flags & (LF_BYLINE | LF_NAMES)))
			(void)parse_line_names(ctx, i);
		m = pr_candidates(l) & page;
		/* the gate: a line that ends a sentence, but not with a
		   colon (most text), is asked no rule gated by PRG_OPEN */
		if ((l->flags & (LF_ENDP | LF_COLON)) == LF_ENDP)
			m &= ~pr_index.gated_open;
		/* the last rule ("text") needs nothing and always holds */
		for (;; m &= m - 1) {
			r = pr_lowest(m);
			k = &parse_rules_line[r];
			if (k->test == PR_NEEDED || k->test(ctx, i))
				break;
		}
		l->cls = (unsigned char)k->cls;
		l->rule = (unsigned char)r;
		if (k->cls == PC_BYLINE)
			l->flags |= LF_BYLINE;	/* byline-under-head */
	}
}

/* ---- cutting runs of lines into units ------------------------------ */

/* A line that is short in its run: at most PT_SHORTLINE characters and
   under three fifths of the run's longest. */
static int
pr_shortline(const struct parse_line *l, const struct parse_run *r)
{
	return l->nchars <= PT_SHORTLINE && l->nchars * 5 < r->maxc * 3;
}

/* The classes that are always a unit of their own, a bit each. */
#define PR_ALONE	(1u << PC_DROP | 1u << PC_MARKUP | 1u << PC_META | \
			 1u << PC_BREAK | 1u << PC_TOC | 1u << PC_HEADLINE | \
			 1u << PC_KICKER | 1u << PC_SUBTITLE_MK | \
			 1u << PC_HEADING | 1u << PC_WIREEND | \
			 1u << PC_FLUSH | 1u << PC_SIGNOFF)

/* True for a class that is always a unit of its own. */
static inline int
pr_alone(unsigned cls)
{
	return (PR_ALONE >> cls) & 1;
}

/* Names right under a byline continue it (本报记者 王春苗 / 陈毅人). */
static int
pk_names(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	return r->chain && (ctx->lines[i].flags & LF_NAMES);
}

/* The first line after a form feed that did not end the page: a new
   region, as after blank lines. */
static int
pk_pagebreak(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return (ctx->lines[i].flags & LF_PAGEBRK) != 0;
}

/* The lines of one headline that the contents list names (set large, a
   long headline wraps). */
static int
pk_tochead(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return ctx->tochead != NULL && ctx->tochead[i] != (size_t)-1 &&
	    ctx->tochead[i] == ctx->tochead[i - 1];
}

/* Debris, markup, metadata, contents, marked heads and head lines of an
   indented page stand alone, and so does what follows them. */
static int
pk_alone(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return pr_alone(ctx->lines[i].cls) || pr_alone(ctx->lines[i - 1].cls);
}

/* A Markdown list item, quote or image starts a block; so does the
   first line after one. */
static int
pk_md_block(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	unsigned a = ctx->lines[i - 1].md, b = ctx->lines[i].md;

	(void)r;
	return ctx->markdown && (a != b || b == PM_ITEM || b == PM_IMAGE ||
	    b == PM_STRONG);
}

/* Each line of a page that indents its paragraphs is a paragraph. */
static int
pk_indented(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	(void)i;
	return ctx->profile == PP_INDENTED;
}

/* ... and so is each line of a page of one-line paragraphs. */
static int
pk_lines(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	(void)i;
	return ctx->profile == PP_LINES;
}

/* In hard-wrapped text an indented line starts a paragraph. */
static int
pk_wrapped_indent(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	(void)r;
	return ctx->profile == PP_WRAPPED && (ctx->lines[i].flags & LF_INDENT);
}

/* What follows a byline (and its names) is something else. */
static int
pk_after_byline(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	(void)ctx;
	(void)i;
	return r->chain;
}

/* A byline line starts a unit. */
static int
pk_byline(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return (ctx->lines[i].flags & LF_BYLINE) != 0;
}

/* A number, or a —— subtitle, is a unit of its own. */
static int
pk_number(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return ((ctx->lines[i - 1].flags | ctx->lines[i].flags) &
	    (LF_NUMBER | LF_SUBTITLE)) != 0;
}

/* An editor's note, a caption or a dateline opens a unit. */
static int
pk_opener(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)r;
	return (ctx->lines[i].flags & (LF_NOTE | LF_CAPSTART |
	    LF_DATELINE)) != 0;
}

/* Two lines of one Markdown paragraph (or quote): one block. */
static int
pk_md_para(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	unsigned a = ctx->lines[i - 1].md, b = ctx->lines[i].md;

	(void)r;
	return ctx->markdown && a == b && (a == PM_TEXT || a == PM_QUOTE);
}

/* A run whose every line ends a sentence is a run of one-line
   paragraphs. */
static int
pk_all_sentences(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	(void)ctx;
	(void)i;
	return r->allendp;
}

/* A line that ends a sentence and is followed by an indented line, or is
   itself much shorter than the run's longest, ends its paragraph. */
static int
pk_sentence_end(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	const struct parse_line *p = &ctx->lines[i - 1];

	return (p->flags & LF_ENDP) && ((ctx->lines[i].flags & LF_INDENT) ||
	    p->nchars * 4 < r->maxc * 3);
}

/* In hard-wrapped text a short line without final punctuation is a
   title or a heading, not a wrapped line. */
static int
pk_short_open(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	const struct parse_line *p = &ctx->lines[i - 1];

	return r->maxc >= PT_WIDE_RUN && !(p->flags & LF_ENDP) &&
	    pr_shortline(p, r);
}

/* ... and so is a short line after a sentence. */
static int
pk_short_after(const struct parse_ctx *ctx, const struct parse_run *r,
    size_t i)
{
	const struct parse_line *p = &ctx->lines[i - 1], *l = &ctx->lines[i];

	return r->maxc >= PT_WIDE_RUN && (p->flags & LF_ENDP) &&
	    !(l->flags & LF_ENDP) && pr_shortline(l, r);
}

static int
pk_any(const struct parse_ctx *ctx, const struct parse_run *r, size_t i)
{
	(void)ctx;
	(void)r;
	(void)i;
	return 1;
}

const struct parse_cut_rule parse_rules_cut[] = {
	{ "join-byline-names", pk_names, 0, LF_NAMES, 0, 0, PKG_CHAIN },
	{ "join-contents-headline", pk_tochead, 0, 0, 0, PK_CONTENTS, 0 },
	{ "cut-page-break", pk_pagebreak, 1, LF_PAGEBRK, 0, 0, 0 },
	{ "cut-alone", pk_alone, 1, 0, 0, 0, PKG_ALONE },
	{ "cut-md-block", pk_md_block, 1, 0, 0, PK_MARKDOWN, 0 },
	{ "cut-indented", pk_indented, 1, 0, 0, PK_INDENTED, 0 },
	{ "cut-lines", pk_lines, 1, 0, 0, PK_LINES, 0 },
	{ "cut-wrapped-indent", pk_wrapped_indent, 1, LF_INDENT, 0,
	    PK_WRAPPED, 0 },
	{ "cut-after-byline", pk_after_byline, 1, 0, 0, 0, PKG_CHAIN },
	{ "cut-byline", pk_byline, 1, LF_BYLINE, 0, 0, 0 },
	{ "cut-number-subtitle", pk_number, 1, 0, 0, 0, PKG_NUMBER },
	{ "cut-opener", pk_opener, 1, LF_NOTE | LF_CAPSTART | LF_DATELINE, 0,
	    0, 0 },
	{ "join-md-paragraph", pk_md_para, 0, 0, 0, PK_MARKDOWN, 0 },
	{ "cut-all-sentences", pk_all_sentences, 1, 0, 0, 0, PKG_ALLENDP },
	{ "cut-sentence-end", pk_sentence_end, 1, 0, LF_ENDP, 0, 0 },
	{ "cut-short-open", pk_short_open, 1, 0, 0, 0, PKG_WIDE },
	{ "cut-short-after", pk_short_after, 1, 0, LF_ENDP, 0, PKG_WIDE },
	{ "join-wrapped", pk_any, 0, 0, 0, 0, 0 },
	{ NULL, NULL, 0, 0, 0, 0, 0 }
};

_Static_assert(sizeof parse_rules_cut / sizeof *parse_rules_cut <= 33,
    "parse_rules_cut has at most 32 rules");

/*
 * Which rules of parse_rules_cut can hold between a line and the one
 * above it, as a mask, the way struct pr_index does it for the class
 * rules: a rule that needs a feature of the lower line, or of the upper
 * one, or a kind of page, that is not there is not asked.  Built from
 * the table once.
 */
struct pk_index {
	uint32_t	 anyline;	/* rules that need no feature of the
					   lower line */
	uint32_t	 anyprev;	/* ... of the upper line */
	uint32_t	 need[32];	/* per LF_* bit, rules needing it
					   below */
	uint32_t	 prev[32];	/* ... above */
	uint32_t	 page[8];	/* per PK_* bit, rules needing it */
	uint32_t	 anypage;	/* rules for any page */
	unsigned	 needs, prevs;	/* every LF_* some rule needs */
	uint32_t	 gated_chain, gated_allendp, gated_wide,
			 gated_alone, gated_number;
					/* per PKG_* gate, the rules it
					   gates */
};

static struct pk_index	 pk_index;

static void
pk_index_build(void)
{
	struct pk_index *x = &pk_index;
	const struct parse_cut_rule *k;
	unsigned	 b;
	int		 r;

	for (r = 0; parse_rules_cut[r].name != NULL; r++) {
		k = &parse_rules_cut[r];
		if (k->need == 0)
			x->anyline |= 1u << r;
		if (k->prev == 0)
			x->anyprev |= 1u << r;
		if (k->page == 0)
			x->anypage |= 1u << r;
		for (b = 0; b < 32; b++) {
			if (k->need & (1u << b))
				x->need[b] |= 1u << r;
			if (k->prev & (1u << b))
				x->prev[b] |= 1u << r;
			if (b < 8 && (k->page & (1u << b)))
				x->page[b] |= 1u << r;
		}
		x->needs |= k->need;
		x->prevs |= k->prev;
		if (k->gate & PKG_CHAIN)
			x->gated_chain |= 1u << r;
		if (k->gate & PKG_ALLENDP)
			x->gated_allendp |= 1u << r;
		if (k->gate & PKG_WIDE)
			x->gated_wide |= 1u << r;
		if (k->gate & PKG_ALONE)
			x->gated_alone |= 1u << r;
		if (k->gate & PKG_NUMBER)
			x->gated_number |= 1u << r;
	}
	/* the last rule ("join-wrapped") holds for every line that
	   reaches it */
	k = &parse_rules_cut[r - 1];
	if (k->need != 0 || k->prev != 0 || k->page != 0 || k->gate != 0)
		abort();
}


/* The rules of parse_rules_cut that can hold on this page. */
static uint32_t
pk_page(const struct parse_ctx *ctx)
{
	return pk_index.anypage | pk_of(pk_index.page, pr_kind(ctx));
}

/* The rules that can hold between line i and the line above it, on a
   page whose rules are page. */
static inline uint32_t
pk_candidates(const struct parse_line *L, size_t i, uint32_t page)
{
	return page & (pk_index.anyline | pk_of(pk_index.need, L[i].flags &
	    pk_index.needs)) & (pk_index.anyprev | pk_of(pk_index.prev,
	    L[i - 1].flags & pk_index.prevs));
}

/* The rules of parse_rules_cut that can hold on the page (for
   parse_rules_cut_run). */
uint32_t
parse_rules_cut_page(const struct parse_ctx *ctx)
{
	pr_init();
	return pk_page(ctx);
}

/* Cut the run of non-blank lines that starts at line a (not blank) and
   goes on under it: for each of its lines but the first, the first rule
   of parse_rules_cut that holds (page: parse_rules_cut_page), in the
   line's cut. */
void
parse_rules_cut_run(struct parse_ctx *ctx, size_t a, uint32_t page)
{
	struct parse_line *L = ctx->lines;
	struct parse_run r;
	size_t	 b, i;
	uint32_t m;
	int	 k;

	r.first = a;
	r.maxc = 0;
	r.allendp = 1;
	for (b = a; b < ctx->nlines && !(L[b].flags & LF_BLANK); b++) {
		if (L[b].nchars > r.maxc)
			r.maxc = L[b].nchars;
		if (!(L[b].flags & LF_ENDP) || L[b].nchars < 3)
			r.allendp = 0;
	}
	r.last = b - 1;
	r.chain = (L[a].flags & LF_BYLINE) != 0;
	/* the gates of the run (PKG_ALLENDP, PKG_WIDE): the rules that
	   cannot hold for any of its lines */
	if (!r.allendp)
		page &= ~pk_index.gated_allendp;
	if (r.maxc < PT_WIDE_RUN)
		page &= ~pk_index.gated_wide;
	for (i = a + 1; i <= r.last; i++) {
		m = pk_candidates(L, i, page);
		/* the gates of the two lines: most lines are asked none of
		   the rules they gate */
		if (!r.chain)
			m &= ~pk_index.gated_chain;
		if (!((L[i].flags | L[i - 1].flags) & (LF_NUMBER |
		    LF_SUBTITLE)))
			m &= ~pk_index.gated_number;
		if (!(((1u << L[i].cls) | (1u << L[i - 1].cls)) & PR_ALONE))
			m &= ~pk_index.gated_alone;
		/* the last rule ("join-wrapped") holds for any line */
		for (;; m &= m - 1) {
			k = pr_lowest(m);
			if (parse_rules_cut[k].test(ctx, &r, i))
				break;
		}
		L[i].cut = (unsigned char)k;
		if (parse_rules_cut[k].test != pk_names)
			r.chain = (L[i].flags & LF_BYLINE) != 0;
		/* else the chain goes on */
	}
}

/* ---- the type of a unit -------------------------------------------- */

/* True when line l ends with —— (a kicker's end). */
static int
pr_dash_end(const char *buf, const struct parse_line *l)
{
	return l->end - l->start > 6 && memcmp(buf + l->end - 6, "——", 6) == 0;
}

/* True when a unit holds a pause (a comma, 、, ；): a sentence. */
static int
pr_pauses(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	size_t	 i;

	for (i = u->first; i <= u->last; i++)
		if (parse_line_pause(ctx->buf, &ctx->lines[i]))
			return 1;
	return 0;
}

#define PU_CLASS(fn, c)							\
static int								\
fn(const struct parse_ctx *ctx, const struct parse_unit *u)		\
{									\
	(void)ctx;							\
	return u->cls == (c);						\
}

PU_CLASS(pu_drop, PC_DROP)
PU_CLASS(pu_markup, PC_MARKUP)
PU_CLASS(pu_meta, PC_META)
PU_CLASS(pu_break, PC_BREAK)
PU_CLASS(pu_toc, PC_TOC)
PU_CLASS(pu_wireend, PC_WIREEND)
PU_CLASS(pu_flush, PC_FLUSH)
PU_CLASS(pu_signoff, PC_SIGNOFF)
PU_CLASS(pu_dateline, PC_DATELINE)

/* A Markdown headline, kicker, subtitle or heading. */
static int
pu_marked(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	return u->cls == PC_HEADLINE || u->cls == PC_KICKER ||
	    u->cls == PC_SUBTITLE_MK || u->cls == PC_HEADING;
}

static int
pu_byline(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	return (u->flags & LF_BYLINE) != 0;
}

static int
pu_number(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	return u->first == u->last && (u->flags & LF_NUMBER);
}

/* Two or more lines of at most two characters each: a vertical title. */
static int
pu_vert(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	size_t	 i;

	if (u->first == u->last)
		return 0;
	for (i = u->first; i <= u->last; i++)
		if (ctx->lines[i].nchars > 2 || (ctx->lines[i].flags &
		    (LF_ENDP | LF_NUMBER)))
			return 0;
	return 1;
}

static int
pu_subtitle(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	return (u->flags & LF_SUBTITLE) && u->nchars <= PT_SUBTITLE;
}

static int
pu_note(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	return u->cls == PC_NOTE;
}

/* Opens or ends like a caption, and is not too long. */
static int
pu_caption(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	return (u->cls == PC_CAPTION || (u->flags & LF_CAPSTART) ||
	    (ctx->lines[u->last].flags & LF_CAPEND)) &&
	    u->nchars <= PT_CAPTION;
}

/* Short, no final punctuation, and no pause unless very short, or one
   line that ends like a head: with a column tag (让公共数据供得出、流得动、
   用得好（人民时评）) or, a kicker, with —— (糕点联名“悟空”、童车“马卡龙”
   风、直播手表穿搭——). */
static int
pu_short(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	const struct parse_line *l = &ctx->lines[u->first];
	size_t	 tag = u->first == u->last ? l->tag : 0;

	if (u->nchars - tag > PT_SHORT || u->endp)
		return 0;
	if (u->nchars <= PT_PAUSE_SHORT || !pr_pauses(ctx, u))
		return 1;
	/* not an indented line: a paragraph's (…序幕——) */
	return u->first == u->last && !(l->flags & LF_INDENT) &&
	    (tag > 0 || pr_dash_end(ctx->buf, l));
}

static int
pu_any(const struct parse_ctx *ctx, const struct parse_unit *u)
{
	(void)ctx;
	(void)u;
	return 1;
}

/* A Markdown headline, kicker, subtitle or heading. */
#define PU_MARKED	(PU_C(PC_HEADLINE) | PU_C(PC_KICKER) | \
			 PU_C(PC_SUBTITLE_MK) | PU_C(PC_HEADING))

const struct parse_unit_rule parse_rules_unit[] = {
	{ "unit-boilerplate", pu_drop, U_DROP, PU_C(PC_DROP), 0, 0 },
	{ "unit-markup", pu_markup, U_MARKUP, PU_C(PC_MARKUP), 0, 0 },
	{ "unit-page-label", pu_meta, U_META, PU_C(PC_META), 0, 0 },
	{ "unit-story-break", pu_break, U_BREAK, PU_C(PC_BREAK), 0, 0 },
	{ "unit-contents", pu_toc, U_TOC, PU_C(PC_TOC), 0, 0 },
	{ "unit-wire-end", pu_wireend, U_WIREEND, PU_C(PC_WIREEND), 0, 0 },
	{ "unit-note-end", pu_signoff, U_SIGNOFF, PU_C(PC_SIGNOFF), 0, 0 },
	{ "unit-marked", pu_marked, U_MARKED, PU_MARKED, 0, 0 },
	{ "unit-byline", pu_byline, U_BYLINE, PU_ANY, LF_BYLINE, 0 },
	{ "unit-number", pu_number, U_NUMBER, PU_ANY, LF_NUMBER, 0 },
	{ "unit-head", pu_flush, U_FLUSH, PU_C(PC_FLUSH), 0, 0 },
	{ "unit-vertical", pu_vert, U_VERT, PU_ANY, 0, PUG_LINES },
	{ "unit-subtitle", pu_subtitle, U_SUBTITLE, PU_ANY, LF_SUBTITLE, 0 },
	{ "unit-note", pu_note, U_NOTE, PU_C(PC_NOTE), 0, 0 },
	{ "unit-caption", pu_caption, U_CAPTION, PU_ANY, 0, PUG_MARK },
	{ "unit-dateline", pu_dateline, U_TEXT, PU_C(PC_DATELINE), 0, 0 },
	{ "unit-short", pu_short, U_SHORT, PU_ANY, 0, PUG_OPEN },
	{ "unit-text", pu_any, U_TEXT, PU_ANY, 0, 0 },
	{ NULL, NULL, U_TEXT, PU_ANY, 0, 0 }
};

_Static_assert(sizeof parse_rules_unit / sizeof *parse_rules_unit <= 33,
    "parse_rules_unit has at most 32 rules");

/* Per class of a unit's first line, the rules of parse_rules_unit that
   are for it (a bit each), and per feature of that line the rules that
   need it: a rule for other classes, or needing a feature the line
   lacks, is not asked.  Built from the table once (pr_init). */
static uint32_t		 pu_index[PC__COUNT];
static uint32_t		 pu_need[32], pu_anyneed;
/* Per class, its rules that need no feature: the candidates of a unit
   whose first line has none that a rule needs (most units). */
static uint32_t		 pu_base[PC__COUNT];
static unsigned		 pu_needs;
/* Per PUG_* gate, the rules that need it (struct parse_unit_rule.gate):
   not asked for a unit without it. */
static uint32_t		 pu_gated_lines, pu_gated_open, pu_gated_mark;

static void
pu_index_build(void)
{
	const struct parse_unit_rule *u;
	unsigned b;
	int	 r, c;

	for (r = 0; parse_rules_unit[r].name != NULL; r++) {
		u = &parse_rules_unit[r];
		for (c = 0; c < PC__COUNT; c++)
			if (u->classes & PU_C(c))
				pu_index[c] |= 1u << r;
		if (u->need == 0)
			pu_anyneed |= 1u << r;
		for (b = 0; b < 32; b++)
			if (u->need & (1u << b))
				pu_need[b] |= 1u << r;
		pu_needs |= u->need;
		if (u->gate & PUG_LINES)
			pu_gated_lines |= 1u << r;
		if (u->gate & PUG_OPEN)
			pu_gated_open |= 1u << r;
		if (u->gate & PUG_MARK)
			pu_gated_mark |= 1u << r;
	}
	for (c = 0; c < PC__COUNT; c++)
		pu_base[c] = pu_index[c] & pu_anyneed;
	/* "unit-text" is the last rule, for every unit: it has no gate */
	if ((pu_gated_lines | pu_gated_open | pu_gated_mark) & (1u << (r - 1)))
		abort();
}

static pthread_once_t	 pr_once = PTHREAD_ONCE_INIT;
static int		 pr_ready;	/* set (release) when built */

static void
pr_build_once(void)
{
	pr_index_build();
	pk_index_build();
	pu_index_build();
	__atomic_store_n(&pr_ready, 1, __ATOMIC_RELEASE);
}

/* Build the rule indexes (once; thread-safe, a load once built). */
static void
pr_init(void)
{
	if (!__atomic_load_n(&pr_ready, __ATOMIC_ACQUIRE))
		pthread_once(&pr_once, pr_build_once);
}

/* Type the n units v: for each, the first rule of parse_rules_unit that
   holds.  The types there are, a bit 1 << U_* each. */
unsigned
parse_rules_type(struct parse_ctx *ctx, struct parse_unit *v, size_t n)
{
	struct parse_unit *u;
	uint32_t m;
	unsigned types = 0, last;
	int	 r;

	pr_init();
	for (u = v; u < v + n; u++) {
		m = !(u->flags & pu_needs) ? pu_base[u->cls] :
		    pu_index[u->cls] & (pu_anyneed | pk_of(pu_need,
		    u->flags & pu_needs));
		/* the gates (most units are one line that ends a sentence,
		   with no caption's mark: no rule gated is asked) */
		if (u->first == u->last) {
			m &= ~pu_gated_lines;
			last = u->flags;	/* the first line's, no load */
		} else
			last = ctx->lines[u->last].flags;
		if (u->endp)
			m &= ~pu_gated_open;
		if (u->cls != PC_CAPTION && !(u->flags & LF_CAPSTART) &&
		    !(last & LF_CAPEND))
			m &= ~pu_gated_mark;
		/* the last rule ("unit-text") is for any class and holds */
		for (;; m &= m - 1) {
			r = pr_lowest(m);
			if (parse_rules_unit[r].test(ctx, u))
				break;
		}
		u->type = parse_rules_unit[r].type;
		u->trule = (unsigned char)r;
		parse_why(ctx, u->first, PS_UNIT, parse_rules_unit[r].name);
		types |= 1u << u->type;
	}
	return types;
}

/* ---- every rule's name ---------------------------------------------- */

/* The rules that are decisions in the code (story heads, the reading,
   column joins, form feeds) rather than rows of a table above: their
   names, as parse-join.c and parse.c give them to --explain. */
static const char *const parse_rules_coded[] = {
	"break-page",
	"cue-kicker-colon",
	"cue-kicker-dash",
	"cue-kicker-verb",
	"cue-long-subtitle",
	"cue-pair",
	"cue-tag-above",
	"cue-tag-below",
	"head-byline",
	"head-byline-more",
	"head-dateline-story",
	"head-headline-above",
	"head-kicker-first",
	"head-kicker-long",
	"head-kicker-region",
	"head-md",
	"head-contents",
	"head-note-above",
	"head-page-opens",
	"head-closing-credit",
	"head-photo-credit",
	"head-subtitle",
	"head-subtitle-above",
	"join-column-cut",
	"join-open-paragraph",
	"read-banner-lines",
	"read-banner-motto",
	"read-banner-title",
	"read-caption",
	"read-contents",
	"read-continue",
	"read-dropped",
	"read-head",
	"read-heading",
	"read-lead",
	"read-list-number",
	"read-markup",
	"read-note",
	"read-note-end",
	"read-page-metadata",
	"read-page-number",
	"read-paragraph",
	"read-short-before-head",
	"read-short-first",
	"read-short-heading",
	"read-short-in-open-paragraph",
	"read-short-text",
	"read-story-break",
	"read-story-head",
	"read-subtitle",
	"read-wire-end",
	"slot-alone",
	"lines-heading",
	"slot-kicker",
	"slot-subtitle",
	"slot-three",
	"soft-body-goes-on",
	"soft-contents-file",
	"soft-open-paragraph",
	NULL
};

static const char	**parse_rules_all;
static pthread_once_t	  parse_rules_once = PTHREAD_ONCE_INIT;

/* Gather the names of every table and of the coded rules. */
static void
parse_rules_gather(void)
{
	size_t	 n = 0, i;

	parse_rules_all = xreallocarray(NULL, 512, sizeof *parse_rules_all);
	for (i = 0; parse_rules_profile[i].name != NULL; i++)
		parse_rules_all[n++] = parse_rules_profile[i].name;
	for (i = 0; parse_rules_line[i].name != NULL; i++)
		parse_rules_all[n++] = parse_rules_line[i].name;
	for (i = 0; parse_rules_cut[i].name != NULL; i++)
		parse_rules_all[n++] = parse_rules_cut[i].name;
	for (i = 0; parse_rules_unit[i].name != NULL; i++)
		parse_rules_all[n++] = parse_rules_unit[i].name;
	for (i = 0; parse_rules_coded[i] != NULL; i++)
		parse_rules_all[n++] = parse_rules_coded[i];
	parse_rules_all[n] = NULL;
}

/* Every rule's name, NULL-terminated (see parse.h). */
const char *const *
parse_rule_names(void)
{
	pthread_once(&parse_rules_once, parse_rules_gather);
	return parse_rules_all;
}

/* True when name is a rule's name. */
int
parse_rule_known(const char *name)
{
	const char *const *v = parse_rule_names();

	for (; *v != NULL; v++)
		if (strcmp(*v, name) == 0)
			return 1;
	return 0;
}
