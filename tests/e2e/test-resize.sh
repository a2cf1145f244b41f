#!/bin/sh
# Resizing reflows at once and keeps the line being read on screen:
# 80 -> 40 -> 100 -> 80 columns, the top line at 80 comes back exactly;
# a 10x4 pane shows a notice and the reader recovers when enlarged.
. "$(dirname "$0")/lib.sh"

start 80 24 --no-remember "$SEED"
ready
# Into the middle of a paragraph: a section, then a few lines down.
keys '}'
wait_for top_has "开启平安共建新路径" || fail "} did not reach the first section"
keys 5 j
wait_for status_has "§ 开启平安共建新路径" || fail "not in the first section"
wait_for top_lacks "开启平安共建新路径" || fail "5j did not move"
settle
top80=$(text_rows | head -n 1)
[ -n "$top80" ] || fail "no text at the top"
# The first characters of that line (3 Hanzi, 9 bytes of UTF-8).
probe=$(printf '%s' "$top80" | sed 's/^ *//' | cut -b 1-9)

resize 40 20
text_rows | head -n 3 | tr -d '\n' | grep -F -q -- "$probe" ||
    fail "at 40 columns the line being read ($probe) is not at the top"
[ "$(screen | wc -L)" -le 40 ] || fail "a row wider than 40"

resize 100 30
text_rows | head -n 2 | tr -d '\n' | grep -F -q -- "$probe" ||
    fail "at 100 columns the line being read is not at the top"

resize 80 24
[ "$(text_rows | head -n 1)" = "$top80" ] ||
    fail "back at 80 columns the top line moved: '$(text_rows | head -n 1)'"

# Too small: a notice, no crash; enlarged: the same text again.
t resize-window -x 10 -y 4
wait_for has "Terminal" || fail "no notice at 10x4"
t resize-window -x 19 -y 24
wait_for has "Terminal" || fail "no notice at 19 columns"
t resize-window -x 80 -y 5
wait_for has "Terminal" || fail "no notice at 5 rows"
t resize-window -x 80 -y 24
wait_for top_has "$probe" || fail "did not recover after 10x4"
# The smallest size that works shows text and a status line.
t resize-window -x 20 -y 6
wait_for status_has "h" || fail "nothing usable at 20x6"
lacks "Terminal too small" || fail "20x6 is said to be too small"
t resize-window -x 80 -y 24
wait_for top_has "$probe" || fail "20x6 -> 80x24 lost the place"
quit_ok
echo ok
