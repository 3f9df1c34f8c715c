"""Build data/processed/ from data/raw/: every raw file cleaned, segmented and extracted.

The build takes stock of the raw folder (names and checksums), reads its catalog and errata
strictly, runs an engine (a registry, as papermill registers its engines: ``local`` worker
processes or a ``dask`` cluster) that writes every table into a fresh set folder, and
publishes the set in one step (:mod:`helpers.build.sets`). Each file's tables are kept in a
cache keyed by its bytes, its catalog and errata rows and the code (:mod:`helpers.build.cache`):
a build after adding one article processes that article only, and still publishes a whole set. A raw file that cannot be
processed is named on one line and left out; the others are still published.
"""

import fcntl
import importlib
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from helpers import config
from helpers.build import freshness, sets
from helpers.build.cache import cache_for, file_key, rows_of_set
from helpers.clean.sources import load_sources
from helpers.errors import InputError, InputErrors

# Engine name -> "module:function"; imported on use, so Dask is needed only to use it.
ENGINES = {"local": "helpers.build.local:run", "dask": "helpers.build.dask_engine:run"}


def find_engine(name: str) -> Callable[..., list[InputError]]:
    """The run function registered under ``name``."""
    try:
        module, function = ENGINES[name].split(":")
    except KeyError:
        raise InputError(
            "--engine", f"unknown engine {name!r}; known: {', '.join(ENGINES)}"
        ) from None
    return getattr(importlib.import_module(module), function)


def build(
    engine: str = "local",
    scheduler: str | None = None,
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    progress: bool = True,
    workers: int | None = None,
) -> Path:
    """Build every processed table from the raw articles; return the output folder.

    Raises ``InputErrors`` after publishing when some files could not be processed, and
    ``InputError`` (nothing published) when none could, or the output cannot be written.
    """
    raw_dir = Path(raw_dir or config.RAW_DATA_DIR)
    out_dir = Path(out_dir or config.PROCESSED_DATA_DIR)
    run = find_engine(engine)
    paths, digests, errors = freshness.take_stock(raw_dir)
    if not paths and not errors:
        raise InputError(raw_dir, "no article files to build from")
    sources = load_sources(raw_dir, present=digests)
    for warning in sources.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    code = freshness.code_fingerprint()
    cache = cache_for(
        out_dir, {name: file_key(name, digest, sources, code) for name, digest in digests.items()}
    )
    try:
        sets.sweep(out_dir)
        set_dir = sets.new_set(out_dir)
    except OSError as error:
        raise InputError(
            out_dir, f"cannot write the processed tables: {error.strerror or error}"
        ) from None
    try:
        # Unchanged files' rows come from the published set (six reads), what it lacks from
        # the per-file entries, and the rest is processed.
        in_set, covered = rows_of_set(
            sets.current(out_dir), cache.keys, (sets.build_info(out_dir) or {}).get("keys", {})
        )
        reused = {path: None for path in paths if path.name in covered}
        reused.update(
            (path, tables)
            for path in paths
            if path not in reused and (tables := cache.load(path)) is not None
        )
        todo = [path for path in paths if path not in reused]
        errors += (
            run(
                todo,
                set_dir,
                progress=progress,
                workers=workers,
                scheduler=scheduler,
                cache=cache,
                reused=[in_set, *(tables for tables in reused.values() if tables is not None)],
            )
            if paths
            else []
        )
        if not set(digests) - {Path(error.path).name for error in errors}:
            raise InputErrors(errors)  # nothing could be processed: keep what was published
        sets.publish(
            set_dir,
            {
                "raw": digests,
                "code": code,
                "errors": [str(error) for error in errors],
                # how many article files this build processed and how many it took from
                # the cache (unchanged since a build that processed them)
                "processed": len(todo),
                "reused": len(reused),
                "keys": dict(cache.keys),  # what the next build may take from this set
            },
        )
        cache.prune()
    except OSError as error:
        raise InputError(
            out_dir, f"cannot write the processed tables: {error.strerror or error}"
        ) from None
    finally:
        try:
            sets.sweep(out_dir)
        except OSError:
            pass  # a folder that cannot be written was reported above
    if errors:
        raise InputErrors(errors)
    return out_dir


@contextmanager
def _exclusive(lock_file: Path):
    """One process at a time (two test workers must not both rebuild the data)."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_processed_data(progress: bool = True) -> bool:
    """Run the build when data/processed/ is stale; return whether it ran.

    Files that could not be processed are named (on stderr), whether this build or the
    last one met them; the reports are built from the others.
    """
    with _exclusive(config.CACHE_DIR / "build.lock"):
        if not freshness.processed_is_stale():
            for error in (sets.build_info(config.PROCESSED_DATA_DIR) or {}).get("errors", []):
                print(f"error: {error} (left out of the processed data)", file=sys.stderr)
            return False
        if progress:
            print("processed data is missing or stale: building it first", file=sys.stderr)
        try:
            build(progress=progress)
        except InputErrors as errors:
            if sets.build_info(config.PROCESSED_DATA_DIR) is None:
                raise
            for error in errors.errors:
                print(f"error: {error} (left out of the processed data)", file=sys.stderr)
        return True
