"""Policy documents cited in 《》, with their issuers."""

import pytest

from .passages import facts


@pytest.mark.parametrize(
    "text,expected",
    [
        # the issuer before the verb that issued it, a list of organs included
        (
            "市委办公室、市政府办公室近日印发《某市产业链链长制实施方案》。",
            [("某市产业链链长制实施方案", "方案", "市委办公室、市政府办公室")],
        ),
        (
            "县工信局出台了《关于支持专精特新企业的若干措施》。",
            [("关于支持专精特新企业的若干措施", "措施", "县工信局")],
        ),
        # the issuer the title opens with
        (
            "会议传达了《中共某市委 某市人民政府关于加快发展数字经济的意见》。",
            [
                (
                    "中共某市委 某市人民政府关于加快发展数字经济的意见",
                    "意见",
                    "中共某市委 某市人民政府",
                )
            ],
        ),
        # no organ before the verb: no issuer; titles in a row share the first one's
        (
            "会议印发了《工作方案》。省政府印发《三年行动计划（2021—2023年）》《考核办法（试行）》。",
            [
                ("工作方案", "方案", None),
                ("三年行动计划（2021—2023年）", "计划", "省政府"),
                ("考核办法（试行）", "办法", "省政府"),
            ],
        ),
        # a newspaper is no document
        ("据《人民日报》报道。", []),
    ],
)
def test_documents_and_their_issuers(text, expected):
    found = facts(text, "document")
    assert [(f["text"], f["measure"], f["detail"]["issuer"]) for f in found] == expected
    assert all(text[f["start"] : f["end"]] == f["text"] for f in found)


def test_a_back_reference_is_a_mention_not_a_document():
    text = "县政府印发《某县促进专业镇发展实施方案》。《方案》提出，到2025年营业收入突破100亿元。"
    (document,) = facts(text, "document")
    assert document["detail"]["mentions"] == 2


def test_a_back_reference_to_a_title_with_its_period():
    text = "市政府印发《某市产业链三年行动方案（2024—2026年）》。《方案》提出，力争突破。"
    (document,) = facts(text, "document")
    assert document["detail"]["mentions"] == 2


def test_a_title_citing_another_keeps_it():
    text = "市领导通报了《〈中共某市委关于建设产业强市的意见〉重点任务责任分解表》。"
    (document,) = facts(text, "document")
    assert document["detail"]["cites"] == ["中共某市委关于建设产业强市的意见"]
    assert document["detail"]["issuer"] is None  # the cited document's issuer is not this one's
