/*
 * resolve.c -- the one stage that fills in actor mentions and adds the
 * actors a sentence implies.  It runs twice per sentence:
 *
 *  - before events (cw_resolve_actors): an agent word the actors and coref
 *    stages left without a country ("riot police", "protesters", "ousted
 *    President X") takes one from its own noun phrase ("Iraq's adviser",
 *    "police in Pakistan", "gunmen from Boko Haram"), else from a place the
 *    sentence is set in, the dateline or the story, as analysts code it;
 *    only an agent the story never places is coded by its sector alone.
 *  - after events (cw_resolve_targets): an unqualified target agent ("rallied
 *    against the government") is the source's own country's, and an event
 *    with no target named gets the target its code implies (the implied
 *    column of cameo-codes.tsv): violence at a place targets the place's
 *    country, a protest or demand by a country's people its government, a
 *    domestic act the source's own country.  These never replace a target
 *    the sentence names, and the source's own country is never the target
 *    when the sentence names a party of another country.
 *
 * Events choose among the mentions; only this stage writes them.
 */
#include <string.h>
#include "internal.h"

/* Token windows (see events.c for the reasoning behind such reaches). */
#define NP_REACH 4      /* "Iraq's national security adviser": the owner before the agent */
#define SLOT_REACH 4    /* "from the Islamist group Boko Haram": preposition to actor */
#define CONJUNCT_REACH 2 /* "Russian missiles and drones": back to the first conjunct's actor */
#define FOREIGN_REACH 2  /* "Western donor governments": the qualifier before the agent */
/* Countries remembered per story for agents no sentence places; a story
 * that names more is about too many to guess from. */
#define MAX_STORY_COUNTRIES 16

typedef struct story_memory {
	char country[MAX_STORY_COUNTRIES][4];
	int count[MAX_STORY_COUNTRIES];
	int n;
} story_memory;

typedef struct ctx {
	const curlew *cw;
	curlew_doc *doc;
	cw_sentence *s;
	int mcap;      /* mention array capacity, once this stage has grown it */
	int oom;
} ctx;

static int usable(const cw_sentence *s, int m)
{
	return m >= 0 && m < s->nments && s->ments[m].code[0] != '\0';
}

static int lx(const ctx *x, int t, int list)
{
	const cw_sentence *s = x->s;
	return t >= 0 && t < s->ntoks && cw_lex_has(x->cw->lexicon, list, s->toks[t].lower);
}

/* The first usable mention starting at tok or a few words after it. */
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

static int verb_anchor(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && !(s->trigs[i].flags & CW_TR_NOMINAL))
			return 1;
	return 0;
}

/* A new mention at the end of the array (NULL when out of memory); the
 * array may move. */
static cw_mention *new_mention(ctx *x)
{
	cw_sentence *s = x->s;
	cw_mention *m = cw_grow(x->doc->arena, s->ments, &x->mcap, s->nments + 1, sizeof *m);
	if (!m) {
		x->oom = 1;
		return NULL;
	}
	s->ments = m;
	cw_mention *c = &m[s->nments++];
	memset(c, 0, sizeof *c);
	c->also = -1;
	return c;
}

/* "Western governments", "foreign diplomats": an agent said to be of
 * another country, which it takes from nowhere around it (the agent's
 * own words are its title: "the foreign minister"). */
static int foreign(const ctx *x, const cw_mention *m)
{
	for (int t = m->tok_start - FOREIGN_REACH; t < m->tok_start; t++)
		if (lx(x, t, CW_LX_FOREIGN))
			return 1;
	return 0;
}

static void give_country(cw_mention *m, const char *country, const char *rule)
{
	memcpy(m->country, country, sizeof m->country);
	snprintf(m->code, sizeof m->code, "%s%s", m->country, m->sectors[0]);
	m->rule = rule;
	m->resolved = 1;
}

/* ------------------------------------------------------ agents' countries */

/* "Iraq's national security adviser": the country named just before the
 * agent with 's. */
static const char *possessor(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	for (int t = m->tok_start - 1; t >= 1 && t >= m->tok_start - NP_REACH; t--) {
		if (!lx(x, t, CW_LX_POSSESSIVE)) {
			if (s->toks[t].flags & CW_T_PUNCT || s->toks[t].mention >= 0)
				return NULL;
			continue;
		}
		int o = s->toks[t - 1].mention;
		return o >= 0 && s->ments[o].country[0] ? s->ments[o].country : NULL;
	}
	return NULL;
}

/* "Police in Pakistan", "authorities in Bangladesh", "officials in Kabul". */
static const char *located(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	int t = m->tok_end;
	if (!lx(x, t, CW_LX_LOCATED_PREPS) || t + 1 >= s->ntoks)
		return NULL;
	int o = s->toks[t + 1].mention;
	if (o >= 0 && s->ments[o].country[0] && strcmp(s->ments[o].code, s->ments[o].country) == 0)
		return s->ments[o].country;
	int p = s->toks[t + 1].place;
	return p >= 0 && p < s->nplaces && s->places[p].country[0] ? s->places[p].country : NULL;
}

/* "Gunmen from the Islamist group Boko Haram", "negotiators from Britain". */
static const char *member_of(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	if (!lx(x, m->tok_end, CW_LX_MEMBER_PREPS))
		return NULL;
	int o = mention_from(s, m->tok_end + 1, SLOT_REACH);
	return o >= 0 && s->ments[o].country[0] ? s->ments[o].country : NULL;
}

/* "Russian missiles and drones", "Kenyan police and soldiers": an agent
 * joined by "and" to one with a country shares it. */
static const char *conjunct(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	int a = m->tok_start - 1;
	if (!lx(x, a, CW_LX_AND))
		return NULL;
	/* the conjunct's head may be a plain noun after its adjective:
	 * "Russian missiles" */
	for (int k = a - 1; k >= 0 && k >= a - CONJUNCT_REACH; k--) {
		if (s->toks[k].flags & CW_T_PUNCT)
			return NULL;
		int o = s->toks[k].mention;
		if (o < 0 || o >= s->nments)
			continue;
		const cw_mention *p = &s->ments[o];
		return p->country[0] && (p->nsectors > 0 || p->kind == CW_M_ADJ) ? p->country : NULL;
	}
	return NULL;
}

/* The country the sentence is set in: its places named with a preposition
 * of place ("in Nairobi", "at the Rafah crossing"), when they agree ("a
 * veto on Stockholm's bid" names no setting). */
static const char *setting(const ctx *x)
{
	const cw_sentence *s = x->s;
	const char *c = NULL;
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		if (!p->country[0] || lx(x, p->tok_end, CW_LX_POSSESSIVE))
			continue;
		/* "in Nairobi", or a city named as a modifier ("a Conakry
		 * stadium"); a country named without a preposition is a party */
		int m = p->tok_start >= 0 && p->tok_start < s->ntoks ? s->toks[p->tok_start].mention : -1;
		if (!lx(x, p->prep, CW_LX_PLACE_PREPS) &&
		    (m < 0 || m >= s->nments || s->ments[m].kind != CW_M_CAPITAL) &&
		    (m >= 0 || p->tok_end >= s->ntoks || !s->toks[p->tok_end].nlemma))
			continue;
		if (c && strcmp(c, p->country) != 0)
			return NULL;
		c = p->country;
	}
	return c;
}

/* The story's country: the one its earlier sentences named most, if it
 * was named more than any other. */
static const char *story_country(const story_memory *sm)
{
	int best = -1, tie = 0;
	for (int i = 0; sm && i < sm->n; i++) {
		if (best < 0 || sm->count[i] > sm->count[best]) {
			best = i;
			tie = 0;
		} else if (sm->count[i] == sm->count[best]) {
			tie = 1;
		}
	}
	return best >= 0 && !tie ? sm->country[best] : NULL;
}

/* "military" in "military targets", "official" in "official trip": an
 * agent word before a noun modifies it and is no actor, unless the noun
 * is a verb of the sentence ("police say"). */
static int modifier(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	int n = m->tok_end;
	const cw_token *next = n < s->ntoks ? &s->toks[n] : NULL;
	/* "a protest camp outside the ministry", "police shot dead ...": a
	 * preposition or finite verb WordNet also knows as a noun is no noun
	 * to modify */
	return next && !(next->flags & (CW_T_PUNCT | CW_T_CAP | CW_T_NUM)) && next->nlemma &&
	       next->pos != CW_POS_IN && next->pos != CW_POS_VBD && next->pos != CW_POS_VBZ &&
	       next->pos != CW_POS_VBP && !verb_anchor(s, n) && !x->cw->opts.petrarch;
}

static story_memory *memory(curlew_doc *doc)
{
	if (!doc->resolve_state) {
		cw_arena *home = doc->story_arena ? doc->story_arena : doc->arena;
		doc->resolve_state = cw_alloc(home, sizeof(story_memory));
	}
	return doc->resolve_state;
}

/* Counts the countries this sentence names, for the sentences after it. */
static void remember(story_memory *sm, const cw_sentence *s)
{
	for (int i = 0; sm && i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (!m->country[0] || m->kind == CW_M_PRONOUN || m->kind == CW_M_AGENT)
			continue;
		int k = 0;
		while (k < sm->n && strcmp(sm->country[k], m->country) != 0)
			k++;
		if (k == sm->n) {
			if (sm->n == MAX_STORY_COUNTRIES)
				continue;
			memcpy(sm->country[sm->n++], m->country, 4);
		}
		sm->count[k]++;
	}
}

int cw_resolve_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	ctx x = { cw, doc, s, s->nments, 0 };
	story_memory *sm = memory(doc);
	if (!sm)
		return CURLEW_ESYS;
	const char *where = setting(&x);
	const char *dateline = doc->dl_place && doc->dl_place->country[0] ? doc->dl_place->country : NULL;
	const char *story = story_country(sm);
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
		const char *c;
		if ((c = possessor(&x, m)))
			give_country(m, c, "resolve: the agent's owner");
		else if ((c = located(&x, m)))
			give_country(m, c, "resolve: the agent's place");
		else if ((c = member_of(&x, m)))
			give_country(m, c, "resolve: the agent's body");
		else if ((c = conjunct(&x, m)))
			give_country(m, c, "resolve: the agent it is joined to");
		else if (modifier(&x, m))
			continue;
		else if (foreign(&x, m))
			snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
		else if (where)
			give_country(m, where, "resolve: the sentence's place");
		else if (dateline)
			give_country(m, dateline, "resolve: the dateline's place");
		else if (story)
			give_country(m, story, "resolve: the story's country");
		else
			snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
	}
	remember(sm, s);
	return 0;
}

/* ------------------------------------------------------ implied targets */

/* The same actor, or a country and its own government. */
static int same_actor(const cw_sentence *s, int a, int b)
{
	if (a == b)
		return 1;
	if (a < 0 || b < 0)
		return 0;
	const cw_mention *p = &s->ments[a], *q = &s->ments[b];
	if (strcmp(p->code, q->code) == 0)
		return 1;
	return p->country[0] && strcmp(p->country, q->country) == 0 &&
	       (strcmp(p->code, p->country) == 0 || strcmp(q->code, q->country) == 0);
}

/* "Armenian protesters rallied against the government": an unqualified
 * government, police or army is the source's own country's.  The target
 * becomes a copy of the mention with the country filled in. */
static int localise(ctx *x, int src, int tgt)
{
	cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src], *b = &s->ments[tgt];
	if (b->country[0] || !a->country[0] || b->kind != CW_M_AGENT || b->nsectors == 0 || foreign(x, b))
		return tgt;
	cw_mention *c = new_mention(x);
	if (!c)
		return tgt;
	*c = s->ments[tgt];
	give_country(c, s->ments[src].country, "resolve: the source's country");
	c->also = -1;
	return (int)(c - s->ments);
}

/* "shelled residential areas of Kharkiv", "air strikes on a village in
 * Sagaing", "allowed aid trucks into Gaza": the country of the place the
 * act was aimed at, as a mention of its own for the record.  venues: a
 * place the act is done in counts too (violence). */
static int place_target(ctx *x, const cw_trigger *t, int src, int venues)
{
	cw_sentence *s = x->s;
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		if (p->tok_start < t->tok_end || !p->country[0])
			continue;
		/* a place an act is done in ("talks in Lausanne") is no target
		 * but for violence ("shelling in Gaza") */
		if (!venues && lx(x, p->prep, CW_LX_PLACE_PREPS))
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
		cw_mention *c = new_mention(x);
		if (!c)
			return -1;
		c->tok_start = p->tok_start;
		c->tok_end = p->tok_end;
		c->head = p->tok_start;
		memcpy(c->country, p->country, sizeof c->country);
		memcpy(c->code, p->country, sizeof c->country);
		c->kind = CW_M_NAME;
		c->start = p->start;
		c->end = p->end;
		c->text = p->text;
		c->rule = "resolve: the place as target";
		return (int)(c - s->ments);
	}
	return -1;
}

/* "Thousands of Georgians rallied outside parliament", "students demanded
 * that...": aimed at the government of the source's own country, unless
 * the source is a body of the state (or, for a demand, the country named
 * as a whole: "Ukraine demanded" names its own target). */
static int home_government(ctx *x, int src, int implied)
{
	cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src];
	char sector[4];
	snprintf(sector, sizeof sector, "%s", a->nsectors ? a->sectors[0] : "");
	cw_lower_ascii(sector);
	if (!a->country[0] || (a->nsectors && cw_lex_has(x->cw->lexicon, CW_LX_STATE_SECTORS, sector)))
		return -1;
	if (strlen(a->code) == 3 && implied == CW_I_PEOPLE)
		return -1;
	cw_mention *c = new_mention(x);
	if (!c)
		return -1;
	*c = s->ments[src];
	snprintf(c->code, sizeof c->code, "%sGOV", c->country);
	c->nsectors = 1;
	snprintf(c->sectors[0], 4, "GOV");
	c->kind = CW_M_AGENT;
	c->text = "";
	c->start = c->end = 0;
	c->rule = "resolve: protest aimed at its own government";
	c->also = -1;
	return (int)(c - s->ments);
}

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

/* "The French government scrapped a planned fuel tax increase", "Sudan's
 * military detained him": an act with no other party named is, as coders
 * chart it, done within the source's own country. */
static int own_country(ctx *x, int src)
{
	cw_sentence *s = x->s;
	if (!s->ments[src].country[0] || foreign_party(s, s->ments[src].country))
		return -1;
	cw_mention *c = new_mention(x);
	if (!c)
		return -1;
	*c = s->ments[src];
	memcpy(c->code, c->country, sizeof c->country);
	c->nsectors = 0;
	c->text = "";
	c->start = c->end = 0;
	c->rule = "resolve: no other party, the source's own country";
	c->also = -1;
	return (int)(c - s->ments);
}

/* PETRARCH charts no own-country target (the place and the government
 * it takes from its own dictionaries' patterns alike). */
static int implied_target(ctx *x, const cw_event *e, int *how)
{
	const cw_trigger *t = &x->s->trigs[e->trigger];
	int implied = cw_code_implied(x->cw->codes, e->code);
	int m = -1;
	if (implied == CW_I_PLACE)
		m = place_target(x, t, e->source, 1);
	else if (implied == CW_I_GOV || implied == CW_I_PEOPLE)
		m = home_government(x, e->source, implied);
	*how = m >= 0 ? implied : CW_I_NONE;
	if (m < 0 && implied != CW_I_NONE && !x->cw->opts.petrarch) {
		/* "allowed aid trucks into Gaza": a place of another country the
		 * act is aimed at names its target before the own country does */
		if (implied != CW_I_PLACE && (m = place_target(x, t, e->source, 0)) >= 0) {
			*how = CW_I_PLACE;
			return m;
		}
		m = own_country(x, e->source);
		*how = m >= 0 ? CW_I_OWN : CW_I_NONE;
	}
	return m;
}

int cw_resolve_targets(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	/* the mention array is treated as full, so that growing it copies all */
	ctx x = { cw, doc, s, s->nments, 0 };
	for (int i = 0; i < s->nevents && !x.oom; i++) {
		cw_event *e = &s->events[i];
		if (e->source < 0)
			continue;
		if (e->target >= 0) {
			e->target = localise(&x, e->source, e->target);
			if (same_actor(s, e->source, e->target))
				e->target = -1;
		}
		if (e->target < 0)
			e->target = implied_target(&x, e, &e->implied);
	}
	return x.oom ? CURLEW_ESYS : 0;
}
