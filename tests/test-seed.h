/*
 * test-seed: the bundled page that unit tests build their documents
 * from, read once.
 */
#ifndef DUBAO_TEST_SEED_H
#define DUBAO_TEST_SEED_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "xmalloc.h"

#define TEST_SEED	"articles/000_2ebc2c4d283361d3.txt"

/* The seed page (under $TOP when set, else the current directory; at
   most 64 KiB) in a malloc'ed buffer, its length in *len.  Exits with a
   message when it cannot be opened. */
static inline char *
test_seed_load(size_t *len)
{
	const char	*top = getenv("TOP");
	char		*path = xasprintf("%s/" TEST_SEED,
	    top != NULL ? top : ".");
	FILE		*fp = fopen(path, "rb");
	size_t		 cap = 1 << 16;
	char		*s;

	if (fp == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	s = xmalloc(cap);
	*len = fread(s, 1, cap, fp);
	fclose(fp);
	free(path);
	return s;
}

#endif
