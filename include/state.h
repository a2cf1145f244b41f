/*
 * state: small key -> value stores kept between runs, one file each in
 * $XDG_STATE_HOME/dubao/ (default ~/.local/state/dubao/): the reading
 * position per file ("positions"), later the search history.
 *
 * File format: a first line "dubao-state 1", then one entry per line,
 * "KEY<TAB>VALUE", oldest first; in both, backslash, tab and newline are
 * written \\ \t \n.  A file that does not parse is ignored as a whole
 * (state_load reports it once) and replaced on the next save.
 *
 * Saving merges: under an exclusive flock on NAME.lock the file is read
 * again, only the keys this process set or deleted are changed in it, and
 * the result is written to a temporary file in the same directory,
 * fsync'ed and renamed over the old one.  So two readers closing at the
 * same time keep each other's entries, and a crash leaves the old file or
 * the new one, never half of one.
 */
#ifndef DUBAO_STATE_H
#define DUBAO_STATE_H

#include <stdbool.h>
#include <stddef.h>

#define STATE_MAX_ENTRIES	1000	/* oldest entries dropped beyond */

struct state_entry {
	char		*key;
	char		*value;		/* NULL: deleted */
	bool		 dirty;		/* set or deleted by this process */
};

struct state {
	char		*path;		/* the store's file */
	struct state_entry *e;		/* oldest first */
	size_t		 n;
	size_t		 max;		/* entries kept (STATE_MAX_ENTRIES) */
};

/* The state directory ($XDG_STATE_HOME/dubao or ~/.local/state/dubao),
   malloc'ed, or NULL when neither variable helps. */
char	*state_dir(void);
/* Open store name (e.g. "positions") in dir (NULL: state_dir()) and read
   it.  Returns 0; -1 when the file exists but cannot be read or is
   corrupt, with *warning set to a malloc'ed one-line message (the store
   is then empty but usable).  A missing file is not an error. */
int	 state_open(struct state *, const char *dir, const char *name,
	    char **warning);
void	 state_close(struct state *);
/* The value of key, or NULL. */
const char *state_get(const struct state *, const char *key);
/* Set (value != NULL) or delete (value == NULL) a key; it becomes the
   newest entry. */
void	 state_set(struct state *, const char *key, const char *value);
/* Write the changes (merged with what is on disk, see above).  Creates
   the directory.  Returns 0, or -1 with *cause set to a malloc'ed
   message. */
int	 state_save(struct state *, char **cause);

#endif
