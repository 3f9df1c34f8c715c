"""Strategy formulas without numerals (helpers.nlp.facts.formulas), found as slogans."""

import pytest

from .passages import facts


@pytest.mark.parametrize(
    "text,found",
    [
        # strategy formulas: X立市, X兴城, X强县, paired; after a verb or a break
        ("全面推进工业立市、商贸兴城战略。", ["工业立市", "商贸兴城"]),
        ("坚持“农业强县、生态兴县”不动摇。", ["农业强县", "生态兴县"]),
        ("瞄准“万亿工业强市”目标。", ["万亿工业强市"]),
        # inside a noun phrase or a longer word they are no formula
        ("加快建设现代产业强市，做强县域经济。", []),
        # …为王, …长制
        (
            "牢固树立“项目为王”理念，全面推行河长制和产业链链长制。",
            ["项目为王", "河长制", "链长制"],
        ),
        # campaign years and counted campaigns
        (
            "以“招商引资突破年”为抓手，深入开展作风建设提升年活动。",
            ["招商引资突破年", "作风建设提升年"],
        ),
        ("实施四大主导产业倍增行动，拿出实际行动。", ["四大主导产业倍增行动"]),
        # quoted mechanisms: parts joined by +, a scale, a named idea or mechanism
        ("落实“链长+链主+链办”工作机制，推行“一园一策”。", ["链长+链主+链办", "一园一策"]),
        ("强化“拼抢实”作风，完善“亩均论英雄”评价机制。", ["拼抢实", "亩均论英雄"]),
        # a quoted strategy made the lever of the work, a quoted principle upheld
        ("要以“双招双引”为抓手，坚持“抓项目就是抓发展”。", ["双招双引", "抓项目就是抓发展"]),
        # quoted work methods: numbered parts, a list naming a mechanism, pairs led by 双
        (
            "每个项目做到“一名领导、一个团队、一抓到底”。",
            ["一名领导、一个团队、一抓到底"],
        ),
        ("推行“日巡查、周例会、月评比”工作机制。", ["日巡查、周例会、月评比"]),
        ("召开“双招双引”工作会议。", ["双招双引"]),
        # a quoted list of slogans is those slogans, not one method
        ("推行“一链一策、一企一策”工作机制。", ["一链一策", "一企一策"]),
        # a speech quoted, a strategy pair, an unquoted method are none of these
        ("“要抓好招商、稳住投资、做强园区。”他说。", []),
        ("坚持“农业强县、生态兴县”战略。", ["农业强县", "生态兴县"]),
        # a goal, a plan period, an industry's name in quotes are no slogans
        ("确保实现“开门红”目标，编制“十四五”规划，做强“泵与电机”产业链。", []),
    ],
)
def test_formulas_without_numerals(text, found):
    assert [f["text"] for f in facts(text, "slogan")] == found


def test_a_quoted_formula_is_the_same_formula_unquoted():
    text = "召开“百亿工业”推进大会。打造百亿工业，全力推动百亿工业发展。"
    found = facts(text, "slogan")
    assert [(f["text"], f["detail"]["frame"]) for f in found] == [("百亿工业", "scale")] * 3
    # a short quoted word is not: “中心” is a common word elsewhere
    assert [f["text"] for f in facts("以“中心”为目标，建设区域中心。", "slogan")] == []


def test_an_uneven_work_method_is_no_numbered_slogan():
    assert [f["text"] for f in facts("坚持一周一调度、一月一通报。", "slogan")] == []
    assert [f["text"] for f in facts("推行一个项目、一名领导、一个专班的办法。", "slogan")] == []
