/* test_countries.c -- the merged country table: generated rows, the
 * hand-written additions, and the error for a missing generated file. */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"
#include "check.h"

static int has(const char **list, const char *s)
{
	for (; list && *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int main(void)
{
	char err[512];
	cw_countries *cs = NULL;
	CHECK_INT(cw_countries_load(&cs, "data", err, sizeof err), 0);
	if (!cs) {
		fprintf(stderr, "load failed: %s\n", err);
		return check_done("test_countries");
	}
	/* All of ISO 3166-1 plus Kosovo. */
	CHECK(cw_countries_count(cs) >= 249);
	CHECK(cw_countries_at(cs, cw_countries_count(cs)) == NULL);

	const cw_country *aze = cw_countries_by_iso3(cs, "AZE");
	CHECK(aze != NULL);
	if (aze) {
		CHECK_STR(aze->iso2, "AZ");
		CHECK_STR(aze->name, "Azerbaijan");
		CHECK_STR(aze->capital, "Baku");
		CHECK(has(aze->names, "Republic of Azerbaijan"));
		CHECK(has(aze->adjectives, "Azerbaijani"));
		CHECK(has(aze->adjectives, "Azerbaijanis"));
		CHECK(has(aze->adjectives, "Azeri"));   /* from the extra file */
		CHECK(aze->has_coord);
		CHECK(aze->lat > 40.3 && aze->lat < 40.5 && aze->lon > 49.8 && aze->lon < 50);
	}
	const cw_country *usa = cw_countries_by_iso3(cs, "USA");
	CHECK(usa && has(usa->names, "U.S.") && has(usa->names, "United States of America"));
	CHECK(usa && usa->capital && strcmp(usa->capital, "Washington") == 0);
	const cw_country *gbr = cw_countries_by_iso3(cs, "GBR");
	CHECK(gbr && has(gbr->names, "Britain") && has(gbr->adjectives, "British"));
	const cw_country *kor = cw_countries_by_iso3(cs, "KOR");
	CHECK(kor && has(kor->names, "Republic of Korea") && !has(kor->names, "Korea, Republic of"));
	const cw_country *mkd = cw_countries_by_iso3(cs, "MKD");
	CHECK(mkd && has(mkd->names, "North Macedonia"));
	const cw_country *tur = cw_countries_by_iso3(cs, "TUR");
	CHECK(tur && has(tur->names, "Turkey") && has(tur->adjectives, "Turkish"));
	const cw_country *ksv = cw_countries_by_iso3(cs, "KSV");
	CHECK(ksv && strcmp(ksv->name, "Kosovo") == 0 && has(ksv->adjectives, "Kosovar"));
	CHECK(cw_countries_by_iso3(cs, "XXX") == NULL);
	CHECK(cw_countries_by_iso3(cs, NULL) == NULL);

	/* a place's country as of a date: the state its land was part of */
	cw_date d1986 = { 1986, 12, 17 }, d1991 = { 1991, 12, 25 }, d1992 = { 1992, 1, 2 }, none = { 0 };
	CHECK_STR(cw_country_then(cs, "KAZ", d1986), "SUN");
	CHECK_STR(cw_country_then(cs, "RUS", d1991), "SUN");
	CHECK_STR(cw_country_then(cs, "RUS", d1992), "RUS");
	CHECK_STR(cw_country_then(cs, "SRB", (cw_date){ 2000, 10, 5 }), "YUG");
	CHECK_STR(cw_country_then(cs, "SVK", (cw_date){ 1990, 1, 1 }), "CSK");
	CHECK_STR(cw_country_then(cs, "LTU", d1986), "LTU");   /* named as itself */
	CHECK_STR(cw_country_then(cs, "FRA", d1986), "FRA");
	CHECK_STR(cw_country_then(cs, "KAZ", none), "KAZ");   /* no date: today's */

	/* No two-letter codes and no non-Latin names leak in from the packages;
	 * every list is NULL-terminated, possibly empty. */
	int bad = 0;
	for (size_t i = 0; i < cw_countries_count(cs); i++) {
		const cw_country *c = cw_countries_at(cs, i);
		if (!c->names || !c->adjectives || !c->name)
			bad++;
		for (const char **n = c->names; n && *n; n++)
			if (strlen(*n) == 2 && strcmp(*n, "US") && strcmp(*n, "UK"))
				bad++;
		for (const char **n = c->names; n && *n; n++)
			for (const unsigned char *p = (const unsigned char *)*n; *p; p++)
				if (*p >= 0xd0 && *p != 0xc3)   /* Cyrillic, Arabic, CJK... */
					bad++;
	}
	CHECK_INT(bad, 0);
	cw_countries_free(cs);

	/* A data directory without the generated file says how to make it. */
	cs = NULL;
	CHECK_INT(cw_countries_load(&cs, "/nonexistent-curlew-data", err, sizeof err), -1);
	CHECK(cs == NULL);
	CHECK(strstr(err, "make deps gen") != NULL);
	return check_done("test_countries");
}
