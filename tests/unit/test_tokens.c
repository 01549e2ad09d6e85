/* test_tokens.c -- the tokenizer: spans, normalised forms, clitics,
 * hyphens, numbers, abbreviations, flags and the token bound. */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"
#include "check.h"

static struct curlew cw;

/* Tokenises text as one sentence spanning all of it. */
static cw_sentence *tokenize(const char *text, curlew_doc **out)
{
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->id = "t";
	doc->len = strlen(text);
	doc->text = cw_strndup(a, text, doc->len);
	cw_sentence *s = cw_alloc(a, sizeof *s);
	s->index = 1;
	s->start = 0;
	s->end = (uint32_t)doc->len;
	CHECK_INT(cw_tokens(&cw, doc, s), 0);
	*out = doc;
	return s;
}

/* The tokens' normalised texts joined by '|'. */
static const char *joined(curlew_doc *doc, cw_sentence *s, int lower)
{
	size_t n = 1;
	for (int i = 0; i < s->ntoks; i++)
		n += strlen(s->toks[i].text) + 1;
	char *buf = cw_alloc(doc->arena, n), *p = buf;
	for (int i = 0; i < s->ntoks; i++)
		p += sprintf(p, "%s%s", i ? "|" : "", lower ? s->toks[i].lower : s->toks[i].text);
	return buf;
}

/* Every token's span must hold what the token came from. */
static int spans_ok(curlew_doc *doc, cw_sentence *s)
{
	for (int i = 0; i < s->ntoks; i++) {
		cw_token *t = &s->toks[i];
		if (t->end <= t->start || t->end > doc->len)
			return 0;
		if (i && t->start < s->toks[i - 1].end)
			return 0;
		if (t->mention != -1 || t->place != -1)
			return 0;
	}
	return 1;
}

#define TOKS(text, want) do { \
	curlew_doc *d_; \
	cw_sentence *s_ = tokenize(text, &d_); \
	CHECK_STR(joined(d_, s_, 0), want); \
	CHECK(spans_ok(d_, s_)); \
	cw_arena_free(d_->arena); \
} while (0)

static void test_words_and_punct(void)
{
	TOKS("Azerbaijan, Armenia (and Russia) met: talks; peace.",
	     "Azerbaijan|,|Armenia|(|and|Russia|)|met|:|talks|;|peace|.");
	TOKS("Nagorno-Karabakh's anti-terrorist operation",
	     "Nagorno-Karabakh|'s|anti-terrorist|operation");
	TOKS("1,200 troops and 3.5 percent, 2023.", "1,200|troops|and|3.5|percent|,|2023|.");
	TOKS("Gen. Smith and Mr. Jones met U.S. envoys in the U.S.",
	     "Gen.|Smith|and|Mr.|Jones|met|U.S.|envoys|in|the|U.S.");
	TOKS("J. R. Smith left on Sept. 19.", "J.|R.|Smith|left|on|Sept.|19|.");
	TOKS("The war ended.", "The|war|ended|.");
	TOKS("Wait... what?!", "Wait|...|what|?|!");
	TOKS("AT&T and Q&A", "AT&T|and|Q&A");
	TOKS("a -- b", "a|-|b");
	TOKS("  spaced\tout\n words ", "spaced|out|words");
}

static void test_clitics(void)
{
	TOKS("didn't won't can't", "did|n't|wo|n't|ca|n't");
	TOKS("Azerbaijan\xE2\x80\x99s efforts", "Azerbaijan|'s|efforts");
	TOKS("didn\xE2\x80\x99t", "did|n't");
	TOKS("They're we've I'll she'd I'm", "They|'re|we|'ve|I|'ll|she|'d|I|'m");
	TOKS("O'Brien and al-Qa'ida", "O'Brien|and|al-Qa'ida");
	TOKS("the ministers' talks", "the|ministers|'|talks");
	TOKS("n't", "n't");
}

static void test_normalisation(void)
{
	/* Curly quotes, dashes, the minus sign, no-break spaces. */
	TOKS("\xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x80\x98now\xE2\x80\x99", "\"|Peace|\"|'|now|'");
	TOKS("Baku \xE2\x80\x94 Yerevan \xE2\x80\x93 Moscow \xE2\x88\x92" "5",
	     "Baku|-|Yerevan|-|Moscow|-|5");
	TOKS("New\xC2\xA0York", "New|York");
	TOKS("Stop\xE2\x80\xA6", "Stop|...");
	/* A decomposed e + combining acute becomes the composed character. */
	TOKS("Cafe\xCC\x81 talks", "Caf\xC3\xA9|talks");
	TOKS("``Yes,'' he said", "\"|Yes|,|\"|he|said");

	curlew_doc *doc;
	cw_sentence *s = tokenize("\xC3\x89MIGR\xC3\x89S and OSCE Chairman", &doc);
	CHECK_STR(joined(doc, s, 1), "\xC3\xA9migr\xC3\xA9s|and|osce|chairman");
	cw_arena_free(doc->arena);

	s = tokenize("Azerbaijan\xE2\x80\x99s \xE2\x80\x9Cpeace\xE2\x80\x9D", &doc);
	CHECK_INT(s->ntoks, 5);
	if (s->ntoks == 5) {
		/* Offsets point at the original bytes, curly marks included. */
		CHECK_INT(s->toks[0].start, 0);
		CHECK_INT(s->toks[0].end, 10);
		CHECK_INT(s->toks[1].start, 10);
		CHECK_INT(s->toks[1].end, 14);
		CHECK_STR(s->toks[1].text, "'s");
		CHECK_STR(s->toks[1].lower, "'s");
		CHECK_INT(s->toks[2].start, 15);
		CHECK_INT(s->toks[2].end, 18);
		CHECK_INT(s->toks[3].start, 18);
		CHECK_INT(s->toks[3].end, 23);
		CHECK(memcmp(doc->text + s->toks[3].start, "peace", 5) == 0);
		CHECK_INT(s->toks[4].start, 23);
		CHECK_INT(s->toks[4].end, 26);
	}
	cw_arena_free(doc->arena);
}

static void test_flags(void)
{
	curlew_doc *doc;
	cw_sentence *s = tokenize("\"The OSCE met UN envoys in 2023, U.S. officials said.\"", &doc);
	CHECK_STR(joined(doc, s, 0), "\"|The|OSCE|met|UN|envoys|in|2023|,|U.S.|officials|said|.|\"");
	CHECK_STR(joined(doc, s, 1), "\"|the|osce|met|un|envoys|in|2023|,|u.s.|officials|said|.|\"");
	if (s->ntoks == 14) {
		cw_token *t = s->toks;
		CHECK_INT(t[0].flags, CW_T_PUNCT | CW_T_QUOTE);
		CHECK_INT(t[1].flags, CW_T_CAP | CW_T_SENT_START);
		CHECK_INT(t[2].flags, CW_T_CAP | CW_T_ALLCAP);
		CHECK_INT(t[3].flags, 0);
		CHECK_INT(t[4].flags, CW_T_CAP | CW_T_ALLCAP);
		CHECK_INT(t[7].flags, CW_T_NUM);
		CHECK_INT(t[8].flags, CW_T_PUNCT);
		CHECK_INT(t[9].flags, CW_T_CAP | CW_T_ALLCAP);
		CHECK_INT(t[13].flags, CW_T_PUNCT | CW_T_QUOTE);
		CHECK(t[1].text == t[1].text && strcmp(t[3].lower, "met") == 0);
	}
	cw_arena_free(doc->arena);

	s = tokenize("A man", &doc);
	CHECK_INT(s->toks[0].flags, CW_T_CAP | CW_T_SENT_START);   /* one letter: not ALLCAP */
	cw_arena_free(doc->arena);
}

static void test_sentence_span(void)
{
	/* Only the sentence's bytes are read, with doc offsets. */
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->text = "First one. Second one here.";
	doc->len = strlen(doc->text);
	cw_sentence s = { 0 };
	s.index = 2;
	s.start = 11;
	s.end = 27;
	CHECK_INT(cw_tokens(&cw, doc, &s), 0);
	CHECK_INT(s.ntoks, 4);
	CHECK_INT(s.toks[0].start, 11);
	CHECK_STR(s.toks[0].text, "Second");
	CHECK(s.toks[0].flags & CW_T_SENT_START);
	CHECK_INT(s.toks[3].end, 27);
	cw_arena_free(a);
}

static void test_bound(void)
{
	size_t n = 6000;
	char *text = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		text[i] = i % 2 ? ' ' : ',';
	text[n] = '\0';
	curlew_doc *doc;
	cw_sentence *s = tokenize(text, &doc);
	CHECK_INT(s->ntoks, 1000);
	CHECK(doc->warnings != NULL);
	cw_arena_free(doc->arena);
	free(text);

	/* Invalid UTF-8 must not crash the tokenizer (curlew_code rejects it
	 * first, but the stage stands on its own). */
	s = tokenize("bad \xFF\xFE bytes \xE2\x80", &doc);
	CHECK(s->ntoks >= 3);
	CHECK(spans_ok(doc, s));
	cw_arena_free(doc->arena);
}

int main(void)
{
	char err[256] = "";
	if (cw_abbrevs_load(&cw.abbrevs, "data", err, sizeof err) != 0) {
		fprintf(stderr, "abbreviations: %s\n", err);
		return 1;
	}
	test_words_and_punct();
	test_clitics();
	test_normalisation();
	test_flags();
	test_sentence_span();
	test_bound();
	cw_abbrevs_free(cw.abbrevs);
	return check_done("test_tokens");
}
