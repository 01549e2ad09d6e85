/*
 * none.c -- the event store's and the explorer's public functions in a
 * build without them (`make CURLEW_STORE=0`: no SQLite, no libpq, no
 * libmicrohttpd, none of src/store/ and src/serve/ else).  Each fails with
 * CURLEW_EUSAGE and says so through the API's one error convention, so
 * that the CLI's --db, query and serve and the bindings report it in a
 * line instead of failing to link or to load.
 */
#include <stdio.h>
#include "curlew.h"
#include "util/util.h"

#define NO_STORE "curlew was built without the store (make CURLEW_STORE=0): no --db, query or serve"

struct curlew_store { int unused; };

static int no_store(void)
{
	return cw_fail(CURLEW_EUSAGE, "%s", NO_STORE);
}

/* A handle that only carries the message, as a failed open's does, for
 * callers that read curlew_store_errmsg (the Python binding does). */
static curlew_store none;

int curlew_store_open(curlew_store **out, const char *url, const curlew *cw)
{
	*out = &none;
	return no_store();
}

void curlew_store_close(curlew_store *st)
{
}

const char *curlew_store_errmsg(const curlew_store *st)
{
	return NO_STORE;
}

int curlew_store_begin(curlew_store *st)
{
	return no_store();
}

int curlew_store_put(curlew_store *st, const curlew_doc *doc)
{
	return no_store();
}

int curlew_store_commit(curlew_store *st)
{
	return no_store();
}

int curlew_store_rollback(curlew_store *st)
{
	return no_store();
}

int curlew_store_has(curlew_store *st, const curlew_story *story, const char *default_date)
{
	return no_store();
}

int curlew_store_query(curlew_store *st, const curlew_query *q, FILE *out)
{
	return no_store();
}

int curlew_serve(const curlew_serve_options *opts)
{
	return no_store();
}
