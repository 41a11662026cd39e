#!/usr/bin/env python3
"""Write the corpus cases for the layouts and formats that real reports stray into.

    tools/mkvariants.py [--out DIR]      (default: corpus/)

Every case is a small, real WordprocessingML package built here from tables
described row by row, and an expected.json written from the numbers typed in
this file (or from tools/corpus_data/seed_values.json, the seed report's values
typed by hand) -- never from running the extractor. Deterministic: fixed ZIP
timestamps, so a rerun writes identical bytes.

Cases:
  format-2019            a 2019-format report (reports for 2019 and 2020)
  blank-2019             the 2019 format with every value cell empty
  format-2019-no-active  a 2019 report without table 二 (template from table 三)
  hybrid-single-other    2021 format whose requests table keeps the 2019-style
                         single (六)其他处理 row
  split-no-header        the active table as four separate tables; the requests
                         table split over a page break WITHOUT repeated headers
  textbox-table          the appeals table inside a text box (mc:AlternateContent
                         with a VML fallback copy that must not be read)
  label-variants-2       1、 ordinals, spaces inside labels, a real typo, 七、总计,
                         结转下一年度, a group label repeated, multi-paragraph
                         cells, units, header and data spans that do not line up
  unmerged-header        header rows retyped without vertical merges
  title-subtitle         2023年度… title with the agency on the next line
  group-rows             each group label (（三）不予公开 ...) on a row of its own
  appeals-transposed     table 四 with results as columns and 行政复议/行政诉讼 as rows
  active-block-column    table 二 with the 第二十条 block titles in a column of their own
  errors/pre-2019-report a 2018 report in the old format: not a report of ours
"""
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_VALUES = os.path.join(ROOT, "tools", "corpus_data", "seed_values.json")
STAMP = (2024, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

COLS = ["natural_person", "commercial", "research", "public_interest", "legal_services",
        "other_org", "total"]


# ---------------------------------------------------------------- building XML

def runs(text):
    """A paragraph's runs; '\\t' and '\\b' (line break) become w:tab / w:br."""
    out = []
    for i, piece in enumerate(text.split("\b")):
        if i:
            out.append("<w:r><w:br/></w:r>")
        if piece:
            out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(piece))
    return "".join(out)


def para(text=""):
    return "<w:p>%s</w:p>" % runs(text)


def cell(text="", span=1, vm=None):
    """A table cell; '\\n' in text separates paragraphs."""
    pr = ""
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vm == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vm == "continue":
        pr += "<w:vMerge/>"
    body = "".join(para(p) for p in text.split("\n"))
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, body)


CELL = cell


def table(rows, ncols):
    grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // ncols) for _ in range(ncols))
    trs = "".join("<w:tr>%s</w:tr>" % "".join(r) for r in rows)
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            "<w:tblGrid>%s</w:tblGrid>%s</w:tbl>" % (grid, trs))


def page_break():
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps">'
            "<w:body>%s<w:sectPr/></w:body></w:document>" % (W, body))


def write_docx(path, body):
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": document(body),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------- the tables

def active_2021(v, blocks=False, fee_text=None):
    """The 2021 active table from values v; blocks=True: one w:tbl per 第二十条 block."""
    def n(k):
        return str(v[k])
    b1 = [[cell("第二十条第（一）项", 4)],
          [cell("信息内容"), cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")],
          [cell("规章"), cell(n("active.rules.issued")), cell(n("active.rules.repealed")),
           cell(n("active.rules.in_force"))],
          [cell("行政规范性文件"), cell(n("active.normative_docs.issued")),
           cell(n("active.normative_docs.repealed")), cell(n("active.normative_docs.in_force"))]]
    b5 = [[cell("第二十条第（五）项", 4)],
          [cell("信息内容"), cell("本年处理决定数量", 3)],
          [cell("行政许可"), cell(n("active.licensing.decisions"), 3)]]
    b6 = [[cell("第二十条第（六）项", 4)],
          [cell("信息内容"), cell("本年处理决定数量", 3)],
          [cell("行政处罚"), cell(n("active.penalty.decisions"), 3)],
          [cell("行政强制"), cell(n("active.enforcement.decisions"), 3)]]
    b8 = [[cell("第二十条第（八）项", 4)],
          [cell("信息内容"), cell("本年收费金额（单位：万元）", 3)],
          [cell("行政事业性收费"), cell(fee_text or n("active.fees.amount"), 3)]]
    if blocks:
        return "".join(table(b, 4) + para() for b in (b1, b5, b6, b8))
    return table(b1 + b5 + b6 + b8, 4)


# (row id, group label, item label); group None: the row's label spans three columns
REQUEST_ROWS = [
    ("new", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
    ("result.disclosed", "", "（一）予以公开"),
    ("result.partly_disclosed", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("result.withheld.state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("result.withheld.prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("result.withheld.security_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("result.withheld.third_party_rights", "（三）不予公开", "4.保护第三方合法权益"),
    ("result.withheld.internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("result.withheld.process_info", "（三）不予公开", "6.属于四类过程性信息"),
    ("result.withheld.enforcement_files", "（三）不予公开", "7.属于行政执法案卷"),
    ("result.withheld.inquiry", "（三）不予公开", "8.属于行政查询事项"),
    ("result.unavailable.not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("result.unavailable.needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("result.unavailable.unclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("result.not_processed.complaint", "（五）不予处理", "1.信访举报投诉类申请"),
    ("result.not_processed.duplicate", "（五）不予处理", "2.重复申请"),
    ("result.not_processed.publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("result.not_processed.excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("result.not_processed.confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("result.other.no_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("result.other.unpaid_fee", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("result.other.other", "（六）其他处理", "3.其他"),
    ("result.other", "", "（六）其他处理"),
    ("result.total", "", "（七）总计"),
    ("carried_forward", None, "四、结转下年度继续办理"),
]


def requests_header(split_np=False):
    """The three header rows; split_np: 自然人 spans two grid columns."""
    np_span = 2 if split_np else 1
    return [
        [cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"),
         cell("申请人情况", 6 + np_span)],
        [cell("", 3, "continue"), cell("自然人", np_span, "restart"), cell("法人或其他组织", 5),
         cell("总计", 1, "restart")],
        [cell("", 3, "continue"), cell("", np_span, "continue"), cell("商业\n企业"),
         cell("科研\n机构"), cell("社会公益组织"), cell("法律服务机构"), cell("其他"),
         cell("", 1, "continue")],
    ]


def requests_rows(v, single_other=False, labels=None, split_np=False, text=None):
    """Data rows of table 三 from values v[(row id, col)] -> text.

    labels: optional {row id: label} replacing the item label.
    split_np: the natural-person data cell spans one column and the commercial
    one spans two, across a header whose 自然人 spans two (misaligned spans).
    """
    labels = labels or {}
    text = text or (lambda rid, col: str(v["requests.%s.%s" % (rid, col)]))
    rows, prev_group, in_result = [], None, False
    for rid, group, item in REQUEST_ROWS:
        if single_other and rid.startswith("result.other."):
            continue
        if not single_other and rid == "result.other":
            continue
        item = labels.get(rid, item)
        vals = [text(rid, c) for c in COLS]
        if split_np:
            nums = [cell(vals[0]), cell(vals[1], 2)] + [cell(x) for x in vals[2:]]
        else:
            nums = [cell(x) for x in vals]
        if group is None:
            rows.append([cell(item, 3)] + nums)
            in_result = False
            continue
        first = cell(labels.get("#group", "三、本年度办理结果"), 1,
                     "continue" if in_result else "restart")
        in_result = True
        if group == "":
            rows.append([first, cell(item, 2)] + nums)
            prev_group = None
        else:
            gvm = "continue" if group == prev_group else "restart"
            rows.append([first, cell(group if gvm == "restart" else "", 1, gvm), cell(item)] + nums)
            prev_group = group
    return rows


APPEAL_KEYS = [("review", r) for r in ("upheld", "corrected", "other", "pending", "total")] + \
    [("suit_direct", r) for r in ("upheld", "corrected", "other", "pending", "total")] + \
    [("suit_after_review", r) for r in ("upheld", "corrected", "other", "pending", "total")]


def appeals(v, merged=True):
    """Table 四; merged=False: the 行政复议 headers are not merged down (blank cells below)."""
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    vm = ("restart", "continue") if merged else (None, None)
    rows = [[cell("行政复议", 5), cell("行政诉讼", 10)],
            [cell(h, 1, vm[0]) for h in heads] + [cell("未经复议直接起诉", 5), cell("复议后起诉", 5)],
            [cell("", 1, vm[1]) for _ in heads] + [cell(h) for h in heads] * 2,
            [cell(str(v["appeals.%s.%s" % k]) if v["appeals.%s.%s" % k] is not None else "")
             for k in APPEAL_KEYS]]
    return table(rows, 15)


def body(title_paras, parts):
    return "".join(para(t) for t in title_paras) + "".join(parts)


# ---------------------------------------------------------------- expected

def expected(values, agency, year, template, warnings=None):
    exp = {"rc": 0, "agency": agency, "year": year, "template": template, "values": values,
           "warnings": warnings or [], "exact_warnings": True}
    return exp


def write_case(out, name, body_xml, exp, args=None):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    write_docx(os.path.join(d, "input.docx"), body_xml)
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
    if args:
        with open(os.path.join(d, "args"), "w", encoding="utf-8") as f:
            f.write("".join(a + "\n" for a in args))


# ---------------------------------------------------------------- the 2019 format

# Typed by hand: the numbers printed in the 2019-format case, field by field.
V2019_ACTIVE = {
    "active.rules.made": 0, "active.rules.published": 0, "active.rules.in_force": 3,
    "active.normative_docs.made": 5, "active.normative_docs.published": 5,
    "active.normative_docs.in_force": 42,
    "active.licensing.items_last_year": 126, "active.licensing.items_change": -2,
    "active.licensing.decisions": 3517,
    "active.other_services.items_last_year": 18, "active.other_services.items_change": 1,
    "active.other_services.decisions": 240,
    "active.penalty.items_last_year": 311, "active.penalty.items_change": 0,
    "active.penalty.decisions": 1024,
    "active.enforcement.items_last_year": 25, "active.enforcement.items_change": 0,
    "active.enforcement.decisions": 37,
    "active.fees.items_last_year": 4, "active.fees.items_change": -1,
    "active.procurement.items": 9, "active.procurement.amount": 356.72,
}

# Rows of table 三 typed by hand (natural, commercial, research, public, legal, other, total);
# each column adds up: new + carried_over = total + carried_forward.
R2019 = {
    "new": [20, 3, 0, 1, 0, 1, 25],
    "carried_over": [2, 0, 0, 0, 0, 0, 2],
    "result.disclosed": [8, 1, 0, 0, 0, 0, 9],
    "result.partly_disclosed": [2, 0, 0, 0, 0, 1, 3],
    "result.withheld.state_secret": [0, 0, 0, 0, 0, 0, 0],
    "result.withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
    "result.withheld.security_stability": [0, 0, 0, 0, 0, 0, 0],
    "result.withheld.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
    "result.withheld.internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "result.withheld.process_info": [1, 1, 0, 0, 0, 0, 2],
    "result.withheld.enforcement_files": [0, 0, 0, 0, 0, 0, 0],
    "result.withheld.inquiry": [0, 0, 0, 0, 0, 0, 0],
    "result.unavailable.not_held": [4, 1, 0, 1, 0, 0, 6],
    "result.unavailable.needs_creation": [1, 0, 0, 0, 0, 0, 1],
    "result.unavailable.unclear": [0, 0, 0, 0, 0, 0, 0],
    "result.not_processed.complaint": [1, 0, 0, 0, 0, 0, 1],
    "result.not_processed.duplicate": [1, 0, 0, 0, 0, 0, 1],
    "result.not_processed.publication": [0, 0, 0, 0, 0, 0, 0],
    "result.not_processed.excessive": [0, 0, 0, 0, 0, 0, 0],
    "result.not_processed.confirmation": [0, 0, 0, 0, 0, 0, 0],
    "result.other": [0, 0, 0, 0, 0, 0, 0],
    "result.total": [20, 3, 0, 1, 0, 1, 25],
    "carried_forward": [2, 0, 0, 0, 0, 0, 2],
}

# Table 四 typed by hand; None: the cell is left blank.
A2019 = {
    "appeals.review.upheld": 1, "appeals.review.corrected": 0, "appeals.review.other": 0,
    "appeals.review.pending": 1, "appeals.review.total": 2,
    "appeals.suit_direct.upheld": 0, "appeals.suit_direct.corrected": 0,
    "appeals.suit_direct.other": None, "appeals.suit_direct.pending": 0,
    "appeals.suit_direct.total": 0,
    "appeals.suit_after_review.upheld": 1, "appeals.suit_after_review.corrected": 0,
    "appeals.suit_after_review.other": 0, "appeals.suit_after_review.pending": 0,
    "appeals.suit_after_review.total": 1,
}


def flat_requests(rows):
    return {"requests.%s.%s" % (rid, c): vals[i] for rid, vals in rows.items()
            for i, c in enumerate(COLS)}


def active_2019(blank=False):
    def cell(text="", span=1, vm=None):  # noqa: E306 - blank: value cells left empty
        digits = text.lstrip("-").replace(",", "").replace(".", "")
        return CELL(("" if blank and (digits.isdigit() or text == "—") else text), span, vm)
    head = [cell("信息内容"), cell("上一年项目数量"), cell("本年增/减"), cell("处理决定数量")]
    rows = [
        [cell("第二十条第（一）项", 4)],
        [cell("信息内容"), cell("本年新制作数量"), cell("本年新公开数量"), cell("对外公开总数量")],
        [cell("规章"), cell("0"), cell("0"), cell("3")],
        [cell("规范性文件"), cell("5"), cell("5"), cell("42")],
        [cell("第二十条第（五）项", 4)], head,
        [cell("行政许可"), cell("126"), cell("-2"), cell("3,517")],
        [cell("其他对外管理服务事项"), cell("18"), cell("1"), cell("240")],
        [cell("第二十条第（六）项", 4)], list(head),
        [cell("行政处罚"), cell("311"), cell("0"), cell("1,024")],
        [cell("行政强制"), cell("25"), cell("—"), cell("37")],
        [cell("第二十条第（八）项", 4)],
        [cell("信息内容"), cell("上一年项目数量"), cell("本年增/减", 2)],
        [cell("行政事业性收费"), cell("4"), cell("-1", 2)],
        [cell("第二十条第（九）项", 4)],
        [cell("信息内容"), cell("采购项目数量"), cell("采购总金额（单位：万元）", 2)],
        [cell("政府集中采购"), cell("9"), cell("356.72", 2)],
    ]
    return table(rows, 4)


def case_2019(out):
    req = flat_requests(R2019)
    b = body(["长宁县人民政府办公室2020年度政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况"],
             [active_2019(), para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(req, single_other=True), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(A2019)])
    values = dict(V2019_ACTIVE)
    values.update(req)
    values.update(A2019)
    write_case(out, "format-2019", b, expected(values, "长宁县人民政府办公室", 2020, "2019"))


def case_blank_2019(out):
    """The 2019 format left unfilled: every value null, the single (六) row included."""
    req = {k: None for k in flat_requests(R2019)}
    apl = {k: None for k in A2019}
    b = body(["2019年政府信息公开工作年度报告"],
             [active_2019(blank=True), para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(req, single_other=True, text=lambda r, c: ""), 10),
              appeals(apl)])
    values = {k: None for k in V2019_ACTIVE}
    values.update(req)
    values.update(apl)
    write_case(out, "blank-2019", b, expected(values, None, 2019, "2019",
                                              [{"code": "tables.empty", "fields": []}]))


def case_2019_no_active(out):
    """A 2019-format report that left out table 二: the template is told by table 三's rows."""
    req = flat_requests(R2019)
    b = body(["长宁县人民政府办公室2020年度政府信息公开工作年度报告"],
             [para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(req, single_other=True), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(A2019)])
    values = dict(req)
    values.update(A2019)
    write_case(out, "format-2019-no-active", b,
               expected(values, "长宁县人民政府办公室", 2020, "2019",
                        [{"code": "table.missing", "fields": []}]))


def case_hybrid(out):
    """2021 active table, but table 三 keeps the single 2019-style (六)其他处理 row."""
    sv = load_seed()
    req = flat_requests(R2019)
    b = body(["江北区审计局", "2022年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(req, single_other=True), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(A2019)])
    values = {k: v for k, v in sv.items() if k.startswith("active.")}
    values.update(req)
    values.update(A2019)
    other = ["requests.result.other.%s" % c for c in COLS]
    write_case(out, "hybrid-single-other", b,
               expected(values, "江北区审计局", 2022, "2021",
                        [{"code": "layout.mixed", "fields": other}]))


# ---------------------------------------------------------------- 2021 layouts

def load_seed():
    with open(SEED_VALUES, encoding="utf-8") as f:
        return json.load(f)


SEED_AGENCY = "重庆市巴南区市场监督管理局"


def case_split_no_header(out):
    """Active as four tables; table 三 split after (四)无法提供 without its headers."""
    sv = load_seed()
    rows = requests_rows(sv)
    cut = 2 + 2 + 8 + 3  # new, carried_over, (一)(二), (三)x8, (四)x3
    part2 = rows[cut:]
    # the second part starts a new table: its merged labels restart there
    part2[0][0] = cell("三、本年度办理结果", 1, "restart")
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv, blocks=True),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + rows[:cut], 10), page_break(), table(part2, 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv)])
    write_case(out, "split-no-header", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def textbox(inner, fallback_inner):
    return ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent>'
            '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>%s</w:txbxContent>'
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
            % (inner, fallback_inner))


def case_textbox(out):
    """Table 四 inside a text box; its VML fallback copy prints other numbers and must be skipped."""
    sv = load_seed()
    decoy = {k: 7 for k in sv if k.startswith("appeals.")}
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"),
              textbox(appeals(sv) + para(), appeals(decoy) + para())])
    write_case(out, "textbox-table", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def case_label_variants_2(out):
    sv = load_seed()
    labels = {
        "new": "一、本年新收政府信息\n公开申请数量",             # two paragraphs
        "result.withheld.state_secret": "1、属于国家秘密",
        "result.withheld.prohibited_by_law": "2、其他法律行政止公开",  # a real typo
        "result.withheld.security_stability": "3、危及‘三安全一稳定’",
        "result.not_processed.excessive": "4、无正当理由大量反复 申请",
        "result.not_processed.confirmation": "5、要求行政机关确认或重 新出具已获取信息",
        "result.other.other": "3、其他",
        "result.total": "七、总计",
        "carried_forward": "四、结转下一年度继续办理",
        "#group": "三、本年度办理结果",
    }

    def text(rid, col):
        n = sv["requests.%s.%s" % (rid, col)]
        return "%d\n件" % n if rid == "new" and col == "total" else str(n)

    rows = requests_rows(sv, labels=labels, split_np=True, text=text)
    # a merged group label split in two: 三、本年度办理结果 restarts at (四)无法提供
    rows[2 + 2 + 8][0] = cell("三、本年度办理结果", 1, "restart")
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv, fee_text="5.4195万元"),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header(split_np=True) + rows, 11),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv)])
    write_case(out, "label-variants-2", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def case_unmerged_header(out):
    """Header rows retyped without vertical merges: blank cells where the merge was."""
    sv = load_seed()
    head = requests_header()
    for row in head:  # drop every vMerge: the continued positions become blank cells
        for i, c in enumerate(row):
            row[i] = c.replace('<w:vMerge w:val="restart"/>', "").replace("<w:vMerge/>", "")
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(head + requests_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv, merged=False)])
    write_case(out, "unmerged-header", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def case_title_subtitle(out):
    """The title words first (2023年度…), the agency on the line below in brackets."""
    sv = load_seed()
    b = body(["2023年度政府信息公开工作年度报告", "（江北区审计局）", "一、总体情况"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv)])
    write_case(out, "title-subtitle", b, expected(sv, "江北区审计局", 2023, "2021"))


def group_rows(v):
    """Table 三 with each group label on a row of its own and unmerged item rows below it."""
    rows, prev, first = [], None, True
    for rid, group, item in REQUEST_ROWS:
        if rid == "result.other":
            continue
        nums = [cell(str(v["requests.%s.%s" % (rid, c)])) for c in COLS]
        if group is None:
            rows.append([cell(item, 3)] + nums)
            continue
        top = cell("三、本年度办理结果" if first else "", 1, "restart" if first else "continue")
        first = False
        if group == "":
            rows.append([top, cell(item, 2)] + nums)
        else:
            if group != prev:
                rows.append([top, cell(group, 2)] + [cell("") for _ in COLS])
                top = cell("", 1, "continue")
            rows.append([top, cell(""), cell(item)] + nums)
        prev = group
    return rows


def case_group_rows(out):
    sv = load_seed()
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + group_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv)])
    write_case(out, "group-rows", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def appeals_transposed(v):
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    keys = ["upheld", "corrected", "other", "pending", "total"]
    rows = [[cell("类别", 2)] + [cell(h) for h in heads]]
    for label, sub, pre in (("行政复议", "", "review"), ("行政诉讼", "未经复议直接起诉", "suit_direct"),
                            ("", "复议后起诉", "suit_after_review")):
        first = cell(label, 2) if not sub else cell(label, 1, "restart" if label else "continue")
        lab = [first] if not sub else [first, cell(sub)]
        rows.append(lab + [cell(str(v["appeals.%s.%s" % (pre, k)])) for k in keys])
    return table(rows, 7)


def case_appeals_transposed(out):
    """Table 四 transposed: the results as columns, 行政复议 / 行政诉讼 as rows."""
    sv = load_seed()
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_2021(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals_transposed(sv)])
    write_case(out, "appeals-transposed", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def active_block_column(v):
    """Table 二 with each 第二十条 block title as a merged cell in a column of its own."""
    def n(k):
        return str(v[k])
    head = [cell("信息内容", 2)]
    rows = [head + [cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")],
            [cell("第二十条第（一）项", 1, "restart"), cell("规章"), cell(n("active.rules.issued")),
             cell(n("active.rules.repealed")), cell(n("active.rules.in_force"))],
            [cell("", 1, "continue"), cell("行政规范性文件"), cell(n("active.normative_docs.issued")),
             cell(n("active.normative_docs.repealed")), cell(n("active.normative_docs.in_force"))],
            head + [cell("本年处理决定数量", 3)],
            [cell("第二十条第（五）项"), cell("行政许可"), cell(n("active.licensing.decisions"), 3)],
            head + [cell("本年处理决定数量", 3)],
            [cell("第二十条第（六）项", 1, "restart"), cell("行政处罚"),
             cell(n("active.penalty.decisions"), 3)],
            [cell("", 1, "continue"), cell("行政强制"), cell(n("active.enforcement.decisions"), 3)],
            head + [cell("本年收费金额（单位：万元）", 3)],
            [cell("第二十条第（八）项"), cell("行政事业性收费"), cell(n("active.fees.amount"), 3)]]
    return table(rows, 5)


def case_active_block_column(out):
    sv = load_seed()
    b = body([SEED_AGENCY, "2024年政府信息公开工作年度报告"],
             [para("二、主动公开政府信息情况"), active_block_column(sv),
              para("三、收到和处理政府信息公开申请情况"),
              table(requests_header() + requests_rows(sv), 10),
              para("四、政府信息公开行政复议、行政诉讼情况"), appeals(sv)])
    write_case(out, "active-block-column", b, expected(sv, SEED_AGENCY, 2024, "2021"))


def case_pre_2019(out):
    rows = [[cell("统计指标"), cell("单位"), cell("统计数")],
            [cell("一、主动公开情况"), cell("—"), cell("—")],
            [cell("（一）主动公开政府信息数"), cell("条"), cell("1523")],
            [cell("其中：主动公开规范性文件数"), cell("条"), cell("12")],
            [cell("三、依申请公开情况"), cell("—"), cell("—")],
            [cell("（一）收到申请数"), cell("件"), cell("15")],
            [cell("（三）申请答复数"), cell("件"), cell("15")],
            [cell("3.不予公开答复数"), cell("件"), cell("1")],
            [cell("四、行政复议数量"), cell("件"), cell("0")],
            [cell("五、行政诉讼数量"), cell("件"), cell("0")]]
    b = body(["某市环境保护局2018年政府信息公开工作年度报告", "一、概述"], [table(rows, 3)])
    write_case(out, "errors/pre-2019-report", b,
               {"rc": 1, "stderr": "no 2019- or 2021-format report tables found"})


def main(argv):
    out = os.path.join(ROOT, "corpus")
    if len(argv) == 3 and argv[1] == "--out":
        out = argv[2]
    elif len(argv) != 1:
        sys.stderr.write("usage: mkvariants.py [--out DIR]\n")
        return 2
    for fn in (case_2019, case_blank_2019, case_2019_no_active, case_hybrid, case_split_no_header, case_textbox,
               case_label_variants_2, case_unmerged_header, case_title_subtitle, case_group_rows,
               case_appeals_transposed, case_active_block_column,
               case_pre_2019):
        fn(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
