"""Facts read from an article's text: slogans, figures and targets, chain lists, officials.

Every fact carries the character span of its ``text`` in the article and the sentence it
sits in, so a reader can check it against the source. Nothing here is a lookup of known
answers: the rules read the structures the articles use (“1”即…, 八个细分领域 after a list
of eight names, 市委书记 before a name), so editing a sentence changes the facts. Two small
data files say what the text cannot: which slogans are written in halves (“三高地”“四个新”
is 三高四新) and which numbered phrases are not slogans (“十四五” is a plan period).
"""

import bisect
import functools
import json
import re
from dataclasses import dataclass, field

from helpers import resources
from helpers import config
from helpers.nlp import segment
from helpers.nlp.segment import NUMERAL, Sentence

KINDS = ("slogan", "target", "chain", "official")
SLOGAN_ALIASES_FILE = config.PACKAGE_DATA_DIR / "slogan_aliases.csv"
NOT_SLOGANS_FILE = config.PACKAGE_DATA_DIR / "not_slogans.txt"


@dataclass
class Fact:
    """One extracted item; ``text`` is ``article_text[start:end]``.

    ``measure`` is what a figure measures, an official's role, the list a chain belongs to,
    or the slogan a slogan is written for (itself, or 三高四新 for “三高地” and “四个新”).
    """

    kind: str
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    measure: str | None = None
    year: int | None = None
    detail: dict = field(default_factory=dict)


# --- numbers -----------------------------------------------------------------------------

_MULTIPLIER = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}
_NUMBER_PARTS = re.compile(
    rf"(?P<core>[\d.]+|[{NUMERAL}百千]*?)(?P<magnitude>{segment.MAGNITUDE})?(?P<rest>[^\d.{NUMERAL}]*)"
)
_CLAUSE_BREAK = "，,。；;：:！？!?\n、“”\"（）()"


# A bare magnitude (千亿, 1万亿) is money only where its measure says so: 千亿工业 and a
# project reserve of 1万亿 are output and investment in 元, 新增就业5万 is five myriad jobs.
_MONEY_MEASURE = re.compile("产值|总值|增加值|投资|收入|营收|利润|税收|财政|资金|融资|规模|销售|工业|产业|项目")


def parse_number(text: str, measure: str | None = None) -> tuple[float, str] | None:
    """Value and unit of a figure: money in 元 or 美元, percentages as ratios, a bare
    magnitude as a count (unit "") unless 级 follows it or ``measure`` names money; None
    for other units (24个 is a count of things, 2021年 a date).

    cn2an reads the numeral (it fails on a bare 千亿, so the magnitude words are handled
    here and a missing numeral counts as one).

    >>> parse_number("855.04亿元"), parse_number("3000亿级"), parse_number("2亿美元")
    ((85504000000.0, '元'), (300000000000.0, '元'), (200000000.0, '美元'))
    >>> parse_number("千亿", "工业"), parse_number("5万", "新增就业"), parse_number("24个")
    ((100000000000.0, '元'), (50000.0, ''), None)
    >>> parse_number("8.1%"), parse_number("0.4个百分点")
    ((0.081, 'ratio'), (0.004, 'ratio'))
    """
    import cn2an

    parts = _NUMBER_PARTS.fullmatch(text)
    if parts is None:
        return None
    core, magnitude, rest = parts["core"], parts["magnitude"] or "", parts["rest"]
    if not core and not magnitude:
        return None
    number = float(cn2an.cn2an(core, "smart")) if core else 1.0
    for char in magnitude:
        number *= _MULTIPLIER[char]
    if rest in ("%", "％", "个百分点", "百分点"):
        return round(number / 100, 12), "ratio"
    if rest in ("元", "美元"):
        return number, rest
    if magnitude and (rest == "级" or rest == "" and measure and _MONEY_MEASURE.search(measure)):
        return number, "元"  # 3000亿级产业链, 千亿工业: the articles count these in yuan
    if magnitude and rest == "":
        return number, ""
    return None


# --- slogans -----------------------------------------------------------------------------

_PART = re.compile(rf"[{NUMERAL}](?:个[{NUMERAL}]|[^{NUMERAL}]{{1,3}})")
_FORMULA_SPLIT = re.compile(r"\s*[+＋×]\s*")


def slogan_parts(slogan: str) -> list[str]:
    """The numbered parts of a slogan.

    >>> slogan_parts("1+8+N"), slogan_parts("一核两电三色四新"), slogan_parts("六个一")
    (['1', '8', 'N'], ['一核', '两电', '三色', '四新'], ['六个一'])
    """
    if segment.FORMULA.fullmatch(slogan):
        return _FORMULA_SPLIT.split(slogan)
    parts = _PART.findall(slogan)
    return parts if len(parts) > 1 and "".join(parts) == slogan else [slogan]


@functools.lru_cache(maxsize=256)
def _numeral_value(numeral: str) -> int | None:
    import cn2an

    try:
        return int(cn2an.cn2an(numeral.replace("两", "二"), "smart"))
    except ValueError:
        return None


def _split_items(clause: str) -> list[tuple[int, int]]:
    """Spans of 、-separated items, ignoring 、 inside brackets."""
    spans, depth, start = [], 0, 0
    for i, char in enumerate(clause):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth -= 1
        if char == "、" and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(clause)))
    return spans


_LIST_BREAK = "".join(c for c in _CLAUSE_BREAK if c not in "、“”\"")  # a list spans 、 and quotes


def _clause_before(text: str, end: int, floor: int, breaks: str = _LIST_BREAK) -> int:
    """Start of the clause that ends at ``end`` (not before ``floor``)."""
    start = end
    while start > floor and text[start - 1] not in breaks:
        start -= 1
    return start


def _trim_lead(text: str, start: int, end: int, others: int) -> int:
    """Skip the verb phrase that opens a list (培育…, 扎实推进…, “8”即…) before its first item.

    ``others`` is the length of the longest other item: a leading adjective or adverb is only
    dropped while what stays is at least that long, so 精细化工 keeps its 精细.
    """
    tagged = segment.tag(text[start:end])
    offset = 0
    for (word, flag), (_, next_flag) in zip(tagged, tagged[1:]):
        verbal = (flag.startswith("v") and flag != "vn" or flag in ("x", "m", "p", "c", "u", "uj", "ul")
                  or flag == "vn" and next_flag.startswith("n"))
        loose = flag[0] in "adr" and (end - start) - offset - len(word) >= others
        if not (verbal or loose):
            break
        offset += len(word)
    return start + offset


def _expansion_after(text: str, parts: list[str], start: int) -> dict | None:
    """“1”即…；“8”即…: what each part of a formula stands for, in the same paragraph."""
    paragraph_end = text.find("\n", start)
    window = text[start: paragraph_end if paragraph_end >= 0 else len(text)]
    found = {}
    for part in parts:
        match = re.search(rf"[“\"]{re.escape(part)}[”\"](?:即|是|指|就是)([^；;。]+)", window)
        if match:
            found[part] = match.group(1).strip()
    return found if len(found) == len(parts) else None


def _expansion_before(text: str, sentence: Sentence, start: int, slogan: str, parts: list[str]):
    """“一位市级领导、…”的“六个一”, 产业链、创新链…“五链融合”: the list just before a slogan."""
    end = start
    while end > sentence.start and text[end - 1] in "“\"":
        end -= 1
    if end > sentence.start and text[end - 1] == "的":
        end -= 1
    if end > sentence.start and text[end - 1] in "”\"":  # a quoted list: take the quote
        end -= 1
        open_at = max(text.rfind("“", sentence.start, end), text.rfind('"', sentence.start, end))
        clause_start = open_at + 1 if open_at >= 0 else end
    else:
        clause_start = _clause_before(text, end, sentence.start)
    items = [(clause_start + a, clause_start + b) for a, b in _split_items(text[clause_start:end])]
    if len(items) < 2:
        return None
    if segment.FORMULA.fullmatch(slogan):
        expected, first = len(parts), parts[0]
    elif slogan[0] not in NUMERAL:  # “2524”: a code, not a count of parts
        return None
    else:
        expected = _numeral_value(slogan[0])
        first = slogan[-1] if re.fullmatch(rf"[{NUMERAL}]个[{NUMERAL}]", slogan) else None
    if expected != len(items):
        return None
    a, b = items[0]
    cut = text.find(first, a, b) if first else -1
    others = max(y - x for x, y in items[1:])
    items[0] = (cut if cut >= 0 else _trim_lead(text, a, b, others), b)
    found = [text[a:b] for a, b in items]
    if segment.FORMULA.fullmatch(slogan) and not all(map(str.startswith, found, parts)):
        return None  # 1个…、5个…、42个… must spell out 1+5+42 part by part
    return {"items": found}


@functools.cache
def not_slogans() -> frozenset[str]:
    """Numbered phrases that are not slogans (``data/not_slogans.txt``): 十四五, 两会, 十强..."""
    return resources.word_set(NOT_SLOGANS_FILE)


@functools.cache
def slogan_aliases() -> dict[tuple[str, str], str]:
    """(first half, second half) -> the slogan they make (``data/slogan_aliases.csv``)."""
    return {(row["first"], row["second"]): row["slogan"] for row in resources.read_rows(SLOGAN_ALIASES_FILE)}


def _slogan_facts(text: str, sentences: list[Sentence]) -> list[Fact]:
    facts = []
    for start, end in segment.slogan_spans(text):
        slogan = text[start:end]
        if slogan in not_slogans():
            continue
        sentence = _sentence_at(sentences, start)
        parts = slogan_parts(slogan)
        detail: dict = {"parts": parts}
        counts = [_numeral_value(p[0]) for p in parts]
        if len(parts) > 1 and not segment.FORMULA.fullmatch(slogan) and all(counts):
            detail["total"] = sum(counts)  # 一核两电三色四新 -> 10 (the text's 十大产业)
        expansion = _expansion_after(text, parts, end) if len(parts) > 1 else None
        if expansion is None and sentence is not None:
            expansion = _expansion_before(text, sentence, start, slogan, parts)
        if expansion:
            detail["expansion"] = expansion
        facts.append(Fact("slogan", slogan, start, end, measure=slogan, detail=detail))
    _join_halves(text, facts)
    return facts


def _join_halves(text: str, facts: list[Fact], gap: int = 8) -> None:
    """Two slogans close together in a sentence that are the halves of one: both get its
    name as ``measure``. “六稳”工作、落实“六保”任务 (one part each, the same count) make
    六稳六保; “三高地”“四个新” make 三高四新 (``data/slogan_aliases.csv``)."""
    for first, second in zip(facts, facts[1:]):
        close = second.start - first.end <= gap and not re.search(r"[。！？\n]", text[first.end:second.start])
        same_count = (len(first.text) == len(second.text) == 2 and first.text[0] == second.text[0]
                      and first.text[0] in NUMERAL)
        whole = slogan_aliases().get((first.text, second.text)) or (first.text + second.text if same_count else None)
        if close and whole:
            first.measure = second.measure = whole


# --- targets and figures -------------------------------------------------------------------

_YEAR = re.compile(r"((?:19|20)\d\d)年")
_PERIOD = re.compile(r"\d+\s*[—–\-~～至到]\s*\d+月|[一二三四]季度|上半年|下半年|全年")
_LEAD_WORDS = re.compile(r"^(?:(?:19|20)\d\d年|今年|全年|去年|当年|其中|我市|全市|全县|我县|力争|确保|[“”\"])+")
_VERB = re.compile(r"(?:达到|达|实现|完成|突破|超过|增加到|提高到|为|是|打造|培育|建设|形成|打好|迈向)$")
_MID_VERB = re.compile(r"(?:实现|完成|达到)")
_GROWTH = re.compile(r"^(?:同比)?(?:增长|增速|下降|提高)$")


def _measure(text: str, sentence: Sentence, start: int, end: int, previous: str | None) -> str | None:
    """What a figure measures: 地区生产总值达3840亿元 -> 地区生产总值; 千亿工业 -> 工业.

    A bare magnitude (千亿, 3000亿级) qualifies the nouns after it; a stated amount is
    measured by the clause before it, without its verb (实现, 达) and its time words;
    a growth rate takes the measure of the figure before it in the sentence.
    """
    if not segment.NUMBER.fullmatch(text, start, end) or not re.search(r"[元%％点]", text[start:end]):
        after_end = end
        while after_end < sentence.end and text[after_end] not in _CLAUSE_BREAK:
            after_end += 1
        nouns = ""
        for word, flag in segment.tag(text[end:after_end]):
            if not flag.startswith("n"):
                break
            nouns += word
        if nouns:
            return nouns
    before = text[_clause_before(text, start, sentence.start, _CLAUSE_BREAK):start].strip()
    before = _MID_VERB.sub("", _VERB.sub("", _LEAD_WORDS.sub("", before)))
    if _GROWTH.match(before) and previous:
        return previous + before
    return before or None


def _target_facts(text: str, sentences: list[Sentence]) -> list[Fact]:
    facts, previous = [], {}
    for start, end in segment.number_spans(text):
        sentence = _sentence_at(sentences, start)
        if sentence is None:
            continue
        measure = _measure(text, sentence, start, end, previous.get(sentence.sentence_id))
        parsed = parse_number(text[start:end], measure)
        if parsed is None:
            continue
        previous[sentence.sentence_id] = measure
        value, unit = parsed
        head = text[sentence.start:start]
        years = _YEAR.findall(head)
        detail = {"stated": text[start:end]}
        period = _PERIOD.findall(head)
        if period:
            detail["period"] = period[-1]
        facts.append(Fact("target", text[start:end], start, end, value=value, unit=unit,
                          measure=measure, year=int(years[-1]) if years else None, detail=detail))
    return facts


# --- chains and clusters -------------------------------------------------------------------

CHAIN_HEADS = "产业链|产业集群|细分领域|产业基地"
# A count of digits or of numerals; written to open with one character class, so that
# searches skip quickly to the places where it can start.
_COUNT = rf"(?P<count>[\d{NUMERAL}](?:(?<=\d)\d*|(?<=[{NUMERAL}])[{NUMERAL}]*))"
_COUNTED_LIST = re.compile(  # 三大产业集群, 八个细分领域 right after the list
    rf"{_COUNT}(?:个|条|大)(?P<head>{CHAIN_HEADS})"
)
_OPEN_LIST = re.compile(r"等(?P<mod>[^，,。；;、]{0,5}性)?(?P<head>产业链|产业集群|领域|产业)(?![链集])")
_ANNOUNCED_LIST = re.compile(  # 14条产业链，分别是：<list>
    rf"{_COUNT}(?:个|条|大)(?P<head>{CHAIN_HEADS})[^。\n]{{0,6}}?(?:分别是|分别为|包括)[:：]?\s*"
)
_BRACKET = re.compile(r"[(（]([^)）]*)[)）]")


def _chain_items(text: str, clause_start: int, list_end: int, label: str, head: str,
                 declared: int | None, trim_first: bool) -> list[Fact]:
    """One fact per 、-separated item of ``text[clause_start:list_end]`` (two items at least)."""
    items = [(clause_start + a, clause_start + b) for a, b in _split_items(text[clause_start:list_end])]
    if len(items) < 2:
        return []
    if trim_first:
        others = max(b - a for a, b in items[1:])
        items[0] = (_trim_lead(text, *items[0], others), items[0][1])
    facts = []
    for position, (a, b) in enumerate(items):
        modifier = text.rfind("的", a, b)  # 最大优势的现代物流业 -> 现代物流业
        a = modifier + 1 if modifier >= 0 else a
        name = text[a:b]
        includes = [x.strip() for m in _BRACKET.finditer(name)
                    for x in re.split(r"[、，,]", re.sub(r"^[含包括]+", "", m.group(1)))]
        clean = _BRACKET.sub("", name)
        if clean.endswith(head) and clean != head:
            clean = clean[: -len(head)]
        detail = {"name": clean, "head": head, "list": label, "position": position + 1,
                  "listed": len(items)}
        if declared is not None:
            detail["declared"] = declared
        if includes:
            detail["includes"] = includes
        facts.append(Fact("chain", name, a, b, measure=label, detail=detail))
    return facts


def _chain_facts(text: str) -> list[Fact]:
    facts = []
    for match in _ANNOUNCED_LIST.finditer(text):
        list_start = match.end()
        list_end = min(i for i in (text.find("。", list_start), len(text)) if i >= 0)
        label = match.group(0).split("，")[0].split(",")[0]
        facts += _chain_items(text, list_start, list_end, label, match["head"],
                              _count(match["count"]), trim_first=False)
    for match in _COUNTED_LIST.finditer(text):
        clause_start = _clause_before(text, match.start(), 0)
        facts += _chain_items(text, clause_start, match.start(), match.group(0), match["head"],
                              _count(match["count"]), trim_first=True)
    for match in _OPEN_LIST.finditer(text):
        clause_start = _clause_before(text, match.start(), 0)
        facts += _chain_items(text, clause_start, match.start(), match.group(0)[1:], match["head"],
                              None, trim_first=True)
    return facts


def _count(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else _numeral_value(numeral)


# --- officials -----------------------------------------------------------------------------

# Its first character is taken, then checked (look-behind), as in _COUNT.
_ROLE = (r"(?:[省市县区镇乡副](?:(?<=[省市县区镇乡])委(?:副)?书记|(?<=副)[省市县区镇乡]长|(?<=[省市县区镇乡])长"
         r"|(?<=[省市县])委常委|(?<=[市县])领导|(?<=[省市县])人大常委会主任|(?<=[省市县])政协主席))")
_ROLES = re.compile(rf"{_ROLE}(?:、{_ROLE})*")
_HAN = r"[\u4e00-\u9fff]"
# What may follow a name: punctuation, a list joiner, or the verb of a report sentence.
_AFTER_NAME = re.compile(r"[，,、。；;（(“]|及|等|出席|主持|强调|指出|要求|带队|作|向|对|说|安排|部署|通报|参加|在|讲话|还")
_NAMES_BEFORE_ROLE = re.compile(
    rf"(?:^|(?<=[。，,\n]))(?P<names>(?:{_HAN}{{2,3}}、)+{_HAN}{{2,3}})等(?P<role>[^，,。、]{{0,10}}?领导(?:干部)?)"
)
_SPEAKER = re.compile(rf"(?:^|(?<=[。，,\n”\"]))(?P<name>{_HAN}{{2,3}}?)(?=强调|指出|要求|还就|作|对|部署|说)")


def _name_at(text: str, start: int) -> str | None:
    """The 3- or 2-character name at ``start``: the one a name-ending cue follows."""
    if _AFTER_NAME.match(text, start):  # 等县领导出席: no name between role and verb
        return None
    for length in (3, 2):
        end = start + length
        if re.fullmatch(f"{_HAN}+", text[start:end]) and _AFTER_NAME.match(text, end):
            return text[start:end]
    return None


def _official_facts(text: str) -> list[Fact]:
    facts = []
    for match in _ROLES.finditer(text):
        position, role = match.end(), match.group(0)
        while (name := _name_at(text, position)) is not None:
            facts.append(Fact("official", name, position, position + len(name), measure=role,
                              detail={"role": role}))
            position += len(name)
            if text[position: position + 1] != "、":
                break
            position += 1
    for match in _NAMES_BEFORE_ROLE.finditer(text):
        offset = match.start("names")
        for name in match["names"].split("、"):
            facts.append(Fact("official", name, offset, offset + len(name), measure=match["role"],
                              detail={"role": match["role"]}))
            offset += len(name) + 1
    named = {f.text for f in facts}
    speakers = [m for m in _SPEAKER.finditer(text) if m["name"] not in named]
    counts: dict[str, int] = {}
    for match in speakers:
        counts[match["name"]] = counts.get(match["name"], 0) + 1
    for match in speakers:
        name = match["name"]
        if name in named:
            continue
        tags = segment.tag(name)
        if counts[name] >= 2 and tags[0][1] == "nr" or tags == ((name, "nr"),):
            named.add(name)  # speaks more than once, or jieba knows it as a person's name
            facts.append(Fact("official", name, match.start(), match.end(),
                              detail={"role": None}))
    return facts


# --- assembling ----------------------------------------------------------------------------

def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (sentences are in text order), or None between sentences."""
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


def extract_facts(text: str, sentences: list[Sentence] | None = None) -> list[dict]:
    """All facts of a clean Simplified text, one dict per fact, in text order.

    Keys: sentence_id, kind, text, value, unit, measure, year, detail (a dict), start, end.
    A fact whose span does not fit inside one sentence is dropped.
    """
    sentences = sentences if sentences is not None else segment.split_sentences(text)
    facts = (_slogan_facts(text, sentences) + _target_facts(text, sentences)
             + _chain_facts(text) + _official_facts(text))
    rows = []
    for fact in sorted(facts, key=lambda f: (f.start, KINDS.index(f.kind))):
        sentence = _sentence_at(sentences, fact.start)
        if sentence is None or fact.end > sentence.end:
            continue
        rows.append({"sentence_id": sentence.sentence_id, **vars(fact)})
    return rows


def extract_article(record: dict) -> dict:
    """An article record (``Article.to_record()``) plus its facts and themes, for ``extract --json``.

    Adds ``officials``, ``chains``, ``slogans``, ``targets`` (fact dicts with sentence_id,
    span and detail) and ``themes`` (sentence-level codes with the cue that matched): the
    rows the build writes for the article (``analyse_text``), so the two cannot differ.
    """
    from helpers.nlp.analyse import analyse_text  # analyse imports this module

    tables = analyse_text(record["article_id"], record["text"])
    facts = [_fact_record(row) for row in _rows(tables["facts"])]
    out = dict(record)
    for kind in KINDS:
        out[kind + "s"] = [_without(fact, "kind") for fact in facts if fact["kind"] == kind]
    out["themes"] = [_without(row, "article_id") for row in _rows(tables["themes"])]
    return out


def _rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _without(row: dict, key: str) -> dict:
    return {k: v for k, v in row.items() if k != key}


def _fact_record(row: dict) -> dict:
    """A row of the facts table as JSON-ready data: detail parsed."""
    return {**_without(row, "article_id"), "detail": json.loads(row["detail"])}


def facts_table_rows(article_id: str, text: str, sentences: list[Sentence]) -> list[dict]:
    """Facts as rows of ``facts.parquet``: detail as a JSON string, missing numbers as None."""
    return [{"article_id": article_id, **fact, "detail": json.dumps(fact["detail"], ensure_ascii=False)}
            for fact in extract_facts(text, sentences)]

