/*
 * test_memo.c - remembered rule matches (extractor/memo.c): a result is
 * found again only for the same rule list and the same text; -1 (no rule
 * matched) is remembered like any index; a full memo empties itself and
 * keeps working; texts too long to keep are never remembered.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "memo.h"

static const int S_list_a[1], S_list_b[1];

static void remembers_per_list_and_text(void **state)
{
	xxgk_memo m;
	int got = 99;
	(void)state;
	xxgk_memo_init(&m);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "一、本年新收", 18, &got), 0);
	assert_int_equal(got, 99);
	xxgk_memo_put(&m, S_list_a, "一、本年新收", 18, 3);
	xxgk_memo_put(&m, S_list_a, "二、上年结转", 18, -1);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "一、本年新收", 18, &got), 1);
	assert_int_equal(got, 3);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "二、上年结转", 18, &got), 1);
	assert_int_equal(got, -1);
	/* another list, or another text (even a prefix), is not the same question */
	assert_int_equal(xxgk_memo_get(&m, S_list_b, "一、本年新收", 18, &got), 0);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "一、本年新收", 15, &got), 0);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "", 0, &got), 0);
	xxgk_memo_put(&m, S_list_a, "", 0, 7);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "", 0, &got), 1);
	assert_int_equal(got, 7);
	xxgk_memo_dispose(&m);
}

static void fills_empties_and_goes_on(void **state)
{
	xxgk_memo m;
	char text[32];
	int i, got, found = 0;
	(void)state;
	xxgk_memo_init(&m);
	for (i = 0; i < 5000; i++) {
		int n = snprintf(text, sizeof(text), "label %d", i);
		xxgk_memo_put(&m, S_list_a, text, (size_t)n, i);
		assert_int_equal(xxgk_memo_get(&m, S_list_a, text, (size_t)n, &got), 1);
		assert_int_equal(got, i);
	}
	assert_true(m.used <= m.nslots / 2);
	/* the early texts were forgotten when it filled; every kept one is right */
	for (i = 0; i < 5000; i++) {
		int n = snprintf(text, sizeof(text), "label %d", i);
		if (xxgk_memo_get(&m, S_list_a, text, (size_t)n, &got)) {
			assert_int_equal(got, i);
			found++;
		}
	}
	assert_true(found > 0 && found < 5000);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, "label 0", 7, &got), 0);
	xxgk_memo_dispose(&m);
}

static void long_texts_are_not_kept(void **state)
{
	xxgk_memo m;
	char text[2048];
	int got;
	(void)state;
	memset(text, 'x', sizeof(text));
	xxgk_memo_init(&m);
	xxgk_memo_put(&m, S_list_a, text, sizeof(text), 1);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, text, sizeof(text), &got), 0);
	xxgk_memo_put(&m, S_list_a, text, 1024, 2);
	assert_int_equal(xxgk_memo_get(&m, S_list_a, text, 1024, &got), 1);
	assert_int_equal(got, 2);
	xxgk_memo_dispose(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(remembers_per_list_and_text),
		cmocka_unit_test(fills_empties_and_goes_on),
		cmocka_unit_test(long_texts_are_not_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
