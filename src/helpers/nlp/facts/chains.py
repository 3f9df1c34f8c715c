"""Lists of industrial chains, clusters and key industries, in every order the articles write them.

The head before the list (全市八大产业链——A、B…, 16条产业链，分别是：A、B…, 主导产业：A、B), the
list before the head (A、B、C等12条产业链, A、B、C三大产业集群, 围绕A、B等重点产业领域, A和B是…两大
主攻产业), and a head alone with its count (15条产业链, with no chain named).

Two kinds of fact. ``chain``: each item, its ``detail`` holding its ``name``, the ``list`` (its
head as written), the ``head`` noun, its ``position``, the count the head ``declared`` (None
without one), the count ``listed``, ``open`` when the list ends in 等, ``count_mismatch`` when
the two counts differ, and bracketed sub-items as ``includes``. ``chain_list``: each list as the
text announces it, and each head given with a count but no list; its text is the head as
written (16条产业链, 15条产业链), its value the declared count, its detail the same counts and
flags and the ``items`` named (none for a head alone, whose ``count_mismatch`` is True).

Which nouns head a list, and which endings make an item an organisation, a place or a post rather
than an industry, are data (``data/chain_words.csv``); an item must also read as a noun phrase
(jieba's parts of speech): no particle, no verb with an object, not a person's or place's name.
"""

import dataclasses
import functools
import re

from helpers import config, resources
from helpers.nlp import segment
from helpers.nlp.facts.clauses import list_end, list_start, split_items, tagged_words, trim_lead
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.numbers import numeral_value
from helpers.nlp.sentences import Sentence, sentence_at
from helpers.text.chars import HAN
from helpers.text.patterns import NUMERAL

CHAIN_WORDS_FILE = config.PACKAGE_DATA_DIR / "chain_words.csv"

# A count that a head declares: 九大, 16条, 12个, 三个.
_COUNT = rf"(?:\d+|[{NUMERAL}]+)(?:个|条|大|类)"
# A look-ahead of one character class before a pattern that opens with a count: the scan
# skips fast over the characters that cannot start one.
_FAST = rf"(?=[\d{NUMERAL}])"
# What announces a list after its head: ——, ：, 分别是, 包括, 即.
_SAY = (
    r"\s*(?:——|—|[：:]|[，,]?\s*分别(?:是|为)[：:]?|[，,]?\s*包括[：:]?|[，,]\s*即[：:]?"
    r"|(?:是|为)[：:])\s*"
)
# Words after which a list's first item begins: the object of 把 or 以, the complement of 即.
_OBJECT_MARKERS = ("把", "将", "以", "对", "即", "是", "为")
_BRACKET = re.compile(r"[(（]([^)）]*)[)）]")
_SUB_ITEMS = re.compile(r"^(?:含|包括|包含)|[、，,]")
# The tags of words that a noun phrase (a head's modifier, an industry's name) does not hold.
_NOT_NOMINAL = ("v", "p", "c", "d", "r", "u", "ul", "uj", "uz", "ug", "x")


@functools.cache
def chain_words() -> dict[str, tuple[str, ...]]:
    """Words by role (``head``, ``not_item``) from ``data/chain_words.csv``, longest first."""
    roles: dict[str, list[str]] = {}
    for row in resources.read_rows(CHAIN_WORDS_FILE):
        roles.setdefault(row["role"], []).append(row["word"])
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in roles.items()}


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    heads = "|".join(chain_words()["head"])
    # A head may be extended by a further head (产业链关键环节, 重点产业领域).
    phrase = rf"(?P<mod>[{HAN}]{{0,8}}?)(?:{heads})(?:[{HAN}]{{0,4}}?(?:{heads}))*"
    return {
        # 八大产业链——A、B…; 16条产业链，分别是：A、B…
        "before": re.compile(rf"{_FAST}(?P<phrase>(?P<count>{_COUNT}){phrase}){_SAY}"),
        # 主导产业：A、B…: a head without a count needs —— or ： and a clause of its own.
        "bare": re.compile(rf"(?:^|(?<=[，,。；;\n]))(?P<phrase>{phrase})\s*(?:——|[：:])\s*", re.M),
        # A、B等重点产业领域; A、B三大产业集群: 等 or a count opens the head.
        "after": re.compile(
            rf"(?=[等\d{NUMERAL}])(?=等|{_COUNT})(?P<etc>等)?(?P<phrase>(?P<count>{_COUNT})?{phrase})"
        ),
        "counted": re.compile(rf"{_FAST}(?P<phrase>(?P<count>{_COUNT}){phrase})"),
    }


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """The items of every chain, cluster or key-industry list (kind ``chain``)."""
    return _copies(_read(text, tuple(sentences))[0])


def extract_lists(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Every list as its head announces it, and every head given alone (kind ``chain_list``)."""
    return _copies(_read(text, tuple(sentences))[1])


def _copies(facts: tuple[Fact, ...]) -> list[Fact]:
    return [dataclasses.replace(fact, detail=dict(fact.detail)) for fact in facts]


@functools.lru_cache(maxsize=4)
def _read(text: str, sentences: tuple[Sentence, ...]) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """The items and the lists of ``text``, read once for both kinds of fact."""
    items: list[Fact] = []
    lists: list[Fact] = []
    taken: list[tuple[int, int]] = []  # the heads and lists read so far
    for name in ("before", "bare", "after"):
        for match in _patterns()[name].finditer(text):
            sentence = sentence_at(sentences, match.start("phrase"))
            if (
                sentence is None
                or any(a < match.end("phrase") and match.start("phrase") < b for a, b in taken)
                or not _nominal(text, match.start("mod"), match.end("mod"))
            ):
                continue
            if name == "after":
                start = list_start(text, match.start(), sentence.start)
                end, open_ = _subject_end(text, start, match.start()), match["etc"] is not None
            else:
                start = match.end()  # the list may open the next line (分别是：\n生态…)
                ceiling = (sentence_at(sentences, start) or sentence).end
                end = _cut_predicate(text, start, list_end(text, start, ceiling))
                open_ = text[start:end].endswith("等")
                end -= open_
            if any(a < end and start < b for a, b in taken):
                continue
            found = _list_facts(text, start, end, match["phrase"], _count(match), open_)
            if found:
                items += found
                lists.append(_list_fact(match, found))
                taken += [match.span("phrase"), (start, end)]
    lists += _heads_alone(text, list(sentences), lists, taken)
    return tuple(items), tuple(sorted(lists, key=lambda fact: fact.start))


def _list_fact(match: re.Match, items: list[Fact]) -> Fact:
    """The list's head as a fact: the counts and flags of its items, and their names."""
    first = items[0].detail
    detail = {key: first[key] for key in ("head", "declared", "listed", "open", "count_mismatch")}
    detail["items"] = [item.detail["name"] for item in items]
    return Fact(
        match["phrase"],
        *match.span("phrase"),
        value=None if first["declared"] is None else float(first["declared"]),
        unit=match["count"][-1] if match.groupdict().get("count") else None,
        measure=first["head"],
        detail=detail,
    )


def counts_chains(text: str, start: int, floor: int) -> bool:
    """True if the number at ``start`` is the count of a chain head (16条重点产业链, 5个百亿工业产业
    集群, 15条产业链 given alone), or counts chains in 条 after a head in its clause (重点产业链扩充
    至12条): the count of a head is no figure (it is the ``chain_list``'s value).
    ``floor`` is where the sentence starts."""
    match = _patterns()["counted"].match(text, start)
    if (
        match
        and _nominal(text, match.start("mod"), match.end("mod"))
        and not _counts_another_noun(text, match)
    ):
        return True
    count = re.match(r"\d+条", text[start:])
    clause = text[list_start(text, start, floor) : start]
    return bool(count) and any(head in clause for head in chain_words()["head"])


def _count(match: re.Match) -> int | None:
    """The count a head declares (16条 -> 16, 九大 -> 9), None without one."""
    numeral = match.groupdict().get("count")
    if not numeral:
        return None
    numeral = numeral[:-1]
    return int(numeral) if numeral.isdigit() else numeral_value(numeral)


def _last_head(phrase: str) -> str:
    """The head noun a phrase ends with (产业链关键环节 -> 环节)."""
    return next(head for head in chain_words()["head"] if phrase.endswith(head))


def _nominal(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is empty or a noun phrase (县域重点, 百亿工业, 高成长性)."""
    return all(flag not in _NOT_NOMINAL for _, _, flag in tagged_words(text, start, end))


def _subject_end(text: str, start: int, end: int) -> int:
    """Where a list before a head ends: A和B是全县两大主攻产业 puts the list before 是."""
    copula = text.rfind("是", start, end)
    if copula > start and "、" not in text[copula:end]:
        return copula
    return end


def _cut_predicate(text: str, start: int, end: int) -> int:
    """A list after its head may run into the clause's predicate (…、汽车及零部件建设取得积极进展)
    or into what it qualifies (…、现代物流的推进情况): the list ends before the last item's 的, or
    its first verb that has words after it and the nominal verbs (建设, 发展) that lead up to it."""
    last = text.rfind("、", start, end) + 1 or start
    possessive = text.find("的", last, end)
    if possessive > last:
        return possessive
    words = tagged_words(text, last, end)
    for i, (_, _, flag) in enumerate(words[:-1]):
        if flag == "v" and i > 0:
            while i > 1 and words[i - 1][2] == "vn":
                i -= 1
            return words[i][0]
    return end


def _list_facts(
    text: str, start: int, end: int, label: str, declared: int | None, open_: bool
) -> list[Fact]:
    """One fact per item of the 、-list ``text[start:end]``; none unless every item is an industry."""
    head = _last_head(label)
    items = [(start + a, start + b) for a, b in split_items(text[start:end])]
    items = _split_last_pair(text, items, declared)
    if len(items) < 2:
        return []
    items[0] = (_first_item_start(text, *items[0], max(b - a for a, b in items[1:])), items[0][1])
    items = [(text.rfind("的", a, b) + 1 or a, b) for a, b in items]  # 最大优势的现代物流业
    names = [_name(text[a:b]) for a, b in items]
    if all(name.endswith(head) and name != head for name, _ in names):
        names = [(name[: -len(head)], includes) for name, includes in names]
    if not all(_industry(name) for name, _ in names):
        return []
    detail = {"head": head, "list": label, "listed": len(items), "declared": declared}
    detail["open"] = open_
    detail["count_mismatch"] = declared is not None and declared != len(items)
    facts = []
    for position, ((a, b), (name, includes)) in enumerate(zip(items, names), start=1):
        item = {"name": name, **detail, "position": position}
        if includes:
            item["includes"] = includes
        facts.append(Fact(text[a:b], a, b, measure=label, detail=item))
    return facts


def _split_last_pair(
    text: str, items: list[tuple[int, int]], declared: int | None
) -> list[tuple[int, int]]:
    """A和B两大主攻产业, A、B和C三大产业: 和 joins the last two items when the count says so."""
    if declared is None or declared != len(items) + 1:
        return items
    a, b = items[-1]
    joiner = text.find("和", a, b)
    if joiner <= a or joiner != text.rfind("和", a, b) or joiner == b - 1:
        return items
    return [*items[:-1], (a, joiner), (joiner + 1, b)]


def _first_item_start(text: str, start: int, end: int, others: int) -> int:
    """The first item without the clause's opening (安溪县聚焦…, 忠县正全力打造…, 本次签约的16个项目
    涵盖…, 今年我们把…, 四园即…): after its last verb of two characters or more, preposition of
    the object (把, 将, 以, 对) or copula (即, 是, 为) that has words before and after it, then
    without the verb phrase that opens a list (:func:`trim_lead`)."""
    words = tagged_words(text, start, end)
    for i in range(len(words) - 2, 0, -1):
        a, b, flag = words[i]
        if flag in ("v", "z") and b - a >= 2 or text[a:b] in _OBJECT_MARKERS:
            start = b
            break
    return trim_lead(text, start, end, others)


def _name(item: str) -> tuple[str, list[str]]:
    """An item's name and its bracketed sub-items: 轻工纺织（含化妆品、钟表） -> 轻工纺织,
    [化妆品, 钟表]; a bracket that holds one word qualifies the name (茉莉花（茶）) and stays."""
    includes = []
    for match in _BRACKET.finditer(item):
        if _SUB_ITEMS.search(match.group(1)):
            inner = re.sub(r"^(?:含|包括|包含)", "", match.group(1))
            includes += [x.strip() for x in re.split(r"[、，,]", inner) if x.strip()]
    if not includes:
        return item.strip(), []
    return _BRACKET.sub("", item).strip(), includes


def _industry(name: str) -> bool:
    """True if an item names an industry: 1–14 characters, not ending like an organisation or a
    place (``not_item`` words), not a person's or place's name alone, no particle or quote, not
    opening with a preposition (沿铁路: a place), no one-character verb inside it with words
    before and after (项目抓进度: a work item, where 超纤复合新材料 names a material)."""
    if not 1 <= len(name) <= 14 or name.endswith(chain_words()["not_item"]):
        return False
    if re.search(r"[“”\"：:]", name):
        return False
    words = segment.tag(name)
    if len(words) == 1 and words[0][1] in ("nr", "ns") or words[0][1] == "p":
        return False
    return not any(
        flag in ("ul", "uz", "ug", "uj") or flag == "v" and len(word) == 1
        for word, flag in words[1:-1]
    )


def _counts_another_noun(text: str, match: re.Match) -> bool:
    """True if a count in 个 counts the noun after its head, which only qualifies it
    (3个农业产业项目 counts projects); 条 and 大 count chains and sets of industries whatever
    follows (12条重点产业链规上工业营业收入)."""
    if not match["count"].endswith(("个", "类")):
        return False
    words = tagged_words(text, match.end(), min(match.end() + 4, len(text)))
    return bool(words) and words[0][2] in ("n", "vn", "nz")


def _heads_alone(
    text: str, sentences: list[Sentence], lists: list[Fact], taken: list[tuple[int, int]]
) -> list[Fact]:
    """Heads with a count and no list (15条产业链): one fact per head, at its first mention, with
    how often the article writes it; none where a list of the article declares the same count
    (16条重点产业链实现产值… after the list of 16)."""
    declared = {f.detail["declared"] for f in lists}
    alone: dict[str, Fact] = {}
    for match in _patterns()["counted"].finditer(text):
        count = _count(match)
        phrase = match["phrase"]
        if (
            phrase in alone
            or count is None
            or count < 2  # 一条产业链、一套图谱: one of each, not a set of chains
            or count in declared
            or _counts_another_noun(text, match)
            or any(a <= match.start() < b for a, b in taken)
            or sentence_at(sentences, match.start()) is None
            or not _nominal(text, match.start("mod"), match.end("mod"))
        ):
            continue
        detail = {"head": _last_head(phrase), "declared": count, "listed": 0, "open": False}
        detail |= {"count_mismatch": True, "items": [], "mentions": text.count(phrase)}
        alone[phrase] = Fact(
            phrase,
            *match.span(),
            value=float(count),
            unit=match["count"][-1],
            measure=detail["head"],
            detail=detail,
        )
    return list(alone.values())
