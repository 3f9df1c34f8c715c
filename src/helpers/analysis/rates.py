"""How often items are mentioned per 10,000 tokens, with bootstrap intervals over sentences.

With three localities and seven articles the samples are small: every rate carries its
interval and the counts it comes from.
"""

import zlib
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.analysis.frames import PER, SENTENCE, content_tokens, require_columns


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
) -> pd.DataFrame:
    """Mentions per 10,000 tokens by group, with percentile bootstrap intervals over sentences.

    Sentences of a group are resampled with replacement (``n_boot`` times); the rate of each
    resample is 10,000 x hits / tokens of the drawn sentences. Each group draws from its own
    generator seeded by ``seed`` and the group's name, so results are deterministic and do
    not depend on which other groups are present.

    Args:
        tokens: tokens table with column ``by``.
        hits: one row per mention with article_id, sentence_id and ``item_col``, e.g.
            :func:`term_hits`, or the themes table with ``item_col="code"``.
        items: items to report (zero rates included); default every item in ``hits``.
    Returns:
        columns ``by``, item, hits, tokens, sentences, rate, ci_low, ci_high.
    """
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
        rng = np.random.default_rng([seed, zlib.crc32(str(group).encode())])
        draws = rng.integers(0, len(part), size=(n_boot, len(part)))
        weights = np.stack([np.bincount(d, minlength=len(part)) for d in draws])
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = PER * (weights @ h) / (weights @ n)[:, None]
        low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
        total = n.sum()
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
                }
            )
    return pd.DataFrame(
        rows, columns=[by, "item", "hits", "tokens", "sentences", "rate", "ci_low", "ci_high"]
    )
