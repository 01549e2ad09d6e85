/* test_dates.c -- date expressions and the per-sentence date stage. */
#include <string.h>
#include "coder/coder.h"
#include "check.h"

static cw_date ref = { 2023, 9, 20 };   /* a Wednesday */

/* Parses s; returns "YYYY-MM-DD/consumed" or "none". */
static const char *parse(const char *s, cw_date r)
{
	static char buf[64];
	cw_date d = { 0, 0, 0 };
	size_t n = cw_parse_date_expr(s, strlen(s), r, &d);
	if (!n)
		return "none";
	snprintf(buf, sizeof buf, "%04d-%02d-%02d/%zu", d.y, d.m, d.d, n);
	return buf;
}

/* Runs the stage on a one-sentence doc; returns "YYYY-MM-DD [span]". */
static const char *sentence_date(const char *text, cw_date story)
{
	static char buf[128];
	curlew_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.text = text;
	doc.len = strlen(text);
	doc.date = story;
	cw_sentence s;
	memset(&s, 0, sizeof s);
	s.start = 0;
	s.end = (uint32_t)doc.len;
	CHECK_INT(cw_dates(NULL, &doc, &s), 0);
	if (!s.date.y)
		return "none";
	snprintf(buf, sizeof buf, "%04d-%02d-%02d [%.*s]", s.date.y, s.date.m, s.date.d,
		 (int)(s.date_end - s.date_start), text + s.date_start);
	if (s.date_precision != CW_DP_DAY)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %s",
			 s.date_precision == CW_DP_WEEK ? "week" : "month");
	return buf;
}

/* A record's date as cw_date_parse_any reads it, "YYYY-MM-DD" or "bad". */
static const char *any(const char *s)
{
	static char buf[16];
	cw_date d;
	if (cw_date_parse_any(s, &d) < 0)
		return "bad";
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

int main(void)
{
	cw_date none = { 0, 0, 0 };

	CHECK_STR(parse("20 September 2023 (TDI): The", ref), "2023-09-20/17");
	CHECK_STR(parse("September 19.", ref), "2023-09-19/12");
	CHECK_STR(parse("Sept 19", ref), "2023-09-19/7");
	CHECK_STR(parse("Sept. 18, 2023, the", ref), "2023-09-18/14");
	CHECK_STR(parse("19 Sept", ref), "2023-09-19/7");
	CHECK_STR(parse("19 Sept. ", ref), "2023-09-19/7");
	CHECK_STR(parse("2023-09-20", ref), "2023-09-20/10");
	CHECK_STR(parse("Jan 5th", ref), "2023-01-05/7");
	CHECK_STR(parse("20.09.2023 ", ref), "2023-09-20/10");
	CHECK_STR(parse("2023-09-20T14:05:00Z", ref), "2023-09-20/10");
	CHECK_STR(parse("20.13.2023", ref), "none");
	CHECK_STR(parse("3.5 million", ref), "none");
	CHECK_STR(parse("Tuesday, September 19", ref), "2023-09-19/21");
	CHECK_STR(parse("SEPT 19", ref), "2023-09-19/7");
	CHECK_STR(parse("5th of May 2021", ref), "2021-05-05/15");
	/* No year: the latest such date on or before the reference. */
	CHECK_STR(parse("December 25", ref), "2022-12-25/11");
	CHECK_STR(parse("September 20", ref), "2023-09-20/12");
	CHECK_STR(parse("September 21", ref), "2022-09-21/12");
	cw_date leap = { 2023, 3, 1 };
	CHECK_STR(parse("February 29", leap), "2020-02-29/11");
	CHECK_STR(parse("September 19", none), "none");
	CHECK_STR(parse("20 September 2023", none), "2023-09-20/17");
	/* Not dates. */
	CHECK_STR(parse("September 2023", ref), "none");
	CHECK_STR(parse("in 2023", ref), "none");
	CHECK_STR(parse("2023", ref), "none");
	CHECK_STR(parse("march 5", ref), "none");
	CHECK_STR(parse("May be", ref), "none");
	CHECK_STR(parse("February 30, 2023", ref), "none");
	CHECK_STR(parse("123 September", ref), "none");
	CHECK_STR(parse("19 Septembers", ref), "none");
	CHECK_STR(parse("2023-13-01", ref), "none");
	CHECK_STR(parse("", ref), "none");

	/* The stage. */
	CHECK_STR(sentence_date("Bayramov met Osmani on September 19.", ref),
		  "2023-09-19 [September 19]");
	CHECK_STR(sentence_date("He stated that on September 18, the passage of two vehicles shows it.", ref),
		  "2023-09-18 [September 18]");
	CHECK_STR(sentence_date("The chairmanship of the OSCE in 2023 was discussed.", ref), "none");
	CHECK_STR(sentence_date("Troops have been there since September 1.", ref), "none");
	CHECK_STR(sentence_date("Talks are set for 19-20 September in Geneva.", ref), "none");
	CHECK_STR(sentence_date("Talks ran September 19 to 21 in Geneva.", ref), "none");
	CHECK_STR(sentence_date("Talks ran from 3 to 5 October.", ref), "none");
	CHECK_STR(sentence_date("Russia said on Monday that it would respond.", ref),
		  "2023-09-18 [Monday]");
	CHECK_STR(sentence_date("Russia said Wednesday that it would respond.", ref),
		  "2023-09-20 [Wednesday]");
	CHECK_STR(sentence_date("The strike came last Wednesday.", ref),
		  "2023-09-13 [last Wednesday]");
	CHECK_STR(sentence_date("They will meet next Monday.", ref), "none");
	CHECK_STR(sentence_date("Rebels attacked the town yesterday.", ref),
		  "2023-09-19 [yesterday]");
	CHECK_STR(sentence_date("The minister arrives today.", ref), "2023-09-20 [today]");
	CHECK_STR(sentence_date("Shelling resumed last night.", ref), "2023-09-19 [last night]");
	CHECK_STR(sentence_date("Rebels attacked the town yesterday.", none), "none");
	CHECK_STR(sentence_date("On Monday, September 18, 2023, rebels attacked.", none),
		  "2023-09-18 [Monday, September 18, 2023]");
	/* An explicit date wins over a relative one. */
	CHECK_STR(sentence_date("He said on Tuesday that the attack of 12 September was planned.", ref),
		  "2023-09-12 [12 September]");
	CHECK_STR(sentence_date("Mondayville is a town.", ref), "none");

	/* Issue 11: relative phrases, with their precision (ref is Wednesday
	 * 2023-09-20). */
	CHECK_STR(sentence_date("Rebels attacked the town two days ago.", ref),
		  "2023-09-18 [two days ago]");
	CHECK_STR(sentence_date("Rebels attacked the town 3 days ago.", ref),
		  "2023-09-17 [3 days ago]");
	CHECK_STR(sentence_date("The raid came a week ago.", ref), "2023-09-11 [a week ago] week");
	CHECK_STR(sentence_date("Troops shelled the city last week.", ref),
		  "2023-09-11 [last week] week");
	CHECK_STR(sentence_date("Troops shelled the city earlier this week.", ref),
		  "2023-09-18 [earlier this week] week");
	CHECK_STR(sentence_date("Police arrested him last month.", ref),
		  "2023-08-01 [last month] month");
	CHECK_STR(sentence_date("Police arrested him earlier this month.", ref),
		  "2023-09-01 [earlier this month] month");
	CHECK_STR(sentence_date("Talks collapsed two months ago.", ref),
		  "2023-07-01 [two months ago] month");
	CHECK_STR(sentence_date("Talks will resume later this month.", ref), "none");
	CHECK_STR(sentence_date("The army retook the town on the 16th.", ref),
		  "2023-09-16 [on the 16th]");
	CHECK_STR(sentence_date("The army retook the town on the 25th.", ref),
		  "2023-08-25 [on the 25th]");
	CHECK_STR(sentence_date("Protesters marched on Sunday.", ref), "2023-09-17 [Sunday]");
	CHECK_STR(sentence_date("Protesters marched last Friday.", ref), "2023-09-15 [last Friday]");
	CHECK_STR(sentence_date("Protesters marched last Wednesday.", ref),
		  "2023-09-13 [last Wednesday]");
	cw_date jan = { 2024, 1, 3 };
	CHECK_STR(sentence_date("Police arrested him last month.", jan),
		  "2023-12-01 [last month] month");
	CHECK_STR(sentence_date("Rebels attacked the town four days ago.", jan),
		  "2023-12-30 [four days ago]");
	CHECK_STR(sentence_date("Police arrested him last month.", none), "none");
	/* a relative date of what came before is not the news's */
	CHECK_STR(sentence_date("Yaish, who had been arrested 15 months ago, was freed.", ref), "none");
	CHECK_STR(sentence_date("Yaish, who had been arrested two days ago, was freed.", ref), "none");
	CHECK_STR(sentence_date("Travel was advised against after the shooting last week.", ref),
		  "none");

	/* Issue 11: a record's date, ISO 8601 timestamps included. */
	CHECK_STR(any("2024-03-05"), "2024-03-05");
	CHECK_STR(any("20240305"), "2024-03-05");
	CHECK_STR(any("2024-03-05T09:12:00Z"), "2024-03-05");
	CHECK_STR(any("2024-03-05T23:30:00-05:00"), "2024-03-05");
	CHECK_STR(any("2024-03-05T09:12:00.123+0100"), "2024-03-05");
	CHECK_STR(any("2024-03-05T09:12"), "2024-03-05");
	CHECK_STR(any("2024-03-05 09:12:00"), "2024-03-05");
	CHECK_STR(any(" 2024-03-05 "), "2024-03-05");
	CHECK_STR(any("Tue, 05 Mar 2024 09:12:00 GMT"), "2024-03-05");
	CHECK_STR(any("March 5, 2024"), "2024-03-05");
	CHECK_STR(any("2024-02-30"), "bad");
	CHECK_STR(any("2024-02-29T10:00:00Z"), "2024-02-29");
	CHECK_STR(any("2023-02-29"), "bad");
	CHECK_STR(any("2024-03-05T25:00:00Z"), "bad");
	CHECK_STR(any("2024-03-05Tnoon"), "bad");
	CHECK_STR(any("2024-13-01"), "bad");
	CHECK_STR(any("March 5"), "bad");
	CHECK_STR(any("yesterday"), "bad");
	CHECK_STR(any(""), "bad");
	return check_done("test_dates");
}
