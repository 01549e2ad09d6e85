#!/bin/sh
# Fault injection: with build/fault/curlew (the sanitizer build with
# -DCW_FAULT_INJECTION, see src/util/fault.h) the N-th allocation or the N-th
# output write fails.  Whatever N is, curlew must report it, exit with the
# system-error status 3, not crash or trip a sanitizer, and leave no
# partial record: every output line is a whole JSON object, and each
# story's records are either all there (as in a clean run) or absent.
# A real full disk (/dev/full, and a small tmpfs filled up when the test
# may mount one) is checked on the build under test.
#
#   sh tests/cli/fault.sh BUILD_DIR        (from the repo root)
#
# The fault binary is the same for every BUILD_DIR, so its cases run only
# for the plain build.  Allocations are sampled: a dozen points while the
# dictionaries load, ~40 spread over the coding of three stories.
BUILD=${1:-build}
FAULT=build/fault/curlew
TALLY_QUIET=1
TALLY_NAME=fault.sh
. tests/lib.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-fault.XXXXXX") || exit 1
trap 'umount "$tmp/mnt" 2>/dev/null; rm -rf "$tmp"' EXIT

cat > "$tmp/in.jsonl" <<'JSON'
{"id":"s1","date":"2024-03-11","text":"Israeli troops attacked Palestinian militants in Gaza. The UN condemned the attack."}
{"id":"s2","date":"2024-03-12","text":"Russian forces shelled Ukrainian positions near Kharkiv. Ukraine accused Russia of war crimes."}
{"id":"s3","date":"2024-03-13","text":"France and Germany signed a trade agreement in Paris."}
JSON

# A real write error, on the build under test: stdout is /dev/full.
"$BUILD/curlew" code --no-parse "$tmp/in.jsonl" > /dev/full 2> "$tmp/full.err"
rc=$?
[ "$rc" -eq 3 ] && ok || bad "/dev/full: exit $rc, want 3"
grep -q "writing output" "$tmp/full.err" && ok || bad "/dev/full: no message"
[ "$(grep -c "writing output" "$tmp/full.err")" -eq 1 ] && ok || bad "/dev/full: the error said once"

# A disk that fills in the middle of the output (issue 9): a 1 MB tmpfs
# with 120 KB left and some 400 KB of records to write.  stdio wrote 4 KiB
# at a time and left half a story behind; each story must now be whole or
# absent, the file ending with the last whole story.
mkdir -p "$tmp/mnt"
if mount -t tmpfs -o size=1m curlew-fault "$tmp/mnt" 2>/dev/null; then
	awk 'BEGIN { for (i = 1; i <= 300; i++)
		printf "{\"id\":\"t%d\",\"date\":\"2024-03-11\",\"text\":\"Israeli troops attacked Palestinian militants in Gaza. The UN condemned Israel. Russian forces shelled Ukrainian positions near Kharkiv.\"}\n", i }' \
		> "$tmp/many.jsonl"
	"$BUILD/curlew" code --no-parse "$tmp/many.jsonl" > "$tmp/many.clean" 2>/dev/null
	dd if=/dev/zero of="$tmp/mnt/filler" bs=1k count=904 2>/dev/null
	"$BUILD/curlew" code --no-parse "$tmp/many.jsonl" > "$tmp/mnt/out.jsonl" 2> "$tmp/tmpfs.err"
	rc=$?
	cp "$tmp/mnt/out.jsonl" "$tmp/tmpfs.out"
	umount "$tmp/mnt"
	[ "$rc" -eq 3 ] && ok || bad "full tmpfs: exit $rc, want 3"
	[ "$(grep -c "writing output: No space left" "$tmp/tmpfs.err")" -eq 1 ] && ok ||
		{ bad "full tmpfs: the error said once"; sed -n 1,5p "$tmp/tmpfs.err"; }
	size=$(wc -c < "$tmp/tmpfs.out")
	[ "$size" -gt 0 ] && [ "$size" -lt "$(wc -c < "$tmp/many.clean")" ] && ok ||
		bad "full tmpfs: some output, not all ($size bytes)"
	# whole stories: the output is the clean run's first lines, and the
	# last story in it has all of its records
	head -c "$size" "$tmp/many.clean" | cmp -s - "$tmp/tmpfs.out" && ok || bad "full tmpfs: output is a prefix of a clean run's"
	last=$(tail -n 1 "$tmp/tmpfs.out" | sed -n 's/.*"story_id":"\([^"]*\)".*/\1/p')
	[ -n "$last" ] && [ "$(grep -c "\"story_id\":\"$last\"" "$tmp/tmpfs.out")" -eq \
		"$(grep -c "\"story_id\":\"$last\"" "$tmp/many.clean")" ] &&
		[ "$(tail -c 1 "$tmp/tmpfs.out" | od -An -c | tr -d ' ')" = '\n' ] && ok ||
		bad "full tmpfs: the output ends with a whole story (last: $last)"
	# With threads the workers render the records and the main thread
	# writes them in order: the same guarantee.
	mount -t tmpfs -o size=1m curlew-fault "$tmp/mnt"
	dd if=/dev/zero of="$tmp/mnt/filler" bs=1k count=904 2>/dev/null
	"$BUILD/curlew" code --no-parse --threads 2 "$tmp/many.jsonl" > "$tmp/mnt/out.jsonl" 2> "$tmp/tmpfs.err"
	rc=$?
	cp "$tmp/mnt/out.jsonl" "$tmp/tmpfs.out"
	umount "$tmp/mnt"
	size=$(wc -c < "$tmp/tmpfs.out")
	[ "$rc" -eq 3 ] && [ "$(grep -c "writing output" "$tmp/tmpfs.err")" -eq 1 ] && [ "$size" -gt 0 ] &&
		head -c "$size" "$tmp/many.clean" | cmp -s - "$tmp/tmpfs.out" &&
		[ "$(tail -c 1 "$tmp/tmpfs.out" | od -An -c | tr -d ' ')" = '\n' ] && ok ||
		bad "full tmpfs, 2 threads: exit $rc, one message, whole stories ($size bytes)"
else
	echo "fault.sh: skipped: the full-tmpfs case (cannot mount a tmpfs here; needs root)"
fi

if [ "$BUILD" != build ]; then
	echo "fault.sh: fault-injection cases run with the plain build only"
	finish
fi
if [ ! -x "$FAULT" ]; then
	bad "$FAULT exists (make build/fault/curlew)"
	finish
fi

# stories_ok OUT: each story's records are all there or none, and every
# line is a complete JSON object (the file ends with a newline).
stories_ok() {
	if [ -s "$1" ] && [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" != '\n' ]; then
		return 1
	fi
	grep -qv '^{.*}$' "$1" && return 1
	for s in s1 s2 s3; do
		grep "\"story_id\":\"$s\"" "$1" > "$tmp/got"
		grep "\"story_id\":\"$s\"" "$tmp/clean.out" > "$tmp/want"
		[ -s "$tmp/got" ] && ! cmp -s "$tmp/got" "$tmp/want" && return 1
	done
	return 0
}

# check NAME: the run's status, messages and output.
check() {
	name=$1
	if [ "$rc" -ge 128 ] || grep -q 'Sanitizer\|runtime error' "$tmp/run.err"; then
		bad "$name: crashed or sanitizer report (exit $rc)"
		sed -n '1,20p' "$tmp/run.err"
		return
	fi
	# A failure absorbed without a trace (a cache insert) is fine when
	# the output is exactly the clean run's.
	if [ "$rc" -eq 0 ] && cmp -s "$tmp/run.out" "$tmp/clean.out"; then
		ok
		return
	fi
	[ "$rc" -eq 3 ] && ok || { bad "$name: exit $rc, want 3"; sed -n '1,5p' "$tmp/run.err"; }
	grep -q "out of memory\|No space left\|Cannot allocate" "$tmp/run.err" && ok || {
		bad "$name: no message saying why"; sed -n '1,5p' "$tmp/run.err"; }
	stories_ok "$tmp/run.out" && ok || bad "$name: partial or altered records"
}

CURLEW_FAULT_COUNT=1 "$FAULT" code --no-parse "$tmp/in.jsonl" > "$tmp/clean.out" 2> "$tmp/clean.err"
rc=$?
[ "$rc" -eq 0 ] && ok || bad "clean run: exit $rc"
total=$(sed -n 's/.*injection: \([0-9]*\) allocations, \([0-9]*\) writes.*/\1/p' "$tmp/clean.err")
writes=$(sed -n 's/.*injection: \([0-9]*\) allocations, \([0-9]*\) writes.*/\2/p' "$tmp/clean.err")
: > "$tmp/empty.jsonl"
CURLEW_FAULT_COUNT=1 "$FAULT" code --no-parse "$tmp/empty.jsonl" > /dev/null 2> "$tmp/load.err"
loaded=$(sed -n 's/.*injection: \([0-9]*\) allocations.*/\1/p' "$tmp/load.err")
if [ -z "$total" ] || [ -z "$loaded" ] || [ "$total" -le "$loaded" ]; then
	bad "allocation counts (loaded=$loaded total=$total)"
	finish
fi
[ "$(grep -c . "$tmp/clean.out")" -ge 3 ] && ok || bad "clean run codes some events"

# While loading: a failed allocation is a system error before any output.
for n in 1 2 3 5 10 100 1000 3000 10000 20000 $((loaded - 1)) $loaded; do
	[ "$n" -le "$loaded" ] || continue
	CURLEW_FAIL_ALLOC=$n "$FAULT" code --no-parse "$tmp/in.jsonl" > "$tmp/run.out" 2> "$tmp/run.err"
	rc=$?
	check "alloc $n of $loaded (loading)"
	# (Near the end of loading the count is approximate: lazily built
	# tables may be made while coding.)
	[ "$n" -lt $((loaded - 100)) ] && [ -s "$tmp/run.out" ] && bad "alloc $n (loading): output written"
done

# While coding: the story hit is skipped with a message, the others coded.
step=$(( (total - loaded) / 40 ))
[ "$step" -ge 1 ] || step=1
n=$((loaded + 1))
while [ "$n" -le "$total" ]; do
	CURLEW_FAIL_ALLOC=$n "$FAULT" code --no-parse "$tmp/in.jsonl" > "$tmp/run.out" 2> "$tmp/run.err"
	rc=$?
	check "alloc $n of $total (coding)"
	n=$((n + step))
done

# Writes: the N-th write(2) fails; the stories before are complete.
n=1
while [ "$n" -le "$writes" ]; do
	CURLEW_FAIL_WRITE=$n "$FAULT" code --no-parse "$tmp/in.jsonl" > "$tmp/run.out" 2> "$tmp/run.err"
	rc=$?
	check "write $n of $writes"
	grep -q "writing output" "$tmp/run.err" && ok || bad "write $n: message names the output"
	n=$((n + 1))
done
# Short writes (issue 9): the N-th write(2) takes half its bytes.  Alone,
# the loop writes the rest and the output is the clean run's; followed by a
# failing write it is a disk filling in the middle of a story: exit 3, one
# message, and the file cut back to the last whole story.
n=1
while [ "$n" -le "$writes" ]; do
	CURLEW_SHORT_WRITE=$n "$FAULT" code --no-parse "$tmp/in.jsonl" > "$tmp/run.out" 2> "$tmp/run.err"
	rc=$?
	[ "$rc" -eq 0 ] && cmp -s "$tmp/run.out" "$tmp/clean.out" && ok ||
		bad "short write $n: exit $rc, want 0 and the clean output"
	CURLEW_SHORT_WRITE=$n CURLEW_FAIL_WRITE=$((n + 1)) "$FAULT" code --no-parse "$tmp/in.jsonl" \
		> "$tmp/run.out" 2> "$tmp/run.err"
	rc=$?
	check "short write $n, then the disk is full"
	[ "$(grep -c "writing output" "$tmp/run.err")" -eq 1 ] && ok || bad "short write $n: the error said once"
	head -c "$(wc -c < "$tmp/run.out")" "$tmp/clean.out" | cmp -s - "$tmp/run.out" && ok ||
		bad "short write $n: output cut back to whole stories"
	[ "$(wc -c < "$tmp/run.out")" -lt "$(wc -c < "$tmp/clean.out")" ] && ok ||
		bad "short write $n: the story hit is not written"
	n=$((n + 1))
done

CURLEW_FAIL_WRITE=1 "$FAULT" code --no-parse --format tsv "$tmp/in.jsonl" > "$tmp/run.out" 2> "$tmp/run.err"
rc=$?
[ "$rc" -eq 3 ] && [ ! -s "$tmp/run.out" ] && ok || bad "TSV header write fails: exit $rc, want 3 and no output"

finish
