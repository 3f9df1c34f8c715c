"""Reporter credits and newswire leads: metadata, not article text.

Forms seen in the corpus, in both scripts:

- a lead ``衡阳晚报讯(全媒体记者 陈润)`` or ``云陽網訊(記者 王彬彬 唐斌 鄧磊)`` opening the first paragraph;
- a credit ``(記者 張軍亞)`` opening a paragraph or ``(記者 陳潤)`` closing one;
- a photo credit ``記者 王慶建 張 佩 攝`` closing a caption (two-character names are
  often spaced out to the width of three: ``張 佩``);
- labelled credits, on a portal's publication line (``作者:李明 来源:宜宾新闻网 2022-07-28``)
  or in brackets at the end (``(撰稿:王芳 编辑:刘洋 审核:陈刚)``): :func:`labelled_credits`
  reads reporters, editors and the outlet from them; the bracket goes with the other
  credits, the publication line with the chrome.
"""

import re

from helpers.clean.edits import EditLog, sub
from helpers.clean.glosses import remove_pinyin_glosses
from helpers.text.chars import HAN

_ROLE = "(?:(?:全媒[体體]|融媒[体體]|本[报報]|本台|[见見][习習]|特[约約])?[记記]者|通[讯訊][员員]|[实實][习習]生)"
_NAMES = f"[{HAN}·][{HAN}·、，, ]{{0,40}}?"
_CREDIT = f"[（(] ?{_ROLE}[ ：:]*(?:{_NAMES})(?: ?{_ROLE}[ ：:]*{_NAMES})* ?[）)]"
_PHOTO = f"{_ROLE} +(?P<photo>{_NAMES}) ?[摄攝](?:影)?$"
# A credit on a line of its own, without brackets: 本报记者 李晓龙 王江涛
_CREDIT_LINE = f"^{_ROLE} +(?P<credited>[{HAN}·]{{2,4}}(?: +[{HAN}·]{{1,4}}){{0,6}})$"

# A newswire lead: the outlet's name and 讯, then a credit (本报讯 may come without one).
LEAD = re.compile(f"^(?:(?P<outlet>[^\\s，。,（(“]{{2,12}}?)[讯訊] ?(?={_CREDIT})|本[报報][讯訊])")
_CREDIT_RE = re.compile(_CREDIT)
# Spaces around a byline (and a run of credits) go with it; see _drop.
# The look-ahead lets the search skip, cheaply, characters no byline can start with.
_BYLINE = re.compile(
    f"(?:^|(?=[ （(全融本见見特记記通实實])) *(?:{LEAD.pattern} ?(?:{_CREDIT})?|{_CREDIT}|{_PHOTO}|{_CREDIT_LINE})"
    f"(?: *{_CREDIT})* *",
    re.MULTILINE,
)
# Every byline names a role (记者, 通讯员, 实习生) or is 本报讯, and bylines never span lines,
# so only the few lines with one of these pairs are searched (the byline pattern is slow
# to try at every character; a single character class is fast to search for).
_HINT = re.compile("[记記通实實本][者讯訊习習报報]")
_LEAD_AT_LINE_START = re.compile(
    f"^(?:{LEAD.pattern[1:]}|{_CREDIT}|{_CREDIT_LINE[1:]})", re.MULTILINE
)
_ROLE_RE = re.compile(_ROLE)

# Labels of a credit, by what they credit.
CREDIT_LABELS = {
    "reporters": "作者|记者|文|撰稿|撰文|通讯员|摄影|摄像|图|供稿",
    "editors": "责任编辑|编辑|责编|审核|审校|校对|监制|初审|复审|终审|值班编辑|美编",
    "outlet": "来源|稿源|信息来源|转自|出处",
}
_LABEL = "|".join(f"(?P<{kind}>{labels})" for kind, labels in CREDIT_LABELS.items())
# A label opens its line or bracket, or follows a space or a separator (not 工作者：); a role
# set off by spaces is a label too (来源：宜宾新闻网  记者 杨帆; in brackets, (记者 陈润), it is
# a byline's, read by find_reporters). A value ends at the next label
# (any short word and a colon: 字号：), a role set off by spaces, a closing bracket or a date.
_LABELLED = re.compile(
    f"(?:(?:^|(?<=[\\s（(|｜，,]))(?:{_LABEL})\\s*[:：|｜]|(?<=\\s)(?P<role>{_ROLE})\\s+(?=[{HAN}]))"
    f"\\s*(?P<value>.*?)(?=\\s*(?:{'|'.join(CREDIT_LABELS.values())}|发布时间|发布日期|时间|日期|浏览)"
    f"\\s*[:：]|\\s+[{HAN}]{{2,4}}\\s*[:：]|\\s+{_ROLE}\\s|[）)]|\\s+(?:19|20)\\d\\d[-/.年]|$)"
)
_CREDIT_BRACKET = re.compile(
    f"[（(]\\s*(?:{'|'.join(CREDIT_LABELS.values())})\\s*[:：|｜][^（()）\\n]{{0,80}}[)）]"
)
_PERSON = re.compile(f"[{HAN}·]{{2,5}}")


def labelled_credits(text: str) -> dict[str, list[str]]:
    """Reporters, editors and outlets named by labelled credits, in order, each once.

    >>> labelled_credits("作者:李明 来源:宜宾新闻网 2022-07-28 08:57:10\\n正文。(撰稿:王芳 编辑:刘洋、陈刚)")
    {'reporters': ['李明', '王芳'], 'editors': ['刘洋', '陈刚'], 'outlet': ['宜宾新闻网']}
    >>> labelled_credits("发布时间：2023-06-09　来源：柳州日报　作者：记者 韦晓燕　字号：大 中 小　打印")
    {'reporters': ['韦晓燕'], 'editors': [], 'outlet': ['柳州日报']}
    >>> labelled_credits("2023-04-18 09:30  来源：宜宾新闻网  记者 杨帆")
    {'reporters': ['杨帆'], 'editors': [], 'outlet': ['宜宾新闻网']}
    """
    found: dict[str, list[str]] = {kind: [] for kind in CREDIT_LABELS}
    for line in text.split("\n"):
        if len(line) > 200 and not _CREDIT_BRACKET.search(line):
            continue  # a paragraph; a credit line or bracket is short
        for match in _LABELLED.finditer(line):
            kind = next((k for k in CREDIT_LABELS if match.group(k)), "reporters")  # or a role
            values = (
                [match["value"].strip()]
                if kind == "outlet"
                else re.split(r"[\s、，,/]+", match["value"])
            )
            for value in values:
                if (
                    value
                    and (kind == "outlet" or _PERSON.fullmatch(value))
                    and not _ROLE_RE.fullmatch(value)  # 作者：记者 韦晓燕: 记者 is no name
                    and value not in found[kind]
                ):
                    found[kind].append(value)
    return found


def find_reporters(text: str) -> list[str]:
    """Names credited in bylines and photo credits, in order, each once.

    >>> find_reporters("云陽網訊(記者 王彬彬 唐斌 鄧磊)加快發展。")
    ['王彬彬', '唐斌', '鄧磊']
    >>> find_reporters("企業代表頒獎。記者 王慶建 張 佩 攝")
    ['王慶建', '張佩']
    """
    names: list[str] = []
    for match in (match for line in _lines_with_bylines(text) for match in _BYLINE.finditer(line)):
        credits = [credit.group(0)[1:-1] for credit in _CREDIT_RE.finditer(match.group(0))]
        for credit in [
            match.group("photo") or "",
            match.group("credited") or "",
        ] + credits:  # a bare 本报讯 credits nobody
            for name in _join_spaced_names(re.split("[ 、，,：:]+", _ROLE_RE.sub(" ", credit))):
                if name not in names:
                    names.append(name)
    return names


def _lines_with_bylines(text: str) -> list[str]:
    """The lines of ``text`` that may hold a byline."""
    return [line for line in text.split("\n") if _HINT.search(line)] if _HINT.search(text) else []


def _join_spaced_names(tokens: list[str]) -> list[str]:
    """``['王慶建', '張', '佩']`` -> ``['王慶建', '張佩']``: single characters pair up."""
    names, pending = [], ""
    for token in filter(None, tokens):
        if len(token) == 1:
            pending += token
            if len(pending) == 2:
                names.append(pending)
                pending = ""
        else:
            names.append(token)
    return names + ([pending] if pending else [])


def find_wire_outlet(text: str) -> str:
    """The outlet named by a newswire lead (``衡阳晚报讯`` -> ``衡阳晚报``), or ``""``.

    >>> find_wire_outlet("標題\\n衡阳晚报讯(全媒体记者 陈润)虎年首个工作日")
    '衡阳晚报'
    """
    for line in text.split("\n"):
        match = LEAD.match(line.strip())
        if match and match.group("outlet"):
            return match.group("outlet")
    return ""


def starts_with_byline(line: str) -> bool:
    """True if ``line`` opens with a newswire lead or a reporter credit.

    >>> starts_with_byline("(記者 張軍亞)8月31日至9月2日"), starts_with_byline("8月31日")
    (True, False)
    """
    return _LEAD_AT_LINE_START.match(line.strip()) is not None


def _drop(match: re.Match) -> str:
    """Nothing for a byline, or one space if it stood between two spaced words."""
    text, byline = match.string, match.group(0)
    inside_line = (
        0 < match.start()
        and text[match.start() - 1] != "\n"
        and text[match.end() : match.end() + 1] not in ("", "\n")
    )
    return " " if inside_line and byline.startswith(" ") and byline.endswith(" ") else ""


def _remove_once(text: str, log: EditLog) -> str:
    """One pass of the byline pattern over the lines that may hold a byline."""
    if not _HINT.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _HINT.search(line):
            lines[i] = sub(_BYLINE, _drop, line, log)
    return "\n".join(lines)


def remove_bylines(text: str, log: EditLog = None) -> str:
    """Delete newswire leads, reporter credits, photo credits and credits in brackets.

    >>> remove_bylines("衡阳晚报讯(全媒体记者 陈润)虎年首个工作日。\\n胡水龍出席。(記者 陳潤)")
    '虎年首个工作日。\\n胡水龍出席。'
    """
    text = sub(_CREDIT_BRACKET, "", text, log)
    while True:  # a lead can hide another credit behind it
        removed = _remove_once(text, log)
        if removed == text:
            return text
        # Taking a credit out can put a Chinese character right before a pinyin gloss
        # (中(记者 陈润)(zhōng)); such a gloss goes too, as the gloss step would take it.
        text = remove_pinyin_glosses(removed, log)
