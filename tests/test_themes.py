"""Theme and policy-instrument coding from the codebooks, on real sentences."""

import pandas as pd
import pytest

from helpers import themes
from helpers.segment import split_sentences

THEMES_NAMED_IN_THE_ISSUE = {
    "industrial_chains", "investment_attraction", "major_projects", "parks_platforms", "business_environment",
    "innovation", "talent", "finance", "enterprise_growth", "digital_economy", "green_development",
    "culture_tourism", "agriculture_food", "party_leadership", "assessment_accountability"}
# Hengyang 2024 commentary and Yunyang 2020.
INVESTMENT = "要抢占招商引资“主攻点”，突出链长招商责任，发挥链主招商优势，提升乡情招商成效，确保招商引资取得更大实效。"
ENVIRONMENT = "开展营商环境集中整治，坚决查办不作为、慢作为、乱作为等行为。"
ASSESSMENT = "实行随时、半月、每月、每季度“四级调度”工作机制。"


def test_the_codebook_has_the_fifteen_themes_with_cues_and_labels():
    book = themes.codebook("theme")
    assert set(book["code"]) == THEMES_NAMED_IN_THE_ISSUE
    assert book["code"].is_unique and book["label_en"].str.len().gt(3).all()
    assert book["cues"].map(len).ge(5).all()


def test_instruments_cover_the_three_sides_of_rothwell_and_zegveld():
    book = themes.codebook("instrument")
    assert set(book["side"]) == {"supply", "environment", "demand"}
    assert book.groupby("side").size().ge(3).all()
    assert (book["code"].str.split("_").str[0] == book["side"]).all()


def test_a_sentence_is_coded_with_its_cues():
    rows = themes.code_text(INVESTMENT)
    coded = [(r["code"], r["cue"]) for r in rows if r["dimension"] == "theme"]
    assert coded == [("investment_attraction", "招商引资"), ("industrial_chains", "链长"),
                     ("investment_attraction", "招商"), ("industrial_chains", "链主"),
                     ("investment_attraction", "招商"), ("investment_attraction", "乡情招商"),
                     ("investment_attraction", "招商引资")]
    instruments = {r["code"] for r in rows if r["dimension"] == "instrument"}
    assert instruments == {"demand_investment_attraction"}


def test_the_longest_cue_wins_within_a_dimension():
    rows = [r for r in themes.code_text(ENVIRONMENT) if r["dimension"] == "theme"]
    assert [(r["code"], r["cue"]) for r in rows] == [
        ("business_environment", "营商环境"), ("business_environment", "不作为"),
        ("business_environment", "慢作为"), ("business_environment", "乱作为")]  # not also 营商


@pytest.mark.parametrize("sentence,code", [(INVESTMENT, "investment_attraction"),
                                           (ENVIRONMENT, "business_environment"),
                                           (ASSESSMENT, "assessment_accountability")])
def test_sentence_level_coding(sentence, code):
    rows = themes.code_sentences(split_sentences(sentence), "a-1")
    assert {"article_id": "a-1", "sentence_id": 0} | {"code": code} in [
        {"article_id": r["article_id"], "sentence_id": r["sentence_id"], "code": r["code"]} for r in rows]
    assert set(rows[0]) == {"article_id", "sentence_id", "dimension", "code", "label_en", "cue"}


def test_evidence_returns_the_sentences_behind_a_code():
    text = INVESTMENT + ENVIRONMENT
    sentences = split_sentences(text)
    coded = pd.DataFrame(themes.code_sentences(sentences, "a-1"))
    table = pd.DataFrame([{"article_id": "a-1", "sentence_id": s.sentence_id, "text": s.text} for s in sentences])
    evidence = themes.evidence(coded, table, code="investment_attraction")
    assert evidence[["sentence_id", "cues", "mentions", "text"]].to_dict("records") == [
        {"sentence_id": 0, "cues": "招商引资|招商|乡情招商", "mentions": 5, "text": INVESTMENT}]


def test_coding_the_whole_text_at_once_codes_each_sentence_as_alone():
    articles = pytest.importorskip("helpers.articles")
    corpus, _ = articles.load_corpus()
    for article in corpus:
        sentences = split_sentences(article.text)
        columns = themes.sentence_codes(article.text, sentences)
        rows = [dict(zip(columns, row)) for row in zip(*columns.values())]
        assert rows == themes.code_sentences(sentences), article.article_id
