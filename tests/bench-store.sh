#!/bin/sh
# make bench, event store part (called from tests/bench.sh): stories/s and
# events/s into SQLite and into PostgreSQL (a throw-away server) for the 10x
# corpus (well over 50,000 events), the store's own insert rate (time inside
# the store calls only), and peak RSS for the 1x and 10x corpus, which must
# not grow with the corpus.  Coding uses --no-parse so that the figures are
# about the store.  Figures are printed, never asserted.
#
# Each SQLite figure is the median of BENCH_STORE_RUNS runs (default 3, each
# into a new file), as build machines are shared and one run can be slowed
# by anything else running; the store-alone range of the runs is printed too.
set -eu
BIN=${1:-build/curlew}
RUNS=${BENCH_STORE_RUNS:-3}
OUT=build/bench
mkdir -p "$OUT"
BENCH_SENTENCES=11000 sh tests/data/bench/make-corpus.sh "$OUT/store-1x.jsonl" > /dev/null 2>&1
BENCH_SENTENCES=110000 sh tests/data/bench/make-corpus.sh "$OUT/store-10x.jsonl" > /dev/null 2>&1

# once DB CORPUS: one coding run into DB (a new one for SQLite); appends
# "stories events secs store_secs store_rate kb" to $OUT/store-runs.txt from
# the final progress line and GNU time.
once() {
	db=$1 corpus=$2
	case $db in postgres*) ;; *) rm -f "$db" "$db-wal" "$db-shm" ;; esac
	/usr/bin/time -f '%e %M' -o "$OUT/store-time.txt" \
		"$BIN" code --no-parse --quiet --progress --db "$db" "$corpus" 2> "$OUT/store-err.txt"
	read -r secs kb < "$OUT/store-time.txt"
	line=$(tr '\r' '\n' < "$OUT/store-err.txt" | grep 'store ' | tail -n 1)
	stories=$(echo "$line" | sed -n 's/^curlew: \([0-9]*\) stories.*/\1/p')
	events=$(echo "$line" | sed -n 's/.* \([0-9]*\) events, .*/\1/p')
	ssecs=$(echo "$line" | sed -n 's/.*store \([0-9.]*\)s = .*/\1/p')
	erate=$(echo "$line" | sed -n 's/.*store [0-9.]*s = \([0-9]*\) events\/s.*/\1/p')
	echo "$stories $events $secs $ssecs $erate $kb" >> "$OUT/store-runs.txt"
}

# run LABEL DB CORPUS N: N runs, each figure's median printed.
run() {
	label=$1 db=$2 corpus=$3 n=$4
	: > "$OUT/store-runs.txt"
	i=0
	while [ "$i" -lt "$n" ]; do
		once "$db" "$corpus"
		i=$((i + 1))
	done
	awk -v l="$label" -v n="$n" '
	function med(col,   k, m, t, v) {
		for (k = 1; k <= NR; k++) v[k] = f[k, col]
		for (k = 1; k <= NR; k++) for (m = k + 1; m <= NR; m++) if (v[m] < v[k]) { t = v[k]; v[k] = v[m]; v[m] = t }
		lo = v[1]; hi = v[NR]
		return NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	}
	{ for (c = 1; c <= 6; c++) f[NR, c] = $c }
	END {
		st = f[1, 1]; ev = f[1, 2]
		s = med(3); ss = med(4); er = med(5); erlo = lo; erhi = hi; kb = med(6)
		printf "bench: %s: %d stories, %d events in %.1fs end to end = %.0f stories/s, %.0f events/s;", l, st, ev, s, st / s, ev / s
		printf " store alone %.2fs = %d events/s, %.0f stories/s; peak RSS %d MB", ss, er, (ss > 0 ? st / ss : 0), kb / 1024
		if (n > 1)
			printf " (median of %d runs; store alone %d to %d events/s)", n, erlo, erhi
		printf "\n"
		print er, kb > "'"$OUT"'/store-summary.txt"
	}' "$OUT/store-runs.txt"
}

run "sqlite 1x" "$OUT/store-1x.sqlite" "$OUT/store-1x.jsonl" "$RUNS"
read -r r1 kb1 < "$OUT/store-summary.txt"
run "sqlite 10x" "$OUT/store-10x.sqlite" "$OUT/store-10x.jsonl" "$RUNS"
read -r r10 kb10 < "$OUT/store-summary.txt"
awk -v a="$r1" -v b="$r10" -v ka="$kb1" -v kb="$kb10" 'BEGIN {
	printf "bench: SQLite insert throughput (store alone, median): %d events/s at 1x, %d events/s at 10x (issue 4 asks at least 50,000); peak RSS %d MB at 1x, %d MB at 10x\n", a, b, ka / 1024, kb / 1024
}'

. tests/pg-server.sh
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/curlew-bench-pg.XXXXXX")
trap 'pg_stop; rm -rf "$pgdir"' EXIT
if pg_start "$pgdir" > "$OUT/pg-start.txt" 2>&1; then
	run "postgresql 1x" "$(pg_url bench1)" "$OUT/store-1x.jsonl" 1
	run "postgresql 10x" "$(pg_url bench10)" "$OUT/store-10x.jsonl" 1
else
	echo "bench: postgresql: no server could be started (make deps installs postgresql)"
	cat "$OUT/pg-start.txt"
fi
