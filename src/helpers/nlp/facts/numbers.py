"""Numbers as the articles write them: figures with magnitude and unit, numerals that count."""

import functools
import re

from helpers.text.patterns import MAGNITUDE, NUMERAL

_MULTIPLIER = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}
_NUMBER_PARTS = re.compile(
    rf"(?P<core>[\d.]+|[{NUMERAL}百千]*?)(?P<magnitude>{MAGNITUDE})?(?P<rest>[^\d.{NUMERAL}]*)"
)
# A bare magnitude (千亿, 1万亿) is money only where its measure says so: 千亿工业 and a
# project reserve of 1万亿 are output and investment in 元, 新增就业5万 is five myriad jobs.
_MONEY_MEASURE = re.compile(
    "产值|总值|增加值|投资|收入|营收|利润|税收|财政|资金|融资|规模|销售|工业|产业|项目"
)
# Units that count things or measure quantities (24个, 30家, 300余人, 3000吨); dates (年, 月, 日)
# and the 大 of 三大 are none.
COUNT_UNITS = (
    "个|家|户|项|位|人|名|批|座|所|条|台|套|辆|场|倍|吨|千瓦|兆瓦|平方公里|平方米|立方米|公里|亩"
)
_COUNT = re.compile(rf"[余多]?(?P<unit>{COUNT_UNITS})")


def parse_number(text: str, measure: str | None = None) -> tuple[float, str] | None:
    """Value and unit of a figure: money in 元 or 美元, percentages as ratios, a bare
    magnitude as a count (unit "") unless 级 follows it or ``measure`` names money, a count or
    quantity in its unit (24个, 300余人: 余 and 多 dropped); None for dates (2021年, 9月) and
    what is no figure.

    cn2an reads the numeral (it fails on a bare 千亿, so the magnitude words are handled
    here and a missing numeral counts as one).

    >>> parse_number("855.04亿元"), parse_number("3000亿级"), parse_number("2亿美元")
    ((85504000000.0, '元'), (300000000000.0, '元'), (200000000.0, '美元'))
    >>> parse_number("千亿", "工业"), parse_number("5万", "新增就业"), parse_number("2021年")
    ((100000000000.0, '元'), (50000.0, ''), None)
    >>> parse_number("24个"), parse_number("300余人"), parse_number("30万吨")
    ((24.0, '个'), (300.0, '人'), (300000.0, '吨'))
    >>> parse_number("8.1%"), parse_number("0.4个百分点")
    ((0.081, 'ratio'), (0.004, 'ratio'))
    """
    import cn2an

    parts = _NUMBER_PARTS.fullmatch(text)
    if parts is None:
        return None
    core, magnitude, rest = parts["core"], parts["magnitude"] or "", parts["rest"]
    if not core and not magnitude:
        return None
    number = float(cn2an.cn2an(core, "smart")) if core else 1.0
    for char in magnitude:
        number *= _MULTIPLIER[char]
    if rest in ("%", "％", "个百分点", "百分点"):
        return round(number / 100, 12), "ratio"
    if rest in ("元", "美元"):
        return number, rest
    if magnitude and (rest == "级" or rest == "" and measure and _MONEY_MEASURE.search(measure)):
        return number, "元"  # 3000亿级产业链, 千亿工业: the articles count these in yuan
    if magnitude and rest == "":
        return number, ""
    count = _COUNT.fullmatch(rest)
    if count and core:
        return number, count["unit"]
    return None


@functools.lru_cache(maxsize=256)
def numeral_value(numeral: str) -> int | None:
    """The number a Chinese numeral counts (两 is 二), or None for what is not one.

    >>> numeral_value("两"), numeral_value("十四"), numeral_value("核")
    (2, 14, None)
    """
    import cn2an

    try:
        return int(cn2an.cn2an(numeral.replace("两", "二"), "smart"))
    except ValueError:
        return None
