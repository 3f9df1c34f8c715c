"""Per-article listings that stay readable at any corpus size: in full for a small corpus,
past a size a summary with the details of the articles that need a look.

A report lists every article while the corpus has at most ``LIST_ALL`` of them; past that
it shows summaries (one row per step, flag or locality) and at most ``DETAIL_ROWS`` rows
of detail, the flagged articles first, and says how many it left out. Page size, memory
and time then grow with the number of localities and flags, not of articles.
"""

import pandas as pd

LIST_ALL = 30  # articles up to which a report lists or draws every article
DETAIL_ROWS = 30  # rows of per-article detail past that size

# Flags every generated or uncatalogued article carries: they call for a catalog row, not
# for a look at the article, so they do not make an article one to look at first.
ROUTINE_FLAGS = ("no-catalog-row",)


def lists_all(articles: pd.DataFrame, limit: int = LIST_ALL) -> bool:
    """Whether a corpus is small enough to list article by article."""
    return len(articles) <= limit


def needs_look(articles: pd.DataFrame, log: pd.DataFrame) -> pd.Series:
    """Per article (by article_id), True when cleaning left something for a human: a flag
    other than a routine one, or a run that still looks like mojibake.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "flags": [[], ["no-date-found"]]})
    >>> log = pd.DataFrame({"article_id": ["a"], "step": ["mojibake-remaining"], "changes": [0]})
    >>> needs_look(arts, log).tolist()
    [False, True]
    """
    flagged = articles["flags"].map(
        lambda flags: any(not str(f).startswith(ROUTINE_FLAGS) for f in flags)
    )
    suspicious = log.loc[(log["step"] == "mojibake-remaining") & (log["changes"] > 0), "article_id"]
    return pd.Series(
        (flagged | articles["article_id"].isin(suspicious)).to_numpy(),
        index=articles["article_id"],
    )


def detail_rows(
    articles: pd.DataFrame, log: pd.DataFrame, rows: int = DETAIL_ROWS, limit: int = LIST_ALL
) -> pd.DataFrame:
    """The articles to show in detail: all of a small corpus; past ``limit``, at most
    ``rows`` articles that need a look (``needs_look``), in article order."""
    if lists_all(articles, limit):
        return articles
    look = needs_look(articles, log)
    return articles[look.to_numpy()].sort_values("article_id").head(rows)


def step_summary(log: pd.DataFrame) -> pd.DataFrame:
    """One row per cleaning step that changed anything: articles it changed, changes in all,
    the median and the most in one article.

    >>> log = pd.DataFrame({"article_id": ["a", "b", "a"], "step": ["s", "s", "t"], "changes": [2, 0, 0]})
    >>> step_summary(log).to_dict("records")
    [{'step': 's', 'articles changed': 1, 'changes': 2, 'median per changed article': 2.0, 'most in one article': 2}]
    """
    per = log.groupby(["step", "article_id"], sort=False)["changes"].sum().reset_index()
    changed = per[per["changes"] > 0]
    return (
        changed.groupby("step", sort=False)["changes"]
        .agg(["size", "sum", "median", "max"])
        .set_axis(
            ["articles changed", "changes", "median per changed article", "most in one article"],
            axis=1,
        )
        .reset_index()
    )


def flag_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Each kind of flag (the part before a colon) with the number of articles raising it.

    >>> flag_counts(pd.DataFrame({"flags": [["no-date-found", "mojibake-remaining: 2"], ["no-date-found"]]})).to_dict("records")
    [{'flag': 'no-date-found', 'articles': 2}, {'flag': 'mojibake-remaining', 'articles': 1}]
    """
    kinds = articles["flags"].map(lambda flags: sorted({str(f).split(":")[0] for f in flags}))
    counts = kinds.explode().dropna().value_counts()
    return counts.rename_axis("flag").rename("articles").reset_index()


def locality_summary(frame: pd.DataFrame, counts: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """One row per locality: its articles and the named aggregates of ``frame`` (pandas
    ``agg`` pairs), largest first."""
    return (
        frame.groupby("locality")
        .agg(articles=("article_id", "size"), **counts)
        .sort_values("articles", ascending=False)
        .reset_index()
    )
