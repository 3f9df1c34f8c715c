"""The processed tables, as notebooks read them: Parquet in, DataFrames out, nothing recomputed.

A notebook calls ``data = tables.load()`` once and reads ``data.articles``, ``data.tokens``, ...
"""

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.errors import InputError


@dataclass(frozen=True)
class Tables:
    """Every processed table of one build."""

    articles: pd.DataFrame
    cleaning_log: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    facts: pd.DataFrame
    themes: pd.DataFrame

    def localities(self) -> list[str]:
        """Localities of the corpus, in the order of their first article."""
        return list(dict.fromkeys(self.articles.sort_values("article_id")["locality"]))


YEAR_COLUMNS = ("year",)


def table_paths(processed_dir: Path | None = None) -> dict[str, Path]:
    """Where each processed table lives (``processed_dir`` defaults to data/processed).

    >>> table_paths("/tmp/x")["facts"]
    PosixPath('/tmp/x/current/facts.parquet')
    """
    if processed_dir is None:
        return dict(config.PROCESSED_TABLES)
    return {
        name: Path(processed_dir) / config.CURRENT_SET / path.name
        for name, path in config.PROCESSED_TABLES.items()
    }


def read_table(name: str, processed_dir: Path | None = None) -> pd.DataFrame:
    """One processed table; a clear error when the build has not run."""
    path = table_paths(processed_dir)[name]
    if not path.exists():
        raise InputError(path, "processed table missing: run `make data` (python -m helpers build)")
    frame = pd.read_parquet(path)
    # A year is a whole number or missing, never a float: 2020, not 2020.0, and <NA> for none.
    return frame.astype({column: "Int64" for column in YEAR_COLUMNS if column in frame.columns})


def load(processed_dir: Path | None = None) -> Tables:
    """Every processed table of the latest build."""
    return Tables(**{f.name: read_table(f.name, processed_dir) for f in fields(Tables)})


def fingerprint(processed_dir: Path | None = None) -> str:
    """Short SHA-256 over the bytes of every processed table: which data a report shows.

    Equal bytes give an equal fingerprint, so rebuilding identical data re-runs no report.
    """
    digest = hashlib.sha256()
    for name, path in sorted(table_paths(processed_dir).items()):
        digest.update(name.encode())
        files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.read_bytes() if file.exists() else b"<missing>")
    return digest.hexdigest()[:12]
