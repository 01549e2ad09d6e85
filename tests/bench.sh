#!/bin/sh
# make bench: sentences per second and peak memory, end to end from raw
# text, over a corpus of at least 10,000 news sentences in stories of ten
# (tests/data/bench/make-corpus.sh).  Figures are printed, never asserted;
# the machine may be shared, so `uptime` is printed with them.
set -eu
BIN=${1:-build/curlew}
sh tests/data/bench/make-corpus.sh
CORPUS=build/bench/corpus.jsonl
stories=$(wc -l < "$CORPUS")
echo "bench: corpus $CORPUS, $stories stories; $(uptime | sed 's/.*load/load/')"

# One timed run: prints "SECONDS PEAK_KB SENTENCES EVENTS".
once() {
	/usr/bin/time -f '%e %M' -o build/bench/time.txt "$BIN" code --quiet --progress "$@" "$CORPUS" \
		> build/bench/out.jsonl 2> build/bench/err.txt || true
	read -r secs kb < build/bench/time.txt
	nsent=$(tr '\r' '\n' < build/bench/err.txt | sed -n 's/.* \([0-9][0-9]*\) sentences, .*/\1/p' | tail -n 1)
	echo "$secs $kb $nsent $(wc -l < build/bench/out.jsonl)"
}

# The one coding path (tagger and chunker; link-grammar was removed), on
# one thread and on two, in turn, BENCH_RUNS times (default 3), each
# figure the median: a shared machine slows single runs at random.
# Start-up (loading the dictionaries, WordNet's morphology and the
# tagger's tables) is inside each figure.
runs=${BENCH_RUNS:-3}
: > build/bench/runs-1
: > build/bench/runs-2
i=0
while [ "$i" -lt "$runs" ]; do
	once --threads 1 >> build/bench/runs-1
	once --threads 2 >> build/bench/runs-2
	i=$((i + 1))
done
report() {
	sort -n "build/bench/runs-$1" | awk -v label="$2" '
	{ s[NR] = $1; kb[NR] = $2; n = $3; ev = $4; if ($2 > peak) peak = $2 }
	END {
		m = s[int((NR + 1) / 2)]
		printf "bench: %s: %d sentences, %d events in %.2fs (median of %d, %.2f-%.2fs) = %.0f sentences/s, peak RSS %d MB\n",
		       label, n, ev, m, NR, s[1], s[NR], (m > 0 ? n / m : 0), peak / 1024
		print (m > 0 ? n / m : 0) > ("build/bench/rate-" label)
	}'
}
report 1 1-thread
report 2 2-threads
r1=$(cat build/bench/rate-1-thread)
r2=$(cat build/bench/rate-2-threads)
awk -v a="$r1" -v b="$r2" 'BEGIN { if (a > 0) printf "bench: 2 threads / 1 thread = %.2fx\n", b / a }'
echo "bench: after the runs: $(uptime | sed 's/.*load/load/')"
sh tests/bench-store.sh "$BIN"
