#!/bin/sh
# Builds the benchmark corpus: build/bench/corpus.jsonl (or the file named
# as $1), at least $BENCH_SENTENCES (default 12500) sentences in JSONL
# stories of about ten sentences each.
#
# The sentences are the <Text> sentences of the PETRARCH GigaWord sample in
# ../shared (real wire copy, dated by their records), the stories of the
# development gold set tests/eval/dev.jsonl (wire-style sentences from many
# regions, with their dates; never the held-aside set) and the text: lines
# of tests/golden/*.txt (dated 2024-01-15), shuffled into stories by a
# fixed stride so that neighbouring sentences come from different sources,
# the whole list repeated until there are enough (about 1,200 distinct units:
# no stage caches answers any longer, so repeats cost what new text does).
# Without ../shared the GigaWord sentences are left out.  Needs nothing but
# sh, sed and awk, so it runs on a bare build machine.
set -eu

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${1:-"$root/build/bench/corpus.jsonl"}
want=${BENCH_SENTENCES:-12500}
per_story=${BENCH_PER_STORY:-10}
giga="$root/../shared/reference/petrarch/GigaWord.sample.PETR.xml"

mkdir -p "$(dirname "$out")"
units="$out.units.$$"
trap 'rm -f "$units"' EXIT INT TERM

# One unit a line: DATE<TAB>TEXT, whitespace collapsed.
: > "$units"
if [ -r "$giga" ]; then
	awk '
	/<Sentence / {
		date = "2024-01-15"
		if (match($0, /date *= *"[0-9]+"/)) {
			d = substr($0, RSTART, RLENGTH)
			gsub(/[^0-9]/, "", d)
			if (length(d) == 8)
				date = substr(d, 1, 4) "-" substr(d, 5, 2) "-" substr(d, 7, 2)
		}
	}
	/<Text>/   { intext = 1; buf = ""; next }
	/<\/Text>/ {
		intext = 0
		gsub(/[[:space:]]+/, " ", buf)
		sub(/^ /, "", buf); sub(/ $/, "", buf)
		gsub(/&lt;/, "<", buf); gsub(/&gt;/, ">", buf)
		gsub(/&quot;/, "\"", buf); gsub(/&apos;/, "'"'"'", buf)
		gsub(/&amp;/, "\\&", buf)
		if (buf != "") print date "\t" buf
		next
	}
	intext { buf = buf " " $0 }
	' "$giga" >> "$units"
fi
dev="$root/tests/eval/dev.jsonl"
if [ -r "$dev" ]; then
	# one story a line: "date": "...", ... "text": "...", "events"
	sed -n 's/.*"date": "\([0-9-]*\)".*"text": "\(.*\)", "events".*/\1	\2/p' "$dev" |
		sed 's/\\"/"/g; s/\\\\/\\/g' >> "$units"
fi
for f in "$root"/tests/golden/*.txt; do
	[ -r "$f" ] || continue
	sed -n 's/^text:[[:space:]]*//p' "$f" |
		sed 's/[[:space:]][[:space:]]*/ /g; s/ $//' |
		awk 'NF { print "2024-01-15\t" $0 }' >> "$units"
done

if [ ! -s "$units" ]; then
	echo "make-corpus.sh: no sentences found (no golden files, no ../shared)" >&2
	exit 1
fi

# Repeat the units until there are enough, ten to a story.  A unit may hold
# more than one sentence, so counting units undercounts sentences.
awk -F '\t' -v want="$want" -v per="$per_story" '
function esc(s) {
	gsub(/[[:cntrl:]]/, " ", s)
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return s
}
function flush() {
	if (n == 0) return
	stories++
	printf "{\"id\":\"bench-%05d\",\"date\":\"%s\",\"source\":\"bench\",\"text\":\"%s\"}\n", stories, sdate, esc(text)
	n = 0; text = ""
}
{ date[NR] = $1; body[NR] = substr($0, index($0, "\t") + 1) }
END {
	total = 0
	# a stride prime to the count visits every unit once a round
	stride = 7
	while (NR % stride == 0) stride += 2
	while (total < want) {
		for (k = 0; k < NR && total < want; k++) {
			i = (k * stride) % NR + 1
			if (n == 0) sdate = date[i]
			text = (n == 0) ? body[i] : text " " body[i]
			n++; total++
			if (n == per) flush()
		}
	}
	flush()
	printf "make-corpus.sh: %d sentences in %d stories\n", total, stories > "/dev/stderr"
}
' "$units" > "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "$out"
