#!/bin/sh
# make check-valgrind: the golden tests and a few CLI runs under valgrind
# memcheck, built with -DCW_ARENA_MALLOC so that every arena allocation is
# a block of its own that memcheck can check.  Fails on any memcheck error
# or definitely lost byte; "still reachable" memory (link-grammar's and
# WordNet's process-lifetime tables) is allowed.  Suppressions, for
# third-party library internals only, are in tests/valgrind.supp.
#
#   sh tests/valgrind.sh BUILD_DIR      (from the repo root; BUILD_DIR=build/vg)
BUILD=${1:-build/vg}
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
    --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp --num-callers=30"
pass=0
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-vg.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# vg NAME CMD...: memcheck must report nothing; the program's own status
# is reported but only a memcheck failure (99) or a crash fails here.
vg() {
	name=$1
	shift
	$VG --log-file="$tmp/$name.vg" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
	rc=$?
	if [ "$rc" -eq 99 ] || [ "$rc" -ge 128 ] || [ -s "$tmp/$name.vg" ]; then
		fail=$((fail + 1))
		echo "FAIL $name (exit $rc)"
		sed -n '1,60p' "$tmp/$name.vg"
	else
		pass=$((pass + 1))
		echo "ok   $name (exit $rc, memcheck clean)"
	fi
}

vg golden "$BUILD/tests/test_golden"
vg code-samples "$BUILD/curlew" code --date 2024-06-30 samples/ukraine-talks.txt samples/stories.jsonl samples/sahel.html
vg code-tsv-noparse "$BUILD/curlew" code --no-parse --format tsv --date 2024-06-30 samples/stories.jsonl
vg code-bad-input "$BUILD/curlew" code --no-parse tests/data/input/bad.jsonl tests/data/input/binary.bin tests/data/input/empty.txt
vg code-threads "$BUILD/curlew" code --threads 2 --format plover samples/stories.jsonl
# Batches of two: the main thread reads the next batch while a helper codes
# this one, and bad lines' messages are held between them.
vg code-overlap "$BUILD/curlew" code --no-parse --threads 2 --batch 2 samples/stories.jsonl tests/data/input/bad.jsonl samples/stories.jsonl
vg explain "$BUILD/curlew" explain --date 2023-09-20 "Azerbaijan's foreign minister met the OSCE chairman in New York."
# Issue 9's paths: a directory among the inputs, a repeated id into a
# store and a query of it (a search that is not FTS5 syntax too), and a
# PETRARCH import whose bad lines are dropped and whose result is checked
# by curlew's loaders.
printf '{"id":"r1","text":"Russia attacked Ukraine."}\n{"id":"r1","text":"Germany praised Poland."}\n' > "$tmp/dup.jsonl"
vg code-dir-dup "$BUILD/curlew" code --no-parse --date 2024-06-30 --db "$tmp/s.sqlite" "$tmp/dup.jsonl" tests "$tmp/dup.jsonl"
vg query-search "$BUILD/curlew" query --db "$tmp/s.sqlite" search 'Russia OR ('
vg query-counts "$BUILD/curlew" query --db "$tmp/s.sqlite" --from 2024-01-01 counts
printf 'GOOD_NAME [ABC]\n- \n\t[ONO <911226]\n' > "$tmp/a.actors.txt"
printf -- '--- SEIZE   [173] ---\nSEIZE\n+ARMY_UNIT  > [0874]\n- * TROOPS [190]\n' > "$tmp/a.verbs.txt"
vg dict-import "$BUILD/curlew" dict import --actors "$tmp/a.actors.txt" --verbs "$tmp/a.verbs.txt" --out "$tmp/imported"

echo "check-valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
