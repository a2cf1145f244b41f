/* Unit tests of grep: the output format, colours and exit codes. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "grep.h"
#include "search.h"
#include "test-seed.h"
#include "xmalloc.h"

/* The output of one grep_run. */
struct run {
	int	 rc;
	char	*out;
	size_t	 outlen;
	char	*err;
	size_t	 errlen;
};

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Run grep on d and capture out and err. */
static struct run
run_grep(const struct doc *d, const char *pattern, unsigned flags, int color)
{
	struct run	 r;
	FILE		*out, *err;

	memset(&r, 0, sizeof r);
	out = open_memstream(&r.out, &r.outlen);
	err = open_memstream(&r.err, &r.errlen);
	assert_non_null(out);
	assert_non_null(err);
	r.rc = grep_run(d, pattern, flags, color, out, err);
	fclose(out);
	fclose(err);
	return r;
}

/* Number of lines in s. */
static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return n;
}

/* Check one output line "FILE:STORY[.SECTION]:LINE: context" and return
   its fields (section 0 when absent). */
static void
parse_line(const char *line, size_t len, const char *file, size_t *story,
    size_t *section, size_t *lineno, const char **ctx)
{
	const char	*p = line, *end = line + len;
	char		*q;
	size_t		 flen = strlen(file);

	assert_true(len > flen && memcmp(p, file, flen) == 0);
	p += flen;
	assert_int_equal(*p++, ':');
	*story = strtoul(p, &q, 10);
	assert_true(q > p);
	p = q;
	*section = 0;
	if (*p == '.') {
		p++;
		*section = strtoul(p, &q, 10);
		assert_true(q > p && *section >= 1);
		p = q;
	}
	assert_int_equal(*p++, ':');
	*lineno = strtoul(p, &q, 10);
	assert_true(q > p && *lineno >= 1);
	p = q;
	assert_int_equal(*p++, ':');
	assert_int_equal(*p++, ' ');
	*ctx = p;
	/* Single line, control-free. */
	for (; p < end; p++)
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7F);
}

static int
seed_setup(void **state)
{
	struct doc	*d = xcalloc(1, sizeof *d);
	char		*paths[] = { (char *)TEST_SEED };

	assert_int_equal(doc_open(d, paths, 1, stderr), 1);
	*state = d;
	return 0;
}

static int
seed_teardown(void **state)
{
	doc_free(*state);
	free(*state);
	return 0;
}

static void
test_one_match(void **state)
{
	struct run r = run_grep(*state, "949", 0, 0);

	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, TEST_SEED ":1.1:29: "
	    "…急救绿色通道,18家监狱单位建立"
	    "医联体,属地医卫部门进监会诊949次,就诊罪犯11678人次;\n");
	assert_int_equal(r.errlen, 0);
	run_free(&r);
	/* Full-width in the pattern, folded. */
	r = run_grep(*state, "９４９次", 0, 0);
	assert_int_equal(r.rc, 0);
	assert_int_equal(count_lines(r.out), 1);
	run_free(&r);
}

static void
test_no_match(void **state)
{
	struct run r = run_grep(*state, "不存在的词", 0, 0);

	assert_int_equal(r.rc, 1);
	assert_int_equal(r.outlen, 0);
	assert_int_equal(r.errlen, 0);
	run_free(&r);
	r = run_grep(*state, "", 0, 0);
	assert_int_equal(r.rc, 1);
	assert_int_equal(r.outlen, 0);
	run_free(&r);
	r = run_grep(*state, "949", SEARCH_EXACT | SEARCH_REGEX, 0);
	assert_int_equal(r.rc, 0);
	run_free(&r);
	r = run_grep(*state, "９４９", SEARCH_EXACT, 0);
	assert_int_equal(r.rc, 1);
	run_free(&r);
}

static void
test_bad_regex(void **state)
{
	struct run r = run_grep(*state, "监狱(", SEARCH_REGEX, 0);

	assert_int_equal(r.rc, 2);
	assert_int_equal(r.outlen, 0);
	assert_string_equal(r.err, "dubao: invalid regular expression: "
	    "missing closing parenthesis at character 3\n");
	run_free(&r);
	r = run_grep(*state, "[", SEARCH_REGEX | SEARCH_EXACT, 0);
	assert_int_equal(r.rc, 2);
	assert_int_equal(count_lines(r.err), 1);
	run_free(&r);
	/* The same text as a literal is fine (and absent). */
	r = run_grep(*state, "监狱(", 0, 0);
	assert_int_equal(r.rc, 1);
	run_free(&r);
}

static void
test_color(void **state)
{
	struct run	 r = run_grep(*state, "949", 0, 1);

	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, "会诊\033[1;31m949\033[m次"));
	run_free(&r);
	/* The escape wraps the text as written, not the folded pattern. */
	r = run_grep(*state, "（中国）", 0, 1);
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, "阿里巴巴\033[1;31m(中国)\033[m"));
	run_free(&r);
	/* Without colour: no escape at all. */
	r = run_grep(*state, "监狱", 0, 0);
	assert_null(strchr(r.out, '\033'));
	run_free(&r);
}

static void
test_all_lines(void **state)
{
	struct run	 r = run_grep(*state, "监狱", 0, 0);
	const char	*p, *nl, *ctx;
	size_t		 n = 0, story, section, line, last = 0;

	assert_int_equal(r.rc, 0);
	assert_int_equal(count_lines(r.out), 30);
	for (p = r.out; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		parse_line(p, (size_t)(nl - p), TEST_SEED, &story, &section,
		    &line, &ctx);
		assert_non_null(memmem(ctx, (size_t)(nl - ctx), "监狱", 6));
		/* Trimmed: 30 characters (of 3 bytes) and "…" each side. */
		assert_true((size_t)(nl - ctx) <= 2 * 3 * (30 + 1) + 6);
		/* Stories in reading order (the banner, story 0, first). */
		assert_true(story >= last);
		last = story;
		n++;
	}
	assert_int_equal(n, 30);
	run_free(&r);
}

static void
test_story_numbers(void **state)
{
	struct run	 r = run_grep(*state, "戴雍峰", 0, 0);
	const char	*p, *nl, *ctx;
	size_t		 n = 0, story, section, line;

	assert_int_equal(r.rc, 0);
	for (p = r.out; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		parse_line(p, (size_t)(nl - p), TEST_SEED, &story, &section,
		    &line, &ctx);
		assert_int_equal(story, 2);
		assert_int_equal(section, 0);
		assert_true(line >= 53 && line <= 63);
		n++;
	}
	assert_int_equal(n, 7);
	run_free(&r);
	/* Sections: 援助工作站 is in the second section of story 1, its
	   match starting on source line 43. */
	r = run_grep(*state, "援助工作站", 0, 0);
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, TEST_SEED ":1.2:43: "));
	run_free(&r);
	/* Regular expression: the 人次 figures. */
	r = run_grep(*state, "\\d+人次", SEARCH_REGEX, 0);
	assert_int_equal(r.rc, 0);
	assert_int_equal(count_lines(r.out), 5);
	run_free(&r);
}

/* Two pages in one file: FILE#N names, stories numbered across. */
static void
test_pages(void **state)
{
	struct doc	 d;
	const struct doc *seed = *state;
	const struct text *t = &seed->files[0].text;
	char		*bytes, *want;
	struct run	 r;

	memset(&d, 0, sizeof d);
	bytes = xasprintf("%s\f%s", t->buf, t->buf);
	doc_add_bytes(&d, "two.txt", bytes, strlen(bytes));
	free(bytes);
	assert_int_equal(d.npages, 2);
	r = run_grep(&d, "949", 0, 0);
	assert_int_equal(r.rc, 0);
	assert_int_equal(count_lines(r.out), 2);
	assert_memory_equal(r.out, "two.txt#1:1.1:29: ", 18);
	/* The seed's 101 lines end with a newline: the form feed is on
	   line 102, where page 2 starts. */
	want = xasprintf("two.txt#2:%zu.1:%d: ", seed->nstories + 1,
	    101 + 29);
	assert_non_null(strstr(r.out, want));
	free(want);
	run_free(&r);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_match),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_bad_regex),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_all_lines),
		cmocka_unit_test(test_story_numbers),
		cmocka_unit_test(test_pages),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("grep", tests, seed_setup,
	    seed_teardown);
}
