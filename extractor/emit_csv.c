/*
 * emit_csv.c - the long form: one row per value, columns
 * source,agency,year,template,field,value,text; RFC 4180 quoting and CRLF
 * line ends, so Excel, pandas and csvkit read it alike. Columns from a
 * manifest (xxgk_emit_meta) follow the standard ones.
 */
#include "xxgk/emit.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "emit_util.h"

#define PUT(expr) do { if ((expr) < 0) return XXGK_ENOMEM; } while (0)

/* ",v1,v2..." for the meta columns, each quoted as needed; nothing without meta. */
int xxgk_csv__meta(xxgk_buf *out, const xxgk_emit_meta *meta, int names)
{
	size_t i;

	for (i = 0; meta && i < meta->count; i++) {
		const char *s = names ? meta->names[i] : meta->values ? meta->values[i] : NULL;
		PUT(xxgk_buf_putc(out, ','));
		if (s)
			PUT(xxgk_csv_field(out, s, strlen(s)));
	}
	return 0;
}

int xxgk_emit_csv_header(xxgk_buf *out)
{
	return xxgk_emit_csv_header_meta(out, NULL);
}

int xxgk_emit_csv_header_meta(xxgk_buf *out, const xxgk_emit_meta *meta)
{
	PUT(xxgk_buf_puts(out, "source,agency,year,template,field,value,text"));
	PUT(xxgk_csv__meta(out, meta, 1));
	return xxgk_buf_puts(out, "\r\n");
}

int xxgk_emit_csv(xxgk_buf *out, const xxgk_report *r)
{
	return xxgk_emit_csv_meta(out, r, NULL);
}

int xxgk_emit_csv_meta(xxgk_buf *out, const xxgk_report *r, const xxgk_emit_meta *meta)
{
	const char *src = xxgk_report_source(r), *ag = xxgk_report_agency(r);
	const char *tp = xxgk_report_template(r);
	size_t i, n = xxgk_report_value_count(r);
	char num[40], year[16];

	snprintf(year, sizeof(year), "%d", xxgk_report_year(r));
	for (i = 0; i < n; i++) {
		const xxgk_value *v = xxgk_report_value(r, i);
		PUT(xxgk_csv_field(out, src, strlen(src)));
		PUT(xxgk_buf_putc(out, ','));
		PUT(xxgk_csv_field(out, ag ? ag : "", ag ? strlen(ag) : 0));
		PUT(xxgk_buf_printf(out, ",%s,", xxgk_report_year(r) ? year : ""));
		PUT(xxgk_csv_field(out, tp ? tp : "", tp ? strlen(tp) : 0));
		PUT(xxgk_buf_printf(out, ",%s,", v->field));
		xxgk_fmt_number(num, v->number);
		PUT(xxgk_buf_puts(out, v->is_null ? "" : num));
		PUT(xxgk_buf_putc(out, ','));
		PUT(xxgk_csv_field(out, v->text, strlen(v->text)));
		PUT(xxgk_csv__meta(out, meta, 0));
		PUT(xxgk_buf_puts(out, "\r\n"));
	}
	return 0;
}
