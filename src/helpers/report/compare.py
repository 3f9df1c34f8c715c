"""Comparison tables with English beside the Chinese: the sector matrix, goals compared by
metric and year, shared formulas and officials' mentions (the analysis is in
:mod:`helpers.analysis.sectors` and :mod:`helpers.analysis.comparable`)."""

import pandas as pd

from helpers.analysis.comparable import comparable_figures
from helpers.analysis.sectors import CELL_JOINER
from helpers.report.labels import amount_english, gloss, label, name_pinyin, role_gloss


def sector_table(matrix: pd.DataFrame, places: list) -> pd.DataFrame:
    """:func:`helpers.analysis.sectors.sector_matrix` with each chain name glossed in its cell
    (电子信息产业链 (electronic information industrial chain))."""

    def glossed(cell: str) -> str:
        return "; ".join(label(name) for name in cell.split(CELL_JOINER)) if cell else ""

    shown = matrix.copy()
    shown[places] = shown[places].map(glossed)
    return shown.reset_index(drop=True)


def sector_counts(mapped: pd.DataFrame, matrix: pd.DataFrame, places: list) -> pd.DataFrame:
    """Distinct chain names per sector (rows labelled 中文 English) and place, for a chart."""
    counts = (
        mapped.groupby(["sector", "locality"])["normalised"]
        .nunique()
        .unstack("locality")
        .reindex(index=matrix.index, columns=places)
        .fillna(0)
        .astype(int)
    )
    counts.index = [f"{zh} {en}" for zh, en in zip(matrix["sector"], matrix["English"])]
    return counts


def goals_table(
    figures: pd.DataFrame, places: list, figure_type: str = "target", by: str = "locality"
) -> pd.DataFrame:
    """Figures of ``figure_type`` of each place, one row per metric and year, so that a cell
    is only ever set beside figures of the same metric and horizon.

    Cells list each figure as written with its measure and English (``2500亿元 工程机械产业链产值
    (…; 250 bn yuan)``); a ``places`` column counts the places that state such a figure.
    """
    table = comparable_figures(figures, by=by)
    table = table[(table["figure_type"] == figure_type) & table[by].isin(places)]
    cells = table.assign(
        cell=[
            f"{text} {label(measure)} [{amount_english(value, unit)}]"
            for text, measure, value, unit in zip(
                table["text"], table["measure"], table["value"], table["unit"]
            )
        ]
    )
    grid = (
        cells.groupby(["metric_en", "horizon", by], sort=False)["cell"]
        .agg("; ".join)
        .unstack(by, fill_value="")
        .reindex(columns=places, fill_value="")
    )
    grid.insert(0, "places", grid[places].ne("").sum(axis=1))
    return grid.rename_axis(index=["metric", "year"], columns=None).reset_index()


def formulas_table(shared: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.analysis.comparable.shared_formulas` with the English of each formula."""
    shown = shared.copy()
    shown.insert(1, "English", [gloss(written.split("、")[0]) for written in shown["written"]])
    return shown


def officials_table(named: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.analysis.comparable.official_mentions` with names in pinyin and roles in
    English."""
    shown = named.copy()
    shown.insert(1, "pinyin", shown["name"].map(name_pinyin))
    shown.insert(3, "role (English)", shown["role"].map(role_gloss))
    return shown
