/* verbs.c -- STUB: to be written. */
#include "internal.h"
struct cw_verb_dict { int unused; };
#include <stdlib.h>
int cw_verbs_load(cw_verb_dict **out, const curlew *cw, char *e, size_t n) { (void)cw; (void)e; (void)n; *out = calloc(1, sizeof **out); return 0; }
void cw_verbs_free(cw_verb_dict *d) { free(d); }
int cw_verbs(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
