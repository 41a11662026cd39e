/*
 * fuzz_html.c - web pages. The first byte chooses the options (see
 * fuzz_common.h); with its bit 4 set the rest goes through the pipeline as
 * it is (content sniffing, byte order marks, charsets), otherwise it is
 * put behind "<!DOCTYPE html>" first so that every input is read as a
 * page and the fuzzer spends its time in the HTML reader, the grid and
 * the rules rather than in being rejected.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char S_prefix[] = "<!DOCTYPE html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = sizeof(S_prefix) - 1;
	uint8_t *page;

	if (size < 1)
		return 0;
	if (data[0] & 16) {
		fuzz_extract(data + 1, size - 1, data[0]);
		return 0;
	}
	if (!(page = malloc(n + size - 1)))
		return 0;
	memcpy(page, S_prefix, n);
	memcpy(page + n, data + 1, size - 1);
	fuzz_extract(page, n + size - 1, data[0]);
	free(page);
	return 0;
}
