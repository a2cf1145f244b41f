#!/bin/sh
# Terminal sizes from 1x1 to 400x120: the reader starts at 1x1, 1x40,
# 40x1 and 400x120 without crashing; one instance goes through all of
# them and more, then 200 resizes with no wait between them; each time
# the final screen equals that of a fresh start at the final size (top
# of the document, --no-remember).  TERM=dumb, an empty, unset or
# unknown TERM print the text (the dump at the terminal's width) with one
# notice line on stderr; a TERM full of escapes is not echoed raw.
. "$(dirname "$0")/lib.sh"

# alive: dubao still runs (no crash, no exit).
alive() {
	kill -0 "$(cat "$WORK/pid")" 2>/dev/null && ! exited
}

# fresh W H FILE: the settled screen of a new instance at W x H (taken
# first: starting it ends the tmux server of the one before).
fresh() {
	start "$1" "$2" --no-remember "$SEED"
	wait_for test -s "$WORK/pid" || fail "no pid"
	if [ "$1" -ge 20 ] && [ "$2" -ge 6 ]; then
		ready
	else
		wait_for has "Terminal" || fail "no notice at $1x$2"
	fi
	settle
	screen > "$3"
	alive || fail "a fresh start at $1x$2 died"
	keys q
	wait_for exited || fail "no exit on q at $1x$2"
}

# screen_is FILE: the pane shows exactly what FILE holds.
screen_is() { screen | cmp -s - "$1"; }

# same_as W H FILE: after a burst of resizes the screen comes to equal
# the fresh start at W x H in FILE (polled, bounded: a slow build may
# still be working through the resizes when the pane looks still).
same_as() {
	if ! wait_for screen_is "$3"; then
		screen | diff - "$3" | head -n 20
		fail "after resizing, ${1}x$2 differs from a fresh start"
	fi
	alive || fail "dubao died at $1x$2"
}

# Fresh starts at the extremes.
for wh in 1x1 1x40 40x1 400x120 2x2 20x6; do
	w=${wh%x*} h=${wh#*x}
	start "$w" "$h" --no-remember "$SEED"
	wait_for test -s "$WORK/pid" || fail "no pid at $wh"
	# drawn at that size (curses on, the pane still) before the resize
	wait_for in_curses || fail "dubao did not take the terminal at $wh"
	settle
	alive || fail "dubao died when started at $wh"
	t resize-window -x 80 -y 24
	wait_for fits 80 || fail "started at $wh, no reader at 80x24"
	quit_ok
done

# One instance through all sizes, each drawn, ending at 400x120.
fresh 400 120 "$WORK/fresh.400x120"
start 1 1 --no-remember "$SEED"
wait_for test -s "$WORK/pid" || fail "no pid"
wait_for in_curses || fail "dubao did not take the terminal at 1x1"
settle
for wh in 1x40 40x1 400x120 1x1 2x3 19x5 20x6 300x2 3x100 80x24 400x1 1x120 400x120; do
	w=${wh%x*} h=${wh#*x}
	t resize-window -x "$w" -y "$h"
	[ "$w" -ge 20 ] && [ "$h" -ge 6 ] && { wait_for fits "$w" ||
	    fail "no redraw at $wh"; }
	settle
	alive || fail "dubao died at $wh"
done
wait_for fits 400 || fail "no redraw at 400x120"
same_as 400 120 "$WORK/fresh.400x120"
quit_ok

# 200 resizes with no wait, through every corner, ending at 83x27.
fresh 83 27 "$WORK/fresh.83x27"
start 80 24 --no-remember "$SEED"
ready
i=0
while [ $i -lt 200 ]; do
	case $((i % 5)) in
	0) t resize-window -x 1 -y 1 ;;
	1) t resize-window -x 400 -y 120 ;;
	*) t resize-window -x $((i * 7 % 400 + 1)) -y $((i * 3 % 120 + 1)) ;;
	esac
	i=$((i + 1))
done
t resize-window -x 83 -y 27
wait_for fits 83 || fail "no redraw at 83x27 after 200 resizes"
same_as 83 27 "$WORK/fresh.83x27"
quit_ok

# The same burst ending too small: the notice, as a fresh start shows.
fresh 12 5 "$WORK/fresh.12x5"
start 80 24 --no-remember "$SEED"
ready
i=0
while [ $i -lt 200 ]; do
	t resize-window -x $((i % 2 * 399 + 1)) -y $((i % 3 * 59 + 1))
	i=$((i + 1))
done
t resize-window -x 12 -y 5
wait_for has "Terminal" || fail "no notice at 12x5 after 200 resizes"
same_as 12 5 "$WORK/fresh.12x5"
quit_ok

# No usable terminal: the dump at the pty's width, one notice line.
command -v script >/dev/null || { echo "skip TERM cases: no script(1)"; echo ok; exit 0; }
"$DUBAO" --dump -w 60 "$SEED" > "$WORK/want"
# Under ASan: ncurses' newterm keeps the SCREEN it allocated when it
# fails on an unknown terminal (libtinfo new_prescr): not dubao's leak.
printf 'leak:new_prescr\n' > "$WORK/lsan.supp"
export LSAN_OPTIONS="suppressions=$WORK/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for term in dumb '' unset no-such-terminal-xyz "$(printf 'x\033]0;pwn\007y')"; do
	if [ "$term" = unset ]; then
		envset="env -u TERM"
	else
		envset="env TERM='$term'"
	fi
	: > "$WORK/err"
	script -qec "stty cols 60 rows 20; $envset '$DUBAO' --no-remember '$SEED' 2>'$WORK/err'" \
	    /dev/null < /dev/null > "$WORK/got.raw"
	rc=$?
	tr -d '\r' < "$WORK/got.raw" > "$WORK/got"
	what="TERM=$(printf '%s' "$term" | od -An -c | tr -s ' ')"
	[ $rc -eq 0 ] || fail "$what: exit status $rc"
	cmp -s "$WORK/want" "$WORK/got" || {
		diff "$WORK/want" "$WORK/got" | head -n 10
		fail "$what: the output is not the dump at 60 columns"
	}
	[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "$what: not one notice line: $(cat "$WORK/err")"
	grep -q "^dubao: terminal .* cannot show the reader" "$WORK/err" ||
	    fail "$what: notice: $(cat "$WORK/err")"
	LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$WORK/err" &&
	    fail "$what: the notice has control characters (TERM echoed raw; main.c): $(od -c "$WORK/err" | head -n 3)"
done
echo ok
