#!/usr/bin/env python3
"""Write the hostile and broken inputs of the error corpus.

    python3 tools/mkhostile.py

Each case goes to corpus/errors/<case>/ as input.docx, expected.json
({"rc": 1, "stderr": "<substring>"}) and, where a limit is lowered, an args
file (one CLI argument per line). The inputs are small: a zip bomb here is
kilobytes on disk. Deterministic: rerunning gives identical bytes. Python 3
standard library only. The table in corpus/README.md says what each case shows.
"""

import os
import struct
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "corpus", "errors")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="%s"/></Relationships>')


def doc(body, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n%s'
            '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (prolog, W, body))


def p(text):
    return "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text


def tc(text="", span=1):
    pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ""
    return "<w:tc>%s%s</w:tc>" % (pr, p(text) if text else "<w:p/>")


def table(rows):
    return "<w:tbl>%s</w:tbl>" % "".join("<w:tr>%s</w:tr>" % "".join(r) for r in rows)


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    path = os.path.join(OUT, ".tmp.zip")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.compress_type = method
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data,
                       compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return data


def package(document, main="word/document.xml", method=zipfile.ZIP_DEFLATED, extra=()):
    return zip_bytes([("[Content_Types].xml", CT), ("_rels/.rels", RELS % main),
                      (main, document)] + list(extra), method)


def patch_method(data, name, method):
    """Set the compression method of entry `name` in both its headers."""
    b = bytearray(data)
    nb = name.encode()
    for sig, moff, noff in ((b"PK\x03\x04", 8, 30), (b"PK\x01\x02", 10, 46)):
        i = b.find(sig)
        while i >= 0:
            if b[i + noff:i + noff + len(nb)] == nb:
                struct.pack_into("<H", b, i + moff, method)
            i = b.find(sig, i + 1)
    return bytes(b)


def set_size(data, name, size):
    """Make both headers of entry `name` declare `size` uncompressed bytes (a lie)."""
    b = bytearray(data)
    nb = name.encode()
    for sig, soff, noff in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        i = b.find(sig)
        while i >= 0:
            if b[i + noff:i + noff + len(nb)] == nb:
                struct.pack_into("<I", b, i + soff, size)
            i = b.find(sig, i + 1)
    return bytes(b)


def flip_stored_byte(data, needle):
    """Change one byte of a stored part's data (its CRC no longer matches)."""
    i = data.find(needle)
    assert i > 0
    return data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:]


def ole(stream_names):
    """The start of an OLE compound file whose directory names `stream_names`."""
    head = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    dirs = b""
    for n in stream_names:
        u = n.encode("utf-16-le") + b"\0\0"
        dirs += u + bytes(64 - len(u)) + struct.pack("<H", len(u)) + bytes(62)
    return head + dirs + bytes(1024)


def nested_tables(depth):
    inner = p("innermost")
    for _ in range(depth):
        inner = "<w:tbl><w:tr><w:tc>%s<w:p/></w:tc></w:tr></w:tbl>" % inner
    return inner + "<w:p/>"


def laughs():
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        ents.append('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10))
    return "<!DOCTYPE w:document [%s]>" % "".join(ents)


REPORT_ROWS = [[tc("本年新收政府信息公开申请数量"), tc("5")]] + [[tc("x%d" % i), tc("1")] for i in range(11)]


def cases():
    """(name, input bytes, stderr substring, args)"""
    small = doc(table(REPORT_ROWS))
    yield ("zip-bomb", package(doc(p(" " * (24 << 20)))),
           "over the limit max_ratio=200", [])
    yield ("part-bytes", package(small), "max_part_bytes=1000", ["--limit", "part_bytes=1000"])
    yield ("total-bytes", package(small), "max_total_bytes=1200",
           ["--limit", "total_bytes=1200"])
    yield ("file-bytes", package(small), "max_file_bytes=500", ["--limit", "file_bytes=500"])
    yield ("zip-entries", package(small, extra=[("word/x%d.xml" % i, "<x/>") for i in range(3)]),
           "max_zip_entries=4", ["--limit", "zip_entries=4"])
    yield ("xml-depth", package(doc("<w:sdt>" * 200 + "</w:sdt>" * 200)),
           "more than 150 deep (limit max_xml_depth)", ["--limit", "xml_depth=150"])
    yield ("xml-depth-default", package(doc("<w:sdt>" * 400 + "</w:sdt>" * 400)),
           "limit max_xml_depth", [])
    yield ("table-nested-9", package(doc(nested_tables(9))), "limit max_table_depth", [])
    yield ("table-depth", package(doc(nested_tables(2))), "limit max_table_depth",
           ["--limit", "table_depth=1"])
    yield ("rows", package(small), "limit max_rows", ["--limit", "rows=10"])
    yield ("cells", package(small), "limit max_cells", ["--limit", "cells=20"])
    yield ("cols", package(doc(table([[tc("a", 3), tc("b")]]))), "limit max_cols=3",
           ["--limit", "cols=3"])
    yield ("grid-cells", package(doc(table([[tc("", 256)]] * 2000))), "limit max_cells=500000", [])
    yield ("cell-text", package(small), "limit max_cell_text", ["--limit", "cell_text=10"])
    yield ("paragraphs", package(doc(p("a") * 10)), "limit max_paragraphs", ["--limit", "paragraphs=5"])
    yield ("xxe-external-entity", package(doc(
        table([[tc("&xxe;"), tc("&net;")]]),
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/xxe">]>\n')),
        "no 2019- or 2021-format report tables found", [])
    yield ("external-dtd", package(doc(
        p("x"), '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd" '
                '[<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>\n')),
        "no 2019- or 2021-format report tables found", [])
    yield ("billion-laughs", package(doc(p("&lol9;"), laughs() + "\n")), "expand without bound", [])
    yield ("malformed-xml", package(doc(table([[tc("a")]]).replace("</w:tr>", "</w:tc>", 1))),
           "malformed XML in word/document.xml at line 2", [])
    yield ("encoding-error", package(doc(p("本年新收")).replace('encoding="UTF-8"', 'encoding="EUC-JP"')),
           "malformed XML in word/document.xml", [])
    yield ("crc-error", flip_stored_byte(package(doc(p("本年新收")), method=zipfile.ZIP_STORED),
                                         b"w:body"), "CRC error", [])
    yield ("compression-method", patch_method(package(small), "word/document.xml", 19),
           "Compression method not supported", [])
    yield ("no-rels", zip_bytes([("[Content_Types].xml", CT), ("word/document.xml", small)]),
           "no main document part", [])
    yield ("dangling-rel", zip_bytes([("[Content_Types].xml", CT),
                                      ("_rels/.rels", RELS % "word/missing1.xml"),
                                      ("word/document.xml", small)]),
           "word/missing1.xml, which the package does not have", [])
    yield ("lying-sizes", set_size(package(doc(p(" " * (24 << 20)))), "word/document.xml", 1000),
           "over the limit max_ratio=200", [])
    yield ("header-rows", package(doc(table(
        [[tc("本年新收")]] + [[tc("甲乙丙丁" * 50 + str(i), 256)] for i in range(1900)]))),
        "no 2019- or 2021-format report tables found", [])
    yield ("not-wordml", package('<?xml version="1.0"?><a:themeManager '
                                 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
                                 main="theme/theme/themeManager.xml"),
           "not a WordprocessingML document", [])
    yield ("doc-renamed", ole(["Root Entry", "WordDocument", "1Table"]), "save it as .docx", [])
    yield ("encrypted", ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), "password", [])
    yield ("empty-file", b"", "empty", [])


def main():
    import json
    os.makedirs(OUT, exist_ok=True)
    for name, data, err, args in cases():
        d = os.path.join(OUT, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "input.docx"), "wb") as f:
            f.write(data)
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"rc": 1, "stderr": err}, ensure_ascii=False, indent=2) + "\n")
        if args:
            with open(os.path.join(d, "args"), "w", encoding="utf-8") as f:
                f.write("\n".join(args) + "\n")


if __name__ == "__main__":
    main()
