# Shared helpers of the screen tests (POSIX sh; sourced by test-*.sh).
#
# Each test drives the real binary ($DUBAO) in a private tmux server with
# a fixed size, LC_ALL=C.UTF-8, TERM=tmux-256color inside and its own
# XDG_STATE_HOME, polls for what it expects (bounded: 10 s in 50 ms steps)
# instead of sleeping, and kills the server on every way out.

set -u
: "${DUBAO:?DUBAO must name the binary}"
: "${TOP:=$(pwd)}"
export LC_ALL=C.UTF-8

SOCK="dubao-$$"
NSOCK=0
SOCKS=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dubao-e2e.XXXXXX")
export XDG_STATE_HOME="$WORK/state"
SEED="$TOP/articles"
TERM_IN=tmux-256color
infocmp "$TERM_IN" >/dev/null 2>&1 || TERM_IN=xterm-256color

t() { tmux -L "$SOCK" -f /dev/null "$@"; }

cleanup() {
	for _s in $SOCKS; do
		tmux -L "$_s" kill-server >/dev/null 2>&1
	done
	rm -rf "$WORK"
}

# A new server for each start: a server being killed may still hold the
# old socket.
new_server() {
	t kill-server >/dev/null 2>&1
	NSOCK=$((NSOCK + 1))
	SOCK="dubao-$$-$NSOCK"
	SOCKS="$SOCKS $SOCK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	screen 2>/dev/null
	exit 1
}

# start W H ARGS...: run dubao with ARGS in a new pane of W x H cells.
# The pane stays after dubao exits and shows EXIT=status; stty -g
# before and after go to $WORK/stty.before and $WORK/stty.after, and the
# pid of dubao to $WORK/pid.
start() {
	_w=$1 _h=$2
	shift 2
	new_server
	{
		echo "cd '$TOP' || exit 1"
		echo "export TERM=$TERM_IN LC_ALL=C.UTF-8 XDG_STATE_HOME='$XDG_STATE_HOME'"
		echo "stty -g > '$WORK/stty.before'"
		echo "trap : INT	# ^C is for dubao, the shell stays"
		printf 'sh -c '\''echo $$ > "%s/pid"; exec "$0" "$@"'\'' "%s"' "$WORK" "$DUBAO"
		for _a in "$@"; do
			printf " '%s'" "$_a"
		done
		echo
		echo 'rc=$?'
		echo "stty -g > '$WORK/stty.after'"
		echo 'echo "EXIT=$rc"'
		echo 'exec sleep 600'
	} > "$WORK/run.sh"
	rm -f "$WORK/pid" "$WORK/stty.after"
	t new-session -d -x "$_w" -y "$_h" "sh '$WORK/run.sh'" ||
	    fail "cannot start tmux"
}

# start_cmd W H 'shell command': like start, for a pipeline (the command
# sees the same environment; no pid file).
start_cmd() {
	_w=$1 _h=$2
	new_server
	cat > "$WORK/run.sh" <<EOF
cd '$TOP' || exit 1
export TERM=$TERM_IN LC_ALL=C.UTF-8 XDG_STATE_HOME='$XDG_STATE_HOME' DUBAO='$DUBAO'
stty -g > '$WORK/stty.before'
trap : INT
$3
rc=\$?
stty -g > '$WORK/stty.after'
echo "EXIT=\$rc"
exec sleep 600
EOF
	rm -f "$WORK/stty.after"
	t new-session -d -x "$_w" -y "$_h" "sh '$WORK/run.sh'" ||
	    fail "cannot start tmux"
}

# The pane as text, one line per row.
screen() { t capture-pane -p; }

# The rows between the header and the status line, trailing blanks cut.
text_rows() {
	screen | sed -e '1d' -e '$d' | sed -e 's/ *$//'
}

# The status line.
status_line() { screen | tail -n 1; }

keys() { t send-keys "$@"; }

# wait_for CMD...: poll until CMD succeeds (WAIT_STEPS steps of 50 ms at
# most: 10 s unless a script sets more, e.g. for valgrind).
WAIT_STEPS=${WAIT_STEPS:-200}
wait_for() {
	_i=0
	while [ $_i -lt "$WAIT_STEPS" ]; do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	return 1
}

# has TEXT: the screen shows TEXT.
has() { screen | grep -F -q -- "$1"; }
# lacks TEXT.
lacks() { ! screen | grep -F -q -- "$1"; }
# top_has TEXT: the first text row shows TEXT.
top_has() { text_rows | head -n 1 | grep -F -q -- "$1"; }
# top_lacks TEXT: the first text row does not show TEXT.
top_lacks() { ! top_has "$1"; }
# status_has TEXT.
status_has() { status_line | grep -F -q -- "$1"; }

# expect TEXT [what]: wait until the screen shows TEXT, else fail.
expect() { wait_for has "$1" || fail "${2:-expected '$1' on screen}"; }

# A screen that no longer changes (after a key, before reading it).
settled() {
	_a=$(screen)
	sleep 0.05
	[ "$_a" = "$(screen)" ]
}
settle() { wait_for settled; }

# in_curses: the program in the pane has taken the terminal (tmux's
# alternate screen is on), at whatever size, even 1x1.
in_curses() { [ "$(t display -p '#{alternate_on}')" = 1 ]; }

# Run to the reader: wait for the status line's help hint.
ready() { wait_for status_has "h:help" || fail "the reader did not start"; }

# fits W: the status line ends near column W (the reader has redrawn
# for a width of W).
fits() {
	_sw=$(status_line | wc -L)
	status_has "h:help" && [ "$_sw" -le "$1" ] && [ "$_sw" -ge $(($1 - 3)) ]
}

# resize W H: resize the window and wait for the reader to redraw.
resize() {
	t resize-window -x "$1" -y "$2"
	wait_for fits "$1" || fail "no redraw at $1x$2"
	settle
}

# choose TEXT: move the selection of a list (">" mark) onto the row
# showing TEXT, at most 60 steps.
choose() {
	_n=0
	while [ $_n -lt 60 ]; do
		if screen | grep -F -- "$1" | grep -q '^>'; then
			return 0
		fi
		_before=$(screen)
		keys j
		wait_for sh -c '[ "$(tmux -L '"$SOCK"' capture-pane -p)" != "$1" ]' _ "$_before" ||
		    fail "list did not move looking for $1"
		_n=$((_n + 1))
	done
	fail "could not select '$1' in the list"
}

# exited: the pane shows EXIT=...; exit_status prints it.
exited() { screen | grep -q '^EXIT='; }
exit_status() { screen | sed -n 's/^EXIT=//p' | head -n 1; }

# quit_ok: q, then status 0 and the terminal modes as before.
quit_ok() {
	keys q
	wait_for exited || fail "dubao did not exit on q"
	[ "$(exit_status)" = 0 ] || fail "exit status $(exit_status) after q"
	stty_same
}

# The terminal modes after dubao equal those before.
stty_same() {
	wait_for test -s "$WORK/stty.after" || fail "no stty after"
	cmp -s "$WORK/stty.before" "$WORK/stty.after" ||
	    fail "terminal modes changed: $(cat "$WORK/stty.before") -> $(cat "$WORK/stty.after")"
}
