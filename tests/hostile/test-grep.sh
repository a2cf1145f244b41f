#!/bin/sh
# Hostile --grep patterns: invalid UTF-8 (in every mode, with colour),
# control characters and escape sequences, catastrophic regular
# expressions on long lines, invalid regular expressions, empty and
# empty-matching patterns, a 100 KB pattern, a pattern matching
# everything.  Exit 0 (found), 1 (not found) or 2 (invalid pattern),
# bounded time, clean output.  With --color=always the only escapes
# allowed are the match colours ESC[1;31m and ESC[m.
. "${TOP:-.}/tests/hostile/lib.sh"

page="$T/page.txt"
{ printf '# 记者标题\n@ 本报记者 王春苗\n\n本报讯（记者 李  想） 中中中中中中，共949次、11678人次。\n\n'
  printf 'ABC abc ＡＢＣ ﬁ Straße STRASSE e\314\201 é\n'; } >"$page"

# --color=always output: our colour escapes made newlines (so a colour
# that splits a character leaves invalid UTF-8), then the usual checks.
grep_color() {	# name expect arg...
	gc_name=$1 gc_expect=$2; shift 2
	timeout -k 5 60 "$DUBAO" --color=always "$@" >"$T/raw" 2>"$T/err" </dev/null
	gc_rc=$?
	LC_ALL=C sed 's/\x1b\[1;31m/\n/g; s/\x1b\[m/\n/g' "$T/raw" >"$T/out"
	hostile_check "$gc_name" "$gc_expect" "$gc_rc" "$@"
}

modes="literal exact regex regex-exact"
margs() {	# mode
	case $1 in
	literal) ;;
	exact) echo --exact ;;
	regex) echo --regex ;;
	regex-exact) echo --regex --exact ;;
	esac
}

# Invalid UTF-8 in the pattern: a lone continuation byte, a truncated
# character, an overlong form, a surrogate.
for pat in '\255' '\344\270' '\300\257' '\355\240\200' '\255中\344\270'; do
	p=$(printf "$pat")
	for m in $modes; do
		# shellcheck disable=SC2046
		hostile_run "invalid UTF-8 pattern '$pat' $m" "0|1|2" \
		    $(margs $m) --grep "$p" "$page"
		# shellcheck disable=SC2046
		grep_color "invalid UTF-8 pattern '$pat' $m --color=always" \
		    "0|1|2" $(margs $m) --grep "$p" "$page"
	done
done

# Controls and escapes in the pattern (the text has none left).
for pat in '\033[31m' '\033' '\302\233' '\n' '\t' '\001' '\177' 'a\nb'; do
	p=$(printf "$pat")
	for m in $modes; do
		# shellcheck disable=SC2046
		hostile_run "control pattern '$pat' $m" "0|1|2" $(margs $m) \
		    --grep "$p" "$page"
	done
done

# Bidi and zero-width characters in the pattern.
for pat in '\342\200\256' '\342\200\213' '\357\270\217' '\314\201'; do
	p=$(printf "$pat")
	for m in $modes; do
		# shellcheck disable=SC2046
		grep_color "odd pattern '$pat' $m" "0|1|2" $(margs $m) \
		    --grep "$p" "$page"
	done
done

# Catastrophic regular expressions on a 100 KB line of 'a' (and of 中).
{ printf '# 标题\n'; head -c 100000 /dev/zero | tr '\0' 'a'; printf '!\n\n';
  yes '中' | head -n 30000 | tr -d '\n'; printf '\n'; } >"$T/aaa.txt"
for re in '(a*)*b' '(a|aa)+$' '((a+)+)+c' '(a|a?)+b' '(.*)*x' '(中*)*x' \
    '^(([a-z])+.)+[A-Z]([a-z])+$' '(?:a+){20}b' '(a{1,1000}){1,1000}b' \
    '\X*\X*\X*\X*x'; do
	hostile_run "catastrophic regex '$re'" "0|1|2" --regex --grep "$re" "$T/aaa.txt"
	hostile_run "catastrophic regex '$re' --exact" "0|1|2" --regex --exact \
	    --grep "$re" "$T/aaa.txt"
done

# Invalid regular expressions: exit 2 with one message.
for re in '(' '[' 'a{2,1}' '(?<' '\' '*' '(?P<n>a)(?P<n>b)' '\p{Nope}' \
    '\g{9}'; do
	hostile_run "invalid regex '$re'" 2 --regex --grep "$re" "$page" &&
	    if ! LC_ALL=C grep -q '^dubao: invalid regular expression' "$T/err"; then
		hostile_fail "invalid regex '$re'" "no 'invalid regular expression' message"
	    fi
done

# Empty pattern and patterns that match the empty string: nothing.
hostile_run "empty pattern" 1 --grep '' "$page"
hostile_run "empty-matching regex a*" "0|1" --regex --grep 'a*' "$page"
hostile_run "empty-matching regex ^" 1 --regex --grep '^' "$page"
hostile_run "empty-matching regex (?=中)" 1 --regex --grep '(?=中)' "$page"
hostile_run "empty-matching regex \\b" 1 --regex --grep '\b' "$page"

# A 100 KB pattern, literal and regex.
big=$(head -c 100000 /dev/zero | tr '\0' 'a')
hostile_run "100 KB literal pattern" "0|1" --grep "$big" "$T/aaa.txt"
hostile_run "100 KB regex pattern" "0|1|2" --regex --grep "$big" "$T/aaa.txt"

# A pattern matching every character of a 300 KB page.
yes '中文，记者。' | head -n 20000 >"$T/many.txt"
hostile_run "regex . on 20,000 lines" 0 --regex --grep . "$T/many.txt"
grep_color "regex . on 20,000 lines --color=always" 0 --regex --grep . "$T/many.txt"

hostile_done
