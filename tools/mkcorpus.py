#!/usr/bin/env python3
"""Build the xxgk test corpus: corpus/<case>/input.docx and corpus/<case>/expected.json.

    python3 tools/mkcorpus.py [--out DIR]

Python 3 standard library only. Rerunnable and deterministic: every zip entry carries the same
fixed timestamp, so two runs write identical bytes.

Inputs (all in tools/corpus_data/):
  2021-format-template.docx  byte copy of /work/shared/template/2021-format-template.docx; its
                             word/document.xml is the base shape of most cases
  banan-samr-2024.txt        byte copy of /work/shared/seed/banan-samr-2024.txt; the cell TEXTS
                             (with their padding) put into the seed cases are read from it
  seed_values.json           the 200 expected VALUES of the seed report, written by hand from the
                             seed text; the expected.json of every seed case comes from it

The documents are built from the seed text and the expected values from the hand-written file,
so a slip in one shows up as a mismatch rather than being copied into both.
"""

import json
import os
import re
import shutil
import sys
import zipfile
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "corpus_data")
ROOT = os.path.dirname(HERE)
TEMPLATE = os.path.join(DATA, "2021-format-template.docx")
SEED_TXT = os.path.join(DATA, "banan-samr-2024.txt")
SEED_VALUES = os.path.join(DATA, "seed_values.json")

ZIP_DATE = (1980, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_OFFICE_DOC = R_NS + "/officeDocument"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# ---------------------------------------------------------------------------------------------
# Field ids of the 2021 template (SCHEMA.md) and where each sits in the template's tables.

ACTIVE_POS = {  # id -> (table, row, cell) in the template's first table
    "active.rules.issued": (0, 2, 1),
    "active.rules.repealed": (0, 2, 2),
    "active.rules.in_force": (0, 2, 3),
    "active.normative_docs.issued": (0, 3, 1),
    "active.normative_docs.repealed": (0, 3, 2),
    "active.normative_docs.in_force": (0, 3, 3),
    "active.licensing.decisions": (0, 6, 1),
    "active.penalty.decisions": (0, 9, 1),
    "active.enforcement.decisions": (0, 10, 1),
    "active.fees.amount": (0, 13, 1),
}
REQ_COLS = ["natural_person", "commercial", "research", "public_interest", "legal_services",
            "other_org", "total"]
REQ_ROWS = [  # in the order of the template's rows 3..27
    "requests.new",
    "requests.carried_over",
    "requests.result.disclosed",
    "requests.result.partly_disclosed",
    "requests.result.withheld.state_secret",
    "requests.result.withheld.prohibited_by_law",
    "requests.result.withheld.security_stability",
    "requests.result.withheld.third_party_rights",
    "requests.result.withheld.internal_affairs",
    "requests.result.withheld.process_info",
    "requests.result.withheld.enforcement_files",
    "requests.result.withheld.inquiry",
    "requests.result.unavailable.not_held",
    "requests.result.unavailable.needs_creation",
    "requests.result.unavailable.unclear",
    "requests.result.not_processed.complaint",
    "requests.result.not_processed.duplicate",
    "requests.result.not_processed.publication",
    "requests.result.not_processed.excessive",
    "requests.result.not_processed.confirmation",
    "requests.result.other.no_correction",
    "requests.result.other.unpaid_fee",
    "requests.result.other.other",
    "requests.result.total",
    "requests.carried_forward",
]
APPEAL_ROWS = ["appeals.review", "appeals.suit_direct", "appeals.suit_after_review"]
APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"]

ALL_IDS = (list(ACTIVE_POS)
           + [r + "." + c for r in REQ_ROWS for c in REQ_COLS]
           + [r + "." + c for r in APPEAL_ROWS for c in APPEAL_COLS])
assert len(ALL_IDS) == 200 and len(set(ALL_IDS)) == 200


def template_pos(fid):
    """(table, row, cell) of a value cell in the template; cell may be negative (from the end)."""
    if fid in ACTIVE_POS:
        return ACTIVE_POS[fid]
    if fid.startswith("requests."):
        row, col = fid.rsplit(".", 1)
        return (1, 3 + REQ_ROWS.index(row), REQ_COLS.index(col) - 7)
    row, col = fid.rsplit(".", 1)
    return (2, 3, 5 * APPEAL_ROWS.index(row) + APPEAL_COLS.index(col))


# ---------------------------------------------------------------------------------------------
# The seed report as text: cell texts exactly as printed, and its prose.

# The label line (as the seed prints it) that precedes each requests row's seven cells.
SEED_REQ_LABELS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]
SEED_PARTLY_LABEL = SEED_REQ_LABELS[3]


class Seed:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            lines = [re.sub(r"^\[bookmark: [^\]]*\]", "", l) for l in f.read().split("\n")]
        self.agency = lines[0]
        self.title2 = lines[1]
        i1 = lines.index("一、总体情况")
        i2 = lines.index("二、主动公开政府信息情况")
        i3 = lines.index("三、收到和处理政府信息公开申请情况")
        i4 = lines.index("四、政府信息公开行政复议、行政诉讼情况")
        i5 = lines.index("五、当前存在的主要问题及下步改进措施")
        i6 = lines.index("六、其他需要报告的事项")
        self.intro = [l for l in lines[i1 + 1:i2] if l.strip()]
        self.sec5_head = lines[i5]
        self.sec5 = [l for l in lines[i5 + 1:i6] if l.strip()]
        self.sec6 = [l for l in lines[i6 + 1:] if l.strip()]

        def take(label, n, lo, hi):
            hits = [k for k in range(lo, hi) if lines[k] == "\t" + label]
            assert len(hits) == 1, (label, hits)
            got = lines[hits[0] + 1:hits[0] + 1 + n]
            assert all(g.startswith("\t") for g in got), (label, got)
            return [g[1:] for g in got]

        cells = {}
        for label, ids in [
            ("规章", ["active.rules.issued", "active.rules.repealed", "active.rules.in_force"]),
            ("行政规范性文件", ["active.normative_docs.issued", "active.normative_docs.repealed",
                         "active.normative_docs.in_force"]),
            ("行政许可", ["active.licensing.decisions"]),
            ("行政处罚", ["active.penalty.decisions"]),
            ("行政强制", ["active.enforcement.decisions"]),
            ("行政事业性收费", ["active.fees.amount"]),
        ]:
            cells.update(zip(ids, take(label, len(ids), i2, i3)))
        for row, label in zip(REQ_ROWS, SEED_REQ_LABELS):
            cells.update(zip([row + "." + c for c in REQ_COLS], take(label, 7, i3, i4)))
        last_total = max(k for k in range(i4, i5) if lines[k] == "\t总计")
        assert lines[last_total + 1] == ""
        got = lines[last_total + 2:last_total + 17]
        assert len(got) == 15 and all(g.startswith("\t") for g in got) and lines[last_total + 17] == ""
        cells.update(zip([r + "." + c for r in APPEAL_ROWS for c in APPEAL_COLS],
                         [g[1:] for g in got]))
        assert set(cells) == set(ALL_IDS)
        self.cells = cells


# ---------------------------------------------------------------------------------------------
# A small string-level model of a WordprocessingML body: enough to fill the template's cells
# and to re-render them in other writers' habits while keeping everything else byte for byte.

VAL_RPR = ('<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" '
           'w:cs="宋体"/><w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="20"/>'
           '<w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar"/></w:rPr>')

P_RE = re.compile(r"<w:p\b[^>]*/>|<w:p\b.*?</w:p>", re.S)
TOKEN_RE = re.compile(r"<w:t(?:\s[^>]*)?>(.*?)</w:t>|<w:t\s*/>|<w:br\b[^>]*/>|<w:tab/>", re.S)


def xml_unescape(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def text_of(xml):
    out = []
    for m in TOKEN_RE.finditer(xml):
        tok = m.group(0)
        if tok.startswith("<w:br"):
            out.append("\n")
        elif tok == "<w:tab/>":
            out.append("\t")
        elif m.group(1) is not None:
            out.append(xml_unescape(m.group(1)))
    return "".join(out)


def t_elem(text, tag="w:t"):
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return "<%s%s>%s</%s>" % (tag, sp, xml_escape(text), tag)


def run_content(text):
    """Children of one w:r for text: w:t pieces, w:br for newline, w:tab for tab."""
    out = []
    for piece in re.split(r"(\n|\t)", text):
        if piece == "\n":
            out.append("<w:br/>")
        elif piece == "\t":
            out.append("<w:tab/>")
        elif piece:
            out.append(t_elem(piece))
    return "".join(out)


def run(text, rpr=VAL_RPR, attrs=""):
    return "<w:r%s>%s%s</w:r>" % (attrs, rpr, run_content(text))


class Para:
    def __init__(self, raw):
        self.raw = raw
        m = re.match(r"<w:p\b([^>]*?)/?>", raw)
        self.attrs = m.group(1)
        ppr = re.search(r"<w:pPr>.*?</w:pPr>", raw, re.S)
        self.ppr = ppr.group(0) if ppr else ""
        rest = raw[m.end():].replace(self.ppr, "", 1)
        r = re.search(r"<w:r\b[^>]*>(.*?)</w:r>", rest, re.S)
        rpr = re.match(r"<w:rPr>.*?</w:rPr>", r.group(1), re.S) if r else None
        self.rpr = rpr.group(0) if rpr else ""
        self.text = text_of(rest)
        self.dirty = False
        self.xml = None  # a full replacement, when set

    def copy(self, text, keep_id=False):
        p = Para(self.raw)
        if not keep_id:
            p.attrs = re.sub(r'\s+w14:\w+="[^"]*"', "", p.attrs)
        p.set(text)
        return p

    def set(self, text):
        self.text = text
        self.dirty = True
        if not self.rpr:
            self.rpr = VAL_RPR


class Cell:
    def __init__(self, raw):
        tcpr = re.match(r"<w:tc>(<w:tcPr>.*?</w:tcPr>)?", raw, re.S)
        self.tcpr = tcpr.group(1) or ""
        self.paras = [Para(m.group(0)) for m in P_RE.finditer(raw)]
        self.xml = None  # replacement for the cell's content (after tcPr)
        self.wrap = ("", "")

    @property
    def span(self):
        m = re.search(r'<w:gridSpan w:val="(\d+)"/>', self.tcpr)
        return int(m.group(1)) if m else 1

    @property
    def text(self):
        return "\n".join(p.text for p in self.paras)

    def set(self, text):
        p = self.paras[0]
        p.set(text)
        self.paras = [p]


class Row:
    def __init__(self, raw):
        m = re.match(r"<w:tr\b[^>]*>", raw)
        self.open = m.group(0)
        first = raw.index("<w:tc>")
        self.pre = raw[m.end():first]
        self.cells = [Cell(c.group(0)) for c in re.finditer(r"<w:tc>.*?</w:tc>", raw, re.S)]
        self.wrap = ("", "")


class Table:
    def __init__(self, raw):
        first = raw.index("<w:tr")
        self.pre = raw[len("<w:tbl>"):first]
        self.rows = [Row(r.group(0)) for r in re.finditer(r"<w:tr\b.*?</w:tr>", raw, re.S)]
        self.wrap = ("", "")

    def cell(self, r, c):
        return self.rows[r].cells[c]


class Doc:
    """A document.xml split into head, body items (Para | Table | raw str) and sectPr."""

    def __init__(self, xml):
        b0 = xml.index("<w:body>") + len("<w:body>")
        b1 = xml.index("</w:body>")
        self.head = xml[:b0]
        self.tail = xml[b1:]
        body = xml[b0:b1]
        self.items = []
        pos = 0
        for m in re.finditer(r"<w:tbl>.*?</w:tbl>|<w:p\b[^>]*/>|<w:p\b.*?</w:p>|<w:sectPr>.*?</w:sectPr>",
                             body, re.S):
            assert body[pos:m.start()].strip() == "", body[pos:m.start()][:200]
            s = m.group(0)
            if s.startswith("<w:tbl>"):
                self.items.append(Table(s))
            elif s.startswith("<w:sectPr>"):
                self.items.append(s)
            else:
                self.items.append(Para(s))
            pos = m.end()
        assert body[pos:].strip() == ""

    @property
    def tables(self):
        return [i for i in self.items if isinstance(i, Table)]

    def find(self, text, start=0):
        for k in range(start, len(self.items)):
            it = self.items[k]
            if isinstance(it, Para) and it.text == text:
                return k
        raise KeyError(text)

    def cell_of(self, fid):
        t, r, c = template_pos(fid)
        return self.tables[t].cell(r, c)

    def fill(self, texts):
        for fid, txt in texts.items():
            self.cell_of(fid).set(txt)


class Renderer:
    """Word's habits: untouched paragraphs stay as they were, changed ones get one run."""

    def para(self, p):
        if p.xml is not None:
            return p.xml
        if not p.dirty:
            return p.raw
        return "<w:p%s>%s%s</w:p>" % (p.attrs, p.ppr, self.runs(p.text, p.rpr))

    def runs(self, text, rpr):
        return run(text, rpr) if text else ""

    def cell(self, c):
        inner = c.xml if c.xml is not None else "".join(self.para(p) for p in c.paras)
        return c.wrap[0] + "<w:tc>" + c.tcpr + inner + "</w:tc>" + c.wrap[1]

    def row(self, r):
        return (r.wrap[0] + r.open + r.pre + "".join(self.cell(c) for c in r.cells) + "</w:tr>"
                + r.wrap[1])

    def table(self, t):
        return (t.wrap[0] + "<w:tbl>" + t.pre + "".join(self.row(r) for r in t.rows)
                + "</w:tbl>" + t.wrap[1])

    def doc(self, d):
        out = [d.head]
        for it in d.items:
            if isinstance(it, Table):
                out.append(self.table(it))
            elif isinstance(it, Para):
                out.append(self.para(it))
            else:
                out.append(it)
        out.append(d.tail)
        return "".join(out)


class SplitRunsRenderer(Renderer):
    """Every non-empty paragraph re-rendered with its text cut into runs of 2, 3, 1 characters
    (so 26915 becomes 26 | 915), with proofErr marks and bookmarks between the runs."""

    def __init__(self):
        self.n = 0

    def para(self, p):
        if p.xml is not None:
            return p.xml
        if not p.text:
            return p.raw if not p.dirty else "<w:p%s>%s</w:p>" % (p.attrs, p.ppr)
        return "<w:p%s>%s%s</w:p>" % (p.attrs, p.ppr, self.runs(p.text, p.rpr or VAL_RPR))

    def runs(self, text, rpr):
        sizes = [2, 3, 1]
        chunks = []
        i = 0
        k = 0
        while i < len(text):
            n = sizes[k % 3]
            chunks.append(text[i:i + n])
            i += n
            k += 1
        out = []
        open_bm = None
        for j, ch in enumerate(chunks):
            self.n += 1
            kind = self.n % 4
            if j > 0 and kind == 1:
                out.append('<w:proofErr w:type="spellStart"/>')
            elif j > 0 and kind == 2:
                out.append('<w:proofErr w:type="spellEnd"/>')
            elif j > 0 and kind == 3 and open_bm is None:
                open_bm = self.n
                out.append('<w:bookmarkStart w:id="%d" w:name="_Hlk%08d"/>' % (open_bm, open_bm))
            if ch.strip() != ch or ch.isspace():
                piece = run(ch, rpr, ' w:rsidR="00C%05d"' % (self.n % 99999))
            else:
                piece = run(ch, rpr)
            out.append(piece)
            if open_bm is not None and kind == 0:
                out.append('<w:bookmarkEnd w:id="%d"/>' % open_bm)
                open_bm = None
        if open_bm is not None:
            out.append('<w:bookmarkEnd w:id="%d"/>' % open_bm)
        return "".join(out)


# ---------------------------------------------------------------------------------------------
# Packages

def read_template():
    with zipfile.ZipFile(TEMPLATE) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def template_doc():
    parts = dict(read_template())
    return Doc(parts["word/document.xml"].decode("utf-8"))


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o644 << 16
            zi.create_system = 3
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(zi, data)


def template_package(document_xml, main_part="word/document.xml"):
    """The template's parts with word/document.xml replaced (and possibly renamed)."""
    out = []
    for name, data in read_template():
        if name == "word/document.xml":
            out.append((main_part, document_xml))
        elif name == "word/_rels/document.xml.rels" and main_part != "word/document.xml":
            d, f = main_part.rsplit("/", 1)
            out.append((d + "/_rels/" + f + ".rels", data))
        elif name == "_rels/.rels":
            out.append((name, data.decode("utf-8").replace(
                'Target="word/document.xml"', 'Target="%s"' % main_part).encode("utf-8")))
        elif name == "[Content_Types].xml":
            out.append((name, data.decode("utf-8").replace(
                'PartName="/word/document.xml"', 'PartName="/%s"' % main_part).encode("utf-8")))
        else:
            out.append((name, data))
    return out


MIN_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="%s"/></Types>' % CT_MAIN)
MIN_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s" Target="word/document.xml"/></Relationships>'
            % REL_OFFICE_DOC)
MIN_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')


def minimal_package(document_xml):
    return [("[Content_Types].xml", MIN_CT), ("_rels/.rels", MIN_RELS),
            ("word/_rels/document.xml.rels", MIN_DOC_RELS), ("word/document.xml", document_xml)]


# ---------------------------------------------------------------------------------------------
# Shared builders

def seed_doc(seed, title="two", year_text=None):
    """The template filled with the seed report, as an agency fills it."""
    d = template_doc()
    k = d.find("政府信息公开工作年度报告格式模板")
    tp = d.items[k]
    title2 = seed.title2 if year_text is None else seed.title2.replace("2024年", year_text)
    if title == "two":
        d.items[k:k + 1] = [tp.copy(seed.agency, keep_id=True), tp.copy(title2)]
    else:
        d.items[k:k + 1] = [tp.copy(seed.agency + title2, keep_id=True)]
    k = d.find("一、总体情况")
    body = d.items[k + 1]
    assert body.text == "（文字描述）"
    d.items[k + 1:k + 2] = [body.copy(t) for t in seed.intro]
    k = d.find("五、存在的主要问题及改进情况")
    d.items[k].set(seed.sec5_head)
    assert d.items[k + 1].text == "（文字描述）"
    d.items[k + 1:k + 2] = [body.copy(t) for t in seed.sec5]
    k = d.find("（文字描述，收取信息处理费情况在此处报告。）")
    d.items[k:k + 1] = [body.copy(t) for t in seed.sec6]
    d.fill(seed.cells)
    # The seed's （二）部分公开 row carries the table's 勾稽关系 note instead of its own label.
    lab = d.tables[1].cell(6, 1)
    assert lab.text.startswith("（二）部分公开（区分处理的")
    lab.set(SEED_PARTLY_LABEL)
    return d


def word_vmerge(xml):
    """Word writes a vMerge continuation as a bare <w:vMerge/>."""
    return xml.replace('<w:vMerge w:val="continue"/>', "<w:vMerge/>")


def simple_table(rows, widths, borders=True):
    """A plain Word table; a cell is a str (one paragraph, may hold \\n for several) or raw XML
    (starting with '<') placed as the cell's content."""
    b = ('<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
         '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
         if borders else "")
    out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>%s'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>%s</w:tblGrid>'
           % (sum(widths), b, "".join('<w:gridCol w:w="%d"/>' % w for w in widths))]
    for row in rows:
        out.append("<w:tr>")
        for w, c in zip(widths, row):
            out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>' % w)
            if c.startswith("<"):
                out.append(c)
            else:
                out.extend("<w:p>%s</w:p>" % (run(line) if line else "") for line in c.split("\n"))
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def body_p(text, bold=False):
    rpr = ('<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" '
           'w:cs="宋体"/>%s<w:sz w:val="24"/></w:rPr>' % ("<w:b/>" if bold else ""))
    return '<w:p><w:pPr><w:ind w:firstLine="480"/></w:pPr>%s</w:p>' % (run(text, rpr) if text else "")


# ---------------------------------------------------------------------------------------------
# Cases. Each returns (parts or raw bytes, expected dict, extra files dict).

def expected_ok(values, agency, year, warnings=None, checks=(), **extra):
    """checks: the check.* warnings the report must raise, exactly ([] for a consistent one)."""
    assert list(values) == ALL_IDS or set(values) == set(ALL_IDS)
    e = {"rc": 0, "agency": agency, "year": year, "template": "2021",
         "values": {k: values[k] for k in ALL_IDS}}
    if warnings:
        e["warnings"] = warnings
    e["checks"] = list(checks)
    e.update(extra)
    return e


def load_seed_values():
    with open(SEED_VALUES, encoding="utf-8") as f:
        v = json.load(f)
    assert set(v) == set(ALL_IDS), set(v) ^ set(ALL_IDS)
    return v


def case_seed_word(seed, sv):
    d = seed_doc(seed)
    # a bookmark before the title text, as the seed's export shows one there
    p = d.items[d.find(seed.agency)]
    p.xml = ("<w:p%s>%s<w:bookmarkStart w:id=\"90\" w:name=\"OLE_LINK9\"/><w:bookmarkEnd w:id=\"90\"/>%s</w:p>"
             % (p.attrs, p.ppr, run(p.text, p.rpr)))
    xml = word_vmerge(Renderer().doc(d))
    return template_package(xml), expected_ok(sv, seed.agency, 2024)


def case_seed_runs(seed, sv):
    d = seed_doc(seed)
    xml = SplitRunsRenderer().doc(d)
    return template_package(xml), expected_ok(sv, seed.agency, 2024)


def _p(p, inner):
    return "<w:p%s>%s%s</w:p>" % (p.attrs, p.ppr, inner)


def case_seed_wrappers(seed, sv):
    d = seed_doc(seed)
    t0, t1, t2 = d.tables
    C = seed.cells

    def cell_inner(fid, inner_runs):
        c = d.cell_of(fid)
        c.xml = _p(c.paras[0], inner_runs)
        return c

    # the agency line of the title inside a block-level content control
    k = d.find(seed.agency)
    d.items[k:k + 1] = ['<w:sdt><w:sdtPr><w:alias w:val="机关名称"/><w:tag w:val="agency"/>'
                        '<w:id w:val="101"/></w:sdtPr><w:sdtContent>', d.items[k],
                        "</w:sdtContent></w:sdt>"]
    # the whole table 二 inside a block-level content control
    t0.wrap = ('<w:sdt><w:sdtPr><w:id w:val="102"/></w:sdtPr><w:sdtContent>',
               "</w:sdtContent></w:sdt>")
    # run-level content control inside the paragraph
    cell_inner("active.rules.issued",
               '<w:sdt><w:sdtPr><w:alias w:val="规章制发"/><w:tag w:val="rules_issued"/>'
               '<w:id w:val="103"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
               % run(C["active.rules.issued"]))
    # smart tag (the Chinese number-unit one Word used to add)
    cell_inner("active.rules.repealed",
               '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv">'
               '<w:smartTagPr><w:attr w:name="UnitName" w:val="件"/><w:attr w:name="SourceValue" '
               'w:val="0"/></w:smartTagPr>%s</w:smartTag>' % run(C["active.rules.repealed"]))
    # inline custom XML
    cell_inner("active.rules.in_force",
               '<w:customXml w:uri="urn:xxgk:test" w:element="count">%s</w:customXml>'
               % run(C["active.rules.in_force"]))
    # the 行政规范性文件 row inside a row-level content control; its label holds a tab
    t0.rows[3].wrap = ('<w:sdt><w:sdtPr><w:id w:val="104"/></w:sdtPr><w:sdtContent>',
                       "</w:sdtContent></w:sdt>")
    lab = t0.cell(3, 0)
    lab.xml = _p(lab.paras[0], run("行政\t规范性文件", lab.paras[0].rpr))
    # complex field: the code must not appear, the cached result must
    cell_inner("active.licensing.decisions",
               '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               '<w:r><w:instrText xml:space="preserve"> MERGEFIELD licensing_2023 </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
               + run("26") + run("915") +
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    # tracked changes: 8 + deleted 9 + inserted 81 reads 881
    assert C["active.penalty.decisions"] == "881"
    cell_inner("active.penalty.decisions",
               run("8") +
               '<w:del w:id="201" w:author="审核人" w:date="2025-01-10T09:00:00Z">'
               '<w:r>%s<w:delText>9</w:delText></w:r></w:del>'
               '<w:ins w:id="202" w:author="审核人" w:date="2025-01-10T09:00:00Z">%s</w:ins>'
               % (VAL_RPR, run("81")))
    # hyperlink (internal anchor, no relationship needed)
    cell_inner("active.enforcement.decisions",
               '<w:hyperlink w:anchor="_Toc150" w:history="1">%s</w:hyperlink>'
               % run(C["active.enforcement.decisions"]))
    # simple field whose instruction holds digits
    cell_inner("active.fees.amount",
               '<w:fldSimple w:instr=" =54195/10000 \\# &quot;0.0000&quot; ">%s</w:fldSimple>'
               % run(C["active.fees.amount"]))

    # table 三: a cell inside a cell-level content control
    r3 = t1.rows[3]
    ci = len(r3.cells) - 7  # natural_person
    r3.cells[ci].wrap = ('<w:sdt><w:sdtPr><w:id w:val="105"/></w:sdtPr><w:sdtContent>',
                         "</w:sdtContent></w:sdt>")
    # label with a line break
    lab = r3.cells[0]
    lab.xml = _p(lab.paras[0], run("一、本年新收\n政府信息公开申请数量", lab.paras[0].rpr))
    # a whole row inside a row-level content control
    t1.rows[4].wrap = ('<w:sdt><w:sdtPr><w:id w:val="106"/></w:sdtPr><w:sdtContent>',
                       "</w:sdtContent></w:sdt>")
    # （三）不予公开 with a break, 4.保护第三方合法权益 with a tab after the ordinal
    lab = t1.cell(7, 1)
    assert lab.text == "（三）不予公开"
    lab.xml = _p(lab.paras[0], run("（三）\n不予公开", lab.paras[0].rpr))
    lab = t1.cell(10, 2)
    assert lab.text == "4.保护第三方合法权益"
    lab.xml = _p(lab.paras[0], run("4.\t保护第三方合法权益", lab.paras[0].rpr))
    # 5.属于三类内部事务信息: the value 2 in a smart tag inside custom XML
    cell_inner("requests.result.withheld.internal_affairs.natural_person",
               '<w:customXml w:element="v"><w:smartTag w:uri="urn:schemas-microsoft-com:office:'
               'smarttags" w:element="chmetcnv">%s</w:smartTag></w:customXml>'
               % run(C["requests.result.withheld.internal_affairs.natural_person"]))
    # 7.属于行政执法案卷 total in a hyperlink
    cell_inner("requests.result.withheld.enforcement_files.total",
               '<w:hyperlink w:anchor="cases">%s</w:hyperlink>'
               % run(C["requests.result.withheld.enforcement_files.total"]))
    # （七）总计 total as a complex SUM field; natural_person with deleted 5 and inserted 6
    cell_inner("requests.result.total.total",
               '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               '<w:r><w:instrText xml:space="preserve"> =SUM(ABOVE) \\* MERGEFORMAT </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % run(C["requests.result.total.total"]))
    assert C["requests.result.total.natural_person"] == "6"
    cell_inner("requests.result.total.natural_person",
               '<w:del w:id="203" w:author="a" w:date="2025-01-10T09:00:00Z"><w:r>'
               '<w:delText>5</w:delText></w:r></w:del>'
               '<w:ins w:id="204" w:author="a" w:date="2025-01-10T09:00:00Z">%s</w:ins>' % run("6"))
    # block-level custom XML and content control around a cell's paragraph
    c = d.cell_of("appeals.review.total")
    c.xml = '<w:customXml w:element="cell">%s</w:customXml>' % _p(c.paras[0], run(C["appeals.review.total"]))
    c = d.cell_of("appeals.suit_direct.upheld")
    c.xml = ('<w:sdt><w:sdtPr><w:id w:val="107"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
             % _p(c.paras[0], run(C["appeals.suit_direct.upheld"])))
    # an empty paragraph with only a deletion after the real one
    c = d.cell_of("appeals.suit_direct.total")
    c.xml = (_p(c.paras[0], run(C["appeals.suit_direct.total"]))
             + '<w:p><w:del w:id="205" w:author="a" w:date="2025-01-10T09:00:00Z"><w:r>'
             '<w:delText>2</w:delText></w:r></w:del></w:p>')
    xml = Renderer().doc(d)
    return template_package(xml), expected_ok(sv, seed.agency, 2024)


LO_ROOT = ('<w:document xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:w10="urn:schemas-microsoft-com:office:word" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">')


def lo_regrid(t, pieces):
    """Split every template grid column i into pieces[i] narrow columns, as LibreOffice writes a
    table whose rows do not line up, and widen every cell's gridSpan to match."""
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', t.pre)]
    assert len(widths) == len(pieces)
    cols = []
    for w, k in zip(widths, pieces):
        cols += [w // k] * (k - 1) + [w - (w // k) * (k - 1)]
    t.pre = re.sub(r"<w:tblGrid>.*?</w:tblGrid>",
                   "<w:tblGrid>%s</w:tblGrid>" % "".join('<w:gridCol w:w="%d"/>' % c for c in cols),
                   t.pre, flags=re.S)
    for r in t.rows:
        r.pre = re.sub(r"<w:tblPrEx>.*?</w:tblPrEx>", "", r.pre, flags=re.S)
        col = 0
        for c in r.cells:
            s = c.span
            n = sum(pieces[col:col + s])
            col += s
            c.tcpr = re.sub(r'<w:gridSpan w:val="\d+"/>', "", c.tcpr)
            if n > 1:
                c.tcpr = re.sub(r'(<w:tcW [^>]*/>)', r'\1<w:gridSpan w:val="%d"/>' % n, c.tcpr, count=1)
        assert col == len(widths), (col, len(widths))


def case_seed_libreoffice(seed, sv):
    d = seed_doc(seed, title="one")
    for t in d.tables:
        n = len(re.findall(r"<w:gridCol ", t.pre))
        lo_regrid(t, [2 + (i % 3) for i in range(n)])
    xml = Renderer().doc(d)
    xml = re.sub(r"<w:document [^>]*>", LO_ROOT, xml, count=1)
    xml = re.sub(r'\s+w14:\w+="[^"]*"', "", xml)
    assert "w14:" not in xml and "w15:" not in xml
    assert xml.count('<w:vMerge w:val="continue"/>') > 0
    parts = [(n, b) for n, b in template_package(xml)]
    return parts, expected_ok(sv, seed.agency, 2024)


WPS_TEXTBOX = (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>4000000</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="1400000" cy="400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1400000" cy="400000"/>'
    '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>扫码关注政务公开专栏</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr rot="0" wrap="square"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" o:spt="202" type="#_x0000_t202" '
    'style="position:absolute;margin-left:315pt;width:110pt;height:31.5pt;z-index:251659264">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>扫码关注政务公开专栏</w:t></w:r></w:p></w:txbxContent></v:textbox>'
    '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


def case_seed_wps(seed, sv):
    d = seed_doc(seed, year_text="二〇二四年")
    assert d.items[d.find("二〇二四年政府信息公开工作年度报告")]
    k = d.find("一、总体情况")
    d.items.insert(k, WPS_TEXTBOX)
    xml = Renderer().doc(d)
    assert 'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData"' in xml
    return template_package(xml), expected_ok(sv, seed.agency, 2024)


def case_main_part_renamed(seed, sv):
    d = seed_doc(seed)
    xml = word_vmerge(Renderer().doc(d))
    return template_package(xml, main_part="word/report.xml"), expected_ok(sv, seed.agency, 2024)


def case_fee_in_yuan(seed, sv):
    d = seed_doc(seed)
    d.cell_of("active.fees.amount").set("54195元")
    v = dict(sv)
    assert v["active.fees.amount"] == 5.4195
    return template_package(word_vmerge(Renderer().doc(d))), expected_ok(v, seed.agency, 2024)


def case_amid_other_tables(seed, sv):
    d = seed_doc(seed)
    contacts = simple_table([["联系单位", "联系人", "联系电话", "地址"],
                             ["办公室", "王某", "023-66220000", "巴南区龙洲大道1号"],
                             ["法制科", "李某", "023-66220001", "巴南区龙洲大道1号"]],
                            [2000, 1500, 2500, 3000])
    releases = simple_table([["信息内容", "本年发布数量", "占比（%）"],
                             ["政务动态", "320", "64.4"],
                             ["通知公告", "45", "9.1"],
                             ["执法信息", "132", "26.5"],
                             ["合计", "497", "100"]],
                            [3000, 3000, 3000])
    nested = simple_table([["发布渠道", "条数"], ["政府网站", "497"], ["政务新媒体", "1,200"]],
                          [2000, 1500])
    layout = simple_table([["附表：", "<w:p>%s</w:p>%s<w:p/>" % (run("各渠道发布情况"), nested)],
                           ["", "（本表不属于年度报告统计表格）"]],
                          [1500, 6000], borders=False)
    k = d.find("一、总体情况")
    d.items.insert(k + 1, body_p("本单位政务公开联系方式如下："))
    d.items.insert(k + 2, contacts)
    k = d.find("（一）主动公开")
    d.items.insert(k + 2, releases)
    k = d.find(seed.sec5_head)
    d.items.insert(k, layout)
    d.items.insert(k + 1, body_p(""))
    k = d.find(seed.sec6[-1])
    d.items.insert(k + 1, simple_table([["制表人", "审核人", "日期"], ["王某", "李某", "2025年1月20日"]],
                                       [3000, 3000, 3000]))
    d.items.insert(k + 2, body_p(""))
    return template_package(word_vmerge(Renderer().doc(d))), expected_ok(sv, seed.agency, 2024)


def case_split_table(seed, sv):
    d = seed_doc(seed)
    t = d.tables[1]
    k = d.items.index(t)
    head = [Row(Renderer().row(r)) for r in t.rows[:3]]
    for r in t.rows[:3] + head:
        r.pre = r.pre.replace("<w:trPr>", "<w:trPr><w:tblHeader/>", 1)
    second = Table("<w:tbl>" + t.pre + Renderer().row(t.rows[0]) + "</w:tbl>")
    second.rows = head + t.rows[15:]
    t.rows = t.rows[:15]
    # the row that now opens the second table starts the merge of the 三、本年度办理结果 column
    first = second.rows[3].cells[0]
    assert "continue" in first.tcpr
    first.tcpr = first.tcpr.replace('<w:vMerge w:val="continue"/>', '<w:vMerge w:val="restart"/>')
    brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    d.items[k + 1:k + 1] = [brk, second]
    return (template_package(word_vmerge(Renderer().doc(d))),
            expected_ok(sv, seed.agency, 2024))


def case_fee_header_yuan(seed, sv):
    d = seed_doc(seed)
    hdr = d.tables[0].cell(12, 1)
    assert hdr.text == "本年收费金额（单位：万元）"
    hdr.set("本年收费金额（单位：元）")
    assert seed.cells["active.fees.amount"] == "5.4195"
    d.cell_of("active.fees.amount").set("54195")
    return template_package(word_vmerge(Renderer().doc(d))), expected_ok(sv, seed.agency, 2024)


# Label variants seen in real reports (SCHEMA.md: line breaks inside a cell, full-width or
# half-width brackets and digits, other quote marks, a missing ordinal, no note). (table, row,
# cell) -> new label; a list means one paragraph per item.
LABEL_VARIANTS = {
    (0, 12, 1): "本年收费金额(单位:万元)",
    (1, 2, 2): "商业企业",
    (1, 2, 3): ["科研", "机构"],
    (1, 3, 0): "一、本年新收政府信息\n公开申请数量",
    (1, 5, 0): ["三、本年度", "办理结果"],
    (1, 5, 1): "(一)予以公开",
    (1, 6, 1): "（二）部分公开",
    (1, 7, 1): "(三)不予公开",
    (1, 7, 2): "１．属于国家秘密",
    (1, 9, 2): "3.危及『三安全一稳定』",
    (1, 10, 2): "4.保护第三方合法权益　",
    (1, 15, 2): "本机关不掌握相关政府信息",
    (1, 19, 2): "2、重复申请",
    (1, 23, 1): "(六)其他处理",
    (1, 26, 1): "(七)总计",
    (1, 27, 0): ["四、结转下年度", "继续办理"],
    (2, 1, 1): "结果纠正",
    (2, 2, 5): "结果维持",
}


def case_label_variants(seed, sv):
    d = seed_doc(seed)
    for (t, r, c), label in LABEL_VARIANTS.items():
        cell = d.tables[t].cell(r, c)
        assert cell.text, (t, r, c)
        if isinstance(label, list):
            p = cell.paras[0]
            cell.paras = [p.copy(x, keep_id=(i == 0)) for i, x in enumerate(label)]
        else:
            cell.set(label)
    return template_package(word_vmerge(Renderer().doc(d))), expected_ok(sv, seed.agency, 2024)


# The numbers of different-values, chosen by hand. Arithmetic is consistent:
# per column, new + carried_over = result.total + carried_forward, and every total is the row sum.
# Printed text -> expected value; None means the cell is left truly empty.
DIFF_ACTIVE = [
    ("active.rules.issued", "2", 2),
    ("active.rules.repealed", " 1 ", 1),
    ("active.rules.in_force", "15", 15),
    ("active.normative_docs.issued", "１２", 12),
    ("active.normative_docs.repealed", "\u3000\u30003", 3),
    ("active.normative_docs.in_force", "87\u3000", 87),
    ("active.licensing.decisions", "1,234", 1234),
    ("active.penalty.decisions", "无", 0),
    ("active.enforcement.decisions", "—", 0),
    ("active.fees.amount", "12.5", 12.5),
]
#            natural, commercial, research, public, legal, other, total
DIFF_REQUESTS = {
    "requests.new": (["２６", "7", "3", "2", "4", "1", "43"], [26, 7, 3, 2, 4, 1, 43]),
    "requests.carried_over": (["3", "1", "0", "0", "1", "0", "5"], [3, 1, 0, 0, 1, 0, 5]),
    "requests.result.disclosed": (["10", "3", "1", "1", "2", "0", "17"], [10, 3, 1, 1, 2, 0, 17]),
    "requests.result.partly_disclosed": (["4", "1", "0", "0", "1", "0", "6"], [4, 1, 0, 0, 1, 0, 6]),
    "requests.result.withheld.state_secret": (["1", "0", "0", "0", "0", "0", "1"], [1, 0, 0, 0, 0, 0, 1]),
    "requests.result.withheld.prohibited_by_law": (["/"] * 7, [0] * 7),
    "requests.result.withheld.security_stability": (["－"] * 7, [0] * 7),
    "requests.result.withheld.third_party_rights": (["2", "1", "0", "0", "0", "0", "3"], [2, 1, 0, 0, 0, 0, 3]),
    "requests.result.withheld.internal_affairs": (["1", "0", "0", "0", "0", "0", "1"], [1, 0, 0, 0, 0, 0, 1]),
    "requests.result.withheld.process_info": (["0", "0", "1", "0", "0", "0", "1"], [0, 0, 1, 0, 0, 0, 1]),
    "requests.result.withheld.enforcement_files": (["-"] * 7, [0] * 7),
    "requests.result.withheld.inquiry": (["1", "0", "0", "0", "0", "0", "1"], [1, 0, 0, 0, 0, 0, 1]),
    "requests.result.unavailable.not_held": (["5", "1", "0", "1", "1", "0", "8"], [5, 1, 0, 1, 1, 0, 8]),
    "requests.result.unavailable.needs_creation": (["1", "0", "0", "0", "0", "0", "1"], [1, 0, 0, 0, 0, 0, 1]),
    "requests.result.unavailable.unclear": (["0", "1", "0", "0", "0", "0", "1"], [0, 1, 0, 0, 0, 0, 1]),
    "requests.result.not_processed.complaint": (["1", "0", "0", "0", "0", "0", "1"], [1, 0, 0, 0, 0, 0, 1]),
    "requests.result.not_processed.duplicate": (["无"] * 7, [0] * 7),
    "requests.result.not_processed.publication": (["0", "0", None, "0", "0", "0", "0"],
                                                  [0, 0, None, 0, 0, 0, 0]),
    "requests.result.not_processed.excessive": (["—"] * 7, [0] * 7),
    "requests.result.not_processed.confirmation": (["／"] * 7, [0] * 7),
    "requests.result.other.no_correction": (["1", "0", "0", "0", "0", "1", "2"], [1, 0, 0, 0, 0, 1, 2]),
    "requests.result.other.unpaid_fee": (["0", "0", "0", "0", "0", "0", "0"], [0] * 7),
    "requests.result.other.other": (["0", "0", "0", "0", "0", "0", "见附件"], [0, 0, 0, 0, 0, 0, None]),
    "requests.result.total": (["27", "7", "2", "2", "4", "1", "43"], [27, 7, 2, 2, 4, 1, 43]),
    "requests.carried_forward": (["2", "1", "1", "0", "1", "0", "5"], [2, 1, 1, 0, 1, 0, 5]),
}
#                  upheld, corrected, other, pending, total
DIFF_APPEALS = {
    "appeals.review": (["2", "1", "0", "1", "4"], [2, 1, 0, 1, 4]),
    "appeals.suit_direct": (["1", "0", "1", "0", "2"], [1, 0, 1, 0, 2]),
    "appeals.suit_after_review": (["0", "１", "0", "1", "2"], [0, 1, 0, 1, 2]),
}
DIFF_AGENCY = "江南市北湖区教育局"


def case_different_values(seed, sv, changes=None, checks=()):
    """changes: {field id: (printed text, expected value)} over the DIFF_* numbers."""
    d = template_doc()
    k = d.find("政府信息公开工作年度报告格式模板")
    tp = d.items[k]
    d.items[k:k + 1] = [tp.copy(DIFF_AGENCY, keep_id=True), tp.copy("2023年政府信息公开工作年度报告")]
    k = d.find("（文字描述）")
    d.items[k].set("2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，各项工作有序推进。")
    texts, values = {}, {}
    for fid, txt, val in DIFF_ACTIVE:
        texts[fid], values[fid] = txt, val
    for table, cols in ((DIFF_REQUESTS, REQ_COLS), (DIFF_APPEALS, APPEAL_COLS)):
        for row, (txts, vals) in table.items():
            assert len(txts) == len(vals) == len(cols)
            for c, t, v in zip(cols, txts, vals):
                texts[row + "." + c], values[row + "." + c] = t, v
    for fid, (t, v) in (changes or {}).items():
        texts[fid], values[fid] = t, v
    for fid, t in texts.items():
        d.cell_of(fid).set("" if t is None else t)
    xml = word_vmerge(Renderer().doc(d))
    warn = [{"code": "value.unreadable", "fields": ["requests.result.other.other.total"]}]
    return template_package(xml), expected_ok(values, DIFF_AGENCY, 2023, warnings=warn, checks=checks)


# ---- inconsistent reports (the 勾稽关系 checks, docs/checks.md) --------------------------------
# Each case prints a few cells differently from a consistent report; the check.* warnings it must
# raise are worked out by hand in the comments and listed exactly (code + fields).

RESULT_ROWS = REQ_ROWS[2:23]  # （一）予以公开 .. （六）3.其他: the rows that add up to （七）总计
assert RESULT_ROWS[0] == "requests.result.disclosed" and RESULT_ROWS[-1] == "requests.result.other.other"
BALANCE_ROWS = ["requests.new", "requests.carried_over", "requests.result.total", "requests.carried_forward"]


def row_total(row):
    """check.row_total on a row of table 三: its 总计 and its six applicant columns."""
    return {"code": "check.row_total", "fields": [row + "." + c for c in REQ_COLS]}


def balance(col):
    """check.balance on a column: 一 + 二 against （七）总计 + 四."""
    return {"code": "check.balance", "fields": [r + "." + col for r in BALANCE_ROWS]}


def result_total(col):
    """check.result_total on a column: （七）总计 and the 21 result rows."""
    return {"code": "check.result_total",
            "fields": ["requests.result.total." + col] + [r + "." + col for r in RESULT_ROWS]}


def seed_changed(seed, sv, changes, checks):
    """The seed report as Word writes it, with some cells printed differently."""
    d = seed_doc(seed)
    v = dict(sv)
    for fid, (text, val) in changes.items():
        d.cell_of(fid).set(text)
        v[fid] = val
    xml = word_vmerge(Renderer().doc(d))
    return template_package(xml), expected_ok(v, seed.agency, 2024, checks=checks)


def case_check_zero_total(seed, sv):
    # 一、本年新收 / 总计 printed 0 beside 自然人 6: the row gives 6, not 0; and the 总计 column
    # no longer balances: 0 + 0 received against （七）总计 6 + 结转 0 settled.
    assert sv["requests.new.natural_person"] == 6 and sv["requests.result.total.total"] == 6
    return seed_changed(seed, sv, {"requests.new.total": ("0", 0)},
                        [row_total("requests.new"), balance("total")])


def case_check_blank_total(seed, sv):
    # （一）予以公开 / 总计 left blank beside 自然人 1: the row fails (blank against 1); the 总计
    # column of the result rows then adds up to 0 + 0 + 2 + 2 + 1 = 5 against （七）总计 6.
    # （二）部分公开 / 总计 also blank, but its columns are all 0: that row holds.
    assert sv["requests.result.disclosed.natural_person"] == 1
    assert sv["requests.result.partly_disclosed.natural_person"] == 0
    return seed_changed(seed, sv, {"requests.result.disclosed.total": ("", None),
                                   "requests.result.partly_disclosed.total": ("", None)},
                        [row_total("requests.result.disclosed"), result_total("total")])


def case_check_appeals_total(seed, sv):
    # 行政诉讼 / 未经复议直接起诉 / 总计 printed 2 beside 结果维持 1 and three 0: off by one.
    assert [sv["appeals.suit_direct." + c] for c in APPEAL_COLS] == [1, 0, 0, 0, 1]
    return seed_changed(seed, sv, {"appeals.suit_direct.total": ("2", 2)},
                        [{"code": "check.appeals_total",
                          "fields": ["appeals.suit_direct." + c for c in APPEAL_COLS]}])


def case_check_implausible(seed, sv):
    # A negative count and a fraction in a count, both in table 二 (in no sum): one
    # check.plausible each. The fee 5.4195 万元 is an amount and may have a fraction.
    return seed_changed(seed, sv, {"active.penalty.decisions": ("-881", -881),
                                   "active.enforcement.decisions": ("150.5", 150.5)},
                        [{"code": "check.plausible", "fields": ["active.penalty.decisions"]},
                         {"code": "check.plausible", "fields": ["active.enforcement.decisions"]}])


def case_check_result_total(seed, sv):
    # different-values with （七）总计 / 自然人 printed 21 instead of 27. By hand, 自然人 column:
    # result rows 10 + 4 + 1 + 2 + 1 + 0 + 1 + 5 + 1 + 0 + 1 + 1 = 27 (the other rows 0) -> 21
    # against 27; its row: 21 + 7 + 2 + 2 + 4 + 1 = 37 against 总计 43; the balance of 自然人:
    # 26 + 3 = 29 received against 21 + 2 = 23 settled. The 总计 column still adds up.
    return case_different_values(seed, sv, {"requests.result.total.natural_person": ("21", 21)},
                                 [result_total("natural_person"), row_total("requests.result.total"),
                                  balance("natural_person")])


def case_no_report_tables(seed, sv):
    tbl = simple_table([["联系单位", "联系人", "联系电话"], ["办公室", "王某", "023-66220000"]],
                       [3000, 3000, 3000])
    body = (body_p("重庆市巴南区市场监督管理局", True) + body_p("关于做好政务公开工作的通知", True)
            + body_p("各科室：") + body_p("请按要求做好本年度政务公开各项工作，有关联系方式如下。")
            + tbl + body_p("") + body_p("2025年1月20日")
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s</w:body></w:document>' % (W_NS, R_NS, body))
    return minimal_package(xml), {"rc": 1, "stderr": "no 2019- or 2021-format report tables found"}


# ---------------------------------------------------------------------------------------------

def write_case(out, name, content, expected, extra=None):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "input.docx")
    if isinstance(content, bytes):
        with open(path, "wb") as f:
            f.write(content)
    else:
        write_zip(path, content)
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
    for fname, text in (extra or {}).items():
        with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    out = os.path.join(ROOT, "corpus")
    if len(argv) == 3 and argv[1] == "--out":
        out = argv[2]
    elif len(argv) != 1:
        sys.stderr.write("usage: mkcorpus.py [--out DIR]\n")
        return 2
    seed = Seed(SEED_TXT)
    sv = load_seed_values()
    nulls = {k: None for k in ALL_IDS}

    for name, fn in [("seed-word", case_seed_word),
                     ("seed-runs", case_seed_runs),
                     ("seed-wrappers", case_seed_wrappers),
                     ("seed-libreoffice", case_seed_libreoffice),
                     ("seed-wps", case_seed_wps),
                     ("main-part-renamed", case_main_part_renamed),
                     ("different-values", case_different_values),
                     ("fee-in-yuan", case_fee_in_yuan),
                     ("fee-header-yuan", case_fee_header_yuan),
                     ("label-variants", case_label_variants),
                     ("amid-other-tables", case_amid_other_tables),
                     ("split-table", case_split_table),
                     ("check-zero-total", case_check_zero_total),
                     ("check-blank-total", case_check_blank_total),
                     ("check-result-total", case_check_result_total),
                     ("check-appeals-total", case_check_appeals_total),
                     ("check-implausible", case_check_implausible),
                     ("errors/no-report-tables", case_no_report_tables)]:
        parts, exp = fn(seed, sv)
        write_case(out, name, parts, exp)

    with open(TEMPLATE, "rb") as f:
        blank = f.read()
    write_case(out, "blank-template", blank, expected_ok(nulls, None, None))
    write_case(out, "blank-template-override", blank, expected_ok(nulls, "示例机关", 2023),
               {"args": "--agency\n示例机关\n--year\n2023\n"})

    write_case(out, "errors/not-a-zip", "这不是一个 docx 文件，只是一段文字。\nThis is not a zip archive.\n".encode("utf-8"),
               {"rc": 1, "stderr": "not a"})
    with open(os.path.join(out, "seed-word", "input.docx"), "rb") as f:
        whole = f.read()
    write_case(out, "errors/truncated-zip", whole[:len(whole) // 2], {"rc": 1, "stderr": "input.docx"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
