#!/usr/bin/env python3
"""Build the web-page cases of the xxgk corpus: corpus/html-*/input.html and expected.json.

    python3 tools/mkhtml.py [--out DIR]

Python 3 standard library only; deterministic (rerunning it writes identical bytes).

The seed cases take their cell TEXTS from the seed report's text (through mkcorpus.Seed, which
reads tools/corpus_data/banan-samr-2024.txt) and their expected VALUES from the hand-typed
tools/corpus_data/seed_values.json, exactly as the .docx cases do, so a slip in one shows up as a
mismatch. The 2019 case's numbers were chosen by hand here: each printed text stands next to its
expected value in F2019_* below.

Cases:
  html-seed-word     the seed report as Word's "Save as Web Page": UTF-8, verbose inline CSS,
                     <td rowspan colspan>, &nbsp; padding, <span lang=EN-US> runs, <o:p></o:p>,
                     <![if !supportMisalignedColumns]> rows, labels broken by <br> and by <p>
  html-gbk           the seed report on a CMS page encoded in GBK but declared charset=gb2312,
                     with characters only GBK has (堃 喆 珺) and a <meta> summary cut in the
                     middle of a character; <th> headers; the body's title has the year only,
                     the agency comes from the page <title>
  html-amid-tables   the seed report in a portal page: layout tables (the report tables nested
                     two deep), navigation lists, other years' reports as links, a <select> of
                     agencies, an info table (索引号 ...), related links, scripts, a footer
  html-2019-blank    a 2019-format report page (UTF-8 with BOM, <meta charset>) whose zero cells
                     are left blank in six different ways
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mkcorpus as mc  # noqa: E402  (the seed reader and the 2021 field ids)

ROOT = os.path.dirname(HERE)


def esc(text):
    """Text as HTML: & < > escaped, U+00A0 as &nbsp; (GBK has no such character)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\u00a0", "&nbsp;"))


# ---------------------------------------------------------------------------------------------
# The three tables of the 2021 format as rows of cells: (text, attrs). A text may hold "\n":
# each renderer writes it its own way (<br>, two <p>).

REQ_HEAD_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_COLS = ["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"]


def tables_2021(cells):
    """cells: field id -> printed text. Returns three tables, each a list of rows of
    (text, {"colspan": n, "rowspan": n, "head": bool})."""
    def c(text, colspan=1, rowspan=1, head=False):
        return (text, {"colspan": colspan, "rowspan": rowspan, "head": head})

    v = cells
    active = [
        [c("第二十条第（一）项", 4, head=True)],
        [c("信息内容", head=True), c("本年制发件数", head=True), c("本年废止件数", head=True),
         c("现行有效件数", head=True)],
        [c("规章")] + [c(v["active.rules." + k]) for k in ("issued", "repealed", "in_force")],
        [c("行政规范性文件")] + [c(v["active.normative_docs." + k])
                              for k in ("issued", "repealed", "in_force")],
        [c("第二十条第（五）项", 4, head=True)],
        [c("信息内容", head=True), c("本年处理决定数量", 3, head=True)],
        [c("行政许可"), c(v["active.licensing.decisions"], 3)],
        [c("第二十条第（六）项", 4, head=True)],
        [c("信息内容", head=True), c("本年处理决定数量", 3, head=True)],
        [c("行政处罚"), c(v["active.penalty.decisions"], 3)],
        [c("行政强制"), c(v["active.enforcement.decisions"], 3)],
        [c("第二十条第（八）项", 4, head=True)],
        [c("信息内容", head=True), c("本年收费金额（单位：万元）", 3, head=True)],
        [c("行政事业性收费"), c(v["active.fees.amount"], 3)],
    ]

    def vals(row):
        return [c(v[row + "." + col]) for col in mc.REQ_COLS]

    labels = dict(zip(mc.REQ_ROWS, mc.SEED_REQ_LABELS))
    requests = [
        [c(REQ_HEAD_NOTE, 3, 3, head=True), c("申请人情况", 7, head=True)],
        [c("自然人", 1, 2, head=True), c("法人或其他组织", 5, head=True), c("总计", 1, 2, head=True)],
        [c(t, head=True) for t in APPLICANT_COLS],
        [c(labels["requests.new"], 3)] + vals("requests.new"),
        [c(labels["requests.carried_over"], 3)] + vals("requests.carried_over"),
    ]
    groups = [("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5), ("（六）其他处理", 3)]
    rows = mc.REQ_ROWS[2:-2]  # disclosed ... other.other, then result.total
    k = 0
    first = True
    for fid in rows[:2]:
        lead = [c("三、本年度办理结果", 1, 22)] if first else []
        first = False
        requests.append(lead + [c(labels[fid], 2)] + vals(fid))
    k = 2
    for gname, n in groups:
        for i in range(n):
            fid = rows[k]
            lead = [c(gname, 1, n)] if i == 0 else []
            requests.append(lead + [c(labels[fid])] + vals(fid))
            k += 1
    requests.append([c(labels["requests.result.total"], 2)] + vals("requests.result.total"))
    requests.append([c(labels["requests.carried_forward"], 3)] + vals("requests.carried_forward"))
    assert k == len(rows) and len(requests) == 28

    outcome = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    appeals = [
        [c("行政复议", 5, head=True), c("行政诉讼", 10, head=True)],
        [c(t.replace("结果\n维持", "结果维持"), 1, 2, head=True) for t in outcome]
        + [c("未经复议直接起诉", 5, head=True), c("复议后起诉", 5, head=True)],
        [c(t, head=True) for t in outcome * 2],
        [c(v[r + "." + col]) for r in mc.APPEAL_ROWS for col in mc.APPEAL_COLS],
    ]
    return [active, requests, appeals]


# ---------------------------------------------------------------------------------------------
# Word's "Save as Web Page".

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="report.files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>admin</o:Author>
  <o:LastAuthor>admin</o:LastAuthor>
  <o:Revision>2</o:Revision>
  <o:Pages>5</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;}}
 @font-face
	{{font-family:方正小标宋_GBK;
	mso-font-charset:134;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-font-family:宋体;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""

WORD_FONT = ("style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体;\n"
             "  color:black;mso-font-kerning:0pt'")
WORD_FONT_EN = ("lang=EN-US style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:\n"
                "  宋体;color:black;mso-font-kerning:0pt'")


def word_runs(text):
    """A line of cell text as Word writes it: digits and Latin in <span lang=EN-US>, Chinese
    (and U+3000) in plain spans, an ASCII space as a mso-spacerun &nbsp;, U+00A0 as &nbsp;."""
    out, cur, kind = [], "", None

    def flush():
        if not cur:
            return
        if kind == "en":
            out.append("<span %s>%s</span>" % (WORD_FONT_EN, esc(cur)))
        elif kind == "sp":
            out.append("<span lang=EN-US style='mso-spacerun:yes'>%s</span>"
                       % ("&nbsp;" * len(cur)))
        else:
            out.append("<span %s>%s</span>" % (WORD_FONT, esc(cur)))

    for ch in text:
        k = "sp" if ch == " " else "en" if ord(ch) < 0x3000 else "zh"
        if k != kind:
            flush()
            cur, kind = "", k
        cur += ch
    flush()
    return "".join(out)


def word_cell(text, attrs, row_h, width, line_style):
    """One <td> as Word writes it. line_style: "p" (a <p> per line) or "br"."""
    span = ""
    if attrs["colspan"] > 1:
        span += " colspan=%d" % attrs["colspan"]
    if attrs["rowspan"] > 1:
        span += " rowspan=%d" % attrs["rowspan"]
    td = ("  <td width=%d%s style='width:%.1fpt;border:solid windowtext 1.0pt;\n"
          "  border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;\n"
          "  padding:0cm 5.4pt 0cm 5.4pt;height:%.1fpt'>\n" % (width * attrs["colspan"], span,
                                                               width * attrs["colspan"] * 0.75, row_h))
    lines = text.split("\n")
    p_open = ("  <p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>")
    end = "<span lang=EN-US style='font-size:10.0pt;font-family:宋体'><o:p></o:p></span></p>\n"
    if text == "":
        body = p_open + "<span lang=EN-US style='font-size:10.0pt'><o:p>&nbsp;</o:p></span></p>\n"
    elif line_style == "br" or len(lines) == 1:
        body = p_open + ("<span lang=EN-US><br>\n  </span>").join(word_runs(l) for l in lines) + end
    else:
        body = "".join(p_open + word_runs(l) + end for l in lines)
    if attrs["head"]:
        body = body.replace(p_open, p_open + "<b>").replace("</p>\n", "</b></p>\n")
    return td + body + "  </td>\n"


def word_table(rows, ncols, width, line_style):
    out = ["<div align=center>\n\n<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0\n"
           " width=%d style='width:%.1fpt;border-collapse:collapse;mso-table-layout-alt:fixed;\n"
           " border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:\n"
           " 0cm 5.4pt 0cm 5.4pt'>\n" % (width * ncols, width * ncols * 0.75)]
    for i, row in enumerate(rows):
        out.append(" <tr style='mso-yfti-irow:%d%s;height:20.0pt'>\n"
                   % (i, ";mso-yfti-firstrow:yes" if i == 0 else ";mso-yfti-lastrow:yes"
                      if i == len(rows) - 1 else ""))
        for text, attrs in row:
            out.append(word_cell(text, attrs, 20.0, width, line_style))
        out.append(" </tr>\n")
    # Word's row that pins the column widths, shown only to browsers that misalign columns
    out.append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n")
    out.extend("  <td width=%d style='border:none'></td>\n" % width for _ in range(ncols))
    out.append(" </tr>\n <![endif]>\n</table>\n\n</div>\n")
    return "".join(out)


def word_p(text, align="justify", bold=False, size="16.0pt", indent=True):
    style = "text-align:%s;line-height:28.0pt;mso-line-height-rule:exactly" % align
    if indent:
        style = "text-indent:32.0pt;" + style
    inner = "".join(
        "<span %sstyle='font-size:%s;font-family:仿宋_GB2312'>%s</span>"
        % ("lang=EN-US " if ord(ch[0]) < 0x3000 else "", size, esc(ch)) for ch in _split_script(text))
    if bold:
        inner = "<b>" + inner + "</b>"
    return ("<p class=MsoNormal align=%s style='%s'>%s<span lang=EN-US style='font-size:%s'>"
            "<o:p></o:p></span></p>\n\n" % (align, style, inner, size))


def _split_script(text):
    """Split text where it changes between Latin/digits and Chinese (Word's run boundaries)."""
    out, cur, kind = [], "", None
    for ch in text:
        k = ord(ch) < 0x3000
        if k != kind and cur:
            out.append(cur)
            cur = ""
        kind = k
        cur += ch
    if cur:
        out.append(cur)
    return out


def case_html_seed_word(seed, sv):
    t = tables_2021(seed.cells)
    h = [WORD_HEAD.format(title=esc(seed.agency))]
    h.append(word_p(seed.agency, "center", True, "22.0pt", False))
    h.append(word_p(seed.title2, "center", True, "22.0pt", False))
    h.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n")
    h.append(word_p("一、总体情况", bold=True))
    h.extend(word_p(p) for p in seed.intro)
    h.append(word_p("二、主动公开政府信息情况", bold=True))
    h.append(word_table(t[0], 4, 151, "p"))
    h.append(word_p("三、收到和处理政府信息公开申请情况", bold=True))
    h.append(word_table(t[1], 10, 60, "p"))
    h.append(word_p("四、政府信息公开行政复议、行政诉讼情况", bold=True))
    h.append(word_table(t[2], 15, 40, "br"))
    h.append(word_p(seed.sec5_head, bold=True))
    h.extend(word_p(p) for p in seed.sec5)
    h.append(word_p("六、其他需要报告的事项", bold=True))
    h.extend(word_p(p) for p in seed.sec6)
    h.append("</div>\n\n</body>\n\n</html>\n")
    page = "".join(h).replace("\n", "\r\n")  # Word writes CRLF
    return page.encode("utf-8"), mc.expected_ok(sv, seed.agency, 2024)


# ---------------------------------------------------------------------------------------------
# A content-management system's page: plain markup, quoted attributes, <th> headers.

def cms_cell(text, attrs, blank=None):
    tag = "th" if attrs["head"] else "td"
    a = ""
    if attrs["rowspan"] > 1:
        a += ' rowspan="%d"' % attrs["rowspan"]
    if attrs["colspan"] > 1:
        a += ' colspan="%d"' % attrs["colspan"]
    inner = "<br />".join(esc(l) for l in text.split("\n"))
    if text == "" and blank is not None:
        inner = blank
    return '<%s%s style="border:1px solid #000;text-align:center;"><p>%s</p></%s>' % (tag, a, inner, tag)


def cms_table(rows, blanks=None):
    out = ['<table class="report" border="1" cellspacing="0" cellpadding="0" '
           'style="border-collapse:collapse;width:100%;">\n<tbody>\n']
    k = 0
    for row in rows:
        cells = []
        for text, attrs in row:
            blank = None
            if blanks and text == "":
                blank = blanks[k % len(blanks)]
                k += 1
            cells.append(cms_cell(text, attrs, blank))
        out.append("<tr>" + "".join(cells) + "</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def cms_p(text, cls=None):
    return '<p%s style="text-indent:2em;">%s</p>\n' % (' class="%s"' % cls if cls else "", esc(text))


GBK_ONLY = "堃喆珺"  # in GBK (and GB18030), not in GB2312


def case_html_gbk(seed, sv):
    for ch in GBK_ONLY:  # the point of the case: these cannot be read as strict GB2312
        ch.encode("gbk")
        try:
            ch.encode("gb2312")
            raise AssertionError(ch + " is in GB2312")
        except UnicodeEncodeError:
            pass
    t = tables_2021(seed.cells)
    title = seed.agency + seed.title2 + "_重庆市巴南区人民政府"
    h = ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
         '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
         '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n'
         '<title>%s</title>\n' % esc(title),
         '<meta name="ArticleTitle" content="%s" />\n' % esc(seed.agency + seed.title2),
         '<meta name="Description" content="@@DESCRIPTION@@" />\n',
         '<link href="/css/article.css" rel="stylesheet" type="text/css" />\n</head>\n<body>\n'
         '<div class="article">\n']
    # the body's heading names the year but not the agency
    h.append('<h2 class="title">%s</h2>\n' % esc(seed.title2))
    h.append('<div class="info">发布时间：2025-01-20　　来源：本站　　编辑：王%s</div>\n' % GBK_ONLY[0])
    h.append('<div class="content" id="zoom">\n')
    h.append(cms_p("一、总体情况"))
    h.extend(cms_p(p) for p in seed.intro)
    h.append(cms_p("二、主动公开政府信息情况"))
    h.append(cms_table(t[0]))
    h.append(cms_p("三、收到和处理政府信息公开申请情况"))
    h.append(cms_table(t[1]))
    h.append(cms_p("四、政府信息公开行政复议、行政诉讼情况"))
    h.append(cms_table(t[2]))
    h.append(cms_p(seed.sec5_head))
    h.extend(cms_p(p) for p in seed.sec5)
    h.append(cms_p("六、其他需要报告的事项"))
    h.extend(cms_p(p) for p in seed.sec6)
    h.append(cms_p("联系人：李%s、张%s　联系电话：023-66221234" % (GBK_ONLY[1], GBK_ONLY[2])))
    h.append("</div>\n</div>\n</body>\n</html>\n")
    # the CMS cut the summary at 101 bytes, in the middle of a character: one undecodable byte
    desc = seed.intro[0].encode("gbk")[:101]
    assert desc[-1] >= 0x81
    page = "".join(h).encode("gbk").replace(b"@@DESCRIPTION@@", desc)
    return page, mc.expected_ok(sv, seed.agency, 2024)


# ---------------------------------------------------------------------------------------------
# A portal page: the report inside layout tables, among navigation and unrelated tables.

def case_html_amid_tables(seed, sv):
    t = tables_2021(seed.cells)
    full_title = seed.agency + seed.title2
    nav = ["首页", "政务公开", "政务服务", "互动交流", "走进巴南"]
    other_years = [seed.agency + "2023年政府信息公开工作年度报告",
                   seed.agency + "2022年政府信息公开工作年度报告",
                   "重庆市巴南区人民政府2024年政府信息公开工作年度报告"]
    h = ['<!-- saved from url=(0071)https://www.cqbn.gov.cn/bmjz/qscjgj/zwgk_97182/zfxxgkndbg/ -->\n'
         '<!DOCTYPE html>\n<html lang="zh-CN"><head>\n<meta charset="utf-8">\n'
         '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
         '<title>重庆市巴南区人民政府</title>\n'
         '<script type="text/javascript">var _hmt = _hmt || []; document.write("<table><tr><td>'
         '2023年政府信息公开工作年度报告</td></tr></table>");</script>\n'
         '<style>table.layout td { vertical-align: top; } .nav li { float: left; }</style>\n'
         '</head>\n<body>\n']
    # header: a layout table with the logo, a search form and a <select> of agencies
    h.append('<table class="layout" width="1000" align="center" border="0"><tr>'
             '<td><img src="/images/logo.png" alt="重庆市巴南区人民政府"></td>'
             '<td><form action="/search"><input type="text" name="q" value="">'
             '<select name="site"><option>重庆市巴南区市场监督管理局</option>'
             '<option>重庆市巴南区财政局2024年政府信息公开工作年度报告</option></select>'
             '<input type="submit" value="搜索"></form></td></tr></table>\n')
    h.append('<div class="nav"><ul>%s</ul></div>\n'
             % "".join('<li><a href="/%d/">%s</a></li>' % (i, n) for i, n in enumerate(nav)))
    # the page body: a two-column layout table; the report sits in a nested one
    h.append('<table class="layout" width="1000" align="center" border="0" cellpadding="0" '
             'cellspacing="0">\n<tr>\n<td width="240" class="left">\n')
    h.append('<div class="side-title">年度报告</div>\n<ul class="list">%s</ul>\n'
             % "".join('<li><a href="/ndbg/%d.html" title="%s">%s</a></li>' % (i, esc(x), esc(x))
                       for i, x in enumerate(other_years)))
    h.append('<table class="links" width="100%%"><tr><th>相关链接</th></tr>%s</table>\n'
             % "".join('<tr><td><a href="/l/%d">%s</a></td></tr>' % (i, esc(x))
                       for i, x in enumerate(other_years[:2] + ["中国政府网", "重庆市人民政府"])))
    h.append('</td>\n<td width="760" class="main">\n')
    h.append('<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
             ' &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>\n')
    h.append('<table class="info" width="100%%" border="1"><tr><td>索引号：</td>'
             '<td>11500113MB1J87654X/2025-00012</td><td>发布机构：</td><td>%s</td></tr>'
             '<tr><td>生成日期：</td><td>2025-01-20</td><td>主题分类：</td><td>政务公开</td></tr>'
             '<tr><td>名　　称：</td><td colspan="3">%s</td></tr></table>\n'
             % (esc(seed.agency), esc(full_title)))
    h.append('<table class="article" width="100%" border="0"><tr><td>\n')
    h.append('<h1 class="art-title">%s</h1>\n' % esc(full_title))
    h.append('<div class="art-content">\n')
    h.append(cms_p("一、总体情况"))
    h.extend(cms_p(p) for p in seed.intro)
    h.append(cms_p("二、主动公开政府信息情况"))
    h.append(cms_table(t[0]))
    h.append('<script>$(".report td").css("padding", "2px");</script>\n')
    h.append(cms_p("三、收到和处理政府信息公开申请情况"))
    h.append(cms_table(t[1]))
    h.append(cms_p("四、政府信息公开行政复议、行政诉讼情况"))
    h.append(cms_table(t[2]))
    h.append(cms_p(seed.sec5_head))
    h.extend(cms_p(p) for p in seed.sec5)
    h.append(cms_p("六、其他需要报告的事项"))
    h.extend(cms_p(p) for p in seed.sec6)
    h.append('</div>\n<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>'
             ' 【<a href="javascript:window.print()">打印</a>】</div>\n')
    h.append('</td></tr></table>\n</td>\n</tr>\n</table>\n')
    h.append('<table class="footer" width="1000" align="center"><tr><td>主办单位：重庆市巴南区人民政府'
             '办公室　承办单位：重庆市巴南区大数据应用发展管理局</td></tr><tr><td>网站标识码：5001130001'
             '　<a href="https://beian.miit.gov.cn/">渝ICP备05003300号</a>　渝公网安备 50011302000101号'
             '</td></tr></table>\n</body>\n</html>\n')
    return "".join(h).encode("utf-8"), mc.expected_ok(sv, seed.agency, 2024)


# ---------------------------------------------------------------------------------------------
# A 2019-format page whose zero cells are blank. The numbers are chosen by hand: each printed
# text stands beside its expected value; "" is a blank cell, read as null.

F2019_AGENCY = "重庆市綦江区文化和旅游发展委员会"
F2019_YEAR = 2020
F2019_ACTIVE = [  # (label, header row, [(field, printed, expected)])
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], [
        ("规章", [("active.rules.made", "", None), ("active.rules.published", "", None),
                ("active.rules.in_force", "2", 2)]),
        ("规范性文件", [("active.normative_docs.made", "3", 3),
                   ("active.normative_docs.published", "3", 3),
                   ("active.normative_docs.in_force", "17", 17)])]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], [
        ("行政许可", [("active.licensing.items_last_year", "12", 12),
                  ("active.licensing.items_change", "-1", -1),
                  ("active.licensing.decisions", "86", 86)]),
        ("其他对外管理服务事项", [("active.other_services.items_last_year", "", None),
                        ("active.other_services.items_change", "", None),
                        ("active.other_services.decisions", "", None)])]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], [
        ("行政处罚", [("active.penalty.items_last_year", "9", 9),
                  ("active.penalty.items_change", "0", 0),
                  ("active.penalty.decisions", "14", 14)]),
        ("行政强制", [("active.enforcement.items_last_year", "", None),
                  ("active.enforcement.items_change", "", None),
                  ("active.enforcement.decisions", "", None)])]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [
        ("行政事业性收费", [("active.fees.items_last_year", "1", 1),
                     ("active.fees.items_change", "", None)])]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [
        ("政府集中采购", [("active.procurement.items", "4", 4),
                    ("active.procurement.amount", "38.6", 38.6)])]),
]
F2019_REQ_LABELS = [  # row id, its label cells (text, colspan, rowspan) as the 2019 template has them
    ("requests.new", [("一、本年新收政府信息公开申请数量", 3, 1)]),
    ("requests.carried_over", [("二、上年结转政府信息公开申请数量", 3, 1)]),
    ("requests.result.disclosed", [("三、本年度办理结果", 1, 20), ("（一）予以公开", 2, 1)]),
    ("requests.result.partly_disclosed", [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1)]),
    ("requests.result.withheld.state_secret", [("（三）不予公开", 1, 8), ("1.属于国家秘密", 1, 1)]),
    ("requests.result.withheld.prohibited_by_law", [("2.其他法律行政法规禁止公开", 1, 1)]),
    ("requests.result.withheld.security_stability", [("3.危及“三安全一稳定”", 1, 1)]),
    ("requests.result.withheld.third_party_rights", [("4.保护第三方合法权益", 1, 1)]),
    ("requests.result.withheld.internal_affairs", [("5.属于三类内部事务信息", 1, 1)]),
    ("requests.result.withheld.process_info", [("6.属于四类过程性信息", 1, 1)]),
    ("requests.result.withheld.enforcement_files", [("7.属于行政执法案卷", 1, 1)]),
    ("requests.result.withheld.inquiry", [("8.属于行政查询事项", 1, 1)]),
    ("requests.result.unavailable.not_held", [("（四）无法提供", 1, 3), ("1.本机关不掌握相关政府信息", 1, 1)]),
    ("requests.result.unavailable.needs_creation", [("2.没有现成信息需要另行制作", 1, 1)]),
    ("requests.result.unavailable.unclear", [("3.补正后申请内容仍不明确", 1, 1)]),
    ("requests.result.not_processed.complaint", [("（五）不予处理", 1, 5), ("1.信访举报投诉类申请", 1, 1)]),
    ("requests.result.not_processed.duplicate", [("2.重复申请", 1, 1)]),
    ("requests.result.not_processed.publication", [("3.要求提供公开出版物", 1, 1)]),
    ("requests.result.not_processed.excessive", [("4.无正当理由大量反复申请", 1, 1)]),
    ("requests.result.not_processed.confirmation", [("5.要求行政机关确认或重新出具已获取信息", 1, 1)]),
    ("requests.result.other", [("（六）其他处理", 2, 1)]),
    ("requests.result.total", [("（七）总计", 2, 1)]),
    ("requests.carried_forward", [("四、结转下年度继续办理", 3, 1)]),
]
# printed texts per row, in the columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
F2019_REQ = {
    "requests.new": ["5", "1", "", "", "", "", "6"],
    "requests.carried_over": ["", "", "", "", "", "", ""],
    "requests.result.disclosed": ["3", "1", "", "", "", "", "4"],
    "requests.result.partly_disclosed": ["1", "", "", "", "", "", "1"],
    "requests.result.withheld.process_info": ["1", "", "", "", "", "", "1"],
    "requests.result.unavailable.not_held": ["0", "", "", "", "", "", "0"],
    "requests.result.total": ["5", "1", "", "", "", "", "6"],
    "requests.carried_forward": ["0", "", "", "", "", "", "0"],
}
F2019_REQ_EXPECTED = {  # the same rows as values, typed separately
    "requests.new": [5, 1, None, None, None, None, 6],
    "requests.result.disclosed": [3, 1, None, None, None, None, 4],
    "requests.result.partly_disclosed": [1, None, None, None, None, None, 1],
    "requests.result.withheld.process_info": [1, None, None, None, None, None, 1],
    "requests.result.unavailable.not_held": [0, None, None, None, None, None, 0],
    "requests.result.total": [5, 1, None, None, None, None, 6],
    "requests.carried_forward": [0, None, None, None, None, None, 0],
}
F2019_APPEALS = {  # 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
    "appeals.review": [("1", 1), ("", None), ("", None), ("", None), ("1", 1)],
    "appeals.suit_direct": [("", None)] * 5,
    "appeals.suit_after_review": [("0", 0)] * 5,
}
# six ways a blank cell is written, used in turn
BLANKS = ["", "&nbsp;", "<br />", "　", " ", "<span style=\"font-family:宋体\">&nbsp;&nbsp;</span>"]


def f2019_tables():
    def c(text, colspan=1, rowspan=1, head=False):
        return (text, {"colspan": colspan, "rowspan": rowspan, "head": head})

    active = []
    for sec, head, rows in F2019_ACTIVE:
        active.append([c(sec, 4, head=True)])
        hrow = [c(head[0], head=True)] + [c(x, head=True) for x in head[1:]]
        if len(head) == 3:
            hrow[-1] = c(head[-1], 2, head=True)
        active.append(hrow)
        for label, cells in rows:
            row = [c(label)] + [c(p) for _, p, _ in cells]
            if len(cells) == 2:
                row[-1] = c(cells[-1][1], 2)
            active.append(row)
    requests = [
        [c(REQ_HEAD_NOTE, 3, 3, head=True), c("申请人情况", 7, head=True)],
        [c("自然人", 1, 2, head=True), c("法人或其他组织", 5, head=True), c("总计", 1, 2, head=True)],
        [c(t, head=True) for t in APPLICANT_COLS],
    ]
    for fid, labels in F2019_REQ_LABELS:
        texts = F2019_REQ.get(fid, [""] * 7)
        requests.append([c(*lab) for lab in labels] + [c(x) for x in texts])
    assert len(requests) == 26
    outcome = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    appeals = [
        [c("行政复议", 5, head=True), c("行政诉讼", 10, head=True)],
        [c(t, 1, 2, head=True) for t in outcome]
        + [c("未经复议直接起诉", 5, head=True), c("复议后起诉", 5, head=True)],
        [c(t, head=True) for t in outcome * 2],
        [c(p) for r in mc.APPEAL_ROWS for p, _ in F2019_APPEALS[r]],
    ]
    return [active, requests, appeals]


def f2019_expected():
    values = {}
    for _, _, rows in F2019_ACTIVE:
        for _, cells in rows:
            for fid, _, val in cells:
                values[fid] = val
    for fid, _ in F2019_REQ_LABELS:
        vals = F2019_REQ_EXPECTED.get(fid, [None] * 7)
        for col, val in zip(mc.REQ_COLS, vals):
            values[fid + "." + col] = val
    for r in mc.APPEAL_ROWS:
        for col, (_, val) in zip(mc.APPEAL_COLS, F2019_APPEALS[r]):
            values[r + "." + col] = val
    assert len(values) == 22 + 23 * 7 + 15
    return {"rc": 0, "agency": F2019_AGENCY, "year": F2019_YEAR, "template": "2019",
            "values": values}


def case_html_2019_blank():
    t = f2019_tables()
    h = ['\ufeff<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
         '<title>%s%d年政府信息公开工作年度报告</title>\n</head>\n<body>\n' % (F2019_AGENCY, F2019_YEAR)]
    h.append('<div class="title">%s<br>%d年政府信息公开工作年度报告</div>\n' % (F2019_AGENCY, F2019_YEAR))
    h.append(cms_p("本报告根据《中华人民共和国政府信息公开条例》要求编制。"))
    h.append(cms_p("二、主动公开政府信息情况"))
    h.append(cms_table(t[0], BLANKS))
    h.append(cms_p("三、收到和处理政府信息公开申请情况"))
    h.append(cms_table(t[1], BLANKS))
    h.append(cms_p("四、政府信息公开行政复议、行政诉讼情况"))
    h.append(cms_table(t[2], BLANKS))
    h.append("</body>\n</html>\n")
    return "".join(h).encode("utf-8"), f2019_expected()


# ---------------------------------------------------------------------------------------------

def write_case(out, name, content, expected):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.html"), "wb") as f:
        f.write(content)
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


def main(argv):
    out = os.path.join(ROOT, "corpus")
    if len(argv) == 3 and argv[1] == "--out":
        out = argv[2]
    elif len(argv) != 1:
        sys.stderr.write("usage: mkhtml.py [--out DIR]\n")
        return 2
    seed = mc.Seed(mc.SEED_TXT)
    sv = mc.load_seed_values()
    for name, fn in [("html-seed-word", case_html_seed_word),
                     ("html-gbk", case_html_gbk),
                     ("html-amid-tables", case_html_amid_tables)]:
        content, expected = fn(seed, sv)
        write_case(out, name, content, expected)
    content, expected = case_html_2019_blank()
    write_case(out, "html-2019-blank", content, expected)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
