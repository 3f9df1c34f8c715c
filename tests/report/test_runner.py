"""The report runner: staleness, skipping unchanged reports, failures, stamps, index."""

import json
import time

import nbformat
import pytest

from helpers.report import runner
from helpers.report.index import notebook_summary
from helpers.report.listing import Report
from helpers.report.stamps import BUILD_DIRNAME

# -- running reports on small notebooks --------------------------------------------------------


def make_notebook(path, body: str, summary: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = runner.KERNELSPEC
    notebook.cells = [
        nbformat.v4.new_code_cell(
            'word = "产业链"  # what to say', metadata={"tags": ["parameters"]}
        ),
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
    make_notebook(
        notebooks / "boom.ipynb", 'raise ValueError(f"no such word: {word}")', 'print("never")'
    )
    listed = [
        Report("say_chain", "say", "说 Say", {"word": "产业链"}),
        Report("say_invest", "say", "说 Say", {"word": "招商"}),
        Report("boom", "boom", "Boom", {}),
    ]
    source = (notebooks / "say.ipynb").read_bytes()
    run = dict(
        notebooks_dir=notebooks,
        reports_dir=out,
        processed_dir=root / "processed",
        jobs=2,
        progress=True,
    )
    failures = runner.run_reports(listed, **run)
    return {
        "listed": listed,
        "run": run,
        "out": out,
        "failures": failures,
        "source": source,
        "notebooks": notebooks,
    }


def test_a_failing_report_is_named_and_the_others_are_built(project):
    out = project["out"]
    assert project["failures"] == ["boom"]
    assert {p.name for p in out.glob("*.html")} == {
        "say_chain.html",
        "say_invest.html",
        "boom.html",
        "index.html",
    }
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
    executed = nbformat.read(project["out"] / BUILD_DIRNAME / "say_chain.ipynb", as_version=4)
    assert notebook_summary(executed) == "said 产业链"


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

    changed = [good[0], Report("say_invest", "say", "说 Say", {"word": "营商环境"})]
    assert runner.run_reports(changed, **project["run"]) == []
    assert "1 built, 1 unchanged" in capsys.readouterr().err
    assert (out / "say_chain.html").stat().st_mtime_ns == chain_page
    assert "营商环境营商环境" in (out / "say_invest.html").read_text(encoding="utf-8")


def test_a_failed_report_is_retried_and_its_failure_reported_again(project, capsys):
    assert runner.run_reports(project["listed"][2:], **project["run"]) == ["boom"]
    err = capsys.readouterr().err
    assert "1 built" in err and "failed: boom" in err and "1 report(s) failed: boom" in err


def test_the_stamp_records_what_the_index_needs(project):
    stamp = json.loads(
        (project["out"] / BUILD_DIRNAME / "say_chain.json").read_text(encoding="utf-8")
    )
    assert stamp["ok"] and stamp["summary"] == "said 产业链" and stamp["seconds"] > 0
    assert len(stamp["key"]) == 64
