"""Traditional -> Simplified with OpenCC; the original script is kept beside it."""

from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    # One converter per process (the build runs articles in worker processes).
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` (Simplified text passes through).

    >>> to_simplified("衡陽產業鏈建設攻堅戰")
    '衡阳产业链建设攻坚战'
    """
    return _converter().convert(text) if text else text
