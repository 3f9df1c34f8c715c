"""The context rules of the codebooks (``data/coding_rules.csv``): when a cue codes nothing.

In the spirit of KH Coder's coding rules (and, not, near, sequence), each rule is a row an analyst
reads and edits, not Python: ``mask`` rules find stretches of a sentence whose words only *name*
something (a post, an attendance line, a meeting, a document, a chain) so that no cue inside them
codes (a mask with a dimension masks for that dimension only); ``procedural`` rules mask each
clause that :mod:`helpers.nlp.procedural` finds to be a line of the named kinds (attendance,
presiding, ...: those shapes are defined once, in ``data/procedural.csv``); ``code`` rules are cues
that a word list cannot hold, a sequence (印发《…方案》, 担任…链长, a target with its figure), coding
their code under the label in their cue column, to which sense rules may refer; sense rules (``not_before``, ``not_after``, ``not_near``, ``near``, ``not_with``) keep an
ambiguous cue from coding outside its sense (创新 in 制度创新; 做大做强 of a chain). A rule names
what it applies to by dimension, code and cue (empty: all); the code and cue columns may list
several, joined by ``|``. ``data/coding_guide.md`` says what the codes mean; the rules implement it.
"""

import functools
import re
from dataclasses import dataclass

from helpers import config, resources
from helpers.errors import InputError
from helpers.nlp import procedural

RULES_FILE = config.PACKAGE_DATA_DIR / "coding_rules.csv"
SENSE_KINDS = ("not_before", "not_after", "not_near", "near", "not_with")
KINDS = ("mask", "procedural", "code", *SENSE_KINDS)
# A clause runs to its comma, semicolon or colon (left out: procedural.csv reads a line's end).
_CLAUSE = re.compile(r"[^，,；;：:]+")


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    dimension: str = ""
    codes: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    window: int = 0
    note: str = ""

    def applies(self, dimension: str, code: str, cue: str) -> bool:
        """Whether the rule speaks of this cue of this code."""
        return (
            (not self.dimension or self.dimension == dimension)
            and (not self.codes or code in self.codes)
            and (not self.cues or cue in self.cues)
        )

    def keeps(self, sentence: str, start: int, end: int) -> bool:
        """Whether the cue at ``sentence[start:end]`` still codes under this sense rule.

        >>> rule = Rule("not_before", re.compile("制度$"))
        >>> rule.keeps("推进制度创新", 4, 6), rule.keeps("推进科技创新", 4, 6)
        (False, True)
        """
        if self.kind == "not_before":
            return not self.pattern.search(sentence[:start])
        if self.kind == "not_after":
            return not self.pattern.match(sentence[end:])
        if self.kind == "not_with":
            return not self.pattern.search(sentence)
        around = (
            sentence[max(0, start - self.window) : start] + "\0" + sentence[end : end + self.window]
        )
        near = bool(self.pattern.search(around))
        return near if self.kind == "near" else not near


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule of ``data/coding_rules.csv``, in file order.

    Raises ``helpers.errors.InputError`` naming the line of a rule of unknown kind or with a
    pattern that does not compile.
    """
    out = []
    for line, row in resources.numbered_rows(RULES_FILE):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as error:
            raise InputError(RULES_FILE, f"line {line}: bad pattern: {error}") from None
        if row["kind"] not in KINDS:
            raise InputError(RULES_FILE, f"line {line}: unknown rule kind {row['kind']!r}")
        codes, cues = (frozenset(c for c in row[name].split("|") if c) for name in ("code", "cue"))
        window = int(row["window"] or 0)
        out.append(Rule(row["kind"], pattern, row["dimension"], codes, cues, window, row["note"]))
    return tuple(out)


def _span(match: re.Match) -> tuple[int, int]:
    return match.span("m" if "m" in match.re.groupindex else 0)


def masked(
    sentence: str, dimensions: tuple[str, ...], spans: tuple[tuple[int, int], ...] = ()
) -> dict[str, list[tuple[int, int]]]:
    """Per dimension, the stretches of ``sentence`` that code nothing in it: matches of the
    ``mask`` rules (their group ``m`` where they have one), each clause that is a line of a
    kind a ``procedural`` rule names, and the given ``spans`` (offsets in it). Each rule runs
    once however many dimensions it masks.

    >>> s = "市委副书记、市长朱健主持会议。"
    >>> sorted({s[a:b] for a, b in masked(s, ("theme",))["theme"]}, key=len)[:2]
    ['市长', '市委副书记']
    """
    out = {dimension: list(spans) for dimension in dimensions}
    kinds: list[tuple[int, int, str]] | None = None
    for rule in rules():
        targets = [d for d in dimensions if not rule.dimension or rule.dimension == d]
        if not targets or rule.kind not in ("mask", "procedural"):
            continue
        if rule.kind == "mask":
            found = [_span(m) for m in rule.pattern.finditer(sentence) if m.end() > m.start()]
        else:
            if kinds is None:
                kinds = [
                    (m.start(), m.end(), procedural.procedural_kind(m.group()) or "")
                    for m in _CLAUSE.finditer(sentence)
                ]
            found = [(a, b) for a, b, kind in kinds if rule.pattern.fullmatch(kind)]
        for dimension in targets:
            out[dimension] += found
    return out


def sequences(sentence: str, dimension: str) -> list[tuple[int, int, str, str]]:
    """(start, end, code, label) of each match of the ``code`` rules of ``dimension`` (their
    group ``m`` where they have one), in rule order.

    >>> sequences("每条产业链由一名市级领导担任链长。", "instrument")[0][2:]
    ('environment_regulation', '担任…链长')
    """
    return [
        (*_span(m), code, label)
        for rule in rules()
        if rule.kind == "code" and rule.dimension == dimension
        for m in rule.pattern.finditer(sentence)
        for code in sorted(rule.codes)
        for label in rule.cues
    ]


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies wholly inside one of ``spans``.

    >>> inside(2, 4, [(0, 5)]), inside(4, 6, [(0, 5)])
    (True, False)
    """
    return any(a <= start and end <= b for a, b in spans)


@functools.cache
def _sense_rules(dimension: str, code: str, cue: str) -> tuple[Rule, ...]:
    return tuple(
        rule for rule in rules() if rule.kind != "mask" and rule.applies(dimension, code, cue)
    )


def keeps(dimension: str, code: str, cue: str, sentence: str, start: int, end: int) -> bool:
    """Whether no sense rule stops this cue of this code at ``sentence[start:end]``."""
    return all(rule.keeps(sentence, start, end) for rule in _sense_rules(dimension, code, cue))
