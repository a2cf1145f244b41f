/*
 * fuzz-json: is a buffer one JSON text (RFC 8259)?  A strict recursive
 * descent: one value with optional white space around it, strings of
 * unescaped bytes >= 0x20 and the escapes \" \\ \/ \b \f \n \r \t \uXXXX,
 * numbers as the grammar has them (no NaN, no inf, no leading zero, no
 * lone sign or point).  For fuzz-dump (the --json output); UTF-8 is
 * checked apart (fuzz_check_clean).
 */
#ifndef DUBAO_FUZZ_JSON_H
#define DUBAO_FUZZ_JSON_H

#include <stddef.h>
#include <string.h>

struct fuzz_json {
	const char	*s;
	size_t		 n, i;
	const char	*why;		/* the first error */
	int		 depth;
};

#define FUZZ_JSON_DEPTH	64

static int fuzz_json_value(struct fuzz_json *);

static inline int
fuzz_json_fail(struct fuzz_json *j, const char *why)
{
	if (j->why == NULL)
		j->why = why;
	return -1;
}

static inline void
fuzz_json_ws(struct fuzz_json *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
	    j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static inline int
fuzz_json_digit(const struct fuzz_json *j)
{
	return j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9';
}

static inline int
fuzz_json_word(struct fuzz_json *j, const char *w)
{
	size_t l = strlen(w);

	if (j->n - j->i < l || memcmp(j->s + j->i, w, l) != 0)
		return fuzz_json_fail(j, "bad literal");
	j->i += l;
	return 0;
}

static int
fuzz_json_number(struct fuzz_json *j)
{
	if (j->s[j->i] == '-')
		j->i++;
	if (!fuzz_json_digit(j))
		return fuzz_json_fail(j, "number without digits");
	if (j->s[j->i] == '0') {
		j->i++;
		if (fuzz_json_digit(j))
			return fuzz_json_fail(j, "number with a leading zero");
	} else
		while (fuzz_json_digit(j))
			j->i++;
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (!fuzz_json_digit(j))
			return fuzz_json_fail(j, "no digit after the point");
		while (fuzz_json_digit(j))
			j->i++;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (!fuzz_json_digit(j))
			return fuzz_json_fail(j, "no digit in the exponent");
		while (fuzz_json_digit(j))
			j->i++;
	}
	return 0;
}

static int
fuzz_json_string(struct fuzz_json *j)
{
	unsigned char	 c;
	int		 k;

	j->i++;				/* the opening quote */
	while (j->i < j->n) {
		c = (unsigned char)j->s[j->i++];
		if (c == '"')
			return 0;
		if (c < 0x20)
			return fuzz_json_fail(j, "control byte in a string");
		if (c != '\\')
			continue;
		if (j->i >= j->n)
			break;
		c = (unsigned char)j->s[j->i++];
		if (c == 'u') {
			for (k = 0; k < 4; k++, j->i++)
				if (j->i >= j->n || strchr("0123456789abcdefABCDEF",
				    j->s[j->i]) == NULL || j->s[j->i] == '\0')
					return fuzz_json_fail(j, "bad \\u escape");
		} else if (strchr("\"\\/bfnrt", c) == NULL || c == '\0')
			return fuzz_json_fail(j, "bad escape");
	}
	return fuzz_json_fail(j, "unterminated string");
}

/* An object or array: open, members separated by commas, close. */
static int
fuzz_json_list(struct fuzz_json *j, char close, int object)
{
	j->i++;
	if (++j->depth > FUZZ_JSON_DEPTH)
		return fuzz_json_fail(j, "nested too deep");
	fuzz_json_ws(j);
	if (j->i < j->n && j->s[j->i] == close) {
		j->i++;
		j->depth--;
		return 0;
	}
	for (;;) {
		if (object) {
			fuzz_json_ws(j);
			if (j->i >= j->n || j->s[j->i] != '"')
				return fuzz_json_fail(j, "member name not a string");
			if (fuzz_json_string(j) != 0)
				return -1;
			fuzz_json_ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return fuzz_json_fail(j, "no colon after a name");
			j->i++;
		}
		if (fuzz_json_value(j) != 0)
			return -1;
		fuzz_json_ws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			continue;
		}
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			j->depth--;
			return 0;
		}
		return fuzz_json_fail(j, object ? "object not closed" :
		    "array not closed");
	}
}

static int
fuzz_json_value(struct fuzz_json *j)
{
	fuzz_json_ws(j);
	if (j->i >= j->n)
		return fuzz_json_fail(j, "value expected");
	switch (j->s[j->i]) {
	case '{':
		return fuzz_json_list(j, '}', 1);
	case '[':
		return fuzz_json_list(j, ']', 0);
	case '"':
		return fuzz_json_string(j);
	case 't':
		return fuzz_json_word(j, "true");
	case 'f':
		return fuzz_json_word(j, "false");
	case 'n':
		return fuzz_json_word(j, "null");
	default:
		return fuzz_json_number(j);
	}
}

/* Is s[0..n) one JSON text?  NULL if so, else what is wrong (*at: where). */
static inline const char *
fuzz_json_check(const char *s, size_t n, size_t *at)
{
	struct fuzz_json j = { s, n, 0, NULL, 0 };

	if (fuzz_json_value(&j) == 0) {
		fuzz_json_ws(&j);
		if (j.i != n)
			fuzz_json_fail(&j, "text after the value");
	}
	*at = j.i;
	return j.why;
}

#endif
