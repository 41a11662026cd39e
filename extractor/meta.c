/*
 * meta.c - agency and year from the report's title: one paragraph
 * ("重庆市巴南区市场监督管理局2024年政府信息公开工作年度报告") or two
 * (agency, then "2024年政府信息公开工作年度报告"), with the year in Arabic
 * or Chinese numerals. The title patterns are rules data.
 */
#include "meta.h"

#include <string.h>

#include "error.h"
#include "text.h"

int xxgk_meta_add(xxgk_meta_paras *p, const char *text, size_t len)
{
	size_t i = 0, n, start = p->text.size;

	if (p->n >= XXGK_META_MAX_PARAS)
		return 0;
	while (i < len && p->text.size - start < 512) {
		uint32_t cp = xxgk_utf8_decode(text + i, len - i, &n);
		i += n;
		if (xxgk_text_is_space(cp))
			continue;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp -= 0xFEE0; /* full-width digits */
		if (xxgk_utf8_put(&p->text, cp) < 0)
			return xxgk_error_oom();
	}
	if (p->text.size == start)
		return 0;
	p->off[p->n++] = start;
	p->off[p->n] = p->text.size;
	return 0;
}

int xxgk_meta_year(const char *s, size_t len)
{
	static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int y = 0, k, count = 0;
	size_t i = 0;

	while (i < len && count < 4) {
		if (s[i] >= '0' && s[i] <= '9') {
			y = y * 10 + (s[i++] - '0');
			count++;
			continue;
		}
		for (k = 0; k < 10; k++)
			if (len - i >= 3 && (memcmp(s + i, digits[k], 3) == 0 ||
					     (k == 0 && memcmp(s + i, "零", 3) == 0)))
				break;
		if (k == 10)
			return 0;
		y = y * 10 + k;
		count++;
		i += 3;
	}
	return count == 4 && i == len && y >= 1990 && y <= 2100 ? y : 0;
}

/* Strip quote marks that titles put around themselves. */
static void S_trim_agency(const char **s, size_t *len)
{
	static const char *const marks[] = {"《", "》", "“", "”", "\"", ":", "："};
	int changed = 1;
	size_t k;

	while (changed && *len) {
		changed = 0;
		for (k = 0; k < sizeof(marks) / sizeof(*marks); k++) {
			size_t n = strlen(marks[k]);
			if (*len >= n && memcmp(*s, marks[k], n) == 0) {
				*s += n, *len -= n, changed = 1;
			} else if (*len >= n && memcmp(*s + *len - n, marks[k], n) == 0) {
				*len -= n, changed = 1;
			}
		}
	}
}

static int S_try(xxgk_report *r, const char *subj, size_t len, xxgk_map_scratch *s)
{
	size_t i;

	for (i = 0; i < r->rules->ntitles; i++) {
		PCRE2_SIZE alen, ylen;
		PCRE2_UCHAR *av = NULL, *yv = NULL;
		int rc = 0, year;

		/* valid UTF-8: xxgk_meta_add re-encodes every character */
		if (pcre2_match(r->rules->titles[i], (PCRE2_SPTR)subj, len, 0, PCRE2_NO_UTF_CHECK, s->md,
				s->mctx) < 0)
			continue;
		if (pcre2_substring_get_byname(s->md, (PCRE2_SPTR) "year", &yv, &ylen) != 0)
			continue;
		year = xxgk_meta_year((const char *)yv, ylen);
		pcre2_substring_free(yv);
		if (!year)
			continue;
		if (!r->year)
			r->year = year;
		if (pcre2_substring_get_byname(s->md, (PCRE2_SPTR) "agency", &av, &alen) == 0) {
			const char *a = (const char *)av;
			S_trim_agency(&a, &alen);
			if (alen && r->agency_off == SIZE_MAX)
				rc = xxgk_report__set_agency(r, a, alen);
			pcre2_substring_free(av);
		}
		return rc < 0 ? rc : 1;
	}
	return 0;
}

int xxgk_meta_title(xxgk_report *r, const xxgk_meta_paras *p, xxgk_map_scratch *s)
{
	xxgk_buf pair = XXGK_BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < p->n && rc == 0; i++)
		rc = S_try(r, p->text.ptr + p->off[i], p->off[i + 1] - p->off[i], s);
	if (rc == 1 && r->agency_off != SIZE_MAX)
		return 0;
	/* a title over two paragraphs: agency, then year and the words */
	for (i = 0; i + 1 < p->n && rc >= 0 && r->agency_off == SIZE_MAX; i++) {
		xxgk_buf_clear(&pair);
		if (xxgk_buf_put(&pair, p->text.ptr + p->off[i], p->off[i + 2] - p->off[i]) < 0) {
			rc = xxgk_error_oom();
			break;
		}
		rc = S_try(r, pair.ptr, pair.size, s);
	}
	xxgk_buf_dispose(&pair);
	return rc < 0 ? rc : 0;
}

int xxgk_meta_page_title(xxgk_report *r, const char *title, size_t len, xxgk_map_scratch *s)
{
	static const char *const seps[] = {"_", "|", "｜", "-", "－", "—", "–", "·", "::", "＿"};
	xxgk_meta_paras p;
	size_t i = 0, start = 0, k, n;
	int rc = 0;

	if (!len || (r->agency_off != SIZE_MAX && r->year))
		return 0;
	memset(&p, 0, sizeof(p));
	p.text = (xxgk_buf)XXGK_BUF_INIT;
	while (i <= len && rc == 0) {
		for (k = 0, n = 0; i < len && k < sizeof(seps) / sizeof(*seps) && !n; k++)
			if (len - i >= strlen(seps[k]) && memcmp(title + i, seps[k], strlen(seps[k])) == 0)
				n = strlen(seps[k]);
		if (i < len && !n) {
			i++;
			continue;
		}
		rc = xxgk_meta_add(&p, title + start, i - start);
		i += n ? n : 1;
		start = i;
	}
	if (rc == 0)
		rc = xxgk_meta_title(r, &p, s);
	xxgk_buf_dispose(&p.text);
	return rc;
}
