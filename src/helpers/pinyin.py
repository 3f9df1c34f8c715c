"""Pinyin glosses: ``產(chǎn)業(yè)鏈`` and ``中国(zhōngguó)`` lose the bracketed pinyin.

A gloss is a bracket right after a Chinese character holding nothing but valid pinyin
syllables (zhon's syllable pattern, so ``(GDP)``, ``(5G)``, ``(记者 陈润)``, ``(试行)`` are
not glosses). Some glosses carry a stray space (``(chuàng )``). Capitalized romanizations
without tone marks, such as ``华为(Huawei)``, are names rather than glosses and stay, and
so does a single bare letter such as ``(a)``, which is far more often a list label.
"""

import re

from zhon.pinyin import accented_syllable

from helpers.edits import EditLog, sub
from helpers.hanzi import HAN

_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
_PINYIN_IN_BRACKET = f" ?((?:{accented_syllable})(?:[' ]?(?:{accented_syllable}))*) ?[)）]"
_GLOSS = re.compile(f"[(（]{_PINYIN_IN_BRACKET}", re.IGNORECASE)
# Glosses can follow each other (中(zhōng)(guó)): take the whole run after the character.
# (The pattern opens with the bracket, not the look-behind, so the search skips to brackets.)
_GLOSS_RUN = re.compile(f"[(（](?<=[{HAN}][(（]){_PINYIN_IN_BRACKET}(?:{_GLOSS.pattern})*", re.IGNORECASE)


def _is_gloss(syllables: str) -> bool:
    if _TONE_MARKS.intersection(syllables.lower()):
        return True
    return syllables.islower() and len(syllables) > 1


def find_pinyin_glosses(text: str) -> list[str]:
    """Every pinyin gloss in ``text``, brackets included.

    >>> find_pinyin_glosses("產(chǎn)業(yè)鏈 国内生产总值(GDP) 创(chuàng )新")
    ['(chǎn)', '(yè)', '(chuàng )']
    """
    return [gloss for run in _GLOSS_RUN.finditer(text) for gloss in _split_run(run.group(0))[0]]


def _split_run(run: str) -> tuple[list[str], str]:
    """The leading glosses of a run of bracketed pinyin, and what stays after them."""
    glosses = []
    for match in _GLOSS.finditer(run):
        if not _is_gloss(match.group(1)):
            return glosses, run[match.start():]
        glosses.append(match.group(0))
    return glosses, ""


def remove_pinyin_glosses(text: str, log: EditLog = None) -> str:
    """Delete pinyin glosses; keep every other bracketed aside.

    >>> remove_pinyin_glosses("產(chǎn)業(yè)鏈、中国(zhōngguó)、企业(qǐyè)、(5G)、(记者 陈润)、华为(Huawei)")
    '產業鏈、中国、企业、(5G)、(记者 陈润)、华为(Huawei)'
    """
    return sub(_GLOSS_RUN, lambda m: _split_run(m.group(0))[1], text, log)
