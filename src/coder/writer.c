/*
 * writer.c -- event records out: JSON lines (the contract's default), TSV
 * for spreadsheets, R and pandas, and PLOVER-style JSON.
 *
 * Every string goes through one escaper per format, so that output stays
 * valid whatever bytes a story holds: the text was checked as UTF-8 on the
 * way in, and control characters are escaped here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio_ext.h>
#include <string.h>
#include <math.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "coder.h"
#include "util/fault.h"

/* A string or JSON null. */
static void json_cstr(FILE *f, const char *s)
{
	if (s)
		cw_json_str(f, s, strlen(s));
	else
		fputs("null", f);
}

/* TSV fields can't hold tabs or newlines: they are written as \t, \n, \r
 * and a backslash as \\, the convention readr and pandas understand with
 * escape settings, and which never breaks the column count.  Other control
 * characters become a space, and bytes that are not well-formed UTF-8
 * become U+FFFD, as in JSON.  Exported (not in coder.h) for
 * tests/unit/test_writer.c. */
void cw_tsv_str(FILE *f, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c >= 0x80) {
			size_t len = cw_utf8_seq(u + i, n - i);
			if (len) {
				fwrite(s + i, 1, len, f);
				i += len;
			} else {
				fputs("\xef\xbf\xbd", f);
				i++;
			}
			continue;
		}
		switch (c) {
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\\': fputs("\\\\", f); break;
		default:
			if (c < 0x20 || c == 0x7f)
				putc(' ', f);
			else
				putc(c, f);
		}
		i++;
	}
}

static void tsv_str(FILE *f, const char *s, size_t n)
{
	cw_tsv_str(f, s, n);
}

static void tsv_cstr(FILE *f, const char *s)
{
	if (s)
		tsv_str(f, s, strlen(s));
}

/* What fprintf(f, "%lld", v) writes (fprintf was a fifth of the
 * writer's time). */
static void put_int(FILE *f, long long v)
{
	char buf[24];
	fwrite(buf, 1, (size_t)(cw_put_int(buf, v, 1) - buf), f);
}

/* ,"start":S,"end":E as fprintf wrote it. */
static void put_span(FILE *f, size_t start, size_t end)
{
	fputs(",\"start\":", f);
	put_int(f, (long long)start);
	fputs(",\"end\":", f);
	put_int(f, (long long)end);
}

static void json_opt(FILE *f, const char *s)
{
	json_cstr(f, s);
}

static void json_num(FILE *f, const char *fmt, double v)
{
	if (isnan(v))
		fputs("null", f);
	else
		fprintf(f, fmt, v);
}

static void json_actor(FILE *f, const curlew_actor *a)
{
	if (!a->code) {
		fputs("null", f);
		return;
	}
	fputs("{\"code\":", f);
	json_cstr(f, a->code);
	fputs(",\"country\":", f);
	json_cstr(f, a->country);
	fputs(",\"sectors\":[", f);
	for (size_t i = 0; i < a->nsectors; i++) {
		if (i)
			putc(',', f);
		json_cstr(f, a->sectors[i]);
	}
	fputs("],\"text\":", f);
	json_cstr(f, a->text);
	put_span(f, a->start, a->end);
	putc('}', f);
}

/* An event's location: the place's words, country, point, and what kind of
 * place it is (feature) and how precise the point is (precision). */
static void json_location(FILE *f, const curlew_location *p)
{
	if (!p->text) {
		fputs("null", f);
		return;
	}
	fputs("{\"text\":", f);
	json_cstr(f, p->text);
	fputs(",\"country\":", f);
	json_cstr(f, p->country);
	fputs(",\"lat\":", f);
	json_num(f, "%.4f", p->lat);
	fputs(",\"lon\":", f);
	json_num(f, "%.4f", p->lon);
	fputs(",\"admin1\":", f);
	json_cstr(f, p->admin1);
	fputs(",\"feature\":", f);
	json_cstr(f, p->feature);
	fputs(",\"precision\":", f);
	json_cstr(f, p->precision);
	putc('}', f);
}

/* The input's provenance, where it gave any: the JSON records of stories
 * without it stay as they were. */
static void json_provenance(FILE *f, const curlew_event *e)
{
	static const char *const keys[] = { "url", "title", "publisher" };
	const char *vals[] = { e->url, e->title, e->publisher };
	for (int i = 0; i < 3; i++) {
		if (!vals[i])
			continue;
		fprintf(f, ",\"%s\":", keys[i]);
		json_cstr(f, vals[i]);
	}
}

/* --format places: one record per place mention, dateline first. */
static void write_place(FILE *f, const curlew_place *p)
{
	fputs("{\"story_id\":", f);
	json_cstr(f, p->story_id);
	fputs(",\"sentence\":", f);
	put_int(f, p->sentence);
	fputs(",\"text\":", f);
	json_cstr(f, p->text);
	put_span(f, p->start, p->end);
	fputs(",\"name\":", f);
	json_cstr(f, p->name);
	fputs(",\"lat\":", f);
	json_num(f, "%.4f", p->lat);
	fputs(",\"lon\":", f);
	json_num(f, "%.4f", p->lon);
	fputs(",\"country\":", f);
	json_cstr(f, p->country);
	fputs(",\"admin1\":", f);
	json_cstr(f, p->admin1);
	fputs(",\"feature\":", f);
	json_cstr(f, p->feature);
	fputs(",\"geonameid\":", f);
	if (p->geonameid)
		put_int(f, p->geonameid);
	else
		fputs("null", f);
	fputs(",\"population\":", f);
	put_int(f, p->population);
	fputs("}\n", f);
}

static void write_jsonl_event(FILE *f, const curlew_event *e)
{
	fputs("{\"event_id\":", f);
	json_cstr(f, e->event_id);
	fputs(",\"story_id\":", f);
	json_cstr(f, e->story_id);
	fputs(",\"sentence\":", f);
	put_int(f, e->sentence);
	fputs(",\"sentence_text\":", f);
	json_cstr(f, e->sentence_text);
	fputs(",\"date\":", f);
	json_cstr(f, e->date);
	fputs(",\"date_precision\":", f);
	json_cstr(f, e->date_precision);
	fputs(",\"source\":", f);
	json_actor(f, &e->source);
	fputs(",\"target\":", f);
	json_actor(f, &e->target);
	fputs(",\"cameo\":", f);
	json_cstr(f, e->cameo);
	if (e->quad_class) {
		fputs(",\"quad_class\":", f);
		put_int(f, e->quad_class);
		fprintf(f, ",\"goldstein\":%.1f", e->goldstein);
		fputs(",\"plover\":{\"event\":", f);
		json_cstr(f, e->plover.event);
		fputs(",\"mode\":", f);
		json_cstr(f, e->plover.mode);
		fputs(",\"context\":", f);
		json_cstr(f, e->plover.context);
		putc('}', f);
	} else {
		fputs(",\"quad_class\":null,\"goldstein\":null,\"plover\":null", f);
	}
	fputs(",\"location\":", f);
	json_location(f, &e->location);
	fputs(",\"trigger\":{\"text\":", f);
	json_cstr(f, e->trigger.text);
	put_span(f, e->trigger.start, e->trigger.end);
	fputs("},\"rule\":", f);
	json_cstr(f, e->rule ? e->rule : "");
	fputs(",\"confidence\":", f);
	json_num(f, "%.2f", e->confidence);
	json_provenance(f, e);
	fputs("}\n", f);
}

static const char *tsv_columns =
	"event_id\tstory_id\tsentence\tsentence_text\tdate\tdate_precision\t"
	"source_code\tsource_country\tsource_sectors\tsource_text\tsource_start\tsource_end\t"
	"target_code\ttarget_country\ttarget_sectors\ttarget_text\ttarget_start\ttarget_end\t"
	"cameo\troot\tquad_class\tgoldstein\tplover_event\tplover_mode\tplover_context\t"
	"location_text\tlocation_country\tlocation_lat\tlocation_lon\t"
	"location_admin1\tlocation_feature\tlocation_precision\t"
	"trigger_text\ttrigger_start\ttrigger_end\trule\tconfidence\turl\ttitle\tpublisher\n";

/* A field and the tab after it (none after the last of a line). */
static void tsv_field(FILE *f, const char *s)
{
	tsv_cstr(f, s);
	putc('\t', f);
}

static void tsv_num(FILE *f, const char *fmt, double v)
{
	if (!isnan(v))
		fprintf(f, fmt, v);
	putc('\t', f);
}

static void tsv_sectors(FILE *f, const curlew_actor *a, char sep)
{
	for (size_t i = 0; i < a->nsectors; i++) {
		if (i)
			putc(sep, f);
		tsv_cstr(f, a->sectors[i]);
	}
	putc('\t', f);
}

static void tsv_actor(FILE *f, const curlew_actor *a)
{
	if (!a->code) {
		fputs("\t\t\t\t\t\t", f);
		return;
	}
	tsv_field(f, a->code);
	tsv_field(f, a->country);
	tsv_sectors(f, a, ';');
	tsv_field(f, a->text);
	fprintf(f, "%zu\t%zu\t", a->start, a->end);
}

static void tsv_location(FILE *f, const curlew_location *p)
{
	if (!p->text) {
		fputs("\t\t\t\t\t\t\t", f);
		return;
	}
	tsv_field(f, p->text);
	tsv_field(f, p->country);
	tsv_num(f, "%.4f", p->lat);
	tsv_num(f, "%.4f", p->lon);
	tsv_field(f, p->admin1);
	tsv_field(f, p->feature);
	tsv_field(f, p->precision);
}

static void write_tsv_event(FILE *f, const curlew_event *e)
{
	tsv_field(f, e->event_id);
	tsv_field(f, e->story_id);
	fprintf(f, "%d\t", e->sentence);
	tsv_field(f, e->sentence_text);
	tsv_field(f, e->date);
	tsv_field(f, e->date_precision);
	tsv_actor(f, &e->source);
	tsv_actor(f, &e->target);
	tsv_field(f, e->cameo);
	tsv_field(f, e->root);
	if (e->quad_class) {
		fprintf(f, "%d\t%.1f\t", e->quad_class, e->goldstein);
		tsv_field(f, e->plover.event);
		tsv_field(f, e->plover.mode);
		tsv_field(f, e->plover.context);
	} else {
		fputs("\t\t\t\t\t", f);
	}
	tsv_location(f, &e->location);
	tsv_field(f, e->trigger.text);
	fprintf(f, "%zu\t%zu\t", e->trigger.start, e->trigger.end);
	tsv_field(f, e->rule);
	tsv_num(f, "%.2f", e->confidence);
	tsv_field(f, e->url);
	tsv_field(f, e->title);
	tsv_cstr(f, e->publisher);
	putc('\n', f);
}

/* --format plover: the PLOVER/POLECAT event record.  Actors as name,
 * code, country and type (the first sector), the event type, mode and
 * contexts (a list) of the PLOVER ontology, the intensity on the Goldstein
 * scale as POLECAT gives it, and the coded text and provenance alongside.
 * Events whose code has no PLOVER category (statements, 010-017) are not
 * written, as POLECAT does not code them. */
static void plover_actor(FILE *f, const char *prefix, const curlew_actor *a)
{
	fprintf(f, ",\"%s\":", prefix);
	json_cstr(f, a->code ? a->text : NULL);
	fprintf(f, ",\"%s_code\":", prefix);
	json_cstr(f, a->code);
	fprintf(f, ",\"%s_country\":", prefix);
	json_cstr(f, a->country);
	fprintf(f, ",\"%s_type\":", prefix);
	json_cstr(f, a->nsectors ? a->sectors[0] : NULL);
}

static void json_list(FILE *f, const char *semi)
{
	putc('[', f);
	for (const char *p = semi; p && *p;) {
		size_t n = strcspn(p, ";");
		if (p != semi)
			putc(',', f);
		cw_json_str(f, p, n);
		p += n + (p[n] == ';');
	}
	putc(']', f);
}

static void write_plover_event(FILE *f, const curlew_event *e)
{
	if (!e->plover.event)
		return;
	fputs("{\"id\":", f);
	json_cstr(f, e->event_id);
	fputs(",\"date\":", f);
	json_cstr(f, e->date);
	fputs(",\"event_type\":", f);
	json_cstr(f, e->plover.event);
	fputs(",\"mode\":", f);
	json_cstr(f, e->plover.mode);
	fputs(",\"context\":", f);
	json_list(f, e->plover.context);
	fputs(",\"intensity\":", f);
	json_num(f, "%.1f", e->goldstein);
	fprintf(f, ",\"quad_class\":%d", e->quad_class);
	plover_actor(f, "actor", &e->source);
	plover_actor(f, "recipient", &e->target);
	fputs(",\"location\":", f);
	json_location(f, &e->location);
	fputs(",\"cameo\":", f);
	json_cstr(f, e->cameo);
	fputs(",\"story_id\":", f);
	json_cstr(f, e->story_id);
	fputs(",\"text\":", f);
	json_cstr(f, e->sentence_text);
	fputs(",\"confidence\":", f);
	json_num(f, "%.2f", e->confidence);
	fputs(",\"url\":", f);
	json_opt(f, e->url);
	fputs(",\"title\":", f);
	json_opt(f, e->title);
	fputs(",\"publisher\":", f);
	json_opt(f, e->publisher);
	fputs("}\n", f);
}

/* --format gdelt: the 61 columns of the GDELT 2.0 event table in its
 * order (README, "Formats", names each against the codebook), then
 * curlew's SOURCETITLE and SOURCECOMMONNAME (the publisher). */
static const char *gdelt_columns =
	"GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate\t"
	"Actor1Code\tActor1Name\tActor1CountryCode\tActor1KnownGroupCode\tActor1EthnicCode\t"
	"Actor1Religion1Code\tActor1Religion2Code\tActor1Type1Code\tActor1Type2Code\tActor1Type3Code\t"
	"Actor2Code\tActor2Name\tActor2CountryCode\tActor2KnownGroupCode\tActor2EthnicCode\t"
	"Actor2Religion1Code\tActor2Religion2Code\tActor2Type1Code\tActor2Type2Code\tActor2Type3Code\t"
	"IsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\t"
	"NumMentions\tNumSources\tNumArticles\tAvgTone\t"
	"Actor1Geo_Type\tActor1Geo_FullName\tActor1Geo_CountryCode\tActor1Geo_ADM1Code\t"
	"Actor1Geo_ADM2Code\tActor1Geo_Lat\tActor1Geo_Long\tActor1Geo_FeatureID\t"
	"Actor2Geo_Type\tActor2Geo_FullName\tActor2Geo_CountryCode\tActor2Geo_ADM1Code\t"
	"Actor2Geo_ADM2Code\tActor2Geo_Lat\tActor2Geo_Long\tActor2Geo_FeatureID\t"
	"ActionGeo_Type\tActionGeo_FullName\tActionGeo_CountryCode\tActionGeo_ADM1Code\t"
	"ActionGeo_ADM2Code\tActionGeo_Lat\tActionGeo_Long\tActionGeo_FeatureID\t"
	"DATEADDED\tSOURCEURL\tSOURCETITLE\tSOURCECOMMONNAME\n";

static void gdelt_actor(FILE *f, const curlew_actor *a)
{
	tsv_field(f, a->code);
	tsv_field(f, a->code ? a->text : NULL);
	tsv_field(f, a->country);
	fputs("\t\t\t\t", f);          /* known group, ethnic, two religions */
	for (size_t i = 0; i < 3; i++)
		tsv_field(f, i < a->nsectors ? a->sectors[i] : NULL);
}

/* GDELT's geographic resolution: 1 country, 2 US state, 3 US city,
 * 4 world city, 5 world state (first-level region); none for a sea or a
 * region wider than a country.  Read from the point's precision, so that
 * a place known only to its region ("Gaza") is a state. */
static int gdelt_geo_type(const curlew_location *p)
{
	int us = p->country && strcmp(p->country, "USA") == 0;
	if (!p->precision)
		return 0;
	if (strcmp(p->precision, "country") == 0)
		return 1;
	if (strcmp(p->precision, "admin1") == 0)
		return us ? 2 : 5;
	if (strcmp(p->precision, "city") == 0)
		return us ? 3 : 4;
	return 0;
}

/* "Kharkiv, Kharkivska oblast, Ukraine", as GDELT spells a place out. */
static void gdelt_full_name(FILE *f, const curlew *cw, const curlew_location *p)
{
	const char *country = curlew_country_name(cw, p->country);
	tsv_cstr(f, p->text);
	if (p->admin1 && strcmp(p->admin1, p->text) != 0) {
		fputs(", ", f);
		tsv_cstr(f, p->admin1);
	}
	if (country && strcmp(country, p->text) != 0) {
		fputs(", ", f);
		tsv_cstr(f, country);
	}
	putc('\t', f);
}

/* GDELT's FractionDate: the year plus the share of it gone before the
 * day (1 January is .0000, 31 December .9973). */
static double fraction_date(int y, int m, int d)
{
	static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int doy = before[m - 1] + d + (leap && m > 2);
	return y + (doy - 1) / (leap ? 366.0 : 365.0);
}

static void write_gdelt_event(FILE *f, const curlew *cw, const curlew_event *e,
			      const char *added)
{
	tsv_field(f, e->event_id);
	int y, m, d;
	if (e->date && sscanf(e->date, "%d-%d-%d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		fprintf(f, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
			fraction_date(y, m, d));
	else
		fputs("\t\t\t\t", f);
	gdelt_actor(f, &e->source);
	gdelt_actor(f, &e->target);
	/* IsRootEvent: GDELT's "in the lead paragraph", here the first sentence */
	fprintf(f, "%d\t", e->sentence == 1);
	tsv_field(f, e->cameo);
	fprintf(f, "%.3s\t", e->cameo);
	tsv_field(f, e->root);
	if (e->quad_class)
		fprintf(f, "%d\t%.1f\t", e->quad_class, e->goldstein);
	else
		fputs("\t\t", f);
	fputs("\t\t\t\t", f);                  /* mentions, sources, articles, tone */
	fputs("\t\t\t\t\t\t\t\t", f);          /* Actor1Geo_* */
	fputs("\t\t\t\t\t\t\t\t", f);          /* Actor2Geo_* */
	const curlew_location *p = &e->location;
	if (p->text) {
		int type = gdelt_geo_type(p);
		if (type)
			fprintf(f, "%d", type);
		putc('\t', f);
		gdelt_full_name(f, cw, p);
		tsv_field(f, p->country);
		fputs("\t\t", f);              /* ADM1 and ADM2 codes (FIPS) */
		tsv_num(f, "%.4f", p->lat);
		tsv_num(f, "%.4f", p->lon);
		putc('\t', f);                 /* feature id */
	} else {
		fputs("\t\t\t\t\t\t\t\t", f);
	}
	tsv_field(f, added);
	tsv_field(f, e->url);
	tsv_field(f, e->title);
	tsv_cstr(f, e->publisher);
	putc('\n', f);
}

/* --format icews: the columns of the ICEWS coded event data in its order,
 * then curlew's actor codes, title and URL, which ICEWS has not. */
static const char *icews_columns =
	"Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
	"CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
	"Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\t"
	"Source Code\tTarget Code\tTitle\tURL\n";

static void icews_actor(FILE *f, const curlew *cw, const curlew_actor *a)
{
	tsv_field(f, a->code ? a->text : NULL);
	tsv_sectors(f, a, ',');
	tsv_field(f, curlew_country_name(cw, a->country));
}

static void write_icews_event(FILE *f, const curlew *cw, const curlew_event *e)
{
	tsv_field(f, e->event_id);
	tsv_field(f, e->date);
	icews_actor(f, cw, &e->source);
	/* Event Text: the code's name as ICEWS writes it, capitalised */
	if (e->cameo_name && *e->cameo_name) {
		putc(e->cameo_name[0] >= 'a' && e->cameo_name[0] <= 'z' ? e->cameo_name[0] - 32
			: e->cameo_name[0], f);
		tsv_cstr(f, e->cameo_name + 1);
	}
	putc('\t', f);
	tsv_field(f, e->cameo);
	tsv_num(f, "%.1f", e->quad_class ? e->goldstein : NAN);
	icews_actor(f, cw, &e->target);
	tsv_field(f, e->story_id);
	fprintf(f, "%d\t", e->sentence);
	tsv_field(f, e->publisher);
	const curlew_location *p = &e->location;
	int city = p->feature && strcmp(p->feature, "city") == 0;
	int region = p->feature && strcmp(p->feature, "admin1") == 0;
	tsv_field(f, city ? p->text : NULL);
	putc('\t', f);                         /* District: curlew has no second level */
	tsv_field(f, region ? p->text : p->admin1);
	tsv_field(f, curlew_country_name(cw, p->country));
	tsv_num(f, "%.4f", p->text ? p->lat : NAN);
	tsv_num(f, "%.4f", p->text ? p->lon : NAN);
	tsv_field(f, e->source.code);
	tsv_field(f, e->target.code);
	tsv_field(f, e->title);
	tsv_cstr(f, e->url);
	putc('\n', f);
}

/* GDELT's DATEADDED, YYYYMMDDHHMMSS in UTC: the time of coding, or
 * SOURCE_DATE_EPOCH when set (reproducible output, as reproducible builds
 * define it), which the golden tests use. */
static void date_added(char out[16])
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t t = env && *env ? (time_t)strtoll(env, NULL, 10) : time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 16, "%Y%m%d%H%M%S", &tm) == 0)
		out[0] = '\0';
}

/* One write(2), through the fault hooks of the fault-injection build. */
static ssize_t out_write(int fd, const char *buf, size_t n)
{
	long fault = CW_FAIL_WRITE(n);
	if (fault < 0)
		return -1;
	return write(fd, buf, fault > 0 ? (size_t)fault : n);
}

/* Where a block will start in a regular file, to cut it off again if it
 * fails half-way; -1 for pipes and terminals, which cannot be cut. */
static off_t block_start(int fd)
{
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		return -1;
	int fl = fcntl(fd, F_GETFL);
	/* with O_APPEND (">>") every write goes to the end, whatever the offset */
	return fl >= 0 && (fl & O_APPEND) ? sb.st_size : lseek(fd, 0, SEEK_CUR);
}

/* Writes a finished block of records (a story's) so that a failure loses
 * whole stories, never half a record.  stdio would write it 4 KiB at a
 * time and keep a failed tail to retry at the next flush, so the block
 * goes to the descriptor with write(2), looping over short writes (a
 * filling disk, a signal); when the disk fills in the middle, a regular
 * file is cut back to where the block began.  A memory stream has no
 * descriptor and takes the block through stdio. */
static int emit(FILE *f, const char *buf, size_t n)
{
	if (n == 0)
		return CURLEW_OK;
	int fd = fileno(f);
	if (fd < 0) {
		if (CW_FAIL_WRITE(n) < 0 || fwrite(buf, 1, n, f) != n || ferror(f))
			return CURLEW_ESYS;
		return CURLEW_OK;
	}
	if (fflush(f) != 0)     /* what the caller wrote through stdio goes first */
		return CURLEW_ESYS;
	off_t start = block_start(fd);
	for (size_t done = 0; done < n;) {
		ssize_t w = out_write(fd, buf + done, n - done);
		if (w > 0) {
			done += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		int e = w < 0 ? errno : EIO;
		if (done > 0 && start >= 0 && ftruncate(fd, start) == 0)
			lseek(fd, start, SEEK_SET);
		errno = e;
		return CURLEW_ESYS;
	}
	return CURLEW_OK;
}

int curlew_write_header(FILE *f, enum curlew_out fmt)
{
	const char *h = fmt == CURLEW_OUT_TSV ? tsv_columns : fmt == CURLEW_OUT_GDELT ? gdelt_columns
		: fmt == CURLEW_OUT_ICEWS ? icews_columns : NULL;
	return h ? emit(f, h, strlen(h)) : CURLEW_OK;
}

/* Every record of the doc in the format, through the read API. */
static int render_doc(FILE *m, const curlew_doc *doc, enum curlew_out fmt)
{
	if (fmt == CURLEW_OUT_PLACES) {
		size_t n = curlew_doc_nplaces(doc);
		for (size_t i = 0; i < n; i++) {
			curlew_place p = CURLEW_PLACE_INIT;
			if (curlew_doc_place(doc, i, &p) < 0)
				return CURLEW_ESYS;
			write_place(m, &p);
		}
		return CURLEW_OK;
	}
	char added[16] = "";
	if (fmt == CURLEW_OUT_GDELT)
		date_added(added);
	size_t n = curlew_doc_nevents(doc);
	for (size_t i = 0; i < n; i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		if (curlew_doc_event(doc, i, &e) < 0)
			return CURLEW_ESYS;
		if (fmt == CURLEW_OUT_TSV)
			write_tsv_event(m, &e);
		else if (fmt == CURLEW_OUT_PLOVER)
			write_plover_event(m, &e);
		else if (fmt == CURLEW_OUT_GDELT)
			write_gdelt_event(m, doc->cw, &e, added);
		else if (fmt == CURLEW_OUT_ICEWS)
			write_icews_event(m, doc->cw, &e);
		else
			write_jsonl_event(m, &e);
	}
	return CURLEW_OK;
}

/* The doc's records are rendered in memory first and written with one
 * emit: either all of a story's records reach the output or none. */
int cw_write_doc(FILE *f, const curlew_doc *doc, enum curlew_out fmt)
{
	if ((fmt == CURLEW_OUT_PLACES ? curlew_doc_nplaces(doc) : curlew_doc_nevents(doc)) == 0)
		return ferror(f) ? CURLEW_ESYS : CURLEW_OK;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = CW_FAIL_ALLOC() ? NULL : open_memstream(&buf, &n);
	if (!m) {
		errno = ENOMEM;
		return CURLEW_ESYS;
	}
	/* the stream is this call's alone: no lock around each of the
	 * thousands of small writes a story's records make */
	__fsetlocking(m, FSETLOCKING_BYCALLER);
	int rc = render_doc(m, doc, fmt);
	int bad = ferror(m);
	if (fclose(m) != 0 || bad || rc < 0) {
		free(buf);
		errno = ENOMEM;
		return CURLEW_ESYS;
	}
	rc = emit(f, buf, n);
	free(buf);
	return rc;
}

int curlew_write_rendered(FILE *f, const char *buf, size_t n)
{
	return emit(f, buf, n);
}

int curlew_write(FILE *f, const curlew_doc *doc, enum curlew_out fmt)
{
	if (!doc || doc->err)
		return CURLEW_OK;
	return cw_write_doc(f, doc, fmt);
}
