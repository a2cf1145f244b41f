#!/bin/sh
# The mouse: the wheel scrolls the text and a click in the outline jumps
# to the entry clicked; --no-mouse leaves mouse reporting off.  Mouse reports are sent as the SGR (1006) byte
# sequences a terminal writes, under TERM=xterm-256color (whose terminfo
# kmous is the SGR prefix).
. "$(dirname "$0")/lib.sh"
TERM_IN=xterm-256color

wheel_down() { t send-keys -l "$(printf '\033[<65;10;10M')"; }
wheel_up() { t send-keys -l "$(printf '\033[<64;10;10M')"; }
click() {	# column row (1-based)
	t send-keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")"
	t send-keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"
}

start 80 24 --no-remember "$SEED"
ready
first=$(text_rows | head -n 1)
wheel_down
wait_for sh -c '[ "$(tmux -L '"$SOCK"' capture-pane -p | sed -n 2p | sed "s/ *$//")" != "$1" ]' _ "$first" ||
    fail "the wheel did not scroll down"
moved=$(text_rows | head -n 1)
wheel_up
wait_for top_has "$first" || fail "the wheel did not scroll back up"
[ "$moved" != "$first" ] || fail "scrolling changed nothing"

# Click on the outline row of a section heading.
keys t
expect "Outline"
row=$(screen | grep -n -F "为改造质量提质增效" | head -n 1 | cut -d: -f1)
[ -n "$row" ] || fail "the outline does not list 为改造质量提质增效"
click 12 "$row"
wait_for top_has "为改造质量提质增效" ||
    fail "a click on 为改造质量提质增效 did not bring it to the top"
quit_ok

# The terminal's mouse reporting: on in the reader (tmux tells whether a
# pane asked for it), off with --no-mouse, so that dragging selects text.
mouse_on() { [ "$(t display-message -p '#{mouse_any_flag}')" = 1 ]; }
start 80 24 --no-remember "$SEED"
ready
wait_for mouse_on || fail "the reader did not turn mouse reporting on"
keys h
expect "Shift+drag selects text" "the help does not say how to select text"
keys q
wait_for lacks "Help (Esc" || fail "q did not close the help"
quit_ok
start 80 24 --no-remember --no-mouse "$SEED"
ready
mouse_on && fail "--no-mouse: mouse reporting is on"
keys j
settle
mouse_on && fail "--no-mouse: mouse reporting is on after a key"
keys h
expect "(--no-mouse): dragging selects text" "the help does not say the mouse is off"
keys q
wait_for lacks "Help (Esc" || fail "q did not close the help"
quit_ok
echo ok
