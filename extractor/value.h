/* value.h - read a number from a cell's text, as SCHEMA.md "Values" says. */
#ifndef XXGK_VALUE_H
#define XXGK_VALUE_H

#include <stddef.h>

typedef enum {
	XXGK_V_BLANK,     /* nothing printed: null */
	XXGK_V_NUMBER,    /* a number, zero markers included */
	XXGK_V_UNREADABLE /* text that is not a number: null plus a warning */
} xxgk_vkind;

/*
 * Read `len` bytes of cell text. Full-width digits, padding, thousands
 * separators and a unit suffix are read through; the zero markers 0 — - －
 * / ／ 无 are 0. For an amount (`is_amount`), the value is in 万元:
 * `unit_exp` is the power of ten the column header implies relative to
 * 万元 (0 for 万元, -4 for 元) unless the cell prints its own unit.
 */
xxgk_vkind xxgk_value_parse(const char *s, size_t len, int is_amount, int unit_exp, double *out);

/* True when `len` bytes of `s` read as a number (not blank, not unreadable). */
int xxgk_value_is_number(const char *s, size_t len);

#endif
