"""Chains and clusters aligned by sector: names normalised for comparison, mapped to a taxonomy.

Two places rarely write a chain the same way (衡阳's 电子信息产业链, 漯河's 电子信息; 现代物流 and
现代物流业; 生物医药 and 生物医药和高性能医疗器械). Names are compared after their head words are
dropped (``data/chain_name_heads.csv``) and mapped to the sectors of ``data/sectors.csv``: the nine
categories of the national classification of strategic emerging industries (2018) plus
traditional industry, service and agricultural sectors. A name no cue reaches is mapped to
:data:`UNMAPPED` and listed, never dropped.
"""

import functools
import re
from dataclasses import dataclass

import pandas as pd

from helpers import resources
from helpers.analysis.facts import chain_name

SECTORS_FILE = "sectors.csv"
HEADS_FILE = "chain_name_heads.csv"
UNMAPPED = "unmapped"
CELL_JOINER = "；"  # between the names of a matrix cell


@dataclass(frozen=True)
class Sector:
    """One row of ``data/sectors.csv``."""

    code: str
    name_zh: str
    name_en: str
    family: str
    cues: re.Pattern
    examples: tuple[str, ...]


@functools.cache
def taxonomy() -> tuple[Sector, ...]:
    """The sectors of ``data/sectors.csv``, in file order (the order of the matrix's rows)."""
    return tuple(
        Sector(
            code=row["code"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            family=row["family"],
            cues=re.compile(row["cues"]),
            examples=tuple(row["examples"].split("|")),
        )
        for row in resources.read_rows(SECTORS_FILE)
    )


def taxonomy_table() -> pd.DataFrame:
    """The taxonomy as a table: code, Chinese and English names, family."""
    return pd.DataFrame(
        [(s.code, s.name_zh, s.name_en, s.family) for s in taxonomy()],
        columns=["code", "name_zh", "name_en", "family"],
    )


@functools.cache
def _heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = resources.read_rows(HEADS_FILE)
    heads = sorted((r["word"] for r in rows if r["role"] == "head"), key=len, reverse=True)
    keep = tuple(r["word"] for r in rows if r["role"] == "keep")
    return tuple(heads), keep


def normalise_chain(name: str) -> str:
    """A chain or cluster name as compared: spaces out, one head word dropped from its end.

    A name that is a head word, or that ends in a word kept whole (农业, 服务业), stays as it is.

    >>> [normalise_chain(n) for n in ("电子信息产业链", "现代物流业", "食品全产业链", "农业", "产业")]
    ['电子信息', '现代物流', '食品', '农业', '产业']
    """
    name = "".join(str(name).split())
    heads, keep = _heads()
    if name.endswith(keep) or name in heads:
        return name
    for head in heads:
        if name.endswith(head) and len(name) > len(head):
            return name[: -len(head)]
    return name


def sectors_of(name: str) -> list[str]:
    """The sector codes a chain name maps to, in taxonomy order; ``[UNMAPPED]`` when none.

    Every cue match counts unless it overlaps a longer match of another cue: 化工新材料 is new
    materials (not chemicals too), 新型能源及电力装备 new energy and equipment.

    >>> sectors_of("化工新材料产业链"), sectors_of("新型能源及电力装备"), sectors_of("沿高速公路")
    (['SEI-3'], ['SEI-6', 'TI-EQ'], ['unmapped'])
    """
    text = normalise_chain(name)
    matches = [
        (match.end() - match.start(), match.span(), sector.code)
        for sector in taxonomy()
        for match in sector.cues.finditer(text)
        if match.end() > match.start()
    ]
    kept: list[tuple[int, tuple[int, int], str]] = []
    for length, (start, end), code in sorted(matches, key=lambda m: -m[0]):
        if not any(s < end and start < e and length < n for n, (s, e), _ in kept):
            kept.append((length, (start, end), code))
    codes = {code for *_, code in kept}
    ordered = [sector.code for sector in taxonomy() if sector.code in codes]
    return ordered or [UNMAPPED]


def chain_sectors(chains: pd.DataFrame, by: str = "locality") -> pd.DataFrame:
    """One row per chain fact and sector it maps to: ``by``, ``name`` (the item's name),
    ``written`` (the fact's text, as the article writes it: 电子信息产业链), ``normalised``,
    ``sector`` (a code or :data:`UNMAPPED`), ``article_id``.

    Args:
        chains: facts of kind ``chain`` with a ``by`` column (see
            :func:`helpers.analysis.frames.with_groups`).
    """
    names = chains["detail"].map(chain_name)
    written = chains["text"] if "text" in chains.columns else names
    rows = pd.DataFrame(
        {
            by: chains[by].to_numpy(),
            "article_id": chains["article_id"].to_numpy(),
            "name": names.to_numpy(),
            "written": written.to_numpy(),
            "normalised": names.map(normalise_chain).to_numpy(),
            "sector": names.map(sectors_of).to_numpy(),
        }
    )
    return rows.explode("sector", ignore_index=True)


def with_shown_names(mapped: pd.DataFrame) -> pd.DataFrame:
    """:func:`chain_sectors` with a ``chain`` column: names that differ only by a head word
    (现代物流 and 现代物流业) as one, in their shortest form, for tables of names.

    >>> mapped = chain_sectors(pd.DataFrame({"locality": ["A", "B"], "article_id": ["a", "b"],
    ...     "detail": ['{"name": "现代物流业"}', '{"name": "现代物流"}']}))
    >>> with_shown_names(mapped)["chain"].tolist()
    ['现代物流', '现代物流']
    """
    shortest = mapped.groupby("normalised")["name"].agg(lambda names: min(names, key=len))
    return mapped.assign(chain=mapped["normalised"].map(shortest))


def sector_matrix(mapped: pd.DataFrame, places: list, by: str = "locality") -> pd.DataFrame:
    """Sectors x ``places``: each cell the names behind it as the articles write them
    (:data:`CELL_JOINER` between: a name may hold 、), blank when none; sectors no place names
    are left out, unmapped names last.

    Index: sector codes; columns ``sector`` (Chinese), ``English`` and one per place.
    """
    cells = (
        mapped[mapped[by].isin(places)]
        .groupby(["sector", by], sort=False)["written"]
        .agg(lambda names: CELL_JOINER.join(dict.fromkeys(names)))
        .unstack(by, fill_value="")
        .reindex(columns=places, fill_value="")
    )
    order = [s.code for s in taxonomy() if s.code in cells.index]
    order += [UNMAPPED] if UNMAPPED in cells.index else []
    names = {s.code: (s.name_zh, s.name_en) for s in taxonomy()} | {
        UNMAPPED: ("其他/未归类", "other / unmapped")
    }
    matrix = cells.loc[order].rename_axis(index="code", columns=None)
    matrix.insert(0, "English", [names[code][1] for code in order])
    matrix.insert(0, "sector", [names[code][0] for code in order])
    return matrix


def shared_sectors(matrix: pd.DataFrame, places: list, at_least: int | None = None) -> pd.DataFrame:
    """Sectors of :func:`sector_matrix` named by at least ``at_least`` places (all by default),
    unmapped names never counted as a shared sector; a ``places`` column counts them.

    >>> m = pd.DataFrame({"sector": ["电", "物"], "English": ["e", "l"], "A": ["电子信息", ""],
    ...                   "B": ["电子信息产业链", "物流"]}, index=["SEI-1", "SV-LOG"])
    >>> shared_sectors(m, ["A", "B"]).index.tolist(), shared_sectors(m, ["A", "B"], 1)["places"].tolist()
    (['SEI-1'], [2, 1])
    """
    at_least = len(places) if at_least is None else at_least
    named = matrix[places].ne("").sum(axis=1)
    shared = matrix.assign(places=named)[(named >= at_least) & (matrix.index != UNMAPPED)]
    return shared.sort_values("places", ascending=False, kind="stable")


def unmapped_names(mapped: pd.DataFrame, by: str = "locality") -> pd.DataFrame:
    """The names no sector cue reaches (as written), each with the places that name it."""
    rest = mapped[mapped["sector"] == UNMAPPED]
    return (
        rest.groupby("written", sort=False)[by]
        .agg(lambda places: "、".join(dict.fromkeys(places)))
        .reset_index()
    )


def mapped_share(names: list[str]) -> float:
    """The share of distinct ``names`` that map to at least one sector (nan for none)."""
    distinct = list(dict.fromkeys(names))
    if not distinct:
        return float("nan")
    return sum(sectors_of(name) != [UNMAPPED] for name in distinct) / len(distinct)
