/*
 * dump: output modes that write the model, not a screen.  The text dump
 * prints exactly the display lines the layout makes (the terminal reader
 * draws the same lines), so it is also the cheapest test oracle.
 *
 * Text dump of a page: the banner (if any), a rule, then the stories, one
 * rule line between stories; pages are separated by a double rule.  Rules
 * are box-drawing characters the width of the text; nothing else is
 * added to the text.
 */
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "layout.h"
#include "safe.h"
#include "view.h"
#include "xmalloc.h"

/* Print n copies of a UTF-8 string. */
static void
dump_repeat(const char *s, int n, FILE *fp)
{
	while (n-- > 0)
		fputs(s, fp);
}

/* n spaces (a line's indent), a few calls at most: cheaper than a
   printf per line of a long dump. */
static void
dump_spaces(size_t n, FILE *fp)
{
	static const char sp[] = "                ";
	size_t	 k;

	for (; n > 0; n -= k) {
		k = n < sizeof sp - 1 ? n : sizeof sp - 1;
		fwrite(sp, 1, k, fp);
	}
}

/* The hits of story st: a contiguous run of the page's list. */
static const struct stat_hit *
dump_story_hits(const struct doc_page *dp, size_t st, size_t *n)
{
	const struct stat_list	*l = &dp->stats;
	size_t			 i = 0, j = l->n, mid;

	/* Hits are in reading order: binary search for the first of st
	   (a linear scan made a page of many stories quadratic). */
	while (i < j) {
		mid = i + (j - i) / 2;
		if (l->hits[mid].story < st)
			i = mid + 1;
		else
			j = mid;
	}
	j = i;
	while (j < l->n && l->hits[j].story == st)
		j++;
	*n = j - i;
	return *n > 0 ? l->hits + i : NULL;	/* (hits may be NULL) */
}

/* Print the display lines of one story (or the banner). */
static void
dump_story_lines(struct layout_scratch *ls, const struct page *pg,
    const struct story *st,
    const struct stat_hit *hits, size_t nhits, int width, unsigned flags,
    FILE *fp)
{
	struct layout_prep	*prep;
	struct layout		*lay;
	size_t			 i;

	prep = layout_prepare_with(ls, pg, st, hits, nhits, flags);
	lay = layout_fit(prep, width);
	for (i = 0; i < lay->nlines; i++) {
		const struct dline *l = &lay->lines[i];

		if (l->kind != DLINE_BLANK) {
			dump_spaces(l->indent, fp);
			fwrite(l->text, 1, l->len, fp);
		}
		fputc('\n', fp);
	}
	layout_free(lay);
	layout_prep_free(prep);
}

/* Write the laid-out pages. */
void
dump_text(const struct doc *d, int width, unsigned flags, FILE *fp)
{
	struct layout_scratch *ls = layout_scratch_new();
	size_t	 p, s, nhits;
	int	 rule, first;

	if (width < LAYOUT_MIN_WIDTH)
		width = LAYOUT_MIN_WIDTH;
	if (width > LAYOUT_MAX_WIDTH)
		width = LAYOUT_MAX_WIDTH;
	rule = width;
	for (p = 0; p < d->npages; p++) {
		const struct doc_page	*dp = &d->pages[p];
		const struct page	*pg = &dp->page;

		if (p > 0) {
			fputc('\n', fp);
			dump_repeat("═", rule, fp);
			fputs("\n\n", fp);
		}
		first = 1;
		if (pg->banner.nblocks > 0) {
			dump_story_lines(ls, pg, &pg->banner, NULL, 0, width,
			    flags, fp);
			first = 0;
		}
		for (s = 0; s < pg->nstories; s++) {
			const struct stat_hit *hits = dump_story_hits(dp, s,
			    &nhits);

			if (!first) {
				fputc('\n', fp);
				dump_repeat("─", rule, fp);
				fputs("\n\n", fp);
			}
			first = 0;
			dump_story_lines(ls, pg, &pg->stories[s], hits, nhits,
			    width, flags, fp);
		}
	}
	layout_scratch_free(ls);
}

/* Bytes of a character of the CJK blocks in UTF-8 (U+3000 … U+FFEF):
   the marks dump_story_title looks for. */
#define DUMP_CJK_LEN	(sizeof("\u3000") - 1)

/* Make a title for a story. */
char *
dump_story_title(const struct page *pg, const struct story *st)
{
	const struct block	*b = page_story_headline(st);
	char			*s, *p;
	size_t			 len, i, from = 0;

	for (i = 0; b == NULL && i < st->nblocks; i++)
		if (st->blocks[i].kind == BLOCK_LEAD ||
		    st->blocks[i].kind == BLOCK_PARAGRAPH)
			b = &st->blocks[i];
	if (b == NULL && st->nblocks > 0)
		b = &st->blocks[0];
	if (b == NULL)
		return xstrdup("(untitled)");
	s = page_block_join(pg, b, &len, NULL);
	if (b->kind == BLOCK_HEADLINE)
		return s;
	/* A borrowed title: the first sentence, after the dateline; whole,
	   never cut (the panels that show it cut it to their width). */
	if (st->dateline.end > st->dateline.start &&
	    &st->blocks[st->dateline_block] == b && st->dateline.end <= len)
		from = st->dateline.end;
	while (from < len && (s[from] == ' ' || (from + DUMP_CJK_LEN <= len &&
	    memcmp(s + from, "\u3000", DUMP_CJK_LEN) == 0)))
		from += s[from] == ' ' ? 1 : DUMP_CJK_LEN;
	for (p = s + from; *p != '\0'; p++)
		if (*p == '!' || *p == '?' || memcmp(p, "。", DUMP_CJK_LEN) ==
		    0 || memcmp(p, "！", DUMP_CJK_LEN) == 0 ||
		    memcmp(p, "？", DUMP_CJK_LEN) == 0) {
			p += *p == '!' || *p == '?' ? 1 : DUMP_CJK_LEN;
			break;
		}
	if (from == len)
		from = 0;
	memmove(s, s + from, (size_t)(p - s) - from);
	s[(size_t)(p - s) - from] = '\0';
	return s;
}

/* A story's title as the text shows it (，not , next to Chinese, unless
   flags has LAYOUT_RAW_PUNCT): its headline, or the sentence
   dump_story_title borrows, shown alike from the block it comes from.
   Malloc'ed; for the outline of the reader and of --toc. */
char *
dump_story_title_shown(const struct page *pg, const struct story *st,
    unsigned flags)
{
	const struct block	*hb;
	char			*raw, *j, *p, *t;
	size_t			 i, len;

	if ((hb = page_story_headline(st)) != NULL)
		return layout_block_text(pg, hb, flags);
	raw = dump_story_title(pg, st);
	for (i = 0; i < st->nblocks && *raw != '\0'; i++) {
		j = page_block_join(pg, &st->blocks[i], &len, NULL);
		p = strstr(j, raw);
		if (p != NULL) {
			t = view_span_text(pg, &st->blocks[i], (size_t)(p - j),
			    (size_t)(p - j) + strlen(raw), 0, 0, flags, NULL,
			    NULL);
			free(j);
			free(raw);
			return t;
		}
		free(j);
	}
	return raw;
}

/* Write the outline: never cut (a story without a headline is named by
   its first sentence), the titles and headings as the text shows them
   (flags as for dump_text). */
void
dump_toc(const struct doc *d, unsigned flags, FILE *fp)
{
	size_t	 p, s, k;
	char	*name, *title;

	for (p = 0; p < d->npages; p++) {
		const struct doc_page	*dp = &d->pages[p];
		const struct page	*pg = &dp->page;

		if (d->npages > 1) {
			name = doc_page_name(d, p);
			fprintf(fp, "%s\n", name);
			free(name);
		}
		for (s = 0; s < pg->nstories; s++) {
			const struct story *st = &pg->stories[s];

			title = dump_story_title_shown(pg, st, flags);
			fprintf(fp, "%zu\t%s\n", dp->first_story + s + 1, title);
			free(title);
			for (k = 0; k < st->nsections; k++) {
				title = layout_block_text(pg,
				    &st->blocks[st->sections[k].heading], flags);
				fprintf(fp, "%zu.%zu\t%s\n", dp->first_story + s +
				    1, k + 1, title);
				free(title);
			}
		}
	}
}

/* Write bytes with tabs and newlines made spaces (TSV cells). */
static void
dump_tsv_cell(const char *s, size_t n, FILE *fp)
{
	size_t i;

	for (i = 0; i < n; i++)
		fputc(s[i] == '\t' || s[i] == '\n' ? ' ' : s[i], fp);
}

/* Write the statistics as TSV. */
void
dump_stats(const struct doc *d, FILE *fp)
{
	size_t	 p, i, len;
	char	*s;
	int	 cur_story = -1;
	size_t	 cur_block = 0;

	fputs("story\tsection\ttext\tvalue\tunit\tkind\tcontext\n", fp);
	for (p = 0; p < d->npages; p++) {
		const struct doc_page	*dp = &d->pages[p];
		const struct page	*pg = &dp->page;

		s = NULL;
		cur_story = -1;
		for (i = 0; i < dp->stats.n; i++) {
			const struct stat_hit	*h = &dp->stats.hits[i];
			const struct story	*st = &pg->stories[h->story];
			const struct block	*b = &st->blocks[h->block];

			if (s == NULL || cur_story != (int)h->story ||
			    cur_block != h->block) {
				free(s);
				s = page_block_join(pg, b, &len, NULL);
				cur_story = (int)h->story;
				cur_block = h->block;
			}
			fprintf(fp, "%zu\t", dp->first_story + h->story + 1);
			if (b->section >= 0)
				fprintf(fp, "%d", b->section + 1);
			fputc('\t', fp);
			dump_tsv_cell(s + h->start, h->end - h->start, fp);
			fprintf(fp, "\t%s\t%s\t%s\t", stats_hit_norm(&dp->stats, h),
			    stats_hit_unit(h),
			    stats_kind_name(h->kind));
			dump_tsv_cell(s + h->ctx_start, h->ctx_end - h->ctx_start,
			    fp);
			fputc('\n', fp);
		}
		free(s);
	}
}

/* ---- JSON ------------------------------------------------------------ */

/* Write n bytes as a JSON string. */
static void
dump_json_str(const char *s, size_t n, FILE *fp)
{
	size_t i;

	fputc('"', fp);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20 || c == 0x7f)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

/* Write a NUL-terminated string as JSON. */
static void
dump_json_cstr(const char *s, FILE *fp)
{
	dump_json_str(s, strlen(s), fp);
}

/* Write a source range with all white space removed (names). */
static void
dump_json_name(const struct page *pg, struct range r, FILE *fp)
{
	const char	*buf = pg->text->buf;
	char		*s = xmalloc(r.end - r.start + 1);
	size_t		 i, n = 0;

	for (i = r.start; i < r.end; i++) {
		if (buf[i] == ' ')
			continue;
		/* U+3000 IDEOGRAPHIC SPACE */
		if (i + 2 < r.end && memcmp(buf + i, "\xe3\x80\x80",
		    strlen("\xe3\x80\x80")) == 0) {
			i += strlen("\xe3\x80\x80") - 1;
			continue;
		}
		s[n++] = buf[i];
	}
	dump_json_str(s, n, fp);
	free(s);
}

/* Write a block's source line ranges: [[first,last],...]. */
static void
dump_json_lines(const struct page *pg, const struct block *b, FILE *fp)
{
	size_t	 i, a, z, pa = 0, pz = 0;
	int	 open = 0;

	fputc('[', fp);
	for (i = 0; i < b->npieces; i++) {
		const struct range *r = &b->pieces[i];

		a = text_line_of(pg->text, r->start);
		z = text_line_of(pg->text, r->end > r->start ? r->end - 1 :
		    r->start);
		if (open && (a == pz || a == pz + 1) && a >= pa) {
			if (z > pz)
				pz = z;
			continue;
		}
		if (open)
			fprintf(fp, "[%zu,%zu],", pa, pz);
		pa = a;
		pz = z;
		open = 1;
	}
	if (open)
		fprintf(fp, "[%zu,%zu]", pa, pz);
	fputc(']', fp);
}

/* Write a block's joined text as a JSON string. */
static void
dump_json_block_text(const struct page *pg, const struct block *b, FILE *fp)
{
	size_t	 len;
	char	*s = page_block_join(pg, b, &len, NULL);

	dump_json_str(s, len, fp);
	free(s);
}

/* Write a block as a JSON object. */
static void
dump_json_block(const struct page *pg, const struct block *b, FILE *fp)
{
	fprintf(fp, "{\"type\":\"%s\",", page_kind_name(b->kind));
	if (b->kind != BLOCK_BANNER)
		b->section >= 0 ? fprintf(fp, "\"section\":%d,", b->section + 1) :
		    fputs("\"section\":null,", fp);
	fputs("\"text\":", fp);
	dump_json_block_text(pg, b, fp);
	fputs(",\"lines\":", fp);
	dump_json_lines(pg, b, fp);
	fputc('}', fp);
}

/* Write a number the way JSON wants it. */
static void
dump_json_num(double v, FILE *fp)
{
	/* (in range first: casting 1e20 or NaN is undefined) */
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		fprintf(fp, "%lld", (long long)v);
	else
		fprintf(fp, "%.17g", v);
}

/* Write the blocks of one kind as a JSON array of strings. */
static void
dump_json_kind(const struct page *pg, const struct story *st,
    enum block_kind kind, FILE *fp)
{
	size_t	 i;
	int	 n = 0;

	fputc('[', fp);
	for (i = 0; i < st->nblocks; i++) {
		if (st->blocks[i].kind != kind)
			continue;
		if (n++ > 0)
			fputc(',', fp);
		dump_json_block_text(pg, &st->blocks[i], fp);
	}
	fputc(']', fp);
}

/* Write one story. */
static void
dump_json_story(const struct doc_page *dp, size_t s, FILE *fp)
{
	const struct page	*pg = &dp->page;
	const struct story	*st = &pg->stories[s];
	const struct block	*hb = page_story_headline(st);
	const struct stat_hit	*hits;
	size_t			 nhits, i, k, len;
	char			*t;

	fprintf(fp, "{\"number\":%zu,\"headline\":", dp->first_story + s + 1);
	if (hb != NULL)
		dump_json_block_text(pg, hb, fp);
	else
		fputs("null", fp);
	fputs(",\"kickers\":", fp);
	dump_json_kind(pg, st, BLOCK_KICKER, fp);
	fputs(",\"subtitles\":", fp);
	dump_json_kind(pg, st, BLOCK_SUBTITLE, fp);
	fputs(",\"bylines\":[", fp);
	for (i = 0; i < st->nbylines; i++) {
		const struct byline *by = &st->bylines[i];

		if (i > 0)
			fputc(',', fp);
		fputs("{\"role\":", fp);
		dump_json_name(pg, by->role, fp);
		fputs(",\"names\":[", fp);
		for (k = 0; k < by->nnames; k++) {
			if (k > 0)
				fputc(',', fp);
			dump_json_name(pg, by->names[k], fp);
		}
		fputs("]}", fp);
	}
	fputs("],\"dateline\":", fp);
	if (st->dateline.end > st->dateline.start &&
	    st->dateline_block < st->nblocks) {
		t = page_block_join(pg, &st->blocks[st->dateline_block], &len,
		    NULL);
		if (st->dateline.end <= len)
			dump_json_str(t + st->dateline.start,
			    st->dateline.end - st->dateline.start, fp);
		else
			fputs("null", fp);
		free(t);
	} else
		fputs("null", fp);
	fputs(",\"sections\":[", fp);
	for (k = 0; k < st->nsections; k++) {
		if (k > 0)
			fputc(',', fp);
		fprintf(fp, "{\"number\":%zu,\"heading\":", k + 1);
		dump_json_block_text(pg, &st->blocks[st->sections[k].heading],
		    fp);
		fprintf(fp, ",\"block\":%zu}", st->sections[k].heading);
	}
	fputs("],\"blocks\":[", fp);
	for (i = 0; i < st->nblocks; i++) {
		if (i > 0)
			fputc(',', fp);
		dump_json_block(pg, &st->blocks[i], fp);
	}
	fputs("],\"statistics\":[", fp);
	hits = dump_story_hits(dp, s, &nhits);
	t = NULL;
	for (i = 0; i < nhits; i++) {
		const struct stat_hit *h = &hits[i];
		double v2 = stats_hit_value2(&dp->stats, h);

		if (i == 0 || h->block != hits[i - 1].block) {
			free(t);
			t = page_block_join(pg, &st->blocks[h->block], &len,
			    NULL);
		}
		if (i > 0)
			fputc(',', fp);
		fputs("{\"text\":", fp);
		dump_json_str(t + h->start, h->end - h->start, fp);
		fputs(",\"value\":", fp);
		dump_json_num(h->value, fp);
		if (v2 != h->value) {
			fputs(",\"value2\":", fp);
			dump_json_num(v2, fp);
		}
		fputs(",\"norm\":", fp);
		dump_json_cstr(stats_hit_norm(&dp->stats, h), fp);
		fputs(",\"unit\":", fp);
		dump_json_cstr(stats_hit_unit(h), fp);
		fputs(",\"unit_norm\":", fp);
		dump_json_cstr(stats_hit_unit_norm(h), fp);
		fprintf(fp, ",\"kind\":\"%s\",\"approx\":%s,\"context\":",
		    stats_kind_name(h->kind),
		    (h->flags & STAT_APPROX) ? "true" : "false");
		dump_json_str(t + h->ctx_start, h->ctx_end - h->ctx_start, fp);
		fprintf(fp, ",\"block\":%zu}", (size_t)h->block);
	}
	free(t);
	fputs("]}", fp);
}

/* Write the whole structure as JSON. */
void
dump_json(const struct doc *d, FILE *fp)
{
	size_t	 p, s, i;
	char	*name;

	fprintf(fp, "{\"dubao\":\"" DUBAO_VERSION "\",\"script\":\"%s\","
	    "\"pages\":[", script_name(d->script));
	for (p = 0; p < d->npages; p++) {
		const struct doc_page	*dp = &d->pages[p];
		const struct page	*pg = &dp->page;
		const struct page_extra	*x = pg->extra;	/* NULL: none */
		const struct text	*t = pg->text;

		if (p > 0)
			fputc(',', fp);
		fputs("\n{\"source\":", fp);
		name = safe_name(d->files[dp->file].path);
		dump_json_cstr(name, fp);
		free(name);
		fputs(",\"name\":", fp);
		name = doc_page_name(d, p);
		dump_json_cstr(name, fp);
		free(name);
		fprintf(fp, ",\"page\":%zu,\"encoding\":", pg->number);
		dump_json_cstr(t->encoding, fp);
		/* the OpenCC configuration the text was converted with */
		fputs(",\"opencc\":", fp);
		if (d->files[dp->file].conv != NULL &&
		    pg->number - 1 < d->files[dp->file].conv->source.npages &&
		    d->files[dp->file].conv->configs[pg->number - 1] != NULL)
			dump_json_cstr(d->files[dp->file].conv->configs[
			    pg->number - 1], fp);
		else
			fputs("null", fp);
		fprintf(fp, ",\"lines\":[%zu,%zu]", text_line_of(t,
		    pg->span.start), text_line_of(t, pg->span.end > pg->span.start ?
		    pg->span.end - 1 : pg->span.start));
		fputs(",\"banner\":", fp);
		if (pg->banner.nblocks == 0)
			fputs("null", fp);
		else {
			fputs("{\"title\":", fp);
			dump_json_block_text(pg, &pg->banner.blocks[0], fp);
			fputs(",\"lines\":[", fp);
			for (i = 1; i < pg->banner.nblocks; i++) {
				if (i > 1)
					fputc(',', fp);
				dump_json_block_text(pg, &pg->banner.blocks[i],
				    fp);
			}
			fputs("]}", fp);
		}
		fputs(",\"contents\":[", fp);
		for (i = 0; x != NULL && i < x->ncontents; i++) {
			if (i > 0)
				fputc(',', fp);
			dump_json_block_text(pg,
			    &pg->banner.blocks[x->contents_first + i], fp);
		}
		fputs("],\"boilerplate\":[", fp);
		for (i = 0; x != NULL && i < x->dropped.nblocks; i++) {
			if (i > 0)
				fputc(',', fp);
			dump_json_block_text(pg, &x->dropped.blocks[i], fp);
		}
		fputs("],\"stories\":[", fp);
		for (s = 0; s < pg->nstories; s++) {
			if (s > 0)
				fputc(',', fp);
			fputc('\n', fp);
			dump_json_story(dp, s, fp);
		}
		fputs("]}", fp);
	}
	fputs("\n]}\n", fp);
}
