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

void xxgk_fmt_number(char buf[40], double v)
{
	int p;

	if (!isfinite(v)) {
		strcpy(buf, "0");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, 40, "%.0f", v);
		return;
	}
	for (p = 1; p <= 17; p++) {
		snprintf(buf, 40, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

int xxgk_json_string(xxgk_buf *out, const char *s, size_t len)
{
	size_t i = 0, n;

	if (xxgk_buf_putc(out, '"') < 0)
		return XXGK_ENOMEM;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int rc;
		if (c >= 0x80) {
			uint32_t cp = xxgk_utf8_decode(s + i, len - i, &n);
			rc = n > 1 ? xxgk_buf_put(out, s + i, n)
				   : xxgk_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
			(void)cp;
			i += n;
		} else {
			if (c == '"' || c == '\\')
				rc = xxgk_buf_putc(out, '\\') < 0 ? XXGK_ENOMEM : xxgk_buf_putc(out, (char)c);
			else if (c == '\n')
				rc = xxgk_buf_puts(out, "\\n");
			else if (c == '\r')
				rc = xxgk_buf_puts(out, "\\r");
			else if (c == '\t')
				rc = xxgk_buf_puts(out, "\\t");
			else if (c < 0x20 || c == 0x7F)
				rc = xxgk_buf_printf(out, "\\u%04x", c);
			else
				rc = xxgk_buf_putc(out, (char)c);
			i++;
		}
		if (rc < 0)
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
