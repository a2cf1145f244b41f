#!/bin/sh
# The less keys and options, with less's meaning adapted to reflowed
# text: +G, +N and +/PATTERN on the command line; 50p and %; marks (m a,
# ' a, '') kept with the position; :n and :p; = and ^G; v opens the
# editor at the source line (not for stdin); ^E and ^Y; F follows a file
# that grows until Esc or ^C.
. "$(dirname "$0")/lib.sh"

seed="$SEED/000_2ebc2c4d283361d3.txt"

# +G: the end; +2: story 2; +/PATTERN: its first match.
start 80 24 --no-remember +G "$SEED"
ready
wait_for status_has "100%" || fail "+G did not open at the end"
status_has "2/2" || fail "+G is not on the last story"
quit_ok
start 80 24 --no-remember +2 "$SEED"
ready
wait_for status_has "2/2" || fail "+2 did not open at story 2"
quit_ok
start 80 24 --no-remember +/戴雍峰 "$SEED"
ready
wait_for status_has "match 1/" || fail "+/戴雍峰 did not search"
text_rows | grep -q 戴雍峰 || fail "+/戴雍峰: the match is not on screen"
quit_ok

# 50p: half way; p: the top; ^E and ^Y: a line down and up.  (This run
# saves its position and marks.)
start 80 24 "$SEED"
ready
top0=$(text_rows | head -n 1)
keys C-e
wait_for top_lacks "$top0" || fail "^E did not scroll down"
keys C-y
wait_for top_has "$top0" || fail "^Y did not scroll back up"
keys 5 0 p
wait_for sh -c 'tmux -L "$0" capture-pane -p | tail -n 1 | grep -q " \(5[0-9]\|6[0-9]\)%"' "$SOCK" ||
    fail "50p is not about half way: $(status_line)"
keys p
wait_for top_has "$top0" || fail "p did not go to the top"

# Marks: m a here (half way), G, ' a back; '' to where the jump came
# from (the end).
keys 5 0 '%'
settle
mid=$(text_rows | head -n 1)
keys m a G
wait_for status_has "100%" || fail "G did not reach the end"
keys "'" a
wait_for top_has "$mid" || fail "'a did not go back to the mark"
keys "'" "'"
wait_for status_has "100%" || fail "'' did not go back to the end"
keys "'" b
wait_for status_has "no mark b" || fail "'b (not set) says nothing"
# = and ^G: the page, story, source line and byte of the first text
# line (the headline of story 1, on line 3 of the seed).
keys g ']' '='
wait_for status_has "page 1/1  story 1/2" || fail "= says nothing: $(status_line)"
status_has "line 3 " || fail "= does not give the line: $(status_line)"
keys C-g
wait_for status_has "byte $(head -n 2 "$seed" | wc -c) of $(wc -c < "$seed")" ||
    fail "^G does not give the byte: $(status_line)"
quit_ok
# The mark is kept with the position: a new run goes to it.
start 80 24 "$SEED"
ready
keys "'" a
wait_for top_has "$mid" || fail "mark a was not kept between runs"
quit_ok

# :n and :p: the next and the previous file.
cp "$seed" "$WORK/second.txt"
start 80 24 --no-remember "$seed" "$WORK/second.txt"
ready
keys : n
wait_for status_has "3/4" || fail ":n did not go to the next file"
keys : p
wait_for status_has "1/4" || fail ":p did not go to the previous file"
keys : p
wait_for status_has "no previous file" || fail ":p in the first file says nothing"
quit_ok

# v: the editor (here a script that notes its arguments) at the line of
# the first text line; not for standard input.
cat > "$WORK/editor" <<EOF
#!/bin/sh
echo "\$@" > '$WORK/edited'
EOF
chmod +x "$WORK/editor"
line=$(grep -n "开启平安共建新路径" "$seed" | head -n 1 | cut -d: -f1)
start_cmd 80 24 "VISUAL='$WORK/editor' \"\$DUBAO\" --no-remember '$seed'"
ready
keys '}'
wait_for top_has "开启平安共建新路径" || fail "} did not reach the section"
keys v
wait_for test -s "$WORK/edited" || fail "v did not run the editor"
[ "$(cat "$WORK/edited")" = "+$line $seed" ] ||
    fail "v ran the editor with '$(cat "$WORK/edited")', not '+$line $seed'"
wait_for status_has "h:help" || fail "no reader after the editor"
has "开启平安共建新路径" || fail "the screen is not back after the editor"
quit_ok
start_cmd 80 24 "cat '$seed' | VISUAL='$WORK/editor' \"\$DUBAO\" --no-remember"
ready
keys v
wait_for status_has "standard input cannot be edited" || fail "v on stdin says nothing"
quit_ok

# F: a page added to the file shows, at the end; Esc stops following;
# ^C stops it too, without quitting.
cp "$seed" "$WORK/grow.txt"
start 80 24 --no-remember "$WORK/grow.txt"
ready
keys F
wait_for status_has "following" || fail "F does not say it follows"
{ printf '\f'; cat "$seed"; } >> "$WORK/grow.txt"
wait_for status_has "4/4" || fail "F: the new page did not show at the end"
keys Escape
wait_for status_has "stopped following" || fail "Esc did not stop following"
keys F
wait_for status_has "following" || fail "F again"
keys C-c
wait_for status_has "stopped following" || fail "^C did not stop following"
settle
exited && fail "^C while following quit the reader"
quit_ok
echo ok
