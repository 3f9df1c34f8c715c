"""Figures and targets (产值855.04亿元, 增长8.1%, 千亿工业): value, unit, what they measure, their year."""

import re

from helpers.nlp import segment
from helpers.nlp.facts.clauses import CLAUSE_BREAK, clause_before
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.numbers import parse_number
from helpers.nlp.sentences import Sentence, sentence_at
from helpers.text.patterns import NUMBER, YEAR_OR_FISCAL

_PERIOD = re.compile(r"\d+\s*[—–\-~～至到]\s*\d+月|[一二三四]季度|上半年|下半年|全年")
_LEAD_WORDS = re.compile(
    rf"^(?:{YEAR_OR_FISCAL.pattern}|今年|全年|去年|当年|其中|我市|全市|全县|我县|力争|确保|[“”\"])+"
)
_VERB = re.compile(
    r"(?:达到|达|实现|完成|突破|超过|增加到|提高到|为|是|打造|培育|建设|形成|打好|迈向)$"
)
_MID_VERB = re.compile(r"(?:实现|完成|达到)")
_GROWTH = re.compile(r"^(?:同比)?(?:增长|增速|下降|提高)$")


def _measure(
    text: str, sentence: Sentence, start: int, end: int, previous: str | None
) -> str | None:
    """What a figure measures: 地区生产总值达3840亿元 -> 地区生产总值; 千亿工业 -> 工业.

    A bare magnitude (千亿, 3000亿级) qualifies the nouns after it; a stated amount is
    measured by the clause before it, without its verb (实现, 达) and its time words;
    a growth rate takes the measure of the figure before it in the sentence.
    """
    if not NUMBER.fullmatch(text, start, end) or not re.search(r"[元%％点]", text[start:end]):
        after_end = end
        while after_end < sentence.end and text[after_end] not in CLAUSE_BREAK:
            after_end += 1
        nouns = ""
        for word, flag in segment.tag(text[end:after_end]):
            if not flag.startswith("n"):
                break
            nouns += word
        if nouns:
            return nouns
    before = text[clause_before(text, start, sentence.start, CLAUSE_BREAK) : start].strip()
    before = _MID_VERB.sub("", _VERB.sub("", _LEAD_WORDS.sub("", before)))
    if _GROWTH.match(before) and previous:
        return previous + before
    return before or None


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Figures with a value in 元, 美元, a ratio or a count; the year and period the sentence
    gives before them (a fiscal year, 2019年度, is the year of its figures)."""
    facts, previous = [], {}
    for start, end in segment.number_spans(text):
        sentence = sentence_at(sentences, start)
        if sentence is None:
            continue
        measure = _measure(text, sentence, start, end, previous.get(sentence.sentence_id))
        parsed = parse_number(text[start:end], measure)
        if parsed is None:
            continue
        previous[sentence.sentence_id] = measure
        value, unit = parsed
        head = text[sentence.start : start]
        years = YEAR_OR_FISCAL.findall(head)
        detail = {"stated": text[start:end]}
        period = _PERIOD.findall(head)
        if period:
            detail["period"] = period[-1]
        facts.append(
            Fact(
                text[start:end],
                start,
                end,
                value=value,
                unit=unit,
                measure=measure,
                year=int(years[-1]) if years else None,
                detail=detail,
            )
        )
    return facts
