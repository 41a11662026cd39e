/*
 * check.h - the arithmetic checks (勾稽关系) of a report under construction
 * (internal; the public side is include/xxgk/check.h).
 */
#ifndef XXGK_CHECK_INTERNAL_H
#define XXGK_CHECK_INTERNAL_H

#include "xxgk/check.h"
#include "report.h"

/*
 * Run every check on `r` before xxgk_report__finish() and add one `check.*`
 * warning per failure. Reads the values, never changes one. Returns 0 or
 * XXGK_ENOMEM.
 */
int xxgk_check__report(xxgk_report *r);

/* The check rules' field ids resolved against a schema, made once when the
 * rules load (rules.c) and read by every check run. */
typedef struct xxgk_check_plan xxgk_check_plan;
int xxgk_check__plan_new(xxgk_check_plan **out, const xxgk_rules *rules);
void xxgk_check__plan_free(xxgk_check_plan *plan);

#endif
