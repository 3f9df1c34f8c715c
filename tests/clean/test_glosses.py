"""Pinyin glosses go; bracketed asides that are not pinyin stay."""

import pytest

from helpers.clean.glosses import find_pinyin_glosses, remove_pinyin_glosses


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("產(chǎn)業(yè)鏈", "產業鏈"),  # after single characters, Traditional
        ("产(chǎn)业(yè)链", "产业链"),  # Simplified
        ("中国(zhōngguó)", "中国"),  # after a whole word
        ("企业(qǐyè)", "企业"),
        ("創(chuàng )新", "創新"),  # stray space
        ("網(wǎng)絡(luò )化", "網絡化"),
        ("西安(Xī'ān)", "西安"),  # apostrophe between syllables
        ("中国（zhōngguó）", "中国"),  # full-width brackets
        ("中(zhōng)(guó)", "中"),  # a run of glosses
        ("的(de)", "的"),  # toneless but lowercase pinyin
        ("打贏(yíng)產(chǎn)業(yè)鏈建設", "打贏產業鏈建設"),
        # Asides that must stay:
        ("国内生产总值(GDP)", "国内生产总值(GDP)"),
        ("发展(5G)网络", "发展(5G)网络"),
        ("胡水龍出席。(記者 陳潤)", "胡水龍出席。(記者 陳潤)"),
        ("实施办法(试行)", "实施办法(试行)"),
        ("本信電子科技(重慶)有限公司", "本信電子科技(重慶)有限公司"),
        ("华为(Huawei)", "华为(Huawei)"),  # a name, not a gloss
        ("方案(a)", "方案(a)"),  # a list label
        ("(chǎn)开头", "(chǎn)开头"),  # not after a Chinese character
        ("”(wù)的", "”(wù)的"),
        ("TEL:+86 (734)", "TEL:+86 (734)"),
        ("产业(industry)", "产业(industry)"),  # English, not pinyin
    ],
)
def test_remove_pinyin_glosses(raw, expected):
    assert remove_pinyin_glosses(raw) == expected


def test_find_pinyin_glosses_lists_them_in_order():
    assert find_pinyin_glosses("總書(shū)記在湖南考察時(shí)(GDP)") == ["(shū)", "(shí)"]


def test_removal_is_logged():
    log = []
    remove_pinyin_glosses("產(chǎn)業(yè)鏈", log)
    assert log == [("(chǎn)", ""), ("(yè)", "")]
