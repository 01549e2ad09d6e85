#!/bin/sh
# import-phoenix.sh -- rebuilds data/phoenix/ from the Phoenix dictionaries
# of PETRARCH (../shared/reference/petrarch): each actor file and the agent
# file are converted by curlew's own importer ("curlew dict import"), then
# tools/import-phoenix.js filters them (tools/phoenix-filter.txt) and writes
# data/phoenix/.  Development time only ("make phoenix"); the output is
# committed, since a user's clone has no ../shared.
#
#   sh tools/import-phoenix.sh [PETRARCH_DIR [OUT_DIR]]
set -eu
ref=${1:-../shared/reference/petrarch}
out=${2:-data/phoenix}
curlew=${CURLEW:-build/curlew}
if [ ! -d "$ref" ]; then
	echo "import-phoenix: $ref is absent (it is in ../shared, beside the checkout)" >&2
	exit 1
fi
tmp=$(mktemp -d /tmp/curlew-phoenix-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
# One conversion per file, so that each file's own date is known to the filter.
for f in Countries International MilNonState; do
	"$curlew" dict import --actors "$ref/Phoenix.$f.actors.txt" --out "$tmp/$f" 2>"$tmp/$f.log" ||
		{ cat "$tmp/$f.log" >&2; exit 1; }
	grep '^actors:' "$tmp/$f.log" | sed "s/^/Phoenix.$f: /"
done
"$curlew" dict import --agents "$ref/Phoenix.agents.txt" --out "$tmp/agents" 2>"$tmp/agents.log" ||
	{ cat "$tmp/agents.log" >&2; exit 1; }
grep '^agents:' "$tmp/agents.log" | sed "s/^/Phoenix.agents: /"
node tools/import-phoenix.js --filter tools/phoenix-filter.txt --countries data \
	--actors "$tmp/Countries/actors.txt=$ref/Phoenix.Countries.actors.txt" \
	--actors "$tmp/International/actors.txt=$ref/Phoenix.International.actors.txt" \
	--actors "$tmp/MilNonState/actors.txt=$ref/Phoenix.MilNonState.actors.txt" \
	--agents "$tmp/agents/agents.txt" --out "$out"
cp "$ref/LICENSE" "$out/LICENSE"
