/*
 * stats: the quantities of a page (949次, 11678人次, 30余年, 2021年10月,
 * 2022—2024 ...) with their unit or measure word, kind and context.
 * Works on the joined text of each block; results are plain data.
 */
#ifndef DUBAO_STATS_H
#define DUBAO_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

enum stat_kind {
	STAT_COUNT,		/* a number with a measure word: 25家, 949次 */
	STAT_MEASURE,		/* a physical measure: 2米, 500G, 3.5公里 */
	STAT_PERCENT,		/* 30%, 百分之三十 */
	STAT_MONEY,		/* 5万元, ¥100 */
	STAT_DATE,		/* 2021年10月, 3月10日 */
	STAT_TIME,		/* 7月10日下午5点, 8:30 */
	STAT_YEAR,		/* a bare year: 2018年 */
	STAT_DURATION,		/* 30余年, 3个月 */
	STAT_RANGE,		/* 2022—2024, 5～10米 */
	STAT__COUNT
};

#define STAT_APPROX	0x1	/* 余 多 来 约 近 超 逾 左右 许: an
				   approximate value */
#define STAT_CHINESE	0x2	/* written in Chinese numerals */

/* Offsets and indices are 32-bit: stats_scan reads at most the first
   UINT32_MAX bytes of a text (4 GiB). */
struct stat_hit {
	uint32_t	 story;		/* story index in the page */
	uint32_t	 block;		/* block index in the story */
	uint32_t	 start, end;	/* joined offsets of the hit in the
					   block: the number with its prefix
					   (约 近 ¥ 百分之 下午), approximation
					   word and unit */
	uint32_t	 ctx_start, ctx_end; /* joined offsets of the clause */
	uint32_t	 norm;		/* the normalised value, an offset into
					   the list's norms: use stats_hit_norm().
					   The number in digits, no separators,
					   multiplier applied ("11678",
					   "35000", "3.5", "30" for 30%);
					   "A..B" for a range; dates "2021",
					   "2021-10", "2021-10-05", "03-10"
					   (month-day), "--03" (month),
					   "---05" (day); a clock "08:30",
					   after a date "07-10 17:00" */
	uint16_t	 unit;		/* the unit or measure word, an index:
					   use stats_hit_unit() (人次, 家, %, ‰, 元
					   also for ¥ and 万元, "" when none:
					   dates, 2022—2024) */
	uint8_t		 kind;		/* enum stat_kind */
	uint8_t		 flags;		/* STAT_APPROX, STAT_CHINESE */
	double		 value;		/* numeric value, 万/亿 applied (low
					   end of a range; for dates and times
					   the year, else the month, else the
					   day; for a bare clock the hour); the
					   high end of a range: use
					   stats_hit_value2() */
};

struct stat_list {
	struct stat_hit	*hits;
	size_t		 n;
	size_t		 cap;
	char		*norms;		/* the hits' norm strings, one after
					   the other, each NUL-terminated; after
					   a range's, the bytes of its high end
					   (a double: a range is rare, and the
					   hit stays 40 bytes) */
	size_t		 nnorms;	/* bytes used in norms */
	size_t		 cnorms;	/* bytes allocated for norms */
};

/* Append the statistics of every story of pg (not the banner) to list,
   in reading order. */
void	 stats_page(const struct page *pg, struct stat_list *list);
/* Append the statistics of one joined block text (s, len).  story and
   block are copied into each hit. */
void	 stats_scan(const char *s, size_t len, size_t story, size_t block,
	    struct stat_list *list);
void	 stats_list_free(struct stat_list *);
/* The unit or measure word of h as written (UTF-8, "" when none). */
const char *stats_hit_unit(const struct stat_hit *h);
/* Its Simplified form (个 for 個, 万元 stays 元): what groups hits of
   both scripts together. */
const char *stats_hit_unit_norm(const struct stat_hit *h);
/* The normalised value of h, a hit of list l. */
const char *stats_hit_norm(const struct stat_list *l,
	    const struct stat_hit *h);
/* The high end of a range hit of list l; the value of any other hit. */
double	 stats_hit_value2(const struct stat_list *l, const struct stat_hit *h);
/* "count", "date", ... as printed by --stats and --json. */
const char *stats_kind_name(enum stat_kind);

#endif
