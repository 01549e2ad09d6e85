/*
 * fault.h -- failure on demand, for testing the error paths (as SQLite's
 * and Lua's test builds do).  In a build with -DCW_FAULT_INJECTION the
 * environment picks the failure:
 *
 *   CURLEW_FAIL_ALLOC=N   the N-th hooked allocation returns NULL (once)
 *   CURLEW_FAIL_WRITE=N   the N-th output write(2) fails with ENOSPC (once)
 *   CURLEW_SHORT_WRITE=N  the N-th output write(2) writes only half of its
 *                         bytes (at least one), as a pipe or a disk that
 *                         is filling up may; with CURLEW_FAIL_WRITE=N+1
 *                         it is a disk that fills in the middle of a story
 *   CURLEW_FAIL_STORE=N   the N-th event-store write (a row or a commit)
 *                         fails as if the database were full (once);
 *                         SQLite allocates with its own allocator, so
 *                         CURLEW_FAIL_ALLOC does not reach it
 *   CURLEW_FAULT_TRACE=1  print a backtrace where an allocation fails
 *   CURLEW_FAULT_COUNT=1  at exit, print on stderr how many of each ran
 *
 * In a normal build the hooks are constant 0 and cost nothing.  Hooked:
 * the arena's blocks, cw_map's tables and keys, the writer's output, and
 * the SQLite store's row inserts and commits.
 */
#ifndef CW_FAULT_H
#define CW_FAULT_H
#include <stdlib.h>

#ifdef CW_FAULT_INJECTION
int cw_fault_alloc(void);   /* 1 when this allocation must fail */
/* For a write(2) of n bytes: 0 to write them, -1 to fail (errno set),
 * else how many bytes to write instead. */
long cw_fault_write(size_t n);
int cw_fault_store(void);   /* 1 when this store write must fail */
#define CW_FAIL_ALLOC() cw_fault_alloc()
#define CW_FAIL_WRITE(n) cw_fault_write(n)
#define CW_FAIL_STORE() cw_fault_store()
#else
#define CW_FAIL_ALLOC() 0
#define CW_FAIL_WRITE(n) 0L
#define CW_FAIL_STORE() 0
#endif

static inline void *cw_malloc(size_t n)
{
	return CW_FAIL_ALLOC() ? NULL : malloc(n);
}

static inline void *cw_calloc(size_t n, size_t size)
{
	return CW_FAIL_ALLOC() ? NULL : calloc(n, size);
}
#endif
