/*
 * test_value.c - reading a number from a cell (extractor/value.c), rule by
 * rule from SCHEMA.md "Values": blank and white-space-only cells are
 * blank (null); padding, thousands separators and full-width digits are
 * read through; 0 — - － / ／ 无 are 0; amounts are in 万元, converted
 * from a unit the cell prints (251000元) or the column header implies;
 * counts may carry a counting word (12件) and may be negative; anything
 * else (见附件, 1,23, abc, very long text) is unreadable, never 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "value.h"

#define COUNT 0
#define AMOUNT 1

static void S_num(const char *s, int is_amount, int unit_exp, double want)
{
	double v = -12345;
	xxgk_vkind k = xxgk_value_parse(s, strlen(s), is_amount, unit_exp, &v);
	if (k != XXGK_V_NUMBER)
		fail_msg("\"%s\": kind %d, expected a number", s, (int)k);
	if (v != want)
		fail_msg("\"%s\": %.17g, expected %.17g", s, v, want);
	assert_false(signbit(v) && v == 0); /* no negative zero */
}

static void S_kind(const char *s, size_t len, int is_amount, xxgk_vkind want)
{
	double v;
	xxgk_vkind k = xxgk_value_parse(s, len, is_amount, 0, &v);
	if (k != want)
		fail_msg("\"%.*s\": kind %d, expected %d", (int)len, s, (int)k, (int)want);
}

static void blank(void **state)
{
	(void)state;
	S_kind("", 0, COUNT, XXGK_V_BLANK);
	S_kind("   ", 3, COUNT, XXGK_V_BLANK);
	S_kind("\xE3\x80\x80\xE3\x80\x80", 6, COUNT, XXGK_V_BLANK); /* U+3000 twice */
	S_kind("\xC2\xA0\n\r\t", 5, AMOUNT, XXGK_V_BLANK);
	/* only `len` bytes count */
	S_kind("  7", 2, COUNT, XXGK_V_BLANK);
}

static void padded(void **state)
{
	(void)state;
	S_num("\xE3\x80\x80\xE3\x80\x80" "0", COUNT, 0, 0); /* 　　0 */
	S_num("0 \xE3\x80\x80", COUNT, 0, 0);                /* 0 　 */
	S_num(" 12\n", COUNT, 0, 12);
	S_num("\xC2\xA0" "7\xC2\xA0", COUNT, 0, 7);
	S_num("2 6 9 1 5", COUNT, 0, 26915); /* stray spaces inside */
}

static void thousands_and_full_width(void **state)
{
	(void)state;
	S_num("26,915", COUNT, 0, 26915);
	S_num("1,234,567", COUNT, 0, 1234567);
	S_num("２６９１５", COUNT, 0, 26915);
	S_num("２６，９１５", COUNT, 0, 26915);
	S_num("５．４", AMOUNT, 0, 5.4);
	S_num("0", COUNT, 0, 0);
	S_num("007", COUNT, 0, 7);
}

static void zero_markers(void **state)
{
	static const char *const zeros[] = {"—", "-", "－", "/", "／", "无", "——", "–", " — ", "　无　"};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(zeros) / sizeof(*zeros); i++) {
		S_num(zeros[i], COUNT, 0, 0);
		S_num(zeros[i], AMOUNT, 0, 0);
	}
}

static void amounts(void **state)
{
	(void)state;
	S_num("5.4195", AMOUNT, 0, 5.4195);
	S_num("251000元", AMOUNT, 0, 25.1);
	S_num("54195", AMOUNT, -4, 5.4195);   /* the header said 元 */
	S_num("54,195", AMOUNT, -4, 5.4195);
	S_num("1.5万元", AMOUNT, 0, 1.5);
	S_num("1.5万元", AMOUNT, -4, 1.5);    /* the cell's own unit wins */
	S_num("1.5万", AMOUNT, 0, 1.5);
	S_num("2亿元", AMOUNT, 0, 20000);
	S_num("0.00", AMOUNT, 0, 0);
	S_num("12.5", AMOUNT, 0, 12.5);
}

static void counts(void **state)
{
	(void)state;
	S_num("12件", COUNT, 0, 12);
	S_num("3 个", COUNT, 0, 3);
	S_num("8项", COUNT, 0, 8);
	S_num("-3", COUNT, 0, -3);
	S_num("－3", COUNT, 0, -3);      /* full-width hyphen-minus */
	S_num("\xE2\x88\x92" "3", COUNT, 0, -3); /* U+2212 minus sign */
	S_num("+4", COUNT, 0, 4);
	S_num("-0", COUNT, 0, 0);
	/* a unit of money is no counting word */
	S_kind("12元", strlen("12元"), COUNT, XXGK_V_UNREADABLE);
	/* nor is a counting word a unit of money */
	S_kind("12件", strlen("12件"), AMOUNT, XXGK_V_UNREADABLE);
}

static void unreadable(void **state)
{
	static const char *const bad[] = {"见附件", "1,23", "1,2345", ",123", "123,", "abc",
					  "1.2.3", "12abc", "约12", "1 2,3", "--3", "3-", "1/2",
					  "0无", "12件件", ".5", "5.", "一"};
	char longtext[400];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		S_kind(bad[i], strlen(bad[i]), COUNT, XXGK_V_UNREADABLE);
		S_kind(bad[i], strlen(bad[i]), AMOUNT, XXGK_V_UNREADABLE);
	}
	/* 300 digits: far too long to be a number any report prints */
	memset(longtext, '1', 300);
	S_kind(longtext, 300, COUNT, XXGK_V_UNREADABLE);
	/* long prose */
	longtext[0] = '\0';
	for (i = 0; i < 30; i++)
		strcat(longtext, "详见附件"); /* 12 bytes each, 360 in all */
	S_kind(longtext, strlen(longtext), COUNT, XXGK_V_UNREADABLE);
}

static void is_number(void **state)
{
	(void)state;
	assert_true(xxgk_value_is_number("26,915", 6));
	assert_true(xxgk_value_is_number("—", strlen("—")));
	assert_true(xxgk_value_is_number("1.5万元", strlen("1.5万元")));
	assert_false(xxgk_value_is_number("", 0));
	assert_false(xxgk_value_is_number("  ", 2));
	assert_false(xxgk_value_is_number("自然人", strlen("自然人")));
	assert_false(xxgk_value_is_number("见附件", strlen("见附件")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blank),
		cmocka_unit_test(padded),
		cmocka_unit_test(thousands_and_full_width),
		cmocka_unit_test(zero_markers),
		cmocka_unit_test(amounts),
		cmocka_unit_test(counts),
		cmocka_unit_test(unreadable),
		cmocka_unit_test(is_number),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
