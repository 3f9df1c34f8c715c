"""Industrial chains, clusters and fields named in lists: 14条产业链，分别是：…, …三大产业集群, …等领域."""

import re

from helpers.nlp.facts.clauses import clause_before, split_items, trim_lead
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.numbers import numeral_value
from helpers.nlp.sentences import Sentence
from helpers.text.patterns import NUMERAL

CHAIN_HEADS = "产业链|产业集群|细分领域|产业基地"
# A count of digits or of numerals; written to open with one character class, so that
# searches skip quickly to the places where it can start.
_COUNT = rf"(?P<count>[\d{NUMERAL}](?:(?<=\d)\d*|(?<=[{NUMERAL}])[{NUMERAL}]*))"
_COUNTED_LIST = re.compile(  # 三大产业集群, 八个细分领域 right after the list
    rf"{_COUNT}(?:个|条|大)(?P<head>{CHAIN_HEADS})"
)
_OPEN_LIST = re.compile(
    r"等(?P<mod>[^，,。；;、]{0,5}性)?(?P<head>产业链|产业集群|领域|产业)(?![链集])"
)
_ANNOUNCED_LIST = re.compile(  # 14条产业链，分别是：<list>
    rf"{_COUNT}(?:个|条|大)(?P<head>{CHAIN_HEADS})[^。\n]{{0,6}}?(?:分别是|分别为|包括)[:：]?\s*"
)
_BRACKET = re.compile(r"[(（]([^)）]*)[)）]")


def _chain_items(
    text: str,
    clause_start: int,
    list_end: int,
    label: str,
    head: str,
    declared: int | None,
    trim_first: bool,
) -> list[Fact]:
    """One fact per 、-separated item of ``text[clause_start:list_end]`` (two items at least)."""
    items = [
        (clause_start + a, clause_start + b) for a, b in split_items(text[clause_start:list_end])
    ]
    if len(items) < 2:
        return []
    if trim_first:
        others = max(b - a for a, b in items[1:])
        items[0] = (trim_lead(text, *items[0], others), items[0][1])
    facts = []
    for position, (a, b) in enumerate(items):
        modifier = text.rfind("的", a, b)  # 最大优势的现代物流业 -> 现代物流业
        a = modifier + 1 if modifier >= 0 else a
        name = text[a:b]
        includes = [
            x.strip()
            for m in _BRACKET.finditer(name)
            for x in re.split(r"[、，,]", re.sub(r"^[含包括]+", "", m.group(1)))
        ]
        clean = _BRACKET.sub("", name)
        if clean.endswith(head) and clean != head:
            clean = clean[: -len(head)]
        detail = {
            "name": clean,
            "head": head,
            "list": label,
            "position": position + 1,
            "listed": len(items),
        }
        if declared is not None:
            detail["declared"] = declared
        if includes:
            detail["includes"] = includes
        facts.append(Fact(name, a, b, measure=label, detail=detail))
    return facts


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """The items of every list of chains, clusters or fields, each with its list, position
    and the count the text declares."""
    facts = []
    for match in _ANNOUNCED_LIST.finditer(text):
        list_start = match.end()
        list_end = min(i for i in (text.find("。", list_start), len(text)) if i >= 0)
        label = match.group(0).split("，")[0].split(",")[0]
        facts += _chain_items(
            text,
            list_start,
            list_end,
            label,
            match["head"],
            _count(match["count"]),
            trim_first=False,
        )
    for match in _COUNTED_LIST.finditer(text):
        clause_start = clause_before(text, match.start(), 0)
        facts += _chain_items(
            text,
            clause_start,
            match.start(),
            match.group(0),
            match["head"],
            _count(match["count"]),
            trim_first=True,
        )
    for match in _OPEN_LIST.finditer(text):
        clause_start = clause_before(text, match.start(), 0)
        facts += _chain_items(
            text,
            clause_start,
            match.start(),
            match.group(0)[1:],
            match["head"],
            None,
            trim_first=True,
        )
    return facts


def _count(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else numeral_value(numeral)
