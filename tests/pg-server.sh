# Sourced by the PostgreSQL tests and the bench: a throw-away server in a
# temporary directory, listening on a Unix socket there only (no TCP port
# to collide with anything), with fsync off since the data is thrown away.
#
#   . tests/pg-server.sh
#   pg_start DIR || skip...   sets PGBIN, PGHOST, PGUSER and PG_URL_BASE
#   pg_url NAME               creates database NAME, prints its URL
#   pg_sql NAME 'SQL'         runs SQL with psql, unaligned output
#   pg_stop                   stops the server (call it from an EXIT trap)
#
# initdb and postgres refuse to run as root: as root they run as the
# `postgres` system user (made if missing), which owns DIR.

pg_find_bin() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	d=$(dirname "$(command -v initdb 2>/dev/null)" 2>/dev/null)
	[ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
	return 1
}

pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c '"$0" "$@"' "$@"
		fi
	else
		"$@"
	fi
}

pg_start() {
	PG_DIR=$1
	PGBIN=$(pg_find_bin) || { echo "pg_start: no initdb (make deps installs postgresql)"; return 1; }
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 ||
			useradd --system --no-create-home --shell /usr/sbin/nologin postgres ||
			return 1
		chown postgres "$PG_DIR"
	fi
	chmod 755 "$PG_DIR"
	pg_as "$PGBIN/initdb" -D "$PG_DIR/data" -A trust -U curlew -E UTF8 --locale=C \
		> "$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
	pg_as "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_DIR -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40" \
		start > "$PG_DIR/pg_ctl.log" 2>&1 || { cat "$PG_DIR/pg_ctl.log" "$PG_DIR/server.log"; return 1; }
	PG_STARTED=1
	PGHOST=$PG_DIR
	PGUSER=curlew
	export PGHOST PGUSER
	return 0
}

pg_url() {
	"$PGBIN/createdb" -h "$PG_DIR" -U curlew "$1" || return 1
	echo "postgresql:///$1?host=$PG_DIR&user=curlew"
}

pg_sql() {
	"$PGBIN/psql" -h "$PG_DIR" -U curlew -d "$1" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -c "$2"
}

pg_stop() {
	if [ -n "${PG_STARTED:-}" ]; then
		pg_as "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop > /dev/null 2>&1
		PG_STARTED=
	fi
}
