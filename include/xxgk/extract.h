/*
 * xxgk/extract.h - run the pipeline on one input.
 *
 * An extractor holds what is reused from one input to the next (buffers,
 * regex match data); it is not thread-safe, so give each thread its own.
 * The rules it uses may be shared between extractors.
 */
#ifndef XXGK_EXTRACT_H
#define XXGK_EXTRACT_H

#include <stddef.h>
#include "common.h"
#include "options.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct xxgk_extractor xxgk_extractor;

/**
 * Create an extractor. `opts` is copied (NULL: defaults); the strings and
 * rules it points to must outlive the extractor. Free with
 * xxgk_extractor_free().
 */
XXGK_EXTERN(int) xxgk_extractor_new(xxgk_extractor **out, const xxgk_options *opts);
XXGK_EXTERN(void) xxgk_extractor_free(xxgk_extractor *x);

/**
 * Set the agency and year that override the title's for the extractor's
 * next inputs (a batch with a manifest sets them per file). `agency` is
 * borrowed until the next call (NULL: no override); `year` 0: no override.
 */
XXGK_EXTERN(void) xxgk_extractor_set_metadata(xxgk_extractor *x, const char *agency, int year);

/**
 * Extract the report in the file at `path`. On success `*out` is a new
 * report owned by the caller. On failure `*out` is NULL, the return value
 * is negative and xxgk_error_last() says what is wrong.
 */
XXGK_EXTERN(int) xxgk_extract_file(xxgk_report **out, xxgk_extractor *x, const char *path);

/**
 * Extract from `len` bytes of a .docx held in memory. `source` names the
 * input in the report and in messages.
 */
XXGK_EXTERN(int) xxgk_extract_memory(xxgk_report **out, xxgk_extractor *x,
				     const void *data, size_t len, const char *source);

/**
 * Append a human-readable view of every table of the input (the resolved
 * grid, one line per row, with the locator's verdict) to `out`.
 */
XXGK_EXTERN(int) xxgk_tables_file(xxgk_buf *out, xxgk_extractor *x, const char *path);

#ifdef __cplusplus
}
#endif
#endif
