/*
 * test_chunk.c -- the shallow syntax stage on hand-built sentences: each
 * is lemmatised and tagged by the real stages, then chunked; no parser.
 *
 * Sentences are written in a small notation so that the test does not
 * depend on the tokens, actors and verbs stages:
 *   [Israeli troops]   an actor mention (head: its last word)
 *   *attacked          a verb trigger anchored on the word
 *   *met+with          ... whose pattern's target follows the preposition
 *   !added             a trigger that can introduce reported speech
 * Words are separated by spaces; punctuation is written as its own word.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "coder/coder.h"
#include "check.h"

static curlew cw;

static char *lower_dup(cw_arena *a, const char *w)
{
	char *l = cw_strdup(a, w);
	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

static int add_tok(cw_arena *a, cw_sentence *s, const char *w, uint32_t *pos)
{
	int i = s->ntoks++;
	cw_token *t = &s->toks[i];
	t->text = cw_strdup(a, w);
	t->lower = lower_dup(a, w);
	t->start = *pos;
	t->end = *pos + (uint32_t)strlen(w);
	*pos = t->end + 1;
	t->mention = -1;
	t->place = -1;
	if (isupper((unsigned char)w[0]))
		t->flags |= CW_T_CAP;
	if (ispunct((unsigned char)w[0]))
		t->flags |= CW_T_PUNCT;
	if (w[0] == '"')
		t->flags |= CW_T_QUOTE;
	if (i == 0)
		t->flags |= CW_T_SENT_START;
	return i;
}

/* Builds a sentence from the notation above; the text of the sentence is
 * the words joined by spaces (byte spans point into it). */
static cw_sentence *make(curlew_doc *doc, const char *spec)
{
	cw_arena *a = doc->arena;
	cw_sentence *s = cw_alloc(a, sizeof *s);
	char *copy = cw_strdup(a, spec);
	s->toks = cw_alloc(a, sizeof *s->toks * 128);
	s->ments = cw_alloc(a, sizeof *s->ments * 32);
	s->trigs = cw_alloc(a, sizeof *s->trigs * 32);
	int in_ment = 0;
	uint32_t pos = 0;
	for (char *w = strtok(copy, " "); w; w = strtok(NULL, " ")) {
		int open = 0, close = 0, trig = 0;
		unsigned tflags = 0;
		char *prep = NULL;
		if (*w == '[') {
			open = 1;
			w++;
		}
		if (*w == '*' || *w == '!') {
			trig = 1;
			tflags = *w == '!' ? CW_TR_REPORT : 0;
			w++;
		}
		size_t n = strlen(w);
		if (n > 1 && w[n - 1] == ']') {
			close = 1;
			w[--n] = '\0';
		}
		if (trig && (prep = strchr(w, '+')))
			*prep++ = '\0';
		int i = add_tok(a, s, w, &pos);
		cw_token *t = &s->toks[i];
		if (open) {
			cw_mention *m = &s->ments[s->nments++];
			m->tok_start = i;
			m->also = -1;
			in_ment = 1;
		}
		if (in_ment) {
			cw_mention *m = &s->ments[s->nments - 1];
			t->mention = s->nments - 1;
			m->tok_end = i + 1;
			m->head = i;
			size_t l = strlen(t->lower);
			m->plural = l > 1 && t->lower[l - 1] == 's';
			if (strcmp(t->lower, "he") == 0 || strcmp(t->lower, "they") == 0)
				m->kind = CW_M_PRONOUN;
		}
		if (close)
			in_ment = 0;
		if (trig) {
			cw_trigger *tr = &s->trigs[s->ntrigs++];
			tr->anchor = i;
			tr->tok_start = i;
			tr->tok_end = i + 1;
			strcpy(tr->code, "010");
			tr->flags = tflags;
			tr->target_tok = -1;
			if (prep) {
				tr->prep = cw_strdup(a, prep);
				add_tok(a, s, prep, &pos);
				tr->tok_end = i + 2;
				tr->target_tok = i + 2;
			}
		}
	}
	s->parsed = -1;
	return s;
}

static curlew_doc *new_doc(void)
{
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->cw = &cw;
	return doc;
}

static void free_doc(curlew_doc *doc)
{
	cw_arena_free(doc->arena);
}

static int tok_of(const cw_sentence *s, const char *w)
{
	for (int i = 0; i < s->ntoks; i++)
		if (strcmp(s->toks[i].text, w) == 0)
			return i;
	return -2;
}

static const cw_clause *clause(const cw_sentence *s, const char *verb)
{
	int v = tok_of(s, verb);
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == v)
			return &s->clauses[i];
	return NULL;
}

static int has(const int *arr, int n, int tok)
{
	for (int i = 0; i < n; i++)
		if (arr[i] == tok)
			return 1;
	return 0;
}

static int has_pp(const cw_sentence *s, const cw_clause *c, const char *prep, const char *obj)
{
	for (int i = 0; i < c->npp; i++)
		if (c->pp_prep[i] == tok_of(s, prep) && c->pp_obj[i] == tok_of(s, obj))
			return 1;
	return 0;
}

/* Lemmas and tags by the real stages, then the chunker. */
static cw_sentence *chunk(curlew_doc *doc, cw_sentence *s)
{
	CHECK_INT(cw_lemmas(&cw, doc, s), 0);
	CHECK_INT(cw_tag(&cw, doc, s), 0);
	CHECK_INT(cw_chunk(&cw, doc, s), 0);
	return s;
}

static cw_sentence *run(curlew_doc *doc, const char *spec)
{
	return chunk(doc, make(doc, spec));
}

static void test_active(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Israeli troops] *attacked [Palestinian militants] .");
	CHECK_INT(s->parsed, 0);
	const cw_clause *c = clause(s, "attacked");
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK(has(c->subj, c->nsubj, tok_of(s, "troops")));
	CHECK(has(c->obj, c->nobj, tok_of(s, "militants")));
	CHECK_INT(c->passive, 0);
	CHECK_INT(c->negated, 0);
	CHECK_INT(c->parent, -1);
}

static void test_passive(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "The proposals were *rejected by [the Armenian side] .");
	const cw_clause *c = clause(s, "rejected");
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK_INT(c->passive, 1);
	CHECK_INT(c->agent, tok_of(s, "side"));
	CHECK_INT(c->nobj, 0);
}

static void test_negation(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Azerbaijan] did not *target the civilians .");
	const cw_clause *c = clause(s, "target");
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK_INT(c->negated, 1);
	CHECK(has(c->subj, c->nsubj, tok_of(s, "Azerbaijan")));
	s = run(doc, "[Azerbaijan] *attacked [Armenia] .");
	c = clause(s, "attacked");
	CHECK(c && c->negated == 0);
}

static void test_reported(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[He] !added that [Russia] will *meet+with [Azerbaijan] .");
	const cw_clause *outer = clause(s, "added"), *inner = clause(s, "meet");
	CHECK(outer != NULL && inner != NULL);
	if (!outer || !inner)
		return;
	CHECK_INT(inner->parent, outer - s->clauses);
	CHECK(has(inner->subj, inner->nsubj, tok_of(s, "Russia")));
	CHECK(has_pp(s, inner, "with", "Azerbaijan"));
	CHECK(has(outer->subj, outer->nsubj, tok_of(s, "He")));
}

static void test_compound(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Brazil] and [the United States] *signed an agreement .");
	const cw_clause *c = clause(s, "signed");
	CHECK(c != NULL);
	if (!c)
		return;
	CHECK(has(c->subj, c->nsubj, tok_of(s, "Brazil")));
	CHECK(has(c->subj, c->nsubj, tok_of(s, "States")));
}

static void test_pps(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Vladimir Putin] *met+with [Ilham Aliyev] in Moscow on Tuesday .");
	const cw_clause *c = clause(s, "met");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Putin")));
		CHECK(has_pp(s, c, "with", "Aliyev"));
	}
	s = run(doc, "[Israel] *launched an operation against [Hamas] .");
	c = clause(s, "launched");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Israel")));
}

static void test_coordinated(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Azerbaijani forces] *destroyed the positions and did not *target the civilians .");
	const cw_clause *a = clause(s, "destroyed"), *b = clause(s, "target");
	CHECK(a != NULL && b != NULL);
	if (!a || !b)
		return;
	CHECK(has(a->subj, a->nsubj, tok_of(s, "forces")));
	CHECK(has(b->subj, b->nsubj, tok_of(s, "forces")));
	CHECK_INT(a->negated, 0);
	CHECK_INT(b->negated, 1);
}

/* "rounded up and deported hundreds of migrants": a bare verb joined to
 * a second one shares its object; one whose pattern holds its own does
 * not */
static void test_shared_object(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Police] *beat and *detained [hundreds of demonstrators] .");
	const cw_clause *a = clause(s, "beat"), *b = clause(s, "detained");
	CHECK(a != NULL && b != NULL);
	if (a && b) {
		CHECK(has(b->obj, b->nobj, tok_of(s, "demonstrators")));
		CHECK(has(a->obj, a->nobj, tok_of(s, "demonstrators")));
	}
}

static void test_infinitive(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Azerbaijan] *urged [Israel] to *withdraw its troops .");
	const cw_clause *c = clause(s, "withdraw"), *u = clause(s, "urged");
	CHECK(c != NULL && u != NULL);
	if (c && u) {
		CHECK_INT(c->parent, u - s->clauses);
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Israel")));
	}
}

static void test_folding(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[The Foreign Minister of Azerbaijan] , ( who arrived on Monday ) , "
			     "*met+with [the Armenian side] \" today \" .");
	const cw_clause *c = clause(s, "met");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Azerbaijan")));
		CHECK(has_pp(s, c, "with", "side"));
	}
}

static void test_shallow_extra(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Troops] *killed five [civilians] , [the army] !said .");
	const cw_clause *k = clause(s, "killed"), *sd = clause(s, "said");
	CHECK(k != NULL && sd != NULL);
	if (k && sd) {
		CHECK_INT(k->parent, sd - s->clauses);
		CHECK(has(k->subj, k->nsubj, tok_of(s, "Troops")));
		CHECK(has(sd->subj, sd->nsubj, tok_of(s, "army")));
	}
	s = run(doc, "During talks with [Iran] , [Russia] *criticised [Israel] .");
	k = clause(s, "criticised");
	CHECK(k != NULL);
	if (k) {
		CHECK(has(k->subj, k->nsubj, tok_of(s, "Russia")));
		CHECK(has(k->obj, k->nobj, tok_of(s, "Israel")));
	}
}

static void test_too_long(curlew_doc *doc)
{
	char spec[2048] = "[Russia] *accused [Ukraine] of shelling the town";
	for (int i = 0; i < 20; i++)
		strcat(spec, " and the village");
	strcat(spec, " .");
	cw_sentence *s = run(doc, spec);
	CHECK_INT(s->parsed, 0);
	const cw_clause *c = clause(s, "accused");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Russia")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "Ukraine")));
	}
}

/* "urged" read as a quotation verb with the object for inverted subject */
static void test_urge_not_quotation(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Egypt] and [Qatar] *urged [Israel] and [Hamas] to *agree to a new ceasefire .");
	const cw_clause *u = clause(s, "urged"), *a = clause(s, "agree");
	CHECK(u != NULL);
	if (!u)
		return;
	CHECK(has(u->subj, u->nsubj, tok_of(s, "Egypt")));
	CHECK(has(u->subj, u->nsubj, tok_of(s, "Qatar")));
	CHECK(!has(u->subj, u->nsubj, tok_of(s, "Israel")));
	CHECK(has(u->obj, u->nobj, tok_of(s, "Israel")));
	CHECK(has(u->obj, u->nobj, tok_of(s, "Hamas")));
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->parent, u - s->clauses);
		CHECK(has(a->subj, a->nsubj, tok_of(s, "Israel")));
		CHECK(has(a->subj, a->nsubj, tok_of(s, "Hamas")));
	}
	s = run(doc, "[The Secretary-General] *warned [Russia] to stop the attacks .");
	u = clause(s, "warned");
	CHECK(u != NULL);
	if (u) {
		CHECK(has(u->subj, u->nsubj, tok_of(s, "Secretary-General")));
		CHECK(has(u->obj, u->nobj, tok_of(s, "Russia")));
	}
}

/* an infinitive of purpose belongs to the verb before it and shares its
 * subject when no actor object stands right before "to" */
static void test_purpose(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Russia] *attacked the city to *punish [Ukraine] .");
	const cw_clause *a = clause(s, "attacked"), *p = clause(s, "punish");
	CHECK(a != NULL && p != NULL);
	if (!a || !p)
		return;
	CHECK(has(p->subj, p->nsubj, tok_of(s, "Russia")));
	CHECK(has(p->obj, p->nobj, tok_of(s, "Ukraine")));
	CHECK_INT(p->parent, a - s->clauses);
}

/* the passive's by-agent whatever the parser did with "by" */
static void test_by_agent(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[He] !added that all proposals aimed at reducing tension were "
			     "*rejected by [the Armenian side] .");
	const cw_clause *c = clause(s, "rejected");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->passive, 1);
		CHECK_INT(c->agent, tok_of(s, "side"));
	}
	s = run(doc, "[The Sudanese delegation] was *received by [Egyptian President Sisi] in Cairo .");
	c = clause(s, "received");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->passive, 1);
		CHECK_INT(c->agent, tok_of(s, "Sisi"));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "delegation")));
	}
	/* a title glued to the place after it: the agent is still the title's actor */
	s = run(doc, "[The delegation] was *received by [Egyptian President] in [Cairo] .");
	c = clause(s, "received");
	CHECK(c != NULL);
	if (c)
		CHECK_INT(c->agent, tok_of(s, "President"));
	s = run(doc, "The tanker was *seized on Monday by [Iranian naval forces] in the Gulf .");
	c = clause(s, "seized");
	CHECK(c != NULL);
	if (c)
		CHECK_INT(c->agent, tok_of(s, "forces"));
	/* not a passive: "by" after an active verb with its subject */
	s = run(doc, "[Russia] *stood by [Syria] .");
	c = clause(s, "stood");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->agent, -1);
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Russia")));
	}
}

/* every member of a listed subject or object */
static void test_lists(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Britain] , [France] and [Germany] *criticized [Iran] 's expansion of enrichment .");
	const cw_clause *c = clause(s, "criticized");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Britain")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "France")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Germany")));
	}
	s = run(doc, "[Russia] *warned [Britain] , [France] , and [the United States] against escalation .");
	c = clause(s, "warned");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Russia")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "Britain")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "France")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "States")));
	}
	/* an opening phrase is not a member; a comma alone makes no list */
	s = run(doc, "In [Paris] , [France] and [Germany] *signed an accord .");
	c = clause(s, "signed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "France")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Germany")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Paris")));
	}
	s = run(doc, "[Israel] *attacked [Gaza] , [Hamas] said .");
	c = clause(s, "attacked");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "Gaza")));
		CHECK(!has(c->obj, c->nobj, tok_of(s, "Hamas")));
	}
	s = run(doc, "[Indian] and [Chinese troops] *clashed in the valley .");
	c = clause(s, "clashed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Indian")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "troops")));
	}
}

/* "Putin and Aliyev met": the trigger as the main verb, never a modifier */
static void test_trigger_main_verb(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Putin] and [Aliyev] *met in Moscow .");
	const cw_clause *c = clause(s, "met");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Putin")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Aliyev")));
	}
	s = run(doc, "[French farmers] *protested against [the government] 's tax on diesel fuel .");
	c = clause(s, "protested");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "farmers")));
	s = run(doc, "[The Kremlin] !said [Ukrainian forces] had *shelled a border village .");
	const cw_clause *sd = clause(s, "said");
	c = clause(s, "shelled");
	CHECK(c != NULL && sd != NULL);
	if (c && sd) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "forces")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Kremlin")));
		CHECK(has(sd->subj, sd->nsubj, tok_of(s, "Kremlin")));
	}
}

/* "hundreds of civilians", "20 militants": the actor counted */
static void test_counts(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Paramilitary forces] *massacred hundreds of [Sudanese civilians] in the town .");
	const cw_clause *c = clause(s, "massacred");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->obj, c->nobj, tok_of(s, "civilians")));
	s = run(doc, "[The troops] *killed 20 [Boko Haram militants] in the state .");
	c = clause(s, "killed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "militants")));
		CHECK(!has(c->obj, c->nobj, tok_of(s, "20")));
	}
}

/* "the militant network Jemaah Islamiyah": the name an agent word
 * describes is the object, not the agent word */
static void test_apposed_name(curlew_doc *doc)
{
	cw_sentence *s = make(doc, "[Police] *detained members of [the rebel] movement [Hamas] on Monday .");
	s->ments[1].kind = CW_M_AGENT;
	chunk(doc, s);
	const cw_clause *c = clause(s, "detained");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "Hamas")));
		CHECK(!has(c->obj, c->nobj, tok_of(s, "rebel")));
	}
	/* an agent word with no noun between it and the next name stays */
	s = make(doc, "[Police] *detained [the rebels] [Hamas] named .");
	s->ments[1].kind = CW_M_AGENT;
	chunk(doc, s);
	c = clause(s, "detained");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->obj, c->nobj, tok_of(s, "rebels")));
}

static void test_relative(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[The rebels] , who *attacked [the army] on Monday , fled .");
	const cw_clause *c = clause(s, "attacked");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "rebels")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "army")));
	}
}

/* a genuine inversion after a quotation keeps its subject */
static void test_quoted_inversion(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "\" We will never surrender , \" !said [the Armenian side] .");
	const cw_clause *c = clause(s, "said");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "side")));
}

/* Actor phrases of many words, singular and plural */
static void test_placeholders(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Indian Prime Minister] *visited [Japan] for a trip .");
	const cw_clause *c = clause(s, "visited");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Minister")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "Japan")));
	}
	s = make(doc, "[the Taliban] have *attacked [the army] .");
	s->ments[0].plural = 1;
	chunk(doc, s);
	c = clause(s, "attacked");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Taliban")));
		CHECK(has(c->obj, c->nobj, tok_of(s, "army")));
	}
}

/* The verb that frames an infinitive gets a clause even when it is no
 * trigger: "refused to meet", "voted to lift"; the complement's subject
 * is the governor's. */
static void test_governor(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Russia] refused to *meet [the Ukrainian envoy] in Istanbul .");
	const cw_clause *m = clause(s, "meet"), *r = clause(s, "refused");
	CHECK(m != NULL && r != NULL);
	if (m && r) {
		CHECK_INT(m->parent, r - s->clauses);
		CHECK(has(r->subj, r->nsubj, tok_of(s, "Russia")));
		CHECK(has(m->subj, m->nsubj, tok_of(s, "Russia")));
		CHECK(has(m->obj, m->nobj, tok_of(s, "envoy")));
	}
	s = run(doc, "[Ethiopia 's parliament] voted on Tuesday to *lift the state of emergency .");
	m = clause(s, "lift");
	r = clause(s, "voted");
	CHECK(m != NULL && r != NULL);
	if (m && r) {
		CHECK_INT(m->parent, r - s->clauses);
		CHECK(has(r->subj, r->nsubj, tok_of(s, "parliament")));
	}
	/* "to" after a noun is a preposition: no governor */
	s = run(doc, "[Turkey] sent aid to [Syria] and *condemned [Israel] .");
	m = clause(s, "condemned");
	CHECK(m != NULL && m->parent == -1);
	/* a clause word ends the search for a governor: the infinitive is
	 * inside the that-clause, framed by "said" */
	s = run(doc, "[Officials] said that to *reach [Kabul] was hard .");
	m = clause(s, "reach");
	r = clause(s, "said");
	CHECK(m != NULL && r != NULL);
	if (m && r)
		CHECK_INT(m->parent, r - s->clauses);
}

/* A clause opened by "that" or a subordinator is framed by the verb
 * before it; a relative "that" after a noun frames nothing. */
static void test_frames(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Iran] *warned it would *retaliate if [Israel] *attacked its sites .");
	const cw_clause *w = clause(s, "warned"), *r = clause(s, "retaliate"), *a = clause(s, "attacked");
	CHECK(w != NULL && r != NULL && a != NULL);
	if (w && r && a) {
		CHECK_INT(a->parent, r - s->clauses);
		CHECK(has(a->subj, a->nsubj, tok_of(s, "Israel")));
	}
	s = run(doc, "[Poland] insisted that [Ukraine] *withdraw the complaint .");
	r = clause(s, "withdraw");
	w = clause(s, "insisted");
	CHECK(r != NULL && w != NULL);
	if (r && w) {
		CHECK_INT(r->parent, w - s->clauses);
		CHECK(has(r->subj, r->nsubj, tok_of(s, "Ukraine")));
		CHECK(has(w->subj, w->nsubj, tok_of(s, "Poland")));
	}
	s = run(doc, "[Troops] that *attacked [the village] withdrew .");
	a = clause(s, "attacked");
	CHECK(a != NULL && a->parent == -1);
}

/* What only the tags tell: "was hit" is a passive though "hit" does not
 * look like a participle; a number before an actor is no preposition. */
static void test_tags(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "A grain ship was *hit by [a Russian missile] in the port .");
	const cw_clause *c = clause(s, "hit");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->passive, 1);
		CHECK_INT(c->agent, tok_of(s, "missile"));
	}
	/* a reduced passive: the participle after its noun, "by" right after */
	s = run(doc, "[Rebels] *backed by [Rwanda] seized the town .");
	c = clause(s, "backed");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->passive, 1);
		CHECK_INT(c->agent, tok_of(s, "Rwanda"));
	}
	s = run(doc, "[The army] *killed 20 [militants] .");
	c = clause(s, "killed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "militants")));
		CHECK_INT(c->npp, 0);
	}
}

/* "X did A to B in C and did D": the second verb's subject is X, not the
 * actor in the first verb's phrase; a subordinate "and" keeps its own */
static void test_shared_subject(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Islamic State militants] massacred 80 men in [northern Iraq] "
			     "and *abducted the women .");
	const cw_clause *c = clause(s, "abducted");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "militants")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Iraq")));
	}
	/* the verb before "and" is the finite one, not an infinitive between */
	s = run(doc, "[NATO leaders] welcomed the plan of [Sweden] to increase spending and *backed its bid .");
	c = clause(s, "backed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "leaders")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Sweden")));
	}
	s = run(doc, "[Russia] *attacked [Ukraine] after [Kyiv] *shelled and *captured the town .");
	c = clause(s, "captured");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Kyiv")));
}

/* ", warning Moscow": a participle after a comma hangs on the finite
 * clause before it (not one opened by a subordinator) and has its subject,
 * not the nearest actor; a passive host lends none */
static void test_adjunct(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Russia] massed troops near the [Ukrainian] border , [Antony Blinken] "
			     "!said on Wednesday , *warning [Moscow] .");
	const cw_clause *c = clause(s, "warning");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Blinken")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Ukrainian")));
		CHECK_INT(c->adjunct, 1);
	}
	s = run(doc, "[Serb forces] have *driven thousands from their homes since [NATO] air strikes "
		"began last week , *burning villages .");
	c = clause(s, "burning");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "forces")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "NATO")));
	}
	s = run(doc, "[Ten protesters] were *arrested in [Minsk] on Monday , *sparking clashes .");
	c = clause(s, "sparking");
	CHECK(c != NULL);
	if (c)
		CHECK_INT(c->adjunct, 0);
}

/* ", and Armenia denied that ...": a report opened by "and" after a comma
 * is a clause of its own, not the attribution of the clause before; a
 * bare trailing attribution still is */
static void test_joined_report(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Azerbaijan] *accused [Armenian forces] of massacres , and [Armenia] "
			     "!denied that its troops were involved .");
	const cw_clause *c = clause(s, "accused");
	CHECK(c != NULL);
	if (c)
		CHECK_INT(c->parent, -1);
	s = run(doc, "[Rebels] *attacked [the town] on Monday , [the army] !said .");
	c = clause(s, "attacked");
	const cw_clause *r = clause(s, "said");
	CHECK(c != NULL && r != NULL);
	if (c && r)
		CHECK_INT(c->parent, (int)(r - s->clauses));
}

/* A listed actor's premodifiers and a title joined to its name do not
 * break the list ("X and the leftist Y", "X and opposition leader Y");
 * a participle verb before "and" is no premodifier */
static void test_list_premodifiers(curlew_doc *doc)
{
	cw_sentence *s = make(doc, "[President Mwai Kibaki] and [opposition leader] [Raila Odinga] "
			      "*signed a deal .");
	s->ments[1].kind = CW_M_AGENT;
	chunk(doc, s);
	const cw_clause *c = clause(s, "signed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Kibaki")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Odinga")));
	}
	s = run(doc, "[the government] and the leftist [Guatemalan National Revolutionary Unity] "
		"*signed a final peace accord .");
	c = clause(s, "signed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "government")));
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Unity")));
	}
	s = run(doc, "[Pedro Carmona] was sworn in as interim [president] and *dissolved "
		"[the National Assembly] and [the Supreme Court] .");
	c = clause(s, "dissolved");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "Court")));
		CHECK(!has(c->obj, c->nobj, tok_of(s, "president")));
	}
}

/* An actor inside a modifier of the subject is not the subject: the
 * agent of a reduced passive, an actor in a relative clause */
static void test_modifiers(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[M23 rebels] backed by [Rwanda] *seized the city of [Goma] .");
	const cw_clause *c = clause(s, "seized");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "rebels")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Rwanda")));
	}
	s = run(doc, "[Two gunmen] who claimed to belong to [al Qaeda] in [Yemen] *stormed the offices .");
	c = clause(s, "stormed");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "gunmen")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Yemen")));
	}
	/* "soldiers from Gondor": the actor before "from" acts */
	s = run(doc, "[Soldiers] from [Gondor] have *cordoned off the roads .");
	c = clause(s, "cordoned");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Soldiers")));
	s = run(doc, "[The Chinese embassy] in [Canberra] *rejected [Australia] 's call .");
	c = clause(s, "rejected");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->subj, c->nsubj, tok_of(s, "embassy")));
		CHECK(!has(c->subj, c->nsubj, tok_of(s, "Canberra")));
	}
	/* a relative clause with no verb of its own between: the nearest actor */
	s = run(doc, "[The rebels] , who [Rwanda] *backed , fled .");
	c = clause(s, "backed");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->subj, c->nsubj, tok_of(s, "Rwanda")));
}

/* ", the ministry said": the speaker of a reporting frame is no object
 * of the verb before the comma; a listed object after a comma still is */
static void test_report_frame(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Crowds] *burned down its embassy , [a senior official] !said .");
	const cw_clause *c = clause(s, "burned");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->nobj, 0);
		CHECK_INT(c->npp, 0);
	}
	s = run(doc, "[Russia] *warned [Britain] , [France] and [Germany] , [the ministry] !said .");
	c = clause(s, "warned");
	CHECK(c != NULL);
	if (c) {
		CHECK(has(c->obj, c->nobj, tok_of(s, "Germany")));
		CHECK(!has(c->obj, c->nobj, tok_of(s, "ministry")));
	}
}

/* With a compound subject, an actor in a place phrase further on is the
 * venue: "in" before it, not an object; one subject keeps the object */
static void test_venue(curlew_doc *doc)
{
	cw_sentence *s = run(doc, "[Armenia] and [Azerbaijan] *resumed talks in [Vienna] on Monday .");
	const cw_clause *c = clause(s, "resumed");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->nobj, 0);
		CHECK(has_pp(s, c, "in", "Vienna"));
	}
	s = run(doc, "[Israel] *bombed targets in [Gaza] .");
	c = clause(s, "bombed");
	CHECK(c != NULL);
	if (c)
		CHECK(has(c->obj, c->nobj, tok_of(s, "Gaza")));
}

/* explain's view: noun phrases, verb groups, prepositions */
static void test_render(curlew_doc *doc)
{
	doc->explain = 1;
	cw_sentence *s = run(doc, "[The Greek government] *urged [the European Union] to share the burden "
			     "of hosting [migrants] .");
	CHECK_STR(s->parse_text, "[NP The Greek government] [VG urged] [NP the European Union] "
		  "[VG to share] [NP the burden] [PP of] [VG hosting] [NP migrants] .");
	doc->explain = 0;
	s = run(doc, "[Russia] did not *attack [Ukraine] .");
	CHECK(s->parse_text == NULL);
	const cw_clause *c = clause(s, "attack");
	CHECK(c != NULL && c->negated);
}

static void all(void)
{
	curlew_doc *doc = new_doc();
	test_active(doc);
	test_apposed_name(doc);
	test_passive(doc);
	test_negation(doc);
	test_reported(doc);
	test_compound(doc);
	test_pps(doc);
	test_coordinated(doc);
	test_shared_object(doc);
	test_folding(doc);
	test_shallow_extra(doc);
	test_too_long(doc);
	test_urge_not_quotation(doc);
	test_by_agent(doc);
	test_purpose(doc);
	test_lists(doc);
	test_trigger_main_verb(doc);
	test_counts(doc);
	test_relative(doc);
	test_quoted_inversion(doc);
	test_placeholders(doc);
	test_infinitive(doc);
	test_governor(doc);
	test_frames(doc);
	test_tags(doc);
	test_shared_subject(doc);
	test_adjunct(doc);
	test_joined_report(doc);
	test_list_premodifiers(doc);
	test_modifiers(doc);
	test_report_frame(doc);
	test_venue(doc);
	test_render(doc);
	free_doc(doc);
}

int main(void)
{
	char err[512] = "";
	CHECK_INT(cw_lemmas_init(), 0);
	int rc = cw_tagger_load(&cw.tagger, "data", err, sizeof err);
	if (rc < 0)
		fprintf(stderr, "tagger: %s\n", err);
	CHECK_INT(rc, 0);
	rc = cw_syntax_load(&cw.syntax, "data", err, sizeof err);
	if (rc < 0)
		fprintf(stderr, "syntax: %s\n", err);
	CHECK_INT(rc, 0);
	all();
	cw_syntax_free(cw.syntax);
	cw_tagger_free(cw.tagger);
	return check_done("test_chunk");
}
