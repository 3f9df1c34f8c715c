"""Fixtures shared by the test modules."""

import pandas as pd
import pytest


def _tokens_of(groups: dict[str, list[list[str]]], stop=()) -> pd.DataFrame:
    """A tokens table: one article per group, one inner list per sentence."""
    rows = []
    for group, sentences in groups.items():
        for sentence_id, words in enumerate(sentences):
            rows += [
                {
                    "article_id": group,
                    "sentence_id": sentence_id,
                    "position": i,
                    "token": w,
                    "is_stopword": w in stop,
                    "locality": group,
                }
                for i, w in enumerate(words)
            ]
    return pd.DataFrame(rows)


@pytest.fixture
def tokens_of():
    """Build a tokens table by hand: ``tokens_of({"A": [["产业链", "建设"], ...]}, stop={"的"})``,
    one article per group (its ``locality`` the group too), one inner list per sentence."""
    return _tokens_of
