/* test_verbs.c -- the verb-pattern dictionary and the trigger matcher, on
 * sentences tokenised by hand (words split on spaces) so that the test
 * depends on no other stage than lemmas. */
#include <ctype.h>
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

static curlew cw;
static curlew_doc doc;

/* Marks token i as a one-word actor mention of the given kind. */
static void add_mention(cw_sentence *s, int i, int kind, int *cap)
{
	s->ments = cw_grow(doc.arena, s->ments, cap, s->nments + 1, sizeof *s->ments);
	cw_mention *m = &s->ments[s->nments];
	memset(m, 0, sizeof *m);
	m->tok_start = m->head = i;
	m->tok_end = i + 1;
	m->kind = kind;
	m->also = -1;
	s->toks[i].mention = s->nments++;
}

/* Splits on spaces; sets the flags the tokens stage would set.  A word
 * written ^Name is an actor mention, ^^Name an adjectival one, as the
 * actors stage would mark them; +Name continues the mention before it
 * ("^Luiz +Inacio +Lula": one name of three words). */
static cw_sentence *sentence(const char *text)
{
	cw_sentence *s = cw_alloc(doc.arena, sizeof *s);
	char *copy = cw_strdup(doc.arena, text);
	int cap = 0, mcap = 0, pcap = 0;
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int kind = -1, place = w[0] == '@';
		w += place;     /* "@Mosul": a place name the places stage found */
		int more = w[0] == '+' && w[1] && s->nments > 0;
		w += more;
		if (w[0] == '^') {
			kind = w[1] == '^' ? CW_M_ADJ : CW_M_NAME;
			w += kind == CW_M_ADJ ? 2 : 1;
		}
		s->toks = cw_grow(doc.arena, s->toks, &cap, s->ntoks + 1, sizeof *s->toks);
		cw_token *t = &s->toks[s->ntoks];
		memset(t, 0, sizeof *t);
		t->text = w;
		char *lw = cw_strdup(doc.arena, w);
		cw_lower_ascii(lw);
		t->lower = lw;
		t->mention = t->place = -1;
		if (isupper((unsigned char)w[0]))
			t->flags |= CW_T_CAP;
		if (isdigit((unsigned char)w[0]))
			t->flags |= CW_T_NUM;
		if (ispunct((unsigned char)w[0]) && !w[1])
			t->flags |= CW_T_PUNCT;
		if (strcmp(w, "\"") == 0)
			t->flags |= CW_T_QUOTE;
		if (s->ntoks == 0)
			t->flags |= CW_T_SENT_START;
		if (place) {
			s->places = cw_grow(doc.arena, s->places, &pcap, s->nplaces + 1, sizeof *s->places);
			memset(&s->places[s->nplaces], 0, sizeof *s->places);
			s->places[s->nplaces].tok_start = s->ntoks;
			s->places[s->nplaces].tok_end = s->ntoks + 1;
			t->place = s->nplaces++;
		}
		if (more) {
			t->mention = s->nments - 1;
			s->ments[s->nments - 1].tok_end = s->ntoks + 1;
		}
		s->ntoks++;
		if (kind >= 0)
			add_mention(s, s->ntoks - 1, kind, &mcap);
	}
	cw_lemmas(&cw, &doc, s);
	CHECK_INT(cw_verbs(&cw, &doc, s), 0);
	return s;
}

/* The trigger anchored on a word, or NULL. */
static const cw_trigger *trig_at(const cw_sentence *s, const char *word)
{
	for (int k = 0; k < s->ntrigs; k++)
		if (strcmp(s->toks[s->trigs[k].anchor].lower, word) == 0)
			return &s->trigs[k];
	return NULL;
}

static const char *code_at(const char *text, const char *word)
{
	const cw_trigger *t = trig_at(sentence(text), word);
	return t ? t->code : "(none)";
}

/* A sentence, the word a pattern is anchored on, and the code it must get
 * there ("(none)" for no trigger). */
typedef struct code_row {
	const char *text, *word, *code;
} code_row;

static void check_codes(const code_row *rows, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *got = code_at(rows[k].text, rows[k].word);
		if (strcmp(got, rows[k].code) != 0)
			fprintf(stderr, "  \"%s\" at \"%s\": %s, expected %s\n", rows[k].text,
				rows[k].word, got, rows[k].code);
		CHECK_STR(got, rows[k].code);
	}
}


static void test_specificity(void)
{
	cw_sentence *s = sentence("^Bayramov met with the ^Minister of Foreign Affairs on September 19 .");
	const cw_trigger *t = trig_at(s, "met");
	CHECK(t != NULL);
	if (t) {
		CHECK_STR(t->code, "040");
		CHECK_INT(t->specificity, 2);
		CHECK_INT(t->target_tok, 4);            /* "Minister", past "the" */
		CHECK_STR(t->prep, "with");
		CHECK_INT(t->tok_end, 3);
		CHECK(strncmp(t->rule, "verbs.txt:", 10) == 0 && strstr(t->rule, "meet with {T}"));
	}
	/* A light verb with its noun beats the bare verb; the noun is absorbed. */
	s = sentence("The two ministers held talks with Putin in Moscow");
	t = trig_at(s, "held");
	CHECK(t && strcmp(t->code, "040") == 0 && t->specificity == 3);
	CHECK(trig_at(s, "talks") == NULL);
	CHECK_STR(code_at("Russia and Iran struck a deal on gas", "struck"), "057");
	CHECK_STR(code_at("Israeli jets struck targets in Gaza", "jets"), "195");   /* aircraft as subject */
	CHECK_STR(code_at("Israeli troops struck targets in Gaza", "struck"), "190");
	CHECK_STR(code_at("They rejected the peace plan", "rejected"), "127");
	CHECK_STR(code_at("Armenia rejected the proposal", "rejected"), "125");
	CHECK_STR(code_at("Armenia rejected it", "rejected"), "120");
	CHECK_STR(code_at("Police arrested five protesters", "arrested"), "173");
	CHECK_STR(code_at("The president paid a state visit to Baku", "paid"), "042");
	CHECK_STR(code_at("Moscow imposed new sanctions on Kyiv", "imposed"), "163");
	CHECK_STR(code_at("He accused Armenia of war crimes", "accused"), "1124");
	CHECK_STR(code_at("He accused Armenia of lying", "accused"), "112");
	CHECK_STR(code_at("The army shelled the village", "shelled"), "194");
	CHECK_STR(code_at("The UN called on both sides to exercise restraint", "called"), "020");
	CHECK_STR(code_at("The EU called for an immediate ceasefire", "called"), "0256");
	CHECK_STR(code_at("Rebels kidnapped two aid workers", "kidnapped"), "181");
	CHECK_STR(code_at("Turkey sent humanitarian aid to Syria", "sent"), "073");
	CHECK_STR(code_at("They discussed bilateral relations", "discussed"), "040");
	/* Verbs WordNet lacks are found by their regular endings. */
	CHECK_STR(code_at("North Korea test-fired a ballistic missile", "test-fired"), "150");
	CHECK_STR(code_at("Armenia and Azerbaijan agreed to exchange prisoners", "agreed"), "0353");
	/* A phrase alternative ("military_aid"). */
	CHECK_STR(code_at("Kyiv requested more military aid", "requested"), "0232");
}

static void test_nominal(void)
{
	cw_sentence *s = sentence("He called it an anti-terrorist operation against the illegal ^^Armenian armed forces .");
	const cw_trigger *t = trig_at(s, "operation");
	CHECK(t != NULL);
	if (t) {
		CHECK_STR(t->code, "190");
		CHECK(t->flags & CW_TR_NOMINAL);
		CHECK_INT(t->target_tok, 9);            /* "Armenian" */
		CHECK_STR(t->prep, "against");
	}
	/* "armed" before a noun is an adjective, not an event. */
	CHECK(trig_at(s, "armed") == NULL);
	s = sentence("Elected officials met in Paris");
	CHECK(trig_at(s, "elected") == NULL);
	CHECK(trig_at(s, "met") != NULL);
	s = sentence("the release of the so - called regime");
	CHECK(trig_at(s, "called") == NULL);
	/* After a determiner a verb form is a noun: only nominal patterns. */
	s = sentence("The meeting took place in New York");
	CHECK_INT(s->ntrigs, 0);
	s = sentence("During his visit to Baku , Erdogan praised the deal");
	t = trig_at(s, "visit");
	CHECK(t && strcmp(t->code, "042") == 0 && (t->flags & CW_TR_NOMINAL));
	CHECK_STR(code_at("Air strikes on Aleppo killed ten", "air"), "195");
	CHECK_STR(code_at("A hunger strike in the prison spread to other jails", "hunger"), "142");
	/* ... and a verb with it for its object is the trigger */
	CHECK_STR(code_at("Thousands joined a hunger strike in the prison", "joined"), "142");
	/* But a past form after a subject is a verb. */
	CHECK_STR(code_at("The military attacked the village", "attacked"), "190");
}

/* Words WordNet knows as nouns and verbs, told apart by their context. */
static void test_noun_or_verb(void)
{
	cw_sentence *s = sentence("^Britain struck ^Houthi targets in ^Yemen");
	CHECK(trig_at(s, "struck") != NULL);
	CHECK(trig_at(s, "targets") == NULL);
	CHECK(trig_at(sentence("Officials said ^Hamas targets civilians"), "targets") != NULL);
	s = sentence("^France sent rescue teams and aid to ^Morocco");
	CHECK(trig_at(s, "aid") == NULL);
	CHECK(trig_at(s, "sent") != NULL);
	CHECK(trig_at(sentence("Gunmen kidnapped two ^^Kenyan aid workers"), "aid") == NULL);
	CHECK(trig_at(sentence("Troops killed 20 militants in Borno state"), "state") == NULL);
	CHECK(trig_at(sentence("^Russia pledged to aid ^Syria"), "pledged") != NULL);
	CHECK(trig_at(sentence("^Russia will attack the city"), "attack") != NULL);
	CHECK(trig_at(sentence("Rebels attack the city"), "attack") != NULL);
	CHECK(trig_at(sentence("Rebel attacks continued"), "attacks") == NULL);
	CHECK(trig_at(sentence("Two attacks were reported"), "attacks") == NULL);
	/* Past forms that look like base forms. */
	CHECK_STR(code_at("^Morocco cut diplomatic ties with ^Iran", "cut"), "161");
	/* A name ending like a people's adjective is still a name. */
	CHECK(trig_at(sentence("^Pakistan accused ^India of interfering"), "accused") != NULL);
	/* The head noun of "Russian police" is no adjective. */
	CHECK(trig_at(sentence("^^Russian police detained dozens of protesters"), "detained") != NULL);
	/* After an owner's lone apostrophe the word is a noun. */
	CHECK(trig_at(sentence("^Britain condemned the sailors ' arrest"), "arrest") == NULL);
	/* A participle hyphened to the word before is an adjective. */
	CHECK(trig_at(sentence("^Colombia signed a truce with U.S. - backed rebels"), "backed") == NULL);
	/* A participle between a preposition and a noun is an adjective. */
	CHECK(trig_at(sentence("an investigation into alleged war crimes"), "alleged") == NULL);
	/* In a nominal pattern the words are nouns. */
	s = sentence("^^Turkish drones struck the base");
	const cw_trigger *t = trig_at(s, "drones");
	CHECK(t && strcmp(t->code, "1952") == 0 && t->target_tok == -1);
	CHECK(trig_at(s, "struck") == NULL);
}

/* A {T} slot names the actor in the noun phrase there, or nothing. */
static void test_slots(void)
{
	cw_sentence *s = sentence("^Russia attacked ^^Ukrainian positions");
	const cw_trigger *t = trig_at(s, "attacked");
	CHECK(t && t->target_tok == 2);
	s = sentence("^Israel killed 20 people in ^Syria");
	t = trig_at(s, "killed");
	CHECK(t && t->target_tok == -1);
	s = sentence("Gunmen abducted dozens of ^^Nigerian schoolchildren");
	t = trig_at(s, "abducted");
	CHECK(t && t->target_tok == 4);
	s = sentence("^Turkey threatened to block ^Sweden 's membership");
	t = trig_at(s, "threatened");
	CHECK(t && strcmp(t->code, "130") == 0 && t->target_tok == 4);
	s = sentence("^Venezuela mobilized troops along its border with ^Guyana");
	t = trig_at(s, "mobilized");
	CHECK(t && strcmp(t->code, "154") == 0 && t->target_tok == 7);
	/* Without an actor after it the plain pattern is as good. */
	t = trig_at(sentence("The minister visited the region"), "visited");
	CHECK(t && strcmp(t->code, "042") == 0 && t->target_tok == -1);
}

/* Plain negation is the frames stage's ("did not target": test_frames);
 * the verbs stage marks only the acts a denial governs. */
static void test_negation(void)
{
	cw_sentence *s = sentence("Azerbaijan only destroyed military targets and did not target the civilians of the region .");
	const cw_trigger *t = trig_at(s, "target");
	CHECK(t && !(t->flags & CW_TR_NEGATED));
	s = sentence("The ministry denied attacking the convoy");
	t = trig_at(s, "attacking");
	CHECK(t && (t->flags & CW_TR_NEGATED));
	t = trig_at(s, "denied");
	CHECK(t && strcmp(t->code, "016") == 0);
	t = trig_at(sentence("Iran denied supplying drones to Russia"), "supplying");
	CHECK(t && strcmp(t->code, "072") == 0 && (t->flags & CW_TR_NEGATED));
	/* A gerund after "of" or "regarding" is a topic, not an act. */
	s = sentence("He accused Armenia of shelling the town");
	CHECK(trig_at(s, "shelling") == NULL);
	CHECK(trig_at(s, "accused") != NULL);
}

/* The stage's word lists are data: a lexicon.txt without "regarding"
 * among the gerund-topic-preps makes "regarding arresting" an act. */
static void test_word_lists(void)
{
	size_t len = 0;
	char *text = cw_read_file("data/lexicon.txt", &len);
	const char *line = "gerund-topic-preps of about regarding concerning without\n";
	char *at = text ? strstr(text, line) : NULL;
	CHECK(at != NULL);
	char dir[] = "/tmp/curlew-verbs-lex-XXXXXX";
	if (!at || !mkdtemp(dir)) {
		free(text);
		return;
	}
	*at = '\0';
	char *edited = cw_printf(doc.arena, "%sgerund-topic-preps of about concerning without\n%s", text,
				 at + strlen(line));
	put_file(dir, "lexicon.txt", edited ? edited : "");
	free(text);
	char err[256];
	cw_lexicon *lx = NULL, *keep = cw.lexicon;
	CHECK_INT(cw_lexicon_load(&lx, dir, err, sizeof err), 0);
	cw.lexicon = lx;
	const char *sent = "^Armenia complained regarding arresting the mayor";
	CHECK(lx && trig_at(sentence(sent), "arresting") != NULL);
	cw.lexicon = keep;
	CHECK(trig_at(sentence(sent), "arresting") == NULL);
	CHECK(trig_at(sentence(sent), "complained") != NULL);
	cw_lexicon_free(lx);
	remove_file(dir, "lexicon.txt");
	rmdir(dir);
}

static void test_complements(void)
{
	/* An intent, threat or appeal governs its verb: one event, not two. */
	cw_sentence *s = sentence("Baku threatened to attack the town");
	const cw_trigger *t = trig_at(s, "threatened");
	CHECK(t && strncmp(t->code, "13", 2) == 0);
	CHECK(trig_at(s, "attack") == NULL);
	/* ... and says which act it swallowed, for the frames stage */
	s = sentence("^Iran refused to meet the envoys");
	t = trig_at(s, "refused");
	CHECK(t && strcmp(t->code, "125") == 0 && t->comp_code[0] == '\0');
	s = sentence("^Iran refused to free the sailors");
	t = trig_at(s, "refused");
	CHECK(t && strcmp(t->code, "1243") == 0);
	s = sentence("^Iran agreed to swap the sailors");
	t = trig_at(s, "agreed");
	CHECK(t && trig_at(s, "swap") == NULL);
	s = sentence("^Iran vowed to extradite the suspects");
	t = trig_at(s, "vowed");
	CHECK(t && strcmp(t->comp_code, "063") == 0 && t->comp_anchor == 3);
	s = sentence("Iran threatened to close the strait");
	t = trig_at(s, "threatened");
	CHECK(t && strcmp(t->code, "1381") == 0);    /* closing a strait is a blockade */
	CHECK(trig_at(s, "close") == NULL);
	s = sentence("Both sides agreed to withdraw their troops");
	CHECK(trig_at(s, "withdraw") == NULL);
	CHECK_STR(trig_at(s, "agreed") ? trig_at(s, "agreed")->code : "", "0356");
	s = sentence("The ^EU urged ^Serbia to release the prisoners");
	CHECK(trig_at(s, "release") == NULL);
	t = trig_at(s, "urged");
	CHECK(t && strcmp(t->code, "0253") == 0 && t->target_tok == 3);
	s = sentence("Protesters demanded that the army withdraw");
	CHECK(trig_at(s, "withdraw") == NULL);
	CHECK(trig_at(s, "demanded") != NULL);
	/* A target found by the governed verb is carried up. */
	s = sentence("He vowed to meet with ^Putin");
	t = trig_at(s, "vowed");
	CHECK(t && t->target_tok == 5);
}

static void test_statements(void)
{
	cw_sentence *s = sentence("Bayramov said the talks were useful");
	const cw_trigger *t = trig_at(s, "said");
	CHECK(t && strcmp(t->code, "010") == 0 && (t->flags & CW_TR_SAY) && (t->flags & CW_TR_REPORT));
	t = trig_at(sentence("Moreover , he stressed that the provocations continued"), "stressed");
	CHECK(t && strcmp(t->code, "010") == 0 && (t->flags & CW_TR_REPORT) && !(t->flags & CW_TR_SAY));
	/* Names are not verbs. */
	s = sentence("Officials in Bush administration met");
	CHECK(trig_at(s, "bush") == NULL);
	/* A month at the start is no march. */
	CHECK(trig_at(sentence("March 5 was calm"), "march") == NULL);
}

/* Writes a dictionary to a temporary data directory and loads it. */
static int load_text(const char *text, char *err, size_t errlen, cw_verb_dict **out)
{
	char dir[] = "/tmp/cw_verbs_XXXXXX";
	if (!mkdtemp(dir))
		return -2;
	char path[64];
	snprintf(path, sizeof path, "%s/verbs.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -2;
	fputs(text, f);
	fclose(f);
	curlew tmp = { 0 };
	tmp.data_dir = dir;
	int r = cw_verbs_load(out, &tmp, err, errlen);
	remove(path);
	rmdir(dir);
	return r;
}

static void test_load_errors(void)
{
	char err[256];
	cw_verb_dict *d = NULL;
	CHECK_INT(load_text("# ok\n040 meet\n04x meet with\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, "verbs.txt:3:") != NULL);
	CHECK_INT(load_text("040 meet *\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, ":1:") && strstr(err, "end with"));
	CHECK_INT(load_text("040 meet @bogus\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, "unknown flag") != NULL);
	CHECK_INT(load_text("040 * meet\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("n 040 a_b c\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("!reciprocity meet\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, ":1:") && strstr(err, "unknown word list"));
	CHECK_INT(load_text("040 meet with {T}\nn 190 attack on {T}\n!reciprocal meet\n", err, sizeof err, &d), 0);
	cw_verbs_free(d);
	curlew none = { 0 };
	none.data_dir = "/nonexistent";
	CHECK_INT(cw_verbs_load(&d, &none, err, sizeof err), -1);
	CHECK(strstr(err, "verbs.txt") != NULL);
}

/* Wire copy's own wordings of conflict (issue 10): a phrasal verb must be
 * written with its particle ("cut off * aid"), a verb with its object
 * class beats the verb's other sense ("traded fire" is no trade,
 * "slammed into" no criticism, "dismissed the government" no rejection),
 * a nominal pattern takes in the participle that describes its noun, and
 * an adverb before the anchor is part of the pattern. */
static void test_wire_wordings(void)
{
	static const code_row rows[] = {
		{ "Britain cut off aid to Uganda", "cut", "162" },
		{ "India recalled its high commissioner from Islamabad", "recalled", "161" },
		{ "The African Union suspended ^Niger from the bloc", "suspended", "160" },
		{ "North Korea ordered its units onto combat readiness", "ordered", "152" },
		{ "Police stepped up security in the capital", "stepped", "153" },
		{ "Indian and Pakistani troops traded fire across the border", "traded", "193" },
		{ "Rockets slammed into the city", "rockets", "194" },
		{ "Artillery fire slammed into the town", "slammed", "190" },
		{ "The president dismissed the government on Monday", "dismissed", "172" },
		{ "A court sentenced the journalist to seven years in prison", "sentenced", "173" },
		/* emergency rule and bans on assembly, in their other words */
		{ "The junta announced a six-month state of emergency", "announced", "1724" },
		{ "The president declared a state of siege in the north", "declared", "1724" },
		{ "The governor extended a ban on public rallies", "extended", "1721" },
		{ "Authorities prohibited gatherings of more than five people", "prohibited", "1721" },
		/* shots into a crowd; tear-gas shells are no artillery */
		{ "Troops fired live rounds into the crowd", "fired", "193" },
		{ "Riot police lobbed tear gas canisters at the marchers", "lobbed", "175" },
		{ "Police fired tear gas shells at the strikers", "fired", "175" },
		{ "Rebels fired mortar shells at the barracks", "fired", "194" },
		/* a verdict quoted of an act is criticism */
		{ "^Canada called the ruling illegal .", "called", "111" },
		{ "The union called the decree unconstitutional and vowed to appeal", "called", "111" },
		{ "The minister branded the strikers terrorists", "branded", "111" },
		{ "^Peru called the vote an assault on democracy", "called", "111" },
		/* an adjective before its noun is no verdict on the thing called */
		{ "He called it a campaign against the illegal ^^Somali militias", "called", "(none)" },
		/* a court's conviction of a person is legal action against him */
		{ "A military tribunal convicted the former governor of fraud", "convicted", "173" },
		{ "The judge sentenced ^Mendes on Friday", "sentenced", "173" },
		/* a name of many words is one noun phrase to a gap */
		{ "Police took former ^President +Jose +Antonio +Ramos +de +Oliveira into custody", "took", "173" },
		{ "A court sentenced ^Anna +Maria +Petrova , ^Olga +Ivanova and ^Irina +Sokolova to two years in prison", "sentenced", "173" },
		{ "Police took the tall young men and the old women of the families into custody", "took", "(none)" },
		{ "Police broke up the rally", "broke", "175" },
		{ "Assailants hacked the villagers to death", "hacked", "1823" },
		{ "A car packed with explosives blew up", "car", "1832" },
		{ "Soldiers sexually abused women", "abused", "1821" },
		{ "Taliban fighters killed hundreds of Hazaras", "killed", "202" },
		{ "The army killed the rebel commander", "killed", "190" },
	};
	check_codes(rows, sizeof rows / sizeof *rows);
	/* the participle inside the nominal match is no trigger of its own
	 * (the protest pattern "pack * street" would take it) */
	CHECK(trig_at(sentence("A truck packed with explosives drove into a crowded street"), "packed") == NULL);
}

/* Issue 10's senses: the class of an object or a subject tells which
 * sense a word has, and a "-" pattern keeps a word in another sense from
 * coding at all ("backed by tanks" supports no one). */
static void test_senses(void)
{
	static const code_row rows[] = {
		{ "Iraqi forces captured @Mosul on Sunday", "captured", "192" },
		{ "Iraqi forces captured the @Donbas", "captured", "192" },
		{ "Syrian troops captured a rebel stronghold", "captured", "192" },
		{ "Soldiers seized ^Guinea 's ^President", "seized", "173" },
		{ "Iraqi forces captured the commander", "captured", "173" },
		{ "Troops backed by tanks attacked the town", "backed", "(none)" },
		{ "Troops backed by heavy artillery attacked the town", "backed", "(none)" },
		{ "Troops backed by tanks attacked the town", "attacked", "190" },
		{ "^Germany backed the plan", "backed", "051" },
		{ "Troops fired warning shots at protesters", "warning", "(none)" },
		{ "Police warned ^protesters", "warned", "130" },
		{ "Inflation hit 211 percent in December", "hit", "(none)" },
		{ "Oil prices hit a record high", "hit", "(none)" },
		{ "Troops hit rebel positions", "hit", "190" },
		{ "The drought has killed half their animals", "killed", "(none)" },
		{ "Villages flattened by the earthquake", "flattened", "(none)" },
		{ "Troops killed the rebel commander", "killed", "190" },
		{ "Figures released on Wednesday showed a rise", "released", "(none)" },
		{ "In a report released on Monday", "released", "(none)" },
		{ "^Iran released the prisoners", "released", "0841" },
		/* a leader dismissed from office is purged, a demand rejected */
		{ "The king dismissed the prime minister on Sunday", "dismissed", "172" },
		{ "The junta sacked the army chief", "sacked", "172" },
		{ "^Iran dismissed the demand", "dismissed", "120" },
		{ "The Kremlin dismissed Western suggestions that it ordered the killing", "dismissed", "016" },
		/* a camp or an exercise is no training given, votes and evidence
		 * received are no guests */
		{ "Jets struck a training camp of ^Hamas fighters", "training", "(none)" },
		{ "^Russia will train ^Ukrainian soldiers", "train", "062" },
		{ "The president was elected, receiving the votes of ^Congress", "receiving", "(none)" },
		{ "The group said it had received credible evidence", "received", "(none)" },
		{ "^Putin received the ^Chinese ^President", "received", "043" },
		/* aid and arms that arrive are delivered, people visit */
		{ "A convoy of food aid arrived in ^Yemen", "arrived", "073" },
		{ "Shipments of medical supplies arrived in ^Gaza on Friday", "arrived", "073" },
		{ "The first German tanks have arrived in ^Ukraine", "arrived", "072" },
		{ "The foreign minister arrived in ^Yemen", "arrived", "042" },
		{ "^Syria sent its troops back to the barracks", "sent", "087" },
		{ "^Egypt sent its ambassador back to ^Israel", "sent", "050" },
		{ "^Israel sent the migrants back to ^Eritrea", "sent", "174" },
		{ "The leader walked out of Victor Verster prison", "walked", "(none)" },
		{ "The dissident walked out of jail on Sunday", "walked", "(none)" },
		{ "Opposition lawmakers walked out in protest", "walked", "143" },
		{ "Police questioned the mayor for five hours", "questioned", "090" },
		{ "Investigators questioned the mayor for an hour", "questioned", "090" },
		{ "The opposition questioned the result", "questioned", "(none)" },
		{ "a vote to admit the region to the United Nations", "admit", "(none)" },
		{ "Turkey will admit Sweden into NATO", "admit", "(none)" },
		/* sport, trade and figures of speech: the object's class */
		{ "The champion defended his heavyweight titles", "defended", "(none)" },
		{ "^Russia defended its troops", "defended", "052" },
		{ "The team captured its third gold medal", "captured", "(none)" },
		{ "Fans invaded the pitch", "invaded", "(none)" },
		{ "^Iraq invaded ^Kuwait", "invaded", "190" },
		{ "The club signed the young forward", "signed", "(none)" },
		{ "The government is fighting a losing battle against obesity", "fighting", "(none)" },
		{ "The government declared war on inflation", "declared", "(none)" },
		{ "The airline is fighting a takeover by its rival", "fighting", "(none)" },
		{ "The firm blamed weak demand for the loss", "blamed", "(none)" },
		{ "^Russia blamed ^Ukraine for the attack", "blamed", "1123" },
		{ "The minister said he would hit the ground running", "hit", "(none)" },
		{ "Israel launched a ground offensive in Gaza", "launched", "190" },
		{ "Lightning struck the field , killing two people", "killing", "(none)" },
		{ "Troops struck the village , killing two people", "killing", "1823" },
		{ "Rats had invaded the subway stations", "invaded", "(none)" },
		{ "The draw damaged their hopes of qualifying", "damaged", "(none)" },
		{ "Rebels damaged the pipeline", "damaged", "171" },
		{ "Fans besieged the ticketing website", "besieged", "(none)" },
		{ "Troops besieged the town", "besieged", "191" },
		{ "The forward threatened to leave the club", "threatened", "(none)" },
		{ "The federation banned the marathon runner", "banned", "(none)" },
		{ "^Merkel attacked the budget as a gift to the rich", "attacked", "111" },
		{ "^Merkel shot down rumours of an early election", "shot", "016" },
		{ "The city had been invaded by tourists", "invaded", "(none)" },
		{ "Universities would fight cheating with new software", "fight", "(none)" },
		{ "The opener hit 140 off 113 balls", "hit", "(none)" },
		{ "Fans poured into the streets of Seoul to celebrate", "poured", "(none)" },
		{ "Protesters poured into the streets of Minsk", "poured", "141" },
		{ "The runner stormed to a third Olympic title", "stormed", "(none)" },
		{ "Protesters stormed the parliament", "stormed", "190" },
		{ "The central bank vowed to keep up its fight against inflation", "vowed", "(none)" },
		{ "Firefighters battled to contain the blaze", "battled", "(none)" },
		{ "The team protested against the decision of the race stewards", "protested", "(none)" },
		{ "A jury found the actor not liable for defamation", "found", "(none)" },
	};
	check_codes(rows, sizeof rows / sizeof *rows);

	char err[256];
	cw_verb_dict *d = NULL;
	CHECK_INT(load_text("192 capture =place\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, ":1:") && strstr(err, "unknown word class"));
	CHECK_INT(load_text("!class place town\n192 =place capture\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, ":2:") && strstr(err, "anchor"));
	CHECK_INT(load_text("!class\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("-:051 back by\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("!class weapon tank\n!class weapon gun @places\n- back by * =weapon\n"
			    "051 back\n190 =weapon > fire\n", err, sizeof err, &d), 0);
	if (!d)
		return;
	cw_verb_dict *keep = cw.verbs;
	cw.verbs = d;
	CHECK(trig_at(sentence("Troops backed by guns"), "backed") == NULL);
	CHECK(trig_at(sentence("Troops backed by @Kabul"), "backed") == NULL);   /* @places */
	CHECK_STR(code_at("Troops backed by the people", "backed"), "051");
	CHECK_STR(code_at("The tanks fired", "fired"), "190");                  /* before the anchor */
	cw.verbs = keep;
	cw_verbs_free(d);
}

/* Words before the anchor and the {S} slot, with a dictionary of their own. */
static void test_before_anchor(void)
{
	char err[256];
	cw_verb_dict *d = NULL, *keep = cw.verbs;
	CHECK_INT(load_text("190 {T} was > shoot * dead in {S}\n012 able to > leave\n"
			    "0841 {T} * > free * from {S}\n", err, sizeof err, &d), 0);
	if (!d)
		return;
	cw.verbs = d;
	cw_sentence *s = sentence("An ^Iraqi was shot dead in ^Syria");
	const cw_trigger *t = trig_at(s, "shot");
	CHECK(t && strcmp(t->code, "190") == 0 && t->target_tok == 1 && t->source_tok == 6 &&
	      t->tok_start == 1);
	t = trig_at(sentence("^Iraq was able to leave ^Syria"), "leave");
	CHECK(t && strcmp(t->code, "012") == 0 && t->tok_start == 2);
	t = trig_at(sentence("^Iraq wanted to leave ^Syria"), "leave");
	CHECK(t == NULL);
	t = trig_at(sentence("^Iraqi guards were freed from ^Syria"), "freed");
	CHECK(t && t->target_tok == 0 && t->source_tok == 5);
	/* no actor before: a slot before the anchor does not match */
	CHECK(trig_at(sentence("He was shot dead in ^Syria"), "shot") == NULL);
	cw.verbs = keep;
	cw_verbs_free(d);
	/* a paired code, the exact form over the lemma, @mutual */
	CHECK_INT(load_text("012 leave\n032:033 left\n040 consult @mutual\n", err, sizeof err, &d), 0);
	if (d) {
		cw.verbs = d;
		t = trig_at(sentence("^Iraq left for ^Syria"), "left");
		CHECK(t && strcmp(t->code, "032") == 0 && strcmp(t->rcode, "033") == 0);
		t = trig_at(sentence("^Iraq will leave ^Syria"), "leave");
		CHECK(t && strcmp(t->code, "012") == 0 && t->rcode[0] == '\0');
		t = trig_at(sentence("^Iraq and ^Syria consulted"), "consulted");
		CHECK(t && (t->flags & CW_TR_MUTUAL));
		cw.verbs = keep;
		cw_verbs_free(d);
	}
	/* '^' skips a noun phrase: "in Cairo with the leaders of Egypt" */
	CHECK_INT(load_text("045 celebrate * iftar * in ^ {T}\n162 warn * their ^ about {T}\n",
			    err, sizeof err, &d), 0);
	if (d) {
		cw.verbs = d;
		t = trig_at(sentence("^Iraq celebrated Iftar in ^Cairo with the leaders of ^Egypt"), "celebrated");
		CHECK(t && t->target_tok == 9);
		t = trig_at(sentence("^Iraq warned their populations about ^Iran"), "warned");
		CHECK(t && t->target_tok == 5 && strcmp(t->code, "162") == 0);
		CHECK(trig_at(sentence("^Iraq warned their about ^Iran"), "warned") == NULL);
		cw.verbs = keep;
		cw_verbs_free(d);
	}
	CHECK_INT(load_text("032:0x3 left\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("040 > meet\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, "'>'") != NULL);
	CHECK_INT(load_text("040 {S} > meet {S}\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("040 * a > meet\n", err, sizeof err, &d), -1);
	CHECK_INT(load_text("040 a b c d e f g h i j k l m n o p q r > meet\n", err, sizeof err, &d), -1);
	CHECK(strstr(err, "too long") != NULL);
	/* the rule names every alternative before the anchor */
	CHECK_INT(load_text("040 not|never > meet\n", err, sizeof err, &d), 0);
	if (d) {
		cw.verbs = d;
		t = trig_at(sentence("^Iraq never meets ^Syria"), "meets");
		CHECK(t && strstr(t->rule, "not|never > meet"));
		cw.verbs = keep;
		cw_verbs_free(d);
	}
}

/* Every code in verbs.txt must be in the CAMEO table. */
static void test_codes_valid(void)
{
	FILE *t = fopen(SHARED_DIR "/reference/cameo/event-codes.tsv", "r");
	FILE *v = fopen("data/verbs.txt", "r");
	CHECK(v != NULL);
	if (!t || !v) {
		if (t)
			fclose(t);
		if (v)
			fclose(v);
		return;
	}
	cw_map *codes = cw_map_new();
	char line[1024];
	while (fgets(line, sizeof line, t)) {
		if (line[0] == '#' || !isdigit((unsigned char)line[0]))
			continue;
		line[strcspn(line, "\t")] = '\0';
		cw_map_put(codes, line, codes);
	}
	int lineno = 0, bad = 0, n = 0;
	cw_map *roots = cw_map_new();
	while (fgets(line, sizeof line, v)) {
		lineno++;
		char *p = line;
		if (*p == '#' || *p == '!' || *p == '\n')
			continue;
		if (p[0] == 'n' && p[1] == ' ')
			p += 2;
		char code[8] = "";
		sscanf(p, "%7s", code);
		if (strcmp(code, "-") == 0)     /* a word in another sense: no code */
			continue;
		n++;
		if (!cw_map_get(codes, code)) {
			bad++;
			fprintf(stderr, "verbs.txt:%d: code %s not in the CAMEO table\n", lineno, code);
		}
		char root[3] = { code[0], code[1], 0 };
		cw_map_put(roots, root, roots);
	}
	CHECK_INT(bad, 0);
	CHECK(n >= 400);
	CHECK_INT(cw_map_count(roots), 20);
	cw_map_free(codes);
	cw_map_free(roots);
	fclose(t);
	fclose(v);
}

/* !reciprocal, !mirrored and !joint mark acts done with each other. */
static void test_joint_flags(void)
{
	const cw_trigger *t = trig_at(sentence("^Iran and ^Iraq met in ^Baghdad"), "met");
	CHECK(t && (t->flags & CW_TR_RECIPROCAL) && !(t->flags & CW_TR_MIRRORED));
	t = trig_at(sentence("^Iran and ^Iraq agreed to cooperate"), "agreed");
	CHECK(t && (t->flags & CW_TR_RECIPROCAL) && (t->flags & CW_TR_MIRRORED));
	t = trig_at(sentence("^Russia and ^China began joint naval drills"), "began");
	CHECK(t && (t->flags & CW_TR_RECIPROCAL));
	t = trig_at(sentence("^Russia attacked ^Ukraine"), "attacked");
	CHECK(t && !(t->flags & (CW_TR_RECIPROCAL | CW_TR_MIRRORED)));
}

/* A gap crosses a short quotation (wire copy quotes a judgement), not
 * reported speech nor a sentence's quoted clause. */
static void test_quotes(void)
{
	CHECK_STR(code_at("^Iran vowed \" harsh revenge \" on Friday", "vowed"), "138");
	CHECK_STR(code_at("^Ghana dismissed as \" lies \" the accusations", "dismissed"), "016");
	/* a quotation longer than a scare-quote is speech: the gap stops */
	CHECK_STR(code_at("^Iran vowed \" we will one day take our revenge on them all \" on Friday",
			  "vowed"), "030");
	/* a comma may stand inside, and the marks are no words of the gap */
	CHECK_STR(code_at("^Kenya promised a \" full , effective and swift \" response", "promised"), "138");
	/* a full stop inside the closing mark ends the quotation */
	CHECK_STR(code_at("^Japan called the blast \" absolutely unacceptable . \"", "called"), "111");
	/* a quoted noun after its determiner is a noun */
	CHECK(trig_at(sentence("^Hamas called the plan a \" surrender \""), "surrender") == NULL);
	/* a long quotation that opens right after the object is the verdict
	 * itself, as far in as a scare-quote reaches; further in it is speech */
	CHECK_STR(code_at("^Chile called the vote \" a grave setback for the rule of law in the region \"",
			  "called"), "111");
	CHECK_STR(code_at("^Chile called the vote \" what we feared for years , a setback \"", "called"),
		  "(none)");
	CHECK_STR(code_at("\" It is a setback for the rule of law in the region \" , ^Chile called", "called"),
		  "(none)");
	/* an apostrophe pairs with nothing */
	CHECK_STR(code_at("^Iran vowed the allies ' revenge", "vowed"), "138");
}

/* "$" is a phrase's end wherever it stands in a phrase alternative, not
 * only as its last word: "null_$_void" takes "null and void". */
static void test_phrase_end(void)
{
	char err[256];
	cw_verb_dict *d = NULL, *keep = cw.verbs;
	CHECK_INT(load_text("111 declare * null_$_void\n111 call * hollow_$\n", err, sizeof err, &d), 0);
	if (!d)
		return;
	cw.verbs = d;
	CHECK_STR(code_at("^Kenya declared the vote null and void", "declared"), "111");
	CHECK_STR(code_at("^Kenya declared the vote null , void", "declared"), "111");
	CHECK_STR(code_at("^Kenya declared the vote null void", "declared"), "(none)");
	CHECK_STR(code_at("^Kenya called the pledge hollow .", "called"), "111");
	CHECK_STR(code_at("^Kenya called the pledge hollow rhetoric", "called"), "(none)");
	cw.verbs = keep;
	cw_verbs_free(d);
}

/* Issue 10's wider coverage: how wire copy words acts, and the traps the
 * pattern language sets for such lines.  A phrasal verb ("set up",
 * "carry out", "roll back") needs a line of its own, as the words of an
 * alternative are one token each; "have" is a stopword to the lemmas
 * stage, so only the forms written match; a slot takes no token, so
 * "arm {T} with" would match "armed with". */
static void test_wire_phrasings(void)
{
	static const struct { const char *text, *anchor, *code; } rows[] = {
		{ "^Kyrgyzstan set up a national commission to investigate the violence", "set", "090" },
		{ "^Ukraine carried out an investigation into the strike", "carried", "090" },
		{ "^Turkey stepped up its investigation into the killing", "stepped", "090" },
		{ "^China rolled back its COVID curbs", "rolled", "081" },
		{ "^Modi had talks with ^Xi in ^Delhi", "had", "040" },
		{ "^Sheinbaum had a conversation by phone with ^Trump", "had", "041" },
		/* "ended talks" may break them off (164); days of talks end as planned */
		{ "^India and ^Pakistan ended three days of talks", "ended", "040" },
		{ "^Israel and ^Hamas renewed negotiations on Monday", "renewed", "046" },
		/* "plead" is an appeal, pleading not guilty a denial */
		{ "^Trump pleaded not guilty on Tuesday", "pleaded", "016" },
		/* defending one's own country against accusations denies them (not 052) */
		{ "^Suu ^Kyi defended ^Myanmar against accusations of genocide", "defended", "016" },
		{ "^Britain handed ^Hong ^Kong back to ^China", "handed", "084" },
		{ "^Bangladesh relaxed the curfew for seven hours", "relaxed", "0813" },
		{ "^Ershad announced his resignation on Tuesday", "announced", "0831" },
		{ "^Kenya suspended the strike on Thursday", "suspended", "082" },
		{ "^Japan dropped food parcels into ^Gaza", "dropped", "073" },
		{ "Supporters armed with sticks stormed the assembly", "armed", "(none)" },
		{ "^Iran warned of war if ^Israel attacks", "warned", "!012" },
		/* verdicts quoted of an act; of a report, its denial (recall3) */
		{ "^Peru called the ruling \" scandalous \"", "called", "111" },
		{ "^Peru called the raids a despicable act", "called", "111" },
		{ "^Peru called the reports fake news", "called", "016" },
		{ "^Peru called the new law extremely dangerous", "called", "111" },
		/* a deadline with a penalty is an ultimatum, whatever verb sets it */
		{ "^Kenya gave the rebels two days to disarm or face an assault", "gave", "139" },
		{ "Migrants must leave by Friday or face deportation", "face", "139" },
		{ "^Kenya gave the rebels two days to disarm", "gave", "(none)" },
		/* protest begun, joined or kept up (recall3) */
		{ "Dockers joined the general strike on Monday", "joined", "143" },
		{ "Students began a week of rallies in the capital", "began", "141" },
		{ "Farmers kept up their blockades of the highways", "kept", "144" },
		{ "Students occupied the main hall of the university", "occupied", "144" },
		{ "Police beat monks leading protests in the city", "leading", "(none)" },
		/* a coup in the words news uses for it (recall3) */
		{ "The generals forced the president from power", "forced", "171" },
		{ "The army removed him from office on Tuesday", "removed", "171" },
		{ "The military took control of the country overnight", "took", "171" },
		{ "The rebels took control of the town", "took", "192" },
		/* dozens of the unarmed killed are a massacre; of "people", assault */
		{ "Gunmen killed 35 villagers in the north", "killed", "202" },
		{ "Militiamen massacred dozens of people in the town", "massacred", "202" },
		{ "The bomb killed 35 people in the market", "killed", "1823" },
		{ "Gunmen killed 12 villagers in the north", "killed", "1823" },
		/* relations cut in the words of blocs and treaties (recall3) */
		{ "The juntas announced their withdrawal from the bloc", "announced", "160" },
		{ "^Armenia froze its participation in the alliance", "froze", "160" },
		{ "^Niger revoked its defence cooperation agreements with ^France", "revoked", "160" },
		{ "^Russia cut all transport and postal links with ^Georgia", "cut", "160" },
		{ "Talks resumed on the terms of its withdrawal from the bloc", "withdrawal", "(none)" },
		/* aid told by its cargo or its work (recall3) */
		{ "^RAF planes flew more grain to ^Ethiopia", "flew", "073" },
		{ "Rescue teams from ^Japan joined the search for survivors", "joined", "073" },
		{ "The freighter shipped grain to ^Egypt", "shipped", "061" },   /* trade */
		/* joint operations, supplies and peacekeepers (recall3) */
		{ "Thai and ^^Chinese police launched joint patrols on the river", "launched", "062" },
		{ "^Uganda sent troops for joint operations with the ^^Congolese army", "for", "062" },
		{ "^Germany will supply ^Ukraine with four air-defence systems", "supply", "072" },
		{ "^Kenya will send 900 soldiers to ^Congo as part of a regional force", "send", "074" },
		/* a ruler who flees his country or palace gives up office (recall3) */
		{ "President ^Akayev fled the country on Friday", "fled", "0831" },
		{ "Thousands of villagers fled the town", "fled", "(none)" },
		/* a ruling or result not accepted is rejected (recall3) */
		{ "^Beijing neither accepted nor recognised the ruling", "accepted", "120" },
		{ "The party said it did not accept the verdict", "accept", "120" },
		{ "The party said it accepted the verdict", "accepted", "(none)" },
		/* a crowd's act done to demand or to protest is a protest (recall3) */
		{ "Thousands gathered in the square demanding his resignation", "gathered", "141" },
		{ "Farmers shut down the main highway to demand higher prices", "shut", "144" },
		{ "Residents gathered outside the town hall on Monday", "gathered", "141" },
		{ "Leaders gathered in the city for the summit", "gathered", "(none)" },
		/* force held out as an option is a threat (recall3) */
		{ "^Trump would not rule out a military option", "rule", "138" },
		{ "^Pakistan would exercise all possible options", "exercise", "130" },
		{ "^Israel responded with military force", "responded", "190" },
		{ "^Iran responded to the letter on Monday", "responded", "(none)" },
		{ "The council voted to authorise the use of force", "authorise", "138" },
		{ "Officials ordered troops to shoot looters on sight", "ordered", "137" },
		/* rulings and findings against a party (recall3) */
		{ "The tribunal ruled that the blockade was illegal", "ruled", "111" },
		{ "A panel ruled that the tariffs broke trade rules", "ruled", "112" },
		{ "The court ruled that the election was valid", "ruled", "(none)" },
		/* protest told by its effect (recall3) */
		{ "Thousands poured into the capital on Saturday for a protest", "poured", "141" },
		{ "Unions brought the country to a standstill with a general strike", "brought", "143" },
		/* beatings and hangings (recall3) */
		{ "Government supporters beat several lawmakers", "beat", "182" },
		{ "^Madrid beat ^Barcelona 2-1 on Sunday", "beat", "(none)" },
		{ "The militia hanged the former president from a post", "hanged", "1823" },
		{ "A court ordered the release of three police officers", "ordered", "0841" },
		/* arms sent to a state are military aid (recall3) */
		{ "^Germany will send 14 battle tanks to ^Ukraine", "send", "072" },
		{ "The army sent tanks into the streets", "sent", "154" },
		/* force and coercion named by the verb alone (recall3) */
		{ "The army crushed the uprising in the north", "crushed", "175" },
		{ "The army crushed the rebels in the north", "crushed", "190" },
		{ "The champions crushed their rivals 4-0", "crushed", "(none)" },
		{ "Commandos hunted down the gunmen", "hunted", "173" },
		{ "Police tracked down the suspects in ^Lyon", "tracked", "173" },
		{ "Prosecutors will seek the death penalty", "seek", "173" },
		{ "Police brought the plotters to justice", "brought", "173" },
		/* force said to go on until its aim is met (recall4) */
		{ "The minister said the operations would carry on until the last militant surrenders", "operations", "138" },
		{ "The president told the army to prepare for war", "told", "138" },
		{ "The talks would continue until Friday", "talks", "(none)" },
		/* crowds outside the seats of power (recall4) */
		{ "Thousands of students massed outside the embassy", "massed", "141" },
		{ "Crowds gathered near the palace chanting slogans", "gathered", "141" },
		/* crowds cleared with riot gear (recall4) */
		{ "Police cleared the square with tear gas", "cleared", "175" },
		{ "Riot police hurled stun grenades to scatter the crowd", "hurled", "175" },
		{ "Workers cleared the road with bulldozers", "cleared", "(none)" },
		/* weapons tested and launched in other words (recall4) */
		{ "The institute conducted a test of a hydrogen bomb", "conducted", "150" },
		{ "The navy launched a long-range missile on Friday", "launched", "150" },
		{ "The firm launched a long-range electric car", "launched", "(none)" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		const char *got = code_at(rows[i].text, rows[i].anchor);
		int ok = rows[i].code[0] == '!' ? strcmp(got, rows[i].code + 1) != 0
						: strcmp(got, rows[i].code) == 0;
		CHECK(ok);
		if (!ok)
			fprintf(stderr, "  \"%s\" at \"%s\": %s, want %s\n", rows[i].text,
				rows[i].anchor, got, rows[i].code);
	}
}

int main(void)
{
	CHECK_INT(cw_lemmas_init(), 0);
	cw.data_dir = "data";
	char err[256] = "";
	/* With the code table loaded, the loader validates codes itself. */
	if (cw_codes_load(&cw.codes, "data", err, sizeof err) < 0)
		cw.codes = NULL;
	/* the verbs stage reads its word lists from the lexicon */
	CHECK_INT(cw_lexicon_load(&cw.lexicon, "data", err, sizeof err), 0);
	int r = cw_verbs_load(&cw.verbs, &cw, err, sizeof err);
	CHECK_INT(r, 0);
	if (r < 0) {
		fprintf(stderr, "%s\n", err);
		return check_done("test_verbs");
	}
	doc.arena = cw_arena_new();

	test_specificity();
	test_nominal();
	test_noun_or_verb();
	test_slots();
	test_negation();
	test_word_lists();
	test_complements();
	test_statements();
	test_load_errors();
	test_before_anchor();
	test_joint_flags();
	test_quotes();
	test_phrase_end();
	test_wire_phrasings();
	test_wire_wordings();
	test_senses();
	if (access(SHARED_DIR, R_OK) == 0)
		test_codes_valid();
	else
		printf("skipped the code check: ../shared is absent\n");

	cw_arena_free(doc.arena);
	cw_verbs_free(cw.verbs);
	cw_codes_free(cw.codes);
	cw_lexicon_free(cw.lexicon);
	return check_done("test_verbs");
}
