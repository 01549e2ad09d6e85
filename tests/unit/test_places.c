/* test_places.c -- the gazetteer, cw_place_lookup and the places stage. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "check.h"

/* A small tokenizer standing in for tokens.c: words (letters, digits,
 * inner hyphens, dots and apostrophes) and single punctuation marks. */
static void tokenize(curlew_doc *doc, cw_sentence *s)
{
	int cap = 0;
	const char *t = doc->text;
	size_t i = s->start;
	while (i < s->end) {
		if (isspace((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		if (isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80) {
			while (j < s->end && (isalnum((unsigned char)t[j]) || (unsigned char)t[j] >= 0x80 ||
			       ((t[j] == '-' || t[j] == '.' || t[j] == '\'') && j + 1 < s->end &&
				isalnum((unsigned char)t[j + 1]))))
				j++;
			if (j < s->end && t[j] == '.' && j >= 2 && t[j - 2] == '.')
				j++;   /* "U.S." keeps its last dot */
		} else {
			j = i + 1;
		}
		s->toks = cw_grow(doc->arena, s->toks, &cap, s->ntoks + 1, sizeof *s->toks);
		cw_token *k = &s->toks[s->ntoks++];
		memset(k, 0, sizeof *k);
		k->start = (uint32_t)i;
		k->end = (uint32_t)j;
		k->text = cw_strndup(doc->arena, t + i, j - i);
		char *low = cw_strndup(doc->arena, t + i, j - i);
		cw_lower_ascii(low);
		k->lower = low;
		if (isupper((unsigned char)t[i]))
			k->flags |= CW_T_CAP;
		if (!isalnum((unsigned char)t[i]) && (unsigned char)t[i] < 0x80)
			k->flags |= CW_T_PUNCT;
		k->place = k->mention = -1;
		i = j;
	}
}

static cw_sentence *run(curlew *cw, curlew_doc *doc, const char *text)
{
	doc->text = text;
	doc->len = strlen(text);
	cw_sentence *s = cw_alloc(doc->arena, sizeof *s);
	s->start = 0;
	s->end = (uint32_t)doc->len;
	tokenize(doc, s);
	CHECK_INT(cw_places(cw, doc, s), 0);
	return s;
}

/* "text/ISO/prep-word" for place k of the sentence. */
static const char *desc(const cw_sentence *s, int k)
{
	static char buf[256];
	if (k >= s->nplaces)
		return "none";
	const cw_place *p = &s->places[k];
	snprintf(buf, sizeof buf, "%s/%s/%s", p->text, p->country[0] ? p->country : "-",
		 p->prep >= 0 ? s->toks[p->prep].text : "-");
	return buf;
}

int main(void)
{
	char err[512];
	curlew cw;
	memset(&cw, 0, sizeof cw);
	cw.data_dir = "data";
	CHECK_INT(cw_countries_load(&cw.countries, "data", err, sizeof err), 0);
	CHECK_INT(cw_places_load(&cw.places, &cw, err, sizeof err), 0);
	if (!cw.places || !cw.countries) {
		fprintf(stderr, "load failed: %s\n", err);
		return check_done("test_places");
	}

	/* Lookups, as the dateline stage makes them. */
	cw_place p;
	CHECK_INT(cw_place_lookup(&cw, "New York", &p), 0);
	CHECK_STR(p.country, "USA");
	CHECK_STR(p.text, "New York");
	CHECK(p.has_coord && p.lat > 40 && p.lat < 41.5 && p.lon < -73 && p.lon > -75);
	CHECK_INT(cw_place_lookup(&cw, "WASHINGTON", &p), 0);
	CHECK_STR(p.country, "USA");
	CHECK_INT(cw_place_lookup(&cw, "BAKU", &p), 0);
	CHECK_STR(p.country, "AZE");
	CHECK(p.lat > 40.3 && p.lat < 40.5);
	CHECK_INT(cw_place_lookup(&cw, "UNITED NATIONS", &p), 0);
	CHECK_STR(p.country, "USA");
	CHECK_INT(cw_place_lookup(&cw, "Nagorno  Karabakh", &p), 0);
	CHECK_STR(p.country, "AZE");
	CHECK_INT(cw_place_lookup(&cw, "Gaza", &p), 0);
	CHECK_STR(p.country, "PSE");
	CHECK_INT(cw_place_lookup(&cw, "Sahel", &p), 0);
	CHECK_STR(p.country, "");
	CHECK_INT(cw_place_lookup(&cw, "Syria", &p), 0);
	CHECK_STR(p.country, "SYR");
	CHECK_INT(cw_place_lookup(&cw, "Kosovo", &p), 0);
	CHECK_STR(p.country, "KSV");
	CHECK_INT(cw_place_lookup(&cw, "GENEVA,", &p), 0);
	CHECK_STR(p.country, "CHE");
	CHECK_INT(cw_place_lookup(&cw, "Hamilton", &p), -1);   /* a skip entry */
	CHECK_INT(cw_place_lookup(&cw, "Atlantis", &p), -1);
	CHECK_INT(cw_place_lookup(&cw, "", &p), -1);

	curlew_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.cw = &cw;
	doc.arena = cw_arena_new();

	cw_sentence *s = run(&cw, &doc,
		"The meeting took place at the sideline of the 78th Session of the UN General Assembly (UNGA) in New York.");
	CHECK_INT(s->nplaces, 1);
	CHECK_STR(desc(s, 0), "New York/USA/in");
	if (s->nplaces == 1) {
		CHECK_INT(s->toks[s->places[0].tok_start].place, 0);
		CHECK_INT(s->places[0].end - s->places[0].start, 8);
	}

	s = run(&cw, &doc, "He spoke about the recent military operation at the Nagorno Karabakh region.");
	CHECK_INT(s->nplaces, 1);
	CHECK_STR(desc(s, 0), "Nagorno Karabakh region/AZE/at");

	s = run(&cw, &doc, "He rejected claims of a blockade in the Nagorno-Karabakh region baseless.");
	CHECK_STR(desc(s, 0), "Nagorno-Karabakh region/AZE/in");

	s = run(&cw, &doc, "Azerbaijan and Armenia discussed relations with North Macedonia.");
	CHECK_INT(s->nplaces, 3);
	CHECK_STR(desc(s, 0), "Azerbaijan/AZE/-");
	CHECK_STR(desc(s, 2), "North Macedonia/MKD/-");

	s = run(&cw, &doc, "Shelling was reported in the besieged city of Mariupol and near Gaza City.");
	CHECK_INT(s->nplaces, 2);
	CHECK_STR(desc(s, 0), "Mariupol/UKR/in");
	CHECK_STR(desc(s, 1), "Gaza City/PSE/near");

	s = run(&cw, &doc, "The U.S. and the UK sent aid to us in eastern Ukraine.");
	CHECK_INT(s->nplaces, 3);
	CHECK_STR(desc(s, 0), "U.S./USA/-");
	CHECK_STR(desc(s, 1), "UK/GBR/-");
	CHECK_STR(desc(s, 2), "Ukraine/UKR/in");

	/* Lower-case words are not places, nor are skip names. */
	s = run(&cw, &doc, "They ate turkey in chad style while Hamilton watched.");
	CHECK_INT(s->nplaces, 0);
	CHECK_INT(s->toks[2].place, -1);

	/* Longest match wins over the shorter name inside it. */
	s = run(&cw, &doc, "Talks were held in the West Bank and in Gaza.");
	CHECK_INT(s->nplaces, 2);
	CHECK_STR(desc(s, 0), "West Bank/PSE/in");
	CHECK_STR(desc(s, 1), "Gaza/PSE/in");

	s = run(&cw, &doc, "Troops moved into Syria from Türkiye.");
	CHECK_INT(s->nplaces, 2);
	CHECK_STR(desc(s, 0), "Syria/SYR/-");
	CHECK_STR(desc(s, 1), "Türkiye/TUR/-");

	cw_arena_free(doc.arena);
	cw_places_free(cw.places);
	cw_countries_free(cw.countries);
	return check_done("test_places");
}
