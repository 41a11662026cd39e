/*
 * error.c - the per-thread last error. Messages are one line: any newline
 * or control character in a formatted message becomes a space.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local xxgk_error S_last;

static void S_one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20)
			*s = ' ';
}

static int S_vset(int code, const char *part, int line, int column,
		  const char *fmt, va_list ap)
{
	S_last.code = code;
	vsnprintf(S_last.message, sizeof(S_last.message), fmt, ap);
	S_one_line(S_last.message);
	snprintf(S_last.part, sizeof(S_last.part), "%s", part ? part : "");
	S_last.line = line;
	S_last.column = column;
	return code;
}

int xxgk_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_vset(code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int xxgk_error_set_at(int code, const char *part, int line, int column,
		      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_vset(code, part, line, column, fmt, ap);
	va_end(ap);
	return code;
}

int xxgk_error_oom(void)
{
	return xxgk_error_set(XXGK_ENOMEM, "out of memory");
}

const xxgk_error *xxgk_error_last(void)
{
	return &S_last;
}

void xxgk_error_clear(void)
{
	memset(&S_last, 0, sizeof(S_last));
}
