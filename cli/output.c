/*
 * output.c - never half-written output. With -o, the CLI writes into a
 * temporary file in the same directory and renames it over FILE at the
 * end; an error or an interrupt (SIGINT, SIGTERM) removes the temporary
 * file and leaves FILE as it was. A new SQLite database is made the same
 * way (cli_output_reserve: the temporary file and its journal are removed
 * on an interrupt); an existing one is updated in place in one transaction.
 */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char S_tmp_for_signal[4096];
static char S_journal_for_signal[4096 + 8];

static void S_on_signal(int sig)
{
	if (S_tmp_for_signal[0])
		unlink(S_tmp_for_signal);
	if (S_journal_for_signal[0])
		unlink(S_journal_for_signal);
	signal(sig, SIG_DFL);
	raise(sig);
}

int cli_output_open(cli_output *o, const char *path)
{
	struct stat st;
	int fd;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/null, a FIFO, a terminal: write to it; a rename would replace it */
		if (!(o->fp = fopen(path, "wb"))) {
			fprintf(stderr, "xxgk: %s: cannot open the output: %s\n", path, strerror(errno));
			return -1;
		}
		o->direct = 1;
		return 0;
	}
	n = strlen(path);
	o->path = strdup(path);
	o->tmp = malloc(n + 16);
	if (!o->path || !o->tmp || n + 16 > sizeof(S_tmp_for_signal)) {
		fprintf(stderr, "xxgk: %s: path too long or out of memory\n", path);
		return -1;
	}
	snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(o->tmp)) < 0 || !(o->fp = fdopen(fd, "wb"))) {
		fprintf(stderr, "xxgk: %s: cannot create the output file: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		return -1;
	}
	{
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, 0666 & ~um); /* as a plain fopen would have made it */
	}
	memcpy(S_tmp_for_signal, o->tmp, strlen(o->tmp) + 1);
	signal(SIGINT, S_on_signal);
	signal(SIGTERM, S_on_signal);
	signal(SIGHUP, S_on_signal);
	return 0;
}

int cli_output_reserve(cli_output *o, const char *path)
{
	size_t n;

	if (cli_output_open(o, path) < 0)
		return -1;
	if (!o->path) {
		fprintf(stderr, "xxgk: this format needs a new or regular output file: -o FILE\n");
		if (o->direct)
			fclose(o->fp);
		return -1;
	}
	fclose(o->fp); /* the file stays, empty: SQLite takes an empty file as a new database */
	o->fp = NULL;
	n = strlen(o->tmp);
	memcpy(S_journal_for_signal, o->tmp, n);
	memcpy(S_journal_for_signal + n, "-journal", 9);
	return 0;
}

int cli_output_write(cli_output *o, xxgk_buf *buf)
{
	if (buf->size && fwrite(buf->ptr, 1, buf->size, o->fp) != buf->size)
		o->failed = errno ? errno : EIO;
	buf->size = 0;
	if (buf->asize)
		buf->ptr[0] = '\0';
	return o->failed ? -1 : 0;
}

static void S_cleanup(cli_output *o)
{
	S_tmp_for_signal[0] = '\0';
	S_journal_for_signal[0] = '\0';
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
}

int cli_output_close(cli_output *o, int commit)
{
	int rc = 0;

	if (!o->path) {
		if (o->direct && fclose(o->fp) != 0 && !o->failed)
			o->failed = errno ? errno : EIO;
		if ((!o->direct && fflush(stdout) != 0) || o->failed) {
			if (errno != EPIPE)
				fprintf(stderr, "xxgk: cannot write the output: %s\n", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (o->fp && (fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0))
		o->failed = errno;
	if (o->fp && fclose(o->fp) != 0 && !o->failed)
		o->failed = errno;
	if (o->failed)
		fprintf(stderr, "xxgk: %s: cannot write the output: %s\n", o->path, strerror(o->failed));
	if (commit && !o->failed && rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "xxgk: %s: cannot replace the output: %s\n", o->path, strerror(errno));
		o->failed = errno;
	}
	if (!commit || o->failed) {
		unlink(o->tmp);
		rc = -1;
	}
	S_cleanup(o);
	return rc;
}
