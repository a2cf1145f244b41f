#!/bin/sh
# Panels and options: on a wide terminal the outline is a sidebar beside
# the text and stays open after a jump; text cut by a panel's width or by
# the header ends in "…"; + and - change the measure; a
# page read from a pipe still takes keys from the terminal; colour follows
# --color and NO_COLOR, and without colour the headline is still bold.
. "$(dirname "$0")/lib.sh"

# At 112 columns what does not fit ends in an ellipsis: story 2's
# headline in the sidebar, the sidebar's title (before its count), the
# banner in the header (below the banner's own rows).
start 112 30 --no-remember "$SEED"
ready
keys ']'
wait_for top_has "推进监地协作" || fail "] did not go to story 1"
keys t
expect "Outline"
screen | grep -q "2 听到呼救声.*… *│" ||
    fail "a headline too long for the sidebar is not cut with …"
screen | sed -n 2p | grep -q "Outline .*… [0-9]*/" ||
    fail "the sidebar's title is not cut with … before its count"
screen | head -n 1 | grep -q "新岸.*…$" || fail "the cut banner does not end in …"
keys q
wait_for lacks "Outline" || fail "q did not close the outline"
quit_ok

# Sidebar at 130 columns: the outline and the text side by side.
start 130 30 --no-remember "$SEED"
ready
keys t
expect "Outline"
screen | grep "│" | grep -q "推进监地协作" ||
    fail "no sidebar beside the text at 130 columns"
choose "为改造质量提质增效"
keys Enter
wait_for sh -c 'tmux -L "$1" capture-pane -p | sed -n 2p | grep -q "│.*为改造质量提质增效"' _ "$SOCK" ||
    fail "the sidebar jump did not put the heading at the top"
has "Outline" || fail "the sidebar closed after the jump"
keys t
wait_for lacks "Outline" || fail "t did not close the sidebar"
# Statistics panel, all pages.
keys s
expect "Statistics: story"
keys a
expect "Statistics: all pages" "a did not switch to all pages"
expect "949次"
keys Escape
wait_for lacks "Statistics" || fail "Esc did not close the statistics"
quit_ok

# A statistic's context is centred on it: of three counts in one clause
# (借助社会力量建成罪犯健康辅导工作站24家、临释就业指导工作站23家、
# 法律援助工作站24家) the third shows its own number, not the clause's
# start cut before it.  The match list and the statistics show the marks
# as the text does: （所） and （2022—2024）, not the source's (所).
start 80 30 --no-remember "$SEED"
ready
keys s
expect "Statistics" "s did not open the statistics"
screen | grep -q "24家 .*法律援助工作站24家" ||
    fail "no statistic row shows the third 24家 in its context"
keys q / 协作三年 Enter
wait_for status_has "match 1/1" || fail "/协作三年 found nothing"
keys '&'
expect "match for 协作三年" "& did not open the list"
screen | grep '^>' | grep -q "监（所）地协作三年行动计划（2022—2024）" ||
    fail "the match list does not show the marks as the text: $(screen | grep '^>')"
keys q
wait_for lacks "match for" || fail "q did not close the list"
quit_ok

# The measure: 80 by default, + widens by 2, - narrows.
start 100 24 --no-remember "$SEED"
ready
keys +
wait_for status_has "measure 82" || fail "+ did not widen"
keys - - -
wait_for status_has "measure 76" || fail "- did not narrow"
"$DUBAO" --dump -w 76 "$SEED" | sed -n 16p | sed 's/ *$//' > "$WORK/want"
keys g
settle
text_rows | sed -n 16p | sed -e 's/^ \{12\}//' > "$WORK/got"
cmp -s "$WORK/want" "$WORK/got" ||
    fail "at measure 76 the text is not the dump's: $(cat "$WORK/got")"
quit_ok

# From a pipe: keys come from the terminal.
start_cmd 80 24 'cat articles/*.txt | "$DUBAO" --no-remember'
ready
expect "推进监地协作"
keys 2 g
wait_for status_has "2/2" || fail "keys do not work when the page comes from a pipe"
keys q
wait_for exited || fail "no exit (pipe)"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) (pipe)"
stty_same

# Colour: SGR colour codes unless NO_COLOR or --color=never; bold stays.
colour_codes() { t capture-pane -p -e | grep -F "推进监地协作" | grep -c -E '\[[0-9;]*(3[0-7]|38;5;[0-9]+)[;m]'; }
bold_codes() { t capture-pane -p -e | grep -F "推进监地协作" | grep -c -E '\[[0-9;]*1[;m]'; }
# colours CMD SOME WHAT: start the shell command CMD; its headline has
# colour codes when SOME is 1, none when 0, else fail with WHAT.
colours() {
	start_cmd 80 24 "$1"
	ready
	[ "$(colour_codes)" -gt 0 ] && _c=1 || _c=0
	[ "$_c" = "$2" ] || fail "$3"
}
colours '"$DUBAO" --no-remember articles' 1 \
    "no colour by default on a 256-colour terminal"
quit_ok
colours 'NO_COLOR=1 "$DUBAO" --no-remember articles' 0 \
    "colour despite NO_COLOR"
[ "$(bold_codes)" -gt 0 ] || fail "no bold headline without colour"
quit_ok
colours '"$DUBAO" --color=never --no-remember articles' 0 \
    "colour despite --color=never"
quit_ok
colours 'NO_COLOR=1 "$DUBAO" --color=always --no-remember articles' 1 \
    "no colour with --color=always"
quit_ok
colours 'TERM=xterm "$DUBAO" --no-remember articles' 1 \
    "no colour on an 8-colour terminal"
quit_ok
start_cmd 80 24 'TERM=vt100 "$DUBAO" --no-remember articles'
ready
expect "推进监地协作" "nothing readable on a monochrome terminal"
keys 2 g
wait_for status_has "2/2" || fail "keys do not work on a monochrome terminal"
quit_ok
echo ok
