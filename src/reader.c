/* reader.c -- STUB: to be written. */
#include "internal.h"
#include <stdlib.h>
struct curlew_reader { int unused; };
int curlew_reader_open(curlew_reader **out, FILE *f, const char *name, enum curlew_format fmt) { (void)f; (void)name; (void)fmt; *out = calloc(1, sizeof **out); return 0; }
int curlew_reader_next(curlew_reader *r, curlew_story *s) { (void)r; (void)s; return CURLEW_EOF; }
const char *curlew_reader_errmsg(const curlew_reader *r) { (void)r; return ""; }
void curlew_reader_free(curlew_reader *r) { free(r); }
enum curlew_format curlew_format_from_name(const char *p) { (void)p; return CURLEW_FMT_TXT; }
