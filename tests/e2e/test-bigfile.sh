#!/bin/sh
# A big document opens at once and fills in behind the reader: a ~120 MB
# file (the seed page 16384 times, separated by form feeds) and a
# directory of 10,000 pages.  For each: the first screen shows the
# headline; keys work while the rest loads (the status line says
# "loading" and counts the stories as N+); the full count arrives
# (story 1/N with the final N) with the place kept; G reaches the last
# story; -s beyond the first pages lands there once they are loaded, and
# beyond the end says so.
# Also a page on a pipe held open: its first screen before its end, and
# the pages that come later as they come.
#
# The time from start to the first screen and to the full document is
# printed, not asserted: DUBAO_TIMING=FILE makes the reader append
# "first MS" and "full MS" (milliseconds since the program started) to
# FILE.
. "$(dirname "$0")/lib.sh"

# Waits for the full load are longer than lib.sh's 10 s (a slow or
# sanitized build, a busy machine), still bounded: 120 s.
wait_long() {
	WAIT_STEPS=2400 wait_for "$@"
}

seed="$SEED/000_2ebc2c4d283361d3.txt"
[ -f "$seed" ] || fail "no seed page $seed"

# The big file: seed + FF, doubled 14 times.
big="$WORK/big.txt"
{ cat "$seed"; printf '\f'; } > "$big"
i=0
while [ $i -lt 14 ]; do
	cat "$big" "$big" > "$big.tmp" && mv "$big.tmp" "$big"
	i=$((i + 1))
done
big_stories=32768		# 2 stories a page

# The directory: 10,000 copies of the seed, one per file, cut by split.
dir="$WORK/pages"
mkdir "$dir"
lines=$(wc -l < "$seed")
i=0
cp "$seed" "$WORK/all"
while [ $i -lt 13 ]; do		# 8192 copies, then 1808 more
	cat "$WORK/all" "$WORK/all" > "$WORK/all.tmp" &&
	    mv "$WORK/all.tmp" "$WORK/all"
	i=$((i + 1))
done
head -n $((lines * 1808)) "$WORK/all" >> "$WORK/all"
(cd "$dir" && split -l "$lines" -a 5 -d --additional-suffix=.txt \
    "$WORK/all" p) || fail "cannot make the directory"
rm -f "$WORK/all"
[ "$(ls "$dir" | wc -l)" -eq 10000 ] || fail "expected 10000 pages"
dir_stories=20000

# The full count is on the status line.
full_count() { status_has "/$1 " && ! status_has "loading"; }

# check NAME PATH STORIES
check() {
	rm -f "$WORK/timing"
	start_cmd 80 24 "DUBAO_TIMING='$WORK/timing' \"\$DUBAO\" --no-remember '$2'"
	ready
	expect "推进监地协作" "$1: no headline on the first screen"
	first=$(text_rows | head -n 1)
	if status_has "loading"; then
		status_has "1/" && status_line | grep -q '1/[0-9]*+ ' ||
		    fail "$1: the story count is not N+ while loading"
	else
		echo "note: $1 was loaded before the first look"
	fi
	# A key moves at once, loading or not.
	keys j
	wait_for top_lacks "$first" || fail "$1: j did not move"
	settle
	moved=$(text_rows | head -n 1)
	wait_long full_count "$3" || fail "$1: the full count $3 never came"
	[ "$(text_rows | head -n 1)" = "$moved" ] ||
	    fail "$1: the place changed when the full document came"
	status_has "1/$3 " || fail "$1: not at story 1 of $3"
	keys G
	wait_for status_has "$3/$3 " || fail "$1: G did not reach story $3"
	quit_ok
	wait_for test -s "$WORK/timing" || fail "$1: no timing written"
	echo "$1: first screen $(sed -n 's/^first //p' "$WORK/timing") ms," \
	    "full document $(sed -n 's/^full //p' "$WORK/timing") ms"
}

check "100 MB file" "$big" $big_stories
check "10,000 pages" "$dir" $dir_stories

# A page on a pipe that stays open: the first screen comes before the
# end of the input (no timing: the writer holds the rest back until the
# reader is up), and the rest once it arrives.  Keys come from the
# terminal meanwhile.
part="$WORK/part.txt"
{ cat "$seed"; printf '\f'; } > "$part"
i=0
while [ $i -lt 7 ]; do		# 128 pages, 256 stories, ~0.9 MB
	cat "$part" "$part" > "$part.tmp" && mv "$part.tmp" "$part"
	i=$((i + 1))
done
start_cmd 80 24 "{ cat '$part'; while [ ! -e '$WORK/go' ]; do sleep 0.05; done; cat '$part'; } | \"\$DUBAO\" --no-remember"
ready
expect "推进监地协作" "pipe: no headline before the end of the input"
status_has "loading" || fail "pipe: the reader does not say it is loading"
first=$(text_rows | head -n 1)
keys j
wait_for top_lacks "$first" || fail "pipe: j did not move while the input is open"
# c while loading says why it waits.
keys c
wait_for status_has "c converts the whole text: not while loading" ||
    fail "pipe: c while loading does not say why not"
# 300g while only the first part is there: story 300 once it comes.
keys 3 0 0 g
wait_for status_has "still loading" || fail "pipe: 300g beyond the loaded part says nothing"
touch "$WORK/go"
wait_long full_count 512 || fail "pipe: the full count 512 never came"
wait_for status_has "300/512 " || fail "pipe: 300g did not land on story 300 once loaded"
keys G
wait_for status_has "512/512 " || fail "pipe: G did not reach story 512"
quit_ok

# A panel open when a fuller document comes shows the same entry, scope
# and filter after it: the outline's 16th entry, its filter, the
# statistics of all pages; and a statistic marked in the text stays
# marked.  The pages the pipe held back come when the test says; the
# first part is all in (256 stories, still loading) when the panel opens.
ESC=$(printf '\033')
# marked: 11678人次 bold and reversed in the text, as a statistic marked
# from the panel.
marked() {
	t capture-pane -p -e |
	    grep -q "${ESC}\[1;7m\(${ESC}\[[0-9;]*m\)*11678人次"
}
for panel in outline filter stats mark; do
	rm -f "$WORK/go"
	start_cmd 80 24 "{ cat '$part'; while [ ! -e '$WORK/go' ]; do sleep 0.05; done; cat '$part'; } | \"\$DUBAO\" --no-remember"
	ready
	wait_long status_has "/256+ " || fail "$panel: the first part never came"
	case $panel in
	outline)
		keys t 1 5 j
		wait_for sh -c 'tmux -L "$0" capture-pane -p | sed -n 2p | grep -q " 16/"' "$SOCK" ||
		    fail "outline: 15j did not select entry 16"
		sel=$(screen | grep '^>')
		touch "$WORK/go"
		wait_long full_count 512 || fail "outline: the rest never came"
		wait_for sh -c 'tmux -L "$0" capture-pane -p | sed -n 2p | grep -q " 16/"' "$SOCK" ||
		    fail "outline: the selection moved when the rest came: $(screen | sed -n 2p)"
		[ "$(screen | grep '^>')" = "$sel" ] ||
		    fail "outline: another entry is selected: $(screen | grep '^>')"
		;;
	filter)
		keys t / 呼救 Enter
		wait_for has "filter (Esc: clear) /呼救" || fail "filter: not kept"
		touch "$WORK/go"
		wait_long full_count 512 || fail "filter: the rest never came"
		has "filter (Esc: clear) /呼救" || fail "filter: lost when the rest came"
		screen | sed -n '3,$p' | grep -v '^ *$' | grep -v '/512' |
		    grep -q -v -e 呼救 -e '\.txt' -e '^ *│' &&
		    fail "filter: an entry without 呼救 after the rest came"
		;;
	stats)
		keys s a
		expect "Statistics: all pages" "stats: a did not switch"
		touch "$WORK/go"
		wait_long full_count 512 || fail "stats: the rest never came"
		has "Statistics: all pages" || fail "stats: back to the story after the rest came"
		;;
	mark)
		keys s
		expect "Statistics: story" "mark: s did not open the statistics"
		choose "11678人次"
		keys Enter
		wait_for lacks "Statistics: story" || fail "mark: Enter did not close the panel"
		wait_for marked || fail "mark: Enter did not mark 11678人次"
		touch "$WORK/go"
		wait_long full_count 512 || fail "mark: the rest never came"
		marked || fail "mark: the marked statistic lost when the rest came"
		;;
	esac
	keys Q
	wait_for exited || fail "$panel: no exit on Q"
done

# A search typed while loading never says "not found" about text still
# to come: it waits ("searching…"), the keys stay live, and it lands on
# the match in the last page once that comes; Esc stops it; ? from the
# top waits for the end instead of wrapping to the end of the first part.
printf '末页独有的一句话在这里。\n' > "$WORK/last.txt"
for how in find stop back; do
	rm -f "$WORK/go"
	start_cmd 80 24 "{ cat '$part'; while [ ! -e '$WORK/go' ]; do sleep 0.05; done; cat '$part' '$WORK/last.txt'; } | \"\$DUBAO\" --no-remember"
	ready
	case $how in
	find|stop)
		keys / 末页独有 Enter ;;
	back)
		keys '?' 监狱 Enter ;;
	esac
	wait_for status_has "searching…" ||
	    fail "search ($how) while loading does not say it is searching: $(status_line)"
	status_has "not found" && fail "search ($how) said not found while loading"
	first=$(text_rows | head -n 1)
	keys j
	wait_for top_lacks "$first" || fail "search ($how): keys are not live while it waits"
	[ $how = stop ] && {
		keys Escape
		wait_for status_has "search stopped" || fail "Esc did not stop the search"
		keys k		# the message gives way to the story count
	}
	touch "$WORK/go"
	[ $how = back ] ||
	    wait_long full_count 513 || fail "search ($how): the rest never came"
	case $how in
	find)
		wait_for status_has "match 1/1 " ||
		    fail "the search did not land on the last page: $(status_line)"
		has "末页独有的一句话" || fail "the match is not on screen" ;;
	stop)
		settle
		status_has "match " && fail "the stopped search landed"
		lacks "末页独有的一句话" || fail "the stopped search moved the view" ;;
	back)
		WAIT_STEPS=2400 wait_for sh -c 'tmux -L "$0" capture-pane -p | tail -n 1 | grep -q "match \([0-9]*\)/\1 "' "$SOCK" ||
		    fail "? from the top did not land on the last match: $(status_line)" ;;
	esac
	quit_ok
done

# G while loading: the end of the whole, once it comes; a key that moves
# meanwhile cancels it.
for how in G Gk; do
	rm -f "$WORK/go"
	start_cmd 80 24 "{ cat '$part'; while [ ! -e '$WORK/go' ]; do sleep 0.05; done; cat '$part'; } | \"\$DUBAO\" --no-remember"
	ready
	keys G
	wait_for status_has "still loading" || fail "pipe: G while loading says nothing"
	if [ $how = Gk ]; then
		keys k
		wait_for status_has "+ " || fail "pipe: k did not show the story count"
	fi
	touch "$WORK/go"
	wait_long full_count 512 || fail "pipe ($how): the full count 512 never came"
	if [ $how = G ]; then
		wait_for status_has "512/512 " || fail "pipe: G while loading did not end at story 512"
	else
		settle
		status_has "512/512 " && fail "pipe: k after G did not cancel the pending end"
	fi
	quit_ok
done

# A slow writer: one page, then nothing for a while.  The page shows
# (the reader does not wait for 128 KB that do not come), the rest
# follows.
start_cmd 80 24 "{ cat '$seed'; while [ ! -e '$WORK/go2' ]; do sleep 0.05; done; printf '\\f'; cat '$seed'; } | \"\$DUBAO\" --no-remember"
ready
expect "推进监地协作" "slow pipe: no headline while the writer waits"
touch "$WORK/go2"
wait_long full_count 4 || fail "slow pipe: the full count 4 never came"
quit_ok

# Pages that come later on a pipe still open show as they come: a page
# ended by a form feed, then a second one, then the writer waits.  The
# second page is in the reader (4 stories, still loading) while the pipe
# is open; the full count once it closes.
rm -f "$WORK/go1" "$WORK/go2"
start_cmd 80 24 "{ cat '$seed'; printf '\\f'; while [ ! -e '$WORK/go1' ]; do sleep 0.05; done; cat '$seed'; printf '\\f'; while [ ! -e '$WORK/go2' ]; do sleep 0.05; done; } | \"\$DUBAO\" --no-remember"
ready
expect "推进监地协作" "paged pipe: no headline"
wait_for status_has "/2+ " || fail "paged pipe: the first page is not 2 stories, loading"
touch "$WORK/go1"
wait_long status_has "/4+ " ||
    fail "paged pipe: the second page did not show while the pipe is open"
touch "$WORK/go2"
wait_long full_count 4 || fail "paged pipe: the full count 4 never came"
quit_ok

# -s beyond the first pages: there once they are loaded.
start 80 24 --no-remember -s 30001 "$big"
ready
wait_long status_has "30001/$big_stories " ||
    fail "-s 30001 did not land on story 30001"
quit_ok

# -s beyond the whole document: said once it is loaded.
start 80 24 --no-remember -s 90000 "$big"
ready
wait_long status_has "no story 90000 ($big_stories stories)" ||
    fail "-s 90000 beyond the end did not say so"
quit_ok

# A saved place beyond the first pages comes back, and quitting before
# the load ends does not lose it.
start 80 24 "$dir"
ready
wait_long full_count $dir_stories || fail "no full count"
keys 1 2 3 4 5 g
wait_for status_has "12345/$dir_stories " || fail "12345g did not go there"
quit_ok
start 80 24 "$dir"
ready
keys q			# at once: likely before the load ends
wait_for exited || fail "dubao did not exit on q"
start 80 24 "$dir"
ready
wait_long status_has "12345/$dir_stories " ||
    fail "the saved place (story 12345) did not come back"
quit_ok
echo "ok"
