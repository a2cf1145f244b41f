/*
 * fuzz-dump: the command-line output modes, as the binary runs them on a
 * file.  The input is written to a file and opened with doc_open; then
 * --dump at widths 10 and 80, --toc, --stats, --json and --grep 记者 are
 * written to memory.  The input is also read as fuzz-search reads it
 * (byte 0: mode, low 2 bits = literal, exact, regex, regex+exact; byte 1:
 * pattern length; then the pattern, up to a NUL as a shell would pass it,
 * and the page): the page part goes through the same modes, and its
 * pattern through --grep, with and without colour.
 *
 * What each output must be (what tests/hostile/lib.sh checks of the
 * binary): valid UTF-8 without a byte that could act on a terminal (C0
 * but TAB and LF, DEL, C1), once grep's own colour codes are taken out
 * (and those balanced: each ESC[1;31m closed by ESC[m on its line);
 * --json one valid JSON text.  The messages (the binary's stderr): at most
 * 5 lines, each "dubao: ..." of at most 300 bytes, clean, the last ending
 * with a newline; a file that is refused says why.  grep answers 0, 1 or
 * 2, and 2 only with a message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "doc.h"
#include "dump.h"
#include "fuzz-common.h"
#include "fuzz-json.h"
#include "grep.h"
#include "search.h"

#define FUZZ_ERRMAX	5	/* lines of messages */
#define FUZZ_ERRLINE	300	/* bytes per message line */

static const char *const fuzz_esc_on = "\033[1;31m";
static const char *const fuzz_esc_off = "\033[m";

/* A memory stream to write an output mode into. */
struct fuzz_out {
	FILE	*fp;
	char	*buf;
	size_t	 len;
};

static void
fuzz_out_open(struct fuzz_out *o)
{
	o->buf = NULL;
	o->len = 0;
	o->fp = open_memstream(&o->buf, &o->len);
	FUZZ_CHECK(o->fp != NULL, "open_memstream");
}

static void
fuzz_out_close(struct fuzz_out *o)
{
	FUZZ_CHECK(fclose(o->fp) == 0, "memory stream");
	o->fp = NULL;
}

/* Check messages as the binary's stderr: a few lines "dubao: ...". */
static void
fuzz_check_err(const char *what, const char *s, size_t n)
{
	size_t	 i, start, lines = 0;

	fuzz_check_clean(what, s, n, FUZZ_NL);
	FUZZ_CHECK(n == 0 || s[n - 1] == '\n', "%s: no final newline", what);
	for (start = i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		lines++;
		FUZZ_CHECK(i - start <= FUZZ_ERRLINE, "%s: line %zu has %zu "
		    "bytes", what, lines, i - start);
		FUZZ_CHECK(i - start >= strlen("dubao: ") &&
		    memcmp(s + start, "dubao: ", strlen("dubao: ")) == 0,
		    "%s: line %zu does not start with 'dubao: ': %.*s", what,
		    lines, (int)(i - start < 80 ? i - start : 80), s + start);
		start = i + 1;
	}
	FUZZ_CHECK(lines <= FUZZ_ERRMAX, "%s: %zu lines", what, lines);
}

/* Take grep's colour codes out of s (in place), checking that each
   ESC[1;31m is closed by an ESC[m before the end of its line; returns
   the new length. */
static size_t
fuzz_uncolor(char *s, size_t n)
{
	size_t	 i, o = 0, lon = strlen(fuzz_esc_on), loff = strlen(fuzz_esc_off);
	int	 open = 0;

	for (i = 0; i < n; ) {
		if (n - i >= lon && memcmp(s + i, fuzz_esc_on, lon) == 0) {
			FUZZ_CHECK(!open, "colour opened twice at %zu", i);
			open = 1;
			i += lon;
		} else if (n - i >= loff && memcmp(s + i, fuzz_esc_off, loff) == 0) {
			FUZZ_CHECK(open, "colour closed, not open, at %zu", i);
			open = 0;
			i += loff;
		} else {
			FUZZ_CHECK(s[i] != '\n' || !open,
			    "colour still open at the end of a line (%zu)", i);
			s[o++] = s[i++];
		}
	}
	FUZZ_CHECK(!open, "colour still open at the end");
	return o;
}

/* grep the doc for pattern; check its exit status, output, messages. */
static void
fuzz_grep(const struct doc *d, const char *pattern, unsigned flags,
    int color)
{
	struct fuzz_out	 out, err;
	size_t		 n;
	int		 rc;

	fuzz_out_open(&out);
	fuzz_out_open(&err);
	rc = grep_run(d, pattern, flags, color, out.fp, err.fp);
	fuzz_out_close(&out);
	fuzz_out_close(&err);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2, "grep returned %d", rc);
	FUZZ_CHECK(rc != 2 || err.len > 0, "grep failed without a message");
	FUZZ_CHECK(rc != 0 || out.len > 0, "grep matched, printed nothing");
	n = color ? fuzz_uncolor(out.buf, out.len) : out.len;
	fuzz_check_clean("grep output", out.buf, n, FUZZ_NL | FUZZ_TAB);
	fuzz_check_err("grep messages", err.buf, err.len);
	free(out.buf);
	free(err.buf);
}

/* The output modes of the binary on doc d. */
static void
fuzz_modes(const struct doc *d)
{
	static const int widths[] = { 10, 80 };
	struct fuzz_out	 o;
	const char	*why;
	size_t		 i, at;

	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		fuzz_out_open(&o);
		dump_text(d, widths[i], 0, o.fp);
		fuzz_out_close(&o);
		fuzz_check_clean("--dump", o.buf, o.len, FUZZ_NL);
		free(o.buf);
	}
	fuzz_out_open(&o);
	dump_toc(d, 0, o.fp);
	fuzz_out_close(&o);
	fuzz_check_clean("--toc", o.buf, o.len, FUZZ_NL | FUZZ_TAB);
	free(o.buf);
	fuzz_out_open(&o);
	dump_stats(d, o.fp);
	fuzz_out_close(&o);
	fuzz_check_clean("--stats", o.buf, o.len, FUZZ_NL | FUZZ_TAB);
	free(o.buf);
	fuzz_out_open(&o);
	dump_json(d, o.fp);
	fuzz_out_close(&o);
	fuzz_check_clean("--json", o.buf, o.len, FUZZ_NL | FUZZ_TAB);
	why = fuzz_json_check(o.buf, o.len, &at);
	FUZZ_CHECK(why == NULL, "--json output is not JSON: %s at byte %zu "
	    "of %zu: %.40s", why, at, o.len, o.buf + (at < o.len ? at : o.len));
	free(o.buf);
	fuzz_grep(d, "记者", 0, 0);
}

/* A file to hand doc_open, as the binary gets one. */
static int	 fuzz_fd = -1;
static char	 fuzz_path[64];

/* Write bytes to the file and open it as the binary would. */
static void
fuzz_open(struct doc *d, const uint8_t *data, size_t size)
{
	struct fuzz_out	 err;
	char		*paths[1] = { fuzz_path };
	size_t		 opened, done = 0;
	ssize_t		 w;

	if (fuzz_fd < 0) {
		fuzz_fd = memfd_create("fuzz-dump", 0);
		FUZZ_CHECK(fuzz_fd >= 0, "memfd_create");
		snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d",
		    fuzz_fd);
	}
	FUZZ_CHECK(ftruncate(fuzz_fd, 0) == 0, "ftruncate");
	while (done < size) {
		w = pwrite(fuzz_fd, data + done, size - done, (off_t)done);
		FUZZ_CHECK(w > 0, "pwrite");
		done += (size_t)w;
	}
	memset(d, 0, sizeof *d);
	fuzz_out_open(&err);
	opened = doc_open(d, paths, 1, err.fp);
	fuzz_out_close(&err);
	FUZZ_CHECK(opened == 1 || (d->nerrors == 1 && err.len > 0),
	    "file refused without a message (%zu opened, %d errors)", opened,
	    d->nerrors);
	FUZZ_CHECK(opened == 1 || d->npages == 0, "pages of a refused file");
	fuzz_check_err("messages", err.buf, err.len);
	free(err.buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned modes[4] = { 0, SEARCH_EXACT, SEARCH_REGEX,
	    SEARCH_REGEX | SEARCH_EXACT };
	struct doc	 d;
	char		*pat;
	size_t		 plen;

	fuzz_open(&d, data, size);
	fuzz_modes(&d);
	doc_free(&d);

	/* As a search input: the pattern up to a NUL, then the page. */
	if (size < 2)
		return 0;
	plen = data[1];
	if (plen > size - 2)
		plen = size - 2;
	pat = malloc(plen + 1);
	memcpy(pat, data + 2, plen);
	pat[plen] = '\0';
	fuzz_open(&d, data + 2 + plen, size - 2 - plen);
	fuzz_modes(&d);
	fuzz_grep(&d, pat, modes[data[0] & 3], 0);
	fuzz_grep(&d, pat, modes[data[0] & 3], 1);
	doc_free(&d);
	free(pat);
	return 0;
}
