/*
 * parse: raw extracted page text -> struct page (stories, blocks).
 *
 * The driver of the structure reader.  For one page (a span of a
 * text): split it into lines; when it looks like Markdown, read it
 * through md4c for a hint per line and the text without the markers
 * (parse-md.c); find each line's features (parse-line.c); choose the
 * page's profile and each line's class (parse-rules.c); build units,
 * heads and stories (parse-join.c); move everything into one
 * allocation, numbering the sections.  Deterministic and linear in the
 * page size; every block is byte ranges (pieces) of the source.
 *
 * dubao's own markers of earlier versions (^ #+ @ ! %) are retired:
 * Markdown is the markup.  dubao-structure(7) documents every rule;
 * parse_explain reports, per line, the rules that decided it.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "parse-int.h"
#include "xmalloc.h"

/* Grow a scratch array p holding n elements so that one more fits. */
#define PARSE_GROW(ctx, p, n)						\
	((p) = parse_arena_grow(&(ctx)->arena, (p), (n), sizeof *(p)))

/* Bytes of the first scratch chunk, on the stack of parse_page. */
#define PARSE_STACK	32768
/* Lines a page's list of unsure ones (parse_lex_all) has room for at
   first: a page's heads and short lines, often more than four. */
#define PARSE_GROW_UNSURE	16
_Static_assert((PARSE_GROW_UNSURE & (PARSE_GROW_UNSURE - 1)) == 0,
    "parse_arena_grow_from grows at powers of two");
/* Lines of a page held on the stack of parse_page (more go to the heap). */
#define PARSE_LSTACK	160

/* The part of parse_arena_alloc (see parse-int.h) that takes a new
   chunk: n bytes (n a multiple of 8) from it. */
void *
parse_arena_more(struct parse_arena *a, size_t n)
{
	void	*p;
	size_t	 cap;

	cap = 2 * a->cap > n + 16 ? 2 * a->cap : n + 16;
	p = xmalloc(cap);
	*(void **)p = a->heap;
	a->heap = p;
	a->p = p;
	a->used = 16 + n;
	a->cap = cap;
	return (char *)p + 16;
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

/* The allocating part of parse_arena_grow_from (see parse-int.h) for a
   full array of n > 0 elements: twice as many. */
void *
parse_arena_regrow(struct parse_arena *a, void *v, size_t n, size_t sz)
{
	void	*p;

	p = parse_arena_alloc(a, (2 * n * sz + 7) & ~(size_t)7);
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

/* Append the text runs of Markdown line l, trimmed, to b. */
static void
parse_block_runs(struct parse_ctx *ctx, struct block *b,
    const struct parse_line *l)
{
	size_t	 i, s, e;

	for (i = 0; i < l->npieces; i++) {
		s = ctx->runs[l->piece + i].start;
		e = ctx->runs[l->piece + i].end;
		if (i == 0)
			s = parse_trim_start(ctx->buf, s, e);
		if (i + 1 == l->npieces)
			e = parse_trim_end(ctx->buf, s, e);
		parse_block_piece(ctx, b, s, e);
	}
}

/* Append lines first to last (trimmed; a Markdown line's text runs) to
   block bi of st: one call for a unit's lines, and a line that is one
   piece (all but Markdown's) appended here.  What parse_block_lines
   (parse-int.h) does not do inline. */
void
parse_block_lines_all(struct parse_ctx *ctx, struct story *st, size_t bi,
    size_t first, size_t last)
{
	struct block	*b = &st->blocks[bi];
	const struct parse_line *l;
	size_t		 i;

	for (i = first; i <= last; i++) {
		l = &ctx->lines[i];
		if (l->npieces != 0)
			parse_block_runs(ctx, b, l);
		else
			parse_block_piece(ctx, b, l->start, l->end);
	}
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

/* Record the bylines of a byline line of block bi taken apart (kind k,
   items v[0..n)). */
static void
parse_bylines_of(struct parse_ctx *ctx, struct story *st, size_t bi,
    enum parse_bl_kind k, const struct parse_bl_item *v, size_t n)
{
	struct byline	*by = NULL;
	struct range	 none;
	size_t		 i, j;

	if (k == PB_NONE)
		return;
	if (k == PB_CREDIT) {
		/* 张三 李四 摄: the role stands after its names */
		by = parse_byline_new(ctx, st, v[n - 1].r, bi);
		for (j = 0; j + 1 < n; j++)
			parse_byline_name(ctx, by, v[j].r);
		return;
	}
	for (i = 0; i < n; i++) {
		if (v[i].role) {
			by = parse_byline_new(ctx, st, v[i].r, bi);
			continue;
		}
		if (by == NULL) {
			if (st->nbylines > 0)
				by = &st->bylines[st->nbylines - 1];
			else {
				none.start = none.end = v[i].r.start;
				by = parse_byline_new(ctx, st, none, bi);
			}
		}
		parse_byline_name(ctx, by, v[i].r);
	}
}

/* Record the bylines of the source bytes [s, e), a line of block bi. */
void
parse_bylines(struct parse_ctx *ctx, struct story *st, size_t bi, size_t s,
    size_t e)
{
	struct parse_bl	 bl;
	enum parse_bl_kind k;

	k = parse_line_byline(ctx->buf, s, e, &bl);
	parse_bylines_of(ctx, st, bi, k, bl.item, bl.n);
}

/* Record the bylines of line i, a line of block bi. */
void
parse_bylines_line(struct parse_ctx *ctx, struct story *st, size_t bi,
    size_t i)
{
	const struct parse_memo *m = parse_memo_byline(ctx, i);

	parse_bylines_of(ctx, st, bi, m->blkind, m->item, m->n);
}

/* Keep what was read of line i (see struct parse_memo): the dateline
   dl and its bracket paren, and when bl is not NULL the byline of kind
   k. */
static void
parse_memo_keep(struct parse_ctx *ctx, size_t i, size_t dl,
    struct range paren, const struct parse_bl *bl, enum parse_bl_kind k)
{
	struct parse_memo *m;
	size_t		 n = bl != NULL ? bl->n : 0;

	m = parse_arena_alloc(&ctx->arena, (sizeof *m + n * sizeof *m->item +
	    7) & ~(size_t)7);
	m->dateline = dl;
	m->paren = paren;
	m->blread = bl != NULL;
	m->blkind = k;
	m->photo = bl != NULL && bl->photo;
	m->n = n;
	/* most bylines have two items or fewer (a role and a name):
	   copied without a call */
	if (n > 0)
		m->item[0] = bl->item[0];
	if (n > 1)
		m->item[1] = bl->item[1];
	if (n > 2)
		memcpy(m->item + 2, bl->item + 2, (n - 2) * sizeof *m->item);
	PARSE_GROW(ctx, ctx->memo, ctx->nmemo);
	ctx->memo[ctx->nmemo++] = m;
	ctx->lines[i].memo = (uint32_t)ctx->nmemo;
}

/* What was kept of line i, or NULL. */
const struct parse_memo *
parse_memo_of(const struct parse_ctx *ctx, size_t i)
{
	uint32_t k = ctx->lines[i].memo;

	return k > 0 ? ctx->memo[k - 1] : NULL;
}

/* Line i read as a byline: as kept, or read now and kept. */
const struct parse_memo *
parse_memo_byline(struct parse_ctx *ctx, size_t i)
{
	const struct parse_memo *m = parse_memo_of(ctx, i);
	struct parse_line *l = &ctx->lines[i];
	struct parse_bl	 bl;
	struct range	 none;
	enum parse_bl_kind k;

	if (m != NULL && m->blread)
		return m;
	k = parse_line_byline(ctx->buf, l->start, l->end, &bl);
	none.start = none.end = l->start;
	parse_memo_keep(ctx, i, m != NULL ? m->dateline : 0, m != NULL ?
	    m->paren : none, &bl, k);
	return parse_memo_of(ctx, i);
}

/* True when line l, not blank, ends like an editor's credit and its
   date code (…）1140710). */
static inline int
parse_wire_code(const char *b, const struct parse_line *l)
{
	return (unsigned char)(b[l->end - 1] - '0') <= 9 &&
	    l->end - l->start > 8 && b[l->end - 6] >= '0' &&
	    b[l->end - 6] <= '9';
}

/* True when lexed line l is a sign of wire copy, whose lines may hold
   the end of a story (parse_split_wire): a bracketed agency dateline
   （中央社記者…電）, a wire end line, or a line ending like an editor's
   credit and its date code. */
static inline int
parse_wire_sign(const char *b, const struct parse_line *l)
{
	/* most lines have neither flag and do not end with a digit: the
	   last byte (the line is not blank) is asked before the length */
	if (l->flags & (LF_DATELINE | LF_WIREEND))
		return (l->flags & LF_WIREEND) || b[l->start] == '(' ||
		    (unsigned char)b[l->start] == 0xef ||
		    parse_wire_code(b, l);
	return parse_wire_code(b, l);
}

/* Lex line i (l), not blank, and keep what the lexer read that costs to
   read again (see parse_lex_all). */
static inline void
parse_lex_text(struct parse_ctx *ctx, struct parse_line *l, size_t i)
{
	struct parse_lexed x;

	parse_line_lex(ctx->buf, l, &x);
	if (l->tail.end > l->tail.start)
		ctx->tails = 1;
	if (parse_wire_sign(ctx->buf, l))
		ctx->wire = 1;
	/* not worth keeping: the join reads the bylines of byline and
	   names lines (a line not kept is read anew) */
	if (x.blread && x.blkind == PB_NONE)
		x.blread = 0;
	if (x.dateline > 0 || x.blread)
		parse_memo_keep(ctx, i, x.dateline, x.paren, x.blread ?
		    &x.bl : NULL, x.blread ? x.blkind : PB_NONE);
}

/* Lex every line, and keep what the lexer read that costs to read again;
   count for the profile what parse_rules_profile_of reads (in this pass,
   not one more): the lines not blank, those right over another, the last
   of them, the longest, and the paragraph-like lines (those whose count
   depends on the longest line wait in ctx->unsure). */
static void
parse_lex_all(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines, *l;
	struct parse_counts c;
	size_t	 i, n = ctx->nlines, last = 0, maxw = 0, above = 0;
	size_t	 blanks = 0, ends = 0;
	unsigned f;

	memset(&c, 0, sizeof c);
	ctx->nunsure = 0;
	/* every line's memo is 0 here: parse_line_split zeroes the lines,
	   and parse_split_wire the lines it lexes again */
	for (i = 0, l = L; i < n; i++, l++) {
		if (l->start == l->end) {
			/* a blank line (a page's every other one): nothing
			   to read, nor to keep, and no call; it ends a run
			   of lines when one is above */
			l->flags |= LF_BLANK;
			blanks++;
			ends += above;
			above = 0;
			continue;
		}
		parse_lex_text(ctx, l, i);
		above = 1;
		last = i;
		f = l->flags;
		if (f & (LF_BOILER | LF_META))
			continue;
		if (l->nchars > maxw)
			maxw = l->nchars;
		if (f & LF_NUMBER)
			continue;
		/* paragraph-like: ends a sentence, or is longer than a
		   title can be, or fills the width of hard-wrapped text
		   (four fifths of the longest line: known at the end) */
		if (l->nchars < PT_PARA_MIN) {
			if (!(f & LF_INDENT))
				c.flush++;
		} else if (!(f & LF_ENDP) && l->nchars - l->tag <= PT_SHORT) {
			ctx->unsure = parse_arena_grow_from(&ctx->arena,
			    ctx->unsure, ctx->nunsure, sizeof *ctx->unsure,
			    PARSE_GROW_UNSURE);
			ctx->unsure[ctx->nunsure++] = i;
		} else
			/* the line below is blank when it is empty (it is
			   not lexed yet) */
			parse_count_para(&c, l, i + 1 < n &&
			    l[1].start == l[1].end);
	}
	/* the lines right over another: all but the last of each run of
	   lines (the runs a blank line ends, and the page's last) */
	c.nonblank = n - blanks;
	c.joined = c.nonblank - (ends + above);
	ctx->counts = c;
	ctx->lastline = last;
	ctx->maxw = maxw;
}

/* Recognise a dateline opener at the start of lead block bi of st, whose
   first line is line li. */
void
parse_dateline(struct parse_ctx *ctx, struct story *st, size_t bi, size_t li)
{
	struct block	*b = &st->blocks[bi];
	const struct parse_memo *m;
	struct range	 paren;
	size_t		 len, s;

	if (b->npieces == 0 || st->dateline.end > st->dateline.start)
		return;
	s = b->pieces[0].start;
	if (li < ctx->nlines && ctx->lines[li].start == s &&
	    ctx->lines[li].end == b->pieces[0].end) {
		/* the whole line: the lexer has read its dateline (it
		   reads every line that can open with one) */
		m = parse_memo_of(ctx, li);
		len = m != NULL ? m->dateline : 0;
		paren = m != NULL ? m->paren : b->pieces[0];
	} else
		len = parse_line_dateline(ctx->buf, s, b->pieces[0].end,
		    &paren);
	if (len == 0)
		return;
	st->dateline.start = 0;
	st->dateline.end = len;
	st->dateline_block = bi;
	if (paren.end > paren.start)
		parse_bylines(ctx, st, bi, parse_trim_start(ctx->buf,
		    paren.start, paren.end), parse_trim_end(ctx->buf,
		    paren.start, paren.end));
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

/* The stories of pg, its banner and the dropped lines dr: *n of them,
   in v (which has room for pg->nstories + 2). */
static void
parse_all(struct page *pg, struct story *dr, struct story **v, size_t *n)
{
	size_t	 i;

	for (i = 0; i < pg->nstories; i++)
		v[i] = &pg->stories[i];
	v[i++] = &pg->banner;
	v[i++] = dr;
	*n = i;
}

_Static_assert(sizeof(struct page_extra) % 8 == 0,
    "what follows the page_extra in a pool stays aligned");

/* Move the stories, and the blocks, pieces, bylines and names of every
   story, of the banner and of the dropped lines, from the scratch
   memory into one allocation, pg->pool; number the sections of each
   (one from each section heading on) there, and mark each block's (in
   the pass that moves the blocks, not one more).  With them the page's
   struct page_extra (pg->extra), when it has dropped lines or a contents
   list. */
static void
parse_pool(struct parse_ctx *ctx, struct page *pg)
{
	struct page_extra *xe = &ctx->extra;
	struct story	*st, *sv, **all;
	struct block	*b;
	struct range	*r, *nv;
	struct byline	*bv;
	struct section	*cv;
	char		*pool;
	size_t		 i, k, n, nb = 0, np = 0, nby = 0, nn = 0, nsec = 0;
	size_t		 nx;

	nx = xe->dropped.nblocks > 0 || xe->ncontents > 0 ? sizeof *xe : 0;
	all = parse_arena_alloc(&ctx->arena, (pg->nstories + 2) * sizeof *all);
	parse_all(pg, &xe->dropped, all, &n);
	for (i = 0; i < n; i++) {
		st = all[i];
		nb += st->nblocks;
		for (k = 0; k < st->nblocks; k++) {
			np += st->blocks[k].npieces;
			nsec += st->blocks[k].kind == BLOCK_HEADING;
		}
		nby += st->nbylines;
		for (k = 0; k < st->nbylines; k++)
			nn += st->bylines[k].nnames;
	}
	if (nb == 0) {
		/* no story is left (parse_compact), and nothing of the
		   banner may point into the scratch memory */
		for (i = 0; i < n; i++) {
			st = all[i];
			st->blocks = NULL;
			st->bylines = NULL;
			st->nbylines = 0;
			st->sections = NULL;
			st->nsections = 0;
		}
		return;	/* no dropped lines nor contents either */
	}
	/* every element size is a multiple of 8, and so is that of the
	   page_extra that comes first: each part stays aligned */
	pool = xmalloc(nx + nb * sizeof *b + np * sizeof *r +
	    pg->nstories * sizeof *st + nby * sizeof *bv + nn * sizeof *nv +
	    nsec * sizeof *cv);
	pg->pool = pool;
	if (nx > 0) {
		pg->extra = (struct page_extra *)pool;
		*pg->extra = *xe;
		pool += nx;
	}
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
	parse_all(pg, pg->extra != NULL ? &pg->extra->dropped : &xe->dropped,
	    all, &n);
	for (i = 0; i < n; i++) {
		st = all[i];
		if (st->nbylines > 0) {
			memcpy(bv, st->bylines, st->nbylines * sizeof *bv);
			st->bylines = bv;
			for (k = 0; k < st->nbylines; k++, bv++) {
				if (bv->nnames == 0) {
					bv->names = NULL;
					continue;
				}
				if (bv->nnames == 1)
					*nv = bv->names[0];	/* no call */
				else
					memcpy(nv, bv->names, bv->nnames *
					    sizeof *nv);
				bv->names = nv;
				nv += bv->nnames;
			}
		} else
			st->bylines = NULL;
		st->sections = NULL;
		st->nsections = 0;
		if (st->nblocks == 0) {
			st->blocks = NULL;
			continue;
		}
		memcpy(b, st->blocks, st->nblocks * sizeof *b);
		st->blocks = b;
		for (k = 0; k < st->nblocks; k++, b++) {
			/* the sections: one from each heading on */
			if (b->kind == BLOCK_HEADING) {
				if (st->nsections == 0)
					st->sections = cv;
				else
					cv[-1].end = k;
				cv->heading = k;
				cv->end = st->nblocks;
				cv++;
				st->nsections++;
			}
			b->section = (int)st->nsections - 1;
			if (b->npieces == 0) {
				b->pieces = NULL;
				continue;
			}
			/* most blocks one piece, most others two (a
			   paragraph wrapped once): no call */
			r[0] = b->pieces[0];
			if (b->npieces == 2)
				r[1] = b->pieces[1];
			else if (b->npieces > 2)
				memcpy(r + 1, b->pieces + 1, (b->npieces - 1) *
				    sizeof *r);
			b->pieces = r;
			r += b->npieces;
		}
	}
}

/* Record, for --explain, that rule decided stage st of line i (see
   parse_why). */
void
parse_why_set(struct parse_ctx *ctx, size_t i, int st, const char *rule)
{
	if (ctx->why == NULL || i >= ctx->nlines)
		return;
	/* a name --explain prints is one the manual describes */
	if (!parse_rule_known(rule))
		abort();
	ctx->why[i].rule[st] = rule;
}

/* The index of the first text page of t that starts after off, or
   t->npages. */
static size_t
parse_page_after(const struct text *t, size_t off)
{
	/* the page found last time in this thread, and the one after
	   it, are asked first: a text's pages are mostly parsed in order
	   (the answer is checked: a hint of another text costs a search) */
	static _Thread_local size_t hint;
	size_t	 lo = 0, hi = t->npages, mid, k;

	for (k = hint; k < hint + 2 && k < t->npages; k++)
		if (t->pages[k].start <= off && (k + 1 == t->npages ||
		    t->pages[k + 1].start > off)) {
			hint = k;
			return k + 1;
		}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->pages[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	hint = lo > 0 ? lo - 1 : 0;
	return lo;
}

/* Mark the lines that start a text page inside span: form feeds read
   as column breaks (LF_PAGEBRK). */
static void
parse_mark_breaks(struct parse_ctx *ctx, const struct text *t,
    struct range span)
{
	size_t	 p, i = 0, off;

	for (p = parse_page_after(t, span.start); p < t->npages &&
	    t->pages[p].start < span.end; p++) {
		off = t->pages[p].start;
		while (i < ctx->nlines && ctx->lines[i].end < off)
			i++;
		/* the first non-blank line at or after the break */
		while (i < ctx->nlines && (ctx->lines[i].start == ctx->lines[i].end))
			i++;
		if (i < ctx->nlines)
			ctx->lines[i].flags |= LF_PAGEBRK;
	}
}

/* The first place of the three-byte character w in s[0..n), or NULL:
   memchr for its last byte (a continuation byte, one character in 64
   has it), which costs less than memmem on Chinese text. */
static const char *
parse_find3(const char *s, size_t n, const char *w)
{
	const char *p = s + 2, *e = s + n;

	if (n < 3)
		return NULL;
	while (p < e && (p = memchr(p, w[2], (size_t)(e - p))) != NULL) {
		if (p[-2] == w[0] && p[-1] == w[1])
			return p - 2;
		p++;
	}
	return NULL;
}

/* The start of the wire end (（編輯：…）1140710) inside line l that is
   not the whole line, or (size_t)-1. */
static size_t
parse_wire_in(const struct parse_ctx *ctx, const struct parse_line *l)
{
	const char	*b = ctx->buf, *p;
	size_t		 k, len, w;

	for (k = l->start; k < l->end; k = (size_t)(p - b) + 3) {
		const char *a = parse_find3(b + k, l->end - k, "輯");
		const char *c = parse_find3(b + k, l->end - k, "辑");

		p = a == NULL ? c : c == NULL ? a : a < c ? a : c;
		if (p == NULL)
			return (size_t)-1;
		/* （編 or (编, or （責任編 */
		for (len = 3; len <= 12; len += 3) {
			size_t s = (size_t)(p - b) - len;

			if ((size_t)(p - b) < l->start + len)
				break;
			if (b[s] == '(' || memcmp(b + s, "（", 3) == 0) {
				w = parse_line_wireend(b, s, l->end);
				if (w > 0 && !(s == l->start && s + w == l->end))
					return s;
			}
			if (b[s + 2] == '(')
				if ((w = parse_line_wireend(b, s + 2,
				    l->end)) > 0 && !(s + 2 == l->start &&
				    s + 2 + w == l->end))
					return s + 2;
		}
	}
	return (size_t)-1;
}

/* Cut lines where a wire story ends inside them (…的案件。（編輯：蘇龍麒）
   1140710（中央社記者林長順台北10日電）…): the text before, the end,
   and the next story each become a line of their own. */
static void
parse_split_wire(struct parse_ctx *ctx, struct parse_line *stack)
{
	struct parse_line *v;
	size_t		 i, n = 0, k, w, cap;
	const char	*b = ctx->buf;
	int		 relex = 0;

	/* only wire copy has them: a page with a line that is a sign of
	   it (parse_wire_sign, asked by parse_lex_all) */
	if (!ctx->wire)
		return;
	/* at most two more lines for every line that has a wire end */
	for (i = 0; i < ctx->nlines; i++)
		if (parse_wire_in(ctx, &ctx->lines[i]) != (size_t)-1)
			n++;
	if (n == 0)
		return;
	cap = ctx->nlines + 2 * n;
	v = xreallocarray(NULL, cap, sizeof *v);
	for (i = 0, n = 0; i < ctx->nlines; i++) {
		struct parse_line l = ctx->lines[i], x;

		while ((k = parse_wire_in(ctx, &l)) != (size_t)-1) {
			w = parse_line_wireend(b, k, l.end);
			relex = 1;
			if (k > l.start) {
				x = l;
				x.end = parse_trim_end(b, l.start, k);
				v[n++] = x;
			}
			x = l;
			x.start = k;
			x.end = k + w;
			x.flags &= ~LF_INDENT;
			v[n++] = x;
			l.start = parse_trim_start(b, k + w, l.end);
			l.flags &= ~LF_INDENT;
			if (l.start == l.end)
				break;
			relex = 1;
			if (n + 2 >= cap) {
				cap *= 2;
				v = xreallocarray(v, cap, sizeof *v);
			}
		}
		if (l.start < l.end || k == (size_t)-1)
			v[n++] = l;
		if (n + 3 >= cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
	}
	if (ctx->lines != stack)
		free(ctx->lines);
	ctx->lines = v;
	ctx->nlines = n;
	/* the pieces are lines of their own: their features anew, and
	   the profile's counts */
	if (relex) {
		for (i = 0; i < n; i++) {
			v[i].flags &= LF_INDENT | LF_PAGEBRK;
			v[i].tag = 0;
			v[i].memo = 0;
		}
		parse_lex_all(ctx);
	}
}

/* Parse span of t into pg; with why, say why per line. */
static void
parse_run(struct page *pg, const struct text *t, struct range span,
    struct parse_explain *ex)
{
	struct parse_ctx ctx;
	size_t		 i;
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
	if (parse_md_looks(&ctx))
		(void)parse_md_page(&ctx, span);
	parse_lex_all(&ctx);
	if (!ctx.markdown)
		parse_split_wire(&ctx, lstack);
	if (ex != NULL) {
		ex->nlines = ctx.nlines;
		ex->lines = xcalloc(ctx.nlines, sizeof *ex->lines);
		for (i = 0; i < ctx.nlines; i++) {
			ex->lines[i].joined = (size_t)-1;
			ex->lines[i].start = ctx.lines[i].start;
			ex->lines[i].end = ctx.lines[i].end;
		}
		ctx.why = ex->lines;
	}
	parse_mark_breaks(&ctx, t, span);
	parse_rules_profile_of(&ctx);
	parse_rules_menus(&ctx);
	parse_rules_classify(&ctx);
	if (ex != NULL) {
		ex->profile = parse_profile_name(ctx.profile);
		ex->profile_rule = parse_rules_profile[ctx.profile_rule].name;
		ex->markdown = ctx.markdown;
		for (i = 0; i < ctx.nlines; i++)
			ex->lines[i].rule[PS_CLASS] =
			    parse_rules_line[ctx.lines[i].rule].name;
	}
	parse_join_page(&ctx);
	parse_compact(pg);
	parse_pool(&ctx, pg);
	parse_arena_free(&ctx.arena);
	if (ctx.runs != NULL)	/* Markdown's only: no call for the others */
		free(ctx.runs);
	if (ctx.lines != lstack)
		free(ctx.lines);
}

/* Parse the bytes span of t into pg (which the caller zeroes). */
void
parse_page(struct page *pg, const struct text *t, struct range span)
{
	parse_run(pg, t, span, NULL);
}

/* Parse as parse_page, and say why each line was read as it was. */
void
parse_explain(struct page *pg, const struct text *t, struct range span,
    struct parse_explain *ex)
{
	memset(ex, 0, sizeof *ex);
	parse_run(pg, t, span, ex);
}

void
parse_explain_free(struct parse_explain *ex)
{
	free(ex->lines);
	memset(ex, 0, sizeof *ex);
}

static const char *const parse_stage_names[PS__COUNT] = {
	[PS_CLASS] = "class", [PS_CUT] = "cut", [PS_UNIT] = "unit",
	[PS_ROLE] = "role", [PS_READ] = "read", [PS_JOIN] = "join",
};

/* The name of a stage as --explain prints it. */
const char *
parse_stage_name(enum parse_stage st)
{
	return parse_stage_names[st];
}

/* The lines of span a of t that are neither blank nor page furniture
   (a page label, a running head or foot, a page number), from the end
   (dir -1) or the start (dir 1): the first such line, lexed, in *l;
   0 when there is none.  At most 8 lines are looked at. */
static int
parse_edge_line(const struct text *t, struct range a, int dir,
    struct parse_line *l)
{
	const char	*buf = t->buf;
	size_t		 p = dir > 0 ? a.start : a.end, s, e, k;
	const char	*nl;

	for (k = 0; k < 8; k++) {
		if (dir > 0) {
			if (p >= a.end)
				return 0;
			nl = memchr(buf + p, '\n', a.end - p);
			s = p;
			e = nl != NULL ? (size_t)(nl - buf) : a.end;
			p = e + 1;
		} else {
			if (p <= a.start)
				return 0;
			e = p;
			if (e > a.start && buf[e - 1] == '\n')
				e--;
			for (s = e; s > a.start && buf[s - 1] != '\n'; s--)
				;
			p = s;
			if (e == p && p == a.start)
				return 0;
		}
		memset(l, 0, sizeof *l);
		l->start = parse_trim_start(buf, s, e);
		l->end = parse_trim_end(buf, l->start, e);
		if (l->start > s + 1 || (l->start > s &&
		    (unsigned char)buf[s] == 0xe3))
			l->flags |= LF_INDENT;
		parse_line_lex(buf, l, NULL);
		if (!(l->flags & (LF_BLANK | LF_META | LF_NUMBER)))
			return 1;
		if (dir < 0 && p == a.start)
			return 0;
	}
	return 0;
}

/* True when the text opens with a contents list (目录, 1. …, 2. …): a
   day's articles typeset together, one document. */
static int
parse_opens_contents(const struct text *t)
{
	struct parse_line l;
	struct range	 r;
	size_t		 k, items = 0;

	if (t->npages == 0)
		return 0;
	r = t->pages[0];
	for (k = 0; k < 8; k++) {
		if (!parse_edge_line(t, r, 1, &l))
			return 0;
		if ((l.flags & LF_TOCITEM) && ++items == 2)
			return 1;
		if (k == 0 && !(l.flags & LF_TOCITEM) && !(l.nchars <= 4 &&
		    memmem(t->buf + l.start, l.end - l.start, "目", 3) != NULL))
			return 0;
		r.start = l.end;
	}
	return 0;
}

/* Does the form feed between pages a and b of t fall inside a story? */
int
parse_soft_break(const struct text *t, struct range a, struct range b,
    const char **rule)
{
	struct parse_line x, y;
	const char	*why = "break-page";
	int		 soft = 0;

	if (parse_opens_contents(t)) {
		why = "soft-contents-file";
		soft = 1;
	} else if (!parse_edge_line(t, a, -1, &x) ||
	    !parse_edge_line(t, b, 1, &y))
		;	/* a side with nothing but page furniture */
	else if (!(x.flags & LF_ENDP) && x.nchars >= PT_PARA &&
	    !(y.flags & (LF_BYLINE | LF_DATELINE))) {
		why = "soft-open-paragraph";
		soft = 1;
	} else if (x.nchars >= PT_PARA && y.nchars >= PT_PARA &&
	    !(y.flags & (LF_BYLINE | LF_DATELINE | LF_TOCITEM)) &&
	    !(x.flags & LF_TOCITEM)) {
		why = "soft-body-goes-on";
		soft = 1;
	}
	if (rule != NULL)
		*rule = why;
	return soft;
}
