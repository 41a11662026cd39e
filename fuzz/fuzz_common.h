/*
 * fuzz_common.h - shared by the harnesses: the first byte of an input
 * chooses the options (default or small limits) and which emitter runs
 * on a report, so the fuzzer explores the limit checks as well.
 */
#ifndef XXGK_FUZZ_COMMON_H
#define XXGK_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "xxgk/xxgk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Options from the flags byte: bit 0 small limits, bit 1 tiny limits. */
static inline void fuzz_options(xxgk_options *opts, uint8_t flags)
{
	xxgk_limits *l = &opts->limits;

	xxgk_options_init(opts, XXGK_OPTIONS_VERSION);
	if (flags & 1) {
		l->max_part_bytes = 4u << 20;
		l->max_total_bytes = 6u << 20;
		l->max_ratio = 50;
		l->max_xml_depth = 64;
		l->max_table_depth = 3;
		l->max_rows = 200;
		l->max_cols = 40;
		l->max_cells = 2000;
		l->max_cell_text = 512;
		l->max_paragraphs = 5000;
	}
	if (flags & 2) {
		l->max_zip_entries = 8;
		l->max_xml_depth = 12;
		l->max_table_depth = 1;
		l->max_rows = 5;
		l->max_cols = 4;
		l->max_cells = 12;
		l->max_cell_text = 16;
		l->max_paragraphs = 20;
	}
}

/* Extract with the chosen options and render the report, as the CLI would. */
static inline void fuzz_extract(const uint8_t *docx, size_t size, uint8_t flags)
{
	xxgk_options opts;
	xxgk_extractor *x = NULL;
	xxgk_report *r = NULL;
	xxgk_buf out = XXGK_BUF_INIT;

	fuzz_options(&opts, flags);
	if (xxgk_extractor_new(&x, &opts) < 0)
		return;
	if (xxgk_extract_memory(&r, x, docx, size, "fuzz.docx") == 0) {
		if (flags & 4)
			xxgk_emit_csv(&out, r);
		else
			xxgk_emit_json(&out, r, (flags & 8) ? 0 : XXGK_EMIT_PRETTY);
		xxgk_report_free(r);
	}
	xxgk_buf_dispose(&out);
	xxgk_extractor_free(x);
}

#endif
