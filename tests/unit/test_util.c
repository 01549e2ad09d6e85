/* test_util.c -- the string helpers that stand in for snprintf on the
 * coding path: each must write what snprintf wrote, byte for byte, at
 * every size, the truncation edge included. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "util/util.h"
#include "check.h"

static const char *const words[] = { "", "a", "ab", "abc", "abcd", "abcde", "USAGOV", "0875",
				     "Hamas", "prime minister", "caf\xc3\xa9" };
#define NWORDS (sizeof words / sizeof words[0])

/* cw_copy(dst, size, s) against snprintf(dst, size, "%s", s). */
static void copy_like_snprintf(void)
{
	for (size_t w = 0; w < NWORDS; w++)
		for (size_t size = 1; size <= 12; size++) {
			char want[16], got[16];
			memset(want, 'x', sizeof want);
			memset(got, 'x', sizeof got);
			snprintf(want, size, "%s", words[w]);
			cw_copy(got, size, words[w]);
			CHECK(memcmp(want, got, sizeof want) == 0);
		}
	/* overlapping, as set_code may be handed a mention's own field */
	char buf[16] = "abcdef";
	cw_copy(buf, sizeof buf, buf + 2);
	CHECK_STR(buf, "cdef");
}

/* cw_key2 against snprintf(buf, size, "%s\x1f%s", a, b): the same key, and
 * NULL exactly when snprintf would have cut it. */
static void key_like_snprintf(void)
{
	for (size_t a = 0; a < NWORDS; a++)
		for (size_t b = 0; b < NWORDS; b++)
			for (size_t size = 1; size <= 24; size++) {
				char want[32], got[32];
				int n = snprintf(want, size, "%s\x1f%s", words[a], words[b]);
				const char *k = cw_key2(got, size, words[a], words[b]);
				if ((size_t)n < size) {
					CHECK(k == got);
					CHECK_STR(k, want);
				} else {
					CHECK(k == NULL);
				}
			}
}

/* cw_put_int(p, v, digits) against sprintf(p, "%.*lld", digits, v): the
 * writer's integers (digits 1) and the read API's dates (4 and 2). */
static void put_int_like_snprintf(void)
{
	static const long long vals[] = { 0, 1, 7, 9, 10, 99, 100, 2024, 12345, 999999999,
					  -1, -7, -10, -2024, 4294967296LL, LLONG_MAX, LLONG_MIN };
	for (size_t v = 0; v < sizeof vals / sizeof vals[0]; v++)
		for (int digits = 1; digits <= 6; digits++) {
			char want[40], got[40];
			memset(got, 'x', sizeof got);
			int n = snprintf(want, sizeof want, "%.*lld", digits, vals[v]);
			char *end = cw_put_int(got, vals[v], digits);
			CHECK(end - got == n);
			CHECK(memcmp(want, got, (size_t)n) == 0);
			CHECK(*end == 'x');
		}
}

int main(void)
{
	copy_like_snprintf();
	key_like_snprintf();
	put_int_like_snprintf();
	return check_done("test_util");
}
