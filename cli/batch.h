/*
 * batch.h - `xxgk extract` over any number of inputs: worker threads,
 * output in input order, progress, failures, the summary.
 */
#ifndef XXGK_CLI_BATCH_H
#define XXGK_CLI_BATCH_H

#include "xxgk/xxgk.h"
#include "inputs.h"
#include "manifest.h"

typedef enum {
	CLI_FMT_JSON, CLI_FMT_JSONL, CLI_FMT_CSV, CLI_FMT_CSV_WIDE, CLI_FMT_SQLITE
} cli_format;

typedef struct {
	cli_format format;
	const char *output;            /* -o FILE, or NULL for standard output */
	int compact, no_cells, bom;
	int quiet;                     /* no progress line; no summary unless a failure */
	int jobs;                      /* worker threads, >= 1 */
	int many;                      /* JSON: an array rather than one object; a summary */
	const xxgk_options *opts;      /* rules, limits, --agency, --year */
	const cli_manifest *manifest;  /* NULL: none */
	cli_inputs *inputs;
} cli_batch;

/* Run the batch; returns the exit status (0, or 1 when any input failed or
 * the output could not be written). */
int cli_batch_run(const cli_batch *b);

#endif
