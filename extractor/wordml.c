/*
 * wordml.c - the WordprocessingML reader.
 *
 * One forward pass with xmlTextReader. Text comes from w:t runs (w:tab is
 * a space, w:br and w:cr a line break). Insertions and every wrapper
 * (w:sdt, w:customXml, w:smartTag, w:hyperlink, w:fldSimple, ...) are
 * walked through because nothing but the skip list below is skipped:
 * deletions, field codes, and mc:Fallback (the duplicate of mc:Choice).
 * Both the transitional and the strict namespace are WordprocessingML.
 */
#include "wordml.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct {
	xxgk_rawtable **tables; /* open tables, innermost last */
	size_t ntables;
	int in_cell;            /* per open table: a w:tc is open (bit per depth) */
	xxgk_buf para;          /* the open body paragraph's text */
	int body_p_depth;       /* w:p nesting outside tables */
	int in_t;               /* inside w:t */
	int table_counter;
	size_t paragraphs;
	const xxgk_limits *lim;
	const xxgk_wordml_sink *sink;
	void *payload;
	const char *part;
	/* the first XML error reported by libxml2 */
	int err_set, err_line, err_col;
	char err_msg[256];
} S_reader;

typedef enum {
	E_OTHER, E_P, E_T, E_TAB, E_BR, E_TBL, E_TR, E_TC, E_GRIDSPAN, E_VMERGE,
	E_GRIDBEFORE, E_GRIDAFTER, E_SKIP, E_NBHYPHEN
} S_elem;

static S_elem S_classify(const char *ns, const char *ln)
{
	static const struct { const char *name; S_elem e; } map[] = {
		{"p", E_P}, {"t", E_T}, {"tab", E_TAB}, {"br", E_BR}, {"cr", E_BR},
		{"tbl", E_TBL}, {"tr", E_TR}, {"tc", E_TC}, {"gridSpan", E_GRIDSPAN},
		{"vMerge", E_VMERGE}, {"gridBefore", E_GRIDBEFORE}, {"gridAfter", E_GRIDAFTER},
		{"del", E_SKIP}, {"moveFrom", E_SKIP}, {"instrText", E_SKIP},
		{"delText", E_SKIP}, {"delInstrText", E_SKIP}, {"noBreakHyphen", E_NBHYPHEN},
	};
	size_t i;

	if (!ns)
		return E_OTHER;
	if (strcmp(ns, NS_MC) == 0)
		return strcmp(ln, "Fallback") == 0 ? E_SKIP : E_OTHER;
	if (strcmp(ns, NS_W) != 0 && strcmp(ns, NS_W_STRICT) != 0)
		return E_OTHER;
	for (i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (strcmp(ln, map[i].name) == 0)
			return map[i].e;
	return E_OTHER;
}

static xxgk_rawtable *S_top(S_reader *r)
{
	return r->ntables ? r->tables[r->ntables - 1] : NULL;
}

static int S_cell_open(const S_reader *r)
{
	return r->ntables && (r->in_cell >> (r->ntables - 1) & 1);
}

static void S_table_free(xxgk_rawtable *t)
{
	if (!t)
		return;
	free(t->cells);
	free(t->rows);
	xxgk_buf_dispose(&t->text);
	free(t);
}

/* Where text goes now: the open cell of the innermost table, else the body paragraph. */
static int S_put_text(S_reader *r, const char *s, size_t len)
{
	xxgk_rawtable *t = S_top(r);

	if (S_cell_open(r)) {
		xxgk_rawcell *c = &t->cells[t->ncells - 1];
		if (c->text_len + len > r->lim->max_cell_text)
			return xxgk_error_set(XXGK_ELIMIT, "a cell of table %d holds more than %u bytes "
					      "of text (limit max_cell_text)", t->index,
					      r->lim->max_cell_text);
		if (xxgk_buf_put(&t->text, s, len) < 0)
			return xxgk_error_oom();
		c->text_len += (uint32_t)len;
		return 0;
	}
	if (r->ntables)
		return 0; /* text in a row or table outside any cell: not content */
	if (r->para.size + len > r->lim->max_cell_text * 16u)
		return 0; /* an absurd paragraph: keep its start only */
	return xxgk_buf_put(&r->para, s, len) < 0 ? xxgk_error_oom() : 0;
}

static int S_table_open(S_reader *r)
{
	xxgk_rawtable *t, **nt;

	if (r->ntables >= r->lim->max_table_depth || r->ntables >= 30)
		return xxgk_error_set(XXGK_ELIMIT, "tables nested more than %u deep "
				      "(limit max_table_depth)", r->lim->max_table_depth);
	t = calloc(1, sizeof(*t));
	nt = realloc(r->tables, (r->ntables + 1) * sizeof(*nt));
	if (!t || !nt) {
		free(t);
		if (nt)
			r->tables = nt;
		return xxgk_error_oom();
	}
	r->tables = nt;
	t->text = (xxgk_buf)XXGK_BUF_INIT;
	t->index = ++r->table_counter;
	t->depth = (int)r->ntables;
	r->tables[r->ntables++] = t;
	r->in_cell &= ~(1 << (r->ntables - 1));
	return 0;
}

static int S_table_close(S_reader *r)
{
	xxgk_rawtable *t;
	int rc = 0;

	if (!r->ntables)
		return 0;
	t = r->tables[--r->ntables];
	if (r->sink->table)
		rc = r->sink->table(t, r->payload);
	S_table_free(t);
	return rc;
}

static int S_row_open(S_reader *r)
{
	xxgk_rawtable *t = S_top(r);
	xxgk_rawrow *nr;

	if (!t)
		return 0;
	if (t->nrows >= r->lim->max_rows)
		return xxgk_error_set(XXGK_ELIMIT, "table %d has more than %u rows (limit max_rows)",
				      t->index, r->lim->max_rows);
	if (t->nrows == t->arows) {
		size_t na = t->arows ? t->arows * 2 : 32;
		if (!(nr = realloc(t->rows, na * sizeof(*nr))))
			return xxgk_error_oom();
		t->rows = nr;
		t->arows = na;
	}
	memset(&t->rows[t->nrows], 0, sizeof(*t->rows));
	t->rows[t->nrows].first_cell = (uint32_t)t->ncells;
	t->nrows++;
	r->in_cell &= ~(1 << (r->ntables - 1));
	return 0;
}

static int S_cell_open_new(S_reader *r)
{
	xxgk_rawtable *t = S_top(r);
	xxgk_rawcell *nc;

	if (!t)
		return 0;
	if (!t->nrows && S_row_open(r) < 0) /* a cell outside any row: give it one */
		return XXGK_ELIMIT;
	if (t->ncells >= r->lim->max_cells)
		return xxgk_error_set(XXGK_ELIMIT, "table %d has more than %u cells (limit max_cells)",
				      t->index, r->lim->max_cells);
	if (t->ncells == t->acells) {
		size_t na = t->acells ? t->acells * 2 : 64;
		if (!(nc = realloc(t->cells, na * sizeof(*nc))))
			return xxgk_error_oom();
		t->cells = nc;
		t->acells = na;
	}
	nc = &t->cells[t->ncells++];
	nc->text_off = (uint32_t)t->text.size;
	nc->text_len = 0;
	nc->span = 1;
	nc->vmerge = XXGK_VMERGE_NONE;
	t->rows[t->nrows - 1].ncells++;
	r->in_cell |= 1 << (r->ntables - 1);
	return 0;
}

/* Drop the trailing line breaks left by the cell's last paragraph. */
static void S_cell_close(S_reader *r)
{
	xxgk_rawtable *t = S_top(r);

	if (!S_cell_open(r))
		return;
	{
		xxgk_rawcell *c = &t->cells[t->ncells - 1];
		while (c->text_len && t->text.ptr[c->text_off + c->text_len - 1] == '\n') {
			c->text_len--;
			t->text.size--;
		}
		t->text.ptr[t->text.size] = '\0';
	}
	r->in_cell &= ~(1 << (r->ntables - 1));
}

static uint32_t S_attr_uint(xmlTextReaderPtr rd, const char *ns, uint32_t dflt, uint32_t max)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(rd, BAD_CAST "val", BAD_CAST ns);
	unsigned long n;
	char *end;

	if (!v)
		return dflt;
	n = strtoul((const char *)v, &end, 10);
	if (end == (char *)v || n == 0)
		n = dflt;
	xmlFree(v);
	return n > max ? max : (uint32_t)n;
}

static int S_paragraph_end(S_reader *r)
{
	int rc = 0;

	if (++r->paragraphs > r->lim->max_paragraphs)
		return xxgk_error_set(XXGK_ELIMIT, "more than %u paragraphs (limit max_paragraphs)",
				      r->lim->max_paragraphs);
	if (r->ntables)
		return S_cell_open(r) ? S_put_text(r, "\n", 1) : 0;
	if (r->body_p_depth > 0)
		r->body_p_depth--;
	if (r->body_p_depth > 0)
		return xxgk_buf_putc(&r->para, '\n') < 0 ? xxgk_error_oom() : 0;
	if (r->sink->paragraph)
		rc = r->sink->paragraph(r->para.ptr, r->para.size, r->payload);
	xxgk_buf_clear(&r->para);
	return rc;
}

static int S_start(S_reader *r, xmlTextReaderPtr rd, S_elem e, const char *ns, int empty)
{
	int rc = 0;

	switch (e) {
	case E_P:
		if (!r->ntables && !empty)
			r->body_p_depth++;
		if (empty)
			rc = S_paragraph_end(r);
		break;
	case E_T:
		r->in_t = !empty;
		break;
	case E_TAB:
		rc = S_put_text(r, " ", 1);
		break;
	case E_BR:
		rc = S_put_text(r, "\n", 1);
		break;
	case E_NBHYPHEN:
		rc = S_put_text(r, "-", 1);
		break;
	case E_TBL:
		rc = S_table_open(r);
		if (rc == 0 && empty)
			rc = S_table_close(r);
		break;
	case E_TR:
		S_cell_close(r);
		rc = S_row_open(r);
		break;
	case E_TC:
		S_cell_close(r);
		rc = S_cell_open_new(r);
		if (rc == 0 && empty)
			S_cell_close(r);
		break;
	case E_GRIDSPAN:
		if (S_cell_open(r))
			S_top(r)->cells[S_top(r)->ncells - 1].span =
				S_attr_uint(rd, ns, 1, r->lim->max_cols);
		break;
	case E_VMERGE:
		if (S_cell_open(r)) {
			xmlChar *v = xmlTextReaderGetAttributeNs(rd, BAD_CAST "val", BAD_CAST ns);
			S_top(r)->cells[S_top(r)->ncells - 1].vmerge =
				v && strcmp((const char *)v, "restart") == 0 ? XXGK_VMERGE_RESTART
									 : XXGK_VMERGE_CONTINUE;
			xmlFree(v);
		}
		break;
	case E_GRIDBEFORE:
	case E_GRIDAFTER:
		if (r->ntables && !S_cell_open(r) && S_top(r)->nrows) {
			xxgk_rawrow *row = &S_top(r)->rows[S_top(r)->nrows - 1];
			uint32_t v = S_attr_uint(rd, ns, 0, r->lim->max_cols);
			if (e == E_GRIDBEFORE)
				row->grid_before = v;
			else
				row->grid_after = v;
		}
		break;
	default:
		break;
	}
	return rc;
}

static int S_end(S_reader *r, S_elem e)
{
	switch (e) {
	case E_P:
		return S_paragraph_end(r);
	case E_T:
		r->in_t = 0;
		return 0;
	case E_TC:
		S_cell_close(r);
		return 0;
	case E_TR:
		S_cell_close(r);
		return 0;
	case E_TBL:
		S_cell_close(r);
		return S_table_close(r);
	default:
		return 0;
	}
}

static void S_on_error(void *arg, xmlErrorPtr err)
{
	S_reader *r = arg;
	size_t n;

	if (r->err_set || !err || err->level < XML_ERR_ERROR)
		return;
	r->err_set = 1;
	r->err_line = err->line;
	r->err_col = err->int2;
	snprintf(r->err_msg, sizeof(r->err_msg), "%s", err->message ? err->message : "error");
	n = strlen(r->err_msg);
	while (n && (r->err_msg[n - 1] == '\n' || r->err_msg[n - 1] == ' '))
		r->err_msg[--n] = '\0';
}

/* Handle one node; *skip is set when its subtree is to be skipped. */
static int S_node(S_reader *r, xmlTextReaderPtr rd, int *skip)
{
	int type = xmlTextReaderNodeType(rd);
	const char *ns, *ln;

	if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
		const xmlChar *v;
		if (!r->in_t || !(v = xmlTextReaderConstValue(rd)))
			return 0;
		return S_put_text(r, (const char *)v, strlen((const char *)v));
	}
	if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
		return 0;
	if ((unsigned)xmlTextReaderDepth(rd) > r->lim->max_xml_depth)
		return xxgk_error_set_at(XXGK_ELIMIT, r->part, xmlTextReaderGetParserLineNumber(rd), 0,
					 "XML nested more than %u deep (limit max_xml_depth)",
					 r->lim->max_xml_depth);
	ns = (const char *)xmlTextReaderConstNamespaceUri(rd);
	ln = (const char *)xmlTextReaderConstLocalName(rd);
	if (!ln)
		return 0;
	if (type == XML_READER_TYPE_END_ELEMENT)
		return S_end(r, S_classify(ns, ln));
	{
		S_elem e = S_classify(ns, ln);
		int empty = xmlTextReaderIsEmptyElement(rd);
		if (e == E_SKIP) {
			*skip = !empty; /* the caller skips the subtree */
			return 0;
		}
		return S_start(r, rd, e, ns, empty);
	}
}

static void S_reader_dispose(S_reader *r)
{
	while (r->ntables)
		S_table_free(r->tables[--r->ntables]);
	free(r->tables);
	xxgk_buf_dispose(&r->para);
}

int xxgk_wordml_read(const char *xml, size_t len, const char *part, const xxgk_limits *lim,
		     const xxgk_wordml_sink *sink, void *payload)
{
	S_reader r;
	xmlTextReaderPtr rd;
	int ret, rc = 0;

	if (len > INT32_MAX)
		return xxgk_error_set(XXGK_ELIMIT, "part %s is over 2 GiB", part);
	memset(&r, 0, sizeof(r));
	r.para = (xxgk_buf)XXGK_BUF_INIT;
	r.lim = lim;
	r.sink = sink;
	r.payload = payload;
	r.part = part;
	rd = xmlReaderForMemory(xml, (int)len, part, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!rd)
		return xxgk_error_oom();
	xmlTextReaderSetStructuredErrorHandler(rd, S_on_error, &r);
	ret = xmlTextReaderRead(rd);
	while (ret == 1) {
		int skip = 0;
		rc = S_node(&r, rd, &skip);
		if (rc == 0 && skip) {
			ret = xmlTextReaderNext(rd);
			continue;
		}
		if (rc != 0)
			break;
		ret = xmlTextReaderRead(rd);
	}
	if (rc == 0 && ret < 0)
		rc = xxgk_error_set_at(XXGK_EXML, part, r.err_line, r.err_col,
				       "malformed XML in %s at line %d, column %d: %s", part,
				       r.err_line, r.err_col, r.err_set ? r.err_msg : "parse error");
	xmlFreeTextReader(rd);
	S_reader_dispose(&r);
	return rc;
}
