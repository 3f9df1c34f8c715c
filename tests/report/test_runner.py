"""The report runner: staleness, skipping unchanged reports, failures, stamps, index."""

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from helpers.report import runner
from helpers.report.index import notebook_summary
from helpers.report.listing import Report
from helpers.report.stamps import BUILD_DIRNAME
from tests.conftest import processes_with

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


# -- faults -------------------------------------------------------------------------------------


def test_a_page_that_cannot_be_written_is_failed_on_the_index_and_the_rest_are_built(
    project, tmp_path, monkeypatch
):
    from helpers.report import export

    real = export.write_page

    def full_for_chain(path, page):
        if path.name == "say_chain.html":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, page)

    monkeypatch.setattr(export, "write_page", full_for_chain)  # the workers fork with it
    run = {**project["run"], "reports_dir": tmp_path / "reports"}
    failures = runner.run_reports(project["listed"][:2], **run)
    assert failures == ["say_chain"]
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "No space left on device" in index and "status-failed" in index
    assert (tmp_path / "reports" / "say_invest.html").exists()
    assert not (tmp_path / "reports" / "say_chain.html").exists()


def test_an_index_that_cannot_be_written_is_a_one_line_error(project, tmp_path, monkeypatch):
    from helpers.errors import InputError
    from helpers.report import runner as module

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(module, "write_index", full)
    run = {**project["run"], "reports_dir": tmp_path / "reports"}
    with pytest.raises(InputError, match="index.html: cannot write the index: No space left"):
        runner.run_reports(project["listed"][:1], **run)


def test_two_builds_of_the_same_inputs_give_the_same_pages_but_the_build_time(project, tmp_path):
    pages = []
    for attempt in ("first", "second"):
        run = {**project["run"], "reports_dir": tmp_path / attempt}
        assert runner.run_reports(project["listed"][:1], **run) == []
        page = (tmp_path / attempt / "say_chain.html").read_text(encoding="utf-8")
        pages.append(re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "<time>", page))
    assert pages[0] == pages[1]


def test_temp_files_of_a_killed_write_are_swept(project, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / ".say_chain.html.x1y2.tmp").write_text("half a page")
    runner.run_reports(project["listed"][:1], **{**project["run"], "reports_dir": out})
    assert not list(out.glob(".*.tmp"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_nothing_runs_on_after_kill_9_of_make_reports(project, tmp_path):
    marker = f"HELPERS_TEST_MARKER={tmp_path.name}"
    notebooks = project["notebooks"]
    make_notebook(notebooks / "slow.ipynb", "import time\ntime.sleep(60)", 'print("done")')
    script = (
        "from pathlib import Path\nfrom helpers.report import runner\n"
        "from helpers.report.listing import Report\n"
        f"runner.run_reports([Report('slow_a', 'slow', 'A', {{}}), Report('slow_b', 'slow', 'B', {{}})],"
        f" notebooks_dir=Path({str(notebooks)!r}), reports_dir=Path({str(tmp_path / 'r')!r}), jobs=2, progress=False)\n"
    )
    env = {**os.environ, marker.split("=")[0]: marker.split("=")[1]}
    parent = subprocess.Popen([sys.executable, "-c", script], env=env)
    deadline = time.monotonic() + 60
    while (
        len(processes_with(marker)) < 5 and time.monotonic() < deadline
    ):  # parent, 2 workers, 2 kernels
        time.sleep(0.5)
    assert len(processes_with(marker)) >= 5, "the kernels never started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_with(marker) == []
