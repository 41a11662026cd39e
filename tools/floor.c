/*
 * floor.c - the least work any .docx table extractor built on libzip and
 * libxml2 must do, as a yardstick for tools/bench: read each file into
 * memory, find the main part through _rels/.rels, inflate it with libzip,
 * and parse it with libxml2's SAX2 interface with empty handlers. Nothing
 * is kept, nothing is printed but a count.
 *
 *   floor FILE...     (or "floor -" to read one path per line from stdin)
 *
 * Buffers are reused from file to file, as xxgk does. Exits 1 when a file
 * cannot be read as a .docx.
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct {
	char *ptr;
	size_t size, asize;
} S_buf;

static int S_reserve(S_buf *b, size_t need)
{
	char *p;
	size_t n = b->asize ? b->asize : 65536;

	if (need <= b->asize)
		return 0;
	while (n < need)
		n *= 2;
	if (!(p = realloc(b->ptr, n)))
		return -1;
	b->ptr = p;
	b->asize = n;
	return 0;
}

static int S_slurp(S_buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	b->size = 0;
	if (!f)
		return -1;
	for (;;) {
		if (S_reserve(b, b->size + 65536) < 0)
			break;
		n = fread(b->ptr + b->size, 1, b->asize - b->size, f);
		b->size += n;
		if (n == 0)
			break;
	}
	n = (size_t)ferror(f);
	fclose(f);
	return n ? -1 : 0;
}

static int S_inflate(S_buf *out, zip_t *za, const char *name)
{
	zip_int64_t idx = zip_name_locate(za, name, 0), n;
	zip_file_t *zf;

	out->size = 0;
	if (idx < 0 || !(zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)))
		return -1;
	for (;;) {
		if (S_reserve(out, out->size + 65536) < 0) {
			n = -1;
			break;
		}
		n = zip_fread(zf, out->ptr + out->size, out->asize - out->size);
		if (n <= 0)
			break;
		out->size += (size_t)n;
	}
	zip_fclose(zf);
	return n < 0 ? -1 : 0;
}

/* The officeDocument target of _rels/.rels, found by plain string search. */
static int S_main_name(char *name, size_t size, const S_buf *rels)
{
	const char *p, *t, *q;

	if (S_reserve((S_buf *)rels, rels->size + 1) < 0)
		return -1;
	rels->ptr[rels->size] = '\0';
	p = strstr(rels->ptr, "relationships/officeDocument\"");
	if (!p)
		return -1;
	while (p > rels->ptr && p[-1] != '<')
		p--;
	if (!(t = strstr(p, "Target=\"")))
		return -1;
	t += 8;
	while (*t == '/')
		t++;
	if (!(q = strchr(t, '"')) || (size_t)(q - t) >= size)
		return -1;
	memcpy(name, t, (size_t)(q - t));
	name[q - t] = '\0';
	return 0;
}

static int S_parse(const S_buf *xml)
{
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;
	int ok;

	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC; /* SAX2, every handler empty */
	ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL);
	if (!ctxt)
		return -1;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlParseChunk(ctxt, xml->ptr, (int)xml->size, 1);
	ok = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	return ok ? 0 : -1;
}

static int S_one(S_buf *file, S_buf *rels, S_buf *xml, const char *path)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *za;
	char name[512];
	int rc = -1;

	if (S_slurp(file, path) < 0)
		return -1;
	zip_error_init(&zerr);
	if (!(src = zip_source_buffer_create(file->ptr, file->size, 0, &zerr))) {
		zip_error_fini(&zerr);
		return -1;
	}
	if (!(za = zip_open_from_source(src, ZIP_RDONLY, &zerr))) {
		zip_source_free(src);
		zip_error_fini(&zerr);
		return -1;
	}
	zip_error_fini(&zerr);
	if (S_inflate(rels, za, "_rels/.rels") == 0 && S_main_name(name, sizeof(name), rels) == 0 &&
	    S_inflate(xml, za, name) == 0)
		rc = S_parse(xml);
	zip_discard(za);
	return rc;
}

int main(int argc, char **argv)
{
	S_buf file = {0}, rels = {0}, xml = {0};
	char line[4096];
	long ok = 0, failed = 0;
	int i;

	xmlInitParser();
	if (argc == 2 && strcmp(argv[1], "-") == 0) {
		while (fgets(line, sizeof(line), stdin)) {
			line[strcspn(line, "\r\n")] = '\0';
			if (!*line)
				continue;
			if (S_one(&file, &rels, &xml, line) == 0)
				ok++;
			else
				fprintf(stderr, "floor: %s: cannot read\n", line), failed++;
		}
	}
	for (i = 1; i < argc && strcmp(argv[1], "-") != 0; i++) {
		if (S_one(&file, &rels, &xml, argv[i]) == 0)
			ok++;
		else
			fprintf(stderr, "floor: %s: cannot read\n", argv[i]), failed++;
	}
	printf("%ld parsed, %ld failed\n", ok, failed);
	free(file.ptr);
	free(rels.ptr);
	free(xml.ptr);
	xmlCleanupParser();
	return failed ? 1 : 0;
}
