"""Places in English: an administrative division by its pinyin name, the same way for all.

A dictionary glosses only the places it happens to know, and each in its own words ("Yibin,
prefecture-level city in Sichuan", "Jinzhai county in Lu'an, Anhui"); a label, a list of
localities or a sentence of the synthesis wants the name alone. So every division of the
gazetteer (:mod:`helpers.clean.gazetteer`) is named by the pinyin of its name without the
suffix 市, 县, 区 (宜宾市 -> Yibin, 金寨县 -> Jinzhai), read by pypinyin or, where pypinyin
misreads a character with several readings, by ``report/data/place_pinyin.csv`` (漯河: Luohe).
Report file names (:mod:`helpers.report.listing`) use the same readings.
"""

import functools
import json
import re
from importlib.metadata import version

from helpers import atomic, config, resources

PLACE_PINYIN_FILE = config.REPORT_DATA_DIR / "place_pinyin.csv"


_CACHE_FORMAT = 2  # bump when what pinyin() keeps changes
# A syllable starting with a, o or e after another is set off by an apostrophe (Xi'an, Lu'an).
_SET_OFF = re.compile("^[aoe]")


def _joined(syllables: list[str]) -> str:
    """Syllables written as one word, as pinyin spells it.

    >>> _joined(["xi", "an"]), _joined(["heng", "yang"])
    ("xi'an", 'hengyang')
    """
    return (
        syllables[0]
        + "".join(
            ("'" if _SET_OFF.match(syllable) else "") + syllable for syllable in syllables[1:]
        )
        if syllables
        else ""
    )


def pinyin(texts: set[str]) -> dict[str, str]:
    """Each text's pinyin (lower case, syllables joined), pypinyin's readings remembered in
    ``config.CACHE_DIR``: importing pypinyin loads its phrase dictionary (0.3 s idle, 2 s under
    load), which every ``make reports`` would pay to name reports it then finds unchanged."""
    cache = config.CACHE_DIR / f"pinyin-{version('pypinyin')}-{_CACHE_FORMAT}.json"
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    missing = sorted(set(texts) - set(known))
    if missing:
        from pypinyin import lazy_pinyin

        known |= {text: _joined(lazy_pinyin(text)) for text in missing}
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_text(cache, json.dumps(known, ensure_ascii=False, sort_keys=True))
        except OSError:
            pass  # a read-only project still names its places, at pypinyin's cost each time
    return {text: known[text].lower() for text in texts}


@functools.cache
def readings() -> dict[str, str]:
    """Place name without suffix -> its pinyin, where pypinyin's default reading is wrong."""
    return {row["place"]: row["pinyin"] for row in resources.read_rows(PLACE_PINYIN_FILE)}


@functools.cache
def _stems() -> dict[str, str]:
    """Every name a division is known by (full name, and short name unless it is an ordinary
    word) -> the part of it that its English name spells."""
    from helpers.clean import gazetteer

    stems: dict[str, str] = {}
    ordinary = gazetteer.false_friends()
    for division in gazetteer.divisions().values():
        # A one-character stem keeps its suffix (沛县: Peixian), as such names are romanized.
        stem = division.short or division.name
        stems[division.name] = stem
        if division.short and division.short not in ordinary:
            stems.setdefault(division.short, stem)
    return stems


def english_name(term: str) -> str | None:
    """A division's English name: the pinyin of its name without suffix, or None for a term
    the gazetteer does not know.

    >>> english_name("宜宾市"), english_name("金寨县"), english_name("漯河"), english_name("产业")
    ('Yibin', 'Jinzhai', 'Luohe', None)
    >>> english_name("西安市"), english_name("长治市")
    ("Xi'an", 'Changzhi')
    """
    stem = _stems().get(term)
    if stem is None:
        return None
    reading = readings().get(stem) or pinyin({stem})[stem]
    return reading.capitalize()
