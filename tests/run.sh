#!/bin/sh
# Runs the test suites:
#	run.sh BUILD PROG [layers|man|unit|golden|regress|prop|fuzz|hostile|e2e|valgrind]...
# Prints one line per test with its seconds and closes with "N passed,
# N failed" and the total.  fuzz runs each fuzz driver linked with
# tests/fuzz/replay.c ($BUILD/tests/replay-fuzz-*) over every input of
# tests/fuzz/regress and tests/fuzz/corpus, in one process per driver;
# man runs mandoc -T lint -W warning on every page in man/.
BUILD=$1; PROG=$2; shift 2
[ $# -eq 0 ] && set -- layers man unit golden regress prop fuzz hostile e2e
export LC_ALL=C.UTF-8
TOP=$(pwd)
export DUBAO="$TOP/$PROG" BUILD TOP
pass=0; fail=0; failed=""
mkdir -p "$BUILD/log"
start=$(date +%s%N)

# Seconds since nanosecond time $1, with one decimal.
since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

run_one() {	# name command...
	name=$1; shift
	log="$BUILD/log/$(echo "$name" | tr '/ ' '__').log"
	t0=$(date +%s%N)
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1)); echo "PASS $name ($(since "$t0") s)"
	else
		fail=$((fail + 1)); failed="$failed $name"
		echo "FAIL $name ($(since "$t0") s; log: $log)"
		tail -n 30 "$log" | sed 's/^/    /'
	fi
}

for suite in "$@"; do
	case $suite in
	unit)
		for t in "$BUILD"/tests/test-*; do
			case $t in *.o|*.d) continue ;; esac
			[ -x "$t" ] && run_one "unit/${t##*/}" "$t"
		done ;;
	prop)
		for t in "$BUILD"/tests/prop-*; do
			case $t in *.o|*.d) continue ;; esac
			[ -x "$t" ] && run_one "prop/${t##*/}" "$t"
		done ;;
	golden)
		run_one golden sh tests/golden/run.sh ;;
	fuzz)
		for t in "$BUILD"/tests/replay-fuzz-*; do
			case $t in *.o|*.d) continue ;; esac
			[ -x "$t" ] && run_one "fuzz/${t##*/}" "$t" \
			    tests/fuzz/regress tests/fuzz/corpus \
			    tests/regress/*/
		done ;;
	regress)
		run_one regress "$BUILD/tests/regress" "$TOP" ;;
	e2e)
		for t in tests/e2e/test-*.sh; do
			[ -f "$t" ] && run_one "e2e/${t##*/}" sh "$t"
		done ;;
	layers)
		run_one layers sh tests/layers.sh ;;
	man)
		for t in man/*.[0-9]; do
			[ -f "$t" ] && run_one "man/${t##*/}" \
			    mandoc -T lint -W warning "$t"
		done ;;
	hostile)
		for t in tests/hostile/test-*.sh; do
			[ -f "$t" ] && run_one "hostile/${t##*/}" sh "$t"
		done ;;
	valgrind)
		for t in tests/valgrind/test-*.sh; do
			[ -f "$t" ] && run_one "valgrind/${t##*/}" sh "$t"
		done ;;
	esac
done
echo "$pass passed, $fail failed ($(since "$start") s)"
[ $fail -eq 0 ]
