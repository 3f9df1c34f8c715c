"""How far a report may trust each theme and instrument code: marks and notes computed from the
validation set (:func:`helpers.nlp.coding_eval.trust`), never from a list in code.

A code whose precision on the held-out split (the dev split while there are no held-out rows)
is under 80% is marked ``⚠`` wherever a table or chart shows it, and a note under the table says
what the mark means for each such code; so does a code the validation never saw coded.
"""

from collections.abc import Iterable

import pandas as pd

from helpers.nlp import coding_eval

MARK = " ⚠"


def mark(codes: Iterable[str], labels: Iterable[str]) -> list[str]:
    """The labels, each with :data:`MARK` where its code is not trusted."""
    return [
        label + (MARK if coding_eval.warning(code) else "") for code, label in zip(codes, labels)
    ]


def marked(frame: pd.DataFrame, code: str = "code", label: str = "label_en") -> pd.DataFrame:
    """``frame`` with the ``label`` column marked by the trust of the ``code`` column."""
    return frame.assign(**{label: mark(frame[code], frame[label])})


def note(codes: Iterable[str]) -> str:
    """A markdown note naming each of ``codes`` that is marked, with its warning; a line saying
    all are trusted otherwise.

    >>> note([])
    'Every code shown reached 80% precision on the validation set.'
    """
    shown = dict.fromkeys(codes)
    warned = [(code, coding_eval.warning(code)) for code in shown]
    warned = [(code, text) for code, text in warned if text]
    threshold = f"{coding_eval.MIN_PRECISION:.0%}"
    if not warned:
        return f"Every code shown reached {threshold} precision on the validation set."
    lines = "; ".join(f"`{code}` {text}" for code, text in warned)
    return (
        f"⚠ marks a code that did not reach {threshold} precision against the hand-coded "
        f"validation set (or was never coded there), so its figures may count sentences that "
        f"are not about it: {lines}."
    )
