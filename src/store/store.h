/*
 * store.h -- what store.c shares with query.c: running a read-only SQL
 * statement on either backend and getting its rows as strings.  Not
 * public; the public side is curlew_store_* in curlew.h.
 */
#ifndef CW_STORE_H
#define CW_STORE_H

#include <stdio.h>
#include "curlew.h"

/* Called once with vals NULL (the header), then once per row: ncols
 * values, NULL for SQL NULL.  Returning nonzero
 * stops the query with that value. */
typedef int (*cw_row_fn)(void *ctx, int ncols, const char *const *vals,
			 const char *const *names);

/* Runs sql with text parameters ($1.. for PostgreSQL, ?1.. for SQLite:
 * query.c writes $N and store.c rewrites for SQLite). */
int cw_store_rows(curlew_store *st, const char *sql, const char *const *params,
		  int nparams, cw_row_fn fn, void *ctx);
int cw_store_is_pg(const curlew_store *st);
void cw_store_set_err(curlew_store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* query.c's aggregates (counts with goldstein 0, goldstein sums and means
 * with 1) for q, over the events that also meet where (" AND ..." over
 * events' columns, written events.column, with parameters $1..$nparams),
 * rows to fn.  q->from and q->to must then be NULL (where has its own). */
int cw_store_aggregate(curlew_store *st, const curlew_query *q, int goldstein, const char *where,
		       const char *const *params, int nparams, cw_row_fn fn, void *ctx);
/* A value of an aggregate column as curlew query prints it: sums with one
 * decimal, means with three, anything else as it is ("" for NULL). */
const char *cw_query_format(const char *name, const char *v, char *tmp, size_t n);
/* A statement being written, for query.c and the explorer: a fixed
 * buffer, as the statements are short and their parts bounded; a part
 * that does not fit sets overflow, and the caller refuses the statement
 * rather than run a cut one. */
typedef struct cw_sql {
	char s[4096];
	size_t n;
	int overflow;
} cw_sql;
void cw_sql_add(cw_sql *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as one CSV field, quoted when it must be. */
void cw_csv_str(FILE *f, const char *s);

/* A handle that only reads (curlew serve): SQLite opened read-only, never
 * created or upgraded; PostgreSQL sessions whose transactions are all
 * read-only.  A statement running longer than timeout_ms (<= 0: 10 s) is
 * stopped with an error, for which cw_store_timed_out is then true. */
int cw_store_open_readonly(curlew_store **out, const char *url, int timeout_ms);
/* One read-only transaction (one snapshot) around a request's statements;
 * its time limit starts at begin.  End keeps the error message. */
int cw_store_read_begin(curlew_store *st);
void cw_store_read_end(curlew_store *st);
int cw_store_timed_out(const curlew_store *st);

#endif
