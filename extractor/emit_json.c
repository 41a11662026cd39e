/*
 * emit_json.c - one report as one JSON object: metadata, "values" keyed by
 * field id in schema order, "cells" with where each value stood and its
 * text as printed, and "warnings"; with XXGK_EMIT_LINE the same object on one
 * line, for JSON Lines.
 */
#include "xxgk/emit.h"

#include <string.h>

#include "buf.h"
#include "emit_util.h"

#define PUT(expr) do { if ((expr) < 0) return XXGK_ENOMEM; } while (0)

static int S_str_or_null(xxgk_buf *out, const char *s)
{
	return s ? xxgk_json_string(out, s, strlen(s)) : xxgk_buf_puts(out, "null");
}

/* The separator before the i-th member: a comma, then a new line and indent when pretty. */
static int S_sep(xxgk_buf *out, size_t i, const char *nl, const char *ind)
{
	if (i && xxgk_buf_putc(out, ',') < 0)
		return XXGK_ENOMEM;
	if (*nl && (xxgk_buf_puts(out, nl) < 0 || xxgk_buf_puts(out, ind) < 0))
		return XXGK_ENOMEM;
	return 0;
}

/* A field id as a key: ids are plain ASCII, so no escaping is needed. */
static int S_key(xxgk_buf *out, const char *id, const char *nl)
{
	if (xxgk_buf_putc(out, '"') < 0 || xxgk_buf_puts(out, id) < 0)
		return XXGK_ENOMEM;
	return xxgk_buf_puts(out, *nl ? "\": " : "\":");
}

static int S_values(xxgk_buf *out, const xxgk_report *r, const char *nl, const char *ind)
{
	size_t i, n = xxgk_report_value_count(r);
	char num[40];

	PUT(xxgk_buf_putc(out, '{'));
	for (i = 0; i < n; i++) {
		const xxgk_value *v = xxgk_report_value(r, i);
		PUT(S_sep(out, i, nl, ind));
		PUT(S_key(out, v->field, nl));
		xxgk_fmt_number(num, v->number);
		PUT(xxgk_buf_puts(out, v->is_null ? "null" : num));
	}
	return xxgk_buf_printf(out, "%s%s}", n ? nl : "", n && *nl ? "  " : "");
}

static int S_cells(xxgk_buf *out, const xxgk_report *r, const char *nl, const char *ind)
{
	size_t i, n = xxgk_report_value_count(r);

	PUT(xxgk_buf_putc(out, '{'));
	for (i = 0; i < n; i++) {
		const xxgk_value *v = xxgk_report_value(r, i);
		char t[24], rw[24], c[24];
		xxgk_fmt_int(t, v->table);
		xxgk_fmt_int(rw, v->row);
		xxgk_fmt_int(c, v->col);
		PUT(S_sep(out, i, nl, ind));
		PUT(S_key(out, v->field, nl));
		PUT(xxgk_buf_puts(out, "{\"table\":"));
		PUT(xxgk_buf_puts(out, t));
		PUT(xxgk_buf_puts(out, ",\"row\":"));
		PUT(xxgk_buf_puts(out, rw));
		PUT(xxgk_buf_puts(out, ",\"col\":"));
		PUT(xxgk_buf_puts(out, c));
		PUT(xxgk_buf_puts(out, ",\"text\":"));
		PUT(xxgk_json_string(out, v->text, strlen(v->text)));
		PUT(xxgk_buf_putc(out, '}'));
	}
	return xxgk_buf_printf(out, "%s%s}", n ? nl : "", n && *nl ? "  " : "");
}

/* A check's numbers: "printed" and "computed" for a sum, "value" for one value. */
static int S_numbers(xxgk_buf *out, const xxgk_warning *w)
{
	char a[40], b[40];

	xxgk_fmt_number(a, w->printed);
	xxgk_fmt_number(b, w->computed);
	if (w->numbers == 1)
		return xxgk_buf_printf(out, ",\"printed\":%s,\"computed\":%s",
				       w->printed_is_null ? "null" : a, b);
	if (w->numbers == 2)
		return xxgk_buf_printf(out, ",\"value\":%s", a);
	return 0;
}

static int S_warnings(xxgk_buf *out, const xxgk_report *r, const char *nl, const char *ind)
{
	size_t i, n = xxgk_report_warning_count(r);

	PUT(xxgk_buf_putc(out, '['));
	for (i = 0; i < n; i++) {
		const xxgk_warning *w = xxgk_report_warning(r, i);
		const char *p = w->fields;
		PUT(xxgk_buf_printf(out, "%s%s%s{\"code\":", i ? "," : "", nl, ind));
		PUT(xxgk_json_string(out, w->code, strlen(w->code)));
		PUT(xxgk_buf_puts(out, ",\"fields\":["));
		while (*p) {
			const char *e = strchr(p, ',');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			PUT(xxgk_json_string(out, p, len));
			p += len;
			if (*p == ',') {
				p++;
				PUT(xxgk_buf_putc(out, ','));
			}
		}
		PUT(xxgk_buf_puts(out, "],\"message\":"));
		PUT(xxgk_json_string(out, w->message, strlen(w->message)));
		PUT(S_numbers(out, w));
		PUT(xxgk_buf_putc(out, '}'));
	}
	return xxgk_buf_printf(out, "%s%s]", n ? nl : "", n && *nl ? "  " : "");
}

static int S_meta(xxgk_buf *out, const xxgk_emit_meta *meta, const char *nl, const char *ind)
{
	size_t i;

	PUT(xxgk_buf_putc(out, '{'));
	for (i = 0; i < meta->count; i++) {
		PUT(xxgk_buf_printf(out, "%s%s%s", i ? "," : "", nl, ind));
		PUT(xxgk_json_string(out, meta->names[i], strlen(meta->names[i])));
		PUT(xxgk_buf_putc(out, ':'));
		PUT(S_str_or_null(out, meta->values ? meta->values[i] : NULL));
	}
	return xxgk_buf_printf(out, "%s%s}", nl, *nl ? "  " : "");
}

int xxgk_emit_json(xxgk_buf *out, const xxgk_report *r, int flags)
{
	return xxgk_emit_json_meta(out, r, flags, NULL);
}

int xxgk_emit_json_meta(xxgk_buf *out, const xxgk_report *r, int flags, const xxgk_emit_meta *meta)
{
	int line = flags & XXGK_EMIT_LINE;
	int pretty = (flags & XXGK_EMIT_PRETTY) && !line;
	const char *nl = pretty ? "\n" : "", *ind1 = pretty ? "  " : "", *ind2 = pretty ? "    " : "";
	const char *sp = pretty ? " " : "";

	PUT(xxgk_buf_printf(out, "{%s%s\"source\":%s", nl, ind1, sp));
	PUT(S_str_or_null(out, xxgk_report_source(r)));
	PUT(xxgk_buf_printf(out, ",%s%s\"agency\":%s", nl, ind1, sp));
	PUT(S_str_or_null(out, xxgk_report_agency(r)));
	if (xxgk_report_year(r))
		PUT(xxgk_buf_printf(out, ",%s%s\"year\":%s%d", nl, ind1, sp, xxgk_report_year(r)));
	else
		PUT(xxgk_buf_printf(out, ",%s%s\"year\":%snull", nl, ind1, sp));
	PUT(xxgk_buf_printf(out, ",%s%s\"template\":%s", nl, ind1, sp));
	PUT(S_str_or_null(out, xxgk_report_template(r)));
	if (meta && meta->count) {
		PUT(xxgk_buf_printf(out, ",%s%s\"meta\":%s", nl, ind1, sp));
		PUT(S_meta(out, meta, nl, ind2));
	}
	PUT(xxgk_buf_printf(out, ",%s%s\"values\":%s", nl, ind1, sp));
	PUT(S_values(out, r, nl, ind2));
	if (!(flags & XXGK_EMIT_NO_CELLS)) {
		PUT(xxgk_buf_printf(out, ",%s%s\"cells\":%s", nl, ind1, sp));
		PUT(S_cells(out, r, nl, ind2));
	}
	PUT(xxgk_buf_printf(out, ",%s%s\"warnings\":%s", nl, ind1, sp));
	PUT(S_warnings(out, r, nl, ind2));
	return xxgk_buf_printf(out, "%s}%s", nl, line ? "\n" : "");
}
