#!/bin/sh
# Make sure the Debian packages named as arguments are installed.
# As root: install the missing ones with apt-get.  Otherwise print the
# exact command to run and fail.  On a system without dpkg: say so and go on.
missing=""
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "dubao: not a Debian system; make sure these are installed: $*" >&2
	exit 0
fi
for p in "$@"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$st" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "dubao: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || apt-get update || exit 1
	apt-get install -y -qq $missing >/dev/null || apt-get install -y $missing || exit 1
	exit 0
fi
echo "dubao: missing Debian packages:$missing" >&2
echo "run:   sudo apt-get install -y$missing" >&2
exit 1
