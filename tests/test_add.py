"""``helpers add``: files copied into a scratch project's raw folder, never over another,
with their checksums and catalog rows; the real data/raw/ is never written."""

import csv
import os
import shutil
import subprocess
import sys

import pytest

from helpers import config
from helpers.add import INFERRED_NOTE, add_files
from helpers.clean.sources import load_sources, read_manifest, sha256_file
from tests.clean.test_formats import PAGE, PARAGRAPHS, TITLE, write_docx
from tests.test_raw_data import changed_raw_files

ZHUZHOU = """株洲市召开轨道交通装备产业链推进大会
发布时间：2023-05-06 09:30
5月6日，株洲市召开轨道交通装备产业链推进大会。市委书记在会上强调，要坚定不移做强轨道交通装备产业链，加快打造世界级产业集群。
会议指出，全市上下要聚焦链主企业招商引资，力争到2025年轨道交通装备产业产值突破2000亿元。
"""


@pytest.fixture
def project(tmp_path):
    """A scratch project: a copy of the raw folder, and the HELPERS_PROJECT_ROOT pointing at it."""
    shutil.copytree(config.RAW_DATA_DIR, tmp_path / "data" / "raw")
    return tmp_path


@pytest.fixture
def incoming(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incoming")
    (folder / "zhuzhou-rail.txt").write_text(ZHUZHOU, encoding="gbk")
    (folder / "yibin.html").write_text(PAGE.replace("{charset}", "utf-8"), encoding="utf-8")
    write_docx(folder / "yibin.docx", [TITLE, "2023-03-15", *PARAGRAPHS])
    return folder


def catalog_rows(raw):
    with (raw / "catalog.csv").open(encoding="utf-8-sig", newline="") as rows:
        return {row["file"]: row for row in csv.DictReader(rows)}


def test_added_files_are_copied_with_checksums_and_catalog_rows_for_review(project, incoming):
    raw = project / "data" / "raw"
    before = {path.name: path.read_bytes() for path in raw.iterdir()}
    (project / "before-SHA256SUMS").write_bytes(before["SHA256SUMS"])
    added, errors = add_files(sorted(incoming.iterdir()), raw)
    assert errors == [] and [path.name for path in added] == [
        "yibin.docx",
        "yibin.html",
        "zhuzhou-rail.txt",
    ]
    for path in added:
        assert path.read_bytes() == (incoming / path.name).read_bytes()
    manifest = read_manifest(raw / "SHA256SUMS")
    assert {path.name: manifest[path.name] for path in added} == {
        path.name: sha256_file(path) for path in added
    }
    # Every other listed file keeps its line; the catalog's follows the rows appended to it,
    # so the manifest still holds for every file it lists.
    listed_before = read_manifest(project / "before-SHA256SUMS")
    assert {name: manifest[name] for name in listed_before if name != "catalog.csv"} == {
        name: digest for name, digest in listed_before.items() if name != "catalog.csv"
    }
    assert changed_raw_files(raw / "SHA256SUMS") == []
    assert (raw / "catalog.csv").read_bytes().startswith(before["catalog.csv"])
    rows = catalog_rows(raw)
    assert rows["zhuzhou-rail.txt"] | {"seed_file": ""} == {
        "file": "zhuzhou-rail.txt",
        "seed_file": "",
        "title": "株洲市召开轨道交通装备产业链推进大会",
        "locality": "株洲市",
        "province": "湖南省",
        "admin_level": "地级市",
        "date": "2023-05-06",
        "outlet": "",
        "note": INFERRED_NOTE,
    }
    assert rows["yibin.html"]["title"] == TITLE and rows["yibin.docx"]["date"] == "2023-03-15"
    # The catalog still reads strictly, and the seed rows are as they were.
    sources = load_sources(raw)
    assert sources.catalog_row("yibin.html")["locality"] == "宜宾市"
    seed_rows = catalog_rows(config.RAW_DATA_DIR)
    assert {name: rows[name] for name in seed_rows} == seed_rows


def test_a_file_is_never_added_over_one_that_is_there(project, incoming):
    raw = project / "data" / "raw"
    seed = raw / "luohe-2020-09-02-key-projects-review.txt"
    original = seed.read_bytes()
    (incoming / seed.name).write_text(ZHUZHOU, encoding="utf-8")
    added, errors = add_files([incoming / seed.name, incoming / "zhuzhou-rail.txt"], raw)
    assert [str(error) for error in errors] == [
        f"{seed}: already exists; not replaced (rename the new file)"
    ]
    assert seed.read_bytes() == original and [path.name for path in added] == ["zhuzhou-rail.txt"]
    assert list(catalog_rows(raw)).count(seed.name) == 1


@pytest.mark.parametrize("name", ["catalog.csv", "README.md", ".hidden.txt"])
def test_the_raw_folder_s_own_names_are_refused(project, tmp_path, name):
    path = tmp_path / name
    path.write_text(ZHUZHOU, encoding="utf-8")
    added, errors = add_files([path], project / "data" / "raw")
    assert added == [] and "not a name for an article" in str(errors[0])


def test_helpers_add_writes_into_the_project_it_is_pointed_at(project, incoming, tmp_path):
    scan = tmp_path / "scan.xlsx"
    scan.write_bytes(b"PK")
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "add", str(incoming / "zhuzhou-rail.txt"), str(scan)],
        capture_output=True,
        text=True,
        env=os.environ | {"HELPERS_PROJECT_ROOT": str(project)},
        timeout=120,
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {scan}: unsupported file type .xlsx (articles are .docx, .htm, .html, .pdf, .txt)"
    ]
    assert (project / "data" / "raw" / "zhuzhou-rail.txt").is_file()
    assert not (config.RAW_DATA_DIR / "zhuzhou-rail.txt").exists()
    assert "zhuzhou-rail.txt" in catalog_rows(project / "data" / "raw")
