#!/bin/sh
# curlew serve's API and HTTP side (tests/web/api.js does the requests):
# hostile parameters get 4xx and never a 5xx, the records are curlew code's,
# the store file is byte for byte as it was, SIGTERM and SIGINT end the
# server cleanly, the rate is bounded, bad options are usage errors, a store
# of the previous schema is served without being upgraded, and a PostgreSQL
# store answers as the SQLite one does (on a throw-away server).
#
#   sh tests/cli/serve_api.sh BUILD_DIR      (from the repo root)
# Ends with "N passed, M failed".  Only 127.0.0.1 is ever contacted.
BUILD=${1:-build}
BIN="$BUILD/curlew"

. tests/lib.sh
. tests/pg-server.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-serve.XXXXXX") || exit 1
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	pg_stop
	[ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if ! command -v node >/dev/null 2>&1; then
	bad "node is installed (make deps installs it)"
	finish
fi

# serve NAME ARGS...: starts curlew serve on a free port; sets $url and $pid
# (empty url: it did not start; its stderr is in $tmp/NAME.err).
serve() {
	name=$1
	shift
	: > "$tmp/$name.err"
	"$BIN" serve --port 0 "$@" 2> "$tmp/$name.err" &
	pid=$!
	pids="$pids $pid"
	url=
	i=0
	while [ $i -lt 400 ]; do
		url=$(sed -n 's|.* at \(http://[^ ]*\)/ (Ctrl-C stops)$|\1|p' "$tmp/$name.err")
		[ -n "$url" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
}

# stopped PID SIGNAL NAME: the signal ends the server within 5 s, exit 0.
stopped() {
	kill "-$2" "$1"
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	wait "$1"
	rc=$?
	[ "$rc" -eq 0 ] && grep -q "serve: stopped" "$tmp/$3.err"
}

api() {   # api MODE ARGS...: runs tests/web/api.js, shows its verdict
	TALLY_QUIET=1 node tests/web/api.js "$@" > "$tmp/api.out" 2>&1
	rc=$?
	grep -v '^ok ' "$tmp/api.out" | tail -n 25
	return $rc
}

DATE="--date 2024-06-30"
SAMPLES="samples/*.txt samples/*.jsonl samples/*.html"
db="$tmp/demo.sqlite"
"$BIN" code --quiet $DATE --db "$db" $SAMPLES
"$BIN" code --quiet $DATE $SAMPLES > "$tmp/demo.jsonl"
before=$(cat "$db" | sha256sum)

serve main --db "$db" --rate 100000
check "serve starts on a free port of 127.0.0.1 ($url)" [ -n "$url" ]
case "$url" in http://127.0.0.1:*) ok "bound to 127.0.0.1 by default" ;; *) bad "bound to 127.0.0.1 by default" ;; esac
check "no warning for the loopback address" [ "$(grep -c warning "$tmp/main.err")" -eq 0 ]
check "API: hostile parameters get 4xx, records and figures right (tests/web/api.js)" \
	api check "$url" "$BIN" "$db" "$tmp/demo.jsonl"
check "SIGTERM ends it cleanly (exit 0)" stopped "$pid" TERM main
check "the store file is byte for byte as it was" [ "$(cat "$db" | sha256sum)" = "$before" ]
check "... and sound" [ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]

# A writer codes into the store while it is served: readers are not in
# its way, nor it in theirs.
cp "$db" "$tmp/busy.sqlite"
serve busy --db "$tmp/busy.sqlite" --rate 100000
"$BIN" code --quiet --date 2024-07-01 --db "$tmp/busy.sqlite" $SAMPLES
check "a writer codes into a store being served" [ $? -eq 0 ]
check "... and the server sees the new rows" node -e "
require('http').get('$url/api/summary', (r) => { let b = ''; r.on('data', (c) => b += c);
  r.on('end', () => process.exit(r.statusCode === 200 && JSON.parse(b).events > 0 ? 0 : 1)); })"
check "SIGINT ends it cleanly (exit 0)" stopped "$pid" INT busy

serve rate --db "$db" --rate 5
check "--rate 5: past it 429, then answers again" api rate "$url"
stopped "$pid" TERM rate > /dev/null

# A store of schema 2 (before sentences kept their offsets): served as it
# is, not upgraded, its records without sentence_start.
cp "$db" "$tmp/old.sqlite"
sqlite3 "$tmp/old.sqlite" "ALTER TABLE sentences DROP COLUMN start_byte;
UPDATE meta SET value = '2' WHERE key = 'schema_version';" > /dev/null
old_sum=$(cat "$tmp/old.sqlite" | sha256sum)
old_n=$(sqlite3 "$tmp/old.sqlite" "SELECT COUNT(*) FROM events")
serve old --db "$tmp/old.sqlite"
check "a schema 2 store is served: records with sentence_start null" node -e "
require('http').get('$url/api/events?limit=500', (r) => { let b = ''; r.on('data', (c) => b += c);
  r.on('end', () => { const j = JSON.parse(b);
    process.exit(j.total === $old_n && j.total > 0 && j.events.every((e) => e.sentence_start === null) ? 0 : 1); }); })"
stopped "$pid" TERM old > /dev/null
check "... and not upgraded (the file unchanged)" [ "$(cat "$tmp/old.sqlite" | sha256sum)" = "$old_sum" ]

# Options.
"$BIN" serve --port 0 > /dev/null 2>&1
check "no --db: usage error (exit 1)" [ $? -eq 1 ]
"$BIN" serve --db "$db" --port 70000 > /dev/null 2>&1
check "--port 70000: usage error" [ $? -eq 1 ]
"$BIN" serve --db "$db" --port 0 --listen not-an-address > /dev/null 2>&1
check "--listen not-an-address: usage error" [ $? -eq 1 ]
"$BIN" serve --db "$db" --port 0 --rate 0 > /dev/null 2>&1
check "--rate 0: usage error" [ $? -eq 1 ]
"$BIN" serve --db "$db" --port 0 --web "$tmp/nowhere" 2> "$tmp/web.err"
check "--web without the page's files: usage error naming the file" \
	[ $? -eq 1 ] && grep -q "nowhere/index.html" "$tmp/web.err"
"$BIN" serve --db "$tmp/missing.sqlite" --port 0 2> "$tmp/missing.err"
check "a store that is not there: an error, and no file made" \
	[ $? -ne 0 ] && [ ! -e "$tmp/missing.sqlite" ] && [ -s "$tmp/missing.err" ]
printf 'not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 > "$tmp/text.sqlite"
"$BIN" serve --db "$tmp/text.sqlite" --port 0 2> "$tmp/text.err"
check "a file that is no store: an error" [ $? -ne 0 ] && [ -s "$tmp/text.err" ]
serve taken --db "$db"
port=${url##*:}
"$BIN" serve --db "$db" --port "$port" 2> "$tmp/taken2.err"
check "a port already taken: a system error (exit 3)" [ $? -eq 3 ] && grep -q "cannot listen" "$tmp/taken2.err"
stopped "$pid" TERM taken > /dev/null
serve wide --db "$db" --listen 0.0.0.0
check "--listen 0.0.0.0 warns that others can read the store" grep -q "warning: listening on 0.0.0.0" "$tmp/wide.err"
stopped "$pid" TERM wide > /dev/null

# PostgreSQL: the same stories answer alike, in read-only transactions.
if pg_start "$tmp"; then
	pgdb=$(pg_url serve)
	"$BIN" code --quiet $DATE --db "$pgdb" $SAMPLES
	pg_dump() {
		pg_sql serve "SELECT 'E', * FROM events ORDER BY event_id;
		SELECT 'T', story_id, sentence, text, start_byte FROM sentences ORDER BY story_id, sentence;
		SELECT 'A', * FROM actors ORDER BY event_id, role; SELECT 'M', * FROM meta ORDER BY key"
	}
	pg_dump > "$tmp/pg1.dump"
	serve lite --db "$db" --rate 100000
	lite_url=$url
	lite_pid=$pid
	serve pg --db "$pgdb" --rate 100000
	check "serve starts over PostgreSQL" [ -n "$url" ]
	check "SQLite and PostgreSQL stores answer alike" api same "$lite_url" "$url"
	check "SIGTERM ends the PostgreSQL server cleanly" stopped "$pid" TERM pg
	stopped "$lite_pid" TERM lite > /dev/null
	pg_dump > "$tmp/pg2.dump"
	check "the PostgreSQL store is as it was" cmp -s "$tmp/pg1.dump" "$tmp/pg2.dump"
else
	bad "a throw-away PostgreSQL server starts (make deps installs postgresql)"
fi
finish
