#!/bin/sh
# Events where news has none (issue 10): tests/eval/noevent.jsonl is sport,
# business, markets, weather, science, culture, courts and crime news and
# figurative politics, nearly all with no event.  Reported, not asserted:
# the false events per 100 stories (coded events no gold event matches).
# Only that eval reads the file and prints its summary is checked.
BIN="$1/curlew"
out=$("$BIN" eval tests/eval/noevent.jsonl 2>&1)
rc=$?
stories=$(echo "$out" | sed -n 's/^stories: \([0-9]*\) coded.*/\1/p')
coded=$(echo "$out" | sed -n 's/.*coded events: \([0-9]*\)$/\1/p')
right=$(echo "$out" | awk '/^[0-9][0-9][ab]? /{r += $4} END {print r + 0}')
if [ "$rc" = 0 ] && [ -n "$stories" ] && [ -n "$coded" ]; then
	awk -v s="$stories" -v c="$coded" -v r="$right" 'BEGIN {
		printf "noevent: %d stories, %d coded events, %d false: %.1f false events per 100 stories (report only)\n",
		       s, c, c - r, 100 * (c - r) / s }'
	echo "ok   eval reads tests/eval/noevent.jsonl"
	echo "1 passed, 0 failed"
else
	echo "$out" | tail -n 3
	echo "FAIL eval reads tests/eval/noevent.jsonl"
	echo "0 passed, 1 failed"
	exit 1
fi
