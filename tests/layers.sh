#!/bin/sh
# The layering rules of the code base, checked: only the terminal layer
# (src/ui*.c) may include curses; headers of the core never do.
bad=$(grep -l -E '#include *[<"](n?curses|ncursesw/curses)\.h' src/*.c include/*.h |
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
echo "layers ok"
