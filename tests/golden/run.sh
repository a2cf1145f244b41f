#!/bin/sh
# Golden tests: the output modes on fixed inputs, compared byte for byte
# with the files in tests/golden/.  GENERATE=1 rewrites the expected files
# (then read the diff before committing them).
set -u
: "${DUBAO:?}"
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8
seed=articles/000_2ebc2c4d283361d3.txt
dir=tests/golden
out=${BUILD:-build}/golden
mkdir -p "$out"
fail=0

check() {	# name command...
	name=$1; shift
	"$@" >"$out/$name" 2>"$out/$name.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $name: exit $rc"; cat "$out/$name.err"; fail=1; return
	fi
	if [ "${GENERATE:-0}" = 1 ]; then
		cp "$out/$name" "$dir/$name"; echo "generated $name"; return
	fi
	if ! cmp -s "$out/$name" "$dir/$name"; then
		echo "FAIL $name differs:"; diff -u "$dir/$name" "$out/$name" | head -40
		fail=1
	else
		echo "ok $name"
	fi
}

for w in 24 40 80; do
	check "seed.w$w.txt" "$DUBAO" --dump -w "$w" "$seed"
done
check seed.raw.w40.txt "$DUBAO" --dump --raw-punct -w 40 "$seed"
check seed.toc "$DUBAO" --toc "$seed"
check seed.raw.toc "$DUBAO" --toc --raw-punct "$seed"
check seed.stats.tsv "$DUBAO" --stats "$seed"
check seed.json "$DUBAO" --json "$seed"
for f in tests/data/pages/*.txt; do
	[ -f "$f" ] || continue
	b=$(basename "$f" .txt)
	check "$b.w40.txt" "$DUBAO" --dump -w 40 "$f"
	check "$b.toc" "$DUBAO" --toc "$f"
done
# A locale whose character set is not UTF-8 (C, POSIX, none at all):
# dubao falls back to C.UTF-8 and prints the same.
for loc in C POSIX; do
	LC_ALL=$loc "$DUBAO" --dump -w 40 "$seed" >"$out/locale.$loc" 2>&1
	if cmp -s "$out/locale.$loc" "$dir/seed.w40.txt"; then
		echo "ok locale $loc"
	else
		echo "FAIL locale $loc: the dump differs"; fail=1
	fi
done
env -u LC_ALL -u LC_CTYPE -u LANG "$DUBAO" --dump -w 40 "$seed" >"$out/locale.none" 2>&1
if cmp -s "$out/locale.none" "$dir/seed.w40.txt"; then
	echo "ok no locale"
else
	echo "FAIL no locale: the dump differs"; fail=1
fi

# The sample in README.md is what the program prints.
sed -n '/^\$ dubao --dump -w 44 articles/,/^```/p' README.md | sed '1d;$d' \
    >"$out/readme.sample"
"$DUBAO" --dump -w 44 articles | sed -n 13,34p >"$out/readme.actual"
if [ -s "$out/readme.sample" ] && cmp -s "$out/readme.sample" "$out/readme.actual"; then
	echo "ok README sample"
else
	echo "FAIL README sample differs from the dump:"
	diff -u "$out/readme.sample" "$out/readme.actual" | head -20
	fail=1
fi
exit $fail
