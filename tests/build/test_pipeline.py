"""The build: processed tables from the raw corpus, atomic, deterministic, same on Dask."""

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from helpers import config
from helpers.build import sets
from helpers.build.core import TABLE_FILES, in_article_order, process_files
from helpers.build.pipeline import build
from helpers.build.schema import arrow_schema
from helpers.errors import InputError
from tests.conftest import build_command, processes_with


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    build(out_dir=out, progress=False, workers=2)
    return out


def read(out, name):
    return pd.read_parquet(sets.current(out) / TABLE_FILES[name])


def published(out) -> dict[str, bytes]:
    return {f: (sets.current(out) / f).read_bytes() for f in TABLE_FILES.values()}


def test_every_table_is_written_with_its_documented_schema(built):
    for name, file_name in TABLE_FILES.items():
        schema = pq.read_schema(sets.current(built) / file_name)
        assert schema.names == arrow_schema(name).names, name
        assert schema.field(0).metadata[b"description"]


def test_articles_table_holds_one_row_per_article(built):
    articles = read(built, "articles")
    assert len(articles) == 7  # five files, one of which holds three articles
    assert articles["article_id"].is_unique
    assert set(articles["locality"]) == {"衡阳市", "云阳县", "漯河市"}
    assert (articles["text"].str.len() > 500).all()


def test_every_fact_lies_inside_the_sentence_it_points_to(built):
    facts, sentences = read(built, "facts"), read(built, "sentences")
    assert len(facts) > 0
    joined = facts.merge(sentences, on=["article_id", "sentence_id"], suffixes=("", "_sentence"))
    assert len(joined) == len(facts)
    assert joined.apply(lambda row: row["text"] in row["text_sentence"], axis=1).all()
    assert (
        (joined["start"] >= joined["start_sentence"]) & (joined["end"] <= joined["end_sentence"])
    ).all()


def test_building_twice_gives_byte_identical_files(built, tmp_path):
    build(out_dir=tmp_path, progress=False, workers=1)
    assert published(tmp_path) == published(built)


def run_build(raw, out):
    return subprocess.run(
        build_command(raw, out),
        capture_output=True,
        text=True,
    )


def test_bad_raw_files_fail_one_line_each_and_the_others_are_published(built, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    out = tmp_path / "processed"
    (raw / "zz-empty.txt").write_bytes(b"")
    (raw / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "zz-dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = run_build(raw, out)
    assert result.returncode == 2
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == 3, result.stderr
    assert "zz-binary.txt" in lines[0] and "zz-dangling.txt: broken symbolic link" in lines[1]
    assert "zz-empty.txt: file is empty" in lines[2]
    assert "Traceback" not in result.stderr
    assert published(out) == published(
        built
    )  # the seven good articles, as if the bad files were not there
    assert len(sets.build_info(out)["errors"]) == 3


def test_when_no_file_can_be_processed_the_previous_build_stays(built, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    shutil.copytree(built, out, symlinks=True)
    before = published(out)
    result = run_build(raw, out)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert published(out) == before


def test_every_bad_file_of_a_group_is_named():
    good = config.raw_article_paths()[0]
    result = process_files([Path("/nonexistent/a.txt"), good, Path("/nonexistent/b.txt")])
    assert [Path(e.path).name for e in result.errors] == ["a.txt", "b.txt"]
    assert result.tables["articles"].num_rows == 1


def test_tables_are_published_as_one_set_and_what_a_killed_build_left_is_swept(built, tmp_path):
    out = tmp_path / "processed"
    shutil.copytree(built, out, symlinks=True)
    first = sets.current(out).resolve()
    leftover = sets.new_set(out)  # a build killed while writing its tables
    (leftover / "articles.parquet").write_bytes(b"half")
    (out / ".articles.parquet.x1.tmp").write_bytes(b"")
    build(out_dir=out, progress=False, workers=1)
    second = sets.current(out).resolve()
    assert second != first and second.parent == out
    assert not leftover.exists() and not (out / ".articles.parquet.x1.tmp").exists()
    assert first.is_dir()  # the set before is kept for readers still reading it
    build(out_dir=out, progress=False, workers=1)
    assert not first.exists() and second.is_dir()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("set-")) == sorted(
        [second.name, sets.current(out).resolve().name]
    )


def test_a_full_disk_while_writing_the_tables_is_a_one_line_error_and_publishes_nothing(
    built, tmp_path, monkeypatch
):
    out = tmp_path / "processed"
    shutil.copytree(built, out, symlinks=True)
    before = published(out)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("helpers.build.core.pq.write_table", full)
    with pytest.raises(InputError) as error:
        build(out_dir=out, progress=False, workers=1)
    assert str(error.value) == f"{out}: cannot write the processed tables: No space left on device"
    assert published(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_output_folder_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    result = run_build(config.RAW_DATA_DIR, blocked / "processed")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {blocked / 'processed'}: cannot write the processed tables: Not a directory"
    ]


def test_extract_json_piped_into_head_ends_quietly():
    raw = " ".join(str(p) for p in config.raw_article_paths())
    result = subprocess.run(
        f"{sys.executable} -m helpers extract --json {raw} | head -c 100",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert result.stderr == ""


def test_dask_build_on_a_local_cluster_equals_the_local_build(built, tmp_path):
    pytest.importorskip("dask.distributed")
    build(engine="dask", out_dir=tmp_path, progress=False)
    for name, file_name in TABLE_FILES.items():
        folder = sets.current(tmp_path) / file_name
        assert folder.is_dir(), "the Dask build writes one folder of parts per table"
        assert len(list(folder.glob("part-*.parquet"))) >= 2
        dask_table = in_article_order(
            pq.read_table(folder)
        ).to_pandas()  # parts hold whole articles
        pd.testing.assert_frame_equal(dask_table, read(built, name), check_dtype=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_while_the_tables_are_written_leaves_the_published_set_and_no_worker(
    built, tmp_path
):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    for copy in range(40):  # enough work to be killed in the middle of it
        for path in config.raw_article_paths():
            (raw / f"copy{copy}-{path.name}").write_bytes(path.read_bytes())
    shutil.copytree(built, out, symlinks=True)
    before, target = published(out), sets.current(out).resolve()
    marker = f"HELPERS_TEST_MARKER={tmp_path.name}"
    command = build_command(raw, out)
    parent = subprocess.Popen(command, env={**os.environ, "HELPERS_TEST_MARKER": tmp_path.name})
    deadline = time.monotonic() + 60
    while not list(out.glob(".set-*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # workers started, tables half done
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_with(marker) == []
    assert sets.current(out).resolve() == target and published(out) == before
    assert list(out.glob(".set-*.tmp"))  # what it left...
    build(raw_dir=config.RAW_DATA_DIR, out_dir=out, progress=False, workers=1)
    assert not list(out.glob(".set-*.tmp"))  # ...is swept by the next build
