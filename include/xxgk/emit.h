/*
 * xxgk/emit.h - render reports. Emitters append to a caller-owned buffer
 * and never look back into the document.
 */
#ifndef XXGK_EMIT_H
#define XXGK_EMIT_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for the emitters. */
enum {
	XXGK_EMIT_PRETTY = 1 << 0, /**< JSON: indent for people */
	XXGK_EMIT_NO_CELLS = 1 << 1, /**< JSON: leave out the "cells" object */
	XXGK_EMIT_LINE = 1 << 2     /**< JSON Lines: compact, ending in "\n" (overrides PRETTY) */
};

/**
 * Columns about a report that come from outside it, such as a crawler's
 * manifest (`url`, `published`, ...): `count` names, and this report's value
 * for each (an entry of `values` may be NULL: not known for this report).
 * The emitters write them as a "meta" object in JSON, as extra columns after
 * the standard ones in CSV, and as rows of `report_meta` in SQLite.
 */
typedef struct {
	size_t count;
	const char *const *names;
	const char *const *values;
} xxgk_emit_meta;

/** Append the report as one JSON object (no trailing newline). */
XXGK_EXTERN(int) xxgk_emit_json(xxgk_buf *out, const xxgk_report *report, int flags);

/**
 * As xxgk_emit_json(), with a "meta" object (after "template") holding
 * `meta`'s columns as strings or null; no "meta" when `meta` is NULL or has
 * no columns. With XXGK_EMIT_LINE the object is one line ending in "\n".
 */
XXGK_EXTERN(int) xxgk_emit_json_meta(xxgk_buf *out, const xxgk_report *report, int flags,
				     const xxgk_emit_meta *meta);

/** Append the long-form CSV header line (source,agency,year,template,field,value,text). */
XXGK_EXTERN(int) xxgk_emit_csv_header(xxgk_buf *out);

/** Append the report's values as long-form CSV rows, RFC 4180 quoted, CRLF line ends. */
XXGK_EXTERN(int) xxgk_emit_csv(xxgk_buf *out, const xxgk_report *report);

/** The long-form CSV header followed by `meta`'s names as extra columns (meta may be NULL). */
XXGK_EXTERN(int) xxgk_emit_csv_header_meta(xxgk_buf *out, const xxgk_emit_meta *meta);

/** Long-form CSV rows with `meta`'s values as extra columns (empty when NULL). */
XXGK_EXTERN(int) xxgk_emit_csv_meta(xxgk_buf *out, const xxgk_report *report,
				    const xxgk_emit_meta *meta);

/**
 * Append the wide CSV header: source,agency,year,template, then every field
 * id of the schema of `rules` (NULL: the built-in rules) in schema order,
 * whatever template a report follows, so that files from different runs
 * line up column for column; then `meta`'s names (meta may be NULL).
 */
XXGK_EXTERN(int) xxgk_emit_csv_wide_header(xxgk_buf *out, const xxgk_rules *rules,
					   const xxgk_emit_meta *meta);

/**
 * Append one wide CSV row for the report: one cell per schema field of
 * `rules` (the rules the report was extracted with), empty when the
 * report's cell was blank or the report lacks the field; RFC 4180 quoting,
 * CRLF line end.
 */
XXGK_EXTERN(int) xxgk_emit_csv_wide(xxgk_buf *out, const xxgk_report *report,
				    const xxgk_rules *rules, const xxgk_emit_meta *meta);

/**
 * A SQLite database of reports (docs/sql.md): tables reports, report_values,
 * warnings, report_meta and failures, a view `report_wide` with one column per
 * field. A run is one transaction: xxgk_emit_sqlite_close() commits it or
 * rolls it back, so readers and a crash see the database before or after
 * the run, never in between. Not thread-safe: one writer thread.
 */
typedef struct xxgk_sqlite xxgk_sqlite;

/**
 * Open (creating it if need be) the database at `path`, create or check the
 * schema for the fields of `rules` (NULL: built-in) and begin the run's
 * transaction. Fails with XXGK_EUSAGE on a database xxgk did not make.
 * On success `*out` is freed by xxgk_emit_sqlite_close().
 */
XXGK_EXTERN(int) xxgk_emit_sqlite_open(xxgk_sqlite **out, const char *path,
				       const xxgk_rules *rules);

/**
 * Store a report, keyed on its source path: a source already in the
 * database keeps its id and has its row, values, warnings and meta replaced,
 * and any failure recorded for it removed. `sha256` is the hex digest of the
 * file's bytes, or NULL; `meta` may be NULL.
 */
XXGK_EXTERN(int) xxgk_emit_sqlite(xxgk_sqlite *db, const xxgk_report *report,
				  const char *sha256, const xxgk_emit_meta *meta);

/** Record that `source` failed with `error`, replacing any report stored for it. */
XXGK_EXTERN(int) xxgk_emit_sqlite_failure(xxgk_sqlite *db, const char *source, const char *error);

/**
 * commit != 0: commit the run's transaction; 0: roll it back. Closes the
 * database and frees `db` either way (NULL is allowed); returns the commit's
 * result.
 */
XXGK_EXTERN(int) xxgk_emit_sqlite_close(xxgk_sqlite *db, int commit);

#ifdef __cplusplus
}
#endif
#endif
