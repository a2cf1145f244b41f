#!/bin/sh
# Hostile bytes inside otherwise ordinary pages: invalid UTF-8 of every
# kind, NUL and other C0 controls, escape sequences, C1 controls, bidi
# controls, zero-width joiners and variation selectors, and the same in
# GB18030 and UTF-16.  Each page must print (exit 0) with none of it
# reaching the output.
. "${TOP:-.}/tests/hostile/lib.sh"

# A page around hostile bytes: a headline, a byline and paragraphs, the
# bytes in each of them.
page() {	# file bytes(printf format)
	{
		printf '# 标题'; printf "$2"; printf '结束\n'
		printf '@ 本报记者 王'; printf "$2"; printf '珂\n\n'
		printf '本报讯（记者 李  想） 正文'; printf "$2"
		printf '共有1200余户，增长30%%。\n\n'
		printf "$2"; printf '\n'
		printf '段落'; printf "$2"; printf "$2"; printf '完。\n'
	} >"$1"
}

# Invalid UTF-8 of every kind.
page "$T/trunc2.txt" '\303'				# 2-byte lead, no tail
page "$T/trunc3.txt" '\344\270'				# 3-byte, one missing
page "$T/trunc4.txt" '\360\237\230'			# 4-byte, one missing
page "$T/overlong.txt" '\300\257 \340\200\257 \360\200\200\257 \301\277'
page "$T/surrogate.txt" '\355\240\200 \355\277\277 \355\240\275\355\270\200'
page "$T/above10ffff.txt" '\364\220\200\200 \367\277\277\277 \370\210\200\200\200 \374\204\200\200\200\200'
page "$T/stray.txt" '\200 \277 \200\200\200 \376 \377'
page "$T/mixed-bad.txt" '\344\270\255\344\270\300\200\355\240\200\377'
for f in trunc2 trunc3 trunc4 overlong surrogate above10ffff stray mixed-bad; do
	hostile_modes "invalid-utf8 $f" 0 "$T/$f.txt"
done
# At the very end of the file.
printf '# 标题\n正文\344\270' >"$T/trunc-eof.txt"
hostile_modes "invalid-utf8 truncated at EOF" 0 "$T/trunc-eof.txt"

# Controls.
page "$T/nul.txt" 'a\000b'
hostile_modes "NUL bytes in text" 0 "$T/nul.txt"
page "$T/c0.txt" '\001\002\003\004\005\006\007\010\013\016\017\020\021\022\023\024\025\026\027\030\031\032\034\035\036\037\177'
hostile_modes "C0 controls and DEL" 0 "$T/c0.txt"
page "$T/cr.txt" 'x\ry\r\nz\r'
hostile_modes "CR and CRLF" 0 "$T/cr.txt"
page "$T/tab.txt" '\t中\t文\t'
hostile_modes "TABs" 0 "$T/tab.txt"

# Escape sequences: CSI, OSC (BEL and ST), DCS, SOS/PM/APC, charset,
# bare ESC, ESC at end of line, an unterminated OSC.
page "$T/csi.txt" '\033[31m红\033[0m\033[2J\033[H\033[?1049h\033[1;1H\033[38;5;196m\033[6n'
page "$T/osc.txt" '\033]0;title\007\033]8;;http://x/\033\\link\033]8;;\033\\\033]52;c;aGVsbG8=\007'
page "$T/dcs.txt" '\033P1$qm\033\\\033X sos \033\\\033^pm\033\\\033_apc\033\\'
page "$T/esc-misc.txt" '\033(B\033)0\033#8\033c\033=\033>\033 \033'
page "$T/osc-open.txt" '\033]0;never terminated 中文 text'
hostile_modes "escapes CSI" 0 "$T/csi.txt"
hostile_modes "escapes OSC" 0 "$T/osc.txt"
hostile_modes "escapes DCS/SOS/PM/APC" 0 "$T/dcs.txt"
hostile_modes "escapes other + bare ESC" 0 "$T/esc-misc.txt"
hostile_modes "escapes unterminated OSC" 0 "$T/osc-open.txt"
printf '# 标题\n正文\033' >"$T/esc-eof.txt"
hostile_modes "escapes ESC at EOF" 0 "$T/esc-eof.txt"

# C1 controls: as UTF-8 (C2 80-9F, incl. CSI U+009B, OSC U+009D, ST
# U+009C, NEL U+0085) and as raw 8-bit bytes (invalid UTF-8).
page "$T/c1-utf8.txt" '\302\233 31m\302\2330m\302\2350;t\302\234\302\205\302\200\302\237\302\220x\302\234'
page "$T/c1-raw.txt" '\23331m\2330m\2350;t\234\205\200\237'
hostile_modes "C1 controls (UTF-8)" 0 "$T/c1-utf8.txt"
hostile_modes "C1 controls (8-bit)" 0 "$T/c1-raw.txt"

# Bidi overrides and isolates, LRM/RLM/ALM; zero width joiners,
# variation selectors (incl. supplementary), soft hyphen, combining marks,
# emoji ZWJ sequences and skin tones, tag characters, private use,
# noncharacters, unassigned code points, U+2028/2029.
page "$T/bidi.txt" '\342\200\256反向\342\200\254\342\201\246隔离\342\201\251\342\200\217\342\200\216\330\234\342\200\252\342\200\253\342\200\255\342\201\247\342\201\250'
page "$T/zw.txt" '\342\200\213\342\200\214\342\200\215\342\201\240\357\273\277\357\270\200\357\270\217\363\240\204\200\302\255e\314\201\314\201\314\201'
page "$T/emoji.txt" '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247\360\237\221\215\360\237\217\275\342\230\203\357\270\217\360\237\217\264\363\240\201\247\363\240\201\242\363\240\201\277'
page "$T/odd-cp.txt" '\356\200\200\357\277\276\357\277\277\364\217\277\277\360\261\215\210\342\200\250\342\200\251\357\277\275\343\200\223'
hostile_modes "bidi controls" 0 "$T/bidi.txt"
hostile_modes "zero-width and selectors" 0 "$T/zw.txt"
hostile_modes "emoji sequences" 0 "$T/emoji.txt"
hostile_modes "private use, nonchars, unassigned" 0 "$T/odd-cp.txt"
# Bidi controls must be gone from the output.
hostile_run "bidi controls removed" 0 --dump -w 80 "$T/bidi.txt" &&
    if LC_ALL=C grep -q "$(printf '\342\200\256\|\342\201\246')" "$T/out"; then
	hostile_fail "bidi controls removed" "U+202E or U+2066 in output"
    fi

# Combining marks piled on one base (a "zalgo" cluster).
{ printf '# 标题\n'; printf 'a'; i=0; while [ $i -lt 500 ]; do
	printf '\314\201\315\223'; i=$((i + 1)); done; printf '文\n'; } >"$T/zalgo.txt"
hostile_modes "500 combining marks on one letter" 0 "$T/zalgo.txt"

# The same hostility in other encodings.  GB18030 with escapes and
# controls (valid GB18030 otherwise); UTF-16 with escapes, NUL, lone
# surrogates and an odd trailing byte.
if printf '# 标题\n正文\033[31m红色\033[0m，共1200家。\001\n' |
    iconv -f UTF-8 -t GB18030 >"$T/gb.txt" 2>/dev/null; then
	hostile_modes "GB18030 with escapes" 0 "$T/gb.txt"
else
	echo "skip GB18030: iconv has no GB18030"
fi
{ printf '\377\376'; printf '# 标题\n正文\033[31m红\033[0m\000x\n' |
    iconv -f UTF-8 -t UTF-16LE; printf '\000\330\041'; } >"$T/u16le.txt"
{ printf '\376\377'; printf '# 标题\n正文\302\233 2J\n' |
    iconv -f UTF-8 -t UTF-16BE; printf '\334\000'; } >"$T/u16be.txt"
hostile_modes "UTF-16LE with escapes, lone surrogate, odd byte" 0 "$T/u16le.txt"
hostile_modes "UTF-16BE with C1, lone low surrogate" 0 "$T/u16be.txt"
# UTF-8 BOM, then hostile bytes; a BOM in the middle.
{ printf '\357\273\277# 标题\n\357\273\277正文\033[1m粗\n'; } >"$T/bom.txt"
hostile_modes "UTF-8 BOM + mid-text BOM" 0 "$T/bom.txt"

# Form feeds: empty pages, trailing and repeated.
printf '\f\f# 一\n正文\f\f\n\f# 二\n\033[31m二\f' >"$T/ff.txt"
hostile_modes "form feeds, empty pages" 0 "$T/ff.txt"

# All 256 byte values, several times over, in a text page.
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import sys; sys.stdout.buffer.write(("# 标题\n正文".encode() + bytes(range(256)) + "。\n".encode()) * 4)' >"$T/all.txt"
	hostile_modes "all 256 byte values" "0|2" "$T/all.txt"
fi

hostile_done
