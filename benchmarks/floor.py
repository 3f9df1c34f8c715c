"""The floor a report build is measured against: the work it cannot avoid.

One kernel warm-up per worker of the report pool (the worker's imports of papermill and
nbconvert, a kernel start and the warm-up imports, :mod:`helpers.report.kernels`), all the
workers warming up at once as they do in ``make reports``; plus the time the notebooks'
cells took (papermill's record of each cell in the executed notebooks) divided by the
workers. Neither side counts building the processed data.
"""

import json
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

import nbformat

from helpers.report import runner


def _warm_up(log_file: str, parent: int, cwd: str) -> None:
    from helpers.report.kernels import WarmKernel

    runner.start_worker(log_file, parent)
    kernel = WarmKernel(runner.KERNEL_NAME)
    kernel.ready(cwd)
    kernel.discard()


def warm_up_seconds(workers: int, cwd: Path) -> float:
    """Wall-clock seconds for ``workers`` processes to warm up one kernel each, at once."""
    with tempfile.TemporaryDirectory(prefix="helpers-floor-") as scratch:
        log = str(Path(scratch) / "kernels.log")
        started = time.perf_counter()
        processes = [
            multiprocessing.Process(target=_warm_up, args=(log, os.getpid(), str(cwd)))
            for _ in range(workers)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        return time.perf_counter() - started


def cell_seconds(build_dir: Path, names: list[str]) -> float:
    """Seconds the cells of the executed notebooks took, summed (papermill's durations)."""
    total = 0.0
    for name in names:
        notebook = nbformat.read(build_dir / f"{name}.ipynb", as_version=4)
        total += sum(
            cell.metadata.get("papermill", {}).get("duration") or 0 for cell in notebook.cells
        )
    return total


def report_seconds(build_dir: Path, names: list[str]) -> list[float]:
    """Each report's own seconds as the runner recorded them (execution and export)."""
    return [json.loads((build_dir / f"{name}.json").read_text())["seconds"] for name in names]
