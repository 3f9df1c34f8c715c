"""Policy documents cited: titles in 《》, with the issuer where the text gives it.

A title is a document when it ends like one (``data/document_types.txt``: 方案, 意见, 通知 …).
Its issuer is the organ before the verb that issued it (市委办公室、市政府办公室近日印发《…》), or
the organ the title opens with (《中共衡阳市委关于…的意见》); organs end as officials' organs do
(``data/posts.csv``). A short title that ends an earlier one (《方案》 after 《…优化调整方案》) refers
back to it: it is no new document, and counts among the earlier one's ``mentions``.
"""

import functools
import re

from helpers import config, resources
from helpers.nlp.facts.clauses import clause_before
from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.officials import post_words
from helpers.nlp.sentences import Sentence

DOCUMENT_TYPES_FILE = config.PACKAGE_DATA_DIR / "document_types.txt"

_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,100})》")
_TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
_INNER = re.compile(r"〈([^〈〉]+)〉")
_ISSUED = re.compile(
    r"(?:联合)?(?:印发|出台|发布|下发|制定|公布|颁布|转发|修订)了?(?:并[\u4e00-\u9fff]{1,2})?$"
)
_WHEN = re.compile(r"(?:近日|日前|近期|今年|此前|正式|专门|先后|再次|又)+$")
# Titles cited one after another (《A》《B》, 《A》和《B》) share the issuer of the first.
_NEXT_TITLE = re.compile(r"[、和及与]?$")
_BACK_REFERENCE = 6  # characters: a title this short that ends an earlier one refers back


@functools.cache
def document_types() -> tuple[str, ...]:
    """The endings of document titles, longest first."""
    return tuple(sorted(resources.read_list(DOCUMENT_TYPES_FILE), key=len, reverse=True))


@functools.cache
def _organ_end() -> re.Pattern:
    words = sorted(
        {*post_words()["organ"], *post_words()["organ_end"], "办公室", "委员会"},
        key=len,
        reverse=True,
    )
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


def document_type(title: str) -> str | None:
    """How a title ends as a document (``方案``), or None if it is no document.

    >>> document_type("衡阳市工业企业高质量发展评价实施办法（试行）"), document_type("人民日报")
    ('办法', None)
    """
    bare = _bare(_INNER.sub("", title)) or title
    return next((kind for kind in document_types() if bare.endswith(kind)), None)


def _bare(title: str) -> str:
    """A title without the bracket it may end with: 三年行动方案（2021—2023年） -> 三年行动方案."""
    return _TRAILING_BRACKET.sub("", title)


def _issuer(text: str, start: int, floor: int) -> str | None:
    """The organs before the verb that issued the document whose 《 is at ``start``."""
    before = text[clause_before(text, start, floor, "，,。；;：:！？!?\n") : start].strip()
    verb = _ISSUED.search(before)
    if verb is None:
        return None
    issuer = _WHEN.sub("", before[: verb.start()])
    parts = [part for part in re.split(r"[、和]", issuer) if part]
    if not parts or not all(_organ_end().search(part) for part in parts):
        return None
    return issuer


def _issuer_in_title(title: str) -> str | None:
    """The organs a title opens with, before 关于 (中共漯河市委 漯河市人民政府关于表彰…的决定)."""
    about = title.find("关于")
    if about <= 0 or "〈" in title[:about]:  # 〈…关于…〉: the cited document's issuer
        return None
    parts = title[:about].split()
    return title[:about].strip() if all(_organ_end().search(part) for part in parts) else None


def extract(text: str, sentences: list[Sentence]) -> list[Fact]:
    """The documents the text cites, each time it cites one by its title."""
    facts: list[Fact] = []
    previous_end, issued_by = -1, None
    for match in _TITLE.finditer(text):
        title = match["title"]
        kind = document_type(title)
        if kind is None:
            continue
        earlier = [f for f in facts if _bare(f.text).endswith(title) and f.text != title]
        if earlier and len(title) <= _BACK_REFERENCE:
            earlier[-1].detail["mentions"] += 1
            continue
        floor = next((s.start for s in sentences if s.start <= match.start() < s.end), 0)
        follows = previous_end >= 0 and _NEXT_TITLE.fullmatch(text, previous_end, match.start())
        if not follows:
            issued_by = _issuer(text, match.start(), floor)
        detail = {"title": title, "type": kind, "issuer": _issuer_in_title(title) or issued_by}
        cited = _INNER.findall(title)
        if cited:
            detail["cites"] = cited
        same = [f for f in facts if f.text == title]
        for fact in same:
            fact.detail["mentions"] += 1
        detail["mentions"] = len(same) + 1
        facts.append(
            Fact(title, match.start("title"), match.end("title"), measure=kind, detail=detail)
        )
        previous_end = match.end()
    return facts
