/*
 * records.c -- the read API: a coded doc's events, sentences and place
 * mentions as the flat records of curlew.h.  The writer, the store, eval
 * and validation read events through it, so that a field means one thing
 * in every output and a binding sees what the JSON shows.
 *
 * A record's strings are made on its first read, in the doc's own arena,
 * and kept: reading an event twice gives the same pointers, and a doc that
 * is only counted costs nothing.
 */
#include <math.h>
#include <string.h>
#include "util/util.h"
#include "coder.h"

typedef struct records {
	int *first;              /* per kept sentence: its first event's index; [nsents] = nevents */
	curlew_event *ev;        /* nevents, filled on first read */
	unsigned char *done;
	const char **sent_text;  /* per sentence of the story (kept or not), on first read */
	int nall;                /* sentences of the story */
} records;

static cw_arena *doc_arena(const curlew_doc *doc)
{
	return doc->story_arena ? doc->story_arena : doc->arena;
}

/* The cache, made on the first read.  The doc is const to the caller, who
 * reads; the cache is the doc's own memory, as a lazily computed field. */
static records *recs(const curlew_doc *cdoc)
{
	curlew_doc *doc = (curlew_doc *)cdoc;
	if (doc->records)
		return doc->records;
	cw_arena *a = doc_arena(doc);
	records *r = cw_alloc(a, sizeof *r);
	if (!r)
		return NULL;
	r->nall = cw_doc_sentence_count(doc);
	r->first = cw_alloc(a, (size_t)(doc->nsents + 1) * sizeof *r->first);
	r->ev = cw_alloc(a, (doc->nevents + 1) * sizeof *r->ev);
	r->done = cw_alloc(a, doc->nevents + 1);
	r->sent_text = cw_alloc(a, (size_t)(r->nall + 1) * sizeof *r->sent_text);
	if (!r->first || !r->ev || !r->done || !r->sent_text)
		return NULL;
	int n = 0;
	for (int i = 0; i < doc->nsents; i++) {
		r->first[i] = n;
		n += doc->sents[i].nevents;
	}
	r->first[doc->nsents] = n;
	doc->records = r;
	return r;
}

static const char *date_str(cw_arena *a, cw_date d)
{
	if (!d.y)
		return NULL;
	char *s = cw_alloc(a, 16), *p = s;
	if (!s)
		return NULL;
	p = cw_put_int(p, d.y, 4);
	*p++ = '-';
	p = cw_put_int(p, d.m, 2);
	*p++ = '-';
	cw_put_int(p, d.d, 2);
	return s;
}

/* "<story_id>:<sentence>:<k>" */
static const char *event_id(cw_arena *a, const char *id, int sentence, int k)
{
	size_t n = strlen(id);
	char *s = cw_alloc(a, n + 24), *p = s;
	if (!s)
		return NULL;
	memcpy(p, id, n);
	p += n;
	*p++ = ':';
	p = cw_put_int(p, sentence, 1);
	*p++ = ':';
	cw_put_int(p, k, 1);
	return s;
}

/* The text of the kept sentence s, NUL-terminated, made once. */
static const char *sentence_text(const curlew_doc *doc, records *r, const cw_sentence *s)
{
	int i = s->index - 1;
	if (i < 0 || i >= r->nall)
		return cw_strndup(doc_arena(doc), doc->text + s->start, s->end - s->start);
	if (!r->sent_text[i])
		r->sent_text[i] = cw_strndup(doc_arena(doc), doc->text + s->start, s->end - s->start);
	return r->sent_text[i];
}

static void fill_actor(curlew_actor *out, const cw_sentence *s, int i)
{
	memset(out, 0, sizeof *out);
	if (i < 0 || i >= s->nments)
		return;
	const cw_mention *m = &s->ments[i];
	out->code = m->code;
	out->country = m->country[0] ? m->country : NULL;
	for (int k = 0; k < m->nsectors && k < CURLEW_MAX_SECTORS; k++)
		out->sectors[out->nsectors++] = m->sectors[k];
	out->text = m->text ? m->text : "";
	out->start = m->start;
	out->end = m->end;
}

static void fill_location(curlew_location *out, const cw_place *p)
{
	memset(out, 0, sizeof *out);
	out->lat = out->lon = NAN;
	if (!p)
		return;
	out->text = p->text ? p->text : "";
	out->country = p->country[0] ? p->country : NULL;
	if (p->has_coord) {
		out->lat = p->lat;
		out->lon = p->lon;
	}
	out->admin1 = p->admin1;
	out->feature = cw_gaz_feature_name(p->feature);
	out->precision = cw_place_precision(p);
}

static int fill_event(const curlew_doc *doc, records *r, int si, int k, curlew_event *ev)
{
	cw_arena *a = doc_arena(doc);
	const cw_sentence *s = &doc->sents[si];
	const cw_event *e = &s->events[k];
	const cw_trigger *t = &s->trigs[e->trigger];
	const cw_code_info *ci = cw_codes_get(doc->cw->codes, e->code);
	memset(ev, 0, sizeof *ev);
	ev->version = CURLEW_EVENT_VERSION;
	ev->event_id = event_id(a, doc->id, s->index, e->k);
	ev->story_id = doc->id;
	ev->sentence = s->index;
	ev->sentence_text = sentence_text(doc, r, s);
	ev->date = date_str(a, e->date);
	ev->date_precision = cw_event_date_precision(s, e);
	fill_actor(&ev->source, s, e->source);
	fill_actor(&ev->target, s, e->target);
	ev->cameo = e->code;
	ev->root = cw_strndup(a, e->code, 2);
	ev->cameo_name = ci ? ci->name : NULL;
	ev->quad_class = ci ? ci->quad : 0;
	ev->goldstein = ci ? ci->goldstein : NAN;
	if (ci) {
		ev->plover.event = ci->plover_event;
		ev->plover.mode = ci->plover_mode;
		ev->plover.context = ci->plover_context;
	}
	fill_location(&ev->location, e->place);
	ev->trigger.start = s->toks[t->tok_start].start;
	ev->trigger.end = s->toks[t->tok_end - 1].end;
	ev->trigger.text = cw_strndup(a, doc->text + ev->trigger.start,
				      ev->trigger.end - ev->trigger.start);
	ev->rule = t->rule;
	ev->confidence = e->confidence >= 0 ? e->confidence : NAN;
	ev->url = doc->url;
	ev->title = doc->title;
	ev->publisher = doc->publisher;
	if (!ev->event_id || !ev->sentence_text || (e->date.y && !ev->date) || !ev->root ||
	    !ev->trigger.text)
		return cw_fail(CURLEW_ESYS, "out of memory");
	return CURLEW_OK;
}

/* Copies what a caller's struct of that version has room for. */
static size_t event_size(unsigned version)
{
	return version <= CURLEW_EVENT_VERSION ? sizeof(curlew_event) : 0;
}

int curlew_doc_event(const curlew_doc *doc, size_t i, curlew_event *out)
{
	if (!doc || doc->err || i >= doc->nevents || !out)
		return cw_fail(CURLEW_EUSAGE, "no event %zu in this doc", i);
	size_t size = event_size(out->version);
	if (!size)
		return cw_fail(CURLEW_EUSAGE, "curlew_event version %u is not known to libcurlew %s",
			       out->version, CURLEW_VERSION);
	records *r = recs(doc);
	if (!r)
		return cw_fail(CURLEW_ESYS, "out of memory");
	/* the sentence holding event i: the last whose first event is <= i */
	int lo = 0, hi = doc->nsents - 1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if ((size_t)r->first[mid] <= i)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (!r->done[i]) {
		int rc = fill_event(doc, r, lo, (int)i - r->first[lo], &r->ev[i]);
		if (rc < 0)
			return rc;
		r->done[i] = 1;
	}
	memcpy(out, &r->ev[i], size);
	return CURLEW_OK;
}

/* The kept sentence of index idx (1-based), or NULL. */
static const cw_sentence *kept(const curlew_doc *doc, int idx)
{
	if (!doc->spans)
		return idx >= 1 && idx <= doc->nsents ? &doc->sents[idx - 1] : NULL;
	int lo = 0, hi = doc->nsents - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (doc->sents[mid].index == idx)
			return &doc->sents[mid];
		if (doc->sents[mid].index < idx)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

int curlew_doc_sentence(const curlew_doc *doc, size_t i, curlew_sentence *out)
{
	if (!doc || doc->err || i >= (size_t)cw_doc_sentence_count(doc) || !out)
		return cw_fail(CURLEW_EUSAGE, "no sentence %zu in this doc", i);
	if (out->version > CURLEW_SENTENCE_VERSION)
		return cw_fail(CURLEW_EUSAGE, "curlew_sentence version %u is not known to "
			       "libcurlew %s", out->version, CURLEW_VERSION);
	records *r = recs(doc);
	if (!r)
		return cw_fail(CURLEW_ESYS, "out of memory");
	uint32_t start, end;
	cw_doc_sentence_span(doc, (int)i, &start, &end);
	if (!r->sent_text[i] &&
	    !(r->sent_text[i] = cw_strndup(doc_arena(doc), doc->text + start, end - start)))
		return cw_fail(CURLEW_ESYS, "out of memory");
	const cw_sentence *s = kept(doc, (int)i + 1);
	memset(out, 0, sizeof *out);
	out->version = CURLEW_SENTENCE_VERSION;
	out->sentence = (int)i + 1;
	out->text = r->sent_text[i];
	out->start = start;
	out->end = end;
	out->nevents = s ? (size_t)s->nevents : 0;
	return CURLEW_OK;
}

/* Place mentions in the order --format places writes them: the dateline's
 * place and its region, then each kept sentence's. */
static const cw_place *place_at(const curlew_doc *doc, size_t i, int *sentence)
{
	*sentence = 0;
	if (doc->dl_place && doc->dl_place->name) {
		if (i == 0)
			return doc->dl_place;
		i--;
	}
	if (doc->dl_region) {
		if (i == 0)
			return doc->dl_region;
		i--;
	}
	for (int k = 0; k < doc->nsents; k++) {
		if (i < (size_t)doc->sents[k].nplaces) {
			*sentence = doc->sents[k].index;
			return &doc->sents[k].places[i];
		}
		i -= (size_t)doc->sents[k].nplaces;
	}
	return NULL;
}

size_t curlew_doc_nplaces(const curlew_doc *doc)
{
	if (!doc || doc->err)
		return 0;
	size_t n = (doc->dl_place && doc->dl_place->name) + (doc->dl_region != NULL);
	for (int k = 0; k < doc->nsents; k++)
		n += (size_t)doc->sents[k].nplaces;
	return n;
}

int curlew_doc_place(const curlew_doc *doc, size_t i, curlew_place *out)
{
	int sentence;
	const cw_place *p = doc && !doc->err && out ? place_at(doc, i, &sentence) : NULL;
	if (!p)
		return cw_fail(CURLEW_EUSAGE, "no place %zu in this doc", i);
	if (out->version > CURLEW_PLACE_VERSION)
		return cw_fail(CURLEW_EUSAGE, "curlew_place version %u is not known to "
			       "libcurlew %s", out->version, CURLEW_VERSION);
	memset(out, 0, sizeof *out);
	out->version = CURLEW_PLACE_VERSION;
	out->story_id = doc->id;
	out->sentence = sentence;
	out->text = p->text;
	out->start = p->start;
	out->end = p->end;
	out->name = p->name ? p->name : p->text;
	out->lat = p->has_coord ? p->lat : NAN;
	out->lon = p->has_coord ? p->lon : NAN;
	out->country = p->country[0] ? p->country : NULL;
	out->admin1 = p->admin1;
	out->feature = cw_gaz_feature_name(p->feature);
	out->geonameid = p->geonameid;
	out->population = p->population;
	return CURLEW_OK;
}

int curlew_doc_story(const curlew_doc *doc, curlew_doc_info *out)
{
	if (!doc || !out)
		return cw_fail(CURLEW_EUSAGE, "no doc");
	if (out->version > CURLEW_DOC_INFO_VERSION)
		return cw_fail(CURLEW_EUSAGE, "curlew_doc_info version %u is not known to "
			       "libcurlew %s", out->version, CURLEW_VERSION);
	const char *date = doc->date.y ? date_str(doc_arena(doc), doc->date) : NULL;
	if (doc->date.y && !date)
		return cw_fail(CURLEW_ESYS, "out of memory");
	memset(out, 0, sizeof *out);
	out->version = CURLEW_DOC_INFO_VERSION;
	out->id = doc->id;
	out->date = date;
	out->dateline_place = doc->dl_place ? doc->dl_place->text : NULL;
	out->agency = doc->dl_agency;
	out->url = doc->url;
	out->title = doc->title;
	out->publisher = doc->publisher;
	out->nsentences = doc->err ? 0 : (size_t)cw_doc_sentence_count(doc);
	out->nevents = doc->err ? 0 : doc->nevents;
	return CURLEW_OK;
}

const char *curlew_country_name(const curlew *cw, const char *iso3)
{
	const cw_country *c = cw && iso3 ? cw_countries_by_iso3(cw->countries, iso3) : NULL;
	return c ? c->name : NULL;
}
