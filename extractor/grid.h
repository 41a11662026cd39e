/*
 * grid.h - a table resolved into a rectangle: every position knows the
 * cell that covers it, whatever gridSpan, vMerge, gridBefore and
 * gridAfter said.
 */
#ifndef XXGK_GRID_H
#define XXGK_GRID_H

#include <stdint.h>
#include "wordml.h"

typedef struct {
	const xxgk_rawtable *raw;
	uint32_t nrows, ncols;
	int32_t *owner;      /* nrows * ncols: index of the covering cell, or -1 */
	uint32_t *origin_row;/* per raw cell: top row of the area it covers */
	uint32_t *origin_col;/* per raw cell: left column */
} xxgk_grid;

/*
 * Resolve `raw`; the grid borrows it. XXGK_ELIMIT if wider than
 * lim->max_cols or if rows x columns is over lim->max_cells, which bounds
 * the grid's memory (a few cells spanning many columns cannot make it
 * rows x max_cols).
 */
int xxgk_grid_build(xxgk_grid *out, const xxgk_rawtable *raw, const xxgk_limits *lim);
void xxgk_grid_dispose(xxgk_grid *grid);

/* The covering cell at (row, col), or -1. */
static inline int32_t xxgk_grid_at(const xxgk_grid *g, uint32_t row, uint32_t col)
{
	return g->owner[(size_t)row * g->ncols + col];
}

/* The text of cell `cell` (not NUL-terminated); length in *len. */
const char *xxgk_grid_text(const xxgk_grid *g, int32_t cell, size_t *len);

#endif
