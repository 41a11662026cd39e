/*
 * grid.c - resolve merges. A row's cells are laid left to right after its
 * gridBefore, each taking gridSpan columns; a vMerge-continue cell hands
 * its positions to the cell above (so a merged label covers every row it
 * spans); the rectangle is as wide as the widest row.
 */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

static uint32_t S_width(const xxgk_rawtable *raw, uint32_t r)
{
	const xxgk_rawrow *row = &raw->rows[r];
	uint64_t w = row->grid_before + row->grid_after;
	uint32_t i;

	for (i = 0; i < row->ncells; i++)
		w += raw->cells[row->first_cell + i].span;
	return w > UINT32_MAX ? UINT32_MAX : (uint32_t)w;
}

static void S_place_row(xxgk_grid *g, uint32_t r)
{
	const xxgk_rawtable *raw = g->raw;
	const xxgk_rawrow *row = &raw->rows[r];
	uint32_t col = row->grid_before, i, k;

	for (i = 0; i < row->ncells && col < g->ncols; i++) {
		uint32_t ci = row->first_cell + i;
		const xxgk_rawcell *c = &raw->cells[ci];
		int32_t own = (int32_t)ci;
		int32_t above = r > 0 ? xxgk_grid_at(g, r - 1, col) : -1;

		if (c->vmerge == XXGK_VMERGE_CONTINUE && above >= 0)
			own = above;
		else {
			g->origin_row[ci] = r;
			g->origin_col[ci] = col;
		}
		for (k = 0; k < c->span && col < g->ncols; k++, col++)
			g->owner[(size_t)r * g->ncols + col] = own;
	}
}

int xxgk_grid_build(xxgk_grid *g, const xxgk_rawtable *raw, const xxgk_limits *lim)
{
	uint32_t max_cols = lim->max_cols;
	uint64_t max_pos = lim->max_cells;
	uint32_t r, w = 0;
	size_t n;

	memset(g, 0, sizeof(*g));
	g->raw = raw;
	g->nrows = (uint32_t)raw->nrows;
	for (r = 0; r < g->nrows; r++) {
		uint32_t rw = S_width(raw, r);
		if (rw > max_cols)
			return xxgk_error_set(XXGK_ELIMIT, "table %d is %u columns wide (limit max_cols=%u)",
					      raw->index, rw, max_cols);
		if (rw > w)
			w = rw;
	}
	g->ncols = w;
	if ((uint64_t)g->nrows * g->ncols > max_pos)
		return xxgk_error_set(XXGK_ELIMIT, "table %d is %u rows x %u columns = %llu grid "
				      "positions (limit max_cells=%llu)", raw->index, g->nrows, g->ncols,
				      (unsigned long long)g->nrows * g->ncols, (unsigned long long)max_pos);
	n = (size_t)g->nrows * g->ncols;
	g->owner = malloc((n ? n : 1) * sizeof(*g->owner));
	g->origin_row = calloc(raw->ncells ? raw->ncells : 1, sizeof(*g->origin_row));
	g->origin_col = calloc(raw->ncells ? raw->ncells : 1, sizeof(*g->origin_col));
	if (!g->owner || !g->origin_row || !g->origin_col) {
		xxgk_grid_dispose(g);
		return xxgk_error_oom();
	}
	memset(g->owner, 0xFF, (n ? n : 1) * sizeof(*g->owner)); /* -1 everywhere */
	for (r = 0; r < g->nrows; r++)
		S_place_row(g, r);
	return 0;
}

void xxgk_grid_dispose(xxgk_grid *g)
{
	free(g->owner);
	free(g->origin_row);
	free(g->origin_col);
	memset(g, 0, sizeof(*g));
}

const char *xxgk_grid_text(const xxgk_grid *g, int32_t cell, size_t *len)
{
	const xxgk_rawcell *c;

	if (cell < 0) {
		*len = 0;
		return "";
	}
	c = &g->raw->cells[cell];
	*len = c->text_len;
	return g->raw->text.ptr + c->text_off;
}
