"""Processed tables published as one set: readers see the old build or the new one, never a mix.

A build writes every table, and ``build.json`` (what it was built from), into a fresh hidden
folder ``.set-<id>.tmp`` beside the published sets; then renames it ``set-<id>`` and points
the link ``current`` at it with one atomic rename. The set before it is kept (a reader may
still be reading it); older sets and what a killed build left are swept at the next build.
"""

import json
import os
import shutil
import uuid
from pathlib import Path

from helpers import config

BUILD_INFO = "build.json"
_TMP_SUFFIX = ".tmp"


def current(out_dir: Path) -> Path:
    """The folder of the published tables (a link to the latest set)."""
    return Path(out_dir) / config.CURRENT_SET


def sweep(out_dir: Path) -> list[Path]:
    """Remove what killed builds left (unfinished sets, temporary files) and sets older than
    the current one and the one before it; return what was removed."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    link = current(out_dir)
    keep = {link.resolve().name} if link.is_symlink() else set()
    finished = sorted(
        (p for p in out_dir.glob("set-*") if p.is_dir() and p.name not in keep),
        key=lambda p: p.stat().st_mtime,
    )
    removed = [
        p for p in out_dir.iterdir() if p.name.startswith(".") and p.name.endswith(_TMP_SUFFIX)
    ]
    removed += finished[:-1]  # the newest of the others is the set before the current one
    for path in removed:
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink(
            missing_ok=True
        )
    return removed


def new_set(out_dir: Path) -> Path:
    """A fresh folder for the tables of one build (unpublished until :func:`publish`)."""
    folder = Path(out_dir) / f".set-{uuid.uuid4().hex[:12]}{_TMP_SUFFIX}"
    folder.mkdir(parents=True)
    return folder


def publish(set_dir: Path, info: dict) -> Path:
    """Write ``build.json`` into a finished set, then make it the current one in one step."""
    (set_dir / BUILD_INFO).write_text(
        json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )
    out_dir = set_dir.parent
    final = out_dir / set_dir.name[1 : -len(_TMP_SUFFIX)]
    set_dir.rename(final)
    link = out_dir / f".{config.CURRENT_SET}.{final.name}{_TMP_SUFFIX}"
    link.symlink_to(final.name)
    os.replace(link, current(out_dir))
    return final


def build_info(out_dir: Path) -> dict | None:
    """What the current set was built from, or None when nothing was published."""
    path = current(out_dir) / BUILD_INFO
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
