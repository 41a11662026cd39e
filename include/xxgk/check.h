/*
 * xxgk/check.h - the report's own arithmetic (勾稽关系): row totals, the
 * balance of table 三, the result total, the appeals totals and plausible
 * numbers. The rules are listed in docs/checks.md.
 *
 * Extraction already runs every check and adds one `check.*` warning per
 * failure to the report; xxgk_check_report() gives the same verdict in a
 * form a program can use: how many instances of each rule the report has,
 * how many fail, and each failure with its printed and computed numbers.
 * Checks never change a value and never refuse a report.
 */
#ifndef XXGK_CHECK_H
#define XXGK_CHECK_H

#include <stddef.h>
#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The rules, in the order of docs/checks.md. */
typedef enum {
	XXGK_CHECK_ROW_TOTAL = 0,  /**< check.row_total: 总计 = the six applicant columns */
	XXGK_CHECK_BALANCE,        /**< check.balance: 一 + 二 = （七）总计 + 四, per column */
	XXGK_CHECK_RESULT_TOTAL,   /**< check.result_total: （七）总计 = the result rows */
	XXGK_CHECK_APPEALS_TOTAL,  /**< check.appeals_total: 总计 = the four outcomes */
	XXGK_CHECK_PLAUSIBLE,      /**< check.plausible: whole, non-negative counts */
	XXGK_CHECK_NRULES
} xxgk_check_rule;

/** How a report fared under one rule. */
typedef struct {
	const char *code;     /**< the warning code, e.g. "check.row_total" (static) */
	const char *summary;  /**< what the rule asserts, one line (static, UTF-8) */
	const char *unit;     /**< what an instance is: "row", "column" or "value" (static) */
	unsigned evaluated;   /**< instances the report has (rows, columns or values) */
	unsigned failed;      /**< of those, how many fail */
} xxgk_check_tally;

/** One failure. The strings are valid only during the callback. */
typedef struct {
	int rule;             /**< an xxgk_check_rule */
	const char *code;     /**< as in the report's warning */
	const char *fields;   /**< the field ids involved, comma-separated: totals, then parts */
	const char *message;  /**< as in the report's warning: labels and numbers */
	int is_sum;           /**< 1: printed and computed are the two sides of an equation */
	int printed_is_null;  /**< 1: every cell of the printed side is blank */
	double printed;       /**< the printed total (the sum of the printed side, blanks as 0);
				   for check.plausible the value itself */
	double computed;      /**< the sum of the parts (blanks as 0); for check.plausible
				   equal to `printed` */
} xxgk_check_failure;

/** Called once per failure; a non-zero return stops the run and is returned. */
typedef int (*xxgk_check_cb)(const xxgk_check_failure *failure, void *payload);

/**
 * Run every check on `report` (read-only). `out` (may be NULL) receives one
 * tally per rule, indexed by xxgk_check_rule; `cb` (may be NULL) is called
 * for each failure in rule order. Returns 0, a negative XXGK_E* code, or
 * the callback's non-zero value.
 */
XXGK_EXTERN(int) xxgk_check_report(xxgk_check_tally out[XXGK_CHECK_NRULES],
				   const xxgk_report *report, xxgk_check_cb cb, void *payload);

#ifdef __cplusplus
}
#endif
#endif
