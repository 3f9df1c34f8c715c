"""Agreement of automatic coding with hand coding: per-code precision, recall, F1 and Cohen's
kappa, micro averages, and the same for instrument sides (no I/O; scikit-learn does the sums).

Each code is a binary decision over every sentence of the set (coded or not), so kappa
compares the coder and the hand coder on all sentences, the ones neither coded included.
"""

import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

PER_CODE = ["code", "support", "predicted", "tp", "precision", "recall", "f1", "kappa"]


def binary_scores(gold: list[bool], coded: list[bool]) -> dict:
    """Counts, precision, recall, F1 and Cohen's kappa of one binary decision; a measure whose
    denominator is zero is NaN (precision of a code never given, kappa of a constant pair).

    >>> s = binary_scores([True, True, False, False], [True, False, True, False])
    >>> s["tp"], s["precision"], s["recall"], s["kappa"]
    (1, 0.5, 0.5, 0.0)
    >>> round(binary_scores([1, 1, 1, 0, 0, 0], [1, 1, 0, 0, 0, 0])["kappa"], 4)
    0.6667
    """
    y, p = np.asarray(gold, bool), np.asarray(coded, bool)
    tp = int((y & p).sum())
    precision, recall, f1, _ = precision_recall_fscore_support(
        y, p, average="binary", zero_division=np.nan
    )
    with warnings.catch_warnings():  # a constant pair: kappa is undefined, NaN it is
        warnings.simplefilter("ignore", RuntimeWarning)
        kappa = (
            float(cohen_kappa_score(y, p)) if len(set(y.tolist()) | set(p.tolist())) > 1 else np.nan
        )
    return {
        "support": int(y.sum()),
        "predicted": int(p.sum()),
        "tp": tp,
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "kappa": kappa,
    }


def per_code(gold: list[set[str]], coded: list[set[str]], codes: list[str]) -> pd.DataFrame:
    """One row per code: support (hand-coded sentences), predicted, tp, precision, recall, f1,
    kappa, each over all the sentences (``gold[i]`` and ``coded[i]`` are sentence i's codes).

    >>> per_code([{"a"}, {"a", "b"}, set()], [{"a"}, {"b"}, {"b"}], ["a", "b"])[
    ...     ["code", "tp", "precision", "recall"]].to_dict("list")
    {'code': ['a', 'b'], 'tp': [1, 1], 'precision': [1.0, 0.5], 'recall': [0.5, 1.0]}
    """
    rows = [
        {"code": code, **binary_scores([code in g for g in gold], [code in c for c in coded])}
        for code in codes
    ]
    return pd.DataFrame(rows, columns=PER_CODE)


def micro(table: pd.DataFrame) -> dict:
    """Micro-averaged precision and recall of a per-code table (its counts summed), with the
    mean kappa over the codes whose kappa is defined.

    >>> table = pd.DataFrame({"support": [2, 1], "predicted": [1, 3], "tp": [1, 1],
    ...                       "kappa": [0.5, float("nan")]})
    >>> micro(table)
    {'support': 3, 'predicted': 4, 'tp': 2, 'precision': 0.5, 'recall': 0.6666666666666666, 'mean_kappa': 0.5, 'codes_with_kappa': 1}
    """
    support, predicted, tp = (int(table[c].sum()) for c in ("support", "predicted", "tp"))
    kappas = table["kappa"].dropna()
    return {
        "support": support,
        "predicted": predicted,
        "tp": tp,
        "precision": tp / predicted if predicted else np.nan,
        "recall": tp / support if support else np.nan,
        "mean_kappa": float(kappas.mean()) if len(kappas) else np.nan,
        "codes_with_kappa": len(kappas),
    }
