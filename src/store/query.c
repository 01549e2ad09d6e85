/*
 * query.c -- the aggregates analysts ask of an event store: counts and
 * Goldstein sums and means by day, week, month or year, by dyad (source
 * and target country) and by event class, optionally after the
 * GDELT/Phoenix "one-a-day" filter; plus full-text search over sentences.
 *
 * The SQL is written once for both backends, with the few expressions that
 * differ (week starts, full-text search) chosen by dialect.  Numbers are
 * formatted here rather than by the database, so that SQLite and
 * PostgreSQL print the same table for the same events.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"
#include "store.h"

typedef struct out_ctx {
	FILE *f;
	int tsv;
	int header_done;
	long rows;
	int err;                /* errno of a failed write: the query stops */
} out_ctx;

void cw_csv_str(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void put_tsv(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\\': fputs("\\\\", f); break;
		default: putc(*s, f);
		}
	}
}

static void put_field(out_ctx *o, const char *s)
{
	if (o->tsv)
		put_tsv(o->f, s);
	else
		cw_csv_str(o->f, s);
}

/* Columns whose name says how to print them: sums with one decimal (the
 * Goldstein scale's own precision), means with three. */
const char *cw_query_format(const char *name, const char *v, char *tmp, size_t n)
{
	if (!v)
		return "";
	if (strstr(name, "_sum"))
		snprintf(tmp, n, "%.1f", strtod(v, NULL));
	else if (strstr(name, "_mean"))
		snprintf(tmp, n, "%.3f", strtod(v, NULL));
	else
		return v;
	/* -0.0 would differ from 0.0 between backends for no reason. */
	if (strcmp(tmp, "-0.0") == 0 || strcmp(tmp, "-0.000") == 0)
		memmove(tmp, tmp + 1, strlen(tmp));
	return tmp;
}

/* A write that failed (a full disk, a closed pipe) stops the query
 * rather than running it to the end for nothing. */
static int written(out_ctx *o)
{
	if (!ferror(o->f))
		return 0;
	o->err = errno ? errno : EIO;
	return 1;
}

static int print_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	out_ctx *o = ctx;
	char sep = o->tsv ? '\t' : ',';
	if (!vals) {
		if (o->header_done)
			return 0;
		for (int i = 0; i < ncols; i++) {
			if (i)
				putc(sep, o->f);
			put_field(o, names[i]);
		}
		putc('\n', o->f);
		o->header_done = 1;
		return written(o);
	}
	for (int i = 0; i < ncols; i++) {
		char tmp[64];
		if (i)
			putc(sep, o->f);
		put_field(o, cw_query_format(names[i], vals[i], tmp, sizeof tmp));
	}
	putc('\n', o->f);
	o->rows++;
	return written(o);
}

static const char *period_expr(const char *by, int pg)
{
	if (strcmp(by, "day") == 0)
		return "date";
	if (strcmp(by, "month") == 0)
		return "substr(date, 1, 7)";
	if (strcmp(by, "year") == 0)
		return "substr(date, 1, 4)";
	if (strcmp(by, "all") == 0)
		return "'all'";
	if (strcmp(by, "week") == 0)   /* ISO weeks: the Monday that starts them */
		return pg ? "to_char(date_trunc('week', CAST(date AS date)), 'YYYY-MM-DD')"
			  : "date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days')";
	return NULL;
}

static const char *class_col(const char *cls)
{
	if (strcmp(cls, "root") == 0)
		return "root";
	if (strcmp(cls, "quad") == 0)
		return "quad_class";
	if (strcmp(cls, "cameo") == 0)
		return "cameo";
	if (strcmp(cls, "none") == 0)
		return "";
	return NULL;
}

void cw_sql_add(cw_sql *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof b->s - b->n)
		b->overflow = 1;
	else
		b->n += (size_t)n;
}

/* The events to aggregate: all of them, or one per (date, source, target,
 * code) -- the one-a-day filter, which stops a story told by ten wires
 * from counting ten times.  where: more conditions on them, or "". */
static void add_source(cw_sql *b, const curlew_query *q, const char *where, int *np,
		       const char **params)
{
	const char *where_from = "", *where_to = "";
	if (q->from) {
		params[(*np)++] = q->from;
		where_from = " AND date >= $1";
	}
	if (q->to) {
		params[(*np)++] = q->to;
		where_to = q->from ? " AND date <= $2" : " AND date <= $1";
	}
	if (q->one_a_day)
		cw_sql_add(b, "(SELECT date, source_code, target_code, cameo,"
		    " MIN(source_country) AS source_country, MIN(target_country) AS target_country,"
		    " MIN(root) AS root, MIN(quad_class) AS quad_class, MIN(goldstein) AS goldstein"
		    " FROM events WHERE date IS NOT NULL%s%s%s"
		    " GROUP BY date, source_code, target_code, cameo) AS e", where_from, where_to, where);
	else
		cw_sql_add(b, "(SELECT * FROM events WHERE date IS NOT NULL%s%s%s) AS e", where_from, where_to,
		    where);
}

static int aggregate(curlew_store *st, const curlew_query *q, int goldstein, const char *where,
		     const char *const *wparams, int nwparams, cw_row_fn fn, void *ctx)
{
	int pg = cw_store_is_pg(st);
	const char *by = curlew_query_name("by", (int)q->by);
	const char *cname = curlew_query_name("class", (int)q->cls);
	const char *period = by ? period_expr(by, pg) : NULL;
	const char *cls = cname ? class_col(cname) : NULL;
	if (!period) {
		cw_store_set_err(st, "--by wants day, week, month, year or all, not %d", (int)q->by);
		return CURLEW_EUSAGE;
	}
	if (!cls) {
		cw_store_set_err(st, "--class wants root, quad, cameo or none, not %d", (int)q->cls);
		return CURLEW_EUSAGE;
	}
	if (where && (q->from || q->to || nwparams > 16)) {
		cw_store_set_err(st, "conditions go with no --from/--to, and 16 parameters at most");
		return CURLEW_EUSAGE;
	}
	cw_sql b = { .n = 0 };
	const char *params[18];
	int np = 0;
	char groups[256] = "1";
	cw_sql_add(&b, "SELECT %s AS period", period);
	if (q->dyad) {
		cw_sql_add(&b, ", COALESCE(source_country, '') AS source_country,"
		    " COALESCE(target_country, '') AS target_country");
		strcat(groups, ", 2, 3");
	}
	if (*cls) {
		cw_sql_add(&b, ", %s AS %s", cls, strcmp(cls, "quad_class") == 0 ? "quad_class" : cls);
		strcat(groups, q->dyad ? ", 4" : ", 2");
	}
	cw_sql_add(&b, ", COUNT(*) AS events");
	if (goldstein)
		cw_sql_add(&b, ", SUM(goldstein) AS goldstein_sum, AVG(goldstein) AS goldstein_mean");
	cw_sql_add(&b, " FROM ");
	add_source(&b, q, where ? where : "", &np, params);
	for (int i = 0; i < nwparams; i++)
		params[np++] = wparams[i];
	cw_sql_add(&b, " GROUP BY %s ORDER BY %s", groups, groups);
	if (b.overflow) {
		cw_store_set_err(st, "query too long");
		return CURLEW_EUSAGE;
	}
	return cw_store_rows(st, b.s, params, np, fn, ctx);
}

int cw_store_aggregate(curlew_store *st, const curlew_query *q, int goldstein, const char *where,
		       const char *const *params, int nparams, cw_row_fn fn, void *ctx)
{
	return aggregate(st, q, goldstein, where, params, nparams, fn, ctx);
}

static int search(curlew_store *st, const curlew_query *q, out_ctx *o)
{
	if (!q->match || !*q->match) {
		cw_store_set_err(st, "search needs words to look for");
		return CURLEW_EUSAGE;
	}
	char limit[32];
	snprintf(limit, sizeof limit, "%ld", q->limit > 0 ? q->limit : 20);
	const char *params[2] = { q->match, limit };
	const char *sql = cw_store_is_pg(st)
		? "SELECT story_id, sentence, text FROM sentences"
		  " WHERE tsv @@ websearch_to_tsquery('english', $1)"
		  " ORDER BY ts_rank(tsv, websearch_to_tsquery('english', $1)) DESC, story_id, sentence"
		  " LIMIT CAST($2 AS integer)"
		: "SELECT s.story_id, s.sentence, s.text FROM sentences_fts"
		  " JOIN sentences AS s ON s.id = sentences_fts.rowid"
		  " WHERE sentences_fts MATCH $1 ORDER BY rank, s.story_id, s.sentence"
		  " LIMIT CAST($2 AS integer)";
	return cw_store_rows(st, sql, params, 2, print_row, o);
}

/* Every event with the columns of `curlew code --format tsv`, for the
 * bindings' read_events and for a spreadsheet: the store read back as the
 * coder wrote it.  --from/--to bound the dates; --limit the rows (all by
 * default). */
static int events(curlew_store *st, const curlew_query *q, out_ctx *o)
{
	char limit[32];
	/* no limit: more rows than any store holds (LIMIT NULL and -1 are not
	 * both dialects') */
	snprintf(limit, sizeof limit, "%ld", q->limit > 0 ? q->limit : 1000000000000L);
	const char *params[3] = { q->from ? q->from : "0000-00-00", q->to ? q->to : "9999-99-99",
				  limit };
	return cw_store_rows(st,
		"SELECT e.event_id, e.story_id, e.sentence, s.text AS sentence_text, e.date,"
		" e.date_precision, e.source_code, e.source_country, sa.sectors AS source_sectors,"
		" sa.text AS source_text, sa.start_byte AS source_start, sa.end_byte AS source_end,"
		" e.target_code, e.target_country, ta.sectors AS target_sectors,"
		" ta.text AS target_text, ta.start_byte AS target_start, ta.end_byte AS target_end,"
		" e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode,"
		" e.plover_context, e.location_text, e.location_country, e.lat AS location_lat,"
		" e.lon AS location_lon, e.location_admin1, e.location_feature,"
		" e.location_precision, e.trigger_text, e.trigger_start, e.trigger_end, e.rule,"
		" e.confidence, st.url, st.title, st.publisher"
		" FROM events AS e"
		" LEFT JOIN sentences AS s ON s.story_id = e.story_id AND s.sentence = e.sentence"
		" LEFT JOIN actors AS sa ON sa.event_id = e.event_id AND sa.role = 'source'"
		" LEFT JOIN actors AS ta ON ta.event_id = e.event_id AND ta.role = 'target'"
		" LEFT JOIN stories AS st ON st.story_id = e.story_id"
		" WHERE (e.date IS NULL OR (e.date >= $1 AND e.date <= $2))"
		" ORDER BY e.story_id, e.sentence, e.event_id"
		" LIMIT CAST($3 AS bigint)",
		params, 3, print_row, o);
}

static int summary(curlew_store *st, out_ctx *o)
{
	return cw_store_rows(st,
		"SELECT (SELECT COUNT(*) FROM stories) AS stories,"
		" (SELECT COUNT(*) FROM sentences) AS sentences,"
		" (SELECT COUNT(*) FROM events) AS events,"
		" (SELECT COUNT(*) FROM actors) AS actors,"
		" (SELECT MIN(date) FROM events) AS first_date,"
		" (SELECT MAX(date) FROM events) AS last_date",
		NULL, 0, print_row, o);
}

int curlew_store_query(curlew_store *st, const curlew_query *q, FILE *out)
{
	out_ctx o = { out, q->tsv, 0, 0, 0 };
	int rc;
	if (q->version > CURLEW_QUERY_VERSION) {
		cw_store_set_err(st, "curlew_query version %u is not known to libcurlew %s",
				 q->version, CURLEW_VERSION);
		return CURLEW_EUSAGE;
	}
	switch (q->what) {
	case CURLEW_Q_COUNTS: rc = aggregate(st, q, 0, NULL, NULL, 0, print_row, &o); break;
	case CURLEW_Q_GOLDSTEIN: rc = aggregate(st, q, 1, NULL, NULL, 0, print_row, &o); break;
	case CURLEW_Q_SEARCH: rc = search(st, q, &o); break;
	case CURLEW_Q_SUMMARY: rc = summary(st, &o); break;
	case CURLEW_Q_EVENTS: rc = events(st, q, &o); break;
	default:
		cw_store_set_err(st, "unknown query %d (counts, goldstein, search, summary, events)",
				 (int)q->what);
		return CURLEW_EUSAGE;
	}
	if (rc < 0)
		return rc;
	if (o.err || fflush(out) != 0 || ferror(out)) {
		int e = o.err ? o.err : errno ? errno : EIO;
		cw_store_set_err(st, "writing output: %s", strerror(e));
		errno = e;
		return CURLEW_ESYS;
	}
	return CURLEW_OK;
}
