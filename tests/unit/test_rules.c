/*
 * test_rules.c - the rules data (extractor/rules.c and rules/xxgk.rules):
 * the built-in rules load, hold the whole schema of SCHEMA.md (200 fields
 * in the 2021 template, 198 in the 2019 one, 224 in all, two of them
 * amounts), look ids up, and can produce every field; a rules file with a
 * bad line fails with the line's number (unknown directive, bad pattern,
 * unknown table spec, duplicate field or spec, missing words); and the
 * built-in row and column patterns give the right id for real label
 * variants, matched as the mapper matches them: normalized, first
 * matching rule wins.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixture.h"
#include "rules.h"
#include "text.h"

static const xxgk_rules *S_builtin(void)
{
	const xxgk_rules *r = NULL;
	assert_int_equal(xxgk_rules_default(&r), 0);
	assert_non_null(r);
	return r;
}

/* 1 when the comma-separated list `templates` has `t`. */
static int S_has_templ(const char *templates, const char *t)
{
	size_t n = strlen(t);
	const char *p = templates;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, t, n) == 0)
			return 1;
		p += len + (e != NULL);
	}
	return 0;
}

static void builtin_schema(void **state)
{
	const xxgk_rules *r = S_builtin();
	size_t i, n2021 = 0, n2019 = 0, amounts = 0;
	(void)state;
	assert_true(r->nfields >= 224);
	for (i = 0; i < r->nfields; i++) {
		const xxgk_field *f = &r->fields[i];
		n2021 += S_has_templ(f->templates, "2021");
		n2019 += S_has_templ(f->templates, "2019");
		if (f->is_amount) {
			amounts++;
			if (strcmp(f->id, "active.fees.amount") != 0 &&
			    strcmp(f->id, "active.procurement.amount") != 0)
				fail_msg("%s should be a count", f->id);
		}
		assert_true(S_has_templ(f->templates, "2021") || S_has_templ(f->templates, "2019"));
		assert_true(strlen(f->label) > 0);
	}
	/* 2021: active 10 + requests 25 rows x 7 + appeals 3 x 5 */
	assert_int_equal(n2021, 10 + 25 * 7 + 15);
	/* 2019: active 22 + requests 23 rows x 7 + appeals 15 */
	assert_int_equal(n2019, 22 + 23 * 7 + 15);
	assert_int_equal(r->nfields, 224);
	assert_int_equal(amounts, 2);
	assert_int_equal(xxgk_schema_count(NULL), r->nfields);
	assert_ptr_equal(xxgk_schema_field(NULL, 0), &r->fields[0]);
	assert_null(xxgk_schema_field(NULL, r->nfields));
	/* the default rules are compiled once */
	assert_ptr_equal(S_builtin(), r);
}

static void field_ids_are_lower_case_dotted(void **state)
{
	const xxgk_rules *r = S_builtin();
	size_t i;
	(void)state;
	for (i = 0; i < r->nfields; i++) {
		const char *p = r->fields[i].id;
		int ok = *p >= 'a' && *p <= 'z';
		for (; ok && *p; p++)
			ok = (*p >= 'a' && *p <= 'z') || *p == '_' ||
			     (*p == '.' && p[1] >= 'a' && p[1] <= 'z');
		if (!ok)
			fail_msg("field id %s is not lower-case ASCII, dot-separated", r->fields[i].id);
	}
}

static void field_index(void **state)
{
	const xxgk_rules *r = S_builtin();
	size_t i;
	int k;
	(void)state;
	for (i = 0; i < r->nfields; i++)
		assert_int_equal(xxgk_rules_field_index(r, r->fields[i].id, strlen(r->fields[i].id)),
				 (int)i);
	k = xxgk_rules_field_index(r, "requests.new.total", strlen("requests.new.total"));
	assert_true(k >= 0);
	assert_string_equal(r->fields[k].id, "requests.new.total");
	k = xxgk_rules_field_index(r, "appeals.suit_direct.upheld", strlen("appeals.suit_direct.upheld"));
	assert_true(k >= 0);
	assert_string_equal(r->fields[k].id, "appeals.suit_direct.upheld");
	/* only the first `len` bytes are the id */
	k = xxgk_rules_field_index(r, "active.fees.amount.extra", strlen("active.fees.amount"));
	assert_true(k >= 0);
	assert_string_equal(r->fields[k].id, "active.fees.amount");
	assert_int_equal(xxgk_rules_field_index(r, "requests.new", 12), -1);
	assert_int_equal(xxgk_rules_field_index(r, "requests.new.totals", 19), -1);
	assert_int_equal(xxgk_rules_field_index(r, "", 0), -1);
	/* 2019's single 其他处理 row */
	assert_true(xxgk_rules_field_index(r, "requests.result.other.total", 27) >= 0);
	assert_true(xxgk_rules_field_index(r, "requests.result.other.other.total", 33) >= 0);
}

/* The per-spec field table holds, for every row rule and column rule, the
 * index of <prefix>.<row>.<col> (empty parts left out), or -1. */
static void spec_field_table(void **state)
{
	const xxgk_rules *r = S_builtin();
	size_t k, a, b, hits = 0, misses = 0;
	char id[256];
	(void)state;
	for (k = 0; k < r->nspecs; k++) {
		const xxgk_spec *s = &r->specs[k];
		for (a = 0; a < s->nrows; a++)
			for (b = 0; b < s->ncols; b++) {
				int n = snprintf(id, sizeof(id), "%s%s%s%s%s", s->prefix,
						 *s->rows[a].id ? "." : "", s->rows[a].id,
						 *s->cols[b].id ? "." : "", s->cols[b].id);
				int want = xxgk_rules_field_index(r, id, (size_t)n);
				assert_int_equal(xxgk_spec_field(s, a, b), want);
				if (want >= 0)
					hits++;
				else
					misses++;
			}
	}
	/* both kinds occur: e.g. the 2019 active table's rows do not all have every column */
	assert_true(hits >= 200);
	assert_true(misses > 0);
}

/* Every field can be produced: some spec's prefix, row id and column id compose it. */
static void every_field_reachable(void **state)
{
	const xxgk_rules *r = S_builtin();
	size_t i, k, a, b;
	char id[256];
	(void)state;
	for (i = 0; i < r->nfields; i++) {
		int found = 0;
		for (k = 0; k < r->nspecs && !found; k++) {
			const xxgk_spec *s = &r->specs[k];
			for (a = 0; a < s->nrows && !found; a++)
				for (b = 0; b < s->ncols && !found; b++) {
					snprintf(id, sizeof(id), "%s%s%s%s%s", s->prefix,
						 *s->rows[a].id ? "." : "", s->rows[a].id,
						 *s->cols[b].id ? "." : "", s->cols[b].id);
					found = strcmp(id, r->fields[i].id) == 0;
				}
		}
		if (!found)
			fail_msg("no rule produces the field %s", r->fields[i].id);
	}
}

/* ---- loading errors ---- */

static const char S_head[] = "field t.a.x 2021 count 甲 / 某\n"
			     "table t t * 甲\n";

/* Load `text`; assert it fails with ERULES and a message holding `want`. */
static void S_load_fails(const char *text, const char *want)
{
	xxgk_rules *r = (xxgk_rules *)1;
	assert_int_equal(xxgk_rules_load(&r, text, strlen(text), "test.rules"), XXGK_ERULES);
	assert_null(r);
	assert_int_equal(xxgk_error_last()->code, XXGK_ERULES);
	if (!fx_contains(xxgk_error_last()->message, want))
		fail_msg("message \"%s\" lacks \"%s\"", xxgk_error_last()->message, want);
}

static void load_small(void **state)
{
	static const char text[] = "# a comment\n"
				   "\n"
				   "field t.a.x 2021 count 甲 / 某\r\n"
				   "field t.b.x 2019,2021 amount 乙 / 某\n"
				   "table t t * 甲|乙\n"
				   "col t x 某$\n"
				   "row t a ^甲\n"
				   "row t - ^$\n"
				   "title (?<year>[0-9]{4})年\n";
	xxgk_rules *r;
	(void)state;
	assert_int_equal(xxgk_rules_load(&r, text, strlen(text), "small"), 0);
	assert_int_equal(r->nfields, 2);
	assert_string_equal(r->fields[0].id, "t.a.x");
	assert_string_equal(r->fields[0].templates, "2021");
	assert_string_equal(r->fields[0].label, "甲 / 某");
	assert_int_equal(r->fields[0].is_amount, 0);
	assert_string_equal(r->fields[1].templates, "2019,2021");
	assert_int_equal(r->fields[1].is_amount, 1);
	assert_int_equal(r->nspecs, 1);
	assert_string_equal(r->specs[0].name, "t");
	assert_string_equal(r->specs[0].prefix, "t");
	assert_string_equal(r->specs[0].templ, "");
	assert_int_equal(r->specs[0].ncols, 1);
	assert_int_equal(r->specs[0].nrows, 2);
	assert_string_equal(r->specs[0].rows[1].id, "");
	assert_int_equal(r->ntitles, 1);
	assert_int_equal(xxgk_schema_count(r), 2);
	assert_string_equal(xxgk_schema_field(r, 1)->id, "t.b.x");
	xxgk_rules_free(r);
	xxgk_rules_free(NULL);
}

static void error_unknown_directive(void **state)
{
	(void)state;
	S_load_fails("field t.a.x 2021 count 甲\n\nfeild t.b.x 2021 count 乙\n", "test.rules:3:");
	assert_true(fx_contains(xxgk_error_last()->message, "unknown directive 'feild'"));
}

static void error_bad_pattern(void **state)
{
	char text[256];
	(void)state;
	snprintf(text, sizeof(text), "%srow t a (甲\n", S_head);
	S_load_fails(text, "test.rules:3:");
	assert_true(fx_contains(xxgk_error_last()->message, "pattern"));
	S_load_fails("field t.a.x 2021 count 甲\ntable t t * [\n", "test.rules:2:");
}

static void error_unknown_spec(void **state)
{
	char text[256];
	(void)state;
	snprintf(text, sizeof(text), "%scol nosuch x 某\n", S_head);
	S_load_fails(text, "test.rules:3:");
	assert_true(fx_contains(xxgk_error_last()->message, "nosuch"));
}

static void error_duplicate_field(void **state)
{
	char text[256];
	(void)state;
	snprintf(text, sizeof(text), "%s# again\nfield t.a.x 2019 count 又\n", S_head);
	S_load_fails(text, "test.rules:4:");
	assert_true(fx_contains(xxgk_error_last()->message, "t.a.x"));
}

static void error_field_kind(void **state)
{
	(void)state;
	S_load_fails("field t.a.x 2021 count 甲\nfield t.b.x 2021 cuont 乙\n", "test.rules:2:");
	assert_true(fx_contains(xxgk_error_last()->message, "cuont"));
}

static void error_duplicate_spec(void **state)
{
	char text[256];
	(void)state;
	snprintf(text, sizeof(text), "%stable t u * 乙\n", S_head);
	S_load_fails(text, "test.rules:3:");
}

static void error_missing_words(void **state)
{
	(void)state;
	S_load_fails("field t.a.x 2021\n", "test.rules:1:");
	S_load_fails("field t.a.x 2021 count 甲\ntable t t\n", "test.rules:2:");
	S_load_fails("field t.a.x 2021 count 甲\ntable t t * 甲\nrow t\n", "test.rules:3:");
	S_load_fails("# nothing\n", "no field or table");
	S_load_fails("", "no field or table");
}

static void error_missing_file(void **state)
{
	xxgk_rules *r;
	(void)state;
	assert_int_equal(xxgk_rules_load_file(&r, "/nonexistent/dir/x.rules"), XXGK_ERROR);
	assert_null(r);
	assert_true(fx_contains(xxgk_error_last()->message, "/nonexistent/dir/x.rules"));
}

/* ---- label variants against the built-in patterns ---- */

static const xxgk_spec *S_spec(const xxgk_rules *r, const char *name)
{
	size_t k;
	for (k = 0; k < r->nspecs; k++)
		if (strcmp(r->specs[k].name, name) == 0)
			return &r->specs[k];
	fail_msg("no spec %s", name);
	return NULL;
}

/* The id of the first of `rules` matching the normalized `label`, or "(none)". */
static const char *S_first(const xxgk_rule *rules, size_t n, const char *label)
{
	xxgk_buf norm = XXGK_BUF_INIT;
	pcre2_match_data *md = pcre2_match_data_create(16, NULL);
	const char *id = "(none)";
	size_t i;

	assert_non_null(md);
	assert_int_equal(xxgk_text_normalize(&norm, label, strlen(label)), 0);
	for (i = 0; i < n; i++)
		if (xxgk_rules_match(rules[i].re, norm.ptr, norm.size, md, NULL)) {
			id = rules[i].id;
			break;
		}
	pcre2_match_data_free(md);
	xxgk_buf_dispose(&norm);
	return id;
}

static void S_row_is(const char *spec, const char *label, const char *want)
{
	const xxgk_spec *s = S_spec(S_builtin(), spec);
	const char *got = S_first(s->rows, s->nrows, label);
	if (strcmp(got, want) != 0)
		fail_msg("row \"%s\": %s, expected %s", label, got, want);
}

static void S_col_is(const char *spec, const char *label, const char *want)
{
	const xxgk_spec *s = S_spec(S_builtin(), spec);
	const char *got = S_first(s->cols, s->ncols, label);
	if (strcmp(got, want) != 0)
		fail_msg("column \"%s\": %s, expected %s", label, got, want);
}

static void request_rows(void **state)
{
	(void)state;
	S_row_is("requests", "三.本年度办理结果>(三)不予公开>5.属于三类内部事务信息",
		 "result.withheld.internal_affairs");
	S_row_is("requests", "三、本年度办理结果>（三）不予公开>５．属于三类内部事务信息",
		 "result.withheld.internal_affairs");
	S_row_is("requests", "(六)其他处理>3.其他", "result.other.other");
	S_row_is("requests", "三、本年度办理结果>（六）其他处理>3、其他", "result.other.other");
	S_row_is("requests", "(六)其他处理", "result.other");
	S_row_is("requests", "三.本年度办理结果>（六）其他处理", "result.other");
	S_row_is("requests", "2.其他法律行政止公开", "result.withheld.prohibited_by_law");
	S_row_is("requests", "2.其他法律行政法规禁止公开", "result.withheld.prohibited_by_law");
	S_row_is("requests", "一、本年新收政府信息公开申请数量", "new");
	S_row_is("requests", "二、上年结转政府信息公开申请数量", "carried_over");
	S_row_is("requests", "四、结转下年度继续办理", "carried_forward");
	S_row_is("requests", "三、本年度办理结果>（一）予以公开", "result.disclosed");
	S_row_is("requests", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		 "result.partly_disclosed");
	S_row_is("requests", "（三）不予公开>1.属于国家秘密", "result.withheld.state_secret");
	S_row_is("requests", "3.危及“三安全一稳定”", "result.withheld.security_stability");
	S_row_is("requests", "3.危及『三安全一稳定』", "result.withheld.security_stability");
	S_row_is("requests", "4.保护第三方合法权益", "result.withheld.third_party_rights");
	S_row_is("requests", "6.属于四类过程性信息", "result.withheld.process_info");
	S_row_is("requests", "7.属于行政执法案卷", "result.withheld.enforcement_files");
	S_row_is("requests", "8.属于行政查询事项", "result.withheld.inquiry");
	S_row_is("requests", "（四）无法提供>1.本机关不掌握相关政府信息", "result.unavailable.not_held");
	S_row_is("requests", "2.没有现成信息需要另行制作", "result.unavailable.needs_creation");
	S_row_is("requests", "3.补正后申请内容仍不明确", "result.unavailable.unclear");
	S_row_is("requests", "（五）不予处理>1.信访举报投诉类申请", "result.not_processed.complaint");
	S_row_is("requests", "2.重复申请", "result.not_processed.duplicate");
	S_row_is("requests", "3.要求提供公开出版物", "result.not_processed.publication");
	S_row_is("requests", "4.无正当理由大量反复申请", "result.not_processed.excessive");
	S_row_is("requests", "5.要求行政机关确认或重新出具已获取信息",
		 "result.not_processed.confirmation");
	S_row_is("requests", "（六）其他处理>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
		 "result.other.no_correction");
	S_row_is("requests", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
		 "result.other.unpaid_fee");
	S_row_is("requests", "三、本年度办理结果>（七）总计", "result.total");
	S_row_is("requests", "申请人情况", "(none)");
}

static void request_columns(void **state)
{
	(void)state;
	S_col_is("requests", "申请人情况>法人或其他组织>商业企业", "commercial");
	S_col_is("requests", "申请人情况>法人或其他组织>商业\n企业", "commercial");
	S_col_is("requests", "申请人情况>自然人", "natural_person");
	S_col_is("requests", "申请人情况>法人或其他组织>科研机构", "research");
	S_col_is("requests", "申请人情况>法人或其他组织>社会公益组织", "public_interest");
	S_col_is("requests", "申请人情况>法人或其他组织>法律服务机构", "legal_services");
	S_col_is("requests", "申请人情况>法人或其他组织>其他", "other_org");
	S_col_is("requests", "申请人情况>总计", "total");
	S_col_is("requests", "申请人情况", "(none)");
}

static void appeal_columns(void **state)
{
	(void)state;
	S_col_is("appeals", "行政诉讼>未经复议直接起诉>结果维持", "suit_direct.upheld");
	S_col_is("appeals", "行政诉讼>未经复议直接起诉>总计", "suit_direct.total");
	S_col_is("appeals", "行政诉讼>复议后起诉>结果纠正", "suit_after_review.corrected");
	S_col_is("appeals", "行政诉讼>复议后起诉>尚未审结", "suit_after_review.pending");
	S_col_is("appeals", "行政复议>结果维持", "review.upheld");
	S_col_is("appeals", "行政复议>其他结果", "review.other");
	S_col_is("appeals", "行政复议>总计", "review.total");
	S_row_is("appeals", "", "");
}

static void active_rows_and_columns(void **state)
{
	(void)state;
	S_row_is("active2021", "规章", "rules");
	S_row_is("active2021", "行政规范性文件", "normative_docs");
	S_row_is("active2021", "行政许可", "licensing");
	S_row_is("active2021", "行政事业性收费", "fees");
	S_col_is("active2021", "本年制发件数", "issued");
	S_col_is("active2021", "本年废止件数", "repealed");
	S_col_is("active2021", "现行有效件数", "in_force");
	S_col_is("active2021", "本年处理决定数量", "decisions");
	S_col_is("active2021", "本年收费金额（单位：万元）", "amount");
	S_row_is("active2019", "其他对外管理服务事项", "other_services");
	S_row_is("active2019", "政府集中采购", "procurement");
	S_col_is("active2019", "本年增/减", "items_change");
	S_col_is("active2019", "本年增／减", "items_change");
	S_col_is("active2019", "采购总金额", "amount");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_schema),
		cmocka_unit_test(field_ids_are_lower_case_dotted),
		cmocka_unit_test(field_index),
		cmocka_unit_test(spec_field_table),
		cmocka_unit_test(every_field_reachable),
		cmocka_unit_test(load_small),
		cmocka_unit_test(error_unknown_directive),
		cmocka_unit_test(error_bad_pattern),
		cmocka_unit_test(error_unknown_spec),
		cmocka_unit_test(error_duplicate_field),
		cmocka_unit_test(error_field_kind),
		cmocka_unit_test(error_duplicate_spec),
		cmocka_unit_test(error_missing_words),
		cmocka_unit_test(error_missing_file),
		cmocka_unit_test(request_rows),
		cmocka_unit_test(request_columns),
		cmocka_unit_test(appeal_columns),
		cmocka_unit_test(active_rows_and_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
