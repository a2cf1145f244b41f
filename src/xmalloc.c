/* Allocation wrappers that die on failure, so that callers never test. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static void
xmalloc_die(size_t n)
{
	fprintf(stderr, "dubao: out of memory (%zu bytes)\n", n);
	exit(2);
}

/* Allocate n bytes. */
void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xmalloc_die(n);
	return p;
}

/* Allocate a zeroed array. */
void *
xcalloc(size_t nmemb, size_t sz)
{
	void *p = calloc(nmemb ? nmemb : 1, sz ? sz : 1);

	if (p == NULL)
		xmalloc_die(nmemb * sz);
	return p;
}

/* Resize to n bytes. */
void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		xmalloc_die(n);
	return q;
}

/* Resize to an array of nmemb elements of sz bytes, checking overflow. */
void *
xreallocarray(void *p, size_t nmemb, size_t sz)
{
	if (sz != 0 && nmemb > SIZE_MAX / sz)
		xmalloc_die(SIZE_MAX);
	return xrealloc(p, nmemb * sz);
}

/* Copy a string. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy at most n bytes of a string and terminate it. */
char *
xstrndup(const char *s, size_t n)
{
	size_t	 len = strnlen(s, n);
	char	*p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Format into a new string. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		xmalloc_die(strlen(fmt));
	return s;
}
