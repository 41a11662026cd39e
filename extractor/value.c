/*
 * value.c - numbers as reports print them: `　　0`, `26,915`, `２６９１５`,
 * `5.4195`, `251000元`, `—`, `无`. Nothing unreadable is ever turned into 0.
 */
#include "value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define MAX_NUMBER_TEXT 96

/* Fold what reports vary (widths, dashes, commas) and drop white space. */
static size_t S_compact(char *out, size_t cap, const char *s, size_t len, int *too_long)
{
	size_t i = 0, o = 0, n;

	*too_long = 0;
	while (i < len) {
		uint32_t cp = xxgk_utf8_decode(s + i, len - i, &n);
		const char *src = s + i;
		i += n;
		if (xxgk_text_is_space(cp))
			continue;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp -= 0xFEE0;
		else if (cp == 0xFF0E)
			cp = '.';
		else if (cp == 0xFF0C || cp == 0xFF64)
			cp = ',';
		else if (cp == 0xFF0B)
			cp = '+';
		else if (cp == 0xFF0D || cp == 0x2212)
			cp = '-'; /* full-width hyphen-minus, minus sign: -3 typed in either */
		if (o + n + 1 > cap) {
			*too_long = 1;
			return o;
		}
		if (cp < 0x80)
			out[o++] = (char)cp;
		else {
			memcpy(out + o, src, n);
			o += n;
		}
	}
	out[o] = '\0';
	return o;
}

static int S_is_zero_marker(const char *s)
{
	static const char *const dashes[] = {"-", "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x8D",
					     "\xE2\x80\x95", "\xE2\x94\x80", "\xE2\x88\x92", "/",
					     "\xEF\xBC\x8F", "\xE6\x97\xA0" /* 无 */};
	size_t k;

	if (!*s)
		return 0;
	while (*s) {
		for (k = 0; k < sizeof(dashes) / sizeof(*dashes); k++) {
			size_t n = strlen(dashes[k]);
			if (strncmp(s, dashes[k], n) == 0) {
				s += n;
				break;
			}
		}
		if (k == sizeof(dashes) / sizeof(*dashes))
			return 0;
	}
	return 1;
}

/* Digits with optional 3-digit comma groups, optional fraction; copied without commas. */
static const char *S_digits(const char *p, char *num, size_t *o)
{
	int group = -1, any = 0;

	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',') {
			if (!any || (group >= 0 && group != 3))
				return NULL;
			group = 0;
			continue;
		}
		num[(*o)++] = *p;
		any = 1;
		if (group >= 0)
			group++;
	}
	if (!any || (group >= 0 && group != 3))
		return NULL;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		num[(*o)++] = *p++;
		while (*p >= '0' && *p <= '9')
			num[(*o)++] = *p++;
	}
	num[*o] = '\0';
	return p;
}

/*
 * A unit after the number: for amounts its power of ten relative to 万元
 * (*exp), for counts a counting word. Returns 0 for text that is no unit.
 */
static int S_unit(const char *p, int is_amount, int *exp)
{
	static const char *const counts[] = {"件", "个", "项", "条", "次", "人", "家", "宗"};
	size_t k;

	if (!*p)
		return 1;
	if (is_amount) {
		if (strcmp(p, "万元") == 0 || strcmp(p, "万") == 0)
			*exp = 0;
		else if (strcmp(p, "元") == 0)
			*exp = -4;
		else if (strcmp(p, "亿元") == 0)
			*exp = 4;
		else
			return 0;
		return 1;
	}
	for (k = 0; k < sizeof(counts) / sizeof(*counts); k++)
		if (strcmp(p, counts[k]) == 0)
			return 1;
	return 0;
}

xxgk_vkind xxgk_value_parse(const char *s, size_t len, int is_amount, int unit_exp, double *out)
{
	char buf[MAX_NUMBER_TEXT], num[MAX_NUMBER_TEXT];
	const char *p;
	size_t o = 0;
	int too_long, exp = unit_exp;

	*out = 0;
	if (S_compact(buf, sizeof(buf), s, len, &too_long) == 0 && !too_long)
		return XXGK_V_BLANK;
	if (too_long)
		return XXGK_V_UNREADABLE;
	if (S_is_zero_marker(buf))
		return XXGK_V_NUMBER;
	p = buf;
	if (*p == '-' || *p == '+')
		num[o++] = *p++;
	if (!(p = S_digits(p, num, &o)) || !S_unit(p, is_amount, &exp))
		return XXGK_V_UNREADABLE;
	*out = strtod(num, NULL);
	for (; is_amount && exp > 0; exp--)
		*out *= 10;
	if (is_amount && exp < 0)
		*out /= exp == -4 ? 10000.0 : 1.0;
	if (*out == 0)
		*out = 0; /* no negative zero */
	return XXGK_V_NUMBER;
}

int xxgk_value_is_number(const char *s, size_t len)
{
	double v;
	return xxgk_value_parse(s, len, 1, 0, &v) == XXGK_V_NUMBER;
}
