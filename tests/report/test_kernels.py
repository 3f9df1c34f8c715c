"""Warm kernels: one kernel runs report after report, each as if in a new kernel."""

import os
import time
from pathlib import Path

import nbformat
import papermill
import pytest

from helpers.build import freshness, pipeline
from helpers.report import kernels, runner
from helpers.report.listing import Report, read_report_list

DIRTY = """
%load_ext autoreload
%autoreload 2
import os
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
leftover = 1
_private = 2
matplotlib.rcParams["font.size"] = 31
pd.set_option("display.max_rows", 3)
plt.figure()
os.chdir("/")
leftover
"""

CHECK = """
%load_ext autoreload
%autoreload 2
import os
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
print("leftover" in dir(), "_private" in dir(), len(_oh), matplotlib.rcParams["font.size"],
      pd.get_option("display.max_rows"), plt.get_fignums(), os.getcwd())
"""


def notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    nb.metadata["kernelspec"] = runner.KERNELSPEC
    nbformat.write(nb, path)
    return path


def run(kernel: kernels.WarmKernel, source: Path) -> nbformat.NotebookNode:
    executed = source.with_suffix(".out.ipynb")
    papermill.execute_notebook(
        str(source),
        str(executed),
        cwd=str(source.parent),
        **runner.PAPERMILL_OPTIONS,
        engine_name=kernels.ENGINE_NAME,
        warm_kernel=kernel.ready(str(source.parent)),
    )
    return nbformat.read(executed, as_version=4)


@pytest.fixture
def kernel():
    warm = kernels.WarmKernel(runner.KERNEL_NAME)
    yield warm
    warm.discard()


def test_the_next_notebook_sees_nothing_of_the_previous_one(kernel, tmp_path):
    fresh = run(kernel, notebook(tmp_path / "fresh.ipynb", CHECK)).cells[0]
    pid = kernel.manager.provisioner.pid
    run(kernel, notebook(tmp_path / "dirty.ipynb", DIRTY))
    after = run(kernel, notebook(tmp_path / "check.ipynb", CHECK)).cells[0]
    assert kernel.manager.provisioner.pid == pid, "the same kernel ran all three"
    # No "autoreload is already loaded" line, no names, outputs, settings, figures or
    # working directory left over: the same output as in the kernel's first notebook.
    assert [o["text"] for o in after.outputs] == [o["text"] for o in fresh.outputs]
    assert after.outputs[0]["text"] == f"False False 0 10.0 60 [] {tmp_path}\n"
    assert after.execution_count == 1


def test_every_notebook_on_a_warm_kernel_shows_its_figures(kernel, tmp_path):
    plot = notebook(
        tmp_path / "plot.ipynb", "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3]);"
    )
    for _ in range(2):
        outputs = run(kernel, plot).cells[0].outputs
        assert [list(o.get("data", {})) for o in outputs] == [["image/png", "text/plain"]]


def test_a_failed_report_leaves_a_new_kernel_for_the_next(tmp_path):
    (tmp_path / "notebooks").mkdir()
    notebook(tmp_path / "notebooks" / "boom.ipynb", "raise ValueError('boom')")
    notebook(tmp_path / "notebooks" / "good.ipynb", "print('fine')")
    warm = kernels.WarmKernel(runner.KERNEL_NAME)
    try:
        tasks = {
            name: runner._task(
                Report(name, name, name),
                tmp_path / "notebooks",
                tmp_path / "reports",
                "data",
                "package",
                False,
                "now",
            )
            for name in ("boom", "good")
        }
        warm.ready(str(tmp_path))
        first = warm.manager
        assert not runner._execute(tasks["boom"], warm).ok
        assert warm.manager is None, "the failed report's kernel was shut down"
        assert runner._execute(tasks["good"], warm).ok
        assert warm.manager is not first
    finally:
        warm.discard()


@pytest.mark.parametrize(
    "cell,error",
    [
        ("while True:\n    pass", "CellTimeoutError"),
        ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "DeadKernelError"),
    ],
)
def test_a_hung_cell_or_a_dead_kernel_ends_the_report_promptly(kernel, tmp_path, cell, error):
    source = notebook(tmp_path / "stuck.ipynb", cell)
    started = time.perf_counter()
    with pytest.raises(Exception) as caught:
        papermill.execute_notebook(
            str(source),
            str(tmp_path / "out.ipynb"),
            cwd=str(tmp_path),
            execution_timeout=3,
            **runner.PAPERMILL_OPTIONS,
            engine_name=kernels.ENGINE_NAME,
            warm_kernel=kernel.ready(str(tmp_path)),
        )
    assert error in f"{type(caught.value).__name__}: {caught.value}"
    assert time.perf_counter() - started < 60


def kernels_in(folder: Path) -> list[int]:
    """Processes whose working directory is ``folder`` (the report kernels started there)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.readlink(entry / "cwd") == str(folder):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_no_kernel_outlives_the_report_pool(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    notebook(notebooks / "say.ipynb", "print('said')")
    listed = [Report(f"say{i}", "say", "Say") for i in range(3)]
    failures = runner.run_reports(
        listed,
        notebooks_dir=notebooks,
        reports_dir=tmp_path / "reports",
        processed_dir=tmp_path / "processed",
        jobs=2,
        progress=False,
    )
    assert failures == []
    assert kernels_in(notebooks) == []


@pytest.mark.notebooks
def test_reports_on_one_warm_kernel_equal_reports_on_fresh_kernels(tmp_path):
    from helpers import config
    from helpers.build import tables

    pipeline.ensure_processed_data(progress=False)
    listed = {r.name: r for r in read_report_list()}
    # The overview leaves figures, settings and names behind for the profile to trip on.
    names = ["10_corpus_overview", "20_locality_profile_luohe"]
    data, package = tables.fingerprint(None), freshness.package_fingerprint()

    def outputs(kernel, folder):
        found = {}
        for name in names:
            task = runner._task(
                listed[name], config.NOTEBOOKS_DIR, folder, data, package, False, "now"
            )
            assert runner._execute(task, kernel).ok
            cells = nbformat.read(task.executed, as_version=4).cells
            found[name] = [(c.get("execution_count"), c.get("outputs")) for c in cells]
        return found

    warm = kernels.WarmKernel(runner.KERNEL_NAME)
    try:
        on_warm = outputs(warm, tmp_path / "warm")
    finally:
        warm.discard()
    assert on_warm == outputs(None, tmp_path / "fresh")
