"""The written synthesis: every statement is re-read from the table it came from."""

import re

import pandas as pd
import pytest

from helpers.analysis import facts as fact_tables
from helpers.analysis import selection
from helpers.build import pipeline, tables
from helpers.nlp import themes
from helpers.report import evidence, synthesis
from tests.conftest import SEED_CHECKSUMS


@pytest.fixture(scope="module")
def seed_evidence():
    pipeline.ensure_processed_data(progress=False)
    data = tables.load()
    # the seed articles alone: articles an analyst adds must not change what is asserted here
    seeds = data.articles[data.articles["source"].isin(SEED_CHECKSUMS)]
    localities = list(dict.fromkeys(seeds.sort_values("article_id")["locality"]))
    articles = selection.articles_of(seeds, localities)
    tokens = selection.tokens_of(data.tokens, articles, "locality")
    coded = selection.rows_of(data.themes, articles)
    facts = data.facts.merge(articles[["article_id", "locality"]], on="article_id")
    rates = fact_tables.theme_rates(tokens, coded, "locality")
    return evidence.evidence(articles, facts, coded, rates, localities)


@pytest.fixture(scope="module")
def seed_statements(seed_evidence):
    return synthesis.synthesis(seed_evidence)


def _stated_numbers(claim: synthesis.Claim) -> list[str]:
    """How the text may write a claimed number."""
    value = claim.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    if isinstance(value, int):
        return [str(value)]
    return [f"{value:.1f}", f"{value:.0f}"]


def test_every_statement_of_the_seed_comparison_is_borne_out_by_its_table(
    seed_evidence, seed_statements
):
    assert 5 <= len(seed_statements) <= 8
    for statement in seed_statements:
        assert statement.claims, statement.rule
        assert synthesis.verify(statement, seed_evidence) == [], statement.en
        for claim in statement.claims:
            written = _stated_numbers(claim)
            if written:
                assert any(w in statement.en for w in written), (statement.en, claim)
                assert any(w in statement.zh for w in written), (statement.zh, claim)


def test_every_statement_is_bilingual_and_links_to_a_section_of_the_report(seed_statements):
    sections = {
        synthesis.SECTORS_SECTION,
        synthesis.SHARED_SECTORS_SECTION,
        synthesis.THEMES_SECTION,
        synthesis.INSTRUMENTS_SECTION,
        synthesis.FORMULAS_SECTION,
        synthesis.GOALS_SECTION,
    }
    for statement in seed_statements:
        assert re.search(r"[A-Za-z]{3}", statement.en) and not re.search(
            r"[\u4e00-\u9fff]{6}", statement.en
        )
        assert re.search(r"[\u4e00-\u9fff]", statement.zh)
        assert statement.section in sections
        assert statement.anchor == "#" + statement.section.replace(" ", "-")
    assert "([evidence](#" in synthesis.markdown(seed_statements)


def test_hengyang_and_luohe_share_biomedicine_and_logistics_in_the_synthesis(seed_statements):
    shared = [s for s in seed_statements if s.rule == "shared sectors"]
    pair = [s for s in shared if s.en.startswith("Hengyang and Luohe")]
    assert pair, [s.en for s in shared]
    assert "biology and biomedicine" in pair[0].en and "modern logistics" in pair[0].en
    assert "生物产业" in pair[0].zh and "现代物流" in pair[0].zh
    everywhere = " ".join(s.en for s in shared)
    assert "new-generation information technology" in everywhere  # 电子信息 of both


def test_a_statement_the_table_does_not_hold_is_caught(seed_evidence, seed_statements):
    statement = next(s for s in seed_statements if s.rule == "chains")
    claim = statement.claims[0]
    wrong = synthesis.Statement(
        statement.rule,
        statement.en,
        statement.zh,
        statement.section,
        (claim._replace(value=claim.value + 1),),
    )
    assert synthesis.verify(wrong, seed_evidence)
    changed = dict(seed_evidence)
    changed["chains"] = seed_evidence["chains"].assign(chains=lambda f: f["chains"] + 1)
    assert synthesis.verify(statement, changed)


def test_thin_localities_are_named_as_thin_and_never_compared(seed_evidence, seed_statements):
    thin = seed_evidence["localities"].query("thin")["locality"].tolist()
    assert thin  # on the seeds: the two localities with a single article
    compared = [
        s
        for s in seed_statements
        if s.rule in ("leading themes", "theme differences", "instrument sides")
    ]
    for statement in compared:
        for claim in statement.claims:
            assert claim.where.get("locality") not in thin, statement.en
    [note] = [s for s in seed_statements if s.rule == "thin"]
    for place in thin:
        assert place in note.zh


def _rates(rows):
    frame = pd.DataFrame(rows, columns=["locality", "code", "rate", "ci_low", "ci_high"])
    return frame.assign(
        theme_en=frame["code"].str.replace("_", " "),
        theme_zh=frame["code"].map(evidence.chinese_labels()),
        unit="per 10,000 tokens",
        rank=frame.groupby("locality")["rate"].rank(ascending=False).astype(int),
    )


def _places(*names, thin=()):
    return pd.DataFrame(
        {"locality": list(names), "articles": 3, "tokens": 5000, "thin": [n in thin for n in names]}
    )


def test_a_difference_is_stated_only_where_the_intervals_do_not_overlap():
    apart = _rates(
        [
            ("甲市", "industrial_chains", 90.0, 70.0, 110.0),
            ("乙市", "industrial_chains", 20.0, 10.0, 35.0),
            ("甲市", "finance", 12.0, 5.0, 20.0),
            ("乙市", "finance", 9.0, 4.0, 18.0),
        ]
    )
    evidence = {"theme_rates": apart, "localities": _places("甲市", "乙市")}
    [statement] = synthesis.theme_differences(evidence)
    assert "industrial chains" in statement.en and "甲市" in statement.zh
    assert synthesis.verify(statement, evidence) == []
    thin = {"theme_rates": apart, "localities": _places("甲市", "乙市", thin=("乙市",))}
    assert synthesis.theme_differences(thin) == []


def test_every_code_and_side_has_a_chinese_name():
    names = evidence.chinese_labels()
    assert {code.code for code in themes.codes()} | set(themes.SIDES) <= set(names)
