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
 *    A plural demonym standing as a noun ("called on Algerians") is the
 *    country's people; "both sides" that coreference left open are the two
 *    sides of the story's latest act between two.
 *  - after events (cw_resolve_targets): an unqualified target agent ("rallied
 *    against the government") is the source's own country's; an act that
 *    judges another named by a noun ("Pakistan condemned the move") is
 *    aimed at that act's doer, told earlier in the sentence or the story;
 *    and an event with no target named gets the target its code implies
 *    (the implied column of cameo-codes.tsv): violence at a place targets
 *    the place's country, a protest or demand by a country's people its
 *    government, a threat the one whose act it is conditioned on ("if
 *    Belgrade fails to comply") or else whoever used force last, a denial
 *    whoever last charged the denier's side, a domestic act the source's
 *    own country.  These never replace a target the sentence
 *    names, and the source's own country is never the target when the
 *    act's clause names a party of another country.
 *
 * What later sentences need (the story's countries, its first acts, its
 * latest dyad and act of force) is copied into the story memory, which
 * outlives the sentence windows.
 *
 * Events choose among the mentions; only this stage writes them.
 */
#include <string.h>
#include "coder.h"

/* Token windows (see events.c for the reasoning behind such reaches). */
#define NP_REACH 4      /* "Iraq's national security adviser": the owner before the agent */
#define SLOT_REACH 4    /* "from the Islamist group Boko Haram": preposition to actor */
#define CONJUNCT_REACH 2 /* "Russian missiles and drones": back to the first conjunct's actor */
#define FOREIGN_REACH 2  /* "Western donor governments": the qualifier before the agent */
#define PLACE_PHRASE_REACH 5 /* "in the Rift Valley town of Naivasha": the locative to "of" */
#define ACT_REACH 6      /* "condemned the country's illegal military move": verb to the act's noun */
/* CAMEO's sector for ordinary people: "Algerians" named as a noun. */
#define PEOPLE_SECTOR "CVL"
/* Countries remembered per story for agents no sentence places; a story
 * that names more is about too many to guess from. */
#define MAX_STORY_COUNTRIES 16
/* Events remembered per story: its first ones, which tell the news that
 * later sentences react to ("Pakistan condemned the move" after "India
 * revoked Kashmir's status"); wire stories lead with it. */
#define MAX_DEEDS 8
#define DEED_TEXT 96     /* the doer's words, cut: they are only shown */
/* Acts aimed at someone remembered per story, the latest: a denial
 * answers a charge told a sentence or a few before ("Estonia accused
 * Russia ... Moscow denied any involvement"), and a story of that length
 * names few more dyads than this. */
#define MAX_CHARGES 8
/* "if U.S. House Speaker Nancy Pelosi visited": the subordinator to the
 * start of its subject, past an article and a title or two. */
#define CONDITION_REACH 4

/* An earlier event's doer, copied: the sentence it was in may be gone. */
typedef struct deed {
	char code[32], country[4];
	char sectors[CW_MAX_SECTORS][4];
	int nsectors;
	char text[DEED_TEXT];
	char root[3];            /* the event's root, "19" */
} deed;

typedef struct story_memory {
	char country[MAX_STORY_COUNTRIES][4];
	int count[MAX_STORY_COUNTRIES];
	int n;
	deed deeds[MAX_DEEDS];
	int ndeeds;
	deed dyad[2];            /* the two sides of the latest act between two */
	int has_dyad;
	deed foe;                /* the doer of the story's latest act of force */
	int has_foe;
	deed foe_tgt;            /* ... and whom it was aimed at */
	int has_foe_tgt;
	deed charge[MAX_CHARGES][2]; /* the latest acts short of force: doer, aimed at */
	int ncharges;            /* all told; the ring holds the last MAX_CHARGES */
	char joint[2][4];        /* the countries of a joint act told both ways
				  * ("Russian and Ukrainian forces clashed") */
	int has_joint;
	char setting[4];         /* the one country the story's sentences were
				  * set in so far, or "" */
	int settings;            /* 0, 1, or 2 for two or more */
	/* the countries of the places the story names, counted apart from
	 * its actors': "farmers from Punjab ... into Delhi" places an agent
	 * when no actor of a country is named anywhere */
	char place[MAX_STORY_COUNTRIES][4];
	int pcount[MAX_STORY_COUNTRIES];
	int np;
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

/* A country from outside the agent's own words: right as a default,
 * never over a party the sentence names (see other_party). */
static void guess_country(cw_mention *m, const char *country, const char *rule)
{
	give_country(m, country, rule);
	m->guessed = 1;
}

/* ------------------------------------------------------ agents' countries */

/* A place's country as of the story's date: Almaty in 1986 was in the
 * Soviet Union, and the people there were Soviet (GUIDE: past states). */
static const char *then(const ctx *x, const char *country)
{
	return cw_country_then(x->cw->countries, country, x->doc->date);
}

/* The dateline's country as of the story's date: its place's, else its
 * region's ("AYODHYA, India": a town the gazetteer may not know, in a
 * country it does); NULL when it gives none. */
static const char *dateline_country(const ctx *x)
{
	const curlew_doc *doc = x->doc;
	const char *c = doc->dl_place && doc->dl_place->country[0] ? doc->dl_place->country
			: doc->dl_region && doc->dl_region->country[0] ? doc->dl_region->country
								  : NULL;
	return c ? then(x, c) : NULL;
}

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

/* "U.S.-led forces", "US-led foreign troops": the country of the word
 * before led-words in a hyphened compound in the agent's noun phrase
 * (tokens "U.S." "-" "led", or one token "US-led"). */
static const char *leader(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	for (int t = m->tok_start - 1; t >= 0 && t >= m->tok_start - NP_REACH; t--) {
		const char *w = s->toks[t].lower;
		const char *dash = w ? strrchr(w, '-') : NULL;
		int whole = lx(x, t, CW_LX_LED) && t >= 2 && s->toks[t - 1].lower &&
			    strcmp(s->toks[t - 1].lower, "-") == 0;
		int joined = dash && dash > w && cw_lex_has(x->cw->lexicon, CW_LX_LED, dash + 1);
		if (whole || joined) {
			int o = s->toks[whole ? t - 2 : t].mention;
			return o >= 0 && o < s->nments && s->ments[o].country[0] ? s->ments[o].country : NULL;
		}
		if (s->toks[t].flags & CW_T_PUNCT || s->toks[t].mention >= 0)
			return NULL;
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
	return p >= 0 && p < s->nplaces && s->places[p].country[0] ? then(x, s->places[p].country) : NULL;
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

/* "in the streets of Srinagar", "in the Rift Valley town of Naivasha": a
 * place after "of" whose noun phrase hangs on a preposition of place is
 * where the sentence is set, as "in Srinagar" is. */
static int place_of_place(const ctx *x, const cw_place *p)
{
	const cw_sentence *s = x->s;
	int of = p->prep >= 0 ? p->prep : p->tok_start - 1;
	if (!lx(x, of, CW_LX_GENITIVE))
		return 0;
	for (int t = of - 1; t >= 0 && t >= of - PLACE_PHRASE_REACH; t--) {
		if (lx(x, t, CW_LX_PLACE_PREPS))
			return 1;
		if (s->toks[t].flags & CW_T_PUNCT || s->toks[t].mention >= 0 || verb_anchor(s, t))
			return 0;
	}
	return 0;
}

/* A mention wider than the place it holds, with sectors of its own: "the
 * U.S. embassy", "the Kenyan parliament". */
static int institution(const cw_mention *m, const cw_place *p)
{
	return (m->tok_start < p->tok_start || m->tok_end > p->tok_end) && m->country[0] &&
	       strcmp(m->code, m->country) != 0;
}

/* "a charge Islamabad rejected", "Beijing blamed Indian troops": a capital
 * that a finite verb follows is the state acting, not where the sentence
 * is set. */
static int acting(const cw_sentence *s, int next)
{
	if (next >= s->ntoks)
		return 0;
	return cw_verb_tag(s->toks[next].pos, CW_VF_FINITE | CW_VF_MODAL);
}

/* The country the sentence is set in: its places named with a preposition
 * of place ("in Nairobi", "at the Rafah crossing"), when they agree ("a
 * veto on Stockholm's bid" names no setting). */
static const char *setting(const ctx *x, int *split)
{
	const cw_sentence *s = x->s;
	const char *c = NULL;
	*split = 0;
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		/* "a veto on Stockholm's bid" names no setting, "rallied in
		 * Kiev's Independence Square" does */
		if (!p->country[0] || (lx(x, p->tok_end, CW_LX_POSSESSIVE) && !lx(x, p->prep, CW_LX_PLACE_PREPS)))
			continue;
		/* "in Nairobi", or a city named as a modifier ("a Conakry
		 * stadium"); a country named without a preposition is a party */
		int m = p->tok_start >= 0 && p->tok_start < s->ntoks ? s->toks[p->tok_start].mention : -1;
		/* "sheltering near the U.S. embassy" in Monrovia: a country
		 * that says whose an institution is says nothing of where
		 * the institution stands */
		if (m >= 0 && m < s->nments && institution(&s->ments[m], p))
			continue;
		/* (a capital anywhere but as where one goes or comes from: not
		 * "a plane to Washington", "faxed from Tokyo") */
		int modifies = p->tok_end < s->ntoks && s->toks[p->tok_end].nlemma;
		int capital = m >= 0 && m < s->nments && s->ments[m].kind == CW_M_CAPITAL &&
			      !lx(x, p->tok_start - 1, CW_LX_MOTION_PREPS) && !acting(s, p->tok_end);
		/* (a place that is no actor after any locative word the
		 * places stage read: "barricades on the Champs-Elysees") */
		int locative = m < 0 && p->prep >= 0;
		if (!lx(x, p->prep, CW_LX_PLACE_PREPS) && !capital && (m >= 0 || !modifies) && !locative &&
		    !place_of_place(x, p))
			continue;
		const char *pc = then(x, p->country);
		if (c && strcmp(c, pc) != 0) {
			*split = 1;
			return NULL;
		}
		c = pc;
	}
	return c;
}

/* The story's country: the one it has named most so far, and of those
 * named as often the first: news names the side it reports from first
 * ("Hungary sealed its border with Serbia ... police began arresting"),
 * unless the two are the sides of a joint act, where an unnamed agent is
 * either's ("Russian and Ukrainian forces clashed.  Troops fired"). */
static const char *story_country(const story_memory *sm, int petrarch)
{
	int best = -1, tie = -1;
	for (int i = 0; sm && i < sm->n; i++) {
		if (best < 0 || sm->count[i] > sm->count[best])
			best = i, tie = -1;
		else if (sm->count[i] == sm->count[best] && tie < 0)
			tie = i;
	}
	if (best < 0 || (tie >= 0 && petrarch))   /* PETRARCH breaks no tie */
		return NULL;
	if (tie >= 0 && sm->has_joint) {
		const char *a = sm->country[best], *b = sm->country[tie];
		if ((!strcmp(a, sm->joint[0]) && !strcmp(b, sm->joint[1])) ||
		    (!strcmp(a, sm->joint[1]) && !strcmp(b, sm->joint[0])))
			return NULL;
	}
	return sm->country[best];
}

/* "military" in "military targets", "official" in "official trip": an
 * agent word before a noun modifies it and is no actor, unless the noun
 * is a verb of the sentence ("police say"). */
static int modifier(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	int n = m->tok_end;
	const cw_token *next = n < s->ntoks ? &s->toks[n] : NULL;
	/* the tag tells a noun from a participle, a preposition or a verb
	 * WordNet also knows as a noun ("militants seeking independence",
	 * "a protest camp outside the ministry", "police shot dead ...");
	 * untagged, any noun form */
	int noun = next && next->nlemma &&
		   (next->pos == CW_POS_NONE || next->pos == CW_POS_NN || next->pos == CW_POS_NNS);
	return noun && !(next->flags & (CW_T_PUNCT | CW_T_CAP | CW_T_NUM)) && !verb_anchor(s, n) &&
	       !x->cw->opts.petrarch;
}

static story_memory *memory(curlew_doc *doc)
{
	if (!doc->resolve_state) {
		cw_arena *home = doc->story_arena ? doc->story_arena : doc->arena;
		doc->resolve_state = cw_alloc(home, sizeof(story_memory));
	}
	return doc->resolve_state;
}

/* One more mention of a country in a story's tally (codes, counts, n);
 * a country past the tally's room is not counted. */
static void tally_add(char (*codes)[4], int *counts, int *n, const char *country)
{
	int k = 0;
	while (k < *n && strcmp(codes[k], country) != 0)
		k++;
	if (k == *n) {
		if (*n == MAX_STORY_COUNTRIES)
			return;
		memcpy(codes[(*n)++], country, 4);
	}
	counts[k]++;
}

/* How often a story's tally (codes, counts, n) has counted a country. */
static int tally_of(const char (*codes)[4], const int *counts, int n, const char *country)
{
	for (int k = 0; k < n; k++)
		if (strcmp(codes[k], country) == 0)
			return counts[k];
	return 0;
}

/* Does the mention count for the story's tally of countries?  A named
 * actor of a country does; a pronoun or an agent word told again does not. */
static int counts_for_story(const cw_mention *m)
{
	return m->country[0] && m->kind != CW_M_PRONOUN && m->kind != CW_M_AGENT;
}

/* Counts the countries this sentence's actors name, for the sentences
 * after it (its places are counted apart: remember_places). */
static void remember(story_memory *sm, const ctx *x)
{
	const cw_sentence *s = x->s;
	for (int i = 0; sm && i < s->nments; i++)
		if (counts_for_story(&s->ments[i]))
			tally_add(sm->country, sm->count, &sm->n, s->ments[i].country);
}

/* Counts the countries of the places this sentence names. */
static void remember_places(story_memory *sm, const ctx *x)
{
	const cw_sentence *s = x->s;
	for (int i = 0; sm && i < s->nplaces; i++) {
		if (!s->places[i].country[0])
			continue;
		tally_add(sm->place, sm->pcount, &sm->np, then(x, s->places[i].country));
	}
}

/* The country of most of the story's places, none on a tie: the last
 * resort for an agent in a story that names no actor of a country. */
static const char *story_place(const story_memory *sm)
{
	int best = -1, tie = 0;
	for (int i = 0; sm && i < sm->np; i++) {
		if (best < 0 || sm->pcount[i] > sm->pcount[best])
			best = i, tie = 0;
		else if (sm->pcount[i] == sm->pcount[best])
			tie = 1;
	}
	return best < 0 || tie ? NULL : sm->place[best];
}

/* Whether the sentence's named actors that count for the story (as
 * remember counts them) name `country` before token `before`, or, with
 * before < 0, anywhere in it. */
static int named_in(const cw_sentence *s, const char *country, int before)
{
	int n = 0;
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (counts_for_story(m) && strcmp(m->country, country) == 0 &&
		    (before < 0 || m->tok_start < before))
			n++;
	}
	return n;
}

/* "DUBAI (Reuters) - Iranian security forces opened fire on protesters":
 * a dateline whose country the story names nowhere, by actor or place, is
 * where the correspondent files from, not where the news is, and the
 * country the story names before the agent places it.  A country named
 * only after the agent is likelier its target, a guest in the dateline's
 * country ("KABUL - Gunmen fired rockets at the U.S. embassy"); a dateline
 * that names its country ("MAR DEL PLATA, Argentina") is filed on the
 * spot. */
static int remote_dateline(const ctx *x, const story_memory *sm, const char *dateline,
			   const char *story, const cw_mention *m)
{
	if (x->doc->dl_region || tally_of(sm->country, sm->count, sm->n, dateline) ||
	    tally_of(sm->place, sm->pcount, sm->np, dateline))
		return 0;
	/* the story's count of it, this sentence's included */
	int told = tally_of(sm->country, sm->count, sm->n, story);
	return told - named_in(x->s, story, -1) + named_in(x->s, story, m->tok_start) > 0;
}

/* "called on Algerians to stay calm", "thousands of Brazilians": a plural
 * demonym standing as a noun (no noun after it) is the country's people,
 * a party of its own apart from the country's state. */
static int people(const ctx *x, const cw_mention *m)
{
	const cw_sentence *s = x->s;
	if (m->kind != CW_M_ADJ || m->nsectors > 0 || m->tok_end != m->tok_start + 1)
		return 0;
	const cw_token *w = &s->toks[m->tok_start];
	size_t n = strlen(w->lower);
	if (n < 4 || w->lower[n - 1] != 's' || !(w->flags & CW_T_CAP))
		return 0;
	const cw_token *next = m->tok_end < s->ntoks ? &s->toks[m->tok_end] : NULL;
	return !next || !(next->pos == CW_POS_NN || next->pos == CW_POS_NNS || next->pos == CW_POS_NNP ||
			  next->pos == CW_POS_NNPS || next->pos == CW_POS_POS);
}

static void copy_deed(deed *d, const cw_mention *m, const char *code)
{
	cw_copy(d->code, sizeof d->code, m->code);
	memcpy(d->country, m->country, sizeof d->country);
	memcpy(d->sectors, m->sectors, sizeof d->sectors);
	d->nsectors = m->nsectors;
	cw_copy(d->text, sizeof d->text, m->text ? m->text : "");
	cw_copy(d->root, sizeof d->root, code);
}

/* "The Saudi-led coalition called on both sides to stop fighting":
 * "both sides" or "the two sides" that coreference left unresolved are
 * the two sides of the story's latest act between two (its second side
 * a mention of its own, linked by also). */
static void both_sides(ctx *x, const story_memory *sm, int k)
{
	cw_sentence *s = x->s;
	cw_mention *m = &s->ments[k];
	if (!sm || !sm->has_dyad || m->kind != CW_M_PRONOUN || m->code[0] || !m->plural ||
	    (!lx(x, m->tok_start, CW_LX_PAIR_WORDS) && !lx(x, m->tok_start + 1, CW_LX_PAIR_WORDS)))
		return;
	int j = -1;
	for (int side = 0; side < 2; side++) {
		cw_mention *c = side ? new_mention(x) : &s->ments[k];
		if (!c)
			return;
		if (side) {
			*c = s->ments[k];
			c->also = -1;
			j = (int)(c - s->ments);
		}
		const deed *d = &sm->dyad[side];
		snprintf(c->code, sizeof c->code, "%s", d->code);
		memcpy(c->country, d->country, sizeof c->country);
		memcpy(c->sectors, d->sectors, sizeof c->sectors);
		c->nsectors = d->nsectors;
		c->rule = "resolve: both sides of the story's latest act between two";
	}
	s->ments[k].also = j;
}

/* "ethnic Albanians", "Ethnic Albanian rebels": a people named by a
 * state's adjective, an agent whose country is where it lives, found as
 * any agent's is; a bare people is of the ordinary people.  A people's
 * forces ("ethnic Armenian forces in Nagorno-Karabakh") fight for the
 * state the adjective names, and keep it. */
static void ethnic(ctx *x)
{
	cw_sentence *s = x->s;
	for (int i = 0; i < s->nments; i++) {
		cw_mention *m = &s->ments[i];
		if (m->kind != CW_M_ADJ || !m->country[0] || !lx(x, m->tok_start - 1, CW_LX_ETHNIC))
			continue;
		char sector[4];
		snprintf(sector, sizeof sector, "%s", m->nsectors ? m->sectors[0] : "");
		cw_lower_ascii(sector);
		if (sector[0] && cw_lex_has(x->cw->lexicon, CW_LX_FORCE_SECTORS, sector))
			continue;
		if (m->nsectors == 0)
			snprintf(m->sectors[m->nsectors++], 4, "%s", PEOPLE_SECTOR);
		m->kind = CW_M_AGENT;
		m->country[0] = '\0';
		m->code[0] = '\0';
		m->rule = "resolve: an ethnic people, of where it lives";
	}
}

/* "AMMAN (Reuters) - Syrian security forces shot dead 15 people in Deraa
 * ...  State television blamed an armed gang": wire copy is often filed
 * from a neighbour's capital; once the story's sentences were set in one
 * country, an agent with no place of its own is of that country rather
 * than of the dateline's.  Counts this sentence's setting and returns the
 * story's, or NULL when none or two. */
static const char *story_setting(story_memory *sm, const char *where, int split)
{
	if (split)
		sm->settings = 2;
	else if (where && sm->settings == 0) {
		memcpy(sm->setting, where, sizeof sm->setting);
		sm->settings = 1;
	} else if (where && strcmp(where, sm->setting) != 0)
		sm->settings = 2;
	return sm->settings == 1 ? sm->setting : NULL;
}

/* "expelled foreign aid agencies, accusing them of ...": a pronoun coref
 * gave an agent word's sectors before that word had a country takes
 * what this stage then gave the word, the nearest of its sector before
 * it: "foreign aid agencies" are nobody's in particular, and so are they. */
static void placed_antecedent(ctx *x, int k)
{
	cw_mention *m = &x->s->ments[k];
	if (m->code[0] || m->kind != CW_M_PRONOUN || m->nsectors == 0)
		return;
	int best = -1;
	for (int j = 0; j < x->s->nments; j++) {
		const cw_mention *o = &x->s->ments[j];
		if (j != k && o->kind == CW_M_AGENT && o->code[0] && o->tok_end <= m->tok_start &&
		    o->nsectors && strcmp(o->sectors[0], m->sectors[0]) == 0 &&
		    (best < 0 || o->tok_start > x->s->ments[best].tok_start))
			best = j;
	}
	if (best < 0)
		return;
	const cw_mention *a = &x->s->ments[best];
	cw_copy(m->code, sizeof m->code, a->code);
	cw_copy(m->country, sizeof m->country, a->country);
	m->guessed = a->guessed;
	m->unplaced = a->unplaced;
	m->rule = "resolve: them, the agent before as placed";
}

int cw_resolve_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	ctx x = { cw, doc, s, s->nments, 0 };
	story_memory *sm = memory(doc);
	if (!sm)
		return CURLEW_ESYS;
	int split;
	const char *where = setting(&x, &split);
	const char *dateline = dateline_country(&x);
	/* the story's country counts this sentence's named actors too: the
	 * first sentence of a story is most of what it says ("Congress is
	 * pressuring Obama", "protesters" in a story that names one country);
	 * PETRARCH's counts only the sentences before */
	if (!cw->opts.petrarch) {
		ethnic(&x);
		remember(sm, &x);
		remember_places(sm, &x);
	}
	const char *story = story_country(sm, cw->opts.petrarch);
	const char *places = cw->opts.petrarch ? NULL : story_place(sm);
	const char *set_in = story_setting(sm, where, split);
	for (int i = 0; i < s->nments; i++) {
		cw_mention *m = &s->ments[i];
		/* "AZEGOV" named through a person: its sectors are in its code */
		size_t cl = strlen(m->country);
		if (m->nsectors == 0 && cl == 3 && strncmp(m->code, m->country, 3) == 0)
			for (size_t k = cl; m->code[k] && strlen(m->code + k) >= 3 &&
					    m->nsectors < CW_MAX_SECTORS; k += 3)
				snprintf(m->sectors[m->nsectors++], 4, "%.3s", m->code + k);
		both_sides(&x, sm, i);
		m = &s->ments[i];   /* (the array may have moved) */
		if (people(&x, m)) {
			snprintf(m->sectors[m->nsectors++], 4, "%s", PEOPLE_SECTOR);
			snprintf(m->code, sizeof m->code, "%s%s", m->country, PEOPLE_SECTOR);
			m->rule = "resolve: a demonym as a noun, the country's people";
		}
		if (m->code[0] || m->kind != CW_M_AGENT || m->nsectors == 0)
			continue;
		const char *c;
		if ((c = possessor(&x, m)))
			give_country(m, c, "resolve: the agent's owner");
		else if ((c = leader(&x, m)))
			give_country(m, c, "resolve: the agent's leader");
		else if ((c = located(&x, m)))
			give_country(m, c, "resolve: the agent's place");
		else if ((c = member_of(&x, m)))
			give_country(m, c, "resolve: the agent's body");
		else if ((c = conjunct(&x, m)))
			give_country(m, c, "resolve: the agent it is joined to");
		else if (modifier(&x, m))
			continue;
		else if (foreign(&x, m)) {
			snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
			m->unplaced = 1;
		}
		else if (where)
			guess_country(m, where, "resolve: the sentence's place");
		else if (split) {   /* "arrested three in Paris and two in Berlin": set in two */
			snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
			m->unplaced = 1;
		}
		else if (set_in && !cw->opts.petrarch)
			guess_country(m, set_in, "resolve: where the story is set");
		else if (dateline && story && remote_dateline(&x, sm, dateline, story, m))
			guess_country(m, story, "resolve: the story's country, the dateline a base");
		else if (dateline)
			guess_country(m, dateline, "resolve: the dateline's place");
		else if (story)
			guess_country(m, story, "resolve: the story's country");
		else if (places)
			guess_country(m, places, "resolve: the story's places");
		else
			snprintf(m->code, sizeof m->code, "%s", m->sectors[0]);
	}
	for (int i = 0; i < s->nments; i++)
		placed_antecedent(&x, i);
	if (cw->opts.petrarch)
		remember(sm, &x);
	return x.oom ? CURLEW_ESYS : 0;
}

/* ------------------------------------------------------ implied targets */

/* The same actor, or a country and its own state; a country and its
 * people, prisoners or rebels are two ("Cuba freed 50 political
 * prisoners"). */
static int same_actor(const ctx *x, int a, int b)
{
	return cw_same_actor(x->cw->lexicon, x->s, a, b);
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
	guess_country(c, s->ments[src].country, "resolve: the source's country");
	c->also = -1;
	return (int)(c - s->ments);
}

/* "shelled residential areas of Kharkiv", "air strikes on a village in
 * Sagaing", "allowed aid trucks into Gaza": the country of the place the
 * act was aimed at, as a mention of its own for the record.  venues: a
 * place the act is done in counts too (violence). */
/* Where the act's own clause ends: at the next finite verb or a verb
 * pattern after its words ("declared martial law and said Kyiv was
 * severing relations with Moscow": Moscow is another act's), or ";". */
static int clause_end(const cw_sentence *s, const cw_trigger *t)
{
	for (int k = t->tok_end; k < s->ntoks; k++) {
		if (cw_verb_tag(s->toks[k].pos, CW_VF_FINITE | CW_VF_MODAL) || verb_anchor(s, k) ||
		    s->toks[k].text[0] == ';')
			return k;
	}
	return s->ntoks;
}

/* "stormed the television tower in the Lithuanian capital", "shelled
 * Afghan villages": a country adjective before a noun of place
 * (lexicon.txt place-nouns) names a place of its country, in [from, end). */
static int adjective_place(const ctx *x, int from, int end, const char *own)
{
	const cw_sentence *s = x->s;
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (m->kind == CW_M_ADJ && m->tok_start >= from && m->tok_start < end && m->country[0] &&
		    strcmp(m->country, own) != 0 && lx(x, m->tok_end, CW_LX_PLACE_NOUNS))
			return i;
	}
	return -1;
}

static int place_target(ctx *x, const cw_trigger *t, int src, int venues)
{
	cw_sentence *s = x->s;
	/* violence reaches further ("air strikes on what New Delhi said was
	 * a camp in Pakistan", "air strikes destroyed a tower in Gaza") */
	int end = venues ? s->ntoks : clause_end(s, t);
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		if (p->tok_start < t->tok_end || p->tok_start >= end || !p->country[0])
			continue;
		/* as of the story's date, as the agents' countries are */
		const char *country = then(x, p->country);
		/* a place an act is done in ("talks in Lausanne") is no target
		 * but for violence ("shelling in Gaza") */
		if (!venues && lx(x, p->prep, CW_LX_PLACE_PREPS))
			continue;
		/* "air strikes on what New Delhi said was a camp in Pakistan":
		 * a place of the source's own country is rarely the target
		 * when it names one elsewhere */
		if (src >= 0 && strcmp(country, s->ments[src].country) == 0)
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
		cw_copy(c->country, sizeof c->country, country);
		cw_copy(c->code, sizeof c->code, country);
		c->kind = CW_M_NAME;
		c->start = p->start;
		c->end = p->end;
		c->text = p->text;
		c->rule = "resolve: the place as target";
		return (int)(c - s->ments);
	}
	/* violence only: an act merely done there ("talks in the Syrian
	 * capital") has its venue, not its target, there */
	return venues && src >= 0 ? adjective_place(x, t->tok_end, end, s->ments[src].country) : -1;
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

/* Does the sentence name an actor of another country as a party to the
 * act ("He added that all proposals were rejected by the Armenian side",
 * the speaker being Azerbaijani): in the act's own stretch (between the
 * punctuation around it, up to the next verb), or as the speaker ("...,
 * an Egyptian official said")?  Then the act may well be aimed abroad.
 * A country named in another clause ("declared martial law, accusing the
 * opposition of sympathising with North Korea", "declared martial law and
 * said Kyiv was cutting ties with Moscow") is no party to it.  With
 * anywhere, any mention in the sentence counts. */
#define SPEAKER_REACH 2   /* "an Egyptian official said": the speaker's words to the verb */

static int speaker(const cw_sentence *s, int m)
{
	int end = s->ments[m].tok_end;
	for (int i = 0; i < s->ntrigs; i++)
		if ((s->trigs[i].flags & (CW_TR_SAY | CW_TR_REPORT)) && s->trigs[i].anchor >= end &&
		    s->trigs[i].anchor <= end + SPEAKER_REACH)
			return 1;
	return 0;
}

static int foreign_party(const cw_sentence *s, const cw_trigger *t, const char *country, int anywhere)
{
	int lo = t->tok_start, hi = t->tok_end, end = clause_end(s, t);
	while (lo > 0 && !(s->toks[lo - 1].flags & CW_T_PUNCT))
		lo--;
	while (hi < end && !(s->toks[hi].flags & CW_T_PUNCT))
		hi++;
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (!anywhere && (m->tok_start < lo || m->tok_start >= hi) && !speaker(s, i))
			continue;
		if (usable(s, i) && m->country[0] && strcmp(m->country, country) != 0)
			return 1;
	}
	return 0;
}

/* "The French government scrapped a planned fuel tax increase", "Sudan's
 * military detained him": an act with no other party named is, as coders
 * chart it, done within the source's own country. */
static int own_country(ctx *x, const cw_trigger *t, int src, int anywhere)
{
	cw_sentence *s = x->s;
	if (!s->ments[src].country[0] || foreign_party(s, t, s->ments[src].country, anywhere))
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

/* ------------------------------------------------------ judged acts */

/* Does token k name an act: a word of the act-nouns list (by its base
 * form), or the anchor of a nominal pattern ("the takeover")?  Its root
 * goes to root ("" when only the list knows it). */
static int act_noun(const ctx *x, int k, char root[3])
{
	const cw_sentence *s = x->s;
	const cw_token *w = &s->toks[k];
	root[0] = '\0';
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == k && (s->trigs[i].flags & CW_TR_NOMINAL)) {
			snprintf(root, 3, "%.2s", s->trigs[i].code);
			return 1;
		}
	return lx(x, k, CW_LX_ACT_NOUNS) ||
	       (w->nlemma && cw_lex_has(x->cw->lexicon, CW_LX_ACT_NOUNS, w->nlemma));
}

static int np_word(int pos)
{
	return pos == CW_POS_DT || pos == CW_POS_PRPS || pos == CW_POS_JJ || pos == CW_POS_JJR ||
	       pos == CW_POS_JJS || pos == CW_POS_NN || pos == CW_POS_NNS || pos == CW_POS_CD ||
	       pos == CW_POS_VBN;
}

/* The act an event judges, named by a noun with no actor in its phrase:
 * the object ("condemned the move", "welcomed the release of ..."), the
 * pattern's own last word ("rejected the accusation"), or the noun a
 * reduced relative hangs on ("a move Israel condemned").  Returns its
 * token, or -1. */
static int judged_act(const ctx *x, const cw_trigger *t, int src, char root[3])
{
	const cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src];
	if (a->tok_end == t->tok_start && a->tok_start >= 1 && act_noun(x, a->tok_start - 1, root) &&
	    !usable(s, s->toks[a->tok_start - 1].mention))
		return a->tok_start - 1;
	if (t->tok_end - 1 > t->anchor && act_noun(x, t->tok_end - 1, root))
		return t->tok_end - 1;
	/* the object may stand inside the pattern's gap: "called the raid
	 * an act of war", "branded the blast unacceptable" */
	int from = t->anchor + 1 < t->tok_end ? t->anchor + 1 : t->tok_end;
	while (from < s->ntoks && (s->toks[from].pos == CW_POS_IN || s->toks[from].pos == CW_POS_RP ||
				   s->toks[from].pos == CW_POS_TO))
		from++;   /* "abide by the order" */
	int head = -1;
	for (int k = from; k < s->ntoks && k < from + ACT_REACH; k++) {
		const cw_token *w = &s->toks[k];
		if (w->mention >= 0)
			return -1;   /* "condemned the Indian move": its doer is named */
		if (!np_word(w->pos))
			break;
		if (w->pos == CW_POS_NN || w->pos == CW_POS_NNS)
			head = k;
		else if (head >= 0)
			break;
	}
	return head >= 0 && act_noun(x, head, root) ? head : -1;
}

/* May the doer of an earlier act (code, country) be the target of src's
 * judgement?  Not src itself, nor, for the state, its own country ("India
 * revoked ... India said": the same side); the opposition may well judge
 * what its country's state did ("Taiwan lifted martial law ... opposition
 * leaders criticised"). */
static int other_doer(const ctx *x, const cw_mention *src, const char *code, const char *country)
{
	if (!code[0] || strcmp(code, src->code) == 0)
		return 0;
	if (!src->country[0] || strcmp(src->country, country) != 0)
		return 1;
	char sector[4];
	snprintf(sector, sizeof sector, "%s", src->nsectors ? src->sectors[0] : "");
	cw_lower_ascii(sector);
	int state = !src->nsectors || cw_lex_has(x->cw->lexicon, CW_LX_STATE_SECTORS, sector);
	return !(state && (strcmp(code, country) == 0 || strcmp(src->code, src->country) == 0));
}

/* The target as a mention of its own: the doer's code, the act noun's
 * place in the text (its words are the doer's, as a pronoun's are). */
static int doer_mention(ctx *x, int tok, const char *code, const char *country,
			const char (*sectors)[4], int nsectors, const char *text, const char *rule)
{
	cw_sentence *s = x->s;
	cw_mention *c = new_mention(x);
	if (!c)
		return -1;
	c->tok_start = c->head = tok;
	c->tok_end = tok + 1;
	c->start = s->toks[tok].start;
	c->end = s->toks[tok].end;
	snprintf(c->code, sizeof c->code, "%s", code);
	memcpy(c->country, country, sizeof c->country);
	memcpy(c->sectors, sectors, sizeof c->sectors);
	c->nsectors = nsectors;
	c->kind = CW_M_NAME;
	c->text = text;
	c->rule = rule;
	return (int)(c - s->ments);
}

/* "Pakistan condemned the move", "Blinken welcomed the release": aimed
 * at whoever did the act, told earlier in the sentence (the nearest) or
 * in the story (the first, the news the story leads with); of the act's
 * own kind when the noun says which ("the strikes"). */
static int doer_target(ctx *x, const story_memory *sm, int ev, int *judged)
{
	cw_sentence *s = x->s;
	const cw_event *e = &s->events[ev];
	char root[3];
	if (!cw_code_is(x->cw->codes, e->code, CW_CC_JUDGES))
		return -1;
	int tok = judged_act(x, &s->trigs[e->trigger], e->source, root);
	if (tok < 0)
		return -1;
	*judged = 1;
	const cw_mention *src = &s->ments[e->source];
	for (int pass = root[0] ? 0 : 1; pass < 2; pass++) {
		for (int j = ev - 1; j >= 0; j--) {
			/* an act told before this one (not this one's own
			 * compound subject: "Australia and New Zealand
			 * condemned") */
			const cw_event *o = &s->events[j];
			const cw_mention *d = o->source >= 0 ? &s->ments[o->source] : NULL;
			if (s->trigs[o->trigger].tok_start >= s->trigs[e->trigger].tok_start)
				continue;
			if (d && other_doer(x, src, d->code, d->country) &&
			    (pass || strncmp(o->code, root, 2) == 0))
				return doer_mention(x, tok, d->code, d->country, d->sectors, d->nsectors,
						    d->text, "resolve: the doer of the act it judges");
		}
		for (int j = 0; sm && j < sm->ndeeds; j++) {
			const deed *d = &sm->deeds[j];
			if (other_doer(x, src, d->code, d->country) && (pass || strcmp(d->root, root) == 0)) {
				const char *text = cw_strdup(x->doc->arena, d->text);
				if (!text) {
					x->oom = 1;
					return -1;
				}
				return doer_mention(x, tok, d->code, d->country, d->sectors, d->nsectors,
						    text, "resolve: the doer of the act it judges");
			}
		}
	}
	return -1;
}

/* May event e be a charge a denial answers: an act short of force aimed
 * at someone the sentence names or whose act it judges, not an implied
 * default ("claimed responsibility for the bombing" at its place's
 * country charges nobody), nor a denial itself ("China and Cambodia
 * dismissed a report" deny it together, not each other)? */
static int charge(const cw_codes *codes, const cw_event *e)
{
	return e->target >= 0 && (e->implied == CW_I_NONE || e->implied == CW_I_DOER) &&
	       !cw_code_violent(codes, e->code) && cw_code_implied(codes, e->code) != CW_I_ACCUSER;
}

/* Keeps the story's first events' doers, and the two sides of its latest
 * act between two named parties, for the sentences after. */
static void remember_deeds(story_memory *sm, const cw_sentence *s, const cw_codes *codes)
{
	for (int i = 0; sm && i < s->nevents; i++) {
		const cw_event *e = &s->events[i];
		if (e->source < 0)
			continue;
		if (sm->ndeeds < MAX_DEEDS)
			copy_deed(&sm->deeds[sm->ndeeds++], &s->ments[e->source], e->code);
		if (cw_code_violent(codes, e->code)) {
			copy_deed(&sm->foe, &s->ments[e->source], e->code);
			sm->has_foe = 1;
			sm->has_foe_tgt = e->target >= 0;
			if (e->target >= 0)
				copy_deed(&sm->foe_tgt, &s->ments[e->target], e->code);
		}
		if (charge(codes, e) && strcmp(s->ments[e->source].code, s->ments[e->target].code) != 0) {
			deed *c = sm->charge[sm->ncharges++ % MAX_CHARGES];
			copy_deed(&c[0], &s->ments[e->source], e->code);
			copy_deed(&c[1], &s->ments[e->target], e->code);
		}
		for (int j = 0; sm && j < i && e->target >= 0; j++) {
			const cw_event *o = &s->events[j];
			if (o->target < 0 || o->trigger != e->trigger)
				continue;
			const cw_mention *p = &s->ments[e->source], *q = &s->ments[e->target];
			if (p->country[0] && q->country[0] && strcmp(p->country, q->country) &&
			    !strcmp(s->ments[o->source].country, q->country) &&
			    !strcmp(s->ments[o->target].country, p->country)) {
				memcpy(sm->joint[0], p->country, 4);
				memcpy(sm->joint[1], q->country, 4);
				sm->has_joint = 1;
			}
		}
		if (e->target >= 0 && e->implied == CW_I_NONE &&
		    strcmp(s->ments[e->source].code, s->ments[e->target].code) != 0) {
			copy_deed(&sm->dyad[0], &s->ments[e->source], e->code);
			copy_deed(&sm->dyad[1], &s->ments[e->target], e->code);
			sm->has_dyad = 1;
		}
	}
}

/* Is the doer of an act of force (code, country, its first sector) on
 * src's own side: the same actor, or src's country or its state (the
 * state's sectors of lexicon.txt, its forces too) when src is one of
 * them?  The opposition and rebels of src's country are another side. */
static int own_side(const ctx *x, const cw_mention *src, const char *code, const char *country,
		    const char (*sectors)[4], int nsectors)
{
	if (!other_doer(x, src, code, country))
		return 1;
	if (!src->country[0] || strcmp(src->country, country) != 0)
		return 0;
	char a[4], b[4];
	snprintf(a, sizeof a, "%s", src->nsectors ? src->sectors[0] : "");
	snprintf(b, sizeof b, "%s", nsectors ? sectors[0] : "");
	cw_lower_ascii(a);
	cw_lower_ascii(b);
	const cw_lexicon *lx = x->cw->lexicon;
	int sa = !a[0] || cw_lex_has(lx, CW_LX_STATE_SECTORS, a) || cw_lex_has(lx, CW_LX_FORCE_SECTORS, a);
	int sb = !b[0] || cw_lex_has(lx, CW_LX_STATE_SECTORS, b) || cw_lex_has(lx, CW_LX_FORCE_SECTORS, b);
	return sa && sb;
}

/* PETRARCH charts no own-country target (the place and the government
 * it takes from its own dictionaries' patterns alike). */
/* "Megawati vowed to hunt down those responsible", "South Korea put its
 * military on alert": a threat or a show of force aimed at nobody named is
 * aimed at whoever used force last, earlier in the sentence or the story,
 * when that is another actor. */
static int foe_target(ctx *x, const story_memory *sm, int ev)
{
	cw_sentence *s = x->s;
	const cw_event *e = &s->events[ev];
	const cw_mention *src = &s->ments[e->source];
	const cw_trigger *t = &s->trigs[e->trigger];
	for (int j = ev - 1; j >= 0; j--) {
		const cw_event *o = &s->events[j];
		if (o->source < 0 || !cw_code_violent(x->cw->codes, o->code) ||
		    s->trigs[o->trigger].tok_start >= t->tok_start)
			continue;
		const cw_mention *d = &s->ments[o->source];
		/* "Israel struck Lebanon ... Olmert vowed a response": force
		 * used by the source's own side (the same actor, or its
		 * country and its state) leaves its foe the one it was used
		 * on (GUIDE: never the source's own country) */
		if (own_side(x, src, d->code, d->country, d->sectors, d->nsectors)) {
			d = o->target >= 0 ? &s->ments[o->target] : NULL;
			if (!d || own_side(x, src, d->code, d->country, d->sectors, d->nsectors))
				return -1;
		}
		return doer_mention(x, t->tok_start, d->code, d->country, d->sectors, d->nsectors, d->text,
				    "resolve: whoever used force last");
	}
	if (!sm || !sm->has_foe || strcmp(sm->foe.code, src->code) == 0)
		return -1;
	const deed *f = &sm->foe;
	if (own_side(x, src, f->code, f->country, f->sectors, f->nsectors)) {
		const deed *g = &sm->foe_tgt;
		if (!sm->has_foe_tgt || own_side(x, src, g->code, g->country, g->sectors, g->nsectors))
			return -1;
		f = &sm->foe_tgt;
	}
	const char *text = cw_strdup(x->doc->arena, f->text);
	if (!text) {
		x->oom = 1;
		return -1;
	}
	return doer_mention(x, t->tok_start, f->code, f->country, f->sectors, f->nsectors,
			    text, "resolve: whoever used force last");
}

/* Is an act aimed at (code, country) aimed at src's side: its country,
 * or src itself when it has none (a body: "the WHO denied")? */
static int aimed_at(const cw_mention *src, const char *code, const char *country)
{
	return src->country[0] ? strcmp(country, src->country) == 0 : strcmp(code, src->code) == 0;
}

/* Is the first of these sectors in the lexicon.txt list? */
static int sector_in(const ctx *x, const char (*sectors)[4], int nsectors, int list)
{
	char a[4];
	snprintf(a, sizeof a, "%s", nsectors ? sectors[0] : "");
	cw_lower_ascii(a);
	return a[0] && cw_lex_has(x->cw->lexicon, list, a);
}

/* May the doer of an act aimed at src's side (code, country, sectors) be
 * the one src's denial answers: another doer, and not, for a body of the
 * state, the state's own forces ("Myanmar soldiers burned villages ...
 * Myanmar's government rejected the accusation": what its forces did is
 * the topic, not a charge). */
static int accuser(const ctx *x, const cw_mention *src, const char *code, const char *country,
		   const char (*sectors)[4], int nsectors)
{
	if (!other_doer(x, src, code, country))
		return 0;
	return !(src->country[0] && strcmp(src->country, country) == 0 &&
		 (sector_in(x, src->sectors, src->nsectors, CW_LX_STATE_SECTORS) ||
		  sector_in(x, src->sectors, src->nsectors, CW_LX_FORCE_SECTORS)) &&
		 sector_in(x, sectors, nsectors, CW_LX_FORCE_SECTORS));
}

/* "Azerbaijan accused Armenian forces of massacring civilians, and Armenia
 * denied it", "Estonia accused Russia ... Moscow denied any involvement":
 * a denial aimed at nobody named answers whoever last charged the denier's
 * side -- an act short of force aimed at it by another (GUIDE: the target
 * is the actor it is about) -- told in the sentence (the nearest before
 * the denial, else after it) or the story (the latest). */
static int accuser_target(ctx *x, const story_memory *sm, int ev)
{
	cw_sentence *s = x->s;
	const cw_event *e = &s->events[ev];
	const cw_mention *src = &s->ments[e->source];
	const cw_trigger *t = &s->trigs[e->trigger];
	int best = -1, before = 0, gap = 0;
	for (int j = 0; j < s->nevents; j++) {
		const cw_event *o = &s->events[j];
		if (j == ev || o->source < 0 || o->trigger == e->trigger || !charge(x->cw->codes, o))
			continue;
		const cw_mention *d = &s->ments[o->source], *a = &s->ments[o->target];
		if (!aimed_at(src, a->code, a->country) || !accuser(x, src, d->code, d->country, d->sectors, d->nsectors))
			continue;
		int at = s->trigs[o->trigger].tok_start, b = at < t->tok_start;
		int g = b ? t->tok_start - at : at - t->tok_start;
		if (best < 0 || b > before || (b == before && g < gap))
			best = j, before = b, gap = g;
	}
	if (best >= 0) {
		const cw_mention *d = &s->ments[s->events[best].source];
		return doer_mention(x, t->tok_start, d->code, d->country, d->sectors, d->nsectors, d->text,
				    "resolve: whoever charged it");
	}
	int n = sm ? (sm->ncharges < MAX_CHARGES ? sm->ncharges : MAX_CHARGES) : 0;
	for (int i = 1; i <= n; i++) {
		const deed *c = sm->charge[(sm->ncharges - i) % MAX_CHARGES];
		if (!aimed_at(src, c[1].code, c[1].country) ||
		    !accuser(x, src, c[0].code, c[0].country, c[0].sectors, c[0].nsectors))
			continue;
		const char *text = cw_strdup(x->doc->arena, c[0].text);
		if (!text) {
			x->oom = 1;
			return -1;
		}
		return doer_mention(x, t->tok_start, c[0].code, c[0].country, c[0].sectors, c[0].nsectors,
				    text, "resolve: whoever charged it");
	}
	return -1;
}

/* "warned that it would bomb if Belgrade failed to comply", "would
 * impose a tariff unless Mexico stopped ...": a threat aimed at nobody
 * named is aimed at the one whose act it is conditioned on (GUIDE:
 * if-conditionals are threats), the subject of the condition nearest the
 * threat in its sentence; -1 for none or for the source itself ("if it
 * is attacked"). */
static int condition_party(ctx *x, int ev)
{
	const cw_sentence *s = x->s;
	const cw_event *e = &s->events[ev];
	const cw_trigger *t = &s->trigs[e->trigger];
	int best = -1, gap = 0;
	for (int k = 0; k < s->ntoks; k++) {
		if (!lx(x, k, CW_LX_CONDITIONS) || (k >= t->tok_start && k < t->tok_end))
			continue;
		int m = mention_from(s, k + 1, CONDITION_REACH);
		if (m < 0 || m == e->source || same_actor(x, e->source, m))
			continue;
		int g = k >= t->tok_end ? k - t->tok_end : t->tok_start - k;
		if (best < 0 || g < gap)
			best = m, gap = g;
	}
	return best;
}

static int own_forces(const ctx *x, int src, int t);

/* "the junta warned that protesters were inciting the people": a warning
 * aimed at nobody named is aimed at the subject of the that-clause right
 * after it when that is another actor than the source and its forces
 * ("warned that its military would not sit idly by" is no target). */
#define WARNED_REACH 2   /* the warning verb (and "on Friday") to "that" */
static int warned_party(ctx *x, int ev)
{
	const cw_sentence *s = x->s;
	const cw_event *e = &s->events[ev];
	const cw_trigger *t = &s->trigs[e->trigger];
	for (int k = t->tok_end; k < s->ntoks && k <= t->tok_end + WARNED_REACH; k++) {
		if (!lx(x, k, CW_LX_COMPLEMENTIZER))
			continue;
		int m = mention_from(s, k + 1, CONDITION_REACH);
		if (m < 0 || m == e->source || same_actor(x, e->source, m) || s->ments[m].kind == CW_M_PRONOUN ||
		    own_forces(x, e->source, m))
			return -1;
		return m;
	}
	return -1;
}

static int material_cooperation(const ctx *x, const char *code);

/* "India sent two navy ships to Galle, and Pakistan flew in a planeload of
 * medicine" in a story set in Sri Lanka: aid brought to nobody named
 * goes where the story is set (its sentences' one country, else its
 * dateline's) when that is another country than the giver's. */
static int aid_setting(ctx *x, const story_memory *sm, int src)
{
	cw_sentence *s = x->s;
	const char *where = sm->settings == 1 ? then(x, sm->setting) : dateline_country(x);
	if (!where || !s->ments[src].country[0] || strcmp(where, s->ments[src].country) == 0)
		return -1;
	cw_mention *c = new_mention(x);
	if (!c)
		return -1;
	*c = s->ments[src];
	cw_copy(c->country, sizeof c->country, where);
	cw_copy(c->code, sizeof c->code, where);
	c->nsectors = 0;
	c->kind = CW_M_NAME;
	c->text = "";
	c->start = c->end = 0;
	c->rule = "resolve: aid to where the story is set";
	c->also = -1;
	c->guessed = 1;
	return (int)(c - s->ments);
}

static int implied_target(ctx *x, const story_memory *sm, int ev, int judged, int *how)
{
	const cw_event *e = &x->s->events[ev];
	const cw_trigger *t = &x->s->trigs[e->trigger];
	int implied = cw_code_implied(x->cw->codes, e->code);
	int m = -1;
	if (implied == CW_I_FOE) {
		if (x->cw->opts.petrarch)
			return -1;
		/* the party a threat is conditioned on is named; whoever used
		 * force last is only remembered, but beats an agent whose
		 * country is itself a guess ("if the army failed ..." in a
		 * sentence set in New York) */
		int c = condition_party(x, ev);
		if (c >= 0 && !x->s->ments[c].guessed) {
			*how = CW_I_NONE;   /* named in the sentence */
			return c;
		}
		m = foe_target(x, sm, ev);
		*how = m >= 0 ? CW_I_FOE : CW_I_NONE;
		if (m < 0 && c < 0)
			c = warned_party(x, ev);
		return m >= 0 ? m : c;
	}
	if (implied == CW_I_ACCUSER) {
		m = x->cw->opts.petrarch ? -1 : accuser_target(x, sm, ev);
		*how = m >= 0 ? CW_I_ACCUSER : CW_I_NONE;
		return m;
	}
	if (implied == CW_I_PLACE)
		m = place_target(x, t, e->source, 1);
	if (m < 0 && implied == CW_I_PLACE && material_cooperation(x, e->code) && !x->cw->opts.petrarch)
		m = aid_setting(x, sm, e->source);
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
		/* "Germany said its troops would not go": a statement coded
		 * by what its report says (frames.txt's says lines) tells no
		 * act done at home, and whom the report is about is unsaid */
		if ((t->flags & CW_TR_SAY) && strcmp(t->code, e->code) != 0)
			return -1;
		m = own_country(x, t, e->source, judged || cw_code_violent(x->cw->codes, e->code));
		*how = m >= 0 ? CW_I_OWN : CW_I_NONE;
	}
	return m;
}

/* Is mention t the armed forces or police of src's own country ("sent
 * soldiers into the assembly" still targets the assembly)? */
static int own_forces(const ctx *x, int src, int t)
{
	const cw_mention *a = &x->s->ments[src], *b = &x->s->ments[t];
	if (!a->country[0] || strcmp(a->country, b->country) != 0 || strlen(b->code) < 6)
		return 0;
	char sector[4];
	snprintf(sector, sizeof sector, "%s", b->nsectors ? b->sectors[0] : b->code + strlen(b->country));
	cw_lower_ascii(sector);
	return cw_lex_has(x->cw->lexicon, CW_LX_FORCE_SECTORS, sector);
}

/* "The Kremlin denied any involvement ..., calling accusations made by
 * Germany absurd", "prisoners in Israeli jails launched a hunger strike":
 * the source's own country as a target is a default (implied, or an
 * agent placed by the story), and never stands when the sentence names a
 * party of another country (GUIDE: no self-dyad when another target is
 * named).  That party, the nearest after the act, else before it; -1
 * when there is none. */
/* Is mention i a party of another country than own: not a pronoun, a
 * capital or the speaker of the sentence. */
static int party(const cw_sentence *s, int i, const char *own)
{
	const cw_mention *m = &s->ments[i];
	return usable(s, i) && m->country[0] && strcmp(m->country, own) != 0 &&
	       m->kind != CW_M_PRONOUN && m->kind != CW_M_CAPITAL && !speaker(s, i);
}

/* A body of no country the sentence names ("the WTO", "a U.N. team",
 * Greenpeace): a party to what is said to or about it.  An agent word
 * still without a country ("gunmen") is nobody in particular. */
static int body(const cw_sentence *s, int i)
{
	const cw_mention *m = &s->ments[i];
	return usable(s, i) && !m->country[0] && m->kind == CW_M_NAME && m->code[0] && !speaker(s, i);
}

/* "Iran demanded a halt to the attacks, calling them a dangerous step":
 * a pronoun after the act that coref gave another country names that
 * party as surely as its antecedent would, while no finite verb opens
 * another clause between them ("..., and police fired tear gas to
 * disperse them" is someone else's act); one before the act may be the
 * speaker's own side told again. */
static int pronoun_party(const cw_sentence *s, int i, const cw_trigger *t, const char *own)
{
	const cw_mention *m = &s->ments[i];
	if (!usable(s, i) || m->kind != CW_M_PRONOUN || !m->country[0] || strcmp(m->country, own) == 0 ||
	    m->tok_start < t->tok_end || speaker(s, i))
		return 0;
	for (int k = t->tok_end; k < m->tok_start; k++)
		if (cw_verb_tag(s->toks[k].pos, CW_VF_FINITE | CW_VF_MODAL) || s->toks[k].text[0] == ';')
			return 0;
	return 1;
}

/* The party of another country, or body of none, nearest the act, before
 * or after it. */
static int nearest_party(const cw_sentence *s, const cw_event *e, const cw_trigger *t,
			 const char *own)
{
	int best = -1, gap = 0;
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (i == e->source || !(party(s, i, own) || body(s, i) || pronoun_party(s, i, t, own)))
			continue;
		int d = m->tok_start >= t->tok_end ? m->tok_start - t->tok_end : t->tok_start - m->tok_end;
		if (best < 0 || d < gap)
			best = i, gap = d;
	}
	return best;
}

/* A verbal act (quad classes 1 and 3 of cameo-codes.tsv: statements,
 * appeals, agreements, demands, rejections, threats) is said to someone;
 * a material one (arrests, curfews, martial law) is often done at home
 * while the sentence names another country elsewhere. */
static int verbal(const ctx *x, const char *code)
{
	const cw_code_info *c = cw_codes_get(x->cw->codes, code);
	return c && (c->quad == 1 || c->quad == 3);
}

/* "South Korea and the United States held joint drills": the party of
 * another country joined to the source by "and" (nothing else between
 * them but articles), or -1. */
static int partner(const ctx *x, int src, const char *own)
{
	const cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src];
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (i == src || !party(s, i, own))
			continue;
		int lo = m->tok_start >= a->tok_end ? a->tok_end : m->tok_end;
		int hi = m->tok_start >= a->tok_end ? m->tok_start : a->tok_start;
		int and = 0, other = 0;
		for (int k = lo; k < hi; k++) {
			if (lx(x, k, CW_LX_AND))
				and++;
			else if (s->toks[k].pos != CW_POS_DT)
				other++;
		}
		if (and == 1 && !other && hi > lo)
			return i;
	}
	return -1;
}

/* Is the code material cooperation (quad class 2 of cameo-codes.tsv)? */
static int material_cooperation(const ctx *x, const char *code)
{
	const cw_code_info *c = cw_codes_get(x->cw->codes, code);
	return c && c->quad == 2;
}

/* Is mention m named as where something is ("through Belgrade", "in
 * Hong Kong"): after a preposition of place or motion, or its article? */
static int setting_word(const ctx *x, const cw_mention *m)
{
	int p = m->tok_start - 1;
	if (lx(x, p, CW_LX_ARTICLES))
		p--;
	return lx(x, p, CW_LX_PLACE_PREPS) || lx(x, p, CW_LX_MOTION_PREPS);
}

/* Where a purpose infinitive that opens at token end ends ("marched to
 * denounce President Bush"): the purpose tells whom the act is aimed at.
 * end itself when no purpose opens there. */
static int purpose_end(const ctx *x, int end)
{
	const cw_sentence *s = x->s;
	if (!lx(x, end - 1, CW_LX_INFINITIVE))
		return end;
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == end)
			return clause_end(s, &s->trigs[i]);
	return end;
}

static int other_party(const ctx *x, const cw_event *e)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[e->trigger];
	const char *own = s->ments[e->source].country;
	int hi = t->tok_end, end = clause_end(s, t);
	while (hi < end && !(s->toks[hi].flags & CW_T_PUNCT))
		hi++;
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (i == e->source || !usable(s, i) || !m->country[0] || strcmp(m->country, own) == 0 ||
		    m->kind == CW_M_PRONOUN || m->kind == CW_M_CAPITAL || speaker(s, i))
			continue;
		if (m->tok_start >= t->tok_end && m->tok_start < hi)
			return i;
	}
	if (e->implied != CW_I_GOV && e->implied != CW_I_PEOPLE) {
		if (verbal(x, e->code))
			return nearest_party(s, e, t, own);
		/* "expelled diplomats from seven countries, among them
		 * Argentina, ...", "detained four people, including a
		 * vice-president of the European Parliament": a material act's
		 * party may be a member named in a list past a comma, up to
		 * where its clause ends */
		int head = -1;
		for (int k = hi; k < end && head < 0; k++)
			if (lx(x, k, CW_LX_LIST_HEADS))
				head = k;
		for (int i = 0; head >= 0 && i < s->nments; i++)
			if (i != e->source && s->ments[i].tok_start > head && s->ments[i].tok_start < end &&
			    (party(s, i, own) || body(s, i)))
				return i;
		/* material cooperation by "A and B", aimed at nobody else,
		 * is done with each other (GUIDE: a joint act gets both
		 * directions), not at home */
		if (material_cooperation(x, e->code))
			return partner(x, e->source, own);
		return -1;
	}
	/* a protest or demand by a people, implied to be aimed at its own
	 * government, is aimed at the one other country the sentence names
	 * anywhere ("prisoners in Israeli jails began a hunger strike"); an
	 * act of the state's own ("declared martial law") keeps its country.
	 * A country named past the act's clause ("blocked a highway ...,
	 * killing 16 as protests against a plan to export gas through Chile
	 * spread") or as where it is done ("marched through Belgrade") is
	 * another matter; its purpose is not ("marched ... to denounce
	 * President Bush"). */
	int one = -1, reach = purpose_end(x, end);
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		if (i == e->source || !usable(s, i) || !m->country[0] || strcmp(m->country, own) == 0 ||
		    m->kind == CW_M_PRONOUN || m->kind == CW_M_CAPITAL || speaker(s, i))
			continue;
		if (m->tok_start >= reach || (m->tok_start >= t->tok_end && setting_word(x, m)))
			continue;
		if (one >= 0 && strcmp(s->ments[one].country, m->country) != 0)
			return -1;
		if (one < 0)
			one = i;
	}
	return one;
}

/* "the release of 50 Palestinians held in Israeli jails", "Iranians
 * detained by the United States": the country that holds a party of the
 * source's own country, named right after it; -1 for none. */
#define HOLDER_REACH 4   /* "held in Israeli jails": the participle to its holder */

static int holder(const ctx *x, int src, int tgt)
{
	const cw_sentence *s = x->s;
	const cw_mention *a = &s->ments[src], *b = &s->ments[tgt];
	int k = b->tok_end;
	if (!a->country[0] || strcmp(a->country, b->country) != 0 || !lx(x, k, CW_LX_HOLDER_WORDS))
		return -1;
	for (int t = k + 1; t < s->ntoks && t <= k + HOLDER_REACH; t++) {
		if (s->toks[t].flags & CW_T_PUNCT)
			return -1;
		int m = s->toks[t].mention;
		if (usable(s, m))
			return party(s, m, a->country) ? m : -1;
	}
	return -1;
}

/* "rolled back Obama's opening to Cuba", "nationalised the country's
 * gas fields run by Brazil's Petrobras": a target of the source's own
 * country that owns the thing acted on, whose phrase goes on to name a
 * party of another country, is no target; that party is (GUIDE: no
 * self-dyad when another target is named).  -1 when none. */
#define OWNED_REACH 6   /* "'s opening to": the owner to the party its thing is aimed at */
static int beyond_own(const ctx *x, const cw_event *e)
{
	const cw_sentence *s = x->s;
	if (e->source < 0 || e->target < 0)
		return -1;
	const cw_mention *a = &s->ments[e->source], *b = &s->ments[e->target];
	if (!a->country[0] || strcmp(a->country, b->country) != 0 || b->tok_end >= s->ntoks ||
	    !cw_possessive_token(&s->toks[b->tok_end]))
		return -1;
	/* praise and criticism judge the owner, the doer of what is owned
	 * ("condemned the army's raid on Ecuador" is aimed at the army) */
	if (strncmp(e->code, "05", 2) == 0 || strncmp(e->code, "11", 2) == 0)
		return -1;
	/* the thing owned is no actor itself ("Zenawi's ruling coalition"),
	 * and a preposition aims it at the party ("opening to Cuba") */
	for (int k = b->tok_end + 1; k < s->ntoks && k <= b->tok_end + OWNED_REACH; k++) {
		int m = s->toks[k].mention;
		if ((s->toks[k].flags & CW_T_PUNCT) || (m >= 0 && !party(s, m, a->country)))
			return -1;
		int p = lx(x, k - 1, CW_LX_ARTICLES) ? k - 2 : k - 1;
		if (m >= 0)
			return lx(x, p, CW_LX_TARGET_PREPS) ? m : -1;
	}
	return -1;
}

/* Is the event's target the source's own country by default only? */
static int default_self(const ctx *x, const cw_event *e)
{
	const cw_sentence *s = x->s;
	if (e->source < 0 || e->target < 0)
		return 0;
	const cw_mention *a = &s->ments[e->source], *b = &s->ments[e->target];
	if (!a->country[0] || strcmp(a->country, b->country) != 0)
		return 0;
	return e->implied == CW_I_OWN || e->implied == CW_I_GOV || e->implied == CW_I_PEOPLE ||
	       b->guessed;
}

int cw_resolve_targets(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	/* the mention array is treated as full, so that growing it copies all */
	ctx x = { cw, doc, s, s->nments, 0 };
	story_memory *sm = memory(doc);
	for (int i = 0; i < s->nevents && !x.oom; i++) {
		cw_event *e = &s->events[i];
		if (e->source < 0)
			continue;
		if (e->target >= 0) {
			e->target = localise(&x, e->source, e->target);
			if (same_actor(&x, e->source, e->target) && !cw_own_followers(s, e->code, e->source, e->target))
				e->target = -1;
			/* "Ruto deployed the army", "put its armed forces on
			 * alert": the source's own forces are its means */
			else if (cw_code_is(cw->codes, e->code, CW_CC_MEANS) && own_forces(&x, e->source, e->target))
				e->target = -1;
		}
		/* "Norway condemned the coup, and Sweden suspended aid": an act
		 * judged whose doer is untold is no judgement of one's own
		 * country when the sentence names another */
		int judged = 0;
		if (e->target < 0 && !cw->opts.petrarch && (e->target = doer_target(&x, sm, i, &judged)) >= 0)
			e->implied = CW_I_DOER;
		if (e->target < 0)
			e->target = implied_target(&x, sm, i, judged, &e->implied);
		int held = e->target >= 0 && !cw->opts.petrarch ? holder(&x, e->source, e->target) : -1;
		if (held >= 0) {
			e->target = held;
			e->implied = CW_I_NONE;
		}
		int other = !cw->opts.petrarch && default_self(&x, e) ? other_party(&x, e) : -1;
		if (other < 0 && !cw->opts.petrarch)
			other = beyond_own(&x, e);
		if (other >= 0) {
			e->target = other;
			e->implied = CW_I_NONE;
		}
	}
	remember_deeds(sm, s, cw->codes);
	return x.oom ? CURLEW_ESYS : 0;
}
