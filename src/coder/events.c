/*
 * events.c -- turns verb triggers, clauses and actor mentions into events:
 * who (source) did what to whom (target), when and where.  What an act
 * is -- its code, or nothing -- the frames stage has said (trigger->fcode);
 * this stage chooses its arguments among the mentions, and adds no mention
 * of its own (implied targets and agents' countries are resolve.c's).
 *
 * The choices, in order:
 *  - an act its frame leaves uncoded is skipped ("did not target", "to
 *    protest", the content of "condemned the attack"), as is a trigger
 *    inside a more specific one;
 *  - the source is the clause's subject, or for a passive the by-agent;
 *    the target is the pattern's target slot, else the pattern's
 *    preposition object, else the direct object, else a with/against/to/on
 *    object, else the target of the act it governs;
 *  - a demand or appeal told by a cue that is no pattern ("X said Y must
 *    withdraw") is the demander's, aimed at the one who must act;
 *  - a nominal trigger ("the operation against X") takes its source from an
 *    actor word just before it ("Azerbaijani operation"), else from the
 *    subject of the clause it sits in, climbing out of reported speech;
 *  - compound subjects and objects give one event per pair, and "both
 *    sides" gives the two directions;
 *  - a bare statement ("X said") is coded 010 only when nothing more
 *    specific was found in the sentence;
 *  - once resolve.c has given the targets, two events of one category
 *    and one source country are merged (cw_events_merge).
 *
 * Its words (prepositions, relatives, the forms of "be") are the lists of
 * data/lexicon.txt; its token windows are the named reaches below.
 */
#include <string.h>
#include "coder.h"

/* A sentence rarely tells of more than a few acts; a long list of pairs
 * ("A, B, C and D met E, F and G") is cut rather than charted in full. */
#define MAX_EVENTS_PER_SENTENCE 12

/* Token windows.  News puts the words that tie an actor to an act close
 * together; these reaches were set on the development stories and are
 * named so that each rule's reach can be found and argued about. */
#define NP_REACH 4           /* an actor word modifying a noun: "Iran's new nuclear programme" */
#define MODIFIER_REACH 3     /* adjectives and an article after "and": "and the evil awful Gondor" */
#define SLOT_REACH 4         /* from a slot or "by" to its actor: "by the two Ukrainian" */
#define PHRASE_REACH 3       /* from a preposition or "that" to its actor: "to the Ukrainian" */
#define PARENT_DEPTH 8       /* clauses climbed out of reported speech for a subject */
#define ATTRIBUTION_REACH 8  /* ", the foreign ministry of X said": comma to the saying verb */
#define ATTRIBUTION_MIN 4    /* a comma this far in can end a report before its attribution */
#define CLAUSE_REACH 10      /* a to/with phrase further on in the same clause */
#define PURPOSE_REACH 12     /* "pledged an additional $500 million in loans to help Sri Lanka" */
#define AUX_REACH 3          /* "were not immediately rejected": the be-verb before a passive */
#define REL_REACH 3          /* "that has seized": a relative word before its verb */
#define SETTING_REACH 3      /* "at a campaign rally": the preposition before a noun event */
#define SETTING_MAX 8        /* ... reached past an owner's name: "for Tehran's missile attack" */
#define DURATION_WORDS 3     /* ... or past a stretch of time: "after [18 days of] protests" */
#define ADVERBIAL_REACH 12   /* "a day after protesters stormed": the subordinator before the verb */
#define SUBJECT_GAP 3        /* "X on Thursday denied": words between a subject and its verb */
#define AND_REACH 3          /* ", and in return Trump agreed": "and" to the subject it joins */

typedef struct ctx {
	const curlew *cw;
	curlew_doc *doc;
	cw_sentence *s;
	int cap;       /* event array capacity */
	uint64_t *lex; /* each token's lexicon lists (cw_lex_mask), or NULL */
	int dropped;   /* 1 + the last trigger noted in doc->agentless, or 0 */
} ctx;

static int usable(const ctx *x, int m)
{
	const cw_sentence *s = x->s;
	return m >= 0 && m < s->nments && s->ments[m].code[0] != '\0';
}

static int is_word(const ctx *x, int t, const char *w)
{
	const cw_sentence *s = x->s;
	return t >= 0 && t < s->ntoks && strcmp(s->toks[t].lower, w) == 0;
}

/* Bit 63 of a token's lexicon set says it has been looked up (a 64th
 * list, which would share the bit, is asked without the cache); the
 * ending lists hold endings, not words, and are asked with ends(). */
#define LEX_KNOWN_BIT 63
#define LEX_KNOWN ((uint64_t)1 << LEX_KNOWN_BIT)

/* Is token t a word of the lexicon's list? */
static int lx(const ctx *x, int t, int list)
{
	const cw_sentence *s = x->s;
	if (t < 0 || t >= s->ntoks)
		return 0;
	if (!x->lex || list >= LEX_KNOWN_BIT)
		return cw_lex_has(x->cw->lexicon, list, s->toks[t].lower);
	if (!(x->lex[t] & LEX_KNOWN))
		x->lex[t] = cw_lex_mask(x->cw->lexicon, s->toks[t].lower) | LEX_KNOWN;
	return (int)(x->lex[t] >> list & 1);
}

/* Does token t end in one of the list's endings (-ing, -ed)? */
static int ends(const ctx *x, int t, int list)
{
	return cw_lex_ends(x->cw->lexicon, list, x->s->toks[t].lower);
}

static int violent(const ctx *x, const char *code)
{
	return cw_code_violent(x->cw->codes, code);
}

static int is_verb(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == tok)
			return 1;
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && !(s->trigs[i].flags & CW_TR_NOMINAL))
			return 1;
	return 0;
}

/* The actor a noun phrase names, given its head word: the head itself, or
 * an actor word modifying it from the left ("Russian positions", "Iran's
 * execution of protesters", "Hamas targets"). */
static int mention_at(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	if (tok < 0 || tok >= s->ntoks)
		return -1;
	int m = s->toks[tok].mention;
	if (m >= 0)
		return m;
	for (int t = tok - 1; t >= 0 && t >= tok - NP_REACH; t--) {
		const cw_token *k = &s->toks[t];
		if (is_verb(x, t))
			return -1;   /* "expressed sympathy": the phrase starts after the verb */
		if (k->mention >= 0)
			return usable(x, k->mention) ? k->mention : -1;
		if ((k->flags & CW_T_PUNCT) && !lx(x, t, CW_LX_POSSESSIVE) && strcmp(k->lower, "-") != 0)
			return -1;
		if (lx(x, t, CW_LX_NP_BREAKS))
			return -1;
	}
	return -1;
}

/* "and the evil awful Gondor", "and neighbouring France": adjectives and
 * an article between a conjunction and the actor.  Returns the token
 * after them, looking right (dir 1), or before them, looking left (-1). */
static int past_modifiers(const ctx *x, int t, int dir)
{
	const cw_sentence *s = x->s;
	for (int k = 0; k < MODIFIER_REACH && t >= 0 && t < s->ntoks; k++, t += dir) {
		const cw_token *w = &s->toks[t];
		if (w->mention >= 0 || w->flags & (CW_T_PUNCT | CW_T_CAP) || lx(x, t, CW_LX_AND) ||
		    (!lx(x, t, CW_LX_ARTICLES) && (w->vlemma || !cw_lemma(w->lower, 'a'))))
			break;
	}
	return t;
}

/* "Russia and Belarus", "Britain, France and Germany": the actors joined to
 * mention m on its right. */
static int conjuncts(const ctx *x, int m, int *out, int max)
{
	const cw_sentence *s = x->s;
	int n = 0, upto_and = 0;   /* a list counts only up to its "and" */
	int t = s->ments[m].tok_end;
	while (n < max && t < s->ntoks) {
		if (!lx(x, t, CW_LX_AND) && !is_word(x, t, ","))
			break;
		int joined_by_and = lx(x, t, CW_LX_AND) || lx(x, t + 1, CW_LX_AND);
		t++;
		if (lx(x, t, CW_LX_AND))
			t++;
		t = past_modifiers(x, t, 1);
		if (t >= s->ntoks || s->toks[t].mention < 0 || !usable(x, s->toks[t].mention))
			break;
		int c = s->toks[t].mention;
		/* "Kibaki and opposition leader Raila Odinga": a title joined
		 * to the name after it is that one member, not two */
		int e = s->ments[c].tok_end;
		if (s->ments[c].kind == CW_M_AGENT && e < s->ntoks && usable(x, s->toks[e].mention) &&
		    s->toks[e].mention != c && s->ments[s->toks[e].mention].tok_start == e)
			c = s->toks[e].mention;
		out[n++] = c;
		if (joined_by_and)
			upto_and = n;
		t = s->ments[c].tok_end;
	}
	return upto_and;
}

/* "Egypt, Ethiopia and Sudan": the actors joined to mention m on its left
 * (parsers often give only the last conjunct as the subject). */
static int conjuncts_left(const ctx *x, int m, int *out, int max)
{
	const cw_sentence *s = x->s;
	int n = 0;
	int t = past_modifiers(x, s->ments[m].tok_start - 1, -1);
	/* "Britain, France and Germany" read from Germany: the first link
	 * must be "and"; "..., both sides" after a comma is no list */
	if (!lx(x, t, CW_LX_AND))
		return 0;
	while (n < max && t > 0) {
		if (!lx(x, t, CW_LX_AND) && !is_word(x, t, ","))
			break;
		t--;
		if (is_word(x, t, ","))
			t--;
		if (t < 0 || s->toks[t].mention < 0 || !usable(x, s->toks[t].mention))
			break;
		int c = s->toks[t].mention;
		out[n++] = c;
		t = past_modifiers(x, s->ments[c].tok_start - 1, -1);
	}
	return n;
}

/* Adds to list the conjuncts of every actor in it that are not there yet. */
static int widen(const ctx *x, int *list, int n, int max)
{
	int orig = n;
	for (int i = 0; i < orig && n < max; i++) {
		int more[CW_MAX_ARGS * 2];
		int k = conjuncts(x, list[i], more, CW_MAX_ARGS);
		k += conjuncts_left(x, list[i], more + k, CW_MAX_ARGS);
		for (int j = 0; j < k && n < max; j++) {
			int dup = 0;
			for (int q = 0; q < n; q++)
				dup |= list[q] == more[j];
			if (!dup)
				list[n++] = more[j];
		}
	}
	return n;
}

/* A trigger whose words lie inside another, more specific trigger's words
 * is part of that pattern, not an event of its own. */
static int swallowed(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		/* "threatened military action against": a trigger whose anchor
		 * is among the words of another that began before it and
		 * reaches on past them is that act's object, not an act of its
		 * own, however long the pattern that matched it */
		if (j != i && u->tok_start < t->tok_start && t->anchor < u->tok_end &&
		    u->tok_end < t->tok_end)
			return 1;
		if (j == i || u->specificity < t->specificity)
			continue;
		if (u->specificity == t->specificity && j > i)
			continue;
		if (u->tok_start <= t->tok_start && t->tok_end <= u->tok_end && u->anchor != t->anchor)
			return 1;
		if (u->anchor == t->anchor && u->specificity > t->specificity)
			return 1;
	}
	return 0;
}

/* The clause whose content verb is the trigger's anchor or lies within
 * the trigger's words. */
static const cw_clause *clause_of(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == t->anchor)
			return &s->clauses[i];
	for (int i = 0; i < s->nclauses; i++) {
		int v = s->clauses[i].verb;
		if (v >= t->tok_start && v < t->tok_end)
			return &s->clauses[i];
	}
	return NULL;
}

/* The clause a noun sits in: the nearest clause verb before it. */
static const cw_clause *clause_around(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	const cw_clause *best = NULL;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb < tok && (!best || c->verb > best->verb))
			best = c;
	}
	return best;
}

static int first_subject(const ctx *x, const cw_clause *c);

/* The subject of the closest clause before tok that has an actor for one. */
static int subject_before(const ctx *x, int tok, int active)
{
	const cw_sentence *s = x->s;
	int best = -1, best_verb = -1;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb >= tok || c->verb <= best_verb || (active && c->passive))
			continue;
		for (int k = 0; k < c->nsubj; k++) {
			int m = s->toks[c->subj[k]].mention;
			if (c->subj[k] >= 0 && c->subj[k] < s->ntoks && usable(x, m)) {
				best = m;
				best_verb = c->verb;
				break;
			}
		}
	}
	return best;
}

static int first_subject(const ctx *x, const cw_clause *c)
{
	const cw_sentence *s = x->s;
	for (int depth = 0; c && depth < PARENT_DEPTH; depth++) {
		for (int i = 0; i < c->nsubj; i++) {
			int m = mention_at(x, c->subj[i]);
			if (usable(x, m))
				return m;
		}
		c = c->parent >= 0 && c->parent < s->nclauses ? &s->clauses[c->parent] : NULL;
	}
	return -1;
}

/* Prepositions that introduce whom an act is aimed at (place prepositions
 * never give a target). */
static int target_prep(const ctx *x, const char *p)
{
	return cw_lex_has(x->cw->lexicon, CW_LX_TARGET_PREPS, p);
}

/* The first usable mention starting at tok or within a few words after it
 * (the slot's determiners and adjectives). */
static int mention_from(const ctx *x, int tok, int reach)
{
	const cw_sentence *s = x->s;
	for (int t = tok; t >= 0 && t < s->ntoks && t <= tok + reach; t++) {
		int m = s->toks[t].mention;
		if (usable(x, m))
			return m;
		if (s->toks[t].flags & CW_T_PUNCT && s->toks[t].text[0] != '\'')
			break;
	}
	return -1;
}

static int pattern_target(const ctx *x, const cw_trigger *t, const cw_clause *c)
{
	const cw_sentence *s = x->s;
	if (t->target_tok >= 0)
		return mention_from(x, t->target_tok, SLOT_REACH);
	if (t->prep && c) {
		for (int i = 0; i < c->npp; i++)
			if (c->pp_prep[i] >= 0 && strcmp(s->toks[c->pp_prep[i]].lower, t->prep) == 0) {
				int m = mention_at(x, c->pp_obj[i]);
				if (usable(x, m))
					return m;
			}
	}
	return -1;
}

/* "agreed to hold talks in Vienna", "signed agreements at the White
 * House": a place or a body after a preposition of place is where, not
 * whom, whatever the parse made of it. */
static int placed(const ctx *x, int m)
{
	const cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[m];
	if (a->kind == CW_M_AGENT || a->kind == CW_M_PRONOUN)
		return 0;   /* "fired tear gas at protesters": a party */
	int p = s->ments[m].tok_start - 1;
	/* "in northeast Syria", "in the southern Lebanese town": a region's
	 * adjectives between the preposition and the place */
	for (int k = 0; k < MODIFIER_REACH && p > 0 && !(s->toks[p].flags & CW_T_CAP) &&
			(s->toks[p].pos == CW_POS_JJ || s->toks[p].pos == CW_POS_NN); k++)
		p--;
	if (lx(x, p, CW_LX_ARTICLES))
		p--;
	if (!lx(x, p, CW_LX_PLACE_PREPS))
		return 0;
	/* "fired at Israel" aims at a country; "at the White House" is where */
	return !(lx(x, p, CW_LX_AIMING_PREPS) && strcmp(a->code, a->country) == 0);
}

static int clause_target(const ctx *x, const cw_clause *c, int *objs, int max)
{
	const cw_sentence *s = x->s;
	int n = 0;
	for (int i = 0; i < c->nobj && n < max; i++) {
		int m = mention_at(x, c->obj[i]);
		if (usable(x, m) && !placed(x, m))
			objs[n++] = m;
	}
	if (n)
		return n;
	for (int i = 0; i < c->npp && n < max; i++) {
		if (c->pp_prep[i] < 0 || !target_prep(x, s->toks[c->pp_prep[i]].lower))
			continue;
		int m = mention_at(x, c->pp_obj[i]);
		if (usable(x, m) && s->ments[m].kind != CW_M_CAPITAL)
			objs[n++] = m;
	}
	return n;
}

/* Without a clause (the parser found no verb there): the nearest actor
 * before the anchor in the same stretch of text, and the first after it. */
/* Does the sentence open with an adverbial phrase ("Apart from discussing
 * the conflict between A and B, ...")?  Its actors are not the subject. */
static int fronted(const ctx *x)
{
	return lx(x, 0, CW_LX_OPENERS);
}

static int nearest_left(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	int front = fronted(x);
	for (int t = tok - 1; t >= 0; t--) {
		if (s->toks[t].text[0] == ';' || s->toks[t].text[0] == ':')
			break;
		if (front && s->toks[t].text[0] == ',')
			break;
		int m = s->toks[t].mention;
		if (usable(x, m) && s->ments[m].kind != CW_M_CAPITAL)
			return m;
	}
	return -1;
}

static int nearest_right(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int t = tok + 1; t < s->ntoks; t++) {
		if (s->toks[t].text[0] == ';' || s->toks[t].text[0] == ':')
			break;
		int m = s->toks[t].mention;
		if (!usable(x, m))
			continue;
		if (lx(x, s->ments[m].tok_start - 1, CW_LX_PLACE_PREPS))
			continue;
		return m;
	}
	return -1;
}

/* Intentions, appeals, demands, refusals and threats: acts about
 * another act, aimed at whom that act is aimed at (frames.txt says which
 * codes govern an act, and in which frame). */
static int intent_like(const ctx *x, const cw_trigger *t)
{
	int f = cw_frame_governed(x->cw->frames, x->s, t);
	return f == CW_F_APPEALED || f == CW_F_INTENDED || f == CW_F_DEMANDED || f == CW_F_REFUSED ||
	       f == CW_F_THREATENED || f == CW_F_PROMISED;
}

/* "Ruto deployed the army", "sent soldiers into the assembly": for a show
 * or use of one's own forces (the means class), the source's forces -- of
 * its country, or of none yet -- are what it uses, and the target is to
 * be found further on. */
static int means(const ctx *x, const cw_trigger *t, int src, int m)
{
	const cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src], *b = &s->ments[m];
	if (!cw_code_is(x->cw->codes, t->code, CW_CC_MEANS) || !b->nsectors ||
	    (b->country[0] && strcmp(a->country, b->country) != 0))
		return 0;
	char sector[4];
	snprintf(sector, sizeof sector, "%s", b->sectors[0]);
	cw_lower_ascii(sector);
	return cw_lex_has(x->cw->lexicon, CW_LX_FORCE_SECTORS, sector);
}

/* Of one country, one of the two its state named as a whole ("Colombia"
 * and a Colombian drug lord): a party of the source's own side. */
static int same_country_state(const ctx *x, int a, int b)
{
	const cw_sentence *s = x->s;
	const cw_mention *p = &s->ments[a], *q = &s->ments[b];
	return p->country[0] && strcmp(p->country, q->country) == 0 &&
	       (strcmp(p->code, p->country) == 0 || strcmp(q->code, q->country) == 0);
}

/* The same actor, or a country and its own government ("the Azerbaijani
 * minister ... claims against Azerbaijan"): not a dyad worth an event. */
static int same_actor(const ctx *x, int a, int b)
{
	return cw_same_actor(x->cw->lexicon, x->s, a, b);
}

/* "called on his supporters to defend their votes", "urged its members
 * to stay calm": an appeal (02x) to one's own followers, named by an
 * agent word of their own rather than a pronoun or the source's name, is
 * aimed at them though their code is the source's (the gold codes these
 * as the source's country, GUIDE: appeals by the one appealing). */
int cw_own_followers(const cw_sentence *s, const char *code, int src, int tgt)
{
	const cw_mention *a = &s->ments[src], *b = &s->ments[tgt];
	return src != tgt && code && strncmp(code, "02", 2) == 0 && b->kind == CW_M_AGENT &&
	       a->country[0] && b->tok_start > a->tok_end;
}

/* Does the comma at tok open a trailing attribution (", the ministry
 * said")?  What follows names the reporter, not the news. */
static int trailing_said(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int k = tok + 1; k < s->ntoks && k <= tok + ATTRIBUTION_REACH; k++) {
		for (int i = 0; i < s->ntrigs; i++)
			if (s->trigs[i].anchor == k && (s->trigs[i].flags & CW_TR_SAY))
				return 1;
		if (s->toks[k].flags & CW_T_PUNCT)
			return 0;
	}
	return 0;
}

/* Do two codes tell of one act when they come together: the same root,
 * unless the root's codes name different measures ("imposed a state of
 * emergency and a curfew": class "each" of cameo-codes.tsv) or, in 08,
 * easing restrictions and releasing people. */
static int one_act(const ctx *x, const char *a, const char *b)
{
	if (strncmp(a, b, 2) != 0)
		return 0;
	if (strncmp(a, "08", 2) == 0 && (a[2] >= '4') != (b[2] >= '4'))
		return 0;
	return strcmp(a, b) == 0 || !cw_code_is(x->cw->codes, a, CW_CC_EACH) ||
	       !cw_code_is(x->cw->codes, b, CW_CC_EACH);
}

static int same_code(const ctx *x, int a, int b)
{
	const cw_sentence *s = x->s;
	if (a < 0 || b < 0)
		return a == b;
	return strcmp(s->ments[a].code, s->ments[b].code) == 0;
}

static int add_event_as(ctx *x, int trig, int src, int tgt, const char *as, const char *why)
{
	cw_sentence *s = x->s;
	if (src < 0 || s->nevents >= MAX_EVENTS_PER_SENTENCE)
		return 0;
	/* A source known only by its sector ("officials said", "gunmen
	 * attacked") says too little to chart: measured on the dev set, such
	 * events were wrong far more often than right.  As targets they stay. */
	const cw_trigger *tr = &s->trigs[trig];
	if (!s->ments[src].country[0] && strlen(s->ments[src].code) == 3 &&
	    s->ments[src].kind == CW_M_AGENT && !violent(x, tr->code) && !x->cw->opts.petrarch) {
		/* noted once per pattern, for eval's count of such drops; an
		 * agent the text gives no one country is no want of one */
		if (x->dropped != trig + 1 && !s->ments[src].unplaced) {
			x->dropped = trig + 1;
			x->doc->agentless++;
		}
		return 0;
	}
	char code[5];
	snprintf(code, sizeof code, "%s", as ? as : tr->fcode);
	if (tgt >= 0 && same_actor(x, src, tgt) && !cw_own_followers(s, code, src, tgt))
		tgt = -1;
	for (int i = 0; i < s->nevents; i++) {
		/* "made a visit ... where he held talks": one consultation */
		const cw_event *e = &s->events[i];
		if (one_act(x, e->code, code) && same_code(x, e->source, src) &&
		    same_code(x, e->target, tgt))
			return 0;
	}
	cw_event *ev = cw_grow(x->doc->arena, s->events, &x->cap, s->nevents + 1, sizeof *ev);
	if (!ev)
		return CURLEW_ESYS;
	s->events = ev;
	cw_event *e = &ev[s->nevents++];
	memset(e, 0, sizeof *e);
	e->k = s->nevents;
	e->source = src;
	e->target = tgt;
	e->trigger = trig;
	memcpy(e->code, code, sizeof e->code);
	e->date = s->date.y ? s->date : x->doc->date;
	e->place = NULL;   /* locate.c places the event */
	e->why = x->doc->explain ? why : NULL;
	return 0;
}

/* The event, and for a paired code ("032:033") the target's side too,
 * when the act took place. */
static int add_event(ctx *x, int trig, int src, int tgt, const char *why)
{
	int rc = add_event_as(x, trig, src, tgt, NULL, why);
	const cw_trigger *t = &x->s->trigs[trig];
	const char *r = t->rcode;
	if (rc == 0 && r[0] && tgt >= 0 && src >= 0 && strcmp(t->fcode, t->code) == 0)
		rc = add_event_as(x, trig, tgt, src, r, why);
	return rc;
}

/* Is mention m the press ("reporters", "a news conference")? */
static int audience(const ctx *x, int m)
{
	const cw_mention *a = &x->s->ments[m];
	char sector[4];
	if (a->nsectors == 0)
		return 0;
	snprintf(sector, sizeof sector, "%s", a->sectors[0]);
	cw_lower_ascii(sector);
	return cw_lex_has(x->cw->lexicon, CW_LX_AUDIENCE_SECTORS, sector);
}

/* Are the actors in list one coordination ("A, B and C")?  Only then do
 * they act toward each other; a parser that took a fronted phrase for a
 * second subject must not make a dyad of it. */
static int coordinated(const ctx *x, const int *list, int n)
{
	const cw_sentence *s = x->s;
	int lo = s->ntoks, hi = -1;
	for (int i = 0; i < n; i++) {
		const cw_mention *m = &s->ments[list[i]];
		lo = m->tok_start < lo ? m->tok_start : lo;
		hi = m->tok_end > hi ? m->tok_end : hi;
	}
	for (int t = lo; t < hi; t++) {
		if (s->toks[t].mention >= 0 || lx(x, t, CW_LX_LIST_GLUE))
			continue;
		return 0;
	}
	return 1;
}

/* "Abe said he was hopeful that relations with South Korea would
 * improve": a statement with no addressee is about the first actor of
 * another country named after the verb ("no comment on X" is about
 * nobody: 011 is left alone). */
static int spoken_of(const ctx *x, int trig, int src)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[trig];
	const char *own = s->ments[src].country;
	for (int k = t->tok_end; k < s->ntoks; k++) {
		if (is_word(x, k, ";") || (is_word(x, k, ",") && trailing_said(x, k)))
			break;
		int m = s->toks[k].mention;
		if (usable(x, m) && s->ments[m].country[0] && strcmp(s->ments[m].country, own) != 0)
			return m;
		/* "admitted that French agents had sunk the Greenpeace ship":
		 * a body of no country named is another party too */
		if (usable(x, m) && !s->ments[m].country[0] && s->ments[m].kind == CW_M_NAME)
			return m;
	}
	return -1;
}

/* Are all the targets of the source's own country (its own side)? */
static int own_side_only(const ctx *x, int src, const int *tgt, int ntgt)
{
	const cw_sentence *s = x->s;
	const char *own = s->ments[src].country;
	for (int j = 0; j < ntgt; j++)
		if (!own[0] || strcmp(s->ments[tgt[j]].country, own) != 0)
			return 0;
	return 1;
}

/* "Pakistan and India began observing a ceasefire", "Reagan and
 * Gorbachev pledged to seek cuts": cooperation (the joint class, by the
 * code its frame gives it: "vowed to keep up the strike" is a threat) by
 * parties of different countries that names nobody else.  Parties of one
 * country ("judges and court employees vowed", "Rutskoi and Khasbulatov
 * surrendered") yield to or promise someone else. */
static int joint_class(const ctx *x, int trig, const int *src, int nsrc)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[trig];
	const char *code = t->fcode[0] ? t->fcode : t->code;
	if (!cw_code_is(x->cw->codes, code, CW_CC_JOINT))
		return 0;
	for (int i = 0; i < nsrc; i++)
		for (int j = i + 1; j < nsrc; j++)
			if (!s->ments[src[i]].country[0] ||
			    strcmp(s->ments[src[i]].country, s->ments[src[j]].country) == 0)
				return 0;
	return 1;
}

static int add_pairs(ctx *x, int trig, const int *src0, int nsrc, const int *tgt0, int ntgt,
		     const char *why)
{
	const cw_sentence *s = x->s;
	int rc = 0;
	int src[CW_MAX_ARGS * 2], tgt[CW_MAX_ARGS * 2];
	nsrc = nsrc > CW_MAX_ARGS ? CW_MAX_ARGS : nsrc;
	ntgt = ntgt > CW_MAX_ARGS ? CW_MAX_ARGS : ntgt;
	memcpy(src, src0, (size_t)nsrc * sizeof *src);
	memcpy(tgt, tgt0, (size_t)ntgt * sizeof *tgt);
	nsrc = widen(x, src, nsrc, CW_MAX_ARGS * 2);
	ntgt = widen(x, tgt, ntgt, CW_MAX_ARGS * 2);
	const char *code = s->trigs[trig].code;
	if (cw_code_is(x->cw->codes, code, CW_CC_STATEMENT)) {
		/* "Baker told reporters that Iraq ...": the press a statement is
		 * made to is its audience; the statement is about someone */
		int keep = 0;
		for (int j = 0; j < ntgt; j++)
			if (!audience(x, tgt[j]))
				tgt[keep++] = tgt[j];
		ntgt = keep;
	}
	/* "Ortega denied that his soldiers had set foot on Costa Rican
	 * soil": a statement on what the speaker's own side did is about the
	 * party of another country it was done to, or a body of none; so is
	 * an admission ("admitted that agents of the French secret service
	 * had sunk the Greenpeace ship"), whose implied place is only for
	 * one that names no target */
	if (ntgt > 0 && nsrc > 0 && cw_code_is(x->cw->codes, code, CW_CC_ABOUT) &&
	    own_side_only(x, src[0], tgt, ntgt)) {
		int o = spoken_of(x, trig, src[0]);
		if (o >= 0) {
			tgt[0] = o;
			ntgt = 1;
		}
	}
	/* (an act aimed at a place gets the place's country later) */
	if (ntgt == 0 && nsrc > 0 && cw_code_is(x->cw->codes, code, CW_CC_ABOUT) &&
	    cw_code_implied(x->cw->codes, code) != CW_I_PLACE &&
	    (tgt[0] = spoken_of(x, trig, src[0])) >= 0)
		ntgt = 1;
	int joint = nsrc > 1 && coordinated(x, src, nsrc) &&
		    ((s->trigs[trig].flags & (CW_TR_RECIPROCAL | CW_TR_MUTUAL)) ||
		     /* "Pakistan and India began observing a ceasefire": a
		      * cooperative act by two that names nobody else is done
		      * toward each other */
		     (ntgt == 0 && joint_class(x, trig, src, nsrc)));
	if (joint && ntgt > 0) {
		/* "Colombia and the United States signed an agreement giving
		 * US troops access": a party of a member's own country is no
		 * third party of the joint act */
		int keep = 0;
		const cw_trigger *tr = &s->trigs[trig];
		for (int j = 0; j < ntgt; j++) {
			int own = 0;
			for (int i = 0; i < nsrc; i++)
				own |= s->ments[tgt[j]].country[0] &&
				       strcmp(s->ments[tgt[j]].country, s->ments[src[i]].country) == 0;
			/* "began joint exercises ..., in a show of strength likely
			 * to anger Beijing": nor one past a comma, nor one in a
			 * phrase of place ("met on Singapore's Sentosa island"):
			 * a third party is an object, or after "with", "to" ... */
			for (int k = tr->tok_end; k < s->ments[tgt[j]].tok_start && !own; k++)
				own = is_word(x, k, ",");
			int p = s->ments[tgt[j]].tok_start - 1;
			while (p > tr->tok_end && (lx(x, p, CW_LX_ARTICLES) || s->toks[p].pos == CW_POS_JJ))
				p--;
			if (p >= tr->tok_end && s->toks[p].pos == CW_POS_IN && !lx(x, p, CW_LX_ADDRESSEE_PREPS))
				own = 1;
			if (!own)
				tgt[keep++] = tgt[j];
		}
		ntgt = keep;
	}
	if (ntgt == 0 && joint) {
		/* "Indian and Chinese troops clashed", "Kerry and Lavrov met":
		 * each acts toward the other, a joint act of two gets both
		 * directions (tests/eval/GUIDE.md).  Of a longer list ("Israel,
		 * the UAE and Bahrain signed") news names the side it reports
		 * from first, and that one is the source of one event toward
		 * each partner, rather than every pair both ways, unless the
		 * act is one each side does for its own part (mirrored, force,
		 * @mutual, PETRARCH mode). */
		int first = 0;
		for (int i = 1; i < nsrc; i++)
			if (s->ments[src[i]].tok_start < s->ments[src[first]].tok_start)
				first = i;
		int mutual = nsrc == 2 || violent(x, s->trigs[trig].code) ||
			     (s->trigs[trig].flags & (CW_TR_MIRRORED | CW_TR_MUTUAL)) || x->cw->opts.petrarch;
		for (int i = 0; i < nsrc && rc == 0; i++)
			for (int j = 0; j < nsrc && rc == 0; j++)
				if (i != j && (mutual || i == first))
					rc = add_event(x, trig, src[i], src[j], why);
		return rc;
	}
	for (int i = 0; i < nsrc && rc == 0; i++) {
		const cw_mention *m = &s->ments[src[i]];
		if (m->also >= 0 && m->also < s->nments && usable(x, m->also)) {
			rc = add_event(x, trig, src[i], m->also, why);
			if (rc == 0)
				rc = add_event(x, trig, m->also, src[i], why);
			continue;
		}
		if (ntgt == 0)
			rc = add_event(x, trig, src[i], -1, why);
		for (int j = 0; j < ntgt && rc == 0; j++)
			rc = add_event(x, trig, src[i], tgt[j], why);
	}
	return rc;
}

/* "Students in Dhaka demanded", "police in the capital Kabul said": a
 * place after a preposition of place is where the subject is, not the
 * subject; the actor before the preposition is. */
static int owner_of_place(const ctx *x, int m)
{
	const cw_sentence *s = x->s;
	int p = s->ments[m].tok_start - 1;
	if (lx(x, p, CW_LX_ARTICLES))
		p--;
	if (!lx(x, p, CW_LX_PLACE_PREPS) || p < 1)
		return m;
	int o = s->toks[p - 1].mention;
	return usable(x, o) && s->ments[o].kind != CW_M_CAPITAL ? o : m;
}

static int subjects(const ctx *x, const cw_clause *c, int *out, int max)
{
	int n = 0;
	for (int i = 0; i < c->nsubj && n < max; i++) {
		int m = mention_at(x, c->subj[i]);
		if (usable(x, m))
			out[n++] = owner_of_place(x, m);
	}
	return n;
}

/* "Israel scrapped a planned visit, an Egyptian official said": an actor
 * in the attribution after the report is its reporter, not the target. */
static int reporter(const ctx *x, const cw_trigger *t, int m)
{
	const cw_sentence *s = x->s;
	for (int k = t->tok_end; k < s->ments[m].tok_start; k++)
		if (is_word(x, k, ",") && trailing_said(x, k))
			return 1;
	return 0;
}

static int by_agent_after(const ctx *x, int tok);

static int prep_word(const ctx *x, int k)
{
	return lx(x, k, CW_LX_PREPS);
}

/* Is the noun at tok in an "in" phrase ("used in an April attack")? */
static int in_phrase(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int k = tok - 1; k >= 0 && k >= tok - NP_REACH; k--) {
		if (lx(x, k, CW_LX_IN))
			return 1;
		if (s->toks[k].flags & CW_T_PUNCT || s->toks[k].mention >= 0 || is_verb(x, k) ||
		    prep_word(x, k))
			return 0;
	}
	return 0;
}

/* The actor a nominal trigger names as its own doer: "warplanes pounded"
 * (in the trigger's words), "the Azerbaijani military operation",
 * "Russia's offensive", "an air strike by government forces".  An actor
 * before a preposition ("Kitchen in an air strike") is not the owner. */
static int owner(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (usable(x, s->toks[t->anchor].mention) && t->anchor == t->tok_start &&
	    t->tok_end > t->anchor + 1)
		return s->toks[t->anchor].mention;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - NP_REACH; k--) {
		int m = s->toks[k].mention;
		if (usable(x, m))
			return m;
		if ((s->toks[k].flags & CW_T_PUNCT && s->toks[k].text[0] != '\'') || is_verb(x, k) ||
		    prep_word(x, k))
			break;
	}
	int a = by_agent_after(x, t->tok_end);
	return a >= 0 ? s->toks[a].mention : -1;
}

/* "drones used in attacks on cities", "told Macron in a telephone call":
 * a nominal event in an "in" phrase with no doer of its own is the
 * setting of the clause's act; it codes only when nothing else does. */
static int setting(const ctx *x, const cw_trigger *t)
{
	return (t->flags & CW_TR_NOMINAL) && in_phrase(x, t->anchor) && owner(x, t) < 0;
}

static int complement_target(const ctx *x, const cw_trigger *t, int src);

/* "ruled out sending missiles to Ukraine", "condemned the attack on
 * Kyiv": an act about another act is aimed where its content is; a
 * demand or appeal at the one who must act ("demanded on Tuesday that the
 * United States apologise"). */
static int content_target(const ctx *x, int ti, int src)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *g = &s->trigs[i];
		if (g->governor != ti)
			continue;
		const cw_clause *c = clause_of(x, g);
		int m = pattern_target(x, g, c);
		if (m < 0 && c && c->nsubj > 0 && (g->frame == CW_F_DEMANDED || g->frame == CW_F_APPEALED))
			m = mention_at(x, c->subj[0]);
		if (m >= 0 && usable(x, m) && !same_actor(x, m, src))
			return m;
	}
	return -1;
}

/* Is mention m followed by a finite verb of its own ("Israel responded",
 * "Moscow later said"): the subject of a clause, not an object? */
static int own_verb(const ctx *x, int m)
{
	const cw_sentence *s = x->s;
	int k = s->ments[m].tok_end;
	if (k < s->ntoks && s->toks[k].pos == CW_POS_RB)
		k++;
	return k < s->ntoks && cw_verb_tag(s->toks[k].pos, CW_VF_FINITE | CW_VF_MODAL);
}

/* "..., and Israel responded with air strikes on Lebanon": the actor
 * before a finite verb that is no trigger (so has no clause), between the
 * clause around a nominal trigger and the trigger, is its doer. */
static int verb_subject_before(const ctx *x, int tok, const cw_clause *around, int *verb)
{
	const cw_sentence *s = x->s;
	int stop = around ? around->verb : -1;
	for (int k = tok - 1; k > stop && k > 0; k--) {
		if (s->toks[k].flags & CW_T_PUNCT)
			return -1;
		if (!cw_verb_tag(s->toks[k].pos, CW_VF_FINITE | CW_VF_MODAL) || s->toks[k].mention >= 0)
			continue;
		/* "20 civilians were killed in an air strike": a form of "be"
		 * makes its subject the one the act befell, or names no act */
		if (lx(x, k, CW_LX_BE))
			return -1;
		int b = k - 1;
		if (b > 0 && s->toks[b].pos == CW_POS_RB)
			b--;
		int m = s->toks[b].mention;
		*verb = k;
		return usable(x, m) ? m : -1;
	}
	return -1;
}

/* "fighting broke out between the army and the RSF", "clashes between
 * police and protesters": a noun event whose pattern ends on "between"
 * names both parties after it, each acting on the other. */
static int code_between(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	if (t->tok_end <= t->anchor + 1 || !lx(x, t->tok_end - 1, CW_LX_MUTUAL_PREPS))
		return 0;
	int a = mention_from(x, t->tok_end, PHRASE_REACH), other[CW_MAX_ARGS];
	if (a < 0 || conjuncts(x, a, other, CW_MAX_ARGS) != 1)
		return 0;
	const char *why = "nominal trigger: the two parties after \"between\"";
	int rc = add_event(x, ti, a, other[0], why);
	if (rc == 0)
		rc = add_event(x, ti, other[0], a, why);
	return rc < 0 ? rc : 1;   /* 1: coded here */
}

static int code_nominal(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	int rc = code_between(x, ti);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	int src = owner(x, t);
	const cw_clause *c = clause_around(x, t->anchor);
	const char *why = "nominal trigger: source is the actor word before or by-agent after it";
	/* "a standoff that followed an attack on parliament": a noun event
	 * after the verb of a relative clause about a thing has no doer */
	if (src < 0 && c && c->nsubj == 0 && c->verb > 1 && c->verb < t->anchor &&
	    lx(x, c->verb - 1, CW_LX_THING_RELATIVES) && s->toks[c->verb - 2].mention < 0)
		return 0;
	int verb = -1;
	if (src < 0 && (src = verb_subject_before(x, t->anchor, c, &verb)) >= 0)
		why = "nominal trigger: source is the subject of the verb before it";
	else
		verb = -1;
	/* "20 civilians were killed in an air strike", "three policemen were
	 * killed when a roadside bomb hit their vehicle": a passive's subject
	 * is the victim of the violence, not its doer, and an attack no one
	 * is named for is not coded */
	int victims = violent(x, t->code);
	if (src < 0 && !(victims && c && c->passive)) {
		src = first_subject(x, c);
		why = "nominal trigger: source is the subject of the clause around it";
	}
	if (src < 0) {
		/* "he stressed that ... the provocations by X": the speaker */
		src = subject_before(x, t->anchor, victims);
		why = "nominal trigger: source is the nearest earlier clause's subject";
	}
	int tgt = pattern_target(x, t, NULL);
	if (tgt < 0 && t->target_tok < 0)
		tgt = -1;
	if (tgt < 0 && src >= 0)
		tgt = content_target(x, ti, src);
	if (tgt < 0 && src >= 0 && intent_like(x, t))
		tgt = complement_target(x, t, src);   /* "willing to work with Seoul" */
	if (tgt < 0 && verb >= 0 && setting(x, t)) {
		/* the same with a verb that is no trigger: its object */
		for (int k = verb + 1; k < t->anchor && tgt < 0; k++)
			if (usable(x, s->toks[k].mention) && s->toks[k].mention != src)
				tgt = s->toks[k].mention;
	} else if (tgt < 0 && c && setting(x, t)) {
		/* "told Macron in a telephone call", "engaged peacekeepers in
		 * a firefight": the clause's object is the other party */
		for (int i = 0; i < c->nobj && tgt < 0; i++) {
			int m = mention_at(x, c->obj[i]);
			if (usable(x, m) && m != src)
				tgt = m;
		}
	}
	int one[1] = { src };
	int tg[1] = { tgt };
	return src >= 0 ? add_pairs(x, ti, one, 1, tg, tgt >= 0, why) : 0;
}

/* "expressed condolences to Morocco" where the parser hung the "to" phrase
 * on the noun: a target preposition right after the trigger's words. */
static int prep_target_after(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	int tok = t->tok_end;
	if (tok >= s->ntoks)
		return -1;
	/* "demanded the withdrawal of Turkish troops": a pattern ending on a
	 * noun takes its object from the of-phrase */
	int noun_end = t->tok_end - 1 > t->anchor && s->toks[t->tok_end - 1].nlemma;
	if (lx(x, tok, CW_LX_GENITIVE) ? !noun_end
				       : !target_prep(x, s->toks[tok].lower) || lx(x, tok, CW_LX_TOPIC_PREPS))
		return -1;
	return mention_from(x, tok + 1, PHRASE_REACH);
}

/* The target inside the trigger's own words: "demanded that Poland
 * suspend", "rejected China's plan", "rejected an offer by France" --
 * the subject of a that-clause, or a possessor or by-agent in the
 * object. */
static int inner_target(const ctx *x, const cw_trigger *t, int src)
{
	const cw_sentence *s = x->s;
	if (lx(x, t->tok_end - 1, CW_LX_COMPLEMENTIZER))
		return mention_from(x, t->tok_end, PHRASE_REACH);
	/* "rejected remarks by the Canadian prime minister" */
	for (int k = t->anchor + 1; k < t->tok_end + SLOT_REACH && k < s->ntoks; k++) {
		int m = s->toks[k].mention;
		if (!usable(x, m) || m == src)
			continue;
		int after = s->ments[m].tok_end;
		int before = s->ments[m].tok_start - 1;
		if (lx(x, after, CW_LX_POSSESSIVE) || lx(x, before, CW_LX_SOURCE_PREPS))
			return m;
	}
	return -1;
}

/* "extradited the drug lord to the United States", "threatened to cut gas
 * supplies to Moldova": a to/with/against phrase further on in the same
 * clause, when the parser hung it on the object. */
static int later_target_from(const ctx *x, int from)
{
	const cw_sentence *s = x->s;
	for (int k = from; k < s->ntoks && k < from + CLAUSE_REACH; k++) {
		const cw_token *w = &s->toks[k];
		if (w->flags & CW_T_QUOTE)
			continue;   /* 'Joaquin "El Chapo" Guzman to the United States' */
		if ((w->flags & CW_T_PUNCT) || lx(x, k, CW_LX_RELATIVES) || is_verb(x, k))
			return -1;
		if (lx(x, k, CW_LX_INFINITIVE) && is_verb(x, k + 1))
			return -1;   /* "met to discuss": an infinitive, not an addressee */
		if (lx(x, k, CW_LX_ADDRESSEE_PREPS)) {
			int m = mention_from(x, k + 1, PHRASE_REACH);
			if (m >= 0 && s->ments[m].kind != CW_M_CAPITAL)
				return m;
		}
	}
	return -1;
}

static int later_target(const ctx *x, const cw_trigger *t)
{
	return later_target_from(x, t->tok_end);
}

/* "threatened to cut gas supplies to Moldova", "pledged loans to help
 * Sri Lanka", "willing to work with Seoul": an intention, threat or
 * appeal ending in "to" is aimed at whom its complement verb acts on. */
static int complement_target(const ctx *x, const cw_trigger *t, int src)
{
	const cw_sentence *s = x->s;
	int v = t->tok_end;
	if (!lx(x, v - 1, CW_LX_INFINITIVE)) {
		/* "pledged an additional $500 million ... to help Sri Lanka" */
		for (v = t->tok_end; v < s->ntoks && v < t->tok_end + PURPOSE_REACH; v++)
			if (is_word(x, v, ",") || is_word(x, v, ";") || is_word(x, v, ":") ||
			    (lx(x, v, CW_LX_INFINITIVE) && v + 1 < s->ntoks && is_verb(x, v + 1)))
				break;
		if (v >= s->ntoks || v >= t->tok_end + PURPOSE_REACH || !lx(x, v, CW_LX_INFINITIVE))
			return -1;
		v++;
	}
	if (v >= s->ntoks || (!is_verb(x, v) && v != t->comp_anchor))
		return -1;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb != v)
			continue;
		int objs[CW_MAX_ARGS + CW_MAX_PPS];
		int n = clause_target(x, c, objs, CW_MAX_ARGS + CW_MAX_PPS);
		for (int j = 0; j < n; j++)
			if (!same_actor(x, objs[j], src))
				return objs[j];
	}
	int m = mention_from(x, v + 1, PHRASE_REACH);   /* "to help Sri Lanka" */
	if (m < 0 || same_actor(x, m, src))
		m = later_target_from(x, v + 1);
	return m >= 0 && !same_actor(x, m, src) ? m : -1;
}

static int by_agent_after(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	if (!lx(x, tok, CW_LX_AGENT_BY))
		return -1;
	for (int t = tok + 1; t < s->ntoks && t <= tok + SLOT_REACH; t++)
		if (s->toks[t].mention >= 0)
			return usable(x, s->toks[t].mention) ? t : -1;
	return -1;
}

static int be_before(const ctx *x, int tok)
{
	for (int t = tok - 1; t >= 0 && t >= tok - AUX_REACH; t--)
		if (lx(x, t, CW_LX_BE))
			return 1;
	return 0;
}

/* "the earthquake that struck southern Turkey", "an attack that killed 30":
 * a relative clause whose antecedent is a thing, not an actor, has no
 * source, whatever actor stands further left. */
static int thing_relative(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - REL_REACH; k--) {
		if (lx(x, k, CW_LX_THING_RELATIVES)) {
			int ante = k - 1;
			if (is_word(x, ante, ","))
				ante--;
			if (ante >= 0 && usable(x, s->toks[ante].mention)) {
				/* "an attack on a mosque in Kabul that killed 30":
				 * a place named after "in" is the setting, not the
				 * antecedent */
				int b = s->ments[s->toks[ante].mention].tok_start - 1;
				if (lx(x, b, CW_LX_ARTICLES))
					b--;
				return lx(x, b, CW_LX_PLACE_PREPS);
			}
			return ante >= 0 && !(s->toks[ante].flags & CW_T_PUNCT) && !is_verb(x, ante);
		}
		if (s->toks[k].flags & CW_T_PUNCT || s->toks[k].mention >= 0)
			return 0;
	}
	return 0;
}

/* "Israel announced it would free 30 prisoners": "it" (or "they") as the
 * subject of reported speech is the speaker, when the speaker is a
 * country or an organisation rather than a person. */
static int reporting(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && (s->trigs[i].flags & (CW_TR_SAY | CW_TR_REPORT)))
			return 1;
	return 0;
}

static int speaker_it(const ctx *x, const cw_clause *c)
{
	const cw_sentence *s = x->s;
	if (c->nsubj == 0 || c->parent < 0 || c->parent >= s->nclauses)
		return -1;
	int t = c->subj[0];
	/* "Obama said he will attack Iraq": he or she is the speaker too */
	int person = lx(x, t, CW_LX_PERSON_PRONOUNS);
	if (!person && !lx(x, t, CW_LX_IT_PRONOUNS))
		return -1;
	const cw_clause *p = &s->clauses[c->parent];
	if (person && (!reporting(x, p->verb) || p->verb > t))
		return -1;   /* "visited Moscow, where he held talks, the Kremlin said" */
	for (int i = 0; i < p->nsubj; i++) {
		int m = mention_at(x, p->subj[i]);
		if (usable(x, m) && s->ments[m].kind != CW_M_PRONOUN &&
		    (person || s->ments[m].kind != CW_M_PERSON))
			return m;
	}
	return -1;
}

/* The first actor in the verb's own phrase: up to a comma or a word that
 * opens another clause ("after", "which", ...; "allowed that Mordor ..."
 * goes on, as PETRARCH does). */
static int phrase_actor(const ctx *x, int from)
{
	const cw_sentence *s = x->s;
	for (int t = from; t < s->ntoks; t++) {
		if (s->toks[t].flags & CW_T_PUNCT && s->toks[t].text[0] != '\'')
			return -1;
		if (lx(x, t, CW_LX_CLAUSE_OPENERS))
			return -1;
		int m = s->toks[t].mention;
		if (usable(x, m))
			return m;
	}
	return -1;
}

/* "killing", "accusing": an -ing form (of more than four letters, so not
 * "king" or "thing"). */
static int gerund(const ctx *x, int tok)
{
	return strlen(x->s->toks[tok].lower) > 4 && ends(x, tok, CW_LX_PROGRESSIVE);
}

static int participle(const ctx *x, const cw_trigger *t)
{
	/* "filed a lawsuit on Monday accusing Myanmar": news often drops
	 * the comma after the day */
	if (!gerund(x, t->anchor))
		return 0;
	return is_word(x, t->anchor - 1, ",") || lx(x, t->anchor - 1, CW_LX_DAYS);
}

/* "Abiy ordered an offensive ..., accusing": a finite verb that no pattern
 * took has no clause of its own; its subject is the actor right before
 * the sentence's first finite verb (by the tagger), if that verb comes
 * before tok. */
static int finite_subject(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int k = 1; k < tok; k++) {
		int p = s->toks[k].pos;
		if (p != CW_POS_VBD && p != CW_POS_VBZ && p != CW_POS_VBP)
			continue;
		int m = nearest_left(x, k);
		return m >= 0 && k - s->ments[m].tok_end <= SUBJECT_GAP ? owner_of_place(x, m) : -1;
	}
	return -1;
}

/* The subject of the first clause before tok, if it names an actor. */
static int main_subject(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	const cw_clause *first = NULL;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb < tok && c->nsubj > 0 && (!first || c->verb < first->verb))
			first = c;
	}
	if (!first)
		return finite_subject(x, tok);
	int m = mention_at(x, first->subj[0]);
	return usable(x, m) ? owner_of_place(x, m) : -1;
}

static int participle_after_noun(const ctx *x, const cw_trigger *t);

/* Is there a verb earlier in tok's stretch of the sentence (so that the
 * noun before tok is that verb's object, not tok's subject)? */
static int verb_before(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int k = tok - 2; k >= 0; k--) {
		if (s->toks[k].flags & CW_T_PUNCT)
			return 0;
		if (is_verb(x, k) || lx(x, k, CW_LX_BE_FINITE))
			return 1;
	}
	return 0;
}

/* Is tok the anchor of a violent nominal trigger ("strike", "blast")? */
static int violent_noun(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].tok_start <= tok && tok < s->trigs[i].tok_end &&
		    (s->trigs[i].flags & CW_TR_NOMINAL) &&
		    violent(x, s->trigs[i].code))
			return 1;
	return 0;
}

/* The subject of the nearest active clause before tok that has an actor
 * for one: the first conjunct of "had attacked Iraq and taken Mosul"
 * (after ", and" the main clause's is: "X said ..., and blamed Y"). */
static int conjunct_subject(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	const cw_clause *best = NULL;
	int bm = -1;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb >= tok || c->nsubj == 0 || c->passive || (best && c->verb < best->verb))
			continue;
		int m = mention_at(x, c->subj[0]);
		if (usable(x, m)) {
			best = c;
			bm = owner_of_place(x, m);
		}
	}
	return bm;
}

/* Is there a verb between mention m and token tok? */
static int verb_between(const ctx *x, int m, int tok)
{
	for (int k = x->s->ments[m].tok_end; k < tok; k++)
		if (is_verb(x, k))
			return 1;
	return 0;
}

/* An act announced, promised, threatened or refused with a modal. */
static int announced(const cw_trigger *t)
{
	return t->frame == CW_F_INTENDED || t->frame == CW_F_PROMISED || t->frame == CW_F_THREATENED ||
	       t->frame == CW_F_REFUSED;
}

/* Who announces it: the subject of a bare statement verb that introduces
 * it ("Hun Sen said the prince would be arrested"); a trailing attribution
 * (", the ministry said") or a hope names no one who will act. */
static int announcer(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	const cw_trigger *near = NULL;
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *r = &s->trigs[i];
		if (r != t && (r->flags & (CW_TR_SAY | CW_TR_REPORT)) && r->anchor < t->anchor &&
		    (!near || r->anchor > near->anchor))
			near = r;
	}
	if (!near || !(near->flags & CW_TR_SAY))
		return -1;   /* "said it hoped X would be indicted": a wish */
	const cw_clause *c = clause_of(x, near);
	return c ? first_subject(x, c) : -1;
}

static int code_verbal(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	if (thing_relative(x, t))
		return 0;
	const cw_clause *c = clause_of(x, t);
	int src[CW_MAX_ARGS + 1], tgt[CW_MAX_ARGS + CW_MAX_PPS];
	int nsrc = 0, ntgt = 0;
	const char *why;
	if (c && c->nsubj > 0 && violent(x, t->code) && violent_noun(x, c->subj[0]))
		return 0;   /* "a Russian missile strike killed 40": told once */
	if (violent(x, t->code) && t->anchor > 0 && violent_noun(x, t->anchor - 1))
		return 0;   /* "... when a roadside bomb hit their vehicle", whatever
			     * subject the chunker gave the verb */
	cw_clause fixed;
	if (c && c->agent < 0) {
		/* "were rejected by the Armenian side" where the parser attached the
		 * by-phrase elsewhere: a be-verb before and "by" + actor after */
		int a = by_agent_after(x, t->tok_end);
		/* "were rejected by", or a reduced relative: "rebels backed by Rwanda" */
		int after_actor = t->anchor > 0 && s->toks[t->anchor - 1].mention >= 0 &&
				  t->tok_end == t->anchor + 1;   /* not "rejected an offer by France" */
		if (a >= 0 && (be_before(x, t->anchor) || after_actor)) {
			fixed = *c;
			fixed.passive = 1;
			fixed.agent = a;
			c = &fixed;
		}
	}
	if (participle_after_noun(x, t) && by_agent_after(x, t->tok_end) < 0 && verb_before(x, t->anchor))
		return 0;   /* "returned vessels seized off Crimea": the noun suffered it */
	int pt = pattern_target(x, t, c);
	if (pt >= 0)
		tgt[ntgt++] = pt;
	int ps = t->source_tok >= 0 ? mention_from(x, t->source_tok, 4) : -1;
	if (ps >= 0) {
		/* the pattern names the source itself ("{T} was > freed from {S}") */
		src[nsrc++] = ps;
		if (!ntgt && c)
			ntgt = clause_target(x, c, tgt, CW_MAX_ARGS + CW_MAX_PPS);
		/* "prompting condemnation from China and South Korea": no
		 * member of the source's list is its target; the one who drew
		 * the act is, the clause's subject */
		int list[CW_MAX_ARGS * 2] = { ps };
		int nlist = widen(x, list, 1, CW_MAX_ARGS * 2);
		for (int i = 0; i < ntgt; i++)
			for (int j = 0; j < nlist; j++)
				if (i >= 0 && tgt[i] == list[j])
					tgt[i--] = tgt[--ntgt];
		if (!ntgt && c)
			ntgt = subjects(x, c, tgt, CW_MAX_ARGS);
		return add_pairs(x, ti, src, nsrc, tgt, ntgt, "pattern: the source is the pattern's {S} slot");
	}
	if (c && c->passive && c->agent >= 0) {
		int a = mention_at(x, c->agent);
		if (usable(x, a))
			src[nsrc++] = a;
		if (ntgt && tgt[0] == a)
			ntgt = 0;   /* "was received by X": the slot after the verb is the agent */
		if (!ntgt)
			ntgt = subjects(x, c, tgt, CW_MAX_ARGS);
		why = "passive: source is the by-agent, target the subject";
	} else if (c && c->passive && !x->cw->opts.petrarch) {
		/* "ten people were killed", "Soleimani was killed in a U.S. air
		 * strike": the subject suffered the act; with no by-agent the
		 * doer is unnamed (or named by a nominal trigger of its own).
		 * (PETRARCH takes the subject as the source.)  An act announced
		 * so ("Hun Sen said the prince would be arrested", "said the
		 * soldiers would not be released") is the speaker's. */
		int sp = announced(t) ? announcer(x, t) : -1;
		if (sp < 0)
			return 0;
		src[nsrc++] = sp;
		ntgt = subjects(x, c, tgt, CW_MAX_ARGS);
		why = "announced passive: the speaker's act on the subject";
	} else if (c) {
		nsrc = subjects(x, c, src, CW_MAX_ARGS);
		/* "Blinken said on Wednesday, warning Moscow": a verbal act
		 * hung on the clause before is that clause's subject's (the
		 * chunker's adjunct); a violent one is the main act's doer's
		 * even after an attribution ("shelled Y, officials said,
		 * killing seven") */
		if (participle(x, t) && !(c->adjunct && nsrc && !violent(x, t->code))) {
			/* "X shelled Y, killing seven": whatever noun the parser
			 * hung the participle on, its doer is the main subject */
			nsrc = 0;
			if ((src[0] = main_subject(x, t->anchor)) >= 0)
				nsrc = 1;
			if (!nsrc)
				return 0;
		}
		if (nsrc && lx(x, t->anchor - 1, CW_LX_AND) && !own_verb(x, src[0])) {
			/* "X rejected the terms proposed by Hamas and vowed to":
			 * a verb joined by "and" shares the first clause's subject,
			 * not the actor another verb took before it ("and Israel
			 * responded ... and sent": Israel has a verb of its own) */
			int m = is_word(x, t->anchor - 2, ",") ? main_subject(x, t->anchor)
							       : conjunct_subject(x, t->anchor);
			if (m >= 0 && m != src[0] && verb_between(x, m, s->ments[src[0]].tok_start))
				src[0] = m, nsrc = 1;
		}
		if (!nsrc && (src[0] = speaker_it(x, c)) >= 0)
			nsrc = 1;
		if (!nsrc && c->parent < 0 && !c->passive) {
			/* coordinated verbs share the subject the parser gave the
			 * first: "X arrived in Kyiv and pledged support" is X's
			 * pledge, not Kyiv's */
			int m = lx(x, t->anchor - 1, CW_LX_AND) ? main_subject(x, t->anchor) : -1;
			if (m < 0)
				m = nearest_left(x, t->anchor);
			if (m >= 0)
				src[nsrc++] = m;
		}
		if (!ntgt)
			ntgt = clause_target(x, c, tgt, CW_MAX_ARGS + CW_MAX_PPS);
		/* "insists that Russia withdraw from Ukrainian territory": the
		 * source's own country is no target, so look further */
		int keep = 0, folk = -1;
		for (int i = 0; i < ntgt; i++) {
			if (reporter(x, t, tgt[i]))
				continue;
			/* "extradited its citizen to the United States", "freed 50
			 * political prisoners": the source's own people are the
			 * target only when nobody further on receives the act */
			if (nsrc && !same_actor(x, src[0], tgt[i]) && same_country_state(x, src[0], tgt[i])) {
				if (folk < 0)
					folk = tgt[i];
				continue;
			}
			if (nsrc && means(x, t, src[0], tgt[i]))
				continue;
			if (!nsrc || !same_actor(x, src[0], tgt[i]) || cw_own_followers(s, t->fcode, src[0], tgt[i]))
				tgt[keep++] = tgt[i];
		}
		ntgt = keep;
		if (!ntgt && (tgt[0] = prep_target_after(x, t)) >= 0)
			ntgt = 1;
		if (!ntgt && (tgt[0] = inner_target(x, t, nsrc ? src[0] : -1)) >= 0)
			ntgt = 1;
		if (!ntgt && (tgt[0] = later_target(x, t)) >= 0)
			ntgt = 1;
		if (!ntgt && (tgt[0] = content_target(x, ti, nsrc ? src[0] : -1)) >= 0)
			ntgt = 1;
		if (!ntgt && intent_like(x, t) && (tgt[0] = complement_target(x, t, nsrc ? src[0] : -1)) >= 0)
			ntgt = 1;
		if (!ntgt && folk >= 0)
			tgt[ntgt++] = folk;
		/* PETRARCH takes the first actor in the verb's phrase, even one
		 * that only says where ("renewed his licence in Michel Delving") */
		if (!ntgt && x->cw->opts.petrarch && (tgt[0] = phrase_actor(x, t->tok_end)) >= 0)
			ntgt = 1;
		why = s->parsed == 1 ? "parse: source is the subject, target the object"
				     : "shallow: source is the actor before the verb, target the one after";
	} else {
		/* "struck 100 Hezbollah targets": a word the parser read as a
		 * noun in a sentence it parsed is no verb */
		if (s->parsed == 1)
			return 0;
		int m = nearest_left(x, t->tok_start);
		if (m >= 0)
			src[nsrc++] = m;
		if (!ntgt) {
			m = nearest_right(x, t->tok_end - 1);
			if (m >= 0)
				tgt[ntgt++] = m;
		}
		why = "no clause: nearest actor before and after the trigger";
	}
	return add_pairs(x, ti, src, nsrc, tgt, ntgt, why);
}

/* "at a campaign rally", "during demonstrations", "amid clashes": a noun
 * event in a phrase of time or place is the setting, not the news. */
static int background(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (!(t->flags & CW_TR_NOMINAL))
		return 0;
	int reach = SETTING_REACH;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - reach; k--) {
		if (lx(x, k, CW_LX_SETTING_PREPS))
			return 1;
		/* "after 18 days of mass protests": the stretch of time is
		 * part of the phrase */
		if (lx(x, k, CW_LX_GENITIVE) && lx(x, k - 1, CW_LX_DURATION) && reach < SETTING_MAX) {
			reach += DURATION_WORDS;
			continue;
		}
		/* "in retaliation for Tehran's missile attack", "after a U.S.
		 * drone strike": the owner's name is part of the phrase */
		int m = s->toks[k].mention;
		/* reached at its ending: "for Tehran 's ballistic missile attack" */
		if (m < 0 && k > 0 && lx(x, k, CW_LX_POSSESSIVE))
			m = s->toks[k - 1].mention;
		if (m >= 0 && s->ments[m].kind != CW_M_PRONOUN && reach < SETTING_MAX) {
			reach += s->ments[m].tok_end - s->ments[m].tok_start + 1;
			k = s->ments[m].tok_start;
			continue;
		}
		if (s->toks[k].flags & CW_T_PUNCT || m >= 0 || is_verb(x, k))
			return 0;
	}
	return 0;
}

/* "shelled Kharkiv, killing seven people": a participle after a comma that
 * repeats the root of an earlier trigger describes the same event. */
static int echo(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[i];
	if (!gerund(x, t->anchor) || !is_word(x, t->anchor - 1, ","))
		return 0;
	for (int j = 0; j < i; j++)
		if (strncmp(s->trigs[j].code, t->code, 2) == 0 ||
		    (violent(x, s->trigs[j].code) && violent(x, t->code)))
			return 1;   /* "detonated car bombs, killing 100" */
	return 0;
}

/* "a gang known as 400 Mawozo kidnapped", "such as": a subordinator that
 * is also a preposition of manner, right after a participle or an
 * adjective (by the tagger), opens no clause. */
static int after_modifier(const ctx *x, int k)
{
	int p = k > 0 ? x->s->toks[k - 1].pos : CW_POS_NONE;
	return lx(x, k, CW_LX_MANNER) && (p == CW_POS_VBN || p == CW_POS_JJ || p == CW_POS_PDT);
}

/* "a day after protesters stormed parliament", "if the EU called his
 * operation an invasion", "until Washington lifted sanctions": a verb in
 * an adverbial clause of time, cause or condition gives the background
 * of the main act. */
static int adverbial(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (t->flags & CW_TR_NOMINAL)
		return 0;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - ADVERBIAL_REACH; k--) {
		if (lx(x, k, CW_LX_ADVERBIAL) && !after_modifier(x, k))
			/* "before withdrawing": a gerund clause with the main
			 * clause's subject is background too */
			return k + 1 < t->anchor || gerund(x, t->anchor);
		if ((s->toks[k].flags & CW_T_PUNCT) || is_verb(x, k) || lx(x, k, CW_LX_RELATIVES) ||
		    lx(x, k, CW_LX_AND))
			return 0;
	}
	return 0;
}

/* Is the verb at k no main verb beside the one at tok: joined to it by
 * "and" ("Britain demanded on Saturday that ..., and summoned the
 * ambassador"), or in a that-clause opened after tok ("demanded that
 * Iran release")? */
static int own_clause(const ctx *x, int tok, int k)
{
	const cw_sentence *s = x->s;
	if (k - 1 > tok && lx(x, k - 1, CW_LX_AND))
		return 1;
	for (int j = tok + 1; j < k; j++)
		if (lx(x, j, CW_LX_COMPLEMENTIZER))
			return 1;
	/* "..., and police shot dead ten people", ", and in return Trump
	 * agreed": a clause of its own joined by a comma and "and" */
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb != k || c->nsubj == 0 || c->subj[0] <= tok || c->subj[0] >= k)
			continue;
		int m = s->toks[c->subj[0]].mention;
		if (m < 0)
			continue;
		int a = s->ments[m].tok_start;
		for (int j = a - 1; j > tok && j >= a - AND_REACH; j--) {
			if (lx(x, j, CW_LX_AND))
				return is_word(x, j - 1, ",");
			if ((s->toks[j].flags & CW_T_PUNCT) || is_verb(x, j))
				break;
		}
	}
	return 0;
}

/* Is there a finite verb other than the one at tok: a verb before it
 * ("returned vessels seized off Crimea") or a finite one after it
 * ("Americans detained in Iran were freed")?  Without one, "Protesters
 * rallied in Bangkok, defying a decree" is the sentence's main act. */
static int other_finite(const ctx *x, int tok)
{
	const cw_sentence *s = x->s;
	if (verb_before(x, tok))
		return 1;
	for (int k = tok + 1; k < s->ntoks; k++) {
		/* "fired missiles at Haifa, a day after U.S.-led forces began
		 * bombing", "appealed to India, amid a standoff that followed
		 * an attack": a verb in a clause of time or cause, or past a
		 * comma or a relative, is no main verb of the noun's; an
		 * attribution after a comma is (", officials said") */
		if (lx(x, k, CW_LX_ADVERBIAL) || lx(x, k, CW_LX_RELATIVES) ||
		    (is_word(x, k, ",") && !trailing_said(x, k)))
			return 0;
		if ((lx(x, k, CW_LX_BE_FINITE) ||
		     (is_verb(x, k) && !gerund(x, k) && !lx(x, k - 1, CW_LX_INFINITIVE))) &&
		    !own_clause(x, tok, k))
			return 1;
	}
	return 0;
}

/* "three navy vessels seized off Crimea", "Americans detained in Iran",
 * "the group that has seized parts of Iraq": a participle or relative
 * clause describing a noun is background to the sentence's act. */
static int describes_noun(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (t->flags & CW_TR_NOMINAL || t->anchor < 1)
		return 0;
	for (int k = t->anchor - 1; k >= 1 && k >= t->anchor - REL_REACH; k--) {
		if (lx(x, k, CW_LX_RELATIVES)) {
			const cw_token *a = &s->toks[k - 1];
			if (is_word(x, k - 1, ","))
				a = &s->toks[k - 2 >= 0 ? k - 2 : 0];
			/* "said that X attacked" is reported speech, not a relative;
			 * "Israel, which recalled its ambassador" adds news */
			if (a->mention >= 0 && is_word(x, k - 1, ","))
				return 0;
			/* "students who hurled rocks": a deed told of its doer
			 * (cameo-codes.tsv class deed) is news all the same */
			if (a->mention >= 0 && cw_code_is(x->cw->codes, t->code, CW_CC_DEED))
				return 0;
			return a->mention >= 0 || (a->nlemma && !a->vlemma);
		}
		if ((s->toks[k].flags & CW_T_PUNCT) || is_verb(x, k) || s->toks[k].mention >= 0)
			break;
	}
	return participle_after_noun(x, t) && other_finite(x, t->anchor);
}

/* "vessels seized off Crimea", "soldiers killed in Ukraine": a past
 * participle right after its noun, with no object of its own. */
static int participle_after_noun(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (t->flags & CW_TR_NOMINAL || t->anchor < 1)
		return 0;
	if (strlen(s->toks[t->anchor].lower) < 4 || !ends(x, t->anchor, CW_LX_PAST))
		return 0;
	const cw_token *prev = &s->toks[t->anchor - 1];
	if (prev->flags & CW_T_PUNCT || !(prev->nlemma || prev->mention >= 0) ||
	    is_verb(x, t->anchor - 1) ||
	    (prev->mention >= 0 && s->ments[prev->mention].kind == CW_M_PRONOUN))
		return 0;
	return lx(x, t->anchor + 1, CW_LX_AFTER_PARTICIPLE);   /* no object: "seized off Crimea" */
}

/* "criticised the United States for sending warships", "jailed a man
 * for helping militants": a gerund after "for" is the reason given for
 * the act, not news of its own. */
static int reason(const ctx *x, const cw_trigger *t)
{
	return !(t->flags & CW_TR_NOMINAL) && gerund(x, t->anchor) &&
	       lx(x, t->anchor - 1, CW_LX_REASON_PREPS);
}

static int secondary(const ctx *x, const cw_trigger *t)
{
	/* "..., warning that", "..., firing missiles into": a participle
	 * after the main act elaborates it; accusations and refusals are
	 * news of their own ("ordered an offensive, accusing its forces of") */
	return setting(x, t) || adverbial(x, t) || describes_noun(x, t) || reason(x, t) ||
	       (!(t->flags & CW_TR_NOMINAL) && participle(x, t) &&
		!cw_code_is(x->cw->codes, t->code, CW_CC_NEWS));
}

/* "..., the ministry said", "..., President X told reporters": an
 * attribution after the report names who passed the news on, not the
 * news.  When the report itself codes nothing, a bare 010 for the
 * reporter is wrong far more often than right; a statement that opens
 * the sentence ("X said that ...") stays a candidate. */
static int trailing_attribution(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	for (int k = t->anchor - 1; k >= 0; k--) {
		const cw_token *w = &s->toks[k];
		if (is_word(x, k, ",") || (w->flags & CW_T_QUOTE))
			return k >= ATTRIBUTION_MIN;
		/* a noun the parser took for a verb ("statistics institute
		 * said") does not end the speaker's name */
		if ((w->flags & CW_T_PUNCT) || (is_verb(x, k) && !w->nlemma) || lx(x, k, CW_LX_RELATIVES) ||
		    lx(x, k, CW_LX_AND))
			return 0;
	}
	return 0;
}

/* "Health officials said at least 17 people were killed": a bare
 * statement whose report tells of an act (one no event could be made of: a passive
 * with no doer, a background clause) passes the act on; it is no
 * statement of the speaker's own. */
static int reports_act(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (j != i && u->anchor > t->anchor && !(u->flags & (CW_TR_SAY | CW_TR_REPORT)) &&
		    !cw_code_is(x->cw->codes, u->code, CW_CC_STATEMENT))
			return 1;
	}
	return 0;
}

/* Of one country; two bodies of no country ("the United Nations and the
 * African Union", both IGO...) are one only when their codes are. */
static int same_country(const ctx *x, int a, int b)
{
	const cw_sentence *s = x->s;
	if (a < 0 || b < 0)
		return a == b;
	const cw_mention *p = &s->ments[a], *q = &s->ments[b];
	if (!p->country[0] && !q->country[0])
		return strcmp(p->code, q->code) == 0;
	return strncmp(p->code, q->code, 3) == 0;
}

/* Same category and same countries, as datasets count events. */
static int same_root(const ctx *x, const cw_event *a, const cw_event *b)
{
	if (!one_act(x, a->code, b->code))
		return 0;
	return same_country(x, a->source, b->source);
}

/* Are mentions a and b two members of one list ("Congress and the Supreme
 * Court", "police and troops")? */
static int listed(const ctx *x, int a, int b)
{
	if (a < 0 || b < 0 || same_code(x, a, b))
		return 0;
	const cw_sentence *s = x->s;
	const cw_mention *p = &s->ments[a], *q = &s->ments[b];
	int lo = p->tok_end < q->tok_end ? p->tok_end : q->tok_end;
	int hi = p->tok_start > q->tok_start ? p->tok_start : q->tok_start;
	/* ("spread across Kenya, and the government banned": ", and" joins
	 * clauses, not the two members of a list) */
	for (int k = lo; k + 1 < hi; k++)
		if (is_word(x, k, ",") && lx(x, k + 1, CW_LX_AND))
			return 0;
	int pair[2] = { a, b };
	return coordinated(x, pair, 2);
}

/* A target the sentence gives: named, or the place or government the act
 * was aimed at; the source's own country is only a default. */
static int named(const cw_event *e)
{
	return e->target >= 0 && e->implied != CW_I_OWN;
}

/* "Turkish jets bombed Kurdish targets ... 17 fighters neutralised",
 * "ruled out sending missiles to Ukraine": two triggers of one category
 * for one source tell of one event.  The copy with no target, or the
 * later copy of a dyad, is dropped. */
static void merge_repeats(const ctx *x)
{
	cw_sentence *s = x->s;
	int n = 0;
	for (int i = 0; i < s->nevents; i++) {
		const cw_event *e = &s->events[i];
		int dup = 0;
		for (int j = 0; j < s->nevents && !dup; j++) {
			const cw_event *o = &s->events[j];
			if (j == i || !same_root(x, e, o))
				continue;
			/* "fighting between the army and the RSF": the two sides
			 * of one act, each toward the other, are two events */
			if (e->trigger == o->trigger && same_code(x, e->source, o->target) &&
			    same_code(x, e->target, o->source))
				continue;
			/* "dissolved Congress and the Supreme Court", "appealed to
			 * the army and the rebels": one act toward (or by) each
			 * member of a list, however alike their countries */
			if (e->trigger == o->trigger && named(e) && named(o) &&
			    (listed(x, e->source, o->source) || listed(x, e->target, o->target)))
				continue;
			if (!named(e) && named(o))
				dup = 1;
			else if (j < i && named(e) == named(o) && same_country(x, e->target, o->target))
				dup = 1;
		}
		if (!dup) {
			s->events[n] = *e;
			s->events[n].k = n + 1;
			n++;
		}
	}
	s->nevents = n;
}

/* An act demanded or appealed for by words that are no pattern of their
 * own ("X said Y must withdraw", "its demand that Y ease restrictions",
 * "Obama wants Putin to attack"): the event is the demand or appeal. */
static int wanted(const cw_trigger *t)
{
	return (t->frame == CW_F_DEMANDED || t->frame == CW_F_APPEALED) && t->governor < 0;
}

/* Who demands it: the actor the cue belongs to ("the UN repeated its
 * demand that", "Obama wants"), or for a bare modal ("must") the one who
 * says so. */
static int demander(const ctx *x, const cw_trigger *t, int subject)
{
	const cw_sentence *s = x->s;
	if (t->holder) {
		int m = nearest_left(x, t->cue);
		return m != subject ? m : -1;
	}
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *r = &s->trigs[i];
		if (r == t || !(r->flags & (CW_TR_SAY | CW_TR_REPORT)))
			continue;
		const cw_clause *c = clause_of(x, r);
		int m = c ? first_subject(x, c) : -1;
		if (m >= 0 && m != subject)
			return m;
	}
	return -1;
}

static int code_wanted(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	/* the one who must act: the actor the cue names, else the act's
	 * subject, else whom the act is aimed at */
	int tgt = -1;
	if (t->cue >= 0)
		for (int k = t->cue; k < t->anchor && tgt < 0; k++)
			if (usable(x, s->toks[k].mention))
				tgt = s->toks[k].mention;
	const cw_clause *c = clause_of(x, t);
	if (tgt < 0 && c && c->nsubj > 0)
		tgt = mention_at(x, c->subj[0]);
	if (tgt >= 0 && !usable(x, tgt))
		tgt = -1;
	int src = demander(x, t, tgt);
	if (tgt < 0 && c && src >= 0) {
		int objs[CW_MAX_ARGS + CW_MAX_PPS];
		if (clause_target(x, c, objs, CW_MAX_ARGS + CW_MAX_PPS) > 0)
			tgt = objs[0];
	}
	int one[1] = { src }, tg[1] = { tgt };
	return src >= 0 ? add_pairs(x, ti, one, 1, tg, tgt >= 0, "frame: the demander and the one who must act")
			: 0;
}

/* "A accused B of X, and B denied that its troops were involved": a
 * statement whose code is news of its own (cameo-codes.tsv: a denial, a
 * claim of responsibility) is coded beside the sentence's other acts when
 * none of them is what it reports (its governed act, or an act in a
 * clause under its own). */
static int own_statement(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[i];
	const cw_clause *c = clause_of(x, t);
	if ((t->flags & CW_TR_SAY) || !cw_code_is(x->cw->codes, t->fcode, CW_CC_NEWS) || !c)
		return 0;
	int ci = (int)(c - s->clauses);
	for (int k = 0; k < s->nevents; k++) {
		const cw_trigger *u = &s->trigs[s->events[k].trigger];
		if (u->governor == i)
			return 0;
		const cw_clause *uc = clause_of(x, u);
		for (int depth = 0; uc && depth < PARENT_DEPTH; depth++) {
			if (uc - s->clauses == ci)
				return 0;
			uc = uc->parent >= 0 && uc->parent < s->nclauses ? &s->clauses[uc->parent] : NULL;
		}
	}
	return 1;
}

int cw_events(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	ctx x = { cw, doc, s, 0, NULL, 0 };
	s->events = NULL;
	s->nevents = 0;
	if (s->nments == 0 || s->ntrigs == 0)
		return 0;
	/* the rules ask about the same few tokens' words over and over:
	 * each token's lists are looked up once, when first asked */
	if (!(x.lex = cw_alloc(doc->arena, (size_t)s->ntoks * sizeof *x.lex)))
		return CURLEW_ESYS;
	int statements = 0, settings = 0, own_only = 0;
	for (int pass = 0; pass < 3; pass++) {
		/* pass 0: specific events; pass 1: events named only as the
		 * setting of another act; pass 2: bare statements; each later
		 * pass only if nothing came before, but for the statements of a
		 * kind of their own that report none of the acts coded */
		if (pass == 1 && s->nevents > 0)
			continue;
		if (pass == 2 && s->nevents > 0)
			own_only = 1;
		if (pass == 1 && !settings)
			continue;
		for (int i = 0; i < s->ntrigs; i++) {
			const cw_trigger *t = &s->trigs[i];
			/* a reporting verb that is only a statement ("stressed that")
			 * yields to the event it reports */
			int say = (t->flags & CW_TR_SAY) != 0 ||
				  ((t->flags & CW_TR_REPORT) && cw_code_is(cw->codes, t->code, CW_CC_STATEMENT));
			/* ... but one that says more (frames.txt "says": "said the
			 * gang was behind the abduction") is news */
			if (say && (t->flags & CW_TR_SAY) && cw_code_is(cw->codes, t->fcode, CW_CC_NEWS))
				say = 0;
			if (say != (pass == 2)) {
				statements += say;
				continue;
			}
			/* PETRARCH codes every clause alike */
			if ((secondary(&x, t) && !cw->opts.petrarch) != (pass == 1)) {
				settings += pass == 0;
				continue;
			}
			/* "resigned, a day after protesters stormed parliament": a
			 * clause of time or cause is background even when the news
			 * beside it codes nothing (GUIDE) */
			if (pass == 1 && adverbial(&x, t))
				continue;
			/* frames.c said whether the act is coded, and as what */
			if (!t->fcode[0] || swallowed(&x, i) || echo(&x, i) || background(&x, t))
				continue;
			if (pass == 2 && (trailing_attribution(&x, t) ||
					  ((t->flags & CW_TR_SAY) && reports_act(&x, i))))
				continue;
			if (own_only && !own_statement(&x, i))
				continue;
			int rc = wanted(t) ? code_wanted(&x, i)
				 : t->flags & CW_TR_NOMINAL ? code_nominal(&x, i) : code_verbal(&x, i);
			if (rc < 0)
				return rc;
		}
		if (pass == 0 && !statements && !settings)
			break;
	}
	return 0;
}

int cw_events_merge(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	ctx x = { cw, doc, s, 0, NULL, 0 };
	merge_repeats(&x);
	return 0;
}
