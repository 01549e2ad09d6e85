/* test_codes.c -- the CAMEO code table: roots, lookups, and agreement with
 * the reference code list (when ../shared is there). */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"
#include "check.h"

/* Every code of the reference list must be in ours with the same numbers. */
static void compare_with_reference(const cw_codes *c)
{
	FILE *f = fopen(SHARED_DIR "/reference/cameo/event-codes.tsv", "r");
	CHECK(f != NULL);
	if (!f)
		return;
	char line[1024];
	int n = 0, missing = 0, differ = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || strncmp(line, "code\t", 5) == 0)
			continue;
		char *fields[8];
		if (cw_split(line, '\t', fields, 8) < 4)
			continue;
		n++;
		const cw_code_info *ci = cw_codes_get(c, fields[0]);
		if (!ci) {
			missing++;
			fprintf(stderr, "missing code %s\n", fields[0]);
			continue;
		}
		double g = strtod(fields[3], NULL);
		if (ci->quad != atoi(fields[2]) || ci->goldstein < g - 1e-9 || ci->goldstein > g + 1e-9) {
			differ++;
			fprintf(stderr, "code %s: quad/goldstein differ\n", fields[0]);
		}
	}
	fclose(f);
	CHECK(n > 300);
	CHECK_INT(missing, 0);
	CHECK_INT(differ, 0);
}

/* The classes the coder reads: violence, the implied target, and what an
 * act becomes when it is intended, threatened, demanded, appealed for or
 * refused. */
static void test_classes(const cw_codes *c)
{
	static const struct { const char *code, *counter[CW_NCOUNTERS]; int violent, implied; } t[] = {
		{ "0841", { "0353", "", "1053", "0253", "1243" }, 0, CW_I_OWN },
		{ "087", { "0356", "", "1056", "0256", "1246" }, 0, CW_I_OWN },
		{ "040", { "036", "", "106", "026", "125" }, 0, CW_I_OWN },
		/* aid goes where it is delivered: "a plane carrying supplies landed in Libya" */
		{ "072", { "0332", "", "1032", "0232", "1222" }, 0, CW_I_PLACE },
		{ "190", { "", "138", "100", "020", "" }, 1, CW_I_PLACE },
		{ "1724", { "", "1324", "100", "020", "" }, 0, CW_I_OWN },
		{ "141", { "", "133", "100", "020", "" }, 0, CW_I_GOV },
		{ "100", { "", "100", "100", "020", "" }, 0, CW_I_PEOPLE },
		{ "010", { "010", "", "", "", "" }, 0, CW_I_NONE },
		{ "015", { "015", "", "", "", "" }, 0, CW_I_PLACE },
		/* a code the table lacks takes its parent's classes */
		{ "1952", { "", "1384", "100", "020", "" }, 1, CW_I_PLACE },
		{ "0875", { "0356", "", "1056", "0256", "1246" }, 0, CW_I_OWN },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		for (int k = 0; k < CW_NCOUNTERS; k++)
			CHECK_STR(cw_code_counter(c, t[i].code, k), t[i].counter[k]);
		CHECK_INT(cw_code_violent(c, t[i].code), t[i].violent);
		CHECK_INT(cw_code_implied(c, t[i].code), t[i].implied);
	}
	CHECK(cw_codes_class(c, "99") == NULL);
	CHECK(cw_code_is(c, "112", CW_CC_NEWS) && cw_code_is(c, "1246", CW_CC_NEWS));
	CHECK(cw_code_is(c, "010", CW_CC_ABOUT) && !cw_code_is(c, "011", CW_CC_ABOUT));
	CHECK(!cw_code_is(c, "190", CW_CC_NEWS | CW_CC_ABOUT));
	/* protests told in a relative clause stay news; denials beside other acts too */
	CHECK(cw_code_is(c, "145", CW_CC_DEED) && cw_code_is(c, "14", CW_CC_DEED));
	CHECK(!cw_code_is(c, "190", CW_CC_DEED));
	CHECK(cw_code_is(c, "016", CW_CC_NEWS) && !cw_code_is(c, "010", CW_CC_NEWS));
	CHECK_STR(cw_code_counter(c, "99", CW_C_INTENT), "");
}

int main(void)
{
	char err[512];
	cw_codes *c = NULL;
	CHECK_INT(cw_codes_load(&c, "data", err, sizeof err), 0);
	if (!c) {
		fprintf(stderr, "load failed: %s\n", err);
		return check_done("test_codes");
	}
	int roots = 0;
	for (int r = 1; r <= 20; r++) {
		char code[12];
		snprintf(code, sizeof code, "%02d", r);
		const cw_code_info *ci = cw_codes_get(c, code);
		if (ci && ci->quad == (r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4))
			roots++;
	}
	CHECK_INT(roots, 20);

	const cw_code_info *ci = cw_codes_get(c, "042");
	CHECK(ci != NULL);
	if (ci) {
		CHECK_STR(ci->code, "042");
		CHECK_INT(ci->quad, 1);
		CHECK(ci->goldstein > 1.8 && ci->goldstein < 2.0);
		CHECK_STR(ci->plover_event, "CONSULT");
		CHECK_STR(ci->plover_mode, "visit");
		CHECK(ci->plover_context == NULL);
		CHECK(ci->name && *ci->name);
	}
	ci = cw_codes_get(c, "010");
	CHECK(ci && ci->plover_event == NULL && ci->quad == 1);
	ci = cw_codes_get(c, "190");
	CHECK(ci && ci->quad == 4 && ci->goldstein == -10.0);
	CHECK(cw_codes_get(c, "999") == NULL);
	CHECK(cw_codes_get(c, "") == NULL);
	CHECK(cw_codes_get(c, NULL) == NULL);

	test_classes(c);
	CHECK(access(SHARED_DIR, R_OK) != 0 || (compare_with_reference(c), 1));
	cw_codes_free(c);

	/* local codes: known to the verb loader, no quad class to print */
	char dir[] = "/tmp/curlew-codes-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/cameo-codes.tsv", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("01\t1\t0.0\t-\t-\t-\tstatement\n903\t-\t-\t-\t-\t-\tlocal\n"
		      "174K\t-\t-\t-\t-\t-\tlocal\n", f);
		fclose(f);
	}
	c = NULL;
	CHECK_INT(cw_codes_load(&c, dir, err, sizeof err), 0);
	CHECK(cw_codes_known(c, "903") && cw_codes_known(c, "174K") && cw_codes_known(c, "01"));
	CHECK(cw_codes_get(c, "903") == NULL && !cw_codes_known(c, "904"));
	CHECK(cw_codes_class(c, "01") == NULL);   /* short lines carry no classes */
	cw_codes_free(c);
	if ((f = fopen(path, "w"))) {
		fputs("08\t2\t5.0\t-\t-\t-\t-\town\t035\t-\t-\t-\t-\tyield\n"
		      "080\t2\t5.0\t-\t-\t-\tyield\n", f);
		fclose(f);
	}
	c = NULL;
	CHECK_INT(cw_codes_load(&c, dir, err, sizeof err), -1);
	CHECK(strstr(err, ":1: counterpart 035 is not in the table") != NULL);
	if ((f = fopen(path, "w"))) {
		fputs("08\t2\t5.0\t-\t-\t-\tcalm\town\t-\t-\t-\t-\t-\tyield\n", f);
		fclose(f);
	}
	c = NULL;
	CHECK_INT(cw_codes_load(&c, dir, err, sizeof err), -1);
	CHECK(strstr(err, ":1: classes are violent") != NULL);
	if ((f = fopen(path, "w"))) {
		fputs("08\t2\t5.0\t-\t-\t-\t-\town\t080\t-\t-\t-\t-\tyield\n"
		      "080\t2\t5.0\t-\t-\t-\tyield\n", f);
		fclose(f);
	}
	c = NULL;
	CHECK_INT(cw_codes_load(&c, dir, err, sizeof err), 0);
	CHECK_STR(cw_code_counter(c, "080", CW_C_INTENT), "080");   /* from its root */
	CHECK_INT(cw_code_implied(c, "080"), CW_I_OWN);
	cw_codes_free(c);
	if ((f = fopen(path, "w"))) {
		fputs("17K4\t-\t-\t-\t-\t-\tletter inside\n", f);
		fclose(f);
	}
	c = NULL;
	CHECK_INT(cw_codes_load(&c, dir, err, sizeof err), -1);
	CHECK(strstr(err, "local code") != NULL);
	remove(path);
	rmdir(dir);

	c = NULL;
	CHECK_INT(cw_codes_load(&c, "/nonexistent-curlew-data", err, sizeof err), -1);
	CHECK(c == NULL && strstr(err, "cameo-codes.tsv") != NULL);
	return check_done("test_codes");
}
