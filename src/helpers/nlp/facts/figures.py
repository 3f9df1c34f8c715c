"""What kind of figure a number is (a target, a result, a plan), and one figure said again.

The cues are data (``data/figure_types.csv``), in the analyst's words: 总投资 and 年度计划投资 make
a plan, 力争 and 到2025年 a target, 已 and 1—6月 a result, and the cue that ends last before a
figure in its sentence decides between target and result (one after it where none stands before).
"""

import functools
import re
from dataclasses import dataclass

from helpers import config, resources
from helpers.nlp.facts.clauses import CLAUSE_BREAK, clause_before
from helpers.nlp.facts.fact import Fact
from helpers.nlp.sentences import Sentence

FIGURE_TYPES_FILE = config.PACKAGE_DATA_DIR / "figure_types.csv"
TYPES = ("target", "result", "plan")
# The figure itself in a ``frame`` cue (投资□的).
FIGURE_MARK = "□"


@dataclass(frozen=True)
class Cue:
    """One row of ``data/figure_types.csv``."""

    type: str
    where: str
    pattern: re.Pattern


@functools.cache
def cues() -> tuple[Cue, ...]:
    """The cues of figure types, in the order of the data file."""
    return tuple(
        Cue(row["type"], row["where"], re.compile(row["cue"]))
        for row in resources.read_rows(FIGURE_TYPES_FILE)
    )


def figure_type(
    text: str, sentence: Sentence, start: int, end: int, unit: str
) -> tuple[str, str | None]:
    """The type of the figure ``text[start:end]`` in ``sentence`` (``target``, ``result`` or
    ``plan``) and the cue that decided it, None where none did (a result).

    >>> from helpers.nlp.sentences import split_sentences
    >>> text = "今年已签约项目12个，总投资16亿元，力争全年突破30亿元，新增企业5家。"
    >>> [figure_type(text, split_sentences(text)[0], text.index(f), text.index(f) + len(f), u)
    ...  for f, u in (("12个", "个"), ("16亿元", "元"), ("30亿元", "元"), ("5家", "家"))]
    [('result', '已'), ('plan', '总投资'), ('target', '力争'), ('target', '力争')]
    """
    clause_start = clause_before(text, start, sentence.start, CLAUSE_BREAK)
    clause = text[clause_start:start]
    after = end
    while after < sentence.end and text[after] not in CLAUSE_BREAK:
        after += 1
    frame = f"{clause}{FIGURE_MARK}{text[end:after]}"
    if unit != "ratio":
        for cue in cues():
            if cue.type == "plan" and (
                match := cue.pattern.search(frame if cue.where == "frame" else clause)
            ):
                return "plan", match.group().strip(FIGURE_MARK) or match.group()
    head = text[sentence.start : start]  # sliced: a cue may open with ^ or close with $
    said = [
        (match.end(), cue.type, match.group().strip())
        for cue in cues()
        if cue.where == "sentence"
        for match in cue.pattern.finditer(head)
    ]
    if not said:
        tail = text[end : sentence.end]
        said = [
            (0, cue.type, match.group().strip())
            for cue in cues()
            if cue.where == "after" and (match := cue.pattern.search(tail))
        ]
    if said:
        _, kind, said_by = max(said)
        return kind, said_by.lstrip('，,：:；;“"')[-8:]
    for cue in cues():
        if cue.where == "figure" and (match := cue.pattern.search(text, start, end)):
            return "target", match.group()
    return "result", None


def join_restatements(facts: list[Fact], sentence_ids: list[int]) -> None:
    """One figure said in several sentences (a goal restated: 千亿 in six sentences) is one:
    every statement gets ``detail["group"]``, the start of the first, and ``detail["mentions"]``.

    Two statements are one figure when they have the same value and unit, stand in different
    sentences and measure the same thing (one measure holds the other, or one has none), and
    no two cues of the figure's statements give it different types. A statement whose type no
    cue decided (千亿工业、全新启航) takes the type the others' cues give (坚定千亿工业…目标).
    """
    groups: list[tuple[list[int], list[str | None]]] = []  # members, and the type cues gave
    for i, fact in enumerate(facts):
        cued = fact.figure_type if "cue" in fact.detail else None
        for members, typed in groups:
            first = facts[members[0]]
            if (
                (fact.value, fact.unit) == (first.value, first.unit)
                and (cued is None or typed[0] is None or cued == typed[0])
                and sentence_ids[i] not in {sentence_ids[j] for j in members}
                and _same_measure(first.measure, fact.measure)
            ):
                members.append(i)
                typed[0] = typed[0] or cued
                break
        else:
            groups.append(([i], [cued]))
    for members, (kind,) in groups:
        for i in members:
            if kind and "cue" not in facts[i].detail:
                facts[i].figure_type = facts[i].detail["type"] = kind
            facts[i].detail["group"] = facts[members[0]].start
            facts[i].detail["mentions"] = len(members)


def _same_measure(a: str | None, b: str | None) -> bool:
    return not a or not b or a in b or b in a
