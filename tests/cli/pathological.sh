#!/bin/sh
# Pathological input: each case must finish in bounded time and memory and
# leave the rest of the output right.  Bounds are loose on purpose: a hang
# or a blow-up fails, speed is not measured.  Peak memory is GNU time's %M.
#
#   sh tests/cli/pathological.sh BUILD_DIR     (from the repo root)
#
# The million-sentence and million-entry cases run on the plain build only
# (under ASan they would take minutes); the sanitizer build gets scaled-down
# versions of the same inputs.
BUILD=${1:-build}
BIN=$(cd "$(dirname "$BUILD/curlew")" && pwd)/curlew
DATA=$(pwd)/data
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
finish() {
	echo "pathological.sh: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-patho.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
if [ "$BUILD" = build ]; then big=1; else big=0; fi

# run NAME SECONDS MAX_KB STATUSES ARGS... (stdin from $STDIN): bounded run.
run() {
	name=$1 secs=$2 maxkb=$3 allowed=$4
	shift 4
	/usr/bin/time -f '%e %M' -o "$tmp/$name.time" timeout "$secs" "$BIN" code "$@" \
		< "${STDIN:-/dev/null}" > "$tmp/$name.out" 2> "$tmp/$name.err"
	rc=$?
	set -- $(tail -n 1 "$tmp/$name.time")
	elapsed=$1 kb=$2
	if [ "$rc" -eq 124 ]; then
		bad "$name: finishes within ${secs}s"
		return
	fi
	case " $allowed " in
	*" $rc "*) ok "$name: exit $rc, ${elapsed}s, ${kb} KB" ;;
	*) bad "$name: exit $rc (want $allowed)"; sed -n '1,10p' "$tmp/$name.err"; return ;;
	esac
	[ "${kb:-0}" -le "$maxkb" ] && ok "$name: peak ${kb} KB <= $maxkb KB" ||
		bad "$name: peak ${kb} KB > $maxkb KB"
	grep -q 'Sanitizer\|runtime error' "$tmp/$name.err" && bad "$name: sanitizer report"
	grep -v '^{.*}$' "$tmp/$name.out" | grep -q . && bad "$name: a line that is not a JSON object"
}
coded() { grep -q "\"story_id\":\"$2\"" "$tmp/$1.out"; }
GOOD='Israeli troops attacked Palestinian militants in Gaza.'

# 400 words, no punctuation, actors and verbs throughout: the parser (on)
# must keep to its time limit; the good story after it is still coded.
awk -v good="$GOOD" 'BEGIN {
	printf "{\"id\":\"long\",\"date\":\"2024-03-11\",\"text\":\""
	for (i = 0; i < 50; i++) printf "Russian forces shelled Ukrainian positions and officials said "
	printf "\"}\n{\"id\":\"after\",\"date\":\"2024-03-11\",\"text\":\"%s\"}\n", good
}' > "$tmp/long.jsonl"
run long400 120 2000000 "0" --parse-timeout 1 "$tmp/long.jsonl"
coded long400 after && ok "long400: next story coded" || bad "long400: next story coded"

# 10,000 nested parentheses around an event, then a good sentence.
awk -v good="$GOOD" 'BEGIN {
	printf "{\"id\":\"parens\",\"date\":\"2024-03-11\",\"text\":\""
	for (i = 0; i < 10000; i++) printf "("
	printf "Israeli troops attacked Palestinian militants"
	for (i = 0; i < 10000; i++) printf ")"
	printf ". %s\"}\n", good
}' > "$tmp/parens.jsonl"
run parens 120 2000000 "0" "$tmp/parens.jsonl"
coded parens parens && ok "parens: the plain sentence coded" || bad "parens: the plain sentence coded"

# HTML with 300,000 attributes on one tag (issue 9): libxml2's time grows
# with the square of a tag's attributes (40,000 took 11 s, this one over
# five minutes).  The page is named and skipped within a few seconds; a
# page with many ordinary tags and the page after it are coded.
awk -v good="$GOOD" 'BEGIN {
	printf "<html><body><p>%s</p><div", good
	for (i = 0; i < 300000; i++) printf " a%d=\"x\"", i
	printf ">text</div></body></html>\n"
}' > "$tmp/attrs.html"
awk -v good="$GOOD" 'BEGIN {
	printf "<html><body><article><p>%s</p>", good
	for (i = 0; i < 5000; i++) printf "<span class=\"c%d\" id=\"s%d\" data-x=\"1\">w</span> ", i, i
	printf "</article></body></html>\n"
}' > "$tmp/spans.html"
run attrs 10 2000000 "2" --date 2024-03-11 "$tmp/attrs.html" "$tmp/spans.html"
grep -q 'attrs.html: a tag with more than 2000 attributes.*page skipped' "$tmp/attrs.err" &&
	ok "attrs: the page is named and skipped" || bad "attrs: the page is named and skipped"
[ "${elapsed%%.*}" -lt 5 ] 2>/dev/null && ok "attrs: ${elapsed}s, under 5s" || bad "attrs: ${elapsed}s, want under 5s"
coded attrs spans && ok "attrs: the ordinary page after it coded" || bad "attrs: the ordinary page after it coded"

# NUL bytes and overlong UTF-8 between good stories: skipped, others coded.
{
	printf '{"id":"g1","text":"%s"}\n' "$GOOD"
	printf '{"id":"nul","text":"Israeli troops\\u0000 attacked militants."}\n'
	printf '{"id":"over","text":"Israeli troops \300\257 attacked \340\200\257 militants."}\n'
	printf '{"id":"g2","text":"%s"}\n' "$GOOD"
} > "$tmp/bytes.jsonl"
run bytes 60 2000000 "2" --date 2024-03-11 "$tmp/bytes.jsonl"
coded bytes g1 && coded bytes g2 && ok "bytes: good stories coded" || bad "bytes: good stories coded"
grep -q 'bytes.jsonl:2' "$tmp/bytes.err" && grep -q 'bytes.jsonl:3' "$tmp/bytes.err" &&
	ok "bytes: both bad records named by line" || bad "bytes: both bad records named by line"
printf 'Talks \000 resumed.\n' > "$tmp/nul.txt"
printf 'Talks \300\257 resumed \355\240\200 today.\n' > "$tmp/over.txt"
printf '%s\n' "$GOOD" > "$tmp/good.txt"
run bytes-txt 60 2000000 "2" --date 2024-03-11 --input txt "$tmp/nul.txt" "$tmp/over.txt" "$tmp/good.txt"
coded bytes-txt good && ok "bytes-txt: good story coded" || bad "bytes-txt: good story coded"

# Sentences that name no actor, streamed through stdin as JSONL stories:
# memory must stay flat, so ten times the input may not take much more
# memory than a tenth (both runs span several batches of stories; ASan's
# quarantine of freed memory is kept small so that it does not count).
stream() {   # stream STORIES SENTENCES_PER_STORY
	awk -v n="$1" -v per="$2" -v good="$GOOD" 'BEGIN {
		s = "The weather was mild and the markets were calm. "
		for (i = 0; i < n; i++) {
			printf "{\"id\":\"q%d\",\"date\":\"2024-03-11\",\"text\":\"", i
			for (k = 0; k < per; k++) printf "%s", s
			printf "\"}\n"
		}
		printf "{\"id\":\"last\",\"date\":\"2024-03-11\",\"text\":\"%s\"}\n", good
	}'
}
if [ "$big" -eq 1 ]; then per=50; else per=5; fi
stream 600 $per > "$tmp/small.jsonl"
stream 6000 $per > "$tmp/stream.jsonl"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=8"
STDIN="$tmp/small.jsonl" run stream-tenth 300 4000000 "0" --no-parse
small_kb=$kb
STDIN="$tmp/stream.jsonl" run stream-$((6000 * per)) 600 4000000 "0" --no-parse
STDIN=
coded stream-$((6000 * per)) last && ok "stream: last story coded" || bad "stream: last story coded"
limit=$((small_kb * 3 / 2 + 50000))
[ "${kb:-0}" -le "$limit" ] && ok "stream: flat memory (${kb} KB for $((6000 * per)) sentences, ${small_kb} KB for a tenth)" ||
	bad "stream: memory grows (${kb} KB for $((6000 * per)) sentences, ${small_kb} KB for a tenth)"

# One story of a million actor-less sentences on stdin (20,000 under the
# sanitizers), and one of a tenth as many.  Long stories are coded a window
# of sentences at a time, keeping only the sentences with events, so the
# memory is the text (read, and copied into the doc), 8 bytes a sentence
# for its span, and a constant; coded whole, a story took 1.3 KB a sentence
# (1.3 GB for the million).  The good sentence at the end is still coded.
one_story() {   # one_story SENTENCES > FILE
	awk -v n="$1" -v good="$GOOD" 'BEGIN {
		for (i = 0; i < n; i++) printf "The weather was mild today. "
		print good
	}'
}
if [ "$big" -eq 1 ]; then nbig=1000000; else nbig=20000; fi
nsmall=$((nbig / 10))
one_story $nsmall > "$tmp/story-small.txt"
one_story $nbig > "$tmp/story-big.txt"
small_text_kb=$(($(wc -c < "$tmp/story-small.txt") / 1024))
big_text_kb=$(($(wc -c < "$tmp/story-big.txt") / 1024))
STDIN="$tmp/story-small.txt" run story-$nsmall 300 4000000 "0" --no-parse --input txt --date 2024-03-11
small_kb=$kb
STDIN="$tmp/story-big.txt" run story-$nbig 300 4000000 "0" --no-parse --input txt --date 2024-03-11
STDIN=
grep -q "\"sentence\":$((nbig + 1))," "$tmp/story-$nbig.out" && ok "one story: last sentence coded" ||
	bad "one story: last sentence coded"
limit=$((big_text_kb + 200000))
[ "${kb:-0}" -le "$limit" ] && ok "one story: peak ${kb} KB <= text ${big_text_kb} KB + 200 MB" ||
	bad "one story: peak ${kb} KB > text ${big_text_kb} KB + 200 MB"
# Ten times the sentences: no more than twice the extra text and 32 MB.
limit=$((small_kb + 2 * (big_text_kb - small_text_kb) + 32000))
[ "${kb:-0}" -le "$limit" ] &&
	ok "one story: flat memory (${kb} KB for $nbig sentences, ${small_kb} KB for $nsmall)" ||
	bad "one story: memory grows (${kb} KB for $nbig sentences, ${small_kb} KB for $nsmall)"

# A dictionary of a million actors (plain build only; 20,000 otherwise):
# a data dir whose actors.txt is the real one plus generated names.
if [ "$big" -eq 1 ]; then entries=1000000; else entries=20000; fi
mkdir -p "$tmp/data/gen"
for f in "$DATA"/*.*; do ln -s "$f" "$tmp/data/"; done
for f in "$DATA"/gen/*; do ln -s "$f" "$tmp/data/gen/"; done
rm "$tmp/data/actors.txt"
{
	cat "$DATA/actors.txt"
	awk -v n="$entries" 'BEGIN {
		split("abcdefghijklmnopqrstuvwxyz", L, "")
		for (i = 0; i < n; i++) {
			w = ""; x = i
			for (k = 0; k < 5; k++) { w = w L[x % 26 + 1]; x = int(x / 26) }
			printf "Q%s Zorg Front  [NGO]\n", w
		}
	}'
} > "$tmp/data/actors.txt"
printf '{"id":"dict","date":"2024-03-11","text":"Qbaaaa Zorg Front attacked Israeli troops in Gaza."}\n' > "$tmp/dict.jsonl"
run dict-$entries 300 4000000 "0" --no-parse --data "$tmp/data" "$tmp/dict.jsonl"
grep -q '"code":"NGO".*"text":"Qbaaaa Zorg Front"' "$tmp/dict-$entries.out" &&
	ok "dict: a generated entry codes its actor" || bad "dict: a generated entry codes its actor"

finish
