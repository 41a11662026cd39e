/*
 * map.c - read a located table by its words.
 *
 * Rows are taken top to bottom. A row that has a cell of its own under a
 * known column and whose label path matches a row rule is a data row;
 * every other row is a header row, whose cell texts are appended to the
 * header path of the columns beneath them. After each header row the
 * column rules are matched against the header paths, and if any column is
 * recognised the column map is replaced. Columns are thus found from the
 * headers wherever they stand, and a table may change its columns midway
 * (the active table of the 2021 format does, four times).
 *
 * A row's label path joins the distinct label cells left of the first
 * known column. A label cell left blank under a group label (a merge that
 * a retyped report lost) takes the group label from the rows above.
 */
#include "map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "text.h"
#include "value.h"

int xxgk_map_scratch_init(xxgk_map_scratch *s, const xxgk_rules *rules)
{
	memset(s, 0, sizeof(*s));
	s->norm = (xxgk_buf)XXGK_BUF_INIT;
	s->path = (xxgk_buf)XXGK_BUF_INIT;
	s->pend = (xxgk_buf)XXGK_BUF_INIT;
	xxgk_memo_init(&s->memo);
	s->md = pcre2_match_data_create(xxgk_rules_max_captures(rules) + 1, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	if (!s->md || !s->mctx)
		return xxgk_error_oom();
	pcre2_set_match_limit(s->mctx, 1000000);
	pcre2_set_depth_limit(s->mctx, 10000);
	s->nspecs = rules->nspecs;
	s->saved_map = calloc(s->nspecs, sizeof(*s->saved_map));
	s->saved_unit = calloc(s->nspecs, sizeof(*s->saved_unit));
	s->saved_ncols = calloc(s->nspecs, sizeof(*s->saved_ncols));
	if (!s->saved_map || !s->saved_unit || !s->saved_ncols)
		return xxgk_error_oom();
	return 0;
}

void xxgk_map_reset(xxgk_map_scratch *s)
{
	size_t k;
	for (k = 0; k < s->nspecs; k++)
		s->saved_ncols[k] = 0;
}

int xxgk_map_continues(const xxgk_map_scratch *s, const xxgk_grid *g, size_t k)
{
	return k < s->nspecs && s->saved_ncols[k] && s->saved_ncols[k] == g->ncols;
}

/* Keep the column map a table of spec k ended with. */
static int S_save_map(xxgk_map_scratch *s, const xxgk_grid *g, size_t k)
{
	int *m = realloc(s->saved_map[k], (g->ncols ? g->ncols : 1) * sizeof(*m));
	int *u;

	if (!m)
		return xxgk_error_oom();
	s->saved_map[k] = m;
	if (!(u = realloc(s->saved_unit[k], (g->ncols ? g->ncols : 1) * sizeof(*u))))
		return xxgk_error_oom();
	s->saved_unit[k] = u;
	memcpy(m, s->colmap, g->ncols * sizeof(*m));
	memcpy(u, s->colunit, g->ncols * sizeof(*u));
	s->saved_ncols[k] = g->ncols;
	return 0;
}

void xxgk_map_scratch_dispose(xxgk_map_scratch *s)
{
	size_t i;

	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	xxgk_buf_dispose(&s->norm);
	xxgk_buf_dispose(&s->path);
	xxgk_buf_dispose(&s->pend);
	xxgk_memo_dispose(&s->memo);
	for (i = 0; i < s->acols; i++)
		xxgk_buf_dispose(&s->hdr[i]);
	free(s->hdr);
	free(s->hdr_last);
	free(s->colmap);
	free(s->colunit);
	free(s->carry);
	free(s->tmp);
	free(s->norm_off);
	free(s->norm_len);
	for (i = 0; i < s->nspecs; i++) {
		free(s->saved_map ? s->saved_map[i] : NULL);
		free(s->saved_unit ? s->saved_unit[i] : NULL);
	}
	free(s->saved_map);
	free(s->saved_unit);
	free(s->saved_ncols);
	memset(s, 0, sizeof(*s));
}

static int S_reserve_cols(xxgk_map_scratch *s, size_t ncols)
{
	size_t i, na;
	xxgk_buf *nh;

	if (ncols <= s->acols)
		return 0;
	na = ncols < 16 ? 16 : ncols;
	if (!(nh = realloc(s->hdr, na * sizeof(*nh))))
		return xxgk_error_oom();
	s->hdr = nh;
	for (i = s->acols; i < na; i++)
		nh[i] = (xxgk_buf)XXGK_BUF_INIT;
	s->acols = na;
	free(s->hdr_last);
	free(s->colmap);
	free(s->colunit);
	free(s->carry);
	free(s->tmp);
	s->tmp = malloc(na * sizeof(*s->tmp));
	s->hdr_last = malloc(na * sizeof(*s->hdr_last));
	s->colmap = malloc(na * sizeof(*s->colmap));
	s->colunit = malloc(na * sizeof(*s->colunit));
	s->carry = malloc(na * sizeof(*s->carry));
	if (!s->hdr_last || !s->colmap || !s->colunit || !s->carry || !s->tmp)
		return xxgk_error_oom();
	return 0;
}

int xxgk_map_prepare(xxgk_map_scratch *s, const xxgk_grid *g)
{
	const xxgk_rawtable *raw = g->raw;
	size_t i;

	if (raw->ncells > s->acells) {
		size_t na = raw->ncells;
		free(s->norm_off);
		free(s->norm_len);
		s->norm_off = malloc(na * sizeof(*s->norm_off));
		s->norm_len = malloc(na * sizeof(*s->norm_len));
		if (!s->norm_off || !s->norm_len) {
			s->acells = 0;
			return xxgk_error_oom();
		}
		s->acells = na;
	}
	xxgk_buf_clear(&s->norm);
	for (i = 0; i < raw->ncells; i++) {
		const xxgk_rawcell *c = &raw->cells[i];
		s->norm_off[i] = (uint32_t)s->norm.size;
		if (xxgk_text_normalize(&s->norm, raw->text.ptr + c->text_off, c->text_len) < 0)
			return xxgk_error_oom();
		s->norm_len[i] = (uint32_t)(s->norm.size - s->norm_off[i]);
		/* a separator after each text: the buffer is also the table's words for locate */
		if (s->norm_len[i] && xxgk_buf_putc(&s->norm, '|') < 0)
			return xxgk_error_oom();
	}
	return S_reserve_cols(s, g->ncols);
}

int xxgk_map_matches(xxgk_map_scratch *s, const xxgk_spec *spec)
{
	/* xxgk_map_prepare left the table's words, '|'-separated, in s->norm */
	return xxgk_rules_match(spec->locate, s->norm.ptr, s->norm.size, s->md, s->mctx);
}

static const char *S_norm(const xxgk_map_scratch *s, int32_t cell, size_t *len)
{
	if (cell < 0) {
		*len = 0;
		return "";
	}
	*len = s->norm_len[cell];
	return s->norm.ptr + s->norm_off[cell];
}

static uint32_t S_first_mapped(const xxgk_map_scratch *s, const xxgk_grid *g)
{
	uint32_t c;
	for (c = 0; c < g->ncols && s->colmap[c] < 0; c++)
		;
	return c;
}

#define LABEL_PATH_MAX 1024 /* bytes of a row's label path; real ones are under 200 */

/* Build the label path of row `r` from columns [0, end); update the carry. */
static int S_label_path(xxgk_map_scratch *s, const xxgk_grid *g, uint32_t r, uint32_t end)
{
	int32_t prev = -2, last_nonempty = -1;
	uint32_t c;
	size_t len;

	for (c = 0; c < end; c++) {
		int32_t o = xxgk_grid_at(g, r, c);
		if (o >= 0 && S_norm(s, o, &len) && len)
			last_nonempty = (int32_t)c;
	}
	xxgk_buf_clear(&s->path);
	for (c = 0; c < end; c++) {
		int32_t o = xxgk_grid_at(g, r, c);
		const char *t;
		if (o == prev)
			continue;
		prev = o;
		t = S_norm(s, o, &len);
		if (!len && (int32_t)c < last_nonempty && s->carry[c] >= 0)
			t = S_norm(s, s->carry[c], &len); /* a group label lost to an unmerged cell */
		else if (len && s->carry[c] != o) {
			uint32_t k; /* a new group: what was carried below it ends */
			s->carry[c] = o;
			for (k = c + 1; k < end; k++)
				s->carry[k] = -1;
		}
		if (!len || s->path.size + 1 + len > LABEL_PATH_MAX)
			continue; /* an absurd label keeps its start (bounded matching) */
		if ((s->path.size && xxgk_buf_putc(&s->path, '>') < 0) ||
		    xxgk_buf_put(&s->path, t, len) < 0)
			return xxgk_error_oom();
	}
	return 0;
}

/* The index of the first of n rules that matches the text, or -1; a text
 * seen before with the same rules is answered from the memo. */
static int S_first_match(const xxgk_rule *rules, size_t n, const char *s, size_t len,
			 xxgk_map_scratch *sc)
{
	int found = -1;
	size_t i;

	if (xxgk_memo_get(&sc->memo, rules, s, len, &found))
		return found;
	for (i = 0; i < n && found < 0; i++)
		if (xxgk_rules_match(rules[i].re, s, len, sc->md, sc->mctx))
			found = (int)i;
	xxgk_memo_put(&sc->memo, rules, s, len, found);
	return found;
}

#define HDR_PATH_MAX 512 /* bytes of a column's header path; real ones are under 200 */

/* A header row: extend the header paths, then re-read the columns. */
static int S_header_row(xxgk_map_scratch *s, const xxgk_grid *g, const xxgk_spec *spec,
			uint32_t r, int fresh)
{
	uint32_t c;
	int any = 0;

	for (c = 0; c < g->ncols; c++) {
		int32_t o = xxgk_grid_at(g, r, c);
		size_t len;
		const char *t = S_norm(s, o, &len);
		int changed = fresh;
		if (fresh) {
			xxgk_buf_clear(&s->hdr[c]);
			s->hdr_last[c] = -1;
		}
		s->carry[c] = -1;
		if (o >= 0 && o != s->hdr_last[c] && len) {
			s->hdr_last[c] = o;
			/* past HDR_PATH_MAX the path keeps its start: this bounds the memory and
			 * the matching a hostile table of endless header rows can cost */
			if (s->hdr[c].size + 1 + len <= HDR_PATH_MAX) {
				if ((s->hdr[c].size && xxgk_buf_putc(&s->hdr[c], '>') < 0) ||
				    xxgk_buf_put(&s->hdr[c], t, len) < 0)
					return xxgk_error_oom();
				changed = 1;
			}
		}
		/* an unchanged path keeps the match of the header row before */
		if (changed)
			s->tmp[c] = S_first_match(spec->cols, spec->ncols, s->hdr[c].ptr,
						  s->hdr[c].size, s);
		any |= s->tmp[c] >= 0;
	}
	for (c = 0; any && c < g->ncols; c++) {
		s->colmap[c] = s->tmp[c];
		/* an amount's unit, when the header names one: 万元 or 元 */
		s->colunit[c] = strstr(s->hdr[c].ptr, "万元") ? 0 : strstr(s->hdr[c].ptr, "元") ? -4 : 0;
	}
	return 0;
}

/* Does row r own a cell under a known column; is any such cell a number? */
/*
 * Does row r own a cell under a known column? *numeric: one of them reads
 * as a number; *blank: all of them are empty.
 */
static int S_own_cells(const xxgk_map_scratch *s, const xxgk_grid *g, uint32_t r, int *numeric,
		       int *blank)
{
	uint32_t c;
	int own = 0;

	*numeric = 0;
	*blank = 1;
	for (c = 0; c < g->ncols; c++) {
		int32_t o = xxgk_grid_at(g, r, c);
		size_t len;
		const char *t;
		if (s->colmap[c] < 0 || o < 0 || g->origin_row[o] != r)
			continue;
		own = 1;
		t = xxgk_grid_text(g, o, &len);
		if (s->norm_len[o])
			*blank = 0;
		if (xxgk_value_is_number(t, len))
			*numeric = 1;
	}
	return own;
}

/*
 * Does row r name columns still unknown (text under an unknown column
 * that completes a header path a col rule matches)? Then it is a header
 * row, even though it has cells under known columns: a header of several
 * rows whose upper cells were not merged down.
 */
static int S_names_columns(xxgk_map_scratch *s, const xxgk_grid *g, const xxgk_spec *spec,
			   uint32_t r, uint32_t first)
{
	uint32_t c;

	for (c = first; c < g->ncols; c++) {
		int32_t o = xxgk_grid_at(g, r, c);
		size_t len, base;
		const char *t;
		int hit;
		if (s->colmap[c] >= 0 || o < 0 || g->origin_row[o] != r)
			continue;
		t = S_norm(s, o, &len);
		if (!len || xxgk_value_is_number(t, len))
			continue;
		base = s->hdr[c].size;
		if ((base && xxgk_buf_putc(&s->hdr[c], '>') < 0) || xxgk_buf_put(&s->hdr[c], t, len) < 0)
			return 0;
		hit = S_first_match(spec->cols, spec->ncols, s->hdr[c].ptr, s->hdr[c].size, s) >= 0;
		s->hdr[c].size = base; /* only a look: the header row itself appends for real */
		s->hdr[c].ptr[base] = '\0';
		if (hit)
			return 1;
	}
	return 0;
}

static int S_emit_cell(xxgk_report *rep, const xxgk_grid *g, int idx, int32_t o, int unit)
{
	const xxgk_field *f = &rep->rules->fields[idx];
	size_t len;
	const char *t = xxgk_grid_text(g, o, &len);
	double v;
	xxgk_vkind k = xxgk_value_parse(t, len, f->is_amount, unit, &v);
	int rc = xxgk_report__set(rep, idx, k != XXGK_V_NUMBER, v, g->raw->index,
				  (int)g->origin_row[o] + 1, (int)g->origin_col[o] + 1, t, len);

	if (rc < 0)
		return rc;
	if (rc == 1)
		rc = xxgk_report__warn(rep, "field.conflict", f->id, "%s (%s) printed twice with "
				       "different numbers; the first, in table %d, is kept: "
				       "table %d row %u reads \"%.*s\"", f->id, f->label,
				       rep->values[idx].table, g->raw->index, g->origin_row[o] + 1,
				       (int)len, t);
	else if (k == XXGK_V_UNREADABLE)
		rc = xxgk_report__warn(rep, "value.unreadable", f->id, "%s (%s): cell text \"%.*s\" "
				       "is not a number; the value is null", f->id, f->label,
				       (int)(len > 200 ? 200 : len), t);
	return rc < 0 ? rc : 0;
}

/*
 * Emit data row r. Each value cell takes the first column rule over its
 * columns that the row has not used yet, so header and data cells whose
 * spans do not line up still pair in order, and a cell spanning several
 * columns of one header is read once.
 */
static int S_data_row(xxgk_map_scratch *s, const xxgk_grid *g, const xxgk_spec *spec,
		      const xxgk_rule *row, uint32_t r, xxgk_report *rep, size_t *found)
{
	uint64_t used = 0;
	uint32_t c = 0, e;
	int rc;

	while (c < g->ncols) {
		int32_t o = xxgk_grid_at(g, r, c);
		int pick = -1, idx;
		for (e = c; e < g->ncols && xxgk_grid_at(g, r, e) == o; e++)
			if (pick < 0 && s->colmap[e] >= 0 && !(used >> s->colmap[e] & 1))
				pick = (int)e;
		c = e;
		if (o < 0 || pick < 0)
			continue;
		used |= (uint64_t)1 << s->colmap[pick];
		idx = xxgk_spec_field(spec, (size_t)(row - spec->rows), (size_t)s->colmap[pick]);
		if (idx < 0)
			continue;
		if ((rc = S_emit_cell(rep, g, idx, o, s->colunit[pick])) < 0)
			return rc;
		(*found)++;
	}
	return 0;
}

/* Where the row loop stands between rows. */
typedef struct {
	int prev_header;  /* the last row was a header row */
	int pend_m;       /* a blank data row held back (its row rule), or -1 */
	uint32_t pend_r;
} S_rows;

/*
 * A blank row that matches a row rule is held back until the next row:
 * if that row's label path continues it ("(六)其他处理" then
 * "(六)其他处理>1.申请人..."), it was a group label on a row of its own,
 * not a row of values.
 */
static int S_flush(xxgk_map_scratch *s, const xxgk_grid *g, const xxgk_spec *spec, S_rows *st,
		   xxgk_report *rep, size_t *found)
{
	int m = st->pend_m;

	st->pend_m = -1;
	return m < 0 ? 0 : S_data_row(s, g, spec, &spec->rows[m], st->pend_r, rep, found);
}

static int S_continues_pending(const xxgk_map_scratch *s)
{
	size_t n = s->pend.size;
	return s->path.size > n && memcmp(s->path.ptr, s->pend.ptr, n) == 0 && s->path.ptr[n] == '>';
}

/* Read a row that has cells of its own under known columns; 1 if it was no data row. */
static int S_value_row(xxgk_map_scratch *s, const xxgk_grid *g, const xxgk_spec *spec,
		       uint32_t r, uint32_t first, int numeric, int blank, S_rows *st,
		       xxgk_report *rep, size_t *found)
{
	int m, rc;

	if ((rc = S_label_path(s, g, r, first)) < 0)
		return rc;
	m = S_first_match(spec->rows, spec->nrows, s->path.ptr, s->path.size, s);
	if (st->pend_m >= 0 && S_continues_pending(s))
		st->pend_m = -1;
	else if ((rc = S_flush(s, g, spec, st, rep, found)) < 0)
		return rc;
	if (m < 0 && numeric) {
		st->prev_header = 0;
		return xxgk_report__warn(rep, "row.unrecognized", "", "table %d row %u: the label "
					 "\"%s\" matches no row of %s; its numbers are left out",
					 g->raw->index, r + 1, s->path.ptr, spec->prefix);
	}
	if (m < 0)
		return blank && s->path.size ? 0 : 1; /* a group label on its own row, or a header */
	st->prev_header = 0;
	if (!blank)
		return S_data_row(s, g, spec, &spec->rows[m], r, rep, found);
	xxgk_buf_clear(&s->pend);
	st->pend_m = m;
	st->pend_r = r;
	return xxgk_buf_put(&s->pend, s->path.ptr, s->path.size) < 0 ? xxgk_error_oom() : 0;
}

int xxgk_map_read(xxgk_map_scratch *s, const xxgk_grid *g, size_t k, xxgk_report *rep,
		  size_t *found)
{
	const xxgk_spec *spec = &rep->rules->specs[k];
	S_rows st = {0, -1, 0};
	uint32_t r, c;
	int rc, inherit = xxgk_map_continues(s, g, k);

	for (c = 0; c < g->ncols; c++) {
		s->colmap[c] = inherit ? s->saved_map[k][c] : -1;
		s->colunit[c] = inherit ? s->saved_unit[k][c] : 0;
		s->carry[c] = -1;
	}
	for (r = 0; r < g->nrows; r++) {
		uint32_t first = S_first_mapped(s, g);
		int numeric, blank;

		rc = 1;
		if (first < g->ncols && S_own_cells(s, g, r, &numeric, &blank) &&
		    !S_names_columns(s, g, spec, r, first))
			rc = S_value_row(s, g, spec, r, first, numeric, blank, &st, rep, found);
		if (rc == 1 && (rc = S_flush(s, g, spec, &st, rep, found)) == 0) {
			rc = S_header_row(s, g, spec, r, !st.prev_header);
			st.prev_header = 1;
		}
		if (rc < 0)
			return rc;
	}
	if ((rc = S_flush(s, g, spec, &st, rep, found)) < 0)
		return rc;
	return S_first_mapped(s, g) < g->ncols ? S_save_map(s, g, k) : 0;
}
