"""Showing results in a notebook without trusting the text: every value is escaped.

Article text is untrusted input. Markdown lets raw HTML through, so a notebook never puts an
article's text into ``Markdown(f"...")``; it calls these functions, which escape every value
and build the HTML themselves. (The HTML export sanitizes outputs again: two locks.)
"""

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML, Markdown, display

from helpers.analysis.trajectory import slogan_mentions, trajectory

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
    from helpers.report.gloss import english

    english_ = english(term)
    return short_gloss(english_, limit) if english_ != term else ""


def setup() -> None:
    """Fonts and theme for charts, pandas display options: the first call of every notebook."""
    from helpers.report import plots

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
    ['2021', '309', '0.0812', '384,000,000,000']
    """
    if float(x).is_integer():
        return f"{x:,.0f}" if abs(x) >= 1e6 else f"{x:.0f}"
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

    Call it in the cell tagged ``summary`` (``helpers.report.runner.SUMMARY_TAG``). The plain-text
    form is what the index reads; the Markdown form is what the page shows.
    """
    line = " ".join(str(text).split())
    display({"text/plain": line, "text/markdown": f"**Summary.** {escape_markdown(line)}"}, raw=True)


# --- tables shaped for the reports -------------------------------------------------------------

def article_labels(articles: pd.DataFrame) -> pd.Series:
    """A short label per article row: locality, date and part (``衡阳市 2022-02-07 #2``).

    >>> article_labels(pd.DataFrame({"locality": ["衡阳市"], "date": ["2022-02-07"], "part": [2]})).tolist()
    ['衡阳市 2022-02-07 #2']
    """
    return articles["locality"] + " " + articles["date"] + " #" + articles["part"].astype(str)


def presence_table(items: pd.DataFrame, column: str, periods: list, by: str = "year",
                   count: str | None = None) -> pd.DataFrame:
    """Which of ``periods`` each value of ``column`` occurs in, as ✓ marks with an English gloss.

    ``periods`` are the values of ``by`` in display order. Ordered periods (years) keep
    :func:`helpers.analysis.compare.trajectory`'s ``status`` (``from 2022``); for unordered groups
    (localities) pass ``count``: the status gives way to a column of that name counting the
    groups an item occurs in, most shared first.

    >>> items = pd.DataFrame({"text": ["六稳", "六稳", "三高四新"], "year": [2020, 2022, 2022]})
    >>> presence_table(items, "text", [2020, 2022]).loc["六稳"].tolist()
    ['six stabilities', '✓', '✓', 'throughout']
    >>> presence_table(items, "text", [2020, 2022], count="years")["years"].tolist()
    [2, 1]
    """
    seen = trajectory(items, column, periods, period_col=by)
    shown = seen.replace({True: "✓", False: ""})
    if count is not None:
        shown = (shown.drop(columns="status").assign(**{count: seen[periods].sum(axis=1)})
                 .sort_values(count, ascending=False, kind="stable"))
    shown.insert(0, "English", [gloss(term) for term in shown.index])
    return shown


def largest_amounts(targets: pd.DataFrame, n: int = 1) -> pd.DataFrame:
    """The ``n`` largest money figures among target facts, each figure and measure once.

    Only unit 元 is ranked: a ratio (8.1%) and an amount (3840亿元) share the ``value``
    column but not a scale.

    >>> targets = pd.DataFrame({"text": ["8.1%", "千亿", "千亿", "百亿级"],
    ...                         "value": [0.081, 1e11, 1e11, 1e10], "unit": ["ratio", "元", "元", "元"],
    ...                         "measure": ["增长", "工业", "工业", "产业集群"]})
    >>> largest_amounts(targets, 2)["text"].tolist()
    ['千亿', '百亿级']
    """
    amounts = targets[targets["unit"] == "元"].drop_duplicates(["text", "measure"])
    return amounts.sort_values("value", ascending=False, kind="stable").head(n)


def chain_lists(chains: pd.DataFrame) -> pd.Series:
    """Distinct chain or cluster names per list (the fact's ``measure``), largest list first.

    A name repeated in a list, or named in two lists, is counted once per list.

    >>> chains = pd.DataFrame({"measure": ["六大产业", "六大产业", "六大产业", "集群"],
    ...                        "detail": ['{"name": "食品"}', '{"name": "食品"}', '{"name": "化工"}',
    ...                                   '{"name": "食品"}']})
    >>> chain_lists(chains).to_dict()
    {'六大产业': 2, '集群': 1}
    """
    names = chains.assign(name=chains["detail"].map(chain_name))
    return (names.groupby("measure", sort=False)["name"].nunique()
            .sort_values(ascending=False, kind="stable").rename("names"))


def chain_names(chains: pd.DataFrame) -> list[str]:
    """The distinct chain or cluster names of chain facts, in order of first mention.

    >>> chain_names(pd.DataFrame({"detail": ['{"name": "食品"}', '{"name": "化工"}', '{"name": "食品"}']}))
    ['食品', '化工']
    """
    return list(dict.fromkeys(chains["detail"].map(chain_name)))


def chain_name(detail: str | dict) -> str:
    """The chain or cluster name of a chain fact's ``detail`` (JSON or parsed).

    >>> chain_name('{"name": "食品", "list": "八个细分领域"}')
    '食品'
    """
    detail = json.loads(detail) if isinstance(detail, str) else detail
    return detail.get("name") or ""


@dataclass(frozen=True)
class Headline:
    """A locality's strategy in brief, from its facts (see :func:`headline`)."""

    chain_names: list[str]   # distinct chain or cluster names, in order of first mention
    lists: pd.Series         # distinct names per chain or cluster list, largest first
    slogans: list[str]       # most repeated slogans first
    amounts: pd.DataFrame    # largest money figures (unit 元), largest first
    spelled_out: dict[str, str]  # slogan -> its expansion, where the text spells one out


def headline(facts: pd.DataFrame, slogans: int = 3, amounts: int = 1) -> Headline:
    """The headline strategy of the articles behind ``facts``: chain lists, slogans, largest amounts."""
    chains = facts[facts["kind"] == "chain"]
    said = slogan_mentions(facts)
    spelled = {slogan: expansion_text(detail) for slogan, detail in zip(said["slogan"], said["detail"])}
    return Headline(chain_names=chain_names(chains), lists=chain_lists(chains),
                    slogans=said["slogan"].value_counts().head(slogans).index.tolist(),
                    amounts=largest_amounts(facts[facts["kind"] == "target"], amounts),
                    spelled_out={text: meaning for text, meaning in spelled.items() if meaning})


def show_headline(place: str, head: Headline) -> None:
    """Display a locality's headline strategy: one paragraph, then each slogan spelled out."""
    per_list = "; ".join(f"{name}: {n}" for name, n in head.lists.items())
    markdown("**{place}** names **{n}** distinct industrial chains or clusters in {lists} "
             "list{s} ({per_list}); its most repeated slogans are {slogans}; its largest amount is {amount}.",
             place=place, n=len(head.chain_names), lists=len(head.lists), s="s" * (len(head.lists) != 1),
             per_list=per_list or "none", slogans="、".join(head.slogans) or "none",
             amount=_amounts_text(head.amounts) or "none")
    for slogan, meaning in head.spelled_out.items():
        markdown("- **{slogan}** ({english}): {meaning}", slogan=slogan, english=gloss(slogan) or "—",
                 meaning=meaning)


def _label(term: str) -> str:
    """A term with its short gloss beside it (:func:`helpers.report.plots.label`)."""
    from helpers.report.plots import label  # imported late: plots imports this module

    return label(term)


def _amounts_text(amounts: pd.DataFrame) -> str:
    """Figures with what they measure, glossed: ``3840亿元 地区生产总值 (local gross domestic…)``."""
    return "; ".join(f"{text} {_label(measure)}" for text, measure in zip(amounts["text"], amounts["measure"]))


def strategy_table(facts: pd.DataFrame, theme_rates: pd.DataFrame, places: list[str]) -> pd.DataFrame:
    """Localities side by side: chain lists, slogans, largest amounts and leading themes, glossed.

    Args:
        facts: facts with a ``locality`` column.
        theme_rates: :func:`helpers.analysis.compare.rates_per_10k` by locality with a ``theme`` column.
        places: the localities, in column order.
    """
    def glossed(terms) -> str:
        return "; ".join(map(_label, terms))

    rows = {}
    for place in places:
        head = headline(facts[facts["locality"] == place], slogans=4, amounts=2)
        rows[place] = {
            "chain / cluster lists": glossed(head.lists.index),
            "slogans": glossed(head.slogans),
            "largest amounts": _amounts_text(head.amounts),
            "leading themes": "; ".join(theme_rates[theme_rates["locality"] == place].nlargest(3, "rate")["theme"]),
        }
    return pd.DataFrame(rows).rename_axis(index="strategy", columns=None)


# --- data quality ----------------------------------------------------------------------------

# One example of the errata step: "garbled -> repair (evidence: ...)"; the evidence may be absent.
_ERRATUM = re.compile(r"^(?P<garbled>.*?)\s*(?:->|→)\s*(?P<repair>.*?)"
                      r"(?:\s+\(evidence:\s*(?P<evidence>.*)\))?$", re.DOTALL)


def errata_table(log: pd.DataFrame, step: str = "errata") -> pd.DataFrame:
    """The errata applied, one row each, from the examples the cleaning log's ``errata`` step kept
    (or those of ``step``, such as ``mojibake-repaired``, which writes its repairs the same way).

    >>> log = pd.DataFrame({"article_id": ["a-1"], "step": ["errata"], "changes": [1],
    ...                     "examples": ["鏈?zhǔn)剿季S → 鏈式思維 (evidence: GBK bytes one byte out of step)"]})
    >>> errata_table(log).iloc[0].tolist()
    ['a-1', '鏈?zhǔn)剿季S', '鏈式思維', 'GBK bytes one byte out of step']
    """
    applied = log[(log["step"] == step) & (log["changes"] > 0)]
    rows = [{"article_id": article_id, **_ERRATUM.match(example.strip()).groupdict()}
            for article_id, examples in zip(applied["article_id"], applied["examples"])
            for example in str(examples).split(" | ") if example.strip()]
    return pd.DataFrame(rows, columns=["article_id", "garbled", "repair", "evidence"]).fillna("")


TITLE_PROBE = 8  # characters of a title enough to find a later article in its raw file


def raw_and_cleaned(articles: pd.DataFrame, chars: int = 200, raw_dir=None) -> pd.DataFrame:
    """The opening of each article as the raw file has it (decoded only) and as cleaned.

    The raw side is the file's first ``chars`` characters for an article's first part; for a
    later part of a split file it starts where the first ``TITLE_PROBE`` characters of the
    article's title occur in the raw text (the file's start when they do not).
    Nothing is cleaned here: the raw side is :func:`helpers.clean.decode.read_text` as is, with
    each line break shown as ⏎ on both sides (as the cleaning log's examples show them).
    """
    from helpers import config
    from helpers.clean.decode import read_text

    raw_dir = raw_dir or config.RAW_DATA_DIR
    raw = {source: read_text(raw_dir / source)[0] for source in articles["source"].unique()}
    openings = []
    for row in articles.itertuples(index=False):
        text = raw[row.source]
        start = max(text.find(row.title[:TITLE_PROBE]), 0) if row.part > 1 else 0
        openings.append(text[start:start + chars])
    return pd.DataFrame({
        "article_id": articles["article_id"].to_numpy(),
        f"raw, decoded (first {chars} characters)": [opening.replace("\n", "⏎") for opening in openings],
        f"cleaned (first {chars} characters)": articles["text"].str[:chars].str.replace("\n", "⏎").to_numpy()})


def reporters_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Each article with its outlet and the reporters its byline names (blank when none).

    >>> reporters_table(pd.DataFrame({"article_id": ["a-1"], "locality": ["衡阳市"], "date": ["2022"],
    ...                               "outlet": ["衡阳日报"], "reporters": [["陈润", "刘哲"]]}))["reporters"].tolist()
    ['陈润、刘哲']
    """
    return articles[["article_id", "locality", "date", "outlet"]].assign(
        reporters=articles["reporters"].map(lambda names: "、".join(names) if names is not None else ""))


def slogan_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per slogan of :func:`helpers.analysis.compare.slogan_mentions`: the forms it is written
    in, its English gloss, how many sentences use it, and its longest spelled-out expansion."""
    rows = []
    for slogan, group in mentions.groupby("slogan", sort=False):
        forms = dict.fromkeys(form for written in group["written"] for form in written.split("、"))
        rows.append({"slogan": slogan, "English": gloss(slogan), "written": "、".join(forms),
                     "mentions": len(group),
                     "expansion": max(map(expansion_text, group["detail"]), key=len)})
    return pd.DataFrame(rows, columns=["slogan", "English", "written", "mentions", "expansion"])


def role_gloss(role: str | None) -> str:
    """English for an official's role, each of its parts glossed (市委副书记、市长 is two posts).

    >>> role_gloss("市委副书记、市长")
    'deputy city party secretary; mayor'
    """
    return "; ".join(gloss(part) for part in role.split("、")) if role else ""


def targets_table(targets: pd.DataFrame) -> pd.DataFrame:
    """Figures and targets, each distinct one once with how often it is stated, largest money first."""
    key = ["text", "value", "unit", "measure", "year"]
    # A figure with no stated year shows an empty cell, not <NA>.
    table = (targets.assign(year=targets["year"].map(lambda year: "" if pd.isna(year) else str(int(year))))
             .groupby(key, dropna=False, sort=False).size().rename("mentions").reset_index())
    table["English"] = table["measure"].map(lambda measure: gloss(measure) if measure else "")
    money_first = table.assign(_money=table["unit"] == "元").sort_values(["_money", "value"], ascending=False)
    return money_first.drop(columns="_money").reset_index(drop=True)
