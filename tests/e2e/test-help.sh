#!/bin/sh
# The help screen, made from the key table: every key name once per
# command (not "Enter ^J Enter"), ^Z and ^C listed, the counter shows the
# rows on screen from 1, "/" filters it, and at 40 columns descriptions
# wrap instead of being cut.
. "$(dirname "$0")/lib.sh"

start 60 120 --no-remember "$SEED"
ready
keys h
expect "Help" "h did not open the help"
lacks "Enter ^J Enter" || fail "the help lists Enter twice"
screen | grep -q "^ *\^Z .*suspend" || fail "the help does not list ^Z"
screen | grep -q "^ *\^C.* quit" || fail "the help does not list ^C"
screen | sed -n 2p | grep -q " 1-[0-9]*/[0-9]*$" ||
    fail "the counter does not start at row 1: $(screen | sed -n 2p)"
keys / s u s p e n d
wait_for has "filter /suspend" || fail "/ did not open the help's filter"
wait_for lacks "next page" || fail "the filter kept other keys"
has "suspend (fg resumes)" || fail "the filter lost the ^Z line"
keys Escape
wait_for has "next page" || fail "Esc did not clear the help's filter"
keys q
wait_for lacks "Help (" || fail "q did not close the help"
quit_ok

# 40 columns: a description wraps, it is not cut.
start 40 60 --no-remember "$SEED"
ready
keys h
expect "Help" "h did not open the help"
expect "half a page down" "a description is cut at 40 columns"
expect "close the panel (Esc" "no close line at 40 columns"
text_rows | sed 1d | grep -q "…" &&
    fail "a help line is cut at 40 columns: $(text_rows | grep …)"
expect "the highlights)" "the close line did not wrap"
keys q
wait_for lacks "Help (" || fail "q did not close the help"
quit_ok
echo ok
