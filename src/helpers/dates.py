"""Publication dates read from the article text: ISO ``2020-09-29``, or ``2024`` alone.

In order of trust: a portal's publication stamp (``发布: 2020-09-29 14:29:00``), a full
date (``2020年9月29日``), a day (``2月7日``) with the year the text names most often, and
that year alone. Fiscal years (``2019年度``) are not publication years.
"""

import re

_STAMP = re.compile(r"(?:发布|發布|發佈|发布时间|發布時間|发布日期|發布日期|日期|时间|時間)\s*[:：]\s*"
                    r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")
_FULL_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})[日号號]")
_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})[日号號]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!度)")


def _iso(year: str, month: str, day: str) -> str | None:
    month_number, day_number = int(month), int(day)
    if 1 <= month_number <= 12 and 1 <= day_number <= 31:
        return f"{year}-{month_number:02d}-{day_number:02d}"
    return None


def _main_year(text: str) -> str | None:
    counts: dict[str, int] = {}
    for match in _YEAR.finditer(text):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def find_date(text: str) -> str | None:
    """The publication date the text gives, as precisely as it gives it.

    >>> find_date("發布: 2020-09-29 14:29:00")
    '2020-09-29'
    >>> find_date("市政府2022年第一次全會。2月7日下午,會議召開")
    '2022-02-07'
    >>> find_date("自2023年以來……2024年是我市產業鏈建設的攻堅之年")
    '2024'
    >>> find_date("8月14日,云陽召開大會") is None
    True
    """
    for pattern in (_STAMP, _FULL_DATE):
        for match in pattern.finditer(text):
            if iso := _iso(*match.groups()):
                return iso
    year = _main_year(text)
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
