"""How often items are mentioned per 10,000 tokens, with bootstrap intervals over articles.

With three localities and seven articles the samples are small: every rate carries its
interval, the counts it comes from and a ``thin`` flag for groups too small to lead.
"""

import zlib
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.analysis.frames import PER, SENTENCE, content_tokens, require_columns

# A group thinner than this says little about its place: one article is one occasion, and a
# 63-token notice can make any word "most frequent". 500 content tokens is about one page of
# news; both are parameters of rates_per_10k.
MIN_ARTICLES = 2
MIN_TOKENS = 500
RESAMPLE = ("articles+sentences", "articles", "sentences")
COLUMNS = ["item", "hits", "tokens", "sentences", "rate", "ci_low", "ci_high", "articles", "thin"]


def term_hits(
    tokens: pd.DataFrame, terms: Mapping[str, Iterable[str]] | Iterable[str]
) -> pd.DataFrame:
    """One row per token that is one of ``terms``: article_id, sentence_id, item.

    ``terms`` is a list of tokens (each its own item) or a mapping item -> tokens that count
    for it (e.g. {"chains": ["产业链", "链主企业"]}).
    """
    mapping = dict(terms) if isinstance(terms, Mapping) else {t: [t] for t in terms}
    item_of = {token: item for item, tokens_ in mapping.items() for token in tokens_}
    hits = tokens[tokens["token"].isin(item_of)]
    return pd.DataFrame(
        {
            "article_id": hits["article_id"].to_numpy(),
            "sentence_id": hits["sentence_id"].to_numpy(),
            "item": hits["token"].map(item_of).to_numpy(),
        }
    )


def rates_per_10k(
    tokens: pd.DataFrame,
    hits: pd.DataFrame,
    by: str = "article_id",
    *,
    item_col: str = "item",
    items: Iterable[str] | None = None,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    content_only: bool = True,
    resample: str = "articles+sentences",
    min_articles: int = MIN_ARTICLES,
    min_tokens: int = MIN_TOKENS,
) -> pd.DataFrame:
    """Mentions per 10,000 tokens by group, with percentile bootstrap intervals over articles.

    Sentences of one article are not independent draws: a long article repeating a term would
    decide a difference alone. ``resample`` says what is drawn with replacement (``n_boot``
    times) within each group: "articles" (a cluster bootstrap: whole articles),
    "articles+sentences" (the default, two-stage: articles, then sentences within each drawn
    article, so a group of one article still shows the spread of its sentences) or
    "sentences" (the old scheme, for comparison). The rate of each resample is 10,000 x hits /
    tokens of what was drawn. Each group draws from its own generator seeded by ``seed`` and
    the group's name: results are deterministic and do not depend on the other groups.

    A group is ``thin`` when it has fewer than ``min_articles`` articles or fewer than
    ``min_tokens`` content tokens (:data:`MIN_ARTICLES`, :data:`MIN_TOKENS`): its rate may be
    shown, marked, but never leads a headline (:func:`leading_group`) or sets a chart's axis.

    Args:
        tokens: tokens table with column ``by``.
        hits: one row per mention with article_id, sentence_id and ``item_col``, e.g.
            :func:`term_hits`, or the themes table with ``item_col="code"``.
        items: items to report (zero rates included); default every item in ``hits``.
    Returns:
        columns ``by``, item, hits, tokens, sentences, rate, ci_low, ci_high, articles, thin.
    """
    if resample not in RESAMPLE:
        raise ValueError(f"resample must be one of {RESAMPLE}, not {resample!r}")
    require_columns(tokens, by, *SENTENCE)
    counted = content_tokens(tokens, content_only)
    sizes = counted.groupby(SENTENCE).size().rename("n")
    sentence_groups = tokens[[*SENTENCE, by]].drop_duplicates(SENTENCE).set_index(SENTENCE)
    sentence_table = sentence_groups.join(sizes).fillna({"n": 0})
    items = list(items) if items is not None else sorted(hits[item_col].dropna().unique())
    counts = (
        hits[hits[item_col].isin(items)]
        .groupby([*SENTENCE, item_col])
        .size()
        .unstack(item_col)
        .reindex(columns=items)
    )
    table = sentence_table.join(counts).fillna(0)
    alpha = (1 - level) / 2
    rows = []
    for group, part in table.groupby(by, sort=True):
        n = part["n"].to_numpy(float)
        h = part[items].to_numpy(float)
        article = pd.factorize(part.index.get_level_values("article_id"))[0]
        rng = np.random.default_rng([seed, zlib.crc32(str(group).encode())])
        weights = _weights(rng, article, n_boot, resample)
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = PER * (weights @ h) / (weights @ n)[:, None]
        low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
        total, n_articles = n.sum(), int(article.max()) + 1
        for j, item in enumerate(items):
            rows.append(
                {
                    by: group,
                    "item": item,
                    "hits": int(h[:, j].sum()),
                    "tokens": int(total),
                    "sentences": len(part),
                    "rate": PER * h[:, j].sum() / total if total else np.nan,
                    "ci_low": low[j],
                    "ci_high": high[j],
                    "articles": n_articles,
                    "thin": n_articles < min_articles or total < min_tokens,
                }
            )
    return pd.DataFrame(rows, columns=[by, *COLUMNS])


def _weights(rng: np.random.Generator, article: np.ndarray, n_boot: int, resample: str):
    """How many times each sentence is drawn in each resample: an (n_boot, sentences) array.

    ``article`` gives each sentence's article as 0..k-1.
    """
    if resample == "sentences":
        draws = rng.integers(0, len(article), size=(n_boot, len(article)))
        return np.stack([np.bincount(d, minlength=len(article)) for d in draws])
    k = int(article.max()) + 1
    drawn = np.stack([np.bincount(d, minlength=k) for d in rng.integers(0, k, size=(n_boot, k))])
    if resample == "articles":
        return drawn[:, article]
    weights = np.zeros((n_boot, len(article)), dtype=np.int64)
    for a in range(k):
        where = np.flatnonzero(article == a)
        # c copies of an article, each with its m sentences redrawn: m x c draws in all
        weights[:, where] = rng.multinomial(
            drawn[:, a] * len(where), np.full(len(where), 1 / len(where))
        )
    return weights


def leading_group(rates: pd.DataFrame, by: str, item: str | None = None) -> pd.Series | None:
    """The row of the group with the highest rate of ``item`` (default: the only item) among
    the groups that are not thin and mention it at all; None when there is no such group.
    """
    rows = rates if item is None else rates[rates["item"] == item]
    solid = rows[~rows["thin"] & (rows["hits"] > 0)]
    return solid.loc[solid["rate"].idxmax()] if len(solid) else None


def describe_leader(rates: pd.DataFrame, by: str, item: str | None = None) -> str:
    """The headline phrase of a rates table: where an item is most frequent, among the groups
    that are not thin, and which groups were too thin to count.

    >>> rates = pd.DataFrame({"locality": ["A", "B"], "item": "x", "hits": [3, 2],
    ...     "rate": [20.0, 90.0], "articles": [4, 1], "thin": [False, True]})
    >>> describe_leader(rates, "locality")
    'most frequent in A (20 per 10,000 tokens); too thin to rank: B (1 article)'
    """
    rows = rates if item is None else rates[rates["item"] == item]
    lead = leading_group(rows, by)
    thin = rows[rows["thin"]]
    said = (
        f"most frequent in {lead[by]} ({lead['rate']:.0f} per 10,000 tokens)"
        if lead is not None
        else "no locality with enough text to rank"
    )
    if len(thin):
        named = "、".join(
            f"{g} ({a} article{'s' * (a != 1)})" for g, a in zip(thin[by], thin["articles"])
        )
        said += f"; too thin to rank: {named}"
    return said
