/*
 * store.h -- what store.c shares with query.c: running a read-only SQL
 * statement on either backend and getting its rows as strings.  Not
 * public; the public side is curlew_store_* in curlew.h.
 */
#ifndef CW_STORE_H
#define CW_STORE_H

#include "internal.h"

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

#endif
