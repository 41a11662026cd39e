/* check.h - `xxgk check`: each report's own arithmetic, rule by rule. */
#ifndef XXGK_CLI_CHECK_H
#define XXGK_CLI_CHECK_H

/* Exit status of `xxgk check` (documented in `xxgk --help`). */
#define CLI_CHECK_CONSISTENT 0   /* every report read, and every check holds */
#define CLI_CHECK_INCONSISTENT 1 /* every report read; some check fails */
#define CLI_CHECK_USAGE 2        /* bad arguments */
#define CLI_CHECK_UNREADABLE 3   /* some FILE gave no report (the others were still checked) */

/* Run `xxgk check`; argv[0] is the command word "check". Returns the exit status. */
int cli_check(int argc, char **argv);

#endif
