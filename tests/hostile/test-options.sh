#!/bin/sh
# Hostile option values: widths out of range or not numbers, huge
# numbers, escapes in option arguments (echoed in the error message).
# Exit 2 with one "dubao: " line, or 0 where the value is valid.
. "${TOP:-.}/tests/hostile/lib.sh"

page="$T/page.txt"
printf '# 标题\n\n本报讯 共949次。\n' >"$page"

for w in 0 9 501 -1 -10 99999999999999999999 abc 10x '' 0x10; do
	hostile_run "--width '$w'" 2 --dump -w "$w" "$page"
done
hostile_run "--width 10" 0 --dump -w 10 "$page"
hostile_run "--width 500" 0 --dump -w 500 "$page"
hostile_run "--width 010 (leading zero)" "0|2" --dump -w 010 "$page"
hostile_run "--width ' 10' (leading space)" "0|2" --dump -w " 10" "$page"
hostile_run "--story 0" 2 --dump --story 0 "$page"
hostile_run "--story huge" "0|2" --dump --story 99999999999 "$page"
hostile_run "--measure -5" 2 --dump --measure -5 "$page"
hostile_run "--color bogus" 2 --color bogus --grep 记者 "$page"
hostile_run "unknown option" 2 --no-such-option "$page"
# An option argument with escapes is echoed in the message: it must be
# made harmless.
hostile_run "--width with ESC" 2 --dump -w "$(printf '\033]0;pwn\007\302\233')" "$page"
hostile_run "--color with ESC" 2 --color "$(printf '\033[31m')" --grep x "$page"
hostile_run "--script bogus" 2 --script zh_TW --dump "$page"
hostile_run "--script empty" 2 --script '' --dump "$page"
hostile_run "--script with ESC" 2 --script "$(printf '\033]0;pwn\007')" --dump "$page"
hostile_run "--script traditional" 0 --script traditional --dump "$page"

hostile_done
