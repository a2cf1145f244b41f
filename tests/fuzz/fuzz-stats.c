/*
 * fuzz-stats: stats_scan on arbitrary valid UTF-8 (the input itself when
 * it is valid, else its bytes with every invalid one made '?') and on
 * the decoded text; stats_page on each parsed page.  Every hit must lie
 * inside its text: ctx_start <= start < end <= ctx_end <= len, on
 * character boundaries, with NUL-terminated norm and unit.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "page.h"
#include "parse.h"
#include "stats.h"
#include "text.h"


/* Check hit h against the text s (len bytes) it was found in. */
static void
fuzz_hit(const struct stat_list *l, const struct stat_hit *h, const char *s,
    size_t len)
{
	FUZZ_CHECK(h->start < h->end && h->end <= len,
	    "hit [%u,%u) of %zu", h->start, h->end, len);
	FUZZ_CHECK(h->ctx_start <= h->start && h->end <= h->ctx_end &&
	    h->ctx_end <= len, "context [%u,%u) of hit [%u,%u), len %zu",
	    h->ctx_start, h->ctx_end, h->start, h->end, len);
	FUZZ_CHECK(fuzz_boundary(s, len, h->start) &&
	    fuzz_boundary(s, len, h->end) &&
	    fuzz_boundary(s, len, h->ctx_start) &&
	    fuzz_boundary(s, len, h->ctx_end),
	    "hit [%u,%u) ctx [%u,%u) splits a character", h->start,
	    h->end, h->ctx_start, h->ctx_end);
	FUZZ_CHECK((unsigned)h->kind < STAT__COUNT, "kind %d", (int)h->kind);
	FUZZ_CHECK(stats_kind_name(h->kind) != NULL, "kind name");
	FUZZ_CHECK(h->norm < l->nnorms &&
	    strnlen(stats_hit_norm(l, h), 32) < 32, "norm not terminated");
	FUZZ_CHECK(u8_check((const uint8_t *)stats_hit_norm(l, h),
	    strlen(stats_hit_norm(l, h))) == NULL, "norm invalid UTF-8");
	FUZZ_CHECK(u8_check((const uint8_t *)stats_hit_unit(h),
	    strlen(stats_hit_unit(h))) == NULL, "unit invalid UTF-8");
	FUZZ_CHECK((h->flags & ~(unsigned)(STAT_APPROX | STAT_CHINESE)) == 0,
	    "flags %#x", h->flags);
	/* a range's high end (kept after its norm) is above its low end;
	   any other hit's is its value */
	FUZZ_CHECK(h->kind == STAT_RANGE ?
	    stats_hit_value2(l, h) > h->value :
	    stats_hit_value2(l, h) == h->value || h->value != h->value,
	    "value %g, value2 %g", h->value, stats_hit_value2(l, h));
}

/* Scan s and check every hit. */
static void
fuzz_scan(const char *s, size_t len)
{
	struct stat_list l;
	size_t		 i;

	memset(&l, 0, sizeof l);
	stats_scan(s, len, 7, 3, &l);
	FUZZ_CHECK(l.n <= l.cap, "n %zu cap %zu", l.n, l.cap);
	for (i = 0; i < l.n; i++) {
		FUZZ_CHECK(l.hits[i].story == 7 && l.hits[i].block == 3,
		    "story/block not copied");
		fuzz_hit(&l, &l.hits[i], s, len);
		if (i > 0)
			FUZZ_CHECK(l.hits[i - 1].start <= l.hits[i].start,
			    "hits out of order");
	}
	stats_list_free(&l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text	 t;
	struct page	 pg;
	struct stat_list l;
	const char	*cause = NULL;
	char		*s, *j;
	size_t		 i, k, len, jlen;
	int		 ml;
	ucs4_t		 c;

	/* Valid UTF-8 made from the raw bytes. */
	s = malloc(size + 1);
	for (i = 0, len = 0; i < size; ) {
		ml = u8_mbtouc(&c, data + i, size - i);
		if (c == 0xfffd && !(size - i >= 3 && data[i] == 0xef &&
		    data[i + 1] == 0xbf && data[i + 2] == 0xbd)) {
			s[len++] = '?';
			i += (size_t)ml;
			continue;
		}
		memcpy(s + len, data + i, (size_t)ml);
		len += (size_t)ml;
		i += (size_t)ml;
	}
	FUZZ_CHECK(u8_check((uint8_t *)s, len) == NULL, "harness: bad UTF-8");
	s[len] = '\0';
	fuzz_scan(s, len);
	free(s);

	memset(&t, 0, sizeof t);
	if (text_from_bytes(&t, (const char *)data, size, &cause) != 0)
		return 0;
	fuzz_scan(t.buf, t.len);
	for (i = 0; i < t.npages; i++) {
		memset(&pg, 0, sizeof pg);
		memset(&l, 0, sizeof l);
		parse_page(&pg, &t, t.pages[i]);
		stats_page(&pg, &l);
		for (k = 0; k < l.n; k++) {
			const struct stat_hit *h = &l.hits[k];
			const struct story *st;

			FUZZ_CHECK(h->story < pg.nstories, "story %u of %zu",
			    h->story, pg.nstories);
			st = &pg.stories[h->story];
			FUZZ_CHECK(h->block < st->nblocks, "block %u of %zu",
			    h->block, st->nblocks);
			j = page_block_join(&pg, &st->blocks[h->block], &jlen,
			    NULL);
			fuzz_hit(&l, h, j, jlen);
			free(j);
			if (k > 0)
				FUZZ_CHECK(l.hits[k - 1].story < h->story ||
				    (l.hits[k - 1].story == h->story &&
				    (l.hits[k - 1].block < h->block ||
				    (l.hits[k - 1].block == h->block &&
				    l.hits[k - 1].start <= h->start))),
				    "page hits out of reading order");
		}
		stats_list_free(&l);
		page_free(&pg);
	}
	text_free(&t);
	return 0;
}
