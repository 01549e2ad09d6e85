#!/bin/sh
# The field's formats (issue 12): --format gdelt, icews and plover against
# golden files (tests/formats/), their columns against the originals'
# names and order, and the input's url, title and publisher in every format
# and in the store.
#
#   sh tests/cli/formats.sh BUILD_DIR      (from the repo root)
BUILD=${1:-build}
BIN=$BUILD/curlew
TALLY_NAME=formats.sh
. tests/lib.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-formats.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
IN=tests/formats/stories.jsonl

for f in gdelt icews plover; do
	SOURCE_DATE_EPOCH=1700000000 "$BIN" code --quiet --format $f "$IN" > "$tmp/$f" 2> "$tmp/$f.err"
	check "--format $f: exit 0" [ $? -eq 0 ]
	# the confidence is the fitted model's (data/confidence.tsv), refitted as
	# the dictionaries grow: its value is no part of the format
	sed 's/"confidence":[0-9.]*/"confidence":C/' "$tmp/$f" > "$tmp/$f.cmp"
	sed 's/"confidence":[0-9.]*/"confidence":C/' "tests/formats/expected.$f" > "$tmp/$f.want"
	if cmp -s "$tmp/$f.cmp" "$tmp/$f.want"; then
		ok "--format $f: as tests/formats/expected.$f"
	else
		bad "--format $f: differs from tests/formats/expected.$f"
		diff "$tmp/$f.want" "$tmp/$f.cmp" | head -n 10
	fi
done

# GDELT 2.0's event table: 61 columns in the codebook's order, then two of curlew's.
gdelt_cols="GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode
Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code
Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode
Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code
Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale
NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode
Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName
ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long
ActionGeo_FeatureID DATEADDED SOURCEURL"
check "gdelt: the codebook's 61 columns in order" \
	[ "$(head -n 1 "$tmp/gdelt" | tr '\t' '\n' | head -n 61 | tr '\n' ' ')" = "$(echo $gdelt_cols) " ]
check "gdelt: every row has the header's 63 fields" \
	[ "$(awk -F'\t' '{print NF}' "$tmp/gdelt" | sort -u)" = 63 ]
icews_cols="Event ID|Event Date|Source Name|Source Sectors|Source Country|Event Text|CAMEO Code|Intensity|Target Name|Target Sectors|Target Country|Story ID|Sentence Number|Publisher|City|District|Province|Country|Latitude|Longitude"
check "icews: the ICEWS columns in order" \
	[ "$(head -n 1 "$tmp/icews" | tr '\t' '\n' | head -n 20 | tr '\n' '|')" = "$icews_cols|" ]
check "icews: every row has the header's 24 fields" \
	[ "$(awk -F'\t' '{print NF}' "$tmp/icews" | sort -u)" = 24 ]

# PLOVER: an event type for every record, context a list, an intensity.
check "plover: every record has an event type" sh -c "! grep -q '\"event_type\":null' '$tmp/plover'"
check "plover: context is a list" sh -c "grep -c '\"context\":\[' '$tmp/plover' | grep -qx \"\$(wc -l < '$tmp/plover')\""
check "plover: an appeal is a REQUEST" grep -q '"event_type":"REQUEST".*"cameo":"026"' "$tmp/plover"
check "plover: intensity is a number" grep -q '"intensity":-10.0' "$tmp/plover"
check "plover: a confidence" grep -q '"confidence":0\.[0-9][0-9],' "$tmp/plover"

# Provenance: url, title and publisher (or source) in every format.
"$BIN" code --quiet "$IN" > "$tmp/jsonl"
check "jsonl: url, title and publisher carried" \
	grep -q '"rule":"[^"]*","confidence":[0-9.null]*,"url":"https://example.org/kyiv-2","title":"An appeal for talks","publisher":"Kyiv Daily"}' "$tmp/jsonl"
check "jsonl: no provenance keys for a story without any" sh -c "grep '\"plain-3' '$tmp/jsonl' | grep -vq '\"url\"'"
"$BIN" code --quiet --format tsv "$IN" > "$tmp/tsv"
check "tsv: url, title, publisher are the last columns" \
	[ "$(head -n 1 "$tmp/tsv" | tr '\t' '\n' | tail -n 3 | tr '\n' ' ')" = "url title publisher " ]
check "tsv: the row carries them" grep -q '	https://example.org/gaza-1	Troops attack militants	Example Wire$' "$tmp/tsv"
check "plover: provenance" grep -q '"url":"https://example.org/gaza-1","title":"Troops attack militants","publisher":"Example Wire"' "$tmp/plover"
# (not in a build without the store: tests/run.sh)
if [ -z "${CURLEW_NO_STORE:-}" ] && command -v sqlite3 > /dev/null 2>&1; then
	"$BIN" code --quiet --db "$tmp/s.sqlite" "$IN"
	check "store: stories keep url, title and publisher" \
		[ "$(sqlite3 "$tmp/s.sqlite" "SELECT url || '|' || title || '|' || publisher FROM stories WHERE story_id = 'kyiv-2'")" = "https://example.org/kyiv-2|An appeal for talks|Kyiv Daily" ]
	check "store: schema version 5" [ "$(sqlite3 "$tmp/s.sqlite" "SELECT value FROM meta WHERE key = 'schema_version'")" = 5 ]
	"$BIN" query --db "$tmp/s.sqlite" --tsv events > "$tmp/events.tsv"
	check "query events: the TSV's columns" [ "$(head -n 1 "$tmp/events.tsv")" = "$(head -n 1 "$tmp/tsv")" ]
	check "query events: every event" [ "$(wc -l < "$tmp/events.tsv")" = "$(wc -l < "$tmp/tsv")" ]
	# A store of schema 3 gains the columns when opened for writing.
	sqlite3 "$tmp/old.sqlite" "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version','3'); CREATE TABLE stories (story_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, dict_version TEXT NOT NULL, date TEXT, dateline_place TEXT, agency TEXT, nsentences INTEGER NOT NULL, nevents INTEGER NOT NULL, coded_at TEXT NOT NULL) WITHOUT ROWID;"
	"$BIN" code --quiet --db "$tmp/old.sqlite" "$IN"
	check "store: a schema 3 file is upgraded and keeps the provenance" \
		[ "$(sqlite3 "$tmp/old.sqlite" "SELECT publisher FROM stories WHERE story_id = 'gaza-1'")" = "Example Wire" ]
fi
finish
