/* test_codes.c -- the CAMEO code table: roots, lookups, and agreement with
 * the reference code list (when ../shared is there). */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
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
