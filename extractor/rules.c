/*
 * rules.c - load and compile the rules data. Every pattern is compiled
 * once (and JIT-compiled where PCRE2 can), so matching a label costs one
 * pcre2_match. A bad line fails the whole load with its line number.
 */
#include "rules.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "error.h"

extern const char xxgk_rules_builtin[];
extern const size_t xxgk_rules_builtin_len;

static char *S_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static uint32_t S_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

int xxgk_rules_field_index(const xxgk_rules *rules, const char *id, size_t len)
{
	size_t i;

	if (!rules->hash_size)
		return -1;
	for (i = S_hash(id, len) & (rules->hash_size - 1);; i = (i + 1) & (rules->hash_size - 1)) {
		int k = rules->hash[i];
		if (k < 0)
			return -1;
		if (strlen(rules->fields[k].id) == len && memcmp(rules->fields[k].id, id, len) == 0)
			return k;
	}
}

int xxgk_rules_match(const pcre2_code *re, const char *s, size_t len, pcre2_match_data *md,
		     pcre2_match_context *mctx)
{
	/* subjects are built by xxgk_utf8_put (text.c), so always valid UTF-8:
	 * checking each again cost more than matching the table's words */
	return pcre2_match(re, (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, md, mctx) >= 0;
}

uint32_t xxgk_rules_max_captures(const xxgk_rules *rules)
{
	uint32_t m = 1, c;
	size_t i;

	for (i = 0; i < rules->ntitles; i++)
		if (pcre2_pattern_info(rules->titles[i], PCRE2_INFO_CAPTURECOUNT, &c) == 0 && c + 1 > m)
			m = c + 1;
	return m;
}

/* ---- parsing ---- */

typedef struct {
	const char *p, *end;
} S_cursor;

/* The next white-space separated word of the line; 0 when none is left. */
static int S_word(S_cursor *c, const char **w, size_t *n)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
	*w = c->p;
	while (c->p < c->end && *c->p != ' ' && *c->p != '\t')
		c->p++;
	*n = (size_t)(c->p - *w);
	return *n > 0;
}

/* The rest of the line, trimmed. */
static void S_rest(S_cursor *c, const char **w, size_t *n)
{
	const char *e = c->end;
	while (c->p < e && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
	while (e > c->p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	*w = c->p;
	*n = (size_t)(e - c->p);
}

static int S_compile(pcre2_code **out, const char *pat, size_t n, const char *name, int line)
{
	int errcode;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[160];

	*out = pcre2_compile((PCRE2_SPTR)pat, n, PCRE2_UTF | PCRE2_UCP, &errcode, &off, NULL);
	if (!*out) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return xxgk_error_set(XXGK_ERULES, "%s:%d: bad pattern at offset %zu: %s", name, line,
				      (size_t)off, (const char *)msg);
	}
	pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE); /* optional: falls back to the interpreter */
	return 0;
}

static int S_grow(void **arr, size_t n, size_t elem)
{
	void *p;
	if (n & (n - 1) && n > 8) /* grow at powers of two */
		return 0;
	p = realloc(*arr, (n < 8 ? 8 : n * 2) * elem);
	if (!p)
		return xxgk_error_oom();
	*arr = p;
	return 0;
}

static xxgk_spec *S_spec(xxgk_rules *r, const char *name, size_t n)
{
	size_t i;
	for (i = 0; i < r->nspecs; i++)
		if (strlen(r->specs[i].name) == n && memcmp(r->specs[i].name, name, n) == 0)
			return &r->specs[i];
	return NULL;
}

static int S_add_field(xxgk_rules *r, S_cursor *c, const char *name, int line)
{
	const char *w[3], *label;
	size_t n[3], ln;
	xxgk_field *f;
	int i;

	for (i = 0; i < 3; i++)
		if (!S_word(c, &w[i], &n[i]))
			return xxgk_error_set(XXGK_ERULES, "%s:%d: field needs <id> <templates> "
					      "<count|amount> <label>", name, line);
	S_rest(c, &label, &ln);
	if (!(n[2] == 5 && memcmp(w[2], "count", 5) == 0) &&
	    !(n[2] == 6 && memcmp(w[2], "amount", 6) == 0))
		return xxgk_error_set(XXGK_ERULES, "%s:%d: field kind '%.*s' is neither count nor "
				      "amount", name, line, (int)n[2], w[2]);
	for (i = 0; i < (int)r->nfields; i++)
		if (strlen(r->fields[i].id) == n[0] && memcmp(r->fields[i].id, w[0], n[0]) == 0)
			return xxgk_error_set(XXGK_ERULES, "%s:%d: field %.*s declared twice", name,
					      line, (int)n[0], w[0]);
	if (S_grow((void **)&r->fields, r->nfields, sizeof(*r->fields)) < 0)
		return XXGK_ENOMEM;
	f = &r->fields[r->nfields];
	memset(f, 0, sizeof(*f));
	f->id = S_strndup(w[0], n[0]);
	f->templates = S_strndup(w[1], n[1]);
	f->label = S_strndup(label, ln);
	f->is_amount = n[2] == 6 && memcmp(w[2], "amount", 6) == 0;
	r->nfields++;
	if (!f->id || !f->templates || !f->label)
		return xxgk_error_oom();
	return 0;
}

static int S_add_table(xxgk_rules *r, S_cursor *c, const char *name, int line)
{
	const char *w[3], *pat;
	size_t n[3], pn;
	xxgk_spec *s;
	int i;

	for (i = 0; i < 3; i++)
		if (!S_word(c, &w[i], &n[i]))
			return xxgk_error_set(XXGK_ERULES, "%s:%d: table needs <spec> <prefix> "
					      "<template|*> <pattern>", name, line);
	S_rest(c, &pat, &pn);
	if (S_spec(r, w[0], n[0]))
		return xxgk_error_set(XXGK_ERULES, "%s:%d: table spec declared twice", name, line);
	if (S_grow((void **)&r->specs, r->nspecs, sizeof(*r->specs)) < 0)
		return XXGK_ENOMEM;
	s = &r->specs[r->nspecs++];
	memset(s, 0, sizeof(*s));
	s->name = S_strndup(w[0], n[0]);
	s->prefix = S_strndup(w[1], n[1]);
	s->templ = (n[2] == 1 && w[2][0] == '*') ? S_strndup("", 0) : S_strndup(w[2], n[2]);
	if (!s->name || !s->prefix || !s->templ)
		return xxgk_error_oom();
	return S_compile(&s->locate, pat, pn, name, line);
}

static int S_add_rule(xxgk_rules *r, S_cursor *c, int is_col, const char *name, int line)
{
	const char *w[2], *pat;
	size_t n[2], pn;
	xxgk_spec *s;
	xxgk_rule *rule;

	if (!S_word(c, &w[0], &n[0]) || !S_word(c, &w[1], &n[1]))
		return xxgk_error_set(XXGK_ERULES, "%s:%d: %s needs <spec> <id|-> <pattern>",
				      name, line, is_col ? "col" : "row");
	if (!(s = S_spec(r, w[0], n[0])))
		return xxgk_error_set(XXGK_ERULES, "%s:%d: unknown table spec '%.*s' (declare it "
				      "with a table line first)", name, line, (int)n[0], w[0]);
	S_rest(c, &pat, &pn);
	if (is_col && s->ncols >= 64)
		return xxgk_error_set(XXGK_ERULES, "%s:%d: more than 64 col rules for one table spec",
				      name, line);
	if (is_col && S_grow((void **)&s->cols, s->ncols, sizeof(*s->cols)) < 0)
		return XXGK_ENOMEM;
	if (!is_col && S_grow((void **)&s->rows, s->nrows, sizeof(*s->rows)) < 0)
		return XXGK_ENOMEM;
	rule = is_col ? &s->cols[s->ncols++] : &s->rows[s->nrows++];
	rule->re = NULL;
	rule->id = (n[1] == 1 && w[1][0] == '-') ? S_strndup("", 0) : S_strndup(w[1], n[1]);
	if (!rule->id)
		return xxgk_error_oom();
	return S_compile(&rule->re, pat, pn, name, line);
}

static int S_add_title(xxgk_rules *r, S_cursor *c, const char *name, int line)
{
	const char *pat;
	size_t pn;

	S_rest(c, &pat, &pn);
	if (S_grow((void **)&r->titles, r->ntitles, sizeof(*r->titles)) < 0)
		return XXGK_ENOMEM;
	r->titles[r->ntitles] = NULL;
	return S_compile(&r->titles[r->ntitles++], pat, pn, name, line);
}

static int S_line(xxgk_rules *r, const char *p, const char *end, const char *name, int line)
{
	S_cursor c = {p, end};
	const char *w;
	size_t n;

	if (!S_word(&c, &w, &n) || w[0] == '#')
		return 0;
	if (n == 5 && memcmp(w, "field", 5) == 0)
		return S_add_field(r, &c, name, line);
	if (n == 5 && memcmp(w, "table", 5) == 0)
		return S_add_table(r, &c, name, line);
	if (n == 3 && memcmp(w, "col", 3) == 0)
		return S_add_rule(r, &c, 1, name, line);
	if (n == 3 && memcmp(w, "row", 3) == 0)
		return S_add_rule(r, &c, 0, name, line);
	if (n == 5 && memcmp(w, "title", 5) == 0)
		return S_add_title(r, &c, name, line);
	return xxgk_error_set(XXGK_ERULES, "%s:%d: unknown directive '%.*s'", name, line, (int)n, w);
}

static int S_build_hash(xxgk_rules *r, const char *name)
{
	size_t i, size = 16;

	while (size < r->nfields * 2)
		size *= 2;
	if (!(r->hash = malloc(size * sizeof(*r->hash))))
		return xxgk_error_oom();
	r->hash_size = size;
	memset(r->hash, 0xFF, size * sizeof(*r->hash));
	for (i = 0; i < r->nfields; i++) {
		size_t len = strlen(r->fields[i].id), k;
		if (xxgk_rules_field_index(r, r->fields[i].id, len) >= 0)
			return xxgk_error_set(XXGK_ERULES, "%s: field %s declared twice", name, r->fields[i].id);
		for (k = S_hash(r->fields[i].id, len) & (size - 1); r->hash[k] >= 0; k = (k + 1) & (size - 1))
			;
		r->hash[k] = (int)i;
	}
	return 0;
}

/* Compose <prefix>.<row>.<col>, leaving out empty parts, for every pair of a
 * spec's row and column rules: reading a cell then costs one lookup. */
static int S_build_spec_fields(xxgk_rules *r, xxgk_spec *spec)
{
	xxgk_buf id = XXGK_BUF_INIT;
	size_t i, j;
	int rc = 0;

	if (!(spec->field = malloc((spec->nrows * spec->ncols + 1) * sizeof(*spec->field))))
		return xxgk_error_oom();
	for (i = 0; i < spec->nrows && rc == 0; i++)
		for (j = 0; j < spec->ncols && rc == 0; j++) {
			const char *row = spec->rows[i].id, *col = spec->cols[j].id;
			xxgk_buf_clear(&id);
			if (xxgk_buf_puts(&id, spec->prefix) < 0 ||
			    (*row && (xxgk_buf_putc(&id, '.') < 0 || xxgk_buf_puts(&id, row) < 0)) ||
			    (*col && (xxgk_buf_putc(&id, '.') < 0 || xxgk_buf_puts(&id, col) < 0)))
				rc = xxgk_error_oom();
			else
				spec->field[i * spec->ncols + j] = xxgk_rules_field_index(r, id.ptr, id.size);
		}
	xxgk_buf_dispose(&id);
	return rc;
}

int xxgk_rules_load(xxgk_rules **out, const char *text, size_t len, const char *name)
{
	size_t i;
	xxgk_rules *r;
	const char *p = text, *end = text + len;
	int line = 0, rc = 0;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return xxgk_error_oom();
	while (p < end && rc == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		rc = S_line(r, p, le, name, ++line);
		p = nl ? nl + 1 : end;
	}
	if (rc == 0 && (r->nfields == 0 || r->nspecs == 0))
		rc = xxgk_error_set(XXGK_ERULES, "%s: no field or table lines", name);
	if (rc == 0)
		rc = S_build_hash(r, name);
	for (i = 0; i < r->nspecs && rc == 0; i++)
		rc = S_build_spec_fields(r, &r->specs[i]);
	if (rc == 0)
		rc = xxgk_check__plan_new(&r->checks, r);
	if (rc < 0) {
		xxgk_rules_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int xxgk_rules_load_file(xxgk_rules **out, const char *path)
{
	FILE *f = fopen(path, "rb");
	xxgk_buf b = XXGK_BUF_INIT;
	char chunk[8192];
	size_t n;
	int rc;

	*out = NULL;
	if (!f)
		return xxgk_error_set(XXGK_ERROR, "cannot open rules file %s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (b.size > (16u << 20) || xxgk_buf_put(&b, chunk, n) < 0) {
			fclose(f);
			xxgk_buf_dispose(&b);
			return xxgk_error_set(XXGK_ERULES, "rules file %s is too large", path);
		}
	fclose(f);
	rc = xxgk_rules_load(out, b.ptr, b.size, path);
	xxgk_buf_dispose(&b);
	return rc;
}

static void S_rules_free_spec(xxgk_spec *s)
{
	size_t i;
	for (i = 0; i < s->ncols; i++) {
		pcre2_code_free(s->cols[i].re);
		free(s->cols[i].id);
	}
	for (i = 0; i < s->nrows; i++) {
		pcre2_code_free(s->rows[i].re);
		free(s->rows[i].id);
	}
	free(s->cols);
	free(s->rows);
	free(s->field);
	pcre2_code_free(s->locate);
	free(s->name);
	free(s->prefix);
	free(s->templ);
}

void xxgk_rules_free(xxgk_rules *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nfields; i++) {
		free((char *)r->fields[i].id);
		free((char *)r->fields[i].templates);
		free((char *)r->fields[i].label);
	}
	for (i = 0; i < r->nspecs; i++)
		S_rules_free_spec(&r->specs[i]);
	for (i = 0; i < r->ntitles; i++)
		pcre2_code_free(r->titles[i]);
	xxgk_check__plan_free(r->checks);
	free(r->fields);
	free(r->hash);
	free(r->specs);
	free(r->titles);
	free(r);
}

static xxgk_rules *S_builtin;
static int S_builtin_rc;
static xxgk_error S_builtin_err;
static pthread_once_t S_builtin_once = PTHREAD_ONCE_INIT;

static void S_builtin_load(void)
{
	S_builtin_rc = xxgk_rules_load(&S_builtin, xxgk_rules_builtin, xxgk_rules_builtin_len,
				       "built-in rules");
	if (S_builtin_rc < 0)
		S_builtin_err = *xxgk_error_last();
}

int xxgk_rules_default(const xxgk_rules **out)
{
	pthread_once(&S_builtin_once, S_builtin_load);
	*out = S_builtin;
	if (S_builtin_rc < 0)
		return xxgk_error_set(S_builtin_err.code, "%s", S_builtin_err.message);
	return 0;
}

size_t xxgk_schema_count(const xxgk_rules *rules)
{
	if (!rules && xxgk_rules_default(&rules) < 0)
		return 0;
	return rules->nfields;
}

const xxgk_field *xxgk_schema_field(const xxgk_rules *rules, size_t i)
{
	if (!rules && xxgk_rules_default(&rules) < 0)
		return NULL;
	return i < rules->nfields ? &rules->fields[i] : NULL;
}
