#!/bin/sh
# Simplified and Traditional Chinese (issue 10), on a Traditional page
# (tests/data/script/hualien.txt: 法務部矯正署 and 自由時報, see its README):
# - --grep=监狱 finds 監獄, exit codes as before (0, 1 with --exact, 2);
# - --script=simplified in --dump, --grep (same lines), --stats, --json
#   ("script", "opencc", the same source lines), --script=original and
#   LANG change nothing, a bad --script is an error;
# - a missing OpenCC dictionary (DUBAO_OPENCC_DIR an empty directory):
#   one line naming the file and libopencc-data, the text as printed;
# - the reader: /监狱 highlights 監獄 at its cells; c converts the text
#   keeping the line at the top, the search and its count; the status
#   line shows the script; five c's come back to the original; c keeps
#   the outline's filter and entry, the statistics panel's entry and the
#   statistic marked in the text (on the seed, to traditional); with the
#   dictionaries missing c says so and the reader goes on.
. "$(dirname "$0")/lib.sh"

PAGE="$TOP/tests/data/script/hualien.txt"
ESC=$(printf '\033')

# ---- the command line ---------------------------------------------------

"$DUBAO" --grep=监狱 "$PAGE" >"$WORK/g" 2>"$WORK/g.err"
rc=$?
[ $rc = 0 ] || fail "--grep=监狱: exit $rc"
[ -s "$WORK/g.err" ] && fail "--grep=监狱 wrote on stderr: $(cat "$WORK/g.err")"
grep -q '監獄' "$WORK/g" || fail "--grep=监狱 does not show 監獄"
[ "$(wc -l <"$WORK/g")" -ge 4 ] || fail "--grep=监狱: $(wc -l <"$WORK/g") matches"
"$DUBAO" --grep=監獄 "$PAGE" >"$WORK/g2"
cmp -s "$WORK/g" "$WORK/g2" || fail "--grep=監獄 and --grep=监狱 differ"
"$DUBAO" --grep=监狱 --exact "$PAGE" >/dev/null
rc=$?
[ $rc = 1 ] || fail "--grep=监狱 --exact: exit $rc, want 1"
"$DUBAO" --grep='(' --regex "$PAGE" >/dev/null 2>&1
rc=$?
[ $rc = 2 ] || fail "--grep='(' --regex: exit $rc, want 2"
"$DUBAO" --grep='监狱.{0,3}作品' --regex "$PAGE" | grep -q '監獄的作品' ||
    fail "a folded regular expression does not find 監獄的作品"

# --script=simplified: the same lines, in Simplified characters.
"$DUBAO" --grep=监狱 --script=simplified "$PAGE" >"$WORK/gs"
grep -q '监狱' "$WORK/gs" || fail "--script=simplified --grep shows no 监狱"
grep -q '監獄' "$WORK/gs" && fail "--script=simplified --grep still shows 監獄"
cut -d: -f1-3 "$WORK/g" >"$WORK/g.where"
cut -d: -f1-3 "$WORK/gs" >"$WORK/gs.where"
cmp -s "$WORK/g.where" "$WORK/gs.where" ||
    fail "--script changed the places of the matches"

"$DUBAO" --dump -w 40 "$PAGE" >"$WORK/d"
"$DUBAO" --dump -w 40 --script=simplified "$PAGE" >"$WORK/ds"
grep -q '花莲监狱' "$WORK/ds" || fail "--dump --script=simplified: no 花莲监狱"
grep -q '監' "$WORK/ds" && fail "--dump --script=simplified left a 監"
"$DUBAO" --dump -w 40 --script=original "$PAGE" >"$WORK/do"
cmp -s "$WORK/d" "$WORK/do" || fail "--script=original changed the dump"
env -u LC_ALL LANG=zh_CN.UTF-8 "$DUBAO" --dump -w 40 "$PAGE" >"$WORK/dl" 2>&1
cmp -s "$WORK/d" "$WORK/dl" || fail "LANG=zh_CN changed the script"
"$DUBAO" --dump -w 40 --script=traditional "$PAGE" >"$WORK/dt"
cmp -s "$WORK/d" "$WORK/dt" || fail "a Traditional page changed in traditional"
"$DUBAO" --toc --script=simplified "$PAGE" | grep -q '花莲监狱' ||
    fail "--toc ignores --script"
"$DUBAO" --stats --script=simplified "$PAGE" | grep -q '矫正机关核定容额' ||
    fail "--stats ignores --script"
[ "$("$DUBAO" --stats "$PAGE" | wc -l)" = \
  "$("$DUBAO" --stats --script=simplified "$PAGE" | wc -l)" ] ||
    fail "--script changed the number of statistics"

"$DUBAO" --json "$PAGE" >"$WORK/j"
"$DUBAO" --json --script=simplified "$PAGE" >"$WORK/js"
grep -q '"script":"simplified"' "$WORK/js" || fail "--json: no script"
grep -q '"opencc":"t2s.json"' "$WORK/js" || fail "--json: no opencc"
grep -q '"script":"original"' "$WORK/j" || fail "--json: no script original"
grep -o '"lines":\[[][0-9,]*\]' "$WORK/j" >"$WORK/j.lines"
grep -o '"lines":\[[][0-9,]*\]' "$WORK/js" >"$WORK/js.lines"
[ -s "$WORK/j.lines" ] || fail "--json: no lines"
cmp -s "$WORK/j.lines" "$WORK/js.lines" ||
    fail "--json --script changed the source lines"
grep -q '"unit":"人","unit_norm":"人"' "$WORK/j" || fail "--json: no unit_norm"

"$DUBAO" --script=zh_TW "$PAGE" >/dev/null 2>"$WORK/e"
rc=$?
[ $rc = 2 ] || fail "--script=zh_TW: exit $rc"
grep -q "expected original, simplified, traditional, taiwan or hongkong" \
    "$WORK/e" || fail "--script=zh_TW: $(cat "$WORK/e")"

# A missing dictionary: one line naming it and the package.
mkdir "$WORK/empty"
DUBAO_OPENCC_DIR="$WORK/empty" "$DUBAO" --grep=监狱 "$PAGE" >/dev/null \
    2>"$WORK/m.err"
rc=$?
[ $rc = 1 ] || fail "no dictionaries: --grep=监狱 exit $rc, want 1"
[ "$(wc -l <"$WORK/m.err")" = 1 ] || fail "no dictionaries: $(cat "$WORK/m.err")"
grep -q 't2s.json' "$WORK/m.err" && grep -q 'libopencc-data' "$WORK/m.err" ||
    fail "no dictionaries: the line names no file or package: $(cat "$WORK/m.err")"
DUBAO_OPENCC_DIR="$WORK/empty" "$DUBAO" --grep=監獄 "$PAGE" >/dev/null 2>&1
rc=$?
[ $rc = 0 ] || fail "no dictionaries: --grep=監獄 exit $rc, want 0"
DUBAO_OPENCC_DIR="$WORK/empty" "$DUBAO" --dump -w 40 --script=simplified \
    "$PAGE" >"$WORK/dm" 2>"$WORK/dm.err"
rc=$?
[ $rc = 0 ] || fail "no dictionaries: --script exit $rc"
cmp -s "$WORK/d" "$WORK/dm" || fail "no dictionaries: the text is not as printed"
[ "$(wc -l <"$WORK/dm.err")" = 1 ] && grep -q 't2s.json' "$WORK/dm.err" ||
    fail "no dictionaries: --script said: $(cat "$WORK/dm.err")"

# ---- the reader ------------------------------------------------------------

# match I N: the status line says "match I/N".
match() { status_has "match $1/$2"; }

start 80 24 --no-remember "$PAGE"
ready
keys / 监狱 Enter
wait_for status_has "match 1/" || fail "/监狱 found nothing"
n=$(status_line | sed -n 's/.*match 1\/\([0-9]*\).*/\1/p')
[ "$n" -ge 4 ] || fail "/监狱: $n matches"
# The highlight covers 監獄 and nothing else: an attribute change right
# before 監 and right after 獄 on a row, and the plain row has it there.
t capture-pane -p -e >"$WORK/pe"
grep -q "${ESC}\[[0-9;]*m監獄${ESC}\[" "$WORK/pe" ||
    fail "/监狱: 監獄 is not highlighted at its cells"
# The current match: the first 監獄 of the text, row and column.
row=$(text_rows | grep -n '監獄' | head -n 1 | cut -d: -f1)
[ -n "$row" ] || fail "no 監獄 on screen"
line=$(sed -n "$((row + 1))p" "$WORK/pe")
case "$line" in
*"監獄"*) ;;
*) fail "row $row of the escaped capture has no 監獄" ;;
esac
before=$(text_rows | sed -n "${row}p" | sed 's/監獄.*//')
hl=$(printf '%s' "$line" | sed "s/${ESC}\[[0-9;]*m//g" | sed 's/監獄.*//')
[ "$before" = "$hl" ] || fail "the highlight is not where 監獄 is"

# c: simplified, the same place, the search kept.
keys Escape
keys g 6j
settle
top=$(text_rows | head -n 1)
want=$(printf '%s\n' "$top" | "$DUBAO" --dump -w 80 --script=simplified - |
    sed 's/^ *//' | head -n 1)
[ -n "$want" ] || fail "cannot convert the top row"
keys / 监狱 Enter
wait_for status_has "match " || fail "/监狱 again"
keys c
wait_for status_has "简" || fail "c did not switch to simplified"
has "script: simplified" || fail "c did not say which script"
wait_for top_has "$want" ||
    fail "after c the top row is not '$want': $(text_rows | head -n 1)"
text_rows | grep -q '監' && fail "c left Traditional characters on screen"
status_has "/$n " || fail "c changed the number of matches (want $n)"
keys n
wait_for status_has "match 2/$n" || fail "n after c"
t capture-pane -p -e | grep -q "${ESC}\[[0-9;]*m监狱${ESC}\[" ||
    fail "after c the match 监狱 is not highlighted"
# traditional (the page is Traditional: as printed), taiwan, hongkong,
# and back to the original.
keys c
wait_for status_has "繁 " || fail "c did not switch to traditional"
keys c
wait_for status_has "繁台" || fail "c did not switch to taiwan"
keys c
wait_for status_has "繁港" || fail "c did not switch to hongkong"
keys c
wait_for status_has "script: original" || fail "c did not come back"
lacks "简" || fail "the original still shows a script"
# The help lists the key.
keys h
expect "Help" "h did not open the help"
k=0
while ! has "script: original, simplified" && [ $k -lt 6 ]; do
	keys Space
	settle
	k=$((k + 1))
done
has "script: original, simplified" || fail "the help does not list c"
keys q
wait_for lacks "script: original, simplified" || fail "q did not close help"
quit_ok

# c keeps the open panel as the load's swap does, with its filter and
# entry, and the statistic marked in the text, on the converted text (the
# seed is Simplified: c twice, to traditional).
start 130 30 --no-remember "$SEED"
ready
keys t
expect "Outline" "t did not open the outline"
keys / 协作 Enter
wait_for has "/协作" || fail "the outline's filter did not come"
choose "监地协作助共富"
keys c
wait_for status_has "简" || fail "c (outline open) did not switch to simplified"
keys c
wait_for status_has "繁 " || fail "c (outline open) did not switch to traditional"
wait_for has "監地協作助共富" || fail "c: the outline is not in traditional"
has "/协作" || fail "c dropped the outline's filter"
screen | grep '^>' | grep -q "監地協作助共富" ||
    fail "c moved the outline's selection: $(screen | grep '^>')"
keys Escape Escape		# the filter, then the panel
wait_for lacks "Outline" || fail "Esc did not close the outline"
quit_ok

# marked: the text (right of the sidebar's border) shows 11678人次 bold
# and reversed, as a statistic marked from the panel.
marked() {
	t capture-pane -p -e | sed 's/^.*│//' |
	    grep -q "${ESC}\[1;7m\(${ESC}\[[0-9;]*m\)*11678人次"
}
start 130 30 --no-remember "$SEED"
ready
keys s
expect "Statistics: story" "s did not open the statistics"
choose "11678人次"
keys Enter
wait_for marked || fail "Enter did not mark 11678人次 in the text"
keys c
wait_for status_has "简" || fail "c (statistics open) did not switch to simplified"
keys c
wait_for status_has "繁 " || fail "c (statistics open) did not switch to traditional"
wait_for has "就診罪犯11678人次" || fail "c: the statistics are not in traditional"
screen | grep '^>' | grep -q "11678人次" ||
    fail "c moved the statistics' selection: $(screen | grep '^>')"
marked || fail "c dropped the statistic marked in the text"
keys Escape
wait_for lacks "Statistics: story" || fail "Esc did not close the statistics"
quit_ok

# The statistics panel groups 個 and 个 as one unit.
printf '# 標題\n\n本報訊 全區設有3個服務站，另建5个服务站，共12個。\n' \
    >"$WORK/units.txt"
start 80 24 --no-remember "$WORK/units.txt"
ready
keys s
expect "Statistics: story" "s did not open the statistics"
wait_for has "count · 個 (3)" ||
    fail "the panel does not group 個 and 个 together"
keys Escape
quit_ok

# --script in the reader; with the dictionaries missing, c says so once.
start 80 24 --no-remember --script=simplified "$PAGE"
ready
wait_for status_has "简" || fail "--script=simplified: no 简 in the status"
has "花莲监狱" || fail "--script=simplified: the reader shows no 花莲监狱"
quit_ok

export DUBAO_OPENCC_DIR="$WORK/empty"
start 200 24 --no-remember "$PAGE"
unset DUBAO_OPENCC_DIR
ready
keys c
wait_for status_has "libopencc-data" || fail "c without dictionaries: no message"
keys / 監獄 Enter
wait_for status_has "match 1/" || fail "no dictionaries: /監獄 found nothing"
keys j
wait_for status_has "h:help" || fail "the reader did not go on"
quit_ok
echo "ok"
