/*
 * parse-int.h: what the files of the structure reader share.  Not part of
 * the public interface (see include/parse.h).
 *
 * The reader works in stages, each a table of named rules tried in order
 * (dubao --explain names the rule that decided each line; see
 * dubao-structure(7) for all of them):
 *
 *   parse-line.c   lexers: one line's features (LF_*): byline, dateline,
 *                  column tag, caption marks ...
 *   parse-md.c     Markdown (md4c): a hint per line (PM_*) and the text
 *                  runs without the markers
 *   parse-rules.c  the page's profile, the class of each line (PC_*),
 *                  where runs of lines are cut into units, the type of
 *                  each unit (U_*): the rule tables
 *   parse-join.c   story heads (kicker, headline, subtitle, byline) and
 *                  the reading of units into stories, re-joining
 *                  paragraphs the columns cut
 *   parse-words.c  the word lists
 *   parse.c        the driver, scratch memory, the page's pool
 */
#ifndef DUBAO_PARSE_INT_H
#define DUBAO_PARSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"
#include "parse.h"

/*
 * Thresholds, all of them, in characters (code points) unless said.
 */
#define PT_LONG		4096	/* lines longer are just "long" */
#define PT_SHORT	40	/* longest short unit (headline, heading,
				   caption candidate), tag excluded */
#define PT_HEADLINE	60	/* longest headline above a byline */
#define PT_KICKER	30	/* longest kicker in a blank-separated page */
#define PT_PLACE_DASH	8	/* a place's name and ——, at most: an item
				   of a round-up, not a kicker */
#define PT_KICKER_TEXT	60	/* longest kicker on the page's first line,
				   a sentence maybe, over a tagged headline */
#define PT_BYLINE	50	/* longest byline line */
#define PT_NAMES_BYTES	48	/* longest names-only byline line, bytes */
#define PT_NAME		10	/* longest name */
#define PT_TAG		48	/* longest column tag inside its brackets */
#define PT_CAPTION	250	/* longest caption */
#define PT_SUBTITLE	80	/* longest —— subtitle in a blank-separated
				   page (any length in an indented one) */
#define PT_SUBTITLE_ANY	300	/* longest subtitle line in an indented page */
#define PT_NUMBER	24	/* longest page or list number line, bytes */
#define PT_SHORTLINE	24	/* a "short" line inside a run */
#define PT_WIDE_RUN	30	/* runs whose longest line has at least this
				   many characters are hard-wrapped text */
#define PT_PAUSE_SHORT	16	/* a short unit of at most this many
				   characters may hold a comma */
#define PT_PARA		20	/* a line at least this long is paragraph-
				   like for the page profile */
#define PT_PARA_MIN	8	/* ... and one this long that ends a
				   sentence */
#define PT_INDENT_PCT	60	/* % of paragraph-like lines indented: the
				   page indents its paragraphs */
#define PT_LINES_PARA	40	/* a paragraph on one line is longer (a
				   head is not: PT_SHORT) */
#define PT_LINES_PCT	70	/* % of paragraph-like lines that end a
				   sentence and are that long, in a page of
				   one-line paragraphs */
#define PT_SPACED_PCT	90	/* % of paragraph-like lines followed by a
				   blank line, in such a page that puts one
				   after every line (a web page's copy) */
#define PT_SPACED_JOINED 5	/* % of lines right over another, at most,
				   in such a page */
#define PT_SPACED_PARA	60	/* a paragraph on one line of such a
				   page is longer */
#define PT_SPACED_LONG_PCT 50	/* % of its paragraph-like lines longer
				   than PT_SPACED_PARA */
#define PT_SPACED_ENDP_PCT 90	/* % of them that end a sentence (a
				   column's lines, wrapped, often do not) */
#define PT_WRAP_PCT	40	/* % of paragraph-like lines indented at
				   most: ... and hard-wraps them (one line of
				   a paragraph indented, the others not) */
#define PT_TOC_MIN	3	/* numbered title lines that make a contents */
#define PT_TOC_ITEM	80	/* longest contents entry */
#define PT_BOILER	120	/* longest line that can be web debris */
#define PT_LEX_SHORT	120	/* longer lines are paragraphs: only the
				   features that open or close one are
				   looked for */
#define PT_META		80	/* longest page label or running head */
#define PT_PLACE	12	/* longest place (and paper) after a
				   byline's slash: 記者林河名／台北報導; and
				   longest paper's name in 《》 before one */
#define PT_MENU_ITEM	6	/* longest item of a menu, one a line */
#define PT_MENU_RUN	8	/* fewest items in a row that make one */
#define PT_MENU_WIDE	2	/* ... of which at least this many have
				   three characters or more (a column
				   banner's lines have one or two) */
#define PT_MENU_ASK	64	/* menu items compared with the other
				   lines, at most (bounded work) */
#define PT_MENU_GAP	4	/* most lines between two menus that are
				   menu too ... */
#define PT_MENU_BRIDGE	12	/* ... when this short and bare */

/* Features of one source line (struct parse_line.flags), set by the
   lexers of parse-line.c. */
#define LF_BLANK	0x00000001u	/* nothing but white space */
#define LF_ENDP		0x00000002u	/* ends with sentence-final punctuation */
#define LF_INDENT	0x00000004u	/* starts with U+3000 or two spaces */
#define LF_BYLINE	0x00000008u	/* role word(s) and names */
#define LF_NAMES	0x00000010u	/* names only (a byline continued) */
#define LF_PHOTO	0x00000020u	/* byline whose roles are all photo credits */
#define LF_NUMBER	0x00000040u	/* a number on its own (page or list) */
#define LF_SUBTITLE	0x00000080u	/* starts with —— */
#define LF_NOTE		0x00000100u	/* 编者按, 链接 ... */
#define LF_TAG		0x00000200u	/* ends with a column tag （人民论坛） */
#define LF_CAPSTART	0x00000400u	/* starts like a caption (图为, ▲) */
#define LF_CAPEND	0x00000800u	/* ends like a caption (摄）, 供图) */
#define LF_DATELINE	0x00001000u	/* starts with 本报讯, 新华社…电 */
#define LF_MENU		0x00002000u	/* an item of a web page's menu, one
					   item a line (parse_rules_menus) */
#define LF_BOILER	0x00004000u	/* web debris (cookie notice, 责任编辑) */
#define LF_META		0x00008000u	/* page label, running head */
#define LF_WIREEND	0x00010000u	/* （編輯：蘇龍麒）1140710 */
#define LF_TOCITEM	0x00020000u	/* "1. title": a numbered title */
#define LF_PAGEBRK	0x00040000u	/* first line after a form feed that
					   did not end the page */
#define LF_COLON	0x00080000u	/* ends with ： or : */
#define LF_CLOSED	0x00100000u	/* whole line in brackets or quotes */
#define LF_CONTENTS	0x00200000u	/* LF_TOCITEM in a contents list */
#define LF_SIGNOFF	0x00400000u	/* ——编者: an editor's note ends */
#define LF_TOCHEAD	0x00800000u	/* a headline the contents list names */
#define LF_MAYNAMES	0x01000000u	/* short and Han: names continuing a
					   byline, perhaps (parse_line_names
					   reads them when a byline is above) */
#define LF_MDMARK	0x02000000u	/* opens with # > ! or * (trimmed):
					   perhaps a Markdown mark, which
					   parse_md_looks looks at (set by
					   parse_line_split) */

/* The Markdown hint of a line (struct parse_line.md), from md4c. */
enum parse_md {
	PM_NONE,	/* not Markdown, or a plain paragraph line */
	PM_H1, PM_H2, PM_H3, PM_H4, PM_H5, PM_H6,
	PM_QUOTE,	/* > */
	PM_STRONG,	/* a paragraph wholly **bold** */
	PM_IMAGE,	/* ![alt](…): the alt text */
	PM_ITEM,	/* a list item */
	PM_RULE,	/* --- thematic break: a story separator */
	PM_HTML,	/* markup only: raw HTML, ``` fences, link
			   references, the --- under a heading */
	PM_FRONT,	/* a YAML front matter (--- title: … ---) */
	PM_TITLE,	/* its title: value, when no # headline follows */
	PM_TEXT		/* a paragraph line of a Markdown page */
};

/* The class of a line (struct parse_line.cls), decided by the first
   rule of parse_rules_line that holds. */
enum parse_class {
	PC_BLANK,	/* nothing */
	PC_DROP,	/* web debris: not shown; --json boilerplate */
	PC_MARKUP,	/* Markdown markup only: not shown */
	PC_META,	/* page label, running head: page metadata */
	PC_BREAK,	/* story separator (--- in Markdown) */
	PC_TOC,		/* an entry of a contents list */
	PC_HEADLINE,	/* marked: # */
	PC_KICKER,	/* marked: ### before # */
	PC_SUBTITLE_MK,	/* marked: ## after # */
	PC_HEADING,	/* marked section heading: ##, **bold** */
	PC_WIREEND,	/* wire copy's end line: a story ends */
	PC_NUMBER,	/* a page or list number */
	PC_BYLINE,	/* role words and names */
	PC_NAMES,	/* names continuing a byline */
	PC_SUBTITLE,	/* —— subtitle */
	PC_NOTE,	/* editor's note opener, > quote */
	PC_SIGNOFF,	/* ——编  者: the note above ends */
	PC_CAPTION,	/* caption opener or ending, image alt */
	PC_DATELINE,	/* paragraph opening with a dateline */
	PC_FLUSH,	/* not indented in a page that indents its
			   paragraphs: head material */
	PC_SHORT,	/* short, no final punctuation */
	PC_TEXT,	/* body text */
	PC__COUNT
};

/* The profile of a page, decided once from all its lines. */
enum parse_profile {
	PP_BLANKS,	/* paragraphs separated by blank lines or by
			   nothing recognisable (pdftotext of a printed
			   page, Markdown, most saved pages) */
	PP_INDENTED,	/* every paragraph one indented line; heads flush
			   (article collections, e-paper copies) */
	PP_WRAPPED,	/* paragraphs hard-wrapped, their first line
			   indented (typeset text through pdftotext) */
	PP_LINES	/* every paragraph one line, not indented, no
			   blank line between (collections that dropped
			   the indent): heads are the short lines */
};

/* One source line. */
struct parse_line {
	size_t		 start;		/* first byte after leading space */
	size_t		 end;		/* past the last non-space byte */
	size_t		 nchars;	/* code points in [start, end), at
					   most PT_LONG */
	size_t		 tag;		/* code points of a column tag at the
					   end (LF_TAG), brackets included */
	uint32_t	 last;		/* last code point, 0 when blank */
	uint32_t	 piece;		/* Markdown: first text run in
					   ctx->runs (npieces of them) */
	uint32_t	 npieces;	/* 0: the line is one piece [start,
					   end) */
	uint32_t	 memo;		/* 1 + index in ctx->memo of what was
					   read of the line that costs to read
					   again; 0: nothing (parse_memo_of) */
	struct range	 tail;		/* page metadata glued to the end of
					   the line (> 本报记者  杨文明《人民日报》
					   （…第 04 版）), cut off [start, end);
					   empty when none */
	unsigned	 flags;		/* LF_* */
	unsigned char	 md;		/* enum parse_md */
	unsigned char	 cls;		/* enum parse_class */
	unsigned char	 rule;		/* index in parse_rules_line of the
					   rule that gave cls */
	unsigned char	 cut;		/* index in parse_rules_cut of the
					   rule that cut it from the line
					   above, or joined it */
};

/* One item of a byline line: a role word or a name. */
struct parse_bl_item {
	struct range	 r;		/* source bytes */
	int		 role;		/* 1 for a role word, 0 for a name */
};

#define PARSE_BL_MAX	24

/* What a byline line is (parse_line_byline). */
enum parse_bl_kind {
	PB_NONE,	/* not a byline */
	PB_ROLE,	/* starts with a role: 本报记者 王春苗 */
	PB_NAMES,	/* names only: 陈毅人 (a byline continued) */
	PB_CREDIT	/* names, then a photo role: 张三 李四 摄 */
};

/* A byline line taken apart. */
struct parse_bl {
	struct parse_bl_item	 item[PARSE_BL_MAX];
	size_t			 n;
	int			 photo;	/* every role is a photo credit */
};

/* What parse_line_lex read of a line on the way that costs to read
   again later: the dateline opener, the byline taken apart. */
struct parse_lexed {
	size_t			 dateline;	/* parse_line_dateline: bytes,
						   0 when none */
	struct range		 paren;		/* ... the inside of the
						   bracket after it */
	int			 blread;	/* the line was read as a
						   byline: */
	enum parse_bl_kind	 blkind;	/* ... what it is */
	struct parse_bl		 bl;		/* ... its items */
};

/* The same, kept per line for the later stages (parse_memo_of): the
   join reads the bylines and the dateline of a story from the lines
   that the lexer (or the class rules) have read already, instead of
   reading them again.  In the scratch memory, n items long. */
struct parse_memo {
	size_t			 dateline;
	struct range		 paren;
	int			 blread;	/* 0: not read as a byline */
	enum parse_bl_kind	 blkind;
	int			 photo;
	size_t			 n;
	struct parse_bl_item	 item[];
};

/* Counts of a page that its profile is chosen from. */
struct parse_counts {
	size_t		 para;		/* paragraph-like lines */
	size_t		 indented;	/* ... indented */
	size_t		 inner;		/* ... but the page's last line */
	size_t		 blank_after;	/* ... of these, followed by a blank
					   line */
	size_t		 endp;		/* ... ending a sentence */
	size_t		 longer;	/* ... longer than PT_LINES_PARA */
	size_t		 spaced;	/* ... longer than PT_SPACED_PARA */
	size_t		 flush;		/* short lines not indented */
	size_t		 nonblank;	/* lines not blank */
	size_t		 joined;	/* ... right over another */
	int		 markdown;	/* md4c read the page */
};

/* Count, for the profile, paragraph-like line l (blank_below: a blank
   line follows it), counting it as inner: parse_rules_profile_of takes
   the page's last line back.  Inline: parse_lex_all counts as it lexes. */
static inline void
parse_count_para(struct parse_counts *c, const struct parse_line *l,
    int blank_below)
{
	c->para++;
	if (l->flags & LF_INDENT)
		c->indented++;
	if (l->flags & LF_ENDP)
		c->endp++;
	if (l->nchars > PT_LINES_PARA)
		c->longer++;
	if (l->nchars > PT_SPACED_PARA)
		c->spaced++;
	c->inner++;
	if (blank_below)
		c->blank_after++;
}

/* Scratch memory of one parse: blocks and pieces while they grow.  Freed
   (all at once) when parse_page ends; what it held is then copied into
   the page's pool. */
struct parse_arena {
	char			*p;		/* current chunk */
	size_t			 used, cap;	/* bytes of the chunk */
	void			*heap;		/* malloc'ed chunks, chained
						   through their first word */
};

/* Parser state shared by the stages. */
struct parse_ctx {
	struct page		*pg;
	const char		*buf;
	struct parse_line	*lines;
	size_t			 nlines;
	struct range		*runs;		/* Markdown text runs */
	size_t			 nruns;
	enum parse_profile	 profile;
	int			 profile_rule;	/* index in parse_rules_profile */
	int			 markdown;	/* md4c read the page */
	int			 spaced;	/* a blank line after every line:
						   one counts as none (the
						   profile rule says) */
	struct parse_counts	 counts;	/* what the profile counts,
						   as the lines are lexed
						   (parse_lex_all) but ... */
	size_t			*unsure;	/* ... the lines whose count
						   waits for maxw (a head's
						   maybe, or a full line of
						   hard-wrapped text) */
	size_t			 nunsure;
	size_t			 lastline;	/* the last line not blank */
	size_t			 maxw;		/* characters of the longest
						   line that is neither debris
						   nor page metadata */
	struct parse_arena	 arena;
	struct parse_why	*why;		/* --explain: one per line, or
						   NULL */
	size_t			*tochead;	/* per line: first line of the
						   contents headline it is in,
						   or -1 (NULL: no contents) */
	size_t			 ntocheads;	/* headlines the contents list
						   named */
	int			 tails;		/* some line had page metadata
						   glued to it (parse_line.tail;
						   set by parse_lex_all, which
						   every line with one goes
						   through) */
	int			 wire;		/* some line is a sign of wire
						   copy (set by parse_lex_all:
						   parse_wire_sign) */
	struct parse_memo	**memo;		/* see parse_line.memo */
	size_t			 nmemo;
	struct page_extra	 extra;		/* the page's dropped lines
						   and contents list as they
						   are read; parse_pool gives
						   the page a copy when it has
						   either */
};

/* A run of non-blank lines, as the cut rules see it. */
struct parse_run {
	size_t		 first, last;	/* line indices, inclusive */
	size_t		 maxc;		/* characters of its longest line */
	int		 allendp;	/* every line ends a sentence */
	int		 chain;		/* the line above is a byline or
					   names continuing one */
};

/* The type of a unit (parse_rules_unit). */
enum parse_unit_type {
	U_TEXT,		/* body text */
	U_SHORT,	/* short, no final punctuation: headline, heading,
			   caption */
	U_BYLINE,	/* role words and names */
	U_NUMBER,	/* a number alone */
	U_MARKED,	/* Markdown heading or bold line: its class says */
	U_VERT,		/* a column of one- or two-character lines: a
			   banner's vertical title */
	U_SUBTITLE,	/* —— subtitle */
	U_NOTE,		/* editor's note, quote */
	U_CAPTION,	/* photo caption or credit */
	U_DROP,		/* web debris */
	U_MARKUP,	/* markup only */
	U_META,		/* page label, running head */
	U_BREAK,	/* story separator */
	U_TOC,		/* contents entry */
	U_WIREEND,	/* wire copy's editor line: the story ends */
	U_FLUSH,	/* head material of a page that indents its
			   paragraphs */
	U_SIGNOFF,	/* ——编  者: what came before is an editor's
			   note */
	U__COUNT
};

/* A unit: consecutive lines read as one block. */
struct parse_unit {
	size_t		 first, last;	/* line indices, inclusive */
	size_t		 gap;		/* blank lines before it */
	size_t		 nchars;	/* code points, capped */
	int		 type;		/* U_* */
	int		 role;		/* R_* (parse-join.c) */
	int		 start;		/* first unit of a story head */
	int		 endp;		/* last line ends a sentence */
	unsigned	 flags;		/* flags of the first line */
	unsigned char	 cls;		/* class of the first line */
	unsigned char	 trule;		/* index in parse_rules_unit of the
					   rule that typed it */
};

/*
 * The rule tables (parse-rules.c).  A rule has a name (what --explain
 * prints), a predicate and what it decides; the first rule that holds
 * decides.
 */
struct parse_line_rule {
	const char	*name;
	int		(*test)(const struct parse_ctx *, size_t);
					/* PR_NEEDED: none */
	enum parse_class cls;
	unsigned	 need;		/* LF_* of which the line must have
					   one for the rule to hold (0: any
					   line) */
	unsigned	 md;		/* PR_MD(hint)s of which the line
					   must have one instead (0: none) */
	unsigned	 page;		/* PK_* of which the page must have
					   one (0: any page) */
	unsigned	 gate;		/* PRG_* the line must have for the
					   rule to be asked (0: any line): a
					   rule that cannot hold without it is
					   not called */
};
#define PR_MD(h)	(1u << (h))
#define PRG_OPEN	0x01u	/* ends no sentence (no LF_ENDP), or ends
				   with a colon (LF_COLON) */
/* The test of a line rule that holds for every line that has what it
   needs (one of its LF_* need, or its hint md; any line when it names
   neither): a line is asked only the rules whose need or hint it has,
   so there is nothing more to test. */
#define PR_NEEDED	NULL

struct parse_cut_rule {
	const char	*name;
	int		(*test)(const struct parse_ctx *,
			    const struct parse_run *, size_t);
	int		 cut;		/* 1 cuts, 0 joins */
	unsigned	 need;		/* LF_* of which the lower line must
					   have one for the rule to hold (0:
					   any line) */
	unsigned	 prev;		/* ... and the line above (0: any) */
	unsigned	 page;		/* PK_* of which the page must have
					   one (0: any page) */
	unsigned	 gate;		/* PKG_* the run or the two lines must
					   have for the rule to be asked (0:
					   any): a rule that cannot hold
					   without it is not called */
};
#define PKG_CHAIN	0x01u	/* the line above is a byline or names
				   continuing one (parse_run.chain) */
#define PKG_ALLENDP	0x02u	/* every line of the run ends a sentence
				   (parse_run.allendp) */
#define PKG_WIDE	0x04u	/* the run's longest line has PT_WIDE_RUN
				   characters or more */
#define PKG_ALONE	0x08u	/* the line or the one above has a class
				   that stands alone (pr_alone) */
#define PKG_NUMBER	0x10u	/* the line or the one above is a number
				   or a —— subtitle (LF_NUMBER,
				   LF_SUBTITLE) */

/* What a page is, as the cut rules ask (parse_cut_rule.page). */
#define PK_MARKDOWN	0x01u	/* md4c read it */
#define PK_INDENTED	0x02u	/* profile PP_INDENTED */
#define PK_LINES	0x04u	/* profile PP_LINES */
#define PK_WRAPPED	0x08u	/* profile PP_WRAPPED */
#define PK_CONTENTS	0x10u	/* it has a contents list (ctx->tochead) */

struct parse_unit_rule {
	const char	*name;
	int		(*test)(const struct parse_ctx *,
			    const struct parse_unit *);
	enum parse_unit_type type;
	unsigned	 classes;	/* the classes of the unit's first
					   line the rule is for, PU_C(c)
					   each; PU_ANY: any */
	unsigned	 need;		/* LF_* of which the unit's first line
					   must have one (0: any unit) */
	unsigned	 gate;		/* PUG_* the unit must have for the
					   rule to be asked (0: any unit): a
					   rule that cannot hold without it is
					   not called */
};
#define PU_C(c)		(1u << (c))
#define PU_ANY		(~0u)
#define PUG_LINES	0x01u	/* two lines or more */
#define PUG_OPEN	0x02u	/* its last line ends no sentence (endp 0) */
#define PUG_MARK	0x04u	/* a caption's mark: its class is caption,
				   or its first line opens like one, or its
				   last ends like one */
_Static_assert(PC__COUNT <= 32, "a class is a bit of parse_unit_rule");
_Static_assert(U__COUNT <= 32,
    "a unit type is a bit of what parse_rules_type returns");

struct parse_profile_rule {
	const char	*name;
	int		(*test)(const struct parse_counts *);
	enum parse_profile profile;
	int		 spaced;	/* blank lines are the separator: a
					   single one counts as none */
};

extern const struct parse_line_rule	parse_rules_line[];
extern const struct parse_cut_rule	parse_rules_cut[];
extern const struct parse_unit_rule	parse_rules_unit[];
extern const struct parse_profile_rule	parse_rules_profile[];

void	 parse_rules_menus(struct parse_ctx *);
void	 parse_rules_profile_of(struct parse_ctx *);
void	 parse_rules_classify(struct parse_ctx *);
uint32_t parse_rules_cut_page(const struct parse_ctx *);
void	 parse_rules_cut_run(struct parse_ctx *, size_t, uint32_t);
unsigned parse_rules_type(struct parse_ctx *, struct parse_unit *, size_t);
const char *parse_class_name(enum parse_class);
const char *parse_profile_name(enum parse_profile);

/* Word lists (parse-words.c). */
struct parse_word {
	const char	*s;
	size_t		 n;		/* bytes */
	unsigned	 flags;		/* PWF_* */
};
#define PWF_PHOTO	0x01	/* role: credits photographs only */
#define PWF_NOGLUE	0x02	/* role: no name glued to it */
#define PWF_ALONE	0x04	/* role: a byline by itself; boilerplate:
				   only as the whole line */

enum parse_wlist {
	PW_ROLES, PW_NOT_NAMES, PW_NOTES, PW_CAP_STARTS, PW_CAP_ENDS,
	PW_AGENCIES, PW_COLUMNS, PW_KICKER_ENDS, PW_BOILER, PW_SURNAMES,
	PW__COUNT
};

void	 parse_words_init(void);
int	 parse_words_prefix(enum parse_wlist, const char *, size_t, size_t *);
int	 parse_words_prefix_c(enum parse_wlist, const char *, size_t, uint32_t,
	    size_t, size_t *);
int	 parse_words_suffix(enum parse_wlist, const char *, size_t, size_t *);
int	 parse_words_is(enum parse_wlist, const char *, size_t);
int	 parse_words_starts(enum parse_wlist, uint32_t);
const struct parse_word *parse_words_get(enum parse_wlist, int);
#define PW_BIT(l)	(1u << (l))
/* A bit of parse_words_first_lists (parse_words_last_lists) that is no
   list's: the character is one of parse_line_marks_first (_last), those
   that open (close) the lines some lexers of parse-line.c read, and
   most lines do not (a hash's neighbours too: a filter). */
#define PW_MARK		(1u << 15)
_Static_assert(PW__COUNT < 15, "PW_MARK is no list's bit");

/* Ranges of code points, lo and hi, ended by 0, 0 (parse-line.c). */
extern const uint32_t parse_line_marks_first[], parse_line_marks_last[];

/* The index's filters by one character (parse-words.c), inline: they are
   asked for every line. */
#define PW_HASH_BITS	10	/* the filters have 1 << PW_HASH_BITS slots:
				   with 256, one line in three starting with
				   no word of the boilerplate list still
				   looked in it */
extern int	 parse_words_ready;
extern uint16_t	 parse_words_first_tab[1u << PW_HASH_BITS],
		 parse_words_last_tab[1u << PW_HASH_BITS];

/* The slot of a character in the filters. */
static inline unsigned
parse_words_hash(uint32_t c)
{
	return (unsigned)((c * 0x9e3779b1u) >> (32 - PW_HASH_BITS));
}

/* The lists (a bit 1 << PW_* each) that may have a word starting with
   code point c; a list not in it has none. */
static inline unsigned
parse_words_first_lists(uint32_t c)
{
	if (!__atomic_load_n(&parse_words_ready, __ATOMIC_ACQUIRE))
		parse_words_init();
	return parse_words_first_tab[parse_words_hash(c)];
}

/* The lists that may have a word ending with code point c. */
static inline unsigned
parse_words_last_lists(uint32_t c)
{
	if (!__atomic_load_n(&parse_words_ready, __ATOMIC_ACQUIRE))
		parse_words_init();
	return parse_words_last_tab[parse_words_hash(c)];
}

/* parse-line.c */
size_t	 parse_line_split(const char *, struct range, struct parse_line **,
	    size_t);
void	 parse_line_lex(const char *, struct parse_line *,
	    struct parse_lexed *);
int	 parse_line_kicker_end(const char *, const struct parse_line *);
int	 parse_line_names(struct parse_ctx *, size_t);
int	 parse_line_surnamed(const struct parse_ctx *, size_t);
int	 parse_line_pause(const char *, const struct parse_line *);
enum parse_bl_kind parse_line_byline(const char *, size_t, size_t,
	    struct parse_bl *);
size_t	 parse_line_dateline(const char *, size_t, size_t, struct range *);
size_t	 parse_line_wireend(const char *, size_t, size_t);
size_t	 parse_line_trim_start(const char *, size_t, size_t);
size_t	 parse_line_trim_end(const char *, size_t, size_t);
uint32_t parse_line_first(const char *, size_t, size_t);

/* parse_line_trim_start, with no call when the first byte starts no
   white space (not an ASCII space or control, nor the first byte of
   U+3000 or of NBSP): most text. */
static inline size_t
parse_trim_start(const char *buf, size_t start, size_t end)
{
	unsigned char a;

	if (start >= end)
		return start;
	a = (unsigned char)buf[start];
	return a > ' ' && a != 0xe3 && a != 0xc2 ? start :
	    parse_line_trim_start(buf, start, end);
}

/* parse_line_trim_end, with no call when the last byte ends no white
   space (not an ASCII space or control, nor the last byte of U+3000 or
   of NBSP). */
static inline size_t
parse_trim_end(const char *buf, size_t start, size_t end)
{
	unsigned char c;

	if (end <= start)
		return end;
	c = (unsigned char)buf[end - 1];
	return c > ' ' && c != 0x80 && c != 0xa0 ? end :
	    parse_line_trim_end(buf, start, end);
}
size_t	 parse_line_count(const char *, size_t);

/* parse-contents.c */
void	 parse_contents(struct parse_ctx *);

/* parse-md.c */
int	 parse_md_page(struct parse_ctx *, struct range);
int	 parse_md_looks(const struct parse_ctx *);

/* parse.c: scratch memory and page building helpers */
void	*parse_arena_more(struct parse_arena *, size_t);
void	*parse_arena_regrow(struct parse_arena *, void *, size_t, size_t);

/* Allocate n bytes (n a multiple of 8) of scratch memory.  Inline: most
   blocks and bylines take some, and the chunk mostly has room. */
static inline void *
parse_arena_alloc(struct parse_arena *a, size_t n)
{
	void	*p;

	if (a->cap - a->used < n)
		return parse_arena_more(a, n);
	p = a->p + a->used;
	a->used += n;
	return p;
}

/* Elements a scratch array has room for at first: most of a page's
   arrays (the pieces of a block, the names of a byline) stay that short,
   and are then allocated once. */
#define PARSE_GROW_MIN	4
_Static_assert((PARSE_GROW_MIN & (PARSE_GROW_MIN - 1)) == 0,
    "parse_arena_grow_from grows at powers of two");

/* Grow a scratch array v of n elements of sz bytes so that one more
   fits: it is (re)allocated when n is 0 (for min elements, a power of
   two) or a power of two at least min (for twice as many), and has room
   enough otherwise. */
static inline void *
parse_arena_grow_from(struct parse_arena *a, void *v, size_t n, size_t sz,
    size_t min)
{
	if (n != 0 && (n < min || (n & (n - 1)) != 0))
		return v;
	if (n == 0)	/* an array's first element: most stay that short */
		return parse_arena_alloc(a, (min * sz + 7) & ~(size_t)7);
	return parse_arena_regrow(a, v, n, sz);
}

/* The same for PARSE_GROW_MIN elements at first: most arrays. */
static inline void *
parse_arena_grow(struct parse_arena *a, void *v, size_t n, size_t sz)
{
	return parse_arena_grow_from(a, v, n, sz, PARSE_GROW_MIN);
}

/* Blocks a story has room for at first: most stories have more than
   PARSE_GROW_MIN (a head, a lead and paragraphs), and its blocks are
   then not copied as they grow. */
#define PARSE_GROW_BLOCKS	16
_Static_assert((PARSE_GROW_BLOCKS & (PARSE_GROW_BLOCKS - 1)) == 0,
    "parse_arena_grow_from grows at powers of two");
size_t	 parse_story_new(struct parse_ctx *);

/* Add an empty block of kind k to st; its index.  Inline: a page has
   about as many blocks as lines. */
static inline size_t
parse_block_new(struct parse_ctx *ctx, struct story *st, enum block_kind k)
{
	struct block	*b;

	st->blocks = parse_arena_grow_from(&ctx->arena, st->blocks,
	    st->nblocks, sizeof *st->blocks, PARSE_GROW_BLOCKS);
	b = &st->blocks[st->nblocks];
	b->kind = k;
	b->section = -1;
	b->pieces = NULL;
	b->npieces = 0;
	return st->nblocks++;
}
void	 parse_block_piece(struct parse_ctx *, struct block *, size_t, size_t);
void	 parse_block_lines_all(struct parse_ctx *, struct story *, size_t,
	    size_t, size_t);

/* Append lines first to last (trimmed; a Markdown line's text runs) to
   block bi of st.  Inline for most units, one line of one piece that
   starts a block: the block's first piece, and no call. */
static inline void
parse_block_lines(struct parse_ctx *ctx, struct story *st, size_t bi,
    size_t first, size_t last)
{
	struct block	*b = &st->blocks[bi];
	const struct parse_line *l = &ctx->lines[first];

	if (first != last || l->npieces != 0 || l->end <= l->start ||
	    b->npieces != 0) {
		parse_block_lines_all(ctx, st, bi, first, last);
		return;
	}
	b->pieces = parse_arena_grow(&ctx->arena, NULL, 0, sizeof *b->pieces);
	b->pieces[0].start = l->start;
	b->pieces[0].end = l->end;
	b->npieces = 1;
}
void	 parse_bylines(struct parse_ctx *, struct story *, size_t, size_t,
	    size_t);
void	 parse_bylines_line(struct parse_ctx *, struct story *, size_t,
	    size_t);
void	 parse_dateline(struct parse_ctx *, struct story *, size_t, size_t);
const struct parse_memo *parse_memo_of(const struct parse_ctx *, size_t);
const struct parse_memo *parse_memo_byline(struct parse_ctx *, size_t);
void	 parse_why_set(struct parse_ctx *, size_t, int, const char *);

/* Record, for --explain, that rule decided stage st of line i: a call
   only under --explain (ctx->why). */
static inline void
parse_why(struct parse_ctx *ctx, size_t i, int st, const char *rule)
{
	if (ctx->why != NULL)
		parse_why_set(ctx, i, st, rule);
}

/* parse-join.c */
void	 parse_join_page(struct parse_ctx *);

#endif
