#!/bin/sh
# Issue 11 end to end: record and page dates (ISO timestamps, HTML
# metadata, year-less datelines, bad dates named and ignored, --date
# checked), relative dates with their precision, the places format and
# event locations.
BIN="$1/curlew"
. tests/lib.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

field() { # FILE STORY_ID SENTENCE FIELD: the first event's field, via node
	node -e '
		const [f, id, sn, key] = process.argv.slice(1);
		for (const l of require("fs").readFileSync(f, "utf8").split("\n").filter(Boolean)) {
			const e = JSON.parse(l);
			if (e.story_id === id && String(e.sentence) === sn) {
				let v = e;
				for (const k of key.split(".")) v = v == null ? v : v[k];
				console.log(v === null ? "null" : v);
				process.exit(0);
			}
		}
		console.log("none");' "$@"
}
is() { [ "$1" = "$2" ] && ok "$3" || bad "$3 (got \"$1\", want \"$2\")"; }

cat > "$tmp/s.jsonl" <<'J'
{"id":"iso","date":"2024-03-05T09:12:00Z","text":"KYIV, March 3 (Reuters) - Russian drones struck port facilities in the southern Ukrainian city of Odesa, officials said."}
{"id":"newyear","date":"2024-01-01T02:00:00Z","text":"KYIV, Dec. 31 (Reuters) - Russian drones struck Odesa, officials said."}
{"id":"bad","date":"2024-02-30","text":"Russian troops attacked Kharkiv on Monday."}
{"id":"rel","date":"2024-03-20","text":"Russian drones struck Odesa two days ago. Russian troops attacked Kharkiv last week. Ukraine shelled Belgorod earlier this month. Russian troops attacked Sumy on the 16th. Russian troops attacked Kherson last Friday. Russian troops attacked Lviv on Sunday. Russian jets bombed Izium last month."}
{"id":"where","date":"2024-02-23","text":"WASHINGTON (Reuters) - The United States imposed new sanctions on Russia over the war in Ukraine. Israeli jets struck targets in Lebanon."}
{"id":"baddl","date":"2024-13-01","text":"KYIV, March 3, 2024 (Reuters) - Russian troops attacked Kharkiv."}
J
"$BIN" code "$tmp/s.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
is "$?" 0 "code exits 0 with a bad record date"
is "$(field "$tmp/out.jsonl" iso 1 date)" 2024-03-03 "an ISO timestamp dates a year-less dateline"
is "$(field "$tmp/out.jsonl" newyear 1 date)" 2023-12-31 "Dec. 31 stamped 1 January is the year before"
grep -q 's.jsonl: line 3 (id "bad"): date "2024-02-30" is not a date' "$tmp/err"
is "$?" 0 "a bad record date is named with file, line and id"
is "$(field "$tmp/out.jsonl" bad 1 date)" null "... and the story is coded as if it had none"
is "$(field "$tmp/out.jsonl" baddl 1 date)" 2024-03-03 "... so a bad record date leaves the dateline's date"
is "$(field "$tmp/out.jsonl" rel 1 date) $(field "$tmp/out.jsonl" rel 1 date_precision)" "2024-03-18 day" "two days ago"
is "$(field "$tmp/out.jsonl" rel 2 date) $(field "$tmp/out.jsonl" rel 2 date_precision)" "2024-03-11 week" "last week"
is "$(field "$tmp/out.jsonl" rel 3 date) $(field "$tmp/out.jsonl" rel 3 date_precision)" "2024-03-01 month" "earlier this month"
is "$(field "$tmp/out.jsonl" rel 4 date) $(field "$tmp/out.jsonl" rel 4 date_precision)" "2024-03-16 day" "on the 16th"
is "$(field "$tmp/out.jsonl" rel 5 date)" 2024-03-15 "last Friday"
is "$(field "$tmp/out.jsonl" rel 6 date)" 2024-03-17 "on Sunday"
is "$(field "$tmp/out.jsonl" rel 7 date) $(field "$tmp/out.jsonl" rel 7 date_precision)" "2024-02-01 month" "last month"
is "$(field "$tmp/out.jsonl" iso 1 location.text)" Odesa "the southern Ukrainian city of Odesa"
is "$(field "$tmp/out.jsonl" iso 1 location.precision)" city "a city's precision"
is "$(field "$tmp/out.jsonl" iso 1 location.admin1)" "Odeska oblast" "a city's first-level region"
is "$(field "$tmp/out.jsonl" where 1 location.country)" USA "sanctions over the war in Ukraine are not in Ukraine"
is "$(field "$tmp/out.jsonl" where 2 location.feature) $(field "$tmp/out.jsonl" where 2 location.precision)" "country country" "a country-level location"
lon=$(field "$tmp/out.jsonl" where 2 location.lon)
awk -v x="$lon" 'BEGIN { exit !(x > 35.7) }' && ok "a country is at its centroid, not its capital" ||
	bad "a country is at its centroid, not its capital (lon $lon)"

# --date must be a date of the calendar.
"$BIN" code --date 2024-02-30 "$tmp/s.jsonl" > /dev/null 2>&1
is "$?" 1 "--date 2024-02-30 is a usage error"
"$BIN" code --date 2024-13-01 "$tmp/s.jsonl" > /dev/null 2>&1
is "$?" 1 "--date 2024-13-01 is a usage error"
"$BIN" code --quiet --date 2024-02-29 "$tmp/s.jsonl" > /dev/null 2>&1
is "$?" 0 "--date 2024-02-29 is a date"

# An HTML page's published time dates its year-less dateline.
cat > "$tmp/p.html" <<'H'
<html><head><meta property="article:published_time" content="2024-03-05T09:12:00+02:00"></head>
<body><article><p>KYIV, March 4 (Reuters) - Russian drones struck port facilities in Odesa, officials said.</p></article></body></html>
H
"$BIN" code --quiet "$tmp/p.html" > "$tmp/p.out"
is "$(field "$tmp/p.out" p 1 date)" 2024-03-04 "an HTML page's published time"

# The places format: one line per mention, the dateline's first.
printf '{"id":"pl","date":"2024-04-10","text":"LONDON, Ky. (AP) - A tornado damaged homes in London and in Laurel County, officials in Frankfort said. Georgia was spared."}\n' |
	"$BIN" code --quiet --format places > "$tmp/pl.out"
is "$(wc -l < "$tmp/pl.out" | tr -d ' ')" 6 "six place mentions"
is "$(head -1 "$tmp/pl.out" | node -e 'const p=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log([p.sentence,p.text,p.start,p.end,p.country,p.admin1,p.feature,p.geonameid>0].join(" "))')" \
	"0 LONDON 0 6 USA Kentucky city true" "the dateline's place, with its offsets, region and GeoNames id"
is "$(sed -n 3p "$tmp/pl.out" | node -e 'const p=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(p.text, p.country, Math.round(p.lat))')" \
	"London USA 37" "London in a Kentucky story is London, Kentucky"
is "$(tail -1 "$tmp/pl.out" | node -e 'const p=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(p.text, p.country, p.feature)')" \
	"Georgia USA admin1" "Georgia in a US story is the state"
finish
