"""The report runner: report list, staleness, skipping unchanged reports, failures, index."""

import json
import os
import time

import nbformat
import pytest

from helpers import cli, config
from helpers.build import freshness
from helpers.report import runner
from helpers.errors import InputError

REQUIRED = {
    "00_data_quality": [{}],
    "10_corpus_overview": [{}],
    "20_locality_profile": [{"locality": "衡阳市"}, {"locality": "云阳县"}, {"locality": "漯河市"}],
    "30_compare_localities": [{}],
    "40_locality_over_time": [{"locality": "衡阳市"}],
    "50_term_explorer": [{"term": "产业链"}, {"term": "招商"}],
}


# -- the report list ---------------------------------------------------------------------------

def test_the_report_list_covers_every_notebook_and_the_required_reports():
    listed = runner.read_report_list()
    notebooks = {path.stem for path in config.NOTEBOOKS_DIR.glob("*.ipynb")}
    assert {r.notebook for r in listed} == notebooks
    for notebook, parameter_sets in REQUIRED.items():
        run_with = [r.parameters for r in listed if r.notebook == notebook]
        for parameters in parameter_sets:
            assert any(parameters.items() <= given.items() for given in run_with), (notebook, parameters)


@pytest.mark.parametrize("row,problem", [
    ("bad name!,t,T,{}", "not a plain file name"),
    ("index,t,T,{}", "not a plain file name"),
    ("a,missing_notebook,T,{}", "no notebook"),
    ("a,t,T,{not json", "not JSON"),
    ('a,t,T,"[1, 2]"', "JSON object"),
    ("a,t,T,{}\na,t,T,{}", "appears twice"),
])
def test_a_bad_report_list_names_the_line_and_the_problem(tmp_path, row, problem):
    (tmp_path / "t.ipynb").write_text("{}")
    listing = tmp_path / "reports.csv"
    listing.write_text("name,notebook,title,parameters\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        runner.read_report_list(listing, notebooks_dir=tmp_path)
    assert str(listing) in str(error.value) and "line " in str(error.value)


def test_unknown_report_names_are_refused_before_anything_runs(capsys):
    assert cli.main(["reports", "--only", "no_such_report", "--quiet"]) == cli.EXIT_BAD_INPUT
    assert "no_such_report" in capsys.readouterr().err


# -- processed-data staleness ------------------------------------------------------------------

def test_processed_data_is_stale_when_missing_or_older_than_raw(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    processed.mkdir()
    (raw / "a.txt").write_text("x")
    assert freshness.processed_is_stale(processed, raw)  # nothing built yet
    future = time.time() + 3600  # newer than every package file too
    for path in runner.tables.table_paths(processed).values():
        path.write_bytes(b"")
        os.utime(path, (future, future))
    assert not freshness.processed_is_stale(processed, raw)
    os.utime(raw / "a.txt", (future + 10, future + 10))
    assert freshness.processed_is_stale(processed, raw)


def test_presentation_code_does_not_make_the_data_stale():
    data_side = {str(p.relative_to(config.PACKAGE_DIR)) for p in freshness.package_files(presentation=False)}
    assert {"build/core.py", "nlp/segment.py", "data/codebook.csv"} <= data_side
    assert not {p for p in data_side if p.split("/")[0] in ("report", "analysis")}
    everything = {str(p.relative_to(config.PACKAGE_DIR)) for p in freshness.package_files(presentation=True)}
    assert {"report/runner.py", "analysis/keyness.py", "report/data/glossary.csv"} <= everything


# -- running reports on small notebooks --------------------------------------------------------

def make_notebook(path, body: str, summary: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = runner.KERNELSPEC
    notebook.cells = [
        nbformat.v4.new_code_cell('word = "产业链"  # what to say', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
        nbformat.v4.new_code_cell(summary, metadata={"tags": ["summary"]}),
    ]
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Two good reports and a failing one, built once; later tests rebuild from there."""
    root = tmp_path_factory.mktemp("project")
    notebooks, out = root / "notebooks", root / "reports"
    notebooks.mkdir()
    make_notebook(notebooks / "say.ipynb", "print(word * 2)", 'print(f"said {word}")')
    make_notebook(notebooks / "boom.ipynb", 'raise ValueError(f"no such word: {word}")', 'print("never")')
    listed = [runner.Report("say_chain", "say", "说 Say", {"word": "产业链"}),
              runner.Report("say_invest", "say", "说 Say", {"word": "招商"}),
              runner.Report("boom", "boom", "Boom", {})]
    source = (notebooks / "say.ipynb").read_bytes()
    run = dict(notebooks_dir=notebooks, reports_dir=out, processed_dir=root / "processed", jobs=2, progress=True)
    failures = runner.run_reports(listed, **run)
    return {"listed": listed, "run": run, "out": out, "failures": failures, "source": source,
            "notebooks": notebooks}


def test_a_failing_report_is_named_and_the_others_are_built(project):
    out = project["out"]
    assert project["failures"] == ["boom"]
    assert {p.name for p in out.glob("*.html")} == {"say_chain.html", "say_invest.html", "boom.html", "index.html"}
    assert "产业链产业链" in (out / "say_chain.html").read_text(encoding="utf-8")
    assert "招商招商" in (out / "say_invest.html").read_text(encoding="utf-8")


def test_a_failing_report_still_has_a_page_showing_the_error(project):
    page = (project["out"] / "boom.html").read_text(encoding="utf-8")
    assert "This report failed." in page and "no such word: 产业链" in page


def test_the_index_links_every_report_with_its_summary(project):
    from helpers.report.export import visible_text

    index = (project["out"] / "index.html").read_text(encoding="utf-8")
    for name in ("say_chain", "say_invest", "boom"):
        assert f'href="{name}.html"' in index
    text = visible_text(index)
    assert "said 产业链" in text and "said 招商" in text and "failed" in text


def test_executed_notebooks_go_to_the_build_folder_not_over_the_source(project):
    assert (project["notebooks"] / "say.ipynb").read_bytes() == project["source"]
    executed = nbformat.read(project["out"] / runner.BUILD_DIRNAME / "say_chain.ipynb", as_version=4)
    assert runner.notebook_summary(executed) == "said 产业链"


def test_unchanged_reports_are_skipped_and_changed_ones_rebuilt(project, capsys):
    out, listed = project["out"], project["listed"]
    chain_page = (out / "say_chain.html").stat().st_mtime_ns
    capsys.readouterr()
    good = listed[:2]
    started = time.perf_counter()
    assert runner.run_reports(good, **project["run"]) == []
    assert time.perf_counter() - started < 3  # nothing executed: no worker even started
    assert "0 built, 2 unchanged" in capsys.readouterr().err
    assert (out / "say_chain.html").stat().st_mtime_ns == chain_page

    changed = [good[0], runner.Report("say_invest", "say", "说 Say", {"word": "营商环境"})]
    assert runner.run_reports(changed, **project["run"]) == []
    assert "1 built, 1 unchanged" in capsys.readouterr().err
    assert (out / "say_chain.html").stat().st_mtime_ns == chain_page
    assert "营商环境营商环境" in (out / "say_invest.html").read_text(encoding="utf-8")


def test_a_failed_report_is_retried_and_its_failure_reported_again(project, capsys):
    assert runner.run_reports(project["listed"][2:], **project["run"]) == ["boom"]
    err = capsys.readouterr().err
    assert "1 built" in err and "failed: boom" in err and "1 report(s) failed: boom" in err


def test_the_stamp_records_what_the_index_needs(project):
    stamp = json.loads((project["out"] / runner.BUILD_DIRNAME / "say_chain.json").read_text(encoding="utf-8"))
    assert stamp["ok"] and stamp["summary"] == "said 产业链" and stamp["seconds"] > 0
    assert len(stamp["key"]) == 64


def test_the_floor_runs_an_empty_notebook_in_the_pool():
    # One notebook in one worker (about 1.5 s): that the floor works; `make bench` measures it.
    seconds = runner.floor_seconds(1, jobs=1)
    assert 0 < seconds < 15
