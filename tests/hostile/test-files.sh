#!/bin/sh
# Hostile files: binary (PNG, ELF + random bytes, gzip), endless
# /dev/zero and /dev/urandom (as paths and on stdin), a 200 GB sparse
# file, /dev/null, a
# FIFO written by a background process, standard input, a directory
# without pages, a directory named like a page, an unreadable file, a
# missing file among good ones (good pages still printed, exit 2), an
# empty file (exit 0, empty page), a symlink loop.
. "${TOP:-.}/tests/hostile/lib.sh"

good="$T/good.txt"
printf '# 好新闻标题\n@ 本报记者 王春苗\n\n本报讯 共帮扶949次。\n' >"$good"
good2="$T/good2.txt"
printf '# 第二条新闻\n\n正文有1200余户。\n' >"$good2"

# Binary files are refused: exit 2, one message.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020' >"$T/img.png"
head -c 4096 /dev/urandom >>"$T/img.png"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000>\000' >"$T/prog"
head -c 8192 /dev/urandom >>"$T/prog"
printf '\037\213\010\000' >"$T/x.gz"; head -c 1000 /dev/urandom >>"$T/x.gz"
head -c 65536 /dev/urandom >"$T/random.bin"
hostile_modes "binary PNG" 2 "$T/img.png"
LC_ALL=C grep -q 'binary' "$T/err" ||
    hostile_fail "binary PNG message" "stderr does not say binary: $(cat "$T/err")"
hostile_modes "binary ELF + random" 2 "$T/prog"
hostile_modes "binary gzip" 2 "$T/x.gz"
# Random bytes without a magic number: refused or shown, never a crash.
hostile_modes "64 KiB of random bytes" "0|2" "$T/random.bin"
# A binary file among good ones: the good ones still print, exit 2.
hostile_run "binary among good files" 2 --dump -w 40 "$good" "$T/prog" "$good2" &&
    hostile_out_has "binary among good files" "好新闻标题" &&
    hostile_out_has "binary among good files" "第二条新闻"

# /dev/null: an empty page.
hostile_modes "/dev/null" 0 /dev/null

# Endless binary streams: refused once the first 64 KiB are in, not read
# until memory runs out (the timeout would say "timed out").
for dev in /dev/zero /dev/urandom; do
	[ -c "$dev" ] || continue
	hostile_run "endless $dev" 2 --dump "$dev" &&
	    { LC_ALL=C grep -q "$dev: binary file" "$T/err" ||
	    hostile_fail "endless $dev" "no binary message: $(cat "$T/err")"; }
done
timeout -k 5 "$HOSTILE_TIMEOUT" "$DUBAO" --dump </dev/zero >"$T/out" 2>"$T/err"
hostile_check "endless /dev/zero on stdin" 2 $? --dump
# A sparse file of 200 GB of zeros: no memory holds its size, yet it is
# refused as binary like any other, not "out of memory".
if truncate -s 200G "$T/sparse.bin" 2>/dev/null; then
	hostile_run "sparse 200 GB file" 2 --dump "$T/sparse.bin" &&
	    { LC_ALL=C grep -q "binary file" "$T/err" ||
	    hostile_fail "sparse 200 GB file" "not refused as binary: $(cat "$T/err")"; }
	rm -f "$T/sparse.bin"
fi

# Empty file: exit 0, an empty page, no output from --dump.
: >"$T/empty.txt"
hostile_modes "empty file" 0 "$T/empty.txt"
hostile_run "empty file prints nothing" 0 --dump -w 80 "$T/empty.txt" &&
    [ -s "$T/out" ] && hostile_fail "empty file prints nothing" \
    "$(wc -c <"$T/out") bytes of output"
hostile_run "empty file in JSON" 0 --json "$T/empty.txt" &&
    hostile_out_has "empty file in JSON" '"pages"'

# A FIFO written by a background process (slowly, in pieces).
if mkfifo "$T/fifo" 2>/dev/null; then
	for m in "--dump -w 40" --toc --json; do
		{ printf '# 管道标题\n'; sleep 1; printf '本报讯 \033[31m共949次。\n'; } >"$T/fifo" &
		wp=$!
		# shellcheck disable=SC2086
		hostile_run "FIFO $m" 0 $m "$T/fifo" &&
		    hostile_out_has "FIFO $m" "管道标题"
		kill "$wp" 2>/dev/null; wait "$wp" 2>/dev/null
	done
else
	echo "skip FIFO: mkfifo failed"
fi

# Standard input: "-", and no file at all with stdin a pipe.
for m in "--dump -w 40" --stats --json; do
	# shellcheck disable=SC2086
	timeout -k 5 60 "$DUBAO" $m - <"$good" >"$T/out" 2>"$T/err"
	hostile_check "stdin '-' $m" 0 $? $m && hostile_out_has "stdin '-' $m" "949"
	# shellcheck disable=SC2086
	printf '# 标题\n\033]0;x\007\000正文\n' | timeout -k 5 60 "$DUBAO" $m \
	    >"$T/out" 2>"$T/err"
	hostile_check "stdin pipe with escapes $m" 0 $? $m
done

# Directories: one without pages, one of pages holding a directory
# named like a page and a binary "page", an empty directory.
mkdir "$T/nopages" "$T/mixed" "$T/emptydir" "$T/mixed/sub.txt"
printf 'x' >"$T/nopages/readme.md"
cp "$good" "$T/mixed/a.txt"; cp "$T/prog" "$T/mixed/b.txt"; cp "$good2" "$T/mixed/c.txt"
hostile_modes "directory without pages" 2 "$T/nopages"
hostile_modes "empty directory" 2 "$T/emptydir"
hostile_run "directory with a subdirectory and a binary page" 2 --toc "$T/mixed" &&
    hostile_out_has "directory with a subdirectory and a binary page" "第二条新闻"

# Missing file among good ones: good pages still printed, exit 2.
for m in "--dump -w 40" --toc --stats --json; do
	# shellcheck disable=SC2086
	hostile_run "missing file among good ones $m" 2 $m "$good" \
	    "$T/no-such-file.txt" "$good2" &&
	    if [ "$m" = --stats ]; then
		hostile_out_has "missing file among good ones $m" "949" &&
		hostile_out_has "missing file among good ones $m" "1200"
	    else
		hostile_out_has "missing file among good ones $m" "好新闻标题" &&
		hostile_out_has "missing file among good ones $m" "第二条新闻"
	    fi
done
hostile_run "missing file among good ones --grep" 2 --grep 新闻 "$good" \
    "$T/no-such-file.txt" "$good2" &&
    hostile_out_has "missing file among good ones --grep" "第二条新闻"
hostile_run "only a missing file" 2 --dump "$T/no-such-file.txt"

# A symlink loop and a dangling symlink.
ln -s "$T/loop" "$T/loop" 2>/dev/null &&
    hostile_run "symlink loop" 2 --dump "$T/loop"
ln -s "$T/nowhere" "$T/dangling.txt" 2>/dev/null &&
    hostile_run "dangling symlink" 2 --dump "$T/dangling.txt"

# An unreadable file.  Root reads anything, so as root run the binary as
# nobody (setpriv); without setpriv skip, saying why.
cp "$good" "$T/secret.txt"; chmod 000 "$T/secret.txt"
mkdir "$T/locked"; cp "$good" "$T/locked/page.txt"; chmod 000 "$T/locked"
if [ "$(id -u)" -ne 0 ]; then
	hostile_run "unreadable file (chmod 000)" 2 --dump "$T/secret.txt"
	hostile_run "unreadable among good" 2 --dump "$good" "$T/secret.txt" &&
	    hostile_out_has "unreadable among good" "949"
	hostile_run "file in a directory without permissions" 2 --dump \
	    "$T/locked/page.txt"
	hostile_run "directory without permissions" 2 --dump "$T/locked"
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$DUBAO" --version \
    >/dev/null 2>&1; then
	chmod 755 "$T"; chmod 644 "$good"
	asnobody() {	# name expect arg...
	    an_name=$1 an_expect=$2; shift 2
	    timeout -k 5 60 setpriv --reuid=nobody --regid=nogroup \
		--clear-groups "$DUBAO" "$@" >"$T/out" 2>"$T/err" </dev/null
	    hostile_check "$an_name (as nobody)" "$an_expect" $? "$@"
	}
	asnobody "unreadable file (chmod 000)" 2 --dump "$T/secret.txt"
	asnobody "unreadable among good" 2 --dump "$good" "$T/secret.txt" &&
	    hostile_out_has "unreadable among good" "949"
	asnobody "file in a directory without permissions" 2 --dump "$T/locked/page.txt"
	asnobody "directory without permissions" 2 --dump "$T/locked"
	chmod 700 "$T"
else
	echo "skip unreadable file: running as root and setpriv cannot drop" \
	    "to nobody, so chmod 000 does not make a file unreadable"
fi
chmod 700 "$T/locked"

hostile_done
