"""Fixtures shared by the test modules."""

import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.clean.articles import Article, load_file


def _tokens_of(groups: dict[str, list[list[str]]], stop=()) -> pd.DataFrame:
    """A tokens table: one article per group, one inner list per sentence."""
    rows = []
    for group, sentences in groups.items():
        for sentence_id, words in enumerate(sentences):
            rows += [
                {
                    "article_id": group,
                    "sentence_id": sentence_id,
                    "position": i,
                    "token": w,
                    "is_stopword": w in stop,
                    "locality": group,
                }
                for i, w in enumerate(words)
            ]
    return pd.DataFrame(rows)


@pytest.fixture
def tokens_of():
    """Build a tokens table by hand: ``tokens_of({"A": [["产业链", "建设"], ...]}, stop={"的"})``,
    one article per group (its ``locality`` the group too), one inner list per sentence."""
    return _tokens_of


# -- the seed corpus, cleaned once per test process --------------------------------------------

# The seed articles, pinned by checksum: tests about them never fail because the corpus grew.
SEED_CHECKSUMS = {
    "hengyang-2020-09-29-industrial-chain-rally.txt": "57df5d3fd4b2360ad466e6360804b97131b51290e26491b8ddf9067a662f9b02",
    "hengyang-2022-02-07-three-articles.txt": "f1c0b6203d1d7d0eb847acc428334dda4e8e17eadfd5d412da82b004ed0a4164",
    "hengyang-2024-industrial-chain-commentary.txt": "a684439a8c904dbed6f211b39be30c7d656f3b23b0fa33b41787ec4599993511",
    "luohe-2020-09-02-key-projects-review.txt": "5f2efadff09a4fbdf3c9645e15881de857d28c0a01258998c6518e0ab1cae39d",
    "yunyang-2020-08-14-hundred-billion-industry-rally.txt": "2d2ef9205a3a33f0d5ba9bfd766dad2ab9585146c64b44d11a7c499cd2401ae1",
}


# The reports the seed corpus gets: a grown corpus gets these and more.
SEED_REPORTS = (
    "00_data_quality",
    "10_corpus_overview",
    "20_locality_profile_hengyang",
    "20_locality_profile_yunyang",
    "20_locality_profile_luohe",
    "30_compare_localities",
    "40_locality_over_time_hengyang",
    "50_term_explorer_chain",
    "50_term_explorer_investment",
)


def seed_paths() -> list[Path]:
    """The seed files of data/raw/, in name order."""
    return [config.RAW_DATA_DIR / name for name in sorted(SEED_CHECKSUMS)]


def copy_seed_raw(folder: Path) -> Path:
    """A raw folder of the seed files alone, with the catalog, errata and checksums."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in seed_paths() + [config.CATALOG_FILE, config.ERRATA_FILE, config.RAW_MANIFEST_FILE]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    """Every article of the seed files, cleaned as the build cleans them."""
    return [article for path in seed_paths() for article in load_file(path)]


def processes_with(marker: str) -> list[int]:
    """Pids of the processes whose environment holds ``marker`` (NAME=value): what a run
    started with it left behind."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def build_command(raw: Path, out: Path) -> list[str]:
    """``python -m helpers build`` of a raw folder into an output folder, quietly."""
    return [
        sys.executable,
        "-m",
        "helpers",
        "build",
        "--quiet",
        "--raw-dir",
        str(raw),
        "--out-dir",
        str(out),
    ]
