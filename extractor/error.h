/* error.h - record the calling thread's last error. */
#ifndef XXGK_ERROR_H
#define XXGK_ERROR_H

#include "xxgk/common.h"

/* Record an error and return `code`, so callers can `return xxgk_error_set(...)`. */
int xxgk_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record an error located in a part of the package. */
int xxgk_error_set_at(int code, const char *part, int line, int column,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Record out-of-memory. */
int xxgk_error_oom(void);

#endif
