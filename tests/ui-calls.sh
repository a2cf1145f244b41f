#!/bin/sh
# ui-calls.sh [-v]: the calls between the reader's modules (src/ui*.c),
# derived from the sources, and the modules that call each other in a
# circle (exit 1 when there is one; tests/layers.sh runs it).  -v also
# prints every call of one module into another ("ui-pager -> ui-search:
# ui_search_prompt ...").
#
# A module uses another when its code (comments and strings taken out
# by the C preprocessor) names a function or a table the other defines
# with external linkage: a name at the start of a line, after a return
# type that is not static (the layout of every src/*.c), or a
# "struct ui_mode ui_x_mode = {".  Calls through a table (a panel's
# callbacks) count for the module that names the table, not for the
# one that calls through it.  A circle is a set of modules each of which
# reaches every other (a strongly connected component of the graph).
set -eu
cd "${TOP:-.}"
verbose=false
[ "${1:-}" = -v ] && verbose=true
CC=${CC:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ui-calls.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/defs"
for f in src/ui*.c; do
	m=$(basename "$f" .c)
	$CC -fpreprocessed -dD -E -P "$f" >"$tmp/$m.i" 2>"$tmp/err" || {
		cat "$tmp/err"
		exit 2
	}
	sed -e 's/"\([^"\\]\|\\.\)*"/""/g' "$tmp/$m.i" >"$tmp/$m.c"
	awk -v m="$m" '
	    /^[a-z_][a-z0-9_]*\(/ && prev !~ /^static/ {
		sub(/\(.*/, ""); print $0, m }
	    /^(const )?struct [a-z_]+ [a-z_][a-z0-9_]* =/ {
		sub(/ =.*/, ""); print $NF, m }
	    { prev = $0 }' "$tmp/$m.c" >>"$tmp/defs"
done
for f in src/ui*.c; do
	m=$(basename "$f" .c)
	tr -c 'A-Za-z0-9_' '\n' <"$tmp/$m.c" | grep -E '^ui_' | sort -u |
	    awk -v m="$m" 'NR == FNR { def[$1] = $2; next }
		($1 in def) && def[$1] != m { print m, def[$1], $1 }' \
	    "$tmp/defs" -
done >"$tmp/uses"
[ -s "$tmp/uses" ] || { echo "ui-calls: no calls found"; exit 2; }
awk -v verbose="$verbose" '
    BEGIN { n = 0 }
    {
	if (!($1 in id)) { id[$1] = n; name[n++] = $1 }
	if (!($2 in id)) { id[$2] = n; name[n++] = $2 }
	a = id[$1]; b = id[$2]
	r[a, b] = 1
	syms[a, b] = syms[a, b] " " $3
    }
    END {
	for (k = 0; k < n; k++)
	    for (i = 0; i < n; i++)
		if (r[i, k])
		    for (j = 0; j < n; j++)
			if (r[k, j])
			    r[i, j] = 1
	if (verbose == "true")
	    for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
		    if ((i, j) in syms)
			printf "%s -> %s:%s\n", name[i], name[j], syms[i, j]
	bad = 0
	for (i = 0; i < n; i++) {
	    if (done[i] || !r[i, i])
		continue
	    line = name[i]
	    for (j = i + 1; j < n; j++)
		if (r[i, j] && r[j, i]) {
		    line = line " " name[j]
		    done[j] = 1
		}
	    printf "circle: %s\n", line
	    for (a = 0; a < n; a++)
		for (b = 0; b < n; b++)
		    if ((a, b) in syms && r[i, a] && r[a, i] &&
			r[i, b] && r[b, i])
			printf "  %s -> %s:%s\n", name[a], name[b],
			    syms[a, b]
	    bad = 1
	}
	if (!bad)
	    print "no circles between the ui modules"
	exit bad
    }' "$tmp/uses"
