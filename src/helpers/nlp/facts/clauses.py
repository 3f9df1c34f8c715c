"""Clauses and the 、-separated lists in them, which several kinds of fact are read from."""

from helpers.nlp import segment

CLAUSE_BREAK = '，,。；;：:！？!?\n、“”"（）()'
LIST_BREAK = "".join(c for c in CLAUSE_BREAK if c not in '、“”"')  # a list spans 、 and quotes
_OPEN, _CLOSE = "(（", ")）"
# What ends a list read with its brackets: a list spans 、, quotes and bracketed sub-items.
_LIST_EDGE = "".join(c for c in LIST_BREAK if c not in _OPEN + _CLOSE)


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


def list_start(text: str, end: int, floor: int) -> int:
    """Start of the list that ends at ``end``: back to the clause break before it, stepping over
    bracketed sub-items (茉莉花（茶）、生物医药), not before ``floor``.

    >>> text = "今年，涉及新型建材、茉莉花（茶）、生物医药等行业"
    >>> text[list_start(text, text.index("等"), 0) :]
    '涉及新型建材、茉莉花（茶）、生物医药等行业'
    """
    depth, start = 0, end
    while start > floor:
        char = text[start - 1]
        if char in _CLOSE:
            depth += 1
        elif char in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and char in _LIST_EDGE:
            break
        start -= 1
    return start


def list_end(text: str, start: int, ceiling: int) -> int:
    """End of the list that starts at ``start``: the first clause break outside brackets.

    >>> text = "分别是：轻工纺织（含化妆品、钟表）、汽车。下一步"
    >>> text[4 : list_end(text, 4, len(text))]
    '轻工纺织（含化妆品、钟表）、汽车'
    """
    depth, end = 0, start
    while end < ceiling:
        char = text[end]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and char in _LIST_EDGE:
            break
        end += 1
    return end


def tagged_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """jieba's words of ``text[start:end]`` as (start, end, part of speech), offsets in ``text``.

    >>> tagged_words("要聚焦电力装备", 1, 7)
    [(1, 3, 'v'), (3, 7, 'n')]
    """
    words, position = [], start
    for word, flag in segment.tag(text[start:end]):
        words.append((position, position + len(word), flag))
        position += len(word)
    return words


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """jieba's words of ``text[start:end]`` as (start, end) offsets in ``text``, cut by the fast
    segmenter (no parts of speech: :func:`tagged_words` gives them, at many times the cost).

    >>> word_spans("要聚焦电力装备", 1, 7)
    [(1, 3), (3, 7)]
    """
    spans, position = [], start
    for word in segment.jieba_cut(text[start:end]):
        spans.append((position, position + len(word)))
        position += len(word)
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
    dropped while what stays is at least that long, so 精细化工 keeps its 精细. An adjective
    after the verb is its object's (围绕先进装备制造): it is dropped only before the verb, where
    it acts as one (壮大肉类加工) or goes with it (积极培育).
    """
    tagged = segment.tag(text[start:end])
    offset, after_verb = 0, False
    for (word, flag), (_, next_flag) in zip(tagged, tagged[1:]):
        verbal = (
            flag.startswith("v")
            and flag != "vn"
            or flag in ("x", "m", "p", "c", "u", "uj", "ul", "z")  # z: 紧盯, to jieba a state
            or flag == "vn"
            and next_flag.startswith("n")
        )
        loose = (flag[0] in "dr" or flag[0] == "a" and not after_verb) and (
            end - start
        ) - offset - len(word) >= others
        if not (verbal or loose):
            break
        after_verb = after_verb or verbal and flag[0] in "vp"
        offset += len(word)
    return start + offset
