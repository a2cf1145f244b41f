#!/bin/sh
# make install puts the binary, the man pages and the articles under
# PREFIX (and DESTDIR); the installed binary, run with no argument on a
# terminal, opens its installed articles.
set -u
: "${DUBAO:?}" "${TOP:?}"
export LC_ALL=C.UTF-8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dubao-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cd "$TOP" || exit 2
make -s install PREFIX="$tmp/usr" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make install"; }
for f in usr/bin/dubao usr/share/man/man1/dubao.1 \
    usr/share/man/man7/dubao-layout.7 \
    usr/share/dubao/articles/000_2ebc2c4d283361d3.txt; do
	[ -f "$tmp/$f" ] || fail "not installed: $f"
done
cmp -s "$tmp/usr/share/dubao/articles/000_2ebc2c4d283361d3.txt" \
    articles/000_2ebc2c4d283361d3.txt || fail "article differs"

# No argument and stdin a terminal: the installed articles.  script(1)
# gives the program a terminal on stdin; --toc prints the outline.
command -v script >/dev/null || { echo "skip: no script(1)"; exit 0; }
script -qec "'$tmp/usr/bin/dubao' --toc" /dev/null </dev/null >"$tmp/out" 2>&1
tr -d '\r' <"$tmp/out" | grep -q "^1	推进监地协作 守护平安浙江" ||
    { cat "$tmp/out"; fail "the installed binary did not open its articles"; }

# DESTDIR stages the same tree under another root.
make -s install DESTDIR="$tmp/stage" PREFIX=/usr >"$tmp/log" 2>&1 || fail "make install DESTDIR"
[ -x "$tmp/stage/usr/bin/dubao" ] || fail "DESTDIR ignored"
make -s uninstall DESTDIR="$tmp/stage" PREFIX=/usr >/dev/null 2>&1 || fail "make uninstall"
[ ! -e "$tmp/stage/usr/bin/dubao" ] || fail "uninstall left the binary"
[ ! -e "$tmp/stage/usr/share/man/man7/dubao-layout.7" ] ||
    fail "uninstall left dubao-layout.7"
echo ok
