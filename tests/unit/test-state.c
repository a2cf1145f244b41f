/* Unit tests of the state store: round trip, escaping, merge between two
   writers, deletion, corrupt files, the entry limit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"
#include "xmalloc.h"

static char	 dir[64];

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
		cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
