"""The part of the processed tables a report is about: a locality's articles, or a few
localities', and the tokens, facts and themes of those articles."""

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.frames import with_groups


def articles_of(articles: pd.DataFrame, places: str | Iterable[str]) -> pd.DataFrame:
    """The articles of one locality or of several, in the order of the articles table.

    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "locality": ["衡阳市", "云阳县", "衡阳市"]})
    >>> articles_of(articles, "衡阳市")["article_id"].tolist()
    ['a', 'c']
    >>> articles_of(articles, ["云阳县", "衡阳市"])["article_id"].tolist()
    ['a', 'b', 'c']
    """
    return articles[
        articles["locality"].isin([places] if isinstance(places, str) else list(places))
    ]


def rows_of(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The rows of a processed table (tokens, facts, themes, ...) that belong to ``articles``.

    >>> facts = pd.DataFrame({"article_id": ["a", "b", "a"], "text": ["千亿", "六稳", "三高四新"]})
    >>> rows_of(facts, pd.DataFrame({"article_id": ["a"]}))["text"].tolist()
    ['千亿', '三高四新']
    """
    return table[table["article_id"].isin(articles["article_id"])]


def tokens_of(tokens: pd.DataFrame, articles: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """The tokens of ``articles`` with the article column(s) ``by`` (locality, year, ...) joined,
    as the comparisons of :mod:`helpers.analysis` modules group them."""
    return with_groups(rows_of(tokens, articles), articles, by)


UNDATED = "undated"


def with_period(frame: pd.DataFrame, year: str = "year") -> pd.DataFrame:
    """``frame`` with a ``period`` column: the year as text, or "undated" for an article
    without one, so that an undated article is shown and counted under its own heading.

    >>> frame = pd.DataFrame({"year": pd.array([2022, None, 2020], dtype="Int64")})
    >>> with_period(frame)["period"].tolist()
    ['2022', 'undated', '2020']
    """
    return frame.assign(period=[UNDATED if pd.isna(y) else str(int(y)) for y in frame[year]])


def periods(frame: pd.DataFrame) -> list[str]:
    """The periods of a frame with a ``period`` column, years in order and "undated" last.

    >>> periods(pd.DataFrame({"period": ["2022", "undated", "2020", "2022"]}))
    ['2020', '2022', 'undated']
    """
    found = set(frame["period"])
    return sorted(found - {UNDATED}) + [UNDATED] * (UNDATED in found)


def year_span(articles: pd.DataFrame) -> str:
    """The years the articles cover, as text: ``2020–2024``, with ``, undated`` if some have none.

    >>> year_span(pd.DataFrame({"year": pd.array([2024, 2020, None], dtype="Int64")}))
    '2020–2024, undated'
    >>> year_span(pd.DataFrame({"year": pd.array([None], dtype="Int64")}))
    'undated'
    """
    years = articles["year"].dropna()
    span = (
        ""
        if years.empty
        else f"{years.min()}–{years.max()}"
        if years.min() != years.max()
        else f"{years.min()}"
    )
    return ", ".join(filter(None, [span, UNDATED if articles["year"].isna().any() else ""]))
