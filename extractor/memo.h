/*
 * memo.h - remembered rule matches. Reports of one template repeat the
 * same labels and headers thousands of times over a batch, and which rule
 * of a list first matches a text depends on nothing else; so the answer
 * is kept, per extractor, keyed by the rule list and the text. The memo
 * is bounded: when it fills it is emptied and fills again.
 */
#ifndef XXGK_MEMO_H
#define XXGK_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "xxgk/common.h"

typedef struct {
	uint64_t hash;      /* 0: a free slot */
	const void *list;   /* the rule list the text was matched against */
	uint32_t off, len;  /* the text, in keys */
	int32_t result;     /* the first matching rule's index, or -1 */
} xxgk_memo_slot;

typedef struct {
	xxgk_memo_slot *slots;
	size_t nslots, used;
	xxgk_buf keys;
} xxgk_memo;

void xxgk_memo_init(xxgk_memo *m);
void xxgk_memo_dispose(xxgk_memo *m);

/* 1 and *result when `text` was matched against `list` before, else 0. */
int xxgk_memo_get(const xxgk_memo *m, const void *list, const char *text, size_t len,
		  int *result);

/* Remember a result; a memo that cannot grow just forgets (never an error). */
void xxgk_memo_put(xxgk_memo *m, const void *list, const char *text, size_t len, int result);

#endif
