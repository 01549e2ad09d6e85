/*
 * api.h -- what the public API's own files share (errors.c, records.c):
 * the per-thread last error and the flat records' cache.  Not installed.
 * Kept apart from internal.h, which is the stages' document, so that the
 * API layer moves as one piece.
 */
#ifndef CW_API_H
#define CW_API_H

#include "curlew.h"

/* Sets curlew_last_error() for this thread and returns rc, so that a
 * failure is reported in one line: return cw_fail(CURLEW_EUSAGE, ...). */
int cw_fail(int rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with a message already made (a handle's). */
int cw_fail_msg(int rc, const char *msg);

#endif
