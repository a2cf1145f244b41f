/*
 * fuzz-common: invariant checks shared by the libFuzzer drivers.  A
 * violated invariant prints what was wrong and aborts, so libFuzzer
 * reports the input as a crash.
 */
#ifndef DUBAO_FUZZ_COMMON_H
#define DUBAO_FUZZ_COMMON_H

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s: ",	\
		    __FILE__, __LINE__, #cond);				\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/* Set the locale the program runs under (main forces a UTF-8 one). */
static inline void
fuzz_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "fuzz: C.UTF-8 locale missing\n");
		exit(1);
	}
}

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Every driver starts in the locale the program runs under. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_locale();
	return 0;
}

/* Is byte offset off of s (length n) at a UTF-8 character boundary? */
static inline int
fuzz_boundary(const char *s, size_t n, size_t off)
{
	return off == 0 || off >= n || ((unsigned char)s[off] & 0xc0) != 0x80;
}

/* Check that s[0..n) is valid UTF-8 with nothing that acts on a
   terminal: no C0 control (but newline and tab when allowed), no DEL,
   no C1 (U+0080-U+009F, bytes C2 80-C2 9F). */
#define FUZZ_NL		0x1	/* newlines allowed */
#define FUZZ_TAB	0x2	/* tabs allowed */
static inline void
fuzz_check_clean(const char *what, const char *s, size_t n, unsigned allow)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	FUZZ_CHECK(u8_check(p, n) == NULL, "%s: invalid UTF-8 at byte %zu",
	    what, (size_t)((const unsigned char *)u8_check(p, n) - p));
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(p[i] >= 0x20 || ((allow & FUZZ_NL) && p[i] == '\n') ||
		    ((allow & FUZZ_TAB) && p[i] == '\t'),
		    "%s: control byte 0x%02x at %zu", what, p[i], i);
		FUZZ_CHECK(p[i] != 0x7f, "%s: DEL at %zu", what, i);
		FUZZ_CHECK(!(p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f), "%s: C1 control U+%04X at %zu", what,
		    p[i + 1], i);
	}
}

#endif
