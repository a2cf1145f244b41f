/*
 * doc-script: a document in another script, and places across scripts
 * (see doc-script.h).
 */
#include <stdlib.h>
#include <string.h>

#include "doc-script.h"
#include "layout.h"
#include "xmalloc.h"

/* Copy the files of src into dst in script s. */
size_t
doc_script_copy(struct doc *dst, const struct doc *src, enum script s,
    struct doc_quick_progress *pr)
{
	const struct doc_file	*f;
	struct script_conv	*conv;
	struct text		 t;
	size_t			 i;

	memset(dst, 0, sizeof *dst);
	dst->nerrors = src->nerrors;
	if (pr != NULL)
		atomic_store(&pr->total, src->nfiles);
	for (i = 0; i < src->nfiles; i++) {
		if (pr != NULL && atomic_load(&pr->stop))
			break;
		f = &src->files[i];
		script_text_copy(&t, f->conv != NULL ? &f->conv->source :
		    &f->text);
		/* converted here, where a stop is seen between batches,
		   then added as it is */
		if (script_convert(&t, s, &conv, pr != NULL ? &pr->stop :
		    NULL) != 0 && pr != NULL && atomic_load(&pr->stop)) {
			text_free(&t);
			break;
		}
		doc_add_text(dst, f->path, &t);
		dst->files[dst->nfiles - 1].conv = conv;
		if (pr != NULL) {
			atomic_store(&pr->files, i + 1);
			atomic_store(&pr->stories, dst->nstories);
		}
	}
	dst->script = s;
	return i;
}

/* The source of a place. */
bool
doc_script_where(const struct doc *d, size_t gs, size_t block, size_t off,
    size_t *file, size_t *src)
{
	const struct doc_page	*dp;
	const struct story	*st;
	size_t			 s, len, *map, x;
	char			*j;

	if ((dp = doc_story(d, gs, &s)) == NULL)
		return false;
	st = &dp->page.stories[s];
	if (block == LAYOUT_NOBLOCK) {
		block = 0;
		off = 0;
	}
	if (block >= st->nblocks)
		return false;
	j = page_block_join(&dp->page, &st->blocks[block], &len, &map);
	x = map[off < len ? off : len];
	free(j);
	free(map);
	*file = dp->file;
	*src = d->files[dp->file].conv != NULL ?
	    script_conv_source(d->files[dp->file].conv, x) : x;
	return true;
}

/* The place of a source byte. */
bool
doc_script_find(const struct doc *d, size_t file, size_t src, size_t *gs,
    size_t *block, size_t *off)
{
	const struct doc_page	*dp, *best = NULL;
	const struct story	*st;
	const struct range	*r;
	size_t			 x, p, s, b, k, len, *map, bs = 0, bb = 0;
	size_t			 bstart = (size_t)-1;
	char			*j;
	bool			 exact = false;

	if (file >= d->nfiles)
		return false;
	x = d->files[file].conv != NULL ?
	    script_conv_target(d->files[file].conv, src) : src;
	/* The piece holding x, else the one that starts first after it. */
	for (p = 0; p < d->npages && !exact; p++) {
		dp = &d->pages[p];
		if (dp->file != file || dp->page.nstories == 0)
			continue;
		for (s = 0; s < dp->page.nstories && !exact; s++) {
			st = &dp->page.stories[s];
			for (b = 0; b < st->nblocks && !exact; b++)
				for (k = 0; k < st->blocks[b].npieces; k++) {
					r = &st->blocks[b].pieces[k];
					if (r->start <= x && x < r->end)
						exact = true;
					else if (r->start <= x ||
					    r->start >= bstart)
						continue;
					best = dp;
					bs = s;
					bb = b;
					bstart = r->start;
					if (exact)
						break;
				}
		}
	}
	if (best == NULL)
		return false;
	*gs = best->first_story + bs;
	*block = bb;
	*off = 0;
	if (exact) {
		j = page_block_join(&best->page,
		    &best->page.stories[bs].blocks[bb], &len, &map);
		for (k = 0; k < len; k++)
			if (map[k] == x) {
				*off = k;
				break;
			}
		free(j);
		free(map);
	}
	return true;
}
