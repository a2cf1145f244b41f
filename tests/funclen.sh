#!/bin/sh
# The longest functions of the C sources: funclen.sh [N] [FILE...]
# (default: 10, src/*.c).  Prints "lines  file:line  function  params"
# longest first.  A function is counted in the style of the tree
# (style(9)): its name at the start of a line followed by "(", its body
# from a "{" alone on a line to the next "}" alone on a line; lines
# counted from the name's line to the closing brace, both included.
# Rerun before and after a change to compare (make funclen).
n=${1:-10}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- src/*.c
awk '
FNR == 1 { name = ""; inbody = 0 }
!inbody && /^[A-Za-z_][A-Za-z_0-9]*\(/ {
	name = $0; sub(/\(.*/, "", name); start = FNR; head = $0
	params = 0; collecting = 1
}
collecting && !inbody {
	if (FNR != start) head = head " " $0
	if ($0 ~ /^\{$/) {
		inbody = 1; collecting = 0
		p = head; sub(/^[^(]*\(/, "", p); sub(/\)[^)]*$/, "", p)
		if (p ~ /^[ \t]*void[ \t]*$/ || p ~ /^[ \t]*$/) params = 0
		else params = gsub(/,/, ",", p) + 1
	} else if ($0 ~ /;[ \t]*$/ && FNR == start) collecting = 0
	next
}
inbody && /^\}/ {
	printf "%5d  %s:%d  %s  %d\n", FNR - start + 1, FILENAME, start, name, params
	inbody = 0; name = ""
}
' "$@" | sort -k1,1nr -k2 | head -n "$n" |
    awk 'BEGIN { printf "%5s  %-28s %-30s %s\n", "lines", "where", "function", "params" }
	{ printf "%5d  %-28s %-30s %d\n", $1, $2, $3, $4 }'
