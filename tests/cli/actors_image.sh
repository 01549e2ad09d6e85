#!/bin/sh
# data/gen/actors.bin, the actor dictionary written at make time
# (build/actc; src/coder/actors.c, "image"): read instead of the text while
# the text is unchanged, passed over for the text when the text changed or
# the image is damaged, and coding the same either way.
#
#   sh tests/cli/actors_image.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"
ACTC=build/actc

. tests/lib.sh

if [ ! -x "$BIN" ] || [ ! -x "$ACTC" ]; then
	bad "$BIN and $ACTC exist (make all)"
	finish
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-actimg.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A data directory of links to data/, but for actors.txt (a copy, edited
# below) and no image.
D="$tmp/data"
mkdir -p "$D/gen"
for f in data/*; do
	[ "$f" = data/gen ] || ln -s "$(pwd)/$f" "$D/"
done
for f in data/gen/*; do
	[ "$f" = data/gen/actors.bin ] || ln -s "$(pwd)/$f" "$D/gen/"
done
rm "$D/actors.txt" && cp data/actors.txt "$D/actors.txt"
IN=tests/eval/dev.jsonl
code() {   # code OUT [INPUT]: the records and messages of coding INPUT with $D
	"$BIN" code --data "$D" --threads 1 "${2:-$IN}" > "$tmp/$1.out" 2> "$tmp/$1.err"
}
# How often a run opens actors.txt, when strace can say: once to hash it
# when the image is taken, twice when the text is read too.  LeakSanitizer
# cannot run under ptrace.
opens() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -e trace=openat -o "$tmp/trace" "$BIN" code --data "$D" "$IN" > /dev/null 2>&1 &&
		grep -c "\"$D/actors.txt\"" "$tmp/trace"
}
have_strace=0
strace -o /dev/null true 2>/dev/null && have_strace=1

code text
check "no image: coded from the text" [ -s "$tmp/text.out" ]
check "actc writes the image" "$ACTC" "$D" "$D/gen/actors.bin"
code image
check "the image codes as the text does (records)" cmp -s "$tmp/text.out" "$tmp/image.out"
check "the image codes as the text does (messages)" cmp -s "$tmp/text.err" "$tmp/image.err"
if [ "$have_strace" = 1 ]; then
	check "with an image of this text, actors.txt is only hashed, not read as text" \
		[ "$(opens)" = 1 ]
else
	echo "actors_image.sh: strace is absent; which files are read is not checked"
fi

# The text changes after the image was written: the text wins.
printf 'Zorblax Quandrington [ZZZGOV]\n' >> "$D/actors.txt"
printf '{"id":"z1","date":"2024-03-11","text":"Zorblax Quandrington condemned Russia."}\n' > "$tmp/z.jsonl"
code stale "$tmp/z.jsonl"
check "an image older than the text is passed over: the new actor is coded" \
	grep -q '"ZZZGOV"' "$tmp/stale.out"
if [ "$have_strace" = 1 ]; then
	check "the stale image is passed over for the text" \
		[ "$(opens)" = 2 ]
fi
"$ACTC" "$D" "$D/gen/actors.bin"
code fresh "$tmp/z.jsonl"
check "rewritten from the new text, the image codes the new actor" cmp -s "$tmp/stale.out" "$tmp/fresh.out"

# A table the loader may come to read (data/actors-*.txt, say) changes
# the image's sources too.
if [ "$have_strace" = 1 ]; then
	check "the rewritten image is taken" [ "$(opens)" = 1 ]
	printf 'Quandrington Zorblax [ZZZGOV]\n' > "$D/actors-more.txt"
	check "a new table in the data directory makes the image stale" [ "$(opens)" = 2 ]
	rm "$D/actors-more.txt"
fi

# Damaged images: cut short, and a header of another kind.
cp "$D/gen/actors.bin" "$tmp/good.bin"
head -c 100000 "$tmp/good.bin" > "$D/gen/actors.bin"
code cut "$tmp/z.jsonl"
check "a cut image is passed over for the text" cmp -s "$tmp/stale.out" "$tmp/cut.out"
{ printf 'XXXXXXXX'; tail -c +9 "$tmp/good.bin"; } > "$D/gen/actors.bin"
code magic "$tmp/z.jsonl"
check "an image with another mark is passed over for the text" cmp -s "$tmp/stale.out" "$tmp/magic.out"
: > "$D/gen/actors.bin"
code empty "$tmp/z.jsonl"
check "an empty image is passed over for the text" cmp -s "$tmp/stale.out" "$tmp/empty.out"
finish
