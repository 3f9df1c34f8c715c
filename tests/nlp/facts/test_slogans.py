"""Numbered slogans and formulas on real passages: found whole, split into parts, expanded."""

import pytest

from helpers.nlp.facts import slogans

from .passages import (
    GDP_2021,
    HENGYANG_2020_THREE_HIGH,
    HENGYANG_2022_MEETINGS,
    HENGYANG_FIVE_CHAINS,
    HENGYANG_SIX_ONES,
    HENGYANG_SLOGANS,
    LUOHE_AWARD,
    LUOHE_SYSTEM,
    YUNYANG_PLATFORM,
    facts,
)


def test_1_8_n_is_expanded_from_the_text():
    slogan = next(f for f in facts(LUOHE_SYSTEM, "slogan") if f["text"] == "1+8+N")
    expansion = slogan["detail"]["expansion"]
    assert slogan["detail"]["parts"] == ["1", "8", "N"]
    assert expansion["1"].startswith("打造3000亿级食品全产业链")
    assert expansion["8"] == (
        "培育液压科技、装配式建筑、精细化工、电力装备、精密制造、智能食品装备制造、"
        "生物医药和高性能医疗器械、现代家居八个细分领域百亿级产业集群"
    )
    assert expansion["N"].startswith(
        "围绕数字产业、电子信息、大健康、高端装备、节能环保等高成长性领域"
    )


@pytest.mark.parametrize(
    "text,slogan,items",
    [
        (
            HENGYANG_SIX_ONES,
            "六个一",
            [
                "一位市级领导",
                "一个承载主体",
                "一个行业协会",
                "一家金融机构",
                "一批高校院所",
                "一个联合党工委",
            ],
        ),
        (HENGYANG_FIVE_CHAINS, "五链融合", ["产业链", "创新链", "人才链", "资金链", "政策链"]),
        (
            YUNYANG_PLATFORM,
            "1+5+42",
            ["1个市级特色工业园区", "5个中小企业集聚区", "42个楼宇工业园"],
        ),
    ],
)
def test_slogans_expanded_by_the_list_before_them(text, slogan, items):
    found = next(f for f in facts(text, "slogan") if f["text"] == slogan)
    assert found["detail"]["expansion"] == {"items": items}


def test_named_slogans_are_found_whole():
    texts = [f["text"] for f in facts(HENGYANG_SLOGANS + HENGYANG_SIX_ONES, "slogan")]
    assert texts == [
        "六稳",
        "六保",
        "三高四新",
        "三强一化",
        "五制一平台",
        "一核两电三色四新",
        "两网两图两库两池两报告",
        "六个一",
    ]
    # measure names the slogan each is written for: the halves of 六稳六保 say so
    assert [f["measure"] for f in facts(HENGYANG_SLOGANS, "slogan")[:3]] == [
        "六稳六保",
        "六稳六保",
        "三高四新",
    ]
    core = next(f for f in facts(HENGYANG_SLOGANS, "slogan") if f["text"] == "一核两电三色四新")
    assert core["detail"]["parts"] == ["一核", "两电", "三色", "四新"]
    assert core["detail"]["total"] == 10  # the text's 十大产业


def test_a_slogan_written_in_two_halves_is_named_as_one():
    found = facts(HENGYANG_2020_THREE_HIGH, "slogan")
    assert [(f["text"], f["measure"]) for f in found] == [
        ("三高地", "三高四新"),
        ("四个新", "三高四新"),
    ]
    assert all(
        HENGYANG_2020_THREE_HIGH[f["start"] : f["end"]] == f["text"] for f in found
    )  # as written
    alone = HENGYANG_2020_THREE_HIGH.replace("“四个新”", "")
    assert [(f["text"], f["measure"]) for f in facts(alone, "slogan")] == [("三高地", "三高地")]


@pytest.mark.parametrize(
    "text,not_slogan,found",
    [
        (GDP_2021, "十四五", []),  # a plan period
        (LUOHE_SYSTEM, "十四五", ["1+8+N", "三链同构"]),
        (HENGYANG_2022_MEETINGS, "两会", ["三高四新", "三强一化"]),  # a meeting
        (LUOHE_AWARD, "十强", []),  # a ranking
    ],
)
def test_numbered_phrases_that_are_not_slogans(text, not_slogan, found):
    assert [f["text"] for f in facts(text, "slogan")] == found
    assert not_slogan in slogans.not_slogans()


def test_a_list_that_no_longer_fits_the_formula_does_not_expand_it():
    shorter = YUNYANG_PLATFORM.replace("42个楼宇工业园", "楼宇工业园")
    assert "expansion" not in facts(shorter, "slogan")[0]["detail"]
