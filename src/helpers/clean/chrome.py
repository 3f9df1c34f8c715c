"""Portal chrome: menus, breadcrumbs, stamps, widgets and footers, dropped line by line.

A line is chrome when it says so (an explicit marker of ``data/chrome.txt``: 字号, 分享,
责任编辑, 第3版…) or when it looks like it (jusText's idea applied to lines): a lone letter,
a telephone number, a breadcrumb continued on its own line, a list of menu links. Both are
judged on a normalized copy of each short line (Simplified, no glosses, no spaces), so one
rule covers both scripts. Where a line stands matters too: what lies above the headline
is chrome (:func:`helpers.clean.split.split_header`), and a block of other stories at the
end of a page (``data/related.txt``: 相关阅读, 新闻推荐…) goes whole (:func:`cut_related`).
"""

import re
from functools import cache

from helpers import config, resources
from helpers.clean.edits import EditLog
from helpers.clean.glosses import remove_pinyin_glosses
from helpers.clean.script import to_simplified
from helpers.text.chars import DOUBLED_MARK

PATTERNS_FILE = config.PACKAGE_DATA_DIR / "chrome.txt"
RELATED_FILE = config.PACKAGE_DATA_DIR / "related.txt"
MAX_LINE = 150  # article paragraphs are longer than any menu or footer
PARAGRAPH = 60  # a line this long with a sentence mark is article text, for cut_related

_SPACES = re.compile(r"\s+")
_MARKS = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"})
_MARK_PAIR = re.compile("[，。、；：！？,:;!]{2}")
_SENTENCE_MARK = re.compile("[，,。；;！？!?]")


@cache
def _pattern(path=PATTERNS_FILE) -> re.Pattern:
    patterns = resources.read_list(path)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# What chrome looks like when no marker names it, on the normalized line.
SHAPES = {
    "lone letters": re.compile(r"[A-Za-z]{1,3}"),
    "telephone number": re.compile(
        r"(?:电话|热线|手机|咨询)?[:：]?[\d\-－—()（）+＋ 、，,/转]{7,}"
    ),
    "breadcrumb": re.compile(r"[>›»＞].*"),
    "menu links": re.compile(
        r"(?:[^\s|｜·>›»，。！？]{1,5}[\s|｜·]+){3,}[^\s|｜·>›»，。！？]{1,5}"
    ),
}


# Search-engine spam above a headline: four or more short phrases joined by commas, nothing
# that ends a sentence. (Only above the headline: a hard-wrapped sentence can look the same.)
KEYWORD_LIST = re.compile(r"(?:[^，,。！？；;：:]{2,12}[，,]){3,}[^，,。！？；;：:]{2,12}")


def _key(line: str) -> str | None:
    """The line as chrome is judged: no spaces or doubled marks, full-width punctuation,
    no glosses, Simplified; None for a paragraph (too long to be chrome)."""
    key = _SPACES.sub("", line).lstrip("|｜·•")  # a separator left of the line's first item
    if len(key) > MAX_LINE and not _MARK_PAIR.search(key):
        return None  # a paragraph: too long, and no doubled mark to drop (a quick test first)
    key = DOUBLED_MARK.sub(r"\1", key.translate(_MARKS))
    if not key or len(key) > MAX_LINE:
        return None
    return to_simplified(remove_pinyin_glosses(key))


def chrome_kind(line: str) -> str | None:
    """Why ``line`` is chrome (``"marker"`` or the name of its shape), or None.

    >>> chrome_kind("欄目導航"), chrome_kind("當(dāng)前頁面: 首頁 > 政務公開"), chrome_kind("> 产业发展 > 工作部署")
    ('marker', 'marker', 'breadcrumb')
    >>> chrome_kind("A"), chrome_kind("0734-8828281"), chrome_kind("首页 新闻 政务 服务 互动")
    ('lone letters', 'telephone number', 'menu links')
    >>> chrome_kind("紧盯第一要务 坚定主攻方向 注重统筹推进") is None  # a subtitle, not menu links
    True
    """
    key = _key(line)
    if key is None:
        return None
    if _pattern().match(key):
        return "marker"
    # Shapes are judged with the spaces kept: they separate menu links.
    spaced = to_simplified(remove_pinyin_glosses(line.strip()))
    for name, shape in SHAPES.items():
        if shape.fullmatch(spaced):
            return name
    return None


def is_boilerplate(line: str) -> bool:
    """True if ``line`` is chrome: a menu entry, breadcrumb, stamp, widget or footer.

    The line is judged without its spaces and doubled marks, with full-width punctuation,
    glosses removed and in Simplified, so that no later cleaning step can change the
    verdict (``發(fā)布: 2020`` is judged as ``发布：2020``).

    >>> is_boilerplate("欄目導航"), is_boilerplate("字号：大 中 小"), is_boilerplate("浏览量：1024")
    (True, True, True)
    >>> is_boilerplate("鄧群策還就做好當前各項工作作了安排部署。")
    False
    """
    return chrome_kind(line) is not None


def cut_related(text: str, log: EditLog = None) -> str:
    r"""Drop a block of other stories at the end of a page: its heading and all after it.

    Only a heading below the article's first paragraph opens such a block (a 推荐新闻 menu
    entry above the headline is chrome of its own).

    >>> page = "标题\n" + "我县召开大会，部署产业链工作。" * 5 + "\n相关阅读\n某县召开大会\n某县讯 另一篇报道。"
    >>> cut_related(page).split("\n")
    ['标题', '我县召开大会，部署产业链工作。我县召开大会，部署产业链工作。我县召开大会，部署产业链工作。我县召开大会，部署产业链工作。我县召开大会，部署产业链工作。']
    """
    lines = text.split("\n")
    seen_paragraph = False
    for i, line in enumerate(lines):
        if seen_paragraph and (key := _key(line)) and _pattern(RELATED_FILE).match(key):
            if log is not None:
                log.extend((dropped, "") for dropped in lines[i:] if dropped.strip())
            return "\n".join(lines[:i]).rstrip("\n")
        seen_paragraph = seen_paragraph or (
            len(line.strip()) >= PARAGRAPH and bool(_SENTENCE_MARK.search(line))
        )
    return text


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
