/*
 * test_emit.c - the emitters (extractor/emit_util.c, emit_json.c,
 * emit_csv.c) and the report they read (extractor/report.c): JSON string
 * escaping (quotes, backslash, control characters, invalid UTF-8 as
 * U+FFFD), numbers written shortest-exact (5.4195, 25.1, 26915, -3, 0),
 * RFC 4180 CSV quoting (comma, quote, CR/LF, leading and trailing space),
 * the CSV header, and a small report built through the internal API
 * (xxgk_report__new/__set/__warn/__finish) emitted as JSON, pretty JSON,
 * JSON Lines and CSV and compared with output written out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "emit_util.h"
#include "report.h"
#include "rules.h"
#include "xxgk/emit.h"

/* ---- strings and numbers ---- */

static void S_json(const char *in, size_t len, const char *want)
{
	xxgk_buf b = XXGK_BUF_INIT;
	assert_int_equal(xxgk_json_string(&b, in, len), 0);
	assert_string_equal(b.ptr, want);
	xxgk_buf_dispose(&b);
}
#define JSON(in, want) S_json(in, sizeof(in) - 1, want)

static void json_escaping(void **state)
{
	(void)state;
	JSON("", "\"\"");
	JSON("plain", "\"plain\"");
	JSON("say \"hi\"", "\"say \\\"hi\\\"\"");
	JSON("C:\\dir", "\"C:\\\\dir\"");
	JSON("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
	JSON("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	JSON("a\0b", "\"a\\u0000b\"");
	JSON("/", "\"/\"");
	JSON("自然人", "\"自然人\"");
	JSON("\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\"");
}

#define FFFD "\xEF\xBF\xBD"

static void json_invalid_utf8(void **state)
{
	(void)state;
	JSON("a\xFF" "b", "\"a" FFFD "b\"");
	JSON("\x80", "\"" FFFD "\"");
	JSON("\xE4\xB8", "\"" FFFD FFFD "\"");             /* 中 cut short */
	JSON("\xC0\xAF", "\"" FFFD FFFD "\"");             /* overlong '/' */
	JSON("\xED\xA0\x80", "\"" FFFD FFFD FFFD "\"");    /* a UTF-16 surrogate */
	JSON("\xE4\xB8\xAD\xFF\xE4\xB8\xAD", "\"中" FFFD "中\"");
}

static void S_num(double v, const char *want)
{
	char buf[40];
	xxgk_fmt_number(buf, v);
	assert_string_equal(buf, want);
}

static void numbers(void **state)
{
	static const double round_trip[] = {1.0 / 3, 0.1 + 0.2, 123456.789, 1e-7, 9007199254740993.0,
					    -0.5, 2.5e-3, 99999.99};
	size_t i;
	(void)state;
	S_num(5.4195, "5.4195");
	S_num(25.1, "25.1");
	S_num(26915, "26915");
	S_num(-3, "-3");
	S_num(0, "0");
	S_num(0.1, "0.1");
	S_num(12.5, "12.5");
	S_num(1234567, "1234567");
	S_num(-12.25, "-12.25");
	for (i = 0; i < sizeof(round_trip) / sizeof(*round_trip); i++) {
		char buf[40];
		xxgk_fmt_number(buf, round_trip[i]);
		if (strtod(buf, NULL) != round_trip[i])
			fail_msg("%s does not read back as %.17g", buf, round_trip[i]);
	}
}

static void S_csv(const char *in, const char *want)
{
	xxgk_buf b = XXGK_BUF_INIT;
	assert_int_equal(xxgk_csv_field(&b, in, strlen(in)), 0);
	assert_string_equal(b.ptr, want);
	xxgk_buf_dispose(&b);
}

static void csv_quoting(void **state)
{
	(void)state;
	S_csv("", "");
	S_csv("plain", "plain");
	S_csv("自然人", "自然人");
	S_csv("a,b", "\"a,b\"");
	S_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	S_csv("\"", "\"\"\"\"");
	S_csv("line1\r\nline2", "\"line1\r\nline2\"");
	S_csv("a\nb", "\"a\nb\"");
	S_csv("a\rb", "\"a\rb\"");
	S_csv(" lead", "\" lead\"");
	S_csv("trail ", "\"trail \"");
	S_csv("in side", "in side");
}

static void csv_header(void **state)
{
	xxgk_buf b = XXGK_BUF_INIT;
	(void)state;
	assert_int_equal(xxgk_emit_csv_header(&b), 0);
	assert_string_equal(b.ptr, "source,agency,year,template,field,value,text\r\n");
	xxgk_buf_dispose(&b);
}

/* ---- a report ---- */

static int S_idx(const xxgk_rules *rules, const char *id)
{
	int k = xxgk_rules_field_index(rules, id, strlen(id));
	assert_true(k >= 0);
	return k;
}

static int S_set(xxgk_report *r, const char *id, int is_null, double v, int t, int row, int col,
		 const char *text)
{
	return xxgk_report__set(r, S_idx(r->rules, id), is_null, v, t, row, col, text, strlen(text));
}

/* The report every emitter test reads. */
static xxgk_report *S_report(void)
{
	const xxgk_rules *rules;
	xxgk_report *r;

	assert_int_equal(xxgk_rules_default(&rules), 0);
	assert_int_equal(xxgk_report__new(&r, rules, "in/a \"b\".docx"), 0);
	assert_int_equal(xxgk_report__set_agency(r, "某局", strlen("某局")), 0);
	r->year = 2024;
	r->templ = "2021";
	/* set out of schema order: the output is in schema order */
	assert_int_equal(S_set(r, "requests.new.total", 1, 0, 2, 4, 8, ""), 0);
	assert_int_equal(S_set(r, "requests.new.natural_person", 0, 3, 2, 4, 2, "３"), 0);
	assert_int_equal(S_set(r, "active.fees.amount", 0, 25.1, 1, 12, 5, "251000元"), 0);
	assert_int_equal(xxgk_report__warn(r, "value.unreadable",
					   "requests.new.commercial,requests.new.total",
					   "cell text \"%s\" is\tnot a number", "见附件"), 0);
	xxgk_report__finish(r);
	return r;
}

static const char S_want_json[] =
	"{\"source\":\"in/a \\\"b\\\".docx\",\"agency\":\"某局\",\"year\":2024,\"template\":\"2021\","
	"\"values\":{\"active.fees.amount\":25.1,\"requests.new.natural_person\":3,"
	"\"requests.new.total\":null},"
	"\"cells\":{\"active.fees.amount\":{\"table\":1,\"row\":12,\"col\":5,\"text\":\"251000元\"},"
	"\"requests.new.natural_person\":{\"table\":2,\"row\":4,\"col\":2,\"text\":\"３\"},"
	"\"requests.new.total\":{\"table\":2,\"row\":4,\"col\":8,\"text\":\"\"}},"
	"\"warnings\":[{\"code\":\"value.unreadable\",\"fields\":[\"requests.new.commercial\","
	"\"requests.new.total\"],\"message\":\"cell text \\\"见附件\\\" is\\tnot a number\"}]}";

static void report_accessors(void **state)
{
	xxgk_report *r = S_report();
	const xxgk_value *v;
	const xxgk_warning *w;
	(void)state;
	assert_string_equal(xxgk_report_source(r), "in/a \"b\".docx");
	assert_string_equal(xxgk_report_agency(r), "某局");
	assert_int_equal(xxgk_report_year(r), 2024);
	assert_string_equal(xxgk_report_template(r), "2021");
	assert_int_equal(xxgk_report_value_count(r), 3);
	v = xxgk_report_value(r, 0);
	assert_string_equal(v->field, "active.fees.amount");
	assert_false(v->is_null);
	assert_true(v->number == 25.1);
	assert_int_equal(v->table, 1);
	assert_int_equal(v->row, 12);
	assert_int_equal(v->col, 5);
	assert_string_equal(v->text, "251000元");
	assert_string_equal(xxgk_report_value(r, 1)->field, "requests.new.natural_person");
	assert_true(xxgk_report_value(r, 2)->is_null);
	assert_null(xxgk_report_value(r, 3));
	assert_ptr_equal(xxgk_report_get(r, "requests.new.natural_person"), xxgk_report_value(r, 1));
	assert_null(xxgk_report_get(r, "requests.new.commercial"));
	assert_null(xxgk_report_get(r, "no.such.field"));
	assert_int_equal(xxgk_report_warning_count(r), 1);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "value.unreadable");
	assert_string_equal(w->fields, "requests.new.commercial,requests.new.total");
	assert_string_equal(w->message, "cell text \"见附件\" is\tnot a number");
	assert_null(xxgk_report_warning(r, 1));
	xxgk_report_free(r);
}

static void report_set_keeps_first_reading(void **state)
{
	const xxgk_rules *rules;
	xxgk_report *r;
	const xxgk_value *v;
	(void)state;
	assert_int_equal(xxgk_rules_default(&rules), 0);
	assert_int_equal(xxgk_report__new(&r, rules, "x"), 0);
	/* the same number twice: fine, the first place is kept */
	assert_int_equal(S_set(r, "requests.new.total", 0, 7, 1, 5, 9, "7"), 0);
	assert_int_equal(S_set(r, "requests.new.total", 0, 7, 3, 6, 9, "７"), 0);
	/* a different number: reported, the first is kept */
	assert_int_equal(S_set(r, "requests.new.total", 0, 8, 4, 6, 9, "8"), 1);
	/* a blank never replaces a number */
	assert_int_equal(S_set(r, "requests.new.total", 1, 0, 5, 6, 9, ""), 0);
	/* a number replaces a blank */
	assert_int_equal(S_set(r, "requests.new.natural_person", 1, 0, 1, 5, 2, ""), 0);
	assert_int_equal(S_set(r, "requests.new.natural_person", 0, 2, 2, 5, 2, "2"), 0);
	xxgk_report__finish(r);
	assert_null(xxgk_report_agency(r));
	assert_int_equal(xxgk_report_year(r), 0);
	v = xxgk_report_get(r, "requests.new.total");
	assert_non_null(v);
	assert_true(v->number == 7);
	assert_int_equal(v->table, 1);
	assert_string_equal(v->text, "7");
	v = xxgk_report_get(r, "requests.new.natural_person");
	assert_false(v->is_null);
	assert_true(v->number == 2);
	assert_int_equal(v->table, 2);
	assert_string_equal(v->text, "2");
	xxgk_report_free(r);
}

static void json_report(void **state)
{
	xxgk_report *r = S_report();
	xxgk_buf b = XXGK_BUF_INIT;
	(void)state;
	assert_int_equal(xxgk_emit_json(&b, r, 0), 0);
	assert_string_equal(b.ptr, S_want_json);
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

/* `json` with the white space outside string literals removed. */
static char *S_squeeze(const char *json)
{
	char *out = malloc(strlen(json) + 1), *o = out;
	int in_str = 0;
	for (; *json; json++) {
		if (in_str) {
			*o++ = *json;
			if (*json == '\\')
				*o++ = *++json;
			else if (*json == '"')
				in_str = 0;
		} else if (*json == '"') {
			*o++ = *json;
			in_str = 1;
		} else if (*json != ' ' && *json != '\n') {
			*o++ = *json;
		}
	}
	*o = '\0';
	return out;
}

static void json_pretty_is_the_same_object(void **state)
{
	xxgk_report *r = S_report();
	xxgk_buf b = XXGK_BUF_INIT;
	char *sq;
	(void)state;
	assert_int_equal(xxgk_emit_json(&b, r, XXGK_EMIT_PRETTY), 0);
	assert_non_null(strchr(b.ptr, '\n'));
	assert_memory_equal(b.ptr, "{\n  \"source\": ", 14);
	assert_string_equal(b.ptr + b.size - 2, "\n}");
	sq = S_squeeze(b.ptr);
	assert_string_equal(sq, S_want_json);
	free(sq);
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

static void json_lines_and_no_cells(void **state)
{
	xxgk_report *r = S_report();
	xxgk_buf b = XXGK_BUF_INIT;
	const char *cells = strstr(S_want_json, ",\"cells\":");
	const char *warnings = strstr(S_want_json, ",\"warnings\":");
	(void)state;
	assert_int_equal(xxgk_emit_json(&b, r, XXGK_EMIT_LINE | XXGK_EMIT_PRETTY), 0);
	assert_int_equal(b.size, strlen(S_want_json) + 1);
	assert_memory_equal(b.ptr, S_want_json, strlen(S_want_json));
	assert_string_equal(b.ptr + strlen(S_want_json), "\n");
	xxgk_buf_clear(&b);
	assert_int_equal(xxgk_emit_json(&b, r, XXGK_EMIT_NO_CELLS), 0);
	assert_null(strstr(b.ptr, "\"cells\""));
	/* everything but the cells object */
	assert_int_equal(b.size, strlen(S_want_json) - (size_t)(warnings - cells));
	assert_memory_equal(b.ptr, S_want_json, (size_t)(cells - S_want_json));
	assert_string_equal(b.ptr + (cells - S_want_json), warnings);
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

static void json_empty_report(void **state)
{
	const xxgk_rules *rules;
	xxgk_report *r;
	xxgk_buf b = XXGK_BUF_INIT;
	(void)state;
	assert_int_equal(xxgk_rules_default(&rules), 0);
	assert_int_equal(xxgk_report__new(&r, rules, ""), 0);
	xxgk_report__finish(r);
	assert_int_equal(xxgk_emit_json(&b, r, 0), 0);
	assert_string_equal(b.ptr, "{\"source\":\"\",\"agency\":null,\"year\":null,\"template\":null,"
				   "\"values\":{},\"cells\":{},\"warnings\":[]}");
	xxgk_buf_clear(&b);
	assert_int_equal(xxgk_emit_csv(&b, r), 0);
	assert_int_equal(b.size, 0);
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

static void csv_report(void **state)
{
	xxgk_report *r = S_report();
	xxgk_buf b = XXGK_BUF_INIT;
	(void)state;
	assert_int_equal(xxgk_emit_csv(&b, r), 0);
	assert_string_equal(b.ptr,
		"\"in/a \"\"b\"\".docx\",某局,2024,2021,active.fees.amount,25.1,251000元\r\n"
		"\"in/a \"\"b\"\".docx\",某局,2024,2021,requests.new.natural_person,3,３\r\n"
		"\"in/a \"\"b\"\".docx\",某局,2024,2021,requests.new.total,,\r\n");
	xxgk_buf_dispose(&b);
	xxgk_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_escaping),
		cmocka_unit_test(json_invalid_utf8),
		cmocka_unit_test(numbers),
		cmocka_unit_test(csv_quoting),
		cmocka_unit_test(csv_header),
		cmocka_unit_test(report_accessors),
		cmocka_unit_test(report_set_keeps_first_reading),
		cmocka_unit_test(json_report),
		cmocka_unit_test(json_pretty_is_the_same_object),
		cmocka_unit_test(json_lines_and_no_cells),
		cmocka_unit_test(json_empty_report),
		cmocka_unit_test(csv_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
