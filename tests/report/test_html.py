"""Report pages: self-contained, offline, no script, untrusted text shown as text, CJK embedded."""

import base64
import hashlib
import io
import re
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from nbconvert.filters.markdown import markdown2html

from helpers.report import display, export, fonts, runner

ATTACKS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"></svg>',
    '<a href="javascript:window.__xss = 4">点击</a>',
    '<iframe src="https://evil.example/"></iframe>',
]
ARTICLE = "衡阳市产业链建设。" + " ".join(ATTACKS) + "招商引资。"
INFO = export.PageInfo(
    title="测试报告 Test report",
    parameters={"locality": "衡阳市", "term": "<b>"},
    fingerprint="0123456789ab",
    version="9.9.9",
    built_at="2026-11-21 23:59 UTC",
)


class Elements(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self, page):
        super().__init__()
        self.tags = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(page: str) -> None:
    """No element that could run code or fetch from another host, but the page's own table
    script (allowed by its hash)."""
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S | re.I)
    assert all(script == export.TABLE_SCRIPT for script in scripts), scripts
    for tag, attrs in Elements(page).tags:
        assert tag not in ("iframe", "object", "embed", "svg"), tag
        assert tag != "script" or not attrs, attrs
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (
                tag,
                attrs,
            )
        if tag == "img" and "src" in attrs:
            assert attrs["src"].startswith("data:image/"), attrs
    assert export.remote_references(page) == []


def attack_notebook():
    """A notebook as a kernel would leave it, showing the article every way a notebook can."""
    frame = pd.DataFrame({"article_id": ["x-1"], "text": [ARTICLE]})
    code = nbformat.v4.new_code_cell
    cells = [
        code(
            "frame",
            outputs=[
                nbformat.v4.new_output(
                    "execute_result",
                    {"text/html": frame._repr_html_(), "text/plain": repr(frame)},
                    execution_count=1,
                )
            ],
        ),
        code(
            "display.table(frame)",
            outputs=[
                nbformat.v4.new_output("display_data", {"text/html": display.table_html(frame)})
            ],
        ),
        code(
            "display.markdown('**{t}**', t=text)",
            outputs=[
                nbformat.v4.new_output(
                    "display_data", {"text/markdown": f"**{display.escape_markdown(ARTICLE)}**"}
                )
            ],
        ),
        # What a careless notebook would do: raw HTML and Markdown built from the text.
        code(
            "HTML(text)", outputs=[nbformat.v4.new_output("display_data", {"text/html": ARTICLE})]
        ),
        code(
            "Markdown(text)",
            outputs=[nbformat.v4.new_output("display_data", {"text/markdown": ARTICLE})],
        ),
        code(
            "Javascript(...)",
            outputs=[
                nbformat.v4.new_output(
                    "display_data", {"application/javascript": "window.__xss = 5"}
                )
            ],
        ),
        code(
            "print(text)", outputs=[nbformat.v4.new_output("stream", name="stdout", text=ARTICLE)]
        ),
        code("chart", outputs=[nbformat.v4.new_output("display_data", {"image/png": PNG})]),
    ]
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 产业链 report"), *cells]
    )
    notebook.metadata["kernelspec"] = runner.KERNELSPEC
    return notebook


PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360f8cfc0f01f0005000201a5d9c2d60000000049454e44ae426082"
    )
).decode()


@pytest.fixture(scope="module")
def page():
    return export.notebook_page(attack_notebook(), INFO)


def test_untrusted_text_runs_nothing(page):
    assert_inert(page)


def test_untrusted_text_is_shown_as_text(page):
    text = export.visible_text(page)
    for attack in ATTACKS:
        # display.table and print show all of it (pandas' own table truncates long cells)
        assert text.count(attack) >= 2, attack


def test_escaped_markdown_shows_the_characters():
    rendered = markdown2html(display.escape_markdown("**粗** <script>x</script> [a](javascript:y)"))
    assert export.visible_text(rendered).strip() == "**粗** <script>x</script> [a](javascript:y)"
    assert "<script" not in rendered and "<strong>" not in rendered and "<a " not in rendered


def test_tables_survive_the_sanitizer(page):
    tags = [tag for tag, _ in Elements(page).tags]
    assert tags.count("table") >= 2 and "thead" in tags and "th" in tags


def test_images_are_embedded(page):
    assert f'src="data:image/png;base64,{PNG}"' in page


def test_no_cdn_script_or_stylesheet(page):
    assert "require.js" not in page and "mathjax" not in page.lower() and "mermaid" not in page
    assert re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S) in ([], [export.TABLE_SCRIPT])


def test_scripts_and_remote_requests_are_forbidden_by_policy(page):
    meta = [
        attrs
        for tag, attrs in Elements(page).tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    policy = meta[0]["content"]
    assert (
        "default-src 'none'" in policy and "img-src data:" in policy and "font-src data:" in policy
    )
    # the one script allowed is the page's own, by its hash: an injected one would not run
    (allowed,) = re.findall(r"script-src ([^;]+)", policy)
    digest = base64.b64encode(hashlib.sha256(export.TABLE_SCRIPT.encode()).digest()).decode()
    assert allowed.strip() == f"'sha256-{digest}'"


def test_the_table_script_writes_no_html():
    assert not re.search(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", export.TABLE_SCRIPT
    )


def test_header_states_the_title_once_for_which_data_and_links_the_index(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    text = export.visible_text(header)
    for expected in (
        "测试报告 Test report",
        "locality 衡阳市",
        "2026-11-21 23:59 UTC",
        "All reports",
    ):
        assert expected in text, expected
    assert '<a href="index.html">' in header
    assert page.count("<h1") == 1


def test_build_details_are_folded_away_at_the_end(page):
    details = page.split('<footer class="report-build">', 1)[1].split("</footer>", 1)[0]
    assert details.startswith("<details><summary>Build details</summary>")
    for expected in (
        "locality",
        "'衡阳市'",
        "'<b>'",
        "0123456789ab",
        "2026-11-21 23:59 UTC",
        "9.9.9",
    ):
        assert expected in export.visible_text(details), expected


def test_code_is_hidden_by_default_and_shown_with_code(page):
    assert "display.table(frame)" not in export.visible_text(page)
    with_code = export.notebook_page(attack_notebook(), INFO, code=True)
    assert "display.table(frame)" in export.visible_text(with_code)
    assert_inert(with_code)


def embedded_font(page: str) -> TTFont:
    data = re.search(r"src:url\(data:font/\w+;base64,([A-Za-z0-9+/=]+)\)", page).group(1)
    return TTFont(io.BytesIO(base64.b64decode(data)))


def test_the_embedded_font_has_every_character_of_the_page_and_few_more(page):
    cmap = embedded_font(page).getBestCmap()
    shown = {ch for ch in export.visible_text(page) if not ch.isspace()}
    assert {ord(ch) for ch in shown} <= set(cmap)
    assert len(cmap) < len(shown) + 40  # a subset of the page, not the 30,000-character font
    assert f'font-family:"{fonts.WEBFONT_FAMILY}"' in page


def test_failed_report_shows_the_error_in_a_banner():
    failed = export.notebook_page(
        attack_notebook(),
        export.PageInfo(title="t", error="ValueError: unknown locality '北京市' <script>"),
    )
    assert "This report failed." in failed
    assert "ValueError: unknown locality '北京市' <script>" in export.visible_text(failed)
    assert_inert(failed)


@pytest.mark.parametrize(
    "fragment,kept",
    [
        (
            "<table><thead><tr><th>地区</th></tr></thead><tbody><tr><td>衡阳市</td></tr></tbody></table>",
            "<th>地区</th>",
        ),
        ('<p style="color: red">红</p>', 'style="color: red;"'),
        ("<mark>产业链</mark>", "<mark>产业链</mark>"),
    ],
)
def test_sanitizer_keeps_presentation(fragment, kept):
    assert kept in export.sanitize_html(fragment)


@pytest.mark.parametrize(
    "fragment",
    ATTACKS
    + [
        '<img src="https://evil.example/x.png">',
        '<div style="background: url(https://evil.example/x.png)">x</div>',
        "<style>body{background:url(https://evil.example/x.png)}</style>",
        '<link rel="stylesheet" href="https://evil.example/x.css">',
    ],
)
def test_sanitizer_removes_what_runs_or_fetches(fragment):
    assert_inert(export.sanitize_html(fragment))
