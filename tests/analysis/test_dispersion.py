"""Dispersion on small inputs worked out by hand."""

import pytest

from helpers.analysis.dispersion import dispersion, juilland_d


def test_dispersion_and_juilland_d(tokens_of):
    tokens = tokens_of(
        {"A": [["产业链", "a"], ["b", "产业链"]], "B": [["c", "产业链"], ["d", "e"]]}
    )
    spots = dispersion(tokens, "产业链", by="locality")
    # A has 4 tokens: offsets 0 and 3 -> 0/4, 3/4; B: offset 1 of 4 -> 0.25
    assert spots[["locality", "offset", "relative"]].values.tolist() == [
        ["A", 0, 0.0],
        ["A", 3, 0.75],
        ["B", 1, 0.25],
    ]
    # relative frequencies 2/4 and 1/4: mean 0.375, sd 0.125, V = 1/3, D = 1 - (1/3)/sqrt(1) = 2/3
    assert juilland_d(tokens, "产业链", "locality") == pytest.approx(2 / 3)
