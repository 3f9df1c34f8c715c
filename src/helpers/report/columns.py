"""Tables for reading: human column names with units, one number format per quantity, English
beside every Chinese column. ``report/data/columns.csv`` says, for each raw column of the
analysis tables, what a reader sees; :func:`helpers.report.display.table` applies it to every
table of every report, so a new table gets it without a line of its own.
"""

import functools
from dataclasses import dataclass

import pandas as pd

from helpers import config, resources
from helpers.report import labels
from helpers.text.chars import has_han

COLUMNS_FILE = config.REPORT_DATA_DIR / "columns.csv"
PLACE_COLUMNS = ("locality", "target", "reference")  # values that are place names


@dataclass(frozen=True)
class Column:
    shown: str
    format: str
    english: str


@functools.cache
def _columns() -> dict[str, Column]:
    return {
        row["column"]: Column(row["shown"], row["format"], row["english"])
        for row in resources.read_rows(COLUMNS_FILE)
    }


def number(value, spec: str) -> str:
    """A value in its quantity's format (``columns.csv``); "" for a missing one.

    >>> number(1400.5, ",.0f"), number(0.00001, "p"), number(0.0412, "p"), number(None, ".1f")
    ('1,400', '< 0.001', '0.041', '')
    """
    if value is None or pd.isna(value):
        return ""
    if spec == "p":
        return "< 0.001" if value < 0.001 else f"{value:.3f}"
    return format(float(value), spec)


def _english_of(kind: str):
    return {
        "term": labels.gloss,
        "text": labels.text_gloss,
        "name": labels.name_pinyin,
        "role": labels.role_gloss,
    }[kind]


def _mostly_chinese(value) -> bool:
    """Text at least half in Chinese characters (a note in English that quotes 保”任務 is not).

    >>> _mostly_chinese("产业链建设"), _mostly_chinese("The GBK bytes of 保”任務"), _mostly_chinese(3)
    (True, False, False)
    """
    if not isinstance(value, str):
        return False
    letters = [c for c in value if c.isalnum()]
    return bool(letters) and 2 * sum(map(has_han, letters)) >= len(letters)


def _english_columns(frame: pd.DataFrame, spec: dict[str, Column]) -> dict[str, tuple[str, str]]:
    """The Chinese columns that get English beside them: column -> (kind, new column's name).

    A table with an "English" column already glosses with it the term column nearest to its
    left; without one, the first term column's English is called "English". A pinyin or
    "... (English)" column already there is not added twice.
    """
    columns = list(frame.columns)
    kinds = {c: spec[c].english for c in columns if c in spec and spec[c].english}
    terms = [c for c in columns if kinds.get(c) == "term"]
    if "English" in columns:
        before = [c for c in terms if columns.index(c) < columns.index("English")]
        glossed, first = (before or terms or [None])[-1 if before else 0], None
    else:
        glossed, first = None, terms[0] if terms else None
    wanted = {}
    for column, kind in kinds.items():
        name = "pinyin" if kind == "name" else f"{spec[column].shown} (English)"
        name = "English" if column == first else name
        if column == glossed or name in columns:
            continue
        if frame[column].map(_mostly_chinese).any():
            wanted[column] = (kind, name)
    return wanted


def _header(name) -> str:
    """A column header in Chinese (a locality in a crosstab) with its English beside it."""
    name = str(name)
    if not has_han(name):
        return name
    return labels.place_label(name) if labels.english(name)[:1].isupper() else labels.label(name)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The table a reader sees: English beside each Chinese column, places with their English
    names, numbers formatted by quantity, columns renamed (all by ``columns.csv``).

    >>> readable(pd.DataFrame({"token": ["产业链"], "g2": [39.234], "locality": ["衡阳市"]})).iloc[0].to_dict()
    {'token': '产业链', 'English': 'industrial chain', 'log-likelihood G²': '39.2', 'locality': '衡阳市 (Hengyang)'}
    """
    spec, shown = _columns(), frame.copy()
    for column, (kind, name) in _english_columns(frame, spec).items():
        english = _english_of(kind)
        shown.insert(
            shown.columns.get_loc(column) + 1,
            name,
            frame[column].map(lambda v, f=english: f(v) if isinstance(v, str) else ""),
        )
    for column in PLACE_COLUMNS:
        if column in shown.columns:
            shown[column] = shown[column].map(
                lambda v: labels.place_label(v) if isinstance(v, str) and has_han(v) else v
            )
    for column in frame.columns:
        rule = spec.get(column)
        if rule and rule.format and pd.api.types.is_numeric_dtype(frame[column]):
            shown[column] = frame[column].map(lambda v, f=rule.format: number(v, f))
    renamed = {c: spec[c].shown if c in spec else _header(c) for c in shown.columns}
    return shown.rename(columns=renamed)
