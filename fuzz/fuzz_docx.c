/*
 * fuzz_docx.c - whole .docx bytes -> xxgk_extract_memory. The first byte
 * chooses limits and emitter (fuzz_common.h); the rest is the file.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_extract(data + 1, size - 1, data[0]);
	return 0;
}
