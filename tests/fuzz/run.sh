#!/bin/sh
# Runs each libFuzzer target for SECONDS, starting from its seed corpus
# (tests/fuzz/corpus/NAME) and keeping what it finds in
# build/fuzz/corpus/NAME.  Every target runs, whatever the others found;
# the exit status is 1 if any found anything.  A finding (crash, leak,
# timeout, failed invariant) is saved as build/fuzz/crash-NAME-*, minimised
# (libFuzzer's -minimize_crash, a minute at most), and both join the seed
# corpus as tests/fuzz/corpus/NAME/found-HASH and found-HASH-min: `make
# check` replays them (also under clang, tests/fuzz/replay-clang.sh) and
# fails until the bug is fixed; commit them with the fix.
# Ends with a table of targets, executions, executions per second and
# results.
#
#   sh tests/fuzz/run.sh SECONDS NAME...      (from the repo root; make fuzz)
secs=${1:-60}
shift
status=0
summary=""
for t in "$@"; do
	mkdir -p "build/fuzz/corpus/$t"
	log="build/fuzz/$t.log"
	touch "build/fuzz/.start-$t"
	echo "== fuzz_$t for ${secs}s"
	# Leaks are checked: each input's memory must be freed.  -timeout
	# catches an input that hangs; -rss_limit_mb one that blows up.
	ASAN_OPTIONS=detect_leaks=1 "build/fuzz/fuzz_$t" -max_total_time="$secs" \
		-timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
		-artifact_prefix="build/fuzz/crash-$t-" \
		"build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	if [ "$rc" -eq 0 ]; then
		res=ok
	else
		res="FAILED (exit $rc, see $log)"
		status=1
		grep -m5 'ERROR\|invariant\|SUMMARY' "$log"
		for c in $(find build/fuzz -maxdepth 1 -name "crash-$t-*" -newer "build/fuzz/.start-$t" | head -n 1); do
			h=$(sha1sum "$c" | cut -c1-12)
			cp "$c" "tests/fuzz/corpus/$t/found-$h"
			ASAN_OPTIONS=detect_leaks=1 "build/fuzz/fuzz_$t" -minimize_crash=1 -max_total_time=60 \
				-timeout=10 -exact_artifact_path="tests/fuzz/corpus/$t/found-$h-min" "$c" \
				> "build/fuzz/$t.minimize.log" 2>&1
			echo "fuzz_$t: finding added as tests/fuzz/corpus/$t/found-$h (and -min when minimised)"
		done
	fi
	summary="$summary$(printf '%-12s %10s execs %8s/s  %s' "$t" "${execs:-?}" "${rate:-?}" "$res")
"
done
echo "== target        executions     rate  result"
printf '%s' "$summary"
exit $status
