"""Numbered slogans and formulas (三高四新, 六个一, 1+8+N), with their parts and what they stand for.

Two small data files say what the text cannot: which slogans are written in halves
(“三高地”“四个新” is 三高四新) and which numbered phrases are not slogans (“十四五” is a plan period).
"""

import functools
import re

from helpers import config, resources
from helpers.nlp import segment
from helpers.nlp.facts.clauses import clause_before, split_items, trim_lead, word_spans
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.formulas import formula_spans
from helpers.nlp.facts.numbers import numeral_value
from helpers.nlp.sentences import Sentence, sentence_at
from helpers.text.patterns import FORMULA, FORMULA_OPERATOR, NUMERAL

SLOGAN_ALIASES_FILE = config.PACKAGE_DATA_DIR / "slogan_aliases.csv"
NOT_SLOGANS_FILE = config.PACKAGE_DATA_DIR / "not_slogans.txt"

_PART = re.compile(rf"[{NUMERAL}](?:个[{NUMERAL}]|[^{NUMERAL}]{{1,3}})")
_FORMULA_SPLIT = re.compile(FORMULA_OPERATOR)


def slogan_parts(slogan: str) -> list[str]:
    """The numbered parts of a slogan.

    >>> slogan_parts("1+8+N"), slogan_parts("一核两电三色四新"), slogan_parts("六个一")
    (['1', '8', 'N'], ['一核', '两电', '三色', '四新'], ['六个一'])
    """
    if FORMULA.fullmatch(slogan):
        return _FORMULA_SPLIT.split(slogan)
    parts = _PART.findall(slogan)
    return parts if len(parts) > 1 and "".join(parts) == slogan else [slogan]


def _expansion_after(text: str, parts: list[str], start: int) -> dict | None:
    """“1”即…；“8”即…: what each part of a formula stands for, in the same paragraph."""
    paragraph_end = text.find("\n", start)
    window = text[start : paragraph_end if paragraph_end >= 0 else len(text)]
    found = {}
    for part in parts:
        match = re.search(rf"[“\"]{re.escape(part)}[”\"](?:即|是|指|就是)([^；;。]+)", window)
        if match:
            found[part] = match.group(1).strip()
    return found if len(found) == len(parts) else None


def _expansion_before(text: str, sentence: Sentence, start: int, slogan: str, parts: list[str]):
    """“一位市级领导、…”的“六个一”, 产业链、创新链…“五链融合”: the list just before a slogan."""
    end = start
    while end > sentence.start and text[end - 1] in '“"':
        end -= 1
    if end > sentence.start and text[end - 1] == "的":
        end -= 1
    if end > sentence.start and text[end - 1] in '”"':  # a quoted list: take the quote
        end -= 1
        open_at = max(text.rfind("“", sentence.start, end), text.rfind('"', sentence.start, end))
        clause_start = open_at + 1 if open_at >= 0 else end
    else:
        clause_start = clause_before(text, end, sentence.start)
    items = [(clause_start + a, clause_start + b) for a, b in split_items(text[clause_start:end])]
    if len(items) < 2:
        return None
    if FORMULA.fullmatch(slogan):
        expected, first = len(parts), parts[0]
    elif slogan[0] not in NUMERAL:  # “2524”: a code, not a count of parts
        return None
    else:
        expected = numeral_value(slogan[0])
        first = slogan[-1] if re.fullmatch(rf"[{NUMERAL}]个[{NUMERAL}]", slogan) else None
    if expected != len(items):
        return None
    a, b = items[0]
    cut = text.find(first, a, b) if first else -1
    others = max(y - x for x, y in items[1:])
    items[0] = (cut if cut >= 0 else trim_lead(text, a, b, others), b)
    found = [text[a:b] for a, b in items]
    if FORMULA.fullmatch(slogan) and not all(map(str.startswith, found, parts)):
        return None  # 1个…、5个…、42个… must spell out 1+5+42 part by part
    return {"items": found}


@functools.cache
def not_slogans() -> frozenset[str]:
    """Numbered phrases that are not slogans (``data/not_slogans.txt``): 十四五, 两会, 十强..."""
    return resources.word_set(NOT_SLOGANS_FILE)


@functools.cache
def slogan_aliases() -> dict[tuple[str, str], str]:
    """(first half, second half) -> the slogan they make (``data/slogan_aliases.csv``)."""
    return {
        (row["first"], row["second"]): row["slogan"]
        for row in resources.read_rows(SLOGAN_ALIASES_FILE)
    }


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Slogans, each with its parts, their total count and, where the text gives it, its expansion."""
    facts = []
    frames = formula_spans(text, sentences)
    numbered = [span for span in segment.slogan_spans(text) if _whole_words(text, sentences, *span)]
    frames = _without_lists_of_slogans(text, frames, set(numbered) | set(frames))
    for start, end in segment.outermost(set(numbered) | set(frames)):
        slogan = text[start:end]
        if slogan in not_slogans():
            continue
        sentence = sentence_at(sentences, start)
        parts = slogan_parts(slogan)
        detail: dict = {"parts": parts}
        if (start, end) in frames:
            detail["frame"] = frames[start, end]
        counts = [numeral_value(p[0]) for p in parts]
        if len(parts) > 1 and not FORMULA.fullmatch(slogan) and all(counts):
            detail["total"] = sum(counts)  # 一核两电三色四新 -> 10 (the text's 十大产业)
        expansion = _expansion_after(text, parts, end) if len(parts) > 1 else None
        if expansion is None and sentence is not None:
            expansion = _expansion_before(text, sentence, start, slogan, parts)
        if expansion:
            detail["expansion"] = expansion
        facts.append(Fact(slogan, start, end, measure=slogan, detail=detail))
    _join_halves(text, facts)
    return facts


def _without_lists_of_slogans(
    text: str, frames: dict[tuple[int, int], str], slogans: set[tuple[int, int]]
) -> dict[tuple[int, int], str]:
    """Frames without the quoted lists whose every item is a slogan itself: “一园一主、一园一特”
    is two slogans, as “工业强市、产业兴市” is, where “一名链长、一个专班” is one work method."""
    kept = {}
    for (start, end), name in frames.items():
        items = [(start + a, start + b) for a, b in split_items(text[start:end])]
        if len(items) < 2 or not all(item in slogans for item in items):
            kept[start, end] = name
    return kept


def _whole_words(text: str, sentences: list[Sentence], start: int, end: int) -> bool:
    """True unless an unquoted numbered slogan ends inside one of jieba's words: 一周一调度 is a
    work method of uneven parts, not the slogan 一周一调."""
    sentence = sentence_at(sentences, start)
    if sentence is None or text[end : end + 1] in '”"」' or FORMULA.fullmatch(text, start, end):
        return True
    return end in {b for _, b in word_spans(text, sentence.start, sentence.end)} | {sentence.end}


def _join_halves(text: str, facts: list[Fact], gap: int = 8) -> None:
    """Two slogans close together in a sentence that are the halves of one: both get its
    name as ``measure``. “六稳”工作、落实“六保”任务 (one part each, the same count) make
    六稳六保; “三高地”“四个新” make 三高四新 (``data/slogan_aliases.csv``)."""
    for first, second in zip(facts, facts[1:]):
        close = second.start - first.end <= gap and not re.search(
            r"[。！？\n]", text[first.end : second.start]
        )
        same_count = (
            len(first.text) == len(second.text) == 2
            and first.text[0] == second.text[0]
            and first.text[0] in NUMERAL
        )
        whole = slogan_aliases().get((first.text, second.text)) or (
            first.text + second.text if same_count else None
        )
        if close and whole:
            first.measure = second.measure = whole
