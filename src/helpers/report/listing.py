"""The report list: which notebook runs with which parameters, saved under which name.

The list is data (``report/data/reports.csv``, one row per report): add a row there to get
another report.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers import config, resources
from helpers.errors import InputError

REPORT_LIST_FILE = config.REPORT_DATA_DIR / "reports.csv"

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Report:
    """One line of the report list: a notebook run with parameters, saved under a name."""

    name: str
    notebook: str  # file stem in notebooks/
    title: str
    parameters: dict = field(default_factory=dict)


def read_report_list(
    path: Path = REPORT_LIST_FILE, notebooks_dir: Path = config.NOTEBOOKS_DIR
) -> list[Report]:
    """The reports to build, validated: unique names, existing notebooks, JSON-object parameters."""
    reports, seen = [], set()
    for line, row in resources.numbered_rows(path):

        def bad(reason, line=line):
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
        raise InputError(
            REPORT_LIST_FILE,
            f"unknown report(s) {', '.join(unknown)}; known: {', '.join(r.name for r in reports)}",
        )
    return [r for r in reports if r.name in only]
