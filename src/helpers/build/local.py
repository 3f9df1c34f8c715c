"""The local engine: raw files processed in a pool of worker processes on this machine."""

import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow as pa
from tqdm import tqdm

from helpers.build.cache import FileCache
from helpers.build.core import (
    GROUP_BYTES,
    TABLE_FILES,
    combine,
    partition,
    process_files,
    write_parquet,
)
from helpers.errors import InputError
from helpers.processes import die_with_parent


def run(
    paths: Sequence[Path],
    set_dir: Path,
    progress: bool = True,
    workers: int | None = None,
    cache: FileCache | None = None,
    reused: Sequence[dict[str, pa.Table]] = (),
    **_: object,
) -> list[InputError]:
    """Process files in worker processes and write every table, with the ``reused`` tables
    of unchanged files, into ``set_dir``; return the files that could not be processed.

    The work is CPU-bound: each worker loads the dictionaries once, and dies with the build
    if the build is killed. A single group (a file or two added to a built corpus) is
    processed in this process: starting workers would cost more than it saves.
    """
    workers = workers or os.cpu_count() or 1
    # A few groups per worker balance uneven file sizes without paying much per task; on a
    # large corpus, groups of at most about GROUP_BYTES keep each task's tables small.
    total = sum(path.stat().st_size for path in paths)
    groups = partition(paths, max(workers * 4, -(-total // GROUP_BYTES)))
    if workers == 1 or len(groups) <= 1:
        outcomes = [
            process_files(group, cache)
            for group in tqdm(
                groups, disable=not progress, desc="build", unit="part", file=sys.stderr
            )
        ]
    else:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(groups)),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            outcomes = list(
                tqdm(
                    pool.map(process_files, groups, [cache] * len(groups)),
                    total=len(groups),
                    disable=not progress,
                    desc="build",
                    unit="part",
                    file=sys.stderr,
                )
            )
    for name, table in combine([*(o.tables for o in outcomes), *reused]).items():
        write_parquet(name, table, set_dir / TABLE_FILES[name])
    return [error for outcome in outcomes for error in outcome.errors]
