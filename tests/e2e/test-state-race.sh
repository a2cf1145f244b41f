#!/bin/sh
# State that must not be lost:
#  - N readers in one tmux server, each on its own copy of the seed,
#    each search a pattern of its own (the history is saved at once) and
#    go to story 2, then all quit at the same moment, three rounds: the
#    positions file has every reader's entry and the one from before,
#    the search history every pattern; both files parse (a new reader
#    restores story 2 for each);
#  - a full disk (a 64 KB tmpfs, filled up; skipped when mounting is not
#    permitted): a search says once that the history cannot be saved;
#    quitting reports the failure on stderr, exits 0, and the previous
#    positions and history files are byte for byte intact, no temporary
#    file left.
. "$(dirname "$0")/lib.sh"

N=6
PATS="监狱 平安 浙江 法治 民警 改造"
SD="$XDG_STATE_HOME/dubao"
pos="$SD/positions"
hist="$SD/search-history"

# wstart I DIR: window I runs dubao on DIR (pid in $WORK/pid.I).
wstart() {
	cat > "$WORK/run.$1.sh" <<EOS
cd '$TOP' || exit 1
export TERM=$TERM_IN LC_ALL=C.UTF-8 XDG_STATE_HOME='$XDG_STATE_HOME'
sh -c 'echo \$\$ > "$WORK/pid.$1"; exec "\$0" "\$@"' '$DUBAO' '$2'
echo "EXIT=\$?"
exec sleep 600
EOS
	if [ "$1" = 0 ]; then
		t new-session -d -x 80 -y 24 -n w0 "sh '$WORK/run.0.sh'" ||
		    fail "cannot start tmux"
	else
		t new-window -d -n "w$1" "sh '$WORK/run.$1.sh'" ||
		    fail "cannot open window $1"
	fi
}
wscreen() { t capture-pane -p -t ":w$1"; }
wstatus_has() { wscreen "$1" | tail -n 1 | grep -F -q -- "$2"; }
wexited() { wscreen "$1" | grep -q '^EXIT='; }
wexit() { wscreen "$1" | sed -n 's/^EXIT=//p' | head -n 1; }
pat_of() { echo $PATS | cut -d ' ' -f $(($1 + 1)); }

# each F: run F I for every reader I, from 0 to N - 1.
each() {
	_e=0
	while [ $_e -lt $N ]; do
		"$1" $_e
		_e=$((_e + 1))
	done
}

# The steps of a round, for reader $1.
copy_seed() { mkdir -p "$WORK/p$1"; cp "$SEED"/*.txt "$WORK/p$1/"; }
open_reader() { wstart $1 "$WORK/p$1"; }
started() {
	wait_for wstatus_has $1 "h:help" ||
	    fail "round $round: reader $1 did not start"
}
search() { t send-keys -t ":w$1" / "$(pat_of $1)-$round" Enter; }
searched_go() {
	wait_for wstatus_has $1 "$(pat_of $1)-$round" ||
	    fail "round $round: reader $1: no search status"
	t send-keys -t ":w$1" Escape 2 g
}
at_story2() {
	wait_for wstatus_has $1 "2/2" ||
	    fail "round $round: reader $1 did not reach story 2"
}
quit() { t send-keys -t ":w$1" q; }
quit_done() {
	wait_for wexited $1 || fail "round $round: reader $1 did not exit"
	[ "$(wexit $1)" = 0 ] || fail "round $round: reader $1 exit $(wexit $1)"
}
kept() {
	grep -F -q "$(cd "$WORK/p$1" && pwd -P)/" "$pos" ||
	    fail "round $round: reader $1's position was lost: $(cat "$pos")"
	_r=1
	while [ $_r -le $round ]; do
		grep -q "^$(pat_of $1)-$_r	" "$hist" ||
		    fail "round $round: pattern $(pat_of $1)-$_r lost: $(cat "$hist")"
		_r=$((_r + 1))
	done
}

each copy_seed
# Entries from before that nobody touches.
mkdir -p "$SD"
printf 'dubao-state 1\n/nowhere/old.txt\t0 - 0\n' > "$pos"
printf 'dubao-state 1\nold-pattern\t\n' > "$hist"

round=1
while [ $round -le 3 ]; do
	new_server
	each open_reader
	each started
	# All search at once (history saves race), then go to story 2.
	each search
	each searched_go
	each at_story2
	# All quit together.
	each quit
	each quit_done
	head -n 1 "$pos" | grep -q '^dubao-state 1$' || fail "positions: bad header"
	grep -q '^/nowhere/old.txt	' "$pos" || fail "round $round: the old position was dropped"
	grep -q '^old-pattern	' "$hist" || fail "round $round: the old pattern was dropped"
	each kept
	# Each reader: its page and its directory.
	[ "$(grep -c . "$pos")" -eq $((2 * N + 2)) ] || fail "positions: $(grep -c . "$pos") lines, want $((2 * N + 2))"
	ls "$SD" | grep -q -v -E '^(positions|search-history)(\.lock)?$' &&
	    fail "temporary files left: $(ls "$SD")"
	round=$((round + 1))
done
# Each position restores.
start 80 24 "$WORK/p3"
ready
wait_for status_has "2/2" || fail "reader 3's saved position does not restore"
quit_ok

# --- a full disk ---
MNT="$WORK/full"
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=64k tmpfs "$MNT" 2>/dev/null; then
	echo "skip full disk: mounting a tmpfs is not permitted here"
	echo ok
	exit 0
fi
trap 'umount "$MNT" 2>/dev/null; cleanup' EXIT
export XDG_STATE_HOME="$MNT"
mkdir -p "$MNT/dubao"
cp "$pos" "$MNT/dubao/positions"
cp "$MNT/dubao/positions" "$WORK/pos.before"
cp "$hist" "$MNT/dubao/search-history"
cp "$hist" "$WORK/hist.before"
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null	# until ENOSPC
dd if=/dev/zero of="$MNT/filler2" bs=1 2>/dev/null
start_cmd 80 24 '"$DUBAO" "'"$WORK/p1"'" 2>"'"$WORK/err"'"'
ready
# Searches: the history cannot be saved; said once, then the match
# counts show again.
keys / 监狱 Enter
wait_for status_has "cannot save the search history" ||
    fail "full disk: no message about the search history"
keys g / 平安 Enter		# from the top: no "wrapped" to hide it
wait_for status_has "match 1/9 " || fail "full disk: no match count (1/9) on the second search"
status_has "cannot save" && fail "full disk: the history error said again: $(status_line)"
keys Escape 2 g
wait_for status_has "2/2" || fail "full disk: 2g did not reach story 2"
keys q
wait_for exited || fail "full disk: no exit on q"
[ "$(exit_status)" = 0 ] || fail "full disk: exit status $(exit_status)"
stty_same
grep -q "cannot save the reading position: .*No space left on device" "$WORK/err" ||
    fail "full disk: no message on stderr: $(cat "$WORK/err")"
[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "full disk: more than one line: $(cat "$WORK/err")"
cmp -s "$WORK/pos.before" "$MNT/dubao/positions" ||
    fail "full disk: the positions file changed: $(cat "$MNT/dubao/positions")"
cmp -s "$WORK/hist.before" "$MNT/dubao/search-history" ||
    fail "full disk: the search history changed: $(cat "$MNT/dubao/search-history")"
ls "$MNT/dubao" | grep -q -v -E '^(positions|search-history)(\.lock)?$' &&
    fail "full disk: temporary files left: $(ls "$MNT/dubao")"
# Space again: the next quit saves.
rm -f "$MNT/filler" "$MNT/filler2"
start 80 24 "$WORK/p1"
ready
keys 2 g
wait_for status_has "2/2" || fail "2g did not reach story 2"
quit_ok
grep -F -q "$(cd "$WORK/p1" && pwd -P)/" "$MNT/dubao/positions" ||
    fail "with space again, the position was not saved"
umount "$MNT"
echo ok
