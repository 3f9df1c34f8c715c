"""Raw article files of every format analysts have -> ``Decoded`` text, by file suffix.

Readers are registered under the suffixes they read (``register``), and ``read_article``
picks one by the file's suffix; a suffix without a reader is a one-line ``InputError``.
Each reader returns the text the cleaning steps expect, one paragraph a line, with the
codec saying what it was read as (``utf-8``, ``html``, ``docx``, ``pdf``...). Bytes are
decoded in :mod:`helpers.clean.decode` only.

A saved web page's article block is found by trafilatura; its title and date (htmldate)
become the text's first lines, a headline and a ``发布时间：`` stamp, so that the headline and
date steps read them as they read any portal's page. Lines of chrome inside the block
(a view counter, a telephone number) are left to the chrome step.

The parsers are imported on first use: a build of text files never pays for them.
"""

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from helpers.clean.bylines import labelled_credits
from helpers.clean.decode import Decoded, decode_page, read_bytes, read_text
from helpers.errors import InputError

Reader = Callable[[Path], Decoded]
READERS: dict[str, Reader] = {}

# Markup saved under .txt: read as the web page it is, not as text with tags.
_MARKUP_START = re.compile(r"\s*(?:<!DOCTYPE\s+html|<html)", re.IGNORECASE)
DATE_LABEL = "发布时间："
# Where a page's credit line stands (div.info, p.source, span.author...), and how long it may be:
# the block around the whole article is longer.
_BLOCKS = ("div", "p", "span", "td", "li", "section", "header")
_CREDIT_LINE_CHARS = 160


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for files with these suffixes (lower case, with the dot)."""

    def add(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = reader
        return reader

    return add


def read_article(path: str | Path) -> Decoded:
    """Read a raw article file with the reader of its suffix. Raises ``InputError``.

    >>> read_article("notes.xlsx")
    Traceback (most recent call last):
    helpers.errors.InputError: notes.xlsx: unsupported file type .xlsx (articles are .docx, .htm, .html, .pdf, .txt)
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            path,
            f"unsupported file type {path.suffix or '(no suffix)'} "
            f"(articles are {', '.join(sorted(READERS))})",
        )
    return reader(path)


def _with_text(text: str, codec: str, path: Path, flags: tuple[str, ...] = ()) -> Decoded:
    if not text.strip():
        raise InputError(path, f"no text in this {codec} file")
    return Decoded(text, codec, flags)


@register(".txt")
def read_plain(path: Path) -> Decoded:
    """A text file in any encoding; a web page saved as text is read as a web page."""
    decoded = read_text(path)
    if _MARKUP_START.match(decoded.text):
        return page_text(decoded.text, path, decoded.flags + ("web-page-saved-as-txt",))
    return decoded


@register(".html", ".htm")
def read_page(path: Path) -> Decoded:
    """A saved web page: its article text, headed by its title and date."""
    decoded = decode_page(read_bytes(path), path)
    return page_text(decoded.text, path, decoded.flags)


def page_text(html: str, path: Path, flags: tuple[str, ...] = ()) -> Decoded:
    """The article of a web page's markup: the page title, a ``发布时间：`` line with the date
    htmldate finds, then the main text trafilatura keeps (recall over precision: the chrome
    step drops what it keeps too much).

    >>> page_text("<html><head><title>衡阳市召开产业链大会</title></head><body><article>"
    ...     "<p>9月29日，衡阳市召开产业链建设推进大会，全市上下聚焦先进制造业，加快建设产业链。</p>"
    ...     "</article></body></html>", Path("x.html")).text.splitlines()[0]
    '衡阳市召开产业链大会'
    """
    import htmldate
    import trafilatura

    body = trafilatura.extract(html, favor_recall=True)
    if not body or not body.strip():
        raise InputError(path, "no article text in this web page")
    title = (trafilatura.extract_metadata(html).title or "").strip()
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest  # the title goes above the date line, as a portal's page has it
    date = htmldate.find_date(html, original_date=True)
    lines = ([title] if title else []) + ([f"{DATE_LABEL}{date}"] if date else [])
    if not _names_credits(body) and (credits := _credit_line(html)):
        lines.append(credits)
    return _with_text("\n".join([*lines, body]), "html", path, flags)


def _names_credits(text: str) -> bool:
    """True if labelled credits in ``text`` name an outlet or a reporter."""
    credits = labelled_credits(text)
    return bool(credits["outlet"] or credits["reporters"])


def _credit_line(html: str) -> str | None:
    """The page's own line of credits (来源：柳州日报　作者：记者 韦晓燕), which trafilatura leaves
    out with the page's furniture: the first short block of the page whose labelled credits
    name an outlet or a reporter, its white space collapsed. The chrome step drops it from the
    text once the outlet and the reporters are read from it."""
    import lxml.html

    for element in lxml.html.fromstring(html).iter(*_BLOCKS):
        line = " ".join(element.text_content().split())
        if len(line) <= _CREDIT_LINE_CHARS and _names_credits(line):
            return line
    return None


@register(".docx")
def read_docx(path: Path) -> Decoded:
    """A Word document: its paragraphs, one a line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(read_bytes(path)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(path, f"not a Word (.docx) document: {error}") from None
    return _with_text("\n".join(p.text for p in document.paragraphs), "docx", path)


@register(".pdf")
def read_pdf(path: Path) -> Decoded:
    """A PDF's text layer, one paragraph a line (see ``pdf_paragraphs``), page after page."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(read_bytes(path))) as pdf:
            paragraphs = [text for page in pdf.pages for text in pdf_paragraphs(page)]
    except (PdfminerException, KeyError, ValueError) as error:
        raise InputError(path, f"not a readable PDF: {error}") from None
    if not paragraphs:
        raise InputError(path, "PDF without a text layer (scanned pages?): run OCR on it first")
    return Decoded("\n".join(paragraphs), "pdf")


def pdf_paragraphs(page) -> list[str]:
    """The paragraphs of a PDF page. The page's geometry says where a paragraph goes on,
    which the text alone cannot (a wrapped opening line reads like a subtitle): a line that
    reaches the right edge of the text, within one character, was wrapped by the typesetter,
    unless the next line is indented or set apart by more than a line's height."""
    lines = page.extract_text_lines()
    right = max((line["x1"] for line in lines), default=0)
    left = min((line["x0"] for line in lines), default=0)
    paragraphs, current = [], ""
    for line, after in zip(lines, lines[1:] + [None]):
        current += line["text"]
        size = line["chars"][-1]["size"]
        wrapped = (
            after is not None
            and line["x1"] >= right - size
            and after["x0"] < left + size
            and after["top"] - line["bottom"] < size
        )
        if not wrapped:
            paragraphs.append(current)
            current = ""
    return paragraphs
