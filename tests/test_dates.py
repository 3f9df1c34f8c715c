"""Dates read from the text."""

import pytest

from helpers.dates import dates_agree, find_date


@pytest.mark.parametrize("text, date", [
    ("發布: 2020-09-29 14:29:00\n正文", "2020-09-29"),                  # portal stamp
    ("发布时间：2021/3/5", "2021-03-05"),
    ("2020年9月2日,市委书记蒿慧杰向企业代表颁奖。", "2020-09-02"),        # full date
    ("2月7日下午,市政府2022年第一次全会召开。", "2022-02-07"),           # day plus the year named
    ("自2023年以來……2024年是我市產業鏈建設的攻堅之年", "2024"),          # year alone, latest of a tie
    ("暨2019年度綜合考評講評大會。8月31日至9月2日", None),                # fiscal year is no year
    ("8月14日,云陽召開大會", None),
    ("虎年首个工作日", None),
    ("13月45日,2020年", "2020"),                                           # not a day
])
def test_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("first, second, agree", [
    ("2020-09-29", "2020-09-29", True), ("2024", "2024-07-15", True),
    ("2020-09-28", "2020-09-29", False), ("2023", "2024", False),
])
def test_dates_agree(first, second, agree):
    assert dates_agree(first, second) is agree
