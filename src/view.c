/*
 * view: the viewport model of the reader (see view.h).
 *
 * Rows are addressed as (unit, line), line in [-sep, nlines) of the unit;
 * two addresses compare by unit, then line.  Moving an address by k rows
 * walks unit by unit and lays out only the units it passes, so scrolling,
 * jumping and drawing touch the stories near the screen and nothing else.
 *
 * The top of the screen is kept twice: resolved (top_unit, top_line) for
 * drawing, and as an anchor (view.pos: block and joined offset of a text
 * line plus a row delta) from which the resolved top is recomputed after
 * the width changes, so that the line being read stays the top line.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "cjk.h"
#include "view.h"
#include "xmalloc.h"

struct view_addr {
	size_t	 u;
	long	 l;
};

static void	view_set_top(struct view *, struct view_addr);

/* Source bytes of a story, the weight of its unit for the percentage. */
static size_t
view_story_weight(const struct story *st)
{
	size_t	 i, j, w = 0;

	for (i = 0; i < st->nblocks; i++)
		for (j = 0; j < st->blocks[i].npieces; j++)
			w += st->blocks[i].pieces[j].end -
			    st->blocks[i].pieces[j].start;
	return w > 0 ? w : 1;
}

/* Append a unit. */
static void
view_add_unit(struct view *v, size_t p, size_t st, size_t gs, int rule,
    size_t weight)
{
	struct view_unit *u;

	u = &v->units[v->nunits++];
	memset(u, 0, sizeof *u);
	u->page = p;
	u->story = st;
	u->gstory = gs;
	u->rule = v->nunits == 1 ? VIEW_RULE_NONE : rule;
	u->sep = u->rule == VIEW_RULE_NONE ? 0 : VIEW_SEP_ROWS;
	u->weight = weight;
	v->total_weight += weight;
}

/* Set up a view of d with nothing laid out yet. */
void
view_init(struct view *v, const struct doc *d, unsigned flags)
{
	size_t	 p, s, n;
	int	 rule;

	memset(v, 0, sizeof *v);
	v->doc = d;
	v->flags = flags;
	v->width = 80;
	v->height = 24;
	v->hl_cur = -1;
	/* One allocation: a unit per story and per banner. */
	n = 0;
	for (p = 0; p < d->npages; p++)
		n += d->pages[p].page.nstories +
		    (d->pages[p].page.banner.nblocks > 0);
	v->units = xreallocarray(NULL, n > 0 ? n : 1, sizeof *v->units);
	for (p = 0; p < d->npages; p++) {
		const struct page *pg = &d->pages[p].page;

		rule = VIEW_RULE_PAGE;
		if (pg->banner.nblocks > 0) {
			view_add_unit(v, p, VIEW_BANNER, VIEW_BANNER, rule,
			    view_story_weight(&pg->banner));
			rule = VIEW_RULE_STORY;
		}
		for (s = 0; s < pg->nstories; s++) {
			/* A story without blocks has no rows; the dump
			   still prints its separator, so keep it. */
			view_add_unit(v, p, s, d->pages[p].first_story + s,
			    rule, view_story_weight(&pg->stories[s]));
			rule = VIEW_RULE_STORY;
		}
	}
}

/* Free the layouts of a unit. */
static void
view_unit_clear(struct view_unit *u)
{
	layout_free(u->lay[0]);
	layout_free(u->lay[1]);
	u->lay[0] = u->lay[1] = NULL;
}

/* Free the units, their layouts and the highlights. */
void
view_free(struct view *v)
{
	size_t	 i;

	for (i = 0; i < v->nunits; i++) {
		view_unit_clear(&v->units[i]);
		layout_prep_free(v->units[i].prep);
	}
	free(v->units);
	free(v->hl);
	memset(v, 0, sizeof *v);
}

/* The statistics of story st of a page: a contiguous run of its list. */
static const struct stat_hit *
view_story_hits(const struct doc_page *dp, size_t st, size_t *n)
{
	const struct stat_list	*l = &dp->stats;
	size_t			 i = 0, j;

	while (i < l->n && l->hits[i].story < st)
		i++;
	for (j = i; j < l->n && l->hits[j].story == st; j++)
		;
	*n = j - i;
	return l->hits + i;
}

/* The width a layout is made for (layout_fit clamps it). */
static int
view_fit_width(const struct view *v)
{
	if (v->width < LAYOUT_MIN_WIDTH)
		return LAYOUT_MIN_WIDTH;
	if (v->width > LAYOUT_MAX_WIDTH)
		return LAYOUT_MAX_WIDTH;
	return v->width;
}

/* The unit's layout at the current width (made on demand). */
const struct layout *
view_layout(struct view *v, size_t unit)
{
	struct view_unit	*u = &v->units[unit];
	const struct doc_page	*dp = &v->doc->pages[u->page];
	const struct stat_hit	*hits;
	struct layout		*t;
	size_t			 nhits;
	int			 w = view_fit_width(v);

	if (u->lay[0] != NULL && u->lay[0]->width == w)
		return u->lay[0];
	if (u->lay[1] != NULL && u->lay[1]->width == w) {
		t = u->lay[0];
		u->lay[0] = u->lay[1];
		u->lay[1] = t;
		return u->lay[0];
	}
	if (u->prep == NULL) {
		if (u->story == VIEW_BANNER)
			u->prep = layout_prepare(&dp->page, &dp->page.banner,
			    NULL, 0, v->flags);
		else {
			hits = view_story_hits(dp, u->story, &nhits);
			u->prep = layout_prepare(&dp->page,
			    &dp->page.stories[u->story], hits, nhits,
			    v->flags);
		}
		v->nprepared++;
	}
	layout_free(u->lay[1]);
	u->lay[1] = u->lay[0];
	u->lay[0] = layout_fit(u->prep, w);
	v->nfitted++;
	return u->lay[0];
}

/* Lines of a unit at the current width. */
static long
view_nlines(struct view *v, size_t u)
{
	return (long)view_layout(v, u)->nlines;
}

/* Compare two addresses. */
static int
view_cmp(struct view_addr a, struct view_addr b)
{
	if (a.u != b.u)
		return a.u < b.u ? -1 : 1;
	if (a.l != b.l)
		return a.l < b.l ? -1 : 1;
	return 0;
}

/* The first row of the document. */
static struct view_addr
view_first(struct view *v)
{
	struct view_addr a = { 0, 0 };

	if (v->nunits > 0)
		a.l = -v->units[0].sep;
	return a;
}

/* The last row of the document. */
static struct view_addr
view_last(struct view *v)
{
	struct view_addr a = { 0, 0 };

	if (v->nunits > 0) {
		a.u = v->nunits - 1;
		a.l = view_nlines(v, a.u) - 1;
		if (a.l < -v->units[a.u].sep)
			a.l = -v->units[a.u].sep;
	}
	return a;
}

/* Move *a forward by up to k rows; returns the rows moved. */
static long
view_fwd(struct view *v, struct view_addr *a, long k)
{
	long	 moved = 0, room;

	while (k > 0 && v->nunits > 0) {
		room = view_nlines(v, a->u) - 1 - a->l;
		if (room < 0)
			room = 0;
		if (k <= room) {
			a->l += k;
			moved += k;
			break;
		}
		if (a->u + 1 >= v->nunits) {
			a->l += room;
			moved += room;
			break;
		}
		k -= room + 1;
		moved += room + 1;
		a->u++;
		a->l = -v->units[a->u].sep;
	}
	return moved;
}

/* Move *a back by up to k rows; returns the rows moved. */
static long
view_back(struct view *v, struct view_addr *a, long k)
{
	long	 moved = 0, room;

	while (k > 0 && v->nunits > 0) {
		room = a->l + v->units[a->u].sep;
		if (room < 0)
			room = 0;
		if (k <= room) {
			a->l -= k;
			moved += k;
			break;
		}
		if (a->u == 0) {
			a->l -= room;
			moved += room;
			break;
		}
		k -= room + 1;
		moved += room + 1;
		a->u--;
		a->l = view_nlines(v, a->u) - 1;
	}
	return moved;
}

/* The resolved top row. */
static struct view_addr
view_top_addr(const struct view *v)
{
	struct view_addr a = { v->top_unit, v->top_line };

	return a;
}

/* Make a an anchor: the block and offset of a text line near it. */
static void
view_anchor(struct view *v, struct view_addr a)
{
	const struct layout	*lay;
	long			 i, n;

	v->pos.unit = a.u;
	v->pos.block = LAYOUT_NOBLOCK;
	v->pos.off = 0;
	v->pos.delta = a.l;
	if (v->nunits == 0 || a.l < 0)
		return;
	lay = view_layout(v, a.u);
	n = (long)lay->nlines;
	for (i = a.l; i < n; i++)
		if (lay->lines[i].kind == DLINE_TEXT &&
		    lay->lines[i].block != LAYOUT_NOBLOCK)
			break;
	if (i >= n)
		for (i = a.l < n ? a.l : n - 1; i >= 0; i--)
			if (lay->lines[i].kind == DLINE_TEXT &&
			    lay->lines[i].block != LAYOUT_NOBLOCK)
				break;
	if (i < 0 || i >= n)
		return;
	v->pos.block = lay->lines[i].block;
	v->pos.off = lay->lines[i].jstart;
	v->pos.delta = a.l - i;
}

/* The line of a unit showing joined offset off of block, or -1. */
static long
view_find(struct view *v, size_t u, size_t block, size_t off)
{
	const struct layout	*lay = view_layout(v, u);
	size_t			 i;

	if (block == LAYOUT_NOBLOCK)
		return 0;
	i = layout_find(lay, block, off);
	if (i == (size_t)-1 && off > 0)
		i = layout_find(lay, block, 0);
	return i == (size_t)-1 ? -1 : (long)i;
}

/* Resolve the anchor to an address, clamped to the unit's rows. */
static struct view_addr
view_resolve(struct view *v, const struct view_pos *p)
{
	struct view_addr a = { p->unit, 0 };
	long		 n, l;

	if (v->nunits == 0)
		return a;
	if (a.u >= v->nunits)
		a.u = v->nunits - 1;
	n = view_nlines(v, a.u);
	l = view_find(v, a.u, p->block, p->off);
	a.l = (l < 0 ? 0 : l) + p->delta;
	if (a.l >= n)
		a.l = n - 1;
	if (a.l < -v->units[a.u].sep)
		a.l = -v->units[a.u].sep;
	return a;
}

/* Set the top row, keeping the screen full at the end, and anchor it. */
static void
view_set_top(struct view *v, struct view_addr a)
{
	struct view_addr b = a, first = view_first(v);

	if (v->nunits == 0) {
		v->top_unit = 0;
		v->top_line = 0;
		return;
	}
	if (view_cmp(a, first) < 0)
		a = first;
	/* Not past the point where the last row reaches the bottom. */
	b = a;
	if (view_fwd(v, &b, v->height - 1) < v->height - 1) {
		a = view_last(v);
		view_back(v, &a, v->height - 1);
	}
	v->top_unit = a.u;
	v->top_line = a.l;
	view_anchor(v, a);
}

/* Move the view onto a fuller document; see view.h. */
void
view_rebase(struct view *v, const struct doc *d)
{
	struct view_pos		 pos = v->pos;
	const struct story	*st;
	size_t			 page = 0, story = VIEW_BANNER, u;
	unsigned		 flags = v->flags;
	int			 w = v->width, h = v->height;
	bool			 had = v->nunits > 0;

	if (had) {
		page = v->units[pos.unit].page;
		story = v->units[pos.unit].story;
	}
	view_free(v);
	view_init(v, d, flags);
	v->width = w;
	v->height = h;
	if (!had || v->nunits == 0) {
		view_resize(v, w, h);
		return;
	}
	/* Pages and stories keep their indexes; the last page of the old
	   document may have been cut short, so check the block. */
	u = view_unit_of(v, page, story);
	if (u == (size_t)-1) {
		pos.block = LAYOUT_NOBLOCK;
		pos.off = 0;
		pos.delta = 0;
		for (u = v->nunits; u > 0 && v->units[u - 1].page > page; u--)
			;
		u = u > 0 ? u - 1 : 0;
	} else if (pos.block != LAYOUT_NOBLOCK) {
		st = story == VIEW_BANNER ? &d->pages[page].page.banner :
		    &d->pages[page].page.stories[story];
		if (pos.block >= st->nblocks) {
			pos.block = LAYOUT_NOBLOCK;
			pos.off = 0;
			pos.delta = 0;
		}
	}
	pos.unit = u;
	view_set_pos(v, &pos);
}

/* Set the text width (cells) and height (rows); keeps the position. */
void
view_resize(struct view *v, int width, int height)
{
	struct view_addr a;

	if (width < 1)
		width = 1;
	if (height < 1)
		height = 1;
	v->width = width;
	v->height = height;
	if (v->nunits == 0)
		return;
	a = view_resolve(v, &v->pos);
	v->top_unit = a.u;
	v->top_line = a.l;
	/* Clamp at the end but keep the anchor as it was. */
	{
		struct view_pos keep = v->pos;

		view_set_top(v, a);
		if (v->top_unit == a.u && v->top_line == a.l)
			v->pos = keep;
	}
}

/* The unit showing global story gs, or (size_t)-1. */
size_t
view_unit_of_story(const struct view *v, size_t gs)
{
	size_t	 lo = 0, hi = v->nunits, m;

	/* Units are in global story order; banners sit in between. */
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (v->units[m].gstory == VIEW_BANNER) {
			size_t k = m;

			while (k < hi && v->units[k].gstory == VIEW_BANNER)
				k++;
			if (k == hi) {
				hi = m;
				continue;
			}
			m = k;
		}
		if (v->units[m].gstory == gs)
			return m;
		if (v->units[m].gstory < gs)
			lo = m + 1;
		else
			hi = m;
	}
	return (size_t)-1;
}

/* The unit of story st of page p, or (size_t)-1. */
size_t
view_unit_of(const struct view *v, size_t p, size_t st)
{
	size_t	 i;

	if (st != VIEW_BANNER) {
		if (p >= v->doc->npages)
			return (size_t)-1;
		return view_unit_of_story(v, v->doc->pages[p].first_story + st);
	}
	for (i = 0; i < v->nunits; i++)
		if (v->units[i].page == p && v->units[i].story == VIEW_BANNER)
			return i;
	return (size_t)-1;
}

/* Describe the row at address a. */
static void
view_describe(struct view *v, struct view_addr a, struct view_row *r)
{
	const struct layout *lay;

	memset(r, 0, sizeof *r);
	r->unit = a.u;
	r->line = a.l;
	if (a.l < 0) {
		r->kind = a.l == -2 ? VIEW_ROW_RULE : VIEW_ROW_BLANK;
		r->rule = v->units[a.u].rule;
		return;
	}
	lay = view_layout(v, a.u);
	if ((size_t)a.l >= lay->nlines) {
		r->kind = VIEW_ROW_END;
		return;
	}
	r->kind = VIEW_ROW_LINE;
	r->lay = lay;
	r->dl = &lay->lines[a.l];
}

/* What screen row r (0 = top) shows. */
void
view_row(struct view *v, int r, struct view_row *row)
{
	struct view_addr a = view_top_addr(v);

	if (v->nunits == 0 || r < 0 || view_fwd(v, &a, r) < r) {
		memset(row, 0, sizeof *row);
		row->kind = VIEW_ROW_END;
		return;
	}
	view_describe(v, a, row);
}

/* Scroll by n rows (negative: up).  Returns the rows actually moved. */
long
view_scroll(struct view *v, long n)
{
	struct view_addr a = view_top_addr(v), old = a;
	long		 moved = 0;

	if (v->nunits == 0)
		return 0;
	if (n > 0)
		view_fwd(v, &a, n);
	else if (n < 0)
		view_back(v, &a, -n);
	view_set_top(v, a);
	a = view_top_addr(v);
	if (view_cmp(a, old) > 0) {
		struct view_addr b = old;

		while (view_cmp(b, a) < 0 && view_fwd(v, &b, 1) == 1)
			moved++;
	} else if (view_cmp(a, old) < 0) {
		struct view_addr b = old;

		while (view_cmp(b, a) > 0 && view_back(v, &b, 1) == 1)
			moved--;
	}
	return moved;
}

/* Go to the first line. */
void
view_top(struct view *v)
{
	view_set_top(v, view_first(v));
}

/* Go to the last screenful. */
void
view_bottom(struct view *v)
{
	struct view_addr a = view_last(v);

	view_back(v, &a, v->height - 1);
	view_set_top(v, a);
}

/* True when the last row of the document is on screen. */
bool
view_at_end(struct view *v)
{
	struct view_addr a = view_top_addr(v);

	return v->nunits == 0 || view_fwd(v, &a, v->height) < v->height;
}

/* Put an address on screen row row. */
static void
view_goto_addr(struct view *v, struct view_addr a, int row)
{
	if (row > 0)
		view_back(v, &a, row);
	view_set_top(v, a);
}

/* Put a place of unit u on screen row row. */
void
view_goto(struct view *v, size_t u, size_t block, size_t off, int row)
{
	struct view_addr a;

	if (u >= v->nunits)
		return;
	a.u = u;
	a.l = view_find(v, u, block, off);
	if (a.l < 0)
		a.l = 0;
	view_goto_addr(v, a, row);
}

/* Move by n stories; see view.h. */
long
view_story(struct view *v, long n)
{
	struct view_addr top = view_top_addr(v), first = view_first(v), a;
	struct view_addr to = top;
	size_t		 k;
	long		 moved = 0;

	if (v->nunits == 0 || n == 0)
		return 0;
	/* The start of a story is its first line; ] goes to the next one
	   below the top row, [ to the one above it, or to the top of the
	   document from the first story: each undoes the other. */
	for (k = top.u; n > 0 && k < v->nunits; k++) {
		a.u = k;
		a.l = 0;
		if (v->units[k].story != VIEW_BANNER &&
		    view_cmp(a, top) > 0) {
			to = a;
			n--;
			moved++;
		}
	}
	for (k = top.u + 1; n < 0 && k-- > 0;) {
		a.u = k;
		a.l = 0;
		if (v->units[k].story != VIEW_BANNER &&
		    view_cmp(a, top) < 0) {
			to = a;
			n++;
			moved--;
		}
	}
	if (n < 0 && view_cmp(to, first) > 0 && view_cmp(top, first) > 0) {
		to = first;
		moved--;
	}
	if (moved == 0)
		return 0;
	view_set_top(v, to);
	/* At the end the screen stays full: the story's start may not reach
	   the top, and then nothing moved. */
	a = view_top_addr(v);
	return view_cmp(a, top) == 0 ? 0 : moved;
}

/* The line of section i of the unit's story (-1 if none). */
static long
view_section_line(struct view *v, size_t u, size_t i)
{
	const struct view_unit	*vu = &v->units[u];
	const struct story	*st;

	if (vu->story == VIEW_BANNER)
		return -1;
	st = &v->doc->pages[vu->page].page.stories[vu->story];
	if (i >= st->nsections)
		return -1;
	return view_find(v, u, st->sections[i].heading, 0);
}

/* Number of sections of a unit's story. */
static size_t
view_nsections(const struct view *v, size_t u)
{
	const struct view_unit *vu = &v->units[u];

	if (vu->story == VIEW_BANNER)
		return 0;
	return v->doc->pages[vu->page].page.stories[vu->story].nsections;
}

/* Move by n section headings, across stories. */
long
view_section(struct view *v, long n)
{
	struct view_addr top = view_top_addr(v), best = top, h;
	size_t		 u, i, ns;
	long		 moved = 0;

	if (v->nunits == 0)
		return 0;
	while (n > 0) {
		int found = 0;

		for (u = best.u; u < v->nunits && !found; u++) {
			ns = view_nsections(v, u);
			for (i = 0; i < ns; i++) {
				h.u = u;
				h.l = view_section_line(v, u, i);
				if (h.l >= 0 && view_cmp(h, best) > 0) {
					best = h;
					found = 1;
					break;
				}
			}
		}
		if (!found)
			break;
		n--;
		moved++;
	}
	while (n < 0) {
		int found = 0;

		for (u = best.u + 1; u-- > 0 && !found;) {
			ns = view_nsections(v, u);
			for (i = ns; i-- > 0;) {
				h.u = u;
				h.l = view_section_line(v, u, i);
				if (h.l >= 0 && view_cmp(h, best) < 0) {
					best = h;
					found = 1;
					break;
				}
			}
		}
		if (!found)
			break;
		n++;
		moved--;
	}
	if (moved != 0)
		view_set_top(v, best);
	return moved;
}

/* The place being read: the first text line on screen. */
void
view_current(struct view *v, size_t *unit, size_t *block, size_t *off)
{
	struct view_addr a = view_top_addr(v);
	struct view_row	 r;
	int		 i;

	*unit = a.u;
	*block = LAYOUT_NOBLOCK;
	*off = 0;
	if (v->nunits == 0)
		return;
	for (i = 0; i < v->height; i++) {
		view_describe(v, a, &r);
		if (r.kind == VIEW_ROW_LINE && r.dl->kind == DLINE_TEXT &&
		    r.dl->block != LAYOUT_NOBLOCK) {
			*unit = a.u;
			*block = r.dl->block;
			*off = r.dl->jstart;
			return;
		}
		if (view_fwd(v, &a, 1) != 1)
			break;
	}
}

/* The global story being read. */
size_t
view_current_story(struct view *v)
{
	size_t	 u, b, o;

	view_current(v, &u, &b, &o);
	for (; u < v->nunits; u++)
		if (v->units[u].gstory != VIEW_BANNER)
			return v->units[u].gstory;
	return 0;
}

/* Section index of the place being read, or -1. */
int
view_current_section(struct view *v)
{
	size_t			 u, b, o;
	const struct view_unit	*vu;

	view_current(v, &u, &b, &o);
	if (v->nunits == 0 || b == LAYOUT_NOBLOCK)
		return -1;
	vu = &v->units[u];
	if (vu->story == VIEW_BANNER)
		return -1;
	return v->doc->pages[vu->page].page.stories[vu->story].blocks[b].section;
}

/* Percentage of the document above the bottom of the screen. */
int
view_percent(struct view *v)
{
	struct view_addr a = view_top_addr(v);
	size_t		 i;
	double		 done = 0;
	long		 n;

	if (v->nunits == 0 || view_at_end(v))
		return 100;
	view_fwd(v, &a, v->height - 1);
	for (i = 0; i < a.u; i++)
		done += (double)v->units[i].weight;
	n = view_nlines(v, a.u);
	if (a.l >= 0 && n > 0)
		done += (double)v->units[a.u].weight * (double)(a.l + 1) /
		    (double)n;
	if (!(v->total_weight > 0) || !(done < (double)v->total_weight))
		return 100;
	return (int)(done * 100.0 / (double)v->total_weight);
}

/* Go to a percentage of the document. */
void
view_goto_percent(struct view *v, long pct)
{
	struct view_addr a = { 0, 0 };
	double		 want, done = 0;
	long		 n;

	if (v->nunits == 0)
		return;
	if (pct >= 100) {
		view_bottom(v);
		return;
	}
	if (pct <= 0) {
		view_top(v);
		return;
	}
	want = (double)v->total_weight * (double)pct / 100.0;
	for (a.u = 0; a.u + 1 < v->nunits &&
	    done + (double)v->units[a.u].weight < want; a.u++)
		done += (double)v->units[a.u].weight;
	n = view_nlines(v, a.u);
	a.l = (long)((want - done) / (double)v->units[a.u].weight *
	    (double)n);
	if (a.l >= n)
		a.l = n > 0 ? n - 1 : 0;
	if (a.l < 0)
		a.l = 0;
	view_set_top(v, a);
}

/* The reading position as global story, block and offset. */
bool
view_where(struct view *v, size_t *gs, size_t *block, size_t *off)
{
	const struct view_unit *vu;

	if (v->nunits == 0)
		return false;
	vu = &v->units[v->pos.unit];
	if (vu->gstory == VIEW_BANNER)
		return false;
	*gs = vu->gstory;
	*block = v->pos.block;
	*off = v->pos.off;
	return true;
}

/* Go back to a saved position. */
bool
view_restore(struct view *v, size_t gs, size_t block, size_t off)
{
	size_t			 u = view_unit_of_story(v, gs);
	const struct view_unit	*vu;

	if (u == (size_t)-1)
		return false;
	vu = &v->units[u];
	if (block != LAYOUT_NOBLOCK &&
	    block >= v->doc->pages[vu->page].page.stories[vu->story].nblocks)
		return false;
	view_goto(v, u, block, off, 0);
	return true;
}

/* Does display character d show joined character c (itself, widened, a
   tab as a space)? */
static bool
view_shows(ucs4_t c, ucs4_t d)
{
	return c == d || (c == '\t' && d == ' ') ||
	    (c < 0x80 && cjk_fullwidth_punct(c) == d);
}

/* The text of a span as the reader shows it; see view.h. */
char *
view_span_text(const struct page *pg, const struct block *b, size_t start,
    size_t end, size_t mstart, size_t mend, unsigned flags, size_t *ms,
    size_t *me)
{
	char		*disp = layout_block_text(pg, b, flags), *j, *r;
	size_t		 jlen, dlen = strlen(disp), i = 0, k = 0, at[4];
	const size_t	 want[4] = { start, end, mstart, mend };
	ucs4_t		 c, d;
	int		 n, m, w;

	/* Walk the joined text and the shown one side by side: a joined
	   character is shown as itself, widened or as a space, or not at
	   all (a control, a blank at an edge). */
	j = page_block_join(pg, b, &jlen, NULL);
	for (w = 0; w < 4; w++)
		at[w] = want[w] >= jlen ? dlen : (size_t)-1;
	while (i < jlen) {
		for (w = 0; w < 4; w++)
			if (at[w] == (size_t)-1 && want[w] <= i)
				at[w] = k;
		n = u8_mbtouc(&c, (const uint8_t *)j + i, jlen - i);
		if (k < dlen) {
			m = u8_mbtouc(&d, (const uint8_t *)disp + k, dlen - k);
			if (view_shows(c, d))
				k += (size_t)m;
		}
		i += (size_t)n;
	}
	for (w = 0; w < 4; w++)
		if (at[w] == (size_t)-1)
			at[w] = dlen;
	if (at[1] < at[0])
		at[1] = at[0];
	r = xstrndup(disp + at[0], at[1] - at[0]);
	if (ms != NULL)
		*ms = at[2] < at[0] ? 0 : at[2] - at[0] > at[1] - at[0] ?
		    at[1] - at[0] : at[2] - at[0];
	if (me != NULL)
		*me = at[3] < at[0] ? 0 : at[3] - at[0] > at[1] - at[0] ?
		    at[1] - at[0] : at[3] - at[0];
	free(j);
	free(disp);
	return r;
}

/* Order of two highlights: unit, block, start. */
static int
view_hl_cmp(const struct view_hl *a, const struct view_hl *b)
{
	if (a->unit != b->unit)
		return a->unit < b->unit ? -1 : 1;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

/* Add a highlight, keeping the list sorted. */
void
view_hl_add(struct view *v, size_t unit, size_t block, size_t start,
    size_t end, int kind)
{
	struct view_hl	 h = { unit, block, start, end, kind };
	size_t		 i;

	if (v->nhl == v->hl_cap) {
		v->hl_cap = v->hl_cap == 0 ? 16 : v->hl_cap * 2;
		v->hl = xreallocarray(v->hl, v->hl_cap, sizeof *v->hl);
	}
	for (i = v->nhl; i > 0 && view_hl_cmp(&v->hl[i - 1], &h) > 0; i--)
		v->hl[i] = v->hl[i - 1];
	v->hl[i] = h;
	v->nhl++;
	if (v->hl_cur >= (long)i)
		v->hl_cur++;
}

/* Remove the highlights of one kind. */
void
view_hl_clear(struct view *v, int kind)
{
	size_t	 i, j = 0;

	for (i = 0; i < v->nhl; i++)
		if (v->hl[i].kind != kind)
			v->hl[j++] = v->hl[i];
	v->nhl = j;
	v->hl_cur = -1;
}

/* Address of a highlight's first line. */
static struct view_addr
view_hl_addr(struct view *v, const struct view_hl *h)
{
	struct view_addr a = { h->unit, view_find(v, h->unit, h->block,
	    h->start) };

	if (a.l < 0)
		a.l = 0;
	return a;
}

/* True when address a is on screen. */
static bool
view_on_screen(struct view *v, struct view_addr a)
{
	struct view_addr top = view_top_addr(v), bot = top;

	view_fwd(v, &bot, v->height - 1);
	return view_cmp(a, top) >= 0 && view_cmp(a, bot) <= 0;
}

/* Jump to the next or previous highlight of a kind; see view.h. */
long
view_hl_next(struct view *v, int kind, int dir)
{
	struct view_addr ref = view_top_addr(v), a;
	int		 row = v->height / 3;
	long		 i, found = -1;

	if (v->nunits == 0)
		return -1;
	if (v->hl_cur >= 0 && (size_t)v->hl_cur < v->nhl &&
	    v->hl[v->hl_cur].kind == kind &&
	    view_on_screen(v, view_hl_addr(v, &v->hl[v->hl_cur]))) {
		for (i = v->hl_cur + dir; i >= 0 && (size_t)i < v->nhl;
		    i += dir)
			if (v->hl[i].kind == kind) {
				found = i;
				break;
			}
	} else {
		view_fwd(v, &ref, row);
		for (i = 0; (size_t)i < v->nhl; i++) {
			if (v->hl[i].kind != kind)
				continue;
			a = view_hl_addr(v, &v->hl[i]);
			if (dir > 0 && view_cmp(a, ref) >= 0) {
				found = i;
				break;
			}
			if (dir < 0 && view_cmp(a, ref) < 0)
				found = i;
		}
	}
	if (found >= 0) {
		v->hl_cur = found;
		view_goto_addr(v, view_hl_addr(v, &v->hl[found]), row);
	}
	return found;
}

/* Go back to a position kept from v->pos. */
void
view_set_pos(struct view *v, const struct view_pos *p)
{
	struct view_addr a;

	if (v->nunits == 0)
		return;
	v->pos = *p;
	a = view_resolve(v, &v->pos);
	view_set_top(v, a);
	if (v->top_unit == a.u && v->top_line == a.l)
		v->pos = *p;
}

/* Is the line showing joined offset off of block of unit u on screen? */
bool
view_visible(struct view *v, size_t u, size_t block, size_t off)
{
	struct view_addr a;

	if (u >= v->nunits)
		return false;
	a.u = u;
	a.l = view_find(v, u, block, off);
	if (a.l < 0)
		a.l = 0;
	return view_on_screen(v, a);
}

/* The units with rows on screen. */
void
view_units_shown(struct view *v, size_t *first, size_t *last)
{
	struct view_addr a = view_top_addr(v);

	*first = *last = a.u;
	if (v->nunits == 0)
		return;
	view_fwd(v, &a, v->height - 1);
	*last = a.u;
}

/* The first highlight of (unit, block) or after it. */
size_t
view_hl_first(const struct view *v, size_t unit, size_t block)
{
	struct view_hl	 key = { unit, block, 0, 0, 0 };
	size_t		 lo = 0, hi = v->nhl, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (view_hl_cmp(&v->hl[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Make the highlight of a kind at (unit, block, start) the current one. */
long
view_hl_current(struct view *v, int kind, size_t unit, size_t block,
    size_t start)
{
	size_t	 i;

	v->hl_cur = -1;
	for (i = view_hl_first(v, unit, block); i < v->nhl &&
	    v->hl[i].unit == unit && v->hl[i].block == block &&
	    v->hl[i].start <= start; i++)
		if (v->hl[i].kind == kind && v->hl[i].start == start) {
			v->hl_cur = (long)i;
			break;
		}
	return v->hl_cur;
}
