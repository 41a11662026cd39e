/* output.h - where the CLI writes: standard output, or a file replaced atomically. */
#ifndef XXGK_CLI_OUTPUT_H
#define XXGK_CLI_OUTPUT_H

#include <stdio.h>
#include "xxgk/common.h"

typedef struct {
	FILE *fp;
	char *path;     /* the final path, or NULL for stdout */
	char *tmp;      /* the temporary file beside it */
	int failed;     /* a write failed */
	int direct;     /* writing straight to a device or FIFO given as FILE */
} cli_output;

/* Open `path` (NULL or "-": stdout). Returns 0, or -1 with a message printed. */
int cli_output_open(cli_output *o, const char *path);
/* Reserve a temporary file beside `path` (which must not be "-") for a
 * writer that fills it by name, as SQLite does: o->tmp names it; no FILE.
 * cli_output_close() then renames it into place or removes it. */
int cli_output_reserve(cli_output *o, const char *path);
/* Write the buffer's bytes and empty it. */
int cli_output_write(cli_output *o, xxgk_buf *buf);
/* commit != 0: flush and rename into place; 0: remove the temporary file. */
int cli_output_close(cli_output *o, int commit);

#endif
