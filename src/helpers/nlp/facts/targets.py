"""Figures (产值855.04亿元, 增长8.1%, 千亿工业, 新增规上企业27家): value, unit, measure, year, type.

Every number with a unit is a figure, its kind ``target`` whatever it is; ``figure_type`` (and
``detail["type"]``) says which it is (:mod:`~helpers.nlp.facts.figures`): a target, an achieved
result or a plan. Not figures: dates, ordinals (第5位), the counts of chain heads (16条产业链), and
thresholds that only qualify what another figure counts (过10亿元企业5户 gives 5户, 10亿元以上工业
项目15个 gives 15个, 5个百亿工业产业集群 gives nothing).
"""

import re

from helpers.nlp import procedural, segment
from helpers.nlp.facts.chains import counts_chains
from helpers.nlp.facts.clauses import CLAUSE_BREAK, LIST_BREAK, clause_before
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.figures import figure_type, join_restatements
from helpers.nlp.facts.numbers import COUNT_UNITS, numeral_value, parse_number
from helpers.nlp.sentences import Sentence, sentence_at
from helpers.text.chars import HAN
from helpers.text.patterns import NUMBER, NUMERAL, YEAR_OR_FISCAL

# A single month (今年1月, 3月份) is a period too, not a date (4月17日).
_PERIOD = re.compile(
    r"\d+\s*[—–\-~～至到]\s*\d+月|前[一二三四]季度|[一二三四]季度|上半年|下半年|全年"
    r"|截至\d+月底|今年以来|\d{1,2}月份?(?![\d日号])"
)
# A year, or a year before or after the article's, that a figure is for: 去年 is the article's
# year minus one (resolved where the article's date is known: :func:`in_article_year`).
_RELATIVE_YEAR = {
    "前年": -2,
    "去年": -1,
    "上年": -1,
    "过去一年": -1,
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "明年": 1,
}
# A result is reported when its period has ended or while it runs (一季度 in February); one for
# a period ending more months than this after the article's month is last year's (1—11月 in
# January).
_RUNNING_MONTHS = 3
# A goal's floor (120亿元以上，…): 以上 closing the clause of a figure, not qualifying a noun
# after it (亿元以上项目, a threshold).
_FLOOR = re.compile(r"以上(?=[，,；;、。！!？?]|$)")
_RELATIVE = re.compile("|".join(_RELATIVE_YEAR))
_LEAD_WORDS = re.compile(
    rf"^(?:{YEAR_OR_FISCAL.pattern}|今年|全年|去年|当年|其中|我市|全市|全县|我县|力争|确保|[“”\"])+"
)
_VERB = re.compile(
    r"(?:达到|达|实现|完成|突破|超过|增加到|提高到|为|是|有|打造|培育|建设|形成|打好|迈向)$"
)
_MID_VERB = re.compile(r"(?:实现|完成|达到)")
_GROWTH = re.compile(r"^(?:同比)?(?:增长|增速|下降|提高)$")
# A money figure that only qualifies a class of things: 10亿元以上工业项目, 过10亿元企业5户,
# 超10亿元的项目6个, 百亿级企业5家, 5个百亿工业产业集群.
_ABOVE = re.compile(rf"(?:及)?以[上下]的?[{HAN}]")
_COUNTED_AFTER = re.compile(
    rf"(?:以[上下])?的?[{HAN}]{{1,8}}?(?:达到|达|有)?\d+(?:\.\d+)?[余多]?(?:{COUNT_UNITS})"
)
# The kinds of procedural line whose counts are of people or units at a meeting.
_WHO_RAN_A_MEETING = ("attendance", "presiding", "speaker")
_COUNT_BEFORE = re.compile(rf"(?:\d+|[{NUMERAL}]+|每)个$")


def _measure(
    text: str, sentence: Sentence, start: int, end: int, previous: str | None
) -> str | None:
    """What a figure measures: 地区生产总值达3840亿元 -> 地区生产总值; 千亿工业 -> 工业; 12个重点
    项目 -> 重点项目; 新增规上企业27家 -> 新增规上企业.

    A bare magnitude (千亿, 3000亿级) or a count qualifies the nouns after it; a stated amount,
    or a count with no noun after it, is measured by the clause before it, without its verb
    (实现, 达) and its time words; a growth rate takes the measure of the figure before it in
    the sentence; a figure with nothing before it is measured by what its clause says after it
    (其中有4条实现两位数增长 -> 实现两位数增长).
    """
    after_end = end
    while after_end < sentence.end and text[after_end] not in CLAUSE_BREAK:
        after_end += 1
    if not NUMBER.fullmatch(text, start, end) or not re.search(r"[元%％点]", text[start:end]):
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
    return before or text[end:after_end].strip() or None


def _qualifier(text: str, sentence: Sentence, start: int, end: int, unit: str) -> bool:
    """True if a money figure only qualifies what another figure counts."""
    if unit not in ("元", "美元", ""):
        return False
    after = text[end : sentence.end]
    return bool(
        _ABOVE.match(after)
        or _COUNTED_AFTER.match(after)
        or _COUNT_BEFORE.search(text, sentence.start, start)
    )


def _in_procedural_clause(text: str, sentence: Sentence, start: int) -> bool:
    """True if the clause of a figure (across 、) says who attended, presided or spoke: 高新区等
    6个单位作了交流发言 counts speakers, not anything of industry (:mod:`helpers.nlp.procedural`).
    A meeting's other lines (会上通报了15个重点项目进展情况) may count what it is about."""
    end = start
    while end < sentence.end and text[end] not in LIST_BREAK:
        end += 1
    clause = text[clause_before(text, start, sentence.start) : end]
    return procedural.procedural_kind(clause) in _WHO_RAN_A_MEETING


def _when(text: str, sentence: Sentence, start: int) -> dict:
    """The year a figure is for, and its period, from the sentence before it: ``year`` (the
    last calendar or fiscal year, not one that starts a 自…以来), ``since`` (that one),
    ``year_offset`` (去年 -1, 今年 0: after the last year named; ``since_offset`` where it starts
    a 自…以来) and ``period`` (1—6月, 上半年)."""
    head = text[sentence.start : start]
    when: dict = {}
    for match in YEAR_OR_FISCAL.finditer(head):
        clause_end = match.end()
        while clause_end < len(head) and head[clause_end] not in CLAUSE_BREAK:
            clause_end += 1
        key = "since" if "以来" in head[match.end() : clause_end] else "year"
        when[key] = int(match.group(1))
        when["_at"] = match.end()
    relative = [m for m in _RELATIVE.finditer(head) if m.start() >= when.get("_at", 0)]
    if relative:
        offset = _RELATIVE_YEAR[relative[-1].group()]
        clause_end = relative[-1].end()
        while clause_end < len(head) and head[clause_end] not in CLAUSE_BREAK:
            clause_end += 1
        # 自去年…以来 starts a span, as 自2021年…以来 does; 今年以来 is this year so far.
        since = offset and "以来" in head[relative[-1].end() : clause_end]
        when["since_offset" if since else "year_offset"] = offset
    when.pop("_at", None)
    period = _PERIOD.findall(head)
    if period:
        when["period"] = period[-1]
    return when


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Figures with a value in 元, 美元, a ratio, a count or a quantity, their type, and the year
    and period the sentence gives before them (a fiscal year, 2019年度, is the year of its
    figures); a figure said again in another sentence is grouped with its first statement."""
    facts, previous, sentence_ids = [], {}, []
    for start, end in segment.number_spans(text):
        sentence = sentence_at(sentences, start)
        if sentence is None or text[start - 1 : start] == "第":
            continue
        if counts_chains(text, start, sentence.start) or _in_procedural_clause(
            text, sentence, start
        ):
            continue
        measure = _measure(text, sentence, start, end, previous.get(sentence.sentence_id))
        parsed = parse_number(text[start:end], measure)
        if parsed is None or _qualifier(text, sentence, start, end, parsed[1]):
            continue
        previous[sentence.sentence_id] = measure
        value, unit = parsed
        when = _when(text, sentence, start)
        kind, cue = figure_type(text, sentence, start, end, unit)
        detail = {"stated": text[start:end], "type": kind}
        if cue:
            detail["cue"] = cue
        detail |= {key: value for key, value in when.items() if key != "year"}
        facts.append(
            Fact(
                text[start:end],
                start,
                end,
                value=value,
                unit=unit,
                measure=measure,
                year=when.get("year"),
                detail=detail,
                figure_type=kind,
            )
        )
        sentence_ids.append(sentence.sentence_id)
    join_restatements(facts, sentence_ids)
    return facts


def in_article_year(text: str, sentences: list[Sentence], facts: list[dict], date: str) -> None:
    """Figures (rows of :func:`~helpers.nlp.facts.registry.extract_facts`) dated by the
    article's ``date`` (ISO, the year alone, or ""), in place: the year of a figure said for
    今年, 去年, 全年 or a part of a year (1—5月, 上半年) without a year, and the type of a goal
    for the article's year.

    A part of a year is of the article's year, or of the year before for a result whose part
    ends well after the article's month (1—11月 in a January article; 一季度 in February is
    this year's, reported while it runs). A figure no cue typed (a
    result by default) is a goal for the article's year when it is for that whole year, stated
    as 今年/全年 or as the year itself, and either is under 今年/全年 or is a floor (…120亿元以上,
    and what follows it in the sentence): 2021年全县到位资金120亿元以上 in a 2021 article is a
    goal, in a 2022 one a result. A part of the year (今年1月, 一季度) stays a result. Facts of
    other kinds are left alone.
    """
    if not date[:4].isdigit():
        return
    year, month = int(date[:4]), int(date[5:7]) if date[5:7].isdigit() else None
    by_id = {sentence.sentence_id: sentence for sentence in sentences}
    for fact in facts:
        if fact["kind"] != "target":
            continue
        detail = fact["detail"]
        period = detail.get("period")
        offset = detail.get("year_offset", 0 if period == "全年" else None)
        if fact["year"] is None and offset is not None:
            fact["year"] = year + offset
        elif fact["year"] is None and period and "since" not in detail:
            ends = _period_end(period) or 0
            late = month is not None and ends - month > _RUNNING_MONTHS
            fact["year"] = year - (fact["figure_type"] == "result" and late)
        if fact["year"] != year or fact["figure_type"] != "result" or "cue" in detail:
            continue
        if period not in (None, "全年"):
            continue
        sentence = by_id[fact["sentence_id"]]
        floors = _FLOOR.finditer(text, sentence.start, sentence.end)  # $: the sentence's end
        if any(floor.start() <= fact["end"] for floor in floors):
            mark = "以上"
        elif offset == 0:
            mark = period or "今年"
        else:
            continue
        fact["figure_type"] = detail["type"] = "target"
        detail["cue"] = mark


def _period_end(period: str) -> int | None:
    """The last month of a part of a year: 1—5月 5, 截至9月底 9, 上半年 6, 前三季度 9; None for
    one that runs to now (今年以来).

    >>> [_period_end(p) for p in ("1—5月", "截至9月底", "3月份", "上半年", "前三季度", "今年以来")]
    [5, 9, 3, 6, 9, None]
    """
    months = re.findall(r"\d+(?=月)", period)
    if months:
        return int(months[-1])
    quarter = re.search(r"([一二两三四])季度", period)
    if quarter:
        return 3 * numeral_value(quarter.group(1))
    return {"上半年": 6, "下半年": 12, "全年": 12}.get(period)
