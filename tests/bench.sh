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

run() {
	label=$1
	shift
	/usr/bin/time -f '%e %M' -o build/bench/time.txt "$BIN" code --quiet "$@" "$CORPUS" \
		> build/bench/out.jsonl 2> build/bench/err.txt || true
	read -r secs kb < build/bench/time.txt
	sents=$(grep -o 'sentences' build/bench/err.txt | wc -l)
	nsent=$(sed -n 's/.* \([0-9][0-9]*\) sentences, .*/\1/p' build/bench/err.txt | tail -n 1)
	events=$(wc -l < build/bench/out.jsonl)
	rate=$(awk -v n="$nsent" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
	echo "bench: $label: $nsent sentences, $events events in ${secs}s = $rate sentences/s, peak RSS $((kb / 1024)) MB"
	echo "$rate" > "build/bench/rate-$label"
	: "$sents"
}

# The one coding path (tagger and chunker; link-grammar was removed), on
# one thread and on two.  Start-up (loading the dictionaries, WordNet's
# morphology and the tagger's tables) is inside each figure.
run "1-thread" --threads 1 --progress
run "2-threads" --threads 2 --progress
r1=$(cat build/bench/rate-1-thread)
r2=$(cat build/bench/rate-2-threads)
awk -v a="$r1" -v b="$r2" 'BEGIN { if (a > 0) printf "bench: 2 threads / 1 thread = %.2fx\n", b / a }'
sh tests/bench-store.sh "$BIN"
