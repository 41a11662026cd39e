/*
 * html.c - the web page reader.
 *
 * libxml2's HTML parser (recovering, no network, silent) walks the decoded
 * page once and calls back here; nothing is kept but the open tables and
 * the open paragraph. Text is laid out as a browser would: runs of ASCII
 * white space collapse to one space (none at all at a line break between
 * two Chinese characters), <br> is a line break, block elements (p, div,
 * li, h1-h6, ...) end a paragraph outside tables and a line inside a cell.
 * &nbsp; and U+3000 stay as they are: the label normalizer drops them and
 * the value reader takes them for padding.
 *
 * Skipped: the content of script, style, noscript, template, select,
 * textarea and iframe, and all of <head> except the page <title>. A block
 * whose text is all inside links is navigation, not a paragraph.
 */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "rawtable.h"
#include "text.h"

#define TITLE_MAX 2048u      /* bytes of <title> kept */
#define HTML_MAX_COLSPAN 1000u
#define HTML_MAX_ROWSPAN 65534u

typedef enum {
	T_OTHER, T_TABLE, T_TR, T_CELL, T_BR, T_BLOCK, T_SKIP, T_HEAD, T_TITLE, T_A
} S_tag;

/* A rowspan still covering rows below: the columns it takes, the rows left. */
typedef struct {
	uint32_t left, width, seen_row;
} S_span;

typedef struct {
	xxgk_rawtable raw;
	S_span *spans;       /* by grid column of the span's left edge */
	uint32_t nspans;
	uint32_t col;        /* next grid column in the open row */
	int row_open, cell_open;
	int space;           /* collapsed white space pending in the open cell: 1, 2 at a line break */
	size_t line_off;     /* where the open cell's current block of text starts */
	int line_plain;      /* that block has text outside links */
} S_table;

typedef struct {
	htmlParserCtxtPtr ctxt;
	const xxgk_limits *lim;
	const xxgk_wordml_sink *sink;
	void *payload;
	int rc;              /* the first failure; the parser is stopped */
	S_table **tables;    /* open tables, innermost last */
	size_t ntables;
	int table_counter;
	uint32_t depth, skip, in_a, in_head;
	xxgk_buf para;       /* the open paragraph outside tables */
	int para_space, para_plain;
	size_t paragraphs;
	xxgk_buf *title;
	int in_title, title_done, title_space;
} S_reader;

static S_tag S_classify(const char *name)
{
	static const struct { const char *name; S_tag tag; } map[] = {
		{"table", T_TABLE}, {"tr", T_TR}, {"td", T_CELL}, {"th", T_CELL}, {"br", T_BR},
		{"title", T_TITLE}, {"a", T_A},
		{"p", T_BLOCK}, {"div", T_BLOCK}, {"li", T_BLOCK}, {"ul", T_BLOCK}, {"ol", T_BLOCK},
		{"dl", T_BLOCK}, {"dt", T_BLOCK}, {"dd", T_BLOCK}, {"h1", T_BLOCK}, {"h2", T_BLOCK},
		{"h3", T_BLOCK}, {"h4", T_BLOCK}, {"h5", T_BLOCK}, {"h6", T_BLOCK},
		{"blockquote", T_BLOCK}, {"center", T_BLOCK}, {"pre", T_BLOCK}, {"form", T_BLOCK},
		{"hr", T_BLOCK}, {"address", T_BLOCK}, {"section", T_BLOCK}, {"article", T_BLOCK},
		{"header", T_BLOCK}, {"footer", T_BLOCK}, {"nav", T_BLOCK}, {"aside", T_BLOCK},
		{"main", T_BLOCK}, {"figure", T_BLOCK}, {"figcaption", T_BLOCK}, {"body", T_BLOCK},
		{"html", T_BLOCK}, {"caption", T_BLOCK}, {"fieldset", T_BLOCK}, {"legend", T_BLOCK},
		{"script", T_SKIP}, {"style", T_SKIP}, {"noscript", T_SKIP}, {"template", T_SKIP},
		{"select", T_SKIP}, {"textarea", T_SKIP}, {"iframe", T_SKIP}, {"head", T_HEAD},
		{"object", T_SKIP}, {"svg", T_SKIP}, {"xml", T_SKIP},
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (strcmp(name, map[i].name) == 0)
			return map[i].tag;
	return T_OTHER;
}

/* Record the first failure and stop the parser. */
static void S_fail(S_reader *r, int rc)
{
	if (r->rc == 0)
		r->rc = rc;
	xmlStopParser(r->ctxt);
}

static int S_line(const S_reader *r)
{
	return r->ctxt && r->ctxt->input ? r->ctxt->input->line : 0;
}

static S_table *S_top(const S_reader *r)
{
	return r->ntables ? r->tables[r->ntables - 1] : NULL;
}

/* ---- text and its white space ---- */

static int S_is_html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int S_is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* The code point that ends b[origin, size), or 0 if that is empty. */
static uint32_t S_last_cp(const xxgk_buf *b, size_t origin)
{
	size_t i = b->size, n;

	if (i <= origin)
		return 0;
	i--;
	while (i > origin && b->size - i < 4 && ((unsigned char)b->ptr[i] & 0xC0) == 0x80)
		i--;
	return xxgk_utf8_decode(b->ptr + i, b->size - i, &n);
}

/*
 * Append text to `b`, whose current piece (a cell, a paragraph) starts at
 * `origin`, collapsing white space: `*space` carries a pending space
 * between calls (2 when it held a line break). A pending space is written
 * only between two pieces of text on one line, and not at a line break
 * between two Chinese characters. At most `room` bytes are added; 1 is
 * returned when the text did not fit.
 */
static int S_put(xxgk_buf *b, size_t origin, int *space, const char *s, size_t len, size_t room)
{
	size_t i = 0, n, start = b->size;

	while (i < len) {
		size_t j = i;
		uint32_t cp;
		for (; j < len && S_is_html_space((unsigned char)s[j]); j++)
			*space = s[j] == '\n' || s[j] == '\r' ? 2 : *space ? *space : 1;
		if (j == len)
			break;
		cp = xxgk_utf8_decode(s + j, len - j, &n);
		if (*space && b->size > origin && b->ptr[b->size - 1] != '\n' &&
		    !(*space == 2 && S_is_cjk(cp) && S_is_cjk(S_last_cp(b, origin)))) {
			if (b->size - start + 1 > room)
				return 1;
			if (xxgk_buf_putc(b, ' ') < 0)
				return xxgk_error_oom();
		}
		*space = 0;
		for (i = j + n; i < len && !S_is_html_space((unsigned char)s[i]); i++)
			;
		if (b->size - start + (i - j) > room)
			return 1;
		if (xxgk_buf_put(b, s + j, i - j) < 0)
			return xxgk_error_oom();
	}
	return 0;
}

/* A line break in b[origin, size) unless that is empty or already ends in one. */
static int S_newline(xxgk_buf *b, size_t origin, int *space)
{
	*space = 0;
	if (b->size <= origin || b->ptr[b->size - 1] == '\n')
		return 0;
	return xxgk_buf_putc(b, '\n') < 0 ? xxgk_error_oom() : 0;
}

static int S_cell_limit(S_reader *r, const S_table *t)
{
	return xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "a cell of table %d holds more than "
				 "%u bytes of text (limit max_cell_text)", t->raw.index,
				 r->lim->max_cell_text);
}

/* Text into the open cell of `t`. */
static int S_cell_text(S_reader *r, S_table *t, const char *s, size_t len)
{
	xxgk_rawcell *c = &t->raw.cells[t->raw.ncells - 1];
	size_t before = t->raw.text.size;
	int rc = S_put(&t->raw.text, c->text_off, &t->space, s, len,
		       r->lim->max_cell_text - c->text_len);

	c->text_len += (uint32_t)(t->raw.text.size - before);
	if (t->raw.text.size > before && !r->in_a)
		t->line_plain = 1;
	return rc == 1 ? S_cell_limit(r, t) : rc;
}

/*
 * A block of text in a cell ends. Pages are laid out with tables, so the
 * report's title often sits in a cell: each block of cell text with some
 * text outside links goes to the sink as a paragraph too.
 */
static int S_cell_para(S_reader *r, S_table *t)
{
	size_t off = t->line_off, n = t->raw.text.size - off;
	int plain = t->line_plain;

	t->line_off = t->raw.text.size;
	t->line_plain = 0;
	while (n && t->raw.text.ptr[off + n - 1] == '\n')
		n--;
	if (!n || !plain || !r->sink->paragraph)
		return 0;
	if (++r->paragraphs > r->lim->max_paragraphs)
		return xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "more than %u paragraphs "
					 "(limit max_paragraphs)", r->lim->max_paragraphs);
	return r->sink->paragraph(t->raw.text.ptr + off, n, r->payload);
}

/* A line break in the open cell: always for <br>, else only after text. */
static int S_cell_break(S_reader *r, S_table *t, int always)
{
	xxgk_rawcell *c = &t->raw.cells[t->raw.ncells - 1];

	int rc;

	t->space = 0;
	if (!always && (rc = S_cell_para(r, t)) != 0)
		return rc;
	if (!always && (!c->text_len || t->raw.text.ptr[t->raw.text.size - 1] == '\n'))
		return 0;
	if (c->text_len >= r->lim->max_cell_text)
		return S_cell_limit(r, t);
	if (xxgk_buf_putc(&t->raw.text, '\n') < 0)
		return xxgk_error_oom();
	c->text_len++;
	if (!always)
		t->line_off = t->raw.text.size;
	return 0;
}

/* ---- tables ---- */

static void S_table_free(S_table *t)
{
	if (!t)
		return;
	xxgk_rawtable_dispose(&t->raw);
	free(t->spans);
	free(t);
}

/* Append a cell of `span` columns to the open row. */
static int S_cell_add(S_reader *r, S_table *t, uint32_t span, uint8_t vmerge)
{
	int rc;

	if ((uint64_t)t->col + span > r->lim->max_cols)
		return xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "table %d is more than %u "
					 "columns wide (limit max_cols)", t->raw.index, r->lim->max_cols);
	if ((rc = xxgk_rawtable_add_cell(&t->raw, r->lim, S_line(r), span, vmerge)) < 0)
		return rc;
	t->col += span;
	return 0;
}

/* Continue the rowspans from above that start at the current column. */
static int S_fill_spans(S_reader *r, S_table *t)
{
	int rc = 0;

	while (rc == 0 && t->col < t->nspans && t->spans[t->col].left) {
		S_span *sp = &t->spans[t->col];
		sp->left--;
		sp->seen_row = (uint32_t)t->raw.nrows;
		rc = S_cell_add(r, t, sp->width, XXGK_VMERGE_CONTINUE);
	}
	return rc;
}

/* Close the open cell: its last block of text, then drop the line breaks it left. */
static int S_cell_end(S_reader *r, S_table *t)
{
	int rc;

	if (!t->cell_open)
		return 0;
	t->cell_open = 0;
	if ((rc = S_cell_para(r, t)) != 0)
		return rc;
	xxgk_rawtable_end_cell(&t->raw);
	t->space = 0;
	return 0;
}

/* Close the open row: rowspans from above that no cell of it reached
 * continue at its end (after a blank filler), or are used up (overlapped). */
static int S_row_end(S_reader *r, S_table *t)
{
	uint32_t c, row = (uint32_t)t->raw.nrows;
	int rc = 0;

	if ((rc = S_cell_end(r, t)) != 0 || !t->row_open)
		return rc;
	t->row_open = 0;
	for (c = 0; c < t->nspans && rc == 0; c++) {
		S_span *sp = &t->spans[c];
		if (!sp->left || sp->seen_row == row)
			continue;
		if (c < t->col) {
			sp->left--;
			continue;
		}
		if (c > t->col && (rc = S_cell_add(r, t, c - t->col, XXGK_VMERGE_NONE)) < 0)
			break;
		sp->left--;
		sp->seen_row = row;
		rc = S_cell_add(r, t, sp->width, XXGK_VMERGE_CONTINUE);
	}
	return rc;
}

static int S_row_begin(S_reader *r, S_table *t)
{
	int rc;

	if ((rc = S_row_end(r, t)) != 0 ||
	    (rc = xxgk_rawtable_add_row(&t->raw, r->lim, S_line(r))) < 0)
		return rc;
	t->row_open = 1;
	t->col = 0;
	return 0;
}

/* An attribute as a number as browsers read it: leading digits, else `dflt`. */
static uint32_t S_attr_num(const xmlChar **atts, const char *name, uint32_t dflt, uint32_t max)
{
	size_t i;

	for (i = 0; atts && atts[i]; i += 2) {
		const char *v = (const char *)atts[i + 1];
		uint64_t n = 0;
		int digits = 0;
		if (strcasecmp((const char *)atts[i], name) != 0 || !v)
			continue;
		while (S_is_html_space((unsigned char)*v))
			v++;
		for (; *v >= '0' && *v <= '9'; v++, digits = 1)
			if (n <= max)
				n = n * 10 + (uint64_t)(*v - '0');
		return !digits ? dflt : n > max ? max : (uint32_t)n;
	}
	return dflt;
}

static int S_cell_begin(S_reader *r, S_table *t, const xmlChar **atts)
{
	uint32_t colspan = S_attr_num(atts, "colspan", 1, HTML_MAX_COLSPAN);
	uint32_t rowspan = S_attr_num(atts, "rowspan", 1, HTML_MAX_ROWSPAN);
	uint32_t start;
	int rc;

	if ((rc = S_cell_end(r, t)) != 0 ||
	    (!t->row_open && (rc = S_row_begin(r, t)) < 0) || (rc = S_fill_spans(r, t)) < 0)
		return rc;
	if (colspan == 0)
		colspan = 1;
	if (rowspan == 0 || rowspan > r->lim->max_rows)
		rowspan = r->lim->max_rows; /* 0: to the end of the table */
	start = t->col;
	if ((rc = S_cell_add(r, t, colspan, rowspan > 1 ? XXGK_VMERGE_RESTART
							 : XXGK_VMERGE_NONE)) < 0)
		return rc;
	t->cell_open = 1;
	t->space = 0;
	t->line_off = t->raw.text.size;
	t->line_plain = 0;
	if (rowspan > 1) {
		if (start >= t->nspans) {
			uint32_t na = start + 1 > t->nspans * 2 ? start + 1 : t->nspans * 2;
			S_span *ns = realloc(t->spans, na * sizeof(*ns));
			if (!ns)
				return xxgk_error_oom();
			memset(ns + t->nspans, 0, (na - t->nspans) * sizeof(*ns));
			t->spans = ns;
			t->nspans = na;
		}
		t->spans[start].left = rowspan - 1;
		t->spans[start].width = colspan;
		t->spans[start].seen_row = (uint32_t)t->raw.nrows;
	}
	return 0;
}

static int S_table_open(S_reader *r)
{
	S_table *t, **nt;

	if (r->ntables >= r->lim->max_table_depth || r->ntables >= 30)
		return xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "tables nested more than %u "
					 "deep (limit max_table_depth)", r->lim->max_table_depth);
	t = calloc(1, sizeof(*t));
	nt = realloc(r->tables, (r->ntables + 1) * sizeof(*nt));
	if (nt)
		r->tables = nt;
	if (!t || !nt) {
		free(t);
		return xxgk_error_oom();
	}
	xxgk_rawtable_init(&t->raw, ++r->table_counter, (int)r->ntables);
	r->tables[r->ntables++] = t;
	return 0;
}

/* Close the innermost table and hand it to the sink. */
static int S_table_close(S_reader *r)
{
	S_table *t = S_top(r);
	int rc;

	if (!t)
		return 0;
	rc = S_row_end(r, t);
	r->ntables--;
	if (rc == 0 && r->sink->table)
		rc = r->sink->table(&t->raw, r->payload);
	S_table_free(t);
	return rc;
}

/* ---- paragraphs and blocks ---- */

static int S_para_flush(S_reader *r)
{
	int rc = 0;

	if (r->para.size && r->para_plain && r->sink->paragraph)
		rc = r->sink->paragraph(r->para.ptr, r->para.size, r->payload);
	xxgk_buf_clear(&r->para);
	r->para_plain = 0;
	r->para_space = 0;
	return rc;
}

/* A block element starts or ends: a new line in a cell, a new paragraph outside. */
static int S_block(S_reader *r)
{
	S_table *t = S_top(r);

	if (t)
		return t->cell_open ? S_cell_break(r, t, 0) : 0;
	if (r->para.size && ++r->paragraphs > r->lim->max_paragraphs)
		return xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "more than %u paragraphs "
					 "(limit max_paragraphs)", r->lim->max_paragraphs);
	return S_para_flush(r);
}

static int S_br(S_reader *r)
{
	S_table *t = S_top(r);

	if (t)
		return t->cell_open ? S_cell_break(r, t, 1) : 0;
	return S_newline(&r->para, 0, &r->para_space);
}

/* ---- the SAX callbacks ---- */

static void S_on_text(void *ctx, const xmlChar *ch, int len)
{
	S_reader *r = ctx;
	S_table *t;
	size_t before;
	int rc = 0;

	if (r->rc || len <= 0)
		return;
	if (r->in_title) {
		(void)S_put(r->title, 0, &r->title_space, (const char *)ch, (size_t)len,
			    r->title->size < TITLE_MAX ? TITLE_MAX - r->title->size : 0);
		return;
	}
	if (r->skip || r->in_head)
		return;
	if ((t = S_top(r)) != NULL) {
		if (t->cell_open)
			rc = S_cell_text(r, t, (const char *)ch, (size_t)len);
	} else {
		before = r->para.size;
		rc = S_put(&r->para, 0, &r->para_space, (const char *)ch, (size_t)len,
			   (size_t)r->lim->max_cell_text * 16u - r->para.size);
		if (rc == 1)
			rc = 0; /* an absurd paragraph: keep its start only */
		if (r->para.size > before && !r->in_a)
			r->para_plain = 1;
	}
	if (rc)
		S_fail(r, rc);
}

static void S_on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	S_reader *r = ctx;
	S_tag tag;
	S_table *t;
	int rc = 0;

	if (r->rc)
		return;
	if (++r->depth > r->lim->max_xml_depth) {
		S_fail(r, xxgk_error_set_at(XXGK_ELIMIT, "", S_line(r), 0, "HTML nested more than %u "
					    "deep (limit max_xml_depth)", r->lim->max_xml_depth));
		return;
	}
	tag = S_classify((const char *)name);
	if (r->in_title) { /* a title holds no elements: this one was left open */
		r->in_title = 0;
		r->title_done = 1;
	}
	if (r->skip) {
		r->skip += tag == T_SKIP;
		return;
	}
	if (tag == T_BLOCK || tag == T_TABLE || tag == T_TR || tag == T_CELL || tag == T_BR)
		r->in_head = 0; /* body content: the head was left open */
	t = S_top(r);
	switch (tag) {
	case T_SKIP:
		r->skip++;
		break;
	case T_HEAD:
		r->in_head++;
		break;
	case T_TITLE:
		if (!r->title_done)
			r->in_title = 1;
		break;
	case T_A:
		r->in_a++;
		break;
	case T_BR:
		rc = S_br(r);
		break;
	case T_BLOCK:
		rc = S_block(r);
		break;
	case T_TABLE:
		if ((rc = S_block(r)) == 0)
			rc = S_table_open(r);
		break;
	case T_TR:
		rc = t ? S_row_begin(r, t) : S_block(r);
		break;
	case T_CELL:
		rc = t ? S_cell_begin(r, t, atts) : S_block(r);
		break;
	default:
		break;
	}
	if (rc)
		S_fail(r, rc);
}

static void S_on_end(void *ctx, const xmlChar *name)
{
	S_reader *r = ctx;
	S_tag tag;
	S_table *t;
	int rc = 0;

	if (r->rc)
		return;
	if (r->depth)
		r->depth--;
	tag = S_classify((const char *)name);
	if (r->skip) {
		r->skip -= tag == T_SKIP;
		return;
	}
	t = S_top(r);
	switch (tag) {
	case T_HEAD:
		r->in_head -= r->in_head > 0;
		break;
	case T_TITLE:
		if (r->in_title)
			r->title_done = 1;
		r->in_title = 0;
		break;
	case T_A:
		r->in_a -= r->in_a > 0;
		break;
	case T_BLOCK:
		rc = S_block(r);
		break;
	case T_TABLE:
		rc = S_table_close(r);
		break;
	case T_TR:
		rc = t ? S_row_end(r, t) : S_block(r);
		break;
	case T_CELL:
		rc = t ? S_cell_end(r, t) : S_block(r);
		break;
	default:
		break;
	}
	if (rc)
		S_fail(r, rc);
}

static void S_on_cdata(void *ctx, const xmlChar *value, int len)
{
	(void)ctx, (void)value, (void)len; /* script and style content */
}

static void S_on_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx, (void)err; /* HTML is read recovering; its errors are not ours to report */
}

static void S_reader_dispose(S_reader *r)
{
	while (r->ntables)
		S_table_free(r->tables[--r->ntables]);
	free(r->tables);
	xxgk_buf_dispose(&r->para);
}

/* Parse the decoded page with the callbacks above. */
static int S_parse(S_reader *r, const xxgk_buf *page)
{
	htmlSAXHandler sax;
	htmlSAXHandlerPtr old;
	int rc;

	memset(&sax, 0, sizeof(sax));
	sax.startElement = S_on_start;
	sax.endElement = S_on_end;
	sax.characters = S_on_text;
	sax.ignorableWhitespace = S_on_text;
	sax.cdataBlock = S_on_cdata;
	sax.serror = S_on_error;
	sax.initialized = XML_SAX2_MAGIC;
	r->ctxt = htmlCreateMemoryParserCtxt(page->size ? page->ptr : " ", page->size ? (int)page->size : 1);
	if (!r->ctxt)
		return xxgk_error_oom();
	htmlCtxtUseOptions(r->ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			   HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);
	xmlSwitchEncoding(r->ctxt, XML_CHAR_ENCODING_UTF8); /* decoded already: no guessing */
	old = r->ctxt->sax;
	r->ctxt->sax = &sax;
	r->ctxt->userData = r;
	htmlParseDocument(r->ctxt);
	r->ctxt->sax = old;
	r->ctxt->userData = NULL;
	rc = r->rc;
	if (rc == 0 && r->ctxt->errNo == XML_ERR_NO_MEMORY)
		rc = xxgk_error_oom();
	htmlFreeParserCtxt(r->ctxt);
	r->ctxt = NULL;
	return rc;
}

int xxgk_html_read(xxgk_buf *title, const char *data, size_t len, const xxgk_limits *lim,
		   const xxgk_wordml_sink *sink, void *payload)
{
	xxgk_buf page = XXGK_BUF_INIT;
	S_reader r;
	int rc;

	xxgk_buf_clear(title);
	memset(&r, 0, sizeof(r));
	r.para = (xxgk_buf)XXGK_BUF_INIT;
	r.lim = lim;
	r.sink = sink;
	r.payload = payload;
	r.title = title;
	if ((rc = xxgk_html_decode(&page, NULL, 0, data, len, lim)) < 0)
		goto cleanup;
	rc = S_parse(&r, &page);
	/* the parser closes every element at the end; anything left is closed here */
	while (rc == 0 && r.ntables)
		rc = S_table_close(&r);
	if (rc == 0)
		rc = S_para_flush(&r);
cleanup:
	xxgk_buf_dispose(&page);
	S_reader_dispose(&r);
	return rc;
}
