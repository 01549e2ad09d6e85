/*
 * locate.c -- the event-location stage: where did each event happen?
 * Runs after events; reads the sentence's places (places.c), triggers,
 * mentions and clauses, and sets each event's place.
 *
 * In order of preference:
 *   0. for a material act, a place inside its own trigger ("seized Kidal,
 *      a stronghold of separatists in northern Mali");
 *   1. a place the parser attached to the event's verb with a locative
 *      preposition ("met in Geneva");
 *   2. the nearest place of the event's own stretch of the sentence: after
 *      a locative preposition ("struck port facilities in the southern
 *      Ukrainian city of Odesa"), or, for a material act, as its object
 *      ("attacked the border town of Vovchansk"), after "into", or, for
 *      an act of violence, after "over" ("shot down a missile over the
 *      Red Sea"); else one before the
 *      trigger ("In Bordeaux, protesters set fire ...", "Police in Paris
 *      arrested ...");
 *   3. the dateline's place, or the story's first event place when the
 *      dateline is in another country (a Dubai desk reporting on Isfahan)
 *      or the sentence points back to it ("raided neighbourhoods of the
 *      city"); a statement by a speaker of the dateline's country ("Seoul
 *      condemned", "Kenya's foreign ministry said") and "the capital" stay
 *      at the dateline.
 * A visit (042) is at its destination, though that is its target.
 * A place that owns a noun ("stormed Mexico's embassy in Quito") is the
 * last choice of its sentence.
 * Never a place that only qualifies a noun ("sanctions over the war in
 * Ukraine", "talks about the situation in Gaza"), and for a statement only
 * a place that belongs to the speaker or the verb ("told reporters in
 * Atlanta"), not one of what was said.
 */
#include <string.h>
#include <strings.h>
#include "coder.h"

/* How far (in tokens) the object of a material act may be from its verb:
 * "shelled the town of Sake", "attacked the last big city of X". */
#define OBJECT_REACH 6

static const char *lower(const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	return t->lower ? t->lower : t->text ? t->text : "";
}

static int is(const curlew *cw, const cw_sentence *s, int i, const char *cls)
{
	return i >= 0 && i < s->ntoks && cw_place_word(cw, lower(s, i), cls);
}

/* The code's first three digits are in a class of place-words.txt
 * ("signing", "visitcode", "visitplan"). */
static int code_is(const curlew *cw, const char *code, const char *cls)
{
	char k[4];
	size_t n = strnlen(code, 3);
	memcpy(k, code, n);
	k[n] = '\0';
	return cw_place_word(cw, k, cls);
}

/* Statements, appeals, intentions, demands, disapproval, rejection and
 * threats (the roots of the "said" class in place-words.txt) happen where
 * the speaker is, not where what they are about is.
 * Signing an agreement (057) is done, not said: where the pen is ("signed
 * trade deals worth 10 billion euros in Rabat"). */
static int verbal(const curlew *cw, const char *code, const char *root)
{
	return !code_is(cw, code, "signing") && cw_place_word(cw, root, "said");
}

/* A visit (042) happens where the visitor goes: its object is its place
 * ("Putin visited North Korea"), though the place is also its target; so
 * does a planned one, an intent to meet (036) whose trigger is a visit
 * word ("was due to visit Israel later in the day"). */
static int visit(const curlew *cw, const cw_sentence *s, const cw_event *e)
{
	if (code_is(cw, e->code, "visitcode"))
		return 1;
	if (!code_is(cw, e->code, "visitplan") || e->trigger < 0 || e->trigger >= s->ntrigs)
		return 0;
	const cw_trigger *t = &s->trigs[e->trigger];
	for (int i = t->tok_start; i < t->tok_end; i++)
		if (is(cw, s, i, "visit"))
			return 1;
	return 0;
}

/* What locating one event asks of it at every place of its sentence,
 * found once. */
typedef struct facts {
	const cw_event *e;
	const cw_trigger *t;
	int material;          /* done on the ground */
	int violent;           /* of the roots in the "violent" class */
	int visit;             /* placed at its destination */
	int verbal;            /* said, where the speaker is */
	int act, speech;       /* material or a visit; verbal and neither */
} facts;

static facts facts_of(const curlew *cw, const cw_sentence *s, const cw_event *e)
{
	facts f = { .e = e };
	f.t = e->trigger >= 0 && e->trigger < s->ntrigs ? &s->trigs[e->trigger] : NULL;
	char root[3] = { e->code[0], e->code[0] ? e->code[1] : '\0', '\0' };
	f.material = cw_place_word(cw, root, "ground");
	f.violent = cw_place_word(cw, root, "violent");
	f.visit = visit(cw, s, e);
	f.verbal = verbal(cw, e->code, root);
	f.act = f.material || f.visit;
	f.speech = f.verbal && !f.act;
	return f;
}

static int in_mention(const cw_sentence *s, int m, const cw_place *p)
{
	if (m < 0 || m >= s->nments)
		return 0;
	const cw_mention *x = &s->ments[m];
	return x->tok_start < p->tok_end && p->tok_start < x->tok_end;
}

/* The place after "in" only qualifies a noun before it ("the war in
 * Ukraine"), unless that noun is the event's own trigger ("fighting in
 * Sudan killed") -- but not when the event is a statement: what it asks
 * for or accuses of is its topic ("demanded an immediate ceasefire in
 * Gaza", "accused both sides of atrocities in Darfur"). */
static int qualifies_noun(const curlew *cw, const cw_sentence *s, const cw_place *p,
			  const facts *f)
{
	if (p->prep < 1)
		return 0;
	int n = p->prep - 1;
	return is(cw, s, n, "qualify") &&
	       (f->verbal || !(n >= f->t->tok_start && n < f->t->tok_end));
}

/* A topic preposition between the trigger and the place: "sanctions over
 * ... X", "talks about ... X"; before a number it only rounds the number
 * ("detained about 200 migrants in Ciudad Juarez").  For a material act a
 * topic word that is also locative is where it was done ("attacked a base
 * on an island in Lake Chad");
 * for anything else it opens a topic even as the place's own preposition
 * ("talks on Cyprus"), until the act's partner phrase closes it ("signed
 * agreements on minerals with Kazakhstan's president in Astana"). */
static int in_topic(const curlew *cw, const cw_sentence *s, const cw_place *p, const cw_trigger *t,
		    int act)
{
	int topic = 0;
	for (int i = t->tok_end; !act && i < p->tok_start && i < s->ntoks; i++) {
		if (is(cw, s, i, "partner"))
			topic = 0;
		else if (is(cw, s, i, "topic") &&
			 !(i + 1 < s->ntoks && (s->toks[i + 1].flags & CW_T_NUM)))
			topic = 1;
	}
	return topic;
}

/* Another pattern's verb between a relations act and the place: the place
 * is that verb's ("severed ties with Ecuador after police stormed its
 * embassy in Quito").  Only for acts neither said nor done on the ground:
 * a bare "said" tells where the news was given, and a material act's
 * place may follow its own second verb ("attacked ... and set fire ... in"). */
static int other_verb_between(const cw_sentence *s, const cw_trigger *t, int to)
{
	for (int k = 0; k < s->ntrigs; k++) {
		const cw_trigger *o = &s->trigs[k];
		if (o != t && !(o->flags & CW_TR_SAY) && o->anchor >= t->tok_end && o->anchor < to &&
		    !(o->tok_start < t->tok_end && t->tok_start < o->tok_end))
			return 1;
	}
	return 0;
}

/* A place the parser attached to the trigger's verb ("met ... in Geneva"). */
static int parsed_place(const curlew *cw, const cw_sentence *s, const cw_trigger *t)
{
	for (int c = 0; c < s->nclauses; c++) {
		const cw_clause *cl = &s->clauses[c];
		if (cl->verb != t->anchor)
			continue;
		for (int k = 0; k < cl->npp; k++) {
			int o = cl->pp_obj[k];
			if (o < 0 || o >= s->ntoks || !is(cw, s, cl->pp_prep[k], "locative"))
				continue;
			int pi = s->toks[o].place;
			if (pi >= 0 && pi < s->nplaces)
				return pi;
		}
	}
	return -1;
}

/* Tokens between the trigger and the place's preposition are only actor
 * words, determiners or a possessive ("summoned China's ambassador in
 * Canberra", "told reporters in Atlanta"), or the gathering it was said at
 * ("criticised Israel at an African Union summit in Addis Ababa"): the
 * place is on the verb. */
static int near_verb(const curlew *cw, const cw_sentence *s, const cw_place *p, const cw_trigger *t)
{
	if (p->prep < t->tok_end)
		return 0;
	for (int i = t->tok_end; i < p->prep; i++) {
		const cw_token *k = &s->toks[i];
		if (k->mention < 0 && !is(cw, s, i, "between") && !is(cw, s, i, "venue") &&
		    !(is(cw, s, i, "locative") && is(cw, s, i + 1, "between")) &&
		    strcmp(k->text, "'s") && strcmp(k->text, "'") && strcmp(k->text, ","))
			return 0;
	}
	return 1;
}

/* "fired artillery into Afghanistan's Kunar province": a place right after
 * "into", or owned by one that is, is where a material act landed; so is
 * one right after "over" for an act of violence ("shot down a missile over
 * the Red Sea"), which for a protest or an arrest opens its topic ("protested
 * over Gaza"). */
static int landed_in(const curlew *cw, const cw_sentence *s, const cw_place *p, const facts *f)
{
	int i = p->tok_start - 1;
	if (i >= 2 && cw_possessive_token(&s->toks[i]) &&
	    s->toks[i - 1].place >= 0)
		i = s->places[s->toks[i - 1].place].tok_start - 1;
	if (is(cw, s, i, "definite"))
		i--;
	return is(cw, s, i, "into") || (f->violent && is(cw, s, i, "above"));
}

/* The object of a material act: the place a few name-ish words after it. */
static int object_of(const curlew *cw, const cw_sentence *s, const cw_place *p, const cw_trigger *t)
{
	if (p->tok_start < t->tok_end || p->tok_start - t->tok_end > OBJECT_REACH)
		return 0;
	for (int i = t->tok_end; i < p->tok_start; i++)
		if (!is(cw, s, i, "between") && !is(cw, s, i, "compass") && !is(cw, s, i, "cityword") &&
		    !is(cw, s, i, "region"))
			return 0;
	return 1;
}

static int usable(const curlew *cw, const cw_sentence *s, const facts *f, const cw_place *p)
{
	const cw_event *e = f->e;
	const cw_trigger *t = f->t;
	if (p->tok_start < 0 || qualifies_noun(cw, s, p, f))
		return 0;
	/* the source is an actor, not a setting ("Jordan condemned"), and so
	 * is the target of what is not done on the ground ("imposed sanctions
	 * on Russia"; but "air strikes on Kyiv" are in Kyiv) */
	if (in_mention(s, e->source, p) && p->prep < 0)
		return 0;
	if (in_mention(s, e->target, p) && !f->act)
		return 0;
	if (p->tok_start >= t->tok_end && in_topic(cw, s, p, t, f->material))
		return 0;
	return 1;
}

/* A new clause between the trigger and token i: ", and", ", but", ";",
 * ", while": "In Bordeaux, protesters set fire to the town hall, and
 * clashes were reported in Nantes" -- Nantes is not where the fire was. */
static int clause_between(const curlew *cw, const cw_sentence *s, int from, int to)
{
	for (int i = from; i < to && i < s->ntoks; i++) {
		const char *w = s->toks[i].text;
		if (!strcmp(w, ";") || (!strcmp(w, ",") && i + 1 < to && is(cw, s, i + 1, "clause")))
			return 1;
	}
	return 0;
}

/* "Mexico's embassy", "Turkey's state aerospace company": a place that
 * owns the noun after it says whose the thing is, not where the act was. */
static int possessive(const cw_sentence *s, const cw_place *p)
{
	return p->tok_end < s->ntoks && cw_possessive_token(&s->toks[p->tok_end]);
}


/* "in Afghanistan's Khost and Paktika provinces": the first of a list of
 * places owned by a country stands for the list, and so the owner does. */
static const cw_place *listed(const curlew *cw, const cw_sentence *s, int i)
{
	const cw_place *p = &s->places[i];
	if (i < 1 || i + 1 >= s->nplaces || !possessive(s, &s->places[i - 1]) ||
	    s->places[i - 1].tok_end + 1 != p->tok_start || p->tok_end + 1 != s->places[i + 1].tok_start ||
	    !is(cw, s, p->tok_end, "listing"))
		return p;
	return &s->places[i - 1];
}

/* "in Benin near Malanville": a country or region followed at once by a
 * place inside it, after its own preposition, is narrowed to that place. */
static const cw_place *finer(const curlew *cw, const cw_sentence *s, int i)
{
	const cw_place *p = listed(cw, s, i), *q = i + 1 < s->nplaces ? &s->places[i + 1] : NULL;
	if (p != &s->places[i])
		return p;
	if (q && p->feature != CW_F_CITY && q->feature == CW_F_CITY && q->prep == p->tok_end &&
	    p->country[0] && !strcmp(p->country, q->country))
		return q;
	/* "across the Line of Control in Poonch district": a line or area of
	 * no country, then a place "in" a country, is narrowed to that place
	 * ("in the Gulf of Oman off Fujairah" is still at sea) */
	if (q && p->feature == CW_F_REGION && !p->country[0] && q->country[0] &&
	    q->prep == p->tok_end && is(cw, s, q->prep, "within"))
		return q;
	return p;
}

/* The place a material act's trigger spans, or begins ("seized Kidal, a
 * stronghold"; "seized the Gaza Strip side of the Rafah crossing"). */
static int inside_trigger(const cw_sentence *s, const facts *f)
{
	const cw_trigger *t = f->t;
	if (!f->material)
		return -1;
	for (int i = 0; i < s->nplaces; i++)
		if (s->places[i].tok_start >= t->tok_start && s->places[i].tok_start < t->tok_end &&
		    !possessive(s, &s->places[i]))
			return i;
	return -1;
}

static const cw_place *pick(const curlew *cw, const cw_sentence *s, const facts *f)
{
	const cw_trigger *t = f->t;
	int pi = inside_trigger(s, f);
	if (pi >= 0)
		return &s->places[pi];
	pi = parsed_place(cw, s, t);
	if (pi >= 0 && usable(cw, s, f, &s->places[pi]) &&
	    !clause_between(cw, s, t->tok_end, s->places[pi].tok_start)) {
		/* "clashed in Kyrgyzstan's Batken region": the owned place */
		if (possessive(s, &s->places[pi]) && pi + 1 < s->nplaces &&
		    s->places[pi + 1].prep == s->places[pi].prep)
			return finer(cw, s, pi + 1);
		return &s->places[pi];
	}
	int act = f->act, speech = f->speech;
	const cw_place *after = NULL, *before = NULL, *owner = NULL;
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		if (!usable(cw, s, f, p))
			continue;
		if (possessive(s, p)) {
			/* only when the sentence names no other place ("struck
			 * Ukraine's energy grid") */
			if (!owner && p->tok_start >= t->tok_end && act)
				owner = p;
			continue;
		}
		if (p->tok_start >= t->tok_end) {
			int ok = speech ? p->prep >= 0 && near_verb(cw, s, p, t)
				 : p->prep >= 0 || (act && (object_of(cw, s, p, t) || landed_in(cw, s, p, f)));
			if (ok && !after && !clause_between(cw, s, t->tok_end, p->tok_start) &&
			    (speech || act || !other_verb_between(s, t, p->tok_start)))
				after = finer(cw, s, i);
		} else if (p->tok_end <= t->tok_start && p->prep >= 0) {
			before = p;    /* the nearest one before the trigger */
		}
	}
	return after ? after : before ? before : owner;
}

/* "the city", "the town" with no name after it: the sentence points back
 * to the story's setting ("troops raided several neighbourhoods of the
 * city").  Returns the word's index, or -1. */
static int points_back(const curlew *cw, const cw_sentence *s, const char *cls)
{
	for (int i = 1; i < s->ntoks; i++) {
		if (!is(cw, s, i, cls) || !is(cw, s, i - 1, "definite"))
			continue;
		if (i + 1 < s->ntoks && (s->toks[i + 1].flags & CW_T_CAP))
			continue;    /* "the town Hall ..."? a name follows */
		if (is(cw, s, i + 1, "naming"))
			continue;    /* "the city of Odesa" names its place */
		return i;
	}
	return -1;
}

/* The city "the city" at token i points back to within its own sentence:
 * the nearest one named before it ("removed the mayor of Van, and police
 * fired tear gas at protesters in the city"). */
static const cw_place *city_before(const cw_sentence *s, int i)
{
	const cw_place *c = NULL;
	for (int k = 0; k < s->nplaces && s->places[k].tok_end <= i; k++)
		if (s->places[k].feature == CW_F_CITY && s->places[k].country[0])
			c = &s->places[k];
	return c;
}

/* How far the place that owns a speaker may stand before the speaker's
 * words: "'s" and one title word ("Tamil Nadu's chief minister"). */
#define SPEAKER_REACH 2

/* The country a statement's speaker is known to belong to, from its own
 * words ("Kenya's foreign ministry", "Seoul"), not a default. */
static const char *speaker_country(const cw_sentence *s, const facts *f)
{
	const cw_event *e = f->e;
	if (!f->verbal || e->source < 0 || e->source >= s->nments)
		return NULL;
	const cw_mention *m = &s->ments[e->source];
	if (m->country[0] && !m->guessed)
		return m->country;
	/* "Tamil Nadu's chief minister": the place that owns the speaker */
	for (int i = 0; i < s->nplaces; i++)
		if (possessive(s, &s->places[i]) && s->places[i].tok_end < m->tok_start &&
		    m->tok_start - s->places[i].tok_end <= SPEAKER_REACH &&
		    s->places[i].country[0])
			return s->places[i].country;
	return NULL;
}

/* The sentence's words that point back to a setting, found once for all
 * its events: "the city" (anaphor) and "the capital" (seat), or -1. */
typedef struct words {
	int back, seat;
} words;

/* No place in the sentence: the dateline's, unless the story's events are
 * elsewhere (a desk in Dubai reporting on Iran) or the sentence points back
 * to the story's setting, a city.  A statement is made where its speaker
 * is: at the desk's when the speaker is of the dateline's country ("Kenya's
 * foreign ministry condemned the attack" from Nairobi about Somalia).  An
 * act done on the ground in a sentence that names no place at all goes on
 * where the story's latest act named in the text was ("stormed a station
 * in Guayaquil. Police arrested 13 people at the station" from Quito). */
static const cw_place *fallback(const curlew_doc *doc, const cw_sentence *s, const facts *f,
				const words *w)
{
	const cw_place *d = doc->dl_place, *m = doc->main_place;
	const char *who = speaker_country(s, f);
	if (who && d && d->name && !strcmp(who, d->country))
		return d;
	const cw_place *before = w->back >= 0 ? city_before(s, w->back) : NULL;
	if (before)
		return before;
	if (m && m->feature == CW_F_CITY && w->back >= 0)
		return m;
	if (d && d->name && d->feature == CW_F_CITY && w->seat >= 0)
		return d;
	if (f->material && !s->nplaces && (doc->last_place || (m && m->feature == CW_F_CITY)))
		return doc->last_place ? doc->last_place : m;
	if (d && d->name && (!m || !strcmp(d->country, m->country)))
		return d;
	return m ? m : d;
}

static cw_place *keep(curlew_doc *doc, const cw_place *p)
{
	cw_arena *a = doc->story_arena ? doc->story_arena : doc->arena;
	cw_place *c = cw_alloc(a, sizeof *c);
	if (!c)
		return NULL;
	*c = *p;
	return (c->text = cw_strdup(a, p->text)) ? c : NULL;
}

static int keep_main(curlew_doc *doc, const cw_place *p)
{
	if (doc->main_place || !p || p == doc->dl_place)
		return 0;
	return (doc->main_place = keep(doc, p)) ? 0 : CURLEW_ESYS;
}

/* The latest act's place named in the text, for the sentences after it
 * that name none. */
static int keep_last(curlew_doc *doc, const cw_place *p)
{
	if (!p || p == doc->dl_place)
		return 0;
	return (doc->last_place = keep(doc, p)) ? 0 : CURLEW_ESYS;
}

/* A statement placed at a region or country that holds the dateline's
 * city was made at the desk's city ("Election officials in Georgia said"
 * from Atlanta): the finer of the two. */
static const cw_place *at_desk(const curlew_doc *doc, const facts *f, const cw_place *p)
{
	const cw_place *d = doc->dl_place;
	if (!p || !f->verbal || !d || !d->name || d->feature != CW_F_CITY ||
	    strcmp(d->country, p->country))
		return p;
	if (p->feature == CW_F_COUNTRY ||
	    (p->feature == CW_F_ADMIN1 && d->admin1 && p->name && !strcasecmp(d->admin1, p->name)))
		return d;
	return p;
}

/* The story's main place, until an event has one: the first place named
 * as a setting ("explosions were heard near Isfahan"). */
static int note_setting(const curlew *cw, curlew_doc *doc, const cw_sentence *s)
{
	for (int i = 0; i < s->nplaces && !doc->main_place; i++) {
		const cw_place *p = &s->places[i];
		int n = p->prep - 1;
		int set = p->prep >= 0 || (!s->nevents && p->feature == CW_F_CITY);
		if (set && !is(cw, s, n, "qualify") && !is(cw, s, p->prep, "topic") && p->country[0])
			return keep_main(doc, p);
	}
	return 0;
}

int cw_locate(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	words w = { -1, -1 };
	if (s->nevents) {
		w.back = points_back(cw, s, "anaphor");
		w.seat = points_back(cw, s, "seat");
	}
	/* the latest act of the sentence placed at a place of its own: only
	 * that one is kept for the sentences after it */
	const cw_place *last = NULL;
	for (int i = 0; i < s->nevents; i++) {
		cw_event *e = &s->events[i];
		facts f = facts_of(cw, s, e);
		const cw_place *p = f.t ? pick(cw, s, &f) : NULL;
		if (p && keep_main(doc, p) < 0)
			return CURLEW_ESYS;
		e->place = p ? at_desk(doc, &f, p) : fallback(doc, s, &f, &w);
		p = e->place;
		if (p && p != doc->main_place && !f.verbal && p >= s->places &&
		    p < s->places + s->nplaces)
			last = p;
	}
	if (last && last != doc->last_place && keep_last(doc, last) < 0)
		return CURLEW_ESYS;
	return note_setting(cw, doc, s);
}
