/*
 * test_grid.c - resolving a raw table into a rectangle (extractor/grid.c):
 * gridSpan, vMerge restart and continue (a continue with no cell above
 * keeps its own place), gridBefore and gridAfter leaving holes, ragged
 * rows, the origin row and column of every cell, and the max_cols limit.
 * Raw tables are built by hand here, as the reader would deliver them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixture.h"
#include "grid.h"

#define MAXC 32
#define MAXR 8

/* A raw table in fixed storage. */
typedef struct {
	xxgk_rawtable t;
	xxgk_rawcell cells[MAXC];
	xxgk_rawrow rows[MAXR];
} S_raw;

static void S_init(S_raw *r)
{
	memset(r, 0, sizeof(*r));
	r->t.cells = r->cells;
	r->t.rows = r->rows;
	r->t.text = (xxgk_buf)XXGK_BUF_INIT;
	r->t.index = 1;
}

static void S_row(S_raw *r, uint32_t before, uint32_t after)
{
	xxgk_rawrow *row = &r->rows[r->t.nrows++];
	row->first_cell = (uint32_t)r->t.ncells;
	row->ncells = 0;
	row->grid_before = before;
	row->grid_after = after;
}

/* Add a cell to the last row; returns its index. */
static int32_t S_cell(S_raw *r, const char *text, uint32_t span, uint8_t vmerge)
{
	xxgk_rawcell *c = &r->cells[r->t.ncells];
	c->text_off = (uint32_t)r->t.text.size;
	c->text_len = (uint32_t)strlen(text);
	c->span = span;
	c->vmerge = vmerge;
	xxgk_buf_puts(&r->t.text, text);
	r->rows[r->t.nrows - 1].ncells++;
	return (int32_t)r->t.ncells++;
}

static void S_done(S_raw *r, xxgk_grid *g)
{
	xxgk_grid_dispose(g);
	xxgk_buf_dispose(&r->t.text);
}

/* Assert the owner of every position, row by row. */
static void S_owners(const xxgk_grid *g, const int32_t *expect)
{
	uint32_t r, c;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			if (xxgk_grid_at(g, r, c) != expect[r * g->ncols + c])
				fail_msg("position (%u,%u): owner %d, expected %d", r, c,
					 xxgk_grid_at(g, r, c), expect[r * g->ncols + c]);
		}
}

static void S_origin(const xxgk_grid *g, int32_t cell, uint32_t row, uint32_t col)
{
	assert_int_equal(g->origin_row[cell], row);
	assert_int_equal(g->origin_col[cell], col);
}

static void plain(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, b, c, d;
	size_t len;
	const char *t;
	(void)state;
	S_init(&r);
	S_row(&r, 0, 0);
	a = S_cell(&r, "A", 1, 0);
	b = S_cell(&r, "B", 1, 0);
	S_row(&r, 0, 0);
	c = S_cell(&r, "C", 1, 0);
	d = S_cell(&r, "DD", 1, 0);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.nrows, 2);
	assert_int_equal(g.ncols, 2);
	{
		const int32_t e[] = {a, b, c, d};
		S_owners(&g, e);
	}
	S_origin(&g, d, 1, 1);
	t = xxgk_grid_text(&g, d, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(t, "DD", 2);
	t = xxgk_grid_text(&g, -1, &len);
	assert_int_equal(len, 0);
	assert_string_equal(t, "");
	S_done(&r, &g);
}

static void grid_span(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, b, c, d, e;
	(void)state;
	S_init(&r);
	S_row(&r, 0, 0);
	a = S_cell(&r, "项目", 1, 0);
	b = S_cell(&r, "申请人情况", 3, 0);
	S_row(&r, 0, 0);
	c = S_cell(&r, "", 1, 0);
	d = S_cell(&r, "自然人", 2, 0);
	e = S_cell(&r, "总计", 1, 0);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.ncols, 4);
	{
		const int32_t x[] = {a, b, b, b, c, d, d, e};
		S_owners(&g, x);
	}
	S_origin(&g, b, 0, 1);
	S_origin(&g, d, 1, 1);
	S_origin(&g, e, 1, 3);
	S_done(&r, &g);
}

static void vmerge(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, b, c1, c, c2, d, s, s1;
	(void)state;
	S_init(&r);
	S_row(&r, 0, 0);
	a = S_cell(&r, "三、本年度办理结果", 1, XXGK_VMERGE_RESTART);
	s = S_cell(&r, "甲", 2, XXGK_VMERGE_RESTART);
	b = S_cell(&r, "1", 1, 0);
	S_row(&r, 0, 0);
	c1 = S_cell(&r, "", 1, XXGK_VMERGE_CONTINUE);
	s1 = S_cell(&r, "", 2, XXGK_VMERGE_CONTINUE);
	c = S_cell(&r, "2", 1, 0);
	S_row(&r, 0, 0);
	c2 = S_cell(&r, "", 1, XXGK_VMERGE_CONTINUE);
	d = S_cell(&r, "乙", 2, 0);
	S_cell(&r, "3", 1, 0);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.nrows, 3);
	assert_int_equal(g.ncols, 4);
	{
		const int32_t x[] = {a, s, s, b, a, s, s, c, a, d, d, 8};
		S_owners(&g, x);
	}
	/* the merged label's top-left is its first row */
	S_origin(&g, a, 0, 0);
	S_origin(&g, s, 0, 1);
	S_origin(&g, c, 1, 3);
	(void)c1;
	(void)c2;
	(void)s1;
	S_done(&r, &g);
}

static void vmerge_continue_with_nothing_above(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, top, b, x;
	(void)state;
	S_init(&r);
	/* a continue in the first row */
	S_row(&r, 0, 0);
	top = S_cell(&r, "首", 1, XXGK_VMERGE_CONTINUE);
	/* a continue under a hole: row 0 is one column wide */
	S_row(&r, 0, 0);
	a = S_cell(&r, "A", 1, 0);
	b = S_cell(&r, "B", 1, XXGK_VMERGE_CONTINUE);
	S_row(&r, 0, 0);
	x = S_cell(&r, "", 1, XXGK_VMERGE_CONTINUE);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.ncols, 2);
	{
		const int32_t e[] = {top, -1, a, b, a, -1};
		S_owners(&g, e);
	}
	S_origin(&g, top, 0, 0);
	S_origin(&g, b, 1, 1);
	(void)x;
	S_done(&r, &g);
}

static void grid_before_after(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, b, c, d, e;
	(void)state;
	S_init(&r);
	S_row(&r, 1, 0);
	a = S_cell(&r, "A", 1, 0);
	b = S_cell(&r, "B", 1, 0);
	S_row(&r, 0, 1);
	c = S_cell(&r, "C", 1, 0);
	d = S_cell(&r, "D", 1, 0);
	S_row(&r, 1, 1);
	e = S_cell(&r, "E", 1, 0);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.ncols, 3);
	{
		const int32_t x[] = {-1, a, b, c, d, -1, -1, e, -1};
		S_owners(&g, x);
	}
	S_origin(&g, a, 0, 1);
	S_origin(&g, b, 0, 2);
	S_origin(&g, e, 2, 1);
	S_done(&r, &g);
}

static void ragged_rows(void **state)
{
	S_raw r;
	xxgk_grid g;
	int32_t a, b, c, d, e, f;
	(void)state;
	S_init(&r);
	S_row(&r, 0, 0);
	a = S_cell(&r, "A", 1, 0);
	S_row(&r, 0, 0);
	b = S_cell(&r, "B", 1, 0);
	c = S_cell(&r, "C", 1, 0);
	d = S_cell(&r, "D", 2, 0);
	S_row(&r, 0, 0);
	S_row(&r, 0, 0);
	e = S_cell(&r, "E", 1, 0);
	f = S_cell(&r, "F", 1, 0);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.nrows, 4);
	assert_int_equal(g.ncols, 4);
	{
		const int32_t x[] = {a, -1, -1, -1, b, c, d, d, -1, -1, -1, -1, e, f, -1, -1};
		S_owners(&g, x);
	}
	S_origin(&g, d, 1, 2);
	S_origin(&g, f, 3, 1);
	S_done(&r, &g);
}

static void empty_table(void **state)
{
	S_raw r;
	xxgk_grid g;
	(void)state;
	S_init(&r);
	assert_int_equal(fx_grid_build(&g, &r.t, 256), 0);
	assert_int_equal(g.nrows, 0);
	assert_int_equal(g.ncols, 0);
	S_done(&r, &g);
}

static void max_cols(void **state)
{
	S_raw r;
	xxgk_grid g;
	(void)state;
	S_init(&r);
	S_row(&r, 0, 0);
	S_cell(&r, "A", 1, 0);
	S_row(&r, 1, 1);
	S_cell(&r, "B", 2, 0); /* 1 + 2 + 1 = 4 columns */
	assert_int_equal(fx_grid_build(&g, &r.t, 4), 0);
	assert_int_equal(g.ncols, 4);
	xxgk_grid_dispose(&g);
	assert_int_equal(fx_grid_build(&g, &r.t, 3), XXGK_ELIMIT);
	assert_int_equal(xxgk_error_last()->code, XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_cols"));
	S_done(&r, &g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain),
		cmocka_unit_test(grid_span),
		cmocka_unit_test(vmerge),
		cmocka_unit_test(vmerge_continue_with_nothing_above),
		cmocka_unit_test(grid_before_after),
		cmocka_unit_test(ragged_rows),
		cmocka_unit_test(empty_table),
		cmocka_unit_test(max_cols),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
