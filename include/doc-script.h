/*
 * doc-script: a document read in another script (script.h).
 *
 * doc_script_copy makes a second document of the same files, each
 * converted from its source text (not from the first document's
 * conversion, so that any script can follow any other without loss),
 * parsed and with its statistics: it may run in a worker thread while
 * the reader shows the first one, as doc_quick_load does.  A place in
 * one document is found in the other through the source byte both come
 * from (doc_script_where, doc_script_find).
 */
#ifndef DUBAO_DOC_SCRIPT_H
#define DUBAO_DOC_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc-quick.h"
#include "doc.h"

/* Fill dst (its contents are replaced) with the files of src in script
   s, updating *pr (may be NULL: files done, of total) after each file
   and returning early when pr->stop is set.  src is only read.  Returns
   the number of files copied. */
size_t	 doc_script_copy(struct doc *dst, const struct doc *src,
	    enum script s, struct doc_quick_progress *pr);
/* The source of joined offset off of block (LAYOUT_NOBLOCK: the story's
   start) of global story gs: its file and the byte in that file's source
   text.  False when there is no such place. */
bool	 doc_script_where(const struct doc *d, size_t gs, size_t block,
	    size_t off, size_t *file, size_t *src);
/* The block and joined offset of global story *gs showing source byte
   src of file (or the block after it, when the byte is between blocks,
   e.g. on a blank line).  False when no story of the file holds it. */
bool	 doc_script_find(const struct doc *d, size_t file, size_t src,
	    size_t *gs, size_t *block, size_t *off);

#endif
