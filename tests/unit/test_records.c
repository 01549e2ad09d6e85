/*
 * test_records.c -- the read API (records.c): events, sentences, places
 * and the story as flat records named as the JSON fields, the versions of
 * the option and record structs, names to enums, and the one error
 * convention (curlew_last_error).
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "curlew.h"

static curlew_doc *code(const curlew *cw, const char *id, const char *text, const char *date)
{
	curlew_story st = { .id = id, .text = text, .len = strlen(text), .date = date,
			    .url = "https://example.org/x", .title = "T", .source = "Wire" };
	curlew_doc *doc = NULL;
	CHECK_INT(curlew_code(cw, &st, NULL, &doc), CURLEW_OK);
	return doc;
}

static void check_event(const curlew *cw)
{
	curlew_doc *doc = code(cw, "s1", "JERUSALEM (AP) - Israeli troops attacked Palestinian "
			       "militants in Gaza on Monday. The weather was fine.", "2024-03-15");
	CHECK_INT(curlew_doc_nevents(doc), 1);
	curlew_event e = CURLEW_EVENT_INIT;
	CHECK_INT(curlew_doc_event(doc, 0, &e), CURLEW_OK);
	CHECK_STR(e.event_id, "s1:1:1");
	CHECK_STR(e.story_id, "s1");
	CHECK_INT(e.sentence, 1);
	CHECK(e.sentence_text && strstr(e.sentence_text, "Israeli troops attacked") == e.sentence_text);
	CHECK_STR(e.date, "2024-03-11");
	CHECK_STR(e.date_precision, "day");
	CHECK(e.source.code && strncmp(e.source.code, "ISR", 3) == 0);
	CHECK_STR(e.source.country, "ISR");
	CHECK_STR(e.source.text, "Israeli troops");
	CHECK(e.source.nsectors == 1 && strcmp(e.source.sectors[0], "MIL") == 0);
	CHECK(e.target.code && strncmp(e.target.code, "PSE", 3) == 0);
	CHECK(e.cameo && strncmp(e.cameo, "19", 2) == 0);
	CHECK_STR(e.root, "19");
	CHECK_INT(e.quad_class, 4);
	CHECK(e.goldstein < -9);
	CHECK_STR(e.plover.event, "ASSAULT");
	CHECK_STR(e.location.country, "PSE");
	CHECK(!isnan(e.location.lat));
	CHECK_STR(e.trigger.text, "attacked");
	/* offsets are the story's: the dateline comes before the sentence */
	CHECK(e.trigger.start > 30 && e.trigger.end - e.trigger.start == 8);
	CHECK(e.rule && strstr(e.rule, "verbs.txt:") == e.rule);
	CHECK(e.confidence >= 0 && e.confidence <= 1);   /* data/confidence.tsv is there */
	CHECK_STR(e.url, "https://example.org/x");
	CHECK_STR(e.title, "T");
	CHECK_STR(e.publisher, "Wire");
	/* the same strings on a second read: made once, owned by the doc */
	curlew_event again = CURLEW_EVENT_INIT;
	CHECK_INT(curlew_doc_event(doc, 0, &again), CURLEW_OK);
	CHECK(again.event_id == e.event_id && again.trigger.text == e.trigger.text);
	/* out of range, and a struct from a newer header */
	CHECK_INT(curlew_doc_event(doc, 1, &again), CURLEW_EUSAGE);
	CHECK(strstr(curlew_last_error(), "no event 1") != NULL);
	curlew_event future = { .version = CURLEW_EVENT_VERSION + 1 };
	CHECK_INT(curlew_doc_event(doc, 0, &future), CURLEW_EUSAGE);
	CHECK(strstr(curlew_last_error(), "version") != NULL);

	/* sentences and the story */
	CHECK_INT(curlew_doc_nsentences(doc), 2);
	curlew_sentence s = CURLEW_SENTENCE_INIT;
	CHECK_INT(curlew_doc_sentence(doc, 1, &s), CURLEW_OK);
	CHECK_INT(s.sentence, 2);
	CHECK_STR(s.text, "The weather was fine.");
	CHECK_INT(s.nevents, 0);
	CHECK_INT(curlew_doc_sentence(doc, 0, &s), CURLEW_OK);
	CHECK_INT(s.nevents, 1);
	CHECK_INT(curlew_doc_sentence(doc, 2, &s), CURLEW_EUSAGE);
	curlew_doc_info info = CURLEW_DOC_INFO_INIT;
	CHECK_INT(curlew_doc_story(doc, &info), CURLEW_OK);
	CHECK_STR(info.id, "s1");
	CHECK_STR(info.dateline_place, "JERUSALEM");
	CHECK_STR(info.agency, "AP");
	CHECK_STR(info.publisher, "Wire");
	CHECK_INT(info.nevents, 1);

	/* places: the dateline's first, then the sentence's */
	size_t np = curlew_doc_nplaces(doc);
	CHECK(np >= 2);
	curlew_place p = CURLEW_PLACE_INIT;
	CHECK_INT(curlew_doc_place(doc, 0, &p), CURLEW_OK);
	CHECK_INT(p.sentence, 0);
	CHECK_STR(p.text, "JERUSALEM");
	CHECK_INT(curlew_doc_place(doc, np - 1, &p), CURLEW_OK);
	CHECK_STR(p.text, "Gaza");
	CHECK_INT(p.sentence, 1);
	CHECK_INT(curlew_doc_place(doc, np, &p), CURLEW_EUSAGE);
	curlew_doc_free(doc);
}

/* An event with no target and no place: NULL members, NAN numbers. */
static void check_absent(const curlew *cw)
{
	curlew_doc *doc = code(cw, "s2", "Protesters rallied.", NULL);
	for (size_t i = 0; i < curlew_doc_nevents(doc); i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		CHECK_INT(curlew_doc_event(doc, i, &e), CURLEW_OK);
		if (!e.location.text)
			CHECK(isnan(e.location.lat) && isnan(e.location.lon) && !e.location.country);
		if (!e.target.code)
			CHECK(!e.target.text && e.target.nsectors == 0);
	}
	curlew_doc_free(doc);
	/* a rejected story has no records */
	curlew_story bad = { .id = "s3", .text = "", .len = 0 };
	curlew_doc *d = NULL;
	CHECK_INT(curlew_code(cw, &bad, NULL, &d), CURLEW_EDATA);
	CHECK(strstr(curlew_last_error(), "empty") != NULL);
	curlew_event e = CURLEW_EVENT_INIT;
	CHECK_INT(curlew_doc_nplaces(d), 0);
	CHECK_INT(curlew_doc_event(d, 0, &e), CURLEW_EUSAGE);
	curlew_doc_free(d);
}

/* A long story is coded in windows and keeps only sentences with events;
 * every sentence is still readable. */
static void check_long(const curlew *cw)
{
	size_t n = 1200, len = 0;
	char *text = malloc(n * 64);
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, i % 300 == 0 ? "Israeli troops attacked Gaza. "
				       : "The day was quiet. ");
	curlew_story st = { .id = "long", .text = text, .len = len };
	curlew_doc *doc = NULL;
	CHECK_INT(curlew_code(cw, &st, "2024-01-01", &doc), CURLEW_OK);
	CHECK_INT(curlew_doc_nsentences(doc), n);
	curlew_sentence s = CURLEW_SENTENCE_INIT;
	CHECK_INT(curlew_doc_sentence(doc, 700, &s), CURLEW_OK);
	CHECK_STR(s.text, "The day was quiet.");
	CHECK_INT(curlew_doc_sentence(doc, 900, &s), CURLEW_OK);
	CHECK_INT(s.nevents, 1);
	CHECK(curlew_doc_nevents(doc) >= 4);
	curlew_event e = CURLEW_EVENT_INIT;
	CHECK_INT(curlew_doc_event(doc, curlew_doc_nevents(doc) - 1, &e), CURLEW_OK);
	CHECK_INT(e.sentence, 901);
	CHECK_STR(e.sentence_text, "Israeli troops attacked Gaza.");
	curlew_doc_free(doc);
	free(text);
}

static void *fail_in_thread(void *arg)
{
	(void)arg;
	curlew_query q = CURLEW_QUERY_INIT;
	curlew_query_set(&q, "by", "decade");
	return NULL;
}

static void check_conventions(void)
{
	CHECK_STR(curlew_version(), CURLEW_VERSION);
	CHECK_INT(curlew_version_num(), CURLEW_VERSION_NUM);
	CHECK(CURLEW_VERSION_NUM >= 0x000200);
	curlew_options o;
	CHECK_INT(curlew_options_init(&o, CURLEW_OPTIONS_VERSION), CURLEW_OK);
	CHECK(o.version == CURLEW_OPTIONS_VERSION && o.data_dir == NULL);
	CHECK_INT(curlew_options_init(&o, 99), CURLEW_EUSAGE);
	curlew *cw = NULL;
	o.version = 99;
	CHECK_INT(curlew_open(&cw, &o), CURLEW_EUSAGE);
	CHECK(strstr(curlew_errmsg(cw), "version 99") != NULL);
	CHECK(strstr(curlew_last_error(), "version 99") != NULL);
	curlew_close(cw);
	o = (curlew_options)CURLEW_OPTIONS_INIT;
	o.data_dir = "/nonexistent/curlew";
	CHECK(curlew_open(&cw, &o) < 0);
	CHECK(strstr(curlew_last_error(), "/nonexistent/curlew") != NULL);
	curlew_close(cw);

	curlew_query q;
	CHECK_INT(curlew_query_init(&q, CURLEW_QUERY_VERSION), CURLEW_OK);
	CHECK_INT(curlew_query_set(&q, "what", "events"), CURLEW_OK);
	CHECK_INT(q.what, CURLEW_Q_EVENTS);
	CHECK_INT(curlew_query_set(&q, "class", "quad"), CURLEW_OK);
	CHECK_INT(q.cls, CURLEW_CLASS_QUAD);
	CHECK_INT(curlew_query_set(&q, "by", "decade"), CURLEW_EUSAGE);
	CHECK(strstr(curlew_last_error(), "decade") != NULL);
	CHECK_INT(curlew_query_set(&q, "colour", "red"), CURLEW_EUSAGE);
	CHECK_STR(curlew_query_name("class", CURLEW_CLASS_CAMEO), "cameo");
	CHECK(curlew_query_name("class", 17) == NULL);
	/* the last error is per thread: another thread's failure leaves ours */
	curlew_query_set(&q, "what", "nonsense");
	pthread_t t;
	pthread_create(&t, NULL, fail_in_thread, NULL);
	pthread_join(t, NULL);
	CHECK(strstr(curlew_last_error(), "nonsense") != NULL);

	CHECK_INT(curlew_out_from_name("gdelt"), CURLEW_OUT_GDELT);
	CHECK_INT(curlew_out_from_name("icews"), CURLEW_OUT_ICEWS);
	CHECK_INT(curlew_out_from_name("json"), CURLEW_OUT_JSONL);
	CHECK_INT(curlew_out_from_name("xml"), -1);
}

int main(void)
{
	check_conventions();
	curlew *cw = NULL;
	/* opened with the defaults: no options struct at all */
	if (curlew_open(&cw, NULL) != CURLEW_OK) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return 1;
	}
	CHECK_STR(curlew_country_name(cw, "PSE"), "Palestine");
	CHECK(curlew_country_name(cw, "XXX") == NULL);
	check_event(cw);
	check_absent(cw);
	check_long(cw);
	curlew_close(cw);
	return check_done("records");
}
