/*
 * check.h -- the unit-test harness: a test program is a list of CHECKs; it
 * prints each failure with file and line and ends with "N passed, M failed".
 * Tests that need ../shared call SKIP_IF_NO_SHARED().
 */
#ifndef CW_CHECK_H
#define CW_CHECK_H
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int check_pass, check_fail;

#define CHECK(cond) do { \
	if (cond) check_pass++; \
	else { check_fail++; fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) check_pass++; \
	else { check_fail++; fprintf(stderr, "%s:%d: FAILED: %s is \"%s\", want \"%s\"\n", \
		__FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ == w_) check_pass++; \
	else { check_fail++; fprintf(stderr, "%s:%d: FAILED: %s is %lld, want %lld\n", \
		__FILE__, __LINE__, #got, g_, w_); } \
} while (0)

/* The shared reference directory, beside the checkout. */
#define SHARED_DIR "../shared"
#define SKIP_IF_NO_SHARED() do { \
	if (access(SHARED_DIR, R_OK) != 0) { \
		printf("skipped: %s needs ../shared, which is absent\n", __FILE__); \
		return 0; } } while (0)

static int check_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, check_pass, check_fail);
	return check_fail ? 1 : 0;
}
/* Writes text to dir/name, for tests that build a data directory of
 * their own; a file that cannot be written shows up as the load failing. */
static inline void put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static inline void remove_file(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	remove(path);
}

#endif
