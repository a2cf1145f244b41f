# Shared code of the hostile-input tests (sourced by test-*.sh).
#
# Each test generates its inputs in a temporary directory and runs the
# real binary ($DUBAO, set by tests/run.sh) on them through
#
#	hostile_run NAME EXPECT [ARG...]
#
# EXPECT is the allowed exit status, or several separated by "|" (e.g.
# "0|1" for --grep).  Every run is bounded by `timeout 60` (a timeout is a
# failure) and checked for: the exit status, no death by a signal
# (status >= 128), output without C0 controls other than TAB and LF,
# without DEL, ESC or C1 (U+0080-U+009F), valid UTF-8, --json output that
# parses (when python3 is there), and a stderr of at most HOSTILE_ERRMAX
# (default 5) short lines each starting with "dubao: ".  One line per run
# is printed: "ok   NAME: exit N, OUT bytes out, ERR lines err" or "FAIL
# NAME: reason".  hostile_done exits 1 if anything failed.
#
# hostile_modes NAME EXPECT FILE... runs the usual output modes on FILEs:
# --dump at widths 10 and 80, --toc, --stats, --json and --grep 记者
# (whose EXPECT also allows 1, "nothing found", unless EXPECT is 2).

: "${DUBAO:?DUBAO must name the binary (run through tests/run.sh)}"
export LC_ALL=C.UTF-8
HOSTILE_ERRMAX=${HOSTILE_ERRMAX:-5}
HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-60}
hostile_failed=0
hostile_passed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/dubao-hostile.XXXXXX") || exit 2
# The binary must not write position files into the user's home.
export XDG_STATE_HOME="$T/state" HOME="$T/home"
mkdir -p "$HOME"
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP

if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import json' >/dev/null 2>&1; then
	hostile_python=1
else
	hostile_python=0
fi

# Report a failed check.
hostile_fail() {	# name reason...
	hf_name=$1; shift
	printf 'FAIL %s: %s\n' "$hf_name" "$*"
	hostile_failed=$((hostile_failed + 1))
}

# Does file $1 hold a byte that could act on a terminal?  (TAB and LF
# allowed.)  Prints the first offending line number and bytes.
hostile_bad_bytes() {	# file
	LC_ALL=C grep -anoP '.{0,12}([\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]).{0,4}' \
	    "$1" 2>/dev/null | head -n 1 | od -An -c | tr -s ' ' | \
	    tr -d '\n' | cut -c 1-120
}

# Is file $1 valid UTF-8?
hostile_utf8() {	# file
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

# Run $DUBAO with ARGs and check everything listed at the top.
hostile_run() {	# name expect arg...
	hr_name=$1 hr_expect=$2
	shift 2
	timeout -k 5 "$HOSTILE_TIMEOUT" "$DUBAO" "$@" >"$T/out" 2>"$T/err" \
	    </dev/null
	hr_rc=$?
	hostile_check "$hr_name" "$hr_expect" "$hr_rc" "$@"
}

# The checks of hostile_run on $T/out and $T/err after a run that
# returned rc.  The args are only used to spot --json.
hostile_check() {	# name expect rc arg...
	hc_name=$1 hc_expect=$2 hc_rc=$3
	shift 3
	if [ "$hc_rc" -eq 124 ] || [ "$hc_rc" -eq 137 ]; then
		hostile_fail "$hc_name" "timed out after ${HOSTILE_TIMEOUT}s"
		return 1
	fi
	if [ "$hc_rc" -ge 128 ]; then
		hostile_fail "$hc_name" "killed by signal $((hc_rc - 128))" \
		    "($(head -c 300 "$T/err" | tr '\n' ' '))"
		return 1
	fi
	case "|$hc_expect|" in
	*"|$hc_rc|"*) ;;
	*)	hostile_fail "$hc_name" "exit $hc_rc, expected $hc_expect" \
		    "(stderr: $(head -n 3 "$T/err" | tr '\n' ' ' | cut -c 1-200))"
		return 1 ;;
	esac
	hc_bad=$(hostile_bad_bytes "$T/out")
	if [ -n "$hc_bad" ]; then
		hostile_fail "$hc_name" "control byte in output: $hc_bad"
		return 1
	fi
	if ! hostile_utf8 "$T/out"; then
		hostile_fail "$hc_name" "output is not valid UTF-8:" \
		    "$(iconv -f UTF-8 -t UTF-8 "$T/out" 2>&1 >/dev/null | head -n 1)"
		return 1
	fi
	for hc_a in "$@"; do
		[ "$hc_a" = --json ] || continue
		if [ "$hostile_python" -eq 1 ] && [ -s "$T/out" ] &&
		    ! python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
		    "$T/out" >/dev/null 2>"$T/json.err"; then
			hostile_fail "$hc_name" "--json output does not parse:" \
			    "$(tail -n 1 "$T/json.err")"
			return 1
		fi
	done
	if [ "$hc_expect" = 0 ] && [ "$hc_rc" -eq 0 ] && [ -s "$T/err" ] &&
	    [ -n "${HOSTILE_QUIET:-}" ]; then
		hostile_fail "$hc_name" "unexpected stderr: $(head -n 1 "$T/err")"
		return 1
	fi
	hc_lines=$(wc -l <"$T/err")
	if [ "$hc_lines" -gt "$HOSTILE_ERRMAX" ]; then
		hostile_fail "$hc_name" "$hc_lines lines on stderr (max" \
		    "$HOSTILE_ERRMAX): $(head -n 1 "$T/err")"
		return 1
	fi
	if [ -s "$T/err" ] && LC_ALL=C grep -qv '^dubao: ' "$T/err"; then
		hostile_fail "$hc_name" "stderr line not starting with" \
		    "'dubao: ': $(LC_ALL=C grep -v '^dubao: ' "$T/err" | head -n 1 | cut -c 1-100)"
		return 1
	fi
	if [ -s "$T/err" ] && LC_ALL=C grep -q '.\{301\}' "$T/err"; then
		hostile_fail "$hc_name" "stderr line longer than 300 bytes"
		return 1
	fi
	hc_bad=$(hostile_bad_bytes "$T/err")
	if [ -n "$hc_bad" ]; then
		hostile_fail "$hc_name" "control byte on stderr: $hc_bad"
		return 1
	fi
	if ! hostile_utf8 "$T/err"; then
		hostile_fail "$hc_name" "stderr is not valid UTF-8"
		return 1
	fi
	if [ -s "$T/err" ] && [ "$(tail -c 1 "$T/err" | od -An -c | tr -d ' ')" != '\n' ]; then
		hostile_fail "$hc_name" "stderr does not end with a newline"
		return 1
	fi
	hostile_passed=$((hostile_passed + 1))
	printf 'ok   %s: exit %s, %s bytes out, %s line(s) on stderr\n' \
	    "$hc_name" "$hc_rc" "$(wc -c <"$T/out")" "$hc_lines"
	return 0
}

# The usual output modes on the same files.
hostile_modes() {	# name expect file...
	hm_name=$1 hm_expect=$2
	shift 2
	case $hm_expect in
	2) hm_gexpect=2 ;;
	*) hm_gexpect="$hm_expect|1" ;;
	esac
	hostile_run "$hm_name --dump -w 10" "$hm_expect" --dump -w 10 "$@"
	hostile_run "$hm_name --dump -w 80" "$hm_expect" --dump -w 80 "$@"
	hostile_run "$hm_name --toc" "$hm_expect" --toc "$@"
	hostile_run "$hm_name --stats" "$hm_expect" --stats "$@"
	hostile_run "$hm_name --json" "$hm_expect" --json "$@"
	hostile_run "$hm_name --grep" "$hm_gexpect" --grep 记者 "$@"
}

# Does the last output contain the fixed string s?
hostile_out_has() {	# name string
	if ! LC_ALL=C grep -qF -- "$2" "$T/out"; then
		hostile_fail "$1" "output lacks '$2'"
		return 1
	fi
	return 0
}

# Print the summary and exit.
hostile_done() {
	echo "$hostile_passed passed, $hostile_failed failed"
	[ "$hostile_failed" -eq 0 ]
	exit
}
