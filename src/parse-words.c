/*
 * parse-words: the word lists of the structure reader, one table each,
 * and the index built from them once at start-up (parse_words_init).
 *
 * Every list is data: to teach dubao a new role word, agency or column
 * name, add a row here (Simplified and Traditional forms both), and a
 * regress excerpt under tests/regress/ that shows it on real text.
 * dubao-structure(7) says where each list is used.
 *
 * Lookups are by the first (or, for endings, the last) character of the
 * word: the index holds, per list, the words sorted by that character
 * and, for one character, longest first, so that the first word that
 * matches is the longest.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "parse-int.h"
#include "xmalloc.h"

#define W(s)		{ s, sizeof(s) - 1, 0 }
#define WF(s, f)	{ s, sizeof(s) - 1, f }
#define WEND		{ NULL, 0, 0 }

/* Byline role words (本报记者 王春苗).  PWF_PHOTO: the role credits
   photographs only; PWF_NOGLUE: a name never follows it without a space
   (摄影 is also a word of the text); PWF_ALONE: a byline by itself (本报
   评论员), no names follow. */
static const struct parse_word pw_roles[] = {
	W("本报特约通讯员"), W("本报特约记者"), W("本报见习记者"), W("本报实习记者"),
	WF("本报摄影记者", PWF_PHOTO), W("人民日报记者"), W("特约通讯员"),
	W("本报通讯员"), W("本报实习生"), W("新华社记者"), W("中新社记者"),
	W("人民网记者"), W("光明日报记者"), W("经济日报记者"), W("央视记者"),
	W("特约记者"), W("见习记者"), W("实习记者"), WF("摄影记者", PWF_PHOTO),
	W("特派记者"),
	W("本报记者"), W("通讯员"), W("实习生"), W("记者"),
	WF("本报评论员", PWF_ALONE), WF("本报特约评论员", PWF_ALONE),
	WF("本报评论部", PWF_ALONE), WF("人民日报评论部", PWF_ALONE),
	WF("本报编辑部", PWF_ALONE),
	WF("人民日报评论员", PWF_ALONE), WF("人民日报特约评论员", PWF_ALONE),
	WF("特约评论员", PWF_ALONE), WF("评论员", PWF_ALONE),
	WF("文/图", PWF_NOGLUE), WF("图/文", PWF_NOGLUE),
	WF("摄影", PWF_PHOTO | PWF_NOGLUE), WF("摄", PWF_PHOTO | PWF_NOGLUE),
	W("作者"),
	/* Traditional */
	W("本報特約通訊員"), W("本報特約記者"), W("本報見習記者"), W("本報實習記者"),
	WF("本報攝影記者", PWF_PHOTO), W("特約通訊員"), W("本報通訊員"),
	W("本報實習生"), W("新華社記者"), W("中新社記者"), W("中央社記者"),
	W("特約記者"), W("見習記者"), W("實習記者"), WF("攝影記者", PWF_PHOTO),
	W("特派記者"),
	W("本報記者"), W("通訊員"), W("實習生"), W("記者"),
	WF("本報評論員", PWF_ALONE), WF("特約評論員", PWF_ALONE),
	WF("本報評論部", PWF_ALONE), WF("本報編輯部", PWF_ALONE),
	WF("文/圖", PWF_NOGLUE), WF("圖/文", PWF_NOGLUE),
	WF("攝影", PWF_PHOTO | PWF_NOGLUE), WF("攝", PWF_PHOTO | PWF_NOGLUE),
	WEND
};

/* Words after 记者 that make a heading, not a name (记者手记). */
static const struct parse_word pw_not_names[] = {
	W("手记"), W("观察"), W("调查"), W("探访"), W("札记"), W("随笔"), W("述评"),
	W("来信"), W("感言"), W("节"), W("站"), W("证"), W("会"),
	W("手記"), W("觀察"), W("調查"), W("札記"), W("隨筆"), W("述評"), W("來信"),
	W("節"), W("證"), W("會"),
	WEND
};

/* Openers of an editor's note or a box set apart from the body. */
static const struct parse_word pw_notes[] = {
	W("编者按"), W("【编者按】"), W("编者的话"), W("开栏的话"), W("开篇的话"),
	W("编后"), W("编辑按"), W("【链接】"), W("相关链接"), W("背景链接"),
	W("链接："), W("链接:"),
	W("編者按"), W("【編者按】"), W("編者的話"), W("開欄的話"), W("編後"),
	W("【鏈接】"), W("相關鏈接"), W("背景鏈接"),
	WEND
};

/* Openers of a photo caption (图①：…, 图为…). */
static const struct parse_word pw_cap_starts[] = {
	W("图为"), W("▲"), W("△"), W("图："), W("图:"), W("上图"), W("下图"),
	W("左图"), W("右图"), W("图片："), W("图①"), W("图②"), W("图③"),
	W("图④"), W("图⑤"), W("图⑥"), W("图⑦"), W("图⑧"), W("图⑨"), W("图⑩"),
	W("圖為"), W("圖："), W("上圖"), W("下圖"), W("左圖"), W("右圖"),
	W("圖片："), W("圖①"), W("圖②"), W("圖③"), W("圖④"),
	/* a chart's source and maker */
	W("数据来源："), W("数据来源:"), W("資料來源："), W("數據來源："),
	W("制图："), W("製圖："),
	WEND
};

/* Endings of a photo caption or credit (…摄（人民视觉）). */
static const struct parse_word pw_cap_ends[] = {
	W("摄）"), W("摄)"), W(" 摄"), W("供图"), W("供图）"), W("供图)"),
	W("新华社发"), W("资料图片）"), W("资料图片)"), W("视觉中国）"),
	W("（摄）"), W("人民视觉）"), W("人民视觉)"), W("（人民视觉）"),
	W("新华社发）"), W("新华社发)"), W("资料图片"), W("（资料图片）"),
	W("（影像中国）"), W("（视觉中国）"), W("（新华社发）"),
	W("攝）"), W("攝)"), W("供圖"), W("供圖）"), W("資料圖片）"), W("資料照片）"),
	W("中央社檔案照片）"),
	WEND
};

/* Agencies and papers that open a dateline ending in 电 or 讯
   (新华社北京2月3日电, 本报杭州3月5日讯, 中央社台北10日電). */
static const struct parse_word pw_agencies[] = {
	W("本报"), W("新华社"), W("据新华社"), W("中新社"), W("中新网"), W("人民网"),
	W("央视网"), W("新华网"), W("光明网"), W("央广网"), W("据本报"),
	W("本報"), W("新華社"), W("據新華社"), W("中央社"), W("據中央社"),
	W("中新網"),
	WEND
};

/* Column names known to close a headline in brackets: a tag of this
   list closes a headline even where its shape alone would not tell
   (it is short, or the line is long). */
static const struct parse_word pw_columns[] = {
	W("人民论坛"), W("人民时评"), W("人民观点"), W("人民观察"), W("人民眼"),
	W("钟声"), W("评论员观察"), W("今日谈"), W("大家手笔"), W("新论"), W("新语"),
	W("市场观察"), W("权威发布"), W("国际视点"), W("国际论坛"), W("民生观"),
	W("环球走笔"), W("域外听风"), W("有的放矢"), W("新知新觉"), W("声音"),
	W("大使随笔"), W("体坛观澜"), W("艺海观澜"), W("思想纵横"), W("学苑论衡"),
	W("新春走基层"), W("经济聚焦"), W("一线视角"), W("政策解读"), W("说道"),
	WEND
};

/* Endings of a kicker (引题) whose headline follows: verbs of a
   report's opening (…在座谈会上强调). */
static const struct parse_word pw_kicker_ends[] = {
	W("——"), W("强调"), W("时强调"), W("指出"), W("表示"), W("印发"), W("发表"),
	W("发布"), W("召开"), W("举行"), W("讲话"), W("提出"), W("要求"),
	W("強調"), W("時強調"), W("表示"), W("印發"), W("發表"), W("發佈"),
	W("召開"), W("舉行"), W("講話"),
	WEND
};

/* Openers of web-page debris: what a saved news page carries around
   the article (cookie notices, share and print lines, editors' credits,
   navigation).  A line that starts with one is dropped from the text
   and kept in --json as boilerplate.  PWF_ALONE: only when the word is
   the whole line (打印, 关闭 are words of the text too). */
static const struct parse_word pw_boiler[] = {
	W("本网站使用"), W("本網站使用"), W("我们使用Cookie"), W("我們使用Cookie"),
	W("我们使用 Cookie"), W("我們使用 Cookie"), W("本站使用Cookie"),
	W("本站使用 Cookie"), W("我们会使用cookie"), W("为了给您提供更好"),
	W("為了給您提供更好"), W("继续浏览即表示"), W("繼續瀏覽即表示"),
	W("责任编辑："), W("责任编辑:"), W("責任編輯："), W("責任編輯:"),
	W("【责任编辑"), W("(责任编辑"), W("（责任编辑"), W("【責任編輯"),
	W("（責任編輯"), W("(責任編輯"), W("责编："), W("责编:"), W("責編："),
	W("编辑：") , W("編輯："), W("校对："), W("校對："), W("审核："), W("審核："),
	W("【纠错】"), W("【糾錯】"), W("分享到"), W("分享至"), W("分享："),
	W("扫一扫"), W("掃一掃"), W("扫描二维码"), W("掃描二維碼"), W("下载客户端"),
	W("下載客戶端"), W("下载APP"), W("下載APP"), W("打开APP"), W("打開APP"),
	W("打开App"), W("打開App"), W("返回顶部"), W("返回頂部"), W("上一篇"),
	W("下一篇"), W("版权所有"), W("版權所有"), W("Copyright"), W("copyright"),
	W("©"), W("字号："), W("字號："), W("【字体"), W("【字體"), W("字体："),
	W("来源：人民网"), W("原标题："), W("原標題："), W("原文链接："),
	W("原文链接:"), W("原文連結："), W("原文連結:"), W("原文出自"),
	W("值班编辑："), W("值班編輯："), W("值班编辑:"), W("值班編輯:"),
	W("請繼續往下閱讀"), W("请继续往下阅读"),
	W("当前位置"), W("當前位置"), W("您的位置"), W("您現在的位置"),
	W("您现在的位置"), W("本页位置"), W("本頁位置"), W("跳到主要內容"),
	W("跳到主要内容"), W("image placeholder"), W("日期："), W("日期:"),
	W("发布时间"), W("發佈時間"), W("發布時間"), W("来源:"), W("來源:"),
	W("来源："), W("來源："), W("字号:"),
	W("字號:"), W("分享到:"), W("版权声明"), W("版權聲明"), W("版权所有"),
	W("責任編輯:"), W("责任编辑:"), W("编辑:"), W("編輯:"), W("责编:"),
	W("【打印】"), W("【关闭】"), W("【關閉】"), W("[打印]"), W("[关闭]"),
	WF("打印", PWF_ALONE), WF("关闭", PWF_ALONE), WF("關閉", PWF_ALONE),
	WF("关闭窗口", PWF_ALONE), WF("關閉窗口", PWF_ALONE), WF("收藏", PWF_ALONE),
	WF("点赞", PWF_ALONE), WF("评论", PWF_ALONE), WF("分享", PWF_ALONE),
	WF("微信", PWF_ALONE), WF("微博", PWF_ALONE), WF("打印本页", PWF_ALONE),
	WF("大 中 小", PWF_ALONE), WF("大中小", PWF_ALONE), WF("Top", PWF_ALONE),
	WF("相关新闻", PWF_ALONE), WF("相關新聞", PWF_ALONE), WF("热门推荐", PWF_ALONE),
	WF("熱門推薦", PWF_ALONE), WF("推荐阅读", PWF_ALONE), WF("推薦閱讀", PWF_ALONE),
	WF("延伸阅读", PWF_ALONE), WF("延伸閱讀", PWF_ALONE), WF("更多", PWF_ALONE),
	WF("返回", PWF_ALONE), WF("首页", PWF_ALONE), WF("首頁", PWF_ALONE),
	WEND
};

/* Surnames, compound ones too: a line of names alone right under a head
   is its byline (a commentary's 张子晗) when every name starts with
   one.  The common surnames only (those of bylines seen: 车慧卿, 盛玉雷,
   沙海龙, 华  兴), and not those that mostly start words of a headline
   (国 和 明 全 党 应 …): a name missed costs less than a headline
   lost. */
static const struct parse_word pw_surnames[] = {
	W("欧阳"), W("歐陽"), W("司马"), W("司馬"), W("诸葛"), W("諸葛"),
	W("上官"), W("东方"), W("東方"), W("皇甫"), W("尉迟"), W("尉遲"),
	W("公孙"), W("公孫"), W("令狐"), W("慕容"), W("司徒"), W("夏侯"),
	W("长孙"), W("長孫"), W("宇文"), W("轩辕"), W("軒轅"), W("端木"),
	W("呼延"), W("申屠"), W("南宫"), W("南宮"), W("独孤"), W("獨孤"),
	W("西门"), W("西門"), W("王"), W("李"), W("张"), W("刘"), W("陈"),
	W("杨"), W("黄"), W("赵"), W("吴"), W("周"), W("徐"), W("孙"),
	W("马"), W("胡"), W("朱"), W("郭"), W("何"), W("罗"), W("高"),
	W("林"), W("郑"), W("梁"), W("谢"), W("唐"), W("宋"), W("许"),
	W("邓"), W("冯"), W("韩"), W("曹"), W("曾"), W("彭"), W("萧"),
	W("肖"), W("蔡"), W("潘"), W("田"), W("董"), W("袁"), W("于"),
	W("余"), W("叶"), W("蒋"), W("杜"), W("苏"), W("魏"), W("程"),
	W("吕"), W("丁"), W("沈"), W("任"), W("姚"), W("卢"), W("钟"),
	W("姜"), W("崔"), W("谭"), W("廖"), W("范"), W("汪"), W("陆"),
	W("金"), W("石"), W("戴"), W("贾"), W("韦"), W("夏"), W("邱"),
	W("方"), W("侯"), W("邹"), W("熊"), W("孟"), W("秦"), W("白"),
	W("毛"), W("江"), W("闫"), W("阎"), W("薛"), W("尹"), W("段"),
	W("雷"), W("黎"), W("史"), W("龙"), W("钱"), W("贺"), W("陶"),
	W("顾"), W("龚"), W("郝"), W("邵"), W("覃"), W("武"), W("严"),
	W("欧"), W("莫"), W("孔"), W("汤"), W("常"), W("温"), W("康"),
	W("施"), W("牛"), W("樊"), W("葛"), W("邢"), W("安"), W("乔"),
	W("伍"), W("庞"), W("颜"), W("倪"), W("庄"), W("聂"), W("章"),
	W("鲁"), W("岳"), W("翟"), W("殷"), W("詹"), W("耿"), W("关"),
	W("兰"), W("焦"), W("俞"), W("柳"), W("祝"), W("舒"), W("阮"),
	W("柯"), W("梅"), W("裴"), W("霍"), W("涂"), W("苗"), W("翁"),
	W("冉"), W("骆"), W("辛"), W("靳"), W("柴"), W("蒙"), W("鲍"),
	W("喻"), W("祁"), W("蒲"), W("滕"), W("屈"), W("饶"), W("牟"),
	W("艾"), W("尤"), W("穆"), W("卓"), W("吉"), W("缪"), W("芦"),
	W("麦"), W("褚"), W("娄"), W("窦"), W("戚"), W("岑"), W("卜"),
	W("晏"), W("席"), W("柏"), W("宗"), W("瞿"), W("桂"), W("佟"),
	W("臧"), W("闵"), W("苟"), W("邬"), W("卞"), W("姬"), W("仇"),
	W("栾"), W("隋"), W("刁"), W("巫"), W("寇"), W("桑"), W("郎"),
	W("甄"), W("丛"), W("仲"), W("虞"), W("敖"), W("巩"), W("佘"),
	W("池"), W("麻"), W("苑"), W("迟"), W("邝"), W("付"), W("傅"),
	W("張"), W("劉"), W("陳"), W("楊"), W("黃"), W("趙"), W("吳"),
	W("孫"), W("馬"), W("鄭"), W("謝"), W("許"), W("韓"), W("馮"),
	W("鄧"), W("蕭"), W("葉"), W("蘇"), W("呂"), W("盧"), W("鍾"),
	W("鐘"), W("譚"), W("陸"), W("賈"), W("韋"), W("鄒"), W("閻"),
	W("賀"), W("顧"), W("龔"), W("嚴"), W("湯"), W("溫"), W("喬"),
	W("龐"), W("顏"), W("莊"), W("聶"), W("魯"), W("歐"), W("關"),
	W("蘭"), W("塗"), W("駱"), W("鮑"), W("饒"), W("繆"), W("蘆"),
	W("麥"), W("婁"), W("竇"), W("閔"), W("鄔"), W("欒"), W("叢"),
	W("鞏"), W("遲"), W("鄺"), W("錢"), W("羅"), W("於"), W("範"),
	W("蔣"),
	W("车"), W("盛"), W("沙"), W("华"), W("单"), W("季"), W("包"), W("宁"), W("尚"), W("左"), W("甘"), W("申"),
	W("齐"), W("易"), W("万"), W("文"), W("向"), W("成"), W("毕"), W("童"), W("管"), W("费"), W("冷"), W("边"),
	W("蓝"), W("纪"), W("古"), W("简"), W("项"), W("连"), W("解"), W("路"), W("游"), W("谷"), W("曲"), W("符"),
	W("車"), W("單"), W("寧"), W("萬"), W("畢"), W("費"), W("邊"), W("藍"), W("紀"), W("簡"), W("項"), W("連"),
	/* 鞠  鹏 (新华社, People's Daily 2025-04-16 p.15), and more of the
	   common ones that start few words of a headline */
	W("鞠"), W("赖"), W("洪"), W("荣"), W("裘"), W("贝"), W("郁"),
	W("杭"), W("储"), W("芮"), W("宫"), W("邰"), W("蔺"), W("屠"),
	W("胥"), W("冀"), W("匡"), W("晁"), W("阚"), W("荆"), W("逯"),
	W("賴"), W("榮"), W("貝"), W("儲"), W("藺"), W("闞"), W("荊"),
	WEND
};

static const struct parse_word *const pw_lists[PW__COUNT] = {
	[PW_ROLES] = pw_roles, [PW_NOT_NAMES] = pw_not_names,
	[PW_NOTES] = pw_notes, [PW_CAP_STARTS] = pw_cap_starts,
	[PW_CAP_ENDS] = pw_cap_ends, [PW_AGENCIES] = pw_agencies,
	[PW_COLUMNS] = pw_columns, [PW_KICKER_ENDS] = pw_kicker_ends,
	[PW_BOILER] = pw_boiler, [PW_SURNAMES] = pw_surnames,
};

/* One index entry: a word of a list by its first or last character. */
struct pw_entry {
	uint64_t	 key[2];	/* the word's first sixteen bytes,
					   zero-padded (by last character:
					   its last, pw_entry_set_tail) */
	uint64_t	 mask[2];	/* the bytes of key that count */
	uint32_t	 c;		/* first (or last) code point */
	unsigned short	 i;		/* index in the list */
	unsigned short	 n;		/* bytes of the word */
	unsigned short	 skip;		/* entries from this one to the
					   first shorter (or the slot's end):
					   a text shorter than the word passes
					   over them all at once */
};

/* A slot of an index by character: the entries of the words starting
   (ending) with character c, v[lo .. lo + n); n is 0 in an empty slot. */
struct pw_slot {
	uint32_t	 c;
	unsigned short	 lo, n;
};

/* An open-addressed table of slots, a power of two of them, at most
   half full: a character is found (or missed, on an empty slot) in one
   or two probes, where a binary search over a list took seven or
   eight. */
struct pw_table {
	struct pw_slot	*v;
	uint32_t	 mask;		/* slots - 1 */
	unsigned	 shift;		/* 32 - log2(slots) */
};

/* The index of one list: by first and by last character, and a bit per
   hash of a word's first two characters, which tells a line starting
   with a common character (本) which words to try only when its second
   character may follow (本报, not 本届). */
struct pw_index {
	struct pw_entry	*first, *last;
	struct pw_table	 tfirst, tlast;
	size_t		 n;
	uint64_t	 bpair[64];	/* first two characters of a word,
					   or the first of a one-character
					   word twice */
};

/* A slot holding more entries than this is worth the pair filter. */
#define PW_PAIR_MIN	4

/* The bit of two characters in a 4096-bit filter. */
static inline unsigned
pw_hash2(uint32_t a, uint32_t b)
{
	return (unsigned)(((a * 0x9e3779b1u) ^ (b * 0x85ebca6bu)) >> 20);
}

static struct pw_index	 pw_index[PW__COUNT];
static pthread_once_t	 pw_once = PTHREAD_ONCE_INIT;
int			 parse_words_ready;	/* set (release) when
						   built */
/* Per hash of a first (last) character, the lists that have a word
   starting (ending) with a character of that hash: one load tells a
   line which lists it need not look in (parse_words_first_lists,
   parse_words_last_lists in parse-int.h). */
uint16_t		 parse_words_first_tab[1u << PW_HASH_BITS],
			 parse_words_last_tab[1u << PW_HASH_BITS];

/* Order entries by character, then longest first. */
static int
pw_cmp(const void *a, const void *b)
{
	const struct pw_entry *x = a, *y = b;

	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (int)x->i - (int)y->i;
}

/* The code point at s (n bytes of valid UTF-8), its length in *len; 0
   when none. */
static inline uint32_t
pw_first(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	ucs4_t	 uc;
	int	 k;

	if (n == 0) {
		*len = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if (u[0] >= 0xe0 && u[0] < 0xf0 && n >= 3) {
		*len = 3;
		return ((uint32_t)(u[0] & 0x0f) << 12) |
		    ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
	}
	k = u8_mbtouc(&uc, u, n);
	*len = k > 0 ? (size_t)k : 1;
	return uc;
}

/* The code point ending at s + n; 0 when none. */
static uint32_t
pw_last(const char *s, size_t n)
{
	size_t	 p = n, len;

	if (n == 0)
		return 0;
	while (p > 0 && n - p < 4 && ((unsigned char)s[p - 1] & 0xc0) == 0x80)
		p--;
	if (p > 0)
		p--;
	return pw_first(s + p, n - p, &len);
}

/* The first (at most eight) of the n bytes at s, zero-padded
   (little-endian: the first byte lowest): a part of the key of an
   entry, or of a text to compare with one.  Fewer than eight bytes are
   two loads that overlap, not a memcpy of variable length (a call);
   no byte past s + n is read. */
static inline uint64_t
pw_head(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t k = 0;
	uint32_t a, b;

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
	for (a = 0; a < n && a < 8; a++)
		k |= (uint64_t)u[a] << (8 * a);
	(void)b;
	return k;
#endif
	if (n >= 8) {
		memcpy(&k, s, 8);
		return k;
	}
	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (uint64_t)a | (uint64_t)b << (8 * (n - 4));
	}
	if (n > 0)
		k = (uint64_t)u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
		    (uint64_t)u[n - 1] << (8 * (n - 1));
	return k;
}

/* The mask of the first min(n, 8) bytes of a key. */
static inline uint64_t
pw_mask(size_t n)
{
	return n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;
}

/* The slot of a table for character c, the first to probe. */
static inline uint32_t
pw_probe(const struct pw_table *t, uint32_t c)
{
	return (c * 0x9e3779b1u) >> t->shift & t->mask;
}

/* The slot of character c in t, or NULL. */
static inline const struct pw_slot *
pw_lookup(const struct pw_table *t, uint32_t c)
{
	uint32_t h;

	for (h = pw_probe(t, c); t->v[h].n != 0; h = (h + 1) & t->mask)
		if (t->v[h].c == c)
			return &t->v[h];
	return NULL;
}

/* Build table t over the n entries v (sorted by character). */
static void
pw_table_build(struct pw_table *t, const struct pw_entry *v, size_t n)
{
	size_t	 slots = 4, i, j;
	unsigned bits = 2;
	uint32_t h;

	while (slots < 2 * n) {
		slots *= 2;
		bits++;
	}
	t->v = xcalloc(slots, sizeof *t->v);
	t->mask = (uint32_t)slots - 1;
	t->shift = 32 - bits;
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j].c == v[i].c; j++)
			;
		for (h = pw_probe(t, v[i].c); t->v[h].n != 0;
		    h = (h + 1) & t->mask)
			;
		t->v[h].c = v[i].c;
		t->v[h].lo = (unsigned short)i;
		t->v[h].n = (unsigned short)(j - i);
	}
}

/* The last m bytes (0 < m <= 8) ending at s + m, as the top bytes of a
   key (pw_head's order: the last byte highest), the rest zero: a part
   of the key of an entry by last character, or of a text to compare
   with one. */
static inline uint64_t
pw_tail(const char *s, size_t m)
{
	return m >= 8 ? pw_head(s, 8) : pw_head(s, m) << (8 * (8 - m));
}

/* The mask of the top m bytes of a key (0 < m <= 8). */
static inline uint64_t
pw_tmask(size_t m)
{
	return m >= 8 ? ~(uint64_t)0 : ~(uint64_t)0 << (8 * (8 - m));
}

/* Fill entry e for word i of list w, keyed by its last character c:
   key[0] its last eight bytes (or fewer, top-aligned), key[1] the eight
   before them, as parse_words_suffix reads the end of a text. */
static void
pw_entry_set_tail(struct pw_entry *e, const struct parse_word *w, size_t i,
    uint32_t c)
{
	size_t	 n = w[i].n, m;

	e->c = c;
	e->i = (unsigned short)i;
	e->n = (unsigned short)n;
	m = n < 8 ? n : 8;
	e->key[0] = pw_tail(w[i].s + n - m, m);
	e->mask[0] = pw_tmask(m);
	m = n > 16 ? 8 : n > 8 ? n - 8 : 0;
	e->key[1] = m > 0 ? pw_tail(w[i].s + n - 8 - m, m) : 0;
	e->mask[1] = m > 0 ? pw_tmask(m) : 0;
}

/* Fill entry e for word i of list w, keyed by character c. */
static void
pw_entry_set(struct pw_entry *e, const struct parse_word *w, size_t i,
    uint32_t c)
{
	size_t	 n = w[i].n;

	e->c = c;
	e->i = (unsigned short)i;
	e->n = (unsigned short)n;
	e->key[0] = pw_head(w[i].s, n);
	e->mask[0] = pw_mask(n);
	e->key[1] = n > 8 ? pw_head(w[i].s + 8, n - 8) : 0;
	e->mask[1] = n > 8 ? pw_mask(n - 8) : 0;
}

/* Set PW_MARK in filter tab for the ranges of code points r (lo, hi, ...,
   0, 0). */
static void
pw_marks(uint16_t *tab, const uint32_t *r)
{
	uint32_t c;

	for (; r[0] != 0 || r[1] != 0; r += 2)
		for (c = r[0]; c <= r[1]; c++)
			tab[parse_words_hash(c)] |= PW_MARK;
}

/* Set the skip of the n entries v, sorted by character and longest
   first: the length of the run of entries of the same character and
   length from each on. */
static void
pw_skips(struct pw_entry *v, size_t n)
{
	size_t	 j;

	for (j = n; j-- > 0;)
		v[j].skip = (unsigned short)(j + 1 < n && v[j + 1].c == v[j].c &&
		    v[j + 1].n == v[j].n ? v[j + 1].skip + 1 : 1);
}

/* Build the index of every list. */
static void
pw_build(void)
{
	const struct parse_word	*w;
	struct pw_index		*ix;
	size_t			 l, i, n, len, len2;
	uint32_t		 c, c2;
	unsigned		 k;

	for (l = 0; l < PW__COUNT; l++) {
		w = pw_lists[l];
		for (n = 0; w[n].s != NULL; n++)
			;
		ix = &pw_index[l];
		ix->n = n;
		ix->first = xreallocarray(NULL, n ? n : 1, sizeof *ix->first);
		ix->last = xreallocarray(NULL, n ? n : 1, sizeof *ix->last);
		for (i = 0; i < n; i++) {
			c = pw_first(w[i].s, w[i].n, &len);
			pw_entry_set(&ix->first[i], w, i, c);
			pw_entry_set_tail(&ix->last[i], w, i,
			    pw_last(w[i].s, w[i].n));
			c2 = len < w[i].n ? pw_first(w[i].s + len, w[i].n - len,
			    &len2) : c;
			k = pw_hash2(c, c2);
			ix->bpair[k >> 6] |= 1ull << (k & 63);
			parse_words_first_tab[parse_words_hash(c)] |= 1u << l;
			parse_words_last_tab[parse_words_hash(ix->last[i].c)]
			    |= 1u << l;
		}
		qsort(ix->first, n, sizeof *ix->first, pw_cmp);
		qsort(ix->last, n, sizeof *ix->last, pw_cmp);
		pw_skips(ix->first, n);
		pw_skips(ix->last, n);
		pw_table_build(&ix->tfirst, ix->first, n);
		pw_table_build(&ix->tlast, ix->last, n);
	}
	pw_marks(parse_words_first_tab, parse_line_marks_first);
	pw_marks(parse_words_last_tab, parse_line_marks_last);
}

/* Build the index of the word lists (once; thread-safe). */
static void
pw_build_once(void)
{
	pw_build();
	__atomic_store_n(&parse_words_ready, 1, __ATOMIC_RELEASE);
}

void
parse_words_init(void)
{
	if (!__atomic_load_n(&parse_words_ready, __ATOMIC_ACQUIRE))
		pthread_once(&pw_once, pw_build_once);
}

/* True when no word of list ix starting with c, cl bytes at s[0..n),
   can start s: its first two characters are no word's (see bpair). */
static int
pw_no_pair(const struct pw_index *ix, uint32_t c, const char *s, size_t n,
    size_t cl)
{
	unsigned h = pw_hash2(c, c);
	size_t	 k;

	/* a one-character word starting with c matches whatever follows */
	if ((ix->bpair[h >> 6] >> (h & 63)) & 1)
		return 0;
	if (cl >= n)
		return 1;
	h = pw_hash2(c, pw_first(s + cl, n - cl, &k));
	return !((ix->bpair[h >> 6] >> (h & 63)) & 1);
}

/* The longest word of list l that s[0..n) starts with: its index, its
   length in *len (when not NULL); -1 when none.  The words are compared
   sixteen bytes at a time, masked (a memcmp only for longer ones). */
int
parse_words_prefix(enum parse_wlist l, const char *s, size_t n, size_t *len)
{
	uint32_t c;
	size_t	 cl;

	parse_words_init();
	if (n == 0)
		return -1;
	c = pw_first(s, n, &cl);
	return parse_words_prefix_c(l, s, n, c, cl, len);
}

/* parse_words_prefix of a text s[0..n) (n > 0, valid UTF-8) whose first
   code point c, of cl bytes, its caller has decoded already, and asked
   the filters about (parse_words_first_lists: the index is built). */
int
parse_words_prefix_c(enum parse_wlist l, const char *s, size_t n, uint32_t c,
    size_t cl, size_t *len)
{
	const struct pw_index	*ix = &pw_index[l];
	const struct pw_slot	*sl;
	const struct pw_entry	*e, *end;
	uint64_t		 h0, h1;

	if ((sl = pw_lookup(&ix->tfirst, c)) == NULL)
		return -1;
	if (sl->n > PW_PAIR_MIN && pw_no_pair(ix, c, s, n, cl))
		return -1;
	h0 = pw_head(s, n);
	h1 = n > 8 ? pw_head(s + 8, n - 8) : 0;
	/* the words longer than the text passed over a length at a time
	   (本 opens 23 role words, most longer than a byline's 本报记者);
	   a slot's words go longest first, so none after is longer */
	for (e = ix->first + sl->lo, end = e + sl->n; e < end && e->n > n;)
		e += e->skip;
	for (; e < end; e++) {
		if ((h0 & e->mask[0]) != e->key[0] ||
		    (h1 & e->mask[1]) != e->key[1] || (e->n > 16 &&
		    memcmp(s + 16, pw_lists[l][e->i].s + 16, e->n - 16u) != 0))
			continue;
		if (e->n != n && l == PW_BOILER &&
		    (pw_lists[l][e->i].flags & PWF_ALONE))
			continue;
		if (len != NULL)
			*len = e->n;
		return e->i;
	}
	return -1;
}

/* The longest word of list l that s[0..n) ends with, as
   parse_words_prefix. */
int
parse_words_suffix(enum parse_wlist l, const char *s, size_t n, size_t *len)
{
	const struct pw_index	*ix = &pw_index[l];
	const struct pw_slot	*sl;
	const struct pw_entry	*e, *end;
	uint64_t		 t0, t1;

	parse_words_init();
	if (n == 0)
		return -1;
	if ((sl = pw_lookup(&ix->tlast, pw_last(s, n))) == NULL)
		return -1;
	/* the text's last sixteen bytes as the entries' keys (a memcmp
	   only for the rest of a longer word) */
	t0 = pw_tail(s + n - (n < 8 ? n : 8), n < 8 ? n : 8);
	t1 = n > 8 ? pw_tail(s + n - 8 - (n > 16 ? 8 : n - 8),
	    n > 16 ? 8 : n - 8) : 0;
	/* as in parse_words_prefix: none after the skip is longer */
	for (e = ix->last + sl->lo, end = e + sl->n; e < end && e->n > n;)
		e += e->skip;
	for (; e < end; e++) {
		if ((t0 & e->mask[0]) != e->key[0] ||
		    (t1 & e->mask[1]) != e->key[1] || (e->n > 16 &&
		    memcmp(s + n - e->n, pw_lists[l][e->i].s, e->n - 16u) !=
		    0))
			continue;
		if (len != NULL)
			*len = e->n;
		return e->i;
	}
	return -1;
}

/* True when s[0..n) is exactly a word of list l. */
int
parse_words_is(enum parse_wlist l, const char *s, size_t n)
{
	size_t	 len;

	return parse_words_prefix(l, s, n, &len) >= 0 && len == n;
}

/* Word i of list l. */
const struct parse_word *
parse_words_get(enum parse_wlist l, int i)
{
	return &pw_lists[l][i];
}

/* True when some word of list l starts with code point c (a cheap
   filter before parse_words_prefix). */
int
parse_words_starts(enum parse_wlist l, uint32_t c)
{
	parse_words_init();
	return pw_lookup(&pw_index[l].tfirst, c) != NULL;
}
