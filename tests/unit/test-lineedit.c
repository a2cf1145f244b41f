/* Unit tests of the line editor: insertion, whole characters and
   clusters under Backspace, Delete and the cursor, ^W by kind of
   character, ^U, dropped controls, the length cap, history browsing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lineedit.h"

static void
test_insert_and_backspace(void **unused)
{
	struct lineedit le;

	lineedit_init(&le);
	assert_true(lineedit_insert(&le, "监狱", strlen("监狱")));
	assert_string_equal(le.buf, "监狱");
	assert_int_equal(le.cur, 6);
	assert_true(lineedit_backspace(&le));
	assert_string_equal(le.buf, "监");
	assert_int_equal(le.cur, 3);
	assert_true(lineedit_backspace(&le));
	assert_string_equal(le.buf, "");
	assert_false(lineedit_backspace(&le));
	/* e + combining acute is one cluster. */
	lineedit_set(&le, "ae\xcc\x81");
	assert_true(lineedit_backspace(&le));
	assert_string_equal(le.buf, "a");
	lineedit_set(&le, "xa\xcc\x81\xcc\xa3");	/* a + two marks */
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 1);
	assert_true(lineedit_delete(&le));
	assert_string_equal(le.buf, "x");
	lineedit_free(&le);
}

static void
test_cursor_over_wide(void **unused)
{
	struct lineedit le;

	lineedit_init(&le);
	lineedit_set(&le, "９a监");
	assert_int_equal(le.len, 7);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 4);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 3);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 0);
	assert_false(lineedit_left(&le));
	assert_true(lineedit_right(&le));
	assert_int_equal(le.cur, 3);
	/* Insert in the middle, delete at the cursor. */
	lineedit_insert(&le, "狱", strlen("狱"));
	assert_string_equal(le.buf, "９狱a监");
	assert_int_equal(le.cur, 6);
	assert_true(lineedit_delete(&le));
	assert_string_equal(le.buf, "９狱监");
	lineedit_end(&le);
	assert_false(lineedit_delete(&le));
	assert_false(lineedit_right(&le));
	lineedit_home(&le);
	assert_int_equal(le.cur, 0);
	assert_true(lineedit_backspace(&le) == false);
	lineedit_free(&le);
}

static void
test_kill_word(void **unused)
{
	struct lineedit le;

	lineedit_init(&le);
	lineedit_set(&le, "foo bar  ");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "foo ");
	lineedit_set(&le, "监狱abc12");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "监狱");
	lineedit_set(&le, "进监会诊，949次");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "进监会诊，949");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "进监会诊，");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "进监会诊");
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "");
	assert_false(lineedit_kill_word(&le));
	/* Only what is before the cursor goes. */
	lineedit_set(&le, "ab cd");
	lineedit_left(&le);
	assert_true(lineedit_kill_word(&le));
	assert_string_equal(le.buf, "ab d");
	assert_int_equal(le.cur, 3);
	lineedit_clear(&le);
	assert_string_equal(le.buf, "");
	assert_int_equal(le.cur, 0);
	lineedit_free(&le);
}

static void
test_controls_and_cap(void **unused)
{
	struct lineedit le;
	char		 big[LINEEDIT_MAX + 8];

	lineedit_init(&le);
	assert_false(lineedit_insert(&le, "\t\x1b\x80", 3));
	assert_string_equal(le.buf, "");
	lineedit_insert(&le, "a\nb\xff", 4);
	assert_string_equal(le.buf, "ab");
	memset(big, 'x', sizeof big);
	lineedit_clear(&le);
	lineedit_insert(&le, big, sizeof big);
	assert_int_equal(le.len, LINEEDIT_MAX);
	assert_false(lineedit_insert(&le, "y", 1));
	lineedit_free(&le);
}

static void
test_history(void **unused)
{
	static const char *const hist[] = { "old", "监狱", "newest" };
	struct lineedit le;

	lineedit_init(&le);
	lineedit_history(&le, hist, 3);
	lineedit_set(&le, "typing");
	assert_false(lineedit_recall(&le, 1));
	assert_true(lineedit_recall(&le, -1));
	assert_string_equal(le.buf, "newest");
	assert_true(lineedit_recall(&le, -1));
	assert_string_equal(le.buf, "监狱");
	assert_int_equal(le.cur, 6);
	assert_true(lineedit_recall(&le, -1));
	assert_false(lineedit_recall(&le, -1));
	assert_string_equal(le.buf, "old");
	assert_true(lineedit_recall(&le, 1));
	assert_true(lineedit_recall(&le, 1));
	assert_true(lineedit_recall(&le, 1));
	assert_string_equal(le.buf, "typing");
	assert_false(lineedit_recall(&le, 1));
	lineedit_history(&le, NULL, 0);
	assert_false(lineedit_recall(&le, -1));
	lineedit_free(&le);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_backspace),
		cmocka_unit_test(test_cursor_over_wide),
		cmocka_unit_test(test_kill_word),
		cmocka_unit_test(test_controls_and_cap),
		cmocka_unit_test(test_history),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
