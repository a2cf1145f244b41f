#!/bin/sh
# The fuzzer's inputs through the real binary, all of them at once: every
# file of tests/fuzz/regress (confirmed crash inputs, kept for good) and
# tests/fuzz/corpus (seeds) on one command line, once per output mode:
# --dump at widths 10 and 80, --toc, --stats, --json, --grep 记者, and a
# coloured regex grep.  No crash, bounded time, exit 0 or 2 (1 also for
# grep: nothing found), clean output, --json that parses, one "dubao: "
# line per complaint.
#
# Each input is checked alone, and in every mode, in one process per fuzz
# driver by `make check-fuzz` (tests/fuzz/replay.c; fuzz-dump runs these
# same modes on each input and checks what this script checks); this
# script keeps what only the binary shows: option parsing, exit status,
# the bytes written to a real stdout and stderr.  Adding an input costs
# no process here.
. "${TOP:-.}/tests/hostile/lib.sh"

set --
for f in "$TOP"/tests/fuzz/regress/* "$TOP"/tests/fuzz/corpus/*; do
	[ -f "$f" ] && set -- "$@" "$f"
done
[ $# -gt 0 ] || { echo "no inputs in tests/fuzz/regress or tests/fuzz/corpus"; exit 1; }
# One complaint (binary, invalid bytes, controls) or two per file at most.
HOSTILE_ERRMAX=$((2 * $# + 5))
hostile_modes "$# fuzz inputs" "0|2" "$@"
# A coloured regex grep: its own colours taken out (each must open and
# close on one line), what is left must be clean.
timeout -k 5 "$HOSTILE_TIMEOUT" "$DUBAO" --regex --exact --color=always \
    --grep '记者|[0-9]+[万亿]?[人次家]' "$@" >"$T/raw" 2>"$T/err" </dev/null
rc=$?
LC_ALL=C sed 's/\x1b\[1;31m\([^\x1b\n]*\)\x1b\[m/\1/g' "$T/raw" >"$T/out"
hostile_check "$# fuzz inputs --regex --exact --color=always --grep" \
    "0|1|2" "$rc"
LC_ALL=C grep -q "$(printf '\033')" "$T/raw" ||
    hostile_fail "--color=always" "no colour in the output"
hostile_done
