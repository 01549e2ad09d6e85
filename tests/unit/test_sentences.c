/* test_sentences.c -- sentence splitting: abbreviations, initials,
 * quotations, brackets, paragraphs, headlines, the length bound. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "coder/coder.h"
#include "check.h"

static struct curlew cw;

static curlew_doc *split(const char *text)
{
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->cw = &cw;
	doc->id = "t";
	doc->len = strlen(text);
	doc->text = cw_strndup(a, text, doc->len);
	CHECK_INT(cw_sentences(&cw, doc), 0);
	return doc;
}

static void done(curlew_doc *doc)
{
	cw_arena_free(doc->arena);
}

static const char *sent(curlew_doc *doc, int i)
{
	if (i >= doc->nsents)
		return "(none)";
	cw_sentence *s = &doc->sents[i];
	return cw_strndup(doc->arena, doc->text + s->start, s->end - s->start);
}

/* Checks that text splits into exactly the sentences given. */
#define SPLITS(text, ...) do { \
	const char *want_[] = { __VA_ARGS__, NULL }; \
	curlew_doc *d_ = split(text); \
	int n_ = 0; \
	while (want_[n_]) n_++; \
	CHECK_INT(d_->nsents, n_); \
	for (int i_ = 0; i_ < n_; i_++) \
		CHECK_STR(sent(d_, i_), want_[i_]); \
	for (int i_ = 0; i_ < d_->nsents; i_++) \
		CHECK_INT(d_->sents[i_].index, i_ + 1); \
	done(d_); \
} while (0)

static void test_basic(void)
{
	SPLITS("Armenia protested. Azerbaijan denied it! Was it true? Nobody knows.",
	       "Armenia protested.", "Azerbaijan denied it!", "Was it true?", "Nobody knows.");
	SPLITS("  Leading and trailing space.  ", "Leading and trailing space.");
	SPLITS("Prices rose 3.5 percent. In 2023 exports fell.",
	       "Prices rose 3.5 percent.", "In 2023 exports fell.");
	SPLITS("It ended in 2023. 2024 began badly.", "It ended in 2023.", "2024 began badly.");
	SPLITS("no capital after. the stop keeps it together.",
	       "no capital after. the stop keeps it together.");
	SPLITS("Wait... The talks resumed.", "Wait...", "The talks resumed.");
}

static void test_abbreviations(void)
{
	SPLITS("Gen. Smith met Mr. Jones on Sept. 19 at No. 10 Downing St. in London.",
	       "Gen. Smith met Mr. Jones on Sept. 19 at No. 10 Downing St. in London.");
	SPLITS("U.S. officials met Russian envoys.", "U.S. officials met Russian envoys.");
	SPLITS("Troops arrived in the U.S. The talks began later.",
	       "Troops arrived in the U.S.", "The talks began later.");
	SPLITS("The U.S. State Department said so.", "The U.S. State Department said so.");
	SPLITS("J. Smith and K. Lee signed it.", "J. Smith and K. Lee signed it.");
	SPLITS("He spoke in Washington, D.C. They listened.",
	       "He spoke in Washington, D.C.", "They listened.");
	SPLITS("Acme Inc. Chief Executive Jane Doe resigned.",
	       "Acme Inc. Chief Executive Jane Doe resigned.");
	SPLITS("Talks, e.g. Geneva, failed.", "Talks, e.g. Geneva, failed.");
}

static void test_quotes_and_brackets(void)
{
	SPLITS("\"We will fight. We will win,\" the minister said. Others disagreed.",
	       "\"We will fight. We will win,\" the minister said.", "Others disagreed.");
	SPLITS("\xE2\x80\x9CWe will not retreat. Never.\xE2\x80\x9D He left.",
	       "\xE2\x80\x9CWe will not retreat. Never.\xE2\x80\x9D", "He left.");
	SPLITS("\"Why?\" he asked. Nobody answered.", "\"Why?\" he asked.", "Nobody answered.");
	SPLITS("The group (it was founded in 1990. It has 300 members) protested. Police came.",
	       "The group (it was founded in 1990. It has 300 members) protested.", "Police came.");
	SPLITS("They left. (Nobody stayed.) The end came.",
	       "They left.", "(Nobody stayed.)", "The end came.");
	/* A quotation never closed does not swallow the next paragraph. */
	SPLITS("\"He came. He went.\n\nThey stayed. All of them.",
	       "\"He came. He went.", "They stayed.", "All of them.");
}

static void test_paragraphs_and_lines(void)
{
	SPLITS("First paragraph without a stop\n\nSecond paragraph.",
	       "First paragraph without a stop", "Second paragraph.");
	SPLITS("One.\r\n\r\nTwo.\n \n\nThree.", "One.", "Two.", "Three.");
	/* A headline line, then single-line paragraphs. */
	SPLITS("Azerbaijan launches operation in Karabakh\n"
	       "Azerbaijan said on Tuesday it had launched an operation in the region, "
	       "calling it an anti-terrorist measure.\n"
	       "Armenia condemned the move.",
	       "Azerbaijan launches operation in Karabakh",
	       "Azerbaijan said on Tuesday it had launched an operation in the region, "
	       "calling it an anti-terrorist measure.",
	       "Armenia condemned the move.");
	/* Hard-wrapped text: single line breaks are spaces. */
	SPLITS("The Foreign Minister of Azerbaijan met with the\n"
	       "Minister of Foreign Affairs of North Macedonia on\n"
	       "Tuesday. They discussed the region.",
	       "The Foreign Minister of Azerbaijan met with the\n"
	       "Minister of Foreign Affairs of North Macedonia on\nTuesday.",
	       "They discussed the region.");
}

static void test_body_start(void)
{
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	const char *t = "BAKU, Sept 19 (Reuters) - Azerbaijan launched an operation. It ended.";
	doc->text = t;
	doc->len = strlen(t);
	doc->body_start = 26;
	CHECK_INT(cw_sentences(&cw, doc), 0);
	CHECK_INT(doc->nsents, 2);
	if (doc->nsents == 2) {
		CHECK_INT(doc->sents[0].start, 26);
		CHECK_STR(sent(doc, 0), "Azerbaijan launched an operation.");
		CHECK_INT(doc->sents[1].index, 2);
		CHECK(doc->sents[0].toks == NULL && doc->sents[0].ntoks == 0);
		CHECK_INT(doc->sents[0].date.y, 0);
	}
	cw_arena_free(a);
}

static void test_bounds(void)
{
	/* 2 MB on one line, no punctuation: bounded sentences, linear time. */
	size_t n = 2u << 20;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 5);
	big[n] = '\0';
	clock_t t0 = clock();
	curlew_doc *doc = split(big);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 5.0);
	CHECK(doc->nsents >= 350);
	int ok = 1;
	size_t covered = 0;
	for (int i = 0; i < doc->nsents; i++) {
		cw_sentence *s = &doc->sents[i];
		if (s->end - s->start > 6000 || s->end <= s->start)
			ok = 0;
		if (i && s->start < doc->sents[i - 1].end)
			ok = 0;
		if (s->start > 0 && big[s->start - 1] != ' ')
			ok = 0;    /* cut at a space, not inside a word */
		covered += s->end - s->start;
	}
	CHECK(ok);
	CHECK(covered + (size_t)doc->nsents >= n - 1);
	done(doc);

	/* One enormous word is still cut. */
	memset(big, 'x', n);
	doc = split(big);
	CHECK(doc->nsents >= 350);
	done(doc);
	free(big);

	/* Thousands of open brackets and quotes: still linear, still split. */
	n = 1u << 20;
	big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "(\"A. "[i % 5];
	big[n] = '\0';
	t0 = clock();
	doc = split(big);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	CHECK(doc->nsents > 100);
	done(doc);
	free(big);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void test_seed(void)
{
	size_t len;
	char *text = read_file(SHARED_DIR "/seed/tdi-2023-09-20.txt", &len);
	CHECK(text != NULL);
	if (!text)
		return;
	/* The story is one sentence a paragraph: as many as non-blank lines. */
	int paras = 0;
	for (const char *p = text; *p; p++)
		if (*p != '\n' && (p == text || p[-1] == '\n'))
			paras++;
	curlew_doc *doc = split(text);
	CHECK_INT(paras, 16);
	CHECK_INT(doc->nsents, paras);
	const char *first = "New York, 20 September 2023 (TDI): The Foreign Minister";
	CHECK(strncmp(sent(doc, 0), first, strlen(first)) == 0);
	CHECK_STR(sent(doc, 11), "Also read: Pakistan condemns so-called elections in Karabakh, Azerbaijan");
	CHECK(strncmp(sent(doc, paras - 1), "Apart from discussing", 21) == 0);
	done(doc);
	free(text);
}

int main(void)
{
	char err[256] = "";
	if (cw_abbrevs_load(&cw.abbrevs, "data", err, sizeof err) != 0) {
		fprintf(stderr, "abbreviations: %s\n", err);
		return 1;
	}
	CHECK(cw_abbrev_known(cw.abbrevs, "Gen.", 4));
	CHECK(cw_abbrev_known(cw.abbrevs, "U.S.", 4));
	CHECK(cw_abbrev_known(cw.abbrevs, "J.", 2));
	CHECK(cw_abbrev_known(cw.abbrevs, "U.A.E.", 6));
	CHECK(!cw_abbrev_known(cw.abbrevs, "The", 3));
	CHECK(!cw_abbrev_known(cw.abbrevs, "war.", 4));
	CHECK(!cw_abbrev_known(cw.abbrevs, "Gen", 3));

	cw_abbrevs *none = NULL;
	CHECK(cw_abbrevs_load(&none, "/nonexistent-dir", err, sizeof err) != 0);
	CHECK(none == NULL && strstr(err, "abbreviations.txt") != NULL);

	test_basic();
	test_abbreviations();
	test_quotes_and_brackets();
	test_paragraphs_and_lines();
	test_body_start();
	test_bounds();
	if (access(SHARED_DIR, R_OK) == 0)
		test_seed();
	else
		printf("test_sentences: seed story skipped, ../shared is absent\n");
	cw_abbrevs_free(cw.abbrevs);
	return check_done("test_sentences");
}
