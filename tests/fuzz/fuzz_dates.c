/* fuzz_dates.c -- cw_parse_date_expr on arbitrary bytes.  The text is
 * copied without a terminating NUL so that reading past len is caught;
 * the first byte picks the reference year, to reach year-less dates
 * around year ends and leap days. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	cw_date ref = { 1990 + data[0] % 60, 1 + data[0] % 12, 1 + data[0] % 28 };
	if (data[0] & 0x80)
		ref = (cw_date){ 2024, 2, 29 };
	size_t n = size - 1;
	char *text = malloc(n ? n : 1);
	FZ_ASSERT(text);
	memcpy(text, data + 1, n);
	cw_date out = { 0, 0, 0 };
	size_t used = cw_parse_date_expr(text, n, ref, &out);
	FZ_ASSERT(used <= n);
	if (used)
		FZ_ASSERT(cw_date_valid(out));
	free(text);
	return 0;
}
