#!/bin/sh
# Searching the seed at 80x24: /949 highlights it ("match 1/1"); /监狱
# finds 30 and n walks them in order while the view follows; /９４９
# (full width) finds 949; from story 1, 戴雍峰 brings story 2; ? goes
# backwards and says so when it wraps; Esc at the prompt puts the view
# back; & lists the 30 matches with context and Enter goes to one; an
# invalid regular expression (^R then "(") gives a message and the reader
# lives on; the history comes back in a second run (Up); the outline's
# "/" filter keeps the entries that contain the pattern, Esc clears it.
. "$(dirname "$0")/lib.sh"

# match I N: the status line says "match I/N".
match() { status_has "match $1/$2"; }
# of N: the status line says "match I/N" for some I.
of() { status_line | grep -q "match [0-9]*/$1 "; }
# The number after "match " and before "/" in the status line.
match_i() { status_line | sed -n 's/.*match \([0-9]*\)\/.*/\1/p'; }
# A reverse-video cell run is hard to see in text: the match text must be
# on a text row.
on_text() { text_rows | grep -F -q -- "$1"; }

start 80 24 --no-remember "$SEED"
ready

# /949: one match, further down: the view goes there.
keys / 949
wait_for has "1/1" || fail "the prompt does not count 949 as 1/1"
keys Enter
wait_for match 1 1 || fail "/949 does not show match 1/1"
on_text 949 || fail "949 is not on screen"
# The highlight is drawn in its own attributes.
t capture-pane -p -e | grep -F '949' | grep -q "$(printf '\033')\[" ||
    fail "949 is not highlighted"

# /监狱: 30, and n walks 1..30 in order; the view moves at least once.
keys / 监狱 Enter
wait_for of 30 || fail "/监狱 does not report 30 matches"
i=$(match_i)
first_top=$(text_rows | head -n 1)
moved=0
k=1
while [ $k -lt 30 ]; do
	want=$((i % 30 + 1))
	keys n
	wait_for match $want 30 || fail "n after match $i/30 did not give $want/30"
	on_text 监狱 || fail "match $want/30 is not on screen"
	[ "$(text_rows | head -n 1)" != "$first_top" ] && moved=1
	i=$want
	k=$((k + 1))
done
[ $moved = 1 ] || fail "n never moved the view"
# N goes back one.
keys N
wait_for match $(( (i + 28) % 30 + 1 )) 30 || fail "N did not go back"

# Full-width digits find the ASCII ones.
keys g / ９４９ Enter
wait_for match 1 1 || fail "/９４９ does not find 949"
on_text 949 || fail "/９４９: 949 not on screen"

# From story 1, 戴雍峰 is in story 2: the view goes there.
keys Escape g
wait_for status_has "1/2" || fail "g did not go to story 1"
keys / 戴雍峰 Enter
wait_for status_has "2/2" || fail "/戴雍峰 did not move to story 2"
on_text 戴雍峰 || fail "戴雍峰 is not on screen"
status_has "match 1/" || fail "no match count after /戴雍峰"

# ? from the top wraps to the bottom and says so.
keys Escape g '?' 监狱 Enter
wait_for status_has "wrapped to bottom" || fail "? from the top did not wrap"
keys Escape
# n after ? keeps going backwards: the count goes down.
keys G '?' 监狱 Enter
wait_for of 30 || fail "? 监狱 from the end found nothing"
i=$(match_i)
keys n
wait_for match $((i - 1)) 30 || fail "n after ? did not go backwards ($i)"

# Esc at the prompt: the view goes back to where it was.
keys Escape g
wait_for status_has "1/2" || fail "Esc g did not go to story 1"
settle
top0=$(text_rows | head -n 1)
keys / 戴雍峰
wait_for on_text 戴雍峰 || fail "incremental search did not follow the match"
[ "$(text_rows | head -n 1)" != "$top0" ] || fail "the view did not move while typing"
keys Escape
wait_for top_has "$top0" || fail "Esc did not restore the view"
[ "$(text_rows | head -n 1)" = "$top0" ] || fail "Esc: another top line"
lacks "match " || fail "Esc left the match count"

# &: the 30 matches of 监狱 with context; Enter goes to one.
keys / 监狱 Enter
wait_for of 30 || fail "/监狱 again"
keys '&'
expect "30 matches for 监狱" "& did not open the list"
screen | grep -q '1/30$' || fail "the list does not count 30 rows"
keys G
wait_for has "30/30" || fail "the list has not 30 rows"
screen | grep '^>' | grep -q 监狱 || fail "the last row has no context"
keys Enter
wait_for lacks "matches for" || fail "Enter did not close the list"
wait_for match 30 30 || fail "Enter did not make the last match current"
on_text 监狱 || fail "the chosen match is not on screen"

# An invalid regular expression: a message, and the reader lives.
keys / C-r '('
wait_for has "[regex]" || fail "^R does not show [regex] in the prompt"
wait_for has "invalid regular expression" || fail "no message for ("
keys Enter
wait_for status_has "invalid regular expression" ||
    fail "Enter on ( gave no message"
keys j
wait_for status_has "h:help" || fail "the reader did not survive ("

# The outline filter.
keys t
expect "Outline"
keys / 质量
wait_for has "为改造质量提质增效" || fail "the filter lost the entry"
wait_for lacks "开启平安共建新格局" || fail "the filter kept another entry"
keys Enter
wait_for has "filter (Esc: clear)" || fail "Enter did not keep the filter"
has "为改造质量提质增效" || fail "Enter in the filter lost the entry"
keys Escape
wait_for has "开启平安共建新" || fail "Esc did not clear the filter"
keys Escape
wait_for lacks "Outline" || fail "second Esc did not close the outline"
quit_ok

# A second run: / then Up shows the last pattern (with its mode).
start 80 24 --no-remember "$SEED"
ready
keys / Up
wait_for has "/ [regex] (" || fail "Up did not recall the last pattern"
keys Up
wait_for sh -c 'tmux -L "$0" capture-pane -p | tail -n 1 | grep -q "^/监狱"' "$SOCK" ||
    fail "a second Up did not recall 监狱"
keys Escape
quit_ok
echo ok
