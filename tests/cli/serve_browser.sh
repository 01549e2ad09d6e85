#!/bin/sh
# curlew serve's page in Debian's Chromium, headless, driven by npm
# playwright-core (tests/web/browser.js): the demo stories' events in the
# table with their evidence marked, the timeline, map and dyads drawn, a
# filter, a click on a bar, a pair and a country.  With SCREENSHOT=FILE.png
# it also takes the README's picture.  Skips with one line only when
# Chromium cannot start at all.
#
#   sh tests/cli/serve_browser.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".  Only 127.0.0.1 is contacted.
BUILD=${1:-build}
BIN="$BUILD/curlew"

. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-browser.XXXXXX") || exit 1
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if ! command -v node >/dev/null 2>&1; then
	bad "node is installed (make deps installs it)"
	finish
fi
if [ ! -x /usr/bin/chromium ]; then
	echo "skipped: no /usr/bin/chromium (make deps installs Debian's chromium)"
	exit 0
fi

db="$tmp/demo.sqlite"
"$BIN" code --quiet --date 2024-06-30 --db "$db" samples/*.txt samples/*.jsonl samples/*.html
"$BIN" serve --db "$db" --port 0 --rate 100000 2> "$tmp/serve.err" &
pid=$!
url=
i=0
while [ $i -lt 400 ] && [ -z "$url" ] && kill -0 "$pid" 2>/dev/null; do
	sleep 0.05
	url=$(sed -n 's|.* at \(http://[^ ]*\)/ (Ctrl-C stops)$|\1|p' "$tmp/serve.err")
	i=$((i + 1))
done
if [ -z "$url" ]; then
	bad "curlew serve starts ($(cat "$tmp/serve.err"))"
	finish
fi
HOME="$tmp" node tests/web/browser.js "$url" ${SCREENSHOT:-} > "$tmp/browser.out" 2>&1
rc=$?
if grep -q '^skipped:' "$tmp/browser.out"; then
	cat "$tmp/browser.out"
	exit 0
fi
grep -v '^ok ' "$tmp/browser.out" | tail -n 25
check "the page in Chromium (tests/web/browser.js)" [ "$rc" -eq 0 ]
kill -TERM "$pid"
wait "$pid"
check "the server ends cleanly after the browser" [ $? -eq 0 ]
pid=
finish
