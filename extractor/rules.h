/*
 * rules.h - the compiled rules data: schema fields, table specs with their
 * column and row patterns, and title patterns (extractor/rules/xxgk.rules).
 */
#ifndef XXGK_RULES_H
#define XXGK_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "xxgk/options.h"
#include "xxgk/report.h"

typedef struct {
	pcre2_code *re;
	char *id; /* "" for '-' */
} xxgk_rule;

typedef struct {
	char *name;
	char *prefix;
	char *templ; /* "2021", "2019" or "" for '*' */
	pcre2_code *locate;
	xxgk_rule *cols, *rows;
	size_t ncols, nrows;
	int *field; /* [row * ncols + col]: the schema index of prefix.row.col, or -1 */
} xxgk_spec;

struct xxgk_rules {
	xxgk_field *fields;
	size_t nfields;
	int *hash; /* open addressing over field ids: index or -1 */
	size_t hash_size;
	xxgk_spec *specs;
	size_t nspecs;
	pcre2_code **titles;
	size_t ntitles;
	struct xxgk_check_plan *checks; /* check.c's rules resolved against these fields */
};

/* The schema index of `id` (len bytes), or -1. */
int xxgk_rules_field_index(const xxgk_rules *rules, const char *id, size_t len);

/* The schema index of the field that row rule `row` and column rule `col`
 * of `spec` name together, or -1 (composed once, when the rules load). */
static inline int xxgk_spec_field(const xxgk_spec *spec, size_t row, size_t col)
{
	return spec->field[row * spec->ncols + col];
}

/* 1 when `re` matches `len` bytes of `s`, 0 when not (or on a match error).
 * `s` must be valid UTF-8 (text normalized by text.c always is): it is not
 * checked again. */
int xxgk_rules_match(const pcre2_code *re, const char *s, size_t len, pcre2_match_data *md,
		     pcre2_match_context *mctx);

/* The largest ovector any compiled pattern needs. */
uint32_t xxgk_rules_max_captures(const xxgk_rules *rules);

#endif
