#!/bin/sh
# Runs every test against one build directory (build or build/asan):
# the unit-test programs, then the shell tests in tests/cli/.  Prints one
# closing line "N passed, M failed".
BUILD=${1:-build}
export CURLEW_BIN="$BUILD/curlew"
# A build without the store (make CURLEW_STORE=0) skips the scripts that
# test the store and the explorer; the others skip their store checks
# when CURLEW_NO_STORE is set.
STORE_ONLY="store.sh postgres.sh serve_api.sh serve_browser.sh fault_store.sh parallel.sh"
if "$CURLEW_BIN" query --db /nonexistent/curlew.sqlite summary 2>&1 | grep -q "built without the store"; then
	export CURLEW_NO_STORE=1
	echo "built without the store: skipping $STORE_ONLY"
fi
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
	case " $STORE_ONLY " in *" ${t##*/} "*) [ -n "${CURLEW_NO_STORE:-}" ] && continue ;; esac
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
