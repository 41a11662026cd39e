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

#endif
