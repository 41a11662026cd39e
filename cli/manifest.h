/*
 * manifest.h - metadata a crawler knows about the files: a CSV with a
 * header row holding `path` and optionally `agency` and `year`; any other
 * column (url, published, ...) is carried into the output as it is.
 */
#ifndef XXGK_CLI_MANIFEST_H
#define XXGK_CLI_MANIFEST_H

#include <stddef.h>

typedef struct {
	char *path;      /* as written in the manifest */
	char *key;       /* what it is looked up by: the real path, or `path` */
	char *agency;    /* NULL when the cell is empty */
	int year;        /* 0 when the cell is empty */
	char **values;   /* one per extra column; NULL for an empty cell */
} cli_manifest_row;

typedef struct {
	size_t ncols;
	char **names;             /* the extra columns, in the manifest's order */
	size_t nrows;
	cli_manifest_row *rows;   /* in the manifest's order */
	cli_manifest_row **index; /* sorted by key */
} cli_manifest;

/* Read the manifest at `path`. Returns 0, or -1 with a message printed. */
int cli_manifest_load(cli_manifest *m, const char *path);
void cli_manifest_dispose(cli_manifest *m);

/* The row for the input `path` (compared by real path), or NULL. */
const cli_manifest_row *cli_manifest_find(const cli_manifest *m, const char *path);

#endif
