/*
 * rawtable.c - rows and cells appended within the limits, text trimmed at
 * a cell's end. Both readers build their tables here, so the shape the
 * grid receives, and the limits it was built under, are the same whatever
 * the input format.
 */
#include "rawtable.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"

void xxgk_rawtable_init(xxgk_rawtable *t, int index, int depth)
{
	memset(t, 0, sizeof(*t));
	t->text = (xxgk_buf)XXGK_BUF_INIT;
	t->index = index;
	t->depth = depth;
}

void xxgk_rawtable_dispose(xxgk_rawtable *t)
{
	free(t->cells);
	free(t->rows);
	xxgk_buf_dispose(&t->text);
	memset(t, 0, sizeof(*t));
	t->text = (xxgk_buf)XXGK_BUF_INIT;
}

xxgk_rawtable *xxgk_rawtable_new(int index, int depth)
{
	xxgk_rawtable *t = malloc(sizeof(*t));

	if (!t) {
		xxgk_error_oom();
		return NULL;
	}
	xxgk_rawtable_init(t, index, depth);
	return t;
}

void xxgk_rawtable_free(xxgk_rawtable *t)
{
	if (!t)
		return;
	xxgk_rawtable_dispose(t);
	free(t);
}

static int S_limit(int line, const char *what, int index, uint32_t max, const char *name)
{
	return xxgk_error_set_at(XXGK_ELIMIT, NULL, line, 0, "table %d has more than %u %s (limit %s)",
				 index, max, what, name);
}

int xxgk_rawtable_add_row(xxgk_rawtable *t, const xxgk_limits *lim, int line)
{
	if (t->nrows >= lim->max_rows)
		return S_limit(line, "rows", t->index, lim->max_rows, "max_rows");
	if (t->nrows == t->arows) {
		size_t na = t->arows ? t->arows * 2 : 32;
		xxgk_rawrow *nr = realloc(t->rows, na * sizeof(*nr));
		if (!nr)
			return xxgk_error_oom();
		t->rows = nr;
		t->arows = na;
	}
	memset(&t->rows[t->nrows], 0, sizeof(*t->rows));
	t->rows[t->nrows].first_cell = (uint32_t)t->ncells;
	t->nrows++;
	return 0;
}

int xxgk_rawtable_add_cell(xxgk_rawtable *t, const xxgk_limits *lim, int line, uint32_t span,
			   uint8_t vmerge)
{
	xxgk_rawcell *c;
	int rc;

	if (!t->nrows && (rc = xxgk_rawtable_add_row(t, lim, line)) < 0)
		return rc; /* a cell outside any row: give it one */
	if (t->ncells >= lim->max_cells)
		return S_limit(line, "cells", t->index, lim->max_cells, "max_cells");
	if (t->ncells == t->acells) {
		size_t na = t->acells ? t->acells * 2 : 64;
		if (!(c = realloc(t->cells, na * sizeof(*c))))
			return xxgk_error_oom();
		t->cells = c;
		t->acells = na;
	}
	c = &t->cells[t->ncells++];
	c->text_off = (uint32_t)t->text.size;
	c->text_len = 0;
	c->span = span;
	c->vmerge = vmerge;
	t->rows[t->nrows - 1].ncells++;
	return 0;
}

void xxgk_rawtable_end_cell(xxgk_rawtable *t)
{
	xxgk_rawcell *c;

	if (!t->ncells)
		return;
	c = &t->cells[t->ncells - 1];
	while (c->text_len && t->text.ptr[c->text_off + c->text_len - 1] == '\n') {
		c->text_len--;
		t->text.size--;
	}
	if (t->text.asize)
		t->text.ptr[t->text.size] = '\0';
}
