"""Words of clean Simplified text: the one place that knows about jieba.

jieba splits digits and symbols even with a user dictionary (``855.04亿元`` -> ``855 . 04
亿元``, ``1+8+N`` -> ``1 + 8 + N``), so numbered slogans and numbers with their units are
found first (:func:`protected_spans`) and jieba only cuts the text between them.

Words are cut by rjieba (jieba-rs: jieba's algorithm, dictionary and HMM compiled in Rust,
about 20 times faster than jieba in Python), made to give the tokens ``jieba.lcut`` gives
(:func:`jieba_cut`; ``tests/nlp/test_segment.py`` holds it to that). The one way they can still
differ: where two segmentations are exactly equally likely (出席会议+局 and 出席+会议局 both
score 3 x 4001), each library's rounding picks one; fuzzing found that about once in 20
million characters of recombined corpus text. jieba itself tags parts of speech for
extraction, whose tagger has its own HMM that rjieba does not copy. Both load their
dictionaries once per process, lazily; jieba's cache lives in ``config.CACHE_DIR``.
"""

import bisect
import functools
import logging
import operator
import re
from collections.abc import Iterable
from itertools import accumulate, compress

import numpy as np

from helpers import config, resources
from helpers.nlp.sentences import Sentence, split_sentences, straddled
from helpers.text.patterns import FORMULA, NUMBER, NUMBERED, NUMERAL, QUOTED

USER_DICT_FILE = config.PACKAGE_DATA_DIR / "userdict.txt"
STOPWORDS_FILE = config.PACKAGE_DATA_DIR / "stopwords.txt"
JIEBA_CACHE_NAME = "jieba.cache"
# jieba's own reading of a user dictionary line: word, optional frequency, optional tag.
_USER_DICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>[0-9]+))?(?: (?P<tag>[a-z]+))?$")

_SHORT_QUOTE = re.compile(rf"(?:[{NUMERAL}]|\d)[^\s，,。；;：:、！？!?]*")
_HAS_MAGNITUDE = re.compile(r"[万亿]")
_PUNCT_TOKEN = re.compile(r"^[\W_]+$")


@functools.lru_cache(maxsize=4)
def _scan(text: str) -> tuple[tuple[re.Match, ...], ...]:
    """Every match of FORMULA, NUMBERED, QUOTED and NUMBER in ``text``, in that order.

    Cached: extraction and segmentation both read them for the same article.
    """
    return tuple(tuple(pattern.finditer(text)) for pattern in (FORMULA, NUMBERED, QUOTED, NUMBER))


def slogan_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbered slogans and formulas: 1+8+N, 4×4, 三高四新, 六个一, quoted “五链融合”.

    A quoted phrase counts when it starts with a numeral or digit and is short or dense in
    numerals, which keeps out quotes that merely contain one (“三湘民营企业百强榜”).

    >>> text = "落实“三高四新”战略，培育“1+8+N”体系和“五链融合”，坚持三强一化"
    >>> [text[a:b] for a, b in slogan_spans(text)]
    ['三高四新', '1+8+N', '五链融合', '三强一化']
    """
    formulas, numbered, quoted, _ = _scan(text)
    spans = {m.span() for m in formulas} | {m.span() for m in numbered}
    for match in quoted:
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        inner = match.group(group)
        numerals = sum(ch in NUMERAL or ch.isdigit() for ch in inner)
        if (
            _SHORT_QUOTE.fullmatch(inner)
            and 2 <= len(inner) <= 12
            and (len(inner) <= 6 or numerals / len(inner) >= 0.25)
        ):
            spans.add(match.span(group))
    return outermost(spans)


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbers with magnitude and unit (Chinese magnitudes need 万 or 亿).

    >>> text = "产值855.04亿元，增长8.1%，高出0.4个百分点，打造千亿工业、3000亿级产业"
    >>> [text[a:b] for a, b in number_spans(text)]
    ['855.04亿元', '8.1%', '0.4个百分点', '千亿', '3000亿级']
    """
    spans = []
    for match in _scan(text)[3]:
        piece = match.group()
        if piece and (piece[0].isdigit() or _HAS_MAGNITUDE.search(piece)):
            spans.append(match.span())
    return spans


def protected_spans(text: str, keep: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Slogans, numbers and any ``keep`` strings: what must stay one token, in text order."""
    spans = set(slogan_spans(text)) | set(number_spans(text))
    for word in keep:
        spans |= {(m.start(), m.end()) for m in re.finditer(re.escape(word), text)}
    return outermost(spans)


def sentence_spans(
    text: str, sentences: list[Sentence], keep: Iterable[str] = ()
) -> list[list[tuple[int, int]]]:
    """``protected_spans`` of each sentence (as offsets in ``text``), from one scan of the whole text.

    A match found in the whole text inside a sentence is the one a scan of the sentence alone
    finds: sentences begin after punctuation or white space, which no detector's look-behind
    refuses, and the detectors' look-aheads cannot tell white space from the end of a string.
    Only a sentence that some match straddles is scanned again on its own.

    >>> text = "落实“三高四新”。\\n“8”即8个产业链"
    >>> [[text[a:b] for a, b in spans] for spans in sentence_spans(text, split_sentences(text))]
    [['三高四新'], ['8', '8个']]
    """
    keep = list(keep)
    matches = [m.span() for found in _scan(text) for m in found]
    matches += [m.span() for word in keep for m in re.finditer(re.escape(word), text)]
    alone = straddled(matches, sentences)
    found, j, result = protected_spans(text, keep), 0, []
    for i, sentence in enumerate(sentences):
        while j < len(found) and found[j][0] < sentence.start:
            j += 1
        if i in alone:
            result.append(
                [
                    (sentence.start + a, sentence.start + b)
                    for a, b in protected_spans(sentence.text, keep)
                ]
            )
            continue
        spans = []
        while j < len(found) and found[j][0] < sentence.end:
            spans.append(found[j])
            j += 1
        result.append(spans)
    return result


def outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that overlap an earlier or longer one; sorted by start."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@functools.cache
def segmenter():
    """The process-wide rjieba segmenter with the user dictionary (loaded on first use).

    rjieba builds its default segmenter when imported (0.2 s); the user dictionary goes into
    that one rather than into a second copy. The module's ``cut`` and ``has_word`` use it.
    """
    import rjieba

    for line in resources.read_list(USER_DICT_FILE):
        match = _USER_DICT_LINE.match(line)
        if match and match["word"]:
            rjieba.add_word(
                match["word"], int(match["freq"]) if match["freq"] else None, match["tag"]
            )
    return rjieba


# How jieba's HMM stage splits what no dictionary word covers: Chinese runs apart, then
# letters and digits (with a decimal part and %) apart from what lies between them.
_JIEBA_HAN = re.compile("([\u4e00-\u9fd5]+)")
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# Characters rjieba cuts as Chinese but jieba does not (CJK extensions, compatibility
# ideographs, the end of the basic block): jieba yields each alone.
_BEYOND_JIEBA_HAN = re.compile("([\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f])")


def jieba_cut(text: str) -> list[str]:
    """``jieba.lcut(text)``, computed by rjieba.

    rjieba keeps a run of letters and digits joined by ``.``, ``_`` or ``-`` whole, where
    jieba's HMM stage cuts it apart: such tokens are split the way jieba splits them. A
    character only rjieba counts as Chinese (䶮, 豈) is a token of its own, as in jieba, and
    the text between such characters is cut on its own, as jieba cuts it.

    >>> jieba_cut("1-6月，推广5G-A和v2.0版")
    ['1', '-', '6', '月', '，', '推广', '5G', '-', 'A', '和', 'v2.0', '版']
    >>> jieba_cut("刘䶮䶮强调")
    ['刘', '䶮', '䶮', '强调']
    """
    if not _BEYOND_JIEBA_HAN.search(text):
        return _rjieba_cut(text)
    pieces = _BEYOND_JIEBA_HAN.split(text)  # text, character, text, character, ..., text
    return [
        token
        for i, piece in enumerate(pieces)
        if piece
        for token in ([piece] if i % 2 else _rjieba_cut(piece))
    ]


def _rjieba_cut(text: str) -> list[str]:
    """rjieba's tokens with runs of letters and digits split as jieba splits them."""
    words = segmenter()
    tokens = words.cut(text)
    # Only a token of several characters, not all letters or digits, and not a dictionary
    # word can differ; the check runs on the distinct ones (punctuation recurs).
    odd = {
        token
        for token in compress(tokens, map(operator.not_, map(str.isalnum, tokens)))
        if len(token) > 1 and not words.has_word(token)
    }
    split = {token: pieces for token in odd if (pieces := _jieba_pieces(token)) != [token]}
    if not split:
        return tokens
    return [piece for token in tokens for piece in split.get(token, (token,))]


def _jieba_pieces(token: str) -> list[str]:
    """What jieba's HMM stage makes of ``token``: Chinese runs, then letters and digits."""
    pieces = []
    for block in _JIEBA_HAN.split(token):
        if _JIEBA_HAN.fullmatch(block):
            pieces.append(block)
        else:
            pieces.extend(piece for piece in _JIEBA_SKIP.split(block) if piece)
    return pieces


@functools.cache
def tokenizer():
    """The process-wide jieba tokenizer with the user dictionary (loaded on first use): the
    dictionary of the part-of-speech tagger, and the reference :func:`segmenter` is held to.

    Raises ImportError with an install hint when jieba is missing.
    """
    try:
        import jieba
    except ImportError as error:  # a clear message instead of a bare ModuleNotFoundError
        raise ImportError("helpers.nlp.segment needs jieba: pip install jieba") from error
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its INFO lines are noise on stderr
    config.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(config.CACHE_DIR)
    tk.cache_file = JIEBA_CACHE_NAME
    tk.initialize()
    tk.load_userdict(str(USER_DICT_FILE))
    return tk


@functools.cache
def pos_tagger():
    """A jieba part-of-speech tagger sharing :func:`tokenizer`'s dictionary."""
    import jieba.posseg

    # Importing jieba.posseg already read the word tags of jieba's dictionary (our tokenizer's
    # too) into its default tagger; POSTokenizer(...) would read them again (~1 s per process).
    tagger = object.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = tokenizer()
    tagger.word_tag_tab = dict(
        jieba.posseg.dt.word_tag_tab
    )  # the user dictionary's tags go in here
    return tagger


@functools.cache
def stopwords() -> frozenset[str]:
    """The stopword list of the package (``data/stopwords.txt``, # starts a comment)."""
    return resources.word_set(STOPWORDS_FILE)


def cut(text: str, keep: Iterable[str] = ()) -> list[str]:
    """Words of a text, slogans and numbers with units kept whole, punctuation dropped: the
    tokens the build stores for it (the words of :func:`sentence_words`).

    ``keep`` adds words to keep whole in this text only (e.g. the names of the officials
    found in the article: jieba cuts 秦国文 into 秦国 文), without touching the shared dictionary.

    >>> cut("今年1—6月，我市产业链规上企业实现产值855.04亿元")
    ['今年', '1—6月', '我市', '产业链', '规上企业', '实现', '产值', '855.04亿元']
    """
    return sentence_words(text, split_sentences(text), keep)[1]


def sentence_words(
    text: str, sentences: list[Sentence], keep: Iterable[str] = ()
) -> tuple[list[int], list[str]]:
    """The words of every sentence, in text order, with the index of the sentence of each,
    from one jieba call for the whole text: each sentence gets the words it gets alone.

    jieba cuts each run of Chinese characters, letters and digits on its own, and sentences
    begin and end at punctuation or white space, so cutting the whole text gives every
    sentence the words it gets alone.

    >>> sentence_words("要抓招商。增长8.1%！", split_sentences("要抓招商。增长8.1%！"))
    ([0, 0, 0, 1, 1], ['要', '抓', '招商', '增长', '8.1%'])
    """
    offsets, words = _words(
        text, [span for spans in sentence_spans(text, sentences, keep) for span in spans]
    )
    # Every word lies inside a sentence (only white space is between sentences).
    indexes = np.searchsorted([s.start for s in sentences], offsets, side="right") - 1
    return indexes.tolist(), words


def _words(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[str]]:
    """Offsets and words in text order: each of ``spans`` (sorted, disjoint) as one word,
    jieba's words between them; white space and punctuation dropped.

    One segmenter call: the spans are blanked out with newlines of the same length, which jieba
    never joins to a word, so the pieces between spans are cut as if alone and offsets hold.
    """
    pieces, position = [], 0
    for start, end in spans:
        pieces += [text[position:start], "\n" * (end - start)]
        position = end
    pieces.append(text[position:])
    tokens = jieba_cut("".join(pieces))
    # jieba's tokens never hold both white space and other characters, so need no strip().
    # Punctuation is looked for among the distinct tokens that are not all letters or digits.
    punctuation = {
        token
        for token in set(compress(tokens, map(operator.not_, map(str.isalnum, tokens))))
        if _PUNCT_TOKEN.match(token)
    }
    kept = list(map(operator.not_, map(punctuation.__contains__, tokens)))
    offsets = list(compress(accumulate(map(len, tokens), initial=0), kept))
    words = list(compress(tokens, kept))
    for start, end in spans:
        word = text[start:end].strip()
        if word and not _PUNCT_TOKEN.match(word):
            i = bisect.bisect_left(offsets, start)
            offsets.insert(i, start)
            words.insert(i, word)
    return offsets, words


@functools.lru_cache(maxsize=8192)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs from jieba's tagger, for short phrases (cached: names recur)."""
    return tuple((pair.word, pair.flag) for pair in pos_tagger().lcut(text))
