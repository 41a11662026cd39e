/*
 * xxgk/common.h - export macro, version, the growable buffer and errors.
 *
 * Every public function returns 0 on success and a negative XXGK_E* code
 * on failure; the failure's one-line message (and, where known, the part,
 * line and column of the input that caused it) is kept per thread and read
 * back with xxgk_error_last().
 */
#ifndef XXGK_COMMON_H
#define XXGK_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define XXGK_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define XXGK_EXTERN(type) type
#endif

#define XXGK_VERSION "0.1.0"

/** Error codes. 0 is success; every failure is negative. */
typedef enum {
	XXGK_OK = 0,
	XXGK_ERROR = -1,     /**< generic failure (I/O, internal) */
	XXGK_ENOMEM = -2,    /**< out of memory */
	XXGK_ENOTDOCX = -3,  /**< not a usable .docx package */
	XXGK_EXML = -4,      /**< malformed XML in a part */
	XXGK_ENOTABLE = -5,  /**< no report tables found */
	XXGK_ELIMIT = -6,    /**< an input exceeded a configured limit */
	XXGK_ERULES = -7,    /**< the rules data is invalid */
	XXGK_EUSAGE = -8     /**< invalid argument from the caller */
} xxgk_error_code;

/** The last error of the calling thread. */
typedef struct {
	int code;          /**< an xxgk_error_code */
	char message[512]; /**< one line, no trailing newline */
	char part[128];    /**< package part, e.g. "word/document.xml", or "" */
	int line;          /**< 1-based line in the part, 0 if unknown */
	int column;        /**< 1-based column in the part, 0 if unknown */
} xxgk_error;

/**
 * The calling thread's last error. Never NULL: when no error was recorded
 * the code is XXGK_OK and the message empty. Valid until the thread's next
 * xxgk call.
 */
XXGK_EXTERN(const xxgk_error *) xxgk_error_last(void);

/** Forget the calling thread's last error. */
XXGK_EXTERN(void) xxgk_error_clear(void);

/**
 * A growable byte buffer. `ptr` is never NULL and always NUL-terminated;
 * initialise with XXGK_BUF_INIT and release with xxgk_buf_dispose().
 */
typedef struct {
	char *ptr;
	size_t size;  /**< bytes in use, excluding the terminating NUL */
	size_t asize; /**< bytes allocated; 0 while ptr is the shared sentinel */
} xxgk_buf;

extern char xxgk_buf__initbuf[];
#define XXGK_BUF_INIT { xxgk_buf__initbuf, 0, 0 }

/** Append `len` bytes; XXGK_ENOMEM on failure. */
XXGK_EXTERN(int) xxgk_buf_put(xxgk_buf *buf, const char *data, size_t len);
/** Append a NUL-terminated string. */
XXGK_EXTERN(int) xxgk_buf_puts(xxgk_buf *buf, const char *str);

/** Free the buffer's memory and reset it to XXGK_BUF_INIT. */
XXGK_EXTERN(void) xxgk_buf_dispose(xxgk_buf *buf);

#ifdef __cplusplus
}
#endif
#endif
