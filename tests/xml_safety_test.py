#!/usr/bin/env python3
"""Prove that xxgk never fetches what an XML part points to.

    python3 tests/xml_safety_test.py XXGK_BINARY

Builds .docx files in a temporary directory whose main part or _rels/.rels
declares a DOCTYPE with an external DTD, external general and parameter
entities and a "billion laughs" chain of internal entities. Every external
target is either a FIFO (opening it for reading would block: a hang is a
fetch) or http:// on a local port we listen on (a connection is a fetch).
Passes when xxgk exits 0 or 1 with one stderr line within 5 s, never
connects, never opens the FIFOs, and never prints the FIFO marker text.
Python 3 standard library only.
"""

import os
import socket
import subprocess
import sys
import tempfile
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def body(text):
    return ('<w:document xmlns:w="%s"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>%s</w:t>'
            '</w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>%s</w:t></w:r></w:p>'
            '</w:body></w:document>' % (W, text, text))


def cases(fifo, url):
    lol = "".join('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10 if i else "lol")
                  for i in range(10))
    yield "external-general", None, (
        '<!DOCTYPE w:document [<!ENTITY f SYSTEM "%s"><!ENTITY n SYSTEM "%s/e">]>' % (fifo, url)
        + body("&f;&n;"))
    yield "external-dtd", None, ('<!DOCTYPE w:document SYSTEM "%s/dtd">' % url + body("x"))
    yield "external-dtd-fifo", None, ('<!DOCTYPE w:document SYSTEM "%s">' % fifo + body("x"))
    yield "parameter-entity", None, (
        '<!DOCTYPE w:document [<!ENTITY %% p SYSTEM "%s"> %%p; <!ENTITY %% q SYSTEM "%s/p"> %%q;]>'
        % (fifo, url) + body("x"))
    yield "xinclude", None, (
        body('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s"/>' % fifo))
    yield "billion-laughs", None, ("<!DOCTYPE w:document [%s]>" % lol + body("&l9;"))
    yield "rels-external", ('<!DOCTYPE Relationships [<!ENTITY f SYSTEM "%s">]>' % fifo
                            + RELS.replace('Id="rId1"', 'Id="&f;"')), body("x")


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: xml_safety_test.py XXGK_BINARY\n")
        return 2
    binary = os.path.abspath(argv[1])
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "secret.fifo")
        os.mkfifo(fifo)
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(8)
        srv.setblocking(False)
        url = "http://127.0.0.1:%d" % srv.getsockname()[1]
        for name, rels, doc in cases(fifo, url):
            path = os.path.join(tmp, name + ".docx")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("_rels/.rels", '<?xml version="1.0"?>\n' + (rels or RELS))
                z.writestr("word/document.xml", '<?xml version="1.0"?>\n' + doc)
            problems = []
            try:
                proc = subprocess.run([binary, "extract", path], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, timeout=5)
                err = proc.stderr.decode("utf-8", "replace")
                if proc.returncode not in (0, 1):
                    problems.append("exit status %d" % proc.returncode)
                if proc.returncode == 1 and len(err.splitlines()) != 1:
                    problems.append("stderr is not one line: %r" % err[:500])
                if "Sanitizer" in err or "runtime error" in err:
                    problems.append("sanitizer report: %s" % err[:2000])
            except subprocess.TimeoutExpired:
                problems.append("hangs: it opened the FIFO %s (fetched an external entity)" % fifo)
                err = ""
            try:
                conn, _ = srv.accept()
                conn.close()
                problems.append("it connected to %s (fetched over the network)" % url)
            except BlockingIOError:
                pass
            if problems:
                failed += 1
                print("FAIL %s" % name)
                for p in problems:
                    print("  " + p)
            else:
                print("PASS %s: %s" % (name, err.strip() or "exit 0"))
        srv.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
