"""What the processed data is built from, and whether that changed since the last build.

The processed tables depend on the raw files (their names and bytes) and on every package
file outside the presentation packages (``config.PRESENTATION_PACKAGES``); the reports
depend on all package files. Modification times are not trusted: a renamed or deleted
file changes no time that still exists.
"""

import hashlib
from pathlib import Path

from helpers import config
from helpers.build import sets
from helpers.clean.sources import sha256_file
from helpers.errors import InputError


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


def take_stock(raw_dir: Path) -> tuple[list[Path], dict[str, str], list[InputError]]:
    """The article files of a raw folder, their checksums, and the ones that cannot be read
    (a broken link, a file that vanished or may not be read)."""
    paths, digests, errors = [], {}, []
    for path in config.raw_article_paths(raw_dir):
        try:
            digests[path.name] = sha256_file(path)
        except FileNotFoundError:
            reason = (
                "broken symbolic link" if path.is_symlink() else "vanished while the build read it"
            )
            errors.append(InputError(path, reason))
            continue
        except OSError as error:
            errors.append(InputError(path, f"cannot read: {error.strerror or error}"))
            continue
        paths.append(path)
    return paths, digests, errors


def code_fingerprint() -> str:
    """SHA-256 over the package files the processed data depends on (all but presentation)."""
    return _files_digest(package_files(presentation=False))


def package_fingerprint() -> str:
    """SHA-256 over every source, data and template file of the package."""
    return _files_digest(package_files(presentation=True))


def _files_digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(
            str(path.relative_to(config.PACKAGE_DIR)).encode() + b"\0" + path.read_bytes()
        )
    return digest.hexdigest()


def processed_is_stale(processed_dir: Path | None = None, raw_dir: Path | None = None) -> bool:
    """True when nothing was published, or the raw files (names and checksums: an added,
    changed, renamed or deleted file) or the data-side code differ from the last build's."""
    info = sets.build_info(Path(processed_dir or config.PROCESSED_DATA_DIR))
    if info is None:
        return True
    _, digests, _ = take_stock(Path(raw_dir or config.RAW_DATA_DIR))
    return info.get("raw") != digests or info.get("code") != code_fingerprint()
