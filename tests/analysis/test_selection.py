"""Selections: the rows of a locality's articles, in the order the tables hold them."""

import pandas as pd

from helpers.analysis import selection

ARTICLES = pd.DataFrame(
    {
        "article_id": ["h-1", "y-1", "h-2"],
        "locality": ["衡阳市", "云阳县", "衡阳市"],
        "year": [2020, 2020, 2022],
    }
)
TOKENS = pd.DataFrame(
    {
        "article_id": ["h-1", "y-1", "h-2", "h-2"],
        "sentence_id": [0, 0, 0, 1],
        "token": ["产业链", "招商", "集群", "项目"],
    }
)


def test_the_tokens_of_a_locality_carry_the_group_column():
    hengyang = selection.articles_of(ARTICLES, "衡阳市")
    tokens = selection.tokens_of(TOKENS, hengyang, "year")
    assert tokens[["token", "year"]].values.tolist() == [
        ["产业链", 2020],
        ["集群", 2022],
        ["项目", 2022],
    ]


def test_several_localities_keep_the_table_order():
    both = selection.articles_of(ARTICLES, ["云阳县", "衡阳市"])
    assert both["article_id"].tolist() == ["h-1", "y-1", "h-2"]
    assert selection.rows_of(TOKENS, both).equals(TOKENS)


def test_an_unknown_locality_selects_nothing():
    assert selection.articles_of(ARTICLES, "北京市").empty
