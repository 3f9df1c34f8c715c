"""Figures and targets on real passages: value, unit, measure, year and period."""

import pytest

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
