"""Regular expressions shared by the stages: numerals, numbers, slogans, quotes, years, sentence ends.

Defined once, so that the stages agree: the segmenter keeps whole the numbers and slogans
that extraction reads, and dates and facts are read in the same sentences, with the same years.

Most patterns take their first character before checking what precedes it (a look-behind on
two characters), so that each opens with a character class and a search skips ahead fast.

>>> YEAR.findall("2019年度考评，2020 年"), YEAR_OR_FISCAL.findall("2019年度考评")
(['2020'], ['2019'])
"""

import re

# A Chinese numeral that counts the parts of a slogan (三高四新, 两网两图, 六个一).
NUMERAL = "一二两三四五六七八九十"
_N = f"[{NUMERAL}]"
_NOT_N = f"[^\\W\\d{NUMERAL}a-zA-Z_]"
# A slogan part is not a counted noun: 十大产业, 三个区分, 一年打基础 are numbers with measure words.
_PART = f"[^\\W\\d{NUMERAL}a-zA-Z_个条项位家批年次届大种点名]"

# What joins the parts of a formula (1+8+N, 4×4).
FORMULA_OPERATOR = r"\s*[+＋×]\s*"
# 1+8+N, 1+5+42, 4×4: digits joined by + or ×, possibly with a letter part. It may run
# straight into Chinese (培育1+8+N现代产业体系): only a further digit, letter or point ends it
# too early (\w would also refuse the Chinese character and cut 1+8+N back to 1+8).
FORMULA = re.compile(
    rf"\d(?<![0-9A-Za-z.]\d)\d*(?:{FORMULA_OPERATOR}(?:\d+|[A-Za-z]))+(?![0-9A-Za-z.])"
)
# Unquoted numbered slogans: two or more numeral-led parts of the same length (三高四新, 六稳六保,
# 一核两电三色四新, 三强一化, 四比四看) or numeral + 个 + numeral (六个一). Equal lengths keep the
# next word out (三高四新战略 is not 三高四新战); slogans with uneven parts (五制一平台,
# 两网两图两库两池两报告) are found when quoted. The look-behind keeps 十九届六中全会 out (a
# numeral run is a number, not a part count).
NUMBERED = re.compile(
    rf"{_N}(?<!{_N}{_N})"
    rf"(?:{_PART}(?:{_N}{_PART}){{1,5}}"
    rf"|{_PART}{_NOT_N}(?:{_N}{_PART}{_NOT_N}){{1,5}}"
    rf"|个{_N}(?![个{NUMERAL}百千万]))"
)
# Quoted text: “...” and straight "..." (paired left to right within a line).
QUOTED = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」")

# Numbers with their magnitude and unit: 855.04亿元, 8.1%, 0.4个百分点, 3000亿级, 1万亿, 千亿.
MAGNITUDE = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万"
UNIT = (
    "个百分点|百分点|%|％|‰|亿元|万元|美元|元|平方公里|平方米|立方米|公里|万亩|亩|吨|千瓦|兆瓦|"
    "年度|年|月|日|号|个|条|家|户|项|位|人|名|批|座|所|台|套|辆|场|大|倍"
)
# 300余人, 20多家: an approximate count keeps its unit.
NUMBER = re.compile(
    rf"[\d{NUMERAL}百千]"
    rf"(?:(?<=\d)(?<![0-9A-Za-z.]\d)\d*(?:\.\d+)?(?:\s*[—–\-~～至到]\s*\d+(?:\.\d+)?)?"
    rf"(?:{MAGNITUDE})?(?:级|[余多]?(?:{UNIT}))?"
    rf"|(?<=[{NUMERAL}百千])(?<![{NUMERAL}百千万亿].)[{NUMERAL}百千]*(?:{MAGNITUDE})(?:元|级)?)"
)

_YEAR = r"(?<!\d)((?:19|20)\d\d) ?年"
# A calendar year the text names (group 1). 2019年度 is a fiscal year, not 2019年 and then 度:
# it does not date an article.
YEAR = re.compile(_YEAR + "(?!度)")
# A calendar or a fiscal year (group 1): the year a figure is for (2019年度全市生产总值达3840亿元).
YEAR_OR_FISCAL = re.compile(_YEAR + "度?")

# The end of a sentence: 。！？ with any closing quote or bracket, or line breaks.
SENTENCE_END = re.compile(r"[。！？!?]+[”’\"」』）)]*|\n+")
