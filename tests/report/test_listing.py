"""The report list: computed from the corpus, every notebook listed, the required reports
there, overrides and extras from reports.csv, a bad line named."""

import pandas as pd
import pytest

from helpers import cli, config
from helpers.build import pipeline
from helpers.errors import InputError
from helpers.report.listing import corpus_reports, read_report_file, read_report_list

TERMS = [{"term": "产业链", "name": "chain", "gloss": "industrial chain"}]

REQUIRED = {
    "00_data_quality": [{}],
    "10_corpus_overview": [{}],
    "20_locality_profile": [{"locality": "衡阳市"}, {"locality": "云阳县"}, {"locality": "漯河市"}],
    "30_compare_localities": [{}],
    "40_locality_over_time": [{"locality": "衡阳市"}],
    "50_term_explorer": [{"term": "产业链"}, {"term": "招商"}],
}


def test_the_report_list_covers_every_notebook_and_the_required_reports():
    pipeline.ensure_processed_data(progress=False)
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
        read_report_file(listing, notebooks_dir=tmp_path)
    assert str(listing) in str(error.value) and "line " in str(error.value)


def test_unknown_report_names_are_refused_before_anything_runs(capsys):
    assert cli.main(["reports", "--only", "no_such_report", "--quiet"]) == cli.EXIT_BAD_INPUT
    assert "no_such_report" in capsys.readouterr().err


def articles_of(rows):
    return pd.DataFrame(rows, columns=["locality", "year"]).astype({"year": "Int64"})


def test_a_new_locality_gets_its_profile_and_a_place_in_the_comparison():
    articles = articles_of(
        [
            ("衡阳市", 2020),
            ("衡阳市", 2022),
            ("衡阳市", 2024),
            ("株洲市", 2023),
            ("泸溪县", 2023),
            ("泸溪县", 2024),
        ]
    )
    reports = {report.name: report for report in corpus_reports(articles, TERMS)}
    assert list(reports) == [
        "00_data_quality",
        "10_corpus_overview",
        "20_locality_profile_hengyang",
        "20_locality_profile_luxi",
        "20_locality_profile_zhuzhou",
        "30_compare_localities",
        "40_locality_over_time_hengyang",
        "40_locality_over_time_luxi",
        "50_term_explorer_chain",
    ]
    assert reports["20_locality_profile_zhuzhou"].parameters == {"locality": "株洲市"}
    assert reports["20_locality_profile_zhuzhou"].title == "株洲市 Zhuzhou: locality profile"
    assert reports["30_compare_localities"].parameters == {}  # the notebook compares all
    assert reports["30_compare_localities"].title == "Comparing 衡阳市, 泸溪县 and 株洲市"
    assert reports["40_locality_over_time_luxi"].title == "泸溪县 Luxi over time: 2023, 2024"
    assert reports["50_term_explorer_chain"].parameters == {"term": "产业链"}


def test_one_locality_gets_no_comparison_and_many_get_a_counted_title():
    assert "30_compare_localities" not in {
        r.name for r in corpus_reports(articles_of([("衡阳市", 2020)]), [])
    }
    places = [
        (f"{name}市", 2020) for name in ["宜宾", "株洲", "湘潭", "岳阳", "常德", "益阳", "郴州"]
    ]
    (compare,) = [r for r in corpus_reports(articles_of(places), []) if r.notebook.startswith("30")]
    assert compare.title == "Comparing 7 localities"


def test_reports_csv_overrides_a_computed_report_and_adds_others(tmp_path, monkeypatch):
    pipeline.ensure_processed_data(progress=False)
    listing = tmp_path / "reports.csv"
    listing.write_text(
        "name,notebook,title,parameters\n"
        '20_locality_profile_luohe,20_locality_profile,Luohe at length,"{""locality"": ""漯河市"", '
        '""top_terms"": 30}"\n'
        '30_compare_two,30_compare_localities,Two cities,"{""localities"": [""衡阳市"", ""漯河市""]}"\n',
        encoding="utf-8",
    )
    listed = {report.name: report for report in read_report_list(listing)}
    assert listed["20_locality_profile_luohe"].parameters == {"locality": "漯河市", "top_terms": 30}
    assert listed["30_compare_two"].title == "Two cities"
    assert list(listed)[-1] == "30_compare_two"
