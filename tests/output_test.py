#!/usr/bin/env python3
"""Outputs are never half-written, and a closed pipe ends a run quietly.

    python3 tests/output_test.py XXGK_BINARY CORPUS_DIR

1. `extract -o FILE` on inputs that all fail leaves an existing FILE as it was;
2. a run killed by SIGTERM or SIGINT while it writes `-o FILE` leaves FILE as
   it was and no temporary file beside it;
3. `xxgk extract ... | head -c 10`: xxgk ends by SIGPIPE or with status 0,
   and prints nothing on stderr, also when the parent left SIGPIPE ignored.
Python 3 standard library only.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main(xxgk, corpus):
    seed = os.path.join(corpus, "seed-word", "input.docx")
    bad = [os.path.join(corpus, "errors", c, "input.docx")
           for c in ("not-a-zip", "truncated-zip", "no-report-tables")]
    old = b"the previous output\n"
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.json")
        with open(out, "wb") as f:
            f.write(old)
        r = subprocess.run([xxgk, "extract", "-o", out] + bad, capture_output=True, timeout=60)
        check(r.returncode == 1 and open(out, "rb").read() == old,
              "a failing run with -o leaves the existing file untouched")
        check(sorted(os.listdir(d)) == ["out.json"], "a failing run leaves no temporary file")

        many = []
        for i in range(400):  # enough work to be interrupted while writing
            p = os.path.join(d, "in%03d.docx" % i)
            shutil.copyfile(seed, p)
            many.append(p)
        for sig in (signal.SIGTERM, signal.SIGINT):
            proc = subprocess.Popen([xxgk, "extract", "-o", out] + many,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(0.3)
            proc.send_signal(sig)
            proc.communicate(timeout=60)
            left = [n for n in os.listdir(d) if not n.startswith("in")]
            check(proc.returncode in (-sig, 128 + sig) and open(out, "rb").read() == old,
                  "%s during the run leaves the existing file untouched (status %d)"
                  % (sig.name, proc.returncode))
            check(left == ["out.json"], "%s leaves no temporary file (found %s)" % (sig.name, left))
            with open(out, "wb") as f:
                f.write(old)

        for ignore in (False, True):
            proc = subprocess.Popen([xxgk, "extract"] + many[:40], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, restore_signals=not ignore)
            head = proc.stdout.read(10)
            proc.stdout.close()
            err = proc.stderr.read()
            proc.wait(timeout=60)
            what = "| head -c 10%s ends quietly (status %d, stderr %r)" % (
                " with SIGPIPE ignored" if ignore else "", proc.returncode, err[:200])
            check(len(head) == 10 and proc.returncode in (0, -signal.SIGPIPE) and err == b"",
                  what)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: output_test.py XXGK_BINARY CORPUS_DIR\n")
        sys.exit(2)
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
