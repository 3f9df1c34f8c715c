"""Build the HTML reports: execute each notebook of the report list and export it as a page.

``build_reports`` (``make reports``):

1. rebuilds data/processed/ when it is missing or older than its inputs;
2. skips every report whose inputs are unchanged (notebook bytes, parameters, processed-data
   fingerprint, package sources and version, the CODE flag; see :mod:`helpers.report.stamps`);
3. executes the others with papermill's Python API in a pool of worker processes (papermill and
   nbconvert imported once per worker, not once per notebook), each worker running its
   reports one after another on one warm kernel (:mod:`helpers.report.kernels`); executed notebooks
   go to reports/.build/, never over the source notebook;
4. exports each as reports/NAME.html (see :mod:`helpers.report.export`), written atomically; a notebook
   that fails still yields a page showing the error;
5. writes reports/index.html linking every report with its one-line summary
   (:mod:`helpers.report.index`).

The reports come from the report list (:mod:`helpers.report.listing`).
"""

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from helpers import __version__, atomic, config
from helpers.build import freshness, pipeline, tables
from helpers.errors import InputError
from helpers.processes import die_with_parent
from helpers.report.index import notebook_summary, write_index
from helpers.report.listing import Report, read_report_list, select
from helpers.report.stamps import (
    BUILD_DIRNAME,
    read_stamp,
    report_key,
    utc_now,
    write_stamp,
)

KERNEL_NAME = "python3"
# The kernelspec a notebook made by code needs to run (papermill refuses one without).
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3", "language": "python"}
CELL_TIMEOUT_SECONDS = 600
# How papermill runs every notebook, reports and benchmark floor alike. The executed copy is
# written when the run ends rather than after every cell (seconds per report, with images).
PAPERMILL_OPTIONS = {
    "kernel_name": KERNEL_NAME,
    "language": "python",
    "progress_bar": False,
    "request_save_on_cell_execute": False,
}


def pool_size(jobs: int | None, tasks: int) -> int:
    """Workers for ``tasks`` reports: ``jobs`` (default one per CPU), never more than the tasks."""
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


# -- one report, in a worker process ----------------------------------------------------------


@dataclass
class Task:
    """Everything a worker needs to build one report (plain data: it crosses processes)."""

    report: Report
    key: str
    notebook: Path
    executed: Path
    page: Path
    code: bool
    info: dict


@dataclass
class Result:
    """What building one report gave (written to reports/.build/NAME.json)."""

    name: str
    key: str
    ok: bool
    error: str | None
    summary: str
    seconds: float
    built_at: str
    parameters: dict
    title: str


def _task(
    report: Report,
    notebooks_dir: Path,
    reports_dir: Path,
    data: str,
    package: str,
    code: bool,
    built_at: str,
) -> Task:
    """The build of one report: where its notebook, executed copy and page live, and its key."""
    source = notebooks_dir / f"{report.notebook}.ipynb"
    info = {
        "title": report.title,
        "parameters": report.parameters,
        "fingerprint": data,
        "version": __version__,
        "built_at": built_at,
    }
    return Task(
        report,
        report_key(report, source.read_bytes(), data, package, code),
        source,
        reports_dir / BUILD_DIRNAME / f"{report.name}.ipynb",
        reports_dir / f"{report.name}.html",
        code,
        info,
    )


def _record(result: Result, reports_dir: Path) -> None:
    """Keep what the index and the next run need to know about a build."""
    write_stamp(reports_dir, result.name, asdict(result))


_worker_kernel = None  # the warm kernel of a pool worker (helpers.report.kernels)


def start_worker(log_file: str, parent: int) -> None:
    """Import papermill and nbconvert once per worker; send kernel chatter to a log file.

    The worker (and so its kernel) dies with ``parent``, the process running the reports.
    """
    die_with_parent(parent)
    # Every kernel logs "running over TCP without encryption" on the stderr it inherits:
    # into the log, not over the progress bar.
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from helpers.report import export

    export.warm_up()


def _execute_in_worker(task: Task) -> Result:
    """``_execute`` in a pool worker, on the worker's warm kernel (started on first use and
    shut down when the worker ends)."""
    global _worker_kernel
    if _worker_kernel is None:
        from multiprocessing.util import Finalize

        from helpers.report.kernels import WarmKernel

        _worker_kernel = WarmKernel(KERNEL_NAME)
        Finalize(_worker_kernel, _worker_kernel.discard, exitpriority=10)
    return _execute(task, _worker_kernel)


def _execute(task: Task, kernel=None) -> Result:
    """Execute, export and write one report; never raises (a failure is a page and a result).

    ``kernel`` is a :class:`helpers.report.kernels.WarmKernel` to run the notebook on; without
    one, papermill starts and stops a kernel for this notebook alone.
    """
    import nbformat
    import papermill

    from helpers.report import export, kernels

    started = time.perf_counter()
    error, notebook = None, None
    task.executed.parent.mkdir(parents=True, exist_ok=True)
    task.executed.unlink(missing_ok=True)  # never show a previous run's outputs as this run's
    try:
        warm = (
            {
                "engine_name": kernels.ENGINE_NAME,
                "warm_kernel": kernel.ready(str(task.notebook.parent)),
            }
            if kernel
            else {}
        )
        papermill.execute_notebook(
            str(task.notebook),
            str(task.executed),
            parameters=task.report.parameters,
            cwd=str(task.notebook.parent),
            execution_timeout=CELL_TIMEOUT_SECONDS,
            **PAPERMILL_OPTIONS,
            **warm,
        )
    except papermill.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue} (cell [{exc.exec_count}])"
    except Exception as exc:  # the kernel died, the notebook is unreadable, ...: still a page
        error = f"{type(exc).__name__}: {exc}"
    if error and kernel:
        kernel.discard()  # whatever state the failure left, the next report starts afresh
    if task.executed.exists():
        notebook = nbformat.read(task.executed, as_version=4)
        for cell in notebook.cells:  # papermill gives the cell it injects a random id
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell.id = "injected-parameters"
    info = export.PageInfo(error=error, **task.info)
    try:
        page = (
            export.notebook_page(notebook, info, code=task.code)
            if notebook is not None
            else export.standalone_page(info, "<p>The notebook could not be executed.</p>")
        )
    except Exception as exc:  # the export itself failed: say so on the page
        error = error or f"export failed: {type(exc).__name__}: {exc}"
        page = export.standalone_page(export.PageInfo(error=error, **task.info), "")
    try:
        export.write_page(task.page, page)
    except OSError as exc:  # a full or read-only reports folder: this report failed, others go on
        task.page.unlink(missing_ok=True)
        error = f"cannot write {task.page}: {exc.strerror or exc}"
    return Result(
        task.report.name,
        task.key,
        error is None,
        error,
        notebook_summary(notebook) if notebook is not None else "",
        round(time.perf_counter() - started, 2),
        task.info["built_at"],
        task.report.parameters,
        task.report.title,
    )


# -- the build --------------------------------------------------------------------------------


def _run_pool(tasks: list[Task], jobs: int, log_file: Path, progress: bool):
    """Yield each task's Result as soon as it is done."""
    from tqdm import tqdm

    # Workers fork at the first submit, before tqdm starts its monitor thread.
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=start_worker, initargs=(str(log_file), os.getpid())
    ) as pool:
        futures = {pool.submit(_execute_in_worker, task): task for task in tasks}
        bar = tqdm(
            total=len(tasks),
            desc="reports",
            unit="report",
            disable=not progress,
            file=sys.stderr,
            dynamic_ncols=True,
        )
        with bar:
            for future in as_completed(futures):
                task = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool as exc:  # a worker was killed (out of memory, ...)
                    result = Result(
                        task.report.name,
                        task.key,
                        False,
                        f"worker died: {exc}",
                        "",
                        0.0,
                        task.info["built_at"],
                        task.report.parameters,
                        task.report.title,
                    )
                bar.set_postfix_str(result.name, refresh=False)
                bar.update()
                if not result.ok:
                    bar.write(f"failed: {result.name}: {result.error}", file=sys.stderr)
                yield result


def build_report(
    report: Report,
    *,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    reports_dir: Path = config.REPORTS_DIR,
    processed_dir: Path | None = None,
    code: bool = False,
) -> Result:
    """Build one report in this process, whatever its fingerprint (for tests and debugging)."""
    built_at = utc_now()
    task = _task(
        report,
        notebooks_dir,
        reports_dir,
        tables.fingerprint(processed_dir),
        freshness.package_fingerprint(),
        code,
        built_at,
    )
    result = _execute(task)
    _record(result, reports_dir)
    return result


def run_reports(
    reports: list[Report],
    *,
    listed: list[Report] | None = None,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    reports_dir: Path = config.REPORTS_DIR,
    processed_dir: Path | None = None,
    code: bool = False,
    jobs: int | None = None,
    force: bool = False,
    progress: bool = True,
) -> list[str]:
    """Build the pages of ``reports`` that are out of date, then the index of ``listed``.

    Returns the names of the reports that failed (in this run or, unchanged, in an earlier one).
    """
    started = time.perf_counter()
    listed = listed or reports
    build_dir = reports_dir / BUILD_DIRNAME
    data, package = tables.fingerprint(processed_dir), freshness.package_fingerprint()
    built_at = utc_now()
    unrecorded: dict[str, dict] = {}  # results whose stamp could not be written

    atomic.sweep(reports_dir)
    tasks = []
    for report in reports:
        task = _task(report, notebooks_dir, reports_dir, data, package, code, built_at)
        stamp = read_stamp(reports_dir, report.name)
        if not force and stamp.get("key") == task.key and stamp.get("ok") and task.page.exists():
            continue
        tasks.append(task)

    # Longest first (as last measured): the pool finishes sooner.
    tasks.sort(key=lambda t: -read_stamp(reports_dir, t.report.name).get("seconds", 0.0))
    if tasks:
        build_dir.mkdir(parents=True, exist_ok=True)
        jobs = pool_size(jobs, len(tasks))
        log_file = build_dir / "kernels.log"
        log_file.write_text("")  # this run's kernel output only
        for result in _run_pool(tasks, jobs, log_file, progress):
            try:
                _record(result, reports_dir)
            except OSError:  # the index still shows it, from memory
                unrecorded[result.name] = asdict(result)
    if tasks or not (reports_dir / "index.html").exists():
        try:
            write_index(listed, reports_dir, data, stamps=unrecorded)
        except OSError as exc:
            raise InputError(
                reports_dir / "index.html", f"cannot write the index: {exc.strerror or exc}"
            ) from None

    failures = [
        r.name
        for r in reports
        if not (unrecorded.get(r.name) or read_stamp(reports_dir, r.name)).get("ok")
    ]
    if progress:
        print(
            f"reports: {len(tasks)} built, {len(reports) - len(tasks)} unchanged, "
            f"{len(failures)} failed in {time.perf_counter() - started:.1f} s "
            f"-> {reports_dir / 'index.html'}",
            file=sys.stderr,
        )
    if failures:
        pages = ", ".join(str(reports_dir / f"{name}.html") for name in failures)
        print(
            f"error: {len(failures)} report(s) failed: {', '.join(failures)} (see {pages})",
            file=sys.stderr,
        )
    return failures


def build_reports(
    code: bool = False,
    jobs: int | None = None,
    force: bool = False,
    only: list[str] | None = None,
    progress: bool = True,
    custom: Report | None = None,
) -> list[str]:
    """``make reports``: build what is out of date; return the names of failed reports.

    With ``custom`` (:mod:`helpers.report.custom`), build that report only; the index keeps
    listing the report list.
    """
    pipeline.ensure_processed_data(progress)  # the report list is computed from it
    listed = read_report_list()
    reports = [custom] if custom else select(listed, only)
    return run_reports(reports, listed=listed, code=code, jobs=jobs, force=force, progress=progress)
