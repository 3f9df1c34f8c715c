"""Where a term falls along the articles, and how evenly it spreads over the groups."""

import math
from collections.abc import Iterable

import pandas as pd

from helpers.analysis.frames import content_tokens, in_text_order


def dispersion(
    tokens: pd.DataFrame, term: str | Iterable[str], by: str = "article_id"
) -> pd.DataFrame:
    """Where a term occurs along each article: data for a lexical dispersion plot.

    Returns:
        ``by`` (if not article_id), article_id, sentence_id, position, token, offset (token
        number within the article, all tokens counted) and relative (offset / article length,
        0 to 1).
    """
    wanted = {term} if isinstance(term, str) else set(term)
    ordered = in_text_order(tokens)
    ordered["offset"] = ordered.groupby("article_id").cumcount()
    length = ordered.groupby("article_id")["offset"].transform("size")
    ordered["relative"] = ordered["offset"] / length
    columns = ([by] if by != "article_id" else []) + [
        "article_id",
        "sentence_id",
        "position",
        "token",
        "offset",
        "relative",
    ]
    return ordered.loc[ordered["token"].isin(wanted), columns].reset_index(drop=True)


def juilland_d(
    tokens: pd.DataFrame, term: str, by: str = "article_id", *, content_only: bool = True
) -> float:
    """Juilland's D of a term over the groups ``by``: 1 = spread evenly, 0 = all in one group.

    D = 1 - V / sqrt(n - 1), V the coefficient of variation of the term's relative
    frequency in the n groups.
    """
    counted = content_tokens(tokens, content_only)
    sizes = counted.groupby(by).size()
    hits = counted[counted["token"] == term].groupby(by).size().reindex(sizes.index, fill_value=0)
    relative = (hits / sizes).to_numpy(float)
    if len(relative) < 2 or relative.mean() == 0:
        return float("nan")
    variation = relative.std(ddof=0) / relative.mean()
    return float(1 - variation / math.sqrt(len(relative) - 1))


def term_spread(tokens: pd.DataFrame, by: str | None = None, *, content_only: bool = True):
    """How many sentences and articles carry each token, and Gries' DP over the articles.

    A term met 8 times in one sentence is a burst, not a habit of the text: the ranges say how
    much a frequency rests on. DP (Gries 2008) = 0.5 x sum over the articles of |v - s|, v the
    article's share of the term's occurrences and s its share of the tokens: 0 = spread as the
    articles' lengths predict, near 1 = all in one article. With ``by``, each group's articles
    are counted apart; DP of a group of one article is NaN (there is nothing to spread over).

    Returns:
        ``by`` (if given), token, freq, sentences, articles, dp.

    >>> t = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence_id": [0, 0, 1, 0],
    ...                   "position": [0, 1, 0, 0], "token": ["链", "链", "企业", "链"],
    ...                   "is_stopword": False})
    >>> term_spread(t).to_dict("records")[1]
    {'token': '链', 'freq': 3, 'sentences': 2, 'articles': 2, 'dp': 0.0833}
    """
    group = by or "_all"  # without groups, the whole corpus is one
    counted = content_tokens(tokens, content_only)
    if by is None:
        counted = counted.assign(_all=0)
    sizes = counted.groupby([group, "article_id"]).size().rename("size").reset_index()
    sizes["s"] = sizes["size"] / sizes.groupby(group)["size"].transform("sum")
    per_article = (
        counted.groupby([group, "token", "article_id"])
        .agg(freq=("token", "size"), sentences=("sentence_id", "nunique"))
        .reset_index()
        .merge(sizes, on=[group, "article_id"])
    )
    per_article["v"] = per_article["freq"] / per_article.groupby([group, "token"])[
        "freq"
    ].transform("sum")
    per_article["gap"] = (per_article["v"] - per_article["s"]).abs() - per_article["s"]
    table = (
        per_article.groupby([group, "token"])
        .agg(
            freq=("freq", "sum"),
            sentences=("sentences", "sum"),
            articles=("article_id", "size"),
            gap=("gap", "sum"),
        )
        .reset_index()
    )
    # articles without the term add their whole share s: 0.5 x (sum |v - s| + 1 - sum s)
    table["dp"] = (0.5 * (table.pop("gap") + 1)).round(4)
    single = table[group].map(sizes.groupby(group).size()).eq(1)
    table.loc[single, "dp"] = float("nan")
    return table.drop(columns="_all") if by is None else table
