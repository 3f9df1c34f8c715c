"""Concordance, collocates and co-occurrence on small inputs worked out by hand."""

import math

import pytest

from helpers.analysis.context import collocates, cooccurrence_network, kwic


def test_kwic_keeps_context_within_the_article(tokens_of):
    tokens = tokens_of({"A": [["要", "抓", "产业链", "建设"], ["补", "链"]], "B": [["产业链"]]})
    lines = kwic(tokens, "产业链", window=2)
    assert lines[["article_id", "left", "keyword", "right"]].to_dict("records") == [
        {"article_id": "A", "left": "要抓", "keyword": "产业链", "right": "建设补"},
        {"article_id": "B", "left": "", "keyword": "产业链", "right": ""},
    ]
    assert "locality" in lines.columns


def test_collocates_by_hand(tokens_of):
    # Two sentences, window 1: 链主 is next to 产业链 once in each; 企业 once in the second.
    # N = 7 content tokens, f(产业链) = 2, f(链主) = 2: E = 2*2*2*1/7 = 8/7, MI = log2(2/(8/7)) = log2(1.75),
    # logDice = 14 + log2(2*2/(2+2)) = 14.
    tokens = tokens_of({"A": [["链主", "产业链", "建设"], ["产业链", "链主", "企业", "发展"]]})
    table = collocates(tokens, "产业链", window=1, min_count=1, min_freq=1).set_index("collocate")
    assert table.loc["链主", "together"] == 2
    assert table.loc["链主", "expected"] == pytest.approx(8 / 7)
    assert table.loc["链主", "mi"] == pytest.approx(math.log2(1.75))
    assert table.loc["链主", "log_dice"] == pytest.approx(14.0)
    assert "企业" not in table.index  # two positions away


def test_cooccurrence_network_by_hand(tokens_of):
    tokens = tokens_of({"A": [["产业链", "招商"], ["产业链", "招商", "项目"], ["项目"]]})
    graph = cooccurrence_network(tokens, top_n=3, min_weight=1)
    assert dict(graph.nodes(data="count")) == {"产业链": 2, "招商": 2, "项目": 2}
    assert sorted(graph.edges(data="weight")) == [
        ("产业链", "招商", 2),
        ("产业链", "项目", 1),
        ("招商", "项目", 1),
    ]
    assert cooccurrence_network(tokens, top_n=3, min_weight=2).number_of_edges() == 1


def test_collocates_are_content_words_met_often_enough(tokens_of):
    from helpers.nlp.segment import stopwords

    # 招商 sits beside the fragments 率 (a stopword: 招引率 cut in two), 大 and 点 in every
    # sentence, and beside 项目 in three; 链主 is near it only twice.
    sentences = [
        ["提高", "招商", "率", "大", "点", "项目"],
        ["招商", "大", "点", "率", "项目"],
        ["项目", "率", "招商", "点", "大"],
        ["链主", "招商", "大", "率"],
        ["链主", "招商", "点"],
    ]
    tokens = tokens_of({"A": sentences}, stop=stopwords())
    table = collocates(tokens, "招商")
    assert table["collocate"].tolist() == ["项目"]
    assert table.loc[0, ["together", "freq", "node"]].tolist() == [3, 3, 5]
    # the fragments are in the input: only the rule leaves them out
    loose = collocates(tokens, "招商", min_count=1, min_freq=1, content_only=False)
    assert {"率", "链主"} <= set(loose["collocate"]) and "大" not in set(loose["collocate"])
