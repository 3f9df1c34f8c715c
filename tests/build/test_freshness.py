"""Staleness of the processed data: by the names and checksums of the raw files and the code."""

import shutil

import pytest

from helpers import config
from helpers.build import freshness
from helpers.build.pipeline import build

SEED = "hengyang-2024-industrial-chain-commentary.txt"


@pytest.fixture
def built(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(config.RAW_DATA_DIR / SEED, raw / SEED)
    assert freshness.processed_is_stale(out, raw)  # nothing built yet
    build(raw_dir=raw, out_dir=out, progress=False, workers=1)
    assert not freshness.processed_is_stale(out, raw)
    return raw, out


@pytest.mark.parametrize("change", ["rename", "delete", "add", "edit"])
def test_any_change_to_the_raw_files_makes_the_data_stale(built, change):
    raw, out = built
    path = raw / SEED
    if change == "rename":
        path.rename(raw / "renamed.txt")
    elif change == "delete":
        (raw / "other.txt").write_bytes(path.read_bytes())
        build(raw_dir=raw, out_dir=out, progress=False, workers=1)
        assert not freshness.processed_is_stale(out, raw)
        path.unlink()
    elif change == "add":
        (raw / "copy.txt").write_bytes(path.read_bytes())
    else:
        path.write_bytes(path.read_bytes() + "\n衡阳市召开会议。".encode())
    assert freshness.processed_is_stale(out, raw)


def test_data_side_code_makes_the_data_stale_and_presentation_code_does_not(built, monkeypatch):
    raw, out = built
    monkeypatch.setattr(freshness, "code_fingerprint", lambda: "changed")
    assert freshness.processed_is_stale(out, raw)


def test_presentation_code_is_not_a_data_side_file():
    data_side = {
        str(p.relative_to(config.PACKAGE_DIR)) for p in freshness.package_files(presentation=False)
    }
    assert {"build/core.py", "nlp/segment.py", "data/codebook.csv"} <= data_side
    assert not {p for p in data_side if p.split("/")[0] in config.PRESENTATION_PACKAGES}
    everything = {
        str(p.relative_to(config.PACKAGE_DIR)) for p in freshness.package_files(presentation=True)
    }
    assert {"report/runner.py", "analysis/__init__.py", "report/data/glossary.csv"} <= everything
