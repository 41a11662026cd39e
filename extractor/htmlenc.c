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

static const char S_replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* The length of the valid UTF-8 sequence at s[0, len), or 0. Counts a
 * 3-byte sequence (Chinese text) in *cjk. */
static size_t S_utf8_seq(const unsigned char *s, size_t len, size_t *cjk)
{
	size_t need, k;
	uint32_t cp, min;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 1, cp = s[0] & 0x1F, min = 0x80;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 2, cp = s[0] & 0x0F, min = 0x800;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 3, cp = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (len <= need)
		return 0;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*cjk += need == 2;
	return need + 1;
}

/* How a decoding went: undecodable bytes, the first one's offset. */
typedef struct {
	size_t bad, first;
} S_result;

/* Read s[0, len) as UTF-8, appending it to `out` if not NULL with every
 * invalid byte as U+FFFD. Counts 3-byte sequences in *cjk. */
static int S_utf8(xxgk_buf *out, S_result *res, size_t *cjk, const unsigned char *s, size_t len)
{
	size_t i = 0, run = 0, n;

	res->bad = res->first = 0;
	*cjk = 0;
	while (i < len) {
		if ((n = S_utf8_seq(s + i, len - i, cjk)) != 0) {
			i += n;
			continue;
		}
		if (!res->bad++)
			res->first = i;
		if (out && (xxgk_buf_put(out, (const char *)s + run, i - run) < 0 ||
			    xxgk_buf_puts(out, S_replacement) < 0))
			return xxgk_error_oom();
		run = ++i;
	}
	if (out && xxgk_buf_put(out, (const char *)s + run, len - run) < 0)
		return xxgk_error_oom();
	return 0;
}

/* Convert with iconv, every undecodable byte becoming U+FFFD: 0, 2 when
 * iconv has no such converter, or XXGK_ENOMEM. */
static int S_iconv(xxgk_buf *out, S_result *res, const char *from, const char *data, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)data, *o;
	size_t left = len, room;
	int rc = 0;

	res->bad = res->first = 0;
	if (cd == (iconv_t)-1)
		return 2;
	while (left > 0) {
		if (xxgk_buf_grow(out, left + left / 2 + 64) < 0) {
			rc = xxgk_error_oom();
			break;
		}
		o = out->ptr + out->size;
		room = out->asize - out->size - 1;
		if (iconv(cd, &in, &left, &o, &room) != (size_t)-1 || errno == E2BIG) {
			out->size = (size_t)(o - out->ptr);
			continue;
		}
		out->size = (size_t)(o - out->ptr); /* EILSEQ, or EINVAL: cut off at the end */
		if (!res->bad++)
			res->first = (size_t)(in - data);
		if (xxgk_buf_puts(out, S_replacement) < 0) {
			rc = xxgk_error_oom();
			break;
		}
		in++, left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	out->ptr[out->size] = '\0';
	iconv_close(cd);
	return rc;
}

/* A few undecodable bytes are tolerated (a CMS cutting a summary in the
 * middle of a character): at most 3, and 1 more per 4 KiB. */
static int S_tolerable(const S_result *res, size_t len)
{
	return res->bad <= 3 + len / 4096;
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

/* Decode a page without a BOM: valid UTF-8 with Chinese text, the declaration, or a guess. */
static int S_decode_plain(xxgk_buf *out, char *enc, size_t enc_size, const unsigned char *d,
			  size_t len)
{
	char label[64];
	const char *name, *tried;
	size_t cjk, start = out->size;
	S_result u8, other;
	int rc;

	S_declared(label, sizeof(label), d, len);
	name = label[0] ? S_iconv_name(label) : NULL;
	if ((rc = S_utf8(NULL, &u8, &cjk, d, len)) < 0)
		return rc;
	/* UTF-8 holding Chinese text wins over a stale declaration and over
	 * GB18030, which reads most UTF-8 too; GBK text is never near-valid UTF-8 */
	if (S_tolerable(&u8, len) && (u8.bad == 0 ? !name || cjk >= CJK_MIN_SEQS
				      : cjk >= CJK_MIN_SEQS && cjk >= 4 * u8.bad))
		goto utf8;
	tried = name ? name : "GB18030";
	rc = S_iconv(out, &other, tried, (const char *)d, len);
	if (rc == 2 && name) { /* a charset iconv does not know: as if undeclared */
		name = NULL;
		tried = "GB18030";
		rc = S_iconv(out, &other, tried, (const char *)d, len);
	}
	if (rc == 2)
		return xxgk_error_set(XXGK_ERROR, "cannot decode the page: this system has no %s "
				      "converter", tried);
	if (rc < 0)
		return rc;
	if (other.bad == 0 ||
	    ((u8.bad > other.bad || (name && u8.bad == other.bad)) && S_tolerable(&other, len))) {
		snprintf(enc, enc_size, "%s", tried);
		return 0;
	}
	if (u8.bad == 0 || S_tolerable(&u8, len))
		goto utf8;
	out->size = start;
	if (out->asize)
		out->ptr[start] = '\0';
	return xxgk_error_set(XXGK_EXML, "cannot decode the page: %s%s, and it is neither %s (%zu bad "
			      "bytes, the first at byte %zu) nor UTF-8 (%zu, the first at byte %zu)",
			      name ? "it declares charset " : "no charset is declared",
			      name ? label : "", tried, other.bad, other.first, u8.bad, u8.first);
utf8:
	out->size = start;
	if (out->asize)
		out->ptr[start] = '\0';
	snprintf(enc, enc_size, "UTF-8");
	return S_utf8(out, &u8, &cjk, d, len);
}

/* Decode after a byte order mark: its encoding, tolerating a few bad bytes. */
static int S_decode_bom(xxgk_buf *out, const char *enc, const unsigned char *d, size_t len,
			size_t bom)
{
	S_result res;
	size_t cjk;
	int rc = strcmp(enc, "UTF-8") == 0 ? S_utf8(out, &res, &cjk, d + bom, len - bom)
					   : S_iconv(out, &res, enc, (const char *)d + bom, len - bom);

	if (rc == 2)
		return xxgk_error_set(XXGK_ERROR, "cannot decode the page: this system has no %s "
				      "converter", enc);
	if (rc == 0 && !S_tolerable(&res, len))
		rc = xxgk_error_set(XXGK_EXML, "cannot decode the page: it starts with a %s byte order "
				    "mark but %zu bytes are not valid %s, the first at byte %zu", enc,
				    res.bad, enc, res.first + bom);
	return rc;
}

int xxgk_html_decode(xxgk_buf *out, char *enc, size_t enc_size, const char *data, size_t len,
		     const xxgk_limits *lim)
{
	const unsigned char *d = (const unsigned char *)data;
	char scratch[32];
	size_t start = out->size;
	int rc;

	if (!enc)
		enc = scratch, enc_size = sizeof(scratch);
	if (len > lim->max_part_bytes)
		return xxgk_error_set(XXGK_ELIMIT, "the page is %zu bytes, over the limit "
				      "max_part_bytes=%llu", len, (unsigned long long)lim->max_part_bytes);
	if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
		snprintf(enc, enc_size, "%s", d[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
		rc = S_decode_bom(out, enc, d, len, 2);
	} else if (len >= 4 && d[0] == 0x84 && d[1] == 0x31 && d[2] == 0x95 && d[3] == 0x33) {
		snprintf(enc, enc_size, "GB18030");
		rc = S_decode_bom(out, enc, d, len, 4);
	} else if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
		snprintf(enc, enc_size, "UTF-8");
		rc = S_decode_bom(out, enc, d, len, 3);
	} else {
		rc = S_decode_plain(out, enc, enc_size, d, len);
	}
	if (rc < 0) {
		out->size = start;
		if (out->asize)
			out->ptr[start] = '\0';
		return rc;
	}
	S_clean(out, start);
	if (out->size - start > INT32_MAX / 2)
		return xxgk_error_set(XXGK_ELIMIT, "the page is over 1 GiB once decoded");
	return 0;
}
