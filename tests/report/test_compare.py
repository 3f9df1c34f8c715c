"""Comparison tables and their chart: English beside the Chinese, cells never split wrongly."""

import io
import json
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from helpers.analysis import sectors  # noqa: E402
from helpers.report import compare, plots  # noqa: E402

PLACES = ["衡阳市", "漯河市"]


def _mapped():
    chains = pd.DataFrame(
        {
            "locality": ["衡阳市", "漯河市", "漯河市", "衡阳市"],
            "article_id": ["h", "l", "l", "h"],
            "text": [
                "电子信息产业链",
                "电子信息",
                "数字产业",
                "轻工纺织（含化妆品、纺织服装）产业链",
            ],
            "detail": [
                json.dumps({"name": n}) for n in ("电子信息", "电子信息", "数字产业", "轻工纺织")
            ],
        }
    )
    return sectors.chain_sectors(chains)


def test_the_sector_table_glosses_each_name_and_keeps_the_sector_in_two_languages():
    matrix = sectors.sector_matrix(_mapped(), PLACES)
    shown = compare.sector_table(matrix, PLACES).set_index("English")
    cell = shown.loc["new-generation information technology", "衡阳市"]
    assert cell.startswith("电子信息产业链 (") and cell.endswith(")")
    assert shown.loc["new-generation information technology", "sector"] == "新一代信息技术产业"
    # a name holding 、 stays one name in its cell
    assert shown.loc["textiles and apparel", "衡阳市"].count("轻工纺织") == 1


def test_the_dot_matrix_draws_one_dot_per_sector_a_place_names():
    mapped = _mapped()
    matrix = sectors.sector_matrix(mapped, PLACES)
    counts = compare.sector_counts(mapped, matrix, PLACES)
    assert counts.loc["新一代信息技术产业 new-generation information technology"].tolist() == [1, 2]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plots.dot_matrix(counts, "行业 sectors")
        fig.savefig(io.BytesIO(), format="png")
    dots = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    plt.close(fig)
    assert dots == int((counts > 0).sum().sum())
    assert not [w for w in caught if "Glyph" in str(w.message)]


def test_goals_are_only_set_beside_goals_of_the_same_metric_and_year():
    figures = pd.DataFrame(
        {
            "locality": ["衡阳市", "漯河市", "漯河市"],
            "figure_type": ["result", "target", "target"],
            "text": ["3840亿元", "3000亿级", "20家"],
            "value": [3.84e11, 3e11, 20],
            "unit": ["元", "元", "家"],
            "measure": ["地区生产总值", "食品全产业链", "新增规上工业企业"],
            "year": [2021, None, 2025],
        }
    )
    goals = compare.goals_table(figures, PLACES)
    assert goals["metric"].tolist() == ["scale of an industry (money)", "number of firms"]
    assert (goals["衡阳市"] == "").all()  # its only figure is a result
    assert goals.loc[0, "漯河市"].startswith("3000亿级 食品全产业链")
    results = compare.goals_table(figures, PLACES, "result")
    assert results[["metric", "year", "places"]].values.tolist() == [
        ["output value or revenue", "2021", 1]
    ]
