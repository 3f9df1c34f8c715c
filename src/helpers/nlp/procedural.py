"""Sentences that report how a meeting ran, not what it said: attendance lists, presiding and
speaker lines, meeting openings, datelines and captions; and the names of meetings inside
other sentences.

Their words say who sat in the hall (市领导, 负责人, 出席) or what the meeting was called (综合考评
讲评大会), so counting them as what a locality says about industry misleads keyness, collocates
and coding alike. The shapes are data (``data/procedural.csv``); this module only applies them.
"""

import functools
import re

import numpy as np
import pandas as pd

from helpers import resources

PROCEDURAL_FILE = "procedural.csv"
# A meeting's name runs from 在/召开 to its head word within this many tokens: long enough for
# 全市重点项目建设、县区经济高质量发展暨2019年度综合考评讲评大会 (12 tokens), short enough not to
# reach across a clause to an unrelated 会议.
MAX_MEETING_TOKENS = 15
_FINAL_PUNCTUATION = re.compile(r"[。！？!?；;：:…\s”’\"')）]*$")


@functools.cache
def _cues() -> dict[str, list[tuple[str, re.Pattern]]]:
    cues: dict[str, list[tuple[str, re.Pattern]]] = {}
    for row in resources.read_rows(PROCEDURAL_FILE):
        cues.setdefault(row["scope"], []).append((row["kind"], re.compile(row["pattern"])))
    return cues


def procedural_kind(sentence: str) -> str | None:
    """The kind of procedural line a sentence is (attendance, presiding, speaker, meeting,
    dateline, caption), or None for a sentence that says something.

    >>> procedural_kind("市领导刘光跃、段志刚、胡水龙出席。"), procedural_kind("朱健主持")
    ('attendance', 'presiding')
    >>> procedural_kind("8月14日，云阳召开“千亿工业”高质量发展动员大会。")
    'meeting'
    >>> print(procedural_kind("要抓招商。"))
    None
    """
    text = _FINAL_PUNCTUATION.sub("", sentence.strip())
    for kind, pattern in _cues()["sentence"]:
        if pattern.search(text):
            return kind
    return None


def is_procedural(sentence: str) -> bool:
    """Whether a sentence reports how a meeting ran (see :func:`procedural_kind`).

    >>> is_procedural("市委副书记、市长朱健主持会议。"), is_procedural("要突出抓重大项目。")
    (True, False)
    """
    return procedural_kind(sentence) is not None


def procedural_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The procedural sentences of a sentences table: article_id, sentence_id, kind."""
    kinds = sentences["text"].map(procedural_kind)
    found = sentences.loc[kinds.notna(), ["article_id", "sentence_id"]]
    return found.assign(kind=kinds[kinds.notna()]).reset_index(drop=True)


def _is_word_of(kind: str, words) -> np.ndarray:
    patterns = [pattern for cue_kind, pattern in _cues()["token"] if cue_kind == kind]
    return np.array([any(p.fullmatch(word) for p in patterns) for word in words], bool)


def _meeting_names(words: pd.Series, sentence: np.ndarray) -> np.ndarray:
    """The mask of :func:`meeting_name_mask` over words in text order, ``sentence`` numbering
    the sentence of each (a name never runs across sentences). Each distinct word is matched
    against the cues once, however often it occurs."""
    codes, distinct = pd.factorize(words)
    heads = _is_word_of("meeting_head", distinct)[codes]
    starts = _is_word_of("meeting_start", distinct)[codes]
    mask = heads.copy()
    for i in np.flatnonzero(heads):
        for j in range(i - 1, max(-1, i - MAX_MEETING_TOKENS - 1), -1):
            if sentence[j] != sentence[i]:
                break
            if starts[j]:
                mask[j + 1 : i] = True
                break
    return mask


def meeting_name_mask(words: list[str]) -> np.ndarray:
    """Which of a sentence's words belong to the name of a meeting: from the word after a start
    word (在, 召开, …) up to a head word (大会, 会议, 座谈会, …), at most
    ``MAX_MEETING_TOKENS`` words; a head word with no start word before it is masked alone.

    >>> words = ["蒿慧杰", "在", "全市", "重点项目", "建设", "暨", "综合", "考评", "讲评", "大会", "上", "强调"]
    >>> [w for w, m in zip(words, meeting_name_mask(words)) if m]
    ['全市', '重点项目', '建设', '暨', '综合', '考评', '讲评', '大会']
    """
    return _meeting_names(pd.Series(words, dtype=object), np.zeros(len(words), int))


def procedural_tokens(tokens: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """True for each token in a procedural sentence or in a meeting's name (index of ``tokens``).

    Tokens are read in text order within their sentence (``position``).
    """
    keys = ["article_id", "sentence_id"]
    present = tokens["article_id"].drop_duplicates()
    lines = procedural_sentences(sentences[sentences["article_id"].isin(present)])
    in_line = (
        tokens[keys].merge(lines[keys].assign(_line=True), on=keys, how="left")["_line"].notna()
    )
    in_line.index = tokens.index
    ordered = tokens.sort_values([*keys, "position"], kind="stable")
    sentence = ordered.groupby(keys, sort=False).ngroup().to_numpy()
    in_name = pd.Series(_meeting_names(ordered["token"], sentence), index=ordered.index)
    return in_line | in_name.reindex(tokens.index)
