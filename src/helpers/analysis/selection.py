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
    return articles[articles["locality"].isin([places] if isinstance(places, str) else list(places))]


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
