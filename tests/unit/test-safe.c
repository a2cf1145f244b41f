/* Unit tests of safe: names made printable. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "safe.h"

#define SAFE(in, want) do {						\
	char *r_ = safe_name(in);					\
	assert_string_equal(r_, want);					\
	free(r_);							\
} while (0)

/* Plain names, Chinese included, are unchanged. */
static void
test_plain(void **state)
{
	(void)state;
	SAFE("", "");
	SAFE("articles/000.txt", "articles/000.txt");
	SAFE("报纸/第一版.txt", "报纸/第一版.txt");
	SAFE("\xef\xbf\xbd", "\xef\xbf\xbd");	/* a real U+FFFD stays */
}

/* Controls, C1, bidi controls and invalid bytes become '?'. */
static void
test_controls(void **state)
{
	(void)state;
	SAFE("a\x1b[31mb", "a?[31mb");
	SAFE("a\x07\n\tb\x7f", "a???b?");
	SAFE("x\xc2\x9b" "1m", "x?1m");			/* C1 CSI */
	SAFE("\xe2\x80\xae" "evil", "?evil");		/* RLO */
	SAFE("\xff\xfe", "??");
	SAFE("\xe4\xb8", "?");				/* truncated 中 */
	SAFE("\xc0\xaf", "??");				/* overlong / */
	SAFE("\xed\xa0\x80", "?");			/* surrogate */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_controls),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
