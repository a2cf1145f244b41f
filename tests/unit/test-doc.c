/* Unit tests of doc: files, directories and errors; pages and stories
   numbered across files; printable page names. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "doc.h"
#include "xmalloc.h"

static char	 tmpdir[] = "/tmp/dubao-test-doc.XXXXXX";

static const char page_a[] =
    "第一条新闻的标题\n\n本报记者 张三\n\n正文第一段。\n\n"
    "第二条新闻的标题\n\n通讯员 李四\n\n正文第二段。\n";
static const char page_b[] = "# 标记的标题\n\n正文。\n\f# 第二页标题\n\n正文。\n";

/* Write a file in the temporary directory; returns its path. */
static char *
put(const char *name, const char *s, size_t n)
{
	char	*path = xasprintf("%s/%s", tmpdir, name);
	FILE	*fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	fclose(fp);
	return path;
}

/* Open paths; returns what was opened and what was said on err. */
static size_t
open_paths(struct doc *d, char **paths, size_t n, char **said)
{
	char	*buf = NULL;
	size_t	 len = 0, r;
	FILE	*err = open_memstream(&buf, &len);

	memset(d, 0, sizeof *d);
	r = doc_open(d, paths, n, err);
	fclose(err);
	*said = buf;
	return r;
}

/* A directory gives its *.txt files in name order, and only those. */
static void
test_directory(void **state)
{
	struct doc	 d;
	char		*sub = xasprintf("%s/dir", tmpdir), *said, *p[1];
	char		*a, *b, *c, *name;
	size_t		 st;

	(void)state;
	assert_int_equal(mkdir(sub, 0755), 0);
	a = put("dir/b.txt", page_b, sizeof page_b - 1);
	b = put("dir/a.txt", page_a, sizeof page_a - 1);
	c = put("dir/notes.md", "# not a page\n", 13);
	p[0] = sub;
	assert_int_equal(open_paths(&d, p, 1, &said), 2);
	assert_string_equal(said, "");
	assert_int_equal(d.nfiles, 2);
	assert_non_null(strstr(d.files[0].path, "/a.txt"));
	assert_non_null(strstr(d.files[1].path, "/b.txt"));
	/* a.txt: one page, two stories; b.txt: two pages, one story each */
	assert_int_equal(d.npages, 3);
	assert_int_equal(d.nstories, 4);
	assert_int_equal(d.pages[0].page.nstories, 2);
	assert_int_equal(d.pages[1].first_story, 2);
	assert_int_equal(d.pages[2].first_story, 3);
	assert_ptr_equal(doc_story(&d, 3, &st), &d.pages[2]);
	assert_int_equal(st, 0);
	assert_ptr_equal(doc_story(&d, 1, &st), &d.pages[0]);
	assert_int_equal(st, 1);
	assert_null(doc_story(&d, 4, &st));
	/* names: a file of several pages gets #N */
	name = doc_page_name(&d, 0);
	assert_null(strchr(name, '#'));
	free(name);
	name = doc_page_name(&d, 2);
	assert_non_null(strstr(name, "b.txt#2"));
	free(name);
	/* every page points into its own file's text */
	assert_ptr_equal(d.pages[2].page.text, &d.files[1].text);
	doc_free(&d);
	free(said);
	unlink(a);
	unlink(b);
	unlink(c);
	rmdir(sub);
	free(a);
	free(b);
	free(c);
	free(sub);
}

/* Missing files, empty directories and binary files are reported in one
   line each; the other paths still open; an empty file is a page. */
static void
test_errors(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct doc	 d;
	char		*good, *empty, *bin, *dir, *said, *p[5], *line;
	int		 lines = 0;

	(void)state;
	good = put("good.txt", page_a, sizeof page_a - 1);
	empty = put("empty.txt", "", 0);
	bin = put("image.txt", png, sizeof png - 1);
	dir = xasprintf("%s/nopages", tmpdir);
	assert_int_equal(mkdir(dir, 0755), 0);
	p[0] = (char *)"/nonexistent/dubao/page.txt";
	p[1] = good;
	p[2] = bin;
	p[3] = dir;
	p[4] = empty;
	assert_int_equal(open_paths(&d, p, 5, &said), 2);
	assert_int_equal(d.nerrors, 3);
	for (line = said; (line = strchr(line, '\n')) != NULL; line++)
		lines++;
	assert_int_equal(lines, 3);
	assert_non_null(strstr(said, "dubao: /nonexistent/dubao/page.txt: "
	    "No such file or directory\n"));
	assert_non_null(strstr(said, "image.txt: binary file\n"));
	assert_non_null(strstr(said, "nopages: no pages (*.txt) in directory\n"));
	assert_int_equal(d.npages, 2);		/* good.txt and the empty page */
	assert_int_equal(d.pages[1].page.nstories, 0);
	doc_free(&d);
	free(said);
	unlink(good);
	unlink(empty);
	unlink(bin);
	rmdir(dir);
	free(good);
	free(empty);
	free(bin);
	free(dir);
}

/* Names from outside are made printable in messages and page names. */
static void
test_names(void **state)
{
	struct doc	 d;
	char		*path, *said, *p[1], *name;

	(void)state;
	path = put("evil\x1b]0;x\x07name.txt", page_a, sizeof page_a - 1);
	p[0] = path;
	assert_int_equal(open_paths(&d, p, 1, &said), 1);
	name = doc_page_name(&d, 0);
	assert_null(strchr(name, 0x1b));
	assert_null(strchr(name, 0x07));
	assert_non_null(strstr(name, "evil?]0;x?name.txt"));
	free(name);
	doc_free(&d);
	free(said);
	unlink(path);
	free(path);
	/* a missing file with such a name: the message is clean too */
	p[0] = (char *)"/nonexistent/\x1b[31mred\xc2\x9b.txt";
	assert_int_equal(open_paths(&d, p, 1, &said), 0);
	assert_null(strchr(said, 0x1b));
	assert_null(strstr(said, "\xc2\x9b"));
	assert_non_null(strstr(said, "?[31mred?.txt"));
	doc_free(&d);
	free(said);
}

/* Bytes given directly form a file of their own. */
static void
test_add_bytes(void **state)
{
	struct doc d;

	(void)state;
	memset(&d, 0, sizeof d);
	doc_add_bytes(&d, "one", page_a, sizeof page_a - 1);
	doc_add_bytes(&d, "two", page_b, sizeof page_b - 1);
	assert_int_equal(d.nfiles, 2);
	assert_int_equal(d.npages, 3);
	assert_int_equal(d.nstories, 4);
	assert_true(d.pages[0].stats.n == 0);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_add_bytes),
	};
	int r;

	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	r = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(tmpdir);
	return r;
}
