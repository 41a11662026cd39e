/*
 * test_package.c - the OPC layer (extractor/package.c): telling a ZIP from
 * the files users rename to .docx (encrypted and legacy OLE files, RTF,
 * PDF, HTML, empty and junk input), finding the main part through
 * _rels/.rels (plain, absolute, renamed and percent-encoded targets), and
 * failing cleanly on a missing .rels, a relationship that points nowhere,
 * a corrupt ZIP, a part over max_part_bytes, a directory over
 * max_zip_entries and a part that inflates too much (a ZIP bomb).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixture.h"
#include "package.h"

static const char S_doc[] = "<w:document/>";

/* ---- sniffing ---- */

static xxgk_kind S_sniff(const char *s, size_t len)
{
	return xxgk_package_sniff((const unsigned char *)s, len);
}

/* An OLE compound file header followed by `name` in UTF-16LE at offset 64. */
static size_t S_ole(unsigned char *out, size_t cap, const char *name)
{
	static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	size_t i;

	memset(out, 0, cap);
	memcpy(out, magic, 8);
	for (i = 0; name && name[i]; i++)
		out[64 + 2 * i] = (unsigned char)name[i];
	return cap;
}

static void sniff_zip(void **state)
{
	(void)state;
	assert_int_equal(S_sniff("PK\x03\x04rest", 8), XXGK_KIND_ZIP);
	assert_int_equal(S_sniff("PK\x05\x06", 4), XXGK_KIND_ZIP); /* an empty archive */
	assert_int_equal(S_sniff("PK\x07\x08", 4), XXGK_KIND_UNKNOWN);
	assert_int_equal(S_sniff("PK", 2), XXGK_KIND_UNKNOWN);
}

static void sniff_ole(void **state)
{
	unsigned char b[256];
	(void)state;
	assert_int_equal(xxgk_package_sniff(b, S_ole(b, sizeof(b), "EncryptedPackage")),
			 XXGK_KIND_OLE_ENCRYPTED);
	assert_int_equal(xxgk_package_sniff(b, S_ole(b, sizeof(b), "WordDocument")), XXGK_KIND_OLE_DOC);
	assert_int_equal(xxgk_package_sniff(b, S_ole(b, sizeof(b), "Workbook")), XXGK_KIND_OLE_OTHER);
	assert_int_equal(xxgk_package_sniff(b, S_ole(b, sizeof(b), NULL)), XXGK_KIND_OLE_OTHER);
	/* the name in 8-bit ASCII is not the UTF-16LE directory entry */
	S_ole(b, sizeof(b), NULL);
	memcpy(b + 64, "WordDocument", 12);
	assert_int_equal(xxgk_package_sniff(b, sizeof(b)), XXGK_KIND_OLE_OTHER);
}

static void sniff_text_formats(void **state)
{
	(void)state;
	assert_int_equal(S_sniff("{\\rtf1\\ansi", 11), XXGK_KIND_RTF);
	assert_int_equal(S_sniff("%PDF-1.7\n", 9), XXGK_KIND_PDF);
	assert_int_equal(S_sniff("<!DOCTYPE html><html>", 21), XXGK_KIND_HTML);
	assert_int_equal(S_sniff("<html lang=\"zh\">", 16), XXGK_KIND_HTML);
	assert_int_equal(S_sniff("\xEF\xBB\xBF\r\n  <HTML>", 13), XXGK_KIND_HTML);
	assert_int_equal(S_sniff("", 0), XXGK_KIND_EMPTY);
	assert_int_equal(S_sniff("hello, world", 12), XXGK_KIND_UNKNOWN);
	assert_int_equal(S_sniff("\x00\x01\x02\x03", 4), XXGK_KIND_UNKNOWN);
	assert_int_equal(S_sniff("<?xml version=\"1.0\"?>", 21), XXGK_KIND_UNKNOWN);
}

/* ---- the main part ---- */

typedef struct {
	xxgk_buf out;
	char part[256];
	xxgk_limits lim;
} S_ctx;

static int S_setup(void **state)
{
	static const xxgk_limits dflt = XXGK_LIMITS_DEFAULT;
	S_ctx *c = calloc(1, sizeof(*c));
	if (!c)
		return -1;
	c->out = (xxgk_buf)XXGK_BUF_INIT;
	c->lim = dflt;
	*state = c;
	return 0;
}

static int S_teardown(void **state)
{
	S_ctx *c = *state;
	xxgk_buf_dispose(&c->out);
	free(c);
	return 0;
}

/* Run the package layer on `n` entries. */
static int S_main(S_ctx *c, const fx_entry *e, size_t n)
{
	size_t len;
	unsigned char *zip = fx_zip(&len, e, n);
	int rc;

	assert_non_null(zip);
	rc = xxgk_package_main_part(&c->out, c->part, sizeof(c->part), zip, len, &c->lim);
	free(zip);
	return rc;
}

/* A package whose .rels targets `target` and which holds `name`. */
static int S_main_target(S_ctx *c, const char *target, const char *name)
{
	char *rels = fx_rels(target);
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0}, {name, S_doc, (size_t)-1, 0}};
	int rc = S_main(c, e, 2);
	free(rels);
	return rc;
}

static void main_part_plain(void **state)
{
	S_ctx *c = *state;
	assert_int_equal(S_main_target(c, "word/document.xml", "word/document.xml"), 0);
	assert_string_equal(c->part, "word/document.xml");
	assert_string_equal(c->out.ptr, S_doc);
	assert_int_equal(c->out.size, strlen(S_doc));
}

static void main_part_absolute(void **state)
{
	S_ctx *c = *state;
	assert_int_equal(S_main_target(c, "/word/document.xml", "word/document.xml"), 0);
	assert_string_equal(c->part, "word/document.xml");
	assert_string_equal(c->out.ptr, S_doc);
}

static void main_part_renamed(void **state)
{
	S_ctx *c = *state;
	assert_int_equal(S_main_target(c, "word/report.xml", "word/report.xml"), 0);
	assert_string_equal(c->part, "word/report.xml");
	assert_string_equal(c->out.ptr, S_doc);
}

static void main_part_percent_encoded(void **state)
{
	S_ctx *c = *state;
	assert_int_equal(S_main_target(c, "word/my%20report.xml", "word/my report.xml"), 0);
	assert_string_equal(c->part, "word/my report.xml");
	assert_string_equal(c->out.ptr, S_doc);
	xxgk_buf_clear(&c->out);
	/* "%E6%8A%A5%E5%91%8A" is 报告 in UTF-8 */
	assert_int_equal(S_main_target(c, "/word/%E6%8A%A5%E5%91%8A.xml", "word/报告.xml"), 0);
	assert_string_equal(c->part, "word/报告.xml");
}

static void main_part_other_relationships_ignored(void **state)
{
	S_ctx *c = *state;
	static const char rels[] =
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
		"relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
		"<Relationship Id=\"rId1\" Type=\"" FX_REL_OFFICE_DOC "\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	fx_entry e[3] = {{"_rels/.rels", rels, (size_t)-1, 0},
			 {"docProps/core.xml", "<core/>", (size_t)-1, 0},
			 {"word/document.xml", S_doc, (size_t)-1, 1}};
	assert_int_equal(S_main(c, e, 3), 0);
	assert_string_equal(c->part, "word/document.xml");
	assert_string_equal(c->out.ptr, S_doc);
}

static void main_part_strict_relationship(void **state)
{
	S_ctx *c = *state;
	static const char rels[] =
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/"
		"relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0},
			 {"word/document.xml", S_doc, (size_t)-1, 0}};
	assert_int_equal(S_main(c, e, 2), 0);
	assert_string_equal(c->out.ptr, S_doc);
}

static void missing_rels(void **state)
{
	S_ctx *c = *state;
	fx_entry e[1] = {{"word/document.xml", S_doc, (size_t)-1, 0}};
	assert_int_equal(S_main(c, e, 1), XXGK_ENOTDOCX);
	assert_int_equal(xxgk_error_last()->code, XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "_rels/.rels"));
}

static void rels_without_office_document(void **state)
{
	S_ctx *c = *state;
	static const char rels[] =
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"urn:other\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0},
			 {"word/document.xml", S_doc, (size_t)-1, 0}};
	assert_int_equal(S_main(c, e, 2), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "officeDocument"));
}

static void relationship_points_nowhere(void **state)
{
	S_ctx *c = *state;
	assert_int_equal(S_main_target(c, "word/missing.xml", "word/document.xml"), XXGK_ENOTDOCX);
	assert_int_equal(xxgk_error_last()->code, XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "word/missing.xml"));
}

static void corrupt_zip(void **state)
{
	S_ctx *c = *state;
	static const char junk[] = "PK\x03\x04 this is no local file header at all";
	size_t len;
	unsigned char *zip;
	fx_entry e[2] = {{"_rels/.rels", NULL, (size_t)-1, 0},
			 {"word/document.xml", S_doc, (size_t)-1, 0}};
	char *rels = fx_rels("word/document.xml");

	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), junk,
						sizeof(junk) - 1, &c->lim), XXGK_ENOTDOCX);
	assert_int_equal(xxgk_error_last()->code, XXGK_ENOTDOCX);

	/* a real package cut in half loses its central directory */
	e[0].data = rels;
	zip = fx_zip(&len, e, 2);
	assert_non_null(zip);
	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), zip, len / 2,
						&c->lim), XXGK_ENOTDOCX);
	assert_int_equal(c->out.size, 0);
	free(zip);
	free(rels);
}

static void not_a_zip(void **state)
{
	S_ctx *c = *state;
	unsigned char ole[256];

	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), "", 0, &c->lim),
			 XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "empty"));
	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), "%PDF-1.4", 8,
						&c->lim), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "PDF"));
	S_ole(ole, sizeof(ole), "EncryptedPackage");
	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), ole, sizeof(ole),
						&c->lim), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "password"));
	S_ole(ole, sizeof(ole), "WordDocument");
	assert_int_equal(xxgk_package_main_part(&c->out, c->part, sizeof(c->part), ole, sizeof(ole),
						&c->lim), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, ".doc"));
	assert_int_equal(c->out.size, 0);
}

static void over_max_part_bytes(void **state)
{
	S_ctx *c = *state;
	char *rels = fx_rels("word/document.xml");
	char *big = malloc(5001);
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0}, {"word/document.xml", big, 5000, 0}};

	assert_non_null(big);
	memset(big, 'x', 5000);
	big[5000] = '\0';
	c->lim.max_part_bytes = 1000; /* .rels (under 400 bytes) fits, document.xml does not */
	assert_int_equal(S_main(c, e, 2), XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_part_bytes"));
	assert_true(fx_contains(xxgk_error_last()->message, "word/document.xml"));
	c->lim.max_part_bytes = 5000; /* exactly at the limit is allowed */
	assert_int_equal(S_main(c, e, 2), 0);
	assert_int_equal(c->out.size, 5000);
	free(big);
	free(rels);
}

static void over_max_total_bytes(void **state)
{
	S_ctx *c = *state;
	char *rels = fx_rels("word/document.xml");
	size_t rels_len = strlen(rels);
	char big[3000];
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0}, {"word/document.xml", big, 3000, 0}};

	memset(big, 'y', sizeof(big));
	c->lim.max_total_bytes = rels_len + 2999; /* .rels plus the part is one byte too many */
	assert_int_equal(S_main(c, e, 2), XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_total_bytes"));
	c->lim.max_total_bytes = rels_len + 3000;
	xxgk_buf_clear(&c->out);
	assert_int_equal(S_main(c, e, 2), 0);
	free(rels);
}

static void over_max_zip_entries(void **state)
{
	S_ctx *c = *state;
	char *rels = fx_rels("word/document.xml");
	fx_entry e[3] = {{"_rels/.rels", rels, (size_t)-1, 0},
			 {"word/document.xml", S_doc, (size_t)-1, 0},
			 {"word/styles.xml", "<w:styles/>", (size_t)-1, 0}};

	c->lim.max_zip_entries = 2;
	assert_int_equal(S_main(c, e, 3), XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_zip_entries"));
	c->lim.max_zip_entries = 3;
	assert_int_equal(S_main(c, e, 3), 0);
	free(rels);
}

static void zip_bomb(void **state)
{
	S_ctx *c = *state;
	size_t big_len = 2u << 20; /* 2 MiB of one byte deflates over a thousand times */
	char *rels = fx_rels("word/document.xml");
	char *big = malloc(big_len);
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0}, {"word/document.xml", big, big_len, 0}};

	assert_non_null(big);
	memset(big, ' ', big_len);
	assert_int_equal(S_main(c, e, 2), XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_ratio"));
	assert_int_equal(c->out.size, 0); /* refused before inflating */
	/* the same part is read once the ratio is allowed */
	c->lim.max_ratio = 1000000;
	assert_int_equal(S_main(c, e, 2), 0);
	assert_int_equal(c->out.size, big_len);
	free(big);
	free(rels);
}

static void high_ratio_under_one_mib(void **state)
{
	S_ctx *c = *state;
	size_t len = 1u << 20; /* exactly 1 MiB: the ratio limit applies only above */
	char *rels = fx_rels("word/document.xml");
	char *big = malloc(len);
	fx_entry e[2] = {{"_rels/.rels", rels, (size_t)-1, 0}, {"word/document.xml", big, len, 0}};

	assert_non_null(big);
	memset(big, ' ', len);
	assert_int_equal(S_main(c, e, 2), 0);
	assert_int_equal(c->out.size, len);
	free(big);
	free(rels);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff_zip),
		cmocka_unit_test(sniff_ole),
		cmocka_unit_test(sniff_text_formats),
		cmocka_unit_test_setup_teardown(main_part_plain, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(main_part_absolute, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(main_part_renamed, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(main_part_percent_encoded, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(main_part_other_relationships_ignored, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(main_part_strict_relationship, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(missing_rels, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(rels_without_office_document, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(relationship_points_nowhere, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(corrupt_zip, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(not_a_zip, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(over_max_part_bytes, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(over_max_total_bytes, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(over_max_zip_entries, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(zip_bomb, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(high_ratio_under_one_mib, S_setup, S_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
