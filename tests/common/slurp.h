/*
 * slurp: a whole file in memory, for the test and benchmark programs.
 */
#ifndef SLURP_H
#define SLURP_H

#include <stddef.h>

char	*slurp(const char *, size_t *);

#endif
