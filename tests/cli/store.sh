#!/bin/sh
# The SQLite event store: the events stored are the events written, re-coding
# replaces instead of duplicating, --resume skips what is stored, a run
# killed with SIGKILL and rerun with --resume ends with the same tables, and
# `curlew query` prints CSV/TSV aggregates that add up.
#
#   sh tests/cli/store.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"

. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-store.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A private copy of the binary and the dictionaries: runs compared with
# each other must code alike even if the tree is rebuilt meanwhile.
cp "$BIN" "$tmp/curlew" && cp -r data "$tmp/dict" || exit 1
BIN="$tmp/curlew"
CURLEW_DATA="$tmp/dict"
export CURLEW_DATA

if ! command -v sqlite3 >/dev/null 2>&1; then
	bad "sqlite3 is installed (make deps installs it)"
	finish
fi

# Every table in a fixed order, without the coding time.
dump() {
	sqlite3 "$1" "
	SELECT 'S', story_id, content_hash, dict_version, date, nsentences, nevents FROM stories ORDER BY story_id;
	SELECT 'T', story_id, sentence, text FROM sentences ORDER BY story_id, sentence;
	SELECT 'E', * FROM events ORDER BY event_id;
	SELECT 'A', * FROM actors ORDER BY event_id, role;"
}
count() { sqlite3 "$1" "SELECT COUNT(*) FROM $2"; }

DATE="--date 2024-06-30"
db="$tmp/samples.sqlite"
"$BIN" code $DATE samples/*.txt samples/*.jsonl samples/*.html > "$tmp/samples.jsonl" 2>/dev/null
"$BIN" code $DATE --db "$db" samples/*.txt samples/*.jsonl samples/*.html > "$tmp/stdout1" 2> "$tmp/err1"
check "code --db exits 0" [ $? -eq 0 ]
check "nothing on stdout with --db" [ ! -s "$tmp/stdout1" ]
n_out=$(wc -l < "$tmp/samples.jsonl")
check "events stored = events written ($n_out)" [ "$(count "$db" events)" -eq "$n_out" ]
sed -n 's/^{"event_id":"\([^"]*\)".*/\1/p' "$tmp/samples.jsonl" | sort > "$tmp/ids.out"
sqlite3 "$db" "SELECT event_id FROM events" | sort > "$tmp/ids.db"
check "same event ids in the store and on stdout" cmp -s "$tmp/ids.out" "$tmp/ids.db"
check "five stories stored" [ "$(count "$db" stories)" -eq 5 ]
check "sentences stored" [ "$(count "$db" sentences)" -gt 10 ]
check "an actor row per source and target" \
	[ "$(count "$db" actors)" -eq "$(sqlite3 "$db" "SELECT COUNT(source_code) + COUNT(target_code) FROM events")" ]
check "full-text search over sentences" \
	[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'talks'")" -ge 1 ]

dump "$db" > "$tmp/dump1"
"$BIN" code $DATE --db "$db" samples/*.txt samples/*.jsonl samples/*.html 2>/dev/null
dump "$db" > "$tmp/dump2"
check "re-coding replaces, never duplicates" cmp -s "$tmp/dump1" "$tmp/dump2"
check "the FTS index follows replacements" \
	[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'talks'")" -eq \
	  "$(sqlite3 "$db" "SELECT COUNT(*) FROM sentences WHERE text LIKE '%talks%'")" ]

"$BIN" code $DATE --db "$db" --resume --progress samples/*.txt samples/*.jsonl samples/*.html 2> "$tmp/err3"
check "--resume skips all five stored stories" grep -q "0 stories.*5 already stored" "$tmp/err3"
"$BIN" code --date 2024-07-01 --db "$db" --resume --progress samples/ukraine-talks.txt 2> "$tmp/err4"
check "--resume recodes a story whose default date changed" grep -q "1 stories" "$tmp/err4"
check "... and the old events are gone" \
	[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM events WHERE story_id = 'ukraine-talks' AND date = '2024-06-30'")" -eq 0 ]

# A story whose text changes: its rows are replaced.
printf '{"id":"s1","date":"2024-05-01","text":"Russia attacked Ukraine. France condemned Russia."}\n' > "$tmp/v1.jsonl"
printf '{"id":"s1","date":"2024-05-01","text":"Germany praised Poland."}\n' > "$tmp/v2.jsonl"
"$BIN" code --db "$tmp/s.sqlite" "$tmp/v1.jsonl" 2>/dev/null
"$BIN" code --db "$tmp/s.sqlite" --resume "$tmp/v2.jsonl" 2>/dev/null
check "changed text: one sentence left" [ "$(count "$tmp/s.sqlite" sentences)" -eq 1 ]
check "changed text: no event of the old text" \
	[ "$(sqlite3 "$tmp/s.sqlite" "SELECT COUNT(*) FROM events WHERE sentence = 2")" -eq 0 ]
check "changed text: new hash stored" \
	[ "$(sqlite3 "$tmp/s.sqlite" "SELECT COUNT(*) FROM stories")" -eq 1 ]

# Repeated story ids (issue 9): warned about with file, line, id and where
# the id was first seen; the later record wins, in plain runs and --resume
# alike, and reruns with --resume change nothing (they flipped between the
# two records).
{
	printf '{"id":"r1","date":"2024-05-01","text":"Russia attacked Ukraine."}\n'
	printf '{"id":"r2","date":"2024-05-01","text":"France condemned Russia."}\n'
	printf '{"id":"r1","date":"2024-05-01","text":"Germany praised Poland."}\n'
} > "$tmp/dup.jsonl"
"$BIN" code --db "$tmp/dup.sqlite" "$tmp/dup.jsonl" 2> "$tmp/dup.err"
check "repeated id: exit 0" [ $? -eq 0 ]
check "repeated id: warned with file, line, id and first place" \
	grep -q "dup.jsonl:3: story id \"r1\" repeats the one at .*dup.jsonl:1; the later record wins" "$tmp/dup.err"
check "repeated id: the later record is stored" \
	[ "$(sqlite3 "$tmp/dup.sqlite" "SELECT text FROM sentences WHERE story_id = 'r1'")" = "Germany praised Poland." ]
dump "$tmp/dup.sqlite" > "$tmp/dup.dump"
same=0
for i in 1 2 3; do
	"$BIN" code --db "$tmp/dup.sqlite" --resume "$tmp/dup.jsonl" 2>/dev/null
	dump "$tmp/dup.sqlite" | cmp -s - "$tmp/dup.dump" || same=1
done
check "repeated id: three reruns with --resume keep the later record" [ "$same" -eq 0 ]
"$BIN" code --db "$tmp/dup2.sqlite" --resume "$tmp/dup.jsonl" 2>/dev/null
check "repeated id: a first run with --resume stores the same" cmp -s "$tmp/dup.dump" \
	"$(dump "$tmp/dup2.sqlite" > "$tmp/dup2.dump"; echo "$tmp/dup2.dump")"
"$BIN" code --quiet --db "$tmp/dup.sqlite" "$tmp/dup.jsonl" 2> "$tmp/dupq.err"
check "repeated id: --quiet keeps the warning off" [ ! -s "$tmp/dupq.err" ]

# Queries.
"$BIN" query --db "$db" counts > "$tmp/q1.csv"
check "counts: CSV header" grep -qx "period,source_country,target_country,root,events" "$tmp/q1.csv"
sum=$(awk -F, 'NR > 1 { s += $NF } END { print s + 0 }' "$tmp/q1.csv")
dated=$(sqlite3 "$db" "SELECT COUNT(*) FROM events WHERE date IS NOT NULL")
check "counts add up to the dated events ($dated)" [ "$sum" -eq "$dated" ]
"$BIN" query --db "$db" --one-a-day counts > "$tmp/q2.csv"
sum2=$(awk -F, 'NR > 1 { s += $NF } END { print s + 0 }' "$tmp/q2.csv")
distinct=$(sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT DISTINCT date, source_code, target_code, cameo FROM events WHERE date IS NOT NULL)")
check "one-a-day counts each (date, source, target, code) once ($distinct)" [ "$sum2" -eq "$distinct" ]
"$BIN" query --db "$db" --by month --class quad --tsv goldstein > "$tmp/q3.tsv"
check "goldstein TSV header" \
	grep -qx "$(printf 'period\tsource_country\ttarget_country\tquad_class\tevents\tgoldstein_sum\tgoldstein_mean')" "$tmp/q3.tsv"
check "goldstein months are YYYY-MM" awk -F'\t' 'NR > 1 && $1 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/ { exit 1 }' "$tmp/q3.tsv"
gsum=$(awk -F'\t' 'NR > 1 { s += $6 } END { printf "%.1f", s }' "$tmp/q3.tsv")
gwant=$(sqlite3 "$db" "SELECT printf('%.1f', SUM(goldstein)) FROM events WHERE date IS NOT NULL")
check "goldstein sums add up ($gwant)" [ "$gsum" = "$gwant" ]
"$BIN" query --db "$db" --by week --no-dyad --class none counts > "$tmp/q4.csv"
check "weeks start on Mondays" awk -F, 'NR > 1 { cmd = "date -d " $1 " +%u"; cmd | getline d; close(cmd); if (d != 1) exit 1 }' "$tmp/q4.csv"
"$BIN" query --db "$db" --from 2024-03-01 --to 2024-03-31 --by all counts > "$tmp/q5.csv"
check "--from/--to bound the dates" [ "$(awk -F, 'NR > 1 { s += $NF } END { print s + 0 }' "$tmp/q5.csv")" -eq \
	"$(sqlite3 "$db" "SELECT COUNT(*) FROM events WHERE date BETWEEN '2024-03-01' AND '2024-03-31'")" ]
"$BIN" query --db "$db" search "talks" > "$tmp/q6.csv"
check "search prints matching sentences" grep -q "^ukraine-talks," "$tmp/q6.csv"
"$BIN" query --db "$db" bogus > /dev/null 2>&1
check "unknown query: usage error" [ $? -eq 1 ]
"$BIN" code --resume samples/ukraine-talks.txt > /dev/null 2>&1
check "--resume without --db: usage error" [ $? -eq 1 ]

# Kill and resume: SIGKILL halfway, rerun with --resume, same tables as one
# clean run.
BENCH_SENTENCES=3000 sh tests/data/bench/make-corpus.sh "$tmp/corpus.jsonl" > /dev/null 2>&1
"$BIN" code --no-parse --quiet --db "$tmp/clean.sqlite" "$tmp/corpus.jsonl"
dump "$tmp/clean.sqlite" > "$tmp/clean.dump"
total=$(count "$tmp/clean.sqlite" stories)
"$BIN" code --no-parse --quiet --batch 2 --db "$tmp/killed.sqlite" "$tmp/corpus.jsonl" &
pid=$!
i=0
while [ $i -lt 600 ]; do
	n=$(sqlite3 "$tmp/killed.sqlite" "SELECT COUNT(*) FROM stories" 2>/dev/null || echo 0)
	[ "${n:-0}" -ge $((total / 4)) ] && break
	sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
killed=$?
wait $pid 2>/dev/null
partial=$(count "$tmp/killed.sqlite" stories)
check "the worker was killed halfway ($partial of $total stories stored)" \
	[ "$killed" -eq 0 ] && [ "$partial" -lt "$total" ]
check "whole stories only after the kill" [ "$(sqlite3 "$tmp/killed.sqlite" \
	"SELECT COUNT(*) FROM stories s WHERE nevents != (SELECT COUNT(*) FROM events e WHERE e.story_id = s.story_id)")" -eq 0 ]
"$BIN" code --no-parse --quiet --progress --resume --db "$tmp/killed.sqlite" "$tmp/corpus.jsonl" 2> "$tmp/resume.err"
check "the rerun skipped the stored stories" grep -q "$partial already stored" "$tmp/resume.err"
dump "$tmp/killed.sqlite" > "$tmp/killed.dump"
check "killed + resumed = one clean run" cmp -s "$tmp/clean.dump" "$tmp/killed.dump"
# The killed file went through hundreds of transactions, WAL checkpoints on
# the store's own thread and FTS segment merges: all must be sound.
# rank 1: also against the sentences table, not only within the index.
fts_ok() { sqlite3 "$1" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)" > /dev/null 2>&1; }
check "killed + resumed: integrity_check ok" [ "$(sqlite3 "$tmp/killed.sqlite" "PRAGMA integrity_check")" = ok ]
check "killed + resumed: FTS index matches the sentences" fts_ok "$tmp/killed.sqlite"
check "a clean close leaves no WAL behind" [ ! -s "$tmp/clean.sqlite-wal" ]
check "search ranks alike after a kill and a resume" cmp -s \
	"$("$BIN" query --db "$tmp/clean.sqlite" search "said" --limit 30 > "$tmp/r1"; echo "$tmp/r1")" \
	"$("$BIN" query --db "$tmp/killed.sqlite" search "said" --limit 30 > "$tmp/r2"; echo "$tmp/r2")"

# A file whose FTS table has the earlier layout (a per-sentence size table,
# automerge 4) is written and searched as before.
sqlite3 "$tmp/old.sqlite" "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;
CREATE TABLE sentences (id INTEGER PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,
 text TEXT NOT NULL, UNIQUE (story_id, sentence));
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');" > /dev/null
"$BIN" code $DATE --db "$tmp/old.sqlite" samples/*.txt samples/*.jsonl samples/*.html 2>/dev/null
"$BIN" code $DATE --db "$tmp/old.sqlite" samples/*.txt samples/*.jsonl samples/*.html 2>/dev/null
check "earlier FTS layout: re-coded stories, index sound" fts_ok "$tmp/old.sqlite"
check "earlier FTS layout: same tables as a new file" cmp -s "$tmp/dump1" "$(dump "$tmp/old.sqlite" > "$tmp/dump.old"; echo "$tmp/dump.old")"

# The corpus repeats its sentences, so one-a-day must drop some events.
all=$("$BIN" query --db "$tmp/clean.sqlite" --by all --no-dyad --class none counts | sed -n 2p)
one=$("$BIN" query --db "$tmp/clean.sqlite" --by all --no-dyad --class none --one-a-day counts | sed -n 2p)
want=$(sqlite3 "$tmp/clean.sqlite" "SELECT COUNT(*) FROM (SELECT DISTINCT date, source_code, target_code, cameo FROM events WHERE date IS NOT NULL)")
check "one-a-day on repeated stories: ${one#all,} of ${all#all,} events, as DISTINCT says" \
	[ "${one#all,}" -eq "$want" ] && [ "${one#all,}" -lt "${all#all,}" ]
finish
