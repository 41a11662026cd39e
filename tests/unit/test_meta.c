/*
 * test_meta.c - the report's agency and year from its title
 * (extractor/meta.c with the built-in title rules): a title in one
 * paragraph, over two paragraphs, with the year in Chinese numerals
 * (二〇二四年), introduced by 关于 or wrapped in 《》, a title that names
 * only the year, and no title at all; which paragraphs are kept; and
 * xxgk_meta_year on Arabic and Chinese years and on what is not a year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "rules.h"

typedef struct {
	xxgk_report *r;
	xxgk_map_scratch s;
	xxgk_meta_paras p;
} S_ctx;

static int S_setup(void **state)
{
	S_ctx *c = calloc(1, sizeof(*c));
	const xxgk_rules *rules;

	if (!c || xxgk_rules_default(&rules) < 0 || xxgk_report__new(&c->r, rules, "t.docx") < 0 ||
	    xxgk_map_scratch_init(&c->s, rules) < 0)
		return -1;
	c->p.text = (xxgk_buf)XXGK_BUF_INIT;
	*state = c;
	return 0;
}

static int S_teardown(void **state)
{
	S_ctx *c = *state;
	xxgk_report_free(c->r);
	xxgk_map_scratch_dispose(&c->s);
	xxgk_buf_dispose(&c->p.text);
	free(c);
	return 0;
}

static void S_add(S_ctx *c, const char *para)
{
	assert_int_equal(xxgk_meta_add(&c->p, para, strlen(para)), 0);
}

/* Run the title search and check the agency (NULL: none) and year. */
static void S_expect(S_ctx *c, const char *agency, int year)
{
	assert_int_equal(xxgk_meta_title(c->r, &c->p, &c->s), 0);
	xxgk_report__finish(c->r);
	if (agency)
		assert_string_equal(xxgk_report_agency(c->r), agency);
	else
		assert_null(xxgk_report_agency(c->r));
	assert_int_equal(xxgk_report_year(c->r), year);
}

static void one_paragraph(void **state)
{
	S_ctx *c = *state;
	S_add(c, "重庆市巴南区市场监督管理局2024年政府信息公开工作年度报告");
	S_add(c, "本报告根据《中华人民共和国政府信息公开条例》编制。");
	S_expect(c, "重庆市巴南区市场监督管理局", 2024);
}

static void one_paragraph_with_spaces(void **state)
{
	S_ctx *c = *state;
	S_add(c, "  重庆市巴南区市场监督管理局\xE3\x80\x80２０２３ 年度政府信息公开工作年度报告\n");
	S_expect(c, "重庆市巴南区市场监督管理局", 2023);
}

static void two_paragraphs(void **state)
{
	S_ctx *c = *state;
	S_add(c, "重庆市巴南区市场监督管理局");
	S_add(c, "2024年政府信息公开工作年度报告");
	S_add(c, "一、总体情况");
	S_expect(c, "重庆市巴南区市场监督管理局", 2024);
}

static void chinese_numerals(void **state)
{
	S_ctx *c = *state;
	S_add(c, "重庆市巴南区市场监督管理局二〇二四年政府信息公开工作年度报告");
	S_expect(c, "重庆市巴南区市场监督管理局", 2024);
}

static void chinese_numerals_with_ling(void **state)
{
	S_ctx *c = *state;
	S_add(c, "某县人民政府办公室二零二一年度政府信息公开工作年度报告");
	S_expect(c, "某县人民政府办公室", 2021);
}

static void guanyu(void **state)
{
	S_ctx *c = *state;
	S_add(c, "关于重庆市巴南区市场监督管理局2022年政府信息公开工作年度报告");
	S_expect(c, "重庆市巴南区市场监督管理局", 2022);
}

static void quoted_title(void **state)
{
	S_ctx *c = *state;
	S_add(c, "《重庆市巴南区市场监督管理局2024年政府信息公开工作年度报告》");
	S_expect(c, "重庆市巴南区市场监督管理局", 2024);
}

static void year_first(void **state)
{
	S_ctx *c = *state;
	S_add(c, "2024年重庆市巴南区市场监督管理局政府信息公开工作年度报告");
	S_expect(c, "重庆市巴南区市场监督管理局", 2024);
}

static void year_only(void **state)
{
	S_ctx *c = *state;
	S_add(c, "2024年政府信息公开工作年度报告");
	S_add(c, "一、总体情况");
	S_expect(c, NULL, 2024);
}

static void no_title(void **state)
{
	S_ctx *c = *state;
	S_add(c, "一、总体情况");
	S_add(c, "2024年，我局认真贯彻落实条例。");
	S_expect(c, NULL, 0);
}

static void nothing_kept(void **state)
{
	S_ctx *c = *state;
	S_expect(c, NULL, 0);
}

static void paragraphs_kept(void **state)
{
	S_ctx *c = *state;
	int i;
	S_add(c, "");
	S_add(c, " \xE3\x80\x80\n");
	assert_int_equal(c->p.n, 0); /* blank paragraphs are not kept */
	S_add(c, "甲 乙");
	assert_int_equal(c->p.n, 1);
	assert_int_equal(c->p.off[1] - c->p.off[0], strlen("甲乙"));
	assert_memory_equal(c->p.text.ptr + c->p.off[0], "甲乙", strlen("甲乙"));
	for (i = 0; i < XXGK_META_MAX_PARAS + 5; i++)
		S_add(c, "段");
	assert_int_equal(c->p.n, XXGK_META_MAX_PARAS);
}

static void title_after_many_paragraphs_is_not_seen(void **state)
{
	S_ctx *c = *state;
	int i;
	for (i = 0; i < XXGK_META_MAX_PARAS; i++)
		S_add(c, "目录");
	S_add(c, "重庆市巴南区市场监督管理局2024年政府信息公开工作年度报告");
	S_expect(c, NULL, 0);
}

static void meta_year(void **state)
{
	(void)state;
	assert_int_equal(xxgk_meta_year("2024", 4), 2024);
	assert_int_equal(xxgk_meta_year("1990", 4), 1990);
	assert_int_equal(xxgk_meta_year("2100", 4), 2100);
	assert_int_equal(xxgk_meta_year("二〇二四", strlen("二〇二四")), 2024);
	assert_int_equal(xxgk_meta_year("二零二四", strlen("二零二四")), 2024);
	assert_int_equal(xxgk_meta_year("一九九九", strlen("一九九九")), 1999);
	assert_int_equal(xxgk_meta_year("1989", 4), 0);
	assert_int_equal(xxgk_meta_year("2101", 4), 0);
	assert_int_equal(xxgk_meta_year("202", 3), 0);
	assert_int_equal(xxgk_meta_year("20245", 5), 0);
	assert_int_equal(xxgk_meta_year("2024年", strlen("2024年")), 0);
	assert_int_equal(xxgk_meta_year("二〇二", strlen("二〇二")), 0);
	assert_int_equal(xxgk_meta_year("二十二四", strlen("二十二四")), 0);
	assert_int_equal(xxgk_meta_year("abcd", 4), 0);
	assert_int_equal(xxgk_meta_year("", 0), 0);
	/* only `len` bytes are the year */
	assert_int_equal(xxgk_meta_year("20249", 4), 2024);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)
	const struct CMUnitTest tests[] = {
		T(one_paragraph),
		T(one_paragraph_with_spaces),
		T(two_paragraphs),
		T(chinese_numerals),
		T(chinese_numerals_with_ling),
		T(guanyu),
		T(quoted_title),
		T(year_first),
		T(year_only),
		T(no_title),
		T(nothing_kept),
		T(paragraphs_kept),
		T(title_after_many_paragraphs_is_not_seen),
		cmocka_unit_test(meta_year),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
