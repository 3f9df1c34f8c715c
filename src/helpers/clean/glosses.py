"""Pinyin glosses: ``產(chǎn)業(yè)鏈`` and ``中国(zhōngguó)`` lose the bracketed pinyin.

A gloss is a bracket right after a Chinese character holding nothing but valid pinyin
syllables (zhon's syllable pattern, so ``(GDP)``, ``(5G)``, ``(记者 陈润)``, ``(试行)`` are
not glosses). Some glosses carry a stray space (``(chuàng )``). Capitalized romanizations
without tone marks, such as ``华为(Huawei)``, are names rather than glosses and stay, and
so does a single bare letter such as ``(a)``, which is far more often a list label.
"""

import functools
import re

from zhon.pinyin import accented_syllable

from helpers.clean.edits import EditLog
from helpers.text.chars import HAN, TONE_MARKS

_TONE_MARKS = set(TONE_MARKS)
# One or more pinyin syllables, as a gloss holds them (the mojibake repair reads glosses too).
SYLLABLES = f"(?:{accented_syllable})(?:[' ]?(?:{accented_syllable}))*"
_GLOSS = re.compile(f"[(（] ?({SYLLABLES}) ?[)）]", re.IGNORECASE)
# Brackets in a row right after a Chinese character (中(zhōng)(guó)): where glosses can be.
# The pattern opens with the bracket, not the look-behind, so the search skips to brackets;
# whether a bracket holds pinyin is decided once per distinct bracket (see _kind).
_BRACKET = "[(（][^()（）]*[)）]"
_BRACKETS = re.compile(f"[(（](?<=[{HAN}][(（])[^()（）]*[)）](?:{_BRACKET})*")
_ONE_BRACKET = re.compile(_BRACKET)


def _is_gloss(syllables: str) -> bool:
    if _TONE_MARKS.intersection(syllables.lower()):
        return True
    return syllables.islower() and len(syllables) > 1


def _kind(bracket: str) -> bool | None:
    """True for a gloss, False for other pinyin (a name such as ``(Huawei)``), None for no pinyin."""
    match = _GLOSS.fullmatch(bracket)
    return None if match is None else _is_gloss(match.group(1))


@functools.lru_cache(maxsize=1 << 14)  # the same glosses recur throughout a text
def _split_run(brackets: str) -> tuple[str, str]:
    """The run of pinyin brackets that ``brackets`` opens with, and what stays of it: the
    glosses go, from the first bracket that is not a gloss on everything stays."""
    run, kept = "", None
    for match in _ONE_BRACKET.finditer(brackets):
        kind = _kind(match.group())
        if kind is None:
            break
        if not kind and kept is None:
            kept = len(run)
        run += match.group()
    return run, run[kept:] if kept is not None else ""


def find_pinyin_glosses(text: str) -> list[str]:
    """Every pinyin gloss in ``text``, brackets included.

    >>> find_pinyin_glosses("產(chǎn)業(yè)鏈 国内生产总值(GDP) 创(chuàng )新")
    ['(chǎn)', '(yè)', '(chuàng )']
    """
    glosses = []
    for match in _BRACKETS.finditer(text):
        run, kept = _split_run(match.group())
        glosses += _ONE_BRACKET.findall(run[: len(run) - len(kept)])
    return glosses


def remove_pinyin_glosses(text: str, log: EditLog = None) -> str:
    """Delete pinyin glosses; keep every other bracketed aside.

    >>> remove_pinyin_glosses("產(chǎn)業(yè)鏈、中国(zhōngguó)、企业(qǐyè)、(5G)、(记者 陈润)、华为(Huawei)")
    '產業鏈、中国、企业、(5G)、(记者 陈润)、华为(Huawei)'
    """
    pieces, position = [], 0
    for match in _BRACKETS.finditer(text):
        run, kept = _split_run(match.group())
        if run != kept:
            pieces += [text[position : match.start()], kept]
            position = match.start() + len(run)
            if log is not None:
                log.append((run, kept))
    return "".join(pieces) + text[position:] if pieces else text
