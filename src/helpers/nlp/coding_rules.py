"""The context rules of the codebooks (``data/coding_rules.csv``): when a cue codes nothing.

In the spirit of KH Coder's coding rules (and, not, near, sequence), each rule is a row an analyst
reads and edits, not Python: ``mask`` rules find stretches of a sentence whose words only *name*
something (a post, an attendance line, a meeting, a document, a chain) so that no cue inside them
codes; sense rules (``not_before``, ``not_after``, ``not_near``, ``near``, ``not_with``) keep an
ambiguous cue from coding outside its sense (创新 in 制度创新; 做大做强 of a chain). A rule names
what it applies to by dimension, code and cue (empty: all); the code and cue columns may list
several, joined by ``|``. ``data/coding_guide.md`` says what the codes mean; the rules implement it.
"""

import functools
import re
from dataclasses import dataclass

from helpers import config, resources
from helpers.errors import InputError

RULES_FILE = config.PACKAGE_DATA_DIR / "coding_rules.csv"
SENSE_KINDS = ("not_before", "not_after", "not_near", "near", "not_with")
KINDS = ("mask", *SENSE_KINDS)


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
    _rule_masks.cache_clear()  # masks found under the rules read before
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


def masked(sentence: str, spans: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """The stretches of ``sentence`` that code nothing: matches of the ``mask`` rules (their
    group ``m`` where they have one) and the given ``spans`` (offsets in the sentence).

    >>> s = "市委副书记、市长朱健主持会议。"
    >>> sorted({s[a:b] for a, b in masked(s)}, key=len)[:2]
    ['市长', '市委副书记']
    """
    return [*spans, *_rule_masks(sentence)]


# The mask patterns are most of the coding's time; a corpus repeats sentences (boilerplate,
# republished paragraphs), and a sentence's masks depend on nothing else.
@functools.lru_cache(maxsize=8192)
def _rule_masks(sentence: str) -> tuple[tuple[int, int], ...]:
    out = []
    for rule in rules():
        if rule.kind == "mask":
            group = "m" if "m" in rule.pattern.groupindex else 0
            out += [m.span(group) for m in rule.pattern.finditer(sentence) if m.end() > m.start()]
    return tuple(out)


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
