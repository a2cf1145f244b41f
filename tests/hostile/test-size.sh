#!/bin/sh
# Hostile sizes and shapes: a 1 MB line with no break opportunity (Latin
# letters, digits, an em dash run), 100,000 blank lines, a 50 MB page
# (marked stories, and one 50 MB paragraph), a directory of 10,000
# pages, a 2,000-character headline, a page of nothing but punctuation,
# deep nesting of brackets, 100,000 tiny stories.  All exit 0 within
# the time limit.
. "${TOP:-.}/tests/hostile/lib.sh"

# A 1 MB line without break opportunity.
mb=1048576
{ printf '# 标题\n'; head -c $mb /dev/zero | tr '\0' 'a'; printf '\n'; } >"$T/latin.txt"
{ printf '# 标题\n本报讯 '; head -c $mb /dev/zero | tr '\0' '7'; printf '人次\n'; } >"$T/digits.txt"
{ printf '# 标题\n'; yes '—' | head -n 350000 | tr -d '\n'; printf '\n'; } >"$T/dash.txt"
{ printf '# 标题\nhttp://'; head -c $mb /dev/zero | tr '\0' 'x'; printf '.com/\n'; } >"$T/url.txt"
hostile_modes "1 MB Latin word" 0 "$T/latin.txt"
hostile_modes "1 MB number" 0 "$T/digits.txt"
hostile_modes "1 MB em-dash run" 0 "$T/dash.txt"
hostile_modes "1 MB URL" 0 "$T/url.txt"
# The text of the 1 MB word is all there at width 10 (nothing lost).
hostile_run "1 MB Latin word kept whole" 0 --dump -w 10 "$T/latin.txt" &&
    n=$(LC_ALL=C tr -cd 'a' <"$T/out" | wc -c) &&
    [ "$n" -ne $mb ] && hostile_fail "1 MB Latin word kept whole" \
    "$n of $mb letters in the output"

# 100,000 blank lines (and blank lines holding only spaces and
# ideographic spaces), between two paragraphs.
{ printf '# 标题\n第一段。\n'; yes '' | head -n 100000; printf '第二段。\n'; } >"$T/blank.txt"
{ printf '# 标题\n第一段。\n'; yes '  　 ' | head -n 100000; printf '第二段。\n'; } >"$T/spaces.txt"
yes '' | head -n 100000 >"$T/only-blank.txt"
hostile_modes "100,000 blank lines" 0 "$T/blank.txt"
hostile_modes "100,000 lines of spaces" 0 "$T/spaces.txt"
hostile_modes "nothing but 100,000 blank lines" 0 "$T/only-blank.txt"

# A 50 MB page: marked stories, then one heuristic paragraph.
p='本报讯 近年来，浙江监狱一直没有停下推进监地协作的脚步，共帮扶949次、11678人次，覆盖25家单位，历时30余年。'
{ printf '# 标题\n@ 本报记者 王春苗\n\n'; yes "$p" | head -n 40; printf '\n## 小标题\n\n'; } >"$T/story.txt"
i=0; while [ $i -lt 12 ]; do cat "$T/story.txt" "$T/story.txt" >"$T/s2.txt"; mv "$T/s2.txt" "$T/story.txt"; i=$((i + 1)); done
head -c 52428800 "$T/story.txt" >"$T/big.txt"; rm -f "$T/story.txt"
hostile_modes "50 MB page of stories" 0 "$T/big.txt"
rm -f "$T/big.txt"
yes "$p" | head -c 52428800 >"$T/para.txt"
hostile_modes "50 MB single paragraph" 0 "$T/para.txt"
rm -f "$T/para.txt"

# A directory of 10,000 pages.
mkdir "$T/dir"
awk -v d="$T/dir" 'BEGIN { for (i = 0; i < 10000; i++) {
	f = sprintf("%s/p%05d.txt", d, i)
	printf "# 第%d条新闻\n@ 本报记者 王%d\n\n本报讯 共%d人次。\n", i, i, i > f
	close(f) } }'
hostile_modes "directory of 10,000 pages" 0 "$T/dir"
hostile_run "directory of 10,000 pages: last page shown" 0 --toc "$T/dir" &&
    hostile_out_has "directory of 10,000 pages: last page shown" "第9999条新闻"
rm -rf "$T/dir"

# 100,000 tiny stories on one page; 20,000 form-feed pages in one file.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "# %d\n正文%d。\n", i, i }' >"$T/tiny.txt"
hostile_modes "100,000 tiny stories" 0 "$T/tiny.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "# %d\n正文。\n\f", i }' >"$T/ffpages.txt"
hostile_modes "20,000 pages split by form feeds" 0 "$T/ffpages.txt"

# A headline of 2,000 characters, marked and unmarked; a 2,000-character
# byline and section heading.
h=$(yes '长' | head -n 2000 | tr -d '\n')
printf '# %s\n@ 本报记者 %s\n\n## %s\n正文。\n' "$h" "$h" "$h" >"$T/head.txt"
printf '%s\n\n本报记者 王春苗\n\n正文。\n' "$h" >"$T/head2.txt"
hostile_modes "2,000-character headline (marked)" 0 "$T/head.txt"
hostile_modes "2,000-character headline (unmarked)" 0 "$T/head2.txt"

# Nothing but punctuation: one long line, many short lines, and
# markers with nothing after them.
pu='，。、：；！？“”「」《》（）——……·'
yes "$pu" | head -n 2000 | tr -d '\n' >"$T/punct.txt"
yes "$pu" | head -n 2000 >"$T/punct-lines.txt"
printf '# \n## \n@ \n! \n> \n^ \n%% \n#+ \n\\\n#\n@\n' >"$T/markers.txt"
hostile_modes "page of punctuation (one line)" 0 "$T/punct.txt"
hostile_modes "page of punctuation (lines)" 0 "$T/punct-lines.txt"
hostile_modes "empty markers" 0 "$T/markers.txt"

# 10,000 nested brackets and quotes, which no line may start or end
# with.
{ printf '# 标题\n'; yes '（“《「' | head -n 2500 | tr -d '\n';
  yes '」》”）' | head -n 2500 | tr -d '\n'; printf '\n'; } >"$T/nest.txt"
hostile_modes "10,000 nested brackets" 0 "$T/nest.txt"

hostile_done
