/*
 * serve_api.c -- curlew serve's JSON API over an event store opened
 * read-only: events (each the JSON event record that `curlew code` writes,
 * plus where its sentence starts), counts (query.c's aggregates), dyads,
 * places, a summary, and the events as CSV.
 *
 * Every parameter is checked against its own shape before any SQL is
 * built, and every value reaches the database as a bound parameter, never
 * as SQL text: a bad parameter is a 400 naming it, never a 500.  What one
 * request can get is bounded (rows per page, bytes per reply), and each
 * request's statements run in one read-only transaction with a time limit.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "serve.h"
#include "store/store.h"
#include "util/util.h"

struct cw_api {
	curlew_store *st;
	int pg;
	int schema2;    /* events have date_precision and the location details */
	int schema3;    /* sentences have start_byte */
	int schema4;    /* events have confidence */
	int schema5;    /* stories have url, title and publisher */
};

/* ------------------------------------------------------------ replies */

typedef struct reply_buf {
	FILE *f;
	char *buf;
	size_t len;
	long rows;
	int truncated;
} reply_buf;

static int out_open(reply_buf *o)
{
	memset(o, 0, sizeof *o);
	o->f = open_memstream(&o->buf, &o->len);
	return o->f ? 0 : -1;
}

static int out_close(reply_buf *o, cw_reply *r, int status, const char *type)
{
	if (fclose(o->f) != 0) {
		free(o->buf);
		return -1;
	}
	r->status = status;
	r->type = type;
	r->body = o->buf;
	r->len = o->len;
	return 0;
}

/* A reply of one JSON object {"error": msg}. */
static int reply_error(cw_reply *r, int status, const char *msg)
{
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	fputs("{\"error\":", o.f);
	cw_json_str(o.f, msg, strlen(msg));
	fputs("}\n", o.f);
	return out_close(&o, r, status, "application/json");
}

static void jstr(FILE *f, const char *s)
{
	if (s)
		cw_json_str(f, s, strlen(s));
	else
		fputs("null", f);
}

/* Empty text is no value: countries of actors without one. */
static void jstr_nonempty(FILE *f, const char *s)
{
	jstr(f, s && *s ? s : NULL);
}

static void jint(FILE *f, const char *v)
{
	if (v)
		fprintf(f, "%ld", strtol(v, NULL, 10));
	else
		fputs("null", f);
}

/* A decimal number as the record writes it ("%.1f" Goldstein values,
 * "%.4f" coordinates), so that both backends print the same. */
static void jnum(FILE *f, const char *v, int prec)
{
	if (v)
		fprintf(f, "%.*f", prec, strtod(v, NULL));
	else
		fputs("null", f);
}

/* ------------------------------------------------------------ parameters */

static int utf8_text(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
	while (n > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, n, &c);
		if (k < 0 || c < 0x20 || c == 0x7f)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

int cw_is_iso_date(const char *s)
{
	cw_date d;
	for (int i = 0; i < 10; i++)
		if (!s[i] || (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')))
			return 0;
	return s[10] == '\0' && cw_date_parse(s, &d) == 0 && cw_date_valid(d);
}

/* Upper-cased copy of a code of letters and digits (and '-', which
 * sector-only actor codes such as ---GOV start with). */
static int code_param(char *dst, size_t cap, const char *v, size_t minlen, size_t maxlen,
		      int digits)
{
	size_t n = strlen(v);
	if (n < minlen || n > maxlen || n >= cap)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (digits && ((c >= '0' && c <= '9') || c == '-'))))
			return -1;
		dst[i] = c;
	}
	dst[n] = '\0';
	return 0;
}

/* A word worth searching for: it has a letter or a digit (FTS5 would find
 * nothing in "--", and an empty phrase is an error to it). */
static int has_alnum(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)n;
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
		if (k < 0)
			return 0;
		utf8proc_category_t cat = utf8proc_category(c);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO &&
		    !(cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME))
			return 1;
		p += k;
		left -= k;
	}
	return 0;
}

/* The search words as FTS5 syntax that cannot be wrong: each word a quoted
 * phrase (quotes inside doubled), all of them required, and OR between two
 * words kept, as in a web search.  Returns the number of words. */
static int fts_query(const char *q, char *dst, size_t cap)
{
	size_t n = 0;
	int words = 0, want_or = 0;
	for (const char *p = q; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t len = strcspn(p, " \t");
		if (!len)
			break;
		if (len == 2 && strncmp(p, "OR", 2) == 0) {
			want_or = words > 0;
		} else if (has_alnum(p, len)) {
			if (n + len * 2 + 8 >= cap)
				return -1;
			if (words)
				n += (size_t)snprintf(dst + n, cap - n, want_or ? " OR " : " ");
			dst[n++] = '"';
			for (size_t i = 0; i < len; i++) {
				if (p[i] == '"')
					dst[n++] = '"';
				dst[n++] = p[i];
			}
			dst[n++] = '"';
			words++;
			want_or = 0;
		}
		p += len;
	}
	dst[n] = '\0';
	return words;
}

static const char *const filter_keys[] = { "from", "to", "country", "location", "source",
	"target", "actor", "root", "quad", "q", NULL };

static int bad(char *err, size_t errlen, const char *key, const char *want)
{
	snprintf(err, errlen, "parameter %s wants %s", key, want);
	return -1;
}

static int filter_one(cw_filter *f, const char *k, const char *v, char *err, size_t errlen)
{
	if (strcmp(k, "from") == 0 || strcmp(k, "to") == 0) {
		if (!cw_is_iso_date(v))
			return bad(err, errlen, k, "a calendar date YYYY-MM-DD");
		strcpy(k[0] == 'f' ? f->from : f->to, v);
	} else if (strcmp(k, "country") == 0 || strcmp(k, "location") == 0) {
		if (code_param(k[0] == 'c' ? f->country : f->location, 4, v, 3, 3, 0) < 0)
			return bad(err, errlen, k, "an ISO 3166 alpha-3 country code");
	} else if (strcmp(k, "source") == 0 || strcmp(k, "target") == 0) {
		char *dst = k[0] == 's' ? f->source : f->target;
		if (strcmp(v, "-") == 0)
			strcpy(dst, "-");
		else if (code_param(dst, 4, v, 3, 3, 0) < 0)
			return bad(err, errlen, k, "a country code, or - for none");
	} else if (strcmp(k, "actor") == 0) {
		if (code_param(f->actor, sizeof f->actor, v, 1, 32, 1) < 0)
			return bad(err, errlen, k, "the start of an actor code (letters, digits, -)");
		snprintf(f->actor_len, sizeof f->actor_len, "%zu", strlen(f->actor));
	} else if (strcmp(k, "root") == 0) {
		int r = (v[0] >= '0' && v[0] <= '2' && v[1] >= '0' && v[1] <= '9' && !v[2])
			? (v[0] - '0') * 10 + (v[1] - '0') : 0;
		if (r < 1 || r > 20)
			return bad(err, errlen, k, "a CAMEO root, 01 to 20");
		strcpy(f->root, v);
	} else if (strcmp(k, "quad") == 0) {
		if (!(v[0] >= '1' && v[0] <= '4' && !v[1]))
			return bad(err, errlen, k, "a quad class, 1 to 4");
		strcpy(f->quad, v);
	} else {   /* q */
		if (strlen(v) >= sizeof f->q || !utf8_text(v))
			return bad(err, errlen, k, "words (at most 200 bytes of text)");
		strcpy(f->q, v);
		if (fts_query(v, f->fts, sizeof f->fts) < 1)
			return bad(err, errlen, k, "at least one word to search for");
	}
	return 0;
}

static int in_list(const char *k, const char *const *list)
{
	for (int i = 0; list && list[i]; i++)
		if (strcmp(k, list[i]) == 0)
			return 1;
	return 0;
}

int cw_filter_parse(cw_filter *f, const cw_args *args, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < args->n; i++)
		if (in_list(args->key[i], filter_keys) &&
		    filter_one(f, args->key[i], args->val[i], err, errlen) < 0)
			return -1;
	if (f->from[0] && f->to[0] && strcmp(f->from, f->to) > 0) {
		snprintf(err, errlen, "from (%s) is after to (%s)", f->from, f->to);
		return -1;
	}
	return 0;
}

/* Every key known to the endpoint, and none twice. */
static int check_keys(const cw_args *args, const char *const *extra, char *err, size_t errlen)
{
	if (args->too_many) {
		snprintf(err, errlen, "too many parameters (at most %d)", CW_MAX_PARAMS);
		return -1;
	}
	for (int i = 0; i < args->n; i++) {
		const char *k = args->key[i];
		if (!in_list(k, filter_keys) && !in_list(k, extra)) {
			snprintf(err, errlen, "unknown parameter %.64s", k);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(k, args->key[j]) == 0) {
				snprintf(err, errlen, "parameter %.64s given twice", k);
				return -1;
			}
	}
	return 0;
}

static const char *arg(const cw_args *args, const char *key)
{
	for (int i = 0; i < args->n; i++)
		if (strcmp(args->key[i], key) == 0)
			return args->val[i];
	return NULL;
}

/* A count: digits only, from min.  Above max, a limit is max (a page is
 * never larger) and an offset an error (there is nothing that far).
 * *val keeps its default when the key is absent. */
static int count_arg(const cw_args *args, const char *key, long min, long max, int cap,
		     long *val, char *err, size_t errlen)
{
	const char *v = arg(args, key);
	if (!v)
		return 0;
	size_t n = strlen(v);
	if (n == 0 || n > 64 || strspn(v, "0123456789") != n) {
		snprintf(err, errlen, "parameter %s wants a whole number", key);
		return -1;
	}
	/* More digits than max has is past max: no overflow to worry about. */
	long x = n > 12 ? max + 1 : strtol(v, NULL, 10);
	if (x < min || (x > max && !cap)) {
		snprintf(err, errlen, "parameter %s wants a number from %ld to %ld", key, min, max);
		return -1;
	}
	*val = x > max ? max : x;
	return 0;
}

static int bool_arg(const cw_args *args, const char *key, int *val, char *err, size_t errlen)
{
	const char *v = arg(args, key);
	if (!v)
		return 0;
	if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
		*val = 1;
	else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		*val = 0;
	else
		return bad(err, errlen, key, "1 or 0");
	return 0;
}

/* One of a fixed list of words, which then stands for itself in SQL
 * choices made by query.c (never copied into SQL by this file). */
static int word_arg(const cw_args *args, const char *key, const char *const *words,
		    const char **val, char *err, size_t errlen)
{
	const char *v = arg(args, key);
	if (!v)
		return 0;
	for (int i = 0; words[i]; i++)
		if (strcmp(v, words[i]) == 0) {
			*val = words[i];
			return 0;
		}
	char want[128] = "";
	for (int i = 0; words[i]; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", i ? ", " : "",
			 words[i]);
	return bad(err, errlen, key, want);
}

/* ------------------------------------------------------------------ SQL */

/* The parameters are the filter's own strings, numbered in the order the
 * conditions are written; the few numbers (an actor code's length) are
 * given as parameters too. */
typedef struct params {
	const char *v[16];
	char num[2][24];
	int n;
} params;

static int param(params *p, const char *v)
{
	p->v[p->n] = v;
	return ++p->n;
}

static void side_cond(cw_sql *b, params *p, const char *col, const char *v)
{
	if (strcmp(v, "-") == 0)
		cw_sql_add(b, " AND events.%s IS NULL", col);
	else
		cw_sql_add(b, " AND events.%s = $%d", col, param(p, v));
}

static void filter_where(const cw_filter *f, int pg, cw_sql *b, params *p)
{
	if (f->from[0])
		cw_sql_add(b, " AND events.date >= $%d", param(p, f->from));
	if (f->to[0])
		cw_sql_add(b, " AND events.date <= $%d", param(p, f->to));
	if (f->country[0]) {
		int k = param(p, f->country);
		cw_sql_add(b, " AND (events.source_country = $%d OR events.target_country = $%d"
		    " OR events.location_country = $%d)", k, k, k);
	}
	if (f->location[0])
		cw_sql_add(b, " AND events.location_country = $%d", param(p, f->location));
	if (f->source[0])
		side_cond(b, p, "source_country", f->source);
	if (f->target[0])
		side_cond(b, p, "target_country", f->target);
	if (f->actor[0]) {
		int k = param(p, f->actor), l = param(p, f->actor_len);
		cw_sql_add(b, " AND (substr(events.source_code, 1, CAST($%d AS integer)) = $%d"
		    " OR substr(events.target_code, 1, CAST($%d AS integer)) = $%d)", l, k, l, k);
	}
	if (f->root[0])
		cw_sql_add(b, " AND events.root = $%d", param(p, f->root));
	if (f->quad[0])
		cw_sql_add(b, " AND events.quad_class = CAST($%d AS integer)", param(p, f->quad));
	if (f->q[0] && pg)
		cw_sql_add(b, " AND (events.story_id, events.sentence) IN (SELECT story_id, sentence"
		    " FROM sentences WHERE tsv @@ websearch_to_tsquery('english', $%d))", param(p, f->q));
	else if (f->q[0])
		cw_sql_add(b, " AND (events.story_id, events.sentence) IN (SELECT s.story_id, s.sentence"
		    " FROM sentences_fts JOIN sentences AS s ON s.id = sentences_fts.rowid"
		    " WHERE sentences_fts MATCH $%d)", param(p, f->fts));
}

int cw_filter_sql(const cw_filter *f, int pg, char *dst, size_t n, const char **pv)
{
	cw_sql b = { .n = 0 };
	params p = { .n = 0 };
	filter_where(f, pg, &b, &p);
	if (b.overflow || b.n >= n)
		return -1;
	memcpy(dst, b.s, b.n + 1);
	for (int i = 0; i < p.n; i++)
		pv[i] = p.v[i];
	return p.n;
}

/* A statement's failure: the store's time limit, else the store itself. */
static int reply_store_error(cw_api *api, cw_reply *r)
{
	if (cw_store_timed_out(api->st))
		return reply_error(r, 503, "the store took too long; narrow the filter");
	return reply_error(r, 500, curlew_store_errmsg(api->st));
}

/* ---------------------------------------------------------------- events */

/* The columns of an event record, in the order of the SELECT. */
enum { E_ID, E_STORY, E_SENT, E_TEXT, E_START, E_DATE, E_DPREC,
       E_SRC, E_TGT = E_SRC + 6, E_CAMEO = E_TGT + 6, E_ROOT, E_QUAD, E_GOLD,
       E_PEV, E_PMODE, E_PCTX, E_LTEXT, E_LCOUNTRY, E_LAT, E_LON, E_ADMIN1, E_FEATURE,
       E_PREC, E_TRTEXT, E_TRSTART, E_TREND, E_RULE, E_CONF, E_URL, E_TITLE, E_PUB,
       E_NCOLS };
enum { A_CODE, A_COUNTRY, A_SECTORS, A_TEXT, A_START, A_END };

/* Column expressions; those marked 2 to 5 are missing from stores of an
 * earlier schema and read as NULL there. */
static const struct { const char *expr; int schema; } ev_cols[E_NCOLS] = {
	{ "events.event_id", 1 }, { "events.story_id", 1 }, { "events.sentence", 1 },
	{ "s.text", 1 }, { "s.start_byte", 3 }, { "events.date", 1 },
	{ "events.date_precision", 2 },
	{ "sa.code", 1 }, { "sa.country", 1 }, { "sa.sectors", 1 }, { "sa.text", 1 },
	{ "sa.start_byte", 1 }, { "sa.end_byte", 1 },
	{ "ta.code", 1 }, { "ta.country", 1 }, { "ta.sectors", 1 }, { "ta.text", 1 },
	{ "ta.start_byte", 1 }, { "ta.end_byte", 1 },
	{ "events.cameo", 1 }, { "events.root", 1 }, { "events.quad_class", 1 },
	{ "events.goldstein", 1 }, { "events.plover_event", 1 }, { "events.plover_mode", 1 },
	{ "events.plover_context", 1 }, { "events.location_text", 1 },
	{ "events.location_country", 1 }, { "events.lat", 1 }, { "events.lon", 1 },
	{ "events.location_admin1", 2 }, { "events.location_feature", 2 },
	{ "events.location_precision", 2 }, { "events.trigger_text", 1 },
	{ "events.trigger_start", 1 }, { "events.trigger_end", 1 }, { "events.rule", 1 },
	{ "events.confidence", 4 },
	{ "st.url", 5 }, { "st.title", 5 }, { "st.publisher", 5 },
};

static int has_schema(const cw_api *api, int schema)
{
	return schema <= 1 || (schema == 2 && api->schema2) || (schema == 3 && api->schema3) ||
	       (schema == 4 && api->schema4) || (schema == 5 && api->schema5);
}

static void events_sql(const cw_api *api, cw_sql *b, const char *where, int lim, int off)
{
	cw_sql_add(b, "SELECT ");
	for (int i = 0; i < E_NCOLS; i++)
		cw_sql_add(b, "%s%s", i ? ", " : "", has_schema(api, ev_cols[i].schema) ? ev_cols[i].expr
										  : "NULL");
	cw_sql_add(b, " FROM events"
	    " LEFT JOIN sentences AS s ON s.story_id = events.story_id AND s.sentence = events.sentence"
	    " LEFT JOIN actors AS sa ON sa.event_id = events.event_id AND sa.role = 'source'"
	    " LEFT JOIN actors AS ta ON ta.event_id = events.event_id AND ta.role = 'target'"
	    "%s WHERE 1 = 1%s"
	    " ORDER BY events.date IS NULL, events.date DESC, events.story_id, events.sentence,"
	    " events.event_id LIMIT CAST($%d AS integer) OFFSET CAST($%d AS integer)",
	    api->schema5 ? " LEFT JOIN stories AS st ON st.story_id = events.story_id" : "",
	    where, lim, off);
}

/* An actor as the record writer has it, or null when the event has none. */
static void put_actor(FILE *f, const char *const *a)
{
	if (!a[A_START]) {
		fputs("null", f);
		return;
	}
	fputs("{\"code\":", f);
	jstr(f, a[A_CODE]);
	fputs(",\"country\":", f);
	jstr_nonempty(f, a[A_COUNTRY]);
	fputs(",\"sectors\":[", f);
	for (const char *p = a[A_SECTORS] ? a[A_SECTORS] : ""; *p;) {
		size_t n = strcspn(p, ";");
		if (p != a[A_SECTORS])
			putc(',', f);
		cw_json_str(f, p, n);
		p += n + (p[n] == ';');
	}
	fputs("],\"text\":", f);
	jstr(f, a[A_TEXT] ? a[A_TEXT] : "");
	fputs(",\"start\":", f);
	jint(f, a[A_START]);
	fputs(",\"end\":", f);
	jint(f, a[A_END]);
	putc('}', f);
}

static void put_location(FILE *f, const char *const *v)
{
	if (!v[E_LTEXT] && !v[E_LCOUNTRY] && !v[E_LAT] && !v[E_PREC]) {
		fputs("null", f);
		return;
	}
	fputs("{\"text\":", f);
	jstr(f, v[E_LTEXT]);
	fputs(",\"country\":", f);
	jstr_nonempty(f, v[E_LCOUNTRY]);
	fputs(",\"lat\":", f);
	jnum(f, v[E_LAT], 4);
	fputs(",\"lon\":", f);
	jnum(f, v[E_LON], 4);
	fputs(",\"admin1\":", f);
	jstr(f, v[E_ADMIN1]);
	fputs(",\"feature\":", f);
	jstr(f, v[E_FEATURE]);
	fputs(",\"precision\":", f);
	jstr(f, v[E_PREC]);
	putc('}', f);
}

/* One record, field for field as writer.c writes it, and then where its
 * sentence starts in the story (null for stores of schema 2 and before):
 * the offsets of the actors and the trigger count from the story's start. */
static void put_record(FILE *f, const char *const *v)
{
	fputs("{\"event_id\":", f);
	jstr(f, v[E_ID]);
	fputs(",\"story_id\":", f);
	jstr(f, v[E_STORY]);
	fputs(",\"sentence\":", f);
	jint(f, v[E_SENT]);
	fputs(",\"sentence_text\":", f);
	jstr(f, v[E_TEXT]);
	fputs(",\"date\":", f);
	jstr(f, v[E_DATE]);
	fputs(",\"date_precision\":", f);
	jstr(f, v[E_DPREC]);
	fputs(",\"source\":", f);
	put_actor(f, v + E_SRC);
	fputs(",\"target\":", f);
	put_actor(f, v + E_TGT);
	fputs(",\"cameo\":", f);
	jstr(f, v[E_CAMEO]);
	if (v[E_QUAD]) {
		fprintf(f, ",\"quad_class\":%ld,\"goldstein\":", strtol(v[E_QUAD], NULL, 10));
		jnum(f, v[E_GOLD], 1);
		fputs(",\"plover\":{\"event\":", f);
		jstr(f, v[E_PEV]);
		fputs(",\"mode\":", f);
		jstr(f, v[E_PMODE]);
		fputs(",\"context\":", f);
		jstr(f, v[E_PCTX]);
		putc('}', f);
	} else {
		fputs(",\"quad_class\":null,\"goldstein\":null,\"plover\":null", f);
	}
	fputs(",\"location\":", f);
	put_location(f, v);
	fputs(",\"trigger\":{\"text\":", f);
	jstr(f, v[E_TRTEXT] ? v[E_TRTEXT] : "");
	fputs(",\"start\":", f);
	jint(f, v[E_TRSTART]);
	fputs(",\"end\":", f);
	jint(f, v[E_TREND]);
	fputs("},\"rule\":", f);
	jstr(f, v[E_RULE] ? v[E_RULE] : "");
	fputs(",\"confidence\":", f);
	jnum(f, v[E_CONF], 2);
	/* the input's provenance, where it had any, as the writer has it */
	static const char *const prov[] = { "url", "title", "publisher" };
	for (int i = 0; i < 3; i++) {
		if (!v[E_URL + i])
			continue;
		fprintf(f, ",\"%s\":", prov[i]);
		jstr(f, v[E_URL + i]);
	}
	fputs(",\"sentence_start\":", f);
	jint(f, v[E_START]);
	putc('}', f);
}

static int event_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	reply_buf *o = ctx;
	if (!vals)
		return 0;
	if (ncols != E_NCOLS)
		return CURLEW_ESYS;
	fputs(o->rows ? ",\n" : "\n", o->f);
	put_record(o->f, vals);
	o->rows++;
	if (ftell(o->f) > CW_BODY_MAX) {
		o->truncated = 1;
		return 1;
	}
	return 0;
}

static int count_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	if (vals && ncols == 1 && vals[0])
		*(long *)ctx = strtol(vals[0], NULL, 10);
	return 0;
}

/* The CSV's columns: those of `curlew code --format tsv`. */
static const char csv_header[] =
	"event_id,story_id,sentence,sentence_text,date,date_precision,"
	"source_code,source_country,source_sectors,source_text,source_start,source_end,"
	"target_code,target_country,target_sectors,target_text,target_start,target_end,"
	"cameo,root,quad_class,goldstein,plover_event,plover_mode,plover_context,"
	"location_text,location_country,location_lat,location_lon,"
	"location_admin1,location_feature,location_precision,"
	"trigger_text,trigger_start,trigger_end,rule,confidence,url,title,publisher\n";

static void csv_num(FILE *f, const char *v, int prec)
{
	if (v)
		fprintf(f, "%.*f", prec, strtod(v, NULL));
}

static void csv_fields(FILE *f, const char *const *v, int from, int to)
{
	for (int i = from; i < to; i++) {
		if (i > from)
			putc(',', f);
		cw_csv_str(f, v[i] ? v[i] : "");
	}
}

static int csv_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	reply_buf *o = ctx;
	if (!vals)
		return 0;
	if (ncols != E_NCOLS)
		return CURLEW_ESYS;
	FILE *f = o->f;
	csv_fields(f, vals, E_ID, E_START);
	putc(',', f);
	csv_fields(f, vals, E_DATE, E_GOLD);
	putc(',', f);
	csv_num(f, vals[E_GOLD], 1);
	putc(',', f);
	csv_fields(f, vals, E_PEV, E_LAT);
	putc(',', f);
	csv_num(f, vals[E_LAT], 4);
	putc(',', f);
	csv_num(f, vals[E_LON], 4);
	putc(',', f);
	csv_fields(f, vals, E_ADMIN1, E_CONF);
	putc(',', f);
	csv_num(f, vals[E_CONF], 2);
	putc(',', f);
	csv_fields(f, vals, E_URL, E_NCOLS);
	putc('\n', f);
	o->rows++;
	if (ftell(f) > CW_CSV_BYTES) {
		o->truncated = 1;
		return 1;
	}
	return 0;
}

static const char *const events_keys[] = { "limit", "offset", NULL };

static int api_events(cw_api *api, const cw_args *args, cw_reply *r, int csv)
{
	char err[256], where[2048];
	cw_filter f;
	long limit = csv ? CW_CSV_MAX : 50, offset = 0;
	params p = { .n = 0 };
	if (check_keys(args, events_keys, err, sizeof err) < 0 ||
	    cw_filter_parse(&f, args, err, sizeof err) < 0 ||
	    count_arg(args, "limit", 1, csv ? CW_CSV_MAX : CW_EVENTS_MAX, 1, &limit, err,
		      sizeof err) < 0 ||
	    count_arg(args, "offset", 0, CW_OFFSET_MAX, 0, &offset, err, sizeof err) < 0)
		return reply_error(r, 400, err);
	int np = cw_filter_sql(&f, api->pg, where, sizeof where, p.v);
	if (np < 0)
		return reply_error(r, 400, "filter too long");
	p.n = np;
	long total = 0;
	cw_sql count = { .n = 0 }, rows = { .n = 0 };
	cw_sql_add(&count, "SELECT COUNT(*) FROM events WHERE 1 = 1%s", where);
	snprintf(p.num[0], sizeof p.num[0], "%ld", limit);
	snprintf(p.num[1], sizeof p.num[1], "%ld", offset);
	int lim = param(&p, p.num[0]), off = param(&p, p.num[1]);
	events_sql(api, &rows, where, lim, off);
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	if (csv)
		fputs(csv_header, o.f);
	int rc = cw_store_rows(api->st, count.s, p.v, np, count_row, &total);
	if (!csv && rc >= 0)
		fprintf(o.f, "{\"total\":%ld,\"offset\":%ld,\"limit\":%ld,\"events\":[", total, offset,
			limit);
	if (rc >= 0)
		rc = cw_store_rows(api->st, rows.s, p.v, p.n, csv ? csv_row : event_row, &o);
	if (rc < 0) {
		fclose(o.f);
		free(o.buf);
		return reply_store_error(api, r);
	}
	if (!csv)
		fprintf(o.f, "\n],\"truncated\":%s}\n", o.truncated ? "true" : "false");
	if (out_close(&o, r, 200, csv ? "text/csv; charset=utf-8" : "application/json") < 0)
		return -1;
	r->filename = csv ? "curlew-events.csv" : NULL;
	r->truncated = o.truncated;
	return 0;
}

/* ----------------------------------------------------------- aggregates */

/* A row of an aggregate as a JSON object: counts are integers, Goldstein
 * sums and means the numbers curlew query prints, empty countries null. */
static int agg_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	reply_buf *o = ctx;
	if (!vals)
		return 0;
	fputs(o->rows ? ",\n{" : "\n{", o->f);
	for (int i = 0; i < ncols; i++) {
		char tmp[64];
		if (i)
			putc(',', o->f);
		cw_json_str(o->f, names[i], strlen(names[i]));
		putc(':', o->f);
		const char *v = vals[i];
		if (strcmp(names[i], "events") == 0 || strcmp(names[i], "quad_class") == 0) {
			jint(o->f, v);
		} else if (strstr(names[i], "_sum") || strstr(names[i], "_mean") ||
			   strcmp(names[i], "lat") == 0 || strcmp(names[i], "lon") == 0) {
			const char *s = strcmp(names[i], "lat") == 0 || strcmp(names[i], "lon") == 0
				? (v ? (snprintf(tmp, sizeof tmp, "%.4f", strtod(v, NULL)), tmp) : "")
				: cw_query_format(names[i], v, tmp, sizeof tmp);
			fputs(*s ? s : "null", o->f);
		} else {
			jstr_nonempty(o->f, v);
		}
	}
	putc('}', o->f);
	o->rows++;
	if (ftell(o->f) > CW_BODY_MAX) {
		o->truncated = 1;
		return 1;
	}
	return 0;
}

/* Runs sql (with the filter's conditions and parameters in it) into a
 * JSON array; returns < 0 on a store error. */
static int json_rows(cw_api *api, reply_buf *o, const char *name, const char *sqltext,
		     const params *p)
{
	o->rows = 0;
	fprintf(o->f, "\"%s\":[", name);
	int rc = cw_store_rows(api->st, sqltext, p->v, p->n, agg_row, o);
	fputs("\n]", o->f);
	return rc;
}

static int reply_json(cw_api *api, reply_buf *o, int rc, cw_reply *r)
{
	if (rc < 0) {
		fclose(o->f);
		free(o->buf);
		return reply_store_error(api, r);
	}
	fprintf(o->f, ",\"truncated\":%s}\n", o->truncated ? "true" : "false");
	return out_close(o, r, 200, "application/json");
}

static const char *const by_words[] = { "day", "week", "month", "year", "all", NULL };
static const char *const class_words[] = { "quad", "root", "cameo", "none", NULL };
static const char *const counts_keys[] = { "by", "class", "dyad", "one_a_day", NULL };

/* query.c's counts and Goldstein figures, over the filtered events. */
static int api_counts(cw_api *api, const cw_args *args, cw_reply *r)
{
	char err[256], where[2048];
	cw_filter f;
	curlew_query q = CURLEW_QUERY_INIT;
	const char *by = "day", *cls = "quad";
	q.dyad = 0;
	if (check_keys(args, counts_keys, err, sizeof err) < 0 ||
	    cw_filter_parse(&f, args, err, sizeof err) < 0 ||
	    word_arg(args, "by", by_words, &by, err, sizeof err) < 0 ||
	    word_arg(args, "class", class_words, &cls, err, sizeof err) < 0 ||
	    bool_arg(args, "dyad", &q.dyad, err, sizeof err) < 0 ||
	    bool_arg(args, "one_a_day", &q.one_a_day, err, sizeof err) < 0)
		return reply_error(r, 400, err);
	/* the words were checked against the lists above, which are the query's names */
	curlew_query_set(&q, "by", by);
	curlew_query_set(&q, "class", cls);
	params p = { .n = 0 };
	int np = cw_filter_sql(&f, api->pg, where, sizeof where, p.v);
	if (np < 0)
		return reply_error(r, 400, "filter too long");
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	fprintf(o.f, "{\"by\":\"%s\",\"class\":\"%s\",\"dyad\":%s,\"one_a_day\":%s,\"rows\":[",
		by, cls, q.dyad ? "true" : "false", q.one_a_day ? "true" : "false");
	int rc = cw_store_aggregate(api->st, &q, 1, where, p.v, np, agg_row, &o);
	fputs("\n]", o.f);
	return reply_json(api, &o, rc, r);
}

static const char *const top_keys[] = { "limit", NULL };

/* The filter and limit of dyads and places: f keeps the values the
 * parameters point to, so it is the caller's. */
static int top_args(cw_api *api, const cw_args *args, cw_filter *f, long *limit, long max,
		    char *where, size_t wn, params *p, char *err, size_t errlen)
{
	if (check_keys(args, top_keys, err, errlen) < 0 || cw_filter_parse(f, args, err, errlen) < 0 ||
	    count_arg(args, "limit", 1, max, 1, limit, err, errlen) < 0)
		return -1;
	int np = cw_filter_sql(f, api->pg, where, wn, p->v);
	if (np < 0) {
		snprintf(err, errlen, "filter too long");
		return -1;
	}
	p->n = np;
	snprintf(p->num[1], sizeof p->num[1], "%ld", *limit);
	return param(p, p->num[1]);
}

/* Source-target country pairs, the most events first. */
static int api_dyads(cw_api *api, const cw_args *args, cw_reply *r)
{
	char err[256], where[2048];
	long limit = 20;
	params p = { .n = 0 };
	cw_filter f;
	int lim = top_args(api, args, &f, &limit, 200, where, sizeof where, &p, err, sizeof err);
	if (lim < 0)
		return reply_error(r, 400, err);
	cw_sql b = { .n = 0 };
	cw_sql_add(&b, "SELECT COALESCE(source_country, '') AS source, COALESCE(target_country, '') AS target,"
	    " COUNT(*) AS events, AVG(goldstein) AS goldstein_mean FROM events WHERE 1 = 1%s"
	    " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT CAST($%d AS integer)", where, lim);
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	putc('{', o.f);
	return reply_json(api, &o, json_rows(api, &o, "dyads", b.s, &p), r);
}

/* Located events by place (a point and its country), and events by the
 * country they happened in. */
static int api_places(cw_api *api, const cw_args *args, cw_reply *r)
{
	char err[256], where[2048];
	long limit = 500;
	params p = { .n = 0 };
	cw_filter f;
	int lim = top_args(api, args, &f, &limit, 2000, where, sizeof where, &p, err, sizeof err);
	if (lim < 0)
		return reply_error(r, 400, err);
	cw_sql b = { .n = 0 }, c = { .n = 0 };
	cw_sql_add(&b, "SELECT MIN(location_text) AS name, COALESCE(location_country, '') AS country,"
	    " lat, lon, COUNT(*) AS events, AVG(goldstein) AS goldstein_mean FROM events"
	    " WHERE lat IS NOT NULL AND lon IS NOT NULL%s GROUP BY lat, lon, 2"
	    " ORDER BY 5 DESC, 1, 3, 4 LIMIT CAST($%d AS integer)", where, lim);
	cw_sql_add(&c, "SELECT location_country AS country, COUNT(*) AS events,"
	    " AVG(goldstein) AS goldstein_mean FROM events WHERE location_country IS NOT NULL%s"
	    " GROUP BY 1 ORDER BY 2 DESC, 1", where);
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	putc('{', o.f);
	int rc = json_rows(api, &o, "places", b.s, &p);
	if (rc >= 0) {
		fputs(",", o.f);
		p.n--;   /* the countries take no limit */
		rc = json_rows(api, &o, "countries", c.s, &p);
	}
	return reply_json(api, &o, rc, r);
}

static int summary_row(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	reply_buf *o = ctx;
	if (!vals)
		return 0;
	for (int i = 0; i < ncols; i++) {
		fprintf(o->f, "%s\"%s\":", i ? "," : "", names[i]);
		if (strstr(names[i], "date"))
			jstr(o->f, vals[i]);
		else
			jint(o->f, vals[i]);
	}
	return 0;
}

static int api_summary(cw_api *api, const cw_args *args, cw_reply *r)
{
	if (args->n > 0 || args->too_many)
		return reply_error(r, 400, "summary takes no parameters");
	reply_buf o;
	if (out_open(&o) < 0)
		return -1;
	putc('{', o.f);
	int rc = cw_store_rows(api->st,
		"SELECT (SELECT COUNT(*) FROM stories) AS stories,"
		" (SELECT COUNT(*) FROM sentences) AS sentences,"
		" (SELECT COUNT(*) FROM events) AS events,"
		" (SELECT MIN(date) FROM events) AS first_date,"
		" (SELECT MAX(date) FROM events) AS last_date", NULL, 0, summary_row, &o);
	if (rc < 0) {
		fclose(o.f);
		free(o.buf);
		return reply_store_error(api, r);
	}
	fprintf(o.f, ",\"sentence_offsets\":%s}\n", api->schema3 ? "true" : "false");
	return out_close(&o, r, 200, "application/json");
}

/* ------------------------------------------------------------ the handle */

typedef struct cols { const char *want; int found; } cols;

static int find_col(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	cols *c = ctx;
	for (int i = 0; !vals && i < ncols; i++)
		if (strcmp(names[i], c->want) == 0)
			c->found = 1;
	return 0;
}

static int has_col(cw_api *api, const char *table_sql, const char *col, int *found)
{
	cols c = { col, 0 };
	int rc = cw_store_rows(api->st, table_sql, NULL, 0, find_col, &c);
	*found = c.found;
	return rc;
}

int cw_api_open(cw_api **out_api, const char *url, int timeout_ms, char *err, size_t errlen)
{
	*out_api = NULL;
	cw_api *api = calloc(1, sizeof *api);
	if (!api) {
		snprintf(err, errlen, "out of memory");
		return CURLEW_ESYS;
	}
	int rc = cw_store_open_readonly(&api->st, url, timeout_ms);
	if (rc == 0) {
		api->pg = cw_store_is_pg(api->st);
		int stories = 0;
		rc = has_col(api, "SELECT * FROM events LIMIT 0", "date_precision", &api->schema2);
		if (rc >= 0)
			rc = has_col(api, "SELECT * FROM sentences LIMIT 0", "start_byte", &api->schema3);
		if (rc >= 0)
			rc = has_col(api, "SELECT * FROM events LIMIT 0", "confidence", &api->schema4);
		if (rc >= 0)
			rc = has_col(api, "SELECT * FROM stories LIMIT 0", "url", &api->schema5);
		if (rc >= 0)
			rc = has_col(api, "SELECT * FROM stories LIMIT 0", "story_id", &stories);
		if (rc >= 0 && !stories) {
			cw_store_set_err(api->st, "not a curlew event store (no stories table)");
			rc = CURLEW_EUSAGE;
		}
	}
	if (rc < 0) {
		char shown[512];
		cw_redact_url(url, shown, sizeof shown);
		snprintf(err, errlen, "%s: %s", shown, curlew_store_errmsg(api->st));
		cw_api_close(api);
		return rc;
	}
	*out_api = api;
	return 0;
}

void cw_api_close(cw_api *api)
{
	if (!api)
		return;
	curlew_store_close(api->st);
	free(api);
}

int cw_api_handle(cw_api *api, const char *path, const cw_args *args, cw_reply *r)
{
	memset(r, 0, sizeof *r);
	static const char *const names[] = { "/api/events", "/api/events.csv", "/api/counts",
		"/api/dyads", "/api/places", "/api/summary", NULL };
	int which = -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(path, names[i]) == 0)
			which = i;
	if (which < 0)
		return reply_error(r, 404, "no such endpoint (events, events.csv, counts, dyads, "
				   "places, summary)");
	if (cw_store_read_begin(api->st) < 0)
		return reply_store_error(api, r);
	int rc;
	switch (which) {
	case 0: rc = api_events(api, args, r, 0); break;
	case 1: rc = api_events(api, args, r, 1); break;
	case 2: rc = api_counts(api, args, r); break;
	case 3: rc = api_dyads(api, args, r); break;
	case 4: rc = api_places(api, args, r); break;
	default: rc = api_summary(api, args, r); break;
	}
	cw_store_read_end(api->st);
	return rc;
}
