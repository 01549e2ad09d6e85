/* replay.c -- the corpus replayer: a plain main() that feeds every file of
 * the seed corpus (or the files and directories named on the command
 * line) to a fuzz target's LLVMFuzzerTestOneInput, once each.  `make
 * check` runs it on the normal and sanitizer builds; no new inputs are
 * generated.  A crash or failed invariant aborts the program. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef CORPUS_DIR
#define CORPUS_DIR "."
#endif

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	fclose(f);
	if (!buf)
		return -1;
	/* Exactly n bytes, as libFuzzer hands them over: overreads show. */
	uint8_t *exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int replay(const char *path, int *count)
{
	struct stat sb;
	if (stat(path, &sb) < 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	struct dirent **ents;
	int n = scandir(path, &ents, NULL, alphasort), rc = 0;
	if (n < 0) {
		perror(path);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.' && rc == 0) {
			char sub[4096];
			snprintf(sub, sizeof sub, "%s/%s", path, ents[i]->d_name);
			rc = replay(sub, count);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int main(int argc, char **argv)
{
	int count = 0, rc = 0;
	if (argc < 2)
		rc = replay(CORPUS_DIR, &count);
	for (int i = 1; i < argc && rc == 0; i++)
		rc = replay(argv[i], &count);
	const char *name = strrchr(argv[0], '/');
	printf("%s: %d inputs replayed, %s\n", name ? name + 1 : argv[0], count,
	       rc ? "error reading the corpus" : "no crash");
	if (count == 0 && rc == 0) {
		printf("%s: empty corpus\n", CORPUS_DIR);
		return 1;
	}
	return rc ? 1 : 0;
}
