"""Labels: a Chinese term with a short English gloss beside it, never a long or empty one."""

import re

import pytest

from helpers.report import labels

LOCALITIES = ["衡阳市", "云阳县", "漯河市"]


def test_labels_put_the_english_gloss_beside_the_chinese():
    shown = labels.label("营商环境")
    assert shown.startswith("营商环境 (") and shown.endswith(")")
    assert shown[len("营商环境 (") : -1].isascii()


def test_places_get_their_short_english_name():
    assert [labels.place_label(p) for p in LOCALITIES] == [
        "衡阳市 (Hengyang)",
        "云阳县 (Yunyang)",
        "漯河市 (Luohe)",
    ]


def test_a_term_without_gloss_is_shown_alone():
    assert labels.label("衡阳市", gloss=lambda term: term) == "衡阳市"
    assert labels.gloss("ABC") == ""  # nothing Chinese: no English column needed
    assert labels.gloss("蒿慧杰") == "Hao Huijie"  # a name no dictionary has: its pinyin


@pytest.mark.parametrize(
    "gloss",
    [
        "the general office of the provincial people's government, responsible for coordination",
        "three highlands, four new missions (Hunan strategy)",
        "Yunyang county in Wanzhou suburbs of north Chongqing",
    ],
)
def test_no_gloss_is_cut(gloss):
    without_asides = re.sub(r"\s*\([^)]*\)", "", gloss)
    for shown in (labels.whole_gloss(gloss), labels.short_gloss(gloss)):
        assert not shown.endswith("…") and shown in (gloss, without_asides)


def test_a_chart_label_drops_only_the_asides_of_the_table_gloss():
    long = "three highlands, four new missions (Hunan strategy)"
    assert (
        labels.label("三高四新", gloss=lambda term: long)
        == "三高四新 (three highlands, four new missions)"
    )
    assert labels.whole_gloss(long) == long


@pytest.mark.parametrize(
    "term", ["三高四新", "项目为王", "四大产业基地", "产业链", "讲评", "地区生产总值"]
)
def test_one_term_one_gloss_in_tables_and_charts(term):
    table = labels.gloss(term)
    assert table and table == labels.gloss(term)
    assert labels.label(term) == f"{term} ({labels.short_gloss(table)})"


def test_titles_and_sentences_are_glossed_word_by_word():
    shown = labels.text_gloss("云阳召开“千亿工业”高质量发展动员大会")
    assert shown.isascii() and "Yunyang" in shown and "high-quality development" in shown


def test_summaries_get_glosses_beside_their_chinese_once():
    line = labels.with_glosses("most frequent in 衡阳市; 产业链 (industrial chain)")
    assert line == "most frequent in 衡阳市 (Hengyang); 产业链 (industrial chain)"


def test_term_explorer_titles_use_the_one_gloss_of_their_term():
    from helpers import resources
    from helpers.report.listing import TERMS_FILE

    for row in resources.read_rows(TERMS_FILE):
        assert row["gloss"] == labels.gloss(row["term"]), row
