/*
 * report.h - building a report (internal). Strings live in one arena per
 * report, addressed by offset while it grows and resolved to pointers by
 * xxgk_report__finish().
 */
#ifndef XXGK_REPORT_INTERNAL_H
#define XXGK_REPORT_INTERNAL_H

#include "xxgk/report.h"
#include "buf.h"
#include "rules.h"

typedef struct {
	size_t code, fields, message;
	int numbers, printed_is_null;
	double printed, computed;
} xxgk_woff;

struct xxgk_report {
	const xxgk_rules *rules;
	xxgk_buf arena;
	size_t source_off, agency_off; /* agency_off == SIZE_MAX: none */
	const char *source, *agency;
	int year;
	const char *templ;             /* static string or NULL */
	xxgk_value *values;            /* one slot per schema field while building */
	size_t *text_offs;
	unsigned char *has;            /* slot is set */
	size_t nslots, nvalues;
	xxgk_warning *warnings;
	xxgk_woff *woffs;
	size_t nwarnings, awarnings;
};

int xxgk_report__new(xxgk_report **out, const xxgk_rules *rules, const char *source);

/* Set field `idx` from a cell; keeps the first non-null reading. Returns
 * 1 when the field already held a different number (the caller warns). */
int xxgk_report__set(xxgk_report *r, int idx, int is_null, double v, int table, int row,
		     int col, const char *text, size_t len);

int xxgk_report__set_agency(xxgk_report *r, const char *s, size_t len);

/* Add a warning; `fields` is a comma-separated list of ids (may be ""). */
int xxgk_report__warn(xxgk_report *r, const char *code, const char *fields, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Attach numbers to the last warning (see xxgk_warning.numbers). */
void xxgk_report__warn_numbers(xxgk_report *r, int kind, int printed_is_null, double printed,
			       double computed);

/* Compact the set fields into schema order and resolve every string. */
void xxgk_report__finish(xxgk_report *r);

#endif
