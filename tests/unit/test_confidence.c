/* test_confidence.c -- the confidence stage (src/coder/confidence.c): the
 * loader's errors, the features a sentence's event gets (table-driven),
 * features to number under known weights, --min-confidence's library
 * option, and the shipped weights' ordering on plain cases.  Runs from
 * the checkout's root. */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "coder/coder.h"
#include "check.h"

static curlew *cw;

static int feature(const char *name)
{
	for (int i = 0; i < cw_confidence_nfeatures(); i++)
		if (strcmp(cw_confidence_feature_name(i), name) == 0)
			return i;
	fprintf(stderr, "no feature %s\n", name);
	return -1;
}

/* A model read from text written to a scratch directory; NULL and the
 * error in err when it does not load. */
static cw_conf_model *model(const char *text, char *err, size_t errlen)
{
	char dir[] = "/tmp/cw_conf_XXXXXX";
	if (!mkdtemp(dir))
		return NULL;
	if (text)
		put_file(dir, "confidence.tsv", text);
	cw_conf_model *m = NULL;
	*err = '\0';
	if (cw_confidence_load(&m, dir, err, errlen) < 0)
		m = NULL;
	remove_file(dir, "confidence.tsv");
	rmdir(dir);
	return m;
}

static void test_loader(void)
{
	char err[512];
	cw_conf_model *m = model("# a comment\nbias\t0.5\nviolent\t-1\n\nspecific\t2e-1\n", err, sizeof err);
	CHECK(m != NULL);
	cw_confidence_free(m);
	CHECK(model("bias\t1\nsurprise\t2\n", err, sizeof err) == NULL);
	CHECK(strstr(err, "confidence.tsv:2: unknown feature \"surprise\"") != NULL);
	CHECK(model("bias\t1\nbias\t2\n", err, sizeof err) == NULL);
	CHECK(strstr(err, ":2: repeated feature \"bias\"") != NULL);
	CHECK(model("violent\tlots\n", err, sizeof err) == NULL);
	CHECK(strstr(err, ":1: want a feature, a tab and a number") != NULL);
	CHECK(model("violent 1\n", err, sizeof err) == NULL);
	CHECK(model("violent\t1\t2\n", err, sizeof err) == NULL);
	CHECK(model("violent\tinf\n", err, sizeof err) == NULL);
	CHECK(model("violent\t\n", err, sizeof err) == NULL);
	/* no file: no model, and no error (data dirs made before it) */
	CHECK(model(NULL, err, sizeof err) == NULL);
	CHECK_STR(err, "");
	/* every feature has a name, and the shipped file names each one */
	for (int i = 0; i < cw_confidence_nfeatures(); i++)
		CHECK(cw_confidence_feature_name(i) != NULL);
	CHECK(cw_confidence_feature_name(cw_confidence_nfeatures()) == NULL);
	CHECK(cw->confidence != NULL);
}

static curlew_doc *code(const char *text)
{
	curlew_story st = { 0 };
	st.id = "t";
	st.text = text;
	st.len = strlen(text);
	st.date = "2024-03-15";
	curlew_doc *d = NULL;
	if (cw_code_doc(cw, &st, NULL, &d, 0) < 0) {
		curlew_doc_free(d);
		return NULL;
	}
	return d;
}

/* The first event whose code starts with root (its sentence in *sp), or
 * NULL. */
static const cw_event *find(const curlew_doc *d, const char *root, const cw_sentence **sp)
{
	for (int i = 0; d && i < d->nsents; i++)
		for (int k = 0; k < d->sents[i].nevents; k++)
			if (strncmp(d->sents[i].events[k].code, root, strlen(root)) == 0) {
				*sp = &d->sents[i];
				return &d->sents[i].events[k];
			}
	return NULL;
}

typedef struct row {
	const char *text, *root;
	const char *on[6];        /* features that must be set (non-zero) */
	const char *off[6];       /* features that must be 0 */
} row;

static const row rows[] = {
	{ "Israeli troops attacked Palestinian militants in Gaza.", "19",
	  { "violent", "src_adj", "slot" },
	  { "nominal", "say", "no_target", "later", "crowded", "announced" } },
	{ "Russia will attack Ukraine.", "13", { "announced" }, { "violent", "refused", "nominal" } },
	{ "Obama said he would not help Israel.", "12", { "refused" }, { "announced", "src_coref" } },
	{ "Putin arrived in Ankara. He met Erdogan.", "040", { "src_coref", "later", "mutual" },
	  { "src_adj" } },
	{ "Hackers linked to Russia tried to hack the Ukrainian power grid.", "17", { "attempted" },
	  { "refused" } },
	{ "Russia attacked Ukraine, the ministry said.", "19", { "reported", "violent" },
	  { "attempted" } },
	{ "The Kremlin said on Monday.", "01", { "say", "statement", "no_target" }, { "violent" } },
	{ "The United States imposed sanctions on Iran.", "16", { "specific" }, { "nominal" } },
	{ "Germany and France met in Paris.", "04", { "mutual" }, { "no_target", "crowded" } },
	{ "Ukrainian and Russian negotiators held talks in Geneva with Swiss and Turkish diplomats.",
	  "04", { "crowded", "specific", "src_adj" }, { "say" } },
	{ "Riot police arrested protesters in Nairobi.", "17", { "src_agent", "src_resolved", "domestic" },
	  { "src_adj" } },
	{ "The talks ended. Russia later attacked Ukraine.", "19", { "later", "position" }, { "say" } },
	{ "Russian forces shelled Kharkiv on Monday, killing seven civilians.", "19",
	  { "violent", "tgt_implied" }, { "no_target" } },
	{ "Protesters rallied in Caracas.", "14", { "tgt_implied", "src_resolved" }, { "violent" } },
};

static void test_features(void)
{
	double x[128];
	CHECK(cw_confidence_nfeatures() <= 128);
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		curlew_doc *d = code(rows[r].text);
		const cw_sentence *s = NULL;
		const cw_event *e = find(d, rows[r].root, &s);
		if (!e) {
			fprintf(stderr, "no %s event in \"%s\"\n", rows[r].root, rows[r].text);
			CHECK(e != NULL);
			curlew_doc_free(d);
			continue;
		}
		cw_confidence_features(cw, s, e, x);
		for (int i = 0; i < 6 && rows[r].on[i]; i++) {
			int f = feature(rows[r].on[i]);
			if (!(f >= 0 && x[f] > 0))
				fprintf(stderr, "\"%s\": %s should be set\n", rows[r].text, rows[r].on[i]);
			CHECK(f >= 0 && x[f] > 0);
		}
		for (int i = 0; i < 6 && rows[r].off[i]; i++) {
			int f = feature(rows[r].off[i]);
			if (!(f >= 0 && x[f] == 0))
				fprintf(stderr, "\"%s\": %s should be 0\n", rows[r].text, rows[r].off[i]);
			CHECK(f >= 0 && x[f] == 0);
		}
		/* graded features stay in [0, 1]; the score too, in hundredths */
		for (int i = 0; i < cw_confidence_nfeatures(); i++)
			CHECK(x[i] >= 0 && x[i] <= 1);
		CHECK(e->confidence >= 0 && e->confidence <= 1);
		CHECK(fabs(e->confidence * 100 - round(e->confidence * 100)) < 1e-9);
		curlew_doc_free(d);
	}
}

/* Features to number: the logistic of bias + weights . features, in
 * hundredths; no model, -1. */
static void test_score(void)
{
	char err[512];
	double x[128] = { 0 };
	cw_conf_model *m = model("bias\t0\n", err, sizeof err);
	CHECK(fabs(cw_confidence_of(m, x) - 0.5) < 1e-12);
	cw_confidence_free(m);
	m = model("bias\t1.0986123\n", err, sizeof err);   /* ln 3: 3/4 */
	CHECK(fabs(cw_confidence_of(m, x) - 0.75) < 1e-12);
	cw_confidence_free(m);
	m = model("bias\t0\nviolent\t-1.0986123\nspecific\t2.1972246\n", err, sizeof err);
	x[feature("violent")] = 1;
	CHECK(fabs(cw_confidence_of(m, x) - 0.25) < 1e-12);
	x[feature("specific")] = 0.5;                        /* -ln 3 + ln 3 */
	CHECK(fabs(cw_confidence_of(m, x) - 0.5) < 1e-12);
	x[feature("specific")] = 1;
	CHECK(fabs(cw_confidence_of(m, x) - 0.75) < 1e-12);
	cw_confidence_free(m);
	m = model("bias\t30\n", err, sizeof err);
	CHECK(cw_confidence_of(m, x) == 1.0);
	cw_confidence_free(m);
	m = model("bias\t-30\n", err, sizeof err);
	CHECK(cw_confidence_of(m, x) == 0.0);
	cw_confidence_free(m);
	CHECK(cw_confidence_of(NULL, x) == -1);
}

static int count_events(const curlew_doc *d, int *maxk)
{
	int n = 0;
	*maxk = 0;
	for (int i = 0; d && i < d->nsents; i++)
		for (int k = 0; k < d->sents[i].nevents; k++, n++)
			if (d->sents[i].events[k].k > *maxk)
				*maxk = d->sents[i].events[k].k;
	return n;
}

/* The stage under weights that make violence 0.12 and the rest 0.50:
 * min_confidence drops what is below it, keeps the rest with their ids,
 * and keeps all at 0. */
static void test_stage(void)
{
	char err[512];
	cw_conf_model *m = model("bias\t0\nviolent\t-2\n", err, sizeof err), *shipped = cw->confidence;
	cw->confidence = m;
	const char *text = "Russian troops attacked Ukrainian positions and Putin met Erdogan in Sochi.";
	curlew_doc *d = code(text);
	int maxk, all = count_events(d, &maxk);
	CHECK(all >= 2);
	const cw_sentence *s;
	const cw_event *e = find(d, "19", &s);
	CHECK(e && e->confidence == 0.12);
	e = find(d, "04", &s);
	CHECK(e && e->confidence == 0.5);
	curlew_doc_free(d);

	cw->opts.min_confidence = 0.5;   /* 0.50 is kept: at or above */
	d = code(text);
	int kept = count_events(d, &maxk);
	CHECK(kept >= 1 && kept < all);
	CHECK(find(d, "19", &s) == NULL);
	CHECK(find(d, "04", &s) != NULL);
	CHECK_INT(curlew_doc_nevents(d), kept);
	CHECK(maxk > kept);              /* ids keep their k: there are gaps */
	curlew_doc_free(d);

	cw->opts.min_confidence = 0.51;
	d = code(text);
	CHECK_INT(count_events(d, &maxk), 0);
	curlew_doc_free(d);

	cw->opts.min_confidence = 0.0;
	d = code(text);
	CHECK_INT(count_events(d, &maxk), all);
	curlew_doc_free(d);

	/* no model: no confidence, and nothing dropped */
	cw->confidence = NULL;
	cw->opts.min_confidence = 0.9;
	d = code(text);
	CHECK_INT(count_events(d, &maxk), all);
	e = find(d, "19", &s);
	CHECK(e && e->confidence == -1);
	curlew_doc_free(d);
	cw->opts.min_confidence = 0;
	cw->confidence = shipped;
	cw_confidence_free(m);
}

/* A data directory of links to data/'s files but confidence.tsv. */
static int data_without_confidence(char *dir)
{
	if (!mkdtemp(dir))
		return -1;
	DIR *dp = opendir("data");
	if (!dp)
		return -1;
	char cwd[1024], from[2048], to[2048];
	if (!getcwd(cwd, sizeof cwd)) {
		closedir(dp);
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.' || strcmp(de->d_name, "confidence.tsv") == 0)
			continue;
		snprintf(from, sizeof from, "%s/data/%s", cwd, de->d_name);
		snprintf(to, sizeof to, "%s/%s", dir, de->d_name);
		if (symlink(from, to) < 0) {
			closedir(dp);
			return -1;
		}
	}
	closedir(dp);
	return 0;
}

static void remove_links(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char p[2048];
	while (dp && (de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		unlink(p);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

/* The library option: 0..1, else a usage error at open; above 0 it needs
 * the weights. */
static void test_option(void)
{
	const double bad[] = { -0.01, 1.01, NAN, INFINITY };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		curlew_options o = CURLEW_OPTIONS_INIT;
		o.min_confidence = bad[i];
		curlew *c = NULL;
		CHECK_INT(curlew_open(&c, &o), CURLEW_EUSAGE);
		CHECK(strstr(curlew_errmsg(c), "min_confidence") != NULL);
		curlew_close(c);
	}
	curlew_options o = CURLEW_OPTIONS_INIT;
	CHECK(o.min_confidence == 0);
	o.min_confidence = 1;
	curlew *c = NULL;
	CHECK_INT(curlew_open(&c, &o), CURLEW_OK);
	curlew_close(c);

	char dir[] = "/tmp/cw_conf_data_XXXXXX";
	if (data_without_confidence(dir) < 0) {
		CHECK(0);
		return;
	}
	o.data_dir = dir;
	o.min_confidence = 0;
	CHECK_INT(curlew_open(&c, &o), CURLEW_OK);   /* optional without the option */
	curlew_close(c);
	o.min_confidence = 0.5;
	CHECK_INT(curlew_open(&c, &o), CURLEW_EUSAGE);
	CHECK(strstr(curlew_errmsg(c), "confidence.tsv") != NULL);
	curlew_close(c);
	remove_links(dir);
}

/* The shipped weights order plain cases as the dev set did: a specific
 * cooperative act outranks a bare statement and a crowded violent one. */
static void test_shipped(void)
{
	curlew_doc *a = code("The United States imposed sanctions on Iran.");
	curlew_doc *b = code("The Kremlin said on Monday.");
	const cw_sentence *s;
	const cw_event *ea = find(a, "16", &s), *eb = find(b, "01", &s);
	CHECK(ea && eb && ea->confidence > eb->confidence);
	curlew_doc_free(a);
	curlew_doc_free(b);
}

int main(void)
{
	curlew_options o = CURLEW_OPTIONS_INIT;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		return 1;
	}
	test_loader();
	test_features();
	test_score();
	test_stage();
	test_option();
	test_shipped();
	curlew_close(cw);
	return check_done("test_confidence");
}
