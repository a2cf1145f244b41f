/*
 * fuzz-text: decoding and loading (text_from_bytes).  Any bytes either
 * are refused as binary or give a sanitised, valid UTF-8 buffer with a
 * consistent line and page index.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "text.h"


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text	 t;
	const char	*cause = NULL;
	size_t		 i, prev;

	memset(&t, 0, sizeof t);
	if (text_from_bytes(&t, (const char *)data, size, &cause) != 0) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "refused, no cause");
		return 0;
	}
	FUZZ_CHECK(t.buf != NULL, "no buffer");
	FUZZ_CHECK(t.buf[t.len] == '\0', "buffer not NUL-terminated");
	FUZZ_CHECK(strlen(t.buf) == t.len, "NUL byte at %zu of %zu",
	    strlen(t.buf), t.len);
	FUZZ_CHECK(t.encoding != NULL, "no encoding");
	fuzz_check_clean("text.buf", t.buf, t.len, FUZZ_NL);
	for (i = 0; i < t.len; i++) {
		FUZZ_CHECK(t.buf[i] != '\r' && t.buf[i] != '\f' &&
		    t.buf[i] != '\t', "CR, FF or TAB left at %zu", i);
	}
	/* Bidi controls are removed. */
	for (i = 0; i + 2 < t.len; i++) {
		const unsigned char *p = (const unsigned char *)t.buf + i;
		FUZZ_CHECK(!(p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0x8e || p[2] == 0x8f ||
		    (p[2] >= 0xaa && p[2] <= 0xae))), "bidi control at %zu", i);
		FUZZ_CHECK(!(p[0] == 0xe2 && p[1] == 0x81 &&
		    p[2] >= 0xa6 && p[2] <= 0xa9), "bidi isolate at %zu", i);
	}

	/* Line index: 0, then after every LF except one ending the buffer. */
	FUZZ_CHECK(t.nlines >= 1 && t.lines != NULL, "no lines");
	FUZZ_CHECK(t.lines[0] == 0, "first line at %zu", t.lines[0]);
	prev = 0;
	for (i = 1; i < t.nlines; i++) {
		FUZZ_CHECK(t.lines[i] > prev && t.lines[i] < t.len + (t.len == 0),
		    "line %zu starts at %zu (prev %zu, len %zu)", i, t.lines[i],
		    prev, t.len);
		FUZZ_CHECK(t.buf[t.lines[i] - 1] == '\n',
		    "line %zu not after LF", i);
		prev = t.lines[i];
	}
	{
		size_t nl = 0;
		for (i = 0; i < t.len; i++)
			if (t.buf[i] == '\n' && i + 1 < t.len)
				nl++;
		FUZZ_CHECK(nl + 1 == t.nlines, "%zu LFs but %zu lines", nl,
		    t.nlines);
	}
	if (t.len > 0) {
		FUZZ_CHECK(text_line_of(&t, 0) == 1, "line of 0");
		FUZZ_CHECK(text_line_of(&t, t.len - 1) == t.nlines,
		    "line of last byte %zu != %zu",
		    text_line_of(&t, t.len - 1), t.nlines);
	}

	/* Pages: at least one, in order, inside the buffer. */
	FUZZ_CHECK(t.npages >= 1 && t.pages != NULL, "no pages");
	prev = 0;
	for (i = 0; i < t.npages; i++) {
		FUZZ_CHECK(t.pages[i].start <= t.pages[i].end &&
		    t.pages[i].end <= t.len && t.pages[i].start >= prev,
		    "page %zu [%zu,%zu) len %zu", i, t.pages[i].start,
		    t.pages[i].end, t.len);
		FUZZ_CHECK(fuzz_boundary(t.buf, t.len, t.pages[i].start) &&
		    fuzz_boundary(t.buf, t.len, t.pages[i].end),
		    "page %zu not on a character boundary", i);
		prev = t.pages[i].end;
	}
	text_free(&t);
	return 0;
}
