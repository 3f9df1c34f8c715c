"""The catalog wins; every disagreement with the text is flagged."""

from helpers import config
from helpers.clean.gazetteer import find_locality
from helpers.clean.metadata import merge_metadata
from helpers.clean.sources import load_sources

ROW = {
    "title": "城市竞争归根结底是产业的竞争",
    "locality": "衡阳市",
    "province": "湖南省",
    "admin_level": "地级市",
    "date": "2024",
    "outlet": "衡阳市政府门户网站",
}


def test_catalog_has_a_row_per_seed():
    catalog = load_sources(config.RAW_DATA_DIR).catalog
    assert catalog["yunyang-2020-08-14-hundred-billion-industry-rally.txt"]["locality"] == "云阳县"
    assert len(catalog) >= 5


def test_agreeing_text_raises_no_flag():
    meta = merge_metadata(
        ROW,
        title="城市竞争归根结底是产业的竞争",
        place=find_locality("衡阳"),
        date="2024",
        outlet="",
        whole_file=True,
    )
    assert (meta.title, meta.locality, meta.date, meta.year, meta.outlet, meta.flags) == (
        "城市竞争归根结底是产业的竞争",
        "衡阳市",
        "2024",
        2024,
        "衡阳市政府门户网站",
        (),
    )


def test_catalog_wins_and_disagreements_are_flagged():
    meta = merge_metadata(
        ROW,
        title="别的标题",
        place=find_locality("长沙"),
        date="2023-05-01",
        outlet="",
        whole_file=True,
    )
    assert (meta.locality, meta.date) == ("衡阳市", "2024")
    assert meta.flags == (
        "locality-disagrees-with-catalog: text 长沙市",
        "date-disagrees-with-catalog: text 2023-05-01",
    )


def test_without_a_catalog_row_the_text_decides_and_is_flagged():
    meta = merge_metadata(
        None,
        title="长沙召开大会",
        place=find_locality("长沙"),
        date="2021-03-05",
        outlet="长沙晚报",
        whole_file=True,
    )
    assert (
        meta.title,
        meta.locality,
        meta.province,
        meta.admin_level,
        meta.date,
        meta.year,
        meta.outlet,
    ) == ("长沙召开大会", "长沙市", "湖南省", "地级市", "2021-03-05", 2021, "长沙晚报")
    assert meta.flags == ("no-catalog-row",)


def test_missing_facts_are_flagged():
    meta = merge_metadata(None, title="", place=None, date=None, outlet="", whole_file=True)
    assert meta.flags == ("no-catalog-row", "no-locality-found", "no-date-found", "no-title-found")
    assert (meta.date, meta.year) == ("", None)  # unknown, not year 0


def test_a_catalog_title_describes_the_file_not_each_of_its_articles():
    meta = merge_metadata(
        ROW, title="第二篇的标题", place=None, date=None, outlet="", whole_file=False
    )
    assert meta.title == "第二篇的标题"
