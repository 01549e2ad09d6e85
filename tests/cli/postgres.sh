#!/bin/sh
# The PostgreSQL event store, on a throw-away server this test starts and
# stops itself (tests/pg-server.sh): four workers on four shards store
# exactly the rows of one single-process run; a worker killed with SIGKILL
# halfway and rerun with --resume leaves the same tables; the aggregates
# equal SQLite's for the same stories.
#
#   sh tests/cli/postgres.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"

. tests/lib.sh

. tests/pg-server.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-pg.XXXXXX") || exit 1
trap 'pg_stop; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A private copy of the binary and the dictionaries: runs compared with
# each other must code alike even if the tree is rebuilt meanwhile.
cp "$BIN" "$tmp/curlew" && cp -r data "$tmp/dict" || exit 1
BIN="$tmp/curlew"
CURLEW_DATA="$tmp/dict"
export CURLEW_DATA

if ! pg_start "$tmp"; then
	bad "a throw-away PostgreSQL server starts (make deps installs postgresql)"
	finish
fi
ok "throw-away PostgreSQL server started in $tmp"

dump() {
	pg_sql "$1" "
	SELECT 'S', story_id, content_hash, dict_version, date, nsentences, nevents FROM stories ORDER BY story_id;
	SELECT 'T', story_id, sentence, text FROM sentences ORDER BY story_id, sentence;
	SELECT 'E', * FROM events ORDER BY event_id;
	SELECT 'A', * FROM actors ORDER BY event_id, role;"
}
count() { pg_sql "$1" "SELECT COUNT(*) FROM $2"; }

BENCH_SENTENCES=3000 sh tests/data/bench/make-corpus.sh "$tmp/corpus.jsonl" > /dev/null 2>&1
CODE="$BIN code --no-parse --quiet --input jsonl"

# One process.
single=$(pg_url single)
$CODE --db "$single" "$tmp/corpus.jsonl"
check "single run exits 0" [ $? -eq 0 ]
total=$(count single stories)
check "single run stored $total stories" [ "$total" -gt 100 ]
dump single > "$tmp/single.dump"
$CODE --db "$single" "$tmp/corpus.jsonl"
dump single > "$tmp/single2.dump"
check "re-coding replaces, never duplicates" cmp -s "$tmp/single.dump" "$tmp/single2.dump"
check "full-text search over sentences" \
	[ "$(pg_sql single "SELECT COUNT(*) FROM sentences WHERE tsv @@ plainto_tsquery('english', 'talks')")" -ge 1 ]

# Four workers at once, on four shards, into one database; a fifth writer
# re-codes a shard at the same time so that writers also meet on stories.
shards=$(pg_url shards)
split -n l/4 "$tmp/corpus.jsonl" "$tmp/shard."
pids=""
for s in "$tmp"/shard.*; do
	$CODE --batch 16 --db "$shards" "$s" &
	pids="$pids $!"
done
$CODE --batch 16 --db "$shards" "$tmp/shard.ab" &
pids="$pids $!"
status=0
for p in $pids; do
	wait "$p" || status=1
done
check "five concurrent writers exit 0" [ "$status" -eq 0 ]
dump shards > "$tmp/shards.dump"
check "4 workers on 4 shards = the single run" cmp -s "$tmp/single.dump" "$tmp/shards.dump"

# SIGKILL halfway, then --resume.
killed=$(pg_url killed)
$CODE --batch 1 --db "$killed" "$tmp/corpus.jsonl" &
pid=$!
i=0
while [ $i -lt 1200 ]; do
	n=$(count killed stories 2>/dev/null || echo 0)
	[ "${n:-0}" -ge $((total / 3)) ] && break
	sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
was_running=$?
wait $pid 2>/dev/null
partial=$(count killed stories)
check "the worker was killed halfway ($partial of $total stories stored)" \
	[ "$was_running" -eq 0 ] && [ "$partial" -lt "$total" ]
check "whole stories only after the kill" [ "$(pg_sql killed \
	"SELECT COUNT(*) FROM stories s WHERE nevents != (SELECT COUNT(*) FROM events e WHERE e.story_id = s.story_id)")" -eq 0 ]
$CODE --progress --resume --db "$killed" "$tmp/corpus.jsonl" 2> "$tmp/resume.err"
check "the rerun skipped the $partial stored stories" grep -q "$partial already stored" "$tmp/resume.err"
dump killed > "$tmp/killed.dump"
check "killed + resumed = the single run" cmp -s "$tmp/single.dump" "$tmp/killed.dump"

# Repeated story ids (issue 9): the later record wins, and reruns with
# --resume keep it (they flipped between the two records).
{
	printf '{"id":"r1","date":"2024-05-01","text":"Russia attacked Ukraine."}\n'
	printf '{"id":"r2","date":"2024-05-01","text":"France condemned Russia."}\n'
	printf '{"id":"r1","date":"2024-05-01","text":"Germany praised Poland."}\n'
} > "$tmp/dup.jsonl"
dup=$(pg_url dup)
"$BIN" code --no-parse --db "$dup" "$tmp/dup.jsonl" 2> "$tmp/dup.err"
check "repeated id: warned" grep -q 'dup.jsonl:3: story id "r1" repeats the one at' "$tmp/dup.err"
check "repeated id: the later record is stored" \
	[ "$(pg_sql dup "SELECT text FROM sentences WHERE story_id = 'r1'")" = "Germany praised Poland." ]
dump dup > "$tmp/dup.dump"
same=0
for i in 1 2 3; do
	$CODE --resume --db "$dup" "$tmp/dup.jsonl"
	dump dup | cmp -s - "$tmp/dup.dump" || same=1
done
check "repeated id: three reruns with --resume keep the later record" [ "$same" -eq 0 ]

# The same aggregates from PostgreSQL and SQLite.
$CODE --db "$tmp/same.sqlite" "$tmp/corpus.jsonl"
same=0
for q in "counts" "--by week --class quad counts" "--by month --one-a-day goldstein" \
	 "--by all --no-dyad --class cameo --tsv goldstein" "summary"; do
	"$BIN" query --db "$single" $q > "$tmp/pg.out"
	"$BIN" query --db "$tmp/same.sqlite" $q > "$tmp/lite.out"
	if ! cmp -s "$tmp/pg.out" "$tmp/lite.out" || [ ! -s "$tmp/pg.out" ]; then
		same=1
		echo "differs: query $q"
		diff "$tmp/pg.out" "$tmp/lite.out" | head -5
	fi
done
check "query outputs: PostgreSQL = SQLite" [ "$same" -eq 0 ]
"$BIN" query --db "$single" search "talks" > "$tmp/search.csv"
check "search on PostgreSQL prints a header and rows" \
	[ "$(head -n 1 "$tmp/search.csv")" = "story_id,sentence,text" ] && [ "$(wc -l < "$tmp/search.csv")" -gt 1 ]
finish
