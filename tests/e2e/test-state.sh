#!/bin/sh
# The reading position is remembered per file across runs (each file of
# a session in its own terms, a directory as its last page); --no-remember
# neither restores nor saves it; -s N opens at story N; a corrupt state
# file is survived with a one-line warning and replaced on the next save.
. "$(dirname "$0")/lib.sh"

pos="$XDG_STATE_HOME/dubao/positions"

start 80 24 "$SEED"
ready
keys 2 g
wait_for status_has "2/2" || fail "2g did not reach story 2"
quit_ok
test -s "$pos" || fail "no state file written"
head -n 1 "$pos" | grep -q '^dubao-state 1$' || fail "bad state file header"
grep -F -q "$(cd "$TOP" && pwd -P)/articles/" "$pos" ||
    fail "state not keyed by the absolute path: $(cat "$pos")"

start 80 24 "$SEED"
ready
wait_for status_has "2/2" || fail "position not restored on the next run"
has "听到呼救声" || fail "the restored screen does not show story 2"
keys '['
wait_for status_has "1/2" || fail "[ did not go back"
keys '}'
wait_for top_has "开启平安共建新路径" || fail "} did not reach the first section"
quit_ok

start 80 24 "$SEED"
ready
wait_for top_has "开启平安共建新路径" || fail "the section position was not restored"
quit_ok

# --no-remember: from the top, and nothing saved.
cp "$pos" "$WORK/pos.saved"
start 80 24 --no-remember "$SEED"
ready
wait_for status_has "1/2" || fail "--no-remember did not start at the top"
top_has "开启平安共建新路径" && fail "--no-remember restored the position"
keys G
quit_ok
cmp -s "$pos" "$WORK/pos.saved" || fail "--no-remember changed the state file"

# -s 2 wins over the saved position.
start 80 24 -s 2 "$SEED"
ready
wait_for status_has "2/2" || fail "-s 2 did not open story 2"
quit_ok

# A corrupt file: a warning in the status line, the reader works, and the
# file is whole again after quitting.
printf 'garbage\0\001\n' > "$pos"
start 80 24 "$SEED"
ready
wait_for status_has "not a dubao state file" || fail "no warning about the corrupt file"
keys 2 g
wait_for status_has "2/2" || fail "the reader does not work after a corrupt file"
quit_ok
head -n 1 "$pos" | grep -q '^dubao-state 1$' || fail "corrupt file not replaced"
start 80 24 "$SEED"
ready
wait_for status_has "2/2" || fail "position not restored after the corrupt file"
quit_ok

# Two paths in one session: each file keeps its own place, in its own
# terms (issue 9: the session's story number was saved under the first
# file, overwriting its place, and the second got none).
big="$WORK/big.txt"
for i in 1 2 3 4 5; do
	cat "$SEED"/*.txt
	printf '\f'
done > "$big"
mkdir -p "$WORK/d"
cp "$SEED"/*.txt "$WORK/d/"
start 80 24 "$big" "$WORK/d"
ready
keys 3 g
wait_for status_has "3/12" || fail "3g did not reach story 3 of 12"
keys 1 2 g
wait_for status_has "12/12" || fail "12g did not reach story 12"
quit_ok
start 80 24 "$big"
ready
wait_for status_has "3/10" || fail "big.txt did not keep its own place (story 3)"
quit_ok
start 80 24 "$WORK/d"
ready
wait_for status_has "2/2" || fail "the directory read second got no place (story 2)"
quit_ok

# A state directory that cannot be written: the reader still quits with 0.
rm -rf "$XDG_STATE_HOME"
mkdir -p "$XDG_STATE_HOME"
: > "$XDG_STATE_HOME/dubao"	# a file where the directory should be
start 80 24 "$SEED"
ready
keys q
wait_for exited || fail "no exit with an unwritable state directory"
[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) with an unwritable state"
stty_same
echo ok
