"""Strategy formulas written without numerals: 工业强市, 项目为王, 链长制, “项目竞进年”, 提质倍增行动.

The frames are data (``data/slogan_frames.csv``): a regular expression per frame, and where a
formula may begin in running text. A formula begins and ends where jieba's words do, so that
做强县域经济 holds no 强县; one that needs a verb before it (坚持工业强县) is no formula inside a
noun phrase (现代产业强市). A formula the article quotes once is the same formula wherever the
article writes it (“千亿工业”, then 打造千亿工业); nothing inside a document title 《…》 is one.
"""

import functools
import re
from dataclasses import dataclass

from helpers import config, resources
from helpers.nlp import segment
from helpers.nlp.facts.clauses import tagged_words, word_spans
from helpers.nlp.sentences import Sentence
from helpers.text.chars import HAN

SLOGAN_FRAMES_FILE = config.PACKAGE_DATA_DIR / "slogan_frames.csv"

_OPEN, _CLOSE = '[“"「]', '[”"」]'
_TITLE = re.compile(r"《[^《》\n]*》")
# What may stand before a formula that needs a verb before it: a break, a verb, a preposition,
# a conjunction, a set phrase that acts as a verb (深入开展: jieba's i and l), or nothing.
_LEADS = ("v", "p", "c", "x", "i", "l")
# A quoted formula this long or longer is one wherever the article writes it; a shorter one
# (“中心”为目标) is a common word elsewhere.
_SPREAD = 4


@dataclass(frozen=True)
class Frame:
    """One row of ``data/slogan_frames.csv``: a compiled pattern and its lead rule."""

    name: str
    pattern: re.Pattern
    after_verb: bool
    needs: re.Pattern
    anywhere: re.Pattern  # the pattern at every place it matches: (?=(?P<whole>pattern))
    quoted: bool  # its formula stands in quotes, which jieba always cuts apart


@functools.cache
def frames() -> tuple[Frame, ...]:
    """The formula frames, in the order of the data file."""
    return tuple(
        Frame(
            row["frame"],
            re.compile(_expand(row["pattern"])),
            row["lead"] == "verb",
            re.compile(row["needs"]),
            re.compile(f"(?=(?P<whole>{_expand(row['pattern'])}))"),
            "{open}" in row["pattern"],
        )
        for row in resources.read_rows(SLOGAN_FRAMES_FILE)
    )


@functools.cache
def _needs() -> re.Pattern:
    """What a sentence holds when some frame may match in it."""
    return re.compile("|".join(f"(?:{frame.needs.pattern})" for frame in frames()))


def _expand(pattern: str) -> str:
    """A frame's pattern with its placeholders filled ({2} and {2,10} stay counts)."""
    for name, value in (("{han}", HAN), ("{open}", _OPEN), ("{close}", _CLOSE)):
        pattern = pattern.replace(name, value)
    return pattern


def _lead(word: str) -> bool:
    """True if a formula that needs a verb before it may follow ``word`` (tagged alone)."""
    return segment.tag(word)[-1][1] in _LEADS


def _nominal(text: str, start: int, end: int) -> bool:
    """True if a frame's ``tail`` (the noun it names: “一企一策”服务机制) holds no verb,
    preposition or adverb: “中心”为目标 names no 目标."""
    words = tagged_words(text, start, end)
    return not any(flag[0] in "vpdrc" and flag != "vn" for _, _, flag in words)


def formula_spans(text: str, sentences: list[Sentence]) -> dict[tuple[int, int], str]:
    """Spans of the formulas of ``text``, each with the name of its frame.

    >>> from helpers.nlp.sentences import split_sentences
    >>> text = "坚持工业强市、产业兴市，实行链长制，要做强县域经济。"
    >>> [text[a:b] for a, b in formula_spans(text, split_sentences(text))]
    ['工业强市', '产业兴市', '链长制']
    """
    titles = [m.span() for m in _TITLE.finditer(text)]
    # The latest start of each frame's formula that ends at a place: 深入开展作风建设提升年活动
    # holds 作风建设提升年, after the verb, not the whole clause.
    latest: dict[tuple[str, int], tuple[int, int]] = {}
    quoted: dict[str, str] = {}
    for sentence in sentences:
        # jieba is slow beside a regular expression: only a sentence some frame matches
        # somewhere is cut into words.
        if not _needs().search(text, sentence.start, sentence.end):
            continue
        present = [
            frame
            for frame in frames()
            if frame.needs.search(text, sentence.start, sentence.end)
            and frame.pattern.search(text, sentence.start, sentence.end)
        ]
        if not present:
            continue
        words = (
            word_spans(text, sentence.start, sentence.end)
            if not all(frame.quoted for frame in present)
            else []
        )
        index = {a: i for i, (a, _) in enumerate(words)}  # word starts
        bounds = set(index) | {b for _, b in words}
        for frame in present:
            # Every place the frame matches, overlapping, in one scan; kept where a word begins.
            for found in frame.anywhere.finditer(text, sentence.start, sentence.end):
                i = index.get(found.start())
                if not frame.quoted and (i is None or found.end("whole") not in bounds):
                    continue
                if frame.after_verb and i and not _lead(text[slice(*words[i - 1])]):
                    continue
                group = "slogan" if "slogan" in frame.pattern.groupindex else "whole"
                span = found.span(group)
                tail = found.span("tail") if "tail" in frame.pattern.groupindex else (0, 0)
                if any(a <= span[0] < b for a, b in titles) or not _nominal(text, *tail):
                    continue
                latest[frame.name, span[1]] = span
                if span != found.span("whole"):
                    quoted.setdefault(text[span[0] : span[1]], frame.name)
    found = {span: name for (name, _), span in latest.items()}
    for formula, name in quoted.items():
        if len(formula) < _SPREAD:
            continue
        for match in re.finditer(re.escape(formula), text):
            if not any(a <= match.start() < b for a, b in titles):
                found.setdefault(match.span(), name)
    return found
