/*
 * safe: strings from outside the text (file names, command-line words)
 * made safe to print on a terminal, in a TSV line or in JSON.
 */
#ifndef DUBAO_SAFE_H
#define DUBAO_SAFE_H

/* A malloc'ed copy of s in which every byte that is not part of valid
   UTF-8, and every control character (C0, DEL, C1) or bidi formatting
   character, is replaced by '?'. */
char	*safe_name(const char *s);

#endif
