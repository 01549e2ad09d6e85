/*
 * dateline.c -- recognises the dateline that opens a wire story:
 *
 *     New York, 20 September 2023 (TDI): ...
 *     BAKU, Sept 19 (Reuters) - ...
 *     KYIV, Ukraine (AP) — ...
 *     Beirut — ...
 *
 * that is PLACE [, REGION] [, DATE] [(AGENCY)] SEPARATOR.  Its place is the
 * story's default location and its date the story's default date, and the
 * dateline itself is cut off the body so that no actor or event is read
 * out of it.
 *
 * An ordinary first sentence can look similar ("Israel, the US and ...",
 * "Hamas (the Islamic Resistance Movement) said"), so every part must have
 * the right shape, and a dateline with nothing but a place must be backed
 * by the gazetteer or written in wire-style capitals.
 */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "internal.h"

/* A dateline ends this close to the story's start. */
#define MAX_DATELINE 200
#define MAX_PLACE 60
#define MAX_AGENCY 40

typedef struct span { size_t s, e; } span;

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Upper-case at i, for non-ASCII capitals too (Č, Ö, Ł). */
static int upper_at(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return is_upper(c);
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* A separator at i: ':', an em or en dash, or a hyphen or two followed by
 * white space.  Returns its length, 0 if none. */
static size_t separator_at(const char *t, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	if (t[i] == ':')
		return 1;
	if (i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x94 || (unsigned char)t[i + 2] == 0x93))
		return 3;
	if (t[i] == '-') {
		size_t j = i;
		while (j < n && j - i < 3 && t[j] == '-')
			j++;
		if (j >= n || t[j] == ' ' || t[j] == '\t' || t[j] == '\n')
			return j - i;
	}
	return 0;
}

static size_t skip_blanks(const char *t, size_t n, size_t i)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/* A word of a place name: up to a space, comma, bracket or separator. */
static size_t word_end(const char *t, size_t n, size_t i)
{
	while (i < n && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r' &&
	       t[i] != ',' && t[i] != '(' && !separator_at(t, n, i))
		i++;
	return i;
}

/* Small words that sit inside place names: Rio de Janeiro, Bosnia and
 * Herzegovina is a country, not a dateline place, so "and" is not here. */
static int is_connector(const char *w, size_t n)
{
	static const char *const small[] = {
		"de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "les", "el",
		"al", "of", "on", "upon", "am", "an", "der", "den", "sur", "en", NULL
	};
	for (int k = 0; small[k]; k++)
		if (strlen(small[k]) == n && !memcmp(w, small[k], n))
			return 1;
	return 0;
}

/* A run of 1..max capitalised words from i (connectors allowed inside).
 * Letters, stops, hyphens and apostrophes only: a digit means it is not a
 * name.  Returns the end, or 0 when there is no such run. */
static size_t name_run(const char *t, size_t n, size_t i, int max, int *nwords)
{
	size_t end = 0;
	int words = 0;
	while (i < n && words < max) {
		size_t e = word_end(t, n, i);
		if (e == i)
			break;
		for (size_t k = i; k < e; k++)
			if (is_digit((unsigned char)t[k]) || t[k] == ')' || t[k] == '"')
				return words ? end : 0;
		if (upper_at(t, n, i)) {
			words++;
			end = e;
		} else if (!(words && is_connector(t + i, e - i))) {
			break;
		}
		if (e >= n || t[e] != ' ')
			break;
		i = e + 1;
	}
	*nwords = words;
	return words ? end : 0;
}

/* ------------------------------------------------------------------ dates */

static int date_word(const char *w, size_t n, int *strong, int *year)
{
	static const char *const names[] = {
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
		"wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
		"wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL
	};
	if (n && w[n - 1] == '.')
		n--;
	if (!n)
		return 0;
	for (int k = 0; names[k]; k++)
		if (strlen(names[k]) == n && !strncasecmp(w, names[k], n)) {
			*strong = 1;
			return 1;
		}
	size_t d = 0;
	while (d < n && is_digit((unsigned char)w[d]))
		d++;
	if (d == 4 && n == 10 && w[4] == '-' && w[7] == '-') {     /* 2023-09-20 */
		*strong = *year = 1;
		return 1;
	}
	if (d == 4 && n == 4) {
		*year = 1;
		return 1;
	}
	if (d >= 1 && d <= 2) {
		static const char *const ord[] = { "", "st", "nd", "rd", "th", NULL };
		for (int k = 0; ord[k]; k++)
			if (n - d == strlen(ord[k]) && !strncasecmp(w + d, ord[k], n - d))
				return 1;
	}
	return 0;
}

/* A date from i: date words separated by spaces or commas.  Sets *year
 * when it names its year.  Returns its end, or 0. */
static size_t date_run(const char *t, size_t n, size_t i, int *year)
{
	int strong = 0, words = 0;
	size_t end = 0;
	*year = 0;
	while (i < n && words < 6) {
		size_t e = word_end(t, n, i);
		/* word_end stops at '-', but an ISO date holds two. */
		if (e - i == 4 && e + 6 <= n && t[e] == '-' && t[e + 3] == '-')
			e += 6;
		if (e == i || !date_word(t + i, e - i, &strong, year))
			break;
		words++;
		end = e;
		size_t j = e;
		if (j < n && t[j] == ',')
			j++;
		j = skip_blanks(t, n, j);
		if (j == e)
			break;
		i = j;
	}
	return strong ? end : 0;
}

/* -------------------------------------------------------------- the parts */

static int all_caps(const char *t, size_t s, size_t e)
{
	int letters = 0;
	for (size_t i = s; i < e; i++) {
		if (is_lower((unsigned char)t[i]))
			return 0;
		letters += is_upper((unsigned char)t[i]);
	}
	return letters >= 2;
}

/* Capitalised words that open stories without being places. */
static int is_kicker(const char *t, size_t s, size_t e)
{
	static const char *const kickers[] = {
		"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "WATCH", "LIVE",
		"OPINION", "EDITORIAL", "CORRECTION", "CORRECTED", "FACTBOX", "EXPLAINER",
		"VIDEO", "PHOTOS", "URGENT", "FLASH", "REFILE", "INTERVIEW", "COMMENT",
		"FEATURE", "NEWS", "ADVISORY", "BULLETIN", "REVIEW", "TIMELINE", "FACT CHECK",
		"RELATED", "ALSO READ", "READ MORE", "SEE ALSO", NULL
	};
	for (int k = 0; kickers[k]; k++)
		if (strlen(kickers[k]) == e - s && !strncasecmp(t + s, kickers[k], e - s))
			return 1;
	return 0;
}

/* "(AP)", "(Reuters)", "(dpa)": a short bracket of name-like words. */
static size_t agency_at(const char *t, size_t n, size_t i, span *ag)
{
	if (i >= n || t[i] != '(')
		return 0;
	size_t j = i + 1;
	int words = 1;
	if (j >= n || !((unsigned char)t[j] >= 0x80 || is_upper((unsigned char)t[j]) ||
			is_lower((unsigned char)t[j])))
		return 0;
	while (j < n && t[j] != ')') {
		unsigned char c = (unsigned char)t[j];
		if (j - i > MAX_AGENCY || c == '\n' || c == '(')
			return 0;
		if (!(c >= 0x80 || is_upper(c) || is_lower(c) || is_digit(c) || strchr(" -.&/'", c)))
			return 0;
		words += c == ' ';
		j++;
	}
	if (j >= n || words > 4)
		return 0;
	ag->s = i + 1;
	ag->e = j;
	return j + 1;
}

/* Resolves the place (and its region, "Ky." in "LONDON, Ky.") in the
 * gazetteer; case does not matter to it, so wire capitals ("KYIV") resolve
 * as they are.  Returns 1 when the gazetteer knows the place. */
static int lookup(const curlew *cw, curlew_doc *doc, cw_place *pl, cw_place *region)
{
	if (!cw || !cw->places)
		return 0;
	return cw_place_resolve(cw, doc, pl, region) == 0;
}

static cw_place *make_place(curlew_doc *doc, span p)
{
	cw_place *pl = cw_alloc(doc->arena, sizeof *pl);
	if (!pl)
		return NULL;
	pl->text = cw_strndup(doc->arena, doc->text + p.s, p.e - p.s);
	if (!pl->text)
		return NULL;
	pl->start = (uint32_t)p.s;
	pl->end = (uint32_t)p.e;
	pl->tok_start = pl->tok_end = -1;
	pl->prep = -1;
	pl->country[0] = '\0';
	return pl;
}

static int starts_like_sentence(const char *t, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	unsigned char c = (unsigned char)t[i];
	return upper_at(t, n, i) || is_digit(c) || c == '"' || c == '\'' || c == 0xE2;
}

/* Looks for a dateline starting at lead; 1 if found (doc filled), 0 if
 * not, or a negative status. */
static int dateline_at(const curlew *cw, curlew_doc *doc, size_t lead)
{
	const char *t = doc->text;
	size_t n = doc->len, i = lead;

	int nwords;
	span place = { i, name_run(t, n, i, 5, &nwords) };
	if (!place.e || place.e - place.s >= MAX_PLACE)
		return 0;
	size_t k = place.e;
	span date = { 0, 0 }, agency = { 0, 0 }, region = { 0, 0 };
	int has_region = 0, year = 0;

	/* ", Region" and ", Date", in that order, each at most once. */
	while (k < n && t[k] == ',' && !date.e) {
		size_t j = skip_blanks(t, n, k + 1);
		size_t de = date_run(t, n, j, &year);
		int rw;
		if (de) {
			date.s = j;
			date.e = de;
			k = de;
		} else if (!has_region && (de = name_run(t, n, j, 4, &rw))) {
			has_region = 1;
			region.s = j;
			region.e = de;
			k = de;
		} else {
			return 0;
		}
	}
	k = skip_blanks(t, n, k);
	size_t after = agency_at(t, n, k, &agency);
	if (after)
		k = skip_blanks(t, n, after);
	size_t sep = separator_at(t, n, k);
	if (!sep && !agency.e)
		return 0;
	k += sep;
	if (k - lead > MAX_DATELINE)
		return 0;
	size_t body = k;
	while (body < n && (t[body] == ' ' || t[body] == '\t' || t[body] == '\n' ||
			    t[body] == '\r'))
		body++;
	if (body >= n)
		return 0;
	/* "Hamas (the movement) said": a bracket with no separator after it
	 * is a dateline only if the body starts like a sentence. */
	if (!sep && !starts_like_sentence(t, n, body))
		return 0;

	cw_place *pl = make_place(doc, place), *rp = NULL;
	if (!pl || (region.e && !(rp = make_place(doc, region))))
		return CURLEW_ESYS;
	cw_place probe;
	int known = cw && cw->places && cw_place_lookup(cw, pl->text, &probe) == 0;
	if (!date.e && !agency.e) {
		/* Only a place: the gazetteer must know it, or it must be in
		 * wire capitals before a dash ("BEIRUT —"). */
		int caps = all_caps(t, place.s, place.e) && !is_kicker(t, place.s, place.e);
		if (!known && !(caps && t[k - sep] != ':'))
			return 0;
		if (!starts_like_sentence(t, n, body))
			return 0;
	}

	/* A dateline: its place now sets the story's context. */
	lookup(cw, doc, pl, rp);
	/* "AYODHYA, India": a town the gazetteer does not know still has
	 * the country its qualifier names */
	if (rp && !rp->name && !pl->country[0])
		lookup(cw, doc, rp, NULL);
	doc->body_start = (uint32_t)body;
	doc->dl_place = pl;
	doc->dl_region = rp && rp->name ? rp : NULL;
	if (agency.e) {
		while (agency.e > agency.s && t[agency.e - 1] == ' ')
			agency.e--;
		doc->dl_agency = cw_strndup(doc->arena, t + agency.s, agency.e - agency.s);
		if (!doc->dl_agency)
			return CURLEW_ESYS;
	}
	if (date.e) {
		cw_date ref = doc->given_date.y ? doc->given_date : doc->default_date;
		cw_date d = { 0, 0, 0 };
		size_t used = cw_parse_date_expr(t + date.s, date.e - date.s, ref, &d);
		/* With no reference date a year-less date cannot be placed. */
		if (used && cw_date_valid(d) && (ref.y || year))
			doc->dl_date = d;
	}
	return 1;
}

/* Headlines and bylines often precede the dateline ("Talks collapse\n
 * By our correspondent\nBAKU, Sept 19 (Reuters) - ..."): a dateline may
 * start any of the first few lines, provided every line before it is short
 * and unpunctuated.  Those lines are then not part of the body. */
#define MAX_LEAD_LINES 3
#define MAX_LEAD_BYTES 600

static int headline_like(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	return e > s && e - s <= MAX_DATELINE && !strchr(".!?", t[e - 1]);
}

int cw_dateline(const curlew *cw, curlew_doc *doc)
{
	const char *t = doc->text;
	size_t n = doc->len;
	doc->body_start = 0;
	if (!t || !n)
		return 0;
	size_t i = 0;
	if (n >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3))
		i = 3;
	for (int line = 0; line <= MAX_LEAD_LINES && i < n && i < MAX_LEAD_BYTES; line++) {
		while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
			i++;
		int rc = dateline_at(cw, doc, i);
		if (rc != 0)
			return rc < 0 ? rc : 0;
		const char *nl = memchr(t + i, '\n', n - i);
		if (!nl || !headline_like(t, i, (size_t)(nl - t)))
			break;
		i = (size_t)(nl - t) + 1;
	}
	return 0;
}
