/*
 * fault.c -- the counters behind fault.h's hooks, compiled only in the
 * fault-injection test build.  Counters are atomic because stories are
 * coded on several threads; a test that wants a repeatable failure point
 * runs with one thread.
 */
#include "fault.h"

#ifdef CW_FAULT_INJECTION
#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <unistd.h>
#include <stdatomic.h>
#include <stdio.h>

static long fail_alloc_at, fail_write_at, short_write_at, fail_store_at, trace;
static atomic_long allocs, writes, stores;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static long env_long(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? strtol(v, NULL, 10) : 0;
}

static void report(void)
{
	fprintf(stderr, "curlew: fault injection: %ld allocations, %ld writes, %ld store writes\n",
		(long)atomic_load(&allocs), (long)atomic_load(&writes), (long)atomic_load(&stores));
}

static void init(void)
{
	fail_alloc_at = env_long("CURLEW_FAIL_ALLOC");
	fail_write_at = env_long("CURLEW_FAIL_WRITE");
	short_write_at = env_long("CURLEW_SHORT_WRITE");
	fail_store_at = env_long("CURLEW_FAIL_STORE");
	trace = env_long("CURLEW_FAULT_TRACE");
	if (env_long("CURLEW_FAULT_COUNT"))
		atexit(report);
}

int cw_fault_alloc(void)
{
	pthread_once(&once, init);
	long n = atomic_fetch_add(&allocs, 1) + 1;
	if (n != fail_alloc_at)
		return 0;
	if (trace) {   /* where the failure was injected, for debugging */
		void *pcs[32];
		backtrace_symbols_fd(pcs, backtrace(pcs, 32), 2);
	}
	errno = ENOMEM;
	return 1;
}

long cw_fault_write(size_t size)
{
	pthread_once(&once, init);
	long n = atomic_fetch_add(&writes, 1) + 1;
	if (n == short_write_at && size > 1)
		return (long)(size / 2);
	if (n != fail_write_at)
		return 0;
	errno = ENOSPC;
	return -1;
}

int cw_fault_store(void)
{
	pthread_once(&once, init);
	long n = atomic_fetch_add(&stores, 1) + 1;
	return n == fail_store_at;
}
#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int cw_fault_unused;
#endif
