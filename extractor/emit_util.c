/*
 * emit_util.c - formatting that every emitter needs: numbers that read
 * back exactly, JSON string escaping, RFC 4180 quoting.
 */
#include "emit_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

size_t xxgk_fmt_int(char buf[24], long long v)
{
	char tmp[24];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n = 0, i = 0;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		buf[i++] = '-';
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return i;
}

void xxgk_fmt_number(char buf[40], double v)
{
	int p;

	if (!isfinite(v)) {
		strcpy(buf, "0");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		xxgk_fmt_int(buf, (long long)v);
		return;
	}
	for (p = 1; p <= 17; p++) {
		snprintf(buf, 40, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* Bytes that JSON takes as they are: printable ASCII but " and \, and valid UTF-8. */
static size_t S_plain_run(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			xxgk_utf8_decode(s + i, len - i, &n);
			if (n == 1)
				break; /* an invalid byte */
			i += n;
		} else if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) {
			break;
		} else {
			i++;
		}
	}
	return i;
}

static int S_escape(xxgk_buf *out, unsigned char c)
{
	char u[8];

	switch (c) {
	case '"': return xxgk_buf_puts(out, "\\\"");
	case '\\': return xxgk_buf_puts(out, "\\\\");
	case '\n': return xxgk_buf_puts(out, "\\n");
	case '\r': return xxgk_buf_puts(out, "\\r");
	case '\t': return xxgk_buf_puts(out, "\\t");
	default:
		if (c >= 0x80)
			return xxgk_buf_puts(out, "\xEF\xBF\xBD"); /* invalid UTF-8: U+FFFD */
		snprintf(u, sizeof(u), "\\u%04x", c);
		return xxgk_buf_puts(out, u);
	}
}

int xxgk_json_string(xxgk_buf *out, const char *s, size_t len)
{
	size_t i = 0;

	if (xxgk_buf_putc(out, '"') < 0)
		return XXGK_ENOMEM;
	while (i < len) {
		size_t run = S_plain_run(s + i, len - i);
		if (xxgk_buf_put(out, s + i, run) < 0)
			return XXGK_ENOMEM;
		i += run;
		if (i < len && S_escape(out, (unsigned char)s[i++]) < 0)
			return XXGK_ENOMEM;
	}
	return xxgk_buf_putc(out, '"');
}

int xxgk_csv_field(xxgk_buf *out, const char *s, size_t len)
{
	size_t i;
	int quote = len && (s[0] == ' ' || s[len - 1] == ' ');

	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote)
		return xxgk_buf_put(out, s, len);
	if (xxgk_buf_putc(out, '"') < 0)
		return XXGK_ENOMEM;
	for (i = 0; i < len; i++)
		if ((s[i] == '"' && xxgk_buf_putc(out, '"') < 0) || xxgk_buf_putc(out, s[i]) < 0)
			return XXGK_ENOMEM;
	return xxgk_buf_putc(out, '"');
}
