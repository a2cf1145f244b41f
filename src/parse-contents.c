/*
 * parse-contents: a numbered list of the articles' titles at the front
 * of a page (the contents page of a day's articles typeset as a PDF, or
 * of an old paper's page: 1. 确保基本实现社会主义现代化取得决定性进展 …),
 * and the headlines it names.
 *
 * The list is page metadata, not stories.  Its entries are the day's
 * headlines, so a line (or a few consecutive lines: a long headline set
 * large wraps) further down whose text is exactly an entry, white space
 * aside, is that article's headline and starts its story
 * ("contents-headline").  Where such headlines exist, they are the only
 * story starts of the page: a dateline or a byline in a body does not
 * start another.
 */
#include <stdlib.h>
#include <string.h>

#include "parse-int.h"
#include "xmalloc.h"

/* The value of the list number that line l starts with ("12. …"), and
   in *skip the bytes of the number and its dot. */
static unsigned
pc_tocnum(const struct parse_ctx *ctx, const struct parse_line *l,
    size_t *skip)
{
	const char	*s = ctx->buf + l->start;
	unsigned	 v = 0;
	size_t		 k;

	for (k = 0; k < 3 && l->start + k < l->end && s[k] >= '0' &&
	    s[k] <= '9'; k++)
		v = 10 * v + (unsigned)(s[k] - '0');
	if (skip != NULL) {
		k += s[k] == '.' ? 1 : 3;	/* . 、 ． */
		*skip = parse_trim_start(ctx->buf, l->start + k, l->end) -
		    l->start;
	}
	return v;
}

/* True for a line that heads a contents list: 目录, 目 录, 本期目录. */
static int
pc_title(const struct parse_ctx *ctx, const struct parse_line *l)
{
#define PC_TITLE(s)	{ s, sizeof s - 1 }
	/* with their lengths: no call of strlen a line */
	static const struct {
		const char	*s;
		size_t		 n;
	} titles[] = {
		PC_TITLE("目录"), PC_TITLE("目 录"), PC_TITLE("目　录"),
		PC_TITLE("本期目录"), PC_TITLE("目錄"), PC_TITLE("本期導讀"),
		PC_TITLE("本期导读"),
	};
#undef PC_TITLE
	size_t	 i, n = l->end - l->start;

	if (n < 6 || n > 12)
		return 0;	/* the shortest and the longest title */
	for (i = 0; i < sizeof titles / sizeof *titles; i++)
		if (n == titles[i].n &&
		    memcmp(ctx->buf + l->start, titles[i].s, n) == 0)
			return 1;
	return 0;
}

/* True for 。！？ ! ?: a sentence ends, no title does. */
static int
pc_sentence_end(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == '!' ||
	    c == '?';
}

/* Append the bytes of [s, e) without white space to the entry text. */
static void
pc_append(const char *buf, size_t s, size_t e, char **t, size_t *n,
    size_t *cap)
{
	const unsigned char *b = (const unsigned char *)buf;

	while (s < e) {
		if (b[s] == ' ' || b[s] == '\t') {
			s++;
			continue;
		}
		if (e - s >= 3 && b[s] == 0xe3 && b[s + 1] == 0x80 &&
		    b[s + 2] == 0x80) {
			s += 3;
			continue;
		}
		if (e - s >= 2 && b[s] == 0xc2 && b[s + 1] == 0xa0) {
			s += 2;
			continue;
		}
		if (*n + 1 >= *cap) {
			*cap = *cap ? 2 * *cap : 256;
			*t = xrealloc(*t, *cap);
		}
		(*t)[(*n)++] = buf[s++];
	}
}

/* True when the next line after i that is not blank nor page furniture
   is entry number want of the list: line i lies between two entries. */
static int
pc_next_is(const struct parse_ctx *ctx, size_t i, unsigned want)
{
	const struct parse_line *L = ctx->lines;
	size_t	 k, lines = 0;

	for (k = i + 1; k < ctx->nlines && lines < 8; k++) {
		if (L[k].flags & (LF_BLANK | LF_META | LF_NUMBER))
			continue;
		if (L[k].flags & LF_TOCITEM)
			return pc_tocnum(ctx, &L[k], NULL) == want;
		/* more of the same entry, cut at wide spaces */
		if (L[k].nchars >= PT_TOC_ITEM || pc_sentence_end(L[k].last))
			return 0;
		lines++;
	}
	return 0;
}

/* One entry of the list: its text without white space, as an offset and
   a length into the page's entry text buffer. */
struct pc_entry {
	size_t	 off, len;
	int	 used;
};

/* Find the contents list of the page and the headlines it names: mark
   the list's lines LF_CONTENTS, the headlines' lines LF_TOCHEAD (and
   ctx->tochead[i], the first line of the headline line i belongs to). */
void
parse_contents(struct parse_ctx *ctx)
{
	struct parse_line *L = ctx->lines;
	struct pc_entry	*ent = NULL;
	char		*text = NULL, *line = NULL;
	size_t		 i, j, k, n = 0, tn = 0, tcap = 0, ln, lcap = 0, maxw = 0;
	size_t		 first = (size_t)-1, last = 0, skip, prev = (size_t)-1;
	unsigned	 next = 1;

	/* the list: at the front (before any paragraph), numbered 1, 2, 3
	   … in order; an entry too long for its line goes on, unnumbered,
	   on the next */
	for (i = 0; i < ctx->nlines; i++) {
		if (L[i].flags & (LF_BLANK | LF_META | LF_NUMBER)) {
			if (!(L[i].flags & LF_BLANK))
				prev = (size_t)-1;	/* a page's foot */
			continue;
		}
		if (n == 0 && pc_title(ctx, &L[i])) {
			first = i;
			continue;
		}
		if ((L[i].flags & LF_TOCITEM) && pc_tocnum(ctx, &L[i],
		    &skip) == next) {
			if (next == 1 && first == (size_t)-1)
				first = i;
			ent = xreallocarray(ent, n + 1, sizeof *ent);
			ent[n].off = tn;
			ent[n].used = 0;
			pc_append(ctx->buf, L[i].start + skip, L[i].end, &text,
			    &tn, &tcap);
			ent[n].len = tn - ent[n].off;
			n++;
			next++;
			if (L[i].nchars > maxw)
				maxw = L[i].nchars;
			last = prev = i;
			continue;
		}
		if (n > 0 && !(L[i].flags & LF_TOCITEM) &&
		    !pc_sentence_end(L[i].last) && L[i].nchars < PT_TOC_ITEM &&
		    (pc_next_is(ctx, i, next) || (prev == i - 1 &&
		    L[prev].nchars * 10 >= maxw * 9 && L[i].nchars < maxw))) {
			/* the rest of a long entry */
			pc_append(ctx->buf, L[i].start, L[i].end, &text, &tn,
			    &tcap);
			ent[n - 1].len = tn - ent[n - 1].off;
			last = prev = i;
			continue;
		}
		if (n > 0 || (L[i].nchars >= PT_PARA && !(L[i].flags &
		    LF_BOILER)))
			break;
		first = (size_t)-1;	/* a title before no list */
	}
	if (n < PT_TOC_MIN)
		goto out;
	for (i = first; i <= last; i++)
		if (!(L[i].flags & (LF_BLANK | LF_META | LF_NUMBER)))
			L[i].flags |= LF_CONTENTS;
	ctx->tochead = parse_arena_alloc(&ctx->arena, (ctx->nlines *
	    sizeof *ctx->tochead + 7) & ~(size_t)7);
	for (i = 0; i < ctx->nlines; i++)
		ctx->tochead[i] = (size_t)-1;
	/* the headlines: a line, or consecutive lines, whose text is an
	   entry's */
	for (i = last + 1; i < ctx->nlines; i++) {
		size_t	 ln0, h;

		if ((L[i].flags & LF_BLANK) || L[i].nchars > PT_HEADLINE)
			continue;
		ln = 0;
		pc_append(ctx->buf, L[i].start, L[i].end, &line, &ln, &lcap);
		ln0 = ln;
		for (k = 0; k < n; k++) {
			const char *e = text + ent[k].off;

			ln = ln0;
			if (ent[k].used || ln == 0 || ln > ent[k].len ||
			    memcmp(e, line, ln) != 0)
				continue;
			/* the entry's text from this line on */
			for (j = i; ln < ent[k].len && j + 1 < ctx->nlines &&
			    !(L[j + 1].flags & LF_BLANK) &&
			    L[j + 1].nchars <= PT_HEADLINE; j++) {
				size_t	 before = ln;

				pc_append(ctx->buf, L[j + 1].start,
				    L[j + 1].end, &line, &ln, &lcap);
				if (ln > ent[k].len || memcmp(e + before,
				    line + before, ln - before) != 0)
					break;
			}
			if (ln != ent[k].len)
				continue;
			ent[k].used = 1;
			for (h = i; i <= j; i++) {
				L[i].flags |= LF_TOCHEAD;
				ctx->tochead[i] = h;
			}
			i = j;
			break;
		}
	}
	ctx->ntocheads = 0;
	for (k = 0; k < n; k++)
		ctx->ntocheads += ent[k].used;
out:
	/* most pages have no list: nothing to free, and no call */
	if (ent != NULL) {
		free(ent);
		free(text);
		free(line);
	}
}
