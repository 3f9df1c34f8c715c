"""The tables the synthesis reads (:mod:`helpers.report.synthesis`), from what the comparison
report computes: one row per locality, chain counts, shared sectors, ranked theme rates and
instrument sides, shared formulas and goals, with the English and Chinese names the sentences
need."""

import functools

import pandas as pd

from helpers import config, resources
from helpers.analysis import comparable, sectors
from helpers.analysis.facts import instrument_sides as side_shares
from helpers.analysis.trajectory import slogan_mentions
from helpers.nlp import coding_eval, themes
from helpers.report.gloss import english

CHINESE_LABELS_FILE = config.PACKAGE_DATA_DIR / "code_labels_zh.csv"


@functools.cache
def chinese_labels() -> dict[str, str]:
    """Code (and side) -> its Chinese name."""
    return {row["code"]: row["label_zh"] for row in resources.read_rows(CHINESE_LABELS_FILE)}


def evidence(
    articles: pd.DataFrame,
    facts: pd.DataFrame,
    coded: pd.DataFrame,
    theme_rates: pd.DataFrame,
    localities: list[str],
) -> dict[str, pd.DataFrame]:
    """The tables the rules read, from what the comparison report computes.

    Args:
        articles: the compared articles (article_id, locality).
        facts: their facts with a ``locality`` column.
        coded: their rows of the themes table.
        theme_rates: :func:`helpers.analysis.facts.theme_rates` by locality (with ``thin``).
    """
    rates = theme_rates[theme_rates["locality"].isin(localities)]
    per_place = rates.drop_duplicates("locality").set_index("locality")
    places = pd.DataFrame(
        {
            "locality": localities,
            "articles": [int(per_place.at[p, "articles"]) for p in localities],
            "tokens": [int(per_place.at[p, "tokens"]) for p in localities],
            "thin": [bool(per_place.at[p, "thin"]) for p in localities],
        }
    )
    mapped = sectors.chain_sectors(facts[facts["kind"] == "chain"])
    chains = mapped.groupby("locality")["normalised"].nunique()
    matrix = sectors.sector_matrix(mapped, localities)
    shared = sectors.shared_sectors(matrix, localities, at_least=2)
    figures = comparable.comparable_figures(facts[facts["kind"] == "target"])
    goals = figures[figures["figure_type"] == "target"].groupby("locality").size()
    formulas = comparable.shared_formulas(slogan_mentions(facts), localities)
    return {
        "localities": places,
        "chains": pd.DataFrame(
            {"locality": localities, "chains": [int(chains.get(p, 0)) for p in localities]}
        ),
        "shared_sectors": pd.DataFrame(
            {
                "sector": shared["sector"].to_numpy(),
                "sector_en": shared["English"].to_numpy(),
                "localities": [[p for p in localities if row[p]] for _, row in shared.iterrows()],
            }
        ),
        "theme_rates": _ranked_rates(rates),
        "instrument_sides": _ranked_sides(coded, articles, localities),
        "shared_formulas": pd.DataFrame(
            {
                "formula": formulas["formula"].to_numpy(),
                "english": [english(w.split("、")[0]) for w in formulas["written"]],
                "localities": [
                    [p for p in localities if row[p] > 0] for _, row in formulas.iterrows()
                ],
            }
        ),
        "goals": pd.DataFrame(
            {"locality": localities, "goals": [int(goals.get(p, 0)) for p in localities]}
        ),
    }


def _ranked_rates(rates: pd.DataFrame) -> pd.DataFrame:
    """Theme rates with English and Chinese names and a rank within each locality among the
    codes the validation trusts (untrusted codes get no rank)."""
    trusted = ~rates["item"].map(lambda code: bool(coding_eval.warning(code)))
    ranked = rates.assign(
        code=rates["item"],
        theme_en=rates["theme"].str.replace(" ⚠", "", regex=False).str.lower(),
        theme_zh=rates["item"].map(chinese_labels()),
        unit="coded sentences per 10,000 content tokens",
    )
    ranks = ranked[trusted].groupby("locality")["rate"].rank(ascending=False, method="first")
    return ranked.assign(rank=ranks.reindex(ranked.index).fillna(0).astype(int))


def _ranked_sides(
    coded: pd.DataFrame, articles: pd.DataFrame, localities: list[str]
) -> pd.DataFrame:
    """Share of each locality's instrument-coded sentences on each of the three sides, ranked
    (investment promotion is compared apart, as the reports show it)."""
    shares = side_shares(coded, articles, "locality")
    rows = []
    for side, (_, row) in zip(themes.SIDES[:3], shares.iloc[:3].iterrows()):
        for place in localities:
            share = row.get(place)
            if pd.notna(share):
                rows.append(
                    {
                        "locality": place,
                        "side": side,
                        "side_en": f"{side} side",
                        "side_zh": chinese_labels()[side],
                        "share": float(share),
                    }
                )
    table = pd.DataFrame(rows, columns=["locality", "side", "side_en", "side_zh", "share"])
    ranks = table.groupby("locality")["share"].rank(ascending=False, method="first")
    return table.assign(rank=ranks.astype(int))
