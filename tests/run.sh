#!/bin/sh
# Runs every test against one build directory (build or build/asan):
# the unit-test programs, then the shell tests in tests/cli/.  Prints one
# closing line "N passed, M failed".
BUILD=${1:-build}
export CURLEW_BIN="$BUILD/curlew"
pass=0
fail=0
failed=""
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	if out=$("$t" 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $t"
	fi
	printf '%s\n' "$out" | tail -n 20
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	if out=$(sh "$t" "$BUILD" 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $t"
	fi
	printf '%s\n' "$out" | tail -n 20
done
[ -z "$failed" ] || echo "failing:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
