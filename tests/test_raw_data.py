"""data/raw/ is immutable: the checksum manifest and the catalog guard it."""

import csv
import shutil

import pytest

from helpers import config
from helpers.build.manifest import changed_raw_files, read_manifest

SEEDS = {
    "hengyang-2020-09-29-industrial-chain-rally.txt": "000_8b589ce79140bf77.txt",
    "hengyang-2024-industrial-chain-commentary.txt": "001_405510e6c0b1773c.txt",
    "yunyang-2020-08-14-hundred-billion-industry-rally.txt": "002_ea375ec86079450b.txt",
    "luohe-2020-09-02-key-projects-review.txt": "003_96822f4a5f29efa9.txt",
    "hengyang-2022-02-07-three-articles.txt": "004_1cfb616fd9e52e81.txt",
}


def test_raw_files_match_their_manifest():
    assert changed_raw_files() == []


def test_manifest_covers_every_raw_file():
    on_disk = {p.name for p in config.RAW_DATA_DIR.iterdir() if p.name != config.RAW_MANIFEST_FILE.name}
    assert set(read_manifest()) == on_disk


def test_an_edited_raw_file_is_detected(tmp_path):
    copy = tmp_path / "raw"
    shutil.copytree(config.RAW_DATA_DIR, copy)
    victim = copy / "luohe-2020-09-02-key-projects-review.txt"
    victim.chmod(0o644)
    victim.write_bytes(victim.read_bytes().replace("漯河".encode(), "长沙".encode(), 1))
    assert changed_raw_files(copy / config.RAW_MANIFEST_FILE.name) == [victim.name]


@pytest.mark.skipif(not (config.PROJ_ROOT.parent / "shared" / "seeds").is_dir(),
                    reason="the seed folder sits beside the project only on the team's machines")
@pytest.mark.parametrize("name,seed", SEEDS.items())
def test_raw_articles_are_the_seeds_byte_for_byte(name, seed):
    seeds = config.PROJ_ROOT.parent / "shared" / "seeds"
    assert (config.RAW_DATA_DIR / name).read_bytes() == (seeds / seed).read_bytes()


def test_catalog_has_one_complete_row_per_article():
    rows = list(csv.DictReader(config.CATALOG_FILE.open(encoding="utf-8")))
    assert {row["file"] for row in rows} == set(SEEDS)
    for row in rows:
        for column in ("locality", "province", "admin_level", "date", "outlet", "seed_file"):
            assert row[column], (row["file"], column)
        assert SEEDS[row["file"]] == row["seed_file"]
