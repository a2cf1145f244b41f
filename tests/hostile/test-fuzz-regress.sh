#!/bin/sh
# Replays fuzzer findings against the real binary: every input in
# tests/fuzz/regress/ (confirmed crash inputs, kept for good) and the
# seeds in tests/fuzz/corpus/ go through --dump (widths 10 and 80),
# --toc, --stats and --json; no crash, bounded time, clean output.
# Inputs named search-* are fuzz-search inputs (byte 0: mode, low 2 bits
# = literal, exact, regex, regex+exact; byte 1: pattern length; then the
# pattern and the page): their pattern (up to a NUL) is also run with
# --grep, with and without colour.
. "${TOP:-.}/tests/hostile/lib.sh"

n=0
for f in "$TOP"/tests/fuzz/regress/* "$TOP"/tests/fuzz/corpus/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=${f#"$TOP"/tests/fuzz/}
	case ${f##*/} in
	search-*)
		mode=$(od -An -tu1 -N1 "$f" | tr -d ' ')
		plen=$(od -An -tu1 -j1 -N1 "$f" | tr -d ' ')
		dd if="$f" of="$T/pat" bs=1 skip=2 count="$plen" 2>/dev/null
		dd if="$f" of="$T/page" bs=1 skip=$((2 + plen)) 2>/dev/null
		pat=$(sed -z q "$T/pat" | tr -d '\000')
		case $((mode & 3)) in
		0) set -- ;;
		1) set -- --exact ;;
		2) set -- --regex ;;
		3) set -- --regex --exact ;;
		esac
		hostile_run "$name --grep" "0|1|2" "$@" --grep "$pat" "$T/page"
		timeout -k 5 60 "$DUBAO" --color=always "$@" --grep "$pat" \
		    "$T/page" >"$T/raw" 2>"$T/err" </dev/null
		rc=$?
		LC_ALL=C sed 's/\x1b\[1;31m/\n/g; s/\x1b\[m/\n/g' "$T/raw" >"$T/out"
		hostile_check "$name --grep --color=always" "0|1|2" "$rc"
		hostile_modes "$name (page)" "0|2" "$T/page"
		;;
	*)
		hostile_modes "$name" "0|2" "$f" ;;
	esac
done
[ $n -gt 0 ] || echo "no inputs in tests/fuzz/regress or tests/fuzz/corpus"
hostile_done
