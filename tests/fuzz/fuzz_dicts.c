/* fuzz_dicts.c -- curlew's own dictionary loaders.  They read files, so
 * the input is written into a scratch data directory whose other files
 * are links to the real ones: the first byte picks which file the rest
 * replaces, and the loader that reads it runs.  A load may fail (with a
 * message) but must not crash or leak; a successful one is freed again. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include "fuzz.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

static const char *files[] = {
	"cameo-codes.tsv", "gen/countries.tsv", "countries-extra.tsv", "abbreviations.txt",
	"actors.txt", "agents.txt", "places.tsv", "verbs.txt", "confidence.tsv",
};
#define NFILES (sizeof files / sizeof files[0])

static char dir[256];
static struct curlew base;   /* codes and countries from the real data */

static void link_real(const char *name)
{
	char from[4096], to[512];
	snprintf(from, sizeof from, "%s/%s", CURLEW_DATA_DIR, name);
	if (from[0] != '/') {   /* a relative data dir: links need absolute targets */
		char cwd[2048];
		FZ_ASSERT(getcwd(cwd, sizeof cwd));
		snprintf(from, sizeof from, "%s/%s/%s", cwd, CURLEW_DATA_DIR, name);
	}
	snprintf(to, sizeof to, "%s/%s", dir, name);
	unlink(to);
	FZ_ASSERT(symlink(from, to) == 0);
}

static void cleanup(void)
{
	char p[512];
	for (size_t i = 0; i < NFILES; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	snprintf(p, sizeof p, "%s/gen", dir);
	rmdir(p);
	rmdir(dir);
	cw_codes_free(base.codes);
	cw_countries_free(base.countries);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/curlew-fuzz-dicts.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FZ_ASSERT(mkdtemp(dir));
	char gen[512];
	snprintf(gen, sizeof gen, "%s/gen", dir);
	FZ_ASSERT(mkdir(gen, 0700) == 0);
	for (size_t i = 0; i < NFILES; i++)
		link_real(files[i]);
	char err[400];
	base.data_dir = dir;
	FZ_ASSERT(cw_codes_load(&base.codes, dir, err, sizeof err) == 0);
	FZ_ASSERT(cw_countries_load(&base.countries, dir, err, sizeof err) == 0);
	FZ_ASSERT(cw_lemmas_init() == 0);
	atexit(cleanup);
}

static void write_file(const char *name, const uint8_t *data, size_t n)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	unlink(p);
	FILE *f = fopen(p, "wb");
	FZ_ASSERT(f);
	FZ_ASSERT(fwrite(data, 1, n, f) == n || n == 0);
	FZ_ASSERT(fclose(f) == 0);
}

static void load(size_t which)
{
	char err[400] = "";
	int rc;
	const char *f = files[which];
	if (!strcmp(f, "cameo-codes.tsv")) {
		cw_codes *c;
		rc = cw_codes_load(&c, dir, err, sizeof err);
		cw_codes_free(c);
	} else if (!strcmp(f, "gen/countries.tsv") || !strcmp(f, "countries-extra.tsv")) {
		cw_countries *c;
		rc = cw_countries_load(&c, dir, err, sizeof err);
		cw_countries_free(c);
	} else if (!strcmp(f, "abbreviations.txt")) {
		cw_abbrevs *a;
		rc = cw_abbrevs_load(&a, dir, err, sizeof err);
		cw_abbrevs_free(a);
	} else if (!strcmp(f, "places.tsv")) {
		cw_gazetteer *g;
		rc = cw_places_load(&g, &base, err, sizeof err);
		cw_places_free(g);
	} else if (!strcmp(f, "confidence.tsv")) {
		cw_conf_model *m;
		rc = cw_confidence_load(&m, dir, err, sizeof err);
		cw_confidence_free(m);
	} else if (!strcmp(f, "verbs.txt")) {
		cw_verb_dict *v;
		rc = cw_verbs_load(&v, &base, err, sizeof err);
		cw_verbs_free(v);
	} else {
		cw_actor_dict *a;
		rc = cw_actors_load(&a, &base, err, sizeof err);
		cw_actors_free(a);
	}
	/* A rejected file must say why, for the user to fix it. */
	if (rc < 0)
		FZ_ASSERT(err[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!dir[0])
		setup();
	size_t which = data[0] % NFILES;
	write_file(files[which], data + 1, size - 1);
	load(which);
	link_real(files[which]);
	return 0;
}
