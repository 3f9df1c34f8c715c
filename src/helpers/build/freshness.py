"""Whether the processed tables are up to date, and the fingerprint of the package's files.

Processed data is stale when a table is missing or older than a raw file or a data-side
package file; the presentation packages (``config.PRESENTATION_PACKAGES``) never make it stale.
"""

import fcntl
import hashlib
import sys
from contextlib import contextmanager
from pathlib import Path

from helpers import config
from helpers.build import tables


def package_files(presentation: bool) -> list[Path]:
    """Source and data files of the package; without the presentation packages
    (``config.PRESENTATION_PACKAGES``) if asked."""
    files = []
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(config.PACKAGE_DIR)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix == ".pyc":
            continue
        if not presentation and relative.parts[0] in config.PRESENTATION_PACKAGES:
            continue
        files.append(path)
    return files


def processed_is_stale(processed_dir: Path | None = None, raw_dir: Path | None = None) -> bool:
    """True when a processed table is missing or older than a raw file or a data-side package file."""
    outputs = list(tables.table_paths(processed_dir).values())
    if not all(path.exists() for path in outputs):
        return True
    built = min(path.stat().st_mtime for path in outputs)
    inputs = [p for p in Path(raw_dir or config.RAW_DATA_DIR).iterdir() if p.is_file()]
    inputs += package_files(presentation=False)
    return any(path.stat().st_mtime > built for path in inputs)


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
    """Run the build when data/processed/ is stale; return whether it ran."""
    with _exclusive(config.CACHE_DIR / "build.lock"):
        if not processed_is_stale():
            return False
        from helpers.build.core import build

        if progress:
            print("processed data is missing or stale: building it first", file=sys.stderr)
        build(progress=progress)
        return True


def package_fingerprint() -> str:
    """SHA-256 over every source, data and template file of the package."""
    digest = hashlib.sha256()
    for path in package_files(presentation=True):
        digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
