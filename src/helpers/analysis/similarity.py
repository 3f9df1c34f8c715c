"""How alike the groups' vocabularies are: cosine similarity of TF-IDF vectors."""

import pandas as pd

from helpers.analysis.frames import content_tokens, require_columns


def _as_is(document: list[str]) -> list[str]:
    return document


def similarity(
    tokens: pd.DataFrame, by: str = "article_id", *, content_only: bool = True
) -> pd.DataFrame:
    """Cosine similarity of TF-IDF vectors (scikit-learn defaults: smooth idf, l2 norm).

    Each group's tokens form one document, already segmented (no re-tokenizing).

    Returns:
        a square DataFrame, index and columns the group values, 1.0 on the diagonal.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    require_columns(tokens, by, "token")
    counted = content_tokens(tokens, content_only)
    documents = counted.groupby(by, sort=True)["token"].agg(list)
    matrix = TfidfVectorizer(analyzer=_as_is).fit_transform(documents.tolist())
    cosine = (matrix @ matrix.T).toarray()
    return pd.DataFrame(cosine, index=documents.index, columns=documents.index)


ARTICLE_SAMPLE = 16  # articles compared one by one (a sample past this size)
HEATMAP_GROUPS = 15  # localities drawn in the similarity heatmap (those with most articles)
TOP_PAIRS = 15  # most similar pairs listed


def article_sample(
    articles: pd.DataFrame, size: int = ARTICLE_SAMPLE, by: str = "locality", seed: int = 0
) -> pd.DataFrame:
    """At most ``size`` articles, spread over the groups of ``by`` as evenly as they allow.

    A fixed random draw (``seed``): each group's articles in a random order, then the groups
    take turns, so every locality is in the sample while there are fewer than ``size``.
    The whole corpus when it holds at most ``size`` articles.

    >>> arts = pd.DataFrame({"article_id": list("abcde"), "locality": list("xxxxy")})
    >>> sorted(article_sample(arts, 2)["locality"])
    ['x', 'y']
    """
    if len(articles) <= size:
        return articles
    shuffled = articles.sample(frac=1, random_state=seed)
    turn = shuffled.groupby(by, sort=False).cumcount()
    order = shuffled.assign(_turn=turn.to_numpy()).sort_values("_turn", kind="stable")
    return order.head(size).drop(columns="_turn").sort_values("article_id")


def largest_groups(articles: pd.DataFrame, by: str, count: int) -> list[str]:
    """The ``count`` groups with most articles (ties in name order)."""
    sizes = articles.groupby(by).size().reset_index(name="n")
    return sizes.sort_values(["n", by], ascending=[False, True])[by].head(count).tolist()


def most_similar_pairs(similar: pd.DataFrame, top: int = TOP_PAIRS) -> pd.DataFrame:
    """The ``top`` most similar pairs of a square similarity table, most similar first.

    >>> s = pd.DataFrame([[1, .2, .9], [.2, 1, .5], [.9, .5, 1]], index=list("abc"), columns=list("abc"))
    >>> most_similar_pairs(s, 2).values.tolist()
    [['a', 'c', 0.9], ['b', 'c', 0.5]]
    """
    pairs = similar.rename_axis(index="first", columns="second").stack().rename("cosine")
    pairs = pairs.reset_index()
    pairs = pairs[pairs["first"].astype(str) < pairs["second"].astype(str)]
    return pairs.sort_values("cosine", ascending=False).head(top).reset_index(drop=True)
