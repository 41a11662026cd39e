/*
 * test_text.c - UTF-8 and label normalization (extractor/text.c): decoding
 * of valid sequences and of invalid bytes, truncated sequences, overlong
 * forms and surrogates (each invalid byte decodes as itself, one byte
 * long), encoding back, white space classes, and the normalized form the
 * label rules are written against: full-width forms to ASCII, U+3000,
 * NBSP and line breaks removed, （）to (), 【】to [], “”「」『』to ",
 * 、 and ． to ".".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "text.h"

static void S_decode(const char *s, size_t len, uint32_t cp, size_t n)
{
	size_t got;
	assert_int_equal(xxgk_utf8_decode(s, len, &got), cp);
	assert_int_equal(got, n);
}

static void decode_valid(void **state)
{
	(void)state;
	S_decode("A", 1, 'A', 1);
	S_decode("\xC2\xA0", 2, 0xA0, 2);             /* NBSP */
	S_decode("\xE4\xB8\xAD!", 4, 0x4E2D, 3);      /* 中 */
	S_decode("\xE3\x80\x80", 3, 0x3000, 3);       /* ideographic space */
	S_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4);  /* an emoji */
	S_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4); /* the last code point */
}

static void decode_invalid(void **state)
{
	(void)state;
	S_decode("\xFF", 1, 0xFF, 1);                /* never valid in UTF-8 */
	S_decode("\x80", 1, 0x80, 1);                /* a lone continuation byte */
	S_decode("\xE4\xB8", 2, 0xE4, 1);            /* truncated by the length */
	S_decode("\xE4\xB8" "A", 3, 0xE4, 1);        /* continuation missing */
	S_decode("\xC0\x80", 2, 0xC0, 1);            /* overlong NUL */
	S_decode("\xC1\xBF", 2, 0xC1, 1);            /* overlong ASCII */
	S_decode("\xED\xA0\x80", 3, 0xED, 1);        /* high surrogate U+D800 */
	S_decode("\xED\xBF\xBF", 3, 0xED, 1);        /* low surrogate U+DFFF */
	S_decode("\xF4\x90\x80\x80", 4, 0xF4, 1);    /* above U+10FFFF */
	S_decode("\xF8\x88\x80\x80\x80", 5, 0xF8, 1); /* a five-byte form */
}

static void encode(void **state)
{
	static const uint32_t cps[] = {0x24, 0xA2, 0x20AC, 0x3000, 0x10348, 0x10FFFF};
	static const char *const want[] = {"$", "\xC2\xA2", "\xE2\x82\xAC", "\xE3\x80\x80",
					   "\xF0\x90\x8D\x88", "\xF4\x8F\xBF\xBF"};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(*cps); i++) {
		xxgk_buf b = XXGK_BUF_INIT;
		size_t n;
		assert_int_equal(xxgk_utf8_put(&b, cps[i]), 0);
		assert_string_equal(b.ptr, want[i]);
		assert_int_equal(xxgk_utf8_decode(b.ptr, b.size, &n), cps[i]);
		assert_int_equal(n, b.size);
		xxgk_buf_dispose(&b);
	}
}

static void spaces(void **state)
{
	static const uint32_t yes[] = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0xA0, 0x3000,
				       0x2002, 0x200B, 0x2028, 0x2029, 0xFEFF};
	static const uint32_t no[] = {'a', '0', '_', 0x4E00, 0xFF10, 0x300C, 0x2010};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (!xxgk_text_is_space(yes[i]))
			fail_msg("U+%04X should be white space", yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(*no); i++)
		if (xxgk_text_is_space(no[i]))
			fail_msg("U+%04X should not be white space", no[i]);
}

/* Assert that `in` normalizes to `want`. */
static void S_norm(const char *in, const char *want)
{
	xxgk_buf b = XXGK_BUF_INIT;
	assert_int_equal(xxgk_text_normalize(&b, in, strlen(in)), 0);
	assert_string_equal(b.ptr, want);
	xxgk_buf_dispose(&b);
}

static void normalize_full_width(void **state)
{
	(void)state;
	S_norm("ＡＢＣ１２３ａｂｃ", "ABC123abc");
	S_norm("１．属于国家秘密", "1.属于国家秘密");
	S_norm("（一）予以公开", "(一)予以公开");
	S_norm("（单位：万元）", "(单位:万元)");
	S_norm("本年增／减", "本年增/减");
	S_norm("ASCII (一) stays", "ASCII(一)stays");
}

static void normalize_white_space(void **state)
{
	(void)state;
	S_norm("\xE3\x80\x80\xE3\x80\x80予以\xC2\xA0公开\xE3\x80\x80", "予以公开");
	S_norm("商业\n企业", "商业企业");
	S_norm("法人或\r\n其他组织", "法人或其他组织");
	S_norm("一\t二 三\xE2\x80\x8B四", "一二三四");
	S_norm(" \t\r\n\xE3\x80\x80", "");
}

static void normalize_brackets_and_quotes(void **state)
{
	(void)state;
	S_norm("【注】", "[注]");
	S_norm("〔2021〕30号", "[2021]30号");
	S_norm("危及“三安全一稳定”", "危及\"三安全一稳定\"");
	S_norm("危及「三安全一稳定」", "危及\"三安全一稳定\"");
	S_norm("危及『三安全一稳定』", "危及\"三安全一稳定\"");
	S_norm("危及＂三安全一稳定＂", "危及\"三安全一稳定\"");
}

static void normalize_ordinals(void **state)
{
	(void)state;
	S_norm("三、本年度办理结果", "三.本年度办理结果");
	S_norm("2．其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开");
	S_norm("5.属于三类内部事务信息", "5.属于三类内部事务信息");
	S_norm("一、本年新收政府信息公开申请数量", "一.本年新收政府信息公开申请数量");
}

static void normalize_keeps_other_text(void **state)
{
	(void)state;
	S_norm("行政复议>结果维持", "行政复议>结果维持");
	S_norm("", "");
	/* an invalid byte is kept as the code point it decodes to (U+00FF here) */
	S_norm("a\xFF" "b", "a\xC3\xBF" "b");
	/* a surrogate's bytes are three invalid bytes: U+00ED, U+00A0 (which,
	 * being NBSP, is white space and dropped) and U+0080 */
	S_norm("\xED\xA0\x80", "\xC3\xAD\xC2\x80");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_valid),
		cmocka_unit_test(decode_invalid),
		cmocka_unit_test(encode),
		cmocka_unit_test(spaces),
		cmocka_unit_test(normalize_full_width),
		cmocka_unit_test(normalize_white_space),
		cmocka_unit_test(normalize_brackets_and_quotes),
		cmocka_unit_test(normalize_ordinals),
		cmocka_unit_test(normalize_keeps_other_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
