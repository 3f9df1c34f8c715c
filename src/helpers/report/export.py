"""Executed notebook -> one self-contained HTML page that can be mailed to a colleague.

A page makes no request to another host (no CDN script, images inline, the CJK font embedded
as a subset), runs no script at all, and shows whatever an article contains as text:

1. notebooks display untrusted text through :mod:`helpers.report.display`, which escapes it;
2. HTML and Markdown outputs pass through an allow-list sanitizer (no ``<script>``, no ``on*``
   attributes, images only from ``data:``) that keeps tables intact, unlike nbconvert's own;
3. a Content-Security-Policy forbids requests to any host and every script but the page's own
   (``templates/report/tables.js``: searching and sorting long tables, allowed by its hash),
   should 1 and 2 miss.
"""

import base64
import hashlib
import html
import re
import string
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from helpers import atomic, config
from helpers.report import fonts

TEMPLATES_DIR = config.REPORT_DIR / "templates"
TEMPLATE_NAME = "report"

# The one script a page may run: searching and sorting its long tables (it writes no HTML).
TABLE_SCRIPT = (TEMPLATES_DIR / TEMPLATE_NAME / "tables.js").read_text(encoding="utf-8")
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(TABLE_SCRIPT.encode()).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src 'sha256-{_SCRIPT_HASH}'; img-src data:; "
    "style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'"
)

# The embedded font comes first: with a system font first, Chromium drew bold Chinese (headings)
# from DejaVu Sans Bold as boxes instead of falling back to the next family.
_TEXT_FONTS = (
    f'"{fonts.WEBFONT_FAMILY}", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
)

_CODE_FONTS = f'"DejaVu Sans Mono", Menlo, Consolas, monospace, "{fonts.WEBFONT_FAMILY}"'

# the page's stylesheet, with the font stacks filled in
PAGE_CSS = string.Template(
    (TEMPLATES_DIR / TEMPLATE_NAME / "page.css").read_text(encoding="utf-8")
).substitute(text_fonts=_TEXT_FONTS, code_fonts=_CODE_FONTS)

# What sanitized output HTML may contain: enough for pandas tables, KWIC tables, headings.
_ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
_ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "style", "title", "lang", "dir"],
    "a": ["href", "title"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
    "col": ["span"],
    "img": ["alt", "width", "height", "src"],
}


@dataclass
class PageInfo:
    """What the header of a report page states."""

    title: str
    parameters: dict = field(default_factory=dict)
    fingerprint: str = ""
    version: str = ""
    built_at: str = ""
    error: str | None = None  # set when the notebook failed: shown in a banner


def _img_src_is_inline(tag: str, name: str, value: str) -> bool:
    if name == "src":
        return tag == "img" and value.startswith("data:image/")
    return name in _ALLOWED_ATTRIBUTES.get(tag, ()) or name in _ALLOWED_ATTRIBUTES["*"]


@cache
def _sanitizer():
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    return bleach.Cleaner(
        tags=_ALLOWED_TAGS,
        attributes=_img_src_is_inline,
        protocols={"http", "https", "mailto", "data"},
        css_sanitizer=CSSSanitizer(),
        strip=True,
        strip_comments=True,
    )


# Whole elements whose content is code, not text: dropped before the sanitizer, which would
# otherwise keep their content as visible text (pandas emits a <style scoped> per table).
_CODE_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def sanitize_html(fragment: str) -> str:
    """Remove scripts, styles, event handlers and remote images from output HTML; keep tables.

    >>> sanitize_html('<p onclick="x()">衡阳</p><script>alert(1)</script><img src="https://x/y.png">')
    '<p>衡阳</p><img>'
    """
    return _sanitizer().clean(_CODE_ELEMENTS.sub("", fragment))


def page_header(info: PageInfo, index_link: bool = True) -> str:
    """The header of a page: a link back to the index, the one title, a line saying for which
    data and parameters it was made, and a banner if the report failed."""
    e = html.escape
    params = "; ".join(
        f"{e(k)} {e('、'.join(v) if isinstance(v, list) else str(v))}"
        for k, v in info.parameters.items()
    )
    lead = (
        f"Made for {params}, from the corpus as built on {e(info.built_at)}."
        if params
        else (f"Made from the corpus as built on {e(info.built_at)}." if info.built_at else "")
    )
    failure = ""
    if info.error:
        failure = (
            f'<div class="report-failed" role="alert"><strong>This report failed.</strong> '
            f"The page shows the notebook up to the error.<pre>{e(info.error)}</pre></div>"
        )
    back = (
        '<nav class="report-nav"><a href="index.html">← All reports</a></nav>' if index_link else ""
    )
    return (
        f'<header class="report-header">{back}<h1>{e(info.title)}</h1>'
        f'<p class="report-lead">{lead}</p>{failure}</header>'
    )


def build_details(info: PageInfo) -> str:
    """What a page was built from, folded away at its end: parameters, data, time, version."""
    e = html.escape
    params = ", ".join(f"<code>{e(k)}</code> = {e(repr(v))}" for k, v in info.parameters.items())
    rows = [
        ("Parameters", params or "none"),
        ("Data fingerprint", f"<code>{e(info.fingerprint)}</code>"),
        ("Built", e(info.built_at)),
        ("helpers version", e(info.version)),
    ]
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        '<footer class="report-build"><details><summary>Build details</summary>'
        f"<dl>{items}</dl></details></footer>"
    )


_SECTION = re.compile(
    r'<h2 id="([^"]+)">(.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h2>', re.DOTALL
)
# The notebook's own first heading: the header already gives the page its one title.
_NOTEBOOK_TITLE = re.compile(r"<h1 id=[^>]*>.*?</h1>", re.DOTALL)


def table_of_contents(page: str) -> str:
    """A list of links to the page's sections (its ``<h2>`` headings), or "" if it has none.

    >>> table_of_contents('<h2 id="Theme-rates">Theme rates<a class="anchor-link" href="#Theme-rates">¶</a></h2>')
    '<nav class="report-toc"><strong>On this page</strong><ol><li><a href="#Theme-rates">Theme rates</a></li></ol></nav>'
    """
    sections = [
        (anchor, re.sub(r"<[^>]+>", "", text).strip()) for anchor, text in _SECTION.findall(page)
    ]
    if not sections:
        return ""
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in sections)
    return f'<nav class="report-toc"><strong>On this page</strong><ol>{items}</ol></nav>'


class _TextCollector(HTMLParser):
    """The characters a reader sees: text nodes outside <style> and <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """Text content of an HTML page, without styles and scripts.

    >>> visible_text("<style>p{}</style><p>衡阳 &lt;b&gt;</p>")
    '衡阳 <b>'
    """
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    return "".join(collector.parts)


def embed_webfont(page: str) -> str:
    """Insert, before ``</head>``, the CJK font subset for the characters the page shows."""
    chars = set(visible_text(page)) | set("0123456789")
    css = fonts.webfont_css("".join(chars))
    return page.replace("</head>", f"<style>{css}</style>\n</head>", 1)


_URL_IN_CSS = re.compile(r"""url\(\s*["']?\s*((?:https?:)?//[^"')\s]+)""", re.IGNORECASE)
_FETCHING_ATTRIBUTES = frozenset(
    {"src", "srcset", "poster", "data", "background", "action", "formaction"}
)


class _RemoteCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls, self._in_style = [], False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"
        for name, value in attrs:
            value = (value or "").strip()
            fetched = name in _FETCHING_ATTRIBUTES or (tag == "link" and name == "href")
            if fetched and re.match(r"(?:https?:)?//", value, re.IGNORECASE):
                self.urls.append(value)
            if name == "style":
                self.urls += _URL_IN_CSS.findall(value)

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += _URL_IN_CSS.findall(data)


def remote_references(page: str) -> list[str]:
    """URLs on other hosts that a browser would fetch when opening the page (should be none).

    Plain links (``<a href>``) are not fetched and not listed, nor is text that looks like HTML.

    >>> remote_references('<img src="https://cdn.example/x.png"><a href="https://example.org">x</a>')
    ['https://cdn.example/x.png']
    >>> remote_references('<p>&lt;img src="https://cdn.example/x.png"&gt;</p>')
    []
    """
    collector = _RemoteCollector()
    collector.feed(page)
    collector.close()
    return collector.urls


_INTERACTIVE = re.compile(r"""<table [^>]*class=["'][^"']*\binteractive\b""")


def _finish(page: str) -> str:
    if _INTERACTIVE.search(page):
        page = page.replace("</body>", f"<script>{TABLE_SCRIPT}</script></body>", 1)
    page = embed_webfont(page)
    remote = remote_references(page)
    if remote:  # the template and the sanitizer should make this impossible: fail loudly
        raise ValueError(f"page would fetch from other hosts: {remote[:3]}")
    return page


@cache
def _exporter(code: bool):
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not code,
        exclude_input_prompt=not code,
        exclude_output_prompt=True,
        language_code="zh",  # lets browsers pick Chinese glyph forms (nbconvert takes ISO 639-1 only)
        filters={"report_sanitize": sanitize_html},
    )


def warm_up() -> None:
    """Pay the imports and template compilation once (a worker process calls this at start)."""
    from fontTools import subset  # noqa: F401

    _sanitizer()
    for code in (False, True):
        _exporter(code).template  # noqa: B018 (loads and compiles the template)


def notebook_page(notebook, info: PageInfo, code: bool = False) -> str:
    """Render an executed notebook (nbformat node) as a self-contained report page."""
    resources = {
        "report": {"csp": CONTENT_SECURITY_POLICY, "css": PAGE_CSS, "header": page_header(info)},
        "metadata": {"name": info.title},
    }  # the page's <title>
    page, _ = _exporter(code).from_notebook_node(notebook, resources=resources)
    page = _NOTEBOOK_TITLE.sub("", page, count=1)
    page = page.replace("</header>", "</header>" + table_of_contents(page), 1)
    return _finish(page.replace("</body>", build_details(info) + "</body>", 1))


def standalone_page(info: PageInfo, body: str, index_link: bool = True) -> str:
    """A page outside nbconvert (the index, or a report whose notebook never ran)."""
    return _finish(
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        f"<title>{html.escape(info.title)}</title><style>{PAGE_CSS}</style></head>"
        f"<body>{page_header(info, index_link)}<main>{body}</main>{build_details(info)}</body></html>\n"
    )


def write_page(path: Path, page: str) -> None:
    """Write a page atomically: a reader never sees half a report."""
    atomic.write_text(path, page)
