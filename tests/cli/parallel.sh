#!/bin/sh
# Scale-out with GNU parallel: `curlew code` is a JSONL stdin-to-stdout
# filter, so `parallel --pipe` can spread a corpus over jobs (and, with
# --sshlogin, over machines; README "Event store").  Two local jobs must give
# the single-process events, both on stdout and written into one store.
#
#   sh tests/cli/parallel.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"

. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-parallel.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A private copy of the binary and the dictionaries: runs compared with
# each other must code alike even if the tree is rebuilt meanwhile.
cp "$BIN" "$tmp/curlew" && cp -r data "$tmp/dict" || exit 1
BIN="$tmp/curlew"
CURLEW_DATA="$tmp/dict"
export CURLEW_DATA

if ! command -v parallel >/dev/null 2>&1 || ! parallel --version 2>/dev/null | grep -q "GNU parallel"; then
	bad "GNU parallel is installed (make deps installs it)"
	finish
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	bad "sqlite3 is installed (make deps installs it)"
	finish
fi

BENCH_SENTENCES=2000 sh tests/data/bench/make-corpus.sh "$tmp/corpus.jsonl" > /dev/null 2>&1
lines=$(wc -l < "$tmp/corpus.jsonl")
# Without --date, stories carry their own dates; --no-parse keeps it quick.
CODE="$BIN code --no-parse --quiet"

$CODE < "$tmp/corpus.jsonl" | sort > "$tmp/single.jsonl"
check "single run codes events" [ -s "$tmp/single.jsonl" ]

# Two jobs, 50 stories per block: several blocks per job.
parallel --will-cite --pipe -j2 -N 50 --keep-order $CODE < "$tmp/corpus.jsonl" > "$tmp/par.jsonl"
check "parallel --pipe -j2 exits 0" [ $? -eq 0 ]
sort "$tmp/par.jsonl" > "$tmp/par.sorted"
check "two parallel jobs = one process ($(wc -l < "$tmp/single.jsonl") events from $lines stories)" \
	cmp -s "$tmp/single.jsonl" "$tmp/par.sorted"

# Both jobs writing one SQLite store at once.
dump() {
	sqlite3 "$1" "
	SELECT 'S', story_id, content_hash, dict_version, date, nsentences, nevents FROM stories ORDER BY story_id;
	SELECT 'E', * FROM events ORDER BY event_id;
	SELECT 'A', * FROM actors ORDER BY event_id, role;"
}
$CODE --db "$tmp/single.sqlite" < "$tmp/corpus.jsonl"
parallel --will-cite --pipe -j2 -N 50 $CODE --db "$tmp/par.sqlite" < "$tmp/corpus.jsonl"
check "parallel jobs into one store exit 0" [ $? -eq 0 ]
dump "$tmp/single.sqlite" > "$tmp/single.dump"
dump "$tmp/par.sqlite" > "$tmp/par.dump"
check "two parallel jobs into one store = one process" cmp -s "$tmp/single.dump" "$tmp/par.dump"
check "every story stored" [ "$(sqlite3 "$tmp/par.sqlite" "SELECT COUNT(*) FROM stories")" -eq "$lines" ]
finish
