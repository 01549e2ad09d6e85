/*
 * events.c -- turns verb triggers, clauses and actor mentions into events:
 * who (source) did what (the trigger's code) to whom (target), when and
 * where.
 *
 * The choices, in order:
 *  - a trigger inside a more specific one is dropped ("threatened to
 *    attack" is a threat, not an attack);
 *  - negated triggers and clauses code nothing ("did not target");
 *  - the source is the clause's subject, or for a passive the by-agent;
 *    the target is the pattern's target slot, else the pattern's
 *    preposition object, else the direct object, else a with/against/to/on
 *    object;
 *  - a nominal trigger ("the operation against X") takes its source from an
 *    actor word just before it ("Azerbaijani operation"), else from the
 *    subject of the clause it sits in, climbing out of reported speech;
 *  - compound subjects and objects give one event per pair, and "both
 *    sides" gives the two directions;
 *  - a bare statement ("X said") is coded 010 only when nothing more
 *    specific was found in the sentence.
 */
#include <string.h>
#include "internal.h"

#define MAX_EVENTS_PER_SENTENCE 12

typedef struct ctx {
	const curlew *cw;
	curlew_doc *doc;
	cw_sentence *s;
	int cap;
	int mcap;      /* mention array capacity, once events has grown it */
} ctx;

static int usable(const cw_sentence *s, int m)
{
	return m >= 0 && m < s->nments && s->ments[m].code[0] != '\0';
}

static int is_word(const cw_sentence *s, int t, const char *w)
{
	return t >= 0 && t < s->ntoks && strcmp(s->toks[t].lower, w) == 0;
}

static int is_verb(const cw_sentence *s, int tok)
{
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
static int mention_at(const cw_sentence *s, int tok)
{
	if (tok < 0 || tok >= s->ntoks)
		return -1;
	int m = s->toks[tok].mention;
	if (m >= 0)
		return m;
	for (int t = tok - 1; t >= 0 && t >= tok - 4; t--) {
		const cw_token *k = &s->toks[t];
		if (is_verb(s, t))
			return -1;   /* "expressed sympathy": the phrase starts after the verb */
		if (k->mention >= 0)
			return usable(s, k->mention) ? k->mention : -1;
		if ((k->flags & CW_T_PUNCT) && strcmp(k->lower, "'s") != 0 && strcmp(k->lower, "-") != 0)
			return -1;
		if (is_word(s, t, "of") || is_word(s, t, "and") || is_word(s, t, "or") ||
		    is_word(s, t, "by") || is_word(s, t, "to") || is_word(s, t, "with"))
			return -1;
	}
	return -1;
}

/* "and the evil awful Gondor", "and neighbouring France": adjectives and
 * an article between a conjunction and the actor.  Returns the token
 * after them, looking right (dir 1), or before them, looking left (-1). */
static int past_modifiers(const cw_sentence *s, int t, int dir)
{
	for (int k = 0; k < 3 && t >= 0 && t < s->ntoks; k++, t += dir) {
		const cw_token *w = &s->toks[t];
		if (w->mention >= 0 || w->flags & (CW_T_PUNCT | CW_T_CAP) || is_word(s, t, "and") ||
		    (!is_word(s, t, "the") && (w->vlemma || !cw_lemma(w->lower, 'a'))))
			break;
	}
	return t;
}

/* "Russia and Belarus", "Britain, France and Germany": the actors joined to
 * mention m on its right. */
static int conjuncts(const cw_sentence *s, int m, int *out, int max)
{
	int n = 0, upto_and = 0;   /* a list counts only up to its "and" */
	int t = s->ments[m].tok_end;
	while (n < max && t < s->ntoks) {
		if (!is_word(s, t, "and") && !is_word(s, t, ","))
			break;
		int joined_by_and = is_word(s, t, "and") || is_word(s, t + 1, "and");
		t++;
		if (is_word(s, t, "and"))
			t++;
		t = past_modifiers(s, t, 1);
		if (t >= s->ntoks || s->toks[t].mention < 0 || !usable(s, s->toks[t].mention))
			break;
		int c = s->toks[t].mention;
		out[n++] = c;
		if (joined_by_and)
			upto_and = n;
		t = s->ments[c].tok_end;
	}
	return upto_and;
}

/* "Egypt, Ethiopia and Sudan": the actors joined to mention m on its left
 * (parsers often give only the last conjunct as the subject). */
static int conjuncts_left(const cw_sentence *s, int m, int *out, int max)
{
	int n = 0;
	int t = past_modifiers(s, s->ments[m].tok_start - 1, -1);
	/* "Britain, France and Germany" read from Germany: the first link
	 * must be "and"; "..., both sides" after a comma is no list */
	if (!is_word(s, t, "and"))
		return 0;
	while (n < max && t > 0) {
		if (!is_word(s, t, "and") && !is_word(s, t, ","))
			break;
		t--;
		if (is_word(s, t, ","))
			t--;
		if (t < 0 || s->toks[t].mention < 0 || !usable(s, s->toks[t].mention))
			break;
		int c = s->toks[t].mention;
		out[n++] = c;
		t = past_modifiers(s, s->ments[c].tok_start - 1, -1);
	}
	return n;
}

/* Adds to list the conjuncts of every actor in it that are not there yet. */
static int widen(const cw_sentence *s, int *list, int n, int max)
{
	int orig = n;
	for (int i = 0; i < orig && n < max; i++) {
		int more[CW_MAX_ARGS * 2];
		int k = conjuncts(s, list[i], more, CW_MAX_ARGS);
		k += conjuncts_left(s, list[i], more + k, CW_MAX_ARGS);
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
static int swallowed(const cw_sentence *s, int i)
{
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
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
static const cw_clause *clause_of(const cw_sentence *s, const cw_trigger *t)
{
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
static const cw_clause *clause_around(const cw_sentence *s, int tok)
{
	const cw_clause *best = NULL;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb < tok && (!best || c->verb > best->verb))
			best = c;
	}
	return best;
}

static int first_subject(const cw_sentence *s, const cw_clause *c);

/* The subject of the closest clause before tok that has an actor for one. */
static int subject_before(const cw_sentence *s, int tok)
{
	int best = -1, best_verb = -1;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb >= tok || c->verb <= best_verb)
			continue;
		for (int k = 0; k < c->nsubj; k++) {
			int m = s->toks[c->subj[k]].mention;
			if (c->subj[k] >= 0 && c->subj[k] < s->ntoks && usable(s, m)) {
				best = m;
				best_verb = c->verb;
				break;
			}
		}
	}
	return best;
}

static int first_subject(const cw_sentence *s, const cw_clause *c)
{
	for (int depth = 0; c && depth < 8; depth++) {
		for (int i = 0; i < c->nsubj; i++) {
			int m = mention_at(s, c->subj[i]);
			if (usable(s, m))
				return m;
		}
		c = c->parent >= 0 && c->parent < s->nclauses ? &s->clauses[c->parent] : NULL;
	}
	return -1;
}

/* Prepositions that introduce whom an act is aimed at; "in" and "at" name
 * places, so they never give a target. */
static int target_prep(const char *p)
{
	static const char *ok[] = { "with", "against", "to", "on", "toward", "towards", "upon",
				    "into", "from", "for", "over", "about", NULL };
	for (int i = 0; ok[i]; i++)
		if (strcmp(p, ok[i]) == 0)
			return 1;
	return 0;
}

/* The first usable mention starting at tok or within a few words after it
 * (the slot's determiners and adjectives). */
static int mention_from(const cw_sentence *s, int tok, int reach)
{
	for (int t = tok; t >= 0 && t < s->ntoks && t <= tok + reach; t++) {
		int m = s->toks[t].mention;
		if (usable(s, m))
			return m;
		if (s->toks[t].flags & CW_T_PUNCT && s->toks[t].text[0] != '\'')
			break;
	}
	return -1;
}

static int pattern_target(const cw_sentence *s, const cw_trigger *t, const cw_clause *c)
{
	if (t->target_tok >= 0)
		return mention_from(s, t->target_tok, 4);
	if (t->prep && c) {
		for (int i = 0; i < c->npp; i++)
			if (c->pp_prep[i] >= 0 && strcmp(s->toks[c->pp_prep[i]].lower, t->prep) == 0) {
				int m = mention_at(s, c->pp_obj[i]);
				if (usable(s, m))
					return m;
			}
	}
	return -1;
}

static int clause_target(const cw_sentence *s, const cw_clause *c, int *objs, int max)
{
	int n = 0;
	for (int i = 0; i < c->nobj && n < max; i++) {
		int m = mention_at(s, c->obj[i]);
		if (usable(s, m))
			objs[n++] = m;
	}
	if (n)
		return n;
	for (int i = 0; i < c->npp && n < max; i++) {
		if (c->pp_prep[i] < 0 || !target_prep(s->toks[c->pp_prep[i]].lower))
			continue;
		int m = mention_at(s, c->pp_obj[i]);
		if (usable(s, m) && s->ments[m].kind != CW_M_CAPITAL)
			objs[n++] = m;
	}
	return n;
}

/* Without a clause (the parser found no verb there): the nearest actor
 * before the anchor in the same stretch of text, and the first after it. */
/* Does the sentence open with an adverbial phrase ("Apart from discussing
 * the conflict between A and B, ...")?  Its actors are not the subject. */
static int fronted(const cw_sentence *s)
{
	static const char *w[] = { "apart", "after", "before", "during", "despite", "following",
				   "in", "on", "while", "although", "as", "when", "since", "amid",
				   "with", "without", "under", "according", "at", "for", "by",
				   "ahead", "besides", "unlike", "like", NULL };
	for (int i = 0; w[i]; i++)
		if (is_word(s, 0, w[i]))
			return 1;
	return 0;
}

static int nearest_left(const cw_sentence *s, int tok)
{
	int front = fronted(s);
	for (int t = tok - 1; t >= 0; t--) {
		if (s->toks[t].text[0] == ';' || s->toks[t].text[0] == ':')
			break;
		if (front && s->toks[t].text[0] == ',')
			break;
		int m = s->toks[t].mention;
		if (usable(s, m) && s->ments[m].kind != CW_M_CAPITAL)
			return m;
	}
	return -1;
}

static int nearest_right(const cw_sentence *s, int tok)
{
	for (int t = tok + 1; t < s->ntoks; t++) {
		if (s->toks[t].text[0] == ';' || s->toks[t].text[0] == ':')
			break;
		int m = s->toks[t].mention;
		if (!usable(s, m))
			continue;
		int before = s->ments[m].tok_start - 1;
		const char *p = before >= 0 ? s->toks[before].lower : "";
		if (strcmp(p, "in") == 0 || strcmp(p, "at") == 0)
			continue;
		return m;
	}
	return -1;
}

/* Intentions, appeals, demands, refusals and threats: acts about
 * another act. */
static int intent_like(const char *code)
{
	static const char *roots[] = { "02", "03", "10", "12", "13", NULL };
	for (int i = 0; roots[i]; i++)
		if (strncmp(code, roots[i], 2) == 0)
			return 1;
	return 0;
}

/* The same actor, or a country and its own government ("the Azerbaijani
 * minister ... claims against Azerbaijan"): not a dyad worth an event. */
static int same_actor(const cw_sentence *s, int a, int b)
{
	if (a == b)
		return 1;
	if (a < 0 || b < 0)
		return 0;
	const cw_mention *x = &s->ments[a], *y = &s->ments[b];
	if (strcmp(x->code, y->code) == 0)
		return 1;
	return x->country[0] && strcmp(x->country, y->country) == 0 &&
	       (strcmp(x->code, x->country) == 0 || strcmp(y->code, y->country) == 0);
}

/* Does the comma at tok open a trailing attribution (", the ministry
 * said")?  What follows names the reporter, not the news. */
static int trailing_said(const cw_sentence *s, int tok)
{
	for (int k = tok + 1; k < s->ntoks && k <= tok + 8; k++) {
		for (int i = 0; i < s->ntrigs; i++)
			if (s->trigs[i].anchor == k && (s->trigs[i].flags & CW_TR_SAY))
				return 1;
		if (s->toks[k].flags & CW_T_PUNCT)
			return 0;
	}
	return 0;
}

/* "Armenian protesters rallied against the government": an unqualified
 * government, police or army is the source's own country's.  The target
 * gets a copy of the mention with the country filled in. */
static int localise(ctx *x, int src, int tgt)
{
	cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src], *b = &s->ments[tgt];
	if (b->country[0] || !a->country[0] || b->kind != CW_M_AGENT || b->nsectors == 0)
		return tgt;
	cw_mention *m = cw_grow(x->doc->arena, s->ments, &x->mcap, s->nments + 1, sizeof *m);
	if (!m)
		return tgt;
	s->ments = m;
	cw_mention *c = &m[s->nments];
	*c = m[tgt];
	memcpy(c->country, m[src].country, sizeof c->country);
	snprintf(c->code, sizeof c->code, "%s%s", c->country, c->sectors[0]);
	c->also = -1;
	return s->nments++;
}

static int same_code(const cw_sentence *s, int a, int b)
{
	if (a < 0 || b < 0)
		return a == b;
	return strcmp(s->ments[a].code, s->ments[b].code) == 0;
}

/* "Russia is about to resume gas deliveries": an act announced as
 * imminent, which news writes like "will". */
static int about_to(const cw_sentence *s, int anchor)
{
	return is_word(s, anchor - 1, "to") && is_word(s, anchor - 2, "about");
}

/* "Israel said it would free 30 prisoners", "Iran will attack": an act
 * announced for the future is, in CAMEO, an intention (03x) when it is
 * cooperative and a threat (138) when it is violent.  Patterns that are
 * intentions already ("agreed to", "threatened to") are left alone. */
static void modal_code(const ctx *x, const cw_trigger *t, char out[5])
{
	const cw_sentence *s = x->s;
	static const struct { const char *from, *to; } map[] = {
		{ "084", "0353" }, { "04", "036" }, { "05", "032" }, { "06", "031" },
		{ "07", "033" }, { "08", "035" }, { "18", "138" }, { "19", "138" },
		{ "20", "138" }, { NULL, NULL }
	};
	memcpy(out, t->code, 5);
	int modal = 0;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - 2; k--)
		if (is_word(s, k, "will") || is_word(s, k, "would") || is_word(s, k, "'ll") ||
		    is_word(s, k, "wo"))
			modal = 1;
	modal |= about_to(s, t->anchor);
	/* PETRARCH codes the act itself, whatever the tense */
	if (!modal || t->flags & CW_TR_NOMINAL || x->cw->opts.petrarch)
		return;
	for (int i = 0; map[i].from; i++)
		if (strncmp(t->code, map[i].from, strlen(map[i].from)) == 0) {
			snprintf(out, 5, "%s", map[i].to);
			return;
		}
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
	    s->ments[src].kind == CW_M_AGENT && strncmp(tr->code, "18", 2) < 0 && !x->cw->opts.petrarch)
		return 0;
	if (tgt >= 0)
		tgt = localise(x, src, tgt);
	if (tgt >= 0 && same_actor(s, src, tgt))
		tgt = -1;
	const cw_trigger *t = &s->trigs[trig];
	char code[5];
	modal_code(x, t, code);
	if (as)
		snprintf(code, sizeof code, "%s", as);
	for (int i = 0; i < s->nevents; i++) {
		/* "made a visit ... where he held talks": one consultation */
		const cw_event *e = &s->events[i];
		if (strncmp(e->code, code, 2) == 0 && same_code(s, e->source, src) &&
		    same_code(s, e->target, tgt))
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

/* The event, and for a paired code ("032:033") the target's side too. */
static int add_event(ctx *x, int trig, int src, int tgt, const char *why)
{
	int rc = add_event_as(x, trig, src, tgt, NULL, why);
	const char *r = x->s->trigs[trig].rcode;
	if (rc == 0 && r[0] && tgt >= 0 && src >= 0)
		rc = add_event_as(x, trig, tgt, src, r, why);
	return rc;
}

/* One event per source and target pair; "both sides" (a mention with a
 * partner in ->also) acting with no other target gives both directions. */
static int violent(const char *code)
{
	return strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
	       strncmp(code, "20", 2) == 0;
}

/* "shelled residential areas of Kharkiv", "air strikes on a village in
 * Sagaing": violence aimed at a place with no named actor targets the
 * country the place is in, as event datasets code it.  The place becomes
 * an actor mention of its own for the record. */
static int place_target(ctx *x, int trig, int src)
{
	cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[trig];
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		if (p->tok_start < t->tok_end || !p->country[0])
			continue;
		/* "air strikes on what New Delhi said was a camp in Pakistan":
		 * a place of the source's own country is rarely the target
		 * when it names one elsewhere */
		if (src >= 0 && strcmp(p->country, s->ments[src].country) == 0)
			continue;
		int m = s->toks[p->tok_start].mention;
		/* "air strikes on a training camp in Pakistan": a country
		 * named as the place is the target too */
		if (m >= 0 && s->ments[m].kind != CW_M_CAPITAL &&
		    (strcmp(s->ments[m].code, s->ments[m].country) != 0 || p->prep < 0))
			continue;
		cw_mention *arr = cw_grow(x->doc->arena, s->ments, &x->mcap, s->nments + 1, sizeof *arr);
		if (!arr)
			return -1;
		s->ments = arr;
		cw_mention *c = &arr[s->nments];
		memset(c, 0, sizeof *c);
		c->tok_start = p->tok_start;
		c->tok_end = p->tok_end;
		c->head = p->tok_start;
		memcpy(c->country, p->country, sizeof c->country);
		memcpy(c->code, p->country, sizeof c->country);
		c->kind = CW_M_NAME;
		c->start = p->start;
		c->end = p->end;
		c->text = p->text;
		c->rule = "place as target";
		c->also = -1;
		return s->nments++;
	}
	return -1;
}

/* "Thousands of Georgians rallied outside parliament", "students demanded
 * that...": protests and demands by a country's own people with no named
 * target are aimed at their government, as event datasets code them. */
static int home_government(ctx *x, int trig, int src)
{
	cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src];
	const char *code = s->trigs[trig].code;
	if (strncmp(code, "14", 2) != 0 && strncmp(code, "10", 2) != 0)
		return -1;
	if (!a->country[0] || (a->nsectors && (strcmp(a->sectors[0], "GOV") == 0 ||
					       strcmp(a->sectors[0], "MIL") == 0)))
		return -1;
	if (strlen(a->code) == 3 && strncmp(code, "10", 2) == 0)
		return -1;   /* "Ukraine demanded": a state's demand has its own target */
	cw_mention *arr = cw_grow(x->doc->arena, s->ments, &x->mcap, s->nments + 1, sizeof *arr);
	if (!arr)
		return -1;
	s->ments = arr;
	cw_mention *c = &arr[s->nments];
	*c = arr[src];
	snprintf(c->code, sizeof c->code, "%sGOV", c->country);
	c->nsectors = 1;
	snprintf(c->sectors[0], 4, "GOV");
	c->kind = CW_M_AGENT;
	c->text = "";
	c->start = c->end = 0;
	c->rule = "protest aimed at its own government";
	c->also = -1;
	return s->nments++;
}

/* Acts that two parties do with each other: a compound subject of these
 * with no object means each member is the others' target. */
static int reciprocal(const cw_sentence *s, const cw_trigger *t)
{
	static const char *verbs[] = { "meet", "talk", "negotiate", "discuss", "clash", "fight",
				       "sign", "agree", "cooperate", "hold", "exchange", "resume",
				       "confer", "consult", "trade", "reconcile", "normalize",
				       "normalise", "establish", "restore", "cut", "sever", NULL };
	const cw_token *a = &s->toks[t->anchor];
	const char *l = a->vlemma ? a->vlemma : a->lower;
	for (int i = 0; verbs[i]; i++)
		if (strcmp(l, verbs[i]) == 0)
			return 1;
	/* "began joint military exercises" */
	for (int k = t->tok_start; k < t->tok_end; k++)
		if (is_word(s, k, "joint"))
			return 1;
	return 0;
}

/* Acts each side does for its own part ("agreed", "restored relations",
 * "exchanged prisoners"), as opposed to acts with a host and a guest
 * ("met", "signed", "held talks"). */
static int mirrored(const cw_sentence *s, const cw_trigger *t)
{
	static const char *verbs[] = { "agree", "cooperate", "exchange", "trade", "reconcile",
				       "normalize", "normalise", "establish", "restore", "cut",
				       "sever", "share", NULL };
	const cw_token *a = &s->toks[t->anchor];
	const char *l = a->vlemma ? a->vlemma : a->lower;
	for (int i = 0; verbs[i]; i++)
		if (strcmp(l, verbs[i]) == 0)
			return 1;
	return 0;
}

/* Are the actors in list one coordination ("A, B and C")?  Only then do
 * they act toward each other; a parser that took a fronted phrase for a
 * second subject must not make a dyad of it. */
static int coordinated(const cw_sentence *s, const int *list, int n)
{
	int lo = s->ntoks, hi = -1;
	for (int i = 0; i < n; i++) {
		const cw_mention *m = &s->ments[list[i]];
		lo = m->tok_start < lo ? m->tok_start : lo;
		hi = m->tok_end > hi ? m->tok_end : hi;
	}
	for (int t = lo; t < hi; t++) {
		if (s->toks[t].mention >= 0 || is_word(s, t, "and") || is_word(s, t, ",") ||
		    is_word(s, t, "the") || is_word(s, t, "'s"))
			continue;
		return 0;
	}
	return 1;
}

/* "Abe said he was hopeful that relations with South Korea would
 * improve": a statement with no addressee is about the first actor of
 * another country named after the verb ("no comment on X" is about
 * nobody: 011 is left alone). */
static int spoken_of(const cw_sentence *s, int trig, int src)
{
	const cw_trigger *t = &s->trigs[trig];
	const char *own = s->ments[src].country;
	for (int k = t->tok_end; k < s->ntoks; k++) {
		if (is_word(s, k, ";") || (is_word(s, k, ",") && trailing_said(s, k)))
			break;
		int m = s->toks[k].mention;
		if (usable(s, m) && s->ments[m].country[0] && strcmp(s->ments[m].country, own) != 0)
			return m;
	}
	return -1;
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
	nsrc = widen(s, src, nsrc, CW_MAX_ARGS * 2);
	ntgt = widen(s, tgt, ntgt, CW_MAX_ARGS * 2);
	const char *code = s->trigs[trig].code;
	/* a claim of responsibility is aimed where the attack was */
	if (ntgt == 0 && (violent(code) || strncmp(code, "015", 3) == 0) &&
	    (tgt[0] = place_target(x, trig, nsrc ? src[0] : -1)) >= 0)
		ntgt = 1;
	if (ntgt == 0 && nsrc > 0 && strncmp(code, "01", 2) == 0 && strncmp(code, "011", 3) != 0 &&
	    (tgt[0] = spoken_of(s, trig, src[0])) >= 0)
		ntgt = 1;
	if (ntgt == 0 && nsrc > 0 && (tgt[0] = home_government(x, trig, src[0])) >= 0)
		ntgt = 1;
	if (ntgt == 0 && nsrc > 1 && coordinated(s, src, nsrc) &&
	    (reciprocal(s, &s->trigs[trig]) || s->trigs[trig].flags & CW_TR_MUTUAL)) {
		/* "Indian and Chinese troops clashed": each acts toward the
		 * others.  "China and the Solomon Islands signed a pact", "Kerry
		 * and Lavrov met": news names the side it reports from first,
		 * and coders take that one as the source of one event toward
		 * each partner, not a pair of mirror events.  A @mutual pattern
		 * and PETRARCH mode code both directions. */
		int first = 0;
		for (int i = 1; i < nsrc; i++)
			if (s->ments[src[i]].tok_start < s->ments[src[first]].tok_start)
				first = i;
		int mutual = violent(s->trigs[trig].code) || mirrored(s, &s->trigs[trig]) ||
			     (s->trigs[trig].flags & CW_TR_MUTUAL) || x->cw->opts.petrarch;
		for (int i = 0; i < nsrc && rc == 0; i++)
			for (int j = 0; j < nsrc && rc == 0; j++)
				if (i != j && (mutual || i == first))
					rc = add_event(x, trig, src[i], src[j], why);
		return rc;
	}
	for (int i = 0; i < nsrc && rc == 0; i++) {
		const cw_mention *m = &s->ments[src[i]];
		if (m->also >= 0 && m->also < s->nments && usable(s, m->also)) {
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

static int subjects(const cw_sentence *s, const cw_clause *c, int *out, int max)
{
	int n = 0;
	for (int i = 0; i < c->nsubj && n < max; i++) {
		int m = mention_at(s, c->subj[i]);
		if (usable(s, m))
			out[n++] = m;
	}
	return n;
}

static int by_agent_after(const cw_sentence *s, int tok);

static int prep_word(const cw_sentence *s, int k)
{
	static const char *w[] = { "in", "of", "on", "at", "by", "for", "from", "with", "to",
				   "into", "near", "against", NULL };
	for (int i = 0; w[i]; i++)
		if (is_word(s, k, w[i]))
			return 1;
	return 0;
}

/* Is the noun at tok in an "in" phrase ("used in an April attack")? */
static int in_phrase(const cw_sentence *s, int tok)
{
	for (int k = tok - 1; k >= 0 && k >= tok - 4; k--) {
		if (is_word(s, k, "in"))
			return 1;
		if (s->toks[k].flags & CW_T_PUNCT || s->toks[k].mention >= 0 || is_verb(s, k) ||
		    prep_word(s, k))
			return 0;
	}
	return 0;
}

/* The actor a nominal trigger names as its own doer: "warplanes pounded"
 * (in the trigger's words), "the Azerbaijani military operation",
 * "Russia's offensive", "an air strike by government forces".  An actor
 * before a preposition ("Kitchen in an air strike") is not the owner. */
static int owner(const cw_sentence *s, const cw_trigger *t)
{
	if (usable(s, s->toks[t->anchor].mention) && t->anchor == t->tok_start &&
	    t->tok_end > t->anchor + 1)
		return s->toks[t->anchor].mention;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - 4; k--) {
		int m = s->toks[k].mention;
		if (usable(s, m))
			return m;
		if ((s->toks[k].flags & CW_T_PUNCT && s->toks[k].text[0] != '\'') || is_verb(s, k) ||
		    prep_word(s, k))
			break;
	}
	int a = by_agent_after(s, t->tok_end);
	return a >= 0 ? s->toks[a].mention : -1;
}

/* "drones used in attacks on cities", "told Macron in a telephone call":
 * a nominal event in an "in" phrase with no doer of its own is the
 * setting of the clause's act; it codes only when nothing else does. */
static int setting(const cw_sentence *s, const cw_trigger *t)
{
	return (t->flags & CW_TR_NOMINAL) && in_phrase(s, t->anchor) && owner(s, t) < 0;
}

static int complement_target(const cw_sentence *s, const cw_trigger *t, int src);

static int code_nominal(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	int src = owner(s, t);
	const cw_clause *c = clause_around(s, t->anchor);
	const char *why = "nominal trigger: source is the actor word before or by-agent after it";
	if (src < 0) {
		src = first_subject(s, c);
		why = "nominal trigger: source is the subject of the clause around it";
	}
	if (src < 0) {
		/* "he stressed that ... the provocations by X": the speaker */
		src = subject_before(s, t->anchor);
		why = "nominal trigger: source is the nearest earlier clause's subject";
	}
	int tgt = pattern_target(s, t, NULL);
	if (tgt < 0 && t->target_tok < 0)
		tgt = -1;
	if (tgt < 0 && src >= 0 && intent_like(t->code))
		tgt = complement_target(s, t, src);   /* "willing to work with Seoul" */
	if (tgt < 0 && c && setting(s, t)) {
		/* "told Macron in a telephone call", "engaged peacekeepers in
		 * a firefight": the clause's object is the other party */
		for (int i = 0; i < c->nobj && tgt < 0; i++) {
			int m = mention_at(s, c->obj[i]);
			if (usable(s, m) && m != src)
				tgt = m;
		}
	}
	int one[1] = { src };
	int tg[1] = { tgt };
	return src >= 0 ? add_pairs(x, ti, one, 1, tg, tgt >= 0, why) : 0;
}

/* "expressed condolences to Morocco" where the parser hung the "to" phrase
 * on the noun: a target preposition right after the trigger's words. */
static int prep_target_after(const cw_sentence *s, const cw_trigger *t)
{
	int tok = t->tok_end;
	if (tok >= s->ntoks)
		return -1;
	/* "demanded the withdrawal of Turkish troops": a pattern ending on a
	 * noun takes its object from the of-phrase */
	int noun_end = t->tok_end - 1 > t->anchor && s->toks[t->tok_end - 1].nlemma;
	if (is_word(s, tok, "of") ? !noun_end
				  : !target_prep(s->toks[tok].lower) || is_word(s, tok, "about") ||
					    is_word(s, tok, "over") || is_word(s, tok, "for"))
		return -1;
	return mention_from(s, tok + 1, 3);
}

/* The target inside the trigger's own words: "demanded that Poland
 * suspend", "rejected China's plan", "rejected an offer by France" --
 * the subject of a that-clause, or a possessor or by-agent in the
 * object. */
static int inner_target(const cw_sentence *s, const cw_trigger *t, int src)
{
	if (is_word(s, t->tok_end - 1, "that"))
		return mention_from(s, t->tok_end, 3);
	/* "rejected remarks by the Canadian prime minister" */
	for (int k = t->anchor + 1; k < t->tok_end + 4 && k < s->ntoks; k++) {
		int m = s->toks[k].mention;
		if (!usable(s, m) || m == src)
			continue;
		int after = s->ments[m].tok_end;
		int before = s->ments[m].tok_start - 1;
		if (is_word(s, after, "'s") || is_word(s, before, "by") || is_word(s, before, "from"))
			return m;
	}
	return -1;
}

/* "extradited the drug lord to the United States", "threatened to cut gas
 * supplies to Moldova": a to/with/against phrase further on in the same
 * clause, when the parser hung it on the object. */
static int later_target_from(const cw_sentence *s, int from)
{
	for (int k = from; k < s->ntoks && k < from + 10; k++) {
		const cw_token *w = &s->toks[k];
		if (w->flags & CW_T_QUOTE)
			continue;   /* 'Joaquin "El Chapo" Guzman to the United States' */
		if ((w->flags & CW_T_PUNCT) || is_word(s, k, "that") || is_word(s, k, "which") ||
		    is_word(s, k, "who") || is_verb(s, k))
			return -1;
		if (is_word(s, k, "to") && is_verb(s, k + 1))
			return -1;   /* "met to discuss": an infinitive, not an addressee */
		if (is_word(s, k, "to") || is_word(s, k, "with") || is_word(s, k, "against")) {
			int m = mention_from(s, k + 1, 3);
			if (m >= 0 && s->ments[m].kind != CW_M_CAPITAL)
				return m;
		}
	}
	return -1;
}

static int later_target(const cw_sentence *s, const cw_trigger *t)
{
	return later_target_from(s, t->tok_end);
}

/* "threatened to cut gas supplies to Moldova", "pledged loans to help
 * Sri Lanka", "willing to work with Seoul": an intention, threat or
 * appeal ending in "to" is aimed at whom its complement verb acts on. */
static int complement_target(const cw_sentence *s, const cw_trigger *t, int src)
{
	int v = t->tok_end;
	if (!is_word(s, v - 1, "to")) {
		/* "pledged an additional $500 million ... to help Sri Lanka" */
		for (v = t->tok_end; v < s->ntoks && v < t->tok_end + 12; v++)
			if (is_word(s, v, ",") || is_word(s, v, ";") || is_word(s, v, ":") ||
			    (is_word(s, v, "to") && v + 1 < s->ntoks && is_verb(s, v + 1)))
				break;
		if (v >= s->ntoks || v >= t->tok_end + 12 || !is_word(s, v, "to"))
			return -1;
		v++;
	}
	if (v >= s->ntoks || !is_verb(s, v))
		return -1;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb != v)
			continue;
		int objs[CW_MAX_ARGS + CW_MAX_PPS];
		int n = clause_target(s, c, objs, CW_MAX_ARGS + CW_MAX_PPS);
		for (int j = 0; j < n; j++)
			if (!same_actor(s, objs[j], src))
				return objs[j];
	}
	int m = mention_from(s, v + 1, 3);   /* "to help Sri Lanka" */
	if (m < 0 || same_actor(s, m, src))
		m = later_target_from(s, v + 1);
	return m >= 0 && !same_actor(s, m, src) ? m : -1;
}

static int by_agent_after(const cw_sentence *s, int tok)
{
	if (!is_word(s, tok, "by"))
		return -1;
	for (int t = tok + 1; t < s->ntoks && t <= tok + 4; t++)
		if (s->toks[t].mention >= 0)
			return usable(s, s->toks[t].mention) ? t : -1;
	return -1;
}

static int be_before(const cw_sentence *s, int tok)
{
	static const char *be[] = { "was", "were", "been", "be", "is", "are", "being", NULL };
	for (int t = tok - 1; t >= 0 && t >= tok - 3; t--)
		for (int i = 0; be[i]; i++)
			if (is_word(s, t, be[i]))
				return 1;
	return 0;
}

/* "the earthquake that struck southern Turkey", "an attack that killed 30":
 * a relative clause whose antecedent is a thing, not an actor, has no
 * source, whatever actor stands further left. */
static int thing_relative(const cw_sentence *s, const cw_trigger *t)
{
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - 3; k--) {
		if (is_word(s, k, "that") || is_word(s, k, "which")) {
			int ante = k - 1;
			if (is_word(s, ante, ","))
				ante--;
			if (ante >= 0 && usable(s, s->toks[ante].mention)) {
				/* "an attack on a mosque in Kabul that killed 30":
				 * a place named after "in" is the setting, not the
				 * antecedent */
				int b = s->ments[s->toks[ante].mention].tok_start - 1;
				if (is_word(s, b, "the"))
					b--;
				return is_word(s, b, "in") || is_word(s, b, "at") || is_word(s, b, "near");
			}
			return ante >= 0 && !(s->toks[ante].flags & CW_T_PUNCT) && !is_verb(s, ante);
		}
		if (s->toks[k].flags & CW_T_PUNCT || s->toks[k].mention >= 0)
			return 0;
	}
	return 0;
}

/* "Israel announced it would free 30 prisoners": "it" (or "they") as the
 * subject of reported speech is the speaker, when the speaker is a
 * country or an organisation rather than a person. */
static int reporting(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && (s->trigs[i].flags & (CW_TR_SAY | CW_TR_REPORT)))
			return 1;
	return 0;
}

static int speaker_it(const cw_sentence *s, const cw_clause *c)
{
	if (c->nsubj == 0 || c->parent < 0 || c->parent >= s->nclauses)
		return -1;
	int t = c->subj[0];
	/* "Obama said he will attack Iraq": he or she is the speaker too */
	int person = is_word(s, t, "he") || is_word(s, t, "she");
	if (!person && !is_word(s, t, "it") && !is_word(s, t, "they"))
		return -1;
	const cw_clause *p = &s->clauses[c->parent];
	if (person && (!reporting(s, p->verb) || p->verb > t))
		return -1;   /* "visited Moscow, where he held talks, the Kremlin said" */
	for (int i = 0; i < p->nsubj; i++) {
		int m = mention_at(s, p->subj[i]);
		if (usable(s, m) && s->ments[m].kind != CW_M_PRONOUN &&
		    (person || s->ments[m].kind != CW_M_PERSON))
			return m;
	}
	return -1;
}

/* The first actor in the verb's own phrase: up to a comma or a word that
 * opens another clause ("after", "which", ...; "allowed that Mordor ..."
 * goes on, as PETRARCH does). */
static int phrase_actor(const cw_sentence *s, int from)
{
	static const char *stop[] = { "after", "before", "when", "while", "because", "since",
				      "although", "though", "which", "who", "where", "if",
				      "until", "as", "but", "whereas", NULL };
	for (int t = from; t < s->ntoks; t++) {
		if (s->toks[t].flags & CW_T_PUNCT && s->toks[t].text[0] != '\'')
			return -1;
		for (int i = 0; stop[i]; i++)
			if (is_word(s, t, stop[i]))
				return -1;
		int m = s->toks[t].mention;
		if (usable(s, m))
			return m;
	}
	return -1;
}

static int participle(const cw_sentence *s, const cw_trigger *t)
{
	/* "filed a lawsuit on Monday accusing Myanmar": news often drops
	 * the comma after the day */
	static const char *days[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
				      "saturday", "sunday", "today", "yesterday", "overnight", NULL };
	size_t n = strlen(s->toks[t->anchor].lower);
	if (n <= 4 || strcmp(s->toks[t->anchor].lower + n - 3, "ing") != 0)
		return 0;
	if (is_word(s, t->anchor - 1, ","))
		return 1;
	for (int i = 0; days[i]; i++)
		if (is_word(s, t->anchor - 1, days[i]))
			return 1;
	return 0;
}

/* The subject of the first clause before tok, if it names an actor. */
static int main_subject(const cw_sentence *s, int tok)
{
	const cw_clause *first = NULL;
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb < tok && c->nsubj > 0 && (!first || c->verb < first->verb))
			first = c;
	}
	if (!first)
		return -1;
	int m = mention_at(s, first->subj[0]);
	return usable(s, m) ? m : -1;
}

static int participle_after_noun(const cw_sentence *s, const cw_trigger *t);

/* Is there a verb earlier in tok's stretch of the sentence (so that the
 * noun before tok is that verb's object, not tok's subject)? */
static int verb_before(const cw_sentence *s, int tok)
{
	static const char *be[] = { "is", "are", "was", "were", NULL };
	for (int k = tok - 2; k >= 0; k--) {
		if (s->toks[k].flags & CW_T_PUNCT)
			return 0;
		if (is_verb(s, k))
			return 1;
		for (int i = 0; be[i]; i++)
			if (is_word(s, k, be[i]))
				return 1;
	}
	return 0;
}

/* Is tok the anchor of a violent nominal trigger ("strike", "blast")? */
static int violent_noun(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].tok_start <= tok && tok < s->trigs[i].tok_end &&
		    (s->trigs[i].flags & CW_TR_NOMINAL) &&
		    violent(s->trigs[i].code))
			return 1;
	return 0;
}

static int code_verbal(ctx *x, int ti)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[ti];
	if (thing_relative(s, t))
		return 0;
	const cw_clause *c = clause_of(s, t);
	int src[CW_MAX_ARGS + 1], tgt[CW_MAX_ARGS + CW_MAX_PPS];
	int nsrc = 0, ntgt = 0;
	const char *why;
	if (c && c->negated && !(t->flags & CW_TR_OWNNEG))
		return 0;
	if (c && c->nsubj > 0 && violent(t->code) && violent_noun(s, c->subj[0]))
		return 0;   /* "a Russian missile strike killed 40": told once */
	cw_clause fixed;
	if (c && c->agent < 0) {
		/* "were rejected by the Armenian side" where the parser attached the
		 * by-phrase elsewhere: a be-verb before and "by" + actor after */
		int a = by_agent_after(s, t->tok_end);
		/* "were rejected by", or a reduced relative: "rebels backed by Rwanda" */
		int after_actor = t->anchor > 0 && s->toks[t->anchor - 1].mention >= 0 &&
				  t->tok_end == t->anchor + 1;   /* not "rejected an offer by France" */
		if (a >= 0 && (be_before(s, t->anchor) || after_actor)) {
			fixed = *c;
			fixed.passive = 1;
			fixed.agent = a;
			c = &fixed;
		}
	}
	if (participle_after_noun(s, t) && by_agent_after(s, t->tok_end) < 0 && verb_before(s, t->anchor))
		return 0;   /* "returned vessels seized off Crimea": the noun suffered it */
	int pt = pattern_target(s, t, c);
	if (pt >= 0)
		tgt[ntgt++] = pt;
	int ps = t->source_tok >= 0 ? mention_from(s, t->source_tok, 4) : -1;
	if (ps >= 0) {
		/* the pattern names the source itself ("{T} was > freed from {S}") */
		src[nsrc++] = ps;
		if (!ntgt && c)
			ntgt = clause_target(s, c, tgt, CW_MAX_ARGS + CW_MAX_PPS);
		for (int i = 0; i < ntgt; i++)
			if (tgt[i] == ps)
				tgt[i--] = tgt[--ntgt];
		return add_pairs(x, ti, src, nsrc, tgt, ntgt, "pattern: the source is the pattern's {S} slot");
	}
	if (c && c->passive && c->agent >= 0) {
		int a = mention_at(s, c->agent);
		if (usable(s, a))
			src[nsrc++] = a;
		if (ntgt && tgt[0] == a)
			ntgt = 0;   /* "was received by X": the slot after the verb is the agent */
		if (!ntgt)
			ntgt = subjects(s, c, tgt, CW_MAX_ARGS);
		why = "passive: source is the by-agent, target the subject";
	} else if (c && c->passive && !x->cw->opts.petrarch) {
		/* "ten people were killed", "Soleimani was killed in a U.S. air
		 * strike": the subject suffered the act; with no by-agent the
		 * doer is unnamed (or named by a nominal trigger of its own).
		 * (PETRARCH takes the subject as the source.) */
		return 0;
	} else if (c) {
		nsrc = subjects(s, c, src, CW_MAX_ARGS);
		if (participle(s, t)) {
			/* "X shelled Y, killing seven": whatever noun the parser
			 * hung the participle on, its doer is the main subject */
			nsrc = 0;
			if ((src[0] = main_subject(s, t->anchor)) >= 0)
				nsrc = 1;
			if (!nsrc)
				return 0;
		}
		if (!nsrc && (src[0] = speaker_it(s, c)) >= 0)
			nsrc = 1;
		if (!nsrc && c->parent < 0 && !c->passive) {
			/* coordinated verbs share the subject the parser gave the
			 * first: "X arrived in Kyiv and pledged support" is X's
			 * pledge, not Kyiv's */
			int m = is_word(s, t->anchor - 1, "and") ? main_subject(s, t->anchor) : -1;
			if (m < 0)
				m = nearest_left(s, t->anchor);
			if (m >= 0)
				src[nsrc++] = m;
		}
		if (!ntgt)
			ntgt = clause_target(s, c, tgt, CW_MAX_ARGS + CW_MAX_PPS);
		/* "insists that Russia withdraw from Ukrainian territory": the
		 * source's own country is no target, so look further */
		int keep = 0;
		for (int i = 0; i < ntgt; i++)
			if (!nsrc || !same_actor(s, src[0], tgt[i]))
				tgt[keep++] = tgt[i];
		ntgt = keep;
		if (!ntgt && (tgt[0] = prep_target_after(s, t)) >= 0)
			ntgt = 1;
		if (!ntgt && (tgt[0] = inner_target(s, t, nsrc ? src[0] : -1)) >= 0)
			ntgt = 1;
		if (!ntgt && (tgt[0] = later_target(s, t)) >= 0)
			ntgt = 1;
		if (!ntgt && intent_like(t->code) && (tgt[0] = complement_target(s, t, nsrc ? src[0] : -1)) >= 0)
			ntgt = 1;
		/* PETRARCH takes the first actor in the verb's phrase, even one
		 * that only says where ("renewed his licence in Michel Delving") */
		if (!ntgt && x->cw->opts.petrarch && (tgt[0] = phrase_actor(s, t->tok_end)) >= 0)
			ntgt = 1;
		why = s->parsed == 1 ? "parse: source is the subject, target the object"
				     : "shallow: source is the actor before the verb, target the one after";
	} else {
		/* "struck 100 Hezbollah targets": a word the parser read as a
		 * noun in a sentence it parsed is no verb */
		if (s->parsed == 1)
			return 0;
		int m = nearest_left(s, t->tok_start);
		if (m >= 0)
			src[nsrc++] = m;
		if (!ntgt) {
			m = nearest_right(s, t->tok_end - 1);
			if (m >= 0)
				tgt[ntgt++] = m;
		}
		why = "no clause: nearest actor before and after the trigger";
	}
	return add_pairs(x, ti, src, nsrc, tgt, ntgt, why);
}

static int is_anchor(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && !(s->trigs[i].flags & CW_TR_NOMINAL))
			return 1;
	return 0;
}

/* "Iraq's national security adviser": a bare agent owned by a country
 * named just before it with 's takes that country. */
static int possessor(cw_sentence *s, cw_mention *m)
{
	for (int t = m->tok_start - 1; t >= 1 && t >= m->tok_start - 4; t--) {
		if (!is_word(s, t, "'s")) {
			if (s->toks[t].flags & CW_T_PUNCT || s->toks[t].mention >= 0)
				return 0;
			continue;
		}
		int o = s->toks[t - 1].mention;
		if (o < 0 || !s->ments[o].country[0])
			return 0;
		memcpy(m->country, s->ments[o].country, sizeof m->country);
		snprintf(m->code, sizeof m->code, "%s%s", m->country, m->sectors[0]);
		return 1;
	}
	return 0;
}

/* "Police in Pakistan", "authorities in Bangladesh", "officials in
 * Kabul": a bare agent placed in a country belongs to it. */
static int located(cw_sentence *s, cw_mention *m)
{
	int t = m->tok_end;
	if (!is_word(s, t, "in") || t + 1 >= s->ntoks)
		return 0;
	const char *country = NULL;
	int o = s->toks[t + 1].mention;
	if (o >= 0 && s->ments[o].country[0] && strcmp(s->ments[o].code, s->ments[o].country) == 0)
		country = s->ments[o].country;
	int p = s->toks[t + 1].place;
	if (!country && p >= 0 && p < s->nplaces && s->places[p].country[0])
		country = s->places[p].country;
	if (!country)
		return 0;
	memcpy(m->country, country, sizeof m->country);
	snprintf(m->code, sizeof m->code, "%s%s", m->country, m->sectors[0]);
	return 1;
}

/* "Gunmen from the Islamist group Boko Haram", "negotiators from
 * Britain": a bare agent from a named actor belongs to its country. */
static int member_of(cw_sentence *s, cw_mention *m)
{
	int t = m->tok_end;
	if (!is_word(s, t, "from"))
		return 0;
	int o = mention_from(s, t + 1, 4);
	if (o < 0 || !s->ments[o].country[0])
		return 0;
	memcpy(m->country, s->ments[o].country, sizeof m->country);
	snprintf(m->code, sizeof m->code, "%s%s", m->country, m->sectors[0]);
	return 1;
}

/* An agent the story never tied to a country ("gunmen", "Islamist
 * fighters") is still an actor: it is coded by its sector alone, with a
 * null country, rather than dropping the event. */
static void code_bare_agents(const curlew *cw, cw_sentence *s)
{
	for (int i = 0; i < s->nments; i++) {
		cw_mention *m = &s->ments[i];
		/* "AZEGOV" named through a person: its sectors are in its code */
		size_t cl = strlen(m->country);
		if (m->nsectors == 0 && cl == 3 && strncmp(m->code, m->country, 3) == 0)
			for (size_t k = cl; m->code[k] && strlen(m->code + k) >= 3 &&
					    m->nsectors < CW_MAX_SECTORS; k += 3)
				snprintf(m->sectors[m->nsectors++], 4, "%.3s", m->code + k);
		if (m->code[0] || m->kind != CW_M_AGENT || m->nsectors == 0)
			continue;
		if (possessor(s, m) || located(s, m) || member_of(s, m))
			continue;
		/* "military" in "military targets", "official" in "official
		 * trip" modify a noun: not actors.  A following verb trigger
		 * ("police say") shows the agent word is the subject. */
		int n = m->tok_end;
		const cw_token *next = n < s->ntoks ? &s->toks[n] : NULL;
		if (next && !(next->flags & (CW_T_PUNCT | CW_T_CAP | CW_T_NUM)) && next->nlemma &&
		    !is_anchor(s, n) && !cw->opts.petrarch)
			continue;
		snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
	}
}

/* "threatened military action", "ruled out any direct talks", "demanded
 * the withdrawal", "ruled out sending missiles": an act named right after
 * an appeal, intention, demand, rejection or threat is what that verb is
 * about, not an act of its own. */
static int complement(const cw_sentence *s, int i)
{
	static const char *roots[] = { "02", "03", "10", "12", "13", "09", "11", "14", NULL };
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (j == i || u->tok_end > t->anchor || t->anchor - u->tok_end > 3)
			continue;
		int about = 0;
		for (int r = 0; roots[r]; r++)
			about |= strncmp(u->code, roots[r], 2) == 0;
		if (!about)
			continue;
		int clean = 1;
		for (int k = u->tok_end; k < t->anchor && clean; k++)
			clean = !(s->toks[k].flags & CW_T_PUNCT) && s->toks[k].mention < 0 &&
				!is_verb(s, k);
		if (clean)
			return 1;
	}
	return 0;
}

/* "at a campaign rally", "during demonstrations", "amid clashes": a noun
 * event in a phrase of time or place is the setting, not the news. */
static int background(const cw_sentence *s, const cw_trigger *t)
{
	/* "on", "over" and "about" give the topic: "a summit on the unrest",
	 * "concerns over the war" */
	static const char *w[] = { "at", "during", "amid", "after", "before", "since",
				   "following", "despite", "for", "on", "over", "about", NULL };
	if (!(t->flags & CW_TR_NOMINAL))
		return 0;
	int reach = 3;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - reach; k--) {
		for (int i = 0; w[i]; i++)
			if (is_word(s, k, w[i]))
				return 1;
		/* "in retaliation for Tehran's missile attack": the owner's
		 * name is part of the phrase */
		int m = s->toks[k].mention;
		if (m >= 0 && is_word(s, s->ments[m].tok_end, "'s") && reach < 8) {
			reach += s->ments[m].tok_end - s->ments[m].tok_start + 1;
			k = s->ments[m].tok_start;
			continue;
		}
		if (s->toks[k].flags & CW_T_PUNCT || m >= 0 || is_verb(s, k))
			return 0;
	}
	return 0;
}

/* "shelled Kharkiv, killing seven people": a participle after a comma that
 * repeats the root of an earlier trigger describes the same event. */
static int echo(const cw_sentence *s, int i)
{
	const cw_trigger *t = &s->trigs[i];
	size_t n = strlen(s->toks[t->anchor].lower);
	if (n < 4 || strcmp(s->toks[t->anchor].lower + n - 3, "ing") != 0 ||
	    !is_word(s, t->anchor - 1, ","))
		return 0;
	for (int j = 0; j < i; j++)
		if (strncmp(s->trigs[j].code, t->code, 2) == 0 ||
		    (violent(s->trigs[j].code) && violent(t->code)))
			return 1;   /* "detonated car bombs, killing 100" */
	return 0;
}

/* "deployed troops to help fight insurgents", "met to discuss": an
 * infinitive no pattern governs states a purpose, not an act that took
 * place.  Intentions that CAMEO codes ("agreed to", "plans to") are
 * patterns of their own and swallow the infinitive before this is asked. */
static int purpose(const ctx *x, const cw_sentence *s, const cw_trigger *t)
{
	/* "were able to > leave": words before the anchor govern it */
	if (t->flags & CW_TR_NOMINAL || !is_word(s, t->anchor - 1, "to") || about_to(s, t->anchor) ||
	    t->tok_start < t->anchor || x->cw->opts.petrarch)
		return 0;
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *u = &s->trigs[i];
		if (u != t && u->tok_start <= t->anchor - 1 && t->anchor - 1 < u->tok_end)
			return 0;
	}
	return 1;
}

/* "voted to lift the state of emergency", "decided to expel": an
 * infinitive after a verb of decision is the act decided on, not a
 * purpose. */
static int decided(const cw_sentence *s, const cw_trigger *t)
{
	static const char *verbs[] = { "vote", "decide", "resolve", "move", "opt", "elect", NULL };
	if (!is_word(s, t->anchor - 1, "to"))
		return 0;
	/* "voted on Tuesday to lift" */
	for (int v = t->anchor - 2; v >= 0 && v >= t->anchor - 5; v--) {
		if (s->toks[v].flags & CW_T_PUNCT)
			return 0;
		if (!s->toks[v].vlemma || !is_verb(s, v))
			continue;
		for (int i = 0; verbs[i]; i++)
			if (strcmp(s->toks[v].vlemma, verbs[i]) == 0)
				return 1;
		return 0;
	}
	return 0;
}

/* "a day after protesters stormed parliament", "if the EU called his
 * operation an invasion", "until Washington lifted sanctions": a verb in
 * an adverbial clause of time, cause or condition gives the background
 * of the main act. */
static int adverbial(const cw_sentence *s, const cw_trigger *t)
{
	static const char *w[] = { "after", "before", "when", "until", "unless", "if", "since",
				   "because", "while", "once", "as", NULL };
	if (t->flags & CW_TR_NOMINAL)
		return 0;
	for (int k = t->anchor - 1; k >= 0 && k >= t->anchor - 12; k--) {
		for (int i = 0; w[i]; i++)
			if (is_word(s, k, w[i]))
				return k + 1 < t->anchor;   /* "after withdrawing" is no clause */
		if ((s->toks[k].flags & CW_T_PUNCT) || is_verb(s, k) || is_word(s, k, "that") ||
		    is_word(s, k, "which") || is_word(s, k, "who") || is_word(s, k, "and"))
			return 0;
	}
	return 0;
}

/* "three navy vessels seized off Crimea", "Americans detained in Iran",
 * "the group that has seized parts of Iraq": a participle or relative
 * clause describing a noun is background to the sentence's act. */
static int describes_noun(const cw_sentence *s, const cw_trigger *t)
{
	if (t->flags & CW_TR_NOMINAL || t->anchor < 1)
		return 0;
	for (int k = t->anchor - 1; k >= 1 && k >= t->anchor - 3; k--) {
		if (is_word(s, k, "that") || is_word(s, k, "which") || is_word(s, k, "who")) {
			const cw_token *a = &s->toks[k - 1];
			if (is_word(s, k - 1, ","))
				a = &s->toks[k - 2 >= 0 ? k - 2 : 0];
			/* "said that X attacked" is reported speech, not a relative;
			 * "Israel, which recalled its ambassador" adds news */
			if (a->mention >= 0 && is_word(s, k - 1, ","))
				return 0;
			return a->mention >= 0 || (a->nlemma && !a->vlemma);
		}
		if ((s->toks[k].flags & CW_T_PUNCT) || is_verb(s, k) || s->toks[k].mention >= 0)
			break;
	}
	return participle_after_noun(s, t);
}

/* "vessels seized off Crimea", "soldiers killed in Ukraine": a past
 * participle right after its noun, with no object of its own. */
static int participle_after_noun(const cw_sentence *s, const cw_trigger *t)
{
	if (t->flags & CW_TR_NOMINAL || t->anchor < 1)
		return 0;
	const char *w = s->toks[t->anchor].lower;
	size_t n = strlen(w);
	if (n < 4 || strcmp(w + n - 2, "ed") != 0)
		return 0;
	const cw_token *prev = &s->toks[t->anchor - 1];
	if (prev->flags & CW_T_PUNCT || !(prev->nlemma || prev->mention >= 0) ||
	    is_verb(s, t->anchor - 1) ||
	    (prev->mention >= 0 && s->ments[prev->mention].kind == CW_M_PRONOUN))
		return 0;
	int nx = t->anchor + 1;   /* no object: "seized off Crimea" */
	static const char *after[] = { "in", "on", "off", "at", "by", "over", "during", "from",
				       "last", "near", "since", "for", "after", ",", NULL };
	for (int i = 0; after[i]; i++)
		if (is_word(s, nx, after[i]))
			return 1;
	return 0;
}

/* "criticised the United States for sending warships", "jailed a man
 * for helping militants": a gerund after "for" is the reason given for
 * the act, not news of its own. */
static int reason(const cw_sentence *s, const cw_trigger *t)
{
	const char *w = s->toks[t->anchor].lower;
	size_t n = strlen(w);
	return !(t->flags & CW_TR_NOMINAL) && n > 4 && strcmp(w + n - 3, "ing") == 0 &&
	       is_word(s, t->anchor - 1, "for");
}

static int secondary(const cw_sentence *s, const cw_trigger *t)
{
	/* "..., warning that", "..., firing missiles into": a participle
	 * after the main act elaborates it; accusations and refusals are
	 * news of their own ("ordered an offensive, accusing its forces of") */
	return setting(s, t) || adverbial(s, t) || describes_noun(s, t) || reason(s, t) ||
	       (!(t->flags & CW_TR_NOMINAL) && participle(s, t) && strncmp(t->code, "11", 2) != 0 &&
		strncmp(t->code, "12", 2) != 0);
}

/* "..., the ministry said", "..., President X told reporters": an
 * attribution after the report names who passed the news on, not the
 * news.  When the report itself codes nothing, a bare 010 for the
 * reporter is wrong far more often than right; a statement that opens
 * the sentence ("X said that ...") stays a candidate. */
static int trailing_attribution(const cw_sentence *s, const cw_trigger *t)
{
	for (int k = t->anchor - 1; k >= 0; k--) {
		const cw_token *w = &s->toks[k];
		if (is_word(s, k, ",") || (w->flags & CW_T_QUOTE))
			return k >= 4;
		/* a noun the parser took for a verb ("statistics institute
		 * said") does not end the speaker's name */
		if ((w->flags & CW_T_PUNCT) || (is_verb(s, k) && !w->nlemma) || is_word(s, k, "that") ||
		    is_word(s, k, "and") || is_word(s, k, "which") || is_word(s, k, "who"))
			return 0;
	}
	return 0;
}

/* Same category and same countries, as datasets count events. */
static int same_root(const cw_sentence *s, const cw_event *a, const cw_event *b)
{
	if (strncmp(a->code, b->code, 2) != 0)
		return 0;
	if (strncmp(a->code, "08", 2) == 0 && (a->code[2] >= '4') != (b->code[2] >= '4'))
		return 0;   /* easing restrictions and releasing people differ */
	return strncmp(s->ments[a->source].code, s->ments[b->source].code, 3) == 0;
}

static int same_country(const cw_sentence *s, int a, int b)
{
	if (a < 0 || b < 0)
		return a == b;
	return strncmp(s->ments[a].code, s->ments[b].code, 3) == 0;
}

/* "Turkish jets bombed Kurdish targets ... 17 fighters neutralised",
 * "ruled out sending missiles to Ukraine": two triggers of one category
 * for one source tell of one event.  The copy with no target, or the
 * later copy of a dyad, is dropped. */
static void merge_repeats(cw_sentence *s)
{
	int n = 0;
	for (int i = 0; i < s->nevents; i++) {
		const cw_event *e = &s->events[i];
		int dup = 0;
		for (int j = 0; j < s->nevents && !dup; j++) {
			const cw_event *o = &s->events[j];
			if (j == i || !same_root(s, e, o))
				continue;
			if (e->target < 0 && o->target >= 0)
				dup = 1;
			else if (j < i && same_country(s, e->target, o->target))
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

/* "The French government scrapped a planned fuel tax increase", "Sudan's
 * military detained him", "Georgians rallied against a draft law": an act
 * with no other party named is, as coders chart it, done within the
 * source's own country.  Statements (01) and posture changes (15) are
 * often aimed at nobody and keep a null target. */
/* Does the sentence name an actor of another country ("He added that all
 * proposals were rejected by the Armenian side", the speaker being
 * Azerbaijani)?  Then the act may well be aimed abroad. */
static int foreign_party(const cw_sentence *s, const char *country)
{
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (usable(s, i) && m->country[0] && strcmp(m->country, country) != 0)
			return 1;
	}
	return 0;
}

static int own_country_targets(ctx *x)
{
	cw_sentence *s = x->s;
	for (int i = 0; i < s->nevents; i++) {
		cw_event *e = &s->events[i];
		if (e->target >= 0 || (strncmp(e->code, "01", 2) == 0 && strncmp(e->code, "015", 3) != 0) ||
		    strncmp(e->code, "15", 2) == 0)
			continue;
		const cw_mention *src = &s->ments[e->source];
		if (!src->country[0] || foreign_party(s, src->country))
			continue;
		cw_mention *arr = cw_grow(x->doc->arena, s->ments, &x->mcap, s->nments + 1, sizeof *arr);
		if (!arr)
			return CURLEW_ESYS;
		s->ments = arr;
		cw_mention *c = &arr[s->nments];
		*c = arr[e->source];
		memcpy(c->code, c->country, sizeof c->country);
		c->nsectors = 0;
		c->text = "";
		c->start = c->end = 0;
		c->rule = "no other party: the source's own country";
		c->also = -1;
		e->target = s->nments++;
	}
	return 0;
}

int cw_events(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	/* the mention array is treated as full, so that growing it copies all */
	ctx x = { cw, doc, s, 0, s->nments };
	s->events = NULL;
	s->nevents = 0;
	if (s->nments == 0 || s->ntrigs == 0)
		return 0;
	code_bare_agents(cw, s);
	int statements = 0, settings = 0;
	for (int pass = 0; pass < 3; pass++) {
		/* pass 0: specific events; pass 1: events named only as the
		 * setting of another act; pass 2: bare statements; each later
		 * pass only if nothing came before */
		if (pass > 0 && s->nevents > 0)
			break;
		if (pass == 1 && !settings)
			continue;
		for (int i = 0; i < s->ntrigs; i++) {
			const cw_trigger *t = &s->trigs[i];
			/* a reporting verb that is only a statement ("stressed that")
			 * yields to the event it reports */
			int say = (t->flags & CW_TR_SAY) != 0 ||
				  ((t->flags & CW_TR_REPORT) && strncmp(t->code, "01", 2) == 0);
			if (say != (pass == 2)) {
				statements += say;
				continue;
			}
			/* PETRARCH codes every clause alike */
			if ((secondary(s, t) && !cw->opts.petrarch) != (pass == 1)) {
				settings += pass == 0;
				continue;
			}
			if (t->flags & CW_TR_NEGATED || swallowed(s, i) || (purpose(&x, s, t) && !decided(s, t)) ||
			    echo(s, i) || complement(s, i) || background(s, t))
				continue;
			if (pass == 2 && trailing_attribution(s, t))
				continue;
			int rc = t->flags & CW_TR_NOMINAL ? code_nominal(&x, i) : code_verbal(&x, i);
			if (rc < 0)
				return rc;
		}
		if (pass == 0 && !statements && !settings)
			break;
	}
	merge_repeats(s);
	return cw->opts.petrarch ? 0 : own_country_targets(&x);
}
