"""Rates per 10,000 tokens on small inputs whose results can be worked out by hand."""

import pandas as pd
import pytest

from helpers.analysis.rates import describe_leader, leading_group, rates_per_10k, term_hits


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


def articles_table(groups: dict[str, dict[str, list[list[str]]]]) -> pd.DataFrame:
    """A tokens table with several articles per group: {group: {article: [sentence words]}}."""
    rows = [
        {
            "article_id": article,
            "sentence_id": s,
            "position": i,
            "token": word,
            "is_stopword": False,
            "locality": group,
        }
        for group, articles in groups.items()
        for article, sentences in articles.items()
        for s, words in enumerate(sentences)
        for i, word in enumerate(words)
    ]
    return pd.DataFrame(rows)


def test_articles_not_sentences_are_resampled(tokens_of):
    # One long article (40 sentences of 10 tokens, one hit each) and one short (2 sentences,
    # no hit). Drawing sentences, 42 near-alike draws keep the rate near 40/42 x 1000; drawing
    # articles, two short ones give 0 and two long ones 1000: the interval spans both.
    long = [["招商"] + ["x"] * 9 for _ in range(40)]
    short = [["y"] * 10 for _ in range(2)]
    tokens = articles_table({"A": {"long": long, "short": short}})
    hits = term_hits(tokens, ["招商"])
    width = {}
    for scheme in ("sentences", "articles", "articles+sentences"):
        rates = rates_per_10k(tokens, hits, by="locality", resample=scheme, n_boot=400, seed=3)
        row = rates.iloc[0]
        assert row["rate"] == pytest.approx(1e4 * 40 / 420)
        width[scheme] = row["ci_high"] - row["ci_low"]
    assert width["sentences"] < 200
    assert width["articles"] > 900 and width["articles+sentences"] > 900
    first = rates_per_10k(tokens, hits, by="locality", n_boot=400, seed=3)
    pd.testing.assert_frame_equal(
        first, rates_per_10k(tokens, hits, by="locality", n_boot=400, seed=3)
    )
    with pytest.raises(ValueError, match="resample"):
        rates_per_10k(tokens, hits, by="locality", resample="words")


def test_thin_groups_are_flagged():
    tokens = articles_table(
        {
            "one article": {"a1": [["招商"] + ["x"] * 599]},
            "few tokens": {"b1": [["招商", "x"]], "b2": [["x"] * 61]},
            "enough": {"c1": [["招商"] + ["x"] * 299], "c2": [["x"] * 300]},
        }
    )
    rates = rates_per_10k(tokens, term_hits(tokens, ["招商"]), by="locality", n_boot=50)
    flags = rates.set_index("locality")[["articles", "tokens", "thin"]]
    assert flags.to_dict("index") == {
        "enough": {"articles": 2, "tokens": 600, "thin": False},
        "few tokens": {"articles": 2, "tokens": 63, "thin": True},
        "one article": {"articles": 1, "tokens": 600, "thin": True},
    }
    loose = rates_per_10k(
        tokens, term_hits(tokens, ["招商"]), by="locality", n_boot=50, min_articles=1, min_tokens=1
    )
    assert not loose["thin"].any()


def test_a_thin_locality_never_leads_the_headline():
    # 63 tokens with one hit make 159 per 10,000: far above the others, and too thin to rank.
    tokens = articles_table(
        {
            "长沙市": {"cs": [["产业链"] + ["x"] * 62]},
            "衡阳市": {"h1": [["产业链"] + ["x"] * 399], "h2": [["产业链"] + ["x"] * 399]},
            "漯河市": {"l1": [["产业链"] + ["x"] * 599], "l2": [["x"] * 600]},
        }
    )
    rates = rates_per_10k(tokens, term_hits(tokens, ["产业链"]), by="locality", n_boot=50)
    assert rates.loc[rates["rate"].idxmax(), "locality"] == "长沙市"
    assert leading_group(rates, "locality")["locality"] == "衡阳市"
    said = describe_leader(rates, "locality")
    assert said.startswith("most frequent in 衡阳市 (25 per 10,000 tokens)")
    assert "too thin to rank: 长沙市 (1 article)" in said
    only_thin = rates[rates["locality"] == "长沙市"]
    assert leading_group(only_thin, "locality") is None
    assert describe_leader(only_thin, "locality").startswith("no locality with enough text")
