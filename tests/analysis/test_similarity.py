"""Similarity on documents small enough to work out by hand."""

import pytest

from helpers.analysis.similarity import similarity


def test_similarity_by_hand(tokens_of):
    # Documents {甲, 乙} and {甲, 丙}. Smoothed idf = ln((1+n)/(1+df)) + 1: idf(甲) = ln(3/3)+1 = 1,
    # idf(乙) = idf(丙) = ln(3/2)+1 = 1.405465. Cosine = 1*1 / (1 + 1.405465^2) = 1/2.975332 = 0.336097.
    tokens = tokens_of({"X": [["甲", "乙"]], "Y": [["甲", "丙"]], "Z": [["甲", "乙"]]})
    sim = similarity(tokens.query("locality != 'Z'"), by="locality")
    assert sim.loc["X", "Y"] == pytest.approx(0.336097, abs=1e-6)
    assert sim.loc["X", "X"] == pytest.approx(1.0)
    assert list(sim.index) == ["X", "Y"] and (sim.to_numpy() == sim.to_numpy().T).all()
