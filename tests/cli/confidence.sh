#!/bin/sh
# The confidence on every record (src/coder/confidence.c): the JSON, TSV and
# PLOVER field, the store's column (and the upgrade of a schema 3 store),
# `curlew code --min-confidence` and its usage errors, `curlew eval
# --curve` and `--features`, and tools/fit-confidence.py's fit.
BUILD="$1"
BIN="$BUILD/curlew"
pass=0
fail=0
check() {
	if [ "$1" = 0 ]; then pass=$((pass + 1)); echo "ok   $2"; else fail=$((fail + 1)); echo "FAIL $2"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the sample stories: many events, high and low
"$BIN" code --quiet --date 2024-06-30 samples/*.txt samples/*.jsonl > "$tmp/all.jsonl"
check $? "code exits 0"

node -e '
const ls = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const bad = ls.filter(r => typeof r.confidence !== "number" || r.confidence < 0 || r.confidence > 1 ||
	Math.abs(r.confidence * 100 - Math.round(r.confidence * 100)) > 1e-9);
const keys = Object.keys(ls[0]);
if (ls.length < 10 || bad.length || keys[keys.length - 1] !== "confidence") process.exit(1);
if (new Set(ls.map(r => r.confidence)).size < 3) process.exit(1);
' "$tmp/all.jsonl"
check $? "every JSON record ends with a confidence in [0, 1] in hundredths, and they differ"
grep -q '"confidence":0\.[0-9][0-9],' "$tmp/all.jsonl"
check $? "written with two decimals"

"$BIN" code --quiet --date 2024-06-30 --min-confidence 0.8 samples/*.txt samples/*.jsonl > "$tmp/hi.jsonl"
check $? "--min-confidence 0.8 exits 0"
node -e '
const fs = require("fs");
const read = f => fs.readFileSync(f, "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
const all = read(process.argv[1]), hi = read(process.argv[2]);
const byId = new Map(all.map(r => [r.event_id, JSON.stringify(r)]));
const want = all.filter(r => r.confidence >= 0.8);
if (!hi.length || hi.length !== want.length || hi.length === all.length) process.exit(1);
// the same events, record for record, ids unchanged
for (const r of hi) if (byId.get(r.event_id) !== JSON.stringify(r)) process.exit(1);
' "$tmp/all.jsonl" "$tmp/hi.jsonl"
check $? "--min-confidence 0.8 keeps exactly the records at 0.80 or more, ids and all"
n0=$("$BIN" code --quiet --date 2024-06-30 --min-confidence 0 samples/*.txt samples/*.jsonl | wc -l)
[ "$n0" -eq "$(wc -l < "$tmp/all.jsonl")" ]
check $? "--min-confidence 0 keeps every event"
n1=$("$BIN" code --quiet --date 2024-06-30 --min-confidence 1 samples/*.txt samples/*.jsonl | wc -l)
[ "$n1" -eq "$(grep -c '"confidence":1.00}' "$tmp/all.jsonl")" ]
check $? "--min-confidence 1 keeps only events at 1.00"

for v in abc 1.5 -0.1 nan "" 0.5x; do
	"$BIN" code --min-confidence "$v" samples/ukraine-talks.txt > "$tmp/out" 2> "$tmp/err"
	[ $? = 1 ] && [ ! -s "$tmp/out" ] && grep -q "min-confidence wants a number from 0 to 1" "$tmp/err"
	check $? "--min-confidence '$v': usage error, exit 1, nothing written"
done
"$BIN" code --min-confidence > /dev/null 2>&1
check $([ $? = 1 ] && echo 0 || echo 1) "--min-confidence without a value: exit 1"

# a data dir without confidence.tsv (made before it): null, and no threshold
mkdir -p "$tmp/data"
for f in data/*; do [ "$f" = data/confidence.tsv ] || ln -s "$PWD/$f" "$tmp/data/"; done
"$BIN" code --quiet --data "$tmp/data" --date 2024-06-30 samples/ukraine-talks.txt > "$tmp/none.jsonl"
check $? "a data dir without confidence.tsv codes"
grep -q '"confidence":null}$' "$tmp/none.jsonl" && ! grep -q '"confidence":0' "$tmp/none.jsonl"
check $? "... and writes confidence null"
"$BIN" code --quiet --data "$tmp/data" --min-confidence 0.5 samples/ukraine-talks.txt > /dev/null 2> "$tmp/err"
[ $? = 1 ] && grep -q "confidence.tsv" "$tmp/err"
check $? "... where --min-confidence is a usage error naming confidence.tsv"

# TSV: the column after rule (url, title and publisher follow), equal to the JSON's
"$BIN" code --quiet --date 2024-06-30 --format tsv samples/*.txt samples/*.jsonl > "$tmp/all.tsv"
head -1 "$tmp/all.tsv" | awk -F'\t' '{ exit $(NF - 4) == "rule" && $(NF - 3) == "confidence" ? 0 : 1 }'
check $? "TSV: confidence is the column after rule"
node -e '
const fs = require("fs");
const js = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const rows = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").slice(1).map(l => l.split("\t"));
if (rows.length !== js.length) process.exit(1);
rows.forEach((r, i) => { if (r[0] !== js[i].event_id || r[r.length - 4] !== js[i].confidence.toFixed(2)) process.exit(1); });
' "$tmp/all.jsonl" "$tmp/all.tsv"
check $? "TSV: each row's confidence is the JSON record's"
"$BIN" code --quiet --date 2024-06-30 --format plover samples/ukraine-talks.txt | grep -q '"confidence":0\.[0-9][0-9],'
check $? "PLOVER records carry the confidence"

# the store: a column of its own, equal to the records'; a schema 3 file gains it (not in a build
# without the store: tests/run.sh)
if [ -z "${CURLEW_NO_STORE:-}" ]; then
	"$BIN" code --quiet --date 2024-06-30 --db "$tmp/s.sqlite" samples/*.txt samples/*.jsonl
	check $? "code --db exits 0"
	sqlite3 -separator ' ' "$tmp/s.sqlite" "SELECT event_id, printf('%.2f', confidence) FROM events ORDER BY event_id" > "$tmp/db.txt"
	node -e '
	const fs = require("fs");
	const js = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
		.map(r => r.event_id + " " + r.confidence.toFixed(2)).sort();
	const db = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").sort();
	process.exit(JSON.stringify(js) === JSON.stringify(db) ? 0 : 1);
	' "$tmp/all.jsonl" "$tmp/db.txt"
	check $? "store: events.confidence equals the records'"
	[ "$(sqlite3 "$tmp/s.sqlite" "SELECT value FROM meta WHERE key = 'schema_version'")" = 5 ]
	check $? "store: schema_version 5"
	sqlite3 "$tmp/s.sqlite" "ALTER TABLE events DROP COLUMN confidence;
	UPDATE meta SET value = '3' WHERE key = 'schema_version';"
	"$BIN" code --quiet --date 2024-06-30 --db "$tmp/s.sqlite" samples/ukraine-talks.txt
	check $? "a schema 3 store is written to"
	[ "$(sqlite3 "$tmp/s.sqlite" "SELECT value FROM meta WHERE key = 'schema_version'")" = 5 ] &&
		[ "$(sqlite3 "$tmp/s.sqlite" "SELECT count(*) FROM events WHERE story_id = 'ukraine-talks' AND confidence > 0")" -gt 0 ] &&
		[ "$(sqlite3 "$tmp/s.sqlite" "SELECT count(*) FROM events WHERE story_id <> 'ukraine-talks' AND confidence IS NULL")" -gt 0 ]
	check $? "... upgraded to 5: new events scored, the old ones null"
fi

# eval --curve and --features
out=$("$BIN" eval --curve tests/data/eval/tiny.jsonl)
check $? "eval --curve exits 0"
echo "$out" | grep -q '^event category: precision 1.000, recall 1.000, F1 1.000$'
check $? "eval --curve still prints the scores"
[ "$(echo "$out" | grep -cE '^ +0\.[0-9] +[01] +[01.0-9]+ +[01.0-9]+ +[01.0-9]+ +[0-9.]+$')" = 10 ]
check $? "eval --curve: a line per threshold 0.0 ... 0.9"
echo "$out" | grep -qE '^ +0\.[0-9]-[01]\.[0-9] +1 +0\.[0-9][0-9] +1\.00$'
check $? "eval --curve: the calibration bin of the one event, right"
"$BIN" eval --curve tests/eval/dev.jsonl > "$tmp/curve.txt"
awk '/^ +0\.[0-9] +[0-9]+ /{ if (prev != "" && $2 > prev) bad = 1; prev = $2 } END { exit bad }' "$tmp/curve.txt"
check $? "eval --curve on dev: fewer events kept as the threshold rises"
awk '/^ +0\.0 /{ p0 = $3 } /^ +0\.9 /{ p9 = $3 } END { exit p9 > p0 ? 0 : 1 }' "$tmp/curve.txt"
check $? "eval --curve on dev: precision at 0.9 above precision at 0"
"$BIN" eval --features tests/data/eval/tiny.jsonl > "$tmp/feat.tsv"
check $? "eval --features exits 0"
head -1 "$tmp/feat.tsv" | grep -q '^story_id	event	cameo	right	confidence	nominal	'
check $? "eval --features: the header names the features"
[ "$(sed -n 2p "$tmp/feat.tsv" | cut -f1-4)" = "e1	1:1	190	1" ]
check $? "eval --features: the event, its code and that it is right"
"$BIN" eval --features --curve tests/data/eval/tiny.jsonl > /dev/null 2>&1
check $([ $? = 1 ] && echo 0 || echo 1) "eval --features with --curve: usage error"

# the fit: deterministic, on dev only, and its file loads
"$BIN" eval --features tests/eval/dev.jsonl | head -301 > "$tmp/dev.tsv"
python3 tools/fit-confidence.py --features "$tmp/dev.tsv" --out "$tmp/w1.tsv" > /dev/null &&
	python3 tools/fit-confidence.py --features "$tmp/dev.tsv" --out "$tmp/w2.tsv" > /dev/null &&
	cmp -s "$tmp/w1.tsv" "$tmp/w2.tsv"
check $? "fit-confidence.py: the same features give the same file"
python3 tools/fit-confidence.py --features "$tmp/dev.tsv" --out "$tmp/w1.tsv" --check > /dev/null
check $? "fit-confidence.py --check: up to date"
echo "bias	9" > "$tmp/w2.tsv"
python3 tools/fit-confidence.py --features "$tmp/dev.tsv" --out "$tmp/w2.tsv" --check > /dev/null 2>&1
check $([ $? = 1 ] && echo 0 || echo 1) "fit-confidence.py --check: a stale file is exit 1"
nf=$(head -1 "$tmp/dev.tsv" | awk -F'\t' '{ print NF - 5 }')
[ "$(grep -vc '^#' "$tmp/w1.tsv")" = $((nf + 1)) ] && grep -q '^bias	' "$tmp/w1.tsv"
check $? "fit-confidence.py: a weight per feature and the bias"
cp "$tmp/w1.tsv" "$tmp/data/confidence.tsv"
"$BIN" code --quiet --data "$tmp/data" --date 2024-06-30 samples/ukraine-talks.txt | grep -q '"confidence":0\.[0-9][0-9]}$'
check $? "fit-confidence.py: its file loads and scores"
python3 tools/fit-confidence.py --gold tests/eval/heldout.jsonl --out "$tmp/w3.tsv" > /dev/null 2>&1
check $([ $? != 0 ] && [ ! -e "$tmp/w3.tsv" ] && echo 0 || echo 1) "fit-confidence.py refuses the held-aside set"

echo "confidence.sh: $pass passed, $fail failed"
[ "$fail" = 0 ]
