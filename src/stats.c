/*
 * stats: the quantities of a block's joined text.
 *
 * stats_scan() walks the bytes once.  The hot loop looks at one byte per
 * ASCII character and at one table entry per three-byte character: it
 * stops only at an ASCII digit, a full-width digit (U+FF10-FF19), a
 * Chinese numeral (一二两三...十百千万亿零〇) or a clause mark, found by a
 * table indexed by a character's second and third bytes (stats_pair),
 * five characters at a time.  Only there is the text decoded
 * (u8_mbtouc_unsafe) and a candidate read:
 *
 *   [prefix] number [余|多|来] [万|亿|千万...] [余|多] [unit] [左右|多]
 *
 * prefix is an approximation (约 近 超 逾 大约 将近 接近 超过), a currency
 * sign (¥ ￥), 百分之/千分之, or a time of day before a clock (下午5点).
 * Dates and times (2021年10月, 3月10日, 7月10日下午5点, 8:30) are read
 * before plain quantities; a range (2022—2024, 5～10米) joins two numbers.
 * A number becomes a hit only when something says what it counts: a unit
 * or measure word from the table below, a 万/亿 multiplier, a currency
 * sign, a date or time form, or a range.  Chinese numerals are read
 * conservatively: value >= 2 or a 十 form, never after 第/初/周, and only
 * with the measure words marked U_CN.
 *
 * Every hit carries its clause (ctx_start, ctx_end): from after the
 * previous ，。；！？,;!? or line start to the next such mark, trimmed of
 * blanks.  The main loop stops at these marks too (stats_mark): a hit
 * takes the clause start from the last mark, and its clause end is filled
 * in at the next one, so no byte is read twice for clauses.  A comma
 * inside a number (11,678) is part of the hit, not a mark.
 *
 * Conservative by design: a number is not a statistic after 第, inside a
 * Latin word or code (G60, COVID-19, 1.2.3, 5G), with more than 15
 * digits, inside a title in 《》 (《三年行动计划（2022—2024）》 names a
 * plan), or (Chinese) in the idioms of stats_idioms and in a quoted set
 * phrase (“两个确保”, 「兩個確保」: a numeral right after the opening
 * quote, a measure word, at most six characters to the closing quote).
 *
 * Traditional text: the units, multipliers and numerals have their
 * Traditional forms in the tables (個 歲 條 萬 億 兩 ...); a hit reports the
 * unit as written and its Simplified form (stats_hit_unit_norm), so that
 * both group together.  A number of years followed by months (28年6月徒刑,
 * 二十六年八月, 1年6个月) is one duration, in years.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "stats.h"
#include "xmalloc.h"

/* Unit flags. */
#define U_CN		0x1	/* may follow Chinese numerals */
#define U_LATIN		0x2	/* Latin: no letter or digit may follow */
#define U_APPROX	0x4	/* contains an approximation: 个多月 */
#define U_MORE		0x8	/* 多 after it is an approximation: 3年多 */
#define U_CNMULT	0x10	/* after Chinese numerals only with 十百千万亿 */
#define U_WORD		0x20	/* may start a longer word: see stats_notunit */

/* Units read by the date and time code rather than as plain units. */
enum unit_special {
	SP_NONE,
	SP_YEAR,	/* 年: a year (2021年) or a duration (30余年) */
	SP_MONTH,	/* 月: a month (3月) */
	SP_DAY,		/* 日: a day (10日), else a duration */
	SP_HOUR,	/* 时: a clock (5时) */
	SP_POINT,	/* 点: a clock after 下午..., else a count (3点意见) */
	SP_G		/* G: storage, but 4G/5G are networks */
};

struct unit {
	const char	*s;		/* as written */
	size_t		 len;		/* bytes of s */
	const char	*name;		/* the unit reported */
	const char	*norm;		/* its Simplified form */
	enum stat_kind	 kind;
	unsigned	 flags;		/* U_* */
	enum unit_special sp;
};

#define U(s, name, kind, f, sp)	{ s, sizeof(s) - 1, name, name, kind, f, sp }
#define C(s, f)		U(s, s, STAT_COUNT, f, SP_NONE)
#define D(s, f)		U(s, s, STAT_DURATION, f | U_MORE, SP_NONE)
#define M(s, f)		U(s, s, STAT_MEASURE, f | U_MORE, SP_NONE)
/* Traditional forms: reported as written, with their Simplified norm. */
#define TU(s, name, norm, kind, f, sp) \
			{ s, sizeof(s) - 1, name, norm, kind, f, sp }
#define TC(s, n, f)	TU(s, s, n, STAT_COUNT, f, SP_NONE)
#define TD(s, n, f)	TU(s, s, n, STAT_DURATION, f | U_MORE, SP_NONE)
#define TM(s, n, f)	TU(s, s, n, STAT_MEASURE, f | U_MORE, SP_NONE)

/* Units and measure words; the longest match wins. */
static const struct unit stats_units[] = {
	C("次", U_CN), C("人次", U_CN), C("人", U_CN | U_WORD),
	C("名", U_CN | U_WORD), C("位", U_CN), C("家次", 0), C("家", U_CN | U_WORD), C("所", U_CN),
	C("项", U_CN),
	C("份", U_CN), C("件", U_CN), C("类", U_CN), C("起", U_CN),
	C("场次", U_CN), C("场", U_CN), C("个", U_CN | U_WORD), C("户次", 0),
	C("户", U_CN), C("部门", U_CN), C("部", U_CN), C("台", U_CN | U_WORD),
	C("辆", U_CN), C("套", U_CN), C("条", U_CN), C("张", U_CN),
	C("本", U_CN), C("篇", U_CN), C("期", 0), C("批", U_CN),
	C("届", 0), C("支", U_CN), C("座", U_CN), C("栋", U_CN),
	C("间", U_CN), C("床", 0), C("处", 0), C("例", U_CN),
	C("只", U_CN), C("种", U_CN), C("轮", U_CN), C("层", 0),
	C("门", U_CN), C("节", U_CN), C("首", U_CN), C("幅", U_CN),
	C("册", U_CN), C("页", 0), C("票", 0), C("笔", U_CN),
	C("宗", U_CN), C("剂次", 0), C("剂", U_CN), C("架次", 0), C("车次", 0), C("班次", 0),
	C("岁", U_CN), C("周岁", U_CN), C("倍", U_CN), C("分", 0),
	C("周年", U_CN), C("个单位", U_CN), C("个部门", U_CN),
	U("点", "点", STAT_COUNT, 0, SP_POINT),
	U("年", "年", STAT_DURATION, U_CN | U_MORE | U_WORD, SP_YEAR),
	U("月", "月", STAT_DATE, U_CN, SP_MONTH),
	U("日", "日", STAT_DURATION, 0, SP_DAY),
	U("时", "时", STAT_TIME, 0, SP_HOUR),
	D("个月", U_CN), D("天", U_CN | U_WORD), D("小时", U_CN),
	D("个小时", U_CN),
	D("分钟", U_CN), D("秒钟", 0), D("秒", 0), D("周", U_CN),
	D("个星期", U_CN), D("星期", U_CN), D("个工作日", U_CN),
	D("工作日", 0), D("季度", 0), D("个季度", U_CN),
	U("个多月", "个月", STAT_DURATION, U_CN | U_APPROX, SP_NONE),
	U("个多小时", "小时", STAT_DURATION, U_CN | U_APPROX, SP_NONE),
	U("个多星期", "星期", STAT_DURATION, U_CN | U_APPROX, SP_NONE),
	M("平方公里", U_CN), M("平方千米", 0), M("平方米", U_CN),
	M("立方米", U_CN), M("公里", U_CN), M("千米", U_CN), M("厘米", 0),
	M("毫米", 0), M("米", U_CN), M("公顷", U_CN), M("亩", U_CN),
	M("吨", U_CN), M("公斤", U_CN), M("千克", U_CN), M("克", 0),
	M("斤", U_CN), M("毫升", 0), M("升", 0), M("千瓦时", 0),
	M("千瓦", 0), M("兆瓦", 0), M("瓦", 0), M("℃", 0), M("分贝", 0),
	M("GB", U_LATIN), M("MB", U_LATIN), M("KB", U_LATIN),
	M("TB", U_LATIN), M("km", U_LATIN), M("kg", U_LATIN),
	M("cm", U_LATIN), M("mm", U_LATIN),
	U("G", "G", STAT_MEASURE, U_LATIN, SP_G),
	U("%", "%", STAT_PERCENT, 0, SP_NONE),
	U("％", "%", STAT_PERCENT, 0, SP_NONE),
	U("‰", "‰", STAT_PERCENT, 0, SP_NONE),
	U("个百分点", "百分点", STAT_PERCENT, U_CN, SP_NONE),
	U("百分点", "百分点", STAT_PERCENT, 0, SP_NONE),
	U("元", "元", STAT_MONEY, U_CN | U_CNMULT, SP_NONE),
	U("美元", "美元", STAT_MONEY, U_CN, SP_NONE),
	U("欧元", "欧元", STAT_MONEY, U_CN, SP_NONE),
	U("英镑", "英镑", STAT_MONEY, U_CN, SP_NONE),
	U("日元", "日元", STAT_MONEY, U_CN | U_CNMULT, SP_NONE),
	U("港元", "港元", STAT_MONEY, U_CN, SP_NONE),
	U("澳元", "澳元", STAT_MONEY, U_CN, SP_NONE),
	U("块钱", "元", STAT_MONEY, U_CN, SP_NONE),
	/* Traditional (Taiwan, Hong Kong): 中央社 "每日5萬噸", 自由時報
	   "逾6萬1600人", 東網 "判囚16個月", 香港電台 "一名24歲本地男子",
	   新聞公報 "兩間指定…中心"; see tests/unit/test-stats.c */
	TC("個", "个", U_CN | U_WORD), TC("項", "项", U_CN),
	TC("類", "类", U_CN), TC("場次", "场次", U_CN), TC("場", "场", U_CN),
	TC("戶次", "户次", 0), TC("戶", "户", U_CN), TC("部門", "部门", U_CN),
	TC("臺", "台", U_CN | U_WORD), TC("輛", "辆", U_CN),
	TC("條", "条", U_CN), TC("張", "张", U_CN), TC("屆", "届", 0),
	TC("棟", "栋", U_CN), TC("間", "间", U_CN), TC("處", "处", 0),
	TC("隻", "只", U_CN), TC("種", "种", U_CN), TC("輪", "轮", U_CN),
	TC("層", "层", 0), TC("門", "门", U_CN), TC("節", "节", U_CN),
	TC("冊", "册", U_CN), TC("頁", "页", 0), TC("筆", "笔", U_CN),
	TC("劑次", "剂次", 0), TC("劑", "剂", U_CN), TC("車次", "车次", 0),
	TC("歲", "岁", U_CN), TC("週歲", "周岁", U_CN),
	TC("週年", "周年", U_CN), TC("個單位", "个单位", U_CN),
	TC("個部門", "个部门", U_CN),
	TU("點", "點", "点", STAT_COUNT, 0, SP_POINT),
	TU("時", "時", "时", STAT_TIME, 0, SP_HOUR),
	TD("個月", "个月", U_CN), TD("小時", "小时", U_CN),
	TD("個小時", "个小时", U_CN), TD("分鐘", "分钟", U_CN),
	TD("秒鐘", "秒钟", 0), TD("週", "周", U_CN),
	TD("個星期", "个星期", U_CN), TD("個工作日", "个工作日", U_CN),
	TD("個季度", "个季度", U_CN),
	TU("個多月", "個月", "个月", STAT_DURATION, U_CN | U_APPROX, SP_NONE),
	TU("個多小時", "小時", "小时", STAT_DURATION, U_CN | U_APPROX,
	    SP_NONE),
	TU("個多星期", "星期", "星期", STAT_DURATION, U_CN | U_APPROX,
	    SP_NONE),
	TM("釐米", "厘米", 0), TM("公頃", "公顷", U_CN), TM("畝", "亩", U_CN),
	TM("噸", "吨", U_CN), TM("公噸", "公吨", U_CN), M("公吨", U_CN),
	TM("千瓦時", "千瓦时", 0), TM("分貝", "分贝", 0),
	TU("個百分點", "百分點", "百分点", STAT_PERCENT, U_CN, SP_NONE),
	TU("百分點", "百分點", "百分点", STAT_PERCENT, 0, SP_NONE),
	TU("歐元", "歐元", "欧元", STAT_MONEY, U_CN, SP_NONE),
	TU("英鎊", "英鎊", "英镑", STAT_MONEY, U_CN, SP_NONE),
	TU("日圓", "日圓", "日元", STAT_MONEY, U_CN | U_CNMULT, SP_NONE),
	TU("塊錢", "元", "元", STAT_MONEY, U_CN, SP_NONE),
};
#undef U
#undef C
#undef D
#undef M
#undef TU
#undef TC
#undef TD
#undef TM

/* A string literal and its length in bytes, for the tables below. */
#define STATS_LIT(s)	(s), (sizeof(s) - 1)

/* A unit followed by one of these is a different word: 3年级, 80年代. */
static const struct {
	const char	*s;
	size_t		 len;
} stats_notunit[] = {
	{ STATS_LIT("年级") }, { STATS_LIT("年代") }, { STATS_LIT("人民") },
	{ STATS_LIT("台湾") }, { STATS_LIT("天津") }, { STATS_LIT("个体") },
	{ STATS_LIT("名单") }, { STATS_LIT("家长") }, { STATS_LIT("年級") },
	{ STATS_LIT("台灣") }, { STATS_LIT("臺灣") }, { STATS_LIT("個體") },
	{ STATS_LIT("名單") }, { STATS_LIT("家長") },
};

/* Idioms and set political phrases (提法) whose numerals are not
   statistics (checked around a hit), and the characters that, right
   after one, make it a count after all (三个代表团: three delegations). */
#define I(s, unless)	{ STATS_LIT(s), (unless) }
static const struct {
	const char	*s;
	size_t		 len;
	const char	*unless;
} stats_idioms[] = {
	I("三番五次", ""), I("三天两头", ""), I("三年五载", ""),
	I("三位一体", ""), I("三人成虎", ""), I("三天打鱼", ""),
	I("十年寒窗", ""), I("一年半载", ""), I("两面三刀", ""),
	I("三头六臂", ""), I("七年之痒", ""), I("十年磨一", ""),
	I("四面八方", ""), I("五湖四海", ""),
	I("三个代表", "团处队"), I("两个维护", ""), I("四个意识", ""),
	I("四个自信", ""), I("两个确立", ""), I("四个全面", ""),
	I("八项规定", ""), I("五位一体", ""), I("三个务必", ""),
	I("两个务必", ""), I("三个倡导", ""), I("两个大局", ""),
	I("三严三实", ""), I("四个伟大", ""), I("两个一百", ""),
	I("四下基层", ""),
	/* the same in Traditional characters */
	I("三天兩頭", ""), I("三年五載", ""), I("三位一體", ""),
	I("三天打魚", ""), I("一年半載", ""), I("兩面三刀", ""),
	I("三頭六臂", ""), I("七年之癢", ""),
	I("三個代表", "團處隊"), I("兩個維護", ""), I("四個意識", ""),
	I("四個自信", ""), I("兩個確立", ""), I("四個全面", ""),
	I("八項規定", ""), I("五位一體", ""), I("三個務必", ""),
	I("兩個務必", ""), I("三個倡導", ""), I("兩個大局", ""),
	I("三嚴三實", ""), I("四個偉大", ""), I("兩個一百", ""),
	I("四下基層", ""),
};
#undef I

/* Chinese numerals: the digits and the multipliers 十百千万亿, in both
   scripts. */
static const struct {
	const char	*s;
	int		 digit;		/* its value; -1 for a multiplier */
	double		 mult;		/* its value; 0 for a digit */
} stats_numerals[] = {
	{ "零", 0, 0 }, { "〇", 0, 0 }, { "一", 1, 0 }, { "二", 2, 0 },
	{ "两", 2, 0 }, { "兩", 2, 0 }, { "三", 3, 0 }, { "四", 4, 0 },
	{ "五", 5, 0 }, { "六", 6, 0 }, { "七", 7, 0 }, { "八", 8, 0 },
	{ "九", 9, 0 },
	{ "十", -1, 10 }, { "百", -1, 100 }, { "千", -1, 1000 },
	{ "万", -1, 1e4 }, { "萬", -1, 1e4 }, { "亿", -1, 1e8 },
	{ "億", -1, 1e8 },
};

/* Multipliers after Arabic digits, longest first. */
static const struct {
	const char	*s;
	size_t		 len;
	double		 m;
} stats_mults[] = {
	{ STATS_LIT("万亿"), 1e12 }, { STATS_LIT("萬億"), 1e12 },
	{ STATS_LIT("千万"), 1e7 }, { STATS_LIT("千萬"), 1e7 },
	{ STATS_LIT("百万"), 1e6 }, { STATS_LIT("百萬"), 1e6 },
	{ STATS_LIT("亿"), 1e8 }, { STATS_LIT("億"), 1e8 },
	{ STATS_LIT("万"), 1e4 }, { STATS_LIT("萬"), 1e4 },
	{ STATS_LIT("千"), 1e3 }, { STATS_LIT("百"), 1e2 },
};

#define NMULTS	(sizeof(stats_mults) / sizeof(stats_mults[0]))

/* Approximation words before a number, longest first. */
static const char *const stats_before[] = {
	"大约", "将近", "接近", "超过", "大約", "將近", "超過", "约", "約",
	"近", "超", "逾",
};

/* Times of day; pm adds 12 hours to a clock below 12. */
static const struct {
	const char	*s;
	size_t		 len;
	int		 pm;
} stats_tods[] = {
	{ STATS_LIT("上午"), 0 }, { STATS_LIT("下午"), 1 },
	{ STATS_LIT("中午"), 2 }, { STATS_LIT("晚上"), 1 },
	{ STATS_LIT("凌晨"), 0 }, { STATS_LIT("早上"), 0 },
	{ STATS_LIT("傍晚"), 1 }, { STATS_LIT("清晨"), 0 },
	{ STATS_LIT("早晨"), 0 }, { STATS_LIT("夜间"), 1 },
	{ STATS_LIT("夜里"), 1 }, { STATS_LIT("晚间"), 1 },
	{ STATS_LIT("夜間"), 1 }, { STATS_LIT("夜裡"), 1 },
	{ STATS_LIT("夜裏"), 1 }, { STATS_LIT("晚間"), 1 },
};

/* The three-byte characters the scan stops at besides the Chinese
   numerals of stats_numerals: the full-width digits and the 《 that
   opens a title; and the three-byte clause marks, which the scan takes
   without leaving its run. */
static const char stats_stops[] = "０１２３４５６７８９《";
static const char stats_marks[] = "，；！？。";

/* The candidates by their second and third bytes: stats_pair[x] is the
   lead byte of the candidate whose two bytes have the 16-bit value x (in
   memory order, as memcpy reads them), with STATS_PAIR_MARK set when it
   is one of stats_marks; 0 when no candidate has them.  Built once from
   stats_numerals, stats_stops and stats_marks; that fails when two
   candidates share their last two bytes.  Most characters are known by
   one load here; one that shares a candidate's last bytes (适 those of
   。) differs in its lead. */
static uint8_t		 stats_pair[1 << 16];
/* A bit that no lead byte of a three-byte character (0xE0-0xEF) has. */
#define STATS_PAIR_MARK	0x10

/* The entry of stats_pair for the second and third bytes of the
   character at p. */
static inline uint8_t
stats_pair_at(const uint8_t *p)
{
	uint16_t pair;

	memcpy(&pair, p + 1, sizeof(pair));
	return stats_pair[pair];
}

/* Whether the character at p (at least three bytes there) is a
   candidate of the scan but a clause mark: a Chinese numeral or one of
   stats_stops. */
static inline int
stats_stop_at(const uint8_t *p)
{
	uint8_t e = stats_pair_at(p);

	return e != 0 && e == p[0];
}

/* ASCII bytes: 1 a digit, 2 a clause mark. */
static const uint8_t stats_ascii[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	[','] = 2, [';'] = 2, ['!'] = 2, ['?'] = 2, ['\n'] = 2,
};

/* The state of one stats_scan. */
struct scan {
	const uint8_t	*s;
	size_t		 len;
	size_t		 story, block;
	struct stat_list *list;
	size_t		 cs;		/* where the current clause starts */
	size_t		 pending;	/* first hit whose clause end is unknown */
	const void	*hstack;	/* the list's hits and norms while they */
	const void	*nstack;	/* are stats_page's stack arrays */
};

/* A hit being built. */
struct q {
	size_t		 start, end;
	double		 v, v2;
	char		 norm[32];
	uint16_t	 uid;		/* index in stats_unames */
	enum stat_kind	 kind;
	unsigned	 flags;
};

/* An Arabic number: digits, thousands separators, decimals. */
struct num {
	size_t		 end;		/* past the number */
	size_t		 iend;		/* past the integer digits */
	double		 v;
	int		 nint;		/* integer digits */
	int		 frac;		/* has a decimal part */
	int		 sep;		/* has thousands separators */
	int		 lead0;		/* 05: several digits, the first 0 */
	int		 bad;		/* too long for a statistic, or 1.2.3 */
};

/* A run of Chinese numerals. */
struct cnum {
	size_t		 end;
	double		 v;
	int		 nchars;
	int		 mult;		/* has 十百千万亿 */
	int		 lone;		/* a bare 百 千 万 亿 */
	int		 seq;		/* two digits in a row: 三四, 二〇二一 */
	int		 digits;	/* only digits (二〇二一) */
};

/* The tail of a number: approximation, multiplier, unit. */
struct tail {
	size_t		 end;
	double		 mult;
	double		 add;		/* 6萬0552: 552 after the 萬 */
	int		 hasmult;
	unsigned	 flags;		/* STAT_APPROX */
	const struct unit *u;
	ucs4_t		 next;		/* the character at end, when */
	int		 nextlen;	/* known: its length (stats_cp),
					   else -1 */
};

/* Whether the bytes at i are the n bytes lit; returns n, else 0. */
static inline size_t
stats_litn(const struct scan *sc, size_t i, const char *lit, size_t n)
{
	if (n == 0 || i > sc->len || n > sc->len - i ||
	    memcmp(sc->s + i, lit, n) != 0)
		return 0;
	return n;
}

/* Whether the bytes at i are lit; returns its length, else 0.  (A macro
   so that the length of a string literal is a constant.) */
#define stats_lit(sc, i, lit)	stats_litn((sc), (i), (lit), strlen(lit))

/* Whether the bytes just before i are lit; returns its length, else 0. */
static inline size_t
stats_litbefore(const struct scan *sc, size_t i, const char *lit)
{
	size_t	n = strlen(lit), k;

	/* the last byte first: most often it differs */
	if (i < n || n == 0 || sc->s[i - 1] != (uint8_t)lit[n - 1])
		return 0;
	for (k = 0; k < n; k++)
		if (sc->s[i - n + k] != (uint8_t)lit[k])
			return 0;
	return n;
}

/* The code point at i, its length in *n (0 at the end). */
static inline ucs4_t
stats_cp(const struct scan *sc, size_t i, int *n)
{
	const uint8_t	*p = sc->s + i;
	ucs4_t		 uc;

	if (i >= sc->len) {
		*n = 0;
		return 0;
	}
	if (p[0] < 0x80) {
		*n = 1;
		return p[0];
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* the common case, Chinese, with four bytes there: its pattern
	   told by one compare of a word */
	if (sc->len - i >= 4) {
		uint32_t w;

		memcpy(&w, p, sizeof(w));
		if ((w & 0xC0C0F0) == 0x8080E0) {
			*n = 3;
			return (w & 0x0F) << 12 | (w >> 2 & 0xFC0) |
			    (w >> 16 & 0x3F);
		}
	} else
#endif
	/* the common case, Chinese, without a call */
	if ((p[0] & 0xF0) == 0xE0 && sc->len - i >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*n = 3;
		return (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F);
	}
	*n = u8_mbtouc_unsafe(&uc, p, sc->len - i);
	return uc;
}

/* The code point of the three-byte character at p, which the caller
   knows to be one (a candidate of the scan: stats_stop_at). */
static inline ucs4_t
stats_cp3(const uint8_t *p)
{
	return (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 |
	    (p[2] & 0x3F);
}

/* The code point ending at i (0 at the start). */
static ucs4_t
stats_prevcp(const struct scan *sc, size_t i)
{
	size_t	j;
	int	n;
	ucs4_t	uc;

	if (i == 0)
		return 0;
	j = i - 1;
	while (j > 0 && i - j < 4 && (sc->s[j] & 0xC0) == 0x80)
		j--;
	uc = stats_cp(sc, j, &n);
	return (size_t)n == i - j ? uc : 0xFFFD;
}

/* The digit at i (ASCII or full-width), its length in *n; -1 if none. */
static inline int
stats_digit(const struct scan *sc, size_t i, int *n)
{
	const uint8_t *s = sc->s;

	if (i < sc->len && s[i] >= '0' && s[i] <= '9') {
		*n = 1;
		return s[i] - '0';
	}
	if (i + 2 < sc->len && s[i] == 0xEF && s[i + 1] == 0xBC &&
	    s[i + 2] >= 0x90 && s[i + 2] <= 0x99) {
		*n = 3;
		return s[i + 2] - 0x90;
	}
	return -1;
}

/* Whether byte c is an ASCII letter. */
static int
stats_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether byte c is an ASCII letter or digit. */
static int
stats_alnum(int c)
{
	return stats_alpha(c) || (c >= '0' && c <= '9');
}

#define NNUMERALS	(sizeof(stats_numerals) / sizeof(stats_numerals[0]))
/* The code points of stats_numerals and an open hash of them (the slot
   of one holds 1 + its index, 0 when empty); built once.  A numeral is
   known by one hash and a compare, where a switch per kind took a
   dozen. */
static ucs4_t		 stats_numcp[NNUMERALS];
#define STATS_NSLOTS	64		/* at most half full */
static uint8_t		 stats_nslot[STATS_NSLOTS];
#define STATS_NHASH(c)	((uint32_t)((c) * 0x9E3779B1u) >> 26)
_Static_assert(NNUMERALS < STATS_NSLOTS / 2, "stats_nslot at most half full");

/* The index of code point c in stats_numerals, or -1. */
static inline int
stats_numeral(ucs4_t c)
{
	uint32_t h;

	for (h = STATS_NHASH(c); stats_nslot[h] != 0;
	    h = (h + 1) & (STATS_NSLOTS - 1))
		if (stats_numcp[stats_nslot[h] - 1] == c)
			return stats_nslot[h] - 1;
	return -1;
}

/* The value of a Chinese digit, or -1. */
static int
stats_cndigit(ucs4_t c)
{
	int	k = stats_numeral(c);

	return k >= 0 ? stats_numerals[k].digit : -1;
}

/* Read the run of Chinese numerals at i into cn; 0 if there is none. */
static int
stats_cnum(const struct scan *sc, size_t i, struct cnum *cn)
{
	double	 total = 0, section = 0, lastm = 0, m, pos = 0;
	int	 cur = -1, prevdigit = 0, prevmult = 0, zero = 0, d, n, k;
	int	 lonechar = 0, tail = 0;
	size_t	 j = i;
	ucs4_t	 c;

	memset(cn, 0, sizeof(*cn));
	cn->digits = 1;
	/* a numeral is a candidate of the scan (stats_pair): most
	   characters after one are known by a load, without decoding */
	while (j + 3 <= sc->len && stats_stop_at(sc->s + j)) {
		c = stats_cp3(sc->s + j);
		n = 3;
		if ((k = stats_numeral(c)) < 0)
			break;
		if ((d = stats_numerals[k].digit) >= 0) {
			if (prevdigit && !zero)
				cn->seq = 1;
			tail = prevmult && d > 0;
			zero = d == 0;
			if (d > 0)
				cur = d;
			if (pos < 1e15)
				pos = pos * 10 + d;
			prevdigit = 1;
			prevmult = 0;
		} else {
			m = stats_numerals[k].mult;
			cn->digits = 0;
			cn->mult = 1;
			if (m != 10 && cur < 0 && section == 0 && total == 0)
				lonechar = 1;
			if (m >= 1e4) {
				section += cur > 0 ? cur : 0;
				if (section == 0 && total == 0)
					section = 1;
				if (m == 1e8)
					total = (total + section) * m;
				else
					total += section * m;
				section = 0;
			} else
				section += (cur > 0 ? cur : 1) * m;
			cur = -1;
			lastm = m;
			prevdigit = zero = tail = 0;
			prevmult = 1;
		}
		cn->nchars++;
		j += n;
	}
	if (cn->nchars == 0)
		return 0;
	/* 一百五 is 150, 两万三 23000; 一百零五 is 105 */
	if (tail && cur > 0 && lastm >= 100)
		cur = cur * (int)(lastm / 10);
	cn->v = cn->digits ? pos : total + section + (cur > 0 ? cur : 0);
	cn->lone = lonechar && cn->nchars == 1;
	cn->end = j;
	return 1;
}

/* Length of a decimal point at j (. or ．), or 0. */
static size_t
stats_dot(const struct scan *sc, size_t j)
{
	if (j >= sc->len || (sc->s[j] != '.' && sc->s[j] != 0xEF))
		return 0;
	return sc->s[j] == '.' ? 1 : stats_lit(sc, j, "．");
}

/* Read the Arabic number at i into nm. */
static void
stats_num(const struct scan *sc, size_t i, struct num *nm)
{
	const uint8_t *s = sc->s;
	double	 scale, v;
	size_t	 j = i, k;
	int	 d, n, nint, first = -1;

	/* the fields set only when so, without a memset (the others are
	   set below) */
	nm->frac = nm->sep = nm->bad = 0;
	/* in locals: the text's bytes may alias *nm */
	for (v = 0, nint = 0; (d = stats_digit(sc, j, &n)) >= 0; nint++) {
		if (first < 0)
			first = d;
		if (nint < 18)
			v = v * 10 + d;
		j += n;
	}
	nm->v = v;
	nm->nint = nint;
	nm->lead0 = first == 0 && nm->nint > 1;
	/* 11,678: groups of exactly three ASCII digits */
	if (nm->nint <= 3 && !nm->lead0 && s[i] < 0x80) {
		k = j;
		while (k + 3 < sc->len && s[k] == ',' &&
		    s[k + 1] >= '0' && s[k + 1] <= '9' &&
		    s[k + 2] >= '0' && s[k + 2] <= '9' &&
		    s[k + 3] >= '0' && s[k + 3] <= '9' &&
		    stats_digit(sc, k + 4, &n) < 0) {
			nm->v = nm->v * 1000 + (s[k + 1] - '0') * 100 +
			    (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
			nm->nint += 3;
			nm->sep = 1;
			k += 4;
		}
		j = k;
	}
	nm->iend = j;
	if ((k = stats_dot(sc, j)) && stats_digit(sc, j + k, &n) >= 0) {
		nm->frac = 1;
		j += k;
		scale = 0.1;
		while ((d = stats_digit(sc, j, &n)) >= 0) {
			nm->v += d * scale;
			scale /= 10;
			j += n;
		}
		/* 1.2.3 is a version or a code: skip all of it */
		while ((k = stats_dot(sc, j)) && stats_digit(sc, j + k, &n) >= 0) {
			nm->bad = 1;
			for (j += k; stats_digit(sc, j, &n) >= 0; j += n)
				;
		}
	}
	if (nm->nint > 15)
		nm->bad = 1;
	nm->end = j;
}

/* A numeral's value as a long for dates and clock times, -1 when it is
   too big to be one (万亿万亿 is 1e20: no cast of that is defined). */
static long
stats_small(double v)
{
	return v >= 0 && v < 1e9 ? (long)v : -1;
}

/* Read an integer of at most maxd Arabic digits (cn 0) or a Chinese
   numeral (cn 1) at j; -1 when there is none. */
static long
stats_int(const struct scan *sc, size_t j, int cn, int maxd, size_t *end)
{
	struct num	nm;
	struct cnum	c;
	size_t		k;
	long		v;
	int		n, nd, d;

	if (cn) {
		if (!stats_cnum(sc, j, &c) || c.seq || c.lone)
			return -1;
		*end = c.end;
		return stats_small(c.v);
	}
	if (stats_digit(sc, j, &n) < 0)
		return -1;
	/* the common case, a month or a day: at most maxd digits and no
	   separator or decimal point after them (, . or the ．, ，... that
	   start with 0xEF), which stats_num would read */
	for (k = j, v = 0, nd = 0;
	    nd <= maxd && (d = stats_digit(sc, k, &n)) >= 0;
	    nd++, k += (size_t)n)
		v = v * 10 + d;
	if (nd > maxd)
		return -1;
	if (k >= sc->len || (sc->s[k] != ',' && sc->s[k] != '.' &&
	    sc->s[k] != 0xEF)) {
		*end = k;
		return v;
	}
	stats_num(sc, j, &nm);
	if (nm.bad || nm.frac || nm.sep || nm.nint > maxd)
		return -1;
	*end = nm.end;
	return (long)nm.v;
}

/* Read a run of digits at j: its value, or -1 when it is empty or longer
   than maxd; *nd gets the number of digits. */
static long
stats_digits(const struct scan *sc, size_t j, int maxd, size_t *end, int *nd)
{
	long	 v = 0;
	int	 d, n;

	*nd = 0;
	while ((d = stats_digit(sc, j, &n)) >= 0) {
		if (++*nd > maxd)
			return -1;
		v = v * 10 + d;
		j += n;
	}
	*end = j;
	return *nd ? v : -1;
}

#define NUNITS	(sizeof(stats_units) / sizeof(stats_units[0]))

/* stats_units sorted by the key of their first character, longest first
   among equal keys; built once. */
static uint8_t		 stats_uorder[NUNITS];
static uint32_t		 stats_ukeys[NUNITS];
/* Open hash of the first characters of the units: the slot of a key
   holds 1 + its first index in stats_ukeys, 0 when empty. */
#define STATS_USLOTS	512		/* at most half full */
static uint8_t		 stats_uslot[STATS_USLOTS];
#define STATS_UHASH(key)	((uint32_t)((key) * 0x9E3779B1u) >> 23)
_Static_assert(NUNITS < 255, "stats_uslot holds unit indices in a byte");
/* Of the units with the first character of stats_ukeys[i], at the first
   such i: the third bytes (& 0x3F) of their second characters, as bits,
   when each longer one's second character has three bytes (else all
   bits); and the index of the first of them with one character (after
   the longer ones; after all of them when none has one).  Most
   characters after a unit's first are no unit's second: one bit tells,
   and only the units of one character are compared. */
static uint64_t		 stats_ulong[NUNITS];
static uint8_t		 stats_ushort[NUNITS];
/* The distinct unit names that hits report (index 0: none), and the
   index of each unit's name; built once. */
static const char	*stats_unames[NUNITS + 4];
static const char	*stats_unorms[NUNITS + 4];	/* their Simplified
							   forms */
static uint16_t		 stats_nunames;
static uint16_t		 stats_unit_uid[NUNITS];
static uint16_t		 stats_uid_yuan, stats_uid_pct, stats_uid_permille;
static uint16_t		 stats_uid_year;
/* The last bytes (& 0x3F) of the words of stats_notunit, as bits, and
   their length when they all have one (else 0). */
static uint64_t		 stats_notlast;
static size_t		 stats_notlen;
/* What the byte before a number may begin, as bits; built once.  Most
   bytes before a number (the end of a Chinese character, a line end)
   have none: one load for four tests of stats_arabic. */
#define STATS_P_LATIN	0x01	/* a letter or _: stats_latinbefore */
#define STATS_P_JOIN	0x02	/* - . / #: stats_latinbefore */
#define STATS_P_DI	0x04	/* the last byte of 第 */
#define STATS_P_PREFIX	0x08	/* in stats_beforelast: stats_prefix_at */
#define STATS_P_YEN	0x10	/* the last byte of ¥ and ￥ */
static uint8_t		 stats_prev[256];
/* For each unit, the words of stats_notunit that agree with it on the
   bytes both have, as bits: only these can start where it does. */
#define NNOTUNIT	(sizeof(stats_notunit) / sizeof(stats_notunit[0]))
_Static_assert(NNOTUNIT <= 16, "stats_unotw holds a bit for each word");
static uint16_t		 stats_unotw[NUNITS];
/* The same for the times of day of stats_tods, and their bytes before
   the last (，after a day ends in a byte that 里 does). */
static uint64_t		 stats_todlast, stats_todlast2;
static size_t		 stats_todlen;
/* The last bytes (& 0x3F) of the words of stats_before, as bits. */
static uint64_t		 stats_beforelast;
static pthread_once_t	 stats_once = PTHREAD_ONCE_INIT;

#define NIDIOMS	(sizeof(stats_idioms) / sizeof(stats_idioms[0]))
/* Open hash of stats_idioms by their bytes: the slot of an idiom holds
   1 + its index, 0 when empty; built once.  A numeral asks a slot for
   each character it may be (the first to the fourth) and each length
   of idiom, not every idiom at every place. */
#define STATS_ISLOTS	128		/* at most half full */
static uint8_t		 stats_islot[STATS_ISLOTS];
_Static_assert(NIDIOMS < STATS_ISLOTS / 2, "stats_islot at most half full");
/* The lengths of the idioms in bytes, ascending, without repeats (the
   rest zero-filled at the front: the last is the longest). */
#define STATS_ILENS	4
static size_t		 stats_ilens[STATS_ILENS];
/* The third bytes (& 0x3F) of the idioms, as bits: an idiom that starts
   at j has one of them at j + 2 (the numeral at i, three bytes, leaves
   i + 2 inside the text for every start asked, j <= i). */
static uint64_t		 stats_ithird;

/* What the character after a number may be, by its code point (below
   0x10000), as bits; built once.  One load tells what a chain of
   compares told for each number.  Above the bits (STATS_A_FIRST), for
   the first character of a unit, 1 + the first index in stats_ukeys of
   the units it starts. */
#define STATS_A_APPROX	0x01	/* 余多来餘來: 30余, 三十来 */
#define STATS_A_MULT	0x02	/* a multiplier's first character
				   (stats_mults): 3.5万 */
#define STATS_A_CLOCK	0x04	/* : ： 时 点 時 點: 8:30, 5时 */
#define STATS_A_YM	0x08	/* 年 月 */
#define STATS_A_UNIT	0x10	/* the first character of a unit */
#define STATS_A_FIRST	8	/* the shift of the index of stats_ukeys */
static uint16_t		 stats_after[0x10000];
static const char stats_after_approx[] = "余多来餘來";
static const char stats_after_clock[] = ":：时点時點";
static const char stats_after_ym[] = "年月";

/* The bits of stats_after of code point c. */
static inline unsigned
stats_afterof(ucs4_t c)
{
	return c < 0x10000 ? stats_after[c] : 0;
}

/* The key of the character at p (at most avail bytes): its bytes as one
   number, 0 when it cannot start a unit. */
static uint32_t
stats_key(const uint8_t *p, size_t avail)
{
	size_t		n, k;
	uint32_t	key = 0;

	if (avail == 0)
		return 0;
	n = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	if (n > avail || n == 4)
		return 0;
	for (k = 0; k < n; k++)
		key = key << 8 | p[k];
	return key;
}

/* The index of unit name s (Simplified form norm) in stats_unames,
   added if new. */
static uint16_t
stats_uname(const char *s, const char *norm)
{
	uint16_t i;

	for (i = 0; i < stats_nunames; i++)
		if (strcmp(stats_unames[i], s) == 0)
			return i;
	stats_unames[stats_nunames] = s;
	stats_unorms[stats_nunames] = norm;
	return stats_nunames++;
}

/* The hash of the n bytes at p (FNV-1a), a slot of stats_islot. */
static uint32_t
stats_ihash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *p++) * 16777619u;
	return h >> 25;
}

/* The index of the idiom that is the n bytes at p, or -1. */
static int
stats_idiom_at(const uint8_t *p, size_t n)
{
	uint32_t h;
	int	 k;

	for (h = stats_ihash(p, n); stats_islot[h] != 0;
	    h = (h + 1) & (STATS_ISLOTS - 1)) {
		k = stats_islot[h] - 1;
		if (stats_idioms[k].len == n &&
		    memcmp(p, stats_idioms[k].s, n) == 0)
			return k;
	}
	return -1;
}

/* Add an idiom length to stats_ilens (kept ascending, without repeats;
   a table with more lengths than it holds fails to build). */
static void
stats_ilen(size_t n)
{
	size_t	 k;

	for (k = 0; k < STATS_ILENS; k++)
		if (stats_ilens[k] == n)
			return;
	if (stats_ilens[0] != 0)
		abort();	/* more lengths than STATS_ILENS */
	for (k = 0; k + 1 < STATS_ILENS && stats_ilens[k + 1] < n; k++)
		stats_ilens[k] = stats_ilens[k + 1];
	stats_ilens[k] = n;
}

/* Make the character at p (avail bytes there) a candidate of the scan,
   a clause mark when mark is STATS_PAIR_MARK: its entry in stats_pair;
   returns its length.  The scan's tables hold
   three-byte characters: any other fails to build. */
static size_t
stats_candadd(const uint8_t *p, size_t avail, uint8_t mark)
{
	uint16_t pair;
	int	 n = u8_mblen(p, avail);

	if (n != 3 || (p[0] & STATS_PAIR_MARK) != 0)
		abort();
	memcpy(&pair, p + 1, sizeof(pair));
	if (stats_pair[pair] != 0)
		abort();	/* two candidates with the same last bytes */
	stats_pair[pair] = p[0] | mark;
	return (size_t)n;
}

/* Set bit in stats_after for each character of the n bytes at p. */
static void
stats_afterset(const char *p, size_t n, uint16_t bit)
{
	ucs4_t	 c;
	int	 k;

	for (; n > 0; p += k, n -= (size_t)k) {
		k = u8_mbtouc_unsafe(&c, (const uint8_t *)p, n);
		if (c < 0x10000)
			stats_after[c] |= bit;
	}
}

/* Build stats_uorder, stats_ukeys, the unit names, stats_nslot,
   stats_islot, and the scan's candidates (stats_pair). */
static void
stats_index(void)
{
	size_t		 i, j, k;
	uint8_t		 t;
	uint32_t	 tk;

	stats_uname("", "");
	for (i = 0; i < NUNITS; i++)
		stats_unit_uid[i] = stats_uname(stats_units[i].name,
		    stats_units[i].norm);
	stats_uid_yuan = stats_uname("元", "元");
	stats_uid_pct = stats_uname("%", "%");
	stats_uid_permille = stats_uname("‰", "‰");
	stats_uid_year = stats_uname("年", "年");

	for (i = 0; i < NUNITS; i++) {
		stats_uorder[i] = (uint8_t)i;
		stats_ukeys[i] = stats_key((const uint8_t *)stats_units[i].s,
		    stats_units[i].len);
	}
	/* insertion sort: by key, then longest first */
	for (i = 1; i < NUNITS; i++)
		for (j = i; j > 0 && (stats_ukeys[j - 1] > stats_ukeys[j] ||
		    (stats_ukeys[j - 1] == stats_ukeys[j] &&
		    stats_units[stats_uorder[j - 1]].len <
		    stats_units[stats_uorder[j]].len)); j--) {
			t = stats_uorder[j];
			stats_uorder[j] = stats_uorder[j - 1];
			stats_uorder[j - 1] = t;
			tk = stats_ukeys[j];
			stats_ukeys[j] = stats_ukeys[j - 1];
			stats_ukeys[j - 1] = tk;
		}
	for (i = 0; i < NUNITS; i++) {
		uint32_t h;

		if (stats_ukeys[i] == 0 || (i > 0 &&
		    stats_ukeys[i - 1] == stats_ukeys[i]))
			continue;
		for (h = STATS_UHASH(stats_ukeys[i]); stats_uslot[h] != 0;
		    h = (h + 1) & (STATS_USLOTS - 1))
			;
		stats_uslot[h] = (uint8_t)(i + 1);
	}
	for (i = 0; i < NUNITS; i = j) {
		const struct unit *u = &stats_units[stats_uorder[i]];
		size_t	 kl = (size_t)u8_mblen((const uint8_t *)u->s, u->len);
		uint64_t mask = 0;
		int	 all3 = 1;

		for (j = i; j < NUNITS && stats_ukeys[j] == stats_ukeys[i];
		    j++) {
			u = &stats_units[stats_uorder[j]];
			if (u->len == kl)
				continue;
			if (u8_mblen((const uint8_t *)u->s + kl,
			    u->len - kl) == 3)
				mask |= (uint64_t)1 << (u->s[kl + 2] & 0x3F);
			else
				all3 = 0;
		}
		stats_ulong[i] = all3 ? mask : ~(uint64_t)0;
		for (k = i; k < j && stats_units[stats_uorder[k]].len > kl; k++)
			;
		stats_ushort[i] = (uint8_t)k;
	}
	for (i = 0; i < sizeof(stats_before) / sizeof(stats_before[0]); i++)
		stats_beforelast |= (uint64_t)1 <<
		    (stats_before[i][strlen(stats_before[i]) - 1] & 0x3F);
	for (i = 0; i < NUNITS; i++) {
		const struct unit *u = &stats_units[stats_uorder[i]];
		ucs4_t	 c;
		int	 n;

		n = u8_mbtouc_unsafe(&c, (const uint8_t *)u->s, u->len);
		if (c >= 0x10000 || (n != 1 && n != 3))
			abort();	/* stats_after holds the BMP, and
					   stats_unit_at one or three bytes */
		stats_after[c] |= STATS_A_UNIT;
		if (i == 0 || stats_ukeys[i - 1] != stats_ukeys[i])
			stats_after[c] |= (uint16_t)((i + 1) << STATS_A_FIRST);
	}
	stats_afterset(stats_after_approx, sizeof(stats_after_approx) - 1,
	    STATS_A_APPROX);
	for (i = 0; i < NMULTS; i++)	/* each multiplier's first character */
		stats_afterset(stats_mults[i].s, (size_t)u8_mblen((const
		    uint8_t *)stats_mults[i].s, stats_mults[i].len),
		    STATS_A_MULT);
	stats_afterset(stats_after_clock, sizeof(stats_after_clock) - 1,
	    STATS_A_CLOCK);
	stats_afterset(stats_after_ym, sizeof(stats_after_ym) - 1,
	    STATS_A_YM);
	for (i = 0; i < 256; i++) {
		if (stats_alpha((int)i) || i == '_')
			stats_prev[i] |= STATS_P_LATIN;
		if (i == '-' || i == '.' || i == '/' || i == '#')
			stats_prev[i] |= STATS_P_JOIN;
		if (i == (uint8_t)"第"[sizeof("第") - 2])
			stats_prev[i] |= STATS_P_DI;
		if (stats_beforelast >> (i & 0x3F) & 1)
			stats_prev[i] |= STATS_P_PREFIX;
		if (i == (uint8_t)"¥"[sizeof("¥") - 2] ||
		    i == (uint8_t)"￥"[sizeof("￥") - 2])
			stats_prev[i] |= STATS_P_YEN;
	}
	for (i = 0; i < NUNITS; i++)
		for (j = 0; j < NNOTUNIT; j++)
			if (memcmp(stats_units[i].s, stats_notunit[j].s,
			    stats_units[i].len < stats_notunit[j].len ?
			    stats_units[i].len : stats_notunit[j].len) == 0)
				stats_unotw[i] |= (uint16_t)(1u << j);
	stats_todlen = stats_tods[0].len;
	for (i = 0; i < sizeof(stats_tods) / sizeof(stats_tods[0]); i++) {
		stats_todlast |= (uint64_t)1 <<
		    (stats_tods[i].s[stats_tods[i].len - 1] & 0x3F);
		stats_todlast2 |= (uint64_t)1 <<
		    (stats_tods[i].s[stats_tods[i].len - 2] & 0x3F);
		if (stats_tods[i].len != stats_todlen)
			stats_todlen = 0;
	}
	if (stats_todlen < 2)
		stats_todlen = 0;	/* the masks need two bytes */
	stats_notlen = stats_notunit[0].len;
	for (i = 0; i < sizeof(stats_notunit) / sizeof(stats_notunit[0]); i++) {
		stats_notlast |= (uint64_t)1 <<
		    (stats_notunit[i].s[stats_notunit[i].len - 1] & 0x3F);
		if (stats_notunit[i].len != stats_notlen)
			stats_notlen = 0;
	}
	for (i = 0; i < NNUMERALS; i++) {
		uint32_t h;

		u8_mbtouc_unsafe(&stats_numcp[i],
		    (const uint8_t *)stats_numerals[i].s,
		    strlen(stats_numerals[i].s));
		for (h = STATS_NHASH(stats_numcp[i]); stats_nslot[h] != 0;
		    h = (h + 1) & (STATS_NSLOTS - 1))
			;
		stats_nslot[h] = (uint8_t)(i + 1);
		stats_candadd((const uint8_t *)stats_numerals[i].s,
		    strlen(stats_numerals[i].s), 0);
	}
	for (i = 0; i < sizeof(stats_stops) - 1;)
		i += stats_candadd((const uint8_t *)stats_stops + i,
		    sizeof(stats_stops) - 1 - i, 0);
	for (i = 0; i < sizeof(stats_marks) - 1;)
		i += stats_candadd((const uint8_t *)stats_marks + i,
		    sizeof(stats_marks) - 1 - i, STATS_PAIR_MARK);
	for (i = 0; i < NIDIOMS; i++) {
		uint32_t h;

		for (h = stats_ihash((const uint8_t *)stats_idioms[i].s,
		    stats_idioms[i].len); stats_islot[h] != 0;
		    h = (h + 1) & (STATS_ISLOTS - 1))
			;
		stats_islot[h] = (uint8_t)(i + 1);
		stats_ilen(stats_idioms[i].len);
		if (stats_idioms[i].len < 3)
			abort();	/* stats_ithird needs three bytes */
		stats_ithird |= (uint64_t)1 << (stats_idioms[i].s[2] & 0x3F);
	}
}

/* The unit at j, longest match, whose first character (kl bytes, the
   key key) starts the units from lo in stats_ukeys; cn restricts to
   U_CN units. */
static inline const struct unit *
stats_unit_from(const struct scan *sc, size_t j, size_t lo, size_t kl,
    uint32_t key, int cn)
{
	const struct unit *u = NULL;
	const uint8_t *p = sc->s + j;
	size_t	 i, avail = sc->len - j;
	unsigned m;

	if (avail >= kl + 3 && !(stats_ulong[lo] >> (p[kl + 2] & 0x3F) & 1))
		lo = stats_ushort[lo];
	for (; lo < NUNITS && stats_ukeys[lo] == key; lo++) {
		u = &stats_units[stats_uorder[lo]];
		if ((!cn || (u->flags & U_CN)) && u->len <= avail) {
			for (i = kl; i < u->len && p[i] == (uint8_t)u->s[i]; i++)
				;
			if (i == u->len)
				break;
		}
		u = NULL;
	}
	if (u == NULL)
		return NULL;
	if ((u->flags & U_LATIN) && j + u->len < sc->len &&
	    stats_alnum(sc->s[j + u->len]))
		return NULL;
	/* most characters after a unit end in a byte that no word of
	   stats_notunit ends in (when the words have one length) */
	if ((u->flags & U_WORD) && (stats_notlen == 0 ||
	    (sc->len - j >= stats_notlen &&
	    (stats_notlast >> (sc->s[j + stats_notlen - 1] & 0x3F) & 1))))
		/* only the words that can start where the unit does */
		for (m = stats_unotw[u - stats_units]; m != 0; m &= m - 1) {
			i = (size_t)__builtin_ctz(m);
			if (stats_notunit[i].len <= sc->len - j &&
			    sc->s[j + stats_notunit[i].len - 1] ==
			    (uint8_t)stats_notunit[i].s[stats_notunit[i].len - 1] &&
			    stats_litn(sc, j, stats_notunit[i].s,
			    stats_notunit[i].len))
				return NULL;
		}
	return u;
}

/* The unit at j whose first character, c, starts one (STATS_A_UNIT):
   as stats_unit, its units found by stats_after, without the hash. */
static const struct unit *
stats_unit_at(const struct scan *sc, size_t j, ucs4_t c, int cn)
{
	size_t	 lo = (size_t)(stats_after[c] >> STATS_A_FIRST) - 1;

	return stats_unit_from(sc, j, lo, c < 0x80 ? 1 : 3, stats_ukeys[lo],
	    cn);
}

/* The unit at j, longest match; cn restricts to U_CN units. */
static const struct unit *
stats_unit(const struct scan *sc, size_t j, int cn)
{
	const uint8_t *p;
	size_t	 kl, avail;
	uint32_t key, h;

	if (j >= sc->len)
		return NULL;
	p = sc->s + j;
	avail = sc->len - j;
	/* the key of the character at p, as stats_key */
	if (p[0] < 0x80) {
		key = p[0];
		kl = 1;
	} else if (p[0] >= 0xE0 && p[0] < 0xF0 && avail >= 3) {
		key = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
		kl = 3;
	} else if ((key = stats_key(p, avail)) == 0)
		return NULL;
	else
		kl = key < 0x10000 ? 2 : 3;
	for (h = STATS_UHASH(key); stats_uslot[h] != 0 &&
	    stats_ukeys[stats_uslot[h] - 1] != key;
	    h = (h + 1) & (STATS_USLOTS - 1))
		;
	if (stats_uslot[h] == 0)
		return NULL;
	/* the first character matches: compare the rest */
	return stats_unit_from(sc, j, stats_uslot[h] - 1u, kl, key, cn);
}

/* After a multiplier 万 or 亿 ending at k: a smaller number that adds to
   it (6萬0552人 is 60552, 1亿2000万 120000000), unless it is a date's
   year, month or day (3万2018年).  Returns where the tail goes on. */
static size_t
stats_mult_rest(const struct scan *sc, size_t k, struct tail *t)
{
	struct num	 nm;
	size_t		 e, n;
	double		 add;
	int		 dn;
	ucs4_t		 c;

	if ((t->mult != 1e4 && t->mult != 1e8) || stats_digit(sc, k, &dn) < 0)
		return k;
	stats_num(sc, k, &nm);
	if (nm.bad || nm.frac || nm.sep || nm.nint > (t->mult == 1e4 ? 4 : 8))
		return k;
	e = nm.end;
	add = nm.v;
	if (t->mult == 1e8 && ((n = stats_lit(sc, e, "万")) ||
	    (n = stats_lit(sc, e, "萬")))) {
		add *= 1e4;
		e += n;
	}
	c = stats_cp(sc, e, &dn);
	if (add >= t->mult || c == 0x5E74 || c == 0x6708 || c == 0x65E5 ||
	    c == 0x53F7 || c == 0x865F ||		/* 年月日号號 */
	    (c < 0x80 && (stats_alpha((int)c) || c == '.' || c == ':')))
		return k;
	t->add = add;
	return e;
}

/* Read approximation, multiplier and unit after a number ending at j,
   where the character is c0, cl0 bytes long (stats_cp: the caller has
   read it already).  Inlined into its three callers: *t then lives in
   their registers, and most numbers come here. */
static inline void __attribute__((always_inline))
stats_tail(const struct scan *sc, size_t j, ucs4_t c0, int cl0, double v,
    int cn, int cnmult, struct tail *t)
{
	const struct unit *u;
	size_t	 k, n, i;
	ucs4_t	 c = c0;
	int	 cl = cl0;
	unsigned a;

	/* each field but end (set at each return), without a memset: the
	   tail is its callers' local, in registers where it can be */
	t->mult = 1;
	t->add = 0;
	t->hasmult = 0;
	t->flags = 0;
	t->u = NULL;
	t->next = 0;
	t->nextlen = -1;
	/* 30余, 30多, 三十来 */
	k = j;
	a = stats_afterof(c);
	if (a & STATS_A_APPROX) {		/* 余多来餘來 */
		k += cl;
		t->flags |= STAT_APPROX;
		c = stats_cp(sc, k, &cl);
		a = stats_afterof(c);
	}
	/* 3.5万, 2亿; but 5千米 is a unit */
	if (!cn && (a & STATS_A_MULT)) {	/* 万亿千百萬億 */
		for (i = 0; i < NMULTS; i++) {
			/* the third byte first: 万亿千百萬億 differ there */
			if (sc->s[k + 2] != (uint8_t)stats_mults[i].s[2] ||
			    !stats_litn(sc, k, stats_mults[i].s,
			    stats_mults[i].len))
				continue;
			if ((u = stats_unit(sc, k, 0)) != NULL &&
			    u->len >= stats_mults[i].len)
				break;
			if (stats_lit(sc, k, "百分"))
				break;
			t->mult = stats_mults[i].m;
			t->hasmult = 1;
			k += stats_mults[i].len;
			k = stats_mult_rest(sc, k, t);
			break;
		}
		if (t->hasmult && !(t->flags & STAT_APPROX) &&
		    ((n = stats_lit(sc, k, "余")) ||
		    (n = stats_lit(sc, k, "餘")) ||
		    (n = stats_lit(sc, k, "多")))) {
			k += n;
			t->flags |= STAT_APPROX;
		}
	}
	/* c is the character at k unless a multiplier moved it: a
	   character that starts no unit is known by its bit */
	u = t->hasmult ? stats_unit(sc, k, cn) : (a & STATS_A_UNIT) ?
	    stats_unit_at(sc, k, c, cn) : NULL;
	if (u != NULL) {
		if (u->sp == SP_G && v * t->mult < 8)
			u = NULL;	/* 4G, 5G networks */
		else if (u->sp == SP_MONTH || u->sp == SP_HOUR)
			u = NULL;	/* dates and clocks are read elsewhere */
		else if (cn && (u->flags & U_CNMULT) && !cnmult)
			u = NULL;	/* 二元 */
	}
	if (u == NULL) {
		/* 30余 alone says nothing; 3万 still does */
		if ((t->flags & STAT_APPROX) && !t->hasmult) {
			t->flags = 0;
			t->end = j;
		} else
			t->end = k;
		if (t->end == j) {
			t->next = c0;
			t->nextlen = cl0;
		}
		return;
	}
	t->u = u;
	k += u->len;
	if (u->flags & U_APPROX)
		t->flags |= STAT_APPROX;
	c = stats_cp(sc, k, &cl);
	if ((c == 0x5DE6 && (n = stats_lit(sc, k, "左右"))) ||	/* 左 */
	    (c == 0x8BB8 && (n = stats_lit(sc, k, "许"))) ||		/* 许 */
	    (c == 0x8A31 && (n = stats_lit(sc, k, "許")))) {		/* 許 */
		k += n;
		t->flags |= STAT_APPROX;
	} else if (c == 0x591A && (u->flags & U_MORE) &&		/* 多 */
	    !(t->flags & STAT_APPROX) &&
	    (n = stats_lit(sc, k, "多")) && stats_unit(sc, k + n, 0) == NULL &&
	    !stats_lit(sc, k + n, "方") && !stats_lit(sc, k + n, "样")) {
		k += n;
		t->flags |= STAT_APPROX;
	} else {
		t->next = c;
		t->nextlen = cl;
	}
	t->end = k;
}

/* Length of the blank at i (space, tab, CR, U+3000), or 0. */
static size_t
stats_blank(const struct scan *sc, size_t i)
{
	const uint8_t *s = sc->s;

	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
		return 1;
	if (i + 2 < sc->len && s[i] == 0xE3 && s[i + 1] == 0x80 &&
	    s[i + 2] == 0x80)
		return 3;
	return 0;
}

/* The clause of the pending hits ends at i (a mark or the end of the
   text). */
static void
stats_clause_end(struct scan *sc, size_t i)
{
	struct stat_hit	*h;
	size_t		 e;

	for (; sc->pending < sc->list->n; sc->pending++) {
		h = &sc->list->hits[sc->pending];
		/* trim blanks, never into the hit; most clauses end in a
		   byte that ends no blank (space, tab, CR, U+3000's 0x80) */
		for (e = i; e > h->end && sc->s[e - 1] <= 0x80;) {
			if (sc->s[e - 1] == ' ' || sc->s[e - 1] == '\t' ||
			    sc->s[e - 1] == '\r')
				e--;
			else if (e >= h->end + 3 && stats_blank(sc, e - 3) == 3)
				e -= 3;
			else
				break;
		}
		h->ctx_end = (uint32_t)e;
	}
}

/* A clause mark (or the end of the text) at i, n bytes long: the pending
   hits' clause ends there, and the next clause starts after it.  Most
   clauses have no hit: inline, and no call for them. */
static inline void
stats_mark(struct scan *sc, size_t i, size_t n)
{
	if (sc->pending < sc->list->n)
		stats_clause_end(sc, i);
	sc->cs = i + n;
}

/* Whether the scan's run of three-byte characters stops at p, a
   character with a lead byte and two continuation bytes, whose last two
   have the entry e != 0 in stats_pair: a candidate but a clause mark
   stops it; a clause mark is taken here, without leaving the run. */
static inline int
stats_run_stop(struct scan *sc, const uint8_t *p, uint8_t e)
{
	if ((p[0] | STATS_PAIR_MARK) != (e | STATS_PAIR_MARK))
		return 0;	/* another lead: no candidate */
	if (!(e & STATS_PAIR_MARK))
		return 1;
	stats_mark(sc, (size_t)(p - sc->s), 3);
	return 0;
}

/* Write v >= 0 in decimal, zero-padded to width digits, at p (no NUL);
   returns past it.  As printf "%0*ld" for the small values of dates. */
static char *
stats_put(char *p, long v, int width)
{
	char	 tmp[24];
	int	 k = 0;

	/* months, days, hours and minutes: two digits; years four */
	if (width == 2 && v >= 0 && v < 100) {
		p[0] = (char)('0' + v / 10);
		p[1] = (char)('0' + v % 10);
		return p + 2;
	}
	if (width == 4 && v >= 1000 && v < 10000) {
		p[0] = (char)('0' + v / 1000);
		p[1] = (char)('0' + v / 100 % 10);
		p[2] = (char)('0' + v / 10 % 10);
		p[3] = (char)('0' + v % 10);
		return p + 4;
	}
	do
		tmp[k++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (width-- > k)
		*p++ = '0';
	while (k > 0)
		*p++ = tmp[--k];
	return p;
}

/* Format a value 0 <= v < 1e15 that is not an integer into a norm
   buffer, as "%.15g".  A value that is the double nearest to a decimal r
   / 10^d (d <= 6, r < 1e15, v >= 1e-4) prints as that decimal: it is
   within half an ulp of it, much closer than half a step of 15
   significant digits, so %.15g rounds it there and drops the zeros.
   Other values go to snprintf. */
static void
stats_fmt_frac(char *buf, size_t n, double v)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	char		 tmp[24];
	unsigned long long r, ip, fp;
	size_t		 k = 0;
	int		 d, i;

	if (v >= 1e-4 && n >= 24)
		for (d = 1; d <= 6; d++) {
			if (v * p10[d] >= 1e15)
				break;
			r = (unsigned long long)(v * p10[d] + 0.5);
			if ((double)r / p10[d] != v)
				continue;
			ip = r / (unsigned long long)p10[d];
			fp = r % (unsigned long long)p10[d];
			for (i = 0; i < d && fp % 10 == 0; i++)
				fp /= 10;	/* trailing zeros */
			if (i == d)
				break;		/* an integer after all */
			for (i = d - i; i > 0; i--) {
				tmp[k++] = (char)('0' + fp % 10);
				fp /= 10;
			}
			tmp[k++] = '.';
			do
				tmp[k++] = (char)('0' + ip % 10);
			while ((ip /= 10) > 0);
			while (k > 0)
				*buf++ = tmp[--k];
			*buf = '\0';
			return;
		}
	snprintf(buf, n, "%.15g", v);
}

/* Format a value into a norm buffer. */
static void
stats_fmt(char *buf, size_t n, double v)
{
	/* the powers of ten below 1e15, past which snprintf writes */
	static const unsigned long long p10[] = { 1, 1e1, 1e2, 1e3, 1e4,
	    1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14 };
	/* the two digits of 0 to 99 */
	static const char d2[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "93949596979899";
	char		 tmp[24];
	unsigned long long u;
	size_t		 k = 0, r;

	if (!(v >= 0 && v < 1e15)) {
		snprintf(buf, n, "%.15g", v);
		return;
	}
	/* below 1e15 a signed conversion holds it (one instruction, where
	   an unsigned one takes a test and a second path) */
	if (v != (double)(long long)v) {
		stats_fmt_frac(buf, n, v);
		return;
	}
	/* integers, the common case, without printf: the digits written
	   from the last, two at a time, in place when they fit */
	u = (unsigned long long)(long long)v;
	/* its digits: most values have four or fewer */
	if (u < 100)
		k = u < 10 ? 1 : 2;
	else if (u < 10000)
		k = u < 1000 ? 3 : 4;
	else
		for (k = 5; k < sizeof(p10) / sizeof(p10[0]) && u >= p10[k];
		    k++)
			;
	if (k < n) {
		buf[k] = '\0';
		for (; u >= 100; u /= 100) {
			r = (size_t)(u % 100);
			k -= 2;
			buf[k] = d2[2 * r];
			buf[k + 1] = d2[2 * r + 1];
		}
		if (u >= 10) {
			buf[0] = d2[2 * u];
			buf[1] = d2[2 * u + 1];
		} else
			buf[0] = (char)('0' + u);
		return;
	}
	do
		tmp[k++] = '0' + u % 10;
	while ((u /= 10) > 0);
	while (k > 0 && n > 1) {
		*buf++ = tmp[--k];
		n--;
	}
	*buf = '\0';
}

/* Resize the norms of list l to cap bytes. */
static void
stats_norms_resize(struct stat_list *l, size_t cap)
{
	l->norms = xrealloc(l->norms, cap);
	l->cnorms = cap;
}

/* Make room for n more bytes of norms and one more hit in the list of
   sc; arrays on stats_page's stack move to the heap. */
static void
stats_grow(struct scan *sc, size_t n)
{
	struct stat_list *l = sc->list;
	char		*p;
	void		*h;

	if (l->cnorms - l->nnorms < n) {
		if (l->norms != NULL && l->norms == sc->nstack) {
			p = xmalloc(2 * l->cnorms + n);
			memcpy(p, l->norms, l->nnorms);
			l->norms = p;
			l->cnorms = 2 * l->cnorms + n;
		} else
			stats_norms_resize(l, l->cnorms ? 2 * l->cnorms + n :
			    256);
	}
	if (l->n == l->cap) {
		if (l->hits != NULL && l->hits == sc->hstack) {
			h = xreallocarray(NULL, 2 * l->cap, sizeof(*l->hits));
			memcpy(h, l->hits, l->n * sizeof(*l->hits));
			l->hits = h;
			l->cap *= 2;
		} else {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->hits = xreallocarray(l->hits, l->cap,
			    sizeof(*l->hits));
		}
	}
}

/* Append the hit q. */
static void
stats_add(struct scan *sc, const struct q *q)
{
	struct stat_list *l = sc->list;
	struct stat_hit	*h;
	char		*d;
	size_t		 n, b, x;

	/* A range's high end goes after its norm (stats_hit_value2). */
	x = q->kind == STAT_RANGE ? sizeof(q->v2) : 0;
	/* room for the longest norm, so that the norm (a few bytes) is
	   copied as it is measured, without a call for each */
	if (l->cnorms - l->nnorms < sizeof(q->norm) + x || l->n == l->cap)
		stats_grow(sc, sizeof(q->norm) + x);
	d = l->norms + l->nnorms;
#ifdef __SSE2__
	/* the whole buffer copied, and the norm measured, by two compares
	   of sixteen bytes (every byte of q is defined: the callers clear
	   it first); the bytes past the norm are the next norm's room */
	{
		const __m128i z = _mm_setzero_si128();
		__m128i	 a, c;

		_Static_assert(sizeof(q->norm) == 32, "two loads of q->norm");
		a = _mm_loadu_si128((const __m128i *)(const void *)q->norm);
		c = _mm_loadu_si128((const __m128i *)(const void *)
		    (q->norm + 16));
		_mm_storeu_si128((__m128i *)(void *)d, a);
		_mm_storeu_si128((__m128i *)(void *)(d + 16), c);
		n = (size_t)__builtin_ctz((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(a, z)) | (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(c, z)) << 16 | 1u << 31);
	}
#else
	for (n = 0; n < sizeof(q->norm) - 1 && q->norm[n] != '\0'; n++)
		d[n] = q->norm[n];
#endif
	d[n] = '\0';
	if (x != 0)
		memcpy(d + n + 1, &q->v2, sizeof(q->v2));
	/* every field is set below: no memset (struct stat_hit has no
	   padding) */
	_Static_assert(sizeof(struct stat_hit) == 7 * sizeof(uint32_t) +
	    sizeof(uint16_t) + 2 * sizeof(uint8_t) + sizeof(double),
	    "struct stat_hit without padding");
	h = &l->hits[l->n++];
	h->norm = (uint32_t)l->nnorms;
	l->nnorms += n + 1 + x;
	h->story = (uint32_t)sc->story;
	h->block = (uint32_t)sc->block;
	h->start = (uint32_t)q->start;
	h->end = (uint32_t)q->end;
	/* the clause end is set by the next stats_mark */
	for (b = sc->cs < q->start ? sc->cs : q->start; b < q->start; b += n)
		if ((n = stats_blank(sc, b)) == 0 || b + n > q->start)
			break;
	h->ctx_start = (uint32_t)b;
	h->ctx_end = (uint32_t)q->end;
	h->value = q->v;
	h->unit = q->uid;
	h->kind = (uint8_t)q->kind;
	h->flags = (uint8_t)q->flags;
}

/* An approximation word before i: its start, else i; sets *approx. */
static size_t
stats_prefix_at(const struct scan *sc, size_t i, unsigned *flags)
{
	size_t	 k, n;
	ucs4_t	 p;

	/* every word of stats_before ends in 约 近 超 逾 过 約 過 (the last
	   byte alone lets 的 through) */
	if (i < 3)
		return i;
	switch ((uint32_t)sc->s[i - 3] << 16 | (uint32_t)sc->s[i - 2] << 8 |
	    sc->s[i - 1]) {
	case 0xE7BAA6: case 0xE8BF91: case 0xE8B685: case 0xE980BE:
	case 0xE8BF87: case 0xE7B484: case 0xE9818E:
		break;
	default:
		return i;
	}
	for (k = 0; k < sizeof(stats_before) / sizeof(stats_before[0]); k++) {
		if ((n = stats_litbefore(sc, i, stats_before[k])) == 0)
			continue;
		if (strcmp(stats_before[k], "近") == 0) {
			p = stats_prevcp(sc, i - n);
			/* 最近 附近 邻近 临近 靠近 就近 亲近 鄰近 臨近
			   親近 */
			if (p == 0x6700 || p == 0x9644 || p == 0x90BB ||
			    p == 0x4E34 || p == 0x9760 || p == 0x5C31 ||
			    p == 0x4EB2 || p == 0x9130 || p == 0x81E8 ||
			    p == 0x89AA)
				return i;
		}
		if (strcmp(stats_before[k], "约") == 0 ||
		    strcmp(stats_before[k], "約") == 0) {
			p = stats_prevcp(sc, i - n);
			/* 节约 制约 预约 签约 邀约 公约 条约 合约 违约 履约,
			   節約 預約 簽約 條約 違約 */
			if (p == 0x8282 || p == 0x5236 || p == 0x9884 ||
			    p == 0x7B7E || p == 0x9080 || p == 0x516C ||
			    p == 0x6761 || p == 0x5408 || p == 0x8FDD ||
			    p == 0x5C65 || p == 0x7BC0 || p == 0x9810 ||
			    p == 0x7C3D || p == 0x689D || p == 0x9055)
				return i;
		}
		*flags |= STAT_APPROX;
		return i - n;
	}
	return i;
}

/* The same, most often known by the byte before i alone: the last bytes
   (& 0x3F) of the words of stats_before (stats_beforelast). */
static inline size_t
stats_prefix(const struct scan *sc, size_t i, unsigned *flags)
{
	if (i == 0 || !(stats_beforelast >> (sc->s[i - 1] & 0x3F) & 1))
		return i;
	return stats_prefix_at(sc, i, flags);
}

/* A time of day just before i (下午): its index, or -1. */
static int
stats_todbefore(const struct scan *sc, size_t i)
{
	size_t	k;
	uint8_t	c;

	/* last bytes of 午 上 晨 晚 间 里 間 裡 裏 */
	if (i == 0)
		return -1;
	c = sc->s[i - 1];
	if (c != 0x88 && c != 0x8A && c != 0xA8 && c != 0x9A && c != 0xB4 &&
	    c != 0x8C && c != 0x93 && c != 0xA1 && c != 0x8F)
		return -1;
	for (k = 0; k < sizeof(stats_tods) / sizeof(stats_tods[0]); k++)
		if (stats_litbefore(sc, i, stats_tods[k].s))
			return (int)k;
	return -1;
}

/* A time of day at i: its index, or -1. */
static int
stats_todat(const struct scan *sc, size_t i)
{
	size_t	k;

	if (i > sc->len)
		return -1;
	/* most dates have no time of day: when the words have one length,
	   the byte that would end one tells (stats_todlast) */
	if (stats_todlen != 0 && (sc->len - i < stats_todlen ||
	    !(stats_todlast >> (sc->s[i + stats_todlen - 1] & 0x3F) & 1) ||
	    !(stats_todlast2 >> (sc->s[i + stats_todlen - 2] & 0x3F) & 1)))
		return -1;
	/* the last byte first */
	for (k = 0; k < sizeof(stats_tods) / sizeof(stats_tods[0]); k++)
		if (stats_tods[k].len <= sc->len - i &&
		    sc->s[i + stats_tods[k].len - 1] ==
		    (uint8_t)stats_tods[k].s[stats_tods[k].len - 1] &&
		    stats_litn(sc, i, stats_tods[k].s, stats_tods[k].len))
			return (int)k;
	return -1;
}

/* Read a clock at j (5点, 5点半, 14时30分, 8:30); tod is a stats_tods
   index or -1.  Sets *hh, *mm, *end; *weak when it is a bare N点. */
static int
stats_clock(const struct scan *sc, size_t j, int tod, int *hh, int *mm,
    size_t *end, unsigned *flags, int *weak)
{
	size_t	 e, e2, n;
	long	 h, m;
	int	 dn;

	*weak = 0;
	if ((h = stats_int(sc, j, 0, 2, &e)) < 0 || h > 24)
		return 0;
	m = 0;
	if ((n = stats_lit(sc, e, ":")) || (n = stats_lit(sc, e, "："))) {
		/* exactly two digits of minutes */
		if ((m = stats_digits(sc, e + n, 2, &e2, &dn)) < 0 || dn != 2 ||
		    m > 59)
			return 0;
		e = e2;
		/* :SS */
		if (((n = stats_lit(sc, e, ":")) ||
		    (n = stats_lit(sc, e, "："))) &&
		    stats_digits(sc, e + n, 2, &e2, &dn) >= 0 && dn == 2)
			e = e2;
	} else if ((n = stats_lit(sc, e, "时")) ||
	    (n = stats_lit(sc, e, "点")) || (n = stats_lit(sc, e, "時")) ||
	    (n = stats_lit(sc, e, "點"))) {
		*weak = stats_lit(sc, e, "点") != 0 ||
		    stats_lit(sc, e, "點") != 0;
		e += n;
		if ((n = stats_lit(sc, e, "半"))) {
			m = 30;
			e += n;
			*weak = 0;
		} else if ((m = stats_int(sc, e, 0, 2, &e2)) >= 0 && m <= 59 &&
		    (n = stats_lit(sc, e2, "分"))) {
			e = e2 + n;
			if ((n = stats_lit(sc, e, "钟")) ||
			    (n = stats_lit(sc, e, "鐘")))
				e += n;
			*weak = 0;
		} else
			m = 0;
		if ((n = stats_lit(sc, e, "许")) ||
		    (n = stats_lit(sc, e, "許"))) {
			e += n;
			*flags |= STAT_APPROX;
		}
	} else
		return 0;
	if (tod >= 0) {
		*weak = 0;
		if (stats_tods[tod].pm == 1 && h < 12)
			h += 12;
		else if (stats_tods[tod].pm == 2 && h < 11)
			h += 12;
	}
	*hh = (int)h;
	*mm = (int)m;
	*end = e;
	return 1;
}

/* Read a date or time whose first number (value v, cn if Chinese) starts
   at i and ends at e0; yearlike when it may be a year. */
static int
stats_date(const struct scan *sc, size_t i, size_t e0, long v, int cn,
    int yearlike, struct q *q)
{
	long	 year = -1, mon = -1, day = -1, k;
	int	 hh = -1, mm = 0, tod, weak;
	size_t	 j = e0, e, n, te;
	char	*p;
	unsigned tflags = 0;

	if (yearlike && stats_lit(sc, j, "年") &&
	    !stats_lit(sc, j, "年级") && !stats_lit(sc, j, "年級") &&
	    !stats_lit(sc, j, "年代")) {
		year = v;
		j += 3;
		if ((k = stats_int(sc, j, cn, 2, &e)) >= 1 && k <= 12 &&
		    stats_lit(sc, e, "月")) {
			mon = k;
			j = e + 3;
		}
	} else if (v >= 1 && v <= 12 && stats_lit(sc, j, "月")) {
		mon = v;
		j += 3;
	} else if (!cn && v >= 1 && v <= 31 && stats_lit(sc, j, "日")) {
		day = v;
		j += 3;
	} else
		return 0;
	if (mon > 0 && (k = stats_int(sc, j, cn, 2, &e)) >= 1 && k <= 31 &&
	    ((n = stats_lit(sc, e, "日")) || (n = stats_lit(sc, e, "号")) ||
	    (n = stats_lit(sc, e, "號")))) {
		day = k;
		j = e + n;
	}
	if (day > 0 && !cn) {
		tod = stats_todat(sc, j);
		if (stats_clock(sc, tod >= 0 ? j + 6 : j, tod, &hh, &mm, &te,
		    &tflags, &weak) && !weak)
			j = te;
		else
			hh = -1;
	}
	q->start = i;
	q->end = j;
	q->uid = 0;
	q->flags = tflags | (cn ? STAT_CHINESE : 0);
	q->kind = hh >= 0 ? STAT_TIME : STAT_DATE;
	/* as printf "%04ld-%02ld-%02ld" and so on: the year is at most four
	   digits (1000-2999, or four Chinese digits), months and days two */
	p = q->norm;
	if (year >= 0 && mon < 0) {
		q->kind = STAT_YEAR;
		p = stats_put(p, year, 4);
	} else if (year >= 0 && day < 0) {
		p = stats_put(p, year, 4);
		*p++ = '-';
		p = stats_put(p, mon, 2);
	} else if (year >= 0) {
		p = stats_put(p, year, 4);
		*p++ = '-';
		p = stats_put(p, mon, 2);
		*p++ = '-';
		p = stats_put(p, day, 2);
	} else if (mon > 0 && day < 0) {
		*p++ = '-';
		*p++ = '-';
		p = stats_put(p, mon, 2);
	} else if (mon > 0) {
		p = stats_put(p, mon, 2);
		*p++ = '-';
		p = stats_put(p, day, 2);
	} else {
		*p++ = '-';
		*p++ = '-';
		*p++ = '-';
		p = stats_put(p, day, 2);
	}
	if (hh >= 0) {
		*p++ = ' ';
		p = stats_put(p, hh, 2);
		*p++ = ':';
		p = stats_put(p, mm, 2);
	}
	*p = '\0';
	q->v = q->v2 = year >= 0 ? year : mon > 0 ? mon : day;
	return 1;
}

/* Read an ISO date at i (2021-10-05, 2021/10/05, 2021.10.05). */
static int
stats_isodate(const struct scan *sc, size_t i, const struct num *nm,
    struct q *q)
{
	size_t	 j = nm->iend, e1, e2;
	long	 mon, day;
	uint8_t	 sep;
	int	 n;
	char	*p;

	if (nm->nint != 4 || nm->sep || nm->v < 1000 || nm->v > 2999 ||
	    j + 1 >= sc->len)
		return 0;
	sep = sc->s[j];
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	if ((mon = stats_digits(sc, j + 1, 2, &e1, &n)) < 1 || mon > 12 ||
	    e1 >= sc->len || sc->s[e1] != sep)
		return 0;
	if ((day = stats_digits(sc, e1 + 1, 2, &e2, &n)) < 1 || day > 31)
		return 0;
	if (stats_digit(sc, e2, &n) >= 0 ||
	    (e2 < sc->len && (sc->s[e2] == sep || stats_alnum(sc->s[e2]))))
		return 0;
	q->start = i;
	q->end = e2;
	q->uid = 0;
	q->flags = 0;
	q->kind = STAT_DATE;
	q->v = q->v2 = (long)nm->v;
	p = stats_put(q->norm, (long)nm->v, 4);	/* 1000-2999 */
	*p++ = '-';
	p = stats_put(p, mon, 2);
	*p++ = '-';
	p = stats_put(p, day, 2);
	*p = '\0';
	return 1;
}

/* Length of a range mark at j (— – ～ ~ 〜 - － 至 到), or 0; *weak for
   the ASCII hyphen, *word for 至 and 到.  The character at j is c, n
   bytes long (stats_cp). */
static size_t
stats_rangemark(const struct scan *sc, size_t j, ucs4_t c, int n, int *weak,
    int *word)
{
	*weak = *word = 0;
	switch (c) {
	case 0x2014:			/* — or —— */
		return stats_lit(sc, j + n, "—") ? 2 * n : n;
	case 0x2013: case 0xFF5E: case 0x301C: case 0xFF0D: case '~':
		return n;		/* – ～ 〜 － ~ */
	case '-':
		*weak = 1;
		return n;
	case 0x81F3: case 0x5230:	/* 至 到 */
		*word = 1;
		return n;
	}
	return 0;
}

/* Whether a Latin letter at j makes the number before it part of a
   word or code (3D, A4 are; 500GB is not). */
static inline int
stats_latinafter(const struct scan *sc, size_t j)
{
	const struct unit *u;

	if (j >= sc->len || !stats_alpha(sc->s[j]))
		return 0;
	u = stats_unit(sc, j, 0);
	return u == NULL || !(u->flags & U_LATIN);
}

/* Whether the number at i is inside a Latin word or code (G60, COVID-19,
   No.5). */
static int
stats_latinbefore(const struct scan *sc, size_t i)
{
	uint8_t	c;

	if (i == 0)
		return 0;
	c = sc->s[i - 1];
	if (stats_alpha(c) || c == '_')
		return 1;
	if ((c == '-' || c == '.' || c == '/' || c == '#') && i >= 2 &&
	    stats_alnum(sc->s[i - 2]))
		return 1;
	return 0;
}

/* Read a plain quantity or a range whose number nm starts at i (the
   character after it is nc, nl bytes long: stats_cp); pstart and pflags
   describe a prefix (约, ¥). */
static int
stats_quantity(const struct scan *sc, size_t i, const struct num *nm,
    ucs4_t nc, int nl, size_t pstart, unsigned pflags, int money,
    struct q *q)
{
	struct tail	 t, t2;
	struct num	 n2;
	const struct unit *u;
	size_t		 j, c;
	int		 weak, word, dn, range = 0;
	double		 v, v2 = 0;

	stats_tail(sc, nm->end, nc, nl, nm->v, 0, 0, &t);
	v = nm->v * t.mult + t.add;
	u = t.u;
	j = t.end;
	if (t.nextlen >= 0) {
		nc = t.next;
		nl = t.nextlen;
	} else
		nc = stats_cp(sc, j, &nl);
	/* 2022—2024, 5～10米, 5-10, 3—5万元 */
	if ((c = stats_rangemark(sc, j, nc, nl, &weak, &word)) &&
	    stats_digit(sc, j + c, &dn) >= 0) {
		stats_num(sc, j + c, &n2);
		nc = stats_cp(sc, n2.end, &nl);
		stats_tail(sc, n2.end, nc, nl, n2.v, 0, 0, &t2);
		v2 = n2.v * t2.mult + t2.add;
		if (!t.hasmult && t2.hasmult && u == NULL)
			v = nm->v * t2.mult;
		range = !n2.bad && v2 > v && !stats_latinafter(sc, n2.end) &&
		    (u == NULL || t2.u == NULL ||
		    strcmp(u->norm, t2.u->norm) == 0) &&
		    (!word || u != NULL || t2.u != NULL) &&
		    (!weak || (!nm->lead0 && !n2.lead0 &&
		    !stats_lit(sc, t2.end, "-") &&
		    !(i > 0 && sc->s[i - 1] == '-')));
		if (range) {
			if (u == NULL)
				u = t2.u;
			t.flags |= t2.flags;
			j = t2.end;
		}
	}
	if (!range && u == NULL && !t.hasmult && !money)
		return 0;
	q->start = pstart;
	q->end = j;
	q->flags = pflags | t.flags;
	q->v = v;
	q->v2 = range ? v2 : v;
	q->uid = u ? stats_unit_uid[u - stats_units] : money ? stats_uid_yuan :
	    0;
	if (range) {
		char	a[32], b[32];

		q->kind = STAT_RANGE;
		stats_fmt(a, sizeof(a), v);
		stats_fmt(b, sizeof(b), v2);
		snprintf(q->norm, sizeof(q->norm), "%.14s..%.14s", a, b);
		return 1;
	}
	stats_fmt(q->norm, sizeof(q->norm), v);
	q->kind = money ? STAT_MONEY : u ? u->kind : STAT_COUNT;
	if (u != NULL && u->sp == SP_DAY) {
		/* 10日 is a date; 100日 or 近30日 a duration */
		if (v > 31 || (q->flags & STAT_APPROX) || nm->frac)
			q->kind = STAT_DURATION;
		else
			return 0;
	}
	return 1;
}

/* A number of years v (its numeral ending at e0, before 年) and then
   months: 28年6月 (a sentence, in Taiwan), 二十六年八月, 1年6个月 are one
   duration, in years.  Not when a day follows (111年7月25日: a date in
   the Republic of China's calendar), nor after 民國 / 民国, nor for more
   than 99 years (113年2月 is a month of 2024 in Taiwan). */
static int
stats_yearmonth(const struct scan *sc, size_t start, size_t i, size_t e0,
    double v, int cn, unsigned flags, struct q *q)
{
	size_t	 j, e, e2, n;
	long	 m;
	char	 tmp[32] = "";	/* all defined, for stats_add */

	if (v < 1 || v > 99 || !stats_lit(sc, e0, "年") ||
	    stats_litbefore(sc, i, "民國") || stats_litbefore(sc, i, "民国"))
		return 0;
	j = e0 + 3;
	if ((m = stats_int(sc, j, cn, 2, &e)) < 1 || m > 11)
		return 0;
	if ((n = stats_lit(sc, e, "个月")) || (n = stats_lit(sc, e, "個月")))
		e += n;
	else if ((n = stats_lit(sc, e, "月"))) {
		e += n;
		if (stats_int(sc, e, cn, 2, &e2) >= 1 &&
		    (stats_lit(sc, e2, "日") || stats_lit(sc, e2, "号") ||
		    stats_lit(sc, e2, "號")))
			return 0;
	} else
		return 0;
	q->start = start;
	q->end = e;
	q->kind = STAT_DURATION;
	q->uid = stats_uid_year;
	q->flags = flags | (cn ? STAT_CHINESE : 0);
	q->v = q->v2 = v + m / 12.0;
	/* the norm in years, to two decimals: 28.5, 5.67 */
	stats_fmt(tmp, sizeof(tmp), (double)(long long)(q->v * 100 + 0.5) /
	    100);
	memcpy(q->norm, tmp, sizeof(q->norm) < sizeof(tmp) ?
	    sizeof(q->norm) : sizeof(tmp));
	q->norm[sizeof(q->norm) - 1] = '\0';
	return 1;
}

/* Is the number at i, its digits ending at e0 before 年, a year of the
   Republic of China's calendar (Taiwan)?  2 after 民國 (民國111年), 1 when
   a month and a day follow (111年7月25日), else 0. */
static int
stats_roc(const struct scan *sc, size_t i, size_t e0)
{
	size_t	 e, e2;
	long	 m, d;

	if (stats_litbefore(sc, i, "民國") || stats_litbefore(sc, i, "民国"))
		return 2;
	if (!stats_lit(sc, e0, "年"))
		return 0;
	if ((m = stats_int(sc, e0 + 3, 0, 2, &e)) < 1 || m > 12 ||
	    !stats_lit(sc, e, "月"))
		return 0;
	if ((d = stats_int(sc, e + 3, 0, 2, &e2)) < 1 || d > 31)
		return 0;
	return stats_lit(sc, e2, "日") || stats_lit(sc, e2, "號") ||
	    stats_lit(sc, e2, "号");
}

/* The length of an opening quotation mark just before i, or 0. */
static size_t
stats_openquote(const struct scan *sc, size_t i)
{
	ucs4_t	 c = stats_prevcp(sc, i);

	if (c == '"')
		return 1;
	/* “ ‘ 「 『 */
	return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E ? 3 : 0;
}

/* Whether the numeral at i, whose measure word ends at e, begins a quoted
   set phrase: “两个确保”, “九个必须坚持”, 「兩個確保」; at most six
   characters, none of them a mark, between e and the closing quote. */
static int
stats_setphrase(const struct scan *sc, size_t i, size_t e)
{
	size_t	 k;
	int	 n, cl;
	ucs4_t	 c;

	if (stats_openquote(sc, i) == 0)
		return 0;
	for (k = e, n = 0; n <= 6; n++) {
		c = stats_cp(sc, k, &cl);
		if (cl == 0)
			return 0;
		/* ” ’ 」 』 " */
		if (c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
		    c == '"')
			return 1;
		if (c < 0x80 ? !stats_alnum((int)c) : (c >= 0x3000 &&
		    c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
		    (c >= 0xFF1A && c <= 0xFF20) || c == 0x2014 || c == 0x2026)
			return 0;		/* a mark: not a name */
		k += (size_t)cl;
	}
	return 0;
}

/* Longest title in 《》 that hides its numbers, in characters. */
#define STATS_TITLE_MAX	100

/* A title at i (《): where it ends (past its 》), when it closes within
   STATS_TITLE_MAX characters and the sentence; else past the 《.  The
   numbers in a title are part of its name: 《全省监（所）地协作三年行动计划
   （2022—2024）》 gives no duration and no range. */
static size_t __attribute__((noinline))
stats_title(const struct scan *sc, size_t i)
{
	const uint8_t *p;
	size_t	 j = i + 3;
	int	 depth = 1, n, cl;
	ucs4_t	 c;

	for (n = 0; n < STATS_TITLE_MAX && j < sc->len; n++, j += (size_t)cl) {
		p = sc->s + j;
		/* most characters: three bytes with a lead but E3 (《》。)
		   and EF (！？), none of the marks looked for */
		if (p[0] >= 0xE4 && p[0] <= 0xEE && sc->len - j >= 3 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			cl = 3;
			continue;
		}
		c = stats_cp(sc, j, &cl);
		if (c == 0x300A)			/* 《 */
			depth++;
		else if (c == 0x300B && --depth == 0)	/* 》 */
			return j + (size_t)cl;
		else if (c == '\n' || c == 0x3002 || c == 0xFF01 ||
		    c == 0xFF1F)			/* 。！？ */
			break;
	}
	return i + 3;
}

/* Handle the Arabic or full-width number at i; returns where to go on. */
static size_t
stats_arabic(struct scan *sc, size_t i)
{
	struct num	 nm;
	struct q	 q;
	size_t		 pstart, e, n;
	unsigned	 pflags = 0, b;
	int		 money = 0, tod, hh, mm, weak, yearlike, nl, roc;
	ucs4_t		 nc;
	char		*p;

	stats_num(sc, i, &nm);
	if (nm.end <= i)
		return i + 1;
	memset(&q, 0, sizeof(q));
	b = i > 0 ? stats_prev[sc->s[i - 1]] : 0;
	if (((b & (STATS_P_LATIN | STATS_P_JOIN)) &&
	    stats_latinbefore(sc, i)) ||
	    ((b & STATS_P_DI) && stats_litbefore(sc, i, "第")))
		return nm.end;
	if (stats_isodate(sc, i, &nm, &q))
		goto hit;
	if (nm.bad || stats_latinafter(sc, nm.end))
		return nm.end;
	/* clocks: 8:30, 5时, 下午5点 */
	nc = stats_cp(sc, nm.end, &nl);
	if ((stats_afterof(nc) & STATS_A_CLOCK) &&	/* : ： 时点時點 */
	    !nm.frac && !nm.sep &&
	    stats_clock(sc, i, tod = stats_todbefore(sc, i), &hh, &mm, &e,
	    &q.flags, &weak) && !weak) {
		q.start = tod >= 0 ? i - 6 : i;
		q.end = e;
		q.kind = STAT_TIME;
		q.uid = 0;
		q.v = q.v2 = hh;
		p = stats_put(q.norm, hh, 2);
		*p++ = ':';
		p = stats_put(p, mm, 2);
		*p = '\0';
		goto hit;
	}
	q.flags = 0;
	pstart = b & STATS_P_PREFIX ? stats_prefix_at(sc, i, &pflags) : i;
	if (pstart == i && (b & STATS_P_YEN) &&
	    ((n = stats_litbefore(sc, i, "¥")) ||
	    (n = stats_litbefore(sc, i, "￥")))) {
		pstart = i - n;
		money = 1;
	}
	yearlike = nm.nint == 4 && !nm.sep && !nm.frac && nm.v >= 1000 &&
	    nm.v <= 2999 && !(pflags & STAT_APPROX);
	/* 民國111年7月25日 is 2022-07-25 */
	if (nc == 0x5E74 && !yearlike && !nm.frac && !nm.sep && !money &&
	    !(pflags & STAT_APPROX) && nm.nint <= 3 && nm.v >= 1 &&
	    (roc = stats_roc(sc, i, nm.end)) != 0 &&
	    stats_date(sc, i, nm.end, (long)nm.v + 1911, 0, 1, &q)) {
		if (roc == 2)
			q.start = i - 6;
		goto hit;
	}
	if (nc == 0x5E74 && !yearlike && !nm.frac && !nm.sep && !money &&
	    stats_yearmonth(sc, pstart, i, nm.end, nm.v, 0, pflags, &q))
		goto hit;
	if ((nc == 0x5E74 || nc == 0x6708 || nc == 0x65E5) &&	/* 年月日 */
	    !nm.frac && !nm.sep && !money && !(pflags & STAT_APPROX) &&
	    nm.nint <= 4 && stats_date(sc, i, nm.end, (long)nm.v, 0, yearlike,
	    &q))
		goto hit;
	if (stats_quantity(sc, i, &nm, nc, nl, pstart, pflags, money, &q))
		goto hit;
	return nm.end;
hit:
	stats_add(sc, &q);
	return q.end > i ? q.end : nm.end;
}

/* Whether the numeral at i is inside one of stats_idioms: the first
   idiom of the table that holds it decides (三个代表团 is a count). */
static int
stats_idiom(const struct scan *sc, size_t i)
{
	size_t		 off, at = 0, l, n;
	int		 k, best = -1;
	const char	*u;

	/* the numeral may be any character of the idiom: off goes back over
	   them (three bytes each, as every character of these); an idiom of
	   each length is asked for by its hash */
	for (off = 0; off < stats_ilens[STATS_ILENS - 1] && off <= i; off += 3)
		for (l = 0; l < STATS_ILENS &&
		    /* the third byte of the idiom's first: a few */
		    (stats_ithird >> (sc->s[i - off + 2] & 0x3F) & 1); l++)
			if (stats_ilens[l] > off &&
			    stats_ilens[l] <= sc->len - (i - off) &&
			    (k = stats_idiom_at(sc->s + i - off,
			    stats_ilens[l])) >= 0 && (best < 0 || k < best)) {
				best = k;
				at = i - off;
			}
	if (best < 0)
		return 0;
	for (u = stats_idioms[best].unless; *u != '\0'; u += n) {
		n = (size_t)u8_mblen((const uint8_t *)u, strlen(u));
		if (stats_litn(sc, at + stats_idioms[best].len, u, n))
			return 0;
	}
	return 1;
}

/* Read 百分之三十 or 千分之五 at i. */
static int
stats_cnpercent(const struct scan *sc, size_t i, struct q *q)
{
	struct cnum	 c;
	struct num	 nm;
	uint16_t	 uid;
	size_t		 j, k, n;
	double		 v, scale;
	int		 d, dn;

	if (stats_lit(sc, i, "百分之"))
		uid = stats_uid_pct;
	else if (stats_lit(sc, i, "千分之"))
		uid = stats_uid_permille;
	else
		return 0;
	j = i + 9;
	if (stats_digit(sc, j, &dn) >= 0) {
		stats_num(sc, j, &nm);
		if (nm.bad)
			return 0;
		v = nm.v;
		k = nm.end;
	} else if (stats_cnum(sc, j, &c) && !c.seq) {
		v = c.v;
		k = c.end;
		/* 百分之三点五 */
		if (((n = stats_lit(sc, k, "点")) ||
		    (n = stats_lit(sc, k, "點"))) && stats_cnum(sc, k + n, &c) &&
		    c.digits) {
			k += n;
			scale = 0.1;
			while ((d = stats_cndigit(stats_cp(sc, k, &dn))) >= 0) {
				v += d * scale;
				scale /= 10;
				k += dn;
			}
		}
	} else
		return 0;
	memset(q, 0, sizeof(*q));	/* every byte defined, for stats_add */
	q->start = i;
	q->end = k;
	q->v = q->v2 = v;
	q->uid = uid;
	q->kind = STAT_PERCENT;
	q->flags = STAT_CHINESE;
	if ((n = stats_lit(sc, k, "左右"))) {
		q->end += n;
		q->flags |= STAT_APPROX;
	}
	stats_fmt(q->norm, sizeof(q->norm), v);
	return 1;
}

/* Whether the candidate at p (stats_stop_at: its last two bytes tell
   it) is the three-byte character lit. */
#define stats_cand_is(p, lit)	((p)[1] == (uint8_t)(lit)[1] && \
				    (p)[2] == (uint8_t)(lit)[2])

/* Handle the Chinese numeral at i that is not alone below 2
   (stats_chinese); returns where to go on. */
static size_t __attribute__((noinline))
stats_chinese_at(struct scan *sc, size_t i)
{
	struct cnum	 c;
	struct tail	 t;
	struct q	 q;
	size_t		 pstart;
	unsigned	 pflags = 0;
	ucs4_t		 p, nc;
	int		 cl;
	unsigned	 a;

	if (!stats_cnum(sc, i, &c))
		return i + 1;
	if (c.v < 2 && !c.mult && !stats_lit(sc, c.end, "年"))
		return c.end;
	if (c.mult && stats_cnpercent(sc, i, &q))	/* 百分之, 千分之 */
		goto hit;	/* (which sets every field of q) */
	/* what follows a numeral decides first: a statistic needs 年 or 月
	   (a date, years and months), an approximation (余 多 来) or a
	   measure word; most numerals (三农, 百姓, 千万) have none */
	p = nc = stats_cp(sc, c.end, &cl);
	a = stats_afterof(p);
	if (!(a & (STATS_A_YM | STATS_A_APPROX)) &&	/* 年月余多来餘來 */
	    (!(a & STATS_A_UNIT) || stats_unit_at(sc, c.end, p, 1) == NULL))
		return c.end;
	memset(&q, 0, sizeof(q));
	/* 第三 初三 周三 星期三 礼拜三 週三: the three bytes before the
	   numeral are one of 第初周期拜週 exactly when the character before
	   it is (stats_prevcp), without decoding it */
	if (i >= 3)
		switch ((uint32_t)sc->s[i - 3] << 16 |
		    (uint32_t)sc->s[i - 2] << 8 | sc->s[i - 1]) {
		case 0xE7ACAC: case 0xE5889D: case 0xE591A8: case 0xE69C9F:
		case 0xE68B9C: case 0xE980B1:
			return c.end;
		}
	/* 二〇二一年 */
	if (c.digits && c.nchars == 4 && stats_lit(sc, c.end, "年") &&
	    stats_date(sc, i, c.end, (long)c.v, 1, 1, &q))
		goto hit;
	if (c.seq)
		return c.end;
	pstart = stats_prefix(sc, i, &pflags);
	if (!c.lone && stats_yearmonth(sc, pstart, i, c.end, c.v, 1, pflags,
	    &q))
		goto hit;
	/* one counts nothing; a bare 二 is an ordinal (二次会议): two of
	   something is 两 */
	if ((c.v < 2 && !c.mult) || (c.nchars == 1 && stats_lit(sc, i, "二")))
		return c.end;
	if (!(pflags & STAT_APPROX) && !c.lone &&
	    stats_date(sc, i, c.end, stats_small(c.v), 1, 0, &q))
		goto hit;
	stats_tail(sc, c.end, nc, cl, c.v, 1, c.mult, &t);
	if (t.u == NULL || (c.lone && !(t.flags & STAT_APPROX)) ||
	    stats_idiom(sc, i) || stats_setphrase(sc, i, t.end))
		return c.end;
	q.start = pstart;
	q.end = t.end;
	q.v = q.v2 = c.v;
	q.uid = stats_unit_uid[t.u - stats_units];
	q.kind = t.u->kind;
	q.flags = pflags | t.flags | STAT_CHINESE;
	stats_fmt(q.norm, sizeof(q.norm), c.v);
	if (t.u->sp == SP_DAY || t.u->sp == SP_POINT)
		return c.end;
hit:
	stats_add(sc, &q);
	return q.end > i ? q.end : i + 1;
}

/* Handle the Chinese numeral at i, a candidate of the scan (three bytes,
   stats_stop_at); returns where to go on.  Not inlined: in the scan's
   loop, its registers were the run's (stats_run). */
static size_t __attribute__((noinline))
stats_chinese(struct scan *sc, size_t i)
{
	const uint8_t	*p = sc->s + i;
	int		 cl;

	/* the common cases, a numeral alone (no candidate after it), known
	   without stats_cnum and the frame of stats_chinese_at */
	if (i + 6 > sc->len || !stats_stop_at(p + 3)) {
		/* 一 in a word (统一, 一些): a value below 2 without 十百千万亿
		   is a statistic only as years and months (一年六个月); a
		   digit below 2 (零 〇 一) is known by its last two bytes */
		if (stats_cand_is(p, "一") || stats_cand_is(p, "〇") ||
		    stats_cand_is(p, "零")) {
			if (!stats_lit(sc, i + 3, "年"))
				return i + 3;
		/* 三农, 百姓, 千万: a statistic needs 年 or 月, an
		   approximation or a unit after it (百分之 has the unit 分) */
		} else if (!(stats_afterof(stats_cp(sc, i + 3, &cl)) &
		    (STATS_A_YM | STATS_A_APPROX | STATS_A_UNIT)))
			return i + 3;
	}
	return stats_chinese_at(sc, i);
}

#ifdef __SSE2__
/* The pattern of five three-byte characters in sixteen bytes: lead,
   continuation, continuation (the sixteenth byte masked off). */
static const uint8_t stats_run_mask[16] = {
	0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0,
	0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0,
};
static const uint8_t stats_run_bits[16] = {
	0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80,
	0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0,
};

/* The same pattern from byte r of sixteen (r 0, 1, 2), for the last
   bytes of a text, whose sixteen end at its end. */
static const uint8_t stats_run_tmask[3][16] = {
	{ 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0,
	  0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0 },
	{ 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0,
	  0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0 },
	{ 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0,
	  0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0 },
};
static const uint8_t stats_run_tbits[3][16] = {
	{ 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80,
	  0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0 },
	{ 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80,
	  0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80 },
	{ 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0,
	  0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80 },
};

/* o % 3 for the o of stats_run_taillen, by a load. */
static const uint8_t stats_run_phase[16] = {
	0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
};

/* A count of bytes in the pattern, down to whole characters (x / 3 * 3
   by a load: a division by three is a multiply and two shifts). */
static const uint8_t stats_run_whole[17] = {
	0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15, 15,
};

/* The bytes of the three-byte characters at p (sixteen bytes there)
   before the first byte out of the pattern: 15 for five. */
static inline size_t
stats_run_len(const uint8_t *p)
{
	unsigned m;

	m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(
	    _mm_loadu_si128((const __m128i *)(const void *)p),
	    _mm_loadu_si128((const __m128i *)(const void *)stats_run_mask)),
	    _mm_loadu_si128((const __m128i *)(const void *)stats_run_bits)));
	if (m == 0xFFFF)
		return 15;
	return stats_run_whole[__builtin_ctz(~m)];
}

/* The bytes of the three-byte characters from byte o (o < 16) of the
   sixteen at q, which end the text: one compare where the one at a time
   loop tests three bytes for each character. */
static inline size_t
stats_run_taillen(const uint8_t *q, size_t o)
{
	unsigned m;

	m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(
	    _mm_loadu_si128((const __m128i *)(const void *)q),
	    _mm_loadu_si128((const __m128i *)(const void *)
	    stats_run_tmask[stats_run_phase[o]])),
	    _mm_loadu_si128((const __m128i *)(const void *)
	    stats_run_tbits[stats_run_phase[o]])));
	/* the bits past the text are 0 after the shift: the pattern ends
	   there at the latest */
	return stats_run_whole[__builtin_ctz(~(m >> o))];
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The same with two words. */
static inline size_t
stats_run_len(const uint8_t *p)
{
	uint64_t w0, w1, bad;

	memcpy(&w0, p, 8);
	memcpy(&w1, p + 8, 8);
	if ((bad = (w0 & 0xC0F0C0C0F0C0C0F0ull) ^ 0x80E08080E08080E0ull) != 0)
		return (size_t)__builtin_ctzll(bad) / 8 / 3 * 3;
	if ((bad = (w1 & 0x00C0C0F0C0C0F0C0ull) ^ 0x008080E08080E080ull) != 0)
		return (8 + (size_t)__builtin_ctzll(bad) / 8) / 3 * 3;
	return 15;
}
#endif

/* The run of three-byte characters that are no candidate from i: where
   it ends, at a candidate but a clause mark or at anything but a
   three-byte character, which stats_scan_in handles; *cand gets the
   entry of stats_pair of the candidate it ends at, else 0 (that the
   scan need not ask again).  The clause marks (，。 end most runs) are
   taken in its stride. */
static inline size_t
stats_run(struct scan *sc, size_t i, uint8_t *cand)
{
	const uint8_t	*s = sc->s, *p = s + i, *end = s + sc->len;
	uint8_t		 e;
	size_t		 k, n;

#if defined(__SSE2__) || (defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
	/* five at a time (sixteen bytes read, fifteen looked at): which of
	   the five have a lead and two continuation bytes (stats_run_len);
	   of those, each is looked up in stats_pair by its last two bytes */
	if (end - p >= 16) {
		const uint8_t *last = end - 16;

		do {
			if ((n = stats_run_len(p)) != 15) {
				/* two at a time as below, then the last */
				for (k = 0; k + 3 < n; k += 6) {
					if ((stats_pair_at(p + k) |
					    stats_pair_at(p + k + 3)) == 0)
						continue;
					if ((e = stats_pair_at(p + k)) &&
					    stats_run_stop(sc, p + k, e)) {
						*cand = e;
						return (size_t)(p + k - s);
					}
					if ((e = stats_pair_at(p + k + 3)) &&
					    stats_run_stop(sc, p + k + 3, e)) {
						*cand = e;
						return (size_t)(p + k + 3 - s);
					}
				}
				if (k < n && (e = stats_pair_at(p + k)) &&
				    stats_run_stop(sc, p + k, e)) {
					*cand = e;
					return (size_t)(p + k - s);
				}
				*cand = 0;
				return (size_t)(p + n - s);
			}
			/* the common case, unrolled: two characters
			   asked at once, then the fifth (about one pair
			   in six has a candidate's last bytes) */
#pragma GCC unroll 3
			for (k = 0; k < 15; k += 6) {
				if (k + 3 < 15 ? (stats_pair_at(p + k) |
				    stats_pair_at(p + k + 3)) == 0 :
				    stats_pair_at(p + k) == 0)
					continue;
				if ((e = stats_pair_at(p + k)) &&
				    stats_run_stop(sc, p + k, e)) {
					*cand = e;
					return (size_t)(p + k - s);
				}
				if (k + 3 < 15 &&
				    (e = stats_pair_at(p + k + 3)) &&
				    stats_run_stop(sc, p + k + 3, e)) {
					*cand = e;
					return (size_t)(p + k + 3 - s);
				}
			}
			p += 15;
		} while (p <= last);
	}
#endif
#ifdef __SSE2__
	/* the last bytes of a text of sixteen or more: the sixteen that end
	   it, from p on */
	if (p < end && sc->len >= 16) {
		n = stats_run_taillen(end - 16, (size_t)(16 - (end - p)));
		for (k = 0; k < n; k += 3)
			if ((e = stats_pair_at(p + k)) &&
			    stats_run_stop(sc, p + k, e)) {
				*cand = e;
				return (size_t)(p + k - s);
			}
		*cand = 0;
		return (size_t)(p + k - s);
	}
#endif
	/* one at a time: a short text, or without the words */
	while (end - p >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80) {
		if ((e = stats_pair_at(p)) && stats_run_stop(sc, p, e)) {
			*cand = e;
			return (size_t)(p - s);
		}
		p += 3;
	}
	*cand = 0;
	return (size_t)(p - s);
}

/* Read the candidate of the scan at i (lead byte c, third byte c3), not
   a clause mark: a full-width digit, 《 (a title) or a Chinese numeral
   or unit; where the scan goes on. */
static inline size_t
stats_cand_at(struct scan *sc, size_t i, uint8_t c, uint8_t c3)
{
	if (c == 0xEF && c3 >= 0x90 && c3 <= 0x99)
		return stats_arabic(sc, i);
	if (c == 0xE3 && c3 == 0x8A)
		return stats_title(sc, i);	/* 《 */
	return stats_chinese(sc, i);
}

/* Append the statistics of one joined block text; hstack and nstack
   are stats_page's stack arrays (or NULL).  The caller has built the
   index (stats_once): a page asks once, not once a block. */
static void
stats_scan_in(const char *text, size_t len, size_t story, size_t block,
    struct stat_list *list, const void *hstack, const void *nstack)
{
	struct scan	 sc;
	const uint8_t	*s = (const uint8_t *)text;
	size_t		 i = 0;
	uint8_t		 c, c2, c3, e;

	if (len > UINT32_MAX)
		len = UINT32_MAX;	/* hits hold 32-bit offsets */
	/* every field, without a memset first: once a block */
	sc.s = s;
	sc.len = len;
	sc.story = story;
	sc.block = block;
	sc.list = list;
	sc.cs = 0;
	sc.pending = list->n;
	sc.hstack = hstack;
	sc.nstack = nstack;
	while (i < len) {
		i = stats_run(&sc, i, &e);
		if (i >= len)
			break;
		c = s[i];
		if (e != 0) {
			/* a candidate but a clause mark, known to the run */
			i = stats_cand_at(&sc, i, c, s[i + 2]);
			continue;
		}
		if (c < 0x80) {
			switch (stats_ascii[c]) {
			case 0:
				i++;
				break;
			case 1:
				i = stats_arabic(&sc, i);
				break;
			default:
				stats_mark(&sc, i, 1);
				i++;
			}
			continue;
		}
		if (c < 0xE0 || c >= 0xF0 || i + 2 >= len) {
			i++;
			continue;
		}
		c2 = s[i + 1];
		c3 = s[i + 2];
		if ((c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80 ||
		    ((e = stats_pair_at(s + i)) | STATS_PAIR_MARK) !=
		    (c | STATS_PAIR_MARK)) {
			/* no candidate; a digit is never a byte >= 0x80:
			   skipping is safe */
			i += 1 + ((c2 & c3 & 0x80) >> 6);
			continue;
		}
		if (e & STATS_PAIR_MARK) {
			/* ，；！？。 (no full-width digit: those end in 90 to
			   99, the marks in 8C 9B 81 9F 82) */
			stats_mark(&sc, i, 3);
			i += 3;
		} else
			i = stats_cand_at(&sc, i, c, c3);
	}
	stats_mark(&sc, len, 0);
}

/* Append the statistics of one joined block text. */
void
stats_scan(const char *text, size_t len, size_t story, size_t block,
    struct stat_list *list)
{
	pthread_once(&stats_once, stats_index);
	stats_scan_in(text, len, story, block, list, NULL, NULL);
}

/* Hits and norm bytes of a page gathered on the stack of stats_page
   before they go to the list's arrays, allocated to size. */
#define STATS_HSTACK	256
#define STATS_NSTACK	4096

/* Append the statistics of every story of pg, in reading order. */
void
stats_page(const struct page *pg, struct stat_list *list)
{
	const struct story *st;
	const char	*s;
	char		*scratch = NULL;
	size_t		 i, b, len, cap = 0;
	struct stat_hit	 hstack[STATS_HSTACK];
	char		 nstack[STATS_NSTACK];
	struct stat_list tmp, *l = list;

	pthread_once(&stats_once, stats_index);
	if (list->n == 0 && list->hits == NULL && list->norms == NULL) {
		/* the common case, a new list: on the stack first */
		memset(&tmp, 0, sizeof(tmp));
		tmp.hits = hstack;
		tmp.cap = STATS_HSTACK;
		tmp.norms = nstack;
		tmp.cnorms = STATS_NSTACK;
		l = &tmp;
	}
	for (i = 0; i < pg->nstories; i++) {
		st = &pg->stories[i];
		for (b = 0; b < st->nblocks; b++) {
			s = page_block_text(pg, &st->blocks[b], &len, &scratch,
			    &cap);
			stats_scan_in(s, len, i, b, l, hstack, nstack);
		}
	}
	free(scratch);
	if (l == &tmp) {
		/* to the heap, to size (what stays on the stack is copied) */
		if (tmp.norms == nstack) {
			tmp.cnorms = tmp.nnorms;
			tmp.norms = tmp.nnorms ? xmalloc(tmp.nnorms) : NULL;
			if (tmp.nnorms)
				memcpy(tmp.norms, nstack, tmp.nnorms);
		}
		if (tmp.hits == hstack) {
			tmp.cap = tmp.n;
			tmp.hits = tmp.n ? xreallocarray(NULL, tmp.n,
			    sizeof(*tmp.hits)) : NULL;
			if (tmp.n)
				memcpy(tmp.hits, hstack, tmp.n *
				    sizeof(*tmp.hits));
		}
		*list = tmp;
	}
	/* the list is complete: give back what it does not use */
	if (list->cnorms > list->nnorms && list->nnorms > 0)
		stats_norms_resize(list, list->nnorms);
	if (list->cap > list->n) {
		list->cap = list->n;
		if (list->n == 0) {
			free(list->hits);
			list->hits = NULL;
		} else
			list->hits = xreallocarray(list->hits, list->n,
			    sizeof(*list->hits));
	}
}

/* Release the hits of a list. */
void
stats_list_free(struct stat_list *list)
{
	free(list->hits);
	free(list->norms);
	memset(list, 0, sizeof(*list));
}

/* The name of a kind, as printed by --stats and --json. */
const char *
stats_kind_name(enum stat_kind k)
{
	static const char *const names[STAT__COUNT] = {
		[STAT_COUNT] = "count",
		[STAT_MEASURE] = "measure",
		[STAT_PERCENT] = "percent",
		[STAT_MONEY] = "money",
		[STAT_DATE] = "date",
		[STAT_TIME] = "time",
		[STAT_YEAR] = "year",
		[STAT_DURATION] = "duration",
		[STAT_RANGE] = "range",
	};

	return (unsigned)k < STAT__COUNT ? names[k] : "?";
}

/* The unit or measure word of a hit, "" when none. */
const char *
stats_hit_unit(const struct stat_hit *h)
{
	pthread_once(&stats_once, stats_index);
	return h->unit < stats_nunames ? stats_unames[h->unit] : "";
}

/* The Simplified form of the unit of a hit. */
const char *
stats_hit_unit_norm(const struct stat_hit *h)
{
	pthread_once(&stats_once, stats_index);
	return h->unit < stats_nunames ? stats_unorms[h->unit] : "";
}

/* The normalised value of a hit of list l. */
const char *
stats_hit_norm(const struct stat_list *l, const struct stat_hit *h)
{
	return h->norm < l->nnorms ? l->norms + h->norm : "";
}

/* The high end of a range: the bytes after its norm (stats_add). */
double
stats_hit_value2(const struct stat_list *l, const struct stat_hit *h)
{
	size_t	 o;
	double	 v2;

	if (h->kind != STAT_RANGE || h->norm >= l->nnorms)
		return h->value;
	o = h->norm + strlen(l->norms + h->norm) + 1;
	if (o + sizeof v2 > l->nnorms)
		return h->value;
	memcpy(&v2, l->norms + o, sizeof v2);
	return v2;
}
