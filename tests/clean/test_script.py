"""Traditional -> Simplified: OpenCC plus the 著/着 split it leaves alone."""

import pytest

from helpers.clean.script import simplify_zhu, to_simplified


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "致力推动漯河沿著高质量发展轨道阔步前进",
            "致力推动漯河沿着高质量发展轨道阔步前进",
        ),  # Luohe, as t2s leaves it
        ("著力夯实产业基础", "着力夯实产业基础"),
        ("著重发展最大优势的现代物流业", "着重发展最大优势的现代物流业"),
        ("领导精力、土地、资金、政策跟著项目走", "领导精力、土地、资金、政策跟着项目走"),
        ("著名企业取得显著成效", "著名企业取得显著成效"),  # 著 is right here
        ("土著", "土著"),
        ("没有这个字", "没有这个字"),
    ],
)
def test_simplify_zhu(text, expected):
    assert simplify_zhu(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("致力推動漯河沿著高質量發展軌道闊步前進", "致力推动漯河沿着高质量发展轨道阔步前进"),
        ("衡陽產業鏈", "衡阳产业链"),
        ("", ""),
    ],
)
def test_to_simplified(text, expected):
    assert to_simplified(text) == expected
