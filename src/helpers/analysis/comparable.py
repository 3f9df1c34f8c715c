"""Like compared with like: figures by type, metric and horizon; formulas shared across places;
officials counted over every mention.

A 2021 GDP result, a project reserve and an output goal are not three places' "largest amount":
a figure is a goal, a plan or a result (``figure_type``, :mod:`helpers.nlp.facts.figures`), it
measures something (``data/figure_metrics.csv``: output value, investment, projects, firms, a
growth rate) and it is for a year (its horizon). Only figures alike in all three are compared.
"""

import functools
import json
import re

import pandas as pd

from helpers import resources
from helpers.analysis.frames import require_columns

METRICS_FILE = "figure_metrics.csv"
FORMULAS_FILE = "formula_patterns.csv"
FIGURE_TYPES = ("target", "plan", "result")  # goals first: what a strategy sets out to reach
NO_YEAR = "no year stated"


@functools.cache
def _metrics() -> tuple[tuple[str, str, re.Pattern, re.Pattern | None], ...]:
    return tuple(
        (
            row["metric"],
            row["name_en"],
            re.compile(row["unit"]),
            re.compile(row["measure"]) if row["measure"] else None,
        )
        for row in resources.read_rows(METRICS_FILE)
    )


def metric_names() -> dict[str, str]:
    """Metric code -> English name, in the order of ``data/figure_metrics.csv``."""
    return {code: name for code, name, *_ in _metrics()}


def figure_metric(measure: str | None, unit: str | None) -> str:
    """The metric a figure measures, from its unit and measure (first matching row).

    >>> [figure_metric(m, u) for m, u in (("规上工业增加值增长", "ratio"), ("工程机械产业链产值", "元"),
    ...  ("重大项目完成投资", "元"), ("工业", "元"), ("新增规上工业企业", "家"), ("新开工项目", "个"))]
    ['growth', 'output', 'investment', 'scale', 'firms', 'projects']
    """
    measure, unit = measure or "", unit or ""
    for code, _, unit_cue, measure_cue in _metrics():
        if unit_cue.fullmatch(unit) and (measure_cue is None or measure_cue.search(measure)):
            return code
    return "other"


def comparable_figures(figures: pd.DataFrame, by: str = "locality") -> pd.DataFrame:
    """Each distinct figure of ``by`` once, with its type, metric and horizon.

    Columns: ``by``, ``figure_type``, ``metric``, ``metric_en``, ``horizon`` (the year the
    figure is for, or :data:`NO_YEAR`), ``text``, ``measure``, ``value``, ``unit``, ``mentions``
    (statements of it). Ordered goals first, then by metric (file order), horizon and value.

    Args:
        figures: facts of kind ``target`` with ``figure_type`` and a ``by`` column.
    """
    require_columns(figures, by, "figure_type", "year")
    key = [by, "figure_type", "text", "measure", "value", "unit", "year"]
    counted = figures.groupby(key, dropna=False, sort=False).size().rename("mentions").reset_index()
    metric = [figure_metric(m, u) for m, u in zip(counted["measure"], counted["unit"])]
    order = {code: i for i, code in enumerate(metric_names())}
    table = counted.assign(
        metric=metric,
        metric_en=[metric_names().get(code, code) for code in metric],
        horizon=counted["year"].map(lambda y: NO_YEAR if pd.isna(y) else str(int(y))),
        _type=counted["figure_type"].map({t: i for i, t in enumerate(FIGURE_TYPES)}),
        _metric=[order.get(code, len(order)) for code in metric],
    )
    table = table.sort_values(
        ["_type", "_metric", "horizon", "value"], ascending=[True, True, True, False], kind="stable"
    )
    columns = [by, "figure_type", "metric", "metric_en", "horizon", "text", "measure"]
    return table[[*columns, "value", "unit", "mentions"]].reset_index(drop=True)


def goals_of(figures: pd.DataFrame, per: int = 1) -> pd.DataFrame:
    """The goals among ``figures`` (type ``target``), the ``per`` largest of each metric and
    horizon: the columns of :func:`comparable_figures` without a grouping column.

    >>> figures = pd.DataFrame({"text": ["3840亿元", "千亿", "千亿级", "15家"],
    ...     "value": [3.84e11, 1e11, 1e11, 15], "unit": ["元", "元", "元", "家"],
    ...     "measure": ["地区生产总值", "工业", "工业强县", "新增规上工业企业"],
    ...     "year": [2021, None, None, 2021], "figure_type": ["result", "target", "target", "target"]})
    >>> goals_of(figures)[["metric", "horizon", "text"]].values.tolist()
    [['scale', 'no year stated', '千亿'], ['firms', '2021', '15家']]
    """
    everything = comparable_figures(figures.assign(_all=""), by="_all").drop(columns="_all")
    goals = everything[everything["figure_type"] == "target"]
    return goals.groupby(["metric", "horizon"], sort=False).head(per).reset_index(drop=True)


def alike(comparable: pd.DataFrame, by: str = "locality", figure_type: str = "target"):
    """The (metric, horizon) pairs of ``figure_type`` that two or more places of ``by`` state:
    what can be compared at all. A DataFrame of metric, metric_en, horizon, places."""
    ours = comparable[comparable["figure_type"] == figure_type]
    places = ours.groupby(["metric", "metric_en", "horizon"], sort=False)[by].nunique()
    return places[places >= 2].rename("places").reset_index()


def formula_key(slogan: str) -> str:
    """A slogan as compared across places: punctuation and spaces out, then the first rule of
    ``data/formula_patterns.csv`` that matches (工业强县 and 工业强市 are one formula, 工业强□).

    >>> formula_key("“项目为王”"), formula_key("工业强县"), formula_key("工业强市")
    ('项目为王', '工业强□', '工业强□')
    """
    text = re.sub(r"[\s“”\"'‘’「」『』《》·•]", "", slogan)
    for pattern, key in _formula_patterns():
        if pattern.fullmatch(text):
            return pattern.sub(key, text)
    return text


@functools.cache
def _formula_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(row["pattern"]), row["key"]) for row in resources.read_rows(FORMULAS_FILE)
    )


def shared_formulas(
    mentions: pd.DataFrame, places: list, by: str = "locality", at_least: int = 2
) -> pd.DataFrame:
    """Formulas (slogans by :func:`formula_key`) that ``at_least`` of ``places`` use.

    Columns: ``formula``, ``written`` (each form as written, 、 between), ``places`` (how many
    use it), then one column per place counting the sentences that use it; most shared first.

    Args:
        mentions: :func:`helpers.analysis.trajectory.slogan_mentions` with a ``by`` column.
    """
    ours = mentions[mentions[by].isin(places)]
    ours = ours.assign(formula=ours["slogan"].map(formula_key))
    counts = pd.crosstab(ours["formula"], ours[by]).reindex(columns=places, fill_value=0)
    used = (counts > 0).sum(axis=1)
    written = ours.groupby("formula")["slogan"].agg(lambda s: "、".join(dict.fromkeys(s)))
    table = counts[used >= at_least].rename_axis(index="formula", columns=None)
    table.insert(0, "places", used[used >= at_least])
    table.insert(0, "written", written.reindex(table.index))
    table = table.reset_index().sort_values(
        ["places", "formula"], ascending=[False, True], kind="stable"
    )
    return table.reset_index(drop=True)


def official_mentions(officials: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each official named: role(s), locality, articles, every mention in the articles' text,
    and the titles that name them.

    ``mentions`` sums each article's count of the name (``detail["mentions"]``: every
    occurrence in the text, not only the fact rows kept); ``in titles`` counts the articles
    whose title names them. Most widely named first.

    >>> officials = pd.DataFrame({"article_id": ["a", "a", "b"], "text": ["朱健"] * 3,
    ...     "measure": ["市长", "市长", None], "detail": ['{"mentions": 9}', '{"mentions": 9}', "{}"]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "locality": ["衡阳市"] * 2,
    ...                          "title": ["朱健出席并讲话", "会议召开"]})
    >>> official_mentions(officials, articles)[["name", "articles", "mentions", "in titles"]].values.tolist()
    [['朱健', 2, 10, 1]]
    """
    missing = [c for c in ("locality", "title") if c not in officials.columns]
    rows = officials.merge(articles[["article_id", *missing]], on="article_id")
    stated = rows["detail"].map(lambda d: json.loads(d or "{}").get("mentions"))
    rows = rows.assign(_stated=stated)
    per_article = rows.groupby(["text", "article_id"], sort=False).agg(
        rows=("text", "size"), stated=("_stated", "max"), title=("title", "first")
    )
    per_article["mentions"] = per_article["stated"].fillna(0).clip(lower=per_article["rows"])
    per_article["in_title"] = [
        name in title for (name, _), title in zip(per_article.index, per_article["title"])
    ]
    counted = per_article.groupby(level="text", sort=False).agg(
        articles=("rows", "size"), mentions=("mentions", "sum"), in_titles=("in_title", "sum")
    )
    about = rows.groupby("text", sort=False).agg(
        role=("measure", lambda roles: "、".join(dict.fromkeys(roles.dropna()))),
        locality=("locality", lambda places: "、".join(dict.fromkeys(places))),
    )
    table = about.join(counted).reset_index().rename(columns={"text": "name"})
    table = table.astype({"mentions": int, "in_titles": int}).rename(
        columns={"in_titles": "in titles"}
    )
    return table.sort_values(
        ["articles", "mentions"], ascending=False, kind="stable", ignore_index=True
    )
