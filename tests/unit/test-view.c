/* Unit tests of the viewport model, on the seed page (and many copies of
   it, one per page): the rows are the dump's lines, the reading position
   survives new widths, story/section/highlight jumps, the ends, the
   saved position, and laziness (only stories near the screen are laid
   out). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "dump.h"
#include "view.h"
#include "test-seed.h"
#include "xmalloc.h"

static char	*seed;
static size_t	 seedlen;

/* A doc of n copies of the seed, one page each. */
static void
make_doc(struct doc *d, int n)
{
	size_t	 len = 0;
	char	*buf = xmalloc((seedlen + 1) * (size_t)n + 1);
	int	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf[len++] = '\f';
		memcpy(buf + len, seed, seedlen);
		len += seedlen;
	}
	memset(d, 0, sizeof *d);
	doc_add_bytes(d, "seed.txt", buf, len);
	free(buf);
}

/* Append the text of view row r to a buffer, as the dump writes it. */
static void
row_text(struct view *v, int r, char **out, size_t *len, size_t *cap)
{
	struct view_row	 row;
	char		 line[4096];
	int		 n = 0, i;

	view_row(v, r, &row);
	line[0] = '\0';
	switch (row.kind) {
	case VIEW_ROW_LINE:
		if (row.dl->kind != DLINE_BLANK)
			n = snprintf(line, sizeof line, "%*s%.*s",
			    (int)row.dl->indent, "", (int)row.dl->len,
			    row.dl->text);
		break;
	case VIEW_ROW_RULE:
		for (i = 0; i < v->width; i++)
			n += snprintf(line + n, sizeof line - (size_t)n, "%s",
			    row.rule == VIEW_RULE_PAGE ? "═" : "─");
		break;
	case VIEW_ROW_BLANK:
		break;
	case VIEW_ROW_END:
		return;
	}
	if (*len + (size_t)n + 2 > *cap) {
		*cap = (*cap + (size_t)n + 2) * 2;
		*out = xrealloc(*out, *cap);
	}
	memcpy(*out + *len, line, (size_t)n);
	*len += (size_t)n;
	(*out)[(*len)++] = '\n';
	(*out)[*len] = '\0';
}

/* Page through the whole document: the rows, concatenated, are the dump
   (every row exactly once, in order). */
static void
check_rows_are_dump(int npages, int width, int height)
{
	struct doc	 d;
	struct view	 v;
	char		*dump = NULL, *got = NULL;
	size_t		 dlen = 0, glen = 0, gcap = 0;
	FILE		*fp;
	int		 r, guard = 0;
	long		 moved;

	make_doc(&d, npages);
	fp = open_memstream(&dump, &dlen);
	dump_text(&d, width, 0, fp);
	fclose(fp);

	view_init(&v, &d, 0);
	view_resize(&v, width, height);
	for (;;) {
		for (r = 0; r < height; r++)
			row_text(&v, r, &got, &glen, &gcap);
		if (view_at_end(&v))
			break;
		moved = view_scroll(&v, height);
		assert_true(moved > 0);
		if (moved < height) {
			/* The last screen overlaps: drop the rows seen. */
			size_t	 k = glen;
			long	 drop = height - moved;

			while (drop > 0 && k > 0) {
				k--;
				if (k == 0 || got[k - 1] == '\n')
					drop--;
			}
			glen = k;
			got[glen] = '\0';
		}
		assert_true(++guard < 10000);
	}
	assert_non_null(got);
	assert_string_equal(got, dump);
	view_free(&v);
	doc_free(&d);
	free(dump);
	free(got);
}

static void
test_rows_are_dump(void **unused)
{
	check_rows_are_dump(1, 80, 22);
	check_rows_are_dump(1, 40, 18);
	check_rows_are_dump(3, 24, 7);
	check_rows_are_dump(2, 60, 1);
}

/* The first text line on screen. */
static const struct dline *
top_text(struct view *v)
{
	struct view_row	 row;
	int		 r;

	for (r = 0; r < v->height; r++) {
		view_row(v, r, &row);
		if (row.kind == VIEW_ROW_LINE && row.dl->kind == DLINE_TEXT)
			return row.dl;
	}
	return NULL;
}

/* A new width keeps the line being read at the top; the old width
   brings back the very same line. */
static void
test_resize_keeps_position(void **unused)
{
	struct doc		 d;
	struct view		 v;
	struct view_row		 row;
	const struct dline	*dl;
	size_t			 block, off;
	int			 w, i;
	static const int	 widths[] = { 40, 100, 24, 10, 62 };

	make_doc(&d, 1);
	view_init(&v, &d, 0);
	view_resize(&v, 80, 20);
	/* Into a paragraph, on a continuation line. */
	assert_int_equal(view_section(&v, 1), 1);
	for (i = 0; i < 12; i++) {
		view_scroll(&v, 1);
		view_row(&v, 0, &row);
		if (row.kind == VIEW_ROW_LINE && row.dl->kind == DLINE_TEXT &&
		    row.dl->jstart > 0)
			break;
	}
	view_row(&v, 0, &row);
	assert_int_equal(row.kind, VIEW_ROW_LINE);
	block = row.dl->block;
	off = row.dl->jstart;
	assert_true(off > 0);
	for (i = 0; i < (int)(sizeof widths / sizeof widths[0]); i++) {
		w = widths[i];
		view_resize(&v, w, 20);
		view_row(&v, 0, &row);
		assert_int_equal(row.kind, VIEW_ROW_LINE);
		assert_int_equal(row.dl->block, block);
		assert_true(row.dl->jstart <= off);
		assert_true(off < row.dl->jend);
	}
	view_resize(&v, 80, 20);
	dl = top_text(&v);
	assert_non_null(dl);
	assert_int_equal(dl->block, block);
	assert_int_equal(dl->jstart, off);
	view_free(&v);
	doc_free(&d);
}

/* ] and [ go by stories across pages; [ first returns to the start; from
   the banner at the top ] goes to story 1, and [ back (issue 9: ] skipped
   story 1). */
static void
test_story_moves(void **unused)
{
	struct doc	 d;
	struct view	 v;
	size_t		 gs;

	make_doc(&d, 3);
	assert_int_equal(d.nstories, 6);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 6);
	assert_int_equal(view_current_story(&v), 0);
	assert_int_equal(v.units[v.top_unit].story, VIEW_BANNER);
	assert_int_equal(view_story(&v, 1), 1);
	assert_int_equal(view_current_story(&v), 0);
	assert_int_equal(v.units[v.top_unit].gstory, 0);
	assert_int_equal(v.top_line, 0);
	assert_int_equal(view_story(&v, -1), -1);
	assert_int_equal(v.top_unit, 0);
	assert_int_equal(v.top_line, 0);
	assert_int_equal(view_story(&v, -1), 0);
	assert_int_equal(view_story(&v, 2), 2);
	assert_int_equal(view_current_story(&v), 1);
	assert_int_equal(v.top_line, 0);
	assert_int_equal(view_story(&v, 3), 3);
	assert_int_equal(view_current_story(&v), 4);
	/* Past the last: stops there. */
	assert_int_equal(view_story(&v, 5), 1);
	assert_int_equal(view_current_story(&v), 5);
	assert_int_equal(view_story(&v, 1), 0);
	/* Back: the start of the story first when inside it. */
	view_scroll(&v, 3);
	assert_int_equal(view_story(&v, -1), -1);
	assert_int_equal(view_current_story(&v), 5);
	assert_int_equal(v.top_line, 0);
	assert_int_equal(view_story(&v, -2), -2);
	assert_int_equal(view_current_story(&v), 3);
	/* Global stories map to units and back. */
	for (gs = 0; gs < d.nstories; gs++)
		assert_int_equal(v.units[view_unit_of_story(&v, gs)].gstory, gs);
	assert_int_equal(view_unit_of_story(&v, d.nstories), (size_t)-1);
	view_free(&v);
	doc_free(&d);
}

/* } and { put section headings at the top, across stories. */
static void
test_section_moves(void **unused)
{
	struct doc		 d;
	struct view		 v;
	const struct dline	*dl;
	const struct story	*st;
	size_t			 i, n = 0;
	long			 m;

	make_doc(&d, 2);
	view_init(&v, &d, 0);
	view_resize(&v, 50, 8);
	for (i = 0; i < d.npages; i++)
		for (size_t s = 0; s < d.pages[i].page.nstories; s++)
			n += d.pages[i].page.stories[s].nsections;
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		m = view_section(&v, 1);
		if (m == 0)
			break;	/* a heading near the end cannot reach the top */
		dl = top_text(&v);
		st = &d.pages[v.units[v.top_unit].page].page.stories[
		    v.units[v.top_unit].story];
		assert_int_equal(st->blocks[dl->block].kind, BLOCK_HEADING);
		assert_int_equal(view_current_section(&v),
		    st->blocks[dl->block].section);
	}
	assert_true(i >= n - 1);
	assert_int_equal(view_section(&v, 1), 0);
	m = view_section(&v, -2);
	assert_int_equal(m, -2);
	view_free(&v);
	doc_free(&d);
}

/* The ends: scrolling stops, the last screen is full, percentages. */
static void
test_ends(void **unused)
{
	struct doc	 d;
	struct view	 v;
	struct view_row	 row;

	make_doc(&d, 2);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 10);
	assert_int_equal(view_scroll(&v, -5), 0);
	assert_false(view_at_end(&v));
	assert_true(view_percent(&v) < 50);
	view_bottom(&v);
	assert_true(view_at_end(&v));
	assert_int_equal(view_percent(&v), 100);
	view_row(&v, 9, &row);
	assert_int_equal(row.kind, VIEW_ROW_LINE);	/* full last screen */
	assert_int_equal(view_scroll(&v, 1), 0);
	assert_int_equal(view_scroll(&v, -3), -3);
	assert_int_equal(view_scroll(&v, 1000000), 3);
	view_top(&v);
	assert_int_equal(v.top_unit, 0);
	assert_int_equal(v.top_line, 0);
	view_free(&v);
	doc_free(&d);
}

/* Highlights: n walks them in order, N back, wrapping nowhere. */
static void
test_highlights(void **unused)
{
	struct doc		 d;
	struct view		 v;
	const struct doc_page	*dp;
	size_t			 i, u, first = (size_t)-1, n = 0;
	long			 k, prev = -1;

	make_doc(&d, 2);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 12);
	/* Mark every statistic of both pages. */
	for (size_t p = 0; p < d.npages; p++) {
		dp = &d.pages[p];
		for (i = 0; i < dp->stats.n; i++) {
			u = view_unit_of(&v, p, dp->stats.hits[i].story);
			view_hl_add(&v, u, dp->stats.hits[i].block,
			    dp->stats.hits[i].start, dp->stats.hits[i].end,
			    VIEW_HL_SEARCH);
			if (first == (size_t)-1)
				first = u;
			n++;
		}
	}
	assert_true(n >= 4);
	for (i = 1; i < v.nhl; i++)
		assert_true(v.hl[i - 1].unit < v.hl[i].unit ||
		    (v.hl[i - 1].unit == v.hl[i].unit &&
		    (v.hl[i - 1].block < v.hl[i].block ||
		    (v.hl[i - 1].block == v.hl[i].block &&
		    v.hl[i - 1].start <= v.hl[i].start))));
	for (i = 0; i < n; i++) {
		k = view_hl_next(&v, VIEW_HL_SEARCH, 1);
		assert_int_equal(k, prev + 1);
		prev = k;
	}
	assert_int_equal(view_hl_next(&v, VIEW_HL_SEARCH, 1), -1);
	assert_int_equal(view_hl_next(&v, VIEW_HL_SEARCH, -1), prev - 1);
	assert_int_equal(view_hl_next(&v, VIEW_HL_STAT, 1), -1);
	view_hl_clear(&v, VIEW_HL_SEARCH);
	assert_int_equal(v.nhl, 0);
	assert_int_equal(v.hl_cur, -1);
	view_free(&v);
	doc_free(&d);
}

/* A cancelled search goes back: view_set_pos restores the top row;
   view_visible and view_units_shown say what the screen shows;
   view_hl_current picks a highlight, view_hl_first finds a block's. */
static void
test_pos_visible(void **unused)
{
	struct doc		 d;
	struct view		 v;
	struct view_pos		 saved;
	struct view_row		 r0, r;
	size_t			 u0, u1, u, b, o;

	make_doc(&d, 2);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 10);
	view_story(&v, 1);
	view_scroll(&v, 3);
	saved = v.pos;
	view_row(&v, 0, &r0);
	view_current(&v, &u, &b, &o);
	assert_true(view_visible(&v, u, b, o));
	view_units_shown(&v, &u0, &u1);
	assert_int_equal(u0, u);
	assert_true(u1 >= u0 && u1 < v.nunits);
	assert_false(view_visible(&v, v.nunits - 1, LAYOUT_NOBLOCK, 0));
	assert_false(view_visible(&v, v.nunits, LAYOUT_NOBLOCK, 0));
	view_bottom(&v);
	assert_true(view_at_end(&v));
	view_units_shown(&v, &u0, &u1);
	assert_int_equal(u1, v.nunits - 1);
	view_set_pos(&v, &saved);
	view_row(&v, 0, &r);
	assert_int_equal(r.unit, r0.unit);
	assert_int_equal(r.line, r0.line);
	/* Current highlight. */
	view_hl_add(&v, u, b, o, o + 3, VIEW_HL_SEARCH);
	view_hl_add(&v, u, b, o + 6, o + 9, VIEW_HL_SEARCH);
	assert_int_equal(view_hl_current(&v, VIEW_HL_SEARCH, u, b, o + 6), 1);
	assert_int_equal(view_hl_current(&v, VIEW_HL_STAT, u, b, o + 6), -1);
	assert_int_equal(v.hl_cur, -1);
	/* view_hl_first: the first highlight of a block, or after it. */
	view_hl_clear(&v, VIEW_HL_SEARCH);
	view_hl_add(&v, 1, 4, 10, 12, VIEW_HL_SEARCH);
	view_hl_add(&v, 0, 2, 5, 8, VIEW_HL_STAT);
	view_hl_add(&v, 1, 4, 0, 3, VIEW_HL_SEARCH);
	assert_int_equal(view_hl_first(&v, 0, 0), 0);
	assert_int_equal(view_hl_first(&v, 0, 2), 0);
	assert_int_equal(view_hl_first(&v, 0, 3), 1);
	assert_int_equal(view_hl_first(&v, 1, 4), 1);
	assert_int_equal(v.hl[1].start, 0);
	assert_int_equal(view_hl_first(&v, 1, 5), 3);
	assert_int_equal(view_hl_current(&v, VIEW_HL_SEARCH, 1, 4, 10), 2);
	assert_int_equal(view_hl_current(&v, VIEW_HL_SEARCH, 1, 4, 5), -1);
	view_free(&v);
	doc_free(&d);
}

/* A saved place comes back; nonsense is refused. */
static void
test_where_restore(void **unused)
{
	struct doc		 d;
	struct view		 v, w;
	size_t			 gs, b, o, gs2, b2, o2;

	make_doc(&d, 2);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 10);
	assert_false(view_where(&v, &gs, &b, &o));	/* in the banner */
	view_story(&v, 3);		/* story 1, 2, 3: gs 2 */
	view_scroll(&v, 7);
	assert_true(view_where(&v, &gs, &b, &o));
	assert_int_equal(gs, 2);
	view_init(&w, &d, 0);
	view_resize(&w, 60, 10);
	assert_true(view_restore(&w, gs, b, o));
	assert_true(view_where(&w, &gs2, &b2, &o2));
	assert_int_equal(gs2, gs);
	assert_int_equal(b2, b);
	assert_true(o2 <= o);
	assert_false(view_restore(&w, d.nstories, LAYOUT_NOBLOCK, 0));
	assert_false(view_restore(&w, 0, 100000, 0));
	view_free(&v);
	view_free(&w);
	doc_free(&d);
}

/* A view moved from the first pages onto the whole document keeps its
   place, lays out only what it shows, and keeps the place even when it
   was beyond what the fuller document has (clamped). */
static void
test_rebase(void **unused)
{
	struct doc	 quick, full;
	struct view	 v, w;
	size_t		 gs, b, o, gs2, b2, o2, u0, u1;

	make_doc(&quick, 3);
	make_doc(&full, 40);
	view_init(&v, &quick, 0);
	view_resize(&v, 40, 10);
	view_story(&v, 4);		/* gs 3 */
	view_scroll(&v, 5);
	assert_true(view_where(&v, &gs, &b, &o));
	view_hl_add(&v, 0, 0, 0, 1, VIEW_HL_SEARCH);
	view_rebase(&v, &full);
	doc_free(&quick);		/* nothing points into it now */
	assert_ptr_equal(v.doc, &full);
	assert_int_equal(v.nhl, 0);
	assert_int_equal(v.width, 40);
	assert_int_equal(v.height, 10);
	assert_true(view_where(&v, &gs2, &b2, &o2));
	assert_int_equal(gs2, gs);
	assert_int_equal(b2, b);
	assert_int_equal(o2, o);
	assert_true(v.nprepared <= 4);
	/* The rows are those of a fresh view at the same place. */
	view_init(&w, &full, 0);
	view_resize(&w, 40, 10);
	assert_true(view_restore(&w, gs, b, o));
	assert_int_equal(w.top_unit, v.top_unit);
	assert_int_equal(w.top_line, v.top_line);
	/* It can go on past the old end. */
	assert_int_equal(view_story(&v, 10), 10);
	view_units_shown(&v, &u0, &u1);
	assert_true(v.units[u0].page >= 3);
	/* Onto a smaller document: its last story. */
	make_doc(&quick, 2);
	view_rebase(&v, &quick);
	assert_true(v.top_unit < v.nunits);
	assert_int_equal(view_current_story(&v), quick.nstories - 1);
	view_free(&v);
	view_free(&w);
	doc_free(&quick);
	doc_free(&full);
}

/* Only the stories near the screen are prepared and fitted; a new
   width refits what is shown, never prepares again. */
static void
test_lazy(void **unused)
{
	struct doc	 d;
	struct view	 v;
	struct view_row	 row;
	size_t		 prepared, fitted;
	int		 r;

	make_doc(&d, 30);
	view_init(&v, &d, 0);
	assert_int_equal(v.nprepared, 0);
	view_resize(&v, 40, 20);
	for (r = 0; r < 20; r++)
		view_row(&v, r, &row);
	assert_true(v.nprepared <= 3);
	view_story(&v, 31);			/* a story in the middle */
	for (r = 0; r < 20; r++)
		view_row(&v, r, &row);
	prepared = v.nprepared;
	assert_true(prepared <= 8);
	fitted = v.nfitted;
	view_resize(&v, 60, 20);
	for (r = 0; r < 20; r++)
		view_row(&v, r, &row);
	assert_int_equal(v.nprepared, prepared);
	assert_true(v.nfitted - fitted <= 4);
	/* Back to the old width: the fits are cached. */
	fitted = v.nfitted;
	view_resize(&v, 40, 20);
	for (r = 0; r < 20; r++)
		view_row(&v, r, &row);
	assert_int_equal(v.nfitted, fitted);
	view_free(&v);
	doc_free(&d);
}

/* An empty document: nothing to show, nothing breaks. */
static void
test_empty(void **unused)
{
	struct doc	 d;
	struct view	 v;
	struct view_row	 row;
	size_t		 gs, b, o;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "empty.txt", "", 0);
	view_init(&v, &d, 0);
	view_resize(&v, 40, 10);
	view_row(&v, 0, &row);
	assert_int_equal(view_scroll(&v, 5), 0);
	view_bottom(&v);
	assert_true(view_at_end(&v));
	assert_int_equal(view_story(&v, 1), 0);
	assert_int_equal(view_section(&v, 1), 0);
	assert_int_equal(view_percent(&v), 100);
	assert_false(view_where(&v, &gs, &b, &o));
	view_free(&v);
	doc_free(&d);
}

/* A span of a block as the text shows it: the marks widened as in the
   text (issue 9: lists showed the source's , and ()), the offsets of a
   match inside it moved alike; --raw-punct keeps the source's.  The
   excerpt is the seed's (articles/000_2ebc2c4d283361d3.txt, line 9). */
static void
test_span_text(void **unused)
{
	static const char src[] = "日前,省司法厅召开监地协作推进会,部署深入推进建"
	    "《全省监(所)地协作三年行动计划(2022—2024)》,要求全省监所\n";
	struct doc		 d;
	const struct block	*b;
	const char		*j;
	char			*s;
	size_t			 ms, me, jlen, at, end;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "span.txt", src, sizeof src - 1);
	assert_int_equal(d.npages, 1);
	assert_true(d.pages[0].page.nstories >= 1);
	b = &d.pages[0].page.stories[0].blocks[
	    d.pages[0].page.stories[0].nblocks - 1];
	j = page_block_join(&d.pages[0].page, b, &jlen, NULL);
	at = (size_t)(strstr(j, "部署") - j);
	end = (size_t)(strstr(j, ",要求") - j);
	ms = (size_t)(strstr(j, "三年") - j);
	s = view_span_text(&d.pages[0].page, b, at, end, ms, ms + 6, 0, &ms,
	    &me);
	assert_string_equal(s, "部署深入推进建《全省监（所）地协作三年行动计划"
	    "（2022—2024）》");
	assert_int_equal(me - ms, 6);
	assert_memory_equal(s + ms, "三年", 6);
	free(s);
	/* The whole block, and the source's marks with --raw-punct. */
	s = view_span_text(&d.pages[0].page, b, 0, (size_t)-1, 0, 0, 0, NULL,
	    NULL);
	assert_non_null(strstr(s, "日前，省司法厅召开监地协作推进会，部署"));
	free(s);
	s = view_span_text(&d.pages[0].page, b, 0, (size_t)-1, 0, 0,
	    LAYOUT_RAW_PUNCT, NULL, NULL);
	assert_non_null(strstr(s, "日前,省司法厅召开监地协作推进会,部署"));
	assert_non_null(strstr(s, "监(所)地"));
	free(s);
	free((char *)j);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_are_dump),
		cmocka_unit_test(test_resize_keeps_position),
		cmocka_unit_test(test_story_moves),
		cmocka_unit_test(test_section_moves),
		cmocka_unit_test(test_ends),
		cmocka_unit_test(test_highlights),
		cmocka_unit_test(test_pos_visible),
		cmocka_unit_test(test_where_restore),
		cmocka_unit_test(test_rebase),
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_span_text),
	};
	int rc;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	seed = test_seed_load(&seedlen);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(seed);
	return rc;
}
