"""Build the HTML reports: execute each notebook of the report list and export it as a page.

``build_reports`` (``make reports``):

1. rebuilds data/processed/ when it is missing or older than its inputs;
2. skips every report whose inputs are unchanged (notebook bytes, parameters, processed-data
   fingerprint, package sources and version, the CODE flag; fingerprints in reports/.build/);
3. executes the others with papermill's Python API in a pool of worker processes (papermill and
   nbconvert imported once per worker, not once per notebook), each worker running its
   reports one after another on one warm kernel (:mod:`helpers.report.kernels`); executed notebooks
   go to reports/.build/, never over the source notebook;
4. exports each as reports/NAME.html (see :mod:`helpers.report.export`), written atomically; a notebook
   that fails still yields a page showing the error;
5. writes reports/index.html linking every report with its one-line summary (the output of the
   notebook cell tagged ``summary``, see :func:`helpers.report.display.summary`).
"""

import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from helpers import resources
from helpers import __version__, atomic, config
from helpers.build import freshness, pipeline, tables
from helpers.errors import InputError

REPORT_LIST_FILE = config.REPORT_DATA_DIR / "reports.csv"
BUILD_DIRNAME = ".build"  # inside reports/: executed notebooks, fingerprints, kernel log
KERNEL_NAME = "python3"
# The kernelspec a notebook made by code needs to run (papermill refuses one without).
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3", "language": "python"}
CELL_TIMEOUT_SECONDS = 600
# How papermill runs every notebook, reports and benchmark floor alike. The executed copy is
# written when the run ends rather than after every cell (seconds per report, with images).
PAPERMILL_OPTIONS = {"kernel_name": KERNEL_NAME, "language": "python", "progress_bar": False,
                     "request_save_on_cell_execute": False}
SUMMARY_TAG = "summary"  # the cell whose output is the index line (helpers.report.display.summary)


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Report:
    """One line of the report list: a notebook run with parameters, saved under a name."""

    name: str
    notebook: str  # file stem in notebooks/
    title: str
    parameters: dict = field(default_factory=dict)


def read_report_list(path: Path = REPORT_LIST_FILE, notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Report]:
    """The reports to build, validated: unique names, existing notebooks, JSON-object parameters."""
    reports, seen = [], set()
    for line, row in resources.numbered_rows(path):
        def bad(reason):
            return InputError(path, f"line {line}: {reason}")

        name = (row.get("name") or "").strip()
        if not _NAME.match(name) or name.lower() == "index":  # index.html is the index page
            raise bad(f"report name {name!r} is not a plain file name")
        if name in seen:
            raise bad(f"report name {name!r} appears twice")
        notebook = (row.get("notebook") or "").strip()
        if not (notebooks_dir / f"{notebook}.ipynb").is_file():
            raise bad(f"no notebook {notebooks_dir / (notebook + '.ipynb')}")
        try:
            parameters = json.loads(row.get("parameters") or "{}")
        except json.JSONDecodeError as error:
            raise bad(f"parameters are not JSON ({error})") from None
        if not isinstance(parameters, dict):
            raise bad("parameters must be a JSON object")
        seen.add(name)
        reports.append(Report(name, notebook, (row.get("title") or name).strip(), parameters))
    return reports


def select(reports: list[Report], only: list[str] | None) -> list[Report]:
    """The reports named in ``only`` (all when it is empty); unknown names are an error."""
    if not only:
        return reports
    unknown = sorted(set(only) - {r.name for r in reports})
    if unknown:
        raise InputError(REPORT_LIST_FILE, f"unknown report(s) {', '.join(unknown)}; "
                                           f"known: {', '.join(r.name for r in reports)}")
    return [r for r in reports if r.name in only]


# -- fingerprints -----------------------------------------------------------------------------

def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _pool_size(jobs: int | None, tasks: int) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_key(report: Report, notebook: bytes, data: str, package: str, code: bool) -> str:
    """What a report's page depends on, hashed: equal keys mean the page is up to date."""
    inputs = {"notebook": _sha256(notebook), "parameters": report.parameters, "title": report.title,
              "data": data, "package": package, "version": __version__, "code": code}
    return _sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode())


def _stamp_path(reports_dir: Path, name: str) -> Path:
    return reports_dir / BUILD_DIRNAME / f"{name}.json"


def read_stamp(reports_dir: Path, name: str) -> dict:
    """What the last build of a report recorded (empty if never built)."""
    try:
        return json.loads(_stamp_path(reports_dir, name).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


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


def _task(report: Report, notebooks_dir: Path, reports_dir: Path, data: str, package: str, code: bool,
          built_at: str) -> Task:
    """The build of one report: where its notebook, executed copy and page live, and its key."""
    source = notebooks_dir / f"{report.notebook}.ipynb"
    info = {"title": report.title, "parameters": report.parameters, "fingerprint": data,
            "version": __version__, "built_at": built_at}
    return Task(report, report_key(report, source.read_bytes(), data, package, code), source,
                reports_dir / BUILD_DIRNAME / f"{report.name}.ipynb", reports_dir / f"{report.name}.html",
                code, info)


def _record(result: Result, reports_dir: Path) -> None:
    """Keep what the index and the next run need to know about a build."""
    atomic.write_text(_stamp_path(reports_dir, result.name), json.dumps(asdict(result), ensure_ascii=False, indent=1))


_worker_kernel = None  # the warm kernel of a pool worker (helpers.report.kernels)


def _start_worker(log_file: str) -> None:
    """Import papermill and nbconvert once per worker; send kernel chatter to a log file."""
    # Every kernel logs "running over TCP without encryption" on the stderr it inherits:
    # into the log, not over the progress bar.
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from helpers.report import export

    export.warm_up()


def notebook_summary(notebook) -> str:
    """The one-line finding of an executed notebook: the text output of its ``summary`` cell."""
    for cell in notebook.cells:
        if SUMMARY_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain") or (
                output.get("text") if output.get("name") == "stdout" else None)
            if text:
                return " ".join(str(text).split())
    return ""


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

    from helpers.report import export
    from helpers.report import kernels

    started = time.perf_counter()
    error, notebook = None, None
    task.executed.parent.mkdir(parents=True, exist_ok=True)
    task.executed.unlink(missing_ok=True)  # never show a previous run's outputs as this run's
    try:
        warm = ({"engine_name": kernels.ENGINE_NAME, "warm_kernel": kernel.ready(str(task.notebook.parent))}
                if kernel else {})
        papermill.execute_notebook(
            str(task.notebook), str(task.executed), parameters=task.report.parameters,
            cwd=str(task.notebook.parent), execution_timeout=CELL_TIMEOUT_SECONDS,
            **PAPERMILL_OPTIONS, **warm)
    except papermill.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue} (cell [{exc.exec_count}])"
    except Exception as exc:  # the kernel died, the notebook is unreadable, ...: still a page
        error = f"{type(exc).__name__}: {exc}"
    if error and kernel:
        kernel.discard()  # whatever state the failure left, the next report starts afresh
    if task.executed.exists():
        notebook = nbformat.read(task.executed, as_version=4)
    info = export.PageInfo(error=error, **task.info)
    try:
        page = (export.notebook_page(notebook, info, code=task.code) if notebook is not None
                else export.standalone_page(info, "<p>The notebook could not be executed.</p>"))
    except Exception as exc:  # the export itself failed: say so on the page
        error = error or f"export failed: {type(exc).__name__}: {exc}"
        page = export.standalone_page(export.PageInfo(error=error, **task.info), "")
    export.write_page(task.page, page)
    return Result(task.report.name, task.key, error is None, error,
                  notebook_summary(notebook) if notebook is not None else "",
                  round(time.perf_counter() - started, 2), task.info["built_at"],
                  task.report.parameters, task.report.title)


# -- the build --------------------------------------------------------------------------------

def _run_pool(tasks: list[Task], jobs: int, log_file: Path, progress: bool):
    """Yield each task's Result as soon as it is done."""
    from tqdm import tqdm

    # Workers fork at the first submit, before tqdm starts its monitor thread.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(str(log_file),)) as pool:
        futures = {pool.submit(_execute_in_worker, task): task for task in tasks}
        bar = tqdm(total=len(tasks), desc="reports", unit="report", disable=not progress,
                   file=sys.stderr, dynamic_ncols=True)
        with bar:
            for future in as_completed(futures):
                task = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool as exc:  # a worker was killed (out of memory, ...)
                    result = Result(task.report.name, task.key, False, f"worker died: {exc}", "", 0.0,
                                    task.info["built_at"], task.report.parameters, task.report.title)
                bar.set_postfix_str(result.name, refresh=False)
                bar.update()
                if not result.ok:
                    bar.write(f"failed: {result.name}: {result.error}", file=sys.stderr)
                yield result


def build_report(report: Report, *, notebooks_dir: Path = config.NOTEBOOKS_DIR,
                 reports_dir: Path = config.REPORTS_DIR, processed_dir: Path | None = None,
                 code: bool = False) -> Result:
    """Build one report in this process, whatever its fingerprint (for tests and debugging)."""
    built_at = _utc_now()
    task = _task(report, notebooks_dir, reports_dir, tables.fingerprint(processed_dir), freshness.package_fingerprint(),
                 code, built_at)
    result = _execute(task)
    _record(result, reports_dir)
    return result


def run_reports(reports: list[Report], *, listed: list[Report] | None = None,
                notebooks_dir: Path = config.NOTEBOOKS_DIR, reports_dir: Path = config.REPORTS_DIR,
                processed_dir: Path | None = None, code: bool = False, jobs: int | None = None,
                force: bool = False, progress: bool = True) -> list[str]:
    """Build the pages of ``reports`` that are out of date, then the index of ``listed``.

    Returns the names of the reports that failed (in this run or, unchanged, in an earlier one).
    """
    started = time.perf_counter()
    listed = listed or reports
    build_dir = reports_dir / BUILD_DIRNAME
    data, package = tables.fingerprint(processed_dir), freshness.package_fingerprint()
    built_at = _utc_now()

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
        jobs = _pool_size(jobs, len(tasks))
        log_file = build_dir / "kernels.log"
        log_file.write_text("")  # this run's kernel output only
        for result in _run_pool(tasks, jobs, log_file, progress):
            _record(result, reports_dir)
    if tasks or not (reports_dir / "index.html").exists():
        write_index(listed, reports_dir, data)

    failures = [r.name for r in reports if not read_stamp(reports_dir, r.name).get("ok")]
    if progress:
        print(f"reports: {len(tasks)} built, {len(reports) - len(tasks)} unchanged, "
              f"{len(failures)} failed in {time.perf_counter() - started:.1f} s "
              f"-> {reports_dir / 'index.html'}", file=sys.stderr)
    if failures:
        pages = ", ".join(str(reports_dir / f"{name}.html") for name in failures)
        print(f"error: {len(failures)} report(s) failed: {', '.join(failures)} (see {pages})",
              file=sys.stderr)
    return failures


def write_index(reports: list[Report], reports_dir: Path, data: str) -> None:
    """reports/index.html: every report with its parameters, summary and status."""
    import html

    from helpers.report import export

    rows, failed = [], 0
    for report in reports:
        stamp = read_stamp(reports_dir, report.name)
        built = (reports_dir / f"{report.name}.html").exists() and stamp
        failed += bool(built and not stamp.get("ok"))
        status = ("ok" if stamp.get("ok") else '<span class="status-failed">failed</span>') if built else "not built"
        title = html.escape(report.title)
        link = f'<a href="{html.escape(report.name)}.html">{title}</a>' if built else title
        params = ", ".join(f"{html.escape(k)} = {html.escape('、'.join(v) if isinstance(v, list) else str(v))}"
                           for k, v in report.parameters.items())
        summary = html.escape(stamp.get("summary") or (stamp.get("error") or "") if built else "")
        rows.append(f"<tr><td>{link}<br><small><code>{html.escape(report.name)}</code></small></td>"
                    f"<td>{params}</td><td>{summary}</td><td>{status}</td></tr>")
    body = (f"<p>{len(reports)} reports, {failed} failed. Each link opens one self-contained page "
            "that reads offline; the line beside it is what the report found.</p>"
            "<table class='report-table index-table'><thead><tr><th>Report</th><th>Parameters</th>"
            "<th>What it found</th><th>Status</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    info = export.PageInfo(
        title="Industrial policy in local news: reports",
        parameters={}, fingerprint=data, version=__version__,
        built_at=_utc_now())
    export.write_page(reports_dir / "index.html", export.standalone_page(info, body))


def _execute_only(source: str, executed: str) -> None:
    import papermill

    papermill.execute_notebook(source, executed, **PAPERMILL_OPTIONS)


def floor_seconds(count: int, jobs: int | None = None) -> float:
    """Wall-clock seconds to execute ``count`` empty notebooks in the runner's worker pool.

    The floor a report build is measured against (``make bench``): same pool, same worker
    start-up, same papermill options, nothing to compute and nothing to export; each empty
    notebook gets a kernel of its own, as papermill gives by default (the reports share
    warm kernels, see :mod:`helpers.report.kernels`).
    """
    import tempfile

    import nbformat

    with tempfile.TemporaryDirectory(prefix="helpers-floor-") as scratch:
        source = Path(scratch) / "empty.ipynb"
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
        notebook.metadata["kernelspec"] = KERNELSPEC
        nbformat.write(notebook, source)
        jobs = _pool_size(jobs, count)
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                                 initargs=(str(Path(scratch) / "kernels.log"),)) as pool:
            list(pool.map(_execute_only, [str(source)] * count,
                          [str(Path(scratch) / f"out{i}.ipynb") for i in range(count)]))
        return time.perf_counter() - started


def build_reports(code: bool = False, jobs: int | None = None, force: bool = False,
                  only: list[str] | None = None, progress: bool = True) -> list[str]:
    """``make reports``: build what is out of date; return the names of failed reports."""
    listed = read_report_list()
    reports = select(listed, only)
    pipeline.ensure_processed_data(progress)
    return run_reports(reports, listed=listed, code=code, jobs=jobs, force=force, progress=progress)
