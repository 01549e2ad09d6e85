/*
 * errors.c -- the API's conventions kept in one place: the per-thread last
 * error, the library's version and the option structs' initialisers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "curlew.h"
#include "util.h"

/* Per thread, as errno and libgit2's git_error_last: a message cannot be
 * overwritten by another thread's failure before it is read. */
static _Thread_local char last_error[512];

int cw_fail(int rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	return rc;
}

int cw_fail_msg(int rc, const char *msg)
{
	snprintf(last_error, sizeof last_error, "%s", msg ? msg : "");
	return rc;
}

const char *curlew_last_error(void)
{
	return last_error;
}

const char *curlew_version(void)
{
	return CURLEW_VERSION;
}

unsigned long curlew_version_num(void)
{
	return CURLEW_VERSION_NUM;
}

int curlew_options_init(curlew_options *opts, unsigned int version)
{
	if (version != CURLEW_OPTIONS_VERSION)
		return cw_fail(CURLEW_EUSAGE, "curlew_options version %u is not known to "
			       "libcurlew %s", version, CURLEW_VERSION);
	*opts = (curlew_options)CURLEW_OPTIONS_INIT;
	return CURLEW_OK;
}

int curlew_query_init(curlew_query *q, unsigned int version)
{
	if (version != CURLEW_QUERY_VERSION)
		return cw_fail(CURLEW_EUSAGE, "curlew_query version %u is not known to "
			       "libcurlew %s", version, CURLEW_VERSION);
	*q = (curlew_query)CURLEW_QUERY_INIT;
	return CURLEW_OK;
}

/* The names of the query's enums, in enum order. */
static const char *const what_names[] = { "counts", "goldstein", "search", "summary", "events",
					   NULL };
static const char *const by_names[] = { "day", "week", "month", "year", "all", NULL };
static const char *const class_names[] = { "root", "quad", "cameo", "none", NULL };

static const char *const *names_of(const char *field)
{
	if (!field)
		return NULL;
	if (strcmp(field, "what") == 0)
		return what_names;
	if (strcmp(field, "by") == 0)
		return by_names;
	if (strcmp(field, "class") == 0 || strcmp(field, "cls") == 0)
		return class_names;
	return NULL;
}

const char *curlew_query_name(const char *field, int value)
{
	const char *const *names = names_of(field);
	for (int i = 0; names && names[i]; i++)
		if (i == value)
			return names[i];
	return NULL;
}

int curlew_query_set(curlew_query *q, const char *field, const char *value)
{
	const char *const *names = names_of(field);
	if (!names)
		return cw_fail(CURLEW_EUSAGE, "a query has no field %s (what, by, class)",
			       field ? field : "(null)");
	for (int i = 0; value && names[i]; i++) {
		if (strcmp(names[i], value) != 0)
			continue;
		if (names == what_names)
			q->what = (enum curlew_query_what)i;
		else if (names == by_names)
			q->by = (enum curlew_period)i;
		else
			q->cls = (enum curlew_class)i;
		return CURLEW_OK;
	}
	char choices[128] = "";
	for (int i = 0; names[i]; i++)
		snprintf(choices + strlen(choices), sizeof choices - strlen(choices), "%s%s",
			 i ? ", " : "", names[i]);
	return cw_fail(CURLEW_EUSAGE, "--%s wants %s, not %s", names == what_names ? "what" :
		       names == by_names ? "by" : "class", choices, value ? value : "nothing");
}

int curlew_out_from_name(const char *name)
{
	static const struct { const char *name; enum curlew_out fmt; } fmts[] = {
		{ "jsonl", CURLEW_OUT_JSONL }, { "json", CURLEW_OUT_JSONL },
		{ "tsv", CURLEW_OUT_TSV }, { "plover", CURLEW_OUT_PLOVER },
		{ "places", CURLEW_OUT_PLACES }, { "gdelt", CURLEW_OUT_GDELT },
		{ "icews", CURLEW_OUT_ICEWS },
	};
	for (size_t i = 0; name && i < sizeof fmts / sizeof fmts[0]; i++)
		if (strcmp(name, fmts[i].name) == 0)
			return (int)fmts[i].fmt;
	return -1;
}
