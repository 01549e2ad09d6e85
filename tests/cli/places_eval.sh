#!/bin/sh
# The place test set (tests/places/README.md): the development part must
# reach issue 11's bar (recognition F1 >= 0.85; event locations within
# 161 km >= 0.90 and country right >= 0.98); the held-aside part is
# scored and printed, never asserted (it is not tuned on).
BIN="$1/curlew"
if ! command -v node >/dev/null 2>&1; then
	echo "skipped: the place test set's scorer needs node (make deps installs it)"
	exit 0
fi
echo "place test set, development part:"
node tests/places/places.js score "$BIN" tests/places/dev.jsonl 0.85 0.90 0.98
rc=$?
echo "place test set, held-aside part (report only):"
node tests/places/places.js score "$BIN" tests/places/heldout.jsonl
[ "$rc" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$rc"
