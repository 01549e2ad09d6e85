/* test_serve.c -- curlew serve's API without a socket: parameters checked
 * before any SQL (and never copied into it), search words made safe for
 * FTS5, and the endpoints over a small store: records as curlew_write
 * writes them, counts as curlew_store_query prints them, 400 and 404 with
 * a JSON message, and the store opened read-only. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "coder/coder.h"
#include "serve/serve.h"
#include "store/store.h"
#include "check.h"

/* Under the sanitizers, memory of a function that has returned is caught
 * too: the SQL parameters point into the parsed filter, which must outlive
 * the statement (a filter kept in a helper's frame once did not). */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_stack_use_after_return=1";
}

static cw_args args_of(const char *const *kv)
{
	cw_args a = { .n = 0 };
	for (int i = 0; kv && kv[i]; i += 2) {
		a.key[a.n] = kv[i];
		a.val[a.n++] = kv[i + 1];
	}
	return a;
}

static int parses(const char *key, const char *val)
{
	const char *kv[] = { key, val, NULL };
	cw_args a = args_of(kv);
	cw_filter f;
	char err[256];
	return cw_filter_parse(&f, &a, err, sizeof err);
}

static void test_dates(void)
{
	CHECK(cw_is_iso_date("2024-02-29"));
	CHECK(!cw_is_iso_date("2023-02-29"));
	CHECK(!cw_is_iso_date("2024-02-30"));
	CHECK(!cw_is_iso_date("2024-13-01"));
	CHECK(!cw_is_iso_date("20240101"));
	CHECK(!cw_is_iso_date("2024-1-01"));
	CHECK(!cw_is_iso_date("2024-01-01x"));
	CHECK(!cw_is_iso_date("2024-01-0"));
	CHECK(!cw_is_iso_date(""));
}

static void test_filters(void)
{
	CHECK_INT(parses("country", "UKR"), 0);
	CHECK_INT(parses("country", "ukr"), 0);
	CHECK_INT(parses("country", "UK"), -1);
	CHECK_INT(parses("country", "UKR'"), -1);
	CHECK_INT(parses("country", "' OR 1=1 --"), -1);
	CHECK_INT(parses("source", "-"), 0);
	CHECK_INT(parses("source", "--"), -1);
	CHECK_INT(parses("actor", "---GOV"), 0);
	CHECK_INT(parses("actor", "RUS%"), -1);
	CHECK_INT(parses("actor", "RUS_"), -1);
	CHECK_INT(parses("actor", "RUSMILRUSMILRUSMILRUSMILRUSMILRUSMIL"), -1);
	CHECK_INT(parses("root", "04"), 0);
	CHECK_INT(parses("root", "20"), 0);
	CHECK_INT(parses("root", "21"), -1);
	CHECK_INT(parses("root", "4"), -1);
	CHECK_INT(parses("quad", "4"), 0);
	CHECK_INT(parses("quad", "0"), -1);
	CHECK_INT(parses("quad", "41"), -1);
	CHECK_INT(parses("from", "2024-02-30"), -1);
	CHECK_INT(parses("q", "talks"), 0);
	CHECK_INT(parses("q", "\"; DROP TABLE events; --"), 0);
	CHECK_INT(parses("q", "-- * ()"), -1);    /* no word in it */
	CHECK_INT(parses("q", "a\nb"), -1);       /* control characters */
	CHECK_INT(parses("q", "\xff\xfe"), -1);   /* not UTF-8 */
	const char *order[] = { "from", "2024-06-01", "to", "2024-01-01", NULL };
	cw_args a = args_of(order);
	cw_filter f;
	char err[256];
	CHECK_INT(cw_filter_parse(&f, &a, err, sizeof err), -1);
	CHECK(strstr(err, "after") != NULL);
}

/* The SQL holds $N where the values go, never the values. */
static void test_sql(void)
{
	const char *kv[] = { "country", "UKR", "actor", "RUSMIL", "q", "talks \"x\" OR peace",
		"from", "2024-01-01", "source", "-", "quad", "3", NULL };
	cw_args a = args_of(kv);
	cw_filter f;
	char err[256], sql[2048];
	const char *params[16];
	CHECK_INT(cw_filter_parse(&f, &a, err, sizeof err), 0);
	CHECK_STR(f.fts, "\"talks\" \"\"\"x\"\"\" OR \"peace\"");
	int n = cw_filter_sql(&f, 0, sql, sizeof sql, params);
	CHECK_INT(n, 6);   /* country, actor and its length, from, quad, q */
	CHECK(strstr(sql, "UKR") == NULL && strstr(sql, "RUSMIL") == NULL && strstr(sql, "talks") == NULL);
	CHECK(strstr(sql, "sentences_fts MATCH $") != NULL);
	CHECK(strstr(sql, "events.source_country IS NULL") != NULL);
	CHECK(cw_filter_sql(&f, 1, sql, sizeof sql, params) == 6 &&
	      strstr(sql, "websearch_to_tsquery('english', $") != NULL);
	/* an OR with nothing on one side is dropped */
	const char *kv2[] = { "q", "OR talks OR", NULL };
	a = args_of(kv2);
	CHECK_INT(cw_filter_parse(&f, &a, err, sizeof err), 0);
	CHECK_STR(f.fts, "\"talks\"");
}

static void test_redact(void)
{
	char out[128];
	cw_redact_url("postgresql://coder:s3cret@db.example.org/events", out, sizeof out);
	CHECK_STR(out, "postgresql://coder:***@db.example.org/events");
	cw_redact_url("postgresql://coder@db/events", out, sizeof out);
	CHECK_STR(out, "postgresql://coder@db/events");
	cw_redact_url("build/demo.sqlite", out, sizeof out);
	CHECK_STR(out, "build/demo.sqlite");
}

static curlew_story story(const char *id, const char *text, const char *date)
{
	curlew_story s;
	memset(&s, 0, sizeof s);
	s.id = id;
	s.text = text;
	s.len = strlen(text);
	s.date = date;
	return s;
}

static int no_rows(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	return 0;
}

static cw_reply call(cw_api *api, const char *path, const char *const *kv)
{
	cw_args a = args_of(kv);
	cw_reply r;
	if (cw_api_handle(api, path, &a, &r) < 0)
		memset(&r, 0, sizeof r);
	return r;
}

/* An endpoint's status, the body freed. */
static int status_of(cw_api *api, const char *path, const char *const *kv)
{
	cw_reply r = call(api, path, kv);
	int ok = r.body && strstr(r.body, r.status == 200 ? "" : "{\"error\":") == r.body;
	free(r.body);
	return ok ? r.status : -1;
}

static void test_api(curlew *cw)
{
	char path[] = "/tmp/curlew-test-serve-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	curlew_store *st = NULL;
	CHECK_INT(curlew_store_open(&st, path, cw), 0);
	curlew_story s1 = story("s1", "Russia attacked Ukraine on Monday. France condemned Russia.",
				"2024-03-04");
	curlew_story s2 = story("s2", "KYIV (AP) — Mali’s army praised Poland.", "2024-03-05");
	char *expect = NULL;
	size_t elen = 0;
	FILE *ef = open_memstream(&expect, &elen);
	const curlew_story *all[] = { &s2, &s1 };   /* newest first */
	for (int i = 0; i < 2; i++) {
		curlew_doc *doc = NULL;
		CHECK_INT(curlew_code(cw, all[i], NULL, &doc), 0);
		CHECK_INT(curlew_store_put(st, doc), 0);
		curlew_write(ef, doc, CURLEW_OUT_JSONL);
		curlew_doc_free(doc);
	}
	fclose(ef);
	/* curlew query's figures, before the file's time is taken: a query
	 * handle may tidy the file up */
	curlew_query q = CURLEW_QUERY_INIT;
	q.what = CURLEW_Q_GOLDSTEIN;
	q.dyad = 0;
	char *csv = NULL;
	size_t clen = 0;
	FILE *cf = open_memstream(&csv, &clen);
	CHECK_INT(curlew_store_query(st, &q, cf), 0);
	fclose(cf);
	curlew_store_close(st);
	struct stat before, after;
	CHECK_INT(stat(path, &before), 0);

	cw_api *api = NULL;
	char err[256];
	CHECK_INT(cw_api_open(&api, path, 0, err, sizeof err), 0);
	if (!api) {
		free(expect);
		free(csv);
		return;
	}
	/* Every record curlew_write wrote, in the same bytes, each followed
	 * by where its sentence starts. */
	cw_reply r = call(api, "/api/events", NULL);
	CHECK_INT(r.status, 200);
	int lines = 0, found = 0;
	for (char *line = expect, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		char want[4096];
		/* the record without its closing brace: sentence_start follows */
		snprintf(want, sizeof want, "%.*s,\"sentence_start\":", (int)(nl - line - 1), line);
		lines++;
		found += r.body && strstr(r.body, want) != NULL;
	}
	CHECK(lines >= 3);
	CHECK_INT(found, lines);
	CHECK(r.body && strstr(r.body, "\"total\":") != NULL);
	free(r.body);

	/* Counts: the figures curlew query prints, row for row. */
	const char *ckv[] = { "by", "day", "class", "root", NULL };
	r = call(api, "/api/counts", ckv);
	CHECK_INT(r.status, 200);
	int rows = 0, same = 0;
	for (char *line = strchr(csv, '\n') + 1, *nl; *line; line = nl + 1) {
		char period[16], root[8], sum[16], mean[16], want[256];
		int n;
		nl = strchr(line, '\n');
		*nl = '\0';
		if (sscanf(line, "%15[^,],%7[^,],%d,%15[^,],%15s", period, root, &n, sum, mean) != 5)
			break;
		snprintf(want, sizeof want, "{\"period\":\"%s\",\"root\":\"%s\",\"events\":%d,"
			 "\"goldstein_sum\":%s,\"goldstein_mean\":%s}", period, root, n, sum, mean);
		rows++;
		same += r.body && strstr(r.body, want) != NULL;
	}
	CHECK(rows >= 3);
	CHECK_INT(same, rows);
	free(csv);
	free(r.body);

	const char *bad_limit[] = { "limit", "0", NULL }, *huge[] = { "limit", "99999999999999", NULL };
	const char *unknown[] = { "bogus", "1", NULL }, *twice[] = { "quad", "1", "quad", "2", NULL };
	const char *inj[] = { "country", "X' OR '1'='1", NULL }, *by[] = { "by", "hour", NULL };
	CHECK_INT(status_of(api, "/api/events", bad_limit), 400);
	CHECK_INT(status_of(api, "/api/events", huge), 200);
	CHECK_INT(status_of(api, "/api/events", unknown), 400);
	CHECK_INT(status_of(api, "/api/events", twice), 400);
	CHECK_INT(status_of(api, "/api/dyads", inj), 400);
	CHECK_INT(status_of(api, "/api/counts", by), 400);
	CHECK_INT(status_of(api, "/api/summary", unknown), 400);
	CHECK_INT(status_of(api, "/api/nothing", NULL), 404);
	CHECK_INT(status_of(api, "/api/places", NULL), 200);
	/* every endpoint with every kind of filter (their values must outlive
	 * the parsing: ASan sees it if not) */
	const char *every[] = { "q", "attacked OR praised", "actor", "RUS", "from", "2024-01-01",
		"to", "2024-12-31", "country", "UKR", "quad", "4", NULL };
	static const char *const eps[] = { "/api/events", "/api/events.csv", "/api/counts",
		"/api/dyads", "/api/places", NULL };
	for (int i = 0; eps[i]; i++) {
		r = call(api, eps[i], every);
		CHECK_INT(r.status, 200);
		CHECK(r.body && (strstr(r.body, "attacked") || strstr(r.body, "\"events\":1")));
		free(r.body);
	}
	CHECK_INT(status_of(api, "/api/dyads", NULL), 200);
	r = call(api, "/api/events.csv", NULL);
	CHECK(r.status == 200 && r.filename && strncmp(r.body, "event_id,story_id,", 18) == 0);
	free(r.body);

	/* A handle that only reads: writing is refused by the database. */
	curlew_store *ro = NULL;
	CHECK_INT(cw_store_open_readonly(&ro, path, 0), 0);
	CHECK(cw_store_rows(ro, "DELETE FROM events", NULL, 0, no_rows, NULL) < 0);
	CHECK(!cw_store_timed_out(ro));
	curlew_store_close(ro);
	/* A statement past the time limit is stopped, and says so. */
	CHECK_INT(cw_store_open_readonly(&ro, path, 50), 0);
	CHECK_INT(cw_store_read_begin(ro), 0);
	CHECK(cw_store_rows(ro, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
			    " WHERE x < 1000000000) SELECT COUNT(*) FROM c", NULL, 0, no_rows, NULL) < 0);
	CHECK(cw_store_timed_out(ro));
	cw_store_read_end(ro);
	curlew_store_close(ro);
	cw_api_close(api);
	CHECK_INT(stat(path, &after), 0);
	CHECK(after.st_size == before.st_size && after.st_mtime == before.st_mtime);

	/* No store there: an error, and no file made. */
	char missing[64];
	snprintf(missing, sizeof missing, "%s-missing", path);
	CHECK(cw_api_open(&api, missing, 0, err, sizeof err) < 0 && api == NULL);
	CHECK(access(missing, F_OK) != 0);
	free(expect);
	char side[64];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int main(void)
{
	test_dates();
	test_filters();
	test_sql();
	test_redact();
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.use_parser = 0;
	curlew *cw = NULL;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		CHECK(0);
	} else {
		test_api(cw);
	}
	curlew_close(cw);
	return check_done("test_serve");
}
