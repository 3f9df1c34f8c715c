"""Theme and policy-instrument coding from the codebooks, on real and invented sentences."""

import pandas as pd
import pytest

from helpers.nlp import themes
from helpers.nlp.sentences import Sentence, split_sentences

from .guide import guide_codes

# Hengyang 2024 commentary and Yunyang 2020.
INVESTMENT = "要抢占招商引资“主攻点”，突出链长招商责任，发挥链主招商优势，提升乡情招商成效，确保招商引资取得更大实效。"
ENVIRONMENT = "开展营商环境集中整治，坚决查办不作为、慢作为、乱作为等行为。"
# scheduling with reporting supervises units (scheduling alone, 每月调度一次, is coordination)
ASSESSMENT = "实行随时、半月、每月、每季度“四级调度”工作机制，按月通报进度。"
# Sentences where a short cue would sit inside another word (false friends), and where a
# longer cue still finds the instrument or theme.
YUNYANG_SPEAKERS = (
    "县纪委监委机关、县委组织部、县经济信息委、重庆三峡云海药业股份有限公司、本信电子科技（重庆）有限公司、"
    "环保新材料暨光电科技产业园项目相关负责人在会上发言。"
)
HENGYANG_2024_FIGURES = "这组沉甸甸的数据，直观反映了衡阳以链式发展激活了产业“聚变效应”，推动经济高质量发展获得了丰硕成果。"
HENGYANG_2020_REPORT = (
    "朱健作动员报告，他强调，要准确把握规律，明确产业链建设路径，扎实推进产业链、创新链、人才链、"
    "资金链、政策链“五链融合”，不断提升产业链发展水平。"
)
HENGYANG_2020_CHAINS = "生态绿色食品产业链、核技术应用产业链、有色金属及新型合金产业链、文化旅游产业链、电子信息产业链。"
HENGYANG_2022_TEAM = "朱健强调，要进一步弘扬团结拼搏、永不言弃的精神文化。"
YUNYANG_ENTREPRENEURS = (
    "要诚信守法，承担社会责任，拓展国际视野，对标世界先进行业，对标世界先进企业，争做行业领先。"
)
YUNYANG_INNOVATION = (
    "加大技术创新，搭建创新服务平台，鼓励引导各类企业做好创新决策、研发投入、科研组织和成果应用。"
)
HENGYANG_2024_TOURISM = "要突出“三产”融合，大力支持制造业企业服务化转型，推动文化和旅游深度融合。"


def coded(text: str, dimension: str) -> list[tuple[int, str, str]]:
    """(sentence_id, code, cue) of every cue occurrence of one dimension."""
    columns = themes.sentence_codes(text, split_sentences(text))
    return [
        (i, code, cue)
        for i, d, code, cue in zip(
            columns["sentence_id"], columns["dimension"], columns["code"], columns["cue"]
        )
        if d == dimension
    ]


def codes_of(text: str, dimension: str) -> set[str]:
    return {code for _, code, _ in coded(text, dimension)}


def test_the_codebooks_hold_exactly_the_codes_of_the_guide():
    guide = guide_codes()
    for dimension in themes.DIMENSIONS:
        book = themes.codebook(dimension)
        assert list(book["code"]) == [r["code"] for r in guide if r["dimension"] == dimension]
        assert book["code"].is_unique and book["label_en"].str.len().gt(3).all()
        assert book["cues"].map(len).ge(2).all()
    sides = {r["code"]: r["side"] for r in guide if r["dimension"] == "instrument"}
    assert themes.side_of() == sides
    assert len(themes.codebook("theme")) == 15


def test_instruments_cover_the_four_sides():
    book = themes.codebook("instrument")
    assert set(book["side"]) == set(themes.SIDES)
    assert book[book["side"] != "investment"].groupby("side").size().ge(5).all()
    assert (book["code"].str.split("_").str[0] == book["side"]).all()
    assert list(book.loc[book["side"] == "investment", "code"]) == ["investment_promotion"]


@pytest.mark.parametrize("row", [r for r in guide_codes() if r["ins"]], ids=lambda r: r["code"])
def test_the_guides_in_examples_get_their_code(row):
    for example in row["ins"]:
        assert row["code"] in codes_of(example, row["dimension"]), example


@pytest.mark.parametrize("row", [r for r in guide_codes() if r["outs"]], ids=lambda r: r["code"])
def test_the_guides_out_examples_do_not(row):
    for example in row["outs"]:
        # an out the guide qualifies in words (`做大做强` of a chain) is tested in that sense
        text = example + "产业链" if example in row["qualified"] else example
        assert row["code"] not in codes_of(text, row["dimension"]), example


def test_a_sentence_is_coded_with_its_cues():
    assert [(code, cue) for _, code, cue in coded(INVESTMENT, "theme")] == [
        ("investment_attraction", "招商引资"),
        ("industrial_chains", "链长"),
        ("investment_attraction", "招商"),
        ("industrial_chains", "链主"),
        ("investment_attraction", "招商"),
        ("investment_attraction", "乡情招商"),
        ("investment_attraction", "招商引资"),
    ]
    assert codes_of(INVESTMENT, "instrument") == {"investment_promotion"}


def test_the_longest_cue_wins_within_a_dimension():
    assert [(code, cue) for _, code, cue in coded(ENVIRONMENT, "theme")] == [
        ("business_environment", "营商环境"),
        ("assessment_accountability", "查办"),
        ("business_environment", "不作为"),
        ("assessment_accountability", "不作为"),
        ("business_environment", "慢作为"),
        ("assessment_accountability", "慢作为"),
        ("business_environment", "乱作为"),
        ("assessment_accountability", "乱作为"),
    ]  # not also 营商; a cue under two codes codes both


@pytest.mark.parametrize(
    "sentence,code",
    [
        (INVESTMENT, "investment_attraction"),
        (ENVIRONMENT, "business_environment"),
        (ASSESSMENT, "assessment_accountability"),
    ],
)
def test_sentence_level_coding(sentence, code):
    assert (0, code) in {(i, c) for i, c, _ in coded(sentence, "theme")}


@pytest.mark.parametrize(
    "sentence,dimension,code",
    [
        (YUNYANG_SPEAKERS, "instrument", "supply_information"),  # 经济信息委 is a department
        (YUNYANG_SPEAKERS, "theme", "green_development"),  # 环保新材料…产业园 names a project
        (HENGYANG_2020_CHAINS, "instrument", "supply_information"),  # 电子信息 is an industry
        (HENGYANG_2020_CHAINS, "theme", "digital_economy"),  # … and a chain's name
        (HENGYANG_2024_FIGURES, "instrument", "supply_information"),  # 这组数据: the figures above
        (HENGYANG_2020_REPORT, "instrument", "supply_information"),  # 动员报告: a speech
        (HENGYANG_2020_REPORT, "instrument", "supply_funding"),  # 资金链 of the 五链 slogan
        (HENGYANG_2020_CHAINS, "instrument", "demand_demonstration"),  # 核技术应用: a chain's name
        (HENGYANG_2022_TEAM, "theme", "culture_tourism"),  # 精神文化: an ethos
        (YUNYANG_ENTREPRENEURS, "instrument", "demand_trade"),  # 国际视野: an outlook
    ],
    ids=[
        "信息委",
        "环保",
        "电子信息",
        "电子信息链",
        "数据",
        "报告",
        "资金链",
        "应用",
        "文化",
        "国际",
    ],
)
def test_false_friends_of_short_cues_are_not_coded(sentence, dimension, code):
    assert code not in codes_of(sentence, dimension)


@pytest.mark.parametrize(
    "sentence,dimension,code,cue",
    [
        (YUNYANG_INNOVATION, "instrument", "demand_demonstration", "成果应用"),
        (HENGYANG_2024_TOURISM, "theme", "culture_tourism", "文化和旅游"),
        (HENGYANG_2020_CHAINS, "theme", "industrial_chains", "产业链"),
    ],
)
def test_longer_cues_still_code_what_they_mean(sentence, dimension, code, cue):
    assert (code, cue) in {(c, found) for _, c, found in coded(sentence, dimension)}


def test_evidence_returns_the_sentences_behind_a_code():
    text = INVESTMENT + ENVIRONMENT
    sentences = split_sentences(text)
    codes = pd.DataFrame({"article_id": "a-1", **themes.sentence_codes(text, sentences)})
    table = pd.DataFrame(
        [{"article_id": "a-1", "sentence_id": s.sentence_id, "text": s.text} for s in sentences]
    )
    evidence = themes.evidence(codes, table, code="investment_attraction")
    assert evidence[["sentence_id", "cues", "mentions", "text"]].to_dict("records") == [
        {"sentence_id": 0, "cues": "招商引资|招商|乡情招商", "mentions": 5, "text": INVESTMENT}
    ]


def test_a_sentence_counts_once_per_code_however_many_cues():
    text = "开展驻点招商、以商招商、乡情招商、专班招商、精准招商、产业链招商。要优化营商环境。"
    rows = pd.DataFrame({"article_id": "a-1", **themes.sentence_codes(text, split_sentences(text))})
    once = themes.coded_sentences(rows)
    promotion = once[once["code"] == "investment_promotion"]
    assert len(rows[rows["code"] == "investment_promotion"]) == 6
    assert promotion[["sentence_id", "side", "mentions"]].to_dict("records") == [
        {"sentence_id": 0, "side": "investment", "mentions": 6}
    ]
    assert once.duplicated(themes.SENTENCE_KEYS).sum() == 0


def test_facts_mask_the_posts_and_chain_items_they_find():
    from helpers.nlp.facts.registry import extract_facts

    text = "市招商局局长王明调研。围绕电子信息、绿色消费品等产业集群补链强链。"
    sentences = split_sentences(text)
    facts = extract_facts(text, sentences)
    spans = themes.context_spans(facts, sentences)
    masked = {sentences[i].text[a:b] for i, found in spans.items() for a, b in found}
    assert {"电子信息", "绿色消费品"} <= masked
    columns = themes.sentence_codes(text, sentences, facts)
    assert set(columns["code"]) == {"industrial_chains"}


def test_coding_the_whole_text_codes_each_sentence_as_alone(seed_articles):
    for article in seed_articles:
        sentences = split_sentences(article.text)
        columns = themes.sentence_codes(article.text, sentences)
        rows = [dict(zip(columns, row)) for row in zip(*columns.values())]
        alone = []
        for s in sentences:
            own = themes.sentence_codes(s.text, [Sentence(s.sentence_id, 0, len(s.text), s.text)])
            alone += [dict(zip(own, row)) for row in zip(*own.values())]
        assert rows == alone, article.article_id
