/*
 * serve.h -- between curlew serve's HTTP side (serve.c: the daemon, its
 * limits and its asset files) and its JSON API over a store opened
 * read-only (serve_api.c).  Not public: the public side is curlew_serve in
 * curlew.h.  Split so that the API can be tested without a socket.
 */
#ifndef CW_SERVE_H
#define CW_SERVE_H

#include <stddef.h>
#include "curlew.h"

/* A request's query parameters, decoded.  More than CW_MAX_PARAMS is a bad
 * request: no endpoint takes half as many. */
#define CW_MAX_PARAMS 24
typedef struct cw_args {
	int n;
	int too_many;
	const char *key[CW_MAX_PARAMS], *val[CW_MAX_PARAMS];
} cw_args;

/* A response: status, type and a malloc'd body the caller frees. */
typedef struct cw_reply {
	int status;
	const char *type;
	char *body;
	size_t len;
	const char *filename;   /* a download's name (Content-Disposition), or NULL */
	int truncated;          /* a download cut at CW_CSV_BYTES */
} cw_reply;

/* The bounds on what one request can ask for and get. */
#define CW_EVENTS_MAX 500       /* events per page: a screenful many times over */
#define CW_OFFSET_MAX 10000000 /* paging further is no way to read a store */
#define CW_CSV_MAX 20000        /* events per CSV download (about 10 MB) */
#define CW_BODY_MAX (8 << 20)   /* bytes of JSON per reply: rows stop there */
#define CW_CSV_BYTES (32 << 20) /* bytes per CSV download: rows stop there */

typedef struct cw_api cw_api;

/* Opens the store read-only and learns its columns (a store written by an
 * older curlew lacks some; their fields are then null).  On failure err
 * says why and *out is NULL. */
int cw_api_open(cw_api **out, const char *url, int timeout_ms, char *err, size_t errlen);
void cw_api_close(cw_api *api);
/* Answers GET path (under /api/) with args: 200 with JSON or CSV, 400 with
 * {"error": ...} for any bad parameter, 404 for no such endpoint, 503 when
 * the store took too long, 500 when it failed.  Returns -1 only when out
 * of memory (no reply). */
int cw_api_handle(cw_api *api, const char *path, const cw_args *args, cw_reply *out);

/* The store's URL as it may be shown (serve.c): a password in it is not. */
void cw_redact_url(const char *url, char *out, size_t n);

/* Exposed for tests/unit/test_serve.c. */
typedef struct cw_filter {
	char from[11], to[11];
	char country[4], location[4], source[4], target[4];
	char actor[33], actor_len[24];
	char root[3], quad[2];
	char q[201];
	char fts[640];          /* q as an FTS5 query of quoted words (SQLite) */
} cw_filter;
/* Fills f from the filter parameters among args (others are left for the
 * caller); 0, or -1 with a message in err. */
int cw_filter_parse(cw_filter *f, const cw_args *args, char *err, size_t errlen);
/* f as " AND ..." conditions on events with parameters $1..; returns the
 * number of parameters, or -1 when sql is too small. */
int cw_filter_sql(const cw_filter *f, int pg, char *sql, size_t n, const char **params);
/* A calendar date written YYYY-MM-DD. */
int cw_is_iso_date(const char *s);

#endif
