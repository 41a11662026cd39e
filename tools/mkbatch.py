#!/usr/bin/env python3
"""Make a directory of many reports for timing and memory measurements (docs/batch.md).

    python3 tools/mkbatch.py DIR N

DIR gets N copies of the corpus's input.docx files (corpus/*/input.docx, cycled) spread over 20
sub-directories, plus three broken files (empty, not a ZIP, a truncated .docx) and an Office lock
file. Python 3 standard library only.
"""

import glob
import os
import shutil
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    out, n = sys.argv[1], int(sys.argv[2])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    cases = sorted(glob.glob(os.path.join(root, "corpus", "*", "input.docx")))
    for i in range(n):
        sub = os.path.join(out, "district-%02d" % (i % 20))
        os.makedirs(sub, exist_ok=True)
        shutil.copy(cases[i % len(cases)], os.path.join(sub, "report-%05d.docx" % i))
    os.makedirs(os.path.join(out, "district-00"), exist_ok=True)
    with open(cases[0], "rb") as f:
        head = f.read(900)
    for j, data in enumerate([b"", b"not a zip", head]):
        with open(os.path.join(out, "district-00", "broken-%d.docx" % j), "wb") as f:
            f.write(data)
    with open(os.path.join(out, "district-00", "~$report-00000.docx"), "wb") as f:
        f.write(b"lock")
    print("%s: %d reports from %d corpus cases, 3 broken files, 1 lock file" % (out, n, len(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
