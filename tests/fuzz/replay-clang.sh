#!/bin/sh
# Replays every seed corpus (tests/fuzz/corpus/NAME) once through the
# libFuzzer builds (clang, ASan + UBSan, no fuzzing: each input runs once).
# `make check` runs it: clang's UBSan checks what gcc's does not (array
# bounds in pointer arithmetic: issue 9's `stem + n - k`), and a crasher
# added to a corpus keeps failing here until it is fixed.
#
#   sh tests/fuzz/replay-clang.sh NAME...      (from the repo root)
status=0
total=0
for t in "$@"; do
	bin="build/fuzz/fuzz_$t"
	if [ ! -x "$bin" ]; then
		echo "replay-clang: $bin missing (make $bin)"
		status=1
		continue
	fi
	n=$(find "tests/fuzz/corpus/$t" -type f | wc -l)
	log="build/fuzz/replay-$t.log"
	# Files, not the directory: libFuzzer runs each once and stops.
	if find "tests/fuzz/corpus/$t" -type f -print0 | sort -z |
		ASAN_OPTIONS=detect_leaks=1 xargs -0 "$bin" -timeout=20 > "$log" 2>&1; then
		total=$((total + n))
	else
		echo "replay-clang: fuzz_$t FAILED on its corpus (see $log):"
		grep 'Running:' "$log" | tail -n 1
		grep -m3 'ERROR:\|runtime error\|invariant failed' "$log"
		status=1
	fi
done
echo "replay-clang: $total inputs replayed under clang ASan/UBSan, $( [ $status -eq 0 ] && echo 'no finding' || echo FAILED)"
exit $status
