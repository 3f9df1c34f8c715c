"""Mojibake of the glossing republishers, repaired from its bytes: GBK read one byte out of step.

The signature (``data/raw/errata.csv`` documents four runs byte by byte): one byte of the GBK
text was lost and shows as ``?`` (or U+FFFD); from there each pair of bytes is the second
byte of one character and the first of the next, so the characters decode into unrelated rare
ones, until an ASCII byte brings the reading back in step. That byte is either the second
byte of the run's last character (shown as a letter or ``{``) or the ``(`` of a gloss, which
the last byte, now alone, swallows into a second ``?``. The republishers also write the full-
width ``！`` as ASCII ``!``, inside garbled runs too. A gloss can sit right after the first
``?``: it glosses the spurious character the lost byte made with the byte before it.

The repair re-encodes the run, puts back every lead byte the lost one can have been (and the
lost last byte, when there is one) and weighs each reading by evidence:

1. the glosses are a checksum: the character a gloss stands beside must have its reading
   (pypinyin, every reading of a heteronym); a reading that fails one is dropped;
2. the rest is scored by a language model of clean text on the Simplified window around the
   run: jieba's dictionary frequencies, mixed with the characters the article itself uses
   (确保 twice makes 保 likelier than 常); the article's script (a Traditional text rarely
   has a Simplified-only character); its other fillings of the slot (“六穩” for “六?”); and
   the typography of quotes (a quoted term does not end in 。, a quoted sentence does).

A reading is repaired only when it beats both the runner-up and the text as it stands by
``MARGIN`` (see there); otherwise the run stays as it is, with its best readings reported.
"""

import functools
import re
from typing import NamedTuple

from zhon.pinyin import accented_syllable

from helpers.clean.errata import suspicious_marks
from helpers.clean.glosses import SYLLABLES, remove_pinyin_glosses
from helpers.clean.plausibility import ArticleModel, quote_score
from helpers.clean.script import script_of, to_simplified

CODEC = "gbk"
_LOST = "?\ufffd"
_LEADS = range(0x81, 0xFF)
_FULL_WIDTH = {"!": "！"}  # what the republishers write as ASCII, inside garbled runs too
# A gloss beside a run; after a ``?`` its bracket may have been swallowed.
_GLOSS = re.compile(f"([(（])? ?({SYLLABLES}) ?[)）]")
_SYLLABLE = re.compile(accented_syllable)
_CONTEXT = 6  # characters each side of a run that the language model reads
# Natural-log score by which a reading must beat the runner-up and the text as it stands (at
# least e, 2.7 times, as likely). Calibrated on 381 garblings by the mechanism at random places
# of the two glossing articles (tests/test_mojibake.py): at 1.0, 248 repairs right and 9 wrong
# (names, a classical quotation: no dictionary tells them); at 0.5, 16 wrong; at 2.0, 1 wrong
# and 11 right ones lost. 1.0 rather than 2.0 because the errata file's 六保 run, which only the
# article's own evidence decides (its 保, its “六穩”), wins by 1.2; the others by 3.2, 28, 30.
MARGIN = 1.0
_SHOWN = 3  # best readings listed for a run left unrepaired


class Repair(NamedTuple):
    """One garbled run, as the text had it, and its repair, with the evidence for it."""

    garbled: str
    repair: str
    evidence: str
    margin: (
        float  # natural-log score of the best reading over the next best or the text as it stands
    )


class Repaired(NamedTuple):
    """A text after the repair, the repairs made, and the runs left (with their best readings)."""

    text: str
    repairs: list[Repair]
    left: list[Repair]


class _Run(NamedTuple):
    start: int
    end: int
    before: int | None  # the last byte before the lost one (a gloss right after ``?`` reads it)
    head_gloss: str  # that gloss, "" when there is none
    middle: bytes  # the run's characters re-encoded
    last: int | None  # the ASCII byte that ends the run, None when it was lost in a ``?``
    tail_gloss: str  # the gloss after the run: it belongs to the run's last character
    glosses: tuple[tuple[int, int], ...]  # where the glosses of the run stand in the text


class _Reading(NamedTuple):
    text: str
    lost: bytes  # the lead byte put back, then the lost last byte if there was one
    checks: tuple[str, ...]  # the glosses it agrees with


@functools.cache
def _pair(first: int, second: int) -> str | None:
    try:
        return bytes((first, second)).decode(CODEC)
    except UnicodeDecodeError:
        return None


@functools.cache
def _readings(char: str) -> frozenset[str]:
    # Imported here: its dictionaries take 0.2 s to load, worth it only when a gloss is checked.
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.TONE, heteronym=True)[0])


def _reads(chars: str, gloss: str) -> bool:
    """True if ``chars`` end in characters with the syllables of ``gloss``.

    >>> _reads("鏈式發", "fā"), _reads("產業", "chǎnyè"), _reads("桨", "fā")
    (True, True, False)
    """
    syllables = _SYLLABLE.findall(gloss.lower())
    return 0 < len(syllables) <= len(chars) and all(
        syllable in _readings(char) for char, syllable in zip(chars[-len(syllables) :], syllables)
    )


def _encode(char: str) -> bytes | None:
    try:
        data = _FULL_WIDTH.get(char, char).encode(CODEC)
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


def _parse(text: str, start: int) -> _Run | None:
    """The run that the lost-byte mark at ``start`` opens, if the text has its signature."""
    position, glosses = start + 1, []
    head = _GLOSS.match(text, position)
    if head:
        glosses.append(head.span())
        position = head.end()
    middle = bytearray()
    while position < len(text) and (data := _encode(text[position])):
        middle += data
        position += 1
    if position == len(text):
        return None
    end_mark = text[position]
    tail = _GLOSS.match(text, position + 1)
    if end_mark in _LOST:
        if not tail:  # nothing tells what the lost last byte swallowed: not this signature
            return None
        last = None
    elif "@" <= end_mark <= "~":  # a second byte read alone
        last = ord(end_mark)
        tail = tail if tail and tail.group(1) else None
    else:
        return None
    if tail:
        glosses.append(tail.span())
    before = _encode(text[start - 1]) if start else None
    return _Run(
        start,
        tail.end() if tail else position + 1,
        before[-1] if before else None,
        head.group(2) if head else "",
        bytes(middle),
        last,
        tail.group(2) if tail else "",
        tuple(glosses),
    )


def _readings_of(run: _Run) -> list[_Reading]:
    """Every reading of ``run`` with its lost bytes put back that the glosses allow.

    Only the first character depends on the lost lead byte, and the last on a lost last
    byte: each is enumerated over the bytes that make a valid GBK pair, then combined.
    """
    firsts = [
        lead
        for lead in _LEADS
        if not run.head_gloss
        or run.before is None
        or (char := _pair(run.before, lead))
        and _reads(char, run.head_gloss)
    ]
    lasts = [run.last] if run.last is not None else _LEADS
    if run.middle:
        try:
            inner = run.middle[1:-1].decode(CODEC)
        except UnicodeDecodeError:
            return []
        heads = {first: char for first in firsts if (char := _pair(first, run.middle[0]))}
        tails = {last: inner + char for last in lasts if (char := _pair(run.middle[-1], last))}
        texts = {
            (first, last): head + tail
            for last, tail in tails.items()
            if not run.tail_gloss or _reads(tail, run.tail_gloss)
            for first, head in heads.items()
        }
    else:
        texts = {
            (first, last): char
            for first in firsts
            for last in lasts
            if (char := _pair(first, last)) and (not run.tail_gloss or _reads(char, run.tail_gloss))
        }
    readings = []
    for (first, last), text in texts.items():
        checks = (
            [f"{run.head_gloss} = {_pair(run.before, first)} ({run.before:02x} {first:02x})"]
            if run.head_gloss and run.before is not None
            else []
        )
        checks += [f"{run.tail_gloss} = {text[-1]}"] if run.tail_gloss else []
        lost = bytes((first,)) if run.last is not None else bytes((first, last))
        readings.append(_Reading(text, lost, tuple(checks)))
    return readings


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The gloss-free text either side of a run, within its line."""
    before = remove_pinyin_glosses(text[text.rfind("\n", 0, start) + 1 : start])[-_CONTEXT:]
    line_end = text.find("\n", end)
    after = remove_pinyin_glosses(text[end : line_end if line_end != -1 else len(text)])[:_CONTEXT]
    return before, after


def _outside(text: str, spans, start: int = 0, end: int | None = None, joint: str = "") -> str:
    """``text[start:end]`` without ``spans`` (in order, inside it), the pieces joined by ``joint``."""
    edges = [start, *(edge for span in spans for edge in span), len(text) if end is None else end]
    return joint.join(text[a:b] for a, b in zip(edges[::2], edges[1::2]))


def _evidence(garbled: str, best: _Reading, rival: str, margin: float, count: int) -> str:
    lost = f"{best.lost[0]:02x}" + (
        f" and the last byte {best.lost[1]:02x}" if len(best.lost) > 1 else ""
    )
    data = best.text.encode(CODEC).hex(" ")
    checks = "glosses checked: " + ", ".join(best.checks) if best.checks else "no gloss to check"
    return (
        f"The GBK bytes of {best.text} ({data}) read one byte out of step "
        f"give {garbled}; lost byte {lost}, the best of {count} readings the glosses allow; {checks}; "
        f"score margin {margin:.1f} (natural log) over {rival}"
    )


def _judge(
    text: str, run: _Run, model: ArticleModel, margin_needed: float
) -> tuple[Repair, bool] | None:
    """The best reading of ``run`` and whether it wins clearly; None when no reading fits."""
    readings = _readings_of(run)
    if not readings:
        return None
    before, after = _context(text, run.start, run.end)
    slots = [len(before)] + ([len(before) + len(run.middle) // 2] if run.last is None else [])

    def score(reading: _Reading) -> float:
        window = to_simplified(before + reading.text + after)
        written = sum(model.script[script_of(char)] for char in reading.text)
        return (
            model.score(window)
            + written
            + sum(model.frame(window, slot) for slot in slots)
            + quote_score(text, run.start, reading.text, after)
        )

    scored = sorted(((score(reading), reading) for reading in readings), key=lambda pair: -pair[0])
    standing = _outside(text, run.glosses, run.start, run.end)
    standing = model.score(to_simplified(before + standing + after)) + sum(
        model.script[script_of(c)] for c in standing
    )
    best_score, best = scored[0]
    runner_up = next(
        ((score, reading.text) for score, reading in scored[1:] if reading.text != best.text), None
    )
    rival = max(standing, runner_up[0]) if runner_up else standing
    margin = best_score - rival
    garbled = text[run.start : run.end]
    if margin >= margin_needed:
        shown = runner_up[1] if runner_up and runner_up[0] >= standing else "the text as it stands"
        return Repair(
            garbled, best.text, _evidence(garbled, best, shown, margin, len(readings)), margin
        ), True
    shown = "; ".join(
        f"{reading.text} {score - best_score:+.1f}" for score, reading in scored[:_SHOWN]
    )
    return Repair(
        garbled,
        best.text,
        f"best readings: {shown}; as it stands {standing - best_score:+.1f}; "
        f"none wins by {margin_needed}",
        margin,
    ), False


def repair_mojibake(text: str, margin: float = MARGIN) -> Repaired:
    """Repair every run of GBK read one byte out of step that one reading clearly explains.

    >>> repaired = repair_mojibake("不斷強化鏈?zhǔn)剿季S、鏈條理念")
    >>> repaired.text
    '不斷強化鏈式思維、鏈條理念'
    >>> repaired.repairs[0].garbled, repaired.repairs[0].repair
    ('?zhǔn)剿季S', '式思維')
    >>> repair_mojibake("這是一個問題?國內生產總值(GDP)增長5%").text
    '這是一個問題?國內生產總值(GDP)增長5%'
    """
    runs, taken = [], -1
    for match in suspicious_marks(text):
        if (
            match.start() > taken
            and match.group() in _LOST
            and (run := _parse(text, match.start()))
        ):
            runs.append(run)
            taken = run.end - 1
    if not runs:
        return Repaired(text, [], [])
    # The article without its runs is the clean text the model learns the article's words from.
    model = ArticleModel(
        remove_pinyin_glosses(_outside(text, [(run.start, run.end) for run in runs], joint="\n"))
    )
    pieces, repairs, left, position = [], [], [], 0
    for run in runs:
        judged = _judge(text, run, model, margin)
        if judged is None:
            continue
        repair, clear = judged
        (repairs if clear else left).append(repair)
        if clear:
            pieces += [text[position : run.start], repair.repair]
            position = run.end
    return Repaired("".join(pieces) + text[position:], repairs, left)


def mojibake_audit(repaired: Repaired) -> dict:
    """The audit row of the repair: every repair with its evidence, then every run left as it
    was (``garbled → garbled``) with its best readings.

    >>> mojibake_audit(Repaired("", [Repair("?zhǔn)剿季S", "式思維", "GBK ...", 27.9)], []))
    {'step': 'mojibake-repaired', 'changes': 1, 'examples': '?zhǔn)剿季S → 式思維 (evidence: GBK ...)'}
    """
    examples = [
        f"{garbled} → {repair} (evidence: {evidence})"
        for garbled, repair, evidence, _ in repaired.repairs
    ]
    examples += [
        f"{garbled} → {garbled} (evidence: not repaired: {evidence})"
        for garbled, _, evidence, _ in repaired.left
    ]
    return {
        "step": "mojibake-repaired",
        "changes": len(repaired.repairs),
        "examples": " | ".join(examples),
    }
