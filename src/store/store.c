/*
 * store.c -- the event store: stories, sentences, events and actors in
 * SQLite (a file, the default) or PostgreSQL (many writers at once), one
 * schema for both (README, "Event store").
 *
 * A story is keyed by its id; each row also keeps the story's content hash
 * and the dictionary version, so that --resume can tell a story already
 * coded the same way from one whose text or dictionaries changed.  Putting
 * a story deletes its old rows first, inside the same transaction, so that
 * re-coding replaces instead of duplicating and a crash leaves either the
 * old rows or the new ones.
 *
 * Both backends see a doc as the same flat rows (emit_doc); SQLite inserts
 * them with prepared statements, PostgreSQL buffers them as COPY text and
 * moves them in at commit from temporary staging tables.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include <libpq-fe.h>
#include "util/util.h"
#include "coder/coder.h"
#include "util/fault.h"
#include "store.h"

/* ------------------------------------------------------------- hashing */

/* By hand for the dates every event has (snprintf was 3% of the store's
 * instructions); anything odd goes the printf way. */
static void fmt_date(cw_date d, char out[32])
{
	out[0] = '\0';
	if (!d.y)
		return;
	if (d.y < 1 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) {
		snprintf(out, 32, "%04d-%02d-%02d", d.y % 10000, d.m % 100, d.d % 100);
		return;
	}
	const int v[3] = { d.y, d.m, d.d }, width[3] = { 4, 2, 2 };
	char *p = out;
	for (int i = 0; i < 3; i++) {
		if (i)
			*p++ = '-';
		for (int k = width[i] - 1, x = v[i]; k >= 0; k--, x /= 10)
			p[k] = (char)('0' + x % 10);
		p += width[i];
	}
	*p = '\0';
}

static void doc_hash(const curlew_doc *doc, char out[17])
{
	char d[32], dd[32];
	fmt_date(doc->given_date, d);
	fmt_date(doc->default_date, dd);
	cw_hash_parts(doc->text, doc->len, d, dd, out);
}

/* ---------------------------------------------------------------- rows */

enum { T_STORIES, T_SENTENCES, T_EVENTS, T_ACTORS, NTABLES };

/* A value: text (s NULL for SQL NULL), or an integer when is_int, which
 * SQLite binds as one and PostgreSQL's COPY gets as digits.  Doubles are
 * text: their decimals are part of the record ("%.4f" coordinates). */
typedef struct field { const char *s; size_t n; long i; int is_int; } field;

static const char *const table_name[NTABLES] = { "stories", "sentences", "events", "actors" };
static const char *const table_cols[NTABLES] = {
	"story_id, content_hash, dict_version, date, dateline_place, agency, "
	"nsentences, nevents, coded_at, url, title, publisher",
	"story_id, sentence, text, start_byte",
	"event_id, story_id, sentence, date, source_code, source_country, "
	"target_code, target_country, cameo, root, quad_class, goldstein, "
	"plover_event, plover_mode, plover_context, location_text, location_country, "
	"lat, lon, trigger_text, trigger_start, trigger_end, rule, "
	"location_admin1, location_feature, location_precision, date_precision, confidence",
	"event_id, role, story_id, code, country, sectors, text, start_byte, end_byte",
};
static const int table_ncols[NTABLES] = { 12, 4, 28, 9 };

typedef int (*row_fn)(curlew_store *st, int table, const field *f);

static field fs(const char *s)
{
	field f = { s, s ? strlen(s) : 0, 0, 0 };
	return f;
}

static field fsn(const char *s, size_t n)
{
	field f = { s, n, 0, 0 };
	return f;
}

static field fempty_null(const char *s)
{
	return s && *s ? fs(s) : fs(NULL);
}

static field fint(long v)
{
	field f = { "", 0, v, 1 };
	return f;
}

/* Doubles need storage that outlives the field array: a small ring. */
typedef struct numbuf { char b[4][32]; int i; } numbuf;

/* Decimal digits of v at p; returns the length. */
static size_t put_long(char *p, long v)
{
	char t[24];
	size_t n = 0, len = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		t[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		p[len++] = '-';
	while (n)
		p[len++] = t[--n];
	return len;
}

/* "%.*f" without printf (a tenth of the store's time went there) when v
 * is the double nearest a number of prec decimals, as every Goldstein value
 * and most coordinates are: that number is then what printf would print. */
static field fdbl(numbuf *nb, double v, int prec)
{
	static const long scale[] = { 1, 10, 100, 1000, 10000 };
	char *p = nb->b[nb->i++ % 4];
	if (prec >= 1 && prec <= 4 && fabs(v) < 1e9 && !(v == 0 && signbit(v))) {
		double k = nearbyint(v * (double)scale[prec]);
		if (k / (double)scale[prec] == v) {
			long whole = (long)fabs(k) / scale[prec], frac = (long)fabs(k) % scale[prec];
			size_t n = 0;
			if (k < 0)
				p[n++] = '-';
			n += put_long(p + n, whole);
			p[n++] = '.';
			for (long d = scale[prec] / 10; d > 0; d /= 10)
				p[n++] = (char)('0' + frac / d % 10);
			return fsn(p, n);
		}
	}
	snprintf(p, 32, "%.*f", prec, v);
	return fs(p);
}

static int emit_actor(curlew_store *st, row_fn fn, const char *role,
		      const curlew_event *e, const curlew_actor *a)
{
	if (!a->code)
		return 0;
	char sectors[CURLEW_MAX_SECTORS * 4 + 1] = "";
	for (size_t i = 0; i < a->nsectors; i++) {
		if (i)
			strcat(sectors, ";");
		strncat(sectors, a->sectors[i], 3);
	}
	field f[9] = {
		fs(e->event_id), fs(role), fs(e->story_id), fs(a->code), fempty_null(a->country),
		fempty_null(sectors), fs(a->text), fint((long)a->start), fint((long)a->end),
	};
	return fn(st, T_ACTORS, f);
}

static field fnum(numbuf *nb, double v, int prec)
{
	return isnan(v) ? fs(NULL) : fdbl(nb, v, prec);
}

/* An event as the read API gives it: the columns are the record's fields. */
static int emit_event(curlew_store *st, row_fn fn, const curlew_event *e)
{
	numbuf nb = { .i = 0 };
	const curlew_location *p = &e->location;
	int coded = e->quad_class != 0;     /* a code of the table, not a local one */
	field f[28] = {
		fs(e->event_id), fs(e->story_id), fint(e->sentence), fempty_null(e->date),
		fs(e->source.code), fempty_null(e->source.country),
		fs(e->target.code), fempty_null(e->target.country),
		fs(e->cameo), fs(e->root),
		coded ? fint(e->quad_class) : fs(NULL), coded ? fnum(&nb, e->goldstein, 1) : fs(NULL),
		fs(e->plover.event), fs(e->plover.mode), fs(e->plover.context),
		fs(p->text), fempty_null(p->country),
		fnum(&nb, p->lat, 4), fnum(&nb, p->lon, 4),
		fs(e->trigger.text), fint((long)e->trigger.start), fint((long)e->trigger.end),
		fs(e->rule ? e->rule : ""),
		fs(p->admin1), fs(p->feature), fs(p->precision), fs(e->date_precision),
		fnum(&nb, e->confidence, 2),
	};
	int rc = fn(st, T_EVENTS, f);
	if (rc == 0)
		rc = emit_actor(st, fn, "source", e, &e->source);
	if (rc == 0)
		rc = emit_actor(st, fn, "target", e, &e->target);
	return rc;
}

/* The read API failed (out of memory): its message is the store's. */
static int read_failed(curlew_store *st)
{
	cw_store_set_err(st, "%s", curlew_last_error());
	return CURLEW_ESYS;
}

static int emit_doc(curlew_store *st, row_fn fn, const curlew_doc *doc, const char *dictver)
{
	char hash[17], now[32];
	doc_hash(doc, hash);
	curlew_doc_info info = CURLEW_DOC_INFO_INIT;
	if (curlew_doc_story(doc, &info) < 0)
		return read_failed(st);
	time_t tt = time(NULL);
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	field f[12] = {
		fs(info.id), fs(hash), fs(dictver), fempty_null(info.date),
		fs(info.dateline_place), fs(info.agency),
		fint((long)info.nsentences), fint((long)info.nevents), fs(now),
		fs(info.url), fs(info.title), fs(info.publisher),
	};
	int rc = fn(st, T_STORIES, f);
	/* every sentence, also those a long story did not keep for events */
	for (size_t i = 0; rc == 0 && i < info.nsentences; i++) {
		curlew_sentence sn = CURLEW_SENTENCE_INIT;
		if (curlew_doc_sentence(doc, i, &sn) < 0)
			return read_failed(st);
		field sf[4] = { fs(info.id), fint(sn.sentence), fsn(sn.text, sn.end - sn.start),
				fint((long)sn.start) };
		rc = fn(st, T_SENTENCES, sf);
	}
	for (size_t i = 0; rc == 0 && i < info.nevents; i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		rc = curlew_doc_event(doc, i, &e) < 0 ? read_failed(st) : emit_event(st, fn, &e);
	}
	return rc;
}

/* ---------------------------------------------------------------- schema */

/* SQLite and PostgreSQL share the column names and meanings; types are
 * each one's own.  Dates are ISO text so that both sort and group alike. */
static const char sqlite_schema[] =
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
	"INSERT OR IGNORE INTO meta VALUES ('schema_version', '5');"
	"CREATE TABLE IF NOT EXISTS stories ("
	" story_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, dict_version TEXT NOT NULL,"
	" date TEXT, dateline_place TEXT, agency TEXT, nsentences INTEGER NOT NULL,"
	" nevents INTEGER NOT NULL, coded_at TEXT NOT NULL, url TEXT, title TEXT,"
	" publisher TEXT) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS sentences ("
	" id INTEGER PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,"
	" text TEXT NOT NULL, start_byte INTEGER, UNIQUE (story_id, sentence));"
	/* columnsize=0: no %_docsize row per sentence (a sixth of the index's
	 * insert cost); bm25 counts a matched sentence's tokens when ranking,
	 * which the search's LIMIT keeps cheap.  automerge 8 instead of 4:
	 * merging segments was half the index's cost on the 10x corpus, and
	 * searches there take as long either way. */
	"CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
	" text, content='sentences', content_rowid='id', columnsize=0);"
	"INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 8);"
	/* Files made by earlier versions kept the index in step with triggers;
	 * store.c now does it once per transaction (lite_commit). */
	"DROP TRIGGER IF EXISTS sentences_ai;"
	"DROP TRIGGER IF EXISTS sentences_ad;"
	"CREATE TABLE IF NOT EXISTS events ("
	" event_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,"
	" date TEXT, source_code TEXT, source_country TEXT, target_code TEXT, target_country TEXT,"
	" cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL,"
	" plover_event TEXT, plover_mode TEXT, plover_context TEXT,"
	" location_text TEXT, location_country TEXT, lat REAL, lon REAL,"
	" trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, rule TEXT,"
	" location_admin1 TEXT, location_feature TEXT, location_precision TEXT,"
	" date_precision TEXT, confidence REAL) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS events_date ON events (date);"
	"CREATE TABLE IF NOT EXISTS actors ("
	" event_id TEXT NOT NULL, role TEXT NOT NULL, story_id TEXT NOT NULL,"
	" code TEXT, country TEXT, sectors TEXT, text TEXT, start_byte INTEGER, end_byte INTEGER,"
	" PRIMARY KEY (event_id, role)) WITHOUT ROWID;";

/* The version pg_schema leaves in meta; opening a database already at it
 * runs no DDL. */
#define PG_SCHEMA_VERSION "5"
static const char pg_schema[] =
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
	"INSERT INTO meta VALUES ('schema_version', '" PG_SCHEMA_VERSION "') ON CONFLICT DO NOTHING;"
	"CREATE TABLE IF NOT EXISTS stories ("
	" story_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, dict_version TEXT NOT NULL,"
	" date TEXT, dateline_place TEXT, agency TEXT, nsentences INTEGER NOT NULL,"
	" nevents INTEGER NOT NULL, coded_at TEXT NOT NULL, url TEXT, title TEXT,"
	" publisher TEXT);"
	"CREATE TABLE IF NOT EXISTS sentences ("
	" story_id TEXT NOT NULL, sentence INTEGER NOT NULL, text TEXT NOT NULL,"
	" tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,"
	" start_byte INTEGER, PRIMARY KEY (story_id, sentence));"
	"CREATE INDEX IF NOT EXISTS sentences_tsv ON sentences USING gin (tsv);"
	"CREATE TABLE IF NOT EXISTS events ("
	" event_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, sentence INTEGER NOT NULL,"
	" date TEXT, source_code TEXT, source_country TEXT, target_code TEXT, target_country TEXT,"
	" cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein DOUBLE PRECISION,"
	" plover_event TEXT, plover_mode TEXT, plover_context TEXT,"
	" location_text TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
	" trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, rule TEXT,"
	" location_admin1 TEXT, location_feature TEXT, location_precision TEXT,"
	" date_precision TEXT, confidence DOUBLE PRECISION);"
	/* schema 2 (issue 11): files of schema 1 gain the place and date
	 * columns -- only when missing, for the reason given at schema 3 */
	"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns"
	" WHERE table_schema = current_schema() AND table_name = 'events'"
	" AND column_name = 'date_precision') THEN"
	" ALTER TABLE events ADD COLUMN IF NOT EXISTS location_admin1 TEXT,"
	" ADD COLUMN IF NOT EXISTS location_feature TEXT,"
	" ADD COLUMN IF NOT EXISTS location_precision TEXT,"
	" ADD COLUMN IF NOT EXISTS date_precision TEXT; END IF; END $$;"
	/* schema 3 (issue 13): a sentence's offset in its story, so that the
	 * record's byte offsets can be found in the sentence's text.  Only
	 * when missing: ALTER TABLE locks the table whole even when it adds
	 * nothing, and a second table locked so at open deadlocked with the
	 * writers moving batches in meanwhile. */
	"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns"
	" WHERE table_schema = current_schema() AND table_name = 'sentences'"
	" AND column_name = 'start_byte') THEN"
	" ALTER TABLE sentences ADD COLUMN start_byte INTEGER; END IF; END $$;"
	/* schema 4 (issue 10): each event's confidence, added as above */
	"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns"
	" WHERE table_schema = current_schema() AND table_name = 'events'"
	" AND column_name = 'confidence') THEN"
	" ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION; END IF; END $$;"
	/* schema 5 (issue 12): the input's provenance, added as above */
	"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns"
	" WHERE table_schema = current_schema() AND table_name = 'stories'"
	" AND column_name = 'url') THEN"
	" ALTER TABLE stories ADD COLUMN url TEXT, ADD COLUMN title TEXT,"
	" ADD COLUMN publisher TEXT; END IF; END $$;"
	/* A row lock on meta only when the version changes. */
	"UPDATE meta SET value = '" PG_SCHEMA_VERSION "' WHERE key = 'schema_version' AND value <> '" PG_SCHEMA_VERSION "';"
	"CREATE INDEX IF NOT EXISTS events_story ON events (story_id);"
	"CREATE INDEX IF NOT EXISTS events_date ON events (date);"
	"CREATE TABLE IF NOT EXISTS actors ("
	" event_id TEXT NOT NULL, role TEXT NOT NULL, story_id TEXT NOT NULL,"
	" code TEXT, country TEXT, sectors TEXT, text TEXT, start_byte INTEGER, end_byte INTEGER,"
	" PRIMARY KEY (event_id, role));"
	"CREATE INDEX IF NOT EXISTS actors_story ON actors (story_id);";

/* Schema 1 files (before issue 11) gain the place and date columns,
 * schema 2 files (before issue 13) the sentences' offsets, and schema 3
 * files (before issue 10's confidence) the events' confidence, and schema 4
 * files (before issue 12) the stories' provenance; SQLite has no
 * ADD COLUMN IF NOT EXISTS, so a column already there is the one error let
 * pass. */
static int lite_upgrade(sqlite3 *db, char **msg)
{
	static const char *const cols[] = { "events location_admin1 TEXT",
		"events location_feature TEXT", "events location_precision TEXT",
		"events date_precision TEXT", "sentences start_byte INTEGER",
		"events confidence REAL", "stories url TEXT", "stories title TEXT",
		"stories publisher TEXT", NULL };
	for (int i = 0; cols[i]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "ALTER TABLE %.*s ADD COLUMN %s",
			 (int)strcspn(cols[i], " "), cols[i], strchr(cols[i], ' ') + 1);
		char *m = NULL;
		int rc = sqlite3_exec(db, sql, NULL, NULL, &m);
		if (rc != SQLITE_OK && !(m && strstr(m, "duplicate column"))) {
			*msg = m;
			return rc;
		}
		sqlite3_free(m);
	}
	return sqlite3_exec(db, "UPDATE meta SET value = '5' WHERE key = 'schema_version'", NULL,
			    NULL, msg);
}

/* Pragmas, schema and upgrade in one write transaction.  The busy timeout
 * covers most waits, but SQLite returns SQLITE_BUSY at once in a few
 * states of WAL mode (another process running its closing checkpoint, or
 * recovering the WAL index), which two `parallel` jobs opening one file hit
 * now and then: such a setup is tried again, for as long as the busy
 * timeout would have waited (SETUP_TRIES x SETUP_PAUSE_US = 120 s). */
#define SETUP_TRIES 2400
#define SETUP_PAUSE_US 50000
static int lite_setup(sqlite3 *db, char **msg)
{
	int rc = SQLITE_BUSY;
	for (int i = 0; i < SETUP_TRIES; i++) {
		if (i > 0) {
			sqlite3_free(*msg);
			*msg = NULL;
			sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
			usleep(SETUP_PAUSE_US);
		}
		rc = sqlite3_exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
				  " PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192;"
				  " PRAGMA temp_store=MEMORY;", NULL, NULL, msg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "BEGIN IMMEDIATE;", NULL, NULL, msg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, sqlite_schema, NULL, NULL, msg);
		if (rc == SQLITE_OK)
			rc = lite_upgrade(db, msg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(db, "COMMIT;", NULL, NULL, msg);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return rc;
	}
	return rc;
}

/* Staging tables for COPY, private to the session. */
static const char pg_staging[] =
	"CREATE TEMP TABLE s_stories (LIKE stories) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE s_sentences (story_id TEXT, sentence INTEGER, text TEXT, start_byte INTEGER)"
	" ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE s_events (LIKE events) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE s_actors (LIKE actors) ON COMMIT DELETE ROWS;";

/* --------------------------------------------------------------- handle */

typedef struct buf { char *p; size_t n, cap; } buf;

static int buf_need(buf *b, size_t more)
{
	if (b->n + more <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 65536;
	while (cap < b->n + more)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

/* SQLite rows wait here until LITE_ROWS of a table can go in one INSERT
 * (or the story ends): the statement's fixed cost, a quarter of a row's,
 * is then paid once per LITE_ROWS rows.  Text is copied (offsets into
 * text), as some of it lives on emit_*'s stack. */
enum { LITE_ROWS = 16, LITE_SIZES = 5 };   /* statements of 16, 8, 4, 2, 1 rows */
enum { PV_NULL, PV_TEXT, PV_INT };
typedef struct pval { size_t off, n; long i; int kind; } pval;
typedef struct pending { pval *v; int rows; buf text; } pending;

struct curlew_store {
	int pg;
	const curlew *cw;
	char dictver[17];
	char errmsg[512];
	int in_tx;
	/* SQLite */
	sqlite3 *db;
	sqlite3_stmt *ins[NTABLES][LITE_SIZES], *del[3], *has, *exists, *gone, *fts[4];
	pending pend[NTABLES];
	/* Sentence ids from fts_from on are this transaction's: the FTS index
	 * gets them at commit.  Ids are given out here (next_sid) rather than
	 * by SQLite, which would reuse a deleted highest id. */
	sqlite3_int64 fts_from, next_sid;
	/* The WAL checkpointer (lite_ckpt_*): its own connection and thread. */
	struct ckpt {
		sqlite3 *db;
		pthread_t tid;
		pthread_mutex_t lock;
		pthread_cond_t wake, idle;
		int started, want, busy, stop;
		int frames;     /* WAL size after the last commit, from the WAL hook */
	} ck;
	/* PostgreSQL: one COPY buffer per table, and the batch's story ids */
	PGconn *conn;
	buf copy[NTABLES];
	cw_map *ids;
	int nstories;
	/* Read-only handles (cw_store_open_readonly): SQLite statements stop
	 * at the deadline, which each read transaction sets afresh. */
	int timeout_ms;
	struct timespec deadline;
};

void cw_store_set_err(curlew_store *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->errmsg, sizeof st->errmsg, fmt, ap);
	va_end(ap);
	size_t n = strlen(st->errmsg);
	while (n && (st->errmsg[n - 1] == '\n' || st->errmsg[n - 1] == ' '))
		st->errmsg[--n] = '\0';
	cw_fail_msg(0, st->errmsg);
}

int cw_store_is_pg(const curlew_store *st)
{
	return st->pg;
}

const char *curlew_store_errmsg(const curlew_store *st)
{
	return st ? st->errmsg : "out of memory";
}

static int is_pg_url(const char *url)
{
	return strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0 ||
	       strncmp(url, "postgresql:", 11) == 0;
}

/* ---------------------------------------------------------------- SQLite */

static int lite_err(curlew_store *st, const char *what)
{
	cw_store_set_err(st, "%s: %s", what, sqlite3_errmsg(st->db));
	return CURLEW_ESYS;
}

/* The fault build's stand-in for SQLITE_FULL (fault.h): SQLite's own
 * allocations are out of reach of CURLEW_FAIL_ALLOC. */
static int lite_fault(curlew_store *st, const char *what)
{
	cw_store_set_err(st, "%s: database or disk is full (injected)", what);
	return CURLEW_ESYS;
}

static int lite_prepare(curlew_store *st, sqlite3_stmt **out, const char *sql)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return lite_err(st, "preparing a statement");
	return 0;
}

static int lite_exec(curlew_store *st, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		cw_store_set_err(st, "%s: %s", sql, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return CURLEW_ESYS;
	}
	return 0;
}

/* ------------------------------------------------------- WAL checkpoints */

/* SQLite copies the WAL back into the database file every 1000 pages, by
 * default inside the COMMIT that crosses the mark: reading the WAL, writing
 * the pages and two fdatasync calls, a quarter of the store's time on the
 * 10x bench corpus.  A thread of the store's own does it instead, on a
 * second connection, while the caller codes its next batch.  Durability is
 * unchanged: a transaction is committed once it is in the WAL, whoever
 * copies it later, and the checkpointing connection syncs as the writer
 * would (synchronous=NORMAL).  Should the writer outrun the thread, BEGIN
 * waits for it once the WAL passes CKPT_MAX pages, so the WAL stays bounded;
 * without threads the writer checkpoints as SQLite does by default. */
enum { CKPT_PAGES = 1000, CKPT_MAX = 8000 };

static void *ckpt_main(void *arg)
{
	struct ckpt *ck = arg;
	pthread_mutex_lock(&ck->lock);
	for (;;) {
		while (!ck->want && !ck->stop)
			pthread_cond_wait(&ck->wake, &ck->lock);
		if (ck->stop)
			break;
		ck->want = 0;
		ck->busy = 1;
		pthread_mutex_unlock(&ck->lock);
		/* PASSIVE takes no lock a writer or reader holds; whatever it
		 * cannot copy now, the next round does. */
		sqlite3_wal_checkpoint_v2(ck->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&ck->lock);
		ck->busy = 0;
		pthread_cond_broadcast(&ck->idle);
	}
	pthread_mutex_unlock(&ck->lock);
	return NULL;
}

/* Called by SQLite after each commit with the WAL's size in pages. */
static int ckpt_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct ckpt *ck = arg;
	(void)db;
	(void)name;
	ck->frames = frames;
	if (frames >= CKPT_PAGES) {
		pthread_mutex_lock(&ck->lock);
		ck->want = 1;
		pthread_cond_signal(&ck->wake);
		pthread_mutex_unlock(&ck->lock);
	}
	return SQLITE_OK;
}

static int lite_is_wal(sqlite3 *db)
{
	sqlite3_stmt *s;
	int wal = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(s, 0);
		wal = m && strcmp(m, "wal") == 0;
	}
	sqlite3_finalize(s);
	return wal;
}

/* Any failure here leaves SQLite's own checkpoints in place. */
static void ckpt_start(curlew_store *st)
{
	struct ckpt *ck = &st->ck;
	const char *path = sqlite3_db_filename(st->db, "main");
	if (!sqlite3_threadsafe() || !path || !*path || !lite_is_wal(st->db))
		return;
	if (sqlite3_open_v2(path, &ck->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(ck->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(ck->db, 1000);
	if (pthread_mutex_init(&ck->lock, NULL) != 0)
		goto fail;
	if (pthread_cond_init(&ck->wake, NULL) != 0)
		goto fail_lock;
	if (pthread_cond_init(&ck->idle, NULL) != 0)
		goto fail_wake;
	if (pthread_create(&ck->tid, NULL, ckpt_main, ck) != 0)
		goto fail_idle;
	ck->started = 1;
	sqlite3_wal_hook(st->db, ckpt_hook, ck);
	return;
fail_idle:
	pthread_cond_destroy(&ck->idle);
fail_wake:
	pthread_cond_destroy(&ck->wake);
fail_lock:
	pthread_mutex_destroy(&ck->lock);
fail:
	sqlite3_close(ck->db);
	ck->db = NULL;
}

/* Before BEGIN: a WAL grown past CKPT_MAX is copied back first, with no
 * transaction open, so that this transaction starts the WAL afresh. */
static void ckpt_catch_up(curlew_store *st)
{
	struct ckpt *ck = &st->ck;
	if (!ck->started || ck->frames < CKPT_MAX)
		return;
	pthread_mutex_lock(&ck->lock);
	while (ck->want || ck->busy)
		pthread_cond_wait(&ck->idle, &ck->lock);
	pthread_mutex_unlock(&ck->lock);
	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	ck->frames = 0;
}

static void ckpt_stop(curlew_store *st)
{
	struct ckpt *ck = &st->ck;
	if (!ck->started)
		return;
	pthread_mutex_lock(&ck->lock);
	ck->stop = 1;
	pthread_cond_signal(&ck->wake);
	pthread_mutex_unlock(&ck->lock);
	pthread_join(ck->tid, NULL);
	pthread_cond_destroy(&ck->idle);
	pthread_cond_destroy(&ck->wake);
	pthread_mutex_destroy(&ck->lock);
	sqlite3_close(ck->db);
	ck->db = NULL;
	ck->started = 0;
}

enum { FTS_NEXT, FTS_DEL, FTS_CLEAR, FTS_ADD };

/* Columns bound per row: sentences also get their id (next_sid). */
static int lite_ncols(int t)
{
	return table_ncols[t] + (t == T_SENTENCES);
}

/* The INSERT of LITE_ROWS >> k rows into table t.  OR FAIL rather than
 * the default ABORT: a multi-row ABORT statement keeps a statement journal
 * to undo its own earlier rows, and any failure here rolls the whole
 * transaction back anyway.  A story replaces its old row. */
static int lite_prepare_insert(curlew_store *st, int t, int k)
{
	buf b = { NULL, 0, 0 };
	int rows = LITE_ROWS >> k, rc = 0;
	const char *head = t == T_STORIES ? "INSERT OR REPLACE INTO " : "INSERT OR FAIL INTO ";
	size_t need = strlen(head) + strlen(table_name[t]) + strlen(table_cols[t]) + 32 +
		      (size_t)rows * ((size_t)lite_ncols(t) * 2 + 4);
	if (buf_need(&b, need) < 0) {
		cw_store_set_err(st, "out of memory");
		return CURLEW_ESYS;
	}
	b.n = (size_t)snprintf(b.p, b.cap, "%s%s (%s%s) VALUES ", head, table_name[t],
			       t == T_SENTENCES ? "id, " : "", table_cols[t]);
	for (int r = 0; r < rows; r++) {
		b.p[b.n++] = r ? ',' : ' ';
		b.p[b.n++] = '(';
		for (int i = 0; i < lite_ncols(t); i++) {
			if (i)
				b.p[b.n++] = ',';
			b.p[b.n++] = '?';
		}
		b.p[b.n++] = ')';
	}
	b.p[b.n] = '\0';
	rc = lite_prepare(st, &st->ins[t][k], b.p);
	free(b.p);
	return rc;
}

/* SQLite counts every allocation under a global mutex, for
 * sqlite3_memory_used(), which curlew never asks; that is switched off
 * before SQLite starts (a harmless SQLITE_MISUSE if it already has). */
static pthread_once_t lite_once = PTHREAD_ONCE_INIT;

static void lite_config(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* A handle for queries only reads (query_only): a store shared read-only
 * or on read-only media can be queried, and a wrong path is an error
 * rather than a new empty file.  A file we may write is opened read-write
 * all the same, so that closing it tidies the WAL files away as a writer
 * does.  A WAL-mode file wants its -shm index beside it, which a reader
 * creates when no writer has; where the reader may not create files, the
 * store is read as immutable instead: no -shm means no writer has it
 * open, so there is no WAL content to miss. */
static int lite_open_reader(curlew_store *st, const char *path, int busy_ms)
{
	if (access(path, F_OK) != 0) {
		cw_store_set_err(st, "%s: %s", path, strerror(errno));
		return CURLEW_EUSAGE;
	}
	int flags = (access(path, W_OK) == 0 ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
		    SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK)
		return lite_err(st, path);
	sqlite3_busy_timeout(st->db, busy_ms);
	int rc = sqlite3_exec(st->db, "PRAGMA query_only = 1; SELECT 1 FROM sqlite_master LIMIT 1",
			      NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	const char *slash = strrchr(path, '/');
	char dir[4096];
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
	if ((rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN) || access(dir, W_OK) == 0)
		return lite_err(st, path);
	sqlite3_close(st->db);
	st->db = NULL;
	buf uri = { NULL, 0, 0 };
	if (buf_need(&uri, strlen(path) * 3 + 32) < 0) {
		cw_store_set_err(st, "out of memory");
		return CURLEW_ESYS;
	}
	uri.n = (size_t)sprintf(uri.p, "file:");
	for (const char *p = path; *p; p++)
		uri.n += (size_t)(strchr("%?#", *p) ? sprintf(uri.p + uri.n, "%%%02X", (unsigned char)*p)
						   : sprintf(uri.p + uri.n, "%c", *p));
	strcpy(uri.p + uri.n, "?immutable=1");
	rc = sqlite3_open_v2(uri.p, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
			     NULL);
	free(uri.p);
	if (rc != SQLITE_OK)
		return lite_err(st, path);
	return 0;
}

/* The file a SQLite URL names: "sqlite://x.db", "sqlite:x.db" or a path. */
static const char *lite_path(const char *url)
{
	if (strncmp(url, "sqlite://", 9) == 0)
		return url + 9;
	if (strncmp(url, "sqlite:", 7) == 0)
		return url + 7;
	return url;
}

static int lite_open(curlew_store *st, const char *url)
{
	pthread_once(&lite_once, lite_config);
	const char *path = lite_path(url);
	/* A query may wait out a long write batch of a run in progress. */
	if (!st->cw)
		return lite_open_reader(st, path, 120000);
	/* A store handle belongs to one thread (curlew.h): no mutex per call. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK)
		return lite_err(st, path);
	/* Several processes may write one file (GNU parallel): wait for the
	 * lock rather than fail, and let readers go on in WAL mode. */
	sqlite3_busy_timeout(st->db, 120000);
	/* 16 KiB pages (new files only: WAL fixes the size) make the B-trees
	 * shallower and the insert rate about a quarter higher than 4 KiB.  An
	 * 8 MiB page cache keeps peak memory flat as the store grows (64 MiB
	 * let it climb from 50 to 116 MB between a 1x and a 10x corpus, 16 MiB
	 * to 63 MB, 8 MiB to 54 MB, at the same insert rate: rows are appended
	 * at the right edge of each B-tree, and a page the cache lacks is read
	 * back from the OS's). */
	char *msg = NULL;
	if (lite_setup(st->db, &msg) != SQLITE_OK) {
		cw_store_set_err(st, "%s: setting up the schema: %s", path, msg ? msg : "?");
		sqlite3_free(msg);
		return CURLEW_ESYS;
	}
	/* The temporary table first: creating it after preparing would make
	 * every statement prepare again at its first step. */
	if (lite_exec(st, "CREATE TEMP TABLE IF NOT EXISTS cw_gone (id INTEGER PRIMARY KEY, text TEXT)") < 0)
		return CURLEW_ESYS;
	for (int t = 0; t < NTABLES; t++) {
		for (int k = 0; k < LITE_SIZES; k++)
			if (lite_prepare_insert(st, t, k) < 0)
				return CURLEW_ESYS;
		st->pend[t].v = calloc((size_t)LITE_ROWS * (size_t)lite_ncols(t), sizeof(pval));
		if (!st->pend[t].v) {
			cw_store_set_err(st, "out of memory");
			return CURLEW_ESYS;
		}
	}
	if (lite_prepare(st, &st->exists, "SELECT 1 FROM stories WHERE story_id = ?") < 0 ||
	    lite_prepare(st, &st->gone, "INSERT INTO temp.cw_gone (id, text) SELECT id, text"
			 " FROM sentences WHERE story_id = ?1 AND id < ?2") < 0 ||
	    lite_prepare(st, &st->fts[FTS_NEXT], "SELECT COALESCE(MAX(id), 0) + 1 FROM sentences") < 0 ||
	    lite_prepare(st, &st->fts[FTS_DEL], "INSERT INTO sentences_fts (sentences_fts, rowid, text)"
			 " SELECT 'delete', id, text FROM temp.cw_gone") < 0 ||
	    lite_prepare(st, &st->fts[FTS_CLEAR], "DELETE FROM temp.cw_gone") < 0 ||
	    lite_prepare(st, &st->fts[FTS_ADD], "INSERT INTO sentences_fts (rowid, text)"
			 " SELECT id, text FROM sentences WHERE id >= ?") < 0 ||
	    lite_prepare(st, &st->del[0], "DELETE FROM actors WHERE event_id > ?1 || ':'"
			 " AND event_id < ?1 || ';' AND story_id = ?1") < 0 ||
	    lite_prepare(st, &st->del[1], "DELETE FROM events WHERE event_id > ?1 || ':'"
			 " AND event_id < ?1 || ';' AND story_id = ?1") < 0 ||
	    lite_prepare(st, &st->del[2], "DELETE FROM sentences WHERE story_id = ?") < 0 ||
	    lite_prepare(st, &st->has, "SELECT 1 FROM stories WHERE story_id = ? "
			 "AND content_hash = ? AND dict_version = ?") < 0)
		return CURLEW_ESYS;
	if (st->cw)   /* a query-only handle writes nothing */
		ckpt_start(st);
	return 0;
}

/* Inserts a table's waiting rows, as few statements as the sizes allow. */
static int lite_flush(curlew_store *st, int t)
{
	pending *p = &st->pend[t];
	int nc = lite_ncols(t), done = 0, rc = 0;
	while (rc == 0 && done < p->rows) {
		int k = 0;
		while ((LITE_ROWS >> k) > p->rows - done)
			k++;
		int m = LITE_ROWS >> k;
		sqlite3_stmt *s = st->ins[t][k];
		const pval *v = p->v + (size_t)done * (size_t)nc;
		for (int i = 0; rc == 0 && i < m * nc; i++) {
			int brc = v[i].kind == PV_INT ? sqlite3_bind_int64(s, i + 1, v[i].i)
				  : v[i].kind == PV_NULL ? sqlite3_bind_null(s, i + 1)
				  : sqlite3_bind_text(s, i + 1, v[i].n ? p->text.p + v[i].off : "",
						      (int)v[i].n, SQLITE_STATIC);
			if (brc != SQLITE_OK)
				rc = lite_err(st, "binding a value");
		}
		if (rc == 0 && sqlite3_step(s) != SQLITE_DONE)
			rc = lite_err(st, table_name[t]);
		sqlite3_reset(s);   /* every parameter is bound again next time */
		done += m;
	}
	p->rows = 0;
	p->text.n = 0;
	return rc;
}

static void lite_drop_pending(curlew_store *st)
{
	for (int t = 0; t < NTABLES; t++) {
		st->pend[t].rows = 0;
		st->pend[t].text.n = 0;
	}
}

static int lite_row(curlew_store *st, int table, const field *f)
{
	pending *p = &st->pend[table];
	if (CW_FAIL_STORE())
		return lite_fault(st, table_name[table]);
	pval *v = p->v + (size_t)p->rows * (size_t)lite_ncols(table);
	if (table == T_SENTENCES)
		*v++ = (pval){ 0, 0, (long)st->next_sid++, PV_INT };
	for (int i = 0; i < table_ncols[table]; i++) {
		if (f[i].is_int) {
			v[i] = (pval){ 0, 0, f[i].i, PV_INT };
		} else if (!f[i].s) {
			v[i] = (pval){ 0, 0, 0, PV_NULL };
		} else {
			if (buf_need(&p->text, f[i].n) < 0) {
				cw_store_set_err(st, "out of memory");
				return CURLEW_ESYS;
			}
			memcpy(p->text.p + p->text.n, f[i].s, f[i].n);
			v[i] = (pval){ p->text.n, f[i].n, 0, PV_TEXT };
			p->text.n += f[i].n;
		}
	}
	return ++p->rows == LITE_ROWS ? lite_flush(st, table) : 0;
}

/* Steps a statement that returns no rows (or whose rows are not wanted). */
static int lite_run(curlew_store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : lite_err(st, what);
}

/* A story's rows, all in before lite_put returns (the doc may go then). */
static int lite_emit(curlew_store *st, const curlew_doc *doc)
{
	int rc = emit_doc(st, lite_row, doc, st->dictver);
	for (int t = 0; rc == 0 && t < NTABLES; t++)
		rc = lite_flush(st, t);
	if (rc < 0)
		lite_drop_pending(st);
	return rc;
}

/* Replacing a story deletes its old rows; a new story (the common case)
 * costs one look-up instead.  The FTS index forgets the old sentences at
 * commit, so their text is kept aside until then. */
static int lite_put(curlew_store *st, const curlew_doc *doc)
{
	sqlite3_bind_text(st->exists, 1, doc->id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st->exists);
	sqlite3_reset(st->exists);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lite_err(st, "looking a story up");
	if (rc == SQLITE_DONE)
		return lite_emit(st, doc);
	sqlite3_bind_text(st->gone, 1, doc->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->gone, 2, st->fts_from);
	if (lite_run(st, st->gone, "keeping a story's old sentences") < 0)
		return CURLEW_ESYS;
	for (int i = 0; i < 3; i++) {
		sqlite3_bind_text(st->del[i], 1, doc->id, -1, SQLITE_STATIC);
		if (lite_run(st, st->del[i], "deleting a story's old rows") < 0)
			return CURLEW_ESYS;
	}
	return lite_emit(st, doc);
}

static int lite_begin(curlew_store *st)
{
	ckpt_catch_up(st);
	if (lite_exec(st, "BEGIN IMMEDIATE") < 0)
		return CURLEW_ESYS;
	int rc = sqlite3_step(st->fts[FTS_NEXT]);
	if (rc == SQLITE_ROW)
		st->fts_from = st->next_sid = sqlite3_column_int64(st->fts[FTS_NEXT], 0);
	sqlite3_reset(st->fts[FTS_NEXT]);
	if (rc != SQLITE_ROW) {
		lite_err(st, "finding the next sentence id");
		lite_exec(st, "ROLLBACK");
		return CURLEW_ESYS;
	}
	return 0;
}

/* The transaction's FTS work in two statements: FTS5 flushes its pending
 * terms at every statement savepoint, so a row at a time (as triggers do)
 * writes a segment per sentence and is several times slower. */
static int lite_commit(curlew_store *st)
{
	sqlite3_bind_int64(st->fts[FTS_ADD], 1, st->fts_from);
	if (lite_run(st, st->fts[FTS_DEL], "removing old sentences from the FTS index") < 0 ||
	    lite_run(st, st->fts[FTS_CLEAR], "removing old sentences from the FTS index") < 0 ||
	    lite_run(st, st->fts[FTS_ADD], "adding sentences to the FTS index") < 0 ||
	    (CW_FAIL_STORE() && lite_fault(st, "COMMIT")) || lite_exec(st, "COMMIT") < 0) {
		char keep[sizeof st->errmsg];
		memcpy(keep, st->errmsg, sizeof keep);
		lite_exec(st, "ROLLBACK");
		memcpy(st->errmsg, keep, sizeof keep);
		return CURLEW_ESYS;
	}
	return 0;
}

static int lite_has(curlew_store *st, const char *id, const char *hash)
{
	sqlite3_bind_text(st->has, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->has, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->has, 3, st->dictver, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st->has);
	sqlite3_reset(st->has);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : lite_err(st, "looking a story up");
}

/* A query that SQLite calls plain wrong (SQLITE_ERROR: the search words
 * are not FTS5 syntax, or the file is not a curlew store) is the user's to
 * fix, not a failing system. */
static int lite_query_err(curlew_store *st)
{
	return sqlite3_errcode(st->db) == SQLITE_ERROR ? CURLEW_EUSAGE : CURLEW_ESYS;
}

static int lite_rows(curlew_store *st, const char *sql, const char *const *params,
		     int nparams, cw_row_fn fn, void *ctx)
{
	sqlite3_stmt *s;
	if (lite_prepare(st, &s, sql) < 0)
		return lite_query_err(st);
	for (int i = 0; i < nparams; i++) {
		char name[16];
		snprintf(name, sizeof name, "$%d", i + 1);
		int idx = sqlite3_bind_parameter_index(s, name);
		if (idx > 0)
			sqlite3_bind_text(s, idx, params[i], -1, SQLITE_STATIC);
	}
	int n = sqlite3_column_count(s), rc, stop = 0;
	const char *vals[64], *names[64];
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		names[i] = sqlite3_column_name(s, i);
	/* The header once the query is known to run: a search that is not
	 * FTS5 syntax fails at its first step and prints nothing. */
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		stop = fn(ctx, n, NULL, names);
	while (!stop && rc == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			vals[i] = (const char *)sqlite3_column_text(s, i);
		if ((stop = fn(ctx, n, vals, names)) != 0)
			break;
		rc = sqlite3_step(s);
	}
	if (!stop && rc != SQLITE_DONE) {
		cw_store_set_err(st, "%s", sqlite3_errmsg(st->db));
		stop = lite_query_err(st);
	}
	sqlite3_finalize(s);
	return stop;
}

/* ------------------------------------------------------------ PostgreSQL */

static int pg_err(curlew_store *st, const char *what, const PGresult *r)
{
	const char *m = r ? PQresultErrorMessage(r) : "";
	cw_store_set_err(st, "%s: %s", what, m && *m ? m : PQerrorMessage(st->conn));
	return CURLEW_ESYS;
}

static int pg_exec(curlew_store *st, const char *sql)
{
	PGresult *r = PQexec(st->conn, sql);
	ExecStatusType s = PQresultStatus(r);
	int rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? 0 : pg_err(st, "PostgreSQL", r);
	PQclear(r);
	return rc;
}

static void quiet_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* 1 when the database already has this version's schema.  The schema
 * script is then not run at all: even its IF NOT EXISTS statements lock
 * tables (CREATE INDEX takes a share lock before it finds the index there),
 * and one opener holding such locks on two tables while writers move
 * batches in deadlocked with them. */
static int pg_schema_current(curlew_store *st)
{
	PGresult *r = PQexec(st->conn, "SELECT value FROM meta WHERE key = 'schema_version'");
	int current = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
		      strcmp(PQgetvalue(r, 0, 0), PG_SCHEMA_VERSION) == 0;
	PQclear(r);
	return current;
}

static int pg_open(curlew_store *st, const char *url)
{
	st->conn = PQconnectdb(url);
	if (PQstatus(st->conn) != CONNECTION_OK) {
		cw_store_set_err(st, "connecting to PostgreSQL: %s", PQerrorMessage(st->conn));
		return CURLEW_ESYS;
	}
	PQsetNoticeProcessor(st->conn, quiet_notice, NULL);
	/* Queries only read, and a role that may only read can run them. */
	if (!st->cw)
		return pg_exec(st, "SET default_transaction_read_only = on");
	/* A multi-statement string is one transaction, so the lock that keeps
	 * concurrent CREATE IF NOT EXISTS from clashing is taken around it. */
	if (pg_exec(st, "SET client_min_messages = warning") < 0)
		return CURLEW_ESYS;
	if (!pg_schema_current(st)) {
		if (pg_exec(st, "SELECT pg_advisory_lock(72731)") < 0)
			return CURLEW_ESYS;
		/* Asked again under the lock: an opener that waited for another's
		 * set-up would otherwise rerun the script while that one writes. */
		int rc = pg_schema_current(st) ? 0 : pg_exec(st, pg_schema);
		if (pg_exec(st, "SELECT pg_advisory_unlock(72731)") < 0 || rc < 0)
			return CURLEW_ESYS;
	}
	return pg_exec(st, pg_staging) < 0 ? CURLEW_ESYS : 0;
}

/* COPY's text format: tab between fields, \N for NULL, and backslash
 * escapes for the characters that would break a line or a field. */
static int pg_row(curlew_store *st, int table, const field *f)
{
	buf *b = &st->copy[table];
	for (int i = 0; i < table_ncols[table]; i++) {
		char num[24];
		field v = f[i];
		if (v.is_int) {
			v.s = num;
			v.n = (size_t)snprintf(num, sizeof num, "%ld", v.i);
		}
		if (buf_need(b, v.s ? v.n * 2 + 2 : 3) < 0) {
			cw_store_set_err(st, "out of memory");
			return CURLEW_ESYS;
		}
		if (i)
			b->p[b->n++] = '\t';
		if (!v.s) {
			memcpy(b->p + b->n, "\\N", 2);
			b->n += 2;
			continue;
		}
		for (size_t k = 0; k < v.n; k++) {
			char c = v.s[k];
			char e = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
			if (e) {
				b->p[b->n++] = '\\';
				b->p[b->n++] = e;
			} else {
				b->p[b->n++] = c;
			}
		}
	}
	if (buf_need(b, 1) < 0)
		return CURLEW_ESYS;
	b->p[b->n++] = '\n';
	return 0;
}

static int pg_copy(curlew_store *st, int t)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "COPY s_%s (%s) FROM STDIN", table_name[t], table_cols[t]);
	PGresult *r = PQexec(st->conn, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		int rc = pg_err(st, "starting COPY", r);
		PQclear(r);
		return rc;
	}
	PQclear(r);
	const buf *b = &st->copy[t];
	size_t off = 0;
	while (off < b->n) {
		size_t chunk = b->n - off > (1 << 20) ? (1 << 20) : b->n - off;
		if (PQputCopyData(st->conn, b->p + off, (int)chunk) != 1)
			break;
		off += chunk;
	}
	if (PQputCopyEnd(st->conn, off < b->n ? "client error" : NULL) != 1)
		return pg_err(st, "COPY", NULL);
	int rc = 0;
	while ((r = PQgetResult(st->conn)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0)
			rc = pg_err(st, "COPY", r);
		PQclear(r);
	}
	return rc;
}

/* Moves the staged batch in.  Writers lock the batch's stories in one
 * global order (their hash), so that two workers given the same stories
 * wait for each other instead of deadlocking. */
static const char pg_move[] =
	"SELECT count(pg_advisory_xact_lock(h)) FROM"
	" (SELECT DISTINCT hashtext(story_id) AS h FROM s_stories ORDER BY 1) AS l;"
	"DELETE FROM actors WHERE story_id IN (SELECT story_id FROM s_stories);"
	"DELETE FROM events WHERE story_id IN (SELECT story_id FROM s_stories);"
	"DELETE FROM sentences WHERE story_id IN (SELECT story_id FROM s_stories);"
	"INSERT INTO stories SELECT * FROM s_stories ON CONFLICT (story_id) DO UPDATE SET"
	" content_hash = EXCLUDED.content_hash, dict_version = EXCLUDED.dict_version,"
	" date = EXCLUDED.date, dateline_place = EXCLUDED.dateline_place,"
	" agency = EXCLUDED.agency, nsentences = EXCLUDED.nsentences,"
	" nevents = EXCLUDED.nevents, coded_at = EXCLUDED.coded_at, url = EXCLUDED.url,"
	" title = EXCLUDED.title, publisher = EXCLUDED.publisher;"
	"INSERT INTO sentences (story_id, sentence, text, start_byte) SELECT * FROM s_sentences;"
	"INSERT INTO events SELECT * FROM s_events;"
	"INSERT INTO actors SELECT * FROM s_actors;";

static int pg_retryable(const PGresult *r)
{
	const char *code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	return code && (strcmp(code, "40P01") == 0 || strcmp(code, "40001") == 0 ||
			strcmp(code, "23505") == 0);
}

static int pg_flush(curlew_store *st)
{
	if (st->nstories == 0)
		return 0;
	for (int attempt = 0;; attempt++) {
		int rc = pg_exec(st, "BEGIN");
		for (int t = 0; rc == 0 && t < NTABLES; t++)
			rc = pg_copy(st, t);
		PGresult *r = NULL;
		if (rc == 0) {
			r = PQexec(st->conn, pg_move);
			if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK)
				rc = pg_err(st, "storing a batch", r);
		}
		if (rc == 0)
			rc = pg_exec(st, "COMMIT");
		int retry = rc < 0 && r && pg_retryable(r) && attempt < 8;
		PQclear(r);
		if (rc == 0)
			break;
		PGresult *rb = PQexec(st->conn, "ROLLBACK");
		PQclear(rb);
		if (!retry)
			return rc;
		usleep((useconds_t)(10000 * (attempt + 1)));
	}
	for (int t = 0; t < NTABLES; t++)
		st->copy[t].n = 0;
	cw_map_free(st->ids);
	st->ids = NULL;
	st->nstories = 0;
	return 0;
}

static int pg_put(curlew_store *st, const curlew_doc *doc)
{
	/* The same story twice in one batch: the later one wins, as it would
	 * in two batches. */
	if (st->ids && cw_map_get(st->ids, doc->id) && pg_flush(st) < 0)
		return CURLEW_ESYS;
	if (!st->ids && !(st->ids = cw_map_new()))
		return CURLEW_ESYS;
	if (cw_map_put(st->ids, doc->id, (void *)1) < 0)
		return CURLEW_ESYS;
	st->nstories++;
	return emit_doc(st, pg_row, doc, st->dictver);
}

static int pg_has(curlew_store *st, const char *id, const char *hash)
{
	const char *p[3] = { id, hash, st->dictver };
	PGresult *r = PQexecParams(st->conn, "SELECT 1 FROM stories WHERE story_id = $1"
				   " AND content_hash = $2 AND dict_version = $3",
				   3, NULL, p, NULL, NULL, 0);
	int rc = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) > 0
						       : pg_err(st, "looking a story up", r);
	PQclear(r);
	return rc;
}

static int pg_rows(curlew_store *st, const char *sql, const char *const *params,
		   int nparams, cw_row_fn fn, void *ctx)
{
	PGresult *r = PQexecParams(st->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		/* as lite_query_err: bad data (22) or SQL naming what is not
		 * there (42) is the user's to fix */
		const char *code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
		int rc = pg_err(st, "PostgreSQL", r);
		PQclear(r);
		return code && (!strncmp(code, "22", 2) || !strncmp(code, "42", 2)) ? CURLEW_EUSAGE : rc;
	}
	int n = PQnfields(r), stop = 0;
	const char *vals[64], *names[64];
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		names[i] = PQfname(r, i);
	stop = fn(ctx, n, NULL, names);
	for (int row = 0; row < PQntuples(r) && !stop; row++) {
		for (int i = 0; i < n; i++)
			vals[i] = PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
		stop = fn(ctx, n, vals, names);
	}
	PQclear(r);
	return stop;
}

/* ------------------------------------------------------ read-only handles
 * For curlew serve, which must never write what it shows: SQLite opened
 * with SQLITE_OPEN_READONLY (no file is created, nothing is upgraded, and
 * the file stays byte for byte as it was), PostgreSQL sessions whose every
 * transaction is read-only.  A statement that runs past the handle's time
 * limit is stopped, so one costly request cannot hold the server. */

static int lite_past_deadline(void *arg)
{
	const curlew_store *st = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > st->deadline.tv_sec ||
	       (now.tv_sec == st->deadline.tv_sec && now.tv_nsec > st->deadline.tv_nsec);
}

/* The web explorer's handle: the query reader's (a missing file is an
 * error, read-only media are read), with a deadline on every statement. */
static int lite_open_readonly(curlew_store *st, const char *url)
{
	pthread_once(&lite_once, lite_config);
	/* A writer's commit holds readers back for a moment only (WAL); a web
	 * request should not wait out a long batch. */
	int rc = lite_open_reader(st, lite_path(url), 5000);
	if (rc < 0)
		return rc;
	/* Checked every 1000 virtual-machine steps: microseconds apart. */
	sqlite3_progress_handler(st->db, 1000, lite_past_deadline, st);
	clock_gettime(CLOCK_MONOTONIC, &st->deadline);
	st->deadline.tv_sec += 3600;
	return 0;
}

static int pg_open_readonly(curlew_store *st, const char *url)
{
	st->conn = PQconnectdb(url);
	if (PQstatus(st->conn) != CONNECTION_OK) {
		cw_store_set_err(st, "connecting to PostgreSQL: %s", PQerrorMessage(st->conn));
		return CURLEW_ESYS;
	}
	PQsetNoticeProcessor(st->conn, quiet_notice, NULL);
	char sql[128];
	snprintf(sql, sizeof sql, "SET default_transaction_read_only = on;"
		 " SET statement_timeout = %d", st->timeout_ms);
	return pg_exec(st, sql);
}

int cw_store_open_readonly(curlew_store **out, const char *url, int timeout_ms)
{
	curlew_store *st = calloc(1, sizeof *st);
	*out = st;
	if (!st)
		return CURLEW_ESYS;
	if (!url || !*url) {
		cw_store_set_err(st, "no database given");
		return CURLEW_EUSAGE;
	}
	st->timeout_ms = timeout_ms > 0 ? timeout_ms : 10000;
	st->pg = is_pg_url(url);
	return st->pg ? pg_open_readonly(st, url) : lite_open_readonly(st, url);
}

int cw_store_read_begin(curlew_store *st)
{
	if (st->pg)
		return pg_exec(st, "BEGIN READ ONLY");
	clock_gettime(CLOCK_MONOTONIC, &st->deadline);
	st->deadline.tv_sec += st->timeout_ms / 1000;
	st->deadline.tv_nsec += (long)(st->timeout_ms % 1000) * 1000000L;
	if (st->deadline.tv_nsec >= 1000000000L) {
		st->deadline.tv_sec++;
		st->deadline.tv_nsec -= 1000000000L;
	}
	return lite_exec(st, "BEGIN");
}

void cw_store_read_end(curlew_store *st)
{
	char keep[sizeof st->errmsg];
	memcpy(keep, st->errmsg, sizeof keep);
	if (st->pg)
		pg_exec(st, "ROLLBACK");
	else
		lite_exec(st, "ROLLBACK");
	memcpy(st->errmsg, keep, sizeof keep);
}

int cw_store_timed_out(const curlew_store *st)
{
	if (st->pg)
		return strstr(st->errmsg, "statement timeout") != NULL;
	return st->db && sqlite3_errcode(st->db) == SQLITE_INTERRUPT;
}

/* ------------------------------------------------------------ public API */

int curlew_store_open(curlew_store **out, const char *url, const curlew *cw)
{
	curlew_store *st = calloc(1, sizeof *st);
	*out = st;
	if (!st)
		return CURLEW_ESYS;
	st->cw = cw;
	if (!url || !*url) {
		cw_store_set_err(st, "no database given");
		return CURLEW_EUSAGE;
	}
	if (cw && curlew_dict_version(cw, st->dictver) < 0) {
		cw_store_set_err(st, "reading the data files in %s: %s", cw->data_dir, strerror(errno));
		return CURLEW_ESYS;
	}
	st->pg = is_pg_url(url);
	return st->pg ? pg_open(st, url) : lite_open(st, url);
}

void curlew_store_close(curlew_store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		curlew_store_rollback(st);
	ckpt_stop(st);
	for (int t = 0; t < NTABLES; t++) {
		for (int k = 0; k < LITE_SIZES; k++)
			sqlite3_finalize(st->ins[t][k]);
		free(st->pend[t].v);
		free(st->pend[t].text.p);
		free(st->copy[t].p);
	}
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(st->del[i]);
	sqlite3_finalize(st->has);
	sqlite3_finalize(st->exists);
	sqlite3_finalize(st->gone);
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(st->fts[i]);
	if (st->db)
		sqlite3_close(st->db);
	if (st->conn)
		PQfinish(st->conn);
	cw_map_free(st->ids);
	free(st);
}

int curlew_store_begin(curlew_store *st)
{
	if (st->in_tx) {
		cw_store_set_err(st, "a transaction is already open");
		return CURLEW_EUSAGE;
	}
	/* IMMEDIATE takes the write lock now, so that concurrent SQLite writers
	 * queue on the busy timeout instead of failing on lock upgrade. */
	if (!st->pg && lite_begin(st) < 0)
		return CURLEW_ESYS;
	st->in_tx = 1;
	return 0;
}

int curlew_store_put(curlew_store *st, const curlew_doc *doc)
{
	if (!doc || doc->err)
		return 0;
	if (!st->cw) {
		cw_store_set_err(st, "store opened for queries only");
		return CURLEW_EUSAGE;
	}
	int own = !st->in_tx;
	if (own && curlew_store_begin(st) < 0)
		return CURLEW_ESYS;
	int rc = st->pg ? pg_put(st, doc) : lite_put(st, doc);
	if (own)
		rc = rc < 0 ? (curlew_store_rollback(st), rc) : curlew_store_commit(st);
	return rc;
}

int curlew_store_commit(curlew_store *st)
{
	if (!st->in_tx)
		return 0;
	st->in_tx = 0;
	return st->pg ? pg_flush(st) : lite_commit(st);
}

int curlew_store_rollback(curlew_store *st)
{
	if (!st->in_tx)
		return 0;
	st->in_tx = 0;
	if (st->pg) {
		for (int t = 0; t < NTABLES; t++)
			st->copy[t].n = 0;
		cw_map_free(st->ids);
		st->ids = NULL;
		st->nstories = 0;
		return 0;
	}
	lite_drop_pending(st);
	return lite_exec(st, "ROLLBACK");
}

int curlew_store_has(curlew_store *st, const curlew_story *story, const char *default_date)
{
	if (!story->id || !st->cw)
		return 0;
	char hash[17];
	curlew_story_hash(story, default_date, hash);
	return st->pg ? pg_has(st, story->id, hash) : lite_has(st, story->id, hash);
}

int cw_store_rows(curlew_store *st, const char *sql, const char *const *params,
		  int nparams, cw_row_fn fn, void *ctx)
{
	return st->pg ? pg_rows(st, sql, params, nparams, fn, ctx)
		      : lite_rows(st, sql, params, nparams, fn, ctx);
}
