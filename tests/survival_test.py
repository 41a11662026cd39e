#!/usr/bin/env python3
"""Run `xxgk extract` on one odd or broken file and check that it survives.

    python3 tests/survival_test.py XXGK_BINARY FILE [MAX_SECONDS]

Passes when xxgk exits 0 or 1 (never a signal, a hang or another code)
within MAX_SECONDS (default 2), with nothing on stderr when it exits 0 and
exactly one line `xxgk: FILE: ...` when it exits 1, with no sanitizer
report, and -- when tests/oddocx/EXPECTED.tsv lists the file -- with the
expected words in that line (so each error stays clear and true).
Python 3 standard library only.
"""

import os
import subprocess
import sys
import time


def expected(path):
    table = os.path.join(os.path.dirname(os.path.abspath(path)), "EXPECTED.tsv")
    name = os.path.basename(path)
    if not os.path.exists(table):
        return None
    with open(table, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[0] == name:
                return int(cols[1]), cols[2]
    return None


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: survival_test.py XXGK_BINARY FILE [MAX_SECONDS]\n")
        return 2
    binary, path = os.path.abspath(argv[1]), argv[2]
    limit = float(argv[3]) if len(argv) == 4 else 2.0
    name = os.path.basename(path)
    start = time.monotonic()
    try:
        proc = subprocess.run([binary, "extract", path], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=max(limit * 5, 20))
    except subprocess.TimeoutExpired:
        print("FAIL %s: hangs (killed after %.0f s)" % (name, max(limit * 5, 20)))
        return 1
    took = time.monotonic() - start
    err = proc.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    problems = []
    if proc.returncode not in (0, 1):
        problems.append("exit status %d (a signal or an unexpected code)" % proc.returncode)
    if "Sanitizer" in err or "runtime error" in err or "LeakSanitizer" in err:
        problems.append("sanitizer report")
    if proc.returncode == 0 and err:
        problems.append("exit 0 but stderr is not empty")
    if proc.returncode == 1:
        if len(lines) != 1:
            problems.append("stderr should be one line, got %d" % len(lines))
        elif not lines[0].startswith("xxgk: %s: " % path):
            problems.append("stderr should start with 'xxgk: %s: '" % path)
    exp = expected(path)
    if exp and (proc.returncode != exp[0] or exp[1] not in err):
        problems.append("expected exit %d and %r on stderr" % exp)
    if took > limit:
        problems.append("took %.2f s, over %.1f s" % (took, limit))
    if problems:
        print("FAIL %s (%.2f s, exit %d)" % (name, took, proc.returncode))
        for p in problems:
            print("  " + p)
        if err:
            print("  stderr: " + err[:2000].rstrip().replace("\n", "\n          "))
        return 1
    print("PASS %s (%.2f s, exit %d) %s" % (name, took, proc.returncode, lines[0] if lines else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
