/* coref.c -- STUB: to be written. */
#include "internal.h"
int cw_coref(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
void cw_coref_free(curlew_doc *doc) { (void)doc; }
