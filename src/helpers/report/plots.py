"""Charts with Chinese labels and English glosses beside them.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: charts show boxes and warn
"Glyph ... missing". :func:`use_cjk_font` registers the Noto Sans CJK SC file shipped by
mplfonts and sets it together with seaborn's theme (``set_theme`` resets the font list, so
calling it afterwards would undo the registration). Every chart function calls it.
"""

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib import font_manager

from helpers.report import fonts
from helpers.report.labels import Labeller, label, place_label

# beside the legend of a chart with thin groups, in lines as narrow as the legend
THIN_NOTE = (
    "hollow: thin group (one article\nor few tokens); it does not set\nthe axis: > or < = beyond it"
)
FIGURE_DPI = 110  # inline figures default to 72 dpi: too coarse for Chinese strokes
PALETTE = "colorblind"

_registered = False


def use_cjk_font() -> None:
    """Register the CJK font with matplotlib and apply the project's seaborn theme."""
    global _registered
    if not _registered:
        font_manager.fontManager.addfont(str(fonts.cjk_font_path()))
        _registered = True
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        palette=PALETTE,
        font=fonts.CJK_FONT_FAMILY,
        rc={
            "font.sans-serif": [fonts.CJK_FONT_FAMILY, "DejaVu Sans"],
            "axes.unicode_minus": False,  # the CJK font has no U+2212 minus sign
            "figure.dpi": FIGURE_DPI,
            "savefig.dpi": FIGURE_DPI,
        },
    )


def barh(values: pd.Series, title: str, xlabel: str, label_of: Labeller = label):
    """Horizontal bars of a Series (index = categories, largest on top); returns the Figure."""
    use_cjk_font()
    values = values.sort_values()
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(values) + 1.4))
    ax.barh(
        [label_of(str(t)) for t in values.index], values.to_numpy(), color=sns.color_palette()[0]
    )
    ax.set(title=title, xlabel=xlabel, ylabel="")
    fig.tight_layout()
    return fig


def heatmap(
    frame: pd.DataFrame,
    title: str,
    fmt: str = ".1f",
    cmap: str = "rocket_r",
    center: float | None = None,
    row_label: Labeller = label,
    column_label: Labeller = str,
    cbar_label: str = "",
):
    """An annotated heatmap of a numeric table; returns the Figure."""
    use_cjk_font()
    shown = frame.copy()
    shown.index = [row_label(str(t)) for t in frame.index]
    # a glossed column label goes on two lines: Chinese above, English below
    shown.columns = [column_label(str(t)).replace(" (", "\n(") for t in frame.columns]
    label_width = max((len(str(t)) for t in shown.index), default=0) * 0.09
    fig, ax = plt.subplots(
        figsize=(1.2 * len(shown.columns) + label_width + 2.5, 0.36 * len(shown) + 1.8)
    )
    sns.heatmap(
        shown,
        annot=True,
        fmt=fmt,
        cmap=cmap,
        center=center,
        linewidths=0.5,
        ax=ax,
        cbar_kws={"label": cbar_label},
    )
    ax.set(title=title, xlabel="", ylabel="")
    ax.tick_params(axis="x", rotation=0)
    fig.tight_layout()
    return fig


def intervals(
    frame: pd.DataFrame,
    category: str,
    group: str,
    estimate: str,
    low: str,
    high: str,
    title: str,
    xlabel: str,
    category_label: Labeller = label,
    group_label: Labeller = place_label,
    thin: str = "thin",
):
    """Point estimates with confidence intervals, one row per category, one colour per group.

    Groups flagged in column ``thin`` (if the frame has it; see
    :func:`helpers.analysis.rates.rates_per_10k`) are drawn hollow and do not set the axis:
    the axis spans the other groups' intervals, and a thin group's estimate beyond it is drawn
    as an arrowhead at the edge, so one short article never squeezes every other interval.
    """
    use_cjk_font()
    categories = list(dict.fromkeys(frame[category]))
    groups = list(dict.fromkeys(frame[group]))
    flagged = frame[thin].astype(bool) if thin in frame.columns else pd.Series(False, frame.index)
    thin_groups = set(frame.loc[flagged, group])
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(categories) + 1.6))
    step = 0.7 / max(len(groups), 1)
    colors = sns.color_palette(n_colors=len(groups))
    for i, (name, color) in enumerate(zip(groups, colors)):
        rows = frame[frame[group] == name].set_index(category).reindex(categories)
        y = [k + (i - (len(groups) - 1) / 2) * step for k in range(len(categories))]
        hollow = name in thin_groups
        ax.errorbar(
            rows[estimate],
            y,
            xerr=[rows[estimate] - rows[low], rows[high] - rows[estimate]],
            fmt="o",
            color=color,
            markerfacecolor="white" if hollow else color,
            capsize=2.5,
            markersize=4.5,
            alpha=0.75 if hollow else 1.0,
            label=group_label(str(name)) + (" (thin)" if hollow else ""),
        )
    solid = frame[~flagged]
    if thin_groups and len(solid):
        lo, hi = solid[low].min(), solid[high].max()
        pad = 0.05 * (hi - lo) if hi > lo else max(abs(hi), 1.0) * 0.1
        # rates start at zero; other estimates (log ratios) get the same margin either side
        left, right = (0.0 if lo >= 0 else lo - pad), hi + pad
        ax.set_xlim(left, right)
        for i, name in enumerate(groups):
            rows = frame[flagged & (frame[group] == name)]
            for edge, marker, out in (
                (right, ">", rows[estimate] > right),
                (left, "<", rows[estimate] < left),
            ):
                y = [
                    categories.index(c) + (i - (len(groups) - 1) / 2) * step
                    for c in rows.loc[out, category]
                ]
                ax.plot(
                    [edge] * len(y),
                    y,
                    marker,
                    color=colors[i],
                    markerfacecolor="white",
                    clip_on=False,
                )
    ax.set_yticks(range(len(categories)), [category_label(str(c)) for c in categories])
    ax.invert_yaxis()
    ax.set(title=title, xlabel=xlabel)
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize="small",
        frameon=False,
        title=THIN_NOTE if thin_groups else None,
        title_fontsize="x-small",
        alignment="left",
    )
    fig.tight_layout()
    return fig


def dispersion(positions: pd.DataFrame, row: str, offset: str, title: str):
    """Lexical dispersion: one tick per occurrence, at its relative offset (0-1) in each row."""
    use_cjk_font()
    rows = list(dict.fromkeys(positions[row]))
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(rows) + 1.4))
    ax.scatter(
        positions[offset],
        positions[row].map({r: i for i, r in enumerate(rows)}),
        marker="|",
        s=220,
        linewidths=1.4,
        color=sns.color_palette()[0],
    )
    ax.set_yticks(range(len(rows)), rows)
    ax.set(
        xlim=(0, 1),
        ylim=(len(rows) - 0.5, -0.5),
        title=title,
        xlabel="position in the article (0 = start, 1 = end)",
    )
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig


def network(graph, title: str, weight: str = "weight", label_of: Labeller = label):
    """A co-occurrence network (networkx graph): node size by degree, edge width by weight.

    Words joined to nothing are left out: a lone node pushes a force layout into a line.
    """
    import networkx as nx

    use_cjk_font()
    shown = graph.subgraph([node for node in graph.nodes if graph.degree(node) > 0])
    fig, ax = plt.subplots(figsize=(9, 7))
    # Kamada-Kawai has no randomness: the same picture on every build
    layout = (
        nx.kamada_kawai_layout(shown, weight=None) if len(shown) > 1 else {n: (0, 0) for n in shown}
    )
    heaviest = max((d.get(weight, 1) for *_, d in shown.edges(data=True)), default=1)
    nx.draw_networkx_edges(
        shown,
        layout,
        ax=ax,
        alpha=0.35,
        edge_color="#556",
        width=[0.6 + 3 * d.get(weight, 1) / heaviest for *_, d in shown.edges(data=True)],
    )
    nx.draw_networkx_nodes(
        shown,
        layout,
        ax=ax,
        node_color=[sns.color_palette()[0]],
        alpha=0.25,
        node_size=[250 + 90 * shown.degree(n) for n in shown.nodes],
    )
    nx.draw_networkx_labels(
        shown,
        layout,
        labels={n: label_of(str(n)) for n in shown.nodes},
        ax=ax,
        font_family=fonts.CJK_FONT_FAMILY,
        font_size=9,
    )
    ax.set_title(title)
    ax.margins(0.15)
    ax.axis("off")
    fig.tight_layout()
    return fig
