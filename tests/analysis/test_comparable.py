"""Like compared with like: figures by type, metric and year; formulas across places; every
mention of an official."""

import pandas as pd
import pytest

from helpers.analysis import comparable


@pytest.mark.parametrize(
    "measure, unit, metric",
    [
        ("规上工业增加值增长", "ratio", "growth"),
        ("本地配套率", "ratio", "share"),
        ("工程机械产业链产值", "元", "output"),
        ("签约项目建成后年产值", "元", "output"),  # output, though 签约 names projects
        ("重大项目完成投资", "元", "investment"),
        ("动态项目储备库", "元", "investment"),
        ("工业", "元", "scale"),  # 千亿工业: a size to reach
        ("新开工项目", "个", "projects"),
        ("新增规上工业企业", "家", "firms"),
        ("园区入驻企业", "家", "firms"),
        ("中小企业集聚区", "个", "parks"),
        ("新增就业岗位", "个", "jobs"),
        ("新建标准厂房", "平方米", "area"),
    ],
)
def test_a_figure_is_read_as_a_metric(measure, unit, metric):
    assert comparable.figure_metric(measure, unit) == metric


def _figures(rows):
    columns = ["locality", "figure_type", "text", "value", "unit", "measure", "year"]
    return pd.DataFrame(rows, columns=columns)


FIGURES = _figures(
    [
        ("衡阳市", "result", "3840亿元", 3.84e11, "元", "地区生产总值", 2021),
        ("漯河市", "plan", "1万亿", 1e12, "元", "动态项目储备库", None),
        ("漯河市", "target", "3000亿级", 3e11, "元", "食品全产业链", None),
        ("云阳县", "target", "千亿", 1e11, "元", "工业", None),
        ("云阳县", "target", "千亿", 1e11, "元", "工业", None),
        ("甲县", "target", "500亿元", 5e10, "元", "工业总产值", 2025),
        ("乙市", "target", "2000亿元", 2e11, "元", "轨道交通产业集群产值", 2025),
        ("乙市", "target", "30家", 30, "家", "新增规上工业企业", 2025),
    ]
)


def test_a_result_a_plan_and_a_goal_are_never_compared():
    table = comparable.comparable_figures(FIGURES)
    assert table["figure_type"].tolist()[:5] == ["target"] * 5  # goals first
    assert table.loc[table["text"] == "千亿", "mentions"].tolist() == [2]  # once, stated twice
    alike = comparable.alike(table)
    pairs = list(zip(alike["metric"], alike["horizon"], alike["places"]))
    # 3000亿级 and 千亿 (a scale, no year) go together; the two output goals of 2025 too;
    # the GDP result, the project reserve and the lone goal of firms are compared with nothing
    assert pairs == [("output", "2025", 2), ("scale", comparable.NO_YEAR, 2)]


def test_goals_of_a_place_leave_results_and_plans_out():
    goals = comparable.goals_of(FIGURES[FIGURES["locality"].isin(["衡阳市", "漯河市"])])
    assert goals["text"].tolist() == ["3000亿级"]


def test_formulas_shared_across_places_with_their_counts():
    mentions = pd.DataFrame(
        {
            "locality": ["A", "A", "B", "B", "C", "C"],
            "slogan": ["项目为王", "项目为王", "“项目为王”", "工业强市", "工业强县", "六稳"],
        }
    )
    shared = comparable.shared_formulas(mentions, ["A", "B", "C"])
    assert shared[["formula", "places", "A", "B", "C"]].values.tolist() == [
        ["工业强□", 2, 0, 1, 1],
        ["项目为王", 2, 2, 1, 0],
    ]
    assert shared.loc[0, "written"] == "工业强市、工业强县"


def test_officials_are_counted_over_every_mention_not_only_the_rows_kept():
    officials = pd.DataFrame(
        {
            "article_id": ["a", "b", "b"],
            "text": ["邓群策", "邓群策", "朱健"],
            "measure": [None, "市委书记", "市长"],
            # a: one row kept, the text names him five times; b: rows without a count
            "detail": ['{"mentions": 5}', "{}", '{"mentions": 2}'],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "locality": ["衡阳市", "衡阳市"],
            "title": ["邓群策：举全市之力", "会议召开"],
        }
    )
    named = comparable.official_mentions(officials, articles).set_index("name")
    assert named.loc["邓群策", ["articles", "mentions", "in titles"]].tolist() == [2, 6, 1]
    assert named.loc["邓群策", "role"] == "市委书记"
    assert named.loc["朱健", "mentions"] == 2


def test_officials_of_the_seeds_are_counted_as_often_as_the_text_names_them(seed_articles):
    from helpers.nlp.analyse import analyse_text

    rows, titles = [], []
    for article in seed_articles:
        facts = pd.DataFrame(analyse_text(article.article_id, article.text)["facts"])
        rows.append(facts[facts["kind"] == "official"])
        titles.append((article.article_id, article.locality, article.title, article.text))
    articles = pd.DataFrame(titles, columns=["article_id", "locality", "title", "text"])
    named = comparable.official_mentions(pd.concat(rows), articles).set_index("name")
    for name in ("朱健", "秦国文", "蒿慧杰"):
        in_text = articles.loc[articles["text"].str.contains(name), "text"].str.count(name).sum()
        assert named.loc[name, "mentions"] == in_text, name
    assert named.loc["朱健", "in titles"] >= 1
