#!/bin/sh
# The seed 004 page (18 April 2017; 07L, 08F, 08N) as headless Chromium
# renders it: check_page.py reads the DOM Chromium built, its console log
# and its screenshot. Set PAPER_SCREENSHOT=FILE to keep the screenshot
# (docs/paper-seed004.png is made so).
#
# usage: browser.sh PAPER_DRIVER PCREG SOURCE_DIR
set -eu
[ $# -eq 3 ] || { echo "usage: $0 PAPER_DRIVER PCREG SOURCE_DIR" >&2; exit 2; }
driver=$1 pcreg=$2 src=$3
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	echo "browser.sh: no $chromium: run scripts/deps.sh, which installs Debian's chromium" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/sample.db
sh "$src/examples/load_sample.sh" "$pcreg" "$db" >/dev/null
# The page as a user makes it, with the tool; the driver must make the same bytes.
"$pcreg" --db "$db" paper --as-of 2017-04-18 --commissioner 07l,08F,08N -o "$work/page.html"
"$driver" "$db" html 2017-04-18 --commissioner 07L,08F,08N >"$work/driver.html"
cmp "$work/page.html" "$work/driver.html"
# One report's page, from report --format html, holds its table too.
"$pcreg" --db "$db" report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N --format html \
	>"$work/cqc.html"
grep -q '78.95%' "$work/cqc.html"

# A profile, cache and home of its own, so runs neither share state nor
# touch the user's; root needs --no-sandbox.
browse() {
	HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache \
	timeout 120 "$chromium" --headless --disable-gpu --no-sandbox --hide-scrollbars \
		--user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}

# First show that a script error reaches the log, or a clean log proves nothing.
printf '<!DOCTYPE html><title>canary</title><script>no_such_function()</script>\n' \
	>"$work/canary.html"
browse --dump-dom "file://$work/canary.html" >/dev/null 2>"$work/canary.log" || true
if ! grep -q 'CONSOLE.*Uncaught' "$work/canary.log"; then
	echo "browser.sh: Chromium's log did not show a deliberate script error; cannot check" \
	     "the page for console errors. Its log:" >&2
	cat "$work/canary.log" >&2
	exit 1
fi

browse --dump-dom "file://$work/cqc.html" 2>"$work/cqc.log" | grep -q '79.55%'
browse --dump-dom "file://$work/page.html" >"$work/dom.html" 2>"$work/dom.log"
browse --window-size=1240,1754 --screenshot="$work/page.png" "file://$work/page.html" \
	>/dev/null 2>"$work/shot.log"
cat "$work/cqc.log" "$work/dom.log" "$work/shot.log" >"$work/console.log"
python3 "$src/tests/paper/check_page.py" "$work/dom.html" "$work/console.log" "$work/page.png"
if [ -n "${PAPER_SCREENSHOT:-}" ]; then
	cp "$work/page.png" "$PAPER_SCREENSHOT"
fi
