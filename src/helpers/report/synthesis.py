r"""A written synthesis: bilingual sentences generated from the comparison's computed tables.

Each rule reads the tables the comparison report shows (by name, see :class:`Evidence`) and
returns statements. A statement carries its English and Chinese text, the report section that
holds its evidence and the claims it makes: each claim names a table, the row it read (column
values that select exactly one row) and the value it states. :func:`verify` re-reads every claim
from the tables, so a sentence cannot say what its table does not hold, and the tests run it
over every statement of the seed comparison.

The tables come from :func:`helpers.report.evidence.evidence`.

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
from IPython.display import Markdown, display

from helpers.report.display import escape_markdown
from helpers.report.labels import place_name

Evidence = Mapping[str, pd.DataFrame]

# The comparison report's section headings that hold each statement's evidence.
SECTORS_SECTION = "Chains aligned by sector"
THEMES_SECTION = "Theme rates"
INSTRUMENTS_SECTION = "Policy instruments"
FORMULAS_SECTION = "Shared formulas"
SHARED_SECTORS_SECTION = "Sectors the localities share"
GOALS_SECTION = "Goals compared by metric and year"


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


def _place(name: str) -> str:
    """The English name of a locality (衡阳市 -> Hengyang), as every report writes it."""
    return place_name(name)


def _places(names: list[str]) -> tuple[str, str]:
    """English and Chinese enumerations of localities."""
    english_names = [_place(n) for n in names]
    if len(english_names) > 1:
        en = ", ".join(english_names[:-1]) + " and " + english_names[-1]
    else:
        en = english_names[0]
    return en, "、".join(names)


# Enumerations name at most this many localities (the largest first) and count the rest.
MOST_NAMED = 5


def _rest(total: int, named: int) -> tuple[str, str]:
    """English and Chinese tails for localities left out of an enumeration."""
    left = total - named
    return (f" and {left} more", f"等{total}地") if left > 0 else ("", "")


def _compared(tables: Evidence) -> list[str]:
    """Localities with enough text to be compared (not thin), in table order."""
    places = tables["localities"]
    return places.loc[~places["thin"], "locality"].tolist()


def _leaders(tables: Evidence, table: str, value: str) -> tuple[pd.DataFrame, str, str]:
    """The rank-1 rows of ``table`` for the compared localities, largest ``value`` first, at
    most :data:`MOST_NAMED` of them, with the tails naming how many more there are."""
    rows = tables[table]
    leaders = rows[(rows["rank"] == 1) & rows["locality"].isin(_compared(tables))]
    tail_en, tail_zh = _rest(len(leaders), MOST_NAMED)
    ordered = leaders.sort_values(value, ascending=False, kind="stable")
    return ordered.head(MOST_NAMED), tail_en, tail_zh


@rule("chains")
def chain_counts(tables: Evidence) -> list[Statement]:
    """How many chains or clusters each locality names, most first."""
    chains = tables["chains"].sort_values("chains", ascending=False, kind="stable")
    chains = chains[chains["chains"] > 0]
    if chains.empty:
        return []
    tail_en, tail_zh = _rest(len(chains), MOST_NAMED)
    chains = chains.head(MOST_NAMED)
    parts_en = [f"{_place(r.locality)} {r.chains}" for r in chains.itertuples()]
    parts_zh = [f"{r.locality}{r.chains}个" for r in chains.itertuples()]
    claims = tuple(
        Claim("chains", {"locality": r.locality}, "chains", r.chains) for r in chains.itertuples()
    )
    return [
        Statement(
            "chains",
            "Distinct industrial chains or clusters named: " + ", ".join(parts_en) + tail_en + ".",
            "提到的产业链或产业集群（不重复计）：" + "，".join(parts_zh) + tail_zh + "。",
            SECTORS_SECTION,
            claims,
        )
    ]


@rule("shared sectors")
def shared_sectors(tables: Evidence, groups: int = 2) -> list[Statement]:
    """The sectors two or more localities organise chains in: the ``groups`` sets of localities
    sharing most, widest first."""
    shared = tables["shared_sectors"]
    shared = shared[shared["localities"].map(len) >= 2]
    out = []
    by_places = shared.groupby(shared["localities"].map(tuple), sort=False)
    widest = sorted(by_places, key=lambda item: (-len(item[0]), -len(item[1])))[:groups]
    for localities, group in widest:
        names_en, names_zh = _places(list(localities))
        sectors_en = ", ".join(group["sector_en"])
        sectors_zh = "、".join(group["sector"])
        claims = tuple(
            Claim("shared_sectors", {"sector": s}, "localities", list(localities))
            for s in group["sector"]
        )
        out.append(
            Statement(
                "shared sectors",
                f"{names_en} each name chains in {sectors_en}."
                if len(localities) > 2
                else f"{names_en} both name chains in {sectors_en}.",
                f"{names_zh}都提到{sectors_zh}领域的产业链。",
                SHARED_SECTORS_SECTION,
                claims,
            )
        )
    return out


@rule("leading themes")
def leading_themes(tables: Evidence) -> list[Statement]:
    """Each compared locality's most frequent theme."""
    leaders, tail_en, tail_zh = _leaders(tables, "theme_rates", "rate")
    if leaders.empty:
        return []
    unit = leaders["unit"].iloc[0]
    parts_en = [
        f"{r.theme_en} in {_place(r.locality)} ({r.rate:.1f})" for r in leaders.itertuples()
    ]
    parts_zh = [f"{r.locality}为{r.theme_zh}（{r.rate:.1f}）" for r in leaders.itertuples()]
    claims = tuple(
        Claim("theme_rates", {"locality": r.locality, "rank": 1}, "code", r.code)
        for r in leaders.itertuples()
    ) + tuple(
        Claim("theme_rates", {"locality": r.locality, "code": r.code}, "rate", r.rate)
        for r in leaders.itertuples()
    )
    return [
        Statement(
            "leading themes",
            f"The most frequent theme ({unit}): " + "; ".join(parts_en) + tail_en + ".",
            "出现最多的主题：" + "；".join(parts_zh) + tail_zh + "。",
            THEMES_SECTION,
            claims,
        )
    ]


@rule("theme differences")
def theme_differences(tables: Evidence, most: int = 2) -> list[Statement]:
    """Themes whose intervals separate two compared localities, largest ratio first."""
    rates = tables["theme_rates"]
    rates = rates[rates["locality"].isin(_compared(tables))]
    pairs = rates.merge(rates, on="code", suffixes=("_a", "_b"))
    apart = pairs[(pairs["ci_low_a"] > pairs["ci_high_b"]) & (pairs["rate_b"] >= 0)]
    apart = apart.assign(ratio=(apart["rate_a"] + 0.5) / (apart["rate_b"] + 0.5))
    out = []
    for r in apart.sort_values("ratio", ascending=False, kind="stable").head(most).itertuples():
        claims = tuple(
            Claim("theme_rates", {"locality": place, "code": r.code}, column, value)
            for place, suffix in ((r.locality_a, "a"), (r.locality_b, "b"))
            for column, value in (
                ("rate", getattr(r, f"rate_{suffix}")),
                ("ci_low", getattr(r, f"ci_low_{suffix}")),
                ("ci_high", getattr(r, f"ci_high_{suffix}")),
            )
        )
        interval_a = f"{r.rate_a:.1f} [{r.ci_low_a:.1f}–{r.ci_high_a:.1f}]"
        interval_b = f"{r.rate_b:.1f} [{r.ci_low_b:.1f}–{r.ci_high_b:.1f}]"
        out.append(
            Statement(
                "theme differences",
                f"{r.theme_en_a} is more present in {_place(r.locality_a)} ({interval_a}) than in "
                f"{_place(r.locality_b)} ({interval_b}); the intervals do not overlap.",
                f"{r.theme_zh_a}在{r.locality_a}（{interval_a}）多于{r.locality_b}（{interval_b}），"
                "区间不重叠。",
                THEMES_SECTION,
                claims,
            )
        )
    return out


@rule("instrument sides")
def instrument_sides(tables: Evidence) -> list[Statement]:
    """The side of policy instruments each compared locality leans on most."""
    leaders, tail_en, tail_zh = _leaders(tables, "instrument_sides", "share")
    if leaders.empty:
        return []
    parts_en = [f"{_place(r.locality)}: {r.side_en} ({r.share:.0f}%)" for r in leaders.itertuples()]
    parts_zh = [f"{r.locality}以{r.side_zh}为主（{r.share:.0f}%）" for r in leaders.itertuples()]
    claims = tuple(
        Claim("instrument_sides", {"locality": r.locality, "rank": 1}, "side", r.side)
        for r in leaders.itertuples()
    ) + tuple(
        Claim("instrument_sides", {"locality": r.locality, "side": r.side}, "share", r.share)
        for r in leaders.itertuples()
    )
    return [
        Statement(
            "instrument sides",
            "Policy instruments, the side used most (share of supply-, environment- and "
            "demand-side sentences): " + "; ".join(parts_en) + tail_en + ".",
            "政策工具中使用最多的一类（占供给型、环境型、需求型编码句子的比例）："
            + "；".join(parts_zh)
            + tail_zh
            + "。",
            INSTRUMENTS_SECTION,
            claims,
        )
    ]


@rule("shared formulas")
def shared_formulas(tables: Evidence) -> list[Statement]:
    """Formulas two or more localities use."""
    shared = tables["shared_formulas"]
    if shared.empty:
        return []
    parts_en, parts_zh, claims = [], [], []
    for r in shared.itertuples():
        names_en, names_zh = _places(list(r.localities))
        gloss = f" ({r.english})" if r.english != r.formula else ""
        parts_en.append(f"{r.formula}{gloss} in {names_en}")
        parts_zh.append(f"{r.formula}（{names_zh}）")
        claims.append(Claim("shared_formulas", {"formula": r.formula}, "localities", r.localities))
    return [
        Statement(
            "shared formulas",
            "Formulas used in more than one place: " + "; ".join(parts_en) + ".",
            "多地共用的提法：" + "；".join(parts_zh) + "。",
            FORMULAS_SECTION,
            tuple(claims),
        )
    ]


@rule("goals")
def goals(tables: Evidence) -> list[Statement]:
    """How many numeric goals each locality states (results are not goals)."""
    counted = tables["goals"].sort_values("goals", ascending=False, kind="stable")
    tail_en, tail_zh = _rest(len(counted), MOST_NAMED)
    counted = counted.head(MOST_NAMED)
    parts_en = [f"{_place(r.locality)} {r.goals}" for r in counted.itertuples()]
    parts_zh = [f"{r.locality}{r.goals}项" for r in counted.itertuples()]
    claims = tuple(
        Claim("goals", {"locality": r.locality}, "goals", r.goals) for r in counted.itertuples()
    )
    return [
        Statement(
            "goals",
            "Numeric goals stated (results of past years not counted): "
            + ", ".join(parts_en)
            + ".",
            "提出的量化目标（不含已完成的数字）：" + "，".join(parts_zh) + "。",
            GOALS_SECTION,
            claims,
        )
    ]


@rule("thin")
def thin_localities(tables: Evidence) -> list[Statement]:
    """Localities with too little text to compare: shown, never compared."""
    places = tables["localities"]
    thin = places[places["thin"]]
    if thin.empty:
        return []
    names_en, names_zh = _places(thin["locality"].tolist())
    sizes = [int(n) for n in thin["articles"].unique()]
    if len(sizes) == 1:
        counts = f"{sizes[0]} article{'s' * (sizes[0] != 1)} each" if len(thin) > 1 else ""
        counts = counts or f"{sizes[0]} article{'s' * (sizes[0] != 1)}"
        counts_zh = f"各{sizes[0]}篇" if len(thin) > 1 else f"{sizes[0]}篇"
    else:
        counts = ", ".join(f"{n} article{'s' * (n != 1)}" for n in thin["articles"])
        counts_zh = "、".join(f"{n}篇" for n in thin["articles"])
    claims = tuple(
        Claim("localities", {"locality": r.locality}, column, value)
        for r in thin.itertuples()
        for column, value in (("articles", r.articles), ("thin", True))
    )
    return [
        Statement(
            "thin",
            f"{names_en} rest on too little text ({counts}): their rates are shown but never "
            "compared.",
            f"{names_zh}文本过少（{counts_zh}），其频率仅供参考，不作比较。",
            THEMES_SECTION,
            claims,
        )
    ]


def markdown(statements: list[Statement]) -> str:
    """The synthesis as a markdown list: each statement in English, then Chinese, then a link to
    the section that shows its evidence. The statements' text is escaped (it quotes names from
    the articles)."""
    return "\n".join(
        f"- {escape_markdown(s.en)} {escape_markdown(s.zh)} ([evidence]({s.anchor}))"
        for s in statements
    )


def show(statements: list[Statement]) -> None:
    """Display the synthesis (or a line saying the tables support no statement)."""
    display(Markdown(markdown(statements) or "Nothing the tables can support."))
