"""Character classes shared by the stages (regular-expression fragments)."""

import re

import numpy as np

# CJK Unified Ideographs with Extension A, the compatibility block and Extensions B-F:
# every Chinese character, Traditional or Simplified.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"

HAN_RE = re.compile(f"[{HAN}]")

# Pinyin vowels with a tone mark, and every lower-case letter pinyin is written with.
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_LETTERS = f"a-z{TONE_MARKS}ü"

# A Chinese punctuation mark written twice or more in a row (``，，``).
DOUBLED_MARK = re.compile("([，。、；：！？])\\1+")


def has_han(text: str) -> bool:
    """True if ``text`` holds at least one Chinese character.

    >>> has_han("GDP 增长"), has_han("GDP")
    (True, False)
    """
    return HAN_RE.search(text) is not None


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as an array, one per character (astral ones included).

    >>> code_points("衡a𠀀").tolist()
    [34913, 97, 131072]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
