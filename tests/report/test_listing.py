"""The report list: every notebook listed, the required reports there, a bad line named."""

import pytest

from helpers import cli, config
from helpers.errors import InputError
from helpers.report.listing import read_report_list

REQUIRED = {
    "00_data_quality": [{}],
    "10_corpus_overview": [{}],
    "20_locality_profile": [{"locality": "衡阳市"}, {"locality": "云阳县"}, {"locality": "漯河市"}],
    "30_compare_localities": [{}],
    "40_locality_over_time": [{"locality": "衡阳市"}],
    "50_term_explorer": [{"term": "产业链"}, {"term": "招商"}],
}


def test_the_report_list_covers_every_notebook_and_the_required_reports():
    listed = read_report_list()
    notebooks = {path.stem for path in config.NOTEBOOKS_DIR.glob("*.ipynb")}
    assert {r.notebook for r in listed} == notebooks
    for notebook, parameter_sets in REQUIRED.items():
        run_with = [r.parameters for r in listed if r.notebook == notebook]
        for parameters in parameter_sets:
            assert any(parameters.items() <= given.items() for given in run_with), (
                notebook,
                parameters,
            )


@pytest.mark.parametrize(
    "row,problem",
    [
        ("bad name!,t,T,{}", "not a plain file name"),
        ("index,t,T,{}", "not a plain file name"),
        ("Index,t,T,{}", "not a plain file name"),  # index.html on a case-insensitive disk
        ("INDEX,t,T,{}", "not a plain file name"),
        ("a,missing_notebook,T,{}", "no notebook"),
        ("a,t,T,{not json", "not JSON"),
        ('a,t,T,"[1, 2]"', "JSON object"),
        ("a,t,T,{}\na,t,T,{}", "appears twice"),
    ],
)
def test_a_bad_report_list_names_the_line_and_the_problem(tmp_path, row, problem):
    (tmp_path / "t.ipynb").write_text("{}")
    listing = tmp_path / "reports.csv"
    listing.write_text("name,notebook,title,parameters\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_report_list(listing, notebooks_dir=tmp_path)
    assert str(listing) in str(error.value) and "line " in str(error.value)


def test_unknown_report_names_are_refused_before_anything_runs(capsys):
    assert cli.main(["reports", "--only", "no_such_report", "--quiet"]) == cli.EXIT_BAD_INPUT
    assert "no_such_report" in capsys.readouterr().err
