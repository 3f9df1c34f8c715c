"""Labels for display: a Chinese term with a short English gloss, for tables, text and charts.

:mod:`helpers.report.gloss` finds the English; this module shows it whole in a table cell
(:func:`gloss`: tables wrap) and without its asides on a tick label (:func:`short_gloss`), never
cut with "…". Charts (:mod:`helpers.report.plots`) and tables (:mod:`helpers.report.display`)
both label terms with it.
"""

import functools
import math
import re
from collections.abc import Callable

import pandas as pd

from helpers.report import names
from helpers.report.gloss import (
    compound,
    english,
    longest_glossed_words,
    number_english,
    place,
    surnames,
)
from helpers.text.chars import HAN

CHART_GLOSS_CHARS = 30  # a chart label's gloss longer than this loses its asides in brackets
# Dictionary apparatus that is no gloss: cross-references and pinyin in brackets.
_NOT_GLOSS = re.compile(
    r",?\s*\b(?:abbr\.|see also\b|see\b|variant of\b|also written\b).*$|\[[^\]]*\]"
)

Labeller = Callable[[str], str]


def whole_gloss(gloss: str) -> str:
    """The first sense of a gloss without dictionary apparatus, whole: what a table shows.

    >>> whole_gloss("fine chemical industry, abbr. of 化學工業|化学工业[hua4 xue2 gong1 ye4]")
    'fine chemical industry'
    >>> whole_gloss("six stabilities; six guarantees")
    'six stabilities'
    """
    return _NOT_GLOSS.sub("", gloss.split(";", 1)[0]).strip(" ,")


def short_gloss(gloss: str, limit: int = CHART_GLOSS_CHARS) -> str:
    """The same sense as :func:`whole_gloss`, shorter for a chart: past ``limit`` characters its
    asides in brackets go. Never cut mid-sense: a chart label must not say half of a gloss.

    >>> short_gloss("to push (e.g. for acceptance of a plan)")
    'to push'
    >>> short_gloss("three highlands, four new missions (Hunan strategy)")
    'three highlands, four new missions'
    >>> short_gloss("hydraulics (fluid power)")
    'hydraulics (fluid power)'
    """
    whole = whole_gloss(gloss)
    if len(whole) <= limit:
        return whole
    return re.sub(r"\s*\([^)]*\)", "", whole).strip() or whole


def gloss(term: str) -> str:
    """The whole English gloss of a term for a table's English column: its dictionary gloss,
    else its words glossed one by one (:func:`text_gloss`, names in pinyin); empty for a term
    without Chinese that no source knows.

    >>> gloss("产业链"), gloss("动态项目储备库"), gloss("蒿慧杰"), gloss("ABC")
    ('industrial chain', 'development project reserves warehouse', 'Hao Huijie', '')
    """
    english_ = english(term)
    if english_ != term:
        return whole_gloss(english_)
    words = text_gloss(term)
    return words if words != term else ""


def significant(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, never in scientific notation.

    >>> significant(1000.0), significant(309.12), significant(0.0812), significant(1.5)
    ('1,000', '309', '0.0812', '1.5')
    """
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    shown = f"{round(x, decimals):,.{decimals}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def amount_english(value: float | None, unit: str | None) -> str:
    """A figure's value in English words of scale: ``384 bn yuan``, ``8.1%``, ``50,000``.

    >>> amount_english(3.84e11, "元"), amount_english(2e8, "美元"), amount_english(0.081, "ratio")
    ('384 bn yuan', '200 m US dollars', '8.1%')
    >>> amount_english(5e4, ""), amount_english(None, None)
    ('50,000', '')
    """
    if value is None or pd.isna(value):
        return ""
    if unit == "ratio":
        return f"{significant(value * 100)}%"
    currency = {"元": " yuan", "美元": " US dollars"}.get(unit or "", "")
    for scale, word in ((1e9, " bn"), (1e6, " m")):
        if currency and abs(value) >= scale:
            return f"{significant(value / scale)}{word}{currency}"
    return f"{value:,.0f}{currency}"


def name_pinyin(name: str) -> str:
    """A person's name in pinyin, surname first, as names are romanized: ``Deng Qunce``.

    >>> name_pinyin("邓群策"), name_pinyin("朱健")
    ('Deng Qunce', 'Zhu Jian')
    """
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    return " ".join(filter(None, [syllables[0].capitalize(), "".join(syllables[1:]).capitalize()]))


def role_gloss(role: str | None) -> str:
    """English for an official's role, each of its parts glossed (市委副书记、市长 is two posts).

    >>> role_gloss("市委副书记、市长")
    'deputy city party secretary; mayor'
    """
    return "; ".join(gloss(part) for part in role.split("、")) if role else ""


def label(term: str, gloss: Labeller | None = None) -> str:
    """A Chinese term with its (short) English gloss beside it, for axes, legends and tables.

    >>> label("产业链", gloss=lambda term: "industrial chain")
    '产业链 (industrial chain)'
    >>> label("ABC", gloss=lambda term: "")
    'ABC'
    """
    english_ = (gloss or _gloss_of)(term)
    return f"{term} ({short_gloss(english_)})" if english_ and english_ != term else term


def _gloss_of(term: str) -> str:
    return gloss(term)


def place_name(name: str) -> str:
    """A locality's English name: its pinyin name (:func:`helpers.report.gloss.place`), else
    the name its gloss starts with, else the name itself.

    >>> place_name("宜宾市"), place_name("衡阳市"), place_name("ABC")
    ('Yibin', 'Hengyang', 'ABC')
    """
    found = place(name) or _NAME_GLOSS.match(english(name))
    if found is None:
        return name
    return found if isinstance(found, str) else found.group(1)


def place_label(name: str) -> str:
    """A place name with its short English name.

    >>> place_label("衡阳市"), place_label("宜宾市")
    ('衡阳市 (Hengyang)', '宜宾市 (Yibin)')
    """
    return label(name, gloss=place_name)


_HAN_RUN = re.compile(f"[{HAN}]+")
_NUMERAL_WORD = re.compile("[零一二两三四五六七八九十百千万亿]+")
# The place a formula leaves open (工业强□ for 工业强市 and 工业强县: data/formula_patterns.csv).
_PLACE_MARK = "□"
# a Chinese run with the Arabic numerals before it (14条产业链) and the open place after it
# (工业强□: the gloss follows the whole formula)
_HAN_TERM = re.compile(f"(?<![0-9.])[0-9.]*[{HAN}]+{_PLACE_MARK}?(?![{HAN}{_PLACE_MARK}])")
# Chinese punctuation only: an ASCII full stop or comma sits inside numbers (855.04亿元, 1,000).
_PUNCTUATION = re.compile(r"([，。、；：！？（）“”《》])")
_ASCII_PUNCTUATION = str.maketrans("，。、；：！？（）“”《》", ',.,;:!?()""""')


# A dictionary's gloss of a name: the name, then what it is ("Hengyang prefecture-level city
# in Hunan", "Xi Jinping (1953-), ..."); inside a text the name alone is enough.
_NAME_GLOSS = re.compile(
    r"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)(?= \(| (?:[\w-]+ )?"
    r"(?:city|county|province|district|prefecture|municipality|town|township)\b)"
)


def _word_english(word: str) -> str:
    """One word in English: its gloss without asides (a place or person by name alone), else
    its pinyin (most words no source knows are names)."""
    english_ = english(word)
    if english_ == word:
        return _unknown_english(word) if _HAN_RUN.fullmatch(word) else word
    name = _NAME_GLOSS.match(english_)
    if name:
        return name.group(1)
    whole = whole_gloss(english_)
    return "" if whole.startswith("(") and whole.endswith(")") else short_gloss(whole, limit=0)


def _unknown_english(word: str) -> str:
    """A word no source knows, glossed by the smaller words the part-of-speech tagger reads in
    it, or by the longest known words (single characters too) that make it up; a person's name,
    as the tagger finds names, in pinyin (so a name is never glossed character by character)."""
    from helpers.nlp.segment import pos_tagger

    numeral = _NUMERAL_WORD.match(word)
    if numeral:  # 百亿级: ten billion, then what it counts
        rest = word[numeral.end() :]
        return " ".join(
            filter(None, [number_english(numeral.group()), rest and _word_english(rest)])
        )
    pieces = pos_tagger().lcut(word)
    if len(pieces) == 1:
        if pieces[0].flag.startswith("nr"):
            return name_pinyin(word)
        parts = longest_glossed_words(word, shortest=1)
        return " ".join(parts) if parts else name_pinyin(word)
    out, name = [], ""
    for piece in pieces:
        if piece.flag.startswith("nr"):
            name += piece.word
            continue
        if name:
            out.append(name_pinyin(name))
            name = ""
        out.append(_word_english(piece.word))
    return " ".join(filter(None, out + ([name_pinyin(name)] if name else [])))


# Tags of function words (conjunctions, prepositions, adverbs, particles, pronouns, numerals,
# classifiers, locatives): a surname character tagged so is its own word (和, 于, 向), no name.
_FUNCTION_TAGS = re.compile("^[cpdurmqfyeowx]")


@functools.cache
def _tag(word: str) -> str:
    """The part-of-speech tag of a word on its own, or "" if the tagger cuts it."""
    from helpers.nlp.segment import pos_tagger

    pieces = pos_tagger().lcut(word)
    return pieces[0].flag if len(pieces) == 1 else ""


def _given_name(word: str) -> bool:
    """Whether a word of one or two characters may be a given name after a surname: no source
    knows it, or the tagger reads it as a person's name (``nr``) and the sources know it only as
    a name (a capitalised gloss). Never a place (金寨, which the tagger reads as a person)."""
    if not (0 < len(word) <= 2 and _HAN_RUN.fullmatch(word)) or place(word):
        return False
    english_ = english(word)
    return english_ == word or (_tag(word).startswith("nr") and english_[:1].isupper())


_COMPOUND_WORDS = 3  # at most this many neighbouring words are tried as one compound


def _compounds(words: list[str]) -> list[str]:
    """The words with neighbours that the glossary or a pattern knows together joined
    (项目 为王 -> 项目为王, 工业 强市 -> 工业强市), longest first."""
    out, i = [], 0
    while i < len(words):
        for size in range(min(_COMPOUND_WORDS, len(words) - i), 1, -1):
            joined = "".join(words[i : i + size])
            if _HAN_RUN.fullmatch(joined) and compound(joined):
                out.append(joined)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _words_english(words: list[str], stop: frozenset[str]) -> list[str]:
    """The English of each word but stopwords; a name the segmenter split (邓 群策, 黄 海涛)
    joined again and in pinyin: a character no dictionary knows, or one it knows as a surname
    that is no function word here, then a given name (:func:`_given_name`)."""
    words, joined, i = _compounds(words), [], 0
    while i < len(words):
        word, following = words[i], words[i + 1] if i + 1 < len(words) else ""
        surname = len(word) == 1 and (
            english(word) == word or (word in surnames() and not _FUNCTION_TAGS.match(_tag(word)))
        )
        if surname and _given_name(following):
            joined.append(name_pinyin(word + following))
            i += 2
            continue
        if word not in stop:
            joined.append(_word_english(word))
        i += 1
    return [english_ for english_ in joined if english_]


def text_gloss(text: str) -> str:
    """A word-by-word English rendering of a Chinese text (a title, a sentence), so that a reader
    without Chinese sees what it is about. Words as the build cuts them (slogans and numbers
    whole), stopwords left out, each glossed as in every table; officials' names
    (:func:`helpers.report.names.names_in`) and words no source knows (names) in pinyin. A
    gloss, not a translation: word order and grammar stay Chinese.

    >>> text_gloss("邓群策：坚决打赢产业链建设攻坚战")
    'Deng Qunce: firm to win industrial chain to construct tackling hard problems to fight'
    >>> text_gloss("市委书记黄海涛强调，坚持项目为王")
    'municipal Party secretary Huang Haitao to emphasize, to persevere with projects are king'
    """
    from helpers.nlp.segment import cut, stopwords

    stop, out = stopwords(), []
    people = names.names_in(str(text))
    for piece in _PUNCTUATION.split(str(text)):
        if _PUNCTUATION.fullmatch(piece):
            out.append(piece.translate(_ASCII_PUNCTUATION))
            continue
        for part in names.split_names(piece, people):
            if part in people:
                out.append(" " + name_pinyin(part))
                continue
            out += [" " + english_ for english_ in _words_english(cut(part), stop)]
    return re.sub(r"\s+([,.;:!?)])", r"\1", "".join(out)).strip()


def with_glosses(text: str) -> str:
    """Text in which every Chinese run known to a glossary gets its English beside it, for lines
    mixing English and Chinese (a report's summary on the index page).

    >>> with_glosses("云阳县 and 漯河市 (cosine 0.33)")
    '云阳县 (Yunyang) and 漯河市 (Luohe) (cosine 0.33)'
    >>> with_glosses("slogans 项目为王, 三高四新 in 衡阳市; 产业链 (industrial chain); 14条产业链")
    'slogans 项目为王 (projects are king), 三高四新 (three highlands, four new missions) in 衡阳市 (Hengyang); 产业链 (industrial chain); 14条产业链 (fourteen industrial chains)'
    """
    return _HAN_TERM.sub(_glossed_once, str(text))


def _glossed_once(match: re.Match) -> str:
    """A Chinese run with its gloss, unless the gloss follows it already: a bracket after a term
    may hold something else (漯河市 (cosine 0.33) still needs "Luohe")."""
    labelled = label(match.group(), gloss=_name_or_gloss)
    already = labelled[len(match.group()) :]
    return match.group() if already and match.string.startswith(already, match.end()) else labelled


def _name_or_gloss(term: str) -> str:
    """A term's gloss, a place or person by name alone (衡阳市: Hengyang)."""
    english_ = gloss(term)
    name = _NAME_GLOSS.match(english_)
    return name.group(1) if name else english_
