#!/usr/bin/env python3
"""Run one corpus case against the xxgk binary.

    python3 tests/corpus_test.py XXGK_BINARY CASE_DIR

Runs `XXGK_BINARY extract --format json [args from CASE_DIR/args] CASE_DIR/input.*` (the one
input file: input.docx, input.html, ...) with
CASE_DIR as the working directory and a 20 s timeout, then compares with CASE_DIR/expected.json:

  rc        the exit code
  rc == 0   stdout is one JSON object; its agency, year and template equal the expected ones;
            its values object has exactly the expected keys, with equal values (numbers within
            1e-9, null only for null); each expected warning (code + set of fields) is present
            with "checks": [{"code": ..., "fields": [...]}, ...] the output's check.* warnings
            (code + set of fields) are exactly those, no more and no fewer; without the key
            nothing about check.* warnings is asserted
  rc != 0   stdout is empty; stderr is exactly one line, starts with "xxgk: " and contains the
            expected stderr substring

Exit status: 0 pass, 1 fail, 77 skip (expected.json has "xfail"; the reason is printed).
Python 3 standard library only.
"""

import json
import os
import subprocess
import sys

TIMEOUT = 20
TOL = 1e-9


def load_args(case_dir):
    path = os.path.join(case_dir, "args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n") for line in f if line.rstrip("\r\n") != ""]


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same_value(exp, got):
    if isinstance(exp, bool) or isinstance(got, bool):
        return exp is got
    if exp is None or got is None:
        return exp is None and got is None
    if is_number(exp) and is_number(got):
        return abs(exp - got) <= TOL
    return exp == got


def show(v):
    return json.dumps(v, ensure_ascii=False)


def compare_ok(exp, out, problems):
    try:
        got = json.loads(out)
    except ValueError as e:
        problems.append("stdout is not JSON: %s" % e)
        return
    if not isinstance(got, dict):
        problems.append("stdout is JSON but not an object")
        return
    for key in ("agency", "year", "template"):
        if key not in got:
            problems.append("%s: expected %s, got (missing)" % (key, show(exp.get(key))))
        elif got[key] != exp.get(key) or type(got[key]) is not type(exp.get(key)):
            problems.append("%s: expected %s, got %s" % (key, show(exp.get(key)), show(got[key])))
    ev = exp.get("values", {})
    gv = got.get("values")
    if not isinstance(gv, dict):
        problems.append("values: expected an object, got %s" % show(gv))
    else:
        rows = []
        for fid in ev:
            if fid not in gv:
                rows.append((fid, show(ev[fid]), "(missing)"))
            elif not same_value(ev[fid], gv[fid]):
                rows.append((fid, show(ev[fid]), show(gv[fid])))
        for fid in gv:
            if fid not in ev:
                rows.append((fid, "(absent)", show(gv[fid])))
        if rows:
            w = max(len(r[0]) for r in rows)
            problems.append("values differ in %d field(s):" % len(rows))
            problems.append("  %-*s  %-12s  %s" % (w, "field", "expected", "got"))
            for fid, e, g in rows:
                cell = ""
                cells = got.get("cells")
                if isinstance(cells, dict) and isinstance(cells.get(fid), dict):
                    cell = "   cell text %s" % show(cells[fid].get("text"))
                problems.append("  %-*s  %-12s  %s%s" % (w, fid, e, g, cell))
    gw = got.get("warnings", [])
    if not isinstance(gw, list):
        problems.append("warnings: expected an array, got %s" % show(gw))
        gw = []
    have = []
    for w in gw:
        if isinstance(w, dict):
            have.append((w.get("code"), frozenset(w.get("fields") or [])))
    for w in exp.get("warnings", []):
        key = (w["code"], frozenset(w["fields"]))
        if key not in have:
            problems.append("missing warning %s on %s; got warnings: %s"
                            % (w["code"], show(sorted(w["fields"])),
                               show([{"code": c, "fields": sorted(f)} for c, f in have])))
    # "exact_warnings": every warning that is not a check.* one must be listed
    if exp.get("exact_warnings"):
        want = {(w["code"], frozenset(w["fields"])) for w in exp.get("warnings", [])}
        for c, f in have:
            if not str(c).startswith("check.") and (c, f) not in want:
                problems.append("unexpected warning %s on %s" % (c, show(sorted(f))))
    # "checks": the check.* warnings, written by hand, must be exactly these (as a multiset)
    if "checks" in exp:
        want = sorted((w["code"], tuple(sorted(w["fields"]))) for w in exp["checks"])
        got_checks = sorted((c, tuple(sorted(f))) for c, f in have if str(c).startswith("check."))
        if want != got_checks:
            for c, f in want:
                if want.count((c, f)) > got_checks.count((c, f)):
                    problems.append("missing check warning %s on %s" % (c, show(list(f))))
            for c, f in got_checks:
                if got_checks.count((c, f)) > want.count((c, f)):
                    msg = [w.get("message") for w in gw if isinstance(w, dict) and w.get("code") == c
                           and tuple(sorted(w.get("fields") or [])) == f]
                    problems.append("unexpected check warning %s on %s: %s"
                                    % (c, show(list(f)), show(msg[0] if msg else "")))


def compare_err(exp, out, err, problems):
    if out != "":
        problems.append("stdout should be empty on error, got %s" % show(out[:200]))
    lines = err.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != 1:
        problems.append("stderr should be exactly one line, got %d: %s" % (len(lines), show(err[:500])))
        return
    line = lines[0]
    if not line.startswith("xxgk: "):
        problems.append("stderr should start with 'xxgk: ', got %s" % show(line))
    want = exp.get("stderr", "")
    if want not in line:
        problems.append("stderr should contain %s, got %s" % (show(want), show(line)))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: corpus_test.py XXGK_BINARY CASE_DIR\n")
        return 2
    binary = os.path.abspath(argv[1])
    case_dir = os.path.abspath(argv[2])
    name = os.path.basename(case_dir.rstrip("/"))
    with open(os.path.join(case_dir, "expected.json"), encoding="utf-8") as f:
        exp = json.load(f)
    if "xfail" in exp:
        print("SKIP %s: %s" % (name, exp["xfail"]))
        return 77
    inputs = sorted(n for n in os.listdir(case_dir) if n.startswith("input."))
    if len(inputs) != 1:
        print("FAIL %s: expected one input.* file, found %s" % (name, inputs or "none"))
        return 1
    cmd = [binary, "extract", "--format", "json"] + load_args(case_dir) + [inputs[0]]
    try:
        proc = subprocess.run(cmd, cwd=case_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print("FAIL %s: timed out after %d s: %s" % (name, TIMEOUT, " ".join(cmd)))
        return 1
    except OSError as e:
        print("FAIL %s: cannot run %s: %s" % (name, binary, e))
        return 1
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    problems = []
    if proc.returncode != exp["rc"]:
        problems.append("exit code: expected %d, got %d" % (exp["rc"], proc.returncode))
        if err:
            problems.append("stderr: %s" % err.strip()[:1000])
    elif exp["rc"] == 0:
        compare_ok(exp, out, problems)
    else:
        compare_err(exp, out, err, problems)
    if problems:
        print("FAIL %s (%s)" % (name, " ".join(cmd)))
        for p in problems:
            print("  " + p)
        return 1
    print("PASS %s" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
