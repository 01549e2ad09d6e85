/* test_curlew.c -- a long story is coded a window of sentences at a time
 * (curlew.c); its records, sentence count and spans must be exactly those
 * of the same story coded whole (as explain codes it), including what
 * coreference carries from one window into the next. */
#include <stdlib.h>
#include "check.h"
#include "coder/coder.h"

/* People and governments named once, then referred back to by surname,
 * pronoun and "both sides" far away -- several windows later. */
static const char *const opening =
	"Azerbaijani Foreign Minister Jeyhun Bayramov met Armenian Foreign Minister "
	"Ararat Mirzoyan in Washington on Monday. ";
static const char *const later[] = {
	"Bayramov accused Armenia of shelling Azerbaijani positions. ",
	"He said the talks would continue. ",
	"Mirzoyan criticized Azerbaijan. ",
	"Both sides agreed to meet again in Brussels. ",
	"Russian troops attacked Ukrainian positions near Kharkiv. ",
	"The minister met Turkish officials in Ankara. ",
};
static const char *const filler = "The weather was mild and the markets were calm. ";

static char *long_story(int blocks, int fillers)
{
	size_t cap = 1 << 16, n = 0;
	char *t = malloc(cap);
	if (!t)
		return NULL;
	t[0] = '\0';
	for (int b = 0; b < blocks; b++) {
		for (int k = -1; k < fillers + 6; k++) {
			const char *s = k < 0 ? opening : k < fillers ? filler : later[k - fillers];
			size_t l = strlen(s);
			if (n + l + 1 > cap) {
				char *u = realloc(t, cap *= 2);
				if (!u) {
					free(t);
					return NULL;
				}
				t = u;
			}
			memcpy(t + n, s, l + 1);
			n += l;
		}
	}
	return t;
}

static char *records(const curlew_doc *doc, enum curlew_out fmt)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	CHECK_INT(cw_write_doc(f, doc, fmt), 0);
	fclose(f);
	return buf;
}

static void same_records(const curlew_doc *win, const curlew_doc *whole)
{
	static const enum curlew_out fmts[] = { CURLEW_OUT_JSONL, CURLEW_OUT_TSV, CURLEW_OUT_PLOVER,
						CURLEW_OUT_PLACES };
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		char *a = records(win, fmts[i]), *b = records(whole, fmts[i]);
		CHECK(a && b && strlen(a) > 0 && strcmp(a, b) == 0);
		free(a);
		free(b);
	}
}

static void same_sentences(const curlew_doc *win, const curlew_doc *whole)
{
	CHECK_INT(curlew_doc_nsentences(win), curlew_doc_nsentences(whole));
	CHECK_INT(cw_doc_sentence_count(win), whole->nsents);
	int bad = 0;
	for (int i = 0; i < whole->nsents && i < cw_doc_sentence_count(win); i++) {
		uint32_t s, e;
		cw_doc_sentence_span(win, i, &s, &e);
		bad += s != whole->sents[i].start || e != whole->sents[i].end;
	}
	CHECK_INT(bad, 0);
	/* only sentences with events (or places, for --format places) are
	 * kept, each under its own index */
	int kept = 0;
	for (int i = 0; i < whole->nsents; i++)
		kept += whole->sents[i].nevents > 0 || whole->sents[i].nplaces > 0;
	CHECK_INT(win->nsents, kept);
	CHECK(win->nsents > 0 && win->nsents < whole->nsents);
	CHECK_INT(curlew_doc_nevents(win), curlew_doc_nevents(whole));
}

static void check_story(curlew *cw, int blocks, int fillers)
{
	char *text = long_story(blocks, fillers);
	CHECK(text != NULL);
	if (!text)
		return;
	curlew_story st = { .id = "long", .text = text, .len = strlen(text), .date = "2024-03-11" };
	curlew_doc *win = NULL, *whole = NULL;
	CHECK_INT(cw_code_doc(cw, &st, NULL, &win, 0), 0);
	CHECK_INT(cw_code_doc(cw, &st, NULL, &whole, 1), 0);
	CHECK(win->spans != NULL && whole->spans == NULL);
	same_sentences(win, whole);
	same_records(win, whole);
	curlew_doc_free(win);
	curlew_doc_free(whole);
	free(text);
}

int main(void)
{
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.use_parser = 0;
	curlew *cw = NULL;
	if (curlew_open(&cw, &o) != CURLEW_OK) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return 1;
	}
	/* references three windows after the names */
	check_story(cw, 2, 1500);
	/* many short blocks: actors in every window, and enough remembered
	 * names that coreference renews its own store of them */
	check_story(cw, 700, 3);
	curlew_close(cw);
	return check_done("curlew");
}
