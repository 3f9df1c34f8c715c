"""Character classes shared by the cleaning steps (regular-expression fragments)."""

import re

# CJK Unified Ideographs with Extension A, the compatibility block and Extensions B-F:
# every Chinese character, Traditional or Simplified.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"

HAN_RE = re.compile(f"[{HAN}]")


def has_han(text: str) -> bool:
    """True if ``text`` holds at least one Chinese character.

    >>> has_han("GDP 增长"), has_han("GDP")
    (True, False)
    """
    return HAN_RE.search(text) is not None
