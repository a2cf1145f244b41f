#!/bin/sh
# Runs the test suites: run.sh BUILD PROG [unit|prop|golden|e2e|layers]...
# Prints one line per test and closes with "N passed, N failed".
BUILD=$1; PROG=$2; shift 2
[ $# -eq 0 ] && set -- layers unit golden regress prop hostile e2e
export LC_ALL=C.UTF-8
TOP=$(pwd)
export DUBAO="$TOP/$PROG" BUILD TOP
pass=0; fail=0; failed=""
mkdir -p "$BUILD/log"

run_one() {	# name command...
	name=$1; shift
	log="$BUILD/log/$(echo "$name" | tr '/ ' '__').log"
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1)); echo "PASS $name"
	else
		fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name (log: $log)"
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
	regress)
		run_one regress "$BUILD/tests/regress" "$TOP" ;;
	e2e)
		for t in tests/e2e/test-*.sh; do
			[ -f "$t" ] && run_one "e2e/${t##*/}" sh "$t"
		done ;;
	layers)
		run_one layers sh tests/layers.sh ;;
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
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
