/*
 * html.h - read a report published as a web page.
 *
 * A page is decoded to UTF-8 (htmlenc.c), parsed with libxml2's HTML
 * parser in SAX mode, and handed to the same sink as a .docx: paragraphs
 * outside tables, and each table when it closes (a nested table before
 * the table that holds it) as rows of cells. colspan becomes the cell's
 * span; rowspan becomes a vMerge restart on the cell and synthesized
 * continue cells in the rows below, so grid.c resolves both unchanged.
 */
#ifndef XXGK_HTML_H
#define XXGK_HTML_H

#include <stddef.h>
#include "xxgk/common.h"
#include "xxgk/options.h"
#include "wordml.h"

/* What the first bytes of an input show; used by xxgk_package_sniff. */
int xxgk_html_sniff(const unsigned char *data, size_t len);

/*
 * Decode the page in `data` to UTF-8 and append it to `out`: a BOM wins,
 * then (near-)valid UTF-8 holding Chinese text (crawlers re-encode pages
 * and keep the old <meta charset>), then the charset the page declares in <?xml
 * encoding>, <meta charset> or <meta http-equiv="Content-Type">, with
 * gb2312 and gbk read as GB18030 (their superset); a page that declares
 * nothing is UTF-8 if valid, else GB18030. A few undecodable bytes (at
 * most 3, and 1 more per 4 KiB: a CMS cutting a summary in the middle of a
 * character) become U+FFFD; more fail the page. NUL bytes and Word's
 * <![if ...]> / <![endif]> markers are dropped. The name of the encoding
 * used goes to `enc` (may be NULL). Errors: XXGK_EXML when the page
 * cannot be decoded, XXGK_ELIMIT over max_part_bytes, XXGK_ENOMEM.
 */
int xxgk_html_decode(xxgk_buf *out, char *enc, size_t enc_size, const char *data, size_t len,
		     const xxgk_limits *lim);

/*
 * Read the page in `data` and hand its paragraphs and tables to `sink`
 * (as xxgk_wordml_read does). The text of the page's <title> goes to
 * `title` (cleared first). A sink callback returning non-zero stops the
 * walk and its value is returned. Errors: as xxgk_html_decode, and
 * XXGK_ELIMIT for a limit on depth, rows, cells, columns or cell text.
 */
int xxgk_html_read(xxgk_buf *title, const char *data, size_t len, const xxgk_limits *lim,
		   const xxgk_wordml_sink *sink, void *payload);

#endif
