/*
 * emit_sqlite.c - reports into a SQLite database that a run updates in
 * place. A run is one transaction (BEGIN IMMEDIATE ... COMMIT): SQLite's
 * rollback journal makes it atomic, so a reader, a crash or an interrupt
 * sees the database as it was before the run or after it, never half of it.
 * Reports are keyed on their source path: a second run over the same files
 * replaces their rows and keeps their ids. The schema is in docs/sql.md.
 */
#include "xxgk/emit.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"

/* 'xxgk' in PRAGMA application_id, and the version of the schema below. */
#define S_APP_ID 0x78786b67
#define S_SCHEMA_VERSION 1

static const char S_schema[] =
	"CREATE TABLE reports (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  source TEXT NOT NULL UNIQUE,\n"
	"  sha256 TEXT,\n"
	"  agency TEXT,\n"
	"  year INTEGER,\n"
	"  template TEXT,\n"
	"  read_at TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE report_values (\n"
	"  report_id INTEGER NOT NULL REFERENCES reports(id),\n"
	"  field TEXT NOT NULL,\n"
	"  value NUMERIC,\n"
	"  text TEXT NOT NULL,\n"
	"  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,\n"
	"  PRIMARY KEY (report_id, field)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE warnings (\n"
	"  report_id INTEGER NOT NULL REFERENCES reports(id),\n"
	"  code TEXT NOT NULL,\n"
	"  fields TEXT NOT NULL,\n"
	"  message TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE report_meta (\n"
	"  report_id INTEGER NOT NULL REFERENCES reports(id),\n"
	"  name TEXT NOT NULL,\n"
	"  value TEXT,\n"
	"  PRIMARY KEY (report_id, name)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE failures (\n"
	"  source TEXT PRIMARY KEY,\n"
	"  error TEXT NOT NULL,\n"
	"  failed_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX reports_agency ON reports(agency);\n"
	"CREATE INDEX reports_year ON reports(year);\n"
	"CREATE INDEX report_values_field ON report_values(field);\n"
	"CREATE INDEX warnings_report ON warnings(report_id);\n"
	"CREATE INDEX warnings_code ON warnings(code);\n";

enum {
	S_UPSERT, S_GET_ID, S_DEL_VALUES, S_DEL_WARNINGS, S_DEL_META, S_DEL_REPORT,
	S_DEL_FAILURE, S_INS_VALUE, S_INS_WARNING, S_INS_META, S_INS_FAILURE, S_NSTMT
};

static const char *const S_sql[S_NSTMT] = {
	"INSERT INTO reports(source, sha256, agency, year, template, read_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(source) DO UPDATE SET "
	"sha256 = excluded.sha256, agency = excluded.agency, year = excluded.year, "
	"template = excluded.template, read_at = excluded.read_at",
	"SELECT id FROM reports WHERE source = ?1",
	"DELETE FROM report_values WHERE report_id = ?1",
	"DELETE FROM warnings WHERE report_id = ?1",
	"DELETE FROM report_meta WHERE report_id = ?1",
	"DELETE FROM reports WHERE id = ?1",
	"DELETE FROM failures WHERE source = ?1",
	"INSERT INTO report_values(report_id, field, value, text, cell_table, cell_row, cell_col) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	"INSERT INTO warnings(report_id, code, fields, message) VALUES (?1, ?2, ?3, ?4)",
	"INSERT INTO report_meta(report_id, name, value) VALUES (?1, ?2, ?3)",
	"INSERT INTO failures(source, error, failed_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT(source) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at",
};

struct xxgk_sqlite {
	sqlite3 *db;
	sqlite3_stmt *stmt[S_NSTMT];
	char read_at[32];  /* the run's time, ISO 8601 UTC */
	char *path;
};

static int S_fail(xxgk_sqlite *s, const char *what)
{
	return xxgk_error_set(XXGK_ERROR, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int S_exec(xxgk_sqlite *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : S_fail(s, "SQL failed");
}

/* The first column of the first row of `sql`, as an integer; -1 on error. */
static long long S_scalar(xxgk_sqlite *s, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Create the schema in an empty database, or check that it is ours. */
static int S_schema_ensure(xxgk_sqlite *s)
{
	long long app = S_scalar(s, "PRAGMA application_id");
	long long ver = S_scalar(s, "PRAGMA user_version");
	long long objects = S_scalar(s, "SELECT count(*) FROM sqlite_master");
	char pragmas[96];

	if (app < 0 || ver < 0 || objects < 0)
		return S_fail(s, "cannot read the database");
	if (objects > 0 && app != S_APP_ID)
		return xxgk_error_set(XXGK_EUSAGE, "%s: a SQLite database that xxgk did not make; "
				      "give another file", s->path);
	if (objects > 0 && ver != S_SCHEMA_VERSION)
		return xxgk_error_set(XXGK_EUSAGE, "%s: schema version %lld, this xxgk writes "
				      "version %d", s->path, ver, S_SCHEMA_VERSION);
	if (objects > 0)
		return 0;
	snprintf(pragmas, sizeof(pragmas), "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		 S_APP_ID, S_SCHEMA_VERSION);
	return S_exec(s, S_schema) < 0 ? XXGK_ERROR : S_exec(s, pragmas);
}

/* (Re)create the view with one column per field of the schema in use. */
static int S_view(xxgk_sqlite *s, const xxgk_rules *rules)
{
	size_t i, n = xxgk_schema_count(rules);
	sqlite3_str *q = sqlite3_str_new(s->db);
	char *sql;
	int rc;

	sqlite3_str_appendall(q, "DROP VIEW IF EXISTS report_wide;\n"
			      "CREATE VIEW report_wide AS SELECT r.id AS report_id, r.source, "
			      "r.agency, r.year, r.template");
	for (i = 0; i < n; i++) {
		const char *id = xxgk_schema_field(rules, i)->id;
		sqlite3_str_appendf(q, ",\n  (SELECT value FROM report_values v WHERE v.report_id "
				    "= r.id AND v.field = %Q) AS \"%w\"", id, id);
	}
	sqlite3_str_appendall(q, "\nFROM reports r;\n");
	if (!(sql = sqlite3_str_finish(q)))
		return xxgk_error_oom();
	rc = S_exec(s, sql);
	sqlite3_free(sql);
	return rc;
}

static void S_free(xxgk_sqlite *s)
{
	size_t i;

	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int xxgk_emit_sqlite_open(xxgk_sqlite **out, const char *path, const xxgk_rules *rules)
{
	xxgk_sqlite *s;
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	int rc = XXGK_ERROR;

	*out = NULL;
	if (!xxgk_schema_count(rules))
		return xxgk_error_last()->code ? xxgk_error_last()->code : XXGK_ERULES;
	if (!(s = calloc(1, sizeof(*s))) || !(s->path = strdup(path))) {
		free(s);
		return xxgk_error_oom();
	}
	gmtime_r(&now, &tm);
	strftime(s->read_at, sizeof(s->read_at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = s->db ? S_fail(s, "cannot open") : xxgk_error_oom();
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 10000);
	if ((rc = S_exec(s, "BEGIN IMMEDIATE")) < 0)
		goto fail;
	if ((rc = S_schema_ensure(s)) < 0 || (rc = S_view(s, rules)) < 0)
		goto rollback;
	for (i = 0; i < S_NSTMT; i++) {
		if (sqlite3_prepare_v2(s->db, S_sql[i], -1, &s->stmt[i], NULL) != SQLITE_OK) {
			rc = S_fail(s, "cannot prepare a statement");
			goto rollback;
		}
	}
	*out = s;
	return 0;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
fail:
	S_free(s);
	return rc;
}

static int S_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* Step a statement to its end and reset it for the next use. */
static int S_run(xxgk_sqlite *s, int k)
{
	int rc = sqlite3_step(s->stmt[k]);

	sqlite3_reset(s->stmt[k]);
	sqlite3_clear_bindings(s->stmt[k]);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : S_fail(s, "cannot write");
}

/* The id of `source` in reports, 0 when absent, or a negative error. */
static long long S_id_of(xxgk_sqlite *s, const char *source)
{
	sqlite3_stmt *st = s->stmt[S_GET_ID];
	long long id = 0;
	int rc;

	S_bind_text(st, 1, source);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : S_fail(s, "cannot read");
}

/* Remove everything stored under report `id` but its row in reports. */
static int S_clear(xxgk_sqlite *s, long long id)
{
	int k;

	for (k = S_DEL_VALUES; k <= S_DEL_META; k++) {
		sqlite3_bind_int64(s->stmt[k], 1, id);
		if (S_run(s, k) < 0)
			return XXGK_ERROR;
	}
	return 0;
}

static int S_values(xxgk_sqlite *s, long long id, const xxgk_report *r)
{
	sqlite3_stmt *st = s->stmt[S_INS_VALUE];
	size_t i, n = xxgk_report_value_count(r);

	for (i = 0; i < n; i++) {
		const xxgk_value *v = xxgk_report_value(r, i);
		sqlite3_bind_int64(st, 1, id);
		S_bind_text(st, 2, v->field);
		if (v->is_null)
			sqlite3_bind_null(st, 3);
		else if (v->number == floor(v->number) && fabs(v->number) < 1e15)
			sqlite3_bind_int64(st, 3, (sqlite3_int64)v->number);
		else
			sqlite3_bind_double(st, 3, v->number);
		S_bind_text(st, 4, v->text);
		sqlite3_bind_int(st, 5, v->table);
		sqlite3_bind_int(st, 6, v->row);
		sqlite3_bind_int(st, 7, v->col);
		if (S_run(s, S_INS_VALUE) < 0)
			return XXGK_ERROR;
	}
	return 0;
}

static int S_warnings(xxgk_sqlite *s, long long id, const xxgk_report *r)
{
	sqlite3_stmt *st = s->stmt[S_INS_WARNING];
	size_t i, n = xxgk_report_warning_count(r);

	for (i = 0; i < n; i++) {
		const xxgk_warning *w = xxgk_report_warning(r, i);
		sqlite3_bind_int64(st, 1, id);
		S_bind_text(st, 2, w->code);
		S_bind_text(st, 3, w->fields);
		S_bind_text(st, 4, w->message);
		if (S_run(s, S_INS_WARNING) < 0)
			return XXGK_ERROR;
	}
	return 0;
}

static int S_meta(xxgk_sqlite *s, long long id, const xxgk_emit_meta *meta)
{
	sqlite3_stmt *st = s->stmt[S_INS_META];
	size_t i;

	for (i = 0; meta && i < meta->count; i++) {
		sqlite3_bind_int64(st, 1, id);
		S_bind_text(st, 2, meta->names[i]);
		S_bind_text(st, 3, meta->values ? meta->values[i] : NULL);
		if (S_run(s, S_INS_META) < 0)
			return XXGK_ERROR;
	}
	return 0;
}

int xxgk_emit_sqlite(xxgk_sqlite *s, const xxgk_report *r, const char *sha256,
		     const xxgk_emit_meta *meta)
{
	sqlite3_stmt *st = s->stmt[S_UPSERT];
	const char *source = xxgk_report_source(r);
	long long id;

	S_bind_text(st, 1, source);
	S_bind_text(st, 2, sha256);
	S_bind_text(st, 3, xxgk_report_agency(r));
	if (xxgk_report_year(r))
		sqlite3_bind_int(st, 4, xxgk_report_year(r));
	else
		sqlite3_bind_null(st, 4);
	S_bind_text(st, 5, xxgk_report_template(r));
	S_bind_text(st, 6, s->read_at);
	if (S_run(s, S_UPSERT) < 0 || (id = S_id_of(s, source)) < 0)
		return XXGK_ERROR;
	if (id == 0)
		return xxgk_error_set(XXGK_ERROR, "%s: the row of %s vanished", s->path, source);
	S_bind_text(s->stmt[S_DEL_FAILURE], 1, source);
	if (S_run(s, S_DEL_FAILURE) < 0 || S_clear(s, id) < 0 || S_values(s, id, r) < 0 ||
	    S_warnings(s, id, r) < 0 || S_meta(s, id, meta) < 0)
		return XXGK_ERROR;
	return 0;
}

int xxgk_emit_sqlite_failure(xxgk_sqlite *s, const char *source, const char *error)
{
	sqlite3_stmt *st = s->stmt[S_INS_FAILURE];
	long long id = S_id_of(s, source);

	if (id < 0)
		return XXGK_ERROR;
	if (id > 0) {
		sqlite3_bind_int64(s->stmt[S_DEL_REPORT], 1, id);
		if (S_clear(s, id) < 0 || S_run(s, S_DEL_REPORT) < 0)
			return XXGK_ERROR;
	}
	S_bind_text(st, 1, source);
	S_bind_text(st, 2, error);
	S_bind_text(st, 3, s->read_at);
	return S_run(s, S_INS_FAILURE);
}

int xxgk_emit_sqlite_close(xxgk_sqlite *s, int commit)
{
	int rc = 0;

	if (!s)
		return 0;
	if (commit && S_exec(s, "COMMIT") < 0)
		rc = XXGK_ERROR;
	if (!commit || rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	S_free(s);
	return rc;
}
