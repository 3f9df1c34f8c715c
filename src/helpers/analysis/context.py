"""Words in their context: concordance lines, collocates and a co-occurrence network."""

import math
from collections import Counter
from collections.abc import Iterable
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from helpers.analysis.frames import SENTENCE, content_tokens, in_text_order

# A collocate seen fewer times than this in all, or near the term, is left out: with a few
# articles, log Dice and MI of a word met twice rank chance first (率, 点 near 招商).
MIN_FREQ = 3
MIN_TOGETHER = 3


def kwic(
    tokens: pd.DataFrame, term: str | Iterable[str], window: int = 8, *, joiner: str = ""
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with ``window`` tokens either side.

    Context runs across sentence boundaries but not across articles; stopwords are kept so
    the context reads as text.

    Returns:
        article_id, sentence_id, position, left, keyword, right (plus any grouping columns of
        ``tokens``, e.g. locality), in text order.
    """
    wanted = {term} if isinstance(term, str) else set(term)
    rows = []
    extra = [
        c
        for c in tokens.columns
        if c not in ("sentence_id", "position", "token", "is_stopword", "article_id")
    ]
    for article_id, part in in_text_order(tokens).groupby("article_id", sort=True):
        words = part["token"].tolist()
        for i in np.flatnonzero(part["token"].isin(wanted).to_numpy()):
            row = part.iloc[i]
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": row["sentence_id"],
                    "position": row["position"],
                    **{c: row[c] for c in extra},
                    "left": joiner.join(words[max(0, i - window) : i]),
                    "keyword": words[i],
                    "right": joiner.join(words[i + 1 : i + 1 + window]),
                }
            )
    return pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "position", *extra, "left", "keyword", "right"]
    )


def collocates(
    tokens: pd.DataFrame,
    term: str,
    window: int = 5,
    *,
    min_count: int = MIN_TOGETHER,
    min_freq: int = MIN_FREQ,
    content_only: bool = True,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Content words near ``term`` (within ``window`` words in the same sentence), by log Dice.

    Stopwords and single-character fragments (:func:`helpers.analysis.keyness.is_content_term`:
    率, 大, 点) are taken out of the sentence before the window is counted, as if absent; with
    ``sentences``, so are procedural lines and meeting names
    (:func:`helpers.nlp.procedural.procedural_tokens`). A collocate must occur ``min_freq``
    times in all and ``min_count`` times near the term: log Dice of a word seen twice is noise.
    A collocate token counts once however many occurrences of ``term`` it is near.

    Returns:
        collocate, together (co-occurrences), freq (collocate frequency), node (frequency of
        ``term``), expected, mi (log2 observed/expected), t_score, log_dice (14 at most); sorted
        by log_dice descending.
    """
    from helpers.analysis.keyness import is_content_term

    counted = content_tokens(tokens, content_only)
    if sentences is not None:
        from helpers.nlp.procedural import procedural_tokens

        counted = counted[~procedural_tokens(counted, sentences)]
    vocabulary = counted["token"].drop_duplicates()
    kept = set(vocabulary[vocabulary.map(is_content_term)]) | {term}
    counted = in_text_order(counted[counted["token"].isin(kept)])
    freq = Counter(counted["token"])
    together: Counter = Counter()
    for _, sentence in counted.groupby(SENTENCE, sort=False):
        words = sentence["token"].tolist()
        nodes = [i for i, word in enumerate(words) if word == term]
        # each collocate token counts once, however many nodes it is near: together <= freq
        together.update(
            word
            for j, word in enumerate(words)
            if word != term and any(0 < abs(j - i) <= window for i in nodes)
        )
    total, node = sum(freq.values()), freq[term]
    rows = []
    for word, observed in together.items():
        if observed < min_count or freq[word] < min_freq:
            continue
        expected = node * freq[word] * 2 * window / total
        rows.append(
            {
                "collocate": word,
                "together": observed,
                "freq": freq[word],
                "node": node,
                "expected": expected,
                "mi": math.log2(observed / expected),
                "t_score": (observed - expected) / math.sqrt(observed),
                "log_dice": 14 + math.log2(2 * observed / (node + freq[word])),
            }
        )
    columns = ["collocate", "together", "freq", "node", "expected", "mi", "t_score", "log_dice"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["log_dice", "collocate"], ascending=[False, True], ignore_index=True)


def cooccurrence_network(
    tokens: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    top_n: int = 40,
    min_weight: int = 2,
    min_length: int = 2,
    content_only: bool = True,
) -> nx.Graph:
    """Graph of words that share sentences.

    Nodes are ``terms`` or the ``top_n`` most frequent content words of at least
    ``min_length`` characters (node attributes: count, sentences); an edge joins two words
    found together in at least ``min_weight`` sentences (attribute weight = that number).
    """
    counted = content_tokens(tokens, content_only)
    if terms is None:
        freq = Counter(t for t in counted["token"] if len(t) >= min_length)
        terms = [word for word, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]]
    terms = list(terms)
    chosen = counted[counted["token"].isin(terms)]
    graph = nx.Graph()
    for word in terms:
        rows = chosen[chosen["token"] == word]
        graph.add_node(word, count=len(rows), sentences=len(rows.drop_duplicates(SENTENCE)))
    pairs: Counter = Counter()
    for _, words in chosen.groupby(SENTENCE, sort=False)["token"]:
        pairs.update(combinations(sorted(set(words)), 2))
    for (u, v), weight in sorted(pairs.items()):
        if weight >= min_weight:
            graph.add_edge(u, v, weight=weight)
    return graph
