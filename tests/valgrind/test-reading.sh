#!/bin/sh
# One reading run of the real binary under valgrind (memcheck) inside
# tmux: open the seed, page down, the outline, the statistics (story and
# all pages), a search with n, a resize 80x24 -> 50x20 -> 120x40 -> 80x24,
# then q; a second run restores the saved position and quits on SIGTERM.
# Each run's log must show no error (--error-exitcode=99 and "ERROR
# SUMMARY: 0") and no definitely lost bytes.
. "$TOP/tests/e2e/lib.sh"
command -v valgrind >/dev/null || { echo "skip: valgrind not installed"; exit 0; }

# valgrind is 20-50x slower: wait up to 120 s instead of 10.
WAIT_STEPS=2400

REAL=$DUBAO
cat > "$WORK/vg" <<VG
#!/bin/sh
exec valgrind --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --track-origins=yes --log-file='$WORK/vg.%p.log' '$REAL' "\$@"
VG
chmod +x "$WORK/vg"
DUBAO=$WORK/vg

# check_log: the single log of the run is clean.
check_log() {
	set -- "$WORK"/vg.*.log
	[ -f "$1" ] || fail "no valgrind log"
	for _l in "$@"; do
		if grep -q -E '==[0-9]+== (Invalid|Conditional|Use of|Syscall param|Mismatched|Source and destination|Argument)' "$_l" ||
		    grep -q 'definitely lost: [1-9]' "$_l" ||
		    grep -q -E 'ERROR SUMMARY: [1-9]' "$_l"; then
			echo "--- $_l:"; cat "$_l"
			fail "valgrind reported errors"
		fi
		grep -q 'ERROR SUMMARY: 0 errors' "$_l" ||
		    { cat "$_l"; fail "no clean ERROR SUMMARY in $_l"; }
		echo "valgrind log $_l:"
		grep -E 'in use at exit|definitely lost|indirectly lost|possibly lost|ERROR SUMMARY' "$_l"
	done
	rm -f "$WORK"/vg.*.log
}

start 80 24 "$SEED"
ready
keys Space
settle
keys Space
settle
keys t
expect "Outline"
keys j j Enter
settle
keys s
expect "Statistics: story"
keys a
expect "Statistics: all pages"
keys Escape
wait_for lacks "Statistics" || fail "Esc did not close the statistics"
keys g / 监狱 Enter
wait_for status_has "/30" || fail "the search did not report 30 matches"
keys n n N
settle
keys '&'
settle
keys Escape
settle
resize 50 20
resize 120 40
resize 80 24
keys ']'
wait_for status_has "2/2" || fail "] did not reach story 2"
keys q
wait_for exited || fail "dubao did not exit on q"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) (99: valgrind errors)"
stty_same
check_log

# The saved position comes back; SIGTERM while reading.
start 80 24 "$SEED"
ready
wait_for status_has "2/2" || fail "position not restored"
kill -TERM "$(cat "$WORK/pid")"
wait_for exited || fail "dubao did not exit on SIGTERM"
st=$(exit_status)
[ "$st" = 143 ] || fail "SIGTERM: status $st (99: valgrind errors)"
stty_same
check_log
echo ok
