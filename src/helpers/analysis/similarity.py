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
