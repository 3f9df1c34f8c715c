"""Dates read from the text."""

import pytest

from helpers.clean.dates import dates_agree, find_date, main_year


@pytest.mark.parametrize("text, date", [
    ("發布: 2020-09-29 14:29:00\n正文", "2020-09-29"),                  # portal stamp
    ("发布时间：2021/3/5", "2021-03-05"),
    ("2020年9月2日,市委书记蒿慧杰向企业代表颁奖。", "2020-09-02"),        # full date
    ("2020年8月31日至9月2日,市委书记带队观摩。", "2020-09-02"),          # a span: its last day
    # A day with the year the text states (the 2022 Hengyang file, article 2):
    ("市政府 2022 年第一次全会召开 朱健出席并讲话\n2月7日下午,市政府2022年第一次全会召开。", "2022-02-07"),
    ("2月7日下午,市政府2022年第一次全会召开。会议通报了2021年各项成绩。", "2022-02-07"),
    ("8月31日至9月2日,市委书记蒿慧杰带队观摩。2020年是决胜之年。", "2020-09-02"),
    ("8月14日,云阳召开“千亿工业”高质量发展动员大会。2020年要抓项目。", "2020-08-14"),
    ("自2023年以來……2024年是我市產業鏈建設的攻堅之年", "2024"),          # year alone, latest of a tie
    # No year stated, no date: a fiscal year is not the publication year (Luohe, Yunyang):
    ("暨2019年度綜合考評講評大會。8月31日至9月2日", None),
    ("加快发展、时不我待,千亿工业、全新启航。8月14日,云阳召开", None),
    ("2月7日新春上班第一天,市委召开民营企业座谈会。", None),
    ("虎年首个工作日", None),
    ("13月45日,2020年", "2020"),                                           # not a day
])
def test_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("text, year", [
    ("会议通报了2021年各项成绩。朱健指出,2022年是党的二十大召开之年。", "2022"),   # tie: the latest
    ("回望过去的2021年。2月7日下午,市政府2020年第一次全会召开。2022年要抓项目。", "2020"),  # tie: beside a day
    ("2021年,2021年,2022年", "2021"),                                              # the most frequent
    ("《衡阳市2022年度经济高质量发展争先创优工作方案》", None),
])
def test_main_year(text, year):
    assert main_year(text) == year


@pytest.mark.parametrize("first, second, agree", [
    ("2020-09-29", "2020-09-29", True), ("2024", "2024-07-15", True),
    ("2020-09-28", "2020-09-29", False), ("2023", "2024", False),
])
def test_dates_agree(first, second, agree):
    assert dates_agree(first, second) is agree
