/*
 * lineedit: the text of a one-line input field (the search prompt, a
 * list's filter) and its editing, without a terminal.  The text is UTF-8
 * and the cursor a byte offset that always sits on a grapheme cluster
 * boundary: Left, Right, Backspace and Delete step over a whole cluster
 * (a Han character, a letter with its combining marks, an emoji
 * sequence), never over part of one.
 *
 * A history is a list of earlier lines, oldest first, that Up and Down
 * browse; the line being typed is kept as a draft and comes back below
 * the newest entry.
 */
#ifndef DUBAO_LINEEDIT_H
#define DUBAO_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINEEDIT_MAX	1024		/* bytes of text at most */

struct lineedit {
	char		*buf;		/* NUL-terminated */
	size_t		 len;		/* bytes */
	size_t		 cur;		/* cursor, bytes from the start */
	const char *const *hist;	/* history, oldest first (not owned) */
	size_t		 nhist;
	size_t		 hpos;		/* entry shown; nhist: the draft */
	char		*draft;		/* the line typed before Up, or NULL */
};

void	 lineedit_init(struct lineedit *);
void	 lineedit_free(struct lineedit *);
/* Replace the text, cursor at the end. */
void	 lineedit_set(struct lineedit *, const char *s);
/* Insert s[0..n) at the cursor (invalid UTF-8 and controls dropped);
   false when nothing could be inserted (too long). */
bool	 lineedit_insert(struct lineedit *, const char *s, size_t n);
/* Delete the cluster before the cursor (Backspace) or at it (Delete);
   false when there is none. */
bool	 lineedit_backspace(struct lineedit *);
bool	 lineedit_delete(struct lineedit *);
/* Delete the word before the cursor (^W): blanks, then a run of one
   kind of character (Han, other letters and digits, or punctuation). */
bool	 lineedit_kill_word(struct lineedit *);
/* Erase everything (^U). */
void	 lineedit_clear(struct lineedit *);
/* Move by one cluster, or to an end. */
bool	 lineedit_left(struct lineedit *);
bool	 lineedit_right(struct lineedit *);
void	 lineedit_home(struct lineedit *);
void	 lineedit_end(struct lineedit *);
/* Use hist[0..n) as the history (the caller keeps it alive). */
void	 lineedit_history(struct lineedit *, const char *const *hist,
	    size_t n);
/* Show the previous (dir < 0, Up) or next (dir > 0, Down) entry; false
   at either end. */
bool	 lineedit_recall(struct lineedit *, int dir);

#endif
