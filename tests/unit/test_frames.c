/* test_frames.c -- every frame of data/frames.txt, table-driven: a
 * sentence, the word an act is anchored on, the frame it must get and the
 * code that frame makes of it ("" for none).  Coded with the shallow path
 * (no parser); also the loader's errors.  Runs from the checkout's root. */
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

typedef struct row {
	const char *text, *word;
	int frame;
	const char *fcode;
	int petrarch;
} row;

static const row rows[] = {
	/* asserted, reported */
	{ "Russia attacked Ukraine.", "attacked", CW_F_ASSERTED, "190", 0 },
	{ "Russia attacked Ukraine, the ministry said.", "attacked", CW_F_REPORTED, "190", 0 },
	{ "Ethiopia's parliament voted on Tuesday to lift the state of emergency.", "lift",
	  CW_F_ASSERTED, "0814", 0 },
	/* attempted or continued: the act itself */
	{ "Hackers linked to Russia tried to hack the Ukrainian power grid.", "hack",
	  CW_F_ATTEMPTED, "176", 0 },
	{ "Russia continued to send arms to Syria.", "send", CW_F_ATTEMPTED, "072", 0 },
	{ "Israel resumed shelling Gaza.", "shelling", CW_F_ATTEMPTED, "194", 0 },
	/* a bare infinitive joined by "and" shares its first conjunct's cue */
	{ "Iran tried to enter the compound and attack the guards.", "attack", CW_F_ATTEMPTED, "190", 0 },
	{ "Russia will close the embassy and expel the diplomats.", "expel", CW_F_INTENDED, "1313", 0 },
	/* negated */
	{ "Russia did not attack Ukraine.", "attack", CW_F_NEGATED, "", 0 },
	{ "The two leaders have never met.", "met", CW_F_NEGATED, "", 0 },
	{ "Moscow no longer supports the plan.", "supports", CW_F_NEGATED, "", 0 },
	{ "There has not been an air strike on the base since May.", "air", CW_F_NEGATED, "", 0 },
	{ "Turkey failed to reach a deal with Greece.", "reach", CW_F_NEGATED, "", 0 },
	/* intended: 03x for cooperation, 13x for conflict */
	{ "Iran will attack Israel.", "attack", CW_F_INTENDED, "138", 0 },
	/* an act said to go on is intended: a threat when it is force */
	{ "The rebels said they would keep fighting until the army left.", "fighting",
	  CW_F_INTENDED, "138", 0 },
	{ "The rebels said they would continue to fight.", "fight", CW_F_INTENDED, "138", 0 },
	{ "The rebels continued to fight.", "fight", CW_F_ATTEMPTED, "190", 0 },
	{ "Lula said he would go ahead with a visit to Moscow.", "visit", CW_F_INTENDED, "036", 0 },
	{ "Lula went ahead with a visit to Moscow.", "visit", CW_F_ASSERTED, "042", 0 },
	/* the act of force named by its verb alone: its intention is a threat */
	{ "The minister said the police would hunt down the killers.", "hunt", CW_F_INTENDED, "137", 0 },
	{ "The general said the army would crush the rebels.", "crush", CW_F_INTENDED, "138", 0 },
	{ "Russia will meet Ukraine in Istanbul.", "meet", CW_F_INTENDED, "036", 0 },
	{ "Iran is about to release the sailors.", "release", CW_F_INTENDED, "0353", 0 },
	{ "Japan is expected to host the talks between Iran and Saudi Arabia.", "host",
	  CW_F_INTENDED, "039", 0 },
	{ "Obama wants to attack Switzerland.", "attack", CW_F_INTENDED, "138", 0 },
	/* PETRARCH codes the announced act as the act */
	{ "Iran will attack Israel.", "attack", CW_F_ASSERTED, "190", 1 },
	/* demanded and appealed, by cue words that are no pattern */
	{ "Germany said Russia must withdraw its troops from Ukraine.", "withdraw",
	  CW_F_DEMANDED, "1056", 0 },
	{ "The UN restated its demand that Israel ease restrictions on Gaza.", "ease",
	  CW_F_DEMANDED, "1051", 0 },
	{ "Obama wants Putin to attack Switzerland.", "attack", CW_F_APPEALED, "020", 0 },
	/* refused */
	{ "Obama said he would not help Israel.", "help", CW_F_REFUSED, "122", 0 },
	{ "Iran said it would not negotiate with the United States.", "negotiate",
	  CW_F_REFUSED, "125", 0 },
	{ "Iran said it would not negotiate with the United States.", "negotiate",
	  CW_F_NEGATED, "", 1 },
	{ "Ukraine said it would never recognise the annexation.", "recognise", CW_F_REFUSED, "120", 0 },
	{ "Aquino said there would be no negotiations with the mutineers.", "negotiations",
	  CW_F_REFUSED, "125", 0 },
	{ "Algeria will not bow to terrorism.", "bow", CW_F_REFUSED, "124", 0 },
	/* alleged, denied: the act is not coded, the accusation or denial is */
	{ "The report alleged that Israeli troops attacked the convoy.", "attacked",
	  CW_F_ALLEGED, "", 0 },
	{ "The report alleged that France was aware, and that French troops attacked the town.",
	  "attacked", CW_F_ALLEGED, "", 0 },
	{ "Ukraine denied that its drones had attacked the Kremlin.", "attacked",
	  CW_F_DENIED, "", 0 },
	{ "The ministry denied attacking the convoy.", "attacking", CW_F_DENIED, "", 0 },
	{ "China dismissed a newspaper report that Beijing had signed a secret deal with Cambodia.",
	  "signed", CW_F_DENIED, "", 0 },
	/* an owner's apostrophe is no quotation mark that ends the clause */
	{ "The report alleged that the rebels' fighters attacked the convoy.", "attacked",
	  CW_F_ALLEGED, "", 0 },
	/* purpose, condition */
	{ "Rwanda deployed troops to fight insurgents in Mozambique.", "fight",
	  CW_F_PURPOSE, "", 0 },
	{ "Mali's junta used drones in an attempt to kill the rebel leaders.", "kill",
	  CW_F_PURPOSE, "", 0 },
	{ "Turkey will retaliate if Syria attacks its troops.", "attacks", CW_F_CONDITION, "", 0 },
	{ "Turkey will retaliate if Syria attacks its troops.", "retaliate",
	  CW_F_INTENDED, "138", 0 },
	/* governed content: the act is the governing pattern's topic or aim */
	{ "Zelenskiy condemned the Russian missile strike on Kyiv.", "missile", CW_F_TOPIC, "", 0 },
	{ "The rebels declared a complete cessation of military operations.", "military",
	  CW_F_TOPIC, "", 0 },
	{ "China demanded on Tuesday that the United States apologise.", "apologise",
	  CW_F_DEMANDED, "", 0 },
	{ "Zelenskiy condemned the Russian missile strike on Kyiv.", "condemned",
	  CW_F_ASSERTED, "111", 0 },
	{ "The Taliban reversed a decision, refusing to let girls return.", "refusing",
	  CW_F_ASSERTED, "120", 0 },
	/* a verb joined by "and" to a governing one is an act of its own;
	 * nouns so joined are one object */
	{ "The Security Council condemned the coup and demanded that the junta release the president.",
	  "demanded", CW_F_ASSERTED, "1053", 0 },
	{ "The court is investigating the killings and rapes in Darfur.", "rapes", CW_F_TOPIC, "", 0 },
	/* the acts after an accusation's "of" or "for" are what is alleged,
	 * past the accused's apposition (acts no "accuse * of * attack"
	 * pattern takes whole: a name counts one word to its gap now) */
	{ "Venezuela accused Colombia's president, Juan Manuel Santos, of being behind a car bombing.",
	  "car", CW_F_ALLEGED, "", 0 },
	{ "The opposition blamed the government, its old rival, for the kidnapping of the mayor.",
	  "kidnapping", CW_F_ALLEGED, "", 0 },
	/* a cue may end on the actor it names: a thing named in passing */
	{ "The minister said the army would defeat what he called a coup attempt.", "called",
	  CW_F_TOPIC, "", 0 },
	/* force told in a participle after force is what that act did */
	{ "Rebels ambushed an army convoy, killing 11 soldiers and wounding four.", "wounding",
	  CW_F_TOPIC, "", 0 },
	{ "Gunmen opened fire on a polling station, wounding six people.", "wounding", CW_F_TOPIC, "", 0 },
	/* ... but after an act of another kind it is an act of its own */
	{ "Thousands marched through the capital, attacking police stations.", "attacking",
	  CW_F_ASSERTED, "190", 0 },
	/* what a report, evidence or a rumour says did not take place */
	{ "The UN published a report saying that Rwandan troops were fighting in Congo.", "fighting",
	  CW_F_ALLEGED, "", 0 },
	{ "Amnesty said it had evidence that the army had attacked the villages.", "attacked",
	  CW_F_ALLEGED, "", 0 },
	{ "Activists cited reports that troops had shelled the town.", "shelled",
	  CW_F_ALLEGED, "", 0 },
	/* ... while "reported that" tells the act */
	{ "State media reported that troops attacked the rebels.", "attacked", CW_F_ASSERTED, "190", 0 },
	/* background: what came before or around the news is its topic */
	{ "Chile recalled its envoy a day after Peruvian troops attacked a border post.", "attacked",
	  CW_F_TOPIC, "", 0 },
	{ "The president resigned after a week of riots and looting in the capital.", "looting",
	  CW_F_TOPIC, "", 0 },
	{ "Mali expelled the French ambassador amid a military operation in the north.", "military",
	  CW_F_TOPIC, "", 0 },
	{ "Iran fired missiles at Israel in retaliation for a car bombing at its consulate.", "car",
	  CW_F_TOPIC, "", 0 },
	/* ... but a main clause's verb joined by "and" is news, and so is
	 * the act an "after" phrase follows */
	{ "Crowds broke into the palace after his flight and ransacked his offices.", "ransacked",
	  CW_F_ASSERTED, "171", 0 },
	{ "Chile recalled its envoy a day after Peruvian troops attacked a border post.", "recalled",
	  CW_F_ASSERTED, "161", 0 },
};

/* The pattern's code made more specific by the act it governs. */
static const row governors[] = {
	{ "Serbia refused to extradite the suspects to Croatia.", "refused", CW_F_ASSERTED, "121", 0 },
	{ "Egypt urged Israel to meet the Palestinian delegation.", "urged", CW_F_ASSERTED, "026", 0 },
	{ "China offered to meet Taiwan's leaders.", "offered", CW_F_ASSERTED, "036", 0 },
	{ "Turkey threatened to withdraw from the talks with Sweden.", "threatened",
	  CW_F_ASSERTED, "134", 0 },
	{ "Thailand's army chief said the military was prepared to impose martial law.",
	  "prepared", CW_F_REPORTED, "1324", 0 },
	{ "Turkey is demanding that Sweden extradite dozens of people.", "demanding",
	  CW_F_ASSERTED, "1013", 0 },
	/* a demand verb with an indicative that-clause states a claim */
	{ "The army insisted that it was not staging a coup.", "insisted", CW_F_ASSERTED, "010", 0 },
	{ "Ukraine insisted that Russian troops leave the country.", "insisted", CW_F_ASSERTED, "100", 0 },
	/* ... but "must" and "should" keep the demand */
	{ "The unions insisted that Kenya must raise the minimum wage.", "insisted", CW_F_ASSERTED,
	  "100", 0 },
	{ "Germany insisted that Serbia should hand over the suspects.", "insisted", CW_F_ASSERTED,
	  "1013", 0 },
	/* what is vowed in a that-clause is the vow's threat or promise */
	{ "Chad's president vowed that the army would attack the rebels.", "vowed", CW_F_ASSERTED,
	  "138", 0 },
	{ "Chad's president vowed that the army would attack the rebels.", "attack", CW_F_INTENDED,
	  "", 0 },
	{ "Japan pledged that it would send aid to Haiti.", "pledged", CW_F_ASSERTED, "033", 0 },
	/* a bare statement whose report names a doer by words no pattern
	 * knows as an act ("says" lines) is the accusation; the act after
	 * those words is its topic */
	{ "Haitian police said the gang was behind the abduction.", "said", CW_F_ASSERTED, "112", 0 },
	{ "Pakistan's government said the Taliban was behind the assassination of Benazir Bhutto.",
	  "assassination", CW_F_TOPIC, "", 0 },
	{ "France said Iran bore responsibility for the sinking.", "said", CW_F_ASSERTED, "112", 0 },
	{ "Germany said the talks were useful.", "said", CW_F_ASSERTED, "010", 0 },
	/* "would not" with no act a pattern knows is the speaker's refusal;
	 * with one, that act's refusal says more */
	{ "The African Union said its peacekeepers would not go.", "said", CW_F_ASSERTED, "120", 0 },
	/* what someone must do, in words no pattern knows, is a demand */
	{ "The junta said the foreign troops must go home within a month.", "said", CW_F_ASSERTED, "100", 0 },
	{ "The ministry said the troops had gone home.", "said", CW_F_ASSERTED, "010", 0 },
	{ "Iran said it would not negotiate with the United States.", "said", CW_F_ASSERTED, "010", 0 },
	/* a promise is no threat, whatever it is to do */
	{ "Qatar pledged to expel the Muslim Brotherhood leaders.", "pledged", CW_F_ASSERTED, "030", 0 },
	/* PETRARCH keeps the pattern's own code */
	{ "Serbia refused to extradite the suspects to Croatia.", "refused", CW_F_ASSERTED, "120", 1 },
};

static curlew *open_cw(int petrarch)
{
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.use_parser = 0;
	o.petrarch = petrarch;
	curlew *cw = NULL;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return NULL;
	}
	return cw;
}

static void check_row(curlew *cw, const row *r)
{
	curlew_story st = { "t", r->text, strlen(r->text), "2023-05-01", NULL, NULL, NULL, 0, NULL };
	curlew_doc *doc = NULL;
	CHECK_INT(curlew_code(cw, &st, NULL, &doc), 0);
	const cw_trigger *t = NULL;
	for (int i = 0; doc && i < doc->nsents && !t; i++) {
		const cw_sentence *s = &doc->sents[i];
		for (int k = 0; k < s->ntrigs && !t; k++)
			if (strcmp(s->toks[s->trigs[k].anchor].text, r->word) == 0)
				t = &s->trigs[k];
	}
	if (!t) {
		check_fail++;
		fprintf(stderr, "FAILED: no act on \"%s\" in: %s\n", r->word, r->text);
	} else if (t->frame != r->frame || strcmp(t->fcode, r->fcode) != 0) {
		check_fail++;
		fprintf(stderr, "FAILED: \"%s\" is %s %s, want %s %s%s in: %s\n", r->word,
			cw_frame_name(t->frame), t->fcode[0] ? t->fcode : "(none)",
			cw_frame_name(r->frame), r->fcode[0] ? r->fcode : "(none)",
			r->petrarch ? " (PETRARCH mode)" : "", r->text);
	} else {
		check_pass++;
	}
	curlew_doc_free(doc);
}

static void test_rows(const row *rs, size_t n, curlew *plain, curlew *petrarch)
{
	for (size_t i = 0; i < n; i++)
		check_row(rs[i].petrarch ? petrarch : plain, &rs[i]);
}

/* Every frame of the enum is tested above, and each has a name. */
static void test_coverage(void)
{
	int seen[CW_NFRAMES] = { 0 };
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		seen[rows[i].frame] = 1;
	seen[CW_F_PROMISED] = seen[CW_F_THREATENED] = 1;   /* governors (refined codes) */
	for (int f = 0; f < CW_NFRAMES; f++) {
		if (!seen[f])
			fprintf(stderr, "frame %s has no test row\n", cw_frame_name(f));
		CHECK(seen[f]);
		CHECK(strcmp(cw_frame_name(f), "?") != 0);
	}
}

static int load_text(const char *text, char *err, size_t errlen)
{
	char dir[] = "/tmp/curlew-frames-XXXXXX";
	if (!mkdtemp(dir))
		return -2;
	char path[256];
	snprintf(path, sizeof path, "%s/frames.txt", dir);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	curlew cw;
	memset(&cw, 0, sizeof cw);
	cw.data_dir = dir;
	cw_frame_dict *d = NULL;
	int rc = cw_frames_load(&d, &cw, err, errlen);
	cw_frames_free(d);
	remove(path);
	rmdir(dir);
	return rc;
}

static void test_load_errors(void)
{
	char err[256];
	CHECK_INT(load_text("negated not\nintended will @verb\ngovern 12 refused\n", err, sizeof err), 0);
	CHECK_INT(load_text("# ok\nnegatd not\n", err, sizeof err), -1);
	CHECK(strstr(err, "frames.txt:2:") && strstr(err, "unknown frame"));
	CHECK_INT(load_text("purpose * to\n", err, sizeof err), -1);
	CHECK(strstr(err, ":1:") != NULL);
	CHECK_INT(load_text("appealed want *\n", err, sizeof err), -1);
	CHECK(strstr(err, "starts and ends with a word") != NULL);
	CHECK_INT(load_text("topic what {A} @verb\n", err, sizeof err), 0);
	CHECK_INT(load_text("indicative 10 statement\n", err, sizeof err), -1);
	CHECK(strstr(err, "indicative CODE CODE") != NULL);
	CHECK_INT(load_text("says 112 be behind\n", err, sizeof err), 0);
	CHECK_INT(load_text("says accuse be behind\n", err, sizeof err), -1);
	CHECK(strstr(err, "says CODE WORD") != NULL);
	CHECK_INT(load_text("says 112 {A} behind\n", err, sizeof err), -1);
	CHECK(strstr(err, "words and '*' only") != NULL);
	CHECK_INT(load_text("govern 12\n", err, sizeof err), -1);
	CHECK(strstr(err, "govern CODE") != NULL);
	curlew cw;
	memset(&cw, 0, sizeof cw);
	cw.data_dir = "/nonexistent-curlew-data";
	cw_frame_dict *d = NULL;
	CHECK_INT(cw_frames_load(&d, &cw, err, sizeof err), -1);
	CHECK(d == NULL && strstr(err, "frames.txt") != NULL);
}

int main(void)
{
	curlew *plain = open_cw(0), *petrarch = open_cw(1);
	CHECK(plain != NULL && petrarch != NULL);
	if (plain && petrarch) {
		test_rows(rows, sizeof rows / sizeof *rows, plain, petrarch);
		test_rows(governors, sizeof governors / sizeof *governors, plain, petrarch);
	}
	test_coverage();
	test_load_errors();
	curlew_close(plain);
	curlew_close(petrarch);
	return check_done("test_frames");
}
