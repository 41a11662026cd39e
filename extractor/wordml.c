/*
 * wordml.c - the WordprocessingML reader.
 *
 * One forward pass with libxml2's SAX2 parser: no tree is built, element
 * and namespace names arrive interned, and the handlers below keep only
 * what the tables need. Text comes from w:t runs (w:tab is
 * a space, w:br and w:cr a line break). Insertions and every wrapper
 * (w:sdt, w:customXml, w:smartTag, w:hyperlink, w:fldSimple, ...) are
 * walked through because nothing but the skip list below is skipped:
 * deletions, field codes, and mc:Fallback (the duplicate of mc:Choice).
 * Both the transitional and the strict namespace are WordprocessingML.
 */
#include "wordml.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "rawtable.h"
#include "sax2attr.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define S_CHUNK (1024u << 10) /* bytes handed to the parser at a time: 1 MiB */
#define S_KIND_SLOTS 256     /* remembered (namespace, name) kinds; a power of 2 */
#define S_STACK 512          /* open elements whose kind is remembered for their end */

/* The few handlers run for every element stay small when the rarer work
 * they may do is not inlined into them. */
#if defined(__GNUC__)
#define S_NOINLINE __attribute__((noinline))
#else
#define S_NOINLINE
#endif

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
	xmlParserCtxtPtr ctxt;
	unsigned depth;         /* open elements */
	unsigned skip;          /* depth of the open skipped element, 0 if none */
	int rc;                 /* a handler's failure, which stops the parse */
	unsigned max_depth;     /* lim->max_xml_depth, beside `depth` */
	const xmlChar *ns_cache[4]; /* namespace names seen, interned by the parser */
	int ns_kind[4];
	/* element kinds by the parser's interned (namespace, local name) pointers */
	struct { const xmlChar *uri, *name; unsigned char e; } kinds[S_KIND_SLOTS];
	unsigned char open[S_STACK]; /* the kind of each open element, by depth */
	/* the first XML error reported by libxml2 */
	int err_set, err_line, err_col;
	char err_msg[256];
} S_reader;

typedef enum {
	E_OTHER, E_P, E_T, E_TAB, E_BR, E_TBL, E_TR, E_TC, E_GRIDSPAN, E_VMERGE,
	E_GRIDBEFORE, E_GRIDAFTER, E_SKIP, E_NBHYPHEN
} S_elem;

enum { NS_OTHER, NS_WML, NS_MCE };

/* The kind of a namespace name; the parser interns names, so a few
 * pointers remembered per document spare the string comparisons. */
static int S_ns_kind(S_reader *r, const xmlChar *uri)
{
	const char *u = (const char *)uri;
	int k, i;

	if (!uri)
		return NS_OTHER;
	for (i = 0; i < 4 && r->ns_cache[i]; i++)
		if (r->ns_cache[i] == uri)
			return r->ns_kind[i];
	k = strcmp(u, NS_MC) == 0 ? NS_MCE
	    : (strcmp(u, NS_W) == 0 || strcmp(u, NS_W_STRICT) == 0) ? NS_WML : NS_OTHER;
	if (i < 4) {
		r->ns_cache[i] = uri;
		r->ns_kind[i] = k;
	}
	return k;
}

static S_elem S_classify_name(S_reader *r, const xmlChar *uri, const xmlChar *localname)
{
	static const struct { const char *name; S_elem e; } map[] = {
		{"p", E_P}, {"t", E_T}, {"tab", E_TAB}, {"br", E_BR}, {"cr", E_BR},
		{"tbl", E_TBL}, {"tr", E_TR}, {"tc", E_TC}, {"gridSpan", E_GRIDSPAN},
		{"vMerge", E_VMERGE}, {"gridBefore", E_GRIDBEFORE}, {"gridAfter", E_GRIDAFTER},
		{"del", E_SKIP}, {"moveFrom", E_SKIP}, {"instrText", E_SKIP},
		{"delText", E_SKIP}, {"delInstrText", E_SKIP}, {"noBreakHyphen", E_NBHYPHEN},
	};
	const char *ln = (const char *)localname;
	size_t i;

	switch (S_ns_kind(r, uri)) {
	case NS_MCE:
		return strcmp(ln, "Fallback") == 0 ? E_SKIP : E_OTHER;
	case NS_WML:
		break;
	default:
		return E_OTHER;
	}
	for (i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (ln[0] == map[i].name[0] && strcmp(ln, map[i].name) == 0)
			return map[i].e;
	return E_OTHER;
}

/* The cache's home slot of a pair of interned pointers. The parser's
 * dictionary packs short names a few bytes apart: mix every bit
 * (Fibonacci hashing) and take the top ones. */
static unsigned S_kind_slot(const xmlChar *uri, const xmlChar *localname)
{
	return (unsigned)(((uint64_t)(uintptr_t)localname ^ ((uint64_t)(uintptr_t)uri << 1)) *
			  UINT64_C(0x9E3779B97F4A7C15) >> 56) & (S_KIND_SLOTS - 1);
}

/* S_classify past the home slot: probe on, or classify by name and remember. */
static S_NOINLINE S_elem S_classify_miss(S_reader *r, const xmlChar *uri, const xmlChar *localname)
{
	unsigned h = S_kind_slot(uri, localname), i, probe;
	S_elem e;

	for (probe = 0; probe < 8; probe++) {
		i = (unsigned)(h + probe) & (S_KIND_SLOTS - 1);
		if (r->kinds[i].name == localname && r->kinds[i].uri == uri)
			return (S_elem)r->kinds[i].e;
		if (!r->kinds[i].name)
			break;
	}
	e = S_classify_name(r, uri, localname);
	if (probe < 8) {
		r->kinds[i].name = localname;
		r->kinds[i].uri = uri;
		r->kinds[i].e = (unsigned char)e;
	}
	return e;
}

/* S_classify_name, remembered per pair of interned pointers: a document
 * uses a few dozen element names, each thousands of times, and nearly
 * every one is found in its home slot. */
static S_elem S_classify(S_reader *r, const xmlChar *uri, const xmlChar *localname)
{
	unsigned i = S_kind_slot(uri, localname);

	if (r->kinds[i].name == localname && r->kinds[i].uri == uri)
		return (S_elem)r->kinds[i].e;
	return S_classify_miss(r, uri, localname);
}

static xxgk_rawtable *S_top(S_reader *r)
{
	return r->ntables ? r->tables[r->ntables - 1] : NULL;
}

static int S_cell_open(const S_reader *r)
{
	return r->ntables && (r->in_cell >> (r->ntables - 1) & 1);
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
	if (!(nt = realloc(r->tables, (r->ntables + 1) * sizeof(*nt))))
		return xxgk_error_oom();
	r->tables = nt;
	if (!(t = xxgk_rawtable_new(++r->table_counter, (int)r->ntables)))
		return XXGK_ENOMEM;
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
	xxgk_rawtable_free(t);
	return rc;
}

static int S_row_open(S_reader *r)
{
	xxgk_rawtable *t = S_top(r);

	if (!t)
		return 0;
	r->in_cell &= ~(1 << (r->ntables - 1));
	return xxgk_rawtable_add_row(t, r->lim, 0);
}

static int S_cell_open_new(S_reader *r)
{
	xxgk_rawtable *t = S_top(r);
	int rc;

	if (!t)
		return 0;
	if ((rc = xxgk_rawtable_add_cell(t, r->lim, 0, 1, XXGK_VMERGE_NONE)) < 0)
		return rc;
	r->in_cell |= 1 << (r->ntables - 1);
	return 0;
}

/* Drop the trailing line breaks left by the cell's last paragraph. */
static void S_cell_close(S_reader *r)
{
	if (!S_cell_open(r))
		return;
	xxgk_rawtable_end_cell(S_top(r));
	r->in_cell &= ~(1 << (r->ntables - 1));
}

/* A decimal w:val as strtoul reads it; `dflt` when absent, unreadable or 0. */
static uint32_t S_attr_uint(const xmlChar **attrs, int nattrs, const xmlChar *uri, uint32_t dflt,
			    uint32_t max)
{
	size_t len, i;
	const char *v = xxgk_sax2_attr(attrs, nattrs, uri, "val", &len);
	unsigned long n = 0;

	if (!v)
		return dflt;
	for (i = 0; i < len && (v[i] == ' ' || (v[i] >= '\t' && v[i] <= '\r')); i++)
		;
	if (i < len && v[i] == '+')
		i++;
	if (i == len || v[i] < '0' || v[i] > '9')
		return dflt;
	for (; i < len && v[i] >= '0' && v[i] <= '9'; i++)
		if ((n = n * 10 + (unsigned long)(v[i] - '0')) > max)
			return max;
	return n == 0 ? dflt : (uint32_t)n;
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

static S_NOINLINE int S_start(S_reader *r, S_elem e, const xmlChar *ns, const xmlChar **attrs,
			      int nattrs)
{
	int rc = 0;

	switch (e) {
	case E_P:
		if (!r->ntables)
			r->body_p_depth++;
		break;
	case E_T:
		r->in_t = 1;
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
		break;
	case E_TR:
		S_cell_close(r);
		rc = S_row_open(r);
		break;
	case E_TC:
		S_cell_close(r);
		rc = S_cell_open_new(r);
		break;
	case E_GRIDSPAN:
		if (S_cell_open(r))
			S_top(r)->cells[S_top(r)->ncells - 1].span =
				S_attr_uint(attrs, nattrs, ns, 1, r->lim->max_cols);
		break;
	case E_VMERGE:
		if (S_cell_open(r)) {
			size_t len;
			const char *v = xxgk_sax2_attr(attrs, nattrs, ns, "val", &len);
			S_top(r)->cells[S_top(r)->ncells - 1].vmerge =
				v && len == 7 && memcmp(v, "restart", 7) == 0 ? XXGK_VMERGE_RESTART
									      : XXGK_VMERGE_CONTINUE;
		}
		break;
	case E_GRIDBEFORE:
	case E_GRIDAFTER:
		if (r->ntables && !S_cell_open(r) && S_top(r)->nrows) {
			xxgk_rawrow *row = &S_top(r)->rows[S_top(r)->nrows - 1];
			uint32_t v = S_attr_uint(attrs, nattrs, ns, 0, r->lim->max_cols);
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

static S_NOINLINE int S_end(S_reader *r, S_elem e)
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

/* The handlers get the parser context (libxml2's own handlers need it);
 * the reader hangs off its _private pointer. */
static S_reader *S_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

static void S_on_error(void *ctx, xmlErrorPtr err)
{
	S_reader *r = S_of(ctx);
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

/* Record a handler's failure (or a sink's non-zero return) and stop the parser. */
static void S_fail(S_reader *r, int rc)
{
	if (rc == 0 || r->rc)
		return;
	r->rc = rc;
	xmlStopParser(r->ctxt);
}

/* The root element must be a document (any namespace: the elements inside
 * are read only in WordprocessingML's). */
static int S_root(S_reader *r, const xmlChar *prefix, const xmlChar *localname)
{
	if (strcmp((const char *)localname, "document") == 0)
		return 0;
	return xxgk_error_set(XXGK_ENOTDOCX, "the main part %s is not a WordprocessingML document: "
			      "its root element is <%.60s%s%.60s>, not <w:document>", r->part,
			      prefix ? (const char *)prefix : "", prefix ? ":" : "",
			      (const char *)localname);
}

static void S_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	S_reader *r = S_of(ctx);
	S_elem e;

	(void)prefix, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
	if (r->rc)
		return;
	if (r->depth++ == 0) {
		r->open[0] = E_OTHER;
		S_fail(r, S_root(r, prefix, localname));
		return;
	}
	if (r->skip)
		return;
	if (r->depth - 1 > r->max_depth) {
		S_fail(r, xxgk_error_set_at(XXGK_ELIMIT, r->part, xmlSAX2GetLineNumber(r->ctxt), 0,
					    "XML nested more than %u deep (limit max_xml_depth)",
					    r->lim->max_xml_depth));
		return;
	}
	e = S_classify(r, uri, localname);
	if (r->depth <= S_STACK)
		r->open[r->depth - 1] = (unsigned char)e;
	if (e == E_OTHER)
		return; /* most elements: properties, runs, drawings */
	if (e == E_SKIP)
		r->skip = r->depth; /* everything inside is left out */
	else
		S_fail(r, S_start(r, e, uri, attributes, nb_attributes));
}

static void S_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		      const xmlChar *uri)
{
	S_reader *r = S_of(ctx);
	S_elem e;

	(void)prefix;
	if (r->rc)
		return;
	if (r->skip) {
		if (r->depth-- == r->skip)
			r->skip = 0;
		return;
	}
	e = r->depth <= S_STACK ? (S_elem)r->open[r->depth - 1] : S_classify(r, uri, localname);
	r->depth--;
	if (e != E_OTHER)
		S_fail(r, S_end(r, e));
}

static void S_sax_text(void *ctx, const xmlChar *ch, int len)
{
	S_reader *r = S_of(ctx);

	if (r->rc || r->skip || !r->in_t || len <= 0)
		return;
	S_fail(r, S_put_text(r, (const char *)ch, (size_t)len));
}

static void S_reader_dispose(S_reader *r)
{
	while (r->ntables)
		xxgk_rawtable_free(r->tables[--r->ntables]);
	free(r->tables);
	xxgk_buf_dispose(&r->para);
}

int xxgk_wordml_read(const char *xml, size_t len, const char *part, const xxgk_limits *lim,
		     const xxgk_wordml_sink *sink, void *payload)
{
	S_reader r;
	xmlSAXHandler sax;
	size_t done = 0;
	int rc;

	if (len > INT32_MAX)
		return xxgk_error_set(XXGK_ELIMIT, "part %s is over 2 GiB", part);
	memset(&r, 0, sizeof(r));
	r.para = (xxgk_buf)XXGK_BUF_INIT;
	r.lim = lim;
	r.max_depth = lim->max_xml_depth;
	r.sink = sink;
	r.payload = payload;
	r.part = part;
	/* libxml2's own handlers keep the DTD (entity declarations are honoured
	 * as the tree parser would, external ones are never loaded); ours take
	 * the content, and comments, PIs and references are dropped. */
	xmlSAXVersion(&sax, 2);
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	sax.reference = NULL;
	sax.startElementNs = S_sax_start;
	sax.endElementNs = S_sax_end;
	sax.characters = S_sax_text;
	sax.ignorableWhitespace = S_sax_text;
	sax.cdataBlock = S_sax_text;
	sax.serror = S_on_error;
	r.ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL); /* errors name `part` */
	if (!r.ctxt)
		return xxgk_error_oom();
	r.ctxt->_private = &r;
	xmlCtxtUseOptions(r.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	/* in pieces of S_CHUNK, as a stream: most parts go in one piece; of a
	 * larger one the parser keeps only a window, and a 12 MB line is no
	 * "huge input lookup" (smaller pieces cost more calls and copies) */
	do {
		size_t n = len - done < S_CHUNK ? len - done : S_CHUNK;
		xmlParseChunk(r.ctxt, xml + done, (int)n, done + n == len);
		done += n;
	} while (done < len && !r.rc && r.ctxt->wellFormed);
	rc = r.rc;
	if (rc == 0 && !r.ctxt->wellFormed)
		rc = xxgk_error_set_at(XXGK_EXML, part, r.err_line, r.err_col,
				       "malformed XML in %s at line %d, column %d: %s", part,
				       r.err_line, r.err_col, r.err_set ? r.err_msg : "parse error");
	xmlFreeDoc(r.ctxt->myDoc); /* the DTD, when the part had one */
	xmlFreeParserCtxt(r.ctxt);
	S_reader_dispose(&r);
	return rc;
}
