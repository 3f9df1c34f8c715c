"""data/raw/ is immutable: the checksum manifest and the catalog guard it.

Adding articles is the user's act, so these tests hold the listed files to their checksums
and the seed articles to theirs; a corpus that grew passes them.
"""

import csv
import shutil
from pathlib import Path

import pytest

from helpers import config
from helpers.clean.sources import read_manifest, sha256_file
from tests.conftest import SEED_CHECKSUMS


def changed_raw_files(manifest: Path = config.RAW_MANIFEST_FILE) -> list[str]:
    """Names of files in the manifest whose bytes differ from it (or that are missing)."""
    raw_dir = manifest.parent
    return [
        name
        for name, digest in read_manifest(manifest).items()
        if not (raw_dir / name).is_file() or sha256_file(raw_dir / name) != digest
    ]


SEEDS = {
    "hengyang-2020-09-29-industrial-chain-rally.txt": "000_8b589ce79140bf77.txt",
    "hengyang-2024-industrial-chain-commentary.txt": "001_405510e6c0b1773c.txt",
    "yunyang-2020-08-14-hundred-billion-industry-rally.txt": "002_ea375ec86079450b.txt",
    "luohe-2020-09-02-key-projects-review.txt": "003_96822f4a5f29efa9.txt",
    "hengyang-2022-02-07-three-articles.txt": "004_1cfb616fd9e52e81.txt",
}


def test_listed_raw_files_match_their_manifest():
    assert changed_raw_files() == []


def test_the_seed_articles_are_listed_with_their_checksums():
    manifest = read_manifest(config.RAW_MANIFEST_FILE)
    assert {name: manifest.get(name) for name in SEED_CHECKSUMS} == SEED_CHECKSUMS


def test_an_edited_raw_file_is_detected(tmp_path):
    copy = tmp_path / "raw"
    shutil.copytree(config.RAW_DATA_DIR, copy)
    victim = copy / "luohe-2020-09-02-key-projects-review.txt"
    victim.chmod(0o644)
    victim.write_bytes(victim.read_bytes().replace("漯河".encode(), "长沙".encode(), 1))
    assert changed_raw_files(copy / config.RAW_MANIFEST_FILE.name) == [victim.name]


@pytest.mark.skipif(
    not (config.PROJ_ROOT.parent / "shared" / "seeds").is_dir(),
    reason="the seed folder sits beside the project only on the team's machines",
)
@pytest.mark.parametrize("name,seed", SEEDS.items())
def test_raw_articles_are_the_seeds_byte_for_byte(name, seed):
    seeds = config.PROJ_ROOT.parent / "shared" / "seeds"
    assert (config.RAW_DATA_DIR / name).read_bytes() == (seeds / seed).read_bytes()


def test_catalog_has_one_complete_row_per_seed_article():
    rows = {
        row["file"]: row for row in csv.DictReader(config.CATALOG_FILE.open(encoding="utf-8-sig"))
    }
    assert set(SEEDS) <= set(rows)
    for name, seed in SEEDS.items():
        for column in ("locality", "province", "admin_level", "date", "outlet", "seed_file"):
            assert rows[name][column], (name, column)
        assert rows[name]["seed_file"] == seed
