/* Unit tests of stats: every kind of quantity, the non-statistics, the
   clause of a hit, odd input, stats_page offsets and the seed article. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "page.h"
#include "stats.h"
#include "text.h"
#include "test-seed.h"
#include "xmalloc.h"

/* ---- helpers ---------------------------------------------------------- */

/* Scan the whole of s as one block into a fresh list. */
static void
scan(const char *s, struct stat_list *l)
{
	memset(l, 0, sizeof(*l));
	stats_scan(s, strlen(s), 0, 0, l);
}

/* Whether hit h of text s reads want. */
static int
hit_is(const char *s, const struct stat_hit *h, const char *want)
{
	return h->end - h->start == strlen(want) &&
	    memcmp(s + h->start, want, h->end - h->start) == 0;
}

/* Print the hits of s, to read a failure. */
static void
dump_hits(const char *s, const struct stat_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		print_message("  hit %zu: \"%.*s\" %s norm=%s unit=%s flags=%u\n",
		    i, (int)(l->hits[i].end - l->hits[i].start),
		    s + l->hits[i].start, stats_kind_name(l->hits[i].kind),
		    stats_hit_norm(l, &l->hits[i]), stats_hit_unit(&l->hits[i]),
		    l->hits[i].flags);
}

/* The hit of s reading text, or fail. */
static const struct stat_hit *
find(const char *s, const struct stat_list *l, const char *text)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (hit_is(s, &l->hits[i], text))
			return &l->hits[i];
	print_message("no hit \"%s\" in \"%s\"\n", text, s);
	dump_hits(s, l);
	fail();
	return NULL;
}

/* Assert that s yields exactly the hits of want (NULL-terminated), in
   order. */
static void
expect_hits(const char *s, const char *const *want)
{
	struct stat_list l;
	size_t		 n = 0, i;

	scan(s, &l);
	while (want[n] != NULL)
		n++;
	if (l.n != n) {
		print_message("\"%s\": %zu hits, want %zu\n", s, l.n, n);
		dump_hits(s, &l);
	}
	assert_int_equal(l.n, n);
	for (i = 0; i < n; i++) {
		if (!hit_is(s, &l.hits[i], want[i]))
			dump_hits(s, &l);
		assert_true(hit_is(s, &l.hits[i], want[i]));
	}
	stats_list_free(&l);
}

/* Assert that s yields no hit at all. */
static void
expect_none(const char *s)
{
	static const char *const none[] = { NULL };

	expect_hits(s, none);
}

/* Assert one hit of s: its text, kind, norm, unit and flags. */
static void
expect_one(const char *s, const char *text, enum stat_kind kind,
    const char *norm, const char *unit, unsigned flags)
{
	struct stat_list	 l;
	const struct stat_hit	*h;

	scan(s, &l);
	h = find(s, &l, text);
	if (h->kind != kind || strcmp(stats_hit_norm(&l, h), norm) != 0 ||
	    strcmp(stats_hit_unit(h), unit) != 0 || h->flags != flags) {
		print_message("\"%s\": want %s norm=%s unit=%s flags=%u\n", s,
		    stats_kind_name(kind), norm, unit, flags);
		dump_hits(s, &l);
	}
	assert_int_equal(h->kind, kind);
	assert_string_equal(stats_hit_norm(&l, h), norm);
	assert_string_equal(stats_hit_unit(h), unit);
	assert_int_equal(h->flags, flags);
	stats_list_free(&l);
}

/* Read a whole file into a NUL-terminated buffer. */
static char *
slurp(const char *path, size_t *n)
{
	FILE	*fp;
	char	*buf = NULL;
	size_t	 cap = 0, len = 0, r;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (cap - len < 4096)
			buf = xrealloc(buf, cap = cap * 2 + 4096);
		r = fread(buf + len, 1, cap - len - 1, fp);
		len += r;
	} while (r > 0);
	fclose(fp);
	buf[len] = '\0';
	*n = len;
	return buf;
}

/* Open the seed from the top directory or from build/tests. */
static char *
seed(size_t *n)
{
	char	*buf;

	if ((buf = slurp(TEST_SEED, n)) == NULL &&
	    (buf = slurp("../../" TEST_SEED, n)) == NULL)
		buf = slurp("../../../" TEST_SEED, n);
	assert_non_null(buf);
	return buf;
}

/* ---- kinds ------------------------------------------------------------ */

/* Counts with measure words; the longest measure word wins. */
static void
test_counts(void **state)
{
	expect_one("捕回2名罪犯", "2名", STAT_COUNT, "2", "名", 0);
	expect_one("会诊949次", "949次", STAT_COUNT, "949", "次", 0);
	expect_one("就诊11678人次", "11678人次", STAT_COUNT, "11678", "人次",
	    0);
	expect_one("活动20余场次", "20余场次", STAT_COUNT, "20", "场次",
	    STAT_APPROX);
	expect_one("赠送500G资源", "500G", STAT_MEASURE, "500", "G", 0);
	expect_one("近2米高", "近2米", STAT_MEASURE, "2", "米", STAT_APPROX);
	expect_one("长3.5公里", "3.5公里", STAT_MEASURE, "3.5", "公里", 0);
	expect_one("3个部门", "3个部门", STAT_COUNT, "3", "个部门", 0);
	expect_one("5千米", "5千米", STAT_MEASURE, "5", "千米", 0);
	expect_one("容量500GB", "500GB", STAT_MEASURE, "500", "GB", 0);
	expect_one("在逃30余年", "30余年", STAT_DURATION, "30", "年",
	    STAT_APPROX);
	expect_one("用了3个多月", "3个多月", STAT_DURATION, "3", "个月",
	    STAT_APPROX);
	expect_one("3年多", "3年多", STAT_DURATION, "3", "年", STAT_APPROX);
	expect_one("提出3点意见", "3点", STAT_COUNT, "3", "点", 0);
}

/* Full-width digits, decimals, thousands separators, 万 and 亿. */
static void
test_numbers(void **state)
{
	expect_one("全市３．５万人参加", "３．５万人", STAT_COUNT, "35000",
	    "人", 0);
	expect_one("共有3.5万人", "3.5万人", STAT_COUNT, "35000", "人", 0);
	expect_one("共１２份", "１２份", STAT_COUNT, "12", "份", 0);
	expect_one("就诊11,678人次", "11,678人次", STAT_COUNT, "11678",
	    "人次", 0);
	expect_one("投资1,234,567元", "1,234,567元", STAT_MONEY, "1234567",
	    "元", 0);
	expect_one("3万多人", "3万多人", STAT_COUNT, "30000", "人",
	    STAT_APPROX);
	expect_one("30余万人", "30余万人", STAT_COUNT, "300000", "人",
	    STAT_APPROX);
	expect_one("人口14亿", "14亿", STAT_COUNT, "1400000000", "", 0);
	expect_one("0.5吨", "0.5吨", STAT_MEASURE, "0.5", "吨", 0);
	expect_one("2.5万千瓦", "2.5万千瓦", STAT_MEASURE, "25000", "千瓦",
	    0);
	/* a comma that is not a thousands separator ends the clause */
	expect_one("分别为12,34人", "34人", STAT_COUNT, "34", "人", 0);
}

/* Percentages, in digits and in words. */
static void
test_percent(void **state)
{
	expect_one("增长30%", "30%", STAT_PERCENT, "30", "%", 0);
	expect_one("增长３０％", "３０％", STAT_PERCENT, "30", "%", 0);
	expect_one("占12.5%", "12.5%", STAT_PERCENT, "12.5", "%", 0);
	expect_one("百分之三十", "百分之三十", STAT_PERCENT, "30", "%",
	    STAT_CHINESE);
	expect_one("百分之三点五", "百分之三点五", STAT_PERCENT, "3.5", "%",
	    STAT_CHINESE);
	expect_one("百分之百", "百分之百", STAT_PERCENT, "100", "%",
	    STAT_CHINESE);
	expect_one("千分之五", "千分之五", STAT_PERCENT, "5", "‰",
	    STAT_CHINESE);
	expect_one("提高3个百分点", "3个百分点", STAT_PERCENT, "3", "百分点",
	    0);
	expect_one("节约30%", "30%", STAT_PERCENT, "30", "%", 0);
}

/* Money: 元 万元 亿元 美元, ¥ and ￥. */
static void
test_money(void **state)
{
	expect_one("花了100元", "100元", STAT_MONEY, "100", "元", 0);
	expect_one("投资5万元", "5万元", STAT_MONEY, "50000", "元", 0);
	expect_one("投资1.2亿元", "1.2亿元", STAT_MONEY, "120000000", "元",
	    0);
	expect_one("约5万美元", "约5万美元", STAT_MONEY, "50000", "美元",
	    STAT_APPROX);
	expect_one("售价¥100", "¥100", STAT_MONEY, "100", "元", 0);
	expect_one("售价￥2,500元", "￥2,500元", STAT_MONEY, "2500", "元", 0);
	expect_one("三万元", "三万元", STAT_MONEY, "30000", "元",
	    STAT_CHINESE);
}

/* Ranges: dashes, tildes, hyphens, 至; units and multipliers. */
static void
test_ranges(void **state)
{
	struct stat_list	 l;
	const struct stat_hit	*h;
	const char		*s = "行动计划(2022—2024)";

	scan(s, &l);
	assert_int_equal(l.n, 1);
	h = find(s, &l, "2022—2024");
	assert_int_equal(h->kind, STAT_RANGE);
	assert_string_equal(stats_hit_norm(&l, h), "2022..2024");
	assert_true(h->value == 2022 && stats_hit_value2(&l, h) == 2024);
	stats_list_free(&l);
	/* The high end is kept after the range's norm: the hits after it
	   keep their own norms, and a plain hit's value2 is its value. */
	s = "约5～10万人参加，共12家单位，3—5万元，2022—2024年";
	scan(s, &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(stats_hit_norm(&l, &l.hits[0]), "50000..100000");
	assert_true(stats_hit_value2(&l, &l.hits[0]) == 100000);
	assert_string_equal(stats_hit_norm(&l, &l.hits[1]), "12");
	assert_true(stats_hit_value2(&l, &l.hits[1]) == 12);
	assert_string_equal(stats_hit_norm(&l, &l.hits[2]), "30000..50000");
	assert_true(stats_hit_value2(&l, &l.hits[2]) == 50000);
	assert_true(l.hits[2].value == 30000);
	assert_string_equal(stats_hit_norm(&l, &l.hits[3]), "2022..2024");
	assert_true(stats_hit_value2(&l, &l.hits[3]) == 2024);
	stats_list_free(&l);
	expect_one("高5～10米", "5～10米", STAT_RANGE, "5..10", "米", 0);
	expect_one("每组5-10", "5-10", STAT_RANGE, "5..10", "", 0);
	expect_one("每组5~10人", "5~10人", STAT_RANGE, "5..10", "人", 0);
	expect_one("3—5万元", "3—5万元", STAT_RANGE, "30000..50000", "元", 0);
	expect_one("10%—20%", "10%—20%", STAT_RANGE, "10..20", "%", 0);
	expect_one("3至5天", "3至5天", STAT_RANGE, "3..5", "天", 0);
	expect_one("2022——2024", "2022——2024", STAT_RANGE, "2022..2024", "",
	    0);
	/* not ranges: falling, phone numbers, unitless 至 */
	expect_none("比分10-5");
	expect_none("电话0571-88888888");
	expect_none("从3至5");
	expect_none("5-3人");
}

/* Dates, years and times. */
static void
test_dates(void **state)
{
	expect_one("2021年省金华监狱", "2021年", STAT_YEAR, "2021", "", 0);
	expect_one("2021年以来", "2021年", STAT_YEAR, "2021", "", 0);
	expect_one("2021年10月,该监", "2021年10月", STAT_DATE, "2021-10", "",
	    0);
	expect_one("2021年10月5日", "2021年10月5日", STAT_DATE, "2021-10-05",
	    "", 0);
	expect_one("今年3月10日", "3月10日", STAT_DATE, "03-10", "", 0);
	expect_one("3月起", "3月", STAT_DATE, "--03", "", 0);
	expect_one("10日上午", "10日", STAT_DATE, "---10", "", 0);
	expect_one("7月10日下午5点,途经", "7月10日下午5点", STAT_TIME,
	    "07-10 17:00", "", 0);
	expect_one("8:30开会", "8:30", STAT_TIME, "08:30", "", 0);
	expect_one("８：３０开会", "８：３０", STAT_TIME, "08:30", "", 0);
	expect_one("14时30分", "14时30分", STAT_TIME, "14:30", "", 0);
	expect_one("10时许", "10时许", STAT_TIME, "10:00", "", STAT_APPROX);
	expect_one("下午3点", "下午3点", STAT_TIME, "15:00", "", 0);
	expect_one("5点半", "5点半", STAT_TIME, "05:30", "", 0);
	expect_one("2021-10-05", "2021-10-05", STAT_DATE, "2021-10-05", "", 0);
	expect_one("2021.10.05", "2021.10.05", STAT_DATE, "2021-10-05", "", 0);
	expect_one("2021/10/5", "2021/10/5", STAT_DATE, "2021-10-05", "", 0);
	expect_one("二〇二一年", "二〇二一年", STAT_YEAR, "2021", "",
	    STAT_CHINESE);
	expect_one("十月一日", "十月一日", STAT_DATE, "10-01", "",
	    STAT_CHINESE);
	/* durations, not dates */
	expect_one("近2000年", "近2000年", STAT_DURATION, "2000", "年",
	    STAT_APPROX);
	expect_one("2000多年", "2000多年", STAT_DURATION, "2000", "年",
	    STAT_APPROX);
	expect_one("近30日", "近30日", STAT_DURATION, "30", "日",
	    STAT_APPROX);
	expect_one("100年", "100年", STAT_DURATION, "100", "年", 0);
	expect_none("13月");
	expect_none("3年级");
	expect_none("80年代");
	expect_none("比分3:2");
}

/* Chinese numerals: value >= 2 or a 十 form, with a measure word. */
static void
test_chinese(void **state)
{
	expect_one("三名", "三名", STAT_COUNT, "3", "名", STAT_CHINESE);
	expect_one("两家", "两家", STAT_COUNT, "2", "家", STAT_CHINESE);
	expect_one("十余次", "十余次", STAT_COUNT, "10", "次",
	    STAT_CHINESE | STAT_APPROX);
	expect_one("二十多人", "二十多人", STAT_COUNT, "20", "人",
	    STAT_CHINESE | STAT_APPROX);
	expect_one("一百零五人", "一百零五人", STAT_COUNT, "105", "人",
	    STAT_CHINESE);
	expect_one("一百五十人", "一百五十人", STAT_COUNT, "150", "人",
	    STAT_CHINESE);
	expect_one("一百五人", "一百五人", STAT_COUNT, "150", "人",
	    STAT_CHINESE);
	expect_one("两万三千人", "两万三千人", STAT_COUNT, "23000", "人",
	    STAT_CHINESE);
	expect_one("三亿五千万元", "三亿五千万元", STAT_MONEY, "350000000",
	    "元", STAT_CHINESE);
	expect_one("百余人", "百余人", STAT_COUNT, "100", "人",
	    STAT_CHINESE | STAT_APPROX);
	expect_one("约两万人", "约两万人", STAT_COUNT, "20000", "人",
	    STAT_CHINESE | STAT_APPROX);
	expect_one("三年行动计划", "三年", STAT_DURATION, "3", "年",
	    STAT_CHINESE);
	expect_one("三个月", "三个月", STAT_DURATION, "3", "个月",
	    STAT_CHINESE);
	/* not statistics: one, ordinals, names, idioms, lone 万 */
	expect_none("一个新举措");
	expect_none("一名落水儿童");
	expect_none("一次参加");
	expect_none("省第二女子监狱");
	expect_none("第三监狱");
	expect_none("四监区辅警");
	expect_none("一监区");
	expect_none("一技之长");
	expect_none("一站式");
	expect_none("一对一");
	expect_none("一起");
	expect_none("一些");
	expect_none("一直");
	expect_none("三四个人");
	expect_none("十四五规划");
	expect_none("三番五次");
	/* numerals too big for a date or a clock time are neither (and no
	   undefined cast: the sanitizer build checks float-cast-overflow) */
	expect_none("万亿万亿月万亿万亿日");
	/* set phrases (提法), but not when they name a count */
	expect_none("践行三个代表重要思想");
	expect_none("做到两个维护");
	expect_none("增强四个意识、坚定四个自信");
	expect_none("落实八项规定精神");
	expect_none("实现两个一百年奋斗目标");
	expect_none("五位一体总体布局");
	expect_one("三个代表团", "三个", STAT_COUNT, "3", "个", STAT_CHINESE);
	expect_none("千家万户");
	expect_none("万人空巷");
	expect_none("星期三");
	expect_none("初三");
	expect_none("十里坪监狱");
	expect_none("三年级");
	expect_none("二元结构");
	expect_none("四处奔走");
	expect_none("十分方便");
	expect_none("百姓");
	expect_none("十四届全国人大二次会议");
	expect_one("开了两次会", "两次", STAT_COUNT, "2", "次", STAT_CHINESE);
	expect_none("第十二次");
	expect_none("第12次");
}

/* Approximation words before and after the number. */
static void
test_approx(void **state)
{
	expect_one("约300人", "约300人", STAT_COUNT, "300", "人", STAT_APPROX);
	expect_one("大约20公里", "大约20公里", STAT_MEASURE, "20", "公里",
	    STAT_APPROX);
	expect_one("超过500人", "超过500人", STAT_COUNT, "500", "人",
	    STAT_APPROX);
	expect_one("超500人", "超500人", STAT_COUNT, "500", "人", STAT_APPROX);
	expect_one("逾200家", "逾200家", STAT_COUNT, "200", "家", STAT_APPROX);
	expect_one("将近3年", "将近3年", STAT_DURATION, "3", "年", STAT_APPROX);
	expect_one("30人左右", "30人左右", STAT_COUNT, "30", "人",
	    STAT_APPROX);
	expect_one("30多人", "30多人", STAT_COUNT, "30", "人", STAT_APPROX);
	expect_one("三十来岁", "三十来岁", STAT_COUNT, "30", "岁",
	    STAT_APPROX | STAT_CHINESE);
	/* 最近 and 附近 are not approximations */
	expect_one("最近3天", "3天", STAT_DURATION, "3", "天", 0);
	expect_one("附近3公里", "3公里", STAT_MEASURE, "3", "公里", 0);
	/* 3年多次: 多次 is its own word */
	expect_one("3年多次获奖", "3年", STAT_DURATION, "3", "年", 0);
	/* 30余 alone counts nothing */
	expect_none("30余");
}

/* Numbers inside Latin words and codes. */
static void
test_latin(void **state)
{
	expect_none("5G网络");
	expect_none("G60高速");
	expect_none("COVID-19疫情");
	expect_none("No.5人");
	expect_none("3D打印");
	expect_none("版本1.2.3个");
	expect_none("A4纸");
	expect_none("第3次");
	expect_none("身份证号330102199001011234人");
	expect_one("16GB内存", "16GB", STAT_MEASURE, "16", "GB", 0);
	expect_one("8G流量", "8G", STAT_MEASURE, "8", "G", 0);
}

/* ---- clauses, edges, odd input ---------------------------------------- */

/* The clause: after the previous mark to the next, trimmed. */
static void
test_context(void **state)
{
	struct stat_list	 l;
	const struct stat_hit	*h;
	const char		*s;

	s = "据统计，全省 3所监狱和25家单位；　共12份 。又5人";
	scan(s, &l);
	assert_int_equal(l.n, 4);
	h = find(s, &l, "3所");
	assert_memory_equal(s + h->ctx_start, "全省 3所监狱和25家单位",
	    h->ctx_end - h->ctx_start);
	assert_int_equal(h->ctx_end - h->ctx_start,
	    strlen("全省 3所监狱和25家单位"));
	h = find(s, &l, "25家");
	assert_int_equal(h->ctx_start, l.hits[0].ctx_start);
	assert_int_equal(h->ctx_end, l.hits[0].ctx_end);
	h = find(s, &l, "12份");
	/* U+3000 and the space trimmed */
	assert_int_equal(h->ctx_start + strlen("共"), h->start);
	assert_int_equal(h->ctx_end, h->end);
	h = find(s, &l, "5人");
	assert_memory_equal(s + h->ctx_start, "又5人", strlen("又5人"));
	assert_int_equal(h->ctx_end, strlen(s));
	stats_list_free(&l);

	/* ASCII marks, line starts, and a comma inside a number */
	s = "甲,乙3人!丙\n丁1,234元;戊?5家";
	scan(s, &l);
	assert_int_equal(l.n, 3);
	h = find(s, &l, "3人");
	assert_memory_equal(s + h->ctx_start, "乙3人", strlen("乙3人"));
	assert_int_equal(h->ctx_end - h->ctx_start, strlen("乙3人"));
	h = find(s, &l, "1,234元");
	assert_memory_equal(s + h->ctx_start, "丁1,234元", strlen("丁1,234元"));
	assert_int_equal(h->ctx_end - h->ctx_start, strlen("丁1,234元"));
	h = find(s, &l, "5家");
	assert_int_equal(h->ctx_start, h->start);
	assert_int_equal(h->ctx_end, strlen(s));
	stats_list_free(&l);
}

/* Hits at the very start and end of the text; appending to a list. */
static void
test_edges(void **state)
{
	struct stat_list	 l;
	const char		*s = "3人";

	scan(s, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.hits[0].start, 0);
	assert_int_equal(l.hits[0].end, strlen(s));
	assert_int_equal(l.hits[0].ctx_start, 0);
	assert_int_equal(l.hits[0].ctx_end, strlen(s));
	/* a second scan appends, with its own indices and clauses */
	stats_scan("共5家，", strlen("共5家，"), 2, 7, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.hits[0].story, 0);
	assert_int_equal(l.hits[0].ctx_end, strlen(s));
	assert_int_equal(l.hits[1].story, 2);
	assert_int_equal(l.hits[1].block, 7);
	assert_int_equal(l.hits[1].start, 3);
	assert_int_equal(l.hits[1].ctx_start, 0);
	assert_int_equal(l.hits[1].ctx_end, strlen("共5家"));
	stats_list_free(&l);
	assert_null(l.hits);
	assert_int_equal(l.n, 0);

	expect_none("");
	expect_none("5");
	expect_none("共5");
	expect_none("人");
	expect_none("12345");
	expect_none("3.");
	expect_none("3.5");
	expect_none("，。；");
	expect_one("共5人", "5人", STAT_COUNT, "5", "人", 0);
}

/* Strange input: long digit runs, truncated and invalid UTF-8. */
static void
test_odd(void **state)
{
	struct stat_list l;
	size_t		 n = 100 * 1024, i;
	char		*s = xmalloc(n + 8);

	/* 100 KB of digits, alone and followed by a unit */
	memset(s, '7', n);
	s[n] = '\0';
	scan(s, &l);
	assert_int_equal(l.n, 0);
	memcpy(s + n, "人", sizeof("人"));
	stats_list_free(&l);
	scan(s, &l);
	assert_int_equal(l.n, 0);
	stats_list_free(&l);
	/* 100 KB of "3人" with no mark: every hit, one clause */
	for (i = 0; i + 4 <= n; i += 4)
		memcpy(s + i, "3人", 4);
	s[i] = '\0';
	scan(s, &l);
	assert_int_equal(l.n, i / 4);
	assert_int_equal(l.hits[l.n - 1].end, i);
	assert_int_equal(l.hits[l.n - 1].ctx_start, 0);
	assert_int_equal(l.hits[0].ctx_end, i);
	stats_list_free(&l);
	free(s);

	/* truncated or invalid sequences must not hurt */
	expect_none("\xe4\xb8");
	expect_none("\xe4");
	expect_none("3\xe4\xb8");
	expect_none("\xff\xfe\xe4\xb8\x80");
	expect_one("\xff" "3人", "3人", STAT_COUNT, "3", "人", 0);
	expect_one("\xe4" "3人", "3人", STAT_COUNT, "3", "人", 0);
	expect_one("\xe4\xb8" "3人", "3人", STAT_COUNT, "3", "人", 0);
	expect_none("三\xe4\xb8");
	expect_none("\xef\xbc");
	expect_none("１\xef\xbc");
	/* a huge value with a multiplier still formats */
	expect_one("999999999999999亿元", "999999999999999亿元", STAT_MONEY,
	    "9.99999999999999e+22", "元", 0);
}

/* Kind names as --stats prints them. */
static void
test_kind_names(void **state)
{
	assert_string_equal(stats_kind_name(STAT_COUNT), "count");
	assert_string_equal(stats_kind_name(STAT_MEASURE), "measure");
	assert_string_equal(stats_kind_name(STAT_PERCENT), "percent");
	assert_string_equal(stats_kind_name(STAT_MONEY), "money");
	assert_string_equal(stats_kind_name(STAT_DATE), "date");
	assert_string_equal(stats_kind_name(STAT_TIME), "time");
	assert_string_equal(stats_kind_name(STAT_YEAR), "year");
	assert_string_equal(stats_kind_name(STAT_DURATION), "duration");
	assert_string_equal(stats_kind_name(STAT_RANGE), "range");
	assert_string_equal(stats_kind_name(STAT__COUNT), "?");
}

/* ---- stats_page ------------------------------------------------------- */

/* stats_page: story and block indices, joined offsets, no banner. */
static void
test_page(void **state)
{
	static const char src[] =
	    "报头3版\n"			/* banner */
	    "标题：2名罪犯\n"		/* story 0, block 0 */
	    "正文有25家\n"		/* story 0, block 1, piece 1 */
	    "单位18项工作。\n"		/* story 0, block 1, piece 2 */
	    "COVID\n"			/* story 1, block 0, piece 1 */
	    "19例和6820人\n";		/* story 1, block 0, piece 2 */
	struct text	 t;
	struct page	 pg;
	struct story	 st[2];
	struct block	 b0[2], b1[1], banner;
	struct range	 r[7];
	struct stat_list l;
	size_t		 line[7], i, len, nl = 0;
	char		*joined;
	static const char *const want[] = { "2名", "25家", "18项", "19例",
	    "6820人" };
	static const size_t wstory[] = { 0, 0, 0, 1, 1 };
	static const size_t wblock[] = { 0, 1, 1, 0, 0 };

	memset(&t, 0, sizeof(t));
	t.buf = (char *)src;
	t.len = sizeof(src) - 1;
	for (i = 0; i < t.len; i++)
		if (i == 0 || src[i - 1] == '\n')
			line[nl++] = i;
	line[nl] = t.len + 1;
	for (i = 0; i < nl; i++) {
		r[i].start = line[i];
		r[i].end = line[i + 1] - 1;
	}
	memset(&pg, 0, sizeof(pg));
	memset(st, 0, sizeof(st));
	memset(b0, 0, sizeof(b0));
	memset(b1, 0, sizeof(b1));
	memset(&banner, 0, sizeof(banner));
	pg.text = &t;
	pg.span.end = t.len;
	banner = (struct block){ .kind = BLOCK_BANNER, .section = -1,
	    .pieces = &r[0], .npieces = 1 };
	pg.banner.blocks = &banner;
	pg.banner.nblocks = 1;
	b0[0] = (struct block){ .kind = BLOCK_HEADLINE, .section = -1,
	    .pieces = &r[1], .npieces = 1 };
	b0[1] = (struct block){ .kind = BLOCK_PARAGRAPH, .section = -1,
	    .pieces = &r[2], .npieces = 2 };
	b1[0] = (struct block){ .kind = BLOCK_PARAGRAPH, .section = -1,
	    .pieces = &r[4], .npieces = 2 };
	st[0].blocks = b0;
	st[0].nblocks = 2;
	st[1].blocks = b1;
	st[1].nblocks = 1;
	pg.stories = st;
	pg.nstories = 2;

	memset(&l, 0, sizeof(l));
	stats_page(&pg, &l);
	if (l.n != 5)
		for (i = 0; i < l.n; i++)
			print_message("hit %zu: story %u block %u [%u,%u)\n",
			    i, l.hits[i].story, l.hits[i].block,
			    l.hits[i].start, l.hits[i].end);
	assert_int_equal(l.n, 5);
	for (i = 0; i < l.n; i++) {
		const struct stat_hit *h = &l.hits[i];

		assert_int_equal(h->story, wstory[i]);
		assert_int_equal(h->block, wblock[i]);
		joined = page_block_join(&pg,
		    &pg.stories[h->story].blocks[h->block], &len, NULL);
		assert_true(h->end <= len && h->ctx_end <= len);
		assert_true(h->ctx_start <= h->start && h->end <= h->ctx_end);
		assert_int_equal(h->end - h->start, strlen(want[i]));
		assert_memory_equal(joined + h->start, want[i], strlen(want[i]));
		free(joined);
	}
	/* the pieces joined: 25家 and 18项 share one clause */
	assert_int_equal(l.hits[1].ctx_start, l.hits[2].ctx_start);
	assert_int_equal(l.hits[1].ctx_end, l.hits[2].ctx_end);
	stats_list_free(&l);
}

/* ---- the seed article --------------------------------------------------- */

/* Compare two strings for qsort. */
static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The seed, line by line as blocks: exactly the expected hits. */
static void
test_seed(void **state)
{
	static const char *const want[] = {
		/* from the issue */
		"2名", "30余年", "3所", "20余场次", "12份", "18项", "25家",
		"18家", "949次", "11678人次", "6820人", "500G", "32536人",
		"24家", "23家", "24家", "66人次", "32人次", "26起", "316人次",
		"32人次", "10件", "18类", "36项", "28项",
		/* dates and times */
		"2021年", "2021年", "2021年", "3月10日", "2018年",
		"7月10日下午5点", "2021年10月",
		/* the dam (twice); not the plan's 三年 and 2022—2024, which
		   are part of its title (issue 9, item 16) */
		"近2米", "近2米",
	};
	static const char *const never[] = {
		"第二女子监狱", "四监区", "第三监狱", "一技之长", "一站式",
		"一对一", "一个", "十里坪", "一名", "一次", "一手", "多家",
		"三年行动计划(2022—2024)",
	};
	size_t		 n, nw = sizeof(want) / sizeof(want[0]), i, k, nh = 0;
	size_t		 ln = 0, lines_of_2021[3] = { 0, 0, 0 }, n2021 = 0;
	char		*buf = seed(&n), *p, *e, **got;
	struct stat_list l;

	memset(&l, 0, sizeof(l));
	got = xcalloc(n + 1, sizeof(*got));
	for (p = buf; p < buf + n; p = e + 1) {
		size_t first = l.n;

		ln++;
		if ((e = memchr(p, '\n', buf + n - p)) == NULL)
			e = buf + n;
		stats_scan(p, e - p, 0, ln, &l);
		for (i = first; i < l.n; i++) {
			const struct stat_hit *h = &l.hits[i];
			const char *text = p + h->start;
			size_t	 hl = h->end - h->start;

			got[nh++] = xstrndup(text, hl);
			assert_true(h->ctx_start <= h->start &&
			    h->end <= h->ctx_end && h->ctx_end <= (size_t)(e - p));
			/* no hit inside the non-statistics */
			for (k = 0; k < sizeof(never) / sizeof(never[0]); k++) {
				const char *q = p;
				size_t	 nk = strlen(never[k]);

				while ((q = memmem(q, e - q, never[k], nk)) != NULL) {
					size_t a = q - p, b = a + nk;

					if (h->start < b && a < h->end) {
						print_message("line %zu: hit %.*s in %s\n",
						    ln, (int)hl, text, never[k]);
						fail();
					}
					q += nk;
				}
			}
			/* dates and times are found as such */
			if (strcmp(got[nh - 1], "2021年") == 0) {
				assert_int_equal(h->kind, STAT_YEAR);
				assert_string_equal(stats_hit_norm(&l, h), "2021");
				if (n2021 < 3)
					lines_of_2021[n2021] = ln;
				n2021++;
			} else if (strcmp(got[nh - 1], "2018年") == 0)
				assert_int_equal(h->kind, STAT_YEAR);
			else if (strcmp(got[nh - 1], "3月10日") == 0) {
				assert_int_equal(h->kind, STAT_DATE);
				assert_string_equal(stats_hit_norm(&l, h), "03-10");
			} else if (strcmp(got[nh - 1], "2021年10月") == 0) {
				assert_int_equal(h->kind, STAT_DATE);
				assert_string_equal(stats_hit_norm(&l, h), "2021-10");
			} else if (strcmp(got[nh - 1], "7月10日下午5点") == 0) {
				assert_int_equal(h->kind, STAT_TIME);
				assert_string_equal(stats_hit_norm(&l, h), "07-10 17:00");
			} else if (strcmp(got[nh - 1], "30余年") == 0) {
				assert_int_equal(h->kind, STAT_DURATION);
				assert_true(h->value == 30);
				assert_string_equal(stats_hit_unit(h), "年");
				assert_int_equal(h->flags, STAT_APPROX);
			} else if (strcmp(got[nh - 1], "11678人次") == 0) {
				assert_int_equal(h->kind, STAT_COUNT);
				assert_string_equal(stats_hit_unit(h), "人次");
				assert_string_equal(stats_hit_norm(&l, h), "11678");
				assert_memory_equal(p + h->ctx_start, "就诊罪犯",
				    strlen("就诊罪犯"));
			}
		}
	}
	assert_int_equal(n2021, 3);
	assert_int_equal(lines_of_2021[0], 21);
	assert_int_equal(lines_of_2021[1], 27);
	assert_int_equal(lines_of_2021[2], 41);
	/* the multiset of hit texts */
	qsort(got, nh, sizeof(*got), cmpstr);
	{
		const char **w = xcalloc(nw, sizeof(*w));

		memcpy(w, want, sizeof(want));
		qsort(w, nw, sizeof(*w), cmpstr);
		if (nh != nw)
			for (i = 0; i < nh; i++)
				print_message("got %s\n", got[i]);
		assert_int_equal(nh, nw);
		for (i = 0; i < nw; i++)
			assert_string_equal(got[i], w[i]);
		free(w);
	}
	for (i = 0; i < nh; i++)
		free(got[i]);
	free(got);
	stats_list_free(&l);
	free(buf);
}

/* The seed as one block: the same hits, and none crosses a line. */
static void
test_seed_whole(void **state)
{
	struct stat_list l;
	size_t		 n, i;
	char		*buf = seed(&n);

	memset(&l, 0, sizeof(l));
	stats_scan(buf, n, 0, 0, &l);
	assert_int_equal(l.n, 34);
	for (i = 0; i < l.n; i++) {
		assert_null(memchr(buf + l.hits[i].ctx_start, '\n',
		    l.hits[i].ctx_end - l.hits[i].ctx_start));
		if (i > 0)
			assert_true(l.hits[i].start >= l.hits[i - 1].end);
	}
	stats_list_free(&l);
	free(buf);
}


/* ---- Traditional text, set phrases, titles ----------------------------- */

/* Assert one hit of s as expect_one, and its unit's Simplified form. */
static void
expect_norm(const char *s, const char *text, enum stat_kind kind,
    const char *norm, const char *unit, const char *unit_norm,
    unsigned flags)
{
	struct stat_list	 l;
	const struct stat_hit	*h;

	expect_one(s, text, kind, norm, unit, flags);
	scan(s, &l);
	h = find(s, &l, text);
	assert_string_equal(stats_hit_unit_norm(h), unit_norm);
	stats_list_free(&l);
}

/* Units and numerals written in Traditional characters, on real text:
   each line quotes a public source, named. */
static void
test_traditional(void **state)
{
	/* 自由時報 2025-09-05 (記者鄭淑婷, 桃園): 萬 inside a number, 餘/多 */
	expect_norm("矯正機關核定容額為6萬0552人，但實際收容人數已逾6萬1600人",
	    "逾6萬1600人", STAT_COUNT, "61600", "人", "人", STAT_APPROX);
	expect_norm("全國矯正機關目前超收1000多人", "1000多人", STAT_COUNT,
	    "1000", "人", "人", STAT_APPROX);
	/* 中央社 2026-01-22 (記者潘姿羽, 台北): 億元, 萬噸 */
	expect_norm("114年公共建設經費約新台幣8137億元，規模已經是近18年新高",
	    "8137億元", STAT_MONEY, "813700000000", "元", "元", 0);
	expect_norm("可引入南化清水每日5萬噸", "5萬噸", STAT_MEASURE, "50000",
	    "噸", "吨", 0);
	/* NOWnews 2026-01-22: 個 */
	expect_norm("創造約413億元產值及新增6,300個就業機會", "6,300個",
	    STAT_COUNT, "6300", "個", "个", 0);
	/* 香港電台 2025-06-05: 歲, and a range of ages */
	expect_norm("一名24歲本地男子昨晚在興發街附近形跡可疑", "24歲",
	    STAT_COUNT, "24", "歲", "岁", 0);
	expect_norm("他們年齡介乎15至69歲，其中3人正被扣查", "15至69歲",
	    STAT_RANGE, "15..69", "歲", "岁", 0);
	/* 東網 via Yahoo 2026-02: 個月 */
	expect_norm("購女網友私密照不付款反威脅性交 男子被判囚16個月",
	    "16個月", STAT_DURATION, "16", "個月", "个月", 0);
	/* 新聞公報 via 香港政府新聞網: 兩 and 間, 六間 */
	expect_norm("兩間指定猴痘疫苗接種中心位於油麻地", "兩間", STAT_COUNT,
	    "2", "間", "间", STAT_CHINESE);
	expect_norm("該署轄下六間社會衞生科診所接種猴痘疫苗", "六間",
	    STAT_COUNT, "6", "間", "间", STAT_CHINESE);
	/* 香港商報 / TMHK 2023-05: 萬 in a Chinese numeral, 宗, 百分之…點… */
	expect_norm("整體罪案數字為二萬零五百八十宗，較去年同期上升百分之四十八點四",
	    "二萬零五百八十宗", STAT_COUNT, "20580", "宗", "宗", STAT_CHINESE);
	expect_norm("整體罪案數字為二萬零五百八十宗，較去年同期上升百分之四十八點四",
	    "百分之四十八點四", STAT_PERCENT, "48.4", "%", "%", STAT_CHINESE);
	expect_norm("透過電話受訪的一千零二十六名市民當中", "一千零二十六名",
	    STAT_COUNT, "1026", "名", "名", STAT_CHINESE);
	/* 立法院公報 第111卷第71期: 億元 with decimals, 項, 屆 */
	expect_norm("同意分年編列地方自籌款38.54億元", "38.54億元", STAT_MONEY,
	    "3854000000", "元", "元", 0);
	expect_norm("計畫項目為「軌道建設」、「水環境建設」等5項", "5項",
	    STAT_COUNT, "5", "項", "项", 0);
	/* the other units of the issue, each after a number */
	expect_norm("共3條路線", "3條", STAT_COUNT, "3", "條", "条", 0);
	expect_norm("交易200筆", "200筆", STAT_COUNT, "200", "筆", "笔", 0);
	expect_norm("舉辦12場", "12場", STAT_COUNT, "12", "場", "场", 0);
	expect_norm("已辦3屆", "3屆", STAT_COUNT, "3", "屆", "届", 0);
	expect_norm("購入5臺機器", "5臺", STAT_COUNT, "5", "臺", "台", 0);
	expect_norm("就診11678人次", "11678人次", STAT_COUNT, "11678", "人次",
	    "人次", 0);
	expect_norm("捐款5萬元", "5萬元", STAT_MONEY, "50000", "元", "元", 0);
	expect_norm("債務達3.2億元", "3.2億元", STAT_MONEY, "320000000", "元",
	    "元", 0);
	expect_norm("兩萬億元", "兩萬億元", STAT_MONEY, "2000000000000", "元",
	    "元", STAT_CHINESE);
	/* a Traditional date and clock, and 週 before a day is no count */
	expect_one("7月10日下午5點", "7月10日下午5點", STAT_TIME, "07-10 17:00",
	    "", 0);
	expect_one("5月3號出發", "5月3號", STAT_DATE, "05-03", "", 0);
	expect_none("週三開會");
	expect_none("三個代表");
	expect_none("去臺灣");
}

/* A number of years and then months is one duration (issue 10). */
static void
test_yearmonth(void **state)
{
	/* 聯合報 2026-03-11 (記者王聖藜, 台北) */
	expect_hits("高院更一審今改判廖有期徒刑5年8月，褫奪公權3年，30萬元犯罪所得沒收",
	    (const char *const []){ "5年8月", "3年", "30萬元", NULL });
	expect_norm("判處廖有期徒刑5年6月", "5年6月", STAT_DURATION, "5.5",
	    "年", "年", 0);
	expect_norm("處有期徒刑28年6月", "28年6月", STAT_DURATION, "28.5", "年",
	    "年", 0);
	expect_norm("被判28年6月徒刑", "28年6月", STAT_DURATION, "28.5", "年",
	    "年", 0);
	/* 最高法院 106年度台上字第10號 */
	expect_norm("合併定其應執行之刑為有期徒刑二十六年八月", "二十六年八月",
	    STAT_DURATION, "26.67", "年", "年", STAT_CHINESE);
	/* months written as 个月 / 個月, one year */
	expect_norm("判处有期徒刑1年6个月", "1年6个月", STAT_DURATION, "1.5",
	    "年", "年", 0);
	expect_norm("判處一年六個月", "一年六個月", STAT_DURATION, "1.5", "年",
	    "年", STAT_CHINESE);
	/* but a date stays a date: a day follows, or 民國, or a year; a
	   year of the Republic of China's calendar is 1911 + N (臺灣桃園地方
	   法院 111年度交字第494號: "民國111年7月25日0時24分許") */
	expect_one("原告於民國111年7月25日0時24分許", "民國111年7月25日0時24分許",
	    STAT_TIME, "2022-07-25 00:24", "", STAT_APPROX);
	expect_one("於111年7月25日", "111年7月25日", STAT_DATE, "2022-07-25", "",
	    0);
	expect_one("民國113年2月", "民國113年2月", STAT_DATE, "2024-02", "", 0);
	expect_one("2021年10月", "2021年10月", STAT_DATE, "2021-10", "", 0);
	expect_one("去年3月", "3月", STAT_DATE, "--03", "", 0);
	/* twelve months are no months of a year */
	expect_hits("3年12月", (const char *const []){ "3年", "12月", NULL });
}

/* “两个确保”: a numeral in quotes followed by a set phrase is a name, not
   a count (issue 9, item 14).  The phrases are from 人民日报, 2019
   (../shared/corpus/rmrb-2019: 20191019-01-05, 20190213-04-07 ...). */
static void
test_setphrase(void **state)
{
	expect_none("要坚持“两个毫不动摇”");
	expect_none("担实“两个责任”");
	expect_none("从“三个全面”到“五个振兴”再到“三总一保障”");
	expect_none("牢记“九个必须坚持”");
	expect_none("落实“两个确保”");
	expect_none("落實「兩個確保」");
	expect_none("『四項原則』");
	/* a count in a long quote, or not right after the opening quote,
	   is still a count */
	expect_one("他说：“我们有两个孩子，都在上学。”", "两个", STAT_COUNT,
	    "2", "个", STAT_CHINESE);
	expect_one("“已有两个单位参加了这次活动”", "两个单位", STAT_COUNT, "2",
	    "个单位", STAT_CHINESE);
	expect_one("新建两个中心", "两个", STAT_COUNT, "2", "个", STAT_CHINESE);
}

/* A number in a title in 《》 is part of the name (issue 9, item 16). */
static void
test_title(void **state)
{
	/* the seed page (人民日报), with the source's parentheses */
	expect_none("部署深入推进建《全省监（所）地协作三年行动计划（2022—2024）》");
	expect_none("《2023年政府工作报告》");
	expect_none("《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》");
	/* what follows the title is read again */
	expect_hits("《三年行动计划》提出3项任务",
	    (const char *const []){ "3项", NULL });
	expect_hits("印发《关于〈三年计划〉的通知》2份",
	    (const char *const []){ "2份", NULL });
	/* an unclosed 《 hides nothing */
	expect_hits("书名号《未闭合，共3项。", (const char *const []){ "3项",
	    NULL });
	expect_hits("《未闭合。共3项", (const char *const []){ "3项", NULL });
}

/* Append k copies of x to s. */
static void
cat_n(char *s, const char *x, size_t k)
{
	while (k-- > 0)
		strcat(s, x);
}

/* The scan's run of three-byte characters (five at a time, the last
   fifteen bytes one at a time): a candidate found at every place of the
   stride, the clause marks it takes in its stride, and characters that
   share a candidate's last two bytes (适 those of 。, 布 of 七, 听 of 萬)
   that are none. */
static void
test_run(void **state)
{
	struct stat_list	 l;
	const struct stat_hit	*h;
	char			 s[256];
	size_t			 k, m;

	for (k = 0; k < 20; k++)
		for (m = 0; m < 7; m++) {
			/* k characters, a mark, a count, m characters */
			s[0] = '\0';
			cat_n(s, "的", k);
			strcat(s, "，适布听共3人");
			cat_n(s, "的", m);
			scan(s, &l);
			assert_int_equal(l.n, 1);
			h = find(s, &l, "3人");
			assert_int_equal(h->ctx_start, k * strlen("的") +
			    strlen("，"));
			assert_int_equal(h->ctx_end, strlen(s));
			stats_list_free(&l);
			/* a Chinese numeral and a clause mark after it */
			s[0] = '\0';
			cat_n(s, "适", k);
			strcat(s, "两个");
			cat_n(s, "听", m);
			strcat(s, "。布");
			scan(s, &l);
			assert_int_equal(l.n, 1);
			h = find(s, &l, "两个");
			assert_int_equal(h->ctx_start, 0);
			assert_int_equal(h->ctx_end, strlen(s) -
			    strlen("。布"));
			stats_list_free(&l);
		}
}

/* The last sixteen bytes of a text, read at once from its end (whatever
   the place of the run there, a third of a character apart): a count, a
   Chinese numeral and a clause mark in them, and what ends the pattern
   there (ASCII, a two-byte character, a cut character). */
static void
test_run_tail(void **state)
{
	static const char *const ends[] = { "", "x", "\xC2\xB7", "\xE7\x9A",
	    "。", "1", NULL };
	struct stat_list	 l;
	const struct stat_hit	*h;
	char			 s[256];
	size_t			 k, m, e, len;

	for (e = 0; ends[e] != NULL; e++)
		for (k = 0; k < 3; k++)
			for (m = 0; m < 8; m++) {
				/* k ASCII bytes shift the run's place */
				s[0] = '\0';
				cat_n(s, "a", k);
				strcat(s, "的的的的的的，");
				cat_n(s, "的", m);
				strcat(s, "共3人，两个");
				strcat(s, ends[e]);
				len = strlen(s);
				scan(s, &l);
				assert_int_equal(l.n, 2);
				h = find(s, &l, "3人");
				assert_int_equal(h->ctx_start, (size_t)(strstr(s,
				    "，") - s) + strlen("，"));
				assert_int_equal(h->ctx_end, (size_t)(strstr(s,
				    "3人，") - s) + strlen("3人"));
				/* its clause ends at the end, or at 。 */
				h = find(s, &l, "两个");
				assert_int_equal(h->ctx_end, strcmp(ends[e], "。") ==
				    0 ? len - strlen("。") : len);
				stats_list_free(&l);
			}
}

/* A window of the run cut short by ASCII (a line end, a letter) in the
   middle of a text, with a numeral and a clause mark at each place of
   it before the cut. */
static void
test_run_cut(void **state)
{
	struct stat_list	 l;
	const struct stat_hit	*h;
	char			 s[512];
	size_t			 k, m, n;

	for (k = 0; k < 3; k++)
		for (m = 0; m < 6; m++) {
			s[0] = '\0';
			cat_n(s, "a", k);
			for (n = 0; n < 6 + m; n++)
				strcat(s, "的");
			strcat(s, "，两个\n");
			cat_n(s, "的", 20);
			scan(s, &l);
			assert_int_equal(l.n, 1);
			h = find(s, &l, "两个");
			assert_int_equal(h->ctx_start, (size_t)(strstr(s, "两个") -
			    s));
			assert_int_equal(h->ctx_end, h->end);
			stats_list_free(&l);
		}
}

/* A numeral below 2 alone (零 〇 一 with no candidate after it) is left
   where the scan finds it, unless 年 follows; at the text's end too. */
static void
test_lone(void **state)
{
	expect_none("一");
	expect_none("统一");
	expect_none("零");
	expect_none("〇");
	expect_none("一年");
	expect_none("一年级");
	expect_none("一一");
	expect_none("两一");
	expect_none("一个人");
	expect_one("一年六个月", "一年六个月", STAT_DURATION, "1.5", "年",
	    STAT_CHINESE);
	expect_one("十一人", "十一人", STAT_COUNT, "11", "人", STAT_CHINESE);
	expect_one("统一，三年", "三年", STAT_DURATION, "3", "年",
	    STAT_CHINESE);
	/* any numeral alone: what follows decides, at the end too */
	expect_none("三农");
	expect_none("百姓");
	expect_none("千万");
	expect_none("八");
	expect_none("百人");
	expect_one("五人", "五人", STAT_COUNT, "5", "人", STAT_CHINESE);
	expect_one("三月", "三月", STAT_DATE, "--03", "", STAT_CHINESE);
	expect_one("五余人", "五余人", STAT_COUNT, "5", "人",
	    STAT_CHINESE | STAT_APPROX);
	expect_one("百分之三十", "百分之三十", STAT_PERCENT, "30", "%",
	    STAT_CHINESE);
	expect_one("五１人", "１人", STAT_COUNT, "1", "人", 0);
	/* an ordinal after 第初周期拜週, by the three bytes before it */
	expect_none("第三人");
	expect_none("初三年");
	expect_none("星期三个月");
	expect_none("礼拜三人");
	expect_none("週三個");
	expect_one("弟三人", "三人", STAT_COUNT, "3", "人", STAT_CHINESE);
	expect_one("x三人", "三人", STAT_COUNT, "3", "人", STAT_CHINESE);
}

/* A norm's digits at each count of them, and the 15 of the longest. */
static void
test_fmt_digits(void **state)
{
	static const char *const v[] = { "0", "9", "10", "99", "100", "999",
	    "1000", "9999", "10000", "99999", "100000", "123456789012345",
	    NULL };
	char	 s[64];
	size_t	 k;

	for (k = 0; v[k] != NULL; k++) {
		snprintf(s, sizeof(s), "%s人", v[k]);
		expect_one(s, s, STAT_COUNT, v[k], "人", 0);
	}
	expect_none("1234567890123456人");
	/* the character after a number: at the end (three bytes there),
	   before one more byte, cut, or not UTF-8 */
	expect_one("3人", "3人", STAT_COUNT, "3", "人", 0);
	expect_one("3人x", "3人", STAT_COUNT, "3", "人", 0);
	expect_none("3\xE4\xBA");
	expect_none("3\xE4\xBA\x41");
	expect_none("3\xE4\x41\x42");
	expect_none("3\xF0\x9F\x98\x80人");
	expect_one("3.5万人", "3.5万人", STAT_COUNT, "35000", "人", 0);
}

/* Each time of day after a date (stats_todat: the masks of the last two
   bytes), and what only ends like one (，and 里 share a last byte). */
static void
test_tods(void **state)
{
	static const struct {
		const char	*tod, *norm;
	} t[] = {
		{ "上午", "07-10 05:00" }, { "下午", "07-10 17:00" },
		{ "中午", "07-10 17:00" }, { "晚上", "07-10 17:00" },
		{ "凌晨", "07-10 05:00" }, { "早上", "07-10 05:00" },
		{ "傍晚", "07-10 17:00" }, { "清晨", "07-10 05:00" },
		{ "早晨", "07-10 05:00" }, { "夜间", "07-10 17:00" },
		{ "夜里", "07-10 17:00" }, { "晚间", "07-10 17:00" },
		{ "夜間", "07-10 17:00" }, { "夜裡", "07-10 17:00" },
		{ "夜裏", "07-10 17:00" }, { "晚間", "07-10 17:00" },
	};
	char	 s[64];
	size_t	 k;

	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
		snprintf(s, sizeof(s), "7月10日%s5点", t[k].tod);
		expect_one(s, s, STAT_TIME, t[k].norm, "", 0);
	}
	expect_hits("7月10日，5点", (const char *const []){ "7月10日", "5点",
	    NULL });
	expect_hits("7月10日里5点", (const char *const []){ "7月10日", "5点",
	    NULL });
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_approx),
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_context),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_odd),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_seed_whole),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_yearmonth),
		cmocka_unit_test(test_setphrase),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_run_tail),
		cmocka_unit_test(test_run_cut),
		cmocka_unit_test(test_lone),
		cmocka_unit_test(test_fmt_digits),
		cmocka_unit_test(test_tods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
