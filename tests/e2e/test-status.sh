#!/bin/sh
# The status line at every width: what does not fit is left out from the
# least useful field (the file name, the headline, then the section),
# a field cut short ends in "…", and the match count stays, even at 20
# columns.
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
echo ok
