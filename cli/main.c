/*
 * main.c - the xxgk command line: a thin layer over the public API.
 *
 *   xxgk extract [options] FILE...   reports as JSON, JSON Lines, CSV or SQLite
 *                                    (many at once: cli/batch.c)
 *   xxgk check [options] FILE...     each report's own arithmetic (cli/check.c)
 *   xxgk tables FILE                 every table's resolved grid
 *   xxgk schema                      the field ids and their labels
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xxgk/xxgk.h"
#include "batch.h"
#include "check.h"
#include "output.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

static const char S_usage[] =
"usage: xxgk extract [options] FILE|DIR...\n"
"       xxgk extract [options] --files-from LIST|-\n"
"       xxgk check [--format text|json] [--rules FILE] FILE...\n"
"       xxgk tables [options] FILE\n"
"       xxgk schema [--template 2019|2021]\n"
"       xxgk --help | --version\n"
"\n"
"Read the statistical tables of 政府信息公开工作年度报告 (the annual reports on\n"
"government information disclosure, 2019 and 2021 formats) from .docx files\n"
"and from the web pages reports are published as (.html, UTF-8 or GBK; told\n"
"by content), and write their numbers as data keyed by stable field ids (see\n"
"`xxgk schema`).\n"
"\n"
"Commands:\n"
"  extract   read each FILE and write its report: agency, year, template,\n"
"            every value with the cell it came from, and warnings\n"
"  check     check each report's own arithmetic (勾稽关系, docs/checks.md): row\n"
"            totals, 一+二 = （七）+四, the result total, the appeals totals,\n"
"            whole non-negative counts; print per report which rules hold and\n"
"            which fail, with the printed and computed numbers (--format json:\n"
"            one object per FILE and line). Exit status of check: 0 all\n"
"            consistent; 1 inconsistencies found; 2 usage error; 3 some FILE\n"
"            could not be read (the others are still checked)\n"
"  tables    print every table of FILE as the reader resolved it (merged cells\n"
"            shown as < and ^) and which report table it was read as: the\n"
"            first thing to look at when a report reads wrong\n"
"  schema    list the field ids with the templates that have them and their\n"
"            official labels\n"
"\n";

/* The rest of --help (one literal may hold at most 4095 bytes in ISO C). */
static const char S_usage_options[] =
"Options for extract:\n"
"  -f, --format FMT   json (default; one object, or an array for several\n"
"                     inputs), jsonl (JSON Lines: one compact report per line,\n"
"                     streamed), csv (long form: one row per value, columns\n"
"                     source,agency,year,template,field,value,text), csv-wide\n"
"                     (one row per report: source,agency,year,template, then\n"
"                     every field id of `xxgk schema` in its order) or sqlite\n"
"                     (a database, -o FILE.db; see docs/sql.md)\n"
"  -o, --output FILE  write to FILE instead of standard output; FILE is\n"
"                     replaced only when the run produced output, through a\n"
"                     temporary file and a rename, never half-written; an\n"
"                     existing database is updated in one transaction, a\n"
"                     report already in it (same path) replaced, not doubled\n"
"  -j, --jobs N       read N files at a time (default: the number of CPUs);\n"
"                     the output is in input order and the same for any N\n"
"      --files-from LIST  also read the files named in LIST, one path per line\n"
"                     (-: standard input, read as the run goes)\n"
"      --manifest CSV metadata from a crawler: a CSV with a header row naming\n"
"                     path and optionally agency, year; its agency and year\n"
"                     override the title's; any other column (url, ...) is\n"
"                     carried into the output (JSON \"meta\", extra CSV columns,\n"
"                     SQLite report_meta). Without FILE, its paths are the input\n"
"  -q, --quiet        no progress line, no notes on skipped files, no summary\n"
"                     unless something failed\n"
"      --compact      JSON on one line per report\n"
"      --no-cells     JSON without the \"cells\" provenance object\n"
"      --bom          start CSV with a UTF-8 byte order mark (for Excel)\n"
"      --agency NAME  the reporting body, overriding the title\n"
"      --year YEAR    the year reported on, overriding the title\n"
"Options for extract and tables:\n"
"      --rules FILE   read label rules from FILE instead of the built-in ones\n"
"      --limit NAME=N raise or lower a limit on what an input may contain\n"
"                     (NAME: file_bytes zip_entries part_bytes total_bytes\n"
"                     ratio xml_depth table_depth rows cols cells cell_text\n"
"                     paragraphs); see docs/limits.md\n"
"\n"
"Values: a blank cell is null; 0, —, -, /, 无 are 0; a cell that is not a\n"
"number is null with a value.unreadable warning quoting its text. Amounts\n"
"(active.fees.amount, active.procurement.amount) are in 万元.\n"
"\n"
"A DIR stands for every .docx file below it, in sorted path order; Office\n"
"lock files (~$*) and other files are skipped with a note. On a terminal,\n"
"extract shows its progress on stderr (done/total, rate, time left, failures).\n"
"\n"
"Exit status of extract and tables (check: see above): 0 every input gave a\n"
"report; 1 at least one input failed (each failure is one line on stderr:\n"
"`xxgk: FILE: what is wrong`; the others are all written, and several inputs\n"
"end with a one-line summary); 2 usage error.\n"
"\n"
"Examples:\n"
"  xxgk extract report.docx\n"
"  xxgk extract --format csv --bom -o reports.csv reports/*.docx\n"
"  xxgk extract -f sqlite -o reports.db --manifest crawl.csv reports/\n"
"  find /data -name '*.docx' | xxgk extract --files-from - -f jsonl > out.jsonl\n"
"  xxgk extract --agency 重庆市巴南区市场监督管理局 --year 2024 report.docx\n"
"  xxgk check reports/*.docx\n"
"  xxgk tables report.docx | less -S\n"
"  xxgk schema --template 2021\n";

static int S_usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "xxgk: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'xxgk --help'.\n");
	return EXIT_USAGE;
}

typedef struct {
	const char *format;
	const char *output;
	const char *rules_path;
	const char *files_from, *manifest;
	int compact, no_cells, bom, quiet, jobs;
	xxgk_options opts;
	xxgk_rules *rules;
} S_cli;

static const struct { const char *name; size_t off; int is64; } S_limits[] = {
#define L(n, f, w) {n, offsetof(xxgk_limits, f), w}
	L("file_bytes", max_file_bytes, 1), L("zip_entries", max_zip_entries, 1),
	L("part_bytes", max_part_bytes, 1), L("total_bytes", max_total_bytes, 1),
	L("ratio", max_ratio, 0), L("xml_depth", max_xml_depth, 0),
	L("table_depth", max_table_depth, 0), L("rows", max_rows, 0), L("cols", max_cols, 0),
	L("cells", max_cells, 0), L("cell_text", max_cell_text, 0),
	L("paragraphs", max_paragraphs, 0),
#undef L
};

static int S_set_limit(xxgk_limits *lim, const char *spec)
{
	const char *eq = strchr(spec, '=');
	unsigned long long v;
	char *end;
	size_t i;

	if (!eq)
		return -1;
	errno = 0;
	v = strtoull(eq + 1, &end, 10);
	if (errno || end == eq + 1 || *end || v == 0)
		return -1;
	for (i = 0; i < sizeof(S_limits) / sizeof(*S_limits); i++) {
		if (strlen(S_limits[i].name) != (size_t)(eq - spec) ||
		    strncmp(S_limits[i].name, spec, (size_t)(eq - spec)) != 0)
			continue;
		if (S_limits[i].is64)
			*(uint64_t *)((char *)lim + S_limits[i].off) = v;
		else if (v <= UINT32_MAX)
			*(uint32_t *)((char *)lim + S_limits[i].off) = (uint32_t)v;
		else
			return -1;
		return 0;
	}
	return -1;
}

enum { OPT_BOM = 256, OPT_AGENCY, OPT_YEAR, OPT_RULES, OPT_LIMIT, OPT_COMPACT, OPT_NO_CELLS,
       OPT_TEMPLATE, OPT_FILES_FROM, OPT_MANIFEST };

static const struct option S_longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"bom", no_argument, NULL, OPT_BOM},
	{"agency", required_argument, NULL, OPT_AGENCY},
	{"year", required_argument, NULL, OPT_YEAR},
	{"rules", required_argument, NULL, OPT_RULES},
	{"limit", required_argument, NULL, OPT_LIMIT},
	{"compact", no_argument, NULL, OPT_COMPACT},
	{"no-cells", no_argument, NULL, OPT_NO_CELLS},
	{"template", required_argument, NULL, OPT_TEMPLATE},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"files-from", required_argument, NULL, OPT_FILES_FROM},
	{"manifest", required_argument, NULL, OPT_MANIFEST},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static int S_format(const char *name)
{
	static const char *const names[] = {"json", "jsonl", "csv", "csv-wide", "sqlite"};
	static const cli_format formats[] = {CLI_FMT_JSON, CLI_FMT_JSONL, CLI_FMT_CSV,
					     CLI_FMT_CSV_WIDE, CLI_FMT_SQLITE};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(name, names[i]) == 0)
			return (int)formats[i];
	return -1;
}

/* Parse options after the command word; returns 0 or EXIT_USAGE. */
static int S_parse(S_cli *cli, int argc, char **argv, const char **templ)
{
	int c;
	char *end;
	long y;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:j:qh", S_longopts, NULL)) != -1) {
		switch (c) {
		case 'f': cli->format = optarg; break;
		case 'o': cli->output = optarg; break;
		case OPT_BOM: cli->bom = 1; break;
		case OPT_AGENCY: cli->opts.agency = optarg; break;
		case OPT_YEAR:
			y = strtol(optarg, &end, 10);
			if (*end || y < 1990 || y > 2100)
				return S_usage_error("--year wants a year such as 2024, not '%s'", optarg);
			cli->opts.year = (int)y;
			break;
		case OPT_RULES: cli->rules_path = optarg; break;
		case OPT_LIMIT:
			if (S_set_limit(&cli->opts.limits, optarg) < 0)
				return S_usage_error("--limit wants NAME=N with a known NAME and N > 0, not '%s'", optarg);
			break;
		case OPT_COMPACT: cli->compact = 1; break;
		case OPT_NO_CELLS: cli->no_cells = 1; break;
		case 'q': cli->quiet = 1; break;
		case OPT_FILES_FROM: cli->files_from = optarg; break;
		case OPT_MANIFEST: cli->manifest = optarg; break;
		case 'j':
			y = strtol(optarg, &end, 10);
			if (*end || y < 1 || y > 256)
				return S_usage_error("--jobs wants a number from 1 to 256, not '%s'", optarg);
			cli->jobs = (int)y;
			break;
		case OPT_TEMPLATE:
			if (!templ)
				return S_usage_error("%s", "--template is an option of 'xxgk schema'");
			*templ = optarg;
			break;
		case 'h': fputs(S_usage, stdout), fputs(S_usage_options, stdout); exit(0);
		default: return EXIT_USAGE;
		}
	}
	if (S_format(cli->format) < 0)
		return S_usage_error("unknown format '%s' (json, jsonl, csv, csv-wide or sqlite)",
				     cli->format);
	if (cli->rules_path && xxgk_rules_load_file(&cli->rules, cli->rules_path) < 0) {
		fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		return EXIT_USAGE;
	}
	cli->opts.rules = cli->rules;
	return 0;
}

static void S_report_error(const char *path)
{
	fprintf(stderr, "xxgk: %s: %s\n", path, xxgk_error_last()->message);
}

/* Extract every input; the batch runs them in parallel and writes in order. */
static int S_extract(S_cli *cli, int nfiles, char **files)
{
	cli_manifest manifest;
	cli_inputs inputs;
	cli_batch b;
	struct stat st;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t k;
	int i, rc = 0;

	memset(&b, 0, sizeof(b));
	cli_inputs_init(&inputs);
	inputs.quiet = cli->quiet;
	if (cli->manifest && cli_manifest_load(&manifest, cli->manifest) < 0)
		return EXIT_USAGE;
	for (i = 0; i < nfiles && rc == 0; i++)
		rc = cli_inputs_add(&inputs, files[i]);
	for (k = 0; cli->manifest && !nfiles && !cli->files_from && k < manifest.nrows && rc == 0; k++)
		rc = cli_inputs_add(&inputs, manifest.rows[k].path);
	if (rc == 0 && cli->files_from && cli_inputs_set_list(&inputs, cli->files_from) < 0)
		rc = -1;
	if (rc == 0) {
		b.format = (cli_format)S_format(cli->format);
		b.output = cli->output;
		b.compact = cli->compact, b.no_cells = cli->no_cells, b.bom = cli->bom;
		b.quiet = cli->quiet;
		b.jobs = cli->jobs ? cli->jobs : ncpu > 0 ? (int)(ncpu < 256 ? ncpu : 256) : 1;
		/* One FILE argument gives one JSON object; anything else an array. */
		b.many = nfiles != 1 || cli->files_from || (stat(files[0], &st) == 0 && S_ISDIR(st.st_mode));
		b.opts = &cli->opts;
		b.manifest = cli->manifest ? &manifest : NULL;
		b.inputs = &inputs;
		rc = cli_batch_run(&b);
	} else {
		rc = EXIT_FAILED;
	}
	cli_inputs_dispose(&inputs);
	if (cli->manifest)
		cli_manifest_dispose(&manifest);
	return rc;
}

static int S_tables(S_cli *cli, int nfiles, char **files)
{
	xxgk_extractor *x = NULL;
	xxgk_buf buf = XXGK_BUF_INIT;
	int i, rc = 0;

	if (xxgk_extractor_new(&x, &cli->opts) < 0) {
		fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		return EXIT_FAILED;
	}
	for (i = 0; i < nfiles; i++) {
		if (nfiles > 1 && xxgk_buf_puts(&buf, "== ") == 0)
			xxgk_buf_puts(&buf, files[i]), xxgk_buf_puts(&buf, " ==\n");
		if (xxgk_tables_file(&buf, x, files[i]) < 0) {
			S_report_error(files[i]);
			rc = EXIT_FAILED;
		}
		fwrite(buf.ptr, 1, buf.size, stdout);
		xxgk_buf_dispose(&buf);
	}
	xxgk_extractor_free(x);
	return rc;
}

static int S_schema(const S_cli *cli, const char *templ)
{
	size_t i, n = xxgk_schema_count(cli->rules);

	if (!n) {
		fprintf(stderr, "xxgk: %s\n", xxgk_error_last()->message);
		return EXIT_FAILED;
	}
	printf("field\ttemplates\tkind\tlabel\n");
	for (i = 0; i < n; i++) {
		const xxgk_field *f = xxgk_schema_field(cli->rules, i);
		if (templ && !strstr(f->templates, templ))
			continue;
		printf("%s\t%s\t%s\t%s\n", f->id, f->templates, f->is_amount ? "amount" : "count",
		       f->label);
	}
	return 0;
}

int main(int argc, char **argv)
{
	S_cli cli;
	const char *cmd, *templ = NULL;
	int rc;

	/* A reader that stops early (| head) ends us quietly, as it ends any filter,
	 * even when the parent left SIGPIPE ignored. */
	signal(SIGPIPE, SIG_DFL);
	/* libzip turns each entry's DOS time into a time_t with mktime(), and with
	 * TZ unset glibc stats /etc/localtime on every call: a dozen system calls
	 * per file. Naming the same zone once lets glibc keep it. */
	if (!getenv("TZ"))
		setenv("TZ", ":/etc/localtime", 0);
	memset(&cli, 0, sizeof(cli));
	cli.format = "json";
	xxgk_options_init(&cli.opts, XXGK_OPTIONS_VERSION);
	if (argc < 2)
		return S_usage_error("%s", "no command given");
	cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(S_usage, stdout), fputs(S_usage_options, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("xxgk %s\n", XXGK_VERSION);
		return 0;
	}
	if (strcmp(cmd, "check") == 0)
		return cli_check(argc - 1, argv + 1);
	if (strcmp(cmd, "extract") != 0 && strcmp(cmd, "tables") != 0 && strcmp(cmd, "schema") != 0)
		return S_usage_error("unknown command '%s'", cmd);
	if ((rc = S_parse(&cli, argc - 1, argv + 1, strcmp(cmd, "schema") == 0 ? &templ : NULL)) != 0)
		return rc;
	argc -= optind + 1;
	argv += optind + 1;
	if (strcmp(cmd, "schema") == 0)
		rc = S_schema(&cli, templ);
	else if (argc < 1 && !(strcmp(cmd, "extract") == 0 && (cli.files_from || cli.manifest)))
		rc = S_usage_error("%s: no input files", cmd);
	else
		rc = strcmp(cmd, "extract") == 0 ? S_extract(&cli, argc, argv) : S_tables(&cli, argc, argv);
	xxgk_rules_free(cli.rules);
	return rc;
}
