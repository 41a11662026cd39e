/* sha256.h - SHA-256 (FIPS 180-4) of a file's bytes, for the SQLite output. */
#ifndef XXGK_CLI_SHA256_H
#define XXGK_CLI_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t h[8];
	uint64_t len;          /* bytes hashed so far */
	unsigned char blk[64];
	size_t nblk;           /* bytes waiting in blk */
} cli_sha256;

void cli_sha256_init(cli_sha256 *s);
void cli_sha256_update(cli_sha256 *s, const void *data, size_t len);
/* The digest as 64 lower-case hex digits and a NUL. */
void cli_sha256_hex(cli_sha256 *s, char out[65]);

/* Hash the file at `path` into `out`; -1 (errno set) when it cannot be read. */
int cli_sha256_file(const char *path, char out[65]);

#endif
