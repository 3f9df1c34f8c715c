"""How likely a reading of a garbled run is in its article: the mojibake repair's language model.

Clean text scores the readings the glosses allow (see :mod:`helpers.clean.mojibake`): jieba's
dictionary frequencies mixed with the characters the article itself uses, the article's
script, its other fillings of the same slot, and the typography of quotes.
"""

import functools
import importlib.resources
import math
import re
from collections import Counter

from helpers.clean.script import script_of, to_simplified
from helpers.text.chars import HAN

_LONGEST_WORD = 8
_SENTENCE_END = "。！？!?…"
_CLAUSE_MARK = re.compile("[，,；;：:]")
# The language model's weight on the article's own characters (a cache model), reached
# as the article grows: half of it at CACHE_HALF characters.
CACHE_WEIGHT, CACHE_HALF = 0.36, 500
# How often a quotation ends in a sentence mark, measured on the cleaned seed corpus with
# add-one smoothing: 0 of 135 quoted terms, 2 of 2 quotations holding a clause mark.
_END_IN_TERM, _END_IN_CLAUSE = 1 / 137, 3 / 4
# Similarity added to a character's in a filled slot, so that an unlike one keeps a chance.
FRAME_FLOOR = 0.01


@functools.cache
def _dictionary() -> tuple[dict[str, int], int]:
    """jieba's word frequencies and their total (read once per process, about 0.4 s)."""
    source = importlib.resources.files("jieba") / "dict.txt"
    with source.open(encoding="utf-8") as lines:
        words = {word: int(freq) for word, freq, *_ in map(str.split, lines)}
    return words, sum(words.values())


@functools.cache
def _prefixes() -> frozenset[str]:
    """Every proper prefix of a dictionary word (the pieces a longer word can grow from)."""
    return frozenset(word[:k] for word in _dictionary()[0] for k in range(1, len(word)))


@functools.cache
def _partners() -> dict[str, dict[tuple[str, str], float]]:
    """For each character, the characters it makes two-character dictionary words with, on
    which side, weighted by the log of the word's frequency."""
    partners: dict[str, dict[tuple[str, str], float]] = {}
    for word, freq in _dictionary()[0].items():
        if len(word) == 2 and freq:
            partners.setdefault(word[0], {})[("next", word[1])] = math.log1p(freq)
            partners.setdefault(word[1], {})[("before", word[0])] = math.log1p(freq)
    return partners


@functools.cache
def similarity(first: str, second: str) -> float:
    """How alike two characters are used: the cosine of their partners in two-character words.

    >>> similarity("稳", "保") > similarity("稳", "常") > similarity("稳", "专")
    True
    """
    one, other = _partners().get(first, {}), _partners().get(second, {})
    dot = sum(weight * other[key] for key, weight in one.items() if key in other)
    norms = math.hypot(*one.values()) * math.hypot(*other.values())
    return dot / norms if norms else 0.0


class ArticleModel:
    """The language model of one article (see the module's docstring)."""

    def __init__(self, article: str):
        self.words, self.total = _dictionary()
        scripts = Counter(map(script_of, article))
        # How often the article writes a character of one script only in the other one's form
        # (a Traditional text has its 干 and 台), with add-one smoothing.
        self.script = {
            name: math.log(
                (scripts[name] + 1) / (scripts["traditional"] + scripts["simplified"] + 2)
            )
            for name in ("traditional", "simplified")
        }
        self.script[""] = 0.0
        self.article = to_simplified(article)
        self.cache, self.length = Counter(self.article.replace("\n", "")), max(1, len(self.article))
        # A short text's character counts say little about the article: trust them as it grows.
        self.weight = CACHE_WEIGHT * self.length / (self.length + CACHE_HALF)
        self._memo: dict[str, float] = {}
        self._fillers: dict[tuple[str, str], frozenset[str]] = {}

    def log_p(self, word: str) -> float:
        """Log-probability of a word: a dictionary word, or any single character (mixed with
        its frequency in the article; an unknown one as if jieba had seen it once)."""
        if (known := self._memo.get(word)) is not None:
            return known
        freq = self.words.get(word, 0)
        if len(word) > 1:
            known = math.log((1 - self.weight) * freq / self.total) if freq else -math.inf
        else:
            known = math.log(
                (1 - self.weight) * (freq or 1) / self.total
                + self.weight * self.cache[word] / self.length
            )
        self._memo[word] = known
        return known

    def score(self, text: str) -> float:
        """Log-probability of ``text`` under its likeliest segmentation into words."""
        # The repair's hot loop (every reading of every run): a word that starts no longer
        # dictionary word ends the inner loop, since every longer piece would score -inf.
        prefixes, memo, log_p = _prefixes(), self._memo, self.log_p
        best = [0.0] + [-math.inf] * len(text)
        for i in range(len(text)):
            here = best[i]
            for j in range(i + 1, min(len(text), i + _LONGEST_WORD) + 1):
                word = text[i:j]
                p = memo.get(word)
                candidate = here + (log_p(word) if p is None else p)
                if candidate > best[j]:
                    best[j] = candidate
                if word not in prefixes:
                    break
        return best[-1]

    def frame(self, window: str, index: int) -> float:
        """Log-weight of the character at ``index`` from the article's other fillings of its
        slot: “六穩” elsewhere makes 保 likely in “六?”, a character used like 穩."""
        if not 0 < index < len(window) - 1:
            return 0.0
        key = (window[index - 1], window[index + 1])
        if key not in self._fillers:
            pattern = re.compile(f"(?<={re.escape(key[0])})[{HAN}](?={re.escape(key[1])})")
            self._fillers[key] = frozenset(pattern.findall(self.article))
        if not self._fillers[key]:
            return 0.0
        return math.log(
            FRAME_FLOOR + max(similarity(window[index], filler) for filler in self._fillers[key])
        )


def quote_score(text: str, start: int, reading: str, after: str) -> float:
    """Log-probability of the marks a reading puts before a closing quote, given the quotation."""
    score, line_start = 0.0, text.rfind("\n", 0, start) + 1
    following = reading + after[:1]
    for index, char in enumerate(reading):
        if following[index + 1 : index + 2] != "”":
            continue
        quoted = text[line_start:start] + reading[: index + 1]
        opening = quoted.rfind("“")
        if opening == -1 or "”" in quoted[opening:-1]:
            continue
        p_end = _END_IN_CLAUSE if _CLAUSE_MARK.search(quoted[opening:]) else _END_IN_TERM
        score += math.log(p_end if char in _SENTENCE_END else 1 - p_end)
    return score
