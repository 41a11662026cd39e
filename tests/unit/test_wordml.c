/*
 * test_wordml.c - the WordprocessingML reader (extractor/wordml.c): body
 * paragraphs in document order, runs joined, w:tab as a space and w:br as
 * a line break, deletions, deleted text, field codes and mc:Fallback
 * dropped while insertions and every wrapper (sdt, smartTag, customXml,
 * hyperlink, fldSimple) are walked through, the strict namespace, nested
 * tables delivered before the table that holds them with their own text,
 * gridSpan/vMerge/gridBefore/gridAfter recorded, multi-paragraph cells
 * joined by "\n" with trailing breaks trimmed, malformed XML reported
 * with its line, every limit the reader enforces, and a sink's return
 * value stopping the walk.
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
#include "wordml.h"

/*
 * The sink writes every event to one log:
 *   a paragraph  P<text>
 *   a table      T<index>@<depth> then each row as [cell,cell,...]
 *   a row        [b<N>, ... ,a<N>] when gridBefore/gridAfter are set
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
	xxgk_buf_putc(&c->log, 'P');
	xxgk_buf_putc(&c->log, '<');
	xxgk_buf_put(&c->log, text, len);
	xxgk_buf_putc(&c->log, '>');
	return S_event(c);
}

static int S_table(const xxgk_rawtable *t, void *payload)
{
	S_cap *c = payload;
	size_t r, i;

	xxgk_buf_printf(&c->log, "T%d@%d", t->index, t->depth);
	for (r = 0; r < t->nrows; r++) {
		const xxgk_rawrow *row = &t->rows[r];
		xxgk_buf_putc(&c->log, '[');
		if (row->grid_before)
			xxgk_buf_printf(&c->log, "b%u%s", row->grid_before, row->ncells ? "," : "");
		for (i = 0; i < row->ncells; i++) {
			const xxgk_rawcell *cell = &t->cells[row->first_cell + i];
			if (i)
				xxgk_buf_putc(&c->log, ',');
			xxgk_buf_put(&c->log, t->text.ptr + cell->text_off, cell->text_len);
			if (cell->span > 1)
				xxgk_buf_printf(&c->log, "*%u", cell->span);
			if (cell->vmerge == XXGK_VMERGE_RESTART)
				xxgk_buf_puts(&c->log, "^R");
			else if (cell->vmerge == XXGK_VMERGE_CONTINUE)
				xxgk_buf_puts(&c->log, "^C");
		}
		if (row->grid_after)
			xxgk_buf_printf(&c->log, ",a%u", row->grid_after);
		xxgk_buf_putc(&c->log, ']');
	}
	return S_event(c);
}

static const xxgk_wordml_sink S_sink = {S_paragraph, S_table};
static const xxgk_limits S_default_limits = XXGK_LIMITS_DEFAULT;

/* Read a whole part; the log goes to c->log. */
static int S_read_xml(S_cap *c, const char *xml, const xxgk_limits *lim)
{
	return xxgk_wordml_read(xml, strlen(xml), "word/document.xml", lim ? lim : &S_default_limits,
				&S_sink, c);
}

/* Read fx_document(body) with `lim` (NULL: defaults) and return the log (free it). */
static int S_read(char **log, const char *body, const xxgk_limits *lim)
{
	S_cap c = {XXGK_BUF_INIT, 0, 0, 0};
	char *xml = fx_document(body);
	int rc;

	assert_non_null(xml);
	rc = S_read_xml(&c, xml, lim);
	free(xml);
	*log = xxgk_buf_detach(&c.log);
	return rc;
}

/* Assert that `body` reads without error into `expected`. */
static void S_expect(const char *body, const char *expected)
{
	char *log;
	assert_int_equal(S_read(&log, body, NULL), 0);
	assert_string_equal(log, expected);
	free(log);
}

#define R(text) "<w:r><w:t>" text "</w:t></w:r>"

static void paragraphs_in_order(void **state)
{
	(void)state;
	S_expect(FX_P("一") FX_P("二") "<w:p/>" FX_P("三"), "P<一>P<二>P<>P<三>");
}

static void runs_joined(void **state)
{
	(void)state;
	S_expect("<w:p>" R("本年") R("新收") "<w:proofErr w:type=\"spellStart\"/>" R("申请")
		 "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>" R("数量") "<w:bookmarkEnd w:id=\"0\"/></w:p>",
		 "P<本年新收申请数量>");
	S_expect("<w:p><w:r><w:t xml:space=\"preserve\">A </w:t></w:r>"
		 "<w:r><w:t xml:space=\"preserve\"> B</w:t></w:r></w:p>",
		 "P<A  B>");
	S_expect("<w:p>" R("A&amp;B&lt;C") "</w:p>", "P<A&B<C>");
}

static void tab_and_break(void **state)
{
	(void)state;
	S_expect("<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t>"
		 "<w:cr/><w:t>D</w:t></w:r></w:p>",
		 "P<A B\nC\nD>");
}

static void deletions_and_field_codes_dropped(void **state)
{
	(void)state;
	S_expect("<w:p>" R("保留")
		 "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
		 "<w:ins w:id=\"2\" w:author=\"x\">" R("插入") "</w:ins>"
		 "<w:r><w:delText>孤立</w:delText></w:r>"
		 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		 "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
		 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("7")
		 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
		 "P<保留插入7>");
}

static void fallback_skipped(void **state)
{
	(void)state;
	S_expect("<w:p>" R("前") "<mc:AlternateContent><mc:Choice Requires=\"wps\">" R("选")
		 "</mc:Choice><mc:Fallback>" R("备") "</mc:Fallback></mc:AlternateContent>"
		 R("后") "</w:p>",
		 "P<前选后>");
}

static void wrappers_walked_through(void **state)
{
	(void)state;
	S_expect("<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent>"
		 "<w:p><w:smartTag w:uri=\"u\" w:element=\"place\">" R("重庆")
		 "</w:smartTag><w:customXml w:element=\"e\">" R("市") "</w:customXml>"
		 "<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\">" R("巴南")
		 "</w:hyperlink><w:fldSimple w:instr=\"DOCPROPERTY x\">" R("区") "</w:fldSimple>"
		 "<w:sdt><w:sdtContent>" R("局") "</w:sdtContent></w:sdt></w:p>"
		 "</w:sdtContent></w:sdt>"
		 "<w:customXml w:element=\"block\">" FX_P("块") "</w:customXml>",
		 "P<重庆市巴南区局>P<块>");
}

static void other_namespaces_are_not_text(void **state)
{
	(void)state;
	S_expect("<w:p><w:r><x:t xmlns:x=\"urn:x\">外</x:t>" "<w:t>内</w:t></w:r></w:p>", "P<内>");
}

static void strict_namespace(void **state)
{
	S_cap c = {XXGK_BUF_INIT, 0, 0, 0};
	static const char xml[] =
		"<s:document xmlns:s=\"" FX_NS_W_STRICT "\"><s:body>"
		"<s:p><s:r><s:t>严格</s:t><s:tab/><s:t>格式</s:t></s:r></s:p>"
		"<s:tbl><s:tr><s:tc><s:tcPr><s:gridSpan s:val=\"2\"/><s:vMerge s:val=\"restart\"/>"
		"</s:tcPr><s:p><s:r><s:t>甲</s:t></s:r></s:p></s:tc></s:tr></s:tbl>"
		"</s:body></s:document>";
	(void)state;
	assert_int_equal(S_read_xml(&c, xml, NULL), 0);
	assert_string_equal(c.log.ptr, "P<严格 格式>T1@0[甲*2^R]");
	xxgk_buf_dispose(&c.log);
}

static void table_cells(void **state)
{
	(void)state;
	S_expect(FX_P("前")
		 FX_TBL(FX_TR(FX_TC("A") FX_TC("B")) FX_TR(FX_TC("C") "<w:tc/>"))
		 FX_P("后"),
		 "P<前>T1@0[A,B][C,]P<后>");
}

static void cell_paragraphs_joined(void **state)
{
	(void)state;
	S_expect(FX_TBL(FX_TR("<w:tc>" FX_P("商业") FX_P("企业") "<w:p/><w:p/></w:tc>"
			      "<w:tc><w:p>" R("一") "<w:r><w:br/></w:r></w:p></w:tc>"
			      "<w:tc><w:p/>" FX_P("二") "</w:tc>"
			      "<w:tc><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p></w:tc>")),
		 "T1@0[商业\n企业,一,\n二,甲\n乙]");
}

static void spans_and_merges(void **state)
{
	(void)state;
	S_expect(FX_TBL(
		"<w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid>"
		FX_TR("<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" FX_P("项目") "</w:tc>"
		      "<w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>" FX_P("申请人情况") "</w:tc>")
		FX_TR("<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
		      FX_TC("甲") "<w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
		      FX_TC("丙"))
		"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/></w:trPr>"
		FX_TC("乙") "</w:tr>"),
		"T1@0[项目^R,申请人情况*3][^C,甲,^C,丙][b1,乙,a2]");
}

static void bad_span_values(void **state)
{
	(void)state;
	/* zero, junk and a missing value all leave the span at 1 */
	S_expect(FX_TBL(FX_TR("<w:tc><w:tcPr><w:gridSpan w:val=\"0\"/></w:tcPr>" FX_P("a") "</w:tc>"
			      "<w:tc><w:tcPr><w:gridSpan w:val=\"x\"/></w:tcPr>" FX_P("b") "</w:tc>"
			      "<w:tc><w:tcPr><w:gridSpan/></w:tcPr>" FX_P("c") "</w:tc>")),
		 "T1@0[a,b,c]");
}

static void nested_tables_inner_first(void **state)
{
	(void)state;
	S_expect(FX_P("前")
		 FX_TBL(FX_TR("<w:tc>" FX_P("外甲")
			      FX_TBL(FX_TR(FX_TC("内甲") FX_TC("内乙")))
			      FX_P("外乙") "</w:tc>" FX_TC("外丙")))
		 FX_TBL(FX_TR(FX_TC("再")))
		 FX_P("后"),
		 "P<前>T2@1[内甲,内乙]T1@0[外甲\n外乙,外丙]T3@0[再]P<后>");
}

static void malformed_xml(void **state)
{
	S_cap c = {XXGK_BUF_INIT, 0, 0, 0};
	const xxgk_error *e;
	static const char xml[] =
		"<w:document xmlns:w=\"" FX_NS_W "\">\n"
		"<w:body>\n"
		"<w:p><w:r><w:t>x</w:t></w:r></w:q>\n"
		"</w:body></w:document>";
	(void)state;
	xxgk_error_clear();
	assert_int_equal(S_read_xml(&c, xml, NULL), XXGK_EXML);
	e = xxgk_error_last();
	assert_int_equal(e->code, XXGK_EXML);
	assert_string_equal(e->part, "word/document.xml");
	assert_int_equal(e->line, 3);
	assert_true(e->column > 0);
	assert_true(fx_contains(e->message, "line 3"));
	xxgk_buf_dispose(&c.log);
}

static void not_xml_at_all(void **state)
{
	S_cap c = {XXGK_BUF_INIT, 0, 0, 0};
	(void)state;
	assert_int_equal(S_read_xml(&c, "this is not XML", NULL), XXGK_EXML);
	assert_int_equal(xxgk_error_last()->line, 1);
	xxgk_buf_clear(&c.log);
	/* a part cut short */
	assert_int_equal(S_read_xml(&c, "<w:document xmlns:w=\"" FX_NS_W "\"><w:body><w:p>", NULL),
			 XXGK_EXML);
	xxgk_buf_dispose(&c.log);
}

/* The root element must be a document; the error names the one found. */
static void root_must_be_document(void **state)
{
	S_cap c = {XXGK_BUF_INIT, 0, 0, 0};
	(void)state;
	assert_int_equal(S_read_xml(&c, "<a:themeManager xmlns:a=\"urn:x\"><w:tbl/></a:themeManager>",
				    NULL), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "word/document.xml is not a "
				"WordprocessingML document: its root element is <a:themeManager>"));
	assert_int_equal(c.events, 0);
	assert_int_equal(S_read_xml(&c, "<body/>", NULL), XXGK_ENOTDOCX);
	assert_true(fx_contains(xxgk_error_last()->message, "root element is <body>,"));
	/* any document passes, whatever its namespace */
	assert_int_equal(S_read_xml(&c, "<document><p/></document>", NULL), 0);
	xxgk_buf_dispose(&c.log);
}

static void S_expect_limit(const char *body, const xxgk_limits *lim, const char *name)
{
	char *log;
	assert_int_equal(S_read(&log, body, lim), XXGK_ELIMIT);
	assert_int_equal(xxgk_error_last()->code, XXGK_ELIMIT);
	assert_true(fx_contains(xxgk_error_last()->message, name));
	free(log);
	assert_int_equal(S_read(&log, body, NULL), 0); /* fine with the defaults */
	free(log);
}

static void limit_rows(void **state)
{
	xxgk_limits lim = S_default_limits;
	char *log;
	(void)state;
	lim.max_rows = 2;
	S_expect_limit(FX_TBL(FX_TR(FX_TC("1")) FX_TR(FX_TC("2")) FX_TR(FX_TC("3"))), &lim, "max_rows");
	assert_int_equal(S_read(&log, FX_TBL(FX_TR(FX_TC("1")) FX_TR(FX_TC("2"))), &lim), 0);
	free(log);
}

static void limit_cells(void **state)
{
	xxgk_limits lim = S_default_limits;
	(void)state;
	lim.max_cells = 3;
	S_expect_limit(FX_TBL(FX_TR(FX_TC("1") FX_TC("2")) FX_TR(FX_TC("3") FX_TC("4"))), &lim,
		       "max_cells");
}

static void limit_cell_text(void **state)
{
	xxgk_limits lim = S_default_limits;
	char *log;
	(void)state;
	lim.max_cell_text = 4;
	S_expect_limit(FX_TBL(FX_TR(FX_TC("12345"))), &lim, "max_cell_text");
	assert_int_equal(S_read(&log, FX_TBL(FX_TR(FX_TC("123"))), &lim), 0);
	free(log);
}

static void limit_table_depth(void **state)
{
	xxgk_limits lim = S_default_limits;
	const char *nested = FX_TBL(FX_TR("<w:tc>" FX_TBL(FX_TR(FX_TC("内"))) "<w:p/></w:tc>"));
	char *log;
	(void)state;
	lim.max_table_depth = 1;
	S_expect_limit(nested, &lim, "max_table_depth");
	lim.max_table_depth = 2;
	assert_int_equal(S_read(&log, nested, &lim), 0);
	free(log);
}

static void limit_xml_depth(void **state)
{
	xxgk_limits lim = S_default_limits;
	/* document 0, body 1, sdt 2, sdtContent 3, sdt 4, sdtContent 5, p 6, r 7, t 8 */
	const char *deep = "<w:sdt><w:sdtContent><w:sdt><w:sdtContent>" FX_P("深")
			   "</w:sdtContent></w:sdt></w:sdtContent></w:sdt>";
	char *log;
	(void)state;
	lim.max_xml_depth = 7;
	S_expect_limit(deep, &lim, "max_xml_depth");
	lim.max_xml_depth = 8;
	assert_int_equal(S_read(&log, deep, &lim), 0);
	assert_string_equal(log, "P<深>");
	free(log);
}

static void limit_paragraphs(void **state)
{
	xxgk_limits lim = S_default_limits;
	(void)state;
	lim.max_paragraphs = 2;
	S_expect_limit(FX_P("1") FX_P("2") FX_P("3"), &lim, "max_paragraphs");
}

static void sink_stops_the_walk(void **state)
{
	S_cap c = {XXGK_BUF_INIT, 2, 7, 0};
	char *xml = fx_document(FX_P("一") FX_TBL(FX_TR(FX_TC("表"))) FX_P("二"));
	(void)state;
	assert_non_null(xml);
	assert_int_equal(S_read_xml(&c, xml, NULL), 7);
	assert_string_equal(c.log.ptr, "P<一>T1@0[表]");
	/* any non-zero value, positive ones included */
	xxgk_buf_clear(&c.log);
	c.events = 0;
	c.stop_after = 1;
	c.stop_rc = 1;
	assert_int_equal(S_read_xml(&c, xml, NULL), 1);
	assert_string_equal(c.log.ptr, "P<一>");
	xxgk_buf_clear(&c.log);
	c.events = 0;
	c.stop_after = 2;
	c.stop_rc = -42;
	assert_int_equal(S_read_xml(&c, xml, NULL), -42);
	assert_string_equal(c.log.ptr, "P<一>T1@0[表]");
	xxgk_buf_dispose(&c.log);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraphs_in_order),
		cmocka_unit_test(runs_joined),
		cmocka_unit_test(tab_and_break),
		cmocka_unit_test(deletions_and_field_codes_dropped),
		cmocka_unit_test(fallback_skipped),
		cmocka_unit_test(wrappers_walked_through),
		cmocka_unit_test(other_namespaces_are_not_text),
		cmocka_unit_test(strict_namespace),
		cmocka_unit_test(table_cells),
		cmocka_unit_test(cell_paragraphs_joined),
		cmocka_unit_test(spans_and_merges),
		cmocka_unit_test(bad_span_values),
		cmocka_unit_test(nested_tables_inner_first),
		cmocka_unit_test(malformed_xml),
		cmocka_unit_test(not_xml_at_all),
		cmocka_unit_test(limit_rows),
		cmocka_unit_test(limit_cells),
		cmocka_unit_test(limit_cell_text),
		cmocka_unit_test(limit_table_depth),
		cmocka_unit_test(limit_xml_depth),
		cmocka_unit_test(limit_paragraphs),
		cmocka_unit_test(sink_stops_the_walk),
		cmocka_unit_test(root_must_be_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
