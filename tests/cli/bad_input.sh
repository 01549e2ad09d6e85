#!/bin/sh
# Bad input must be reported and skipped, never crash the coder or lose the
# good stories around it (see "Input" and "Exit status" in the contract).
#
#   sh tests/cli/bad_input.sh BUILD_DIR [KEEP_DIR]    (from the repo root)
#
# With KEEP_DIR the inputs (and each run's .out/.err) are written there and
# kept, for trying them by hand.
#
# Every run is bounded by `timeout 60`.  For each case: the exit status
# (2 when something was skipped, 0 when all was coded), no crash (status
# below 128), no sanitizer report, a message on stderr naming the file (and
# the line and id for JSONL), and the good stories still coded.  Ends with
# "N passed, M failed".
BUILD=${1:-build}
BIN="$BUILD/curlew"
LIMIT=60

. tests/lib.sh

if [ ! -x "$BIN" ]; then
	bad "$BIN exists and is executable"
	finish
fi
# Absolute, because the cases run inside the temporary directory.
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

if [ -n "${2:-}" ]; then
	# Keep the inputs and outputs for a look by hand.
	mkdir -p "$2" || exit 1
	tmp=$(cd "$2" && pwd)
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-bad.XXXXXX") || exit 1
	trap 'rm -rf "$tmp"' EXIT
fi
trap 'exit 1' INT TERM

GOOD='Israeli troops attacked Palestinian militants in Gaza.'

# ------------------------------------------------------------------ inputs

printf '%s\n' "$GOOD" > "$tmp/good-a.txt"
printf 'Russian forces shelled Ukrainian positions near Kharkiv.\n' > "$tmp/good-b.txt"

# Invalid UTF-8: a lone 0xFF 0xFE pair on the third line.
printf 'Talks resumed on Monday.\n\nIsraeli troops attacked \377\376 militants in Gaza.\n' > "$tmp/invalid-utf8.txt"

# Overlong encodings of "/" (two and three bytes): invalid UTF-8.
printf 'Israeli troops attacked Palestinian militants in Gaza \300\257 and \340\200\257 today.\n' \
	> "$tmp/overlong.txt"

# NUL bytes inside a story.
printf 'Israeli troops attacked Palestinian militants in Gaza.\000\000 Officials said\000 nothing more.\n' \
	> "$tmp/nul.txt"

# A binary file: the start of the coder's own executable (NULs, high bytes).
head -c 65536 "$BIN" > "$tmp/binary.txt"

# An empty file.
: > "$tmp/empty.txt"

# A 2 MB story on a single line: one good sentence, then a run-on sentence
# with no full stop until the very end.
awk -v good="$GOOD" 'BEGIN {
	printf "%s ", good
	s = "officials from several countries continued their discussions about trade and security "
	for (n = 0; n < 2097152; n += length(s)) printf "%s", s
	printf "in Geneva.\n"
}' > "$tmp/huge.txt"
awk -v good="$GOOD" 'BEGIN {
	printf "{\"id\":\"huge-j\",\"date\":\"2024-03-11\",\"text\":\"%s ", good
	s = "officials from several countries continued their discussions about trade and security "
	for (n = 0; n < 2097152; n += length(s)) printf "%s", s
	printf "in Geneva.\"}\n"
}' > "$tmp/huge.jsonl"
printf '{"id":"after-huge","date":"2024-03-11","text":"%s"}\n' "$GOOD" >> "$tmp/huge.jsonl"

# JSONL with bad lines between good ones; the last line has no newline.
{
	printf '{"id":"j1","date":"2024-03-11","text":"%s"}\n' "$GOOD"
	printf 'this is not json {\n'
	printf '{"date":"2024-03-11","text":"%s"}\n' "$GOOD"
	printf '{"id":"j4","date":"2024-03-11","text":"%s"}\n' "$GOOD"
	printf '{"id":"j5","date":"2024-03-11","text":""}\n'
	printf '{"id":"j6","date":"2024-03-11","text":"Israeli troops attacked \377 militants."}\n'
	printf '{"id":"j7","date":"2024-03-11","text":"%s"}\n' "$GOOD"
	printf '[1, 2, 3]\n'
	printf '{"id":"j10","date":"2024-03-11","text":"%s"}' "$GOOD"
} > "$tmp/mixed.jsonl"

# A JSON-escaped NUL inside a record, between good records.
{
	printf '{"id":"n1","text":"%s"}\n' "$GOOD"
	printf '{"id":"n2","text":"Israeli troops\\u0000 attacked Palestinian militants in Gaza."}\n'
	printf '{"id":"n3","text":"%s"}\n' "$GOOD"
} > "$tmp/nul.jsonl"

# ------------------------------------------------------------------ helpers

# run NAME ALLOWED_STATUSES ARGS...: runs `curlew code --format jsonl ARGS`
# with stdout/stderr in $tmp/NAME.out/.err and checks the run itself.
run() {
	name=$1
	allowed=$2
	shift 2
	timeout "$LIMIT" "$BIN" code --format jsonl --date 2024-03-11 "$@" \
		> "$tmp/$name.out" 2> "$tmp/$name.err" < "${STDIN:-/dev/null}"
	rc=$?
	if [ "$rc" -eq 124 ]; then
		bad "$name: finishes within ${LIMIT}s"
	elif [ "$rc" -ge 128 ]; then
		bad "$name: no crash (exit $rc)"
		sed -n '1,15p' "$tmp/$name.err"
	else
		ok "$name: finishes, no crash"
	fi
	case " $allowed " in
	*" $rc "*) ok "$name: exit status $rc (allowed: $allowed)" ;;
	*) bad "$name: exit status $rc, want one of: $allowed"
	   sed -n '1,10p' "$tmp/$name.err" ;;
	esac
	if grep -q 'AddressSanitizer\|LeakSanitizer\|runtime error:' "$tmp/$name.err"; then
		bad "$name: no sanitizer report"
		sed -n '1,30p' "$tmp/$name.err"
	else
		ok "$name: no sanitizer report"
	fi
	if grep -v '^{.*}$' "$tmp/$name.out" | grep -q .; then
		bad "$name: every output line is a JSON object"
	else
		ok "$name: every output line is a JSON object"
	fi
}

coded() {   # coded NAME STORY_ID: some event of that story was written
	grep -q "\"story_id\": *\"$2\"" "$tmp/$1.out"
}
not_coded() {
	! coded "$@"
}
said() {    # said NAME TEXT: stderr mentions TEXT
	grep -qF -- "$2" "$tmp/$1.err"
}
said_line() {   # said_line NAME FILE LINE: a message names FILE and LINE
	grep -F -- "$2" "$tmp/$1.err" | grep -Eq "(^|[^0-9A-Za-z])$3([^0-9]|\$)"
}

# ------------------------------------------------------------------ cases

cd "$tmp" || exit 1

# The baseline: without it the "still coded" checks below mean nothing.
run baseline "0" --input txt good-a.txt good-b.txt
check "baseline: good-a coded" coded baseline good-a
check "baseline: good-b coded" coded baseline good-b

for f in invalid-utf8 overlong binary empty; do
	run "$f" "2" --input txt good-a.txt "$f.txt" good-b.txt
	check "$f: stderr names $f.txt" said "$f" "$f.txt"
	check "$f: good story before it still coded" coded "$f" good-a
	check "$f: good story after it still coded" coded "$f" good-b
	check "$f: the bad story gives no events" not_coded "$f" "$f"
done

# NUL bytes: skipping the story or coding around them are both fine, as
# long as the status says which and nothing else is lost.
run nul "0 2" --input txt good-a.txt nul.txt good-b.txt
if [ "$rc" -eq 2 ]; then
	check "nul: stderr names nul.txt" said nul nul.txt
fi
check "nul: good-a still coded" coded nul good-a
check "nul: good-b still coded" coded nul good-b

run nul-jsonl "0 2" --input jsonl nul.jsonl
if [ "$rc" -eq 2 ]; then
	check "nul-jsonl: stderr names line 2" said_line nul-jsonl nul.jsonl 2
fi
check "nul-jsonl: n1 still coded" coded nul-jsonl n1
check "nul-jsonl: n3 still coded" coded nul-jsonl n3

run mixed "2" --input jsonl mixed.jsonl
for l in 2 3 5 6 8; do
	check "mixed: stderr names mixed.jsonl line $l" said_line mixed mixed.jsonl "$l"
done
check "mixed: stderr names the empty story's id j5" said mixed j5
for id in j1 j4 j7 j10; do
	check "mixed: good story $id coded" coded mixed "$id"
done
check "mixed: empty story j5 gives no events" not_coded mixed j5
check "mixed: invalid story j6 gives no events" not_coded mixed j6

# The same file through standard input.
STDIN=mixed.jsonl
run mixed-stdin "2" --input jsonl
STDIN=
for id in j1 j4 j7 j10; do
	check "mixed-stdin: good story $id coded" coded mixed-stdin "$id"
done

# 2 MB on one line: coded, or skipped as too long with a message; in time.
run huge "0 2" --input txt huge.txt good-b.txt
if [ "$rc" -eq 2 ]; then
	check "huge: stderr names huge.txt" said huge huge.txt
else
	check "huge: the opening sentence coded" coded huge huge
fi
check "huge: good-b still coded" coded huge good-b

run huge-jsonl "0 2" --input jsonl huge.jsonl
if [ "$rc" -eq 2 ]; then
	check "huge-jsonl: stderr names huge.jsonl" said huge-jsonl huge.jsonl
else
	check "huge-jsonl: the opening sentence coded" coded huge-jsonl huge-j
fi
check "huge-jsonl: the story after it still coded" coded huge-jsonl after-huge

# A directory among the inputs (a glob that caught a folder): skipped and
# named, the stories before and after it coded, also into a store (issue 9).
mkdir -p "$tmp/somedir"
printf '{"id":"d1","date":"2024-03-11","text":"%s"}\n' "$GOOD" > "$tmp/before-dir.jsonl"
run directory "2" before-dir.jsonl somedir/ good-b.txt
check "directory: stderr names somedir" said directory "somedir/: Is a directory"
check "directory: the story before it still coded" coded directory d1
check "directory: the story after it still coded" coded directory good-b
# (not in a build without the store: tests/run.sh)
if [ -z "${CURLEW_NO_STORE:-}" ] && command -v sqlite3 > /dev/null 2>&1; then
	timeout "$LIMIT" "$BIN" code --date 2024-03-11 --db "$tmp/dir.sqlite" before-dir.jsonl somedir \
		good-b.txt > /dev/null 2> "$tmp/dir-db.err"
	check "directory with --db: exit 2" [ $? -eq 2 ]
	check "directory with --db: both stories stored" \
		[ "$(sqlite3 "$tmp/dir.sqlite" "SELECT COUNT(*) FROM stories")" -eq 2 ]
fi

# A file that does not exist: a setup error (1) or a skipped input (2).
run missing "1 2" --input txt good-a.txt no-such-file.txt
check "missing: stderr names no-such-file.txt" said missing no-such-file.txt
if [ "$rc" -eq 2 ]; then
	check "missing: good-a still coded" coded missing good-a
fi

# With several threads the main thread reads the next batch while the
# workers code this one, and holds what the reader says until this batch
# is written: output and messages must come in the one-thread order.
# --batch 2 makes batches of two, so bad lines fall in every position.
for th in 2 3; do
	run "threads$th-1" "2" --threads 1 --batch 2 mixed.jsonl missing.jsonl nul.jsonl mixed.jsonl
	run "threads$th" "2" --threads "$th" --batch 2 mixed.jsonl missing.jsonl nul.jsonl mixed.jsonl
	check "threads $th: the records of --threads 1, in order" cmp -s "threads$th-1.out" "threads$th.out"
	check "threads $th: the messages of --threads 1, in order" cmp -s "threads$th-1.err" "threads$th.err"
done
finish
