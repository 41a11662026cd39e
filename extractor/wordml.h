/*
 * wordml.h - stream WordprocessingML and hand over paragraphs and tables.
 *
 * The reader walks the main part once, forward, with libxml2's SAX2
 * parser. Its root element must be a document (else XXGK_ENOTDOCX).
 * Paragraphs outside tables go to the sink as text; each table goes to
 * the sink when it closes (a nested table before the table that holds
 * it), as rows of cells with their spans and merge marks.
 */
#ifndef XXGK_WORDML_H
#define XXGK_WORDML_H

#include <stddef.h>
#include <stdint.h>
#include "xxgk/common.h"
#include "xxgk/options.h"

enum { XXGK_VMERGE_NONE = 0, XXGK_VMERGE_RESTART = 1, XXGK_VMERGE_CONTINUE = 2 };

typedef struct {
	uint32_t text_off, text_len; /* the cell's text in the table's text buffer */
	uint32_t span;               /* w:gridSpan, at least 1 */
	uint8_t vmerge;              /* XXGK_VMERGE_* */
} xxgk_rawcell;

typedef struct {
	uint32_t first_cell, ncells;
	uint32_t grid_before, grid_after;
} xxgk_rawrow;

typedef struct {
	xxgk_rawcell *cells;
	size_t ncells, acells;
	xxgk_rawrow *rows;
	size_t nrows, arows;
	xxgk_buf text;  /* every cell's text; paragraphs joined by '\n' */
	int index;      /* 1-based, in the order the tables start */
	int depth;      /* 0 for a table in the body, 1 inside a cell, ... */
} xxgk_rawtable;

typedef struct {
	/* A paragraph outside every table; text is UTF-8, not NUL-terminated. */
	int (*paragraph)(const char *text, size_t len, void *payload);
	/* A complete table; the table is the reader's and valid only during the call. */
	int (*table)(const xxgk_rawtable *table, void *payload);
} xxgk_wordml_sink;

/*
 * Read `len` bytes of the part named `part`. A sink callback returning
 * non-zero stops the walk and its value is returned. Errors: XXGK_EXML
 * (with line and column), XXGK_ELIMIT, XXGK_ENOMEM.
 */
int xxgk_wordml_read(const char *xml, size_t len, const char *part, const xxgk_limits *lim,
		     const xxgk_wordml_sink *sink, void *payload);

#endif
