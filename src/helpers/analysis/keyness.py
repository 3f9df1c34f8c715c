"""Key tokens of one group against another: G2 says how sure a difference is, log ratio how big.

Every table gives both, and the counts behind them: with a few articles a G2 alone hides how
little it may rest on.
"""

import re
from collections import Counter
from collections.abc import Iterable
from itertools import combinations

import numpy as np
import pandas as pd

from helpers.analysis.frames import content_tokens, require_columns
from helpers.text import patterns

# Critical values of G2 (one degree of freedom). 3.84 is p < 0.05; Rayson, Berridge and
# Francis (2004) recommend 15.13 (p < 0.0001) when expected frequencies are small, as they
# are in a corpus of a few articles.
G2_SIGNIFICANT = 3.84
G2_STRICT = 15.13


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
) -> pd.DataFrame:
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
    require_columns(tokens, by, "token")
    counted = content_tokens(tokens, content_only)
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
        ref = (
            freq[right]
            if right is not None
            else sum((freq[g] for g in groups if g != left), Counter())
        )
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
