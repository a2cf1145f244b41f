/*
 * parse: raw extracted page text -> struct page (stories, blocks).
 *
 * Two readers.  A page with explicit markup (any line starting with "# ")
 * is read exactly as marked; any other page is read by the heuristics of
 * parse-join.c.  Both are deterministic and linear in the page size, and
 * both keep every block as byte ranges (pieces) of the source.
 *
 * MARKUP (copy of the man page section)
 *
 * A page is marked when any of its lines starts with "# " (leading white
 * space ignored).  In a marked page each line is read by its first
 * characters; a marker is followed by a space:
 *
 *   # text    headline; starts a new story (unless the current story so
 *             far holds only kickers, which then stand above it)
 *   ^ text    kicker (引题), the line above a headline; starts a new
 *             story like "# "
 *   #+ text   subtitle (副题), the line below a headline
 *   @ text    byline: role words (本报记者, 通讯员, 记者 ...) and names,
 *             split at white space and 、; "倪  弋" is one name; a "@ "
 *             line without a role word continues the names of the
 *             previous byline
 *   ## text   section heading (小标题)
 *   ! text    photo caption
 *   > text    note set apart from the body (编者按, 链接)
 *   % text    banner line: page metadata (column title, motto,
 *             co-organisers), kept out of the stories
 *   text      body text; the first paragraph of a story is its lead,
 *             and a dateline opener at its start (本报讯, 本报讯（记者
 *             张三）, 新华社北京3月5日电) is recognised
 *   \text     body text starting with a marker character: the backslash
 *             is dropped ("\# 1" is the paragraph "# 1")
 *
 * Consecutive lines with the same marker (or consecutive unmarked lines)
 * form one block whose lines are joined; a blank line, or a line with a
 * different marker, ends the block.  Banner lines ("% ") are one block
 * each.  Text before the first headline forms
 * a story without headline.  Nothing else is guessed in a marked page.
 *
 * HEURISTICS (unmarked pages): see parse-join.c.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "parse-int.h"
#include "xmalloc.h"

/* Markers of the markup, in the order they are tried. */
enum parse_mk {
	MK_NONE, MK_TEXT, MK_HEAD, MK_SECTION, MK_KICKER, MK_SUB, MK_BYLINE,
	MK_CAPTION, MK_NOTE, MK_BANNER
};

static const struct {
	const char	*s;
	enum parse_mk	 mk;
} parse_markers[] = {
	{ "## ", MK_SECTION }, { "#+ ", MK_SUB }, { "# ", MK_HEAD },
	{ "^ ", MK_KICKER }, { "@ ", MK_BYLINE }, { "! ", MK_CAPTION },
	{ "> ", MK_NOTE }, { "% ", MK_BANNER },
	{ "##\t", MK_SECTION }, { "#+\t", MK_SUB }, { "#\t", MK_HEAD },
	{ "^\t", MK_KICKER }, { "@\t", MK_BYLINE }, { "!\t", MK_CAPTION },
	{ ">\t", MK_NOTE }, { "%\t", MK_BANNER },
};

/* The block kind of each marker (MK_TEXT: lead or paragraph). */
static const enum block_kind parse_mk_kind[] = {
	[MK_HEAD] = BLOCK_HEADLINE, [MK_SECTION] = BLOCK_HEADING,
	[MK_KICKER] = BLOCK_KICKER, [MK_SUB] = BLOCK_SUBTITLE,
	[MK_BYLINE] = BLOCK_BYLINE, [MK_CAPTION] = BLOCK_CAPTION,
	[MK_NOTE] = BLOCK_NOTE, [MK_BANNER] = BLOCK_BANNER,
};

/* Grow a scratch array p holding n elements so that one more fits. */
#define PARSE_GROW(ctx, p, n)						\
	((p) = parse_arena_grow(&(ctx)->arena, (p), (n), sizeof *(p)))

/* Bytes of the first scratch chunk, on the stack of parse_page. */
#define PARSE_STACK	32768
/* Lines of a page held on the stack of parse_page (more go to the heap). */
#define PARSE_LSTACK	160

/* Allocate n bytes (n a multiple of 8) of scratch memory. */
void *
parse_arena_alloc(struct parse_arena *a, size_t n)
{
	void	*p;
	size_t	 cap;

	if (a->cap - a->used < n) {
		cap = 2 * a->cap > n + 16 ? 2 * a->cap : n + 16;
		p = xmalloc(cap);
		*(void **)p = a->heap;
		a->heap = p;
		a->p = p;
		a->used = 16;
		a->cap = cap;
	}
	p = a->p + a->used;
	a->used += n;
	return p;
}

/* Free the chunks of the scratch memory. */
static void
parse_arena_free(struct parse_arena *a)
{
	void	*p, *next;

	for (p = a->heap; p != NULL; p = next) {
		next = *(void **)p;
		free(p);
	}
	memset(a, 0, sizeof *a);
}

/* Grow a scratch array of n elements of sz bytes when n is 0 or a power
   of two, so that one more fits. */
void *
parse_arena_grow(struct parse_arena *a, void *v, size_t n, size_t sz)
{
	void	*p;

	if (n != 0 && (n & (n - 1)) != 0)
		return v;
	p = parse_arena_alloc(a, ((n ? 2 * n : 1) * sz + 7) & ~(size_t)7);
	if (n > 0)
		memcpy(p, v, n * sz);
	return p;
}

/* Add an empty story to pg; its index. */
size_t
parse_story_new(struct parse_ctx *ctx)
{
	struct page	*pg = ctx->pg;
	struct story	*st;

	PARSE_GROW(ctx, pg->stories, pg->nstories);
	st = &pg->stories[pg->nstories];
	memset(st, 0, sizeof *st);
	return pg->nstories++;
}

/* Add an empty block of kind k to st; its index. */
size_t
parse_block_new(struct parse_ctx *ctx, struct story *st, enum block_kind k)
{
	struct block	*b;

	st->blocks = parse_arena_grow(&ctx->arena, st->blocks, st->nblocks,
	    sizeof *st->blocks);
	b = &st->blocks[st->nblocks];
	memset(b, 0, sizeof *b);
	b->kind = k;
	b->section = -1;
	return st->nblocks++;
}

/* Append the source bytes [s, e) to b (nothing when empty). */
void
parse_block_piece(struct parse_ctx *ctx, struct block *b, size_t s, size_t e)
{
	if (e <= s)
		return;
	b->pieces = parse_arena_grow(&ctx->arena, b->pieces, b->npieces,
	    sizeof *b->pieces);
	b->pieces[b->npieces].start = s;
	b->pieces[b->npieces].end = e;
	b->npieces++;
}

/* Append line l (without its marker, trimmed) to block bi of st. */
void
parse_block_line(struct parse_ctx *ctx, struct story *st, size_t bi,
    const struct parse_line *l)
{
	size_t	 s;

	s = parse_line_trim_start(ctx->buf, l->start + l->skip, l->end);
	parse_block_piece(ctx, &st->blocks[bi], s, l->end);
}

/* Add a byline to st for role r (possibly empty) of block bi. */
static struct byline *
parse_byline_new(struct parse_ctx *ctx, struct story *st, struct range r,
    size_t bi)
{
	struct byline	*by;

	PARSE_GROW(ctx, st->bylines, st->nbylines);
	by = &st->bylines[st->nbylines++];
	memset(by, 0, sizeof *by);
	by->role = r;
	by->block = bi;
	return by;
}

/* Add name r to byline by. */
static void
parse_byline_name(struct parse_ctx *ctx, struct byline *by, struct range r)
{
	PARSE_GROW(ctx, by->names, by->nnames);
	by->names[by->nnames++] = r;
}

/* Record the bylines of the source bytes [s, e), a line of block bi. */
void
parse_bylines(struct parse_ctx *ctx, struct story *st, size_t bi, size_t s,
    size_t e)
{
	struct parse_bl	 bl;
	struct byline	*by = NULL;
	struct range	 none;
	size_t		 i, j;
	int		 k;

	k = parse_line_byline(ctx->buf, s, e, &bl);
	if (k == 0)
		return;
	if (k == 3) {
		/* 张三 李四 摄: the role stands after its names */
		by = parse_byline_new(ctx, st, bl.item[bl.n - 1].r, bi);
		for (j = 0; j + 1 < bl.n; j++)
			parse_byline_name(ctx, by, bl.item[j].r);
		return;
	}
	for (i = 0; i < bl.n; i++) {
		if (bl.item[i].role) {
			by = parse_byline_new(ctx, st, bl.item[i].r, bi);
			continue;
		}
		if (by == NULL) {
			if (st->nbylines > 0)
				by = &st->bylines[st->nbylines - 1];
			else {
				none.start = none.end = bl.item[i].r.start;
				by = parse_byline_new(ctx, st, none, bi);
			}
		}
		parse_byline_name(ctx, by, bl.item[i].r);
	}
}

/* Recognise a dateline opener at the start of lead block bi of st. */
void
parse_dateline(struct parse_ctx *ctx, struct story *st, size_t bi)
{
	struct block	*b = &st->blocks[bi];
	struct range	 paren;
	size_t		 len, s;

	if (b->npieces == 0 || st->dateline.end > st->dateline.start)
		return;
	s = b->pieces[0].start;
	len = parse_line_dateline(ctx->buf, s, b->pieces[0].end, &paren);
	if (len == 0)
		return;
	st->dateline.start = 0;
	st->dateline.end = len;
	st->dateline_block = bi;
	if (paren.end > paren.start)
		parse_bylines(ctx, st, bi, parse_line_trim_start(ctx->buf,
		    paren.start, paren.end), parse_line_trim_end(ctx->buf,
		    paren.start, paren.end));
}

/* The marker of line l (setting l->skip), MK_NONE for a blank line. */
static enum parse_mk
parse_marker(struct parse_ctx *ctx, struct parse_line *l)
{
	const char	*s = ctx->buf + l->start;
	size_t		 n = l->end - l->start, i, k;

	l->skip = 0;
	if (n == 0)
		return MK_NONE;
	if (s[0] == '\\') {
		l->skip = 1;
		return MK_TEXT;
	}
	for (i = 0; i < sizeof parse_markers / sizeof parse_markers[0]; i++) {
		k = strlen(parse_markers[i].s);
		if (n >= k && memcmp(s, parse_markers[i].s, k) == 0) {
			l->skip = k;
			return parse_markers[i].mk;
		}
	}
	return MK_TEXT;
}

/* Read a marked page exactly as marked. */
static void
parse_marked(struct parse_ctx *ctx)
{
	struct page	*pg = ctx->pg;
	struct story	*st;
	enum parse_mk	 mk, cur = MK_NONE;
	enum block_kind	 kind;
	size_t		 i, bi = 0, cs = 0;
	int		 have = 0, lead = 0, kickers = 0;

	for (i = 0; i < ctx->nlines; i++) {
		struct parse_line *l = &ctx->lines[i];

		mk = parse_marker(ctx, l);
		if (mk == MK_NONE) {
			cur = MK_NONE;
			continue;
		}
		if (mk == cur && mk != MK_BANNER) {
			st = &pg->stories[cs];
			parse_block_line(ctx, st, bi, l);
			if (mk == MK_BYLINE)
				parse_bylines(ctx, st, bi,
				    st->blocks[bi].pieces[
				    st->blocks[bi].npieces - 1].start, l->end);
			continue;
		}
		cur = mk;
		if (mk != MK_BANNER) {
			/* a headline or kicker starts a story, unless the
			   story so far holds only kickers */
			if (!have || ((mk == MK_HEAD || mk == MK_KICKER) &&
			    !kickers)) {
				cs = parse_story_new(ctx);
				have = 1;
				lead = 0;
			}
			kickers = mk == MK_KICKER;
		}
		kind = mk != MK_TEXT ? parse_mk_kind[mk] :
		    lead ? BLOCK_PARAGRAPH : BLOCK_LEAD;
		st = mk == MK_BANNER ? &pg->banner : &pg->stories[cs];
		bi = parse_block_new(ctx, st, kind);
		parse_block_line(ctx, st, bi, l);
		if (st->blocks[bi].npieces == 0) {
			/* "\" alone: an empty block is dropped */
			st->nblocks--;
			cur = MK_NONE;
			continue;
		}
		if (kind == BLOCK_LEAD) {
			lead = 1;
			parse_dateline(ctx, st, bi);
		} else if (kind == BLOCK_BYLINE)
			parse_bylines(ctx, st, bi, st->blocks[bi].pieces[0].start,
			    l->end);
	}
}

/* Number the sections of story st and mark each block's section. */
static void
parse_sections(struct parse_ctx *ctx, struct story *st)
{
	size_t	 i, n = 0;

	for (i = 0; i < st->nblocks; i++)
		if (st->blocks[i].kind == BLOCK_HEADING)
			n++;
	st->nsections = 0;
	/* every entry is written below */
	st->sections = n ? parse_arena_alloc(&ctx->arena,
	    n * sizeof *st->sections) : NULL;
	for (i = 0; i < st->nblocks; i++) {
		if (st->blocks[i].kind == BLOCK_HEADING) {
			if (st->nsections > 0)
				st->sections[st->nsections - 1].end = i;
			st->sections[st->nsections].heading = i;
			st->sections[st->nsections].end = st->nblocks;
			st->nsections++;
		}
		st->blocks[i].section = (int)st->nsections - 1;
	}
}

/* Drop the stories that ended up without blocks. */
static void
parse_compact(struct page *pg)
{
	size_t	 i, j = 0;

	for (i = 0; i < pg->nstories; i++)
		if (pg->stories[i].nblocks > 0)
			pg->stories[j++] = pg->stories[i];
	pg->nstories = j;
	if (j == 0)
		pg->stories = NULL;
}

/* Move the stories, and the blocks, pieces, bylines, names and sections
   of every story and of the banner, from the scratch memory into one
   allocation, pg->pool. */
static void
parse_pool(struct page *pg)
{
	struct story	*st, *sv;
	struct block	*b;
	struct range	*r, *nv;
	struct byline	*bv;
	struct section	*cv;
	char		*pool;
	size_t		 i, k, nb = 0, np = 0, nby = 0, nn = 0, nsec = 0;

	for (i = 0; i <= pg->nstories; i++) {
		st = i < pg->nstories ? &pg->stories[i] : &pg->banner;
		nb += st->nblocks;
		for (k = 0; k < st->nblocks; k++)
			np += st->blocks[k].npieces;
		nby += st->nbylines;
		for (k = 0; k < st->nbylines; k++)
			nn += st->bylines[k].nnames;
		nsec += st->nsections;
	}
	if (nb == 0) {
		/* no story is left (parse_compact), and nothing of the
		   banner may point into the scratch memory */
		for (i = 0; i <= pg->nstories; i++) {
			st = i < pg->nstories ? &pg->stories[i] : &pg->banner;
			st->blocks = NULL;
			st->bylines = NULL;
			st->nbylines = 0;
			st->sections = NULL;
			st->nsections = 0;
		}
		return;
	}
	/* every element size is a multiple of 8: each part stays aligned */
	pool = xmalloc(nb * sizeof *b + np * sizeof *r +
	    pg->nstories * sizeof *st + nby * sizeof *bv + nn * sizeof *nv +
	    nsec * sizeof *cv);
	pg->pool = pool;
	b = (struct block *)pool;
	r = (struct range *)(b + nb);
	sv = (struct story *)(r + np);
	bv = (struct byline *)(sv + pg->nstories);
	nv = (struct range *)(bv + nby);
	cv = (struct section *)(nv + nn);
	if (pg->nstories > 0) {
		memcpy(sv, pg->stories, pg->nstories * sizeof *sv);
		pg->stories = sv;
	}
	for (i = 0; i <= pg->nstories; i++) {
		st = i < pg->nstories ? &pg->stories[i] : &pg->banner;
		if (st->nbylines > 0) {
			memcpy(bv, st->bylines, st->nbylines * sizeof *bv);
			st->bylines = bv;
			for (k = 0; k < st->nbylines; k++, bv++) {
				if (bv->nnames == 0) {
					bv->names = NULL;
					continue;
				}
				memcpy(nv, bv->names, bv->nnames * sizeof *nv);
				bv->names = nv;
				nv += bv->nnames;
			}
		} else
			st->bylines = NULL;
		if (st->nsections > 0) {
			memcpy(cv, st->sections, st->nsections * sizeof *cv);
			st->sections = cv;
			cv += st->nsections;
		} else
			st->sections = NULL;
		if (st->nblocks == 0) {
			st->blocks = NULL;
			continue;
		}
		memcpy(b, st->blocks, st->nblocks * sizeof *b);
		st->blocks = b;
		for (k = 0; k < st->nblocks; k++, b++) {
			if (b->npieces == 0) {
				b->pieces = NULL;
				continue;
			}
			memcpy(r, b->pieces, b->npieces * sizeof *r);
			b->pieces = r;
			r += b->npieces;
		}
	}
}

/* Parse the bytes span of t into pg (which the caller zeroes). */
void
parse_page(struct page *pg, const struct text *t, struct range span)
{
	struct parse_ctx ctx;
	size_t		 i;
	int		 marked = 0;
	uint64_t	 stack[PARSE_STACK / 8];
	struct parse_line lstack[PARSE_LSTACK];

	pg->text = t;
	pg->span = span;
	if (span.end > t->len)
		span.end = t->len;
	if (span.start > span.end)
		span.start = span.end;
	memset(&ctx, 0, sizeof ctx);
	ctx.pg = pg;
	ctx.buf = t->buf;
	ctx.arena.p = (char *)stack;
	ctx.arena.cap = sizeof stack;
	ctx.lines = lstack;
	ctx.nlines = parse_line_split(t->buf, span, &ctx.lines, PARSE_LSTACK);
	for (i = 0; i < ctx.nlines && !marked; i++) {
		const struct parse_line *l = &ctx.lines[i];

		if (l->end - l->start >= 2 && t->buf[l->start] == '#' &&
		    (t->buf[l->start + 1] == ' ' ||
		    t->buf[l->start + 1] == '\t'))
			marked = 1;
	}
	pg->marked = marked;
	if (marked)
		parse_marked(&ctx);
	else {
		for (i = 0; i < ctx.nlines; i++)
			parse_line_classify(t->buf, &ctx.lines[i]);
		parse_join_page(&ctx);
	}
	parse_compact(pg);
	for (i = 0; i < pg->nstories; i++)
		parse_sections(&ctx, &pg->stories[i]);
	parse_sections(&ctx, &pg->banner);
	parse_pool(pg);
	parse_arena_free(&ctx.arena);
	if (ctx.lines != lstack)
		free(ctx.lines);
}
