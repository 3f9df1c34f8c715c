"""Readers of every format analysts have: real files made here, read as the build reads them."""

import subprocess
import sys

import docx
import pandas as pd
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from helpers.build import sets
from helpers.clean.articles import load_file
from helpers.clean.formats import READERS, read_article
from helpers.errors import InputError

TITLE = "宜宾市召开动力电池产业链推进会"
PARAGRAPHS = [
    "3月15日，宜宾市召开动力电池产业链推进会。市委书记在会上强调，要坚持把动力电池产业"
    "作为全市经济发展的主导产业，加快建设世界级动力电池产业集群。",
    "会议指出，全市上下要聚焦产业链招商，围绕龙头企业引进配套项目，力争到2025年动力电池"
    "产业产值突破2000亿元。",
    "会议要求，各县区要强化要素保障，优化营商环境，推动项目早落地、早投产、早见效。",
]
# Chrome a saved portal page has around the article and inside its block.
CHROME = ["首页", "政务公开", "当前位置", "浏览次数", "相关新闻", "版权所有", "ICP备", "联系电话"]
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="{{charset}}"><title>{TITLE}_宜宾市人民政府</title>
<meta name="pubdate" content="2023-03-15"></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zw">政务公开</a> | <a href="/xw">新闻中心</a></div>
<div class="crumb">当前位置：首页 &gt; 新闻中心 &gt; 本地要闻</div>
<div class="article"><h1>{TITLE}</h1>
<p>发布日期：2023-03-15 浏览次数：128</p>
{"".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)}
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a">宜宾市召开安全生产工作会议</a></li>
<li><a href="/b">全市招商引资工作推进会召开</a></li></ul></div>
<div class="footer">主办：宜宾市人民政府办公室 版权所有 蜀ICP备12345678号 联系电话：0831-1234567</div>
</body></html>"""


def write_docx(path, lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def write_pdf(path, lines, width=360):
    """A PDF with a text layer (an Adobe CID font: nothing embedded, the text extractable),
    each paragraph wrapped at ``width`` points as a typesetter wraps it."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 10)
    y = 800
    for line in lines:
        while line:
            fits = next(
                n
                for n in range(len(line), 0, -1)
                if pdfmetrics.stringWidth(line[:n], "STSong-Light", 10) <= width
            )
            pdf.drawString(40, y, line[:fits])
            line, y = line[fits:], y - 14
        y -= 8
    pdf.showPage()
    pdf.save()


def write_scan(path):
    """An image-only PDF: pages of shapes, no text layer."""
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()


def assert_is_the_article(article):
    assert article.title == TITLE
    assert article.date == "2023-03-15" and article.year == 2023
    assert article.locality == "宜宾市" and article.province == "四川省"
    assert article.text.split("\n") == PARAGRAPHS
    assert not [word for word in CHROME if word in article.text]


@pytest.mark.parametrize("name, charset", [("page.html", "utf-8"), ("page.htm", "gb2312")])
def test_a_saved_web_page_gives_its_title_date_and_text_without_chrome(tmp_path, name, charset):
    path = tmp_path / name
    page = PAGE.replace("{charset}", charset)
    path.write_bytes(page.encode("gbk" if charset == "gb2312" else charset))
    (article,) = load_file(path)
    assert_is_the_article(article)
    assert article.encoding == "html"


def test_a_web_page_saved_as_txt_is_read_as_a_web_page(tmp_path):
    path = tmp_path / "yibin-page.txt"
    path.write_text(PAGE.replace("{charset}", "utf-8"), encoding="utf-8")
    (article,) = load_file(path)
    assert_is_the_article(article)
    assert "<" not in article.text and "web-page-saved-as-txt" in article.flags


def test_the_page_title_heads_the_text_once_and_the_date_is_a_stamp(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.replace("{charset}", "utf-8"), encoding="utf-8")
    lines = read_article(path).text.split("\n")
    assert lines[:2] == [TITLE, "发布时间：2023-03-15"] and lines.count(TITLE) == 1


def test_a_page_credit_line_left_out_of_the_article_block_gives_outlet_and_reporters(tmp_path):
    # the credit line stands above the paragraphs' block, with the page's font-size widget:
    # trafilatura keeps the paragraphs only
    credits = (
        '<div class="info">发布时间：2023-03-15 10:00\u3000来源：三江晚报\u3000作者：记者 周文彬'
        '\u3000字号：<a href="#">大</a> <a href="#">小</a></div>'
    )
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><head><title>{TITLE}</title></head><body><div class="article"><h1>{TITLE}</h1>'
        f'{credits}<div class="content">{paragraphs}</div></div></body></html>',
        "utf-8",
    )
    (article,) = load_file(path)
    assert (article.outlet, article.reporters) == ("三江晚报", ["周文彬"])
    assert_is_the_article(article)
    assert "字号" not in article.text


def test_a_word_document_gives_one_paragraph_a_line(tmp_path):
    path = tmp_path / "yibin.docx"
    write_docx(path, [TITLE, "2023-03-15 来源：宜宾日报", *PARAGRAPHS, "责任编辑：张三"])
    assert read_article(path).codec == "docx"
    (article,) = load_file(path)
    assert_is_the_article(article)


def test_a_pdf_with_a_text_layer_is_read_and_its_wraps_joined(tmp_path):
    path = tmp_path / "yibin.pdf"
    write_pdf(path, [TITLE, "发布时间：2023-03-15", *PARAGRAPHS])
    assert read_article(path).codec == "pdf"
    (article,) = load_file(path)
    assert_is_the_article(article)


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("scan.pdf", write_scan, "PDF without a text layer"),
        ("broken.pdf", lambda path: path.write_bytes(b"%PDF-1.4 not really"), "not a readable PDF"),
        ("broken.docx", lambda path: path.write_bytes(b"PK not a zip"), "not a Word (.docx)"),
        ("table.xlsx", lambda path: path.write_bytes(b"PK"), "unsupported file type .xlsx"),
        ("notes", lambda path: path.write_text("衡阳"), "unsupported file type (no suffix)"),
        ("menu.html", lambda path: path.write_text("<html><body></body></html>"), "no article"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_one_line_error_naming_it(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as raised:
        load_file(path)
    assert str(raised.value).startswith(f"{path}: {reason}") and "\n" not in str(raised.value)


def test_every_reader_is_registered_by_a_lower_case_suffix():
    assert set(READERS) == {".txt", ".html", ".htm", ".docx", ".pdf"}


def test_the_build_names_each_bad_file_on_one_line_and_publishes_the_others(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "yibin.html").write_text(PAGE.replace("{charset}", "utf-8"), encoding="utf-8")
    write_docx(raw / "yibin.docx", [TITLE, "2023-03-15", *PARAGRAPHS])
    write_scan(raw / "scan.pdf")
    (raw / "table.xlsx").write_bytes(b"PK")
    (raw / "README.md").write_text("notes on the sources, not an article")
    (raw / "SHA256SUMS").write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "build", "--quiet"]
        + ["--raw-dir", str(raw), "--out-dir", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    lines = sorted(result.stderr.strip().splitlines())
    assert [line.split(": ")[1] for line in lines] == [
        str(raw / "scan.pdf"),
        str(raw / "table.xlsx"),
    ]
    articles = pd.read_parquet(sets.current(out) / "articles.parquet")
    assert sorted(articles["source"]) == ["yibin.docx", "yibin.html"]
    assert set(articles["title"]) == {TITLE}
