/*
 * explain: why dubao read each line as it did (dubao --explain), in the
 * spirit of mandoc -T lint: one line of output per source line, naming
 * its class and the rules that decided it, then what it became.
 */
#ifndef DUBAO_EXPLAIN_H
#define DUBAO_EXPLAIN_H

#include <stdio.h>

#include "doc.h"

/* Explain every page of d on fp. */
void	 explain_doc(const struct doc *d, FILE *fp);

#endif
