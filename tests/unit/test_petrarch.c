/*
 * test_petrarch.c -- PETRARCH dictionaries converted into curlew's formats
 * (small inline dictionaries written to a temporary directory), the
 * converted data dir loaded and used, and, when ../shared is present, the
 * PETRARCH unit-test records run through curlew.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include "check.h"
#include "curlew.h"

static char tmpdir[] = "/tmp/test-petrarch-XXXXXX";

static void put(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

/* The whole file, malloc'd, or NULL. */
static char *slurp(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[1024];
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rm_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static const char actors_src[] =
	"<!-- a test dictionary -->\n"
	"ARNOR_  [ARN]\n"
	"+ARNORIAN\n"
	"GONDOR [GON]\n"
	"+MINAS_TIRITH\n"
	"UN_  [IGOUNO]\n"
	"ORC_  [MORREB]\n"
	"SAM_GAMGEE [HOB]  # default\n"
	"\t[HOBCIV <20080120]\n"
	"\t[HOBMIL 20080120-20121109]\n"
	"\t[HOBELI >130119]\n"
	"NOBODY_IN_PARTICULAR\n"
	"THE_SHIRE  [FRO/BIL]\n";

static const char agents_src[] =
	"!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
	"CLERIC  [~REL]\n"
	"FOREIGN_MINISTER [~GOVFRM] # a title\n"
	"POLICE {} [ ~COP]\n"
	"ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
	"CONGRESS!PERSON! [~LEG]\n"
	"HUMAN_RIGHTS_BODY  [NGO~]\n";

static const char verbs_src[] =
	"&TIETYPES\n"
	"+MILITARY\n"
	"+ECONOMIC\n"
	"+CULTURAL_EXCHANGE\n"
	"\n"
	"--- RESTORE  [064]  ---\n"
	"RESTORE\n"
	"REESTABLISH\n"
	"- * &TIETYPES TIES [0641]\n"
	"- NOT * RELATIONS  [112]\n"
	"- * FXLL DIPLOMATIC  [+++]\n"
	"- * THE FULL  [---]\n"
	"\n"
	"--- EXCLUDE  [1721] ---\n"
	"+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n"
	"- * FOR CONSTRUCTION [071]\n"
	"- * + IN DETENTION [173:174]\n"
	"WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [1711]\n"
	"- WILL NOT * [081]\n"
	"--- LEFT  [032:033]  ---\n"
	"LEFT\n"
	"~ a (a b WILL_ATTACK) SAY = a b 138\n";

static const char discards_src[] =
	"+WORLD CUP\n"
	"BASEBALL\n"
	"MONTHS_LATER_\n";

static void test_import(void)
{
	put("T.actors.txt", actors_src);
	put("T.agents.txt", agents_src);
	put("T.verbs.txt", verbs_src);
	put("T.discards.txt", discards_src);
	char out[600];
	snprintf(out, sizeof out, "%s/out", tmpdir);
	char err[256] = "";
	FILE *log = fopen("/dev/null", "w");
	int rc = curlew_petrarch_import(tmpdir, NULL, "data", out, 0, log);
	snprintf(err, sizeof err, "%s", curlew_last_error());
	if (log)
		fclose(log);
	CHECK_INT(rc, CURLEW_OK);
	if (rc != CURLEW_OK) {
		fprintf(stderr, "import: %s\n", err);
		return;
	}

	char *a = slurp(out, "actors.txt");
	CHECK(a != NULL);
	CHECK(has_line(a, "Arnor | Arnorian  [ARN]"));
	CHECK(has_line(a, "Gondor | Minas Tirith  [GON]"));
	CHECK(has_line(a, "UN  [IGOUNO]"));
	CHECK(has_line(a, "ORC  [MORREB]"));   /* one three-letter word stays an acronym */
	CHECK(has_line(a, "Sam Gamgee  [HOB] [HOBCIV - 2008-01-20] [HOBMIL 2008-01-20 2012-11-09] [HOBELI 2013-01-19 -]"));
	CHECK(has_line(a, "The Shire  [FRO]"));
	CHECK(a && !strstr(a, "Nobody"));
	free(a);

	char *g = slurp(out, "agents.txt");
	CHECK(g != NULL);
	CHECK(has_line(g, "cleric | clerics+  [REL]"));
	CHECK(has_line(g, "foreign minister | foreign ministers+  [GOV FRM]"));
	CHECK(has_line(g, "police  [COP]"));
	CHECK(has_line(g, "attorney general | attorneys general+  [GOV]"));
	CHECK(has_line(g, "congressman | congressmen+ | congresswoman | congresswomen+  [LEG]"));
	CHECK(has_line(g, "human rights body | human rights bodies+  [NGO]"));
	/* curlew's pronouns stay even when PETRARCH's agents are used alone */
	CHECK(g && strstr(g, "[pronoun]"));
	CHECK(g && !strstr(g, "[GOV MIL]"));
	free(g);

	char *v = slurp(out, "verbs.txt");
	CHECK(v != NULL);
	CHECK(has_line(v, "064 restore|reestablish {T}"));
	CHECK(has_line(v, "064 restore|reestablish"));
	CHECK(has_line(v, "0641 restore|reestablish * military|economic|cultural_exchange * ties {T}"));
	CHECK(has_line(v, "0641 restore|reestablish * military|economic|cultural_exchange * ties"));
	CHECK(has_line(v, "1721 cordon off"));
	CHECK(has_line(v, "071 cordon off * for * construction"));
	CHECK(has_line(v, "173:174 cordon off {T} * in * detention"));
	CHECK(has_line(v, "032:033 left"));
	CHECK(has_line(v, "1711 wire > tap"));
	CHECK(has_line(v, "081 will * not * wire > tap"));
	CHECK(has_line(v, "112 not * > restore|reestablish * relations"));   /* words before the verb */
	CHECK(v && !strstr(v, "fxll"));        /* not a CAMEO code */
	CHECK(v && !strstr(v, "the * full"));  /* null code */
	CHECK(v && strstr(v, "!adj "));        /* curlew's participle list stays */
	free(v);

	char *d = slurp(out, "discards.txt");
	CHECK(d && has_line(d, "story     world cup*"));
	CHECK(d && has_line(d, "sentence  baseball*"));
	CHECK(d && has_line(d, "sentence  months later"));
	free(d);

	char *c = slurp(out, "cameo-codes.tsv");
	CHECK(c && strstr(c, "\n0641\t"));
	free(c);
	char *gen = slurp(out, "gen/countries.tsv");
	CHECK(gen != NULL);
	free(gen);
	/* PETRARCH's dictionaries alone: curlew's Phoenix conversion stays out */
	char *ph = slurp(out, "phoenix/actors.txt");
	CHECK(ph == NULL);
	free(ph);

	/* the converted directory loads and codes */
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.data_dir = out;
	o.use_parser = 0;
	curlew *cw = NULL;
	rc = curlew_open(&cw, &o);
	CHECK_INT(rc, CURLEW_OK);
	if (rc != CURLEW_OK)
		fprintf(stderr, "open: %s\n", curlew_errmsg(cw));
	curlew_close(cw);

	/* merged: curlew's own entries first, the imported ones after */
	char merged[600];
	snprintf(merged, sizeof merged, "%s/merged", tmpdir);
	const char *verbs_only[] = { NULL, NULL };
	char vpath[600];
	snprintf(vpath, sizeof vpath, "%s/T.verbs.txt", tmpdir);
	verbs_only[0] = vpath;
	const char *none[] = { NULL };
	curlew_petrarch_files files = { verbs_only, none, none, none };
	rc = curlew_petrarch_import(NULL, &files, "data", merged, 1, NULL);
	CHECK_INT(rc, CURLEW_OK);
	char *mv = slurp(merged, "verbs.txt");
	CHECK(mv && strstr(mv, "010 say @say @report") && strstr(mv, "064 restore|reestablish"));
	CHECK(mv && strstr(mv, "010 say") < strstr(mv, "064 restore|reestablish"));
	free(mv);
	char *ma = slurp(merged, "agents.txt");
	CHECK(ma && strstr(ma, "[GOV MIL]"));
	free(ma);
	char *mp = slurp(merged, "phoenix/actors.txt");   /* with --merge it goes along */
	CHECK(mp != NULL);
	free(mp);
	rc = curlew_open(&cw, &(curlew_options){ CURLEW_OPTIONS_VERSION, merged, 1, 0, NULL, 0, 0 });
	CHECK_INT(rc, CURLEW_OK);
	curlew_close(cw);
}

/* Lines whose conversion curlew refused (issue 9): a dated actor whose
 * name has no letters, a literal '>' in a verb, a verb line that is only
 * '>' and a dash.  Each is dropped and named with its file and line, and
 * the converted directory loads. */
static void test_refused(void)
{
	put("R.actors.txt", "GOOD_NAME [ABC]\n- \n\t[ONO <911226]\n... [XYZ 19900101-19951231]\n");
	put("R.verbs.txt",
	    "--- SEIZE   [173] ---\n"
	    "SEIZE\n"
	    "+ARMY_UNITROL  > [0874]\n"
	    " > - HOST   [042:043] ---\n"
	    "- * TROOPS [190]\n"
	    "- POLICE * SUSPECT [173]\n");
	char apath[600], vpath[600], out[600], logpath[600];
	snprintf(apath, sizeof apath, "%s/R.actors.txt", tmpdir);
	snprintf(vpath, sizeof vpath, "%s/R.verbs.txt", tmpdir);
	snprintf(out, sizeof out, "%s/refused", tmpdir);
	snprintf(logpath, sizeof logpath, "%s/refused.log", tmpdir);
	const char *acts[] = { apath, NULL }, *verbs[] = { vpath, NULL }, *none[] = { NULL };
	curlew_petrarch_files files = { verbs, acts, none, none };
	char err[256] = "";
	FILE *log = fopen(logpath, "w");
	int rc = curlew_petrarch_import(NULL, &files, "data", out, 0, log);
	snprintf(err, sizeof err, "%s", curlew_last_error());
	if (log)
		fclose(log);
	CHECK_INT(rc, CURLEW_OK);
	char *l = slurp(tmpdir, "refused.log");
	char want[700];
	snprintf(want, sizeof want, "%s:2: an actor name with no letters or digits; dropped", apath);
	CHECK(l && strstr(l, want));
	snprintf(want, sizeof want, "%s:4: an actor name with no letters or digits; dropped", apath);
	CHECK(l && strstr(l, want));
	snprintf(want, sizeof want, "%s:3: a '>' in a verb", vpath);
	CHECK(l && strstr(l, want));
	snprintf(want, sizeof want, "%s:4: a '>' in a verb", vpath);
	CHECK(l && strstr(l, want));
	CHECK(l && !strstr(l, "refuses its conversion"));   /* the converter knew */
	free(l);
	char *v = slurp(out, "verbs.txt");
	CHECK(v && has_line(v, "173 seize {T}") && has_line(v, "190 seize * troops"));
	CHECK(v && !strstr(v, "unitrol") && !strstr(v, "> - host"));
	free(v);
	curlew *cw = NULL;
	rc = curlew_open(&cw, &(curlew_options){ CURLEW_OPTIONS_VERSION, out, 1, 0, NULL, 0, 0 });
	CHECK_INT(rc, CURLEW_OK);
	if (rc != CURLEW_OK)
		fprintf(stderr, "open: %s\n", curlew_errmsg(cw));
	curlew_close(cw);
}

/* The acceptance run.  The threshold is what curlew measured when this
 * test was last set (220 of 283 records, 77.7%, with the chunker; 231
 * with the link-grammar parse, whose removal lost records of PETRARCH's
 * comma-clause deletion and compound attachment), less a margin for
 * changes in the other stages; the rate is printed so that progress is
 * visible. */
#define PETRARCH_MIN_RATE 0.75

static void test_unit_records(void)
{
	const char *xml = SHARED_DIR "/reference/petrarch/PETR.UnitTest.records.xml";
	if (access(xml, R_OK) != 0) {
		printf("skipped: %s absent\n", xml);
		return;
	}
	FILE *out = fopen("/dev/null", "w");
	int passed = 0, failed = 0;
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.data_dir = "data";
	int rc = curlew_petrarch_validate(xml, &o, out ? out : stdout, &passed, &failed);
	if (out)
		fclose(out);
	CHECK_INT(rc, CURLEW_OK);
	int n = passed + failed;
	CHECK(n > 250);
	double rate = n ? (double)passed / n : 0;
	printf("PETRARCH unit-test records: %d passed, %d failed (%.1f%%)\n", passed, failed, 100 * rate);
	CHECK(rate >= PETRARCH_MIN_RATE);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_import();
	test_refused();
	if (access(SHARED_DIR, R_OK) == 0)
		test_unit_records();
	else
		printf("skipped: the PETRARCH unit-test run needs ../shared\n");
	rm_tree(tmpdir);
	return check_done("test_petrarch");
}
