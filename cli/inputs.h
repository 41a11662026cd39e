/*
 * inputs.h - the inputs of a batch, in order: the command line's files
 * and directories (each directory's .docx files in sorted path order), then
 * the lines of --files-from, read as they are needed so that a list on
 * standard input can be endless.
 */
#ifndef XXGK_CLI_INPUTS_H
#define XXGK_CLI_INPUTS_H

#include <stdio.h>

typedef struct {
	char **paths;     /* queued paths, owned; handed out from `next` */
	size_t n, cap, next;
	FILE *list;       /* --files-from, or NULL */
	const char *list_name;
	int list_owned;   /* fclose it at the end */
	char *line;
	size_t linecap;
	size_t given;     /* paths handed out so far */
	int quiet;        /* no notes about skipped files */
	size_t errors;    /* directories that could not be read (each reported) */
} cli_inputs;

void cli_inputs_init(cli_inputs *in);
void cli_inputs_dispose(cli_inputs *in);

/* Queue a command-line argument: a file as it is, a directory expanded.
 * A directory that cannot be read is reported and counted in `errors`.
 * Returns 0, or -1 (out of memory) with a message printed. */
int cli_inputs_add(cli_inputs *in, const char *arg);

/* Read paths from `path` ("-": standard input) once the queue is empty. */
int cli_inputs_set_list(cli_inputs *in, const char *path);

/* The next input (malloc'd; the caller frees it) in `*out`; 1 when there
 * is one, 0 at the end, -1 on an error (printed). */
int cli_inputs_next(cli_inputs *in, char **out);

/* The number of inputs in all when it is known (no list, or the list read
 * to its end), else 0. */
size_t cli_inputs_total(const cli_inputs *in);

#endif
