/*
 * buf.c - the growable byte buffer. Its pointer starts at a shared empty
 * sentinel, so ptr is never NULL and readers need no checks.
 */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char xxgk_buf__initbuf[1];

int xxgk_buf_grow(xxgk_buf *buf, size_t extra)
{
	size_t need, nsize;
	char *p;

	if (extra > SIZE_MAX / 2 - buf->size - 1)
		return XXGK_ENOMEM;
	need = buf->size + extra + 1;
	if (need <= buf->asize)
		return 0;
	nsize = buf->asize ? buf->asize : 64;
	while (nsize < need)
		nsize *= 2;
	p = realloc(buf->asize ? buf->ptr : NULL, nsize);
	if (!p)
		return XXGK_ENOMEM;
	if (!buf->asize)
		p[0] = '\0';
	buf->ptr = p;
	buf->asize = nsize;
	return 0;
}

int xxgk_buf_put(xxgk_buf *buf, const char *data, size_t len)
{
	if (len == 0)
		return 0;
	if (xxgk_buf_grow(buf, len) < 0)
		return XXGK_ENOMEM;
	memcpy(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
	return 0;
}

int xxgk_buf_puts(xxgk_buf *buf, const char *str)
{
	return xxgk_buf_put(buf, str, strlen(str));
}

int xxgk_buf_putc(xxgk_buf *buf, char c)
{
	return xxgk_buf_put(buf, &c, 1);
}

int xxgk_buf_printf(xxgk_buf *buf, const char *fmt, ...)
{
	va_list ap;
	size_t room = buf->asize ? buf->asize - buf->size : 0;
	int n;

	/* Format straight into the spare room; only when it is too small,
	 * grow and format again (the output is usually short). */
	va_start(ap, fmt);
	n = vsnprintf(room ? buf->ptr + buf->size : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (room)
			buf->ptr[buf->size] = '\0';
		return XXGK_ERROR;
	}
	if ((size_t)n >= room) {
		if (xxgk_buf_grow(buf, (size_t)n) < 0) {
			if (room)
				buf->ptr[buf->size] = '\0';
			return XXGK_ENOMEM;
		}
		va_start(ap, fmt);
		vsnprintf(buf->ptr + buf->size, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	buf->size += (size_t)n;
	return 0;
}

void xxgk_buf_clear(xxgk_buf *buf)
{
	buf->size = 0;
	if (buf->asize)
		buf->ptr[0] = '\0';
}

char *xxgk_buf_detach(xxgk_buf *buf)
{
	char *p = buf->asize ? buf->ptr : calloc(1, 1);

	buf->ptr = xxgk_buf__initbuf;
	buf->size = buf->asize = 0;
	return p;
}

void xxgk_buf_dispose(xxgk_buf *buf)
{
	if (buf->asize)
		free(buf->ptr);
	buf->ptr = xxgk_buf__initbuf;
	buf->size = buf->asize = 0;
}
