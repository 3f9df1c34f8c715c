"""Showing results in a notebook without trusting the text: every value is escaped.

Article text is untrusted input. Markdown lets raw HTML through, so a notebook never puts an
article's text into ``Markdown(f"...")``; it calls these functions, which escape every value
and build the HTML themselves. (The HTML export sanitizes outputs again: two locks.) The
tables of :mod:`helpers.analysis.facts` are shown here with English glosses beside the Chinese.
"""

import html
import re
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML, Markdown, display

from helpers.analysis import sectors
from helpers.analysis.comparable import comparable_figures
from helpers.analysis.facts import Headline, headline, presence, slogan_counts
from helpers.report import columns
from helpers.report.labels import amount_english, gloss, label, significant

# How a figure type reads in a table: a target is a goal the text sets.
FIGURE_TYPE_NAMES = {"target": "goal", "plan": "plan", "result": "result"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def setup() -> None:
    """Fonts and theme for charts, pandas display options: the first call of every notebook."""
    # Late: plots loads matplotlib and seaborn, which only a notebook that sets up needs.
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

    Never in scientific notation (``1.4e+03`` reads as nothing to most readers).

    >>> [_number(x) for x in (2021.0, 309.12, 0.0812, 3.84e11, 1400.5, 0.00012345)]
    ['2021', '309', '0.0812', '384,000,000,000', '1,400', '0.000123']
    """
    if float(x).is_integer():
        return f"{x:,.0f}" if abs(x) >= 1e6 else f"{x:.0f}"
    return significant(x)


def table_html(
    frame: pd.DataFrame,
    index: bool = False,
    caption: str | None = None,
    classes: str = "report-table",
) -> str:
    """HTML of a table with every cell escaped (and floats rounded for reading).

    >>> "&lt;script&gt;" in table_html(pd.DataFrame({"text": ["<script>"]}))
    True
    >>> "NA" in table_html(pd.DataFrame({"year": pd.array([2020, None], dtype="Int64")}))
    False
    """
    if index and not isinstance(frame.columns, pd.MultiIndex):
        # The index as a first column: pandas would give its name a header row of its own.
        frame = frame.rename_axis(index=frame.index.name or "", columns=None).reset_index()
        index = False
    if not isinstance(frame.columns, pd.MultiIndex):
        frame = columns.readable(frame)
    # pandas writes <NA> for a missing value of a nullable column, whatever na_rep says.
    nullable = [c for c in frame.columns if isinstance(frame[c].dtype, pd.Int64Dtype)]
    if nullable:
        frame = frame.astype({c: object for c in nullable})
        frame[nullable] = frame[nullable].where(frame[nullable].notna(), "")
    shown = frame.to_html(
        index=index, escape=True, border=0, classes=classes, na_rep="", float_format=_number
    )
    if caption:
        shown = shown.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
    return shown


INTERACTIVE_ROWS = 12  # a table this long gets a search box and sortable columns on the page


def table(frame: pd.DataFrame, index: bool = False, caption: str | None = None) -> None:
    """Display a DataFrame as an escaped HTML table ("Nothing found." for an empty one: a header
    row alone says nothing); a long one searchable and sortable (``report/tables.js``)."""
    if frame.empty:
        markdown("Nothing found.")
        return
    classes = "report-table interactive" if len(frame) >= INTERACTIVE_ROWS else "report-table"
    display(HTML(table_html(frame, index=index, caption=caption, classes=classes)))


def quotes(sentences: Iterable[str], source: Iterable[str] | None = None) -> None:
    """Display sentences as evidence, each as escaped text with its source beside it and a
    word-by-word English gloss below it."""
    from helpers.report.labels import text_gloss

    sources = list(source) if source is not None else None
    items = "".join(
        f"<li>{html.escape(str(s))}"
        + (f" <small>({html.escape(str(sources[i]))})</small>" if sources else "")
        + f"<br><small class='gloss'>{html.escape(text_gloss(s))}</small>"
        + "</li>"
        for i, s in enumerate(sentences)
    )
    display(HTML(f"<ul class='evidence'>{items}</ul>"))


def collapse_repeats(lines: pd.DataFrame) -> pd.DataFrame:
    """One concordance line per sentence, with how often the keyword occurs in it: an
    enumeration that repeats the keyword (A产业链、B产业链、…) shows once, with its count.

    >>> lines = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [1, 1, 1],
    ...                       "left": ["A", "B", "C"], "keyword": ["链"] * 3, "right": ["", "", ""]})
    >>> collapse_repeats(lines)[["left", "in sentence"]].values.tolist()
    [['A', 2], ['C', 1]]
    """
    keys = ["article_id", "sentence_id"]
    counts = lines.groupby(keys, sort=False)["keyword"].transform("size")
    return lines.assign(**{"in sentence": counts}).drop_duplicates(keys).reset_index(drop=True)


def kwic_html(
    lines: pd.DataFrame,
    left: str = "left",
    keyword: str = "keyword",
    right: str = "right",
    source: str | None = None,
) -> str:
    """A keyword-in-context table, all escaped: left context right-aligned against the marked
    keyword (never clipped there), a word-by-word English gloss of the line, its source, and how
    often the keyword occurs in that sentence where lines were collapsed (:func:`collapse_repeats`).

    >>> "<mark>产业链</mark>" in kwic_html(pd.DataFrame({"left": ["<b>"], "keyword": ["产业链"], "right": ["建设"]}))
    True
    """
    from helpers.report.labels import text_gloss

    counted = "in sentence" in lines.columns
    head = "<th>context before</th><th>term</th><th>context after</th>"
    head += "<th>times in sentence</th>" * counted + "<th>source</th>" * bool(source)
    head += "<th>English (word by word)</th>"
    rows = []
    for row in lines.itertuples(index=False):
        values = dict(zip(lines.columns, row))
        line = f"{values[left]}{values[keyword]}{values[right]}"
        cells = [
            f"<td class='left'>{html.escape(str(values[left]))}</td>",
            f"<td class='keyword'><mark>{html.escape(str(values[keyword]))}</mark></td>",
            f"<td class='right'>{html.escape(str(values[right]))}</td>",
        ]
        if counted:
            cells.append(f"<td>{int(values['in sentence'])}</td>")
        if source:
            cells.append(f"<td><small>{html.escape(str(values[source]))}</small></td>")
        cells.append(f"<td class='gloss'>{html.escape(text_gloss(line))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<table class='report-table kwic interactive'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def kwic(lines: pd.DataFrame, **columns) -> None:
    """Display a keyword-in-context table (see :func:`kwic_html`)."""
    display(HTML(kwic_html(lines, **columns)))


def summary(text: str) -> None:
    """Show the report's one-line finding; the runner copies it into the index page.

    Call it in the cell tagged ``summary`` (``helpers.report.index.SUMMARY_TAG``). The plain-text
    form is what the index reads; the Markdown form is what the page shows.
    """
    from helpers.report.labels import with_glosses

    line = " ".join(str(text).split())
    shown = escape_markdown(with_glosses(line))  # the index glosses the plain form itself
    display({"text/plain": line, "text/markdown": f"**Summary.** {shown}"}, raw=True)


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """A short label per article row: locality, date and part (``衡阳市 2022-02-07 #2``).

    >>> article_labels(pd.DataFrame({"locality": ["衡阳市"], "date": ["2022-02-07"], "part": [2]})).tolist()
    ['衡阳市 2022-02-07 #2']
    """
    return articles["locality"] + " " + articles["date"] + " #" + articles["part"].astype(str)


TITLE_PROBE = 8  # characters of a title enough to find a later article in its raw file


def raw_and_cleaned(articles: pd.DataFrame, chars: int = 200, raw_dir=None) -> pd.DataFrame:
    """The opening of each article as the raw file has it (decoded only) and as cleaned.

    The raw side is the file's first ``chars`` characters for an article's first part; for a
    later part of a split file it starts where the first ``TITLE_PROBE`` characters of the
    article's title occur in the raw text (the file's start when they do not).
    Nothing is cleaned here: the raw side is :func:`helpers.clean.formats.read_article` as is, with
    each line break shown as ⏎ on both sides (as the cleaning log's examples show them).
    """
    from helpers import config
    from helpers.clean.formats import read_article

    raw_dir = raw_dir or config.RAW_DATA_DIR
    raw = {source: read_article(raw_dir / source)[0] for source in articles["source"].unique()}
    openings = []
    for row in articles.itertuples(index=False):
        text = raw[row.source]
        start = max(text.find(row.title[:TITLE_PROBE]), 0) if row.part > 1 else 0
        openings.append(text[start : start + chars])
    return pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy(),
            f"raw, decoded (first {chars} characters)": [
                opening.replace("\n", "⏎") for opening in openings
            ],
            f"cleaned (first {chars} characters)": articles["text"]
            .str[:chars]
            .str.replace("\n", "⏎")
            .to_numpy(),
        }
    )


# --- facts shown with English glosses ----------------------------------------------------------


def presence_table(
    items: pd.DataFrame, column: str, periods: list, by: str = "year", count: str | None = None
) -> pd.DataFrame:
    """:func:`helpers.analysis.facts.presence` as ✓ marks, with an English gloss of each item.

    >>> items = pd.DataFrame({"text": ["六稳", "六稳", "三高四新"], "year": [2020, 2022, 2022]})
    >>> presence_table(items, "text", [2020, 2022]).loc["六稳"].tolist()
    ['six stabilities', '✓', '✓', 'throughout']
    >>> presence_table(items, "text", [2020, 2022], count="years")["years"].tolist()
    [2, 1]
    """
    marks = {period: {True: "✓", False: ""} for period in periods}
    shown = presence(items, column, periods, by=by, count=count).replace(marks)
    shown.insert(0, "English", [gloss(term) for term in shown.index])
    return shown


def show_headline(place: str, head: Headline) -> None:
    """Display a locality's headline strategy: one paragraph, then each slogan spelled out."""
    per_list = "; ".join(f"{name}: {n}" for name, n in head.lists.items())
    markdown(
        "**{place}** names **{n}** distinct industrial chains or clusters in {lists} "
        "list{s} ({per_list}); its most repeated slogans are {slogans}; its goals, one per "
        "metric and year: {goals}; {results} figure{rs} of results or plans stated apart.",
        place=place,
        n=len(head.chain_names),
        lists=len(head.lists),
        s="s" * (len(head.lists) != 1),
        per_list=per_list or "none",
        slogans="、".join(head.slogans) or "none",
        goals=goals_text(head.goals) or "none stated",
        results=head.results,
        rs="s" * (head.results != 1),
    )
    for slogan, meaning in head.spelled_out.items():
        markdown(
            "- **{slogan}** ({english}): {meaning}",
            slogan=slogan,
            english=gloss(slogan) or "—",
            meaning=meaning,
        )


def goals_text(goals: pd.DataFrame) -> str:
    """Goals with their metric, year and measure glossed:
    ``output value or revenue, 2025: 2500亿元 工程机械产业链产值 (…)``."""
    return "; ".join(
        f"{metric}, {horizon}: {text} {label(measure)}"
        for metric, horizon, text, measure in zip(
            goals["metric_en"], goals["horizon"], goals["text"], goals["measure"]
        )
    )


def strategy_table(
    facts: pd.DataFrame, theme_rates: pd.DataFrame, places: list[str]
) -> pd.DataFrame:
    """Localities side by side: chain lists, the sectors they map to, slogans, goals by metric
    and year (results apart, never ranked with goals) and leading themes, glossed.

    Args:
        facts: facts with a ``locality`` column.
        theme_rates: :func:`helpers.analysis.facts.theme_rates` by locality.
        places: the localities, in column order.
    """

    def glossed(terms) -> str:
        return "; ".join(map(label, terms))

    mapped = sectors.chain_sectors(facts[facts["kind"] == "chain"])
    english = dict(zip(sectors.taxonomy_table()["code"], sectors.taxonomy_table()["name_en"]))
    rows = {}
    for place in places:
        head = headline(facts[facts["locality"] == place], slogans=4)
        named = set(mapped.loc[mapped["locality"] == place, "sector"])
        rows[place] = {
            "chain / cluster lists": glossed(head.lists.index),
            "sectors": "; ".join(name for code, name in english.items() if code in named),
            "slogans": glossed(head.slogans),
            "goals (metric, year)": goals_text(head.goals),
            "results and plans stated (not goals)": head.results,
            "leading themes": "; ".join(
                theme_rates[theme_rates["locality"] == place].nlargest(3, "rate")["theme"]
            ),
        }
    return pd.DataFrame(rows).rename_axis(index="strategy", columns=None)


def slogan_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.analysis.facts.slogan_counts` with the English gloss of each slogan."""
    table = slogan_counts(mentions)
    table.insert(1, "English", table["slogan"].map(gloss))
    return table


def targets_table(targets: pd.DataFrame) -> pd.DataFrame:
    """Figures by type (goal, plan, result), metric and year, each once, the measure glossed.

    >>> targets = pd.DataFrame({"text": ["3840亿元", "千亿"], "value": [3.84e11, 1e11],
    ...     "unit": ["元", "元"], "measure": ["地区生产总值", "工业"], "year": [2021, None],
    ...     "figure_type": ["result", "target"]})
    >>> targets_table(targets)[["type", "metric", "year", "text"]].values.tolist()
    [['goal', 'scale of an industry (money)', 'no year stated', '千亿'], ['result', 'output value or revenue', '2021', '3840亿元']]
    """
    table = comparable_figures(targets.assign(_all=""), by="_all")
    return pd.DataFrame(
        {
            "type": table["figure_type"].map(FIGURE_TYPE_NAMES).fillna(table["figure_type"]),
            "metric": table["metric_en"],
            "year": table["horizon"],
            "text": table["text"],
            "amount": [amount_english(v, u) for v, u in zip(table["value"], table["unit"])],
            "measure": table["measure"],
            "English": table["measure"].map(lambda measure: gloss(measure) if measure else ""),
            "mentions": table["mentions"],
        }
    )
