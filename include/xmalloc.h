/* Allocation wrappers: out of memory is fatal and handled in one place. */
#ifndef DUBAO_XMALLOC_H
#define DUBAO_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grow an array of nmemb elements of size sz to hold at least want. */
void	*xreallocarray(void *, size_t nmemb, size_t sz);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* asprintf that dies on failure. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
