/* Unit tests of the state store: round trip, escaping, merge between two
   writers, deletion, corrupt files, the entry limit; duplicate keys, a
   FIFO or directory or huge file in the store's place, many processes
   saving at once (fork), a full disk (mkstemp interposed: the temporary
   file writes to /dev/full) that must leave the old file intact; a file
   of 200,000 lines read with O(n log n) key comparisons (strcmp
   interposed to count them). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <unistd.h>

#include "state.h"
#include "xmalloc.h"

static char	 dir[64];
static int	 full_disk;	/* mkstemp hands out a /dev/full file */

/* Interposes the C library's mkstemp for state.c (linked statically
   from the archive): with full_disk set, the temporary file is created
   as usual but its descriptor writes to /dev/full (ENOSPC). */
int mkstemp(char *);
int
mkstemp(char *tmpl)
{
	int	 fd = mkostemp(tmpl, 0), full;

	if (fd >= 0 && full_disk) {
		full = open("/dev/full", O_WRONLY);
		assert_true(full >= 0);
		dup2(full, fd);
		close(full);
	}
	return fd;
}

/* Interposes strcmp, as mkstemp above, to count the key comparisons
   state.c makes while cmp_max is set; past it the test fails at once
   (a quadratic merge would otherwise run for an hour before failing). */
static unsigned long	 ncmp, cmp_max;
int strcmp(const char *, const char *);
int
strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	if (cmp_max > 0 && ++ncmp > cmp_max)
		fail_msg("more than %lu key comparisons", cmp_max);
	while (*p != '\0' && *p == *q) {
		p++;
		q++;
	}
	return (int)*p - (int)*q;
}

/* Make a fresh temporary directory for each test. */
static int
setup(void **unused)
{
	strcpy(dir, "/tmp/dubao-state-test.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int
teardown(void **unused)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

/* Write raw bytes as the store file "positions". */
static void
write_file(const char *bytes)
{
	char	*p = xasprintf("%s/sub/positions", dir);
	char	*d = xasprintf("%s/sub", dir);
	FILE	*fp;

	mkdir(d, 0700);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs(bytes, fp);
	fclose(fp);
	free(p);
	free(d);
}

static char *
subdir(void)
{
	return xasprintf("%s/sub", dir);
}

static void
test_missing_is_empty(void **unused)
{
	struct state	 st;
	char		*w, *d = subdir();

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_null(w);
	assert_int_equal(st.n, 0);
	assert_null(state_get(&st, "x"));
	state_close(&st);
	free(d);
}

static void
test_roundtrip_and_escapes(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir();
	const char	*key = "/tmp/a\tb\\c\nd.txt";

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	state_set(&st, key, "3 4 5");
	state_set(&st, "plain", "v\t1");
	assert_int_equal(state_save(&st, &c), 0);
	assert_null(c);
	state_close(&st);

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_null(w);
	assert_string_equal(state_get(&st, key), "3 4 5");
	assert_string_equal(state_get(&st, "plain"), "v\t1");
	state_close(&st);
	free(d);
}

/* Two processes open the store, each sets its own key, both save: both
   keys survive. */
static void
test_merge_two_writers(void **unused)
{
	struct state	 a, b, r;
	char		*w, *c, *d = subdir();

	assert_int_equal(state_open(&a, d, "positions", &w), 0);
	assert_int_equal(state_open(&b, d, "positions", &w), 0);
	state_set(&a, "fileA", "1");
	state_set(&b, "fileB", "2");
	assert_int_equal(state_save(&a, &c), 0);
	assert_int_equal(state_save(&b, &c), 0);
	assert_int_equal(state_open(&r, d, "positions", &w), 0);
	assert_string_equal(state_get(&r, "fileA"), "1");
	assert_string_equal(state_get(&r, "fileB"), "2");
	/* b saved last but did not touch fileA: a's value stays. */
	state_set(&a, "fileA", "10");
	assert_int_equal(state_save(&a, &c), 0);
	state_set(&b, "fileB", "20");
	assert_int_equal(state_save(&b, &c), 0);
	state_close(&r);
	assert_int_equal(state_open(&r, d, "positions", &w), 0);
	assert_string_equal(state_get(&r, "fileA"), "10");
	assert_string_equal(state_get(&r, "fileB"), "20");
	state_close(&a);
	state_close(&b);
	state_close(&r);
	free(d);
}

static void
test_delete(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir();

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	state_set(&st, "k1", "a");
	state_set(&st, "k2", "b");
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	state_set(&st, "k1", NULL);
	assert_null(state_get(&st, "k1"));
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_null(state_get(&st, "k1"));
	assert_string_equal(state_get(&st, "k2"), "b");
	state_close(&st);
	free(d);
}

/* Corrupt files are ignored with one warning and replaced on save. */
static void
test_corrupt(void **unused)
{
	static const char *const bad[] = {
		"garbage\n",
		"dubao-state 1\nno tab here\n",
		"dubao-state 1\nkey\tvalue",		/* no final newline */
		"dubao-state 1\nkey\tbad\\xescape\n",
		"dubao-state 1\n\tempty key\n",
		"",
	};
	struct state	 st;
	char		*w, *c, *d = subdir();
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_file(bad[i]);
		assert_int_equal(state_open(&st, d, "positions", &w), -1);
		assert_non_null(w);
		assert_null(strchr(w, '\n'));
		free(w);
		assert_int_equal(st.n, 0);
		state_set(&st, "k", "v");
		assert_int_equal(state_save(&st, &c), 0);
		state_close(&st);
		assert_int_equal(state_open(&st, d, "positions", &w), 0);
		assert_string_equal(state_get(&st, "k"), "v");
		state_close(&st);
	}
	free(d);
}

/* The oldest entries go beyond the maximum; setting a key renews it. */
static void
test_limit(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), key[16];
	int		 i;

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	st.max = 3;
	for (i = 0; i < 5; i++) {
		snprintf(key, sizeof key, "k%d", i);
		state_set(&st, key, "x");
	}
	state_set(&st, "k0", "renewed");
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_int_equal(st.n, 3);
	assert_null(state_get(&st, "k1"));
	assert_null(state_get(&st, "k2"));
	assert_string_equal(state_get(&st, "k0"), "renewed");
	assert_non_null(state_get(&st, "k4"));
	state_close(&st);
	free(d);
}

/* XDG_STATE_HOME wins; a relative one is ignored; HOME is the fallback. */
static void
test_dir(void **unused)
{
	char *s;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("HOME", "/home/u", 1);
	s = state_dir();
	assert_string_equal(s, "/x/state/dubao");
	free(s);
	setenv("XDG_STATE_HOME", "relative", 1);
	s = state_dir();
	assert_string_equal(s, "/home/u/.local/state/dubao");
	free(s);
	unsetenv("XDG_STATE_HOME");
	s = state_dir();
	assert_string_equal(s, "/home/u/.local/state/dubao");
	free(s);
}

/* Raw bytes of the store file "positions" (malloc'ed), or NULL. */
static char *
read_file(size_t *len)
{
	char	*p = xasprintf("%s/sub/positions", dir), *b;
	FILE	*fp = fopen(p, "r");
	long	 n;

	free(p);
	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	b = xmalloc((size_t)n + 1);
	assert_int_equal(fread(b, 1, (size_t)n, fp), (size_t)n);
	b[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return b;
}

/* Files in dir/sub other than positions and positions.lock. */
static int
stray_files(void)
{
	char		*d = subdir();
	DIR		*dp = opendir(d);
	struct dirent	*de;
	int		 n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0 &&
		    strcmp(de->d_name, "positions") != 0 &&
		    strcmp(de->d_name, "positions.lock") != 0)
			n++;
	closedir(dp);
	free(d);
	return n;
}

/* A key twice in the file: the later line wins, order kept. */
static void
test_duplicates(void **unused)
{
	struct state	 st;
	char		*w, *d = subdir();

	write_file("dubao-state 1\na\t1\nb\t2\na\t3\nc\t4\nb\t5\n");
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_int_equal(st.n, 3);
	assert_string_equal(st.e[0].key, "a");
	assert_string_equal(st.e[0].value, "3");
	assert_string_equal(st.e[1].key, "c");
	assert_string_equal(st.e[2].key, "b");
	assert_string_equal(state_get(&st, "b"), "5");
	state_close(&st);
	free(d);
}

/* A file of 200,000 lines (hostile, or many duplicates) is read, merged
   and saved with O(n log n) key comparisons, not O(n^2): counted, not
   timed (n log2 n is 3.5 million here, n^2 / 2 twenty billion). */
static void
test_many_lines(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), *p = xasprintf("%s/positions", d);
	FILE		*fp;
	int		 i;

	mkdir(d, 0700);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs("dubao-state 1\n", fp);
	for (i = 0; i < 200000; i++)
		fprintf(fp, "/a/long/path/of/page-%d.txt\t%d 0 0\n", i % 150000, i);
	fclose(fp);
	ncmp = 0;
	cmp_max = 200000UL * 18 * 4;
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_int_equal(st.n, 150000);
	state_set(&st, "new", "1");
	assert_int_equal(state_save(&st, &c), 0);
	cmp_max = 0;
	printf("200,000 lines: %lu key comparisons\n", ncmp);
	assert_true(ncmp > 200000);	/* the count works */
	assert_int_equal(st.n, 150001);
	assert_string_equal(state_get(&st, "/a/long/path/of/page-7.txt"),
	    "150007 0 0");
	state_close(&st);
	/* Saved: only the newest STATE_MAX_ENTRIES. */
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_int_equal(st.n, STATE_MAX_ENTRIES);
	assert_string_equal(state_get(&st, "new"), "1");
	state_close(&st);
	free(p);
	free(d);
}

/* Not a regular file where the store should be: a warning, no hang
   (FIFO), and a save that fails with a cause instead of writing. */
static void
test_not_regular(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), *p = xasprintf("%s/positions", d);

	mkdir(d, 0700);
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(state_open(&st, d, "positions", &w), -1);
	assert_non_null(w);
	assert_non_null(strstr(w, "not a regular file"));
	free(w);
	state_set(&st, "k", "v");
	assert_int_equal(state_save(&st, &c), -1);
	assert_non_null(c);
	free(c);
	state_close(&st);
	unlink(p);

	assert_int_equal(mkdir(p, 0700), 0);
	assert_int_equal(state_open(&st, d, "positions", &w), -1);
	assert_non_null(w);
	assert_null(strchr(w, '\n'));
	free(w);
	state_set(&st, "k", "v");
	assert_int_equal(state_save(&st, &c), -1);
	assert_non_null(c);
	free(c);
	state_close(&st);
	assert_int_equal(stray_files(), 0);
	rmdir(p);
	free(p);
	free(d);
}

/* A file beyond the size limit is not read: a warning, then replaced. */
static void
test_too_large(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), *p = xasprintf("%s/positions", d);
	int		 fd;

	mkdir(d, 0700);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 64 << 20), 0);	/* sparse */
	close(fd);
	assert_int_equal(state_open(&st, d, "positions", &w), -1);
	assert_non_null(strstr(w, "too large"));
	free(w);
	state_set(&st, "k", "v");
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_string_equal(state_get(&st, "k"), "v");
	state_close(&st);
	free(p);
	free(d);
}

/* A full disk: the save fails with ENOSPC, the old file is byte for
   byte what it was, and no temporary file is left. */
static void
test_full_disk(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), *before, *after;
	size_t		 lb, la;

	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	state_set(&st, "kept", "1 2 3");
	state_set(&st, "other", "4 5 6");
	assert_int_equal(state_save(&st, &c), 0);
	before = read_file(&lb);
	assert_non_null(before);

	full_disk = 1;
	state_set(&st, "kept", "7 8 9");
	state_set(&st, "new", "x");
	assert_int_equal(state_save(&st, &c), -1);
	full_disk = 0;
	assert_non_null(c);
	assert_non_null(strstr(c, strerror(ENOSPC)));
	free(c);
	after = read_file(&la);
	assert_non_null(after);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, lb);
	assert_int_equal(stray_files(), 0);
	/* The changes are still pending: the next save writes them. */
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_string_equal(state_get(&st, "kept"), "7 8 9");
	assert_string_equal(state_get(&st, "new"), "x");
	assert_string_equal(state_get(&st, "other"), "4 5 6");
	state_close(&st);
	free(before);
	free(after);
	free(d);
}

/* NPROC processes, each saving ROUNDS times (a new key and an update of
   its own counter) at the same time: every key of every process is in
   the file at the end, with its last value. */
#define NPROC	8
#define ROUNDS	40
static void
test_concurrent(void **unused)
{
	struct state	 st;
	char		*w, *c, *d = subdir(), key[32], val[32];
	pid_t		 pid[NPROC];
	int		 i, r, status;

	/* An entry from before, which nobody touches. */
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	state_set(&st, "old", "kept");
	assert_int_equal(state_save(&st, &c), 0);
	state_close(&st);
	for (i = 0; i < NPROC; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] != 0)
			continue;
		for (r = 0; r < ROUNDS; r++) {
			if (state_open(&st, d, "positions", &w) != 0)
				_exit(10);
			snprintf(key, sizeof key, "p%d-r%d", i, r);
			state_set(&st, key, "v");
			snprintf(key, sizeof key, "p%d", i);
			snprintf(val, sizeof val, "%d", r);
			state_set(&st, key, val);
			if (state_save(&st, &c) != 0)
				_exit(11);
			state_close(&st);
		}
		_exit(0);
	}
	for (i = 0; i < NPROC; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(state_open(&st, d, "positions", &w), 0);
	assert_null(w);
	assert_string_equal(state_get(&st, "old"), "kept");
	for (i = 0; i < NPROC; i++) {
		snprintf(key, sizeof key, "p%d", i);
		snprintf(val, sizeof val, "%d", ROUNDS - 1);
		assert_non_null(state_get(&st, key));
		assert_string_equal(state_get(&st, key), val);
		for (r = 0; r < ROUNDS; r++) {
			snprintf(key, sizeof key, "p%d-r%d", i, r);
			assert_non_null(state_get(&st, key));
		}
	}
	assert_int_equal(st.n, 1 + NPROC * (ROUNDS + 1));
	state_close(&st);
	assert_int_equal(stray_files(), 0);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_is_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip_and_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_two_writers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_regular, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_large, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent, setup, teardown),
		cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
