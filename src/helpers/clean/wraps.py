"""Hard wraps: a paragraph broken inside a word or sentence is joined again.

The 2022 Hengyang file breaks ``好项`` / ``目`` and ``朝`` / ``着`` across blank lines, so
blank lines say nothing about paragraphs there. What does: a real paragraph ends with
sentence-final punctuation (``。！？；：`` and closing brackets, looking through closing
quotes), a heading starts with an enumerator (``一、``) or is comma-free and either short
(``朱健主持``) or made of phrases set apart by spaces, as headlines are, and a paragraph may
open with a bracketed aside. Everything else continues on the next line, except at a Latin
letter or a bracket (see ``_PINYIN_SEAM``).

Such a line can also be the first part of a wrapped sentence (``要把产业链建设作为`` /
``核心任务。``): it is a heading only if it does not carry on into the next line, that is
unless it ends with a word that leaves the sentence open (``的``, ``和``, ``把``), or the next
line opens with a character no sentence starts with (``，``, ``的``, ``了``), or the next
line completes a sentence in one clause (no comma before its first full stop).
Output: one paragraph per line, no blank lines.
"""

import re

from helpers.clean.edits import EditLog
from helpers.text.chars import PINYIN_LETTERS

_PARAGRAPH_END = set("。！？!?…；;：:）)】》」』—")
_QUOTES = "”“\"’‘'「」『』"
_ENUMERATOR = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，、,]"
)
_COMMA = re.compile("[，,、]")
# Lines are not joined at a bracket or a Latin letter: the join could glue together a
# pinyin gloss (中( + zhōng)) after the gloss step has run. Chinese text wraps between
# Chinese characters, digits and punctuation.
_PINYIN_SEAM = re.compile(f"[(（'A-Z{PINYIN_LETTERS}À-ɏ]$")
_PINYIN_SEAM_START = re.compile(f"[(（)）'A-Z{PINYIN_LETTERS}À-ɏ]")
_HEADING_MAX = 20
_ENUMERATED_HEADING_MAX = 40
# Words a heading does not end with: they leave the sentence open for what follows.
_OPEN_END = re.compile("[的和与及或把将对从向被让使给并而]$")
# Characters no sentence starts with: closing marks and particles that follow a word.
_CLOSED_START = re.compile("[，,、。；;：:！!？?）)】》」』”’…的地得了着过们吗呢吧么]")
# A line whose first sentence is one clause: a full stop before any comma.
_ONE_CLAUSE = re.compile("[^，,、；;：:。！？!?]+[。！？!?]")


def _ends_paragraph(line: str) -> bool:
    stripped = line.rstrip(_QUOTES)
    return not stripped or stripped[-1] in _PARAGRAPH_END


def _is_heading(line: str, following: str) -> bool:
    """True if ``line`` is a heading above ``following`` (not the start of a sentence)."""
    if _ENUMERATOR.match(line):
        return len(line) <= _ENUMERATED_HEADING_MAX
    if _COMMA.search(line) or (len(line) > _HEADING_MAX and " " not in line):
        return False
    return not (
        _OPEN_END.search(line) or _CLOSED_START.match(following) or _ONE_CLAUSE.match(following)
    )


def _continues(previous: str, line: str) -> bool:
    """True if ``line`` carries on the paragraph ``previous`` (a hard wrap between them).

    >>> _continues("要把产业链建设作为", "核心任务。"), _continues("朱健主持", "虎年首个工作日,我市召开大会。")
    (True, False)
    """
    if _PINYIN_SEAM.search(previous) or _PINYIN_SEAM_START.match(line) or _ENUMERATOR.match(line):
        return False
    return not _ends_paragraph(previous) and not _is_heading(previous, line)


def join_hard_wraps(text: str, log: EditLog = None) -> str:
    """Join lines broken inside a paragraph; drop blank lines.

    >>> join_hard_wraps("立足优势招商,着力引进一批基础性、战略性、牵引性强的大项目、好项\\n\\n目;要瞄准短板招商。")
    '立足优势招商,着力引进一批基础性、战略性、牵引性强的大项目、好项目;要瞄准短板招商。'
    >>> join_hard_wraps("要把产业链建设作为\\n\\n核心任务。")
    '要把产业链建设作为核心任务。'
    >>> join_hard_wraps("我市召开民营企业座谈会\\n\\n2月7日新春上班第一天,市委召开座谈会。")
    '我市召开民营企业座谈会\\n2月7日新春上班第一天,市委召开座谈会。'
    >>> join_hard_wraps("0\\n0\\n。")  # the second join is seen only once the first is made
    '00。'
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # A join can change how the lines around it read (a fragment followed by "。" becomes one
    # clause), so join until nothing more joins: that is what makes the step idempotent.
    # Every pass that changes anything removes a line, so this ends.
    while True:
        paragraphs = _join_once(lines, log)
        if len(paragraphs) == len(lines):
            return "\n".join(paragraphs)
        lines = paragraphs


def _join_once(lines: list[str], log: EditLog) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            if log is not None:
                log.append(
                    (f"{paragraphs[-1][-4:]}\n{line[:4]}", f"{paragraphs[-1][-4:]}{line[:4]}")
                )
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs
