/*
 * check.c - the report's own arithmetic (勾稽关系). Every rule is one line
 * of S_rules below: the instances it runs over (rows or columns), the
 * printed side and the parts; the field ids are generated as
 * <row>.<column>. docs/checks.md states the same rules in prose.
 *
 * In sums a blank (null) cell counts as 0, so a blank total beside parts
 * that add up to more than 0 fails. A field the report does not have at all
 * (its row or column is missing) is left out of a sum; an instance whose
 * totals are missing, or whose parts are all missing, is not evaluated.
 * Checks read values and never change one.
 */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "rules.h"

/* ---- the rules, as data ------------------------------------------------- */

/* The six applicant columns of table 三, then its 总计 column. */
static const char *const S_applicants[] = {
	"natural_person", "commercial", "research", "public_interest", "legal_services",
	"other_org", NULL};
static const char *const S_columns[] = {
	"natural_person", "commercial", "research", "public_interest", "legal_services",
	"other_org", "total", NULL};
static const char *const S_total[] = {"total", NULL};

/* The result rows （一）–（六） of 三、本年度办理结果: the 2021 template's three
 * （六）其他处理 sub-rows, then the 2019 template's single （六）其他处理 row. */
#define S_RESULT_ROWS                                                                   \
	"requests.result.disclosed", "requests.result.partly_disclosed",                \
	"requests.result.withheld.state_secret",                                        \
	"requests.result.withheld.prohibited_by_law",                                   \
	"requests.result.withheld.security_stability",                                  \
	"requests.result.withheld.third_party_rights",                                  \
	"requests.result.withheld.internal_affairs",                                    \
	"requests.result.withheld.process_info",                                        \
	"requests.result.withheld.enforcement_files", "requests.result.withheld.inquiry", \
	"requests.result.unavailable.not_held", "requests.result.unavailable.needs_creation", \
	"requests.result.unavailable.unclear", "requests.result.not_processed.complaint", \
	"requests.result.not_processed.duplicate",                                      \
	"requests.result.not_processed.publication",                                    \
	"requests.result.not_processed.excessive",                                      \
	"requests.result.not_processed.confirmation",                                   \
	"requests.result.other.no_correction", "requests.result.other.unpaid_fee",      \
	"requests.result.other.other", "requests.result.other"

static const char *const S_result_rows[] = {S_RESULT_ROWS, NULL};
static const char *const S_request_rows[] = {
	"requests.new", "requests.carried_over", S_RESULT_ROWS, "requests.result.total",
	"requests.carried_forward", NULL};
static const char *const S_received[] = {"requests.new", "requests.carried_over", NULL};
static const char *const S_settled[] = {"requests.result.total", "requests.carried_forward", NULL};
static const char *const S_result_total[] = {"requests.result.total", NULL};

/* The rows of table 四 and the four outcomes that make up each 总计. */
static const char *const S_appeal_rows[] = {
	"appeals.review", "appeals.suit_direct", "appeals.suit_after_review", NULL};
static const char *const S_outcomes[] = {"upheld", "corrected", "other", "pending", NULL};

/* A part that stands in for others and is summed only when the report has
 * none of them: the 2019 single row （六）其他处理 for the 2021 sub-rows. */
static const char *const S_other_subrows[] = {
	"requests.result.other.no_correction", "requests.result.other.unpaid_fee",
	"requests.result.other.other", NULL};
static const struct {
	const char *part;
	const char *const *instead_of;
} S_stand_ins[] = {
	{"requests.result.other", S_other_subrows},
};

/* check.plausible: counts whose last id component may be negative. */
static const char *const S_signed_counts[] = {"items_change", NULL};

typedef enum { S_EACH_ROW, S_EACH_COLUMN, S_EACH_VALUE } S_each;

typedef struct {
	xxgk_check_rule rule;
	const char *code;
	const char *summary;
	S_each each;                  /* an instance is a row (items are columns) or a column */
	const char *const *instances;
	const char *const *totals;    /* the printed side */
	const char *const *parts;     /* the computed side */
	const char *parts_noun;       /* how the message names the parts */
	int all_present;              /* evaluate only when every total and part is present */
} S_rule;

static const S_rule S_rules[XXGK_CHECK_NRULES] = {
	{XXGK_CHECK_ROW_TOTAL, "check.row_total",
	 "table 三, each row: 总计 = 自然人 + the five 法人或其他组织 columns",
	 S_EACH_ROW, S_request_rows, S_total, S_applicants, "applicant columns", 0},
	{XXGK_CHECK_BALANCE, "check.balance",
	 "table 三, each column: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
	 S_EACH_COLUMN, S_columns, S_received, S_settled, NULL, 1},
	{XXGK_CHECK_RESULT_TOTAL, "check.result_total",
	 "table 三, each column: （七）总计 = the sum of the result rows （一） to （六）",
	 S_EACH_COLUMN, S_columns, S_result_total, S_result_rows, "result rows", 0},
	{XXGK_CHECK_APPEALS_TOTAL, "check.appeals_total",
	 "table 四, 行政复议 and both 行政诉讼: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
	 S_EACH_ROW, S_appeal_rows, S_total, S_outcomes, "outcomes", 0},
	{XXGK_CHECK_PLAUSIBLE, "check.plausible",
	 "every count is a whole number, not negative (本年增/减 may be); every amount is not negative",
	 S_EACH_VALUE, NULL, NULL, NULL, NULL, 0},
};

/* ---- evaluation --------------------------------------------------------- */

enum { S_ABSENT = 0, S_NULL, S_NUMBER };
#define S_MAX_TERMS 64
#define S_MAX_COMPS 8
#define S_MAX_TOTALS 2
#define S_MAX_PARTS 24
#define S_MAX_STANDS 4

/* ---- the plan: every rule's field ids resolved once per schema ---------- */

/* One instance (a row or a column) of a sum rule, as schema indexes (-1
 * when the schema has no such field). */
typedef struct {
	int totals[S_MAX_TOTALS];
	int parts[S_MAX_PARTS];
	int stand[S_MAX_PARTS][S_MAX_STANDS]; /* a part is left out when one of these is present */
	size_t ntotals, nparts, nstand[S_MAX_PARTS];
} S_inst;

struct xxgk_check_plan {
	S_inst *inst[XXGK_CHECK_NRULES];
	size_t ninst[XXGK_CHECK_NRULES];
};

static int S_index(const xxgk_rules *rules, const S_rule *rule, const char *inst, const char *item)
{
	char id[256];
	int n = rule->each == S_EACH_ROW ? snprintf(id, sizeof(id), "%s.%s", inst, item)
					 : snprintf(id, sizeof(id), "%s.%s", item, inst);

	if (n < 0 || (size_t)n >= sizeof(id))
		return -1;
	return xxgk_rules_field_index(rules, id, (size_t)n);
}

/* The fields whose presence leaves `part` out of this instance's sum; -1
 * when there are more than S_inst holds. */
static int S_plan_stands(const xxgk_rules *rules, const S_rule *rule, const char *inst,
			 const char *part, S_inst *in, size_t k)
{
	size_t i, j;

	in->nstand[k] = 0;
	for (i = 0; i < sizeof(S_stand_ins) / sizeof(*S_stand_ins); i++) {
		if (strcmp(S_stand_ins[i].part, part) != 0)
			continue;
		for (j = 0; S_stand_ins[i].instead_of[j]; j++) {
			if (in->nstand[k] == S_MAX_STANDS)
				return -1;
			in->stand[k][in->nstand[k]++] =
				S_index(rules, rule, inst, S_stand_ins[i].instead_of[j]);
		}
	}
	return 0;
}

/* Resolve one instance; -1 when the rule has more terms than S_inst holds. */
static int S_plan_inst(const xxgk_rules *rules, const S_rule *rule, const char *inst, S_inst *in)
{
	size_t k;

	for (k = 0; rule->totals[k]; k++) {
		if (k == S_MAX_TOTALS)
			return -1;
		in->totals[k] = S_index(rules, rule, inst, rule->totals[k]);
	}
	in->ntotals = k;
	for (k = 0; rule->parts[k]; k++) {
		if (k == S_MAX_PARTS)
			return -1;
		in->parts[k] = S_index(rules, rule, inst, rule->parts[k]);
		if (S_plan_stands(rules, rule, inst, rule->parts[k], in, k) < 0)
			return -1;
	}
	in->nparts = k;
	return 0;
}

int xxgk_check__plan_new(xxgk_check_plan **out, const xxgk_rules *rules)
{
	xxgk_check_plan *p = calloc(1, sizeof(*p));
	size_t k, i, n;

	if (!(*out = p))
		return xxgk_error_oom();
	for (k = 0; k < XXGK_CHECK_NRULES; k++) {
		const S_rule *rule = &S_rules[k];
		for (n = 0; rule->instances && rule->instances[n]; n++)
			;
		if (n && !(p->inst[k] = calloc(n, sizeof(S_inst)))) {
			xxgk_check__plan_free(p);
			*out = NULL;
			return xxgk_error_oom();
		}
		for (i = 0; i < n; i++)
			if (S_plan_inst(rules, rule, rule->instances[i], &p->inst[k][i]) < 0) {
				xxgk_check__plan_free(p);
				*out = NULL;
				return xxgk_error_set(XXGK_ERROR, "check rule %s has more terms than "
						      "check.c's S_inst holds", rule->code);
			}
		p->ninst[k] = n;
	}
	return 0;
}

void xxgk_check__plan_free(xxgk_check_plan *p)
{
	size_t k;

	if (!p)
		return;
	for (k = 0; k < XXGK_CHECK_NRULES; k++)
		free(p->inst[k]);
	free(p);
}

/* ---- evaluation, continued ---------------------------------------------- */

typedef struct {
	const xxgk_rules *rules;
	const xxgk_check_plan *plan;
	unsigned char *state;         /* per schema field: S_ABSENT, S_NULL or S_NUMBER */
	double *num;
	xxgk_check_tally *tally;      /* XXGK_CHECK_NRULES entries */
	xxgk_check_cb cb;
	void *payload;
	xxgk_buf fields, msg;
	int terms[S_MAX_TERMS];       /* field indexes: the totals, then the parts */
	size_t ntotals, nterms;
} S_run;

static int S_present(const S_run *run, int idx)
{
	return idx >= 0 && run->state[idx] != S_ABSENT;
}

/* 1 when part k stands in for parts of which the report has one here. */
static int S_stood_in(const S_run *run, const S_inst *in, size_t k)
{
	size_t j;

	for (j = 0; j < in->nstand[k]; j++)
		if (S_present(run, in->stand[k][j]))
			return 1;
	return 0;
}

/* Gather the instance's terms; 0 when the instance is not evaluated. */
static int S_gather(S_run *run, const S_rule *rule, const S_inst *in)
{
	size_t k;

	run->nterms = 0;
	for (k = 0; k < in->ntotals; k++) {
		if (!S_present(run, in->totals[k]))
			return 0;
		run->terms[run->nterms++] = in->totals[k];
	}
	run->ntotals = run->nterms;
	for (k = 0; k < in->nparts && run->nterms < S_MAX_TERMS; k++) {
		if (S_stood_in(run, in, k))
			continue;
		if (!S_present(run, in->parts[k])) {
			if (rule->all_present)
				return 0;
			continue;
		}
		run->terms[run->nterms++] = in->parts[k];
	}
	return run->nterms > run->ntotals;
}

static double S_sum(const S_run *run, size_t from, size_t to, int *all_null)
{
	double s = 0;
	size_t k;

	*all_null = 1;
	for (k = from; k < to; k++) {
		if (run->state[run->terms[k]] == S_NUMBER) {
			s += run->num[run->terms[k]];
			*all_null = 0;
		}
	}
	return s;
}

static int S_same(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* ---- messages ----------------------------------------------------------- */

typedef struct {
	const char *p[S_MAX_COMPS];
	size_t len[S_MAX_COMPS];
	size_t n;
} S_comps;

/* Split a schema label at " / " into its components (row, column path). */
static void S_split(S_comps *c, const char *label)
{
	const char *p = label, *e;

	c->n = 0;
	while (c->n < S_MAX_COMPS - 1 && (e = strstr(p, " / ")) != NULL) {
		c->p[c->n] = p;
		c->len[c->n++] = (size_t)(e - p);
		p = e + 3;
	}
	c->p[c->n] = p;
	c->len[c->n++] = strlen(p);
}

static int S_comp_eq(const S_comps *a, size_t i, const S_comps *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

static int S_put_comps(xxgk_buf *out, const S_comps *c, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if ((k > from && xxgk_buf_puts(out, " / ") < 0) || xxgk_buf_put(out, c->p[k], c->len[k]) < 0)
			return XXGK_ENOMEM;
	return 0;
}

static int S_put_num(xxgk_buf *out, int is_null, double v)
{
	return is_null ? xxgk_buf_puts(out, "blank") : xxgk_buf_printf(out, "%.15g", v);
}

/* "a 6 + b 0 = 6": every term of [from, to) with its value, then the sum. */
static int S_put_terms(xxgk_buf *out, const S_run *run, const S_comps *c, size_t pre, size_t suf,
		       size_t from, size_t to, double sum)
{
	size_t k;

	for (k = from; k < to; k++) {
		int t = run->terms[k];
		if ((k > from && xxgk_buf_puts(out, " + ") < 0) ||
		    S_put_comps(out, &c[k], pre, c[k].n - suf) < 0 || xxgk_buf_putc(out, ' ') < 0 ||
		    S_put_num(out, run->state[t] != S_NUMBER, run->num[t]) < 0)
			return XXGK_ENOMEM;
	}
	return xxgk_buf_printf(out, " = %.15g", sum);
}

/* "the 6 applicant columns add up to 7 (自然人 6, 其他 1; the others are 0 or blank)" */
static int S_put_parts(xxgk_buf *out, const S_run *run, const S_rule *rule, const S_comps *c,
		       size_t pre, size_t suf, double sum)
{
	size_t k, shown = 0, n = run->nterms - run->ntotals;

	if (xxgk_buf_printf(out, "the %zu %s add up to %.15g (", n, rule->parts_noun, sum) < 0)
		return XXGK_ENOMEM;
	for (k = run->ntotals; k < run->nterms; k++) {
		int t = run->terms[k];
		if (run->state[t] != S_NUMBER || run->num[t] == 0)
			continue;
		if ((shown++ && xxgk_buf_puts(out, ", ") < 0) ||
		    S_put_comps(out, &c[k], pre, c[k].n - suf) < 0 ||
		    xxgk_buf_printf(out, " %.15g", run->num[t]) < 0)
			return XXGK_ENOMEM;
	}
	if (!shown)
		return xxgk_buf_puts(out, "all 0 or blank)");
	return xxgk_buf_puts(out, shown < n ? "; the others are 0 or blank)" : ")");
}

/* How many leading (and trailing) label components all terms share; every
 * term keeps at least one component of its own. */
static void S_common(const S_comps *c, size_t n, size_t *pre, size_t *suf)
{
	size_t k, minlen = S_MAX_COMPS;
	int same = 1;

	for (k = 0; k < n; k++)
		minlen = c[k].n < minlen ? c[k].n : minlen;
	for (*pre = 0; same && *pre + 1 < minlen; *pre += (size_t)same)
		for (k = 1; k < n && same; k++)
			same = S_comp_eq(&c[0], *pre, &c[k], *pre);
	same = 1;
	for (*suf = 0; same && *pre + *suf + 1 < minlen; *suf += (size_t)same)
		for (k = 1; k < n && same; k++)
			same = S_comp_eq(&c[0], c[0].n - 1 - *suf, &c[k], c[k].n - 1 - *suf);
}

/*
 * "row 一、本年新收政府信息公开申请数量: 总计 is 6, but the 6 applicant
 * columns add up to 7 (自然人 6, 法人或其他组织 / 商业企业 1; ...)"
 */
static int S_sum_message(S_run *run, const S_rule *rule, double printed, int pnull, double computed)
{
	S_comps c[S_MAX_TERMS];
	size_t k, pre, suf;
	xxgk_buf *out = &run->msg;

	for (k = 0; k < run->nterms; k++)
		S_split(&c[k], run->rules->fields[run->terms[k]].label);
	S_common(c, run->nterms, &pre, &suf);
	xxgk_buf_clear(out);
	if (xxgk_buf_puts(out, rule->each == S_EACH_ROW ? "row " : "column ") < 0 ||
	    S_put_comps(out, &c[0], 0, pre) < 0 ||
	    (pre && suf && xxgk_buf_puts(out, " / ") < 0) ||
	    S_put_comps(out, &c[0], c[0].n - suf, c[0].n) < 0 || xxgk_buf_puts(out, ": ") < 0)
		return XXGK_ENOMEM;
	if (run->ntotals == 1) {
		if (S_put_comps(out, &c[0], pre, c[0].n - suf) < 0 || xxgk_buf_puts(out, " is ") < 0 ||
		    S_put_num(out, pnull, printed) < 0)
			return XXGK_ENOMEM;
	} else if (S_put_terms(out, run, c, pre, suf, 0, run->ntotals, printed) < 0)
		return XXGK_ENOMEM;
	if (xxgk_buf_puts(out, ", but ") < 0)
		return XXGK_ENOMEM;
	if (rule->parts_noun)
		return S_put_parts(out, run, rule, c, pre, suf, computed);
	return S_put_terms(out, run, c, pre, suf, run->ntotals, run->nterms, computed);
}

static int S_report(S_run *run, const S_rule *rule, int is_sum, int pnull, double printed,
		    double computed)
{
	xxgk_check_failure f;
	size_t k;

	run->tally[rule->rule].failed++;
	if (!run->cb)
		return 0;
	xxgk_buf_clear(&run->fields);
	for (k = 0; k < run->nterms; k++)
		if (xxgk_buf_printf(&run->fields, "%s%s", k ? "," : "",
				    run->rules->fields[run->terms[k]].id) < 0)
			return xxgk_error_oom();
	f.rule = (int)rule->rule;
	f.code = rule->code;
	f.fields = run->fields.ptr;
	f.message = run->msg.ptr;
	f.is_sum = is_sum;
	f.printed_is_null = pnull;
	f.printed = printed;
	f.computed = computed;
	return run->cb(&f, run->payload);
}

static int S_eval_sums(S_run *run, const S_rule *rule)
{
	size_t i;
	int rc;

	for (i = 0; i < run->plan->ninst[rule->rule]; i++) {
		double printed, computed;
		int pnull, cnull;
		if (!S_gather(run, rule, &run->plan->inst[rule->rule][i]))
			continue;
		run->tally[rule->rule].evaluated++;
		printed = S_sum(run, 0, run->ntotals, &pnull);
		computed = S_sum(run, run->ntotals, run->nterms, &cnull);
		if (S_same(printed, computed))
			continue;
		if (run->cb && S_sum_message(run, rule, printed, pnull, computed) < 0)
			return xxgk_error_oom();
		if ((rc = S_report(run, rule, 1, pnull, printed, computed)) != 0)
			return rc;
	}
	return 0;
}

static int S_signed(const char *id)
{
	const char *last = strrchr(id, '.');
	size_t k;

	last = last ? last + 1 : id;
	for (k = 0; S_signed_counts[k]; k++)
		if (strcmp(last, S_signed_counts[k]) == 0)
			return 1;
	return 0;
}

static int S_eval_plausible(S_run *run, const S_rule *rule)
{
	size_t i;
	int rc;

	for (i = 0; i < run->rules->nfields; i++) {
		const xxgk_field *f = &run->rules->fields[i];
		double v = run->num[i];
		int neg, frac;
		if (run->state[i] != S_NUMBER)
			continue;
		run->tally[rule->rule].evaluated++;
		neg = v < 0 && (f->is_amount || !S_signed(f->id));
		frac = !f->is_amount && v != floor(v);
		if (!neg && !frac)
			continue;
		xxgk_buf_clear(&run->msg);
		if (xxgk_buf_printf(&run->msg, "%s is %.15g: %s", f->label, v,
				    f->is_amount ? "an amount cannot be negative"
				    : neg && frac ? "a count must be a whole number and cannot be negative"
				    : neg ? "a count cannot be negative" : "a count must be a whole number") < 0)
			return xxgk_error_oom();
		run->terms[0] = (int)i;
		run->ntotals = run->nterms = 1;
		if ((rc = S_report(run, rule, 0, 0, v, v)) != 0)
			return rc;
	}
	return 0;
}

/* Run every rule over the loaded view. */
static int S_eval(S_run *run)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < XXGK_CHECK_NRULES && rc == 0; k++) {
		const S_rule *rule = &S_rules[k];
		run->tally[k].code = rule->code;
		run->tally[k].summary = rule->summary;
		run->tally[k].unit = rule->each == S_EACH_ROW ? "row"
				     : rule->each == S_EACH_COLUMN ? "column" : "value";
		run->tally[k].evaluated = run->tally[k].failed = 0;
		rc = rule->each == S_EACH_VALUE ? S_eval_plausible(run, rule) : S_eval_sums(run, rule);
	}
	return rc;
}

static int S_run_init(S_run *run, const xxgk_rules *rules, xxgk_check_tally *tally,
		      xxgk_check_cb cb, void *payload)
{
	memset(run, 0, sizeof(*run));
	run->rules = rules;
	run->plan = rules->checks;
	run->tally = tally;
	run->cb = cb;
	run->payload = payload;
	run->fields = (xxgk_buf)XXGK_BUF_INIT;
	run->msg = (xxgk_buf)XXGK_BUF_INIT;
	run->state = calloc(rules->nfields ? rules->nfields : 1, 1);
	run->num = calloc(rules->nfields ? rules->nfields : 1, sizeof(*run->num));
	return run->state && run->num ? 0 : xxgk_error_oom();
}

static void S_run_dispose(S_run *run)
{
	free(run->state);
	free(run->num);
	xxgk_buf_dispose(&run->fields);
	xxgk_buf_dispose(&run->msg);
}

/* ---- entry points ------------------------------------------------------- */

static int S_warn(const xxgk_check_failure *f, void *payload)
{
	int rc = xxgk_report__warn(payload, f->code, f->fields, "%s", f->message);

	if (rc == 0)
		xxgk_report__warn_numbers(payload, f->is_sum ? 1 : 2, f->printed_is_null, f->printed,
					  f->computed);
	return rc;
}

int xxgk_check__report(xxgk_report *r)
{
	xxgk_check_tally tally[XXGK_CHECK_NRULES];
	S_run run;
	size_t i;
	int rc;

	if ((rc = S_run_init(&run, r->rules, tally, S_warn, r)) == 0) {
		for (i = 0; i < r->nslots && i < r->rules->nfields; i++) {
			run.state[i] = !r->has[i] ? S_ABSENT : r->values[i].is_null ? S_NULL : S_NUMBER;
			run.num[i] = r->values[i].number;
		}
		rc = S_eval(&run);
	}
	S_run_dispose(&run);
	return rc;
}

int xxgk_check_report(xxgk_check_tally out[XXGK_CHECK_NRULES], const xxgk_report *report,
		      xxgk_check_cb cb, void *payload)
{
	xxgk_check_tally tally[XXGK_CHECK_NRULES];
	S_run run;
	size_t i, n = xxgk_report_value_count(report);
	int rc;

	if ((rc = S_run_init(&run, report->rules, out ? out : tally, cb, payload)) == 0) {
		for (i = 0; i < n; i++) {
			const xxgk_value *v = xxgk_report_value(report, i);
			int idx = xxgk_rules_field_index(report->rules, v->field, strlen(v->field));
			if (idx < 0)
				continue;
			run.state[idx] = v->is_null ? S_NULL : S_NUMBER;
			run.num[idx] = v->number;
		}
		rc = S_eval(&run);
	}
	S_run_dispose(&run);
	return rc;
}
