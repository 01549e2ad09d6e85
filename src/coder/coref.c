/*
 * coref.c -- memory within a story.  News names an actor fully once ("The
 * Foreign Minister of Azerbaijan, Jeyhun Bayramov") and then refers back to
 * him by surname, by a bare title ("the minister") or by a pronoun ("He
 * added ...", "both sides").  Sentences come here in story order; what
 * they established is kept in doc->coref_state (doc arena) and used to
 * resolve the later references:
 *
 *   - surnames: every mention that carries a person's surname (key) is
 *     remembered; a later unresolved name or bare capitalised word equal to
 *     it takes its code.
 *   - he/she: the last singular person or government actor that opened a
 *     sentence (the first such mention not after a preposition -- a cheap
 *     stand-in for "the subject").
 *   - they/both sides: the last two distinct people or governments named
 *     together (as at a meeting), else the last two distinct actors.
 *   - bare agents ("the minister"): the country of a remembered person of
 *     the same sector.
 *   - bare sector words ("troops", "militants", "officials"): the country
 *     of the latest actor of the same sector -- earlier in the sentence or
 *     the story -- provided only one country has had that sector so far.
 *     "According to the Nigerian army, troops killed ..." -> NGAMIL; when
 *     both Russian and Ukrainian forces were named, "troops" stays bare.
 *   - a definite bare agent that is neither ("the government" in a story
 *     about Armenian protesters): the story's country, if it has named
 *     only one so far.
 *
 * The state is the doc's, not the sentence's: a long story is coded a
 * window of sentences at a time and each window's arena is freed after it
 * (curlew.c), so the state lives in the doc's own arena, what is
 * remembered is copied there too, and what is handed back to a mention is
 * copied into the doc's current arena.  Once the copies pass a limit they
 * move to an arena of the state's own, rebuilt with only the live strings
 * whenever it has grown as much again, so that a long story full of
 * actors keeps its memory bounded while a usual one costs no extra arena.
 */
#include <string.h>
#include "coder.h"

#define MAX_PEOPLE 64
#define MAX_SECTORS_SEEN 32
/* Bytes copied into the state's arena before it is rebuilt. */
#define STRINGS_LIMIT (64 * 1024)

typedef struct memo {
	char code[32];
	char country[4];
	char sectors[CW_MAX_SECTORS][4];
	int nsectors;
	const char *text;
	const char *key;
} memo;

/* Which country a sector has been tied to in the story so far. */
typedef struct sector_seen {
	char sector[4];
	char country[4];
	int ambiguous;            /* two or more countries: no guess */
} sector_seen;

typedef struct coref_state {
	sector_seen seen[MAX_SECTORS_SEEN];
	int nseen;
	char country[4];          /* the one country named so far, or "" */
	int countries;            /* 0, 1 or 2 (two or more) */
	memo people[MAX_PEOPLE];
	int npeople;
	memo ante;                /* he/she */
	int has_ante;
	memo pair[2];             /* they: two titled actors */
	int has_pair;
	memo anypair[2];          /* they: any two actors */
	int has_anypair;
	memo body;                /* "the group": the latest named body */
	int has_body;
	cw_arena *home;           /* the doc's own arena */
	cw_arena *strings;        /* the memos' texts and keys, or NULL: home */
	size_t used;              /* bytes copied since strings was made */
	int oom;
} coref_state;

static const char *keep(coref_state *st, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *c = cw_strndup(st->strings ? st->strings : st->home, s, n);
	if (!c)
		st->oom = 1;
	st->used += n + 1;
	return c;
}

static void remember(coref_state *st, memo *dst, const cw_mention *m)
{
	memset(dst, 0, sizeof *dst);
	memcpy(dst->code, m->code, sizeof dst->code);
	memcpy(dst->country, m->country, sizeof dst->country);
	memcpy(dst->sectors, m->sectors, sizeof dst->sectors);
	dst->nsectors = m->nsectors;
	dst->text = keep(st, m->text);
	dst->key = keep(st, m->key);
}

/* Copies every live memo string into a fresh arena and drops the old one. */
static int compact(coref_state *st)
{
	cw_arena *old = st->strings;
	if (!(st->strings = cw_arena_new())) {
		st->strings = old;
		return -1;
	}
	/* the first time, the old strings are in the doc's arena, which stays */
	st->used = 0;
	memo *all[MAX_PEOPLE + 6];
	int n = 0;
	for (int i = 0; i < st->npeople; i++)
		all[n++] = &st->people[i];
	all[n++] = &st->ante;
	all[n++] = &st->pair[0];
	all[n++] = &st->pair[1];
	all[n++] = &st->anypair[0];
	all[n++] = &st->anypair[1];
	all[n++] = &st->body;
	for (int i = 0; i < n; i++) {
		all[i]->text = keep(st, all[i]->text);
		all[i]->key = keep(st, all[i]->key);
	}
	cw_arena_free(old);
	return st->oom ? -1 : 0;
}

/* The memo's text is copied into the doc's arena: the mention may outlive
 * the memo (a later sentence replaces it). */
static int apply(curlew_doc *doc, cw_mention *m, const memo *src, int take_text)
{
	memcpy(m->code, src->code, sizeof m->code);
	memcpy(m->country, src->country, sizeof m->country);
	memcpy(m->sectors, src->sectors, sizeof m->sectors);
	m->nsectors = src->nsectors;
	if (take_text && src->text) {
		const char *t = cw_strdup(doc->arena, src->text);
		if (!t)
			return -1;
		m->text = t;
	} else if (take_text) {
		m->text = NULL;
	}
	return 0;
}

static const memo *person_by_key(const coref_state *st, const char *key)
{
	for (int i = st->npeople - 1; i >= 0; i--)
		if (st->people[i].key && strcmp(st->people[i].key, key) == 0)
			return &st->people[i];
	return NULL;
}

/* A surname that takes a titled stranger's memory is an agent of the
 * stranger's sectors, for resolve to give its country. */
static void as_stranger(cw_mention *m, const memo *p)
{
	if (!p->code[0] && p->nsectors > 0)
		m->kind = CW_M_AGENT;
}

static int has_sector(const memo *p, const char *sec)
{
	for (int i = 0; i < p->nsectors; i++)
		if (strcmp(p->sectors[i], sec) == 0)
			return 1;
	return 0;
}

/* Appends a mention (the array may move); returns its index or -1. */
static int append(curlew_doc *doc, cw_sentence *s, const cw_mention *m)
{
	int cap = s->nments;
	cw_mention *v = cw_grow(doc->arena, s->ments, &cap, s->nments + 1, sizeof *v);
	if (!v)
		return -1;
	s->ments = v;
	v[s->nments] = *m;
	return s->nments++;
}

/* A capitalised word that is a remembered surname: "Bayramov said". */
static int find_surnames(curlew_doc *doc, cw_sentence *s, const coref_state *st)
{
	if (st->npeople == 0)
		return 0;
	for (int i = 0; i < s->ntoks; i++) {
		cw_token *t = &s->toks[i];
		if (t->mention >= 0 || !(t->flags & CW_T_CAP) || !t->lower)
			continue;
		const memo *p = person_by_key(st, t->lower);
		if (!p)
			continue;
		cw_mention m;
		memset(&m, 0, sizeof m);
		m.tok_start = m.head = i;
		m.tok_end = i + 1;
		m.kind = CW_M_PERSON;
		m.start = t->start;
		m.end = t->end;
		m.text = cw_strndup(doc->arena, doc->text + t->start, t->end - t->start);
		m.key = t->lower;   /* equal to p->key, and lives as long as the sentence */
		m.rule = "coref: surname";
		m.also = -1;
		apply(doc, &m, p, 0);
		as_stranger(&m, p);
		int k = append(doc, s, &m);
		if (k < 0 || !m.text)
			return -1;
		t->mention = k;
	}
	return 0;
}

static void compose_code(cw_mention *m)
{
	size_t n = strlen(m->code);
	for (int i = 0; i < m->nsectors && n + 3 < sizeof m->code; i++, n += 3)
		memcpy(m->code + n, m->sectors[i], 4);
}

/* "the minister": the country of a remembered person in the same sector. */
static void resolve_agent(cw_mention *m, const coref_state *st)
{
	/* only a definite singular title points back ("the minister"); "the
	 * so-called regime" or "military targets" do not */
	if (m->nsectors == 0 || m->plural || !m->text ||
	    (strncmp(m->text, "the ", 4) != 0 && strncmp(m->text, "The ", 4) != 0))
		return;
	const memo *p = NULL;
	for (int i = st->npeople - 1; i >= 0 && !p; i--)
		if (has_sector(&st->people[i], m->sectors[0]) && st->people[i].country[0])
			p = &st->people[i];
	if (!p && st->has_ante && has_sector(&st->ante, m->sectors[0]) && st->ante.country[0])
		p = &st->ante;
	if (!p)
		return;
	memcpy(m->country, p->country, sizeof m->country);
	memcpy(m->code, p->country, sizeof m->country);
	compose_code(m);
	m->rule = "coref: title";
}

/* The sector an actor mention stands for: its first sector word, or what
 * its code adds to its country ("Boko Haram" NGAREB -> REB). */
static int sector_of(const cw_mention *m, char out[4])
{
	if (!m->country[0] || !m->code[0])
		return 0;
	if (m->nsectors > 0) {
		memcpy(out, m->sectors[0], 4);
		return 1;
	}
	size_t n = strlen(m->country);
	if (strncmp(m->code, m->country, n) != 0 || strlen(m->code) < n + 3)
		return 0;
	memcpy(out, m->code + n, 3);
	out[3] = '\0';
	return 1;
}

static void note_sector(coref_state *st, const cw_mention *m)
{
	char sec[4];
	if (m->kind == CW_M_PRONOUN || m->kind == CW_M_CAPITAL || !sector_of(m, sec))
		return;
	for (int i = 0; i < st->nseen; i++) {
		sector_seen *x = &st->seen[i];
		if (strcmp(x->sector, sec) != 0)
			continue;
		if (strcmp(x->country, m->country) != 0)
			x->ambiguous = 1;
		return;
	}
	if (st->nseen == MAX_SECTORS_SEEN)
		return;
	sector_seen *x = &st->seen[st->nseen++];
	memcpy(x->sector, sec, 4);
	memcpy(x->country, m->country, 4);
	x->ambiguous = 0;
}

/* A bare agent resolved to a country: its code is the country plus its
 * sectors, and the rule says why. */
static void give_country(cw_mention *m, const char *country, const char *rule)
{
	if (!country)
		return;
	memcpy(m->country, country, sizeof m->country);
	memcpy(m->code, country, sizeof m->country);
	compose_code(m);
	m->rule = rule;
}

/* "troops" after "the Nigerian army": the one country that sector has had
 * in the story so far, counting the mentions before it in this sentence. */
static void resolve_sector(cw_mention *m, const cw_sentence *s, int k, const coref_state *st)
{
	const char *sec = m->sectors[0];
	const char *country = NULL;
	for (int i = 0; i < st->nseen; i++)
		if (strcmp(st->seen[i].sector, sec) == 0) {
			if (st->seen[i].ambiguous)
				return;
			country = st->seen[i].country;
		}
	for (int j = 0; j < s->nments; j++) {
		const cw_mention *o = &s->ments[j];
		char osec[4];
		if (j == k || o->tok_start >= m->tok_start || o->kind == CW_M_PRONOUN ||
		    o->kind == CW_M_CAPITAL || !sector_of(o, osec) || strcmp(osec, sec) != 0)
			continue;
		if (country && strcmp(country, o->country) != 0)
			return;
		country = o->country;
	}
	give_country(m, country, "coref: same sector");
}

static int story_actor(const cw_mention *m)
{
	return m->country[0] && m->code[0] && m->kind != CW_M_PRONOUN && m->kind != CW_M_CAPITAL;
}

static void note_country(coref_state *st, const cw_mention *m)
{
	if (!story_actor(m) || st->countries > 1)
		return;
	if (st->countries == 0) {
		memcpy(st->country, m->country, sizeof st->country);
		st->countries = 1;
	} else if (strcmp(st->country, m->country) != 0) {
		st->countries = 2;
	}
}

/* "the television tower", "the police station": a common agent word
 * before a common noun names what that noun is, not an actor of the
 * story (the tagger tells a noun from a verb: "the police said").  A
 * named body is still one ("the Congress building" stands for Congress). */
static int noun_modifier(const cw_sentence *s, const cw_mention *m)
{
	const cw_token *next = m->tok_end < s->ntoks ? &s->toks[m->tok_end] : NULL;
	return next && !(s->toks[m->tok_end - 1].flags & CW_T_CAP) &&
	       (next->pos == CW_POS_NN || next->pos == CW_POS_NNS) &&
	       !(next->flags & (CW_T_PUNCT | CW_T_CAP | CW_T_NUM));
}

/* "the government" when the story has named one country only. */
static void resolve_definite(cw_mention *m, const cw_sentence *s, int k, const coref_state *st)
{
	if (!m->text || (strncmp(m->text, "the ", 4) != 0 && strncmp(m->text, "The ", 4) != 0) ||
	    st->countries > 1 || noun_modifier(s, m))
		return;
	const char *country = st->countries ? st->country : NULL;
	for (int j = 0; j < s->nments; j++) {
		const cw_mention *o = &s->ments[j];
		if (j == k || o->tok_start >= m->tok_start || !story_actor(o))
			continue;
		if (country && strcmp(country, o->country) != 0)
			return;
		country = o->country;
	}
	give_country(m, country, "coref: the story's country");
}

static int same_actor(const memo *a, const cw_mention *m);

/* A memo of mention m for this sentence only (its strings stay the
 * sentence's). */
static void note_here(memo *dst, const cw_mention *m)
{
	memset(dst, 0, sizeof *dst);
	memcpy(dst->code, m->code, sizeof dst->code);
	memcpy(dst->country, m->country, sizeof dst->country);
	memcpy(dst->sectors, m->sectors, sizeof dst->sectors);
	dst->nsectors = m->nsectors;
	dst->text = m->text;
}

/* "Modi held talks with Abe, and the two leaders signed": a pronoun that
 * names two ("both", "the two": pair-words) after two people or
 * governments of different countries in its own sentence is those two,
 * not the pair an earlier sentence left.  Returns 1 with them in pair. */
static int pair_here(const curlew *cw, const cw_sentence *s, int k, memo pair[2])
{
	const cw_mention *m = &s->ments[k];
	int w = m->tok_start;
	if (!cw->lexicon || !((w < s->ntoks && cw_lex_has(cw->lexicon, CW_LX_PAIR_WORDS, s->toks[w].lower)) ||
			      (w + 1 < m->tok_end && cw_lex_has(cw->lexicon, CW_LX_PAIR_WORDS, s->toks[w + 1].lower))))
		return 0;
	int n = 0;
	for (int j = 0; j < s->nments && n < 2; j++) {
		const cw_mention *o = &s->ments[j];
		if (j == k || o->tok_end > m->tok_start || !o->code[0] || o->kind == CW_M_PRONOUN ||
		    o->kind == CW_M_CAPITAL)
			continue;
		int personal = o->key || (o->nsectors > 0 && strcmp(o->sectors[0], "GOV") == 0);
		if (personal && (n == 0 || !same_actor(&pair[0], o)))
			note_here(&pair[n++], o);
	}
	return n == 2;
}

static int after_preposition(const cw_sentence *s, const cw_mention *m);

static int is_personal(const cw_mention *o)
{
	return o->key || (o->nsectors > 0 && strcmp(o->sectors[0], "GOV") == 0);
}

/* "Ecuador's President Rafael Correa expelled the ambassador and said he
 * was sending troops": he or she is the person or government that opened
 * its own sentence, before the one an earlier sentence left.  "Obama spoke
 * to Putin by telephone and warned him": him (person-object-pronouns) is the last
 * one named after that opener.  Returns 1 with the antecedent in out. */
static int antecedent_here(const curlew *cw, const cw_sentence *s, int k, memo *out, int *kind)
{
	const cw_mention *m = &s->ments[k];
	int w = m->tok_start;
	if (!cw->lexicon || w < 0 || w >= s->ntoks || !s->toks[w].lower)
		return 0;
	int subject = cw_lex_has(cw->lexicon, CW_LX_PERSON_PRONOUNS, s->toks[w].lower);
	int object = cw_lex_has(cw->lexicon, CW_LX_PERSON_OBJECTS, s->toks[w].lower);
	if (!subject && !object)
		return 0;
	int first = -1, last = -1;
	for (int j = 0; j < s->nments; j++) {
		const cw_mention *o = &s->ments[j];
		if (j == k || o->tok_end > w || !o->code[0] || o->kind == CW_M_PRONOUN ||
		    o->kind == CW_M_CAPITAL || o->plural || !is_personal(o))
			continue;
		if (!after_preposition(s, o) && (first < 0 || o->tok_start < s->ments[first].tok_start))
			first = j;
	}
	for (int j = 0; j < s->nments && first >= 0; j++) {
		const cw_mention *o = &s->ments[j];
		if (j == k || j == first || o->tok_end > w || o->tok_start < s->ments[first].tok_end ||
		    !o->code[0] || o->kind == CW_M_PRONOUN || o->kind == CW_M_CAPITAL || o->plural ||
		    !is_personal(o) || strcmp(o->code, s->ments[first].code) == 0)
			continue;
		if (last < 0 || o->tok_start > s->ments[last].tok_start)
			last = j;
	}
	int pick = subject ? first : last;
	if (pick < 0)
		return 0;
	note_here(out, &s->ments[pick]);
	*kind = s->ments[pick].kind;
	return 1;
}

/* "Sudan expelled 10 foreign aid agencies ..., accusing them of passing
 * information": a plural pronoun that is a verb's object stands for the
 * nearest plural actor before it in its own sentence, not for a pair an
 * earlier sentence left (a subject "they" may well be that pair).  Its
 * index, or -1. */
static int plural_object_here(const curlew *cw, const cw_sentence *s, int k)
{
	const cw_mention *m = &s->ments[k];
	int v = m->tok_start - 1, after = m->tok_end;
	/* one word between a verb and a word that is no verb ("accusing
	 * them of"; "said they would" is a subject); "urged both sides" is
	 * pair_here's */
	unsigned verb = CW_VF_VERB | CW_VF_MODAL;
	if (v < 0 || m->tok_end != m->tok_start + 1 || !cw_verb_tag(s->toks[v].pos, verb) ||
	    (after < s->ntoks && cw_verb_tag(s->toks[after].pos, verb)) ||
	    (cw->lexicon && cw_lex_has(cw->lexicon, CW_LX_PAIR_WORDS, s->toks[m->tok_start].lower)))
		return -1;
	int best = -1;
	for (int j = 0; j < s->nments; j++) {
		const cw_mention *o = &s->ments[j];
		int plural = o->plural || s->toks[o->tok_end - 1].pos == CW_POS_NNS ||
			     s->toks[o->tok_end - 1].pos == CW_POS_NNPS;
		/* an agent word resolve has yet to place ("expelled foreign aid
		 * agencies, accusing them of ...") is an antecedent too */
		if (j == k || o->tok_end > v || !plural || !(o->code[0] || o->nsectors) ||
		    o->kind == CW_M_PRONOUN)
			continue;
		if (best < 0 || o->tok_start > s->ments[best].tok_start)
			best = j;
	}
	return best;
}

/* A named organisation that "the group" or "the bloc" can stand for: an
 * international body ("NATO Secretary-General Jens Stoltenberg" is
 * NATO's), or a dictionary name with a code beyond its country's and no
 * person's surname ("Boko Haram", "Hamas"); not a state, a person of one,
 * nor a country's title ("Niger's military junta": sectors of its own). */
static int named_body(const cw_mention *m)
{
	if (!m->code[0] || m->kind == CW_M_PRONOUN || m->kind == CW_M_CAPITAL)
		return 0;
	return !m->country[0] || (m->kind == CW_M_NAME && !m->key && m->nsectors == 0 &&
				  strlen(m->code) > 3);
}

/* "the group": the latest named body before it in its sentence, else in
 * the story. */
static int resolve_body(curlew_doc *doc, cw_sentence *s, int k, const coref_state *st)
{
	cw_mention *m = &s->ments[k];
	memo here;
	const memo *src = st->has_body ? &st->body : NULL;
	for (int j = 0; j < s->nments; j++)
		if (j != k && s->ments[j].tok_start < m->tok_start && named_body(&s->ments[j])) {
			note_here(&here, &s->ments[j]);
			src = &here;
		}
	if (!src)
		return 0;
	if (apply(doc, m, src, 1) < 0)
		return -1;
	m->rule = "coref: the body named last";
	return 0;
}

static int resolve_pronoun(const curlew *cw, curlew_doc *doc, cw_sentence *s, int k, const coref_state *st)
{
	cw_mention *m = &s->ments[k];
	if (m->body)
		return resolve_body(doc, s, k, st);
	memo here1;
	int kind;
	if (!m->plural && antecedent_here(cw, s, k, &here1, &kind)) {
		if (apply(doc, m, &here1, 1) < 0)
			return -1;
		/* named in the same sentence, it is as sure as the name: the
		 * later stages take it as one ("Obama said he would not help
		 * Israel" is Obama's refusal, as the speaker rule has it) */
		m->kind = kind;
		m->rule = "coref: he/she/him, in its own sentence";
		return 0;
	}
	if (!m->plural) {
		if (st->has_ante) {
			if (apply(doc, m, &st->ante, 1) < 0)
				return -1;
			m->rule = "coref: he/she";
		}
		return 0;
	}
	int o = plural_object_here(cw, s, k);
	if (o >= 0) {
		memo one;
		note_here(&one, &s->ments[o]);
		if (apply(doc, m, &one, 1) < 0)
			return -1;
		m->rule = "coref: them, the plural before";
		return 0;
	}
	memo here[2];
	const memo *pair = pair_here(cw, s, k, here) ? here
			   : st->has_pair ? st->pair : st->has_anypair ? st->anypair : NULL;
	if (!pair)
		return 0;
	if (apply(doc, m, &pair[0], 1) < 0)
		return -1;
	m->rule = "coref: they";
	cw_mention second = *m;
	if (apply(doc, &second, &pair[1], 1) < 0)
		return -1;
	second.also = -1;
	int j = append(doc, s, &second);
	if (j < 0)
		return -1;
	s->ments[k].also = j;
	return 0;
}

static int after_preposition(const cw_sentence *s, const cw_mention *m)
{
	static const char *const preps[] = {
		"by", "to", "with", "of", "against", "from", "in", "at", "on", "for", "about",
		"between", "into", "toward", "towards", "than", "and", NULL
	};
	int i = m->tok_start - 1;
	if (i < 0 || !s->toks[i].lower)
		return 0;
	for (const char *const *p = preps; *p; p++)
		if (strcmp(s->toks[i].lower, *p) == 0)
			return 1;
	return 0;
}

static int same_actor(const memo *a, const cw_mention *m)
{
	if (a->country[0] || m->country[0])
		return strcmp(a->country, m->country) == 0;
	return strcmp(a->code, m->code) == 0;
}

/* What this sentence leaves for the next ones. */
static void remember_person(coref_state *st, const cw_mention *m)
{
	memo *p = (memo *)person_by_key(st, m->key);
	if (!p && st->npeople < MAX_PEOPLE)
		p = &st->people[st->npeople++];
	else if (!p)
		p = &st->people[MAX_PEOPLE - 1];
	remember(st, p, m);
}

/* "activist Anna Hazare", "Interior Secretary Kithure Kindiki": a title
 * before a name the dictionaries do not know, whose country resolve gives
 * only after this stage.  Remembered by surname with the title's sectors,
 * so that "Hazare vowed" later is the same agent, its country found again
 * the same way. */
static int titled_stranger(const cw_mention *m)
{
	return m->key && !m->code[0] && m->kind == CW_M_AGENT && m->nsectors > 0 && !m->plural;
}

static void update(coref_state *st, const cw_sentence *s, int nmine)
{
	int got_ante = 0, npair = 0, nany = 0;
	memo pair[2], any[2];
	for (int k = 0; k < nmine; k++) {
		const cw_mention *m = &s->ments[k];
		if (titled_stranger(m))
			remember_person(st, m);
		if (!m->code[0] || m->kind == CW_M_CAPITAL)
			continue;
		if (m->key && m->kind != CW_M_PRONOUN) {
			remember_person(st, m);
		}
		if (!got_ante && !m->plural && is_personal(m) && !after_preposition(s, m)) {
			remember(st, &st->ante, m);
			st->has_ante = got_ante = 1;
		}
		if (m->kind == CW_M_PRONOUN)
			continue;
		if (named_body(m)) {
			remember(st, &st->body, m);
			st->has_body = 1;
		}
		note_sector(st, m);
		note_country(st, m);
		if (nany < 2 && (nany == 0 || !same_actor(&any[0], m)))
			remember(st, &any[nany++], m);
		if (is_personal(m) && npair < 2 && (npair == 0 || !same_actor(&pair[0], m)))
			remember(st, &pair[npair++], m);
	}
	if (npair == 2) {
		memcpy(st->pair, pair, sizeof pair);
		st->has_pair = 1;
	}
	if (nany == 2) {
		memcpy(st->anypair, any, sizeof any);
		st->has_anypair = 1;
	}
}

int cw_coref(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	coref_state *st = doc->coref_state;
	if (!st) {
		cw_arena *home = doc->story_arena ? doc->story_arena : doc->arena;
		if (!(st = cw_alloc(home, sizeof *st)))
			return CURLEW_ESYS;
		st->home = home;
		doc->coref_state = st;
	}
	for (int k = 0; k < s->nments; k++) {
		cw_mention *m = &s->ments[k];
		if (m->code[0])
			continue;
		if (m->kind == CW_M_PERSON && m->key) {
			const memo *p = person_by_key(st, m->key);
			if (p) {
				apply(doc, m, p, 0);
				as_stranger(m, p);
				m->rule = "coref: surname";
			}
		} else if (m->kind == CW_M_AGENT) {
			resolve_agent(m, st);
			if (!m->code[0] && m->nsectors > 0)
				resolve_sector(m, s, k, st);
			if (!m->code[0] && m->nsectors > 0)
				resolve_definite(m, s, k, st);
		}
	}
	if (find_surnames(doc, s, st) < 0)
		return CURLEW_ESYS;
	int nmine = s->nments;
	for (int k = 0; k < nmine; k++)
		if (s->ments[k].kind == CW_M_PRONOUN && !s->ments[k].code[0] &&
		    resolve_pronoun(cw, doc, s, k, st) < 0)
			return CURLEW_ESYS;
	update(st, s, nmine);
	if (!st->oom && st->used > STRINGS_LIMIT)
		compact(st);
	return st->oom ? CURLEW_ESYS : 0;
}

void cw_coref_free(curlew_doc *doc)
{
	coref_state *st = doc ? doc->coref_state : NULL;
	if (!st)
		return;
	cw_arena_free(st->strings);   /* the rest is in the doc's arena */
	st->strings = NULL;
}
