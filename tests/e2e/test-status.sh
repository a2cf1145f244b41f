#!/bin/sh
# The status line at every width: what does not fit is left out from the
# least useful field (the file name, the headline, then the section),
# a field cut short ends in "…", and the match count stays, even at 20
# columns.  A path that cannot be opened is said in the status line at
# start (the other paths open), and once on stderr at exit.
. "$(dirname "$0")/lib.sh"

# 40 columns after }: the section whole (not one character short), the
# headline left out rather than cut to nothing.
start 40 20 --no-remember "$SEED"
ready
keys '}'
wait_for status_has "§ 开启平安共建新路径" ||
    fail "at 40 columns the section heading is not whole: $(status_line)"
status_has "1/2" || fail "at 40 columns no story number: $(status_line)"
quit_ok

# 60 columns: the headline cut with …, the section whole.
start 60 20 --no-remember "$SEED"
ready
keys '}'
wait_for status_has "§ 开启平安共建新路径" ||
    fail "at 60 columns the section heading is not whole: $(status_line)"
status_has "…" || fail "at 60 columns the cut headline has no …: $(status_line)"
status_has "推进监地协作" || fail "at 60 columns no headline: $(status_line)"
quit_ok

# 20 columns with a search: the match count is there.
start 20 10 --no-remember "$SEED"
wait_for status_has "h:help" || fail "no status line at 20 columns"
keys / 监狱 Enter
wait_for sh -c 'tmux -L "$0" capture-pane -p | tail -n 1 | grep -q "match [0-9]*/30"' "$SOCK" ||
    fail "at 20 columns the match count is gone: $(status_line)"
quit_ok

# A missing path before a small and before a big document (whose first
# pages open first): said at once, and once more on stderr at exit.
big="$WORK/big.txt"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat "$SEED"/*.txt
	printf '\f'
done > "$big"
for what in articles "$big"; do
	start_cmd 80 24 "\"\$DUBAO\" --no-remember /nonexistent '$what' 2> '$WORK/err'"
	wait_for status_has "/nonexistent: No such file or directory" ||
	    fail "the missing path is not said at start ($what): $(status_line)"
	expect "推进监地协作" "the other path did not open ($what)"
	keys q
	wait_for exited || fail "no exit ($what)"
	[ "$(exit_status)" = 2 ] || fail "exit status $(exit_status), not 2 ($what)"
	[ "$(grep -c nonexistent "$WORK/err")" = 1 ] ||
	    fail "stderr does not say it once ($what): $(cat "$WORK/err")"
done
echo ok
