"""The documented schema of every processed table, enforced when the build writes it.

Each column is (name, Arrow type, description). The build makes every table with exactly
this schema and refuses to write one that differs, so a change in a producer cannot
silently change what the notebooks read.
"""

from functools import cache

import pyarrow as pa

from helpers.nlp.facts.registry import KINDS

STR = pa.string()
INT = pa.int64()

COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "articles": [
        ("article_id", STR, "stable id: raw file stem and 1-based part number"),
        ("source", STR, "raw file name in data/raw/"),
        ("part", INT, "1-based position of the article within its file"),
        ("title", STR, "headline, Simplified"),
        ("locality", STR, "canonical locality name, e.g. 衡阳市"),
        ("province", STR, "province-level division, e.g. 湖南省 (重庆市 for a municipality)"),
        ("admin_level", STR, "administrative level of the locality, e.g. 地级市, 县"),
        ("date", STR, "ISO date, or the year alone when only the year is known"),
        ("year", INT, "publication year (null when neither text nor catalog gives it)"),
        ("outlet", STR, "publishing outlet"),
        ("reporters", pa.list_(STR), "reporters credited in the article"),
        ("encoding", STR, "codec the raw bytes were decoded with"),
        ("text_original", STR, "cleaned text in its original script"),
        ("text", STR, "cleaned text, Simplified: what every analysis reads"),
        ("flags", pa.list_(STR), "data-quality flags raised while cleaning"),
        ("editors", pa.list_(STR), "editors and reviewers credited (编辑, 审核, ...)"),
    ],
    "cleaning_log": [
        ("article_id", STR, "article the step ran on"),
        ("source", STR, "raw file name"),
        ("step_order", INT, "position of the step in the pipeline"),
        ("step", STR, "cleaning step name"),
        ("changes", INT, "how many times the step changed the text"),
        ("examples", STR, "a few before -> after examples"),
    ],
    "sentences": [
        ("article_id", STR, "article"),
        ("sentence_id", INT, "0-based sentence number within the article"),
        ("start", INT, "offset of the sentence's first character in the article text"),
        ("end", INT, "offset just past its last character"),
        ("text", STR, "the sentence"),
    ],
    "tokens": [
        ("article_id", STR, "article"),
        ("sentence_id", INT, "sentence"),
        ("position", INT, "0-based token number within the sentence"),
        ("token", STR, "the token as segmented"),
        ("is_stopword", pa.bool_(), "token is a stopword or punctuation"),
    ],
    "facts": [
        ("article_id", STR, "article"),
        ("sentence_id", INT, "sentence holding the fact"),
        ("kind", STR, f"{', '.join(KINDS[:-1])} or {KINDS[-1]}"),
        ("text", STR, "the fact as it stands in the text"),
        (
            "value",
            pa.float64(),
            "normalized number (targets), the declared count (chain lists), else null",
        ),
        ("unit", STR, "unit of value, e.g. 元, ratio, 个 (a count), 条 (a chain list)"),
        (
            "measure",
            STR,
            "what a figure measures, an official's role, the list a chain "
            "belongs to, or the slogan a slogan is written for (三高四新 for “三高地”“四个新”)",
        ),
        (
            "year",
            INT,
            "year the figure refers to, when stated (今年, 去年, 全年: from the article's year)",
        ),
        (
            "detail",
            STR,
            "JSON with kind-specific detail. Figures: type, cue, stated, period, year_offset "
            "(去年 -1), since, since_offset (自去年…以来 -1), group and mentions (one figure "
            "restated). Chains: name, list, head, position, "
            "declared (count the head gives), listed, open (list ends in 等), count_mismatch, "
            "includes. Chain lists (the head as written, value the declared count): head, "
            "declared, listed, open, count_mismatch, items; a head given alone (15条产业链) has "
            "listed 0, no items, count_mismatch true and its mentions. "
            "Officials: role, post_stated, mentions. Slogans: parts, frame, expansion. "
            "Documents: title, type, issuer, mentions, cites",
        ),
        (
            "figure_type",
            STR,
            "for figures (kind target): target (a goal), result (achieved) or plan (planned "
            "investment or capacity); else null",
        ),
        ("start", INT, "offset of the fact in the article text"),
        ("end", INT, "offset just past it"),
    ],
    "themes": [
        ("article_id", STR, "article"),
        ("sentence_id", INT, "coded sentence"),
        ("dimension", STR, "theme or instrument"),
        ("code", STR, "code from the codebook"),
        ("label_en", STR, "English label of the code"),
        ("cue", STR, "cue word that matched"),
    ],
}


@cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a processed table, with each column's description as metadata
    (made once: the build checks every cached file's tables against it)."""
    return pa.schema(
        [
            pa.field(name, dtype, metadata={"description": doc})
            for name, dtype, doc in COLUMNS[table]
        ]
    )
