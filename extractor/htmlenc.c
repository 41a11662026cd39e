/*
 * htmlenc.c - tell a web page by its first bytes, and decode it to UTF-8.
 *
 * Chinese government pages come in UTF-8 or in GBK under many names
 * (gb2312, gbk, x-gbk, cp936, gb18030); a page declared gb2312 often holds
 * characters only GBK has, so every GB name is read as GB18030, the
 * superset. The libxml2 parser is then given UTF-8 and told to ignore the
 * page's own charset hint, so what it sees is exactly what was decided
 * here, and a page that cannot be decoded fails with one clear line.
 */
#include "html.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "error.h"

#define SNIFF_WINDOW 65536u   /* bytes searched for the first tag / the charset */
#define CJK_MIN_SEQS 4        /* 3-byte sequences that make valid UTF-8 "Chinese text" */

/* ---- telling a page by its first bytes ---- */

static int S_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* Does `d` start with the tag `<name` followed by a delimiter? */
static int S_tag_at(const unsigned char *d, size_t len, const char *name)
{
	size_t n = strlen(name);

	if (len < n + 2 || d[0] != '<' || strncasecmp((const char *)d + 1, name, n) != 0)
		return 0;
	return S_is_ws(d[n + 1]) || d[n + 1] == '>' || d[n + 1] == '/';
}

/* Find `what` in d[0, len); the offset after it, or 0. */
static size_t S_after(const unsigned char *d, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(d + i, what, n) == 0)
			return i + n;
	return 0;
}

static int S_sniff_ascii(const unsigned char *d, size_t len)
{
	static const char *const tags[] = {"html", "head", "body", "meta", "title", "table", "link", "style"};
	size_t i = 0, k, skip;

	if (len > SNIFF_WINDOW)
		len = SNIFF_WINDOW;
	for (;;) {
		while (i < len && S_is_ws(d[i]))
			i++;
		if (len - i >= 4 && memcmp(d + i, "<!--", 4) == 0)
			skip = S_after(d + i + 4, len - i - 4, "-->");
		else if (len - i >= 5 && strncasecmp((const char *)d + i, "<?xml", 5) == 0)
			skip = S_after(d + i + 5, len - i - 5, "?>");
		else
			break;
		if (!skip)
			return 0;
		i += (d[i + 1] == '!' ? 4 : 5) + skip;
	}
	if (len - i >= 14 && strncasecmp((const char *)d + i, "<!doctype html", 14) == 0)
		return 1;
	for (k = 0; k < sizeof(tags) / sizeof(*tags); k++)
		if (S_tag_at(d + i, len - i, tags[k]))
			return 1;
	return 0;
}

int xxgk_html_sniff(const unsigned char *d, size_t len)
{
	unsigned char ascii[1024];
	size_t i, n = 0;

	if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
		int le = d[0] == 0xFF;
		for (i = 2; i + 1 < len && n < sizeof(ascii); i += 2) {
			unsigned hi = le ? d[i + 1] : d[i], lo = le ? d[i] : d[i + 1];
			ascii[n++] = hi == 0 && lo < 0x80 ? (unsigned char)lo : '?';
		}
		return S_sniff_ascii(ascii, n);
	}
	if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
		return S_sniff_ascii(d + 3, len - 3);
	if (len >= 4 && d[0] == 0x84 && d[1] == 0x31 && d[2] == 0x95 && d[3] == 0x33)
		return S_sniff_ascii(d + 4, len - 4);
	return S_sniff_ascii(d, len);
}

/* ---- the declared charset ---- */

/* Read the value after "charset" / "encoding" at d[i]: [=] quotes name. */
static void S_value(char *out, size_t size, const unsigned char *d, size_t len, size_t i)
{
	size_t o = 0;

	while (i < len && S_is_ws(d[i]))
		i++;
	if (i >= len || d[i] != '=')
		return;
	i++;
	while (i < len && (S_is_ws(d[i]) || d[i] == '"' || d[i] == '\''))
		i++;
	while (i < len && o + 1 < size &&
	       ((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') ||
		(d[i] >= '0' && d[i] <= '9') || d[i] == '-' || d[i] == '_' || d[i] == '.' || d[i] == ':'))
		out[o++] = (char)d[i++];
	out[o] = '\0';
}

/* Search d[from, to) for `key` (case-insensitive); its end, or 0. */
static size_t S_find_ci(const unsigned char *d, size_t from, size_t to, const char *key)
{
	size_t n = strlen(key), i;

	for (i = from; i + n <= to; i++)
		if (strncasecmp((const char *)d + i, key, n) == 0)
			return i + n;
	return 0;
}

/* The charset named by <?xml encoding> or the first <meta> that names one; "" if none. */
static void S_declared(char *out, size_t size, const unsigned char *d, size_t len)
{
	size_t i = 0, end, at;

	out[0] = '\0';
	if (len > SNIFF_WINDOW)
		len = SNIFF_WINDOW;
	while (i < len && S_is_ws(d[i]))
		i++;
	if (len - i >= 5 && strncasecmp((const char *)d + i, "<?xml", 5) == 0 &&
	    (end = S_after(d + i, len - i, "?>")) != 0 &&
	    (at = S_find_ci(d, i, i + end, "encoding")) != 0) {
		S_value(out, size, d, i + end, at);
		if (out[0])
			return;
	}
	while ((at = S_find_ci(d, i, len, "<meta")) != 0) {
		for (end = at; end < len && d[end] != '>'; end++)
			;
		i = S_find_ci(d, at, end, "charset");
		if (i) {
			S_value(out, size, d, end, i);
			if (out[0])
				return;
		}
		i = end;
	}
}

/* The iconv name for a declared charset; NULL for UTF-8 or an unknown name. */
static const char *S_iconv_name(const char *label)
{
	static const char *const gb[] = {"gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
					 "gb18030", "gb_2312", "gb_2312-80", "euc-cn", "csgb2312",
					 "csgbk", "chinese", "iso-ir-58", "x-euc-cn", "hz-gb-2312"};
	static const char *const latin[] = {"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii",
					    "ascii", "windows-1252", "cp1252"};
	size_t k;

	for (k = 0; k < sizeof(gb) / sizeof(*gb); k++)
		if (strcasecmp(label, gb[k]) == 0)
			return "GB18030";
	for (k = 0; k < sizeof(latin) / sizeof(*latin); k++)
		if (strcasecmp(label, latin[k]) == 0)
			return "WINDOWS-1252";
	if (strcasecmp(label, "big5") == 0 || strcasecmp(label, "big5-hkscs") == 0 ||
	    strcasecmp(label, "x-x-big5") == 0)
		return "BIG5-HKSCS";
	if (strncasecmp(label, "utf", 3) == 0 || strcasecmp(label, "unicode-1-1-utf-8") == 0)
		return NULL; /* utf-8; a <meta> cannot honestly say utf-16 */
	return label;
}

/* ---- decoding ---- */

/* Check UTF-8 strictly; returns the offset of the first bad byte, or len.
 * Counts 3-byte sequences in *cjk. */
static size_t S_utf8_check(const unsigned char *s, size_t len, size_t *cjk)
{
	size_t i = 0, need, k;
	uint32_t cp, min;

	*cjk = 0;
	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF)
			need = 1, cp = s[i] & 0x1F, min = 0x80;
		else if (s[i] >= 0xE0 && s[i] <= 0xEF)
			need = 2, cp = s[i] & 0x0F, min = 0x800;
		else if (s[i] >= 0xF0 && s[i] <= 0xF4)
			need = 3, cp = s[i] & 0x07, min = 0x10000;
		else
			return i;
		if (len - i <= need)
			return i;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		*cjk += need == 2;
		i += need + 1;
	}
	return len;
}

/* Convert with iconv: 0, 1 on bad input (its offset in *bad), 2 when iconv
 * has no such converter, or XXGK_ENOMEM. */
static int S_iconv(xxgk_buf *out, const char *from, const char *data, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)data, *o;
	size_t left = len, room, start = out->size;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return 2;
	while (left > 0) {
		if (xxgk_buf_grow(out, left + left / 2 + 64) < 0) {
			rc = xxgk_error_oom();
			break;
		}
		o = out->ptr + out->size;
		room = out->asize - out->size - 1;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			out->size = (size_t)(o - out->ptr);
			*bad = (size_t)(in - data);
			rc = 1;
			break;
		}
		out->size = (size_t)(o - out->ptr);
	}
	out->ptr[out->size] = '\0';
	iconv_close(cd);
	if (rc != 0)
		out->size = start, out->ptr[start] = '\0';
	return rc;
}

/* Drop NUL bytes and Word's downlevel-revealed <![if ...]> / <![endif]> markers. */
static void S_clean(xxgk_buf *b, size_t from)
{
	char *s = b->ptr;
	size_t i, o = from, k;

	for (i = from; i < b->size; i++) {
		if (s[i] == '\0')
			continue;
		if (s[i] == '<' && b->size - i >= 4 && s[i + 1] == '!' && s[i + 2] == '[') {
			for (k = i + 3; k + 1 < b->size && k < i + 256 && !(s[k] == ']' && s[k + 1] == '>'); k++)
				;
			if (k + 1 < b->size && s[k] == ']' && s[k + 1] == '>') {
				i = k + 1;
				continue;
			}
		}
		s[o++] = s[i];
	}
	b->size = o;
	s[o] = '\0';
}

static int S_copy(xxgk_buf *out, char *enc, size_t enc_size, const unsigned char *d, size_t len)
{
	snprintf(enc, enc_size, "UTF-8");
	return xxgk_buf_put(out, (const char *)d, len) < 0 ? xxgk_error_oom() : 0;
}

/* Decode a page without a BOM: valid UTF-8 with Chinese text, the declaration, or a guess. */
static int S_decode_plain(xxgk_buf *out, char *enc, size_t enc_size, const unsigned char *d,
			  size_t len)
{
	char label[64];
	const char *name;
	size_t cjk, bad = 0, utf8_bad = S_utf8_check(d, len, &cjk);
	int rc = 2;

	S_declared(label, sizeof(label), d, len);
	name = label[0] ? S_iconv_name(label) : NULL;
	if (utf8_bad == len && (!name || cjk >= CJK_MIN_SEQS))
		return S_copy(out, enc, enc_size, d, len);
	if (name && (rc = S_iconv(out, name, (const char *)d, len, &bad)) == 0) {
		snprintf(enc, enc_size, "%s", name);
		return 0;
	}
	if (rc < 0)
		return rc;
	if (rc == 1 && utf8_bad == len)
		return S_copy(out, enc, enc_size, d, len); /* a stale declaration */
	if (rc == 1)
		return xxgk_error_set(XXGK_EXML, "cannot decode the page: it declares charset %s but "
				      "byte %zu is not valid %s, nor is the page UTF-8", label, bad, name);
	/* nothing declared, or a charset iconv does not know: UTF-8 failed, try GB18030 */
	if ((rc = S_iconv(out, "GB18030", (const char *)d, len, &bad)) == 0) {
		snprintf(enc, enc_size, "GB18030");
		return 0;
	}
	if (rc < 0)
		return rc;
	if (rc == 2)
		return xxgk_error_set(XXGK_ERROR, "cannot decode the page: this system has no GB18030 converter");
	return xxgk_error_set(XXGK_EXML, "cannot decode the page: %s%s, and it is neither UTF-8 "
			      "(bad byte %zu) nor GB18030 (bad byte %zu)",
			      label[0] ? "unknown charset " : "no charset declared", label, utf8_bad, bad);
}

int xxgk_html_decode(xxgk_buf *out, char *enc, size_t enc_size, const char *data, size_t len,
		     const xxgk_limits *lim)
{
	const unsigned char *d = (const unsigned char *)data;
	char scratch[32];
	size_t start = out->size, bad = 0, cjk;
	int rc = 0;

	if (!enc)
		enc = scratch, enc_size = sizeof(scratch);
	if (len > lim->max_part_bytes)
		return xxgk_error_set(XXGK_ELIMIT, "the page is %zu bytes, over the limit "
				      "max_part_bytes=%llu", len, (unsigned long long)lim->max_part_bytes);
	if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
		snprintf(enc, enc_size, "%s", d[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
		rc = S_iconv(out, enc, data + 2, len - 2, &bad);
		if (rc == 1)
			rc = xxgk_error_set(XXGK_EXML, "cannot decode the page: it starts with a %s byte "
					    "order mark but byte %zu is not valid %s", enc, bad + 2, enc);
	} else if (len >= 4 && d[0] == 0x84 && d[1] == 0x31 && d[2] == 0x95 && d[3] == 0x33) {
		snprintf(enc, enc_size, "GB18030");
		rc = S_iconv(out, "GB18030", data + 4, len - 4, &bad);
		if (rc == 1)
			rc = xxgk_error_set(XXGK_EXML, "cannot decode the page: it starts with a GB18030 "
					    "byte order mark but byte %zu is not valid GB18030", bad + 4);
	} else if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
		snprintf(enc, enc_size, "UTF-8");
		bad = S_utf8_check(d + 3, len - 3, &cjk);
		rc = bad != len - 3
			? xxgk_error_set(XXGK_EXML, "cannot decode the page: it starts with a UTF-8 byte "
					 "order mark but byte %zu is not valid UTF-8", bad + 3)
			: xxgk_buf_put(out, data + 3, len - 3) < 0 ? xxgk_error_oom() : 0;
	} else {
		rc = S_decode_plain(out, enc, enc_size, d, len);
	}
	if (rc == 2)
		rc = xxgk_error_set(XXGK_ERROR, "cannot decode the page: this system has no %s converter", enc);
	if (rc < 0)
		return rc;
	S_clean(out, start);
	if (out->size - start > INT32_MAX / 2)
		return xxgk_error_set(XXGK_ELIMIT, "the page is over 1 GiB once decoded");
	return 0;
}
