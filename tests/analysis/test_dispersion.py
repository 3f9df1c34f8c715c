"""Dispersion on small inputs worked out by hand."""

import pytest

from helpers.analysis.dispersion import dispersion, juilland_d


def test_dispersion_and_juilland_d(tokens_of):
    tokens = tokens_of(
        {"A": [["产业链", "a"], ["b", "产业链"]], "B": [["c", "产业链"], ["d", "e"]]}
    )
    spots = dispersion(tokens, "产业链", by="locality")
    # A has 4 tokens: offsets 0 and 3 -> 0/4, 3/4; B: offset 1 of 4 -> 0.25
    assert spots[["locality", "offset", "relative"]].values.tolist() == [
        ["A", 0, 0.0],
        ["A", 3, 0.75],
        ["B", 1, 0.25],
    ]
    # relative frequencies 2/4 and 1/4: mean 0.375, sd 0.125, V = 1/3, D = 1 - (1/3)/sqrt(1) = 2/3
    assert juilland_d(tokens, "产业链", "locality") == pytest.approx(2 / 3)


def test_term_spread_counts_sentences_articles_and_gries_dp():
    import pandas as pd

    from helpers.analysis.dispersion import term_spread

    # group G: article g1 has 6 tokens (链 twice in one sentence), g2 has 2 (链 once);
    # H: one article. DP of 链 in G: s = 6/8, 2/8; v = 2/3, 1/3 -> 0.5 x (1/12 + 1/12) = 1/12.
    rows = [
        ("G", "g1", 0, "链"),
        ("G", "g1", 0, "链"),
        ("G", "g1", 0, "a"),
        ("G", "g1", 1, "b"),
        ("G", "g1", 1, "c"),
        ("G", "g1", 1, "d"),
        ("G", "g2", 0, "链"),
        ("G", "g2", 0, "e"),
        ("H", "h1", 0, "链"),
        ("H", "h1", 0, "f"),
    ]
    tokens = pd.DataFrame(rows, columns=["locality", "article_id", "sentence_id", "token"])
    tokens = tokens.assign(
        position=tokens.groupby(["article_id", "sentence_id"]).cumcount(), is_stopword=False
    )
    spread = term_spread(tokens, "locality").set_index(["locality", "token"])
    chain = spread.loc[("G", "链")]
    assert (chain["freq"], chain["sentences"], chain["articles"]) == (3, 2, 2)
    assert chain["dp"] == pytest.approx(1 / 12, abs=1e-4)
    # a term in one of two equal-share articles: DP = 0.5 x (|1 - 6/8| + 2/8) = 0.25
    assert spread.loc[("G", "a"), "dp"] == pytest.approx(0.25)
    assert pd.isna(spread.loc[("H", "链"), "dp"])  # one article: nothing to spread over
