r"""A written synthesis: bilingual sentences generated from the comparison's computed tables.

Each rule reads the tables the comparison report shows (by name, see :class:`Evidence`) and
returns statements. A statement carries its English and Chinese text, the report section that
holds its evidence and the claims it makes: each claim names a table, the row it read (column
values that select exactly one row) and the value it states. :func:`verify` re-reads every claim
from the tables, so a sentence cannot say what its table does not hold, and the tests run it
over every statement of the seed comparison.

Rules state a difference only where the evidence carries it: a locality marked thin (a single
article, or fewer content tokens than the minimum) is never compared, and a difference in rates
is stated only when the intervals do not overlap.

>>> tables = {"chains": pd.DataFrame({"locality": ["甲市"], "chains": [3]})}
>>> claim = Claim("chains", {"locality": "甲市"}, "chains", 3)
>>> verify(Statement("demo", "A names 3 chains.", "甲市提到3条。", "Chains", (claim,)), tables)
[]
>>> verify(Statement("demo", "A names 4 chains.", "甲市提到4条。", "Chains", (claim._replace(value=4),)), tables)
['demo: chains[locality=甲市].chains is 3, the statement says 4']
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

Evidence = Mapping[str, pd.DataFrame]


class Claim(NamedTuple):
    table: str
    where: dict
    column: str
    value: object


@dataclass(frozen=True)
class Statement:
    rule: str
    en: str
    zh: str
    section: str  # the heading of the report section that shows the evidence
    claims: tuple[Claim, ...]

    @property
    def anchor(self) -> str:
        """The section's anchor as nbconvert writes it (spaces become hyphens)."""
        return "#" + self.section.replace(" ", "-")


Rule = Callable[[Evidence], list[Statement]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a synthesis rule; rules run in the order they are registered."""

    def register(function: Rule) -> Rule:
        RULES[name] = function
        return function

    return register


def _same(found, stated) -> bool:
    if isinstance(stated, float) or isinstance(found, float):
        return abs(float(found) - float(stated)) < 1e-9
    if isinstance(stated, (list, tuple, set, frozenset)):
        return sorted(map(str, found)) == sorted(map(str, stated))
    return found == stated


def verify(statement: Statement, tables: Evidence) -> list[str]:
    """The claims of ``statement`` that its tables do not bear out, one line each."""
    problems = []
    for claim in statement.claims:
        where = ",".join(f"{k}={v}" for k, v in claim.where.items())
        place = f"{statement.rule}: {claim.table}[{where}].{claim.column}"
        table = tables.get(claim.table)
        if table is None:
            problems.append(f"{place}: no table {claim.table!r}")
            continue
        rows = table
        for column, value in claim.where.items():
            rows = rows[rows[column] == value]
        if len(rows) != 1:
            problems.append(f"{place}: {len(rows)} rows match, not one")
            continue
        found = rows.iloc[0][claim.column]
        if not _same(found, claim.value):
            problems.append(f"{place} is {found}, the statement says {claim.value}")
    return problems


def synthesis(tables: Evidence) -> list[Statement]:
    """Every rule's statements, in rule order."""
    return [statement for function in RULES.values() for statement in function(tables)]
