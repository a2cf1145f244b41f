#!/bin/sh
# The layering rules of the code base, checked: only the terminal layer
# (src/ui*.c) may include curses; headers of the core never do.  include/
# holds the interface of each module; a header shared only by a family of
# source files (src/ui-int.h, src/parse-int.h) lives beside them in src/;
# no two modules of the reader call each other, directly or round a
# circle.
bad=$(grep -l -E '#include *[<"](n?curses|ncursesw/curses)\.h' src/*.c src/*.h include/*.h |
	grep -v -E '^src/ui[^/]*\.c$')
if [ -n "$bad" ]; then
	echo "curses included outside src/ui*.c: $bad"
	exit 1
fi
# The core must not call into the UI.
bad=$(grep -l -E '#include *"ui[^"]*\.h"' $(ls src/*.c | grep -v -E '^src/(ui[^/]*|main)\.c$'))
if [ -n "$bad" ]; then
	echo "core modules include UI headers: $bad"
	exit 1
fi
# Private headers are not in include/: nothing outside their family may
# include them.
bad=$(ls include/*-int.h include/ui-*.h 2>/dev/null)
if [ -n "$bad" ]; then
	echo "private headers in include/: $bad"
	exit 1
fi
bad=$(grep -l -E '#include *"ui-(int|keys)\.h"' $(ls src/*.c | grep -v -E '^src/ui[^/]*\.c$'))
if [ -n "$bad" ]; then
	echo "the UI's private headers included outside src/ui*.c: $bad"
	exit 1
fi
# The reader's modules call each other one way only: no circles in the
# call graph of src/ui*.c (tests/ui-calls.sh -v prints it).
if ! out=$(sh tests/ui-calls.sh); then
	echo "$out"
	exit 1
fi
echo "layers ok"
