/*
 * emit_csv_wide.c - one row per report: source,agency,year,template, then
 * one column per field id of the schema in schema order. The columns are
 * all the schema's ids, not only those of the templates present, so that
 * sheets from different runs (2019 and 2021 reports alike) concatenate
 * column for column in pandas or Excel; a field a report lacks is empty.
 */
#include "xxgk/emit.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "emit_util.h"

#define PUT(expr) do { if ((expr) < 0) return XXGK_ENOMEM; } while (0)

int xxgk_emit_csv_wide_header(xxgk_buf *out, const xxgk_rules *rules, const xxgk_emit_meta *meta)
{
	size_t i, n = xxgk_schema_count(rules);

	if (!n)
		return xxgk_error_last()->code ? xxgk_error_last()->code : XXGK_ERULES;
	PUT(xxgk_buf_puts(out, "source,agency,year,template"));
	for (i = 0; i < n; i++) {
		const char *id = xxgk_schema_field(rules, i)->id;
		PUT(xxgk_buf_putc(out, ','));
		PUT(xxgk_csv_field(out, id, strlen(id)));
	}
	PUT(xxgk_csv__meta(out, meta, 1));
	return xxgk_buf_puts(out, "\r\n");
}

int xxgk_emit_csv_wide(xxgk_buf *out, const xxgk_report *r, const xxgk_rules *rules,
		       const xxgk_emit_meta *meta)
{
	const char *src = xxgk_report_source(r), *ag = xxgk_report_agency(r);
	const char *tp = xxgk_report_template(r);
	size_t i, j = 0, n = xxgk_schema_count(rules), nv = xxgk_report_value_count(r);
	char num[40];

	PUT(xxgk_csv_field(out, src, strlen(src)));
	PUT(xxgk_buf_putc(out, ','));
	PUT(xxgk_csv_field(out, ag ? ag : "", ag ? strlen(ag) : 0));
	PUT(xxgk_buf_putc(out, ','));
	if (xxgk_report_year(r))
		PUT(xxgk_buf_printf(out, "%d", xxgk_report_year(r)));
	PUT(xxgk_buf_putc(out, ','));
	PUT(xxgk_csv_field(out, tp ? tp : "", tp ? strlen(tp) : 0));
	for (i = 0; i < n; i++) {
		const char *id = xxgk_schema_field(rules, i)->id;
		const xxgk_value *v = NULL;
		/* The values are in the order of the same schema: walk both together. */
		if (j < nv && strcmp(xxgk_report_value(r, j)->field, id) == 0)
			v = xxgk_report_value(r, j++);
		PUT(xxgk_buf_putc(out, ','));
		if (v && !v->is_null) {
			xxgk_fmt_number(num, v->number);
			PUT(xxgk_buf_puts(out, num));
		}
	}
	PUT(xxgk_csv__meta(out, meta, 0));
	return xxgk_buf_puts(out, "\r\n");
}
