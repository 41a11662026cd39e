#!/usr/bin/env python3
"""CLI behaviour that scripts rely on: help, version, exit codes, schema, tables, -o.

    tests/cli_test.py XXGK_BINARY CORPUS_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

failures = []


def run(args, **kw):
    return subprocess.run([XXGK] + args, capture_output=True, text=True, timeout=30, **kw)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main():
    seed = os.path.join(CORPUS, "seed-word", "input.docx")
    bad = os.path.join(CORPUS, "errors", "not-a-zip", "input.docx")

    r = run(["--help"])
    check(r.returncode == 0 and "Examples:" in r.stdout and "Exit status" in r.stdout,
          "--help exits 0 and teaches (examples, exit status)")
    r = run(["--version"])
    check(r.returncode == 0 and r.stdout.startswith("xxgk "), "--version")
    r = run([])
    check(r.returncode == 2 and r.stderr.startswith("xxgk: "), "no command: usage error, exit 2")
    r = run(["extract", "--format", "xml", seed])
    check(r.returncode == 2 and "unknown format" in r.stderr, "unknown format: exit 2")
    r = run(["extract"])
    check(r.returncode == 2, "extract without files: exit 2")
    r = run(["frobnicate"])
    check(r.returncode == 2, "unknown command: exit 2")

    r = run(["schema"])
    lines = r.stdout.splitlines()
    check(r.returncode == 0 and lines[0] == "field\ttemplates\tkind\tlabel", "schema header")
    ids = [l.split("\t")[0] for l in lines[1:]]
    check(len(ids) == len(set(ids)), "schema ids are unique")
    r = run(["schema", "--template", "2021"])
    check(len(r.stdout.splitlines()) - 1 == 200, "the 2021 template has 200 fields")
    check("requests.result.withheld.internal_affairs.natural_person\t" in r.stdout,
          "schema lists the SCHEMA.md example id")

    r = run(["tables", seed])
    check(r.returncode == 0 and "read as: requests" in r.stdout and "read as: appeals" in r.stdout
          and "read as: active2021" in r.stdout, "tables names the report tables")
    check("| ^ |" in r.stdout and "| < |" in r.stdout, "tables shows merges as < and ^")

    r = run(["extract", seed, bad])
    check(r.returncode == 1, "one bad input among good ones: exit 1")
    errs = [l for l in r.stderr.splitlines() if "not-a-zip" in l]
    check(len(errs) == 1 and errs[0].startswith("xxgk: " + bad + ": "),
          "the bad input gets one line naming it")
    try:
        data = json.loads(r.stdout)
        check(isinstance(data, list) and len(data) == 1 and data[0]["source"] == seed,
              "several inputs: a JSON array of the reports that were read")
    except ValueError:
        check(False, "several inputs: stdout is JSON")

    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.json")
        with open(out, "w") as f:
            f.write("old")
        r = run(["extract", "-o", out, bad])
        check(r.returncode == 1 and open(out).read() == "old",
              "-o: a run that read nothing leaves the old file untouched")
        r = run(["extract", "-o", out, seed])
        check(r.returncode == 0 and json.load(open(out))["year"] == 2024, "-o writes the report")
        check(os.listdir(d) == ["out.json"], "-o leaves no temporary file behind")
        r = run(["extract", "--format", "csv", "--bom", "-o", out, seed])
        raw = open(out, "rb").read()
        check(raw.startswith(b"\xef\xbb\xbfsource,agency,year,template,field,value,text\r\n"),
              "--bom CSV starts with the BOM and the header")

    r = run(["extract", "--agency", "某机关", "--year", "2019", seed])
    d = json.loads(r.stdout)
    check(d["agency"] == "某机关" and d["year"] == 2019, "--agency/--year override the title")
    r = run(["extract", "--year", "abc", seed])
    check(r.returncode == 2, "--year abc: usage error")
    r = run(["extract", "--limit", "rows=5", seed])
    check(r.returncode == 1 and "max_rows" in r.stderr, "--limit rows=5 fails the input naming the limit")
    r = run(["extract", "--limit", "nosuch=5", seed])
    check(r.returncode == 2, "--limit with an unknown name: usage error")

    r = run(["extract", os.path.join(CORPUS, "check-result-total", "input.docx")])
    ws = [w for w in json.loads(r.stdout)["warnings"] if w["code"] == "check.result_total"]
    check(any(w.get("printed") == 21 and w.get("computed") == 27 for w in ws),
          "a failed check carries its printed and computed numbers")

    print("%d passed, %d failed" % (CHECKS[0] - len(failures), len(failures)))
    return 1 if failures else 0


CHECKS = [0]
_check = check


def check(cond, what):  # noqa: F811 - count every check
    CHECKS[0] += 1
    _check(cond, what)


if __name__ == "__main__":
    XXGK, CORPUS = sys.argv[1], sys.argv[2]
    sys.exit(main())
