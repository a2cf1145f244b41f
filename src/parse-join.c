/*
 * parse-join: the heuristic reader of unmarked pages (pdftotext output).
 *
 * 1. Units.  Lines are grouped into units: runs of non-blank lines, cut
 *    further where a run obviously holds several things (a byline line
 *    and the names continuing it, a number, a "## " heading, a caption or
 *    note opener, a short line without final punctuation among long
 *    ones, a line ending a sentence followed by an indented or a
 *    noticeably longer one).  The lines of a unit are the pieces of one
 *    block: pdftotext hard-wraps paragraphs.  A unit after two or more
 *    blank lines starts a new printed region (column, box).
 * 2. Types.  Each unit is typed from its lines: byline, number, vertical
 *    (a column of 1-2 character lines: the banner), subtitle (——),
 *    note (编者按), caption (图为 / ▲ / 摄） / 供图 / 新华社发), short (at
 *    most 40 characters, no final punctuation), or text.
 * 3. Story heads.  A byline unit, together with the short unit above it
 *    (headline), a —— subtitle between them and a short unit starting
 *    the region above the headline (kicker), starts a story; so does a
 *    short unit followed by a subtitle or by a paragraph opening with a
 *    dateline (本报讯, 新华社…电).
 * 4. Reading.  Units are then read in order into the current story:
 *    - text is a paragraph (the story's first is its lead, where a
 *      dateline opener is recognised);
 *    - a paragraph that does not end a sentence is open: the next text
 *      unit continues it (column break: one block, several pieces);
 *    - an open paragraph interrupted by anything else (another story, a
 *      caption) is pending: the first text unit of a later region
 *      completes it, and the story it belongs to becomes current again,
 *      so what follows goes back to that story;
 *    - a short unit is a caption when it follows an open paragraph or
 *      stands right before another story's head; a section heading when
 *      body text follows; a headline when no story has begun yet;
 *    - a number alone on a line is a list number when body text follows
 *      in the same region (it becomes the first piece of that block);
 *      otherwise it is a page number, kept as a banner block (page
 *      metadata) so that no text is lost;
 *    - a vertical unit starts the banner: the first vertical unit is the
 *      column title (one block), the following vertical units the motto
 *      (one block), and each line of the short units after them one
 *      block (co-organisers: 浙江省监狱管理局 / 浙江法制报社 / 联办).
 */
#include <stdlib.h>
#include <string.h>

#include "parse-int.h"
#include "xmalloc.h"

enum parse_join_type {
	U_TEXT, U_SHORT, U_BYLINE, U_NUMBER, U_MDHEAD, U_VERT, U_SUBTITLE,
	U_NOTE, U_CAPTION
};

enum parse_join_role {
	R_NONE, R_KICKER, R_HEADLINE, R_SUBTITLE, R_BYLINE, R_NOTE
};

/* The block kind of a unit with a role in a story head. */
static const enum block_kind parse_join_role_kind[] = {
	[R_KICKER] = BLOCK_KICKER, [R_HEADLINE] = BLOCK_HEADLINE,
	[R_SUBTITLE] = BLOCK_SUBTITLE, [R_BYLINE] = BLOCK_BYLINE,
	[R_NOTE] = BLOCK_NOTE,
};

/* Longest short unit (headline, heading, caption candidate), in chars. */
#define JOIN_SHORT	40
/* Longest headline above a byline, in chars. */
#define JOIN_HEADLINE	60

/* A unit: consecutive lines read as one block. */
struct parse_join_unit {
	size_t	 first, last;		/* line indices, inclusive */
	size_t	 gap;			/* blank lines before it */
	size_t	 nchars;		/* code points, capped */
	int	 type;			/* U_* */
	int	 role;			/* R_* */
	int	 start;			/* first unit of a story head */
	int	 endp;			/* last line ends a sentence */
	unsigned flags;			/* flags of the first line */
};

/* A block of a story: where an open paragraph lives. */
struct parse_join_ref {
	size_t	 story;
	size_t	 block;
};

/* State of the reading pass. */
struct parse_join {
	struct parse_ctx	*ctx;
	struct parse_join_unit	*u;
	size_t			 nu;
	size_t			 cs;		/* current story */
	int			 have;		/* a story exists */
	unsigned char		*lead;		/* per story: lead seen */
	struct parse_join_ref	 open;		/* open paragraph */
	int			 open_valid;
	struct parse_join_ref	*pend;		/* pending open paragraphs */
	size_t			 npend;
	size_t			 prefix;	/* list number line, or -1 */
	size_t			 motto;		/* banner motto block, or -1 */
};

/* Mark where runs of non-blank lines must be cut into several units. */
static void
parse_join_cuts(struct parse_ctx *ctx, unsigned char *cut)
{
	struct parse_line *L = ctx->lines;
	size_t		 a = 0, b, i, maxc;
	int		 chain, allendp;

	while (a < ctx->nlines) {
		if (L[a].flags & LF_BLANK) {
			a++;
			continue;
		}
		maxc = 0;
		allendp = 1;
		for (b = a; b < ctx->nlines && !(L[b].flags & LF_BLANK); b++) {
			if (L[b].nchars > maxc)
				maxc = L[b].nchars;
			if (!(L[b].flags & LF_ENDP) || L[b].nchars < 3)
				allendp = 0;
		}
		chain = (L[a].flags & LF_BYLINE) != 0;
		for (i = a + 1; i < b; i++) {
			const struct parse_line *p = &L[i - 1], *l = &L[i];
			int	 c = 0, pshort, lshort;

			pshort = p->nchars <= 24 && p->nchars * 5 < maxc * 3;
			lshort = l->nchars <= 24 && l->nchars * 5 < maxc * 3;
			if (chain && (l->flags & LF_NAMES))
				continue;	/* 陈毅人 after 本报记者 王春苗 */
			if (chain)
				c = 1;
			chain = (l->flags & LF_BYLINE) != 0;
			if (chain || ((p->flags | l->flags) & (LF_NUMBER |
			    LF_MDHEAD | LF_SUBTITLE)) ||
			    (l->flags & (LF_NOTE | LF_CAPSTART | LF_DATELINE)))
				c = 1;
			else if (allendp)
				c = 1;
			else if ((p->flags & LF_ENDP) && ((l->flags &
			    LF_INDENT) || p->nchars * 4 < maxc * 3))
				c = 1;
			else if (maxc >= 30 && !(p->flags & LF_ENDP) && pshort)
				c = 1;
			else if (maxc >= 30 && (p->flags & LF_ENDP) &&
			    !(l->flags & LF_ENDP) && lshort)
				c = 1;
			cut[i] = c;
		}
		a = b;
	}
}

/* True when a (short) unit holds a comma or the like: a sentence. */
static int
parse_join_pauses(struct parse_ctx *ctx, const struct parse_join_unit *u)
{
	const char *b = ctx->buf;
	size_t	 i, k;

	for (i = u->first; i <= u->last; i++)
		for (k = ctx->lines[i].start; k < ctx->lines[i].end; k++) {
			if (b[k] == ',' || b[k] == ';')
				return 1;
			if (k + 2 < ctx->lines[i].end &&
			    ((unsigned char)b[k] == 0xef &&
			    (unsigned char)b[k + 1] == 0xbc &&
			    ((unsigned char)b[k + 2] == 0x8c ||
			    (unsigned char)b[k + 2] == 0x9b)))
				return 1;	/* ， ； */
			if (k + 2 < ctx->lines[i].end &&
			    (unsigned char)b[k] == 0xe3 &&
			    (unsigned char)b[k + 1] == 0x80 &&
			    (unsigned char)b[k + 2] == 0x81)
				return 1;	/* 、 */
		}
	return 0;
}

/* Type a unit from its lines. */
static int
parse_join_type(struct parse_ctx *ctx, const struct parse_join_unit *u)
{
	const struct parse_line *L = ctx->lines;
	size_t	 i, n = u->last - u->first + 1;
	int	 vert = n >= 2;

	if (u->flags & LF_BYLINE)
		return U_BYLINE;
	if (n == 1 && (u->flags & LF_NUMBER))
		return U_NUMBER;
	if (u->flags & LF_MDHEAD)
		return U_MDHEAD;
	for (i = u->first; i <= u->last && vert; i++)
		if (L[i].nchars > 2 || (L[i].flags & (LF_ENDP | LF_NUMBER)))
			vert = 0;
	if (vert)
		return U_VERT;
	if ((u->flags & LF_SUBTITLE) && u->nchars <= 80)
		return U_SUBTITLE;
	if (u->flags & LF_NOTE)
		return U_NOTE;
	if (((u->flags & LF_CAPSTART) || (L[u->last].flags & LF_CAPEND)) &&
	    u->nchars <= 250)
		return U_CAPTION;
	if (u->nchars <= JOIN_SHORT && !u->endp &&
	    (u->nchars <= 16 || !parse_join_pauses(ctx, u)))
		return U_SHORT;
	return U_TEXT;
}

/* Build and type the units of the page; their count. */
static size_t
parse_join_units(struct parse_ctx *ctx, struct parse_join_unit **out)
{
	struct parse_line	*L = ctx->lines;
	struct parse_join_unit	*v, *u = NULL;
	unsigned char		*cut;
	size_t			 i, n = 0, gap = 0;

	/* both in the scratch memory of the parse, freed with it */
	cut = parse_arena_alloc(&ctx->arena, (ctx->nlines + 8) & ~(size_t)7);
	memset(cut, 0, ctx->nlines + 1);
	parse_join_cuts(ctx, cut);
	/* not zeroed: a unit is cleared when it is started, and only the
	   first n are ever read */
	v = parse_arena_alloc(&ctx->arena, ((ctx->nlines + 1) * sizeof *v +
	    7) & ~(size_t)7);
	for (i = 0; i < ctx->nlines; i++) {
		if (L[i].flags & LF_BLANK) {
			gap++;
			u = NULL;
			continue;
		}
		if (u == NULL || cut[i]) {
			u = &v[n++];
			memset(u, 0, sizeof *u);
			u->first = i;
			u->gap = u == v ? 2 : gap;
			u->flags = L[i].flags;
			gap = 0;
		}
		u->last = i;
		u->nchars += L[i].nchars;
		if (u->nchars > PARSE_LONG)
			u->nchars = PARSE_LONG;
		u->endp = (L[i].flags & LF_ENDP) != 0;
	}
	for (i = 0; i < n; i++)
		v[i].type = parse_join_type(ctx, &v[i]);
	*out = v;
	return n;
}

/* True when unit j may be a headline. */
static int
parse_join_headline_ok(struct parse_join *J, size_t j)
{
	const struct parse_join_unit *u = &J->u[j];
	uint32_t last = J->ctx->lines[u->last].last;

	if (u->role != R_NONE || u->last - u->first > 2 ||
	    (u->flags & LF_DATELINE))
		return 0;
	if (u->type == U_SHORT || u->type == U_MDHEAD)
		return 1;
	return u->type == U_TEXT && u->nchars <= JOIN_HEADLINE &&
	    (!u->endp || last == 0xff01 || last == 0xff1f || last == '!' ||
	    last == '?');
}

/* True when unit j is text whose last line does not end a sentence. */
static int
parse_join_open_text(const struct parse_join *J, size_t j)
{
	return J->u[j].type == U_TEXT && !J->u[j].endp;
}

/* Mark the head (kicker, headline, subtitle) above unit i; first unit. */
static size_t
parse_join_head(struct parse_join *J, size_t i)
{
	struct parse_join_unit *u = J->u;
	size_t	 first = i, j = i;

	if (j > 0 && u[j - 1].type == U_SUBTITLE && u[j - 1].role == R_NONE &&
	    u[j].type != U_SUBTITLE) {
		u[--j].role = R_SUBTITLE;
		first = j;
	}
	if (j > 0 && parse_join_headline_ok(J, j - 1)) {
		u[--j].role = R_HEADLINE;
		first = j;
		if (j > 0 && u[j - 1].type == U_SHORT && u[j - 1].role ==
		    R_NONE && u[j - 1].nchars <= 30 && u[j].gap <= 1 &&
		    (j - 1 == 0 || u[j - 1].gap >= 2) &&
		    !(j >= 2 && parse_join_open_text(J, j - 2))) {
			u[--j].role = R_KICKER;
			first = j;
		}
	}
	if (first > 0 && u[first - 1].type == U_NOTE &&
	    u[first - 1].role == R_NONE) {
		/* 编者按 above a story introduces it */
		u[--first].role = R_NOTE;
	}
	u[first].start = 1;
	return first;
}

/* Find the story heads (pass 3). */
static void
parse_join_heads(struct parse_join *J)
{
	struct parse_join_unit *u = J->u;
	size_t	 i;
	int	 body = 0;

	for (i = 0; i < J->nu; i++) {
		if (u[i].type == U_BYLINE && u[i].role == R_NONE) {
			if ((u[i].flags & LF_PHOTO) &&
			    !(i > 0 && parse_join_headline_ok(J, i - 1)) &&
			    !(i > 0 && u[i - 1].role != R_NONE)) {
				u[i].type = U_CAPTION;
				continue;
			}
			if (i > 0 && u[i - 1].role != R_NONE &&
			    u[i - 1].role != R_KICKER) {
				u[i].role = R_BYLINE;
				continue;	/* a second byline unit */
			}
			u[i].role = R_BYLINE;
			parse_join_head(J, i);
		} else if (u[i].type == U_SUBTITLE && u[i].role == R_NONE &&
		    i > 0 && parse_join_headline_ok(J, i - 1)) {
			u[i].role = R_SUBTITLE;
			parse_join_head(J, i);
		} else if (u[i].type == U_TEXT && u[i].role == R_NONE &&
		    (u[i].flags & LF_DATELINE) && i > 0 &&
		    u[i - 1].type == U_SHORT && parse_join_headline_ok(J, i - 1))
			parse_join_head(J, i);
		else if (!body && u[i].type == U_SHORT && u[i].role == R_NONE &&
		    i + 1 < J->nu && u[i + 1].type == U_TEXT) {
			/* the page opens with a short line: a headline */
			u[i].role = R_HEADLINE;
			u[i].start = 1;
		}
		if (u[i].type == U_TEXT)
			body = 1;
	}
}

/* Start a new story and make it current. */
static void
parse_join_story(struct parse_join *J)
{
	J->cs = parse_story_new(J->ctx);
	J->have = 1;
	J->lead = parse_arena_grow(&J->ctx->arena, J->lead, J->cs, 1);
	J->lead[J->cs] = 0;
}

/* Move the open paragraph, if any, to the pending stack. */
static void
parse_join_close(struct parse_join *J)
{
	if (!J->open_valid)
		return;
	/* grown at 0 and powers of two, so never short after pops */
	J->pend = parse_arena_grow(&J->ctx->arena, J->pend, J->npend,
	    sizeof *J->pend);
	J->pend[J->npend++] = J->open;
	J->open_valid = 0;
}

/* Append the lines of unit u to block bi of story st. */
static void
parse_join_lines(struct parse_join *J, struct story *st, size_t bi,
    const struct parse_join_unit *u)
{
	size_t	 i;

	for (i = u->first; i <= u->last; i++)
		parse_block_line(J->ctx, st, bi, &J->ctx->lines[i]);
}

/* Add unit u as a block of kind k to the current story; its index. */
static size_t
parse_join_emit(struct parse_join *J, const struct parse_join_unit *u,
    enum block_kind k)
{
	struct story	*st;
	size_t		 bi;

	parse_join_close(J);
	if (!J->have)
		parse_join_story(J);
	st = &J->ctx->pg->stories[J->cs];
	bi = parse_block_new(J->ctx, st, k);
	if (J->prefix != (size_t)-1) {
		parse_block_line(J->ctx, st, bi, &J->ctx->lines[J->prefix]);
		J->prefix = (size_t)-1;
	}
	parse_join_lines(J, st, bi, u);
	return bi;
}

/* Add unit u to the banner, as one block or one block per line. */
static void
parse_join_banner(struct parse_join *J, const struct parse_join_unit *u,
    int perline)
{
	struct story	*bn = &J->ctx->pg->banner;
	size_t		 i, bi;

	if (!perline) {
		bi = parse_block_new(J->ctx, bn, BLOCK_BANNER);
		parse_join_lines(J, bn, bi, u);
		return;
	}
	for (i = u->first; i <= u->last; i++) {
		bi = parse_block_new(J->ctx, bn, BLOCK_BANNER);
		parse_block_line(J->ctx, bn, bi, &J->ctx->lines[i]);
	}
}

/* Read a text unit: continuation, lead or paragraph. */
static void
parse_join_text(struct parse_join *J, size_t i, int aside)
{
	const struct parse_join_unit *u = &J->u[i];
	struct story	*st;
	size_t		 bi;
	int		 cont = !(u->flags & LF_DATELINE) && !u->start &&
			    J->prefix == (size_t)-1;

	if (cont && !J->open_valid && J->npend > 0 && (u->gap >= 2 || aside)) {
		J->open = J->pend[--J->npend];
		J->open_valid = 1;
		J->cs = J->open.story;
	}
	if (cont && J->open_valid) {
		st = &J->ctx->pg->stories[J->open.story];
		parse_join_lines(J, st, J->open.block, u);
		J->cs = J->open.story;
		if (u->endp)
			J->open_valid = 0;
		return;
	}
	if (!J->have || ((u->flags & LF_DATELINE) && J->lead[J->cs]))
		parse_join_story(J);	/* a dateline opens a new story */
	bi = parse_join_emit(J, u, J->lead[J->cs] ? BLOCK_PARAGRAPH :
	    BLOCK_LEAD);
	st = &J->ctx->pg->stories[J->cs];
	if (!J->lead[J->cs]) {
		J->lead[J->cs] = 1;
		parse_dateline(J->ctx, st, bi);
	}
	if (!u->endp) {
		J->open.story = J->cs;
		J->open.block = bi;
		J->open_valid = 1;
	}
}

/* Read a short unit: caption, heading, headline or paragraph. */
static void
parse_join_short(struct parse_join *J, size_t i)
{
	const struct parse_join_unit *u = J->u, *next;

	next = i + 1 < J->nu ? &u[i + 1] : NULL;
	if (J->open_valid) {
		J->cs = J->open.story;
		parse_join_emit(J, &u[i], BLOCK_CAPTION);
	} else if (!J->have) {
		parse_join_story(J);
		parse_join_emit(J, &u[i], BLOCK_HEADLINE);
	} else if (next != NULL && next->start)
		parse_join_emit(J, &u[i], BLOCK_CAPTION);
	else if (next != NULL && (next->type == U_TEXT ||
	    next->type == U_NUMBER || next->type == U_CAPTION ||
	    next->type == U_NOTE))
		parse_join_emit(J, &u[i], BLOCK_HEADING);
	else
		parse_join_emit(J, &u[i], J->lead[J->cs] ? BLOCK_PARAGRAPH :
		    BLOCK_LEAD);
}

/* Read the units in order into stories (pass 4). */
static void
parse_join_read(struct parse_join *J)
{
	struct parse_join_unit *u = J->u;
	struct story	*st;
	size_t		 i, k, bi;
	int		 bmode = 0, aside = 0, was_aside;

	for (i = 0; i < J->nu; i++) {
		was_aside = aside;
		aside = 0;
		if (u[i].role != R_NONE) {
			bmode = 0;
			if (u[i].start)
				parse_join_close(J), parse_join_story(J);
			bi = parse_join_emit(J, &u[i],
			    parse_join_role_kind[u[i].role]);
			if (u[i].role == R_BYLINE) {
				st = &J->ctx->pg->stories[J->cs];
				for (k = u[i].first; k <= u[i].last; k++)
					parse_bylines(J->ctx, st, bi,
					    J->ctx->lines[k].start,
					    J->ctx->lines[k].end);
			}
			continue;
		}
		if (bmode && (u[i].type == U_VERT || u[i].type == U_NUMBER ||
		    (u[i].type == U_SHORT && u[i].nchars <= 16 *
		    (u[i].last - u[i].first + 1)))) {
			if (u[i].type == U_VERT && J->motto != (size_t)-1) {
				parse_join_lines(J, &J->ctx->pg->banner,
				    J->motto, &u[i]);
			} else if (u[i].type == U_VERT) {
				parse_join_banner(J, &u[i], 0);
				J->motto = J->ctx->pg->banner.nblocks - 1;
			} else
				parse_join_banner(J, &u[i], 1);
			aside = 1;
			continue;
		}
		bmode = 0;
		switch (u[i].type) {
		case U_VERT:
			bmode = 1;
			parse_join_banner(J, &u[i], 0);
			J->motto = (size_t)-1;
			aside = 1;
			break;
		case U_NUMBER:
			if (i + 1 < J->nu && u[i + 1].gap <= 1 && J->have &&
			    !u[i + 1].start && (u[i + 1].type == U_TEXT ||
			    u[i + 1].type == U_SHORT)) {
				parse_join_close(J);
				J->prefix = u[i].first;
			} else {
				parse_join_banner(J, &u[i], 0);
				aside = 1;
			}
			break;
		case U_MDHEAD:
			parse_join_emit(J, &u[i], BLOCK_HEADING);
			break;
		case U_NOTE:
			parse_join_emit(J, &u[i], BLOCK_NOTE);
			break;
		case U_CAPTION:
		case U_BYLINE:
			if (J->open_valid)
				J->cs = J->open.story;
			parse_join_emit(J, &u[i], BLOCK_CAPTION);
			aside = 1;
			break;
		case U_SUBTITLE:
			if (J->have && J->lead[J->cs])
				parse_join_text(J, i, was_aside);
			else
				parse_join_emit(J, &u[i], BLOCK_SUBTITLE);
			break;
		case U_SHORT:
			parse_join_short(J, i);
			if (J->have) {
				st = &J->ctx->pg->stories[J->cs];
				aside = st->blocks[st->nblocks - 1].kind ==
				    BLOCK_CAPTION;
			}
			break;
		default:
			parse_join_text(J, i, was_aside);
			break;
		}
	}
	if (J->prefix != (size_t)-1) {
		/* a list number with nothing after it */
		bi = parse_block_new(J->ctx, &J->ctx->pg->banner,
		    BLOCK_BANNER);
		parse_block_line(J->ctx, &J->ctx->pg->banner, bi,
		    &J->ctx->lines[J->prefix]);
	}
}

/* Read an unmarked page by the heuristics described above. */
void
parse_join_page(struct parse_ctx *ctx)
{
	struct parse_join J;

	memset(&J, 0, sizeof J);
	J.ctx = ctx;
	J.prefix = (size_t)-1;
	J.motto = (size_t)-1;
	J.nu = parse_join_units(ctx, &J.u);
	parse_join_heads(&J);
	parse_join_read(&J);
}
