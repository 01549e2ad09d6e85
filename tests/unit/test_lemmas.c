/* test_lemmas.c -- WordNet base forms, the stopword fast path, and the
 * read-only tables answering the same pointer from several threads. */
#include <pthread.h>
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

static void *lookups(void *arg)
{
	(void)arg;
	static const char *const w[] = { "met", "held", "attacked", "talks", "fought", "said" };
	for (int k = 0; k < 2000; k++)
		if (!cw_lemma(w[k % 6], 'v'))
			return (void *)1;
	return NULL;
}

static cw_token tok(cw_arena *a, const char *w, unsigned flags)
{
	cw_token t = { 0 };
	t.text = t.lower = cw_strdup(a, w);
	t.flags = flags;
	t.mention = t.place = -1;
	return t;
}

int main(void)
{
	CHECK_INT(cw_lemmas_init(), 0);
	CHECK_INT(cw_lemmas_init(), 0);   /* idempotent: every curlew_open calls it */

	CHECK_STR(cw_lemma("met", 'v'), "meet");
	CHECK_STR(cw_lemma("held", 'v'), "hold");
	CHECK_STR(cw_lemma("rejected", 'v'), "reject");
	CHECK_STR(cw_lemma("fought", 'v'), "fight");
	CHECK_STR(cw_lemma("said", 'v'), "say");
	CHECK_STR(cw_lemma("took", 'v'), "take");
	CHECK_STR(cw_lemma("meet", 'v'), "meet");          /* already a base form */
	CHECK_STR(cw_lemma("talks", 'n'), "talk");
	CHECK_STR(cw_lemma("talks", 'v'), "talk");
	CHECK_STR(cw_lemma("sanctions", 'n'), "sanction");
	CHECK_STR(cw_lemma("operation", 'n'), "operation");
	CHECK_STR(cw_lemma("illegal", 'a'), "illegal");
	CHECK(cw_lemma("operation", 'v') == NULL);
	CHECK(cw_lemma("xqzzyq", 'v') == NULL);
	CHECK(cw_lemma("", 'v') == NULL);
	CHECK(cw_lemma("met", 'x') == NULL);
	/* Answers point into the tables: the same pointer every time. */
	CHECK(cw_lemma("met", 'v') == cw_lemma("met", 'v'));
	CHECK(cw_lemma("meets", 'v') == cw_lemma("met", 'v'));
	/* WordNet's morphy on hyphenated words: each part inflects on its own,
	 * and an index variant ("cosponsor") keeps the word as written. */
	CHECK_STR(cw_lemma("cross-bred", 'v'), "cross-breed");
	CHECK_STR(cw_lemma("co-sponsored", 'v'), "co-sponsor");
	CHECK(cw_lemma("co-sponsored", 'v') == cw_lemma("co-sponsors", 'v'));
	CHECK_STR(cw_lemma("buy-backs", 'n'), "buy-back");
	CHECK(cw_lemma("die-hards", 'v') == NULL);
	CHECK_STR(cw_lemma("better", 'a'), "good");        /* adj.exc */
	CHECK_STR(cw_lemma("women", 'n'), "woman");        /* noun.exc */

	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, lookups, NULL);
	int bad = 0;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(th[i], &r);
		bad += r != NULL;
	}
	CHECK_INT(bad, 0);

	cw_arena *a = cw_arena_new();
	cw_token toks[] = {
		tok(a, "the", 0), tok(a, "ministers", 0), tok(a, "held", 0),
		tok(a, "talks", 0), tok(a, "in", 0), tok(a, "2023", CW_T_NUM),
		tok(a, ",", CW_T_PUNCT),
	};
	cw_sentence s = { 0 };
	s.toks = toks;
	s.ntoks = (int)(sizeof toks / sizeof *toks);
	CHECK_INT(cw_lemmas(NULL, NULL, &s), 0);
	CHECK(toks[0].vlemma == NULL && toks[0].nlemma == NULL);  /* stopword */
	CHECK_STR(toks[1].nlemma, "minister");
	CHECK_STR(toks[2].vlemma, "hold");
	CHECK_STR(toks[3].nlemma, "talk");
	CHECK(toks[4].vlemma == NULL);
	CHECK(toks[5].vlemma == NULL && toks[5].nlemma == NULL);
	CHECK(toks[6].vlemma == NULL);
	cw_arena_free(a);
	return check_done("test_lemmas");
}
