#!/bin/sh
# The seed at 80x24 and 40x20: the headline on the first screen; the
# column banner once (the header names the page while the banner's rows
# show, and shows the banner below them); ] goes
# to story 1's headline, then brings the second story's and [ returns,
# each undoing the other; 99g says there is no story 99; the outline jumps
# to a section heading (it becomes the top text row); the statistics panel
# lists 11678人次 with its context and Enter shows it in the text.
. "$(dirname "$0")/lib.sh"

for size in "80 24" "40 20"; do
	set -- $size
	start "$1" "$2" --no-remember "$SEED"
	ready
	expect "推进监地协作" "headline on the first screen at $1x$2"
	status_has "1/2" || fail "status does not say story 1/2"

	# The column banner shows once: in the text at the top of the page
	# (the header names the file meanwhile), in the header below it.
	top_has "新岸" || fail "the banner is not at the top at $1x$2"
	[ "$(screen | grep -c 新岸)" -eq 1 ] ||
	    fail "the banner shows twice at $1x$2"
	screen | head -n 1 | grep -q "000_2ebc2c4d283361d3" ||
	    fail "the header does not name the page while its banner shows"
	# ] from the banner at the top goes to story 1, not past it; [
	# undoes each ].
	keys ']'
	wait_for top_has "推进监地协作" ||
	    fail "] from the top did not go to story 1 at $1x$2"
	status_has "1/2" || fail "status after the first ] is not 1/2"
	screen | head -n 1 | grep -q "新岸" ||
	    fail "the header does not show the banner below it at $1x$2"
	keys ']'
	expect "听到呼救声" "] did not bring the second headline at $1x$2"
	wait_for status_has "2/2" || fail "status after ] is not 2/2"
	keys '['
	wait_for top_has "推进监地协作" ||
	    fail "[ did not return to the first story at $1x$2"
	keys '['
	wait_for top_has "新岸" || fail "[ from story 1 did not go to the top"
	# A story number past the last says so.
	keys 9 9 g
	wait_for status_has "no story 99 (2 stories)" ||
	    fail "99g did not say there is no story 99"
	top_has "新岸" || fail "99g moved"

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
