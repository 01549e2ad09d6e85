/*
 * curlew.c -- opening the dictionaries and running one story through the
 * stages in order.  The order is the pipeline; src/README.md explains it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"
#include "coder.h"
#include "util/paths.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

/* A story of more sentences than this is coded a window of this many
 * sentences at a time (see code_windows). */
#define WINDOW 512

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
	return env && *env ? env : cw_default_data_dir();
}

static int open_dicts(curlew *cw, const curlew_options *opts);

int curlew_open(curlew **out, const curlew_options *opts)
{
	curlew *cw = calloc(1, sizeof *cw);
	*out = cw;
	if (!cw)
		return cw_fail(CURLEW_ESYS, "out of memory");
	int rc = open_dicts(cw, opts);
	return rc < 0 ? cw_fail_msg(rc, cw->errmsg[0] ? cw->errmsg : "out of memory") : rc;
}

static int open_dicts(curlew *cw, const curlew_options *opts)
{
	curlew_options defaults = CURLEW_OPTIONS_INIT;
	/* version 0 is a struct zeroed by hand: the first version's layout */
	if (opts && opts->version > CURLEW_OPTIONS_VERSION) {
		snprintf(cw->errmsg, sizeof cw->errmsg, "curlew_options version %u is not known "
			 "to libcurlew %s", opts->version, CURLEW_VERSION);
		return CURLEW_EUSAGE;
	}
	cw->opts = opts ? *opts : defaults;
	if (!(cw->opts.min_confidence >= 0 && cw->opts.min_confidence <= 1)) {
		set_err(cw, "min_confidence", "wants a number from 0 to 1");
		return CURLEW_EUSAGE;
	}
	if (cw->opts.parse_timeout < 1)
		cw->opts.parse_timeout = 1;
	cw->data_dir = strdup(pick_data_dir(opts));
	if (!cw->data_dir)
		return CURLEW_ESYS;

	char why[400] = "";
	if (cw_codes_load(&cw->codes, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "event codes", why);
	}
	if (cw_lexicon_load(&cw->lexicon, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "lexicon", why);
	}
	if (cw_discards_load(&cw->discards, cw->data_dir, why, sizeof why) < 0) {
		return load_failed(cw, "discards", why);
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
	if (cw_tagger_load(&cw->tagger, cw->data_dir, why, sizeof why) < 0)
		return load_failed(cw, "part-of-speech tagger", why);
	if (cw_syntax_load(&cw->syntax, cw->data_dir, why, sizeof why) < 0)
		return load_failed(cw, "chunker", why);
	/* places first: a Phoenix name the gazetteer knows is a place */
	if (cw_places_load(&cw->places, cw, why, sizeof why) < 0) {
		return load_failed(cw, "places", why);
	}
	if (cw_actors_load(&cw->actors, cw, why, sizeof why) < 0) {
		return load_failed(cw, "actors", why);
	}
	if (cw_verbs_load(&cw->verbs, cw, why, sizeof why) < 0) {
		return load_failed(cw, "verbs", why);
	}
	if (cw_frames_load(&cw->frames, cw, why, sizeof why) < 0) {
		return load_failed(cw, "frames", why);
	}
	if (cw_recode_load(&cw->recode, cw, why, sizeof why) < 0)
		return load_failed(cw, "recode rules", why);
	if (cw_confidence_load(&cw->confidence, cw->data_dir, why, sizeof why) < 0)
		return load_failed(cw, "confidence", why);
	if (cw->opts.min_confidence > 0 && !cw->confidence) {
		set_err(cw, "min_confidence", "the data directory has no confidence.tsv to score events");
		return CURLEW_EUSAGE;
	}
	return CURLEW_OK;
}

void curlew_close(curlew *cw)
{
	if (!cw)
		return;
	cw_confidence_free(cw->confidence);
	cw_recode_free(cw->recode);
	cw_frames_free(cw->frames);
	cw_verbs_free(cw->verbs);
	cw_tagger_free(cw->tagger);
	cw_syntax_free(cw->syntax);
	cw_places_free(cw->places);
	cw_actors_free(cw->actors);
	cw_abbrevs_free(cw->abbrevs);
	cw_countries_free(cw->countries);
	cw_lexicon_free(cw->lexicon);
	cw_discards_free(cw->discards);
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
	cw_arena *a = doc->story_arena ? doc->story_arena : doc->arena;
	char *w = doc->warnings ? cw_printf(a, "%s\n%s", doc->warnings, msg) : cw_strdup(a, msg);
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
	doc->arena = doc->story_arena = a;
	doc->cw = cw;
	return doc;
}

static int code_sentence(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	int rc;
	if (cw_discards(cw, doc, s))
		return 0;
	if ((rc = cw_tokens(cw, doc, s)) < 0 || (rc = cw_lemmas(cw, doc, s)) < 0 ||
	    (rc = cw_tag(cw, doc, s)) < 0 ||
	    (rc = cw_actors(cw, doc, s)) < 0 || (rc = cw_places(cw, doc, s)) < 0 ||
	    (rc = cw_dates(cw, doc, s)) < 0 || (rc = cw_verbs(cw, doc, s)) < 0 ||
	    (rc = cw_coref(cw, doc, s)) < 0)
		return rc;
	/* Only sentences that could yield an event need their clauses. */
	s->parsed = -1;
	if (s->nments > 0 && s->ntrigs > 0 && (rc = cw_chunk(cw, doc, s)) < 0)
		return rc;
	if ((rc = cw_frames(cw, doc, s)) < 0 ||
	    (rc = cw_resolve_actors(cw, doc, s)) < 0 || (rc = cw_events(cw, doc, s)) < 0 ||
	    (rc = cw_resolve_targets(cw, doc, s)) < 0 || (rc = cw_recode(cw, doc, s)) < 0 ||
	    (rc = cw_events_merge(cw, doc, s)) < 0 ||
	    (rc = cw_locate(cw, doc, s)) < 0 || (rc = cw_confidence(cw, doc, s)) < 0)
		return rc;
	doc->nevents += (size_t)s->nevents;
	return rc;
}

/* The story date: the record's own, else the dateline's, else --date.  A
 * dateline's day in the week up to the record's is the writer's own (a
 * record stamped 2024-01-01T02:00Z under "Dec. 31" was filed on the 31st). */
#define DATELINE_SLACK 7
static void pick_story_date(curlew_doc *doc)
{
	if (doc->given_date.y && doc->dl_date.y && cw_date_cmp(doc->dl_date, doc->given_date) <= 0 &&
	    cw_date_cmp(cw_date_add_days(doc->dl_date, DATELINE_SLACK), doc->given_date) >= 0)
		doc->date = doc->dl_date;
	else if (doc->given_date.y)
		doc->date = doc->given_date;
	else if (doc->dl_date.y)
		doc->date = doc->dl_date;
	else if (doc->default_date.y)
		doc->date = doc->default_date;
	else
		cw_doc_warn(doc, "story %s has no date (no date field, no dateline date, no --date)",
			    doc->id);
}

/* ----------------------------------------------------------- long stories
 * A story is coded sentence by sentence, and every stage allocates in
 * doc->arena.  For a long story (a feed glued into one record, a million
 * sentences on stdin) keeping every sentence's tokens, mentions and parse
 * would make memory grow with the story, so its sentences are coded a
 * window at a time with doc->arena pointing at the window's own arena.
 * After each window the sentences that yielded events are copied, with
 * everything they point to, into the doc's arena, and the window's arena
 * is freed: sentences with nothing to report cost nothing but their span.
 * What stages carry across sentences lives outside the window (coref's
 * memory, warnings).  Explain wants every sentence
 * in full and codes short texts, so it never windows. */

static const char *keep_str(cw_arena *a, const char *s, int *oom)
{
	if (!s)
		return NULL;
	char *c = cw_strdup(a, s);
	if (!c)
		*oom = 1;
	return c;
}

static void *keep_array(cw_arena *a, const void *v, int n, size_t size, int *oom)
{
	if (!v || n <= 0)
		return NULL;
	void *c = cw_alloc(a, (size_t)n * size);
	if (!c) {
		*oom = 1;
		return NULL;
	}
	memcpy(c, v, (size_t)n * size);
	return c;
}

/* The event's place: one of the sentence's own (now copied), the
 * dateline's (already in the doc's arena), or a copy of any other. */
static const cw_place *keep_place(cw_arena *a, const curlew_doc *doc, const cw_sentence *s,
				  const cw_sentence *out, const cw_place *p, int *oom)
{
	if (!p || p == doc->dl_place || p == doc->main_place)
		return p;
	for (int i = 0; i < s->nplaces; i++)
		if (p == &s->places[i])
			return out->places ? &out->places[i] : NULL;
	cw_place *c = keep_array(a, p, 1, sizeof *p, oom);
	if (c)
		c->text = keep_str(a, p->text, oom);
	return c;
}

/* A deep copy of a coded sentence into the doc's own arena. */
static int keep_sentence(curlew_doc *doc, const cw_sentence *s, cw_sentence *out)
{
	cw_arena *a = doc->story_arena;
	int oom = 0;
	*out = *s;
	out->toks = keep_array(a, s->toks, s->ntoks, sizeof *s->toks, &oom);
	for (int i = 0; out->toks && i < s->ntoks; i++) {
		cw_token *t = &out->toks[i];
		const char *lower = t->lower;
		t->text = keep_str(a, t->text, &oom);
		/* the lemmas come from WordNet and live as long as the process */
		t->lower = lower && t->text && strcmp(lower, t->text) == 0 ? t->text
			   : keep_str(a, lower, &oom);
	}
	out->ments = keep_array(a, s->ments, s->nments, sizeof *s->ments, &oom);
	for (int i = 0; out->ments && i < s->nments; i++) {
		cw_mention *m = &out->ments[i];
		m->text = keep_str(a, m->text, &oom);
		m->key = keep_str(a, m->key, &oom);
		m->rule = keep_str(a, m->rule, &oom);
	}
	out->places = keep_array(a, s->places, s->nplaces, sizeof *s->places, &oom);
	for (int i = 0; out->places && i < s->nplaces; i++)
		out->places[i].text = keep_str(a, out->places[i].text, &oom);
	out->trigs = keep_array(a, s->trigs, s->ntrigs, sizeof *s->trigs, &oom);
	for (int i = 0; out->trigs && i < s->ntrigs; i++) {
		out->trigs[i].rule = keep_str(a, out->trigs[i].rule, &oom);
		out->trigs[i].prep = keep_str(a, out->trigs[i].prep, &oom);
	}
	out->clauses = keep_array(a, s->clauses, s->nclauses, sizeof *s->clauses, &oom);
	out->parse_text = keep_str(a, s->parse_text, &oom);
	out->dropped = NULL;   /* for explain only, which codes no windows */
	out->events = keep_array(a, s->events, s->nevents, sizeof *s->events, &oom);
	for (int i = 0; out->events && i < s->nevents; i++) {
		cw_event *e = &out->events[i];
		e->why = keep_str(a, e->why, &oom);
		e->place = keep_place(a, doc, s, out, e->place, &oom);
	}
	return oom ? CURLEW_ESYS : 0;
}

/* A sentence with places but no events keeps only its places, for
 * --format places: memory grows with the places named, not the words. */
static int keep_places(curlew_doc *doc, const cw_sentence *s, cw_sentence *out)
{
	cw_arena *a = doc->story_arena;
	int oom = 0;
	memset(out, 0, sizeof *out);
	out->index = s->index;
	out->start = s->start;
	out->end = s->end;
	out->places = keep_array(a, s->places, s->nplaces, sizeof *s->places, &oom);
	out->nplaces = out->places ? s->nplaces : 0;
	for (int i = 0; out->places && i < s->nplaces; i++) {
		out->places[i].text = keep_str(a, s->places[i].text, &oom);
		out->places[i].tok_start = out->places[i].tok_end = out->places[i].prep = -1;
	}
	return oom ? CURLEW_ESYS : 0;
}

/* Codes sentences [from, to) in an arena of their own and keeps those
 * with events (and the places of those with places); *cap is the capacity
 * of doc->sents. */
static int code_window(const curlew *cw, curlew_doc *doc, int from, int to, int *cap)
{
	cw_arena *w = cw_arena_new();
	if (!w)
		return CURLEW_ESYS;
	int rc = 0;
	cw_sentence *ws = cw_alloc(w, (size_t)(to - from) * sizeof *ws);
	if (!ws)
		rc = CURLEW_ESYS;
	doc->arena = w;
	for (int i = from; rc == 0 && i < to; i++) {
		cw_sentence *s = &ws[i - from];
		s->index = i + 1;
		s->start = doc->spans[2 * i];
		s->end = doc->spans[2 * i + 1];
		rc = code_sentence(cw, doc, s);
	}
	doc->arena = doc->story_arena;
	for (int i = 0; rc == 0 && i < to - from; i++) {
		if (ws[i].nevents == 0 && ws[i].nplaces == 0)
			continue;
		cw_sentence *v = cw_grow(doc->arena, doc->sents, cap, doc->nsents + 1, sizeof *v);
		if (!v) {
			rc = CURLEW_ESYS;
			break;
		}
		doc->sents = v;
		rc = ws[i].nevents ? keep_sentence(doc, &ws[i], &v[doc->nsents])
				   : keep_places(doc, &ws[i], &v[doc->nsents]);
		if (rc == 0)
			doc->nsents++;
	}
	cw_arena_free(w);
	return rc;
}

static int code_windows(const curlew *cw, curlew_doc *doc)
{
	int cap = 0;
	for (int i = 0; i < doc->nspans; i += WINDOW) {
		int rc = code_window(cw, doc, i, doc->nspans - i < WINDOW ? doc->nspans : i + WINDOW,
				     &cap);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* A story of usual length: every sentence kept in full, in doc->sents. */
static int code_whole(const curlew *cw, curlew_doc *doc, const uint32_t *spans, int n)
{
	int rc = cw_sentences_from_spans(doc, spans, n);
	if (rc < 0)
		return rc;
	for (int i = 0; i < n; i++) {
		rc = code_sentence(cw, doc, &doc->sents[i]);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int cw_doc_sentence_count(const curlew_doc *doc)
{
	return doc->spans ? doc->nspans : doc->nsents;
}

void cw_doc_sentence_span(const curlew_doc *doc, int i, uint32_t *start, uint32_t *end)
{
	if (doc->spans) {
		*start = doc->spans[2 * i];
		*end = doc->spans[2 * i + 1];
	} else {
		*start = doc->sents[i].start;
		*end = doc->sents[i].end;
	}
}

static int code_doc(const curlew *cw, const curlew_story *st, const char *default_date,
		    curlew_doc *doc, int explain);

/* A stage that ran out of memory returns CURLEW_ESYS without a message
 * (making one would need memory); the caller still gets one. */
int cw_code_doc(const curlew *cw, const curlew_story *st, const char *default_date,
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

/* The input's provenance, kept for every record. */
static int keep_provenance(curlew_doc *doc, const curlew_story *st)
{
	int oom = 0;
	doc->url = keep_str(doc->arena, st->url, &oom);
	doc->title = keep_str(doc->arena, st->title, &oom);
	doc->publisher = keep_str(doc->arena, st->source, &oom);
	return oom ? CURLEW_ESYS : 0;
}

static int code_doc(const curlew *cw, const curlew_story *st, const char *default_date,
		    curlew_doc *doc, int explain)
{
	doc->explain = explain;
	doc->id = cw_strdup(doc->arena, st->id ? st->id : "");
	if (!doc->id)
		return CURLEW_ESYS;
	if (!st->id || !*st->id)
		return reject(doc, "%s", "missing id");
	if (keep_provenance(doc, st) < 0)
		return CURLEW_ESYS;
	/* A bad date in the record is named, and the story is coded as if it
	 * had none: from its dateline, its text or --date. */
	if (st->date && *st->date && cw_date_parse_any(st->date, &doc->given_date) < 0) {
		doc->given_date = (cw_date){ 0, 0, 0 };
		cw_doc_warn(doc, "line %ld (id \"%s\"): date \"%.40s\" is not a date (YYYY-MM-DD or "
			    "ISO 8601); ignored, the story is dated from its dateline or text",
			    st->line, doc->id, st->date);
	}
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
	doc->discard = cw_discard_match(cw->discards, doc->text, doc->len, 1);
	uint32_t *spans;
	int n;
	if ((rc = cw_sentence_spans(cw, doc, &spans, &n)) < 0)
		return rc;
	if (n <= WINDOW || explain)
		return code_whole(cw, doc, spans, n);
	doc->spans = spans;
	doc->nspans = n;
	return code_windows(cw, doc);
}

int curlew_code(const curlew *cw, const curlew_story *st, const char *default_date,
		curlew_doc **out)
{
	int rc = cw_code_doc(cw, st, default_date, out, 0);
	return rc < 0 ? cw_fail_msg(rc, curlew_doc_errmsg(*out)) : rc;
}

void curlew_doc_free(curlew_doc *doc)
{
	if (!doc)
		return;
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
	return doc ? (size_t)cw_doc_sentence_count(doc) : 0;
}

const char *curlew_doc_id(const curlew_doc *doc)
{
	return doc ? doc->id : "";
}

const char *curlew_doc_warnings(const curlew_doc *doc)
{
	return doc ? doc->warnings : NULL;
}
