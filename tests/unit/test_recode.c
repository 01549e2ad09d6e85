/* test_recode.c -- codes by who did the act to whom (data/recode.txt): the
 * rule language on made-up events (sectors, "within", '-' and '*' targets,
 * excepted codes, first rule wins), the loader's errors, and the shipped
 * rules in the real pipeline.  Runs from the checkout's root. */
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

static char dir[] = "/tmp/curlew-recode-XXXXXX";

static int write_and_load(const curlew *cw, const char *text, cw_recode_rules **d, char *err,
			  size_t errlen)
{
	char path[256];
	snprintf(path, sizeof path, "%s/recode.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -2;
	fputs(text, f);
	fclose(f);
	struct curlew here = *cw;
	here.data_dir = dir;
	return cw_recode_load(d, &here, err, errlen);
}

/* A mention "CCCSEC" of country CCC ("---": none known) and the one
 * sector SEC (or none). */
static void mention(cw_mention *m, const char *code)
{
	memset(m, 0, sizeof *m);
	snprintf(m->code, sizeof m->code, "%s", code);
	snprintf(m->country, sizeof m->country, "%.3s", strncmp(code, "---", 3) ? code : "");
	if (strlen(code) >= 6) {
		snprintf(m->sectors[0], 4, "%s", code + 3);
		m->nsectors = 1;
	}
}

static void test_rules(const curlew *cw)
{
	char err[256];
	cw_recode_rules *d = NULL;
	CHECK_INT(write_and_load(cw,
				 "# test rules\n"
				 "175  18|19|!195  by COP|MIL  on OPP|EDU  within\n"
				 "145  190  by OPP\n"
				 "181  173  by REB  on *\n"
				 "110  010  by GOV  on -\n"
				 "185  193  by *  on GOV person\n", &d, err, sizeof err), 0);
	static const struct {
		const char *src, *code, *tgt, *want;   /* tgt NULL: none; want NULL: unchanged */
	} t[] = {
		{ "KENCOP", "193", "KENOPP", "175" },   /* police fire on protesters */
		{ "KENMIL", "1823", "KENEDU", "175" },  /* troops kill students */
		{ "KENCOP", "195", "KENOPP", NULL },    /* an excepted code */
		{ "KENCOP", "193", "SOMOPP", NULL },    /* not within the country */
		{ "---COP", "193", "---OPP", "175" },   /* no country known for either: at home */
		{ "---COP", "193", "KENOPP", NULL },    /* one known, the other not */
		{ "KENCOP", "193", "KENREB", NULL },    /* a sector not listed */
		{ "KENCOP", "193", NULL, NULL },        /* "on" without '-': needs a target */
		{ "KENCOP", "173", "KENOPP", NULL },    /* a code not listed */
		{ "KENOPP", "190", "KENGOV", "145" },   /* no "on": any target */
		{ "KENOPP", "190", NULL, "145" },       /* ... or none */
		{ "KENOPP", "1823", "KENGOV", NULL },   /* a prefix matches only longer codes */
		{ "LBNREB", "173", "ISRMIL", "181" },
		{ "LBNREB", "173", NULL, NULL },        /* '*' is any target, not none */
		{ "KENGOV", "010", NULL, "110" },       /* '-' is no target */
		{ "KENGOV", "010", "KENOPP", NULL },
		{ "KENGOV", "010", "+KEN", "110" },     /* an implied target is none named */
		{ "KENOPP", "1823", "+KEN", NULL },
		{ "SVKCVL", "193", "=SVKGOV", "185" },  /* '*': any source; a named person */
		{ "CODREB", "193", "CODGOV", NULL },    /* a body is no person */
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		cw_mention m[2];
		mention(&m[0], t[i].src);
		/* "+KEN": a target resolve implied (the own country, the place);
		 * "=SVKGOV": a person named (with a surname for coref) */
		int implied = t[i].tgt && t[i].tgt[0] == '+';
		int person = t[i].tgt && t[i].tgt[0] == '=';
		if (t[i].tgt)
			mention(&m[1], t[i].tgt + implied + person);
		if (person)
			m[1].key = "fico";
		cw_sentence s;
		memset(&s, 0, sizeof s);
		s.ments = m;
		s.nments = t[i].tgt ? 2 : 1;
		cw_event e;
		memset(&e, 0, sizeof e);
		e.source = 0;
		e.target = t[i].tgt ? 1 : -1;
		e.implied = implied ? CW_I_OWN : CW_I_NONE;
		snprintf(e.code, sizeof e.code, "%s", t[i].code);
		char code[5] = "";
		const char *rule = cw_recode_rule(d, &s, &e, code);
		if (t[i].want) {
			CHECK(rule && strncmp(rule, "recode.txt:", 11) == 0);
			CHECK_STR(code, t[i].want);
		} else if (rule) {
			fprintf(stderr, "row %zu: %s %s %s recoded by %s\n", i, t[i].src, t[i].code,
				t[i].tgt ? t[i].tgt : "-", rule);
			CHECK(0);
		}
	}
	cw_recode_free(d);
}

static void test_loader(const curlew *cw)
{
	static const struct { const char *text; const char *where; } bad[] = {
		{ "175  18  COP\n", "recode.txt:1:" },                 /* no "by" */
		{ "ok\n", "recode.txt:1:" },
		{ "999  18  by COP\n", "recode.txt:1:" },              /* no such code */
		{ "175  18|!77  by COP\n", "recode.txt:1:" },
		{ "175  !18  by COP\n", "recode.txt:1:" },             /* nothing to recode */
		{ "175  18  by POLICE\n", "recode.txt:1:" },           /* a sector is 3 letters */
		{ "175  18  by COP  on\n", "recode.txt:1:" },
		{ "175  18  by COP  on OPP  inside\n", "recode.txt:1:" },
		{ "175  18  by COP  person\n", "recode.txt:1:" },     /* "person" qualifies a target */
		{ "175  18  by COP\n175  18  by -\n", "recode.txt:2:" }, /* '-' is for targets */
		{ "-  *  by =firm\n", "recode.txt:1:" },             /* a class before its !class */
		{ "!class\n", "recode.txt:1:" },                      /* a class needs a name */
		{ "!class firm company\n-  *  by =firms\n", "recode.txt:2:" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char err[256] = "";
		cw_recode_rules *d = NULL;
		CHECK_INT(write_and_load(cw, bad[i].text, &d, err, sizeof err), -1);
		CHECK(d == NULL && strstr(err, bad[i].where) != NULL);
		if (!strstr(err, bad[i].where))
			fprintf(stderr, "  %s-> %s\n", bad[i].text, err);
	}
	char path[256], err[256];
	snprintf(path, sizeof path, "%s/recode.txt", dir);
	remove(path);
	cw_recode_rules *d = NULL;
	struct curlew here = *cw;
	here.data_dir = dir;
	CHECK_INT(cw_recode_load(&d, &here, err, sizeof err), 0);   /* none: nothing recoded */
	cw_mention m;
	mention(&m, "KENCOP");
	cw_sentence s;
	memset(&s, 0, sizeof s);
	s.ments = &m;
	s.nments = 1;
	cw_event e = { .source = 0, .target = -1, .code = "190" };
	char code[5];
	CHECK(d && cw_recode_rule(d, &s, &e, code) == NULL);
	cw_recode_free(d);
}

/* The shipped rules, end to end: the same verbs, other codes. */
static void test_pipeline(curlew *cw)
{
	static const struct { const char *text, *src, *code; } t[] = {
		{ "Riot police opened fire on protesters in Lagos.", "NGACOP", "175" },
		{ "Malian soldiers opened fire on rebels near Gao.", "MLIMIL", "193" },
		{ "Kenyan police shot dead two men in Mombasa.", "KENCOP", "175" },
		{ "Turkish troops shot dead two Kurdish protesters in Iraq.", "TURMIL", "1823" },
		{ "Students stormed the education ministry in Dhaka.", "BGDEDU", "145" },
		{ "Protesters stormed and torched the mayor's office in Almaty.", "KAZOPP", "145" },
		{ "Islamist militants captured three policemen in northern Burkina Faso.", "BFAREB", "181" },
		{ "Police arrested three militants in Karachi.", "PAKCOP", "173" },
		{ "Peruvian prosecutors raided the home of the president.", "PERJUD", "091" },
		{ "A gunman shot presidential candidate Luis Donaldo Colosio in Tijuana.", "MEXREB", "185" },
		{ "Rebels shot at government troops near Goma.", "CODREB", "193" },
		{ "Hezbollah supporters attacked a protest camp in Beirut.", "LBNREB", "180" },
		/* a country's firm, market, player or scientist is no state */
		{ "The German carmaker said it would cut 5,000 jobs.", NULL, NULL },
		{ "Australia's fast bowlers destroyed the England top order.", NULL, NULL },
		{ "Researchers in Sweden said the drug worked.", NULL, NULL },
		{ "The Australian dollar retreated from a five-month high.", NULL, NULL },
		{ "Germany said it would cut aid to Mali.", "DEU", "1311" },
		{ "The German carmaker's union went on strike in Wolfsburg.", "DEUBUSLAB", "143" },   /* what a firm owns */
		{ "Kenyan protest organisers called for fresh marches in Nairobi.", "KENOPP", "020" },   /* no sport's */
		/* nature, accidents and disease, opening the sentence, do what they do */
		{ "Monsoon floods have submerged a third of Pakistan and killed more than 1,100 people.", NULL, NULL },
		{ "A stampede at a festival in the Indian state of Uttar Pradesh killed 121 people.", NULL, NULL },
		{ "Hurricane Beryl lashed Venezuela's northeastern coast on Tuesday, flooding the town of "
		  "Cumanacoa and killing at least one person.", NULL, NULL },
		{ "After the floods, Pakistani troops attacked rebel positions in Swat.", "PAKMIL", "190" },
		{ "Israeli fire killed five civilians in Gaza on Monday.", "ISR", "1823" },   /* no nature */
		{ "Hurricane Wilma pounded Mexico's Caribbean coast for a second day on Saturday, tearing "
		  "roofs off hotels and flooding the streets of Cancun.", NULL, NULL },
		{ "Chinese troops backed by armoured personnel carriers opened fire on crowds.", "CHNMIL", "175" },
		/* farmers and clergy on the march are a civil movement too */
		{ "Bolivian police opened fire on farmers near Cochabamba.", "BOLCOP", "175" },
		{ "Nepalese police beat monks with bamboo sticks outside the ministry.", "NPLCOP", "175" },
		/* a crowd that ransacks or burns a building riots */
		{ "Angry crowds ransacked the Danish consulate in Beirut.", "LBNCVL", "145" },
		/* police who raid coerce; soldiers who raid fight */
		{ "Police raided a smugglers' warehouse in Mombasa.", "KENCOP", "170" },
		{ "Kenyan troops raided a militant camp in Somalia.", "KENMIL", "190" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		curlew_story st = { "t", t[i].text, strlen(t[i].text), "2020-01-01", NULL, NULL, NULL, 0, NULL };
		curlew_doc *doc = NULL;
		CHECK_INT(curlew_code(cw, &st, NULL, &doc), 0);
		const cw_sentence *s = doc && doc->nsents ? &doc->sents[0] : NULL;
		if (!t[i].code) {
			CHECK(s && s->nevents == 0);
			/* explain says which rule dropped it, unless nothing coded it
			 * at all (a sport sentence discarded, a sense claimed) */
			int named = 0;
			for (int k = 0; s && s->dropped && k < s->ntrigs; k++)
				named |= s->dropped[k] && strncmp(s->dropped[k], "recode.txt:", 11) == 0;
			CHECK(named);
			curlew_doc_free(doc);
			continue;
		}
		CHECK(s && s->nevents == 1);
		if (s && s->nevents == 1) {
			CHECK_STR(s->ments[s->events[0].source].code, t[i].src);
			CHECK_STR(s->events[0].code, t[i].code);
		}
		curlew_doc_free(doc);
	}
}

int main(void)
{
	curlew_options o = CURLEW_OPTIONS_INIT;
	curlew *cw = NULL;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		CHECK(0);
		return check_done("test_recode");
	}
	CHECK(mkdtemp(dir) != NULL);
	test_rules(cw);
	test_loader(cw);
	rmdir(dir);
	test_pipeline(cw);
	curlew_close(cw);
	return check_done("test_recode");
}
