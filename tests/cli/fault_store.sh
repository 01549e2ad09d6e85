#!/bin/sh
# Fault injection on the SQLite event store (build/fault/curlew, see
# src/util/fault.h).  `curlew code --db` is run over a few stories, one story a
# transaction (--batch 1), with the N-th allocation failing
# (CURLEW_FAIL_ALLOC, which hits the coding: the story is skipped) or the
# N-th store write failing (CURLEW_FAIL_STORE, a row insert or a COMMIT:
# the batch is rolled back and the run stops).  Every time: exit status 3
# with a message, `PRAGMA integrity_check` says ok, every stored story has
# exactly its nsentences sentences and nevents events (no partial story),
# and a rerun with --resume and no fault gives the tables of a clean run.
#
#   sh tests/cli/fault_store.sh BUILD_DIR        (from the repo root)
BUILD=${1:-build}
FAULT=build/fault/curlew
TALLY_QUIET=1
TALLY_NAME=fault_store.sh
. tests/lib.sh
# The fault binary is the same for every BUILD_DIR: run once.
if [ "$BUILD" != build ]; then
	echo "fault_store.sh: fault-injection cases run with the plain build only"
	finish
fi
if [ ! -x "$FAULT" ]; then
	bad "$FAULT exists (make build/fault/curlew)"
	finish
fi
if ! command -v sqlite3 > /dev/null; then
	echo "fault_store.sh: sqlite3 CLI not installed; skipped"
	finish
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-fault-store.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/in.jsonl" <<'JSON'
{"id":"s1","date":"2024-03-11","text":"Israeli troops attacked Palestinian militants in Gaza. The UN condemned the attack."}
{"id":"s2","date":"2024-03-12","text":"Russian forces shelled Ukrainian positions near Kharkiv. Ukraine accused Russia of war crimes."}
{"id":"s3","date":"2024-03-13","text":"France and Germany signed a trade agreement in Paris. The weather was mild."}
{"id":"s4","date":"2024-03-14","text":"Kenyan police arrested opposition protesters in Nairobi. Amnesty International criticized the arrests."}
JSON

code() {   # code DB [ARGS...]: the coding run under test
	db=$1
	shift
	"$FAULT" code --no-parse --quiet --threads 1 --batch 1 --db "$db" "$@" "$tmp/in.jsonl"
}

# dump DB: the stored content, without what differs between runs (the
# time of coding and the FTS index's internals).
dump() {
	sqlite3 "$1" "SELECT story_id, content_hash, dict_version, date, dateline_place, agency,
		nsentences, nevents FROM stories ORDER BY story_id;
		SELECT story_id, sentence, text FROM sentences ORDER BY story_id, sentence;
		SELECT * FROM events ORDER BY event_id;
		SELECT * FROM actors ORDER BY event_id, role;
		SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'attack*';"
}

# consistent DB NAME: sound file, and no story stored in part.
consistent() {
	ic=$(sqlite3 "$1" "PRAGMA integrity_check" 2>&1)
	[ "$ic" = ok ] && ok || bad "$2: integrity_check says: $ic"
	partial=$(sqlite3 "$1" "SELECT story_id FROM stories s WHERE
		nsentences != (SELECT count(*) FROM sentences x WHERE x.story_id = s.story_id) OR
		nevents != (SELECT count(*) FROM events e WHERE e.story_id = s.story_id);
		SELECT DISTINCT story_id FROM sentences WHERE story_id NOT IN (SELECT story_id FROM stories);
		SELECT DISTINCT story_id FROM events WHERE story_id NOT IN (SELECT story_id FROM stories);
		SELECT DISTINCT story_id FROM actors WHERE event_id NOT IN (SELECT event_id FROM events);" 2>&1)
	[ -z "$partial" ] && ok || bad "$2: partial stories: $partial"
}

# failed NAME: the faulty run's status and message, then the store's state
# and the resumed run.
failed() {
	name=$1
	if [ "$rc" -ge 128 ] || grep -q 'Sanitizer\|runtime error' "$tmp/run.err"; then
		bad "$name: crashed or sanitizer report (exit $rc)"
		sed -n '1,20p' "$tmp/run.err"
		return
	fi
	[ "$rc" -eq 3 ] && ok || { bad "$name: exit $rc, want 3"; sed -n '1,5p' "$tmp/run.err"; }
	grep -q "out of memory\|Cannot allocate\|full" "$tmp/run.err" && ok || {
		bad "$name: no message saying why"; sed -n '1,5p' "$tmp/run.err"; }
	consistent "$tmp/run.db" "$name"
	code "$tmp/run.db" --resume > /dev/null 2> "$tmp/resume.err"
	r=$?
	[ "$r" -eq 0 ] && ok || { bad "$name: resumed run exit $r"; sed -n '1,5p' "$tmp/resume.err"; }
	dump "$tmp/run.db" > "$tmp/run.dump"
	cmp -s "$tmp/run.dump" "$tmp/clean.dump" && ok || {
		bad "$name: resumed tables differ from a clean run"
		diff "$tmp/clean.dump" "$tmp/run.dump" | sed -n '1,10p'; }
}

CURLEW_FAULT_COUNT=1 code "$tmp/clean.db" > /dev/null 2> "$tmp/clean.err"
rc=$?
[ "$rc" -eq 0 ] && ok || { bad "clean run: exit $rc"; cat "$tmp/clean.err"; finish; }
consistent "$tmp/clean.db" "clean run"
dump "$tmp/clean.db" > "$tmp/clean.dump"
[ "$(sqlite3 "$tmp/clean.db" "SELECT count(*) FROM stories")" -eq 4 ] && ok || bad "clean run stores 4 stories"
[ "$(sqlite3 "$tmp/clean.db" "SELECT count(*) FROM events")" -ge 3 ] && ok || bad "clean run stores events"
counts='.*injection: \([0-9]*\) allocations, \([0-9]*\) writes, \([0-9]*\) store writes.*'
total=$(sed -n "s/$counts/\1/p" "$tmp/clean.err")
stores=$(sed -n "s/$counts/\3/p" "$tmp/clean.err")
: > "$tmp/empty.jsonl"
CURLEW_FAULT_COUNT=1 "$FAULT" code --no-parse --db "$tmp/empty.db" "$tmp/empty.jsonl" 2> "$tmp/load.err"
loaded=$(sed -n "s/$counts/\1/p" "$tmp/load.err")
if [ -z "$total" ] || [ -z "$loaded" ] || [ -z "$stores" ] || [ "$total" -le "$loaded" ] ||
   [ "$stores" -lt 8 ]; then
	bad "fault counts (loaded=$loaded total=$total stores=$stores)"
	finish
fi

# Allocations while coding (the dictionaries' loading is fault.sh's):
# the story hit is left out of the store, the others are stored whole.
step=$(( (total - loaded) / 12 ))
[ "$step" -ge 1 ] || step=1
n=$((loaded + 1))
while [ "$n" -le "$total" ]; do
	rm -f "$tmp/run.db"
	CURLEW_FAIL_ALLOC=$n code "$tmp/run.db" > /dev/null 2> "$tmp/run.err"
	rc=$?
	# A failure absorbed without a trace (a cache insert) is fine when
	# the store is exactly the clean run's.
	if [ "$rc" -eq 0 ] && dump "$tmp/run.db" | cmp -s - "$tmp/clean.dump"; then
		ok
	else
		failed "alloc $n of $total"
	fi
	n=$((n + step))
done

# Store writes: every row insert and commit of the run, one at a time.
n=1
while [ "$n" -le "$stores" ]; do
	rm -f "$tmp/run.db"
	CURLEW_FAIL_STORE=$n code "$tmp/run.db" > /dev/null 2> "$tmp/run.err"
	rc=$?
	failed "store write $n of $stores"
	grep -q "database" "$tmp/run.err" && ok || bad "store write $n: message names the database"
	n=$((n + 1))
done

# The same on a store that already holds the stories: a replacement that
# fails half-way must leave the old rows, not a mix or nothing.
n=1
while [ "$n" -le "$stores" ]; do
	cp "$tmp/clean.db" "$tmp/run.db"
	CURLEW_FAIL_STORE=$n code "$tmp/run.db" > /dev/null 2> "$tmp/run.err"
	rc=$?
	failed "store write $n of $stores (replacing)"
	n=$((n + 3))
done

finish
