"""Sentences of clean text, with the character offsets that every table points back to."""

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from helpers.text.patterns import SENTENCE_END


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its text is ``article_text[start:end]``."""

    sentence_id: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split on 。！？ (with any closing quote) and line breaks, keeping character offsets.

    >>> [s.text for s in split_sentences("要抓招商。“当前，要狠抓建设。”他强调，\\n要抓创新！")]
    ['要抓招商。', '“当前，要狠抓建设。”', '他强调，', '要抓创新！']
    """
    sentences, start = [], 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            sentences.append(
                Sentence(len(sentences), start + left, start + right, piece[left:right])
            )
        start = end
        if match is None:
            break
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (sentences are in text order), or None between sentences.

    >>> sentences = split_sentences("要抓招商。 要抓创新！")
    >>> sentence_at(sentences, 6).text, sentence_at(sentences, 5)
    ('要抓创新！', None)
    """
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


def straddled(spans: Iterable[tuple[int, int]], sentences: list[Sentence]) -> set[int]:
    """Indexes of the sentences that a span overlaps without lying inside them."""
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i].end:
            continue
        first = i if i >= 0 and start < sentences[i].end else i + 1
        found.update(range(first, bisect.bisect_left(starts, end)))
    return found
