/*
 * fuzz_wordml.c - raw main-part XML. The bytes after the flags byte
 * become word/document.xml of a minimal package built in memory with
 * libzip (stored, so packing costs little), which then goes through the
 * whole pipeline like any .docx.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fuzz_common.h"

static const char S_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static int S_add(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 0);
	zip_int64_t i;

	if (!s)
		return -1;
	if ((i = zip_file_add(za, name, s, ZIP_FL_OVERWRITE)) < 0) {
		zip_source_free(s);
		return -1;
	}
	return zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* A .docx holding `xml` as its main part, in a malloc'd buffer. */
static uint8_t *S_pack(const uint8_t *xml, size_t len, size_t *out_len)
{
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	uint8_t *buf = NULL;

	zip_error_init(&err);
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &err)))
		goto done;
	zip_source_keep(src);
	if (!(za = zip_open_from_source(src, ZIP_TRUNCATE, &err))) {
		zip_source_free(src);
		src = NULL;
		goto done;
	}
	if (S_add(za, "_rels/.rels", S_rels, sizeof(S_rels) - 1) < 0 ||
	    S_add(za, "word/document.xml", len ? xml : (const uint8_t *)"", len) < 0 ||
	    zip_close(za) < 0) {
		zip_discard(za);
		goto done;
	}
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		goto done;
	if ((buf = malloc(st.size ? st.size : 1)) &&
	    zip_source_read(src, buf, st.size) != (zip_int64_t)st.size) {
		free(buf);
		buf = NULL;
	}
	*out_len = st.size;
	zip_source_close(src);
done:
	if (src)
		zip_source_free(src);
	zip_error_fini(&err);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *docx;
	size_t n = 0;

	if (size < 1)
		return 0;
	if (!(docx = S_pack(data + 1, size - 1, &n)))
		return 0;
	fuzz_extract(docx, n, data[0]);
	free(docx);
	return 0;
}
