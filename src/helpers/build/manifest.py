"""Checksums of data/raw/: proof that the raw data was never edited."""

import hashlib
from pathlib import Path

from helpers import config


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(manifest: Path = config.RAW_MANIFEST_FILE) -> dict[str, str]:
    """Map file name -> expected checksum, from a ``sha256sum``-format file."""
    entries = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            entries[name.lstrip("*")] = digest
    return entries


def changed_raw_files(manifest: Path = config.RAW_MANIFEST_FILE) -> list[str]:
    """Names of files in the manifest whose bytes differ from it (or that are missing)."""
    raw_dir = manifest.parent
    return [
        name
        for name, digest in read_manifest(manifest).items()
        if not (raw_dir / name).is_file() or sha256_file(raw_dir / name) != digest
    ]
