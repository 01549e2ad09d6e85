/*
 * arena.c -- one arena per document: the pipeline makes many small
 * allocations that all die with the document, so they come from large
 * blocks freed in one call.  Build with -DCW_ARENA_MALLOC to give every
 * allocation its own malloc, so that the sanitizers and valgrind see each
 * one (the test build does).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"
#include "fault.h"

#define BLOCK_SIZE (64 * 1024)
#define ALIGN 16

typedef struct block {
	struct block *next;
	size_t used, size;
	_Alignas(ALIGN) unsigned char data[];
} block;

struct cw_arena {
	block *head;
};

cw_arena *cw_arena_new(void)
{
	return cw_calloc(1, sizeof(cw_arena));
}

void cw_arena_free(cw_arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static block *new_block(cw_arena *a, size_t size)
{
	block *b = cw_malloc(sizeof(block) + size);
	if (!b)
		return NULL;
	b->used = 0;
	b->size = size;
	b->next = a->head;
	a->head = b;
	return b;
}

void *cw_alloc(cw_arena *a, size_t n)
{
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
#ifdef CW_ARENA_MALLOC
	block *b = new_block(a, n);
#else
	block *b = a->head;
	if (!b || b->size - b->used < n) {
		if (n > BLOCK_SIZE / 4) {
			/* Big requests get a block of their own, slotted behind the
			 * current one so that its free space is not wasted. */
			block *cur = a->head;
			b = new_block(a, n);
			if (b && cur) {
				a->head = cur;
				b->next = cur->next;
				cur->next = b;
			}
		} else {
			b = new_block(a, BLOCK_SIZE);
		}
	}
#endif
	if (!b)
		return NULL;
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *cw_strndup(cw_arena *a, const char *s, size_t n)
{
	char *p = cw_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *cw_strdup(cw_arena *a, const char *s)
{
	return cw_strndup(a, s, strlen(s));
}

char *cw_printf(cw_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = cw_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *cw_grow(cw_arena *a, void *arr, int *cap, int need, size_t elsize)
{
	if (need <= *cap)
		return arr;
	int ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap *= 2;
	void *p = cw_alloc(a, (size_t)ncap * elsize);
	if (!p)
		return NULL;
	if (arr && *cap)
		memcpy(p, arr, (size_t)*cap * elsize);
	*cap = ncap;
	return p;
}
