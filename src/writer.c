/* writer.c -- STUB */
#include "internal.h"
int cw_write_doc(FILE *f, const curlew_doc *doc, enum curlew_out fmt) { (void)f; (void)doc; (void)fmt; return 0; }
void cw_json_str(FILE *f, const char *s, size_t n) { (void)f; (void)s; (void)n; }
