/* fuzz_petrarch.c -- the PETRARCH dictionary import (src/tools/petrarch.c).
 * The first byte picks the kind of dictionary (verbs, actors, agents,
 * discards); the rest is written as that one file and imported alone
 * into a scratch output dir.  An import may refuse a file (with a
 * message), but what it writes must then load with curlew's own loaders:
 * a converted data dir that curlew cannot open would strand the user.
 *
 * The data dir the import copies from is a slim one (the code table and
 * the grammar lines of curlew's agents and verbs, linked to the real
 * files), so an execution does not copy the whole of data/. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include "fuzz.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

static const char *own[] = { "cameo-codes.tsv", "agents.txt", "verbs.txt" };
static const char *outs[] = { "actors.txt", "agents.txt", "verbs.txt", "discards.txt",
			      "cameo-codes.tsv" };
#define NOWN (sizeof own / sizeof own[0])
#define NOUTS (sizeof outs / sizeof outs[0])

static char dir[256], data[300], out[300], input[300];
static cw_countries *countries;

static void cleanup(void)
{
	char p[512];
	for (size_t i = 0; i < NOWN; i++) {
		snprintf(p, sizeof p, "%s/%s", data, own[i]);
		unlink(p);
	}
	for (size_t i = 0; i < NOUTS; i++) {
		snprintf(p, sizeof p, "%s/%s", out, outs[i]);
		unlink(p);
	}
	unlink(input);
	rmdir(data);
	rmdir(out);
	rmdir(dir);
	cw_countries_free(countries);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/curlew-fuzz-petrarch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FZ_ASSERT(mkdtemp(dir));
	snprintf(data, sizeof data, "%s/data", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	snprintf(input, sizeof input, "%s/dict.txt", dir);
	FZ_ASSERT(mkdir(data, 0700) == 0);
	char cwd[2048];
	FZ_ASSERT(getcwd(cwd, sizeof cwd));
	for (size_t i = 0; i < NOWN; i++) {
		char from[4096], to[512];
		if (CURLEW_DATA_DIR[0] == '/')
			snprintf(from, sizeof from, "%s/%s", CURLEW_DATA_DIR, own[i]);
		else
			snprintf(from, sizeof from, "%s/%s/%s", cwd, CURLEW_DATA_DIR, own[i]);
		snprintf(to, sizeof to, "%s/%s", data, own[i]);
		FZ_ASSERT(symlink(from, to) == 0);
	}
	char err[400];
	FZ_ASSERT(cw_countries_load(&countries, CURLEW_DATA_DIR, err, sizeof err) == 0);
	FZ_ASSERT(cw_lemmas_init() == 0);
	atexit(cleanup);
}

/* The converted files must be ones curlew reads without complaint. */
static void load_converted(void)
{
	struct curlew base;
	memset(&base, 0, sizeof base);
	base.data_dir = out;
	base.countries = countries;
	char err[400] = "";
	if (cw_codes_load(&base.codes, out, err, sizeof err) < 0) {
		fprintf(stderr, "converted code table rejected: %s\n", err);
		FZ_ASSERT(!"converted code table loads");
	}
	cw_actor_dict *a = NULL;
	if (cw_actors_load(&a, &base, err, sizeof err) < 0) {
		fprintf(stderr, "converted actors/agents rejected: %s\n", err);
		FZ_ASSERT(!"converted actors and agents load");
	}
	cw_actors_free(a);
	cw_verb_dict *v = NULL;
	if (cw_verbs_load(&v, &base, err, sizeof err) < 0) {
		fprintf(stderr, "converted verbs rejected: %s\n", err);
		FZ_ASSERT(!"converted verbs load");
	}
	cw_verbs_free(v);
	cw_codes_free(base.codes);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	if (size < 1)
		return 0;
	if (!dir[0])
		setup();
	FILE *f = fopen(input, "wb");
	FZ_ASSERT(f);
	FZ_ASSERT(fwrite(bytes + 1, 1, size - 1, f) == size - 1 || size == 1);
	FZ_ASSERT(fclose(f) == 0);

	const char *one[] = { input, NULL };
	curlew_petrarch_files files = { NULL, NULL, NULL, NULL };
	switch (bytes[0] % 4) {
	case 0: files.verbs = one; break;
	case 1: files.actors = one; break;
	case 2: files.agents = one; break;
	default: files.discards = one; break;
	}
	char err[400] = "";
	int rc = curlew_petrarch_import(NULL, &files, data, out, 0, NULL);
	snprintf(err, sizeof err, "%s", curlew_last_error());
	if (rc < 0)
		FZ_ASSERT(err[0] != '\0');   /* a refusal says why */
	else
		load_converted();
	return 0;
}
