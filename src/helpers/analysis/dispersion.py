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
