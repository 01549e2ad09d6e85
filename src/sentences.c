/* sentences.c -- STUB: to be written. */
#include "internal.h"
struct cw_abbrevs { int unused; };
#include <stdlib.h>
int cw_abbrevs_load(cw_abbrevs **out, const char *d, char *e, size_t n) { (void)d; (void)e; (void)n; *out = calloc(1, sizeof **out); return 0; }
void cw_abbrevs_free(cw_abbrevs *a) { free(a); }
int cw_sentences(const curlew *cw, curlew_doc *doc) { (void)cw; (void)doc; return 0; }
