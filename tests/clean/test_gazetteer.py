"""Localities recognized from text with the national gazetteer, not a list of our places."""

import pytest

from helpers.clean.gazetteer import divisions, find_locality


def test_the_gazetteer_covers_every_division_of_the_code_table():
    table = divisions()
    assert len(table) > 3000
    assert {d.admin_level for d in table.values()} >= {
        "省",
        "直辖市",
        "自治区",
        "地级市",
        "自治州",
        "县",
        "市辖区",
        "县级市",
    }
    assert table["430400000000"].short == "衡阳"
    assert table["500235000000"].province == "重庆市"


@pytest.mark.parametrize(
    "text, name, province, level",
    [
        ("长沙召开产业链建设推进会，长沙将加快打造工程机械产业链。", "长沙市", "湖南省", "地级市"),
        ("长沙县召开产业链建设推进会。", "长沙县", "湖南省", "县"),
        ("衡阳要狠抓营商环境建设，让衡阳的营商环境进一步改善。", "衡阳市", "湖南省", "地级市"),
        ("衡阳县召开大会，衡阳县县长讲话。", "衡阳县", "湖南省", "县"),
        (
            "云阳召开“千亿工业”大会。重庆三峡云海药业在会上发言。云阳要抓企业。",
            "云阳县",
            "重庆市",
            "县",
        ),
        (
            "致力推动漯河沿着高质量发展轨道阔步前进，培育漯河现代产业体系。",
            "漯河市",
            "河南省",
            "地级市",
        ),
        ("重庆召开全市工业大会，重庆将打造万亿级产业集群。", "重庆市", "重庆市", "直辖市"),
        ("恩施州召开大会，恩施要发展硒产业。", "恩施土家族苗族自治州", "湖北省", "自治州"),
        (
            "广西壮族自治区召开大会，广西要打造产业链。",
            "广西壮族自治区",
            "广西壮族自治区",
            "自治区",
        ),
        ("湖南省召开会议，全省上下要抓产业链。", "湖南省", "湖南省", "省"),
        ("深圳市南山区召开大会，南山区要抓创新。", "南山区", "广东省", "市辖区"),
        # Towns named like far-away counties (江口镇, 南溪镇 and 平安镇 lie in 云阳) do not count:
        ("会议还为江口镇、南溪镇、高阳镇、平安镇授牌。云阳召开大会。", "云阳县", "重庆市", "县"),
    ],
)
def test_find_locality(text, name, province, level):
    place = find_locality(text)
    assert (place.name, place.province, place.admin_level) == (name, province, level)


@pytest.mark.parametrize(
    "text",
    [
        "要长治久安，推动新兴产业发展，前进路上友好合作。",  # ordinary words, not places
        "没有地名的一句话。",
        "",
    ],
)
def test_no_locality_in_text_without_places(text):
    assert find_locality(text) is None
