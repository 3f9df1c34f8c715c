"""Sentence-level coding of strategy themes and policy instruments from cue words in context.

Two codebooks are package data: ``codebook.csv`` (15 strategy themes) and ``instruments.csv``
(policy instruments after Rothwell and Zegveld, 1981, as Chinese policy-instrument studies adapt
them: supply, environment and demand sides, with investment promotion, 招商引资, apart as a side of
its own). Each row has a code, an English label and Chinese cue words separated by ``|``;
``coding_guide.md`` beside them defines the codes. The context rules of ``coding_rules.csv``
(:mod:`helpers.nlp.coding_rules`) decide where a cue codes nothing: inside an official's post, an
attendance or procedure line, a meeting's name, a document title, a caption or credit, or the name
of a chain (the chain facts' items and the officials facts' posts are masked too), or outside its
sense (创新 of institutions, 做大做强 of a chain); its ``code`` rules are cues that are sequences
(a target with its figure, a plan issued, leaders made chain chiefs) and code like words.

Each sentence is coded on its own. Each cue occurrence that codes is one row (the ``cue`` column
says which word coded), so rows are mentions; reports count coded sentences, each (sentence,
code) once: :func:`coded_sentences`. Within a dimension the longest cue wins where cues overlap
(科技创新 is not also 创新); a cue listed under several codes codes them all. Cues match inside
words, so a cue must not hide in other words (信息 would code 电子信息 and 经济信息委): the
codebooks list 信息化, 成果应用 and the like (tests/nlp/test_themes.py keeps the false friends).
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from helpers import config, resources
from helpers.nlp import coding_rules
from helpers.nlp.sentences import Sentence

CODEBOOK_FILE = config.PACKAGE_DATA_DIR / "codebook.csv"
INSTRUMENTS_FILE = config.PACKAGE_DATA_DIR / "instruments.csv"
DIMENSIONS = ("theme", "instrument")
SIDES = ("supply", "environment", "demand", "investment")
SENTENCE_KEYS = ["article_id", "sentence_id", "dimension", "code"]


@dataclass(frozen=True)
class Code:
    dimension: str
    code: str
    label_en: str
    cues: tuple[str, ...]
    side: str | None = None  # instruments only: supply, environment, demand or investment


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


def side_of() -> dict[str, str]:
    """Instrument code -> its side (supply, environment, demand, investment)."""
    return {c.code: c.side for c in codes() if c.dimension == "instrument"}


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


def code_sentence(
    text: str, spans: tuple[tuple[int, int], ...] = ()
) -> list[tuple[str, Code, str]]:
    """(dimension, code, cue) of every cue of one sentence that codes, in text order, themes
    first on a tie. ``spans`` (offsets in ``text``) code nothing, as the masks of the rules.

    >>> [(c.code, cue) for _, c, cue in code_sentence("市委副书记、市长朱健主持会议。")]
    []
    >>> [(c.code, cue) for d, c, cue in code_sentence("要深化制度创新，加强科技创新。") if d == "theme"]
    [('innovation', '科技创新')]
    """
    matches = [
        (
            match.start(),
            match.end(),
            dimension,
            match.group(),
            _matchers()[dimension][1][match.group()],
        )
        for dimension in DIMENSIONS
        for match in _matchers()[dimension][0].finditer(text)
    ]
    by_name = {(c.dimension, c.code): c for c in codes()}
    matches += [
        (start, end, dimension, label, [by_name[dimension, code]])
        for dimension in DIMENSIONS
        for start, end, code, label in coding_rules.sequences(text, dimension)
    ]
    if not matches:  # most sentences: no cue, no need to find what is masked
        return []
    masks = coding_rules.masked(text, DIMENSIONS, spans)
    found = []
    for start, end, dimension, cue, cue_codes in matches:
        if coding_rules.inside(start, end, masks[dimension]):
            continue
        found += [
            (start, dimension, code, cue)
            for code in cue_codes
            if coding_rules.keeps(dimension, code.code, cue, text, start, end)
        ]
    return [(d, code, cue) for _, d, code, cue in sorted(found, key=lambda f: f[0])]


def context_spans(facts: Iterable[dict], sentences: list[Sentence]) -> dict[int, list]:
    """Per sentence_id, the spans (offsets in the sentence) that facts show to name something:
    the items of chain lists (their names code no sector) and the posts written for officials.

    Args:
        facts: fact dicts (sentence_id, kind, start, end, detail) as
            :func:`helpers.nlp.facts.registry.extract_facts` gives them, offsets in the article.
        sentences: the article's sentences.
    """
    out: dict[int, list] = {}
    for fact in facts:
        sentence = sentences[fact["sentence_id"]]
        if fact["kind"] == "chain":  # the item's name, not its head word (…产业链 codes chains)
            at = max(fact["text"].find(fact["detail"].get("name") or fact["text"]), 0)
            start = fact["start"] - sentence.start + at
            end = start + len(fact["detail"].get("name") or fact["text"])
            out.setdefault(sentence.sentence_id, []).append((start, end))
        elif fact["kind"] == "official" and fact["detail"].get("post_stated"):
            role = fact["detail"]["role"]
            out.setdefault(sentence.sentence_id, []).extend(
                (m.start(), m.end()) for m in re.finditer(re.escape(role), sentence.text)
            )
    return out


def sentence_codes(
    text: str, sentences: list[Sentence], facts: Iterable[dict] = ()
) -> dict[str, list]:
    """Theme and instrument codes of each sentence, as columns (sentence_id, dimension, code,
    label_en, cue): one row per cue occurrence that codes, in text order, themes first on a tie.

    ``facts`` (optional, as :func:`context_spans` takes them) mask the chain items and posts
    they find.

    >>> from helpers.nlp.sentences import split_sentences
    >>> text = "要抓招商。持续优化营商环境，大力推行全产业链招商。"
    >>> codes = sentence_codes(text, split_sentences(text))
    >>> [(i, code) for i, dimension, code in zip(codes["sentence_id"], codes["dimension"], codes["code"])
    ...  if dimension == "theme"]
    [(0, 'investment_attraction'), (1, 'business_environment'), (1, 'industrial_chains'), (1, 'investment_attraction')]
    """
    spans = context_spans(facts, sentences)
    columns: dict[str, list] = {
        "sentence_id": [],
        "dimension": [],
        "code": [],
        "label_en": [],
        "cue": [],
    }
    for sentence in sentences:
        own = tuple(spans.get(sentence.sentence_id, ()))
        for dimension, code, cue in code_sentence(sentence.text, own):
            for name, value in zip(
                columns, (sentence.sentence_id, dimension, code.code, code.label_en, cue)
            ):
                columns[name].append(value)
    return columns


def coded_sentences(themes: pd.DataFrame) -> pd.DataFrame:
    """Each (article, sentence, dimension, code) once, with its label, side (instruments) and
    ``mentions`` (its cue occurrences): what shares, rates and mixes count.

    >>> rows = pd.DataFrame({"article_id": ["a", "a", "a"], "sentence_id": [0, 0, 1],
    ...     "dimension": "instrument", "code": "investment_promotion",
    ...     "label_en": "Investment promotion", "cue": ["招商", "招商", "签约"]})
    >>> coded_sentences(rows)[["sentence_id", "side", "mentions"]].to_dict("list")
    {'sentence_id': [0, 1], 'side': ['investment', 'investment'], 'mentions': [2, 1]}
    """
    grouped = (
        themes.groupby([*SENTENCE_KEYS, "label_en"], sort=True)
        .size()
        .rename("mentions")
        .reset_index()
    )
    side = grouped["code"].map(side_of())
    return grouped.assign(side=side.where(grouped["dimension"] == "instrument"))[
        [*SENTENCE_KEYS, "label_en", "side", "mentions"]
    ]


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
