/* test_store.c -- the event store's library calls on SQLite: hashes,
 * put / has / replace inside transactions, rollback, and queries. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "coder/coder.h"
#include "store/store.h"
#include "check.h"

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

static void test_hashes(void)
{
	char a[17], b[17], c[17], d[17];
	curlew_story s1 = story("x", "Russia attacked Ukraine.", "2024-01-02");
	curlew_story s2 = story("y", "Russia attacked Ukraine.", "20240102");
	curlew_story s3 = story("x", "Russia attacked Ukraine!", "2024-01-02");
	curlew_story_hash(&s1, NULL, a);
	curlew_story_hash(&s2, NULL, b);
	curlew_story_hash(&s3, NULL, c);
	curlew_story_hash(&s1, "2024-05-05", d);
	CHECK_INT(strlen(a), 16);
	CHECK_STR(a, b);            /* the same date written two ways */
	CHECK(strcmp(a, c) != 0);   /* text changed */
	CHECK(strcmp(a, d) != 0);   /* default date changed */
}

/* Query output into a string, for checking. */
static char *query(curlew_store *st, const curlew_query *q)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	int rc = curlew_store_query(st, q, f);
	fclose(f);
	if (rc < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int code_put(curlew *cw, curlew_store *st, const curlew_story *s)
{
	curlew_doc *doc = NULL;
	int rc = curlew_code(cw, s, NULL, &doc);
	if (rc == 0)
		rc = curlew_store_put(st, doc);
	curlew_doc_free(doc);
	return rc;
}

static void test_sqlite(curlew *cw)
{
	char path[] = "/tmp/curlew-test-store-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	curlew_store *st = NULL;
	CHECK_INT(curlew_store_open(&st, path, cw), 0);
	curlew_story s1 = story("s1", "Russia attacked Ukraine on Monday. France condemned Russia.",
				"2024-03-04");
	curlew_story s2 = story("s2", "Germany praised Poland.", "2024-03-05");
	CHECK_INT(curlew_store_has(st, &s1, NULL), 0);
	CHECK_INT(curlew_store_begin(st), 0);
	CHECK_INT(code_put(cw, st, &s1), 0);
	CHECK_INT(code_put(cw, st, &s2), 0);
	CHECK_INT(curlew_store_commit(st), 0);
	CHECK_INT(curlew_store_has(st, &s1, NULL), 1);
	CHECK_INT(curlew_store_has(st, &s1, "2024-01-01"), 0);

	curlew_query q = CURLEW_QUERY_INIT;
	q.what = CURLEW_Q_SUMMARY;
	char *out = query(st, &q);
	CHECK(out && strncmp(out, "stories,sentences,events,actors,first_date,last_date\n2,3,", 57) == 0);
	free(out);

	/* Putting s1 again (outside an explicit transaction) replaces it. */
	CHECK_INT(code_put(cw, st, &s1), 0);
	char *again = query(st, &q);
	out = NULL;
	CHECK(again && strncmp(again, "stories,sentences,events,actors,first_date,last_date\n2,3,", 57) == 0);

	/* A rolled-back put leaves nothing behind. */
	curlew_story s3 = story("s3", "Iran threatened Israel.", "2024-03-06");
	CHECK_INT(curlew_store_begin(st), 0);
	CHECK_INT(code_put(cw, st, &s3), 0);
	CHECK_INT(curlew_store_rollback(st), 0);
	CHECK_INT(curlew_store_has(st, &s3, NULL), 0);
	out = query(st, &q);
	CHECK_STR(out, again);
	free(out);
	free(again);

	q.what = CURLEW_Q_COUNTS;
	q.by = CURLEW_BY_ALL;
	q.dyad = 0;
	q.cls = CURLEW_CLASS_NONE;
	out = query(st, &q);
	CHECK(out && strncmp(out, "period,events\nall,", 18) == 0);
	free(out);
	q.tsv = 1;
	q.what = CURLEW_Q_GOLDSTEIN;
	out = query(st, &q);
	CHECK(out && strncmp(out, "period\tevents\tgoldstein_sum\tgoldstein_mean\n", 43) == 0);
	free(out);
	q.what = CURLEW_Q_SEARCH;
	q.match = "praised";
	out = query(st, &q);
	CHECK_STR(out, "story_id\tsentence\ttext\ns2\t1\tGermany praised Poland.\n");
	free(out);
	q.what = (enum curlew_query_what)99;
	CHECK(query(st, &q) == NULL);
	q.what = CURLEW_Q_COUNTS;
	/* names come in through curlew_query_set, which says what it takes */
	CHECK_INT(curlew_query_set(&q, "by", "fortnight"), CURLEW_EUSAGE);
	CHECK(strstr(curlew_last_error(), "fortnight") != NULL);
	CHECK(strstr(curlew_last_error(), "week") != NULL);
	CHECK_INT(curlew_query_set(&q, "by", "month"), 0);
	CHECK_INT(q.by, CURLEW_BY_MONTH);
	CHECK_STR(curlew_query_name("by", CURLEW_BY_MONTH), "month");
	q.by = (enum curlew_period)42;
	CHECK(query(st, &q) == NULL);
	curlew_store_close(st);

	/* Opened for queries only: no dictionary, no writes. */
	CHECK_INT(curlew_store_open(&st, path, NULL), 0);
	CHECK_INT(curlew_store_has(st, &s1, NULL), 0);
	curlew_store_close(st);
	unlink(path);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int first_int(void *ctx, int ncols, const char *const *vals, const char *const *names)
{
	(void)names;
	if (vals && ncols > 0)
		*(long *)ctx = vals[0] ? atol(vals[0]) : -1;
	return 0;
}

static long sql_int(curlew_store *st, const char *sql)
{
	long v = -1;
	if (cw_store_rows(st, sql, NULL, 0, first_int, &v) != 0)
		return -2;
	return v;
}

static void unlink_db(const char *path)
{
	char side[64];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* The FTS index is filled at commit, not row by row: it must still follow
 * replacements (in earlier transactions and in the same one), rollbacks,
 * and a story whose id is another's followed by a colon. */
static void test_replace(curlew *cw)
{
	char path[] = "/tmp/curlew-test-store-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	curlew_store *st = NULL;
	CHECK_INT(curlew_store_open(&st, path, cw), 0);
	curlew_story x1 = story("x", "Russia rejected a ceasefire. France condemned Russia.", "2024-03-04");
	curlew_story x2 = story("x", "Germany praised Poland after the talks.", "2024-03-04");
	curlew_story x3 = story("x", "Poland hosted talks. Germany praised Poland.", "2024-03-04");
	curlew_story xc = story("x:1", "Russia attacked Ukraine. Ukraine accused Russia of a ceasefire breach.",
				"2024-03-05");
	CHECK_INT(curlew_store_begin(st), 0);
	CHECK_INT(code_put(cw, st, &x1), 0);
	CHECK_INT(code_put(cw, st, &xc), 0);
	CHECK_INT(curlew_store_commit(st), 0);
	long xc_events = sql_int(st, "SELECT COUNT(*) FROM events WHERE story_id = 'x:1'");
	CHECK(xc_events > 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ceasefire'"), 2);

	CHECK_INT(curlew_store_begin(st), 0);
	CHECK_INT(code_put(cw, st, &x2), 0);
	CHECK_INT(code_put(cw, st, &x3), 0);     /* twice in one transaction */
	CHECK_INT(curlew_store_commit(st), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences WHERE story_id = 'x'"), 2);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM events WHERE story_id = 'x:1'"), xc_events);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM actors WHERE story_id = 'x:1'"),
		  sql_int(st, "SELECT COUNT(source_code) + COUNT(target_code) FROM events WHERE story_id = 'x:1'"));
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ceasefire'"), 1);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'talks'"), 1);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'hosted'"), 1);

	CHECK_INT(curlew_store_begin(st), 0);
	CHECK_INT(code_put(cw, st, &x1), 0);
	CHECK_INT(curlew_store_rollback(st), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'hosted'"), 1);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ceasefire'"), 1);
	/* Without a transaction of the caller's, put makes its own. */
	CHECK_INT(code_put(cw, st, &x1), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ceasefire'"), 2);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'hosted'"), 0);
	/* The index agrees with the sentences table, row by row (rank 1:
	 * the plain check does not compare an external-content index with
	 * its table in SQLite 3.40). */
	CHECK_INT(cw_store_rows(st, "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)",
				NULL, 0, first_int, NULL), 0);
	curlew_store_close(st);
	unlink_db(path);
}

static void test_bad_url(void)
{
	curlew_store *st = NULL;
	CHECK(curlew_store_open(&st, "/nonexistent-dir/x.sqlite", NULL) < 0);
	CHECK(strlen(curlew_store_errmsg(st)) > 0);
	curlew_store_close(st);
	/* Nothing listens on this socket directory: a clear error, no crash. */
	CHECK(curlew_store_open(&st, "postgresql:///x?host=/nonexistent-dir", NULL) < 0);
	CHECK(strstr(curlew_store_errmsg(st), "PostgreSQL") != NULL);
	curlew_store_close(st);
}

int main(void)
{
	test_hashes();
	test_bad_url();
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.use_parser = 0;
	curlew *cw = NULL;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		CHECK(0);
	} else {
		char v1[17], v2[17];
		CHECK_INT(curlew_dict_version(cw, v1), 0);
		CHECK_INT(curlew_dict_version(cw, v2), 0);
		CHECK_STR(v1, v2);
		test_sqlite(cw);
		test_replace(cw);
	}
	curlew_close(cw);
	return check_done("test_store");
}
