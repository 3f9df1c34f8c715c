"""Reporter credits and newswire leads: metadata, not article text.

Forms seen in the corpus, in both scripts:

- a lead ``衡阳晚报讯(全媒体记者 陈润)`` or ``云陽網訊(記者 王彬彬 唐斌 鄧磊)`` opening the first paragraph;
- a credit ``(記者 張軍亞)`` opening a paragraph or ``(記者 陳潤)`` closing one;
- a photo credit ``記者 王慶建 張 佩 攝`` closing a caption (two-character names are
  often spaced out to the width of three: ``張 佩``).
"""

import re

from helpers.clean.edits import EditLog, sub
from helpers.text.chars import HAN
from helpers.clean.glosses import remove_pinyin_glosses

_ROLE = "(?:(?:全媒[体體]|融媒[体體]|本[报報]|本台|[见見][习習]|特[约約])?[记記]者|通[讯訊][员員]|[实實][习習]生)"
_NAMES = f"[{HAN}·][{HAN}·、，, ]{{0,40}}?"
_CREDIT = f"[（(] ?{_ROLE}[ ：:]*(?:{_NAMES})(?: ?{_ROLE}[ ：:]*{_NAMES})* ?[）)]"
_PHOTO = f"{_ROLE} +(?P<photo>{_NAMES}) ?[摄攝](?:影)?$"

# A newswire lead: the outlet's name and 讯, then a credit (本报讯 may come without one).
LEAD = re.compile(f"^(?:(?P<outlet>[^\\s，。,（(“]{{2,12}}?)[讯訊] ?(?={_CREDIT})|本[报報][讯訊])")
_CREDIT_RE = re.compile(_CREDIT)
# Spaces around a byline (and a run of credits) go with it; see _drop.
# The look-ahead lets the search skip, cheaply, characters no byline can start with.
_BYLINE = re.compile(f"(?:^|(?=[ （(全融本见見特记記通实實])) *(?:{LEAD.pattern} ?(?:{_CREDIT})?|{_CREDIT}|{_PHOTO})"
                     f"(?: *{_CREDIT})* *", re.MULTILINE)
# Every byline names a role (记者, 通讯员, 实习生) or is 本报讯, and bylines never span lines,
# so only the few lines with one of these pairs are searched (the byline pattern is slow
# to try at every character; a single character class is fast to search for).
_HINT = re.compile("[记記通实實本][者讯訊习習报報]")
_LEAD_AT_LINE_START = re.compile(f"^(?:{LEAD.pattern[1:]}|{_CREDIT})", re.MULTILINE)
_ROLE_RE = re.compile(_ROLE)


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
        for credit in [match.group("photo") or ""] + credits:  # a bare 本报讯 credits nobody
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
    inside_line = 0 < match.start() and text[match.start() - 1] != "\n" and text[match.end():match.end() + 1] not in ("", "\n")
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
    """Delete newswire leads, reporter credits and photo credits.

    >>> remove_bylines("衡阳晚报讯(全媒体记者 陈润)虎年首个工作日。\\n胡水龍出席。(記者 陳潤)")
    '虎年首个工作日。\\n胡水龍出席。'
    """
    while True:  # a lead can hide another credit behind it
        removed = _remove_once(text, log)
        if removed == text:
            return text
        # Taking a credit out can put a Chinese character right before a pinyin gloss
        # (中(记者 陈润)(zhōng)); such a gloss goes too, as the gloss step would take it.
        text = remove_pinyin_glosses(removed, log)
