"""Key tokens of one group against another: G2 says how sure a difference is, log ratio how big.

Every table gives both, and the counts behind them: with a few articles a G2 alone hides how
little it may rest on. :func:`distinctive_terms` adds what a reader needs to trust a term: the
sentences and articles that carry it, with procedural lines (attendance lists, meeting names)
left out and single-character fragments dropped.
"""

import re
from collections import Counter
from collections.abc import Iterable
from itertools import combinations

import numpy as np
import pandas as pd

from helpers.analysis.dispersion import term_spread
from helpers.analysis.frames import content_tokens, require_columns
from helpers.text import patterns

# Critical values of G2 (one degree of freedom). 3.84 is p < 0.05; Rayson, Berridge and
# Francis (2004) recommend 15.13 (p < 0.0001) when expected frequencies are small, as they
# are in a corpus of a few articles.
G2_SIGNIFICANT = 3.84
G2_STRICT = 15.13
# A single character is a content word only as a noun or verb of jieba's dictionary (链, 抓);
# the rest are grammatical words or pieces of words jieba left alone (者, 当, 大, 率, 点).
CONTENT_POS = frozenset({"n", "v", "vn"})
# A distinctive term should be a habit of the text, not one sentence or one article's burst.
MIN_SENTENCES = 2
MIN_ARTICLES = 2
SPREAD_NOTES = ("", "one article", "one sentence")  # best first: the order of the tables


def is_content_term(token: str) -> bool:
    """Whether a token can be a distinctive term or a collocate: two or more characters, or one
    character that jieba's dictionary tags as a noun or verb (:data:`CONTENT_POS`).

    >>> [is_content_term(t) for t in ("产业链", "链", "抓", "者", "当", "大", "点", "8")]
    [True, True, True, False, False, False, False, False]
    """
    if len(token) > 1:
        return True
    from helpers.nlp import segment

    return segment.pos_tagger().word_tag_tab.get(token) in CONTENT_POS


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
    return pd.DataFrame(
        {
            "token": words,
            "freq_target": a.astype(int),
            "freq_reference": b.astype(int),
            "total_target": int(c),
            "total_reference": int(d),
            "g2": g2,
            "p_value": chi2.sf(g2, 1),
            "log_ratio": log_ratio(a, b, c, d),
        }
    )


def keyness(
    tokens: pd.DataFrame,
    by: str,
    target: str | None = None,
    reference: str | None = None,
    *,
    pairwise: bool = False,
    min_count: int = 3,
    content_only: bool = True,
    exclude: Iterable[str] = (),
    fragments: bool = False,
) -> pd.DataFrame:
    """Key tokens of a group against the rest (one-vs-rest) or against another group (pairwise).

    Without ``target`` every group is compared with all the others together; ``pairwise``
    compares every pair of groups instead; ``target`` and ``reference`` pick one comparison.
    G2 says how sure a difference is (``G2_SIGNIFICANT`` 3.84 ~ p < 0.05, 6.63 ~ p < 0.01,
    ``G2_STRICT`` 15.13 ~ p < 0.0001; one degree of freedom); log ratio says how big it is
    (1 = twice as frequent, negative = rarer in target). ``exclude`` leaves tokens out of the
    counts and the totals, as stopwords are (e.g. :func:`keyness_exclusions`); so are
    single characters that are not content words (:func:`is_content_term`) unless
    ``fragments``.

    Returns:
        target, reference, token, freq_target, freq_reference, total_target, total_reference,
        g2, p_value, log_ratio; sorted by target, reference and g2 descending.
    """
    require_columns(tokens, by, "token")
    counted = content_tokens(tokens, content_only)
    counted = counted[~counted["token"].isin(set(exclude))]
    if not fragments:
        vocabulary = counted["token"].drop_duplicates()
        counted = counted[counted["token"].isin(vocabulary[vocabulary.map(is_content_term)])]
    freq = {group: Counter(part["token"]) for group, part in counted.groupby(by, sort=True)}
    groups = sorted(freq)
    if target is not None:
        pairs = [(target, reference)] if reference is not None else [(target, None)]
    elif pairwise:
        pairs = list(combinations(groups, 2))
    else:
        pairs = [(group, None) for group in groups]
    everything = sum(freq.values(), Counter()) if any(r is None for _, r in pairs) else None
    frames = []
    for left, right in pairs:
        ref = freq[right] if right is not None else everything - freq[left]
        table = _keyness_table(freq[left], ref, min_count)
        table.insert(0, "reference", right if right is not None else "rest")
        table.insert(0, "target", left)
        frames.append(table)
    result = pd.concat(frames, ignore_index=True)
    return result.sort_values(
        ["target", "reference", "g2", "token"],
        ascending=[True, True, False, True],
        ignore_index=True,
    )


def distinctive_terms(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    by: str,
    target: str | None = None,
    reference: str | None = None,
    *,
    pairwise: bool = False,
    exclude: Iterable[str] = (),
    min_count: int = 3,
    min_sentences: int = MIN_SENTENCES,
    min_articles: int = MIN_ARTICLES,
    positive_only: bool = True,
) -> pd.DataFrame:
    """Terms more frequent in a group than in the rest (or another group), with the sentences and
    articles of the group that carry them.

    Procedural lines and meeting names (:func:`helpers.nlp.procedural.procedural_tokens`) are
    left out before counting: who attended and what a meeting was called say nothing about a
    strategy. Each term's ``spread`` note says "one sentence" (fewer than ``min_sentences``
    sentences carry it: a burst) or "one article" (fewer than ``min_articles``: one text's
    habit, or a slogan repeated in it); terms without a note come first, then those marked,
    each by G2 (see :func:`keyness`).

    Returns:
        the columns of :func:`keyness` (log ratio > 0 only, unless not ``positive_only``),
        then sentences, articles, dp (:func:`helpers.analysis.dispersion.term_spread`, within
        the target group) and spread.
    """
    from helpers.nlp.procedural import procedural_tokens

    if target is not None and reference is not None:
        # one pair reads two groups only: the rest need no procedural test nor spread
        tokens = tokens[tokens[by].isin((target, reference))]
    said = tokens[~procedural_tokens(tokens, sentences)]
    table = keyness(
        said, by, target, reference, pairwise=pairwise, min_count=min_count, exclude=exclude
    )
    if positive_only:
        table = table[table["log_ratio"] > 0]
    spread = term_spread(said, by).rename(columns={by: "target"}).drop(columns="freq")
    table = table.merge(spread, on=["target", "token"], how="left")
    table[["sentences", "articles"]] = table[["sentences", "articles"]].fillna(0).astype(int)
    table["spread"] = np.select(
        [table["sentences"] < min_sentences, table["articles"] < min_articles],
        [SPREAD_NOTES[2], SPREAD_NOTES[1]],
        SPREAD_NOTES[0],
    )
    rank = table["spread"].map({note: i for i, note in enumerate(SPREAD_NOTES)})
    return (
        table.assign(_rank=rank)
        .sort_values(
            ["target", "reference", "_rank", "g2", "token"],
            ascending=[True, True, True, False, True],
        )
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


_ORDINAL = re.compile(rf"第?[{patterns.NUMERAL}百千万亿]+")


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

    places = {
        name
        for d in table.values()
        if named(d) and (d.tier < 2 or any(named(table[p]) for p in d.parents))
        for name in named(d)
    }
    officials = set(facts.loc[facts["kind"] == "official", "text"]) & vocabulary
    numbers = {t for t in vocabulary if patterns.NUMBER.fullmatch(t) or _ORDINAL.fullmatch(t)}
    return officials | places | numbers
