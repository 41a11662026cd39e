/* buf.h - internal operations on xxgk_buf, the one growable buffer type. */
#ifndef XXGK_BUF_H
#define XXGK_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "xxgk/common.h"

/* Make room for `extra` more bytes (plus the NUL); XXGK_ENOMEM on failure. */
int xxgk_buf_grow(xxgk_buf *buf, size_t extra);
int xxgk_buf_putc(xxgk_buf *buf, char c);
int xxgk_buf_printf(xxgk_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Empty the buffer, keeping its memory for reuse. */
void xxgk_buf_clear(xxgk_buf *buf);
/* Hand the bytes to the caller (malloc'd, NUL-terminated) and reset. */
char *xxgk_buf_detach(xxgk_buf *buf);

#endif
