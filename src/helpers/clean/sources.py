"""The files beside the articles: catalog, errata and checksums, read strictly.

``catalog.csv`` (title, locality, date... of each file) and ``errata.csv`` (reviewed repairs)
are written by people, so they are read with care: a byte-order mark or a GBK encoding is
fine, but a broken CSV structure (an unclosed quote, a row with too many fields), a missing
column or a file listed twice is an ``InputError`` naming the file and line. A catalog date
that is not a real date is dropped and the article flagged; a row for a file that is not
there is a warning.

An article is matched to its rows by file name or, failing that, by the SHA-256 of its raw
bytes through ``SHA256SUMS``: a renamed or copied file keeps its metadata and repairs.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers import config
from helpers.clean.decode import decode_table
from helpers.clean.errata import Corrections, Erratum
from helpers.errors import InputError

CATALOG_COLUMNS = ("file",)
ERRATA_COLUMNS = ("file", "garbled", "repair")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(manifest: Path) -> dict[str, str]:
    """Map file name -> checksum, from a ``sha256sum``-format file (empty if there is none)."""
    if not manifest.is_file():
        return {}
    entries = {}
    for line in manifest.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            entries[name.lstrip("*")] = digest
    return entries


def read_csv_rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    r"""Rows of a people-written CSV file with their line numbers; ``InputError`` for a broken one.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "catalog.csv"
    >>> _ = bad.write_text('file,title\na.txt,"unclosed\nb.txt,B\n', encoding="utf-8")
    >>> read_csv_rows(bad, ("file",))
    Traceback (most recent call last):
    helpers.errors.InputError: ...catalog.csv: line 2: a quoted field is never closed
    """
    text = decode_table(path.read_bytes(), path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    start = 1
    try:
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in required if name not in header]
        if missing:
            raise InputError(
                path, f"line 1: no column {', '.join(missing)} (the header is {','.join(header)})"
            )
        start = reader.line_num + 1
        for fields in reader:
            if not any(value.strip() for value in fields):
                start = reader.line_num + 1
                continue
            if len(fields) != len(header):
                raise InputError(
                    path, f"line {start}: {len(fields)} fields where the header has {len(header)}"
                )
            rows.append((start, dict(zip(header, (value.strip() for value in fields)))))
            start = reader.line_num + 1
    except csv.Error as error:
        reason = (
            "a quoted field is never closed"
            if "unexpected end of data" in str(error)
            else str(error)
        )
        raise InputError(path, f"line {start}: {reason}") from None
    return rows


def valid_date(value: str) -> bool:
    """A catalog date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real day.

    >>> valid_date("2020-09-29"), valid_date("2024"), valid_date("2020-13-45"), valid_date("去年")
    (True, True, False, False)
    """
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Sources:
    """The catalog rows, errata and checksums of one raw folder."""

    catalog: dict[str, dict[str, str]] = field(default_factory=dict)
    errata: dict[str, Corrections] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256
    warnings: tuple[str, ...] = ()

    def listed_name(self, path: Path) -> str:
        """The name under which the catalog and errata know the file: its own, or the name
        SHA256SUMS gives its bytes (a renamed or copied file)."""
        if path.name in self.catalog or path.name in self.errata:
            return path.name
        if self.checksums:
            digest = sha256_file(path)
            for name, listed in self.checksums.items():
                if listed == digest:
                    return name
        return path.name

    def catalog_row(self, name: str) -> dict[str, str]:
        return self.catalog.get(name) or {}

    def corrections(self, name: str) -> Corrections:
        return self.errata.get(name, [])


def _catalog(path: Path, present: dict[str, str]) -> tuple[dict[str, dict[str, str]], list[str]]:
    catalog, lines, warnings = {}, {}, []
    for line, row in read_csv_rows(path, CATALOG_COLUMNS):
        name = row["file"]
        if name in catalog:
            raise InputError(path, f"line {line}: {name} is already listed on line {lines[name]}")
        if row.get("date") and not valid_date(row["date"]):
            row["date_error"] = f"catalog-date-invalid: {path.name} line {line}: {row['date']}"
            warnings.append(
                f"{path}: line {line}: {row['date']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); "
                "the article's own date is used"
            )
            row["date"] = ""
        if present and name not in present:
            warnings.append(f"{path}: line {line}: no file {name} in {path.parent}")
        catalog[name], lines[name] = row, line
    return catalog, warnings


def _errata(path: Path, present: dict[str, str]) -> tuple[dict[str, Corrections], list[str]]:
    errata: dict[str, Corrections] = {}
    seen: dict[tuple[str, str], int] = {}
    warnings = []
    for line, row in read_csv_rows(path, ERRATA_COLUMNS):
        key = (row["file"], row["garbled"])
        if key in seen:
            raise InputError(
                path,
                f"line {line}: the repair of {row['garbled']!r} in {row['file']} "
                f"is already given on line {seen[key]}",
            )
        seen[key] = line
        if present and row["file"] not in present:
            warnings.append(f"{path}: line {line}: no file {row['file']} in {path.parent}")
        errata.setdefault(row["file"], []).append(
            Erratum(row["garbled"], row["repair"], row.get("evidence") or "")
        )
    return errata, warnings


def _beside(folder: Path, default: Path) -> Path:
    """The catalog, errata or checksum file of ``folder``, else the project's."""
    local = folder / default.name
    return local if local.is_file() else default


def load_sources(folder: Path, present: dict[str, str] | None = None) -> Sources:
    """The catalog, errata and checksums of a raw folder (the project's where it has none).

    ``present`` maps the article files there to their SHA-256: rows naming a file that is
    neither there nor there under another name (same checksum) are warned about.
    """
    checksums = read_manifest(_beside(folder, config.RAW_MANIFEST_FILE))
    known = {}
    if present:
        known = dict.fromkeys(present, True)
        digests = set(present.values())
        known.update({name: True for name, digest in checksums.items() if digest in digests})
    catalog_file, errata_file = (
        _beside(folder, config.CATALOG_FILE),
        _beside(folder, config.ERRATA_FILE),
    )
    # The project's catalog lends its rows to a folder without one; it does not list that folder.
    catalog, catalog_warnings = (
        _catalog(catalog_file, known if catalog_file.parent == folder else {})
        if catalog_file.is_file()
        else ({}, [])
    )
    errata, errata_warnings = (
        _errata(errata_file, known if errata_file.parent == folder else {})
        if errata_file.is_file()
        else ({}, [])
    )
    return Sources(catalog, errata, checksums, tuple(catalog_warnings + errata_warnings))
