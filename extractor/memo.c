/*
 * memo.c - remembered rule matches (see memo.h): open addressing over a
 * power-of-two table, the texts kept in one buffer.
 */
#include "memo.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define S_SLOTS 1024                 /* a power of 2; at most half are used */
#define S_KEY_BYTES (256u << 10)     /* texts kept before the memo is emptied */
#define S_TEXT_MAX 1024              /* longer texts are not remembered */

void xxgk_memo_init(xxgk_memo *m)
{
	memset(m, 0, sizeof(*m));
	m->keys = (xxgk_buf)XXGK_BUF_INIT;
}

void xxgk_memo_dispose(xxgk_memo *m)
{
	free(m->slots);
	xxgk_buf_dispose(&m->keys);
	memset(m, 0, sizeof(*m));
}

/* A multiply-xorshift hash over the text, eight bytes at a time, mixed
 * with the list and the length; never 0. */
static uint64_t S_hash(const void *list, const char *s, size_t len)
{
	const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
	uint64_t h = ((uint64_t)(uintptr_t)list ^ len) * k, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	if (i < len) {
		w = 0;
		memcpy(&w, s + i, len - i);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	h ^= h >> 32;
	return h ? h : 1;
}

static xxgk_memo_slot *S_find(const xxgk_memo *m, uint64_t h, const void *list, const char *s,
			      size_t len)
{
	size_t i;

	for (i = (size_t)h & (m->nslots - 1);; i = (i + 1) & (m->nslots - 1)) {
		xxgk_memo_slot *e = &m->slots[i];
		if (!e->hash || (e->hash == h && e->list == list && e->len == len &&
				 memcmp(m->keys.ptr + e->off, s, len) == 0))
			return e;
	}
}

int xxgk_memo_get(const xxgk_memo *m, const void *list, const char *text, size_t len,
		  int *result)
{
	const xxgk_memo_slot *e;

	if (!m->slots || len > S_TEXT_MAX)
		return 0;
	e = S_find(m, S_hash(list, text, len), list, text, len);
	if (!e->hash)
		return 0;
	*result = e->result;
	return 1;
}

void xxgk_memo_put(xxgk_memo *m, const void *list, const char *text, size_t len, int result)
{
	uint64_t h;
	xxgk_memo_slot *e;

	if (len > S_TEXT_MAX)
		return;
	if (!m->slots && !(m->slots = calloc(S_SLOTS, sizeof(*m->slots))))
		return;
	m->nslots = S_SLOTS;
	if (m->used >= S_SLOTS / 2 || m->keys.size + len > S_KEY_BYTES) {
		memset(m->slots, 0, S_SLOTS * sizeof(*m->slots)); /* full: start again */
		m->used = 0;
		xxgk_buf_clear(&m->keys);
	}
	h = S_hash(list, text, len);
	e = S_find(m, h, list, text, len);
	if (e->hash)
		return; /* already known */
	e->off = (uint32_t)m->keys.size;
	if (xxgk_buf_put(&m->keys, text, len) < 0)
		return;
	e->hash = h;
	e->list = list;
	e->len = (uint32_t)len;
	e->result = result;
	m->used++;
}
