#!/usr/bin/env python3
"""Write the glossed-Traditional articles of the corpus from their Simplified sources.

Each ``glossed_src/<id>.txt`` (Simplified, full-width punctuation, written by us) becomes
``articles/<id>.txt`` in the style of the republisher of the seed files
(``data/raw/hengyang-2020-09-29-industrial-chain-rally.txt``):

* the whole page, chrome included, goes through OpenCC ``s2t``; where OpenCC picks one of
  several Traditional forms, the form the seed republisher uses is put back (``SEED_FORMS``:
  為 not 爲, 群 not 羣, 發布 not 發佈, and 干, 制, 后, 于, 并 left as they are, as the seeds
  show: their converter was a one-to-one character table);
* a converted character whose Traditional form differs from the Simplified one gets its
  tone-marked pinyin (pypinyin, read in the context of its run of Chinese characters) glued
  after it in ASCII brackets: ``產(chǎn)業(yè)鏈``, ``發(fā)展``;
* like the seed republisher, a set of common characters stays bare (``NO_GLOSS``: the
  converted characters that the two Hengyang seeds never gloss, e.g. 鏈 為 國 們 對 這), and
  會 and 絡 (and every other 創) carry the seed's stray space: ``會(huì )``, ``創(chuàng )``;
* commas, colons, semicolons and brackets become ASCII; 。、“”《》 stay full-width, except
  in files listed in ``ASCII_QUOTES`` (quotes become ``"``, as in the 2024 seed) and in
  ``DOUBLED_COMMAS`` (every comma doubled, as one republisher does).

Run with the project's interpreter plus pypinyin (``pip install pypinyin``):

    .venv/bin/python tests/corpus/make_glossed.py            # writes every glossed article
    .venv/bin/python tests/corpus/make_glossed.py --check    # only checks the round trip

It refuses a source whose Simplified text does not survive ``t2s(s2t(...))`` unchanged, so
the Simplified sentences of ``expected/<id>.json`` are exactly what OpenCC gives back.
Afterwards run ``make_mojibake.py``, which garbles chosen runs of some of these files.
"""

import pathlib
import re
import sys

import opencc
from pypinyin import Style, pinyin

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "glossed_src"
OUT = HERE / "articles"

# Converted characters that the Hengyang seeds (2020 rally, 2024 commentary) never gloss.
NO_GLOSS = set(
    "鏈強勢項為堅機體條兩資確問緊鄧題們園報張撐構決濟總謀讓貫劃劉圍圖徹斷爭競織繞臺興舉記變賦載這電頭"
    "龍壓夢將對庫廣徑揮搶極標氣盡積穩籌紡組綠習聞藍補裝讀較辦邁錨錯階難頁順黨備傳億內別剛勝匯員國團場"
    "奪妝屬懷揚暉楊榮欄權歸潤澤熱牽獲瓊眾碩礪稟節糾級細終給綜維綱緒編繪羅膽與華萬薦藥號視訊評認講議豐"
    "趨躍軌軍輕運過還醫鋼鍵鏡鐘閉開闖陳隊鞏韌須顧顯飛養龔"
)
SPACED = {"會", "絡"}  # always glossed with a stray space in the seed
SPACED_EVERY_OTHER = {"創"}  # sometimes
ASCII_QUOTES = {"zhuzhou-industrial-clusters-commentary", "guigang-park-infrastructure"}
DOUBLED_COMMAS = {"jingshan-investment-review"}

# OpenCC s2t form -> the form the seeds carry (every pair seen when the seeds' Traditional is
# sent through t2s and back through s2t).
SEED_FORMS = {
    "爲": "為",
    "幹": "干",
    "製": "制",
    "雲": "云",
    "羣": "群",
    "係": "系",
    "佈": "布",
    "傑": "杰",
    "並": "并",
    "於": "于",
    "遊": "游",
    "覈": "核",
    "鍊": "鏈",
    "紮": "扎",
    "啓": "啟",
    "衆": "眾",
    "鬆": "松",
    "後": "后",
    "瞭": "了",
    "窪": "洼",
    "儘": "盡",
    "餘": "余",
    "峯": "峰",
    "錶": "表",
    "釐": "厘",
    "佔": "占",
    "徵": "征",
    "彙": "匯",
    "築": "筑",
}

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
PUNCT = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})

_S2T = opencc.OpenCC("s2t")
_T2S = opencc.OpenCC("t2s")


def readings(simplified: str) -> list:
    """The pinyin of every character of ``simplified`` (None outside runs of Chinese)."""
    out = [None] * len(simplified)
    for run in HAN_RUN.finditer(simplified):
        syllables = pinyin(run.group(), style=Style.TONE, heteronym=False)
        assert len(syllables) == len(run.group()), run.group()
        for offset, syllable in enumerate(syllables):
            out[run.start() + offset] = syllable[0].lower()
    return out


def traditional(simplified: str, ident: str = "") -> str:
    """``simplified`` in the seed republisher's Traditional (no glosses yet)."""
    converted = _S2T.convert(simplified)
    if len(converted) != len(simplified):
        raise ValueError(f"{ident}: s2t changed the length")
    return "".join(SEED_FORMS.get(char, char) for char in converted)


def gloss(simplified: str, ident: str = "") -> tuple:
    """The glossed Traditional text of ``simplified`` and, for each Simplified character, the
    index where its Traditional form starts in that text."""
    traditional_text = traditional(simplified, ident)
    sounds = readings(simplified)
    pieces, where, length, every_other = [], [], 0, 0
    for simp, trad, sound in zip(simplified, traditional_text, sounds):
        where.append(length)
        piece = trad
        if trad != simp and trad not in NO_GLOSS and sound:
            space = trad in SPACED
            if trad in SPACED_EVERY_OTHER:
                every_other += 1
                space = every_other % 2 == 0
            piece += f"({sound}{' ' if space else ''})"
        piece = piece.translate(PUNCT)
        if ident in ASCII_QUOTES:
            piece = piece.replace("“", '"').replace("”", '"')
        if ident in DOUBLED_COMMAS and piece == ",":
            piece = ",,"
        pieces.append(piece)
        length += len(piece)
    where.append(length)
    return "".join(pieces), where


def check_round_trip(simplified: str, ident: str) -> list:
    problems = []
    for number, line in enumerate(simplified.splitlines(), 1):
        back = _T2S.convert(traditional(line, ident))
        if back != line:
            diff = [(a, b) for a, b in zip(line, back) if a != b]
            problems.append(f"{ident}:{number}: {diff}")
    return problems


def sources():
    return sorted(SRC.glob("*.txt"))


def build(ident: str) -> tuple:
    simplified = (SRC / f"{ident}.txt").read_text(encoding="utf-8")
    return gloss(simplified, ident)


def main(argv):
    problems = []
    for path in sources():
        problems += check_round_trip(path.read_text(encoding="utf-8"), path.stem)
    if problems:
        print("\n".join(problems))
        return 1
    if "--check" in argv:
        return 0
    for path in sources():
        text, _ = build(path.stem)
        (OUT / path.name).write_text(text, encoding="utf-8")
        print("wrote", (OUT / path.name).relative_to(HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
