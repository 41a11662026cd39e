/*
 * sax2attr.h - one attribute from the array libxml2's SAX2 start-element
 * handler receives: five pointers per attribute (local name, prefix,
 * namespace name, value, end of value).
 */
#ifndef XXGK_SAX2ATTR_H
#define XXGK_SAX2ATTR_H

#include <libxml/xmlstring.h>
#include <stddef.h>
#include <string.h>

/*
 * The value of attribute `name` in namespace `uri`, or NULL; *len gets its
 * length (the value is not NUL-terminated). Namespace names are compared
 * by pointer, which holds within one parser (it interns them): pass the
 * element's own `uri` for its namespace, or NULL for none.
 */
static inline const char *xxgk_sax2_attr(const xmlChar **attrs, int nattrs, const xmlChar *uri,
					 const char *name, size_t *len)
{
	int i;

	for (i = 0; i < nattrs; i++, attrs += 5)
		if (attrs[2] == uri && strcmp((const char *)attrs[0], name) == 0) {
			*len = (size_t)(attrs[4] - attrs[3]);
			return (const char *)attrs[3];
		}
	return NULL;
}

#endif
