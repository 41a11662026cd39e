/*
 * text.c - UTF-8 decoding and label normalization. Reports write the same
 * label with full-width or half-width brackets, digits and punctuation,
 * with line breaks and padding inside; normalization removes all of that
 * so that one pattern in the rules data matches every spelling.
 */
#include "text.h"

#include "buf.h"

uint32_t xxgk_utf8_decode(const char *str, size_t len, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t cp;
	size_t need, i;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		cp = s[0] & 0x1F;
		need = 2;
	} else if ((s[0] & 0xF0) == 0xE0) {
		cp = s[0] & 0x0F;
		need = 3;
	} else if ((s[0] & 0xF8) == 0xF0) {
		cp = s[0] & 0x07;
		need = 4;
	} else {
		*n = 1;
		return s[0];
	}
	if (need > len)
		goto invalid;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto invalid;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp < 0x80)
		goto invalid; /* surrogates, out of range, overlong ASCII */
	*n = need;
	return cp;
invalid:
	*n = 1;
	return s[0];
}

int xxgk_utf8_put(xxgk_buf *out, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return xxgk_buf_put(out, b, n);
}

int xxgk_text_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0xFEFF || cp == 0x85;
}

/* The normalized replacement for one code point; 0 drops it. */
static uint32_t S_fold(uint32_t cp)
{
	if (xxgk_text_is_space(cp))
		return 0;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	switch (cp) {
	case 0x3010: case 0x3014: case 0x3016: case 0x3018: case 0x301A:
		return '[';
	case 0x3011: case 0x3015: case 0x3017: case 0x3019: case 0x301B:
		return ']';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2018: case 0x2019:
	case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x301D: case 0x301E:
	case '\'':
		return '"';
	case 0x3001: /* 、 */
	case 0xFF61: /* halfwidth ideographic full stop */
		return '.';
	case 0x2014: case 0x2013: case 0x2012: case 0x2212: case 0x2015:
		return '-';
	default:
		return cp;
	}
}

int xxgk_text_normalize(xxgk_buf *out, const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		uint32_t cp = S_fold(xxgk_utf8_decode(s + i, len - i, &n));
		i += n;
		if (cp && xxgk_utf8_put(out, cp) < 0)
			return XXGK_ENOMEM;
	}
	return 0;
}
