#!/bin/sh
# The seed acceptance test: codes the real wire story in ../shared/seed and
# checks the events against its expected.json with check-expected.js.
#
#   sh tests/cli/seed.sh BUILD_DIR      (from the repo root; BUILD_DIR is
#                                        build or build/asan)
# Prints one line per check and ends with "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"
SEED=../shared/seed
STORY="$SEED/tdi-2023-09-20.txt"
EXPECTED="$SEED/expected.json"
HERE=$(dirname "$0")

if [ ! -d "$SEED" ]; then
	echo "skipped: seed test needs ../shared"
	exit 0
fi

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-seed.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if [ ! -x "$BIN" ]; then
	bad "$BIN exists and is executable"
	finish
fi
if ! command -v node >/dev/null 2>&1; then
	bad "node is installed (make deps installs it; the checker needs it)"
	finish
fi

timeout 60 "$BIN" code --input txt "$STORY" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
rc=$?
if [ "$rc" -eq 0 ]; then
	ok "curlew code exits 0 on the seed story"
else
	bad "curlew code exits 0 on the seed story (exit $rc)"
	sed -n '1,20p' "$tmp/err.txt"
fi
if grep -q 'AddressSanitizer\|LeakSanitizer\|runtime error:' "$tmp/err.txt"; then
	bad "no sanitizer report on stderr"
	sed -n '1,40p' "$tmp/err.txt"
else
	ok "no sanitizer report on stderr"
fi
if [ -s "$tmp/out.jsonl" ]; then
	ok "events were written ($(wc -l < "$tmp/out.jsonl") lines)"
else
	bad "events were written (output is empty)"
fi

node "$HERE/check-expected.js" "$EXPECTED" "$tmp/out.jsonl" > "$tmp/check.txt" 2>&1
# The checker's own summary line is replaced by this script's.
grep -v '^[0-9][0-9]* passed, [0-9][0-9]* failed$' "$tmp/check.txt"
n=$(grep -c '^ok ' "$tmp/check.txt")
m=$(grep -c '^FAIL' "$tmp/check.txt")
pass=$((pass + n))
fail=$((fail + m))
if [ "$n" -eq 0 ] && [ "$m" -eq 0 ]; then
	bad "check-expected.js ran"
fi
if [ "$fail" -ne 0 ]; then
	echo "events coded:"
	sed -n '1,30p' "$tmp/out.jsonl" | cut -c1-300
fi
finish
