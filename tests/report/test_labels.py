"""Labels: a Chinese term with a short English gloss beside it, never a long or empty one."""

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
    assert labels.gloss("蒿慧杰") == ""  # a name: the English column stays empty


@pytest.mark.parametrize(
    "gloss,limit",
    [
        (
            "the general office of the provincial people's government, responsible for coordination",
            30,
        ),
        ("Yunyang county in Wanzhou suburbs of north Chongqing", 20),
    ],
)
def test_a_long_gloss_is_cut_at_a_word(gloss, limit):
    short = labels.short_gloss(gloss, limit)
    assert len(short) <= limit + 1 and short.endswith("…")
    assert gloss.startswith(short[:-1])


def test_a_chart_label_is_cut_shorter_than_a_table_gloss():
    long = "the general office of the provincial people's government"
    assert labels.label("办公厅", gloss=lambda term: long) == "办公厅 (the general office of the…)"
    assert labels.short_gloss(long) == long
