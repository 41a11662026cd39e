/*
 * xxgk/options.h - what a caller can set: limits on everything an input
 * controls, metadata overrides, and the rules in use.
 */
#ifndef XXGK_OPTIONS_H
#define XXGK_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Limits on everything an input controls. Exceeding one fails the input
 * with XXGK_ELIMIT and a message naming the limit and its value.
 */
typedef struct {
	uint64_t max_file_bytes;     /**< size of the input file */
	uint64_t max_zip_entries;    /**< entries in the ZIP directory */
	uint64_t max_part_bytes;     /**< uncompressed bytes of one part */
	uint64_t max_total_bytes;    /**< uncompressed bytes of all parts read */
	uint32_t max_ratio;          /**< uncompressed/compressed size of a part */
	uint32_t max_xml_depth;      /**< element nesting depth */
	uint32_t max_table_depth;    /**< nesting of tables inside cells */
	uint32_t max_rows;           /**< rows of one table */
	uint32_t max_cols;           /**< grid columns of one table */
	uint32_t max_cells;          /**< cells of one table */
	uint32_t max_cell_text;      /**< bytes of text in one cell */
	uint32_t max_paragraphs;     /**< paragraphs of the document */
} xxgk_limits;

#define XXGK_LIMITS_DEFAULT {                                               \
	256u << 20, /* file */ 10000, /* entries */ 128u << 20, /* part */  \
	256u << 20, /* total */ 200, /* ratio */ 256, /* xml depth */       \
	8, /* table depth */ 20000, /* rows */ 256, /* cols */              \
	500000, /* cells */ 64u << 10, /* cell text */ 2000000 /* paras */ }

typedef struct xxgk_rules xxgk_rules;

#define XXGK_OPTIONS_VERSION 1

/** Options for extraction. Initialise with XXGK_OPTIONS_INIT. */
typedef struct {
	unsigned int version;     /**< XXGK_OPTIONS_VERSION */
	xxgk_limits limits;
	const char *agency;       /**< overrides the title's agency, or NULL */
	int year;                 /**< overrides the title's year, or 0 */
	const xxgk_rules *rules;  /**< borrowed; NULL for the built-in rules */
} xxgk_options;

#define XXGK_OPTIONS_INIT { XXGK_OPTIONS_VERSION, XXGK_LIMITS_DEFAULT, NULL, 0, NULL }

/** Initialise `opts` to the defaults; returns XXGK_EUSAGE on a bad version. */
XXGK_EXTERN(int) xxgk_options_init(xxgk_options *opts, unsigned int version);

/**
 * Load and compile rules from a rules file (see docs/rules.md). On success
 * `*out` is owned by the caller and freed with xxgk_rules_free(); it may be
 * shared, read-only, by any number of threads.
 */
XXGK_EXTERN(int) xxgk_rules_load_file(xxgk_rules **out, const char *path);

/** Compile rules from text in memory (`len` bytes, need not end in NUL). */
XXGK_EXTERN(int) xxgk_rules_load(xxgk_rules **out, const char *text, size_t len,
				 const char *name);

/** The built-in rules, compiled on first use; never freed by the caller. */
XXGK_EXTERN(int) xxgk_rules_default(const xxgk_rules **out);

XXGK_EXTERN(void) xxgk_rules_free(xxgk_rules *rules);

#ifdef __cplusplus
}
#endif
#endif
