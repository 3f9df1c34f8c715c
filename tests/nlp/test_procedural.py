"""Procedural lines are found by their shape, never by a name: invented sentences of each kind."""

import pandas as pd
import pytest

from helpers.nlp.procedural import (
    meeting_name_mask,
    procedural_kind,
    procedural_sentences,
    procedural_tokens,
)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("市领导王一、李二、赵三出席。", "attendance"),
        ("各乡镇主要负责人，部分金融机构主要负责人等在主会场参会。", "attendance"),
        ("区领导周某某等参加观摩或出席会议。", "attendance"),
        ("区委副书记、区长钱某主持会议。", "presiding"),
        ("钱某主持", "presiding"),
        ("区委副书记、区长钱某主持开工仪式。", "presiding"),
        ("区直部门负责人及项目业主代表参加开工仪式。", "attendance"),
        ("区长钱某主持召开全区招商引资工作调度会。", "presiding"),
        ("区长钱某主持召开会议，要求全力抓好招商引资。", None),
        ("孙某对下阶段工作作具体安排。", "speaker"),
        ("李某部署下步工作。", "speaker"),
        ("区发改局、两家企业相关负责人在会上发言。", "speaker"),
        ("会上，区领导通报了全区项目建设情况。", "meeting"),
        ("某区召开制造业高质量发展推进大会。", "meeting"),
        ("区政府2023年第一次全体会议召开", "meeting"),
        ("3月5日上午，区委书记向十佳企业颁奖。", "dateline"),
        ("图为工人在生产线上作业。", "caption"),
        ("相关链接：某区产业链建设纪实", "caption"),
        ("【图】某区产业园一角", "caption"),
        ("要抓招商，突出链主企业。", None),
        ("区委书记王某出席并强调，要做大做强产业集群。", None),
        ("坚持项目为王，大抓项目、抓大项目。", None),
    ],
)
def test_procedural_kinds(sentence, kind):
    assert procedural_kind(sentence) == kind


def test_a_meeting_name_inside_a_sentence_is_masked():
    words = [
        "王某",
        "在",
        "全区",
        "项目",
        "建设",
        "暨",
        "考评",
        "讲评",
        "大会",
        "上",
        "强调",
        "招商",
    ]
    kept = [w for w, masked in zip(words, meeting_name_mask(words)) if not masked]
    assert kept == ["王某", "在", "上", "强调", "招商"]
    # no start word within reach: only the head word itself
    assert meeting_name_mask(["贯彻", "经济", "工作", "会议", "精神"]).tolist() == [
        False,
        False,
        False,
        True,
        False,
    ]


def test_procedural_tokens_cover_lines_and_names():
    sentences = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": [0, 1],
            "text": ["市领导王一出席。", "要在推进会上抓招商。"],
        }
    )
    tokens = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": [0, 0, 0, 1, 1, 1, 1, 1],
            "position": [0, 1, 2, 0, 1, 2, 3, 4],
            "token": ["市领导", "王一", "出席", "要", "在", "推进会", "上", "抓招商"],
        }
    )
    assert procedural_sentences(sentences).to_dict("records") == [
        {"article_id": "a", "sentence_id": 0, "kind": "attendance"}
    ]
    assert procedural_tokens(tokens, sentences).tolist() == [
        True,
        True,
        True,
        False,
        False,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "会议强调，要以招商为抓手，力争一季度新签约亿元以上项目30个。",
        "会议要求，各招商专班要加快签约进度，切实提高签约项目的履约率。",
        "会议通报，一季度全区开工重大产业项目103个，总投资486.2亿元。",
        "大会现场签约项目19个，签约金额86.4亿元。",
        "7月27日，记者从区经信局获悉，区政府办公室近日印发《制造业重点产业链三年行动方案》。",
    ],
)
def test_lines_that_report_what_was_said_are_kept(sentence):
    assert procedural_kind(sentence) is None
