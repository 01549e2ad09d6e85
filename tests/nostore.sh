#!/bin/sh
# The build without the store (`make CURLEW_STORE=0`, here build/nostore/
# from `make test-nostore`): links none of SQLite, libpq and libmicrohttpd,
# codes as the full build does, byte for byte, and says "built without the
# store" with exit 1 (a usage error, tests/README.md) for --db, query and
# serve, creating no file.  Part of `make check`.
#   sh tests/nostore.sh NOSTORE_CURLEW FULL_CURLEW
. tests/lib.sh
NS=${1:-build/nostore/curlew}
FULL=${2:-build/curlew}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Linked libraries (ldd) and symbols (nm): no trace of the three.
check "ldd: no sqlite, pq or microhttpd" sh -c "! ldd '$NS' | grep -Ei 'sqlite|libpq|microhttpd'"
check "nm: no sqlite3_, PQ or MHD_ symbols" sh -c "! nm '$NS' | grep -E ' (U|T) (sqlite3_|PQ|MHD_)'"

# The same events as the full build: the seed story when ../shared is there,
# and the samples always.
SEED=../shared/seed/tdi-2023-09-20.txt
if [ -f "$SEED" ]; then
	"$NS" code --input txt "$SEED" > "$TMP/seed.ns" 2>&1
	"$FULL" code --input txt "$SEED" > "$TMP/seed.full" 2>&1
	check "seed story: events as the full build's" cmp -s "$TMP/seed.ns" "$TMP/seed.full"
	check "seed story: some events" test -s "$TMP/seed.ns"
else
	echo "skipped: the seed story needs ../shared"
fi
"$NS" code --date 2024-06-30 samples/*.txt samples/*.jsonl > "$TMP/s.ns" 2>&1
"$FULL" code --date 2024-06-30 samples/*.txt samples/*.jsonl > "$TMP/s.full" 2>&1
check "samples: events as the full build's" cmp -s "$TMP/s.ns" "$TMP/s.full"

# The store's commands: one clear line, exit 1, no database file.
nostore() {   # nostore NAME ARGS...
	name=$1
	shift
	timeout 10 "$NS" "$@" > "$TMP/out" 2> "$TMP/err" < /dev/null
	rc=$?
	check "$name: exit 1" test "$rc" -eq 1
	check "$name: says built without the store" grep -q "built without the store" "$TMP/err"
	check "$name: one line on stderr" test "$(wc -l < "$TMP/err")" -eq 1
	check "$name: no database file" test ! -e "$TMP/x.sqlite"
}
nostore "code --db" code --db "$TMP/x.sqlite" samples/ukraine-talks.txt
nostore "query" query --db "$TMP/x.sqlite" summary
nostore "serve" serve --db "$TMP/x.sqlite" --port 0
finish
