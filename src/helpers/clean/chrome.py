"""Portal chrome: menus, breadcrumbs, publication stamps and footers, dropped line by line.

The patterns are data (``data/boilerplate.txt``), matched against a normalized copy of each
short line (Simplified, no glosses, no spaces), so one pattern covers both scripts.
"""

import re
from functools import cache

from helpers import resources
from helpers import config
from helpers.clean.edits import EditLog
from helpers.text.chars import DOUBLED_MARK
from helpers.clean.glosses import remove_pinyin_glosses
from helpers.clean.script import to_simplified

PATTERNS_FILE = config.PACKAGE_DATA_DIR / "boilerplate.txt"
MAX_LINE = 150  # article paragraphs are longer than any menu or footer

_SPACES = re.compile(r"\s+")
_MARKS = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"})
_MARK_PAIR = re.compile("[，。、；：！？,:;!]{2}")


@cache
def _pattern() -> re.Pattern:
    patterns = resources.read_list(PATTERNS_FILE)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True if ``line`` is a menu entry, breadcrumb, publication stamp or footer.

    The line is judged without its spaces and doubled marks, with full-width punctuation,
    glosses removed and in Simplified, so that no later cleaning step can change the
    verdict (``發(fā)布: 2020`` is judged as ``发布：2020``).

    >>> is_boilerplate("欄目導航"), is_boilerplate("當(dāng)前頁面: 首頁 > 政務公開")
    (True, True)
    >>> is_boilerplate("鄧群策還就做好當前各項工作作了安排部署。")
    False
    """
    key = _SPACES.sub("", line)
    if len(key) > MAX_LINE and not _MARK_PAIR.search(key):
        return False  # a paragraph: too long, and no doubled mark to drop (a quick test first)
    key = DOUBLED_MARK.sub(r"\1", key.translate(_MARKS))
    if not key or len(key) > MAX_LINE:
        return False
    return _pattern().match(to_simplified(remove_pinyin_glosses(key))) is not None


def remove_boilerplate(text: str, log: EditLog = None) -> str:
    """Drop every boilerplate line.

    >>> remove_boilerplate("新聞資訊\\n鄧群策強調,要把補鏈強鏈延鏈作為核心任務。\\n附件下載:")
    '鄧群策強調,要把補鏈強鏈延鏈作為核心任務。'
    """
    kept = []
    for line in text.split("\n"):
        if is_boilerplate(line):
            if log is not None:
                log.append((line, ""))
        else:
            kept.append(line)
    return "\n".join(kept)
