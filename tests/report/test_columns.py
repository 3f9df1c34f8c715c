"""Tables for reading: human column names, one format per quantity, English beside Chinese."""

import pandas as pd

from helpers.report import columns, display


def test_raw_columns_get_human_names_and_units():
    rates = pd.DataFrame(
        {"locality": ["衡阳市"], "rate": [308.91], "ci_low": [179.2], "ci_high": [467.3]}
    )
    shown = columns.readable(rates)
    assert list(shown.columns) == [
        "locality",
        "rate per 10k tokens",
        "95% interval, low (per 10k tokens)",
        "95% interval, high (per 10k tokens)",
    ]
    assert shown.iloc[0].tolist() == ["衡阳市 (Hengyang)", "308.9", "179.2", "467.3"]


def test_one_format_per_quantity_whatever_the_value():
    shown = columns.readable(
        pd.DataFrame({"g2": [1400.0, 3.14159, 12.0], "tokens": [12345, 7, 1000]})
    )
    assert shown["log-likelihood G²"].tolist() == ["1400.0", "3.1", "12.0"]
    assert shown["tokens"].tolist() == ["12,345", "7", "1,000"]


def test_chinese_columns_get_english_beside_them_once():
    frame = pd.DataFrame(
        {"list": ["四大产业基地"], "item": ["现代物流"], "English": ["modern logistics"]}
    )
    shown = columns.readable(frame)
    assert list(shown.columns) == ["list", "list (English)", "item", "English"]
    assert shown["list (English)"].tolist() == ["four major industrial bases"]
    officials = columns.readable(pd.DataFrame({"name": ["朱健"], "role": ["市长"]}))
    assert officials.iloc[0].tolist() == ["朱健", "Zhu Jian", "市长", "mayor"]


def test_an_enumeration_repeating_the_term_is_one_concordance_line_with_its_count():
    lines = pd.DataFrame(
        {
            "article_id": ["a"] * 3 + ["b"],
            "sentence_id": [4, 4, 4, 1],
            "left": ["打造", "食品产业链、", "电子产业链、", "推进"],
            "keyword": ["产业链"] * 4,
            "right": ["、", "、", "。", "建设"],
        }
    )
    collapsed = display.collapse_repeats(lines)
    assert collapsed["in sentence"].tolist() == [3, 1]
    page = display.kwic_html(collapsed)
    assert page.count("<tr>") == 3 and "times in sentence" in page
    assert "<td class='left'>打造</td>" in page  # the left cell is right-aligned by its class
