"""The incremental build: each raw file's tables are reused while it, its catalog and errata
rows and the code stay the same, and the published set equals a build from scratch."""

import pyarrow.parquet as pq
import pytest

from helpers.build import core, freshness, sets
from helpers.build.cache import CACHE_FOLDER
from helpers.build.core import TABLE_FILES
from helpers.build.pipeline import build
from tests.conftest import copy_seed_raw, seed_paths


@pytest.fixture
def processed_names(monkeypatch):
    """The names of the raw files the build processes (not those it takes from the cache)."""
    names = []
    real = core.file_tables

    def counting(path, sources):
        names.append(path.name)
        return real(path, sources)

    monkeypatch.setattr(core, "file_tables", counting)
    return names


def run_build(raw, out):
    build(raw_dir=raw, out_dir=out, progress=False, workers=1)
    return sets.build_info(out)


def tables_of(out):
    return {name: pq.read_table(sets.current(out) / f) for name, f in TABLE_FILES.items()}


def test_adding_one_file_processes_that_file_only(tmp_path, processed_names):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    assert sorted(processed_names) == sorted(p.name for p in seed_paths())
    processed_names.clear()
    added = raw / "added-article.txt"
    added.write_bytes(seed_paths()[0].read_bytes().replace("产业".encode(), "产业链".encode(), 1))
    info = run_build(raw, out)
    assert processed_names == [added.name]
    assert (info["processed"], info["reused"]) == (1, len(seed_paths()))
    # the published set is whole: the new file's articles beside every other
    sources = set(tables_of(out)["articles"]["source"].to_pylist())
    assert sources == {p.name for p in seed_paths()} | {added.name}


def test_cached_set_equals_a_fresh_build(tmp_path):
    raw = copy_seed_raw(tmp_path / "raw")
    run_build(raw, tmp_path / "out")
    (raw / "copy.txt").write_bytes(seed_paths()[1].read_bytes())
    assert run_build(raw, tmp_path / "out")["reused"] == len(seed_paths())
    assert run_build(raw, tmp_path / "fresh")["reused"] == 0
    cached, fresh = tables_of(tmp_path / "out"), tables_of(tmp_path / "fresh")
    for name in TABLE_FILES:
        assert cached[name].equals(fresh[name]), name


def test_other_code_reprocesses_every_file(tmp_path, processed_names, monkeypatch):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    processed_names.clear()
    monkeypatch.setattr(freshness, "code_fingerprint", lambda: "other code")
    info = run_build(raw, out)
    assert sorted(processed_names) == sorted(p.name for p in seed_paths())
    assert info["reused"] == 0
    # the entries of the old code are gone: the cache holds one entry per raw file
    assert len(list((out / CACHE_FOLDER).iterdir())) == len(seed_paths())


def test_a_catalog_row_change_reprocesses_its_file_only(tmp_path, processed_names):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    processed_names.clear()
    first = seed_paths()[0].name
    lines = (raw / "catalog.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(first + ","))
    fields = lines[row].split(",")
    fields[2] = "改过的标题"  # the title column
    lines[row] = ",".join(fields)
    (raw / "catalog.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_build(raw, out)
    assert processed_names == [first]
    titles = tables_of(out)["articles"].to_pandas().set_index("source")["title"]
    assert titles[first] == "改过的标题"


def test_errata_rows_are_part_of_the_key(tmp_path, processed_names):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    processed_names.clear()
    errata = (raw / "errata.csv").read_text(encoding="utf-8").splitlines()
    header, rows = errata[0], [line for line in errata[1:] if line.strip()]
    (raw / "errata.csv").write_text("\n".join([header, *rows[1:]]) + "\n", encoding="utf-8")
    run_build(raw, out)
    changed = {rows[0].split(",")[0]}
    assert set(processed_names) == changed


def test_without_a_published_set_the_entries_serve(tmp_path, processed_names):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    processed_names.clear()
    sets.current(out).unlink()
    (raw / "added.txt").write_bytes(seed_paths()[2].read_bytes() + "\n产业链".encode())
    info = run_build(raw, out)
    assert processed_names == ["added.txt"] and info["reused"] == len(seed_paths())


def test_a_damaged_entry_is_processed_again(tmp_path, processed_names):
    raw, out = copy_seed_raw(tmp_path / "raw"), tmp_path / "out"
    run_build(raw, out)
    processed_names.clear()
    entry = sorted((out / CACHE_FOLDER).iterdir())[0]
    entry.write_bytes(entry.read_bytes()[:100])
    sets.current(out).unlink()  # no published set to take the unchanged rows from
    assert run_build(raw, out)["processed"] == 1
    assert len(processed_names) == 1
