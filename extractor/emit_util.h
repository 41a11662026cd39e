/* emit_util.h - number and string formatting shared by the emitters. */
#ifndef XXGK_EMIT_UTIL_H
#define XXGK_EMIT_UTIL_H

#include <stddef.h>
#include "xxgk/common.h"
#include "xxgk/emit.h"

/* A whole number in decimal; returns its length. printf-free: it is on the output path. */
size_t xxgk_fmt_int(char buf[24], long long v);

/* The shortest text that reads back as `v` ("5.4195", "26915", "-3"). */
void xxgk_fmt_number(char buf[40], double v);

/* Append `s` as a JSON string literal; invalid UTF-8 becomes U+FFFD. */
int xxgk_json_string(xxgk_buf *out, const char *s, size_t len);

/* Append `s` as one RFC 4180 CSV field (quoted when it needs to be). */
int xxgk_csv_field(xxgk_buf *out, const char *s, size_t len);

/* Append ",value" for each of meta's columns (names != 0: its names instead). */
int xxgk_csv__meta(xxgk_buf *out, const xxgk_emit_meta *meta, int names);

#endif
