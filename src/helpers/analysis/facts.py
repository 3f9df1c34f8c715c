"""Fact tables: what the reports tabulate from the processed facts, themes and cleaning log.

DataFrames in, DataFrames out: no I/O and no English glosses (:mod:`helpers.report.display`
adds those for the page). A chain fact's ``detail`` names the chain and its list; a slogan
fact's says how the text spells the slogan out.
"""

import json
import re
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.rates import rates_per_10k
from helpers.analysis.trajectory import slogan_mentions, trajectory
from helpers.nlp.themes import SIDES, coded_sentences


def expansion_text(detail: str | None) -> str:
    """How the text spells out a slogan, from a fact's ``detail`` JSON, as one line.

    >>> expansion_text('{"parts": ["五链融合"], "expansion": {"items": ["产业链", "创新链"]}}')
    '产业链、创新链'
    >>> expansion_text('{"parts": ["1", "8"], "expansion": {"1": "食品", "8": "八个领域"}}')
    '1 = 食品; 8 = 八个领域'
    >>> expansion_text('{"parts": ["六稳"]}')
    ''
    """
    expansion = json.loads(detail or "{}").get("expansion") or {}
    if "items" in expansion:
        return "、".join(expansion["items"])
    return "; ".join(f"{part} = {meaning}" for part, meaning in expansion.items())


def presence(
    items: pd.DataFrame, column: str, periods: list, by: str = "year", count: str | None = None
) -> pd.DataFrame:
    """Which of ``periods`` each value of ``column`` occurs in (True or False per period).

    ``periods`` are the values of ``by`` in display order. Ordered periods (years) keep
    :func:`helpers.analysis.trajectory.trajectory`'s ``status`` (``from 2022``); for unordered groups
    (localities) pass ``count``: the status gives way to a column of that name counting the
    groups an item occurs in, most shared first.

    >>> items = pd.DataFrame({"text": ["六稳", "六稳", "三高四新"], "year": [2020, 2022, 2022]})
    >>> seen = presence(items, "text", [2020, 2022])
    >>> seen.index.tolist(), seen[[2020, 2022]].values.tolist(), seen["status"].tolist()
    (['六稳', '三高四新'], [[True, True], [False, True]], ['throughout', 'only 2022'])
    >>> presence(items, "text", [2020, 2022], count="years")["years"].tolist()
    [2, 1]
    """
    seen = trajectory(items, column, periods, period_col=by)
    if count is None:
        return seen
    return (
        seen.drop(columns="status")
        .assign(**{count: seen[periods].sum(axis=1)})
        .sort_values(count, ascending=False, kind="stable")
    )


def largest_amounts(targets: pd.DataFrame, n: int = 1) -> pd.DataFrame:
    """The ``n`` largest money figures among target facts, each figure and measure once.

    Only unit 元 is ranked: a ratio (8.1%) and an amount (3840亿元) share the ``value``
    column but not a scale.

    >>> targets = pd.DataFrame({"text": ["8.1%", "千亿", "千亿", "百亿级"],
    ...                         "value": [0.081, 1e11, 1e11, 1e10], "unit": ["ratio", "元", "元", "元"],
    ...                         "measure": ["增长", "工业", "工业", "产业集群"]})
    >>> largest_amounts(targets, 2)["text"].tolist()
    ['千亿', '百亿级']
    """
    amounts = targets[targets["unit"] == "元"].drop_duplicates(["text", "measure"])
    return amounts.sort_values("value", ascending=False, kind="stable").head(n)


def chain_name(detail: str | dict) -> str:
    """The chain or cluster name of a chain fact's ``detail`` (JSON or parsed).

    >>> chain_name('{"name": "食品", "list": "八个细分领域"}')
    '食品'
    """
    detail = json.loads(detail) if isinstance(detail, str) else detail
    return detail.get("name") or ""


def chain_names(chains: pd.DataFrame) -> list[str]:
    """The distinct chain or cluster names of chain facts, in order of first mention.

    >>> chain_names(pd.DataFrame({"detail": ['{"name": "食品"}', '{"name": "化工"}', '{"name": "食品"}']}))
    ['食品', '化工']
    """
    return list(dict.fromkeys(chains["detail"].map(chain_name)))


def chain_lists(chains: pd.DataFrame) -> pd.Series:
    """Distinct chain or cluster names per list (the fact's ``measure``), largest list first.

    A name repeated in a list, or named in two lists, is counted once per list.

    >>> chains = pd.DataFrame({"measure": ["六大产业", "六大产业", "六大产业", "集群"],
    ...                        "detail": ['{"name": "食品"}', '{"name": "食品"}', '{"name": "化工"}',
    ...                                   '{"name": "食品"}']})
    >>> chain_lists(chains).to_dict()
    {'六大产业': 2, '集群': 1}
    """
    names = chains.assign(name=chains["detail"].map(chain_name))
    return (
        names.groupby("measure", sort=False)["name"]
        .nunique()
        .sort_values(ascending=False, kind="stable")
        .rename("names")
    )


@dataclass(frozen=True)
class Headline:
    """A locality's strategy in brief, from its facts (see :func:`headline`)."""

    chain_names: list[str]  # distinct chain or cluster names, in order of first mention
    lists: pd.Series  # distinct names per chain or cluster list, largest first
    slogans: list[str]  # most repeated slogans first
    amounts: pd.DataFrame  # largest money figures (unit 元), largest first
    spelled_out: dict[str, str]  # slogan -> its expansion, where the text spells one out


def headline(facts: pd.DataFrame, slogans: int = 3, amounts: int = 1) -> Headline:
    """The headline strategy of the articles behind ``facts``: chain lists, slogans, largest amounts."""
    chains = facts[facts["kind"] == "chain"]
    said = slogan_mentions(facts)
    spelled = {
        slogan: expansion_text(detail) for slogan, detail in zip(said["slogan"], said["detail"])
    }
    return Headline(
        chain_names=chain_names(chains),
        lists=chain_lists(chains),
        slogans=said["slogan"].value_counts().head(slogans).index.tolist(),
        amounts=largest_amounts(facts[facts["kind"] == "target"], amounts),
        spelled_out={text: meaning for text, meaning in spelled.items() if meaning},
    )


def slogan_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per slogan of :func:`helpers.analysis.trajectory.slogan_mentions`: the forms it is
    written in, how many sentences use it, and its longest spelled-out expansion.

    >>> mentions = pd.DataFrame({"slogan": ["三高四新", "三高四新"], "written": ["三高地、四个新", "三高四新"],
    ...                          "detail": ['{"parts": ["三高地", "四个新"]}', '{"expansion": {"items": ["高地", "使命"]}}']})
    >>> slogan_counts(mentions).to_dict("records")
    [{'slogan': '三高四新', 'written': '三高地、四个新、三高四新', 'mentions': 2, 'expansion': '高地、使命'}]
    """
    rows = []
    for slogan, group in mentions.groupby("slogan", sort=False):
        forms = dict.fromkeys(form for written in group["written"] for form in written.split("、"))
        rows.append(
            {
                "slogan": slogan,
                "written": "、".join(forms),
                "mentions": len(group),
                "expansion": max(map(expansion_text, group["detail"]), key=len),
            }
        )
    return pd.DataFrame(rows, columns=["slogan", "written", "mentions", "expansion"])


def figure_counts(targets: pd.DataFrame) -> pd.DataFrame:
    """Figures and targets, each distinct one once with how often it is stated, largest money first.

    >>> targets = pd.DataFrame({"text": ["8.1%", "千亿", "千亿"], "value": [0.081, 1e11, 1e11],
    ...                         "unit": ["ratio", "元", "元"], "measure": ["增长", "工业", "工业"],
    ...                         "year": [None, 2025, 2025]})
    >>> figure_counts(targets)[["text", "mentions"]].values.tolist()
    [['千亿', 2], ['8.1%', 1]]
    """
    key = ["text", "value", "unit", "measure", "year"]
    table = targets.groupby(key, dropna=False, sort=False).size().rename("mentions").reset_index()
    money_first = table.assign(_money=table["unit"] == "元").sort_values(
        ["_money", "value"], ascending=False
    )
    return money_first.drop(columns="_money").reset_index(drop=True)


# One example of the errata step: "garbled -> repair (evidence: ...)"; the evidence may be absent.
_ERRATUM = re.compile(
    r"^(?P<garbled>.*?)\s*(?:->|→)\s*(?P<repair>.*?)"
    r"(?:\s+\(evidence:\s*(?P<evidence>.*)\))?$",
    re.DOTALL,
)


def errata_table(log: pd.DataFrame, step: str = "errata") -> pd.DataFrame:
    """The errata applied, one row each, from the examples the cleaning log's ``errata`` step kept
    (or those of ``step``, such as ``mojibake-repaired``, which writes its repairs the same way).

    >>> log = pd.DataFrame({"article_id": ["a-1"], "step": ["errata"], "changes": [1],
    ...                     "examples": ["鏈?zhǔn)剿季S → 鏈式思維 (evidence: GBK bytes one byte out of step)"]})
    >>> errata_table(log).iloc[0].tolist()
    ['a-1', '鏈?zhǔn)剿季S', '鏈式思維', 'GBK bytes one byte out of step']
    """
    applied = log[(log["step"] == step) & (log["changes"] > 0)]
    rows = [
        {"article_id": article_id, **_ERRATUM.match(example.strip()).groupdict()}
        for article_id, examples in zip(applied["article_id"], applied["examples"])
        for example in str(examples).split(" | ")
        if example.strip()
    ]
    return pd.DataFrame(rows, columns=["article_id", "garbled", "repair", "evidence"]).fillna("")


def reporters_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Each article with its outlet and the reporters its byline names (blank when none).

    >>> reporters_table(pd.DataFrame({"article_id": ["a-1"], "locality": ["衡阳市"], "date": ["2022"],
    ...                               "outlet": ["衡阳日报"], "reporters": [["陈润", "刘哲"]]}))["reporters"].tolist()
    ['陈润、刘哲']
    """
    return articles[["article_id", "locality", "date", "outlet"]].assign(
        reporters=articles["reporters"].map(
            lambda names: "、".join(names) if names is not None else ""
        )
    )


def theme_rates(tokens: pd.DataFrame, themes: pd.DataFrame, by: str) -> pd.DataFrame:
    """Sentences coded with each strategy theme per 10,000 content tokens by ``by``, with
    bootstrap intervals (:func:`helpers.analysis.rates.rates_per_10k`) and, in a ``theme``
    column, the theme's English label from the codebook. A sentence counts once for a theme
    however many of its cue words occur (``hits`` are coded sentences).

    Args:
        tokens: tokens with column ``by`` (see :func:`helpers.analysis.selection.tokens_of`).
        themes: the themes table; codes of other dimensions (instruments) are left out.
    """
    coded = coded_sentences(themes[themes["dimension"] == "theme"])
    rates = rates_per_10k(tokens, coded, by=by, item_col="code")
    return rates.assign(theme=rates["item"].map(dict(zip(coded["code"], coded["label_en"]))))


def instrument_mix(themes: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """The supply-, environment- and demand-side instruments by ``by`` (a column of
    ``articles``), counting coded sentences (each sentence once per instrument): columns ``by``,
    code, label_en, side, sentences and share (% of the group's sentence-codes on the three
    sides). Investment promotion, the fourth side, is left out: :func:`instrument_sides` gives it
    apart.

    >>> rows = pd.DataFrame({"article_id": "a", "sentence_id": [0, 0, 1, 2, 2],
    ...     "dimension": "instrument", "cue": ["规划", "目标", "人才", "招商", "人才"],
    ...     "code": ["environment_planning", "environment_planning", "supply_talent",
    ...              "investment_promotion", "supply_talent"], "label_en": "x"})
    >>> mix = instrument_mix(rows, pd.DataFrame({"article_id": ["a"], "place": ["p"]}), "place")
    >>> mix[["code", "sentences", "share"]].to_dict("list")
    {'code': ['environment_planning', 'supply_talent'], 'sentences': [1, 2], 'share': [33.3, 66.7]}
    """
    coded = coded_sentences(themes[themes["dimension"] == "instrument"]).merge(
        articles[["article_id", by]], on="article_id"
    )
    coded = coded[coded["side"] != "investment"]
    mix = coded.groupby([by, "code", "label_en", "side"]).size().rename("sentences").reset_index()
    total = mix.groupby(by)["sentences"].transform("sum")
    return mix.assign(share=(100 * mix["sentences"] / total).round(1))


def instrument_sides(themes: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per group (``by``, a column of ``articles``): the share (%) of its instrument-coded
    sentences on each side; supply, environment and demand add to 100 among themselves, and
    investment promotion is given apart as the share of all instrument-coded sentences that
    carry it. A sentence counts once per side. Rows: sides (the order of
    ``helpers.nlp.themes.SIDES``); columns: groups; plus ``sentences`` rows with the counts.
    """
    coded = coded_sentences(themes[themes["dimension"] == "instrument"]).merge(
        articles[["article_id", by]], on="article_id"
    )
    per_side = coded.drop_duplicates(["article_id", "sentence_id", "side"])
    counts = pd.crosstab(per_side["side"], per_side[by]).reindex(list(SIDES), fill_value=0)
    instrumented = coded.drop_duplicates(["article_id", "sentence_id"]).groupby(by).size()
    three = counts.loc[["supply", "environment", "demand"]]
    shares = 100 * three / three.sum().where(three.sum() > 0)
    apart = 100 * counts.loc[["investment"]] / instrumented
    table = pd.concat([shares, apart]).round(1)
    table.index = [f"{side} (% of supply+environment+demand)" for side in three.index] + [
        "investment promotion (% of instrument-coded sentences)"
    ]
    table.loc["instrument-coded sentences"] = instrumented
    return table.rename_axis(index="side", columns=None)
