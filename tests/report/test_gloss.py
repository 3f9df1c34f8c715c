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


@pytest.mark.parametrize(
    "term,gloss",
    [
        ("市", "city"),  # not "market"
        ("讲评", "to evaluate"),  # not "to criticize"
        ("谋划", "to plan"),  # not "to scheme"
        ("四大产业基地", "four major industrial bases"),  # number + head, not "the four elements"
        ("十大产业链", "ten major industrial chains"),
        ("文旅兴城", "revitalising the city through cultural tourism"),  # not the city Xingcheng
        ("项目为王", "projects are king"),
        ("工业强市", "a strong city through industry"),
        ("区", "district"),  # not the surname Ou
        ("当", "to be"),  # not the onomatopoeia "dong"
        ("省", "province"),  # the sense with a policy word, not "to save"
    ],
)
def test_glosses_take_the_sense_policy_text_means(term, gloss):
    assert english(term) == gloss


def test_a_dictionary_note_is_no_gloss():
    assert not english("地区").startswith("as suffix")  # "as suffix to city name, means ..."


def test_the_gloss_of_a_term_does_not_depend_on_what_was_asked_before():
    english.cache_clear()
    first = [english(t) for t in ("市", "文旅兴城", "四大产业基地")]
    english.cache_clear()
    assert [english(t) for t in reversed(("市", "文旅兴城", "四大产业基地"))][::-1] == first


def test_every_chain_slogan_and_figure_measure_of_the_seeds_is_glossed():
    from helpers.build import pipeline, tables
    from helpers.report import labels
    from helpers.text.chars import has_han

    pipeline.ensure_processed_data(progress=False)
    facts = tables.load().facts
    wanted = facts[facts["kind"].isin(["chain", "chain_list", "slogan"])]["text"].tolist()
    wanted += facts[facts["kind"] == "target"]["measure"].dropna().tolist()
    unglossed = sorted({term for term in wanted if has_han(term) and not labels.gloss(term)})
    assert len(wanted) > 50 and unglossed == []
