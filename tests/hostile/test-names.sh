#!/bin/sh
# Hostile file names: a page whose name holds ESC, an OSC sequence, a
# newline, a C1 control (U+009B) and an invalid UTF-8 byte, and a missing
# file with such a name.  Names reach stdout (--toc and --json name
# pages, --grep prefixes every match) and stderr ("dubao: NAME: reason"),
# so they must be sanitised like the text.
. "${TOP:-.}/tests/hostile/lib.sh"

mkdir "$T/d"
evil=$(printf 'a\033[31mb\033]0;pwn\007c\302\233d\377e')
printf '# 记者标题\n@ 本报记者 王春苗\n\n本报讯 共949次。\n' >"$T/d/$evil.txt"
printf '# 第二条新闻\n\n正文有1200余户。\n' >"$T/d/z.txt"
hostile_modes "page named with ESC, OSC, C1, invalid UTF-8" 0 "$T/d"
hostile_modes "page named ... given as a file" 0 "$T/d/$evil.txt" "$T/d/z.txt"
hostile_run "--grep --color=never with an evil page name" 0 \
    --color=never --grep 记者 "$T/d"

# A newline in a name must not start a line of its own on stdout.
nl=$(printf 'x\ny')
printf '# 标题\n' >"$T/d/$nl.txt"
hostile_run "page named with a newline --toc" 0 --toc "$T/d" &&
    if LC_ALL=C grep -q '^y\.txt' "$T/out"; then
	hostile_fail "page named with a newline --toc" \
	    "the name's newline starts a line of the outline"
    fi

# Missing and binary files with evil names: the message on stderr.
hostile_run "missing file with an evil name" 2 --dump "$T/$evil.txt"
printf '\177ELF\002\001\001' >"$T/d/$evil.bin.txt"
head -c 2000 /dev/urandom >>"$T/d/$evil.bin.txt"
hostile_run "binary page with an evil name" 2 --toc "$T/d"

hostile_done
