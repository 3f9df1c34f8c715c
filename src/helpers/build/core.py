"""The per-file work of a build: clean, segment and extract raw files into Arrow tables.

Data flows one way: each raw file is cleaned into articles (``helpers.clean.articles``), each
article is segmented and its facts extracted (``helpers.nlp.analyse``). The functions here
run wherever an engine puts them (worker processes, Dask tasks); see
:mod:`helpers.build.pipeline` for the build as a whole.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import config
from helpers.build.cache import FileCache
from helpers.build.schema import COLUMNS, arrow_schema
from helpers.clean.articles import load_file
from helpers.clean.sources import Sources, load_sources
from helpers.errors import InputError
from helpers.nlp.analyse import analyse_text

TABLE_FILES = {name: path.name for name, path in config.PROCESSED_TABLES.items()}
GROUP_BYTES = 4_000_000  # raw bytes per worker task, at most (about) on a large corpus


@dataclass
class Processed:
    """The tables of a group of raw files, and the files that could not be processed."""

    tables: dict[str, pa.Table]
    errors: list[InputError] = field(default_factory=list)


def process_files(paths: Sequence[Path], cache: FileCache | None = None) -> Processed:
    """Clean and analyse raw files; return one Arrow table per processed table.

    Module-level so that worker processes and Dask tasks can run it. Every file is tried;
    bad ones are handed back with the tables of the others. Each file's tables are kept in
    ``cache`` when one is given (the next build reuses them while the file, its catalog and
    errata rows and the code stay the same).
    """
    sources: dict[Path, Sources] = {}  # catalog, errata and checksums, read once per folder
    parts, errors = [], []
    for path in map(Path, paths):
        try:
            if path.parent not in sources:
                sources[path.parent] = load_sources(path.parent)
            tables = file_tables(path, sources[path.parent])
        except InputError as error:
            errors.append(error)
            continue
        if cache is not None:
            cache.store(path, tables)
        parts.append(tables)
    return Processed(concatenated(parts), errors)


def file_tables(path: Path, sources: Sources) -> dict[str, pa.Table]:
    """The tables of one raw file. Raises ``InputError`` for a bad file.

    Rows are gathered as columns and each table is built once, straight into Arrow with its
    schema: Arrow converts Python strings several times faster than pandas, and crosses
    process boundaries as buffers rather than pickled objects.
    """
    columns = {name: {column: [] for column, _, _ in COLUMNS[name]} for name in TABLE_FILES}
    for article in load_file(path, sources):
        for name in columns["articles"]:
            columns["articles"][name].append(getattr(article, name))
        log = columns["cleaning_log"]
        for step_order, entry in enumerate(article.audit):
            for name, value in (
                ("article_id", article.article_id),
                ("source", article.source),
                ("step_order", step_order),
                *entry.items(),
            ):
                log[name].append(value)
        for table, values in analyse_text(article.article_id, article.text, article.date).items():
            for name, value in values.items():
                columns[table][name].extend(value)
    return {name: pa.table(values, schema=arrow_schema(name)) for name, values in columns.items()}


def concatenated(parts: Iterable[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Each table of several files' results, one after the other (empty for no file)."""
    parts = list(parts)
    return {
        name: pa.concat_tables([part[name] for part in parts])
        if parts
        else arrow_schema(name).empty_table()
        for name in TABLE_FILES
    }


def partition(paths: Sequence[Path], parts: int) -> list[list[Path]]:
    """Split files into at most ``parts`` groups of similar total size (largest first).

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name, size in [("a", 5), ("b", 3), ("c", 3)]:
    ...     _ = (d / name).write_bytes(b"x" * size)
    >>> [[p.name for p in group] for group in partition(sorted(d.iterdir()), 2)]
    [['a'], ['b', 'c']]
    """
    groups: list[list[Path]] = [[] for _ in range(max(1, min(parts, len(paths))))]
    sizes = [0] * len(groups)
    for path in sorted(paths, key=lambda p: (-p.stat().st_size, p.name)):
        smallest = sizes.index(min(sizes))
        groups[smallest].append(path)
        sizes[smallest] += path.stat().st_size
    return [group for group in groups if group]


def in_article_order(table: pa.Table) -> pa.Table:
    """Rows ordered by article id, each article's rows kept in the order they were produced.

    An article's rows come out of one worker in a fixed order whatever the scheduling, so
    this is the canonical order: builds with any number of workers are byte-identical. A
    stable sort on the rank of the id is several times cheaper than sorting on every key.

    >>> in_article_order(pa.table({"article_id": ["b", "a", "b", "a"], "n": [1, 2, 3, 4]}))["n"].to_pylist()
    [2, 4, 1, 3]
    """
    ids = table["article_id"].combine_chunks().dictionary_encode()
    rank = np.empty(len(ids.dictionary), dtype=np.int64)
    rank[np.argsort(ids.dictionary.to_numpy(zero_copy_only=False))] = np.arange(len(ids.dictionary))
    return table.take(np.argsort(rank[ids.indices.to_numpy()], kind="stable"))


def combine(results: Iterable[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Concatenate per-partition (or per-file) tables into their canonical order."""
    return {name: in_article_order(table) for name, table in concatenated(results).items()}


def write_parquet(name: str, table: pa.Table, path: Path) -> None:
    """Write one processed table, which must have its documented schema."""
    if not table.schema.equals(arrow_schema(name), check_metadata=True):
        raise ValueError(f"{name}: schema differs from the documented one:\n{table.schema}")
    pq.write_table(table, path)
