/*
 * page: the structure recovered from one printed page, and the few
 * helpers every later stage needs.
 *
 * A page owns its stories; a story owns its blocks, bylines and sections;
 * a block owns its array of pieces.  A parsed page keeps all of these
 * (stories, blocks, pieces, bylines, names, sections) in one allocation
 * (page.pool), with its struct page_extra when it has one; a page built
 * by hand (pool NULL) allocates them, and its extra, one at a time.  A
 * piece is a byte range of the page's text (struct text), never a copy,
 * and a block's pieces are in reading order: the first piece of a
 * paragraph cut by a column break comes first, its continuation
 * (possibly much further down the source) after.
 *
 * The joined text of a block (page_block_join) is what statistics, search
 * and layout read: the pieces concatenated, with one ASCII space inserted
 * only where a Latin letter or digit ends one piece and another starts
 * the next (Chinese text is written without spaces, so a hard-wrapped
 * Chinese line rejoins seamlessly, while "COVID" + "19" stays "COVID 19").
 */
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "xmalloc.h"

static const char *const page_kind_names[BLOCK__COUNT] = {
	[BLOCK_HEADLINE] = "headline",
	[BLOCK_KICKER] = "kicker",
	[BLOCK_SUBTITLE] = "subtitle",
	[BLOCK_BYLINE] = "byline",
	[BLOCK_NOTE] = "note",
	[BLOCK_LEAD] = "lead",
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "paragraph",
	[BLOCK_CAPTION] = "caption",
	[BLOCK_BANNER] = "banner",
};

/* Free what one story owns (nothing of it when pooled). */
static void
page_story_free(struct story *st, int pooled)
{
	size_t	 i;

	if (!pooled) {
		for (i = 0; i < st->nblocks; i++)
			free(st->blocks[i].pieces);
		free(st->blocks);
		for (i = 0; i < st->nbylines; i++)
			free(st->bylines[i].names);
		free(st->bylines);
		free(st->sections);
	}
	memset(st, 0, sizeof *st);
}

/* Release what a page owns (not its text). */
void
page_free(struct page *pg)
{
	size_t	 i;

	if (pg == NULL)
		return;
	for (i = 0; i < pg->nstories; i++)
		page_story_free(&pg->stories[i], pg->pool != NULL);
	if (pg->pool == NULL)
		free(pg->stories);
	pg->stories = NULL;
	pg->nstories = 0;
	page_story_free(&pg->banner, pg->pool != NULL);
	if (pg->extra != NULL) {
		page_story_free(&pg->extra->dropped, pg->pool != NULL);
		if (pg->pool == NULL)
			free(pg->extra);
		pg->extra = NULL;
	}
	free(pg->pool);
	pg->pool = NULL;
}

/* True for an ASCII letter or digit. */
static int
page_is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* Bytes the joined text of b takes at most (its NUL not counted). */
static size_t
page_join_size(const struct block *b)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->npieces; i++)
		n += b->pieces[i].end - b->pieces[i].start + 1;
	return n;
}

/* Is the piece a short run of ASCII digits alone (a list number)? */
static int
page_is_number_piece(const char *buf, const struct range *r)
{
	size_t k;

	if (r->end - r->start > 3)
		return 0;
	for (k = r->start; k < r->end; k++)
		if (buf[k] < '0' || buf[k] > '9')
			return 0;
	return 1;
}

/* Join the pieces of b into s (page_join_size bytes and a NUL), with
   the source offset of every byte in m when it is not NULL; returns the
   length.  *end receives the end of the last piece. */
static size_t
page_join_into(const char *buf, const struct block *b, char *s, size_t *m,
    size_t *end)
{
	size_t	 i, o = 0, k, n;
	int	 prev = 0, spaced = b->kind == BLOCK_BYLINE;

	*end = 0;
	for (i = 0; i < b->npieces; i++) {
		const struct range *r = &b->pieces[i];

		if (r->end <= r->start)
			continue;
		if (o > 0 && (spaced || prev == 2 ||
		    (prev && page_is_alnum((unsigned char)buf[r->start])))) {
			if (m != NULL)
				m[o] = r->start;
			s[o++] = ' ';
		}
		n = r->end - r->start;
		memcpy(s + o, buf + r->start, n);
		if (m != NULL)
			for (k = 0; k < n; k++)
				m[o + k] = r->start + k;
		o += n;
		/* 2: the first piece is a list number of its own ("1" on
		   the line above a paragraph, which parse puts first): a
		   space after it, so that 1 县里 does not read as 1县 (one
		   county). */
		prev = i == 0 && page_is_number_piece(buf, r) ? 2 :
		    page_is_alnum((unsigned char)buf[r->end - 1]);
		*end = r->end;
	}
	if (*end == 0 && b->npieces > 0)
		*end = b->pieces[b->npieces - 1].end;
	s[o] = '\0';
	return o;
}

/* Join a block's pieces; see page.h. */
char *
page_block_join(const struct page *pg, const struct block *b, size_t *len,
    size_t **map)
{
	size_t	 n = page_join_size(b), o, end;
	char	*s;
	size_t	*m = NULL;

	s = xmalloc(n + 1);
	if (map != NULL)
		m = xmalloc((n + 1) * sizeof *m);
	o = page_join_into(pg->text->buf, b, s, m, &end);
	if (m != NULL) {
		m[o] = end;
		*map = m;
	}
	if (len != NULL)
		*len = o;
	return s;
}

/* The joined text of a block, in place when it is one piece; see page.h. */
const char *
page_block_text(const struct page *pg, const struct block *b, size_t *len,
    char **scratch, size_t *cap)
{
	const struct range	*one = NULL;
	size_t			 i, n, end;

	for (i = 0; i < b->npieces; i++) {
		if (b->pieces[i].end <= b->pieces[i].start)
			continue;
		if (one != NULL)
			break;
		one = &b->pieces[i];
	}
	if (i == b->npieces) {
		/* at most one non-empty piece: the source itself */
		if (one == NULL) {
			*len = 0;
			return "";
		}
		*len = one->end - one->start;
		return pg->text->buf + one->start;
	}
	n = page_join_size(b) + 1;
	if (*cap < n) {
		*cap = n > 2 * *cap ? n : 2 * *cap;
		free(*scratch);
		*scratch = xmalloc(*cap);
	}
	*len = page_join_into(pg->text->buf, b, *scratch, NULL, &end);
	return *scratch;
}

/* The headline block of a story, or NULL if it has none. */
const struct block *
page_story_headline(const struct story *st)
{
	size_t	 i;

	for (i = 0; i < st->nblocks; i++)
		if (st->blocks[i].kind == BLOCK_HEADLINE)
			return &st->blocks[i];
	return NULL;
}

/* Name of a block kind as used in --json. */
const char *
page_kind_name(enum block_kind k)
{
	if ((int)k < 0 || k >= BLOCK__COUNT)
		return "unknown";
	return page_kind_names[k];
}
