/*
 * xxgk/report.h - one extracted report: metadata, values with where they
 * came from, and warnings. A report is read-only once extracted.
 */
#ifndef XXGK_REPORT_H
#define XXGK_REPORT_H

#include <stddef.h>
#include "common.h"
#include "options.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct xxgk_report xxgk_report;

/** One field the report has. `is_null` is set for a blank cell. */
typedef struct {
	const char *field;  /**< field id, e.g. "requests.new.total" */
	int is_null;        /**< 1: the report printed nothing (JSON null) */
	double number;      /**< the value when !is_null */
	int table, row, col;/**< 1-based: table in document order, grid row, grid column */
	const char *text;   /**< the cell's text as printed (UTF-8) */
} xxgk_value;

/** A warning: something the reader of the data should know. */
typedef struct {
	const char *code;     /**< e.g. "value.unreadable", "check.row_total" */
	const char *fields;   /**< field ids involved, comma-separated; may be "" */
	const char *message;  /**< one line, UTF-8 */
	int numbers;          /**< 0: none; 1: `printed` and `computed` are the two sides of a
				   failed sum; 2: `printed` is the implausible value itself */
	int printed_is_null;  /**< numbers == 1: every printed cell was blank */
	double printed, computed;
} xxgk_warning;

/** Free a report; NULL is allowed. */
XXGK_EXTERN(void) xxgk_report_free(xxgk_report *report);

/** The input path as given. */
XXGK_EXTERN(const char *) xxgk_report_source(const xxgk_report *report);
/** The reporting body, or NULL when neither the title nor an override names it. */
XXGK_EXTERN(const char *) xxgk_report_agency(const xxgk_report *report);
/** The year reported on, or 0 when unknown. */
XXGK_EXTERN(int) xxgk_report_year(const xxgk_report *report);
/** "2021" or "2019": the format of the report's `active` table. */
XXGK_EXTERN(const char *) xxgk_report_template(const xxgk_report *report);

/** Number of values, in schema order. */
XXGK_EXTERN(size_t) xxgk_report_value_count(const xxgk_report *report);
/** The i-th value; NULL when out of range. Owned by the report. */
XXGK_EXTERN(const xxgk_value *) xxgk_report_value(const xxgk_report *report, size_t i);
/** The value of `field`, or NULL when the report does not have that field. */
XXGK_EXTERN(const xxgk_value *) xxgk_report_get(const xxgk_report *report, const char *field);

XXGK_EXTERN(size_t) xxgk_report_warning_count(const xxgk_report *report);
XXGK_EXTERN(const xxgk_warning *) xxgk_report_warning(const xxgk_report *report, size_t i);

/** A field of the output schema. */
typedef struct {
	const char *id;        /**< e.g. "active.fees.amount" */
	const char *templates; /**< "2021", "2019" or "2019,2021" */
	const char *label;     /**< the official label, UTF-8 */
	int is_amount;         /**< 1 for an amount in 万元, 0 for a count */
} xxgk_field;

/** Number of schema fields known to `rules` (NULL: the built-in rules). */
XXGK_EXTERN(size_t) xxgk_schema_count(const xxgk_rules *rules);
/** The i-th schema field, or NULL when out of range. */
XXGK_EXTERN(const xxgk_field *) xxgk_schema_field(const xxgk_rules *rules, size_t i);

#ifdef __cplusplus
}
#endif
#endif
