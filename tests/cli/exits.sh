#!/bin/sh
# Exit statuses and where messages go (issue 9, item 7): a date that is no
# day is a usage error (1), as are query's --from/--to/--limit garbage and
# a search that is not FTS5 syntax; explain's errors go to stderr; a store
# that may only be read can be queried; a reader that closes the pipe
# early (`| head`) ends the run quietly with the status so far.
#
#   sh tests/cli/exits.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".
BUILD=${1:-build}
BIN=$(cd "$(dirname "$BUILD/curlew")" && pwd)/curlew
TALLY_NAME=exits.sh
. tests/lib.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-exits.XXXXXX") || exit 1
chmod 755 "$tmp"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT

GOOD='Israeli troops attacked Palestinian militants in Gaza.'
printf '%s\n' "$GOOD" > "$tmp/good.txt"

# status WANT NAME COMMAND...: the command's exit status is WANT, and no
# sanitizer spoke.
status() {
	want=$1 name=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	[ "$rc" -eq "$want" ] && ok "$name: exit $rc" || { bad "$name: exit $rc, want $want"; sed -n 1,3p "$tmp/err"; }
	grep -q 'Sanitizer\|runtime error' "$tmp/err" && bad "$name: sanitizer report"
	return 0
}

for d in 2023-13-45 2023-02-29 2023-04-31 2023-9-1 20230901x; do
	status 1 "code --date $d" "$BIN" code --no-parse --date "$d" "$tmp/good.txt"
	check "code --date $d: nothing coded" [ ! -s "$tmp/out" ]
	check "code --date $d: said why" grep -q -- "--date wants a day" "$tmp/err"
	status 1 "explain --date $d" "$BIN" explain --no-parse --date "$d" "$GOOD"
done
status 0 "code --date 2024-02-29 (a leap day)" "$BIN" code --no-parse --date 2024-02-29 "$tmp/good.txt"

# explain: the explanation on stdout, errors on stderr only.
status 2 "explain of an empty sentence" "$BIN" explain --no-parse ""
check "explain: the error is not on stdout" [ ! -s "$tmp/out" ]
check "explain: the error is on stderr" grep -q "explain: empty story" "$tmp/err"
status 2 "explain of invalid UTF-8" "$BIN" explain --no-parse "$(printf 'Troops \377 attacked.')"
check "explain: invalid UTF-8 said on stderr only" [ ! -s "$tmp/out" ] && grep -q "UTF-8" "$tmp/err"

# The store's exits (not in a build without the store: tests/run.sh).
if [ -z "${CURLEW_NO_STORE:-}" ]; then
	if ! command -v sqlite3 > /dev/null 2>&1; then
		bad "sqlite3 is installed (make deps installs it)"
		finish
	fi
	db="$tmp/store/events.sqlite"
	mkdir -p "$tmp/store"
	"$BIN" code --no-parse --date 2024-06-30 --db "$db" samples/*.txt samples/*.jsonl 2>/dev/null
	for a in "--from garbage" "--to 2024-02-30" "--from 2024-1-1" "--limit abc" "--limit 0" "--limit -5"; do
		status 1 "query $a" "$BIN" query --db "$db" $a search talks
		check "query $a: no output" [ ! -s "$tmp/out" ]
	done
	status 0 "query --limit 2" "$BIN" query --db "$db" --limit 2 search talks
	check "query --limit 2: a header and two rows" [ "$(wc -l < "$tmp/out")" -eq 3 ]
	status 1 "search that is not FTS5 syntax" "$BIN" query --db "$db" search 'ceasefire AND ('
	check "FTS syntax error: no output, the reason on stderr" [ ! -s "$tmp/out" ] && grep -q "syntax error" "$tmp/err"
	status 1 "query on a store that does not exist" "$BIN" query --db "$tmp/store/nope.sqlite" summary
	check "query does not create a store" [ ! -e "$tmp/store/nope.sqlite" ]

	# A store the user may only read (a shared archive, read-only media).  Root
	# reads and writes whatever the permissions say, so as root the query runs
	# as nobody, where setpriv can do it.
	"$BIN" query --db "$db" summary > "$tmp/summary.rw"
	chmod 444 "$db"
	chmod 555 "$tmp/store"
	if [ "$(id -u)" -ne 0 ]; then
		status 0 "query on a read-only store" "$BIN" query --db "$db" summary
		check "read-only store: the same summary" cmp -s "$tmp/out" "$tmp/summary.rw"
	elif command -v setpriv > /dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
	     setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$db" -a -x "$BIN"; then
		status 0 "query on a read-only store (as nobody)" \
			setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" query --db "$db" summary
		check "read-only store: the same summary" cmp -s "$tmp/out" "$tmp/summary.rw"
		status 0 "search on a read-only store (as nobody)" \
			setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" query --db "$db" search talks
	else
		echo "exits.sh: skipped: the read-only store case (root without setpriv, or the build is not readable by nobody)"
	fi
	chmod 755 "$tmp/store"
	chmod 644 "$db"
fi

# A reader that stops early: `curlew code ... | head -n 1`.  SIGPIPE is
# ignored and EPIPE ends the run: no message, the status of the stories
# coded so far (0), not death by SIGPIPE (141).
awk -v good="$GOOD" 'BEGIN { for (i = 1; i <= 400; i++)
	printf "{\"id\":\"p%d\",\"date\":\"2024-03-11\",\"text\":\"%s The UN condemned Israel.\"}\n", i, good }' \
	> "$tmp/many.jsonl"
{ "$BIN" code --no-parse "$tmp/many.jsonl" 2> "$tmp/pipe.err"; echo $? > "$tmp/pipe.rc"; } | head -n 1 > "$tmp/pipe.out"
check "closed pipe: exit $(cat "$tmp/pipe.rc"), want 0" [ "$(cat "$tmp/pipe.rc")" -eq 0 ]
check "closed pipe: nothing said" [ ! -s "$tmp/pipe.err" ]
check "closed pipe: head got its line" grep -q '"story_id":"p1"' "$tmp/pipe.out"
{ "$BIN" code --no-parse --format tsv "$tmp/many.jsonl" 2> "$tmp/pipe.err"; echo $? > "$tmp/pipe.rc"; } | head -c 10 > /dev/null
check "closed pipe (TSV): exit $(cat "$tmp/pipe.rc"), want 0, nothing said" \
	[ "$(cat "$tmp/pipe.rc")" -eq 0 ] && [ ! -s "$tmp/pipe.err" ]
if [ -z "${CURLEW_NO_STORE:-}" ]; then
	# 5,000 matching sentences (300 KB of CSV, beyond what a pipe holds).
	cp "$db" "$tmp/big.sqlite"
	sqlite3 "$tmp/big.sqlite" "INSERT INTO sentences (story_id, sentence, text)
		WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000)
		SELECT 'x' || i, 1, 'Troops attacked the town again on the day numbered ' || i FROM c;
		INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');"
	{ "$BIN" query --db "$tmp/big.sqlite" --limit 5000 search attacked 2> "$tmp/pipe.err"; echo $? > "$tmp/pipe.rc"; } |
		head -n 1 > /dev/null
	check "closed pipe (query): exit $(cat "$tmp/pipe.rc"), want 0, nothing said" \
		[ "$(cat "$tmp/pipe.rc")" -eq 0 ] && [ ! -s "$tmp/pipe.err" ]
fi
finish
