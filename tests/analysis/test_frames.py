"""Joining the grouping columns the comparisons need."""

import pandas as pd
import pytest

from helpers.analysis.frames import with_groups
from helpers.analysis.keyness import keyness


def test_with_groups_joins_article_columns(tokens_of):
    tokens = tokens_of({"a-1": [["产业链"]]}).drop(columns="locality")
    articles = pd.DataFrame({"article_id": ["a-1"], "locality": ["衡阳市"], "year": [2020]})
    assert with_groups(tokens, articles, "locality")["locality"].tolist() == ["衡阳市"]
    with pytest.raises(KeyError, match="with_groups"):
        keyness(tokens, "locality")
