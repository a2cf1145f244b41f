/*
 * parse: structure recovery, raw extracted page text -> struct page.
 * Heuristic but deterministic: ordered tables of named rules, each
 * documented in dubao-structure(7); Markdown is read with md4c, its
 * markup a hint per line.  parse_explain says which rule decided what.
 */
#ifndef DUBAO_PARSE_H
#define DUBAO_PARSE_H

#include "page.h"

/* Parse the bytes span of t into pg (which the caller zeroes).  A span
   may cover several of t's pages (form feeds) that parse_soft_break
   found to be one page of the paper: a form feed inside it is read as a
   column break. */
void	 parse_page(struct page *pg, const struct text *t, struct range span);

/* Does the form feed between page spans a and b of t (b follows a) fall
   inside a paragraph or a story, so that a and b are one page of the
   paper?  Decided from the text on both sides: a PDF page of typeset
   articles is not a page of the paper.  The rule that decided goes to
   *rule when not NULL. */
int	 parse_soft_break(const struct text *t, struct range a,
	    struct range b, const char **rule);

/* The stages of the reader, in order: what --explain reports per line. */
enum parse_stage {
	PS_CLASS,	/* the class of the line (line rules) */
	PS_CUT,		/* why it starts a unit or continues the one above */
	PS_UNIT,	/* the type of the unit it starts */
	PS_ROLE,	/* its unit's part in a story head */
	PS_READ,	/* what the reading made of its unit */
	PS_JOIN,	/* a column cut re-joined: it continues an earlier
			   paragraph */
	PS__COUNT
};

/* Why one source line was read as it was. */
struct parse_why {
	const char	*rule[PS__COUNT];	/* rule names, NULL when the
						   stage said nothing */
	size_t		 joined;		/* PS_JOIN: the line (index
						   in the span) it continues */
	size_t		 start, end;		/* the line's bytes, white
						   space trimmed: a source
						   line may hold several
						   (a wire story's end inside
						   a line is cut off) */
};

/* What parse_explain reports of one page. */
struct parse_explain {
	struct parse_why *lines;	/* one per line of the span, in
					   order (source lines, some cut in
					   parts) */
	size_t		 nlines;
	const char	*profile;	/* the page's profile */
	const char	*profile_rule;	/* the rule that chose it */
	int		 markdown;	/* read through md4c */
};

/* Parse as parse_page, and say why each line was read as it was. */
void	 parse_explain(struct page *pg, const struct text *t,
	    struct range span, struct parse_explain *ex);
void	 parse_explain_free(struct parse_explain *);
/* The name of every rule, as --explain prints them (the rows of the
   rule tables, and the decisions about heads, reading, joins and form
   feeds), NULL-terminated; dubao-structure(7) describes each. */
const char *const *parse_rule_names(void);
/* True when name is one of them. */
int	 parse_rule_known(const char *name);
/* The name of a stage as --explain prints it. */
const char *parse_stage_name(enum parse_stage);

#endif
