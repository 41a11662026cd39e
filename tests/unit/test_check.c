/*
 * test_check.c - the arithmetic checks (extractor/check.c): for each rule a
 * report where it holds and one where it fails, with the exact fields of
 * the warning and the printed and computed numbers; blanks as 0, a blank
 * total beside non-zero parts, absent rows skipped, the 2019 single
 * （六）其他处理 row standing in for the 2021 sub-rows, plausibility of
 * counts and amounts, and the public xxgk_check_report() on a finished
 * report agreeing with the warnings. Reports are built through the internal
 * API with the built-in rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report.h"
#include "rules.h"

static const char *const S_cols[] = {"natural_person", "commercial", "research", "public_interest",
				     "legal_services", "other_org", "total"};

/* The rows of table 三 in a 2021 report, in template order. */
static const char *const S_rows2021[] = {
	"requests.new", "requests.carried_over", "requests.result.disclosed",
	"requests.result.partly_disclosed", "requests.result.withheld.state_secret",
	"requests.result.withheld.prohibited_by_law", "requests.result.withheld.security_stability",
	"requests.result.withheld.third_party_rights", "requests.result.withheld.internal_affairs",
	"requests.result.withheld.process_info", "requests.result.withheld.enforcement_files",
	"requests.result.withheld.inquiry", "requests.result.unavailable.not_held",
	"requests.result.unavailable.needs_creation", "requests.result.unavailable.unclear",
	"requests.result.not_processed.complaint", "requests.result.not_processed.duplicate",
	"requests.result.not_processed.publication", "requests.result.not_processed.excessive",
	"requests.result.not_processed.confirmation", "requests.result.other.no_correction",
	"requests.result.other.unpaid_fee", "requests.result.other.other", "requests.result.total",
	"requests.carried_forward"};
#define NROWS (sizeof(S_rows2021) / sizeof(*S_rows2021))

static const xxgk_rules *S_rules_default(void)
{
	const xxgk_rules *rules = NULL;
	assert_int_equal(xxgk_rules_default(&rules), 0);
	return rules;
}

static int S_idx(const char *id)
{
	int i = xxgk_rules_field_index(S_rules_default(), id, strlen(id));
	if (i < 0)
		fail_msg("no field %s", id);
	return i;
}

static void S_set(xxgk_report *r, const char *id, double v)
{
	assert_int_equal(xxgk_report__set(r, S_idx(id), 0, v, 1, 1, 1, "x", 1), 0);
}

static void S_blank(xxgk_report *r, const char *id)
{
	assert_int_equal(xxgk_report__set(r, S_idx(id), 1, 0, 1, 1, 1, "", 0), 0);
}

/* Overwrite a value already set (xxgk_report__set keeps the first reading). */
static void S_force(xxgk_report *r, const char *id, int is_null, double v)
{
	int i = S_idx(id);
	r->values[i].is_null = is_null;
	r->values[i].number = is_null ? 0 : v;
}

static void S_forget(xxgk_report *r, const char *id)
{
	r->has[S_idx(id)] = 0;
}

static void S_row(xxgk_report *r, const char *row, const double v[7])
{
	char id[160];
	size_t c;

	for (c = 0; c < 7; c++) {
		snprintf(id, sizeof(id), "%s.%s", row, S_cols[c]);
		S_set(r, id, v[c]);
	}
}

/*
 * The seed report's numbers (重庆市巴南区市场监督管理局 2024): 6 new requests
 * from natural persons, 1 disclosed, 2 + 2 withheld, 1 not held; one direct
 * suit upheld. Consistent under every rule.
 */
static xxgk_report *S_consistent(int with_2019_other)
{
	static const double zero[7] = {0, 0, 0, 0, 0, 0, 0};
	xxgk_report *r = NULL;
	size_t k;

	assert_int_equal(xxgk_report__new(&r, S_rules_default(), "t.docx"), 0);
	for (k = 0; k < NROWS; k++) {
		const char *row = S_rows2021[k];
		if (with_2019_other && strncmp(row, "requests.result.other.", 22) == 0)
			continue;
		S_row(r, row, zero);
	}
	if (with_2019_other)
		S_row(r, "requests.result.other", zero);
	S_force(r, "requests.new.natural_person", 0, 6);
	S_force(r, "requests.new.total", 0, 6);
	S_force(r, "requests.result.disclosed.natural_person", 0, 1);
	S_force(r, "requests.result.disclosed.total", 0, 1);
	S_force(r, "requests.result.withheld.internal_affairs.natural_person", 0, 2);
	S_force(r, "requests.result.withheld.internal_affairs.total", 0, 2);
	S_force(r, "requests.result.withheld.enforcement_files.natural_person", 0, 2);
	S_force(r, "requests.result.withheld.enforcement_files.total", 0, 2);
	S_force(r, "requests.result.unavailable.not_held.natural_person", 0, 1);
	S_force(r, "requests.result.unavailable.not_held.total", 0, 1);
	S_force(r, "requests.result.total.natural_person", 0, 6);
	S_force(r, "requests.result.total.total", 0, 6);
	S_set(r, "appeals.review.upheld", 0);
	S_set(r, "appeals.review.corrected", 0);
	S_set(r, "appeals.review.other", 0);
	S_set(r, "appeals.review.pending", 0);
	S_set(r, "appeals.review.total", 0);
	S_set(r, "appeals.suit_direct.upheld", 1);
	S_set(r, "appeals.suit_direct.corrected", 0);
	S_set(r, "appeals.suit_direct.other", 0);
	S_blank(r, "appeals.suit_direct.pending");
	S_set(r, "appeals.suit_direct.total", 1);
	S_set(r, "appeals.suit_after_review.upheld", 0);
	S_set(r, "appeals.suit_after_review.corrected", 0);
	S_set(r, "appeals.suit_after_review.other", 0);
	S_set(r, "appeals.suit_after_review.pending", 0);
	S_blank(r, "appeals.suit_after_review.total");
	S_set(r, "active.licensing.decisions", 26915);
	S_set(r, "active.fees.amount", 5.4195);
	return r;
}

/* Run the checks, finish the report, and return how many check.* warnings it has. */
static size_t S_check(xxgk_report *r)
{
	size_t i, n = 0;

	assert_int_equal(xxgk_check__report(r), 0);
	xxgk_report__finish(r);
	for (i = 0; i < xxgk_report_warning_count(r); i++)
		n += strncmp(xxgk_report_warning(r, i)->code, "check.", 6) == 0;
	return n;
}

/* The one check.* warning with `code`; fails the test unless there is exactly one. */
static const xxgk_warning *S_only(const xxgk_report *r, const char *code)
{
	const xxgk_warning *found = NULL;
	size_t i;

	for (i = 0; i < xxgk_report_warning_count(r); i++) {
		const xxgk_warning *w = xxgk_report_warning(r, i);
		if (strcmp(w->code, code) != 0)
			continue;
		if (found)
			fail_msg("two %s warnings: %s / %s", code, found->message, w->message);
		found = w;
	}
	if (!found)
		fail_msg("no %s warning", code);
	return found;
}

/* row.c0,row.c1,... for the columns named in `cols` (NULL-terminated). */
static void S_ids(char *out, size_t cap, const char *row, const char *const *cols)
{
	size_t k, used = 0;

	out[0] = '\0';
	for (k = 0; cols[k]; k++)
		used += (size_t)snprintf(out + used, cap - used, "%s%s.%s", k ? "," : "", row, cols[k]);
}

static void S_tally(const xxgk_report *r, xxgk_check_tally t[XXGK_CHECK_NRULES])
{
	assert_int_equal(xxgk_check_report(t, r, NULL, NULL), 0);
}

/* ---- everything consistent ---------------------------------------------- */

static void test_consistent_2021(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(0);

	(void)state;
	assert_int_equal(S_check(r), 0);
	S_tally(r, t);
	assert_string_equal(t[XXGK_CHECK_ROW_TOTAL].code, "check.row_total");
	assert_int_equal(t[XXGK_CHECK_ROW_TOTAL].evaluated, 25);
	assert_int_equal(t[XXGK_CHECK_BALANCE].evaluated, 7);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].evaluated, 7);
	assert_int_equal(t[XXGK_CHECK_APPEALS_TOTAL].evaluated, 3);
	assert_int_equal(t[XXGK_CHECK_PLAUSIBLE].evaluated, 25 * 7 + 15 - 2 + 2);
	assert_int_equal(t[0].failed + t[1].failed + t[2].failed + t[3].failed + t[4].failed, 0);
	xxgk_report_free(r);
}

static void test_consistent_2019(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(1);

	(void)state;
	S_force(r, "requests.result.other.natural_person", 0, 1);
	S_force(r, "requests.result.other.total", 0, 1);
	S_force(r, "requests.result.total.natural_person", 0, 7);
	S_force(r, "requests.result.total.total", 0, 7);
	S_force(r, "requests.carried_over.natural_person", 0, 1);
	S_force(r, "requests.carried_over.total", 0, 1);
	assert_int_equal(S_check(r), 0);
	S_tally(r, t);
	assert_int_equal(t[XXGK_CHECK_ROW_TOTAL].evaluated, 23);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].evaluated, 7);
	xxgk_report_free(r);
}

/* ---- 1. row totals ------------------------------------------------------ */

static void test_row_total_zero_beside_items(void **state)
{
	static const char *const parts[] = {"total", "natural_person", "commercial", "research",
					    "public_interest", "legal_services", "other_org", NULL};
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;
	char ids[1024];

	(void)state;
	/* 总计 printed 0 beside 6 natural persons: the row fails, and so does the balance
	 * of the 总计 column (0 + 0 received against 6 + 0 settled) */
	S_force(r, "requests.new.total", 0, 0);
	assert_int_equal(S_check(r), 2);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.row_total");
	S_ids(ids, sizeof(ids), "requests.new", parts);
	assert_string_equal(w->fields, ids);
	assert_string_equal(w->message, "row 一、本年新收政府信息公开申请数量: 总计 is 0, but the 6 "
					"applicant columns add up to 6 (自然人 6; the others are 0 or blank)");
	w = xxgk_report_warning(r, 1);
	assert_string_equal(w->code, "check.balance");
	assert_string_equal(w->fields, "requests.new.total,requests.carried_over.total,"
				       "requests.result.total.total,requests.carried_forward.total");
	xxgk_report_free(r);
}

static void test_row_total_blank(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	/* a blank total whose parts are all 0 holds; a blank total beside 1 fails, and the
	 * 总计 column of the result rows then adds up to 5 against the printed 6 */
	S_force(r, "requests.result.partly_disclosed.total", 1, 0);
	S_force(r, "requests.result.disclosed.total", 1, 0);
	assert_int_equal(S_check(r), 2);
	w = S_only(r, "check.row_total");
	assert_non_null(strstr(w->fields, "requests.result.disclosed.total,"));
	assert_string_equal(w->message, "row 三、本年度办理结果 （一）予以公开: 总计 is blank, but the 6 "
					"applicant columns add up to 1 (自然人 1; the others are 0 or blank)");
	w = S_only(r, "check.result_total");
	assert_non_null(strstr(w->message, "column 总计: （七）总计 is 6, but the 21 result rows add up to 5"));
	S_tally(r, t);
	assert_int_equal(t[XXGK_CHECK_ROW_TOTAL].failed, 1);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].failed, 1);
	xxgk_report_free(r);
}

static void test_row_total_absent_skipped(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(0);
	size_t c;
	char id[160];

	(void)state;
	/* a report without the row 8.属于行政查询事项 and without the 科研机构 cell of
	 * 四、结转下年度继续办理: the row is in no sum, the cell is left out of its row's
	 * sum, and the balance of 科研机构, which needs all four rows, is not evaluated */
	for (c = 0; c < 7; c++) {
		snprintf(id, sizeof(id), "requests.result.withheld.inquiry.%s", S_cols[c]);
		S_forget(r, id);
	}
	S_forget(r, "requests.carried_forward.research");
	assert_int_equal(S_check(r), 0);
	S_tally(r, t);
	assert_int_equal(t[XXGK_CHECK_ROW_TOTAL].evaluated, 24);
	assert_int_equal(t[XXGK_CHECK_BALANCE].evaluated, 6);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].evaluated, 7);
	xxgk_report_free(r);
}

/* ---- 2. balance --------------------------------------------------------- */

static void test_balance(void **state)
{
	xxgk_check_failure seen;
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	memset(&seen, 0, sizeof(seen));
	/* one more carried forward in 社会公益组织, row total kept right */
	S_force(r, "requests.carried_forward.public_interest", 0, 1);
	S_force(r, "requests.carried_forward.total", 0, 1);
	assert_int_equal(S_check(r), 2);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.balance");
	assert_string_equal(w->fields, "requests.new.public_interest,requests.carried_over.public_interest,"
				       "requests.result.total.public_interest,"
				       "requests.carried_forward.public_interest");
	assert_string_equal(w->message,
			    "column 法人或其他组织 / 社会公益组织: 一、本年新收政府信息公开申请数量 0 + "
			    "二、上年结转政府信息公开申请数量 0 = 0, but （七）总计 0 + 四、结转下年度继续办理 1 = 1");
	w = xxgk_report_warning(r, 1);
	assert_string_equal(w->code, "check.balance");
	assert_non_null(strstr(w->message, "column 总计: 一、本年新收政府信息公开申请数量 6 + "
					   "二、上年结转政府信息公开申请数量 0 = 6, but （七）总计 6 + "
					   "四、结转下年度继续办理 1 = 7"));
	xxgk_report_free(r);
}

/* ---- 3. result total ---------------------------------------------------- */

static int S_keep_first(const xxgk_check_failure *f, void *payload)
{
	xxgk_check_failure *out = payload;
	if (!out->code) {
		*out = *f;
		out->fields = out->message = NULL;
		out->code = "seen";
	}
	return 0;
}

static void test_result_total(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_check_failure first;
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	/* the result rows of 自然人 sum to 27 against a printed 21 (and 21 balances) */
	S_force(r, "requests.new.natural_person", 0, 21);
	S_force(r, "requests.new.total", 0, 21);
	S_force(r, "requests.result.total.natural_person", 0, 21);
	S_force(r, "requests.result.total.total", 0, 21);
	S_force(r, "requests.result.disclosed.natural_person", 0, 22);
	S_force(r, "requests.result.disclosed.total", 0, 22);
	assert_int_equal(S_check(r), 2);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.result_total");
	assert_non_null(strstr(w->fields, "requests.result.total.natural_person,"
					  "requests.result.disclosed.natural_person,"));
	assert_non_null(strstr(w->fields, ",requests.result.other.other.natural_person"));
	assert_null(strstr(w->fields, "requests.result.other.natural_person"));
	assert_string_equal(w->message,
			    "column 自然人: （七）总计 is 21, but the 21 result rows add up to 27 "
			    "(三、本年度办理结果 （一）予以公开 22, 5.属于三类内部事务信息 2, 7.属于行政执法案卷 2, "
			    "（四）无法提供 1.本机关不掌握相关政府信息 1; the others are 0 or blank)");
	assert_string_equal(xxgk_report_warning(r, 1)->code, "check.result_total");
	memset(&first, 0, sizeof(first));
	assert_int_equal(xxgk_check_report(t, r, S_keep_first, &first), 0);
	assert_int_equal(first.rule, XXGK_CHECK_RESULT_TOTAL);
	assert_int_equal(first.is_sum, 1);
	assert_int_equal(first.printed_is_null, 0);
	assert_true(first.printed == 21 && first.computed == 27);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].failed, 2);
	assert_int_equal(t[XXGK_CHECK_RESULT_TOTAL].evaluated, 7);
	xxgk_report_free(r);
}

static void test_result_total_2019_row_stands_in(void **state)
{
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	/* a hybrid report with both the 2021 sub-rows and a 2019 single row:
	 * the single row is not added on top of the sub-rows */
	S_set(r, "requests.result.other.natural_person", 1);
	S_set(r, "requests.result.other.total", 1);
	S_force(r, "requests.result.other.other.natural_person", 0, 1);
	S_force(r, "requests.result.other.other.total", 0, 1);
	S_force(r, "requests.result.total.natural_person", 0, 7);
	S_force(r, "requests.result.total.total", 0, 7);
	S_force(r, "requests.carried_over.natural_person", 0, 1);
	S_force(r, "requests.carried_over.total", 0, 1);
	/* other.* columns other than natural_person / total are absent: the sub-rows' zeros
	 * of those columns stand, the single row is used for none of them */
	assert_int_equal(S_check(r), 0);
	xxgk_report_free(r);

	/* without the sub-rows the 2019 row counts, and a wrong total shows it */
	r = S_consistent(1);
	S_force(r, "requests.result.other.natural_person", 0, 3);
	S_force(r, "requests.result.other.total", 0, 3);
	assert_int_equal(S_check(r), 2); /* 自然人 and 总计 */
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.result_total");
	assert_non_null(strstr(w->fields, ",requests.result.other.natural_person"));
	assert_null(strstr(w->fields, "requests.result.other.other"));
	assert_non_null(strstr(w->message, "the 19 result rows add up to 9"));
	xxgk_report_free(r);
}

/* ---- 4. appeals --------------------------------------------------------- */

static void test_appeals(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	S_force(r, "appeals.suit_direct.total", 0, 2); /* off by one */
	S_force(r, "appeals.review.pending", 0, 1);    /* beside a total of 0 */
	assert_int_equal(S_check(r), 2);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.appeals_total");
	assert_string_equal(w->fields, "appeals.review.total,appeals.review.upheld,appeals.review.corrected,"
				       "appeals.review.other,appeals.review.pending");
	assert_string_equal(w->message, "row 行政复议: 总计 is 0, but the 4 outcomes add up to 1 (尚未审结 1; "
					"the others are 0 or blank)");
	w = xxgk_report_warning(r, 1);
	assert_string_equal(w->code, "check.appeals_total");
	assert_string_equal(w->message, "row 行政诉讼 / 未经复议直接起诉: 总计 is 2, but the 4 outcomes add up "
					"to 1 (结果维持 1; the others are 0 or blank)");
	S_tally(r, t);
	assert_int_equal(t[XXGK_CHECK_APPEALS_TOTAL].evaluated, 3);
	assert_int_equal(t[XXGK_CHECK_APPEALS_TOTAL].failed, 2);
	xxgk_report_free(r);
}

static void test_appeals_blank_total_of_zeros_holds(void **state)
{
	xxgk_report *r = S_consistent(0);

	(void)state;
	/* suit_after_review.total is blank beside four 0 (S_consistent): holds */
	assert_int_equal(S_check(r), 0);
	xxgk_report_free(r);
}

/* ---- 5. plausibility ---------------------------------------------------- */

static void test_plausible(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = S_consistent(0);
	const xxgk_warning *w;

	(void)state;
	S_set(r, "active.penalty.decisions", -3);
	S_set(r, "active.enforcement.decisions", 2.5);
	S_set(r, "active.licensing.items_change", -4);     /* may be negative */
	S_set(r, "active.fees.items_change", -1.5);        /* but whole */
	S_set(r, "active.procurement.amount", -0.5);       /* amounts not negative */
	S_force(r, "active.fees.amount", 0, 0.25);          /* fractions of 万元 are fine */
	assert_int_equal(S_check(r), 4);
	w = xxgk_report_warning(r, 0);
	assert_string_equal(w->code, "check.plausible");
	assert_string_equal(w->fields, "active.penalty.decisions");
	assert_string_equal(w->message, "行政处罚 / 本年处理决定数量（2019: 处理决定数量） is -3: a count "
					"cannot be negative");
	w = xxgk_report_warning(r, 1);
	assert_string_equal(w->fields, "active.enforcement.decisions");
	assert_non_null(strstr(w->message, "is 2.5: a count must be a whole number"));
	w = xxgk_report_warning(r, 2);
	assert_string_equal(w->fields, "active.fees.items_change");
	assert_non_null(strstr(w->message, "is -1.5: a count must be a whole number"));
	w = xxgk_report_warning(r, 3);
	assert_string_equal(w->fields, "active.procurement.amount");
	assert_non_null(strstr(w->message, "is -0.5: an amount cannot be negative"));
	S_tally(r, t);
	assert_int_equal(t[XXGK_CHECK_PLAUSIBLE].failed, 4);
	xxgk_report_free(r);
}

static void test_plausible_negative_fraction_in_sum(void **state)
{
	xxgk_report *r = S_consistent(0);

	(void)state;
	/* -1 in a part: plausible fails, and the row total 0 against -1 fails */
	S_force(r, "requests.result.partly_disclosed.research", 0, -1);
	/* plausible; the row total 0 against -1; the result total of 科研机构 0 against -1.
	 * The balance of 科研机构 reads the printed （七）总计 and holds. */
	assert_int_equal(S_check(r), 3);
	S_only(r, "check.plausible");
	S_only(r, "check.row_total");
	S_only(r, "check.result_total");
	xxgk_report_free(r);
}

/* ---- the checks change nothing ------------------------------------------ */

static void test_values_untouched(void **state)
{
	xxgk_report *r = S_consistent(0);
	const xxgk_value *v;

	(void)state;
	S_force(r, "requests.new.total", 1, 0);
	assert_int_equal(S_check(r), 2);
	v = xxgk_report_get(r, "requests.new.total");
	assert_non_null(v);
	assert_int_equal(v->is_null, 1);
	v = xxgk_report_get(r, "requests.new.natural_person");
	assert_true(v && !v->is_null && v->number == 6);
	assert_int_equal(xxgk_report_value_count(r), 25 * 7 + 15 + 2);
	xxgk_report_free(r);
}

static void test_empty_report(void **state)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	xxgk_report *r = NULL;
	size_t k;

	(void)state;
	assert_int_equal(xxgk_report__new(&r, S_rules_default(), "t.docx"), 0);
	assert_int_equal(S_check(r), 0);
	S_tally(r, t);
	for (k = 0; k < XXGK_CHECK_NRULES; k++) {
		assert_non_null(t[k].summary);
		assert_int_equal(t[k].evaluated, 0);
	}
	xxgk_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consistent_2021),
		cmocka_unit_test(test_consistent_2019),
		cmocka_unit_test(test_row_total_zero_beside_items),
		cmocka_unit_test(test_row_total_blank),
		cmocka_unit_test(test_row_total_absent_skipped),
		cmocka_unit_test(test_balance),
		cmocka_unit_test(test_result_total),
		cmocka_unit_test(test_result_total_2019_row_stands_in),
		cmocka_unit_test(test_appeals),
		cmocka_unit_test(test_appeals_blank_total_of_zeros_holds),
		cmocka_unit_test(test_plausible),
		cmocka_unit_test(test_plausible_negative_fraction_in_sum),
		cmocka_unit_test(test_values_untouched),
		cmocka_unit_test(test_empty_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
