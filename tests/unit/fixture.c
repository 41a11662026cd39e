/*
 * fixture.c - build the unit tests' inputs in memory: a ZIP through a
 * libzip buffer source kept open past zip_close() and read back, and the
 * smallest .docx the extractor accepts ([Content_Types].xml, _rels/.rels,
 * word/document.xml).
 */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char S_content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"</Types>";

static int S_add(zip_t *za, const fx_entry *e)
{
	size_t len = e->len == (size_t)-1 ? strlen(e->data) : e->len;
	zip_source_t *zs = zip_source_buffer(za, e->data, len, 0);
	zip_int64_t idx;

	if (!zs)
		return -1;
	idx = zip_file_add(za, e->name, zs, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
	if (idx < 0) {
		zip_source_free(zs);
		return -1;
	}
	return zip_set_file_compression(za, (zip_uint64_t)idx, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
}

static unsigned char *S_read_back(zip_source_t *src, size_t *len)
{
	unsigned char *out = NULL;
	zip_int64_t size;

	if (zip_source_open(src) < 0)
		return NULL;
	if (zip_source_seek(src, 0, SEEK_END) == 0 && (size = zip_source_tell(src)) > 0 &&
	    zip_source_seek(src, 0, SEEK_SET) == 0 && (out = malloc((size_t)size)) != NULL) {
		if (zip_source_read(src, out, (zip_uint64_t)size) != size) {
			free(out);
			out = NULL;
		} else {
			*len = (size_t)size;
		}
	}
	zip_source_close(src);
	return out;
}

unsigned char *fx_zip(size_t *len, const fx_entry *entries, size_t n)
{
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	unsigned char *out = NULL;
	size_t i;

	*len = 0;
	zip_error_init(&err);
	src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		goto done;
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!za) {
		zip_source_free(src);
		zip_source_free(src);
		goto done;
	}
	for (i = 0; i < n; i++)
		if (S_add(za, &entries[i]) < 0) {
			zip_discard(za);
			zip_source_free(src);
			goto done;
		}
	if (zip_close(za) < 0) {
		zip_discard(za);
		zip_source_free(src);
		goto done;
	}
	out = S_read_back(src, len);
	zip_source_free(src);
done:
	zip_error_fini(&err);
	return out;
}

char *fx_document(const char *body)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<w:document xmlns:w=\"" FX_NS_W "\" xmlns:mc=\"" FX_NS_MC "\">"
		"<w:body>";
	static const char tail[] = "</w:body></w:document>";
	size_t n = strlen(head) + strlen(body) + strlen(tail) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s%s", head, body, tail);
	return s;
}

char *fx_rels(const char *target)
{
	static const char fmt[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"" FX_REL_OFFICE_DOC "\" Target=\"%s\"/>"
		"</Relationships>";
	size_t n = sizeof(fmt) + strlen(target);
	char *s = malloc(n);

	if (s)
		snprintf(s, n, fmt, target);
	return s;
}

unsigned char *fx_docx_part(size_t *len, const char *document_xml)
{
	char *rels = fx_rels("word/document.xml");
	fx_entry e[3] = {
		{"[Content_Types].xml", S_content_types, (size_t)-1, 0},
		{"_rels/.rels", rels, (size_t)-1, 0},
		{"word/document.xml", document_xml, (size_t)-1, 0},
	};
	unsigned char *out = rels ? fx_zip(len, e, 3) : NULL;

	free(rels);
	return out;
}

unsigned char *fx_docx(size_t *len, const char *body)
{
	char *doc = fx_document(body);
	unsigned char *out = doc ? fx_docx_part(len, doc) : NULL;

	free(doc);
	return out;
}

int fx_contains(const char *hay, const char *needle)
{
	return hay && needle && strstr(hay, needle) != NULL;
}

int fx_grid_build(xxgk_grid *grid, const xxgk_rawtable *raw, uint32_t max_cols)
{
	xxgk_limits lim = XXGK_LIMITS_DEFAULT;

	lim.max_cols = max_cols;
	return xxgk_grid_build(grid, raw, &lim);
}
