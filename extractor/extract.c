/*
 * extract.c - the pipeline: package -> reader -> grid -> locate/map ->
 * report. Each table is resolved and read as soon as the reader closes
 * it, so memory grows with the largest table, not with the document.
 */
#include "xxgk/extract.h"

#include <errno.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "error.h"
#include "grid.h"
#include "html.h"
#include "map.h"
#include "meta.h"
#include "package.h"
#include "report.h"
#include "rules.h"
#include "wordml.h"

struct xxgk_extractor {
	xxgk_options opts;
	const xxgk_rules *rules;
	xxgk_map_scratch scratch;
	xxgk_buf file;         /* the input's bytes, reused */
	xxgk_buf part;         /* the main part's bytes, reused */
	xxgk_meta_paras paras;
	xxgk_buf title;        /* an HTML page's <title>, reused */
	/* per input */
	xxgk_report *report;
	xxgk_buf *dump;        /* set by xxgk_tables_file */
	size_t tables_found, fields_found;
	const char *active_templ;
	int last_spec;         /* the spec of the last body-level report table, or -1 */
};

int xxgk_options_init(xxgk_options *opts, unsigned int version)
{
	xxgk_options d = XXGK_OPTIONS_INIT;

	if (version != XXGK_OPTIONS_VERSION)
		return xxgk_error_set(XXGK_EUSAGE, "options version %u is not %u", version,
				      XXGK_OPTIONS_VERSION);
	*opts = d;
	return 0;
}

/* libxml2's global set-up is not safe to run from two threads at once (the
 * libxml2 manual: call xmlInitParser() once before using threads), so the
 * first extractor runs it, before any caller's threads start parsing. */
static pthread_once_t S_xml_once = PTHREAD_ONCE_INIT;

static void S_xml_init(void)
{
	xmlInitParser();
}

int xxgk_extractor_new(xxgk_extractor **out, const xxgk_options *opts)
{
	xxgk_extractor *x;
	xxgk_options d = XXGK_OPTIONS_INIT;
	int rc;

	*out = NULL;
	pthread_once(&S_xml_once, S_xml_init);
	if (opts && opts->version != XXGK_OPTIONS_VERSION)
		return xxgk_error_set(XXGK_EUSAGE, "options version %u is not %u", opts->version,
				      XXGK_OPTIONS_VERSION);
	if (!(x = calloc(1, sizeof(*x))))
		return xxgk_error_oom();
	x->opts = opts ? *opts : d;
	x->file = (xxgk_buf)XXGK_BUF_INIT;
	x->part = (xxgk_buf)XXGK_BUF_INIT;
	x->paras.text = (xxgk_buf)XXGK_BUF_INIT;
	x->title = (xxgk_buf)XXGK_BUF_INIT;
	x->rules = x->opts.rules;
	if ((!x->rules && (rc = xxgk_rules_default(&x->rules)) < 0) ||
	    (rc = xxgk_map_scratch_init(&x->scratch, x->rules)) < 0) {
		xxgk_extractor_free(x);
		return rc;
	}
	*out = x;
	return 0;
}

void xxgk_extractor_free(xxgk_extractor *x)
{
	if (!x)
		return;
	xxgk_map_scratch_dispose(&x->scratch);
	xxgk_buf_dispose(&x->file);
	xxgk_buf_dispose(&x->part);
	xxgk_buf_dispose(&x->paras.text);
	xxgk_buf_dispose(&x->title);
	xxgk_report_free(x->report);
	free(x);
}

void xxgk_extractor_set_metadata(xxgk_extractor *x, const char *agency, int year)
{
	x->opts.agency = agency;
	x->opts.year = year;
}

static int S_on_paragraph(const char *text, size_t len, void *payload)
{
	xxgk_extractor *x = payload;
	return x->tables_found ? 0 : xxgk_meta_add(&x->paras, text, len);
}

/* One grid position for `xxgk tables`: the text, or < and ^ for merges. */
static int S_dump_cell(xxgk_buf *out, const xxgk_grid *g, uint32_t r, uint32_t c)
{
	int32_t o = xxgk_grid_at(g, r, c);
	size_t len, i, shown = 0;
	const char *t;

	if (o < 0)
		return xxgk_buf_puts(out, " | ·");
	if (c > 0 && xxgk_grid_at(g, r, c - 1) == o)
		return xxgk_buf_puts(out, " | <");
	if (g->origin_row[o] != r)
		return xxgk_buf_puts(out, " | ^");
	t = xxgk_grid_text(g, o, &len);
	if (xxgk_buf_puts(out, " | ") < 0)
		return XXGK_ENOMEM;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)t[i];
		int rc;
		if ((ch & 0xC0) != 0x80 && shown++ == 40)
			break; /* cut only before a character, never inside one */
		rc = ch == '\n' ? xxgk_buf_puts(out, "⏎") : ch < 0x20 ? 0 : xxgk_buf_putc(out, (char)ch);
		if (rc < 0)
			return rc;
	}
	if (i < len && xxgk_buf_puts(out, "…") < 0)
		return XXGK_ENOMEM;
	return 0;
}

static int S_dump(xxgk_extractor *x, const xxgk_grid *g, const char *specs)
{
	xxgk_buf *out = x->dump;
	uint32_t r, c;

	if (xxgk_buf_printf(out, "table %d: %u rows x %u columns%s, read as: %s\n", g->raw->index,
			    g->nrows, g->ncols, g->raw->depth ? " (nested)" : "",
			    *specs ? specs : "(not a report table)") < 0)
		return xxgk_error_oom();
	for (r = 0; r < g->nrows; r++) {
		if (xxgk_buf_printf(out, "%4u", r + 1) < 0)
			return xxgk_error_oom();
		for (c = 0; c < g->ncols; c++)
			if (S_dump_cell(out, g, r, c) < 0)
				return xxgk_error_oom();
		if (xxgk_buf_puts(out, " |\n") < 0)
			return xxgk_error_oom();
	}
	return xxgk_buf_putc(out, '\n') < 0 ? xxgk_error_oom() : 0;
}

static int S_read_with(xxgk_extractor *x, const xxgk_grid *g, size_t k, char *specs,
		       size_t size, size_t *used)
{
	const xxgk_spec *spec = &x->rules->specs[k];

	*used += (size_t)snprintf(specs + *used, *used < size ? size - *used : 0, "%s%s",
				  *used ? ", " : "", spec->name);
	if (*spec->templ && !x->active_templ)
		x->active_templ = spec->templ;
	if (g->raw->depth == 0)
		x->last_spec = (int)k;
	return xxgk_map_read(&x->scratch, g, k, x->report, &x->fields_found);
}

/*
 * Read the table with every spec whose words it has. A table that has
 * none of them but is as wide as the report table just before it is that
 * table's continuation over a page break, and is read with its spec.
 */
static int S_read_table(xxgk_extractor *x, const xxgk_grid *g, char *specs, size_t size)
{
	size_t k, used = 0, before = x->fields_found;
	int rc, last = x->last_spec;

	specs[0] = '\0';
	for (k = 0; k < x->rules->nspecs; k++) {
		if ((rc = xxgk_map_matches(&x->scratch, &x->rules->specs[k])) < 0)
			return rc;
		if (rc && (rc = S_read_with(x, g, k, specs, size, &used)) < 0)
			return rc;
	}
	if (!used && g->raw->depth == 0 && last >= 0 &&
	    xxgk_map_continues(&x->scratch, g, (size_t)last) &&
	    (rc = S_read_with(x, g, (size_t)last, specs, size, &used)) < 0)
		return rc;
	x->tables_found += used && x->fields_found > before;
	return 0;
}

static int S_on_table(const xxgk_rawtable *raw, void *payload)
{
	xxgk_extractor *x = payload;
	xxgk_grid g;
	char specs[256];
	int rc;

	if ((rc = xxgk_grid_build(&g, raw, &x->opts.limits)) < 0)
		return rc;
	if ((rc = xxgk_map_prepare(&x->scratch, &g)) == 0 &&
	    (rc = S_read_table(x, &g, specs, sizeof(specs))) == 0 && x->dump)
		rc = S_dump(x, &g, specs);
	xxgk_grid_dispose(&g);
	return rc;
}

static int S_templ_has(const char *templates, const char *t)
{
	size_t n = strlen(t);
	const char *p = templates;

	while ((p = strstr(p, t)) != NULL) {
		if ((p == templates || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
		p += n;
	}
	return 0;
}

/* Warn about fields of the other template (a hybrid layout). */
static int S_warn_mixed(xxgk_report *r)
{
	xxgk_buf ids = XXGK_BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < r->nslots && rc == 0; i++)
		if (r->has[i] && !S_templ_has(r->rules->fields[i].templates, r->templ))
			rc = xxgk_buf_printf(&ids, "%s%s", ids.size ? "," : "", r->rules->fields[i].id);
	if (rc == 0 && ids.size)
		rc = xxgk_report__warn(r, "layout.mixed", ids.ptr, "the report follows the %s format "
				       "but some rows have the other format's layout: %s", r->templ, ids.ptr);
	xxgk_buf_dispose(&ids);
	return rc < 0 ? xxgk_error_oom() : 0;
}

/* Warn about a table the rules know but the report lacks, and all-blank tables. */
static int S_warn_missing(xxgk_report *r)
{
	const xxgk_rules *ru = r->rules;
	size_t k, i, set = 0, nonnull = 0;
	int rc = 0;

	for (i = 0; i < r->nslots; i++) {
		set += r->has[i];
		nonnull += r->has[i] && !r->values[i].is_null;
	}
	for (k = 0; k < ru->nspecs && rc == 0; k++) {
		const char *pre = ru->specs[k].prefix;
		size_t n = strlen(pre), j;
		int seen = 0;
		for (j = 0; j < k; j++)
			seen |= strcmp(ru->specs[j].prefix, pre) == 0;
		for (i = 0; i < r->nslots && !seen; i++)
			seen = r->has[i] && strncmp(ru->fields[i].id, pre, n) == 0 && ru->fields[i].id[n] == '.';
		if (!seen)
			rc = xxgk_report__warn(r, "table.missing", "", "no %s table was found in the report", pre);
	}
	if (rc == 0 && set && !nonnull)
		rc = xxgk_report__warn(r, "tables.empty", "", "the report tables are empty: every "
				       "value cell is blank (an unfilled template?)");
	return rc;
}

static int S_finish(xxgk_extractor *x)
{
	xxgk_report *r = x->report;
	int rc, other;

	if (!x->tables_found || !x->fields_found)
		return xxgk_error_set(XXGK_ENOTABLE, "no 2019- or 2021-format report tables found");
	if ((rc = xxgk_meta_title(r, &x->paras, &x->scratch)) < 0 ||
	    (rc = xxgk_meta_page_title(r, x->title.ptr, x->title.size, &x->scratch)) < 0)
		return rc;
	if (x->opts.agency && (rc = xxgk_report__set_agency(r, x->opts.agency, strlen(x->opts.agency))) < 0)
		return rc;
	if (x->opts.year)
		r->year = x->opts.year;
	other = xxgk_rules_field_index(x->rules, "requests.result.other.total", 27);
	r->templ = x->active_templ ? x->active_templ
		   : (other >= 0 && r->has[other]) ? "2019" : "2021";
	if ((rc = S_warn_mixed(r)) < 0 || (rc = S_warn_missing(r)) < 0 ||
	    (rc = xxgk_check__report(r)) < 0)
		return rc;
	xxgk_report__finish(r);
	return 0;
}

static void S_reset(xxgk_extractor *x)
{
	xxgk_report_free(x->report);
	x->report = NULL;
	x->tables_found = x->fields_found = 0;
	x->active_templ = NULL;
	x->last_spec = -1;
	xxgk_map_reset(&x->scratch);
	xxgk_buf_clear(&x->part);
	xxgk_buf_clear(&x->paras.text);
	x->paras.n = 0;
	xxgk_buf_clear(&x->title);
}

/*
 * libxml2 enforces two bounds of its own: it refuses elements nested deeper
 * than 256 (and, reading ahead, may do so before the reader sees
 * max_xml_depth), and it stops entities that expand too much (a "billion
 * laughs"), calling that a loop. Report both as the limits they are rather
 * than as malformed XML.
 */
static int S_depth_error(int rc, uint32_t max_depth)
{
	const xxgk_error *e = xxgk_error_last();
	char part[sizeof(e->part)];
	int line = e->line;

	if (rc != XXGK_EXML)
		return rc;
	memcpy(part, e->part, sizeof(part));
	if (strstr(e->message, "Excessive depth in document"))
		return xxgk_error_set_at(XXGK_ELIMIT, part, line, 0, "XML nested more than %u deep "
					 "(limit max_xml_depth)", max_depth < 256 ? max_depth : 256);
	if (strstr(e->message, "entity reference loop"))
		return xxgk_error_set_at(XXGK_ELIMIT, part, line, 0, "XML entities in %s expand "
					 "without bound (an entity loop or a \"billion laughs\"): "
					 "libxml2 stopped them", part);
	return rc;
}

static int S_pipeline(xxgk_extractor *x, const void *data, size_t len, const char *source)
{
	static const xxgk_wordml_sink sink = {S_on_paragraph, S_on_table};
	char part[512];
	int rc;

	S_reset(x);
	if (xxgk_package_sniff(data, len) == XXGK_KIND_HTML) {
		if ((rc = xxgk_report__new(&x->report, x->rules, source)) < 0 ||
		    (rc = xxgk_html_read(&x->title, data, len, &x->opts.limits, &sink, x)) < 0)
			return rc;
		return x->dump ? 0 : S_finish(x);
	}
	if ((rc = xxgk_report__new(&x->report, x->rules, source)) < 0 ||
	    (rc = xxgk_package_main_part(&x->part, part, sizeof(part), data, len, &x->opts.limits)) < 0 ||
	    (rc = xxgk_wordml_read(x->part.ptr, x->part.size, part, &x->opts.limits, &sink, x)) < 0)
		return S_depth_error(rc, x->opts.limits.max_xml_depth);
	return x->dump ? 0 : S_finish(x);
}

/* libxml2 prints a few errors (a failed encoding conversion) straight to
 * stderr; the error that counts is ours, so they are silenced for a run. */
static void S_xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static int S_run(xxgk_extractor *x, const void *data, size_t len, const char *source)
{
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	int rc;

	xmlSetGenericErrorFunc(NULL, S_xml_quiet);
	rc = S_pipeline(x, data, len, source);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	return rc;
}

int xxgk_extract_memory(xxgk_report **out, xxgk_extractor *x, const void *data, size_t len,
			const char *source)
{
	int rc;

	*out = NULL;
	if (len > x->opts.limits.max_file_bytes)
		return xxgk_error_set(XXGK_ELIMIT, "the file is %zu bytes, over the limit "
				      "max_file_bytes=%llu", len,
				      (unsigned long long)x->opts.limits.max_file_bytes);
	rc = S_run(x, data, len, source ? source : "");
	if (rc == 0) {
		*out = x->report;
		x->report = NULL;
	}
	S_reset(x);
	return rc;
}

static int S_slurp(xxgk_buf *out, const char *path, uint64_t max)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	xxgk_buf_clear(out);
	if (!f)
		return xxgk_error_set(XXGK_ERROR, "cannot open: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->size + n > max) {
			fclose(f);
			return xxgk_error_set(XXGK_ELIMIT, "the file is over the limit max_file_bytes=%llu",
					      (unsigned long long)max);
		}
		if (xxgk_buf_put(out, chunk, n) < 0) {
			fclose(f);
			return xxgk_error_oom();
		}
	}
	if (ferror(f)) {
		fclose(f);
		return xxgk_error_set(XXGK_ERROR, "cannot read: %s", strerror(errno));
	}
	fclose(f);
	return 0;
}

int xxgk_extract_file(xxgk_report **out, xxgk_extractor *x, const char *path)
{
	int rc;

	*out = NULL;
	if ((rc = S_slurp(&x->file, path, x->opts.limits.max_file_bytes)) < 0)
		return rc;
	rc = xxgk_extract_memory(out, x, x->file.ptr, x->file.size, path);
	if (x->file.asize > (8u << 20))
		xxgk_buf_dispose(&x->file); /* do not keep a huge input's memory */
	return rc;
}

int xxgk_tables_file(xxgk_buf *out, xxgk_extractor *x, const char *path)
{
	int rc;

	if ((rc = S_slurp(&x->file, path, x->opts.limits.max_file_bytes)) < 0)
		return rc;
	x->dump = out;
	rc = S_run(x, x->file.ptr, x->file.size, path);
	x->dump = NULL;
	S_reset(x);
	return rc;
}
