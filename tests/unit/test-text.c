/* Unit tests for text.c: decoding, sanitising, line and page index. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <uniconv.h>
#include <unistr.h>

#include "text.h"

/* Decode the n bytes s into t, asserting success. */
static void
load_ok(struct text *t, const char *s, size_t n)
{
	const char	*cause = NULL;

	assert_int_equal(text_from_bytes(t, s, n, &cause), 0);
	assert_null(cause);
}

/* Decode the NUL-terminated s into t, asserting success. */
static void
load_str(struct text *t, const char *s)
{
	load_ok(t, s, strlen(s));
}

/* Assert the invariants every decoded text keeps. */
static void
check_invariants(const struct text *t)
{
	const uint8_t	*b = (const uint8_t *)t->buf;
	size_t		 i;

	assert_non_null(t->buf);
	assert_int_equal(t->buf[t->len], '\0');
	assert_null(u8_check(b, t->len));
	for (i = 0; i < t->len; i++) {
		/* No C0 but LF, no DEL, no C1 (U+0080-U+009F is C2 80-9F). */
		if (b[i] < 0x20)
			assert_int_equal(b[i], '\n');
		assert_int_not_equal(b[i], 0x7f);
		if (b[i] == 0xc2 && i + 1 < t->len)
			assert_false(b[i + 1] >= 0x80 && b[i + 1] <= 0x9f);
	}
	assert_true(t->nlines >= 1);
	assert_int_equal(t->lines[0], 0);
	for (i = 1; i < t->nlines; i++) {
		assert_true(t->lines[i] > t->lines[i - 1]);
		assert_true(t->lines[i] <= t->len);
		assert_int_equal(t->buf[t->lines[i] - 1], '\n');
	}
	assert_true(t->npages >= 1);
	assert_int_equal(t->pages[0].start, 0);
	for (i = 0; i < t->npages; i++) {
		assert_true(t->pages[i].start <= t->pages[i].end);
		assert_true(t->pages[i].end <= t->len);
		if (i > 0)
			assert_true(t->pages[i].start >= t->pages[i - 1].end);
	}
	assert_non_null(t->encoding);
}

/* Assert that the decoded buffer is exactly want. */
static void
assert_buf(const struct text *t, const char *want)
{
	check_invariants(t);
	assert_string_equal(t->buf, want);
	assert_int_equal(t->len, strlen(want));
}

/* Plain UTF-8 passes unchanged. */
static void
test_utf8_plain(void **state)
{
	struct text	 t;
	const char	*s = "中文報紙，监狱“共享法庭”。\nline two — ok…\n";

	load_str(&t, s);
	assert_buf(&t, s);
	assert_string_equal(t.encoding, "UTF-8");
	assert_int_equal(t.nlines, 2);
	assert_int_equal(t.npages, 1);
	assert_int_equal(t.ninvalid + t.ncontrol + t.nunknown, 0);
	text_free(&t);
}

/* A UTF-8 BOM is removed and reported. */
static void
test_utf8_bom(void **state)
{
	struct text	 t;

	load_str(&t, "\xef\xbb\xbf中文\n");
	assert_buf(&t, "中文\n");
	assert_string_equal(t.encoding, "UTF-8 BOM");
	text_free(&t);
}

/* Encode the code units u (n of them) as UTF-16 with a BOM into out. */
static size_t
utf16(char *out, const uint16_t *u, size_t n, int le)
{
	size_t	 i, len = 0;

	out[len++] = le ? (char)0xff : (char)0xfe;
	out[len++] = le ? (char)0xfe : (char)0xff;
	for (i = 0; i < n; i++) {
		out[len++] = (char)(le ? u[i] & 0xff : u[i] >> 8);
		out[len++] = (char)(le ? u[i] >> 8 : u[i] & 0xff);
	}
	return len;
}

/* UTF-16 in both byte orders, with a surrogate pair and a lone one. */
static void
test_utf16(void **state)
{
	/* 中 A 😀 (D83D DE00) CR LF, lone D800, x */
	static const uint16_t	 u[] = { 0x4e2d, 'A', 0xd83d, 0xde00, '\r',
	    '\n', 0xd800, 'x' };
	struct text		 t;
	char			 b[64];
	size_t			 n;
	int			 le;

	for (le = 0; le <= 1; le++) {
		n = utf16(b, u, sizeof u / sizeof u[0], le);
		load_ok(&t, b, n);
		assert_buf(&t, "中A😀\n\xef\xbf\xbdx");
		assert_string_equal(t.encoding, le ? "UTF-16LE" : "UTF-16BE");
		assert_int_equal(t.ninvalid, 1);
		assert_int_equal(t.nlines, 2);
		text_free(&t);
	}
	/* An odd trailing byte is one invalid sequence. */
	n = utf16(b, u, 2, 1);
	b[n++] = 'z';
	load_ok(&t, b, n);
	assert_buf(&t, "中A\xef\xbf\xbd");
	assert_int_equal(t.ninvalid, 1);
	text_free(&t);
	/* A BOM alone is an empty text. */
	load_ok(&t, "\xfe\xff", 2);
	assert_buf(&t, "");
	assert_int_equal(t.npages, 1);
	text_free(&t);
}

/* GB18030 bytes are recognised and decoded. */
static void
test_gb18030(void **state)
{
	const char	*s = "中文報紙，监狱“共享法庭”报道。\n第二行：2023年。\n";
	struct text	 t;
	char		*gb;
	size_t		 n = 0;

	gb = u8_conv_to_encoding("GB18030", iconveh_error,
	    (const uint8_t *)s, strlen(s), NULL, NULL, &n);
	assert_non_null(gb);
	assert_int_not_equal(n, strlen(s));
	load_ok(&t, gb, n);
	assert_buf(&t, s);
	assert_string_equal(t.encoding, "GB18030");
	assert_int_equal(t.ninvalid, 0);
	assert_int_equal(t.nlines, 2);
	text_free(&t);
	free(gb);
}

/* Every kind of invalid UTF-8 becomes U+FFFD and is counted. */
static void
test_invalid_utf8(void **state)
{
	static const struct {
		const char	*bad;		/* the invalid bytes */
		size_t		 count;		/* U+FFFD expected */
	} cases[] = {
		{ "\xe4\xb8", 1 },		/* truncated */
		{ "\xc0\xaf", 2 },		/* overlong '/' */
		{ "\xe0\x80\xaf", 1 },		/* overlong, 3 bytes */
		{ "\xed\xa0\x80", 1 },		/* surrogate D800 */
		{ "\xf4\x90\x80\x80", 1 },	/* above U+10FFFF */
		{ "\x80", 1 },			/* lone continuation */
		{ "\xff", 1 },			/* never in UTF-8 */
	};
	const char	*ctx = "中文报纸测试：";
	struct text	 t;
	char		 b[256], want[256];
	size_t		 i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(b, sizeof b, "%s%sz%s", ctx, cases[i].bad, ctx);
		snprintf(want, sizeof want, "%s", ctx);
		for (k = 0; k < cases[i].count; k++)
			strcat(want, "\xef\xbf\xbd");
		strcat(want, "z");
		strcat(want, ctx);
		load_str(&t, b);
		assert_buf(&t, want);
		assert_string_equal(t.encoding, "UTF-8");
		assert_int_equal(t.ninvalid, cases[i].count);
		text_free(&t);
	}
	/* Truncated at the very end. */
	load_str(&t, "中文报纸测试\xe4\xb8");
	assert_buf(&t, "中文报纸测试\xef\xbf\xbd");
	assert_int_equal(t.ninvalid, 1);
	text_free(&t);
	/* A real U+FFFD in valid text is not invalid. */
	load_str(&t, "a\xef\xbf\xbd" "b");
	assert_buf(&t, "a\xef\xbf\xbd" "b");
	assert_int_equal(t.ninvalid, 0);
	text_free(&t);
	/* Latin-1 is neither UTF-8 nor GB18030. */
	load_str(&t, "caf\xe9 au lait");
	assert_buf(&t, "caf\xef\xbf\xbd au lait");
	assert_int_equal(t.ninvalid, 1);
	text_free(&t);
}

/* CR LF and lone CR become LF. */
static void
test_newlines(void **state)
{
	struct text	 t;

	load_str(&t, "a\r\nb\rc\n\r\r\nd");
	assert_buf(&t, "a\nb\nc\n\n\nd");
	assert_int_equal(t.nlines, 6);
	assert_int_equal(t.ncontrol, 0);
	text_free(&t);
	load_str(&t, "x\r");
	assert_buf(&t, "x\n");
	assert_int_equal(t.nlines, 1);
	text_free(&t);
}

/* Tabs expand to the next multiple of 8 cells, per line. */
static void
test_tabs(void **state)
{
	struct text	 t;

	load_str(&t, "a\tb\n中\tx\n\t\n12345678\ty\n中文报纸\t|\r\n\x01\t.");
	assert_buf(&t, "a       b\n中      x\n        \n12345678        y\n"
	    "中文报纸        |\n\xe2\x90\x81       .");
	text_free(&t);
	/* Columns count from the tab before, and restart at a form feed. */
	load_str(&t, "ab\tcd\tе\f\tz");
	assert_buf(&t, "ab      cd      е        z");
	text_free(&t);
}

/* NUL in a text is shown as ␀, the text is not binary. */
static void
test_nul(void **state)
{
	static const char	 s[] = "some newspaper text\0 and more text here\n";
	struct text		 t;

	load_ok(&t, s, sizeof s - 1);
	assert_buf(&t, "some newspaper text\xe2\x90\x80 and more text here\n");
	assert_int_equal(t.ncontrol, 1);
	text_free(&t);
	load_ok(&t, "\0", 1);
	assert_buf(&t, "\xe2\x90\x80");
	text_free(&t);
}

/* Known magic numbers and control-heavy bytes with NULs are binary. */
static void
test_binary(void **state)
{
	static const struct {
		const char	*s;		/* leading bytes */
		size_t		 n;		/* their count */
	} cases[] = {
		{ "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 },
		{ "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16 },
		{ "\x1f\x8b\x08\0", 4 },
		{ "PK\x03\x04\x14\0", 6 },
		{ "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15 },
		{ "\x01\x02\0\x03\x04\x05\0\x06hello", 13 },
	};
	struct text	 t;
	const char	*cause;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cause = NULL;
		assert_int_equal(text_from_bytes(&t, cases[i].s, cases[i].n,
		    &cause), -1);
		assert_non_null(cause);
		assert_string_equal(cause, "binary file");
		text_free(&t);
	}
}

/* Every form of escape sequence is dropped whole. */
static void
test_escapes(void **state)
{
	struct text	 t;

	load_str(&t,
	    "a\x1b[31mb\x1b[0m"			/* CSI SGR */
	    "c\x1b[?25l\x1b[2J\x1b[H"		/* private CSI, erase, home */
	    "d\x1b]0;title 中\x07"		/* OSC ended by BEL */
	    "e\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\"	/* OSC 8, ST */
	    "f\x1bPq#0;2;0;0;0#0~~\x1b\\"	/* DCS (sixel) */
	    "g\x1bXsos\x1b\\\x1b^pm\x1b\\\x1b_apc\x1b\\"	/* SOS PM APC */
	    "h\x1b" "c\x1b(B\x1b" "7\x1b" "8"	/* RIS, charset, DECSC/RC */
	    "i\xc2\x9b" "1;31m"			/* 8-bit CSI */
	    "j\xc2\x9d" "2;t\xc2\x9c"		/* 8-bit OSC, 8-bit ST */
	    "k\xc2\x90" "dcs\x1b\\"		/* 8-bit DCS */
	    "l\xc2\x85m\xc2\x9cn"		/* NEL, lone ST: U+FFFD */
	    "\x1b]0;never ended\n"		/* OSC stops at end of line */
	    "o\x1b[12\n"			/* broken CSI */
	    "p\x1b");				/* ESC at the end */
	assert_buf(&t, "abcdelinkfghij"
	    "k"
	    "l\xef\xbf\xbdm\xef\xbf\xbdn\n"
	    "o\n"
	    "p");
	assert_int_equal(t.nlines, 3);
	assert_int_equal(t.ncontrol, 24);
	text_free(&t);
}

/* Other C0 controls and DEL become Control Pictures. */
static void
test_control_pictures(void **state)
{
	struct text	 t;

	load_str(&t, "\x01\x07\x08\x0b\x1f\x7f.");
	assert_buf(&t, "␁␇␈␋␟␡.");
	assert_int_equal(t.ncontrol, 6);
	text_free(&t);
}

/* Bidi controls are removed. */
static void
test_bidi(void **state)
{
	struct text	 t;

	load_str(&t, "a\u202eb\u200fc\u2066d\u061ce\u200ef\u2069中");
	assert_buf(&t, "abcdef中");
	assert_int_equal(t.ncontrol, 6);
	text_free(&t);
}

/* Code points wcwidth rejects become U+FFFD or 〓; some are dropped. */
static void
test_unknown(void **state)
{
	struct text	 t;

	load_str(&t, "a\u0378b\U00031350c\u3040d\u2028e");
	assert_buf(&t, "a\ufffdb〓c〓d\ufffde");
	assert_int_equal(t.nunknown, 4);
	text_free(&t);
	/* Dropped: soft hyphen, VS15, VS16, skin tones. */
	load_str(&t, "co\u00adop ☺\ufe0e❤\ufe0f👍\U0001f3fd!");
	assert_buf(&t, "coop ☺❤👍!");
	assert_int_equal(t.nunknown + t.ncontrol, 0);
	text_free(&t);
	/* Kept: ZWSP, ZWJ, other variation selectors, private use. */
	load_str(&t, "中\u200b文👩\u200d💻葛\U000e0100\ue000");
	assert_buf(&t, "中\u200b文👩\u200d💻葛\U000e0100\ue000");
	text_free(&t);
}

/* Form feeds split pages and are removed. */
static void
test_pages(void **state)
{
	struct text	 t;

	load_str(&t, "p1\nline\fp2\n\fp3");
	assert_buf(&t, "p1\nlinep2\np3");
	assert_int_equal(t.npages, 3);
	assert_int_equal(t.pages[0].start, 0);
	assert_int_equal(t.pages[0].end, 7);
	assert_int_equal(t.pages[1].start, 7);
	assert_int_equal(t.pages[1].end, 10);
	assert_int_equal(t.pages[2].start, 10);
	assert_int_equal(t.pages[2].end, 12);
	/* A form feed starts no line. */
	assert_int_equal(t.nlines, 3);
	assert_int_equal(text_line_of(&t, 7), 2);
	text_free(&t);

	/* A trailing form feed makes no page, even followed by LFs. */
	load_str(&t, "one\ftwo\f");
	assert_int_equal(t.npages, 2);
	assert_int_equal(t.pages[1].start, 3);
	assert_int_equal(t.pages[1].end, 6);
	text_free(&t);
	load_str(&t, "one\f\n");
	assert_int_equal(t.npages, 1);
	assert_int_equal(t.pages[0].end, 4);
	text_free(&t);

	/* "\f\f" in the middle is an empty page. */
	load_str(&t, "a\f\fb");
	assert_buf(&t, "ab");
	assert_int_equal(t.npages, 3);
	assert_int_equal(t.pages[1].start, 1);
	assert_int_equal(t.pages[1].end, 1);
	assert_int_equal(t.pages[2].start, 1);
	assert_int_equal(t.pages[2].end, 2);
	text_free(&t);
	load_str(&t, "\f\f");
	assert_buf(&t, "");
	assert_int_equal(t.npages, 2);
	text_free(&t);
	load_str(&t, "\f");
	assert_int_equal(t.npages, 1);
	text_free(&t);
}

/* Empty input is one empty line and one empty page. */
static void
test_empty(void **state)
{
	struct text	 t;

	load_ok(&t, "", 0);
	assert_buf(&t, "");
	assert_int_equal(t.nlines, 1);
	assert_int_equal(t.npages, 1);
	assert_int_equal(t.pages[0].start, 0);
	assert_int_equal(t.pages[0].end, 0);
	assert_string_equal(t.encoding, "UTF-8");
	assert_int_equal(text_line_of(&t, 0), 1);
	text_free(&t);
}

/* text_line_of finds the 1-based line of every offset. */
static void
test_line_of(void **state)
{
	struct text	 t;

	load_str(&t, "a\nbb\n\nccc\n");
	assert_int_equal(t.nlines, 4);
	assert_int_equal(text_line_of(&t, 0), 1);
	assert_int_equal(text_line_of(&t, 1), 1);
	assert_int_equal(text_line_of(&t, 2), 2);
	assert_int_equal(text_line_of(&t, 4), 2);
	assert_int_equal(text_line_of(&t, 5), 3);
	assert_int_equal(text_line_of(&t, 6), 4);
	assert_int_equal(text_line_of(&t, 9), 4);
	assert_int_equal(text_line_of(&t, 10), 4);
	text_free(&t);
}

/* Loading files: missing, a directory, /dev/null, a real file, a pipe. */
static void
test_load(void **state)
{
	struct text	 t;
	const char	*cause;
	char		 path[] = "/tmp/dubao-test-text-XXXXXX";
	int		 fd, p[2];

	cause = NULL;
	assert_int_equal(text_load(&t, "/nonexistent/dubao/x.txt", &cause),
	    -1);
	assert_string_equal(cause, "No such file or directory");
	cause = NULL;
	assert_int_equal(text_load(&t, "/", &cause), -1);
	assert_string_equal(cause, "Is a directory");
	text_free(&t);

	cause = NULL;
	assert_int_equal(text_load(&t, "/dev/null", &cause), 0);
	assert_null(cause);
	assert_buf(&t, "");
	assert_int_equal(t.npages, 1);
	text_free(&t);

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "中文\r\n报纸\r\n", 16), 16);
	close(fd);
	assert_int_equal(text_load(&t, path, &cause), 0);
	assert_buf(&t, "中文\n报纸\n");
	text_free(&t);
	if (geteuid() != 0) {
		chmod(path, 0);
		cause = NULL;
		assert_int_equal(text_load(&t, path, &cause), -1);
		assert_string_equal(cause, "Permission denied");
	}
	unlink(path);

	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "from a pipe\n", 12), 12);
	close(p[1]);
	assert_int_equal(text_load_fd(&t, p[0], &cause), 0);
	assert_buf(&t, "from a pipe\n");
	close(p[0]);
	text_free(&t);
}

/* A file bigger than one read, with a tiny clean prefix, loads whole. */
static void
test_load_big(void **state)
{
	struct text	 t;
	const char	*cause = NULL;
	char		 path[] = "/tmp/dubao-test-text-XXXXXX";
	char		*s;
	size_t		 n = 300000, i;
	int		 fd;

	s = malloc(n);
	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = "abc \n"[i % 5];
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	assert_int_equal(text_load(&t, path, &cause), 0);
	unlink(path);
	assert_int_equal(t.len, n);
	assert_memory_equal(t.buf, s, n);
	assert_int_equal(t.nlines, n / 5);
	assert_int_equal(text_line_of(&t, n - 1), n / 5);
	text_free(&t);
	free(s);
}

/* text_load_lazy leaves the line index to text_lines, which builds the
   same index as text_load (CR, CR LF, form feeds, a final LF, UTF-16). */
static void
test_load_lazy(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} cases[] = {
		{ "", 0 }, { "\n", 1 }, { "a", 1 }, { "a\n", 2 }, { "\n\n", 2 },
		{ "a\r\nb\rc\n\fd\n\f\n", 12 }, { "x\fy\fz", 5 },
		{ "\xff\xfe" "a\0\n\0b\0\r\0", 10 },
		{ "一\t二\n\x1b" "[1m三\n\n", 17 },
	};
	struct text	 a, b;
	const size_t	*v;
	const char	*cause = NULL;
	char		 path[] = "/tmp/dubao-test-lazy-XXXXXX";
	size_t		 i, k;
	int		 fd;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, cases[i].s, cases[i].n),
		    (ssize_t)cases[i].n);
		close(fd);
		assert_int_equal(text_load(&a, path, &cause), 0);
		assert_int_equal(text_load_lazy(&b, path, &cause), 0);
		unlink(path);
		strcpy(path, "/tmp/dubao-test-lazy-XXXXXX");
		assert_null(b.lines);
		assert_int_equal(a.nlines, b.nlines);
		assert_int_equal(text_line_of(&b, b.len), text_line_of(&a,
		    a.len));
		v = text_lines(&b);
		assert_ptr_equal(v, b.lines);
		assert_ptr_equal(text_lines(&a), a.lines);
		for (k = 0; k < a.nlines; k++)
			assert_int_equal(v[k], a.lines[k]);
		text_free(&a);
		text_free(&b);
	}
}

/* A pipe that holds more than one buffer's worth, written by a child. */
static void
test_load_pipe_big(void **state)
{
	struct text	 t;
	const char	*cause = NULL;
	static const char	 line[] = "中文报纸\n";
	size_t		 k = sizeof line - 1, n = k * 15000, i;
	pid_t		 pid;
	int		 p[2], status;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		for (i = 0; i < n / k; i++)
			if (write(p[1], line, k) != (ssize_t)k)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	assert_int_equal(text_load_fd(&t, p[0], &cause), 0);
	close(p[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	check_invariants(&t);
	assert_int_equal(t.len, n);
	assert_int_equal(t.nlines, n / k);
	assert_memory_equal(t.buf + n - k, line, k);
	text_free(&t);
}

/* A 1 MB single line of Hanzi. */
static void
test_long_line(void **state)
{
	struct text	 t;
	size_t		 n = 3 * 350000, i;
	char		*s;

	s = malloc(n + 1);
	assert_non_null(s);
	for (i = 0; i < n; i += 3)
		memcpy(s + i, "中", 3);
	s[n] = '\0';
	load_ok(&t, s, n);
	assert_buf(&t, s);
	assert_int_equal(t.nlines, 1);
	assert_int_equal(t.npages, 1);
	assert_int_equal(text_line_of(&t, n - 1), 1);
	text_free(&t);
	free(s);
}

/* Random bytes either are binary or decode to a clean text. */
static void
test_random(void **state)
{
	static const char	 alpha[] = "a中\n\r\t\f\x1b[]P\\\x07\x7f\0"
	    "\xc2\x9b\x9c\x80\xe4\xb8\xad\xf0\x9f\xff\xfe";
	struct text		 t;
	const char		*cause;
	char			 b[200];
	size_t			 n, i, round;

	srand(1);
	for (round = 0; round < 20000; round++) {
		n = (size_t)rand() % sizeof b;
		for (i = 0; i < n; i++)
			b[i] = (round & 1) ? (char)rand() :
			    alpha[rand() % (sizeof alpha - 1)];
		cause = NULL;
		if (text_from_bytes(&t, b, n, &cause) == 0)
			check_invariants(&t);
		else
			assert_string_equal(cause, "binary file");
		text_free(&t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_plain),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_control_pictures),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_line_of),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_load_big),
		cmocka_unit_test(test_load_pipe_big),
		cmocka_unit_test(test_load_lazy),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_random),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
