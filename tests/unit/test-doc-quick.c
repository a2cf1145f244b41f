/* Unit tests of the two-step open (doc-quick): a small file is complete
   at once; a big file gives its first whole pages (or, without form
   feeds, a prefix cut at a blank line); a directory gives its first
   page only; the quick pages equal the full document's first pages; the
   full load (doc_load) reports its progress; standard input read by the
   quick step is handed to the full load (a feed), not lost; where a
   prefix is cut. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc-feed.h"
#include "doc-quick.h"
#include "test-seed.h"
#include "xmalloc.h"

static char	*seed;
static size_t	 seedlen;
static char	 tmpdir[] = "/tmp/dubao-quick.XXXXXX";

/* Write n copies of the seed to a new file, separated by sep. */
static char *
write_copies(const char *name, int n, const char *sep)
{
	char	*path = xasprintf("%s/%s", tmpdir, name);
	FILE	*fp = fopen(path, "wb");
	int	 i;

	assert_non_null(fp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(sep, fp);
		fwrite(seed, 1, seedlen, fp);
	}
	fclose(fp);
	return path;
}

/* The same stories and blocks (joined texts) in page p of a and b. */
static void
assert_same_page(const struct doc *a, const struct doc *b, size_t p)
{
	const struct page	*pa = &a->pages[p].page, *pb = &b->pages[p].page;
	size_t			 s, k;
	char			*ta, *tb;

	assert_int_equal(pa->nstories, pb->nstories);
	assert_int_equal(a->pages[p].first_story, b->pages[p].first_story);
	assert_int_equal(a->pages[p].stats.n, b->pages[p].stats.n);
	for (s = 0; s < pa->nstories; s++) {
		assert_int_equal(pa->stories[s].nblocks,
		    pb->stories[s].nblocks);
		for (k = 0; k < pa->stories[s].nblocks; k++) {
			assert_int_equal(pa->stories[s].blocks[k].kind,
			    pb->stories[s].blocks[k].kind);
			ta = page_block_join(pa, &pa->stories[s].blocks[k],
			    NULL, NULL);
			tb = page_block_join(pb, &pb->stories[s].blocks[k],
			    NULL, NULL);
			assert_string_equal(ta, tb);
			free(ta);
			free(tb);
		}
	}
}

/* A file within the budget is the whole document. */
static void
test_small_complete(void **unused)
{
	struct doc	 q, f;
	char		*path = write_copies("small.txt", 3, "\f");

	assert_int_equal(doc_quick_open(&q, &path, 1, DOC_QUICK_BUDGET, NULL, NULL),
	    DOC_QUICK_COMPLETE);
	memset(&f, 0, sizeof f);
	doc_open(&f, &path, 1, NULL);
	assert_int_equal(q.npages, 3);
	assert_int_equal(q.npages, f.npages);
	assert_int_equal(q.nstories, f.nstories);
	assert_string_equal(q.files[0].path, path);
	assert_same_page(&q, &f, 2);
	doc_free(&q);
	doc_free(&f);
	free(path);
}

/* A big file with form feeds: only its first whole pages, equal to the
   full document's. */
static void
test_big_pages(void **unused)
{
	struct doc	 q, f;
	char		*path = write_copies("big.txt", 500, "\f");
	size_t		 p;

	assert_int_equal(doc_quick_open(&q, &path, 1, DOC_QUICK_BUDGET, NULL, NULL),
	    DOC_QUICK_PARTIAL);
	memset(&f, 0, sizeof f);
	doc_open(&f, &path, 1, NULL);
	assert_int_equal(f.npages, 500);
	assert_true(q.npages >= 1);
	assert_true(q.npages <= DOC_QUICK_BUDGET / seedlen);
	assert_true(q.files[0].text.len <= DOC_QUICK_BUDGET);
	assert_string_equal(q.files[0].path, path);
	for (p = 0; p < q.npages; p++)
		assert_same_page(&q, &f, p);
	doc_free(&q);
	doc_free(&f);
	free(path);
}

/* Without form feeds: a prefix of the text, cut after a blank line. */
static void
test_big_no_formfeed(void **unused)
{
	struct doc	 q, f;
	char		*path = write_copies("one-page.txt", 200, "\n\n");
	size_t		 n;

	assert_int_equal(doc_quick_open(&q, &path, 1, DOC_QUICK_BUDGET, NULL, NULL),
	    DOC_QUICK_PARTIAL);
	memset(&f, 0, sizeof f);
	doc_open(&f, &path, 1, NULL);
	assert_int_equal(q.npages, 1);
	n = q.files[0].text.len;
	assert_true(n > 0 && n <= DOC_QUICK_BUDGET);
	assert_true(n < f.files[0].text.len);
	/* The same bytes as the start of the full text, ending at a
	   paragraph's end. */
	assert_memory_equal(q.files[0].text.buf, f.files[0].text.buf, n);
	assert_true(f.files[0].text.buf[n] == '\n' ||
	    f.files[0].text.buf[n - 1] == '\n');
	assert_true(q.nstories >= 1);
	assert_true(q.nstories <= f.nstories);
	doc_free(&q);
	doc_free(&f);
	free(path);
}

/* A directory: its first page only; the full load with a control equals
   doc_open and counts its files. */
static void
test_directory(void **unused)
{
	struct doc		 q, f, g;
	struct doc_load_ctl	 pr;
	char			*dir = xasprintf("%s/pages", tmpdir), *name;
	char			*first = xasprintf("%s/p000.txt", dir);
	FILE			*fp;
	int			 i;

	assert_int_equal(mkdir(dir, 0700), 0);
	/* Written in reverse, so that directory order is not name order. */
	for (i = 199; i >= 0; i--) {
		name = xasprintf("%s/p%03d.txt", dir, i);
		fp = fopen(name, "wb");
		assert_non_null(fp);
		fwrite(seed, 1, seedlen, fp);
		fclose(fp);
		free(name);
	}
	name = xasprintf("%s/notes.md", dir);
	fp = fopen(name, "wb");
	fputs("not a page\n", fp);
	fclose(fp);
	free(name);

	assert_int_equal(doc_quick_open(&q, &dir, 1, DOC_QUICK_BUDGET, NULL, NULL),
	    DOC_QUICK_PARTIAL);
	assert_int_equal(q.nfiles, 1);
	assert_string_equal(q.files[0].path, first);

	memset(&f, 0, sizeof f);
	memset(&g, 0, sizeof g);
	memset(&pr, 0, sizeof pr);
	atomic_init(&pr.files, 0);
	atomic_init(&pr.total, 0);
	atomic_init(&pr.permille, 0);
	atomic_init(&pr.stories, 0);
	atomic_init(&pr.stop, false);
	assert_int_equal(doc_load(&f, &dir, 1, NULL, &pr), 200);
	assert_int_equal(doc_open(&g, &dir, 1, NULL), 200);
	assert_int_equal(atomic_load(&pr.files), 200);
	assert_int_equal(atomic_load(&pr.total), 200);
	assert_int_equal(atomic_load(&pr.stories), g.nstories);
	assert_int_equal(atomic_load(&pr.permille), 1000);
	assert_int_equal(f.nfiles, g.nfiles);
	assert_int_equal(f.npages, g.npages);
	assert_int_equal(f.nstories, g.nstories);
	for (i = 0; i < 200; i++)
		assert_string_equal(f.files[i].path, g.files[i].path);
	assert_same_page(&q, &f, 0);
	doc_free(&q);
	doc_free(&f);
	doc_free(&g);

	/* Asked to stop: it stops between files. */
	atomic_store(&pr.stop, true);
	memset(&f, 0, sizeof f);
	assert_int_equal(doc_load(&f, &dir, 1, NULL, &pr), 0);
	doc_free(&f);
	free(first);
	free(dir);
}

/* Several paths: the first file of the first path only; missing paths
   are left to the full load. */
static void
test_paths(void **unused)
{
	struct doc	 q;
	FILE		*err;
	char		*said = NULL;
	size_t		 saidlen = 0;
	char		*paths[2];
	char		*missing = xasprintf("%s/missing.txt", tmpdir);

	paths[0] = write_copies("a.txt", 1, "");
	paths[1] = write_copies("b.txt", 1, "");
	assert_int_equal(doc_quick_open(&q, paths, 2, DOC_QUICK_BUDGET, NULL, NULL),
	    DOC_QUICK_PARTIAL);
	assert_int_equal(q.nfiles, 1);
	doc_free(&q);
	assert_int_equal(doc_quick_open(&q, &missing, 1, DOC_QUICK_BUDGET,
	    NULL, NULL), DOC_QUICK_NONE);
	/* A missing path first: said at once, counted, and the next path
	   opens the document (issue 9: the reader said nothing). */
	free(paths[1]);
	paths[1] = paths[0];
	paths[0] = missing;
	err = open_memstream(&said, &saidlen);
	assert_non_null(err);
	assert_int_equal(doc_quick_open(&q, paths, 2, DOC_QUICK_BUDGET, err,
	    NULL), DOC_QUICK_PARTIAL);
	fclose(err);
	assert_int_equal(q.nfiles, 1);
	assert_int_equal(q.nerrors, 1);
	assert_string_equal(q.files[0].path, paths[1]);
	assert_non_null(strstr(said, "missing.txt: No such file or directory"));
	doc_free(&q);
	free(said);
	free(paths[1]);
	free(missing);
}

/* Standard input from a pipe that a child fills with n copies of the
   seed separated by form feeds (at most 1 MB: the pipe holds it all, so
   the child is done before the reading starts and no timing decides what
   is read); the saved standard input goes to *saved. */
static void
stdin_pipe(int n, int *saved)
{
	pid_t	 pid;
	int	 p[2], i, status;

	assert_true((size_t)n * (seedlen + 1) <= 1 << 20);
	assert_int_equal(pipe(p), 0);
	assert_true(fcntl(p[1], F_SETPIPE_SZ, 1 << 20) >= 1 << 20);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		for (i = 0; i < n; i++)
			if ((i > 0 && write(p[1], "\f", 1) != 1) ||
			    write(p[1], seed, seedlen) != (ssize_t)seedlen)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	*saved = dup(STDIN_FILENO);
	assert_true(*saved >= 0);
	assert_int_equal(dup2(p[0], STDIN_FILENO), STDIN_FILENO);
	close(p[0]);
}

/* Load "-" in full, reading on from what the quick step left in in. */
static size_t
load_rest(struct doc *f, struct doc_feed *in)
{
	struct doc_load_ctl	 ctl;
	char			*dash = (char *)"-";
	size_t			 n;

	memset(&ctl, 0, sizeof ctl);
	ctl.in = in;
	memset(f, 0, sizeof *f);
	n = doc_load(f, &dash, 1, NULL, &ctl);
	assert_null(ctl.in);		/* standard input is read once */
	doc_feed_free(in);
	return n;
}

/* Back to the saved standard input. */
static void
stdin_back(int saved)
{
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
}

/* Doc f holds the same text as a file of n copies of the seed separated
   by form feeds; returns that file's text length. */
static size_t
assert_text_of_copies(const struct doc *f, const char *name, int n)
{
	struct doc	 g;
	char		*path = write_copies(name, n, "\f");
	size_t		 len;

	memset(&g, 0, sizeof g);
	assert_int_equal(doc_open(&g, &path, 1, NULL), 1);
	len = g.files[0].text.len;
	assert_int_equal(f->files[0].text.len, len);
	assert_memory_equal(f->files[0].text.buf, g.files[0].text.buf, len);
	doc_free(&g);
	free(path);
	return len;
}

/* A big page on a pipe: its first whole pages at once; the full load
   reads what the quick one took, then the rest: all of it, once. */
static void
test_stdin_big(void **unused)
{
	struct doc	 q, f;
	struct doc_feed	 in;
	char		*dash = (char *)"-";
	int		 saved;
	size_t		 p;

	stdin_pipe(100, &saved);

	assert_int_equal(doc_quick_open(&q, &dash, 1, DOC_QUICK_BUDGET, NULL, &in),
	    DOC_QUICK_PARTIAL);
	assert_true(q.npages >= 1);
	assert_true(q.npages <= DOC_QUICK_BUDGET / seedlen);
	assert_int_equal(load_rest(&f, &in), 1);
	stdin_back(saved);
	assert_int_equal(f.npages, 100);
	/* The same text as that of the same bytes in a file. */
	assert_text_of_copies(&f, "stdin-big.txt", 100);
	for (p = 0; p < q.npages; p++)
		assert_same_page(&q, &f, p);
	assert_int_equal(f.nstories, 100 * f.pages[0].page.nstories);
	doc_free(&q);
	doc_free(&f);
}

/* A short input: nothing quick (the full load is as fast) and nothing
   lost: the full load has it whole. */
static void
test_stdin_small(void **unused)
{
	struct doc	 q, f;
	struct doc_feed	 in;
	char		*dash = (char *)"-";
	int		 saved;

	stdin_pipe(3, &saved);
	assert_int_equal(doc_quick_open(&q, &dash, 1, DOC_QUICK_BUDGET, NULL, &in),
	    DOC_QUICK_NONE);
	assert_int_equal(q.nfiles, 0);
	assert_int_equal(load_rest(&f, &in), 1);
	stdin_back(saved);
	assert_int_equal(f.npages, 3);
	assert_text_of_copies(&f, "stdin-small.txt", 3);
	doc_free(&f);
}

/* A slow writer: one page, then nothing until told.  What came is shown
   (a provisional page) once DOC_QUICK_WAIT_MS have passed without more;
   the full load then has everything.  The writer waits on a pipe of
   ours, so no timing decides the outcome. */
static void
test_stdin_slow(void **unused)
{
	struct doc	 q, f;
	struct doc_feed	 in;
	char		*dash = (char *)"-", c;
	int		 p[2], go[2], saved, status, i;
	pid_t		 pid;

	assert_int_equal(pipe(p), 0);
	assert_int_equal(pipe(go), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		close(go[1]);
		if (write(p[1], seed, seedlen) != (ssize_t)seedlen ||
		    read(go[0], &c, 1) != 0)
			_exit(1);
		for (i = 1; i < 3; i++)
			if (write(p[1], "\f", 1) != 1 ||
			    write(p[1], seed, seedlen) != (ssize_t)seedlen)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	close(go[0]);
	saved = dup(STDIN_FILENO);
	assert_int_equal(dup2(p[0], STDIN_FILENO), STDIN_FILENO);
	close(p[0]);

	assert_int_equal(doc_quick_open(&q, &dash, 1, DOC_QUICK_BUDGET, NULL, &in),
	    DOC_QUICK_PARTIAL);
	assert_int_equal(q.npages, 1);
	assert_true(q.nstories >= 1);
	assert_true(q.files[0].text.len <= seedlen);
	close(go[1]);			/* the rest, now */
	assert_int_equal(load_rest(&f, &in), 1);
	stdin_back(saved);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	assert_int_equal(f.npages, 3);
	assert_text_of_copies(&f, "stdin-slow.txt", 3);
	/* The quick text is the start of it. */
	assert_memory_equal(q.files[0].text.buf, f.files[0].text.buf,
	    q.files[0].text.len);
	doc_free(&q);
	doc_free(&f);
}

/* Where a prefix is cut. */
static void
test_cut(void **unused)
{
	static const char utf16[] = "\xFF\xFE" "a\0\n\0b\0\f\0c\0\n\0d";
	static const char utf16be[] = "\xFE\xFF" "\0a\0\n\0b\0\n\0\n\0c";
	static const char crlf[] = "a\r\n\r\nb\r\nc";
	static const char han[] = "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96";

	assert_int_equal(doc_quick_cut("ab\fcd\fef", 8), 6);
	assert_int_equal(doc_quick_cut("ab\n\ncd\nef", 9), 4);
	assert_int_equal(doc_quick_cut("ab\n \t\ncd\nef", 11), 6);
	assert_int_equal(doc_quick_cut(crlf, sizeof crlf - 1), 5);
	assert_int_equal(doc_quick_cut("ab\ncd\nef", 8), 6);
	assert_int_equal(doc_quick_cut("\fab\n\ncd", 7), 1);
	/* No line end: whole characters. */
	assert_int_equal(doc_quick_cut(han, sizeof han - 1), 6);
	assert_int_equal(doc_quick_cut(han, 6), 6);
	assert_int_equal(doc_quick_cut("abc", 3), 3);
	/* UTF-16: on code units (an odd trailing byte is left out). */
	assert_int_equal(doc_quick_cut(utf16, sizeof utf16 - 1), 10);
	assert_int_equal(doc_quick_cut(utf16be, sizeof utf16be - 1), 12);
}

static int
setup(void **unused)
{
	setlocale(LC_ALL, "C.UTF-8");
	seed = test_seed_load(&seedlen);
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **unused)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int   rc = system(cmd);

	free(cmd);
	free(seed);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_complete),
		cmocka_unit_test(test_big_pages),
		cmocka_unit_test(test_big_no_formfeed),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_stdin_big),
		cmocka_unit_test(test_stdin_small),
		cmocka_unit_test(test_stdin_slow),
		cmocka_unit_test(test_cut),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
