"""Traditional -> Simplified with OpenCC; the original script is kept beside it."""

import re
from functools import cache

import opencc

from helpers import config, resources

ZHU_WORDS_FILE = config.PACKAGE_DATA_DIR / "zhu_words.txt"


@cache
def _converter(direction: str = "t2s") -> opencc.OpenCC:
    # One converter per process and direction (the build runs articles in worker processes).
    return opencc.OpenCC(direction)


@cache
def script_of(char: str) -> str:
    """``"traditional"`` or ``"simplified"`` for a character written only in that script, else ``""``.

    >>> script_of("產"), script_of("产"), script_of("保")
    ('traditional', 'simplified', '')
    """
    if _converter().convert(char) != char:
        return "traditional"
    return "simplified" if _converter("s2t").convert(char) != char else ""


@cache
def _zhu() -> re.Pattern:
    words = resources.read_list(ZHU_WORDS_FILE)
    # Leftmost alternative wins: a listed word is matched whole before the lone 著.
    return re.compile("|".join(map(re.escape, words)) + "|著")


def simplify_zhu(text: str) -> str:
    """Write the particle and verb 着 where a Traditional 著 survived t2s; keep 著名, 显著, ...

    >>> simplify_zhu("沿著高质量发展轨道，著力推进显著成效，著名企业")
    '沿着高质量发展轨道，着力推进显著成效，著名企业'
    """
    if "著" not in text:
        return text
    return _zhu().sub(lambda match: match[0] if len(match[0]) > 1 else "着", text)


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` (Simplified text passes through).

    >>> to_simplified("衡陽產業鏈建設攻堅戰，隨著發展")
    '衡阳产业链建设攻坚战，随着发展'
    """
    return simplify_zhu(_converter().convert(text)) if text else text
