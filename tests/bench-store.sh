#!/bin/sh
# make bench, event store part (called from tests/bench.sh): stories/s and
# events/s into SQLite and into PostgreSQL (a throw-away server) for the 10x
# corpus (well over 50,000 events), the store's own insert rate (time inside
# the store calls only), and peak RSS for the 1x and 10x corpus, which must
# not grow with the corpus.  Coding uses --no-parse so that the figures are
# about the store.  Figures are printed, never asserted.
set -eu
BIN=${1:-build/curlew}
OUT=build/bench
mkdir -p "$OUT"
BENCH_SENTENCES=11000 sh tests/data/bench/make-corpus.sh "$OUT/store-1x.jsonl" > /dev/null 2>&1
BENCH_SENTENCES=110000 sh tests/data/bench/make-corpus.sh "$OUT/store-10x.jsonl" > /dev/null 2>&1

# run LABEL DB CORPUS: one coding run into DB, figures from the final
# progress line and GNU time.
run() {
	label=$1 db=$2 corpus=$3
	/usr/bin/time -f '%e %M' -o "$OUT/store-time.txt" \
		"$BIN" code --no-parse --quiet --progress --db "$db" "$corpus" 2> "$OUT/store-err.txt"
	read -r secs kb < "$OUT/store-time.txt"
	line=$(tr '\r' '\n' < "$OUT/store-err.txt" | grep 'store ' | tail -n 1)
	stories=$(echo "$line" | sed -n 's/^curlew: \([0-9]*\) stories.*/\1/p')
	events=$(echo "$line" | sed -n 's/.* \([0-9]*\) events, .*/\1/p')
	ssecs=$(echo "$line" | sed -n 's/.*store \([0-9.]*\)s = .*/\1/p')
	erate=$(echo "$line" | sed -n 's/.*store [0-9.]*s = \([0-9]*\) events\/s.*/\1/p')
	awk -v l="$label" -v st="$stories" -v ev="$events" -v s="$secs" -v ss="$ssecs" -v er="$erate" -v kb="$kb" 'BEGIN {
		printf "bench: %s: %d stories, %d events in %.1fs end to end = %.0f stories/s, %.0f events/s;", l, st, ev, s, st / s, ev / s
		printf " store alone %.2fs = %d events/s, %.0f stories/s; peak RSS %d MB\n", ss, er, (ss > 0 ? st / ss : 0), kb / 1024
	}'
}

rm -f "$OUT"/store-*.sqlite*
run "sqlite 1x" "$OUT/store-1x.sqlite" "$OUT/store-1x.jsonl"
run "sqlite 10x" "$OUT/store-10x.sqlite" "$OUT/store-10x.jsonl"

. tests/pg-server.sh
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/curlew-bench-pg.XXXXXX")
trap 'pg_stop; rm -rf "$pgdir"' EXIT
if pg_start "$pgdir" > "$OUT/pg-start.txt" 2>&1; then
	run "postgresql 1x" "$(pg_url bench1)" "$OUT/store-1x.jsonl"
	run "postgresql 10x" "$(pg_url bench10)" "$OUT/store-10x.jsonl"
else
	echo "bench: postgresql: no server could be started (make deps installs postgresql)"
	cat "$OUT/pg-start.txt"
fi
