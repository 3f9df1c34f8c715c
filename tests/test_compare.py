"""Comparisons on small inputs whose results can be worked out by hand (the working is in each test)."""

import math

import pandas as pd
import pytest

from helpers.analysis import compare


def tokens_of(groups: dict[str, list[list[str]]], stop=()) -> pd.DataFrame:
    """A tokens table: one article per group, one inner list per sentence."""
    rows = []
    for group, sentences in groups.items():
        for sentence_id, words in enumerate(sentences):
            rows += [{"article_id": group, "sentence_id": sentence_id, "position": i, "token": w,
                      "is_stopword": w in stop, "locality": group} for i, w in enumerate(words)]
    return pd.DataFrame(rows)


def test_log_likelihood_and_log_ratio_by_hand():
    # a=20 of c=100 tokens vs b=10 of d=100: E1 = E2 = 100*30/200 = 15,
    # G2 = 2*(20*ln(20/15) + 10*ln(10/15)) = 2*(5.75364 - 4.05465) = 3.39798;
    # log ratio = log2((20/100)/(10/100)) = 1.
    assert compare.log_likelihood(20, 10, 100, 100) == pytest.approx(3.39798, abs=1e-5)
    assert compare.log_ratio(20, 10, 100, 100) == pytest.approx(1.0)
    # a word absent from the reference: log2((4/100)/(0.5/100)) = log2(8) = 3
    assert compare.log_ratio(4, 0, 100, 100) == pytest.approx(3.0)
    assert compare.log_likelihood(0, 0, 100, 100) == 0


def test_keyness_one_vs_rest_and_pairwise_by_hand():
    tokens = tokens_of({"A": [["产业链"] * 20 + ["其他"] * 80],
                        "B": [["产业链"] * 5 + ["其他"] * 45],
                        "C": [["产业链"] * 5 + ["其他"] * 45]})
    rest = compare.keyness(tokens, "locality", min_count=1)
    a = rest[(rest["target"] == "A") & (rest["token"] == "产业链")].iloc[0]
    # A vs rest: a=20, c=100; b=5+5=10, d=50+50=100 -> the hand case above
    assert (a["reference"], a["freq_target"], a["freq_reference"], a["total_reference"]) == ("rest", 20, 10, 100)
    assert a["g2"] == pytest.approx(3.39798, abs=1e-5) and a["log_ratio"] == pytest.approx(1.0)
    assert a["p_value"] == pytest.approx(0.0653, abs=1e-4)  # chi2(1) tail beyond 3.398
    pair = compare.keyness(tokens, "locality", pairwise=True, min_count=1)
    assert sorted(set(zip(pair["target"], pair["reference"]))) == [("A", "B"), ("A", "C"), ("B", "C")]
    bc = pair[(pair["target"] == "B") & (pair["reference"] == "C")]
    assert bc["g2"].abs().max() == pytest.approx(0.0)  # identical distributions
    one = compare.keyness(tokens, "locality", target="A", reference="B", min_count=1)
    row = one[one["token"] == "产业链"].iloc[0]
    # A vs B: a=20/100, b=5/50 -> log2(0.2/0.1) = 1
    assert row["log_ratio"] == pytest.approx(1.0)


def test_keyness_ignores_stopwords_by_default():
    tokens = tokens_of({"A": [["的", "产业链", "产业链"]], "B": [["的", "招商"]]}, stop={"的"})
    assert "的" not in set(compare.keyness(tokens, "locality", min_count=1)["token"])


def test_keyness_leaves_excluded_tokens_out_of_counts_and_totals():
    tokens = tokens_of({"A": [["衡阳", "产业链", "产业链", "招商"]], "B": [["云阳", "产业链", "招商", "招商"]]})
    table = compare.keyness(tokens, "locality", target="A", reference="B", min_count=1, exclude=["衡阳", "云阳"])
    assert set(table["token"]) == {"产业链", "招商"}
    assert (table["total_target"].iloc[0], table["total_reference"].iloc[0]) == (3, 3)


def test_g2_thresholds():
    from scipy.stats import chi2

    assert chi2.sf(compare.G2_SIGNIFICANT, 1) == pytest.approx(0.05, abs=1e-3)
    assert chi2.sf(compare.G2_STRICT, 1) == pytest.approx(1e-4, abs=1e-6)


# Tokens of real corpus sentences (Luohe, Yunyang, Hengyang) as the build segments them.
EXCLUSION_SENTENCES = {
    "漯河市": "9月2日，市委书记蒿慧杰向工业“十强”企业代表颁奖。漯河市2019年度综合考评第一。",
    "云阳县": ("8月14日，云阳召开“千亿工业”高质量发展动员大会。县经济信息委、重庆三峡云海药业股份有限公司"
              "相关负责人在会上发言。要坚持“工业立县、工业兴县、工业强县”战略。"),
    "衡阳市": "我市锚定“三高四新”美好蓝图，衡阳以链式发展激活了产业“聚变效应”。",
}


def test_keyness_exclusions_are_officials_places_and_numbers():
    from helpers.nlp import segment

    tokens = tokens_of({place: [segment.cut(text)] for place, text in EXCLUSION_SENTENCES.items()})
    facts = pd.DataFrame({"kind": ["official", "slogan"], "text": ["蒿慧杰", "三高四新"]})
    excluded = compare.keyness_exclusions(tokens, facts)
    assert {"蒿慧杰", "漯河市", "云阳", "衡阳", "9月", "2日", "2019年度", "第一"} <= excluded
    # 云阳 counts as a county of 重庆, named too; 兴县 (工业兴县) would be a county of Shanxi,
    # which is not named; slogans and words stay
    assert not {"兴县", "三高四新", "工业", "企业", "十强"} & excluded
    key = compare.keyness(tokens, "locality", min_count=1, exclude=excluded)
    assert not set(key["token"]) & excluded


def test_similarity_by_hand():
    # Documents {甲, 乙} and {甲, 丙}. Smoothed idf = ln((1+n)/(1+df)) + 1: idf(甲) = ln(3/3)+1 = 1,
    # idf(乙) = idf(丙) = ln(3/2)+1 = 1.405465. Cosine = 1*1 / (1 + 1.405465^2) = 1/2.975332 = 0.336097.
    tokens = tokens_of({"X": [["甲", "乙"]], "Y": [["甲", "丙"]], "Z": [["甲", "乙"]]})
    sim = compare.similarity(tokens.query("locality != 'Z'"), by="locality")
    assert sim.loc["X", "Y"] == pytest.approx(0.336097, abs=1e-6)
    assert sim.loc["X", "X"] == pytest.approx(1.0)
    assert list(sim.index) == ["X", "Y"] and (sim.to_numpy() == sim.to_numpy().T).all()


def test_rates_per_10k_with_a_deterministic_bootstrap():
    # Group A: sentence 0 has 4 tokens and 1 hit, sentence 1 has 6 tokens and none:
    # rate = 10000 * 1 / 10 = 1000. A resample of two sentences can only give 0 (s1 twice),
    # 1/10 (one of each) or 2/8 (s0 twice): the interval lies within [0, 2500].
    tokens = tokens_of({"A": [["产业链", "a", "b", "c"], ["d", "e", "f", "g", "h", "i"]],
                        "B": [["产业链", "产业链", "x", "y"]]})
    hits = compare.term_hits(tokens, {"chain": ["产业链"], "none": ["无"]})
    rates = compare.rates_per_10k(tokens, hits, by="locality", items=["chain", "none"], n_boot=500, seed=1)
    a = rates[(rates["locality"] == "A") & (rates["item"] == "chain")].iloc[0]
    assert (a["hits"], a["tokens"], a["sentences"], a["rate"]) == (1, 10, 2, 1000.0)
    assert 0 <= a["ci_low"] <= a["rate"] <= a["ci_high"] <= 2500
    b = rates[(rates["locality"] == "B") & (rates["item"] == "chain")].iloc[0]
    assert b["rate"] == 5000.0 and b["ci_low"] == b["ci_high"] == 5000.0  # one sentence: no spread
    assert rates[rates["item"] == "none"]["rate"].eq(0).all()
    again = compare.rates_per_10k(tokens, hits, by="locality", items=["chain", "none"], n_boot=500, seed=1)
    pd.testing.assert_frame_equal(rates, again)
    alone = compare.rates_per_10k(tokens[tokens["locality"] == "A"], hits, by="locality",
                                  items=["chain", "none"], n_boot=500, seed=1)
    pd.testing.assert_frame_equal(alone, rates[rates["locality"] == "A"].reset_index(drop=True))


def test_rates_accept_the_themes_table():
    tokens = tokens_of({"A": [["招商", "引资"], ["链主", "企业"]]})
    coded = pd.DataFrame({"article_id": ["A"], "sentence_id": [0], "code": ["investment_attraction"]})
    rates = compare.rates_per_10k(tokens, coded, by="locality", item_col="code", n_boot=50)
    assert rates.loc[0, ["item", "hits", "rate"]].tolist() == ["investment_attraction", 1, 2500.0]


def test_kwic_keeps_context_within_the_article():
    tokens = tokens_of({"A": [["要", "抓", "产业链", "建设"], ["补", "链"]], "B": [["产业链"]]})
    lines = compare.kwic(tokens, "产业链", window=2)
    assert lines[["article_id", "left", "keyword", "right"]].to_dict("records") == [
        {"article_id": "A", "left": "要抓", "keyword": "产业链", "right": "建设补"},
        {"article_id": "B", "left": "", "keyword": "产业链", "right": ""}]
    assert "locality" in lines.columns


def test_collocates_by_hand():
    # Two sentences, window 1: 链主 is next to 产业链 once in each; 企业 once in the second.
    # N = 7 content tokens, f(产业链) = 2, f(链主) = 2: E = 2*2*2*1/7 = 8/7, MI = log2(2/(8/7)) = log2(1.75),
    # logDice = 14 + log2(2*2/(2+2)) = 14.
    tokens = tokens_of({"A": [["链主", "产业链", "建设"], ["产业链", "链主", "企业", "发展"]]})
    table = compare.collocates(tokens, "产业链", window=1, min_count=1).set_index("collocate")
    assert table.loc["链主", "together"] == 2
    assert table.loc["链主", "expected"] == pytest.approx(8 / 7)
    assert table.loc["链主", "mi"] == pytest.approx(math.log2(1.75))
    assert table.loc["链主", "log_dice"] == pytest.approx(14.0)
    assert "企业" not in table.index  # two positions away


def test_cooccurrence_network_by_hand():
    tokens = tokens_of({"A": [["产业链", "招商"], ["产业链", "招商", "项目"], ["项目"]]})
    graph = compare.cooccurrence_network(tokens, top_n=3, min_weight=1)
    assert dict(graph.nodes(data="count")) == {"产业链": 2, "招商": 2, "项目": 2}
    assert sorted(graph.edges(data="weight")) == [("产业链", "招商", 2), ("产业链", "项目", 1), ("招商", "项目", 1)]
    assert compare.cooccurrence_network(tokens, top_n=3, min_weight=2).number_of_edges() == 1


def test_dispersion_and_juilland_d():
    tokens = tokens_of({"A": [["产业链", "a"], ["b", "产业链"]], "B": [["c", "产业链"], ["d", "e"]]})
    spots = compare.dispersion(tokens, "产业链", by="locality")
    # A has 4 tokens: offsets 0 and 3 -> 0/4, 3/4; B: offset 1 of 4 -> 0.25
    assert spots[["locality", "offset", "relative"]].values.tolist() == [["A", 0, 0.0], ["A", 3, 0.75], ["B", 1, 0.25]]
    # relative frequencies 2/4 and 1/4: mean 0.375, sd 0.125, V = 1/3, D = 1 - (1/3)/sqrt(1) = 2/3
    assert compare.juilland_d(tokens, "产业链", "locality") == pytest.approx(2 / 3)


def test_with_groups_joins_article_columns():
    tokens = tokens_of({"a-1": [["产业链"]]}).drop(columns="locality")
    articles = pd.DataFrame({"article_id": ["a-1"], "locality": ["衡阳市"], "year": [2020]})
    assert compare.with_groups(tokens, articles, "locality")["locality"].tolist() == ["衡阳市"]
    with pytest.raises(KeyError, match="with_groups"):
        compare.keyness(tokens, "locality")


@pytest.mark.parametrize("present,expected", [
    ([2020, 2022, 2024], "throughout"),
    ([2022], "only 2022"),
    ([2020, 2024], "in 2020, 2024"),
    ([2022, 2024], "from 2022"),
    ([2020, 2022], "until 2022"),
])
def test_trajectory_status_names_how_an_item_runs_through_the_years(present, expected):
    assert compare.trajectory_status(present, [2020, 2022, 2024]) == expected


def test_trajectory_marks_the_years_each_item_occurs_in():
    items = pd.DataFrame({"slogan": ["三高四新", "三高四新", "六稳", "五制一平台", "三高四新"],
                          "year": [2020, 2022, 2020, 2022, 2024]})
    table = compare.trajectory(items, "slogan", [2020, 2022, 2024])
    assert table.loc["三高四新", "status"] == "throughout"
    assert table.loc["六稳", "status"] == "only 2020"
    assert table.loc["五制一平台"].tolist() == [False, True, False, "only 2022"]
    assert table.index.tolist() == ["六稳", "三高四新", "五制一平台"]  # by first year, then status
