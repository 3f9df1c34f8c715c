"""Reporter credits and newswire leads leave the text and become metadata."""

import pytest

from helpers.clean.bylines import (
    find_reporters,
    find_wire_outlet,
    labelled_credits,
    remove_bylines,
    starts_with_byline,
)


@pytest.mark.parametrize(
    "raw, expected, reporters",
    [
        (
            "衡阳晚报讯(全媒体记者 陈润)虎年首个工作日,我市召开大会。",
            "虎年首个工作日,我市召开大会。",
            ["陈润"],
        ),
        (
            "云陽網訊(記者 王彬彬 唐斌 鄧磊)加快發展、時不我待。",
            "加快發展、時不我待。",
            ["王彬彬", "唐斌", "鄧磊"],
        ),
        (
            "(記者 張軍亞)8月31日至9月2日,市委書記蒿慧杰帶隊。",
            "8月31日至9月2日,市委書記蒿慧杰帶隊。",
            ["張軍亞"],
        ),
        ("胡水龍出席。(記者 陳潤)", "胡水龍出席。", ["陳潤"]),
        ("企業代表頒獎。記者 王慶建 張 佩 攝", "企業代表頒獎。", ["王慶建", "張佩"]),
        ("衡阳晚报讯（全媒体记者 罗文鹏 通讯员 李明）2月7日下午", "2月7日下午", ["罗文鹏", "李明"]),
        ("本报讯 8月14日,云阳召开大会。", "8月14日,云阳召开大会。", []),
        # Asides that are not credits stay:
        (
            "《衡陽市工業企業高質量發展評價實施辦法(試行)》",
            "《衡陽市工業企業高質量發展評價實施辦法(試行)》",
            [],
        ),
        ("本信電子科技(重慶)有限公司", "本信電子科技(重慶)有限公司", []),
        ("記者從會上獲悉,全市經濟穩中向好。", "記者從會上獲悉,全市經濟穩中向好。", []),
        ("中(記者 陳潤)(zhōng)", "中", ["陳潤"]),  # the gloss it exposes goes too
    ],
)
def test_bylines_are_removed_and_their_names_kept(raw, expected, reporters):
    assert remove_bylines(raw) == expected
    assert find_reporters(raw) == reporters


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("衡阳晚报讯(全媒体记者 陈润)虎年首个工作日", "衡阳晚报"),
        ("标题\n云陽網訊(記者 王彬彬)加快發展", "云陽網"),
        ("(記者 張軍亞)8月31日", ""),
        ("新闻资讯\n栏目导航", ""),
    ],
)
def test_find_wire_outlet(text, outlet):
    assert find_wire_outlet(text) == outlet


@pytest.mark.parametrize(
    "line, expected",
    [
        ("衡阳晚报讯(全媒体记者 陈润)虎年", True),
        ("(記者 張軍亞)8月31日", True),
        ("新闻资讯", False),
        ("秦国文强调,全市上下", False),
    ],
)
def test_starts_with_byline(line, expected):
    assert starts_with_byline(line) is expected


@pytest.mark.parametrize(
    "line, reporters, outlet",
    [
        # a role set off by spaces ends the outlet and credits the names after it
        ("2022-05-06 10:12  来源：三江日报  记者 周文彬 李娜", ["周文彬", "李娜"], ["三江日报"]),
        # a role inside a labelled credit is no name; a widget's label ends the value
        ("来源：三江日报　作者：本报记者 周文彬　字号：大 中 小　打印", ["周文彬"], ["三江日报"]),
        # a role inside prose is no credit
        ("记者从市经信局获悉，来源地多元。", [], []),
    ],
)
def test_labelled_credits(line, reporters, outlet):
    credits = labelled_credits(line)
    assert (credits["reporters"], credits["outlet"]) == (reporters, outlet)
