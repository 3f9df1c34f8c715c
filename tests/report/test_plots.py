"""Charts draw Chinese with the registered CJK font: any "Glyph missing" warning fails."""

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from helpers.report import (
    fonts,  # noqa: E402
    plots,  # noqa: E402
)
from helpers.report.labels import place_label  # noqa: E402

LOCALITIES = ["衡阳市", "云阳县", "漯河市"]
THEMES = ["产业链", "招商引资", "营商环境"]


def render(fig) -> list[str]:
    """Draw a figure to PNG and return the text of every warning raised meanwhile."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)
    return [str(w.message) for w in caught]


def test_the_cjk_font_is_the_one_matplotlib_finds():
    plots.use_cjk_font()
    found = font_manager.findfont(
        font_manager.FontProperties(family=fonts.CJK_FONT_FAMILY), fallback_to_default=False
    )
    assert found == str(fonts.cjk_font_path())
    assert matplotlib.rcParams["font.sans-serif"][0] == fonts.CJK_FONT_FAMILY


def test_seaborn_theme_keeps_the_font():
    import seaborn as sns

    plots.use_cjk_font()
    sns.set_theme()  # resets fonts to seaborn's defaults: use_cjk_font must be called after it
    plots.use_cjk_font()
    assert matplotlib.rcParams["font.sans-serif"][0] == fonts.CJK_FONT_FAMILY


def test_without_the_font_chinese_warns_so_the_check_below_means_something():
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("衡阳市")
        messages = render(fig)
    assert any("missing from font" in m for m in messages)


@pytest.mark.parametrize("chart", ["barh", "heatmap", "intervals", "dispersion", "network"])
def test_charts_draw_chinese_without_missing_glyphs(chart):
    if chart == "barh":
        fig = plots.barh(pd.Series([14, 3, 8], index=THEMES), "主题 Themes", "count")
    elif chart == "heatmap":
        frame = pd.DataFrame([[1.0, -2.5, 3.0]] * 3, index=THEMES, columns=LOCALITIES)
        fig = plots.heatmap(
            frame, "对数比 log ratio", center=0, cmap="RdBu_r", column_label=place_label
        )
    elif chart == "intervals":
        frame = pd.DataFrame(
            [
                {"theme": t, "locality": place, "rate": 10.0 + i, "low": 8.0 + i, "high": 12.0 + i}
                for i, t in enumerate(THEMES)
                for place in LOCALITIES
            ]
        )
        fig = plots.intervals(
            frame, "theme", "locality", "rate", "low", "high", "每万词 per 10k", "rate"
        )
    elif chart == "dispersion":
        positions = pd.DataFrame(
            {"article": ["衡阳 2020", "衡阳 2020", "漯河 2020"], "relative": [0.1, 0.5, 0.9]}
        )
        fig = plots.dispersion(positions, "article", "relative", "产业链 dispersion")
    else:
        graph = nx.Graph()
        graph.add_edge("产业链", "招商", weight=3)
        graph.add_edge("产业链", "项目", weight=1)
        fig = plots.network(graph, "共现网络 co-occurrence")
    messages = render(fig)
    assert not [m for m in messages if "Glyph" in m or "missing from font" in m], messages


def test_a_thin_group_neither_stretches_the_axis_nor_looks_solid():
    frame = pd.DataFrame(
        [
            {"theme": t, "locality": place, "rate": r, "low": r - 5, "high": r + 5, "thin": thin}
            for t in THEMES
            for place, r, thin in (
                ("衡阳市", 20.0, False),
                ("漯河市", 30.0, False),
                ("长沙市", 400.0, True),
            )
        ]
    )
    fig = plots.intervals(frame, "theme", "locality", "rate", "low", "high", "主题 themes", "rate")
    ax = fig.axes[0]
    left, right = ax.get_xlim()
    assert left == 0 and 35 <= right < 40  # the solid groups' intervals end at 35
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[-1].endswith("(thin)") and not labels[0].endswith("(thin)")
    edge_marks = [line for line in ax.lines if line.get_marker() == ">"]
    assert edge_marks and all(x == right for line in edge_marks for x in line.get_xdata())
    assert "thin group" in ax.get_legend().get_title().get_text()
    plt.close(fig)
    unflagged = plots.intervals(
        frame.drop(columns="thin"), "theme", "locality", "rate", "low", "high", "主题", "rate"
    )
    assert unflagged.axes[0].get_xlim()[1] > 400  # without the flag the outlier sets the axis
    plt.close(unflagged)
