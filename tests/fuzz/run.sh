#!/bin/sh
# Runs libFuzzer targets: run.sh SECONDS BIN...
#
# Each target NAME (fuzz-NAME) gets a working corpus build/fuzz/corpus-NAME/
# seeded from articles/*.txt, tests/data/**/*.txt and tests/fuzz/corpus/,
# and runs for SECONDS with the dictionary tests/fuzz/dubao.dict.  Crashes,
# timeouts and OOMs go to build/fuzz/crashes/NAME/.  Prints one line per
# target (executions and findings) and exits 1 if any target found one.
# FUZZ_JOBS=N runs N targets at a time (default 1).
SECONDS_=${1:?usage: run.sh SECONDS BIN...}; shift
[ $# -gt 0 ] || { echo "usage: run.sh SECONDS BIN..." >&2; exit 2; }
TOP=$(pwd)
OUT=$TOP/build/fuzz
DICT=$TOP/tests/fuzz/dubao.dict
JOBS=${FUZZ_JOBS:-1}
export LC_ALL=C.UTF-8
mkdir -p "$OUT/log"

# Seed a working corpus (copies only files not there yet).
fuzz_seed() {	# dir
	for f in "$TOP"/articles/*.txt "$TOP"/tests/fuzz/corpus/* \
	    $(find "$TOP/tests/data" -name '*.txt' 2>/dev/null); do
		[ -f "$f" ] || continue
		b=seed-$(echo "$f" | sed "s|^$TOP/||; s|/|_|g")
		[ -f "$1/$b" ] || cp "$f" "$1/$b"
	done
}

fuzz_one() {	# bin
	bin=$1
	name=${bin##*/}; name=${name#fuzz-}
	corpus=$OUT/corpus-$name
	crashes=$OUT/crashes/$name
	log=$OUT/log/$name.log
	mkdir -p "$corpus" "$crashes"
	fuzz_seed "$corpus"
	case $name in
	parse|layout|stats) maxlen=16384 ;;
	*) maxlen=65536 ;;
	esac
	before=$(ls "$crashes" | wc -l)
	"$bin" "$corpus" -dict="$DICT" -max_total_time="$SECONDS_" \
	    -max_len=$maxlen -timeout=10 -rss_limit_mb=4096 \
	    -artifact_prefix="$crashes/" -print_final_stats=1 \
	    -close_fd_mask=1 >"$log" 2>&1
	rc=$?
	after=$(ls "$crashes" | wc -l)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -n 1 | \
	    sed -n 's/.*cov: \([0-9]*\).*ft: \([0-9]*\).*/cov \1 ft \2/p')
	files=$(ls "$corpus" | wc -l)
	new=$((after - before))
	if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then
		echo "FAIL $name: ${execs:-?} executions, $cov, corpus $files," \
		    "rc $rc, $new new finding(s) in build/fuzz/crashes/$name/" \
		    "(log: build/fuzz/log/$name.log)"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant failed)' "$log" | \
		    head -n 3 | sed 's/^/    /'
		echo "$name" >>"$OUT/log/.failed"
	else
		echo "ok   $name: ${execs:-?} executions, $cov, corpus $files," \
		    "no findings"
	fi
}

rm -f "$OUT/log/.failed"
n=0
for bin in "$@"; do
	[ -x "$bin" ] || { echo "FAIL ${bin##*/}: not built"; \
	    echo "$bin" >>"$OUT/log/.failed"; continue; }
	if [ "$JOBS" -gt 1 ]; then
		fuzz_one "$bin" &
		n=$((n + 1))
		[ $((n % JOBS)) -eq 0 ] && wait
	else
		fuzz_one "$bin"
	fi
done
wait
if [ -s "$OUT/log/.failed" ]; then
	echo "fuzz: findings in: $(sort -u "$OUT/log/.failed" | tr '\n' ' ')"
	exit 1
fi
echo "fuzz: no findings"
exit 0
