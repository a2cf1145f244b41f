/* Unit tests of doc-script: a document copied into another script (from
   its sources, and back), places found across scripts through the source
   bytes, the progress and the stop of a copy. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc-script.h"
#include "layout.h"
#include "xmalloc.h"

/* Two paragraphs of 自由時報, 2025-09-05 (see tests/data/script/README.md)
   and a Simplified page of the seed's words, in one file of two pages. */
static const char pages[] =
	"全國矯正機關目前超收1000多人\n"
	"\n"
	"全國矯正機關目前超收1000多人，法務部矯正署署長林憲銘強調，八德外役監、"
	"彰化看守所即將完工啟用，屆時可增加近3500人容額。\n"
	"\n"
	"林憲銘表示，矯正機關核定容額為6萬0552人，但實際收容人數已逾6萬1600人。\n"
	"\f"
	"推进监地协作 守护平安浙江\n"
	"\n"
	"近年来，浙江监狱一直没有停下推进监地协作的脚步。\n";

/* The joined text of block b of global story gs. */
static char *
block_text(const struct doc *d, size_t gs, size_t b)
{
	struct doc_page	*dp;
	size_t		 st, len;

	dp = doc_story(d, gs, &st);
	assert_non_null(dp);
	assert_true(b < dp->page.stories[st].nblocks);
	return page_block_join(&dp->page, &dp->page.stories[st].blocks[b],
	    &len, NULL);
}

static void
test_copy(void **state)
{
	struct doc	 d, s, o;
	char		*t;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "p.txt", pages, strlen(pages));
	assert_int_equal(d.npages, 2);
	assert_null(d.files[0].conv);
	/* to Simplified: the Traditional page changes, the other stays */
	assert_int_equal(doc_script_copy(&s, &d, SCRIPT_SIMPLIFIED, NULL), 1);
	assert_int_equal(s.script, SCRIPT_SIMPLIFIED);
	assert_int_equal(s.npages, 2);
	assert_int_equal(s.nstories, d.nstories);
	assert_non_null(s.files[0].conv);
	assert_non_null(strstr(s.files[0].text.buf, "全国矫正机关"));
	assert_non_null(strstr(s.files[0].text.buf, "浙江监狱"));
	assert_string_equal(s.files[0].conv->source.buf, d.files[0].text.buf);
	assert_string_equal(s.files[0].path, "p.txt");
	/* its statistics were found on the converted text */
	assert_int_equal(s.pages[0].stats.n, d.pages[0].stats.n);
	t = block_text(&s, 0, 0);
	assert_string_equal(t, "全国矫正机关目前超收1000多人");
	free(t);
	/* and back: from the sources, the original exactly */
	assert_int_equal(doc_script_copy(&o, &s, SCRIPT_ORIGINAL, NULL), 1);
	assert_null(o.files[0].conv);
	assert_string_equal(o.files[0].text.buf, d.files[0].text.buf);
	assert_int_equal(o.files[0].text.npages, 2);
	doc_free(&o);
	/* to Traditional from a Simplified copy: from the source again */
	assert_int_equal(doc_script_copy(&o, &s, SCRIPT_TRADITIONAL, NULL), 1);
	assert_non_null(strstr(o.files[0].text.buf, "全國矯正機關"));
	assert_non_null(strstr(o.files[0].text.buf, "浙江監獄"));
	doc_free(&o);
	doc_free(&s);
	doc_free(&d);
}

static void
test_places(void **state)
{
	struct doc	 d, s;
	size_t		 gs, b, off, file, src, gs2, b2, off2, len;
	char		*t;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "p.txt", pages, strlen(pages));
	assert_int_equal(doc_script_copy(&s, &d, SCRIPT_SIMPLIFIED, NULL), 1);
	/* every character of every block: the same place both ways */
	for (gs = 0; gs < d.nstories; gs++) {
		size_t st;
		struct doc_page *dp = doc_story(&d, gs, &st);

		for (b = 0; b < dp->page.stories[st].nblocks; b++) {
			t = page_block_join(&dp->page,
			    &dp->page.stories[st].blocks[b], &len, NULL);
			for (off = 0; off < len; off++) {
				if (((unsigned char)t[off] & 0xC0) == 0x80)
					continue;
				assert_true(doc_script_where(&d, gs, b, off,
				    &file, &src));
				assert_int_equal(file, 0);
				assert_true(doc_script_find(&s, file, src, &gs2,
				    &b2, &off2));
				assert_int_equal(gs2, gs);
				assert_int_equal(b2, b);
				assert_int_equal(off2, off);
				/* and from the converted one back */
				assert_true(doc_script_where(&s, gs2, b2, off2,
				    &file, &src));
				assert_true(doc_script_find(&d, file, src, &gs2,
				    &b2, &off2));
				assert_int_equal(off2, off);
			}
			free(t);
		}
	}
	/* the start of a story, and places that are none */
	assert_true(doc_script_where(&s, 1, LAYOUT_NOBLOCK, 0, &file, &src));
	assert_int_equal(src, strchr(pages, '\f') - pages);
	assert_false(doc_script_where(&s, 99, 0, 0, &file, &src));
	assert_false(doc_script_where(&s, 0, 99, 0, &file, &src));
	assert_false(doc_script_find(&s, 5, 0, &gs2, &b2, &off2));
	/* a blank line: the block after it */
	src = strstr(pages, "\n\n林") - pages + 1;
	assert_true(doc_script_find(&s, 0, src, &gs2, &b2, &off2));
	t = block_text(&s, gs2, b2);
	assert_true(strncmp(t, "林宪铭", strlen("林宪铭")) == 0);
	assert_int_equal(off2, 0);
	free(t);
	doc_free(&s);
	doc_free(&d);
}

static void
test_progress(void **state)
{
	struct doc			 d, s;
	struct doc_quick_progress	 pr;

	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "a.txt", pages, strlen(pages));
	doc_add_bytes(&d, "b.txt", "頭髮", strlen("頭髮"));
	atomic_init(&pr.files, 0);
	atomic_init(&pr.total, 0);
	atomic_init(&pr.stories, 0);
	atomic_init(&pr.stop, false);
	assert_int_equal(doc_script_copy(&s, &d, SCRIPT_SIMPLIFIED, &pr), 2);
	assert_int_equal(atomic_load(&pr.files), 2);
	assert_int_equal(atomic_load(&pr.total), 2);
	assert_int_equal(atomic_load(&pr.stories), s.nstories);
	assert_string_equal(s.files[1].text.buf, "头发");
	doc_free(&s);
	/* stopped: nothing more is copied */
	atomic_store(&pr.stop, true);
	assert_int_equal(doc_script_copy(&s, &d, SCRIPT_SIMPLIFIED, &pr), 0);
	assert_int_equal(s.nfiles, 0);
	doc_free(&s);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_progress),
	};

	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("DUBAO_OPENCC_DIR");
	return cmocka_run_group_tests_name("doc-script", tests, NULL, NULL);
}
