#!/bin/sh
# What the reader shows is the dump: every screen's text rows (margin and
# trailing blanks cut) are consecutive lines of `dubao --dump -w W` for the
# text width W, paging from the top to the end; so no line is wider than
# the pane, no wide character is cut, and the line-start and line-end
# rules hold on screen as in the layout.
. "$(dirname "$0")/lib.sh"

# find_run DUMP ROWS: print the dump line where ROWS occur in a row.
find_run() {
	awk 'NR == FNR { d[++nd] = $0; next } { s[++ns] = $0 }
	END {
		for (i = 1; i + ns - 1 <= nd; i++) {
			for (j = 1; j <= ns; j++)
				if (d[i + j - 1] != s[j])
					break;
			if (j > ns) { print i; exit 0 }
		}
		exit 1
	}' "$1" "$2"
}

# check COLS ROWS WIDTH MARGIN [ARGS]: page through and compare.
check() {
	_c=$1 _r=$2 _w=$3 _m=$4
	shift 4
	"$DUBAO" --dump -w "$_w" "$SEED" | sed -e 's/ *$//' > "$WORK/dump"
	nd=$(wc -l < "$WORK/dump")
	start "$_c" "$_r" --no-remember "$@" "$SEED"
	ready
	last=0
	pages=0
	while :; do
		settle
		# Rows past the end show "~"; the margin is blank.
		text_rows | sed -e '/^ *~$/d' -e "s/^ \{$_m\}//" > "$WORK/rows"
		[ -s "$WORK/rows" ] || fail "no text rows"
		at=$(find_run "$WORK/dump" "$WORK/rows") || {
			diff "$WORK/rows" "$WORK/dump" | head -20
			fail "screen at ${_c}x$_r (width $_w) is not a run of dump lines"
		}
		[ "$at" -gt "$last" ] || fail "paging did not advance ($at after $last)"
		grep -n '^ *[，。、：；！？）》」』”]' "$WORK/rows" &&
		    fail "a row starts with a mark that may not start a line"
		grep -n '[（《「『“]$' "$WORK/rows" &&
		    fail "a row ends with a mark that may not end a line"
		last=$at
		n=$(wc -l < "$WORK/rows")
		[ $((at + n - 1)) -ge "$nd" ] && break
		pages=$((pages + 1))
		[ $pages -lt 100 ] || fail "too many pages"
		keys Space
		cp "$WORK/rows" "$WORK/rows.prev"
		wait_for sh -c 'tmux -L "$1" capture-pane -p | sed -e 1d -e \$d | sed -e "s/ *\$//" -e "/^ *~\$/d" -e "s/^ \{$2\}//" | cmp -s - "$3" && exit 1 || exit 0' _ "$SOCK" "$_m" "$WORK/rows.prev" ||
		    fail "Space did not page"
	done
	status_has "100%" || fail "the last screen does not say 100%"
	quit_ok
}

check 80 24 80 0
check 40 20 40 0
check 100 30 80 10
check 61 20 60 0 --measure=0
check 120 25 50 35 --measure=50
echo ok
