"""The index page, reports/index.html: every report with its parameters, finding and status.

A report's finding is the text output of its notebook's cell tagged ``summary`` (see
:func:`helpers.report.display.summary`), which the runner keeps in the report's stamp.
"""

import html
from pathlib import Path

from helpers import __version__
from helpers.report import export, labels
from helpers.report.listing import Report
from helpers.report.stamps import read_stamp, utc_now

SUMMARY_TAG = "summary"  # the cell whose output is the index line (helpers.report.display.summary)


def notebook_summary(notebook) -> str:
    """The one-line finding of an executed notebook: the text output of its ``summary`` cell."""
    for cell in notebook.cells:
        if SUMMARY_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain") or (
                output.get("text") if output.get("name") == "stdout" else None
            )
            if text:
                return " ".join(str(text).split())
    return ""


def write_index(
    reports: list[Report], reports_dir: Path, data: str, stamps: dict[str, dict] | None = None
) -> None:
    """reports/index.html: every report with its parameters, summary and status.

    ``stamps`` are results that could not be written to reports/.build/ (a full disk): they
    are shown as they are.
    """
    rows, failed = [], 0
    for report in reports:
        stamp = (stamps or {}).get(report.name) or read_stamp(reports_dir, report.name)
        page = (reports_dir / f"{report.name}.html").exists()
        built = bool(stamp) and (page or not stamp.get("ok"))
        failed += bool(built and not stamp.get("ok"))
        status = (
            ("ok" if stamp.get("ok") else '<span class="status-failed">failed</span>')
            if built
            else "not built"
        )
        title = html.escape(report.title)
        link = f'<a href="{html.escape(report.name)}.html">{title}</a>' if page and built else title
        params = ", ".join(
            f"{html.escape(k)} = {html.escape('、'.join(v) if isinstance(v, list) else str(v))}"
            for k, v in report.parameters.items()
        )
        said = (
            stamp.get("summary") if stamp.get("ok") else stamp.get("error") or stamp.get("summary")
        )
        # the finding in English, each Chinese term of it with its gloss beside it
        summary = html.escape(labels.with_glosses(said or "")) if built else ""
        rows.append(
            f"<tr><td>{link}<br><small><code>{html.escape(report.name)}</code></small></td>"
            f"<td>{params}</td><td>{summary}</td><td>{status}</td></tr>"
        )
    body = (
        f"<p>{len(reports)} reports, {failed} failed. Each link opens one self-contained page "
        "that reads offline; the line beside it is what the report found.</p>"
        "<table class='report-table index-table'><thead><tr><th>Report</th><th>Parameters</th>"
        "<th>What it found</th><th>Status</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    info = export.PageInfo(
        title="Industrial policy in local news: reports",
        parameters={},
        fingerprint=data,
        version=__version__,
        built_at=utc_now(),
    )
    export.write_page(
        reports_dir / "index.html", export.standalone_page(info, body, index_link=False)
    )
