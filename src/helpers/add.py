"""Add articles to the raw folder: the one code path that writes into ``data/raw/``.

Adding articles is the user's act. ``add_files`` copies each file in (never over a file that
is there), records its checksum in ``SHA256SUMS`` and appends a catalog row of the metadata
the cleaning infers from its text, with a note asking for review; the catalog then carries
the article's metadata as a reviewed row would. A file the cleaning cannot read is refused
before anything is written for it. Every write is atomic (``helpers.atomic``).
"""

import csv
import io
import shutil
from pathlib import Path

from helpers import atomic, config
from helpers.clean.articles import Article, load_file
from helpers.clean.decode import decode_table
from helpers.clean.sources import Sources, sha256_file
from helpers.errors import InputError

CATALOG_HEADER = ("file", "title", "locality", "province", "admin_level", "date", "outlet", "note")
INFERRED_NOTE = "inferred by helpers add; review"
# What a file's articles say about it, where they all agree (a file of several articles
# has no one title).
_INFERRED = ("locality", "province", "admin_level", "date", "outlet")


def catalog_row(name: str, articles: list[Article]) -> dict[str, str]:
    """The catalog row of a file, from its cleaned articles: each field where they agree."""
    row = {"file": name, "title": articles[0].title if len(articles) == 1 else ""}
    for column in _INFERRED:
        values = {getattr(article, column) for article in articles}
        row[column] = values.pop() if len(values) == 1 else ""
    return row | {"note": INFERRED_NOTE}


def _appended_rows(catalog: Path, rows: list[dict[str, str]]) -> str:
    """The catalog's text with ``rows`` appended under its own header (a new catalog gets
    ``CATALOG_HEADER``)."""
    text = decode_table(catalog.read_bytes(), catalog) if catalog.is_file() else ""
    listed = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    header = list(listed[0]) if listed else next(csv.reader([text.lstrip("\ufeff")]), [])
    # A row already there (for a file that was missing) is the reviewed word: keep it alone.
    rows = [row for row in rows if row["file"] not in {entry.get("file") for entry in listed}]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=header or list(CATALOG_HEADER), extrasaction="ignore")
    if not header:
        writer.writeheader()
    writer.writerows(rows)
    return text + ("" if not text or text.endswith("\n") else "\n") + out.getvalue()


def add_files(
    paths: list[Path], raw_dir: Path | None = None
) -> tuple[list[Path], list[InputError]]:
    """Copy files into the raw folder with their checksums and inferred catalog rows.

    Returns the files added and the ones refused (a name the folder has already, a file
    the cleaning cannot read); the others are added all the same.
    """
    raw_dir = Path(raw_dir or config.RAW_DATA_DIR)
    added, rows, errors = [], [], []
    for path in map(Path, paths):
        target = raw_dir / path.name
        try:
            if not config.is_raw_article(target):
                raise InputError(
                    path,
                    "not a name for an article (the raw folder's data files, README and hidden files)",
                )
            if target.exists() or target.is_symlink():
                raise InputError(target, "already exists; not replaced (rename the new file)")
            # Inferred from the text alone: no catalog or errata row speaks for a new file.
            articles = load_file(path, Sources())
        except InputError as error:
            errors.append(error)
            continue
        atomic.write_with(target, lambda tmp, source=path: shutil.copyfile(source, tmp))
        added.append(target)
        rows.append(catalog_row(target.name, articles))
    if added:
        catalog = raw_dir / config.CATALOG_FILE.name
        atomic.write_text(catalog, _appended_rows(catalog, rows))
        manifest = raw_dir / config.RAW_MANIFEST_FILE.name
        # The catalog grew by the rows just appended: its listed checksum follows, so the
        # manifest keeps guarding every listed file against edits made outside this command.
        atomic.write_text(manifest, _recorded(manifest, [*added, catalog]))
    return added, errors


def _recorded(manifest: Path, files: list[Path]) -> str:
    """The manifest's text with each of ``files``' checksums: a listed line replaced in place,
    a new file's appended."""
    digests = {path.name: sha256_file(path) for path in files}
    text = manifest.read_text(encoding="utf-8-sig") if manifest.is_file() else ""
    lines = []
    for line in text.splitlines():
        name = line.split(maxsplit=1)[-1].lstrip("*") if line.strip() else ""
        lines.append(f"{digests.pop(name)}  {name}" if name in digests else line)
    lines += [f"{digest}  {name}" for name, digest in digests.items()]
    return "".join(f"{line}\n" for line in lines)
