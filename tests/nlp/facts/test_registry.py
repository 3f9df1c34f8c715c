"""The registry of fact extractors, and all kinds of fact together on real passages."""

from pathlib import Path

import pytest

from helpers.nlp.facts.fact import Fact
from helpers.nlp.facts.registry import KINDS, Extractors, extract_facts, extractors
from helpers.nlp.sentences import split_sentences

from .passages import (
    GDP_2021,
    HENGYANG_CHAINS,
    HENGYANG_SIX_ONES,
    LUOHE_SYSTEM,
    YUNYANG_LEADERS,
)

TEXT = "\n".join([HENGYANG_CHAINS, LUOHE_SYSTEM, YUNYANG_LEADERS, GDP_2021, HENGYANG_SIX_ONES])


def test_every_fact_lies_inside_its_sentence():
    sentences = split_sentences(TEXT)
    found = extract_facts(TEXT, sentences)
    assert {f["kind"] for f in found} == set(KINDS)
    for fact in found:
        sentence = sentences[fact["sentence_id"]]
        assert TEXT[fact["start"] : fact["end"]] == fact["text"]
        assert sentence.start <= fact["start"] and fact["end"] <= sentence.end


def test_facts_are_in_text_order_then_in_the_order_of_their_kinds():
    found = extract_facts(TEXT)
    assert found == sorted(found, key=lambda f: (f["start"], KINDS.index(f["kind"])))
    assert list(found[0]) == [
        "sentence_id",
        "kind",
        "text",
        "start",
        "end",
        "value",
        "unit",
        "measure",
        "year",
        "detail",
        "figure_type",
    ]


def test_every_kind_has_its_module_and_its_test():
    for kind in KINDS:
        module = extractors.get(kind).__module__
        assert module.rpartition(".")[0] == "helpers.nlp.facts", kind
        assert (Path(__file__).parent / f"test_{module.rpartition('.')[2]}.py").is_file(), kind


def test_a_registry_orders_ties_by_kind_and_drops_facts_across_sentences():
    registry = Extractors()
    registry.register(
        "second", lambda text, sentences: [Fact("招商", 2, 4), Fact("招商。要", 2, 6)]
    )
    registry.register("first", lambda text, sentences: [Fact("抓招", 1, 3), Fact("抓", 6, 7)])
    found = registry.extract("要抓招商。要抓创新！")
    assert [(f["kind"], f["text"], f["sentence_id"]) for f in found] == [
        ("first", "抓招", 0),
        ("second", "招商", 0),
        ("first", "抓", 1),
    ]
    tie = Extractors()
    tie.register("a", lambda text, sentences: [Fact("抓", 1, 2)])
    tie.register("b", lambda text, sentences: [Fact("抓", 1, 2)])
    assert [f["kind"] for f in tie.extract("要抓招商。")] == ["a", "b"]


def test_a_kind_is_registered_once():
    registry = Extractors()
    registry.register("slogan", lambda text, sentences: [])
    with pytest.raises(ValueError, match="slogan"):
        registry.register("slogan", lambda text, sentences: [])
    with pytest.raises(KeyError, match="target"):
        registry.get("target")
