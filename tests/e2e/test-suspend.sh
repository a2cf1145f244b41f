#!/bin/sh
# ^Z suspends the reader and gives the shell back with the terminal
# restored; fg resumes it and the screen is drawn again.  Runs in an
# interactive bash with job control inside the pane.
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || { echo "skip: no bash for job control"; exit 0; }

new_server
t new-session -d -x 80 -y 24 \
    "env -i PATH='$PATH' HOME='$WORK' TERM=$TERM_IN LC_ALL=C.UTF-8 XDG_STATE_HOME='$XDG_STATE_HOME' PS1='PROMPT\$ ' bash --norc --noprofile -i" ||
    fail "cannot start tmux"
wait_for has 'PROMPT$' || fail "no shell prompt"
keys "stty -g > '$WORK/stty.before'; '$DUBAO' --no-remember '$SEED'" Enter
ready
keys C-z
wait_for has 'Stopped' || fail "^Z did not suspend the reader"
wait_for has 'PROMPT$' || fail "no prompt after ^Z"
keys "stty -g > '$WORK/stty.susp'" Enter
wait_for test -s "$WORK/stty.susp" || fail "no stty while suspended"
cmp -s "$WORK/stty.before" "$WORK/stty.susp" ||
    fail "the terminal is not restored while suspended"
keys "clear; fg" Enter
ready
expect "推进监地协作" "the reader did not redraw after fg"
keys q
wait_for has 'PROMPT$' || fail "no prompt after q"
# (the marker is computed: the typed command line holds no DONE-1)
keys "stty -g > '$WORK/stty.after'; echo DONE-\$((0+1))" Enter
wait_for has 'DONE-1' || fail "shell did not answer"
stty_same
echo ok
