"""Publication dates read from the article text: ISO ``2020-09-29``, or ``2024`` alone.

In order of trust: a portal's publication stamp (``发布: 2020-09-29 14:29:00``), a full
date (``2020年9月29日``), a day (``2月7日``) with the year the text names most often, and
that year alone. A span of days (``8月31日至9月2日``) is dated by its last day, as a report
of it is. Only years the text states count: a fiscal year (``2019年度``) is not the
publication year, nor is the year after it, so a text naming no other year has no date.
"""

import re

from helpers.text.patterns import SENTENCE_END, YEAR

_STAMP = re.compile(r"(?:发布|發布|發佈|发布时间|發布時間|发布日期|發布日期|日期|时间|時間)\s*[:：]\s*"
                    r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")
# A day, or a span of days; the groups are the month and day it ends on.
_DAYS = r"(\d{1,2})月(\d{1,2})[日号號](?:\s*[至到~～—－-]\s*(?:(\d{1,2})月)?(\d{1,2})[日号號])?"
_FULL_DATE = re.compile(rf"((?:19|20)\d\d)年{_DAYS}")
_DAY = re.compile(rf"(?<![\d年]){_DAYS}")


def _iso(year: str, month: str, day: str, end_month: str | None = None, end_day: str | None = None) -> str | None:
    month, day = (end_month or month, end_day) if end_day else (month, day)
    month_number, day_number = int(month), int(day)
    if 1 <= month_number <= 12 and 1 <= day_number <= 31:
        return f"{year}-{month_number:02d}-{day_number:02d}"
    return None


def main_year(text: str) -> str | None:
    """The year the text names most often (fiscal years aside).

    A tie goes to a year named in the same sentence as a day (``2月7日``), then to the
    latest year.

    >>> main_year("会议通报了2021年各项成绩。2月7日,市政府2020年第一次全会召开。2022年要抓项目。")
    '2020'
    >>> main_year("自2023年以來……2024年是攻堅之年"), main_year("2019年度考評") is None
    ('2024', True)
    """
    counts: dict[str, int] = {}
    beside_day: set[str] = set()
    for sentence in SENTENCE_END.split(text):
        years = YEAR.findall(sentence)
        for year in years:
            counts[year] = counts.get(year, 0) + 1
        if years and _DAY.search(sentence):
            beside_day.update(years)
    return max(counts, key=lambda year: (counts[year], year in beside_day, year)) if counts else None


def find_date(text: str) -> str | None:
    """The publication date the text gives, as precisely as it gives it.

    >>> find_date("發布: 2020-09-29 14:29:00")
    '2020-09-29'
    >>> find_date("市政府2022年第一次全會。2月7日下午,會議召開")
    '2022-02-07'
    >>> find_date("2020年,8月31日至9月2日,市委書記帶隊觀摩")
    '2020-09-02'
    >>> find_date("自2023年以來……2024年是我市產業鏈建設的攻堅之年")
    '2024'
    >>> find_date("8月14日,云陽召開大會") is None
    True
    """
    for pattern in (_STAMP, _FULL_DATE):
        for match in pattern.finditer(text):
            if iso := _iso(*match.groups()):
                return iso
    year = main_year(text)
    if year is None:
        return None
    for match in _DAY.finditer(text):
        if iso := _iso(year, *match.groups()):
            return iso
    return year


def dates_agree(first: str, second: str) -> bool:
    """True unless the two dates differ in what both of them state.

    >>> dates_agree("2024", "2024-07-15"), dates_agree("2020-09-28", "2020-09-29")
    (True, False)
    """
    shorter = min(len(first), len(second))
    return first[:shorter] == second[:shorter]
