"""Where an article is about: Chinese administrative divisions recognized in its text.

The gazetteer is cpca's ``resources/adcodes.csv`` (every province, prefecture and county
with its 12-digit adcode). Each division is known by its full name (衡阳市, 云阳县) and,
where unambiguous enough, a short name (衡阳, 云阳, 湖南, 广西); the adcode gives its
province and level. ``data/place_false_friends.txt`` lists short names that are ordinary
words in policy prose (新兴, 前进, 和平) and phrases that hide a short name (长治久安).

The locality of a text is the prefecture- or county-level division (or municipality)
mentioned most often; a county's short name only counts when its prefecture or province
is named too (otherwise 江口, 南溪 and 平安 in a text about 云阳 would be counties far
away); provinces are the fallback.
"""

import csv
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick
import numpy as np

from helpers import config, resources
from helpers.text.chars import code_points

FALSE_FRIENDS_FILE = config.PACKAGE_DATA_DIR / "place_false_friends.txt"
MUNICIPALITIES = {"11", "12", "31", "50"}
# Pseudo-divisions of the code table, not places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_SUFFIX = re.compile(
    "(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|省|市|区|县|盟|旗)$"
)
# A short name followed by one of these names a town, village or street, not the division.
_NOT_DIVISION_AFTER = re.compile("镇|乡|村|街道|社区|路|街|大道|大街")
_PREFECTURE_LEVELS = {"市": "地级市", "自治州": "自治州", "地区": "地区", "盟": "盟"}
_COUNTY_LEVELS = {
    "区": "市辖区",
    "新区": "市辖区",
    "县": "县",
    "市": "县级市",
    "自治县": "自治县",
    "旗": "旗",
    "自治旗": "自治旗",
    "林区": "林区",
    "特区": "特区",
}
_PROVINCE_LEVELS = {"省": "省", "自治区": "自治区", "特别行政区": "特别行政区", "市": "直辖市"}


@dataclass(frozen=True)
class Division:
    """One administrative division."""

    adcode: str
    name: str  # full name, e.g. 云阳县
    short: str  # short name, e.g. 云阳 ("" when it would be one character)
    tier: int  # 0 province, 1 prefecture or municipality, 2 county
    admin_level: str  # 省 / 直辖市 / 地级市 / 自治州 / 县 / 市辖区 / 县级市 / ...
    province: str  # 湖南省; a municipality is its own province (重庆市)
    parents: tuple[str, ...]  # adcodes of the prefecture (if any) and the province


def _cpca_resource(name: str) -> Path:
    # Located without importing cpca, whose import builds its own (slow) matcher.
    spec = importlib.util.find_spec("cpca")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / name


def _short_name(name: str, nations: list[str]) -> str:
    """湖南省 -> 湖南, 恩施土家族苗族自治州 -> 恩施, 广西壮族自治区 -> 广西."""
    short = _SUFFIX.sub("", name)
    stripped = "自治" in name  # only autonomous divisions carry the names of nationalities
    while stripped:
        stripped = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if len(form) > 1 and short.endswith(form) and len(short) > len(form):
                    short, stripped = short[: -len(form)], True
    return short if 2 <= len(short) < len(name) else ""


@cache
def divisions() -> dict[str, Division]:
    """Every division of the code table, by adcode."""
    nations = [
        line.strip()
        for line in _cpca_resource("56_nations.csv").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with open(_cpca_resource("adcodes.csv"), encoding="utf-8", newline="") as handle:
        rows = {
            row["adcode"]: row["name"]
            for row in csv.DictReader(handle)
            if row["name"] not in _PLACEHOLDERS
        }
    table = {}
    for adcode, name in sorted(rows.items()):
        province_code = adcode[:2] + "0" * 10
        prefecture_code = adcode[:4] + "0" * 8
        suffix = _SUFFIX.search(name)
        suffix = suffix.group(0) if suffix else ""
        if adcode == province_code:
            tier = 1 if adcode[:2] in MUNICIPALITIES else 0
            level = _PROVINCE_LEVELS.get(suffix, "省")
            parents: tuple[str, ...] = ()
        elif adcode == prefecture_code:
            tier, level, parents = 1, _PREFECTURE_LEVELS.get(suffix, "地级市"), (province_code,)
        else:
            tier, level = 2, _COUNTY_LEVELS.get(suffix, "县级行政区")
            parents = tuple(code for code in (prefecture_code, province_code) if code in rows)
        table[adcode] = Division(
            adcode,
            name,
            _short_name(name, nations),
            tier,
            level,
            rows.get(province_code, name),
            parents,
        )
    return table


@cache
def false_friends() -> frozenset[str]:
    """Ordinary words and phrases that are not place names (``data/place_false_friends.txt``)."""
    return resources.word_set(FALSE_FRIENDS_FILE)


@cache
def _automaton() -> ahocorasick.Automaton:
    """Surface form -> (divisions it may name, is it a short name); false friends -> None."""
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    for division in divisions().values():
        full.setdefault(division.name, []).append(division)
        if division.short:
            short.setdefault(division.short, []).append(division)
    forms = {form: (tuple(found), True) for form, found in short.items() if form not in full}
    forms.update({form: (tuple(found), False) for form, found in full.items()})
    automaton = ahocorasick.Automaton()
    for form, (candidates, is_short) in forms.items():
        automaton.add_word(form, (form, candidates, is_short))
    for phrase in false_friends():
        automaton.add_word(phrase, None)
    automaton.make_automaton()
    return automaton


_PAIR_HASH_BITS = 22


def _pair_hashes(codes: np.ndarray) -> np.ndarray:
    """A hash of each pair of neighbouring code points (collisions only cost time)."""
    codes = codes.astype(np.int64)  # the products overflow 32 bits
    return (codes[:-1] * 1_000_003 + codes[1:]) & ((1 << _PAIR_HASH_BITS) - 1)


@cache
def _name_pairs() -> np.ndarray:
    """True at the hash of every two neighbouring characters of a name in the automaton."""
    table = np.zeros(1 << _PAIR_HASH_BITS, dtype=bool)
    for form in _automaton().keys():
        if len(form) < 2:  # _mentions looks only where two characters of a name meet
            raise ValueError(f"place names need two characters: {form!r}")
        table[_pair_hashes(code_points(form))] = True
    return table


def _stretches(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` where each character and the next could both be in one name.

    pyahocorasick looks up the next character among a node's children one by one, and the
    root has ~900: scanning only these stretches (a few percent of a text) is many times
    faster. ``iter_long`` gives the same matches, because between two characters that meet
    in no name it is back at the root with nothing pending, as at the start of a text.
    """
    linked = _name_pairs()[_pair_hashes(code_points(text))]
    edges = np.flatnonzero(np.diff(linked.view(np.int8), prepend=0, append=0)).tolist()
    return [(start, end + 1) for start, end in zip(edges[::2], edges[1::2])]


def _mentions(text: str) -> list[tuple[int, str, tuple[Division, ...], bool]]:
    """(position, surface form, candidate divisions, short?) of every place name in ``text``."""
    found = []
    automaton = _automaton()
    for start, stop in _stretches(text):
        for end, value in automaton.iter_long(text, start, stop):
            if value is None:
                continue
            form, candidates, short = value
            if short and _NOT_DIVISION_AFTER.match(text, end + 1):
                continue
            found.append((end + 1 - len(form), form, candidates, short))
    return found


# How an article speaks of its own place: 全县, 我县 mean the place it is about is a county;
# 全市, 我市 a city (a prefecture or a county-level city); 全区 a district. (市委 and 县委
# name actors, often visitors from the level above, not the article's voice.)
_SELF_REFERENCE = {
    level: re.compile(f"[我全本]{word}")
    for level, word in (("county", "县"), ("city", "市"), ("district", "区"))
}
_LEVELS_OF = {
    "county": {"县", "县级市", "自治县", "旗", "自治旗", "林区", "特区"},
    "district": {"市辖区"},
}


def self_level(text: str) -> str | None:
    """The level of government the text speaks as, when one clearly dominates.

    >>> self_level("县委书记强调，全县上下要抓项目。市委要求各县抓落实。我县要争先。")
    'county'
    >>> self_level("会议在北京召开") is None
    True
    """
    counts = {level: len(pattern.findall(text)) for level, pattern in _SELF_REFERENCE.items()}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top and top >= 2 * second else None


def _fits(division: Division, level: str | None) -> bool:
    if level is None:
        return True
    if level == "city":
        return division.tier == 1 or division.admin_level == "县级市"
    return division.tier == 2 and division.admin_level in _LEVELS_OF[level]


def _ranked(text: str) -> list[tuple[Division, bool]]:
    """Divisions named in ``text``, the most likely subject first, each with whether it is
    named surely (its full name, or a short name beside its prefecture's or province's)."""
    mentions = _mentions(text)
    named_by: dict[str, set[str]] = {}
    for _, form, candidates, _ in mentions:
        for division in candidates:
            named_by.setdefault(division.adcode, set()).add(form)

    def anchored(division: Division, form: str) -> bool:
        return any(named_by.get(parent, set()) - {form} for parent in division.parents)

    strong, weak, first_seen = Counter(), Counter(), {}
    for position, form, candidates, short in mentions:
        # A county sharing its prefecture's short name (衡阳县 under 衡阳市) is not meant by
        # it; among other namesakes: one whose parent is named too, the higher level, the code.
        codes = {d.adcode for d in candidates}
        namesakes = [d for d in candidates if not codes.intersection(d.parents)]
        division = min(namesakes, key=lambda d: (not anchored(d, form), d.tier, d.adcode))
        first_seen.setdefault(division.adcode, position)
        if division.tier == 2 and short and not anchored(division, form):
            weak[division.adcode] += 1
        else:
            strong[division.adcode] += 1
    table = divisions()
    ranked = []
    for counts, tiers in ((strong, {1, 2}), (weak, {2}), (strong, {0})):
        codes = [code for code in counts if table[code].tier in tiers]
        ranked += [
            (table[code], counts is strong)
            for code in sorted(codes, key=lambda c: (-counts[c], table[c].tier, first_seen[c]))
        ]
    return ranked


def _subject(
    ranked: list[tuple[Division, bool]], level: str | None, lift: bool = False
) -> Division | None:
    """The first division of the level the text speaks as, else the first named surely
    (a county's article may speak of 全市 once). With ``lift``, a district or county stands
    for its city when the text speaks as a city (a district portal that republishes the
    city's news)."""
    for division, _ in ranked:
        if _fits(division, level):
            return division
    if not lift:
        return next((division for division, sure in ranked if sure and division.tier), None)
    if lift and level == "city":
        table = divisions()
        for division, _ in ranked:
            if division.tier == 2 and division.parents and _fits(table[division.parents[0]], level):
                return table[division.parents[0]]
    return None


def find_locality(text: str, publisher: str = "") -> Division | None:
    """The division a text is about, or None if it names none.

    The text's own mentions decide, among divisions of the level it speaks as (全县 is a
    county's voice); ``publisher`` (the outlet, the portal's name above the headline) is
    asked only when the text names no such place.

    >>> find_locality("长沙召开产业链建设推进会，长沙将加快打造工程机械产业链。").name
    '长沙市'
    >>> d = find_locality("云阳召开“千亿工业”大会。重庆三峡云海药业在会上发言。云阳要抓企业。")
    >>> d.name, d.province, d.admin_level
    ('云阳县', '重庆市', '县')
    >>> find_locality("全市重点项目推进会召开。市委书记强调，全市要抓项目。", "许昌市人民政府").name
    '许昌市'
    >>> find_locality("市委召开座谈会，全市要抓产业链。", "当前位置：首页 > 雁峰区新闻").name
    '衡阳市'
    """
    level = self_level(text)
    return _subject(_ranked(text), level) or (
        _subject(_ranked(publisher), level, lift=True) if publisher else None
    )
