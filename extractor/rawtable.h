/*
 * rawtable.h - build an xxgk_rawtable, the one shape in which every reader
 * (WordprocessingML, HTML) hands a table to the rest of the pipeline.
 */
#ifndef XXGK_RAWTABLE_H
#define XXGK_RAWTABLE_H

#include "wordml.h"

/* A new empty table; NULL when out of memory (the error is set). */
xxgk_rawtable *xxgk_rawtable_new(int index, int depth);
void xxgk_rawtable_free(xxgk_rawtable *t);

/* Start `t` (embedded in a reader's own struct) empty, or release what it holds. */
void xxgk_rawtable_init(xxgk_rawtable *t, int index, int depth);
void xxgk_rawtable_dispose(xxgk_rawtable *t);

/* Start a row. XXGK_ELIMIT past max_rows (the message names `line` when
 * it is not 0), XXGK_ENOMEM. */
int xxgk_rawtable_add_row(xxgk_rawtable *t, const xxgk_limits *lim, int line);

/* Append a cell to the last row (a row is started if there is none). */
int xxgk_rawtable_add_cell(xxgk_rawtable *t, const xxgk_limits *lim, int line, uint32_t span,
			   uint8_t vmerge);

/* The last cell is complete: drop the line breaks its last paragraph left. */
void xxgk_rawtable_end_cell(xxgk_rawtable *t);

#endif
