/*
 * parse-join: units, story heads, and the reading of units into stories.
 *
 * 1. Units.  Lines are grouped into units: runs of non-blank lines, cut
 *    where parse_rules_cut says (a byline and the names continuing it, a
 *    number, a caption or note opener, a short line among long ones, a
 *    line ending a sentence followed by an indented or a noticeably
 *    longer one; every line in a page that indents its paragraphs).  The
 *    lines of a unit are the pieces of one block: pdftotext hard-wraps
 *    paragraphs.  A unit after two or more blank lines starts a new
 *    printed region (column, box).  Each unit is typed by
 *    parse_rules_unit.
 * 2. Heads.  Units get a role in a story head (kicker, headline,
 *    subtitle, byline, note), and the first unit of a head starts a
 *    story.  Three sources, in this order:
 *    - Markdown: # is the headline, ### above it the kicker, ## below it
 *      the subtitle ("head-md").
 *    - A page that indents its paragraphs: the lines that are not
 *      indented are head material.  Right above its body a head has up
 *      to three slots, kicker, headline, subtitle, and in article
 *      collections a blank line holds an empty slot ("slot-*"); where
 *      the slots do not tell, the words do: a kicker ends with —— or a
 *      verb of the report (强调), a subtitle starts with ——, a headline
 *      ends with a column tag （人民论坛） ("cue-*").
 *    - Any other page: a byline unit, with the short unit above it
 *      (headline), a —— subtitle between them and a short unit starting
 *      the region above the headline (kicker) starts a story; so does a
 *      short unit followed by a subtitle or by a paragraph opening with
 *      a dateline; and a short line opening the page ("head-*").
 * 3. Reading.  Units are then read in order into the current story:
 *    - text is a paragraph (the story's first is its lead, where a
 *      dateline opener is recognised); a dateline after the lead starts
 *      a new story, except in a page whose stories all have flush heads
 *      (there a dateline opens an item of a round-up);
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
 *      block (co-organisers: 浙江省监狱管理局 / 浙江法制报社 / 联办);
 *    - page labels and contents entries go to the banner too, web debris
 *      to the page's list of what was dropped, and a wire story's editor
 *      line or a Markdown --- ends the story.
 */
#include <stdlib.h>
#include <string.h>

#include "parse-int.h"
#include "xmalloc.h"

enum parse_join_role {
	R_NONE, R_KICKER, R_HEADLINE, R_SUBTITLE, R_BYLINE, R_NOTE
};

/* The block kind of a unit with a role in a story head. */
static const enum block_kind parse_join_role_kind[] = {
	[R_KICKER] = BLOCK_KICKER, [R_HEADLINE] = BLOCK_HEADLINE,
	[R_SUBTITLE] = BLOCK_SUBTITLE, [R_BYLINE] = BLOCK_BYLINE,
	[R_NOTE] = BLOCK_NOTE,
};

/* A block of a story: where an open paragraph lives. */
struct parse_join_ref {
	size_t	 story;
	size_t	 block;
};

/* State of the reading pass. */
struct parse_join {
	struct parse_ctx	*ctx;
	struct parse_unit	*u;
	size_t			 nu;
	unsigned		 types;		/* the types of the units, a
						   bit 1 << U_* each */
	size_t			 cs;		/* current story */
	int			 have;		/* a story exists */
	int			 fresh;		/* the next unit starts a story */
	int			 flushheads;	/* an indented page with flush
						   heads: stories start there
						   only */
	unsigned char		*lead;		/* per story: lead seen */
	struct parse_join_ref	 open;		/* open paragraph */
	int			 open_valid;
	size_t			 open_line;	/* its last line */
	struct parse_join_ref	*pend;		/* pending open paragraphs */
	size_t			*pend_line;
	size_t			 npend;
	size_t			 prefix;	/* list number line, or -1 */
	size_t			 motto;		/* banner motto block, or -1 */
};

/* Say why unit u got what it got at stage st: a macro, so that rule, a
   choice of names mostly, is not even chosen but under --explain. */
#define pj_why(J, u, st, rule) do {					\
	if ((J)->ctx->why != NULL)					\
		parse_why_set((J)->ctx, (u)->first, (st), (rule));	\
} while (0)

/* Build and type the units of the page; their count, and in *types the
   types there are (a bit 1 << U_* each). */
static size_t
parse_join_units(struct parse_ctx *ctx, struct parse_unit **out,
    unsigned *types)
{
	struct parse_line	*L = ctx->lines;
	struct parse_unit	*v, *u = NULL;
	size_t			 i, n = 0, gap = 0;
	uint32_t		 page = parse_rules_cut_page(ctx);
	int			 cut;

	/* in the scratch memory of the parse, freed with it; not zeroed:
	   a unit is cleared when it is started, and only the first n are
	   ever read */
	v = parse_arena_alloc(&ctx->arena, ((ctx->nlines + 1) * sizeof *v +
	    7) & ~(size_t)7);
	/* one pass: each run of non-blank lines cut into units as it is
	   met (parse_rules_cut) */
	for (i = 0; i < ctx->nlines; i++) {
		if (L[i].flags & LF_BLANK) {
			gap++;
			u = NULL;
			continue;
		}
		if (u == NULL) {
			/* a run's first line; the run is cut when a line
			   follows (most runs are one line: none to cut) */
			if (i + 1 < ctx->nlines &&
			    !(L[i + 1].flags & LF_BLANK))
				parse_rules_cut_run(ctx, i, page);
			cut = 1;
		} else {
			cut = parse_rules_cut[L[i].cut].cut;
			parse_why(ctx, i, PS_CUT, parse_rules_cut[L[i].cut].name);
		}
		if (cut) {
			/* a line is at most PT_LONG characters */
			u = &v[n++];
			*u = (struct parse_unit){ .first = i, .last = i,
			    .nchars = L[i].nchars, .flags = L[i].flags,
			    .cls = L[i].cls,
			    .endp = (L[i].flags & LF_ENDP) != 0 };
			u->gap = u == v || (L[i].flags & LF_PAGEBRK) ? 2 :
			    ctx->spaced && gap > 0 ? gap - 1 : gap;
			gap = 0;
			continue;
		}
		u->last = i;
		u->nchars += L[i].nchars;
		if (u->nchars > PT_LONG)
			u->nchars = PT_LONG;
		u->endp = (L[i].flags & LF_ENDP) != 0;
	}
	*types = parse_rules_type(ctx, v, n);
	*out = v;
	return n;
}

/* True when unit j may be a headline. */
static int
parse_join_headline_ok(struct parse_join *J, size_t j)
{
	const struct parse_unit *u = &J->u[j];
	uint32_t last = J->ctx->lines[u->last].last;

	if (u->role != R_NONE || u->last - u->first > 2 ||
	    (u->flags & LF_DATELINE))
		return 0;
	if (u->type == U_SHORT)
		return 1;
	return u->type == U_TEXT && u->nchars <= PT_HEADLINE &&
	    (!u->endp || last == 0xff01 || last == 0xff1f || last == '!' ||
	    last == '?');
}

/* True when unit j is text whose last line does not end a sentence. */
static int
parse_join_open_text(const struct parse_join *J, size_t j)
{
	return J->u[j].type == U_TEXT && !J->u[j].endp;
}

/* Give unit j role r, as rule says. */
static void
pj_role(struct parse_join *J, size_t j, int r, const char *rule)
{
	J->u[j].role = r;
	pj_why(J, &J->u[j], PS_ROLE, rule);
}

static void	 pj_slots(struct parse_join *, size_t, size_t, size_t, int);

/* The unit before unit i, passing over notes and page metadata set
   between a headline and its byline (> 系列：…); -1 when none. */
static size_t
pj_before(const struct parse_join *J, size_t i)
{
	while (i > 0) {
		i--;
		if (!(J->u[i].role == R_NONE && (J->u[i].type == U_NOTE ||
		    J->u[i].type == U_META || J->u[i].type == U_MARKUP ||
		    J->u[i].type == U_DROP)))
			return i;
	}
	return (size_t)-1;
}

/* The page's first unit, when it is the kicker of headline j: a short
   unit, or one line of text of at most PT_KICKER_TEXT characters that
   opens no story (no dateline) over a headline with a column tag (a
   long kicker: 无障碍环境建设从“有没有”向“好不好”转变，记者在浙江杭州、
   山东临沂、重庆渝中探访 / 设施无障碍  出行更有爱（人民眼·无障碍环境建
   设）).  Its index, or -1. */
static size_t
pj_kicker_first(const struct parse_join *J, size_t j)
{
	const struct parse_unit *u = J->u;
	size_t	 k = pj_before(J, j);

	if (k == (size_t)-1 || pj_before(J, k) != (size_t)-1 ||
	    u[k].role != R_NONE)
		return (size_t)-1;
	if (u[k].type == U_SHORT && u[k].nchars <= PT_SHORT)
		return k;
	if (u[k].type == U_TEXT && u[k].first == u[k].last &&
	    u[k].nchars <= PT_KICKER_TEXT && !(u[k].flags & LF_DATELINE) &&
	    (u[j].flags & LF_TAG))
		return k;
	return (size_t)-1;
}

/* Mark the head (kicker, headline, subtitle) above unit i; first unit. */
static size_t
parse_join_head(struct parse_join *J, size_t i)
{
	struct parse_unit *u = J->u;
	size_t	 first = i, j = i, k;

	/* two or three short lines stacked right above, no blank line
	   between them nor under them, after a blank line, a page label or
	   the page's start: kicker, headline, subtitle, told by their
	   words */
	for (k = i; k > 0 && i - k < 3 && u[k].gap == 0 &&
	    u[k - 1].type == U_SHORT && u[k - 1].role == R_NONE; k--)
		;
	if (i - k >= 2 && (k == 0 || u[k].gap >= 1 || u[k - 1].type ==
	    U_META || u[k - 1].type == U_DROP) &&
	    !(k > 0 && parse_join_open_text(J, k - 1))) {
		pj_slots(J, k, i - 1, i, 0);
		return k;
	}

	if (j > 0 && u[j - 1].type == U_SUBTITLE && u[j - 1].role == R_NONE &&
	    u[j].type != U_SUBTITLE) {
		pj_role(J, --j, R_SUBTITLE, "head-subtitle-above");
		first = j;
	}
	if (j > 0 && parse_join_headline_ok(J, j - 1)) {
		pj_role(J, --j, R_HEADLINE, "head-headline-above");
		first = j;
		if (j > 0 && u[j - 1].type == U_SHORT && u[j - 1].role ==
		    R_NONE && u[j - 1].nchars <= PT_KICKER && u[j].gap <= 1 &&
		    (j - 1 == 0 || u[j - 1].gap >= 2) &&
		    !(j >= 2 && parse_join_open_text(J, j - 2))) {
			pj_role(J, --j, R_KICKER, "head-kicker-region");
			first = j;
		} else if (j > 0 && u[j - 1].type == U_SHORT &&
		    u[j - 1].role == R_NONE && u[j - 1].nchars > u[j].nchars &&
		    u[j].gap <= 1 && !(j >= 2 && (parse_join_open_text(J,
		    j - 2) || u[j - 2].type == U_CAPTION))) {
			/* a short line above a headline and its byline is no
			   section heading (body text would follow it); a
			   longer one is its kicker */
			pj_role(J, --j, R_KICKER, "head-kicker-long");
			first = j;
		} else if ((k = pj_kicker_first(J, j)) != (size_t)-1) {
			/* the page's first line, above a headline and its
			   byline: a kicker, however far apart */
			pj_role(J, k, R_KICKER, "head-kicker-first");
			first = j = k;
		}
	}
	if (first > 0 && u[first - 1].type == U_NOTE &&
	    u[first - 1].role == R_NONE) {
		/* 编者按 above a story introduces it */
		pj_role(J, --first, R_NOTE, "head-note-above");
	}
	u[first].start = 1;
	return first;
}

/* True when unit u's line ends with "——" (a kicker leading into the
   headline). */
static int
pj_dash_end(const struct parse_join *J, const struct parse_unit *u)
{
	const struct parse_line *l = &J->ctx->lines[u->last];

	return l->end - l->start >= 6 &&
	    memcmp(J->ctx->buf + l->end - 6, "——", 6) == 0;
}

/* A head of two flush lines a (above) and b: 1 when a is the kicker and
   b the headline, 0 when a is the headline and b the subtitle; the rule
   in *rule.  blank_before, blank_after: the slots the blank lines around
   them hold (-1 when blank lines do not count in this page). */
static int
pj_pair(struct parse_join *J, size_t a, size_t b, int blank_before,
    int blank_after, const char **rule)
{
	const struct parse_unit *ua = &J->u[a], *ub = &J->u[b];

	if (pj_dash_end(J, ua)) {
		*rule = "cue-kicker-dash";
		return 1;
	}
	if (J->ctx->lines[ua->last].last == 0xff1a ||
	    J->ctx->lines[ua->last].last == ':') {
		/* 张军： over 严格公正司法  做实定分止争 (pr_colon_kicker) */
		*rule = "cue-kicker-colon";
		return 1;
	}
	if ((ub->flags & LF_TAG) && !(ua->flags & LF_TAG)) {
		*rule = "cue-tag-below";
		return 1;
	}
	if ((ua->flags & LF_TAG) && !(ub->flags & LF_TAG)) {
		*rule = "cue-tag-above";
		return 0;
	}
	if (blank_after > 0 && blank_before <= 0) {
		*rule = "slot-kicker";
		return 1;
	}
	if (blank_before > 0 && blank_after == 0) {
		*rule = "slot-subtitle";
		return 0;
	}
	if (parse_line_kicker_end(J->ctx->buf, &J->ctx->lines[ua->last])) {
		*rule = "cue-kicker-verb";
		return 1;
	}
	/* longer than a headline can be, or a sentence: a subtitle.  Of
	   the two-line heads of rmrb-2019 that no dash, tag or colon tells,
	   a lower line of more than PT_SHORT characters is a subtitle in 26
	   and a headline in 2; that the lower is half as long again as the
	   upper told nothing (61 and 61) */
	if (ub->nchars > PT_SHORT || (ub->flags & LF_ENDP)) {
		*rule = "cue-long-subtitle";
		return 0;
	}
	*rule = "cue-pair";
	return 1;
}

/* The blank lines right above unit i (the first unit's gap counts as a
   region's, 2; this counts the lines). */
static size_t
pj_blanks_above(const struct parse_join *J, size_t i)
{
	size_t	 l = J->u[i].first, n = 0;

	while (l > 0 && (J->ctx->lines[l - 1].flags & LF_BLANK)) {
		l--;
		n++;
	}
	return n;
}

/* Give the flush units [a, b] (a head right above unit body, or the
   page's end) their roles: up to three slots, kicker, headline,
   subtitle. */
static void
pj_slots(struct parse_join *J, size_t a, size_t b, size_t body, int blanks)
{
	struct parse_unit *u = J->u;
	const char	*rule;
	size_t		 k = b - a + 1, h;
	int		 before = -1, after = -1;

	/* blank lines hold empty slots where paragraphs are not
	   separated by them (article collections) */
	if (blanks) {
		before = pj_blanks_above(J, a) >= 1;
		after = body < J->nu ? (u[body].gap >= 1) : 0;
	}
	if (k == 1) {
		pj_role(J, a, R_HEADLINE, "slot-alone");
		h = a;
		if ((u[a].flags & LF_TAG) &&
		    (k = pj_kicker_first(J, a)) != (size_t)-1) {
			/* the page's first line of text over it */
			pj_role(J, k, R_KICKER, "head-kicker-first");
			a = k;
		}
	} else if (k == 2) {
		if (pj_pair(J, a, b, before, after, &rule)) {
			pj_role(J, a, R_KICKER, rule);
			pj_role(J, b, R_HEADLINE, rule);
			h = b;
		} else {
			pj_role(J, a, R_HEADLINE, rule);
			pj_role(J, b, R_SUBTITLE, rule);
			h = a;
		}
	} else {
		/* three: kicker, headline, subtitle */
		pj_role(J, a, R_KICKER, "slot-three");
		pj_role(J, a + 1, R_HEADLINE, "slot-three");
		h = a + 1;
		for (k = h + 1; k <= b; k++)
			pj_role(J, k, R_SUBTITLE, "slot-three");
	}
	(void)h;
	u[a].start = 1;
}

/* The last unit of a head that opens the flush units [i, b] of a page
   of one-line paragraphs, by the marks only heads have: a kicker ending
   with —— over its headline (天津基层党建述职评议会勇于揭短亮丑—— / 就是
   要让水流到地头; not a place's name and ——, which opens an item of a
   round-up: 布鲁塞尔—— / 中西音乐盛宴迎新春), or a column tag on one of the first two lines (让公众
   感受历史的魅力（人民论坛））; -1 when there are none (section
   headings).  A web copy of a page that has a blank line after every
   line parts its stories no other way. */
static size_t
pj_head_marks(const struct parse_join *J, size_t i, size_t b)
{
	const struct parse_unit *u = J->u;

	if (i < b && pj_dash_end(J, &u[i]) && u[i].nchars > PT_PLACE_DASH)
		return i + 1;	/* not a place: 布鲁塞尔—— opens an item */
	if (u[i].flags & LF_TAG)
		return i;
	if (i < b && (u[i + 1].flags & LF_TAG))
		return i + 1;
	return (size_t)-1;
}

/* Heads of a page that indents its paragraphs: each group of flush units
   between bodies.  Two blank lines, or a blank line after a slot that
   can only be a headline's, part two heads within a group. */
static void
pj_flush_heads(struct parse_join *J)
{
	struct parse_unit *u = J->u;
	size_t		 i = 0, a, b, s;

	while (i < J->nu) {
		if (u[i].type != U_FLUSH || u[i].role != R_NONE) {
			i++;
			continue;
		}
		for (b = i; b + 1 < J->nu && u[b + 1].type == U_FLUSH; b++)
			;
		if (J->ctx->profile == PP_LINES && i > 0 && ((u[i].gap == 0 &&
		    (b + 1 >= J->nu || (u[b + 1].gap == 0 &&
		    u[b + 1].type != U_BYLINE &&
		    !(u[b + 1].flags & LF_DATELINE)))) || (u[i].gap <= 1 &&
		    (u[i - 1].role != R_NONE || u[i - 1].type == U_SUBTITLE)))) {
			/* short lines between paragraphs with no blank line
			   round them, or right under a head (its slots are
			   taken): section headings, not a head; but a byline
			   or a dateline under them makes them a story's, and
			   so do a head's own marks in its first two lines
			   (pj_head_marks) */
			if (u[i].gap == 0 && (s = pj_head_marks(J, i, b)) !=
			    (size_t)-1) {
				pj_slots(J, i, s, s + 1, 0);
				i = s + 1;
				continue;
			}
			for (a = i; a <= b; a++) {
				u[a].type = U_SHORT;
				pj_why(J, &u[a], PS_ROLE, "lines-heading");
			}
			i = b + 1;
			continue;
		}
		/* split the group [i, b] into heads, from the bottom: the
		   last head is the one right above the body */
		a = i;
		while (a <= b) {
			/* in a page of one-line paragraphs, short lines one
			   blank line under a head are the body's: its slots
			   are taken */
			if (a > i && J->ctx->profile == PP_LINES &&
			    u[a].gap <= 1) {
				for (; a <= b; a++) {
					u[a].type = U_SHORT;
					pj_why(J, &u[a], PS_ROLE,
					    "lines-heading");
				}
				break;
			}
			/* the next head starts after a blank line (a blank
			   line holds a slot: what follows it belongs to
			   another head) */
			for (s = a + 1; s <= b && u[s].gap == 0; s++)
				;
			/* a head has at most three units */
			if (s - a > 3)
				s = a + 3;
			pj_slots(J, a, s - 1, s <= b ? s : b + 1,
			    !J->ctx->spaced);
			a = s;
		}
		i = b + 1;
	}
}

/* Roles of Markdown heads: # starts a story, ### above it is its
   kicker, ## below its subtitle. */
static void
pj_md_heads(struct parse_join *J)
{
	struct parse_unit *u = J->u;
	size_t		 i;

	for (i = 0; i < J->nu; i++) {
		if (u[i].type != U_MARKED)
			continue;
		switch (u[i].cls) {
		case PC_HEADLINE:
			pj_role(J, i, R_HEADLINE, J->ctx->lines[u[i].first].flags &
			    LF_TOCHEAD ? "head-contents" : "head-md");
			if (!(i > 0 && u[i - 1].role == R_KICKER))
				u[i].start = 1;
			break;
		case PC_KICKER:
			pj_role(J, i, R_KICKER, "head-md");
			u[i].start = 1;
			break;
		case PC_SUBTITLE_MK:
			pj_role(J, i, R_SUBTITLE, "head-md");
			break;
		}
	}
}

/* True when a unit of text (or a short one) comes after unit i before
   the page ends. */
static int
pj_text_after(const struct parse_join *J, size_t i)
{
	size_t	 k;

	for (k = i + 1; k < J->nu; k++)
		if (J->u[k].type == U_TEXT || J->u[k].type == U_SHORT ||
		    J->u[k].type == U_FLUSH || J->u[k].type == U_MARKED)
			return 1;
	return 0;
}

/* Find the story heads (pass 2). */
static void
parse_join_heads(struct parse_join *J)
{
	struct parse_unit *u = J->u;
	size_t	 i, k;
	int	 body = 0;

	/* Markdown heads (a page without them has no marked unit) */
	if (J->types & (1u << U_MARKED)) {
		pj_md_heads(J);
		for (i = 0; i < J->nu && !body; i++)
			body = u[i].role == R_HEADLINE;	/* a marked headline */
	}
	if (J->flushheads)
		pj_flush_heads(J);
	for (i = 0; i < J->nu; i++) {
		if (u[i].type == U_TEXT && !(u[i].flags & LF_DATELINE)) {
			/* body text (most units): it starts no head */
			body = 1;
			continue;
		}
		if (u[i].type == U_BYLINE && u[i].role == R_NONE) {
			if ((u[i].flags & LF_PHOTO) &&
			    !(i > 0 && parse_join_headline_ok(J, i - 1)) &&
			    !(i > 0 && u[i - 1].role != R_NONE)) {
				u[i].type = U_CAPTION;
				pj_why(J, &u[i], PS_ROLE, "head-photo-credit");
				continue;
			}
			k = pj_before(J, i);
			if (k != (size_t)-1 && u[k].type == U_TEXT &&
			    u[k].role == R_NONE && !pj_text_after(J, i)) {
				/* under the text, with none after it: the
				   story's closing credit (本报记者  叶传增文) */
				pj_why(J, &u[i], PS_ROLE, "head-closing-credit");
				continue;
			}
			/* a picture between the head and its byline: the
			   byline is still the head's (a copy's head, a pull
			   quote and a picture, then 《中国新闻周刊》记者/…) */
			while (k != (size_t)-1 && u[k].type == U_CAPTION &&
			    u[k].role == R_NONE)
				k = pj_before(J, k);
			if ((k != (size_t)-1 && u[k].role != R_NONE &&
			    u[k].role != R_KICKER) || J->flushheads) {
				/* a second byline unit, or a byline in the
				   body of an indented page */
				pj_role(J, i, R_BYLINE, "head-byline-more");
				continue;
			}
			pj_role(J, i, R_BYLINE, "head-byline");
			parse_join_head(J, i);
		} else if (J->flushheads)
			;	/* stories start at flush heads only */
		else if (u[i].type == U_SUBTITLE && u[i].role == R_NONE &&
		    i > 0 && parse_join_headline_ok(J, i - 1)) {
			pj_role(J, i, R_SUBTITLE, "head-subtitle");
			parse_join_head(J, i);
		} else if (u[i].type == U_TEXT && u[i].role == R_NONE &&
		    (u[i].flags & LF_DATELINE) && i > 0 &&
		    u[i - 1].type == U_SHORT && parse_join_headline_ok(J, i - 1))
			parse_join_head(J, i);
		else if (!body && u[i].type == U_SHORT && u[i].role == R_NONE &&
		    i + 1 < J->nu && u[i + 1].type == U_TEXT) {
			/* the page opens with a short line: a headline, and
			   the first line above it its kicker when it may be */
			pj_role(J, i, R_HEADLINE, "head-page-opens");
			u[i].start = 1;
			if ((k = pj_kicker_first(J, i)) != (size_t)-1) {
				/* the page's first line above it: the two are
				   a pair (习近平在河南考察时强调 / 坚定信心推动
				   高质量发展…), told as flush pairs are */
				const char *rule;

				if (pj_pair(J, k, i, -1, -1, &rule)) {
					pj_role(J, k, R_KICKER, rule);
					pj_role(J, i, R_HEADLINE, rule);
				} else {
					pj_role(J, k, R_HEADLINE, rule);
					pj_role(J, i, R_SUBTITLE, rule);
				}
				u[i].start = 0;
				u[k].start = 1;
			}
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
	J->fresh = 0;
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
	J->pend_line = parse_arena_grow(&J->ctx->arena, J->pend_line,
	    J->npend, sizeof *J->pend_line);
	J->pend_line[J->npend] = J->open_line;
	J->pend[J->npend++] = J->open;
	J->open_valid = 0;
}

/* Append the lines of unit u to block bi of story st. */
static void
parse_join_lines(struct parse_join *J, struct story *st, size_t bi,
    const struct parse_unit *u)
{
	parse_block_lines(J->ctx, st, bi, u->first, u->last);
}

/* Add unit u as a block of kind k to the current story; its index. */
static size_t
parse_join_emit(struct parse_join *J, const struct parse_unit *u,
    enum block_kind k)
{
	struct story	*st;
	size_t		 bi;

	parse_join_close(J);
	if (!J->have || J->fresh)
		parse_join_story(J);
	st = &J->ctx->pg->stories[J->cs];
	bi = parse_block_new(J->ctx, st, k);
	if (J->prefix != (size_t)-1) {
		parse_block_lines(J->ctx, st, bi, J->prefix, J->prefix);
		J->prefix = (size_t)-1;
	}
	parse_join_lines(J, st, bi, u);
	return bi;
}

/* Add unit u to story bn (the banner, the dropped lines), as one block
   or one block per line. */
static void
parse_join_banner(struct parse_join *J, struct story *bn,
    const struct parse_unit *u, int perline)
{
	size_t		 i, bi;

	if (!perline) {
		bi = parse_block_new(J->ctx, bn, BLOCK_BANNER);
		parse_join_lines(J, bn, bi, u);
		return;
	}
	for (i = u->first; i <= u->last; i++) {
		bi = parse_block_new(J->ctx, bn, BLOCK_BANNER);
		parse_block_lines(J->ctx, bn, bi, i, i);
	}
}

/* True when story st has a headline: a dateline inside it then opens
   an item of a round-up, not a story (wire copy has no headlines). */
static int
pj_has_headline(const struct parse_join *J, size_t st)
{
	const struct story *s = &J->ctx->pg->stories[st];
	size_t	 b;

	for (b = 0; b < s->nblocks; b++)
		if (s->blocks[b].kind == BLOCK_HEADLINE)
			return 1;
	return 0;
}

/* Read a text unit: continuation, lead or paragraph. */
static void
parse_join_text(struct parse_join *J, size_t i, int aside)
{
	const struct parse_unit *u = &J->u[i];
	struct story	*st;
	size_t		 bi;
	int		 cont = !(u->flags & LF_DATELINE) && !u->start &&
			    J->prefix == (size_t)-1 && !J->fresh;

	if (cont && !J->open_valid && J->npend > 0 && (u->gap >= 2 || aside)) {
		J->open_line = J->pend_line[J->npend - 1];
		J->open = J->pend[--J->npend];
		J->open_valid = 1;
		J->cs = J->open.story;
	}
	if (cont && J->open_valid) {
		st = &J->ctx->pg->stories[J->open.story];
		parse_join_lines(J, st, J->open.block, u);
		J->cs = J->open.story;
		pj_why(J, u, PS_READ, "read-continue");
		if (J->ctx->why != NULL) {
			parse_why(J->ctx, u->first, PS_JOIN, u->gap >= 2 ||
			    aside ? "join-column-cut" : "join-open-paragraph");
			J->ctx->why[u->first].joined = J->open_line;
		}
		J->open_line = u->last;
		if (u->endp)
			J->open_valid = 0;
		return;
	}
	if (!J->have || ((u->flags & LF_DATELINE) && J->lead[J->cs] &&
	    !J->flushheads && !pj_has_headline(J, J->cs))) {
		parse_join_story(J);	/* a dateline opens a new story */
		if (J->have && (u->flags & LF_DATELINE))
			pj_why(J, u, PS_ROLE, "head-dateline-story");
	}
	bi = parse_join_emit(J, u, J->lead[J->cs] ? BLOCK_PARAGRAPH :
	    BLOCK_LEAD);
	pj_why(J, u, PS_READ, J->lead[J->cs] ? "read-paragraph" : "read-lead");
	st = &J->ctx->pg->stories[J->cs];
	if (!J->lead[J->cs]) {
		J->lead[J->cs] = 1;
		parse_dateline(J->ctx, st, bi, u->first);
	}
	/* in a page that indents its paragraphs every line is a whole
	   paragraph: none is left open; nor in Markdown, whose paragraphs
	   are blocks (a standfirst without a full stop is one) */
	if (!u->endp && J->ctx->profile != PP_INDENTED &&
	    J->ctx->profile != PP_LINES && !J->ctx->markdown) {
		J->open.story = J->cs;
		J->open.block = bi;
		J->open_valid = 1;
		J->open_line = u->last;
	}
}

/* Read a short unit: caption, heading, headline or paragraph. */
static void
parse_join_short(struct parse_join *J, size_t i)
{
	const struct parse_unit *u = J->u, *next;

	next = i + 1 < J->nu ? &u[i + 1] : NULL;
	if (J->open_valid) {
		J->cs = J->open.story;
		parse_join_emit(J, &u[i], BLOCK_CAPTION);
		pj_why(J, &u[i], PS_READ, "read-short-in-open-paragraph");
	} else if (!J->have || J->fresh) {
		parse_join_story(J);
		parse_join_emit(J, &u[i], BLOCK_HEADLINE);
		pj_why(J, &u[i], PS_READ, "read-short-first");
	} else if (next != NULL && next->start) {
		parse_join_emit(J, &u[i], BLOCK_CAPTION);
		pj_why(J, &u[i], PS_READ, "read-short-before-head");
	} else if (next != NULL && (next->type == U_TEXT ||
	    next->type == U_NUMBER || next->type == U_CAPTION ||
	    next->type == U_NOTE || next->type == U_BYLINE)) {
		parse_join_emit(J, &u[i], BLOCK_HEADING);
		pj_why(J, &u[i], PS_READ, "read-short-heading");
	} else {
		parse_join_emit(J, &u[i], J->lead[J->cs] ? BLOCK_PARAGRAPH :
		    BLOCK_LEAD);
		pj_why(J, &u[i], PS_READ, "read-short-text");
	}
}

/* Read a unit with a role in a story head. */
static void
parse_join_role(struct parse_join *J, size_t i)
{
	struct parse_unit *u = J->u;
	struct story	*st;
	size_t		 k, bi;

	if (u[i].start) {
		parse_join_close(J);
		parse_join_story(J);
	}
	bi = parse_join_emit(J, &u[i], parse_join_role_kind[u[i].role]);
	pj_why(J, &u[i], PS_READ, u[i].start ? "read-story-head" :
	    "read-head");
	if (u[i].role == R_BYLINE) {
		st = &J->ctx->pg->stories[J->cs];
		for (k = u[i].first; k <= u[i].last; k++)
			parse_bylines_line(J->ctx, st, bi, k);
	}
}

/* Read an editor's sign-off (——编  者): the paragraphs of the current
   story since its head, or its last heading, were an editor's note; the
   next paragraph is the lead. */
static void
parse_join_signoff(struct parse_join *J, size_t i)
{
	struct story	*st;
	size_t		 b, k, n;

	parse_join_close(J);
	J->npend = 0;
	if (J->have && !J->fresh) {
		st = &J->ctx->pg->stories[J->cs];
		for (b = st->nblocks; b > 0; b--) {
			enum block_kind bk = st->blocks[b - 1].kind;

			if (bk != BLOCK_LEAD && bk != BLOCK_PARAGRAPH &&
			    bk != BLOCK_CAPTION && bk != BLOCK_NOTE)
				break;
			if (bk != BLOCK_CAPTION)
				st->blocks[b - 1].kind = BLOCK_NOTE;
		}
		if (st->dateline_block >= b && st->dateline.end >
		    st->dateline.start) {
			/* the note had no dateline after all: nor the bylines
			   of its bracket */
			for (k = 0, n = 0; k < st->nbylines; k++)
				if (st->bylines[k].block != st->dateline_block)
					st->bylines[n++] = st->bylines[k];
			st->nbylines = n;
			st->dateline.start = st->dateline.end = 0;
			st->dateline_block = 0;
		}
		J->lead[J->cs] = 0;
	}
	parse_join_emit(J, &J->u[i], BLOCK_NOTE);
	pj_why(J, &J->u[i], PS_READ, "read-note-end");
}

/* Read a unit that is page metadata, debris or a story boundary;
   returns 0 for any other unit. */
static int
parse_join_aside(struct parse_join *J, size_t i)
{
	struct parse_unit *u = J->u;
	struct page	*pg = J->ctx->pg;
	size_t		 k;

	switch (u[i].type) {
	case U_DROP:
		parse_join_banner(J, &J->ctx->extra.dropped, &u[i], 1);
		pj_why(J, &u[i], PS_READ, "read-dropped");
		return 1;
	case U_MARKUP:
		pj_why(J, &u[i], PS_READ, "read-markup");
		return 1;
	case U_META:
		parse_join_banner(J, &pg->banner, &u[i], 1);
		pj_why(J, &u[i], PS_READ, "read-page-metadata");
		return 1;
	case U_TOC:
		if (J->ctx->extra.ncontents == 0)
			J->ctx->extra.contents_first = pg->banner.nblocks;
		k = pg->banner.nblocks;
		parse_join_banner(J, &pg->banner, &u[i], 1);
		J->ctx->extra.ncontents += pg->banner.nblocks - k;
		pj_why(J, &u[i], PS_READ, "read-contents");
		return 1;
	case U_BREAK:
		parse_join_close(J);
		J->npend = 0;
		J->fresh = 1;
		pj_why(J, &u[i], PS_READ, "read-story-break");
		return 1;
	case U_SIGNOFF:
		parse_join_signoff(J, i);
		return 1;
	case U_WIREEND:
		if (J->open_valid)
			J->cs = J->open.story;
		parse_join_emit(J, &u[i], BLOCK_NOTE);
		parse_join_close(J);
		J->npend = 0;
		J->fresh = 1;
		pj_why(J, &u[i], PS_READ, "read-wire-end");
		return 1;
	}
	return 0;
}

/* Read the units in order into stories (pass 3). */
static void
parse_join_read(struct parse_join *J)
{
	struct parse_unit *u = J->u;
	struct page	*pg = J->ctx->pg;
	struct story	*st;
	size_t		 i, bi, k;
	int		 bmode = 0, aside = 0, was_aside;

	for (i = 0; i < J->nu; i++) {
		was_aside = aside;
		aside = 0;
		if (u[i].type == U_TEXT && u[i].role == R_NONE) {
			/* body text (most units), as the switch below reads
			   it: no aside, and the banner's lines are over */
			bmode = 0;
			parse_join_text(J, i, was_aside);
			continue;
		}
		if (u[i].role != R_NONE) {
			bmode = 0;
			parse_join_role(J, i);
			continue;
		}
		if (parse_join_aside(J, i)) {
			aside = 1;
			continue;
		}
		if (bmode && (u[i].type == U_VERT || u[i].type == U_NUMBER ||
		    (u[i].type == U_SHORT && u[i].nchars <= PT_PAUSE_SHORT *
		    (u[i].last - u[i].first + 1)))) {
			if (u[i].type == U_VERT && J->motto != (size_t)-1) {
				parse_join_lines(J, &pg->banner, J->motto,
				    &u[i]);
				pj_why(J, &u[i], PS_READ, "read-banner-motto");
			} else if (u[i].type == U_VERT) {
				parse_join_banner(J, &pg->banner, &u[i], 0);
				J->motto = pg->banner.nblocks - 1;
				pj_why(J, &u[i], PS_READ, "read-banner-motto");
			} else {
				parse_join_banner(J, &pg->banner, &u[i], 1);
				pj_why(J, &u[i], PS_READ, "read-banner-lines");
			}
			aside = 1;
			continue;
		}
		bmode = 0;
		switch (u[i].type) {
		case U_VERT:
			bmode = 1;
			parse_join_banner(J, &pg->banner, &u[i], 0);
			J->motto = (size_t)-1;
			pj_why(J, &u[i], PS_READ, "read-banner-title");
			aside = 1;
			break;
		case U_NUMBER:
			if (i + 1 < J->nu && u[i + 1].gap <= 1 && J->have &&
			    !u[i + 1].start && (u[i + 1].type == U_TEXT ||
			    u[i + 1].type == U_SHORT)) {
				parse_join_close(J);
				J->prefix = u[i].first;
				pj_why(J, &u[i], PS_READ, "read-list-number");
			} else {
				parse_join_banner(J, &pg->banner, &u[i], 0);
				pj_why(J, &u[i], PS_READ, "read-page-number");
				aside = 1;
			}
			break;
		case U_MARKED:
			parse_join_emit(J, &u[i], BLOCK_HEADING);
			pj_why(J, &u[i], PS_READ, "read-heading");
			break;
		case U_NOTE:
			parse_join_emit(J, &u[i], BLOCK_NOTE);
			pj_why(J, &u[i], PS_READ, "read-note");
			break;
		case U_CAPTION:
		case U_BYLINE:
			if (J->open_valid)
				J->cs = J->open.story;
			bi = parse_join_emit(J, &u[i], BLOCK_CAPTION);
			pj_why(J, &u[i], PS_READ, "read-caption");
			if (u[i].type == U_BYLINE && J->have)
				/* a credit: its names are the story's too */
				for (k = u[i].first; k <= u[i].last; k++)
					parse_bylines_line(J->ctx,
					    &J->ctx->pg->stories[J->cs], bi,
					    k);
			aside = 1;
			break;
		case U_SUBTITLE:
			if (J->have && J->lead[J->cs])
				parse_join_text(J, i, was_aside);
			else {
				parse_join_emit(J, &u[i], BLOCK_SUBTITLE);
				pj_why(J, &u[i], PS_READ, "read-subtitle");
			}
			break;
		case U_SHORT:
			parse_join_short(J, i);
			if (J->have) {
				st = &pg->stories[J->cs];
				aside = st->blocks[st->nblocks - 1].kind ==
				    BLOCK_CAPTION;
			}
			break;
		case U_FLUSH:
			/* head material that made no head (a fourth line):
			   a subtitle of the story above */
			parse_join_emit(J, &u[i], BLOCK_SUBTITLE);
			pj_why(J, &u[i], PS_READ, "read-subtitle");
			break;
		default:
			parse_join_text(J, i, was_aside);
			break;
		}
	}
	if (J->prefix != (size_t)-1) {
		/* a list number with nothing after it */
		bi = parse_block_new(J->ctx, &pg->banner, BLOCK_BANNER);
		parse_block_lines(J->ctx, &pg->banner, bi, J->prefix,
		    J->prefix);
	}
}

/* Read a page by the heuristics described above. */
void
parse_join_page(struct parse_ctx *ctx)
{
	struct parse_join J;
	size_t		 i;

	memset(&J, 0, sizeof J);
	J.ctx = ctx;
	J.prefix = (size_t)-1;
	J.motto = (size_t)-1;
	J.nu = parse_join_units(ctx, &J.u, &J.types);
	for (i = 0; ctx->tails && i < ctx->nlines; i++)
		if (ctx->lines[i].tail.end > ctx->lines[i].tail.start) {
			/* page metadata glued to a line: the banner */
			size_t bi = parse_block_new(ctx, &ctx->pg->banner,
			    BLOCK_BANNER);

			parse_block_piece(ctx, &ctx->pg->banner.blocks[bi],
			    ctx->lines[i].tail.start, ctx->lines[i].tail.end);
		}
	if (ctx->profile == PP_INDENTED || ctx->profile == PP_LINES)
		J.flushheads = (J.types & (1u << U_FLUSH)) != 0;
	/* headlines the contents list names start the only stories */
	if (ctx->ntocheads > 0)
		J.flushheads = 1;
	parse_join_heads(&J);
	parse_join_read(&J);
}
