"""Keyness on small inputs whose results can be worked out by hand (the working is in each test)."""

import pandas as pd
import pytest

from helpers.analysis.keyness import (
    G2_SIGNIFICANT,
    G2_STRICT,
    distinctive_terms,
    keyness,
    keyness_exclusions,
    log_likelihood,
    log_ratio,
)


def test_log_likelihood_and_log_ratio_by_hand():
    # a=20 of c=100 tokens vs b=10 of d=100: E1 = E2 = 100*30/200 = 15,
    # G2 = 2*(20*ln(20/15) + 10*ln(10/15)) = 2*(5.75364 - 4.05465) = 3.39798;
    # log ratio = log2((20/100)/(10/100)) = 1.
    assert log_likelihood(20, 10, 100, 100) == pytest.approx(3.39798, abs=1e-5)
    assert log_ratio(20, 10, 100, 100) == pytest.approx(1.0)
    # a word absent from the reference: log2((4/100)/(0.5/100)) = log2(8) = 3
    assert log_ratio(4, 0, 100, 100) == pytest.approx(3.0)
    assert log_likelihood(0, 0, 100, 100) == 0


def test_keyness_one_vs_rest_and_pairwise_by_hand(tokens_of):
    tokens = tokens_of(
        {
            "A": [["产业链"] * 20 + ["其他"] * 80],
            "B": [["产业链"] * 5 + ["其他"] * 45],
            "C": [["产业链"] * 5 + ["其他"] * 45],
        }
    )
    rest = keyness(tokens, "locality", min_count=1)
    a = rest[(rest["target"] == "A") & (rest["token"] == "产业链")].iloc[0]
    # A vs rest: a=20, c=100; b=5+5=10, d=50+50=100 -> the hand case above
    assert (a["reference"], a["freq_target"], a["freq_reference"], a["total_reference"]) == (
        "rest",
        20,
        10,
        100,
    )
    assert a["g2"] == pytest.approx(3.39798, abs=1e-5) and a["log_ratio"] == pytest.approx(1.0)
    assert a["p_value"] == pytest.approx(0.0653, abs=1e-4)  # chi2(1) tail beyond 3.398
    pair = keyness(tokens, "locality", pairwise=True, min_count=1)
    assert sorted(set(zip(pair["target"], pair["reference"]))) == [
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
    ]
    bc = pair[(pair["target"] == "B") & (pair["reference"] == "C")]
    assert bc["g2"].abs().max() == pytest.approx(0.0)  # identical distributions
    one = keyness(tokens, "locality", target="A", reference="B", min_count=1)
    row = one[one["token"] == "产业链"].iloc[0]
    # A vs B: a=20/100, b=5/50 -> log2(0.2/0.1) = 1
    assert row["log_ratio"] == pytest.approx(1.0)


def test_keyness_ignores_stopwords_by_default(tokens_of):
    tokens = tokens_of({"A": [["的", "产业链", "产业链"]], "B": [["的", "招商"]]}, stop={"的"})
    assert "的" not in set(keyness(tokens, "locality", min_count=1)["token"])


def test_keyness_leaves_excluded_tokens_out_of_counts_and_totals(tokens_of):
    tokens = tokens_of(
        {"A": [["衡阳", "产业链", "产业链", "招商"]], "B": [["云阳", "产业链", "招商", "招商"]]}
    )
    table = keyness(
        tokens, "locality", target="A", reference="B", min_count=1, exclude=["衡阳", "云阳"]
    )
    assert set(table["token"]) == {"产业链", "招商"}
    assert (table["total_target"].iloc[0], table["total_reference"].iloc[0]) == (3, 3)


def test_g2_thresholds():
    from scipy.stats import chi2

    assert chi2.sf(G2_SIGNIFICANT, 1) == pytest.approx(0.05, abs=1e-3)
    assert chi2.sf(G2_STRICT, 1) == pytest.approx(1e-4, abs=1e-6)


# Tokens of real corpus sentences (Luohe, Yunyang, Hengyang) as the build segments them.
EXCLUSION_SENTENCES = {
    "漯河市": "9月2日，市委书记蒿慧杰向工业“十强”企业代表颁奖。漯河市2019年度综合考评第一。",
    "云阳县": (
        "8月14日，云阳召开“千亿工业”高质量发展动员大会。县经济信息委、重庆三峡云海药业股份有限公司"
        "相关负责人在会上发言。要坚持“工业立县、工业兴县、工业强县”战略。"
    ),
    "衡阳市": "我市锚定“三高四新”美好蓝图，衡阳以链式发展激活了产业“聚变效应”。",
}


def test_keyness_exclusions_are_officials_places_and_numbers(tokens_of):
    from helpers.nlp import segment

    tokens = tokens_of({place: [segment.cut(text)] for place, text in EXCLUSION_SENTENCES.items()})
    facts = pd.DataFrame({"kind": ["official", "slogan"], "text": ["蒿慧杰", "三高四新"]})
    excluded = keyness_exclusions(tokens, facts)
    assert {"蒿慧杰", "漯河市", "云阳", "衡阳", "9月", "2日", "2019年度", "第一"} <= excluded
    # 云阳 counts as a county of 重庆, named too; 兴县 (工业兴县) would be a county of Shanxi,
    # which is not named; slogans and words stay
    assert not {"兴县", "三高四新", "工业", "企业", "十强"} & excluded
    key = keyness(tokens, "locality", min_count=1, exclude=excluded)
    assert not set(key["token"]) & excluded


def corpus(groups: dict[str, dict[str, list[str]]]):
    """Tokens and sentences tables from {group: {article: [sentence, ...]}}, each sentence a
    string of words separated by spaces (the sentence text is the words joined)."""
    tokens, sentences = [], []
    for group, articles in groups.items():
        for article, lines in articles.items():
            for s, line in enumerate(lines):
                words = line.split()
                sentences.append(
                    {"article_id": article, "sentence_id": s, "text": "".join(words) + "。"}
                )
                tokens += [
                    {
                        "article_id": article,
                        "sentence_id": s,
                        "position": i,
                        "token": w,
                        "is_stopword": False,
                        "locality": group,
                    }
                    for i, w in enumerate(words)
                ]
    return pd.DataFrame(tokens), pd.DataFrame(sentences)


def test_distinctive_terms_leave_out_attendance_lists_and_function_words():
    attendance = "市领导 张三 李四 王五 出席"  # 市领导张三李四王五出席。: an attendance line
    tokens, sentences = corpus(
        {
            "A": {
                "a1": ["要 抓 产业链 建设 善弈者 谋势", "产业链 链主 企业 者 当", attendance],
                "a2": ["产业链 招商 者 当 项目", attendance, "链主 产业链 集群 者"],
            },
            "B": {
                "b1": ["要 抓 招商 项目 建设", "项目 招商 企业 发展"],
                "b2": ["企业 发展 项目 建设", "招商 项目 企业"],
            },
        }
    )
    # without the filters the attendance title and the function word are among A's key terms
    plain = keyness(tokens, "locality", target="A", min_count=2, fragments=True)
    assert {"市领导", "者", "当"} <= set(plain.loc[plain["log_ratio"] > 0, "token"])
    terms = distinctive_terms(tokens, sentences, "locality", target="A", min_count=2)
    assert {"市领导", "出席", "者", "当"}.isdisjoint(terms["token"])
    chain = terms.set_index("token").loc["产业链"]
    assert (chain["freq_target"], chain["sentences"], chain["articles"], chain["spread"]) == (
        4,
        4,
        2,
        "",
    )
    assert terms["token"].iloc[0] == "产业链"  # spread over articles: first


def test_bursts_and_single_articles_are_marked():
    tokens, sentences = corpus(
        {
            "A": {
                "a1": ["聚力 聚力 聚力 中心", "产业链 建设 集群"],
                "a2": ["产业链 建设 链主", "链主 项目 推进"],
                "a3": ["链主 集群 集群 攻坚", "攻坚 突破 攻坚"],
            },
            "B": {"b1": ["招商 项目 企业"], "b2": ["企业 项目 招商"]},
        }
    )
    terms = distinctive_terms(tokens, sentences, "locality", target="A", min_count=3)
    spread = dict(zip(terms["token"], terms["spread"]))
    assert spread["聚力"] == "one sentence"  # three times, all in one sentence
    assert spread["攻坚"] == "one article"  # three times in two sentences of one article
    assert spread["集群"] == ""
    assert spread["链主"] == ""
    assert terms["spread"].tolist() == sorted(
        terms["spread"], key=["", "one article", "one sentence"].index
    )
