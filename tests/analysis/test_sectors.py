"""Chains aligned by sector: names normalised, every taxonomy row reached by its own examples,
and the seeds' shared sectors read from the built tables."""

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import sectors
from helpers.analysis.comparable import shared_formulas
from helpers.analysis.trajectory import slogan_mentions
from helpers.nlp.analyse import analyse_text

EXPECTED = Path(__file__).resolve().parents[1] / "corpus" / "expected"


@pytest.mark.parametrize(
    "written, compared",
    [
        ("电子信息产业链", "电子信息"),
        ("电子信息", "电子信息"),
        ("现代物流业", "现代物流"),
        ("泵与电机产业集群", "泵与电机"),
        ("食品全产业链", "食品"),
        ("农业", "农业"),  # 业 of a word kept whole
        ("现代服务业", "现代服务业"),
        ("产业", "产业"),  # a head word alone stays
    ],
)
def test_names_are_compared_without_their_head_words(written, compared):
    assert sectors.normalise_chain(written) == compared


@pytest.mark.parametrize(
    "sector, example",
    [(sector.code, example) for sector in sectors.taxonomy() for example in sector.examples],
)
def test_every_taxonomy_row_maps_its_own_examples(sector, example):
    assert sector in sectors.sectors_of(example)


def test_the_taxonomy_has_the_nine_strategic_emerging_industries_of_2018():
    table = sectors.taxonomy_table()
    sei = table[table["family"] == "SEI"]
    assert sei["name_zh"].tolist() == [
        "新一代信息技术产业",
        "高端装备制造产业",
        "新材料产业",
        "生物产业",
        "新能源汽车产业",
        "新能源产业",
        "节能环保产业",
        "数字创意产业",
        "相关服务业",
    ]
    assert table["code"].is_unique and table["name_en"].str.len().gt(0).all()


@pytest.mark.parametrize(
    "name, expected",
    [
        ("化工新材料", ["SEI-3"]),  # the longer cue wins: not chemicals too
        ("新能源汽车零部件", ["SEI-5"]),  # not new energy, not conventional auto parts
        ("新型能源及电力装备", ["SEI-6", "TI-EQ"]),  # a name that spans two sectors
        ("生物医药和高性能医疗器械", ["SEI-4"]),
        ("智能装备制造", ["SEI-2"]),
        ("沿高速公路", [sectors.UNMAPPED]),  # a corridor, not an industry
    ],
)
def test_overlapping_cues_give_the_longer_match(name, expected):
    assert sectors.sectors_of(name) == expected


def _chains(rows):
    return pd.DataFrame(
        [
            {"locality": place, "article_id": place, "detail": json.dumps({"name": name})}
            for place, name in rows
        ]
    )


def test_the_matrix_lists_the_names_behind_each_cell_and_keeps_unmapped_names():
    mapped = sectors.chain_sectors(
        _chains([("A", "电子信息"), ("B", "电子信息产业链"), ("B", "现代物流业"), ("A", "沿铁路")])
    )
    matrix = sectors.sector_matrix(mapped, ["A", "B"])
    assert matrix.loc["SEI-1", ["A", "B"]].tolist() == ["电子信息", "电子信息产业链"]  # as written
    assert matrix.loc["SV-LOG", ["A", "B"]].tolist() == ["", "现代物流业"]
    assert matrix.index[-1] == sectors.UNMAPPED and matrix.loc[sectors.UNMAPPED, "A"] == "沿铁路"
    assert sectors.shared_sectors(matrix, ["A", "B"]).index.tolist() == ["SEI-1"]
    assert sectors.unmapped_names(mapped).values.tolist() == [["沿铁路", "A"]]


def test_a_cell_keeps_a_name_that_holds_a_list_mark_whole():
    chains = _chains([("A", "轻工纺织"), ("A", "汽车")]).assign(
        text=["轻工纺织（含化妆品、纺织服装）产业链", "汽车产业链"]
    )
    matrix = sectors.sector_matrix(sectors.chain_sectors(chains), ["A"])
    assert matrix.loc["TI-TEX", "A"] == "轻工纺织（含化妆品、纺织服装）产业链"
    assert matrix.loc["TI-AUTO", "A"] == "汽车产业链"


def test_unmapped_names_are_never_a_shared_sector():
    mapped = sectors.chain_sectors(_chains([("A", "沿铁路"), ("B", "沿高速公路")]))
    matrix = sectors.sector_matrix(mapped, ["A", "B"])
    assert sectors.shared_sectors(matrix, ["A", "B"]).empty


@pytest.fixture(scope="module")
def seed_facts(seed_articles):
    rows = []
    for article in seed_articles:
        facts = pd.DataFrame(analyse_text(article.article_id, article.text)["facts"])
        rows.append(facts.assign(locality=article.locality))
    return pd.concat(rows, ignore_index=True)


def test_hengyang_and_luohe_share_electronic_information_biomedicine_and_logistics(seed_facts):
    places = ["衡阳市", "漯河市"]
    mapped = sectors.chain_sectors(seed_facts[seed_facts["kind"] == "chain"])
    matrix = sectors.sector_matrix(mapped, places)
    shared = sectors.shared_sectors(matrix, places)
    english = dict(zip(shared.index, shared["English"]))
    assert {"SEI-1", "SEI-4", "SV-LOG"} <= set(shared.index), english
    # the cells name the chains as each place writes them
    assert "电子信息产业链" in matrix.loc["SEI-1", "衡阳市"]
    assert "电子信息" in matrix.loc["SEI-1", "漯河市"].split(sectors.CELL_JOINER)
    assert "生物医药和高性能医疗器械" in matrix.loc["SEI-4", "漯河市"]
    assert "现代物流业" in matrix.loc["SV-LOG", "漯河市"]
    assert sectors.unmapped_names(mapped).empty


def test_hengyang_and_luohe_share_the_formula_projects_are_king(seed_facts):
    places = ["衡阳市", "漯河市", "云阳县"]
    shared = shared_formulas(slogan_mentions(seed_facts), places)
    row = shared.set_index("formula").loc["项目为王"]
    assert row["places"] == 2 and row["衡阳市"] >= 1 and row["漯河市"] >= 1 and row["云阳县"] == 0


def test_most_chain_names_of_the_pattern_corpus_map_to_a_sector():
    names = [
        item
        for path in sorted(EXPECTED.glob("*.json"))
        for chain in json.loads(path.read_text(encoding="utf-8"))["facts"]["chains"]
        for item in chain["items"]
    ]
    assert len(set(names)) > 100
    assert sectors.mapped_share(names) >= 0.9
