/* package.h - open a .docx (an OPC ZIP package) and fetch its main part. */
#ifndef XXGK_PACKAGE_H
#define XXGK_PACKAGE_H

#include <stddef.h>
#include "xxgk/common.h"
#include "xxgk/options.h"

/* What the first bytes of an input say it is. */
typedef enum {
	XXGK_KIND_ZIP,
	XXGK_KIND_OLE_ENCRYPTED,
	XXGK_KIND_OLE_DOC,
	XXGK_KIND_OLE_OTHER,
	XXGK_KIND_RTF,
	XXGK_KIND_HTML,
	XXGK_KIND_PDF,
	XXGK_KIND_EMPTY,
	XXGK_KIND_UNKNOWN
} xxgk_kind;

xxgk_kind xxgk_package_sniff(const unsigned char *data, size_t len);

/*
 * Find the main document part of the package in `data` through
 * _rels/.rels and append its bytes to `out`; its name goes to `part`.
 * Fails with XXGK_ENOTDOCX, XXGK_ELIMIT or XXGK_ENOMEM and a message.
 * Whether the part is WordprocessingML is the reader's to tell (wordml.h).
 */
int xxgk_package_main_part(xxgk_buf *out, char *part, size_t part_size,
			   const void *data, size_t len, const xxgk_limits *lim);

#endif
