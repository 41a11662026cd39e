/*
 * manifest.c - read a crawler's manifest: RFC 4180 CSV (quoted fields may
 * hold commas, quotes and line breaks; CRLF or LF; a UTF-8 BOM is allowed).
 * Rows are matched to inputs by real path, so `./a/b.docx` and
 * `/data/a/b.docx` name the same file; a path that does not exist is
 * matched as written.
 */
#include "manifest.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xxgk/common.h"

typedef struct {
	FILE *f;
	const char *name;
	size_t line;
	xxgk_buf field;
	char **cells;
	size_t n, cap;
} S_reader;

static void S_free_cells(S_reader *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->cells[i]);
	r->n = 0;
}

static int S_end_field(S_reader *r)
{
	char *s;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		char **p = realloc(r->cells, cap * sizeof(*p));
		if (!p)
			return -1;
		r->cells = p;
		r->cap = cap;
	}
	if (!(s = malloc(r->field.size + 1)))
		return -1;
	memcpy(s, r->field.ptr, r->field.size + 1);
	r->cells[r->n++] = s;
	r->field.size = 0;
	if (r->field.asize)
		r->field.ptr[0] = '\0';
	return 0;
}

/* Read one record into r->cells; 1 when there is one, 0 at the end, -1 on error. */
static int S_record(S_reader *r)
{
	int c, quoted = 0, any = 0;
	char ch;

	S_free_cells(r);
	r->line++;
	while ((c = getc(r->f)) != EOF) {
		any = 1;
		ch = (char)c;
		if (quoted) {
			if (c == '"') {
				if ((c = getc(r->f)) != '"') {
					quoted = 0;
					if (c == EOF)
						break;
					ungetc(c, r->f);
					continue;
				}
			} else if (c == '\n')
				r->line++;
			if (xxgk_buf_put(&r->field, &ch, 1) < 0)
				return -1;
		} else if (c == '"' && r->field.size == 0) {
			quoted = 1;
		} else if (c == ',') {
			if (S_end_field(r) < 0)
				return -1;
		} else if (c == '\n') {
			break;
		} else if (c != '\r' && xxgk_buf_put(&r->field, &ch, 1) < 0) {
			return -1;
		}
	}
	if (!any)
		return 0;
	return S_end_field(r) < 0 ? -1 : 1;
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp((*(cli_manifest_row *const *)a)->key, (*(cli_manifest_row *const *)b)->key);
}

static char *S_key(const char *path)
{
	char *real = realpath(path, NULL);
	return real ? real : strdup(path);
}

/* Which header column is path, agency, year; the others are extra. */
typedef struct {
	long path, agency, year;
	size_t ncells;
} S_header;

static int S_header_read(cli_manifest *m, S_reader *r, S_header *h)
{
	size_t i;

	h->path = h->agency = h->year = -1;
	if (S_record(r) <= 0) {
		fprintf(stderr, "xxgk: %s: the manifest is empty\n", r->name);
		return -2;
	}
	if (r->n && strncmp(r->cells[0], "\xEF\xBB\xBF", 3) == 0)
		memmove(r->cells[0], r->cells[0] + 3, strlen(r->cells[0] + 3) + 1);
	h->ncells = r->n;
	if (!(m->names = calloc(r->n, sizeof(*m->names))))
		return -1;
	for (i = 0; i < r->n; i++) {
		const char *c = r->cells[i];
		if (strcmp(c, "path") == 0 && h->path < 0)
			h->path = (long)i;
		else if (strcmp(c, "agency") == 0 && h->agency < 0)
			h->agency = (long)i;
		else if (strcmp(c, "year") == 0 && h->year < 0)
			h->year = (long)i;
		else if (!(m->names[m->ncols++] = strdup(c)))
			return -1;
	}
	if (h->path < 0) {
		fprintf(stderr, "xxgk: %s: the manifest's header has no 'path' column\n", r->name);
		return -2;
	}
	return 0;
}

static char *S_take(S_reader *r, size_t i)
{
	char *s;

	if (i >= r->n || !r->cells[i] || !r->cells[i][0])
		return NULL;
	s = r->cells[i];
	r->cells[i] = NULL; /* the cell now belongs to the row */
	return s;
}

static int S_row(cli_manifest *m, S_reader *r, const S_header *h, cli_manifest_row *row)
{
	size_t i, k = 0;
	char *y, *end;
	long v;

	memset(row, 0, sizeof(*row));
	if (!(row->values = calloc(m->ncols ? m->ncols : 1, sizeof(*row->values))))
		return -1;
	if (!(row->path = S_take(r, (size_t)h->path))) {
		fprintf(stderr, "xxgk: %s:%zu: the path is empty\n", r->name, r->line);
		return -2;
	}
	row->agency = h->agency >= 0 ? S_take(r, (size_t)h->agency) : NULL;
	if (h->year >= 0 && (y = S_take(r, (size_t)h->year)) != NULL) {
		v = strtol(y, &end, 10);
		v = *end ? 0 : v;
		free(y);
		if (v < 1990 || v > 2100) {
			fprintf(stderr, "xxgk: %s:%zu: the year is not a year such as 2024\n", r->name,
				r->line);
			return -2;
		}
		row->year = (int)v;
	}
	for (i = 0; i < h->ncells; i++)
		if ((long)i != h->path && (long)i != h->agency && (long)i != h->year)
			row->values[k++] = S_take(r, i);
	return (row->key = S_key(row->path)) ? 0 : -1;
}

int cli_manifest_load(cli_manifest *m, const char *path)
{
	S_reader r = {NULL, path, 0, XXGK_BUF_INIT, NULL, 0, 0};
	S_header h;
	size_t cap = 0, i;
	int rc = -1, more;

	memset(m, 0, sizeof(*m));
	if (!(r.f = fopen(path, "rb"))) {
		fprintf(stderr, "xxgk: %s: cannot open the manifest: %s\n", path, strerror(errno));
		return -1;
	}
	if ((rc = S_header_read(m, &r, &h)) < 0)
		goto done;
	rc = -1;
	while ((more = S_record(&r)) > 0) {
		if (r.n == 1 && !r.cells[0][0])
			continue; /* a blank line */
		if (m->nrows == cap) {
			cli_manifest_row *p = realloc(m->rows, (cap = cap ? cap * 2 : 64) * sizeof(*p));
			if (!p)
				goto done;
			m->rows = p;
		}
		m->nrows++;
		if ((rc = S_row(m, &r, &h, &m->rows[m->nrows - 1])) < 0)
			goto done;
		rc = -1;
	}
	if (more < 0 || !(m->index = malloc((m->nrows ? m->nrows : 1) * sizeof(*m->index))))
		goto done;
	for (i = 0; i < m->nrows; i++)
		m->index[i] = &m->rows[i];
	qsort(m->index, m->nrows, sizeof(*m->index), S_cmp);
	for (i = 1; i < m->nrows; i++)
		if (strcmp(m->index[i - 1]->key, m->index[i]->key) == 0)
			fprintf(stderr, "xxgk: %s: %s is listed twice; using one of its rows\n", path,
				m->index[i]->path);
	rc = 0;
done:
	if (rc == -1)
		fprintf(stderr, "xxgk: %s: cannot read the manifest: out of memory\n", path);
	S_free_cells(&r);
	free(r.cells);
	xxgk_buf_dispose(&r.field);
	fclose(r.f);
	if (rc < 0)
		cli_manifest_dispose(m);
	return rc < 0 ? -1 : 0;
}

void cli_manifest_dispose(cli_manifest *m)
{
	size_t i, k;

	for (i = 0; i < m->nrows; i++) {
		cli_manifest_row *row = &m->rows[i];
		free(row->path);
		free(row->key);
		free(row->agency);
		for (k = 0; row->values && k < m->ncols; k++)
			free(row->values[k]);
		free(row->values);
	}
	for (i = 0; i < m->ncols; i++)
		free(m->names[i]);
	free(m->names);
	free(m->rows);
	free(m->index);
	memset(m, 0, sizeof(*m));
}

const cli_manifest_row *cli_manifest_find(const cli_manifest *m, const char *path)
{
	cli_manifest_row probe, *pp = &probe, **hit;

	if (!m || !m->nrows)
		return NULL;
	if (!(probe.key = S_key(path)))
		return NULL;
	hit = bsearch(&pp, m->index, m->nrows, sizeof(*m->index), S_cmp);
	free(probe.key);
	return hit ? *hit : NULL;
}
