"""Mojibake: known garbled runs repaired from ``data/raw/errata.csv``, the rest detected.

The errata file (read by :mod:`helpers.clean.sources`) has one row per repair:
``file, garbled, repair, evidence``. The garbled
text is matched as it stands in the decoded file (pinyin glosses and ASCII ``?!`` included),
so errata run before any other step changes the text. The repair is written in the
file's own script; Simplified comes later, with the rest of the text. The evidence goes
into the audit, so that the data-quality report can show why each repair is right.
"""

import re
from collections.abc import Iterator
from typing import NamedTuple

from helpers.clean.edits import EditLog, show
from helpers.text.chars import HAN, PINYIN_LETTERS


class Erratum(NamedTuple):
    """One row of the errata file (its ``file`` column aside)."""

    garbled: str
    repair: str
    evidence: str = ""


Corrections = list[Erratum]

# Marks of mojibake inside Chinese text: a question mark or replacement character next to
# a Chinese character, private-use or C1 control characters, ASCII symbols glued to Chinese
# characters, pinyin left behind by a broken gloss (``?wù)``), UTF-8 read as Latin-1 (``Ã©``).
# Every alternative takes its first character and then checks it (look-behind), so that the
# pattern opens with one character class and the search skips the rest of the text quickly.
_GLUED = "?\ufffd{}\\\\|^~`"
_PRIVATE = "\ufffd\ue000-\uf8ff\x80-\x9f"
_PINYIN = PINYIN_LETTERS
_SUSPICIOUS = re.compile(
    f"[{_GLUED}{_PRIVATE}{_PINYIN}ÃÂâ]"
    f"(?:(?<=[{HAN}][{_GLUED}])|(?<=[{_GLUED}])(?=[{HAN}])"
    f"|(?<=[{_PRIVATE}])"
    f"|(?<=[{HAN}?][{_PINYIN}])[{_PINYIN}]* ?\\)|(?<=[{HAN}][a-z])(?=[{HAN}])"
    "|(?<=[ÃÂâ])[\x80-\xbf€™œ])"
)
_CONTEXT = 3


def apply_errata(text: str, corrections: Corrections = (), log: EditLog = None) -> str:
    """Replace each garbled run by its repair.

    >>> apply_errata("落實“六穩”工作、落實“六?!比蝿?wù)的", [Erratum("六?!比蝿?wù)", "六保”任務")])
    '落實“六穩”工作、落實“六保”任務的'
    """
    for garbled, repair, _ in corrections:
        count = text.count(garbled)
        if count:
            text = text.replace(garbled, repair)
            if log is not None:
                log.extend([(garbled, repair)] * count)
    return text


def errata_audit(corrections: Corrections, log: list[tuple[str, str]]) -> dict:
    """The audit row of the errata step: every erratum applied, with its evidence.

    ``log`` is what :func:`apply_errata` logged. Unlike other steps, every applied erratum
    is listed (``garbled → repair (evidence: ...)``, joined by `` | ``), not the first few.

    >>> errata = [Erratum("鏈?zhǔn)剿季S", "鏈式思維", "GBK read one byte out of step")]
    >>> errata_audit(errata, [("鏈?zhǔn)剿季S", "鏈式思維")] * 2)
    {'step': 'errata', 'changes': 2, 'examples': '鏈?zhǔn)剿季S → 鏈式思維 (evidence: GBK read one byte out of step)'}
    """
    applied = set(log)
    examples = [
        f"{show(garbled)} → {show(repair)}" + (f" (evidence: {evidence})" if evidence else "")
        for garbled, repair, evidence in corrections
        if (garbled, repair) in applied
    ]
    return {"step": "errata", "changes": len(log), "examples": " | ".join(examples)}


def suspicious_marks(text: str) -> Iterator[re.Match]:
    """Each mark of mojibake in ``text``: one character, or the pinyin of a broken gloss.

    >>> [match.group() for match in suspicious_marks("落實“六?!比蝿?wù)的")]
    ['?', '?', 'wù)']
    """
    return _SUSPICIOUS.finditer(text)


def suspicious_runs(text: str) -> list[str]:
    """Garbled-looking runs left in ``text``, each with a few characters around it.

    >>> suspicious_runs("落實“六?!比蝿?wù)的必然要求")
    ['實“六?!比蝿?wù)的必然']
    >>> suspicious_runs("这是一个问题？国内生产总值(GDP)增长5%")
    []
    """
    spans: list[list[int]] = []
    for match in suspicious_marks(text):
        start, end = max(0, match.start() - _CONTEXT), min(len(text), match.end() + _CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [text[start:end].replace("\n", "⏎") for start, end in spans]
