"""A report of one's own: one notebook run with command-line parameters."""

import pytest

from helpers import cli, config
from helpers.build import pipeline
from helpers.report import export, runner
from helpers.report.custom import custom_report, notebook_parameters
from helpers.report.stamps import read_stamp


def test_the_parameters_of_a_notebook_are_read_from_its_parameters_cell():
    assert notebook_parameters(config.NOTEBOOKS_DIR / "50_term_explorer.ipynb") == [
        "term",
        "include_compounds",
        "window",
        "max_lines",
    ]


def test_values_are_json_where_they_parse_and_text_otherwise():
    report = custom_report(
        "30_compare_localities", ['localities=["衡阳市", "漯河市"]', "top_terms=5"]
    )
    assert report.name == "30_compare_localities_custom"
    assert report.parameters == {"localities": ["衡阳市", "漯河市"], "top_terms": 5}


@pytest.mark.parametrize(
    "argv, problem",
    [
        (["--notebook", "20_locality_profile", "--param", "city=株洲市"], "not NAME=VALUE"),
        (["--notebook", "20_locality_profile", "--param", "locality"], "not NAME=VALUE"),
        (["--notebook", "99_nothing"], "no notebook '99_nothing'"),
        (["--param", "locality=株洲市"], "needs --notebook"),
    ],
)
def test_a_bad_custom_report_is_refused_in_one_line_before_anything_runs(capsys, argv, problem):
    assert cli.main(["reports", "--quiet", *argv]) == cli.EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert problem in error and error.count("\n") == 1


@pytest.mark.notebooks
def test_a_custom_report_runs_the_notebook_with_its_parameters(tmp_path):
    pipeline.ensure_processed_data(progress=False)
    report = custom_report("50_term_explorer", ["term=招商", "max_lines=3"])
    assert runner.run_reports([report], reports_dir=tmp_path, jobs=1, progress=False) == [], (
        read_stamp(tmp_path, report.name).get("error")
    )
    page = (tmp_path / "50_term_explorer_custom.html").read_text(encoding="utf-8")
    assert "招商" in export.visible_text(page)
