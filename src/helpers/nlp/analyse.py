"""The per-article analysis the build runs in worker processes: one entry point.

``analyse_text`` is module-level and takes plain strings, so a process pool or a Dask
worker can call it; the jieba dictionary is loaded once per process, on first use.
Tables come back as columns (name -> list of values), which a build of millions of tokens
turns into DataFrames far faster than one dict per row. ``extract_article`` gives the same
rows as JSON-ready data, for ``extract --json``.
"""

import json

import numpy as np

from helpers.build.schema import COLUMNS
from helpers.nlp import segment, themes
from helpers.nlp.facts import targets
from helpers.nlp.facts.registry import KINDS, extract_facts, list_name
from helpers.nlp.sentences import Sentence, split_sentences


def token_columns(
    sentences: list[Sentence], indexes: list[int], words: list[str]
) -> dict[str, list]:
    """Columns sentence_id, position (0-based within the sentence), token, is_stopword, for
    ``words`` in text order, each in the sentence ``sentences[indexes[i]]``.

    >>> token_columns(split_sentences("发展产业的。好"), [0, 0, 0, 1], ["发展", "产业", "的", "好"])
    {'sentence_id': [0, 0, 0, 1], 'position': [0, 1, 2, 0], 'token': ['发展', '产业', '的', '好'], 'is_stopword': [False, False, True, False]}
    """
    stop = segment.stopwords()
    order = np.asarray(indexes, dtype=np.int64)
    first = np.searchsorted(order, order)  # where each word's sentence starts among the words
    return {
        "sentence_id": np.asarray([s.sentence_id for s in sentences], dtype=np.int64)[
            order
        ].tolist(),
        "position": (np.arange(len(order)) - first).tolist(),
        "token": words,
        "is_stopword": [word in stop for word in words],
    }


def facts_table_rows(article_id: str, facts: list[dict]) -> list[dict]:
    """Facts (:func:`extract_facts`) as rows of ``facts.parquet``: detail as a JSON string,
    missing numbers as None."""
    return [
        {"article_id": article_id, **fact, "detail": json.dumps(fact["detail"], ensure_ascii=False)}
        for fact in facts
    ]


def analyse_text(article_id: str, text: str, date: str = "") -> dict[str, dict[str, list]]:
    """Sentences, tokens, facts and theme codes of one clean Simplified article, published in
    ``date`` (ISO, the year alone, or "" when unknown): a figure for 今年 is for its year, a
    floor for that year a goal
    (:func:`helpers.nlp.facts.targets.in_article_year`).

    Returns, for the tables sentences, tokens, facts and themes, a dict of columns in the
    order of ``helpers.build.schema`` (``pandas.DataFrame(result["tokens"])`` is the table).
    Facts and codes point to sentences by sentence_id; fact start/end are offsets in ``text``.
    Punctuation is not a token; numbers with units, numbered slogans and the names of the
    officials found are one token each.
    """
    sentences = split_sentences(text)
    found = extract_facts(text, sentences)
    targets.in_article_year(text, sentences, found, date)
    facts = facts_table_rows(article_id, found)
    names = sorted({f["text"] for f in facts if f["kind"] == "official"})  # kept whole by jieba
    columns = {
        "sentences": {
            "sentence_id": [s.sentence_id for s in sentences],
            "start": [s.start for s in sentences],
            "end": [s.end for s in sentences],
            "text": [s.text for s in sentences],
        },
        "tokens": token_columns(sentences, *segment.sentence_words(text, sentences, keep=names)),
        "facts": {name: [fact[name] for fact in facts] for name, _, _ in COLUMNS["facts"]},
        "themes": themes.sentence_codes(text, sentences, found),  # posts, chain names masked
    }
    tables = {}
    for table, values in columns.items():
        rows = len(next(iter(values.values())))
        values = {"article_id": [article_id] * rows, **values}
        tables[table] = {name: values[name] for name, _, _ in COLUMNS[table]}
    return tables


def extract_article(record: dict) -> dict:
    """An article record (``Article.to_record()``) plus its facts and themes, for ``extract --json``.

    Adds a list of fact dicts (sentence_id, span and detail) per kind of fact, named by
    ``helpers.nlp.facts.list_name`` (``officials``, ``chains``, ``slogans``, ``targets``,
    ``documents``), ``themes`` (sentence-level codes with the cue that matched and, for
    instruments, their ``side``) and
    ``sentences`` (sentence_id, start, end, text), so that every fact and every code can be
    read in its sentence: the rows the build writes for the article (:func:`analyse_text`),
    so the two cannot differ.
    """
    tables = analyse_text(record["article_id"], record["text"], record.get("date") or "")
    facts = [_fact_record(row) for row in _rows(tables["facts"])]
    out = dict(record)
    for kind in KINDS:
        out[list_name(kind)] = [_without(fact, "kind") for fact in facts if fact["kind"] == kind]
    side = themes.side_of()
    out["themes"] = [
        {**_without(row, "article_id"), "side": side.get(row["code"])}
        for row in _rows(tables["themes"])
    ]
    out["sentences"] = [_without(row, "article_id") for row in _rows(tables["sentences"])]
    return out


def _rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _without(row: dict, key: str) -> dict:
    return {k: v for k, v in row.items() if k != key}


def _fact_record(row: dict) -> dict:
    """A row of the facts table as JSON-ready data: detail parsed."""
    return {**_without(row, "article_id"), "detail": json.loads(row["detail"])}
