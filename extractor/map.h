/*
 * map.h - locate and read one table: decide which table specs of the rules
 * its words match, find its header rows and columns, read each data row's
 * label path, and hand every (field id, cell) pair to the report.
 */
#ifndef XXGK_MAP_H
#define XXGK_MAP_H

#include "grid.h"
#include "memo.h"
#include "report.h"
#include "rules.h"

/* Scratch space reused from table to table and file to file. */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	xxgk_buf norm;        /* normalized text of every cell, each followed by '|' */
	uint32_t *norm_off, *norm_len;
	size_t acells;
	xxgk_buf path;        /* the row's label path */
	xxgk_buf pend;        /* the label path of a blank row held back */
	xxgk_buf *hdr;        /* per column: the header path */
	int32_t *hdr_last;    /* per column: the last owner appended to hdr */
	int *colmap;          /* per column: index of its col rule, or -1 */
	int *colunit;         /* per column: unit power of ten for amounts */
	int32_t *carry;       /* per column: the label cell carried down */
	int *tmp;             /* per column: scratch */
	size_t acols;
	/* per table spec: the column map its last table ended with, so that a
	 * table split by a page break without repeating its header rows is
	 * read on with the columns of its first part */
	int **saved_map, **saved_unit;
	uint32_t *saved_ncols;
	size_t nspecs;
	xxgk_memo memo;       /* label and header paths matched before */
} xxgk_map_scratch;

int xxgk_map_scratch_init(xxgk_map_scratch *s, const xxgk_rules *rules);
void xxgk_map_scratch_dispose(xxgk_map_scratch *s);

/* Normalize every cell of `g` into the scratch (call before the rest). */
int xxgk_map_prepare(xxgk_map_scratch *s, const xxgk_grid *g);

/* 1 when the table's words (left by xxgk_map_prepare) match the spec's locate pattern. */
int xxgk_map_matches(xxgk_map_scratch *s, const xxgk_spec *spec);

/* Read the table with spec `k` of the rules into the report; counts fields
 * set in *found. A table as wide as the last one read with the same spec
 * starts with that table's columns. */
int xxgk_map_read(xxgk_map_scratch *s, const xxgk_grid *g, size_t k, xxgk_report *r,
		  size_t *found);

/* 1 when a table of this width would continue spec k's last table. */
int xxgk_map_continues(const xxgk_map_scratch *s, const xxgk_grid *g, size_t k);

/* Forget the saved column maps (at the start of each input). */
void xxgk_map_reset(xxgk_map_scratch *s);

#endif
