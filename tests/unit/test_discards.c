/* test_discards.c -- phrases that stop coding (data/discards.txt): the
 * matching rules, the story and sentence levels in the real pipeline, and
 * the loader (an absent file discards nothing; a bad line stops start-up). */
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

static char dir[] = "/tmp/curlew-discards-XXXXXX";

static int write_and_load(const char *text, cw_discard_list **d, char *err, size_t errlen)
{
	char path[256];
	snprintf(path, sizeof path, "%s/discards.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -2;
	fputs(text, f);
	fclose(f);
	return cw_discards_load(d, dir, err, errlen);
}

static void test_matching(void)
{
	char err[256];
	cw_discard_list *d = NULL;
	CHECK_INT(write_and_load("# sport\nsentence  penalty shootout\nsentence goalkeeper*\n"
				 "story  premier league\n", &d, err, sizeof err), 0);
	static const struct { const char *text; int story; int hit; } t[] = {
		{ "Chelsea won a Penalty Shootout on Sunday.", 0, 1 },
		{ "Chelsea won the penalty shootouts.", 0, 0 },      /* a whole word */
		{ "The goalkeepers were booked.", 0, 1 },           /* a stem */
		{ "The regoalkeeper left.", 0, 0 },                 /* from a word's start */
		{ "A Premier League club sacked its coach.", 1, 1 },
		{ "A Premier League club sacked its coach.", 0, 0 }, /* story-level only */
		{ "Russia attacked Ukraine.", 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		CHECK_INT(cw_discard_match(d, t[i].text, strlen(t[i].text), t[i].story) != NULL, t[i].hit);
	cw_discards_free(d);
	d = NULL;
	CHECK_INT(write_and_load("sentence  ok\nmatch  bad\n", &d, err, sizeof err), -1);
	CHECK(d == NULL && strstr(err, "discards.txt:2:") != NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/discards.txt", dir);
	remove(path);
	CHECK_INT(cw_discards_load(&d, dir, err, sizeof err), 0);   /* none: nothing discarded */
	CHECK(d && cw_discard_match(d, "anything", 8, 0) == NULL);
	cw_discards_free(d);
}

/* The shipped list in the real pipeline: a discarded sentence codes
 * nothing, the other sentences of the story still do. */
static void test_pipeline(void)
{
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.use_parser = 0;
	curlew *cw = NULL;
	CHECK_INT(curlew_open(&cw, &o), 0);
	const char *text = "The goalkeeper attacked the referee. Russia attacked Ukraine.";
	curlew_story st = { "t", text, strlen(text), "2023-05-01", NULL, NULL, NULL, 0, NULL };
	curlew_doc *doc = NULL;
	CHECK_INT(curlew_code(cw, &st, NULL, &doc), 0);
	CHECK_INT(curlew_doc_nevents(doc), 1);
	CHECK(doc && doc->nsents == 2 && doc->sents[0].discard && doc->sents[1].nevents == 1);
	curlew_doc_free(doc);
	text = "Arsenal beat Chelsea in the Premier League. Fans attacked the police.";
	st.text = text;
	st.len = strlen(text);
	CHECK_INT(curlew_code(cw, &st, NULL, &doc), 0);
	CHECK_INT(curlew_doc_nevents(doc), 0);
	curlew_doc_free(doc);
	/* sport's own words: a score in sets, a draw */
	static const char *sport[] = {
		"Spain's Carlos Alcaraz destroyed the Russian in straight sets in the final.",
		"Nigeria were held to a goalless draw by Sierra Leone, damaging their hopes.",
		"Germany crushed hosts Brazil 7-1 in the World Cup semi-final on Tuesday.",
	};
	for (size_t i = 0; i < sizeof sport / sizeof *sport; i++) {
		st.text = sport[i];
		st.len = strlen(sport[i]);
		CHECK_INT(curlew_code(cw, &st, NULL, &doc), 0);
		CHECK_INT(curlew_doc_nevents(doc), 0);
		curlew_doc_free(doc);
	}
	curlew_close(cw);
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	test_matching();
	rmdir(dir);
	test_pipeline();
	return check_done("test_discards");
}
