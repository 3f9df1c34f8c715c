"""The build on a Dask cluster: same per-file functions, one Parquet part per task.

Each task cleans and analyses a group of raw files (``helpers.build.core.process_files``) and
writes its share of every table as ``<table>.parquet/part-NNNNN.parquet`` under a scratch
folder; when every task has succeeded the folders replace the previous outputs. Workers
write the parts themselves, so with a remote scheduler ``out_dir`` must be a path the
workers can reach (a shared filesystem); pandas and pyarrow read such a folder exactly
like a single Parquet file.
"""

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from helpers.build.core import TABLE_FILES, _process_files_or_error, in_article_order, partition, write_parquet
from helpers.errors import InputErrors

LOCAL_WORKERS = 2


def process_and_write_part(paths: Sequence[Path], scratch: str, index: int) -> InputErrors | dict[str, int]:
    """Process one group of files and write its rows of every table; return row counts."""
    result = _process_files_or_error(paths)
    if isinstance(result, InputErrors):
        return result
    counts = {}
    for name, table in result.items():
        folder = Path(scratch) / TABLE_FILES[name]
        folder.mkdir(parents=True, exist_ok=True)
        table = in_article_order(table)
        write_parquet(name, table, folder / f"part-{index:05d}.parquet")
        counts[name] = table.num_rows
    return counts


def _replace(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, whether ``target`` is a file, a folder or absent."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.is_dir():
        shutil.rmtree(old)
    else:
        old.unlink(missing_ok=True)


def run_dask(paths: Sequence[Path], out_dir: Path, scheduler: str | None = None,
             progress: bool = True, parts_per_worker: int = 4) -> dict[str, int]:
    """Build on a Dask cluster (a new local one unless ``scheduler`` is given).

    Returns the row count of every table.
    """
    from dask.distributed import Client, LocalCluster, progress as dask_progress

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".dask-build-", dir=out_dir))
    cluster = None if scheduler else LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1,
                                                   processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            workers = max(1, len(client.scheduler_info()["workers"]))
            groups = partition(paths, workers * parts_per_worker)
            futures = client.map(process_and_write_part, groups, [str(scratch)] * len(groups),
                                 range(len(groups)), pure=False)
            if progress:
                dask_progress(futures)
            outcomes = client.gather(futures)
        errors = [error for o in outcomes if isinstance(o, InputErrors) for error in o.errors]
        if errors:
            raise InputErrors(errors)
        for file_name in TABLE_FILES.values():
            _replace(scratch / file_name, out_dir / file_name)
        return {name: sum(o[name] for o in outcomes) for name in TABLE_FILES}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if cluster is not None:
            cluster.close()
