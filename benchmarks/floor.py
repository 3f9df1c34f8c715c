"""The floor a report build is measured against: empty notebooks in the runner's worker pool."""

import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from helpers.report import runner


def _execute_only(source: str, executed: str) -> None:
    import papermill

    papermill.execute_notebook(source, executed, **runner.PAPERMILL_OPTIONS)


def floor_seconds(count: int, jobs: int | None = None) -> float:
    """Wall-clock seconds to execute ``count`` empty notebooks in the runner's worker pool.

    Same pool, same worker start-up, same papermill options as ``make reports``, nothing to
    compute and nothing to export; each empty notebook gets a kernel of its own, as papermill
    gives by default (the reports share warm kernels, see :mod:`helpers.report.kernels`).
    """
    with tempfile.TemporaryDirectory(prefix="helpers-floor-") as scratch:
        source = Path(scratch) / "empty.ipynb"
        notebook = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})]
        )
        notebook.metadata["kernelspec"] = runner.KERNELSPEC
        nbformat.write(notebook, source)
        jobs = runner.pool_size(jobs, count)
        started = time.perf_counter()
        with ProcessPoolExecutor(
            max_workers=jobs,
            initializer=runner.start_worker,
            initargs=(str(Path(scratch) / "kernels.log"), os.getpid()),
        ) as pool:
            list(
                pool.map(
                    _execute_only,
                    [str(source)] * count,
                    [str(Path(scratch) / f"out{i}.ipynb") for i in range(count)],
                )
            )
        return time.perf_counter() - started
