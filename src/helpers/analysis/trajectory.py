"""Which periods items occur in and how they run through them; slogan facts as such items."""

import pandas as pd

from helpers.analysis.frames import require_columns


def trajectory_status(present: list, periods: list) -> str:
    """How an item runs through ordered periods: throughout, only, from, until, or with gaps.

    >>> trajectory_status([2020, 2022, 2024], [2020, 2022, 2024])
    'throughout'
    >>> trajectory_status([2022, 2024], [2020, 2022, 2024])
    'from 2022'
    >>> trajectory_status([2020, 2024], [2020, 2022, 2024])
    'in 2020, 2024'
    """
    first, last = periods.index(present[0]), periods.index(present[-1])
    if len(present) == len(periods):
        return "throughout"
    if len(present) == 1:
        return f"only {present[0]}"
    if len(present) < last - first + 1:  # absent in between
        return "in " + ", ".join(map(str, present))
    if present[-1] == periods[-1]:
        return f"from {present[0]}"
    return f"until {present[-1]}" if present[0] == periods[0] else f"{present[0]}–{present[-1]}"


def trajectory(
    items: pd.DataFrame, column: str, periods: list, period_col: str = "year"
) -> pd.DataFrame:
    """Which periods each item occurs in (True/False per period) and its ``status``.

    Rows are ordered by the first period an item appears in, then by status.
    """
    require_columns(items, column, period_col)
    seen = pd.crosstab(items[column], items[period_col]).reindex(columns=periods, fill_value=0) > 0
    seen = seen.rename_axis(index=column, columns=None)
    status = seen.apply(
        lambda row: trajectory_status([p for p in periods if row[p]], periods), axis=1
    )
    return (
        seen.assign(status=status, _first=seen.idxmax(axis=1))
        .sort_values(["_first", "status"])
        .drop(columns="_first")
    )


def slogan_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """Slogan facts keyed by the slogan they stand for, one row per sentence and slogan.

    The column ``slogan`` is the fact's ``measure`` (三高四新 for “三高地”“四个新”, written in
    two halves), so a slogan is counted once per sentence however the text splits it;
    ``written`` keeps every form the sentence uses.

    >>> facts = pd.DataFrame({"kind": ["slogan", "slogan", "slogan", "target"],
    ...     "article_id": ["a", "a", "a", "a"], "sentence_id": [0, 0, 1, 1],
    ...     "text": ["三高地", "四个新", "三高四新", "千亿"],
    ...     "measure": ["三高四新", "三高四新", "三高四新", "工业"]})
    >>> slogan_mentions(facts)[["sentence_id", "written", "slogan"]].values.tolist()
    [[0, '三高地、四个新', '三高四新'], [1, '三高四新', '三高四新']]
    """
    said = facts[facts["kind"] == "slogan"]
    said = said.assign(
        slogan=said["measure"].fillna(said["text"]).where(said["measure"] != "", said["text"])
    )
    key = ["article_id", "sentence_id", "slogan"]
    written = said.groupby(key, sort=False)["text"].transform(
        lambda forms: "、".join(dict.fromkeys(forms))
    )
    return said.assign(written=written).drop_duplicates(key).reset_index(drop=True)
