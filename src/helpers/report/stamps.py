"""What the last build of each report recorded, and the key that says whether it is stale.

Every build of a report writes a stamp, reports/.build/NAME.json: its key (a hash of all the
page depends on), whether it succeeded, its one-line summary and how long it took. The runner
rebuilds a report only when its key changed or its last build failed; the index page reads the
summaries and the status from the stamps.
"""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from helpers import __version__, atomic
from helpers.report.listing import Report

BUILD_DIRNAME = ".build"  # inside reports/: executed notebooks, stamps, kernel log


def utc_now() -> str:
    """The time a page says it was built, to the minute."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_key(report: Report, notebook: bytes, data: str, package: str, code: bool) -> str:
    """What a report's page depends on, hashed: equal keys mean the page is up to date."""
    inputs = {
        "notebook": _sha256(notebook),
        "parameters": report.parameters,
        "title": report.title,
        "data": data,
        "package": package,
        "version": __version__,
        "code": code,
    }
    return _sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode())


def _stamp_path(reports_dir: Path, name: str) -> Path:
    return reports_dir / BUILD_DIRNAME / f"{name}.json"


def read_stamp(reports_dir: Path, name: str) -> dict:
    """What the last build of a report recorded (empty if never built)."""
    try:
        return json.loads(_stamp_path(reports_dir, name).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def write_stamp(reports_dir: Path, name: str, stamp: dict) -> None:
    """Record what a build of a report gave, for the index and the next run."""
    atomic.write_text(
        _stamp_path(reports_dir, name), json.dumps(stamp, ensure_ascii=False, indent=1)
    )
