/*
 * slurp: a whole file in memory, for the test and benchmark programs
 * (the regress runner, make fidelity, the benchmarks' corpus).
 */
#include <stdio.h>

#include "slurp.h"
#include "xmalloc.h"

/* Read the file at path into a malloc'ed buffer with a NUL after its n
   bytes; NULL (errno set) when it cannot be opened. */
char *
slurp(const char *path, size_t *n)
{
	FILE	*f;
	char	*b = NULL;
	size_t	 cap = 0, k;

	*n = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (*n + 1 >= cap) {
			cap = cap ? 2 * cap : 65536;
			b = xrealloc(b, cap);
		}
		k = fread(b + *n, 1, cap - *n - 1, f);
		*n += k;
		if (k == 0)
			break;
	}
	fclose(f);
	b[*n] = '\0';
	return b;
}
