/*
 * parse-md: Markdown read by md4c (CommonMark), as a hint per line.
 *
 * A page is read through md4c when it looks like Markdown (an ATX
 * heading, a > quote, an image, a wholly bold line: parse_md_looks).
 * md4c then says, for every line, which block holds it (heading of level
 * N, quote, list item, paragraph ...) and which bytes of it are text:
 * the markers (# > ** ![ ]( ) …) are not, so they never show.  Each line
 * keeps its text runs as its pieces (ctx->runs), and its hint (PM_*) in
 * parse_line.md; the rule tables then read the hint first, and lines
 * without markup still go through every other rule, so a page with one
 * marked headline and four plain stories gives five stories.
 *
 * Indented code blocks are off (MD_FLAG_NOINDENTEDCODEBLOCKS): Chinese
 * paragraphs are often indented with spaces.  Raw HTML is markup and is
 * dropped; entities are kept as written, except the spaces (&nbsp;
 * &emsp; …), which are dropped.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <md4c.h>

#include "parse-int.h"
#include "xmalloc.h"

/* What the md4c callbacks keep track of. */
struct parse_mdst {
	struct parse_ctx *ctx;
	struct range	 span;
	enum parse_md	 block;		/* hint of the innermost text block */
	int		 quote;		/* depth of > */
	int		 item;		/* depth of list items */
	int		 strong;	/* depth of ** and * spans */
	int		 image;		/* depth of image spans */
	int		 plain, bold;	/* the block has text outside / inside
					   emphasis */
	size_t		 bfirst;	/* first line of the block, or -1 */
	size_t		 blast;		/* last line of the block */
	size_t		 hint;		/* line last looked up */
	size_t		*runs_cap;	/* allocated runs */
};

/* The number of lines of a YAML front matter at the top of the page
   (--- then key: value lines then --- or ...), 0 when there is none. */
static size_t
md_front_matter(const struct parse_ctx *ctx)
{
	const char	*b = ctx->buf;
	size_t		 i, n;

	if (ctx->nlines < 2 || ctx->lines[0].end - ctx->lines[0].start != 3 ||
	    memcmp(b + ctx->lines[0].start, "---", 3) != 0)
		return 0;
	for (i = 1; i < ctx->nlines && i < 64; i++) {
		const struct parse_line *l = &ctx->lines[i];

		n = l->end - l->start;
		if (n == 3 && (memcmp(b + l->start, "---", 3) == 0 ||
		    memcmp(b + l->start, "...", 3) == 0))
			return i + 1;
		/* key: value, - item, or an indented continuation */
		if (n > 0 && memchr(b + l->start, ':', n) == NULL &&
		    b[l->start] != '-' && !(l->flags & LF_INDENT))
			return 0;
	}
	return 0;
}

/* The front matter's title: line (of the k lines of the front matter) is
   the page's headline when no # headline follows: blogs and archives
   that copy an article keep its headline there only (a Jekyll post of
   a 《南方周末》 story: title:  家族、村庄集体 “强奸” 事件——…).  The
   line is narrowed to the value, without its quotes. */
static void
md_front_title(struct parse_ctx *ctx, size_t k)
{
	const char	*b = ctx->buf;
	size_t		 i, j, s, e;

	for (i = k; i < ctx->nlines; i++)
		if (ctx->lines[i].md == PM_H1)
			return;
	for (i = 1; i + 1 < k; i++) {
		struct parse_line *l = &ctx->lines[i];

		if (l->end - l->start < 6 ||
		    memcmp(b + l->start, "title:", 6) != 0)
			continue;
		s = parse_trim_start(b, l->start + 6, l->end);
		e = parse_trim_end(b, s, l->end);
		if (e - s >= 2 && (b[s] == '"' || b[s] == '\'') &&
		    b[e - 1] == b[s]) {
			s++;
			e--;
		}
		if (s == e)
			return;
		/* a heading further down that says the title again, over
		   the byline (## 专访“北大教授性侵事件”举报人：…), is not
		   shown: the headline says it */
		for (j = k; j < ctx->nlines; j++) {
			struct parse_line *h = &ctx->lines[j];
			const struct range *r = &ctx->runs[h->piece];

			if (h->md >= PM_H2 && h->md <= PM_H6 &&
			    h->npieces == 1 && r->end - r->start == e - s &&
			    memcmp(b + r->start, b + s, e - s) == 0) {
				h->md = PM_HTML;
				h->npieces = 0;
			}
		}
		l->start = s;
		l->end = e;
		l->md = PM_TITLE;
		return;
	}
}

/* True when the page looks like Markdown: a YAML front matter, a line
   that is an ATX heading (# to ###### and a space), a quote (> ), an
   image (![), or wholly bold (**…**). */
int
parse_md_looks(const struct parse_ctx *ctx)
{
	const char	*b = ctx->buf;
	size_t		 i, k, n;

	if (md_front_matter(ctx) > 0)
		return 1;
	for (i = 0; i < ctx->nlines; i++) {
		const struct parse_line *l = &ctx->lines[i];
		const char *s = b + l->start;

		/* every mark below opens with one of # > ! *, which
		   parse_line_split marks (LF_MDMARK): most lines start with
		   Chinese, and are not read */
		if (!(l->flags & LF_MDMARK))
			continue;
		n = l->end - l->start;
		if (n < 2)
			continue;
		if (s[0] == '#') {
			for (k = 1; k < n && k < 6 && s[k] == '#'; k++)
				;
			if (k < n && (s[k] == ' ' || s[k] == '\t'))
				return 1;
		} else if (s[0] == '>' && (s[1] == ' ' || s[1] == '\t'))
			return 1;
		else if (s[0] == '!' && s[1] == '[')
			return 1;
		else if (n > 4 && s[0] == '*' && s[1] == '*' &&
		    s[n - 1] == '*' && s[n - 2] == '*')
			return 1;
	}
	return 0;
}

/* The line holding byte off (ctx->lines sorted by start). */
static size_t
md_line_of(struct parse_mdst *m, size_t off)
{
	const struct parse_line *L = m->ctx->lines;
	size_t	 lo = 0, hi = m->ctx->nlines, mid, k;

	/* text comes in order: from the line last looked up, a few lines
	   forward (to the last line that starts at or before off, as the
	   search below finds it; the next text is most often on the line
	   after a blank one) */
	if (m->hint < m->ctx->nlines && L[m->hint].start <= off)
		for (k = 0; k < 4; k++) {
			if (m->hint + 1 == m->ctx->nlines ||
			    L[m->hint + 1].start > off)
				return m->hint;
			m->hint++;
		}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (L[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	m->hint = lo;
	return lo;
}

/* Record the run [s, e) as text of its line. */
static void
md_run(struct parse_mdst *m, size_t s, size_t e)
{
	struct parse_ctx	*ctx = m->ctx;
	struct parse_line	*l;
	size_t			 li;

	if (e <= s)
		return;
	li = md_line_of(m, s);
	l = &ctx->lines[li];
	if (e > l->end)
		e = l->end;
	if (e <= s)
		return;
	if (l->md == PM_NONE)
		l->md = m->image > 0 ? PM_IMAGE : m->block;
	if (ctx->nruns == *m->runs_cap) {
		*m->runs_cap = *m->runs_cap ? 2 * *m->runs_cap : 64;
		ctx->runs = xreallocarray(ctx->runs, *m->runs_cap,
		    sizeof *ctx->runs);
	}
	if (l->npieces > 0 && ctx->runs[ctx->nruns - 1].end == s) {
		/* glued to the run before it */
		ctx->runs[ctx->nruns - 1].end = e;
	} else {
		if (l->npieces == 0)
			l->piece = (uint32_t)ctx->nruns;
		ctx->runs[ctx->nruns].start = s;
		ctx->runs[ctx->nruns].end = e;
		ctx->nruns++;
		l->npieces++;
	}
	if (m->bfirst == (size_t)-1)
		m->bfirst = li;
	m->blast = li;
}

/* The hint of a block type. */
static enum parse_md
md_hint(struct parse_mdst *m, MD_BLOCKTYPE type, void *detail)
{
	switch (type) {
	case MD_BLOCK_H:
		return PM_H1 + ((MD_BLOCK_H_DETAIL *)detail)->level - 1;
	case MD_BLOCK_HTML:
		return PM_HTML;
	default:
		break;
	}
	if (m->quote > 0)
		return PM_QUOTE;
	if (m->item > 0)
		return PM_ITEM;
	return PM_TEXT;
}

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct parse_mdst *m = arg;

	switch (type) {
	case MD_BLOCK_QUOTE:
		m->quote++;
		break;
	case MD_BLOCK_LI:
		m->item++;
		break;
	case MD_BLOCK_H:
	case MD_BLOCK_P:
	case MD_BLOCK_CODE:
	case MD_BLOCK_HTML:
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		m->block = md_hint(m, type, detail);
		m->plain = m->bold = 0;
		m->bfirst = (size_t)-1;
		break;
	default:
		break;
	}
	return 0;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct parse_mdst *m = arg;
	size_t		 i;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		m->quote--;
		break;
	case MD_BLOCK_LI:
		m->item--;
		break;
	case MD_BLOCK_P:
		/* a paragraph wholly in ** or *: a heading's hint */
		if (m->bold && !m->plain && m->bfirst != (size_t)-1)
			for (i = m->bfirst; i <= m->blast; i++)
				if (m->ctx->lines[i].md == PM_TEXT ||
				    m->ctx->lines[i].md == PM_QUOTE)
					m->ctx->lines[i].md = PM_STRONG;
		break;
	default:
		break;
	}
	m->block = m->quote > 0 ? PM_QUOTE : m->item > 0 ? PM_ITEM : PM_TEXT;
	return 0;
}

static int
md_enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct parse_mdst *m = arg;

	(void)detail;
	if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
		m->strong++;
	else if (type == MD_SPAN_IMG)
		m->image++;
	return 0;
}

static int
md_leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct parse_mdst *m = arg;

	(void)detail;
	if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
		m->strong--;
	else if (type == MD_SPAN_IMG)
		m->image--;
	return 0;
}

/* True for an entity that writes a space (&nbsp; &emsp; &#160; …). */
static int
md_space_entity(const char *s, size_t n)
{
	static const char *const spaces[] = {
		"&nbsp;", "&emsp;", "&ensp;", "&thinsp;", "&#160;", "&#xa0;",
		"&#xA0;", "&#12288;", "&#x3000;", NULL
	};
	size_t	 i;

	for (i = 0; spaces[i] != NULL; i++)
		if (strlen(spaces[i]) == n && memcmp(s, spaces[i], n) == 0)
			return 1;
	return 0;
}

/* A line of a raw HTML block that holds <figcaption>text: the text is a
   caption (a copy of a 财新网 story: <figcaption>失去心爱的喜羊羊玩具，…
   图/受访者提供</figcaption>).  Records its run; 0 when there is none. */
static int
md_figcaption(struct parse_mdst *m, size_t li)
{
	static const char open[] = "<figcaption>", close[] = "</figcaption>";
	struct parse_line *l = &m->ctx->lines[li];
	const char	*b = m->ctx->buf, *p, *q;
	size_t		 s, e;

	p = memmem(b + l->start, l->end - l->start, open, sizeof open - 1);
	if (p == NULL)
		return 0;
	s = (size_t)(p - b) + sizeof open - 1;
	q = memmem(b + s, l->end - s, close, sizeof close - 1);
	e = q != NULL ? (size_t)(q - b) : l->end;
	s = parse_trim_start(b, s, e);
	e = parse_trim_end(b, s, e);
	if (s == e || memchr(b + s, '<', e - s) != NULL)
		return 0;	/* empty, or more markup inside */
	l->md = PM_IMAGE;
	md_run(m, s, e);
	return 1;
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct parse_mdst *m = arg;
	const char	*buf = m->ctx->buf;
	size_t		 s, e;

	if (text < buf + m->span.start || text + size > buf + m->span.end)
		return 0;	/* not in the page (md4c's own text) */
	s = (size_t)(text - buf);
	e = s + size;
	switch (type) {
	case MD_TEXT_NORMAL:
	case MD_TEXT_CODE:
	case MD_TEXT_LATEXMATH:
		break;
	case MD_TEXT_ENTITY:
		if (md_space_entity(text, size))
			return 0;
		break;
	case MD_TEXT_HTML:
		if (m->block == PM_HTML) {
			/* a raw HTML block: its lines are markup, but for
			   a <figcaption>'s text */
			size_t li = md_line_of(m, s);

			for (; li < m->ctx->nlines && m->ctx->lines[li].start <
			    e; li++)
				if (m->ctx->lines[li].md == PM_NONE &&
				    !md_figcaption(m, li))
					m->ctx->lines[li].md = PM_HTML;
		}
		return 0;
	default:
		return 0;	/* breaks, NUL */
	}
	if (m->strong > 0 || m->image > 0)
		m->bold = 1;
	else if (!m->plain && parse_trim_start(buf, s, e) < e)
		m->plain = 1;
	md_run(m, s, e);
	return 0;
}

/* True when s[0..n) is a thematic break: three or more of one of - * _
   and spaces. */
static int
md_is_rule(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (s[i] != s[0] || (s[0] != '-' && s[0] != '*' && s[0] != '_'))
			return 0;
		k++;
	}
	return k >= 3;
}

/* True when an image's alt text s[0..n) is a file name or a slug, which
   says nothing to a reader of Chinese: letters, digits and - _ . only
   (10-01-caixin.jpg, gaoyaninuniversity, wangAo). */
static int
md_alt_slug(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return 0;
	return n > 0;
}

/* The line after line i, blank lines aside, or nlines. */
static size_t
md_next(const struct parse_ctx *ctx, size_t i)
{
	for (i++; i < ctx->nlines && ctx->lines[i].start ==
	    ctx->lines[i].end; i++)
		;
	return i;
}

/* A paragraph line right under a picture and wholly in brackets is its
   caption: （大学时代的高岩。图片来源于网络。） and （王敖。图/《诗人文摘》）
   under the two pictures of a 中国新闻周刊 interview. */
static void
md_bracket_caption(struct parse_ctx *ctx, size_t i)
{
	static const char open[] = "（", close[] = "）";
	const struct range *r;
	const char	*s;
	size_t		 n;

	if ((i = md_next(ctx, i)) >= ctx->nlines ||
	    ctx->lines[i].md != PM_TEXT || ctx->lines[i].npieces != 1)
		return;
	r = &ctx->runs[ctx->lines[i].piece];
	s = ctx->buf + r->start;
	n = r->end - r->start;
	if ((n > 2 * (sizeof open - 1) && memcmp(s, open, sizeof open - 1) ==
	    0 && memcmp(s + n - (sizeof close - 1), close, sizeof close - 1) ==
	    0) || (n > 2 && s[0] == '(' && s[n - 1] == ')'))
		ctx->lines[i].md = PM_IMAGE;
}

/* Read the page span through md4c: the hint and the text runs of every
   line.  Returns 0, or -1 when md4c failed (the page is then read
   without markup). */
int
parse_md_page(struct parse_ctx *ctx, struct range span)
{
	MD_PARSER	 p;
	struct parse_mdst m;
	size_t		 cap = 0, i, k;

	memset(&p, 0, sizeof p);
	p.abi_version = 0;
	p.flags = MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_STRIKETHROUGH |
	    MD_FLAG_TABLES;
	p.enter_block = md_enter_block;
	p.leave_block = md_leave_block;
	p.enter_span = md_enter_span;
	p.leave_span = md_leave_span;
	p.text = md_text;
	memset(&m, 0, sizeof m);
	m.ctx = ctx;
	m.span = span;
	m.block = PM_TEXT;
	m.bfirst = (size_t)-1;
	m.runs_cap = &cap;
	/* a front matter is metadata, not text: md4c starts after it */
	if ((k = md_front_matter(ctx)) > 0) {
		for (i = 0; i < k; i++)
			ctx->lines[i].md = PM_FRONT;
		span.start = k < ctx->nlines ? ctx->lines[k].start : span.end;
		m.span = span;
	}
	if (span.end - span.start > (size_t)(MD_SIZE)-1 ||
	    md_parse(ctx->buf + span.start, (MD_SIZE)(span.end - span.start),
	    &p, &m) != 0) {
		for (i = 0; i < ctx->nlines; i++) {
			ctx->lines[i].md = PM_NONE;
			ctx->lines[i].npieces = 0;
		}
		free(ctx->runs);
		ctx->runs = NULL;
		ctx->nruns = 0;
		return -1;
	}
	if (k > 0)
		md_front_title(ctx, k);
	for (i = 0; i < ctx->nlines; i++) {
		struct parse_line *l = &ctx->lines[i];

		if (l->start == l->end || l->md == PM_FRONT ||
		    l->md == PM_TITLE)
			continue;
		if (l->npieces == 0) {
			/* a line of markup only: a thematic break (a story
			   separator), or ```, [1]: url, <div>, the ---
			   under a heading */
			l->md = md_is_rule(ctx->buf + l->start, l->end -
			    l->start) && !(i > 0 && (ctx->lines[i - 1].md ==
			    PM_H1 || ctx->lines[i - 1].md == PM_H2)) ?
			    PM_RULE : PM_HTML;
			continue;
		}
		/* an image whose alt text is its file name says nothing:
		   ![10-01-caixin.jpg](https://…); a bracketed line under it
		   may */
		if (l->md == PM_IMAGE && l->npieces == 1 &&
		    md_alt_slug(ctx->buf + ctx->runs[l->piece].start,
		    ctx->runs[l->piece].end - ctx->runs[l->piece].start)) {
			l->md = PM_HTML;
			l->npieces = 0;
			md_bracket_caption(ctx, i);
			continue;
		}
		if (l->md == PM_IMAGE)
			md_bracket_caption(ctx, i);
		/* the line's text: from its first run to its last */
		l->start = ctx->runs[l->piece].start;
		l->end = ctx->runs[l->piece + l->npieces - 1].end;
		l->start = parse_trim_start(ctx->buf, l->start, l->end);
		l->end = parse_trim_end(ctx->buf, l->start, l->end);
		if (l->npieces == 1)
			l->npieces = 0;		/* one piece: [start, end) */
		if (l->start == l->end)
			l->md = PM_HTML;
	}
	ctx->markdown = 1;
	return 0;
}
