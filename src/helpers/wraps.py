"""Hard wraps: a paragraph broken inside a word or sentence is joined again.

The 2022 Hengyang file breaks ``好项`` / ``目`` and ``朝`` / ``着`` across blank lines, so
blank lines say nothing about paragraphs there. What does: a real paragraph ends with
sentence-final punctuation (``。！？；：`` and closing brackets, looking through closing
quotes), a heading is short and comma-free or starts with an enumerator (``一、``), and a
paragraph may open with a bracketed aside. Everything else continues on the next line,
except at a Latin letter or a bracket (see ``_PINYIN_SEAM``).
Output: one paragraph per line, no blank lines.
"""

import re

from helpers.edits import EditLog

_PARAGRAPH_END = set("。！？!?…；;：:）)】》」』—")
_QUOTES = "”“\"’‘'「」『』"
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，、,]")
_COMMA = re.compile("[，,、]")
# Lines are not joined at a bracket or a Latin letter: the join could glue together a
# pinyin gloss (中( + zhōng)) after the gloss step has run. Chinese text wraps between
# Chinese characters, digits and punctuation.
_PINYIN_SEAM = re.compile("[(（'a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÀ-ɏ]$")
_PINYIN_SEAM_START = re.compile("[(（)）'a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÀ-ɏ]")
_HEADING_MAX = 20


def _ends_paragraph(line: str) -> bool:
    stripped = line.rstrip(_QUOTES)
    return not stripped or stripped[-1] in _PARAGRAPH_END


def _is_heading(line: str) -> bool:
    if _ENUMERATOR.match(line):
        return len(line) <= 2 * _HEADING_MAX
    return len(line) <= _HEADING_MAX and not _COMMA.search(line)


def _continues(previous: str, line: str) -> bool:
    """True if ``line`` carries on the paragraph ``previous`` (a hard wrap between them)."""
    if _PINYIN_SEAM.search(previous) or _PINYIN_SEAM_START.match(line) or _ENUMERATOR.match(line):
        return False
    return not _ends_paragraph(previous) and not _is_heading(previous)


def join_hard_wraps(text: str, log: EditLog = None) -> str:
    """Join lines broken inside a paragraph; drop blank lines.

    >>> join_hard_wraps("立足优势招商,着力引进一批基础性、战略性、牵引性强的大项目、好项\\n\\n目;要瞄准短板招商。")
    '立足优势招商,着力引进一批基础性、战略性、牵引性强的大项目、好项目;要瞄准短板招商。'
    >>> join_hard_wraps("鄧群策還就做好當前各項工作作了安排部署。\\n\\n朱健作動員報告。")
    '鄧群策還就做好當前各項工作作了安排部署。\\n朱健作動員報告。'
    """
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if paragraphs and _continues(paragraphs[-1], line):
            if log is not None:
                log.append((f"{paragraphs[-1][-4:]}\n{line[:4]}", f"{paragraphs[-1][-4:]}{line[:4]}"))
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)
