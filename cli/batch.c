/*
 * batch.c - run the extractor over many inputs at once. Each worker thread
 * has its own extractor (the rules are shared, read-only) and renders each
 * report into its own buffer; the main thread writes them in input order.
 * Workers may run ahead of the writer by at most a fixed window of inputs,
 * so memory stays flat however many files there are, and the output is the
 * same bytes whatever the number of workers. With one worker the main
 * thread extracts and writes itself: a second thread would only hand each
 * report over.
 */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "output.h"
#include "sha256.h"

enum { S_FREE, S_BUSY, S_DONE };

/* One input on its way from a worker to the writer. */
typedef struct {
	int state;
	size_t seq;                  /* position in the input order */
	char *path;
	const cli_manifest_row *row; /* its manifest row, or NULL */
	int failed;
	char error[600];
	xxgk_buf out;                /* the rendered report */
	xxgk_report *report;         /* SQLite: the report itself */
	char sha256[65];             /* SQLite: the file's digest, or "" */
} S_slot;

typedef struct {
	const cli_batch *b;
	pthread_mutex_t in_mu;       /* the inputs; taken before `mu` */
	pthread_mutex_t mu;          /* everything below */
	pthread_cond_t space, done;
	S_slot *slots;
	size_t window;
	size_t next_seq, next_write;
	int inputs_end, stop;
	size_t known_total;          /* inputs in all when known before the end, else 0 */
	/* the writer's own */
	cli_output out;
	int out_open;
	xxgk_sqlite *db;
	xxgk_buf buf;
	size_t written, failed;
	int io_ok, progress, progress_shown;
	double t0, last_progress;
} S_run;

typedef struct {
	S_run *run;
	xxgk_extractor *x;
	pthread_t thread;
} S_worker;

static double S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void S_meta(const S_run *R, const cli_manifest_row *row, xxgk_emit_meta *meta)
{
	const cli_manifest *m = R->b->manifest;

	meta->count = m ? m->ncols : 0;
	meta->names = m ? (const char *const *)m->names : NULL;
	meta->values = row ? (const char *const *)row->values : NULL;
}

static void S_fail(S_slot *s, const char *msg)
{
	s->failed = 1;
	snprintf(s->error, sizeof(s->error), "%s", msg);
}

/* Extract one input and render it in the slot (a worker's job). */
static void S_process(S_run *R, xxgk_extractor *x, S_slot *s)
{
	const cli_batch *b = R->b;
	const xxgk_options *o = b->opts;
	xxgk_emit_meta meta;
	xxgk_report *r;
	int rc, flags = (b->compact ? 0 : XXGK_EMIT_PRETTY) | (b->no_cells ? XXGK_EMIT_NO_CELLS : 0);

	s->row = cli_manifest_find(b->manifest, s->path);
	xxgk_extractor_set_metadata(x, s->row && s->row->agency ? s->row->agency : o->agency,
				    s->row && s->row->year ? s->row->year : o->year);
	if (b->format == CLI_FMT_SQLITE && cli_sha256_file(s->path, s->sha256) < 0)
		s->sha256[0] = '\0'; /* the extractor says why it cannot read the file */
	if (xxgk_extract_file(&r, x, s->path) < 0) {
		S_fail(s, xxgk_error_last()->message);
		return;
	}
	S_meta(R, s->row, &meta);
	switch (b->format) {
	case CLI_FMT_SQLITE: s->report = r; return;
	case CLI_FMT_JSON: rc = xxgk_emit_json_meta(&s->out, r, flags, &meta); break;
	case CLI_FMT_JSONL: rc = xxgk_emit_json_meta(&s->out, r, flags | XXGK_EMIT_LINE, &meta); break;
	case CLI_FMT_CSV: rc = xxgk_emit_csv_meta(&s->out, r, &meta); break;
	default: rc = xxgk_emit_csv_wide(&s->out, r, o->rules, &meta); break;
	}
	xxgk_report_free(r);
	if (rc < 0)
		S_fail(s, "out of memory while rendering the report");
}

/* Claim the next input and a slot for it; NULL at the end or on stop. */
static S_slot *S_claim(S_run *R)
{
	S_slot *s = NULL;
	char *path = NULL;
	int rc;

	pthread_mutex_lock(&R->in_mu);
	pthread_mutex_lock(&R->mu);
	while (!R->stop && !R->inputs_end && R->next_seq >= R->next_write + R->window)
		pthread_cond_wait(&R->space, &R->mu);
	if (R->stop || R->inputs_end) {
		pthread_mutex_unlock(&R->mu);
		pthread_mutex_unlock(&R->in_mu);
		return NULL;
	}
	pthread_mutex_unlock(&R->mu);
	rc = cli_inputs_next(R->b->inputs, &path); /* may block on a pipe: `mu` is free */
	pthread_mutex_lock(&R->mu);
	if (rc <= 0) {
		R->inputs_end = 1;
		if (rc < 0)
			R->stop = 1;
		pthread_cond_broadcast(&R->done);
		pthread_cond_broadcast(&R->space);
	} else {
		s = &R->slots[R->next_seq % R->window];
		s->seq = R->next_seq++;
		s->state = S_BUSY;
		s->path = path;
	}
	pthread_mutex_unlock(&R->mu);
	pthread_mutex_unlock(&R->in_mu);
	return s;
}

static void *S_work(void *arg)
{
	S_worker *w = arg;
	S_run *R = w->run;
	S_slot *s;

	while ((s = S_claim(R)) != NULL) {
		S_process(R, w->x, s);
		pthread_mutex_lock(&R->mu);
		s->state = S_DONE;
		/* the writer waits for the next slot in input order only: a slot
		 * done ahead of it is taken without waiting when its turn comes */
		if (s->seq == R->next_write)
			pthread_cond_signal(&R->done);
		pthread_mutex_unlock(&R->mu);
	}
	return NULL;
}

/* Free what the slot holds, keeping its buffer's memory unless it is large. */
static void S_slot_reset(S_slot *s)
{
	free(s->path);
	xxgk_report_free(s->report);
	if (s->out.asize > (1u << 20))
		xxgk_buf_dispose(&s->out);
	s->out.size = 0;
	if (s->out.asize)
		s->out.ptr[0] = '\0';
	s->path = NULL;
	s->report = NULL;
	s->row = NULL;
	s->failed = 0;
	s->sha256[0] = '\0';
	s->state = S_FREE;
}

/* The progress line on a terminal: done/total, rate, ETA, failures. */
static void S_progress(S_run *R, size_t done, size_t total, int final)
{
	double now = S_now(), dt = now - R->t0, rate = dt > 0 ? (double)done / dt : 0;
	char eta[32] = "";

	if (!R->progress || (!final && now - R->last_progress < 0.2))
		return;
	R->last_progress = now;
	if (final) {
		if (R->progress_shown)
			fputs("\r\033[K", stderr);
		R->progress_shown = 0;
		return;
	}
	if (total && rate > 0) {
		long s = (long)((double)(total - done) / rate + 0.5);
		snprintf(eta, sizeof(eta), "  ETA %ld:%02ld", s / 60, s % 60);
	}
	if (total)
		fprintf(stderr, "\r\033[Kxxgk: %zu/%zu files  %.1f/s%s  %zu failed", done, total, rate,
			eta, R->failed);
	else
		fprintf(stderr, "\r\033[Kxxgk: %zu files  %.1f/s  %zu failed", done, rate, R->failed);
	R->progress_shown = 1;
}

/* Write one finished slot: its report, or its failure. */
static void S_emit(S_run *R, S_slot *s)
{
	const cli_batch *b = R->b;
	xxgk_emit_meta meta;
	int rc = 0;

	if (s->failed) {
		if (R->progress_shown)
			fputs("\r\033[K", stderr), R->progress_shown = 0;
		fprintf(stderr, "xxgk: %s: %s\n", s->path, s->error);
		R->failed++;
		if (R->db && xxgk_emit_sqlite_failure(R->db, s->path, s->error) < 0)
			rc = -1;
	} else if (R->db) {
		S_meta(R, s->row, &meta);
		rc = xxgk_emit_sqlite(R->db, s->report, s->sha256[0] ? s->sha256 : NULL, &meta);
		R->written++;
	} else {
		if (b->format == CLI_FMT_JSON)
			rc = xxgk_buf_puts(&R->buf, !b->many ? "" : R->written ? ",\n" : "[\n");
		rc = rc < 0 ? rc : xxgk_buf_put(&R->buf, s->out.ptr, s->out.size);
		if (rc == 0 && b->format == CLI_FMT_JSON && !b->many)
			rc = xxgk_buf_puts(&R->buf, "\n");
		rc = rc < 0 ? rc : cli_output_write(&R->out, &R->buf);
		R->written++;
	}
	if (rc < 0) {
		if (R->db)
			fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		R->io_ok = 0;
	}
}

/* Wait for the next slot in input order; NULL when every input is written. */
static S_slot *S_next_done(S_run *R)
{
	S_slot *s;
	size_t done, total;

	pthread_mutex_lock(&R->mu);
	for (;;) {
		struct timespec ts;
		s = &R->slots[R->next_write % R->window];
		if (s->state == S_DONE && s->seq == R->next_write)
			break;
		if ((R->inputs_end || R->stop) && R->next_write == R->next_seq) {
			s = NULL;
			break;
		}
		done = R->next_write;
		total = R->inputs_end ? R->next_seq : R->known_total;
		pthread_mutex_unlock(&R->mu);
		if (R->out_open && R->out.fp == stdout)
			fflush(stdout); /* idle: let a reader downstream see what is done */
		S_progress(R, done, total, 0);
		pthread_mutex_lock(&R->mu);
		if (s->state == S_DONE || ((R->inputs_end || R->stop) && R->next_write == R->next_seq))
			continue;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 200000000;
		if (ts.tv_nsec >= 1000000000)
			ts.tv_sec++, ts.tv_nsec -= 1000000000;
		pthread_cond_timedwait(&R->done, &R->mu, &ts);
	}
	pthread_mutex_unlock(&R->mu);
	return s;
}

/* Write the next slot in input order and free it for another input. */
static void S_retire(S_run *R, S_slot *s)
{
	size_t done, total;

	if (R->io_ok)
		S_emit(R, s);
	pthread_mutex_lock(&R->mu);
	S_slot_reset(s);
	done = ++R->next_write;
	total = R->inputs_end ? R->next_seq : R->known_total;
	if (!R->io_ok)
		R->stop = 1;
	pthread_cond_broadcast(&R->space);
	pthread_mutex_unlock(&R->mu);
	S_progress(R, done, total, 0);
}

static void S_write_all(S_run *R)
{
	S_slot *s;

	while ((s = S_next_done(R)) != NULL)
		S_retire(R, s);
	S_progress(R, 0, 0, 1);
}

/* One worker: extract and write in this thread, one input after another;
 * a second thread would only hand each report over. */
static void S_run_inline(S_run *R, xxgk_extractor *x)
{
	S_slot *s;

	while ((s = S_claim(R)) != NULL) {
		S_process(R, x, s);
		s->state = S_DONE;
		S_retire(R, s);
		if (R->out_open && R->out.fp == stdout)
			fflush(stdout); /* a reader downstream sees each report when it is done */
	}
	S_progress(R, 0, 0, 1);
}

/* Open the output and write its beginning: a CSV header, a database. */
static int S_open(S_run *R, int *new_db)
{
	const cli_batch *b = R->b;
	struct stat st;
	int rc = 0;

	*new_db = 0;
	if (b->format == CLI_FMT_SQLITE) {
		if (!b->output || strcmp(b->output, "-") == 0) {
			fprintf(stderr, "xxgk: --format sqlite writes a database file: give -o FILE.db\n");
			return -1;
		}
		/* A new database is made beside and renamed into place; an existing one is
		 * updated in place in one transaction. */
		if (stat(b->output, &st) == 0 && !S_ISREG(st.st_mode)) {
			fprintf(stderr, "xxgk: %s: not a regular file, not a database\n", b->output);
			return -1;
		}
		if (access(b->output, F_OK) != 0) {
			if (cli_output_reserve(&R->out, b->output) < 0)
				return -1;
			R->out_open = *new_db = 1;
		}
		if (xxgk_emit_sqlite_open(&R->db, *new_db ? R->out.tmp : b->output, b->opts->rules) < 0) {
			fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
			return -1;
		}
		return 0;
	}
	if (cli_output_open(&R->out, b->output) < 0)
		return -1;
	R->out_open = 1;
	if ((b->format == CLI_FMT_CSV || b->format == CLI_FMT_CSV_WIDE) && b->bom)
		rc = xxgk_buf_puts(&R->buf, "\xEF\xBB\xBF");
	if (rc == 0 && b->format == CLI_FMT_CSV)
		rc = xxgk_emit_csv_header_meta(&R->buf, &(xxgk_emit_meta){
			b->manifest ? b->manifest->ncols : 0,
			b->manifest ? (const char *const *)b->manifest->names : NULL, NULL});
	if (rc == 0 && b->format == CLI_FMT_CSV_WIDE)
		rc = xxgk_emit_csv_wide_header(&R->buf, b->opts->rules, &(xxgk_emit_meta){
			b->manifest ? b->manifest->ncols : 0,
			b->manifest ? (const char *const *)b->manifest->names : NULL, NULL});
	if (rc < 0 || cli_output_write(&R->out, &R->buf) < 0)
		R->io_ok = 0;
	return 0;
}

/* Finish the output; commit it when the run wrote it whole. */
static void S_close(S_run *R, int new_db)
{
	const cli_batch *b = R->b;

	if (R->db) {
		if (xxgk_emit_sqlite_close(R->db, R->io_ok) < 0) {
			fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
			R->io_ok = 0;
		}
		R->db = NULL;
		if (new_db && cli_output_close(&R->out, R->io_ok) < 0)
			R->io_ok = 0;
		return;
	}
	if (!R->out_open)
		return;
	if (R->io_ok && b->format == CLI_FMT_JSON && b->many &&
	    (xxgk_buf_puts(&R->buf, R->written ? "\n]\n" : "[]\n") < 0 ||
	     cli_output_write(&R->out, &R->buf) < 0))
		R->io_ok = 0;
	if (cli_output_close(&R->out, R->io_ok && R->written > 0) < 0 && R->written > 0)
		R->io_ok = 0;
}

static void S_summary(const S_run *R, size_t inputs, size_t skipped_dirs)
{
	const cli_batch *b = R->b;
	size_t failed = R->failed + skipped_dirs;

	if (!b->many || (b->quiet && !failed))
		return;
	fprintf(stderr, "xxgk: %zu input%s, %zu report%s written, %zu failed, %.1f s%s\n", inputs,
		inputs == 1 ? "" : "s", R->written, R->written == 1 ? "" : "s", failed,
		S_now() - R->t0, R->io_ok ? "" : "; the output was not written");
}

/* Start the workers, each with its own extractor; returns how many started. */
static int S_start(S_run *R, S_worker *w, int jobs)
{
	int i;

	for (i = 0; i < jobs; i++) {
		w[i].run = R;
		if (xxgk_extractor_new(&w[i].x, R->b->opts) < 0) {
			fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
			break;
		}
		if (pthread_create(&w[i].thread, NULL, S_work, &w[i]) != 0) {
			fprintf(stderr, "xxgk: cannot start a worker thread\n");
			xxgk_extractor_free(w[i].x);
			break;
		}
	}
	return i;
}

int cli_batch_run(const cli_batch *b)
{
	S_run R;
	S_worker *w = NULL;
	size_t i;
	int jobs = b->jobs, started = 0, new_db = 0;

	memset(&R, 0, sizeof(R));
	R.b = b;
	R.io_ok = 1;
	R.buf = (xxgk_buf)XXGK_BUF_INIT;
	R.t0 = S_now();
	R.progress = !b->quiet && isatty(STDERR_FILENO);
	R.known_total = cli_inputs_total(b->inputs);
	if (R.known_total && (size_t)jobs > R.known_total)
		jobs = (int)R.known_total;
	R.window = 4 * (size_t)jobs + 4;
	pthread_mutex_init(&R.in_mu, NULL);
	pthread_mutex_init(&R.mu, NULL);
	pthread_cond_init(&R.space, NULL);
	pthread_cond_init(&R.done, NULL);
	if (!(R.slots = calloc(R.window, sizeof(*R.slots))) || !(w = calloc((size_t)jobs, sizeof(*w)))) {
		fprintf(stderr, "xxgk: out of memory\n");
		R.io_ok = 0;
		goto done;
	}
	for (i = 0; i < R.window; i++)
		R.slots[i].out = (xxgk_buf)XXGK_BUF_INIT;
	if (S_open(&R, &new_db) < 0) {
		R.io_ok = 0;
		goto done;
	}
	if (jobs == 1) {
		if (xxgk_extractor_new(&w[0].x, b->opts) < 0) {
			fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
			R.stop = 1;
		} else {
			S_run_inline(&R, w[0].x);
			xxgk_extractor_free(w[0].x);
		}
	} else if ((started = S_start(&R, w, jobs)) == 0)
		R.stop = 1;
	else
		S_write_all(&R);
	for (i = 0; i < (size_t)started; i++) {
		pthread_join(w[i].thread, NULL);
		xxgk_extractor_free(w[i].x);
	}
	for (i = 0; i < R.window; i++) {
		if (R.slots[i].state != S_FREE)
			S_slot_reset(&R.slots[i]);
		xxgk_buf_dispose(&R.slots[i].out);
	}
	if (R.stop)
		R.io_ok = 0; /* stopped early: a worker, an input list or a write failed */
done:
	S_close(&R, new_db);
	S_summary(&R, R.next_seq + b->inputs->errors, b->inputs->errors);
	xxgk_buf_dispose(&R.buf);
	free(R.slots);
	free(w);
	pthread_cond_destroy(&R.space);
	pthread_cond_destroy(&R.done);
	pthread_mutex_destroy(&R.mu);
	pthread_mutex_destroy(&R.in_mu);
	return R.failed || b->inputs->errors || !R.io_ok ? 1 : 0;
}
