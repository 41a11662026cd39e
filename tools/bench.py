"""Run the benchmark behind docs/performance.md (started by tools/bench).

Builds a batch of N reports (copies of the corpus reports that xxgk,
python-docx and pandoc all read), then times, runs interleaved so that a
change in the machine's load hits every tool alike:

  xxgk -j 1      `xxgk extract -j 1 --files-from LIST -f jsonl` (one process)
  xxgk -j CPUS   the same with one worker per CPU
  floor          tools/floor.c: inflate the main part, SAX2 parse, no handlers
  python-docx    one Python process reading every cell of every table
  pandoc         `pandoc -f docx -t json FILE` (one process per file, as
                 users run it)

Single-process tools (all but xxgk -j CPUS) run on one CPU, the same for
all, unless --no-pin: on a shared virtual machine the CPUs' speeds differ
from minute to minute, and a process that moves between them is timed on
a mix. Each figure is the median of the runs. python-docx and pandoc are timed on
a subset (their per-report time is what is compared; totals are scaled).
Peak RSS is the child's ru_maxrss (for pandoc, the largest of its
processes). Then the scale checks: reports padded with k times the
paragraphs and tables, and -j 2 against -j 1.
"""

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "performance.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

DOCX_READER = r"""
import sys, docx
paths = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
chars = 0
for p in paths:
    d = docx.Document(p)
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                chars += len(c.text)
print(chars)
"""


RSS_FILE = None


PIN = None  # the CPU single-process tools run on, or None
SCALE_RUNS = 5


def run(argv, stdin_path=None, pin=True):
    """Run argv; return (wall s, cpu s, peak RSS KiB, exit status, stderr).

    The peak RSS comes from GNU time: a child forked from this Python
    process would report Python's own RSS as its high-water mark. With
    `pin` (and PIN set) the process runs on that one CPU."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    cpu = PIN if pin else None
    pre = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None else None
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", RSS_FILE] + argv, stdin=stdin,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=pre)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if stdin_path:
        stdin.close()
    with open(RSS_FILE) as f:
        rss = int(f.read().split()[-1])
    return wall, ru.ru_utime + ru.ru_stime, rss, p.returncode, err


def run_each(argv_of, paths):
    """One process per file: summed wall and CPU, the largest RSS."""
    wall = cpu = 0.0
    rss = 0
    for path in paths:
        w, c, r, rc, err = run(argv_of(path))
        if rc != 0:
            sys.exit("bench: %s failed on %s: %s" % (argv_of(path)[0], path, err[-300:]))
        wall, cpu, rss = wall + w, cpu + c, max(rss, r)
    return wall, cpu, rss, 0, b""


class Tool:
    def __init__(self, name, files, fn, note=""):
        self.name, self.files, self.fn, self.note = name, files, fn, note
        self.samples = []
        self.runs = 1

    def once(self):
        wall, cpu, rss, rc, err = self.fn()
        if rc != 0:
            sys.exit("bench: %s exited %d: %s" % (self.name, rc, err.decode(errors="replace")[-500:]))
        self.samples.append((wall, cpu, rss))

    def median(self):
        return tuple(statistics.median(s[i] for s in self.samples) for i in range(3))

    def per_report(self):
        wall, cpu, rss = self.median()
        return wall / self.files, cpu / self.files, rss


def write_list(path, files):
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in files))
    return path


def readable(args, path):
    """True when xxgk, python-docx and pandoc all read the file."""
    checks = [
        [args.xxgk, "extract", path],
        [args.python, "-c", "import docx,sys; docx.Document(sys.argv[1])", path],
        ["pandoc", "-f", "docx", "-t", "json", path, "-o", os.devnull],
    ]
    return all(subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
               for c in checks)


def make_batch(args, work):
    corpus = os.path.join(ROOT, "corpus")
    cands = sorted(os.path.join(corpus, d, "input.docx") for d in os.listdir(corpus)
                   if d != "errors" and os.path.isfile(os.path.join(corpus, d, "input.docx")))
    good = [p for p in cands if readable(args, p)]
    if not good:
        sys.exit("bench: no corpus report is read by every tool")
    batch = os.path.join(work, "batch")
    shutil.rmtree(batch, ignore_errors=True)
    os.makedirs(batch)
    files = []
    for i in range(args.n):
        src = good[i % len(good)]
        dst = os.path.join(batch, "%05d-%s.docx" % (i, os.path.basename(os.path.dirname(src))))
        shutil.copyfile(src, dst)
        files.append(dst)
    return good, cands, files


def pad(src, dst, k):
    """A copy of src whose body holds k copies of the original body."""
    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out = []
    for info, data in items:
        if info.filename == "word/document.xml":
            xml = data.decode("utf-8")
            b = xml.index(">", xml.index("<w:body")) + 1
            e = xml.rindex("<w:sectPr") if "<w:sectPr" in xml else xml.rindex("</w:body>")
            xml = xml[:b] + xml[b:e] * k + xml[e:]
            data = xml.encode("utf-8")
        out.append((info, data))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info.filename, data)


def interleave(tools, runs):
    for r in range(runs):
        for t in tools:
            if r < t.runs:
                t.once()
        print("  run %d/%d done (load %.2f)" % (r + 1, runs, os.getloadavg()[0]), file=sys.stderr)


def fmt_row(t, base, n):
    wall, cpu, rss = t.per_report()
    bw, _, brss = base.per_report()
    return "| %s | %d×%d | %.0f | %.2f | %.2f | %.1f | %s | %.2f |" % (
        t.name, t.files, len(t.samples), 1 / wall, wall * 1e3, cpu * 1e3, rss / 1024,
        "%.2f" % (wall / bw) if wall / bw < 10 else "%.0f" % (wall / bw), rss / brss)


def versions(args):
    def out(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "xxgk": out([args.xxgk, "--version"]),
        "libxml2": out(["pkg-config", "--modversion", "libxml-2.0"]),
        "libzip": out(["pkg-config", "--modversion", "libzip"]),
        "python-docx": out([args.python, "-c", "import docx; print(docx.__version__)"]),
        "python": out([args.python, "--version"]),
        "pandoc": out(["pandoc", "--version"]),
        "cpu": "%s, %d CPUs" % (cpu, os.cpu_count() or 0),
        "os": platform.platform(),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xxgk", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("-n", type=int, default=1000, help="reports in the batch (1000)")
    ap.add_argument("-r", "--runs", type=int, default=5, help="runs of xxgk and the floor (5)")
    ap.add_argument("--docx-files", type=int, default=100, help="python-docx subset (100)")
    ap.add_argument("--pandoc-files", type=int, default=20, help="pandoc subset (20)")
    ap.add_argument("--slow-runs", type=int, default=3, help="runs of python-docx and pandoc (3)")
    ap.add_argument("--no-pin", action="store_true",
                    help="let single-process tools run on any CPU (default: all on the first "
                         "CPU this script may use, so that they are compared on the same one)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/performance.md")
    ap.add_argument("--no-install", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    global RSS_FILE, PIN
    RSS_FILE = os.path.join(work, "rss.txt")
    cpus = os.cpu_count() or 1
    if not args.no_pin and hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1:
        PIN = min(os.sched_getaffinity(0))
    load0 = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M %Z")

    print("bench: building a batch of %d reports" % args.n, file=sys.stderr)
    good, cands, files = make_batch(args, work)
    lst = write_list(os.path.join(work, "batch.txt"), files)
    docx_sub = files[:min(args.docx_files, len(files))]
    pandoc_sub = files[:min(args.pandoc_files, len(files))]
    docx_lst = write_list(os.path.join(work, "docx-subset.txt"), docx_sub)
    xx = [args.xxgk, "extract", "-f", "jsonl", "--files-from", "-"]

    tools = [
        Tool("xxgk -j 1", len(files), lambda: run(xx + ["-j", "1"], lst)),
        Tool("xxgk -j %d" % cpus, len(files), lambda: run(xx + ["-j", str(cpus)], lst, pin=False)),
        # -j CPUS runs on every CPU, so it is compared with one worker free to
        # run on any of them too, not with one held on a CPU that may be the
        # fastest or the slowest at the time
        Tool("xxgk -j 1, on any CPU", len(files), lambda: run(xx + ["-j", "1"], lst, pin=False)),
        Tool("floor (inflate + SAX2, empty handlers)", len(files), lambda: run([args.floor, "-"], lst)),
        Tool("python-docx, every cell of every table", len(docx_sub),
             lambda: run([args.python, "-c", DOCX_READER, docx_lst])),
        Tool("pandoc -t json, one process per file", len(pandoc_sub),
             lambda: run_each(lambda p: ["pandoc", "-f", "docx", "-t", "json", p, "-o", os.devnull],
                              pandoc_sub)),
    ]
    for t in tools:
        t.runs = args.runs if t.files == len(files) else args.slow_runs
    print("bench: timing (%d runs; python-docx and pandoc %d)" % (args.runs, args.slow_runs), file=sys.stderr)
    interleave(tools, args.runs)
    x1, xj, x1any, floor, pydocx, pandoc = tools

    # Memory whatever the batch size: the same run over a tenth of the batch.
    small = write_list(os.path.join(work, "batch-small.txt"), files[:max(1, len(files) // 10)])
    rss_small = run(xx + ["-j", "1"], small)[2]

    # Scale: one report padded with k times its paragraphs and tables.
    print("bench: scale", file=sys.stderr)
    base = os.path.join(ROOT, "corpus", "seed-word", "input.docx")
    if base not in good:
        base = good[0]
    sizes = []
    for k in (1, 2, 5, 10, 20):
        padded = os.path.join(work, "padded-%02d.docx" % k)
        pad(base, padded, k)
        m = max(10, 200 // k)
        plst = write_list(os.path.join(work, "padded-%02d.txt" % k), [padded] * m)
        tx = Tool("xxgk", m, lambda plst=plst: run(xx + ["-j", "1"], plst))
        tf = Tool("floor", m, lambda plst=plst: run([args.floor, "-"], plst))
        sizes.append((k, padded, tx, tf))
    # every size in each round, so that a slow minute does not land on one size
    for _ in range(SCALE_RUNS):
        for k, padded, tx, tf in sizes:
            tx.once()
            tf.once()
    curve = [(k, os.path.getsize(padded), tx.per_report(), tf.per_report())
             for k, padded, tx, tf in sizes]
    load1 = os.getloadavg()

    # The table.
    lines = []
    lines.append("Measured %s on %s; load average %.2f %.2f %.2f before, %.2f %.2f %.2f after. %s" % (
        started, versions(args)["cpu"], *load0, *load1,
        "Single-process tools pinned to CPU %d, but for the unpinned xxgk -j 1 that -j %d is compared with." % (PIN, cpus) if PIN is not None
        else "No tool pinned to a CPU."))
    lines.append("")
    lines.append("Batch: %d reports, copies of the %d corpus reports that all three tools read "
                 "(%s), from the page cache. Runs interleaved; medians of %d runs "
                 "(python-docx and pandoc: %d runs on the first %d and %d files, compared per report)."
                 % (len(files), len(good), ", ".join(os.path.basename(os.path.dirname(g)) for g in good),
                    args.runs, args.slow_runs, len(docx_sub), len(pandoc_sub)))
    lines.append("")
    lines.append("| tool | files×runs | reports/s | ms/report | CPU ms/report | peak RSS MB | time ÷ xxgk -j 1 | RSS ÷ xxgk -j 1 |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for t in tools:
        lines.append(fmt_row(t, x1, len(files)))
    lines.append("")
    w1, c1, r1 = x1.per_report()
    wj = xj.per_report()[0]
    w1any = x1any.per_report()[0]
    wf, cf, _ = floor.per_report()
    wd = pydocx.per_report()[0]
    checks = [
        ("single worker ≥ 100× python-docx's throughput", wd / w1, ">=", 100.0),
        ("single worker ≤ 1.25× the floor's per-report time (wall)", w1 / wf, "<=", 1.25),
        ("single worker ≤ 1.25× the floor's per-report time (CPU)", c1 / cf, "<=", 1.25),
        ("peak RSS < 30 MB (%d reports)" % len(files), r1 / 1024, "<", 30.0),
        ("peak RSS < 30 MB (%d reports)" % max(1, len(files) // 10), rss_small / 1024, "<", 30.0),
        ("-j %d ≥ 1.8× the single worker (both on any CPU)" % cpus, w1any / wj, ">=", 1.8),
    ]
    lines.append("| target | measured | met |")
    lines.append("|---|---|---|")
    for what, v, op, lim in checks:
        ok = v >= lim if op == ">=" else v <= lim if op == "<=" else v < lim
        lines.append("| %s | %.2f | %s |" % (what, v, "yes" if ok else "**no**"))
    lines.append("")
    lines.append("Scale: `%s` padded with k copies of its body (paragraphs and tables), "
                 "xxgk -j 1 and the floor, medians of %d interleaved runs over max(10, 200/k) copies:"
                 % (os.path.relpath(base, ROOT), SCALE_RUNS))
    lines.append("")
    lines.append("| k | .docx KB | xxgk ms/report | ÷ k=1 | floor ms/report | ÷ k=1 | xxgk ÷ floor | xxgk peak RSS MB | floor peak RSS MB |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    x0, f0 = curve[0][2][0], curve[0][3][0]
    for k, size, (xw, _, xr), (fw, _, fr) in curve:
        lines.append("| %d | %d | %.2f | %.1f | %.2f | %.1f | %.2f | %.1f | %.1f |" % (
            k, size // 1024, xw * 1e3, xw / x0, fw * 1e3, fw / f0, xw / fw, xr / 1024, fr / 1024))
    lines.append("")
    lines.append("Versions: " + "; ".join("%s %s" % (k, v) for k, v in versions(args).items()
                                          if k not in ("cpu",)) + ".")
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        doc = open(DOC, encoding="utf-8").read() if os.path.exists(DOC) else \
            "# Performance\n\n%s\n%s\n" % (BEGIN, END)
        if BEGIN not in doc or END not in doc:
            doc += "\n%s\n%s\n" % (BEGIN, END)
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(head + BEGIN + "\n" + text + "\n" + END + tail)
        print("bench: wrote %s" % os.path.relpath(DOC, ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
