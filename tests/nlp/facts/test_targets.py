"""Figures and targets on real passages: value, unit, measure, year and period."""

import pytest

from helpers.nlp.facts import targets
from helpers.nlp.facts.registry import extract_facts
from helpers.nlp.sentences import split_sentences

from .passages import (
    GDP_2021,
    LUOHE_LEAD,
    LUOHE_RESERVE,
    LUOHE_SYSTEM,
    OUTPUT_2024,
    YUNYANG_TARGET,
    facts,
)

# A fiscal year names the year of its figures, and is a time word, not part of what they measure.
FISCAL_2019 = "2019年度全市生产总值达3840亿元，增长7.6%。"


@pytest.mark.parametrize(
    "text,stated,value,unit,measure,year",
    [
        (OUTPUT_2024, "855.04亿元", 8.5504e10, "元", "产业链规上企业产值", 2024),
        (GDP_2021, "3840亿元", 3.84e11, "元", "地区生产总值", 2021),
        (GDP_2021, "8.1%", 0.081, "ratio", "地区生产总值增长", 2021),
        (GDP_2021, "0.4个百分点", 0.004, "ratio", "高出全省平均水平", 2021),
        (LUOHE_SYSTEM, "3000亿级", 3e11, "元", "食品全产业链", None),
        (LUOHE_SYSTEM, "百亿级", 1e10, "元", "产业集群", None),
        (YUNYANG_TARGET, "千亿", 1e11, "元", "工业高质量发展目标", None),
        (LUOHE_RESERVE, "1万亿", 1e12, "元", "动态项目储备库", None),
        (FISCAL_2019, "3840亿元", 3.84e11, "元", "生产总值", 2019),
    ],
)
def test_targets_are_normalized(text, stated, value, unit, measure, year):
    target = next(f for f in facts(text, "target") if f["text"] == stated)
    assert target["value"] == pytest.approx(value)
    assert (target["unit"], target["measure"], target["year"]) == (unit, measure, year)


def test_a_fiscal_year_is_the_year_of_its_figures_not_a_target():
    assert [(f["text"], f["measure"], f["year"]) for f in facts(FISCAL_2019, "target")] == [
        ("3840亿元", "生产总值", 2019),
        ("7.6%", "生产总值增长", 2019),
    ]


def test_the_period_of_a_figure_is_kept():
    assert facts(OUTPUT_2024, "target")[0]["detail"]["period"] == "1—6月"


def test_counts_are_figures_and_dates_are_not():
    # 8月31日至9月2日 is a date; 24个 counts the projects visited
    assert [
        (f["text"], f["value"], f["unit"], f["measure"]) for f in facts(LUOHE_LEAD, "target")
    ] == [("24个", 24, "个", "项目")]


def test_changing_a_figure_changes_its_value():
    assert facts(OUTPUT_2024.replace("855.04亿元", "901.5亿元"), "target")[0][
        "value"
    ] == pytest.approx(9.015e10)


def dated(text, date):
    """Figures of ``text`` in an article of ``date``: (text, type, year, cue)."""
    sentences = split_sentences(text)
    found = extract_facts(text, sentences)
    targets.in_article_year(text, sentences, found, date)
    return [
        (f["text"], f["figure_type"], f["year"], f["detail"].get("cue"))
        for f in found
        if f["kind"] == "target"
    ]


@pytest.mark.parametrize(
    "text,date,expected",
    [
        # a floor for the article's own year is a goal, and so is what follows it
        (
            "2019年全区实际利用外资35亿元以上，新开工亿元以上项目40个。",
            "2019-06-30",
            [("35亿元", "target", 2019, "以上"), ("40个", "target", 2019, "以上")],
        ),
        # the same sentence about a year gone by is a result
        (
            "2019年全区实际利用外资35亿元以上，新开工亿元以上项目40个。",
            "2020-06-30",
            [("35亿元", "result", 2019, None), ("40个", "result", 2019, None)],
        ),
        # 今年 and 全年 say the article's year, and a figure under them no cue typed is a goal
        ("今年全镇新增市场主体800户以上。", "2022-06-30", [("800户", "target", 2022, "以上")]),
        ("全年新引进工业项目45个。", "2022-06-30", [("45个", "target", 2022, "全年")]),
        ("今年，全区招引产业项目60个。", "2022-06-30", [("60个", "target", 2022, "今年")]),
        # a part of the year has passed: a result
        ("今年2月，全区签约项目9个。", "2022-06-30", [("9个", "result", 2022, None)]),
        ("今年一季度，全区签约项目9个。", "2022-06-30", [("9个", "result", 2022, None)]),
        # a cue decides as before; 去年 and 过去一年 are the year before the article's
        ("去年全区签约项目30个以上。", "2022-06-30", [("30个", "result", 2021, "去年")]),
        ("过去一年，全年工业产值增长7%。", "2022-06-30", [("7%", "result", 2021, "过去一年")]),
        ("力争全年产值突破50亿元。", "2022-06-30", [("50亿元", "target", 2022, "力争")]),
        # a threshold's 以上 (亿元以上项目) is no floor; a figure with no year stays as it was
        ("新签约亿元以上项目12个。", "2022-06-30", [("12个", "result", None, None)]),
        # a part of a year is of the article's year, or the year before when a result's part
        # ends well after the article's month (not one reported while it runs)
        ("1—5月，全区签约项目9个。", "2022-06-30", [("9个", "result", 2022, "1—5月")]),
        ("1—11月，全区签约项目9个。", "2022-01-10", [("9个", "result", 2021, "1—11月")]),
        ("一季度，全区已开工项目9个。", "2022-02-20", [("9个", "result", 2022, "已")]),
        ("力争二季度新开工项目15个。", "2022-01-10", [("15个", "target", 2022, "力争")]),
        # with no article year nothing is resolved
        ("今年全镇新增市场主体800户以上。", "", [("800户", "result", None, None)]),
    ],
)
def test_figures_dated_by_the_article_year(text, date, expected):
    assert dated(text, date) == expected


def test_a_relative_year_that_starts_a_span_is_no_year():
    # 自去年…以来 counts from last year to now, as 自2021年…以来 does
    text = "自去年推行链长制以来，累计引进项目30个。"
    (figure,) = [f for f in extract_facts(text) if f["kind"] == "target"]
    assert figure["detail"]["since_offset"] == -1 and "year_offset" not in figure["detail"]
    assert dated(text, "2022") == [("30个", "result", None, "累计")]
