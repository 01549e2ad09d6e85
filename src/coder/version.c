/*
 * version.c -- what decides a story's events, as hashes: the story's
 * content hash and the dictionary version (curlew.h, "event store").  The
 * store keeps both on every row so that --resume can tell a story coded
 * the same way from one whose text or data changed; they are the coder's
 * inputs, so they live here and are there in a build without the store.
 * Moved from store.c.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "coder.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	return h;
}

static void hex64(uint64_t h, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* A date as the coder will read it: valid dates normalised, anything else
 * empty (the coder ignores it too). */
static void norm_date(const char *s, char out[32])
{
	cw_date d;
	out[0] = '\0';
	if (s && cw_date_parse(s, &d) == 0)
		snprintf(out, 32, "%04d-%02d-%02d", d.y % 10000, d.m % 100, d.d % 100);
}

void cw_hash_parts(const char *text, size_t len, const char *date, const char *dflt, char out[17])
{
	uint64_t h = fnv(FNV_OFFSET, text, len);
	h = fnv(h, "\0", 1);
	h = fnv(h, date, strlen(date));
	h = fnv(h, "\0", 1);
	h = fnv(h, dflt, strlen(dflt));
	hex64(h, out);
}

void curlew_story_hash(const curlew_story *story, const char *default_date, char out[17])
{
	char d[32], dd[32];
	norm_date(story->date, d);
	norm_date(default_date, dd);
	cw_hash_parts(story->text ? story->text : "", story->text ? story->len : 0, d, dd, out);
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Every regular file under dir, in name order, names and contents. */
static int hash_dir(const char *dir, uint64_t *h, int depth)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, name_cmp);
	if (n < 0)
		return -1;
	int rc = 0;
	for (int i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;
		char path[4096];
		struct stat sb;
		if (nm[0] == '.' || rc < 0 ||
		    snprintf(path, sizeof path, "%s/%s", dir, nm) >= (int)sizeof path ||
		    stat(path, &sb) < 0)
			continue;
		if (S_ISDIR(sb.st_mode) && depth < 4) {
			*h = fnv(*h, nm, strlen(nm) + 1);
			rc = hash_dir(path, h, depth + 1);
		} else if (S_ISREG(sb.st_mode)) {
			FILE *f = fopen(path, "rb");
			if (!f) {
				rc = -1;
				continue;
			}
			*h = fnv(*h, nm, strlen(nm) + 1);
			char buf[65536];
			size_t got;
			while ((got = fread(buf, 1, sizeof buf, f)) > 0)
				*h = fnv(*h, buf, got);
			fclose(f);
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int curlew_dict_version(const curlew *cw, char out[17])
{
	uint64_t h = FNV_OFFSET;
	/* The coding path: stories coded with link-grammar or the old shallow
	 * fallback are coded again by the tagger and chunker. */
	h = fnv(h, "chunk", 5);
	int rc = hash_dir(cw->data_dir, &h, 0);
	hex64(h, out);
	return rc < 0 ? CURLEW_ESYS : CURLEW_OK;
}

