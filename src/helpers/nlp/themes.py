"""Sentence-level coding of strategy themes and policy instruments from cue words.

Two codebooks are package data: ``codebook.csv`` (15 strategy themes) and
``instruments.csv`` (policy instruments after Rothwell and Zegveld, 1981: supply side,
environment side, demand side). Each row has a code, an English label and Chinese cue words
separated by ``|``. A sentence is coded with every code whose cue it contains; each cue
occurrence is one row, so counts are mentions and ``drop_duplicates`` on
(article_id, sentence_id, code) gives sentence-level coding.

Within a dimension the longest cue wins where cues overlap (科技创新 is not also 创新), so
one stretch of text is counted once; a cue listed under several codes codes them all.
Cues match inside words, so a cue must not hide in other words: 信息 would code 电子信息
and 经济信息委, 应用 核技术应用产业链, so the codebooks list 信息化, 成果应用 and the like
(tests/nlp/test_themes.py keeps one false friend for each cue made longer).
"""

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

import pandas as pd

from helpers import config, resources
from helpers.nlp.sentences import Sentence, straddled

CODEBOOK_FILE = config.PACKAGE_DATA_DIR / "codebook.csv"
INSTRUMENTS_FILE = config.PACKAGE_DATA_DIR / "instruments.csv"
DIMENSIONS = ("theme", "instrument")


@dataclass(frozen=True)
class Code:
    dimension: str
    code: str
    label_en: str
    cues: tuple[str, ...]
    side: str | None = None  # instruments only: supply, environment or demand


@functools.cache
def codes() -> tuple[Code, ...]:
    """Every code of both codebooks, themes first."""
    out = []
    for dimension, path in (("theme", CODEBOOK_FILE), ("instrument", INSTRUMENTS_FILE)):
        for row in resources.read_rows(path):
            cues = tuple(c.strip() for c in row["cues"].split("|") if c.strip())
            out.append(Code(dimension, row["code"], row["label_en"], cues, row.get("side")))
    return tuple(out)


def codebook(dimension: str = "theme") -> pd.DataFrame:
    """One row per code: code, label_en, side (instruments), cues (a list)."""
    rows = [
        {"code": c.code, "label_en": c.label_en, "side": c.side, "cues": list(c.cues)}
        for c in codes()
        if c.dimension == dimension
    ]
    frame = pd.DataFrame(rows)
    return frame.drop(columns="side") if dimension == "theme" else frame


@functools.cache
def _matchers() -> dict[str, tuple[re.Pattern, dict[str, list[Code]]]]:
    """Per dimension: one alternation of all cues (longest first) and cue -> codes."""
    out = {}
    for dimension in DIMENSIONS:
        by_cue: dict[str, list[Code]] = {}
        for code in codes():
            if code.dimension == dimension:
                for cue in code.cues:
                    by_cue.setdefault(cue, []).append(code)
        pattern = re.compile("|".join(map(re.escape, sorted(by_cue, key=lambda c: (-len(c), c)))))
        out[dimension] = (pattern, by_cue)
    return out


def _cues(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, dimension, cue) of every cue occurrence, themes first, each in text order."""
    return [
        (match.start(), match.end(), dimension, match.group())
        for dimension in DIMENSIONS
        for match in _matchers()[dimension][0].finditer(text)
    ]


def _coded(cues: list[tuple[int, int, str, str]]) -> list[tuple[str, Code, str]]:
    """(dimension, code, cue) for each code of each cue, in text order (themes first on a tie)."""
    by_cue = {dimension: _matchers()[dimension][1] for dimension in DIMENSIONS}
    return [
        (dimension, code, cue)
        for _, _, dimension, cue in sorted(cues, key=lambda found: found[0])
        for code in by_cue[dimension][cue]
    ]


def sentence_codes(text: str, sentences: list[Sentence]) -> dict[str, list]:
    """Theme and instrument codes of each sentence, as columns (sentence_id, dimension, code,
    label_en, cue): one row per cue occurrence, in text order, themes first on a tie.

    One scan of the whole text; a sentence that a cue straddles is coded on its own.

    >>> from helpers.nlp.sentences import split_sentences
    >>> text = "要抓招商。持续优化营商环境，大力推行全产业链招商。"
    >>> codes = sentence_codes(text, split_sentences(text))
    >>> [(i, code) for i, dimension, code in zip(codes["sentence_id"], codes["dimension"], codes["code"])
    ...  if dimension == "theme"]
    [(0, 'investment_attraction'), (1, 'business_environment'), (1, 'industrial_chains'), (1, 'investment_attraction')]
    """
    found = _cues(text)
    alone = straddled([(start, end) for start, end, _, _ in found], sentences)
    starts = [s.start for s in sentences]
    by_sentence: list[list[tuple[int, int, str, str]]] = [[] for _ in sentences]
    for cue in found:
        i = bisect_right(starts, cue[0]) - 1
        if i not in alone:
            by_sentence[i].append(cue)
    for i in alone:
        by_sentence[i] = _cues(sentences[i].text)
    columns: dict[str, list] = {
        "sentence_id": [],
        "dimension": [],
        "code": [],
        "label_en": [],
        "cue": [],
    }
    for sentence, cues in zip(sentences, by_sentence):
        for dimension, code, cue in _coded(cues):
            for name, value in zip(
                columns, (sentence.sentence_id, dimension, code.code, code.label_en, cue)
            ):
                columns[name].append(value)
    return columns


def evidence(
    themes: pd.DataFrame,
    sentences: pd.DataFrame,
    code: str | None = None,
    dimension: str | None = None,
) -> pd.DataFrame:
    """The sentences behind a code: one row per coded sentence with the cues that matched.

    Args:
        themes: rows of themes.parquet (article_id, sentence_id, dimension, code, label_en, cue).
        sentences: rows of sentences.parquet (article_id, sentence_id, text, ...).
        code, dimension: optional filters.
    Returns:
        article_id, sentence_id, dimension, code, label_en, cues (joined by ``|``), mentions, text.
    """
    rows = themes
    if code is not None:
        rows = rows[rows["code"] == code]
    if dimension is not None:
        rows = rows[rows["dimension"] == dimension]
    keys = ["article_id", "sentence_id", "dimension", "code", "label_en"]
    grouped = (
        rows.groupby(keys, sort=True)["cue"]
        .agg(cues=lambda c: "|".join(dict.fromkeys(c)), mentions="size")
        .reset_index()
    )
    return grouped.merge(
        sentences[["article_id", "sentence_id", "text"]],
        on=["article_id", "sentence_id"],
        how="left",
    )
