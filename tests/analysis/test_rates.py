"""Rates per 10,000 tokens on small inputs whose results can be worked out by hand."""

import pandas as pd

from helpers.analysis.rates import rates_per_10k, term_hits


def test_rates_per_10k_with_a_deterministic_bootstrap(tokens_of):
    # Group A: sentence 0 has 4 tokens and 1 hit, sentence 1 has 6 tokens and none:
    # rate = 10000 * 1 / 10 = 1000. A resample of two sentences can only give 0 (s1 twice),
    # 1/10 (one of each) or 2/8 (s0 twice): the interval lies within [0, 2500].
    tokens = tokens_of(
        {
            "A": [["产业链", "a", "b", "c"], ["d", "e", "f", "g", "h", "i"]],
            "B": [["产业链", "产业链", "x", "y"]],
        }
    )
    hits = term_hits(tokens, {"chain": ["产业链"], "none": ["无"]})
    rates = rates_per_10k(tokens, hits, by="locality", items=["chain", "none"], n_boot=500, seed=1)
    a = rates[(rates["locality"] == "A") & (rates["item"] == "chain")].iloc[0]
    assert (a["hits"], a["tokens"], a["sentences"], a["rate"]) == (1, 10, 2, 1000.0)
    assert 0 <= a["ci_low"] <= a["rate"] <= a["ci_high"] <= 2500
    b = rates[(rates["locality"] == "B") & (rates["item"] == "chain")].iloc[0]
    assert b["rate"] == 5000.0 and b["ci_low"] == b["ci_high"] == 5000.0  # one sentence: no spread
    assert rates[rates["item"] == "none"]["rate"].eq(0).all()
    again = rates_per_10k(tokens, hits, by="locality", items=["chain", "none"], n_boot=500, seed=1)
    pd.testing.assert_frame_equal(rates, again)
    alone = rates_per_10k(
        tokens[tokens["locality"] == "A"],
        hits,
        by="locality",
        items=["chain", "none"],
        n_boot=500,
        seed=1,
    )
    pd.testing.assert_frame_equal(alone, rates[rates["locality"] == "A"].reset_index(drop=True))


def test_rates_accept_the_themes_table(tokens_of):
    tokens = tokens_of({"A": [["招商", "引资"], ["链主", "企业"]]})
    coded = pd.DataFrame(
        {"article_id": ["A"], "sentence_id": [0], "code": ["investment_attraction"]}
    )
    rates = rates_per_10k(tokens, coded, by="locality", item_col="code", n_boot=50)
    assert rates.loc[0, ["item", "hits", "rate"]].tolist() == ["investment_attraction", 1, 2500.0]
