/*
 * test_html.c - the web page reader (extractor/html.c, htmlenc.c): pages
 * told by content, charsets decided (BOM, valid UTF-8, <meta>, GB names
 * read as GB18030, a guess when nothing is declared, a clear error when
 * nothing fits), white space laid out as a browser does, <br> and blocks
 * as line breaks, &nbsp; and U+3000 kept, links-only blocks, scripts,
 * styles, menus and <head> skipped but <title> kept, th and td alike,
 * colspan as span and rowspan as a vMerge restart with continue cells
 * synthesized below (checked through grid.c too), nested tables, text
 * blocks in cells as paragraphs, every limit, and a sink's return value
 * stopping the walk.
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
#include "grid.h"
#include "fixture.h"
#include "html.h"
#include "package.h"

/*
 * The sink writes every event to one log (as in test_wordml.c):
 *   a paragraph  P<text>
 *   a table      T<index>@<depth> then each row as [cell,cell,...]
 *   a cell       its text, then *<span> when span > 1, ^R / ^C for vMerge
 */
typedef struct {
	xxgk_buf log;
	int stop_after; /* return `stop_rc` from the n-th event (0: never) */
	int stop_rc;
	int events;
} S_cap;

static int S_event(S_cap *c)
{
	return ++c->events == c->stop_after ? c->stop_rc : 0;
}

static int S_paragraph(const char *text, size_t len, void *payload)
{
	S_cap *c = payload;
	xxgk_buf_puts(&c->log, "P<");
	xxgk_buf_put(&c->log, text, len);
	xxgk_buf_putc(&c->log, '>');
	return S_event(c);
}

static void S_log_table(xxgk_buf *log, const xxgk_rawtable *t)
{
	size_t r, i;

	xxgk_buf_printf(log, "T%d@%d", t->index, t->depth);
	for (r = 0; r < t->nrows; r++) {
		const xxgk_rawrow *row = &t->rows[r];
		xxgk_buf_putc(log, '[');
		for (i = 0; i < row->ncells; i++) {
			const xxgk_rawcell *cell = &t->cells[row->first_cell + i];
			if (i)
				xxgk_buf_putc(log, ',');
			xxgk_buf_put(log, t->text.ptr + cell->text_off, cell->text_len);
			if (cell->span > 1)
				xxgk_buf_printf(log, "*%u", cell->span);
			if (cell->vmerge == XXGK_VMERGE_RESTART)
				xxgk_buf_puts(log, "^R");
			else if (cell->vmerge == XXGK_VMERGE_CONTINUE)
				xxgk_buf_puts(log, "^C");
		}
		xxgk_buf_putc(log, ']');
	}
}

static int S_table(const xxgk_rawtable *t, void *payload)
{
	S_cap *c = payload;
	S_log_table(&c->log, t);
	return S_event(c);
}

static const xxgk_wordml_sink S_sink = {S_paragraph, S_table};
static const xxgk_limits S_default_limits = XXGK_LIMITS_DEFAULT;

/* Read `len` bytes of a page; the log (free it) and the page title (may be NULL). */
static int S_read_n(char **log, char **title, const char *page, size_t len, const xxgk_limits *lim,
		    int stop_after, int stop_rc)
{
	S_cap c = {XXGK_BUF_INIT, stop_after, stop_rc, 0};
	xxgk_buf t = XXGK_BUF_INIT;
	int rc = xxgk_html_read(&t, page, len, lim ? lim : &S_default_limits, &S_sink, &c);

	*log = xxgk_buf_detach(&c.log);
	if (title)
		*title = xxgk_buf_detach(&t);
	xxgk_buf_dispose(&t);
	return rc;
}

static int S_read(char **log, const char *page, const xxgk_limits *lim)
{
	return S_read_n(log, NULL, page, strlen(page), lim, 0, 0);
}

/* Assert that `page` reads without error into `expected`. */
static void S_expect(const char *page, const char *expected)
{
	char *log;
	assert_int_equal(S_read(&log, page, NULL), 0);
	assert_string_equal(log, expected);
	free(log);
}

/* Assert that `page` fails with `code` and a message containing `words`. */
static void S_expect_error(const char *page, const xxgk_limits *lim, int code, const char *words)
{
	char *log;
	assert_int_equal(S_read(&log, page, lim), code);
	assert_non_null(strstr(xxgk_error_last()->message, words));
	assert_null(strchr(xxgk_error_last()->message, '\n'));
	free(log);
}

/* ---- telling a page by content ---- */

static void sniff_pages(void **state)
{
	static const char *const pages[] = {
		"<!DOCTYPE html><p>x", "<html>", "  \r\n<HTML lang=zh>", "\xEF\xBB\xBF<html>",
		"<!-- saved from url=(0022)http://example.gov.cn/ -->\n<html>",
		"<?xml version=\"1.0\" encoding=\"gbk\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">",
		"<meta charset=utf-8><p>x", "<head><title>t</title>", "<body>", "<table><tr><td>",
		"<title>t</title>", "<!--a--><!--b-->\n<table>",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(*pages); i++) {
		if (xxgk_package_sniff((const unsigned char *)pages[i], strlen(pages[i])) != XXGK_KIND_HTML)
			fail_msg("not taken for a page: %s", pages[i]);
	}
	assert_int_equal(xxgk_package_sniff((const unsigned char *)"\xFF\xFE<\0h\0t\0m\0l\0>\0", 14),
			 XXGK_KIND_HTML);
	assert_int_equal(xxgk_package_sniff((const unsigned char *)"\xFE\xFF\0<\0t\0a\0b\0l\0e\0>", 16),
			 XXGK_KIND_HTML);
}

static void sniff_not_pages(void **state)
{
	static const char *const others[] = {
		"plain text", "<htmlx>", "<?xml version=\"1.0\"?><w:document>", "<!-- unterminated <html>",
		"<tablecloth>", "{\\rtf1", "%PDF-1.7", "<p>a paragraph is not enough</p>",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(others) / sizeof(*others); i++)
		assert_int_not_equal(xxgk_package_sniff((const unsigned char *)others[i], strlen(others[i])),
				     XXGK_KIND_HTML);
}

/* ---- charsets ---- */

/* Decode `len` bytes; assert success, the text and the encoding chosen. */
static void S_decode(const char *page, size_t len, const char *text, const char *enc)
{
	xxgk_buf out = XXGK_BUF_INIT;
	char used[32];

	assert_int_equal(xxgk_html_decode(&out, used, sizeof(used), page, len, &S_default_limits), 0);
	assert_string_equal(out.ptr, text);
	assert_string_equal(used, enc);
	xxgk_buf_dispose(&out);
}

#define S_DECODE(page, text, enc) S_decode(page, sizeof(page) - 1, text, enc)

static void decode_utf8(void **state)
{
	(void)state;
	S_DECODE("<p>\xE8\xA7\x84\xE7\xAB\xA0</p>", "<p>规章</p>", "UTF-8");
	S_DECODE("\xEF\xBB\xBF<p>x</p>", "<p>x</p>", "UTF-8");
	S_DECODE("<meta charset=\"utf-8\"><p>\xE5\xA0\x83</p>", "<meta charset=\"utf-8\"><p>堃</p>",
		 "UTF-8");
}

static void decode_gb(void **state)
{
	(void)state;
	/* declared gb2312, holding 堃 (GBK only): read as GB18030 */
	S_DECODE("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
		 "<p>\xB9\xE6\xD5\xC2\x88\xD2</p>",
		 "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>规章堃</p>",
		 "GB18030");
	S_DECODE("<META CHARSET='GBK'><p>\xD6\xD0\xCE\xC4</p>", "<META CHARSET='GBK'><p>中文</p>",
		 "GB18030");
	S_DECODE("<?xml version=\"1.0\" encoding=\"gb2312\"?><p>\xC4\xEA</p>",
		 "<?xml version=\"1.0\" encoding=\"gb2312\"?><p>年</p>", "GB18030");
	/* GB18030 byte order mark */
	S_DECODE("\x84\x31\x95\x33<p>\xC4\xEA</p>", "<p>年</p>", "GB18030");
	/* nothing declared and not UTF-8: GB18030 */
	S_DECODE("<p>\xD0\xD0\xD5\xFE\xD0\xED\xBF\xC9</p>", "<p>行政许可</p>", "GB18030");
}

static void decode_stale_declaration(void **state)
{
	(void)state;
	/* re-encoded to UTF-8 by a crawler, the old charset left in place */
	S_DECODE("<meta charset=gb2312><p>\xE8\xA1\x8C\xE6\x94\xBF\xE8\xAE\xB8\xE5\x8F\xAF</p>",
		 "<meta charset=gb2312><p>行政许可</p>", "UTF-8");
	/* declared UTF-8 but GBK bytes */
	S_DECODE("<meta charset=utf-8><p>\xD6\xD0\xCE\xC4</p>", "<meta charset=utf-8><p>中文</p>",
		 "GB18030");
}

static void decode_other_charsets(void **state)
{
	(void)state;
	S_DECODE("\xFF\xFE<\0p\0>\0\x2D\x4E", "<p>中", "UTF-16LE");
	S_DECODE("\xFE\xFF\0<\0p\0>\x4E\x2D", "<p>中", "UTF-16BE");
	S_DECODE("<meta charset=big5><p>\xA4\xA4</p>", "<meta charset=big5><p>中</p>", "BIG5-HKSCS");
	S_DECODE("<meta charset=iso-8859-1><p>\xE9</p>", "<meta charset=iso-8859-1><p>é</p>",
		 "WINDOWS-1252");
	/* an unknown charset is ignored */
	S_DECODE("<meta charset=x-klingon><p>\xD6\xD0</p>", "<meta charset=x-klingon><p>中</p>",
		 "GB18030");
}

static void decode_cleans(void **state)
{
	(void)state;
	S_DECODE("<p><![if !supportLists]>1.<![endif]>a\0b</p>", "<p>1.ab</p>", "UTF-8");
}

static void decode_tolerates_a_few_bad_bytes(void **state)
{
	(void)state;
	/* a CMS cut the description in the middle of a GBK character */
	S_DECODE("<meta charset=gbk><meta name=description content=\"\xD6\xD0\xD6\"><p>\xD6\xD0</p>",
		 "<meta charset=gbk><meta name=description content=\"中\xEF\xBF\xBD\"><p>中</p>", "GB18030");
	/* UTF-8 cut in the middle of a character (two bad bytes) is still UTF-8, not GB18030 */
#define ZW "\xE4\xB8\xAD\xE6\x96\x87" /* 中文 */
	S_DECODE("<p>" ZW ZW ZW ZW "\xE4\xB8</p>", "<p>中文中文中文中文\xEF\xBF\xBD\xEF\xBF\xBD</p>", "UTF-8");
#undef ZW
	S_DECODE("\xEF\xBB\xBF<p>\xE4\xB8\xAD\xFF</p>", "<p>中\xEF\xBF\xBD</p>", "UTF-8");
}

static void decode_errors(void **state)
{
	xxgk_buf out = XXGK_BUF_INIT;
	xxgk_limits lim = XXGK_LIMITS_DEFAULT;

	(void)state;
	/* declared GBK, neither GBK nor UTF-8 in many places */
	assert_int_equal(xxgk_html_decode(&out, NULL, 0, "<meta charset=gbk><p>\xFF\xFF\xFF\xFF\xFF</p>",
					  30, &lim), XXGK_EXML);
	assert_non_null(strstr(xxgk_error_last()->message, "cannot decode the page: it declares charset gbk"));
	assert_non_null(strstr(xxgk_error_last()->message, "GB18030 (5 bad bytes, the first at byte 21)"));
	assert_int_equal(xxgk_html_decode(&out, NULL, 0, "<p>\xFF\xFF\xFF\xFF\xFF", 8, &lim), XXGK_EXML);
	assert_non_null(strstr(xxgk_error_last()->message, "no charset is declared"));
	assert_int_equal(xxgk_html_decode(&out, NULL, 0, "\xEF\xBB\xBF<p>\xD6\xD0\xD6\xD0\xD6\xD0", 12, &lim),
			 XXGK_EXML);
	assert_non_null(strstr(xxgk_error_last()->message, "UTF-8 byte order mark"));
	assert_null(strchr(xxgk_error_last()->message, '\n'));
	assert_int_equal(out.size, 0);
	lim.max_part_bytes = 4;
	assert_int_equal(xxgk_html_decode(&out, NULL, 0, "<p>abc</p>", 10, &lim), XXGK_ELIMIT);
	assert_non_null(strstr(xxgk_error_last()->message, "max_part_bytes"));
	assert_int_equal(out.size, 0);
	xxgk_buf_dispose(&out);
}

/* A GBK page through the whole reader, title included. */
static void read_gbk_page(void **state)
{
	static const char page[] =
		"<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"
		"<title>\xC4\xB3\xBE\xD6\x88\xD2</title></head><body><table><tr><td>\xB9\xE6\xD5\xC2"
		"</td></tr></table></body></html>";
	char *log, *title;

	(void)state;
	assert_int_equal(S_read_n(&log, &title, page, sizeof(page) - 1, NULL, 0, 0), 0);
	assert_string_equal(log, "P<规章>T1@0[规章]");
	assert_string_equal(title, "某局堃");
	free(log);
	free(title);
}

/* ---- text ---- */

static void text_white_space(void **state)
{
	(void)state;
	S_expect("<p>  a \n\t b  <span> c</span>d </p>", "P<a b cd>");
	/* a line break in the source between two Chinese characters is no space */
	S_expect("<p>政府信息\n公开 x\ny</p>", "P<政府信息公开 x y>");
	/* &nbsp; and U+3000 stay */
	S_expect("<p>&nbsp;0&#12288;　</p>", "P<\xC2\xA0" "0　　>");
	S_expect("<p>a<br>b<br/>c</p>", "P<a\nb\nc>");
	S_expect("<p>a</p><p></p><div>b<div>c</div>d</div>e", "P<a>P<b>P<c>P<d>P<e>");
	S_expect("<h1>t</h1><ul><li>1</li><li>2</li></ul>", "P<t>P<1>P<2>");
}

static void text_skipped(void **state)
{
	(void)state;
	S_expect("<html><head><title>The title</title><style>p{}</style><script>var s='<p>x</p>';"
		 "</script></head><body><p>a</p><script>document.write('<table>');</script>"
		 "<noscript>no</noscript><select><option>opt</option></select><textarea>t</textarea>"
		 "<p>b</p></body></html>",
		 "P<a>P<b>");
	/* a block whose text is all links is navigation */
	S_expect("<div><a href=/>首页</a> <a href=/x>政务公开</a></div><p>当前位置：<a href=/>首页</a></p>",
		 "P<当前位置：首页>");
	/* Word's markup: <o:p>, downlevel-revealed conditional comments */
	S_expect("<p class=MsoNormal><span lang=EN-US>2024<o:p></o:p></span></p>"
		 "<p><![if !supportLists]>1.<![endif]>x</p>", "P<2024>P<1.x>");
}

static void text_title(void **state)
{
	static const char page[] = "<html><head><title>\n 某局 2024年 报告_某区人民政府 </title></head>"
				   "<body><svg><title>not this</title></svg><p>a</p></body></html>";
	char *log, *title;

	(void)state;
	assert_int_equal(S_read_n(&log, &title, page, sizeof(page) - 1, NULL, 0, 0), 0);
	assert_string_equal(title, "某局 2024年 报告_某区人民政府");
	assert_string_equal(log, "P<a>");
	free(log);
	free(title);
	/* a title left open ends at the next element */
	assert_int_equal(S_read_n(&log, &title, "<title>t<p>x</p>", 16, NULL, 0, 0), 0);
	assert_string_equal(title, "t");
	assert_string_equal(log, "P<x>");
	free(log);
	free(title);
}

/* ---- tables ---- */

static void table_cells(void **state)
{
	(void)state;
	S_expect("<table><tr><th>h1</th><th> h2 </th></tr><tr><td>a</td><td><p>b</p><p>c</p></td></tr>"
		 "</table>",
		 "P<h1>P<h2>P<a>P<b>P<c>T1@0[h1,h2][a,b\nc]");
	/* unclosed cells and rows, a cell outside any row, <tbody> */
	S_expect("<table><tbody><tr><td>a<td>b<tr><td>c</tbody></table>", "P<a>P<b>P<c>T1@0[a,b][c]");
	S_expect("<table><td>a</td></table>", "P<a>T1@0[a]");
	/* a cell's text: <br> kept, trailing breaks dropped, links kept but not paragraphs */
	S_expect("<table><tr><td>结果<br>纠正<br></td><td><a href=x>26915</a></td><td>&nbsp;</td>"
		 "<td></td></tr></table>",
		 "P<结果\n纠正>P<\xC2\xA0>T1@0[结果\n纠正,26915,\xC2\xA0,]");
}

static void table_colspan_rowspan(void **state)
{
	(void)state;
	/* the head of table 三: a note over 3x3, 申请人情况 over 7 */
	S_expect("<table><tr><td rowspan=3 colspan=3>n</td><td colspan=7>s</td></tr>"
		 "<tr><td rowspan=\"2\">np</td><td colspan=5>org</td><td rowspan=2>t</td></tr>"
		 "<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>"
		 "<tr><td colspan=3>row</td><td>6</td></tr></table>",
		 "P<n>P<s>P<np>P<org>P<t>P<1>P<2>P<3>P<4>P<5>P<row>P<6>"
		 "T1@0[n*3^R,s*7][*3^C,np^R,org*5,t^R][*3^C,^C,1,2,3,4,5,^C][row*3,6]");
}

static void table_rowspan_edges(void **state)
{
	(void)state;
	/* rowspan past the last row; rowspan=0 to the end; bad numbers */
	S_expect("<table><tr><td rowspan=5>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
		 "P<a>P<b>P<c>T1@0[a^R,b][^C,c]");
	S_expect("<table><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr>"
		 "</table>",
		 "P<a>P<b>P<c>P<d>T1@0[a^R,b][^C,c][^C,d]");
	S_expect("<table><tr><td rowspan=x colspan=0>a</td><td colspan=' 2 '>b</td></tr></table>",
		 "P<a>P<b>T1@0[a,b*2]");
	/* a span from above right of a short row: a blank filler, then the continuation */
	S_expect("<table><tr><td>a</td><td>b</td><td rowspan=2>c</td></tr><tr><td>d</td></tr></table>",
		 "P<a>P<b>P<c>P<d>T1@0[a,b,c^R][d,,^C]");
	/* an empty row still takes a row of the span */
	S_expect("<table><tr><td rowspan=3>a</td><td>b</td></tr><tr></tr><tr><td>c</td></tr>"
		 "<tr><td>d</td></tr></table>",
		 "P<a>P<b>P<c>P<d>T1@0[a^R,b][^C][^C,c][d]");
	/* a cell overlapping a span from above uses its row up */
	S_expect("<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=2>c</td></tr>"
		 "<tr><td>d</td><td>e</td></tr></table>",
		 "P<a>P<b>P<c>P<d>P<e>T1@0[a,b^R][c*2][d,e]");
}

/* The spans resolve in grid.c as Word's merges do. */
static int S_grid_table(const xxgk_rawtable *t, void *payload)
{
	xxgk_buf *out = payload;
	xxgk_grid g;
	uint32_t r, c;

	assert_int_equal(fx_grid_build(&g, t, 256), 0);
	for (r = 0; r < g.nrows; r++) {
		for (c = 0; c < g.ncols; c++) {
			size_t len;
			const char *s = xxgk_grid_text(&g, xxgk_grid_at(&g, r, c), &len);
			xxgk_buf_put(out, len ? s : "-", len ? len : 1);
		}
		xxgk_buf_putc(out, '|');
	}
	xxgk_grid_dispose(&g);
	return 0;
}

static void table_grid(void **state)
{
	static const char page[] =
		"<table><tr><td rowspan=3 colspan=2>N</td><td colspan=3>S</td></tr>"
		"<tr><td rowspan=2>P</td><td colspan=2>O</td></tr><tr><td>1</td><td>2</td></tr>"
		"<tr><td>A</td><td rowspan=2>B</td><td>3</td><td>4</td><td>5</td></tr>"
		"<tr><td>C</td><td>6</td><td>7</td><td>8</td></tr></table>";
	static const xxgk_wordml_sink sink = {NULL, S_grid_table};
	xxgk_buf t = XXGK_BUF_INIT, out = XXGK_BUF_INIT;

	(void)state;
	assert_int_equal(xxgk_html_read(&t, page, sizeof(page) - 1, &S_default_limits, &sink, &out), 0);
	assert_string_equal(out.ptr, "NNSSS|NNPOO|NNP12|AB345|CB678|");
	xxgk_buf_dispose(&t);
	xxgk_buf_dispose(&out);
}

static void table_nested(void **state)
{
	(void)state;
	/* the inner table first, with its own text; the outer cell keeps what is around it */
	S_expect("<p>t</p><table><tr><td>a<table><tr><td>in</td></tr></table>b</td><td>c</td></tr></table>"
		 "<p>after</p>",
		 "P<t>P<a>P<in>T2@1[in]P<b>P<c>T1@0[a\nb,c]P<after>");
	/* a layout table: the title in a cell is a paragraph, a menu of links is not */
	S_expect("<table><tr><td><a href=1>2023年报告</a></td><td><h1>某局2024年报告</h1>"
		 "<table><tr><td>规章</td></tr></table></td></tr></table>",
		 "P<某局2024年报告>P<规章>T2@1[规章]T1@0[2023年报告,某局2024年报告]");
	/* a <tr> or <td> outside any table is a block */
	S_expect("<div>a<tr>b</tr><td>c</td></div>", "P<a>P<b>P<c>");
}

/* ---- limits and the sink ---- */

static void limits(void **state)
{
	xxgk_limits lim = XXGK_LIMITS_DEFAULT;
	char deep[4096];
	size_t i, n = 0;

	(void)state;
	lim.max_rows = 2;
	S_expect_error("<table><tr><td>1<tr><td>2<tr><td>3</table>", &lim, XXGK_ELIMIT, "max_rows");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_cells = 3;
	S_expect_error("<table><tr><td rowspan=3>1<td>2<tr><td>3</table>", &lim, XXGK_ELIMIT, "max_cells");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_cols = 4;
	S_expect_error("<table><tr><td>1<td colspan=4>2</table>", &lim, XXGK_ELIMIT, "max_cols");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_cell_text = 8;
	S_expect_error("<table><tr><td>0123<br>45678</table>", &lim, XXGK_ELIMIT, "max_cell_text");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_table_depth = 2;
	S_expect_error("<table><tr><td><table><tr><td><table><tr><td>x</table></table></table>", &lim,
		       XXGK_ELIMIT, "max_table_depth");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_paragraphs = 2;
	S_expect_error("<p>1</p><p>2</p><p>3</p>", &lim, XXGK_ELIMIT, "max_paragraphs");
	lim = (xxgk_limits)XXGK_LIMITS_DEFAULT;
	lim.max_xml_depth = 50;
	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "<span>");
	S_expect_error(deep, &lim, XXGK_ELIMIT, "max_xml_depth");
}

static void sink_stops(void **state)
{
	static const char page[] = "<p>a</p><table><tr><td>x</td></tr></table><p>b</p>";
	char *log;

	(void)state;
	assert_int_equal(S_read_n(&log, NULL, page, sizeof(page) - 1, NULL, 1, 7), 7);
	assert_string_equal(log, "P<a>");
	free(log);
	assert_int_equal(S_read_n(&log, NULL, page, sizeof(page) - 1, NULL, 3, 1), 1);
	assert_string_equal(log, "P<a>P<x>T1@0[x]");
	free(log);
}

/* Odd input the parser recovers from. */
static void recovers(void **state)
{
	(void)state;
	S_expect("", "");
	S_expect("<html", "");
	S_expect("<table><tr><td>a</td>", "P<a>T1@0[a]");
	S_expect("</td></tr></table><p>x", "P<x>");
	S_expect("<p>a &unknown; &amp; &lt;b&gt;</p>", "P<a &unknown; & <b>>");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff_pages),
		cmocka_unit_test(sniff_not_pages),
		cmocka_unit_test(decode_utf8),
		cmocka_unit_test(decode_gb),
		cmocka_unit_test(decode_stale_declaration),
		cmocka_unit_test(decode_other_charsets),
		cmocka_unit_test(decode_cleans),
		cmocka_unit_test(decode_tolerates_a_few_bad_bytes),
		cmocka_unit_test(decode_errors),
		cmocka_unit_test(read_gbk_page),
		cmocka_unit_test(text_white_space),
		cmocka_unit_test(text_skipped),
		cmocka_unit_test(text_title),
		cmocka_unit_test(table_cells),
		cmocka_unit_test(table_colspan_rowspan),
		cmocka_unit_test(table_rowspan_edges),
		cmocka_unit_test(table_grid),
		cmocka_unit_test(table_nested),
		cmocka_unit_test(limits),
		cmocka_unit_test(sink_stops),
		cmocka_unit_test(recovers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
