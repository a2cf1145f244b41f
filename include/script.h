/*
 * script: Simplified and Traditional Chinese, with OpenCC.
 *
 * Two services, both from OpenCC's dictionaries (Debian: libopencc-data):
 *
 * - A character fold for searching: script_fold() maps a Traditional
 *   character, and the variant forms OpenCC knows (峯, 爲, 衞...), to one
 *   Simplified representative, so that 监狱, 監獄 and 监獄 fold alike.
 *   The map is built once per process, on first use, by running every
 *   CJK code point through OpenCC's character conversions (t2s, tw2t,
 *   hk2t); after that a fold is a table lookup.
 *
 * - The conversion of a whole text to a reader's script
 *   (script_convert) with OpenCC's phrase-level configurations (s2t,
 *   s2tw, s2hk, t2s, t2tw, t2hk), so that 头发 becomes 頭髮, not 頭發.
 *   The converted text keeps every line break and every character that
 *   is not Chinese, and a map leads from its bytes back to the source.
 *
 * When a dictionary cannot be loaded, both give the text back unchanged
 * and say so once, in one line (script_error).
 */
#ifndef DUBAO_SCRIPT_H
#define DUBAO_SCRIPT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum script {
	SCRIPT_ORIGINAL,	/* as printed: no conversion */
	SCRIPT_SIMPLIFIED,	/* 简体 (t2s) */
	SCRIPT_TRADITIONAL,	/* 繁體, OpenCC's standard forms (s2t) */
	SCRIPT_TAIWAN,		/* 繁體, Taiwan's standard forms (s2tw, t2tw) */
	SCRIPT_HONGKONG,	/* 繁體, Hong Kong's standard forms (s2hk, t2hk) */
	SCRIPT__COUNT
};

/* The script named name ("original", "simplified", "traditional",
   "taiwan", "hongkong"; also "s", "t", "tw", "hk").  Returns 0, or -1
   when the name is none of these. */
int		 script_parse(const char *name, enum script *s);
/* The name of a script, as script_parse reads it. */
const char	*script_name(enum script);
/* A short tag for the status line: "简", "繁", "繁台", "繁港"; "" for
   the original. */
const char	*script_tag(enum script);
/* The script after s in the order the reader cycles through. */
enum script	 script_next(enum script s);

/* The fold of code point c: its Simplified representative, or c when it
   has none (or the dictionaries are missing).  Builds the map on the
   first call (thread-safe). */
uint32_t	 script_fold(uint32_t c);
/* The fold of the code points from SCRIPT_FOLD_LO below SCRIPT_FOLD_HI
   (CJK Extension A and the Unified Ideographs) as a table, indexed by
   c - SCRIPT_FOLD_LO, for hot loops.  Builds the map. */
#define SCRIPT_FOLD_LO	0x3400
#define SCRIPT_FOLD_HI	0xA000
const uint32_t	*script_fold_table(void);
/* Build the fold map now (the first script_fold would). */
void		 script_fold_init(void);
/* Whether the fold map could be built (all its dictionaries loaded). */
int		 script_fold_ok(void);

/* The problem the building of the fold map had with OpenCC's
   dictionaries, as one line without a program name ("OpenCC dictionary
   t2s.json not found (Debian package libopencc-data)"), or NULL when
   there was none or the map was not needed yet.  Each caller that
   reports it should do so once (and say what it does without). */
const char	*script_error(void);

/*
 * A converted text.  source is the original text (owned); the segments
 * map converted bytes to source bytes: in a segment marked identity,
 * converted c + k is source s + k; in any other, every converted byte of
 * the segment comes from the source bytes up to the next segment (a
 * phrase that changed length: 土豆 -> 馬鈴薯).
 */
struct script_seg {
	size_t		 c;		/* first converted byte */
	size_t		 s;		/* its source byte, | SCRIPT_SEG_IDENT */
#define SCRIPT_SEG_IDENT ((size_t)1 << (sizeof(size_t) * 8 - 1))
};

struct script_conv {
	enum script	 script;
	const char	*config;	/* the OpenCC configuration used first */
	const char	**configs;	/* per page of the source: its
					   configuration, or NULL when the page
					   was in the script already */
	struct text	 source;	/* the original */
	struct script_seg *segs;
	size_t		 nsegs;
	size_t		 clen;		/* bytes of the converted text */
};

/* Convert t in place to script s, each page from the script it is in
   (script_is_traditional).  When t needs a conversion (a text
   already in script s, or any text for SCRIPT_ORIGINAL, does not), its
   original moves into a new *conv and t receives the converted text:
   same pages and lines, same encoding and counts.  Otherwise t is left
   alone and *conv is NULL.  Returns 0; -1 when OpenCC could not do it
   (t unchanged, *conv NULL; script_check says why) or when *stop (if
   stop is not NULL) was set meanwhile, as another thread may do to
   cancel.  Thread-safe. */
int		 script_convert(struct text *t, enum script s,
		    struct script_conv **conv, const atomic_bool *stop);
/* Load the configurations that converting to s needs (from Simplified
   and from Traditional text).  Returns 0, or -1 with *err a malloc'ed
   line naming the dictionary that is missing and the package. */
int		 script_check(enum script s, char **err);
void		 script_conv_free(struct script_conv *);
/* The source byte of converted byte off (off <= converted length). */
size_t		 script_conv_source(const struct script_conv *, size_t off);
/* The converted byte of source byte off: the start of the converted
   text of the segment that holds it. */
size_t		 script_conv_target(const struct script_conv *, size_t off);
/* Whether most Chinese characters of s[0..n) are Traditional: more than
   one in twenty are changed by OpenCC's t2s character table. */
int		 script_is_traditional(const char *s, size_t n);
/* A deep copy of a text (buffer, pages; the line index is rebuilt when
   first asked for). */
void		 script_text_copy(struct text *dst, const struct text *src);

#endif
