"""The build: processed tables from the raw corpus, atomic, deterministic, same on Dask."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from helpers import config
from helpers.build.core import TABLE_FILES, build, in_article_order
from helpers.build.schema import arrow_schema


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    build(out_dir=out, progress=False, workers=2)
    return out


def read(out, name):
    return pd.read_parquet(out / TABLE_FILES[name])


def test_every_table_is_written_with_its_documented_schema(built):
    for name, file_name in TABLE_FILES.items():
        schema = pq.read_schema(built / file_name)
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
    assert ((joined["start"] >= joined["start_sentence"]) & (joined["end"] <= joined["end_sentence"])).all()


def test_building_twice_gives_byte_identical_files(built, tmp_path):
    build(out_dir=tmp_path, progress=False, workers=1)
    for file_name in TABLE_FILES.values():
        assert (tmp_path / file_name).read_bytes() == (built / file_name).read_bytes(), file_name


def test_bad_raw_files_fail_one_line_each_and_keep_the_previous_build(built, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    out = tmp_path / "processed"
    shutil.copytree(built, out)
    before = {f: (out / f).read_bytes() for f in TABLE_FILES.values()}
    (raw / "zz-empty.txt").write_bytes(b"")
    (raw / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    result = subprocess.run([sys.executable, "-m", "helpers", "build", "--quiet", "--raw-dir", str(raw),
                             "--out-dir", str(out)], capture_output=True, text=True)
    assert result.returncode == 2
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == 2, result.stderr
    assert "zz-binary.txt" in lines[0] and "zz-empty.txt" in lines[1]
    assert "Traceback" not in result.stderr
    assert {f: (out / f).read_bytes() for f in TABLE_FILES.values()} == before


def test_every_bad_file_of_a_group_is_named():
    from helpers.build.core import process_files
    from helpers.errors import InputErrors

    good = config.raw_article_paths()[0]
    with pytest.raises(InputErrors) as caught:
        process_files([Path("/nonexistent/a.txt"), good, Path("/nonexistent/b.txt")])
    assert [Path(e.path).name for e in caught.value.errors] == ["a.txt", "b.txt"]


def test_extract_json_piped_into_head_ends_quietly():
    raw = " ".join(str(p) for p in config.raw_article_paths())
    result = subprocess.run(f"{sys.executable} -m helpers extract --json {raw} | head -c 100",
                            shell=True, capture_output=True, text=True)
    assert result.stderr == ""


def test_dask_build_on_a_local_cluster_equals_the_local_build(built, tmp_path):
    pytest.importorskip("dask.distributed")
    build(engine="dask", out_dir=tmp_path, progress=False)
    for name, file_name in TABLE_FILES.items():
        assert (tmp_path / file_name).is_dir(), "the Dask build writes one folder of parts per table"
        assert len(list((tmp_path / file_name).glob("part-*.parquet"))) >= 2
        dask_table = in_article_order(pq.read_table(tmp_path / file_name)).to_pandas()  # parts hold whole articles
        pd.testing.assert_frame_equal(dask_table, read(built, name), check_dtype=True)
