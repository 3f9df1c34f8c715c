"""The tables every comparison shares: tokens, their sentences, and the groups compared.

Every function of ``helpers.analysis`` takes the ``tokens`` table (article_id, sentence_id,
position, token, is_stopword) and, where it compares groups, the name of a grouping column
``by``. A column of ``articles`` (locality, year, ...) is brought in with :func:`with_groups`.

By default only content tokens count (``is_stopword`` False); pass ``content_only=False``
to count every token.
"""

import pandas as pd

PER = 10_000
SENTENCE = ["article_id", "sentence_id"]


def with_groups(frame: pd.DataFrame, articles: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """``frame`` with article column(s) ``by`` (e.g. "locality") joined on article_id."""
    columns = [by] if isinstance(by, str) else list(by)
    missing = [c for c in columns if c not in frame.columns]
    if not missing:
        return frame
    return frame.merge(
        articles[["article_id", *missing]], on="article_id", how="left", validate="m:1"
    )


def content_tokens(tokens: pd.DataFrame, content_only: bool) -> pd.DataFrame:
    """The tokens that count: content tokens only, or all of them."""
    return tokens[~tokens["is_stopword"]] if content_only else tokens


def require_columns(frame: pd.DataFrame, *columns: str) -> None:
    """Raise KeyError naming the missing columns and how to join a grouping column."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(
            f"missing column(s) {missing}; join them with frames.with_groups(frame, articles, by)"
        )


def in_text_order(tokens: pd.DataFrame) -> pd.DataFrame:
    """``tokens`` sorted as they are read: by article, sentence and position."""
    return tokens.sort_values([*SENTENCE, "position"], kind="stable", ignore_index=True)
