/*
 * package.c - the OPC layer: tell a ZIP from the things users rename to
 * .docx, open it with libzip from memory, follow the officeDocument
 * relationship to the main part, and read that part within the limits.
 */
#include "package.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "buf.h"
#include "error.h"
#include "html.h"
#include "sax2attr.h"

#define RATIO_MIN_BYTES (1u << 20) /* the ratio limit applies above 1 MiB */
#define S_PIECE (64u << 10)        /* bytes inflated at a time */

static const char *const S_office_doc_types[] = {
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
	"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
};

/* Case-insensitive search for an ASCII name stored as UTF-16LE. */
static int S_has_utf16(const unsigned char *d, size_t len, const char *name)
{
	size_t n = strlen(name), i, j;

	for (i = 0; i + 2 * n <= len; i++) {
		for (j = 0; j < n; j++) {
			unsigned char c = d[i + 2 * j];
			if (d[i + 2 * j + 1] != 0 ||
			    (c | 0x20) != ((unsigned char)name[j] | 0x20))
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

static int S_starts_ci(const unsigned char *d, size_t len, const char *s)
{
	size_t n = strlen(s);
	return len >= n && strncasecmp((const char *)d, s, n) == 0;
}

xxgk_kind xxgk_package_sniff(const unsigned char *d, size_t len)
{
	static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

	if (len == 0)
		return XXGK_KIND_EMPTY;
	if (len >= 4 && d[0] == 'P' && d[1] == 'K' &&
	    ((d[2] == 3 && d[3] == 4) || (d[2] == 5 && d[3] == 6)))
		return XXGK_KIND_ZIP;
	if (len >= 8 && memcmp(d, ole, 8) == 0) {
		if (S_has_utf16(d, len, "EncryptedPackage") || S_has_utf16(d, len, "EncryptionInfo"))
			return XXGK_KIND_OLE_ENCRYPTED;
		if (S_has_utf16(d, len, "WordDocument"))
			return XXGK_KIND_OLE_DOC;
		return XXGK_KIND_OLE_OTHER;
	}
	if (S_starts_ci(d, len, "{\\rtf"))
		return XXGK_KIND_RTF;
	if (S_starts_ci(d, len, "%PDF-"))
		return XXGK_KIND_PDF;
	return xxgk_html_sniff(d, len) ? XXGK_KIND_HTML : XXGK_KIND_UNKNOWN;
}

static int S_kind_error(xxgk_kind kind)
{
	switch (kind) {
	case XXGK_KIND_EMPTY:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: the file is empty");
	case XXGK_KIND_OLE_ENCRYPTED:
		return xxgk_error_set(XXGK_ENOTDOCX, "a password-protected .docx (an encrypted OLE file): "
				      "remove the password in Word or WPS and save again");
	case XXGK_KIND_OLE_DOC:
		return xxgk_error_set(XXGK_ENOTDOCX, "a Word 97-2003 .doc file, not a .docx: "
				      "open it and save it as .docx");
	case XXGK_KIND_OLE_OTHER:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: an OLE compound file that holds no Word document");
	case XXGK_KIND_RTF:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: an RTF file; save it as .docx");
	case XXGK_KIND_PDF:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: a PDF file");
	case XXGK_KIND_HTML:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: an HTML page");
	default:
		return xxgk_error_set(XXGK_ENOTDOCX, "not a .docx: not a ZIP file");
	}
}

/* Look a part name up, exactly first and then ignoring case. */
static zip_int64_t S_locate(zip_t *za, const char *name)
{
	zip_int64_t i = zip_name_locate(za, name, 0);
	return i >= 0 ? i : zip_name_locate(za, name, ZIP_FL_NOCASE);
}

typedef struct {
	zip_t *za;
	const xxgk_limits *lim;
	uint64_t total;
} S_pkg;

/* Does `size` uncompressed bytes from a part stored in `st` expand too much? */
static int S_over_ratio(uint64_t size, const zip_stat_t *st, uint32_t max_ratio)
{
	if (size <= RATIO_MIN_BYTES || !(st->valid & ZIP_STAT_COMP_SIZE))
		return 0;
	return st->comp_size == 0 || size / st->comp_size > max_ratio;
}

static int S_ratio_error(const char *name, uint64_t size, const zip_stat_t *st, uint32_t max_ratio)
{
	return xxgk_error_set(XXGK_ELIMIT, "part %s expands %llu times (a ZIP bomb?), over the "
			      "limit max_ratio=%u", name,
			      (unsigned long long)(st->comp_size ? size / st->comp_size : size),
			      max_ratio);
}

static int S_read_part(xxgk_buf *out, S_pkg *pkg, zip_int64_t idx, const char *name)
{
	zip_stat_t st;
	zip_file_t *zf;
	uint64_t got = 0;
	zip_int64_t n;

	zip_stat_init(&st);
	if (zip_stat_index(pkg->za, (zip_uint64_t)idx, 0, &st) < 0)
		return xxgk_error_set(XXGK_ENOTDOCX, "corrupt ZIP: cannot stat part %s", name);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > pkg->lim->max_part_bytes)
		return xxgk_error_set(XXGK_ELIMIT, "part %s is %llu bytes uncompressed, over the limit "
				      "max_part_bytes=%llu", name, (unsigned long long)st.size,
				      (unsigned long long)pkg->lim->max_part_bytes);
	if ((st.valid & ZIP_STAT_SIZE) && S_over_ratio(st.size, &st, pkg->lim->max_ratio))
		return S_ratio_error(name, st.size, &st, pkg->lim->max_ratio);
	zf = zip_fopen_index(pkg->za, (zip_uint64_t)idx, 0);
	if (!zf)
		return xxgk_error_set(XXGK_ENOTDOCX, "cannot open part %s: %s", name,
				      zip_strerror(pkg->za));
	/* inflated straight into the buffer, in pieces, so the limits are
	 * checked as the data comes whatever the ZIP claims */
	for (;;) {
		if (xxgk_buf_grow(out, S_PIECE) < 0) {
			zip_fclose(zf);
			return xxgk_error_oom();
		}
		if ((n = zip_fread(zf, out->ptr + out->size, S_PIECE)) <= 0)
			break;
		got += (uint64_t)n;
		pkg->total += (uint64_t)n;
		if (got > pkg->lim->max_part_bytes || pkg->total > pkg->lim->max_total_bytes) {
			zip_fclose(zf);
			return xxgk_error_set(XXGK_ELIMIT, "part %s exceeds the limit %s=%llu", name,
					      got > pkg->lim->max_part_bytes ? "max_part_bytes" : "max_total_bytes",
					      (unsigned long long)(got > pkg->lim->max_part_bytes
						? pkg->lim->max_part_bytes : pkg->lim->max_total_bytes));
		}
		if (S_over_ratio(got, &st, pkg->lim->max_ratio)) { /* the sizes in the ZIP lie */
			zip_fclose(zf);
			return S_ratio_error(name, got, &st, pkg->lim->max_ratio);
		}
		out->size += (size_t)n;
		out->ptr[out->size] = '\0';
	}
	if (n < 0) {
		int rc = xxgk_error_set(XXGK_ENOTDOCX, "corrupt part %s: %s", name, zip_file_strerror(zf));
		zip_fclose(zf);
		return rc;
	}
	zip_fclose(zf);
	return 0;
}

/* What the _rels/.rels handler looks for. */
typedef struct {
	char *target;
	size_t size;
	int found;
} S_rels;

static void S_rels_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			 const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			 int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	S_rels *st = ((xmlParserCtxtPtr)ctx)->_private;
	const char *type, *tgt;
	size_t tlen, glen, k;

	(void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
	if (st->found || strcmp((const char *)localname, "Relationship") != 0 ||
	    !(type = xxgk_sax2_attr(attributes, nb_attributes, NULL, "Type", &tlen)) ||
	    !(tgt = xxgk_sax2_attr(attributes, nb_attributes, NULL, "Target", &glen)))
		return;
	for (k = 0; k < sizeof(S_office_doc_types) / sizeof(*S_office_doc_types); k++)
		if (strlen(S_office_doc_types[k]) == tlen &&
		    memcmp(type, S_office_doc_types[k], tlen) == 0) {
			snprintf(st->target, st->size, "%.*s", (int)(glen < st->size ? glen : st->size - 1),
				 tgt);
			st->found = 1;
		}
}

static void S_rels_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx, (void)err; /* a malformed .rels is told as "no relationship" */
}

/* Find the officeDocument target in the bytes of _rels/.rels. The SAX2
 * parser has no handler but this one: no entity is defined or loaded. */
static int S_rels_target(char *target, size_t size, const xxgk_buf *rels)
{
	S_rels st = {target, size, 0};
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;

	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = S_rels_start;
	sax.serror = S_rels_error;
	if (rels->size > INT32_MAX || !(ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL)))
		return xxgk_error_oom();
	ctxt->_private = &st;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlParseChunk(ctxt, rels->ptr, (int)rels->size, 1);
	xmlFreeParserCtxt(ctxt);
	if (!st.found)
		return xxgk_error_set(XXGK_ENOTDOCX, "no main document part: _rels/.rels has no "
				      "officeDocument relationship");
	return 0;
}

/* Turn a relationship target into a part name: drop "/" and "./", decode %XX. */
static void S_part_name(char *out, size_t size, const char *target)
{
	size_t o = 0;
	const char *s = target;

	while (*s == '/' || (s[0] == '.' && s[1] == '/'))
		s += *s == '/' ? 1 : 2;
	for (; *s && o + 1 < size; s++) {
		unsigned int v;
		if (s[0] == '%' && sscanf(s + 1, "%2x", &v) == 1 && v > 0) {
			out[o++] = (char)v;
			s += 2;
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
}

static int S_main_part(xxgk_buf *out, char *part, size_t part_size, S_pkg *pkg)
{
	xxgk_buf rels = XXGK_BUF_INIT;
	char target[1024];
	zip_int64_t idx;
	zip_int64_t n = zip_get_num_entries(pkg->za, 0);
	int rc;

	if (n < 0 || (uint64_t)n > pkg->lim->max_zip_entries)
		return xxgk_error_set(XXGK_ELIMIT, "the ZIP has %lld entries, over the limit "
				      "max_zip_entries=%llu", (long long)n,
				      (unsigned long long)pkg->lim->max_zip_entries);
	idx = S_locate(pkg->za, "_rels/.rels");
	if (idx < 0)
		return xxgk_error_set(XXGK_ENOTDOCX, "no main document part: the package has no "
				      "_rels/.rels (not an Office Open XML file)");
	if ((rc = S_read_part(&rels, pkg, idx, "_rels/.rels")) < 0 ||
	    (rc = S_rels_target(target, sizeof(target), &rels)) < 0)
		goto cleanup;
	S_part_name(part, part_size, target);
	idx = S_locate(pkg->za, part);
	if (idx < 0) {
		rc = xxgk_error_set(XXGK_ENOTDOCX, "no main document part: the relationship points "
				    "to %s, which the package does not have", part);
		goto cleanup;
	}
	rc = S_read_part(out, pkg, idx, part); /* its root element is the reader's to check */
cleanup:
	xxgk_buf_dispose(&rels);
	return rc;
}

int xxgk_package_main_part(xxgk_buf *out, char *part, size_t part_size,
			   const void *data, size_t len, const xxgk_limits *lim)
{
	zip_error_t zerr;
	zip_source_t *src;
	S_pkg pkg = {NULL, lim, 0};
	xxgk_kind kind = xxgk_package_sniff(data, len);
	int rc;

	if (kind != XXGK_KIND_ZIP)
		return S_kind_error(kind);
	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, len, 0, &zerr);
	if (!src) {
		zip_error_fini(&zerr);
		return xxgk_error_oom();
	}
	pkg.za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (!pkg.za) {
		rc = xxgk_error_set(XXGK_ENOTDOCX, "truncated or corrupt ZIP: %s", zip_error_strerror(&zerr));
		zip_source_free(src);
		zip_error_fini(&zerr);
		return rc;
	}
	zip_error_fini(&zerr);
	rc = S_main_part(out, part, part_size, &pkg);
	zip_discard(pkg.za);
	return rc;
}
