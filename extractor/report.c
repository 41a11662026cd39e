/*
 * report.c - one report: metadata, values in schema order, warnings, and
 * the read-only accessors of the public API.
 */
#include "report.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static int S_arena_put(xxgk_report *r, size_t *off, const char *s, size_t len)
{
	*off = r->arena.size;
	if (xxgk_buf_put(&r->arena, s, len) < 0 || xxgk_buf_putc(&r->arena, '\0') < 0)
		return xxgk_error_oom();
	return 0;
}

int xxgk_report__new(xxgk_report **out, const xxgk_rules *rules, const char *source)
{
	xxgk_report *r = calloc(1, sizeof(*r));

	*out = NULL;
	if (!r)
		return xxgk_error_oom();
	r->rules = rules;
	r->arena = (xxgk_buf)XXGK_BUF_INIT;
	r->agency_off = SIZE_MAX;
	r->nslots = rules->nfields;
	r->values = calloc(r->nslots, sizeof(*r->values));
	r->text_offs = calloc(r->nslots, sizeof(*r->text_offs));
	r->has = calloc(r->nslots, 1);
	if (!r->values || !r->text_offs || !r->has ||
	    S_arena_put(r, &r->source_off, source, strlen(source)) < 0) {
		xxgk_report_free(r);
		return xxgk_error_oom();
	}
	*out = r;
	return 0;
}

int xxgk_report__set(xxgk_report *r, int idx, int is_null, double v, int table, int row,
		     int col, const char *text, size_t len)
{
	xxgk_value *slot = &r->values[idx];

	if (r->has[idx]) {
		if (!slot->is_null && !is_null && slot->number != v)
			return 1;
		if (!slot->is_null || is_null)
			return 0;
	}
	if (S_arena_put(r, &r->text_offs[idx], text, len) < 0)
		return XXGK_ENOMEM;
	r->has[idx] = 1;
	slot->field = r->rules->fields[idx].id;
	slot->is_null = is_null;
	slot->number = is_null ? 0 : v;
	slot->table = table;
	slot->row = row;
	slot->col = col;
	return 0;
}

int xxgk_report__set_agency(xxgk_report *r, const char *s, size_t len)
{
	return S_arena_put(r, &r->agency_off, s, len);
}

int xxgk_report__warn(xxgk_report *r, const char *code, const char *fields, const char *fmt, ...)
{
	xxgk_woff *w;
	va_list ap;
	int n;

	if (r->nwarnings == r->awarnings) {
		size_t na = r->awarnings ? r->awarnings * 2 : 8;
		xxgk_woff *nw = realloc(r->woffs, na * sizeof(*nw));
		if (!nw)
			return xxgk_error_oom();
		r->woffs = nw;
		r->awarnings = na;
	}
	w = &r->woffs[r->nwarnings];
	memset(w, 0, sizeof(*w));
	if (S_arena_put(r, &w->code, code, strlen(code)) < 0 ||
	    S_arena_put(r, &w->fields, fields, strlen(fields)) < 0)
		return XXGK_ENOMEM;
	w->message = r->arena.size;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || xxgk_buf_grow(&r->arena, (size_t)n + 1) < 0)
		return xxgk_error_oom();
	va_start(ap, fmt);
	vsnprintf(r->arena.ptr + r->arena.size, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r->arena.size += (size_t)n + 1;
	r->nwarnings++;
	return 0;
}

void xxgk_report__warn_numbers(xxgk_report *r, int kind, int printed_is_null, double printed,
			       double computed)
{
	xxgk_woff *w;

	if (!r->nwarnings)
		return;
	w = &r->woffs[r->nwarnings - 1];
	w->numbers = kind;
	w->printed_is_null = printed_is_null;
	w->printed = printed;
	w->computed = computed;
}

void xxgk_report__finish(xxgk_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nslots; i++) {
		if (!r->has[i])
			continue;
		r->values[n] = r->values[i];
		r->values[n].text = r->arena.ptr + r->text_offs[i];
		n++;
	}
	r->nvalues = n;
	r->source = r->arena.ptr + r->source_off;
	r->agency = r->agency_off == SIZE_MAX ? NULL : r->arena.ptr + r->agency_off;
	free(r->warnings);
	r->warnings = calloc(r->nwarnings ? r->nwarnings : 1, sizeof(*r->warnings));
	for (i = 0; r->warnings && i < r->nwarnings; i++) {
		r->warnings[i].code = r->arena.ptr + r->woffs[i].code;
		r->warnings[i].fields = r->arena.ptr + r->woffs[i].fields;
		r->warnings[i].message = r->arena.ptr + r->woffs[i].message;
		r->warnings[i].numbers = r->woffs[i].numbers;
		r->warnings[i].printed_is_null = r->woffs[i].printed_is_null;
		r->warnings[i].printed = r->woffs[i].printed;
		r->warnings[i].computed = r->woffs[i].computed;
	}
	if (!r->warnings)
		r->nwarnings = 0;
}

void xxgk_report_free(xxgk_report *r)
{
	if (!r)
		return;
	xxgk_buf_dispose(&r->arena);
	free(r->values);
	free(r->text_offs);
	free(r->has);
	free(r->warnings);
	free(r->woffs);
	free(r);
}

const char *xxgk_report_source(const xxgk_report *r) { return r->source; }
const char *xxgk_report_agency(const xxgk_report *r) { return r->agency; }
int xxgk_report_year(const xxgk_report *r) { return r->year; }
const char *xxgk_report_template(const xxgk_report *r) { return r->templ; }
size_t xxgk_report_value_count(const xxgk_report *r) { return r->nvalues; }
size_t xxgk_report_warning_count(const xxgk_report *r) { return r->nwarnings; }

const xxgk_value *xxgk_report_value(const xxgk_report *r, size_t i)
{
	return i < r->nvalues ? &r->values[i] : NULL;
}

const xxgk_value *xxgk_report_get(const xxgk_report *r, const char *field)
{
	size_t i;
	for (i = 0; i < r->nvalues; i++)
		if (strcmp(r->values[i].field, field) == 0)
			return &r->values[i];
	return NULL;
}

const xxgk_warning *xxgk_report_warning(const xxgk_report *r, size_t i)
{
	return i < r->nwarnings ? &r->warnings[i] : NULL;
}
