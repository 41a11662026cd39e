/*
 * check.c - `xxgk check [--format text|json] FILE...`: extract each FILE
 * and print, per report, which arithmetic rules (docs/checks.md) hold and
 * which fail, with the printed and the computed numbers. A thin layer over
 * xxgk_check_report(); the exit status tells "all consistent",
 * "inconsistencies found" and "could not read a file" apart.
 */
#include "check.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "xxgk/xxgk.h"

static const char S_check_usage[] =
"usage: xxgk check [--format text|json] [--rules FILE] FILE...\n"
"\n"
"Check each report's own arithmetic (勾稽关系; see docs/checks.md) and print,\n"
"per report, which rules hold and which fail, with the printed and the\n"
"computed numbers. --format json writes one JSON object per FILE and line.\n"
"\n"
"Exit status: 0 every FILE was read and every check holds; 1 some check\n"
"fails; 2 usage error; 3 some FILE could not be read (the others are still\n"
"checked; `xxgk: FILE: what is wrong` on stderr).\n";

typedef struct {
	int json;
	xxgk_buf out;
	xxgk_buf per_rule[XXGK_CHECK_NRULES]; /* text: the failures' messages */
	xxgk_buf failures;                    /* json: the failure objects */
	size_t nfailures;
} S_check;

static int S_json_str(xxgk_buf *out, const char *s)
{
	char esc[8];

	if (xxgk_buf_puts(out, "\"") < 0)
		return -1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c, esc[2] = '\0';
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
		} else {
			esc[0] = (char)c, esc[1] = '\0';
		}
		if (xxgk_buf_puts(out, esc) < 0)
			return -1;
	}
	return xxgk_buf_puts(out, "\"");
}

static int S_json_num(xxgk_buf *out, int is_null, double v)
{
	char num[64];

	if (is_null)
		return xxgk_buf_puts(out, "null");
	snprintf(num, sizeof(num), "%.15g", v);
	return xxgk_buf_puts(out, num);
}

/* "a,b,c" as a JSON array of strings. */
static int S_json_ids(xxgk_buf *out, const char *ids)
{
	char id[256];
	const char *p = ids;
	int first = 1;

	if (xxgk_buf_puts(out, "[") < 0)
		return -1;
	while (*p) {
		size_t n = strcspn(p, ",");
		snprintf(id, sizeof(id), "%.*s", (int)n, p);
		if ((!first && xxgk_buf_puts(out, ",") < 0) || S_json_str(out, id) < 0)
			return -1;
		first = 0;
		p += n + (p[n] == ',');
	}
	return xxgk_buf_puts(out, "]");
}

static int S_on_failure(const xxgk_check_failure *f, void *payload)
{
	S_check *c = payload;
	xxgk_buf *b = &c->failures;
	char num[64];

	if (!c->json) {
		return xxgk_buf_puts(&c->per_rule[f->rule], "        ") < 0 ||
		       xxgk_buf_puts(&c->per_rule[f->rule], f->message) < 0 ||
		       xxgk_buf_puts(&c->per_rule[f->rule], "\n") < 0 ? XXGK_ENOMEM : 0;
	}
	snprintf(num, sizeof(num), "%s{\"code\":", c->nfailures++ ? "," : "");
	if (xxgk_buf_puts(b, num) < 0 || S_json_str(b, f->code) < 0 ||
	    xxgk_buf_puts(b, ",\"fields\":") < 0 || S_json_ids(b, f->fields) < 0)
		return XXGK_ENOMEM;
	if (f->is_sum) {
		if (xxgk_buf_puts(b, ",\"printed\":") < 0 || S_json_num(b, f->printed_is_null, f->printed) < 0 ||
		    xxgk_buf_puts(b, ",\"computed\":") < 0 || S_json_num(b, 0, f->computed) < 0)
			return XXGK_ENOMEM;
	} else if (xxgk_buf_puts(b, ",\"value\":") < 0 || S_json_num(b, 0, f->printed) < 0) {
		return XXGK_ENOMEM;
	}
	if (xxgk_buf_puts(b, ",\"message\":") < 0 || S_json_str(b, f->message) < 0 ||
	    xxgk_buf_puts(b, "}") < 0)
		return XXGK_ENOMEM;
	return 0;
}

/* The codes of the report's other (non-check) warnings, "a, b", each once. */
static size_t S_other_warnings(xxgk_buf *codes, const xxgk_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < xxgk_report_warning_count(r); i++) {
		const char *code = xxgk_report_warning(r, i)->code;
		size_t len = strlen(code);
		const char *p = codes->ptr;
		int seen = 0;
		if (strncmp(code, "check.", 6) == 0)
			continue;
		n++;
		while (!seen && (p = strstr(p, code)) != NULL) {
			seen = (p == codes->ptr || p[-1] == ' ') && (p[len] == ',' || p[len] == '\0');
			p += len;
		}
		if (!seen && (xxgk_buf_puts(codes, codes->size ? ", " : "") < 0 ||
			      xxgk_buf_puts(codes, code) < 0))
			return 0;
	}
	return n;
}

static int S_text(S_check *c, const xxgk_report *r, const xxgk_check_tally *t, unsigned failed)
{
	xxgk_buf *o = &c->out;
	const char *agency = xxgk_report_agency(r);
	xxgk_buf codes = XXGK_BUF_INIT;
	size_t k, other;
	char year[16];
	int rc = 0;

	snprintf(year, sizeof(year), "%d", xxgk_report_year(r));
	if (xxgk_buf_puts(o, xxgk_report_source(r)) < 0 || xxgk_buf_puts(o, ": ") < 0 ||
	    xxgk_buf_puts(o, agency ? agency : "(agency unknown)") < 0 || xxgk_buf_puts(o, ", ") < 0 ||
	    xxgk_buf_puts(o, xxgk_report_year(r) ? year : "(year unknown)") < 0 ||
	    xxgk_buf_puts(o, ", ") < 0 || xxgk_buf_puts(o, xxgk_report_template(r)) < 0)
		return -1;
	if (failed) {
		char line[64];
		snprintf(line, sizeof(line), " format: %u inconsistenc%s\n", failed, failed == 1 ? "y" : "ies");
		if (xxgk_buf_puts(o, line) < 0)
			return -1;
	} else if (xxgk_buf_puts(o, " format: consistent\n") < 0) {
		return -1;
	}
	for (k = 0; k < XXGK_CHECK_NRULES; k++) {
		char line[128], count[64];
		const char *status = !t[k].evaluated ? "n/a " : t[k].failed ? "FAIL" : "ok  ";
		if (t[k].failed)
			snprintf(count, sizeof(count), "%u of %u %ss", t[k].failed, t[k].evaluated, t[k].unit);
		else
			snprintf(count, sizeof(count), "%u %s%s", t[k].evaluated, t[k].unit,
				 t[k].evaluated == 1 ? "" : "s");
		snprintf(line, sizeof(line), "  %s  %-20s %-17s ", status, t[k].code, count);
		if (xxgk_buf_puts(o, line) < 0 || xxgk_buf_puts(o, t[k].summary) < 0 ||
		    xxgk_buf_puts(o, "\n") < 0 || xxgk_buf_puts(o, c->per_rule[k].ptr) < 0)
			return -1;
	}
	if ((other = S_other_warnings(&codes, r)) > 0) {
		char line[64];
		snprintf(line, sizeof(line), "  note  %zu other warning%s (", other, other == 1 ? "" : "s");
		rc = xxgk_buf_puts(o, line) < 0 || xxgk_buf_puts(o, codes.ptr) < 0 ||
		     xxgk_buf_puts(o, "): see `xxgk extract`\n") < 0 ? -1 : 0;
	}
	xxgk_buf_dispose(&codes);
	return rc;
}

static int S_json(S_check *c, const xxgk_report *r, const xxgk_check_tally *t, unsigned failed)
{
	xxgk_buf *o = &c->out;
	const char *agency = xxgk_report_agency(r);
	char line[160];
	size_t k;

	if (xxgk_buf_puts(o, "{\"source\":") < 0 || S_json_str(o, xxgk_report_source(r)) < 0 ||
	    xxgk_buf_puts(o, ",\"agency\":") < 0 ||
	    (agency ? S_json_str(o, agency) : xxgk_buf_puts(o, "null")) < 0 ||
	    xxgk_buf_puts(o, ",\"year\":") < 0 ||
	    S_json_num(o, !xxgk_report_year(r), xxgk_report_year(r)) < 0 ||
	    xxgk_buf_puts(o, ",\"template\":") < 0 || S_json_str(o, xxgk_report_template(r)) < 0)
		return -1;
	snprintf(line, sizeof(line), ",\"consistent\":%s,\"rules\":[", failed ? "false" : "true");
	if (xxgk_buf_puts(o, line) < 0)
		return -1;
	for (k = 0; k < XXGK_CHECK_NRULES; k++) {
		snprintf(line, sizeof(line), "%s{\"code\":\"%s\",\"evaluated\":%u,\"failed\":%u}",
			 k ? "," : "", t[k].code, t[k].evaluated, t[k].failed);
		if (xxgk_buf_puts(o, line) < 0)
			return -1;
	}
	return xxgk_buf_puts(o, "],\"failures\":[") < 0 || xxgk_buf_puts(o, c->failures.ptr) < 0 ||
	       xxgk_buf_puts(o, "]}\n") < 0 ? -1 : 0;
}

/* Check one report and append its verdict; 1 when a check fails, 0 when all hold, <0 on error. */
static int S_verdict(S_check *c, const xxgk_report *r)
{
	xxgk_check_tally t[XXGK_CHECK_NRULES];
	unsigned failed = 0;
	size_t k;
	int rc;

	for (k = 0; k < XXGK_CHECK_NRULES; k++)
		xxgk_buf_dispose(&c->per_rule[k]);
	xxgk_buf_dispose(&c->failures);
	c->nfailures = 0;
	if ((rc = xxgk_check_report(t, r, S_on_failure, c)) != 0)
		return rc < 0 ? rc : XXGK_ERROR;
	for (k = 0; k < XXGK_CHECK_NRULES; k++)
		failed += t[k].failed;
	if ((c->json ? S_json(c, r, t, failed) : S_text(c, r, t, failed)) < 0)
		return XXGK_ENOMEM;
	return failed > 0;
}

static int S_unreadable(S_check *c, const char *path)
{
	const char *msg = xxgk_error_last()->message;

	fprintf(stderr, "xxgk: %s: %s\n", path, msg);
	if (!c->json)
		return 0;
	return xxgk_buf_puts(&c->out, "{\"source\":") < 0 || S_json_str(&c->out, path) < 0 ||
	       xxgk_buf_puts(&c->out, ",\"error\":") < 0 || S_json_str(&c->out, msg) < 0 ||
	       xxgk_buf_puts(&c->out, "}\n") < 0 ? -1 : 0;
}

static int S_flush(xxgk_buf *out)
{
	int ok = fwrite(out->ptr, 1, out->size, stdout) == out->size;

	xxgk_buf_dispose(out);
	return ok && fflush(stdout) == 0 ? 0 : -1;
}

static int S_run(S_check *c, const xxgk_options *opts, int nfiles, char **files)
{
	xxgk_extractor *x = NULL;
	int i, inconsistent = 0, unreadable = 0, rc = 0;

	if (xxgk_extractor_new(&x, opts) < 0) {
		fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		return CLI_CHECK_UNREADABLE;
	}
	for (i = 0; i < nfiles && rc >= 0; i++) {
		xxgk_report *r;
		if (xxgk_extract_file(&r, x, files[i]) < 0) {
			unreadable = 1;
			rc = S_unreadable(c, files[i]);
		} else {
			rc = S_verdict(c, r);
			inconsistent |= rc == 1;
			xxgk_report_free(r);
		}
		if (rc >= 0 && S_flush(&c->out) < 0)
			rc = -1;
	}
	xxgk_extractor_free(x);
	if (rc < 0) {
		fprintf(stderr, "xxgk: out of memory or cannot write the output\n");
		return CLI_CHECK_UNREADABLE;
	}
	return unreadable ? CLI_CHECK_UNREADABLE : inconsistent ? CLI_CHECK_INCONSISTENT
								: CLI_CHECK_CONSISTENT;
}

static int S_usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "xxgk: %s%s\nTry 'xxgk check --help'.\n", what, arg);
	return CLI_CHECK_USAGE;
}

int cli_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"rules", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	S_check c;
	xxgk_options opts;
	xxgk_rules *rules = NULL;
	const char *format = "text", *rules_path = NULL;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 'r': rules_path = optarg; break;
		case 'h': fputs(S_check_usage, stdout); return 0;
		default: return CLI_CHECK_USAGE;
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return S_usage_error("unknown format (text or json): ", format);
	if (optind >= argc)
		return S_usage_error("check: no input files", "");
	xxgk_options_init(&opts, XXGK_OPTIONS_VERSION);
	if (rules_path && xxgk_rules_load_file(&rules, rules_path) < 0) {
		fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		return CLI_CHECK_USAGE;
	}
	opts.rules = rules;
	c.json = strcmp(format, "json") == 0;
	c.out = (xxgk_buf)XXGK_BUF_INIT;
	c.failures = (xxgk_buf)XXGK_BUF_INIT;
	for (ch = 0; ch < XXGK_CHECK_NRULES; ch++)
		c.per_rule[ch] = (xxgk_buf)XXGK_BUF_INIT;
	rc = S_run(&c, &opts, argc - optind, argv + optind);
	for (ch = 0; ch < XXGK_CHECK_NRULES; ch++)
		xxgk_buf_dispose(&c.per_rule[ch]);
	xxgk_buf_dispose(&c.failures);
	xxgk_buf_dispose(&c.out);
	xxgk_rules_free(rules);
	return rc;
}
