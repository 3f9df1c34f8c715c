"""The build on a Dask cluster: same per-file functions, one Parquet part per task.

Each task cleans and analyses a group of raw files (``helpers.build.core.process_files``) and
writes its share of every table as ``<table>.parquet/part-NNNNN.parquet`` into the build's
new set folder, which is published like the local engine's (:mod:`helpers.build.sets`).
Workers write the parts themselves, so with a remote scheduler the output folder must be a
path the workers can reach (a shared filesystem); pandas and pyarrow read such a folder
exactly like a single Parquet file.
"""

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from helpers.build.cache import FileCache
from helpers.build.core import (
    TABLE_FILES,
    concatenated,
    in_article_order,
    partition,
    process_files,
    write_parquet,
)
from helpers.errors import InputError

LOCAL_WORKERS = 2


def process_and_write_part(
    paths: Sequence[Path], set_dir: str, index: int, cache: FileCache | None = None
) -> list[InputError]:
    """Process one group of files and write its rows of every table; return its bad files."""
    result = process_files(paths, cache)
    write_part(result.tables, Path(set_dir), index)
    return result.errors


def write_part(tables: dict[str, pa.Table], set_dir: Path, index: int) -> None:
    """Write one part of every table."""
    for name, table in tables.items():
        folder = set_dir / TABLE_FILES[name]
        folder.mkdir(parents=True, exist_ok=True)
        write_parquet(name, in_article_order(table), folder / f"part-{index:05d}.parquet")


def run(
    paths: Sequence[Path],
    set_dir: Path,
    progress: bool = True,
    scheduler: str | None = None,
    parts_per_worker: int = 4,
    cache: FileCache | None = None,
    reused: Sequence[dict[str, pa.Table]] = (),
    **_: object,
) -> list[InputError]:
    """Build on a Dask cluster (a new local one unless ``scheduler`` is given); return the
    files that could not be processed. The ``reused`` tables of unchanged files become the
    last part; the cache folder, like the set folder, must be one the workers can reach."""
    from dask.distributed import Client, LocalCluster
    from dask.distributed import progress as dask_progress

    cluster = (
        None
        if scheduler
        else LocalCluster(
            n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
        )
    )
    try:
        with Client(scheduler or cluster) as client:
            workers = max(1, len(client.scheduler_info()["workers"]))
            groups = partition(paths, workers * parts_per_worker)
            futures = client.map(
                process_and_write_part,
                groups,
                [str(set_dir)] * len(groups),
                range(len(groups)),
                [cache] * len(groups),
                pure=False,
            )
            if reused:
                write_part(concatenated(reused), set_dir, len(groups))
            if progress:
                dask_progress(futures)
            return [error for errors in client.gather(futures) for error in errors]
    finally:
        if cluster is not None:
            cluster.close()
