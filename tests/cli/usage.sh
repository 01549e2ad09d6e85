#!/bin/sh
# The command line's manners (issue 12, item 5): -h/--help on every
# command, --version in the help, a usage error is one line and a hint,
# text on stdin is coded as text (and said), query never creates a missing
# store, explain says why a matched pattern made no event.
#
#   sh tests/cli/usage.sh BUILD_DIR      (from the repo root)
BUILD=${1:-build}
BIN=$BUILD/curlew
TALLY_NAME=usage.sh
. tests/lib.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-usage.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for cmd in code explain eval query dict validate serve; do
	for h in -h --help; do
		"$BIN" $cmd $h > "$tmp/out" 2> "$tmp/err"
		rc=$?
		check "$cmd $h: exit 0, help on stdout" [ $rc -eq 0 ] && grep -q "^usage: curlew $cmd" "$tmp/out" && [ ! -s "$tmp/err" ]
	done
done
"$BIN" code --db x.sqlite --help > "$tmp/out" 2>&1
check "code --help after other options still helps" grep -q "^usage: curlew code" "$tmp/out"
check "no store was made for the help" [ ! -e x.sqlite ]
"$BIN" --help > "$tmp/out"
check "curlew --help names --version" grep -q -- "--version" "$tmp/out"
check "curlew --help names each command's --help" grep -q -- "COMMAND --help" "$tmp/out"
"$BIN" --version > "$tmp/out"
check "curlew --version" grep -q "^curlew [0-9][0-9.]*$" "$tmp/out"

# usage errors: one line saying what, one line saying where the help is
usage_err() {   # usage_err NAME ARGS...
	name=$1
	shift
	"$BIN" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	check "$name: exit 1" [ $rc -eq 1 ]
	check "$name: two lines on stderr" [ "$(wc -l < "$tmp/err")" -eq 2 ]
	check "$name: the hint names the command's help" grep -q "^Try 'curlew .*--help'\.$" "$tmp/err"
	check "$name: nothing on stdout" [ ! -s "$tmp/out" ]
}
usage_err "code --bogus" code --bogus
usage_err "code --format nope" code --format nope
usage_err "code --date" code --date
usage_err "query without --db" query summary
usage_err "query --by fortnight" query --db "$tmp/x.sqlite" --by fortnight counts
usage_err "explain without a sentence" explain
usage_err "explain --bogus" explain --bogus "Troops attacked."
usage_err "no command" 
usage_err "unknown command" frobnicate
"$BIN" code --bogus 2> "$tmp/err"
check "code's hint is code's help" grep -q "^Try 'curlew code --help'\.$" "$tmp/err"

# text on stdin: coded as one story, with a word on stderr
printf 'Israeli troops attacked Palestinian militants in Gaza.\n\nTurkish police arrested opposition activists in Ankara.\n' |
	"$BIN" code --date 2024-03-15 > "$tmp/out" 2> "$tmp/err"
rc=$?
check "text on stdin: exit 0" [ $rc -eq 0 ]
check "text on stdin: both paragraphs coded" [ "$(grep -c '"cameo"' "$tmp/out")" -ge 2 ]
check "text on stdin: said once, with --input" [ "$(grep -c -- '--input' "$tmp/err")" -eq 1 ]
printf '{"id":"a","text":"Israeli troops attacked Palestinian militants in Gaza."}\n' |
	"$BIN" code --date 2024-03-15 > "$tmp/out" 2> "$tmp/err"
check "JSON lines on stdin: coded quietly" [ $? -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '"story_id":"a"' "$tmp/out"
printf 'Israeli troops attacked.\n' | "$BIN" code --quiet > /dev/null 2> "$tmp/err"
check "text on stdin: --quiet silences the word" [ ! -s "$tmp/err" ]

# query never creates a store
"$BIN" query --db "$tmp/typo.sqlite" summary > "$tmp/out" 2> "$tmp/err"
check "query of a missing store: exit 1" [ $? -eq 1 ]
check "query of a missing store: not created" [ ! -e "$tmp/typo.sqlite" ]
check "query of a missing store: said" grep -q "typo.sqlite" "$tmp/err"

# explain: why a matched pattern made no event
"$BIN" explain "Israel did not attack Gaza." > "$tmp/out"
check "explain: a negated act says why it made no event" grep -q 'made no event: it is told as negated' "$tmp/out"
"$BIN" explain "Russia condemned the air strike on Kyiv." > "$tmp/out"
check "explain: a topic act says why" grep -q '"air strike on" made no event: it is told as topic' "$tmp/out"
"$BIN" explain -- "-- Israeli troops attacked Palestinian militants." > "$tmp/out"
check "explain -- SENTENCE takes a sentence that starts with -" grep -q "^events: 1" "$tmp/out"
finish
