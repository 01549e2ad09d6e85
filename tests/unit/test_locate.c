/*
 * test_locate.c -- the event-location stage (locate.c), through the whole
 * pipeline: where an event happened is decided from the words around its
 * trigger, which only the earlier stages supply.  Each row is a story, the
 * trigger of the event to look at and the place it must be given.
 */
#include <string.h>
#include "check.h"
#include "curlew.h"

typedef struct row {
	const char *why;
	const char *text;
	const char *trigger;     /* the event's trigger starts with this */
	const char *place;       /* its location's text */
	const char *country;     /* NULL: none (a sea) */
} row;

static const row rows[] = {
	{ "a place that only qualifies a noun is not where the event was",
	  "BRUSSELS (Reuters) - The European Union imposed new sanctions on Russia over the war "
	  "in Ukraine on Friday.", "imposed", "BRUSSELS", "BEL" },
	{ "a material act's own words span its place",
	  "BAMAKO (Reuters) - Malian troops and Russian mercenaries seized Kidal, a stronghold of "
	  "Tuareg separatists in northern Mali, the army said on Tuesday.", "seized", "Kidal", "MLI" },
	{ "a possessive says whose the building is, not where it stands",
	  "QUITO (Reuters) - Ecuadorean police stormed Mexico's embassy in Quito late on Friday.",
	  "stormed", "Quito", "ECU" },
	{ "the outskirts of X are in X",
	  "ISTANBUL (Reuters) - Militants attacked the headquarters of Turkey's state aerospace "
	  "company on the outskirts of Ankara on Wednesday.", "attacked", "Ankara", "TUR" },
	{ "a possessive is the place when the sentence names no other",
	  "KYIV (Reuters) - Russian missiles struck Ukraine's energy grid on Monday.", "struck",
	  "Ukraine", "UKR" },
	{ "a place in apposition to an actor is still the target place",
	  "BEIRUT (Reuters) - Hezbollah fired rockets at Haifa, the Israeli military said.",
	  "fired", "Haifa", "ISR" },
	{ "\"the city\" points back to the story's setting, not to the dateline",
	  "YAOUNDE (Reuters) - Separatist fighters kidnapped a local official in Bamenda on Monday. "
	  "Troops later raided several neighbourhoods of the city.", "raided", "Bamenda", "CMR" },
	{ "\"the city of X\" names its own place",
	  "YAOUNDE (Reuters) - Separatist fighters kidnapped a local official in Bamenda on Monday. "
	  "Troops later raided the city of Buea.", "raided", "Buea", "CMR" },
	/* issue 11, third round (tests/places ev-* stories) */
	{ "\"about\" before a number rounds it, it opens no topic",
	  "EL PASO, Texas (AP) - Mexican police detained about 200 migrants in Ciudad Juarez on "
	  "Friday.", "detained", "Ciudad Juarez", "MEX" },
	{ "a place owned by a country takes the country's preposition",
	  "ISLAMABAD (Reuters) - Pakistani jets struck militant hideouts in Afghanistan's Khost "
	  "province on Monday, killing eight people.", "jets struck", "Khost province", "AFG" },
	{ "a list of places owned by a country is in that country",
	  "ISLAMABAD (Reuters) - Pakistani jets struck militant hideouts in Afghanistan's Khost "
	  "and Paktika provinces on Monday, killing eight people.", "jets struck", "Afghanistan",
	  "AFG" },
	{ "a country narrowed at once by a town inside it is the town",
	  "NIAMEY (Reuters) - Gunmen killed two soldiers in Benin near Malanville, a town on the "
	  "border with Niger, officials said on Wednesday.", "killed", "Malanville", "BEN" },
	{ "a visit is where the visitor goes",
	  "SEOUL (Reuters) - Russian President Vladimir Putin visited North Korea on Wednesday for "
	  "the first time in 24 years.", "visited", "North Korea", "PRK" },
	{ "a statement by the dateline's own country is made at the desk, not abroad",
	  "NAIROBI (Reuters) - Al Shabaab fighters attacked an army base near Beledweyne on Monday, "
	  "killing five soldiers. Kenya's foreign ministry condemned the attack.", "condemned",
	  "NAIROBI", "KEN" },
	{ "a capital as the speaker is no place, its country is the desk's",
	  "SEOUL (Reuters) - Vladimir Putin signed a defence pact with Kim Jong Un in Pyongyang "
	  "on Wednesday. Seoul condemned the agreement.", "condemned", "SEOUL", "KOR" },
	{ "the place that owns the speaker gives the speaker's country",
	  "CHENNAI (Reuters) - The Sri Lankan navy arrested 20 Indian fishermen near Jaffna on "
	  "Saturday. Tamil Nadu's chief minister urged the federal government to secure their "
	  "release.", "urged", "CHENNAI", "IND" },
	{ "what a statement demands is its topic, even in its own words",
	  "GENEVA (Reuters) - U.N. human rights chief Volker Turk accused both sides in Sudan's "
	  "war of atrocities in Darfur on Friday.", "accused", "GENEVA", "CHE" },
	{ "a place that begins inside a material act's words is its place",
	  "CAIRO (Reuters) - Israeli forces seized the Gaza Strip side of the Rafah crossing with "
	  "Egypt on Tuesday.", "seized", "Gaza Strip", "PSE" },
	{ "\"the capital\" with no name after it is the dateline's city",
	  "KYIV (Reuters) - President Volodymyr Zelenskiy met Joe Biden at the White House in "
	  "Washington on Tuesday. Hours earlier Russian missiles hit the capital, injuring 53 people.",
	  "hit", "KYIV", "UKR" },
	{ "a place after another verb is that verb's, not a relations act's",
	  "MEXICO CITY (Reuters) - Mexico severed diplomatic ties with Ecuador after police stormed "
	  "its embassy in Quito on Friday.", "severed", "MEXICO CITY", "MEX" },
	/* issue 11, fourth round (tests/places nx-* stories) */
	{ "\"most of X\" is still the object of a material act",
	  "ISTANBUL (Reuters) - Syrian rebels seized most of Aleppo on Saturday after a lightning "
	  "offensive, a war monitor said.", "seized", "Aleppo", "SYR" },
	{ "a sentence with no place goes on where the last one's act was",
	  "QUITO (Reuters) - Masked gunmen stormed a television station in Guayaquil on Tuesday. "
	  "Police arrested 13 people at the station, officials said.", "arrested", "Guayaquil",
	  "ECU" },
	{ "an agreement is signed where the signers are, not at the desk",
	  "PARIS (Reuters) - French President Emmanuel Macron signed trade deals worth 10 billion "
	  "euros in Rabat on Tuesday during a state visit to Morocco.", "signed", "Rabat", "MAR" },
	{ "a statement made at a summit is made where the summit is",
	  "BRASILIA (Reuters) - Brazilian President Luiz Inacio Lula da Silva criticised Israel at "
	  "an African Union summit in Addis Ababa on Sunday.", "criticised", "Addis Ababa", "ETH" },
	{ "\"on an island in X\": \"on\" is no topic for a material act",
	  "NDJAMENA (Reuters) - Boko Haram fighters attacked an army base on an island in Lake Chad "
	  "on Sunday night, killing 40 soldiers.", "attacked", "Lake Chad", NULL },
	{ "a statement in a region is made at the dateline's city inside it",
	  "ATLANTA (AP) - Election officials in Georgia said on Wednesday that counting was nearly "
	  "complete.", "said", "ATLANTA", "USA" },
	{ "\"the Andean city of X\": a name-adjective before the city word",
	  "CARACAS (Reuters) - Venezuelan security forces arrested student leaders in the Andean "
	  "city of Merida on Wednesday.", "arrested", "Merida", "VEN" },
	{ "a material act lands where \"into\" says",
	  "ISLAMABAD (Reuters) - Pakistani troops fired artillery into Afghanistan's Kunar province "
	  "on Monday after militants attacked a border post.", "fired", "Kunar province", "AFG" },
	{ "a place owned by a country, in a region, takes the country's preposition",
	  "BISHKEK (Reuters) - Kyrgyz and Tajik troops clashed along the border in Kyrgyzstan's "
	  "Batken region on Friday, killing at least 24 people, officials said.", "clashed",
	  "Batken region", "KGZ" },
	{ "a material act's place after a topic word is still its place",
	  "LAGOS (Reuters) - Police fired tear gas at hundreds of people protesting against fuel "
	  "prices in Abuja on Thursday.", "fired", "Abuja", "NGA" },
	{ "a protest over something is where it was held",
	  "MADRID (Reuters) - Thousands of farmers protested over European Union rules in Seville "
	  "on Tuesday.", "protested", "Seville", "ESP" },
	{ "a city named in a sentence without events is the setting of a later one naming none",
	  "KINSHASA (Reuters) - Fighting reached the outskirts of Goma on Sunday. On Monday the "
	  "rebels seized the airport, a United Nations source said.", "seized", "Goma", "COD" },
	{ "a line of no country, then a place in a country: the place",
	  "SRINAGAR (Reuters) - Pakistani troops shelled villages across the Line of Control in "
	  "Poonch district on Wednesday.", "shelled", "Poonch district", "IND" },
	{ "a planned visit is placed at its destination",
	  "DOHA (Reuters) - Blinken met the Qatari prime minister in Doha on Wednesday. Blinken "
	  "was due to visit Israel later in the day.", "visit", "Israel", "ISR" },
	{ "\"the city\" points back to the city its sentence named before it",
	  "ISTANBUL (Reuters) - Turkish authorities removed the mayor of Van on Friday, and police "
	  "fired tear gas at hundreds of protesters in the city.", "fired", "Van", "TUR" },
	/* issue 11, sixth round (tests/places sx-* stories) */
	{ "a partner phrase closes a topic: the place after it is the act's",
	  "SEOUL (Reuters) - South Korea's president signed agreements on energy with "
	  "Kazakhstan's president in Almaty on Wednesday.", "signed", "Almaty", "KAZ" },
	{ "Luxembourg from Brussels is the country, not Belgium's smaller province",
	  "BRUSSELS (Reuters) - European Union foreign ministers meeting in Luxembourg imposed new "
	  "sanctions on Iran on Monday.", "imposed", "Luxembourg", "LUX" },
	{ "a country inside an organisation's name is not where the act was",
	  "KARACHI (Reuters) - Gunmen attacked the Pakistan Stock Exchange building in Karachi on "
	  "Monday.", "attacked", "Karachi", "PAK" },
	{ "a club's fans are not a place",
	  "ROME (Reuters) - Police clashed with Napoli fans outside a stadium in Milan on Sunday.",
	  "clashed", "Milan", "ITA" },
	{ "an act of violence \"over\" a place was done there",
	  "DUBAI (Reuters) - An American destroyer shot down an anti-ship missile over the Red Sea "
	  "on Friday.", "shot", "Red Sea", NULL },
	{ "a protest \"over\" a place is about it",
	  "LONDON (Reuters) - Thousands of students protested over Gaza on Monday.", "protested",
	  "LONDON", "GBR" },
};

static void check_row(const curlew *cw, const row *r)
{
	curlew_story st = { .id = "t", .text = r->text, .len = strlen(r->text), .date = "2024-03-15" };
	curlew_doc *doc = NULL;
	CHECK_INT(curlew_code(cw, &st, NULL, &doc), CURLEW_OK);
	int found = 0;
	for (size_t i = 0; doc && i < curlew_doc_nevents(doc); i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		if (curlew_doc_event(doc, i, &e) != CURLEW_OK || !e.trigger.text ||
		    strncmp(e.trigger.text, r->trigger, strlen(r->trigger)))
			continue;
		found = 1;
		int cc_ok = r->country ? e.location.country && !strcmp(e.location.country, r->country)
				       : !e.location.country || !e.location.country[0];
		if (!e.location.text || strcmp(e.location.text, r->place) || !cc_ok) {
			fprintf(stderr, "test_locate: %s: \"%s\" placed at %s (%s), want %s (%s)\n", r->why,
				r->trigger, e.location.text ? e.location.text : "nothing",
				e.location.country ? e.location.country : "-", r->place,
				r->country ? r->country : "-");
			CHECK(0);
		}
		break;
	}
	if (!found) {
		fprintf(stderr, "test_locate: %s: no event \"%s\" coded\n", r->why, r->trigger);
		CHECK(0);
	}
	curlew_doc_free(doc);
}

int main(void)
{
	curlew *cw = NULL;
	if (curlew_open(&cw, NULL) != CURLEW_OK) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return 1;
	}
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		check_row(cw, &rows[i]);
	curlew_close(cw);
	return check_done("test_locate");
}
