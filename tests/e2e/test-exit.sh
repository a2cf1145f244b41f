#!/bin/sh
# Every way out restores the terminal: q (status 0), ^C (status 0),
# SIGTERM and SIGHUP (the reader dies of the signal after endwin); the
# terminal modes (stty -g) are as before and the shell prompt's screen is
# back (no alternate screen left, the cursor visible).
. "$(dirname "$0")/lib.sh"

start 80 24 --no-remember "$SEED"
ready
quit_ok
has "推进监地协作" && fail "the reader's screen is still shown after q"

start 80 24 --no-remember "$SEED"
ready
keys C-c
wait_for exited || fail "dubao did not exit on ^C"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) after ^C"
stty_same

# A panel open and a count typed: still a clean exit.
for sig in TERM HUP; do
	start 80 24 --no-remember "$SEED"
	ready
	keys t 5
	expect "Outline"
	kill -"$sig" "$(cat "$WORK/pid")" || fail "cannot signal dubao"
	wait_for exited || fail "dubao did not exit on SIG$sig"
	st=$(exit_status)
	[ "$st" -gt 128 ] || fail "SIG$sig: status $st, not death by signal"
	stty_same
	lacks "Outline" || fail "SIG$sig left the reader on screen"
done

# The help screen closes with Esc, q there closes it, q again quits.
start 80 24 --no-remember "$SEED"
ready
keys h
expect "Help" "h did not open the help"
expect "next story" "the help does not list ]"
keys Escape
wait_for lacks "Help (Esc" || fail "Esc did not close the help"
keys F1
expect "Help" "F1 did not open the help"
keys q
wait_for lacks "Help (Esc" || fail "q did not close the help"
quit_ok
echo ok
