"""Figure types (target, result, plan), thresholds that are no figures, one figure restated."""

import pytest

from helpers.nlp.facts import figures

from .passages import YUNYANG_TARGET, facts


def typed(text):
    return [(f["text"], f["figure_type"]) for f in facts(text, "target")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # results: achieved, in a past period, signed
        (
            "1—9月，全县规上工业产值完成215.6亿元，同比增长8.2%，新增规上企业14家。",
            [("215.6亿元", "result"), ("8.2%", "result"), ("14家", "result")],
        ),
        ("本次签约项目9个，签约金额41.3亿元。", [("9个", "result"), ("41.3亿元", "result")]),
        # targets: a goal's cue before the figure in its sentence
        (
            "力争到2026年，全市数字经济规模突破800亿元，培育规上企业50家以上。",
            [("800亿元", "target"), ("50家", "target")],
        ),
        ("要推动产值过百亿元企业达到4家。", [("4家", "target")]),
        (
            "项目建成后，年产值可达8亿元，带动就业200余人。",
            [("8亿元", "target"), ("200余人", "target")],
        ),
        # plans: planned investment, capacity, scheduled projects; a share is never one
        (
            "今年共安排重点项目88个，年度计划投资45亿元，一季度已完成投资12亿元，占年度计划的26.7%。",
            [("88个", "plan"), ("45亿元", "plan"), ("12亿元", "result"), ("26.7%", "result")],
        ),
        (
            "签约项目18个，总投资36亿元，其中年产5000吨的生产线1条。",
            [("18个", "result"), ("36亿元", "plan"), ("5000吨", "plan"), ("1条", "result")],
        ),
        # a year's output (年产量) is no project's capacity (年产能): its time types it
        (
            "到2027年，全市整车年产量达到30万辆，新建项目年产能8万吨。",
            [("30万辆", "target"), ("8万吨", "plan")],
        ),
        ("2022年，全市整车年产量达到18万辆。", [("18万辆", "result")]),
        # a result cue after a goal's cue decides
        (
            "力争全年产值突破100亿元；今年以来已完成产值46亿元。",
            [("100亿元", "target"), ("46亿元", "result")],
        ),
        # the share done is a result, whatever it is a share of
        (
            "上半年新注册项目204个，完成年度目标任务的81.6%；新增入库项目158个。",
            [("204个", "result"), ("81.6%", "result"), ("158个", "result")],
        ),
        # a goal named after its figures, and a time to come
        (
            "明确全年营业收入增长15%以上、新增企业25家的目标。",
            [("15%", "target"), ("25家", "target")],
        ),
        ("下一步，推动每条产业链至少引进1个龙头项目。", [("1个", "target")]),
        # a horizon carries over a semicolon
        (
            "到2027年，产值达到900亿元；培育链主企业12家。",
            [("900亿元", "target"), ("12家", "target")],
        ),
        # a scale to reach, with no other cue
        ("加快建设千亿级新材料产业基地。", [("千亿级", "target")]),
    ],
)
def test_figure_types(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("新培育产值过10亿元企业3户。", ["3户"]),
        ("新签约5亿元以上工业项目12个，投资超20亿元的项目2个。", ["12个", "2个"]),
        ("培育百亿级企业3家，打造2个百亿产业集群。", ["3家"]),
        ("完成投资120亿元以上。", ["120亿元"]),  # 以上 ends the clause: a figure
        ("居全省第3位，重点产业链扩充至9条，9条重点产业链实现产值20亿元。", ["20亿元"]),
        # who spoke or attended a meeting is counted, not industry; what a meeting reports is
        ("会上，城东区、城西区等4个单位作了交流发言，现场签约项目7个。", ["7个"]),
        ("全县200余名企业代表参加会议，会上通报了12个重点项目进展情况。", ["12个"]),
    ],
)
def test_thresholds_ordinals_and_chain_counts_are_no_figures(text, expected):
    assert [f["text"] for f in facts(text, "target")] == expected


def test_the_year_a_figure_is_for():
    text = "自2021年5月推行链长制以来，累计引进项目80个。去年全县新增企业12家。"
    found = {f["text"]: f for f in facts(text, "target")}
    assert (found["80个"]["year"], found["80个"]["detail"]["since"]) == (None, 2021)
    assert (found["12家"]["year"], found["12家"]["detail"]["year_offset"]) == (None, -1)


def test_one_target_restated_is_one_target_with_its_mentions():
    found = [f for f in facts(YUNYANG_TARGET + "打造千亿工业。推动千亿工业发展。", "target")]
    assert len(found) == 3
    assert {f["detail"]["group"] for f in found} == {found[0]["start"]}
    assert {f["detail"]["mentions"] for f in found} == {3}
    # the same value measuring something else, or in one sentence, is another figure
    two = facts("新开工项目5个，签约项目5个。全年新增企业5个。", "target")
    assert [f["detail"]["mentions"] for f in two] == [1, 1, 1]


def test_every_type_has_its_cues():
    assert {cue.type for cue in figures.cues()} == set(figures.TYPES)
