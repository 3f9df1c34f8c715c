"""Build data/processed/ from data/raw/: clean, segment and extract every article.

Data flows one way: each raw file is cleaned into articles (``helpers.clean.articles``), each
article is segmented and its facts extracted (``helpers.nlp.analyse``). Files are processed in
worker processes (the work is CPU-bound; each worker loads the dictionaries once),
results are gathered as Arrow tables and written atomically as Parquet.

The same per-file function runs on a Dask cluster with ``engine="dask"``, which writes
one Parquet folder per table, partitioned by worker task.
"""

import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import config
from helpers.atomic import write_with
from helpers.errors import InputError, InputErrors
from helpers.build.schema import COLUMNS, arrow_schema

TABLE_FILES = {name: path.name for name, path in config.PROCESSED_TABLES.items()}
GROUP_BYTES = 4_000_000  # raw bytes per worker task, at most (about) on a large corpus


def process_files(paths: Sequence[Path]) -> dict[str, pa.Table]:
    """Clean and analyse raw files; return one Arrow table per processed table.

    Module-level so that worker processes and Dask tasks can run it. Every file is tried;
    bad ones are raised together as InputErrors. Rows are gathered as columns and each
    table is built once, straight into Arrow with its schema: Arrow converts millions of
    Python strings several times faster than pandas, and crosses process boundaries as
    buffers rather than pickled objects.
    """
    from helpers.nlp.analyse import analyse_text
    from helpers.clean.articles import load_file, sources_beside

    columns = {name: {column: [] for column, _, _ in COLUMNS[name]} for name in TABLE_FILES}
    sources: dict[Path, tuple[dict, dict]] = {}  # catalog and errata, read once per folder
    errors = []
    for path in map(Path, paths):
        if path.parent not in sources:
            sources[path.parent] = sources_beside(path)
        try:
            articles = load_file(path, *sources[path.parent])
        except InputError as error:
            errors.append(error)
            continue
        for article in articles:
            for name in columns["articles"]:
                columns["articles"][name].append(getattr(article, name))
            log = columns["cleaning_log"]
            for step_order, entry in enumerate(article.audit):
                for name, value in (("article_id", article.article_id), ("source", article.source),
                                    ("step_order", step_order), *entry.items()):
                    log[name].append(value)
            for table, values in analyse_text(article.article_id, article.text).items():
                for name, value in values.items():
                    columns[table][name].extend(value)
    if errors:
        raise InputErrors(errors)
    return {name: pa.table(values, schema=arrow_schema(name)) for name, values in columns.items()}


def _process_files_or_error(paths: Sequence[Path]) -> dict[str, pa.Table] | InputErrors:
    """Like process_files, but hand bad files back as a value so the pool keeps going."""
    try:
        return process_files(paths)
    except InputErrors as errors:
        return errors


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
    """Concatenate per-partition tables into their canonical order."""
    results = list(results)
    return {name: in_article_order(pa.concat_tables([result[name] for result in results]))
            if results else arrow_schema(name).empty_table() for name in TABLE_FILES}


def run_local(paths: Sequence[Path], workers: int | None = None, progress: bool = True) -> dict[str, pa.Table]:
    """Process files in a pool of worker processes; raise InputErrors naming every bad file."""
    from tqdm import tqdm

    workers = workers or os.cpu_count() or 1
    # A few groups per worker balance uneven file sizes without paying much per task; on a
    # large corpus, groups of at most about GROUP_BYTES keep each task's tables small.
    total = sum(path.stat().st_size for path in paths)
    groups = partition(paths, max(workers * 4, -(-total // GROUP_BYTES)))
    if workers == 1 or len(groups) == 1:
        outcomes = [_process_files_or_error(group) for group in tqdm(groups, disable=not progress,
                                                                      desc="build", unit="part")]
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(groups))) as pool:
            outcomes = list(tqdm(pool.map(_process_files_or_error, groups), total=len(groups),
                                 disable=not progress, desc="build", unit="part", file=sys.stderr))
    errors = [error for o in outcomes if isinstance(o, InputErrors) for error in o.errors]
    if errors:
        raise InputErrors(errors)
    return combine(o for o in outcomes if not isinstance(o, InputErrors))


def write_parquet(name: str, table: pa.Table, path: Path) -> None:
    """Write one processed table, which must have its documented schema."""
    if not table.schema.equals(arrow_schema(name), check_metadata=True):
        raise ValueError(f"{name}: schema differs from the documented one:\n{table.schema}")
    pq.write_table(table, path)


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> None:
    """Write every table as Parquet, each file atomically, only after all were computed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        write_with(out_dir / TABLE_FILES[name], lambda tmp, n=name, t=table: write_parquet(n, t, tmp))


def build(engine: str = "local", scheduler: str | None = None, raw_dir: Path | None = None,
          out_dir: Path | None = None, progress: bool = True, workers: int | None = None) -> Path:
    """Build every processed table from the raw articles; return the output folder."""
    raw_dir = Path(raw_dir or config.RAW_DATA_DIR)
    out_dir = Path(out_dir or config.PROCESSED_DATA_DIR)
    paths = config.raw_article_paths(raw_dir)
    if not paths:
        raise InputError(raw_dir, f"no *{config.RAW_ARTICLE_SUFFIX} articles to build from")
    if engine == "dask":
        from helpers.build.dask_engine import run_dask

        run_dask(paths, out_dir, scheduler=scheduler, progress=progress)
    else:
        write_tables(run_local(paths, workers=workers, progress=progress), out_dir)
    return out_dir
