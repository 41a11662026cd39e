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
	XXGK_EMIT_NO_CELLS = 1 << 1 /**< JSON: leave out the "cells" object */
};

/** Append the report as one JSON object (no trailing newline). */
XXGK_EXTERN(int) xxgk_emit_json(xxgk_buf *out, const xxgk_report *report, int flags);

/** Append the long-form CSV header line (source,agency,year,template,field,value,text). */
XXGK_EXTERN(int) xxgk_emit_csv_header(xxgk_buf *out);

/** Append the report's values as long-form CSV rows, RFC 4180 quoted, CRLF line ends. */
XXGK_EXTERN(int) xxgk_emit_csv(xxgk_buf *out, const xxgk_report *report);

#ifdef __cplusplus
}
#endif
#endif
