/*
 * inputs.c - expand the inputs of a batch. A directory contributes every
 * .docx file below it (any case of the extension), sorted by path, byte
 * order, so that two runs see the same order; Office lock files (~$*) and
 * files of other formats are skipped with a note on stderr. Symbolic links
 * to directories are not followed, so a walk always ends.
 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

void cli_inputs_init(cli_inputs *in)
{
	memset(in, 0, sizeof(*in));
}

void cli_inputs_dispose(cli_inputs *in)
{
	size_t i;

	for (i = in->next; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	free(in->line);
	if (in->list && in->list_owned)
		fclose(in->list);
	memset(in, 0, sizeof(*in));
}

static int S_push(cli_inputs *in, char *path)
{
	if (!path)
		goto oom;
	if (in->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 64;
		char **p = realloc(in->paths, cap * sizeof(*p));
		if (!p) {
			free(path);
			goto oom;
		}
		in->paths = p;
		in->cap = cap;
	}
	in->paths[in->n++] = path;
	return 0;
oom:
	fprintf(stderr, "xxgk: out of memory listing the inputs\n");
	return -1;
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *S_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);

	if (p) {
		memcpy(p, dir, a);
		p[a] = '/';
		memcpy(p + a + (a && dir[a - 1] == '/' ? 0 : 1), name, b + 1);
	}
	return p;
}

static int S_is_docx(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcasecmp(name + n - 5, ".docx") == 0;
}

/* Queue the .docx files below `dir`, unsorted. */
static int S_walk(cli_inputs *in, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		fprintf(stderr, "xxgk: %s: cannot read the directory: %s\n", dir, strerror(errno));
		in->errors++;
		return 0;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		struct stat st;
		char *p;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (!(p = S_join(dir, e->d_name)))
			rc = S_push(in, NULL);
		else if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rc = S_walk(in, p), free(p);
		else if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))
			free(p); /* a dangling link, a socket, a link to a directory */
		else if (strncmp(e->d_name, "~$", 2) == 0 || !S_is_docx(e->d_name)) {
			if (!in->quiet)
				fprintf(stderr, "xxgk: %s: skipped, %s\n", p, e->d_name[0] == '~' &&
					e->d_name[1] == '$' ? "an Office lock file" : "not a .docx file");
			free(p);
		} else
			rc = S_push(in, p);
	}
	closedir(d);
	return rc;
}

int cli_inputs_add(cli_inputs *in, const char *arg)
{
	struct stat st;
	size_t first = in->n;

	if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode))
		return S_push(in, strdup(arg)); /* a file, or a path whose error the extractor reports */
	if (S_walk(in, arg) < 0)
		return -1;
	qsort(in->paths + first, in->n - first, sizeof(*in->paths), S_cmp);
	if (in->n == first)
		fprintf(stderr, "xxgk: %s: no .docx files in this directory\n", arg);
	return 0;
}

int cli_inputs_set_list(cli_inputs *in, const char *path)
{
	in->list_name = path;
	if (strcmp(path, "-") == 0) {
		in->list = stdin;
		return 0;
	}
	if (!(in->list = fopen(path, "r"))) {
		fprintf(stderr, "xxgk: %s: cannot open the list of files: %s\n", path, strerror(errno));
		return -1;
	}
	in->list_owned = 1;
	return 0;
}

/* Queue the list's next line (a directory is expanded); 0 at its end. */
static int S_read_list(cli_inputs *in)
{
	ssize_t len;

	while ((len = getline(&in->line, &in->linecap, in->list)) >= 0) {
		while (len > 0 && (in->line[len - 1] == '\n' || in->line[len - 1] == '\r'))
			in->line[--len] = '\0';
		if (len == 0)
			continue;
		/* Drop what was handed out before queueing more, so memory stays flat. */
		in->n = in->next = 0;
		if (cli_inputs_add(in, in->line) < 0)
			return -1; /* out of memory */
		if (in->n > 0)
			return 1;
	}
	if (ferror(in->list)) {
		fprintf(stderr, "xxgk: %s: cannot read the list of files: %s\n", in->list_name,
			strerror(errno));
		return -1;
	}
	if (in->list_owned)
		fclose(in->list);
	in->list = NULL;
	return 0;
}

int cli_inputs_next(cli_inputs *in, char **out)
{
	int rc;

	*out = NULL;
	if (in->next == in->n && in->list && (rc = S_read_list(in)) <= 0)
		return rc;
	if (in->next == in->n)
		return 0;
	*out = in->paths[in->next++];
	in->given++;
	return 1;
}

size_t cli_inputs_total(const cli_inputs *in)
{
	return in->list ? 0 : in->given + (in->n - in->next);
}
