#!/usr/bin/env python3
"""Write the fuzzers' seed corpora from the test corpus.

    python3 tools/mkfuzzseeds.py

fuzz/corpus/docx/    a flags byte (see fuzz/fuzz_common.h) + a .docx: every
                     corpus/**/input.docx and a few of tests/oddocx/
fuzz/corpus/wordml/  a flags byte + a word/document.xml, with run and paragraph
                     properties stripped so the seeds stay small

Python 3 standard library only; rerunning gives identical files.
"""

import glob
import os
import re
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDML = ["seed-word", "seed-wrappers", "seed-wps", "seed-libreoffice", "different-values",
          "errors_no-report-tables"]
TINY = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>2024\xe5\xb9\xb4</w:t></w:r></w:p>'
        b'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/>'
        b'<w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t><w:tab/><w:br/></w:r></w:p></w:tc>'
        b'<w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>'
        b'<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t>'
        b'</w:r></w:p></w:tc></w:tr></w:tbl><w:sectPr/></w:body></w:document>')
ODD = [
    "oxsdk__complex_table.docx",            # tables nested 8 deep
    "docx2python__strict.docx",             # strict namespaces
    "docx2python__renamed_document_xml.docx",
    "tika__testWORD_protected_passtika.docx",
    "poi__truncated62886.docx",
    "docxrs__table_merged.docx",
    "docxrs__grid_after.docx",
    "oxsdk__sdtRow.docx",
    "poi__Bug66988.docx",
    "tika__testWORD_tableInRunInsideParagraph.docx",
]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def strip(xml):
    for tag in ("w:rPr", "w:pPr", "w:sectPr", "w:tblPr", "w:tblGrid", "w:tcW", "w:tcBorders",
                "w:rFonts", "w:trPr"):
        xml = re.sub(rb"<%s\b[^>]*/>" % tag.encode(), b"", xml)
        xml = re.sub(rb"<%s\b.*?</%s>" % (tag.encode(), tag.encode()), b"", xml, flags=re.S)
    return re.sub(rb' w(14|15)?:(rsid\w*|paraId|textId)="[^"]*"', b"", xml)


def main():
    cases = sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "input.docx"), recursive=True))
    for path in cases:
        name = os.path.relpath(os.path.dirname(path), os.path.join(ROOT, "corpus")).replace("/", "_")
        data = open(path, "rb").read()
        write(os.path.join(ROOT, "fuzz", "corpus", "docx", name), b"\x00" + data)
        if not zipfile.is_zipfile(path):
            continue
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")
                     and n.count("/") == 1 and n not in ("word/styles.xml", "word/settings.xml",
                                                         "word/fontTable.xml")]
            for n in names:
                if name not in WORDML:
                    continue
                xml = strip(z.read(n))
                write(os.path.join(ROOT, "fuzz", "corpus", "wordml", name), bytes([len(name) & 3]) + xml)
    write(os.path.join(ROOT, "fuzz", "corpus", "wordml", "tiny"), b"\x00" + TINY)
    write(os.path.join(ROOT, "fuzz", "corpus", "wordml", "tiny-small"), b"\x03" + TINY)
    for i, odd in enumerate(ODD):
        data = open(os.path.join(ROOT, "tests", "oddocx", odd), "rb").read()
        write(os.path.join(ROOT, "fuzz", "corpus", "docx", "odd-" + odd), bytes([i & 3]) + data)


if __name__ == "__main__":
    main()
