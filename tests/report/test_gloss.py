"""English glosses: codebook labels, then the glossary, then CC-CEDICT, then the term itself."""

import pytest

from helpers.report.gloss import cedict, english


@pytest.mark.parametrize(
    "term,gloss",
    [
        ("industrial_chains", "Industrial chains"),  # a codebook code: its label
        ("链主企业", "chain-leader enterprise"),  # project glossary (CC-CEDICT lacks it)
        ("规上企业", "enterprise above designated size"),
        ("招商引资", "investment attraction"),  # glossary before CC-CEDICT's wording
        ("液压", "hydraulic pressure"),  # CC-CEDICT
        ("干部", "cadre"),
        ("液压装备", "hydraulic pressure equipment"),  # CC-CEDICT words that make it up
        ("液压科技", "hydraulics technology"),  # the project glossary before CC-CEDICT
        ("蒿慧杰", "蒿慧杰"),  # a name: nothing to gloss
        ("刘尚进", "刘尚进"),  # not glossed character by character
    ],
)
def test_english(term, gloss):
    assert english(term) == gloss


def test_cedict_skips_classifier_and_cross_reference_senses():
    assert cedict("产业链") == "industry value chain"
    assert cedict("不是一个词语") is None
