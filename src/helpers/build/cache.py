"""Per-file results kept between builds, so that a build re-processes only what changed.

A raw file's tables (its cleaned articles, cleaning log, sentences, tokens, facts and codes)
depend on its bytes, its name (article ids are made from it), its catalog and errata rows
and the data-side code; the key of a cache entry is a SHA-256 over exactly these. An entry
is one file per raw file holding its tables as Arrow IPC streams one after the other, in
the order of ``helpers.build.schema.COLUMNS``, written beside its final name and renamed
into place, so a killed build leaves no half entry. The cache lives beside the published
sets (``data/processed/.cache``), never in ``data/raw/``; entries that no raw file uses any
more are removed after each build.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from helpers.atomic import atomic_path
from helpers.build.schema import COLUMNS, arrow_schema
from helpers.clean.sources import Sources

CACHE_FOLDER = ".cache"
_SUFFIX = ".arrow"
_LAYOUT = "1"  # changed when the layout of an entry changes


def file_key(name: str, digest: str, sources: Sources, code: str) -> str:
    """The key of a raw file's entry: its name and bytes, its catalog and errata rows, the code.

    The rows are found as the build finds them (by name, else by the checksum SHA256SUMS
    lists), so editing a file's catalog row or errata makes its entry stale and no other.
    """
    listed = name
    if name not in sources.catalog and name not in sources.errata:
        listed = next((n for n, d in sources.checksums.items() if d == digest), name)
    rows = {
        "catalog": sources.catalog_row(listed),
        "errata": [[e.garbled, e.repair, e.evidence] for e in sources.corrections(listed)],
    }
    text = json.dumps(
        [_LAYOUT, code, name, digest, listed, rows], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FileCache:
    """The cache folder and the key of each raw file of one build (by file name)."""

    folder: Path
    keys: Mapping[str, str]

    def entry(self, path: Path) -> Path:
        return self.folder / f"{self.keys[Path(path).name]}{_SUFFIX}"

    def load(self, path: Path) -> dict[str, pa.Table] | None:
        """The cached tables of a raw file; None when it has no entry or an unreadable one."""
        try:
            with pa.OSFile(str(self.entry(path))) as source:
                tables = {name: pa.ipc.open_stream(source).read_all() for name in COLUMNS}
        except (OSError, pa.ArrowInvalid):
            return None
        if any(
            not t.schema.equals(arrow_schema(n), check_metadata=True) for n, t in tables.items()
        ):
            return None  # written by other code under a colliding key: never trusted
        return tables

    def store(self, path: Path, tables: Mapping[str, pa.Table]) -> None:
        """Keep a raw file's tables under its key, whole or not at all."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(self.entry(path)) as tmp:
            with pa.OSFile(str(tmp), "wb") as sink:
                for name in COLUMNS:
                    with pa.ipc.new_stream(sink, tables[name].schema) as writer:
                        writer.write_table(tables[name])

    def prune(self) -> list[Path]:
        """Remove the entries that no raw file of this build uses; return them."""
        if not self.folder.is_dir():
            return []
        used = {f"{key}{_SUFFIX}" for key in self.keys.values()}
        stale = [p for p in self.folder.iterdir() if p.suffix == _SUFFIX and p.name not in used]
        for path in stale:
            path.unlink(missing_ok=True)
        return stale


def cache_for(out_dir: Path, keys: Mapping[str, str]) -> FileCache:
    """The cache of the processed folder ``out_dir`` with this build's keys."""
    return FileCache(Path(out_dir) / CACHE_FOLDER, dict(keys))


def rows_of_set(
    set_dir: Path, keys: Mapping[str, str], previous: Mapping[str, str]
) -> tuple[dict[str, pa.Table], set[str]]:
    """The rows a published set holds of the raw files whose key it was built with too.

    Reading six tables and keeping the rows of unchanged files is many times cheaper than
    opening one cache entry per file of a large corpus. Returns the tables and the names
    of the files they cover (none when the set cannot be read as written by this code).
    """
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    unchanged = [name for name, key in keys.items() if previous.get(name) == key]
    empty = ({name: arrow_schema(name).empty_table() for name in COLUMNS}, set())
    if not unchanged:
        return empty
    try:
        tables = {name: pq.read_table(set_dir / f"{name}.parquet") for name in COLUMNS}
    except (OSError, pa.ArrowInvalid):
        return empty
    if any(not t.schema.equals(arrow_schema(n), check_metadata=True) for n, t in tables.items()):
        return empty
    kept = pc.is_in(tables["articles"]["source"], pa.array(unchanged))
    ids = tables["articles"].filter(kept)["article_id"]
    rows = {
        name: table.filter(pc.is_in(table["article_id"], ids)) for name, table in tables.items()
    }
    # a file the set holds no article of failed in that build: it is tried again
    return rows, set(rows["articles"]["source"].to_pylist())
