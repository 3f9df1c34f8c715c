"""Personal names inside a glossed text, so that a name reads in pinyin, never word by word.

The segmenter cuts many names apart (黄海涛 into 黄 "yellow" and 海涛, 程立新 into 程 "rule"
and 立新 "to stand new"), and a dictionary glosses each part. A name is known here as such by
extraction: an official the extractor (:mod:`helpers.nlp.facts.officials`) finds in the text
itself (县长程立新主持会议) or anywhere in the built corpus (a later sentence says only
程立新要求…). The part-of-speech tagger's person names (``nr``) are read word by word in
:mod:`helpers.report.labels`.
"""

import functools
import re

from helpers.errors import InputError


@functools.cache
def corpus_officials() -> frozenset[str]:
    """The names of the officials extracted from the built corpus (facts of kind official),
    none before ``make data`` has run."""
    from helpers.build.tables import read_table

    try:
        facts = read_table("facts")
    except InputError:
        return frozenset()
    return frozenset(facts.loc[facts["kind"] == "official", "text"].dropna())


def names_in(text: str, known: frozenset[str] | None = None) -> list[str]:
    """The officials' names written in ``text``, longest first: those the extractor finds in
    it, and those of ``known`` (the corpus's officials by default).

    >>> names_in("县长程立新主持会议，程立新强调", known=frozenset({"黄海涛"}))
    ['程立新']
    >>> names_in("黄海涛强调：坚持项目为王", known=frozenset({"黄海涛", "程立新"}))
    ['黄海涛']
    """
    from helpers.nlp.facts import officials

    found = {fact.text for fact in officials.extract(text, [])}
    found |= {name for name in (corpus_officials() if known is None else known) if name in text}
    return sorted(found, key=lambda name: (-len(name), name))


def split_names(text: str, names: list[str]) -> list[str]:
    """``text`` cut around each of ``names`` (longest first), the names kept as pieces.

    >>> split_names("黄海涛强调要坚持", ["黄海涛"])
    ['黄海涛', '强调要坚持']
    """
    if not names:
        return [text]
    pattern = "(" + "|".join(map(re.escape, names)) + ")"
    return [piece for piece in re.split(pattern, text) if piece]
