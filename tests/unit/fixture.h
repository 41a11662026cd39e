/*
 * fixture.h - inputs the unit tests build in memory: ZIP packages made
 * with libzip, a minimal .docx around a WordprocessingML body, and
 * macros that spell paragraphs, rows and cells.
 */
#ifndef XXGK_TEST_FIXTURE_H
#define XXGK_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "grid.h"

/* The WordprocessingML namespaces. */
#define FX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define FX_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define FX_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define FX_REL_OFFICE_DOC \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

/* A paragraph of one run, a cell of one such paragraph, a row, a table. */
#define FX_P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define FX_TC(text) "<w:tc>" FX_P(text) "</w:tc>"
#define FX_TR(cells) "<w:tr>" cells "</w:tr>"
#define FX_TBL(rows) "<w:tbl>" rows "</w:tbl>"

/* One file of a ZIP to build. */
typedef struct {
	const char *name;
	const void *data;
	size_t len;    /* (size_t)-1: strlen(data) */
	int store;     /* 1: stored, 0: deflated */
} fx_entry;

/*
 * Build a ZIP of `n` entries in memory. Returns malloc'd bytes (free
 * them) and their length in *len, or NULL when libzip fails.
 */
unsigned char *fx_zip(size_t *len, const fx_entry *entries, size_t n);

/* A malloc'd document.xml whose w:body holds `body` (w and mc declared). */
char *fx_document(const char *body);

/* A malloc'd _rels/.rels with one officeDocument relationship to `target`. */
char *fx_rels(const char *target);

/* A .docx whose word/document.xml is `document_xml` (a whole part). */
unsigned char *fx_docx_part(size_t *len, const char *document_xml);

/* A .docx whose word/document.xml is fx_document(body). */
unsigned char *fx_docx(size_t *len, const char *body);

/* 1 when `hay` contains `needle` (both NUL-terminated). */
int fx_contains(const char *hay, const char *needle);

/* xxgk_grid_build under the default limits but max_cols. */
int fx_grid_build(xxgk_grid *grid, const xxgk_rawtable *raw, uint32_t max_cols);

#endif
