"""Officials and their posts: 市委副书记、市长何俊峰, 副市长黄丽娜、陈浩, 市委周建华书记, 李建军委员建议,
县工信局局长孙国庆：, 赵勇、…等县领导, and speakers named without a post (邓群策强调).

A post is read by its structure, not from a list of posts (``data/posts.csv`` holds the grammar):
an organ (a level, 市; a place, 玉林市; organs, 委, 人大常委会; bodies named by how they end, 经信局,
管委会, 先进钢铁材料产业链) and an office (书记, 局长, 巡视员, with a rank: 常务副市长), posts joined
by 、, kept whole as written. A name is two or three characters before a cue (a report verb, a
list joiner, punctuation) and never a verb (担任) or a post (任链长).

Every mention of an official's name in the article is a fact, so that counting rows counts
mentions; ``detail`` gives the ``role`` (the post written at the mention, else the longest
post the article gives the name), ``post_stated`` and ``mentions`` (all of the name's).
"""

import collections
import functools
import re

from helpers import config, resources
from helpers.nlp import segment
from helpers.nlp.facts.fact import Fact
from helpers.nlp.sentences import Sentence
from helpers.text.chars import HAN

POSTS_FILE = config.PACKAGE_DATA_DIR / "posts.csv"

_NAME = f"[{HAN}]"
_PUNCTUATION = '，,、。；;：:（(“”"！？!?\n'
# The parts of speech a name never starts with (担任, 出…), unless jieba takes it whole as one;
# 何 and 任 are pronouns to jieba and surnames too.
_NOT_A_NAME = ("v", "p", "d", "c", "u", "ul", "uj", "x")
# A name that jieba takes as one word of these parts of speech is that word (县长热线, 成员单位).
_ONE_WORD = (*_NOT_A_NAME, "n", "vn", "nt", "nz", "ns", "i", "l")
# Nor does what names an organ hold them (会议由市委: 由), nor a place or a time word.
_NOT_AN_ORGAN = ("v", "p", "d", "r", "u", "ul", "uj", "f", "t", "m", "q", "x")
_NAMES_BEFORE_ROLE = re.compile(
    rf"(?:^|(?<=[。，,\n]))(?P<names>(?:{_NAME}{{2,3}}、)+{_NAME}{{2,3}})等(?P<role>[^，,。、]{{0,10}}?领导(?:干部)?)"
)
_SPEAKER = re.compile(
    rf"(?:^|(?<=[。，,\n”\"]))(?P<name>{_NAME}{{2,3}}?)(?=强调|指出|要求|还就|作|对|部署|说)"
)
# How far before its office a post's organ may begin (玉林市委常委, 市先进钢铁材料产业链副链长).
_ORGAN_SPAN = 16
# What follows a name and its office: what it says (李建军委员建议), or what it said (马卫东市长关于…
# 的讲话), or the next of a list (市委周建华书记、马卫东市长).
_SAYS = "建议|提出|表示|指出|强调|认为|说|则|介绍|发言|要求"


@functools.cache
def post_words() -> dict[str, tuple[str, ...]]:
    """The words of each part of a post (office, rank, level, organ, organ_end, cue), longest
    first, from ``data/posts.csv``."""
    parts: dict[str, list[str]] = {}
    for row in resources.read_rows(POSTS_FILE):
        parts.setdefault(row["part"], []).append(row["word"])
    return {part: tuple(sorted(words, key=len, reverse=True)) for part, words in parts.items()}


def _any(part: str) -> str:
    return "|".join(map(re.escape, post_words()[part]))


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    # 常委会 and 委员会 are organs, not the offices 常委 and 委员; 链长制 is a system; 领导小组
    # is a body (市招商引资工作领导小组组长), not the office 领导.
    office = rf"(?:{_any('rank')})?(?:{_any('office')})(?![会制]|小组)"
    level = f"[{''.join(post_words()['level'])}]"
    organ = rf"(?:{_any('organ')}|[{HAN}]{{0,10}}?(?:{_any('organ_end')}))"
    long_words = [w for part in ("office", "cue") for w in post_words()[part] if len(w) > 1]
    return {
        "office": re.compile(rf"(?:{office})$"),
        "offices": re.compile(office),
        "posts": re.compile(
            rf"[{HAN}]{{0,{_ORGAN_SPAN}}}?{office}(?:、[{HAN}]{{0,{_ORGAN_SPAN}}}?{office})*"
        ),
        "no_name": re.compile("|".join(map(re.escape, long_words))),
        "organs": re.compile(rf"(?P<place>[{HAN}]{{1,5}}?{level})?{level}?{organ}*"),
        "wrapped": re.compile(
            rf"(?P<organ>{level}(?:{_any('organ')})+)(?P<name>{_NAME}{{2,3}}?)(?P<office>{office})"
        ),
        "before": re.compile(
            rf"(?:^|(?<=[{_PUNCTUATION}]))(?P<name>{_NAME}{{2,3}}?)(?P<office>{office})"
            rf"(?={_SAYS}|关于|的|[、，,。])"
        ),
        "cue": re.compile(rf"[{re.escape(_PUNCTUATION)}]|(?:{_any('cue')})|$"),
        "level": re.compile(level),
        "organ_word": re.compile(rf"{_any('organ')}|{_any('organ_end')}"),
        "alone": re.compile(rf"(?:{_any('rank')})?(?:{_any('alone')})"),
    }


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """Every mention of every official: after or around a post, before an office, before 等…领导,
    or speaking more than once (or known to jieba as a person's name) where no post is given."""
    stated: dict[int, tuple[str, str]] = {}  # start of a name -> (name, post as written)
    offices = list(_patterns()["offices"].finditer(text))
    for match in _posts(text, offices):
        post_start = _post_start(text, match)
        if post_start is None:
            continue
        post, position = text[post_start : match.end()], match.end()
        while (name := _name_at(text, position)) is not None:
            stated[position] = (name, post)
            position += len(name)
            if text[position : position + 1] != "、":
                break
            position += 1
    for match in _before_offices(text, offices, "wrapped"):
        if _person(match["name"]) and _patterns()["cue"].match(text, match.end()):
            stated.setdefault(
                match.start("name"), (match["name"], match["organ"] + match["office"])
            )
    for match in _before_offices(text, offices, "before"):
        if _person(match["name"]):
            stated.setdefault(match.start("name"), (match["name"], match["office"]))
    for match in _NAMES_BEFORE_ROLE.finditer(text):
        offset = match.start("names")
        for name in match["names"].split("、"):
            stated.setdefault(offset, (name, match["role"]))
            offset += len(name) + 1
    posts: dict[str, str | None] = {}
    for name, post in stated.values():
        if len(post) > len(posts.get(name) or ""):
            posts[name] = post
    for name in _speakers(text, set(posts)):
        posts[name] = None
    return _mentions(text, posts, stated)


def _posts(text: str, offices: list[re.Match]) -> list[re.Match]:
    """The matches ``posts.finditer(text)`` gives, searched for only near an office (``offices``,
    in text order): the pattern's lazy organ would otherwise be tried at every character."""
    found, last = [], 0
    for office in offices:
        if office.start() < last:
            continue
        match = _patterns()["posts"].search(text, max(last, office.start() - _ORGAN_SPAN))
        if match is not None:
            found.append(match)
            last = match.end()
    return found


def _before_offices(text: str, offices: list[re.Match], name: str) -> list[re.Match]:
    """The matches of the pattern ``name`` (``wrapped``, ``before``: a name, then its office)
    whose office is one of ``offices``, tried only just before each."""
    found = []
    for office in offices:
        for start in range(max(0, office.start() - _ORGAN_SPAN), office.start() - 1):
            match = _patterns()[name].match(text, start)
            if match and match.span("office") == office.span():
                found.append(match)
                break
    return found


def _post_start(text: str, match: re.Match) -> int | None:
    """Where the posts of a match of ``posts`` begin: the first post's organ without what
    precedes it in the clause (会议由市委书记 -> 市委书记); None if a post is not one."""
    units, position = [], match.start()
    for unit in match.group().split("、"):
        units.append((position, position + len(unit)))
        position += len(unit) + 1
    first_start, first_end = units[0]
    office = _patterns()["office"].search(text, first_start, first_end)
    for start in range(first_start, office.start() + 1):
        clause_start = start == 0 or not re.match(_NAME, text[start - 1])
        if _organ(text, start, office.start(), at_clause_start=clause_start):
            break
    if start == office.start() and not _patterns()["alone"].fullmatch(text, start, office.end()):
        return None  # 成员单位: an office that needs an organ
    if text[office.start() : office.end()].endswith("领导") and not _patterns()["level"].fullmatch(
        text, start, office.start()
    ):
        return None  # 领导 is a post only after a level: 市领导, not 各级领导
    for unit_start, unit_end in units[1:]:
        office = _patterns()["office"].search(text, unit_start, unit_end)
        if not _organ(text, unit_start, office.start(), at_clause_start=False):
            return None
    return start


def _organ(text: str, start: int, end: int, at_clause_start: bool) -> bool:
    """True if ``text[start:end]`` names an organ, or nothing: a place (only where the clause
    begins), a level, organs, in words that can name one."""
    if start == end:
        return True
    match = _patterns()["organs"].fullmatch(text, start, end)
    if match is None or match["place"] and not at_clause_start:
        return False
    # Only what is not an organ's word is read by jieba (经开区 is 经/p 开区 to it).
    pieces = _patterns()["organ_word"].split(text[start:end])
    return not any(flag in _NOT_AN_ORGAN for piece in pieces for _, flag in segment.tag(piece))


def _name_at(text: str, start: int) -> str | None:
    """The 3- or 2-character name at ``start``: one a cue follows, that is no verb or post."""
    cue = _patterns()["cue"].match(text, start)
    if cue and len(cue.group()) != 1 or text[start : start + 1] in _PUNCTUATION:
        return None  # 等县领导出席: no name between post and verb (向丽君 may be one)
    for length in (3, 2):
        name = text[start : start + length]
        if (
            re.fullmatch(f"{_NAME}{{{length}}}", name)
            and _patterns()["cue"].match(text, start + length)
            and _could_be_a_name(name)
        ):
            return name
    return None


def _could_be_a_name(name: str) -> bool:
    """False for a verb or a post taken for a name (担任, 任链长, 出席)."""
    if _patterns()["no_name"].search(name):
        return False
    words = segment.tag(name)
    if len(words) == 1:  # one word to jieba: a name (nr) or a common word (热线, 单位)
        return words[0][1].startswith("nr") or words[0][1] not in _ONE_WORD
    return words[0][1] not in _NOT_A_NAME


def _person(name: str) -> bool:
    """True if jieba reads ``name`` as a person's name (where no post stands before it): its
    surname or its given name (马卫东 is 马/n 卫东/nr to jieba)."""
    words = segment.tag(name)
    return words[0][1].startswith("nr") or len(words) == 2 and words[1][1].startswith("nr")


def _speakers(text: str, named: set[str]) -> list[str]:
    """Names that speak (邓群策强调) with no post in the article: those that speak twice or more,
    or that jieba knows as a person's name."""
    speakers = [m["name"] for m in _SPEAKER.finditer(text) if m["name"] not in named]
    return [
        name
        for name in dict.fromkeys(speakers)
        if speakers.count(name) >= 2
        and segment.tag(name)[0][1] == "nr"
        or segment.tag(name) == ((name, "nr"),)
    ]


def _mentions(
    text: str, posts: dict[str, str | None], stated: dict[int, tuple[str, str]]
) -> list[Fact]:
    """A fact for every mention of every name, not inside a longer name's mention (李建 in 李建军)."""
    spans: dict[int, str] = {}
    covered: set[int] = set()
    for name in sorted(posts, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if match.start() not in covered:
                spans[match.start()] = name
                covered.update(range(*match.span()))
    counts = collections.Counter(spans.values())
    facts = []
    for start, name in sorted(spans.items()):
        written = stated.get(start)
        role = written[1] if written and written[0] == name else posts[name]
        detail = {"role": role, "post_stated": bool(written), "mentions": counts[name]}
        facts.append(Fact(name, start, start + len(name), measure=role, detail=detail))
    return facts
