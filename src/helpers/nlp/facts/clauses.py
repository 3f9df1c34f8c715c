"""Clauses and the 、-separated lists in them, which several kinds of fact are read from."""

from helpers.nlp import segment

CLAUSE_BREAK = '，,。；;：:！？!?\n、“”"（）()'
LIST_BREAK = "".join(c for c in CLAUSE_BREAK if c not in '、“”"')  # a list spans 、 and quotes


def split_items(clause: str) -> list[tuple[int, int]]:
    """Spans of 、-separated items, ignoring 、 inside brackets.

    >>> split_items("轻工纺织（含化妆品、钟表）、汽车")
    [(0, 13), (14, 16)]
    """
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


def clause_before(text: str, end: int, floor: int, breaks: str = LIST_BREAK) -> int:
    """Start of the clause that ends at ``end`` (not before ``floor``)."""
    start = end
    while start > floor and text[start - 1] not in breaks:
        start -= 1
    return start


def trim_lead(text: str, start: int, end: int, others: int) -> int:
    """Skip the verb phrase that opens a list (培育…, 扎实推进…, “8”即…) before its first item.

    ``others`` is the length of the longest other item: a leading adjective or adverb is only
    dropped while what stays is at least that long, so 精细化工 keeps its 精细.
    """
    tagged = segment.tag(text[start:end])
    offset = 0
    for (word, flag), (_, next_flag) in zip(tagged, tagged[1:]):
        verbal = (
            flag.startswith("v")
            and flag != "vn"
            or flag in ("x", "m", "p", "c", "u", "uj", "ul")
            or flag == "vn"
            and next_flag.startswith("n")
        )
        loose = flag[0] in "adr" and (end - start) - offset - len(word) >= others
        if not (verbal or loose):
            break
        offset += len(word)
    return start + offset
