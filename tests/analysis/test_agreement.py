"""Agreement measures on tiny hand-made cases whose values are worked out by hand."""

import math

import pandas as pd
import pytest

from helpers.analysis import agreement


def test_kappa_precision_and_recall_of_a_known_case():
    # 10 sentences: coder and hand agree on 3 positives and 5 negatives, 1 each way apart.
    gold = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    coded = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]
    scores = agreement.binary_scores(gold, coded)
    # observed agreement 0.8; chance 0.4*0.4 + 0.6*0.6 = 0.52; kappa = 0.28 / 0.48
    assert scores["kappa"] == pytest.approx(0.28 / 0.48)
    assert (scores["support"], scores["predicted"], scores["tp"]) == (4, 4, 3)
    assert scores["precision"] == scores["recall"] == scores["f1"] == pytest.approx(0.75)


def test_perfect_and_chance_agreement():
    assert agreement.binary_scores([1, 0, 1, 0], [1, 0, 1, 0])["kappa"] == pytest.approx(1.0)
    assert agreement.binary_scores([1, 1, 0, 0], [1, 0, 1, 0])["kappa"] == pytest.approx(0.0)


def test_undefined_measures_are_nan_not_zero_or_errors():
    never_given = agreement.binary_scores([1, 0, 0], [0, 0, 0])
    assert math.isnan(never_given["precision"]) and never_given["recall"] == 0.0
    constant = agreement.binary_scores([0, 0, 0], [0, 0, 0])
    assert math.isnan(constant["kappa"]) and math.isnan(constant["recall"])


def test_per_code_and_micro_averages():
    gold = [{"a"}, {"a", "b"}, set(), {"b"}]
    coded = [{"a"}, {"a"}, {"b"}, {"b"}]
    table = agreement.per_code(gold, coded, ["a", "b", "c"])
    assert table.set_index("code")[["support", "predicted", "tp"]].to_dict("index") == {
        "a": {"support": 2, "predicted": 2, "tp": 2},
        "b": {"support": 2, "predicted": 2, "tp": 1},
        "c": {"support": 0, "predicted": 0, "tp": 0},
    }
    micro = agreement.micro(table)
    assert (micro["precision"], micro["recall"]) == (0.75, 0.75)
    # a: kappa 1; b: observed 0.5, chance 0.5: kappa 0; c constant: left out of the mean
    assert micro["mean_kappa"] == pytest.approx(0.5) and micro["codes_with_kappa"] == 2


def test_micro_of_nothing_coded_is_nan():
    empty = pd.DataFrame({"support": [0], "predicted": [0], "tp": [0], "kappa": [float("nan")]})
    result = agreement.micro(empty)
    assert math.isnan(result["precision"]) and math.isnan(result["mean_kappa"])
