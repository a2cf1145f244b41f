#!/bin/sh
# Keys that close, quit and move, on the seed at 80x24: q closes every
# panel (outline, statistics, matches, help) and the reader stays; Q and
# ZZ quit from the text and from a panel; + and - move from the measure
# in effect (--measure=12, -: 10 cells, not 20).
. "$(dirname "$0")/lib.sh"

# q in each panel closes it; the reader is still there.
start 80 24 --no-remember "$SEED"
ready
keys / 监狱 Enter
wait_for status_has "match " || fail "/监狱 found nothing"
for panel in "t Outline" "s Statistics" "& matches for" "h Help"; do
	k=${panel%% *}
	title=${panel#* }
	keys "$k"
	expect "$title" "$k did not open $title"
	keys q
	wait_for lacks "$title" || fail "q did not close $title"
	settle
	exited && fail "q in $title quit the reader"
	status_has "h:help" || fail "no status line after q closed $title"
done
# Q from a panel quits.
keys t
expect "Outline"
keys Q
wait_for exited || fail "Q in the outline did not quit"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) after Q"
stty_same

# ZZ quits from the text, a lone Z does nothing else.
start 80 24 --no-remember "$SEED"
ready
keys Z
settle
exited && fail "a lone Z quit"
keys Z
wait_for exited || fail "ZZ did not quit"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) after ZZ"
stty_same

# - from --measure=12: 10 cells (the text centred in 80 columns: no row
# beyond column 45); + from there: 12.
start 80 24 --no-remember --measure=12 "$SEED"
ready
keys -
wait_for status_has "measure 10 " || fail "- at measure 12 did not give 10"
settle
[ "$(text_rows | wc -L)" -le 45 ] ||
    fail "the text is wider than 10 cells after -: $(text_rows | wc -L)"
keys +
wait_for status_has "measure 12 " || fail "+ from 10 did not give 12"
quit_ok
echo ok
