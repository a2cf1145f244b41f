/*
 * hostile-check: what tests/hostile/lib.sh checks of one run of the
 * binary, on the files holding its stdout and stderr, in one process:
 *
 *	hostile-check [-j] [-e ERRMAX] OUT ERR
 *
 * OUT: valid UTF-8 without a byte that could act on a terminal (C0
 * controls but TAB and LF, DEL, C1 U+0080-U+009F); with -j, when not
 * empty, one JSON text (RFC 8259, tests/fuzz/fuzz-json.h).  ERR: at most
 * ERRMAX lines (default 5), each starting "dubao: ", at most 300 bytes,
 * the same bytes allowed as in OUT, valid UTF-8, ending with a newline.
 * Prints "BYTES LINES" (bytes of OUT, lines of ERR) and exits 0, or
 * prints what is wrong on one line and exits 1 (2: cannot read a file).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "fuzz/fuzz-json.h"

#define ERRLINE	300

/* Read a whole file. */
static char *
slurp(const char *path, size_t *n)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 cap = 0, r;

	if (fp == NULL) {
		printf("cannot read %s: %s\n", path, strerror(errno));
		exit(2);
	}
	*n = 0;
	do {
		if (cap - *n < 65536) {
			cap = cap ? 2 * cap : 1 << 20;
			if ((buf = realloc(buf, cap)) == NULL) {
				printf("%s: out of memory\n", path);
				exit(2);
			}
		}
		r = fread(buf + *n, 1, cap - *n, fp);
		*n += r;
	} while (r > 0);
	fclose(fp);
	return buf;
}

/* The first byte of s that could act on a terminal, or (size_t)-1. */
static size_t
bad_byte(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') ||
		    p[i] == 0x7f)
			return i;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			return i;
	}
	return (size_t)-1;
}

/* Print up to 16 bytes around offset i, escaped. */
static void
show(const char *s, size_t n, size_t i)
{
	size_t	 k = i > 8 ? i - 8 : 0;

	for (; k < n && k < i + 8; k++)
		if ((unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x7f)
			putchar(s[k]);
		else
			printf("\\%03o", (unsigned char)s[k]);
}

/* Check the bytes of a stream; 0 if clean. */
static int
clean(const char *what, const char *s, size_t n)
{
	const uint8_t	*bad;
	size_t		 i;

	if ((i = bad_byte(s, n)) != (size_t)-1) {
		printf("control byte in %s at byte %zu: ", what, i);
		show(s, n, i);
		putchar('\n');
		return -1;
	}
	if ((bad = u8_check((const uint8_t *)s, n)) != NULL) {
		i = (size_t)(bad - (const uint8_t *)s);
		printf("%s is not valid UTF-8 at byte %zu: ", what, i);
		show(s, n, i);
		putchar('\n');
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	char		*out, *err;
	const char	*why;
	size_t		 nout, nerr, i, start, lines = 0, at;
	long		 errmax = 5;
	int		 ch, json = 0;

	while ((ch = getopt(argc, argv, "je:")) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'e':
			errmax = strtol(optarg, NULL, 10);
			break;
		default:
			printf("usage: hostile-check [-j] [-e ERRMAX] OUT ERR\n");
			return 2;
		}
	}
	if (argc - optind != 2) {
		printf("usage: hostile-check [-j] [-e ERRMAX] OUT ERR\n");
		return 2;
	}
	out = slurp(argv[optind], &nout);
	err = slurp(argv[optind + 1], &nerr);
	if (clean("output", out, nout) != 0)
		return 1;
	if (json && nout > 0 &&
	    (why = fuzz_json_check(out, nout, &at)) != NULL) {
		printf("--json output does not parse: %s at byte %zu: ", why, at);
		show(out, nout, at);
		putchar('\n');
		return 1;
	}
	for (start = i = 0; i < nerr; i++) {
		if (err[i] != '\n')
			continue;
		lines++;
		if (i - start < strlen("dubao: ") ||
		    memcmp(err + start, "dubao: ", strlen("dubao: ")) != 0) {
			printf("stderr line not starting with 'dubao: ': %.*s\n",
			    (int)(i - start < 100 ? i - start : 100), err + start);
			return 1;
		}
		if (i - start > ERRLINE) {
			printf("stderr line longer than %d bytes\n", ERRLINE);
			return 1;
		}
		start = i + 1;
	}
	if (nerr > 0 && err[nerr - 1] != '\n') {
		printf("stderr does not end with a newline\n");
		return 1;
	}
	if ((long)lines > errmax) {
		printf("%zu lines on stderr (max %ld): %.*s\n", lines, errmax,
		    (int)((char *)memchr(err, '\n', nerr) - err), err);
		return 1;
	}
	if (clean("stderr", err, nerr) != 0)
		return 1;
	printf("%zu %zu\n", nout, lines);
	free(out);
	free(err);
	return 0;
}
