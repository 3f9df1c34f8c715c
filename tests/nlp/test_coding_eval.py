"""The validation of the codebooks: the set loads, sentences resolve in their articles, the
figures are computed from the coder's output, and untrusted codes are flagged."""

import csv

import pytest

from helpers.errors import InputError
from helpers.nlp import coding_eval, themes

COLUMNS = [
    "origin",
    "split",
    "file",
    "part",
    "sentence_id",
    "text",
    "themes",
    "instruments",
    "note",
]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({**dict.fromkeys(COLUMNS, ""), **row})
    return path


def test_the_validation_set_has_dev_rows_with_known_codes_only():
    rows = coding_eval.load()
    assert len(rows[rows["split"] == "dev"]) >= 100
    known = {c.code for c in themes.codes()}
    assert all(codes <= known for codes in rows["gold_theme"])
    assert all(codes <= known for codes in rows["gold_instrument"])


def test_dev_sentences_are_coded_in_their_articles():
    result = coding_eval.evaluate()["dev"]
    assert result["in_article"] == result["sentences"]  # every row resolves to its article
    table = result["per_code"]
    assert set(table["dimension"]) == set(themes.DIMENSIONS)
    assert len(table) == len(themes.codes())
    assert list(result["sides"]["side"]) == list(themes.SIDES)


def test_figures_come_from_the_coder(tmp_path):
    path = write(
        tmp_path / "v.csv",
        [
            # coded right: theme and instrument
            {
                "origin": "none",
                "split": "heldout",
                "file": "x.txt",
                "part": 0,
                "sentence_id": 0,
                "text": "要开展驻点招商。",
                "themes": "investment_attraction",
                "instruments": "investment_promotion",
            },
            # the hand coder saw no theme the coder gives: one false positive
            {
                "origin": "none",
                "split": "heldout",
                "file": "x.txt",
                "part": 0,
                "sentence_id": 1,
                "text": "市委书记王明主持会议。要优化营商环境。",
                "themes": "",
                "instruments": "",
            },
            # a hand code the coder misses: one false negative
            {
                "origin": "none",
                "split": "heldout",
                "file": "x.txt",
                "part": 0,
                "sentence_id": 2,
                "text": "坚持落地为大。",
                "themes": "major_projects",
                "instruments": "",
            },
        ],
    )
    coding_eval.trust.cache_clear()
    result = coding_eval.evaluate(path)
    assert list(result) == ["heldout"]
    figures = result["heldout"]
    assert figures["in_article"] == 0  # no such file: each text coded alone
    by_code = figures["per_code"].set_index("code")
    assert by_code.loc["investment_attraction", ["support", "predicted", "tp"]].tolist() == [
        1,
        1,
        1,
    ]
    assert by_code.loc["business_environment", ["support", "predicted", "tp"]].tolist() == [0, 1, 0]
    assert by_code.loc["major_projects", "recall"] == 0.0
    theme = figures["dimensions"]["theme"]
    assert (theme["tp"], theme["predicted"], theme["support"]) == (1, 2, 2)
    investment = figures["sides"].set_index("side").loc["investment"]
    assert (investment["precision"], investment["recall"]) == (1.0, 1.0)
    trust = coding_eval.trust(path).set_index("code")
    assert trust.loc["investment_attraction", "trusted"] is True
    assert trust.loc["business_environment", "trusted"] is False  # 0% on the held-out split
    assert trust.loc["finance", "trusted"] is None  # never coded: not measured
    assert set(trust["split"]) == {"heldout"}


def test_agreement_is_read_back_from_the_cache_as_measured_and_remeasured_when_the_set_changes(
    tmp_path,
):
    path = tmp_path / "validation.csv"
    path.write_bytes(coding_eval.VALIDATION_FILE.read_bytes())
    measured = coding_eval._measured(path)
    coding_eval.evaluate.cache_clear()
    first = coding_eval.evaluate(path)  # measures and keeps it
    coding_eval.evaluate.cache_clear()
    cached = coding_eval.evaluate(path)  # from the cache folder
    for result in (first, cached):
        assert result.keys() == measured.keys()
        for split, figures in measured.items():
            assert result[split]["per_code"].equals(figures["per_code"])
            assert result[split]["dimensions"] == figures["dimensions"]
    key = coding_eval._inputs_digest(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert coding_eval._inputs_digest(path) != key


def test_trust_is_measured_on_dev_while_no_heldout_rows_exist():
    trust = coding_eval.trust()
    assert set(trust["split"]) <= {"dev", "heldout"}
    measured = trust[trust["precision"].notna()]
    assert (measured["trusted"] == (measured["precision"] >= coding_eval.MIN_PRECISION)).all()
    flagged = measured[measured["trusted"] == False]  # noqa: E712 (object column of bools)
    for code in flagged["code"]:
        assert coding_eval.warning(code).startswith("⚠ precision")
    for code in measured[measured["trusted"] == True]["code"]:  # noqa: E712
        assert coding_eval.warning(code) == ""


def test_an_unknown_code_is_a_one_line_error(tmp_path):
    path = write(
        tmp_path / "v.csv",
        [
            {
                "origin": "seed",
                "split": "dev",
                "file": "x.txt",
                "part": 0,
                "sentence_id": 0,
                "text": "x",
                "themes": "no_such_code",
            }
        ],
    )
    with pytest.raises(InputError, match=r"v.csv: line 2: unknown code \['no_such_code'\]"):
        coding_eval.load(path)


def test_summary_lines_give_each_split_and_dimension():
    lines = coding_eval.summary_lines(coding_eval.evaluate())
    text = "\n".join(lines)
    assert "dev: " in text and "themes" in text and "instruments" in text and "sides" in text
    assert any(line.strip().startswith("investment_promotion") for line in lines)
