/*
 * fuzz-script: converting a text to another script (script_convert) and
 * the character fold.  The first byte picks the script; the rest is
 * decoded as a page.  The converted text must be as clean as the source,
 * keep its lines and pages, and map back onto character boundaries of
 * the source, in order; the fold of any character must fold to itself.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz-common.h"
#include "script.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text		 t;
	struct script_conv	*cv = NULL;
	const char		*cause = NULL;
	size_t			 i, nl, snl, s, prev;
	enum script		 sc;
	uint32_t		 c, f;

	if (size == 0)
		return 0;
	sc = (enum script)(data[0] % SCRIPT__COUNT);
	/* the fold of the first bytes read as code points */
	for (i = 1; i + 3 <= size && i < 16; i += 3) {
		c = ((uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 |
		    data[i + 2]) % 0x110000;
		f = script_fold(c);
		FUZZ_CHECK(script_fold(f) == f, "fold of U+%X is U+%X, not "
		    "folded", c, f);
	}
	memset(&t, 0, sizeof t);
	if (text_from_bytes(&t, (const char *)data + 1, size - 1, &cause) != 0)
		return 0;
	snl = 0;
	for (i = 0; i < t.len; i++)
		snl += t.buf[i] == '\n';
	if (script_convert(&t, sc, &cv, NULL) != 0 || cv == NULL) {
		FUZZ_CHECK(cv == NULL, "a failed conversion left a map");
		text_free(&t);
		return 0;
	}
	FUZZ_CHECK(sc != SCRIPT_ORIGINAL, "the original was converted");
	FUZZ_CHECK(t.buf[t.len] == '\0' && strlen(t.buf) == t.len,
	    "NUL inside the converted text");
	fuzz_check_clean("converted", t.buf, t.len, 1);
	nl = 0;
	for (i = 0; i < t.len; i++)
		nl += t.buf[i] == '\n';
	FUZZ_CHECK(nl == snl, "%zu LFs, the source has %zu", nl, snl);
	FUZZ_CHECK(t.nlines == cv->source.nlines, "lines %zu != %zu",
	    t.nlines, cv->source.nlines);
	FUZZ_CHECK(t.npages == cv->source.npages, "pages %zu != %zu",
	    t.npages, cv->source.npages);
	prev = 0;
	for (i = 0; i < t.npages; i++) {
		FUZZ_CHECK(t.pages[i].start >= prev &&
		    t.pages[i].start <= t.pages[i].end &&
		    t.pages[i].end <= t.len, "page %zu [%zu,%zu) of %zu", i,
		    t.pages[i].start, t.pages[i].end, t.len);
		prev = t.pages[i].end;
	}
	FUZZ_CHECK(t.npages == 0 || t.pages[t.npages - 1].end == t.len,
	    "the last page ends at %zu of %zu", t.pages[t.npages - 1].end,
	    t.len);
	prev = 0;
	for (i = 0; i <= t.len; i++) {
		if (!fuzz_boundary(t.buf, t.len, i))
			continue;
		s = script_conv_source(cv, i);
		FUZZ_CHECK(s >= prev && s <= cv->source.len, "byte %zu maps "
		    "to %zu (before: %zu, source %zu)", i, s, prev,
		    cv->source.len);
		FUZZ_CHECK(fuzz_boundary(cv->source.buf, cv->source.len, s),
		    "byte %zu maps inside a character (%zu)", i, s);
		FUZZ_CHECK(script_conv_target(cv, s) <= i, "round trip of %zu",
		    i);
		/* a line break maps to a line break */
		FUZZ_CHECK(i == t.len || t.buf[i] != '\n' ||
		    cv->source.buf[s] == '\n', "LF at %zu maps to %zu", i, s);
		prev = s;
	}
	script_conv_free(cv);
	text_free(&t);
	return 0;
}
