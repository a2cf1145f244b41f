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
# (status >= 128), and, by $BUILD/tests/hostile-check in one process
# (tests/hostile/hostile-check.c, built by `make check`): output without
# C0 controls other than TAB and LF, without DEL or C1 (U+0080-U+009F),
# valid UTF-8, --json output that is one JSON text, and a stderr of at most
# HOSTILE_ERRMAX (default 5) lines of at most 300 bytes, each starting
# with "dubao: ", clean and valid UTF-8 as the output, ending with a
# newline.  One line per run is printed: "ok   NAME: exit N, OUT bytes
# out, ERR lines err" or "FAIL NAME: reason".  hostile_done exits 1 if
# anything failed.
#
# hostile_modes NAME EXPECT FILE... runs the usual output modes on FILEs:
# --dump at widths 10 and 80, --toc, --stats, --json and --grep 记者
# (whose EXPECT also allows 1, "nothing found", unless EXPECT is 2).

: "${DUBAO:?DUBAO must name the binary (run through tests/run.sh)}"
: "${TOP:=$(pwd)}"
export LC_ALL=C.UTF-8
HOSTILE_ERRMAX=${HOSTILE_ERRMAX:-5}
HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-60}
HOSTILE_CHECK=${HOSTILE_CHECK:-$TOP/${BUILD:-build}/tests/hostile-check}
[ -x "$HOSTILE_CHECK" ] || {
	echo "FAIL: $HOSTILE_CHECK not built (make check-hostile builds it)"
	exit 1
}
hostile_failed=0
hostile_passed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/dubao-hostile.XXXXXX") || exit 2
# The binary must not write position files into the user's home.
export XDG_STATE_HOME="$T/state" HOME="$T/home"
mkdir -p "$HOME"
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP

# Report a failed check.
hostile_fail() {	# name reason...
	hf_name=$1; shift
	printf 'FAIL %s: %s\n' "$hf_name" "$*"
	hostile_failed=$((hostile_failed + 1))
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
	hc_json=
	for hc_a in "$@"; do
		[ "$hc_a" = --json ] && hc_json=-j
	done
	if ! hc_res=$("$HOSTILE_CHECK" $hc_json -e "$HOSTILE_ERRMAX" \
	    "$T/out" "$T/err"); then
		hostile_fail "$hc_name" "$hc_res"
		return 1
	fi
	if [ "$hc_expect" = 0 ] && [ "$hc_rc" -eq 0 ] && [ -s "$T/err" ] &&
	    [ -n "${HOSTILE_QUIET:-}" ]; then
		hostile_fail "$hc_name" "unexpected stderr: $(head -n 1 "$T/err")"
		return 1
	fi
	hostile_passed=$((hostile_passed + 1))
	printf 'ok   %s: exit %s, %s bytes out, %s line(s) on stderr\n' \
	    "$hc_name" "$hc_rc" "${hc_res% *}" "${hc_res#* }"
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
