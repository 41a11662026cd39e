#!/usr/bin/env python3
"""Bulk conversion tests for `xxgk extract` (label `batch`).

    python3 tests/batch_test.py XXGK_BINARY CORPUS_DIR TEST

TEST is one of the names in TESTS below. Each test builds its inputs in a
fresh temporary directory: copies of a few corpus inputs, broken files (not a
ZIP, empty, truncated), an Office lock file and a file of another format.
Python 3 standard library only (sqlite3 and hashlib included).
Exit status: 0 pass, 1 fail.
"""

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

TIMEOUT = 120
GOOD = ["seed-word", "format-2019", "seed-wps", "different-values", "fee-in-yuan"]


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def run(xxgk, args, stdin=None, cwd=None):
    p = subprocess.run([xxgk] + args, input=stdin, capture_output=True, timeout=TIMEOUT, cwd=cwd)
    err = p.stderr.decode("utf-8", "replace")
    check("Sanitizer" not in err and "runtime error:" not in err, "sanitizer report:\n" + err)
    return p.returncode, p.stdout, err


def make_tree(corpus, root):
    """A directory of reports: good ones in two levels, broken ones, and files to skip.
    Returns (good paths in sorted order, broken paths)."""
    d = os.path.join(root, "reports")
    os.makedirs(os.path.join(d, "sub"))
    good = []
    for i, case in enumerate(GOOD):
        name = os.path.join(d, "sub" if i % 2 else "", "%02d-%s.docx" % (i, case))
        shutil.copy(os.path.join(corpus, case, "input.docx"), name)
        good.append(name)
    with open(os.path.join(corpus, "seed-word", "input.docx"), "rb") as f:
        head = f.read(700)
    broken = {"bad-notzip.docx": b"this is not a zip file\n", "bad-empty.docx": b"",
              "sub/bad-truncated.DOCX": head}
    for name, data in broken.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    for name in ("~$01-lock.docx", "notes.txt", "sub/page.pdf"):
        with open(os.path.join(d, name), "wb") as f:
            f.write(b"x")
    broken_paths = [os.path.join(d, n) for n in broken]
    return sorted(good), sorted(broken_paths), d


def jsonl(out):
    lines = out.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def t_stdin_stdout(xxgk, corpus, tmp):
    good, broken, _ = make_tree(corpus, tmp)
    listed = good[:2] + [broken[0]] + good[2:]
    rc, out, err = run(xxgk, ["extract", "--files-from", "-", "--format", "jsonl"],
                       stdin=("\n".join(listed) + "\n").encode())
    check(rc == 1, "exit status %d, expected 1 (one input is broken)" % rc)
    objs = jsonl(out)
    check([o["source"] for o in objs] == good, "sources %s, expected %s" %
          ([o["source"] for o in objs], good))
    check(all("values" in o and "warnings" in o for o in objs), "objects lack values/warnings")
    check(out.count(b"\n") == len(good), "not one line per report")
    check("%s: not a .docx" % broken[0] in err, "the failure is not on stderr: %r" % err)
    # Without a broken file the same mode exits 0.
    rc, out, err = run(xxgk, ["extract", "--files-from", "-", "-f", "jsonl", "-j", "2"],
                       stdin="\n".join(good).encode())
    check(rc == 0 and len(jsonl(out)) == len(good), "clean run: rc %d, stderr %r" % (rc, err))


def t_directory_failures(xxgk, corpus, tmp):
    good, broken, d = make_tree(corpus, tmp)
    rc, out, err = run(xxgk, ["extract", "-f", "jsonl", d])
    check(rc == 1, "exit status %d, expected 1" % rc)
    check([o["source"] for o in jsonl(out)] == good, "reports missing or out of order")
    for b in broken:
        check(("xxgk: %s: " % b) in err, "failure of %s not listed: %r" % (b, err))
    check("~$01-lock.docx: skipped, an Office lock file" in err, "lock file note missing")
    check("notes.txt: skipped, not a .docx" in err, "other-format note missing")
    last = err.strip().splitlines()[-1]
    check(last.startswith("xxgk: %d inputs, %d reports written, %d failed" %
                          (len(good) + len(broken), len(good), len(broken))),
          "summary line: %r" % last)
    # --quiet leaves the failures and the summary (something failed), not the notes.
    rc, out, err = run(xxgk, ["extract", "-q", "-f", "jsonl", d])
    check("skipped" not in err and "failed" in err, "--quiet: %r" % err)


def t_jobs_identical(xxgk, corpus, tmp):
    good, broken, d = make_tree(corpus, tmp)
    for fmt in ("jsonl", "json", "csv", "csv-wide"):
        outs = []
        for jobs in ("1", "2", "3"):
            path = os.path.join(tmp, "out-%s-%s" % (fmt, jobs))
            rc, _, err = run(xxgk, ["extract", "-q", "-j", jobs, "-f", fmt, "-o", path, d] +
                             good[:2])
            check(rc == 1, "%s -j %s: exit status %d" % (fmt, jobs, rc))
            with open(path, "rb") as f:
                outs.append(f.read())
        check(outs[0] == outs[1] == outs[2], "%s: -j 1, -j 2, -j 3 differ" % fmt)
        check(len(outs[0]) > 1000, "%s: output too short" % fmt)


def schema_ids(xxgk):
    rc, out, _ = run(xxgk, ["schema"])
    check(rc == 0, "xxgk schema failed")
    return [line.split("\t")[0] for line in out.decode().splitlines()[1:]]


def t_csv_wide_header(xxgk, corpus, tmp):
    good, _, _ = make_tree(corpus, tmp)
    ids = schema_ids(xxgk)
    rc, out, err = run(xxgk, ["extract", "-f", "csv-wide"] + good)
    check(rc == 0, "exit status %d: %s" % (rc, err))
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    check(rows[0] == ["source", "agency", "year", "template"] + ids,
          "header is not source,agency,year,template + the schema in order")
    check(len(rows) == 1 + len(good), "not one row per report")
    check(all(len(r) == len(rows[0]) for r in rows), "ragged rows")
    # Each row agrees with the JSON of the same report.
    objs = jsonl(run(xxgk, ["extract", "-f", "jsonl"] + good)[1])
    for row, obj in zip(rows[1:], objs):
        check(row[0] == obj["source"] and row[3] == obj["template"], "row/report mismatch")
        for fid, cell in zip(ids, row[4:]):
            v = obj["values"].get(fid)
            check((cell == "") == (v is None), "%s %s: %r vs %r" % (row[0], fid, cell, v))
            check(v is None or abs(float(cell) - v) < 1e-9, "%s %s: %r vs %r" % (row[0], fid, cell, v))


def t_manifest(xxgk, corpus, tmp):
    good, _, d = make_tree(corpus, tmp)
    man = os.path.join(tmp, "manifest.csv")
    rel = os.path.relpath(good[0], tmp)  # written relative: matched by real path
    with open(man, "w", encoding="utf-8", newline="") as f:
        f.write('\ufeffurl,path,agency,year\r\n"http://example.org/a?x=1,2",%s,某市某局,2022\r\n' % rel)
        f.write(',%s,,\r\n' % good[1])
    rc, out, err = run(xxgk, ["extract", "--manifest", man, "-f", "jsonl"] + good[:3], cwd=tmp)
    check(rc == 0, "exit status %d: %s" % (rc, err))
    objs = jsonl(out)
    check(objs[0]["agency"] == "某市某局" and objs[0]["year"] == 2022, "no override: %s %s" %
          (objs[0]["agency"], objs[0]["year"]))
    check(objs[0]["meta"] == {"url": "http://example.org/a?x=1,2"}, "meta: %r" % objs[0]["meta"])
    check(objs[1]["meta"] == {"url": None} and objs[2]["meta"] == {"url": None}, "meta of others")
    check(objs[1]["agency"] != "某市某局", "an empty manifest cell overrode the title")
    rc, out, _ = run(xxgk, ["extract", "--manifest", man, "-f", "csv"] + good[:1], cwd=tmp)
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    check(rows[0][-1] == "url" and rows[1][-1] == "http://example.org/a?x=1,2", "csv meta column")
    # Without FILE arguments the manifest's paths are the inputs.
    rc, out, err = run(xxgk, ["extract", "--manifest", man, "-f", "jsonl"], cwd=tmp)
    check(rc == 0 and len(jsonl(out)) == 2, "manifest as input list: rc %d %s" % (rc, err))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def t_sqlite_rerun(xxgk, corpus, tmp):
    good, broken, d = make_tree(corpus, tmp)
    db = os.path.join(tmp, "data.db")
    for attempt in range(2):
        rc, _, err = run(xxgk, ["extract", "-q", "-f", "sqlite", "-o", db, d])
        check(rc == 1, "run %d: exit status %d: %s" % (attempt, rc, err))
        con = sqlite3.connect(db)
        rows = con.execute("SELECT source, COUNT(*) FROM reports GROUP BY source").fetchall()
        check(sorted(r[0] for r in rows) == good, "reports: %r" % rows)
        check(all(r[1] == 1 for r in rows), "a source has several rows")
        fails = sorted(r[0] for r in con.execute("SELECT source FROM failures"))
        check(fails == broken, "failures: %r" % fails)
        if attempt == 0:
            ids = dict(con.execute("SELECT source, id FROM reports"))
            nvalues = con.execute("SELECT COUNT(*) FROM report_values").fetchone()[0]
        else:
            check(dict(con.execute("SELECT source, id FROM reports")) == ids, "ids changed")
            check(con.execute("SELECT COUNT(*) FROM report_values").fetchone()[0] == nvalues,
                  "values doubled")
        for src, digest in con.execute("SELECT source, sha256 FROM reports"):
            check(digest == sha256(src), "sha256 of %s" % src)
        con.close()
    # The JSON of a report and its database rows agree, through the wide view too.
    obj = jsonl(run(xxgk, ["extract", "-f", "jsonl", good[0]])[1])[0]
    con = sqlite3.connect(db)
    got = dict(con.execute("SELECT v.field, v.value FROM report_values v JOIN reports r "
                           "ON r.id = v.report_id WHERE r.source = ?", (good[0],)))
    check(set(got) == set(obj["values"]), "fields differ from the JSON")
    for k, v in obj["values"].items():
        check((v is None and got[k] is None) or abs(got[k] - v) < 1e-9, "%s: %r vs %r" % (k, got[k], v))
    cur = con.execute('SELECT * FROM report_wide WHERE source = ?', (good[0],))
    names = [c[0] for c in cur.description]
    row = dict(zip(names, cur.fetchone()))
    check(names[:5] == ["report_id", "source", "agency", "year", "template"] and
          names[5:] == schema_ids(xxgk), "report_wide columns")
    check(all(row[k] == got.get(k) for k in names[5:]), "report_wide values")
    con.close()
    # A file that breaks moves from reports to failures.
    with open(good[0], "wb") as f:
        f.write(b"broken now")
    rc, _, _ = run(xxgk, ["extract", "-q", "-f", "sqlite", "-o", db, good[0]])
    con = sqlite3.connect(db)
    check(con.execute("SELECT COUNT(*) FROM reports WHERE source = ?", (good[0],)).fetchone()[0] == 0,
          "a failed file kept its report")
    check(con.execute("SELECT COUNT(*) FROM report_values WHERE report_id = ?",
                      (ids[good[0]],)).fetchone()[0] == 0, "a failed file kept its values")
    check(con.execute("SELECT COUNT(*) FROM failures WHERE source = ?", (good[0],)).fetchone()[0] == 1,
          "the failure is not recorded")
    con.close()


def t_sqlite_foreign_db(xxgk, corpus, tmp):
    good, _, _ = make_tree(corpus, tmp)
    db = os.path.join(tmp, "other.db")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = open(db, "rb").read()
    rc, _, err = run(xxgk, ["extract", "-f", "sqlite", "-o", db, good[0]])
    check(rc == 1 and "did not make" in err, "rc %d, stderr %r" % (rc, err))
    check(open(db, "rb").read() == before, "a foreign database was changed")
    rc, _, err = run(xxgk, ["extract", "-f", "sqlite", good[0]])
    check(rc == 1 and "-o FILE" in err, "sqlite to stdout: rc %d %r" % (rc, err))
    # No temporary file is left behind.
    check(not [n for n in os.listdir(tmp) if ".tmp." in n], "temporary files left")


def t_output_fifo(xxgk, corpus, tmp):
    """-o naming a FIFO (as /dev/null would be) writes into it, never renames over it."""
    good, _, _ = make_tree(corpus, tmp)
    fifo = os.path.join(tmp, "pipe")
    os.mkfifo(fifo)
    got = []
    import threading
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    rc, _, err = run(xxgk, ["extract", "-f", "jsonl", "-o", fifo] + good[:2])
    reader.join(TIMEOUT)
    check(rc == 0, "exit status %d: %s" % (rc, err))
    check(len(jsonl(got[0])) == 2, "the FIFO did not receive the reports")
    check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced")
    check(not [n for n in os.listdir(tmp) if ".tmp." in n], "temporary files left")


TESTS = {
    "stdin-stdout": t_stdin_stdout,
    "directory-failures": t_directory_failures,
    "jobs-identical": t_jobs_identical,
    "csv-wide-header": t_csv_wide_header,
    "manifest": t_manifest,
    "sqlite-rerun": t_sqlite_rerun,
    "sqlite-foreign-db": t_sqlite_foreign_db,
    "output-fifo": t_output_fifo,
}


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in TESTS:
        sys.stderr.write("usage: batch_test.py XXGK CORPUS_DIR {%s}\n" % "|".join(TESTS))
        return 2
    xxgk, corpus, name = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    tmp = tempfile.mkdtemp(prefix="xxgk-batch-")
    try:
        TESTS[name](xxgk, corpus, tmp)
    except Fail as e:
        print("FAIL %s: %s" % (name, e))
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok %s" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
