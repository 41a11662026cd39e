#!/usr/bin/env python3
"""`xxgk check`: its verdicts and the exit status scripts rely on (docs/checks.md).

    tests/check_cli_test.py XXGK_BINARY CORPUS_DIR

0 every FILE read and consistent, 1 inconsistencies found, 2 usage error, 3 a FILE could not be
read (wins over 1). Python 3 standard library only.
"""
import json
import os
import subprocess
import sys

failures = []


def run(args):
    return subprocess.run([XXGK, "check"] + args, capture_output=True, text=True, timeout=60)


def expect(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main():
    case = lambda name: os.path.join(CORPUS, name, "input.docx")  # noqa: E731
    seed, zero, result = case("seed-word"), case("check-zero-total"), case("check-result-total")
    bad = case(os.path.join("errors", "not-a-zip"))

    r = run([seed])
    expect(r.returncode == 0 and ": consistent" in r.stdout and "FAIL" not in r.stdout,
           "a consistent report: exit 0, 'consistent'")
    expect(r.stdout.count("\n  ok    check.") == 5, "every rule is listed as ok")

    r = run([seed, zero])
    expect(r.returncode == 1, "an inconsistent report among consistent ones: exit 1")
    expect("FAIL  check.row_total      1 of 25 rows" in r.stdout
           and "总计 is 0, but the 6 applicant columns add up to 6" in r.stdout,
           "the failing rule and its numbers are printed")

    r = run([zero, bad])
    expect(r.returncode == 3, "a file that cannot be read: exit 3, even beside an inconsistency")
    expect(r.stderr.startswith("xxgk: " + bad + ": ") and len(r.stderr.splitlines()) == 1,
           "the unreadable file is one line on stderr")
    expect("check-zero-total" in r.stdout, "the other file is still checked")

    r = run(["--format", "json", result, bad])
    lines = [json.loads(l) for l in r.stdout.splitlines()]
    expect(r.returncode == 3 and len(lines) == 2, "json: one object per FILE and line")
    d = lines[0]
    expect(d["consistent"] is False and [x["code"] for x in d["rules"]]
           == ["check.row_total", "check.balance", "check.result_total", "check.appeals_total",
               "check.plausible"], "json: consistent flag and every rule")
    rt = [f for f in d["failures"] if f["code"] == "check.result_total"]
    expect(len(rt) == 1 and rt[0]["printed"] == 21 and rt[0]["computed"] == 27
           and rt[0]["fields"][0] == "requests.result.total.natural_person",
           "json: printed 21 and computed 27 as numbers, the total's field first")
    expect("error" in lines[1] and lines[1]["source"] == bad, "json: the unreadable file has an error")

    r = run(["--format", "json", case("check-blank-total")])
    d = json.loads(r.stdout)
    rw = [f for f in d["failures"] if f["code"] == "check.row_total"]
    expect(len(rw) == 1 and rw[0]["printed"] is None and rw[0]["computed"] == 1,
           "json: a blank total is printed null")
    r = run(["--format", "json", case("check-implausible")])
    d = json.loads(r.stdout)
    expect(sorted(f.get("value") for f in d["failures"]) == [-881, 150.5],
           "json: check.plausible gives the value")

    r = run([])
    expect(r.returncode == 2 and r.stderr.startswith("xxgk: "), "no files: usage error, exit 2")
    r = run(["--format", "xml", seed])
    expect(r.returncode == 2, "unknown format: exit 2")
    r = run(["--help"])
    expect(r.returncode == 0 and "Exit status" in r.stdout, "check --help: exit 0, exit status")
    r = subprocess.run([XXGK, "--help"], capture_output=True, text=True, timeout=30)
    expect("xxgk check" in r.stdout and "3 some FILE" in r.stdout,
           "xxgk --help documents check and its exit status")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: check_cli_test.py XXGK_BINARY CORPUS_DIR\n")
        sys.exit(2)
    XXGK, CORPUS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    main()
    sys.exit(1 if failures else 0)
