/* dates.c -- STUB: to be written. */
#include "internal.h"
int cw_dates(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
size_t cw_parse_date_expr(const char *t, size_t n, cw_date ref, cw_date *out) { (void)t; (void)n; (void)ref; (void)out; return 0; }
