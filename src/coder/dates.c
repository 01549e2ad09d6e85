/*
 * dates.c -- when did it happen?  Finds the date a sentence gives for its
 * event ("on September 19", "19 Sept. 2023", "on Monday", "yesterday") and
 * resolves it against the story date.  Wire stories report the past, so a
 * date without a year, or a bare weekday, is the latest such day on or
 * before the story date.  The parser is shared with the dateline stage.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "coder.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};
static const char *const weekday_names[7] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
};

static int is_alnum_at(const char *t, size_t len, size_t i)
{
	/* Bytes >= 0x80 are letters of some script, never a boundary. */
	return i < len && (isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80);
}

/* Length of the letters-only word at t, at most max. */
static size_t word_len(const char *t, size_t len)
{
	size_t n = 0;
	while (n < len && isalpha((unsigned char)t[n]))
		n++;
	return n;
}

static int word_is(const char *t, size_t n, const char *lower)
{
	return strlen(lower) == n && strncasecmp(t, lower, n) == 0;
}

/* A capitalised month name or abbreviation ("September", "Sept", "SEP");
 * returns its length (without a trailing dot) and sets *m to 1..12. */
static size_t match_month(const char *t, size_t len, int *m)
{
	/* the capital first: it is asked at every word of every sentence */
	if (len == 0 || !isupper((unsigned char)t[0]))
		return 0;
	size_t n = word_len(t, len);
	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++) {
		const char *full = month_names[i];
		if (word_is(t, n, full) || (n == 3 && strncasecmp(t, full, 3) == 0) ||
		    (i == 8 && word_is(t, n, "sept"))) {
			*m = i + 1;
			return n;
		}
	}
	return 0;
}

static size_t match_weekday(const char *t, size_t len, int *wd)
{
	if (len == 0 || !isupper((unsigned char)t[0]))
		return 0;
	size_t n = word_len(t, len);
	if (n < 3)
		return 0;
	for (int i = 0; i < 7; i++)
		if (word_is(t, n, weekday_names[i])) {
			*wd = i;
			return n;
		}
	return 0;
}

/* A day of the month, "19" or "19th", as a whole word. */
static size_t match_day(const char *t, size_t len, int *d)
{
	size_t i = 0;
	int v = 0;
	while (i < len && i < 2 && isdigit((unsigned char)t[i]))
		v = v * 10 + (t[i++] - '0');
	if (i == 0 || (i < len && isdigit((unsigned char)t[i])))
		return 0;
	if (i + 2 <= len && (strncasecmp(t + i, "st", 2) == 0 || strncasecmp(t + i, "nd", 2) == 0 ||
			     strncasecmp(t + i, "rd", 2) == 0 || strncasecmp(t + i, "th", 2) == 0))
		i += 2;
	if (is_alnum_at(t, len, i) || v < 1 || v > 31)
		return 0;
	*d = v;
	return i;
}

/* A four-digit year 1900-2099 as a whole word. */
static size_t match_year(const char *t, size_t len, int *y)
{
	if (len < 4)
		return 0;
	int v = 0;
	for (int i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)t[i]))
			return 0;
		v = v * 10 + (t[i] - '0');
	}
	if (is_alnum_at(t, len, 4) || v < 1900 || v > 2099)
		return 0;
	*y = v;
	return 4;
}

static size_t skip_spaces(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
		i++;
	return i;
}

/* After the month: an optional dot, then spaces. */
static size_t after_month(const char *t, size_t len, size_t i)
{
	if (i < len && t[i] == '.')
		i++;
	return skip_spaces(t, len, i);
}

/* ", 2023" or " 2023" after a day; returns the new end or i unchanged. */
static size_t opt_year(const char *t, size_t len, size_t i, int *y)
{
	size_t j = i;
	if (j < len && t[j] == ',')
		j++;
	j = skip_spaces(t, len, j);
	if (j == i)
		return i;
	size_t n = match_year(t + j, len - j, y);
	return n ? j + n : i;
}

static size_t parse_iso(const char *t, size_t len, int *y, int *m, int *d)
{
	if (len < 10 || !match_year(t, 4, y) || t[4] != '-' || t[7] != '-')
		return 0;
	for (int i = 5; i < 10; i++)
		if (i != 7 && !isdigit((unsigned char)t[i]))
			return 0;
	/* "2023-09-20T14:05" from feeds: the time does not matter here. */
	if (is_alnum_at(t, len, 10) && !(t[10] == 'T' && len > 11 && isdigit((unsigned char)t[11])))
		return 0;
	*m = (t[5] - '0') * 10 + (t[6] - '0');
	*d = (t[8] - '0') * 10 + (t[9] - '0');
	return 10;
}

/* "20.09.2023", as European and Caucasus outlets write it; slashes are
 * left alone since 09/10 means a different day to an American. */
static size_t parse_dotted(const char *t, size_t len, int *y, int *m, int *d)
{
	size_t i = 0;
	int v[2] = { 0, 0 };
	for (int part = 0; part < 2; part++) {
		size_t k = 0;
		while (i < len && k < 2 && isdigit((unsigned char)t[i])) {
			v[part] = v[part] * 10 + (t[i++] - '0');
			k++;
		}
		if (k == 0 || i >= len || t[i] != '.')
			return 0;
		i++;
	}
	size_t n = match_year(t + i, len - i, y);
	if (!n)
		return 0;
	*d = v[0];
	*m = v[1];
	return i + n;
}

/* "September 19", "Sept. 18, 2023", "Jan 5th". */
static size_t parse_month_day(const char *t, size_t len, int *y, int *m, int *d)
{
	size_t n = match_month(t, len, m);
	if (!n)
		return 0;
	size_t i = after_month(t, len, n);
	if (i == n)
		return 0;
	size_t k = match_day(t + i, len - i, d);
	if (!k)
		return 0;
	return opt_year(t, len, i + k, y);
}

/* "20 September 2023", "19 Sept", "5th of May". */
static size_t parse_day_month(const char *t, size_t len, int *y, int *m, int *d)
{
	size_t k = match_day(t, len, d);
	if (!k)
		return 0;
	size_t i = skip_spaces(t, len, k);
	if (i == k)
		return 0;
	if (i + 3 <= len && strncmp(t + i, "of ", 3) == 0)
		i = skip_spaces(t, len, i + 3);
	size_t n = match_month(t + i, len - i, m);
	if (!n)
		return 0;
	size_t end = i + n;
	/* The abbreviation's dot belongs to the date only when a year follows. */
	size_t j = end < len && t[end] == '.' ? end + 1 : end;
	size_t withy = opt_year(t, len, j, y);
	return withy != j ? withy : end;
}

/* The year of a month-day without one: the latest on or before ref. */
static int resolve_year(cw_date ref, int m, int d, cw_date *out)
{
	for (int y = ref.y; y >= ref.y - 8; y--) {
		cw_date c = { y, m, d };
		if (cw_date_valid(c) && cw_date_cmp(c, ref) <= 0) {
			*out = c;
			return 0;
		}
	}
	return -1;
}

size_t cw_parse_date_expr(const char *text, size_t len, cw_date ref, cw_date *out)
{
	if (!text)
		return 0;
	size_t start = 0;
	int wd;
	/* "Tuesday, September 19": the weekday adds nothing the date lacks. */
	size_t w = match_weekday(text, len, &wd);
	if (w) {
		size_t j = w < len && text[w] == ',' ? w + 1 : w;
		start = skip_spaces(text, len, j);
		if (start == w)
			return 0;
	}
	const char *t = text + start;
	size_t n = len - start;
	int y = 0, m = 0, d = 0;
	size_t used = parse_iso(t, n, &y, &m, &d);
	if (!used)
		used = parse_dotted(t, n, &y, &m, &d);
	if (!used)
		used = parse_month_day(t, n, &y, &m, &d);
	if (!used)
		used = parse_day_month(t, n, &y, &m, &d);
	if (!used)
		return 0;
	cw_date r = { y, m, d };
	if (y == 0) {
		if (ref.y == 0 || resolve_year(ref, m, d, &r) < 0)
			return 0;
	} else if (!cw_date_valid(r)) {
		return 0;
	}
	*out = r;
	return start + used;
}

/* ------------------------------------------------ a record's own date */

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* "T09:12", "T09:12:00.123", " 09:12:00", then "Z", "+01:00", "-0500" or
 * " UTC": a time of day that is checked but does not change the date (the
 * story's day is the one its writer lived). */
static int time_and_zone(const char *t)
{
	int h, m, x;
	if (*t != 'T' && *t != 't' && *t != ' ')
		return *t == '\0';
	t++;
	if (!digits(t, 2, &h) || t[2] != ':' || !digits(t + 3, 2, &m) || h > 24 || m > 59)
		return 0;
	t += 5;
	if (*t == ':') {
		if (!digits(t + 1, 2, &x) || x > 60)
			return 0;
		t += 3;
		if (*t == '.' || *t == ',')
			for (t++; isdigit((unsigned char)*t); t++)
				;
	}
	while (*t == ' ')
		t++;
	if (*t == 'Z' || *t == 'z')
		return t[1] == '\0';
	if (*t == '+' || *t == '-') {
		int zh, zm = 0;
		if (!digits(t + 1, 2, &zh) || zh > 14)
			return 0;
		t += 3;
		if (*t == ':')
			t++;
		if (*t && (!digits(t, 2, &zm) || zm > 59 || t[2]))
			return 0;
		return 1;
	}
	return *t == '\0' || !strcmp(t, "UTC") || !strcmp(t, "GMT");
}

int cw_date_parse_any(const char *s, cw_date *out)
{
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	char buf[64];
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	cw_date d = { 0, 0, 0 };
	if (n >= 10 && buf[4] == '-' && buf[7] == '-' && digits(buf, 4, &d.y) &&
	    digits(buf + 5, 2, &d.m) && digits(buf + 8, 2, &d.d)) {
		if (!time_and_zone(buf + 10))
			return -1;
	} else if (n == 8 && digits(buf, 4, &d.y) && digits(buf + 4, 2, &d.m) &&
		   digits(buf + 6, 2, &d.d)) {
		;
	} else {
		/* "Tue, 05 Mar 2024 09:12:00 GMT": a written date naming its
		 * year, then at most a time */
		cw_date none = { 0, 0, 0 };
		char *b = buf;
		/* RFC 2822's "Tue, " */
		if (n > 5 && isalpha((unsigned char)b[0]) && b[3] == ',' && b[4] == ' ')
			b += 5;
		size_t used = cw_parse_date_expr(b, n - (size_t)(b - buf), none, &d);
		used += (size_t)(b - buf);
		const char *rest = buf + used;
		while (*rest == ' ' || *rest == ',')
			rest++;
		if (!used || (*rest && !time_and_zone(rest - 1 >= buf && rest[-1] == ' ' ? rest - 1 : rest)))
			return -1;
	}
	if (!cw_date_valid(d))
		return -1;
	*out = d;
	return 0;
}

/* ------------------------------------------------------------ the stage */

/* The word just before byte i (skipping spaces), lower-case into buf. */
static void prev_word(const char *t, size_t lo, size_t i, char *buf, size_t cap)
{
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n'))
		i--;
	size_t e = i;
	while (i > lo && isalpha((unsigned char)t[i - 1]))
		i--;
	size_t n = e - i < cap - 1 ? e - i : cap - 1;
	for (size_t k = 0; k < n; k++)
		buf[k] = (char)tolower((unsigned char)t[i + k]);
	buf[n] = '\0';
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* Words before a date that make it a deadline, a starting point or a
 * future plan rather than the day the event happened. */
static const char *const not_event_before[] = {
	"since", "until", "till", "before", "after", "by", "from", "between",
	"next", "coming", "through", "to", "and", NULL
};

/* "19-20 September", "September 19 to 21", "September 19 and 20": a range
 * or a list is no single event date. */
static int range_follows(const char *t, size_t end, size_t i)
{
	size_t j = i;
	while (j < end && t[j] == ' ')
		j++;
	if (j < end && t[j] == '-')
		j++;
	else if (j + 3 <= end && memcmp(t + j, "\xe2\x80\x93", 3) == 0)
		j += 3;
	else if (j + 3 <= end && (strncmp(t + j, "to ", 3) == 0))
		j += 3;
	else if (j + 4 <= end && strncmp(t + j, "and ", 4) == 0)
		j += 4;
	else
		return 0;
	while (j < end && t[j] == ' ')
		j++;
	return j < end && isdigit((unsigned char)t[j]);
}

static int day_range_before(const char *t, size_t lo, size_t i)
{
	/* "19-" or "19 to " just before a day-month date. */
	size_t j = i;
	while (j > lo && t[j - 1] == ' ')
		j--;
	if (j > lo && (t[j - 1] == '-'))
		return j - 1 > lo && isdigit((unsigned char)t[j - 2]);
	return j >= lo + 3 && memcmp(t + j - 3, "\xe2\x80\x93", 3) == 0;
}

/* An explicit calendar date in [lo, hi) that names an event day. */
static int find_explicit(const curlew_doc *doc, size_t lo, size_t hi, cw_date *out,
			 size_t *ds, size_t *de)
{
	const char *t = doc->text;
	for (size_t i = lo; i < hi; i++) {
		if (i > lo && is_alnum_at(t, hi, i - 1))
			continue;
		if (!isalnum((unsigned char)t[i]))
			continue;
		cw_date d;
		size_t n = cw_parse_date_expr(t + i, hi - i, doc->date, &d);
		if (!n)
			continue;
		char pw[16];
		prev_word(t, lo, i, pw, sizeof pw);
		if (!in_list(pw, not_event_before) && !range_follows(t, hi, i + n) &&
		    !day_range_before(t, lo, i)) {
			*out = d;
			*ds = i;
			*de = i + n;
			return 1;
		}
		i += n - 1;
	}
	return 0;
}

/* ---------------------------------------------------- relative phrases */

#define MAX_WORDS 256      /* words of a sentence looked at; news sentences are far shorter */

typedef struct word { size_t s, e; } word;

static int split_words(const char *t, size_t lo, size_t hi, word *w, int max)
{
	int n = 0;
	for (size_t i = lo; i < hi && n < max;) {
		if (!isalnum((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < hi && isalnum((unsigned char)t[j]))
			j++;
		w[n].s = i;
		w[n++].e = j;
		i = j;
	}
	return n;
}

static int w_is(const char *t, const word *w, const char *lower)
{
	return word_is(t + w->s, w->e - w->s, lower);
}

/* "two", "2", "a": how many days, weeks or months. */
static int count_of(const char *t, const word *w)
{
	static const char *const nums[] = { "a", "one", "two", "three", "four", "five", "six",
					    "seven", "eight", "nine", "ten", NULL };
	for (int i = 0; nums[i]; i++)
		if (w_is(t, w, nums[i]))
			return i ? i : 1;
	if (w_is(t, w, "an"))
		return 1;
	int v = 0;
	for (size_t i = w->s; i < w->e; i++) {
		if (!isdigit((unsigned char)t[i]) || v > 99)
			return 0;
		v = v * 10 + (t[i] - '0');
	}
	return v;
}

/* 1 day, 2 week, 3 month, 0 other. */
static int unit_of(const char *t, const word *w)
{
	if (w_is(t, w, "day") || w_is(t, w, "days"))
		return 1;
	if (w_is(t, w, "week") || w_is(t, w, "weeks"))
		return 2;
	if (w_is(t, w, "month") || w_is(t, w, "months"))
		return 3;
	return 0;
}

static cw_date monday_of(cw_date d)
{
	return cw_date_add_days(d, -((cw_date_weekday(d) + 6) % 7));
}

static cw_date month_start(cw_date d, int back)
{
	cw_date r = { d.y, d.m - back, 1 };
	while (r.m < 1) {
		r.m += 12;
		r.y--;
	}
	return r;
}

/* "16th": a day of the month written as an ordinal. */
static int ordinal_day(const char *t, const word *w)
{
	size_t n = w->e - w->s;
	if (n < 3 || n > 4)
		return 0;
	int d = 0;
	size_t i = w->s;
	while (i < w->e && isdigit((unsigned char)t[i]))
		d = d * 10 + (t[i++] - '0');
	const char *suf = t + i;
	if (i == w->s || w->e - i != 2 || !(strncasecmp(suf, "st", 2) == 0 ||
					    strncasecmp(suf, "nd", 2) == 0 ||
					    strncasecmp(suf, "rd", 2) == 0 || strncasecmp(suf, "th", 2) == 0))
		return 0;
	return d >= 1 && d <= 31 ? d : 0;
}

typedef struct rel { cw_date d; int prec; size_t s, e; } rel;

/* Further back than this ("15 months ago"), an "ago" is history the story
 * recalls, not the day of its news: by unit (day, week, month). */
static const int max_ago[4] = { 0, 14, 8, 6 };

/* Phrases of more than one word, at word i: "two days ago", "last week",
 * "earlier this month", "on the 16th". */
static int phrase_at(const char *t, const word *w, int n, int i, cw_date sd, rel *r)
{
	int c, u;
	if (i + 2 < n && (c = count_of(t, &w[i])) > 0 && (u = unit_of(t, &w[i + 1])) &&
	    w_is(t, &w[i + 2], "ago") && c <= max_ago[u]) {
		r->s = w[i].s;
		r->e = w[i + 2].e;
		r->prec = u == 1 ? CW_DP_DAY : u == 2 ? CW_DP_WEEK : CW_DP_MONTH;
		r->d = u == 1 ? cw_date_add_days(sd, -c)
		       : u == 2 ? monday_of(cw_date_add_days(sd, -7 * c)) : month_start(sd, c);
		return 1;
	}
	if (i + 1 < n && (w_is(t, &w[i], "last") || w_is(t, &w[i], "this")) &&
	    (u = unit_of(t, &w[i + 1])) >= 2 && !(i > 0 && w_is(t, &w[i - 1], "later")) &&
	    (w[i + 1].e - w[i + 1].s == 4 || w[i + 1].e - w[i + 1].s == 5) /* week, month */) {
		int last = w_is(t, &w[i], "last");
		r->s = i > 0 && w_is(t, &w[i - 1], "earlier") ? w[i - 1].s : w[i].s;
		r->e = w[i + 1].e;
		r->prec = u == 2 ? CW_DP_WEEK : CW_DP_MONTH;
		r->d = u == 2 ? cw_date_add_days(monday_of(sd), last ? -7 : 0) : month_start(sd, last);
		return 1;
	}
	int d;
	if (i + 2 < n && w_is(t, &w[i], "on") && w_is(t, &w[i + 1], "the") &&
	    (d = ordinal_day(t, &w[i + 2]))) {
		cw_date x = { sd.y, sd.m, d };
		if (d > sd.d) {
			x = month_start(sd, 1);
			x.d = d;
		}
		if (!cw_date_valid(x))
			return 0;
		r->s = w[i].s;
		r->e = w[i + 2].e;
		r->prec = CW_DP_DAY;
		r->d = x;
		return 1;
	}
	return 0;
}

/* One word, at word i: "yesterday", "today", "last night", "on Monday",
 * "last Tuesday". */
static int word_at(const char *t, size_t lo, const word *w, int i, cw_date sd, rel *r)
{
	const char *x = t + w[i].s;
	size_t n = w[i].e - w[i].s;
	int wd;
	/* the word before matters only for these, and most words are none */
	if (!word_is(x, n, "yesterday") && !word_is(x, n, "today") && !word_is(x, n, "tonight") &&
	    !word_is(x, n, "night") && match_weekday(x, n, &wd) != n)
		return 0;
	char pw[16];
	prev_word(t, lo, w[i].s, pw, sizeof pw);
	int last = strcmp(pw, "last") == 0;
	if (word_is(x, n, "yesterday")) {
		r->d = cw_date_add_days(sd, -1);
	} else if (word_is(x, n, "today") || word_is(x, n, "tonight")) {
		r->d = sd;
	} else if (word_is(x, n, "night") && last) {
		r->d = cw_date_add_days(sd, -1);
	} else if (match_weekday(x, n, &wd) == n) {
		if (in_list(pw, not_event_before))
			return 0;
		/* "last Monday" is never the story day itself. */
		int back = (cw_date_weekday(sd) - wd + 7) % 7;
		if (back == 0 && last)
			back = 7;
		r->d = cw_date_add_days(sd, -back);
	} else {
		return 0;
	}
	r->prec = CW_DP_DAY;
	r->e = w[i].e;
	r->s = w[i].s;
	if (last) {
		/* Let the span cover "last". */
		size_t j = w[i].s;
		while (j > lo && t[j - 1] == ' ')
			j--;
		r->s = j - 4;
	}
	return 1;
}

/* "who had been arrested 15 months ago", "after the shooting last week":
 * a relative date in a phrase of what came before is that phrase's, not
 * the sentence's news.  Looked for this many words back. */
#define BACKGROUND_REACH 4
static int background(const char *t, const word *w, int i)
{
	static const char *const before[] = { "had", "since", "after", "before", "until",
					       "following", NULL };
	for (int k = i - 1; k >= 0 && k >= i - BACKGROUND_REACH; k--)
		for (int j = 0; before[j]; j++)
			if (w_is(t, &w[k], before[j]))
				return 1;
	return 0;
}

/* Relative to the story date, so nothing when the story has none. */
static int find_relative(const curlew_doc *doc, size_t lo, size_t hi, rel *r)
{
	const char *t = doc->text;
	cw_date sd = doc->date;
	if (!sd.y)
		return 0;
	word w[MAX_WORDS];
	int n = split_words(t, lo, hi, w, MAX_WORDS);
	for (int i = 0; i < n; i++) {
		/* "Tuesday's" is a word and its possessive */
		if (w[i].e < hi && isalnum((unsigned char)t[w[i].e]))
			continue;
		if (phrase_at(t, w, n, i, sd, r)) {
			if (!background(t, w, i))
				return 1;
		} else if (word_at(t, lo, w, i, sd, r)) {
			return 1;
		}
	}
	return 0;
}

const char *cw_event_date_precision(const cw_sentence *s, const cw_event *e)
{
	static const char *const names[] = { "day", "week", "month" };
	if (!e->date.y)
		return NULL;
	/* the sentence's own date, or the story's (a day) */
	if (s->date.y && cw_date_cmp(e->date, s->date) == 0 && s->date_precision >= CW_DP_DAY &&
	    s->date_precision <= CW_DP_MONTH)
		return names[s->date_precision];
	return names[CW_DP_DAY];
}

int cw_dates(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	(void)cw;
	s->date.y = s->date.m = s->date.d = 0;
	s->date_start = s->date_end = 0;
	s->date_precision = CW_DP_DAY;
	if (!doc->text || s->end <= s->start || s->end > doc->len)
		return 0;
	rel r = { { 0, 0, 0 }, CW_DP_DAY, 0, 0 };
	if (find_explicit(doc, s->start, s->end, &r.d, &r.s, &r.e) ||
	    find_relative(doc, s->start, s->end, &r)) {
		s->date = r.d;
		s->date_start = (uint32_t)r.s;
		s->date_end = (uint32_t)r.e;
		s->date_precision = r.prec;
	}
	return 0;
}
