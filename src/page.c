/*
 * page: the structure recovered from one printed page, and the few
 * helpers every later stage needs.
 *
 * A page owns its stories; a story owns its blocks, bylines and sections;
 * a block owns its array of pieces.  A piece is a byte range of the page's
 * text (struct text), never a copy, and a block's pieces are in reading
 * order: the first piece of a paragraph cut by a column break comes
 * first, its continuation (possibly much further down the source) after.
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

/* Free what one story owns. */
static void
page_story_free(struct story *st)
{
	size_t	 i;

	for (i = 0; i < st->nblocks; i++)
		free(st->blocks[i].pieces);
	free(st->blocks);
	for (i = 0; i < st->nbylines; i++)
		free(st->bylines[i].names);
	free(st->bylines);
	free(st->sections);
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
		page_story_free(&pg->stories[i]);
	free(pg->stories);
	pg->stories = NULL;
	pg->nstories = 0;
	page_story_free(&pg->banner);
}

/* True for an ASCII letter or digit. */
static int
page_is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* Join a block's pieces; see page.h. */
char *
page_block_join(const struct page *pg, const struct block *b, size_t *len,
    size_t **map)
{
	const char	*buf = pg->text->buf;
	size_t		 i, n = 0, o = 0, k, end = 0;
	char		*s;
	size_t		*m = NULL;
	int		 prev = 0, spaced = b->kind == BLOCK_BYLINE;

	for (i = 0; i < b->npieces; i++)
		n += b->pieces[i].end - b->pieces[i].start + 1;
	s = xmalloc(n + 1);
	if (map != NULL)
		m = xmalloc((n + 1) * sizeof *m);
	for (i = 0; i < b->npieces; i++) {
		const struct range *r = &b->pieces[i];

		if (r->end <= r->start)
			continue;
		if (o > 0 && (spaced ||
		    (prev && page_is_alnum((unsigned char)buf[r->start])))) {
			if (m != NULL)
				m[o] = r->start;
			s[o++] = ' ';
		}
		for (k = r->start; k < r->end; k++) {
			if (m != NULL)
				m[o] = k;
			s[o++] = buf[k];
		}
		prev = page_is_alnum((unsigned char)buf[r->end - 1]);
		end = r->end;
	}
	if (end == 0 && b->npieces > 0)
		end = b->pieces[b->npieces - 1].end;
	s[o] = '\0';
	if (m != NULL) {
		m[o] = end;
		*map = m;
	}
	if (len != NULL)
		*len = o;
	return s;
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
