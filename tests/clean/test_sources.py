"""Catalog and errata: read strictly, matched by file name or by the checksum of the bytes."""

import shutil
import subprocess

import pytest

from helpers import config
from helpers.clean.articles import load_file
from helpers.clean.sources import load_sources
from helpers.errors import InputError
from tests.conftest import build_command

SEED = "yunyang-2020-08-14-hundred-billion-industry-rally.txt"
HEADER = "file,title,locality,province,admin_level,date,outlet\n"
ROW = f"{SEED},云阳召开大会,云阳县,重庆市,县,2020-08-14,云阳网\n"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(config.RAW_DATA_DIR / SEED, folder / SEED)
    return folder


def write_catalog(folder, text: str, encoding="utf-8") -> None:
    (folder / "catalog.csv").write_bytes(text.encode(encoding))


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            HEADER
            + f'{SEED},"云阳召开大会,云阳县,重庆市,县,2020-08-14,云阳网\n'
            + ROW.replace(SEED, "b.txt"),
            "line 2: a quoted field is never closed",
        ),
        (HEADER + ROW + ROW, f"line 3: {SEED} is already listed on line 2"),
        (HEADER + ROW.rstrip("\n") + ",extra\n", "line 2: 8 fields where the header has 7"),
        ("name,title\nx.txt,t\n", "line 1: no column file (the header is name,title)"),
    ],
)
def test_a_broken_catalog_is_a_one_line_error_naming_file_and_line(raw, text, reason):
    write_catalog(raw, text)
    with pytest.raises(InputError) as error:
        load_sources(raw)
    assert str(error.value) == f"{raw / 'catalog.csv'}: {reason}"


@pytest.mark.parametrize("date", ["2020-13-45", "去年", "14/08/2020"])
def test_an_impossible_or_unparseable_catalog_date_is_dropped_and_flagged(raw, date):
    write_catalog(raw, HEADER + ROW.replace(",2020-08-14,", f",{date},"))
    sources = load_sources(raw, present={SEED: "x"})
    assert any(f"{date!r} is not a date" in warning for warning in sources.warnings)
    [article] = load_file(raw / SEED, sources)
    assert f"catalog-date-invalid: catalog.csv line 2: {date}" in article.flags
    assert article.date == "2020-08-14"  # from the file name, not from the bad row


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_a_catalog_with_a_byte_order_mark_or_in_gbk_is_read(raw, encoding):
    write_catalog(
        raw,
        HEADER
        + ROW * 1
        + "a.txt,衡阳市委召开产业链建设推进大会,衡阳市,湖南省,地级市,2020-09-29,衡阳日报\n",
        encoding,
    )
    catalog = load_sources(raw).catalog
    assert (
        catalog[SEED]["locality"] == "云阳县"
        and catalog["a.txt"]["title"] == "衡阳市委召开产业链建设推进大会"
    )


def test_rows_for_missing_files_are_warned_about_one_line_each(raw):
    write_catalog(raw, HEADER + ROW + ROW.replace(SEED, "gone.txt"))
    (raw / "errata.csv").write_text(
        "file,garbled,repair,evidence\nlost.txt,甲?,甲乙,x\n", encoding="utf-8"
    )
    warnings = load_sources(raw, present={SEED: "x"}).warnings
    assert warnings == (
        f"{raw / 'catalog.csv'}: line 3: no file gone.txt in {raw}",
        f"{raw / 'errata.csv'}: line 2: no file lost.txt in {raw}",
    )


def test_the_build_reports_a_broken_catalog_in_one_line(raw, tmp_path):
    write_catalog(raw, HEADER + f'{SEED},"unclosed\n')
    result = subprocess.run(
        build_command(raw, tmp_path / "out"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {raw / 'catalog.csv'}: line 2: a quoted field is never closed"
    ]
