"""The per-article analysis the build runs in worker processes: one entry point.

``analyse_text`` is module-level and takes plain strings, so a process pool or a Dask
worker can call it; the jieba dictionary is loaded once per process, on first use.
"""

from collections.abc import Iterable

from helpers import extract, segment, themes


def tokenize_sentences(article_id: str, sentences: list[segment.Sentence], keep: Iterable[str] = ()) -> list[dict]:
    """Token rows: article_id, sentence_id, position (0-based within the sentence), token, is_stopword.

    Punctuation is not a token; numbers with units, numbered slogans and the ``keep`` words
    are one token each.
    """
    stop = segment.stopwords()
    return [{"article_id": article_id, "sentence_id": s.sentence_id, "position": position,
             "token": token, "is_stopword": token in stop}
            for s in sentences for position, token in enumerate(segment.cut(s.text, keep))]


def analyse_text(article_id: str, text: str) -> dict[str, list[dict]]:
    """Sentences, tokens, facts and theme codes of one clean Simplified article.

    Returns a dict of row lists for the tables sentences, tokens, facts and themes (columns
    as in ``helpers.schema``). Facts and codes point to sentences by sentence_id; fact
    start/end are offsets in ``text``.
    """
    sentences = segment.split_sentences(text)
    facts = extract.facts_table_rows(article_id, text, sentences)
    names = sorted({f["text"] for f in facts if f["kind"] == "official"})  # kept whole by jieba
    return {
        "sentences": [{"article_id": article_id, "sentence_id": s.sentence_id, "start": s.start,
                       "end": s.end, "text": s.text} for s in sentences],
        "tokens": tokenize_sentences(article_id, sentences, keep=names),
        "facts": facts,
        "themes": themes.code_sentences(sentences, article_id),
    }
