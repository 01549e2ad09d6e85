/* test_dateline.c -- wire datelines recognised, first sentences that only
 * look like them left alone. */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"
#include "check.h"

static struct curlew bare;      /* no gazetteer: shape rules only */

static curlew_doc *run(const curlew *cw, const char *text, const char *given, const char *deflt)
{
	cw_arena *a = cw_arena_new();
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->cw = cw;
	doc->id = "t";
	doc->len = strlen(text);
	doc->text = cw_strndup(a, text, doc->len);
	if (given)
		cw_date_parse_any(given, &doc->given_date);
	if (deflt)
		cw_date_parse(deflt, &doc->default_date);
	CHECK_INT(cw_dateline(cw, doc), 0);
	return doc;
}

static const char *date_str(curlew_doc *doc)
{
	if (!doc->dl_date.y)
		return "none";
	return cw_printf(doc->arena, "%04d-%02d-%02d", doc->dl_date.y, doc->dl_date.m, doc->dl_date.d);
}

static const char *body(curlew_doc *doc)
{
	return doc->text + doc->body_start;
}

/* A dateline: place, agency (or NULL), date (or "none") and where the body starts. */
#define DATELINE(cw_, text_, given_, deflt_, place_, agency_, date_, body_) do { \
	curlew_doc *d_ = run(cw_, text_, given_, deflt_); \
	CHECK(d_->dl_place != NULL); \
	if (d_->dl_place) { \
		CHECK_STR(d_->dl_place->text, place_); \
		CHECK(memcmp(d_->text + d_->dl_place->start, place_, strlen(place_)) == 0); \
		CHECK_INT(d_->dl_place->end - d_->dl_place->start, strlen(place_)); \
		CHECK_INT(d_->dl_place->tok_start, -1); \
		CHECK_INT(d_->dl_place->tok_end, -1); \
		CHECK_INT(d_->dl_place->prep, -1); \
	} \
	if (agency_) CHECK_STR(d_->dl_agency, (const char *)(agency_)); \
	else CHECK(d_->dl_agency == NULL); \
	CHECK_STR(date_str(d_), date_); \
	CHECK(strncmp(body(d_), body_, strlen(body_)) == 0); \
	cw_arena_free(d_->arena); \
} while (0)

#define NOT_DATELINE(cw_, text_) do { \
	curlew_doc *d_ = run(cw_, text_, NULL, "2023-09-20"); \
	CHECK_INT(d_->body_start, 0); \
	CHECK(d_->dl_place == NULL); \
	CHECK(d_->dl_agency == NULL); \
	CHECK_INT(d_->dl_date.y, 0); \
	if (d_->dl_place) fprintf(stderr, "  taken as a dateline: %s\n", text_); \
	cw_arena_free(d_->arena); \
} while (0)

static void test_examples(void)
{
	const curlew *cw = &bare;
	DATELINE(cw, "New York, 20 September 2023 (TDI): The Foreign Minister met.", NULL, NULL,
		 "New York", "TDI", "2023-09-20", "The Foreign Minister");
	DATELINE(cw, "WASHINGTON (AP) \xE2\x80\x94 The president said.", NULL, NULL,
		 "WASHINGTON", "AP", "none", "The president");
	DATELINE(cw, "BAKU, Sept 19 (Reuters) - Azerbaijan launched.", NULL, "2023-09-25",
		 "BAKU", "Reuters", "2023-09-19", "Azerbaijan launched");
	/* No reference date and no year: the date can't be placed in time. */
	DATELINE(cw, "BAKU, Sept 19 (Reuters) - Azerbaijan launched.", NULL, NULL,
		 "BAKU", "Reuters", "none", "Azerbaijan launched");
	/* The record's own date wins over --date as the reference. */
	DATELINE(cw, "LONDON, March 3 - Britain said.", "2024-03-05", "2023-01-01",
		 "LONDON", NULL, "2024-03-03", "Britain said");
	DATELINE(cw, "KYIV, Ukraine (AP) \xE2\x80\x94 Russian drones struck.", NULL, NULL,
		 "KYIV", "AP", "none", "Russian drones");
	DATELINE(cw, "UNITED NATIONS, Sept. 19 (Xinhua) -- The council met.", NULL, "2023-09-20",
		 "UNITED NATIONS", "Xinhua", "2023-09-19", "The council met");
	DATELINE(cw, "BEIRUT \xE2\x80\x94 Lebanese officials said.", NULL, NULL,
		 "BEIRUT", NULL, "none", "Lebanese officials");
}

static void test_variants(void)
{
	const curlew *cw = &bare;
	DATELINE(cw, "WASHINGTON, September 19, 2023 (AP) \xE2\x80\x94 Officials said.", NULL, NULL,
		 "WASHINGTON", "AP", "2023-09-19", "Officials said");
	DATELINE(cw, "KYIV, Ukraine, Sept 19 (AP) - Drones struck.", NULL, "2023-09-30",
		 "KYIV", "AP", "2023-09-19", "Drones struck");
	DATELINE(cw, "\n  MOSCOW (Reuters) - Russia said.", NULL, NULL,
		 "MOSCOW", "Reuters", "none", "Russia said");
	DATELINE(cw, "Yerevan, 19 September 2023 (TDI):\n\nArmenia protested.", NULL, NULL,
		 "Yerevan", "TDI", "2023-09-19", "Armenia protested");
	DATELINE(cw, "BERLIN (dpa) Germany said on Monday.", NULL, NULL,
		 "BERLIN", "dpa", "none", "Germany said");
	DATELINE(cw, "LONDON, Tuesday (Reuters) - Britain said.", NULL, NULL,
		 "LONDON", "Reuters", "none", "Britain said");
	DATELINE(cw, "Rio de Janeiro, 2023-09-20 (AFP) - Brazil said.", NULL, NULL,
		 "Rio de Janeiro", "AFP", "2023-09-20", "Brazil said");
	/* After a headline and a byline, which are then not body. */
	DATELINE(cw, "Mali expels UN envoy\n\nBy our correspondent \xC2\xB7 12 June 2024\n\n"
		 "BAMAKO, June 12 (Sahel Daily) - Mali expelled the envoy.", NULL, NULL,
		 "BAMAKO", "Sahel Daily", "none", "Mali expelled");
	DATELINE(cw, "PORT-AU-PRINCE\xE2\x80\x94Haitian police said.", NULL, NULL,
		 "PORT-AU-PRINCE", NULL, "none", "Haitian police");
	DATELINE(cw, "\xC5\x81\xC3\x93" "D\xC5\xB9, Sept 19 (PAP) - Poland said.", NULL, "2023-09-20",
		 "\xC5\x81\xC3\x93" "D\xC5\xB9", "PAP", "2023-09-19", "Poland said");
}

static void test_not_datelines(void)
{
	const curlew *cw = &bare;
	NOT_DATELINE(cw, "Israel, the US and the EU said on Monday that talks would resume.");
	NOT_DATELINE(cw, "Azerbaijan, Armenia and Russia met in Moscow.");
	NOT_DATELINE(cw, "On Tuesday, the ministers met in Brussels.");
	NOT_DATELINE(cw, "The Foreign Minister of Azerbaijan, Jeyhun Bayramov met the envoy.");
	NOT_DATELINE(cw, "Hamas (the Islamic Resistance Movement) said it would fight.");
	NOT_DATELINE(cw, "BREAKING: Azerbaijan launches an operation.");
	NOT_DATELINE(cw, "BREAKING \xE2\x80\x94 Azerbaijan launches an operation.");
	NOT_DATELINE(cw, "NATO \xE2\x80\x94 the alliance said it was ready.");
	NOT_DATELINE(cw, "Sources: Azerbaijan has launched an operation.");
	NOT_DATELINE(cw, "President Aliyev: We will restore order.");
	NOT_DATELINE(cw, "Beirut \xE2\x80\x94 Lebanese officials said.");   /* unknown without a gazetteer */
	NOT_DATELINE(cw, "In 2023 - a hard year - prices rose.");
	NOT_DATELINE(cw, "Armenia - Azerbaijan peace talks stall.");
	NOT_DATELINE(cw, "Also read: Pakistan condemns so-called elections.");
	NOT_DATELINE(cw, "WASHINGTON (AP)");
	NOT_DATELINE(cw, "The Very Long Named Place Of Many Words, Sept 19 (AP) - Text.");
	/* A headline before an ordinary paragraph stays; so does a first
	 * sentence before a dateline-like second one. */
	NOT_DATELINE(cw, "Talks collapse\n\nIsrael, the US and the EU said talks would resume.");
	NOT_DATELINE(cw, "Talks collapsed on Monday.\nLONDON (Reuters) - Britain said.");
	NOT_DATELINE(cw, "");
	NOT_DATELINE(cw, "   ");
	/* A dateline must end near the start of the story. */
	char far[400];
	memset(far, 'x', sizeof far);
	memcpy(far, "LONDON, March 3 (Reuters", 24);
	memcpy(far + 300, ") - Text.", 10);
	NOT_DATELINE(cw, far);
}

static void test_with_gazetteer(void)
{
	/* Only what the dateline needs: countries and the gazetteer. */
	static struct curlew g;
	curlew *cw = &g;
	char err[400] = "";
	cw_place probe;
	g.data_dir = "data";
	if (cw_countries_load(&g.countries, "data", err, sizeof err) != 0 ||
	    cw_places_load(&g.places, cw, err, sizeof err) != 0 ||
	    cw_place_lookup(cw, "Beirut", &probe) != 0) {
		printf("test_dateline: gazetteer checks skipped (%s)\n", *err ? err : "Beirut unknown");
		cw_places_free(g.places);
		cw_countries_free(g.countries);
		return;
	}
	curlew_doc *doc = run(cw, "Beirut \xE2\x80\x94 Lebanese officials said.", NULL, NULL);
	CHECK(doc->dl_place != NULL);
	if (doc->dl_place) {
		CHECK_STR(doc->dl_place->text, "Beirut");
		CHECK_STR(doc->dl_place->country, "LBN");
	}
	cw_arena_free(doc->arena);

	doc = run(cw, "New York, 20 September 2023 (TDI): The Foreign Minister met.", NULL, NULL);
	CHECK(doc->dl_place != NULL);
	if (doc->dl_place) {
		CHECK_STR(doc->dl_place->text, "New York");
		CHECK_STR(doc->dl_place->country, "USA");
		CHECK(doc->dl_place->has_coord);
	}
	cw_arena_free(doc->arena);

	doc = run(cw, "KYIV, Ukraine (AP) \xE2\x80\x94 Drones struck.", NULL, NULL);
	if (doc->dl_place)
		CHECK_STR(doc->dl_place->country, "UKR");
	cw_arena_free(doc->arena);

	/* Issue 11: every all-caps dateline the world gazetteer knows, with its
	 * region ("Ky.", "Pakistan") resolved and kept as a place of its own. */
	doc = run(cw, "LONDON, Ky. (AP) - A tornado hit.", NULL, NULL);
	CHECK(doc->dl_place && !strcmp(doc->dl_place->country, "USA"));
	CHECK(doc->dl_region && doc->dl_region->name && !strcmp(doc->dl_region->name, "Kentucky"));
	cw_arena_free(doc->arena);
	doc = run(cw, "SOUTH WAZIRISTAN, Pakistan (Reuters) - Militants attacked.", NULL, NULL);
	CHECK(doc->dl_place && !strcmp(doc->dl_place->country, "PAK"));
	CHECK(doc->dl_region && !strcmp(doc->dl_region->country, "PAK"));
	cw_arena_free(doc->arena);
	static const char *const caps[][2] = {
		{ "WINNIPEG - Police charged a man.", "CAN" },
		{ "GAZA CITY (Reuters) - Troops fired.", "PSE" },
		{ "BOGOTA (Reuters) - Rebels attacked.", "COL" },
		{ "PORT-AU-PRINCE (Reuters) - Gangs stormed a prison.", "HTI" },
		{ "SANAA, Yemen (Reuters) - Jets struck.", "YEM" },
	};
	for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
		doc = run(cw, caps[i][0], NULL, NULL);
		CHECK(doc->dl_place != NULL);
		if (doc->dl_place)
			CHECK_STR(doc->dl_place->country, caps[i][1]);
		cw_arena_free(doc->arena);
	}
	/* A year-less dateline takes the year of the record's timestamp,
	 * rolling back over New Year. */
	doc = run(cw, "KYIV, Dec. 31 (Reuters) - Drones struck.", "2024-01-01T02:00:00Z", NULL);
	CHECK_STR(date_str(doc), "2023-12-31");
	cw_arena_free(doc->arena);
	doc = run(cw, "KYIV, March 3 (Reuters) - Drones struck.", "2024-03-05T09:12:00Z", NULL);
	CHECK_STR(date_str(doc), "2024-03-03");
	cw_arena_free(doc->arena);

	/* Unknown place, still a dateline: country left empty. */
	doc = run(cw, "ZZYZXVILLE, Sept 19 (AP) - Nothing happened.", NULL, NULL);
	CHECK(doc->dl_place != NULL);
	if (doc->dl_place)
		CHECK_STR(doc->dl_place->country, "");
	cw_arena_free(doc->arena);
	cw_places_free(g.places);
	cw_countries_free(g.countries);
}

int main(void)
{
	test_examples();
	test_variants();
	test_not_datelines();
	test_with_gazetteer();
	return check_done("test_dateline");
}
