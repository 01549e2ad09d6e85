#!/bin/sh
# Runs each libFuzzer target for SECONDS, starting from its seed corpus
# (tests/fuzz/corpus/NAME, left untouched) and keeping what it finds in
# build/fuzz/corpus/NAME.  Crashes are saved as build/fuzz/crash-NAME-*.
# Ends with a table of targets, executions per second and results.
#
#   sh tests/fuzz/run.sh SECONDS NAME...      (from the repo root; make fuzz)
secs=${1:-60}
shift
status=0
summary=""
for t in "$@"; do
	mkdir -p "build/fuzz/corpus/$t"
	log="build/fuzz/$t.log"
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
	fi
	summary="$summary$(printf '%-12s %10s execs %8s/s  %s' "$t" "${execs:-?}" "${rate:-?}" "$res")
"
done
echo "== target        executions     rate  result"
printf '%s' "$summary"
exit $status
