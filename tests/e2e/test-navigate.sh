#!/bin/sh
# The seed at 80x24 and 40x20: the headline on the first screen; ] brings
# the second story's headline into view and [ returns; the outline jumps
# to a section heading (it becomes the top text row); the statistics panel
# lists 11678人次 with its context and Enter shows it in the text.
. "$(dirname "$0")/lib.sh"

for size in "80 24" "40 20"; do
	set -- $size
	start "$1" "$2" --no-remember "$SEED"
	ready
	expect "推进监地协作" "headline on the first screen at $1x$2"
	status_has "1/2" || fail "status does not say story 1/2"

	keys ']'
	expect "听到呼救声" "] did not bring the second headline at $1x$2"
	wait_for status_has "2/2" || fail "status after ] is not 2/2"
	keys '['
	wait_for top_has "推进监地协作" ||
	    fail "[ did not return to the first story at $1x$2"

	keys t
	expect "Outline" "t did not open the outline"
	choose "为改造质量提质增效"
	keys Enter
	wait_for lacks "Outline" || fail "Enter did not close the outline"
	wait_for top_has "为改造质量提质增效" ||
	    fail "the chosen heading is not the top text row at $1x$2"
	[ "$1" -lt 80 ] || status_has "为改造质量提质增效" ||
	    fail "status does not name the section"

	keys g s
	expect "Statistics" "s did not open the panel"
	expect "11678人次" "the panel does not list 11678人次"
	screen | grep -F "11678人次" | grep -q "就诊罪犯" ||
	    fail "11678人次 is listed without its context"
	choose "11678人次"
	keys Enter
	wait_for lacks "Statistics" || fail "Enter did not close the panel"
	text_rows | grep -q "11678" || fail "Enter did not show 11678人次 in the text"

	# Esc closes at once; t toggles.
	keys t
	expect "Outline"
	keys Escape
	wait_for lacks "Outline" || fail "Esc did not close the outline"

	# A count repeats: 3] from the start stops at the last story.
	keys g 3 ']'
	wait_for status_has "2/2" || fail "3] did not reach the last story"
	quit_ok
done
echo ok
