/* text.h - UTF-8 helpers and the normalization that labels are matched in. */
#ifndef XXGK_TEXT_H
#define XXGK_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "xxgk/common.h"

/* Decode one code point at s (len > 0); stores its byte length in *n.
 * An invalid byte decodes as itself (U+0080..U+00FF range) with *n = 1. */
uint32_t xxgk_utf8_decode(const char *s, size_t len, size_t *n);
/* Append the UTF-8 encoding of cp. */
int xxgk_utf8_put(xxgk_buf *out, uint32_t cp);
/* True for ASCII and Unicode white space, U+3000 and zero-width characters. */
int xxgk_text_is_space(uint32_t cp);

/*
 * Append the normalized form of `len` bytes of `s`: full-width forms to
 * ASCII, every kind of white space and line break removed, brackets to
 * ( ) and [ ], quote marks to ", the ordinal separators 、 and ． to ".".
 * Label rules are written against this form (docs/rules.md).
 */
int xxgk_text_normalize(xxgk_buf *out, const char *s, size_t len);

#endif
