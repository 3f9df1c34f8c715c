"""Fact tables: counted once per distinct item, ordered as the reports show them, no glosses."""

import json

import pandas as pd

from helpers.analysis import facts
from helpers.analysis.rates import rates_per_10k


def fact(kind: str, text: str, measure: str, sentence: int, **columns) -> dict:
    return {
        "article_id": "a",
        "sentence_id": sentence,
        "kind": kind,
        "text": text,
        "measure": measure,
        "value": None,
        "unit": None,
        "detail": "{}",
        "year": None,
        "figure_type": None,
        **columns,
    }


def test_headline_counts_distinct_names_and_keeps_goals_apart_from_results():
    head = facts.headline(
        pd.DataFrame(
            [
                fact("chain", "食品", "六大产业", 0, detail=json.dumps({"name": "食品"})),
                fact("chain", "化工", "六大产业", 0, detail=json.dumps({"name": "化工"})),
                fact("chain", "食品", "集群", 1, detail=json.dumps({"name": "食品"})),
                fact("target", "8.1%", "增长", 2, value=0.081, unit="ratio", figure_type="result"),
                fact(
                    "target",
                    "3840亿元",
                    "地区生产总值",
                    2,
                    value=3.84e11,
                    unit="元",
                    figure_type="result",
                ),
                fact("target", "千亿", "工业", 2, value=1e11, unit="元", figure_type="target"),
                fact(
                    "target",
                    "15家",
                    "新增规上工业企业",
                    2,
                    value=15,
                    unit="家",
                    figure_type="target",
                ),
                fact(
                    "slogan",
                    "三高四新",
                    "三高四新",
                    3,
                    detail=json.dumps({"expansion": {"items": ["高地", "使命"]}}),
                ),
                fact("slogan", "六稳", "六稳", 4),
            ]
        )
    )
    assert head.chain_names == ["食品", "化工"]
    assert head.lists.to_dict() == {"六大产业": 2, "集群": 1}
    # a GDP result is no goal: the goals are one per metric, the results counted apart
    assert head.goals[["metric", "text"]].values.tolist() == [["scale", "千亿"], ["firms", "15家"]]
    assert head.results == 2
    assert set(head.slogans) == {"三高四新", "六稳"}
    assert head.spelled_out == {"三高四新": "高地、使命"}  # the text does not spell out 六稳


def test_presence_across_localities_puts_the_most_shared_first():
    items = pd.DataFrame(
        {
            "slogan": ["六稳", "三高四新", "六稳", "1+8+N", "三高四新"],
            "locality": ["衡阳市", "衡阳市", "云阳县", "漯河市", "漯河市"],
        }
    )
    shared = facts.presence(
        items, "slogan", ["衡阳市", "云阳县", "漯河市"], by="locality", count="localities"
    )
    assert shared["localities"].to_dict() == {"三高四新": 2, "六稳": 2, "1+8+N": 1}
    assert "status" not in shared.columns


def test_theme_rates_label_each_theme_and_leave_instruments_out():
    tokens = pd.DataFrame(
        {
            "article_id": ["a"] * 4,
            "sentence_id": [0, 0, 1, 1],
            "position": [0, 1, 0, 1],
            "token": ["产业链", "建设", "招商", "引资"],
            "is_stopword": [False] * 4,
            "locality": ["衡阳市"] * 4,
        }
    )
    themes = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "sentence_id": [0, 1],
            "dimension": ["theme", "instrument"],
            "code": ["industrial_chains", "investment_attraction"],
            "label_en": ["Industrial chains", "Investment attraction"],
            "cue": ["产业链", "招商"],
        }
    )
    rates = facts.theme_rates(tokens, themes, "locality")
    expected = rates_per_10k(
        tokens, themes[themes["dimension"] == "theme"], by="locality", item_col="code"
    )
    pd.testing.assert_frame_equal(rates.drop(columns="theme"), expected)
    assert rates[["item", "theme"]].values.tolist() == [["industrial_chains", "Industrial chains"]]
