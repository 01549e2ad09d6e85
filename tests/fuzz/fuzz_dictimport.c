/* fuzz_dictimport.c -- the dictionary-import round trip (issue 9): whatever
 * "curlew dict import" writes, curlew_open loads, or the import names the
 * line it dropped.
 *
 * The input is a whole PETRARCH set: after the first byte, sections split
 * at form feeds ('\f') are the verbs, actors, agents and discards files
 * (missing ones are empty).  Bit 0 of the first byte asks for --merge.  The
 * import reads them together, from curlew's own data dir, into a scratch
 * output dir; then:
 *   - a refused import says why;
 *   - an accepted one loads with curlew_open, every table (not only the
 *     converted ones, as fuzz_petrarch checks);
 *   - every line the import reports as dropped names one of the input
 *     files and a line in it.
 * About ten executions a second: each one copies data/ and opens it. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <dirent.h>
#include "fuzz.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

enum { NPARTS = 4 };
static const char *part_names[NPARTS] = { "verbs.txt", "actors.txt", "agents.txt", "discards.txt" };
static char dir[256], out[300], inputs[NPARTS][320];

static void rm_tree(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char p[1024];
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rm_tree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(path);
}

static void cleanup(void)
{
	rm_tree(dir);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/curlew-fuzz-dictimport.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FZ_ASSERT(mkdtemp(dir));
	snprintf(out, sizeof out, "%s/out", dir);
	for (int i = 0; i < NPARTS; i++)
		snprintf(inputs[i], sizeof inputs[i], "%s/%s", dir, part_names[i]);
	atexit(cleanup);
}

/* "FILE:LINE: ..." with FILE one of the inputs. */
static int names_input_line(const char *line)
{
	for (int i = 0; i < NPARTS; i++) {
		size_t n = strlen(inputs[i]);
		if (strncmp(line, inputs[i], n) == 0 && line[n] == ':') {
			char *end;
			long l = strtol(line + n + 1, &end, 10);
			return l > 0 && *end == ':';
		}
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	if (size < 1)
		return 0;
	if (!dir[0])
		setup();
	int merge = bytes[0] & 1;
	const char *p = (const char *)bytes + 1, *end = (const char *)bytes + size;
	for (int i = 0; i < NPARTS; i++) {
		const char *ff = p < end ? memchr(p, '\f', (size_t)(end - p)) : NULL;
		const char *stop = i < NPARTS - 1 && ff ? ff : end;
		FILE *f = fopen(inputs[i], "wb");
		FZ_ASSERT(f);
		if (p < stop)
			FZ_ASSERT(fwrite(p, 1, (size_t)(stop - p), f) == (size_t)(stop - p));
		FZ_ASSERT(fclose(f) == 0);
		p = stop < end ? stop + 1 : end;
	}
	rm_tree(out);

	const char *lists[NPARTS][2];
	for (int i = 0; i < NPARTS; i++) {
		lists[i][0] = inputs[i];
		lists[i][1] = NULL;
	}
	curlew_petrarch_files files = { lists[0], lists[1], lists[2], lists[3] };
	char *logbuf = NULL;
	size_t loglen = 0;
	FILE *log = open_memstream(&logbuf, &loglen);
	FZ_ASSERT(log);
	char err[600] = "";
	int rc = curlew_petrarch_import(NULL, &files, CURLEW_DATA_DIR, out, merge, log);
	snprintf(err, sizeof err, "%s", curlew_last_error());
	FZ_ASSERT(fclose(log) == 0);
	if (rc < 0) {
		FZ_ASSERT(err[0] != '\0');   /* a refusal says why */
	} else {
		curlew *cw = NULL;
		curlew_options o = CURLEW_OPTIONS_INIT;
		o.data_dir = out;
		o.use_parser = 0;
		if (curlew_open(&cw, &o) != CURLEW_OK) {
			fprintf(stderr, "the imported data dir does not load: %s\n", curlew_errmsg(cw));
			FZ_ASSERT(!"an imported data dir loads");
		}
		curlew_close(cw);
	}
	for (char *l = logbuf; l && *l;) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		if ((strstr(l, "; dropped") || strstr(l, ": dropped:")) && !names_input_line(l)) {
			fprintf(stderr, "a drop that names no input line: %s\n", l);
			FZ_ASSERT(!"every dropped line is named");
		}
		l = nl ? nl + 1 : l + strlen(l);
	}
	free(logbuf);
	return 0;
}
