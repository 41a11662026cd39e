/*
 * test_api.c - the public API alone (<xxgk/xxgk.h>, no internal header):
 * options_init and its version check, extractor_new/free, extraction of
 * a small .docx built in memory (agency and year from its title, values
 * with their table, row, column and printed text, null for blank and
 * unreadable cells, warnings), overrides, custom rules, extract_file,
 * the error codes and last error for inputs that are not usable, the
 * schema accessors, and the growable buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxgk/xxgk.h>

#include "fixture.h"

#define AGENCY "重庆市巴南区市场监督管理局"

/* A title and table 三 cut down to four applicant columns and two rows. */
static const char S_body[] =
	FX_P(AGENCY "2024年政府信息公开工作年度报告")
	FX_P("一、总体情况")
	FX_TBL(FX_TR(FX_TC("") FX_TC("自然人") FX_TC("商业企业") FX_TC("科研机构") FX_TC("总计"))
	       FX_TR(FX_TC("一、本年新收政府信息公开申请数量") FX_TC("3") FX_TC("4") FX_TC("见附件")
		     FX_TC("7"))
	       FX_TR(FX_TC("二、上年结转政府信息公开申请数量") FX_TC("0") FX_TC("—") "<w:tc><w:p/></w:tc>"
		     FX_TC("0")))
	FX_P("五、存在的主要问题");

typedef struct {
	unsigned char *docx;
	size_t len;
	xxgk_extractor *x;
} S_ctx;

static int S_setup(void **state)
{
	S_ctx *c = calloc(1, sizeof(*c));
	if (!c || !(c->docx = fx_docx(&c->len, S_body)) || xxgk_extractor_new(&c->x, NULL) < 0)
		return -1;
	*state = c;
	return 0;
}

static int S_teardown(void **state)
{
	S_ctx *c = *state;
	xxgk_extractor_free(c->x);
	free(c->docx);
	free(c);
	return 0;
}

static void S_value(const xxgk_report *r, const char *field, int is_null, double number, int row,
		    int col, const char *text)
{
	const xxgk_value *v = xxgk_report_get(r, field);
	if (!v)
		fail_msg("the report has no %s", field);
	assert_string_equal(v->field, field);
	assert_int_equal(v->is_null, is_null);
	if (!is_null && v->number != number)
		fail_msg("%s is %g, expected %g", field, v->number, number);
	assert_int_equal(v->table, 1);
	assert_int_equal(v->row, row);
	assert_int_equal(v->col, col);
	assert_string_equal(v->text, text);
}

/* The index of the first warning with `code` whose message has `words`, or -1. */
static int S_warning(const xxgk_report *r, const char *code, const char *words)
{
	size_t i;
	for (i = 0; i < xxgk_report_warning_count(r); i++) {
		const xxgk_warning *w = xxgk_report_warning(r, i);
		if (strcmp(w->code, code) == 0 && fx_contains(w->message, words))
			return (int)i;
	}
	return -1;
}

static void options(void **state)
{
	xxgk_options o;
	(void)state;
	memset(&o, 0xAB, sizeof(o));
	assert_int_equal(xxgk_options_init(&o, XXGK_OPTIONS_VERSION), 0);
	assert_int_equal(o.version, XXGK_OPTIONS_VERSION);
	assert_null(o.agency);
	assert_int_equal(o.year, 0);
	assert_null(o.rules);
	assert_int_equal(o.limits.max_ratio, 200);
	assert_int_equal(o.limits.max_cols, 256);
	assert_int_equal(o.limits.max_part_bytes, 128u << 20);
	xxgk_error_clear();
	assert_int_equal(xxgk_options_init(&o, XXGK_OPTIONS_VERSION + 1), XXGK_EUSAGE);
	assert_int_equal(xxgk_error_last()->code, XXGK_EUSAGE);
	assert_true(strlen(xxgk_error_last()->message) > 0);
	xxgk_error_clear();
	assert_int_equal(xxgk_error_last()->code, XXGK_OK);
	assert_string_equal(xxgk_error_last()->message, "");
}

static void extractor_lifecycle(void **state)
{
	xxgk_extractor *x = (xxgk_extractor *)1;
	xxgk_options o = XXGK_OPTIONS_INIT;
	(void)state;
	o.version = 99;
	assert_int_equal(xxgk_extractor_new(&x, &o), XXGK_EUSAGE);
	assert_null(x);
	o.version = XXGK_OPTIONS_VERSION;
	assert_int_equal(xxgk_extractor_new(&x, &o), 0);
	assert_non_null(x);
	xxgk_extractor_free(x);
	xxgk_extractor_free(NULL);
	xxgk_report_free(NULL);
}

static void extract_small_report(void **state)
{
	S_ctx *c = *state;
	xxgk_report *r = NULL;
	const xxgk_value *v;
	(void)state;
	assert_int_equal(xxgk_extract_memory(&r, c->x, c->docx, c->len, "mem.docx"), 0);
	assert_non_null(r);
	assert_string_equal(xxgk_report_source(r), "mem.docx");
	assert_string_equal(xxgk_report_agency(r), AGENCY);
	assert_int_equal(xxgk_report_year(r), 2024);
	assert_string_equal(xxgk_report_template(r), "2021");
	assert_int_equal(xxgk_report_value_count(r), 8);
	/* schema order: every column of `new`, then of `carried_over` */
	assert_string_equal(xxgk_report_value(r, 0)->field, "requests.new.natural_person");
	assert_string_equal(xxgk_report_value(r, 3)->field, "requests.new.total");
	assert_string_equal(xxgk_report_value(r, 4)->field, "requests.carried_over.natural_person");
	assert_null(xxgk_report_value(r, 8));
	S_value(r, "requests.new.natural_person", 0, 3, 2, 2, "3");
	S_value(r, "requests.new.commercial", 0, 4, 2, 3, "4");
	S_value(r, "requests.new.research", 1, 0, 2, 4, "见附件");
	S_value(r, "requests.new.total", 0, 7, 2, 5, "7");
	S_value(r, "requests.carried_over.natural_person", 0, 0, 3, 2, "0");
	S_value(r, "requests.carried_over.commercial", 0, 0, 3, 3, "—");
	S_value(r, "requests.carried_over.research", 1, 0, 3, 4, "");
	S_value(r, "requests.carried_over.total", 0, 0, 3, 5, "0");
	/* columns and rows the table does not have are absent, not null */
	assert_null(xxgk_report_get(r, "requests.new.public_interest"));
	assert_null(xxgk_report_get(r, "requests.result.total.total"));
	assert_null(xxgk_report_get(r, "active.fees.amount"));
	/* the unreadable cell is quoted in a warning; the missing tables are named */
	v = xxgk_report_get(r, "requests.new.research");
	assert_true(S_warning(r, "value.unreadable", "见附件") >= 0);
	assert_string_equal(xxgk_report_warning(r, (size_t)S_warning(r, "value.unreadable", "见附件"))
				    ->fields, v->field);
	assert_true(S_warning(r, "table.missing", "active") >= 0);
	assert_true(S_warning(r, "table.missing", "appeals") >= 0);
	assert_int_equal(S_warning(r, "table.missing", "requests"), -1);
	assert_int_equal(S_warning(r, "value.unreadable", "—"), -1);
	assert_null(xxgk_report_warning(r, xxgk_report_warning_count(r)));
	xxgk_report_free(r);
}

static void extract_twice(void **state)
{
	S_ctx *c = *state;
	xxgk_report *a = NULL, *b = NULL;
	assert_int_equal(xxgk_extract_memory(&a, c->x, c->docx, c->len, "a"), 0);
	assert_int_equal(xxgk_extract_memory(&b, c->x, "junk", 4, "junk"), XXGK_ENOTDOCX);
	assert_null(b);
	assert_int_equal(xxgk_extract_memory(&b, c->x, c->docx, c->len, "b"), 0);
	/* the first report is the caller's and untouched by the later runs */
	assert_string_equal(xxgk_report_source(a), "a");
	assert_string_equal(xxgk_report_source(b), "b");
	assert_int_equal(xxgk_report_value_count(a), xxgk_report_value_count(b));
	assert_true(xxgk_report_get(a, "requests.new.total")->number == 7);
	xxgk_report_free(b);
	assert_string_equal(xxgk_report_agency(a), AGENCY);
	xxgk_report_free(a);
}

static void overrides(void **state)
{
	S_ctx *c = *state;
	xxgk_options o;
	xxgk_extractor *x;
	xxgk_report *r;
	assert_int_equal(xxgk_options_init(&o, XXGK_OPTIONS_VERSION), 0);
	o.agency = "示例机关";
	o.year = 2023;
	assert_int_equal(xxgk_extractor_new(&x, &o), 0);
	assert_int_equal(xxgk_extract_memory(&r, x, c->docx, c->len, "o.docx"), 0);
	assert_string_equal(xxgk_report_agency(r), "示例机关");
	assert_int_equal(xxgk_report_year(r), 2023);
	xxgk_report_free(r);
	xxgk_extractor_free(x);
}

static void custom_rules(void **state)
{
	S_ctx *c = *state;
	static const char text[] = "field t.new.total 2021 count 新收 / 总计\n"
				   "field t.new.natural_person 2021 count 新收 / 自然人\n"
				   "table t t * 本年新收\n"
				   "col t total 总计$\n"
				   "row t new 本年新收\n";
	xxgk_rules *rules;
	xxgk_options o = XXGK_OPTIONS_INIT;
	xxgk_extractor *x;
	xxgk_report *r;

	assert_int_equal(xxgk_rules_load(&rules, text, sizeof(text) - 1, "custom"), 0);
	assert_int_equal(xxgk_schema_count(rules), 2);
	assert_string_equal(xxgk_schema_field(rules, 0)->id, "t.new.total");
	assert_string_equal(xxgk_schema_field(rules, 1)->label, "新收 / 自然人");
	assert_null(xxgk_schema_field(rules, 2));
	o.rules = rules;
	assert_int_equal(xxgk_extractor_new(&x, &o), 0);
	assert_int_equal(xxgk_extract_memory(&r, x, c->docx, c->len, "c.docx"), 0);
	/* only the total column is known to these rules */
	assert_int_equal(xxgk_report_value_count(r), 1);
	S_value(r, "t.new.total", 0, 7, 2, 5, "7");
	assert_null(xxgk_report_get(r, "requests.new.total"));
	xxgk_report_free(r);
	xxgk_extractor_free(x);
	xxgk_rules_free(rules);
}

static void S_fails(xxgk_extractor *x, const void *data, size_t len, int code)
{
	xxgk_report *r = (xxgk_report *)1;
	xxgk_error_clear();
	assert_int_equal(xxgk_extract_memory(&r, x, data, len, "bad.docx"), code);
	assert_null(r);
	assert_int_equal(xxgk_error_last()->code, code);
	assert_true(strlen(xxgk_error_last()->message) > 0);
	assert_null(strchr(xxgk_error_last()->message, '\n'));
}

static void errors(void **state)
{
	S_ctx *c = *state;
	unsigned char *d;
	size_t len;

	S_fails(c->x, "hello, world", 12, XXGK_ENOTDOCX);
	S_fails(c->x, "", 0, XXGK_ENOTDOCX);
	S_fails(c->x, "%PDF-1.5\n", 9, XXGK_ENOTDOCX);
	S_fails(c->x, c->docx, c->len / 2, XXGK_ENOTDOCX);

	d = fx_docx(&len, FX_P("只有文字") FX_TBL(FX_TR(FX_TC("联系人") FX_TC("电话"))));
	assert_non_null(d);
	S_fails(c->x, d, len, XXGK_ENOTABLE);
	free(d);

	d = fx_docx_part(&len, "<w:document xmlns:w=\"" FX_NS_W "\">\n<w:body>\n<w:p></w:body>");
	assert_non_null(d);
	S_fails(c->x, d, len, XXGK_EXML);
	assert_string_equal(xxgk_error_last()->part, "word/document.xml");
	assert_int_equal(xxgk_error_last()->line, 3);
	free(d);
}

static void limits(void **state)
{
	S_ctx *c = *state;
	xxgk_options o = XXGK_OPTIONS_INIT;
	xxgk_extractor *x;

	o.limits.max_file_bytes = c->len - 1;
	assert_int_equal(xxgk_extractor_new(&x, &o), 0);
	S_fails(x, c->docx, c->len, XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_file_bytes"));
	xxgk_extractor_free(x);

	o.limits.max_file_bytes = c->len;
	o.limits.max_rows = 2;
	assert_int_equal(xxgk_extractor_new(&x, &o), 0);
	S_fails(x, c->docx, c->len, XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, "max_rows"));
	xxgk_extractor_free(x);
}

static void extract_file(void **state)
{
	S_ctx *c = *state;
	char path[] = "/tmp/xxgk-test-api-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	xxgk_report *r;

	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(c->docx, 1, c->len, f), c->len);
	fclose(f);
	assert_int_equal(xxgk_extract_file(&r, c->x, path), 0);
	assert_string_equal(xxgk_report_source(r), path);
	assert_true(xxgk_report_get(r, "requests.new.commercial")->number == 4);
	xxgk_report_free(r);
	unlink(path);
	r = (xxgk_report *)1;
	assert_int_equal(xxgk_extract_file(&r, c->x, path), XXGK_ERROR);
	assert_null(r);
}

static void emit(void **state)
{
	S_ctx *c = *state;
	xxgk_report *r;
	xxgk_buf b = XXGK_BUF_INIT;

	assert_int_equal(xxgk_extract_memory(&r, c->x, c->docx, c->len, "e.docx"), 0);
	assert_int_equal(xxgk_emit_json(&b, r, 0), 0);
	assert_true(fx_contains(b.ptr, "\"year\":2024"));
	assert_true(fx_contains(b.ptr, "\"requests.new.total\":7,"));
	assert_true(fx_contains(b.ptr, "\"requests.new.research\":null,"));
	assert_true(fx_contains(b.ptr, "\"requests.carried_over.commercial\":{\"table\":1,\"row\":3,"
				       "\"col\":3,\"text\":\"—\"}"));
	xxgk_buf_dispose(&b);
	assert_int_equal(xxgk_emit_csv(&b, r), 0);
	assert_true(fx_contains(b.ptr, "e.docx," AGENCY ",2024,2021,requests.new.research,,见附件\r\n"));
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

static void schema(void **state)
{
	size_t n = xxgk_schema_count(NULL), i, n2021 = 0;
	const xxgk_field *f;
	(void)state;
	assert_true(n >= 224);
	f = xxgk_schema_field(NULL, 0);
	assert_string_equal(f->id, "active.rules.issued");
	assert_string_equal(f->templates, "2021");
	assert_int_equal(f->is_amount, 0);
	assert_null(xxgk_schema_field(NULL, n));
	for (i = 0; i < n; i++) {
		f = xxgk_schema_field(NULL, i);
		n2021 += fx_contains(f->templates, "2021");
		if (strcmp(f->id, "active.fees.amount") == 0)
			assert_int_equal(f->is_amount, 1);
	}
	assert_int_equal(n2021, 200);
}

static void buffer(void **state)
{
	xxgk_buf b = XXGK_BUF_INIT;
	(void)state;
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	assert_int_equal(xxgk_buf_puts(&b, "自然"), 0);
	assert_int_equal(xxgk_buf_put(&b, "人口", 3), 0);
	assert_int_equal(b.size, 9);
	assert_string_equal(b.ptr, "自然人");
	xxgk_buf_dispose(&b);
	assert_non_null(b.ptr);
	assert_int_equal(b.size, 0);
	assert_string_equal(b.ptr, "");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options),
		cmocka_unit_test(extractor_lifecycle),
		T(extract_small_report),
		T(extract_twice),
		T(overrides),
		T(custom_rules),
		T(errors),
		T(limits),
		T(extract_file),
		T(emit),
		cmocka_unit_test(schema),
		cmocka_unit_test(buffer),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
