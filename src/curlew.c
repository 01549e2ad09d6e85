/*
 * curlew.c -- opening the dictionaries and running one story through the
 * stages in order.  The order is the pipeline; src/README.md explains it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

static void set_err(curlew *cw, const char *what, const char *why)
{
	snprintf(cw->errmsg, sizeof cw->errmsg, "%s: %s", what, why);
}

/* The loaders say "out of memory" rather than return a status of their
 * own; that is a system failure (exit 3), not a bad data directory. */
static int load_failed(curlew *cw, const char *what, const char *why)
{
	set_err(cw, what, why);
	return strstr(why, "out of memory") ? CURLEW_ESYS : CURLEW_EUSAGE;
}

/* The data directory: the option, else $CURLEW_DATA, else the directory
 * compiled in (the source tree's data/, found relative to the binary's
 * working directory in a checkout). */
static const char *pick_data_dir(const curlew_options *o)
{
	if (o && o->data_dir)
		return o->data_dir;
	const char *env = getenv("CURLEW_DATA");
	return env && *env ? env : CURLEW_DATA_DIR;
}

int curlew_open(curlew **out, const curlew_options *opts)
{
	curlew_options defaults = CURLEW_OPTIONS_INIT;
	curlew *cw = calloc(1, sizeof *cw);
	*out = cw;
	if (!cw)
		return CURLEW_ESYS;
	cw->opts = opts ? *opts : defaults;
	if (cw->opts.parse_timeout < 1)
		cw->opts.parse_timeout = 1;
	cw->data_dir = strdup(pick_data_dir(opts));
	if (!cw->data_dir)
		return CURLEW_ESYS;

	char why[400] = "";
	if (cw_codes_load(&cw->codes, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "event codes", why);
	}
	if (cw_countries_load(&cw->countries, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "countries", why);
	}
	if (cw_abbrevs_load(&cw->abbrevs, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "abbreviations", why);
	}
	errno = 0;
	if (cw_lemmas_init() < 0)
		return load_failed(cw, "WordNet", errno == ENOMEM ? "out of memory"
				   : "cannot open the WordNet database (package wordnet-base)");
	if (cw_actors_load(&cw->actors, cw, why, sizeof why) < 0) {
		return load_failed(cw, "actors", why);
	}
	if (cw_places_load(&cw->places, cw, why, sizeof why) < 0) {
		return load_failed(cw, "places", why);
	}
	if (cw_verbs_load(&cw->verbs, cw, why, sizeof why) < 0) {
		return load_failed(cw, "verbs", why);
	}
	if (cw->opts.use_parser &&
	    cw_parser_load(&cw->parser, cw, why, sizeof why) < 0) {
		return load_failed(cw, "parser", why);
	}
	return CURLEW_OK;
}

void curlew_close(curlew *cw)
{
	if (!cw)
		return;
	cw_parser_free(cw->parser);
	cw_verbs_free(cw->verbs);
	cw_places_free(cw->places);
	cw_actors_free(cw->actors);
	cw_abbrevs_free(cw->abbrevs);
	cw_countries_free(cw->countries);
	cw_codes_free(cw->codes);
	free(cw->data_dir);
	free(cw);
}

const char *curlew_errmsg(const curlew *cw)
{
	return cw ? cw->errmsg : "out of memory";
}

void cw_doc_warn(curlew_doc *doc, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *w = doc->warnings ? cw_printf(doc->arena, "%s\n%s", doc->warnings, msg)
				: cw_strdup(doc->arena, msg);
	if (w)
		doc->warnings = w;
}

static int reject(curlew_doc *doc, const char *fmt, const char *arg)
{
	doc->err = cw_printf(doc->arena, fmt, arg);
	return CURLEW_EDATA;
}

/* A story must be valid UTF-8 without NUL bytes and must have some text;
 * anything else would feed garbage to every later stage. */
static int check_text(curlew_doc *doc, const char *t, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)t[i];
		if (c == 0)
			return reject(doc, "NUL byte at offset %s", cw_printf(doc->arena, "%zu", i));
		int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (len == 0 || i + (size_t)len > n)
			return reject(doc, "invalid UTF-8 at byte %s", cw_printf(doc->arena, "%zu", i));
		uint32_t cp = len == 1 ? c : (uint32_t)(c & (0x7f >> len));
		for (int k = 1; k < len; k++) {
			unsigned char cc = (unsigned char)t[i + (size_t)k];
			if ((cc & 0xc0) != 0x80)
				return reject(doc, "invalid UTF-8 at byte %s", cw_printf(doc->arena, "%zu", i));
			cp = (cp << 6) | (cc & 0x3f);
		}
		static const uint32_t min_cp[] = { 0, 0, 0x80, 0x800, 0x10000 };
		if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return reject(doc, "invalid UTF-8 (overlong or surrogate) at byte %s",
				      cw_printf(doc->arena, "%zu", i));
		i += (size_t)len;
	}
	for (i = 0; i < n; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
			return 0;
	return reject(doc, "%s", "empty story");
}

static curlew_doc *doc_new(const curlew *cw)
{
	cw_arena *a = cw_arena_new();
	if (!a)
		return NULL;
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	if (!doc) {
		cw_arena_free(a);
		return NULL;
	}
	doc->arena = a;
	doc->cw = cw;
	return doc;
}

static int code_sentence(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	int rc;
	if ((rc = cw_tokens(cw, doc, s)) < 0 || (rc = cw_lemmas(cw, doc, s)) < 0 ||
	    (rc = cw_actors(cw, doc, s)) < 0 || (rc = cw_places(cw, doc, s)) < 0 ||
	    (rc = cw_dates(cw, doc, s)) < 0 || (rc = cw_verbs(cw, doc, s)) < 0 ||
	    (rc = cw_coref(cw, doc, s)) < 0)
		return rc;
	/* Only sentences that could yield an event are worth the parser. */
	s->parsed = -1;
	if (s->nments > 0 && s->ntrigs > 0 && (rc = cw_parse(cw, doc, s)) < 0)
		return rc;
	rc = cw_events(cw, doc, s);
	doc->nevents += (size_t)s->nevents;
	return rc;
}

/* The story date: the record's own, else the dateline's, else --date. */
static void pick_story_date(curlew_doc *doc)
{
	if (doc->given_date.y)
		doc->date = doc->given_date;
	else if (doc->dl_date.y)
		doc->date = doc->dl_date;
	else if (doc->default_date.y)
		doc->date = doc->default_date;
	else
		cw_doc_warn(doc, "story %s has no date (no date field, no dateline date, no --date)",
			    doc->id);
}

static int code_doc(curlew *cw, const curlew_story *st, const char *default_date,
		    curlew_doc *doc, int explain);

/* A stage that ran out of memory returns CURLEW_ESYS without a message
 * (making one would need memory); the caller still gets one. */
int cw_code_doc(curlew *cw, const curlew_story *st, const char *default_date,
		curlew_doc **out, int explain)
{
	curlew_doc *doc = doc_new(cw);
	*out = doc;
	if (!doc)
		return CURLEW_ESYS;
	int rc = code_doc(cw, st, default_date, doc, explain);
	if (rc == CURLEW_ESYS && !doc->err)
		doc->err = (char *)"out of memory";
	return rc;
}

static int code_doc(curlew *cw, const curlew_story *st, const char *default_date,
		    curlew_doc *doc, int explain)
{
	doc->explain = explain;
	doc->id = cw_strdup(doc->arena, st->id ? st->id : "");
	if (!doc->id)
		return CURLEW_ESYS;
	if (!st->id || !*st->id)
		return reject(doc, "%s", "missing id");
	if (st->date && cw_date_parse(st->date, &doc->given_date) < 0)
		cw_doc_warn(doc, "story %s: date \"%s\" is not YYYY-MM-DD; ignored", doc->id, st->date);
	if (default_date)
		cw_date_parse(default_date, &doc->default_date);
	int rc = check_text(doc, st->text ? st->text : "", st->text ? st->len : 0);
	if (rc < 0)
		return rc;
	doc->text = cw_strndup(doc->arena, st->text, st->len);
	doc->len = st->len;
	if (!doc->text || !doc->id)
		return CURLEW_ESYS;
	if ((rc = cw_dateline(cw, doc)) < 0)
		return rc;
	pick_story_date(doc);
	if ((rc = cw_sentences(cw, doc)) < 0)
		return rc;
	for (int i = 0; i < doc->nsents; i++)
		if ((rc = code_sentence(cw, doc, &doc->sents[i])) < 0)
			return rc;
	return CURLEW_OK;
}

int curlew_code(curlew *cw, const curlew_story *st, const char *default_date,
		curlew_doc **out)
{
	return cw_code_doc(cw, st, default_date, out, 0);
}

void curlew_doc_free(curlew_doc *doc)
{
	if (!doc)
		return;
	cw_parse_doc_free(doc);
	cw_coref_free(doc);
	cw_arena_free(doc->arena);
}

const char *curlew_doc_errmsg(const curlew_doc *doc)
{
	return doc ? (doc->err ? doc->err : "") : "out of memory";
}

size_t curlew_doc_nevents(const curlew_doc *doc)
{
	return doc ? doc->nevents : 0;
}

size_t curlew_doc_nsentences(const curlew_doc *doc)
{
	return doc ? (size_t)doc->nsents : 0;
}

const char *curlew_doc_id(const curlew_doc *doc)
{
	return doc ? doc->id : "";
}

const char *curlew_doc_warnings(const curlew_doc *doc)
{
	return doc ? doc->warnings : NULL;
}
