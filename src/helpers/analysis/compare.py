"""Comparisons between articles and localities, on the processed tables.

Every function takes the ``tokens`` table (article_id, sentence_id, position, token,
is_stopword) and, where it compares groups, the name of a grouping column ``by``. A column
of ``articles`` (locality, year, ...) is brought in with :func:`with_groups`. With three
localities and seven articles the samples are small: rates carry bootstrap intervals over
sentences, keyness reports an effect size beside G2, and nothing here hides a count.

By default only content tokens count (``is_stopword`` False); pass ``content_only=False``
to count every token.
"""

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from helpers.nlp import segment

PER = 10_000
SENTENCE = ["article_id", "sentence_id"]
# Critical values of G2 (one degree of freedom). 3.84 is p < 0.05; Rayson, Berridge and
# Francis (2004) recommend 15.13 (p < 0.0001) when expected frequencies are small, as they
# are in a corpus of a few articles.
G2_SIGNIFICANT = 3.84
G2_STRICT = 15.13


def with_groups(frame: pd.DataFrame, articles: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """``frame`` with article column(s) ``by`` (e.g. "locality") joined on article_id."""
    columns = [by] if isinstance(by, str) else list(by)
    missing = [c for c in columns if c not in frame.columns]
    if not missing:
        return frame
    return frame.merge(articles[["article_id", *missing]], on="article_id", how="left", validate="m:1")


def _content(tokens: pd.DataFrame, content_only: bool) -> pd.DataFrame:
    return tokens[~tokens["is_stopword"]] if content_only else tokens


def _require(frame: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"missing column(s) {missing}; join them with compare.with_groups(frame, articles, by)")


# --- rates ---------------------------------------------------------------------------------

def term_hits(tokens: pd.DataFrame, terms: Mapping[str, Iterable[str]] | Iterable[str]) -> pd.DataFrame:
    """One row per token that is one of ``terms``: article_id, sentence_id, item.

    ``terms`` is a list of tokens (each its own item) or a mapping item -> tokens that count
    for it (e.g. {"chains": ["产业链", "链主企业"]}).
    """
    mapping = dict(terms) if isinstance(terms, Mapping) else {t: [t] for t in terms}
    item_of = {token: item for item, tokens_ in mapping.items() for token in tokens_}
    hits = tokens[tokens["token"].isin(item_of)]
    return pd.DataFrame({"article_id": hits["article_id"].to_numpy(), "sentence_id": hits["sentence_id"].to_numpy(),
                         "item": hits["token"].map(item_of).to_numpy()})


def rates_per_10k(tokens: pd.DataFrame, hits: pd.DataFrame, by: str = "article_id", *,
                  item_col: str = "item", items: Iterable[str] | None = None, n_boot: int = 2000,
                  level: float = 0.95, seed: int = 0, content_only: bool = True) -> pd.DataFrame:
    """Mentions per 10,000 tokens by group, with percentile bootstrap intervals over sentences.

    Sentences of a group are resampled with replacement (``n_boot`` times); the rate of each
    resample is 10,000 x hits / tokens of the drawn sentences. Each group draws from its own
    generator seeded by ``seed`` and the group's name, so results are deterministic and do
    not depend on which other groups are present.

    Args:
        tokens: tokens table with column ``by``.
        hits: one row per mention with article_id, sentence_id and ``item_col``, e.g.
            :func:`term_hits`, or the themes table with ``item_col="code"``.
        items: items to report (zero rates included); default every item in ``hits``.
    Returns:
        columns ``by``, item, hits, tokens, sentences, rate, ci_low, ci_high.
    """
    _require(tokens, by, *SENTENCE)
    counted = _content(tokens, content_only)
    sizes = counted.groupby(SENTENCE).size().rename("n")
    sentence_groups = tokens[[*SENTENCE, by]].drop_duplicates(SENTENCE).set_index(SENTENCE)
    sentence_table = sentence_groups.join(sizes).fillna({"n": 0})
    items = list(items) if items is not None else sorted(hits[item_col].dropna().unique())
    counts = (hits[hits[item_col].isin(items)].groupby([*SENTENCE, item_col]).size()
              .unstack(item_col).reindex(columns=items))
    table = sentence_table.join(counts).fillna(0)
    alpha = (1 - level) / 2
    rows = []
    for group, part in table.groupby(by, sort=True):
        n = part["n"].to_numpy(float)
        h = part[items].to_numpy(float)
        rng = np.random.default_rng([seed, zlib.crc32(str(group).encode())])
        draws = rng.integers(0, len(part), size=(n_boot, len(part)))
        weights = np.stack([np.bincount(d, minlength=len(part)) for d in draws])
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = PER * (weights @ h) / (weights @ n)[:, None]
        low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
        total = n.sum()
        for j, item in enumerate(items):
            rows.append({by: group, "item": item, "hits": int(h[:, j].sum()), "tokens": int(total),
                         "sentences": len(part), "rate": PER * h[:, j].sum() / total if total else np.nan,
                         "ci_low": low[j], "ci_high": high[j]})
    return pd.DataFrame(rows, columns=[by, "item", "hits", "tokens", "sentences", "rate", "ci_low", "ci_high"])


# --- keyness -------------------------------------------------------------------------------

def log_likelihood(a, b, c, d):
    """Dunning's log-likelihood G2 for a word seen a times in c tokens and b times in d tokens.

    >>> round(float(log_likelihood(20, 10, 100, 100)), 4)
    3.398
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def log_ratio(a, b, c, d, smoothing: float = 0.5):
    """Hardie's log ratio: log2 of the ratio of relative frequencies (zeros get ``smoothing``).

    >>> float(log_ratio(20, 10, 100, 100)), float(log_ratio(4, 0, 100, 100))
    (1.0, 3.0)
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    return np.log2((np.where(a > 0, a, smoothing) / c) / (np.where(b > 0, b, smoothing) / d))


def _keyness_table(target: Counter, reference: Counter, min_count: int) -> pd.DataFrame:
    from scipy.stats import chi2

    words = sorted(w for w in set(target) | set(reference) if target[w] + reference[w] >= min_count)
    a = np.array([target[w] for w in words], float)
    b = np.array([reference[w] for w in words], float)
    c, d = float(sum(target.values())), float(sum(reference.values()))
    g2 = log_likelihood(a, b, c, d)
    return pd.DataFrame({"token": words, "freq_target": a.astype(int), "freq_reference": b.astype(int),
                         "total_target": int(c), "total_reference": int(d), "g2": g2,
                         "p_value": chi2.sf(g2, 1), "log_ratio": log_ratio(a, b, c, d)})


def keyness(tokens: pd.DataFrame, by: str, target: str | None = None, reference: str | None = None, *,
            pairwise: bool = False, min_count: int = 3, content_only: bool = True,
            exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Key tokens of a group against the rest (one-vs-rest) or against another group (pairwise).

    Without ``target`` every group is compared with all the others together; ``pairwise``
    compares every pair of groups instead; ``target`` and ``reference`` pick one comparison.
    G2 says how sure a difference is (``G2_SIGNIFICANT`` 3.84 ~ p < 0.05, 6.63 ~ p < 0.01,
    ``G2_STRICT`` 15.13 ~ p < 0.0001; one degree of freedom); log ratio says how big it is
    (1 = twice as frequent, negative = rarer in target). ``exclude`` leaves tokens out of the
    counts and the totals, as stopwords are (e.g. :func:`keyness_exclusions`).

    Returns:
        target, reference, token, freq_target, freq_reference, total_target, total_reference,
        g2, p_value, log_ratio; sorted by target, reference and g2 descending.
    """
    _require(tokens, by, "token")
    counted = _content(tokens, content_only)
    counted = counted[~counted["token"].isin(set(exclude))]
    freq = {group: Counter(part["token"]) for group, part in counted.groupby(by, sort=True)}
    groups = sorted(freq)
    if target is not None:
        pairs = [(target, reference)] if reference is not None else [(target, None)]
    elif pairwise:
        pairs = list(combinations(groups, 2))
    else:
        pairs = [(group, None) for group in groups]
    frames = []
    for left, right in pairs:
        ref = freq[right] if right is not None else sum((freq[g] for g in groups if g != left), Counter())
        table = _keyness_table(freq[left], ref, min_count)
        table.insert(0, "reference", right if right is not None else "rest")
        table.insert(0, "target", left)
        frames.append(table)
    result = pd.concat(frames, ignore_index=True)
    return result.sort_values(["target", "reference", "g2", "token"], ascending=[True, True, False, True],
                              ignore_index=True)


_ORDINAL = re.compile(rf"第?[{segment.NUMERAL}百千万亿]+")


def keyness_exclusions(tokens: pd.DataFrame, facts: pd.DataFrame) -> set[str]:
    """Tokens that are key only because of who or where an article is about, or that are
    numbers: the officials named (facts of kind official), place names and number tokens
    (2019年度, 855.04亿元, 第一, 三). Only tokens present in ``tokens`` are returned.

    Place names are the gazetteer's full and short names, without the ordinary words of its
    false-friends list; a county's only when its prefecture or province is named too, as
    the gazetteer itself reads them (工业兴县 is not about 兴县 in Shanxi).
    """
    from helpers.clean import gazetteer

    vocabulary = set(tokens["token"].unique())
    present = vocabulary - gazetteer.false_friends()
    table = gazetteer.divisions()

    def named(division: gazetteer.Division) -> set[str]:
        return {division.name, division.short} & present

    places = {name for d in table.values() if named(d) and (d.tier < 2 or any(named(table[p]) for p in d.parents))
              for name in named(d)}
    officials = set(facts.loc[facts["kind"] == "official", "text"]) & vocabulary
    numbers = {t for t in vocabulary if segment.NUMBER.fullmatch(t) or _ORDINAL.fullmatch(t)}
    return officials | places | numbers


# --- similarity ----------------------------------------------------------------------------

def _as_is(document: list[str]) -> list[str]:
    return document


def similarity(tokens: pd.DataFrame, by: str = "article_id", *, content_only: bool = True) -> pd.DataFrame:
    """Cosine similarity of TF-IDF vectors (scikit-learn defaults: smooth idf, l2 norm).

    Each group's tokens form one document, already segmented (no re-tokenizing).

    Returns:
        a square DataFrame, index and columns the group values, 1.0 on the diagonal.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    _require(tokens, by, "token")
    counted = _content(tokens, content_only)
    documents = counted.groupby(by, sort=True)["token"].agg(list)
    matrix = TfidfVectorizer(analyzer=_as_is).fit_transform(documents.tolist())
    cosine = (matrix @ matrix.T).toarray()
    return pd.DataFrame(cosine, index=documents.index, columns=documents.index)


# --- concordance and collocation -------------------------------------------------------------

def _ordered(tokens: pd.DataFrame) -> pd.DataFrame:
    return tokens.sort_values([*SENTENCE, "position"], kind="stable", ignore_index=True)


def kwic(tokens: pd.DataFrame, term: str | Iterable[str], window: int = 8, *, joiner: str = "") -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with ``window`` tokens either side.

    Context runs across sentence boundaries but not across articles; stopwords are kept so
    the context reads as text.

    Returns:
        article_id, sentence_id, position, left, keyword, right (plus any grouping columns of
        ``tokens``, e.g. locality), in text order.
    """
    wanted = {term} if isinstance(term, str) else set(term)
    rows = []
    extra = [c for c in tokens.columns if c not in ("sentence_id", "position", "token", "is_stopword", "article_id")]
    for article_id, part in _ordered(tokens).groupby("article_id", sort=True):
        words = part["token"].tolist()
        for i in np.flatnonzero(part["token"].isin(wanted).to_numpy()):
            row = part.iloc[i]
            rows.append({"article_id": article_id, "sentence_id": row["sentence_id"], "position": row["position"],
                         **{c: row[c] for c in extra},
                         "left": joiner.join(words[max(0, i - window): i]), "keyword": words[i],
                         "right": joiner.join(words[i + 1: i + 1 + window])})
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "position", *extra, "left", "keyword", "right"])


def collocates(tokens: pd.DataFrame, term: str, window: int = 5, *, min_count: int = 2,
               content_only: bool = True) -> pd.DataFrame:
    """Words near ``term`` (within ``window`` content tokens in the same sentence) and their strength.

    A collocate token counts once however many occurrences of ``term`` it is near.

    Returns:
        collocate, together (co-occurrences), freq (collocate frequency), expected, mi
        (log2 observed/expected), t_score, log_dice; sorted by log_dice descending.
    """
    counted = _ordered(_content(tokens, content_only))
    freq = Counter(counted["token"])
    together: Counter = Counter()
    for _, sentence in counted.groupby(SENTENCE, sort=False):
        words = sentence["token"].tolist()
        nodes = [i for i, word in enumerate(words) if word == term]
        # each collocate token counts once, however many nodes it is near: together <= freq
        together.update(word for j, word in enumerate(words)
                        if word != term and any(0 < abs(j - i) <= window for i in nodes))
    total, node = sum(freq.values()), freq[term]
    rows = []
    for word, observed in together.items():
        if observed < min_count:
            continue
        expected = node * freq[word] * 2 * window / total
        rows.append({"collocate": word, "together": observed, "freq": freq[word], "expected": expected,
                     "mi": math.log2(observed / expected), "t_score": (observed - expected) / math.sqrt(observed),
                     "log_dice": 14 + math.log2(2 * observed / (node + freq[word]))})
    columns = ["collocate", "together", "freq", "expected", "mi", "t_score", "log_dice"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["log_dice", "collocate"], ascending=[False, True], ignore_index=True)


def cooccurrence_network(tokens: pd.DataFrame, *, terms: Iterable[str] | None = None, top_n: int = 40,
                         min_weight: int = 2, min_length: int = 2, content_only: bool = True) -> nx.Graph:
    """Graph of words that share sentences.

    Nodes are ``terms`` or the ``top_n`` most frequent content words of at least
    ``min_length`` characters (node attributes: count, sentences); an edge joins two words
    found together in at least ``min_weight`` sentences (attribute weight = that number).
    """
    counted = _content(tokens, content_only)
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


# --- dispersion ------------------------------------------------------------------------------

def dispersion(tokens: pd.DataFrame, term: str | Iterable[str], by: str = "article_id") -> pd.DataFrame:
    """Where a term occurs along each article: data for a lexical dispersion plot.

    Returns:
        ``by`` (if not article_id), article_id, sentence_id, position, token, offset (token
        number within the article, all tokens counted) and relative (offset / article length,
        0 to 1).
    """
    wanted = {term} if isinstance(term, str) else set(term)
    ordered = _ordered(tokens)
    ordered["offset"] = ordered.groupby("article_id").cumcount()
    length = ordered.groupby("article_id")["offset"].transform("size")
    ordered["relative"] = ordered["offset"] / length
    columns = ([by] if by != "article_id" else []) + ["article_id", "sentence_id", "position", "token",
                                                      "offset", "relative"]
    return ordered.loc[ordered["token"].isin(wanted), columns].reset_index(drop=True)


def juilland_d(tokens: pd.DataFrame, term: str, by: str = "article_id", *, content_only: bool = True) -> float:
    """Juilland's D of a term over the groups ``by``: 1 = spread evenly, 0 = all in one group.

    D = 1 - V / sqrt(n - 1), V the coefficient of variation of the term's relative
    frequency in the n groups.
    """
    counted = _content(tokens, content_only)
    sizes = counted.groupby(by).size()
    hits = counted[counted["token"] == term].groupby(by).size().reindex(sizes.index, fill_value=0)
    relative = (hits / sizes).to_numpy(float)
    if len(relative) < 2 or relative.mean() == 0:
        return float("nan")
    variation = relative.std(ddof=0) / relative.mean()
    return float(1 - variation / math.sqrt(len(relative) - 1))


def trajectory_status(present: list, periods: list) -> str:
    """How an item runs through ordered periods: throughout, only, from, until, or with gaps.

    >>> trajectory_status([2020, 2022, 2024], [2020, 2022, 2024])
    'throughout'
    >>> trajectory_status([2022, 2024], [2020, 2022, 2024])
    'from 2022'
    >>> trajectory_status([2020, 2024], [2020, 2022, 2024])
    'in 2020, 2024'
    """
    first, last = periods.index(present[0]), periods.index(present[-1])
    if len(present) == len(periods):
        return "throughout"
    if len(present) == 1:
        return f"only {present[0]}"
    if len(present) < last - first + 1:  # absent in between
        return "in " + ", ".join(map(str, present))
    if present[-1] == periods[-1]:
        return f"from {present[0]}"
    return f"until {present[-1]}" if present[0] == periods[0] else f"{present[0]}–{present[-1]}"


def trajectory(items: pd.DataFrame, column: str, periods: list, period_col: str = "year") -> pd.DataFrame:
    """Which periods each item occurs in (True/False per period) and its ``status``.

    Rows are ordered by the first period an item appears in, then by status.
    """
    _require(items, column, period_col)
    seen = pd.crosstab(items[column], items[period_col]).reindex(columns=periods, fill_value=0) > 0
    seen = seen.rename_axis(index=column, columns=None)
    status = seen.apply(lambda row: trajectory_status([p for p in periods if row[p]], periods), axis=1)
    return (seen.assign(status=status, _first=seen.idxmax(axis=1))
            .sort_values(["_first", "status"]).drop(columns="_first"))


def slogan_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """Slogan facts keyed by the slogan they stand for, one row per sentence and slogan.

    The column ``slogan`` is the fact's ``measure`` (三高四新 for “三高地”“四个新”, written in
    two halves), so a slogan is counted once per sentence however the text splits it;
    ``written`` keeps every form the sentence uses.

    >>> facts = pd.DataFrame({"kind": ["slogan", "slogan", "slogan", "target"],
    ...     "article_id": ["a", "a", "a", "a"], "sentence_id": [0, 0, 1, 1],
    ...     "text": ["三高地", "四个新", "三高四新", "千亿"],
    ...     "measure": ["三高四新", "三高四新", "三高四新", "工业"]})
    >>> slogan_mentions(facts)[["sentence_id", "written", "slogan"]].values.tolist()
    [[0, '三高地、四个新', '三高四新'], [1, '三高四新', '三高四新']]
    """
    said = facts[facts["kind"] == "slogan"]
    said = said.assign(slogan=said["measure"].fillna(said["text"]).where(said["measure"] != "", said["text"]))
    key = ["article_id", "sentence_id", "slogan"]
    written = said.groupby(key, sort=False)["text"].transform(lambda forms: "、".join(dict.fromkeys(forms)))
    return said.assign(written=written).drop_duplicates(key).reset_index(drop=True)
