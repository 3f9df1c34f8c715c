"""Showing results in a notebook without trusting the text: every value is escaped.

Article text is untrusted input. Markdown lets raw HTML through, so a notebook never puts an
article's text into ``Markdown(f"...")``; it calls these functions, which escape every value
and build the HTML themselves. (The HTML export sanitizes outputs again: two locks.)
"""

import html
import json
import re
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML, Markdown, display

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


GLOSS_CHARS = 60  # longer glosses are cut at a word: a label must not squeeze a table or chart
# Dictionary apparatus that is no gloss: cross-references and pinyin in brackets.
_NOT_GLOSS = re.compile(r",?\s*\b(?:abbr\.|see also\b|see\b|variant of\b|also written\b).*$|\[[^\]]*\]")


def short_gloss(gloss: str, limit: int = GLOSS_CHARS) -> str:
    """The first sense of a gloss without dictionary apparatus, cut at a word to ``limit`` characters.

    >>> short_gloss("fine chemical industry, abbr. of 化學工業|化学工业[hua4 xue2 gong1 ye4]")
    'fine chemical industry'
    >>> short_gloss("six stabilities; six guarantees")
    'six stabilities'
    >>> short_gloss("Yunyang county in Wanzhou suburbs of north Chongqing", limit=30)
    'Yunyang county in Wanzhou…'
    >>> short_gloss("to push (e.g. for acceptance of a plan)", limit=30)
    'to push'
    """
    first = _NOT_GLOSS.sub("", gloss.split(";", 1)[0]).strip(" ,")
    if len(first) > limit:  # asides in parentheses go first, then words from the end
        first = re.sub(r"\s*\([^)]*\)", "", first)
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",") + "…"


def gloss(term: str, limit: int = GLOSS_CHARS) -> str:
    """A short English gloss for a table's English column; empty when none is known.

    >>> gloss("产业链")
    'industrial chain'
    """
    from helpers.gloss import english

    english_ = english(term)
    return short_gloss(english_, limit) if english_ != term else ""


def setup() -> None:
    """Fonts and theme for charts, pandas display options: the first call of every notebook."""
    from helpers import plots

    plots.use_cjk_font()
    # A Styler renders cell values unescaped unless told otherwise.
    pd.set_option("styler.format.escape", "html")
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 200)


def escape_markdown(value) -> str:
    """Text that Markdown shows literally: HTML escaped, Markdown syntax backslashed.

    >>> escape_markdown("<img src=x onerror=alert(1)> **产业链**")
    '&lt;img src=x onerror=alert\\\\(1\\\\)&gt; \\\\*\\\\*产业链\\\\*\\\\*'
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


def markdown(template: str, **values) -> None:
    """Display trusted Markdown ``template`` with untrusted ``values`` escaped into it.

    ``markdown("**{city}** names {n} chains", city=city, n=14)``: a value holding ``<script>``
    or ``**`` shows those characters (see :func:`escape_markdown`).
    """
    display(Markdown(template.format(**{k: escape_markdown(v) for k, v in values.items()})))


def _number(x: float) -> str:
    """Floats for reading: whole numbers (years, counts) as such, others to 3 significant digits.

    >>> [_number(x) for x in (2021.0, 309.12, 0.0812, 3.84e11)]
    ['2021', '309', '0.0812', '3.84e+11']
    """
    if float(x).is_integer() and abs(x) < 1e6:
        return f"{x:.0f}"
    return f"{x:.3g}"


def table_html(frame: pd.DataFrame, index: bool = False, caption: str | None = None,
               classes: str = "report-table") -> str:
    """HTML of a table with every cell escaped (and floats rounded for reading).

    >>> "&lt;script&gt;" in table_html(pd.DataFrame({"text": ["<script>"]}))
    True
    """
    shown = frame.to_html(index=index, escape=True, border=0, classes=classes, na_rep="",
                          float_format=_number)
    if caption:
        shown = shown.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    return shown


def table(frame: pd.DataFrame, index: bool = False, caption: str | None = None) -> None:
    """Display a DataFrame as an escaped HTML table."""
    display(HTML(table_html(frame, index=index, caption=caption)))


def quotes(sentences: Iterable[str], source: Iterable[str] | None = None) -> None:
    """Display sentences as evidence, each as escaped text with its source beside it."""
    sources = list(source) if source is not None else None
    items = "".join(
        f"<li>{html.escape(str(s))}" + (f" <small>({html.escape(str(sources[i]))})</small>" if sources else "")
        + "</li>"
        for i, s in enumerate(sentences))
    display(HTML(f"<ul class='evidence'>{items}</ul>"))


def kwic_html(lines: pd.DataFrame, left: str = "left", keyword: str = "keyword", right: str = "right",
              source: str | None = None) -> str:
    """A keyword-in-context table: left context right-aligned, the keyword marked, all escaped.

    >>> "<mark>产业链</mark>" in kwic_html(pd.DataFrame({"left": ["<b>"], "keyword": ["产业链"], "right": ["建设"]}))
    True
    """
    rows = []
    for row in lines.itertuples(index=False):
        values = row._asdict()
        cells = [f"<td class='left'>{html.escape(str(values[left]))}</td>",
                 f"<td class='keyword'><mark>{html.escape(str(values[keyword]))}</mark></td>",
                 f"<td class='right'>{html.escape(str(values[right]))}</td>"]
        if source:
            cells.append(f"<td><small>{html.escape(str(values[source]))}</small></td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table class='report-table kwic'><tbody>{''.join(rows)}</tbody></table>"


def kwic(lines: pd.DataFrame, **columns) -> None:
    """Display a keyword-in-context table (see :func:`kwic_html`)."""
    display(HTML(kwic_html(lines, **columns)))


def expansion_text(detail: str | None) -> str:
    """How the text spells out a slogan, from a fact's ``detail`` JSON, as one line.

    >>> expansion_text('{"parts": ["五链融合"], "expansion": {"items": ["产业链", "创新链"]}}')
    '产业链、创新链'
    >>> expansion_text('{"parts": ["1", "8"], "expansion": {"1": "食品", "8": "八个领域"}}')
    '1 = 食品; 8 = 八个领域'
    >>> expansion_text('{"parts": ["六稳"]}')
    ''
    """
    expansion = json.loads(detail or "{}").get("expansion") or {}
    if "items" in expansion:
        return "、".join(expansion["items"])
    return "; ".join(f"{part} = {meaning}" for part, meaning in expansion.items())


def summary(text: str) -> None:
    """Show the report's one-line finding; the runner copies it into the index page.

    Call it in the cell tagged ``summary`` (``helpers.reports.SUMMARY_TAG``). The plain-text
    form is what the index reads; the Markdown form is what the page shows.
    """
    line = " ".join(str(text).split())
    display({"text/plain": line, "text/markdown": f"**Summary.** {escape_markdown(line)}"}, raw=True)
