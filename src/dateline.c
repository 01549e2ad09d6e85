/* dateline.c -- STUB: to be written. */
#include "internal.h"
int cw_dateline(const curlew *cw, curlew_doc *doc) { (void)cw; (void)doc; return 0; }
