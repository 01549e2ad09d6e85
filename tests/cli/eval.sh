#!/bin/sh
# curlew eval: scores a tiny gold file and prints the summary lines; a bad
# line is reported and makes the exit status 2.
BIN="$1/curlew"
pass=0
fail=0
check() {
	if [ "$1" = 0 ]; then pass=$((pass + 1)); echo "ok   $2"; else fail=$((fail + 1)); echo "FAIL $2"; fi
}
out=$("$BIN" eval tests/data/eval/tiny.jsonl 2>&1)
check $? "eval exits 0 on a good gold file"
echo "$out" | grep -q '^event category: precision 1.000, recall 1.000, F1 1.000$'
check $? "event category line (one gold event, coded right)"
echo "$out" | grep -q '^source+event+target right: 1 of 1 gold events (100.0%)$'
check $? "source+event+target line"
echo "$out" | grep -q '^self-dyads with another target named: 0$'
check $? "issue 10's self-dyad count"
echo "$out" | grep -q "^events dropped for want of an agent's country: 0$"
check $? "issue 10's count of events dropped for want of an agent's country"
# a self-dyad where the gold names another target, and an act dropped for
# want of its agent's country, are counted (the demand is still coded
# IRN -> IRN: when it no longer is, find another such sentence)
tmp=$(mktemp)
cat > "$tmp" <<'JSON'
{"id":"s","text":"Iran condemned the strikes and demanded a halt to what it called aggression by Saudi Arabia.","events":[{"sentence":1,"source":"IRN","target":"SAU","cameo":"111"},{"sentence":1,"source":"IRN","target":"SAU","cameo":"100"}]}
{"id":"d","text":"Officials said the talks would resume.","events":[]}
JSON
out=$("$BIN" eval "$tmp" 2>&1)
echo "$out" | grep -q "^events dropped for want of an agent's country: 1$"
check $? "an act dropped for want of its agent's country is counted"
echo "$out" | grep -q '^self-dyads with another target named: 1$'
check $? "a self-dyad where the gold names another target is counted"
rm -f "$tmp"
tmp=$(mktemp)
{ cat tests/data/eval/tiny.jsonl; echo 'not json'; } > "$tmp"
out=$("$BIN" eval "$tmp" 2>&1)
check $([ $? = 2 ] && echo 0 || echo 1) "a bad line gives exit status 2"
echo "$out" | grep -q ":3: skipped"
check $? "the bad line is named"
rm -f "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
